"""Notes text to the course model: pure, never raises, keeps line numbers."""

from __future__ import annotations

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
from .dates import FIRST_YEAR, LAST_YEAR, heading_date, read_due, year_refused
from .decode import repair
from .durations import parse_duration
from .kinds import SectionKinds
from .marks import _read_marks

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


MAX_WEEK = 999


_VIDEOS, _READINGS = SectionKind.VIDEOS, SectionKind.READINGS


# Tabs indent to the next multiple of four columns, as in Markdown.
TAB_SIZE = 4


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
                    existing.date_label = label
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
            title, seconds = parse_duration(body)
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
    # Built per call (40 words, a few microseconds): no table kept between files.
    kinds = SectionKinds(sections)
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
