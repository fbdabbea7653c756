"""Reading a course's files from disk (notes, references, topics, history) into its ``Site``."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Mapping
from dataclasses import replace

from ..derive.site import Site, Term, build_site
from ..i18n import language
from ..model import References
from ..read import dates
from .config import CourseSettings
from .history import CACHE, count_notes, fingerprint, read_history
from .links import unlink_missing
from .notes import NotesFileError, read_course, read_topics
from .references import read_references

TODAY = "COURSE_NOTES_TODAY"


"""The environment variable that sets the day a build or a command takes as today."""


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
    previous: Site | None = None,
    pages: bool = True,
) -> Site:
    """Read the notes, references and topics the settings name, and derive the site once.

    The one loader of every host and command: the course is placed in time as the settings
    and ``environ`` say (``term_start``, today, the site's name), so each writes the same
    site. With ``history`` and a course that has dates, the notes' git history is read too
    (counts cached beside the config); ``note`` gets the one line saying why there is none.
    ``previous`` (the last build's site, while serving) lends the unchanged week pages;
    without ``pages``, only what ``check`` shows is derived (see ``build_site``).
    """
    term = Term(files.term_start, today(environ), name=files.site_name)
    course = read_course(files.notes, files.sections, files.units, files.questions)
    if files.docs is not None:
        unlink_missing(course, files.docs, files.label(files.docs))
    path = files.references_file
    references = read_references(path, files.label(path)) if path is not None else References()
    if history and (term.start or any(week.date for week in course.weeks)):
        found = read_history(
            files.notes,
            (files.root, CACHE) if files.root else None,
            functools.partial(
                count_notes, sections=files.sections, units=files.units, questions=files.questions
            ),
            fingerprint(files.sections, files.units, files.questions),
        )
        if found.reason and note is not None:
            note(found.reason)
        term = replace(term, history=found.points or None)
    topics = read_topics(files.topics)
    lang = language(files.language)
    if lang.missing and note is not None:
        note(
            f"no catalog for the language {lang.asked!r}: the course's pages are in English "
            "(docs/customising.md says how to add one)"
        )
    return build_site(
        course,
        references,
        topics,
        term,
        lecturer_email=files.lecturer_email,
        previous=previous,
        pages=pages,
        language=lang,
    )
