"""The sandbox's JSON copies of the specs: same document as the YAML, never stale, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from paywire.sandbox import _framework
from paywire.sandbox.app import load_services

SPECS = sorted({svc.spec_file for svc in load_services()})


@pytest.mark.parametrize("spec_file", SPECS)
def test_cached_copy_equals_the_yaml(spec_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAYWIRE_SANDBOX_CACHE", str(tmp_path))
    path = _framework.spec_root() / spec_file
    expected = yaml.load(path.read_bytes(), Loader=yaml.SafeLoader)
    assert _framework.load_spec(path) == expected  # first: parsed, copy written
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert _framework.load_spec(path) == expected  # second: from the copy


def test_edited_spec_is_never_served_stale_and_a_corrupt_copy_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PAYWIRE_SANDBOX_CACHE", str(cache))
    spec = tmp_path / "svc" / "v1.yaml"
    spec.parent.mkdir()
    spec.write_text("openapi: 3.1.0\ninfo: {title: a, version: '1'}\npaths: {}\n")
    assert _framework.load_spec(spec)["info"]["title"] == "a"
    spec.write_text("openapi: 3.1.0\ninfo: {title: b, version: '1'}\npaths: {}\n")
    assert _framework.load_spec(spec)["info"]["title"] == "b"  # new content, new key
    for copy in cache.glob("*.json"):
        copy.write_text("{truncated")
    assert _framework.load_spec(spec)["info"]["title"] == "b"


def test_unwritable_cache_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PAYWIRE_SANDBOX_CACHE", str(blocker / "sub"))  # parent is a file: mkdir fails
    assert _framework.load_spec(_framework.spec_root() / SPECS[0])["paths"]
