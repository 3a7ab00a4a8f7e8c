from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.entitlements_response import EntitlementsResponse
from ...models.error_body import ErrorBody
from ...models.is_ext_cust_id_flag import IsExtCustIdFlag
from ...types import UNSET, RequestSpec, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    is_ext_cust_id: IsExtCustIdFlag | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_is_ext_cust_id: str | Unset = UNSET
    if not isinstance(is_ext_cust_id, Unset):
        json_is_ext_cust_id = is_ext_cust_id.value

    params["isExtCustId"] = json_is_ext_cust_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/entitlements/{customer_id}".format(
            customer_id=path_segment(customer_id, "customer_id"),
        ),
        "params": params,
    }

    return _kwargs


def build_request(
    customer_id: str,
    *,
    is_ext_cust_id: IsExtCustIdFlag | Unset = UNSET,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    GET /v1/entitlements/{customer_id}

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            customer_id=customer_id,
            is_ext_cust_id=is_ext_cust_id,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EntitlementsResponse | ErrorBody | None:
    if response.status_code == 200:
        response_200 = EntitlementsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> EntitlementsResponse:
    if response.status_code == 200:
        response_200 = EntitlementsResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> EntitlementsResponse:
    """The success answer of GET /v1/entitlements/{customer_id}, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EntitlementsResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    is_ext_cust_id: IsExtCustIdFlag | Unset = UNSET,
) -> Response[EntitlementsResponse | ErrorBody]:
    """All entitlements of a customer (SDK L3, get_usage / get_features)

    Args:
        customer_id (str):
        is_ext_cust_id (IsExtCustIdFlag | Unset): Request-side only (query parameter).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntitlementsResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        is_ext_cust_id=is_ext_cust_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    is_ext_cust_id: IsExtCustIdFlag | Unset = UNSET,
) -> EntitlementsResponse | ErrorBody | None:
    """All entitlements of a customer (SDK L3, get_usage / get_features)

    Args:
        customer_id (str):
        is_ext_cust_id (IsExtCustIdFlag | Unset): Request-side only (query parameter).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntitlementsResponse | ErrorBody
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        is_ext_cust_id=is_ext_cust_id,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    is_ext_cust_id: IsExtCustIdFlag | Unset = UNSET,
) -> Response[EntitlementsResponse | ErrorBody]:
    """All entitlements of a customer (SDK L3, get_usage / get_features)

    Args:
        customer_id (str):
        is_ext_cust_id (IsExtCustIdFlag | Unset): Request-side only (query parameter).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EntitlementsResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        is_ext_cust_id=is_ext_cust_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    is_ext_cust_id: IsExtCustIdFlag | Unset = UNSET,
) -> EntitlementsResponse | ErrorBody | None:
    """All entitlements of a customer (SDK L3, get_usage / get_features)

    Args:
        customer_id (str):
        is_ext_cust_id (IsExtCustIdFlag | Unset): Request-side only (query parameter).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EntitlementsResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            is_ext_cust_id=is_ext_cust_id,
        )
    ).parsed
