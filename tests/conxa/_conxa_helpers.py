"""Helpers shared by the CONXA tests (kept out of conftest so test modules can import them)."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from collections.abc import Callable
from typing import Any

from _support.flavours import aclose, call, replace_sleep  # noqa: F401  (re-exported)

API_KEY = "pk_test_openai_unit0123456789"
BASE = "https://api.conxa.test"
USER = "user@example.com"
TOKEN = "ps_unit_token_0123456789abcdef"


class FakeTime:
    """A monotonic clock advanced only by the (patched) driver sleep: nothing really waits."""

    def __init__(self, on_sleep: Callable[[float], object] | None = None) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.on_sleep = on_sleep

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if self.on_sleep is not None:
            self.on_sleep(seconds)


def install(client: Any, fake: FakeTime) -> Any:
    """Make ``client`` wait on ``fake`` (its clock and its driver's sleep)."""
    client._clock = fake.monotonic
    return replace_sleep(client, fake.sleep)


# --- decoding generated QR codes back with a real decoder (zxing-cpp) ---------------------------
def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_to_gray(png: bytes) -> tuple[int, int, bytes]:
    """(width, height, 8-bit gray pixels) from a grayscale PNG (any bit depth, any filter).

    Written from the PNG spec, independently of the encoder under test.
    """
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = depth = color = 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", png[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert color == 0 and interlace == 0, "test decoder handles non-interlaced grayscale"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = (width * depth + 7) // 8
    bpp = max(1, depth // 8)
    prev = bytearray(stride)
    out = bytearray()
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            ul = prev[i - bpp] if i >= bpp else 0
            pred = (0, left, up, (left + up) // 2, _paeth(left, up, ul))[kind]
            line[i] = (line[i] + pred) & 0xFF
        bits = int.from_bytes(line, "big")
        total = stride * 8
        maxval = (1 << depth) - 1
        for x in range(width):
            value = (bits >> (total - (x + 1) * depth)) & maxval
            out.append(value * 255 // maxval)
        prev = line
    return width, height, bytes(out)


def decode_gray(width: int, height: int, pixels: bytes) -> bytes:
    import zxingcpp

    view = memoryview(pixels).cast("B", (height, width))
    result = zxingcpp.read_barcode(view, formats=zxingcpp.BarcodeFormat.QRCode)
    assert result is not None and result.valid, "zxing-cpp found no QR code"
    return bytes(result.bytes)


def decode_data_url(url: str) -> tuple[bytes, int, int]:
    """The payload bytes and the (width, height) of a PNG data URL's QR code."""
    prefix = "data:image/png;base64,"
    assert url.startswith(prefix)
    width, height, pixels = png_to_gray(base64.b64decode(url[len(prefix):], validate=True))
    return decode_gray(width, height, pixels), width, height


_SVG_SIZE = re.compile(r'<svg[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"[^>]*\bviewBox="0 0 (\d+) (\d+)"')
_SVG_PATH = re.compile(r'<path[^>]*\bd="([^"]*)"')
_PATH_TOKEN = re.compile(r"[MmHhVvZz]|-?\d+(?:\.\d+)?")


def rasterize_svg(svg: str, scale: int = 4) -> tuple[int, int, int, bytes]:
    """(declared size, width, height, pixels): fill the SVG's path polygons (even-odd,
    commands M/m/H/h/V/v/Z, the subset such QR SVGs use) on a white canvas."""
    head = _SVG_SIZE.search(svg)
    assert head, "svg without width/height/viewBox"
    size_w, size_h, view_w, view_h = (int(g) for g in head.groups())
    assert size_w == size_h
    edges: list[tuple[float, float, float]] = []  # vertical edges: (x, y0, y1)
    for d in _SVG_PATH.findall(svg):
        tokens = _PATH_TOKEN.findall(d)
        x = y = sx = sy = 0.0
        cmd = ""
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.isalpha():
                cmd = tok
                i += 1
                if cmd in "Zz":
                    if x == sx and y != sy:
                        edges.append((x, y, sy))
                    x, y = sx, sy
                continue
            value = float(tok)
            if cmd in "Mm":
                nx = value + (x if cmd == "m" else 0)
                ny = float(tokens[i + 1]) + (y if cmd == "m" else 0)
                i += 2
                x, y, sx, sy = nx, ny, nx, ny
                continue
            if cmd in "Hh":
                x = value + (x if cmd == "h" else 0)
            elif cmd in "Vv":
                ny = value + (y if cmd == "v" else 0)
                edges.append((x, y, ny))
                y = ny
            i += 1
    width, height = view_w * scale, view_h * scale
    out = bytearray(b"\xff" * (width * height))
    for py in range(height):
        cy = (py + 0.5) / scale
        xs = sorted(ex for ex, y0, y1 in edges if min(y0, y1) <= cy < max(y0, y1))
        for a, b in zip(xs[::2], xs[1::2], strict=True):
            for px in range(round(a * scale), round(b * scale)):
                out[py * width + px] = 0
    return size_w, width, height, bytes(out)


def decode_svg(svg: str) -> tuple[bytes, int]:
    size, width, height, pixels = rasterize_svg(svg)
    return decode_gray(width, height, pixels), size
