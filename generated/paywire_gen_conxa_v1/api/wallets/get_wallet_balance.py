from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.wallet_balance import WalletBalance
from ...types import RequestSpec, Response


def _get_kwargs(
    wallet_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/wallet/{wallet_id}".format(
            wallet_id=path_segment(wallet_id, "wallet_id"),
        ),
    }

    return _kwargs


def build_request(
    wallet_id: str,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    GET /wallet/{wallet_id}

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            wallet_id=wallet_id,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | WalletBalance | None:
    if response.status_code == 200:
        response_200 = WalletBalance.from_dict(response.json())

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


def _parse_success(response: SuccessAnswer) -> WalletBalance:
    if response.status_code == 200:
        response_200 = WalletBalance.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> WalletBalance:
    """The success answer of GET /wallet/{wallet_id}, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | WalletBalance]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | WalletBalance]:
    """Token balance of a wallet

     Described by the SDK as a public endpoint; the SDK sends the API key anyway. The id is a
    16-digit string (the SDK percent-encodes it and rejects `/`, `\\` and `..`).

    Args:
        wallet_id (str): 16-digit wallet id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | WalletBalance]
    """

    kwargs = _get_kwargs(
        wallet_id=wallet_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | WalletBalance | None:
    """Token balance of a wallet

     Described by the SDK as a public endpoint; the SDK sends the API key anyway. The id is a
    16-digit string (the SDK percent-encodes it and rejects `/`, `\\` and `..`).

    Args:
        wallet_id (str): 16-digit wallet id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | WalletBalance
    """

    return sync_detailed(
        wallet_id=wallet_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | WalletBalance]:
    """Token balance of a wallet

     Described by the SDK as a public endpoint; the SDK sends the API key anyway. The id is a
    16-digit string (the SDK percent-encodes it and rejects `/`, `\\` and `..`).

    Args:
        wallet_id (str): 16-digit wallet id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | WalletBalance]
    """

    kwargs = _get_kwargs(
        wallet_id=wallet_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    wallet_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | WalletBalance | None:
    """Token balance of a wallet

     Described by the SDK as a public endpoint; the SDK sends the API key anyway. The id is a
    16-digit string (the SDK percent-encodes it and rejects `/`, `\\` and `..`).

    Args:
        wallet_id (str): 16-digit wallet id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | WalletBalance
    """

    return (
        await asyncio_detailed(
            wallet_id=wallet_id,
            client=client,
        )
    ).parsed
