"""The ``define_env(env)`` module that mkdocs-macros and Zensical's macros extension load.

Both call ``define_env`` with an environment whose ``variables``, ``macro`` and ``filter``
take what a page may use: the same course variables, macros and filters that the MkDocs
plugin hands to mkdocs-macros (``macros.py``), notes text escaped the same way, what the
macros return sanitised the same way (``zensical_markdown.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from ...derive.site import Site
from ...errors import CourseNotesError, unexpected
from ...io.config import PLUGIN, CourseSettings, resolve
from ...io.load import load_site, today
from ...io.user_files import stamp as file_stamp
from ...model.text import printable
from . import macros

CONFIG_VARIABLE = "COURSE_NOTES_CONFIG"
"""The site's own mkdocs.yml, set by ``course-notes build/serve --engine zensical``: the
config Zensical reads is a generated one, which names no notes."""


def define_env(env: Any) -> None:
    """Hand the course of the site's notes to the macros engine as variables, macros, filters."""
    plugins = getattr(env.conf, "plugins", None)
    if plugins is not None and PLUGIN in plugins:
        # An MkDocs build that runs the plugin: it hands them over itself
        # (mkdocs-macros refuses a name given twice).
        return
    where = str(config_file(env))
    try:
        files = resolve(Path(where))
        where = files.label(files.notes)
        site = current_site(files)
    except CourseNotesError as error:
        _stop(env, str(error))
    except Exception as error:  # noqa: BLE001 - no notes file may show a user a traceback
        _stop(env, unexpected(error, where))
    if _is_mkdocs(env):
        _sanitise_macros_output(env.conf)
    env.variables.update(macros.variables(site))
    for name, function in macros.macro_functions(site).items():
        env.macro(function, name)
    for name, function in macros.filters().items():
        env.filter(function, name)


def _is_mkdocs(env: Any) -> bool:
    """Whether the environment is mkdocs-macros' plugin (else Zensical's macros)."""
    # Not imported, MkDocs runs no build in this process (and Zensical's need not load it).
    plugins = sys.modules.get("mkdocs.plugins")
    return plugins is not None and isinstance(env, plugins.BasePlugin)


def _stop(env: Any, message: str) -> NoReturn:
    """Stop the build with one line: the host's own error, or the line and exit status 1."""
    if _is_mkdocs(env):
        from mkdocs.exceptions import PluginError

        raise PluginError(message) from None
    # Zensical shows any exception a Markdown extension raises with its traceback, and
    # catches SystemExit too: the line is printed here, and the process ends at once.
    print(f"course-notes: {printable(message)}", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(1)


def _sanitise_macros_output(conf: Any) -> None:
    """Under mkdocs-macros alone, have every page's macros output sanitised as the plugin does."""
    from .markdown import GeneratedPagesExtension

    listed = conf["markdown_extensions"]
    if not any(isinstance(extension, GeneratedPagesExtension) for extension in listed):
        # An instance: MkDocs makes each page's Markdown from this list.
        listed.append(GeneratedPagesExtension(hand_written=True))


def config_file(env: Any) -> Path:
    """The mkdocs.yml that names the notes: as set by course-notes, or the one being built."""
    named = os.environ.get(CONFIG_VARIABLE)
    if named:
        return Path(named)
    path = getattr(env.conf, "config_file_path", None)
    if path:
        return Path(path)
    return Path(env.project_dir) / "mkdocs.yml"


def current_site(files: CourseSettings) -> Site:
    """The site of the files as they are now, read again only when one of them changed."""
    # Zensical calls define_env for every page it renders. Reading 52 weeks of 10,000 items
    # takes about 0.5 s, so 54 pages would each have paid it; against a file's time and size,
    # the 54 calls after the first take under a millisecond in all.
    stamp = (files, today(os.environ), file_stamp(files.notes, files.references, files.topics))
    if _last and _last[0] == stamp:
        return _last[1]
    # The same course read again (a save while serving): its unchanged weeks are reused.
    previous = _last[1] if _last and _last[0][0] == files else None
    site = load_site(files, os.environ, previous=previous)
    _last[:] = [stamp, site]
    return site


# The files and their stamp last read, and their site: one process builds one site.
_last: list[Any] = []
