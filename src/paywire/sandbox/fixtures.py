"""Seed fixtures into a running sandbox in one call: ``POST /_sandbox/seed`` or ``Sandbox.seed``.

    {"spaps":  {"users": [{"email": "a@example.com", "password": "Secret123!", "tier": "pro"}],
                "api_keys": [{"application_id": "app_x", "api_key": "test_key_x"}]},
     "lumen":  {"api_keys": ["lumen_sk_other"],
                "plans": [{"name": "Team", "features": {"api-calls": 10000}, "price_cents": 4900}]},
     "vellum": {"tenants": [{"tenant_id": "acme2", "api_key": "vlm_acme2.secret"}],
                "flags": {"sam": {"new_dashboard": true}}},
     "conxa":  {"providers": [{"provider_id": "anthropic", "api_key": "pk_test_anthropic_x"}],
                "wallets": {"1111222233334444": 5000}}}

Everything is added on top of the default seed (``reset`` first for a clean slate). The answer
says what was created (never echoing secrets).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def _spaps(st: Any, fx: Mapping[str, Any]) -> dict[str, Any]:
    users = [st.create_user(u["email"], u.get("password"), username=u.get("username"),
                            email_confirmed=bool(u.get("email_confirmed", True)), tier=u.get("tier", "free")).id
             for u in fx.get("users", [])]
    apps = [st.add_api_key(k["application_id"], k.get("api_key")) and k["application_id"]
            for k in fx.get("api_keys", [])]
    return {"users": users, "api_keys_for": apps}


def _lumen(st: Any, fx: Mapping[str, Any]) -> dict[str, Any]:
    for key in fx.get("api_keys", []):
        st.api_keys.add(str(key))
    plans = [st.seed_plan(p["name"], p.get("features", {}), plan_id=p.get("plan_id"),
                          description=p.get("description"), price_cents=int(p.get("price_cents", 0)),
                          metrics=p.get("metrics")).id
             for p in fx.get("plans", [])]
    return {"api_keys": len(fx.get("api_keys", [])), "plans": plans}


def _vellum(st: Any, fx: Mapping[str, Any]) -> dict[str, Any]:
    from paywire.sandbox.vellum import Tenant

    tenants = []
    for t in fx.get("tenants", []):
        if t["tenant_id"] in st.tenants:
            raise ValueError(f"tenant {t['tenant_id']} already exists")
        st.tenants[t["tenant_id"]] = Tenant(t["tenant_id"], t["api_key"])
        tenants.append(t["tenant_id"])
    for tenant_id, flags in fx.get("flags", {}).items():
        st.tenants[tenant_id].flags.update({str(k): bool(v) for k, v in flags.items()})
    return {"tenants": tenants}


def _conxa(st: Any, fx: Mapping[str, Any]) -> dict[str, Any]:
    providers = [st.add_provider(p["provider_id"], p["api_key"]) and p["provider_id"]
                 for p in fx.get("providers", [])]
    wallets = {wid: st.seed_wallet(wid, int(tokens)).tokens for wid, tokens in fx.get("wallets", {}).items()}
    return {"providers": providers, "wallets": wallets}


SEEDERS: dict[str, Callable[[Any, Mapping[str, Any]], dict[str, Any]]] = {
    "spaps": _spaps, "lumen": _lumen, "vellum": _vellum, "conxa": _conxa,
}


def seed(states: Callable[[str], Any], fixtures: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fixtures) - set(SEEDERS)
    if unknown:
        raise ValueError(f"unknown fixture sections: {sorted(unknown)}; known: {sorted(SEEDERS)}")
    return {name: SEEDERS[name](states(name), fx) for name, fx in fixtures.items()}
