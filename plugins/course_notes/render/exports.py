"""The question list and the reading list as files to send or open: Markdown, text, CSV, JSON."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from ..i18n import ENGLISH, Language
from ..model import Question, ReadingList
from ..model.inline import autolinked
from . import pages, spreadsheet

# The list as text, for the lecturer: Markdown, plain text, CSV and JSON.

FORMATS = ("markdown", "text", "csv", "json")


def _lines(text: str, line: Callable[[str], str] = str) -> list[str]:
    return [line(part.rstrip()) for part in text.split("\n")]


def _asked_line(entry: Question, lang: Language) -> str | None:
    # Said once: an "(asked)" ending the text already says it.
    if entry.asked is None or entry.answer is not None or entry.asked_in_text:
        return None
    if entry.asked:
        return lang.gettext("Asked: {when}", when=entry.asked)
    return lang.gettext("Asked.")


def _numbered(
    entries: Sequence[Question],
    answer_label: str,
    hanging: int | None,
    head: str,
    line: Callable[[str], str] = str,
    lang: Language = ENGLISH,
) -> str:
    parts = []
    group = ""
    for number, entry in enumerate(entries, start=1):
        if entry.group != group:
            group = entry.group
            if group:
                parts.append(head + " ".join(group.split()))
        marker = f"{number}. "
        indent = " " * (hanging if hanging is not None else len(marker))
        paragraphs = [_lines(entry.text, line), *(_lines(part, line) for part in entry.context)]
        asked = _asked_line(entry, lang)
        if asked:
            paragraphs.append([asked])
        if entry.answer is not None:
            answer = _lines(entry.answer, line)
            answer[0] = f"{answer_label} {answer[0]}".rstrip()
            paragraphs.append(answer)
        body = "\n\n".join(
            "\n".join(indent + line if line else "" for line in p) for p in paragraphs
        )
        parts.append(marker + body[len(indent) :].lstrip(" \t"))
    return "\n\n".join(parts) + "\n" if parts else ""


def as_markdown(entries: Sequence[Question], lang: Language = ENGLISH) -> str:
    """A numbered Markdown list, each entry's context (and answer) as its own paragraphs.

    The entries' groups are ``##`` headings; the numbers run on across them.
    """
    # Four spaces keep the paragraphs inside the list item in every Markdown flavour; bare
    # addresses go in <...>, a link in every flavour (the text is otherwise as written).
    label = "**" + lang.gettext("Answer:") + "**"
    return _numbered(entries, label, 4, "## ", autolinked, lang)


def as_text(entries: Sequence[Question], lang: Language = ENGLISH) -> str:
    """A numbered plain-text list, for pasting into an email or a forum post.

    Each group's heading is a line of its own above its entries; the numbers run on.
    """
    return _numbered(entries, lang.gettext("Answer:"), None, "", lang=lang)


def as_records(entries: Sequence[Question]) -> list[dict[str, object]]:
    """The entries as plain values, in file order."""
    return [
        {
            "id": entry.id,
            "title": entry.title,
            "text": entry.text,
            "context": list(entry.context),
            "answer": entry.answer,
            "status": entry.status.value,
            "topics": list(entry.topics),
            "group": entry.group,
            "asked": entry.asked or "",
        }
        for entry in entries
    ]


def as_json(entries: Sequence[Question]) -> str:
    """A JSON list of objects: id, title, text, context, answer, status, topics, group, asked."""
    return json.dumps(as_records(entries), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("id", "title", "text", "context", "answer", "status", "topics", "group", "asked")


def as_csv(entries: Sequence[Question]) -> str:
    """CSV with a header row; context paragraphs are joined by a blank line, topics by ``; ``.

    A cell that a spreadsheet would take for a formula starts with ``'`` (see spreadsheet).
    """
    out = io.StringIO()
    writer = spreadsheet.Writer(out)
    writer.writerow(CSV_COLUMNS)
    for record in as_records(entries):
        record["context"] = "\n\n".join(record["context"])  # type: ignore[arg-type]
        record["answer"] = record["answer"] or ""
        record["topics"] = "; ".join(record["topics"])  # type: ignore[arg-type]
        writer.writerow([record[column] for column in CSV_COLUMNS])
    return out.getvalue()


def formatted(entries: Sequence[Question], form: str, lang: Language = ENGLISH) -> str:
    """The entries in one of ``FORMATS``: markdown, text, csv or json (``lang``: the words
    of the Markdown and text lists; CSV and JSON are data, their keys the same in all)."""
    if form == "markdown":
        return as_markdown(entries, lang)
    if form == "text":
        return as_text(entries, lang)
    return as_csv(entries) if form == "csv" else as_json(entries)


# The reading list as files: Markdown, CSV and JSON.

READING_FORMATS = ("markdown", "csv", "json")


def reading_records(readings: ReadingList) -> list[dict[str, Any]]:
    """The reading list as plain data, one object per reading (for JSON and CSV)."""
    return [
        {
            "title": reading.title,
            "weeks": [week.number for week in reading.weeks],
            "general": reading.general,
            "done": reading.done,
            "sections": [
                {
                    "number": str(section.part),
                    "kind": section.part.kind.value,
                    "weeks": [week.number for week in section.weeks],
                    "done": section.done,
                }
                for section in reading.sections
            ],
            "citation": reading.citation,
            "url": reading.url,
        }
        for reading in readings
    ]


def readings_as(reading_list: ReadingList, form: str) -> str:
    """The reading list as Markdown, CSV or JSON text."""
    if form == "json":
        return json.dumps(reading_records(reading_list), indent=2, ensure_ascii=False) + "\n"
    if form == "csv":
        out = io.StringIO()
        writer = spreadsheet.Writer(out)
        writer.writerow(["title", "weeks", "done", "sections", "citation", "url"])
        for record in reading_records(reading_list):
            weeks = [str(n) for n in record["weeks"]]
            writer.writerow(
                [
                    record["title"],
                    ", ".join(["General", *weeks] if record["general"] else weeks),
                    "yes" if record["done"] else "no",
                    ", ".join(section["number"] for section in record["sections"]),
                    record["citation"] or "",
                    record["url"] or "",
                ]
            )
        return out.getvalue()
    summary = pages.readings_summary(reading_list)
    return f"# Readings\n\n{summary}\n\n{pages.reading_list_markdown(reading_list)}\n"
