"""Writing the generated pages into a folder that holds them and nothing stale."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import CourseNotesError
from .notes_file import read_site
from .site import HOME
from .site_config import CourseFiles

# A dot file: MkDocs leaves it out of a site whose docs/ the pages are exported into.
MANIFEST = ".course-notes-export"
_MANIFEST_HEADER = (
    "# The files `course-notes export` wrote here, one a line. The next export removes\n"
    "# those it no longer makes; keep this file for that.\n"
)


class ExportError(CourseNotesError):
    """The folder cannot be written into; the message says why and what to do."""


@dataclass
class Exported:
    """What an export wrote and removed, as paths inside the folder."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_manifest(folder: Path) -> list[str] | None:
    """The paths the last export wrote into the folder, or None if none wrote into it."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
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
    (folder / MANIFEST).write_text(text, encoding="utf-8")


def write_folder(folder: Path, files: Mapping[str, str], *, force: bool = False) -> Exported:
    """Write files into the folder and remove those the last export wrote and these lack.

    A folder that exists, is not empty and was not written by an export is refused unless
    ``force``: the files there are someone's own.
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
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        exported.written.append(path)
    inside = folder.resolve()
    for path in sorted(set(previous) - set(files)):
        target = folder / path
        # A folder on the way swapped for a link to elsewhere is not followed.
        parent = target.parent.resolve()
        if parent != inside and inside not in parent.parents:
            continue
        if target.is_file() or target.is_symlink():
            target.unlink()
            exported.removed.append(path)
        _remove_empty_parents(folder, target)
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


def export(files: CourseFiles, folder: Path, *, force: bool = False) -> Exported:
    """Write every file of the course's site (pages, downloads, stylesheet) into a folder."""
    site = read_site(files)
    # A home page of the folder's own (one no export wrote) stays: the generated one is for
    # a folder without.
    own_home = (folder / HOME).exists() and HOME not in (read_manifest(folder) or [])
    return write_folder(folder, site.files(home=not own_home), force=force)
