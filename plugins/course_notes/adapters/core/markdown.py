"""The Markdown-level wall: what the MkDocs plugin does to pages' HTML, for the other hosts.

Zensical runs no MkDocs plugin, so the plugin's ``on_page_content`` never runs there; it
does run the Markdown extensions its config lists, and ``course-notes build --engine
zensical`` lists this one with the generated pages' paths: they are labelled and sanitised,
the others get what the macros put on them sanitised. mkdocs-macros without the plugin gets
the same for its pages (``macros_env`` adds the extension, with ``hand_written`` set).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ...model.paths import HOME
from ...render import sanitize, tasklist

# Last of all postprocessors (Python-Markdown's own run at 30 to 10): the HTML the page gets.
PRIORITY = -100


class GeneratedPagesExtension(Extension):
    """Labels the check marks and sanitises the HTML of the pages the notes make."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "pages": [[], "the docs paths of the generated pages"],
            "hand_written": [False, "every page is hand-written (mkdocs-macros alone)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the sanitiser after every other postprocessor."""
        pages = frozenset(self.getConfig("pages"))
        hand_written = bool(self.getConfig("hand_written"))
        md.postprocessors.register(Sanitiser(md, pages, hand_written), "course_notes", PRIORITY)


class Sanitiser(Postprocessor):
    """The second wall of the MkDocs plugin, on the pages whose paths it was given."""

    def __init__(self, md: Markdown, pages: frozenset[str], hand_written: bool = False) -> None:
        super().__init__(md)
        self.pages = pages
        self.hand_written = hand_written

    def run(self, text: str) -> str:
        """Label and sanitise a generated page; on another, sanitise what the macros put there."""
        # Every page: a heading from the notes must not take an id the theme's script reads.
        text, renamed = sanitize.safe_heading_ids(text)
        if renamed:
            # The table of contents, read from these once the page is converted.
            _rename_tokens(getattr(self.md, "toc_tokens", []), renamed)
        if self.hand_written:
            return sanitize.clean_marked(text, tasklist.label_checkboxes)
        path = page_path(self.md)
        # A page Zensical did not name is sanitised too: a hand-written page losing its
        # own HTML is a smaller harm than a generated one keeping a script.
        if path is not None and path not in self.pages:
            return sanitize.clean_marked(text, tasklist.label_checkboxes)
        # The generated home page has its own allow-list: the "now" panel and the chart.
        clean = sanitize.clean_home if path == HOME else sanitize.clean
        return clean(tasklist.label_checkboxes(text))


def _rename_tokens(tokens: list[dict[str, Any]], renamed: Mapping[str, str]) -> None:
    """Give toc's tokens (and their children) the headings' new ids."""
    for token in tokens:
        if token.get("id") in renamed:
            token["id"] = renamed[token["id"]]
        _rename_tokens(token.get("children") or [], renamed)


def page_path(md: Markdown) -> str | None:
    """The docs path of the page Zensical is rendering with this Markdown, if it says."""
    try:
        from zensical.extensions.context import ContextPreprocessor
    except ImportError:
        return None
    context = ContextPreprocessor.from_markdown(md)
    page = context.page if context is not None else None
    return str(page.path) if page is not None else None


def makeExtension(**kwargs: Any) -> GeneratedPagesExtension:
    """Python-Markdown's entry point for an extension named by its module."""
    return GeneratedPagesExtension(**kwargs)
