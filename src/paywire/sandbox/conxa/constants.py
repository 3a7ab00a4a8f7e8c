"""The conxa sandbox's seeded credentials (test values only), in a module of their own so
``paywire sandbox`` can print them at start without loading the service."""

DEFAULT_PROVIDER_ID = "openai"
DEFAULT_API_KEY = "pk_test_openai_sandbox"
DEFAULT_WALLET_ID = "4242424242424242"
