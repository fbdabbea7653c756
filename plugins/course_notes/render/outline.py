"""How a notes file was read, without a site: an outline for a person, a record for tools."""

from __future__ import annotations

import json
from typing import Any

from ..model import (
    Cancelled,
    Course,
    Diagnostic,
    Group,
    Item,
    Note,
    Progress,
    QuestionList,
    Section,
    Subheading,
    Verbatim,
    Video,
    VideoTime,
    paths,
)
from ..model.text import format_clock, format_duration, printable_json
from ..model.text import printable as text_printable

NO_HEADING = "(no heading)"


def printable(text: str) -> str:
    """Notes text safe to print on one line: controls written as ``\\x1b``, tabs as spaces."""
    return text_printable(text.replace("\t", " "))


def as_json(data: Any) -> str:
    """JSON text, non-ASCII letters as they are, no control character raw (safe to print)."""
    return printable_json(json.dumps(data, indent=2, ensure_ascii=False))


def _section_record(section: Section) -> dict[str, Any]:
    progress = section.progress
    return {
        "title": section.title,
        "kind": section.kind.name.lower(),
        "done": progress.done,
        "total": progress.total,
    }


def _diagnostic_record(diagnostic: Diagnostic) -> dict[str, Any]:
    return {"line": diagnostic.line, "message": diagnostic.message}


def record(course: Course) -> dict[str, Any]:
    """The course as read, for tools: the JSON contract of ``course-notes check``.

    ``done`` and ``total`` count every task, the General page's included; video seconds
    are the weeks' (as the site's totals). Titles and date labels are as written, ``""``
    when absent.
    """
    progress = course.progress
    time = course.video_time
    weeks = []
    for week in course.weeks:
        week_progress = week.progress
        week_time = week.video_time
        weeks.append(
            {
                "word": week.word,
                "numbers": list(week.numbers),
                "title": week.title,
                "date_label": week.date_label,
                "page": paths.url(paths.week_page(week)),
                "done": week_progress.done,
                "total": week_progress.total,
                "video_seconds": {
                    "known": week_time.total,
                    "watched": week_time.watched,
                    "partly_watched": week_time.partly,
                },
                "due": sum(1 for item in week.items if item.due is not None),
                "sections": [_section_record(section) for section in week.sections],
            }
        )
    return {
        "title": course.title,
        "unit_word": course.unit_word,
        "read_as": list(course.how),
        "done": progress.done,
        "total": progress.total,
        "video_seconds": {
            "known": time.total,
            "watched": time.watched,
            "partly_watched": time.partly,
            "unknown_videos": time.unknown,
        },
        "weeks": weeks,
        "diagnostics": [_diagnostic_record(diagnostic) for diagnostic in course.diagnostics],
    }


class _Outline:
    """Lines of the outline, each with the notes line it stands for in a left column."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int, str]] = []

    def add(self, line: int, depth: int, text: str) -> None:
        self.rows.append((line, depth, text))

    def gap(self) -> None:
        """A blank line between parts (none before the first)."""
        if self.rows:
            self.add(0, 0, "")

    def text(self) -> str:
        width = max((len(str(line)) for line, _, _ in self.rows), default=1)
        out = []
        for line, depth, text in self.rows:
            number = str(line) if line else ""
            out.append(f"{number:>{width}}  {'  ' * depth}{text}".rstrip())
        return "\n".join(out)


def _entry_text(entry: Item | Note) -> str:
    text = printable(entry.text)
    if isinstance(entry, Item):
        box = "[x]" if entry.done else "[/]" if entry.started else "[ ]"
        if isinstance(entry, Video):
            length = "duration unknown" if entry.duration is None else format_clock(entry.duration)
            text += f"  ({length})"
        return f"{box} {text}"
    if isinstance(entry, Group):
        return f"{text}  (group of the tasks under it, not counted)"
    if isinstance(entry, Subheading):
        return f"{'#' * entry.level} {text}"
    if isinstance(entry, Verbatim):
        shown = "table" if entry.table else "code"
        return f"{shown}, lines {entry.line}-{entry.last}, shown as written: {text}"
    if isinstance(entry, Cancelled):
        return f"cancelled, not counted: {text}"
    return f"note: {text}"


def _section(outline: _Outline, section: Section, depth: int) -> None:
    kind = section.kind.name.lower()
    if section.title:
        heading = f"{'#' * section.level} {printable(section.title)}"
        outline.add(section.line, depth, f"{heading}  [{kind} {section.progress}]")
    else:
        # Lines above any section heading: no line of the file is this heading.
        outline.add(0, depth, f"{NO_HEADING}  [{kind} {section.progress}]")
    # Placeholders (`-`, `- ()`) hold no task; listed where they stand so every line shows.
    rows: list[tuple[int, int, str]] = [
        (entry.line, entry.depth, _entry_text(entry)) for entry in section.entries
    ]
    rows += [(line, 0, "-  (placeholder, not counted)") for line in section.placeholder_lines]
    for line, nested, text in sorted(rows, key=lambda row: row[0]):
        outline.add(line, depth + 1 + nested, text)


def _videos(time: VideoTime) -> str:
    line = f"videos {format_duration(time.watched)} watched of {format_duration(time.total)} known"
    if time.partly:
        line += f", {format_duration(time.partly)} more of videos begun"
    return line + (f", {time.unknown} of unknown length" if time.unknown else "")


def diagnostic_line(diagnostic: Diagnostic, source: str) -> str:
    """``notes.md:12: message``, as the build's INFO lines say it (no line: the whole file)."""
    where = f"{source}:{diagnostic.line}" if diagnostic.line else source
    return f"{where}: {printable(diagnostic.message)}"


def outline(course: Course, faq: QuestionList, source: str = "notes.md") -> str:
    """The course as read, for a person to hold against the file, line numbers on the left.

    The title, each week (numbers, date label, title, page) and section (kind, done/total)
    with its tasks, notes and groups nested as read, then every line the parser could not
    place, named ``source:line`` as the build names them.
    """
    time = course.video_time
    totals = f"{course.progress} done"
    if course.videos:
        totals += f"; {_videos(time)}"
    head = [printable(course.title) or "(no course title)", totals, "", "How it was read:"]
    head += [f"  {printable(line)}" for line in course.how]
    head += _hints(course)
    outline = _Outline()
    if course.title_line:
        outline.add(course.title_line, 0, f"course title: {printable(course.title)}")
    for note in course.intro:
        outline.add(note.line, 1, f"note: {printable(note.text)}")
    if course.general:
        general = Progress.of(section.progress for section in course.general)
        outline.gap()
        outline.add(0, 0, f"General page  [{general}]")
        for section in course.general:
            _section(outline, section, 1)
    for week in course.weeks:
        page = paths.url(paths.week_page(week))
        outline.gap()
        outline.add(week.line, 0, f"{printable(week.name)}  [{week.progress}]  page {page}")
        if week.videos:
            week_time = week.video_time
            outline.add(0, 1, _videos(week_time))
        for line in week.joined_at:
            outline.add(line, 1, "(the same week again: its sections join this one)")
        for section in week.sections:
            _section(outline, section, 1)
    if course.thoughts_line:
        outline.gap()
        outline.add(
            course.thoughts_line,
            0,
            f"Questions  [{_count(len(faq), 'FAQ entry', 'FAQ entries')}, {len(faq.open)} open]",
        )
        for line in course.thoughts_joined_at:
            outline.add(line, 1, "(questions again: their lines join the first)")
    problems = [diagnostic_line(diagnostic, source) for diagnostic in course.diagnostics]
    if problems:
        tail = [f"Lines the parser could not place ({len(problems)}):"]
        tail += [f"  {problem}" for problem in problems]
    else:
        tail = ["Every line was placed."]
    body = outline.text() or "Nothing read: no weeks, sections or tasks."
    return "\n".join([*head, "", body, "", *tail]) + "\n"


_OPTION = "plugins:\n  - course-notes:\n      {line}"


def _hints(course: Course) -> list[str]:
    """The mkdocs.yml lines that would read the file otherwise, where the reader guessed."""
    hints = []
    if not course.weeks:
        hints.append(
            "  To name your units (say they are `## Topic 1` headings), add to mkdocs.yml:"
        )
        hints += [f"    {line}" for line in _OPTION.format(line="units: Topic").split("\n")]
    asking = any(
        entry.text.rstrip().endswith("?")
        for section in [*course.general, *(s for week in course.weeks for s in week.sections)]
        for entry in section.entries
    )
    if not course.thoughts_line and asking:
        hints.append(
            "  Questions were found in no heading or label; if yours are under other words, "
            "name them in mkdocs.yml:"
        )
        lines = _OPTION.format(line="questions: [open points]").split("\n")
        hints += [f"    {line}" for line in lines]
    return hints


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
