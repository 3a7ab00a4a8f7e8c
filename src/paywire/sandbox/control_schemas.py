"""One declarative JSON Schema per control-plane route (``/_sandbox/...``).

The control plane is a test tool, so a typo in a test's setup must come back as a 400 naming
the field, never as a 500 or, worse, as accepted junk that breaks a later request (a clock
advanced by NaN, a fault with latency ``"abc"``). Every route's input is checked here before
any state is touched; the same schemas guard the Python API (``Faults.add``).

Keys are ``(METHOD, route)`` with ``route`` relative to ``/_sandbox`` (``""`` is the info
route; per-service controls are ``"<service name>/<action>"``). Routes that take no input have
an empty, closed object schema: a body there is a mistake too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from typing import Any

Schema = dict[str, Any]


class ControlInputError(ValueError):
    """Malformed control-plane input (rendered as 400 with this message)."""


def obj(*required: str, **props: Schema) -> Schema:
    """A closed object: unknown fields are errors (they are almost always typos)."""
    missing = set(required) - set(props)
    if missing:  # a schema bug, caught at import
        raise AssertionError(f"required but undeclared: {sorted(missing)}")
    return {"type": "object", "properties": props, "required": list(required), "additionalProperties": False}


def nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


# Bounds keep every value far from float overflow and from hour-long sleeps.
TEN_YEARS = 10 * 365 * 86400
ID: Schema = {"type": "string", "minLength": 1, "maxLength": 200}
TEXT: Schema = {"type": "string", "maxLength": 2000}
BOOL: Schema = {"type": "boolean"}
SECONDS: Schema = {"type": "number", "minimum": 0, "maximum": TEN_YEARS}
TOKENS: Schema = {"type": "integer", "minimum": 0, "maximum": 10**15}
EMAIL: Schema = {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+\Z", "maxLength": 320}
WALLET_ID: Schema = {"type": "string", "pattern": r"^[0-9]{16}\Z"}
DECIMAL: Schema = {"anyOf": [{"type": "string", "pattern": r"^[0-9]{1,30}(\.[0-9]{1,18})?\Z"},
                             {"type": "number", "minimum": 0, "maximum": 1e15}]}
# What RFC 9110 allows in Retry-After: delta-seconds or an IMF-fixdate (so no CR/LF can reach
# the response headers, and no "nan" either).
RETRY_AFTER_TEXT: Schema = {"type": "string", "pattern": (
    r"^([0-9]{1,6}|(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT)\Z")}
NO_INPUT: Schema = obj()
MANY = 1000  # items per seeded list

SPAPS_TIERS = ["free", "pro", "premium"]

SEED: Schema = obj(
    spaps=obj(
        users={"type": "array", "maxItems": MANY, "items": obj(
            "email", email=EMAIL, password=nullable(TEXT), username=nullable(ID), email_confirmed=BOOL,
            tier={"enum": SPAPS_TIERS})},
        api_keys={"type": "array", "maxItems": MANY, "items": obj("application_id", application_id=ID,
                                                                  api_key=nullable(ID))},
    ),
    lumen=obj(
        api_keys={"type": "array", "maxItems": MANY, "items": ID},
        plans={"type": "array", "maxItems": MANY, "items": obj(
            "name", name=ID, plan_id=nullable(ID), description=nullable(TEXT),
            price_cents={"type": "integer", "minimum": 0, "maximum": 10**12},
            features={"type": "object", "maxProperties": MANY, "propertyNames": ID,
                      "additionalProperties": {"anyOf": [BOOL, {"type": "integer", "minimum": 0, "maximum": 10**15}]}},
            metrics=nullable({"type": "object", "maxProperties": MANY, "propertyNames": ID,
                              "additionalProperties": ID}))},
    ),
    vellum=obj(
        tenants={"type": "array", "maxItems": MANY, "items": obj("tenant_id", "api_key", tenant_id=ID, api_key=ID)},
        flags={"type": "object", "maxProperties": MANY, "propertyNames": ID, "additionalProperties": {
            "type": "object", "maxProperties": MANY, "propertyNames": ID, "additionalProperties": BOOL}},
    ),
    conxa=obj(
        providers={"type": "array", "maxItems": MANY, "items": obj("provider_id", "api_key", provider_id=ID,
                                                                   api_key=ID)},
        wallets={"type": "object", "maxProperties": MANY, "propertyNames": WALLET_ID,
                 "additionalProperties": TOKENS},
    ),
)

_FAULT_EFFECTS: dict[str, Schema] = {
    "latency_ms": {"type": "number", "minimum": 0, "maximum": 60_000},
    "status": nullable({"type": "integer", "minimum": 400, "maximum": 599}),
    "body": {},  # any JSON: the canned error body
    "retry_after": nullable({"anyOf": [RETRY_AFTER_TEXT, {"type": "number", "minimum": 0, "maximum": 86_400}]}),
    "reset": nullable({"enum": ["before", "after"]}),
}
FAULT: Schema = obj(
    match={"type": "string", "minLength": 1, "maxLength": 200},
    times={"type": "integer", "minimum": 1, "maximum": 1_000_000},
    key=nullable(ID),
    # One step per matching request, e.g. [{"status": 503}, {"status": 503}, {}]: 503, 503, then succeed.
    script=nullable({"type": "array", "minItems": 1, "maxItems": 1000, "items": obj(**_FAULT_EFFECTS)}),
    **_FAULT_EFFECTS,
)

# A snapshot (GET /_sandbox/snapshot) to restore: only the envelope is checked here, and it is
# deliberately open: fields a newer sandbox wrote are ignored (snapshot.py checks the rest).
SNAPSHOT_VERSION_MAX = 1  # = snapshot.VERSION; bumped only with an incompatible format change
RESTORE: Schema = {
    "type": "object", "required": ["version", "states"],
    "properties": {
        "format": {"type": "string", "maxLength": 100},
        "version": {"type": "integer", "minimum": 1, "maximum": SNAPSHOT_VERSION_MAX},
        "clock": {"type": "object", "properties": {"now": {"type": "number", "minimum": 0, "maximum": 1e11}}},
        "faults": {"type": "array"},
        "schedule": {"type": "array"},
        "states": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}
# A timed action: a per-service control run when the sandbox clock passes its time.
SCHEDULE: Schema = obj("control", control={"type": "string", "pattern": r"^[a-z0-9-]{1,40}/[A-Za-z0-9_-]{1,60}\Z"},
                       body={"type": "object"}, in_seconds=nullable(SECONDS),
                       at=nullable({"type": "number", "minimum": 0, "maximum": 1e11}))

CONXA_USER = {"provider_id": ID, "provider_username": ID}
VELLUM_TENANT = {"tenantId": ID}

_COMMON: dict[tuple[str, str], Schema] = {
    ("GET", ""): NO_INPUT,
    ("POST", "reset"): obj(service=nullable({"enum": ["spaps", "lumen", "vellum", "conxa"]})),
    ("POST", "seed"): SEED,
    ("GET", "requests"): NO_INPUT,
    ("DELETE", "requests"): NO_INPUT,
    ("GET", "faults"): NO_INPUT,
    ("POST", "faults"): FAULT,
    ("DELETE", "faults"): NO_INPUT,
    ("GET", "clock"): NO_INPUT,
    ("POST", "clock"): obj("seconds", seconds=SECONDS),
    ("GET", "snapshot"): NO_INPUT,
    ("POST", "restore"): RESTORE,
    ("GET", "namespaces"): NO_INPUT,
    ("DELETE", "namespace"): NO_INPUT,
    ("GET", "schedule"): NO_INPUT,
    ("POST", "schedule"): SCHEDULE,
    ("DELETE", "schedule"): NO_INPUT,
    # The webhook delivery log of every service state that sends webhooks (webhooks_log.py).
    ("GET", "webhooks/deliveries"): NO_INPUT,
    ("POST", "webhooks/replay"): obj("id", id=ID),
    # The dashboard page and the one document it polls (dashboard.py).
    ("GET", "ui"): NO_INPUT,
    ("GET", "ui/state"): NO_INPUT,
}

_SERVICE: dict[tuple[str, str], Schema] = {
    # SPAPS (both contract profiles share one state and the seed-era controls)
    ("POST", "spaps/outbox"): obj(email=nullable(EMAIL)),
    ("GET", "spaps/outbox"): NO_INPUT,
    ("POST", "spaps/create_user"): obj("email", email=EMAIL, password=nullable(TEXT), username=nullable(ID),
                                       email_confirmed=BOOL, tier={"enum": SPAPS_TIERS}),
    ("POST", "spaps/add_api_key"): obj("application_id", application_id=ID, api_key=nullable(ID)),
    ("POST", "spaps/complete_checkout"): obj("session_id", session_id=ID),
    ("POST", "spaps/pay_invoice"): obj("invoice_id", "amount", invoice_id=ID, amount=DECIMAL),
    ("POST", "spaps/decline_cards"): obj(declined=BOOL),
    ("POST", "spaps/set_auth_envelope"): obj("mode", mode={"enum": ["flat", "nested"]}),
    ("POST", "spaps/require_email_confirmation"): obj(required=BOOL),
    ("POST", "spaps/expire_access_tokens"): obj(user_id=nullable(ID)),
    ("POST", "spaps/expire_sessions"): {  # a timed action's usual target: "expire this session in 5 s"
        **obj(session_id=ID, user_id=ID), "anyOf": [{"required": ["session_id"]}, {"required": ["user_id"]}]},
    ("POST", "spaps-2026-10/require_mfa"): {
        **obj(user_id=ID, email=EMAIL, required=BOOL), "anyOf": [{"required": ["user_id"]}, {"required": ["email"]}]},
    ("GET", "spaps-2026-10/mfa_challenges"): NO_INPUT,
    # Lumen
    ("POST", "lumen/subscribe"): obj("externalId", externalId=ID, planId=nullable(ID), name=nullable(TEXT),
                                     email=nullable(EMAIL)),
    ("POST", "lumen/complete-setup-intent"): obj("intentId", intentId=ID, brand=ID,
                                                 last4={"type": "string", "pattern": r"^[0-9]{4}\Z"}),
    ("GET", "lumen/plans"): NO_INPUT,
    # CONXA
    ("POST", "conxa/scan"): obj("provider_username", **CONXA_USER),
    ("POST", "conxa/approve"): obj("provider_username", **CONXA_USER, wallet_id=WALLET_ID, limit=nullable(TOKENS),
                                   ttl_seconds=nullable(SECONDS), can_charge=BOOL),
    ("POST", "conxa/expire"): obj("provider_username", **CONXA_USER),
    ("POST", "conxa/set_charge_permission"): obj("provider_username", "allowed", **CONXA_USER, allowed=BOOL),
    ("POST", "conxa/seed_wallet"): obj("wallet_id", "tokens", wallet_id=WALLET_ID, tokens=TOKENS),
    ("POST", "conxa/add_provider"): obj("provider_id", "api_key", provider_id=ID, api_key=ID),
    ("POST", "conxa/set_price"): obj("model_name", "input_rate", "output_rate", model_name=ID, input_rate=TOKENS,
                                     output_rate=TOKENS),
    ("POST", "conxa/set_min_poll_interval"): obj("seconds", seconds=SECONDS),
    ("POST", "conxa/set_charge_latency"): obj("seconds", seconds={"type": "number", "minimum": 0, "maximum": 600}),
    ("GET", "conxa/ledger"): NO_INPUT,
    ("GET", "conxa/wallets"): NO_INPUT,
}
for _vellum in ("vellum-v1", "vellum-v2"):  # one control set, served for both versions
    _SERVICE.update({
        ("POST", f"{_vellum}/configure-push"): obj("url", "secret", url={"type": "string", "maxLength": 2000},
                                                   secret=ID, **VELLUM_TENANT),
        ("GET", f"{_vellum}/outbox"): NO_INPUT,
        ("POST", f"{_vellum}/deliver-pushes"): NO_INPUT,
        ("POST", f"{_vellum}/add-payment-method"): obj("accountId", accountId=ID, brand=ID, name=nullable(TEXT),
                                                       last4={"type": "string", "pattern": r"^[0-9]{4}\Z"},
                                                       **VELLUM_TENANT),
        ("POST", f"{_vellum}/complete-checkout"): obj("sessionId", sessionId=ID, **VELLUM_TENANT),
        ("POST", f"{_vellum}/grant-credits"): obj("customerId", "creditTypeId", "amount", customerId=ID,
                                                  creditTypeId=ID, amount={"type": "integer", "minimum": -(10**15),
                                                                           "maximum": 10**15},
                                                  **VELLUM_TENANT),
        ("POST", f"{_vellum}/set-flag"): obj("flagId", "value", flagId=ID, value=BOOL, customerId=nullable(ID),
                                             **VELLUM_TENANT),
        ("POST", f"{_vellum}/settle"): NO_INPUT,
    })

#: Fields whose values are credentials: error messages name them but never quote them.
SECRET_FIELDS = frozenset({"password", "api_key", "secret", "api_keys"})

SCHEMAS: Mapping[tuple[str, str], Schema] = {**_COMMON, **_SERVICE}


def service_controls(service: str) -> list[tuple[str, str]]:
    """(METHOD, action) of every control of one service (``/_sandbox/<service>/<action>``)."""
    return [(method, route.partition("/")[2]) for method, route in _SERVICE
            if route.partition("/")[0] == service]


def schema_for(method: str, route: str) -> Schema | None:
    return SCHEMAS.get((method.upper(), route.strip("/")))


@cache
def _validator(method: str, route: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = schema_for(method, route)
    # A control registered without a schema still only gets JSON objects (and a test lists it).
    return Draft202012Validator(schema if schema is not None else {"type": "object"})


def _no_constants(name: str) -> Any:
    # json.loads accepts NaN/Infinity by default; they are not JSON and poison arithmetic.
    raise ControlInputError(f"{name} is not valid JSON (use a finite number)")


def parse_body(raw: bytes) -> Any:
    """The request body as JSON (empty -> ``{}``); anything else is a ControlInputError."""
    if not raw.strip():
        return {}
    try:
        return json.loads(raw, parse_constant=_no_constants)
    except ControlInputError:
        raise
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise ControlInputError(f"body is not valid JSON: {exc}") from None


def _non_finite(value: Any, where: str = "body") -> str | None:
    """Path of the first NaN/inf float in a (Python API) value; JSON input never has one."""
    if isinstance(value, float) and not math.isfinite(value):
        return where
    if isinstance(value, dict):
        items: Any = ((f"{where}.{k}" if where != "body" else str(k), v) for k, v in value.items())
    elif isinstance(value, list | tuple):
        items = ((f"{where}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for path, item in items:
        found = _non_finite(item, path)
        if found is not None:
            return found
    return None


def empty_is_valid(schema: Schema | None) -> bool:
    """True when ``{}`` certainly satisfies ``schema`` (an :func:`obj` requiring nothing, or no
    schema), decided without jsonschema: importing it costs ~50 ms, and the usual first request
    (``GET /_sandbox``, no body) would pay it on the way to the sandbox's first answer."""
    if schema is None:
        return True
    return (schema.get("type") == "object" and not schema.get("required")
            and set(schema) <= {"type", "properties", "required", "additionalProperties"})


def check(method: str, route: str, value: Any) -> Any:
    """Validate ``value`` against the route's schema; returns it, or raises ControlInputError."""
    route = route.strip("/")
    if isinstance(value, dict) and not value and empty_is_valid(schema_for(method, route)):
        return value
    from jsonschema.exceptions import best_match

    where_bad = _non_finite(value)
    if where_bad is not None:  # JSON Schema bounds compare False with NaN, so check first
        raise ControlInputError(f"{method.upper()} /_sandbox/{route}: {where_bad}: must be a finite number")
    error = best_match(_validator(method.upper(), route).iter_errors(value))
    if error is not None:
        path = list(error.absolute_path)
        where = "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
        if SECRET_FIELDS & {str(p) for p in path}:
            # jsonschema's message quotes the value; a key or password must not be echoed.
            message = f"invalid value ({error.validator}: {error.validator_value!r})"
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = sorted(error.schema.get("properties", {}))
            extra = sorted(str(k) for k in error.instance if k not in known)
            message = f"unknown fields {extra}; known: {known}"
        else:
            message = error.message if len(error.message) <= 300 else error.message[:300] + "..."
        raise ControlInputError(f"{method.upper()} /_sandbox/{route}: {where or 'body'}: {message}")
    return value
