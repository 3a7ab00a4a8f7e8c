"""What every SPAPS resource shares: envelope and argument helpers, paging helpers, the
``resource`` descriptor and ``_Ops``, the request helper each resource's flows run on."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar, overload

import httpx

from paywire._core import ErrorMap, Flow, ValidationError, idempotency_key
from paywire._core.client import Resource
from paywire._core.decode import decode_json, parse_success
from paywire._core.flow import AsyncRunner, PageFetch, SyncRunner
from paywire.spaps._contract import Contract, require_feature, require_method
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


def _data(body: Any) -> dict[str, Any]:
    """``data`` when present (the SPAPS envelope), else the body itself."""
    if isinstance(body, dict):
        data = body.get("data")
        if isinstance(data, dict):
            return data
        return body
    return {}


def _pick(body: Any, key: str) -> Any:
    """``key`` at the top level of the body or inside ``data`` (auth results use both)."""
    if isinstance(body, dict):
        if body.get(key) is not None:
            return body[key]
        data = body.get("data")
        if isinstance(data, dict):
            return data.get(key)
    return None


def _message(body: Any) -> str | None:
    value = _pick(body, "message")
    return value if isinstance(value, str) else None


def _unwrap(data: dict[str, Any], key: str) -> dict[str, Any]:
    """``data[key]`` when the record is wrapped (``{invoice: {...}}``), else ``data``."""
    inner = data.get(key)
    return inner if isinstance(inner, dict) else data


def _drop_none(**fields: Any) -> dict[str, Any]:
    """Keyword arguments without the ``None`` ones: the generated defaults (UNSET) apply, so
    absent optional fields are left out of the request instead of being sent as ``null``."""
    return {k: value for k, value in fields.items() if value is not None}


def _cursor(value: str | None, field: str = "starting_after") -> str | None:
    return None if value is None else v.ident(value, field)


def _required(value: Any, field: str, why: str = "") -> Any:
    if value is None:
        raise ValidationError(f"{field} is required{why}", field=field)
    return value


def _idempotency_key(supplied: str) -> str:
    # the flows take an ``idempotency_key`` argument, which hides the core function of that name
    return idempotency_key(supplied)


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
    ``with_options`` copies rebuild theirs): the sync class on sync clients, async on async."""

    def __init__(self, sync_cls: Callable[[Any], S], async_cls: Callable[[Any], A]) -> None:
        self.sync_cls = sync_cls
        self.async_cls = async_cls
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

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

    def _gen(self, op_id: str, method: str | None = None) -> Any:
        """The pinned version's generated module for ``op_id``; a method the pinned contract
        lacks raises UnsupportedOperationError (naming the versions that have it) instead."""
        contract = self._contract
        if not contract.has_operation(op_id):
            require_method(contract, f"{self._resource}.{method or op_id}")
        return importlib.import_module(contract.load_operations()[op_id].module)

    def _model(self, name: str, /, **fields: Any) -> Any:
        """A request model of the pinned package; ``None`` fields are left out (UNSET)."""
        return getattr(importlib.import_module(f"{self._contract.package}.models"), name)(**_drop_none(**fields))

    def _enum(self, name: str, value: str | None) -> Any:
        return None if value is None else getattr(importlib.import_module(f"{self._contract.package}.models"), name)(value)

    def _meta(self, value: Mapping[str, Any] | None, name: str = "Metadata") -> Any:
        return None if value is None else getattr(importlib.import_module(f"{self._contract.package}.models"), name).from_dict(value)

    def _feature(self, feature: str, method: str, /, **args: Any) -> None:
        """Refuse arguments (not None) that the pinned contract does not take."""
        require_feature(self._contract, feature, f"{self._resource}.{method}", **args)

    def _page(self, method: str, *, starting_after: str | None = None, ending_before: str | None = None,
              offset: int | None = None) -> dict[str, Any]:
        """The paging query of a Stripe/session list: cursors (2025-11) or ``offset`` (2026-10)."""
        self._feature("cursor_paging", method, starting_after=starting_after, ending_before=ending_before)
        self._feature("offset_paging", method, offset=offset)
        return _drop_none(starting_after=_cursor(starting_after), ending_before=_cursor(ending_before, "ending_before"),
                          offset=v.optional_integer(offset, "offset", minimum=0))

    def _pages(self, list_page: Callable[[dict[str, Any]], Flow[M]], items: Callable[[M], Sequence[T]],
               has_more: Callable[[M, Sequence[T]], bool], cursor_of: Callable[[M, Sequence[T]], Any]) -> PageFetch[T]:
        """Every page of a list, by the pinned contract's paging (``list_page`` gets the paging
        keyword arguments: ``{"starting_after": ...}`` or ``{"offset": ...}``)."""
        if self._contract.has("offset_paging"):
            return _offset_pages(lambda offset: list_page({"offset": offset} if offset else {}), items, has_more)
        return _cursor_pages(lambda cursor: list_page({"starting_after": cursor} if cursor else {}), items, has_more,
                             cursor_of)

    # -- requests -----------------------------------------------------------------------------------
    def _call(self, op: Any, kwargs: Mapping[str, Any], *, auth: str, headers: Mapping[str, str] | None = None,
              retry_safe: bool | None = None, ok: tuple[int, ...] = ()) -> Flow[httpx.Response]:
        """Send what generated operation ``op``'s ``_get_kwargs`` built; ``auth`` is
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

    def _get_data(self, op: Any, kwargs: Mapping[str, Any], *, auth: str = "bearer",
                  **options: Any) -> Flow[dict[str, Any]]:
        resp = yield from self._call(op, kwargs, auth=auth, **options)
        return _data(_json(resp, self._errors))
