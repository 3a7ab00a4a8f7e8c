from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.event_accepted_message import EventAcceptedMessage
from ...models.event_ingested import EventIngested
from ...models.event_request import EventRequest
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: EventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/events",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: EventRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /v1/events

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
) -> ErrorBody | EventAcceptedMessage | EventIngested | None:
    if response.status_code == 202:

        def _parse_response_202(data: object) -> EventAcceptedMessage | EventIngested:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_accepted_response_type_0 = EventIngested.from_dict(data)

                return componentsschemas_event_accepted_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_event_accepted_response_type_1 = EventAcceptedMessage.from_dict(data)

            return componentsschemas_event_accepted_response_type_1

        response_202 = _parse_response_202(response.json())

        return response_202

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


def _parse_success(response: SuccessAnswer) -> EventAcceptedMessage | EventIngested:
    if response.status_code == 202:

        def _parse_response_202(data: object) -> EventAcceptedMessage | EventIngested:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_accepted_response_type_0 = EventIngested.from_dict(data)

                return componentsschemas_event_accepted_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_event_accepted_response_type_1 = EventAcceptedMessage.from_dict(data)

            return componentsschemas_event_accepted_response_type_1

        response_202 = _parse_response_202(response.json())

        return response_202

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((202, 202),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> EventAcceptedMessage | EventIngested:
    """The success answer of POST /v1/events, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | EventAcceptedMessage | EventIngested]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EventRequest,
) -> Response[ErrorBody | EventAcceptedMessage | EventIngested]:
    """Ingest one usage event (SDK L5)

     Exactly one of `eventValue` / `eventString`, and at least one of `customerId` / `extCustomerId` (if
    both are given they must name the same customer). A repeated `idempotencyKey` for the same customer
    within 24 hours is accepted (202) with `deduplicated: true` and is counted once.

    Args:
        body (EventRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | EventAcceptedMessage | EventIngested]
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
    body: EventRequest,
) -> ErrorBody | EventAcceptedMessage | EventIngested | None:
    """Ingest one usage event (SDK L5)

     Exactly one of `eventValue` / `eventString`, and at least one of `customerId` / `extCustomerId` (if
    both are given they must name the same customer). A repeated `idempotencyKey` for the same customer
    within 24 hours is accepted (202) with `deduplicated: true` and is counted once.

    Args:
        body (EventRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | EventAcceptedMessage | EventIngested
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EventRequest,
) -> Response[ErrorBody | EventAcceptedMessage | EventIngested]:
    """Ingest one usage event (SDK L5)

     Exactly one of `eventValue` / `eventString`, and at least one of `customerId` / `extCustomerId` (if
    both are given they must name the same customer). A repeated `idempotencyKey` for the same customer
    within 24 hours is accepted (202) with `deduplicated: true` and is counted once.

    Args:
        body (EventRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | EventAcceptedMessage | EventIngested]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EventRequest,
) -> ErrorBody | EventAcceptedMessage | EventIngested | None:
    """Ingest one usage event (SDK L5)

     Exactly one of `eventValue` / `eventString`, and at least one of `customerId` / `extCustomerId` (if
    both are given they must name the same customer). A repeated `idempotencyKey` for the same customer
    within 24 hours is accepted (202) with `deduplicated: true` and is counted once.

    Args:
        body (EventRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | EventAcceptedMessage | EventIngested
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
