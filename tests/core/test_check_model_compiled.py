"""``check_model``'s compiled predicate (``_core/decode.py``) against the per-field plan it speeds up.

For every model class of every generated package, random instances (values drawn from each
field's annotation, a share of them replaced by wrong-typed ones, nested models included) must
get exactly the plan's verdict and message, and the predicate may only say "valid" when the
plan finds nothing: it is the fast path, the plan stays the judge.
"""

from __future__ import annotations

import importlib
import math
import random
import types
import typing
from pathlib import Path
from typing import Any

import pytest

import paywire
from paywire._core import decode

GENERATED = Path(paywire.__file__).resolve().parents[2] / "generated"
PACKAGES = sorted(p.name for p in GENERATED.iterdir() if p.name.startswith("paywire_gen_") and p.is_dir())
JUNK: list[Any] = [None, True, False, 0, 7, -1.5, 2.0, math.inf, math.nan, "", "x", [], ["x"], [1, "x"], {},
                   {"k": 1}, {"k": "v"}, object()]


def _models(package: str) -> list[type]:
    # by __all__, not vars(): the models package imports each model on first access
    module = importlib.import_module(f"{package}.models")
    return [cls for cls in (getattr(module, name) for name in module.__all__)
            if isinstance(cls, type) and getattr(cls, "__attrs_attrs__", None) is not None]


def _sample(hint: Any, rng: random.Random, depth: int) -> Any:
    if rng.random() < 0.12:
        return rng.choice(JUNK)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _sample(rng.choice(args), rng, depth)
    if origin is list:
        return [_sample(args[0] if args else Any, rng, depth) for _ in range(rng.randrange(3))]
    if origin is dict:
        return {f"k{i}": _sample(args[1] if len(args) == 2 else Any, rng, depth) for i in range(rng.randrange(3))}
    if origin is typing.Literal:
        return rng.choice(args)
    if hint is type(None):
        return None
    if hint is bool:
        return rng.random() < 0.5
    if hint is int:
        return rng.randrange(-5, 5)
    if hint is float:
        return rng.choice([1.5, 3, math.inf, -0.0])
    if hint is str:
        return "s"
    if isinstance(hint, type) and getattr(hint, "__attrs_attrs__", None) is not None:
        return _instance(hint, rng, depth + 1) if depth < 3 else rng.choice(JUNK)
    if isinstance(hint, type):
        try:
            return hint.__new__(hint)  # datetime, enums and the like: an instance of the class
        except TypeError:
            return rng.choice(JUNK)
    return rng.choice(JUNK)


def _instance(cls: type, rng: random.Random, depth: int) -> Any:
    if cls not in decode._VALID:
        decode._compile(cls)  # what the first check of the class does
    hints = decode._HINTS[cls]
    model = cls.__new__(cls)
    for name, hint in hints:
        object.__setattr__(model, name, _sample(hint, rng, depth))
    return model


@pytest.mark.parametrize("package", PACKAGES)
def test_the_compiled_predicate_agrees_with_the_plan_on_every_model(package: str) -> None:
    models = _models(package)
    assert models, package
    rng = random.Random(package)
    valid_seen = invalid_seen = 0
    for cls in models:
        for _ in range(60):
            model = _instance(cls, rng, 0)
            expected = decode._plan_problem(model)
            assert decode.check_model(model) == expected, (cls, expected)
            if decode._VALID[cls](model):
                assert expected is None, (cls, expected)
                valid_seen += 1
            else:
                invalid_seen += 1
    assert valid_seen and invalid_seen  # both branches ran
