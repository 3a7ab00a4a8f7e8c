"""Soak: parallel workers, one namespace each, on one sandbox server (what pytest-xdist workers
sharing a server do); every charge lands in its own namespace exactly once, and snapshots of
busy namespaces round-trip. Prints its figures."""

from __future__ import annotations

import functools
import json
import time

import httpx
import pytest
from _support.concurrency import run_threads

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox.namespace import HEADER
from paywire.sandbox.server import run

WORKERS = 8
CHARGES = 150
CONXA = {"X-Provider-API-Key": sb_conxa.DEFAULT_API_KEY}


@pytest.mark.soak
def test_parallel_namespaces_stay_isolated_and_snapshots_round_trip() -> None:
    errors: list[str] = []
    with run() as sb:
        def worker(index: int) -> None:
            name = f"soak-{index}"
            view = sb.in_namespace(name)
            conn = view.state("conxa").approve(sb_conxa.DEFAULT_PROVIDER_ID, f"user{index}@example.com",
                                               sb_conxa.DEFAULT_WALLET_ID)
            headers = {**CONXA, HEADER: name, "X-Provider-Session": str(conn.session_token)}
            with httpx.Client(base_url=sb.server_url + "/conxa", timeout=30) as http:
                for n in range(CHARGES):
                    key = f"{name}-{n}"
                    body = {"model_name": "gpt-4", "input_tokens": 1, "output_tokens": 1}
                    for _ in range(2):  # each charge sent twice: the replay must not debit again
                        r = http.post("/charge/authorize", json=body, headers={**headers, "X-Idempotency-Key": key})
                        if r.status_code != 200:
                            errors.append(f"{key}: {r.status_code} {r.text[:100]}")

        t0 = time.perf_counter()
        run_threads(functools.partial(worker, i) for i in range(WORKERS))
        elapsed = time.perf_counter() - t0
        assert errors == []
        for i in range(WORKERS):
            ledger = sb.in_namespace(f"soak-{i}").state("conxa").ledger
            assert sorted(e.idempotency_key for e in ledger) == sorted(f"soak-{i}-{n}" for n in range(CHARGES))
        assert sb.sandbox.default.state("conxa").ledger == []

        sizes, takes, restores = [], [], []
        for i in range(WORKERS):
            view = sb.in_namespace(f"soak-{i}")
            t1 = time.perf_counter()
            snap = httpx.get(view.url + "/_sandbox/snapshot", timeout=30).json()
            t2 = time.perf_counter()
            copy = sb.in_namespace(f"copy-{i}")
            r = httpx.post(copy.url + "/_sandbox/restore", content=json.dumps(snap), timeout=30)
            t3 = time.perf_counter()
            assert r.status_code == 200, r.text
            assert copy.snapshot()["states"] == snap["states"]
            sizes.append(len(json.dumps(snap)))
            takes.append(t2 - t1)
            restores.append(t3 - t2)
    requests = WORKERS * CHARGES * 2
    print(f"\nnamespaces soak (2-core box): {WORKERS} workers x {CHARGES} charges x 2 sends = {requests} "
          f"requests in {elapsed:.1f} s ({requests / elapsed:.0f} req/s, spec checks on); 0 cross-namespace "
          f"debits; snapshot of a namespace with {CHARGES} charges: {max(sizes) / 1024:.0f} KiB, "
          f"GET {1000 * min(takes):.0f}-{1000 * max(takes):.0f} ms, POST restore {1000 * min(restores):.0f}-"
          f"{1000 * max(restores):.0f} ms (min-max over {WORKERS}; the first pays one-off imports)")
