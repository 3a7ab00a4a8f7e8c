from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account import Account
from ...models.create_account_request import CreateAccountRequest
from ...models.error import Error
from ...types import RequestSpec, Response


def _get_kwargs(
    tenant_id: str,
    *,
    body: CreateAccountRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tenants/{tenant_id}/accounts".format(
            tenant_id=path_segment(tenant_id, "tenant_id"),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    tenant_id: str,
    *,
    body: CreateAccountRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /tenants/{tenant_id}/accounts

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            tenant_id=tenant_id,
            body=body,
        ),
    )


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Account | Error | None:
    if response.status_code == 200:
        response_200 = Account.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> Account:
    if response.status_code == 200:
        response_200 = Account.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> Account:
    """The success answer of POST /tenants/{tenant_id}/accounts, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Account | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAccountRequest,
) -> Response[Account | Error]:
    """Create (or adopt) an account and its Stripe customer

     `stripeCustomerId` adopts an existing Stripe customer; `createStripeCustomer` (only
    ever sent as `true`) asks Vellum to create one. Re-posting an existing `accountId`
    returns that account (DECISION).

    Args:
        tenant_id (str):
        body (CreateAccountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Error]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAccountRequest,
) -> Account | Error | None:
    """Create (or adopt) an account and its Stripe customer

     `stripeCustomerId` adopts an existing Stripe customer; `createStripeCustomer` (only
    ever sent as `true`) asks Vellum to create one. Re-posting an existing `accountId`
    returns that account (DECISION).

    Args:
        tenant_id (str):
        body (CreateAccountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Error
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAccountRequest,
) -> Response[Account | Error]:
    """Create (or adopt) an account and its Stripe customer

     `stripeCustomerId` adopts an existing Stripe customer; `createStripeCustomer` (only
    ever sent as `true`) asks Vellum to create one. Re-posting an existing `accountId`
    returns that account (DECISION).

    Args:
        tenant_id (str):
        body (CreateAccountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Error]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAccountRequest,
) -> Account | Error | None:
    """Create (or adopt) an account and its Stripe customer

     `stripeCustomerId` adopts an existing Stripe customer; `createStripeCustomer` (only
    ever sent as `true`) asks Vellum to create one. Re-posting an existing `accountId`
    returns that account (DECISION).

    Args:
        tenant_id (str):
        body (CreateAccountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Error
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
        )
    ).parsed
