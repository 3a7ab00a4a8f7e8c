"""Issue #14 done-when: mypy guards the contract between every spec and its facade.

For each service and each pinned API version, a scratch copy of the repo's specs, templates and
scripts renames a required *request* field and a *response* field that the facade uses (the table
with the reasons: ``tests/_support/contract_mypy.py``), regenerates that client with the pinned
generator (``PAYWIRE_GEN_TOOLS``) and runs mypy on ``src/`` with the scratch ``generated/`` in
place of the real one. mypy must fail with an error in ``src/paywire/<service>/`` on a line that
uses each renamed field; on the unmodified specs it must pass.

Kept fast for the default suite: three mypy runs in parallel — the renames of one version of every
service together (their errors land in different facade folders), those of the services' second
pinned versions, and the unmodified control — each with a warm cache per worktree. The isolated
run per client is the soak (``tests/soak/test_soak_contract_mypy.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import pytest
import yaml
from _support import contract_mypy as cm

pytestmark = pytest.mark.timeout(1800)  # a cold mypy cache on a loaded 2-core box


def _groups() -> dict[str, Sequence[cm.Contract]]:
    """No two versions of one service in a group, so each facade error has one cause."""
    groups: dict[str, list[cm.Contract]] = {}
    seen: dict[str, int] = {}
    for contract in cm.CONTRACTS:
        index = seen.get(contract.service, 0)
        seen[contract.service] = index + 1
        groups.setdefault(f"renamed-{index + 1}", []).append(contract)
    return {"unmodified": [], **groups}


GROUPS = _groups()


def test_every_pinned_client_has_a_contract_check_on_fields_the_spec_has() -> None:
    sys.path.insert(0, str(cm.ROOT / "scripts"))
    import generate

    assert sorted(c.key for c in cm.CONTRACTS) == sorted(c.key for c in generate.discover())
    assert sorted(c.key for group in GROUPS.values() for c in group) == sorted(c.key for c in cm.CONTRACTS)
    for contract in cm.CONTRACTS:
        schemas = yaml.safe_load((cm.ROOT / "openapi" / f"{contract.key}.yaml").read_text())["components"]["schemas"]
        assert contract.request.field in schemas[contract.request.schema].get("required", []), contract.request
        assert contract.response.field in schemas[contract.response.schema]["properties"], contract.response


@pytest.fixture(scope="module")
def runs() -> dict[str, cm.Run]:
    return cm.run_all(GROUPS)


def test_mypy_passes_on_the_unmodified_specs(runs: dict[str, cm.Run]) -> None:
    run = runs["unmodified"]
    assert run.returncode == 0, run.output


@pytest.mark.parametrize("contract", cm.CONTRACTS, ids=lambda c: c.key)
def test_renaming_a_request_and_a_response_field_fails_mypy_at_the_facade_line(
        runs: dict[str, cm.Run], contract: cm.Contract) -> None:
    group = next(name for name, members in GROUPS.items() if contract in members)
    problems = cm.check(runs[group], contract)
    assert not problems, "\n".join(problems)
