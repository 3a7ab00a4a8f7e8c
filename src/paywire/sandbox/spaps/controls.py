"""The SPAPS sandbox's control plane: ``/_sandbox/spaps/<action>`` (the seed-era app; the state
is shared, so they act on both contracts) and ``/_sandbox/spaps-2026-10/<action>`` (MFA, which
only contracts with ``mfa`` express)."""

from __future__ import annotations

from typing import Any

from paywire.sandbox.spaps.apps import SEED_CONTRACT, Body, spaps, spaps_2026_10
from paywire.sandbox.spaps.state import SpapsState, profile, require_mfa
from paywire.sandbox.spaps.views import auth_user_view, checkout_view, invoice_view


def _cbody(body: Any) -> Body:
    return body if isinstance(body, dict) else {}


@spaps.control("outbox", method="POST")
def control_outbox(st: SpapsState, body: Any) -> Any:
    return {"messages": st.outbox(_cbody(body).get("email"))}


@spaps.control("outbox", method="GET")
def control_outbox_get(st: SpapsState, body: Any) -> Any:
    return {"messages": st.outbox(None)}


@spaps.control("create_user")
def control_create_user(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    user = st.create_user(str(b["email"]), b.get("password"), username=b.get("username"),
                          email_confirmed=bool(b.get("email_confirmed", True)), tier=str(b.get("tier", "free")))
    return auth_user_view(user, SEED_CONTRACT)


@spaps.control("add_api_key")
def control_add_api_key(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    app_id = str(b["application_id"])
    key = st.add_api_key(app_id, b.get("api_key"))
    return {"api_key": key, "application_id": app_id}


@spaps.control("complete_checkout")
def control_complete_checkout(st: SpapsState, body: Any) -> Any:
    return checkout_view(st, st.complete_checkout(str(_cbody(body)["session_id"])))


@spaps.control("pay_invoice")
def control_pay_invoice(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    inv = st.pay_invoice(str(b["invoice_id"]), str(b["amount"]))
    return invoice_view(st, inv)


@spaps.control("decline_cards")
def control_decline_cards(st: SpapsState, body: Any) -> Any:
    st.decline_cards(bool(_cbody(body).get("declined", True)))
    return {"cards_declined": st.cards_declined}


@spaps.control("set_auth_envelope")
def control_set_auth_envelope(st: SpapsState, body: Any) -> Any:
    st.set_auth_envelope(str(_cbody(body)["mode"]))
    return {"auth_envelope": st.auth_envelope}


@spaps.control("require_email_confirmation")
def control_require_email_confirmation(st: SpapsState, body: Any) -> Any:
    st.require_email_confirmation = bool(_cbody(body).get("required", True))
    return {"require_email_confirmation": st.require_email_confirmation}


@spaps.control("expire_sessions")
def control_expire_sessions(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    return {"expired": st.expire_sessions(session_id=b.get("session_id"), user_id=b.get("user_id"))}


@spaps.control("expire_access_tokens")
def control_expire_access_tokens(st: SpapsState, body: Any) -> Any:
    st.expire_access_tokens(_cbody(body).get("user_id"))
    return {"ok": True}


@spaps_2026_10.control("require_mfa")
def control_require_mfa(st: SpapsState, body: Any) -> Any:
    b = _cbody(body)
    required = bool(b.get("required", True))
    user = require_mfa(st, str(b.get("user_id") or b["email"]), required)
    codes = list(profile(st).recovery_codes.get(user.id, []))
    return {"user_id": user.id, "mfa_required": required, "recovery_codes": codes}


@spaps_2026_10.control("mfa_challenges", method="GET")
def control_mfa_challenges(st: SpapsState, body: Any) -> Any:
    # "code" is what the user's authenticator app would show: tests complete the challenge with it
    return {"challenges": [{"challenge_id": c.id, "user_id": c.user_id, "methods": list(c.methods),
                            "expires_at": st.clock.iso(c.expires_at), "code": c.code}
                           for c in profile(st).challenges.values()]}
