"""What every SPAPS resource shares: envelope and argument helpers, paging helpers, the
``resource`` descriptor and ``_Ops``, the request helper each resource's flows run on.

A flow branches on the pinned contract (``if self._seed:``) and imports, builds and sends with
that version's generated operation module in each branch: a module reached through a variable
is ``ModuleType`` to mypy (every attribute ``Any``) and the imports stay lazy, so a branch per
version is what lets mypy check every call against both specs (see ``_Ops._seed``). Operations
therefore look alike in shape (check, branch, send, read the envelope), and ``duplicates``
lists such pairs; each is another operation with its own typed builder and request model.
Where two operations share more than that shape, they share a helper here."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar, cast, overload

import httpx

from paywire._core import ErrorMap, Flow, idempotency_key
from paywire._core.client import Resource
from paywire._core.decode import decode_json, parse_success
from paywire._core.flow import AsyncRunner, PageFetch, SyncRunner
from paywire.spaps._contract import SEED_VERSION, Contract, require_feature, require_method
from paywire.spaps._signin import envelope_data, message_of, pick
from paywire.spaps._validate import v
from paywire.spaps.errors import SPAPS_ERRORS, SpapsResponseValidationError
from paywire.spaps.tokens import AUTH_EXTENSION

#: page size the iter_* helpers ask for
PAGE_SIZE = 100

T = TypeVar("T")
M = TypeVar("M")


# --- envelope helpers ----------------------------------------------------------------------------
def _json(resp: httpx.Response, errors: ErrorMap) -> Any:
    """The JSON body (already decoded and checked by ``_Ops._call``; strict here too). An empty
    body is ``{}`` only where the contract has no body (204): an empty 200 sign-in is malformed."""
    if resp.status_code == 204:
        return {}
    return decode_json(resp, SpapsResponseValidationError)


# the SPAPS envelope, read the same way by every resource and by the sign-in parser
_data = envelope_data
_pick = pick
_message = message_of


def _unwrap(data: dict[str, Any], key: str) -> dict[str, Any]:
    """``data[key]`` when the record is wrapped (``{invoice: {...}}``), else ``data``."""
    inner = data.get(key)
    return inner if isinstance(inner, dict) else data


def _q(value: T | None) -> T:
    """An optional query parameter for a generated ``build_request``. The builders leave None
    out exactly as they leave UNSET out (their params filter drops both; see
    ``openapi/templates/endpoint_module.py.jinja``), and each generated package has its own
    ``Unset`` class, so None is passed through as is; the cast only says so to mypy, which
    still checks the parameter's name and value type against each version. Only for plain
    values (str/int/bool): an enum parameter is serialised unless UNSET, so pass that package's
    ``UNSET`` for it."""
    return cast(T, value)


def _meta(parse: Callable[[Mapping[str, Any]], T], value: Mapping[str, Any] | None) -> T | None:
    """A free-form object field (``Metadata``, ``StringMap`` ...) as the pinned version's
    generated model: ``_meta(models.Metadata.from_dict, v.metadata(metadata))``."""
    return None if value is None else parse(value)


def _cursor(value: str | None, field: str = "starting_after") -> str | None:
    return None if value is None else v.ident(value, field)


def _required(value: Any, field: str, why: str = "") -> Any:
    if value is None:
        raise v.fail(field, f"is required{why}")
    return value


def _idempotency_key(supplied: str) -> str:
    # the flows take an ``idempotency_key`` argument, which hides the core function of that name
    return idempotency_key(supplied)


class Paging(NamedTuple):
    """Checked paging arguments: each contract's branch passes the ones its builder takes."""

    starting_after: str | None
    ending_before: str | None
    offset: int | None


# --- pagination helpers --------------------------------------------------------------------------
def _cursor_pages(list_page: Callable[[Any], Flow[M]], items: Callable[[M], Sequence[T]],
                  has_more: Callable[[M, Sequence[T]], bool], cursor_of: Callable[[M, Sequence[T]], Any]) -> PageFetch[T]:
    """A page fetch for ``limit`` + cursor lists (stops if the cursor stops moving)."""

    def fetch(cursor: Any) -> Flow[tuple[Sequence[T], Any]]:
        page = yield from list_page(cursor)
        found = items(page)
        if not found or not has_more(page, found):
            return found, None
        following = cursor_of(page, found)
        return found, (None if following == cursor else following)

    return fetch


def _offset_pages(list_page: Callable[[int], Flow[M]], items: Callable[[M], Sequence[T]],
                  has_more: Callable[[M, Sequence[T]], bool]) -> PageFetch[T]:
    """A page fetch for ``limit`` + ``offset`` lists (the next offset counts what was read)."""

    def fetch(offset: Any) -> Flow[tuple[Sequence[T], Any]]:
        start = int(offset or 0)
        page = yield from list_page(start)
        found = items(page)
        if not found or not has_more(page, found):
            return found, None
        return found, start + len(found)

    return fetch


def _more(flag: bool | None, found: Sequence[Any], page_size: int) -> bool:
    """The page's ``has_more`` when sent, else "the page was full"."""
    return flag if flag is not None else len(found) >= page_size


# --- resource descriptor --------------------------------------------------------------------------
S = TypeVar("S")
A = TypeVar("A")


class resource(Generic[S, A]):
    """A namespace created once per client (cached in the instance ``__dict__``, so the cheap
    ``with_options`` copies rebuild theirs): the sync class on sync clients, async on async.

    The two classes come from ``load()``, called when a client first uses the namespace: the
    resource modules import the result models (:mod:`paywire.spaps.models` builds ~75
    dataclasses, 50-70 ms on the 2-core dev VM), which ``import paywire.spaps`` and building a
    client must not spend before a call needs them."""

    def __init__(self, load: Callable[[], tuple[Callable[[Any], S], Callable[[Any], A]]]) -> None:
        self._load = load
        self._classes: tuple[Callable[[Any], S], Callable[[Any], A]] | None = None
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def _loaded(self) -> tuple[Callable[[Any], S], Callable[[Any], A]]:
        classes = self._classes
        if classes is None:  # two threads may both load: the import lock makes it the same classes
            classes = self._classes = self._load()
        return classes

    @property
    def sync_cls(self) -> Callable[[Any], S]:
        return self._loaded()[0]

    @property
    def async_cls(self) -> Callable[[Any], A]:
        return self._loaded()[1]

    @overload
    def __get__(self, obj: None, owner: type) -> resource[S, A]: ...
    @overload
    def __get__(self, obj: SyncRunner, owner: type) -> S: ...
    @overload
    def __get__(self, obj: AsyncRunner, owner: type) -> A: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        client = obj._client if isinstance(obj, Resource) else obj
        value = (self.async_cls if obj._is_async else self.sync_cls)(client)
        obj.__dict__[self.name] = value
        return value


# --- the shared request helper of every resource -------------------------------------------------------
class _Ops:
    _client: Any
    _errors: ErrorMap = SPAPS_ERRORS
    #: the resource's name in method names ("payments.crypto")
    _resource: ClassVar[str] = ""

    # -- the pinned contract ------------------------------------------------------------------------
    @property
    def _contract(self) -> Contract:
        contract: Contract = self._client._contract
        return contract

    @property
    def _seed(self) -> bool:
        """Pinned to the seed-era contract (2025-11). Flows branch on it and call that version's
        generated builders and models in one branch, 2026-10's in the other: request models
        differ per version, so each call is written against each version's own typed builder
        and mypy checks both (a field renamed in either spec fails typecheck at that line)."""
        return self._contract.version == SEED_VERSION

    def _require(self, method: str) -> None:
        """Refuse (UnsupportedOperationError naming the versions that have it, before any I/O)
        a method whose operation the pinned contract lacks."""
        require_method(self._contract, f"{self._resource}.{method}")

    def _feature(self, feature: str, method: str, /, **args: Any) -> None:
        """Refuse arguments (not None) that the pinned contract does not take."""
        require_feature(self._contract, feature, f"{self._resource}.{method}", **args)

    def _page(self, method: str, *, starting_after: str | None = None, ending_before: str | None = None,
              offset: int | None = None) -> Paging:
        """The checked paging arguments of a Stripe/session list: cursors (2025-11) or
        ``offset`` (2026-10); the other contract's are refused before any I/O."""
        self._feature("cursor_paging", method, starting_after=starting_after, ending_before=ending_before)
        self._feature("offset_paging", method, offset=offset)
        return Paging(_cursor(starting_after), _cursor(ending_before, "ending_before"),
                      v.optional_integer(offset, "offset", minimum=0))

    def _pages(self, list_page: Callable[[dict[str, Any]], Flow[M]], items: Callable[[M], Sequence[T]],
               has_more: Callable[[M, Sequence[T]], bool], cursor_of: Callable[[M, Sequence[T]], Any]) -> PageFetch[T]:
        """Every page of a list, by the pinned contract's paging (``list_page`` gets the paging
        keyword arguments: ``{"starting_after": ...}`` or ``{"offset": ...}``)."""
        if self._contract.has("offset_paging"):
            return _offset_pages(lambda offset: list_page({"offset": offset} if offset else {}), items, has_more)
        return _cursor_pages(lambda cursor: list_page({"starting_after": cursor} if cursor else {}), items, has_more,
                             cursor_of)

    # -- requests -----------------------------------------------------------------------------------
    def _call(self, op: ModuleType, kwargs: Mapping[str, Any], *, auth: str, headers: Mapping[str, str] | None = None,
              retry_safe: bool | None = None, ok: tuple[int, ...] = ()) -> Flow[httpx.Response]:
        """Send what generated operation ``op``'s public ``build_request`` built; ``auth`` is
        none/key/bearer/optional. A success answer is checked against the pinned contract here,
        before any resource reads it (or stores a token from it): a malformed one raises
        :class:`SpapsResponseValidationError`."""
        if auth == "bearer":
            self._client._tokens.require()  # no token stored: a clear error, nothing sent
        merged = dict(kwargs.get("headers") or {})
        if headers:
            merged.update(headers)
        response: httpx.Response = yield from self._client._request(
            kwargs["method"], kwargs["url"], params=kwargs.get("params"), json=kwargs.get("json"),
            headers=merged or None, retry_safe=retry_safe, ok=ok, errors=self._errors,
            extensions={AUTH_EXTENSION: auth},
        )
        if response.is_redirect:  # no SPAPS contract answers 3xx: usually the other contract's path
            raise self._redirected(response)
        if response.is_success:
            parse_success(op, response, SpapsResponseValidationError)
        return response

    def _redirected(self, response: httpx.Response) -> Exception:
        location = response.headers.get("location")
        pinned = self._contract.version
        return self._errors.classify(response.status_code)(
            f"SPAPS answered {response.status_code} (a redirect{f' to {location}' if location else ''}), which no "
            f"SPAPS contract does: this server may speak another contract than the pinned api_version {pinned}",
            response=response, body=response.text, code="UNEXPECTED_REDIRECT",
            request_id=response.headers.get("x-request-id"))

    def _get_data(self, op: ModuleType, kwargs: Mapping[str, Any], *, auth: str = "bearer",
                  **options: Any) -> Flow[dict[str, Any]]:
        resp = yield from self._call(op, kwargs, auth=auth, **options)
        return _data(_json(resp, self._errors))
