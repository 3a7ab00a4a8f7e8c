"""Issue #13.2 through the facades: every public facade method that puts an argument into a URL
path, found by introspection (no hand list), keeps it one segment or raises the service's own
validation error before any I/O.

For each facade (each pinned API version), each public method, each id-like parameter: a
benign marker value is sent first and the parameters whose marker lands in a path segment are
the ones under test (a parameter that goes to a query or body is not). Then every hostile
value: invalid ones must raise the class that service's users already catch
(``VellumValidationError``, ``LumenValidationError``, ``conxa.ValidationError``, SPAPS's
``paywire.ValidationError``) with nothing sent; odd-but-valid ones must either be sent with
exactly that one segment changed (percent-encoded) or be refused the same typed way (a facade
may be stricter than the core, e.g. Vellum refuses ``/`` in ids).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from _path_cases import INVALID_VALUES, ODD_VALUES, segment_of

from paywire import ValidationError
from paywire._core.client import Resource
from paywire._core.flow import RunnerMethod

# Every credential here is registered as a secret process-wide by the clients (and masked in
# every later log line), so each is a long value no other test's text contains.
MARKERS = ("zz_marker_7", "zzmarker7@example.com", "9876543210987654")
MAX_REQUESTS_PER_CALL = 20
#: Methods documented never to raise (they return a caller-given default on any failure).
FAIL_SAFE = frozenset({"flag"})


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) > MAX_REQUESTS_PER_CALL:  # a polling method: stop it, the URL is known
            raise RuntimeError("enough requests")
        # 404 is final for every facade (never retried, never polled) and parses everywhere.
        return httpx.Response(404, json={"error": "not found", "message": "not found"})

    def paths(self) -> list[list[str]]:
        return [r.url.raw_path.split(b"?", 1)[0].decode("ascii").split("/") for r in self.requests]


@dataclass(frozen=True)
class Facade:
    name: str
    build: Callable[[httpx.MockTransport, bool], Any]
    validation: type[Exception]

    def targets(self, client: Any) -> list[Any]:
        """The client and its resources (SPAPS groups methods as ``client.sessions`` ...)."""
        out = [client]
        for attr in sorted(dir(type(client))):
            if attr.startswith("_") or attr == "with_raw_response":
                continue
            value = getattr(client, attr, None)
            if isinstance(value, Resource):
                out.append(value)
        return out


def _vellum(version: str) -> Callable[[httpx.MockTransport, bool], Any]:
    def build(transport: httpx.MockTransport, is_async: bool = False) -> Any:
        from paywire.vellum import AsyncVellumClient, VellumClient

        return (AsyncVellumClient if is_async else VellumClient)(api_key="vlm_t.pathseg_secret_vellum", tenant_id="t", base_url="https://api.test",
                            transport=transport, api_version=version, cache_ttl_ms=0, max_retries=0)
    return build


def _lumen(transport: httpx.MockTransport, is_async: bool = False) -> Any:
    from paywire.lumen import AsyncLumenClient, LumenClient

    return (AsyncLumenClient if is_async else LumenClient)(api_key="pathseg_secret_lumen", base_url="https://api.test", transport=transport,
                       cache_ttl_ms=0, max_retries=0)


def _spaps(version: str) -> Callable[[httpx.MockTransport, bool], Any]:
    def build(transport: httpx.MockTransport, is_async: bool = False) -> Any:
        from paywire.spaps import AsyncSpapsClient, SpapsClient

        client = (AsyncSpapsClient if is_async else SpapsClient)(base_url="https://api.test", api_key="pathseg_secret_spaps", api_version=version,
                             transport=transport, max_retries=0)
        client.set_tokens(access_token="pathseg_access_token", refresh_token="pathseg_refresh_token", expires_in=3600)
        return client
    return build


def _conxa(transport: httpx.MockTransport, is_async: bool = False) -> Any:
    from paywire.conxa import AsyncCONXAClient, CONXAClient

    return (AsyncCONXAClient if is_async else CONXAClient)(api_key="pk_test_prov_pathsegsecret", provider_id="prov", base_url="https://api.test",
                       transport=transport, max_retries=0)


def _facades() -> list[Facade]:
    from paywire.conxa import ValidationError as ConxaValidationError
    from paywire.lumen import LumenValidationError
    from paywire.vellum import VellumValidationError

    return [
        Facade("vellum/v1", _vellum("v1"), VellumValidationError),
        Facade("vellum/v2", _vellum("v2"), VellumValidationError),
        Facade("lumen/v1", _lumen, LumenValidationError),
        Facade("spaps/2025-11", _spaps("2025-11"), ValidationError),
        Facade("spaps/2026-10", _spaps("2026-10"), ValidationError),
        Facade("conxa/v1", _conxa, ConxaValidationError),
    ]


FACADES = _facades()


def _id_like(name: str) -> bool:
    return name == "id" or name.endswith("_id") or name in {"email", "feature", "feature_slug", "slug"}


def _filler(name: str, param: inspect.Parameter) -> Any:
    """A plausible value for a parameter that is not under test."""
    if _id_like(name):
        return "other_id" if name != "email" else "other@example.com"
    text = str(param.annotation)
    literal = re.search(r"Literal\[['\"]([^'\"]+)['\"]", text)
    if literal:
        return literal.group(1)
    for word, value in (("bool", True), ("int", 1), ("float", 1.0), ("Mapping", {}), ("dict", {}),
                        ("list", ["x"]), ("Sequence", ["x"])):
        if re.search(rf"\b{word}\b", text) and "str" not in text.split("|")[0]:
            return value
    return "x"


@dataclass(frozen=True)
class Candidate:
    facade: Facade
    target_name: str  # "sessions" or the client class
    method: str
    param: str

    @property
    def id(self) -> str:
        return f"{self.facade.name}:{self.target_name}.{self.method}({self.param})"


def _signature(target: Any, method: str) -> inspect.Signature | None:
    """The written signature: flow operations are bound as ``(*args, **kwargs)`` wrappers."""
    attr = inspect.getattr_static(type(target), method, None)
    if isinstance(attr, RunnerMethod):
        sig = inspect.signature(attr.fn)
        return sig.replace(parameters=list(sig.parameters.values())[1:])  # drop self
    if not callable(attr) or isinstance(attr, type | property):
        return None
    try:
        return inspect.signature(getattr(target, method))
    except (TypeError, ValueError):
        return None


def _call(target: Any, method: str, param: str, value: object) -> Any:
    fn = getattr(target, method)
    sig = _signature(target, method)
    assert sig is not None
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for name, p in sig.parameters.items():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if name == param:
            chosen: Any = value
        elif p.default is not inspect.Parameter.empty:
            continue
        else:
            chosen = _filler(name, p)
        if p.kind == p.POSITIONAL_ONLY:
            args.append(chosen)
        else:
            kwargs[name] = chosen
    result = fn(*args, **kwargs)
    if isinstance(result, Iterator):  # pagers are lazy: the first page is the request
        next(result, None)
    return result


def _probe(facade: Facade) -> list[tuple[Candidate, int, list[str]]]:
    """Every (method, parameter) whose marker travels in a URL path: with the marker's segment
    position and the marker's path."""
    found = []
    recorder = Recorder()
    client = facade.build(recorder.transport, False)
    for target in facade.targets(client):
        target_name = type(target).__name__
        for method in sorted(dir(type(target))):
            sig = None if method.startswith("_") else _signature(target, method)
            if sig is None:
                continue
            for param in sig.parameters:
                if not _id_like(param):
                    continue
                for marker in MARKERS:
                    recorder.requests.clear()
                    try:
                        _call(target, method, param, marker)
                    except Exception:  # a 404 or a parse error: only the URL matters
                        pass
                    paths = recorder.paths()
                    hits = [(i, p) for p in paths for i, seg in enumerate(p) if seg == segment_of(marker)]
                    if hits:
                        position, path = hits[0]
                        found.append((Candidate(facade, target_name, method, param), position, path))
                        break
    return found


PROBED = {facade.name: _probe(facade) for facade in FACADES}
CASES = [case for facade in FACADES for case in PROBED[facade.name]]


def test_every_facade_has_methods_that_take_path_ids() -> None:
    per_facade = {name: len(cases) for name, cases in PROBED.items()}
    assert all(count > 0 for count in per_facade.values()), per_facade
    # The issue counted 58 such methods over SPAPS, Lumen and Vellum (both versions here).
    assert len({(c.facade.name, c.target_name, c.method) for c, _, _ in CASES}) >= 58, per_facade


def _find(client: Any, facade: Facade, target_name: str) -> Any:
    return next(t for t in facade.targets(client) if type(t).__name__ == target_name)


@pytest.mark.parametrize(("candidate", "position", "marker_path"), CASES, ids=[c.id for c, _, _ in CASES])
def test_facade_path_ids_are_one_segment_or_a_typed_error(candidate: Candidate, position: int,
                                                          marker_path: list[str]) -> None:
    facade = candidate.facade
    recorder = Recorder()
    client = facade.build(recorder.transport, False)
    target = _find(client, facade, candidate.target_name)
    for label, value in INVALID_VALUES.items():
        recorder.requests.clear()
        try:
            _call(target, candidate.method, candidate.param, value)
        except facade.validation as err:
            assert isinstance(err, ValidationError), label
        else:
            # Only the documented fail-safe reads (Vellum's flag(): "default when the read fails
            # for any reason") may return instead of raising; they must not have sent anything.
            assert candidate.method in FAIL_SAFE, label
        assert recorder.requests == [], label
    for label, value in ODD_VALUES.items():
        recorder.requests.clear()
        try:
            _call(target, candidate.method, candidate.param, value)
        except facade.validation:
            assert recorder.requests == [], label  # refused by a stricter facade rule, nothing sent
            continue
        except Exception:  # the 404 answer: the request is what is checked
            pass
        if not recorder.requests and candidate.method in FAIL_SAFE:
            continue  # refused by a stricter facade rule and swallowed by design: nothing sent
        assert recorder.requests, label
        expected = list(marker_path)
        expected[position] = segment_of(value)
        assert recorder.paths()[0] == expected, label


def _async_name(sync_name: str) -> str:
    """SyncSessions -> AsyncSessions, VellumClient -> AsyncVellumClient."""
    return "Async" + sync_name.removeprefix("Sync")


@pytest.mark.parametrize("facade", FACADES, ids=[f.name for f in FACADES])
async def test_async_facades_raise_the_same_typed_error_before_any_request(facade: Facade) -> None:
    recorder = Recorder()
    client = facade.build(recorder.transport, True)
    try:
        for candidate, _, _ in PROBED[facade.name]:
            target = _find(client, facade, _async_name(candidate.target_name))
            for label in ("dotdot", "100k", "empty"):
                try:
                    result = _call(target, candidate.method, candidate.param, INVALID_VALUES[label])
                    if inspect.isawaitable(result):
                        await result
                    elif hasattr(result, "__anext__"):  # async pagers
                        await anext(result, None)
                except facade.validation as err:
                    assert isinstance(err, ValidationError), (candidate.id, label)
                else:
                    assert candidate.method in FAIL_SAFE, (candidate.id, label)
                assert recorder.requests == [], (candidate.id, label)
    finally:
        await client.aclose()
