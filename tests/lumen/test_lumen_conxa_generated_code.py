"""Generated code owns the wire for Lumen and CONXA (#14 items 1 and 2), checked over every
operation of the specs (the generated ``api.OPERATIONS`` index, so a new endpoint is covered
without editing this file).

For each service the facade's modules are read as syntax trees: every operation's generated
module must be imported statically, its public ``build_request`` must build the request, and its
success body must be parsed by its generated, typed ``parse_response`` (directly, or through
``json_of(op, response)`` for the seed functions that return the API's JSON). No facade module may look
generated code up by name (``importlib``), use a private generator name (``_get_kwargs``,
``_parse_response``) or build a request by hand (``self._request(...)``), except the Lumen
proxy's forwarder, which relays allow-listed browser paths as they are.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "paywire"  # this checkout's facades, not the installed ones

#: (service, facade package dir, generated package, the modules that are not the typed facade)
SERVICES = [
    ("lumen", SRC / "lumen", "paywire_gen_lumen_v1",
     # The proxy relays allow-listed browser requests as they are; functions.py reuses the
     # resource flows (checked through them).
     {"_proxy.py", "_relay.py", "_body.py", "_pool.py", "_bench.py", "functions.py"}),
    ("conxa", SRC / "conxa", "paywire_gen_conxa_v1", {"qr.py"}),
]
PRIVATE_GENERATOR_NAMES = {"_get_kwargs", "_parse_response", "_build_response"}
#: Facade helpers that parse through the generated parse_response (via paywire._core.decode).
PARSERS = {"json_of"}
#: The one method allowed to send a hand-built request: the Lumen proxy's forwarder.
HAND_BUILT_ALLOWED = {("lumen", "client.py", "_forward")}


@dataclass
class Usage:
    built: set[str] = field(default_factory=set)
    parsed: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def _facade_modules(root: Path, skip: set[str]) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.name not in skip and "handlers" not in p.parts)


def _scan(service: str, root: Path, generated: str, skip: set[str]) -> Usage:
    usage = Usage()
    for path in _facade_modules(root, skip):
        tree = ast.parse(path.read_text(), str(path))
        where = path.relative_to(root).as_posix()
        aliases: dict[str, str] = {}  # local name -> operation id
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"{generated}.api."):
                for name in node.names:
                    aliases[name.asname or name.name] = name.name
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                if "importlib" in modules:
                    usage.problems.append(f"{where}:{node.lineno} imports importlib")
            if isinstance(node, ast.Attribute) and node.attr in PRIVATE_GENERATOR_NAMES:
                usage.problems.append(f"{where}:{node.lineno} uses the private generator name {node.attr}")
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if not isinstance(node, ast.Call):
                    continue
                callee = node.func
                if (isinstance(callee, ast.Attribute) and callee.attr == "build_request"
                        and isinstance(callee.value, ast.Name) and callee.value.id in aliases):
                    usage.built.add(aliases[callee.value.id])
                if (isinstance(callee, ast.Attribute) and callee.attr == "parse_response"
                        and isinstance(callee.value, ast.Name) and callee.value.id in aliases):
                    usage.parsed.add(aliases[callee.value.id])
                if isinstance(callee, ast.Name) and callee.id in PARSERS and node.args:
                    first = node.args[0]
                    if isinstance(first, ast.Name) and first.id in aliases:
                        usage.parsed.add(aliases[first.id])
                if (isinstance(callee, ast.Attribute) and callee.attr in ("_request", "_request_kwargs")
                        and isinstance(callee.value, ast.Name) and callee.value.id == "self"
                        and (service, where, func.name) not in HAND_BUILT_ALLOWED
                        and not (callee.attr == "_request_kwargs" and func.name in ("_send_spec", "_call"))):
                    usage.problems.append(f"{where}:{node.lineno} {func.name} sends a request not built by "
                                          f"a generated build_request")
    return usage


def _operations(generated: str) -> list[str]:
    return sorted(importlib.import_module(f"{generated}.api").OPERATIONS)


@pytest.mark.parametrize(("service", "root", "generated", "skip"), SERVICES, ids=[s[0] for s in SERVICES])
def test_every_operation_is_built_and_parsed_by_generated_code(service: str, root: Path, generated: str,
                                                               skip: set[str]) -> None:
    usage = _scan(service, root, generated, skip)
    operations = _operations(generated)
    assert operations, f"{generated} lists no operations"
    assert [op for op in operations if op not in usage.built] == [], f"{service}: requests built by hand"
    assert [op for op in operations if op not in usage.parsed] == [], f"{service}: success bodies not parsed"


@pytest.mark.parametrize(("service", "root", "generated", "skip"), SERVICES, ids=[s[0] for s in SERVICES])
def test_no_string_lookups_private_names_or_hand_built_requests(service: str, root: Path, generated: str,
                                                                skip: set[str]) -> None:
    assert _scan(service, root, generated, skip).problems == []


def test_the_scanner_sees_what_it_forbids(tmp_path: Path) -> None:
    """The checks above would catch the old code's idioms (so passing them means something)."""
    (tmp_path / "client.py").write_text(
        "import importlib\n"
        "from paywire_gen_demo.api.tag import op_a, op_b\n"
        "class C:\n"
        "    def a(self):\n"
        "        kwargs = op_a._get_kwargs(x=1)\n"
        "        yield from self._request('POST', '/v1/b', json={'camelCase': 1})\n"
        "        return op_a.parse_response((yield from self._send_spec(op_b.build_request())), E)\n"
    )
    usage = _scan("demo", tmp_path, "paywire_gen_demo", set())
    assert usage.built == {"op_b"}
    assert usage.parsed == {"op_a"}
    assert len(usage.problems) == 3
    assert any("importlib" in p for p in usage.problems)
    assert any("_get_kwargs" in p for p in usage.problems)
    assert any("not built by a generated build_request" in p for p in usage.problems)
