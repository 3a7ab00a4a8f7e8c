"""Where a Lumen or CONXA sandbox handler lives follows from the spec: the handler of every
operation in the generated ``OPERATIONS`` index is registered, and is defined in
``paywire.sandbox.<service>.handlers.<tag>`` for the operation's tag (one module per tag)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from paywire_gen_conxa_v1.api import OPERATIONS as CONXA_OPERATIONS
from paywire_gen_lumen_v1.api import OPERATIONS as LUMEN_OPERATIONS

from paywire.sandbox.conxa import conxa
from paywire.sandbox.lumen import lumen_v1

CASES: list[tuple[str, Any, dict[str, Any]]] = [
    ("lumen", lumen_v1, dict(LUMEN_OPERATIONS)),
    ("conxa", conxa, dict(CONXA_OPERATIONS)),
]


@pytest.mark.parametrize(("service", "app", "operations"), CASES, ids=[c[0] for c in CASES])
def test_each_operation_is_handled_in_its_tag_module(service: str, app: Any, operations: dict[str, Any]) -> None:
    assert operations
    assert set(app.handlers) == set(operations)
    for op_id, op in operations.items():
        where = f"paywire.sandbox.{service}.handlers.{op.tag.replace('-', '_')}"
        assert app.handlers[op_id].__module__ == where, (op_id, app.handlers[op_id].__module__)
        assert vars(importlib.import_module(where))[app.handlers[op_id].__name__] is app.handlers[op_id]
