"""A minimal keep-alive HTTP/1.1 server for the entitlement figures.

It answers every ``GET /tenants/<t>/customers/<c>/entitlements`` with one canned JSON body, so
the figures measure the *clients* (connection reuse, parsing, SDK overhead), not a server's
business logic. ``GET /_count`` returns how many entitlement requests it has served;
``DELETE /_count`` resets it; under ``/slow/`` every entitlement answer takes 10 ms more. Run: ``python bench/minimal_server.py PORT [CERT KEY]`` (with a
certificate and key it serves HTTPS, like a production API).
"""

from __future__ import annotations

import asyncio
import json
import sys

BODY = json.dumps({"status": "active", "modules": ["imports", "exports"], "config": {"trial_days": 14}}).encode()
count = 0


def response(status: str, body: bytes) -> bytes:
    return (f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n"
            "connection: keep-alive\r\n\r\n").encode() + body


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    global count
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            line, _, rest = head.partition(b"\r\n")
            method, path, _ = line.decode().split(" ", 2)
            length = 0
            for header in rest.split(b"\r\n"):
                if header.lower().startswith(b"content-length:"):
                    length = int(header.split(b":", 1)[1])
            if length:
                await reader.readexactly(length)
            if path.startswith("/_count"):
                if method == "DELETE":
                    count = 0
                writer.write(response("200 OK", json.dumps({"count": count}).encode()))
            elif path.endswith("/entitlements"):
                count += 1
                if path.startswith("/slow/"):  # the latency figure: a server taking 10 ms
                    await asyncio.sleep(0.010)
                writer.write(response("200 OK", BODY))
            else:
                writer.write(response("404 Not Found", b'{"error":"not found"}'))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main(port: int, cert: str | None = None, key: str | None = None) -> None:
    tls = None
    if cert and key:
        import ssl

        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(cert, key)
    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024, ssl=tls)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), *sys.argv[2:4]))
