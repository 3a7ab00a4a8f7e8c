"""Test helpers shared by every service's tests (issue #14 item 5), imported as ``_support.<module>``."""
