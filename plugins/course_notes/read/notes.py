"""Notes text to the course model: pure, never raises, keeps line numbers."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Mapping

from ..model import (
    Course,
    Diagnostic,
    Group,
    Item,
    Note,
    Reading,
    Section,
    SectionKind,
    SourceLine,
    Subheading,
    Video,
    Week,
)
from ..model.inline import refused_links
from .dates import DAYS_IN_MONTH as _DAYS_IN_MONTH
from .dates import FIRST_YEAR, LAST_YEAR, heading_date, read_due, year_refused
from .dates import MONTHS as _MONTHS

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

_MARK_FIRSTS = frozenset(form[0] for form in _MARK_FORMS)
# The last character of every mark and box: a line with none of them has no mark inside.
_MARK_END = re.compile("[" + re.escape("".join(_MARKS_BY_LAST)) + r"\]]")
# Where a note after a mark may start: a parenthesis that closes the text, or a dash.
_NOTE_START = re.compile(r"\(|[\u2013\u2014]|-(?=[ \t]|$)")
_BOX = re.compile(r"\[(?P<mark>[ xX])\][ \t]*")
_BOX_ENDS = ("[ ", "[x", "[X")
_BLANKS = (" ", "\t")

S = SectionKind
# The words that give a section its kind, matched case-insensitively as whole words in
# the heading (punctuation ignored):
#
#   slides      slides, slide, lecture slides, lectures
#   attendance  attendance, attended, tutorials attended
#   exercises   exercises, exercise, homework, problem sets, problem set, labs, lab,
#               tutorials, tutorial, assignments, assignment, quizzes, quiz
#   videos      videos, video, video recordings, recordings, recording,
#               lecture recordings, watch
#   readings    readings, reading, papers, paper, textbook, textbooks
#
# Where a heading names several kinds: a keyword that is the whole heading decides; else an
# attendance word anywhere decides (``lecture attendance, videos and notes`` and
# ``tutorials attended`` are about attending); else the keyword that comes first in the
# heading, the longest at the same place (``lecture recordings`` is videos, ``video
# recordings & notes`` videos, ``homework and readings`` exercises). ``lecture`` alone is
# no keyword, so ``lecture videos`` is videos. Headings with none of them are kind other.
# ``parse(text, sections=...)`` adds words or gives existing ones another kind.
SECTION_KEYWORDS: dict[str, SectionKind] = {
    "slides": S.SLIDES,
    "slide": S.SLIDES,
    "lecture slides": S.SLIDES,
    "lectures": S.SLIDES,
    "attendance": S.ATTENDANCE,
    "attended": S.ATTENDANCE,
    "tutorials attended": S.ATTENDANCE,
    "exercises": S.EXERCISES,
    "exercise": S.EXERCISES,
    "homework": S.EXERCISES,
    "problem sets": S.EXERCISES,
    "problem set": S.EXERCISES,
    "labs": S.EXERCISES,
    "lab": S.EXERCISES,
    "tutorials": S.EXERCISES,
    "tutorial": S.EXERCISES,
    "assignments": S.EXERCISES,
    "assignment": S.EXERCISES,
    "quizzes": S.EXERCISES,
    "quiz": S.EXERCISES,
    "videos": S.VIDEOS,
    "video": S.VIDEOS,
    "video recordings": S.VIDEOS,
    "recordings": S.VIDEOS,
    "recording": S.VIDEOS,
    "lecture recordings": S.VIDEOS,
    "watch": S.VIDEOS,
    "readings": S.READINGS,
    "reading": S.READINGS,
    "papers": S.READINGS,
    "paper": S.READINGS,
    "textbook": S.READINGS,
    "textbooks": S.READINGS,
}
del S

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


class SectionKinds:
    """Section headings to kinds, by the keywords of ``SECTION_KEYWORDS`` and any extra."""

    def __init__(self, extra: Mapping[str, SectionKind] | None = None) -> None:
        table: dict[tuple[str, ...], SectionKind] = {}
        for words, kind in (*SECTION_KEYWORDS.items(), *(extra or {}).items()):
            if _words(words):
                table[_words(words)] = kind
        self.whole = table
        # Longest first at each first word, so "lecture recordings" beats "lecture...".
        self.by_first: dict[str, list[tuple[tuple[str, ...], SectionKind]]] = {}
        for words, kind in sorted(table.items(), key=lambda pair: -len(pair[0])):
            self.by_first.setdefault(words[0], []).append((words, kind))
        self.known: dict[str, SectionKind] = {}

    def kind(self, title: str) -> SectionKind:
        """The kind of a section heading's text; ``SectionKind.OTHER`` when no keyword is in it."""
        known = self.known.get(title)
        if known is None:
            known = self.known[title] = self._kind(_words(title))
        return known

    def _kind(self, words: tuple[str, ...]) -> SectionKind:
        whole = self.whole.get(words)
        if whole is not None:
            return whole
        first: SectionKind | None = None
        for start, word in enumerate(words):
            for keyword, kind in self.by_first.get(word, ()):
                if words[start : start + len(keyword)] == keyword:
                    if kind is SectionKind.ATTENDANCE:
                        return kind
                    first = first or kind
                    break
        return first or SectionKind.OTHER


_DEFAULT_KINDS = SectionKinds()

# A heading that starts a week: "Week 3", "Wk 3", "W3", "Weeks 3-4", any case. The number
# ends at a non-word character, so "W12A" or "week 3rd" is no week.
_WEEK_START = r"(?P<word>weeks?|wks?\.?|w)[ \t]*(?P<number>\d+)(?!\w)"
_WEEK = re.compile(_WEEK_START, re.I)
# The first week heading in the file: its level is the level of every week heading.
_FIRST_WEEK = re.compile(rf"^(?P<hashes>#{{1,6}})[ \t]*{_WEEK_START}", re.I | re.M)
_WEEK_WORD = re.compile(r"weeks?\b", re.I)
# After the number: "-4", "–4" or "/4" make a range (with blanks around only after "Weeks").
_RANGE = re.compile(r"(?P<before>[ \t]*)[-\u2013\u2014/](?P<after>[ \t]*)(?P<last>\d{1,6})(?!\w)")
_DATE_LABEL = re.compile(r"[ \t]*\((?P<label>[^()]*)\)")
# One separator between the number and the title; a dot only before a blank (".NET").
_SEPARATOR = re.compile(r"[ \t]*(?:[:\-\u2013\u2014]|\.(?=[ \t]|$))?[ \t]*")
_THOUGHTS = re.compile(r"thoughts[ \t]*(?::[ \t]*)?$", re.I)
# A separator or an item, in one match: most lines are one of the two.
_LIST_LINE = re.compile(
    r"(?P<indent>[ \t]*)(?:(?P<separator>-{3,})[ \t]*$"
    r"|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[(?P<box>[ xX])\][ \t]*)?|(?=$))"
    r"(?P<text>.*)$)"
)
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
_MONTH_DAY = re.compile(
    r"(?:(?P<month>[a-z]+)\.?[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?P<month2>[a-z]+)\.?"
    r"|\d{4}-(?P<month3>\d{2})-(?P<day3>\d{2}))$",
    re.I,
)

MAX_WEEK = 999
_VIDEOS, _READINGS = SectionKind.VIDEOS, SectionKind.READINGS
# Tabs indent to the next multiple of four columns, as in Markdown.
TAB_SIZE = 4


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
        # The UTF-8 byte-order mark is dropped as bytes: read as cp1252 it would be "ï»¿"
        # and the first heading would be lost.
        text = sloppy_cp1252(raw.removeprefix(codecs.BOM_UTF8))
        return text, [Diagnostic(line, "bytes that are not UTF-8; the file was read as cp1252")]


def read_marks(text: str) -> tuple[str, bool | None]:
    """Cut an item's check marks and boxes: (the rest, True done / False ``[ ]`` / None).

    A tick (in any form, mojibake included) or a box counts at the start of the text, at
    its end, or at the end before a trailing note in parentheses or after a dash
    (``lab 1 ✓ — took ages``). Any tick or ``[x]`` means done. The text comes back with
    other mojibake repaired too.
    """
    body = text.strip(" \t")
    box = _BOX.match(body) if body[:1] == "[" else None
    if box:
        return _read_marks(body[box.end() :], box["mark"])
    return _read_marks(body, None)


def _read_marks(body: str, box: str | None) -> tuple[str, bool | None]:
    # The hot path of a big file: the common cases first, each ruled out in a step or two.
    # The body has no blank in front; the box in front, if any, was cut already.
    # Every blank, a no-break space too: one after "✓ (scored 8/10)" hid the tick.
    body = body.rstrip()
    state = None if box is None else box != " "
    if body[:1] in _MARK_FIRSTS:
        for form in _MARK_FORMS:
            if body.startswith(form):
                state = True
                body = body[len(form) :].lstrip(" \t")
                break
    end = None
    last = body[-1:]
    forms = _MARKS_BY_LAST.get(last)
    if forms:
        for form in forms:
            if body.endswith(form):
                body, end = body[: -len(form)].rstrip(), True
                break
    elif last == "]":
        body, end = _end_mark(body)
    if not body.isascii():
        # Known forms, garbled ones included, are cut before any repair: ftfy is slow per
        # call, and the body left is then plain text that needs none.
        if _MOJIBAKE_HINT.search(body):
            body = _fix_encoding(body)
            if end is None:
                body, end = _end_mark(body)
        # A note after a mark ends the text with ")" or follows a dash: looked for first,
        # as four "in" cost less than one scan with a character class (about 70
        # instructions a character, measured with callgrind).
        if (
            end is None
            and (last == ")" or "-" in body or "\u2013" in body or "\u2014" in body)
            and _MARK_END.search(body)
        ):
            body, end = _middle_mark(body)
    elif end is None and "]" in body:
        # Only a box can stand in an ASCII line: every tick is outside ASCII.
        body, end = _middle_mark(body)
    if end is not None:
        state = end or bool(state)
    return body, state


def _end_mark(body: str) -> tuple[str, bool | None]:
    """A mark at the very end of the text: (the text before it, its state), else (text, None)."""
    last = body[-1:]
    if last in _MARKS_BY_LAST:
        for form in _MARKS_BY_LAST[last]:
            if body.endswith(form):
                return body[: -len(form)].rstrip(), True
    elif last == "]" and body[-3:-1] in _BOX_ENDS and body[-4:-3] in ("", *_BLANKS):
        return body[:-3].rstrip(), body[-2] != " "
    elif last.isspace():
        # A blank other than space or tab after the mark (U+00A0, say).
        return _end_mark(body.rstrip())
    return body, None


def _middle_mark(body: str) -> tuple[str, bool | None]:
    """A mark just before a trailing note: the text without it, and its state."""
    # From the last possible start of a note backwards; a mark elsewhere is the item's text.
    # Nothing is sliced or scanned to the end per candidate: a line of thousands of "("
    # or dashes stays linear.
    closed = body.endswith(")")
    for found in reversed(list(_NOTE_START.finditer(body))):
        start = end = found.start()
        if body[start] == "(" and not closed:
            continue
        while end and body[end - 1] in " \t":
            end -= 1
        last = body[end - 1 : end]
        forms = _MARKS_BY_LAST.get(last)
        if forms:
            for form in forms:
                if body.endswith(form, 0, end):
                    before = body[: end - len(form)].rstrip()
                    if before:
                        return f"{before} {body[start:]}", True
        elif last == "]" and body[end - 3 : end - 1] in _BOX_ENDS:
            if body[end - 4 : end - 3] in _BLANKS:
                return f"{body[: end - 3].rstrip()} {body[start:]}", body[end - 2] != " "
    return body, None


def _cut(text: str, start: int, end: int) -> str:
    """The text without text[start:end], the blanks around it made one."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return f"{before} {after}" if before and after else before or after


def split_check_mark(text: str) -> tuple[str, bool]:
    """An item's text without its check marks, and whether they say it is done."""
    body, state = read_marks(text)
    return body, state is True


def parse_duration(text: str) -> tuple[str, int | None, str]:
    """Split a video's text into title, seconds (None if unknown) and the duration as written.

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
                return text[:start].rstrip(), seconds, inside
            if (inside == "" or inside == "?") and "(" not in text[:start] and "[" not in text:
                return text[:start].rstrip(), None, inside
    elif "(" not in text and "[" not in text:
        return text, None, ""
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
        return text, None, ""
    written = (chosen["paren"] if chosen["paren"] is not None else chosen["bracket"]).strip()
    return _cut(text, chosen.start(), chosen.end()), seconds, written


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


def month_day(label: str) -> tuple[int, int] | None:
    """``Mar 10``, ``10 March``, ``Sep 2nd`` or ``2025-03-10`` as (month, day); else None."""
    found = _MONTH_DAY.match(label.strip())
    if found is None:
        return None
    if found["month3"]:
        month, day = int(found["month3"]), int(found["day3"])
    else:
        name = (found["month"] or found["month2"]).lower()
        month, day = _MONTHS.get(name, 0), int(found["day"] or found["day2"])
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return None
    return month, day


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


def _shown(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _width(indent: str) -> int:
    return len(indent.expandtabs(TAB_SIZE)) if "\t" in indent else len(indent)


class _Reader:
    """Walks the lines once, keeping where it is (week, section, open list, thoughts)."""

    def __init__(self, lines: list[str], week_level: int, kinds: SectionKinds) -> None:
        self.course = Course()
        self.week_level = week_level
        self.section_level = week_level + 1
        self.kinds = kinds
        self.week: Week | None = None
        self.section: Section | None = None
        self.in_thoughts = False
        self.seen_week = False
        self.intro_open = False
        self.weeks: dict[int, Week] = {}
        # The list items still open in the section, outermost first, each as [indent
        # width, index in the entries, has a ticked or boxed line under it, the indexes
        # of the items right under it].
        self.open_items: list[list] = []
        # Most lists are flat: while the last entry is an item with nothing under it and
        # no other item is open, it has no record, only its indent width here (else -1).
        self.leaf_width = -1
        self.lines = lines

    def info(self, line: int, message: str) -> None:
        self.course.diagnostics.append(Diagnostic(line, message))

    def open_section(self, title: str, line: int, level: int = 0) -> Section:
        self.close_items()
        self.intro_open = False
        kind = self.kinds.kind(title) if title else SectionKind.OTHER
        section = Section(title=title, kind=kind, line=line, level=level or self.section_level)
        if self.week is None:
            if not self.course.general:
                self.info(line, "section before the first week; shown on the General page")
            self.course.general.append(section)
        else:
            self.week.sections.append(section)
        if title and kind is SectionKind.OTHER:
            self.info(
                line,
                f"heading `{'#' * level} {_shown(title)}` matched no section kind; "
                "add it under `sections:`",
            )
        self.section = section
        return section

    def current_section(self, line: int) -> Section:
        # Items or stray lines with no section heading above them get a section of their own.
        return self.section or self.open_section("", line)

    def read_thoughts(self, numbered: Iterator[tuple[int, str]]) -> None:
        """Take the lines of the Thoughts as they are, up to a heading that ends them."""
        # A loop of its own: a tenth of a big file, read with no test for items.
        thoughts = self.course.thoughts
        for number, line in numbered:
            if line[:1] == "#" and self.heading(number, line):
                if not self.in_thoughts:
                    return
                continue
            thoughts.append(SourceLine(number, "" if line.isspace() else line))

    def other(self, number: int, line: str) -> None:
        """A line that is no list item: blank, heading or note."""
        if not line or line.isspace():
            return
        if line.startswith("#") and self.heading(number, line):
            return
        self.note(number, line)

    def note(self, number: int, line: str) -> None:
        """A line of text: the course's intro, a note in its section or on the item above."""
        text = repair(line.strip())
        if self.intro_open:
            self.course.intro.append(Note(text, number))
            return
        section = self.current_section(number)
        depth = self.nest(_width(line[: len(line) - len(line.lstrip(" \t"))]))
        section.entries.append(Note(text, number, depth))

    def nest(self, width: int) -> int:
        """Close the open items at ``width`` or deeper; the depth of a line there."""
        if self.leaf_width >= 0:
            if width > self.leaf_width:
                # A line under the last item: the item is open, and needs its record now.
                index = len(self.section.entries) - 1  # type: ignore[union-attr]
                self.open_items.append([self.leaf_width, index, False, []])
            self.leaf_width = -1
        open_items = self.open_items
        while open_items and open_items[-1][0] >= width:
            self.close_item(*open_items.pop())
        return len(open_items)

    def close_item(self, width: int, index: int, has_tasks: bool, children: list[int]) -> None:
        """Decide what a finished list item is, now that the lines under it are known."""
        entries = self.section.entries  # type: ignore[union-attr]
        if index == len(entries) - 1:
            return
        entry = entries[index]
        if has_tasks:
            # A ticked or boxed line under it: the nested lines are the tasks, it their group.
            entries[index] = Group(self.item_text(entry.line), entry.line, entry.depth)
            if self.open_items:
                self.open_items[-1][2] = True
            return
        # Nothing under it is ticked or boxed: the nested lines are notes on it. Only the
        # items right under it are left to turn: those deeper turned when their own item
        # closed (had any of them had tasks, this item would have too).
        for position in children:
            entry = entries[position]
            entries[position] = Note(self.item_text(entry.line), entry.line, entry.depth)

    def item_text(self, number: int) -> str:
        """An item line's text as written, less its marks (a video's duration kept)."""
        # Read again from the line, rare enough: kept for every item, it slowed them all.
        listed = _LIST_LINE.match(self.lines[number - 1])
        return _read_marks(listed["text"], listed["box"])[0]  # type: ignore[index]

    def close_items(self) -> None:
        self.leaf_width = -1
        while self.open_items:
            self.close_item(*self.open_items.pop())

    def heading(self, number: int, line: str) -> bool:
        hashes = len(line) - len(line.lstrip("#"))
        title = heading_title(line[hashes:]) if hashes <= 6 else ""
        if not title:
            return False
        if hashes <= self.week_level:
            week = _WEEK.match(title)
            if week:
                return self.week_heading(number, line, title, week)
            if _THOUGHTS.match(title):
                self.start_thoughts(number)
                return True
            if self.in_thoughts:
                return False
            if _WEEK_WORD.match(title):
                self.odd_heading(number, line, "week heading without a number; shown as written")
            elif self.seen_week:
                self.odd_heading(
                    number,
                    line,
                    f"heading `{_shown(line.strip())}` is neither a week "
                    f"(`{'#' * self.week_level} Week N`) nor a section "
                    f"(`{'#' * self.section_level} Videos`); shown as written",
                )
            elif not (self.course.title or self.course.general or self.course.thoughts_line):
                # Above the first week, the first such heading names the course.
                self.course.title = repair(title)
                self.course.title_line = number
                self.intro_open = True
            else:
                self.open_section(repair(title), number, hashes)
            return True
        if self.in_thoughts:
            return False
        if hashes == self.section_level:
            self.open_section(repair(title), number, hashes)
            return True
        # Deeper still: a sub-heading within the section, shown there.
        section = self.current_section(number)
        self.close_items()
        self.intro_open = False
        section.entries.append(Subheading(repair(title), number, 0, hashes))
        return True

    def odd_heading(self, number: int, line: str, message: str) -> None:
        """A heading that cannot be placed: a note where it stands, and a diagnostic."""
        self.info(number, message)
        section = self.current_section(number)
        self.close_items()
        self.intro_open = False
        section.entries.append(Note(repair(line.strip()), number))

    def week_heading(self, number: int, line: str, title: str, week: re.Match[str]) -> bool:
        digits = week["number"]
        # A very long number is not a week (and int() refuses over 4300 digits).
        first = int(digits) if len(digits) <= 6 else MAX_WEEK + 1
        if first > MAX_WEEK:
            if self.in_thoughts:
                return False
            shown = digits if len(digits) <= 12 else digits[:12] + "..."
            self.odd_heading(number, line, f"week {shown} is above {MAX_WEEK}; shown as written")
            return True
        rest = title[week.end() :]
        last = first
        span = _RANGE.match(rest)
        if span and len(span["last"]) <= 6:
            plural = week["word"].lower().startswith(("weeks", "wks"))
            spaced = span["before"] or span["after"]
            if first < int(span["last"]) <= MAX_WEEK and (plural or not spaced):
                last = int(span["last"])
                rest = rest[span.end() :]
        label = ""
        dated = _DATE_LABEL.match(rest)
        if dated:
            label = dated["label"].strip()
            rest = rest[dated.end() :]
        rest = rest[_SEPARATOR.match(rest).end() :]  # type: ignore[union-attr]
        self.start_week(number, tuple(range(first, last + 1)), rest.strip(" \t"), label)
        return True

    def start_thoughts(self, number: int) -> None:
        self.close_items()
        self.in_thoughts = True
        self.intro_open = False
        self.week = self.section = None
        if self.course.thoughts_line:
            self.info(number, "a second # Thoughts heading; its lines join the first")
            self.course.thoughts_joined_at.append(number)
        else:
            self.course.thoughts_line = number

    def start_week(self, number: int, numbers: tuple[int, ...], title: str, label: str) -> None:
        self.close_items()
        self.in_thoughts = self.intro_open = False
        self.seen_week = True
        self.section = None
        title, label = repair(title), repair(label)
        again = next((n for n in numbers if n in self.weeks), None)
        if again is not None:
            existing = self.weeks[again]
            self.info(
                number,
                f"week {again} appears again (first at line {existing.line}); "
                "its sections join the first",
            )
            self.week = existing
            existing.joined_at.append(number)
            # A second title or date is kept too: nothing the student wrote is dropped.
            if label and label != existing.date_label:
                if existing.date_label:
                    title = f"({label}) {title}".rstrip()
                else:
                    existing.date_label, existing.month_day = label, month_day(label)
                    existing.date = heading_date(label, "")
            if title and title != existing.title:
                existing.title = f"{existing.title} / {title}" if existing.title else title
            return
        written = heading_date(label, title)
        refused = year_refused(label or title[:10])
        if written is None and refused is not None:
            self.info(
                number,
                f"the date's year {refused} is outside {FIRST_YEAR}-{LAST_YEAR}; the week "
                "is not placed in the calendar (write the term's real date)",
            )
        self.week = Week(
            number=numbers[0],
            line=number,
            title=title,
            numbers=numbers,
            date_label=label,
            month_day=month_day(label) if label else None,
            date=written,
        )
        for week_number in numbers:
            self.weeks[week_number] = self.week
        self.course.weeks.append(self.week)

    def item(
        self,
        number: int,
        indent: str,
        separator: str | None,
        box: str | None,
        text: str,
    ) -> None:
        """A list line (``-``, ``*``, ``+``, ``1.``, ``1)``), or a ``---`` separator."""
        # The hot path of a big file: kept to few calls on purpose.
        if separator is not None:
            return
        section = self.section or self.current_section(number)
        body, state = _read_marks(text, box)
        if not body or body == "()":
            section.placeholder_lines.append(number)
            return
        entries = section.entries
        width = len(indent) if "\t" not in indent else _width(indent)
        if width == self.leaf_width:
            # Most items: next to one with nothing under it, which stays as it is.
            depth = 0
        else:
            depth = self.nest(width)
            if depth:
                parent = self.open_items[-1]
                parent[2] = parent[2] or state is not None
                parent[3].append(len(entries))
                self.open_items.append([width, len(entries), False, []])
            else:
                self.leaf_width = width
        due = None
        if "ue" in body or "UE" in body:
            due, problem = read_due(body)
            if problem:
                self.info(number, problem)
        kind = section.kind
        if kind is _VIDEOS:
            title, seconds, _written = parse_duration(body)
            entries.append(Video(title, state is True, number, depth, seconds, due=due))
        elif kind is _READINGS:
            entries.append(Reading(body, state is True, number, depth, due=due))
        else:
            entries.append(Item(body, state is True, number, depth, due=due))


def _refused_links(lines: list[str], reader: _Reader) -> None:
    # Pages show a link to any other scheme than http, https, mailto or a relative address
    # as text (render uses the same tokeniser): say so, and where, whatever field it is in.
    for number, line in enumerate(lines, start=1):
        if "](" not in line:
            continue
        for scheme in refused_links(line):
            shown = scheme if len(scheme) <= 20 else scheme[:20] + "..."
            reader.info(
                number,
                f"a link to a '{shown}:' address is shown as text; "
                "links go to http, https, mailto or relative addresses only",
            )


def parse(text: str, sections: Mapping[str, SectionKind] | None = None) -> Course:
    """Read notes text into a course; odd lines are kept and noted in ``diagnostics``.

    ``sections`` maps heading words to section kinds, added to ``SECTION_KEYWORDS`` (a
    word already there gets the kind given here). Pure: no global state is touched, the
    garbage collector's included (tuning like that belongs to the adapters).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first_week = _FIRST_WEEK.search(text)
    kinds = SectionKinds(sections) if sections else _DEFAULT_KINDS
    lines = text.split("\n")
    reader = _Reader(lines, len(first_week["hashes"]) if first_week else 1, kinds)
    list_line, item, other = _LIST_LINE.match, reader.item, reader.other
    numbered = enumerate(lines, start=1)
    for number, line in numbered:
        # Items first: they are most of the lines, and no item is blank or a heading.
        listed = list_line(line)
        if listed is not None:
            item(number, *listed.groups())
            continue
        other(number, line)
        if reader.in_thoughts:
            reader.read_thoughts(numbered)
    reader.close_items()
    course = reader.course
    _refused_links(lines, reader)
    course.weeks.sort(key=lambda week: week.number)
    if not course.weeks:
        what = "the file is empty" if not text.strip() else "no '# week N' heading"
        reader.info(0, f"{what}, so the site has no week pages")
    return course
