"""A new MkDocs site for a notes file, written from the package's templates."""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath
from string import Template
from urllib.parse import quote

import yaml

from ...errors import CourseNotesError
from ...io.user_files import checked_path, make_folder
from ...model import Course
from ...model.inline import visible

PACKAGE = "course-notes"
# Template (in templates/) -> file in the new site. Setuptools' package-data globs skip
# dot files and folders, so the templates of .gitignore and .github/ are stored without
# the dot.
TEMPLATES = {
    "mkdocs.yml": "mkdocs.yml",
    "docs/index.md": "docs/index.md",
    "github/workflows/pages.yml": ".github/workflows/pages.yml",
    "gitignore": ".gitignore",
    "requirements.txt": "requirements.txt",
    "README.md": "README.md",
}


class NewSiteError(CourseNotesError):
    """The site cannot be written; the message names the file and what to do."""


@dataclass(frozen=True)
class SiteFiles:
    """The files the new site's plugin entry names, as paths from the new mkdocs.yml."""

    notes: str
    references: str | None = None
    topics: str | None = None


def template(name: str) -> str:
    """The text of one of the package's site templates."""
    return resources.files("course_notes").joinpath("templates", name).read_text("utf-8")


# Notes file names that say nothing of the course: the site folder's name is used instead.
_GENERIC = {"notes", "note", "course", "course notes", "index", "readme", "untitled", "notizen"}


def site_name(course: Course, notes: Path, folder: Path | None = None) -> str:
    """The course's title line, else the notes file's name (the site folder's, when the file
    is just ``notes.md``), as MkDocs names a page (``comp3121-notes`` is *Comp3121 notes*)."""
    name = course.title.strip()
    if not name:
        stem = notes.stem.replace("-", " ").replace("_", " ").strip()
        if stem.lower() in _GENERIC and folder is not None and folder.resolve().name:
            # Two courses' notes.md would both make "Notes", and their calendars, named
            # alike, would merge in a calendar app.
            stem = folder.resolve().name.replace("-", " ").replace("_", " ").strip()
        stem = stem or "Course notes"
        name = stem[0].upper() + stem[1:] if stem.islower() else stem
    # Themes write site_name into the HTML unescaped, in text and in attributes: escaped
    # here, a "<" or a quote in the title shows as typed (as the plugin's page titles do).
    return html.escape(visible(name))


def relative(path: Path, start: Path) -> str:
    """A path as the new mkdocs.yml names it: relative to its folder, with forward slashes."""
    try:
        return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
    except ValueError:  # another drive, on Windows
        return path.resolve().as_posix()


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar that reads back as the text, whatever it holds."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=float("inf")).strip()


README_LOCAL_INSTALL = (
    "\n**Before you push:** `requirements.txt` names course-notes as it was installed when\n"
    "this site was made, from a folder or a file on that computer, which GitHub cannot\n"
    "install. Put a release there (`course-notes>=0.1,<0.2`) or its git address and commit\n"
    "(`course-notes @ git+https://github.com/<owner>/course-notes@<commit>`).\n"
)
LOCAL_INSTALL = (
    "requirements.txt names course-notes as it is installed here, from a folder or a file on "
    "this computer, which GitHub cannot install: before you push, put a release there "
    "(course-notes>=0.1,<0.2) or its git address and commit "
    "(course-notes @ git+https://github.com/<owner>/course-notes@<commit>)"
)


def requirement() -> tuple[str, str, bool]:
    """How the new site installs the course-notes running now: (comment, requirement line,
    whether GitHub can install it as written)."""
    from importlib import metadata  # 0.02 s: only init needs it

    comment = "# course-notes as installed when this site was made.\n"
    try:
        distribution = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a source tree, not installed
        return comment, PACKAGE, False
    # PEP 610: where pip installed it from, when not from a package index.
    direct = json.loads(distribution.read_text("direct_url.json") or "{}")
    url = direct.get("url", "")
    vcs = direct.get("vcs_info")
    if vcs and not url.startswith("file:"):
        return comment, f"{PACKAGE} @ {vcs['vcs']}+{url}@{vcs['commit_id']}", True
    if url:
        comment += (
            "# It came from a local file or folder, which GitHub cannot reach: before\n"
            "# publishing, name a release or a git URL here (course-notes @ git+https://...).\n"
        )
        return comment, f"{PACKAGE}=={distribution.version}", False
    # From a package index: this release and the later ones that keep its features.
    return comment, f"{PACKAGE}{compatible(distribution.version)}", True


def compatible(version: str) -> str:
    """``>=1.4.2,<2`` for a release, ``>=0.3.1,<0.4`` before 1.0 (minor releases may break)."""
    # A build between tags (0.1.dev3+g1a2b3c4) carries a local label, which PEP 440 allows
    # in no ordered comparison: pip refused the whole requirements.txt.
    version = version.split("+", 1)[0]
    parts = [int(part) if part.isdigit() else 0 for part in version.split(".")[:2]] + [0]
    major, minor = parts[0], parts[1]
    upper = f"{major + 1}" if major else f"0.{minor + 1}"
    return f">={version},<{upper}"


def site_files(
    course: Course, notes: Path, options: SiteFiles, folder: Path | None = None
) -> dict[str, str]:
    """The new site's files (path in the folder -> text)."""
    name = site_name(course, notes, folder)
    plugin_options = "\n".join(
        f"      {key}: {yaml_string(value)}"
        for key, value in vars(options).items()
        if value is not None
    )
    comment, line, publishable = requirement()
    values = {
        "mkdocs.yml": {"site_name": yaml_string(name), "plugin_options": plugin_options},
        "requirements.txt": {"comment": comment, "requirement": line},
        "README.md": {
            "site_name": name,
            "notes": options.notes,
            "notes_link": quote(options.notes),
            "publish_note": "" if publishable else README_LOCAL_INSTALL,
        },
    }
    # The others are copied as they are: the workflow's ${{ }} and the home page's Jinja
    # are for GitHub and mkdocs-macros.
    files = {}
    for source, target in TEMPLATES.items():
        text = template(source)
        files[target] = Template(text).substitute(values[source]) if source in values else text
    return files


def write_site(folder: Path, files: dict[str, str]) -> list[str]:
    """Write the files into the folder; refuse, writing nothing, if any of them exists.

    A file there in any form counts, a link too (even one to nothing), and nothing is
    written through a link on the way (a committed ``.github -> elsewhere``).
    """
    existing = [path for path in files if os.path.lexists(folder / path)]
    if existing:
        others = f" (and {', '.join(existing[1:])})" if existing[1:] else ""
        raise NewSiteError(
            f"{folder / existing[0]} already exists{others}; init never overwrites a file: "
            "choose a new folder, or move the file away"
        )
    for path in files:
        # Every path looked at before any is written: a link is refused with nothing written.
        checked_path(folder, path)
    # The folder itself is the user's choice, made if missing as they named it.
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        _create(folder, path, text)
    return list(files)


def _create(folder: Path, path: str, text: str) -> None:
    parent = PurePosixPath(path).parent
    if parent.parts:
        make_folder(folder, parent)
    target = checked_path(folder, path)
    # Exclusive and not following a link: a file or link that appeared since the check
    # above is neither overwritten nor written through.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:
        raise NewSiteError(
            f"{target} already exists; init never overwrites a file: choose a new folder, "
            "or move the file away"
        ) from None
    except OSError as error:
        raise NewSiteError(f"cannot write '{target}': {error.strerror or error}") from None
    with open(fd, "wb") as out:
        out.write(text.encode("utf-8"))


def outside(folder: Path, path: Path) -> bool:
    """Whether a file lies outside the folder (and so outside the new site's repository)."""
    where = relative(path, folder)
    return where.startswith("../") or Path(where).is_absolute()
