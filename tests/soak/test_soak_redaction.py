"""Issue #13.9 soak: 10,000 real SPAPS token refreshes, then a server error echoing the API key
and the live tokens: none of them may surface, and the registry holds only what is alive."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_redaction_lifetime import run_spaps_refreshes

from paywire._core.redact import registered_count

pytestmark = pytest.mark.soak

REFRESHES = 10_000


def test_ten_thousand_real_refreshes_forget_nothing_alive() -> None:
    client, error, elapsed = run_spaps_refreshes(REFRESHES)
    try:
        text = " ".join((str(error), repr(error), str(error.code), str(error.request_id)))
        leaked = [s for s in ("spaps_key_RefreshSurvivor_77", f"at_issued_{REFRESHES + 1:06d}_qq") if s in text]
        gc.collect()
        size = registered_count()
        print(f"\n{REFRESHES} SPAPS refreshes in {elapsed:.1f} s ({elapsed / REFRESHES * 1e3:.2f} ms per "
              f"refresh+call); secrets registered afterwards: {size}; leaked: {len(leaked)}")
        assert leaked == []
        assert size < 2_000
    finally:
        client.close()
