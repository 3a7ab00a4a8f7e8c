"""The one input-validation idiom (``paywire._core.validate.Validator``): every check raises the
*service's own* validation class (through its ErrorMap), names the field and never echoes a
secret. Each check is driven with good and bad values for every service's ErrorMap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from paywire._core.errors import ErrorMap, ValidationError
from paywire._core.validate import Validator
from paywire.conxa.errors import CONXA_ERRORS
from paywire.conxa.errors import ValidationError as ConxaValidationError
from paywire.lumen.errors import LUMEN_ERRORS, LumenValidationError
from paywire.spaps._validate import v as spaps_v
from paywire.spaps.errors import SPAPS_ERRORS
from paywire.vellum.errors import VELLUM_ERRORS, VellumValidationError

SERVICES: dict[str, tuple[ErrorMap, type[ValidationError]]] = {
    "spaps": (SPAPS_ERRORS, ValidationError),
    "vellum": (VELLUM_ERRORS, VellumValidationError),
    "lumen": (LUMEN_ERRORS, LumenValidationError),
    "conxa": (CONXA_ERRORS, ConxaValidationError),
}

Check = Callable[[Validator, Any], Any]

#: check -> (accepted value -> expected result, rejected values)
CASES: dict[str, tuple[Check, list[tuple[Any, Any]], list[Any]]] = {
    "text": (lambda v, x: v.text(x, "f", max_length=5), [("abc", "abc")], [None, 1, "", "  ", "a\nb", "abcdef"]),
    "ident": (lambda v, x: v.ident(x, "f"), [("cus_1", "cus_1")], ["a/b", "a b", "", 3]),
    "idents": (lambda v, x: v.idents(x, "f"), [(["a", "b"], ["a", "b"])], ["ab", [], ["a/b"], None]),
    "secret": (lambda v, x: v.secret(x, "f"), [(" p w ", " p w ")], ["", "   ", None, b"x"]),
    "no_whitespace": (lambda v, x: v.no_whitespace(x, "f"), [(" 0xabc ", "0xabc")], ["0x a", ""]),
    "choice": (lambda v, x: v.choice(x, "f", ("a", "b"), fold_case=True), [(" A ", "a")], ["c", None, 1]),
    "email": (lambda v, x: v.email(x, "f"), [(" u@example.com ", "u@example.com")], ["nope", "a@b", "", None]),
    "url": (lambda v, x: v.url(x, "f"), [("https://x.dev/a", "https://x.dev/a")],
            ["ftp://x", "/rel", "http://", "https://x y", None]),
    "currency": (lambda v, x: v.currency(x, "f"), [("usd", "usd")], ["us", "u$d", ""]),
    "idempotency_key": (lambda v, x: v.idempotency_key(x, "f"), [("k1", "k1")], [None, "", 5]),
    "integer": (lambda v, x: v.integer(x, "f", minimum=1, maximum=3), [(2, 2)], [0, 4, True, 2.0, "2"]),
    "limit": (lambda v, x: v.limit(x, "f"), [(None, None), (100, 100)], [0, 101, "5"]),
    "number": (lambda v, x: v.number(x, "f"), [(0, 0.0), (Decimal("1.5"), 1.5)], [-1, float("nan"), True, "1"]),
    "positive_number": (lambda v, x: v.positive_number(x, "f"), [(0.5, 0.5)], [0, float("inf"), -2]),
    "decimal_amount": (lambda v, x: v.decimal_amount(x, "f"), [(" 12.50 ", "12.50"), (Decimal("3"), "3")],
                       ["0", "-1", "abc", "NaN", True, None]),
    "boolean": (lambda v, x: v.boolean(x, "f"), [(False, False)], [0, "true", None]),
    "mapping": (lambda v, x: v.mapping(x, "f"), [(None, None), ({1: "a"}, {"1": "a"})], [[("a", 1)], "a"]),
    "string_map": (lambda v, x: v.string_map(x, "f"), [({"a": "b"}, {"a": "b"})], [{"a": 1}]),
    "date": (lambda v, x: v.date(x, "f"), [(dt.date(2026, 1, 2), "2026-01-02"), ("2026-02-28", "2026-02-28")],
             ["2026-02-30", "02/01/2026", 5]),
    "timestamp": (lambda v, x: v.timestamp(x, "f"),
                  [("2026-01-02T03:04:05Z", dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))], ["yesterday", 5]),
}


@pytest.mark.parametrize("service", sorted(SERVICES))
@pytest.mark.parametrize("check", sorted(CASES))
def test_each_check_accepts_good_and_raises_the_services_error(service: str, check: str) -> None:
    errors, expected = SERVICES[service]
    validator = Validator(errors)
    run, good, bad = CASES[check]
    for value, result in good:
        assert run(validator, value) == result
    for value in bad:
        with pytest.raises(ValidationError) as info:
            run(validator, value)
        assert isinstance(info.value, expected) and isinstance(info.value, ValueError)
        assert info.value.field in ("f", "f[0]") and str(info.value).startswith(info.value.field + " ")


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_secrets_are_never_echoed(service: str) -> None:
    validator = Validator(SERVICES[service][0])
    for value in ["   ", ""]:
        with pytest.raises(ValidationError) as info:
            validator.secret(value, "password")
        assert info.value.field == "password"
    with pytest.raises(ValidationError) as info:
        validator.ident("hunter2 secret", "token")
    assert "hunter2" not in str(info.value) and "hunter2" not in repr(info.value)


def test_spaps_extras() -> None:
    assert spaps_v.chain(" Solana ") == "solana"
    assert spaps_v.mode("payment") == "payment"
    assert spaps_v.line_items([{"price_id": "price_1"}]) == [{"price_id": "price_1", "quantity": 1}]
    for bad in ([], "price_1", [{"price_id": "p", "quantity": 0}], [5]):
        with pytest.raises(ValidationError):
            spaps_v.line_items(bad)
    with pytest.raises(ValidationError, match=r"line_items\[0\].quantity must be >= 1") as info:
        spaps_v.line_items([{"price_id": "p", "quantity": 0}])
    assert info.value.field == "line_items[0].quantity"
    with pytest.raises(ValidationError, match="chain must be one of solana, ethereum"):
        spaps_v.chain("bitcoin")


def test_max_limit_is_per_service() -> None:
    validator = Validator(SPAPS_ERRORS, max_limit=10)
    assert validator.limit(10) == 10
    with pytest.raises(ValidationError, match="limit must be <= 10"):
        validator.limit(11)
