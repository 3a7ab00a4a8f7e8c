"""``GET /_sandbox/ui``: a one-page dashboard over the sandbox, and the document it polls.

The page (``static/dashboard.html``, a package resource) is plain HTML with a little vanilla
JavaScript: it polls ``GET /_sandbox/ui/state`` once a second and drives the existing control
plane for its buttons (``POST /_sandbox/clock``, ``DELETE /_sandbox/faults``,
``POST /_sandbox/webhooks/replay``). No build step, no third-party script.

The sandbox's credentials are public test values, but a page is easily screenshotted, shared
or pasted, and users also seed their own keys: :func:`snapshot` never contains an API key, a
token, a password, a push secret or a signature. Every string in it is scrubbed of the values
the states hold as credentials, of anything under a sensitive key, and of whatever paywire's
own log redaction would mask.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def _redaction() -> Any:
    # Imported on the first page render, not at sandbox start: ``paywire._core`` pulls in the
    # whole client core and httpx (~0.2 s of the sandbox's start-up, measured).
    import importlib

    # the module, not the package attribute of the same name (the ``redact`` function)
    return importlib.import_module("paywire._core.redact")

#: How many of the newest requests the page shows (the log itself is unbounded).
REQUEST_ROWS = 200


@cache
def html() -> bytes:
    return resources.files("paywire.sandbox").joinpath("static/dashboard.html").read_bytes()


async def page(request: Any, body: Any) -> Any:
    from starlette.responses import Response

    # no-store: the page is tiny and a cached old copy after an upgrade would confuse.
    return Response(html(), media_type="text/html; charset=utf-8",
                    headers={"cache-control": "no-store", "x-content-type-options": "nosniff"})


def snapshot(ns: Any) -> dict[str, Any]:
    """Everything the page shows for one namespace (namespace.py), in one JSON document, with
    every secret masked."""
    from paywire.sandbox import webhooks_log

    with ns.lock:
        raw = {
            "namespace": ns.name,
            "clock": {"now": ns.clock.now(), "iso": ns.clock.iso(), "offset": ns.clock.offset},
            "faults": [f.as_dict() for f in ns.faults.rules],
            "requests": [_request_row(e, ns.name) for e in ns.requests[-REQUEST_ROWS:]][::-1],
            "deliveries": [_delivery_row(d) for d in webhooks_log.deliveries(ns)][::-1],
            "services": {key: _summary(key, ns.state(key), ns.clock.now()) for key in ns.state_keys()},
        }
        secrets = sorted(set(_secrets_of(ns)), key=len, reverse=True)
    scrubbed: dict[str, Any] = _scrub(raw, secrets)
    return scrubbed


def _request_row(entry: dict[str, Any], namespace: str) -> dict[str, Any]:
    from paywire.sandbox.namespace import URL_PREFIX

    path = str(entry.get("path", ""))
    prefix = URL_PREFIX + namespace
    if path.startswith(prefix + "/"):  # the page names its namespace once, in its header
        path = path[len(prefix):]
    return {
        "t": entry.get("t"), "service": entry.get("service"), "method": entry.get("method"),
        "path": path, "op": entry.get("op"), "status": entry.get("status"),
        "latency_ms": entry.get("latency_ms"), "fault": entry.get("fault"),
    }


def _delivery_row(delivery: dict[str, Any]) -> dict[str, Any]:
    row = dict(delivery)
    header = row.get("signatureHeader")
    if header:  # a signature is a credential for that body: name only
        row["signatureHeader"] = {"name": header["name"], "value": _redaction().MASK}
    return row


# -- per-service state ----------------------------------------------------------------------------


def _summary(key: str, state: Any, now: float) -> dict[str, Any]:
    summarize = _SUMMARIES.get(key)
    return summarize(state, now) if summarize is not None else {}


def _spaps(st: Any, now: float) -> dict[str, Any]:
    return {
        "users": [{"id": u.id, "email": u.email, "tier": u.tier, "confirmed": u.email_confirmed}
                  for u in st.users.values()],
        "sessions": [{"id": s.id, "user": s.user_id, "expires_at": s.expires_at,
                      "active": not s.revoked and s.expires_at > now} for s in st.sessions.values()],
        "subscriptions": [{"id": s.id, "user": s.user_id, "price": s.price_id, "status": s.status}
                          for s in st.subscriptions.values()],
    }


def _lumen(st: Any, now: float) -> dict[str, Any]:
    return {
        "users": [{"id": c.id, "external_id": c.external_id, "email": c.email} for c in st.customers.values()],
        "subscriptions": [{"id": s.id, "customer": s.customer_id, "plan": s.plan_id, "status": s.status}
                          for s in st.subscriptions.values()],
    }


def _vellum(st: Any, now: float) -> dict[str, Any]:
    accounts, subscriptions = [], []
    for t in st.tenants.values():
        accounts += [{"tenant": t.tenant_id, "id": a.account_id, "status": a.status,
                      "customers": sum(c.account_id == a.account_id for c in t.customers.values())}
                     for a in t.accounts.values()]
        subscriptions += [{"tenant": t.tenant_id, "account": s.account_id, "customer": s.customer_id,
                           "plan": s.plan.plan_id, "seats": s.seats, "status": s.status} for s in t.subscriptions]
    return {"accounts": accounts, "subscriptions": subscriptions}


def _conxa(st: Any, now: float) -> dict[str, Any]:
    return {
        "wallets": [{"id": w.wallet_id, "balance": w.tokens} for w in st.wallets.values()],
        "connections": [{"provider": c.provider_id, "user": c.provider_username, "status": c.current_status(now),
                         "wallet": c.wallet_id, "spent": c.spent} for c in st.connections.values()],
    }


_SUMMARIES = {"spaps": _spaps, "lumen": _lumen, "vellum": _vellum, "conxa": _conxa}


# -- secrets ----------------------------------------------------------------------------------------


def _secrets_of(ns: Any) -> Iterable[str]:
    """Every credential value the service states hold (keys, tokens, push secrets)."""
    for key in ns.state_keys():
        st = ns.state(key)
        if key == "spaps":
            yield from st.api_keys
            yield from st.recon_tokens.values()
            yield from st.access_tokens
            yield from st.refresh_tokens
            yield from st.one_time_tokens
        elif key == "lumen":
            yield from st.api_keys
        elif key == "vellum":
            for t in st.tenants.values():
                yield t.api_key
                if t.push is not None:
                    yield t.push.secret
        elif key == "conxa":
            yield from (p.api_key for p in st.providers.values())
            yield from (c.session_token for c in st.connections.values() if c.session_token)


def _scrub(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, dict):
        return {k: _redaction().MASK if isinstance(k, str) and _sensitive_key(k) and v is not None else _scrub(v, secrets)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, secrets) for v in value]
    if isinstance(value, str):
        for secret in secrets:
            if secret and secret in value:
                value = value.replace(secret, _redaction().MASK)
        return str(_redaction().redact(value))
    return value


def _sensitive_key(key: str) -> bool:
    # "signatureHeader" holds a name and an already masked value; sessions are shown by id.
    return key not in _SHOWN_KEYS and bool(_redaction().SENSITIVE_NAME.search(key))


_SHOWN_KEYS = frozenset({"signatureHeader", "sessions", "idempotency_key", "spent"})
