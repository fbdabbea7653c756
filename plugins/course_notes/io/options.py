"""The ``course-notes`` plugin's options, as MkDocs validates them for a build and the CLI."""

from __future__ import annotations

import datetime

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..model import SectionKind
from ..read import dates

# The names `sections:` may map heading words to: ``videos``, ``readings``, ...
SECTION_KIND_NAMES = tuple(kind.name.lower() for kind in SectionKind)


class Day(base.BaseConfigOption[datetime.date]):
    """A calendar day, ``2027-03-01``: YAML reads it as a date, quoted it is a string."""

    def run_validation(self, value: object) -> datetime.date:
        """The day the value names; a ValidationError saying the form expected otherwise."""
        day = None
        if isinstance(value, datetime.datetime):
            day = value.date()
        elif isinstance(value, datetime.date):
            day = value
        elif isinstance(value, str):
            try:
                day = datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        if day is not None:
            if not dates.in_calendar(day):
                raise base.ValidationError(
                    f"{day.isoformat()} is outside the years {dates.FIRST_YEAR}-"
                    f"{dates.LAST_YEAR}; give the first day of the term"
                )
            return day
        raise base.ValidationError(
            f"expected a day as YYYY-MM-DD, such as 2027-03-01; got {value!r}"
        )


class CourseNotesConfig(base.Config):
    """Options of the ``course-notes`` plugin, read by a build and by the command line alike."""

    notes = c.Type(str, default="notes.md")
    """The notes file, relative to mkdocs.yml."""
    references = c.Optional(c.Type(str))
    """The references file (YAML), relative to mkdocs.yml; unset: references.yml if there is one."""
    topics = c.Optional(c.Type(str))
    """The FAQ's topic map (YAML), relative to mkdocs.yml; unset: no topics."""
    sections = c.DictOfItems(c.Choice(SECTION_KIND_NAMES), default={})
    """Heading words to section kinds (``vids: videos``), on top of the built-in keywords."""
    units = c.Type(str, default="")
    """The word of the notes' units (``Module``, ``Lecture``), where the file alone does not
    say; unset: found from the headings or label lines that repeat as word + number."""
    questions = c.ListOfItems(c.Type(str), default=[])
    """More words whose heading or label starts the questions (``open points``)."""
    term_start = c.Optional(Day())
    """The first day of week 1: week N starts 7·(N−1) days later unless its heading has a date."""
    lecturer_email = c.Type(str, default="")
    """Where the FAQ's "Email the open questions" link writes to; unset: the mail program asks."""
    language = c.Type(str, default="")
    """The language of the course's pages (``de``, ``pt-BR``); unset: ``theme.language``."""
    zensical_overrides = c.Type(bool, default=True)
    """Whether `course-notes build --engine zensical` keeps ``theme.custom_dir``: false for
    copies of Material's templates, which Zensical's own templates replace."""


# Read when it exists and the config names no references file.
DEFAULT_REFERENCES = "references.yml"
