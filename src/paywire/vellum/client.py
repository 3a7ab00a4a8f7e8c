"""Vellum (VellumCharter) clients: :class:`VellumClient` and :class:`AsyncVellumClient`.

Both take vellumcharter 0.1.0's constructor (``api_key, tenant_id, base_url, cache_ttl_ms``)
and method names and keyword arguments, plus the 1.4.x methods. ``api_version=`` pins the API
contract (``"v1"``: the 0.1.0 era; ``"v2"``: the 1.4.x era, **the default**); the pinned
version is ``client.api_version``. Every API operation is written once, as a flow on
:class:`_VellumOps`, against the generated client of the pinned version; the sync client runs
flows on ``httpx.Client``, the async one on ``httpx.AsyncClient`` (no worker threads).

A method the pinned version does not have raises :class:`UnsupportedOperationError` naming
the versions that do, before any request. Entitlement reads (and v2 flag reads) go through
:class:`paywire.entitlements.EntitlementCache`: a cached ``can()`` does no I/O.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from paywire._core import (
    AsyncClient,
    ConfigError,
    Flow,
    LoggingHooks,
    RetryConfig,
    SyncClient,
    ValidationError,
    check_base_url,
    idempotency_key,
    mask,
    operation,
    require_setting,
    setting,
    timeout_setting,
)
from paywire._core.client import HttpBackend
from paywire._core.decode import parse_success, success_object
from paywire._versions import API_VERSIONS, package_for
from paywire.entitlements import DEFAULT_MAX_SIZE, EntitlementCache
from paywire.vellum._transport import adapt_transport
from paywire.vellum.errors import (
    VELLUM_ERRORS,
    UnsupportedOperationError,
    VellumApiError,
    VellumConfigError,
    VellumResponseValidationError,
    VellumValidationError,
)
from paywire.vellum.models import EntitlementSet

if TYPE_CHECKING:  # the Redis tier is optional (paywire[redis]) and imported by the caller
    from paywire.entitlements.redis_tier import Binding, RedisTier

DEFAULT_BASE_URL = "https://api.vellumcharter.com"
DEFAULT_TTL_MS = 30_000
DEFAULT_FLAG_TTL_MS = 30_000
DEFAULT_TIMEOUT = 15.0
ENV_API_KEY = "VELLUM_API_KEY"
ENV_TENANT_ID = "VELLUM_TENANT_ID"
ENV_API_URL = "VELLUM_API_URL"
SERVICE = "vellum"

#: operationId -> the generated package's tag module (``api/<tag>/<operationId>.py``).
_OP_TAGS: dict[str, str] = {
    "get_entitlements": "entitlements",
    "create_checkout": "checkout",
    "create_setup_checkout": "checkout",
    "create_subscription": "subscriptions",
    "get_subscription": "subscriptions",
    "cancel_subscription": "subscriptions",
    "update_subscription": "subscriptions",
    "preview_change": "subscriptions",
    "set_seats": "subscriptions",
    "update_add_ons": "subscriptions",
    "change_plan": "subscriptions",
    "reactivate_subscription": "subscriptions",
    "create_account": "provisioning",
    "create_customer": "provisioning",
    "set_account_status": "provisioning",
    "set_customer_status": "provisioning",
    "list_payment_methods": "billing",
    "set_default_payment_method": "billing",
    "remove_payment_method": "billing",
    "set_subscription_payment_method": "billing",
    "list_invoices": "billing",
    "get_invoice_pdf": "billing",
    "create_credit_checkout": "credits_",
    "list_credit_types": "credits_",
    "list_credit_packs": "credits_",
    "list_credits": "credits_",
    "get_credit_balance": "credits_",
    "consume_credits": "credits_",
    "get_customer_flags": "flags",
    "get_global_flags": "flags",
}

#: The invoice PDF changed meaning between versions: a 302 to the hosted URL (v1) became the
#: PDF bytes (v2). Same operationId, so the method<->version mapping is stated here.
_PDF_URL_VERSIONS: tuple[str, ...] = ("v1",)
_PDF_BYTES_VERSIONS: tuple[str, ...] = tuple(v for v in API_VERSIONS[SERVICE] if v not in _PDF_URL_VERSIONS)
_HINTS: dict[str, str] = {
    "invoice_pdf_url": "on v2 use invoice_pdf(), which returns the PDF bytes: the hosted URL is a "
                       "bearer credential and no longer leaves Vellum",
    "invoice_pdf": "on v1 use invoice_pdf_url(), which returns the hosted PDF URL",
}


@cache
def _gen_module(package: str, op_id: str) -> Any:
    """The generated module of one operation (imported lazily, once)."""
    return importlib.import_module(f"{package}.api.{_OP_TAGS[op_id]}.{op_id}")


@cache
def _has_op(package: str, op_id: str) -> bool:
    try:
        return importlib.util.find_spec(f"{package}.api.{_OP_TAGS[op_id]}.{op_id}") is not None
    except ModuleNotFoundError:
        return False


@cache
def versions_with(op_id: str) -> tuple[str, ...]:
    """The pinned API versions whose contract has this operation."""
    return tuple(v for v, pkg in API_VERSIONS[SERVICE].items() if _has_op(pkg, op_id))


@cache
def _models(package: str) -> Any:
    return importlib.import_module(f"{package}.models")


# --- input validation (raised before any request) ------------------------------------------------
def _bad(message: str, name: str) -> VellumValidationError:
    return VellumValidationError(message, field=name)


def _id(value: Any, name: str) -> str:
    """An id that goes into a URL path: a non-empty string without '/' or control characters."""
    if not isinstance(value, str):
        raise _bad(f"{name} must be a string, got {type(value).__name__}", name)
    if not value.strip():
        raise _bad(f"{name} must not be empty", name)
    if "/" in value:
        raise _bad(f"{name} must not contain '/' (got {value!r})", name)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise _bad(f"{name} must not contain control characters", name)
    return value


def _not_an_id(value: Any) -> VellumValidationError:
    return _bad(f"customer_id must be a string, got {type(value).__name__}", "customer_id")


def _opt_str(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(f"{name} must be a non-empty string when given", name)
    return value


def _int(value: Any, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f"{name} must be an integer, got {type(value).__name__}", name)
    if value < minimum:
        raise _bad(f"{name} must be >= {minimum}, got {value}", name)
    return value


def _url(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad(f"{name} must be a non-empty absolute URL", name)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _bad(f"{name} must be an absolute http(s) URL, got {value!r}", name)
    return value


def _ids(values: Any, name: str) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise _bad(f"{name} must be a list of ids", name)
    return [_id(v, name) for v in values]


#: what the v2 invoice PDF may be labelled (the spec says application/pdf; "" = no header)
_PDF_TYPES = frozenset({"application/pdf", "application/octet-stream", ""})


def _object(gen: Any, resp: httpx.Response) -> dict[str, Any]:
    """The success body of operation ``gen``, decoded strictly and checked against the spec."""
    return success_object(gen, resp, VellumResponseValidationError)


def _list(gen: Any, resp: httpx.Response, key: str) -> list[dict[str, Any]]:
    items = _object(gen, resp).get(key)
    if not isinstance(items, list):  # the spec requires it; checked above, kept for the type
        raise VellumResponseValidationError(f"no {key!r} list", response=resp)
    return items


def _drop_none(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def pick_flag(flags: Mapping[str, Any], flag_id: str, default: bool) -> bool:
    """vellumcharter's rule: the flag's value if it is a bool, else ``default``."""
    value = flags.get(flag_id)
    return value if isinstance(value, bool) else default


# --- operations (written once for both flavours) ------------------------------------------------
class _VellumOps:
    """Every Vellum API operation, as flows on the pinned version's generated client."""

    _tenant: str
    _api_key: str
    _api_version: str
    _package: str  # the pinned version's generated package
    _entitlements: EntitlementCache[str, EntitlementSet]
    _flags: EntitlementCache[str, dict[str, bool]]
    _request_kwargs: Any

    # -- version plumbing -------------------------------------------------------------------------
    @property
    def api_version(self) -> str:
        """The API contract this client is pinned to (``"v1"`` or ``"v2"``)."""
        return self._api_version

    def supports(self, method: str) -> bool:
        """Whether ``method`` (a client method name) exists in the pinned API version."""
        return self._api_version in self._versions_for(method)

    @staticmethod
    def _versions_for(method: str) -> tuple[str, ...]:
        if method == "invoice_pdf_url":
            return _PDF_URL_VERSIONS
        if method == "invoice_pdf":
            return _PDF_BYTES_VERSIONS
        op_id = _METHOD_OPS.get(method, method)
        if op_id not in _OP_TAGS:
            raise AttributeError(f"VellumClient has no API method {method!r}")
        return versions_with(op_id)

    def _require(self, method: str) -> None:
        versions = self._versions_for(method)
        if self._api_version in versions:
            return
        need = " or ".join(versions) if versions else "a newer API version"
        hint = _HINTS.get(method)
        raise UnsupportedOperationError(
            f"{method} needs api_version {need}; this client is pinned to {self._api_version}"
            + (f" ({hint})" if hint else ""),
            operation=method, api_version=self._api_version, supported_versions=versions,
        )

    def _require_arg(self, method: str, arg: str, value: Any, versions: tuple[str, ...] = ("v2",)) -> None:
        if value is not None and value is not False and self._api_version not in versions:
            raise UnsupportedOperationError(
                f"{method}({arg}=...) needs api_version {' or '.join(versions)}; "
                f"this client is pinned to {self._api_version}",
                operation=f"{method}.{arg}", api_version=self._api_version, supported_versions=versions,
            )

    def _op(self, method: str, op_id: str | None = None) -> Any:
        self._require(method)
        return _gen_module(self._package, op_id or method)

    def _model(self, model_name: str, /, **fields: Any) -> Any:
        return getattr(_models(self._package), model_name)(**_drop_none(**fields))

    # -- cache control (synchronous on both clients) ------------------------------------------------
    def invalidate(self, customer_id: str | None = None) -> None:
        """Forget one customer's cached entitlements (or everyone's). No I/O, never awaited."""
        self._entitlements.invalidate(customer_id)

    def invalidate_flags(self, customer_id: str | None = None) -> None:
        """Forget cached flag values (v2); does not touch the entitlements cache."""
        self._flags.invalidate(customer_id)

    @property
    def entitlement_cache(self) -> EntitlementCache[str, EntitlementSet]:
        return self._entitlements

    @property
    def flag_cache(self) -> EntitlementCache[str, dict[str, bool]]:
        return self._flags

    # -- entitlements (the miss path; the hit path is on each flavour) --------------------------
    def _entitlements_flow(self, customer_id: str) -> Flow[EntitlementSet]:
        gen = _gen_module(self._package, "get_entitlements")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, customer_id), ok=(404,))
        if resp.status_code == 404:  # "this customer has no record": an empty set, cached too
            return EntitlementSet({}, False)
        return EntitlementSet(_object(gen, resp), True)

    def _flags_flow(self, customer_id: str) -> Flow[dict[str, bool]]:
        gen = _gen_module(self._package, "get_customer_flags")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, customer_id))
        flags = _object(gen, resp).get("flags")
        return dict(flags) if isinstance(flags, dict) else {}

    # -- checkout -----------------------------------------------------------------------------------
    @operation
    def create_checkout(self, *, account_id: str, customer_id: str, plan_id: str,
                        plan_version: int | None = None, success_url: str, cancel_url: str, seats: int = 1,
                        product_id: str | None = None,
                        add_on_module_ids: list[str] | None = None) -> Flow[dict[str, Any]]:
        """Start a hosted subscription checkout; redirect the customer to the result's ``url``.

        ``plan_version`` is required on v1; on v2 omitting it sells the newest version.
        ``product_id`` and ``add_on_module_ids`` are v2 only. v2 answers 409 (a
        ``VellumApiError`` / ``ConflictError``) when the customer already has a subscription.
        """
        gen = self._op("create_checkout")
        body = self._model(
            "CheckoutRequest", customer_id=_id(customer_id, "customer_id"), plan_id=_id(plan_id, "plan_id"),
            plan_version=self._plan_version(plan_version, "create_checkout"), seats=_int(seats, "seats"),
            success_url=_url(success_url, "success_url"), cancel_url=_url(cancel_url, "cancel_url"),
            **self._v2_plan_extras("create_checkout", product_id, add_on_module_ids),
        )
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(account_id, "account_id"), body=body))
        return _object(gen, resp)

    @operation
    def create_setup_checkout(self, *, account_id: str, success_url: str, cancel_url: str) -> Flow[dict[str, Any]]:
        """Hosted page that saves a payment method without charging."""
        gen = self._op("create_setup_checkout")
        body = self._model("SetupCheckoutRequest", success_url=_url(success_url, "success_url"),
                           cancel_url=_url(cancel_url, "cancel_url"))
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(account_id, "account_id"), body=body))
        return _object(gen, resp)

    # -- subscriptions --------------------------------------------------------------------------------
    @operation
    def create_subscription(self, *, account_id: str, customer_id: str, plan_id: str,
                            plan_version: int | None = None, seats: int = 1, product_id: str | None = None,
                            add_on_module_ids: list[str] | None = None) -> Flow[dict[str, Any]]:
        """Create a server-side subscription (trial per plan config). v2: needs a saved card;
        409 when the customer already has one. Invalidates the customer's cached entitlements."""
        gen = self._op("create_subscription")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model(
            "SubscribeRequest", plan_id=_id(plan_id, "plan_id"),
            plan_version=self._plan_version(plan_version, "create_subscription"), seats=_int(seats, "seats"),
            **self._v2_plan_extras("create_subscription", product_id, add_on_module_ids),
        )
        kwargs = gen._get_kwargs(self._tenant, account_id, customer_id, body=body)
        return (yield from self._mutate_subscription(gen, customer_id, kwargs))

    @operation
    def cancel_subscription(self, *, account_id: str, customer_id: str,
                            at_period_end: bool = False) -> Flow[dict[str, Any]]:
        """Cancel now, or at the end of the current period (``atPeriodEnd=true`` is sent only
        when asked for)."""
        gen = self._op("cancel_subscription")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        kwargs = gen._get_kwargs(self._tenant, account_id, customer_id,
                                 **({"at_period_end": True} if at_period_end else {}))
        return (yield from self._mutate_subscription(gen, customer_id, kwargs))

    @operation
    def get_subscription(self, *, account_id: str, customer_id: str) -> Flow[dict[str, Any]]:
        gen = self._op("get_subscription")
        resp = yield from self._request_kwargs(
            gen._get_kwargs(self._tenant, _id(account_id, "account_id"), _id(customer_id, "customer_id")))
        return _object(gen, resp)

    @operation
    def update_subscription(self, *, account_id: str, customer_id: str, plan_id: str, plan_version: int,
                            product_id: str | None = None, seats: int | None = None,
                            add_on_module_ids: list[str] | None = None) -> Flow[dict[str, Any]]:
        """(v2) Replace plan, seats and add-ons in one call."""
        gen = self._op("update_subscription")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model(
            "UpdateSubscriptionRequest", plan_id=_id(plan_id, "plan_id"), plan_version=_int(plan_version, "plan_version"),
            product_id=_opt_str(product_id, "product_id"),
            seats=None if seats is None else _int(seats, "seats"),
            add_on_module_ids=None if add_on_module_ids is None else _ids(add_on_module_ids, "add_on_module_ids"),
        )
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id, body=body)))

    @operation
    def preview_change(self, *, account_id: str, customer_id: str, product_id: str | None = None,
                       plan_id: str | None = None, plan_version: int | None = None, seats: int | None = None,
                       add_on_module_ids: list[str] | None = None) -> Flow[dict[str, Any]]:
        """(v2) What a change would cost now; changes nothing. Omitted fields keep their value."""
        gen = self._op("preview_change")
        body = self._model(
            "PreviewChangeRequest", product_id=_opt_str(product_id, "product_id"),
            plan_id=None if plan_id is None else _id(plan_id, "plan_id"),
            plan_version=None if plan_version is None else _int(plan_version, "plan_version"),
            seats=None if seats is None else _int(seats, "seats"),
            add_on_module_ids=None if add_on_module_ids is None else _ids(add_on_module_ids, "add_on_module_ids"),
        )
        resp = yield from self._request_kwargs(gen._get_kwargs(
            self._tenant, _id(account_id, "account_id"), _id(customer_id, "customer_id"), body=body))
        return _object(gen, resp)

    @operation
    def set_seats(self, *, account_id: str, customer_id: str, seats: int) -> Flow[dict[str, Any]]:
        """(v2) Change the seat count."""
        gen = self._op("set_seats")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model("SetSeatsRequest", seats=_int(seats, "seats"))
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id, body=body)))

    @operation
    def add_add_on(self, *, account_id: str, customer_id: str, module_id: str) -> Flow[dict[str, Any]]:
        """(v2) Add one add-on module to the subscription."""
        gen = self._op("add_add_on", "update_add_ons")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model("UpdateAddOnsRequest", add=[_id(module_id, "module_id")])
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id, body=body)))

    @operation
    def remove_add_on(self, *, account_id: str, customer_id: str, module_id: str) -> Flow[dict[str, Any]]:
        """(v2) Remove one add-on module from the subscription."""
        gen = self._op("remove_add_on", "update_add_ons")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model("UpdateAddOnsRequest", remove=[_id(module_id, "module_id")])
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id, body=body)))

    @operation
    def change_plan(self, *, account_id: str, customer_id: str, plan_id: str, plan_version: int,
                    product_id: str | None = None) -> Flow[dict[str, Any]]:
        """(v2) Move the subscription to another plan/version."""
        gen = self._op("change_plan")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model("ChangePlanRequest", plan_id=_id(plan_id, "plan_id"),
                           plan_version=_int(plan_version, "plan_version"),
                           product_id=_opt_str(product_id, "product_id"))
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id, body=body)))

    @operation
    def reactivate(self, *, account_id: str, customer_id: str) -> Flow[dict[str, Any]]:
        """(v2) Undo a pending cancel-at-period-end (409 if the subscription already ended)."""
        gen = self._op("reactivate", "reactivate_subscription")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id)))

    def _mutate_subscription(self, gen: Any, customer_id: str, kwargs: Mapping[str, Any]) -> Flow[dict[str, Any]]:
        """Send a subscription change; the customer's cached entitlements are dropped whether or
        not the answer arrives (a dropped connection may still have committed the change)."""
        try:
            resp = yield from self._request_kwargs(kwargs)
        finally:
            self._entitlements.invalidate(customer_id)
        return _object(gen, resp)

    # -- provisioning ---------------------------------------------------------------------------------
    @operation
    def create_account(self, *, account_id: str, name: str | None = None, email: str | None = None,
                       stripe_customer_id: str | None = None, create_stripe_customer: bool = False,
                       billing_customer_id: str | None = None,
                       create_billing_customer: bool = False) -> Flow[dict[str, Any]]:
        """Create (or adopt) an account and its billing (Stripe) customer.

        Both spellings work on both versions: ``stripe_customer_id`` / ``create_stripe_customer``
        (0.1.0) and ``billing_customer_id`` / ``create_billing_customer`` (1.4.x); they are sent
        as ``stripeCustomerId`` / ``createStripeCustomer`` on v1 and ``billingCustomerId`` /
        ``createBillingCustomer`` on v2. v2 answers 409 when the billing customer conflicts.
        """
        gen = self._op("create_account")
        if stripe_customer_id is not None and billing_customer_id is not None \
                and stripe_customer_id != billing_customer_id:
            raise _bad("pass stripe_customer_id or billing_customer_id, not two different values",
                       "billing_customer_id")
        customer = _opt_str(billing_customer_id if billing_customer_id is not None else stripe_customer_id,
                            "billing_customer_id")
        create = True if (create_stripe_customer or create_billing_customer) else None
        fields: dict[str, Any] = {"account_id": _id(account_id, "account_id"),
                                  "name": _opt_str(name, "name"), "email": _opt_str(email, "email")}
        if self._api_version == "v1":
            fields.update(stripe_customer_id=customer, create_stripe_customer=create)
        else:
            fields.update(billing_customer_id=customer, create_billing_customer=create)
        body = self._model("CreateAccountRequest", **fields)
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, body=body))
        return _object(gen, resp)

    @operation
    def create_customer(self, *, account_id: str, customer_id: str, email: str | None = None,
                        name: str | None = None) -> Flow[dict[str, Any]]:
        """Create a customer (an entitled unit) under an account. ``name`` is v2 only."""
        gen = self._op("create_customer")
        self._require_arg("create_customer", "name", name)
        body = self._model("CreateCustomerRequest", customer_id=_id(customer_id, "customer_id"),
                           email=_opt_str(email, "email"), name=_opt_str(name, "name"))
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(account_id, "account_id"), body=body))
        return _object(gen, resp)

    @operation
    def set_account_status(self, *, account_id: str, status: str) -> Flow[dict[str, Any]]:
        """Set an account's status. Drops every cached entitlement (an account spans customers)."""
        gen = self._op("set_account_status")
        body = self._model("StatusRequest", status=_status(status))
        try:
            resp = yield from self._request_kwargs(
                gen._get_kwargs(self._tenant, _id(account_id, "account_id"), body=body))
        finally:
            self._entitlements.invalidate()
        return _object(gen, resp)

    @operation
    def set_customer_status(self, *, account_id: str, customer_id: str, status: str) -> Flow[dict[str, Any]]:
        """Set a customer's status. Drops that customer's cached entitlements."""
        gen = self._op("set_customer_status")
        account_id, customer_id = _id(account_id, "account_id"), _id(customer_id, "customer_id")
        body = self._model("StatusRequest", status=_status(status))
        return (yield from self._mutate_subscription(
            gen, customer_id, gen._get_kwargs(self._tenant, account_id, customer_id, body=body)))

    # -- billing --------------------------------------------------------------------------------------
    @operation
    def list_payment_methods(self, *, account_id: str) -> Flow[list[dict[str, Any]]]:
        """The account's saved cards (the ``methods`` list). v2 items carry ``ref``, not ``id``."""
        gen = self._op("list_payment_methods")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(account_id, "account_id")))
        return _list(gen, resp, "methods")

    @operation
    def set_default_payment_method(self, *, account_id: str, method_id: str) -> Flow[dict[str, Any]]:
        """Make a method the account default (v2: pass the method's ``ref``)."""
        gen = self._op("set_default_payment_method")
        resp = yield from self._request_kwargs(
            gen._get_kwargs(self._tenant, _id(account_id, "account_id"), _id(method_id, "method_id")))
        return _object(gen, resp)

    @operation
    def remove_payment_method(self, *, account_id: str, method_id: str) -> Flow[dict[str, Any]]:
        """Detach a payment method (v2: pass the method's ``ref``)."""
        gen = self._op("remove_payment_method")
        resp = yield from self._request_kwargs(
            gen._get_kwargs(self._tenant, _id(account_id, "account_id"), _id(method_id, "method_id")))
        return _object(gen, resp)

    @operation
    def set_subscription_payment_method(self, *, account_id: str, customer_id: str,
                                        method_id: str) -> Flow[dict[str, Any]]:
        """Set the subscription's payment method. v1 returns ``{subscription, default}``; v2 the
        subscription view (pass the method's ``ref``)."""
        gen = self._op("set_subscription_payment_method")
        body = self._model("SetSubscriptionPaymentMethodRequest", method_id=_id(method_id, "method_id"))
        resp = yield from self._request_kwargs(gen._get_kwargs(
            self._tenant, _id(account_id, "account_id"), _id(customer_id, "customer_id"), body=body))
        return _object(gen, resp)

    @operation
    def list_invoices(self, *, account_id: str, customer_id: str | None = None) -> Flow[list[dict[str, Any]]]:
        """The account's invoices (optionally one customer's subscription's): the ``invoices`` list."""
        gen = self._op("list_invoices")
        extra = {} if customer_id is None else {"customer_id": _id(customer_id, "customer_id")}
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(account_id, "account_id"), **extra))
        return _list(gen, resp, "invoices")

    @operation
    def invoice_pdf_url(self, *, account_id: str, invoice_id: str) -> Flow[str]:
        """(v1) The hosted invoice PDF URL: the ``Location`` of the API's redirect.

        On v2 this raises :class:`UnsupportedOperationError`: use :meth:`invoice_pdf`.
        """
        gen = self._op("invoice_pdf_url", "get_invoice_pdf")
        resp = yield from self._request_kwargs(
            gen._get_kwargs(self._tenant, _id(account_id, "account_id"), _id(invoice_id, "invoice_id")))
        location = resp.headers.get("location") if resp.status_code in _REDIRECTS else None
        if not location:
            raise VellumApiError("invoice has no PDF location", response=resp, body=resp.text)
        return str(location)

    @operation
    def invoice_pdf(self, *, account_id: str, invoice_id: str) -> Flow[bytes]:
        """(v2) The invoice PDF bytes (pass the invoice's ``ref``). Any non-2xx raises, a
        redirect included. On v1 this raises :class:`UnsupportedOperationError`: use
        :meth:`invoice_pdf_url`."""
        gen = self._op("invoice_pdf", "get_invoice_pdf")
        resp = yield from self._request_kwargs(
            gen._get_kwargs(self._tenant, _id(account_id, "account_id"), _id(invoice_id, "invoice_id")))
        if not 200 <= resp.status_code < 300:
            raise VellumApiError(f"expected the PDF bytes, got HTTP {resp.status_code}", response=resp,
                                 body=resp.text)
        content_type = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type not in _PDF_TYPES:  # an HTML error page behind a 200 is not an invoice
            raise VellumResponseValidationError(f"content type {content_type!r} is not a PDF", response=resp)
        parse_success(gen, resp, VellumResponseValidationError)
        return bytes(resp.content)

    # -- credits (v2, uncached) -----------------------------------------------------------------------
    @operation
    def create_credit_checkout(self, *, account_id: str, customer_id: str, success_url: str, cancel_url: str,
                               credit_type_id: str | None = None, pack_id: str | None = None,
                               quantity: int = 1,
                               items: list[Mapping[str, Any]] | None = None) -> Flow[dict[str, Any]]:
        """(v2) One-time hosted checkout for credit packs: either ``items`` (a list of
        ``{credit_type_id|creditTypeId, pack_id|packId, quantity?}``) or one
        ``credit_type_id`` + ``pack_id`` + ``quantity``."""
        gen = self._op("create_credit_checkout")
        models = _models(self._package)
        fields: dict[str, Any] = {"customer_id": _id(customer_id, "customer_id"),
                                  "success_url": _url(success_url, "success_url"),
                                  "cancel_url": _url(cancel_url, "cancel_url")}
        if items is not None:
            if credit_type_id is not None or pack_id is not None:
                raise _bad("pass either items or credit_type_id + pack_id, not both", "items")
            fields["items"] = [models.CreditCheckoutItem(**item) for item in _credit_items(items)]
        else:
            if credit_type_id is None or pack_id is None:
                raise _bad("name the credits to buy: items=[...] or credit_type_id + pack_id", "pack_id")
            fields.update(credit_type_id=_id(credit_type_id, "credit_type_id"), pack_id=_id(pack_id, "pack_id"),
                          quantity=_int(quantity, "quantity"))
        body = self._model("CreditCheckoutRequest", **fields)
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(account_id, "account_id"), body=body))
        return _object(gen, resp)

    @operation
    def list_credit_types(self) -> Flow[list[dict[str, Any]]]:
        """(v2) The tenant's credit types (the ``creditTypes`` list)."""
        gen = self._op("list_credit_types")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant))
        return _list(gen, resp, "creditTypes")

    @operation
    def list_credit_packs(self, credit_type_id: str) -> Flow[list[dict[str, Any]]]:
        """(v2) Packs on sale for one credit type (the ``packs`` list)."""
        gen = self._op("list_credit_packs")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(credit_type_id, "credit_type_id")))
        return _list(gen, resp, "packs")

    @operation
    def list_credits(self, customer_id: str) -> Flow[list[dict[str, Any]]]:
        """(v2) The customer's balances, one per credit type held (the ``credits`` list)."""
        gen = self._op("list_credits")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant, _id(customer_id, "customer_id")))
        return _list(gen, resp, "credits")

    @operation
    def get_credit_balance(self, customer_id: str, credit_type_id: str) -> Flow[dict[str, Any]]:
        """(v2) One balance (``{creditTypeId, balance}``)."""
        gen = self._op("get_credit_balance")
        resp = yield from self._request_kwargs(gen._get_kwargs(
            self._tenant, _id(customer_id, "customer_id"), _id(credit_type_id, "credit_type_id")))
        return _object(gen, resp)

    @operation
    def consume_credits(self, customer_id: str, credit_type_id: str, amount: int,
                        idempotency_key: str) -> Flow[dict[str, Any]]:
        """(v2) Deduct credits, all or nothing. ``idempotency_key`` is required (one per logical
        deduction; paywire never invents it); a repeat replays the first result, so the
        request is retried safely. 409 on an insufficient balance (nothing deducted)."""
        gen = self._op("consume_credits")
        key = idempotency_key_arg(idempotency_key)
        body = self._model("ConsumeCreditsRequest", amount=_int(amount, "amount"), idempotency_key=key)
        resp = yield from self._request_kwargs(gen._get_kwargs(
            self._tenant, _id(customer_id, "customer_id"), _id(credit_type_id, "credit_type_id"), body=body),
            retry_safe=True)
        return _object(gen, resp)

    # -- flags (v2) ----------------------------------------------------------------------------------
    @operation
    def global_flags(self) -> Flow[dict[str, bool]]:
        """(v2) Tenant-global flag values, no customer applied. Not cached."""
        gen = self._op("global_flags", "get_global_flags")
        resp = yield from self._request_kwargs(gen._get_kwargs(self._tenant))
        flags = _object(gen, resp).get("flags")
        return dict(flags) if isinstance(flags, dict) else {}

    # -- helpers ----------------------------------------------------------------------------------------
    def _plan_version(self, plan_version: int | None, method: str) -> int | None:
        if plan_version is None:
            if self._api_version == "v1":
                raise _bad(f"{method}: plan_version is required on api_version v1", "plan_version")
            return None
        return _int(plan_version, "plan_version")

    def _v2_plan_extras(self, method: str, product_id: str | None,
                        add_on_module_ids: list[str] | None) -> dict[str, Any]:
        self._require_arg(method, "product_id", product_id)
        self._require_arg(method, "add_on_module_ids", add_on_module_ids)
        return {"product_id": _opt_str(product_id, "product_id"),
                "add_on_module_ids": None if add_on_module_ids is None
                else _ids(add_on_module_ids, "add_on_module_ids")}

    def _repr_fields(self) -> dict[str, str]:
        return {**super()._repr_fields(), "tenant_id": repr(self._tenant),  # type: ignore[misc]
                "api_version": repr(self._api_version), "api_key": mask(self._api_key)}


#: client method -> operationId where the names differ.
_METHOD_OPS: dict[str, str] = {
    "add_add_on": "update_add_ons",
    "remove_add_on": "update_add_ons",
    "reactivate": "reactivate_subscription",
    "flags": "get_customer_flags",
    "flag": "get_customer_flags",
    "global_flags": "get_global_flags",
    "can": "get_entitlements",
}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _status(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad("status must be a non-empty string (e.g. 'active', 'suspended')", "status")
    return value


def idempotency_key_arg(value: Any) -> str:
    try:
        return idempotency_key(value, required=True)
    except ValidationError as exc:
        raise VellumValidationError(str(exc), field="idempotency_key") from None


def _credit_items(items: Any) -> list[dict[str, Any]]:
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise _bad("items must be a list of {credit_type_id, pack_id, quantity?}", "items")
    out: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, Mapping):
            raise _bad("each item must be a mapping with credit_type_id and pack_id", "items")
        type_id = item.get("credit_type_id", item.get("creditTypeId"))
        pack = item.get("pack_id", item.get("packId"))
        quantity = item.get("quantity")
        out.append(_drop_none(credit_type_id=_id(type_id, "items.credit_type_id"), pack_id=_id(pack, "items.pack_id"),
                              quantity=None if quantity is None else _int(quantity, "items.quantity")))
    if not out:
        raise _bad("items must name at least one pack", "items")
    return out


# --- configuration (shared by both flavours) ------------------------------------------------------
class _VellumConfig:
    """Resolves configuration (argument > environment > default) and builds the caches."""

    _is_async: bool

    def __init__(
        self,
        api_key: str | None = None,
        tenant_id: str | None = None,
        base_url: str | None = None,
        cache_ttl_ms: float = DEFAULT_TTL_MS,
        transport: Any = None,
        *,
        api_version: str | None = None,
        flag_cache_ttl_ms: float = DEFAULT_FLAG_TTL_MS,
        cache_max_size: int = DEFAULT_MAX_SIZE,
        stale_if_error_ms: float = 0,
        timeout: float | None = None,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        logging_hooks: LoggingHooks | None = None,
        allow_insecure_http: bool = False,
        http_backend: HttpBackend | None = None,
        shared_cache: RedisTier | None = None,
    ) -> None:
        try:
            key = require_setting(api_key, ENV_API_KEY, what="api_key")
            tenant = require_setting(tenant_id, ENV_TENANT_ID, what="tenant_id")
            url = check_base_url(setting(base_url, ENV_API_URL, DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
                                 allow_insecure_http=allow_insecure_http)
            version, package = package_for(SERVICE, api_version)
            seconds = timeout_setting(timeout, None, DEFAULT_TIMEOUT)
        except (ConfigError, ValueError) as exc:
            raise VellumConfigError(str(exc)) from None
        if "/" in tenant:
            raise VellumConfigError("tenant_id must not contain '/'")
        for name, ttl in (("cache_ttl_ms", cache_ttl_ms), ("flag_cache_ttl_ms", flag_cache_ttl_ms),
                          ("stale_if_error_ms", stale_if_error_ms)):
            if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl < 0:
                raise VellumConfigError(f"{name} must be a number of milliseconds >= 0 (0 disables it)")
        if isinstance(cache_max_size, bool) or not isinstance(cache_max_size, int) or cache_max_size < 1:
            raise VellumConfigError("cache_max_size must be an integer >= 1")
        if shared_cache is not None and (not hasattr(shared_cache, "bind") or cache_ttl_ms == 0):
            raise VellumConfigError("shared_cache must be a paywire.entitlements.redis_tier.RedisTier "
                                    "and needs cache_ttl_ms > 0")
        self._api_key = key
        self._tenant = tenant
        self._api_version = version
        self._package = package
        self._generated_package: str | None = package  # BaseClient.generated uses it
        self._entitlements: EntitlementCache[str, EntitlementSet] = EntitlementCache(
            cache_ttl_ms, max_size=cache_max_size, stale_if_error_ms=stale_if_error_ms,
            mark_stale=EntitlementSet.as_stale, name="vellum entitlements")
        self._flags: EntitlementCache[str, dict[str, bool]] = EntitlementCache(
            flag_cache_ttl_ms, max_size=cache_max_size, stale_if_error_ms=stale_if_error_ms, name="vellum flags")
        self._ent_get: Callable[[str], EntitlementSet | None] = self._entitlements.get
        super().__init__(  # type: ignore[call-arg]
            base_url=url, headers={"x-api-key": key}, timeout=seconds, retry_config=retry_config,
            max_retries=max_retries, logging_hooks=logging_hooks, errors=VELLUM_ERRORS,
            transport=adapt_transport(transport, is_async=self._is_async), secrets=(key,), http_backend=http_backend,
        )
        self._shared_binding: Binding[str, EntitlementSet] | None = None
        if shared_cache is not None:
            self._shared_binding = self._bind_shared(shared_cache, url, version)

    def _bind_shared(self, tier: RedisTier, url: str, version: str) -> Binding[str, EntitlementSet]:
        """Entitlements of one tenant, API version and server share one Redis scope; a relay
        refills them through the sync client's own request flow."""
        import hashlib

        from paywire.entitlements.redis_tier import JsonCodec

        server = hashlib.sha256(url.encode()).hexdigest()[:12]
        codec: JsonCodec[EntitlementSet] = JsonCodec(lambda e: {"d": e.data, "f": e.found},
                                                     lambda o: EntitlementSet(o["d"], bool(o["f"])))
        direct = None if self._is_async else (
            lambda cid: self._driver.run(self._entitlements_flow(cid)))  # type: ignore[attr-defined]
        return tier.bind(self._entitlements, f"vellum:{self._tenant}:{version}:{server}", codec, direct)

    @property
    def shared_binding(self) -> Binding[str, EntitlementSet] | None:
        """This client's view of its ``shared_cache`` (None without one)."""
        return self._shared_binding

    @property
    def tenant_id(self) -> str:
        return self._tenant

    @property
    def cache_ttl_ms(self) -> float:
        return self._entitlements.ttl_ms


# --- the two flavours -----------------------------------------------------------------------------
class VellumClient(_VellumConfig, _VellumOps, SyncClient):
    """Synchronous Vellum client (thread-safe; one pooled ``httpx.Client``).

    ``VellumClient(api_key, tenant_id, base_url=None, cache_ttl_ms=30000, *, api_version=None,
    ...)``; ``api_key``/``tenant_id``/``base_url`` fall back to ``VELLUM_API_KEY`` /
    ``VELLUM_TENANT_ID`` / ``VELLUM_API_URL``. ``api_version`` defaults to the newest contract
    (``"v2"``); pass ``"v1"`` to pin the 0.1.0-era API.
    """

    def get_entitlements(self, customer_id: str) -> EntitlementSet:
        """The customer's entitlements (cached for ``cache_ttl_ms``). A customer with no
        record gives an empty set with ``found=False`` (cached too), never an exception."""
        try:
            ent = self._ent_get(customer_id)
        except TypeError:  # unhashable: not an id at all
            raise _not_an_id(customer_id) from None
        if ent is not None:
            return ent
        _id(customer_id, "customer_id")
        return self._entitlements.get_or_fetch(
            customer_id, lambda: self._driver.run(self._entitlements_flow(customer_id)))

    def can(self, customer_id: str, module_id: str) -> bool:
        """Whether the customer may use ``module_id``. A cache hit does no I/O."""
        try:
            ent = self._ent_get(customer_id)
        except TypeError:
            raise _not_an_id(customer_id) from None
        if ent is None:
            ent = self.get_entitlements(customer_id)
        return module_id in ent.modules

    def flags(self, customer_id: str) -> dict[str, bool]:
        """(v2) Flag values for the customer (cached for ``flag_cache_ttl_ms``; a copy)."""
        self._require("flags")
        cached = self._flags.get(customer_id)
        if cached is None:
            _id(customer_id, "customer_id")
            cached = self._flags.get_or_fetch(customer_id, lambda: self._driver.run(self._flags_flow(customer_id)))
        return dict(cached)

    def flag(self, flag_id: str, customer_id: str, *, default: bool) -> bool:
        """(v2) One flag; ``default`` when the read fails for any reason, the flag is unknown,
        or its value is not a bool."""
        self._require("flag")
        try:
            return pick_flag(self.flags(customer_id), flag_id, default)
        except Exception:
            return default


class AsyncVellumClient(_VellumConfig, _VellumOps, AsyncClient):
    """Asynchronous Vellum client on ``httpx.AsyncClient`` (truly async: no worker threads).

    Same constructor and methods as :class:`VellumClient`, each awaited, except
    ``invalidate()`` / ``invalidate_flags()``, which are synchronous (no I/O).
    """

    async def get_entitlements(self, customer_id: str) -> EntitlementSet:
        """The customer's entitlements (cached; concurrent misses share one request)."""
        try:
            ent = self._ent_get(customer_id)
        except TypeError:  # unhashable: not an id at all
            raise _not_an_id(customer_id) from None
        if ent is not None:
            return ent
        _id(customer_id, "customer_id")
        return await self._entitlements.get_or_fetch_async(
            customer_id, lambda: self._driver.run(self._entitlements_flow(customer_id)))

    async def can(self, customer_id: str, module_id: str) -> bool:
        try:
            ent = self._ent_get(customer_id)
        except TypeError:
            raise _not_an_id(customer_id) from None
        if ent is None:
            ent = await self.get_entitlements(customer_id)
        return module_id in ent.modules

    async def flags(self, customer_id: str) -> dict[str, bool]:
        self._require("flags")
        cached = self._flags.get(customer_id)
        if cached is None:
            _id(customer_id, "customer_id")
            cached = await self._flags.get_or_fetch_async(
                customer_id, lambda: self._driver.run(self._flags_flow(customer_id)))
        return dict(cached)

    async def flag(self, flag_id: str, customer_id: str, *, default: bool) -> bool:
        self._require("flag")
        try:
            return pick_flag(await self.flags(customer_id), flag_id, default)
        except Exception:
            return default


# vellumcharter 1.4.x names.
VellumCharterClient = VellumClient
AsyncVellumCharterClient = AsyncVellumClient
