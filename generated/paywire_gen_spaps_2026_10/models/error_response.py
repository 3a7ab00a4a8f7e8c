from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail
    from ..models.error_metadata import ErrorMetadata


@cache
def _lazy_models() -> tuple[
    type[ErrorDetail],
    type[ErrorMetadata],
]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.error_detail import ErrorDetail  # noqa: PLC0415
    from ..models.error_metadata import ErrorMetadata  # noqa: PLC0415

    return (
        ErrorDetail,
        ErrorMetadata,
    )


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """SPAPS error envelope. `error` is normally an object; an OAuth-style string code with
    `error_description` is also accepted.

        Attributes:
            error (ErrorDetail | str):
            success (bool | None):
            error_description (str | None):
            metadata (ErrorMetadata | None):
            request_id (str | None):
    """

    error: ErrorDetail | str
    success: bool | None = None
    error_description: str | None = None
    metadata: ErrorMetadata | None = None
    request_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        error: dict[str, Any] | str
        if isinstance(self.error, ErrorDetail):
            error = self.error.to_dict()
        else:
            error = self.error

        success_or_unset = UNSET if self.success is None else self.success
        success = success_or_unset

        error_description_or_unset = UNSET if self.error_description is None else self.error_description
        error_description = error_description_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        request_id_or_unset = UNSET if self.request_id is None else self.request_id
        request_id = request_id_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if success is not UNSET:
            field_dict["success"] = success
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (
            ErrorDetail,
            ErrorMetadata,
        ) = _lazy_models()
        d = dict(src_dict)

        def _parse_error(data: object) -> ErrorDetail | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorDetail.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorDetail | str, data)

        error = _parse_error(d.pop("error"))

        success = d.pop("success", UNSET)

        error_description = d.pop("error_description", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ErrorMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ErrorMetadata.from_dict(_metadata)

        request_id = d.pop("request_id", UNSET)

        _instance = cls(
            error=error,
            success=None if isinstance(success, Unset) else success,
            error_description=None if isinstance(error_description, Unset) else error_description,
            metadata=None if isinstance(metadata, Unset) else metadata,
            request_id=None if isinstance(request_id, Unset) else request_id,
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
