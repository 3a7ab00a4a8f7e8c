"""Which Vellum contract the sandbox serves a call under: the facade's own feature table.

Both API versions are one handler per operation; where they differ, the handler or view asks
the pinned contract's named feature (``contract.has("ref_handles")``), from the table the facade's
contracts are built on (:mod:`paywire._features`). That module imports nothing, so the sandbox
never loads the client stack to answer a call.
"""

from __future__ import annotations

from functools import cache

from paywire._features import PinnedFeatures, pinned_features

#: one pinned Vellum contract, as the sandbox sees it
Contract = PinnedFeatures


@cache
def contract_for(version: str | None = None) -> Contract:
    """The pinned contract of ``version`` (None: the newest, what calls outside any request
    render events in)."""
    return pinned_features("vellum", version)
