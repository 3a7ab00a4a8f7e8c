from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.validation_error_item import ValidationErrorItem


@cache
def _lazy_models() -> tuple[type[ValidationErrorItem],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.validation_error_item import ValidationErrorItem  # noqa: PLC0415

    return (ValidationErrorItem,)


T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """Error envelope `{"status": "error", "message", "code"?, "errors"?}`, or FastAPI's
    `{"detail": …}` from older backends. All fields are optional so either shape parses.

        Attributes:
            status (str | None):
            message (str | None): user-facing message
            code (None | str): machine-readable code
            errors (list[ValidationErrorItem] | None): validation problems (422)
            detail (list[ValidationErrorItem] | str | None): FastAPI fallback, a string or a list of problems
    """

    status: str | None = None
    message: str | None = None
    code: None | str = None
    errors: list[ValidationErrorItem] | None = None
    detail: list[ValidationErrorItem] | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        status_or_unset = UNSET if self.status is None else self.status
        status = status_or_unset

        message_or_unset = UNSET if self.message is None else self.message
        message = message_or_unset

        code_or_unset = UNSET if self.code is None else self.code
        code: None | str | Unset
        if isinstance(code_or_unset, Unset):
            code = UNSET
        else:
            code = code_or_unset

        errors_or_unset = UNSET if self.errors is None else self.errors
        errors: list[dict[str, Any]] | None | Unset
        if isinstance(errors_or_unset, Unset):
            errors = UNSET
        elif isinstance(errors_or_unset, list):
            errors = []
            for errors_type_0_item_data in errors_or_unset:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = errors_or_unset

        detail_or_unset = UNSET if self.detail is None else self.detail
        detail: list[dict[str, Any]] | str | Unset
        if isinstance(detail_or_unset, Unset):
            detail = UNSET
        elif isinstance(detail_or_unset, list):
            detail = []
            for detail_type_1_item_data in detail_or_unset:
                detail_type_1_item = detail_type_1_item_data.to_dict()
                detail.append(detail_type_1_item)

        else:
            detail = detail_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message
        if code is not UNSET:
            field_dict["code"] = code
        if errors is not UNSET:
            field_dict["errors"] = errors
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (ValidationErrorItem,) = _lazy_models()
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        message = d.pop("message", UNSET)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_errors(data: object) -> list[ValidationErrorItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = ValidationErrorItem.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ValidationErrorItem] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_detail(data: object) -> list[ValidationErrorItem] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                detail_type_1 = []
                _detail_type_1 = data
                for detail_type_1_item_data in _detail_type_1:
                    detail_type_1_item = ValidationErrorItem.from_dict(detail_type_1_item_data)

                    detail_type_1.append(detail_type_1_item)

                return detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ValidationErrorItem] | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        _instance = cls(
            status=None if isinstance(status, Unset) else status,
            message=None if isinstance(message, Unset) else message,
            code=None if isinstance(code, Unset) else code,
            errors=None if isinstance(errors, Unset) else errors,
            detail=None if isinstance(detail, Unset) else detail,
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
