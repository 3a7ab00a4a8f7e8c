from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.refresh_request import RefreshRequest
from ...models.refresh_response import RefreshResponse
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: RefreshRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/auth/refresh",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: RefreshRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /api/auth/refresh

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
) -> ErrorResponse | RefreshResponse | None:
    if response.status_code == 200:
        response_200 = RefreshResponse.from_dict(response.json())

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


def _parse_success(response: SuccessAnswer) -> RefreshResponse:
    if response.status_code == 200:
        response_200 = RefreshResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> RefreshResponse:
    """The success answer of POST /api/auth/refresh, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | RefreshResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RefreshRequest,
) -> Response[ErrorResponse | RefreshResponse]:
    """Exchange a refresh token for a new token pair (the old refresh token is rotated out)

     Rotation with a reuse interval (paywire decision, following supabase's refresh-token reuse
    detection): a successful refresh rotates the refresh token out. For 10 seconds after that rotation
    the rotated token still answers 200 with the session's current refresh token and a new access token
    (nothing is rotated again), so a client whose answer was lost (task cancelled, connection dropped
    after the server committed, response slower than its timeout) can retry with the token it holds.
    Presented later, a rotated token is reuse: the whole session (the token family) is revoked and the
    answer is 401 `INVALID_REFRESH`. Clients therefore treat the refresh as retryable (transport errors,
    429, 5xx) and clear stored tokens only on a definitive 400/401/403 when no newer token was stored
    meanwhile.

    Args:
        body (RefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RefreshResponse]
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
    body: RefreshRequest,
) -> ErrorResponse | RefreshResponse | None:
    """Exchange a refresh token for a new token pair (the old refresh token is rotated out)

     Rotation with a reuse interval (paywire decision, following supabase's refresh-token reuse
    detection): a successful refresh rotates the refresh token out. For 10 seconds after that rotation
    the rotated token still answers 200 with the session's current refresh token and a new access token
    (nothing is rotated again), so a client whose answer was lost (task cancelled, connection dropped
    after the server committed, response slower than its timeout) can retry with the token it holds.
    Presented later, a rotated token is reuse: the whole session (the token family) is revoked and the
    answer is 401 `INVALID_REFRESH`. Clients therefore treat the refresh as retryable (transport errors,
    429, 5xx) and clear stored tokens only on a definitive 400/401/403 when no newer token was stored
    meanwhile.

    Args:
        body (RefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RefreshResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RefreshRequest,
) -> Response[ErrorResponse | RefreshResponse]:
    """Exchange a refresh token for a new token pair (the old refresh token is rotated out)

     Rotation with a reuse interval (paywire decision, following supabase's refresh-token reuse
    detection): a successful refresh rotates the refresh token out. For 10 seconds after that rotation
    the rotated token still answers 200 with the session's current refresh token and a new access token
    (nothing is rotated again), so a client whose answer was lost (task cancelled, connection dropped
    after the server committed, response slower than its timeout) can retry with the token it holds.
    Presented later, a rotated token is reuse: the whole session (the token family) is revoked and the
    answer is 401 `INVALID_REFRESH`. Clients therefore treat the refresh as retryable (transport errors,
    429, 5xx) and clear stored tokens only on a definitive 400/401/403 when no newer token was stored
    meanwhile.

    Args:
        body (RefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RefreshResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RefreshRequest,
) -> ErrorResponse | RefreshResponse | None:
    """Exchange a refresh token for a new token pair (the old refresh token is rotated out)

     Rotation with a reuse interval (paywire decision, following supabase's refresh-token reuse
    detection): a successful refresh rotates the refresh token out. For 10 seconds after that rotation
    the rotated token still answers 200 with the session's current refresh token and a new access token
    (nothing is rotated again), so a client whose answer was lost (task cancelled, connection dropped
    after the server committed, response slower than its timeout) can retry with the token it holds.
    Presented later, a rotated token is reuse: the whole session (the token family) is revoked and the
    answer is 401 `INVALID_REFRESH`. Clients therefore treat the refresh as retryable (transport errors,
    429, 5xx) and clear stored tokens only on a definitive 400/401/403 when no newer token was stored
    meanwhile.

    Args:
        body (RefreshRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RefreshResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
