"""The declared part of an answer: what a result's ``repr`` may show.

The result policy (README, "Results") keeps fields the spec does not declare — a newer server
may send them and a caller may read them — but keeps them out of reprs: paywire cannot say
what they mean, and they may carry anything (a newer server's secrets included), while reprs
end up in logs and tracebacks. Generated models already hide ``additional_properties`` in their
own repr (custom model template). Results that *are* the JSON — Vellum's ``Record``, a dict as
the seed SDK returned — need the same at every depth; this module works that out from the
parsed generated model, so the spec stays the only list of what is declared.
"""

from __future__ import annotations

from typing import Any

import attrs


def declared_json(model: Any) -> Any:
    """``model.to_dict()`` without the undeclared fields of it or of any model nested in it.

    A generated model keeps undeclared keys in ``additional_properties`` (``init=False``), so
    rebuilding each model from its declared init fields drops exactly those. A free-form map
    (a model that declares no fields, e.g. ``config`` / ``metadata``) *is* its keys: it is data,
    not fields, and stays whole.
    """
    return _declared(model).to_dict() if attrs.has(type(model)) else model


def _declared(value: Any) -> Any:
    cls = type(value)
    if attrs.has(cls):
        declared = [f for f in attrs.fields(cls) if f.init]
        if not declared:
            return value
        return cls(**{f.alias: _declared(getattr(value, f.name)) for f in declared})
    if isinstance(value, list):
        return [_declared(item) for item in value]
    return value


def only_declared(data: Any, declared: Any) -> Any:
    """``data`` (the JSON as received) keeping, at every depth, only the keys ``declared`` has
    (:func:`declared_json` of the model parsed from it). Values stay as received."""
    if isinstance(data, dict) and isinstance(declared, dict):
        return {k: only_declared(v, declared[k]) for k, v in data.items() if k in declared}
    if isinstance(data, list) and isinstance(declared, list) and len(data) == len(declared):
        return [only_declared(item, shape) for item, shape in zip(data, declared, strict=True)]
    return data
