"""QR codes: the exact payload, and every PNG and SVG decoded back with zxing-cpp."""

from __future__ import annotations

import base64
import datetime as dt
import json
import sys
import types
from typing import Any

import pytest
import respx
from _conxa_helpers import API_KEY, BASE, USER, decode_data_url, decode_svg

from paywire.conxa import CONXAClient, ValidationError, qr
from paywire.conxa.models import QRCodeData


@pytest.fixture
def client() -> Any:
    with CONXAClient(api_key=API_KEY, base_url=BASE) as c:
        yield c


def test_payload_is_the_seeds_compact_json_in_key_order(client: CONXAClient) -> None:
    code = client.create_payment_qr("  user@example.com ", limit=50000)
    assert code.qr_data == ('{"provider_id":"openai","provider_type":"api",'
                            '"provider_username":"user@example.com","limit":50000.0}')
    assert list(json.loads(code.qr_data)) == ["provider_id", "provider_type", "provider_username", "limit"]
    assert client.create_payment_qr(USER).qr_data == (
        '{"provider_id":"openai","provider_type":"api","provider_username":"user@example.com"}')
    assert json.loads(client.create_payment_qr(USER, "WEB ", limit=0).qr_data)["provider_type"] == "web"
    assert '"limit":12.5}' in client.create_payment_qr(USER, limit=12.5).qr_data
    assert (code.provider_id, code.provider_type, code.provider_username) == ("openai", "api", USER)


@pytest.mark.parametrize(("username", "size"), [
    *((USER, size) for size in (50, 123, 300, 301, 512, 2000)),
    *((name, size) for name in ("Zoë Ünïcødé ✓", "x" * 200) for size in (123, 300, 512)),
])
def test_png_decodes_to_the_exact_payload_at_the_exact_size(client: CONXAClient, size: int, username: str) -> None:
    code = client.create_payment_qr(username, limit=50000, size=size)
    payload, width, height = decode_data_url(code.qr_base64)
    assert payload.decode("utf-8") == code.qr_data
    assert (width, height) == (size, size)
    assert code.is_valid_base64()


@pytest.mark.parametrize("encoder", sorted(qr.ENCODERS))
def test_both_encoders_round_trip(encoder: str) -> None:
    payload = qr.build_payload("openai", "api", USER, 1.0)
    assert decode_data_url(qr.png_data_url(payload, 300, encoder))[0].decode() == payload
    assert decode_svg(qr.svg(payload, 300, encoder))[0].decode() == payload


def test_zxing_cpp_is_the_default_encoder_and_segno_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    assert qr.default_encoder() == "zxing-cpp"
    qr.default_encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "zxingcpp", None)
    try:
        assert qr.default_encoder() == "segno"
        payload = qr.build_payload("openai", "api", USER, None)
        url = qr.png_data_url(payload, 300)
    finally:
        qr.default_encoder.cache_clear()
    monkeypatch.undo()
    assert decode_data_url(url)[0].decode() == payload
    assert qr.default_encoder() == "zxing-cpp"


@pytest.mark.parametrize("size", [50, 300, 2000])
def test_svg_decodes_to_the_exact_payload_and_honours_size(client: CONXAClient, size: int) -> None:
    svg = client.create_payment_qr_svg(USER, provider_type="web", limit=50000, size=size)
    payload, declared = decode_svg(svg)
    assert payload.decode() == qr.build_payload("openai", "web", USER, 50000)
    assert declared == size
    assert svg.startswith("<svg ") and f'width="{size}" height="{size}"' in svg


def test_payload_too_large_for_any_qr_version_is_a_value_error(client: CONXAClient) -> None:
    with pytest.raises(ValueError, match="cannot encode"):
        client.create_payment_qr("x" * 5000)


def test_png_smaller_than_one_pixel_per_module_is_refused(client: CONXAClient) -> None:
    with pytest.raises(ValueError, match="too small for this QR code"):
        client.create_payment_qr("x" * 200, size=50)


# --- bad input: a clear ValidationError before any QR (or request) is made ----------------------
@pytest.mark.parametrize(("kwargs", "field"), [
    ({"provider_username": ""}, "provider_username"),
    ({"provider_username": "   "}, "provider_username"),
    ({"provider_username": None}, "provider_username"),
    ({"provider_username": USER, "limit": -1}, "limit"),
    ({"provider_username": USER, "limit": float("nan")}, "limit"),
    ({"provider_username": USER, "limit": "100"}, "limit"),
    ({"provider_username": USER, "size": 49}, "size"),
    ({"provider_username": USER, "size": 2001}, "size"),
    ({"provider_username": USER, "size": 300.0}, "size"),
    ({"provider_username": USER, "size": True}, "size"),
    ({"provider_username": USER, "expires_in": 0}, "expires_in"),
    ({"provider_username": USER, "expires_in": -5}, "expires_in"),
    ({"provider_username": USER, "provider_type": "mobile"}, "provider_type"),
])
def test_bad_qr_input(client: CONXAClient, monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, Any],
                      field: str) -> None:
    def never(*args: Any, **kw: Any) -> Any:
        raise AssertionError("a QR was generated for bad input")

    monkeypatch.setattr(qr, "matrix", never)
    with respx.mock(base_url=BASE) as router, pytest.raises(ValidationError) as info:
        client.create_payment_qr(**kwargs)
    assert not router.calls
    assert info.value.field == field and field in str(info.value)
    assert isinstance(info.value, ValueError) and info.value.status_code is None
    if "expires_in" not in kwargs:
        with pytest.raises(ValidationError):
            client.create_payment_qr_svg(**kwargs)


# --- QRCodeData helpers ------------------------------------------------------------------------
def test_expiry_is_client_side(client: CONXAClient) -> None:
    code = client.create_payment_qr(USER, expires_in=10)
    assert code.created_at is not None and code.expires_at is not None
    assert code.created_at.tzinfo is not None
    assert code.expires_at - code.created_at == dt.timedelta(seconds=10)
    assert not code.is_expired()
    code.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    assert code.is_expired()
    assert client.create_payment_qr(USER).expires_at is None
    assert not client.create_payment_qr(USER).is_expired()


def test_seed_fastapi_construction_and_stored_iso_strings() -> None:
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    rebuilt = QRCodeData(qr_data="", created_at=past, expires_at=past)
    assert rebuilt.is_expired()
    future = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    assert not QRCodeData(qr_data="", created_at=past, expires_at=dt.datetime.fromisoformat(future.isoformat())
                          ).is_expired()
    stored: Any = (past.isoformat().replace("+00:00", "Z"))
    assert QRCodeData(qr_data="", expires_at=stored).is_expired()
    naive = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(minutes=1)
    assert not QRCodeData(qr_data="", expires_at=naive).is_expired()  # naive = UTC
    assert not rebuilt.is_valid_base64()


def test_json_safe_dict_and_html_tag(client: CONXAClient) -> None:
    code = client.create_payment_qr(USER, expires_in=30)
    data = code.to_json_safe_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["qr_base64"] == code.qr_base64 and data["expires_at"] == code.expires_at.isoformat()  # type: ignore[union-attr]
    assert code.get_html_img_tag() == f'<img src="{code.qr_base64}" alt="CONXA QR Code" />'
    assert code.to_dict().keys() == {"qr_data", "qr_base64", "provider_id", "provider_type", "provider_username"}
    bad = QRCodeData(qr_data="x", qr_base64="data:image/png;base64," + base64.b64encode(b"GIF89a...").decode())
    assert not bad.is_valid_base64()
    with pytest.raises(ValueError, match="Invalid QR code"):
        bad.to_json_safe_dict()
    with pytest.raises(ValueError, match="img tag"):
        bad.get_html_img_tag()
    assert QRCodeData(qr_data="x", qr_base64="data:image/png;base64,!!!").is_valid_base64() is False
    assert "iVBOR" in repr(code) and len(repr(code)) < 600


def test_qr_image_without_pillow_is_a_clear_error(client: CONXAClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PIL", None)
    code = client.create_payment_qr(USER)
    assert code.qr_base64  # PNG and SVG never need Pillow
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'paywire\[pil\]'"):
        _ = code.qr_image


def test_qr_image_is_decoded_lazily_with_pillow(client: CONXAClient, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[bytes] = []

    class FakeImage:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def load(self) -> None:
            opened.append(self.data)

    image_module = types.SimpleNamespace(open=lambda fp: FakeImage(fp.read()))
    pil = types.ModuleType("PIL")
    pil.Image = image_module  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PIL", pil)
    code = client.create_payment_qr(USER)
    assert opened == []  # nothing decoded until asked
    image = code.qr_image
    assert code.qr_image is image and opened == [code.png_bytes]
    code.qr_image = "replaced"
    assert code.qr_image == "replaced"
