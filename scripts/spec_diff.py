"""A small, tested OpenAPI change report: what a client written for ``old`` must know about ``new``.

Why not a library: the maintained spec-diff tools are oasdiff (Go binary) and openapi-diff
(Java / npm); neither installs from PyPI, and the Python ones on PyPI are unmaintained. What
paywire needs is narrow — the kinds of change that break a generated client and its facade —
so this module stays small and each rule has a fixture test (tests/foundation/test_spec_diff.py).

Breaking (for an SDK pinned to ``old``):
- an operation removed, or moved to another method/path;
- a request parameter removed, newly required, or its type changed;
- a security requirement the old contract did not ask for (e.g. a bearer token now needed);
- a request-body field removed, newly required, or its type changed;
- a success response status removed (e.g. 302 → 200), its media type changed, or a response
  field removed/renamed or its type changed.
Non-breaking: new operations, new optional parameters or body fields, new response fields,
new response statuses, new media types next to the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@dataclass
class Report:
    breaking: list[str] = field(default_factory=list)
    additions: list[str] = field(default_factory=list)

    @property
    def has_breaking(self) -> bool:
        return bool(self.breaking)

    def render(self, old_name: str = "old", new_name: str = "new") -> str:
        lines = [f"change report: {old_name} -> {new_name}"]
        lines.append(f"BREAKING ({len(self.breaking)})")
        lines += [f"  - {b}" for b in self.breaking] or ["  (none)"]
        lines.append(f"NON-BREAKING ({len(self.additions)})")
        lines += [f"  + {a}" for a in self.additions] or ["  (none)"]
        return "\n".join(lines)


class _Resolver:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def __call__(self, node: Any, depth: int = 0) -> Any:
        while isinstance(node, dict) and "$ref" in node and depth < 50:
            target: Any = self.spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
            depth += 1
        return node


def _ops(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    out = {}
    for path, item in (spec.get("paths") or {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is not None:
                key = op.get("operationId") or f"{method} {path}"
                out[key] = (method.upper(), path, op)
    return out


def _type(schema: Any, r: _Resolver) -> str:
    """A comparable type label: 'string', 'integer', 'object', 'array[string]', 'a|b'."""
    schema = r(schema)
    if not isinstance(schema, dict):
        return "any"
    for combo in ("anyOf", "oneOf"):
        if combo in schema:
            labels = sorted({_type(s, r) for s in schema[combo]} - {"null"})
            return "|".join(labels) or "null"
    if "allOf" in schema:
        return "object"
    t = schema.get("type")
    if isinstance(t, list):
        kinds = sorted(k for k in t if k != "null")
        t = kinds[0] if len(kinds) == 1 else "|".join(kinds)
    if t == "array":
        return f"array[{_type(schema.get('items', {}), r)}]"
    if t is None and "properties" in schema:
        return "object"
    if t == "string" and schema.get("format") == "binary":
        return "binary"
    return str(t or "any")


def _props(schema: Any, r: _Resolver) -> tuple[dict[str, Any], set[str]]:
    schema = r(schema)
    if not isinstance(schema, dict):
        return {}, set()
    props: dict[str, Any] = {}
    required: set[str] = set()
    for part in schema.get("allOf", []):
        p, req = _props(part, r)
        props.update(p)
        required |= req
    props.update(schema.get("properties") or {})
    required |= set(schema.get("required") or [])
    return props, required


def _compare_request_schema(where: str, old: Any, new: Any, ro: _Resolver, rn: _Resolver, rep: Report,
                            depth: int = 0) -> None:
    if depth > 6:
        return
    told, tnew = _type(old, ro), _type(new, rn)
    if told != tnew:
        rep.breaking.append(f"{where}: type changed {told} -> {tnew}")
        return
    po, ro_req = _props(old, ro)
    pn, rn_req = _props(new, rn)
    hints = _renames(po, pn, ro, rn)
    for name in sorted(po.keys() - pn.keys()):
        rep.breaking.append(f"{where}.{name}: request field removed{hints.get(name, '')}")
    for name in sorted(pn.keys() - po.keys()):
        if name in rn_req:
            rep.breaking.append(f"{where}.{name}: new required request field")
        else:
            rep.additions.append(f"{where}.{name}: new optional request field")
    for name in sorted(po.keys() & pn.keys()):
        if name in rn_req and name not in ro_req:
            rep.breaking.append(f"{where}.{name}: request field became required")
        elif name in ro_req and name not in rn_req:
            rep.additions.append(f"{where}.{name}: request field became optional")
        _compare_request_schema(f"{where}.{name}", po[name], pn[name], ro, rn, rep, depth + 1)


def _compare_response_schema(where: str, old: Any, new: Any, ro: _Resolver, rn: _Resolver, rep: Report,
                             depth: int = 0) -> None:
    if depth > 6:
        return
    told, tnew = _type(old, ro), _type(new, rn)
    if told != tnew:
        rep.breaking.append(f"{where}: type changed {told} -> {tnew}")
        return
    po, _ = _props(old, ro)
    pn, _ = _props(new, rn)
    hints = _renames(po, pn, ro, rn)
    for name in sorted(po.keys() - pn.keys()):
        rep.breaking.append(f"{where}.{name}: response field removed{hints.get(name, '')}")
    for name in sorted(pn.keys() - po.keys()):
        rep.additions.append(f"{where}.{name}: new response field")
    for name in sorted(po.keys() & pn.keys()):
        _compare_response_schema(f"{where}.{name}", po[name], pn[name], ro, rn, rep, depth + 1)
    if told.startswith("array["):
        _compare_response_schema(f"{where}[]", r_items(old, ro), r_items(new, rn), ro, rn, rep, depth + 1)


def _renames(po: dict[str, Any], pn: dict[str, Any], ro: _Resolver, rn: _Resolver) -> dict[str, str]:
    """Removed field -> " (renamed to X?)" when exactly one removed and one added field share a type."""
    removed: dict[str, list[str]] = {}
    added: dict[str, list[str]] = {}
    for name in po.keys() - pn.keys():
        removed.setdefault(_type(po[name], ro), []).append(name)
    for name in pn.keys() - po.keys():
        added.setdefault(_type(pn[name], rn), []).append(name)
    return {names[0]: f" (renamed to {added[t][0]}?)" for t, names in removed.items()
            if len(names) == 1 and len(added.get(t, [])) == 1}


def r_items(schema: Any, r: _Resolver) -> Any:
    schema = r(schema)
    return schema.get("items", {}) if isinstance(schema, dict) else {}


def _security(spec: dict[str, Any], op: dict[str, Any]) -> frozenset[str]:
    """The schemes an operation may be called with (each alternative as 'A+B'); {''} = no auth."""
    reqs = op.get("security", spec.get("security"))
    if not reqs:
        return frozenset({""})
    return frozenset("+".join(sorted(r)) for r in reqs)


def _params(op: dict[str, Any], item_params: list[Any], r: _Resolver) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for p in [*item_params, *(op.get("parameters") or [])]:
        p = r(p)
        out[(p["in"], p["name"].lower() if p["in"] == "header" else p["name"])] = p
    return out


def diff(old: dict[str, Any], new: dict[str, Any]) -> Report:
    rep = Report()
    ro, rn = _Resolver(old), _Resolver(new)
    old_ops, new_ops = _ops(old), _ops(new)
    for key in sorted(old_ops.keys() - new_ops.keys()):
        m, p, _ = old_ops[key]
        rep.breaking.append(f"operation removed: {key} ({m} {p})")
    for key in sorted(new_ops.keys() - old_ops.keys()):
        m, p, _ = new_ops[key]
        rep.additions.append(f"new operation: {key} ({m} {p})")
    for key in sorted(old_ops.keys() & new_ops.keys()):
        om, opath, oop = old_ops[key]
        nm, npath, nop = new_ops[key]
        if (om, opath) != (nm, npath):
            rep.breaking.append(f"{key}: moved {om} {opath} -> {nm} {npath}")
        osec, nsec = _security(old, oop), _security(new, nop)
        if osec != nsec:
            # Breaking when a way of calling that used to be accepted is no longer enough: an old
            # alternative that no new alternative is a subset of (extra credentials are harmless).
            def parts(alt: str) -> set[str]:
                return set(filter(None, alt.split("+")))

            lost = [o for o in osec if not any(parts(n) <= parts(o) for n in nsec)]
            (rep.breaking if lost else rep.additions).append(
                f"{key}: security changed {sorted(osec) or 'none'} -> {sorted(nsec) or 'none'}")
        oparams = _params(oop, (old.get("paths") or {}).get(opath, {}).get("parameters") or [], ro)
        nparams = _params(nop, (new.get("paths") or {}).get(npath, {}).get("parameters") or [], rn)
        for pk in sorted(oparams.keys() - nparams.keys()):
            rep.breaking.append(f"{key}: {pk[0]} parameter {pk[1]} removed")
        for pk in sorted(nparams.keys() - oparams.keys()):
            if nparams[pk].get("required"):
                rep.breaking.append(f"{key}: new required {pk[0]} parameter {pk[1]}")
            else:
                rep.additions.append(f"{key}: new optional {pk[0]} parameter {pk[1]}")
        for pk in sorted(oparams.keys() & nparams.keys()):
            if nparams[pk].get("required") and not oparams[pk].get("required"):
                rep.breaking.append(f"{key}: {pk[0]} parameter {pk[1]} became required")
            t_old, t_new = _type(oparams[pk].get("schema", {}), ro), _type(nparams[pk].get("schema", {}), rn)
            if t_old != t_new:
                rep.breaking.append(f"{key}: {pk[0]} parameter {pk[1]} type changed {t_old} -> {t_new}")
        # request body
        obody, nbody = ro(oop.get("requestBody")), rn(nop.get("requestBody"))
        if obody and not nbody:
            rep.breaking.append(f"{key}: request body removed")
        elif nbody and not obody:
            (rep.breaking if nbody.get("required") else rep.additions).append(f"{key}: request body added")
        elif obody and nbody:
            if nbody.get("required") and not obody.get("required"):
                rep.breaking.append(f"{key}: request body became required")
            oc, nc = obody.get("content") or {}, nbody.get("content") or {}
            for media in sorted(oc.keys() - nc.keys()):
                rep.breaking.append(f"{key}: request media type {media} no longer accepted")
            for media in sorted(oc.keys() & nc.keys()):
                _compare_request_schema(f"{key} body", oc[media].get("schema", {}), nc[media].get("schema", {}),
                                        ro, rn, rep)
        # responses
        oresp, nresp = oop.get("responses") or {}, nop.get("responses") or {}
        for status in sorted(oresp.keys() - nresp.keys()):
            if str(status).startswith(("2", "3")):
                rep.breaking.append(f"{key}: response {status} removed (now {', '.join(sorted(nresp)) or 'none'})")
            else:
                rep.additions.append(f"{key}: error response {status} no longer documented")
        for status in sorted(nresp.keys() - oresp.keys()):
            rep.additions.append(f"{key}: new response {status}")
        for status in sorted(oresp.keys() & nresp.keys()):
            oc, nc = (ro(oresp[status]).get("content") or {}), (rn(nresp[status]).get("content") or {})
            for media in sorted(oc.keys() - nc.keys()):
                rep.breaking.append(f"{key}: response {status} media type {media} -> {', '.join(sorted(nc)) or 'none'}")
            for media in sorted(nc.keys() - oc.keys()):
                rep.additions.append(f"{key}: response {status} also as {media}")
            for media in sorted(oc.keys() & nc.keys()):
                _compare_response_schema(f"{key} {status}", oc[media].get("schema", {}), nc[media].get("schema", {}),
                                         ro, rn, rep)
            oh = {h.lower() for h in (ro(oresp[status]).get("headers") or {})}
            nh = {h.lower() for h in (rn(nresp[status]).get("headers") or {})}
            for h in sorted(oh - nh):
                rep.breaking.append(f"{key}: response {status} header {h} removed")
    return rep
