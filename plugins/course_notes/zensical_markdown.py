"""On Zensical, what the MkDocs plugin does to the generated pages' HTML: labels and sanitises it.

Zensical runs no MkDocs plugin, so the plugin's ``on_page_content`` never runs there; it
does run the Markdown extensions its config lists, and ``course-notes build --engine
zensical`` lists this one with the generated pages' paths.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from . import sanitize, tasklist

# Last of all postprocessors (Python-Markdown's own run at 30 to 10): the HTML the page gets.
PRIORITY = -100


class GeneratedPagesExtension(Extension):
    """Labels the check marks and sanitises the HTML of the pages the notes make."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"pages": [[], "the docs paths of the generated pages"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the sanitiser after every other postprocessor."""
        pages = frozenset(self.getConfig("pages"))
        md.postprocessors.register(Sanitiser(md, pages), "course_notes", PRIORITY)


class Sanitiser(Postprocessor):
    """The second wall of the MkDocs plugin, on the pages whose paths it was given."""

    def __init__(self, md: Markdown, pages: frozenset[str]) -> None:
        super().__init__(md)
        self.pages = pages

    def run(self, text: str) -> str:
        """Label and sanitise a generated page; leave a hand-written one as it is."""
        path = page_path(self.md)
        # A page Zensical did not name is sanitised too: a hand-written page losing its
        # own HTML is a smaller harm than a generated one keeping a script.
        if path is not None and path not in self.pages:
            return text
        return sanitize.clean(tasklist.label_checkboxes(text))


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
