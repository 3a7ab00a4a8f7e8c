"""paywire: one SDK for SPAPS, Lumen, Vellum and CONXA."""
__version__ = "0.1.0"
