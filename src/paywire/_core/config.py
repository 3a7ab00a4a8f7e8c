"""Configuration: constructor argument > environment variable > default."""

from __future__ import annotations

import ipaddress
import os
import uuid
from urllib.parse import urlsplit

from paywire._core.errors import ConfigError, ValidationError

DEFAULT_TIMEOUT = 30.0


def setting(value: str | None, env: str | None, default: str | None = None) -> str | None:
    """The explicit value if given, else ``$env`` if set and non-empty, else ``default``."""
    if value is not None:
        return value
    if env:
        from_env = os.environ.get(env)
        if from_env is not None and from_env.strip():
            return from_env.strip()
    return default


def require_setting(value: str | None, env: str, *, what: str) -> str:
    """Like :func:`setting` but fails at construction, naming the variable to set."""
    resolved = setting(value, env)
    if resolved is None or not resolved.strip():
        raise ConfigError(f"{what} is required: pass it to the constructor or set {env}")
    return resolved.strip()


def timeout_setting(value: float | None, env: str | None, default: float = DEFAULT_TIMEOUT) -> float:
    raw: float | str | None = value
    if raw is None and env:
        raw = os.environ.get(env) or None
    if raw is None:
        return default
    try:
        seconds = float(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"timeout must be a number of seconds, got {raw!r}" + (f" (from {env})" if env and value is None else "")) from None
    if not seconds > 0:
        raise ConfigError("timeout must be > 0 seconds")
    return seconds


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str, *, allow_insecure_http: bool = False) -> str:
    """Normalise a base URL; refuse plain HTTP to anything but loopback unless allowed."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        shown = "a URL with credentials (not shown)" if "@" in url else repr(url)
        raise ConfigError(f"base URL must be an absolute http(s) URL, got {shown}")
    if parts.username or parts.password:
        raise ConfigError("base URL must not carry credentials")
    if parts.query or parts.fragment:
        raise ConfigError("base URL must not have a query or fragment")
    if parts.scheme == "http" and not allow_insecure_http and not is_loopback(parts.hostname):
        raise ConfigError(
            f"refusing plain-HTTP base URL for non-loopback host {parts.hostname!r}: "
            "use https, or pass allow_insecure_http=True if you really mean it"
        )
    return url


_HEADER_SAFE = frozenset(chr(c) for c in range(0x21, 0x7F))


def idempotency_key(supplied: str | None = None, *, required: bool = False, max_length: int = 255,
                    name: str = "idempotency_key") -> str:
    """The one idempotency-key helper: the caller's key wins (validated), else a uuid4.

    With ``required=True`` a missing key is an error: for charges the SDK never invents one,
    because only the caller knows which attempts are the same logical charge. The key is
    computed once per logical call, so every retry of that call carries the same value.
    """
    if supplied is None:
        if required:
            raise ValidationError(f"{name} is required (one unique key per logical operation)", field=name)
        return str(uuid.uuid4())
    if not isinstance(supplied, str):
        raise ValidationError(f"{name} must be a string", field=name)
    if not supplied.strip():
        raise ValidationError(f"{name} must not be empty", field=name)
    if len(supplied) > max_length:
        raise ValidationError(f"{name} must be at most {max_length} characters", field=name)
    if not set(supplied) <= _HEADER_SAFE:
        raise ValidationError(f"{name} must be printable ASCII without spaces", field=name)
    return supplied
