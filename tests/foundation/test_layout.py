"""Issue #14 item 5: the layout shows the design. Benchmark helpers live under ``bench/`` (run as
scripts, never shipped), not inside the installed ``paywire`` package."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_benchmark_module_ships_in_the_package() -> None:
    shipped = [p.relative_to(ROOT).as_posix() for p in (ROOT / "src" / "paywire").rglob("*.py")
               if "bench" in p.stem]
    assert shipped == []


def test_the_moved_hit_path_benchmarks_are_scripts_under_bench() -> None:
    for name in ("entitlements_hit_path.py", "lumen_hit_path.py"):
        text = (ROOT / "bench" / name).read_text()
        assert f"python bench/{name}" in text and 'if __name__ == "__main__":' in text
