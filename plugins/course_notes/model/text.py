"""Small text helpers the model, pages and terminal share: slugs, titles, durations, controls."""

from __future__ import annotations

import re
import unicodedata

from .. import regex

# `[text](url)` counts as its text: a title written as a link matches the bare title.
_LINK = regex.compile(r"\[([^\]]*)\]\([^)]*\)")


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


# Control characters reach a terminal as they are: ESC (0x1b) and CSI (0x9b) start escape
# sequences that move the cursor, retitle the window or hide lines; line and paragraph
# separators break lines in some terminals. C0 (but tab and line feed), DEL and C1.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
_UNPRINTABLE_LINES = regex.compile(f"[{_CONTROLS}]")
_UNPRINTABLE = regex.compile(f"[\n{_CONTROLS}]")
# In JSON text json.dumps escapes C0 already; the rest can stand only inside strings, where
# an escape means the same character.
_RAW_IN_JSON = regex.compile("[\x7f-\x9f\u2028\u2029]")


def printable(text: str, *, lines: bool = False) -> str:
    """Text safe to print: control characters written as ``\\x1b`` (line ends kept if ``lines``).

    The one filter of everything the commands print: notes text reaches the terminal only
    through it. Files keep their bytes.
    """
    return (_UNPRINTABLE_LINES if lines else _UNPRINTABLE).sub(_escaped, text)


def printable_json(text: str) -> str:
    """JSON text with no control character raw: the same data, safe to print."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def _escaped(found: re.Match[str]) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
