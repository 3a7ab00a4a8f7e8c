"""The one API-version contract mechanism (``paywire._core.contracts``).

Which operations a pinned version has is read from each generated package's ``api.OPERATIONS``
(every operation of every multi-version service is enumerated here, not a hand list); refusals
are the service's own ``UnsupportedOperationError`` naming the versions that have the method.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from paywire._core.contracts import Contract, ServiceContracts
from paywire._core.errors import UnsupportedOperationError
from paywire._versions import API_VERSIONS
from paywire.spaps import UnsupportedOperationError as SpapsUnsupported
from paywire.spaps._contract import CONTRACTS, METHODS, SPAPS_CONTRACTS, SpapsVersion

SPECS = Path(__file__).resolve().parents[2] / "openapi"


class _ToyUnsupported(UnsupportedOperationError):
    pass


def _toy() -> ServiceContracts[str]:
    ops_a = {"get_thing": object(), "old_thing": object()}
    ops_b = {"get_thing": object(), "new_thing": object()}
    return ServiceContracts(
        "toy",
        [Contract("toy", "a", "pkg_a", frozenset({"cursor"}), lambda: ops_a),
         Contract("toy", "b", "pkg_b", frozenset({"offset", "flag"}), lambda: ops_b)],
        error=_ToyUnsupported,
        methods={"things.get": "get_thing", "things.old": "old_thing", "things.new": "new_thing",
                 "things.pages": "feature:offset"},
        hints={"offset": "use cursor= on a"},
        method_hints={"things.new": "on a use things.old()"},
        absent=(None, False),
        client_name="ToyClient",
    )


def _spec_operation_ids(service: str, version: str) -> set[str]:
    spec = yaml.safe_load((SPECS / service / f"{version}.yaml").read_text())
    return {op["operationId"] for item in spec["paths"].values() for op in item.values()
            if isinstance(op, dict) and "operationId" in op}


# --- operations come from the generated index ---------------------------------------------------------
@pytest.mark.parametrize("version", list(API_VERSIONS["spaps"]))
def test_spaps_operations_are_the_generated_index_and_the_spec(version: SpapsVersion) -> None:
    contract = CONTRACTS[version]
    index = importlib.import_module(f"{contract.package}.api").OPERATIONS
    assert contract.operations == frozenset(index) == _spec_operation_ids("spaps", version)
    for op_id in index:
        assert contract.has_operation(op_id)
        assert version in SPAPS_CONTRACTS.versions_with(op_id)


def test_spaps_contracts_are_the_pinned_versions() -> None:
    assert tuple(CONTRACTS) == tuple(API_VERSIONS["spaps"]) == SPAPS_CONTRACTS.versions
    assert {c.package for c in CONTRACTS.values()} == set(API_VERSIONS["spaps"].values())
    assert SPAPS_CONTRACTS.default is CONTRACTS["2026-10"]
    assert SPAPS_CONTRACTS.contract_for(None) is SPAPS_CONTRACTS.default


@pytest.mark.parametrize("version", list(API_VERSIONS["spaps"]))
def test_every_spaps_operation_is_some_client_method(version: SpapsVersion) -> None:
    targets = set(METHODS.values())
    assert CONTRACTS[version].operations - targets == set()


@pytest.mark.parametrize("qualified", sorted(METHODS))
def test_every_spaps_method_is_decided_for_every_version(qualified: str) -> None:
    """Each method either works on a version or is refused there, naming where it works."""
    versions = SPAPS_CONTRACTS.versions_for(qualified)
    assert versions, f"{qualified} exists in no pinned version"
    for version, contract in CONTRACTS.items():
        if version in versions:
            SPAPS_CONTRACTS.require_method(contract, qualified)
            assert SPAPS_CONTRACTS.supports(contract, qualified)
        else:
            with pytest.raises(SpapsUnsupported) as info:
                SPAPS_CONTRACTS.require_method(contract, qualified)
            assert info.value.api_version == version and info.value.supported_versions == versions
            assert info.value.operation == qualified and " or ".join(versions) in str(info.value)


# --- the mechanism on its own ---------------------------------------------------------------------------
def test_unknown_version_and_method() -> None:
    toy = _toy()
    with pytest.raises(ValueError, match="unknown toy api_version 'c'; this paywire knows: a, b"):
        toy.contract_for("c")
    with pytest.raises(AttributeError, match="ToyClient has no API method 'nope'"):
        toy.qualify("nope")
    assert toy.qualify("get") == "things.get" and toy.contract_for("a").version == "a"


def test_method_refused_with_service_error_versions_and_hint() -> None:
    toy = _toy()
    a, b = toy.contract_for("a"), toy.contract_for("b")
    toy.require_method(b, "new")
    with pytest.raises(_ToyUnsupported) as info:
        toy.require_method(a, "new")
    assert str(info.value) == "things.new needs api_version b; this client is pinned to a (on a use things.old())"
    assert info.value.supported_versions == ("b",)
    with pytest.raises(_ToyUnsupported, match=r"^things.pages needs api_version b; this client is pinned to a$"):
        toy.require_method(a, "pages")  # a feature-backed method
    assert toy.versions_for("get") == ("a", "b")


def test_feature_arguments_refused_only_when_given() -> None:
    toy = _toy()
    a = toy.contract_for("a")
    toy.require_feature(a, "offset", "things.list", offset=None, flag=False)  # absent: fine
    toy.require_feature(toy.contract_for("b"), "offset", "things.list", offset=5)  # has it: fine
    with pytest.raises(_ToyUnsupported) as info:
        toy.require_feature(a, "offset", "things.list", offset=0, other=None)
    assert info.value.operation == "things.list(offset=...)"
    assert str(info.value) == ("things.list(offset=...) needs api_version b; this client is pinned to a "
                               "(use cursor= on a)")


def test_spaps_feature_arguments_keep_false_as_given() -> None:
    """SPAPS counts only None as absent: allow_promotion_codes=False on 2025-11 is refused."""
    with pytest.raises(SpapsUnsupported, match="allow_promotion_codes"):
        SPAPS_CONTRACTS.require_feature(CONTRACTS["2025-11"], "checkout_line_items",
                                        "payments.create_checkout_session", allow_promotion_codes=False)


def test_operations_are_loaded_once_and_lazily() -> None:
    loads: list[int] = []

    def load() -> dict[str, object]:
        loads.append(1)
        return {"op": object()}

    contract = Contract("toy", "a", "pkg", frozenset(), load)
    assert loads == []
    assert contract.has_operation("op") and not contract.has_operation("other")
    assert loads == [1]
