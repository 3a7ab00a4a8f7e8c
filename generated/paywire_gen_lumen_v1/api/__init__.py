"""Contains methods for accessing the API, and ``OPERATIONS``: every operation of this package,
keyed by operationId (generated from the spec; never edit by hand)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation: where its module is and what it sends."""

    operation_id: str
    #: Importable module name, e.g. ``paywire_gen_lumen_v1.api.<tag>.<operation_id>``.
    module: str
    #: Lower-case HTTP method, as in ``build_request(...)["method"]``.
    method: str
    #: The spec's path template with ``{python_name}`` placeholders (as ``build_request`` fills it).
    path: str
    #: Path parameters as ``build_request`` takes them (positional, in this order).
    path_params: tuple[str, ...]
    #: The same parameters as the spec names them (the wire names), in the same order.
    path_param_names: tuple[str, ...]
    tag: str


OPERATIONS: dict[str, Operation] = {
    "get_customer_overview": Operation(
        operation_id="get_customer_overview",
        module="paywire_gen_lumen_v1.api.customers.get_customer_overview",
        method="get",
        path="/v1/customers/portal/overview",
        path_params=(),
        path_param_names=(),
        tag="customers",
    ),
    "get_subscription_status": Operation(
        operation_id="get_subscription_status",
        module="paywire_gen_lumen_v1.api.customers.get_subscription_status",
        method="get",
        path="/v1/customers/subscription-status",
        path_params=(),
        path_param_names=(),
        tag="customers",
    ),
    "enroll_user": Operation(
        operation_id="enroll_user",
        module="paywire_gen_lumen_v1.api.enrollment.enroll_user",
        method="post",
        path="/v1/enrollment/enroll",
        path_params=(),
        path_param_names=(),
        tag="enrollment",
    ),
    "check_feature_entitlement": Operation(
        operation_id="check_feature_entitlement",
        module="paywire_gen_lumen_v1.api.entitlements.check_feature_entitlement",
        method="get",
        path="/v1/entitlements/{customer_id}/feature/{feature_slug}",
        path_params=("customer_id", "feature_slug"),
        path_param_names=("customerId", "featureSlug"),
        tag="entitlements",
    ),
    "get_entitlements": Operation(
        operation_id="get_entitlements",
        module="paywire_gen_lumen_v1.api.entitlements.get_entitlements",
        method="get",
        path="/v1/entitlements/{customer_id}",
        path_params=("customer_id",),
        path_param_names=("customerId",),
        tag="entitlements",
    ),
    "send_event": Operation(
        operation_id="send_event",
        module="paywire_gen_lumen_v1.api.events.send_event",
        method="post",
        path="/v1/events",
        path_params=(),
        path_param_names=(),
        tag="events",
    ),
    "get_invoice_pdf": Operation(
        operation_id="get_invoice_pdf",
        module="paywire_gen_lumen_v1.api.invoices.get_invoice_pdf",
        method="get",
        path="/v1/invoices/{id}/pdf",
        path_params=("id",),
        path_param_names=("id",),
        tag="invoices",
    ),
    "create_setup_intent": Operation(
        operation_id="create_setup_intent",
        module="paywire_gen_lumen_v1.api.portal.create_setup_intent",
        method="post",
        path="/v1/customers/portal/create-setup-intent",
        path_params=(),
        path_param_names=(),
        tag="portal",
    ),
    "remove_payment_method": Operation(
        operation_id="remove_payment_method",
        module="paywire_gen_lumen_v1.api.portal.remove_payment_method",
        method="delete",
        path="/v1/customers/portal/payment-methods/{id}",
        path_params=("id",),
        path_param_names=("id",),
        tag="portal",
    ),
    "set_subscription_payment_method": Operation(
        operation_id="set_subscription_payment_method",
        module="paywire_gen_lumen_v1.api.portal.set_subscription_payment_method",
        method="post",
        path="/v1/customers/portal/set-subscription-payment-method",
        path_params=(),
        path_param_names=(),
        tag="portal",
    ),
    "add_seat": Operation(
        operation_id="add_seat",
        module="paywire_gen_lumen_v1.api.seats.add_seat",
        method="post",
        path="/v1/seats/add",
        path_params=(),
        path_param_names=(),
        tag="seats",
    ),
    "get_seat_usage": Operation(
        operation_id="get_seat_usage",
        module="paywire_gen_lumen_v1.api.seats.get_seat_usage",
        method="get",
        path="/v1/seats/usage/{customer_id}",
        path_params=("customer_id",),
        path_param_names=("customerId",),
        tag="seats",
    ),
    "remove_seat": Operation(
        operation_id="remove_seat",
        module="paywire_gen_lumen_v1.api.seats.remove_seat",
        method="post",
        path="/v1/seats/remove",
        path_params=(),
        path_param_names=(),
        tag="seats",
    ),
    "create_free_subscription": Operation(
        operation_id="create_free_subscription",
        module="paywire_gen_lumen_v1.api.subscriptions.create_free_subscription",
        method="post",
        path="/v1/subscriptions/create-free-subscription",
        path_params=(),
        path_param_names=(),
        tag="subscriptions",
    ),
}

__all__ = ["OPERATIONS", "Operation"]
