from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="CreateSecureMessageRequest")


@_attrs_define
class CreateSecureMessageRequest:
    """camelCase on the wire; unknown keys (e.g. sender fields) are refused

    Attributes:
        patient_id (str): SPAPS user id of the patient
        practitioner_id (str): SPAPS user id of the practitioner
        content (str):
        metadata (Metadata | None): free-form JSON object
        client_message_id (str | None): idempotency token for resends
    """

    patient_id: str
    practitioner_id: str
    content: str
    metadata: Metadata | None = None
    client_message_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        practitioner_id = self.practitioner_id

        content = self.content

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(metadata_or_unset, Unset):
            metadata = metadata_or_unset.to_dict()

        client_message_id_or_unset = UNSET if self.client_message_id is None else self.client_message_id
        client_message_id = client_message_id_or_unset

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patientId": patient_id,
                "practitionerId": practitioner_id,
                "content": content,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if client_message_id is not UNSET:
            field_dict["clientMessageId"] = client_message_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        patient_id = d.pop("patientId")

        practitioner_id = d.pop("practitionerId")

        content = d.pop("content")

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        client_message_id = d.pop("clientMessageId", UNSET)

        _instance = cls(
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            content=content,
            metadata=None if isinstance(metadata, Unset) else metadata,
            client_message_id=None if isinstance(client_message_id, Unset) else client_message_id,
        )

        return _instance
