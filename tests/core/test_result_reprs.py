"""One result policy, end to end: a field the spec does not declare never shows in a result's repr.

Every public API method of every facade client (found by introspection, as in the malformed
matrix: ``_malformed.py``) is answered with its spec's valid example body with an undeclared
field added to every JSON object in it. The call must succeed (unknown fields are tolerated) and
the result's ``repr`` must not show the field (README: "unknown fields are kept ... but left out
of reprs"; generated models keep them in ``additional_properties``, which is ``repr=False``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import _malformed as m
from _support import specs

UNKNOWN_KEY = "zz_field_the_spec_lacks"
UNKNOWN_VALUE = "unknown-value-5c2e"

#: methods the spec's example answer cannot complete: no result to look at
NO_RESULT = {("conxa-v1", "wait_for_connection"): "polls until the status is 'connected'; the example's is not"}


def _params() -> list[Any]:
    out = []
    for target in m.TARGETS:
        for dotted, api in m.public_methods(target.flavours[0]):
            if not api:
                continue
            out.append(pytest.param(target, dotted, id=f"{target.name}:{dotted}"))
    return out


def with_unknown(spec: str, schema: dict[str, Any], value: Any) -> Any:
    """``value`` with the undeclared field added to every object its schema models (declared
    ``properties``); free-form maps (``metadata``) hold data, not fields, and are left as they are."""
    schema = specs.resolve(m.spec_of(spec), schema)
    for key in ("oneOf", "anyOf"):
        if key in schema:  # m.example builds the first alternative
            return with_unknown(spec, schema[key][0], value)
    properties = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        properties.update(specs.resolve(m.spec_of(spec), part).get("properties", {}))
    if isinstance(value, dict) and properties:
        out = {k: with_unknown(spec, properties[k], v) if k in properties else v for k, v in value.items()}
        return {**out, UNKNOWN_KEY: UNKNOWN_VALUE}
    if isinstance(value, list):
        return [with_unknown(spec, schema.get("items", {}), item) for item in value]
    return value


def _cases(target: m.Target, success: m.Success) -> list[m.Case]:
    if success.json_schema is None:  # a PDF, a redirect, 204: nothing with fields to show
        return [m.Case("not-json", b"%PDF-1.4\n" if success.media else b"", success.media, acceptable=None)]
    valid = m.example(target.spec, success.json_schema)
    body = with_unknown(target.spec, success.json_schema, valid)
    # A closed schema (additionalProperties: false) refuses the field: answer it without one.
    acceptable = m.validator(target.spec, success.json_schema).is_valid(body)
    return [m.Case("valid+unknown", json.dumps(body if acceptable else valid).encode(), acceptable=True)]


@pytest.mark.parametrize(("target", "dotted"), _params())
def test_no_result_repr_shows_a_field_the_spec_lacks(target: m.Target, dotted: str) -> None:
    try:
        results = m.run(target, 0, dotted, lambda success: _cases(target, success))
    except KeyError:
        pytest.fail(f"{dotted}: an API method whose arguments the matrix cannot build")
    for case, outcome in results:
        if outcome.error is not None:
            # a method the pinned contract lacks raises before any request
            assert not outcome.sent or (target.name, dotted) in NO_RESULT, (
                f"{target.name} {dotted} [{case.label}]: {outcome.error!r}")
            continue
        shown = repr(outcome.result)
        assert UNKNOWN_KEY not in shown and UNKNOWN_VALUE not in shown, f"{target.name} {dotted}: {shown[:400]}"


def test_with_unknown_reaches_modelled_objects_only() -> None:
    schema = {"type": "object", "properties": {
        "a": {"type": "object", "properties": {"b": {"type": "array", "items": {
            "type": "object", "properties": {"c": {"type": "integer"}}}}}},
        "metadata": {"type": "object", "additionalProperties": True}}}
    body = with_unknown("lumen/v1.yaml", schema, {"a": {"b": [{"c": 1}]}, "metadata": {"k": "v"}})
    assert body[UNKNOWN_KEY] == body["a"][UNKNOWN_KEY] == body["a"]["b"][0][UNKNOWN_KEY] == UNKNOWN_VALUE
    assert body["metadata"] == {"k": "v"}


def test_declared_json_drops_undeclared_fields_at_every_depth_and_keeps_free_form_maps() -> None:
    from paywire_gen_vellum_v2.models.entitlements import Entitlements

    from paywire._core.known import declared_json, only_declared

    data = {"status": "active", "modules": ["a"], "hasAccess": True, UNKNOWN_KEY: UNKNOWN_VALUE,
            "config": {"trial_days": 7, "anything": "plan data"}}
    model = Entitlements.from_dict(data)
    assert model[UNKNOWN_KEY] == UNKNOWN_VALUE  # kept on the model ...
    shown = only_declared(data, declared_json(model))
    assert UNKNOWN_KEY not in shown  # ... and out of what a repr shows
    assert shown["config"] == {"trial_days": 7, "anything": "plan data"}  # a free-form map is data
    assert data[UNKNOWN_KEY] == UNKNOWN_VALUE  # the answer itself is untouched
