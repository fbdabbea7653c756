"""The Zensical adapter: hands the course's ``Site`` to Zensical as a docs folder and a config.

Zensical reads mkdocs.yml but runs no MkDocs plugin, so what the plugin hands MkDocs in
memory is written down instead: the site's pages, downloads and stylesheet merged with the
site's own docs/ into a build folder, and a copy of mkdocs.yml that points Zensical at it,
with the nav, stylesheet and Markdown extensions the plugin would have added.
"""

from __future__ import annotations

import os
import posixpath
import re
import signal
import stat
import subprocess
import sys
import time
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ...derive.site import Site
from ...errors import CourseNotesError
from ...io.config import PLUGIN, CourseSettings, Tagged, find_config, read_config, resolve
from ...io.user_files import (
    checked_path,
    make_folder,
    read_user_file,
    remove_from,
    write_into,
)
from ...io.user_files import stamp as file_stamp
from ...model.paths import HOME
from ...render import escape as markup
from ..core import extensions, placement
from ..core.macros_env import CONFIG_VARIABLE, current_site
from ..core.placement import place

# Both inside the site's folder: Zensical reads paths in its config relative to the config's
# folder and keeps docs_dir and site_dir inside it, so the config sits beside mkdocs.yml,
# where the paths mkdocs.yml gives (theme.custom_dir, watch, a macros module) still hold.
BUILD_FOLDER = PurePosixPath(".course-notes/zensical")
CONFIG_NAME = ".course-notes-zensical.yml"
DOCS = "docs"
MACROS_EXTENSION = "zensical.extensions.macros"
MACROS_MODULE = "course_notes.macros_env"
PAGES_EXTENSION = "course_notes.adapters.core.markdown"
# How often `serve` looks at the notes and docs/ for a saved change.
POLL_SECONDS = 0.2
# A file of the site's docs/ is read whole to be copied; GitHub refuses a file over 100 MB,
# so no site it publishes holds one.
DOCS_FILE_LIMIT = 100_000_000
# Run in Zensical's place by `build`: Zensical's command line with its failures in one line.
RUNNER = "course_notes.adapters.zensical.engine"


class ZensicalError(CourseNotesError):
    """Zensical cannot build this site; the message says why and what to do."""


class _Dumper(yaml.SafeDumper):
    """Writes the config back, tags and the extensions' Python functions included."""


def _tagged(dumper: _Dumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


def _function(dumper: _Dumper, data: Callable[..., Any]) -> yaml.Node:
    name = f"{data.__module__}.{data.__qualname__}"
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", "")


_Dumper.add_representer(Tagged, _tagged)
_Dumper.add_representer(types.FunctionType, _function)


def _plugins(config: dict[str, Any]) -> dict[str, Any]:
    # `plugins:` as MkDocs reads it: a list of names or one-entry maps, or a map.
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return {str(name): options or {} for name, options in plugins.items()}
    found: dict[str, Any] = {}
    for entry in plugins:
        if isinstance(entry, str):
            found[entry] = {}
        elif isinstance(entry, dict) and len(entry) == 1:
            name, options = next(iter(entry.items()))
            found[str(name)] = options or {}
    return found


def _extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    # `markdown_extensions:` as MkDocs reads it, into its names and its options by name.
    listed = config.get("markdown_extensions") or []
    entries = list(listed.items()) if isinstance(listed, dict) else listed
    names: list[str] = []
    options: dict[str, dict[str, Any]] = {}
    for entry in entries:
        name, settings = (entry, None) if isinstance(entry, str) else _pair(entry)
        names.append(name)
        if settings:
            options[name] = dict(settings)
    return names, options


def _pair(entry: Any) -> tuple[str, Any]:
    if isinstance(entry, tuple):
        return str(entry[0]), entry[1]
    if isinstance(entry, dict) and len(entry) == 1:
        name, settings = next(iter(entry.items()))
        return str(name), settings
    raise ZensicalError(f"a markdown_extensions entry Zensical cannot read: {entry!r}")


_GITIGNORE_SPECIAL = re.compile(r"([*?[\\!# ])")


def _render_paths(pages: list[str]) -> str:
    # gitignore patterns, as Zensical's macros read force_render_paths: "!/week-1.md" is
    # "not week-1.md", and the last pattern that matches a path wins.
    return "".join("!/" + _GITIGNORE_SPECIAL.sub(r"\\\1", page) + "\n" for page in pages)


def download_page(path: str, text: str) -> str:
    """A download Zensical would render as a page (a ``.md`` file): a page that shows it.

    Zensical renders every ``.md`` file of docs/ into a page, where MkDocs serves the
    plugin's ``questions.md`` as it is; written as notes text, it would run on the page.
    """
    title = posixpath.basename(path)
    shown = markup.html_text(text.rstrip("\n"), lines=True)
    return (
        f"---\ntitle: {title}\nrender_macros: false\n---\n\n# {title}\n\n"
        f'<div class="copy highlight"><pre><span></span><code>{shown}\n</code></pre></div>\n'
    )


def zensical_config(
    config: dict[str, Any],
    site: Site,
    docs: list[str],
    site_dir: str | None,
    pages: list[str],
) -> dict[str, Any]:
    """The config Zensical builds from: the site's own, with what the plugin adds in memory.

    ``docs`` are the paths of the files in the site's docs/ (the generated ones not among
    them); ``site_dir`` overrides the config's; ``pages`` are the generated pages' paths.
    """
    made = dict(config)
    made["docs_dir"] = str(BUILD_FOLDER / DOCS)
    if site_dir is not None:
        made["site_dir"] = site_dir
    plugins = _plugins(config)
    options = plugins.get(PLUGIN) or {}
    theme = made.get("theme")
    if not options.get("zensical_overrides", True) and isinstance(theme, dict):
        made["theme"] = {key: value for key, value in theme.items() if key != "custom_dir"}
    if made.get("nav") is None:
        markdown = [path for path in docs if path.endswith(".md")]
        home = HOME if HOME in markdown or HOME in pages else None
        made["nav"] = placement.nav(site, home, markdown)
    css = list(made.get("extra_css") or [])
    scripts = list(made.get("extra_javascript") or [])
    for path in site.assets:
        if path.endswith(".css") and path not in css:
            css.insert(0, path)
        if path.endswith(".js") and path not in scripts:
            scripts.append(path)
    made["extra_css"] = css
    if scripts:
        made["extra_javascript"] = scripts
    names, settings = _extensions(config)
    extensions.add_missing(names, settings)
    if "macros" in plugins and MACROS_EXTENSION not in names:
        # Zensical's own macros, set as mkdocs-macros is, plus the course's define_env.
        macros = dict(plugins["macros"])
        modules = list(macros.get("modules") or [])
        macros["modules"] = [*modules, MACROS_MODULE] if MACROS_MODULE not in modules else modules
        # A generated page is never rendered as a template: its front matter says so, and
        # should Zensical not read that front matter, no page is rendered by default here
        # but those the patterns name, which are every page except the generated ones.
        everything = "*\n" if macros.get("render_by_default", True) else ""
        own = "" if everything else str(macros.get("force_render_paths") or "").strip()
        own += "\n" if own else ""
        macros["render_by_default"] = False
        macros["force_render_paths"] = everything + own + _render_paths(pages)
        names.append(MACROS_EXTENSION)
        settings[MACROS_EXTENSION] = macros
    names.append(PAGES_EXTENSION)
    settings[PAGES_EXTENSION] = {"pages": pages}
    made["markdown_extensions"] = [
        {name: settings[name]} if name in settings else name for name in names
    ]
    return made


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
        site = current_site(files)
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

    def watched(self) -> tuple[list[Path | None], Path]:
        """The files `serve` watches (mkdocs.yml, the notes' files) and the site's docs/."""
        files = self.files()
        docs = self.root / str(
            read_config(self.config_file, keep_tags=True).get("docs_dir") or DOCS
        )
        return [self.config_file, files.notes, files.references, files.topics], docs


def stamp(files: list[Path | None], docs: Path) -> tuple[object, ...]:
    """What `serve` compares to see a saved change: each file's time and size, docs/'s files."""
    own = _docs_files(docs) if docs.is_dir() else {}
    return file_stamp(*files, *own.values()) + tuple(own)


def _write_if_changed(root: Path, relative: str, text: str) -> bool:
    data = text.encode("utf-8")
    if _holds(root, PurePosixPath(relative), data):
        return False
    write_into(root, relative, data)
    return True


def _command(project: Project, *arguments: str, module: str = "zensical") -> list[str]:
    if find_spec("zensical") is None:
        raise ZensicalError(
            "Zensical is not installed; install it with pip install 'course-notes[zensical]'"
        )
    return [sys.executable, "-m", module, *arguments, "-f", str(project.zensical_config)]


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
    # Zensical's command line through run_zensical: a build it stops ends in one line.
    command = _command(site, "build", *(["--strict"] if strict else []), module=RUNNER)
    site.prepare()
    return subprocess.call(command, env=_environment(site), cwd=site.root)


def run_zensical(arguments: list[str]) -> int:
    """Run Zensical's command line; end a build it stops with one line, not a traceback."""
    from zensical.main import cli  # only in the process that runs Zensical

    try:
        # Click's standalone mode: exits itself, and says its own usage errors in a line.
        cli.main(args=arguments, prog_name="zensical")
    except RuntimeError as error:
        # How Zensical's build reports that it stopped (on a warning under --strict): the
        # warnings it printed above say why, a traceback of its command line would not.
        why = "; the warnings above say why" if "--strict" in arguments else ""
        print(f"course-notes: Zensical did not build the site: {error}{why}", file=sys.stderr)
        return 1
    return 0


def _interrupt(number: int, frame: types.FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(config_file: Path | None, dev_addr: str | None = None) -> int:
    """Serve the site with Zensical, writing its files again whenever the notes change."""
    site = project(config_file)
    command = _command(site, "serve", *(["--dev-addr", dev_addr] if dev_addr else []))
    site.prepare()
    watched = site.watched()
    server = subprocess.Popen(command, env=_environment(site), cwd=site.root)
    # Stopped by a signal (a test, a process manager), it stops Zensical too, as on Ctrl-C.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        last = stamp(*watched)
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = stamp(*watched)
            if now == last:
                continue
            last = now
            try:
                # mkdocs.yml may now name other notes or another docs/.
                watched = site.watched()
                site.prepare()
            except CourseNotesError as error:
                # As under `mkdocs serve`: say what is wrong, keep serving the last site.
                print(f"course-notes: {error}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        _stop(server)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop(server)
    return server.wait()


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(run_zensical(sys.argv[1:]))
