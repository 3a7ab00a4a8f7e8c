"""What every Lumen resource module shares: the client base the operations run on, input
checks (the core :class:`~paywire._core.validate.Validator`, raising :class:`LumenValidationError`),
the customer reference, and the validated JSON the seed-compatible functions return.

Every request is built by a generated ``build_request`` and every success body is parsed by
its generated, typed ``parse_response`` (strict, :mod:`paywire._core.decode`). The operations
import their generated modules inside the functions that use them (static, typed imports, as
Vellum's): the generated package and the attrs it is built on load with the first call, not
with ``import paywire.lumen``.
"""

from __future__ import annotations

import types
from collections.abc import Container, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import httpx

from paywire._core import BaseClient, Flow
from paywire._core.decode import success_json
from paywire._core.validate import Validator
from paywire.lumen.errors import LUMEN_ERRORS, LumenResponseError, LumenValidationError

if TYPE_CHECKING:
    from paywire_gen_lumen_v1.models import EnrollmentRequest, FreeSubscriptionRequest
    from paywire_gen_lumen_v1.types import RequestSpec

    from paywire.entitlements import EntitlementCache


#: Lumen's argument checks: every failure is a :class:`~paywire.lumen.errors.LumenValidationError`.
V = Validator(LUMEN_ERRORS)

#: A customer as the entitlement cache knows it: (path id, is external id).
CustomerKey: TypeAlias = tuple[str, bool]


def require_text(value: object, name: str) -> str:
    """A non-empty string (no control characters), else :class:`LumenValidationError`."""
    return V.text(value, name)


def customer_ref(user_id: str | None, lumen_customer_id: str | None) -> CustomerKey:
    """(path id, is external id): your user id wins when both are given, as in the original."""
    if user_id:
        if user_id.__class__ is str and not user_id.isspace():
            return user_id, True  # the common case, on every cached read (path_segment checks the rest)
        return require_text(user_id, "user_id"), True
    if lumen_customer_id:
        return require_text(lumen_customer_id, "lumen_customer_id"), False
    raise LumenValidationError("Either user_id or lumen_customer_id must be provided", field="user_id")






#: the two sign-up bodies (enrollment, free subscription): the same customer fields
SignUpRequest = TypeVar("SignUpRequest", "EnrollmentRequest", "FreeSubscriptionRequest")


def sign_up_body(model: type[SignUpRequest], email: str, name: str, user_id: str, plan_id: str | None = None, *,
                 billing_address_line1: str | None = None, billing_address_line2: str | None = None,
                 billing_city: str | None = None, billing_postal_code: str | None = None,
                 billing_country: str | None = None, tax_id: str | None = None) -> SignUpRequest:
    """A sign-up body from the seed's argument names, checked by mypy against both models;
    optional fields are sent only when not None. ``plan_id``: enrollment only."""
    from paywire_gen_lumen_v1.models import EnrollmentRequest  # the caller passed a model: it is loaded

    body = model(
        customer_email=email, customer_name=name, user_id=require_text(user_id, "user_id"),
        billing_address_line_1=billing_address_line1, billing_address_line_2=billing_address_line2,
        billing_city=billing_city, billing_postal_code=billing_postal_code, billing_country=billing_country,
        tax_id=tax_id,
    )
    if isinstance(body, EnrollmentRequest):
        body.plan_id = plan_id
    elif plan_id is not None:
        raise TypeError("plan_id is an enrollment field")
    return body


def json_of(op: types.ModuleType, response: httpx.Response) -> Any:
    """The validated JSON of a success answer (for the seed-compatible module functions, which
    return the API's JSON as sent)."""
    return success_json(op, response, LumenResponseError)


class LumenBase(BaseClient):
    """The client base the resource mixins' operations run on (configuration: ``client.py``)."""

    _cache: EntitlementCache[CustomerKey, Any]

    def _send_spec(self, spec: RequestSpec, *, retry_safe: bool | None = None,
              ok: Container[int] = ()) -> Flow[httpx.Response]:
        """Send a request built by a generated ``build_request``. The core's flow itself, not a
        generator around it: every level of ``yield from`` is resumed on each effect of every call."""
        return self._request_kwargs(spec, retry_safe=retry_safe, ok=ok)

    def _forget(self, ext: object = None, internal: object = None) -> None:
        """A write for this customer (event, seat, enrollment) makes its cached entitlements stale."""
        if isinstance(ext, str) and ext:
            self._cache.invalidate((ext, True))
        if isinstance(internal, str) and internal:
            self._cache.invalidate((internal, False))


def string_map(value: Mapping[str, Any] | None, field: str) -> dict[str, Any] | None:
    """An optional mapping (``metadata``, ``properties``), copied; an empty one counts as none."""
    data = V.mapping(value, field)
    return data or None
