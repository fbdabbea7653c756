"""How a notes file was read, without a site: an outline for a person, a record for tools."""

from __future__ import annotations

import json
from typing import Any

from ..i18n import ENGLISH, Language
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
        "read_as": [str(sentence) for sentence in course.how],
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


def _entry_text(entry: Item | Note, lang: Language) -> str:
    text = printable(entry.text)
    if isinstance(entry, Item):
        box = "[x]" if entry.done else "[/]" if entry.started else "[ ]"
        if isinstance(entry, Video):
            length = (
                lang.gettext("duration unknown")
                if entry.duration is None
                else format_clock(entry.duration)
            )
            text += f"  ({length})"
        return f"{box} {text}"
    if isinstance(entry, Group):
        return lang.gettext("{text}  (group of the tasks under it, not counted)", text=text)
    if isinstance(entry, Subheading):
        return f"{'#' * entry.level} {text}"
    if isinstance(entry, Verbatim):
        values = {"first": entry.line, "last": entry.last, "text": text}
        if entry.table:
            return lang.gettext("table, lines {first}-{last}, shown as written: {text}", **values)
        return lang.gettext("code, lines {first}-{last}, shown as written: {text}", **values)
    if isinstance(entry, Cancelled):
        return lang.gettext("cancelled, not counted: {text}", text=text)
    return lang.gettext("note: {text}", text=text)


def _section(outline: _Outline, section: Section, depth: int, lang: Language) -> None:
    # The kind as the `sections:` option names it (exercises, videos...): a key, not prose.
    kind = section.kind.name.lower()
    if section.title:
        heading = f"{'#' * section.level} {printable(section.title)}"
        outline.add(section.line, depth, f"{heading}  [{kind} {section.progress}]")
    else:
        # Lines above any section heading: no line of the file is this heading.
        heading = lang.gettext("(no heading)")
        outline.add(0, depth, f"{heading}  [{kind} {section.progress}]")
    # Placeholders (`-`, `- ()`) hold no task; listed where they stand so every line shows.
    rows: list[tuple[int, int, str]] = [
        (entry.line, entry.depth, _entry_text(entry, lang)) for entry in section.entries
    ]
    placeholder = lang.gettext("-  (placeholder, not counted)")
    rows += [(line, 0, placeholder) for line in section.placeholder_lines]
    for line, nested, text in sorted(rows, key=lambda row: row[0]):
        outline.add(line, depth + 1 + nested, text)


def _videos(time: VideoTime, lang: Language) -> str:
    line = lang.gettext(
        "videos {watched} watched of {total} known",
        watched=format_duration(time.watched),
        total=format_duration(time.total),
    )
    if time.partly:
        line += lang.gettext(", {time} more of videos begun", time=format_duration(time.partly))
    if time.unknown:
        line += lang.gettext(", {count} of unknown length", count=time.unknown)
    return line


def diagnostic_line(diagnostic: Diagnostic, source: str, lang: Language = ENGLISH) -> str:
    """``notes.md:12: message``, as the build's INFO lines say it (no line: the whole file)."""
    where = f"{source}:{diagnostic.line}" if diagnostic.line else source
    return f"{where}: {printable(diagnostic.text(lang.gettext))}"


def outline(
    course: Course, faq: QuestionList, source: str = "notes.md", lang: Language = ENGLISH
) -> str:
    """The course as read, for a person to hold against the file, line numbers on the left.

    The title, each week (numbers, date label, title, page) and section (kind, done/total)
    with its tasks, notes and groups nested as read, then every line the parser could not
    place, named ``source:line`` as the build names them; in ``lang``'s words.
    """
    time = course.video_time
    totals = lang.gettext("{progress} done", progress=course.progress)
    if course.videos:
        totals += f"; {_videos(time, lang)}"
    head = [
        printable(course.title) or lang.gettext("(no course title)"),
        totals,
        "",
        lang.gettext("How it was read:"),
    ]
    head += [f"  {printable(sentence.text(lang.gettext))}" for sentence in course.how]
    head += _hints(course, lang)
    outline = _Outline()
    if course.title_line:
        outline.add(
            course.title_line,
            0,
            lang.gettext("course title: {title}", title=printable(course.title)),
        )
    for note in course.intro:
        outline.add(note.line, 1, lang.gettext("note: {text}", text=printable(note.text)))
    if course.general:
        general = Progress.of(section.progress for section in course.general)
        outline.gap()
        outline.add(0, 0, lang.gettext("General page  [{progress}]", progress=general))
        for section in course.general:
            _section(outline, section, 1, lang)
    for week in course.weeks:
        page = paths.url(paths.week_page(week))
        outline.gap()
        outline.add(
            week.line,
            0,
            lang.gettext(
                "{name}  [{progress}]  page {page}",
                name=printable(week.name),
                progress=week.progress,
                page=page,
            ),
        )
        if week.videos:
            week_time = week.video_time
            outline.add(0, 1, _videos(week_time, lang))
        for line in week.joined_at:
            outline.add(line, 1, lang.gettext("(the same week again: its sections join this one)"))
        for section in week.sections:
            _section(outline, section, 1, lang)
    if course.thoughts_line:
        outline.gap()
        entries = lang.ngettext("{count} FAQ entry", "{count} FAQ entries", len(faq))
        outline.add(
            course.thoughts_line,
            0,
            lang.gettext(
                "Questions  [{entries}, {open} open]", entries=entries, open=len(faq.open)
            ),
        )
        for line in course.thoughts_joined_at:
            outline.add(line, 1, lang.gettext("(questions again: their lines join the first)"))
        for line in course.asked_at:
            outline.add(line, 1, lang.gettext("(a question asked in its unit)"))
    problems = [diagnostic_line(diagnostic, source, lang) for diagnostic in course.diagnostics]
    if problems:
        tail = [lang.gettext("Lines the parser could not place ({count}):", count=len(problems))]
        tail += [f"  {problem}" for problem in problems]
    else:
        tail = [lang.gettext("Every line was placed.")]
    body = outline.text() or lang.gettext("Nothing read: no weeks, sections or tasks.")
    return "\n".join([*head, "", body, "", *tail]) + "\n"


_OPTION = "plugins:\n  - course-notes:\n      {line}"


def _hints(course: Course, lang: Language) -> list[str]:
    """The mkdocs.yml lines that would read the file otherwise, where the reader guessed."""
    hints = []
    if not course.weeks:
        hints.append(
            "  "
            + lang.gettext(
                "To name your units (say they are `## Topic 1` headings), add to mkdocs.yml:"
            )
        )
        hints += [f"    {line}" for line in _OPTION.format(line="units: Topic").split("\n")]
    asking = any(
        entry.text.rstrip().endswith("?")
        for section in [*course.general, *(s for week in course.weeks for s in week.sections)]
        for entry in section.entries
    )
    if not course.thoughts_line and asking:
        hints.append(
            "  "
            + lang.gettext(
                "Questions were found in no heading or label; if yours are under other words, "
                "name them in mkdocs.yml:"
            )
        )
        lines = _OPTION.format(line="questions: [open points]").split("\n")
        hints += [f"    {line}" for line in lines]
    return hints
