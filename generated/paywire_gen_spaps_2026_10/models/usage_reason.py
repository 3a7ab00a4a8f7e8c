from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="UsageReason")


@_attrs_define
class UsageReason:
    """
    Attributes:
        code (str | None):
        message (str | None):
        details (Metadata | None):
    """

    code: str | None = None
    message: str | None = None
    details: Metadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        code_or_unset = UNSET if self.code is None else self.code
        code = code_or_unset

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        details_or_unset = UNSET if self.details is None else self.details
        details: dict[str, Any] | None | Unset
        if isinstance(details_or_unset, Unset):
            details = UNSET
        elif isinstance(details_or_unset, Metadata):
            details = details_or_unset.to_dict()
        else:
            details = details_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        def _parse_details(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = Metadata.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        _instance = cls(
            code=None if isinstance(code, Unset) else code,
            message=None if isinstance(message, Unset) else message,
            details=None if isinstance(details, Unset) else details,
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
