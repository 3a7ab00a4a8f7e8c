"""Errors: every status maps to its class with code, message and request id; every error body
shape of the four APIs is read; malformed bodies never raise a second exception."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from _core_facade import DEMO_ERRORS, DemoApiError, DemoAuthError, DemoError
from _core_helpers import call

from paywire._core import (
    APIError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorMap,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PaywireError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    make_status_error,
    parse_error_body,
)

STATUS_CLASSES: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (402, PaymentRequiredError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
    (504, InternalServerError),
    (520, InternalServerError),  # not an IANA status (Cloudflare): must not crash
    (599, InternalServerError),
    (418, APIStatusError),
    (405, APIStatusError),
]


def spaps_body(code: str, message: str, request_id: str | None = "req_meta") -> dict[str, Any]:
    body: dict[str, Any] = {"success": False, "error": {"code": code, "message": message}}
    if request_id:
        body["metadata"] = {"request_id": request_id}
    return body


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES, ids=[str(s) for s, _ in STATUS_CLASSES])
async def test_every_status_maps_to_its_error_class(
    make: Any, mock: respx.MockRouter, status: int, cls: type[APIStatusError]
) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(
        status, json=spaps_body("SOME_CODE", f"went wrong {status}"), headers={"X-Request-ID": "req_hdr"},
    ))
    client = make(max_retries=0)
    with pytest.raises(cls) as info:
        await call(client.get_thing, "t1")
    err = info.value
    assert isinstance(err, APIStatusError) and isinstance(err, APIError) and isinstance(err, PaywireError)
    # the service's own names catch it too (ErrorMap mixing)
    assert isinstance(err, DemoApiError) and isinstance(err, DemoError)
    assert err.status_code == status and err.status == status  # type: ignore[attr-defined]
    assert err.code == "SOME_CODE"
    assert err.message == f"went wrong {status}"
    assert err.request_id == "req_hdr"  # the header wins over the body
    assert err.response.status_code == status
    assert err.request is not None and err.request.url.path == "/v1/things/t1"
    assert str(status) in str(err) and "SOME_CODE" in str(err) and "req_hdr" in str(err)
    if cls is APIStatusError:  # no more specific generic class fits
        assert not isinstance(err, (BadRequestError, NotFoundError, InternalServerError))


async def test_401_uses_the_service_override(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(401, json={"error": "bad key"}))
    client = make()
    with pytest.raises(DemoAuthError) as info:
        await call(client.get_thing, "t1")
    assert type(info.value) is DemoAuthError
    assert isinstance(info.value, AuthenticationError)


async def test_error_classes_are_mixed_once_and_cached(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/a").mock(return_value=httpx.Response(404, json={"error": "no a"}))
    mock.get("/things/b").mock(return_value=httpx.Response(404, json={"error": "no b"}))
    client = make()
    errors = []
    for thing in ("a", "b"):
        with pytest.raises(NotFoundError) as info:
            await call(client.get_thing, thing)
        errors.append(info.value)
    assert type(errors[0]) is type(errors[1])
    assert type(errors[0]).__name__ == "DemoNotFoundError"
    assert type(errors[0]).__module__ == DemoApiError.__module__
    assert DEMO_ERRORS.classify(404) is type(errors[0])


def test_error_map_returns_a_service_base_that_already_is_the_generic_class() -> None:
    class SvcServerError(InternalServerError):
        pass

    emap = ErrorMap(SvcServerError)
    assert emap.classify(500) is SvcServerError  # no needless mixing
    assert emap.classify(503) is SvcServerError
    mixed = emap.classify(404)
    assert issubclass(mixed, SvcServerError) and issubclass(mixed, NotFoundError)
    assert emap.classify(404) is mixed
    assert ErrorMap(APIStatusError).classify(418) is APIStatusError
    assert ErrorMap().classify(429) is RateLimitError


def test_error_map_override_wins_over_mixing() -> None:
    class Special(DemoApiError, ConflictError):
        pass

    emap = ErrorMap(DemoApiError, {409: Special})
    assert emap.classify(409) is Special


# --- request id sources --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "body", "expected"),
    [
        ({"X-Request-ID": "hdr"}, {"metadata": {"request_id": "meta"}, "request_id": "top"}, "hdr"),
        ({}, {"error": {"code": "X", "message": "m"}, "metadata": {"request_id": "meta"}, "request_id": "top"},
         "meta"),
        ({}, {"error": "m", "request_id": "top"}, "top"),
        ({}, {"error": "m", "metadata": {"other": 1}, "request_id": "top"}, "top"),
        ({}, {"error": "m", "metadata": "not-a-dict"}, None),
        ({}, {"error": "m"}, None),
        ({"x-request-id": "lower"}, "plain text", "lower"),
    ],
    ids=["header", "metadata", "top-level", "metadata-without-id", "metadata-not-dict", "none", "text-body"],
)
async def test_request_id_from_header_then_metadata_then_top_level(
    make: Any, mock: respx.MockRouter, headers: dict[str, str], body: Any, expected: str | None
) -> None:
    kwargs: dict[str, Any] = {"json": body} if not isinstance(body, str) else {"text": body}
    mock.get("/things/t1").mock(return_value=httpx.Response(400, headers=headers, **kwargs))
    client = make()
    with pytest.raises(BadRequestError) as info:
        await call(client.get_thing, "t1")
    assert info.value.request_id == expected


# --- the four APIs' error body shapes ---------------------------------------------------------------
BODY_SHAPES: list[tuple[str, Any, str | None, str]] = [
    ("spaps", spaps_body("INVALID_CREDENTIALS", "Invalid email or password"), "INVALID_CREDENTIALS",
     "Invalid email or password"),
    ("spaps-no-success", {"error": {"code": "INTERNAL_ERROR", "message": "boom"}}, "INTERNAL_ERROR", "boom"),
    ("spaps-oauth", {"error": "invalid_grant", "error_description": "Refresh token expired"}, "invalid_grant",
     "Refresh token expired"),
    ("lumen", {"error": "Customer not found"}, None, "Customer not found"),
    ("lumen-details", {"error": "Invalid request", "details": "featureSlugs must not be empty"}, None,
     "Invalid request"),
    ("vellum-sandbox", {"error": "customer has no record", "code": "NOT_FOUND"}, "NOT_FOUND",
     "customer has no record"),
    ("bare-code", {"error": "NOT_FOUND"}, "NOT_FOUND", "NOT_FOUND"),
    ("conxa", {"status": "error", "message": "Insufficient balance", "code": "INSUFFICIENT_BALANCE",
               "errors": [{"field": "x"}], "new_balance": 3}, "INSUFFICIENT_BALANCE", "Insufficient balance"),
    ("conxa-error-code", {"status": "error", "message": "nope", "error_code": "NO_CHARGE_PERMISSION"},
     "NO_CHARGE_PERMISSION", "nope"),
    ("fastapi-str", {"detail": "Session not found"}, None, "Session not found"),
    ("fastapi-list", {"detail": [{"loc": ["body", "x"], "msg": "field required", "type": "missing"}]}, None,
     "field required"),
    ("numeric-code", {"error": {"code": 4021, "message": "m"}}, "4021", "m"),
]


@pytest.mark.parametrize(("shape", "body", "code", "message"), BODY_SHAPES, ids=[s[0] for s in BODY_SHAPES])
async def test_every_api_error_shape_is_read(
    make: Any, mock: respx.MockRouter, shape: str, body: Any, code: str | None, message: str
) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(402, json=body))
    client = make()
    with pytest.raises(PaymentRequiredError) as info:
        await call(client.get_thing, "t1")
    assert info.value.code == code
    assert info.value.message == message
    assert info.value.body == body  # parsed JSON is kept


# --- malformed bodies ----------------------------------------------------------------------------------
MALFORMED: list[tuple[str, dict[str, Any]]] = [
    ("empty", {"content": b""}),
    ("html", {"content": b"<html><body><h1>502 Bad Gateway</h1></body></html>",
              "headers": {"Content-Type": "text/html"}}),
    ("truncated-json", {"content": b'{"error": {"code": "X", "mess', "headers": {"Content-Type": "application/json"}}),
    ("json-list", {"json": [1, 2, 3]}),
    ("json-string", {"json": "just a string"}),
    ("json-null", {"json": None}),
    ("json-number", {"content": b"42", "headers": {"Content-Type": "application/json"}}),
    ("error-null", {"json": {"error": None, "message": None, "detail": None}}),
    ("error-number", {"json": {"error": 500}}),
    ("detail-empty-list", {"json": {"detail": []}}),
    ("detail-list-of-junk", {"json": {"detail": [None, 3]}}),
    ("detail-dict", {"json": {"detail": {"nested": True}}}),
    ("deeply-nested-json", {"content": b"[" * 100_000 + b"]" * 100_000,
                            "headers": {"Content-Type": "application/json"}}),
    ("invalid-utf8", {"content": b'{"error": "\xff\xfe\xfd"}', "headers": {"Content-Type": "application/json"}}),
    ("unknown-charset", {"content": b"\xff\xfe oops", "headers": {"Content-Type": "text/plain; charset=x-bogus-9"}}),
    ("binary", {"content": bytes(range(256)), "headers": {"Content-Type": "application/octet-stream"}}),
]


@pytest.mark.parametrize("status", [400, 429, 500, 520])
@pytest.mark.parametrize(("shape", "kwargs"), MALFORMED, ids=[m[0] for m in MALFORMED])
async def test_malformed_bodies_never_raise_a_second_exception(
    make: Any, mock: respx.MockRouter, status: int, shape: str, kwargs: dict[str, Any]
) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(status, **kwargs))
    client = make(max_retries=0)
    with pytest.raises(APIStatusError) as info:
        await call(client.get_thing, "t1")
    err = info.value
    assert err.status_code == status
    assert isinstance(err.message, str) and err.message
    assert str(err) and repr(err)  # rendering never raises either
    if shape == "empty":
        assert err.message.startswith(f"HTTP {status}")


async def test_undecodable_body_keeps_status_and_request_id(make: Any, mock: respx.MockRouter) -> None:
    mock.get("/things/t1").mock(return_value=httpx.Response(
        503, content=b"\x80\x81\x82", headers={"Content-Type": "text/plain; charset=x-bogus-9",
                                               "X-Request-ID": "req_9"},
    ))
    client = make(max_retries=0)
    with pytest.raises(InternalServerError) as info:
        await call(client.get_thing, "t1")
    assert info.value.request_id == "req_9"


def test_make_status_error_works_on_a_response_without_request() -> None:
    err = make_status_error(httpx.Response(404, json={"error": "gone"}))
    assert isinstance(err, NotFoundError)
    assert err.request is None and err.message == "gone"


def test_parse_error_body_returns_text_for_non_json() -> None:
    body, code, message, request_id = parse_error_body(httpx.Response(502, text="Bad Gateway"))
    assert (body, code, message, request_id) == ("Bad Gateway", None, None, None)


# --- ok statuses are answers, not errors -------------------------------------------------------------
async def test_ok_statuses_are_returned_not_raised(make: Any, mock: respx.MockRouter) -> None:
    route = mock.get("/things/t1").mock(return_value=httpx.Response(404, json={"error": "none"}))
    client = make()
    assert await call(client.find_thing, "t1") is None
    assert route.call_count == 1


def test_lumen_details_only_body_gives_the_message() -> None:
    from paywire._core.errors import parse_error_body

    response = httpx.Response(400, json={"details": "Provide customerId or extCustomerId"})
    _, code, message, _ = parse_error_body(response)
    assert message == "Provide customerId or extCustomerId" and code is None
