"""Reading a course's files from disk (notes, references, topics, history) into its ``Site``."""

from __future__ import annotations

import datetime
import functools
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..derive.site import Site, Term, build_site
from ..model import Course, References, SectionKind, Topic
from ..read import dates
from ..read.decode import decode_notes
from ..read.notes import parse
from ..read.topics import TopicsError, parse_topics
from .config import CourseSettings
from .history import CACHE, count_notes, fingerprint, read_history
from .references import read_references
from .user_files import NOTES_LIMIT, YAML_LIMIT, UserFileError, read_user_file

TODAY = "COURSE_NOTES_TODAY"
"""The environment variable that sets the day a build or a command takes as today."""


class NotesFileError(UserFileError):
    """A file the site is built from cannot be used; the message names it and the reason."""


def _read_bytes(path: Path, what: str, limit: int) -> bytes:
    try:
        return read_user_file(path, what, limit=limit)
    except UserFileError as error:
        raise NotesFileError(str(error)) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Parsing makes no garbage cycles, so the cyclic collector finds nothing; left on, it
    # walks the growing model again and again: about 20% of a 10 MB file's parse (measured
    # with the parser's callgrind runs). Tuning of the process, so here at the edge, not in
    # the pure parser.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def read_course(path: Path, sections: Mapping[str, SectionKind] | None = None) -> Course:
    """Read and parse a notes file; raise NotesFileError with one clear line if unreadable.

    ``sections`` maps heading words to kinds on top of the parser's keywords.
    """
    text, diagnostics = decode_notes(_read_bytes(path, "notes file", NOTES_LIMIT))
    # Typed text never holds a NUL: a file that does is binary (a PDF, an image, a
    # notes file saved as UTF-32...) and showing it as text would help no one.
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise NotesFileError(
            f"{path}:{line}: a NUL byte; this is a binary file, not a text notes file"
        )
    with _collector_paused():
        course = parse(text, sections)
    course.diagnostics[:0] = diagnostics
    return course


def read_topics(path: Path | None = None) -> list[Topic]:
    """The FAQ's topic map from a YAML file; none when no file is given.

    Topics are the site's: a course's words (``GPU``, ``greedy``) mean nothing to another.
    """
    if path is None:
        return []
    raw = _read_bytes(path, "topics file", YAML_LIMIT)
    try:
        return parse_topics(raw.decode("utf-8-sig"), str(path))
    except UnicodeDecodeError:
        raise NotesFileError(f"topics file '{path}' is not UTF-8 text") from None
    except TopicsError as error:
        raise NotesFileError(f"topics file {error}") from None


def today(environ: Mapping[str, str]) -> datetime.date:
    """The day taken as today: ``COURSE_NOTES_TODAY`` (YYYY-MM-DD) if set, else the clock's."""
    given = environ.get(TODAY, "").strip()
    if not given:
        return datetime.date.today()
    try:
        day = datetime.date.fromisoformat(given)
    except ValueError:
        raise NotesFileError(f"{TODAY}={given!r} is not a day as YYYY-MM-DD") from None
    if not dates.in_calendar(day):
        raise NotesFileError(
            f"{TODAY}={given!r} is outside the years {dates.FIRST_YEAR}-{dates.LAST_YEAR}"
        )
    return day


def load_site(
    files: CourseSettings,
    environ: Mapping[str, str],
    *,
    note: Callable[[str], None] | None = None,
    history: bool = True,
) -> Site:
    """Read the notes, references and topics the settings name, and derive the site once.

    The one loader of every host and command: the course is placed in time as the settings
    and ``environ`` say (``term_start``, today, the site's name), so each writes the same
    site. With ``history`` and a course that has dates, the notes' git history is read too
    (counts cached beside the config); ``note`` gets the one line saying why there is none.
    """
    term = Term(files.term_start, today(environ), name=files.site_name)
    course = read_course(files.notes, files.sections)
    path = files.references_file
    references = read_references(path, files.label(path)) if path is not None else References()
    if history and (term.start or any(week.date for week in course.weeks)):
        found = read_history(
            files.notes,
            (files.root, CACHE) if files.root else None,
            functools.partial(count_notes, sections=files.sections),
            fingerprint(files.sections),
        )
        if found.reason and note is not None:
            note(found.reason)
        term = replace(term, history=found.points or None)
    topics = read_topics(files.topics)
    return build_site(course, references, topics, term, lecturer_email=files.lecturer_email)
