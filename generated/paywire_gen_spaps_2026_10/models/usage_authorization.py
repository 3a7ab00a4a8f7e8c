from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amounts import Amounts
    from ..models.usage_reason import UsageReason
    from ..models.usage_window import UsageWindow


@cache
def _lazy_models() -> tuple[
    type[Amounts],
    type[UsageReason],
    type[UsageWindow],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.amounts import Amounts  # noqa: PLC0415
    from ..models.usage_reason import UsageReason  # noqa: PLC0415
    from ..models.usage_window import UsageWindow  # noqa: PLC0415

    return (
        Amounts,
        UsageReason,
        UsageWindow,
    )


T = TypeVar("T", bound="UsageAuthorization")


@_attrs_define
class UsageAuthorization:
    """a status plus the reference to quote when recording

    Attributes:
        decision (str):
        feature_key (str):
        resource_type (str):
        authorization_ref (str):
        expires_at (str): ISO-8601; record before this
        resource_id (None | str):
        subject_user_id (None | str):
        active_entitlements (list[str] | None):
        policy_key (None | str):
        window (None | UsageWindow):
        window_totals (Amounts | None):
        remaining (Amounts | None):
        reasons (list[UsageReason] | None):
        warnings (list[str] | None):
    """

    decision: str
    feature_key: str
    resource_type: str
    authorization_ref: str
    expires_at: str
    resource_id: None | str = None
    subject_user_id: None | str = None
    active_entitlements: list[str] | None = None
    policy_key: None | str = None
    window: None | UsageWindow = None
    window_totals: Amounts | None = None
    remaining: Amounts | None = None
    reasons: list[UsageReason] | None = None
    warnings: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amounts import Amounts  # noqa: PLC0415
        from ..models.usage_window import UsageWindow  # noqa: PLC0415

        decision = self.decision

        feature_key = self.feature_key

        resource_type = self.resource_type

        authorization_ref = self.authorization_ref

        expires_at = self.expires_at

        resource_id_or_unset = UNSET if self.resource_id is None else self.resource_id
        resource_id: None | str | Unset
        if isinstance(resource_id_or_unset, Unset):
            resource_id = UNSET
        else:
            resource_id = resource_id_or_unset

        subject_user_id_or_unset = UNSET if self.subject_user_id is None else self.subject_user_id
        subject_user_id: None | str | Unset
        if isinstance(subject_user_id_or_unset, Unset):
            subject_user_id = UNSET
        else:
            subject_user_id = subject_user_id_or_unset

        active_entitlements_or_unset = UNSET if self.active_entitlements is None else self.active_entitlements
        active_entitlements: list[str] | Unset = UNSET
        if not isinstance(active_entitlements_or_unset, Unset):
            active_entitlements = active_entitlements_or_unset

        policy_key_or_unset = UNSET if self.policy_key is None else self.policy_key
        policy_key: None | str | Unset
        if isinstance(policy_key_or_unset, Unset):
            policy_key = UNSET
        else:
            policy_key = policy_key_or_unset

        window_or_unset = UNSET if self.window is None else self.window
        window: dict[str, Any] | None | Unset
        if isinstance(window_or_unset, Unset):
            window = UNSET
        elif isinstance(window_or_unset, UsageWindow):
            window = window_or_unset.to_dict()
        else:
            window = window_or_unset

        window_totals_or_unset = UNSET if self.window_totals is None else self.window_totals
        window_totals: dict[str, Any] | None | Unset
        if isinstance(window_totals_or_unset, Unset):
            window_totals = UNSET
        elif isinstance(window_totals_or_unset, Amounts):
            window_totals = window_totals_or_unset.to_dict()
        else:
            window_totals = window_totals_or_unset

        remaining_or_unset = UNSET if self.remaining is None else self.remaining
        remaining: dict[str, Any] | None | Unset
        if isinstance(remaining_or_unset, Unset):
            remaining = UNSET
        elif isinstance(remaining_or_unset, Amounts):
            remaining = remaining_or_unset.to_dict()
        else:
            remaining = remaining_or_unset

        reasons_or_unset = UNSET if self.reasons is None else self.reasons
        reasons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(reasons_or_unset, Unset):
            reasons = []
            for reasons_item_data in reasons_or_unset:
                reasons_item = reasons_item_data.to_dict()
                reasons.append(reasons_item)

        warnings_or_unset = UNSET if self.warnings is None else self.warnings
        warnings: list[str] | Unset = UNSET
        if not isinstance(warnings_or_unset, Unset):
            warnings = warnings_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
                "feature_key": feature_key,
                "resource_type": resource_type,
                "authorization_ref": authorization_ref,
                "expires_at": expires_at,
            }
        )
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if subject_user_id is not UNSET:
            field_dict["subject_user_id"] = subject_user_id
        if active_entitlements is not UNSET:
            field_dict["active_entitlements"] = active_entitlements
        if policy_key is not UNSET:
            field_dict["policy_key"] = policy_key
        if window is not UNSET:
            field_dict["window"] = window
        if window_totals is not UNSET:
            field_dict["window_totals"] = window_totals
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            Amounts,
            UsageReason,
            UsageWindow,
        ) = _lazy_models()
        d = dict(src_dict)
        decision = d.pop("decision")

        feature_key = d.pop("feature_key")

        resource_type = d.pop("resource_type")

        authorization_ref = d.pop("authorization_ref")

        expires_at = d.pop("expires_at")

        def _parse_resource_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_id = _parse_resource_id(d.pop("resource_id", UNSET))

        def _parse_subject_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_user_id = _parse_subject_user_id(d.pop("subject_user_id", UNSET))

        active_entitlements = cast(list[str], d.pop("active_entitlements", UNSET))

        def _parse_policy_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_key = _parse_policy_key(d.pop("policy_key", UNSET))

        def _parse_window(data: object) -> None | Unset | UsageWindow:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                window_type_0 = UsageWindow.from_dict(data)

                return window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UsageWindow, data)

        window = _parse_window(d.pop("window", UNSET))

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

        def _parse_remaining(data: object) -> Amounts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remaining_type_0 = Amounts.from_dict(data)

                return remaining_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Amounts | None | Unset, data)

        remaining = _parse_remaining(d.pop("remaining", UNSET))

        _reasons = d.pop("reasons", UNSET)
        reasons: list[UsageReason] | Unset = UNSET
        if _reasons is not UNSET:
            reasons = []
            for reasons_item_data in _reasons:
                reasons_item = UsageReason.from_dict(reasons_item_data)

                reasons.append(reasons_item)

        warnings = cast(list[str], d.pop("warnings", UNSET))

        _instance = cls(
            decision=decision,
            feature_key=feature_key,
            resource_type=resource_type,
            authorization_ref=authorization_ref,
            expires_at=expires_at,
            resource_id=None if isinstance(resource_id, Unset) else resource_id,
            subject_user_id=None if isinstance(subject_user_id, Unset) else subject_user_id,
            active_entitlements=None if isinstance(active_entitlements, Unset) else active_entitlements,
            policy_key=None if isinstance(policy_key, Unset) else policy_key,
            window=None if isinstance(window, Unset) else window,
            window_totals=None if isinstance(window_totals, Unset) else window_totals,
            remaining=None if isinstance(remaining, Unset) else remaining,
            reasons=None if isinstance(reasons, Unset) else reasons,
            warnings=None if isinstance(warnings, Unset) else warnings,
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
