"""The fast-check parity corpus in full (every mutant of every operation), for ``nox -s soak``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.soak
@pytest.mark.timeout(3600)
def test_soak_fast_check_parity_full_corpus() -> None:
    t0 = time.monotonic()
    # The default-suite test file with its mutant cap lifted (0 = judge every case).
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(ROOT / "tests/sandbox/test_fast_check_parity.py")],
                          env={**os.environ, "PAYWIRE_PARITY_MUTANTS": "0"},
                          capture_output=True, text=True, cwd=ROOT)
    print(f"\nfast-check parity, full corpus: {proc.stdout.strip().splitlines()[-1]} "
          f"({time.monotonic() - t0:.0f} s)")
    assert proc.returncode == 0, proc.stdout[-3000:]
