"""The one parser of SPAPS sign-in answers, and the refresh operation of each pinned contract.

Password, wallet and magic-link sign-in, registration and token refresh all answer tokens (and
maybe a user) in one of the envelopes the contracts allow: :func:`auth_result` reads them all.
The refresh request, whether the user calls ``auth.refresh_tokens()`` or the bearer flow
refreshes on its own (:mod:`paywire.spaps._refresh`), is built by the pinned contract's
generated ``refresh_tokens.build_request`` and its answer checked by the generated parser
(:func:`paywire._core.decode.parse_success`) and read by :func:`auth_result`:
:class:`RefreshWire` holds that per contract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

import httpx

from paywire._core import register_secret
from paywire._core.decode import decode_json, parse_success
from paywire.spaps._contract import SEED_VERSION, Contract, SpapsVersion, contract_for
from paywire.spaps.errors import AUTH_ERRORS, SpapsResponseValidationError
from paywire.spaps.models import AuthResult, AuthUser
from paywire.spaps.tokens import StoredTokens


# --- the SPAPS envelope ------------------------------------------------------------------------------
def envelope_data(body: Any) -> dict[str, Any]:
    """``data`` when present (the SPAPS envelope), else the body itself."""
    if isinstance(body, dict):
        data = body.get("data")
        if isinstance(data, dict):
            return data
        return body
    return {}


def pick(body: Any, key: str) -> Any:
    """``key`` at the top level of the body or inside ``data`` (auth results use both)."""
    if isinstance(body, dict):
        if body.get(key) is not None:
            return body[key]
        data = body.get("data")
        if isinstance(data, dict):
            return data.get(key)
    return None


def message_of(body: Any) -> str | None:
    value = pick(body, "message")
    return value if isinstance(value, str) else None


def auth_result(body: Any, now: float, *, nested: bool = False) -> AuthResult:
    """Tokens and user at the top level, inside ``data``, or ``data`` itself a token pair.

    ``nested`` (2026-10): ``message``/``user``/``tokens`` are read from ``data`` first (the
    production envelope), the top level only as a fallback.
    """
    if nested:
        data = envelope_data(body)
        tokens = data.get("tokens")
        if not isinstance(tokens, dict):
            tokens = data if "access_token" in data else pick(body, "tokens")
        user = data.get("user") if isinstance(data.get("user"), dict) else pick(body, "user")
        message = data.get("message") if isinstance(data.get("message"), str) else message_of(body)
    else:
        tokens = pick(body, "tokens")
        if not isinstance(tokens, dict):
            data = envelope_data(body)
            tokens = data if "access_token" in data else None
        user = pick(body, "user")
        message = message_of(body)
    kwargs: dict[str, Any] = {"message": message, "raw": body if isinstance(body, dict) else {}}
    if isinstance(user, dict):
        kwargs["user"] = AuthUser.from_dict(user)
    if isinstance(tokens, dict) and isinstance(tokens.get("access_token"), str):
        access = tokens["access_token"]
        refresh = tokens.get("refresh_token") if isinstance(tokens.get("refresh_token"), str) else None
        register_secret(access)
        register_secret(refresh)
        stored = StoredTokens.from_expires_in(access, refresh, tokens.get("expires_in"),
                                              tokens.get("token_type") if isinstance(tokens.get("token_type"), str) else None,
                                              now=now)
        expires_in = tokens.get("expires_in")
        kwargs.update(access_token=access, refresh_token=refresh, token_type=stored.token_type,
                      expires_at=stored.expires_at,
                      expires_in=expires_in if isinstance(expires_in, int) and not isinstance(expires_in, bool) else None)
    return AuthResult(**kwargs)


# --- refresh -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RefreshWire:
    """One contract's refresh operation: its generated module, request builder and envelope."""

    version: SpapsVersion
    op: ModuleType
    build: Callable[[str], Mapping[str, Any]]
    nested: bool

    def result(self, response: httpx.Response, now: float) -> AuthResult:
        """The answer of a refresh (already checked against the contract by the generated
        parser), read by the sign-in parser."""
        return auth_result(decode_json(response, SpapsResponseValidationError), now, nested=self.nested)

    def tokens(self, response: httpx.Response, used: StoredTokens, now: float) -> StoredTokens:
        """New tokens from a success answer; the used refresh token is kept when none is sent
        (the server did not rotate it). A malformed answer raises
        :class:`~paywire.spaps.errors.SpapsResponseValidationError`; nothing is stored from it."""
        parse_success(self.op, response, SpapsResponseValidationError)
        result = self.result(response, now)
        if not result.access_token:
            raise AUTH_ERRORS.classify(502)("token refresh answered without an access_token", response=response,
                                            body=result.raw)
        return StoredTokens(result.access_token, result.refresh_token or used.refresh_token, result.expires_at,
                            result.token_type)


@cache
def _wire(version: SpapsVersion) -> RefreshWire:
    nested = contract_for(version).has("nested_auth")
    if version == SEED_VERSION:
        from paywire_gen_spaps_2025_11 import models as m25
        from paywire_gen_spaps_2025_11.api.auth import refresh_tokens as old

        return RefreshWire(version, old, lambda token: old.build_request(body=m25.RefreshRequest(refresh_token=token)),
                           nested)
    from paywire_gen_spaps_2026_10 import models as m26
    from paywire_gen_spaps_2026_10.api.auth import refresh_tokens as new

    return RefreshWire(version, new, lambda token: new.build_request(body=m26.RefreshRequest(refresh_token=token)),
                       nested)


def refresh_wire(contract: Contract | None = None) -> RefreshWire:
    """The refresh operation of ``contract`` (None: the newest)."""
    return _wire((contract or contract_for(None)).version)


__all__ = ["RefreshWire", "auth_result", "envelope_data", "message_of", "pick", "refresh_wire"]
