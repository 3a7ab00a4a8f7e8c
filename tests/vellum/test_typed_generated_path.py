"""#14: the Vellum facade reaches generated code only through static, typed references.

No ``importlib``, no generated names in strings, no private generator names; every request a
resource sends is what a generated ``build_request`` returned (so mypy checks the facade line
against each pinned version's signature and models), and every success body is parsed by the
generated ``parse_response``. Read from the source, every module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import paywire.vellum

FACADE = Path(paywire.vellum.__file__).parent
MODULES = sorted(FACADE.rglob("*.py"))
RESOURCES = sorted((FACADE / "resources").glob("*.py"))
#: the flow helpers that send (everything else reaches them)
SENDERS = {"_submit": 0, "_changing": 1}
#: answers without a body to parse: the v1 invoice PDF is a 302 whose Location is the result
NO_BODY = {"invoice_pdf_url"}


def test_the_facade_has_resources_per_tag() -> None:
    from paywire_gen_vellum_v2.api import OPERATIONS

    tags = {op.tag.rstrip("_") for op in OPERATIONS.values()}
    assert tags <= {p.stem for p in RESOURCES}, tags - {p.stem for p in RESOURCES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(FACADE)))
def test_no_lookup_by_name_and_no_private_generator_names(path: Path) -> None:
    tree = ast.parse(path.read_text())
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            assert not any(n and n.split(".")[0] == "importlib" for n in names), (path, node.lineno)
            assert not any(n.startswith("_") and n != "__future__" for n in (a.name for a in node.names)
                           if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("paywire_gen")), \
                (path, node.lineno)
        if isinstance(node, ast.Attribute):
            assert node.attr not in {"_get_kwargs", "_parse_response", "_build_response", "import_module"}, \
                (path, node.lineno, node.attr)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            assert "paywire_gen" not in node.value, (path, node.lineno, node.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"getattr", "__import__"}:
            pytest.fail(f"{path.name}:{node.lineno}: {node.func.id}() on generated code")


def _built_by_generated_code(expr: ast.expr, specs: dict[str, list[ast.expr]]) -> bool:
    if isinstance(expr, ast.Call):
        return isinstance(expr.func, ast.Attribute) and expr.func.attr == "build_request"
    if isinstance(expr, ast.IfExp):
        return _built_by_generated_code(expr.body, specs) and _built_by_generated_code(expr.orelse, specs)
    if isinstance(expr, ast.Name) and expr.id in specs:
        return all(_built_by_generated_code(value, specs) for value in specs[expr.id])
    return False


@pytest.mark.parametrize("path", RESOURCES, ids=lambda p: p.name)
def test_every_request_is_built_by_generated_build_request(path: Path) -> None:
    tree = ast.parse(path.read_text())
    sends = 0
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        specs: dict[str, list[ast.expr]] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                specs.setdefault(node.targets[0].id, []).append(node.value)
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "self" \
                    and node.func.attr in SENDERS:
                sends += 1
                if function.name in SENDERS or function.name == "_change":  # the helpers pass it on
                    continue
                sent = node.args[SENDERS[node.func.attr]]
                assert _built_by_generated_code(sent, specs), f"{path.name}:{node.lineno} sends a hand-built request"
        attrs = {n.attr for n in ast.walk(function) if isinstance(n, ast.Attribute)}
        assert "_request" not in attrs, f"{path.name}: {function.name} builds a request by hand"
        if SENDERS.keys() & attrs and function.name not in NO_BODY | set(SENDERS) | {"_change"}:
            # every success body is parsed by the generated, typed parser of the pinned version
            assert "parse_response" in attrs, f"{path.name}: {function.name} does not parse its answer"
    if path.stem not in {"__init__"}:
        assert sends, f"{path.name} sends nothing"
