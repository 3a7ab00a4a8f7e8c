"""Build/install guard: the wheel installs in a clean venv and every package in it imports."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402


@pytest.mark.slow
def test_wheel_installs_in_a_clean_venv_and_everything_imports(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(dist), str(ROOT)], check=True, timeout=300)
    (wheel,) = dist.glob("paywire-*.whl")
    packages = [c.package for c in generate.discover()]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "paywire/py.typed" in names
    for pkg in packages:
        assert f"{pkg}/py.typed" in names, pkg
        assert f"{pkg}/__init__.py" in names, pkg
    assert any(n.startswith("paywire/_specs/") for n in names), "the sandbox needs the specs"
    assert "paywire/sandbox/static/dashboard.html" in names, "GET /_sandbox/ui serves it"
    assert "ruff.toml" not in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True, timeout=600)
    script = (
        "import importlib, pkgutil, paywire\n"
        f"pkgs = {packages!r}\n"
        "for name in pkgs:\n"
        "    pkg = importlib.import_module(name)\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, name + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "print('ok', paywire.__version__, len(pkgs))\n"
    )
    out = subprocess.run([str(py), "-c", script], check=True, capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert out.stdout.startswith("ok ")
