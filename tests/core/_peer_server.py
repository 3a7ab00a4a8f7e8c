"""A raw keep-alive HTTP/1.1 server for the pool tests, run in its own process.

Every response is JSON naming the connection it came over: ``{"peer": <client port>,
"conn": <connection number>, "path": ..., "tag": <X-Tag header>, "pad": ...}``, so a test can
tell which socket a request used and whether it got its own response (``tag``). ``pad``
makes bodies large enough (``?pad=N`` bytes) that crossed reads show as mixed or truncated JSON.

``--idle-timeout S`` emulates a server's keep-alive timeout racing the client: a request that
arrives on a connection idle for at least S seconds is not answered; the connection is closed
(what uvicorn's timer does when it fires just as the request arrives). Requests that reached
the server are counted per method at ``GET /_count``.

Run: ``python _peer_server.py [--idle-timeout S]``; prints the port on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter

counts: Counter[str] = Counter()
connections = 0


def response(body: bytes) -> bytes:
    return (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, idle_timeout: float | None) -> None:
    global connections
    connections += 1
    conn = connections
    peer = writer.get_extra_info("peername")[1]
    idle_since = time.monotonic()
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            if idle_timeout is not None and time.monotonic() - idle_since >= idle_timeout:
                return  # the idle timer won: close without reading or answering the request
            line, _, rest = head.partition(b"\r\n")
            method, target, _ = line.decode().split(" ", 2)
            headers = {}
            for raw in rest.split(b"\r\n"):
                if b":" in raw:
                    name, value = raw.split(b":", 1)
                    headers[name.strip().lower().decode()] = value.strip().decode()
            length = int(headers.get("content-length", "0"))
            if length:
                await reader.readexactly(length)
            path, _, query = target.partition("?")
            if path == "/_count":
                body = json.dumps(dict(counts)).encode()
            else:
                counts[method] += 1
                pad = int(query.split("pad=", 1)[1]) if "pad=" in query else 0
                body = json.dumps({"peer": peer, "conn": conn, "path": path, "tag": headers.get("x-tag"),
                                   "pad": "x" * pad}).encode()
            writer.write(response(body))
            await writer.drain()
            idle_since = time.monotonic()
    except (asyncio.IncompleteReadError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main(idle_timeout: float | None) -> None:
    server = await asyncio.start_server(lambda r, w: handle(r, w, idle_timeout), "127.0.0.1", 0, backlog=512)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle-timeout", type=float, default=None)
    asyncio.run(main(parser.parse_args().idle_timeout))
