"""Reading the user's files (notes, references, topics) from disk: regular files up to a size."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import CourseNotesError

# A path can name /dev/zero, a named pipe or a file that never stops growing: each is
# refused with one line before anything is read, and no file is read past its limit.
# Notes: five times the 10 MB file of the benchmarks (docs/benchmarks.md).
NOTES_LIMIT = 50_000_000
# References and topics: a references file of 1,000 readings is about 100 KB. PyYAML keeps
# 130 to 320 bytes of nodes per byte of YAML and, on a busy 2-core machine, read 1 MB of
# the worst shapes in 25 to 40 s: that, not the text, is what this limit bounds.
YAML_LIMIT = 1_000_000

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class UserFileError(CourseNotesError):
    """A file the user named cannot be used; the message names it and the reason, in one line."""


class MissingFileError(UserFileError):
    """The file the user named does not exist."""


def read_user_file(path: Path, what: str, label: str | None = None, *, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; else raise UserFileError.

    ``what`` says which file it is ("notes file"), ``label`` how to name it (its path).
    """
    label = str(path) if label is None else label
    try:
        # Looked at before it is opened: opening a named pipe waits for a writer forever.
        _check(os.stat(path).st_mode, what, label)
        # Non-blocking all the same, in case a pipe took the file's place since; the flag
        # changes nothing for a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise MissingFileError(f"cannot read {what} '{label}': No such file or directory") from None
    except OSError as error:
        raise UserFileError(_cannot_read(what, label, error)) from None
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        _check(info.st_mode, what, label)
        if info.st_size > limit:
            raise UserFileError(_too_big(what, label, limit))
        try:
            # One byte past the limit tells a file that grew while it was read.
            data = file.read(limit + 1)
        except OSError as error:
            raise UserFileError(_cannot_read(what, label, error)) from None
    if len(data) > limit:
        raise UserFileError(_too_big(what, label, limit))
    return data


def _check(mode: int, what: str, label: str) -> None:
    if not stat.S_ISREG(mode):
        kind = next((kind for test, kind in _KINDS if test(mode)), "a special file")
        raise UserFileError(f"{what} '{label}' is {kind}, not a file")


def _cannot_read(what: str, label: str, error: OSError) -> str:
    return f"cannot read {what} '{label}': {error.strerror or error}"


def _too_big(what: str, label: str, limit: int) -> str:
    return f"{what} '{label}' is larger than {limit // 1_000_000} MB, the limit for a {what}"
