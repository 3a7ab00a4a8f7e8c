"""Long runs kept out of the default suite (`nox -s soak` runs them): ``-m soak``.

The default suite already proves exactly-once charging with 1,000 charges; the soak repeats the
same scenario at 10x, async, to shake out rare interleavings.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conxa"))
import test_conxa_exactly_once as proof

pytestmark = pytest.mark.soak


async def test_exactly_once_soak_ten_thousand_charges(paywire_sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(proof, "CHARGES", 10_000)
    await proof.test_exactly_once_under_faults(paywire_sandbox, "async")
