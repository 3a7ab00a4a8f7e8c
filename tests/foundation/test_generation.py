"""Generated clients are reproducible, locked, importable and typed (issue: foundation §3)."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "scripts" / "generate.py"
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402

CLIENTS = generate.discover()


def run_generate(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PAYWIRE_GEN_TOOLS=str(generate.TOOLS))
    return subprocess.run([sys.executable, str(root / "scripts" / "generate.py"), *args],
                          capture_output=True, text=True, env=env, timeout=600)


def test_lock_records_every_client() -> None:
    lock = json.loads((ROOT / "openapi" / "lock.json").read_text())["clients"]
    assert set(lock) == {c.key for c in CLIENTS}
    for client in CLIENTS:
        entry = lock[client.key]
        spec = yaml.safe_load(client.spec.read_text())
        assert entry["package"] == client.package == generate.package_name(client.service, client.version)
        assert entry["api_version"] == str(spec["info"]["version"])
        assert entry["generator"] == f"openapi-python-client=={generate.GENERATOR_VERSION}"
        assert entry["ruff"] == f"ruff=={generate.RUFF_VERSION}"
        assert entry["spec"] == f"openapi/{client.key}.yaml"


def test_quick_drift_check_passes() -> None:
    """Specs, configs and generated trees all match the lock (no generator run needed)."""
    assert generate.quick_problems() == []


def test_regeneration_is_byte_identical() -> None:
    """Regenerating every client from its spec reproduces generated/ byte for byte."""
    proc = run_generate("--check")
    assert proc.returncode == 0, proc.stderr


def test_changed_spec_without_regenerating_is_caught_naming_the_client(tmp_path: Path) -> None:
    for name in ("scripts", "openapi", "generated"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    spec_path = tmp_path / "openapi" / "conxa" / "v1.yaml"
    text = spec_path.read_text()
    assert "new_balance" in text
    spec_path.write_text(text.replace("new_balance", "balance_after", 1))

    stale = run_generate("--check", "--quick", root=tmp_path)
    assert stale.returncode == 1
    assert "paywire_gen_conxa_v1" in stale.stderr and "changed since generation" in stale.stderr
    assert "paywire_gen_vellum_v1" not in stale.stderr

    fixed = run_generate("--only", "conxa/v1", root=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert run_generate("--check", "--quick", root=tmp_path).returncode == 0


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_every_generated_module_imports_and_is_typed(client: generate.Client) -> None:
    """Catches the two-request-content-types trap (a module that fails to import) and the
    missing py.typed of --meta none."""
    pkg = importlib.import_module(client.package)
    assert (Path(pkg.__file__).parent / "py.typed").exists()
    names = [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
    assert any(".api." in n for n in names)
    for name in names:
        importlib.import_module(name)


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_config_pins_ruff_rules(client: generate.Client) -> None:
    cfg = generate.check_config(client)
    assert cfg["package_name_override"] == client.package
