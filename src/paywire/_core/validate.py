"""Input validation: one idiom for every service, raising the *service's own* error class.

A facade checks its arguments before anything is sent. Every check lives on :class:`Validator`,
built once per service from the service's :class:`~paywire._core.errors.ErrorMap`; a failure is
``errors.validation`` (``VellumValidationError``, CONXA's ``ValidationError`` ...; the core
:class:`~paywire._core.errors.ValidationError` for a service without one), instantiated through
``ErrorMap.make_local`` so services with other constructors keep them. The error names the field
(``exc.field``) and never echoes a password, token, signature or other secret value.

Services add their own checks by subclassing (e.g. SPAPS's wallet chains) and keep the rest::

    v = Validator(VELLUM_ERRORS)
    customer = v.ident(customer_id, "customer_id")
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from paywire._core.config import idempotency_key as _core_idempotency_key
from paywire._core.errors import ErrorMap, ValidationError

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CURRENCY_RE = re.compile(r"[A-Za-z]{3,10}")
#: the default largest page size a ``limit`` accepts
MAX_LIMIT = 100


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def _has_control(value: str) -> bool:
    return _CONTROL_RE.search(value) is not None  # one C scan: this runs on every call's ids


class Validator:
    """The argument checks of one service; each returns the (normalised) value or raises the
    service's validation error naming the field."""

    def __init__(self, errors: ErrorMap, *, max_limit: int = MAX_LIMIT) -> None:
        self.errors = errors
        self.max_limit = max_limit

    # -- the error ------------------------------------------------------------------------------------
    def fail(self, field: str, message: str) -> ValidationError:
        """The service's validation error for ``field`` (``"<field> <message>"``)."""
        cls = self.errors.validation or ValidationError
        return self.errors.make_local(cls, f"{field} {message}", field)

    # -- text -----------------------------------------------------------------------------------------
    def text(self, value: Any, field: str, *, max_length: int | None = None) -> str:
        """A non-empty string (not only whitespace), without control characters."""
        if not isinstance(value, str):
            raise self.fail(field, f"must be a string, got {type(value).__name__}")
        if not value.strip():
            raise self.fail(field, "must not be empty")
        if _has_control(value):
            raise self.fail(field, "must not contain control characters")
        if max_length is not None and len(value) > max_length:
            raise self.fail(field, f"must be at most {max_length} characters")
        return value

    def optional_text(self, value: Any, field: str, *, max_length: int | None = None) -> str | None:
        return None if value is None else self.text(value, field, max_length=max_length)

    def ident(self, value: Any, field: str) -> str:
        """An id that goes into a URL path or a body: non-empty, no whitespace or slashes."""
        result = self.text(value, field)
        if "/" in result or any(c.isspace() for c in result):
            raise self.fail(field, "must not contain whitespace or '/'")
        return result

    def optional_ident(self, value: Any, field: str) -> str | None:
        return None if value is None else self.ident(value, field)

    def idents(self, value: Any, field: str, *, allow_empty: bool = False) -> list[str]:
        """A list of ids (not a bare string)."""
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise self.fail(field, "must be a list of ids")
        if not value and not allow_empty:
            raise self.fail(field, "must not be empty")
        return [self.ident(item, f"{field}[{index}]") for index, item in enumerate(value)]

    def secret(self, value: Any, field: str) -> str:
        """A password / token / signature: a non-empty string; the value is never echoed."""
        if not isinstance(value, str):
            raise self.fail(field, f"must be a string, got {type(value).__name__}")
        if not value.strip():
            raise self.fail(field, "must not be empty")
        return value

    def no_whitespace(self, value: Any, field: str) -> str:
        """Non-empty text without whitespace (an address, a key); its format is the server's."""
        result = self.text(value, field).strip()
        if any(c.isspace() for c in result):
            raise self.fail(field, "must not contain whitespace")
        return result

    def choice(self, value: Any, field: str, options: Collection[str], *, fold_case: bool = False) -> str:
        """One of ``options`` (``fold_case``: compared trimmed and lower-cased, returned so)."""
        candidate = value.strip().lower() if fold_case and isinstance(value, str) else value
        if not isinstance(candidate, str) or candidate not in options:
            raise self.fail(field, f"must be one of {', '.join(options)}, got {value!r}")
        return candidate

    def email(self, value: Any, field: str = "email") -> str:
        result = self.text(value, field, max_length=254).strip()
        if not EMAIL_RE.match(result):
            raise self.fail(field, "must be an email address like name@example.com")
        return result

    def optional_email(self, value: Any, field: str) -> str | None:
        return None if value is None else self.email(value, field)

    def url(self, value: Any, field: str) -> str:
        """An absolute http(s) URL."""
        result = self.text(value, field, max_length=2048).strip()
        parts = urlsplit(result)
        if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in result):
            raise self.fail(field, "must be an absolute http(s) URL")
        return result

    def optional_url(self, value: Any, field: str) -> str | None:
        return None if value is None else self.url(value, field)

    def currency(self, value: Any, field: str = "currency") -> str:
        result = self.text(value, field).strip()
        if not CURRENCY_RE.fullmatch(result):
            raise self.fail(field, "must be a currency code such as 'usd'")
        return result

    def idempotency_key(self, value: Any, field: str = "idempotency_key", *, required: bool = True) -> str:
        """A caller's idempotency key (the core rules: :func:`paywire._core.config.idempotency_key`;
        not ``required``: a fresh uuid4 when None), as this service's error."""
        try:
            return _core_idempotency_key(value, required=required, name=field)
        except ValidationError as exc:
            raise self.errors.make_local(self.errors.validation or ValidationError, str(exc), field) from None

    # -- numbers --------------------------------------------------------------------------------------
    def integer(self, value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        """A real ``int`` (not bool, not float, not a numeric string)."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"must be an integer, got {type(value).__name__}")
        if minimum is not None and value < minimum:
            raise self.fail(field, f"must be >= {minimum}")
        if maximum is not None and value > maximum:
            raise self.fail(field, f"must be <= {maximum}")
        return value

    def optional_integer(self, value: Any, field: str, *, minimum: int | None = None,
                         maximum: int | None = None) -> int | None:
        return None if value is None else self.integer(value, field, minimum=minimum, maximum=maximum)

    def limit(self, value: Any, field: str = "limit") -> int | None:
        """An optional page size, 1..``max_limit``."""
        return self.optional_integer(value, field, minimum=1, maximum=self.max_limit)

    def number(self, value: Any, field: str, *, positive: bool = False) -> float:
        """A finite number (int, float or Decimal; not bool); ``positive``: > 0, else >= 0."""
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise self.fail(field, f"must be a number, got {type(value).__name__}")
        result = float(value)
        if positive and (not math.isfinite(result) or result <= 0):
            raise self.fail(field, "must be a finite number > 0")
        if not math.isfinite(result) or result < 0:
            raise self.fail(field, "must be a finite number >= 0")
        return result

    def positive_number(self, value: Any, field: str) -> float:
        return self.number(value, field, positive=True)

    def decimal_amount(self, value: Any, field: str = "amount") -> str:
        """A positive decimal amount as the string an API wants (``"12.50"``)."""
        if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
            raise self.fail(field, f"must be a decimal string or number, got {type(value).__name__}")
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail(field, "must be a decimal number such as '12.50'") from None
        if not amount.is_finite() or amount <= 0:
            raise self.fail(field, "must be a finite amount > 0")
        return str(value).strip() if isinstance(value, str) else format(amount, "f")

    # -- flags, mappings, times -----------------------------------------------------------------------
    def boolean(self, value: Any, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(field, f"must be True or False, got {type(value).__name__}")
        return value

    def optional_boolean(self, value: Any, field: str) -> bool | None:
        return None if value is None else self.boolean(value, field)

    def mapping(self, value: Any, field: str = "metadata") -> dict[str, Any] | None:
        """An optional mapping, copied with string keys."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(field, f"must be a mapping, got {type(value).__name__}")
        return {str(k): item for k, item in value.items()}

    def string_map(self, value: Any, field: str = "metadata") -> dict[str, str] | None:
        """An optional mapping whose values are strings (e.g. Stripe metadata)."""
        data = self.mapping(value, field)
        if data is None:
            return None
        labels = {k: item for k, item in data.items() if isinstance(item, str)}
        if len(labels) != len(data):
            raise self.fail(field, "values must be strings (Stripe metadata)")
        return labels

    def date(self, value: Any, field: str) -> str | None:
        """An optional calendar date as ``YYYY-MM-DD`` (a ``date``/``datetime`` or that string)."""
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str) or not DATE_RE.match(value):
            raise self.fail(field, "must be a date (datetime.date or 'YYYY-MM-DD')")
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(field, "must be a real calendar date") from None
        return value

    def timestamp(self, value: Any, field: str = "timestamp") -> dt.datetime | None:
        """An optional instant (a ``datetime`` or ISO-8601 text); naive times are taken as UTC."""
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        if isinstance(value, str):
            try:
                parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise self.fail(field, "must be an ISO-8601 time") from None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        raise self.fail(field, "must be a datetime or an ISO-8601 string")


__all__ = ["MAX_LIMIT", "Validator"]
