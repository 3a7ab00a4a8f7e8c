"""Which spec operation a request path names: one table per service instead of a route per path.

Starlette's router tries one compiled regex per route in turn. With a route per spec path
(~170) that cost ~0.07 s of regex compilation at start and, for the last service in the list,
~170 failed matches per request. A :class:`PathTable` answers the same question with a dict
lookup for literal paths, then only the templated paths with the request's number of segments,
in the order the old route list had (fewer parameters first, then by path), so the operation
picked is always the one the regexes picked. ``tests/sandbox/test_routing_parity.py`` checks
that over every path of every spec, against Starlette's own routes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PARAM = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}\Z")

#: (spec path, METHOD -> operationId, path parameters)
Match = tuple[str, dict[str, str], dict[str, str]]


class _Template:
    """A templated spec path as segments. (A plain class: a dataclass costs ~1 ms at import.)"""

    __slots__ = ("last", "literals", "ops", "params", "path")

    def __init__(self, path: str, ops: dict[str, str], literals: list[tuple[int, str]],
                 params: list[tuple[int, str]]) -> None:
        self.path = path
        self.ops = ops
        self.literals = tuple(literals)  # (segment index, text)
        self.params = tuple(params)  # (segment index, name)
        self.last = path.count("/")  # index of the last segment

    def match(self, segments: list[str], newline_end: bool) -> dict[str, str] | None:
        for i, text in self.literals:
            segment = segments[i]
            # Starlette's patterns end in "$", which also matches before one final "\n":
            # "/x/lit\n" is served as /x/lit there (and by the FastAPI servers the specs
            # describe), so it is here too.
            if segment != text and not (newline_end and i == self.last and segment == text + "\n"):
                return None
        values = {}
        for i, name in self.params:
            value = segments[i]
            if not value:  # a parameter is one or more characters ([^/]+)
                return None
            values[name] = value
        return values


class PathTable:
    """The operations of one spec by path; :meth:`match` takes the path inside the service."""

    def __init__(self, operations: Iterable[tuple[str, str, str]]) -> None:
        by_path: dict[str, dict[str, str]] = {}
        for method, path, op_id in operations:
            by_path.setdefault(path, {})[method] = op_id
        self.static: dict[str, tuple[str, dict[str, str]]] = {}
        self.templated: dict[int, list[_Template]] = {}
        # The old route order: literal paths before templated ones, so /x/convert wins over /x/{id}.
        for path in sorted(by_path, key=lambda p: (p.count("{"), p)):
            segments = path.split("/")
            literals: list[tuple[int, str]] = []
            params: list[tuple[int, str]] = []
            for i, segment in enumerate(segments):
                m = _PARAM.match(segment)
                if m is not None:
                    params.append((i, m.group(1)))
                elif "{" in segment or "}" in segment:
                    raise ValueError(f"spec path {path!r}: a parameter must be a whole segment")
                else:
                    literals.append((i, segment))
            names = [name for _, name in params]
            if len(set(names)) != len(names):
                raise ValueError(f"spec path {path!r}: a parameter name is used twice")
            if not params:
                self.static[path] = (path, by_path[path])
            else:
                self.templated.setdefault(len(segments), []).append(_Template(path, by_path[path], literals, params))

    def match(self, rel_path: str) -> Match | None:
        hit = self.static.get(rel_path)
        newline_end = rel_path.endswith("\n")
        if hit is None and newline_end:
            hit = self.static.get(rel_path[:-1])
        if hit is not None:
            return hit[0], hit[1], {}
        segments = rel_path.split("/")
        for template in self.templated.get(len(segments), ()):
            values = template.match(segments, newline_end)
            if values is not None:
                return template.path, template.ops, values
        return None
