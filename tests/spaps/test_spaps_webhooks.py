"""Crypto webhook signatures: ``t=<ts>,v1=<hex HMAC-SHA256 of "t.body">``, 300 s either way."""

from __future__ import annotations

from paywire.spaps import compute_crypto_webhook_signature, verify_crypto_webhook_signature

SECRET = "whsec_test_123456"
BODY = b'{"invoice_id":"inv_1","status":"paid"}'


def test_round_trip_and_tampering() -> None:
    signature = compute_crypto_webhook_signature(BODY, SECRET, timestamp=1_700_000_000)
    assert signature.startswith("t=1700000000,v1=") and len(signature.split("v1=")[1]) == 64
    assert verify_crypto_webhook_signature(BODY, signature, SECRET, now=1_700_000_100)
    assert verify_crypto_webhook_signature(BODY.decode(), signature, SECRET, now=1_700_000_000)
    assert not verify_crypto_webhook_signature(BODY + b" ", signature, SECRET, now=1_700_000_000)
    assert not verify_crypto_webhook_signature(BODY, signature, "other_secret", now=1_700_000_000)


def test_tolerance_both_ways_and_rotation() -> None:
    signature = compute_crypto_webhook_signature(BODY, SECRET, timestamp=1_700_000_000)
    assert not verify_crypto_webhook_signature(BODY, signature, SECRET, now=1_700_000_301)
    assert not verify_crypto_webhook_signature(BODY, signature, SECRET, now=1_699_999_699)
    assert verify_crypto_webhook_signature(BODY, signature, SECRET, now=1_700_000_500, tolerance=600)
    old = compute_crypto_webhook_signature(BODY, "old_secret_1234", timestamp=1_700_000_000).split(",")[1]
    assert verify_crypto_webhook_signature(BODY, f"{signature},{old}", SECRET, now=1_700_000_000)


def test_malformed_headers() -> None:
    for bad in (None, "", "v1=abc", "t=abc,v1=abc", "t=1700000000", "garbage"):
        assert not verify_crypto_webhook_signature(BODY, bad, SECRET, now=1_700_000_000)
    assert not verify_crypto_webhook_signature(BODY, "t=1,v1=x", "", now=1)
