"""The one parser of SPAPS sign-in answers, and the refresh operation of each pinned contract.

Password, wallet and magic-link sign-in, the MFA step that completes one (2026-10),
registration and token refresh all answer tokens (and maybe a user) in one of the envelopes the contracts allow: :func:`auth_result` reads them all.
The refresh request, whether the user calls ``auth.refresh_tokens()`` or the bearer flow
refreshes on its own (:mod:`paywire.spaps._refresh`), is built by the pinned contract's
generated ``refresh_tokens.build_request`` and its answer parsed, typed, by the generated
``refresh_tokens.parse_response`` and read by the token reader sign-in uses (:func:`token_fields`):
:class:`RefreshWire` holds that per contract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, Union

import httpx

from paywire._core import register_secret
from paywire._core.decode import decode_json
from paywire.spaps._contract import SEED_VERSION, Contract, SpapsVersion, contract_for
from paywire.spaps.errors import AUTH_ERRORS, SpapsResponseValidationError
from paywire.spaps.tokens import StoredTokens

if TYPE_CHECKING:  # the results are imported where one is built: paywire.spaps.models builds ~75
    # dataclasses at import (50-70 ms), which `import paywire.spaps` must not spend before a call
    from paywire.spaps.models import AuthResult


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


@dataclass(frozen=True, slots=True)
class _JsonTokens:
    """A token object read from JSON (the envelope variants sign-in answers may use)."""

    access_token: str
    refresh_token: str | None
    expires_in: int | None
    token_type: str | None

    @classmethod
    def of(cls, tokens: Any) -> _JsonTokens | None:
        if not isinstance(tokens, dict) or not isinstance(tokens.get("access_token"), str):
            return None
        refresh, kind, expires = tokens.get("refresh_token"), tokens.get("token_type"), tokens.get("expires_in")
        return cls(tokens["access_token"], refresh if isinstance(refresh, str) else None,
                   expires if isinstance(expires, int) and not isinstance(expires, bool) else None,
                   kind if isinstance(kind, str) else None)


if TYPE_CHECKING:  # annotations only: importing paywire.spaps does not import generated code
    from paywire_gen_spaps_2025_11.models import RefreshedTokens as RefreshedTokens2025
    from paywire_gen_spaps_2025_11.models import TokenPair as TokenPair2025
    from paywire_gen_spaps_2026_10.models import MfaVerifyResult as MfaVerifyResult2026
    from paywire_gen_spaps_2026_10.models import RefreshedTokens as RefreshedTokens2026
    from paywire_gen_spaps_2026_10.models import TokenPair as TokenPair2026

#: Every token-carrying answer: the generated ``TokenPair`` (sign-in) and ``RefreshedTokens``
#: (refresh) of each pinned version, 2026-10's ``MfaVerifyResult`` (the second step of an MFA
#: sign-in), typed, or a token object found in a tolerated envelope variant. :func:`token_fields`
#: reads the fields of the union by name, so a token field renamed in either spec fails mypy on
#: the line that reads it.
TokenFields = Union["_JsonTokens", "TokenPair2025", "TokenPair2026", "RefreshedTokens2025", "RefreshedTokens2026",
                    "MfaVerifyResult2026"]


def token_fields(tokens: TokenFields, now: float) -> dict[str, Any]:
    """The :class:`AuthResult` token fields of a token answer (secrets registered for redaction)."""
    access_token: str = tokens.access_token
    refresh_token: str | None = tokens.refresh_token
    expires_in: int | None = tokens.expires_in
    token_type: str | None = tokens.token_type
    register_secret(access_token)
    register_secret(refresh_token)
    stored = StoredTokens.from_expires_in(access_token, refresh_token, expires_in, token_type, now=now)
    return {"access_token": access_token, "refresh_token": refresh_token, "token_type": stored.token_type,
            "expires_at": stored.expires_at, "expires_in": expires_in}


def auth_result(body: Any, now: float, *, nested: bool = False, tokens: TokenFields | None = None) -> AuthResult:
    """Tokens and user at the top level, inside ``data``, or ``data`` itself a token pair.

    ``nested`` (2026-10): ``message``/``user``/``tokens`` are read from ``data`` first (the
    production envelope), the top level only as a fallback. ``tokens``: the token fields of
    the generated parser's typed answer, when the caller has them (they win over the JSON).
    """
    if nested:
        data = envelope_data(body)
        located = data.get("tokens")
        if not isinstance(located, dict):
            located = data if "access_token" in data else pick(body, "tokens")
        user = data.get("user") if isinstance(data.get("user"), dict) else pick(body, "user")
        message = data.get("message") if isinstance(data.get("message"), str) else message_of(body)
    else:
        located = pick(body, "tokens")
        if not isinstance(located, dict):
            data = envelope_data(body)
            located = data if "access_token" in data else None
        user = pick(body, "user")
        message = message_of(body)
    from paywire.spaps.models import AuthResult, AuthUser  # lazily (see the TYPE_CHECKING import)

    kwargs: dict[str, Any] = {"message": message, "raw": body if isinstance(body, dict) else {}}
    if isinstance(user, dict):
        kwargs["user"] = AuthUser.from_dict(user)
    found = tokens if tokens is not None else _JsonTokens.of(located)
    if found is not None:
        kwargs.update(token_fields(found, now))
    return AuthResult(**kwargs)


# --- refresh -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RefreshWire:
    """One contract's refresh operation: its generated module, request builder and envelope."""

    version: SpapsVersion
    op: ModuleType
    #: the request, from the generated ``refresh_tokens.build_request``
    build: Callable[[str], Mapping[str, Any]]
    #: the generated parser's typed answer -> its token fields
    read: Callable[[httpx.Response], TokenFields]

    def result(self, response: httpx.Response, now: float) -> AuthResult:
        """A success answer as an :class:`AuthResult` (checked against the contract by the
        generated parser; tokens read by :func:`token_fields`, as sign-in's are)."""
        from paywire.spaps.models import AuthResult  # lazily (see the TYPE_CHECKING import)

        tokens = self.read(response)
        body = decode_json(response, SpapsResponseValidationError)
        return AuthResult(message=message_of(body), raw=body if isinstance(body, dict) else {},
                          **token_fields(tokens, now))

    def tokens(self, response: httpx.Response, used: StoredTokens, now: float) -> StoredTokens:
        """New tokens from a success answer; the used refresh token is kept when none is sent
        (the server did not rotate it). A malformed answer raises
        :class:`~paywire.spaps.errors.SpapsResponseValidationError`; nothing is stored from it."""
        result = self.result(response, now)
        if not result.access_token:  # the contracts require one; an empty string is no token either
            raise AUTH_ERRORS.classify(502)("token refresh answered without an access_token", response=response,
                                            body=result.raw)
        return StoredTokens(result.access_token, result.refresh_token or used.refresh_token, result.expires_at,
                            result.token_type)


@cache
def _wire(version: SpapsVersion) -> RefreshWire:
    if version == SEED_VERSION:
        from paywire_gen_spaps_2025_11 import models as m25
        from paywire_gen_spaps_2025_11.api.auth import refresh_tokens as old

        return RefreshWire(version, old, lambda token: old.build_request(body=m25.RefreshRequest(refresh_token=token)),
                           lambda response: old.parse_response(response, SpapsResponseValidationError).data)
    from paywire_gen_spaps_2026_10 import models as m26
    from paywire_gen_spaps_2026_10.api.auth import refresh_tokens as new

    return RefreshWire(version, new, lambda token: new.build_request(body=m26.RefreshRequest(refresh_token=token)),
                       lambda response: new.parse_response(response, SpapsResponseValidationError).data)


def refresh_wire(contract: Contract | None = None) -> RefreshWire:
    """The refresh operation of ``contract`` (None: the newest)."""
    return _wire((contract or contract_for(None)).version)


__all__ = ["RefreshWire", "TokenFields", "auth_result", "envelope_data", "message_of", "pick",
           "refresh_wire", "token_fields"]
