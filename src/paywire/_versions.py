"""Which API contract versions this paywire release can talk to, per service.

Each entry is one spec in ``openapi/<service>/<version>.yaml`` compiled into its own generated
package; a test keeps this table equal to ``openapi/lock.json``. The default of each service is
its newest contract; clients take ``api_version=`` to pin an older one.
"""

from __future__ import annotations

from typing import Final

#: service -> {api version: generated package}, oldest first.
API_VERSIONS: Final[dict[str, dict[str, str]]] = {
    "spaps": {"2025-11": "paywire_gen_spaps_2025_11", "2026-10": "paywire_gen_spaps_2026_10"},
    "lumen": {"v1": "paywire_gen_lumen_v1"},
    "vellum": {"v1": "paywire_gen_vellum_v1", "v2": "paywire_gen_vellum_v2"},
    "conxa": {"v1": "paywire_gen_conxa_v1"},
}


def default_version(service: str) -> str:
    """The newest pinned contract of a service (the last one listed)."""
    return list(API_VERSIONS[service])[-1]


def package_for(service: str, api_version: str | None) -> tuple[str, str]:
    """(version, generated package) for a requested version; None means the default."""
    versions = API_VERSIONS[service]
    version = api_version or default_version(service)
    if version not in versions:
        known = ", ".join(versions)
        raise ValueError(f"unknown {service} api_version {version!r}; this paywire knows: {known}")
    return version, versions[version]
