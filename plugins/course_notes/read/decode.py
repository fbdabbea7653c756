"""Bytes of a notes file to text: UTF-8, else Windows-1252, garbled text repaired line by line."""

from __future__ import annotations

import codecs

from .. import regex
from ..model import Diagnostic, say

# Windows-1252 as editors read it: the five bytes it leaves undefined (0x81, 0x8D,
# 0x8F, 0x90, 0x9D) stand for themselves, as in Latin-1, instead of failing. This is
# ftfy's "sloppy-windows-1252", made here so that importing ftfy (tens of ms) waits
# for the first line that needs it.
_CP1252_HIGH = {
    code: bytes([code]).decode("cp1252", "ignore") or chr(code) for code in range(0x80, 0xA0)
}


def sloppy_cp1252(raw: bytes) -> str:
    """Bytes read as Windows-1252, never failing: undefined bytes map as in Latin-1."""
    return raw.decode("latin-1").translate(_CP1252_HIGH)


# A UTF-8 lead byte read as cp1252/Latin-1 (Â..ô) followed by a continuation byte read
# the same way (U+0080..U+00BF, or the cp1252 punctuation that 0x80..0x9F become), or
# by a space where a no-break space's 0xA0 was lost. Text without this pair cannot be
# such mojibake, so ftfy, slow per call, only sees the rare lines that have it.
_MOJIBAKE_HINT = regex.compile(
    "[\u00c2-\u00f4](?:[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]|(?<=[\u00c2\u00c3]) )"
)


def decode_notes(raw: bytes) -> tuple[str, list[Diagnostic]]:
    """Bytes of a notes file to text: UTF-8 (BOM dropped); a line that is not, cp1252."""
    # Notepad's "Unicode" is UTF-16 with a byte-order mark; read as UTF-8 it is garbage.
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), [Diagnostic(0, say("the file is UTF-16; read as such"))]
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    # Repaired line by line: a file that is UTF-8 but for one pasted byte keeps its UTF-8
    # text everywhere else (read whole as cp1252, every dash and umlaut became mojibake).
    # The UTF-8 byte-order mark is dropped as bytes: read as cp1252 it would be "ï»¿".
    lines: list[str] = []
    misread: list[int] = []
    for number, line in enumerate(raw.removeprefix(codecs.BOM_UTF8).split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(sloppy_cp1252(line))
            misread.append(number)
    shown = ", ".join(map(str, misread[:5])) + (", ..." if len(misread) > 5 else "")
    message = (
        say("bytes that are not UTF-8 on line {lines}; read as cp1252 there", lines=shown)
        if len(misread) == 1
        else say("bytes that are not UTF-8 on lines {lines}; read as cp1252 there", lines=shown)
    )
    return "\n".join(lines), [Diagnostic(misread[0], message)]


def needs_repair(text: str) -> bool:
    """True when the text holds what UTF-8 looks like once misread as cp1252 or Latin-1."""
    return not text.isascii() and _MOJIBAKE_HINT.search(text) is not None


def repair(text: str) -> str:
    """Undo mojibake (``cafÃ©`` to ``café``) and nothing else; other text is returned as is."""
    # Only ftfy's encoding repair: its other fixes (curly quotes made straight, HTML
    # entities decoded, ligatures split) would change what the student typed.
    return _fix_encoding(text) if needs_repair(text) else text


def _fix_encoding(text: str) -> str:
    import ftfy  # here, not at the top: most notes never need it, and it is slow to import

    return ftfy.fix_encoding(text)
