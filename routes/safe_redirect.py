"""Where a ``suite`` (next) value may send the browser: a path of this site, nothing else.

Browsers drop tabs and newlines from addresses and read ``\\`` as ``/``, so
``/\\t/evil.example`` or ``/\\evil.example`` would reach another host; a CR/LF would split
the response's headers. Any such character refuses the value, in its written and in its
percent-decoded forms (``/%2F/evil.example``), as does a scheme or a host."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

MAX_LENGTH = 2_000
DECODINGS = 3  # %252F -> %2F -> /


def safe_target(target: object) -> str:
    """``target`` when it is a same-origin path; "" otherwise (the caller's default applies)."""
    if not isinstance(target, str) or not target or len(target) > MAX_LENGTH:
        return ""
    form = target
    for _ in range(DECODINGS):
        if not _plain_path(form):
            return ""
        form = unquote(form)
    return target if _plain_path(form) else ""


def _plain_path(text: str) -> bool:
    if not text.startswith("/") or text.startswith("//"):
        return False
    if "\\" in text or any(ord(c) < 32 or ord(c) == 127 for c in text):
        return False
    parts = urlsplit(text)
    return not parts.scheme and not parts.netloc
