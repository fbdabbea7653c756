"""Where each page, download and asset of a course lives: the one owner of their names.

A path is a file's place in the site's docs folder (``week-3.md``); MkDocs and Zensical serve
``week-3.md`` at ``week-3/`` and resolve a Markdown link to it from any page. A page links
another with ``base + path``, ``base`` being the way from the linking page to the docs
folder's root (``""`` from a page at the root, ``"../"`` from one a folder down). Nothing
else in the package spells a page's file name.
"""

from __future__ import annotations

from .course import Week

HOME = "index.md"
"""The home page: MkDocs serves docs/index.md at the site's root."""
READINGS = "readings.md"
GENERAL = "general.md"
"""The sections written before the first week."""
FAQ = "faq.md"
FAQ_DOWNLOADS = ("faq/questions.md", "faq/questions.txt")
"""The open questions as Markdown and as plain text, served byte for byte."""
CALENDAR = "calendar.ics"
STYLESHEET = "assets/course-notes.css"
SCRIPT = "assets/course-notes.js"


def week_page(week: Week) -> str:
    """The path of a week's page: ``week-3.md`` (``weeks-3-4.md`` for a range)."""
    return f"{week.slug}.md"


def url(path: str) -> str:
    """A page's address in the built site, as MkDocs gives it: ``week-3.md`` is ``week-3/``."""
    # MkDocs' directory URLs (its default, and the plugin's site's): a page `x.md` is
    # served as `x/index.html`, linked as `x/`.
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
