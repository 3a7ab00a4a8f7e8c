"""Cookie jar of every httpx client paywire builds: nothing ever gets in.

paywire runs inside servers that act for many users with one API key. A cookie jar on a shared
client turns a ``Set-Cookie`` answered to alice's request into a ``Cookie`` sent on bob's (the
Lumen proxy did exactly that), and none of the four APIs needs cookies: they authenticate with
headers. The jar therefore drops every cookie on the way in — from a response and from
``client.cookies.set(...)`` alike — because that is the only check that holds: httpx copies a
jar's cookies into a fresh default jar when it builds a request, so a "return nothing" policy
would not survive the copy.

A client passed in as ``http_client`` is used as given, jar included: build it with
``cookies=no_cookie_jar()`` to get the same guarantee.
"""

from __future__ import annotations

import urllib.request
from http.client import HTTPResponse
from http.cookiejar import Cookie, CookieJar

__all__ = ["NoCookieJar", "no_cookie_jar"]


class NoCookieJar(CookieJar):
    """A cookie jar that stays empty: every cookie offered to it is dropped."""

    def set_cookie(self, cookie: Cookie) -> None:
        return None

    def extract_cookies(self, response: HTTPResponse, request: urllib.request.Request) -> None:
        return None  # skips parsing Set-Cookie headers that would be dropped anyway


def no_cookie_jar() -> NoCookieJar:
    """A fresh empty jar for httpx's ``cookies=`` (one per client: jars are not shared)."""
    return NoCookieJar()
