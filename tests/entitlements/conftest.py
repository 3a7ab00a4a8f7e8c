"""The Redis-tier tests run against one real redis-server per test session."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from redis_support import redis_server, redis_url

__all__ = ["redis_server", "redis_url"]
