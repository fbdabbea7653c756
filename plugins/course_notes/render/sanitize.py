"""The allow-list of HTML the generated pages may hold, enforced on each page with nh3."""

from __future__ import annotations

import itertools
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import nh3

from .. import regex
from . import mathml

# What the plugin's pages are made of, collected from the built pages of the sample notes
# plus a general section, an answered question and inline Markdown in items: the markup
# render.py writes (badges, bars, task lists, FAQ blocks, admonitions, the copyable list,
# the home page's weeks table), what Markdown makes of it (headings with permalinks, a
# section's sub-headings, lists, paragraphs, details, a table) and
# what inline Markdown in the notes makes (links, emphasis, code). Material's icons in the
# badges are inline SVG: <svg viewBox> with one <path d>; html5ever, nh3's parser, gives
# SVG attributes their SVG case, so "viewBox" is spelt so here. Anything else is dropped,
# its text kept; <script> and <style> go with their content.
TAGS = (
    frozenset(
        {
            "a",
            "code",
            "del",
            "details",
            "div",
            "em",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "input",
            "label",
            "li",
            "p",
            "path",
            "pre",
            "span",
            "strong",
            "summary",
            "svg",
            "table",
            "tbody",
            "td",
            "th",
            "thead",
            "tr",
            "ul",
        }
    )
    | mathml.TAGS
)
# The notes' math, written again from mathml's own allow-list.
_MATH_ATTRIBUTES = {tag: set(mathml.ATTRIBUTES) for tag in mathml.TAGS}
ATTRIBUTES = _MATH_ATTRIBUTES | {
    "a": {"class", "href", "title"},
    "details": {"class"},
    "div": {"class"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "input": {"aria-label", "checked", "disabled"},
    "label": {"class"},
    "li": {"class"},
    "p": {"class", "id"},
    "path": {"d"},
    # data-cn-end and hidden: the "behind" badge (render_now.behind_badge), whose end date
    # the site's script compares with today's to show it or not.
    "span": {"aria-label", "class", "data-cn-end", "hidden", "title"},
    "svg": {"viewBox"},
    "ul": {"class"},
}
# Attributes with a few allowed values: the task list's read-only check marks, the icons'
# namespace, and the progress bar (render.progress_bar): its role and value, and the one
# inline style, the bar's width, "width:68%" for the whole percents the plugin's bars show.
# A set of values rather than a Python filter per attribute: nh3 calls a filter for each
# of the page's attributes, and that took the sanitiser from 0.18 to 0.29 s on 52 weeks.
ATTRIBUTE_VALUES = {
    "span": {
        "style": {f"width:{percent}%" for percent in range(101)},
        "role": {"progressbar"},
        "aria-valuemin": {"0"},
        "aria-valuemax": {"100"},
        "aria-valuenow": {str(percent) for percent in range(101)},
        "data-cn-show": {"behind"},
    },
    "input": {"type": {"checkbox"}},
    # The generated home page's weeks table: its columns' alignment, as Markdown writes it.
    "th": {"style": {f"text-align: {side};" for side in ("left", "right", "center")}},
    "td": {"style": {f"text-align: {side};" for side in ("left", "right", "center")}},
    "svg": {"xmlns": {"http://www.w3.org/2000/svg"}},
}
# Relative links (other pages, anchors, the FAQ's downloads) pass as they are.
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# The generated home page holds, besides what the week pages are made of, the "now" panel,
# the calendar's link and the burn-up chart (render_now.py), read from their output: the
# panel's candidates carry their dates in data-cn-* and are `hidden` when not "now" on the
# build day, which the site's script (assets/course-notes.js) reads and toggles; the chart
# is an SVG of lines, paths and text with a <title>, in a figure, its data in a table with
# a caption. Values that are words are listed; dates are free (the script only compares
# them as strings). Still no script, no on* attribute, no style but the bars' and cells'.
HOME_TAGS = TAGS | frozenset({"caption", "figcaption", "figure", "line", "text", "time", "title"})
_DATES = {"data-cn-start", "data-cn-end"}
_HOME_MORE: dict[str, set[str]] = {
    "div": {"data-cn-built", "hidden", *_DATES},
    "figcaption": {"class"},
    "figure": {"class"},
    "li": {"data-cn-due", "hidden", *_DATES},
    "line": {"class", "x1", "x2", "y1", "y2"},
    # The date line's sentence, pattern and names, in the site's language: text the script
    # puts into the page with textContent, never as markup.
    "p": {
        "data-cn-today",
        "data-cn-today-text",
        "data-cn-date-pattern",
        "data-cn-day-names",
        "data-cn-month-names",
        "hidden",
        *_DATES,
    },
    "path": {"class"},
    "svg": {"class"},
    "text": {"class", "x", "y"},
    "time": {"datetime"},
}
HOME_ATTRIBUTES = {
    tag: set(ATTRIBUTES.get(tag, ())) | _HOME_MORE.get(tag, set())
    for tag in ATTRIBUTES.keys() | _HOME_MORE.keys()
}
HOME_ATTRIBUTE_VALUES = {tag: dict(values) for tag, values in ATTRIBUTE_VALUES.items()} | {
    "div": {
        "data-cn-show": {"week"},
        "data-cn-group": {"week", "overdue", "behind", "next"},
    },
    "p": {"data-cn-show": {"before", "after", "none"}},
    "li": {"data-cn-show": {"overdue", "behind", "next"}},
    "svg": {
        **ATTRIBUTE_VALUES["svg"],
        "role": {"img"},
        "aria-labelledby": {"cn-burnup-title"},
    },
    "title": {"id": {"cn-burnup-title"}},
    "text": {"text-anchor": {"end", "middle"}},
    "th": {**ATTRIBUTE_VALUES["th"], "scope": {"col"}},
}

# Material's own elements have ids starting with "__", and its script reads its settings
# from the first "#__config" of the page: a heading "__config" (toc's id "__config"), which
# comes first, stopped every script of the page (search, palette, copy buttons).
RESERVED_ID = "__"


def _theme_ids_kept(tag: str, name: str, value: str) -> str | None:
    return None if name == "id" and value.startswith(RESERVED_ID) else value


class _AllowList:
    """One allow-list's two cleaners: the fast one, and one that also drops reserved ids."""

    def __init__(
        self,
        tags: frozenset[str],
        attributes: dict[str, set[str]],
        values: dict[str, dict[str, set[str]]],
    ) -> None:
        options: dict[str, Any] = {
            "tags": set(tags),
            "attributes": attributes,
            "tag_attribute_values": values,
            "url_schemes": set(URL_SCHEMES),
            # Links to other hosts open in the same tab, so no rel is needed; nh3 would add one.
            "link_rel": None,
        }
        self.cleaner = nh3.Cleaner(**options)
        self.theme_ids_kept = nh3.Cleaner(**options, attribute_filter=_theme_ids_kept)

    def clean(self, html: str) -> str:
        cleaned = self.cleaner.clean(html)
        # html5ever writes every attribute as name="value": a reserved id shows as this text.
        if f' id="{RESERVED_ID}' in cleaned:
            cleaned = self.theme_ids_kept.clean(cleaned)
        return cleaned


_PAGE = _AllowList(TAGS, ATTRIBUTES, ATTRIBUTE_VALUES)
_HOME = _AllowList(HOME_TAGS, HOME_ATTRIBUTES, HOME_ATTRIBUTE_VALUES)


def clean(html: str) -> str:
    """Keep only the tags, attributes and URL schemes the generated pages are made of."""
    # The cost, html5ever parsing and writing each page again (2 shared CPUs, best of 9):
    # 5 ms per build of the sample notes (8 pages, 80 KB of HTML; importing nh3 takes 6 ms
    # more), about 1% of the build; 0.18 s per build of 52 weeks and 10,000 items (54 pages,
    # 2.9 MB), 3-4% of the build. See docs/benchmarks.md.
    return _PAGE.clean(html)


def clean_home(html: str) -> str:
    """Keep only what the generated home page is made of: a week page's, panel and chart."""
    return _HOME.clean(html)


# What the macros return to a hand-written page goes between two HTML comments that name
# its allow-list, and the page's HTML is cleaned between them (clean_marked), the rest of
# the page left as its author wrote it. The comments carry a number drawn when the process
# starts, which no notes file can know, so text from the notes cannot end its part early;
# and a serial number of each output, which pairs its two marks wherever Markdown put them.
_NONCE = secrets.token_hex(16)
_SERIAL = itertools.count()
PAGE = "page"
HOME = "home"
_MARK = regex.compile(rf"<!--(/?)course-notes (?:({PAGE}|{HOME}) )?(\d+) {_NONCE}-->")
_CLEANERS = {PAGE: clean, HOME: clean_home}


def _marks(kind: str) -> tuple[str, str]:
    serial = next(_SERIAL)
    return (
        f"<!--course-notes {kind} {serial} {_NONCE}-->",
        f"<!--/course-notes {serial} {_NONCE}-->",
    )


def marked_block(markdown: str, kind: str = PAGE) -> str:
    """Markdown blocks a macro returns, marked for clean_marked (nothing stays nothing)."""
    if not markdown:
        return ""
    # The marks on lines of their own: Markdown keeps them as HTML blocks around the blocks
    # between them, whatever those are.
    start, end = _marks(kind)
    return f"{start}\n\n{markdown}\n\n{end}"


def marked_inline(markdown: str, kind: str = PAGE) -> str:
    """Inline Markdown a macro returns, marked for clean_marked (nothing stays nothing).

    Not for the start of a line: Python-Markdown takes a comment there for an HTML block,
    and puts the end mark after the next block. Put it inside an element (or after text).
    """
    if not markdown:
        return ""
    start, end = _marks(kind)
    return f"{start}{markdown}{end}"


@dataclass
class _Part:
    """The marks of one macro output found on a page."""

    first: int
    """Where its first mark starts."""
    started: bool = False
    """Whether a start mark was found (one may have been swallowed)."""
    end: int | None = None
    """Where its last mark ends, when that mark is an end mark."""
    kind: str = PAGE


def clean_marked(html: str, prepare: Callable[[str], str] = str) -> str:
    """Clean what the macros put on a page, each part with its own allow-list; keep the rest.

    ``prepare`` is done to each part first (the task list's labels, say).

    A part runs from the first mark of its number to the last: the same output printed
    twice is one part, and so is all between. A part whose end mark is missing (text from
    the notes that swallowed it, into a code span say) runs to the end of the page, one
    whose start mark is missing from the start of the page. Parts that overlap (an end mark
    Markdown moved past the next part's start) are cleaned as one, with the wider list.
    """
    if _NONCE not in html:
        return html
    parts: dict[str, _Part] = {}
    for mark in _MARK.finditer(html):
        part = parts.setdefault(mark[3], _Part(mark.start()))
        if mark[1]:
            part.end = mark.end()
        else:
            part.started = True
            part.end = None
            part.kind = HOME if mark[2] == HOME else part.kind
    spans = sorted(
        (part.first if part.started else 0, part.end or len(html), part.kind)
        for part in parts.values()
    )
    merged: list[list[Any]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = HOME if HOME in (kind, merged[-1][2]) else PAGE
        else:
            merged.append([start, end, kind])
    pieces = []
    kept = 0
    for start, end, kind in merged:
        cleaned = _CLEANERS[kind](prepare(html[start:end]))
        if html.rfind("<", 0, start) > html.rfind(">", 0, start):
            # Inside a tag, as far as its last "<" and ">" say (a template that printed a
            # macro into an attribute): as text only, which cannot end the attribute.
            cleaned = _TEXT_ONLY.clean(cleaned).replace('"', "&#34;").replace("'", "&#39;")
        pieces += [html[kept:start], _quotes_escaped(cleaned)]
        kept = end
    pieces.append(html[kept:])
    return "".join(pieces)


# Every tag as html5ever writes it: attribute values in double quotes, theirs escaped.
_TAG = regex.compile(r'(<(?:[^>"]|"[^"]*")*>)')
_TEXT_ONLY = nh3.Cleaner(tags=set(), attributes={}, link_rel=None)


def _quotes_escaped(html: str) -> str:
    """Write the quotes of the text (not of the tags) as references."""
    # html5ever writes a text's quotes as they are: notes text that the renderer escaped,
    # `&#34;`, came out `"`. Printed into a script or an attribute by a template, it would
    # have ended a string the escaping kept it in.
    pieces = _TAG.split(html)
    pieces[::2] = [text.replace('"', "&#34;").replace("'", "&#39;") for text in pieces[::2]]
    return "".join(pieces)


# toc gives every heading an id (and its permalink "#id"): one from the notes ("__config"),
# on any page, could be one of the theme's. Renamed, the heading keeps a working anchor.
_RESERVED_HEADING = regex.compile(rf'(<h[1-6]\b[^>]*?\sid=")({RESERVED_ID}[^"]*)"')
_ANY_ID = regex.compile(r'\sid="([^"]*)"')
SAFE_PREFIX = "cn"


def safe_heading_ids(html: str) -> tuple[str, dict[str, str]]:
    """Rename every heading id the theme reserves (``__config``: ``cn__config``), links too.

    Returns the page and the ids renamed, old to new, for its table of contents.
    """
    if f' id="{RESERVED_ID}' not in html:
        return html, {}
    taken = set(_ANY_ID.findall(html))
    renamed: dict[str, str] = {}

    def rename(heading: re.Match[str]) -> str:
        old = heading[2]
        if old not in renamed:
            new = candidate = SAFE_PREFIX + old
            number = 0
            while new in taken:
                number += 1
                new = f"{candidate}_{number}"
            taken.add(new)
            renamed[old] = new
        return f'{heading[1]}{renamed[old]}"'

    html = _RESERVED_HEADING.sub(rename, html)
    for old, new in renamed.items():
        html = html.replace(f'href="#{old}"', f'href="#{new}"')
    return html, renamed
