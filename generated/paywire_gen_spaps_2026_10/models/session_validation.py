from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.current_session import CurrentSession
    from ..models.session_authority import SessionAuthority


@cache
def _lazy_models() -> tuple[
    type[CurrentSession],
    type[SessionAuthority],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.current_session import CurrentSession  # noqa: PLC0415
    from ..models.session_authority import SessionAuthority  # noqa: PLC0415

    return (
        CurrentSession,
        SessionAuthority,
    )


T = TypeVar("T", bound="SessionValidation")


@_attrs_define
class SessionValidation:
    """
    Attributes:
        valid (bool):
        reason (None | str): why a session is not valid (when `valid` is false)
        session_id (str | None):
        expires_at (str | None): ISO-8601
        renewed (bool | None):
        session (CurrentSession | None):
        authority (None | SessionAuthority):
    """

    valid: bool
    reason: None | str = None
    session_id: str | None = None
    expires_at: str | None = None
    renewed: bool | None = None
    session: CurrentSession | None = None
    authority: None | SessionAuthority = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.current_session import CurrentSession  # noqa: PLC0415
        from ..models.session_authority import SessionAuthority  # noqa: PLC0415

        valid = self.valid

        reason_or_unset = UNSET if self.reason is None else self.reason
        reason: None | str | Unset
        if isinstance(reason_or_unset, Unset):
            reason = UNSET
        else:
            reason = reason_or_unset

        session_id_or_unset = UNSET if self.session_id is None else self.session_id
        session_id = session_id_or_unset

        expires_at_or_unset = UNSET if self.expires_at is None else self.expires_at
        expires_at = expires_at_or_unset

        renewed_or_unset = UNSET if self.renewed is None else self.renewed
        renewed = renewed_or_unset

        session_or_unset = UNSET if self.session is None else self.session
        session: dict[str, Any] | None | Unset
        if isinstance(session_or_unset, Unset):
            session = UNSET
        elif isinstance(session_or_unset, CurrentSession):
            session = session_or_unset.to_dict()
        else:
            session = session_or_unset

        authority_or_unset = UNSET if self.authority is None else self.authority
        authority: dict[str, Any] | None | Unset
        if isinstance(authority_or_unset, Unset):
            authority = UNSET
        elif isinstance(authority_or_unset, SessionAuthority):
            authority = authority_or_unset.to_dict()
        else:
            authority = authority_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if renewed is not UNSET:
            field_dict["renewed"] = renewed
        if session is not UNSET:
            field_dict["session"] = session
        if authority is not UNSET:
            field_dict["authority"] = authority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            CurrentSession,
            SessionAuthority,
        ) = _lazy_models()
        d = dict(src_dict)
        valid = d.pop("valid")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        session_id = d.pop("session_id", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        renewed = d.pop("renewed", UNSET)

        def _parse_session(data: object) -> CurrentSession | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                session_type_0 = CurrentSession.from_dict(data)

                return session_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrentSession | None | Unset, data)

        session = _parse_session(d.pop("session", UNSET))

        def _parse_authority(data: object) -> None | SessionAuthority | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                authority_type_0 = SessionAuthority.from_dict(data)

                return authority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionAuthority | Unset, data)

        authority = _parse_authority(d.pop("authority", UNSET))

        _instance = cls(
            valid=valid,
            reason=None if isinstance(reason, Unset) else reason,
            session_id=None if isinstance(session_id, Unset) else session_id,
            expires_at=None if isinstance(expires_at, Unset) else expires_at,
            renewed=None if isinstance(renewed, Unset) else renewed,
            session=None if isinstance(session, Unset) else session,
            authority=None if isinstance(authority, Unset) else authority,
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
