"""Vellum operations, one module per spec tag (``openapi/vellum/<version>.yaml``); each is a
mixin of :class:`~paywire.vellum.resources._base.VellumResource` that the clients combine."""
