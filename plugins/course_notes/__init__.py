"""course-notes: one plain-text course-notes file to a MkDocs site with per-week progress.

The public API, for a script or a page's macros: read a notes file as the plugin does and
get its ``Site``, or parse notes text into the model and derive the site from it::

    import os
    from course_notes import load_site, resolve

    site = load_site(resolve(None), os.environ)  # the course-notes entry of ./mkdocs.yml
    print(site.course.progress, [week.name for week in site.course.weeks])

Names load on first use: ``import course_notes`` costs nothing a build does not use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Where each public name lives, by the stage of the flow it belongs to.
_NAMES = {
    # Reading: text to the model.
    "parse": "read.notes",
    "decode_notes": "read.decode",
    # The model.
    "Course": "model",
    "Week": "model",
    "Section": "model",
    "SectionKind": "model",
    "Item": "model",
    "Video": "model",
    "Reading": "model",
    "Note": "model",
    "Progress": "model",
    "VideoTime": "model",
    "Diagnostic": "model",
    "Question": "model",
    "QuestionList": "model",
    "QuestionStatus": "model",
    "Topic": "model",
    "ReadingList": "model",
    "Reference": "model",
    "References": "model",
    "Schedule": "model",
    "Now": "model",
    # Deriving the site.
    "build_site": "derive.site",
    "Site": "derive.site",
    "Page": "derive.site",
    "Term": "derive.site",
    # The user's files: settings from mkdocs.yml, and the one loader.
    "CourseSettings": "io.config",
    "resolve": "io.config",
    "load_site": "io.load",
    "CourseNotesError": "errors",
    # The site's language: its words, plurals and dates.
    "Language": "i18n",
    "language": "i18n",
}

__all__ = [
    "Course",
    "CourseNotesError",
    "CourseSettings",
    "Diagnostic",
    "Item",
    "Language",
    "Note",
    "Now",
    "Page",
    "Progress",
    "Question",
    "QuestionList",
    "QuestionStatus",
    "Reading",
    "ReadingList",
    "Reference",
    "References",
    "Schedule",
    "Section",
    "SectionKind",
    "Site",
    "Term",
    "Topic",
    "Video",
    "VideoTime",
    "Week",
    "build_site",
    "decode_notes",
    "language",
    "load_site",
    "parse",
    "resolve",
]

if TYPE_CHECKING:
    from .derive.site import Page, Site, Term, build_site
    from .errors import CourseNotesError
    from .i18n import Language, language
    from .io.config import CourseSettings, resolve
    from .io.load import load_site
    from .model import (
        Course,
        Diagnostic,
        Item,
        Note,
        Now,
        Progress,
        Question,
        QuestionList,
        QuestionStatus,
        Reading,
        ReadingList,
        Reference,
        References,
        Schedule,
        Section,
        SectionKind,
        Topic,
        Video,
        VideoTime,
        Week,
    )
    from .read.decode import decode_notes
    from .read.notes import parse


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'course_notes' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, as ``dir(course_notes)`` lists them."""
    return sorted({*globals(), *__all__})
