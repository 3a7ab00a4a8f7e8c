from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_method_config import AuthMethodConfig


@cache
def _lazy_models() -> tuple[type[AuthMethodConfig],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.auth_method_config import AuthMethodConfig  # noqa: PLC0415

    return (AuthMethodConfig,)


T = TypeVar("T", bound="AuthMethod")


@_attrs_define
class AuthMethod:
    """one sign-in method (decision 13)

    Attributes:
        method (str):
        enabled (bool):
        allowed (bool | None):
        configured (bool | None):
        ready (bool | None):
        setup_reason (None | str):
        config (AuthMethodConfig | None):
    """

    method: str
    enabled: bool
    allowed: bool | None = None
    configured: bool | None = None
    ready: bool | None = None
    setup_reason: None | str = None
    config: AuthMethodConfig | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        enabled = self.enabled

        allowed_or_unset = UNSET if self.allowed is None else self.allowed
        allowed: bool | None | Unset
        if isinstance(allowed_or_unset, Unset):
            allowed = UNSET
        else:
            allowed = allowed_or_unset

        configured_or_unset = UNSET if self.configured is None else self.configured
        configured: bool | None | Unset
        if isinstance(configured_or_unset, Unset):
            configured = UNSET
        else:
            configured = configured_or_unset

        ready_or_unset = UNSET if self.ready is None else self.ready
        ready: bool | None | Unset
        if isinstance(ready_or_unset, Unset):
            ready = UNSET
        else:
            ready = ready_or_unset

        setup_reason_or_unset = UNSET if self.setup_reason is None else self.setup_reason
        setup_reason: None | str | Unset
        if isinstance(setup_reason_or_unset, Unset):
            setup_reason = UNSET
        else:
            setup_reason = setup_reason_or_unset

        config_or_unset = UNSET if self.config is None else self.config
        config: dict[str, Any] | Unset = UNSET
        if not isinstance(config_or_unset, Unset):
            config = config_or_unset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "enabled": enabled,
            }
        )
        if allowed is not UNSET:
            field_dict["allowed"] = allowed
        if configured is not UNSET:
            field_dict["configured"] = configured
        if ready is not UNSET:
            field_dict["ready"] = ready
        if setup_reason is not UNSET:
            field_dict["setup_reason"] = setup_reason
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (AuthMethodConfig,) = _lazy_models()
        d = dict(src_dict)
        method = d.pop("method")

        enabled = d.pop("enabled")

        def _parse_allowed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        allowed = _parse_allowed(d.pop("allowed", UNSET))

        def _parse_configured(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        configured = _parse_configured(d.pop("configured", UNSET))

        def _parse_ready(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ready = _parse_ready(d.pop("ready", UNSET))

        def _parse_setup_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        setup_reason = _parse_setup_reason(d.pop("setup_reason", UNSET))

        _config = d.pop("config", UNSET)
        config: AuthMethodConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = AuthMethodConfig.from_dict(_config)

        _instance = cls(
            method=method,
            enabled=enabled,
            allowed=None if isinstance(allowed, Unset) else allowed,
            configured=None if isinstance(configured, Unset) else configured,
            ready=None if isinstance(ready, Unset) else ready,
            setup_reason=None if isinstance(setup_reason, Unset) else setup_reason,
            config=None if isinstance(config, Unset) else config,
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
