"""Redaction: a secret set in every input never appears in any log record, repr or exception
text, even when the server echoes it back in an error body."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
from _core_facade import TokenProviderAuth
from _core_helpers import call

from paywire._core import (
    APIConnectionError,
    APIStatusError,
    LoggingHooks,
    default_logging_hooks,
    logger,
    mask,
    redact,
    register_secret,
)
from paywire._core import logs as core_logs
from paywire._core.redact import MASK, RedactingFilter

API_KEY = "sk_live_RedactMe_0a1b2c3d4e5f"
BEARER = "eyJhbGciOi.bearerTokenRedactMe.sig123"
PASSWORD = "correct-horse-battery-staple-9"
SIGNATURE = "0xSignatureRedactMe5f4e3d2c1b0a"
SESSION = "sess_RedactMe_77aa88bb99cc"
ACCESS = "at_RedactMe_from_server_123456"
REFRESH = "rt_RedactMe_from_server_654321"
SECRETS = (API_KEY, BEARER, PASSWORD, SIGNATURE, SESSION, ACCESS, REFRESH)


def assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"secret {secret[:6]}… leaked in {where}: {text!r}"


@pytest.fixture
def paywire_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)  # every logger, httpx's included
    caplog.set_level(logging.DEBUG, logger="paywire")
    yield caplog


def echo_body() -> dict[str, Any]:
    """An error body that echoes every secret in every field the core reads."""
    joined = " ".join(SECRETS)
    return {
        "error": {"code": f"BAD_{API_KEY}", "message": f"rejected {joined}"},
        "message": joined,
        "detail": joined,
        "metadata": {"request_id": f"req_{SESSION}"},
        "echo": {"password": PASSWORD, "authorization": f"Bearer {BEARER}", "signature": SIGNATURE},
    }


async def test_no_secret_in_logs_reprs_or_exceptions(
    make: Any, mock: respx.MockRouter, paywire_logs: pytest.LogCaptureFixture
) -> None:
    mock.post("/auth/sign-in").mock(return_value=httpx.Response(
        200, json={"access_token": ACCESS, "refresh_token": REFRESH, "user": {"email": "a@b.c"}}
    ))
    mock.get("/things/t1").mock(side_effect=[httpx.Response(503, json=echo_body()), httpx.Response(200, json={})])
    mock.get("/things/t2").mock(return_value=httpx.Response(401, json=echo_body(),
                                                            headers={"X-Request-ID": f"id-{ACCESS}"}))
    mock.post("/charge/authorize").mock(side_effect=httpx.ConnectError(f"refused; key {API_KEY} session {SESSION}"))
    mock.get("/wallet/w1").mock(return_value=httpx.Response(
        500, text=f"<html>Authorization: Bearer {BEARER} password={PASSWORD} x-api-key: {API_KEY}</html>"
    ))

    hook_calls: list[dict[str, Any]] = []
    base = default_logging_hooks()

    def recorder(name: str) -> Any:
        def hook(**kwargs: Any) -> None:
            hook_calls.append(kwargs)
            getattr(base, name)(**kwargs)
        return hook

    hooks = LoggingHooks(*(recorder(n) for n in ("on_request", "on_response", "on_retry", "on_error")))
    client = make(api_key=API_KEY, auth=TokenProviderAuth(lambda: BEARER), logging_hooks=hooks, max_retries=1)

    signed = await call(client.sign_in, email="a@b.c", password=PASSWORD, signature=SIGNATURE)
    assert signed["access_token"] == ACCESS
    await call(client.get_thing, "t1")  # one retry after an echoing 503
    raised: list[BaseException] = []
    with pytest.raises(APIConnectionError) as conn:  # hands the client the session token
        await call(client.authorize_charge, session_token=SESSION, input_tokens=1, idempotency_key="k-1")
    raised.append(conn.value)
    for thing in ("t2",):
        with pytest.raises(APIStatusError) as info:
            await call(client.get_thing, thing)
        raised.append(info.value)
    with pytest.raises(APIStatusError) as info:
        await call(client.get_balance, "w1")
    raised.append(info.value)

    # the secrets really were on the wire (so this test would see a leak)
    wire = mock.calls
    assert any(c.request.headers.get("authorization") == f"Bearer {BEARER}" for c in wire)
    assert any(c.request.headers.get("x-provider-api-key") == API_KEY for c in wire)
    assert any(PASSWORD.encode() in c.request.content for c in wire)

    assert paywire_logs.records, "expected log records at DEBUG"
    for record in paywire_logs.records:
        assert_clean(record.getMessage(), f"log record {record.name}")
        if record.exc_info:
            assert_clean("".join(traceback.format_exception(*record.exc_info)[-1:]), "log exc")
    assert_clean(paywire_logs.text, "formatted logs")
    for kwargs in hook_calls:  # what hooks get from the core (the request id is the server's own)
        assert_clean(repr({k: str(v) for k, v in kwargs.items() if k != "request_id"}), "hook arguments")
    for err in raised:
        assert_clean(str(err), "str(exception)")
        assert_clean(repr(err), "repr(exception)")
        assert_clean(err.message, "exception.message")
        assert_clean(repr(err.args), "exception.args")
        assert_clean("".join(traceback.format_exception_only(err)), "formatted exception")
    assert_clean(repr(client), "repr(client)")
    assert_clean(repr(client.with_options(max_retries=0)), "repr(with_options copy)")
    assert_clean(repr(client.generated), "repr(client.generated)")


async def test_raw_response_repr_hides_tokens_in_the_parsed_result(make: Any, mock: respx.MockRouter) -> None:
    mock.post("/auth/sign-in").mock(return_value=httpx.Response(
        200, json={"access_token": ACCESS, "refresh_token": REFRESH}, headers={"X-Request-ID": "req_1"},
    ))
    client = make(api_key=API_KEY)
    raw = await call(client.with_raw_response.sign_in, email="a@b.c", password=PASSWORD, signature=SIGNATURE)
    assert raw.parsed["access_token"] == ACCESS  # the value itself is intact
    assert_clean(repr(raw), "repr(RawResponse)")


async def test_client_repr_masks_the_key(make: Any) -> None:
    client = make(api_key=API_KEY)
    text = repr(client)
    assert API_KEY not in text
    assert "sk_l" in text and MASK in text
    assert "https://api.demo.test/v1" in text


@pytest.fixture
def handlers_before(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[logging.Handler]]:
    """The logger's handlers before the test; the next client made reads PAYWIRE_LOG again (it
    is read once per process otherwise), and whatever handlers and level that sets are undone."""
    before = list(logger.handlers)
    level_before = logger.level
    monkeypatch.setattr(core_logs, "_configured", False)
    yield before
    for handler in logger.handlers[:]:
        if handler not in before:
            logger.removeHandler(handler)
    logger.setLevel(level_before)


async def test_paywire_log_debug_env_writes_redacted_lines_to_stderr(
    make: Any, mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    handlers_before: list[logging.Handler],
) -> None:
    monkeypatch.setenv("PAYWIRE_LOG", "debug")
    mock.get("/things/t1").mock(side_effect=[httpx.Response(502, json={"message": f"bad {API_KEY}"}),
                                             httpx.Response(200, json={})])
    mock.post("/auth/sign-in").mock(return_value=httpx.Response(
        400, json={"error": {"code": "INVALID", "message": f"password {PASSWORD} wrong"}}))
    client = make(api_key=API_KEY, auth=TokenProviderAuth(lambda: BEARER))
    assert logger.level == logging.DEBUG
    assert len(logger.handlers) == len(handlers_before) + 1
    await call(client.get_thing, "t1")
    with pytest.raises(APIStatusError):
        await call(client.sign_in, email="a@b.c", password=PASSWORD, signature=SIGNATURE)
    err = capsys.readouterr().err
    assert "request method=GET" in err and "response method=GET" in err and "retrying" in err
    assert_clean(err, "PAYWIRE_LOG=debug stderr")


async def test_paywire_log_info_sets_info_level(make: Any, monkeypatch: pytest.MonkeyPatch,
                                                handlers_before: list[logging.Handler]) -> None:
    monkeypatch.setenv("PAYWIRE_LOG", " INFO ")
    make()
    assert logger.level == logging.INFO
    added = [h for h in logger.handlers if h not in handlers_before]
    assert len(added) == 1 and any(isinstance(f, RedactingFilter) for f in added[0].filters)
    make()  # once per process: a second client adds nothing
    assert len(logger.handlers) == len(handlers_before) + 1


async def test_paywire_log_unset_adds_no_handler(make: Any, handlers_before: list[logging.Handler]) -> None:
    make()
    assert logger.handlers == handlers_before


# --- the redaction primitives ----------------------------------------------------------------------
def test_redact_registered_secrets_and_generic_patterns() -> None:
    register_secret("regd_secret_value_42")
    assert redact("key=regd_secret_value_42!") == f"key={MASK}!"
    assert redact("Authorization: Bearer abcdef.ghijk.lmnop") == f"Authorization: Bearer {MASK}"
    assert redact('{"authorization": "Bearer abcdef.ghijk"}') == f'{{"authorization": "Bearer {MASK}"}}'
    assert redact("bearer unregistered_token_1") == f"bearer {MASK}"
    assert redact('{"password": "unregistered-pw-1"}') == f'{{"password": "{MASK}"}}'
    assert redact("x-api-key: unregistered_key_9") == f"x-api-key: {MASK}"
    assert redact("refresh_token=unregistered_rt_5&a=1").startswith(f"refresh_token={MASK}")
    assert redact("signature=0xdeadbeefcafe") == f"signature={MASK}"
    assert redact("nothing secret here") == "nothing secret here"
    assert redact("") == ""


def test_short_values_are_not_registered_as_secrets() -> None:
    register_secret("abc")  # would mask ordinary words
    register_secret(None)
    register_secret("")
    assert redact("abc abcdef") == "abc abcdef"


def test_longest_secret_is_masked_first() -> None:
    register_secret("overlap_secret")
    register_secret("overlap_secret_longer_one")
    assert redact("overlap_secret_longer_one") == MASK


def test_mask() -> None:
    assert mask("sk_live_12345678") == repr("sk_l…" + MASK)
    assert mask("short") == repr(MASK)
    assert mask(None) == "None"
    assert mask("") == "''"


def test_redacting_filter_cleans_args_and_message() -> None:
    register_secret("filter_secret_123")
    record = logging.LogRecord("paywire", logging.INFO, __file__, 1, "token %s and %d", ("filter_secret_123", 5),
                               None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == f"token {MASK} and 5"
