from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.product import Product


@cache
def _lazy_models() -> tuple[
    type[Metadata],
    type[Product],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415
    from ..models.product import Product  # noqa: PLC0415

    return (
        Metadata,
        Product,
    )


T = TypeVar("T", bound="ProductList")


@_attrs_define
class ProductList:
    """
    Attributes:
        products (list[Product]):
        total (int | None):
        admin_metadata (Metadata | None):
    """

    products: list[Product]
    total: int | None = None
    admin_metadata: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        products = []
        for products_item_data in self.products:
            products_item = products_item_data.to_dict()
            products.append(products_item)

        total_or_unset = UNSET if self.total is None else self.total
        total = total_or_unset

        admin_metadata_or_unset = UNSET if self.admin_metadata is None else self.admin_metadata
        admin_metadata: dict[str, Any] | None | Unset
        if isinstance(admin_metadata_or_unset, Unset):
            admin_metadata = UNSET
        elif isinstance(admin_metadata_or_unset, Metadata):
            admin_metadata = admin_metadata_or_unset.to_dict()
        else:
            admin_metadata = admin_metadata_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "products": products,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if admin_metadata is not UNSET:
            field_dict["adminMetadata"] = admin_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Metadata,
            Product,
        ) = _lazy_models()
        d = dict(src_dict)
        products = []
        _products = d.pop("products")
        for products_item_data in _products:
            products_item = Product.from_dict(products_item_data)

            products.append(products_item)

        total = d.pop("total", UNSET)

        def _parse_admin_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                admin_metadata_type_0 = Metadata.from_dict(data)

                return admin_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        admin_metadata = _parse_admin_metadata(d.pop("adminMetadata", UNSET))

        _instance = cls(
            products=products,
            total=None if isinstance(total, Unset) else total,
            admin_metadata=None if isinstance(admin_metadata, Unset) else admin_metadata,
        )

        _instance.additional_properties = d
        return _instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
