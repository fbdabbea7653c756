"""Relative links in the notes, checked against the docs folder the pages are made in.

A week page is made at the top of the docs folder, so ``[slides](files/L1.pdf)`` on it is
``docs/files/L1.pdf``. MkDocs (and ``--strict``, as the Pages workflow builds) stops on a
link to a file it does not have; a Notion export links every attachment that way. Such a
link is shown as written instead, not linked, with a line saying where the file would go.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from ..model import Course, Diagnostic, Item, Note, SourceLine, Verbatim, paths, say
from ..model.inline import link_targets, unlinked

# Distinct addresses looked up on disk, a stat each: past these (a file of a hundred
# thousand attachments), the rest are shown as written, as if missing.
MAX_LOOKUPS = 10_000


def local_path(address: str) -> str | None:
    """The docs-relative file a link's address names (``files/L1 Intro.pdf``), or None for
    an address elsewhere (``https://``, ``mailto:``, ``#part``, ``/x``, ``//host/x``)."""
    if not address or address[0] in "#/" or ":" in address.split("/", 1)[0]:
        return None
    path = unquote(address.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(path) if path else None


def unlink_missing(course: Course, docs: Path, docs_label: str) -> None:
    """Show as written each relative link of the notes that finds no file; say so per line."""
    known = {paths.week_page(week) for week in course.weeks}
    known |= {paths.HOME, paths.READINGS, paths.GENERAL, paths.FAQ, paths.CALENDAR}
    known |= set(paths.FAQ_DOWNLOADS)
    found: dict[str, bool] = {}

    def exists(path: str) -> bool:
        if path not in found:
            inside = path != ".." and not path.startswith("../")
            if len(found) >= MAX_LOOKUPS or not inside:
                found[path] = False
            else:
                found[path] = path in known or (docs / path).is_file()
        return found[path]

    def missing(number: int, text: str) -> str:
        gone = set()
        for address in link_targets(text):
            path = local_path(address)
            if path is not None and not exists(path):
                gone.add(address)
                course.diagnostics.append(
                    Diagnostic(
                        number,
                        say(
                            "a link to '{path}' finds no file in {docs}/ (the week pages are "
                            "made at its top), so it is shown as written: put the file at "
                            "{docs}/{path}, or link a full https:// address",
                            path=path,
                            docs=docs_label,
                        ),
                    )
                )
        return unlinked(text, gone) if gone else text

    for number, holder in _texts(course):
        if isinstance(holder, Verbatim):
            if holder.table:
                holder.lines = [
                    missing(holder.line + at, line) for at, line in enumerate(holder.lines)
                ]
            continue
        if "](" in holder.text:
            holder.text = missing(number, holder.text)
    course.thoughts = [
        SourceLine(line.number, missing(line.number, line.text)) if "](" in line.text else line
        for line in course.thoughts
    ]
    for week in course.weeks:
        if "](" in week.title:
            week.title = missing(week.line, week.title)
        for section in week.sections:
            if "](" in section.title:
                section.title = missing(section.line, section.title)
    for section in course.general:
        if "](" in section.title:
            section.title = missing(section.line, section.title)


def _texts(course: Course) -> Iterator[tuple[int, Item | Note]]:
    for note in course.intro:
        yield note.line, note
    for section in [*course.general, *(s for week in course.weeks for s in week.sections)]:
        for entry in section.entries:
            yield entry.line, entry
