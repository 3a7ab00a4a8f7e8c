"""Running test code on many threads at once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable


def run_threads(targets: Iterable[Callable[[], object]]) -> None:
    """One thread per target, all started before any is joined (so they overlap); returns when
    every one has finished. Targets record their own results and errors."""
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


__all__ = ["run_threads"]
