from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.price import Price


@cache
def _lazy_models() -> tuple[
    type[Metadata],
    type[Price],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415
    from ..models.price import Price  # noqa: PLC0415

    return (
        Metadata,
        Price,
    )


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """
    Attributes:
        id (str):
        name (str | None):
        description (None | str):
        images (list[str] | None):
        active (bool | None):
        metadata (Metadata | None):
        prices (list[Price] | None):
        default_price (None | Price):
        created_at (int | None | str): ISO-8601 string, which is what spaps 0.1.4 parses (its Product model types it as
            str); unix seconds are tolerated
    """

    id: str
    name: str | None = None
    description: None | str = None
    images: list[str] | None = None
    active: bool | None = None
    metadata: Metadata | None = None
    prices: list[Price] | None = None
    default_price: None | Price = None
    created_at: int | None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.price import Price  # noqa: PLC0415

        id = self.id

        name_or_unset = UNSET if self.name is None else self.name
        name = name_or_unset

        description_or_unset = UNSET if self.description is None else self.description
        description: None | str | Unset
        if isinstance(description_or_unset, Unset):
            description = UNSET
        else:
            description = description_or_unset

        images_or_unset = UNSET if self.images is None else self.images
        images: list[str] | Unset = UNSET
        if not isinstance(images_or_unset, Unset):
            images = images_or_unset

        active_or_unset = UNSET if self.active is None else self.active
        active = active_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(metadata_or_unset, Unset):
            metadata = UNSET
        elif isinstance(metadata_or_unset, Metadata):
            metadata = metadata_or_unset.to_dict()
        else:
            metadata = metadata_or_unset

        prices_or_unset = UNSET if self.prices is None else self.prices
        prices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(prices_or_unset, Unset):
            prices = []
            for prices_item_data in prices_or_unset:
                prices_item = prices_item_data.to_dict()
                prices.append(prices_item)

        default_price_or_unset = UNSET if self.default_price is None else self.default_price
        default_price: dict[str, Any] | None | Unset
        if isinstance(default_price_or_unset, Unset):
            default_price = UNSET
        elif isinstance(default_price_or_unset, Price):
            default_price = default_price_or_unset.to_dict()
        else:
            default_price = default_price_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at: int | None | str | Unset
        if isinstance(created_at_or_unset, Unset):
            created_at = UNSET
        else:
            created_at = created_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if images is not UNSET:
            field_dict["images"] = images
        if active is not UNSET:
            field_dict["active"] = active
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if prices is not UNSET:
            field_dict["prices"] = prices
        if default_price is not UNSET:
            field_dict["default_price"] = default_price
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Metadata,
            Price,
        ) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        images = cast(list[str], d.pop("images", UNSET))

        active = d.pop("active", UNSET)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _prices = d.pop("prices", UNSET)
        prices: list[Price] | Unset = UNSET
        if _prices is not UNSET:
            prices = []
            for prices_item_data in _prices:
                prices_item = Price.from_dict(prices_item_data)

                prices.append(prices_item)

        def _parse_default_price(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_price_type_0 = Price.from_dict(data)

                return default_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Price | Unset, data)

        default_price = _parse_default_price(d.pop("default_price", UNSET))

        def _parse_created_at(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        _instance = cls(
            id=id,
            name=None if isinstance(name, Unset) else name,
            description=None if isinstance(description, Unset) else description,
            images=None if isinstance(images, Unset) else images,
            active=None if isinstance(active, Unset) else active,
            metadata=None if isinstance(metadata, Unset) else metadata,
            prices=None if isinstance(prices, Unset) else prices,
            default_price=None if isinstance(default_price, Unset) else default_price,
            created_at=None if isinstance(created_at, Unset) else created_at,
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
