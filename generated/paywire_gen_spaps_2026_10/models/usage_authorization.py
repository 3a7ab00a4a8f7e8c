from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amounts import Amounts
    from ..models.usage_reason import UsageReason
    from ..models.usage_window import UsageWindow


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
        resource_id (None | str | Unset):
        subject_user_id (None | str | Unset):
        active_entitlements (list[str] | Unset):
        policy_key (None | str | Unset):
        window (None | Unset | UsageWindow):
        window_totals (Amounts | None | Unset):
        remaining (Amounts | None | Unset):
        reasons (list[UsageReason] | Unset):
        warnings (list[str] | Unset):
    """

    decision: str
    feature_key: str
    resource_type: str
    authorization_ref: str
    expires_at: str
    resource_id: None | str | Unset = UNSET
    subject_user_id: None | str | Unset = UNSET
    active_entitlements: list[str] | Unset = UNSET
    policy_key: None | str | Unset = UNSET
    window: None | Unset | UsageWindow = UNSET
    window_totals: Amounts | None | Unset = UNSET
    remaining: Amounts | None | Unset = UNSET
    reasons: list[UsageReason] | Unset = UNSET
    warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amounts import Amounts  # noqa: PLC0415
        from ..models.usage_window import UsageWindow  # noqa: PLC0415

        decision = self.decision

        feature_key = self.feature_key

        resource_type = self.resource_type

        authorization_ref = self.authorization_ref

        expires_at = self.expires_at

        resource_id: None | str | Unset
        if isinstance(self.resource_id, Unset):
            resource_id = UNSET
        else:
            resource_id = self.resource_id

        subject_user_id: None | str | Unset
        if isinstance(self.subject_user_id, Unset):
            subject_user_id = UNSET
        else:
            subject_user_id = self.subject_user_id

        active_entitlements: list[str] | Unset = UNSET
        if not isinstance(self.active_entitlements, Unset):
            active_entitlements = self.active_entitlements

        policy_key: None | str | Unset
        if isinstance(self.policy_key, Unset):
            policy_key = UNSET
        else:
            policy_key = self.policy_key

        window: dict[str, Any] | None | Unset
        if isinstance(self.window, Unset):
            window = UNSET
        elif isinstance(self.window, UsageWindow):
            window = self.window.to_dict()
        else:
            window = self.window

        window_totals: dict[str, Any] | None | Unset
        if isinstance(self.window_totals, Unset):
            window_totals = UNSET
        elif isinstance(self.window_totals, Amounts):
            window_totals = self.window_totals.to_dict()
        else:
            window_totals = self.window_totals

        remaining: dict[str, Any] | None | Unset
        if isinstance(self.remaining, Unset):
            remaining = UNSET
        elif isinstance(self.remaining, Amounts):
            remaining = self.remaining.to_dict()
        else:
            remaining = self.remaining

        reasons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = []
            for reasons_item_data in self.reasons:
                reasons_item = reasons_item_data.to_dict()
                reasons.append(reasons_item)

        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings

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
        from ..models.amounts import Amounts  # noqa: PLC0415
        from ..models.usage_reason import UsageReason  # noqa: PLC0415
        from ..models.usage_window import UsageWindow  # noqa: PLC0415

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

        usage_authorization = cls(
            decision=decision,
            feature_key=feature_key,
            resource_type=resource_type,
            authorization_ref=authorization_ref,
            expires_at=expires_at,
            resource_id=resource_id,
            subject_user_id=subject_user_id,
            active_entitlements=active_entitlements,
            policy_key=policy_key,
            window=window,
            window_totals=window_totals,
            remaining=remaining,
            reasons=reasons,
            warnings=warnings,
        )

        usage_authorization.additional_properties = d
        return usage_authorization

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
