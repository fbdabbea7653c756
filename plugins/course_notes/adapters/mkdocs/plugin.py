"""The MkDocs adapter: hands the course's ``Site`` to MkDocs as files and nav, watches the notes."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import meta

from ...derive.site import Site
from ...errors import CourseNotesError, unexpected
from ...io.config import CourseSettings, files_of
from ...io.load import load_site
from ...io.options import CourseNotesConfig
from ...model import Course, paths
from ...render import sanitize, tasklist
from ..core import extensions, macros
from ..core.placement import GROUP_ABOVE, nav, place

if TYPE_CHECKING:  # 25 ms of imports (a web server, watchdog) that only `serve` uses
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)

MAX_INFO_LINES = 50
BIG_PAGE = 1_000_000  # characters of HTML
# Headings on a page past which its table of contents is kept from the search plugin.
MANY_HEADINGS = 200


class Download(File):
    """A generated file served as it is, even with a Markdown name.

    MkDocs renders every ``.md`` file into a page; the FAQ's ``questions.md`` is meant to
    be downloaded as written, so it says it is no documentation page.
    """

    def is_documentation_page(self) -> bool:
        """Never a page: copied to the site byte for byte."""
        return False


class GeneratedPage(File):
    """A page the plugin writes; under a dirty build, rebuilt only when it changed."""

    changed = True

    def is_modified(self) -> bool:
        """Whether a dirty build (`mkdocs serve --dirty`) must build the page again."""
        return self.changed


def _modified() -> bool:
    return True


class TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, in memory, for the life of `mkdocs serve`.

    Each rebuild loads the config anew and with it a Jinja environment that compiles the
    theme's templates again: once a save builds only the pages it changed, that compiling
    was the biggest part of what was left (0.25 s of 0.9 s at 52 weeks). Jinja keys each
    template by name and file and checks its source's checksum, so an edited override is
    compiled afresh.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.hits = 0

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill the bucket from the cache, if the template was compiled before."""
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            self.hits += 1

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a freshly compiled template."""
        self.store[bucket.key] = bucket.bytecode_to_string()


_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


def _quiet_dirty(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class CourseNotesPlugin(BasePlugin[CourseNotesConfig]):
    """Turns one notes file into week pages with progress badges."""

    def __init__(self) -> None:
        self.site = Site(Course())
        self.files = CourseSettings(Path())
        self.generated: set[str] = set()
        self.own_home = False
        self.hidden_toc: dict[str, TableOfContents] = {}
        # Kept from one build to the next while serving (MkDocs keeps a plugin with an
        # on_startup for the server's life): what each generated page held, and the site's
        # shape (its pages and nav), for dirty builds.
        self.dirty = False
        self.built: dict[str, str] = {}
        self.shape: object = None
        self.rebuilt: set[str] = set()
        self.templates: TemplateCache | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether builds may skip unchanged pages (`mkdocs serve --dirty`)."""
        self.dirty = dirty
        self.built = {}
        self.shape = None
        self.templates = TemplateCache() if command == "serve" else None
        # MkDocs warns on every dirty build that pages not built keep an old nav; the
        # plugin builds every page again when the nav changes, so the warning, repeated
        # at each save, would only alarm.
        _BUILD_LOG.removeFilter(_quiet_dirty)
        if dirty and command == "serve":
            _BUILD_LOG.addFilter(_quiet_dirty)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """While serving, hand each rebuild's Jinja environment the templates compiled before."""
        if self.templates is not None:
            env.bytecode_cache = self.templates
        return env

    def on_shutdown(self) -> None:
        """Forget the served builds: the next command starts afresh."""
        self.on_startup(command="", dirty=False)

    # Before the default priority so that mkdocs-macros, whatever its place in
    # `plugins:`, finds the course's variables when its own on_config runs.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig, /) -> MkDocsConfig:
        """Read the notes into the site, hand it to mkdocs-macros, add stylesheet and extensions."""
        root = Path(config.config_file_path or ".").parent
        language = config.theme["language"] if "language" in config.theme else ""
        self.files = files_of(
            self.config,
            root,
            config.site_name,
            Path(config.docs_dir),
            language if isinstance(language, str) else "",
        )
        try:
            # Served dirty, the last build's site lends the weeks a save did not change.
            previous = self.site if self.dirty else None
            self.site = load_site(self.files, os.environ, note=self._note, previous=previous)
        except CourseNotesError as error:
            raise PluginError(str(error)) from None
        except Exception as error:  # noqa: BLE001 - no notes file may show a user a traceback
            where = self.files.label(self.files.notes)
            raise PluginError(unexpected(error, where)) from None
        self.generated = self.site.page_paths
        self.own_home = False
        weeks = len(self.site.course.weeks)
        if weeks > GROUP_ABOVE and config.nav is None and _prune_nav(config):
            log.info(
                "%s: %d %s, grouped by ten in the nav; Material's navigation.prune keeps each "
                "page's nav to its own group (list navigation.expand in theme.features to "
                "write the whole nav into every page)",
                self.config.notes,
                weeks,
                self.site.course.units_name.lower(),
            )
        self._log_diagnostics()
        references = self.files.references_file
        for diagnostic in self.site.references.diagnostics:
            label = self.files.label(references) if references else ""
            log.info("%s:%d: %s", label, diagnostic.line, diagnostic.message)
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is not None:
            macros.register(macros_plugin, self.site)
        for path in self.site.assets:
            if path.endswith(".css") and path not in config.extra_css:
                config.extra_css.insert(0, path)
            if path.endswith(".js") and path not in config.extra_javascript:
                config.extra_javascript.append(path)
        # The generated pages need them whatever the site lists: a site without them would
        # build, strict and silent, with raw `{: .cn-badges }` and `[x]` on the pages.
        added = extensions.add_missing(config.markdown_extensions, config.mdx_configs)
        if added:
            log.debug("Markdown extensions added for the generated pages: %s", ", ".join(added))
        return config

    def _note(self, message: str) -> None:
        log.info("%s: %s", self.config.notes, message)

    def _log_diagnostics(self) -> None:
        # A garbled file can have thousands of odd lines: past the first ones, they go
        # to the debug log (`mkdocs build --verbose`) so the build output stays readable.
        notes = self.config.notes
        diagnostics = self.site.course.diagnostics
        for count, diagnostic in enumerate(diagnostics):
            where = f"{notes}:{diagnostic.line}" if diagnostic.line else notes
            level = logging.INFO if count < MAX_INFO_LINES else logging.DEBUG
            log.log(level, "%s: %s", where, diagnostic.message)
        hidden = len(diagnostics) - MAX_INFO_LINES
        if hidden > 0:
            log.info("%s: %d more odd lines, listed with `mkdocs build --verbose`", notes, hidden)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add the site's pages and downloads (never replacing a hand-written one) and the nav."""
        own = {file.src_uri for file in files}
        try:
            placed = place(self.site, own, self.config.notes)
        except CourseNotesError as error:
            raise PluginError(str(error)) from None
        self.generated = set(placed.pages)
        # A home page of the site's own shows the title and intro only through the macros.
        self.own_home = not placed.home and bool(self.site.course.intro or self.site.course.title)
        pages = []
        for path, content in placed.pages.items():
            page = GeneratedPage.generated(config, path, content=content)
            page.changed = self.built.get(path) != content
            pages.append(page)
            files.append(page)
        for path, content in placed.downloads.items():
            files.append(Download.generated(config, path, content=content))
        for path, content in placed.assets.items():
            files.append(File.generated(config, path, content=content))
        if config.nav is None:
            home = paths.HOME if files.get_file_from_path(paths.HOME) else None
            others = [file.src_uri for file in files.documentation_pages()]
            config.nav = nav(self.site, home, others)
        if self.dirty:
            macros_plugin = config.plugins.get("macros")
            self._mark_changed(files, pages, placed.pages, config, macros_plugin)
        return files

    def _mark_changed(
        self,
        files: Files,
        pages: list[GeneratedPage],
        contents: dict[str, str],
        config: MkDocsConfig,
        macros: Any,
    ) -> None:
        """Under a dirty build, rebuild the pages a change to the notes shows on, no others.

        A generated page is rebuilt when its Markdown changed; every page when the site's
        pages, nav, mkdocs.yml or theme overrides changed (each page carries them); the
        site's own pages whenever the notes changed, as their macros may show the course.
        """
        shape = (
            sorted(file.src_uri for file in files.documentation_pages()),
            repr(config.nav),
            # mkdocs.yml and the theme's overrides shape every page: edited while serving,
            # every page is built again (MkDocs' own dirty builds would keep the old ones).
            _stamps(config),
        )
        everything = shape != self.shape
        changed = everything or any(page.changed for page in pages)
        for page in pages:
            page.changed = page.changed or everything
        if changed:
            for file in files.documentation_pages():
                if isinstance(file, GeneratedPage):
                    continue
                if everything or (macros is not None and _uses_macros(file, macros)):
                    # The instance's own answer: a page of the site's own that carries the
                    # new nav, or may show the course through the macros, is built anew.
                    file.is_modified = _modified  # type: ignore[method-assign]
        self.built = dict(contents)
        self.shape = shape
        self.rebuilt.clear()

    # First, before mkdocs-macros (default priority 0, whatever its place in `plugins:`):
    # it reads page.meta["render_macros"] when its own on_page_markdown runs.
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Mark a generated page as never rendered by macros; keep one copy of its Markdown."""
        if self.own_home and page.is_homepage and "course_intro" not in markdown:
            course = self.site.course
            first = course.title_line or course.intro[0].line
            log.info(
                "%s:%d: the course's title and intro show on the home page through "
                "`{{ course_intro() }}` (and `{{ course.title }}`), which %s does not use",
                self.config.notes,
                first,
                page.file.src_uri,
            )
        if page.file.src_uri in self.generated:
            # Set here, not only in the front matter: a page the YAML reader could not
            # read would lose its front matter, and mkdocs-macros would run the notes.
            page.meta["render_macros"] = False
            # MkDocs keeps the Markdown it read (less the front matter) for the whole
            # build, and the generated File kept it too: tens of MB twice over for a
            # 10 MB notes file. Read once, the File gets the very string the page holds.
            page.file.content_string = markdown
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Make heading ids safe; sanitise the plugin's pages and what the macros put on others."""
        # On every page: a heading from the notes ("# __config", through a macro or a
        # variable) must not take an id the theme's script reads.
        html, renamed = sanitize.safe_heading_ids(html)
        if renamed:
            _rename_anchors(page.toc, renamed)
        # Hand-written pages are the user's: their HTML is left as Markdown made it, but for
        # what the course's macros returned, which came from the notes (its check marks
        # labelled as on the plugin's pages).
        if page.file.src_uri not in self.generated:
            return sanitize.clean_marked(html, tasklist.label_checkboxes)
        if len(html) > BIG_PAGE:
            # Python-Markdown's objects hold reference cycles, so a page's garbage waits
            # for a full collection; on a huge site several pages' worth piled up.
            gc.collect()
        # The second wall: render escapes the notes, and should a way past that escaping
        # ever be found, the allow-list still keeps scripts, on* attributes and
        # javascript: links off the page. The generated home page has its own: the "now"
        # panel's dates and states, and the chart's drawing.
        home = self.site.home
        clean = sanitize.clean_home if home and page.file.src_uri == home.path else sanitize.clean
        return clean(tasklist.label_checkboxes(html))

    # Material's search plugin looks each section of a page up in the page's table of
    # contents, from the top every time: n²/2 steps for n headings. 20,000 repeated
    # "## exercises" in one week took 93 s to build, most of it there; so did a FAQ of
    # thousands of questions. It takes only the section's anchor from the entry it finds,
    # "#" + id, and writes the same "#" + id when it finds none; so while the other plugins
    # see a big page (search among them), its table of contents is empty, and the theme gets
    # it back. The search index comes out the same (tests/test_many_sections.py).
    @event_priority(100)
    def _hide_toc(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        if page.file.src_uri in self.generated and _headings(page.toc) > MANY_HEADINGS:
            self.hidden_toc[page.file.src_uri] = page.toc
            page.toc = TableOfContents([])
        return context

    @event_priority(-100)
    def _show_toc(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        hidden = self.hidden_toc.pop(page.file.src_uri, None)
        if hidden is not None:
            page.toc = hidden
        return context

    on_page_context = CombinedEvent(_hide_toc, _show_toc)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Note each page built: a dirty build builds only some."""
        if self.dirty:
            self.rebuilt.add(page.url)
        return output

    # Before the search plugin writes its index (default priority 0).
    @event_priority(50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Under a dirty build, give Material's search the entries of the pages not rebuilt."""
        if self.dirty:
            _merge_search_index(config, self.rebuilt)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when the notes, references or topics file changes: they live outside docs/."""
        server.watch(str(self.files.notes))
        if self.files.references is not None and self.files.references.is_file():
            server.watch(str(self.files.references))
        if self.files.topics is not None:
            server.watch(str(self.files.topics))
        return server


def _stamps(config: MkDocsConfig) -> tuple[tuple[str, int, int], ...]:
    """Each file of mkdocs.yml and the theme's custom_dir, with its time and size."""
    paths = [config.config_file_path or ""]
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):
        for folder, _, names in os.walk(custom):
            paths += [os.path.join(folder, name) for name in sorted(names)]
    found = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            continue
        found.append((path, status.st_mtime_ns, status.st_size))
    return tuple(found)


def _prune_nav(config: MkDocsConfig) -> bool:
    """Turn Material's navigation.prune on, unless the site expands its nav; True if added."""
    if config.theme.name != "material":
        return False
    features = list(config.theme["features"]) if "features" in config.theme else []
    if "navigation.prune" in features or "navigation.expand" in features:
        return False
    config.theme["features"] = [*features, "navigation.prune"]
    return True


def _uses_macros(file: File, macros: Any) -> bool:
    """Whether mkdocs-macros renders something on a page of the site's own: it has ``{{`` or
    ``{%``, and neither its front matter nor the plugin's options turn rendering off."""
    try:
        source = file.content_string
    except (OSError, ValueError):
        return True
    if "{{" not in source and "{%" not in source:
        return False
    try:
        front = meta.get_data(source)[1]
    except Exception:  # noqa: BLE001 - unreadable front matter: MkDocs says so; rebuild
        return True
    options = getattr(macros, "config", {}) or {}
    by_default = options.get("render_by_default", True) or options.get("force_render_paths")
    return bool(front.get("render_macros", by_default))


def _merge_search_index(config: MkDocsConfig, rebuilt: set[str]) -> None:
    # Material's search plugin, on a dirty build, keeps the previous index and drops from it
    # the entries of the *first* page rebuilt only (of every page, when that first page is
    # the home page, whose URL "" begins every location): a tick rebuilds a week and the
    # home page, and the index lost the other weeks or held two copies of a page. The
    # entries of the pages not rebuilt are put back here, and the previous index cleared,
    # so that Material writes the whole index as it is. Done only where the plugin looks as
    # Material 9 made it; anything else keeps its own behaviour.
    search = config.plugins.get("material/search")
    previous = getattr(search, "search_index_prev", None)
    current = getattr(search, "search_index", None)
    old = getattr(previous, "entries", None)
    new = getattr(current, "entries", None)
    if not isinstance(old, list) or not isinstance(new, list):
        return
    kept = [
        entry
        for entry in old
        if isinstance(entry, dict) and str(entry.get("location", "")).split("#")[0] not in rebuilt
    ]
    current.entries = kept + new  # type: ignore[union-attr]
    search.search_index_prev = None  # type: ignore[union-attr]


def _headings(toc: TableOfContents | list[Any]) -> int:
    return sum(1 + _headings(item.children) for item in toc)


def _rename_anchors(toc: Iterable[AnchorLink], renamed: Mapping[str, str]) -> None:
    """Give the table of contents' entries the headings' new ids."""
    for item in toc:
        item.id = renamed.get(item.id, item.id)
        _rename_anchors(item.children, renamed)
