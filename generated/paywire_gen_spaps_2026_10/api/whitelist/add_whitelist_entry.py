from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.add_whitelist_entry_request import AddWhitelistEntryRequest
from ...models.error_response import ErrorResponse
from ...models.whitelist_entry_response import WhitelistEntryResponse
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: AddWhitelistEntryRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/whitelist",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: AddWhitelistEntryRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /api/v1/whitelist

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
) -> ErrorResponse | WhitelistEntryResponse | None:
    if response.status_code == 201:
        response_201 = WhitelistEntryResponse.from_dict(response.json())

        return response_201

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


def _parse_success(response: SuccessAnswer) -> WhitelistEntryResponse:
    if response.status_code == 201:
        response_201 = WhitelistEntryResponse.from_dict(response.json())

        return response_201

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((201, 201),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> WhitelistEntryResponse:
    """The success answer of POST /api/v1/whitelist, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WhitelistEntryResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AddWhitelistEntryRequest,
) -> Response[ErrorResponse | WhitelistEntryResponse]:
    """Whitelist an email

    Args:
        body (AddWhitelistEntryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WhitelistEntryResponse]
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
    body: AddWhitelistEntryRequest,
) -> ErrorResponse | WhitelistEntryResponse | None:
    """Whitelist an email

    Args:
        body (AddWhitelistEntryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WhitelistEntryResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AddWhitelistEntryRequest,
) -> Response[ErrorResponse | WhitelistEntryResponse]:
    """Whitelist an email

    Args:
        body (AddWhitelistEntryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WhitelistEntryResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AddWhitelistEntryRequest,
) -> ErrorResponse | WhitelistEntryResponse | None:
    """Whitelist an email

    Args:
        body (AddWhitelistEntryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WhitelistEntryResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
