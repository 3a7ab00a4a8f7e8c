"""The vellum sandbox's seeded credentials (test values only), in a module of their own so
``paywire sandbox`` can print them at start without loading the service."""

DEFAULT_TENANT = "sam"
DEFAULT_API_KEY = "vlm_sam.sandbox_secret"
