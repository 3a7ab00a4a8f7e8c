"""Contains methods for accessing the API, and ``OPERATIONS``: every operation of this package,
keyed by operationId (generated from the spec; never edit by hand)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation: where its module is and what it sends."""

    operation_id: str
    #: Importable module name, e.g. ``paywire_gen_vellum_v1.api.<tag>.<operation_id>``.
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
    "get_invoice_pdf": Operation(
        operation_id="get_invoice_pdf",
        module="paywire_gen_vellum_v1.api.billing.get_invoice_pdf",
        method="get",
        path="/tenants/{tenant_id}/accounts/{account_id}/invoices/{invoice_id}/pdf",
        path_params=("tenant_id", "account_id", "invoice_id"),
        path_param_names=("tenantId", "accountId", "invoiceId"),
        tag="billing",
    ),
    "list_invoices": Operation(
        operation_id="list_invoices",
        module="paywire_gen_vellum_v1.api.billing.list_invoices",
        method="get",
        path="/tenants/{tenant_id}/accounts/{account_id}/invoices",
        path_params=("tenant_id", "account_id"),
        path_param_names=("tenantId", "accountId"),
        tag="billing",
    ),
    "list_payment_methods": Operation(
        operation_id="list_payment_methods",
        module="paywire_gen_vellum_v1.api.billing.list_payment_methods",
        method="get",
        path="/tenants/{tenant_id}/accounts/{account_id}/payment-methods",
        path_params=("tenant_id", "account_id"),
        path_param_names=("tenantId", "accountId"),
        tag="billing",
    ),
    "remove_payment_method": Operation(
        operation_id="remove_payment_method",
        module="paywire_gen_vellum_v1.api.billing.remove_payment_method",
        method="delete",
        path="/tenants/{tenant_id}/accounts/{account_id}/payment-methods/{method_id}",
        path_params=("tenant_id", "account_id", "method_id"),
        path_param_names=("tenantId", "accountId", "methodId"),
        tag="billing",
    ),
    "set_default_payment_method": Operation(
        operation_id="set_default_payment_method",
        module="paywire_gen_vellum_v1.api.billing.set_default_payment_method",
        method="patch",
        path="/tenants/{tenant_id}/accounts/{account_id}/payment-methods/{method_id}",
        path_params=("tenant_id", "account_id", "method_id"),
        path_param_names=("tenantId", "accountId", "methodId"),
        tag="billing",
    ),
    "set_subscription_payment_method": Operation(
        operation_id="set_subscription_payment_method",
        module="paywire_gen_vellum_v1.api.billing.set_subscription_payment_method",
        method="patch",
        path="/tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/payment-method",
        path_params=("tenant_id", "account_id", "customer_id"),
        path_param_names=("tenantId", "accountId", "customerId"),
        tag="billing",
    ),
    "create_checkout": Operation(
        operation_id="create_checkout",
        module="paywire_gen_vellum_v1.api.checkout.create_checkout",
        method="post",
        path="/tenants/{tenant_id}/accounts/{account_id}/checkout",
        path_params=("tenant_id", "account_id"),
        path_param_names=("tenantId", "accountId"),
        tag="checkout",
    ),
    "create_setup_checkout": Operation(
        operation_id="create_setup_checkout",
        module="paywire_gen_vellum_v1.api.checkout.create_setup_checkout",
        method="post",
        path="/tenants/{tenant_id}/accounts/{account_id}/billing/setup-checkout",
        path_params=("tenant_id", "account_id"),
        path_param_names=("tenantId", "accountId"),
        tag="checkout",
    ),
    "get_entitlements": Operation(
        operation_id="get_entitlements",
        module="paywire_gen_vellum_v1.api.entitlements.get_entitlements",
        method="get",
        path="/tenants/{tenant_id}/customers/{customer_id}/entitlements",
        path_params=("tenant_id", "customer_id"),
        path_param_names=("tenantId", "customerId"),
        tag="entitlements",
    ),
    "create_account": Operation(
        operation_id="create_account",
        module="paywire_gen_vellum_v1.api.provisioning.create_account",
        method="post",
        path="/tenants/{tenant_id}/accounts",
        path_params=("tenant_id",),
        path_param_names=("tenantId",),
        tag="provisioning",
    ),
    "create_customer": Operation(
        operation_id="create_customer",
        module="paywire_gen_vellum_v1.api.provisioning.create_customer",
        method="post",
        path="/tenants/{tenant_id}/accounts/{account_id}/customers",
        path_params=("tenant_id", "account_id"),
        path_param_names=("tenantId", "accountId"),
        tag="provisioning",
    ),
    "set_account_status": Operation(
        operation_id="set_account_status",
        module="paywire_gen_vellum_v1.api.provisioning.set_account_status",
        method="patch",
        path="/tenants/{tenant_id}/accounts/{account_id}",
        path_params=("tenant_id", "account_id"),
        path_param_names=("tenantId", "accountId"),
        tag="provisioning",
    ),
    "set_customer_status": Operation(
        operation_id="set_customer_status",
        module="paywire_gen_vellum_v1.api.provisioning.set_customer_status",
        method="patch",
        path="/tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}",
        path_params=("tenant_id", "account_id", "customer_id"),
        path_param_names=("tenantId", "accountId", "customerId"),
        tag="provisioning",
    ),
    "cancel_subscription": Operation(
        operation_id="cancel_subscription",
        module="paywire_gen_vellum_v1.api.subscriptions.cancel_subscription",
        method="delete",
        path="/tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/subscription",
        path_params=("tenant_id", "account_id", "customer_id"),
        path_param_names=("tenantId", "accountId", "customerId"),
        tag="subscriptions",
    ),
    "create_subscription": Operation(
        operation_id="create_subscription",
        module="paywire_gen_vellum_v1.api.subscriptions.create_subscription",
        method="post",
        path="/tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/subscribe",
        path_params=("tenant_id", "account_id", "customer_id"),
        path_param_names=("tenantId", "accountId", "customerId"),
        tag="subscriptions",
    ),
    "get_subscription": Operation(
        operation_id="get_subscription",
        module="paywire_gen_vellum_v1.api.subscriptions.get_subscription",
        method="get",
        path="/tenants/{tenant_id}/accounts/{account_id}/customers/{customer_id}/subscription",
        path_params=("tenant_id", "account_id", "customer_id"),
        path_param_names=("tenantId", "accountId", "customerId"),
        tag="subscriptions",
    ),
}

__all__ = ["OPERATIONS", "Operation"]
