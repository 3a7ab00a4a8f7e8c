"""Ready paywire clients for a running sandbox: every service, every pinned version, sync and async.

    with paywire.sandbox.run() as sb:
        vellum = sb.client("vellum", api_version="v1")      # VellumClient, seeded key and tenant
        conxa = sb.async_client("conxa")                   # AsyncCONXAClient

The seeded credentials (``DEFAULT_API_KEY`` & co. of each sandbox service module) are filled in;
keyword arguments override them or add client options (``max_retries=0``...). Versions are
enumerated from :data:`paywire._versions.API_VERSIONS`, and each version is served by the
sandbox app whose spec file is ``openapi/<service>/<version>.yaml``, so a newly pinned version
needs no change here.

A client handed out for a namespace carries the ``X-Paywire-Namespace`` header on every request
(a default header of its own transport: no global state, so clients of two namespaces work side
by side in one process). Async clients keep no idle connections, so closing them after their
event loop ended (a fixture's teardown) is safe.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

from paywire._core.errors import ConfigError
from paywire._versions import API_VERSIONS, default_version

if TYPE_CHECKING:
    from paywire.sandbox.app import Sandbox

SERVICES = tuple(API_VERSIONS)


class UnknownClientError(ConfigError):
    """No such service or pinned version (a ConfigError, so a ValueError too)."""


def versions(service: str) -> list[str]:
    if service not in API_VERSIONS:
        raise UnknownClientError(f"unknown service {service!r}; known: {', '.join(API_VERSIONS)}")
    return list(API_VERSIONS[service])


def app_name(sandbox: Sandbox, service: str, api_version: str | None) -> tuple[str, str]:
    """(pinned version, the sandbox app serving it), e.g. ("2026-10", "spaps-2026-10")."""
    pinned = versions(service)
    version = api_version or default_version(service)
    if version not in pinned:
        raise UnknownClientError(f"unknown {service} api_version {version!r}; pinned: {', '.join(pinned)}")
    spec_file = f"{service}/{version}.yaml"
    for name, svc in sandbox.services.items():
        if svc.spec_file == spec_file:
            return version, name
    raise UnknownClientError(f"the sandbox serves no app for {spec_file}")


class _NamespaceTransport(httpx.HTTPTransport):
    def __init__(self, headers: dict[str, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._headers = headers

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for key, value in self._headers.items():
            request.headers.setdefault(key, value)
        return super().handle_request(request)


class _AsyncNamespaceTransport(httpx.AsyncHTTPTransport):
    def __init__(self, headers: dict[str, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._headers = headers

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        for key, value in self._headers.items():
            request.headers.setdefault(key, value)
        return await super().handle_async_request(request)


def _spaps(flavour: str) -> Callable[..., Any]:
    from paywire.sandbox import spaps as sb
    from paywire.spaps import AsyncSpapsClient, SpapsClient

    cls = SpapsClient if flavour == "sync" else AsyncSpapsClient
    return lambda base_url, version, **kw: cls(**{"base_url": base_url, "api_key": sb.DEFAULT_API_KEY,
                                                  "api_version": version, **kw})


def _lumen(flavour: str) -> Callable[..., Any]:
    from paywire.lumen import AsyncLumenClient, LumenClient
    from paywire.sandbox import lumen as sb

    cls = LumenClient if flavour == "sync" else AsyncLumenClient
    return lambda base_url, version, **kw: cls(**{"base_url": base_url, "api_key": sb.DEFAULT_API_KEY, **kw})


def _vellum(flavour: str) -> Callable[..., Any]:
    from paywire.sandbox import vellum as sb
    from paywire.vellum import AsyncVellumClient, VellumClient

    cls = VellumClient if flavour == "sync" else AsyncVellumClient
    return lambda base_url, version, **kw: cls(**{"base_url": base_url, "api_key": sb.DEFAULT_API_KEY,
                                                  "tenant_id": sb.DEFAULT_TENANT, "api_version": version, **kw})


def _conxa(flavour: str) -> Callable[..., Any]:
    from paywire.conxa import AsyncCONXAClient, CONXAClient
    from paywire.sandbox import conxa as sb

    cls = CONXAClient if flavour == "sync" else AsyncCONXAClient
    return lambda base_url, version, **kw: cls(**{"base_url": base_url, "api_key": sb.DEFAULT_API_KEY,
                                                  "provider_id": sb.DEFAULT_PROVIDER_ID, **kw})


#: service -> flavour -> constructor(base_url, version, **overrides)
FACTORIES: dict[str, Callable[[str], Callable[..., Any]]] = {
    "spaps": _spaps, "lumen": _lumen, "vellum": _vellum, "conxa": _conxa,
}


def make_client(sandbox: Sandbox, server_url: str, namespace: str, service: str, api_version: str | None,
                flavour: str, overrides: dict[str, Any]) -> Any:
    """A configured client of one service and version against ``server_url`` in ``namespace``."""
    from paywire.sandbox.namespace import DEFAULT, HEADER

    version, name = app_name(sandbox, service, api_version)
    headers = {} if namespace == DEFAULT else {HEADER: namespace}
    if "transport" not in overrides:
        overrides = {**overrides, "transport": _NamespaceTransport(headers) if flavour == "sync"
                     # no idle connections: nothing to close on a loop that is gone by teardown
                     else _AsyncNamespaceTransport(headers, limits=httpx.Limits(max_keepalive_connections=0))}
    return FACTORIES[service](flavour)(server_url + sandbox.services[name].prefix, version, **overrides)


def close(clients: list[Any]) -> None:
    """Close handed-out clients (sync ones directly; async ones on a short-lived event loop)."""
    try:
        asyncio.get_running_loop()
        in_loop = True  # async ones must be awaited there: aclose()
    except RuntimeError:
        in_loop = False
    for client in list(clients):
        if callable(getattr(client, "aclose", None)):
            if in_loop:
                continue
            with contextlib.suppress(RuntimeError, OSError):
                asyncio.run(client.aclose())
        else:
            client.close()
        clients.remove(client)


async def aclose(clients: list[Any]) -> None:
    """Close handed-out clients from inside an event loop."""
    for client in list(clients):
        if callable(getattr(client, "aclose", None)):
            await client.aclose()
        else:
            client.close()
        clients.remove(client)
