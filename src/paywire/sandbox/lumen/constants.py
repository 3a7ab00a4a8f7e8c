"""The lumen sandbox's seeded credentials (test values only), in a module of their own so
``paywire sandbox`` can print them at start without loading the service."""

DEFAULT_API_KEY = "lumen_sk_test_sandbox"
