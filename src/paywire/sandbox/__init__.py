"""paywire sandbox: a local, stateful emulator of SPAPS, Lumen, Vellum and CONXA.

    with paywire.sandbox.run() as sb:
        sb.base_url("vellum-v1")   # http://127.0.0.1:<port>/vellum
        sb.state("conxa").approve(...)
        vellum = sb.client("vellum", api_version="v1")   # ready client, seeded keys, closed on exit
        other = sb.in_namespace("worker-2")              # an isolated world on the same server
        saved = sb.snapshot()                            # versioned JSON; sb.restore(saved)

Needs the ``sandbox`` extra (starlette, uvicorn, openapi-core). See ``paywire sandbox --help``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paywire.sandbox.app import Sandbox
    from paywire.sandbox.server import RunningSandbox, run

__all__ = ["RunningSandbox", "Sandbox", "run"]


def __getattr__(name: str) -> Any:
    # Lazy: importing paywire.sandbox must not pull in uvicorn/starlette until used.
    if name in ("run", "RunningSandbox"):
        from paywire.sandbox import server

        return getattr(server, name)
    if name == "Sandbox":
        from paywire.sandbox.app import Sandbox

        return Sandbox
    raise AttributeError(name)
