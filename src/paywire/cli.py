"""The ``paywire`` command: ``paywire demo``, ``paywire sandbox``, ``paywire versions``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def cmd_versions(_: argparse.Namespace) -> int:
    from paywire import __version__
    from paywire._versions import API_VERSIONS, default_version

    print(f"paywire {__version__}: pinned API contracts")
    for service, versions in API_VERSIONS.items():
        default = default_version(service)
        for version, package in versions.items():
            mark = "  (default)" if version == default else ""
            print(f"  {service:<7} {version:<8} {package}{mark}")
    return 0


def cmd_sandbox(args: argparse.Namespace) -> int:
    from paywire.sandbox.credentials import describe
    from paywire.sandbox.server import (
        RemoteBindRefused,
        RunningSandbox,
        StateFileError,
        check_bind_host,
        serve_forever,
    )

    try:
        check_bind_host(args.host, args.allow_remote)
    except RemoteBindRefused as exc:
        print(f"paywire sandbox: {exc}", file=sys.stderr)
        return 2
    if args.allow_remote:
        print(f"paywire sandbox: WARNING: --allow-remote: serving on {args.host}; anyone who can reach "
              "this port can read the seeded credentials and drive the control plane", file=sys.stderr)

    def ready(sb: RunningSandbox) -> None:
        print(f"paywire sandbox listening on {sb.url}  (Ctrl+C to stop)")
        for name in sorted(sb.sandbox.services):
            print(f"  {name:<14} {sb.base_url(name)}")
        print(f"  {'control':<14} {sb.url}/_sandbox")
        print(f"  {'dashboard':<14} {sb.url}/_sandbox/ui")
        if args.state:
            print(f"state loaded from {args.state} (sandbox time {sb.clock.iso()}); not saved on exit: "
                  f"GET {sb.url}/_sandbox/snapshot > FILE")
        print("seeded credentials:")
        for line in describe():
            print(f"  {line}")
        sys.stdout.flush()

    try:
        stopped_by = serve_forever(args.host, args.port, validate=not args.no_validate, on_ready=ready,
                                   allow_remote=args.allow_remote, state=args.state)
    except StateFileError as exc:
        print(f"paywire sandbox: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl+C before the server took over the signals (still starting)
        stopped_by = "SIGINT"
    print(f"paywire sandbox stopped ({stopped_by or 'shut down'}); goodbye", file=sys.stderr, flush=True)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from paywire.demo import main as demo_main

    return demo_main(output_dir=args.output)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="paywire", description="paywire SDK tools")
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("versions", help="list the pinned API contract versions")
    p.set_defaults(func=cmd_versions)
    p = sub.add_parser("sandbox", help="run the local emulator of all four APIs",
                       description="Serve SPAPS, Lumen, Vellum and CONXA on one port, with the control plane "
                                   "under /_sandbox. Ctrl+C or SIGTERM stops it (exit code 0).")
    p.add_argument("--host", default="127.0.0.1",
                   help="interface to bind; non-loopback needs --allow-remote (default: %(default)s)")
    p.add_argument("--allow-remote", action="store_true",
                   help="allow a non-loopback --host, with a warning (default: off)")
    p.add_argument("--port", type=int, default=8765, help="TCP port; 0 picks a free one (default: %(default)s)")
    p.add_argument("--no-validate", action="store_true",
                   help="skip checking requests and responses against the specs, for benchmarks (default: off)")
    p.add_argument("--state", metavar="FILE", default=None,
                   help="load a snapshot (saved from GET /_sandbox/snapshot) at start; nothing is saved on exit "
                        "(default: None, i.e. the seeded state)")
    p.set_defaults(func=cmd_sandbox)
    p = sub.add_parser("demo", help="narrated end-to-end tour on an embedded sandbox")
    p.add_argument("--output", default="paywire-demo",
                   help="where the token file and QR codes are written (default: %(default)s)")
    p.set_defaults(func=cmd_demo)
    _add_relay(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["versions"])
    return int(args.func(args))


def _add_relay(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``paywire relay``. Defined here, not in ``paywire.entitlements.relay_cli``: importing
    that package loads the client core and httpx (~0.18 s measured), which every other command,
    ``paywire sandbox`` first of all, would pay at start-up."""
    p = sub.add_parser("relay", help="keep Redis filled with entitlements for a set of customers (one writer)")
    p.add_argument("--redis", required=True, help="redis:// URL (may carry a password; it is never printed)")
    p.add_argument("--service", choices=("vellum", "lumen"), default="vellum", help="(default: %(default)s)")
    p.add_argument("--customers", required=True,
                   help="a file with one customer id per line, or a comma-separated list (Lumen: user ids)")
    p.add_argument("--api-version", default=None, help="Vellum API version (default: newest)")
    p.add_argument("--base-url", default=None, help="API base URL (default: the service's env var or production)")
    p.add_argument("--namespace", default="paywire", help="Redis key namespace (default: %(default)s)")
    p.add_argument("--refresh-s", type=float, default=10.0,
                   help="refresh every customer this often (default: %(default)s)")
    p.add_argument("--cache-ttl-ms", type=float, default=30_000,
                   help="TTL of the values written to Redis (default: %(default)s)")
    p.add_argument("--push-port", type=int, default=None, help="also receive Vellum pushes on this port (default: off)")
    p.add_argument("--push-host", default="127.0.0.1", help="interface for the push receiver (default: %(default)s)")
    p.add_argument("--allow-insecure-http", action="store_true", help="allow an http:// base URL (sandbox)")
    p.set_defaults(func=_cmd_relay)


def _cmd_relay(args: argparse.Namespace) -> int:
    from paywire.entitlements.relay_cli import cmd_relay

    return cmd_relay(args)

if __name__ == "__main__":
    raise SystemExit(main())
