"""``sandbox/service_kit.py``: the declarations every service sandbox shares, checked on the
services that use them (through the control plane, as a test or the dashboard would)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from paywire.sandbox.control_schemas import ControlInputError
from paywire.sandbox.conxa import conxa
from paywire.sandbox.lumen import lumen_v1
from paywire.sandbox.service_kit import control_object


@pytest.mark.parametrize("app", [lumen_v1, conxa], ids=lambda app: app.name)
def test_a_service_app_is_served_under_its_own_name(app: Any) -> None:
    assert app.prefix == f"/{app.name}"
    assert app.state_key == app.name
    assert app.spec_file.startswith(f"{app.name}/")
    assert not app.missing_handlers()


@pytest.mark.parametrize("body", [None, [], "seconds", 5])
def test_a_control_body_that_is_not_an_object_is_a_400_error(body: Any) -> None:
    with pytest.raises(ControlInputError, match="expected a JSON object"):
        control_object(body)
    with pytest.raises(ControlInputError):
        conxa.controls[("POST", "set_charge_latency")](object(), body)


@pytest.mark.parametrize(("action", "attribute"), [("set_min_poll_interval", "min_poll_interval"),
                                                   ("set_charge_latency", "charge_latency")])
def test_a_setting_control_applies_the_value_and_answers_it(paywire_sandbox: Any, action: str,
                                                            attribute: str) -> None:
    st = paywire_sandbox.state("conxa")
    r = httpx.post(f"{paywire_sandbox.url}/_sandbox/conxa/{action}", json={"seconds": 1.5})
    assert (r.status_code, r.json()) == (200, {attribute: 1.5})
    assert getattr(st, attribute) == 1.5
    refused = httpx.post(f"{paywire_sandbox.url}/_sandbox/conxa/{action}", json={"seconds": -1})
    assert refused.status_code == 400
    assert getattr(st, attribute) == 1.5
