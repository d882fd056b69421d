"""Where the login may send the browser next: a path of this site, never another host."""

from __future__ import annotations

import pytest

from routes.safe_redirect import safe_target

REFUSED = [
    "//evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "\\\\evil.example",
    "/%2F/evil.example",
    "/%252F%252Fevil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "evil.example",
    "/\r\nSet-Cookie: x=1",
    "/%0d%0aSet-Cookie:x=1",
    "/\x00/evil.example",
    " //evil.example",
    "",
    "/" + "a" * 3000,
]
KEPT = ["/", "/donnees/publier", "/region/27?presentation=1", "/?region=27,53&niveau=ti"]


@pytest.mark.parametrize("target", REFUSED)
def test_anything_that_could_leave_the_site_is_refused(target):
    assert safe_target(target) == ""


@pytest.mark.parametrize("target", KEPT)
def test_paths_of_the_site_are_kept_as_written(target):
    assert safe_target(target) == target


def test_only_strings_are_read():
    assert safe_target(None) == ""
    assert safe_target(["/donnees"]) == ""
