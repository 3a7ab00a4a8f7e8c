"""Keep secrets out of logs, reprs and exception text.

Every client registers the secrets it holds (API keys, bearer/refresh/session tokens,
passwords, signatures) with :func:`register_secret`; :func:`redact` replaces any of them, and
anything that looks like a credential (``Bearer …``, or the value after a header/field whose
name says auth, token, secret, password, cookie, credential, signature or api-key), with
``[REDACTED]``. The ``paywire`` logger runs every record through :class:`RedactingFilter`,
and exceptions redact their own message.

Lifetime: a secret registered with an ``owner`` (the client, the token set that holds it) is
kept exactly as long as that owner is alive — never evicted by other registrations, however
many token refreshes happen — and forgotten when the owner is garbage-collected (a
``weakref.finalize``). With a ``slot`` the owner's new value *replaces* its previous one in that
slot (a refreshed token), so a long-lived client holds a bounded number of secrets. Secrets
registered without an owner (call arguments such as a password) go to a bounded
most-recently-used set: they may be forgotten, a live client's secrets never are.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
import weakref
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable, Mapping

MASK = "[REDACTED]"
_MAX_LOOSE_SECRETS = 512
_MIN_LEN = 6  # shorter strings would mask ordinary words

_lock = threading.RLock()
#: value -> number of live owner registrations holding it (two clients may share a key)
_owned: Counter[str] = Counter()
#: id(owner) -> {slot: value}; an owner without slots uses the value itself as the slot
_by_owner: dict[int, dict[object, str]] = {}
_loose: OrderedDict[str, None] = OrderedDict()
#: ids of owners that died, waiting to be dropped (deque appends are atomic)
_released: deque[int] = deque()
#: every registered value, longest first (so a secret containing another is masked whole);
#: rebuilt lazily after a change. Plain substring search instead of one big alternation regex:
#: compiling a 500-way regex took ~0.3 s and every token refresh invalidated it.
_ordered: tuple[str, ...] = ()
_ordered_valid = True

#: Words that make a header or field name sensitive. ``token`` but not ``tokens`` (CONXA's
#: ``input_tokens=1000`` is a count); ``auth`` covers Authorization and Proxy-Authorization.
_WORDS = r"auth|token(?!s)|secret|passw(?:or)?d|cookie|credential|signature|api[-_]?key"
#: Header names whose values are never shown (``X-Provider-Session`` carries CONXA's token).
SENSITIVE_NAME = re.compile(rf"(?i){_WORDS}|session")
_SENSITIVE_FIELD = re.compile(rf"(?i){_WORDS}|provider[-_]session")
_COOKIE_FIELD = re.compile(r"(?i)(?:set-)?cookie")

# Every pattern below is linear in the text: names start only where a name cannot continue
# (look-behind) and are consumed possessively, so a long run such as "a.a.a.…" is scanned
# once instead of being retried from each position (a 4,000-character one took 95 s with the
# first, backtracking version).
_BEARER = re.compile(r"(?i)\b(?P<scheme>bearer\s++)(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{6,}+")
_FIELD = re.compile(r"(?<![A-Za-z0-9_.-])(?P<name>[A-Za-z0-9_.-]++)[\"']?+\s*+[:=]\s*+")
_QUOTED_VALUE = re.compile(
    r"(?i)(?P<q>[\"'])(?P<scheme>(?:bearer|basic)\s++)?+(?!\[REDACTED\])(?:(?!(?P=q))[^\\\r\n]|\\.){4,}+(?=(?P=q))"
)
_PLAIN_VALUE = re.compile(r"(?i)(?P<scheme>(?:bearer|basic)\s++)?+(?!\[REDACTED\])[^\s\"',;&}\]=?<>]{4,}+")
_COOKIE_VALUE = re.compile(r"[^\r\n\"']{4,}+")


def _mask_fields(text: str) -> str:
    """Mask the value of every ``name: value`` / ``name=value`` / ``"name": "value"`` whose
    name says it is a credential. A quoted value is masked up to its quote (spaces and all); a
    cookie header line to its end (it holds several pairs); a plain value up to a separator."""
    out: list[str] = []
    pos = 0
    while (field := _FIELD.search(text, pos)) is not None:
        end = field.end()
        out.append(text[pos:end])
        pos = end
        name = field.group("name")
        if not _SENSITIVE_FIELD.search(name):
            continue  # the value is scanned too: "error: password=…" has a field inside
        value = _QUOTED_VALUE.match(text, end)
        if value is None and _COOKIE_FIELD.fullmatch(name) and ":" in text[field.end("name"):end]:
            value = _COOKIE_VALUE.match(text, end)  # "Cookie: a=1; b=2" as a header line
        if value is None:
            value = _PLAIN_VALUE.match(text, end)
        if value is None:
            continue
        groups = value.groupdict()
        out.append((groups.get("q") or "") + (groups.get("scheme") or "") + MASK)
        pos = value.end()
    out.append(text[pos:])
    return "".join(out)


def _invalidate() -> None:
    global _ordered_valid
    _ordered_valid = False


def _release_owner(owner_id: int) -> None:
    """``weakref.finalize`` callback: the owner is gone, so are its secrets.

    Only queued here: the garbage collector may run this in the middle of code that holds the
    (re-entrant) lock and is iterating the registry, so the registry is changed later, by
    :func:`_drain_released`, at the start of the next registry operation. An owner's id can
    only be reused after it died, i.e. after this was queued, so draining first is enough.
    """
    _released.append(owner_id)


def _drain_released() -> None:
    """Forget the secrets of owners that died (call with ``_lock`` held)."""
    while _released:
        slots = _by_owner.pop(_released.popleft(), None)
        if slots:
            for value in slots.values():
                _drop_owned(value)
            _invalidate()


def _drop_owned(value: str) -> None:
    _owned[value] -= 1
    if _owned[value] <= 0:
        del _owned[value]


def register_secret(value: str | None, owner: object | None = None, *, slot: str | None = None) -> None:
    """Remember a secret so it is masked wherever paywire prints text.

    ``owner``: keep it while this object lives (it must support weak references). ``slot``:
    the owner's new value for this slot replaces the previous one (refreshed tokens).
    """
    if not isinstance(value, str) or len(value) < _MIN_LEN:
        return
    with _lock:
        _drain_released()
        if owner is None:
            if value in _loose:
                _loose.move_to_end(value)
                return
            _loose[value] = None
            while len(_loose) > _MAX_LOOSE_SECRETS:  # call arguments: keep the recent ones
                _loose.popitem(last=False)
            _invalidate()
            return
        key = id(owner)
        slots = _by_owner.get(key)
        if slots is None:
            slots = _by_owner[key] = {}
            weakref.finalize(owner, _release_owner, key)  # TypeError if owner has no weakref slot
        name: object = value if slot is None else slot
        previous = slots.get(name)
        if previous == value:
            return
        if previous is not None:
            _drop_owned(previous)
        slots[name] = value
        _owned[value] += 1
        _invalidate()


def registered_count() -> int:
    """How many distinct secrets are registered now (owned and loose); for tests and soaks."""
    with _lock:
        _drain_released()
        return len(set(_owned) | set(_loose))


def _registered() -> tuple[str, ...]:
    global _ordered, _ordered_valid
    with _lock:
        _drain_released()
        if not _ordered_valid:
            _ordered = tuple(sorted(set(_owned) | set(_loose), key=len, reverse=True))
            _ordered_valid = True
        return _ordered


def redact(text: str) -> str:
    if not text:
        return text
    for secret in _registered():
        if secret in text:
            text = text.replace(secret, MASK)
    text = _BEARER.sub(lambda m: m.group("scheme") + MASK, text)
    return _mask_fields(text)


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of ``headers`` safe to log: values of sensitive names (``Authorization``,
    ``X-API-Key``, ``X-Provider-API-Key``, ``Cookie``, ``X-Provider-Session`` ...) become
    ``[REDACTED]``; the other values still go through :func:`redact`."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {name: MASK if SENSITIVE_NAME.search(name) else redact(value) for name, value in items}


_MAX_SCAN = 16 * 1024
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def sanitize_server_text(value: object, limit: int = 128) -> str | None:
    """Server-supplied identifiers (error codes, request ids) made safe to print: control and
    format characters (ANSI escapes, bidi overrides, newlines that forge log lines) removed,
    secrets redacted, length capped. ``None`` stays ``None``."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    if len(text) > _MAX_SCAN:  # bound the work on a server's megabyte "id"; cut far past the cap
        text = text[:_MAX_SCAN]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _CONTROL_CATEGORIES)
    text = redact(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mask(value: str | None) -> str:
    """How a secret appears in a repr: its first four characters and a mask."""
    if not value:
        return repr(value)
    return repr(value[:4] + "…" + MASK) if len(value) > 8 else repr(MASK)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message or record.args:
            record.msg = clean
            record.args = None
        return True
