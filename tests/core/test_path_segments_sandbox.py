"""Issue #13.2 over real HTTP against the sandbox: the reported bug (``customer_id=".."``
suspending the account) cannot happen any more, and an odd but valid id reaches the sandbox as
the very same id, in one segment."""

from __future__ import annotations

from typing import Any

import pytest

from paywire.sandbox.vellum import DEFAULT_API_KEY, DEFAULT_TENANT
from paywire.vellum import VellumClient, VellumValidationError

ACCT = "acct_1"
ODD = "unit ä%2e~;x?y#z"  # space, unicode, an encoded-looking dot, ? and #: one segment each way


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_dotdot_customer_no_longer_suspends_the_account(paywire_sandbox: Any, version: str) -> None:
    state = paywire_sandbox.state("vellum")
    with VellumClient(api_key=DEFAULT_API_KEY, tenant_id=DEFAULT_TENANT, api_version=version,
                      base_url=paywire_sandbox.base_url(f"vellum-{version}")) as client:
        client.create_account(account_id=ACCT, email="billing@acme.example")
        client.create_customer(account_id=ACCT, customer_id=ODD, email="odd@acme.example")
        tenant = state.tenant(DEFAULT_TENANT)
        assert state.customer_of(tenant, ACCT, ODD).customer_id == ODD  # stored under the exact id

        for bad in ("..", ".", ""):
            with pytest.raises(VellumValidationError):
                client.set_customer_status(account_id=ACCT, customer_id=bad, status="suspended")
        assert state.account(tenant, ACCT).status == "active"

        done = client.set_customer_status(account_id=ACCT, customer_id=ODD, status="suspended")
        assert done["customerId"] == ODD and done["status"] == "suspended"
        assert state.customer_of(tenant, ACCT, ODD).status == "suspended"
        assert state.account(tenant, ACCT).status == "active"
