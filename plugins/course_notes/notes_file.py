"""Reading a course's files from disk (notes, references, topics) into its ``Site``."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from .model import Course, References, SectionKind, Topic
from .parse import decode_notes, parse
from .questions import TopicsError, parse_topics
from .references_file import read_references
from .site import Site, build_site
from .site_config import CourseFiles
from .user_files import NOTES_LIMIT, YAML_LIMIT, UserFileError, read_user_file

DEFAULT_TOPICS = "topics.yml"


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


def default_topics_text() -> str:
    """The topic map shipped with the package."""
    return resources.files(__package__).joinpath(DEFAULT_TOPICS).read_text("utf-8")


def read_topics(path: Path | None = None) -> list[Topic]:
    """The FAQ's topic map from a YAML file, or the shipped one when no path is given."""
    if path is None:
        return parse_topics(default_topics_text(), DEFAULT_TOPICS)
    raw = _read_bytes(path, "topics file", YAML_LIMIT)
    try:
        return parse_topics(raw.decode("utf-8-sig"), str(path))
    except UnicodeDecodeError:
        raise NotesFileError(f"topics file '{path}' is not UTF-8 text") from None
    except TopicsError as error:
        raise NotesFileError(f"topics file {error}") from None


def read_site(files: CourseFiles) -> Site:
    """Read the notes, references and topics the files name, and derive the site once."""
    course = read_course(files.notes, files.sections)
    path = files.references_file
    references = read_references(path, files.label(path)) if path is not None else References()
    return build_site(course, references, read_topics(files.topics))
