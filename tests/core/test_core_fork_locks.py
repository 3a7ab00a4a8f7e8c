"""#13.1 follow-up: locks and in-flight state that are not HTTP pools survive ``os.fork()``.

A lock another parent thread holds at the moment of the fork stays locked forever in the child
(only the forking thread exists there). Every such lock paywire owns is re-made in the child:
the SPAPS file store's mutex and file lock, the refresh single flight (whose in-flight refresh
never finishes in the child) and the Lumen proxy pool's registry lock. Each case forks while a
second thread holds the lock and checks that the child takes it at once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from paywire.lumen import _pool
from paywire.spaps._refresh import RefreshFlight
from paywire.spaps.tokens import FileTokenStore

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX-only")


@contextmanager
def held_by_another_thread(lock: threading.Lock) -> Iterator[None]:
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with lock:
            taken.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(5)
    try:
        yield
    finally:
        release.set()
        thread.join(5)


def child_exit_code(action: Callable[[], bool]) -> int:
    """Fork; the child runs ``action`` (True = it could take the lock) and exits 0/1."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            code = 0 if action() else 1
        except BaseException:
            code = 2
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_file_token_store_mutex_and_file_lock(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json", lock_timeout=1.0)
    with held_by_another_thread(store._mutex):
        assert child_exit_code(lambda: store._mutex.acquire(timeout=1.0)) == 0

    def child_file_lock() -> bool:
        release = store.try_lock()
        if release is None:
            return False
        release()
        return True

    assert child_exit_code(child_file_lock) == 0


def test_refresh_single_flight() -> None:
    flight = RefreshFlight()
    leader, _ = flight.join("rt-1")
    assert leader  # the parent has a refresh in flight at fork time

    def child() -> bool:
        # a fresh flight in the child: it leads its own refresh instead of waiting forever
        took = flight._mutex.acquire(timeout=1.0)
        flight._mutex.release()
        lead, _ = flight.join("rt-1")
        return took and lead

    with held_by_another_thread(flight._mutex):
        assert child_exit_code(child) == 0


def test_lumen_proxy_pool_lock() -> None:
    with held_by_another_thread(_pool._lock):
        assert child_exit_code(lambda: _pool._lock.acquire(timeout=1.0)) == 0
