from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_result_data import AuthResultData
    from ..models.auth_tokens import AuthTokens
    from ..models.auth_user import AuthUser


T = TypeVar("T", bound="AuthResultResponse")


@_attrs_define
class AuthResultResponse:
    """`message`, `user`, `tokens` at the top level (flat) or inside `data` (nested); all optional

    Attributes:
        success (bool):
        message (str | Unset):
        request_id (str | Unset):
        timestamp (str | Unset): ISO-8601
        user (AuthUser | Unset): user as returned with tokens (login, wallet sign-in, register, magic link)
        tokens (AuthTokens | Unset): token set (register and magic-link results; `token_type` may be absent, meaning
            Bearer)
        data (AuthResultData | Unset): production nesting of an auth result
    """

    success: bool
    message: str | Unset = UNSET
    request_id: str | Unset = UNSET
    timestamp: str | Unset = UNSET
    user: AuthUser | Unset = UNSET
    tokens: AuthTokens | Unset = UNSET
    data: AuthResultData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        request_id = self.request_id

        timestamp = self.timestamp

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = self.tokens.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if user is not UNSET:
            field_dict["user"] = user
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auth_result_data import AuthResultData  # noqa: PLC0415
        from ..models.auth_tokens import AuthTokens  # noqa: PLC0415
        from ..models.auth_user import AuthUser  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message", UNSET)

        request_id = d.pop("request_id", UNSET)

        timestamp = d.pop("timestamp", UNSET)

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

        _data = d.pop("data", UNSET)
        data: AuthResultData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = AuthResultData.from_dict(_data)

        auth_result_response = cls(
            success=success,
            message=message,
            request_id=request_id,
            timestamp=timestamp,
            user=user,
            tokens=tokens,
            data=data,
        )

        auth_result_response.additional_properties = d
        return auth_result_response

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
