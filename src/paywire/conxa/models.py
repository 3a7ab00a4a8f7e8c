"""CONXA result objects, with the seed's names, fields and helpers.

``QRCodeData`` is built locally (no HTTP); the others are read from tolerant JSON (missing
fields get the seed's defaults, unknown session statuses read as ``not_found``).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from paywire._core import mask, register_secret

if TYPE_CHECKING:
    from paywire_gen_conxa_v1.models import ChargeResponse
    from paywire_gen_conxa_v1.models import SessionStatus as SessionStatusBody
    from paywire_gen_conxa_v1.models import WalletBalance as WalletBalanceBody

__all__ = ["ChargeResult", "ConnectionStatus", "QRCodeData", "SessionStatus", "WalletBalance"]

PNG_DATA_URL_PREFIX = "data:image/png;base64,"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _utc(value: dt.datetime | str | None) -> dt.datetime | None:
    """A timezone-aware datetime (naive values are taken as UTC; ISO strings may end in Z)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


class QRCodeData:
    """A connection QR code: the payload, a PNG data URL, and its client-side expiry.

    Attributes (as in the seed): ``qr_data`` (the compact JSON encoded in the QR),
    ``qr_base64`` (``data:image/png;base64,…``), ``qr_image`` (a Pillow image, decoded lazily
    from the PNG; needs ``pip install 'paywire[pil]'``), ``provider_id``, ``provider_type``,
    ``provider_username``, ``created_at`` and ``expires_at`` (aware UTC datetimes; ``expires_at``
    only when ``expires_in`` was given). Construct it the seed's way to check an expiry you
    stored earlier: ``QRCodeData(qr_data="", created_at=..., expires_at=...)``.
    """

    def __init__(
        self,
        qr_data: str = "",
        qr_image: Any = None,
        qr_base64: str = "",
        provider_id: str = "",
        provider_type: str = "",
        provider_username: str = "",
        created_at: dt.datetime | None = None,
        expires_at: dt.datetime | None = None,
    ) -> None:
        self.qr_data = qr_data
        self._qr_image = qr_image
        self.qr_base64 = qr_base64
        self.provider_id = provider_id
        self.provider_type = provider_type
        self.provider_username = provider_username
        self.created_at = created_at
        self.expires_at = expires_at

    # -- the image -------------------------------------------------------------------------------
    @property
    def png_bytes(self) -> bytes:
        """The PNG file inside ``qr_base64`` (raises ``ValueError`` if it is not a PNG data URL)."""
        if not self.is_valid_base64():
            raise ValueError("qr_base64 is not a valid PNG data URL")
        return base64.b64decode(self.qr_base64[len(PNG_DATA_URL_PREFIX):])

    @property
    def qr_image(self) -> Any:
        """A ``PIL.Image.Image`` of the QR code, decoded from the PNG on first access."""
        if self._qr_image is None and self.qr_base64:
            try:
                from PIL import Image
            except ImportError as exc:
                raise ModuleNotFoundError(
                    "QRCodeData.qr_image needs Pillow, which is not installed: "
                    "pip install 'paywire[pil]' (qr_base64, png_bytes and the SVG work without it)",
                    name="PIL",
                ) from exc
            image = Image.open(io.BytesIO(self.png_bytes))
            image.load()
            self._qr_image = image
        return self._qr_image

    @qr_image.setter
    def qr_image(self, value: Any) -> None:
        self._qr_image = value

    # -- checks ----------------------------------------------------------------------------------
    def is_expired(self) -> bool:
        """True once ``expires_at`` is in the past (never, without ``expires_in``)."""
        if self.expires_at is None:
            return False
        if isinstance(self.expires_at, str):  # the seed accepts stored ISO strings too
            self.expires_at = _utc(self.expires_at)
        expires = _utc(self.expires_at)
        return expires is not None and expires < dt.datetime.now(dt.UTC)

    def is_valid_base64(self) -> bool:
        """True if ``qr_base64`` is a PNG data URL whose bytes really are a PNG."""
        value = self.qr_base64
        if not isinstance(value, str) or not value.startswith(PNG_DATA_URL_PREFIX):
            return False
        encoded = value[len(PNG_DATA_URL_PREFIX):]
        if not encoded:
            return False
        try:
            head = base64.b64decode(encoded[:16], validate=True)
        except ValueError:
            return False
        return head.startswith(PNG_SIGNATURE)

    # -- serialisation ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Everything but the image object."""
        return {
            "qr_data": self.qr_data,
            "qr_base64": self.qr_base64,
            "provider_id": self.provider_id,
            "provider_type": self.provider_type,
            "provider_username": self.provider_username,
        }

    def to_json_safe_dict(self) -> dict[str, Any]:
        """:meth:`to_dict` plus ISO times, after checking the data URL (``ValueError`` if bad)."""
        if not self.is_valid_base64():
            shown = self.qr_base64[:30] if self.qr_base64 else "empty"
            raise ValueError(f"Invalid QR code base64 data: expected 'data:image/png;base64,...', got {shown!r}")
        data = self.to_dict()
        data["created_at"] = self.created_at.isoformat() if self.created_at else None
        data["expires_at"] = self.expires_at.isoformat() if isinstance(self.expires_at, dt.datetime) else None
        return data

    def get_html_img_tag(self) -> str:
        """``<img src="data:image/png;base64,…" alt="CONXA QR Code" />`` (``ValueError`` if bad)."""
        if not self.is_valid_base64():
            raise ValueError("Cannot create HTML img tag: qr_base64 is not a valid 'data:image/png;base64,...' URL")
        return f'<img src="{self.qr_base64}" alt="CONXA QR Code" />'

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QRCodeData):
            return NotImplemented
        return self._fields() == other._fields()

    def _fields(self) -> tuple[Any, ...]:
        return (self.qr_data, self.qr_base64, self.provider_id, self.provider_type, self.provider_username,
                self.created_at, self.expires_at)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the seed's dataclass

    def __repr__(self) -> str:
        shown = self.qr_base64[:40] + "…" if len(self.qr_base64) > 40 else self.qr_base64
        return (f"QRCodeData(qr_data={self.qr_data!r}, qr_base64={shown!r}, provider_id={self.provider_id!r}, "
                f"provider_type={self.provider_type!r}, provider_username={self.provider_username!r}, "
                f"created_at={self.created_at!r}, expires_at={self.expires_at!r})")


class ConnectionStatus(StrEnum):
    """Status of a provider user's wallet connection."""

    PENDING = "pending"
    ACTIVE = "active"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"


@dataclass
class SessionStatus:
    """The status poll's answer. ``session_token`` is set only when active (masked in reprs);
    ``raw_status`` keeps the server's value when it was not one of the four known ones."""

    status: ConnectionStatus
    session_token: str | None = field(default=None, repr=False)
    expires_at: dt.datetime | None = None
    raw_status: str | None = field(default=None, compare=False)
    #: Fields the API sent that this version of the SDK does not know (kept, out of reprs).
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_active(self) -> bool:
        """Active *and* holding a token: ready for charges."""
        return self.status == ConnectionStatus.ACTIVE and self.session_token is not None

    @property
    def is_pending(self) -> bool:
        return self.status == ConnectionStatus.PENDING

    @property
    def is_expired(self) -> bool:
        return self.status == ConnectionStatus.EXPIRED

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "session_token": self.session_token,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
        }

    @classmethod
    def from_model(cls, model: SessionStatusBody) -> SessionStatus:
        """From the generated model of the poll's answer (parsed and checked against the spec)."""
        try:
            status = ConnectionStatus(model.status)
            unknown = None
        except ValueError:  # the spec: unknown values read as not_found
            status = ConnectionStatus.NOT_FOUND
            unknown = model.status
        token = model.session_token or None
        result = cls(status=status, session_token=token, expires_at=_utc(model.expires_at), raw_status=unknown,
                     extra=dict(model.additional_properties))
        register_secret(token, result, slot="session_token")  # kept while the session object lives
        return result

    @classmethod
    def from_api_response(cls, data: Any) -> SessionStatus:
        body = data if isinstance(data, dict) else {}
        raw = body.get("status", "not_found")
        try:
            status = ConnectionStatus(raw)
            unknown = None
        except ValueError:
            status = ConnectionStatus.NOT_FOUND
            unknown = str(raw)
        token = body.get("session_token")
        token = token if isinstance(token, str) and token else None
        expires = body.get("expires_at")
        result = cls(status=status, session_token=token,
                     expires_at=_utc(expires) if isinstance(expires, str) else None, raw_status=unknown)
        register_secret(token, result, slot="session_token")  # kept while the session object lives
        return result

    def __repr__(self) -> str:
        extra = f", raw_status={self.raw_status!r}" if self.raw_status is not None else ""
        return (f"SessionStatus(status={self.status.value!r}, session_token={mask(self.session_token)}, "
                f"expires_at={self.expires_at!r}{extra})")


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


@dataclass
class ChargeResult:
    """A charge's outcome: ``approved``, ``new_balance`` (tokens), and for refusals
    ``error_code`` (e.g. ``HARD_CAP_VIOLATION``) and ``error`` (a message)."""

    approved: bool
    new_balance: int
    error_code: str | None = None
    error: str | None = None
    #: Fields the API sent that this version of the SDK does not know (kept, out of reprs).
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"approved": self.approved, "new_balance": self.new_balance, "error_code": self.error_code,
                "error": self.error}

    @classmethod
    def from_model(cls, model: ChargeResponse) -> ChargeResult:
        """From the generated model of a 200 charge answer (parsed and checked against the spec)."""
        return cls(approved=model.approved is True, new_balance=model.new_balance, error_code=model.error_code,
                   extra=dict(model.additional_properties))

    @classmethod
    def from_api_response(cls, data: Any, error: str | None = None) -> ChargeResult:
        body = data if isinstance(data, dict) else {}
        code = body.get("error_code")
        return cls(approved=body.get("approved") is True, new_balance=_int(body.get("new_balance")),
                   error_code=None if code is None else str(code), error=error)


@dataclass
class WalletBalance:
    """A wallet's token balance."""

    wallet_id: str
    tokens: int
    #: Fields the API sent that this version of the SDK does not know (kept, out of reprs).
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_model(cls, model: WalletBalanceBody) -> WalletBalance:
        """From the generated model of the balance answer (parsed and checked against the spec)."""
        return cls(wallet_id=model.wallet_id, tokens=model.tokens, extra=dict(model.additional_properties))

    def to_dict(self) -> dict[str, Any]:
        return {"wallet_id": self.wallet_id, "tokens": self.tokens}

    @classmethod
    def from_api_response(cls, data: Any) -> WalletBalance:
        body = data if isinstance(data, dict) else {}
        return cls(wallet_id=str(body.get("wallet_id", "")), tokens=_int(body.get("tokens")))
