"""The user's files on disk: read as regular files up to a size, written never through a link.

Everything here is untrusted: a repository can commit a symbolic link where the tool writes
(``out/week-1.md -> ../venv/.../x.pth``, ``.cache/course-notes/history.json ->
../../.venv/bin/activate``), a FIFO where it reads, a folder where it expects a file. Reads
take regular files only; writes and deletions look at every component under the folder they
write into with ``lstat``, refuse a link or a non-folder on the way and a link or special
file as the target, and write to a new temporary file beside the target, moved into place
with ``os.replace``, so no existing file is ever opened for writing.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path, PurePosixPath

from ..errors import CourseNotesError

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


class UnsafePathError(UserFileError):
    """A path the tool would write or delete goes through a link or a special file."""


def _parts(relative: str | PurePosixPath) -> tuple[str, ...]:
    path = PurePosixPath(relative)
    parts = path.parts
    if not parts or path.is_absolute() or any(part in ("", ".", "..") for part in parts):
        raise UnsafePathError(f"'{relative}' is not a path inside the folder")
    return parts


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return next((kind for test, kind in _KINDS if test(mode)), "a special file")


def checked_path(folder: Path, relative: str | PurePosixPath, *, is_folder: bool = False) -> Path:
    """``folder / relative``, refused if a link or a non-folder lies under ``folder`` on the way.

    The target itself may be missing; if it exists it must be a regular file (a real
    folder with ``is_folder``). ``folder`` itself is the user's choice and is not looked at.
    """
    parts = _parts(relative)
    current = folder
    for index, part in enumerate(parts):
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return folder.joinpath(*parts)
        except OSError as error:
            raise UnsafePathError(f"cannot use '{current}': {error.strerror or error}") from None
        last = index == len(parts) - 1
        wanted = stat.S_ISDIR if (is_folder or not last) else stat.S_ISREG
        if not wanted(mode):
            what = "a folder" if wanted is stat.S_ISDIR else "a file"
            raise UnsafePathError(
                f"'{current}' is {_kind(mode)}, not {what}; course-notes never writes through "
                "a link or into a special file: remove it and run again"
            )
    return current


def make_folder(folder: Path, relative: str | PurePosixPath) -> Path:
    """Make ``folder / relative`` and the folders on the way, none of them through a link."""
    parts = _parts(relative)
    current = folder
    for index in range(len(parts)):
        current = checked_path(folder, PurePosixPath(*parts[: index + 1]), is_folder=True)
        try:
            os.mkdir(current)
        except FileExistsError:
            # Made since it was looked at, or there already: looked at again.
            checked_path(folder, PurePosixPath(*parts[: index + 1]), is_folder=True)
        except OSError as error:
            raise UserFileError(f"cannot make folder '{current}': {error.strerror}") from None
    return current


def write_into(folder: Path, relative: str | PurePosixPath, data: bytes | str) -> Path:
    """Write ``data`` to ``folder / relative`` through a temporary file moved into place."""
    target = checked_path(folder, relative)
    parent_parts = _parts(relative)[:-1]
    if parent_parts:
        make_folder(folder, PurePosixPath(*parent_parts))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temporary, flags | getattr(os, "O_BINARY", 0), 0o666)
        try:
            with open(fd, "wb") as out:
                out.write(payload)
            # Looked at again just before the move: a link put there meanwhile is refused.
            checked_path(folder, relative)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        raise UserFileError(f"cannot write '{target}': {error.strerror or error}") from None
    return target


def remove_from(folder: Path, relative: str | PurePosixPath) -> bool:
    """Remove the file (or link) ``folder / relative``; never through a linked folder.

    Returns whether something was removed. A folder or a special file is left alone.
    """
    parts = _parts(relative)
    if len(parts) > 1:
        checked_path(folder, PurePosixPath(*parts[:-1]), is_folder=True)
    target = folder.joinpath(*parts)
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return False
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        return False
    try:
        # A link is removed, never what it points at.
        os.unlink(target)
    except OSError as error:
        raise UserFileError(f"cannot remove '{target}': {error.strerror or error}") from None
    return True


def stamp(*paths: Path | None) -> tuple[tuple[int, int] | None, ...]:
    """Each file's modification time and size (None where there is no file): equal stamps,
    unchanged files. What ``serve`` and the macros module compare to see a saved change."""
    stamps: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            status = path.stat() if path is not None else None
        except OSError:
            status = None
        stamps.append((status.st_mtime_ns, status.st_size) if status else None)
    return tuple(stamps)
