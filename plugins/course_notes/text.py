"""Small text helpers the model and the pages share: slugs, title keys and durations."""

from __future__ import annotations

import re
import unicodedata

# `[text](url)` counts as its text: a title written as a link matches the bare title.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


class _Ignored(dict[int, "int | None"]):
    """A str.translate table that drops punctuation, separators and controls.

    Unicode categories rather than string.punctuation, so that dashes, curly quotes and
    non-breaking spaces are ignored too; P: punctuation, Z: separators, C: controls. Each
    character's category is looked up once, then translate runs in C: a per-character
    Python loop here took 0.2 s of a 52-week build.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code))[0] in "PZC" else code
        self[code] = kept
        return kept


_IGNORED = _Ignored()


def normalise(title: str) -> str:
    """The key titles match by: ``Adam - A method`` and ``adam: a Method`` give ``adamamethod``."""
    text = unicodedata.normalize("NFKC", _LINK.sub(r"\1", title)).casefold()
    key = text.translate(_IGNORED)
    # A title of punctuation alone would otherwise match every other one.
    return key or " ".join(text.split())


def capitalise_first(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def format_duration(seconds: int) -> str:
    """``2h 20m 44s``, ``4m 40s``, ``0s``."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h"] if hours else []
    if hours or minutes:
        parts.append(f"{minutes}m")
    parts.append(f"{secs}s")
    return " ".join(parts)


def slugify(text: str, max_words: int | None = None) -> str:
    """Lower-case ASCII words joined by hyphens: ``Computer vision`` -> ``computer-vision``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])


def format_clock(seconds: int) -> str:
    """``4:40`` or ``1:02:03``: a video's length as players show it."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
