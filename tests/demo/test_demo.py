"""`paywire demo` (README command #1) runs end to end, fast, and leaves its artefacts."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conxa"))
from _conxa_helpers import decode_data_url


def test_paywire_demo_runs_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "paywire-demo"
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "paywire", "demo", "--output", str(out)],
                          capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - t0
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = proc.stdout
    for section in ("SPAPS", "Vellum", "Lumen", "CONXA"):
        assert f"== {section}" in text
    assert "1 debit" in text and "signature verified" in text and "counted once" in text
    assert "steps passed" in text
    # artefacts: persisted tokens (0600) and a QR that decodes to the connect payload
    tokens = out / "spaps-tokens.json"
    assert tokens.stat().st_mode & 0o777 == 0o600
    assert json.loads(tokens.read_text())  # a JSON token record
    png = (out / "connect.png").read_bytes()
    payload, _, _ = decode_data_url("data:image/png;base64," + base64.b64encode(png).decode())
    assert json.loads(payload)["provider_username"] == "demo@example.com"
    assert "<svg" in (out / "connect.svg").read_text()
    assert elapsed < 60  # generous for CI; the README promises < 30 s on the dev machine
