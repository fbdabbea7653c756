"""Reading the notes file from disk: the one place that touches the file system."""

from __future__ import annotations

from pathlib import Path

from .model import Course
from .parse import decode_notes, parse


class NotesFileError(Exception):
    """The notes file cannot be read; the message names the path and the reason."""


def read_course(path: Path) -> Course:
    """Read and parse a notes file; raise NotesFileError with one clear line if unreadable."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise NotesFileError(f"notes file '{path}' is a folder, not a file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise NotesFileError(f"cannot read notes file '{path}': {reason}") from None
    text, diagnostics = decode_notes(raw)
    course = parse(text)
    course.diagnostics[:0] = diagnostics
    return course
