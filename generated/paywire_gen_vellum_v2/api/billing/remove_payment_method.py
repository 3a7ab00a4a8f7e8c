from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.removed_payment_method import RemovedPaymentMethod
from ...types import RequestSpec, Response


def _get_kwargs(
    tenant_id: str,
    account_id: str,
    method_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/tenants/{tenant_id}/accounts/{account_id}/payment-methods/{method_id}".format(
            tenant_id=path_segment(tenant_id, "tenant_id"),
            account_id=path_segment(account_id, "account_id"),
            method_id=path_segment(method_id, "method_id"),
        ),
    }

    return _kwargs


def build_request(
    tenant_id: str,
    account_id: str,
    method_id: str,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    DELETE /tenants/{tenant_id}/accounts/{account_id}/payment-methods/{method_id}

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            tenant_id=tenant_id,
            account_id=account_id,
            method_id=method_id,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RemovedPaymentMethod | None:
    if response.status_code == 200:
        response_200 = RemovedPaymentMethod.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> RemovedPaymentMethod:
    if response.status_code == 200:
        response_200 = RemovedPaymentMethod.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> RemovedPaymentMethod:
    """The success answer of DELETE /tenants/{tenant_id}/accounts/{account_id}/payment-methods/{method_id}, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | RemovedPaymentMethod]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    account_id: str,
    method_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | RemovedPaymentMethod]:
    """Detach a payment method

     `methodId` must be a `ref` of this account; a raw provider id is 404.

    Args:
        tenant_id (str):
        account_id (str):
        method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RemovedPaymentMethod]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        account_id=account_id,
        method_id=method_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    account_id: str,
    method_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | RemovedPaymentMethod | None:
    """Detach a payment method

     `methodId` must be a `ref` of this account; a raw provider id is 404.

    Args:
        tenant_id (str):
        account_id (str):
        method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RemovedPaymentMethod
    """

    return sync_detailed(
        tenant_id=tenant_id,
        account_id=account_id,
        method_id=method_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    account_id: str,
    method_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | RemovedPaymentMethod]:
    """Detach a payment method

     `methodId` must be a `ref` of this account; a raw provider id is 404.

    Args:
        tenant_id (str):
        account_id (str):
        method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RemovedPaymentMethod]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        account_id=account_id,
        method_id=method_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    account_id: str,
    method_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | RemovedPaymentMethod | None:
    """Detach a payment method

     `methodId` must be a `ref` of this account; a raw provider id is 404.

    Args:
        tenant_id (str):
        account_id (str):
        method_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RemovedPaymentMethod
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            account_id=account_id,
            method_id=method_id,
            client=client,
        )
    ).parsed
