from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.payment_method_list import PaymentMethodList
from ...types import RequestSpec, Response


def _get_kwargs(
    tenant_id: str,
    account_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tenants/{tenant_id}/accounts/{account_id}/payment-methods".format(
            tenant_id=path_segment(tenant_id, "tenant_id"),
            account_id=path_segment(account_id, "account_id"),
        ),
    }

    return _kwargs


def build_request(
    tenant_id: str,
    account_id: str,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    GET /tenants/{tenant_id}/accounts/{account_id}/payment-methods

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            tenant_id=tenant_id,
            account_id=account_id,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaymentMethodList | None:
    if response.status_code == 200:
        response_200 = PaymentMethodList.from_dict(response.json())

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


def _parse_success(response: SuccessAnswer) -> PaymentMethodList:
    if response.status_code == 200:
        response_200 = PaymentMethodList.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> PaymentMethodList:
    """The success answer of GET /tenants/{tenant_id}/accounts/{account_id}/payment-methods, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PaymentMethodList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | PaymentMethodList]:
    """Saved card payment methods of the account

    Args:
        tenant_id (str):
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaymentMethodList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        account_id=account_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | PaymentMethodList | None:
    """Saved card payment methods of the account

    Args:
        tenant_id (str):
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaymentMethodList
    """

    return sync_detailed(
        tenant_id=tenant_id,
        account_id=account_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | PaymentMethodList]:
    """Saved card payment methods of the account

    Args:
        tenant_id (str):
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaymentMethodList]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        account_id=account_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    account_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | PaymentMethodList | None:
    """Saved card payment methods of the account

    Args:
        tenant_id (str):
        account_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaymentMethodList
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            account_id=account_id,
            client=client,
        )
    ).parsed
