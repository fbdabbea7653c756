"""Writing the generated pages into a folder that holds them and nothing stale."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import CourseNotesError
from ..model.paths import HOME
from .config import CourseSettings
from .load import load_site
from .user_files import (
    MissingFileError,
    UnsafePathError,
    checked_path,
    read_user_file,
    remove_from,
    write_into,
)

# A dot file: MkDocs leaves it out of a site whose docs/ the pages are exported into.
MANIFEST = ".course-notes-export"
_MANIFEST_HEADER = (
    "# The files `course-notes export` wrote here, one a line. The next export removes\n"
    "# those it no longer makes; keep this file for that.\n"
)
# A manifest lists a few hundred paths; a larger one is not one an export wrote.
MANIFEST_LIMIT = 1_000_000


class ExportError(CourseNotesError):
    """The folder cannot be written into; the message says why and what to do."""


@dataclass
class Exported:
    """What an export wrote and removed, as paths inside the folder."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_manifest(folder: Path) -> list[str] | None:
    """The paths the last export wrote into the folder, or None if none wrote into it."""
    if not folder.is_dir():
        return None
    # A link, a named pipe or a device in its place is refused before anything is read:
    # /dev/zero would never end and a pipe would wait for a writer forever.
    path = checked_path(folder, MANIFEST)
    try:
        data = read_user_file(path, "manifest", limit=MANIFEST_LIMIT)
    except MissingFileError:
        return None
    # Undecodable bytes name no file the export wrote: they are left to match nothing.
    text = data.decode("utf-8", errors="replace")
    paths = []
    for line in text.splitlines():
        path = PurePosixPath(line.strip())
        # Only paths inside the folder: an edited manifest must not name files elsewhere.
        if line.strip() and not line.startswith("#") and _inside(path):
            paths.append(path.as_posix())
    return paths


def _inside(path: PurePosixPath) -> bool:
    return not path.is_absolute() and ".." not in path.parts and path.as_posix() != MANIFEST


def _write_manifest(folder: Path, paths: list[str]) -> None:
    text = _MANIFEST_HEADER + "".join(f"{path}\n" for path in sorted(set(paths)))
    write_into(folder, MANIFEST, text)


def write_folder(folder: Path, files: Mapping[str, str], *, force: bool = False) -> Exported:
    """Write files into the folder and remove those the last export wrote and these lack.

    A folder that exists, is not empty and was not written by an export is refused unless
    ``force``: the files there are someone's own. Nothing is written or removed through a
    link inside the folder (a committed ``week-1.md -> ../venv/.../x.pth``): such a link
    stops the export with one line naming it.
    """
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder")
    previous = read_manifest(folder) if folder.is_dir() else None
    if previous is None and not force and folder.is_dir() and any(folder.iterdir()):
        raise ExportError(
            f"{folder} is not empty and course-notes export did not write it (no {MANIFEST} "
            "file there); export into a new or empty folder, or add --force to write into it"
        )
    folder.mkdir(parents=True, exist_ok=True)
    previous = previous or []
    # Listed before anything is written: if the export stops halfway, the next one still
    # knows every file this one may have left.
    _write_manifest(folder, [*previous, *files])
    exported = Exported()
    for path, content in files.items():
        write_into(folder, path, content)
        exported.written.append(path)
    for path in sorted(set(previous) - set(files)):
        try:
            # A link is removed itself, never what it names.
            removed = remove_from(folder, path)
        except UnsafePathError:
            # Behind a link on the way (a folder swapped for a link to elsewhere): not the
            # export's to remove, nor any folder there.
            continue
        if removed:
            exported.removed.append(path)
        _remove_empty_parents(folder, folder / path)
    _write_manifest(folder, list(files))
    return exported


def _remove_empty_parents(folder: Path, target: Path) -> None:
    for parent in target.parents:
        if parent == folder or folder not in parent.parents:
            return
        try:
            parent.rmdir()
        except OSError:
            return


def export(
    files: CourseSettings, folder: Path, environ: Mapping[str, str], *, force: bool = False
) -> Exported:
    """Write every file of the course's site (pages, downloads, assets) into a folder.

    The site the plugin serves, placed in time as a build places it (``environ``'s today).
    """
    site = load_site(files, environ)
    # A home page of the folder's own (one no export wrote) stays: the generated one is for
    # a folder without. Anything there counts, a link too: nothing is written over it.
    own_home = os.path.lexists(folder / HOME) and HOME not in (read_manifest(folder) or [])
    return write_folder(folder, site.files(home=not own_home), force=force)
