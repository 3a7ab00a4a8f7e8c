"""A tiny throwaway facade on the core, used only by the core's own tests.

It follows /work/facade-brief.md: every operation is written once as a flow on a shared ops
class; ``DemoClient`` / ``AsyncDemoClient`` only add the driver. Operations cover each kind of
request the core must handle: idempotent methods, POST with and without an idempotency key,
calls built by a generated module (``paywire_gen_conxa_v1``), nested resources (one created in
``__init__``, one as a ``cached_property``), ``ok=`` statuses, a ``Sleep`` effect and a pager.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import httpx

from paywire._core import (
    APIStatusError,
    AsyncClient,
    AsyncResource,
    AuthenticationError,
    ErrorMap,
    Flow,
    LoggingHooks,
    PaywireError,
    RetryConfig,
    Sleep,
    SyncClient,
    SyncResource,
    check_base_url,
    idempotency_key,
    mask,
    operation,
    paginated,
    register_secret,
    require_setting,
    setting,
    timeout_setting,
)
from paywire._core.flow import PageFetch

BASE_URL = "https://api.demo.test/v1"
ENV_KEY = "DEMO_API_KEY"
ENV_URL = "DEMO_API_URL"
ENV_TIMEOUT = "DEMO_REQUEST_TIMEOUT"
DEFAULT_TIMEOUT = 15.0


# --- errors -----------------------------------------------------------------------------------
class DemoError(PaywireError):
    """Root of the demo service's own exceptions."""


class DemoApiError(DemoError, APIStatusError):
    @property
    def status(self) -> int:
        return self.status_code


class DemoAuthError(DemoApiError, AuthenticationError):
    pass


DEMO_ERRORS = ErrorMap(DemoApiError, {401: DemoAuthError}, prefix="Demo")


# --- auth that reads a token provider on every request ----------------------------------------
class TokenProviderAuth(httpx.Auth):
    """Bearer auth asking ``provider()`` for the token on every request (refreshing tokens)."""

    def __init__(self, provider: Callable[[], str]) -> None:
        self._provider = provider

    def auth_flow(self, request: httpx.Request) -> Any:
        token = self._provider()
        register_secret(token)
        request.headers["Authorization"] = f"Bearer {token}"
        yield request


# --- operations (written once) ----------------------------------------------------------------
# Three resources on purpose (nested, plain, built lazily), each written the way the facades'
# resources/<tag>.py are (an ops mixin, then its Sync/Async classes), so they look alike: sharing
# their bodies would test a shape no facade has.
class _LabelsOps:
    """A resource nested in a resource: ``client.things.labels.list(...)``."""

    _client: Any

    @operation
    def list(self, thing_id: str) -> Flow[list[str]]:
        resp = yield from self._client._request("GET", f"/things/{thing_id}/labels")
        data: list[str] = resp.json()
        return data


class SyncLabels(_LabelsOps, SyncResource):
    pass


class AsyncLabels(_LabelsOps, AsyncResource):
    pass


class _ThingsOps:
    """A resource: ``client.things.get(...)``, with a nested ``labels`` resource."""

    _client: Any
    _is_async: bool

    def __init__(self, client: Any) -> None:
        super().__init__(client)  # type: ignore[call-arg]
        self.labels = (AsyncLabels if self._is_async else SyncLabels)(client)

    @operation
    def get(self, thing_id: str) -> Flow[dict[str, Any]]:
        resp = yield from self._client._request("GET", f"/things/{thing_id}")
        data: dict[str, Any] = resp.json()
        return data


class SyncThings(_ThingsOps, SyncResource):
    pass


class AsyncThings(_ThingsOps, AsyncResource):
    pass


class _AdminOps:
    """A second resource, built lazily (``functools.cached_property``)."""

    _client: Any

    @operation
    def stats(self) -> Flow[dict[str, Any]]:
        resp = yield from self._client._request("GET", "/admin/stats")
        data: dict[str, Any] = resp.json()
        return data


class SyncAdmin(_AdminOps, SyncResource):
    pass


class AsyncAdmin(_AdminOps, AsyncResource):
    pass


class _DemoOps:
    _is_async: bool

    @property
    def generated(self) -> Any:
        """The generated client of the package the demo's generated calls use (a static import)."""
        from paywire_gen_conxa_v1 import Client

        core: Any = self
        return core._generated_client(Client)

    @operation
    def get_thing(self, thing_id: str) -> Flow[dict[str, Any]]:
        resp = yield from self._request("GET", f"/things/{thing_id}")
        data: dict[str, Any] = resp.json()
        return data

    @operation
    def put_thing(self, thing_id: str, *, name: str) -> Flow[dict[str, Any]]:
        resp = yield from self._request("PUT", f"/things/{thing_id}", json={"name": name})
        data: dict[str, Any] = resp.json()
        return data

    @operation
    def delete_thing(self, thing_id: str) -> Flow[int]:
        resp = yield from self._request("DELETE", f"/things/{thing_id}")
        return resp.status_code

    @operation
    def create_thing(self, *, name: str, idempotency_key: str | None = None,
                     keyed: bool = False) -> Flow[dict[str, Any]]:
        """POST; carries an ``Idempotency-Key`` header (and is retry-safe) only when keyed."""
        headers: dict[str, str] = {}
        if keyed or idempotency_key is not None:
            headers["Idempotency-Key"] = _idem(idempotency_key)
        resp = yield from self._request("POST", "/things", json={"name": name}, headers=headers or None,
                                        retry_safe=bool(headers))
        data: dict[str, Any] = resp.json()
        return data

    @operation
    def find_thing(self, thing_id: str) -> Flow[dict[str, Any] | None]:
        """404 is an answer here (``ok=(404,)``), not an error."""
        resp = yield from self._request("GET", f"/things/{thing_id}", ok=(404,))
        if resp.status_code == 404:
            return None
        data: dict[str, Any] = resp.json()
        return data

    @operation
    def get_later(self, thing_id: str, *, wait: float) -> Flow[dict[str, Any]]:
        yield Sleep(wait)
        resp = yield from self._request("GET", f"/things/{thing_id}")
        data: dict[str, Any] = resp.json()
        return data

    @operation
    def sign_in(self, *, email: str, password: str, signature: str) -> Flow[dict[str, Any]]:
        """Secrets in the body: the password and a wallet signature; the reply holds tokens."""
        register_secret(password)
        register_secret(signature)
        resp = yield from self._request("POST", "/auth/sign-in",
                                        json={"email": email, "password": password, "signature": signature})
        data: dict[str, Any] = resp.json()
        for name in ("access_token", "refresh_token"):
            register_secret(data.get(name))
        return data

    # -- through generated request builders -------------------------------------------------
    @operation
    def get_balance(self, wallet_id: str) -> Flow[dict[str, Any]]:
        from paywire_gen_conxa_v1.api.wallets import get_wallet_balance as gen

        resp = yield from self._request_kwargs(gen._get_kwargs(wallet_id))
        data: dict[str, Any] = resp.json()
        return data

    @operation
    def authorize_charge(self, *, session_token: str, input_tokens: int,
                         idempotency_key: str | None = None) -> Flow[dict[str, Any]]:
        from paywire_gen_conxa_v1.api.charges import authorize_charge as gen
        from paywire_gen_conxa_v1.models.charge_request import ChargeRequest

        register_secret(session_token)
        key = _idem(idempotency_key, required=True)
        body = ChargeRequest(model_name="demo-model", input_tokens=input_tokens, output_tokens=1)
        resp = yield from self._request_kwargs(
            gen._get_kwargs(body=body, x_provider_session=session_token, x_idempotency_key=key),
            retry_safe=True,
        )
        data: dict[str, Any] = resp.json()
        return data

    # -- pagination -------------------------------------------------------------------------------
    @paginated
    def iter_things(self, *, limit: int = 2) -> PageFetch[dict[str, Any]]:
        def fetch(cursor: str | None) -> Flow[tuple[list[dict[str, Any]], str | None]]:
            params: dict[str, Any] = {"limit": limit}
            if cursor is not None:
                params["starting_after"] = cursor
            resp = yield from self._request("GET", "/things", params=params)
            page = resp.json()
            items: list[dict[str, Any]] = page["data"]
            return items, (items[-1]["id"] if page.get("has_more") and items else None)

        return fetch

    # -- the base class provides these (declared for readability) ---------------------------
    _request: Any
    _request_kwargs: Any


def _idem(supplied: str | None, *, required: bool = False) -> str:
    return idempotency_key(supplied, required=required)


# --- configuration (shared by both flavours) ------------------------------------------------------
class _DemoConfig:
    _is_async: bool

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float | None = None,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        logging_hooks: LoggingHooks | None = None,
        auth: httpx.Auth | None = None,
        transport: Any = None,
        allow_insecure_http: bool = False,
    ) -> None:
        key = require_setting(api_key, ENV_KEY, what="api_key")
        url = check_base_url(setting(base_url, ENV_URL, BASE_URL) or BASE_URL,
                             allow_insecure_http=allow_insecure_http)
        self._api_key = key
        super().__init__(  # type: ignore[call-arg]
            base_url=url, headers={"X-Provider-API-Key": key},
            timeout=timeout_setting(timeout, ENV_TIMEOUT, DEFAULT_TIMEOUT),
            retry_config=retry_config, max_retries=max_retries, logging_hooks=logging_hooks,
            errors=DEMO_ERRORS, auth=auth, transport=transport, secrets=(key,),
        )
        self.things = (AsyncThings if self._is_async else SyncThings)(self)  # type: ignore[arg-type]

    @functools.cached_property
    def admin(self) -> Any:
        return (AsyncAdmin if self._is_async else SyncAdmin)(self)  # type: ignore[arg-type]

    def _repr_fields(self) -> dict[str, str]:
        return {**super()._repr_fields(), "api_key": mask(self._api_key)}  # type: ignore[misc]


class DemoClient(_DemoConfig, _DemoOps, SyncClient):
    pass


class AsyncDemoClient(_DemoConfig, _DemoOps, AsyncClient):
    pass


FLAVOURS = {"sync": DemoClient, "async": AsyncDemoClient}
