from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


@cache
def _lazy_models() -> tuple[type[Metadata],]:
    """The models this one nests, imported on first use and then kept (they may refer back to
    this module, so they cannot be imported while it loads)."""
    from ..models.metadata import Metadata  # noqa: PLC0415

    return (Metadata,)


T = TypeVar("T", bound="SecureMessage")


@_attrs_define
class SecureMessage:
    """
    Attributes:
        id (str):
        application_id (str | None):
        patient_id (str | None):
        practitioner_id (str | None):
        sender_user_id (None | str): null for messages written before the authorship contract
        sender_role (None | str):
        client_message_id (None | str):
        content (str | None):
        metadata (Metadata | None):
        created_at (str | None): ISO-8601
    """

    id: str
    application_id: str | None = None
    patient_id: str | None = None
    practitioner_id: str | None = None
    sender_user_id: None | str = None
    sender_role: None | str = None
    client_message_id: None | str = None
    content: str | None = None
    metadata: Metadata | None = None
    created_at: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415

        id = self.id

        application_id_or_unset = UNSET if self.application_id is None else self.application_id
        application_id = application_id_or_unset

        patient_id_or_unset = UNSET if self.patient_id is None else self.patient_id
        patient_id = patient_id_or_unset

        practitioner_id_or_unset = UNSET if self.practitioner_id is None else self.practitioner_id
        practitioner_id = practitioner_id_or_unset

        sender_user_id_or_unset = UNSET if self.sender_user_id is None else self.sender_user_id
        sender_user_id: None | str | Unset
        if isinstance(sender_user_id_or_unset, Unset):
            sender_user_id = UNSET
        else:
            sender_user_id = sender_user_id_or_unset

        sender_role_or_unset = UNSET if self.sender_role is None else self.sender_role
        sender_role: None | str | Unset
        if isinstance(sender_role_or_unset, Unset):
            sender_role = UNSET
        else:
            sender_role = sender_role_or_unset

        client_message_id_or_unset = UNSET if self.client_message_id is None else self.client_message_id
        client_message_id: None | str | Unset
        if isinstance(client_message_id_or_unset, Unset):
            client_message_id = UNSET
        else:
            client_message_id = client_message_id_or_unset

        content_or_unset = UNSET if self.content is None else self.content
        content = content_or_unset

        metadata_or_unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(metadata_or_unset, Unset):
            metadata = UNSET
        elif isinstance(metadata_or_unset, Metadata):
            metadata = metadata_or_unset.to_dict()
        else:
            metadata = metadata_or_unset

        created_at_or_unset = UNSET if self.created_at is None else self.created_at
        created_at = created_at_or_unset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if application_id is not UNSET:
            field_dict["application_id"] = application_id
        if patient_id is not UNSET:
            field_dict["patient_id"] = patient_id
        if practitioner_id is not UNSET:
            field_dict["practitioner_id"] = practitioner_id
        if sender_user_id is not UNSET:
            field_dict["sender_user_id"] = sender_user_id
        if sender_role is not UNSET:
            field_dict["sender_role"] = sender_role
        if client_message_id is not UNSET:
            field_dict["client_message_id"] = client_message_id
        if content is not UNSET:
            field_dict["content"] = content
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        (Metadata,) = _lazy_models()
        d = dict(src_dict)
        id = d.pop("id")

        application_id = d.pop("application_id", UNSET)

        patient_id = d.pop("patient_id", UNSET)

        practitioner_id = d.pop("practitioner_id", UNSET)

        def _parse_sender_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_user_id = _parse_sender_user_id(d.pop("sender_user_id", UNSET))

        def _parse_sender_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_role = _parse_sender_role(d.pop("sender_role", UNSET))

        def _parse_client_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_message_id = _parse_client_message_id(d.pop("client_message_id", UNSET))

        content = d.pop("content", UNSET)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        created_at = d.pop("created_at", UNSET)

        _instance = cls(
            id=id,
            application_id=None if isinstance(application_id, Unset) else application_id,
            patient_id=None if isinstance(patient_id, Unset) else patient_id,
            practitioner_id=None if isinstance(practitioner_id, Unset) else practitioner_id,
            sender_user_id=None if isinstance(sender_user_id, Unset) else sender_user_id,
            sender_role=None if isinstance(sender_role, Unset) else sender_role,
            client_message_id=None if isinstance(client_message_id, Unset) else client_message_id,
            content=None if isinstance(content, Unset) else content,
            metadata=None if isinstance(metadata, Unset) else metadata,
            created_at=None if isinstance(created_at, Unset) else created_at,
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
