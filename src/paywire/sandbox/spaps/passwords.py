"""Password hashing of the SPAPS sandbox: scrypt with sandbox-grade parameters (n=2**14)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), **_SCRYPT)
    return hmac.compare_digest(digest.hex(), digest_hex)


#: scrypt of the (public) seeded password with a fixed salt, precomputed: hashing it at start-up
#: cost ~0.1 s of CPU, a third of the sandbox's start. tests/sandbox/test_spaps_seed_hash.py
#: recomputes it.
SEED_PASSWORD_HASH = "scrypt$000102030405060708090a0b0c0d0e0f$08cec1a92f825b5008dbd814f7fd9f2fc99d58fb995ffcd778f80ad7b86238ee"

