"""Developer sessions. The default test run is `nox -s tests` (same as README's command)."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "drift"]
nox.options.reuse_existing_virtualenvs = True
PY = "3.11"


@nox.session(python=PY)
def tests(session: nox.Session) -> None:
    """The whole default suite (unit, integration against the sandbox, foundation guards)."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session(python=PY)
def lint(session: nox.Session) -> None:
    session.install("ruff==0.17.6")
    session.run("ruff", "check", "src", "tests", "scripts", "bench", "noxfile.py")


@nox.session(python=PY)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src/ (generated packages are followed silently)."""
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session(python=PY)
def generate(session: nox.Session) -> None:
    """Regenerate every client (pinned generator and ruff in .tools/gen)."""
    session.install("pyyaml", "filelock")
    session.run("python", "scripts/generate.py", *session.posargs)


@nox.session(python=PY)
def drift(session: nox.Session) -> None:
    """Fail, naming the client, when generated/ or openapi/lock.json disagree with the specs."""
    session.install("pyyaml", "filelock")
    session.run("python", "scripts/generate.py", "--check")


@nox.session(python=PY)
def build(session: nox.Session) -> None:
    session.install("build")
    session.run("python", "-m", "build")


@nox.session(python=PY)
def bench(session: nox.Session) -> None:
    """Side-by-side benchmarks against the seed SDKs and the raw HTTP libraries (writes
    bench/results.md, results.json and the chart), then the sandbox's start-up and validated
    throughput (bench/sandbox-results.md)."""
    session.install("-e", ".[bench]")
    session.run("python", "bench/run.py", *session.posargs)
    session.run("python", "bench/sandbox_bench.py")


@nox.session(python=PY)
def soak(session: nox.Session) -> None:
    """Long runs not in the default suite (each prints its figures; README quotes them):
    10,000 faulty charges; forks x 1,000 calls; 1,000 interrupted refreshes and a 30 s refresh
    outage; the malformed-response matrix; webhook header fuzz; control-plane fuzz; path-segment
    fuzz; Lumen proxy bodies; Redis tier and RedisTokenStore figures; the wire under the
    keep-alive race; stateful schemathesis; and schemathesis with 100 examples per operation."""
    session.install("-e", ".[dev]")
    session.run("pytest", "-m", "soak", "tests/soak", *session.posargs)
    session.run("pytest", "tests/sandbox/test_schemathesis.py", *session.posargs,
                env={"PAYWIRE_FUZZ_EXAMPLES": "100"})
