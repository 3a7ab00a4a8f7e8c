"""What every Vellum resource shares: the pinned contract, input checks, send and parse.

Each ``resources/<tag>.py`` is a mixin of :class:`VellumResource` holding the operations of one
spec tag; the client classes (``client.py``) combine them, so the seed's flat method names
(``vellum.create_checkout(...)``) stay. An operation builds its request with the pinned
version's generated ``build_request`` and its body with that version's generated model, in one
branch per pinned version:

    if self._api_version == "v1":
        from paywire_gen_vellum_v1.api.checkout import create_checkout as op1
        spec = op1.build_request(self._tenant, account, body=m1.CheckoutRequest(customer_id=...))

Why branches (and not a Protocol per operation or a union of modules): mypy checks a module
reached through a variable as ``ModuleType`` (every attribute ``Any``), and a Protocol would
restate each request in a second hand-kept place. A branch per version is a plain, static call
of each version's typed builder and model, so renaming a field or adding a required parameter
in *either* version is a mypy error on the facade line that passes it. :data:`VellumVersion`
lists the versions the branches cover; a test keeps it equal to the pinned versions.

Success bodies are parsed by the generated code through :func:`paywire._core.decode.parse_success`
(strict JSON, every field type-checked) and the model's class is checked with ``isinstance``
(:meth:`VellumResource._model`), which is also what gives mypy the model's type: response fields
the facade reads are typed attribute reads, checked against both versions.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload
from urllib.parse import urlsplit

import httpx

from paywire._core import Flow, ValidationError, idempotency_key
from paywire._core.decode import decode_json, parse_success
from paywire.vellum.errors import (
    UnsupportedOperationError,
    VellumResponseValidationError,
    VellumValidationError,
)
from paywire.vellum.models import Record

if TYPE_CHECKING:
    from paywire_gen_vellum_v2.types import RequestSpec

    from paywire.entitlements import EntitlementCache
    from paywire.vellum.models import EntitlementSet

A = TypeVar("A")
B = TypeVar("B")
T = TypeVar("T")

#: The pinned versions the per-version branches of the resources cover (oldest first).
VellumVersion = Literal["v1", "v2"]
SERVICE = "vellum"


# --- which version has which operation: read from the generated OPERATIONS indexes ----------------
@cache
def _operations() -> dict[str, frozenset[str]]:
    """version -> the operationIds its generated package has (imported once, lazily)."""
    from paywire_gen_vellum_v1.api import OPERATIONS as V1
    from paywire_gen_vellum_v2.api import OPERATIONS as V2

    by_version: dict[VellumVersion, Iterable[str]] = {"v1": V1, "v2": V2}
    return {version: frozenset(ops) for version, ops in by_version.items()}


@cache
def versions_with(op_id: str) -> tuple[str, ...]:
    """The pinned API versions whose contract has this operation."""
    return tuple(version for version, ops in _operations().items() if op_id in ops)


def all_operation_ids() -> frozenset[str]:
    return frozenset().union(*_operations().values())


# --- input validation (raised before any request) ------------------------------------------------
def bad(message: str, name: str) -> VellumValidationError:
    return VellumValidationError(message, field=name)


def check_id(value: Any, name: str) -> str:
    """An id that goes into a URL path: a non-empty string without '/' or control characters."""
    if not isinstance(value, str):
        raise bad(f"{name} must be a string, got {type(value).__name__}", name)
    if not value.strip():
        raise bad(f"{name} must not be empty", name)
    if "/" in value:
        raise bad(f"{name} must not contain '/' (got {value!r})", name)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise bad(f"{name} must not contain control characters", name)
    return value


def not_an_id(value: Any) -> VellumValidationError:
    return bad(f"customer_id must be a string, got {type(value).__name__}", "customer_id")


def opt_str(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise bad(f"{name} must be a non-empty string when given", name)
    return value


def check_int(value: Any, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(f"{name} must be an integer, got {type(value).__name__}", name)
    if value < minimum:
        raise bad(f"{name} must be >= {minimum}, got {value}", name)
    return value


def opt_int(value: Any, name: str) -> int | None:
    return None if value is None else check_int(value, name)


def check_url(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad(f"{name} must be a non-empty absolute URL", name)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise bad(f"{name} must be an absolute http(s) URL, got {value!r}", name)
    return value


def check_ids(values: Any, name: str) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise bad(f"{name} must be a list of ids", name)
    return [check_id(v, name) for v in values]


def opt_ids(values: Any, name: str) -> list[str] | None:
    return None if values is None else check_ids(values, name)


def check_status(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise bad("status must be a non-empty string (e.g. 'active', 'suspended')", "status")
    return value


def idempotency_key_arg(value: Any) -> str:
    try:
        return idempotency_key(value, required=True)
    except ValidationError as exc:
        raise VellumValidationError(str(exc), field="idempotency_key") from None


# --- the base of every resource mixin --------------------------------------------------------------
class VellumResource:
    """The state and plumbing the resource mixins share (set up by the client's config)."""

    _tenant: str
    _api_key: str
    _api_version: VellumVersion
    #: pinned to v1 (the 0.1.0-era contract)? Else v2; see the module docstring for why branches
    _v1: bool
    _entitlements: EntitlementCache[str, EntitlementSet]
    _flags: EntitlementCache[str, dict[str, bool]]

    if TYPE_CHECKING:  # provided by paywire._core.client.BaseClient
        def _request_kwargs(self, kwargs: Mapping[str, Any], *, headers: Mapping[str, str] | None = None,
                            retry_safe: bool | None = None, ok: Container[int] = (),
                            errors: Any = None) -> Flow[httpx.Response]: ...

    # -- the pinned contract ------------------------------------------------------------------------
    def _require(self, method: str, op_id: str | None = None, *, versions: tuple[str, ...] | None = None,
                 hint: str | None = None) -> None:
        """Refuse (before any request) a method whose operation the pinned version lacks."""
        have = versions if versions is not None else versions_with(op_id or method)
        if self._api_version in have:
            return
        need = " or ".join(have) if have else "a newer API version"
        raise UnsupportedOperationError(
            f"{method} needs api_version {need}; this client is pinned to {self._api_version}"
            + (f" ({hint})" if hint else ""),
            operation=method, api_version=self._api_version, supported_versions=have,
        )

    def _require_arg(self, method: str, arg: str, value: Any, versions: tuple[str, ...] = ("v2",)) -> None:
        """Refuse an argument only some versions take (None / False mean "not given")."""
        if value is not None and value is not False and self._api_version not in versions:
            raise UnsupportedOperationError(
                f"{method}({arg}=...) needs api_version {' or '.join(versions)}; "
                f"this client is pinned to {self._api_version}",
                operation=f"{method}.{arg}", api_version=self._api_version, supported_versions=versions,
            )

    # -- send and parse -------------------------------------------------------------------------------
    def _submit(self, spec: RequestSpec, *, retry_safe: bool | None = None,
              ok: Container[int] = ()) -> Flow[httpx.Response]:
        """Send what a generated ``build_request`` built, with the core's retries and errors."""
        return (yield from self._request_kwargs(spec, retry_safe=retry_safe, ok=ok))

    def _changing(self, customer_id: str | None, spec: RequestSpec) -> Flow[httpx.Response]:
        """Send a change that alters entitlements; the customer's cached entitlements (None:
        everyone's) are dropped whether or not the answer arrives (a dropped connection may
        still have committed the change)."""
        try:
            return (yield from self._submit(spec))
        finally:
            self._entitlements.invalidate(customer_id)

    def _pinned(self, v1: T, v2: T) -> T:
        """The pinned version's one of two things (its generated operation module)."""
        return v1 if self._v1 else v2

    @overload
    @staticmethod
    def _model(op: ModuleType, response: httpx.Response, cls: type[A]) -> A: ...
    @overload
    @staticmethod
    def _model(op: ModuleType, response: httpx.Response, cls: type[A], other: type[B]) -> A | B: ...
    @staticmethod
    def _model(op: ModuleType, response: httpx.Response, cls: type[Any], other: type[Any] | None = None) -> Any:
        """The generated model of a success answer of ``op`` (decoded strictly, every field
        type-checked by the core), verified to be the spec's success model: ``cls`` (one
        version's) or ``other`` (the other version's), which types the result as their union."""
        parsed = parse_success(op, response, VellumResponseValidationError)
        if isinstance(parsed, cls) or (other is not None and isinstance(parsed, other)):
            return parsed
        raise VellumResponseValidationError(
            f"expected a {cls.__name__} object, got {type(parsed).__name__}", response=response)

    @overload
    @classmethod
    def _record(cls, op: ModuleType, response: httpx.Response, model: type[A]) -> Record[A]: ...
    @overload
    @classmethod
    def _record(cls, op: ModuleType, response: httpx.Response, model: type[A],
                other: type[B]) -> Record[A | B]: ...
    @classmethod
    def _record(cls, op: ModuleType, response: httpx.Response, model: type[Any],
                other: type[Any] | None = None) -> Record[Any]:
        """The seed's result (the JSON object, a dict) with the typed ``model`` beside it."""
        parsed = cls._model(op, response, model) if other is None else cls._model(op, response, model, other)
        return Record(json_object(response), parsed)

    @staticmethod
    def _records(response: httpx.Response, key: str, models: Sequence[A]) -> list[Record[A]]:
        """The items of a list answer (``{"methods": [...]}`` ...): one record per item, the
        item's JSON beside its model. ``models`` is the typed list the facade read from the
        parsed model (so mypy checks the field); ``key`` is its name on the wire."""
        items = json_object(response).get(key)
        if not isinstance(items, list) or len(items) != len(models):  # the checked model says so
            raise VellumResponseValidationError(f"no {key!r} list", response=response)
        return [Record(item, model) for item, model in zip(items, models, strict=True)]


def json_object(response: httpx.Response) -> dict[str, Any]:
    data = decode_json(response, VellumResponseValidationError)  # cached: decoded once per answer
    if not isinstance(data, dict):
        raise VellumResponseValidationError("expected a JSON object", response=response)
    return data


__all__ = [
    "SERVICE",
    "VellumResource",
    "VellumVersion",
    "all_operation_ids",
    "bad",
    "check_id",
    "check_ids",
    "check_int",
    "check_status",
    "check_url",
    "idempotency_key_arg",
    "json_object",
    "not_an_id",
    "opt_ids",
    "opt_int",
    "opt_str",
    "versions_with",
]
