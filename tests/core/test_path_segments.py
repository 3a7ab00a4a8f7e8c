"""Issue #13.2: every path parameter is exactly one URL segment, or a typed error before any I/O.

The old generated code did ``quote(str(x), safe="")``: ``/`` was encoded, but ``..`` went out as
is, httpx removed the dot segment and ``set_customer_status(customer_id="..")`` suspended the
account. Here every operation with a path parameter in every pinned spec (read from the YAML,
not from a hand list) is sent with each hostile value in each of its path parameters:

* valid-but-odd values (``a/b``, ``?``, ``#``, ``%2e%2e``, unicode, 1,024 characters ...) must
  arrive as exactly one segment that decodes back to the value (captured by a MockTransport
  under httpx's own URL handling);
* invalid ones (``.``, ``..``, empty, blank, 1,025+ characters, control characters ...) must
  raise ``PathParameterError`` (a core ``ValidationError``) with no request sent, sync and async.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import httpx
import pytest
from _path_cases import (
    INVALID_VALUES,
    ODD_VALUES,
    SPEC_OPERATIONS,
    SpecOperation,
    expected_segments,
    index_entry,
    round_trips,
    segment_of,
    sent_segments,
)

from paywire import PathParameterError, ValidationError
from paywire._core.paths import MAX_SEGMENT_CHARS, path_segment

PREFIX = "/base/v9"
BASE_URL = f"http://api.test{PREFIX}"


class _EmptyBody:
    """A request body for operations that require one: the URL is what is under test."""

    def to_dict(self) -> dict[str, Any]:
        return {}


class Recorder:
    """A sync+async transport that records every request and answers 418 (in no spec, so the
    generated parser returns None instead of parsing a body)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(418)


def _client(package: str, recorder: Recorder) -> Any:
    gen = importlib.import_module(package)
    return gen.Client(base_url=BASE_URL, httpx_args={"transport": recorder.transport})


def _call_args(op: SpecOperation, target: str, value: object) -> tuple[Any, list[object], dict[str, Any]]:
    """(module, positional path args, keyword args) with ``value`` in the ``target`` parameter
    (a spec/wire name) and a plain id in the others."""
    entry = index_entry(op)
    module = importlib.import_module(entry.module)
    args = [value if wire == target else f"ok_{i}" for i, wire in enumerate(entry.path_param_names)]
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(module.build_request).parameters.items():
        if name == "body" and param.default is inspect.Parameter.empty:
            kwargs["body"] = _EmptyBody()
    return module, args, kwargs


CASES = [(op, target) for op in SPEC_OPERATIONS for target in op.path_params]


def test_the_specs_have_the_operations_the_issue_counts() -> None:
    # 79 operations (58 facade methods in the issue) over six pinned clients; if a spec gains
    # one, this still enumerates it; the floor only guards against the reader finding none.
    assert len(SPEC_OPERATIONS) >= 70
    assert {op.client for op in SPEC_OPERATIONS} == {
        "conxa/v1", "lumen/v1", "spaps/2025-11", "spaps/2026-10", "vellum/v1", "vellum/v2",
    }


@pytest.mark.parametrize("op", SPEC_OPERATIONS, ids=lambda op: op.id)
def test_operation_index_matches_the_spec(op: SpecOperation) -> None:
    entry = index_entry(op)
    assert entry.method == op.method
    assert entry.path_param_names == op.path_params
    assert len(entry.path_params) == len(op.path_params)
    module = importlib.import_module(entry.module)
    assert hasattr(module, "build_request") and hasattr(module, "_get_kwargs")


CASE_IDS = [f"{op.id}:{target}" for op, target in CASES]


@pytest.mark.parametrize(("op", "target"), CASES, ids=CASE_IDS)
def test_odd_values_travel_as_exactly_one_segment(op: SpecOperation, target: str) -> None:
    recorder = Recorder()
    client = _client(op.package, recorder)
    position = op.path.split("/").index("{" + target + "}")
    for label, value in ODD_VALUES.items():
        module, args, kwargs = _call_args(op, target, value)
        recorder.requests.clear()
        response = module.sync_detailed(*args, client=client, **kwargs)
        assert response.status_code == 418, label
        assert len(recorder.requests) == 1, label
        request = recorder.requests[0]
        assert request.method == op.method.upper(), label
        values = {wire: segment_of(v) for wire, v in zip(op.path_params, args, strict=True)}
        got = sent_segments(request.url.raw_path, PREFIX)
        assert got == expected_segments(op.path, values), label
        assert round_trips(got[position], value), label
        # The public builder says what the wire saw.
        built = module.build_request(*args, **kwargs)
        assert built["method"] == op.method, label
        assert built["url"].split("/")[position] == got[position], label


@pytest.mark.parametrize(("op", "target"), CASES, ids=CASE_IDS)
async def test_invalid_values_raise_before_any_request(op: SpecOperation, target: str) -> None:
    recorder = Recorder()
    client = _client(op.package, recorder)
    python_name = index_entry(op).path_params[op.path_params.index(target)]
    for label, value in INVALID_VALUES.items():
        module, args, kwargs = _call_args(op, target, value)
        with pytest.raises(PathParameterError) as sync_error:
            module.sync_detailed(*args, client=client, **kwargs)
        with pytest.raises(PathParameterError) as async_error:
            await module.asyncio_detailed(*args, client=client, **kwargs)
        with pytest.raises(PathParameterError):
            module.build_request(*args, **kwargs)
        assert recorder.requests == [], label
        for error in (sync_error.value, async_error.value):
            assert isinstance(error, ValidationError) and isinstance(error, ValueError), label
            assert error.field == python_name, label
            assert len(str(error)) < 200, label  # never echoes a 100,000-character value


# --- the core function itself -------------------------------------------------------------------
@pytest.mark.parametrize("label", list(ODD_VALUES))
def test_path_segment_encodes_everything_outside_unreserved(label: str) -> None:
    value = ODD_VALUES[label]
    segment = path_segment(value, "id")
    assert round_trips(segment, value)
    assert set(segment) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%")
    assert segment not in (".", "..")


@pytest.mark.parametrize("label", list(INVALID_VALUES))
def test_path_segment_rejects_with_the_field_named(label: str) -> None:
    with pytest.raises(PathParameterError) as err:
        path_segment(INVALID_VALUES[label], "customer_id")
    assert err.value.field == "customer_id"
    assert str(err.value).startswith("customer_id ")


def test_limit_is_on_characters_and_far_below_httpx_limits() -> None:
    widest = "💳" * MAX_SEGMENT_CHARS  # 4 UTF-8 bytes each, 12 characters encoded
    segment = path_segment(widest, "id")
    request = httpx.Request("GET", f"http://api.test/a/{segment}/{segment}")
    assert request.url.raw_path.count(b"/") == 3


def test_the_original_report_dotdot_no_longer_reaches_the_account() -> None:
    from paywire_gen_vellum_v1.api.provisioning import set_customer_status
    from paywire_gen_vellum_v1.models.status_request import StatusRequest

    body = StatusRequest.from_dict({"status": "suspended"})
    with pytest.raises(PathParameterError, match="customer_id"):
        set_customer_status.build_request("t", "acct_1", "..", body=body)
    ok = set_customer_status.build_request("t", "acct_1", "..x", body=body)
    assert ok["url"] == "/tenants/t/accounts/acct_1/customers/..x"


# --- the service's own class: ErrorMap.local_error ---------------------------------------------
def _service_maps() -> list[tuple[Any, type[Exception]]]:
    from paywire.conxa import ValidationError as ConxaValidationError
    from paywire.conxa.errors import CONXA_ERRORS
    from paywire.lumen import LumenValidationError
    from paywire.lumen.errors import LUMEN_ERRORS
    from paywire.vellum import VellumValidationError
    from paywire.vellum.errors import VELLUM_ERRORS

    return [(VELLUM_ERRORS, VellumValidationError), (LUMEN_ERRORS, LumenValidationError),
            (CONXA_ERRORS, ConxaValidationError)]


@pytest.mark.parametrize("index", range(3), ids=["vellum", "lumen", "conxa"])
def test_a_core_path_error_becomes_the_service_validation_class(index: int) -> None:
    errors, service = _service_maps()[index]
    with pytest.raises(PathParameterError) as raised:
        path_segment("..", "customer_id")
    local = errors.local_error(raised.value)
    assert isinstance(local, service) and isinstance(local, PathParameterError)
    assert local.field == "customer_id" and str(local) == str(raised.value)
    assert type(errors.local_error(raised.value)) is type(local)  # the mixed class is made once
    assert errors.local_error(local) is local
    assert getattr(local, "status_code", None) is None  # local: no HTTP status (CONXA defaults to 422)


def test_spaps_keeps_the_core_class_its_users_catch() -> None:
    import paywire.spaps
    from paywire.spaps.errors import SPAPS_ERRORS

    with pytest.raises(PathParameterError) as raised:
        path_segment("", "session_id")
    assert SPAPS_ERRORS.local_error(raised.value) is raised.value
    assert isinstance(raised.value, paywire.spaps.ValidationError)


# --- hand-built paths in the facades use the same function ---------------------------------------
PROXY_KEY = "pathseg_proxy_api_key"  # long and unique: clients register keys as secrets process-wide


# Only text: the proxy turns any other user object into str() first (as the original SDK did).
@pytest.mark.parametrize("label", [k for k, v in INVALID_VALUES.items() if isinstance(v, str)])
def test_lumen_proxy_refuses_an_injected_user_id_that_is_not_one_segment(label: str) -> None:
    from paywire.lumen._proxy import INVALID_PATH, UNAUTHORIZED, LumenProxy, ProxyRequest

    value = INVALID_VALUES[label]
    plan = LumenProxy(api_key=PROXY_KEY).plan(ProxyRequest("GET", "entitlements/{customerId}"), value, PROXY_KEY)
    # Blank/None user ids are "not signed in" (401) before any path is built; the rest are 400.
    assert plan in (INVALID_PATH, UNAUTHORIZED), (label, plan)


@pytest.mark.parametrize("label", [k for k, v in ODD_VALUES.items() if isinstance(v, str)])
def test_lumen_proxy_forwards_an_odd_user_id_as_one_segment(label: str) -> None:
    from paywire.lumen._proxy import LumenProxy, ProxyRequest, Upstream

    value = ODD_VALUES[label]
    plan = LumenProxy(api_key=PROXY_KEY).plan(ProxyRequest("GET", "entitlements/{customerId}"), value, PROXY_KEY)
    if isinstance(value, str) and value != value.strip():
        return  # the proxy's own rule: a user id is used as given only when not blank
    assert isinstance(plan, Upstream), label
    assert plan.path == f"entitlements/{segment_of(value)}"


def test_spaps_refresh_url_keeps_an_encoded_base_prefix() -> None:
    """The refresh request is built from the *encoded* path: a %2F in a base-URL prefix stays
    one segment (url.path would have decoded it into a separator)."""
    from paywire.spaps._refresh import _refresh_request
    from paywire.spaps.tokens import REFRESH_PATH

    original = httpx.Request("GET", "https://api.test/te%2Fnant/api/payments/history?limit=5")
    refresh = _refresh_request(original, "pathseg_refresh_token_value")
    assert refresh.url.raw_path == f"/te%2Fnant{REFRESH_PATH}".encode()
