from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amounts import Amounts


@cache
def _lazy_models() -> tuple[type[Amounts],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.amounts import Amounts  # noqa: PLC0415

    return (Amounts,)


T = TypeVar("T", bound="UsageRecord")


@_attrs_define
class UsageRecord:
    """
    Attributes:
        event_id (str):
        status (str):
        replayed (bool):
        idempotency_key (str):
        recorded_at (str): ISO-8601
        authorization_ref (None | str):
        window_totals (Amounts | None):
    """

    event_id: str
    status: str
    replayed: bool
    idempotency_key: str
    recorded_at: str
    authorization_ref: None | str = None
    window_totals: Amounts | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amounts import Amounts  # noqa: PLC0415

        event_id = self.event_id

        status = self.status

        replayed = self.replayed

        idempotency_key = self.idempotency_key

        recorded_at = self.recorded_at

        authorization_ref_or_unset = UNSET if self.authorization_ref is None else self.authorization_ref
        authorization_ref: None | str | Unset
        if isinstance(authorization_ref_or_unset, Unset):
            authorization_ref = UNSET
        else:
            authorization_ref = authorization_ref_or_unset

        window_totals_or_unset = UNSET if self.window_totals is None else self.window_totals
        window_totals: dict[str, Any] | None | Unset
        if isinstance(window_totals_or_unset, Unset):
            window_totals = UNSET
        elif isinstance(window_totals_or_unset, Amounts):
            window_totals = window_totals_or_unset.to_dict()
        else:
            window_totals = window_totals_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "status": status,
                "replayed": replayed,
                "idempotency_key": idempotency_key,
                "recorded_at": recorded_at,
            }
        )
        if authorization_ref is not UNSET:
            field_dict["authorization_ref"] = authorization_ref
        if window_totals is not UNSET:
            field_dict["window_totals"] = window_totals

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Amounts,) = _lazy_models()
        d = dict(src_dict)
        event_id = d.pop("event_id")

        status = d.pop("status")

        replayed = d.pop("replayed")

        idempotency_key = d.pop("idempotency_key")

        recorded_at = d.pop("recorded_at")

        def _parse_authorization_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorization_ref = _parse_authorization_ref(d.pop("authorization_ref", UNSET))

        def _parse_window_totals(data: object) -> Amounts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                window_totals_type_0 = Amounts.from_dict(data)

                return window_totals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Amounts | None | Unset, data)

        window_totals = _parse_window_totals(d.pop("window_totals", UNSET))

        _instance = cls(
            event_id=event_id,
            status=status,
            replayed=replayed,
            idempotency_key=idempotency_key,
            recorded_at=recorded_at,
            authorization_ref=None if isinstance(authorization_ref, Unset) else authorization_ref,
            window_totals=None if isinstance(window_totals, Unset) else window_totals,
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
