"""The custom generator templates (openapi/templates, issue #13.2 and #14 groundwork): they are
used, locked, drift-checked, and give every package a public typed ``build_request`` per
endpoint module and an ``OPERATIONS`` index that matches the spec."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate  # noqa: E402

CLIENTS = generate.discover()
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def run_generate(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PAYWIRE_GEN_TOOLS=str(generate.TOOLS))
    return subprocess.run([sys.executable, str(root / "scripts" / "generate.py"), *args],
                          capture_output=True, text=True, env=env, timeout=600)


def spec_operation_ids(client: generate.Client) -> dict[str, tuple[str, str]]:
    spec = yaml.safe_load(client.spec.read_text())
    out = {}
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                out[item[method]["operationId"]] = (method, path)
    return out


def endpoint_modules(package: str) -> list[str]:
    api = importlib.import_module(f"{package}.api")
    return [m.name for m in pkgutil.walk_packages(api.__path__, api.__name__ + ".") if not m.ispkg]


def test_lock_records_the_template_hash_for_every_client() -> None:
    lock = json.loads((ROOT / "openapi" / "lock.json").read_text())["clients"]
    assert generate.TEMPLATES.is_dir() and any(generate.TEMPLATES.glob("*.jinja"))
    for client in CLIENTS:
        assert lock[client.key]["templates_sha256"] == generate.templates_sha256()


def test_template_dir_is_not_mistaken_for_a_service() -> None:
    assert "templates" not in {c.service for c in CLIENTS}


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_operation_index_lists_every_spec_operation_and_module(client: generate.Client) -> None:
    api = importlib.import_module(f"{client.package}.api")
    spec_ops = spec_operation_ids(client)
    assert set(api.OPERATIONS) == set(spec_ops)
    assert sorted(op.module for op in api.OPERATIONS.values()) == sorted(endpoint_modules(client.package))
    for op_id, op in api.OPERATIONS.items():
        method, path = spec_ops[op_id]
        assert (op.operation_id, op.method) == (op_id, method)
        assert op.tag == op.module.split(".")[-2]
        assert op.path.count("{") == len(op.path_params) == path.count("{")


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_every_endpoint_module_has_a_public_typed_request_builder(client: generate.Client) -> None:
    types = importlib.import_module(f"{client.package}.types")
    spec = types.RequestSpec
    assert spec.__required_keys__ == {"method", "url"}
    assert {"params", "json", "headers"} <= spec.__optional_keys__
    for name in endpoint_modules(client.package):
        module = importlib.import_module(name)
        hints = typing.get_type_hints(module.build_request)
        assert hints["return"] is spec, name
        source = Path(module.__file__).read_text()
        assert "urllib.parse import quote" not in source, name  # the old, dot-segment-blind encoding


def test_editing_a_template_makes_every_client_stale_and_regeneration_uses_it(tmp_path: Path) -> None:
    for name in ("scripts", "openapi", "generated"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    template = tmp_path / "openapi" / "templates" / "endpoint_module.py.jinja"
    template.write_text(template.read_text() + "\n# paywire-template-probe\n")

    stale = run_generate("--check", "--quick", root=tmp_path)
    assert stale.returncode == 1
    for client in CLIENTS:
        assert f"{client.package}: custom templates (openapi/templates) changed" in stale.stderr

    fixed = run_generate("--only", "conxa/v1", root=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    module = tmp_path / "generated" / "paywire_gen_conxa_v1" / "api" / "wallets" / "get_wallet_balance.py"
    assert "# paywire-template-probe" in module.read_text()
    still = run_generate("--check", "--quick", root=tmp_path)
    assert "paywire_gen_conxa_v1" not in still.stderr and "paywire_gen_vellum_v2" in still.stderr


# --- #14 (b): absent optional fields read as None ------------------------------------------------
def model_classes(package: str) -> list[type]:
    import attrs

    models = importlib.import_module(f"{package}.models")
    return [obj for name in models.__all__ if attrs.has(obj := getattr(models, name))]


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_no_model_field_is_typed_or_defaulted_unset(client: generate.Client) -> None:
    import attrs

    types = importlib.import_module(f"{client.package}.types")
    classes = model_classes(client.package)
    assert classes
    for cls in classes:
        for field in attrs.fields(cls):
            assert "Unset" not in str(field.type), f"{cls.__name__}.{field.name}: {field.type}"
            assert field.default is not types.UNSET, f"{cls.__name__}.{field.name}"


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.key)
def test_models_without_required_fields_read_none_and_send_nothing(client: generate.Client) -> None:
    """Every model whose fields are all optional: parsed from ``{}``, each attribute is None (or
    its spec default) and ``to_dict()`` leaves the absent ones out, as Unset did."""
    import attrs

    checked = 0
    for cls in model_classes(client.package):
        fields = [f for f in attrs.fields(cls) if f.init]
        if any(f.default is attrs.NOTHING for f in fields):
            continue
        parsed = cls.from_dict({})
        for field in fields:
            assert getattr(parsed, field.name) is None or getattr(parsed, field.name) == field.default, (
                f"{cls.__name__}.{field.name}")
        sent = parsed.to_dict()
        assert all(value is not None for value in sent.values()), (cls.__name__, sent)
        checked += 1
    if client.key != "conxa/v1":  # CONXA's models all have required fields
        assert checked > 0


def test_nullable_optional_field_none_is_left_out_and_a_value_is_sent() -> None:
    from paywire_gen_lumen_v1.models.enrollment_request import EnrollmentRequest

    required = {"customerEmail": "a@example.com", "customerName": "A", "userId": "u1"}
    absent = EnrollmentRequest.from_dict(required)
    explicit_null = EnrollmentRequest.from_dict({**required, "billingCity": None})
    assert absent.billing_city is None and explicit_null.billing_city is None
    assert "billingCity" not in absent.to_dict() and "billingCity" not in explicit_null.to_dict()
    assert EnrollmentRequest.from_dict({**required, "billingCity": "Oslo"}).to_dict()["billingCity"] == "Oslo"
    built = EnrollmentRequest(customer_email="a@example.com", customer_name="A", user_id="u1", tax_id="NO1")
    assert built.to_dict() == {**required, "taxId": "NO1"}


def test_nullable_optional_request_fields_only_on_creating_operations() -> None:
    """The decision in openapi/README.md: None means "absent" and is never sent as null. That
    loses nothing while every nullable optional request field is on an operation that creates
    (omitted == null). A PATCH/PUT that gains one (where null may mean "clear it") fails here,
    so the decision is revisited instead of silently never sending null."""
    offenders = []
    for client in CLIENTS:
        spec = yaml.safe_load(client.spec.read_text())
        schemas = spec.get("components", {}).get("schemas", {})

        def resolve(node: dict, schemas: dict = schemas) -> dict:
            while "$ref" in node:
                node = schemas[node["$ref"].rsplit("/", 1)[-1]]
            return node

        def nullable(prop: dict) -> bool:
            prop = resolve(prop)
            kind = prop.get("type")
            if isinstance(kind, list) and "null" in kind:
                return True
            return any(resolve(p).get("type") == "null" for p in prop.get("anyOf", []) + prop.get("oneOf", []))

        for path, item in spec["paths"].items():
            for method in ("put", "patch"):
                body = item.get(method, {}).get("requestBody")
                if not body:
                    continue
                for media in body["content"].values():
                    schema = resolve(media["schema"])
                    required = set(schema.get("required", []))
                    for name, prop in schema.get("properties", {}).items():
                        if name not in required and nullable(prop):
                            offenders.append(f"{client.key} {method.upper()} {path}: {name}")
    assert offenders == []
