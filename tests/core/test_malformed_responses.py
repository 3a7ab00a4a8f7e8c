"""Issue #13 item 6: a malformed success answer is one typed error, never a wrong value.

The matrix: every public method of every facade client (SPAPS on both contracts, Lumen, Vellum
v1 and v2, CONXA; sync and async), found by introspection, x a corpus of malformed success
bodies built per operation from its spec (HTML, empty, truncated, ``null``, ``[]``, wrong-typed
and missing fields, 100k-deep nesting, huge numbers, NaN/Infinity, wrong content type) plus the
valid control. See ``_malformed.py`` for how the spec classifies each answer.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

import _malformed as m

import paywire
from paywire._core.decode import check_model, decode_json, parse_success

METHODS = [(target, dotted, api) for target in m.TARGETS
           for dotted, api in m.public_methods(target.flavours[0])]


_CORPORA: dict[tuple[str, str], list[m.Case]] = {}
#: served to every method in both flavours; the rest of the corpus rotates over the methods
#: (every kind is still served to many methods here, and all of it to all of them in the soak)
CORE = ("html", "empty", "null", "empty-array", "truncated", "nested-100k-arrays", "valid", "valid-as-html")
ROTATING = 4
#: the async flavour runs the same flows on another driver: a smaller share of the corpus
CORE_ASYNC = ("html", "empty", "null", "valid")


def _cases(spec: str, success: m.Success, seed: str, flavour: int = 0) -> list[m.Case]:
    key = (spec, success.operation)
    if key not in _CORPORA:
        _CORPORA[key] = m.corpus(spec, success, random.Random(success.operation))
    everything = _CORPORA[key]
    core = CORE if flavour == 0 else CORE_ASYNC
    others = [c for c in everything if c.label not in core]
    picked = random.Random(seed).sample(others, min(ROTATING if flavour == 0 else 2, len(others)))
    return [c for c in everything if c.label in core] + picked


@pytest.mark.parametrize("flavour", [0, 1], ids=["sync", "async"])
@pytest.mark.parametrize(("target", "dotted", "api"), METHODS,
                         ids=[f"{t.name}:{d}" for t, d, _ in METHODS])
def test_every_method_turns_every_malformed_answer_into_the_response_error(
        target: m.Target, dotted: str, api: bool, flavour: int) -> None:
    try:
        results = m.run(target, flavour, dotted,
                        lambda success: _cases(target.spec, success, f"{target.name}:{dotted}:{flavour}", flavour))
    except KeyError:
        assert not api, f"{dotted}: an API method whose arguments the matrix cannot build"
        return  # a local helper (QR codes, token store access): no answer to parse
    if not results:
        # No request: a local method, or one the pinned contract does not have (raised first).
        if api:
            assert _unsupported(target, flavour, dotted), f"{target.name} {dotted} sent nothing"
        return
    found = [p for case, outcome in results for p in m.problems(target, dotted, case, outcome)]
    assert not found, "\n".join(found[:20])
    assert any(case.acceptable is False for case, _ in results) or results[0][1].sent[0].json_schema is None


def _unsupported(target: m.Target, flavour: int, dotted: str) -> bool:
    import asyncio
    import inspect

    client = target.build(flavour, httpx.MockTransport(lambda r: httpx.Response(500)))
    try:
        value = m.resolve(client, dotted)(**m.arguments(m.unbound(target.flavours[flavour], dotted), full=True))
        if inspect.isawaitable(value):
            asyncio.run(value)  # type: ignore[arg-type]
        elif hasattr(value, "__aiter__") or hasattr(value, "_fetch"):
            async def drain() -> None:
                async for _ in value:
                    pass
            asyncio.run(drain()) if hasattr(value, "__aiter__") else list(value)
    except paywire.UnsupportedOperationError:
        return True
    except Exception:
        return False
    return False


def test_the_matrix_covers_every_service_and_both_flavours() -> None:
    names = {t.name for t in m.TARGETS}
    assert names == {"spaps-2025-11", "spaps-2026-10", "lumen-v1", "vellum-v1", "vellum-v2", "conxa-v1"}
    api_methods = [d for _, d, api in METHODS if api]
    assert len(api_methods) > 150  # every operation descriptor of every client class
    assert {"auth.sign_in_with_password", "charge", "get_wallet_balance", "get_subscription_status",
            "get_entitlements", "invoice_pdf"} <= {d for _, d, _ in METHODS}


# --- the examples the issue names --------------------------------------------------------------------------
def _conxa(body: bytes, **headers: str) -> Any:
    from paywire.conxa import CONXAClient

    transport = httpx.MockTransport(lambda r: httpx.Response(
        200, content=body, headers={"content-type": "application/json", "x-request-id": "req_9", **headers}))
    return CONXAClient(api_key=m.SECRET, provider_id="p", base_url="https://conxa.test", transport=transport,
                       max_retries=0)


@pytest.mark.parametrize("body", [b'{"approved":"yes","new_balance":"lots"}', b"null", b"", b"<html>",
                                  b'{"approved": true, "new_balance": 1', b"[" * 100_000])
def test_a_malformed_charge_is_never_a_decline_with_balance_zero(body: bytes) -> None:
    from paywire.conxa import CONXAError
    from paywire.conxa.errors import ConxaResponseValidationError

    with _conxa(body) as client, pytest.raises(ConxaResponseValidationError) as info:
        client.charge(session_token="sess_tok_1234567890", idempotency_key="k1", model_name="gpt-4",
                      input_tokens=1, output_tokens=1)
    error = info.value
    assert isinstance(error, CONXAError) and isinstance(error, paywire.ResponseValidationError)
    assert (error.status_code, error.request_id) == (200, "req_9")
    assert error.body_excerpt == body.decode()[:200] + ("…" if len(body) > 200 else "")


def test_wallet_balance_many_is_an_error_not_zero() -> None:
    from paywire.conxa.errors import ConxaResponseValidationError

    with _conxa(b'{"wallet_id": "w", "tokens": "many"}') as client, \
            pytest.raises(ConxaResponseValidationError, match="tokens: expected integer, got str"):
        client.get_wallet_balance("4242424242424242")


def test_spaps_sign_in_on_an_empty_200_fails_and_stores_nothing() -> None:
    from paywire.spaps import SpapsClient, SpapsError, SpapsResponseValidationError

    for version in ("2025-11", "2026-10"):
        for body in (b"", b"{}", b'{"success": true, "data": {"tokens": {"access_token": 5}}}'):
            transport = httpx.MockTransport(lambda r, body=body: httpx.Response(
                200, content=body, headers={"content-type": "application/json"}))
            with SpapsClient(base_url="https://spaps.test", api_key=m.SECRET, api_version=version,
                             transport=transport) as client:
                with pytest.raises(SpapsResponseValidationError) as info:
                    client.auth.sign_in_with_password("ada@example.com", "Sup3rSecret-pw!")
                assert isinstance(info.value, SpapsError)
                assert client.get_tokens() is None


def test_lumen_false_as_a_string_is_not_truthy() -> None:
    from paywire.lumen import LumenClient, LumenResponseError

    transport = httpx.MockTransport(lambda r: httpx.Response(200, json={"hasActiveSubscription": "false"}))
    with LumenClient(api_key=m.SECRET, base_url="https://lumen.test", transport=transport) as client, \
            pytest.raises(LumenResponseError, match="hasActiveSubscription: expected bool"):
        client.get_subscription_status("u1")


def test_a_secret_in_the_body_never_reaches_str_or_repr() -> None:
    from paywire.conxa.errors import ConxaResponseValidationError

    body = ('{"approved": true, "note": "' + m.SECRET + '", "new_balance": "x' + "y" * 300 + '"}').encode()
    with _conxa(body) as client, pytest.raises(ConxaResponseValidationError) as info:
        client.get_wallet_balance("4242424242424242")
    error = info.value
    for text in (str(error), repr(error), error.body_excerpt, error.message, error.reason):
        assert m.SECRET not in text
    assert len(error.body_excerpt) <= 201 and error.body_excerpt.endswith("…")


# --- the core pieces --------------------------------------------------------------------------------------------
def test_decode_json_is_strict_and_cached() -> None:
    response = httpx.Response(200, content=b'{"a": [1, 2.5, "x"]}', headers={"content-type": "application/json"})
    assert decode_json(response) == {"a": [1, 2.5, "x"]}
    assert decode_json(response) is decode_json(response)  # decoded once, shared with the facade
    utf16 = httpx.Response(200, content='{"a": 1}'.encode("utf-16"), headers={"content-type": "application/json"})
    assert decode_json(utf16) == {"a": 1}
    for content, media in ((b"NaN", "application/json"), (b'{"a": -Infinity}', None), (b"{}", "text/html"),
                           (b"[" * 100_000, "application/json"), (b"1" * 5000, None), (b"", None)):
        headers = {"content-type": media} if media else {}
        with pytest.raises(paywire.ResponseValidationError):
            decode_json(httpx.Response(200, content=content, headers=headers))


def test_check_model_names_the_field_and_the_types() -> None:
    from paywire_gen_lumen_v1.models import SubscriptionStatus

    good = SubscriptionStatus.from_dict({"hasActiveSubscription": True, "customer": {"id": "cus_1"}})
    assert check_model(good) is None
    bad = SubscriptionStatus.from_dict({"hasActiveSubscription": True, "customer": {"id": 7}})
    assert check_model(bad) == "customer.id: expected string, got int"
    worse = SubscriptionStatus.from_dict({"hasActiveSubscription": True, "customer": "cus_1"})
    assert check_model(worse) == "customer: expected null | StatusCustomer, got str"


def test_parse_success_leaves_non_json_answers_to_the_spec() -> None:
    from paywire_gen_vellum_v1.api.billing import get_invoice_pdf as v1_pdf
    from paywire_gen_vellum_v2.api.billing import get_invoice_pdf as v2_pdf

    redirect = httpx.Response(302, headers={"location": "https://files.test/a.pdf"}, content=b"<html>")
    assert parse_success(v1_pdf, redirect) is None
    pdf = httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})
    assert parse_success(v2_pdf, pdf) == b"%PDF-1.7"
