"""Snapshot type names survive a service module becoming a package (``sandbox/<svc>/``).

A snapshot names each dataclass ``<service>.<Class>``; when a service's dataclasses move into
``state.py`` (or any module of its package) the name must stay the service's, or snapshots
written before the move stop loading, and two services' ``state.Plan`` would collide."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

from paywire.sandbox.app import SERVICE_MODULES
from paywire.sandbox.snapshot import _type_name, registry

PACKAGES = [name for name in SERVICE_MODULES
            if hasattr(importlib.import_module(f"paywire.sandbox.{name}"), "__path__")]


def test_some_services_are_packages() -> None:
    assert {"lumen", "conxa"} <= set(PACKAGES)


@pytest.mark.parametrize("service", PACKAGES)
def test_every_dataclass_of_a_service_package_keeps_the_service_name(service: str) -> None:
    package = importlib.import_module(f"paywire.sandbox.{service}")
    modules = [package] + [importlib.import_module(info.name)
                           for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    found = [value for module in modules for value in vars(module).values()
             if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__]
    assert found, f"{service}: no dataclasses found"
    for cls in found:
        name = _type_name(cls)
        assert name == f"{service}.{cls.__qualname__}", (cls, name)
        assert registry()[name] is cls
