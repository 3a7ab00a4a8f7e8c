from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CreateSecureMessageRequest")


@_attrs_define
class CreateSecureMessageRequest:
    """camelCase on the wire; unknown keys (e.g. sender fields) are refused

    Attributes:
        patient_id (str): SPAPS user id of the patient
        practitioner_id (str): SPAPS user id of the practitioner
        content (str):
        metadata (Metadata | Unset): free-form JSON object
        client_message_id (str | Unset): idempotency token for resends
    """

    patient_id: str
    practitioner_id: str
    content: str
    metadata: Metadata | Unset = UNSET
    client_message_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        practitioner_id = self.practitioner_id

        content = self.content

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        client_message_id = self.client_message_id

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
        from ..models.metadata import Metadata  # noqa: PLC0415

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

        create_secure_message_request = cls(
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            content=content,
            metadata=metadata,
            client_message_id=client_message_id,
        )

        return create_secure_message_request
