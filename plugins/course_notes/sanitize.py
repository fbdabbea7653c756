"""The allow-list of HTML the generated pages may hold, enforced on each page with nh3."""

from __future__ import annotations

import nh3

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
# Material's own elements have ids starting with "__", and its script reads its settings
# from the first "#__config" of the page: a heading "__config" (toc's id "__config"), which
# comes first, stopped every script of the page (search, palette, copy buttons).
RESERVED_ID = "__"


def _theme_ids_kept(tag: str, name: str, value: str) -> str | None:
    return None if name == "id" and value.startswith(RESERVED_ID) else value


_OPTIONS = {
    "tags": set(TAGS),
    "attributes": ATTRIBUTES,
    "tag_attribute_values": ATTRIBUTE_VALUES,
    "url_schemes": set(URL_SCHEMES),
    # Links to other hosts open in the same tab, so no rel is needed; nh3 would add one.
    "link_rel": None,
}
_CLEANER = nh3.Cleaner(**_OPTIONS)
_THEME_IDS_KEPT = nh3.Cleaner(**_OPTIONS, attribute_filter=_theme_ids_kept)


def clean(html: str) -> str:
    """Keep only the tags, attributes and URL schemes the generated pages are made of."""
    # The cost, html5ever parsing and writing each page again (2 shared CPUs, best of 9):
    # 5 ms per build of the sample notes (8 pages, 80 KB of HTML; importing nh3 takes 6 ms
    # more), about 1% of the build; 0.18 s per build of 52 weeks and 10,000 items (54 pages,
    # 2.9 MB), 3-4% of the build. See docs/benchmarks.md.
    cleaned = _CLEANER.clean(html)
    # html5ever writes every attribute as name="value": a reserved id shows as this text.
    if f' id="{RESERVED_ID}' in cleaned:
        cleaned = _THEME_IDS_KEPT.clean(cleaned)
    return cleaned
