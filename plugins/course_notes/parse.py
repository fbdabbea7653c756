"""Notes text to the course model: pure, never raises, keeps line numbers."""

from __future__ import annotations

import re

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec used below)

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


def _mojibake(mark: str) -> set[str]:
    """The forms a mark takes when its UTF-8 bytes are read back as cp1252 or Latin-1."""
    raw = mark.encode("utf-8")
    return {raw.decode("sloppy-windows-1252"), raw.decode("latin-1")}


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

KNOWN_SECTIONS: dict[str, SectionKind] = {
    "lecture slides": SectionKind.SLIDES,
    "lecture attendance, videos and notes": SectionKind.ATTENDANCE,
    "exercises": SectionKind.EXERCISES,
    "video recordings & notes": SectionKind.VIDEOS,
    "readings": SectionKind.READINGS,
}

_WEEK = re.compile(
    r"#[ \t]*week\b[ \t]*(?P<number>\d+)?\b[ \t]*[:\-\u2013\u2014]?[ \t]*(?P<title>.*?)[ \t]*$",
    re.I,
)
_THOUGHTS = re.compile(r"#[ \t]*thoughts[ \t]*:?[ \t]*$", re.I)
_HEADING = re.compile(r"(?P<hashes>#{1,6})[ \t]*(?P<title>.*?)[ \t#]*$")
_SEPARATOR = re.compile(r"[ \t]*-{3,}[ \t]*$")
_ITEM = re.compile(r"[ \t]*[-*+](?:[ \t]+(?P<text>.*))?$")
_BOX = re.compile(r"\[(?P<mark>[ xX])\][ \t]*")
_DURATION = re.compile(r"\((?P<inside>[^()]*)\)$")
_CLOCK = re.compile(r"(?:(?P<h>\d+)[:.])?(?P<m>\d{1,2})[:.](?P<s>\d{2})")

MAX_WEEK = 999


def decode_notes(raw: bytes) -> tuple[str, list[Diagnostic]]:
    """Bytes of a notes file to text: UTF-8 (BOM dropped), else cp1252 with a diagnostic."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        text = raw.decode("sloppy-windows-1252")
        if text.startswith("\ufeff"):
            text = text[1:]
        return text, [Diagnostic(line, "bytes that are not UTF-8; the file was read as cp1252")]


def split_check_mark(text: str) -> tuple[str, bool]:
    """Cut a trailing check mark (in any form, mojibake included); say if there was one."""
    stripped = text.rstrip()
    for form in _MARK_FORMS:
        if stripped.endswith(form):
            return stripped[: -len(form)].rstrip(), True
    if not stripped.isascii():
        repaired = ftfy.fix_text(stripped)
        if repaired != stripped:
            for form in _MARK_FORMS:
                if repaired.endswith(form):
                    return repaired[: -len(form)].rstrip(), True
    return stripped, False


def parse_duration(text: str) -> tuple[str, int | None, str]:
    """Split ``title (4:40)`` into title, seconds (None if unknown) and what the parens held."""
    match = _DURATION.search(text)
    if not match:
        return text, None, ""
    inside = match["inside"].strip()
    title = text[: match.start()].rstrip()
    clock = _CLOCK.fullmatch(inside)
    if not clock:
        if inside in ("", "?"):
            return title, None, inside
        # A parenthesis that is not a duration belongs to the title.
        return text, None, ""
    hours = int(clock["h"] or 0)
    return title, hours * 3600 + int(clock["m"]) * 60 + int(clock["s"]), inside


def _repair(text: str) -> str:
    # Only non-ASCII text can be mojibake; skipping the rest keeps parsing fast.
    return text if text.isascii() else ftfy.fix_text(text)


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

    def info(self, line: int, message: str) -> None:
        self.course.diagnostics.append(Diagnostic(line, message))

    def open_section(self, title: str, line: int) -> Section:
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
        if not line.strip():
            if self.in_thoughts:
                self.course.thoughts.append(SourceLine(number, ""))
            return
        if line.startswith("#") and self.heading(number, line):
            return
        if self.in_thoughts:
            self.course.thoughts.append(SourceLine(number, line))
            return
        if _SEPARATOR.match(line):
            return
        item = _ITEM.match(line)
        if item:
            self.item(number, item["text"] or "")
            return
        self.info(number, "line fits no rule of the notes format; shown as written")
        self.current_section(number).entries.append(Note(_repair(line.strip()), number))

    def heading(self, number: int, line: str) -> bool:
        week = _WEEK.match(line)
        if week and week["number"] is not None:
            digits = week["number"]
            # A very long number is not a week (and int() refuses over 4300 digits).
            week_number = int(digits) if len(digits) <= 6 else MAX_WEEK + 1
            self.start_week(number, week_number, (week["title"] or "").strip(), line)
            return True
        if _THOUGHTS.match(line):
            self.in_thoughts = True
            self.week = self.section = None
            if self.course.thoughts_line:
                self.info(number, "a second # Thoughts heading; its lines join the first")
            else:
                self.course.thoughts_line = number
            return True
        if self.in_thoughts:
            return False
        heading = _HEADING.match(line)
        if heading and len(heading["hashes"]) == 2 and heading["title"]:
            self.open_section(_repair(heading["title"]), number)
            return True
        if week:
            self.info(number, "week heading without a number; shown as written")
            self.current_section(number).entries.append(Note(_repair(line.strip()), number))
            return True
        return False

    def start_week(self, number: int, week_number: int, title: str, line: str) -> None:
        self.in_thoughts = False
        self.section = None
        if week_number > MAX_WEEK:
            self.info(number, f"week {week_number} is above {MAX_WEEK}; shown as written")
            self.week = None
            self.current_section(number).entries.append(Note(line, number))
            return
        existing = self.course.week(week_number)
        if existing:
            self.info(
                number,
                f"week {week_number} appears again (first at line {existing.line}); "
                "its sections join the first",
            )
            self.week = existing
            if title and not existing.title:
                existing.title = _repair(title)
            return
        self.week = Week(number=week_number, line=number, title=_repair(title))
        self.course.weeks.append(self.week)

    def item(self, number: int, text: str) -> None:
        section = self.current_section(number)
        body, ticked = split_check_mark(text)
        box = _BOX.match(body)
        if box:
            ticked = ticked or box["mark"] in "xX"
            body = body[box.end() :]
        body = _repair(body)
        if not body or body == "()":
            section.placeholders += 1
            return
        if section.kind is SectionKind.VIDEOS:
            title, seconds, written = parse_duration(body)
            section.entries.append(Video(title or body, ticked, number, seconds, written))
        elif section.kind is SectionKind.READINGS:
            section.entries.append(Reading(body, ticked, number))
        else:
            section.entries.append(Item(body, ticked, number))


def parse(text: str) -> Course:
    """Read notes text into a course; odd lines are kept and noted in ``diagnostics``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = _Reader()
    # Split on \n, \r\n and \r only, as editors number lines (str.splitlines also
    # breaks at form feeds and Unicode separators, which would shift every number).
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        reader.read(number, line)
    course = reader.course
    course.weeks.sort(key=lambda week: week.number)
    return course
