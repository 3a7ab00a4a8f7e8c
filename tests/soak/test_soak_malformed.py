"""Soak for issue #13 item 6: the whole malformed-answer corpus, every leaf of every schema, plus
seeded random damage, over every facade method in both flavours. Prints its figures."""

from __future__ import annotations

import json
import random
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

import _malformed as m

pytestmark = pytest.mark.soak

SEED = 20261205
RANDOM_PER_OPERATION = 12


def _damaged(rng: random.Random, valid: bytes, schema_ok: Callable[[object], bool]) -> list[m.Case]:
    """Seeded random damage to a valid body: cuts, byte flips, junk, deep nesting, bad literals."""
    text = valid.decode()
    out = []
    for i in range(RANDOM_PER_OPERATION):
        kind = rng.choice(["cut", "flip", "junk", "nest", "literal", "prefix"])
        if kind == "cut":
            body = valid[: rng.randrange(0, max(len(valid) - 1, 1))]
        elif kind == "flip":
            raw = bytearray(valid)
            for _ in range(rng.randint(1, 3)):
                raw[rng.randrange(len(raw))] = rng.choice(b'{}[]",:\\x\x00\xff')
            body = bytes(raw)
        elif kind == "junk":
            body = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif kind == "nest":
            depth = rng.choice([500, 5_000, 50_000, 200_000])
            body = (b"[" * depth) + valid + (b"]" * depth)
        elif kind == "literal":
            body = text.replace(":", ": " + rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "9" * 4400]) + ", \"_\":", 1).encode()
        else:
            body = rng.choice([b"<!doctype html>", b"\xef\xbb\xbf", b")]}',\n"]) + valid
        try:  # damage can leave valid JSON the schema accepts (a flipped letter in a string)
            acceptable = schema_ok(m.STRICT.decode(body.decode("utf-8")))
        except (ValueError, RecursionError):
            acceptable = False
        out.append(m.Case(f"random-{kind}-{i}", body, acceptable=None if acceptable else False))
    return out


def test_soak_malformed_response_matrix() -> None:
    rng = random.Random(SEED)
    corpora: dict[tuple[str, str], list[m.Case]] = {}

    def cases_for(spec: str):  # type: ignore[no-untyped-def]
        def cases(success: m.Success) -> list[m.Case]:
            key = (spec, success.operation)
            if key not in corpora:
                full = m.corpus(spec, success, all_leaves=True)
                valid = next((c for c in full if c.label == "valid"), None)
                damaged = [] if valid is None or success.json_schema is None else _damaged(
                    rng, valid.content, m.validator(spec, success.json_schema).is_valid)
                corpora[key] = full + damaged
            return corpora[key]
        return cases

    started = time.perf_counter()
    total = raw = validation = accepted = methods = 0
    found: list[str] = []
    for target in m.TARGETS:
        for dotted, api in m.public_methods(target.flavours[0]):
            for flavour in (0, 1):
                try:
                    results = m.run(target, flavour, dotted, cases_for(target.spec))
                except KeyError:
                    assert not api
                    continue
                methods += bool(results)
                for case, outcome in results:
                    total += 1
                    if outcome.error is not None and not isinstance(outcome.error, m.paywire.PaywireError):
                        raw += 1
                    elif isinstance(outcome.error, m.paywire.ResponseValidationError):
                        validation += 1
                    elif outcome.error is None:
                        accepted += 1
                    found += m.problems(target, dotted, case, outcome)
    elapsed = time.perf_counter() - started
    print(f"\nmalformed-response matrix: {total} cases -> {raw} raw exceptions "
          f"({methods} method x flavour x contract combinations, {len(corpora)} operations; "
          f"{validation} ResponseValidationError, {accepted} accepted as valid; {elapsed:.1f} s)")
    assert not found, "\n".join(found[:30])
    assert raw == 0, "\n".join(found[:30])


def test_soak_checker_cost_per_call() -> None:
    """What strict decoding + the model check add to a success answer, per call (this box)."""
    from paywire_gen_conxa_v1.api.charges import authorize_charge
    from paywire_gen_vellum_v2.api.entitlements import get_entitlements

    from paywire._core.decode import check_model, decode_json, parse_success

    rows = []
    for op, body in ((authorize_charge, b'{"approved": true, "new_balance": 4200}'),
                     (get_entitlements, b'{"status": "active", "modules": ["imports", "exports"], '
                                        b'"config": {"trial_days": 14}, "hasAccess": true}')):
        response = httpx.Response(200, content=body, headers={"content-type": "application/json"})
        parsed = parse_success(op, response)

        def raw_json(r: httpx.Response = response) -> object:
            return json.loads(r.content)

        def strict(r: httpx.Response = response) -> object:
            r.extensions.clear()
            return decode_json(r)

        def full(r: httpx.Response = response, op: Any = op) -> object:
            r.extensions.clear()
            return parse_success(op, r)

        def check(p: object = parsed) -> object:
            return check_model(p)

        def best(fn: object) -> float:
            return min(timeit.repeat(fn, number=20_000, repeat=5)) / 20_000 * 1e6  # type: ignore[arg-type]

        rows.append((op.__name__.rsplit(".", 1)[-1], best(raw_json), best(strict), best(check), best(full)))
    for name, raw_us, strict_us, check_us, full_us in rows:
        print(f"\nchecker cost {name}: json.loads {raw_us:.2f} us, strict decode {strict_us:.2f} us, "
              f"model check {check_us:.2f} us, decode+generated from_dict+check {full_us:.2f} us per call")
    assert all(check_us < 20 for _, _, _, check_us, _ in rows)
