from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError
from paywire._core.paths import path_segment

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_preview import ChangePreview
from ...models.error import Error
from ...models.preview_change_request import PreviewChangeRequest
from ...types import RequestSpec, Response


def _get_kwargs(
    tenant_id: str,
    account_id: str,
    customer_id: str,
    *,
    body: PreviewChangeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/subscription/preview".format(
            tenant_id=path_segment(tenant_id, "tenant_id"),
            account_id=path_segment(account_id, "account_id"),
            customer_id=path_segment(customer_id, "customer_id"),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    tenant_id: str,
    account_id: str,
    customer_id: str,
    *,
    body: PreviewChangeRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/subscription/preview

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            tenant_id=tenant_id,
            account_id=account_id,
            customer_id=customer_id,
            body=body,
        ),
    )


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePreview | Error | None:
    if response.status_code == 200:
        response_200 = ChangePreview.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> ChangePreview:
    if response.status_code == 200:
        response_200 = ChangePreview.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> ChangePreview:
    """The success answer of POST /tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/subscription/preview, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChangePreview | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    account_id: str,
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreviewChangeRequest,
) -> Response[ChangePreview | Error]:
    """Preview the proration of a change without applying it

     The body is always sent, possibly `{}` (every field optional; omitted fields keep the
    current value). Response shape is a DECISION (see info.description).
    409 `SUBSCRIPTION_ENDED` if the subscription already ended (DECISION: as change_plan,
    set_seats and update_add_ons answer for an ended subscription).

    Args:
        tenant_id (str):
        account_id (str):
        customer_id (str):
        body (PreviewChangeRequest): Every field optional; omitted fields keep the current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePreview | Error]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        account_id=account_id,
        customer_id=customer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    account_id: str,
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreviewChangeRequest,
) -> ChangePreview | Error | None:
    """Preview the proration of a change without applying it

     The body is always sent, possibly `{}` (every field optional; omitted fields keep the
    current value). Response shape is a DECISION (see info.description).
    409 `SUBSCRIPTION_ENDED` if the subscription already ended (DECISION: as change_plan,
    set_seats and update_add_ons answer for an ended subscription).

    Args:
        tenant_id (str):
        account_id (str):
        customer_id (str):
        body (PreviewChangeRequest): Every field optional; omitted fields keep the current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePreview | Error
    """

    return sync_detailed(
        tenant_id=tenant_id,
        account_id=account_id,
        customer_id=customer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    account_id: str,
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreviewChangeRequest,
) -> Response[ChangePreview | Error]:
    """Preview the proration of a change without applying it

     The body is always sent, possibly `{}` (every field optional; omitted fields keep the
    current value). Response shape is a DECISION (see info.description).
    409 `SUBSCRIPTION_ENDED` if the subscription already ended (DECISION: as change_plan,
    set_seats and update_add_ons answer for an ended subscription).

    Args:
        tenant_id (str):
        account_id (str):
        customer_id (str):
        body (PreviewChangeRequest): Every field optional; omitted fields keep the current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePreview | Error]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        account_id=account_id,
        customer_id=customer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    account_id: str,
    customer_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreviewChangeRequest,
) -> ChangePreview | Error | None:
    """Preview the proration of a change without applying it

     The body is always sent, possibly `{}` (every field optional; omitted fields keep the
    current value). Response shape is a DECISION (see info.description).
    409 `SUBSCRIPTION_ENDED` if the subscription already ended (DECISION: as change_plan,
    set_seats and update_add_ons answer for an ended subscription).

    Args:
        tenant_id (str):
        account_id (str):
        customer_id (str):
        body (PreviewChangeRequest): Every field optional; omitted fields keep the current value.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePreview | Error
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            account_id=account_id,
            customer_id=customer_id,
            client=client,
            body=body,
        )
    ).parsed
