"""Stateful fuzzing (#16.9): schemathesis scenarios that follow links between operations
(create -> read -> update/delete) over every pinned spec, against the sandbox over real HTTP.

Goal: 0 responses with a 5xx and 0 responses that break their spec, in every scenario.

Links come from two places:

* **Inferred** by schemathesis' dependency analysis where the spec's shapes make the producer
  obvious (both Vellum versions: ids in the create responses match the path parameters).
* **Declared here** (:data:`LINKS`) where inference finds nothing because the answers are
  wrapped (SPAPS ``{"data": {...}}``) or the value moves between differently named fields. Each
  one states how the real API is used by its own SDK (the id a create returns is the one the
  read takes), so they are candidates for the specs' ``links`` once the spec owners agree; they
  are injected into an in-memory copy of the spec so no generated client changes.

Each scenario starts from the freshly seeded state of this test's namespace (so hypothesis can
replay and shrink it), with the seeded credentials (SPAPS: also a signed-in user's bearer; Vellum:
the seeded key's tenant). Figures are printed per spec.
"""

from __future__ import annotations

import copy
import os
import time
from collections import Counter
from typing import Any

import httpx
import pytest
import schemathesis
from _support.sandbox import auth_headers
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from paywire.sandbox._framework import load_spec, spec_root
from paywire.sandbox.app import load_services

pytestmark = pytest.mark.soak

SCENARIOS = int(os.environ.get("PAYWIRE_STATEFUL_SCENARIOS", "60"))
STEPS = int(os.environ.get("PAYWIRE_STATEFUL_STEPS", "8"))

# (source operationId, status, link name, target operationId, parameters)
Link = tuple[str, str, str, str, dict[str, str]]
_SPAPS: list[Link] = [
    ("create_crypto_invoice", "200", "GetInvoice", "get_crypto_invoice",
     {"path.invoice_id": "$response.body#/data/invoice/id"}),
    ("create_crypto_invoice", "200", "GetInvoiceStatus", "get_crypto_invoice_status",
     {"path.invoice_id": "$response.body#/data/invoice/id"}),
    ("create_guest_checkout_session", "200", "GetGuestSession", "get_guest_checkout_session",
     {"path.session_id": "$response.body#/data/id"}),
    ("add_whitelist_entry", "201", "UpdateEntry", "update_whitelist_entry",
     {"path.email": "$response.body#/data/entry/email"}),
    ("add_whitelist_entry", "201", "RemoveEntry", "remove_whitelist_entry",
     {"path.email": "$response.body#/data/entry/email"}),
    ("list_products", "200", "GetProduct", "get_product", {"path.product_id": "$response.body#/data/products/0/id"}),
]
LINKS: dict[str, list[Link]] = {
    "spaps": _SPAPS,
    "spaps-2026-10": [*_SPAPS,
                      ("create_checkout_session", "200", "GetSession", "get_checkout_session",
                       {"path.session_id": "$response.body#/data/id"}),
                      ("create_checkout_session", "200", "ExpireSession", "expire_checkout_session",
                       {"path.session_id": "$response.body#/data/id"})],
    "lumen": [
        ("enroll_user", "200", "Entitlements", "get_entitlements",
         {"path.customerId": "$response.body#/subscription/customerId"}),
        ("enroll_user", "200", "SeatUsage", "get_seat_usage",
         {"path.customerId": "$response.body#/subscription/customerId"}),
        ("create_free_subscription", "200", "Entitlements", "get_entitlements",
         {"path.customerId": "$response.body#/subscription/customerId"}),
    ],
    # The session token the status poll hands out is what a charge presents.
    "conxa": [("get_session_status", "200", "Charge", "authorize_charge",
               {"header.X-Provider-Session": "$response.body#/session_token"})],
}


def spaps_access_token(base_url: str, headers: dict[str, str]) -> str:
    from paywire.sandbox import spaps as sb_spaps

    r = httpx.post(base_url + "/api/auth/login", headers=headers,
                   json={"email": sb_spaps.DEFAULT_USER_EMAIL, "password": sb_spaps.DEFAULT_USER_PASSWORD})
    assert r.status_code == 200, r.text
    token: str = r.json()["data"]["access_token"]
    return token


def with_links(spec: dict[str, Any], links: list[Link]) -> dict[str, Any]:
    """A copy of ``spec`` with ``links`` added to the named responses (a $ref'd response is
    inlined first, so a link never leaks to other operations sharing it)."""
    spec = copy.deepcopy(spec)
    ops = {op["operationId"]: op for item in spec["paths"].values() for op in item.values()
           if isinstance(op, dict) and "operationId" in op}
    for source, status, name, target, params in links:
        assert target in ops, f"link target {target} is not in the spec"
        responses = ops[source]["responses"]
        response = responses[status]
        if "$ref" in response:
            response = copy.deepcopy(spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]])
            responses[status] = response
        response.setdefault("links", {})[name] = {"operationId": target, "parameters": params}
    return spec


def make_test(svc: Any) -> Any:
    def test(paywire_sandbox: Any) -> None:
        service = svc.spec_file.split("/")[0]
        spec = with_links(load_spec(spec_root() / svc.spec_file), LINKS.get(svc.name, []))
        schema = schemathesis.openapi.from_dict(spec)
        machine = schema.as_state_machine()
        links = schema.statistic.transitions.total
        assert links > 0, f"{svc.name}: no links, so no stateful scenario"
        base_url, headers = paywire_sandbox.base_url(svc.name), auth_headers(service)
        statuses: Counter[int] = Counter()
        operations: set[str] = set()
        problems: list[str] = []
        violations: list[str] = []

        class Scenario(machine):  # type: ignore[misc, valid-type]
            def setup(self) -> None:
                # Every scenario starts from the seeded state: hypothesis replays and shrinks
                # scenarios, which needs the same answers to the same calls (state carried over
                # from an earlier scenario made CONXA's bundles differ: FlakyStrategyDefinition).
                super().setup()
                violations.extend(paywire_sandbox.response_violations)  # reset clears them
                paywire_sandbox.reset()
                if service == "spaps":  # most SPAPS operations act for a signed-in user, as the SDK does
                    headers["Authorization"] = f"Bearer {spaps_access_token(base_url, auth_headers(service))}"

            def before_call(self, case: Any) -> None:
                case.headers = {**(case.headers or {}), **headers}
                if service == "vellum" and case.path_parameters and "tenantId" in case.path_parameters:
                    case.path_parameters["tenantId"] = "sam"  # the only tenant the seeded key may act for

            def get_call_kwargs(self, case: Any) -> dict[str, Any]:
                return {"base_url": base_url}

            def validate_response(self, response: Any, case: Any, additional_checks: Any = None,
                                  **kwargs: Any) -> None:
                statuses[response.status_code] += 1
                operations.add(case.operation.label)
                try:
                    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
                except Exception as exc:  # counted and reported together below, not one at a time
                    problems.append(f"{case.operation.label} -> {response.status_code}: {str(exc)[:400]}")

        started = time.perf_counter()
        run_state_machine_as_test(Scenario, settings=settings(
            max_examples=SCENARIOS, stateful_step_count=STEPS, deadline=None, derandomize=True,
            suppress_health_check=list(HealthCheck)))
        elapsed = time.perf_counter() - started
        calls = sum(statuses.values())
        server_errors = sum(n for code, n in statuses.items() if code >= 500)
        violations.extend(paywire_sandbox.response_violations)
        by_class = dict(sorted(Counter(f"{code // 100}xx" for code in statuses.elements()).items()))
        print(f"\n{svc.name}: {links} links ({len(LINKS.get(svc.name, []))} declared), {SCENARIOS} scenarios "
              f"x <= {STEPS} steps, {calls} calls over {len(operations)} operations in {elapsed:.1f} s "
              f"({calls / elapsed:.0f} calls/s); statuses {by_class}; 5xx: {server_errors}; "
              f"check failures: {len(problems)}; sandbox self-check violations: {len(violations)}")
        assert not problems, "\n".join(problems[:20])
        assert server_errors == 0 and not violations, violations[:20]

    return test


for _svc in load_services():
    globals()[f"test_stateful_{_svc.name.replace('-', '_')}"] = make_test(_svc)
