"""#14: SPAPS requests and answers go through the pinned version's generated code.

* The token refresh (manual ``auth.refresh_tokens()`` and the automatic one in the bearer flow)
  is built by the generated ``refresh_tokens.build_request`` of the pinned version and read by
  the sign-in token reader from the generated parser's typed answer.
* Every operation of each generated ``api.OPERATIONS`` index is sent by a flow written against
  that version's builder: the request a client sends matches the index's method and path.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import httpx
import pytest
import respx
from _spaps_helpers import NEW_ACCESS, REFRESH, call, tokens

from paywire.spaps import SpapsResponseValidationError
from paywire.spaps._contract import CONTRACTS, SpapsVersion
from paywire.spaps._refresh import _refresh_request
from paywire.spaps._signin import RefreshWire, refresh_wire
from paywire.spaps.tokens import StoredTokens

URL = "https://spaps.test"
VERSIONS = list(CONTRACTS)


def _refreshed(access: str = NEW_ACCESS, **extra: Any) -> httpx.Response:
    return httpx.Response(200, json={"success": True, "data": {"access_token": access, "expires_in": 900, **extra}})


@pytest.mark.parametrize("version", VERSIONS)
def test_refresh_wire_is_the_generated_builder_of_each_version(version: SpapsVersion) -> None:
    wire = refresh_wire(CONTRACTS[version])
    index = importlib.import_module(f"{CONTRACTS[version].package}.api").OPERATIONS["refresh_tokens"]
    assert wire.op.__name__ == index.module
    spec = wire.build("r-1")
    assert (spec["method"], spec["url"], spec["json"]) == (index.method, index.path, {"refresh_token": "r-1"})


@pytest.mark.parametrize("version", VERSIONS)
def test_refresh_answer_read_from_the_typed_model(version: SpapsVersion) -> None:
    wire = refresh_wire(CONTRACTS[version])
    used = StoredTokens("old-access-0123456789", "old-refresh-0123456789", None)
    stored = wire.tokens(_refreshed(token_type="Bearer"), used, now=1000.0)
    assert stored.access_token == NEW_ACCESS and stored.refresh_token == used.refresh_token  # not rotated
    assert stored.expires_at is not None and stored.expires_at.timestamp() == 1900.0
    rotated = wire.tokens(_refreshed(refresh_token="rotated-0123456789"), used, now=0.0)
    assert rotated.refresh_token == "rotated-0123456789"
    for malformed in ({"success": True, "data": {"expires_in": 900}},          # no access_token
                      {"success": True, "data": {"access_token": 5}},          # wrong type
                      {"access_token": NEW_ACCESS}):                             # no envelope
        with pytest.raises(SpapsResponseValidationError):
            wire.tokens(httpx.Response(200, json=malformed), used, now=0.0)


def test_automatic_refresh_request_comes_from_the_wire() -> None:
    """The bearer flow's refresh request is what the wire's generated builder says."""
    seen: list[str] = []

    def build(token: str) -> dict[str, Any]:
        seen.append(token)
        return {"method": "post", "url": "/api/auth/refresh-elsewhere", "json": {"refresh_token": token},
                "headers": {"Content-Type": "application/json"}}

    wire = RefreshWire("2026-10", refresh_wire().op, build, refresh_wire().read)
    original = httpx.Request("GET", "https://api.test/prefix/api/sessions/current")
    request = _refresh_request(original, "r-2", wire)
    assert seen == ["r-2"] and request.method == "POST"
    assert request.url.raw_path == b"/prefix/api/auth/refresh-elsewhere"
    assert json.loads(request.content) == {"refresh_token": "r-2"}
    assert request.headers["content-type"] == "application/json"


@pytest.mark.parametrize("version", VERSIONS)
async def test_manual_and_automatic_refresh_send_the_generated_request(make: Any, version: str) -> None:
    with respx.mock(base_url=URL, assert_all_called=False) as mock:
        route = mock.post("/api/auth/refresh").mock(side_effect=lambda request: _refreshed())
        current = {"success": True, "data": {"session": {"id": "sess_1", "user_id": "usr_1"}}}
        mock.get("/api/sessions/current").mock(return_value=httpx.Response(200, json=current))
        client = make(base_url=URL, api_version=version)
        client.set_tokens(tokens(expires_in=-60))  # expired: the next call refreshes first
        await call(client.sessions.get_current_session)
        result = await call(client.auth.refresh_tokens)
    assert route.call_count == 2
    for sent in route.calls:
        assert json.loads(sent.request.content) == {"refresh_token": REFRESH}
        assert sent.request.headers["content-type"] == "application/json"
    assert result.access_token == NEW_ACCESS and client.get_tokens().refresh_token == REFRESH
