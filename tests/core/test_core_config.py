"""Config: constructor > environment > default; base URL safety; the idempotency-key helper."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
import respx
from _core_facade import BASE_URL, DEFAULT_TIMEOUT, ENV_KEY, ENV_TIMEOUT, ENV_URL
from _core_helpers import call

from paywire._core import (
    ConfigError,
    PaywireError,
    ValidationError,
    check_base_url,
    idempotency_key,
    require_setting,
    setting,
    timeout_setting,
)

# --- precedence through a client ----------------------------------------------------------------


async def test_constructor_beats_env_beats_default(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_KEY, "env_key_abcdef123")
    monkeypatch.setenv(ENV_URL, "https://env.demo.test")
    monkeypatch.setenv(ENV_TIMEOUT, "7")
    explicit = make(api_key="ctor_key_abcdef123", base_url="https://ctor.demo.test/", timeout=3)
    assert explicit.base_url == "https://ctor.demo.test"
    assert explicit._http.headers["x-provider-api-key"] == "ctor_key_abcdef123"
    assert explicit._timeout.read == 3.0
    from_env = make(api_key=None)
    assert from_env.base_url == "https://env.demo.test"
    assert from_env._http.headers["x-provider-api-key"] == "env_key_abcdef123"
    assert from_env._timeout.read == 7.0
    for name in (ENV_URL, ENV_TIMEOUT):
        monkeypatch.delenv(name)
    default = make(api_key=None)
    assert default.base_url == BASE_URL
    assert default._timeout.read == DEFAULT_TIMEOUT


async def test_env_key_reaches_the_wire(make: Any, mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_KEY, "env_key_on_wire_1")
    route = mock.get("/things/t1").mock(return_value=httpx.Response(200, json={"id": "t1"}))
    client = make(api_key=None)
    await call(client.get_thing, "t1")
    headers = route.calls.last.request.headers
    assert headers["x-provider-api-key"] == "env_key_on_wire_1"
    assert headers["user-agent"].startswith("paywire/")


async def test_missing_key_fails_at_construction_naming_the_variable(make: Any) -> None:
    with pytest.raises(ConfigError, match=ENV_KEY) as info:
        make(api_key=None)
    assert isinstance(info.value, PaywireError) and isinstance(info.value, ValueError)
    assert "api_key" in str(info.value)


async def test_blank_env_key_counts_as_missing(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_KEY, "   ")
    with pytest.raises(ConfigError, match=ENV_KEY):
        make(api_key=None)


async def test_insecure_env_url_is_refused(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "http://api.demo.test")
    with pytest.raises(ConfigError, match="allow_insecure_http"):
        make()
    assert make(allow_insecure_http=True).base_url == "http://api.demo.test"


async def test_bad_env_timeout_names_the_variable(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_TIMEOUT, "soon")
    with pytest.raises(ConfigError, match=ENV_TIMEOUT):
        make()


async def test_every_request_has_finite_timeouts(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(200, json={}))
    client = make(timeout=42)
    await call(client.get_thing, "t1")
    timeout = route.calls.last.request.extensions["timeout"]
    assert timeout == {"connect": 10.0, "read": 42.0, "write": 42.0, "pool": 10.0}
    await call(client.with_options(timeout=2).get_thing, "t1")
    assert route.calls.last.request.extensions["timeout"] == {"connect": 2.0, "read": 2.0, "write": 2.0,
                                                              "pool": 2.0}


# --- the helpers themselves --------------------------------------------------------------------------
def test_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PW_TEST_SETTING", "  from-env  ")
    assert setting("explicit", "PW_TEST_SETTING", "default") == "explicit"
    assert setting("", "PW_TEST_SETTING", "default") == ""  # an explicit value is never overridden
    assert setting(None, "PW_TEST_SETTING", "default") == "from-env"
    assert setting(None, None, "default") == "default"
    monkeypatch.setenv("PW_TEST_SETTING", "")
    assert setting(None, "PW_TEST_SETTING", "default") == "default"
    monkeypatch.delenv("PW_TEST_SETTING")
    assert setting(None, "PW_TEST_SETTING") is None


def test_require_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PW_TEST_KEY", raising=False)
    with pytest.raises(ConfigError, match=r"api_key is required.*PW_TEST_KEY"):
        require_setting(None, "PW_TEST_KEY", what="api_key")
    with pytest.raises(ConfigError, match="PW_TEST_KEY"):
        require_setting("  ", "PW_TEST_KEY", what="api_key")
    monkeypatch.setenv("PW_TEST_KEY", " k_env ")
    assert require_setting(None, "PW_TEST_KEY", what="api_key") == "k_env"
    assert require_setting(" k_ctor ", "PW_TEST_KEY", what="api_key") == "k_ctor"


def test_timeout_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PW_TEST_TIMEOUT", "12.5")
    assert timeout_setting(3, "PW_TEST_TIMEOUT") == 3.0
    assert timeout_setting(None, "PW_TEST_TIMEOUT") == 12.5
    assert timeout_setting(None, None, 9.0) == 9.0
    monkeypatch.setenv("PW_TEST_TIMEOUT", "")
    assert timeout_setting(None, "PW_TEST_TIMEOUT", 4.0) == 4.0
    monkeypatch.setenv("PW_TEST_TIMEOUT", "abc")
    with pytest.raises(ConfigError, match="PW_TEST_TIMEOUT"):
        timeout_setting(None, "PW_TEST_TIMEOUT")
    for bad in (0, -1, float("nan")):
        with pytest.raises(ConfigError):
            timeout_setting(bad, None)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.example.com", "https://api.example.com"),
        ("https://api.example.com/v1/", "https://api.example.com/v1"),
        ("  https://api.example.com  ", "https://api.example.com"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://localhost", "http://localhost"),
        ("http://LOCALHOST:1", "http://LOCALHOST:1"),
        ("http://sandbox.localhost:9", "http://sandbox.localhost:9"),
        ("http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api"),
        ("http://127.45.6.7", "http://127.45.6.7"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ],
)
def test_check_base_url_accepts(url: str, expected: str) -> None:
    assert check_base_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://api.example.com",
        "http://localhost.evil.com",
        "http://127.0.0.1.evil.com",
        "http://10.0.0.8",
        "http://0.0.0.0:8000",
        "http://[2001:db8::1]",
    ],
)
def test_check_base_url_refuses_plain_http_to_non_loopback(url: str) -> None:
    with pytest.raises(ConfigError, match="allow_insecure_http"):
        check_base_url(url)
    assert check_base_url(url, allow_insecure_http=True) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://user:hunter2pass@api.example.com",
        "https://token_abcdef@api.example.com",
        "https://api.example.com/v1?key=1",
        "https://api.example.com/#frag",
        "ftp://api.example.com",
        "api.example.com",
        "https://",
        "",
    ],
)
def test_check_base_url_refuses_malformed_or_credentialed(url: str) -> None:
    with pytest.raises(ConfigError):
        check_base_url(url, allow_insecure_http=True)


@pytest.mark.parametrize("url", ["https://user:hunter2pass@api.example.com",
                                 "ftp://user:hunter2pass@api.example.com",
                                 "user:hunter2pass@api.example.com"])
def test_check_base_url_never_echoes_credentials(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        check_base_url(url)
    assert "hunter2pass" not in str(info.value) and "hunter2pass" not in repr(info.value)


# --- idempotency keys -------------------------------------------------------------------------------------
def test_idempotency_key_callers_key_wins() -> None:
    assert idempotency_key("order-123") == "order-123"
    assert idempotency_key("order-123", required=True) == "order-123"


def test_idempotency_key_default_is_a_fresh_uuid4() -> None:
    keys = {idempotency_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(uuid.UUID(k).version == 4 for k in keys)


def test_idempotency_key_required_mode_never_invents_one() -> None:
    with pytest.raises(ValidationError) as info:
        idempotency_key(None, required=True, name="idempotency_key")
    assert info.value.field == "idempotency_key"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("bad", ["", "   ", "has space", "tab\tkey", "nl\nkey", "ünïcode", "x" * 256, 123, b"bytes"])
def test_idempotency_key_validation(bad: Any) -> None:
    with pytest.raises(ValidationError) as info:
        idempotency_key(bad, name="charge_key")
    assert info.value.field == "charge_key"
    assert "charge_key" in str(info.value)


def test_idempotency_key_length_limit_is_configurable() -> None:
    assert idempotency_key("x" * 255) == "x" * 255
    with pytest.raises(ValidationError):
        idempotency_key("x" * 65, max_length=64)


async def test_required_key_is_checked_before_any_request(make: Any, mock: respx.MockRouter) -> None:
    route = mock.post("/charge/authorize").mock(return_value=httpx.Response(200, json={}))
    client = make()
    with pytest.raises(ValidationError):
        await call(client.authorize_charge, session_token="sess_tok_123456", input_tokens=1)
    assert route.call_count == 0
