from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_setup_intent_request import CreateSetupIntentRequest
from ...models.dodo_setup_intent_response import DodoSetupIntentResponse
from ...models.error_body import ErrorBody
from ...models.other_setup_intent_response import OtherSetupIntentResponse
from ...models.stripe_setup_intent_response import StripeSetupIntentResponse
from ...types import RequestSpec, Response


def _get_kwargs(
    *,
    body: CreateSetupIntentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customers/portal/create-setup-intent",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    *,
    body: CreateSetupIntentRequest,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    POST /v1/customers/portal/create-setup-intent

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
) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_create_setup_intent_response_type_0 = StripeSetupIntentResponse.from_dict(data)

                return componentsschemas_create_setup_intent_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_create_setup_intent_response_type_1 = DodoSetupIntentResponse.from_dict(data)

                return componentsschemas_create_setup_intent_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_create_setup_intent_response_type_2 = OtherSetupIntentResponse.from_dict(data)

            return componentsschemas_create_setup_intent_response_type_2

        response_200 = _parse_response_200(response.json())

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


def _parse_success(
    response: SuccessAnswer,
) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_create_setup_intent_response_type_0 = StripeSetupIntentResponse.from_dict(data)

                return componentsschemas_create_setup_intent_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_create_setup_intent_response_type_1 = DodoSetupIntentResponse.from_dict(data)

                return componentsschemas_create_setup_intent_response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_create_setup_intent_response_type_2 = OtherSetupIntentResponse.from_dict(data)

            return componentsschemas_create_setup_intent_response_type_2

        response_200 = _parse_response_200(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse:
    """The success answer of POST /v1/customers/portal/create-setup-intent, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSetupIntentRequest,
) -> Response[DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody]:
    """Start adding a payment method (portal, proxy-only)

    Args:
        body (CreateSetupIntentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody]
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
    body: CreateSetupIntentRequest,
) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody | None:
    """Start adding a payment method (portal, proxy-only)

    Args:
        body (CreateSetupIntentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSetupIntentRequest,
) -> Response[DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody]:
    """Start adding a payment method (portal, proxy-only)

    Args:
        body (CreateSetupIntentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSetupIntentRequest,
) -> DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody | None:
    """Start adding a payment method (portal, proxy-only)

    Args:
        body (CreateSetupIntentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DodoSetupIntentResponse | OtherSetupIntentResponse | StripeSetupIntentResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
