"""Shared test configuration.

The ``paywire_sandbox`` fixture comes from paywire's own pytest plugin (entry point
``pytest11``), so it is available as soon as paywire is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# tests/_support (helpers shared by every service's tests) imports as ``_support.<module>``.
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
