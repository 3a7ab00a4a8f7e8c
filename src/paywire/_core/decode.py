"""Success bodies are decoded strictly and checked against the spec before a facade reads them.

One place for every service and every pinned API version: a facade hands over the generated
operation module it built the request with (``paywire_gen_x.api.tag.op``) and the response, or
calls that module's public, typed ``parse_response`` itself. The generated parser then decides,
per the spec, what the success status carries —
a JSON model, raw bytes (a PDF), text, or nothing (204, 302) — and the JSON it asks for comes
from :func:`decode_json` (strict) instead of ``httpx.Response.json``. The attrs model it builds
is then checked field by field against the model's own annotations (:func:`check_model`,
compiled once per class), because the generated ``from_dict`` only *casts*: it would pass
``"false"`` through as a ``bool`` and ``"lots"`` as an ``int``.

Anything wrong becomes one :class:`~paywire._core.errors.ResponseValidationError` (each service
passes its own subclass), never a raw ``json.JSONDecodeError`` / ``KeyError`` / ``RecursionError``
and never a default value that looks like a real answer.
"""

from __future__ import annotations

import inspect
import json
import math
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NoReturn, Protocol, TypeVar

import httpx

from paywire._core.errors import ResponseValidationError

#: A field check: None when the value fits, else what is wrong with it.
Check = Callable[[Any], str | None]

_EXTENSION = "paywire.decoded_json"
_MISSING: Any = object()


def _reject_constant(name: str) -> Any:
    # NaN / Infinity / -Infinity are not JSON (RFC 8259); Python's json accepts them by default.
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _content_type_ok(value: str | None) -> bool:
    """The specs answer ``application/json``; a missing header, ``+json`` types and
    ``text/plain`` (what some proxies and frameworks label JSON with) are tolerated too."""
    if not value or value == "application/json":
        return True
    media = value.split(";", 1)[0].strip().lower()
    return media.endswith("/json") or media.endswith("+json") or media == "text/plain"


def decode_json(response: httpx.Response,
                error: type[ResponseValidationError] = ResponseValidationError) -> Any:
    """The body's JSON, strictly: a JSON content type, UTF-8 (UTF-16/32 with a BOM) text, no
    NaN/Infinity, no integers past Python's digit limit, nesting bounded by the interpreter's
    recursion limit (a 100k-deep document is refused, not a crash). Cached on the response, so
    a facade and the generated parser decode it once."""
    extensions = response.extensions
    cached = extensions.get(_EXTENSION, _MISSING)
    if cached is not _MISSING:
        return cached
    content_type = response.headers.get("content-type")
    if not _content_type_ok(content_type):
        raise error(f"content type {content_type!r} is not JSON", response=response)
    content = response.content
    try:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:  # RFC 8259 wants UTF-8; httpx also accepts BOM-marked UTF-16/32
            text = content.decode(json.detect_encoding(content))
        data = _DECODER.decode(text)
    except RecursionError:
        raise error("JSON nested too deeply", response=response) from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, NaN, int digit limit
        if not content.strip():
            raise error("empty body where JSON was expected", response=response) from None
        raise error(f"body is not valid JSON ({_short(exc)})", response=response) from None
    extensions[_EXTENSION] = data
    return data



def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 120 else text[:117] + "..."


# --- the generated operation's view of the response -------------------------------------------------
T = TypeVar("T")

#: ``data=`` default of the generated ``parse_response``: check the response body itself.
BODY: Any = _MISSING


class SuccessAnswer(Protocol):
    """What a generated parser reads: the response's status, headers and body, with a strict
    ``json()`` (every ``<op>._parse_success`` is written against this, not ``httpx.Response``)."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> httpx.Headers: ...

    @property
    def content(self) -> bytes: ...

    @property
    def text(self) -> str: ...

    def json(self) -> Any: ...

    def undocumented(self) -> NoReturn:
        """Raise: the status is no success answer of this operation."""


class _StrictResponse:
    """The :class:`SuccessAnswer` handed to generated parsers: the real response, with a strict
    ``json()`` and the service's own error class for anything the spec does not allow."""

    __slots__ = ("_data", "_error", "_response", "content", "headers", "status_code")

    def __init__(self, response: httpx.Response, error: type[ResponseValidationError], data: Any) -> None:
        self._response = response
        self._error = error
        self._data = data
        self.status_code = response.status_code
        self.headers = response.headers
        self.content = response.content

    def json(self) -> Any:
        return decode_json(self._response, self._error) if self._data is _MISSING else self._data

    @property
    def text(self) -> str:
        return self._response.text

    def undocumented(self) -> NoReturn:
        raise self._error(f"HTTP {self.status_code} is not a success answer of this operation",
                          response=self._response)


def run_parser(parser: Callable[[SuccessAnswer], T], response: httpx.Response,
               error: type[ResponseValidationError] = ResponseValidationError, data: Any = _MISSING) -> T:
    """Run a generated operation's success parser strictly; the body of every generated
    ``<op>.parse_response``. Malformed JSON, missing fields (``KeyError`` in ``from_dict``), and
    fields of the wrong type (``from_dict`` only *casts*, so they are checked afterwards by
    :func:`check_model`) all become ``error``; ``data`` checks that JSON instead of the body."""
    strict = _StrictResponse(response, error, data)
    try:
        parsed = parser(strict)
    except ResponseValidationError:
        raise
    except RecursionError:
        raise error("JSON nested too deeply", response=response) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise error(_describe(exc), response=response) from None
    if parsed is None and 200 <= response.status_code < 300 and response.status_code != 204 \
            and _EXTENSION not in response.extensions and response.content.strip() and data is _MISSING:
        # A bodiless answer per the spec that carries a body anyway: still never raw JSON errors.
        decode_json(response, error)
    problem = _check_value(parsed, response if data is _MISSING else data)
    if problem is not None:
        raise error(problem, response=response)
    return parsed


class _Operation(Protocol):
    """A generated endpoint module, as :func:`parse_success` uses it."""

    SUCCESS_STATUSES: tuple[tuple[int, int], ...]

    def parse_response(self, response: httpx.Response, error: type[ResponseValidationError] = ...,
                       *, data: Any = ...) -> Any: ...


def parse_success(op: types.ModuleType | _Operation, response: httpx.Response,
                  error: type[ResponseValidationError] = ResponseValidationError, *, data: Any = _MISSING) -> Any:
    """The generated model (or bytes / text / None, as the spec says) for a success answer of
    operation ``op``, every field type-checked; raises ``error`` for anything malformed.
    Untyped: a facade that knows its operation calls ``op.parse_response(...)`` directly and
    gets the spec's success type. ``data``: check this JSON instead of the body (a facade that
    reshaped a tolerated variant)."""
    status = response.status_code
    if 200 <= status < 300 and not any(low <= status <= high for low, high in op.SUCCESS_STATUSES):
        # A 2xx the spec does not document for this operation (a 204 where it says 200): the
        # facades written before the typed parsers tolerate it, but never as raw JSON errors.
        if response.content.strip() and data is _MISSING:
            decode_json(response, error)
        return None
    parsed: Any = op.parse_response(response, error, data=data)
    return parsed


def success_json(op: types.ModuleType, response: httpx.Response,
                 error: type[ResponseValidationError] = ResponseValidationError) -> Any:
    """The validated JSON of a success answer (see :func:`parse_success`), for facades that
    build their own result objects from it; ``None`` when the answer has no JSON body."""
    parse_success(op, response, error)
    return response.extensions.get(_EXTENSION)


def success_object(op: types.ModuleType, response: httpx.Response,
                   error: type[ResponseValidationError] = ResponseValidationError) -> dict[str, Any]:
    """Like :func:`success_json`, for operations whose success body is a JSON object."""
    data = success_json(op, response, error)
    if not isinstance(data, dict):
        raise error(f"expected a JSON object, got {_kind(data)}", response=response)
    return data


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"required field {exc.args[0]!r} is missing" if exc.args else "a required field is missing"
    return f"unexpected shape ({type(exc).__name__}: {_short(exc)})"


def _check_value(parsed: Any, source: Any) -> str | None:
    if _is_model(type(parsed)):
        data = source.extensions.get(_EXTENSION, _MISSING) if isinstance(source, httpx.Response) else source
        if data is not _MISSING and not isinstance(data, dict):
            # from_dict(dict([])) would build a model from nothing
            return f"expected a JSON object, got {_kind(data)}"
        return check_model(parsed)
    if isinstance(parsed, list):
        for index, item in enumerate(parsed):
            problem = check_model(item) if _is_model(type(item)) else None
            if problem is not None:
                return f"[{index}]: {problem}"
    return None


# --- model checks ------------------------------------------------------------------------------------
_PLANS: dict[type, tuple[tuple[str, Check], ...]] = {}


def _is_model(cls: type) -> bool:
    """``attrs.has(cls)`` for the generated (never generic) models, without importing attrs
    when paywire is imported (~17 ms, measured with ``python -X importtime``)."""
    return cls in _PLANS or getattr(cls, "__attrs_attrs__", None) is not None


def check_model(model: Any) -> str | None:
    """None when every field of a generated attrs model holds a value of its annotated type,
    else ``"field.sub: expected bool, got str"``. Plans are compiled once per class.

    A valid model (nearly every answer) is confirmed by the class's compiled predicate
    (:func:`_compile_valid`: one function, no call per field); only when it says no does the
    plan run, field check by field check, to name the problem (or to confirm what the
    predicate was too strict to)."""
    cls = type(model)
    valid = _VALID.get(cls)
    if valid is None:
        _compile(cls)
        valid = _VALID[cls]
    return None if valid(model) else _plan_problem(model)


def _plan_problem(model: Any) -> str | None:
    """What :func:`check_model` reports, found by the class's plan, one field check at a time."""
    cls = type(model)
    for name, check in _PLANS[cls]:
        problem = check(getattr(model, name))
        if problem is not None:
            shown = _WIRE[cls].get(name, name)
            return f"{shown}{'' if problem.startswith(('.', '[')) else ': '}{problem}"
    return None


def _compile(cls: type) -> tuple[tuple[str, Check], ...]:
    # Generated models import their nested models only under TYPE_CHECKING: resolve the
    # annotations against the models package the class's own module belongs to (already imported:
    # Python imports a module's parent packages first), as a relative import would. Nothing is
    # imported or looked up by a generated package's name.
    module = sys.modules[cls.__module__]
    package = sys.modules.get(module.__package__ or "")
    namespace: Mapping[str, Any] = _Attributes(package) if package is not None and package is not module else {}
    import attrs  # here, not at import: the generated models bring it when the first answer is parsed

    hints = typing.get_type_hints(cls, globalns=vars(module), localns=namespace)
    wire = _wire_names(cls)
    fields = tuple((f.name, hints[f.name]) for f in attrs.fields(cls) if f.name != "additional_properties")
    plan = tuple((name, _check_for(hint)) for name, hint in fields)
    valid = _compile_valid(cls, fields)
    _HINTS[cls] = fields
    _WIRE[cls] = wire  # before the plan: another thread may use a published plan at once
    _PLANS[cls] = plan
    _VALID[cls] = valid  # last: check_model takes a published predicate as "plan and names ready"
    return plan


class _Attributes(Mapping[str, Any]):
    """A package's attributes as a read-only mapping, for ``eval``'s locals: a lookup is
    ``getattr``, so a models package that imports each model on first access (its PEP 562
    ``__getattr__``, openapi/templates/models_init.py.jinja) resolves a name it has not loaded
    yet; ``vars(package)`` would only hold the models something already used."""

    __slots__ = ("_package",)

    def __init__(self, package: types.ModuleType) -> None:
        self._package = package

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self._package, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(dir(self._package))

    def __len__(self) -> int:
        return len(dir(self._package))


# --- the compiled predicate: one generated function per model class -----------------------------------
_VALID: dict[type, Callable[[Any], bool]] = {}
_HINTS: dict[type, tuple[tuple[str, Any], ...]] = {}  # each class's checked fields and their annotations


def _model_valid(model: Any) -> bool:
    """A nested model's predicate (looked up per call: models may nest each other)."""
    valid = _VALID.get(type(model))
    return valid(model) if valid is not None else check_model(model) is None


def _compile_valid(cls: type, fields: tuple[tuple[str, Any], ...]) -> Callable[[Any], bool]:
    """``valid(model) -> bool``: True only if every field passes its plan check (see
    :func:`_check_for`), as straight-line code with the type tests inlined; the per-field
    closures cost one Python call per field and per list item, ~half of a check. It may say
    False where the plan finds nothing (a hint it does not inline exactly is delegated to the
    plan's own closure, so it never does): check_model then runs the plan, which decides.
    Built like dataclasses' ``__init__``: source from the annotations, ``exec`` once per class."""
    names: dict[str, Any] = {"_model_valid": _model_valid, "_float": _float}
    lines = ["def valid(m):"]
    for name, hint in fields:
        if not name.isidentifier():
            return _never
        lines.append(f"    v = m.{name}")
        _emit_valid(hint, "v", "    ", lines, names)
    lines.append("    return True")
    exec("\n".join(lines), names)  # source built above from the class's own annotations only
    valid: Callable[[Any], bool] = names["valid"]
    return valid


def _never(model: Any) -> bool:
    return False


def _emit_valid(hint: Any, var: str, indent: str, lines: list[str], names: dict[str, Any]) -> None:
    """Append the statements that ``return False`` unless ``var`` fits ``hint``."""
    origin = typing.get_origin(hint)
    if origin is list:
        (item_hint,) = typing.get_args(hint) or (Any,)
        item = f"e{len(names)}"
        names[item] = None  # reserves the name
        lines.append(f"{indent}if not isinstance({var}, list): return False")
        lines.append(f"{indent}for {item} in {var}:")
        _emit_valid(item_hint, item, indent + "    ", lines, names)
        lines.append(f"{indent}    pass")
        return
    lines.append(f"{indent}if not ({_valid_expression(hint, var, names)}): return False")


def _valid_expression(hint: Any, var: str, names: dict[str, Any]) -> str:
    """A boolean expression on ``var``, True only when ``_check_for(hint)`` passes it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return "(" + " or ".join(_valid_expression(arg, var, names) for arg in typing.get_args(hint)) + ")"
    if hint is Any or hint is object:
        return "True"
    if hint is type(None):
        return f"{var} is None"
    if hint is bool:
        return f"({var} is True or {var} is False)"
    if hint is str:
        return f"isinstance({var}, str)"
    if hint is int:
        return f"(isinstance({var}, int) and not isinstance({var}, bool))"
    if hint is float:  # ints pass, inf does not: the plan's own rule
        return f"_float({var}) is None"
    if origin is None and isinstance(hint, type):  # a nested model, datetime, File, Unset, enums
        ref = f"t{len(names)}"
        names[ref] = hint
        if _is_model(hint):
            return f"(isinstance({var}, {ref}) and _model_valid({var}))"
        return f"isinstance({var}, {ref})"
    check = f"c{len(names)}"  # lists in unions, dicts, literals: the plan's own closure
    names[check] = _check_for(hint)
    return f"{check}({var}) is None"


_WIRE: dict[type, dict[str, str]] = {}
_TO_DICT_KEY = re.compile(r'(?:field_dict\["([^"]+)"\]\s*=|^\s*"([^"]+)":)\s*(\w+)\s*,?\s*$', re.MULTILINE)


def _wire_names(cls: type) -> dict[str, str]:
    """attribute -> JSON key (``has_active_subscription`` -> ``hasActiveSubscription``), read
    from the generated ``to_dict``, so errors name the field as it appears in the body."""
    try:
        source = inspect.getsource(cls.to_dict)  # type: ignore[attr-defined]
    except (AttributeError, OSError, TypeError):
        return {}
    return {var: key or other for key, other, var in _TO_DICT_KEY.findall(source)}


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _check_for(hint: Any) -> Check:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_check_for(arg) for arg in typing.get_args(hint)]
        names = " | ".join(_name(arg) for arg in typing.get_args(hint))
        nullable = type(None) in typing.get_args(hint)

        def union(value: Any) -> str | None:
            if value is None and nullable:  # an absent optional field: no other option to try
                return None
            inner = None
            for option in options:
                problem = option(value)
                if problem is None:
                    return None
                if problem.startswith((".", "[")):  # the right model, with a bad field inside
                    inner = problem
            return inner or f"expected {names}, got {_kind(value)}"
        return union
    if origin is list:
        (item_hint,) = typing.get_args(hint) or (Any,)
        item = _check_for(item_hint)

        def items(value: Any) -> str | None:
            if not isinstance(value, list):
                return f"expected list, got {_kind(value)}"
            for index, entry in enumerate(value):
                problem = item(entry)
                if problem is not None:
                    return f"[{index}]: {problem}"
            return None
        return items
    if origin is dict:
        args = typing.get_args(hint)
        value_check = _check_for(args[1]) if len(args) == 2 else _any

        def mapping(value: Any) -> str | None:
            if not isinstance(value, dict):
                return f"expected object, got {_kind(value)}"
            if value_check is not _any:
                for key, entry in value.items():
                    problem = value_check(entry)
                    if problem is not None:
                        return f"[{key!r}]: {problem}"
            return None
        return mapping
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        return lambda value: None if value in allowed else f"expected one of {allowed!r}, got {value!r}"
    if hint is Any or hint is object:
        return _any
    if hint is type(None):
        return lambda value: None if value is None else f"expected null, got {_kind(value)}"
    if hint is bool:
        return lambda value: None if value is True or value is False else f"expected bool, got {_kind(value)}"
    if hint is int:
        return _int
    if hint is float:
        return _float
    if hint is str:
        return lambda value: None if isinstance(value, str) else f"expected string, got {_kind(value)}"
    if isinstance(hint, type) and _is_model(hint):
        model = hint

        def nested(value: Any) -> str | None:
            if not isinstance(value, model):
                return f"expected {model.__name__} object, got {_kind(value)}"
            problem = check_model(value)
            return None if problem is None else "." + problem
        return nested
    if isinstance(hint, type):  # datetime/date (parsed by the generated code), File, Unset, enums
        cls = hint
        return lambda value: None if isinstance(value, cls) else f"expected {cls.__name__}, got {_kind(value)}"
    return _any


def _any(value: Any) -> str | None:
    return None


def _int(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return None
    return f"expected integer, got {_kind(value)}"


def _float(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected number, got {_kind(value)}"
    if isinstance(value, float) and not math.isfinite(value):  # 1e400 parses as inf
        return "expected a finite number"
    return None


def _name(hint: Any) -> str:
    if hint is type(None):
        return "null"
    if isinstance(hint, type):
        return {"str": "string", "int": "integer", "float": "number"}.get(hint.__name__, hint.__name__)
    return str(hint)


__all__ = ["BODY", "SuccessAnswer", "check_model", "decode_json", "parse_success", "run_parser", "success_json",
           "success_object"]
