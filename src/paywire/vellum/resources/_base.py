"""What every Vellum resource shares: the pinned contract, input checks, send and parse.

Each ``resources/<tag>.py`` is a mixin of :class:`VellumResource` holding the operations of one
spec tag; the client classes (``client.py``) combine them, so the seed's flat method names
(``vellum.create_checkout(...)``) stay. An operation builds its request with the pinned
version's generated ``build_request`` and body model, and parses the answer with that
version's generated ``parse_response``, in one static expression per pinned version::

    spec = op1.build_request(self._tenant, account, body=m1.CheckoutRequest(customer_id=...)) \
        if self._v1 else op2.build_request(self._tenant, account, body=m2.CheckoutRequest(...))
    resp = yield from self._submit(spec)
    return record(resp, op1.parse_response(resp, E) if self._v1 else op2.parse_response(resp, E))

Why branches (and not a Protocol per operation or a union of modules): mypy types a module
reached through a variable as ``ModuleType`` (every attribute ``Any``), and a Protocol would
restate each request in a second hand-kept place. A branch per version is a plain, static call
of each version's typed builder, model and parser, so renaming a request or response field or
adding a required parameter in *either* version is a mypy error on the facade line that uses it
(a response field is used as a typed attribute of ``m1.X | m2.X``, checked on both). The
imports stay inside the functions: importing ``paywire.vellum`` imports no generated code.
:data:`~paywire.vellum._contract.VellumVersion` lists the versions the branches cover; a test
keeps it equal to the pinned versions. (The operations therefore look alike in shape:
validate, build per version, send, parse per version. ``duplicates`` lists such pairs; each is a
different operation with its own typed builder, body and parser, which is what mypy checks.)

Parsing is strict (``paywire._core.decode``: strict JSON, every field type-checked) and raises
:data:`E` (:class:`VellumResponseValidationError`). Results follow :mod:`paywire.vellum.models`:
the answer's JSON object as a dict, with the parsed model beside it (:func:`record`).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from paywire._core import Flow
from paywire._core.decode import decode_json
from paywire._core.validate import Validator
from paywire.vellum._contract import Contract, VellumVersion, contracts
from paywire.vellum.errors import (
    VELLUM_ERRORS,
    VellumResponseValidationError,
    VellumValidationError,
)
from paywire.vellum.models import GeneratedModel, Record

if TYPE_CHECKING:
    from paywire_gen_vellum_v2.types import RequestSpec

    from paywire.entitlements import EntitlementCache
    from paywire.vellum.models import EntitlementSet

G = TypeVar("G", bound=GeneratedModel)



# --- input validation (raised before any request): the core Validator, Vellum's rules added ------
class VellumValidator(Validator):
    """The core checks raising :class:`VellumValidationError`, plus Vellum's id rule: an id
    that goes into a URL path is any non-empty text without '/' or control characters (it is
    then percent-encoded as one segment; spaces and unicode are valid ids on this API)."""

    def path_id(self, value: Any, field: str) -> str:
        result = self.text(value, field)
        if "/" in result:
            raise self.fail(field, f"must not contain '/' (got {result!r})")
        return result

    def path_ids(self, value: Any, field: str) -> list[str]:
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise self.fail(field, "must be a list of ids")
        return [self.path_id(item, field) for item in value]

    def optional_path_ids(self, value: Any, field: str) -> list[str] | None:
        return None if value is None else self.path_ids(value, field)

    def count(self, value: Any, field: str) -> int:
        """A positive integer (seats, amounts, quantities, plan versions)."""
        return self.integer(value, field, minimum=1)

    def optional_count(self, value: Any, field: str) -> int | None:
        return None if value is None else self.count(value, field)


#: Vellum's argument checks (``check.path_id(customer_id, "customer_id")`` ...)
check = VellumValidator(VELLUM_ERRORS)


def bad(message: str, name: str) -> VellumValidationError:
    """A rule over several arguments (the message names them)."""
    return VellumValidationError(message, field=name)


# --- the base of every resource mixin --------------------------------------------------------------
class VellumResource:
    """The state and plumbing the resource mixins share (set up by the client's config)."""

    _tenant: str
    _api_key: str
    _api_version: VellumVersion
    _contract: Contract
    #: pinned to v1 (the 0.1.0-era contract)? Else v2; see the module docstring for why branches
    _v1: bool
    _entitlements: EntitlementCache[str, EntitlementSet]
    _flags: EntitlementCache[str, dict[str, bool]]

    if TYPE_CHECKING:  # provided by paywire._core.client.BaseClient
        def _request_kwargs(self, kwargs: Mapping[str, Any], *, headers: Mapping[str, str] | None = None,
                            retry_safe: bool | None = None, ok: Container[int] = (),
                            errors: Any = None) -> Flow[httpx.Response]: ...

    # -- the pinned contract ------------------------------------------------------------------------
    def _require(self, method: str) -> None:
        """Refuse (before any request) a method the pinned version lacks, naming the versions
        that have it."""
        contracts().require_method(self._contract, method)

    def _require_args(self, feature: str, method: str, /, **args: Any) -> None:
        """Refuse arguments (given: not None / False) that only versions with ``feature`` take."""
        contracts().require_feature(self._contract, feature, method, **args)

    # -- arguments ----------------------------------------------------------------------------------
    @staticmethod
    def _account_and_customer(account_id: str, customer_id: str) -> tuple[str, str]:
        """The two path ids most operations take, checked (account first, as the path reads)."""
        return check.path_id(account_id, "account_id"), check.path_id(customer_id, "customer_id")

    # -- send and parse -------------------------------------------------------------------------------
    def _submit(self, spec: RequestSpec, *, retry_safe: bool | None = None,
              ok: Container[int] = ()) -> Flow[httpx.Response]:
        """Send what a generated ``build_request`` built, with the core's retries and errors.
        The core's flow itself, not a generator around it: every level of ``yield from`` is
        resumed on each effect of every call."""
        return self._request_kwargs(spec, retry_safe=retry_safe, ok=ok)

    def _changing(self, customer_id: str | None, spec: RequestSpec) -> Flow[httpx.Response]:
        """Send a change that alters entitlements; the customer's cached entitlements (None:
        everyone's) are dropped whether or not the answer arrives (a dropped connection may
        still have committed the change)."""
        try:
            return (yield from self._submit(spec))
        finally:
            self._entitlements.invalidate(customer_id)


#: the error every malformed success answer raises (passed to the generated ``parse_response``)
E = VellumResponseValidationError


def record(response: httpx.Response, model: G) -> Record[G]:
    """The seed's result (the answer's JSON object, a dict) with its typed ``model`` beside it:
    what the generated ``parse_response`` returned for the same answer."""
    return Record(json_object(response), model)


def records(response: httpx.Response, key: str, models: Sequence[G]) -> list[Record[G]]:
    """The items of a list answer (``{"methods": [...]}`` ...): one record per item, the item's
    JSON beside its model. ``models`` is the typed list the facade read from the parsed answer
    (so mypy checks the field in every version); ``key`` is its name on the wire."""
    items = json_object(response).get(key)
    if not isinstance(items, list) or len(items) != len(models):  # the checked model says so
        raise VellumResponseValidationError(f"no {key!r} list", response=response)
    return [Record(item, model) for item, model in zip(items, models, strict=True)]


def json_object(response: httpx.Response) -> dict[str, Any]:
    data = decode_json(response, VellumResponseValidationError)  # cached: decoded once per answer
    if not isinstance(data, dict):
        raise VellumResponseValidationError("expected a JSON object", response=response)
    return data


__all__ = ["E", "VellumResource", "VellumValidator", "bad", "check", "json_object", "record", "records"]
