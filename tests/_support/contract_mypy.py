"""The contract check of issue #14 (done-when): rename spec fields, regenerate into a scratch copy
of the repo, run mypy on ``src/`` against it, and find the facade lines mypy names.

Shared by ``tests/foundation/test_contract_mypy.py`` (default suite: the renames grouped so one
mypy run covers one version of every service) and ``tests/soak/test_soak_contract_mypy.py`` (one
isolated run per pinned client).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[2]
GEN_TOOLS = Path(os.environ.get("PAYWIRE_GEN_TOOLS") or ROOT / ".tools" / "gen")


@dataclass(frozen=True)
class Rename:
    schema: str
    field: str
    #: why the facade must use this field (so a rename has to break it)
    why: str

    @property
    def new(self) -> str:
        return self.field + "Renamed" if _is_camel(self.field) else self.field + "_renamed"

    @property
    def python_name(self) -> str:
        """The generated attribute name (``hasActiveSubscription`` -> ``has_active_subscription``)."""
        return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", self.field).lower()


@dataclass(frozen=True)
class Contract:
    key: str
    request: Rename
    response: Rename

    @property
    def service(self) -> str:
        return self.key.split("/", 1)[0]


def _is_camel(name: str) -> bool:
    return name != name.lower()


#: one request and one response field per pinned client, each one the facade cannot work without
CONTRACTS = [
    Contract("conxa/v1",
             Rename("ChargeRequest", "model_name", "charge() sends the priced model as ChargeRequest.model_name"),
             Rename("ChargeResponse", "new_balance", "charge() returns ChargeResult.new_balance from the answer")),
    Contract("lumen/v1",
             Rename("EventRequest", "eventName", "send_event() builds its body as EventRequest(event_name=...)"),
             Rename("SubscriptionStatus", "hasActiveSubscription",
                    "get_subscription_status() / is_feature_entitled read has_active_subscription")),
    *(Contract(f"spaps/{version}",
               Rename("LoginRequest", "email", "auth.sign_in_with_password() sends LoginRequest(email=...)"),
               Rename("TokenPair", "access_token", "sign-in stores the answer's TokenPair.access_token"))
      for version in ("2025-11", "2026-10")),
    *(Contract(f"vellum/{version}",
               Rename("CheckoutRequest", "planId", "create_checkout() sends CheckoutRequest(plan_id=...)"),
               Rename("Entitlements", "modules", "get_entitlements()/can() read Entitlements.modules"))
      for version in ("v1", "v2")),
]


# --- running it ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    returncode: int
    output: str
    seconds: float


WORK = Path(tempfile.gettempdir()) / f"paywire-contract-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]}"


def _rename_in_spec(spec: dict[str, Any], rename: Rename) -> None:
    schema = spec["components"]["schemas"][rename.schema]
    schema["properties"] = {rename.new if name == rename.field else name: value
                            for name, value in schema["properties"].items()}
    if rename.field in schema.get("required", []):
        schema["required"] = [rename.new if name == rename.field else name for name in schema["required"]]


def _mypy_config(generated: Path, path: Path) -> None:
    """The project's mypy settings with ``generated`` in place of the repo's generated/."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    lines = ["[mypy]"]
    for name, value in settings.items():
        if name == "overrides":
            continue
        if name == "mypy_path":
            value = [str(ROOT / "src"), str(generated)]
        rendered = ", ".join(value) if isinstance(value, list) else str(value).lower() if isinstance(value, bool) \
            else str(value)
        lines.append(f"{name} = {rendered}")
    for override in settings.get("overrides", []):
        lines.append(f"[mypy-{','.join(override['module'])}]")
        lines += [f"{k} = {str(v).lower() if isinstance(v, bool) else v}" for k, v in override.items() if k != "module"]
    path.write_text("\n".join(lines) + "\n")


def run_mypy(name: str, contracts: Sequence[Contract]) -> Run:
    """Rename each contract's fields in a scratch copy (stable per worktree and ``name``, so the
    mypy cache stays warm), regenerate those clients in parallel, run mypy on src/ against it."""
    started = time.monotonic()
    work = WORK / name
    repo = work / "repo"
    shutil.rmtree(repo, ignore_errors=True)
    for part in ("openapi", "scripts", "generated"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    for contract in contracts:
        spec_path = repo / "openapi" / f"{contract.key}.yaml"
        spec = yaml.safe_load(spec_path.read_text())
        _rename_in_spec(spec, contract.request)
        _rename_in_spec(spec, contract.response)
        spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
    env = dict(os.environ, PAYWIRE_GEN_TOOLS=str(GEN_TOOLS))
    with ThreadPoolExecutor(max_workers=max(1, len(contracts))) as pool:
        procs = list(pool.map(lambda c: subprocess.run(
            [sys.executable, str(repo / "scripts" / "generate.py"), "--only", c.key],
            capture_output=True, text=True, env=env, timeout=600), contracts))
    for proc in procs:
        if proc.returncode != 0:
            return Run(-1, "regeneration failed:\n" + proc.stdout + proc.stderr, time.monotonic() - started)
    config = work / "mypy.ini"
    _mypy_config(repo / "generated", config)
    proc = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(config),
                           "--cache-dir", str(work / "mypy-cache"), "--no-error-summary", "--show-absolute-path"],
                          capture_output=True, text=True, cwd=ROOT, timeout=1800,
                          env={k: v for k, v in os.environ.items() if k != "MYPYPATH"})
    return Run(proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started)


def run_all(jobs: dict[str, Sequence[Contract]]) -> dict[str, Run]:
    """Every job in parallel (one mypy each), under a lock: a second pytest of the same worktree
    waits instead of sharing the scratch copies. Prints the timings."""
    WORK.mkdir(parents=True, exist_ok=True)
    with FileLock(str(WORK / "lock")):
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            results = dict(zip(jobs, pool.map(lambda name: run_mypy(name, jobs[name]), jobs), strict=True))
    print(f"\ncontract mypy: {time.monotonic() - started:.1f}s wall; "
          + ", ".join(f"{name} {run.seconds:.1f}s" for name, run in results.items()))
    return results


MESSAGE = re.compile(r"^(?P<path>[^:\n]+\.py):(?P<line>\d+): (?P<kind>error|note): (?P<message>.*)$", re.MULTILINE)


def facade_lines_naming(output: str, service: str, rename: Rename) -> list[str]:
    """``file:line: message`` of every mypy error in the service's facade that is about the
    renamed field: its statement names the old field (a call spread over a few lines included),
    or mypy's notes on that line do (a generated model passed where a protocol of the facade
    wants the field: ``"TokenPair" is missing following "TokenFields" protocol member: access_token``)."""
    facade = ROOT / "src" / "paywire" / service
    notes: dict[tuple[str, str], list[str]] = {}
    for match in MESSAGE.finditer(output):
        if match["kind"] == "note":
            notes.setdefault((match["path"], match["line"]), []).append(match["message"])
    field = re.compile(rf"\b({re.escape(rename.python_name)}|{re.escape(rename.field)})\b")
    found = []
    for match in MESSAGE.finditer(output):
        if match["kind"] != "error":
            continue
        path = Path(match["path"])
        if not path.is_absolute():
            path = ROOT / path
        if facade not in path.parents:
            continue
        lines = path.read_text().splitlines()
        number = int(match["line"])
        statement = "\n".join(lines[number - 1:number + 7])
        if field.search(statement) or any(field.search(n) for n in notes.get((match["path"], match["line"]), [])):
            found.append(f"{path.relative_to(ROOT)}:{number}: {match['message']}")
    return found


def check(run: Run, contract: Contract) -> list[str]:
    """Problems with ``run`` as the check of ``contract`` (empty: mypy failed at a facade line
    using each renamed field); prints the lines found."""
    if run.returncode == -1:
        return [run.output]
    if run.returncode == 0:
        return [f"{contract.key}: mypy passed although {contract.request.schema}.{contract.request.field} and "
                f"{contract.response.schema}.{contract.response.field} were renamed"]
    problems = []
    for rename in (contract.request, contract.response):
        found = facade_lines_naming(run.output, contract.service, rename)
        if found:
            print(f"{contract.key} {rename.schema}.{rename.field}: {found[0]}")
        else:
            problems.append(f"{contract.key}: no mypy error in src/paywire/{contract.service}/ names "
                            f"{rename.schema}.{rename.field} ({rename.why}); mypy said:\n{run.output[-3000:]}")
    return problems
