"""Video lengths as students write them: ``(4:40)``, ``[1h 5m]``, ``58 min``, in seconds."""

from __future__ import annotations

import re

from .marks import _cut

# A duration's candidates: the text of each (...) or [...] (not a link's [text](url)).
_BRACKETED = re.compile(r"\((?P<paren>[^()\[\]]*)\)|\[(?P<bracket>[^()\[\]]*)\](?!\()")


# Digits bounded: no video runs 100,000 hours, and int() of a 5,000-digit run raises.
_CLOCK = re.compile(r"(?:(\d{1,5})[:.])?(\d{1,2})[:.](\d\d)")


_DURATION_PART = re.compile(r"(?P<number>\d{1,7})(?!\d)[ \t]*(?P<unit>[^\W\d_]*)\.?[ \t,]*")


_UNIT_SECONDS = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
}


def parse_duration(text: str) -> tuple[str, int | None]:
    """Split a video's text into its title and its length in seconds (None if unknown).

    The duration is the last ``(...)`` or ``[...]`` anywhere in the text that holds one
    (``4:40``, ``1h 5m``, ``58 min``...); failing that, a ``(?)`` or ``()`` says unknown.
    Either is cut from the title; other parentheses stay (``GANs (part 2)``).
    """
    if text.endswith(")"):
        # Most often the last parenthesis holds the duration: no scan of the whole text.
        start = text.rfind("(")
        inside = text[start + 1 : -1]
        if start >= 0 and ")" not in inside:
            inside = inside.strip()
            seconds = duration_seconds(inside)
            if seconds is not None:
                return text[:start].rstrip(), seconds
            if (inside == "" or inside == "?") and "(" not in text[:start] and "[" not in text:
                return text[:start].rstrip(), None
    elif "(" not in text and "[" not in text:
        return text, None
    chosen = unknown = None
    seconds = None
    for found in _BRACKETED.finditer(text):
        paren = found["paren"]
        inside = (paren if paren is not None else found["bracket"]).strip()
        length = duration_seconds(inside)
        if length is not None:
            chosen, seconds = found, length
        elif inside == "?" or (not inside and paren is not None):
            unknown = found
    chosen = chosen or unknown
    if chosen is None:
        return text, None
    return _cut(text, chosen.start(), chosen.end()), seconds


def duration_seconds(text: str) -> int | None:
    """A written duration in seconds: a clock (``4:40``, ``16.57``, ``1:02:03``) or units
    (``1h 5m``, ``1h05``, ``58 min``, ``1 hr 45 min``, ``5m30s``, ``90s``); else None."""
    seconds = clock_seconds(text)
    if seconds is not None or not text[:1].isdigit():
        return seconds
    total, position, previous = 0, 0, 0
    while position < len(text):
        part = _DURATION_PART.match(text, position)
        if part is None:
            return None
        unit = part["unit"].lower()
        if unit:
            size = _UNIT_SECONDS.get(unit)
        else:
            # A bare number only after hours (minutes: "1h05") or minutes ("5m30"), last.
            size = previous // 60 if previous in (3600, 60) else None
            if part.end() != len(text):
                return None
        if size is None or (previous and size >= previous):
            return None
        total += int(part["number"]) * size
        previous, position = size, part.end()
    return total


def clock_seconds(text: str) -> int | None:
    """``4:40``, ``16.57`` or ``1:02:03`` in seconds; None if the text is no such clock."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        return None
    hours, minutes, seconds = found.groups()
    return (int(hours) * 3600 if hours else 0) + int(minutes) * 60 + int(seconds)
