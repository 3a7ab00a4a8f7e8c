"""The operation endpoint reads the ASGI scope itself; what it reads equals what Starlette's
``Request`` gave it before (the request log's path, the body, the headers)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from starlette.requests import ClientDisconnect, Request

from paywire.sandbox import _framework


def _scope(path: str, headers: list[tuple[bytes, bytes]] | None = None, server: Any = ("127.0.0.1", 8000),
           ) -> dict[str, Any]:
    return {"type": "http", "method": "GET", "scheme": "http", "path": path, "root_path": "", "query_string": b"",
            "headers": headers if headers is not None else [(b"host", b"127.0.0.1:8000")], "server": server}


SPECIAL = ["", "?", "#", "\\", "\t", "\r", "\n", "%", "%3F", " ", "é", "//", ";", "@", ":", "\x00", "\x7f"]


@pytest.mark.parametrize("host", [[(b"host", b"127.0.0.1:8000")], [(b"host", b"bad host:x")], []])
@pytest.mark.parametrize("server", [("127.0.0.1", 8000), ("::1", 80), None])
def test_logged_path_is_starlettes_url_path(host: list[tuple[bytes, bytes]], server: Any) -> None:
    for a in SPECIAL:
        for b in SPECIAL:
            for path in (f"/conxa/wallet/x{a}y{b}", f"/_ns/w1/conxa{a}/{b}", f"/{a}{b}", f"//{a}x{b}"):
                scope = _scope(path, host, server)
                assert _framework._url_path(scope) == Request(scope).url.path, repr(path)


def _receiver(messages: list[dict[str, Any]]) -> Any:
    queue = list(messages)

    async def receive() -> dict[str, Any]:
        return queue.pop(0)

    return receive


@pytest.mark.parametrize("chunks", [[b""], [b"{}"], [b"", b"{", b"", b"}"], [b"a" * 70_000, b"b"]])
def test_body_is_starlettes_request_body(chunks: list[bytes]) -> None:
    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    ours = asyncio.run(_framework._read_body(_receiver(messages)))
    theirs = asyncio.run(Request(_scope("/"), _receiver(messages)).body())
    assert ours == theirs == b"".join(chunks)


def test_a_client_gone_mid_body_is_starlettes_client_disconnect() -> None:
    messages = [{"type": "http.request", "body": b"{", "more_body": True}, {"type": "http.disconnect"}]
    with pytest.raises(ClientDisconnect):
        asyncio.run(_framework._read_body(_receiver(messages)))
