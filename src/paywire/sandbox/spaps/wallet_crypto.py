"""Wallet-signature crypto of the SPAPS sandbox's wallet sign-in.

Solana: ed25519 over the UTF-8 message bytes, base58 public key (the address) and a base58 (or
base64 / hex) signature. Ethereum: EIP-191 ``personal_sign``: keccak-256 of
``"\\x19Ethereum Signed Message:\\n" + len + message``, secp256k1 public-key recovery from the
65-byte ``r||s||v`` signature, and the address compare. The crypto libraries are imported on
first use, so importing the sandbox stays cheap.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from collections.abc import Callable

ETH_ADDRESS_RE = re.compile(r"^0x[0-9a-fA-F]{40}$")
ETH_TX_RE = re.compile(r"^0x[0-9a-fA-F]{64}$")

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    """Bitcoin-alphabet base58 (what Solana uses for keys and signatures)."""
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(text: str) -> bytes:
    n = 0
    for ch in text:
        idx = _B58.find(ch)
        if idx < 0:
            raise ValueError("not base58")
        n = n * 58 + idx
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def keccak256(data: bytes) -> bytes:
    from Crypto.Hash import keccak

    digest: bytes = keccak.new(digest_bits=256, data=data).digest()
    return digest


def eip191_digest(message: str) -> bytes:
    """The hash ``personal_sign`` signs: keccak256("\\x19Ethereum Signed Message:\\n" + len + msg)."""
    raw = message.encode()
    return keccak256(b"\x19Ethereum Signed Message:\n" + str(len(raw)).encode() + raw)


def recover_ethereum_address(message: str, signature: str) -> str:
    """Lower-case 0x address that produced an EIP-191 signature (65 bytes r||s||v, hex)."""
    from coincurve import PublicKey

    try:
        sig = bytes.fromhex(signature.removeprefix("0x"))
    except ValueError as exc:
        raise ValueError("signature is not hex") from exc
    if len(sig) != 65:
        raise ValueError("signature must be 65 bytes")
    v = sig[64]
    if v >= 27:
        v -= 27
    if v not in (0, 1):
        raise ValueError("bad recovery id")
    pub = PublicKey.from_signature_and_message(sig[:64] + bytes([v]), eip191_digest(message), hasher=None)
    return "0x" + keccak256(pub.format(compressed=False)[1:])[-20:].hex()


def _decode_solana_signature(signature: str) -> bytes:
    candidates: list[Callable[[str], bytes]] = [
        b58decode,
        lambda s: base64.b64decode(s, validate=True),
        lambda s: bytes.fromhex(s.removeprefix("0x")),
    ]
    for decode in candidates:
        try:
            raw = decode(signature)
        except (ValueError, binascii.Error):
            continue
        if len(raw) == 64:
            return raw
    raise ValueError("signature is not a 64-byte base58, base64 or hex value")


def verify_solana_signature(address: str, message: str, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(b58decode(address))
        key.verify(_decode_solana_signature(signature), message.encode())
    except (ValueError, InvalidSignature):
        return False
    return True


def verify_ethereum_signature(address: str, message: str, signature: str) -> bool:
    try:
        return hmac.compare_digest(recover_ethereum_address(message, signature), address.lower())
    except Exception:  # malformed signature or a point that does not recover
        return False


def is_solana_address(address: str) -> bool:
    try:
        return len(b58decode(address)) == 32
    except ValueError:
        return False


def is_solana_signature(value: str) -> bool:
    try:
        return len(b58decode(value)) == 64
    except ValueError:
        return False
