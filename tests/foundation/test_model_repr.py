"""One result policy (README "Architecture"): unknown fields are kept but left out of reprs.

Checked over every generated model of every pinned package (``models.__all__`` of each client
``scripts/generate.py`` discovers), so a new spec or schema is covered without editing this file.
Each model is built from typed values (its own annotations, nested models included), sent through
``to_dict()``, given a field the spec does not know, and parsed back with ``from_dict`` — the path
a server answer takes. The unknown field must stay readable (``model[key]``,
``additional_properties``, re-sent by ``to_dict()``) and must not appear in ``repr``.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import io
import sys
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402

CLIENTS = generate.discover()
UNKNOWN_KEY = "zz_field_the_spec_lacks"
#: a value per additional-properties type that no declared field of a built model holds
UNKNOWN_VALUES: dict[Any, Any] = {Any: "unknown-value-7d1f", str: "unknown-value-7d1f", float: 98765.4321,
                                  int: 987654321, bool: True}


def model_classes(package: str) -> list[type]:
    models = importlib.import_module(f"{package}.models")
    return [obj for name in models.__all__ if attrs.has(obj := getattr(models, name))]


def _hints(cls: type) -> dict[str, Any]:
    # Nested models are imported under TYPE_CHECKING only: resolve against the package's models.
    package = cls.__module__.split(".models", 1)[0]
    models = importlib.import_module(f"{package}.models")  # imports each model on first access
    namespace = {**vars(importlib.import_module(f"{package}.types")),
                 **{name: getattr(models, name) for name in models.__all__}}
    return typing.get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), localns=namespace)


def build(hint: Any, depth: int = 0) -> Any:
    """A value of type ``hint``, every optional field filled in (so repr has something to show)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return build(next(a for a in typing.get_args(hint) if a is not type(None)), depth)
    if origin is typing.Literal:
        return typing.get_args(hint)[0]
    if origin is list:
        return [build(typing.get_args(hint)[0], depth + 1)] if depth < 8 else []
    if origin is dict:
        return {}
    if hint is Any or hint is str:
        return "declared"
    if hint is bool:
        return False
    if hint is int:
        return 3
    if hint is float:
        return 1.5
    if hint is dt.datetime:
        return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    if hint is dt.date:
        return dt.date(2026, 1, 1)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return next(iter(hint))
    if isinstance(hint, type) and hint.__name__ == "File":
        return hint(payload=io.BytesIO(b"x"))
    if attrs.has(hint):
        hints = _hints(hint)
        fields = {f.name: build(hints[f.name], depth + 1) for f in attrs.fields(hint) if f.init}
        return hint(**fields)
    raise AssertionError(f"no value for {hint!r}")


def _unknown_value(cls: type) -> Any:
    kind = typing.get_args(_hints(cls)["additional_properties"])[1]
    return UNKNOWN_VALUES[kind]


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_every_model_keeps_unknown_fields_readable_and_out_of_repr(client: generate.Client) -> None:
    classes = model_classes(client.package)
    assert classes, f"{client.package} has no models"
    checked = 0
    for cls in classes:
        names = {f.name for f in attrs.fields(cls)}
        if "additional_properties" not in names:  # the spec closes it (additionalProperties: false)
            continue
        unknown = _unknown_value(cls)
        data = build(cls).to_dict()
        data[UNKNOWN_KEY] = unknown
        parsed = cls.from_dict(data)
        where = f"{client.package}.{cls.__name__}"
        assert parsed[UNKNOWN_KEY] == unknown, where
        assert UNKNOWN_KEY in parsed and parsed.additional_properties == {UNKNOWN_KEY: unknown}, where
        assert parsed.to_dict()[UNKNOWN_KEY] == unknown, where  # re-sent as received
        shown = repr(parsed)
        assert UNKNOWN_KEY not in shown and "additional_properties" not in shown, f"{where}: {shown}"
        if isinstance(unknown, str):
            assert unknown not in shown, f"{where}: {shown}"
        declared = [f.name for f in attrs.fields(cls) if f.init]
        assert all(f"{name}=" in shown for name in declared), f"{where}: declared fields stay in repr: {shown}"
        checked += 1
    assert checked, f"{client.package}: no model with additional properties checked"


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_no_model_field_other_than_unknown_fields_is_hidden(client: generate.Client) -> None:
    """The reprs hide nothing the spec declares (the template change is that one field)."""
    for cls in model_classes(client.package):
        for field in attrs.fields(cls):
            assert field.repr is (field.name != "additional_properties"), f"{cls.__name__}.{field.name}"


def test_the_check_would_see_an_unknown_field_in_repr() -> None:
    """The stock template's field (repr on) fails the repr assertion above."""

    @attrs.define
    class Stock:
        name: str
        additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    model = Stock("declared")
    model.additional_properties[UNKNOWN_KEY] = "unknown-value-7d1f"
    assert UNKNOWN_KEY in repr(model)
