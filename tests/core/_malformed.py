"""The malformed-success-answer matrix (issue #13 item 6), shared by the default test and the soak.

Every public method of every facade client (both flavours, every pinned contract) is found by
introspection and called with arguments synthesised from its parameter names; a MockTransport
answers the request with the success status the *spec* gives the matched operation and a body
from the corpus. What the spec says about that success answer (JSON body or not, its schema)
decides the expected outcome: a malformed JSON answer must raise the service's
``ResponseValidationError``; a body the schema accepts must not; nothing may raise anything
outside paywire's hierarchy.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import inspect
import json
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import yaml
from _support import specs

import paywire
from paywire._core.flow import RunnerMethod, paginated
from paywire.conxa import AsyncCONXAClient, CONXAClient
from paywire.lumen import AsyncLumenClient, LumenClient
from paywire.spaps import AsyncSpapsClient, SpapsClient, StoredTokens
from paywire.spaps.models import MfaChallenge
from paywire.vellum import AsyncVellumClient, VellumClient

ROOT = Path(__file__).resolve().parents[2]
#: registered with every client as its API key: it must never show in an error's str/repr
SECRET = "sk_live_MALFORMED_0123456789abcdef"
REQUEST_ID = "req_malformed_42"
SOL = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV"


@dataclass(frozen=True)
class Target:
    """One pinned contract of one service, with how to build its clients."""

    name: str
    spec: str
    flavours: tuple[type[Any], type[Any]]
    kwargs: dict[str, Any]
    root_error: type[Exception]
    response_error: type[Exception]

    def build(self, flavour: int, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> Any:
        client = self.flavours[flavour](transport=transport, **self.kwargs)
        self.prepare(client)
        return client

    @staticmethod
    def prepare(client: Any) -> None:
        """Before every call: SPAPS signed in (sign-out and a refused refresh forget the tokens)."""
        if isinstance(client, (SpapsClient, AsyncSpapsClient)):
            expires = dt.datetime.fromtimestamp(time.time() + 3600, dt.UTC)
            client.set_tokens(StoredTokens("acc_tok_malformed_0001", "ref_tok_malformed_0001", expires, "Bearer"))


def _targets() -> list[Target]:
    from paywire.conxa.errors import CONXAError, ConxaResponseValidationError
    from paywire.lumen import LumenError, LumenResponseError
    from paywire.spaps import SpapsError, SpapsResponseValidationError
    from paywire.vellum import VellumError, VellumResponseValidationError

    common: dict[str, Any] = {"api_key": SECRET, "max_retries": 0}
    targets = [Target(f"spaps-{v}", f"spaps/{v}.yaml", (SpapsClient, AsyncSpapsClient),
                      {**common, "base_url": "https://spaps.test", "api_version": v}, SpapsError,
                      SpapsResponseValidationError) for v in ("2025-11", "2026-10")]
    targets.append(Target("lumen-v1", "lumen/v1.yaml", (LumenClient, AsyncLumenClient),
                          {**common, "base_url": "https://lumen.test", "cache_ttl_ms": 0}, LumenError,
                          LumenResponseError))
    targets += [Target(f"vellum-{v}", f"vellum/{v}.yaml", (VellumClient, AsyncVellumClient),
                       {**common, "tenant_id": "sam", "api_version": v, "base_url": "https://vellum.test",
                        "cache_ttl_ms": 0, "flag_cache_ttl_ms": 0},
                       VellumError, VellumResponseValidationError) for v in ("v1", "v2")]
    targets.append(Target("conxa-v1", "conxa/v1.yaml", (CONXAClient, AsyncCONXAClient),
                          {**common, "provider_id": "prov_1", "base_url": "https://conxa.test"}, CONXAError,
                          ConxaResponseValidationError))
    return targets


TARGETS = _targets()

# --- methods, by introspection ------------------------------------------------------------------------
#: names every runner has and that never talk to an API
LIFECYCLE = frozenset({"close", "aclose", "with_options", "with_raw_response"})


def public_methods(cls: type, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """(dotted name, is an API descriptor) for every public method, resources included."""
    for name in sorted(dir(cls)):
        if name.startswith("_") or name in LIFECYCLE:
            continue
        attr = inspect.getattr_static(cls, name, None)
        if isinstance(attr, RunnerMethod | paginated):
            yield prefix + name, True
        elif hasattr(attr, "sync_cls"):  # a resource namespace (spaps.payments, payments.crypto)
            yield from public_methods(attr.sync_cls, prefix + name + ".")
        elif inspect.isfunction(attr) and not isinstance(attr, property):
            yield prefix + name, False


#: a valid argument per parameter name (argument validation is not what is tested here)
ARGS: dict[str, Any] = {
    "account_id": "acct_1", "customer_id": "unit_1", "plan_id": "pro", "plan_version": 1, "module_id": "sso",
    "method_id": "pm_1", "invoice_id": "in_1", "credit_type_id": "ai_tokens", "pack_id": "ai_small",
    "amount": 5, "idempotency_key": "idem-malformed-1", "status": "active", "seats": 2,
    "success_url": "https://app.test/ok", "cancel_url": "https://app.test/no", "flag_id": "beta", "default": False,
    "email": "ada@example.com", "password": "Sup3rSecret-pw!", "new_password": "N3w-Secret-pw!",
    "token": "tok_magic_123456", "wallet_address": SOL, "signature": "sig_abcdefghijklmnop",
    "message": "Sign in: nonce", "chain": "solana", "chain_type": "solana", "session_id": "cs_1",
    "subscription_id": "sub_1", "price_id": "price_1", "product_id": "prod_1", "payment_id": "py_1",
    "payment_method_id": "pm_1", "transaction_id": "tx_1", "currency": "usd", "asset": "USDC", "network": "base",
    "patient_id": "pat_1", "practitioner_id": "doc_1", "content": "hello", "feature_key": "api_calls",
    "resource_type": "user", "feature": "premium-feature", "customer_email": "ada@example.com", "mode": "payment",
    "line_items": [{"price_id": "price_1", "quantity": 1}], "user_id": "u1", "new_user_id": "u2",
    "removed_user_id": "u2", "organization_id": "cus_AAAAAAAAAAAAAAAAAAAAAA", "name": "Ada",
    "external_customer_id": "u1", "session_token": "sess_tok_malformed_01", "model_name": "gpt-4",
    "input_tokens": 10, "output_tokens": 5, "wallet_id": "4242424242424242", "provider_username": "ada@example.com",
    "timeout": 0.05, "poll_interval": 0.01, "max_retries": 0, "method": "get_subscription",
    "tokens": None, "quantity": 1,
    # spaps.auth.verify_mfa: the challenge a sign-in returned, and the authenticator's code
    "challenge": MfaChallenge(challenge_id="mfa_1", challenge="chal_opaque_value_1"), "code": "123456",
}


#: optional parameters that replace others (line_items instead of price_id): not filled in
ALTERNATIVES = frozenset({"line_items"})


def arguments(fn: Callable[..., Any], *, full: bool = False) -> dict[str, Any]:
    """Required parameters from :data:`ARGS`; optional ones keep their defaults (``full``: the
    optional ones :data:`ARGS` knows are passed too, for methods that need one of several)."""
    out: dict[str, Any] = {}
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if full and p.default is not p.empty and p.name in ARGS and ARGS[p.name] is not None \
                and p.name not in ALTERNATIVES:
            out[p.name] = ARGS[p.name]
        elif p.default is p.empty or p.name in ("timeout", "poll_interval", "max_retries"):
            if p.name not in ARGS:
                raise KeyError(f"no test value for parameter {p.name!r} of {fn.__qualname__}")
            out[p.name] = ARGS[p.name]
    return out


def resolve(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def unbound(cls: type, dotted: str) -> Callable[..., Any]:
    owner: Any = cls
    *parents, name = dotted.split(".")
    for part in parents:
        owner = inspect.getattr_static(owner, part).sync_cls
    attr = inspect.getattr_static(owner, name)
    return attr.fn if isinstance(attr, RunnerMethod | paginated) else attr


# --- the spec: which operation a request is, and what its success answer is -----------------------------
@dataclass(frozen=True)
class Success:
    """The success answer the spec gives one operation."""

    operation: str
    status: int
    json_schema: dict[str, Any] | None  # None: the answer is not JSON (204, 302, PDF, text)
    media: str | None


@cache
def spec_of(path: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / path).read_text())
    return loaded


@cache
def _routes(path: str) -> tuple[tuple[re.Pattern[str], str, Success], ...]:
    spec = spec_of(path)
    routes = []
    for template, item in spec["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            codes = sorted(int(c) for c in op["responses"] if str(c)[0] in "23")
            status = codes[0]
            content = op["responses"][str(status)].get("content") or {}
            media = next(iter(content), None)
            schema = content[media].get("schema") if media and "json" in media else None
            routes.append((pattern, method.upper(), Success(op["operationId"], status, schema, media)))
    # literal paths before templated ones (/api/sessions/current before /api/sessions/{id})
    routes.sort(key=lambda r: r[0].pattern.count("[^/]+"))
    return tuple(routes)


def success_for(path: str, request: httpx.Request) -> Success:
    for pattern, method, success in _routes(path):
        if method == request.method and pattern.match(request.url.path):
            return success
    raise AssertionError(f"{request.method} {request.url.path} is no operation of {path}")


def validator(path: str, schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({**schema, "components": spec_of(path)["components"]})


# --- bodies ------------------------------------------------------------------------------------------------
def example(path: str, schema: dict[str, Any]) -> Any:
    """A valid value for ``schema`` of the spec at ``path`` (see ``_support.specs.example``)."""
    return specs.example(spec_of(path), schema)


def leaves(path: str, schema: dict[str, Any], value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, JSON type) of every typed primitive in ``value`` outside unions (where a wrong type
    could still match another alternative)."""
    schema = specs.resolve(spec_of(path), schema)
    if any(k in schema for k in ("oneOf", "anyOf", "allOf")):
        return
    types = [t for t in specs.types_of(schema) if t != "null"]
    if isinstance(value, dict):
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                yield from leaves(path, sub, value[key], (*at, key))
    elif isinstance(value, list):
        if value:
            yield from leaves(path, schema.get("items", {}), value[0], (*at, 0))
    elif len(types) == 1 and types[0] in ("boolean", "integer", "number", "string") and "enum" not in schema:
        yield at, types[0]


def _refuse(name: str) -> Any:
    raise ValueError(name)


#: json as strict as paywire's decoder (no NaN / Infinity), to judge damaged bodies
STRICT = json.JSONDecoder(parse_constant=_refuse)

WRONG = {"boolean": "yes", "integer": "lots", "number": "many", "string": 12345}


def with_leaf(value: Any, at: tuple[Any, ...], new: Any) -> Any:
    out = copy.deepcopy(value)
    target = out
    for key in at[:-1]:
        target = target[key]
    target[at[-1]] = new
    return out


@dataclass
class Case:
    """One body to serve: text, content type, and whether the spec accepts it (None: not JSON)."""

    label: str
    content: bytes
    content_type: str | None = "application/json"
    acceptable: bool | None = False


def corpus(path: str, success: Success, rng: random.Random | None = None, *, all_leaves: bool = False) -> list[Case]:
    """The malformed bodies (and the valid control) for one operation's success answer."""
    html = f"<html><body>502 Bad Gateway {SECRET}</body></html>".encode()
    cases = [
        Case("html", html, "text/html"),
        Case("html-labelled-json", html),
        Case("empty", b""),
        Case("whitespace", b"  \n"),
        Case("null", b"null"),
        Case("empty-array", b"[]"),
        Case("string", b'"ok"'),
        Case("number", b"200"),
        Case("true", b"true"),
        Case("nested-100k-arrays", b"[" * 100_000 + b"]" * 100_000),
        Case("nested-100k-objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
        Case("huge-int", b'{"n": 1' + b"0" * 5000 + b"}"),
        Case("nan", b'{"n": NaN}'),
        Case("infinity", b'{"n": Infinity}'),
        Case("not-utf8", b'{"n": "\xff\xfe"}'),
        Case("empty-object", b"{}"),
    ]
    if success.json_schema is None:
        for case in cases:
            case.acceptable = None
        return cases
    check = validator(path, success.json_schema)
    valid = example(path, success.json_schema)
    assert check.is_valid(valid), f"{success.operation}: the generated example breaks its own schema"
    text = json.dumps({**valid, "note": SECRET} if isinstance(valid, dict) else valid)
    cases += [
        Case("valid", json.dumps(valid).encode(), acceptable=True),
        Case("valid-no-content-type", json.dumps(valid).encode(), None, acceptable=True),
        Case("valid-charset", json.dumps(valid).encode(), "application/json; charset=utf-8", acceptable=True),
        Case("valid-as-html", json.dumps(valid).encode(), "text/html"),
        Case("truncated", text[: max(len(text) // 2, 1)].encode()),
        Case("trailing-garbage", (text + "}").encode()),
    ]
    for case in cases:
        if case.label in ("empty-object", "empty-array", "null", "string", "number", "true"):
            case.acceptable = check.is_valid(json.loads(case.content))
    found = list(leaves(path, success.json_schema, valid))
    if not all_leaves and len(found) > 4:
        picker = rng or random.Random(success.operation)
        found = picker.sample(found, 4)
    for at, kind in found:
        where = ".".join(map(str, at))
        cases.append(Case(f"wrong-type:{where}", json.dumps(with_leaf(valid, at, WRONG[kind])).encode()))
        if kind in ("integer", "number"):
            huge = json.dumps(with_leaf(valid, at, "__HUGE__")).replace('"__HUGE__"', "1e400")
            cases.append(Case(f"1e400:{where}", huge.encode()))
            nan = json.dumps(with_leaf(valid, at, "__NAN__")).replace('"__NAN__"', "NaN")
            cases.append(Case(f"NaN:{where}", nan.encode()))
    if isinstance(valid, dict):
        required = specs.resolve(spec_of(path), success.json_schema).get("required", [])
        for key in required[:3] if not all_leaves else required:
            cases.append(Case(f"missing:{key}", json.dumps({k: v for k, v in valid.items() if k != key}).encode()))
    return cases


# --- running one method against the cases -----------------------------------------------------------------
#: a seed contract that answers a bool and never raises: malformed answers read as False
NEVER_RAISES = frozenset({("conxa-v1", "health_check"), ("vellum-v2", "flag")})  # flag: its `default`
RUNAWAY = 1000  # requests per call: more means a pager that never stops (polls end at `timeout`)


@dataclass
class Outcome:
    sent: list[Success] = field(default_factory=list)
    result: Any = None
    error: BaseException | None = None


def run(target: Target, flavour: int, dotted: str, cases: Callable[[Success], list[Case]]) -> list[tuple[Case, Outcome]]:
    """Call ``dotted`` once per case on one client (caches off) whose every request is answered
    with the spec's success status and the case's body; the operation's own cases come from
    ``cases(success)`` after a first call discovers which operation the method sends."""
    state: dict[str, Any] = {"case": None, "operation": None, "outcome": Outcome()}

    def handler(request: httpx.Request) -> httpx.Response:
        success = success_for(target.spec, request)
        outcome: Outcome = state["outcome"]
        outcome.sent.append(success)
        if len(outcome.sent) > RUNAWAY:
            raise RuntimeError(f"{dotted}: more than {RUNAWAY} requests for one call")
        case: Case | None = state["case"]
        if case is None or state["operation"] != success.operation:
            # a method's other requests (e.g. a lookup before the call under test) get valid answers
            own = cases(success)
            case = next((c for c in own if c.acceptable), own[0]) if case is not None else own[0]
        headers = {"x-request-id": REQUEST_ID}
        if case.content_type is not None:
            headers["content-type"] = case.content_type
        if success.status in (301, 302, 303, 307):
            headers["location"] = "https://files.test/in_1.pdf"
        return httpx.Response(success.status, content=case.content, headers=headers)

    fn = unbound(target.flavours[flavour], dotted)
    variants = [arguments(fn), arguments(fn, full=True)]
    kwargs = variants[0]
    results: list[tuple[Case, Outcome]] = []

    def plan(first: Outcome) -> list[Case]:
        if not first.sent:
            return []
        state["operation"] = first.sent[0].operation
        return cases(first.sent[0])

    if flavour == 0:
        client = target.build(0, httpx.MockTransport(handler))
        client._driver.sleep = lambda seconds: None

        def once() -> Outcome:
            outcome = state["outcome"] = Outcome()
            target.prepare(client)
            try:
                outcome.result = _drain(resolve(client, dotted)(**kwargs))
            except BaseException as exc:
                outcome.error = exc
            return outcome

        try:
            first = once()
            if not first.sent and isinstance(first.error, paywire.ValidationError):
                kwargs = variants[1]  # e.g. "user_id or lumen_customer_id is required"
                first = once()
            for case in plan(first):
                state["case"] = case
                results.append((case, once()))
        finally:
            client.close()
        return results

    async def main() -> None:
        client = target.build(1, httpx.MockTransport(handler))

        async def no_sleep(seconds: float) -> None:
            return None

        client._driver.sleep = no_sleep

        async def once() -> Outcome:
            outcome = state["outcome"] = Outcome()
            target.prepare(client)
            try:
                value = resolve(client, dotted)(**kwargs)
                if hasattr(value, "__aiter__"):
                    outcome.result = [item async for item in value]
                else:
                    outcome.result = await value if inspect.isawaitable(value) else value
            except BaseException as exc:
                outcome.error = exc
            return outcome

        nonlocal kwargs
        try:
            first = await once()
            if not first.sent and isinstance(first.error, paywire.ValidationError):
                kwargs = variants[1]
                first = await once()
            for case in plan(first):
                state["case"] = case
                results.append((case, await once()))
        finally:
            await client.aclose()

    asyncio.run(main())
    return results


def _drain(value: Any) -> Any:
    if hasattr(value, "_fetch") and hasattr(value, "__iter__"):  # a SyncPager: read every page
        return list(value)
    return value


def problems(target: Target, dotted: str, case: Case, outcome: Outcome) -> list[str]:
    """What is wrong with one outcome (empty: as the spec wants)."""
    error = outcome.error
    found: list[str] = []
    where = f"{target.name} {dotted} [{case.label}]"
    if error is not None and not isinstance(error, paywire.PaywireError):
        return [f"{where}: raw {type(error).__name__}: {str(error)[:120]}"]
    is_validation = isinstance(error, paywire.ResponseValidationError)
    if is_validation:
        assert isinstance(error, paywire.ResponseValidationError)
        if not isinstance(error, target.response_error) or not isinstance(error, target.root_error):
            found.append(f"{where}: {type(error).__name__} is not the service's response error")
        if error.request_id != REQUEST_ID or error.status_code is None:
            found.append(f"{where}: status/request id missing ({error.status_code}, {error.request_id})")
        if len(error.body_excerpt) > 201:
            found.append(f"{where}: body excerpt of {len(error.body_excerpt)} characters")
        if SECRET in str(error) or SECRET in repr(error) or SECRET in error.body_excerpt:
            found.append(f"{where}: the registered secret shows in the error")
    if case.acceptable is True and is_validation:
        found.append(f"{where}: a body the spec accepts was refused: {error}")
    if (target.name, dotted) in NEVER_RAISES:
        if error is not None or (case.acceptable is False and outcome.result is not False):
            found.append(f"{where}: the never-raising check gave {error or outcome.result!r}")
        return found
    if case.acceptable is False and not is_validation and error is None:
        found.append(f"{where}: malformed answer returned {outcome.result!r:.100}")
    if case.acceptable is False and error is not None and not is_validation:
        found.append(f"{where}: malformed answer raised {type(error).__name__}, not the response error: {error}")
    return found
