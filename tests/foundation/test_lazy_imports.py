"""Importing paywire loads only what the imported path needs (issue #15: "Import cost stays lazy:
a dependency loaded only when its path is used").

Every public package of ``paywire`` is found by walking its directories (not listed here; the
sandbox, an emulator built on Starlette and uvicorn, is not a facade) and imported in a fresh
interpreter, then each of its public modules in turn: after each import none of :data:`HEAVY`
(nor of paywire's own modules that cost as much, :data:`OWN_HEAVY`) may be loaded, unless the
module exists to use it (:data:`NEEDS`, with the reason). Then, for
every facade package with clients, the laziness is shown to be real, not a broken path: in a
fresh interpreter the first sync call loads the pinned contract's generated package (and attrs)
and never asyncio, and building the async client loads the asyncio wire.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import paywire
from paywire._core.client import AsyncClient, BaseClient, SyncClient
from paywire._versions import API_VERSIONS, default_version

PACKAGE_DIR = Path(paywire.__file__).resolve().parent

#: what a facade import must not load: the async stack, the optional wires, the generated
#: packages (attrs classes), the optional extras (QR, Redis, token files) and the frameworks the
#: Lumen proxies adapt to
HEAVY = frozenset({
    "asyncio", "aiohttp", "attr", "attrs", "httpcore", "h11", "anyio", "dateutil",
    "zxingcpp", "segno", "qrcode", "PIL", "redis", "filelock", "platformdirs",
    "flask", "django", "starlette", "fastapi", "uvicorn", "jsonschema", "openapi_core",
})
GENERATED_PREFIX = "paywire_gen_"

#: public modules that exist to use a heavy module, and which ones
NEEDS: dict[str, frozenset[str]] = {
    # the Redis tier and token store are the paywire[redis] extra; redis-py imports asyncio itself
    "paywire.entitlements.redis_tier": frozenset({"redis", "asyncio"}),
    "paywire.entitlements.relay": frozenset({"redis", "asyncio"}),
    "paywire.spaps.redis_store": frozenset({"redis", "asyncio"}),
    # re-exports the generated models (attrs classes) by name: importing it asks for them
    "paywire.lumen.models": frozenset({"attr", "attrs", "paywire_gen_lumen_v1"}),
    # the `paywire demo` command: runs an asyncio sandbox, never imported by SDK code
    "paywire.demo": frozenset({"asyncio"}),
}

#: paywire's own modules that cost as much as a dependency -> the modules that may load them
OWN_HEAVY: dict[str, tuple[str, ...]] = {
    # builds ~75 dataclasses at import (50-70 ms on the 2-core dev VM, more than the rest of
    # paywire.spaps): the results, imported by the resource modules a client loads on first use
    "paywire.spaps.models": ("paywire.spaps.models", "paywire.spaps.resources."),
}


def allowed(module: str) -> frozenset[str]:
    """What importing ``module`` may load of HEAVY / OWN_HEAVY."""
    own = {name for name, importers in OWN_HEAVY.items() if module.startswith(importers)}
    return NEEDS.get(module, frozenset()) | own


def _public(name: str) -> bool:
    return not any(part.startswith("_") for part in name.split(".")[1:])


def public_packages() -> dict[str, list[str]]:
    """Every public package of paywire but the sandbox -> its public plain modules, found by
    walking the directories (nothing is imported here)."""
    found: dict[str, list[str]] = {}

    def walk(directory: Path, package: str) -> None:
        found[package] = []
        for info in pkgutil.iter_modules([str(directory)], package + "."):
            if not _public(info.name) or info.name == "paywire.sandbox":
                continue
            if info.ispkg:
                walk(directory / info.name.rsplit(".", 1)[1], info.name)
            else:
                found[package].append(info.name)

    walk(PACKAGE_DIR, "paywire")
    return found


PACKAGES = public_packages()

# Imports the package, then each module; prints what of HEAVY each import added.
_IMPORTS = r"""
import importlib, json, sys
heavy, prefix = frozenset(json.loads(sys.argv[1])), sys.argv[2]

own = frozenset(json.loads(sys.argv[3]))

def loaded():
    return ({m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy or m.startswith(prefix)}
            | (own & sys.modules.keys()))

report = {}
for name in json.loads(sys.argv[4]):
    before = loaded()
    importlib.import_module(name)
    report[name] = sorted(loaded() - before)
print(json.dumps(report))
"""


def _run(script: str, *args: str) -> Any:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _heavy_loaded(modules: list[str]) -> dict[str, list[str]]:
    return _run(_IMPORTS, json.dumps(sorted(HEAVY)), GENERATED_PREFIX, json.dumps(sorted(OWN_HEAVY)),  # type: ignore[no-any-return]
                json.dumps(modules))


def test_the_walk_finds_every_facade_and_no_sandbox_module() -> None:
    assert {"paywire", "paywire.spaps", "paywire.lumen", "paywire.vellum", "paywire.conxa",
            "paywire.lumen.handlers", "paywire.entitlements"} <= set(PACKAGES)
    assert "paywire.lumen.handlers.flask_handler" in PACKAGES["paywire.lumen.handlers"]
    assert not [p for p in PACKAGES if p.startswith("paywire.sandbox")]
    modules = {m for names in PACKAGES.values() for m in names}
    assert set(NEEDS) | set(OWN_HEAVY) <= modules  # no stale exception


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_importing_a_public_module_loads_no_heavy_module_it_does_not_need(package: str) -> None:
    # the package first, then its modules one by one (each is blamed for what it adds); a
    # module allowed a heavy one gets its own interpreter, so it masks nothing for the others
    assert allowed(package) == frozenset()
    plain = [m for m in PACKAGES[package] if not allowed(m)]
    added = _heavy_loaded([package, *plain])
    assert {name: mods for name, mods in added.items() if mods} == {}
    for module in (m for m in PACKAGES[package] if allowed(m)):
        assert set(_heavy_loaded([module])[module]) <= allowed(module), module


def test_a_deliberately_heavy_import_is_seen() -> None:
    """The probe itself: an import that loads asyncio and a generated package is reported."""
    added = _heavy_loaded(["paywire", "asyncio", f"{GENERATED_PREFIX}conxa_v1.models"])
    assert added["paywire"] == []
    assert added["asyncio"] == ["asyncio"]
    assert {"attrs", f"{GENERATED_PREFIX}conxa_v1"} <= set(added[f"{GENERATED_PREFIX}conxa_v1.models"])


# --- the first use loads what it needs -----------------------------------------------------------------
#: per service: constructor arguments and a first call (a method path and its arguments). A
#: facade with clients and no entry here fails the test below, naming it.
FIRST_CALL: dict[str, tuple[dict[str, Any], str, dict[str, Any]]] = {
    "spaps": ({"api_key": "spaps_test_key"}, "metrics.health", {}),
    "lumen": ({"api_key": "lumen_test_key"}, "get_subscription_status", {"user_id": "user_1"}),
    "vellum": ({"api_key": "vlm_test.key", "tenant_id": "sam"}, "get_entitlements", {"customer_id": "unit_1"}),
    "conxa": ({"api_key": "pk_test_openai_key", "provider_id": "openai"}, "get_wallet_balance",
              {"wallet_id": "4242424242424242"}),
}

# Imports the facade; the sync client's first call (answered by a MockTransport: 200, ``{}``),
# then builds the async client on the default wire; prints what each step loaded.
_FIRST_USE = r"""
import importlib, json, sys
import httpx
heavy, prefix = frozenset(json.loads(sys.argv[1])), sys.argv[2]
package, sync_name, async_name = sys.argv[3:6]
kwargs, method, args = json.loads(sys.argv[6])

def loaded():
    return {m for m in sys.modules if m.split(".")[0] in heavy or m.startswith(prefix)
            or m == "paywire._core.asyncio_transport"}

out = {}
facade = importlib.import_module(package)
out["import"] = sorted({m.split(".")[0] for m in loaded()})
before = loaded()
client = getattr(facade, sync_name)(transport=httpx.MockTransport(lambda request: httpx.Response(200, json={})),
                                    max_retries=0, **kwargs)
target = client
for part in method.split("."):
    target = getattr(target, part)
try:
    target(**args)
    out["outcome"] = "returned"
except Exception as exc:  # a malformed answer: the service's error, if the path works
    from paywire import PaywireError
    out["outcome"] = "paywire error" if isinstance(exc, PaywireError) else f"{type(exc).__name__}: {exc}"
client.close()
out["sync call"] = sorted({m.split(".")[0] for m in loaded() - before})
before = loaded()
getattr(facade, async_name)(**kwargs)
out["async build"] = sorted(loaded() - before)
print(json.dumps(out))
"""


def _client_classes(package: str) -> tuple[str, str] | None:
    """(sync, async) client classes among the package's exports, by introspection, by their own
    names (``VellumClient``; the seed's aliases, ``VellumCharterClient`` ..., are the same classes)."""
    module = importlib.import_module(package)
    classes = {value for value in (getattr(module, name, None) for name in getattr(module, "__all__", ()))
               if isinstance(value, type) and issubclass(value, BaseClient)}
    assert all(getattr(module, cls.__name__) is cls for cls in classes)
    sync = sorted(cls.__name__ for cls in classes if issubclass(cls, SyncClient))
    async_ = sorted(cls.__name__ for cls in classes if issubclass(cls, AsyncClient))
    if not sync and not async_:
        return None
    assert len(sync) == len(async_) == 1, (sync, async_)
    return sync[0], async_[0]


FACADES = [p for p in sorted(PACKAGES) if p.count(".") == 1 and _client_classes(p) is not None]


def test_every_service_has_a_facade_with_clients() -> None:
    assert [p.split(".")[1] for p in FACADES] == sorted(API_VERSIONS)


@pytest.mark.parametrize("package", FACADES)
def test_the_first_call_and_the_async_client_load_what_they_need(package: str) -> None:
    service = package.split(".")[1]
    classes = _client_classes(package)
    assert classes is not None
    out = _run(_FIRST_USE, json.dumps(sorted(HEAVY)), GENERATED_PREFIX, package, *classes,
               json.dumps(FIRST_CALL[service]))
    pinned = API_VERSIONS[service][default_version(service)]

    assert out["import"] == []
    assert out["outcome"] in ("returned", "paywire error")  # not a NameError of a deferred import
    # the sync path: the pinned contract's generated code and attrs, never asyncio
    assert {pinned, "attrs"} <= set(out["sync call"])
    assert "asyncio" not in out["sync call"]
    # the async client's default wire, and asyncio with it
    assert {"paywire._core.asyncio_transport", "asyncio"} <= set(out["async build"])


def test_lazily_exported_names_resolve() -> None:
    """Names a facade exports on first use (``paywire.spaps.AuthResult``, ``paywire.RateLimitError``,
    ``paywire.lumen.FreeSubscriptionResult``) resolve to the objects of the modules that define them."""
    import paywire.lumen
    import paywire.lumen.models
    import paywire.spaps
    import paywire.spaps.models
    from paywire import _core

    assert sorted(paywire.spaps._MODEL_NAMES) == sorted(paywire.spaps.models.__all__)
    for name in paywire.spaps.models.__all__:
        assert getattr(paywire.spaps, name) is getattr(paywire.spaps.models, name)
    assert paywire.lumen.FreeSubscriptionResult is paywire.lumen.models.FreeSubscriptionResult
    for name in paywire._CORE_NAMES:
        assert getattr(paywire, name) is getattr(_core, name)
    for package in PACKAGES:
        module = importlib.import_module(package)
        missing = [name for name in getattr(module, "__all__", ()) if not hasattr(module, name)]
        assert missing == [], package


# --- a generated models package imports each model on first access ---------------------------------
#: every generated package, found by walking generated/ (not listed here)
GENERATED_DIR = Path(__file__).resolve().parents[2] / "generated"
GENERATED_PACKAGES = sorted(p.name for p in GENERATED_DIR.iterdir()
                            if p.name.startswith(GENERATED_PREFIX) and (p / "models" / "__init__.py").is_file())


def _module_level_model_imports(path: Path, package: str) -> set[str]:
    """The ``<package>.models.<x>`` modules a generated file imports when it loads: its module-level
    ``from ...models.x import Y`` statements (not those under ``if TYPE_CHECKING:`` or in a
    function, which the model template uses for nested models), resolved as Python would."""
    this = path.relative_to(GENERATED_DIR).with_suffix("").parts
    found = set()
    for node in ast.parse(path.read_text()).body:  # top level only: no If, no FunctionDef
        if isinstance(node, ast.ImportFrom) and node.level and node.module:
            base = this[:len(this) - node.level]  # the file's package, then one up per extra dot
            name = ".".join((*base, node.module))
            if name.startswith(f"{package}.models."):
                found.add(name)
    return found


def _needed_models(module: str, package: str) -> set[str]:
    """The model modules importing ``module`` must load: its module-level model imports and
    theirs, transitively (from the source, so the expectation does not come from the code under test)."""
    needed: set[str] = set()
    todo = [module]
    while todo:
        path = GENERATED_DIR.joinpath(*todo.pop().split(".")).with_suffix(".py")
        for name in _module_level_model_imports(path, package) - needed:
            needed.add(name)
            todo.append(name)
    return needed


def _static_model_imports(package: str) -> dict[str, str]:
    """What mypy sees in ``<package>.models``: the ``if TYPE_CHECKING:`` imports, name -> submodule."""
    tree = ast.parse((GENERATED_DIR / package / "models" / "__init__.py").read_text())
    blocks = [node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"]
    assert len(blocks) == 1, package
    imports = [node for node in blocks[0].body if isinstance(node, ast.ImportFrom)]
    assert len(imports) == len(blocks[0].body), package  # nothing else in it
    return {alias.asname or alias.name: f"{package}.models.{node.module}" for node in imports for alias in node.names}


# In a fresh interpreter: imports the models package, then every operation's module in turn
# (recording which model modules each adds), then resolves every exported name.
_MODELS_ON_DEMAND = r"""
import importlib, json, sys
package, operations, static = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
prefix = package + ".models."

def loaded():
    return {m for m in sys.modules if m.startswith(prefix)}

out = {}
models = importlib.import_module(package + ".models")
out["package import"] = sorted(loaded())
out["operations"] = {}
for module in operations:
    before = loaded()
    importlib.import_module(module)
    out["operations"][module] = sorted(loaded() - before)
out["all"] = list(models.__all__)
out["dir"] = dir(models)
resolved = {}
for name in models.__all__:
    first = getattr(models, name)
    cached = vars(models).get(name) is first  # later accesses: a plain dict lookup
    namespace = {}
    exec(f"from {package}.models import {name} as value", namespace)
    own = getattr(importlib.import_module(static[name]), name) is first  # the submodule's class
    resolved[name] = [f"{first.__module__}.{first.__qualname__}", cached and own, namespace["value"] is first]
out["resolved"] = resolved
try:
    models.NoSuchModel_7d1f
    out["unknown"] = "resolved"
except AttributeError as exc:
    out["unknown"] = str(exc)
print(json.dumps(out))
"""


def test_the_walk_finds_every_pinned_generated_package() -> None:
    pinned = {package for versions in API_VERSIONS.values() for package in versions.values()}
    assert pinned <= set(GENERATED_PACKAGES)


@pytest.mark.parametrize("package", GENERATED_PACKAGES)
def test_an_operation_loads_only_the_models_it_needs(package: str) -> None:
    operations = importlib.import_module(f"{package}.api").OPERATIONS
    modules = sorted(op.module for op in operations.values())
    static = _static_model_imports(package)
    out = _run(_MODELS_ON_DEMAND, package, json.dumps(modules), json.dumps(static))

    # importing the package imports no model; the first operation (fresh) loads exactly its own
    # models, each later one nothing outside its own (some are already loaded), and all of them
    # together exactly what they need
    assert out["package import"] == []
    needed = {module: _needed_models(module, package) for module in modules}
    assert set(out["operations"][modules[0]]) == needed[modules[0]]
    extra = {m: sorted(set(added) - needed[m]) for m, added in out["operations"].items()}
    assert {m: names for m, names in extra.items() if names} == {}
    assert sorted(out["operations"]) == modules
    assert set().union(*out["operations"].values()) == set().union(*needed.values())
    # the whole point: no operation pays for every model (each package has models no single one needs)
    assert max(len(n) for n in needed.values()) < len(set(static.values()))

    # the public surface is the eager one's: mypy's static imports name exactly __all__; every
    # name resolves (by attribute and by from-import) to the class of the submodule those imports
    # name, and is then cached in the module's globals; dir() lists them; others still fail
    assert sorted(out["all"]) == sorted(static)
    for name, (where, cached_and_own, from_import) in out["resolved"].items():
        assert where == f"{static[name]}.{name}"
        assert cached_and_own and from_import, name
    assert set(static) | {m.rsplit(".", 1)[1] for m in static.values()} <= set(out["dir"])
    assert out["unknown"] == f"module '{package}.models' has no attribute 'NoSuchModel_7d1f'"
