from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_tokens import AuthTokens
    from ..models.auth_user import AuthUser


@cache
def _lazy_models() -> tuple[
    type[AuthTokens],
    type[AuthUser],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.auth_tokens import AuthTokens  # noqa: PLC0415
    from ..models.auth_user import AuthUser  # noqa: PLC0415

    return (
        AuthTokens,
        AuthUser,
    )


T = TypeVar("T", bound="AuthResultData")


@_attrs_define
class AuthResultData:
    """production nesting of an auth result

    Attributes:
        message (str | None):
        user (AuthUser | None): user as returned with tokens (login, wallet sign-in, register, magic link)
        tokens (AuthTokens | None): token set (register and magic-link results; `token_type` may be absent, meaning
            Bearer)
    """

    message: str | None = None
    user: AuthUser | None = None
    tokens: AuthTokens | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        user_or_unset = UNSET if self.user is None else self.user
        user: dict[str, Any] | Unset = UNSET
        if not isinstance(user_or_unset, Unset):
            user = user_or_unset.to_dict()

        tokens_or_unset = UNSET if self.tokens is None else self.tokens
        tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(tokens_or_unset, Unset):
            tokens = tokens_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if user is not UNSET:
            field_dict["user"] = user
        if tokens is not UNSET:
            field_dict["tokens"] = tokens

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            AuthTokens,
            AuthUser,
        ) = _lazy_models()
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        _user = d.pop("user", UNSET)
        user: AuthUser | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = AuthUser.from_dict(_user)

        _tokens = d.pop("tokens", UNSET)
        tokens: AuthTokens | Unset
        if isinstance(_tokens, Unset):
            tokens = UNSET
        else:
            tokens = AuthTokens.from_dict(_tokens)

        _instance = cls(
            message=None if isinstance(message, Unset) else message,
            user=None if isinstance(user, Unset) else user,
            tokens=None if isinstance(tokens, Unset) else tokens,
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
