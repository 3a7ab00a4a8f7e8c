from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.session_status import SessionStatus
from ...types import UNSET, RequestSpec, Response


def _get_kwargs(
    *,
    provider_username: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["provider_username"] = provider_username

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/providers/session/status",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    provider_username: str,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    GET /providers/session/status

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            provider_username=provider_username,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SessionStatus | None:
    if response.status_code == 200:
        response_200 = SessionStatus.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> SessionStatus:
    if response.status_code == 200:
        response_200 = SessionStatus.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> SessionStatus:
    """The success answer of GET /providers/session/status, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | SessionStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    provider_username: str,
) -> Response[ErrorBody | SessionStatus]:
    """Connection status of a provider user's wallet

     Polled after showing the QR until `status` is `active` and `session_token` is set.
    Keyed by (provider of the API key, `provider_username`). Polling too fast answers 429
    with `Retry-After`. See decision 6 for `not_found` vs 404.

    Args:
        provider_username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SessionStatus]
    """

    kwargs = _get_kwargs(
        provider_username=provider_username,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    provider_username: str,
) -> ErrorBody | SessionStatus | None:
    """Connection status of a provider user's wallet

     Polled after showing the QR until `status` is `active` and `session_token` is set.
    Keyed by (provider of the API key, `provider_username`). Polling too fast answers 429
    with `Retry-After`. See decision 6 for `not_found` vs 404.

    Args:
        provider_username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SessionStatus
    """

    return sync_detailed(
        client=client,
        provider_username=provider_username,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    provider_username: str,
) -> Response[ErrorBody | SessionStatus]:
    """Connection status of a provider user's wallet

     Polled after showing the QR until `status` is `active` and `session_token` is set.
    Keyed by (provider of the API key, `provider_username`). Polling too fast answers 429
    with `Retry-After`. See decision 6 for `not_found` vs 404.

    Args:
        provider_username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SessionStatus]
    """

    kwargs = _get_kwargs(
        provider_username=provider_username,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    provider_username: str,
) -> ErrorBody | SessionStatus | None:
    """Connection status of a provider user's wallet

     Polled after showing the QR until `status` is `active` and `session_token` is set.
    Keyed by (provider of the API key, `provider_username`). Polling too fast answers 429
    with `Retry-After`. See decision 6 for `not_found` vs 404.

    Args:
        provider_username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SessionStatus
    """

    return (
        await asyncio_detailed(
            client=client,
            provider_username=provider_username,
        )
    ).parsed
