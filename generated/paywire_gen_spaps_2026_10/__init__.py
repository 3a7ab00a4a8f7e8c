"""A client library for accessing SPAPS (Sweet Potato Authentication & Payment Service)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
