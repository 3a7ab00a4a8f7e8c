"""Soak for issue #14's contract check: one isolated scratch copy and mypy run per pinned client
(six renames + the unmodified control, in parallel). The default suite groups the renames
(``tests/foundation/test_contract_mypy.py``); this proves each one alone. Prints the timings."""

from __future__ import annotations

import pytest
from _support import contract_mypy as cm

pytestmark = [pytest.mark.soak, pytest.mark.timeout(3600)]


@pytest.fixture(scope="module")
def runs() -> dict[str, cm.Run]:
    return cm.run_all({"unmodified": [], **{c.key.replace("/", "-"): [c] for c in cm.CONTRACTS}})


def test_mypy_passes_on_the_unmodified_specs(runs: dict[str, cm.Run]) -> None:
    assert runs["unmodified"].returncode == 0, runs["unmodified"].output


@pytest.mark.parametrize("contract", cm.CONTRACTS, ids=lambda c: c.key)
def test_each_rename_alone_fails_mypy_at_the_facade_line(runs: dict[str, cm.Run], contract: cm.Contract) -> None:
    problems = cm.check(runs[contract.key.replace("/", "-")], contract)
    assert not problems, "\n".join(problems)
