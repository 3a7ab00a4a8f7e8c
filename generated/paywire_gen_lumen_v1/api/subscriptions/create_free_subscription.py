from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.free_subscription_request import FreeSubscriptionRequest
from ...models.free_subscription_response import FreeSubscriptionResponse
from ...models.subscription_exists_error import SubscriptionExistsError
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: FreeSubscriptionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/subscriptions/create-free-subscription",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: FreeSubscriptionRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /v1/subscriptions/create-free-subscription

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
) -> ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError | None:
    if response.status_code == 200:
        response_200 = FreeSubscriptionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = FreeSubscriptionResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = SubscriptionExistsError.from_dict(response.json())

        return response_409

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> FreeSubscriptionResponse:
    if response.status_code == 200:
        response_200 = FreeSubscriptionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = FreeSubscriptionResponse.from_dict(response.json())

        return response_201

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = (
    (200, 200),
    (201, 201),
)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> FreeSubscriptionResponse:
    """The success answer of POST /v1/subscriptions/create-free-subscription, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FreeSubscriptionRequest,
) -> Response[ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError]:
    """Create a free subscription unless one exists (SDK L10)

     201 `{success: true, subscription}` when created (200 listed for tolerance); 409 with the existing
    subscription when the customer already has one.

    Args:
        body (FreeSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError]
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
    client: AuthenticatedClient | Client,
    body: FreeSubscriptionRequest,
) -> ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError | None:
    """Create a free subscription unless one exists (SDK L10)

     201 `{success: true, subscription}` when created (200 listed for tolerance); 409 with the existing
    subscription when the customer already has one.

    Args:
        body (FreeSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FreeSubscriptionRequest,
) -> Response[ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError]:
    """Create a free subscription unless one exists (SDK L10)

     201 `{success: true, subscription}` when created (200 listed for tolerance); 409 with the existing
    subscription when the customer already has one.

    Args:
        body (FreeSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FreeSubscriptionRequest,
) -> ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError | None:
    """Create a free subscription unless one exists (SDK L10)

     201 `{success: true, subscription}` when created (200 listed for tolerance); 409 with the existing
    subscription when the customer already has one.

    Args:
        body (FreeSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FreeSubscriptionResponse | SubscriptionExistsError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
