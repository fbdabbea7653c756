"""The Zensical adapter: hands the course's ``Site`` to Zensical as a docs folder and a config.

Zensical reads mkdocs.yml but runs no MkDocs plugin, so what the plugin hands MkDocs in
memory is written down instead: the site's pages, downloads and stylesheet merged with the
site's own docs/ into a build folder, and a copy of mkdocs.yml that points Zensical at it,
with the nav, stylesheet and Markdown extensions the plugin would have added."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import yaml

from ...errors import CourseNotesError, unexpected
from ...io.config import CourseSettings, find_config, read_config, resolve
from ...io.user_files import stamp as file_stamp
from ..core import serving
from ..core.macros_env import CONFIG_VARIABLE, current_site
from ..core.placement import place
from .config import (
    BUILD_FOLDER,
    DOCS,
    OVERRIDES,
    ZensicalError,
    _Dumper,
    custom_dir,
    download_page,
    overrides,
    zensical_config,
)
from .sync import _docs_files, _write_if_changed, sync_folder

# Both inside the site's folder: Zensical reads paths in its config relative to the config's
# folder and keeps docs_dir and site_dir inside it, so the config sits beside mkdocs.yml,
# where the paths mkdocs.yml gives (theme.custom_dir, watch, a macros module) still hold.


CONFIG_NAME = ".course-notes-zensical.yml"


@dataclass(frozen=True)
class Project:
    """A site built with Zensical: its mkdocs.yml and the files course-notes writes for it."""

    config_file: Path
    site_dir: str | None = None

    @property
    def root(self) -> Path:
        """The site's folder, where mkdocs.yml is."""
        return self.config_file.parent

    @property
    def zensical_config(self) -> Path:
        """The config written for Zensical."""
        return self.root / CONFIG_NAME

    @property
    def docs(self) -> Path:
        """The docs folder Zensical reads: the site's pages and its own docs/ merged."""
        return self.root / BUILD_FOLDER / DOCS

    def files(self) -> CourseSettings:
        """The notes, references and topics files the config names."""
        return resolve(self.config_file)

    def prepare(self) -> list[str]:
        """Write the site's files and the config; return the paths that changed."""
        config = read_config(self.config_file, keep_tags=True)
        files = self.files()
        try:
            site = current_site(files)
        except CourseNotesError:
            raise
        except Exception as error:  # noqa: BLE001 - no notes file may show a user a traceback
            raise ZensicalError(unexpected(error, files.label(files.notes))) from None
        own = _docs_files(self.root / str(config.get("docs_dir") or DOCS))
        placed = place(site, own, files.label(files.notes))
        made: dict[str, str | Path] = {**own, **placed.pages}
        pages = list(placed.pages)
        for path, text in placed.downloads.items():
            if path.endswith(".md"):
                made[path] = download_page(path, text)
                pages.append(path)
            else:
                made[path] = text
        made.update(placed.assets)
        changed = sync_folder(self.root, BUILD_FOLDER / DOCS, made)
        theme = self._custom_dir(config)
        own_theme = _docs_files(theme) if theme is not None and theme.is_dir() else {}
        changed += sync_folder(self.root, BUILD_FOLDER / OVERRIDES, overrides(own_theme))
        text = yaml.dump(
            zensical_config(config, site, sorted(own), self.site_dir, pages),
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
        )
        header = f"# Made by course-notes for Zensical from {self.config_file.name}: edit that.\n"
        if _write_if_changed(self.root, CONFIG_NAME, header + text):
            changed.append(CONFIG_NAME)
        return changed

    def _custom_dir(self, config: dict[str, Any]) -> Path | None:
        folder = custom_dir(config)
        return None if folder is None else self.root / folder

    def watched(self) -> tuple[list[Path | None], list[Path]]:
        """The files `serve` watches (mkdocs.yml, the notes' files) and the site's folders
        (docs/ and the theme's overrides)."""
        files = self.files()
        config = read_config(self.config_file, keep_tags=True)
        docs = self.root / str(config.get("docs_dir") or DOCS)
        theme = self._custom_dir(config)
        folders = [docs] if theme is None else [docs, theme]
        return [self.config_file, files.notes, files.references, files.topics], folders


def stamp(files: list[Path | None], folders: list[Path]) -> tuple[object, ...]:
    """What `serve` compares to see a saved change: each file's time and size, the folders'."""
    found: list[object] = []
    for folder in folders:
        own = _docs_files(folder) if folder.is_dir() else {}
        found += [*file_stamp(*own.values()), *own]
    return file_stamp(*files) + tuple(found)


def _arguments(project: Project, *arguments: str) -> list[str]:
    """Zensical's command line for the project (what follows ``python -m zensical``)."""
    if find_spec("zensical") is None:
        raise ZensicalError(
            "Zensical is not installed; install it with pip install 'course-notes[zensical]'"
        )
    return [*arguments, "-f", str(project.zensical_config)]


def _environment(project: Project) -> dict[str, str]:
    # macros_env.define_env reads the notes that mkdocs.yml names, not the generated config.
    return {**os.environ, CONFIG_VARIABLE: str(project.config_file)}


def project(config_file: Path | None, site_dir: Path | None = None) -> Project:
    """The site of a config file (./mkdocs.yml if None), its site folder as given."""
    found = find_config(config_file)
    if found is None:
        raise ZensicalError("no mkdocs.yml here; give the site's config with -f FILE")
    return Project(found.resolve(), str(site_dir.resolve()) if site_dir is not None else None)


def build(config_file: Path | None, site_dir: Path | None = None, strict: bool = False) -> int:
    """Write the site's files and build it with Zensical; return Zensical's exit status."""
    site = project(config_file, site_dir)
    arguments = _arguments(site, "build", *(["--strict"] if strict else []))
    site.prepare()
    # Zensical in this process: its macros module (define_env, for every page) finds the
    # site prepare() derived, so the notes are read and derived once per build, not twice
    # in two processes. Its paths are the site folder's, its notes those mkdocs.yml names.
    with _in_site(site):
        return run_zensical(arguments)


@contextlib.contextmanager
def _in_site(site: Project) -> Iterator[None]:
    """Run in the site's folder, with the variable that names its mkdocs.yml; then undo both."""
    before = os.getcwd(), os.environ.get(CONFIG_VARIABLE)
    os.chdir(site.root)
    os.environ[CONFIG_VARIABLE] = str(site.config_file)
    try:
        yield
    finally:
        os.chdir(before[0])
        if before[1] is None:
            os.environ.pop(CONFIG_VARIABLE, None)
        else:
            os.environ[CONFIG_VARIABLE] = before[1]


def run_zensical(arguments: list[str]) -> int:
    """Run Zensical's command line; end a build it stops with one line, not a traceback."""
    from zensical.main import cli  # only in the process that runs Zensical

    try:
        # Click's standalone mode: says its own usage errors in a line, then exits, which
        # here, in course-notes' own process, becomes the status returned.
        cli.main(args=arguments, prog_name="zensical")
    except SystemExit as done:
        if isinstance(done.code, str):
            print(f"course-notes: {done.code}", file=sys.stderr)
            return 1
        return done.code or 0
    except RuntimeError as error:
        # How Zensical's build reports that it stopped (on a warning under --strict): the
        # warnings it printed above say why, a traceback of its command line would not.
        why = "; the warnings above say why" if "--strict" in arguments else ""
        print(f"course-notes: Zensical did not build the site: {error}{why}", file=sys.stderr)
        return 1
    return 0


def serve(config_file: Path | None, dev_addr: str | None = None) -> int:
    """Serve the site with Zensical, writing its files again whenever the notes change."""
    site = project(config_file)
    arguments = _arguments(site, "serve", *(["--dev-addr", dev_addr] if dev_addr else []))
    site.prepare()
    watch = Watch(site)
    # Zensical runs as a child this command owns: stopped by a signal, the command stops
    # it and all it started (serving.py).
    return serving.run(
        "zensical", arguments, env=_environment(site), cwd=site.root, tick=watch.look
    )


class Watch:
    """What ``serve`` looks at between two polls: the files a saved change shows in."""

    def __init__(self, site: Project) -> None:
        self.site = site
        self.watched = site.watched()
        self.last = stamp(*self.watched)

    def look(self) -> None:
        """Write the site's files again if one of the watched files changed."""
        now = stamp(*self.watched)
        if now == self.last:
            return
        self.last = now
        try:
            # mkdocs.yml may now name other notes or another docs/.
            self.watched = self.site.watched()
            self.site.prepare()
        except CourseNotesError as error:
            # As under `mkdocs serve`: say what is wrong, keep serving the last site.
            print(f"course-notes: {error}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(run_zensical(sys.argv[1:]))
