"""Shared test configuration.

The ``paywire_sandbox`` fixture comes from paywire's own pytest plugin (entry point
``pytest11``), so it is available as soon as paywire is installed.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
