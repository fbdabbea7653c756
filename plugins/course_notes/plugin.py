"""The MkDocs adapter: reads the notes, serves the rendered pages, watches the file."""

from __future__ import annotations

import gc
import html
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from . import assets, macros, readings, render, sanitize, tasklist
from .model import Course, Topic
from .notes_file import NotesFileError, read_course, read_topics
from .readings import ReadingList, References
from .references_file import ReferencesFileError, read_references

log = get_plugin_logger(__name__)

STYLESHEET = assets.STYLESHEET
DEFAULT_REFERENCES = "seeds/references.yml"
MAX_INFO_LINES = 50
BIG_PAGE = 1_000_000  # characters of HTML
# Headings on a page past which its table of contents is kept from the search plugin.
MANY_HEADINGS = 200


class CourseNotesConfig(base.Config):
    """Options of the ``course-notes`` plugin."""

    notes = c.Type(str, default="seeds/notes.md")
    """The notes file, relative to mkdocs.yml."""
    references = c.Optional(c.Type(str))
    """The references file (YAML), relative to mkdocs.yml; unset: seeds/references.yml if any."""
    topics = c.Optional(c.Type(str))
    """The FAQ's topic map (YAML), relative to mkdocs.yml; the package's own when unset."""


class Download(File):
    """A generated file served as it is, even with a Markdown name.

    MkDocs renders every ``.md`` file into a page; the FAQ's ``questions.md`` is meant to
    be downloaded as written, so it says it is no documentation page.
    """

    def is_documentation_page(self) -> bool:
        """Never a page: copied to the site byte for byte."""
        return False


class CourseNotesPlugin(BasePlugin[CourseNotesConfig]):
    """Turns one notes file into week pages with progress badges."""

    def __init__(self) -> None:
        self.course = Course()
        self.topics: list[Topic] = []
        self.notes_path = Path()
        self.references = References()
        self.reading_list = ReadingList()
        self.references_path = Path()
        self.topics_path: Path | None = None
        self.generated: set[str] = set()
        self.hidden_toc: dict[str, TableOfContents] = {}

    # Before the default priority so that mkdocs-macros, whatever its place in
    # `plugins:`, finds the course's variables when its own on_config runs.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig, /) -> MkDocsConfig:
        """Read the notes, hand the course to mkdocs-macros and add the stylesheet."""
        root = Path(config.config_file_path or ".").parent
        self.notes_path = root / self.config.notes
        references = self.config.references or DEFAULT_REFERENCES
        self.references_path = root / references
        self.topics_path = root / self.config.topics if self.config.topics else None
        try:
            self.course = read_course(self.notes_path)
            # Only a file the user names must exist; without one, readings show as written.
            self.references = read_references(
                self.references_path, references, required=self.config.references is not None
            )
            self.topics = read_topics(self.topics_path)
        except (NotesFileError, ReferencesFileError) as error:
            raise PluginError(str(error)) from None
        self._log_diagnostics()
        for diagnostic in self.references.diagnostics:
            log.info("%s:%d: %s", references, diagnostic.line, diagnostic.message)
        # Made once: the macros and the reading list page both use it.
        self.reading_list = readings.reading_list(self.course, self.references)
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is not None:
            macros.register(macros_plugin, self.course, self.reading_list, self.topics)
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        return config

    def _log_diagnostics(self) -> None:
        # A garbled file can have thousands of odd lines: past the first ones, they go
        # to the debug log (`mkdocs build --verbose`) so the build output stays readable.
        for count, diagnostic in enumerate(self.course.diagnostics):
            where = (
                f"{self.config.notes}:{diagnostic.line}" if diagnostic.line else self.config.notes
            )
            level = logging.INFO if count < MAX_INFO_LINES else logging.DEBUG
            log.log(level, "%s: %s", where, diagnostic.message)
        hidden = len(self.course.diagnostics) - MAX_INFO_LINES
        if hidden > 0:
            log.info(
                "%s: %d more odd lines, listed with `mkdocs build --verbose`",
                self.config.notes,
                hidden,
            )

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add the generated pages and files (never replacing a hand-written one) and the nav."""
        pages = render.render_pages(
            self.course, self.references, self.topics, reading_list=self.reading_list
        )
        downloads = render.render_downloads(self.course, self.topics)
        for path, content in {**pages, **downloads}.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"docs/{path} already exists and the notes file {self.config.notes} "
                    f"generates a file at the same path; rename or remove docs/{path}"
                )
            kind = Download if path in downloads else File
            files.append(kind.generated(config, path, content=content))
        self.generated = set(pages)
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET, content=assets.stylesheet()))
        if config.nav is None:
            config.nav = self._nav(files)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Keep one copy of a generated page's Markdown, not two."""
        # MkDocs keeps the Markdown it read (less the front matter) for the whole build,
        # and the generated File kept it too: tens of MB twice over for a 10 MB notes
        # file. Read once, the File gets the very string the page holds.
        if page.file.src_uri in self.generated:
            page.file.content_string = markdown
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Label the check marks on the plugin's own pages and sanitise their HTML."""
        # Hand-written pages are the user's: their HTML is left as Markdown made it.
        if page.file.src_uri not in self.generated:
            return html
        if len(html) > BIG_PAGE:
            # Python-Markdown's objects hold reference cycles, so a page's garbage waits
            # for a full collection; on a huge site several pages' worth piled up.
            gc.collect()
        # The second wall: render escapes the notes, and should a way past that escaping
        # ever be found, the allow-list still keeps scripts, on* attributes and
        # javascript: links off the page.
        return sanitize.clean(tasklist.label_checkboxes(html))

    # Material's search plugin looks each section of a page up in the page's table of
    # contents, from the top every time: n²/2 steps for n headings. 20,000 repeated
    # "## exercises" in one week took 93 s to build, most of it there; so did a FAQ of
    # thousands of questions. It takes only the section's anchor from the entry it finds,
    # "#" + id, and writes the same "#" + id when it finds none; so while the other plugins
    # see a big page (search among them), its table of contents is empty, and the theme gets
    # it back. The search index comes out the same (tests/test_search_index.py).
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

    def _nav(self, files: Files) -> list[Any]:
        titles = render.page_titles(self.course)
        week_paths = [render.page_path(week) for week in self.course.weeks]
        # Themes write nav titles into the HTML as they are: escaped, notes text stays text.
        titles = {path: html.escape(title) for path, title in titles.items()}
        nav: list[Any] = ["index.md"] if files.get_file_from_path("index.md") else []
        if week_paths:
            nav.append({"Weeks": [{titles[path]: path} for path in week_paths]})
        nav += [{title: path} for path, title in titles.items() if path not in week_paths]
        nav += sorted(
            file.src_uri
            for file in files.documentation_pages()
            if file.src_uri not in titles and file.src_uri != "index.md"
        )
        return nav

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when the notes, references or topics file changes: they live outside docs/."""
        server.watch(str(self.notes_path))
        if self.references_path.is_file():
            server.watch(str(self.references_path))
        if self.topics_path is not None:
            server.watch(str(self.topics_path))
        return server


def _headings(toc: TableOfContents | list[Any]) -> int:
    return sum(1 + _headings(item.children) for item in toc)
