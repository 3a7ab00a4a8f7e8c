"""The facades reach generated code by static imports only (issue #14; CONTRIBUTING "Add an endpoint").

Every module of ``src/paywire`` outside the sandbox is read as a syntax tree: none may import
``importlib`` or call ``__import__`` (the two exceptions below are not generated code), and no
string may name a generated package (``"paywire_gen_..."``) except the version table
``_versions.py`` (data kept equal to ``openapi/lock.json``, never imported from). A module picked by
name is ``Any`` to mypy, so these are the ways a facade would escape the contract check
(``tests/foundation/test_contract_mypy.py``). The ``generated`` escape hatch of every client is
typed per pinned version; checked here too.
"""

from __future__ import annotations

import ast
import importlib
import typing
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "paywire"
#: module -> the importlib module it may import; it does not look up generated code:
#: the lazy ``paywire.<service>`` attribute imports a paywire facade subpackage
IMPORTLIB_ALLOWED = {"__init__.py": "importlib"}
IMPORT_MODULE_ALLOWED = {"__init__.py"}
NAMES_ALLOWED = {"_versions.py"}


def facade_modules(root: Path = SRC) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "sandbox" not in p.relative_to(root).parts)


def problems_in(path: Path, where: str) -> list[str]:
    found: list[str] = []
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any((m == "importlib" or m.startswith("importlib.")) and m != IMPORTLIB_ALLOWED.get(where)
                   for m in modules):
                found.append(f"{where}:{node.lineno} imports importlib")
        if (isinstance(node, ast.Attribute) and node.attr == "import_module"
                and where not in IMPORT_MODULE_ALLOWED):
            found.append(f"{where}:{node.lineno} imports a module by name")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            found.append(f"{where}:{node.lineno} calls __import__")
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and "paywire_gen_" in node.value
                and where not in NAMES_ALLOWED and not _is_docstring(tree, node)):
            found.append(f"{where}:{node.lineno} names a generated package in a string: {node.value[:60]!r}")
        if isinstance(node, ast.Name | ast.Attribute) and "_generated_package" in ast.unparse(node):
            found.append(f"{where}:{node.lineno} keeps a generated package name to look up")
    return sorted(set(found))


def _is_docstring(tree: ast.Module, constant: ast.Constant) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and first.value is constant:
                return True
    return False


def test_no_facade_module_looks_generated_code_up_by_name() -> None:
    modules = facade_modules()
    assert len(modules) > 50  # the whole facade, not an empty glob
    problems = [p for path in modules for p in problems_in(path, path.relative_to(SRC).as_posix())]
    assert problems == []


def test_the_scan_sees_what_it_forbids(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        "import importlib\n"
        "class C:\n"
        "    _generated_package = 'paywire_gen_demo_v1'\n"
        "    def generated(self):\n"
        "        return importlib.import_module(self._generated_package).Client\n"
        "    def other(self):\n"
        "        return __import__(f'paywire_gen_{self.service}')\n"
    )
    problems = problems_in(tmp_path / "client.py", "client.py")
    assert any("imports importlib" in p for p in problems)
    assert any("imports a module by name" in p for p in problems)
    # the one allowed importlib import (the lazy service attribute) does not open the door to
    # importing importlib elsewhere
    (tmp_path / "core.py").write_text("import importlib.util\nimportlib.util.find_spec('x')\n")
    assert [p.split(" ", 1)[1] for p in problems_in(tmp_path / "core.py", "_core/client.py")] == [
        "imports importlib"]
    assert any("__import__" in p for p in problems)
    assert sum("names a generated package" in p for p in problems) == 2
    assert any("keeps a generated package name" in p for p in problems)


def _client_classes() -> list[type]:
    from paywire.conxa import AsyncCONXAClient, CONXAClient
    from paywire.lumen import AsyncLumenClient, LumenClient
    from paywire.spaps import AsyncSpapsClient, SpapsClient
    from paywire.vellum import AsyncVellumClient, VellumClient

    return [LumenClient, AsyncLumenClient, CONXAClient, AsyncCONXAClient, SpapsClient, AsyncSpapsClient,
            VellumClient, AsyncVellumClient]


@pytest.mark.parametrize("cls", _client_classes(), ids=lambda c: c.__name__)
def test_every_client_types_its_generated_client_by_pinned_version(cls: type) -> None:
    """``client.generated`` is annotated with the generated ``Client`` class of each pinned version
    of the service (a union where several are pinned), not ``Any``."""
    from paywire._versions import API_VERSIONS

    service = cls.__module__.split(".")[1]
    packages = API_VERSIONS[service].values()
    prop = cls.generated  # type: ignore[attr-defined]
    assert isinstance(prop, property)
    # the facades import versioned packages for annotations only (TYPE_CHECKING): supply them
    hint = typing.get_type_hints(prop.fget, localns={p: importlib.import_module(p) for p in packages})["return"]
    members = typing.get_args(hint) or (hint,)
    assert sorted(m.__module__ for m in members) == sorted(f"{p}.client" for p in packages)
