from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guest_checkout_session_summary import GuestCheckoutSessionSummary


@cache
def _lazy_models() -> tuple[type[GuestCheckoutSessionSummary],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.guest_checkout_session_summary import GuestCheckoutSessionSummary  # noqa: PLC0415

    return (GuestCheckoutSessionSummary,)


T = TypeVar("T", bound="GuestCheckoutSessionList")


@_attrs_define
class GuestCheckoutSessionList:
    """
    Attributes:
        sessions (list[GuestCheckoutSessionSummary]):
        has_more (bool | None):
    """

    sessions: list[GuestCheckoutSessionSummary]
    has_more: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        has_more_or_unset = UNSET if self.has_more is None else self.has_more
        has_more = has_more_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessions": sessions,
            }
        )
        if has_more is not UNSET:
            field_dict["has_more"] = has_more

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (GuestCheckoutSessionSummary,) = _lazy_models()
        d = dict(src_dict)
        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = GuestCheckoutSessionSummary.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        has_more = d.pop("has_more", UNSET)

        _instance = cls(
            sessions=sessions,
            has_more=None if isinstance(has_more, Unset) else has_more,
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
