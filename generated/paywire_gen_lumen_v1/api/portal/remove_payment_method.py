from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.portal_action_response import PortalActionResponse
from ...types import UNSET, RequestSpec, Response, Unset


def _get_kwargs(
    id: str,
    *,
    external_customer_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["externalCustomerId"] = external_customer_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/customers/portal/payment-methods/{id}".format(
            id=path_segment(id, "id"),
        ),
        "params": params,
    }

    return _kwargs


def build_request(
    id: str,
    *,
    external_customer_id: str | Unset = UNSET,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    DELETE /v1/customers/portal/payment-methods/{id}

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            id=id,
            external_customer_id=external_customer_id,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | PortalActionResponse | None:
    if response.status_code == 200:
        response_200 = PortalActionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> PortalActionResponse:
    if response.status_code == 200:
        response_200 = PortalActionResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> PortalActionResponse:
    """The success answer of DELETE /v1/customers/portal/payment-methods/{id}, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | PortalActionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    external_customer_id: str | Unset = UNSET,
) -> Response[ErrorBody | PortalActionResponse]:
    """Remove a payment method (portal, proxy-only)

     A payment method linked to an active subscription cannot be removed (409).

    Args:
        id (str):
        external_customer_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | PortalActionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        external_customer_id=external_customer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    external_customer_id: str | Unset = UNSET,
) -> ErrorBody | PortalActionResponse | None:
    """Remove a payment method (portal, proxy-only)

     A payment method linked to an active subscription cannot be removed (409).

    Args:
        id (str):
        external_customer_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | PortalActionResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        external_customer_id=external_customer_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    external_customer_id: str | Unset = UNSET,
) -> Response[ErrorBody | PortalActionResponse]:
    """Remove a payment method (portal, proxy-only)

     A payment method linked to an active subscription cannot be removed (409).

    Args:
        id (str):
        external_customer_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | PortalActionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        external_customer_id=external_customer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    external_customer_id: str | Unset = UNSET,
) -> ErrorBody | PortalActionResponse | None:
    """Remove a payment method (portal, proxy-only)

     A payment method linked to an active subscription cannot be removed (409).

    Args:
        id (str):
        external_customer_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | PortalActionResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            external_customer_id=external_customer_id,
        )
    ).parsed
