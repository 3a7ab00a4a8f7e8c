"""Client-side checks: bad input raises ``paywire.ValidationError`` (a ``ValueError``) naming the
field, before anything is sent. Messages never echo passwords, tokens or signatures."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from paywire._core import ValidationError

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CHAINS = ("solana", "ethereum")
CHECKOUT_MODES = ("subscription", "payment")
MAX_LIMIT = 100


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError(f"{field} {message}", field=field)


def text(value: Any, field: str, *, max_length: int | None = None) -> str:
    """A non-empty string (not only whitespace), without control characters."""
    if not isinstance(value, str):
        raise _fail(field, f"must be a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(field, "must not be empty")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise _fail(field, "must not contain control characters")
    if max_length is not None and len(value) > max_length:
        raise _fail(field, f"must be at most {max_length} characters")
    return value


def ident(value: Any, field: str) -> str:
    """An id that goes into a URL path: non-empty, no whitespace or slashes."""
    result = text(value, field)
    if "/" in result or any(c.isspace() for c in result):
        raise _fail(field, "must not contain whitespace or '/'")
    return result


def secret(value: Any, field: str) -> str:
    """A password / token / signature: non-empty; the value is never echoed."""
    if not isinstance(value, str):
        raise _fail(field, f"must be a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(field, "must not be empty")
    return value


def email(value: Any, field: str = "email") -> str:
    result = text(value, field, max_length=254).strip()
    if not EMAIL_RE.match(result):
        raise _fail(field, "must be an email address like name@example.com")
    return result


def optional_email(value: Any, field: str) -> str | None:
    return None if value is None else email(value, field)


def url(value: Any, field: str) -> str:
    result = text(value, field, max_length=2048).strip()
    parts = urlsplit(result)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in result):
        raise _fail(field, "must be an absolute http(s) URL")
    return result


def optional_url(value: Any, field: str) -> str | None:
    return None if value is None else url(value, field)


def chain(value: Any, field: str = "chain") -> str:
    if not isinstance(value, str) or value.strip().lower() not in CHAINS:
        raise _fail(field, f"must be one of {', '.join(CHAINS)}, got {value!r}")
    return value.strip().lower()


def wallet_address(value: Any, field: str = "wallet_address") -> str:
    """A non-empty address without whitespace. Its format is left to the server: the seed's own
    examples pass placeholders such as ``"0xabc..."``, and they must run unchanged."""
    result = text(value, field).strip()
    if any(c.isspace() for c in result):
        raise _fail(field, "must not contain whitespace")
    return result


def mode(value: Any, field: str = "mode") -> str:
    if value not in CHECKOUT_MODES:
        raise _fail(field, f"must be one of {', '.join(CHECKOUT_MODES)}, got {value!r}")
    return str(value)


def integer(value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """A real ``int`` (not bool, not float, not a numeric string)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(field, f"must be an integer, got {type(value).__name__}")
    if minimum is not None and value < minimum:
        raise _fail(field, f"must be >= {minimum}")
    if maximum is not None and value > maximum:
        raise _fail(field, f"must be <= {maximum}")
    return value


def optional_integer(value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    return None if value is None else integer(value, field, minimum=minimum, maximum=maximum)


def limit(value: Any, field: str = "limit") -> int | None:
    return optional_integer(value, field, minimum=1, maximum=MAX_LIMIT)


def positive_number(value: Any, field: str) -> float:
    """A finite number > 0 (int or float; not bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise _fail(field, f"must be a number, got {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise _fail(field, "must be a finite number > 0")
    return number


def decimal_amount(value: Any, field: str = "amount") -> str:
    """A positive decimal amount as the string the API wants (``"12.50"``)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise _fail(field, f"must be a decimal string or number, got {type(value).__name__}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise _fail(field, "must be a decimal number such as '12.50'") from None
    if not number.is_finite() or number <= 0:
        raise _fail(field, "must be a finite amount > 0")
    return str(value).strip() if isinstance(value, str) else format(number, "f")


def currency(value: Any, field: str = "currency") -> str:
    result = text(value, field).strip()
    if not re.fullmatch(r"[A-Za-z]{3,10}", result):
        raise _fail(field, "must be a currency code such as 'usd'")
    return result


def metadata(value: Any, field: str = "metadata") -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _fail(field, f"must be a mapping, got {type(value).__name__}")
    return {str(k): v for k, v in value.items()}


def string_map(value: Any, field: str = "metadata") -> dict[str, str] | None:
    data = metadata(value, field)
    if data is None:
        return None
    labels = {k: v for k, v in data.items() if isinstance(v, str)}
    if len(labels) != len(data):
        raise _fail(field, "values must be strings (Stripe metadata)")
    return labels


def line_items(value: Any, field: str = "line_items") -> list[dict[str, Any]]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or not value:
        raise _fail(field, "must be a non-empty list of {'price_id': ..., 'quantity': ...}")
    items: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise _fail(f"{field}[{index}]", "must be a mapping with price_id and quantity")
        price_id = ident(item.get("price_id"), f"{field}[{index}].price_id")
        quantity = integer(item.get("quantity", 1), f"{field}[{index}].quantity", minimum=1)
        items.append({"price_id": price_id, "quantity": quantity})
    return items


def date(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise _fail(field, "must be a date (datetime.date or 'YYYY-MM-DD')")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(field, "must be a real calendar date") from None
    return value


def timestamp(value: Any, field: str = "timestamp") -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise _fail(field, "must be an ISO-8601 time") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise _fail(field, "must be a datetime or an ISO-8601 string")


def boolean(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(field, f"must be True or False, got {type(value).__name__}")
    return value


def optional_boolean(value: Any, field: str) -> bool | None:
    return None if value is None else boolean(value, field)


def optional_text(value: Any, field: str, *, max_length: int | None = None) -> str | None:
    return None if value is None else text(value, field, max_length=max_length)
