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


T = TypeVar("T", bound="MagicLinkSignIn")


@_attrs_define
class MagicLinkSignIn:
    """verify-magic-link result, nested in `data`

    Attributes:
        user (AuthUser): user as returned with tokens (login, wallet sign-in, register, magic link)
        tokens (AuthTokens): token set (register and magic-link results; `token_type` may be absent, meaning Bearer)
        message (str | None):
    """

    user: AuthUser
    tokens: AuthTokens
    message: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        tokens = self.tokens.to_dict()

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "tokens": tokens,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            AuthTokens,
            AuthUser,
        ) = _lazy_models()
        d = dict(src_dict)
        user = AuthUser.from_dict(d.pop("user"))

        tokens = AuthTokens.from_dict(d.pop("tokens"))

        message = d.pop("message", UNSET)

        _instance = cls(
            user=user,
            tokens=tokens,
            message=None if isinstance(message, Unset) else message,
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
