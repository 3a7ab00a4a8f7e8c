"""Start-up keeps each service's implementation out until it is used (issue #16).

The server routes by each ServiceApp's name, prefix and spec only; a service's handler,
control and state modules load on its first request, control or state access. Pinned here for
every service the sandbox serves (enumerated from the running sandbox, not listed): nothing of
a service is imported after ``run()``; one request loads it; and every answer equals the answer
of a sandbox whose services were all loaded before it started. Each check runs in a fresh
interpreter (this test process has long imported every service).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from paywire.sandbox import control_schemas
from paywire.sandbox._framework import Clock
from paywire.sandbox.app import load_services

# For every service: one request to each GET operation of its spec but the metrics, with every
# service's seeded credentials (given by the test: reading them here would load the services) and ``x`` for
# each path parameter but the Vellum tenant. The answer's volatile parts (SPAPS's random
# request ids and clock timestamps) are dropped.
_SCRIPT = r"""
import json, re, sys
import httpx
import paywire.sandbox
from paywire.sandbox.app import load_services

eager = sys.argv[1] == "eager"
headers, tenant = json.loads(sys.argv[2]), sys.argv[3]
if eager:
    for svc in load_services():
        svc.ensure_loaded()

IMPLEMENTATION = (".handlers", ".controls", ".state", ".exports")

def loaded_modules():
    return sorted(m for m in sys.modules if m.startswith("paywire.sandbox.")
                  and any(part in m for part in IMPLEMENTATION))

def stable(body):
    if isinstance(body, dict):
        return {k: stable(v) for k, v in body.items() if k not in ("request_id", "timestamp")}
    return body

out = {"answers": {}, "loaded_before": {}, "loaded_after": {}}
with paywire.sandbox.run() as sb:
    services = sb.sandbox.services
    out["modules_at_start"] = loaded_modules()
    with httpx.Client() as client:
        for name, svc in services.items():
            out["loaded_before"][name] = svc.loaded
            for method, path, op_id in svc.operations():
                if method != "GET" or "metrics" in op_id:  # process memory and uptime: never equal
                    continue
                url = re.sub(r"\{(\w+)\}", lambda m: tenant if m[1] == "tenantId" else "x", path)
                r = client.get(sb.server_url + svc.prefix + url, headers=headers)
                try:
                    body = stable(r.json())
                except ValueError:
                    body = r.text
                out["answers"][f"{name} {op_id}"] = [r.status_code, body]
            out["loaded_after"][name] = svc.loaded
    out["modules_at_end"] = loaded_modules()
print(json.dumps(out))
"""


def _run(mode: str) -> dict[str, object]:
    from paywire.sandbox import conxa, lumen, spaps, vellum

    headers = {"X-API-Key": spaps.DEFAULT_API_KEY, "Authorization": f"Bearer {lumen.DEFAULT_API_KEY}",
               "x-api-key": vellum.DEFAULT_API_KEY, "X-Provider-API-Key": conxa.DEFAULT_API_KEY}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, mode, json.dumps(headers), vellum.DEFAULT_TENANT],
                          capture_output=True, text=True, check=True, timeout=120)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_services_load_on_first_request_and_answer_as_if_loaded_at_start() -> None:
    lazy, eager = _run("lazy"), _run("eager")
    services = [svc.name for svc in load_services()]

    assert lazy["modules_at_start"] == []
    assert lazy["loaded_before"] == dict.fromkeys(services, False)
    assert eager["loaded_before"] == dict.fromkeys(services, True)
    # a request that reached a handler (each service has one here) loaded its service
    assert lazy["loaded_after"] == dict.fromkeys(services, True)
    modules_at_end = lazy["modules_at_end"]
    assert isinstance(modules_at_end, list)
    for package in ("spaps", "lumen", "vellum", "conxa"):
        assert f"paywire.sandbox.{package}.handlers" in modules_at_end
        assert f"paywire.sandbox.{package}.state" in modules_at_end

    answers = lazy["answers"]
    assert isinstance(answers, dict)
    assert answers  # the requests were made
    assert answers == eager["answers"]


def test_control_routes_declared_up_front_are_the_controls_each_service_registers() -> None:
    """The control plane's routes are built from the schema table before any service loads;
    once loaded, each service's registered controls are exactly those routes."""
    for svc in load_services():
        assert sorted(svc.controls) == sorted(control_schemas.service_controls(svc.name)), svc.name


def test_a_state_first_used_after_the_clock_moved_was_made_before_it_moved() -> None:
    """States are made on first use, but the clock moving first makes the missing ones at the
    old sandbox time: a lazily made state is seeded when an eager reset() would have seeded it."""
    from paywire.sandbox.app import Sandbox

    sandbox = Sandbox()
    made_at: dict[str, float] = {}

    def recording(key: str, factory: Callable[[Clock], Any]) -> Callable[[Clock], Any]:
        def make(clock: Clock) -> Any:
            made_at[key] = clock.now()
            return factory(clock)

        return make

    sandbox.factories = {key: recording(key, f) for key, f in sandbox.factories.items()}
    ns = sandbox.namespace("lazy-clock-moved")
    assert made_at == {}  # nothing made by reset()
    start = ns.clock.now()
    ns.clock.advance(40 * 86400)
    assert sorted(made_at) == sorted(ns.state_keys())
    assert all(t < start + 86400 for t in made_at.values())
    for key in ns.state_keys():
        before = made_at[key]
        assert ns.state(key) is ns.state(key)
        assert made_at[key] == before  # not made again

    ns.reset("lumen")  # one service's reset: made afresh on next use, at that moment
    assert ns.state("lumen") is not None
    assert made_at["lumen"] >= start + 40 * 86400
