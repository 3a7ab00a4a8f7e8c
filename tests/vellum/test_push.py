"""verify_push_signature: byte-compatible with vellumcharter; every failure is
VellumSignatureError (tampered body, wrong secret, stale/future timestamp, malformed header)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
from _support.hmac_spy import record_compare_digest

from paywire.vellum import VellumError, VellumSignatureError, sign_push_payload, verify_push_signature

SECRET = "whsec_unit_test_secret"
EVENT = {"eventId": "evt_1", "type": "payment.succeeded", "tenantId": "sam",
         "data": {"invoice": {"id": "in_1", "amountPaid": 0}}}
BODY = json.dumps(EVENT, separators=(",", ":")).encode()


def header_for(body: bytes, ts: int, secret: str = SECRET) -> str:
    mac = hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={ts},v1={mac}"


def test_valid_bytes_and_str_bodies() -> None:
    now = int(time.time())
    header = header_for(BODY, now)
    assert verify_push_signature(BODY, header, SECRET) == EVENT
    assert verify_push_signature(BODY.decode(), header, SECRET) == EVENT
    assert verify_push_signature(bytearray(BODY), header, SECRET) == EVENT


def test_non_ascii_body() -> None:
    body = json.dumps({"eventId": "evt_2", "name": "Zoë ☃"}, ensure_ascii=False).encode()
    header = header_for(body, int(time.time()))
    assert verify_push_signature(body, header, SECRET)["name"] == "Zoë ☃"
    assert verify_push_signature(body.decode(), header, SECRET)["name"] == "Zoë ☃"


def test_sign_push_payload_round_trip() -> None:
    header = sign_push_payload(BODY, SECRET)
    assert verify_push_signature(BODY, header, SECRET) == EVENT
    assert sign_push_payload(BODY, SECRET, 1_700_000_000) == header_for(BODY, 1_700_000_000)


def test_header_parsing_rules() -> None:
    now = int(time.time())
    mac = header_for(BODY, now).split("v1=")[1]
    # extra keys ignored, spaces tolerated, every v1 checked (a bad one does not hide a good one)
    assert verify_push_signature(BODY, f"t={now}, v0=abc, v1=deadbeef, v1={mac}", SECRET) == EVENT


@pytest.mark.parametrize("mutate", [
    lambda b: b.replace(b"succeeded", b"failed!!!"),
    lambda b: b + b" ",
    lambda b: b[:-1],
])
def test_tampered_body(mutate: object) -> None:
    header = header_for(BODY, int(time.time()))
    with pytest.raises(VellumSignatureError, match="mismatch"):
        verify_push_signature(mutate(BODY), header, SECRET)  # type: ignore[operator]


def test_wrong_secret() -> None:
    header = header_for(BODY, int(time.time()), secret="whsec_someone_else")
    with pytest.raises(VellumSignatureError, match="mismatch"):
        verify_push_signature(BODY, header, SECRET)


@pytest.mark.parametrize("offset", [-301, 301, -86_400, 10**9])
def test_stale_and_future_timestamps(offset: int) -> None:
    ts = int(time.time()) + offset
    with pytest.raises(VellumSignatureError, match="tolerance"):
        verify_push_signature(BODY, header_for(BODY, max(ts, 0)), SECRET)


def test_custom_and_disabled_tolerance() -> None:
    old = int(time.time()) - 3600
    with pytest.raises(VellumSignatureError):
        verify_push_signature(BODY, header_for(BODY, old), SECRET, tolerance_s=60)
    assert verify_push_signature(BODY, header_for(BODY, old), SECRET, tolerance_s=7200) == EVENT
    assert verify_push_signature(BODY, header_for(BODY, old), SECRET, tolerance_s=0) == EVENT


@pytest.mark.parametrize("header", [
    "", "garbage", "t=123", "v1=abc", "t=,v1=abc", "t=abc,v1=abc", "t=-5,v1=abc", "t=1.5,v1=abc",
    "t=١٢٣,v1=abc", "x" * 5000,
])
def test_malformed_headers(header: str) -> None:
    with pytest.raises(VellumSignatureError):
        verify_push_signature(BODY, header, SECRET)


def test_signed_but_not_a_json_object() -> None:
    for body in (b"not json", b"[1, 2]"):
        with pytest.raises(VellumSignatureError, match="JSON"):
            verify_push_signature(body, header_for(body, int(time.time())), SECRET)


def test_bad_arguments_and_hierarchy() -> None:
    header = header_for(BODY, int(time.time()))
    with pytest.raises(VellumSignatureError):
        verify_push_signature(BODY, header, "")
    with pytest.raises(VellumSignatureError):
        verify_push_signature({"a": 1}, header, SECRET)  # type: ignore[arg-type]
    with pytest.raises(VellumError):  # the seed's base class catches it
        verify_push_signature(BODY, header.replace("t=", "t=1"), SECRET)


def test_error_text_never_contains_the_secret() -> None:
    with pytest.raises(VellumSignatureError) as err:
        verify_push_signature(BODY, header_for(BODY, int(time.time()), "x" * 10), SECRET)
    assert SECRET not in str(err.value)


def test_uses_constant_time_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = record_compare_digest(monkeypatch)
    verify_push_signature(BODY, header_for(BODY, int(time.time())), SECRET)
    assert len(calls) == 1
