from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mfa_verify_request import MfaVerifyRequest
from ...models.mfa_verify_response import MfaVerifyResponse
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: MfaVerifyRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/auth/mfa/verify",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: MfaVerifyRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /api/auth/mfa/verify

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            body=body,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MfaVerifyResponse | None:
    if response.status_code == 200:
        response_200 = MfaVerifyResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> MfaVerifyResponse:
    if response.status_code == 200:
        response_200 = MfaVerifyResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> MfaVerifyResponse:
    """The success answer of POST /api/auth/mfa/verify, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | MfaVerifyResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MfaVerifyRequest,
) -> Response[ErrorResponse | MfaVerifyResponse]:
    """Complete an MFA challenge with a code or a recovery code (decision 1)

     The second step of a sign-in that answered `mfa_required`: the challenge id and value
    with exactly one of `code` (the authenticator's current code) and `recovery_code`.
    Answers the sign-in result (tokens and user) plus `mfa_method`.

    Args:
        body (MfaVerifyRequest): exactly one of `code` and `recovery_code` (decision 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MfaVerifyResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MfaVerifyRequest,
) -> ErrorResponse | MfaVerifyResponse | None:
    """Complete an MFA challenge with a code or a recovery code (decision 1)

     The second step of a sign-in that answered `mfa_required`: the challenge id and value
    with exactly one of `code` (the authenticator's current code) and `recovery_code`.
    Answers the sign-in result (tokens and user) plus `mfa_method`.

    Args:
        body (MfaVerifyRequest): exactly one of `code` and `recovery_code` (decision 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MfaVerifyResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MfaVerifyRequest,
) -> Response[ErrorResponse | MfaVerifyResponse]:
    """Complete an MFA challenge with a code or a recovery code (decision 1)

     The second step of a sign-in that answered `mfa_required`: the challenge id and value
    with exactly one of `code` (the authenticator's current code) and `recovery_code`.
    Answers the sign-in result (tokens and user) plus `mfa_method`.

    Args:
        body (MfaVerifyRequest): exactly one of `code` and `recovery_code` (decision 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MfaVerifyResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MfaVerifyRequest,
) -> ErrorResponse | MfaVerifyResponse | None:
    """Complete an MFA challenge with a code or a recovery code (decision 1)

     The second step of a sign-in that answered `mfa_required`: the challenge id and value
    with exactly one of `code` (the authenticator's current code) and `recovery_code`.
    Answers the sign-in result (tokens and user) plus `mfa_method`.

    Args:
        body (MfaVerifyRequest): exactly one of `code` and `recovery_code` (decision 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MfaVerifyResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
