"""The default test run also enforces lint (ruff) and types (mypy --strict on src/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean() -> None:
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "scripts", "bench", "noxfile.py"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_on_src_is_clean() -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_versions_table_matches_lock() -> None:
    import json

    from paywire._versions import API_VERSIONS

    lock = json.loads((ROOT / "openapi" / "lock.json").read_text())["clients"]
    table = {f"{svc}/{ver}": pkg for svc, versions in API_VERSIONS.items() for ver, pkg in versions.items()}
    assert table == {key: entry["package"] for key, entry in lock.items()}
