"""The precomputed hash of the seeded SPAPS password is really that password's scrypt hash."""

from __future__ import annotations

from paywire.sandbox import spaps


def test_seed_hash_matches_the_seeded_password() -> None:
    _, salt_hex, _ = spaps.SEED_PASSWORD_HASH.split("$")
    assert spaps.hash_password(spaps.DEFAULT_USER_PASSWORD, bytes.fromhex(salt_hex)) == spaps.SEED_PASSWORD_HASH
    assert spaps.check_password(spaps.DEFAULT_USER_PASSWORD, spaps.SEED_PASSWORD_HASH)
    assert not spaps.check_password(spaps.DEFAULT_USER_PASSWORD + "x", spaps.SEED_PASSWORD_HASH)
