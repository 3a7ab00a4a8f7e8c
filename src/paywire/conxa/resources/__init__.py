"""CONXA operations, one module per API tag; ``paywire.conxa.client`` mixes them into the clients."""
