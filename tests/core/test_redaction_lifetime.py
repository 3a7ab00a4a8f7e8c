"""Issue #13.9: redaction never forgets a live client's secrets.

The old registry kept the 512 most recent secrets, so after ~255 token refreshes an API key
echoed by the server appeared in ``str(error)``. Here every service's client lives through
10,000 token refreshes / secret registrations, then the server echoes its API key everywhere
it can (message, code, request id header and body, header-style text); the key must not
surface in ``str``/``repr``/``.message``/``.code``/``.request_id``, the log records or the
hook arguments. Also: header-name redaction, sanitised ``code``/``request_id``, and owned
secrets released with their owner (memory bounded by what is alive).
"""

from __future__ import annotations

import functools
import gc
import logging
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from _support.concurrency import run_threads

from paywire._core import APIStatusError, LoggingHooks, default_logging_hooks, redact, register_secret
from paywire._core.redact import MASK, redact_headers, registered_count, sanitize_server_text
from paywire.conxa import CONXAClient
from paywire.lumen import LumenClient
from paywire.spaps import SpapsClient
from paywire.spaps.tokens import StoredTokens
from paywire.vellum import VellumClient

REFRESHES = 10_000


@dataclass(frozen=True)
class Service:
    name: str
    api_key: str
    build: Callable[[str, httpx.MockTransport, LoggingHooks], Any]
    fail: Callable[[Any], Any]


def _spaps(key: str, transport: httpx.MockTransport, hooks: LoggingHooks) -> Any:
    return SpapsClient(base_url="http://spaps.test", api_key=key, transport=transport, logging_hooks=hooks,
                       allow_insecure_http=True)


def _lumen(key: str, transport: httpx.MockTransport, hooks: LoggingHooks) -> Any:
    return LumenClient(api_key=key, base_url="https://lumen.test", transport=transport, logging_hooks=hooks)


def _vellum(key: str, transport: httpx.MockTransport, hooks: LoggingHooks) -> Any:
    return VellumClient(api_key=key, tenant_id="sam", base_url="https://vellum.test", transport=transport,
                        logging_hooks=hooks)


def _conxa(key: str, transport: httpx.MockTransport, hooks: LoggingHooks) -> Any:
    return CONXAClient(api_key=key, provider_id="prov_1", base_url="https://conxa.test", transport=transport,
                       logging_hooks=hooks)


SERVICES = [
    Service("spaps", "spaps_key_LiveClient_0a1b2c3d", _spaps, lambda c: c.whitelist.check("a@b.co")),
    Service("lumen", "sk_lumen_LiveClient_4e5f6a7b", _lumen, lambda c: c.get_subscription_status("user_1")),
    Service("vellum", "vlm_sam.LiveClient_8c9d0e1f", _vellum, lambda c: c.get_subscription(account_id="acct_1", customer_id="unit_1")),
    Service("conxa", "pk_live_LiveClient_2a3b4c5d", _conxa, lambda c: c.get_wallet_balance("1234567890123456")),
]
by_service = pytest.mark.parametrize("service", SERVICES, ids=[s.name for s in SERVICES])


def echo_transport(key: str) -> httpx.MockTransport:
    """A server that echoes the API key in every field an error is built from."""

    def handler(request: httpx.Request) -> httpx.Response:
        body = {
            "error": {"code": f"BAD_KEY_{key}", "message": f"key {key} rejected; X-API-Key: {key}"},
            "code": f"BAD_KEY_{key}",
            "message": f"key {key} rejected",
            "metadata": {"request_id": f"req_{key}"},
        }
        return httpx.Response(400, json=body, headers={"X-Request-ID": f"req-\x1b[31m{key}\n"}, request=request)

    return httpx.MockTransport(handler)


def churn_tokens(count: int) -> None:
    """What 10,000 refreshes do to the registry: new token sets replace the old ones, and
    ownerless registrations (call arguments) flow through the bounded recent set."""
    holder: list[StoredTokens] = []
    for i in range(count):
        tokens = StoredTokens(access_token=f"at_refreshed_{i:06d}_xyz", refresh_token=f"rt_refreshed_{i:06d}_xyz")
        holder[:] = [tokens]  # the manager keeps only the current set
        register_secret(f"loose_password_{i:06d}")


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG, logger="paywire")
    yield caplog


@by_service
def test_api_key_still_redacted_after_ten_thousand_refreshes(service: Service,
                                                             records: pytest.LogCaptureFixture) -> None:
    seen: list[dict[str, Any]] = []
    base = default_logging_hooks()

    def recorder(name: str) -> Callable[..., None]:
        def hook(**kwargs: Any) -> None:
            seen.append(kwargs)
            getattr(base, name)(**kwargs)
        return hook

    hooks = LoggingHooks(*(recorder(n) for n in ("on_request", "on_response", "on_retry", "on_error")))
    client = service.build(service.api_key, echo_transport(service.api_key), hooks)
    try:
        churn_tokens(REFRESHES)
        with pytest.raises(APIStatusError) as info:
            service.fail(client)
        error = info.value
        surfaces = {
            "str": str(error), "repr": repr(error), "message": error.message, "args": repr(error.args),
            "code": str(error.code), "request_id": str(error.request_id),
            "traceback": "".join(traceback.format_exception_only(error)),
            "logs": records.text, "hooks": repr(seen), "client repr": repr(client),
        }
        for where, text in surfaces.items():
            assert service.api_key not in text, f"{service.name}: API key leaked in {where}: {text!r}"
        assert MASK in str(error)
        assert error.request_id is not None and "\x1b" not in error.request_id and "\n" not in error.request_id
        assert any("request_id" in call for call in seen)
    finally:
        client.close()


@by_service
def test_secrets_of_a_closed_and_collected_client_are_released(service: Service) -> None:
    key = f"{service.api_key}_short_lived"
    client = service.build(key, echo_transport(key), LoggingHooks())
    assert redact(f"x {key} y") == f"x {MASK} y"
    client.close()
    del client
    gc.collect()
    assert redact(f"x {key} y") == f"x {key} y"  # the registry let go with its owner


def test_refreshed_tokens_replace_the_old_ones_memory_bounded_by_what_is_alive() -> None:
    gc.collect()
    before = registered_count()
    churn_tokens(REFRESHES)
    gc.collect()
    # 10,000 token pairs were registered; only the live pair and the bounded recent set remain
    assert registered_count() - before <= 2 + 512
    alive = StoredTokens(access_token="at_still_alive_123456", refresh_token="rt_still_alive_654321")
    churn_tokens(2_000)
    assert redact("at_still_alive_123456 rt_still_alive_654321") == f"{MASK} {MASK}"
    del alive
    gc.collect()
    assert "at_still_alive_123456" in redact("at_still_alive_123456")  # released with its owner


def test_one_value_shared_by_two_owners_stays_until_both_are_gone() -> None:
    class Owner:
        pass

    first, second = Owner(), Owner()
    register_secret("shared_key_value_777", first, slot="api_key")
    register_secret("shared_key_value_777", second, slot="api_key")
    del first
    gc.collect()
    assert redact("shared_key_value_777") == MASK
    register_secret("rotated_key_value_888", second, slot="api_key")  # the slot now holds the new key
    assert redact("rotated_key_value_888") == MASK
    assert redact("shared_key_value_777") == "shared_key_value_777"
    del second
    gc.collect()
    assert redact("rotated_key_value_888") == "rotated_key_value_888"


@pytest.mark.parametrize("name", [
    "Authorization", "Proxy-Authorization", "X-API-Key", "x-api-key", "X-Provider-API-Key", "api_key", "apikey",
    "Cookie", "Set-Cookie", "X-Auth-Token", "X-Recon-Token", "refresh_token", "client_secret", "password",
    "X-Webhook-Signature", "X-Vellum-Signature", "credentials", "X-Provider-Session",
])
def test_sensitive_header_names_are_redacted_in_headers_and_text(name: str) -> None:
    value = "v4lue-0f-the-header"  # never registered: only the name tells it is secret
    assert redact_headers({name: value, "Accept": "application/json"}) == {name: MASK, "Accept": "application/json"}
    assert redact_headers([(name, value)]) == {name: MASK}
    for text in (f"{name}: {value}", f"{name}={value}", f'{{"{name}": "{value}"}}', f"{{'{name}': '{value}'}}",
                 f"GET /x?{name}={value}&page=2"):
        assert value not in redact(text), text


@pytest.mark.parametrize("text", ["input_tokens=1000", "max_tokens=2048 output_tokens=500", "page=2&limit=10",
                                  "signature mismatch", "invalid signature timestamp", "session_id=sess_1"])
def test_ordinary_fields_are_left_alone(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(("raw", "expected"), [
    (None, None),
    ("req_123", "req_123"),
    ("req\x1b[31m_red\x1b[0m", "req[31m_red[0m"),
    ("req_1\nINFO forged log line", "req_1INFO forged log line"),
    ("req_\u202eevil", "req_evil"),
    ("Bearer abcdefghijklmnop", f"Bearer {MASK}"),
    ("x" * 1000, "x" * 127 + "…"),
    (12345, "12345"),
])
def test_sanitize_server_text(raw: Any, expected: str | None) -> None:
    assert sanitize_server_text(raw) == expected


def test_error_code_and_request_id_are_sanitised_for_every_error_class() -> None:
    """Every class that can carry them: the core classes and every service's own."""
    import paywire
    from paywire import conxa, lumen, spaps, vellum

    secret = "srv_echoed_secret_9z8y7x"
    register_secret(secret, test_error_code_and_request_id_are_sanitised_for_every_error_class)
    classes = {cls for module in (paywire, spaps, lumen, vellum, conxa) for cls in vars(module).values()
               if isinstance(cls, type) and issubclass(cls, APIStatusError)}
    assert len(classes) > 20
    response = httpx.Response(418, request=httpx.Request("GET", "https://x.test/"))
    for cls in classes:
        try:
            error = cls("boom", response=response, code=f"E_{secret}\n", request_id=f"r\x1b{secret}" + "x" * 300)
        except TypeError:  # a seed-shaped constructor: the core path sets the attributes
            error = cls("boom")
            error.code = f"E_{secret}\n"
            error.request_id = f"r\x1b{secret}" + "x" * 300
        for text in (str(error.code), str(error.request_id), str(error), repr(error)):
            assert secret not in text and "\x1b" not in text and "\n" not in text, (cls, text)
        assert len(error.request_id or "") <= 128


def run_spaps_refreshes(count: int) -> tuple[SpapsClient, APIStatusError, float]:
    """``count`` real refreshes through SpapsClient (every token is issued already expired),
    then a server error echoing the API key, the latest tokens and the first tokens."""
    import datetime as dt
    import time

    from paywire.spaps import InMemoryTokenStore

    key = "spaps_key_RefreshSurvivor_77"
    issued = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/auth/refresh":
            issued[0] += 1
            data = {"access_token": f"at_issued_{issued[0]:06d}_qq", "refresh_token": f"rt_issued_{issued[0]:06d}_qq",
                    "expires_in": 1, "token_type": "Bearer"}  # inside the 30 s skew: refreshed every call
            return httpx.Response(200, json={"success": True, "data": data}, request=request)
        if issued[0] <= count:
            return httpx.Response(200, json={"success": True, "data": {"session": {"id": "s1"}}}, request=request)
        latest = request.headers["authorization"].split()[-1]
        return httpx.Response(400, json={"error": {"code": f"E_{key}", "message": f"{key} / {latest} / at_first_0"}},
                              headers={"X-Request-ID": f"req_{key}"}, request=request)

    expired = dt.datetime.fromtimestamp(time.time() - 60, dt.UTC)
    store = InMemoryTokenStore(StoredTokens("at_first_0_token", "rt_first_0_token", expired, "Bearer"))
    client = SpapsClient(base_url="http://spaps.test", api_key=key, transport=httpx.MockTransport(handler),
                         token_store=store, allow_insecure_http=True)
    started = time.perf_counter()
    for _ in range(count):
        client.sessions.get_current_session()
    elapsed = time.perf_counter() - started
    try:
        client.sessions.get_current_session()
    except APIStatusError as error:
        assert client.token_manager.refresh_count == count + 1
        return client, error, elapsed
    raise AssertionError("the server error was not raised")


def test_api_key_and_live_tokens_redacted_after_real_spaps_refreshes() -> None:
    count = 600  # the old 512-entry registry forgot the API key after ~255
    client, error, _ = run_spaps_refreshes(count)
    try:
        text = " ".join((str(error), repr(error), str(error.code), str(error.request_id)))
        for secret in ("spaps_key_RefreshSurvivor_77", f"at_issued_{count + 1:06d}_qq"):
            assert secret not in text, text
        gc.collect()
        assert registered_count() < 2_000  # the refreshed-away token sets were released
    finally:
        client.close()


def test_every_paywire_logger_redacts() -> None:
    """A filter on ``paywire`` does not run for records of ``paywire.*`` children, so each
    logger must carry its own; and no module may create one behind the helper's back."""
    import importlib
    import pkgutil

    import paywire
    from paywire._core.redact import RedactingFilter

    loggers: dict[str, logging.Logger] = {}
    for info in pkgutil.walk_packages(paywire.__path__, "paywire."):
        if not any(part in info.name for part in (".sandbox", "_bench", "__main__")):
            module = importlib.import_module(info.name)
            loggers.update({v.name: v for v in vars(module).values() if isinstance(v, logging.Logger)})
    assert {"paywire", "paywire.entitlements"} <= set(loggers)
    for name, log in loggers.items():
        assert any(isinstance(f, RedactingFilter) for f in log.filters), name
    root = Path(paywire.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if "sandbox" not in p.parts and p.name != "logs.py" and "logging.getLogger(" in p.read_text()]
    assert offenders == []


def test_registry_is_safe_under_threads_and_garbage_collection() -> None:
    """Token sets die (and their finalizers run) on whatever thread the collector picks,
    possibly while another thread is iterating the registry: nothing may raise or be lost."""
    import threading

    class Owner:
        pass

    keeper = Owner()
    register_secret("live_key_kept_by_keeper_42", keeper, slot="api_key")
    errors: list[BaseException] = []
    stop = threading.Event()

    def churn(n: int) -> None:
        try:
            for i in range(1_000):
                # freed by reference counting right here: its finalizer runs on this thread
                StoredTokens(access_token=f"at_thread{n}_{i:05d}_x", refresh_token=None)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            while not stop.is_set():
                assert redact("k=live_key_kept_by_keeper_42") == f"k={MASK}"
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    watcher = threading.Thread(target=reader)
    watcher.start()
    run_threads(functools.partial(churn, n) for n in range(4))
    stop.set()
    watcher.join()
    assert errors == []
    gc.collect()
    assert redact("live_key_kept_by_keeper_42") == MASK
    assert registered_count() < 2_000
    del keeper


@pytest.mark.parametrize("unit", ["a.", "a-", "x", "token", "a=", "token=", "password: ", "'token': '", "bearer ",
                                  "Cookie: ", 'api_key="', "X-API-Key: Bearer "])
def test_redaction_is_linear_on_hostile_text(unit: str) -> None:
    """Server text is attacker-controlled: a pattern that backtracks per position turns a
    20 kB error page into minutes of CPU (an early version of the name pattern took 95 s on
    8,000 characters of "a.a.a.")."""
    import time

    text = unit * (20_000 // len(unit))
    started = time.perf_counter()
    redact(text)
    assert time.perf_counter() - started < 2.0  # ~0.05 s here; generous for a loaded box


def test_mask_is_not_masked_twice() -> None:
    once = redact("Authorization: Bearer abcdefghijk password=hunter22 'token': 'Bearer abcdefgh'")
    assert once == f"Authorization: Bearer {MASK} password={MASK} 'token': 'Bearer {MASK}'"
    assert redact(once) == once
