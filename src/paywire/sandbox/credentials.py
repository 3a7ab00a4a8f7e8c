"""The sandbox's seeded credentials, as printed by ``paywire sandbox`` (test values only)."""

from __future__ import annotations

import importlib

#: (service, constant names worth showing), read from ``paywire.sandbox.<service>.constants``
#: (the package itself would load the whole service: see its ``exports.py``)
_SHOWN = {
    "spaps": ("DEFAULT_API_KEY", "DEFAULT_USER_EMAIL", "DEFAULT_USER_PASSWORD"),
    "lumen": ("DEFAULT_API_KEY",),
    "vellum": ("DEFAULT_TENANT", "DEFAULT_API_KEY"),
    "conxa": ("DEFAULT_PROVIDER_ID", "DEFAULT_API_KEY", "DEFAULT_WALLET_ID"),
}


def describe() -> list[str]:
    lines = []
    for service, names in _SHOWN.items():
        try:
            module = importlib.import_module(f"paywire.sandbox.{service}.constants")
        except ModuleNotFoundError:
            continue
        shown = [f"{name.removeprefix('DEFAULT_').lower()}={getattr(module, name)}"
                 for name in names if hasattr(module, name)]
        lines.append(f"{service:<7} " + "  ".join(shown))
    return lines
