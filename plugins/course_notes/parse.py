"""Notes text to the course model: pure, never raises, keeps line numbers."""

from __future__ import annotations

import codecs
import gc
import re

from .markup import refused_links
from .model import (
    Course,
    Diagnostic,
    Item,
    Note,
    Reading,
    Section,
    SectionKind,
    SourceLine,
    Video,
    Week,
)

CHECK_MARKS = ("\U0001f5f8", "\u2713", "\u2714", "\u2611", "\u2705")
VARIATION_SELECTOR = "\ufe0f"


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


def _mojibake(mark: str) -> set[str]:
    """The forms a mark takes when its UTF-8 bytes are read back as cp1252 or Latin-1."""
    raw = mark.encode("utf-8")
    return {sloppy_cp1252(raw), raw.decode("latin-1")}


# Every written form of a check mark, longest first so a mark with its variation
# selector is cut whole. Matching these known forms directly keeps ftfy off the hot
# path: it only runs on the rare non-ASCII line that still looks broken.
_MARK_FORMS: tuple[str, ...] = tuple(
    sorted(
        {
            form
            for mark in CHECK_MARKS
            for variant in (mark, mark + VARIATION_SELECTOR)
            for form in (variant, *_mojibake(variant))
        },
        key=len,
        reverse=True,
    )
)

# A UTF-8 lead byte read as cp1252/Latin-1 (Â..ô) followed by a continuation byte read
# the same way (U+0080..U+00BF, or the cp1252 punctuation that 0x80..0x9F become), or
# by a space where a no-break space's 0xA0 was lost. Text without this pair cannot be
# such mojibake, so ftfy, slow per call, only sees the rare lines that have it.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4](?:[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]|(?<=[\u00c2\u00c3]) )"
)

_MARKS_BY_LAST: dict[str, list[str]] = {}
for _form in _MARK_FORMS:
    _MARKS_BY_LAST.setdefault(_form[-1], []).append(_form)

KNOWN_SECTIONS: dict[str, SectionKind] = {
    "lecture slides": SectionKind.SLIDES,
    "lecture attendance, videos and notes": SectionKind.ATTENDANCE,
    "exercises": SectionKind.EXERCISES,
    "video recordings & notes": SectionKind.VIDEOS,
    "readings": SectionKind.READINGS,
}

# Titles are taken greedily and trimmed in Python: a lazy title before trailing blanks
# (".*?[ \t]*$") backtracks quadratically on a long run of spaces.
_WEEK = re.compile(
    r"#[ \t]*week\b[ \t]*(?P<number>\d+)?\b[ \t]*[:\-\u2013\u2014]?(?P<title>.*)$",
    re.I,
)
_THOUGHTS = re.compile(r"#[ \t]*thoughts[ \t]*(?::[ \t]*)?$", re.I)
_HEADING = re.compile(r"(?P<hashes>#{1,6})[ \t]*(?P<title>.*)$")
# A separator or an item, in one match: most lines are one of the two.
_LIST_LINE = re.compile(r"[ \t]*(?:(?P<separator>-{3,})[ \t]*$|[-*+](?:[ \t]+(?P<text>.*))?$)")
_BOX = re.compile(r"\[(?P<mark>[ xX])\][ \t]*")

MAX_WEEK = 999


def decode_notes(raw: bytes) -> tuple[str, list[Diagnostic]]:
    """Bytes of a notes file to text: UTF-8 (BOM dropped), else cp1252 with a diagnostic."""
    # Notepad's "Unicode" is UTF-16 with a byte-order mark; read as UTF-8 it is garbage.
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), [Diagnostic(0, "the file is UTF-16; read as such")]
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        text = sloppy_cp1252(raw)
        if text.startswith("\ufeff"):
            text = text[1:]
        return text, [Diagnostic(line, "bytes that are not UTF-8; the file was read as cp1252")]


def split_check_mark(text: str) -> tuple[str, bool]:
    """Cut a trailing check mark (in any form, mojibake included); say if there was one.

    The text comes back with any other mojibake repaired too.
    """
    # The known forms, garbled ones included, are cut before any repair: ftfy is slow
    # per call, and the body left is then plain text that needs none.
    body = text.rstrip()
    # Most lines end in a letter or a digit: one set lookup rules them out.
    ticked = body[-1:] in _MARKS_BY_LAST and body.endswith(_MARK_FORMS)
    if ticked:
        body = _cut_mark(body)
    if not body.isascii() and _MOJIBAKE_HINT.search(body):
        body = _fix_encoding(body)
        if not ticked and body.endswith(_MARK_FORMS):
            return _cut_mark(body), True
    return body, ticked


def _cut_mark(text: str) -> str:
    for form in _MARKS_BY_LAST[text[-1]]:
        if text.endswith(form):
            return text[: -len(form)].rstrip()
    return text


def parse_duration(text: str) -> tuple[str, int | None, str]:
    """Split ``title (4:40)`` into title, seconds (None if unknown) and what the parens held."""
    # The last "(" to the closing ")" at the end, if no parenthesis lies between them.
    start = text.rfind("(") if text.endswith(")") else -1
    if start < 0 or ")" in text[start:-1]:
        return text, None, ""
    inside = text[start + 1 : -1].strip()
    title = text[:start].rstrip()
    seconds = clock_seconds(inside)
    if seconds is None:
        if inside in ("", "?"):
            return title, None, inside
        # A parenthesis that is not a duration belongs to the title.
        return text, None, ""
    return title, seconds, inside


def clock_seconds(text: str) -> int | None:
    """``4:40``, ``16.57`` or ``1:02:03`` in seconds; None if the text is no such clock."""
    # By hand rather than a regex: this runs for every video of a big file.
    parts = text.replace(".", ":").split(":")
    if not 2 <= len(parts) <= 3 or not all(part.isdecimal() for part in parts):
        return None
    *hours, minutes, seconds = parts
    if len(seconds) != 2 or len(minutes) > 2:
        return None
    return (int(hours[0]) * 3600 if hours else 0) + int(minutes) * 60 + int(seconds)


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


def heading_title(text: str) -> str:
    """A heading's text without blanks around it or a closing ``##`` run (``C#`` stays)."""
    title = text.strip(" \t")
    bare = title.rstrip("#")
    if bare != title and bare.endswith((" ", "\t")):
        return bare.rstrip(" \t")
    return title


def section_kind(title: str) -> SectionKind:
    """The kind of a ``##`` heading, matched case-insensitively without a trailing colon."""
    key = " ".join(title.lower().rstrip(":").split())
    return KNOWN_SECTIONS.get(key, SectionKind.OTHER)


class _Reader:
    """Walks the lines once, keeping where it is (week, section, thoughts)."""

    def __init__(self) -> None:
        self.course = Course()
        self.week: Week | None = None
        self.section: Section | None = None
        self.in_thoughts = False
        self.weeks: dict[int, Week] = {}
        self.seen_heading = False

    def info(self, line: int, message: str) -> None:
        self.course.diagnostics.append(Diagnostic(line, message))

    def links(self, line: int, text: str) -> None:
        # Pages show such links as text (render uses the same tokeniser): say so, and where.
        for scheme in refused_links(text):
            shown = scheme if len(scheme) <= 20 else scheme[:20] + "..."
            self.info(
                line,
                f"a link to a '{shown}:' address is shown as text; "
                "links go to http, https, mailto or relative addresses only",
            )

    def note(self, line: int, text: str) -> None:
        if "](" in text:
            self.links(line, text)
        self.current_section(line).entries.append(Note(text, line))

    def open_section(self, title: str, line: int) -> Section:
        if "](" in title:
            self.links(line, title)
        section = Section(title=title, kind=section_kind(title), line=line)
        if self.week is None:
            if not self.course.general:
                self.info(line, "section before the first week; shown on the General page")
            self.course.general.append(section)
        else:
            self.week.sections.append(section)
        self.section = section
        return section

    def current_section(self, line: int) -> Section:
        # Items or stray lines with no ## heading above them get a section of their own.
        return self.section or self.open_section("", line)

    def read(self, number: int, line: str) -> None:
        if self.in_thoughts:
            if line.startswith("#") and self.heading(number, line):
                return
            if "](" in line:
                self.links(number, line)
            self.course.thoughts.append(SourceLine(number, "" if line.isspace() else line))
            return
        # Items first: they are most of the lines, and no item is blank or a heading.
        listed = _LIST_LINE.match(line)
        if listed:
            separator, text = listed.group("separator", "text")
            if separator is None:
                self.item(number, text or "")
            return
        if not line or line.isspace():
            return
        if line.startswith("#") and self.heading(number, line):
            return
        self.info(number, "line fits no rule of the notes format; shown as written")
        self.note(number, repair(line.strip()))

    def heading(self, number: int, line: str) -> bool:
        first, self.seen_heading = not self.seen_heading, True
        week = _WEEK.match(line)
        if week and week["number"] is not None:
            digits = week["number"]
            # A very long number is not a week (and int() refuses over 4300 digits).
            week_number = int(digits) if len(digits) <= 6 else MAX_WEEK + 1
            if week_number <= MAX_WEEK:
                self.start_week(number, week_number, heading_title(week["title"]))
                return True
            if self.in_thoughts:
                return False
            # A typo or a date rather than a week: kept where it stands, like any odd line.
            shown = digits if len(digits) <= 12 else digits[:12] + "..."
            self.info(number, f"week {shown} is above {MAX_WEEK}; shown as written")
            self.note(number, repair(line.strip()))
            return True
        if _THOUGHTS.match(line):
            self.in_thoughts = True
            self.week = self.section = None
            if self.course.thoughts_line:
                self.info(number, "a second # Thoughts heading; its lines join the first")
                self.course.thoughts_joined_at.append(number)
            else:
                self.course.thoughts_line = number
            return True
        if self.in_thoughts:
            return False
        heading = _HEADING.match(line)
        title = heading_title(heading["title"]) if heading else ""
        if first and title and not week and heading and len(heading["hashes"]) == 1:
            # The course's name; the line stays a note on the General page all the same.
            self.course.title = repair(title)
        if heading and len(heading["hashes"]) == 2 and title:
            self.open_section(repair(title), number)
            return True
        if week:
            self.info(number, "week heading without a number; shown as written")
            self.note(number, repair(line.strip()))
            return True
        return False

    def start_week(self, number: int, week_number: int, title: str) -> None:
        self.in_thoughts = False
        self.section = None
        title = repair(title)
        if "](" in title:
            self.links(number, title)
        existing = self.weeks.get(week_number)
        if existing:
            self.info(
                number,
                f"week {week_number} appears again (first at line {existing.line}); "
                "its sections join the first",
            )
            self.week = existing
            existing.joined_at.append(number)
            # A second title is kept too: nothing the student wrote is dropped.
            if title and title != existing.title:
                existing.title = f"{existing.title} / {title}" if existing.title else title
            return
        self.week = Week(number=week_number, line=number, title=title)
        self.weeks[week_number] = self.week
        self.course.weeks.append(self.week)

    def item(self, number: int, text: str) -> None:
        # The hot path of a big file: kept to few calls on purpose.
        section = self.section or self.open_section("", number)
        body, ticked = split_check_mark(text)
        box = _BOX.match(body) if body.startswith("[") else None
        if box:
            ticked = ticked or box["mark"] in "xX"
            body = body[box.end() :]
        if not body or body == "()":
            section.placeholder_lines.append(number)
            return
        if "](" in body:
            self.links(number, body)
        kind = section.kind
        if kind is SectionKind.VIDEOS:
            title, seconds, written = parse_duration(body)
            section.entries.append(Video(title or body, ticked, number, seconds, written))
        elif kind is SectionKind.READINGS:
            section.entries.append(Reading(body, ticked, number))
        else:
            section.entries.append(Item(body, ticked, number))


def _read_lines(reader: _Reader, text: str) -> None:
    # Split on \n, \r\n and \r only, as editors number lines (str.splitlines also
    # breaks at form feeds and Unicode separators, which would shift every number).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    read = reader.read
    for number, line in enumerate(text.split("\n"), start=1):
        read(number, line)


def parse(text: str) -> Course:
    """Read notes text into a course; odd lines are kept and noted in ``diagnostics``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = _Reader()
    # Parsing makes no garbage cycles, so the cyclic collector finds nothing; left on, it
    # walks the growing model again and again: 15-20% of a big file's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _read_lines(reader, text)
    finally:
        if collecting:
            gc.enable()
    course = reader.course
    course.weeks.sort(key=lambda week: week.number)
    if not course.weeks:
        what = "the file is empty" if not text.strip() else "no '# week N' heading"
        reader.info(0, f"{what}, so the site has no week pages")
    return course
