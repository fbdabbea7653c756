"""The config written for Zensical: the site's mkdocs.yml with the course's pages and nav."""

from __future__ import annotations

import posixpath
import types
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ... import regex
from ...derive.site import Site
from ...errors import CourseNotesError
from ...io.config import PLUGIN, Tagged
from ...model.paths import HOME
from ...render import escape as markup
from ..core import extensions, placement

MACROS_EXTENSION = "zensical.extensions.macros"


MACROS_MODULE = "course_notes.macros_env"


PAGES_EXTENSION = "course_notes.adapters.core.markdown"


BUILD_FOLDER = PurePosixPath(".course-notes/zensical")
DOCS = "docs"
OVERRIDES = "overrides"


# Zensical's base.html titles a page "{title} - {site}" unless ``page.is_homepage``, which
# Zensical (0.0.73) never sets, so the home tab read "Course - Course" where MkDocs shows
# "Course". Its home page is the one whose URL is "" ("index.html" without directory URLs).
# A template, not a rewrite of the built HTML: `serve` renders pages in memory.
HOME_TITLE = """{%% extends "%s" %%}
{%% block htmltitle %%}
  {%%- if page.url in ("", "index.html") and not (page.meta and page.meta.title) -%%}
    <title>{{ config.site_name }}</title>
  {%%- else -%%}
    {{ super() }}
  {%%- endif %%}
{%% endblock %%}
"""


# The site's own main.html, under the name the one above extends.
SITE_MAIN = "course-notes-site-main.html"


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


_GITIGNORE_SPECIAL = regex.compile(r"([*?[\\!# ])")


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


def overrides(own: Mapping[str, Path]) -> dict[str, str | Path]:
    """The theme overrides Zensical reads: the site's own, and the home page's one title."""
    files: dict[str, str | Path] = dict(own)
    base = "base.html"
    if "main.html" in own:
        files[SITE_MAIN] = files.pop("main.html")
        base = SITE_MAIN
    files["main.html"] = HOME_TITLE % base
    return files


def custom_dir(config: dict[str, Any]) -> str | None:
    """The site's ``theme.custom_dir`` Zensical keeps, if any (none under
    ``zensical_overrides: false``)."""
    theme = config.get("theme")
    options = _plugins(config).get(PLUGIN) or {}
    if not isinstance(theme, dict) or not options.get("zensical_overrides", True):
        return None
    folder = theme.get("custom_dir")
    return folder if isinstance(folder, str) and folder else None


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
    theme = made.get("theme")
    # The overrides folder the engine writes holds the site's custom_dir, if kept.
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "material"}
    theme["custom_dir"] = str(BUILD_FOLDER / OVERRIDES)
    made["theme"] = theme
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
