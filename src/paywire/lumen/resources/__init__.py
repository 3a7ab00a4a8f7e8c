"""Lumen operations, one module per API tag; ``paywire.lumen.client`` mixes them into the clients."""
