from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.message_response import MessageResponse
from ...models.set_password_request import SetPasswordRequest
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: SetPasswordRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/auth/set-password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: SetPasswordRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /api/auth/set-password

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
) -> ErrorResponse | MessageResponse | None:
    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

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


def _parse_success(response: SuccessAnswer) -> MessageResponse:
    if response.status_code == 200:
        response_200 = MessageResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> MessageResponse:
    """The success answer of POST /api/auth/set-password, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | MessageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SetPasswordRequest,
) -> Response[ErrorResponse | MessageResponse]:
    """Set a first password, or change the current one (signed-in user)

     `current_password` is required when the user already has a password (a wrong one is
    400 `INVALID_CREDENTIALS`); users who signed up by wallet or magic link set their first
    password with `new_password` alone. The user's other sessions are revoked.

    Args:
        body (SetPasswordRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageResponse]
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
    body: SetPasswordRequest,
) -> ErrorResponse | MessageResponse | None:
    """Set a first password, or change the current one (signed-in user)

     `current_password` is required when the user already has a password (a wrong one is
    400 `INVALID_CREDENTIALS`); users who signed up by wallet or magic link set their first
    password with `new_password` alone. The user's other sessions are revoked.

    Args:
        body (SetPasswordRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SetPasswordRequest,
) -> Response[ErrorResponse | MessageResponse]:
    """Set a first password, or change the current one (signed-in user)

     `current_password` is required when the user already has a password (a wrong one is
    400 `INVALID_CREDENTIALS`); users who signed up by wallet or magic link set their first
    password with `new_password` alone. The user's other sessions are revoked.

    Args:
        body (SetPasswordRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SetPasswordRequest,
) -> ErrorResponse | MessageResponse | None:
    """Set a first password, or change the current one (signed-in user)

     `current_password` is required when the user already has a password (a wrong one is
    400 `INVALID_CREDENTIALS`); users who signed up by wallet or magic link set their first
    password with `new_password` alone. The user's other sessions are revoked.

    Args:
        body (SetPasswordRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
