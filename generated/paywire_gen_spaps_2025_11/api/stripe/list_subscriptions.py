from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.subscription_list_response import SubscriptionListResponse
from ...types import UNSET, RequestSpec, Response, Unset


def _get_kwargs(
    *,
    status: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["status"] = status

    params["limit"] = limit

    params["starting_after"] = starting_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/stripe/subscriptions",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    status: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    GET /api/stripe/subscriptions

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            status=status,
            limit=limit,
            starting_after=starting_after,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SubscriptionListResponse | None:
    if response.status_code == 200:
        response_200 = SubscriptionListResponse.from_dict(response.json())

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


def _parse_success(response: SuccessAnswer) -> SubscriptionListResponse:
    if response.status_code == 200:
        response_200 = SubscriptionListResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> SubscriptionListResponse:
    """The success answer of GET /api/stripe/subscriptions, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SubscriptionListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
) -> Response[ErrorResponse | SubscriptionListResponse]:
    """The user's subscriptions

    Args:
        status (str | Unset):
        limit (int | Unset):
        starting_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubscriptionListResponse]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        starting_after=starting_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
) -> ErrorResponse | SubscriptionListResponse | None:
    """The user's subscriptions

    Args:
        status (str | Unset):
        limit (int | Unset):
        starting_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubscriptionListResponse
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
        starting_after=starting_after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
) -> Response[ErrorResponse | SubscriptionListResponse]:
    """The user's subscriptions

    Args:
        status (str | Unset):
        limit (int | Unset):
        starting_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubscriptionListResponse]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        starting_after=starting_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
) -> ErrorResponse | SubscriptionListResponse | None:
    """The user's subscriptions

    Args:
        status (str | Unset):
        limit (int | Unset):
        starting_after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubscriptionListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
            starting_after=starting_after,
        )
    ).parsed
