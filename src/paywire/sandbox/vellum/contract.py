"""Which Vellum contract the sandbox serves a call under: the facade's own table.

Both API versions are one handler per operation; where they differ, the handler or view asks
the pinned contract's named feature (``contract.has("ref_handles")``), from the same table the
facade uses (:mod:`paywire.vellum._contract`). That table is imported on first use, not at
import: importing it runs ``paywire.vellum``'s ``__init__``, which loads the client stack
(httpx and the facade, ~0.3 s on the 2-core dev VM), and the sandbox's start-up is a tracked
figure. The first Vellum request of a process pays it once (in tests it is already loaded).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paywire.vellum._contract import Contract


@cache
def contract_for(version: str | None = None) -> Contract:
    """The pinned contract of ``version`` (None: the newest, what calls outside any request
    render events in)."""
    from paywire.vellum._contract import contract_for as lookup

    return lookup(version)
