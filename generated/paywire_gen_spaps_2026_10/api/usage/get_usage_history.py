from http import HTTPStatus
from typing import Any, cast

import httpx
from paywire._core.decode import BODY, SuccessAnswer, run_parser
from paywire._core.errors import ResponseValidationError

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.usage_history_response import UsageHistoryResponse
from ...models.usage_resource_type import UsageResourceType
from ...types import UNSET, RequestSpec, Response, Unset


def _get_kwargs(
    *,
    feature_key: str | Unset = UNSET,
    resource_type: UsageResourceType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    subject_user_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["feature_key"] = feature_key

    json_resource_type: str | Unset = UNSET
    if not isinstance(resource_type, Unset):
        json_resource_type = resource_type.value

    params["resource_type"] = json_resource_type

    params["resource_id"] = resource_id

    params["subject_user_id"] = subject_user_id

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/usage/history",
        "params": params,
    }

    return _kwargs


def build_request(
    *,
    feature_key: str | Unset = UNSET,
    resource_type: UsageResourceType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    subject_user_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> RequestSpec:
    """The request this operation sends, without sending it:
    GET /api/usage/history

    Public and typed: ``method``, ``url`` (relative; each path parameter is exactly one
    percent-encoded segment, or ``paywire.PathParameterError`` is raised before any I/O) and,
    when the operation has them, ``params``, ``json``, ``headers``."""
    return cast(
        RequestSpec,
        _get_kwargs(
            feature_key=feature_key,
            resource_type=resource_type,
            resource_id=resource_id,
            subject_user_id=subject_user_id,
            limit=limit,
            offset=offset,
        ),
    )


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UsageHistoryResponse | None:
    if response.status_code == 200:
        response_200 = UsageHistoryResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: SuccessAnswer) -> UsageHistoryResponse:
    if response.status_code == 200:
        response_200 = UsageHistoryResponse.from_dict(response.json())

        return response_200

    response.undocumented()


#: The status ranges (inclusive) the spec documents as success answers of this operation.
SUCCESS_STATUSES: tuple[tuple[int, int], ...] = ((200, 200),)


def parse_response(
    response: httpx.Response,
    error: type[ResponseValidationError] = ResponseValidationError,
    *,
    data: Any = BODY,
) -> UsageHistoryResponse:
    """The success answer of GET /api/usage/history, as the spec types it.

    Strict (``paywire._core.decode``): the JSON is decoded strictly and every field of the model
    is type-checked; a malformed body, a missing or wrong-typed field, or a status outside
    ``SUCCESS_STATUSES`` raises ``error`` (the calling service's own
    ``ResponseValidationError``). ``data``: check this JSON instead of the body."""
    return run_parser(_parse_success, response, error, data)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | UsageHistoryResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    feature_key: str | Unset = UNSET,
    resource_type: UsageResourceType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    subject_user_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[ErrorResponse | UsageHistoryResponse]:
    """Recorded usage events, newest first (offset paging)

    Args:
        feature_key (str | Unset):
        resource_type (UsageResourceType | Unset): request side only (house rule 2); responses use
            a plain string
        resource_id (str | Unset):
        subject_user_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UsageHistoryResponse]
    """

    kwargs = _get_kwargs(
        feature_key=feature_key,
        resource_type=resource_type,
        resource_id=resource_id,
        subject_user_id=subject_user_id,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    feature_key: str | Unset = UNSET,
    resource_type: UsageResourceType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    subject_user_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> ErrorResponse | UsageHistoryResponse | None:
    """Recorded usage events, newest first (offset paging)

    Args:
        feature_key (str | Unset):
        resource_type (UsageResourceType | Unset): request side only (house rule 2); responses use
            a plain string
        resource_id (str | Unset):
        subject_user_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UsageHistoryResponse
    """

    return sync_detailed(
        client=client,
        feature_key=feature_key,
        resource_type=resource_type,
        resource_id=resource_id,
        subject_user_id=subject_user_id,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    feature_key: str | Unset = UNSET,
    resource_type: UsageResourceType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    subject_user_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[ErrorResponse | UsageHistoryResponse]:
    """Recorded usage events, newest first (offset paging)

    Args:
        feature_key (str | Unset):
        resource_type (UsageResourceType | Unset): request side only (house rule 2); responses use
            a plain string
        resource_id (str | Unset):
        subject_user_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UsageHistoryResponse]
    """

    kwargs = _get_kwargs(
        feature_key=feature_key,
        resource_type=resource_type,
        resource_id=resource_id,
        subject_user_id=subject_user_id,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    feature_key: str | Unset = UNSET,
    resource_type: UsageResourceType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    subject_user_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> ErrorResponse | UsageHistoryResponse | None:
    """Recorded usage events, newest first (offset paging)

    Args:
        feature_key (str | Unset):
        resource_type (UsageResourceType | Unset): request side only (house rule 2); responses use
            a plain string
        resource_id (str | Unset):
        subject_user_id (str | Unset):
        limit (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UsageHistoryResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            feature_key=feature_key,
            resource_type=resource_type,
            resource_id=resource_id,
            subject_user_id=subject_user_id,
            limit=limit,
            offset=offset,
        )
    ).parsed
