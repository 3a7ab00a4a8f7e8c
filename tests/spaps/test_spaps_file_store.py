"""FileTokenStore: default path, 0600/0700 permissions, atomic replace, refusal of symlinks,
loose permissions and corrupt files (without echoing their content), reload on change, and the
cross-process lock (a real second process holds it)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import filelock
import platformdirs
import pytest
from _spaps_helpers import ACCESS, REFRESH, token_file, tokens

from paywire.spaps import FileTokenStore, StoredTokens, TokenStoreError, default_token_path


def test_default_path_is_the_per_user_config_dir() -> None:
    path = default_token_path()
    assert path == Path(platformdirs.user_config_path("paywire", appauthor=False)) / "spaps" / "tokens.json"
    assert FileTokenStore().path == path


def test_save_writes_0600_in_a_0700_directory_in_the_014_format(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "spaps" / "tokens.json"
    store = FileTokenStore(path)
    saved = tokens()
    store.save(saved)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    data = json.loads(path.read_text())
    assert set(data) == {"access_token", "refresh_token", "expires_at", "token_type"}
    assert data["access_token"] == ACCESS and data["expires_at"].endswith("Z")
    assert store.load() == saved
    assert FileTokenStore(path).load() == saved  # a fresh reader (another process) sees it too
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".tokens.")] == []
    assert stat.S_IMODE(Path(str(path) + ".lock").stat().st_mode) == 0o600


def test_reads_a_file_written_by_spaps_014(tmp_path: Path) -> None:
    path = token_file(tmp_path / "tokens.json", json.dumps({
        "access_token": ACCESS, "refresh_token": REFRESH, "expires_at": "2030-01-01T00:00:00Z", "token_type": "Bearer"}))
    loaded = FileTokenStore(path).load()
    assert loaded is not None and loaded.access_token == ACCESS and loaded.expires_at.year == 2030


def test_missing_file_means_no_tokens_and_clear_removes_it(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    assert store.load() is None
    store.save(tokens())
    store.clear()
    assert store.load() is None and not store.path.exists()
    store.clear()  # clearing twice is fine


def test_reload_when_another_writer_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    reader, writer = FileTokenStore(path), FileTokenStore(path)
    writer.save(tokens())
    assert reader.load().access_token == ACCESS
    writer.save(tokens(access="acc_second_123456789"))
    assert reader.load().access_token == "acc_second_123456789"
    writer.clear()
    assert reader.load() is None


def test_refuses_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    FileTokenStore(real).save(tokens())
    link = tmp_path / "tokens.json"
    link.symlink_to(real)
    store = FileTokenStore(link)
    with pytest.raises(TokenStoreError, match="symlink"):
        store.load()
    with pytest.raises(TokenStoreError, match="symlink"):
        store.save(tokens())
    assert real.exists() and link.is_symlink()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o606, 0o660])
def test_refuses_a_file_other_users_can_read_or_write(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(tokens())
    path.chmod(mode)
    with pytest.raises(TokenStoreError, match="other users") as info:
        FileTokenStore(path).load()
    assert ACCESS not in str(info.value) and "chmod 600" in str(info.value)


def test_refuses_a_directory_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "tokens.json").mkdir()
    with pytest.raises(TokenStoreError, match="not a regular file"):
        FileTokenStore(tmp_path / "tokens.json").load()


@pytest.mark.parametrize("content", ["{not json " + ACCESS, "[1, 2]", json.dumps({"refresh_token": REFRESH}),
                                     json.dumps({"access_token": ACCESS, "expires_at": "yesterday"})])
def test_corrupt_file_is_an_error_that_does_not_echo_it(tmp_path: Path, content: str) -> None:
    path = token_file(tmp_path / "tokens.json", content)
    with pytest.raises(TokenStoreError) as info:
        FileTokenStore(path).load()
    assert ACCESS not in str(info.value) and REFRESH not in str(info.value)


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    store.save(tokens())

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        store.save(tokens(access="acc_never_written_123"))
    monkeypatch.undo()
    assert FileTokenStore(path).load().access_token == ACCESS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tokens.json", "tokens.json.lock"]


def test_readers_never_see_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    writer = FileTokenStore(path)
    writer.save(tokens())
    stop = threading.Event()
    seen: list[str] = []
    failures: list[BaseException] = []

    def read() -> None:
        reader = FileTokenStore(path)
        while not stop.is_set():
            try:
                loaded = reader.load()
                assert loaded is not None
                seen.append(loaded.access_token)
            except BaseException as exc:
                failures.append(exc)
                return

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(150):
        writer.save(StoredTokens(f"acc_{i:04d}_" + "x" * (i % 40), REFRESH, None))
    stop.set()
    thread.join()
    assert failures == [] and len(seen) > 0


def test_the_lock_excludes_another_process(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    holder = textwrap.dedent(f"""
        import sys, time, filelock
        lock = filelock.FileLock({str(path) + '.lock'!r})
        with lock:
            print("locked", flush=True)
            time.sleep(1.5)
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        store = FileTokenStore(path, lock_timeout=0.2)
        with pytest.raises(filelock.Timeout):
            store.save(tokens())
        patient = FileTokenStore(path, lock_timeout=10)
        started = time.monotonic()
        patient.save(tokens())  # waits for the other process to let go
        assert time.monotonic() - started > 0.3
    finally:
        proc.wait(timeout=10)
    assert FileTokenStore(path).load().access_token == ACCESS


def test_repr_shows_the_path_only(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    store.save(tokens())
    assert ACCESS not in repr(store) and "tokens.json" in repr(store)
