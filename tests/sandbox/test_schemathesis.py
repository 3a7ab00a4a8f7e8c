"""Property-based run of every spec against the sandbox (schemathesis, bounded, fixed seed).

For every operation of every pinned spec: generated requests (valid and edge-case values) must
never produce a 5xx, and every response must match its documented schema. The sandbox also
self-checks each response against the spec; the ``paywire_sandbox`` fixture fails the test on
any violation.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from _support.sandbox import auth_headers
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from paywire.sandbox._framework import spec_root
from paywire.sandbox.app import load_services

#: Examples per operation: small in the default run; `nox -s soak` raises it.
MAX_EXAMPLES = int(os.environ.get("PAYWIRE_FUZZ_EXAMPLES", "4"))


def make_test(svc: Any) -> Any:
    schema = schemathesis.openapi.from_path(str(spec_root() / svc.spec_file))
    service = svc.spec_file.split("/")[0]

    @schema.parametrize()
    @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    def test(case: Any, paywire_sandbox: Any) -> None:
        headers = auth_headers(service)
        if case.headers:
            headers = {**headers, **{k: v for k, v in case.headers.items() if k.lower() not in {h.lower() for h in headers}}}
        case.call_and_validate(base_url=paywire_sandbox.base_url(svc.name), headers=headers,
                               checks=[not_a_server_error, response_schema_conformance])

    return test


for _svc in load_services():
    globals()[f"test_{_svc.name.replace('-', '_')}_spec_fuzz"] = make_test(_svc)


def test_every_operation_has_a_sandbox_handler() -> None:
    missing = {svc.name: svc.missing_handlers() for svc in load_services() if svc.missing_handlers()}
    assert not missing


def test_every_spec_is_served() -> None:
    served = {svc.spec_file for svc in load_services()}
    specs = {f"{p.parent.name}/{p.name}" for p in spec_root().glob("*/*.yaml") if not p.name.endswith(".config.yaml")}
    assert specs <= served, f"specs without a sandbox service: {sorted(specs - served)}"


@pytest.fixture(autouse=True)
def _quiet() -> None:
    return None
