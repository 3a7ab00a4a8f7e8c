"""Vellum push webhooks: the signed outbox of the sandbox state.

Every event is appended once, as the exact bytes that every attempt sends and signs.
:meth:`PushOutbox.deliver_pending` POSTs each pending event of a tenant with a push endpoint
(loopback only: delivery is synchronous) with header :data:`SIGNATURE_HEADER` =
``t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`` on the sandbox clock, trying up to
:data:`PUSH_ATTEMPTS` times without delay, then drops it (status ``failed``), like upstream.
Each event becomes one entry of the state's ``webhook_log`` (``sandbox/webhooks_log.py``), so
the control plane and the dashboard can show and replay it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import urllib.parse
from typing import TYPE_CHECKING, Any

from paywire.sandbox.vellum.records import OutboxEvent, PushConfig, Tenant, token
from paywire.sandbox.webhooks_log import DeliveryLog

if TYPE_CHECKING:
    from paywire.sandbox._framework import Clock

SIGNATURE_HEADER = "X-Vellum-Signature"
PUSH_ATTEMPTS = 3
PUSH_TIMEOUT_SECONDS = 5.0
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def sign_push(secret: str, body: bytes, timestamp: int) -> str:
    """The push signature header value: ``t=<unix>,v1=<hex>`` over ``"<t>.<raw body>"``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def push_config(url: str, secret: str) -> PushConfig:
    """A tenant's push endpoint, checked: http(s) on a loopback host, with a secret."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or parsed.hostname not in LOOPBACK_HOSTS:
        raise ValueError("push URL must be http(s) on a loopback host")
    if not secret:
        raise ValueError("push secret must not be empty")
    return PushConfig(url, secret)


class PushOutbox:
    """The push side of :class:`~paywire.sandbox.vellum.state.VellumState` (which provides
    these attributes; the snapshot format stores them there)."""

    clock: Clock
    tenants: dict[str, Tenant]
    outbox: list[OutboxEvent]
    webhook_log: DeliveryLog
    _lock: threading.RLock

    def emit(self, t: Tenant, event_type: str, data: dict[str, Any]) -> OutboxEvent:
        event_id = token("evt", 12)
        payload = {
            "eventId": event_id,
            "type": event_type,
            "createdAt": self.clock.iso(),
            "tenantId": t.tenant_id,
            "data": data,
        }
        event = OutboxEvent(event_id, event_type, t.tenant_id, json.dumps(payload, separators=(",", ":")).encode())
        with self._lock:
            self.outbox.append(event)
        return event

    def events(self, *, tenant_id: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
        """The outbox (oldest first), without secrets or signatures."""
        with self._lock:
            return [
                e.as_dict()
                for e in self.outbox
                if (tenant_id is None or e.tenant_id == tenant_id) and (status is None or e.status == status)
            ]

    def deliver_pending(self) -> dict[str, int]:
        """POST every pending event to its tenant's push URL, up to PUSH_ATTEMPTS tries each."""
        import httpx

        with self._lock:
            pending = [e for e in self.outbox if e.status == "pending" and self.tenants[e.tenant_id].push]
        summary = {"delivered": 0, "failed": 0, "attempts": 0}
        with httpx.Client(timeout=PUSH_TIMEOUT_SECONDS, follow_redirects=False, trust_env=False) as client:
            for event in pending:
                config = self.tenants[event.tenant_id].push
                assert config is not None
                delivery = self.webhook_log.record(
                    event_id=event.event_id, event_type=event.type, target=config.url, payload=event.body)
                event.delivery_id = delivery.id
                summary["attempts"] += self._attempts(client, event, config.secret, replay=False)
                if event.status == "delivered":
                    summary["delivered"] += 1
                else:
                    event.status = "failed"  # dropped after the last attempt, like upstream
                    summary["failed"] += 1
        return summary

    def replay_webhook(self, delivery_id: str) -> dict[str, Any]:
        """Re-send a recorded delivery (same bytes, same eventId) with a fresh signature from the
        tenant's current secret, up to PUSH_ATTEMPTS tries; a success marks its event delivered."""
        import httpx

        delivery = self.webhook_log.get(delivery_id)
        event = next(e for e in self.outbox if e.delivery_id == delivery_id)
        config = self.tenants[event.tenant_id].push
        if config is None:  # the tenant's push was never configured in this state
            raise ValueError(f"tenant {event.tenant_id} has no push endpoint configured")
        with httpx.Client(timeout=PUSH_TIMEOUT_SECONDS, follow_redirects=False, trust_env=False) as client:
            self._attempts(client, event, config.secret, replay=True)
        return delivery.as_dict()

    def _attempts(self, client: Any, event: OutboxEvent, secret: str, *, replay: bool) -> int:
        """Up to PUSH_ATTEMPTS tries without delay; mirrors the outcome onto the outbox event."""
        assert event.delivery_id is not None
        delivery = self.webhook_log.get(event.delivery_id)

        def sign(body: bytes, timestamp: int) -> tuple[str, str]:
            return SIGNATURE_HEADER, sign_push(secret, body, timestamp)

        for tries in range(1, PUSH_ATTEMPTS + 1):
            event.attempts += 1
            delivered = self.webhook_log.attempt(client, delivery, sign, at=self.clock.now(), replay=replay)
            last = delivery.attempts[-1]
            event.last_status, event.last_error = last.status, last.error
            if delivered:
                event.status = "delivered"
                return tries
        return PUSH_ATTEMPTS
