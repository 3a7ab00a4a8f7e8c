from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.charge_forbidden_body import ChargeForbiddenBody
from ...models.charge_request import ChargeRequest
from ...models.charge_response import ChargeResponse
from ...models.error_body import ErrorBody
from ...models.insufficient_balance_body import InsufficientBalanceBody
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: ChargeRequest,
    x_provider_session: str,
    x_idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Provider-Session"] = x_provider_session

    headers["X-Idempotency-Key"] = x_idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/charge/authorize",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: ChargeRequest,
    x_provider_session: str,
    x_idempotency_key: str,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /charge/authorize

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            body=body,
            x_provider_session=x_provider_session,
            x_idempotency_key=x_idempotency_key,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody | None:
    if response.status_code == 200:
        response_200 = ChargeResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = InsufficientBalanceBody.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ChargeForbiddenBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

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


def _parse_success(response: SuccessAnswer) -> ChargeResponse:
    if response.status_code == 200:
        response_200 = ChargeResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> ChargeResponse:
    """The success answer of POST /charge/authorize, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChargeRequest,
    x_provider_session: str,
    x_idempotency_key: str,
) -> Response[ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody]:
    """Charge a connected wallet for AI usage

     Prices `model_name` × token counts on the server and debits the wallet behind the
    session exactly once per (provider, `X-Idempotency-Key`). Replays return the stored
    original result with the same status (decision 2); a concurrent duplicate gets 409
    (decision 3); the same key with a different request gets 422 (decision 4). 402 and 403
    bodies carry `code` and `new_balance`; nothing is debited for them.

    Args:
        x_provider_session (str):
        x_idempotency_key (str):
        body (ChargeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody]
    """

    kwargs = _get_kwargs(
        body=body,
        x_provider_session=x_provider_session,
        x_idempotency_key=x_idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ChargeRequest,
    x_provider_session: str,
    x_idempotency_key: str,
) -> ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody | None:
    """Charge a connected wallet for AI usage

     Prices `model_name` × token counts on the server and debits the wallet behind the
    session exactly once per (provider, `X-Idempotency-Key`). Replays return the stored
    original result with the same status (decision 2); a concurrent duplicate gets 409
    (decision 3); the same key with a different request gets 422 (decision 4). 402 and 403
    bodies carry `code` and `new_balance`; nothing is debited for them.

    Args:
        x_provider_session (str):
        x_idempotency_key (str):
        body (ChargeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody
    """

    return sync_detailed(
        client=client,
        body=body,
        x_provider_session=x_provider_session,
        x_idempotency_key=x_idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChargeRequest,
    x_provider_session: str,
    x_idempotency_key: str,
) -> Response[ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody]:
    """Charge a connected wallet for AI usage

     Prices `model_name` × token counts on the server and debits the wallet behind the
    session exactly once per (provider, `X-Idempotency-Key`). Replays return the stored
    original result with the same status (decision 2); a concurrent duplicate gets 409
    (decision 3); the same key with a different request gets 422 (decision 4). 402 and 403
    bodies carry `code` and `new_balance`; nothing is debited for them.

    Args:
        x_provider_session (str):
        x_idempotency_key (str):
        body (ChargeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody]
    """

    kwargs = _get_kwargs(
        body=body,
        x_provider_session=x_provider_session,
        x_idempotency_key=x_idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ChargeRequest,
    x_provider_session: str,
    x_idempotency_key: str,
) -> ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody | None:
    """Charge a connected wallet for AI usage

     Prices `model_name` × token counts on the server and debits the wallet behind the
    session exactly once per (provider, `X-Idempotency-Key`). Replays return the stored
    original result with the same status (decision 2); a concurrent duplicate gets 409
    (decision 3); the same key with a different request gets 422 (decision 4). 402 and 403
    bodies carry `code` and `new_balance`; nothing is debited for them.

    Args:
        x_provider_session (str):
        x_idempotency_key (str):
        body (ChargeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChargeForbiddenBody | ChargeResponse | ErrorBody | InsufficientBalanceBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_provider_session=x_provider_session,
            x_idempotency_key=x_idempotency_key,
        )
    ).parsed
