"""Issue #14 (b): every generated endpoint module parses its success answers itself — a public,
typed ``parse_response`` (custom template ``openapi/templates/endpoint_module.py.jinja``) that
decodes strictly through ``paywire._core.decode`` and raises the caller's own error class.

Enumerated over every operation of every pinned client, straight from the specs; valid bodies
through the facades are the malformed-answer matrix's job (``tests/core/test_malformed_responses.py``).
"""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

import paywire

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402

METHODS = ("get", "put", "post", "delete", "patch")


class _Refused(paywire.ResponseValidationError):
    """Stands for a service's own ResponseValidationError subclass."""


def _operations() -> list[tuple[str, str, dict[str, Any], Any]]:
    """(client key, operationId, spec responses, generated module) for every operation."""
    out = []
    for client in generate.discover():
        spec = yaml.safe_load(client.spec.read_text())
        index = importlib.import_module(f"{client.package}.api").OPERATIONS
        for item in spec["paths"].values():
            for method in METHODS:
                if method in item:
                    op = item[method]
                    module = importlib.import_module(index[op["operationId"]].module)
                    out.append((client.key, op["operationId"], op["responses"], module))
    return out


OPERATIONS = _operations()
IDS = [f"{key}:{op}" for key, op, _, _ in OPERATIONS]


def _successes(responses: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {int(code): body for code, body in responses.items() if str(code).isdigit() and int(code) < 400}


def _is_json(response: dict[str, Any]) -> bool:
    return "application/json" in (response.get("content") or {})


def test_every_pinned_client_is_enumerated() -> None:
    assert {key for key, _, _, _ in OPERATIONS} == {c.key for c in generate.discover()}
    assert len(OPERATIONS) == sum(len(importlib.import_module(f"{c.package}.api").OPERATIONS)
                                  for c in generate.discover())


@pytest.mark.parametrize(("key", "op_id", "responses", "module"), OPERATIONS, ids=IDS)
def test_parse_response_is_public_typed_and_knows_the_success_statuses(
        key: str, op_id: str, responses: dict[str, Any], module: Any) -> None:
    signature = inspect.signature(module.parse_response)
    assert list(signature.parameters) == ["response", "error", "data"]
    assert signature.return_annotation not in (inspect.Signature.empty, "Any")
    assert tuple((code, code) for code in sorted(_successes(responses))) == module.SUCCESS_STATUSES


@pytest.mark.parametrize(("key", "op_id", "responses", "module"), OPERATIONS, ids=IDS)
def test_malformed_success_bodies_and_non_success_statuses_raise_the_callers_error(
        key: str, op_id: str, responses: dict[str, Any], module: Any) -> None:
    successes = _successes(responses)
    json_status = next((code for code, body in successes.items() if _is_json(body)), None)
    if json_status is not None:
        for content, media in ((b"<html>oops</html>", "text/html"), (b'{"a": 1', "application/json"),
                               (b"", "application/json"), (b"[" * 100_000, "application/json"),
                               (b'{"a": NaN}', "application/json")):
            with pytest.raises(_Refused):
                module.parse_response(httpx.Response(json_status, content=content,
                                                     headers={"content-type": media}), _Refused)
    for code, body in successes.items():
        if not _is_json(body) and not body.get("content"):  # 204 / 302: nothing to read
            assert module.parse_response(httpx.Response(code), _Refused) is None
    for code in (404, 418, 500, 299 if 299 not in successes else 298):
        with pytest.raises(_Refused, match=f"HTTP {code} is not a success answer"):
            module.parse_response(httpx.Response(code, json={"error": "x"}), _Refused)


def test_a_wrong_typed_field_is_refused_by_the_generated_parser() -> None:
    from paywire_gen_conxa_v1.api.wallets import get_wallet_balance
    from paywire_gen_lumen_v1.api.customers import get_subscription_status

    with pytest.raises(_Refused, match="tokens: expected integer, got str"):
        get_wallet_balance.parse_response(httpx.Response(200, json={"wallet_id": "w", "tokens": "many"}), _Refused)
    with pytest.raises(_Refused, match="hasActiveSubscription: expected bool"):
        get_subscription_status.parse_response(httpx.Response(200, json={"hasActiveSubscription": "false"}),
                                               _Refused)
    status = get_subscription_status.parse_response(httpx.Response(200, json={"hasActiveSubscription": True}))
    assert status.has_active_subscription is True and status.customer is None
    # ``data``: check a reshaped body instead of the response's own
    reshaped = get_subscription_status.parse_response(httpx.Response(200, content=b"<html>"),
                                                      data={"hasActiveSubscription": False})
    assert reshaped.has_active_subscription is False


def test_the_default_error_is_the_paywire_root_response_error() -> None:
    from paywire_gen_conxa_v1.api.wallets import get_wallet_balance

    with pytest.raises(paywire.ResponseValidationError):
        get_wallet_balance.parse_response(httpx.Response(200, content=b"null"))
