"""The notes and topics files read from disk into the model: one clear line when they cannot be."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from ..model import Course, SectionKind, Topic
from ..read.decode import decode_notes
from ..read.notes import parse
from ..read.topics import TopicsError, parse_topics
from .user_files import NOTES_LIMIT, YAML_LIMIT, UserFileError, read_user_file


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


def read_course(
    path: Path,
    sections: Mapping[str, SectionKind] | None = None,
    units: str = "",
    questions: tuple[str, ...] = (),
) -> Course:
    """Read and parse a notes file; raise NotesFileError with one clear line if unreadable.

    ``sections``, ``units`` and ``questions`` are the config's, as ``parse`` takes them.
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
        course = parse(text, sections, units, questions)
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
