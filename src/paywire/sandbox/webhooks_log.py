"""The webhook delivery log: every signed webhook the sandbox sends, with its attempt history.

A service state that sends webhooks (today: Vellum's signed pushes) owns one :class:`DeliveryLog`
as ``webhook_log`` and implements :class:`WebhookSource`. The log lives on the service *state*
(not on the sandbox), so it is reset, snapshotted and namespaced exactly like the events it
records. Delivery is the log's job too: :meth:`DeliveryLog.attempt` posts the recorded bytes
with a fresh signature and records the outcome, so the first delivery, its retries and every
later replay go through one code path and one history.

Replay (``POST /_sandbox/webhooks/replay``) re-sends the *same bytes* (same ``eventId``) to the
recorded target, signed anew with the source's current secret and the sandbox clock: a receiver
that rejects stale timestamps accepts a replay, and a receiver that de-duplicates by event id
sees a duplicate, as it would from the real API's "resend" button.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

#: Signs ``body`` at sandbox time ``timestamp``: returns (header name, header value).
Signer = Callable[[bytes, int], tuple[str, str]]

USER_AGENT = "paywire-sandbox-webhooks/1"


@dataclass
class Attempt:
    at: float  # sandbox clock (what the signature's timestamp says)
    status: int | None  # the receiver's HTTP status, None when no answer came
    error: str | None  # why the attempt did not count as delivered
    duration_ms: float  # real time the POST took
    replay: bool  # sent by a replay, not by the original delivery run

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at, "status": self.status, "error": self.error,
                "durationMs": self.duration_ms, "replay": self.replay}


@dataclass
class Delivery:
    id: str
    source: str  # the service that sent it ("vellum")
    event_id: str
    event_type: str
    target: str
    payload: bytes = field(repr=False)  # the exact bytes sent (and signed) on every attempt
    signature_header: tuple[str, str] | None = None  # (name, value) of the latest attempt
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def status(self) -> str:
        if not self.attempts:
            return "pending"
        return "delivered" if any(a.error is None for a in self.attempts) else "failed"

    def as_dict(self) -> dict[str, Any]:
        name, value = self.signature_header or (None, None)
        return {
            "id": self.id, "source": self.source, "eventId": self.event_id, "event": self.event_type,
            "target": self.target, "status": self.status, "payload": json.loads(self.payload),
            "signatureHeader": {"name": name, "value": value} if name else None,
            "attempts": [a.as_dict() for a in self.attempts],
        }


@runtime_checkable
class WebhookSource(Protocol):
    """A service state that sends signed webhooks (found by the control plane and dashboard)."""

    webhook_log: DeliveryLog

    def replay_webhook(self, delivery_id: str) -> dict[str, Any]:
        """Re-send one recorded delivery now; returns the delivery with its new attempts."""
        ...


@dataclass
class DeliveryLog:
    """Deliveries of one service state, oldest first; ids are unique within the log.

    Plain data (no clock, no lock inside), so a sandbox snapshot carries the log with the state
    it belongs to (snapshot.py encodes dataclasses of this module); the sender passes the
    sandbox time of each attempt.
    """

    source: str
    deliveries: dict[str, Delivery] = field(default_factory=dict)
    seq: int = 0

    def record(self, *, event_id: str, event_type: str, target: str, payload: bytes) -> Delivery:
        with _lock:
            self.seq += 1
            delivery = Delivery(f"dlv_{self.source}_{self.seq}", self.source, event_id, event_type, target, payload)
            self.deliveries[delivery.id] = delivery
        return delivery

    def get(self, delivery_id: str) -> Delivery:
        try:
            return self.deliveries[delivery_id]
        except KeyError:
            raise KeyError(f"delivery {delivery_id}") from None

    def __contains__(self, delivery_id: object) -> bool:
        return delivery_id in self.deliveries

    def all(self) -> list[Delivery]:
        with _lock:
            return list(self.deliveries.values())

    def attempt(self, client: Any, delivery: Delivery, sign: Signer, *, at: float, replay: bool = False) -> bool:
        """POST the delivery's bytes once (``client`` is an ``httpx.Client``) at sandbox time
        ``at``; record the outcome.

        2xx counts as delivered; any other status, a timeout or a refused connection is recorded
        with its reason and counts as a failed attempt.
        """
        import httpx

        name, value = sign(delivery.payload, int(at))
        headers = {"content-type": "application/json", name: value, "user-agent": USER_AGENT}
        started = time.perf_counter()
        status: int | None = None
        try:
            status = client.post(delivery.target, content=delivery.payload, headers=headers).status_code
            error = None if 200 <= status < 300 else f"HTTP {status}"
        except httpx.HTTPError as exc:
            error = type(exc).__name__
        duration = round((time.perf_counter() - started) * 1000, 3)
        with _lock:
            delivery.signature_header = (name, value)
            delivery.attempts.append(Attempt(at, status, error, duration, replay))
        return error is None


#: Guards every log's mutations (a replay runs on a worker thread next to the event loop).
_lock = threading.Lock()


class _States(Protocol):
    """What a sandbox namespace offers (namespace.py): its service states by key."""

    def state_keys(self) -> list[str]: ...

    def state(self, key: str) -> Any: ...


def sources(ns: _States) -> list[WebhookSource]:
    """Every service state of one namespace that sends signed webhooks."""
    states = [ns.state(key) for key in ns.state_keys()]
    return [st for st in states if isinstance(st, WebhookSource)]


def deliveries(ns: _States) -> list[dict[str, Any]]:
    """All deliveries of one namespace, per source oldest first."""
    return [d.as_dict() for src in sources(ns) for d in src.webhook_log.all()]


def replay(ns: _States, delivery_id: str) -> dict[str, Any]:
    """Re-send one delivery of this namespace (KeyError if it has no such delivery)."""
    for src in sources(ns):
        if delivery_id in src.webhook_log:
            return src.replay_webhook(delivery_id)
    raise KeyError(f"delivery {delivery_id}")
