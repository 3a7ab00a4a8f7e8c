"""paywire benchmarks, side by side with the seed SDKs and the raw HTTP libraries, in one run.

    nox -s bench            # installs .[bench] (the seed SDKs from PyPI) and runs this
    python bench/run.py [--quick]
    python bench/run.py --only imports    # the cold import rows alone (no server; prints, writes nothing)

Servers, each in its own process so its CPU does not share our GIL, and the same for every
client compared: the entitlement figures use bench/minimal_server.py (a keep-alive HTTP/1.1
server returning one canned entitlement body), because the full sandbox spends ~0.5 ms per
request on its own logic and would hide the clients' differences; the CONXA figures use the
paywire sandbox **with spec checking off** (`paywire sandbox --no-validate`).
Writes bench/results.md, bench/results.json and bench/results.png. Numbers are measurements,
never assertions: the goals are printed next to them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ACCOUNT = "acct_bench"
CUSTOMERS = [f"cust_{i:03d}" for i in range(200)]


# --- the server ----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "paywire", "sandbox", "--port", str(self.port), "--no-validate"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(self.url + "/_sandbox", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("sandbox did not start") from None
                time.sleep(0.05)

    def request_count(self) -> int:
        return len(httpx.get(self.url + "/_sandbox/requests").json()["requests"])

    def clear_requests(self) -> None:
        httpx.delete(self.url + "/_sandbox/requests")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def make_tls_files(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (the CA file clients trust via SSL_CERT_FILE)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "paywire bench")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "bench-cert.pem", directory / "bench-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class MinimalServer:
    """bench/minimal_server.py in its own process: canned entitlements, keep-alive, a counter."""

    def __init__(self, tls: tuple[Path, Path] | None = None) -> None:
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        args = [str(p) for p in tls] if tls else []
        self.proc = subprocess.Popen([sys.executable, str(HERE / "minimal_server.py"), str(self.port), *args])
        deadline = time.monotonic() + 10
        while True:
            try:
                httpx.get(self.url + "/_count", timeout=1, verify=False).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError("minimal server did not start") from None
                time.sleep(0.05)

    def request_count(self) -> int:
        return int(httpx.get(self.url + "/_count", verify=False).json()["count"])

    def clear_requests(self) -> None:
        httpx.delete(self.url + "/_count", verify=False)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


# --- measuring -------------------------------------------------------------------------------
def rate(fn: Callable[[], Any], n: int, repeat: int = 5) -> float:
    """Best-of-`repeat` calls per second over n calls."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, time.perf_counter() - t0)
    return n / best


def cpu_per_call(fn: Callable[[], Any], n: int, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for _ in range(n):
            fn()
        best = min(best, time.process_time() - t0)
    return best / n


def import_times(modules: tuple[str, ...], samples: int) -> dict[str, float]:
    """Median cold-start import time of each module (a fresh interpreter per sample, the modules
    interleaved so a burst of load hits all of them). Every module is first imported once with
    bytecode writing on, into a private cache prefix, as ``pip install`` compiles an installed
    package: with ``PYTHONDONTWRITEBYTECODE`` set (as on the shared bench box) a source
    checkout would otherwise recompile every paywire module at every start, while httpx's
    bytecode in site-packages already exists, so the ratio would measure the compiler."""
    import tempfile

    code = "import time; t=time.perf_counter(); import {}; print(time.perf_counter()-t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {module: [] for module in modules}
    with tempfile.TemporaryDirectory() as prefix:
        env["PYTHONPYCACHEPREFIX"] = prefix
        for module in modules:
            subprocess.run([sys.executable, "-c", f"import {module}"], env=env, check=True)
        for _ in range(samples):
            for module in modules:
                out = subprocess.run([sys.executable, "-c", code.format(module)], capture_output=True, text=True,
                                     check=True, env=env)
                times[module].append(float(out.stdout))
    return {module: statistics.median(values) for module, values in times.items()}


# --- the figures ------------------------------------------------------------------------------
class Results:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, name: str, ours: float, theirs: float, unit: str, goal: str, ratio: float, ok: bool | None) -> None:
        """ok=None: a context row (no goal is set for it)."""
        self.rows.append({"figure": name, "paywire": ours, "other": theirs, "unit": unit, "ratio": ratio,
                          "goal": goal, "met": ok})
        verdict = "" if ok is None else ("MET" if ok else "MISSED")
        print(f"{name:<78} paywire={ours:,.4g} other={theirs:,.4g} {unit}  ratio={ratio:.2f} goal {goal} {verdict}",
              flush=True)


def rates(contenders: dict[str, Callable[[], Any]], n: int, rounds: int = 3) -> dict[str, float]:
    """Calls/s per contender, best of `rounds`, the contenders interleaved round by round (on a
    shared, loaded machine a burst of load then hits all of them rather than one)."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for name, fn in contenders.items():
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: n / seconds for name, seconds in best.items()}


def paired_ratio(slow: Callable[[], Any], fast: Callable[[], Any], n: int, rounds: int) -> tuple[float, float, float]:
    """Median over `rounds` of (time of `slow` / time of `fast`), the two timed back to back in
    short batches of `n` calls, alternating which goes first: a burst of load on the shared box
    then spoils one round's ratio (the median ignores it) instead of one contender's best.
    Returns (median ratio, median seconds per call of slow, of fast)."""
    ratios: list[float] = []
    slow_times: list[float] = []
    fast_times: list[float] = []
    for round_ in range(rounds):
        pair = [(slow, slow_times), (fast, fast_times)]
        for fn, times in pair if round_ % 2 == 0 else pair[::-1]:
            t0 = time.perf_counter()
            for _ in range(n):
                fn()
            times.append((time.perf_counter() - t0) / n)
        ratios.append(slow_times[-1] / fast_times[-1])
    return statistics.median(ratios), statistics.median(slow_times), statistics.median(fast_times)


def cpus(contenders: dict[str, Callable[[], Any]], n: int, rounds: int = 3) -> dict[str, float]:
    """CPU seconds of this process per call (process_time: the server's CPU is not counted)."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(rounds):
        for name, fn in contenders.items():
            t0 = time.process_time()
            for _ in range(n):
                fn()
            best[name] = min(best[name], time.process_time() - t0)
    return {name: seconds / n for name, seconds in best.items()}


def raw_clients(base: str, key: str) -> dict[str, Callable[[], Any]]:
    """The raw libraries, each on one keep-alive connection, doing what get_entitlements does:
    GET with the API key, read the body, parse the JSON."""
    import http.client
    import ssl
    from urllib.parse import urlsplit

    import urllib3

    parts = urlsplit(base)
    path = f"/tenants/sam/customers/{CUSTOMERS[0]}/entitlements"
    headers = {"x-api-key": key, "accept": "application/json"}
    if parts.scheme == "https":  # trusts SSL_CERT_FILE, like every other client here
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port)
    pool = urllib3.connection_from_url(base, maxsize=1)
    raw_httpx = httpx.Client(base_url=base, headers=headers)

    def stdlib() -> Any:
        conn.request("GET", path, headers=headers)
        return json.loads(conn.getresponse().read())

    def pooled_urllib3() -> Any:
        return json.loads(pool.request("GET", path, headers=headers).data)

    return {"stdlib http.client keep-alive": stdlib, "urllib3 pool": pooled_urllib3,
            "raw pooled httpx": lambda: raw_httpx.get(path).json()}


def entitlement_figures(res: Results, minimal: MinimalServer, quick: bool, *, first: bool) -> None:
    """The wire figures against one minimal server; run once over HTTPS and once over plain HTTP,
    each with its own goals (the issue's table: #15)."""
    import aiohttp
    import vellumcharter

    from paywire.sandbox import vellum as sbvellum
    from paywire.vellum import AsyncVellumClient, VellumClient

    key = sbvellum.DEFAULT_API_KEY
    base = minimal.url
    https = base.startswith("https")
    tag = f" [{base.split(':')[0]}]"
    scale = 0.2 if quick else 1.0
    add = res.add
    cust = CUSTOMERS[0]

    # 1. cached can(): against vellumcharter and against the floor, a bare dict + monotonic + set
    if first:
        pw = VellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=600_000, api_version="v1")
        vc = vellumcharter.VellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=600_000)
        assert pw.can(cust, "imports") and vc.can(cust, "imports")
        bare: dict[str, tuple[float, frozenset[str]]] = {cust: (time.monotonic() + 600, frozenset({"imports"}))}

        def bare_lookup(customer: str, module: str) -> bool:
            entry = bare.get(customer)
            return entry is not None and time.monotonic() < entry[0] and module in entry[1]

        # Every contender is called the same way: a function of (customer, module) from a lambda.
        got = rates({"paywire": lambda: pw.can(cust, "imports"), "vellumcharter": lambda: vc.can(cust, "imports"),
                     "bare": lambda: bare_lookup(cust, "imports")}, int(300_000 * scale), 5)
        add("cached can(): calls/s, paywire / vellumcharter", got["paywire"], got["vellumcharter"], "calls/s",
            ">= 1.0", got["paywire"] / got["vellumcharter"], got["paywire"] >= got["vellumcharter"])
        # The floor row: a ~60 ns difference on a ~200 ns call, so it is the median of many short
        # interleaved pairs rather than each contender's best of five long runs (noisy: 1.0-1.6).
        slower, pw_s, bare_s = paired_ratio(lambda: pw.can(cust, "imports"), lambda: bare_lookup(cust, "imports"),
                                            int(20_000 * scale), 41)
        add("cached can(): time per call, paywire / bare dict + monotonic + set lookup (median of 41 "
            "interleaved pairs)", pw_s, bare_s, "s/call", "<= 1.2", slower, slower <= 1.2)

    # 2. sequential uncached get_entitlements, every contender on the same server, interleaved
    pw0 = VellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=0, api_version="v1")
    vc0 = vellumcharter.VellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=0)
    raw = raw_clients(base, key)
    contenders = {"paywire": lambda: pw0.get_entitlements(cust), **raw}
    n = int(1500 * scale)
    got = rates(contenders, n)
    got.update(rates({"vellumcharter": lambda: vc0.get_entitlements(cust)}, max(n // 3, 50)))
    floor = got["stdlib http.client keep-alive"]
    add("sequential uncached calls/s, paywire / stdlib http.client keep-alive" + tag, got["paywire"], floor,
        "calls/s", ">= 0.65", got["paywire"] / floor, got["paywire"] / floor >= 0.65)
    goal = 5.0 if https else 1.2
    ratio = got["paywire"] / got["vellumcharter"]
    add("sequential uncached calls/s, paywire / vellumcharter" + tag, got["paywire"], got["vellumcharter"],
        "calls/s", f">= {goal:g}", ratio, ratio >= goal)
    for name in ("urllib3 pool", "raw pooled httpx"):
        add(f"same, paywire / {name} (context)" + tag, got["paywire"], got[name], "calls/s", "(context)",
            got["paywire"] / got[name], None)

    # CPU of this process per call: paywire's sync client runs on http.client (_core/stdlib_transport.py)
    used = cpus({"paywire": contenders["paywire"], "stdlib": raw["stdlib http.client keep-alive"],
                 "httpx": raw["raw pooled httpx"]}, n)
    ratio = used["paywire"] / used["stdlib"]
    add("CPU per uncached call, paywire / http.client (the library it runs on)" + tag, used["paywire"],
        used["stdlib"], "s/call", "<= 1.3", ratio, ratio <= 1.3)
    add("same, paywire / raw pooled httpx (context: httpx's own stack, the sync default before http.client)"
        + tag, used["paywire"],
        used["httpx"], "s/call", "(context)", used["paywire"] / used["httpx"], None)

    # 3. 200 concurrent async checks for 200 customers
    async def burst(fetch: Callable[[str], Any]) -> float:
        t0 = time.perf_counter()
        sets = await asyncio.gather(*(fetch(c) for c in CUSTOMERS))
        assert len(sets) == len(CUSTOMERS)
        return time.perf_counter() - t0

    async def run_many() -> dict[str, float]:
        # paywire's default async wire (the asyncio one) and, as context, the two other backends
        apw = AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=0, api_version="v1")
        aah = AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=0, api_version="v1",
                                http_backend="aiohttp")
        ahx = AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=0, api_version="v1",
                                http_backend="httpx")
        avc = vellumcharter.AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=0)
        import ssl

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100, ssl=ssl.create_default_context()))
        headers = {"x-api-key": key, "accept": "application/json"}

        async def raw_aiohttp(customer: str) -> Any:
            async with session.get(f"{base}/tenants/sam/customers/{customer}/entitlements", headers=headers) as r:
                return await r.json()

        fetchers: dict[str, Callable[[str], Any]] = {
            "paywire": apw.get_entitlements, "aiohttp": raw_aiohttp, "paywire aiohttp backend": aah.get_entitlements,
            "paywire httpx backend": ahx.get_entitlements}
        best = dict.fromkeys(fetchers, float("inf"))
        for fetch in fetchers.values():
            await burst(fetch)  # warm the pools
        for _ in range(3):
            for name, fetch in fetchers.items():
                best[name] = min(best[name], await burst(fetch))
        best["vellumcharter"] = min([await burst(avc.get_entitlements) for _ in range(2)])
        for client in (apw, aah, ahx):
            await client.aclose()
        await session.close()
        return best

    wall = asyncio.run(run_many())
    ratio = wall["aiohttp"] / wall["paywire"]
    add("200 concurrent async checks: throughput, paywire / raw aiohttp" + tag, wall["paywire"], wall["aiohttp"],
        "s", ">= 0.7", ratio, ratio >= 0.7)
    goal = 5.0 if https else 2.5
    ratio = wall["vellumcharter"] / wall["paywire"]
    add("200 concurrent async checks: wall s, vellumcharter / paywire" + tag, wall["paywire"],
        wall["vellumcharter"], "s", f">= {goal:g}", ratio, ratio >= goal)
    add("same, paywire with http_backend='aiohttp' / raw aiohttp (context: the previous default wire)" + tag,
        wall["paywire aiohttp backend"], wall["aiohttp"], "s", "(context)",
        wall["aiohttp"] / wall["paywire aiohttp backend"], None)
    add("same, vellumcharter / paywire with http_backend='httpx' (context: httpx's own async stack, "
        "the default before aiohttp)" + tag,
        wall["paywire httpx backend"], wall["vellumcharter"], "s", "(context)",
        wall["vellumcharter"] / wall["paywire httpx backend"], None)

    # 4. latency of one call among 200 concurrent, the server adding 10 ms (paywire: the default wire)
    async def latencies() -> tuple[list[float], list[float]]:
        apw = AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base + "/slow", cache_ttl_ms=0,
                                api_version="v1")
        import ssl

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100, ssl=ssl.create_default_context()))

        async def raw_aiohttp(customer: str) -> Any:
            async with session.get(f"{base}/slow/tenants/sam/customers/{customer}/entitlements",
                                   headers={"x-api-key": key}) as r:
                return await r.json()

        async def timed(fetch: Callable[[str], Any], customer: str) -> float:
            t0 = time.perf_counter()
            await fetch(customer)
            return time.perf_counter() - t0

        ours: list[float] = []
        theirs: list[float] = []
        for round_ in range(6 if not quick else 3):
            for fetch, into in ((apw.get_entitlements, ours), (raw_aiohttp, theirs)):
                got = await asyncio.gather(*(timed(fetch, c) for c in CUSTOMERS))
                if round_:  # the first round opens the connections
                    into.extend(got)
        await apw.aclose()
        await session.close()
        return ours, theirs

    ours_l, theirs_l = asyncio.run(latencies())

    def pct(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    p50, p99 = pct(ours_l, 0.5), pct(ours_l, 0.99)
    add("one call among 200 concurrent, server +10 ms: p99 / p50 latency, paywire" + tag, p99, p50, "s",
        "<= 3", p99 / p50, p99 / p50 <= 3)
    a50, a99 = pct(theirs_l, 0.5), pct(theirs_l, 0.99)
    add("same, raw aiohttp p99 / p50 (context)" + tag, a99, a50, "s", "(context)", a99 / a50, None)
    add("same, p99 paywire / p99 raw aiohttp (context)" + tag, p99, a99, "s", "(context)", p99 / a99, None)

    # 5. 200 concurrent misses for one customer: requests sent (paywire: the default wire)
    if first:
        async def one_customer(client: Any) -> int:
            minimal.clear_requests()
            await asyncio.gather(*(client.get_entitlements(CUSTOMERS[1]) for _ in range(200)))
            return minimal.request_count()

        async def run_one() -> tuple[int, int]:
            apw = AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=60_000,
                                    api_version="v1")
            avc = vellumcharter.AsyncVellumClient(api_key=key, tenant_id="sam", base_url=base, cache_ttl_ms=60_000)
            ours = await one_customer(apw)
            theirs = await one_customer(avc)
            await apw.aclose()
            return ours, theirs

        ours_n, theirs_n = asyncio.run(run_one())
        add("200 concurrent misses, one customer: requests sent (paywire vs vellumcharter)", ours_n, theirs_n,
            "requests", "paywire == 1", float(theirs_n) / max(ours_n, 1), ours_n == 1)


def cold_import_figures(res: Results, quick: bool) -> None:
    """Cold import of each facade / ``import httpx``, all measured in one interleaved run
    (:func:`import_times`). ``paywire.vellum``'s is issue #15's goal; the other facades are
    context rows (the goal's constraint, "a dependency loaded only when its path is used", holds
    for every facade: ``tests/foundation/test_lazy_imports.py``)."""
    samples = 5 if quick else 21
    others = ("paywire.spaps", "paywire.lumen", "paywire.conxa")
    imported = import_times(("httpx", "paywire.vellum", *others, "paywire"), samples)
    t_httpx = imported["httpx"]
    for module in ("paywire.vellum", *others, "paywire"):
        t = imported[module]
        if module in others:
            res.add(f"cold import {module}: s, / import httpx (context)", t, t_httpx, "s", "(context)",
                    t / t_httpx, None)
        else:
            res.add(f"cold import {module}: s, / import httpx", t, t_httpx, "s", "<= 1.5", t / t_httpx,
                    t / t_httpx <= 1.5)


def other_figures(res: Results, server: Server, quick: bool) -> None:
    from conxa import CONXAClient as SeedConxa

    from paywire.conxa import CONXAClient
    from paywire.sandbox import conxa as sbconxa
    from paywire.sandbox import vellum as sbvellum
    from paywire.vellum import VellumClient

    key = sbvellum.DEFAULT_API_KEY
    cust = CUSTOMERS[0]
    path = f"/tenants/sam/customers/{cust}/entitlements"
    scale = 0.2 if quick else 1.0
    add = res.add

    # 5. cold imports
    cold_import_figures(res, quick)

    # 6. PNG QR data URL
    ckey = sbconxa.DEFAULT_API_KEY
    cbase = server.url + "/conxa"
    pc = CONXAClient(api_key=ckey, provider_id="openai", base_url=cbase)
    sc = SeedConxa(api_key=ckey, provider_id="openai", base_url=cbase)
    n = int(60 * scale) or 10
    ours = rate(lambda: pc.create_payment_qr(provider_username="user@example.com", limit=50000), n, 3)
    theirs = rate(lambda: sc.create_payment_qr(provider_username="user@example.com", limit=50000), n, 3)
    add("PNG QR data URL: generations/s, paywire / conxa-sdk", ours, theirs, "gen/s", ">= 2", ours / theirs,
        ours / theirs >= 2)

    # 7. sequential CONXA charges
    httpx.post(server.url + "/_sandbox/conxa/seed_wallet", json={"wallet_id": "4242424242424242", "tokens": 10**12})
    approved = httpx.post(server.url + "/_sandbox/conxa/approve",
                          json={"provider_id": "openai", "provider_username": "bench@example.com",
                                "wallet_id": "4242424242424242"}).json()
    status = pc.get_session_status("bench@example.com")
    token = status.session_token
    assert token, approved
    counter = iter(range(10**9))
    n = int(600 * scale)
    ours = rate(lambda: pc.charge(session_token=token, idempotency_key=f"pw-{next(counter)}", model_name="gpt-4",
                                  input_tokens=10, output_tokens=5), n, 3)
    theirs = rate(lambda: sc.charge(session_token=token, idempotency_key=f"sc-{next(counter)}", model_name="gpt-4",
                                    input_tokens=10, output_tokens=5), n, 3)
    add("sequential CONXA charges: calls/s, paywire / conxa-sdk", ours, theirs, "calls/s", ">= 1.0",
        ours / theirs, ours / theirs >= 1.0)

    # Context (no goal set): the other two seed SDKs on their most common call, same sandbox.
    import lumen as seed_lumen
    import spaps_client

    from paywire import lumen as pw_lumen
    from paywire.sandbox import lumen as sblumen
    from paywire.sandbox import spaps as sbspaps
    from paywire.spaps import SpapsClient

    sbase = server.url + "/spaps"
    ours_client = SpapsClient(base_url=sbase, api_key=sbspaps.DEFAULT_API_KEY, api_version="2025-11")
    seed_client = spaps_client.SpapsClient(base_url=sbase, api_key=sbspaps.DEFAULT_API_KEY)
    for c in (ours_client, seed_client):
        c.auth.sign_in_with_password(email=sbspaps.DEFAULT_USER_EMAIL, password=sbspaps.DEFAULT_USER_PASSWORD)
    n = int(600 * scale)
    ours = rate(lambda: ours_client.sessions.get_current_session(), n, 3)
    theirs = rate(lambda: seed_client.sessions.get_current_session(), n, 3)
    add("SPAPS get_current_session: calls/s, paywire / spaps 0.1.4", ours, theirs, "calls/s", "(context)",
        ours / theirs, None)

    lbase = server.url + "/lumen"
    lkey = sblumen.DEFAULT_API_KEY
    httpx.post(lbase + "/v1/enrollment/enroll", headers={"Authorization": f"Bearer {lkey}"},
               json={"userId": "bench_user", "customerEmail": "bench@example.com", "customerName": "Bench"})

    async def lumen_rate(fn: Any, calls: int) -> float:
        await fn()
        t0 = time.perf_counter()
        for _ in range(calls):
            await fn()
        return calls / (time.perf_counter() - t0)

    n = int(300 * scale)
    ours = asyncio.run(lumen_rate(lambda: pw_lumen.is_feature_entitled(
        feature="api-calls", user_id="bench_user", api_key=lkey, api_url=lbase), n))
    theirs = asyncio.run(lumen_rate(lambda: seed_lumen.is_feature_entitled(
        feature="api-calls", user_id="bench_user", api_key=lkey, api_url=lbase), n))
    add("Lumen is_feature_entitled (module function): calls/s, paywire / lumen-python-sdk", ours, theirs,
        "calls/s", "(context)", ours / theirs, None)

    # 8. CPU per call on an in-memory transport
    body = json.dumps({"status": "active", "modules": ["imports"], "config": {"trial_days": 0}}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    mpw = VellumClient(api_key=key, tenant_id="sam", base_url="http://127.0.0.1:9", cache_ttl_ms=0,
                       api_version="v1", transport=httpx.MockTransport(handler))
    mraw = httpx.Client(base_url="http://127.0.0.1:9", headers={"x-api-key": key}, transport=httpx.MockTransport(handler))
    n = int(20_000 * scale)
    ours = cpu_per_call(lambda: mpw.get_entitlements(cust), n)
    theirs = cpu_per_call(lambda: mraw.get(path).json(), n)
    add("SDK CPU per call on httpx.MockTransport: s, paywire / raw httpx (context: no wire)", ours, theirs,
        "s/call", "(context)", ours / theirs, None)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, httpx {httpx.__version__}"


def load_average() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def write(results: list[dict[str, Any]], quick: bool, when: str | None = None, load: str = "") -> None:
    when = when or time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "# paywire benchmark results",
        "",
        f"Machine: {machine()}. Run: {when}{' (--quick)' if quick else ''}.",
        f"Load average (1/5/15 min) {load or 'not recorded'}: the machine is shared, so absolute figures "
        "move from run to run; the ratios, measured side by side in one run (contenders interleaved), are what count.",
        "Default install: sync clients send over http.client (paywire/_core/stdlib_transport.py), async "
        "clients over paywire's own asyncio wire (paywire/_core/asyncio_transport.py, standard library only); "
        "httpx stays the request/response type. http_backend='aiohttp' and 'httpx' are context rows.",
        "Servers: entitlements on bench/minimal_server.py (canned body, keep-alive); CONXA on the paywire sandbox with spec checking off; each in its own process on 127.0.0.1.",
        "Seed SDKs: spaps 0.1.4, lumen-python-sdk 0.1.1, vellumcharter 0.1.0, conxa-sdk 1.3.4 (PyPI).",
        "",
        "| figure | paywire | other | unit | ratio | goal | met |",
        "| --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    for r in results:
        met = "—" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['figure']} | {r['paywire']:,.4g} | {r['other']:,.4g} | {r['unit']} | "
                     f"{r['ratio']:.2f} | {r['goal']} | {met} |")
    breakdown = HERE / "breakdown.md"  # the hand-written per-layer profile, kept next to the figures
    if breakdown.exists():
        lines += ["", breakdown.read_text().rstrip()]
    # The sandbox's own figures (issue #16: start-up, validated throughput) are measured by
    # bench/sandbox_bench.py, which writes sandbox-results.md and then re-renders this file
    # (--replot), so results.md always carries both, each with its own run time and load.
    sandbox = HERE / "sandbox-results.md"
    if sandbox.exists():
        lines += ["", "#" + sandbox.read_text().rstrip()]  # its "# Sandbox speed" becomes a section
    (HERE / "results.md").write_text("\n".join(lines) + "\n")
    (HERE / "results.json").write_text(json.dumps({"machine": machine(), "when": when, "load_average": load,
                                                   "results": results}, indent=2))
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    import textwrap

    fig, ax = plt.subplots(figsize=(12, 7))
    labels = ["\n".join(textwrap.wrap(r["figure"].replace(": ", " — ", 1), 58)) for r in results]
    ratios = [r["ratio"] for r in results]
    colors = ["#9e9e9e" if r["met"] is None else "#2e7d32" if r["met"] else "#c62828" for r in results]
    ax.barh(range(len(ratios)), ratios, color=colors)
    ax.set_yticks(range(len(ratios)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("ratio as defined per figure, log scale (green: goal met, red: missed, grey: context)")
    ax.set_title("paywire vs seed SDKs / raw httpx")
    fig.tight_layout()
    fig.savefig(HERE / "results.png", dpi=120)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer iterations (smoke run)")
    parser.add_argument("--replot", action="store_true", help="rewrite results.md/png from results.json")
    parser.add_argument("--only", choices=("https", "http", "other", "imports"), action="append",
                        help="run only these groups of rows (repeatable; while iterating: prints the rows, "
                             "writes no results files); 'imports': the cold import rows alone (also in 'other')")
    args = parser.parse_args()
    if args.replot:
        saved = json.loads((HERE / "results.json").read_text())
        write(saved["results"], False, saved["when"], saved.get("load_average", ""))
        return 0
    import tempfile

    res = Results()
    load_before = load_average()
    if args.only and set(args.only) == {"imports"}:  # no server needed
        cold_import_figures(res, args.quick)
        print(f"load average {load_before} at the start, {load_average()} at the end (no files written: --only)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tls = make_tls_files(Path(tmp))
        # Every client trusts the bench certificate the ordinary way (urllib and httpx both read it).
        os.environ["SSL_CERT_FILE"] = str(tls[0])
        server = Server()
        secure, plain = MinimalServer(tls), MinimalServer()
        groups = set(args.only or ("https", "http", "other"))
        try:
            if "https" in groups:
                entitlement_figures(res, secure, args.quick, first=True)
            if "http" in groups:
                entitlement_figures(res, plain, args.quick, first="https" not in groups)
            if "other" in groups:
                other_figures(res, server, args.quick)
            elif "imports" in groups:
                cold_import_figures(res, args.quick)
        finally:
            for s in (server, secure, plain):
                s.stop()
    if args.only:
        print(f"load average {load_before} at the start, {load_average()} at the end (no files written: --only)")
        return 0
    write(res.rows, args.quick, load=f"{load_before} at the start, {load_average()} at the end")
    print(f"wrote {HERE / 'results.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
