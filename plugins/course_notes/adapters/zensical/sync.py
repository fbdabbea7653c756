"""The folder Zensical reads, holding exactly the site's files, each written only if changed."""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ...io.user_files import (
    checked_path,
    make_folder,
    read_user_file,
    remove_from,
    write_into,
)

# A file of the site's docs/ is read whole to be copied; GitHub refuses a file over 100 MB,
# so no site it publishes holds one.
DOCS_FILE_LIMIT = 100_000_000


def _docs_files(docs: Path) -> dict[str, Path]:
    # The site's docs/ as MkDocs reads it: dot files and folders left out.
    found = {}
    for folder, folders, files in os.walk(docs):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in files:
            if not name.startswith("."):
                path = Path(folder, name)
                found[path.relative_to(docs).as_posix()] = path
    return found


def sync_folder(
    root: Path, folder: str | PurePosixPath, files: Mapping[str, str | Path]
) -> list[str]:
    """Make ``root / folder`` hold just these files (text, or a file to copy); return the changed.

    A file already as it should be is not written again: Zensical rebuilds what changed.
    Every write and removal goes through ``user_files`` from ``root``: a link on the way
    (a committed ``.course-notes/zensical/docs -> ~``) or at a file's path stops the sync
    with one line, and a link elsewhere in the folder is removed, never followed.
    """
    base = PurePosixPath(folder)
    make_folder(root, base)
    changed = []
    for path, content in files.items():
        relative = base / path
        if isinstance(content, Path):
            source = os.stat(content)
            if _same_file(source, root, relative):
                continue
            data = read_user_file(content, "docs file", limit=DOCS_FILE_LIMIT)
            _copy_times(write_into(root, relative, data), source)
        else:
            data = content.encode("utf-8")
            if _holds(root, relative, data):
                continue
            write_into(root, relative, data)
        changed.append(path)
    changed.extend(_remove_stale(root, base, files))
    return changed


def _same_file(source: os.stat_result, root: Path, relative: PurePosixPath) -> bool:
    # A copy is the source's when it has its size and modification time (_copy_times).
    try:
        copy = os.lstat(checked_path(root, relative))
    except FileNotFoundError:
        return False
    return source.st_size == copy.st_size and source.st_mtime_ns == copy.st_mtime_ns


def _copy_times(copy: Path, source: os.stat_result) -> None:
    # As shutil.copy2 did, so that the next sync sees the copy unchanged; on the file itself,
    # never through a link put there since.
    times = (source.st_atime_ns, source.st_mtime_ns)
    if os.utime in os.supports_follow_symlinks:
        os.utime(copy, ns=times, follow_symlinks=False)
    else:
        os.utime(copy, ns=times)


def _holds(root: Path, relative: PurePosixPath, data: bytes) -> bool:
    # Whether the file there is a regular file holding exactly these bytes; a larger file is
    # not read at all.
    path = checked_path(root, relative)
    try:
        if os.lstat(path).st_size != len(data):
            return False
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    with open(fd, "rb") as file:
        return stat.S_ISREG(os.fstat(fd).st_mode) and file.read(len(data) + 1) == data


def _remove_stale(root: Path, base: PurePosixPath, keep: Mapping[str, object]) -> list[str]:
    # Every file and link under the folder not kept, then the folders left empty, bottom up.
    top = checked_path(root, base, is_folder=True)
    removed = []
    # Not following links (os.walk's default): a linked folder is listed, never entered.
    for parent, folders, names in os.walk(top, topdown=False):
        inside = Path(parent).relative_to(top).as_posix()
        links = [name for name in folders if os.path.islink(os.path.join(parent, name))]
        for name in [*names, *links]:
            path = posixpath.normpath(posixpath.join(inside, name))
            if path not in keep and remove_from(root, base / path):
                removed.append(path)
        for name in folders:
            if name not in links:
                inner = checked_path(root, base / inside / name, is_folder=True)
                try:
                    os.rmdir(inner)
                except OSError:
                    pass  # not empty: it holds files kept
    return removed


def _write_if_changed(root: Path, relative: str, text: str) -> bool:
    data = text.encode("utf-8")
    if _holds(root, PurePosixPath(relative), data):
        return False
    write_into(root, relative, data)
    return True
