"""Property: whatever the notes text, the site's real Markdown makes only what the plugin allows.

Notes text goes through the render functions and then Python-Markdown configured with this
site's mkdocs.yml extensions; the HTML may hold only the elements and attributes the plugin
writes or inline Markdown makes, links only to allowed schemes, and every "<", "&" and "{"
of the text must show as typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import markdown
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils import meta

from course_notes.model import Item, Note, Question, Section, SectionKind, Week, inline
from course_notes.read.notes import parse
from course_notes.read.thoughts import title_of
from course_notes.render import mathml
from course_notes.render.faq import render_question
from course_notes.render.pages import paragraph, render_section
from course_notes.render.pages import weeks_table as render_weeks_table

from conftest import ROOT, site_pages

# Python-Markdown and its extensions, as the site configures them.
_config = load_config(str(ROOT / "mkdocs.yml"))
_md = markdown.Markdown(
    extensions=_config.markdown_extensions, extension_configs=_config.mdx_configs
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "javascript:",
    "JaVaScRiPt:",
    "java&#115;cript:",
    "jav&#x09;ascript:",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:",
    "https://x.org/?a=1&b=2",
    "mailto:a@b.c",
    "//x",
    "#frag",
    "week-1.md",
    "<https://a.b/c>",
    "<img src=x onerror=alert(1)>",
    "<script>",
    "</p>",
    "<!--",
    "-->",
    "<?",
    "<![CDATA[",
    "<a@b.c>",
    "&amp;",
    "&lt;",
    "&#123;",
    "&#x7B;",
    "{{",
    "{%",
    "{#",
    "}}",
    "{: .x }",
    "{ onclick=alert(1) }",
    "\u2028",
    "\u2029",
    "\u0085",
    "---",
    "...",
    "[TOC]",
    "[r]: ",
    "*[A]: ",
    '[=50% "x"]',
    ":smile:",
    ":material-check:",
    "```",
    "``",
    "\\`",
    "\\\\",
    "](",
    "[a](",
    "![",
    "**",
    "__",
    "A:",
    "\x00",
    "\x02",
    "\x1b",
]
SPECIALS = "`\\[](){}<>&*_:!#|=-~ \t.\"'/%@;?+"
ADDRESSES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java&#115;cript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    " javascript:alert(1)",
    "<javascript:alert(1)>",
    "java\\script:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "https://x.org/?a=1&b=2",
    "mailto:a@b.c",
    "week-1.md#x",
    "//x.org",
]
pieces = (
    st.sampled_from(FRAGMENTS)
    | st.text(alphabet=SPECIALS, min_size=1, max_size=3)
    | st.text(max_size=3)
)
# Whole links, so that every scheme is tried as one: random text seldom spells one.
links = st.builds(
    lambda text, address, title, bang: f"{bang}[{text}]({address}{title})",
    pieces,
    st.sampled_from(ADDRESSES) | pieces,
    st.sampled_from(["", ' "t"', " 'a{b'"]),
    st.sampled_from(["", "!"]),
) | st.sampled_from(ADDRESSES).map(lambda address: f"<{address}>")
notes_text = (
    st.lists(pieces | links, max_size=16)
    .map("".join)
    .map(lambda text: text.replace("\n", " ").replace("\r", " "))
)

# What the plugin writes and inline Markdown makes; nothing else may come from notes text.
TAGS = {
    "p", "del", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "li", "label", "input", "span", "div",
    "a",
    "code", "em", "strong", "details", "summary", "pre", "svg", "path", "table", "thead",
    "tbody", "tr", "th", "td",
} | mathml.TAGS  # fmt: skip
ATTRIBUTES = {
    "class", "id", "href", "title", "type", "disabled", "checked", "style", "viewbox", "xmlns",
    "d", "align", "role", "aria-label", "aria-valuemin", "aria-valuemax", "aria-valuenow",
} | mathml.ATTRIBUTES  # fmt: skip
CLASSES = re.compile(
    r"cn-[\w-]+|task-list[\w-]*|twemoji|headerlink|progress(-bar|-label)?|admonition(-title)?"
    r"|quote|success|note|abstract|md-button|copy|highlight"
)
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def to_html(markdown_text: str, *, page: bool = False) -> BeautifulSoup:
    # Only whole pages have front matter: MkDocs reads a fragment's first "word: text" line
    # as MultiMarkdown metadata.
    body = meta.get_data(markdown_text)[0] if page else markdown_text
    _md.reset()
    return BeautifulSoup(_md.convert(body), "html.parser")


def elements(soup: BeautifulSoup) -> Iterator[Tag]:
    yield from soup.find_all(True)


def check_markup(soup: BeautifulSoup) -> None:
    """Only allowed elements and attributes; links only to allowed schemes."""
    for element in elements(soup):
        assert element.name in TAGS, element
        for name, value in element.attrs.items():
            assert name.lower() in ATTRIBUTES, (name, element)
            if name == "class":
                assert all(CLASSES.fullmatch(word) for word in value), element
            if name == "style":
                assert re.fullmatch(r"width:\d+(\.\d+)?%|text-align: \w+;", value), element
            if name == "href":
                # What the browser reads: blanks and controls it drops, then the scheme.
                address = re.sub(r"[\t\n\r]", "", html.unescape(value)).strip("\x00 ")
                scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", address)
                assert scheme is None or scheme.group(1).lower() in ALLOWED_SCHEMES, value


# Link addresses and autolinks: their characters go into href, not the visible text.
# A link's address, angle-bracketed ("[a](<(>)", where "(" is the address) or not.
_ADDRESSES = re.compile(
    r"\]\(<[^<>\n]*>(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\)"
    # A backslash escapes a bracket inside the address too: "](\) 'a{b')" is one address,
    # "\)" its destination and 'a{b' its title (CommonMark), shown as the link's tooltip.
    r"|\]\((?:\\.|[^()\\]|\([^()]*\))*\)|<[A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*>"
)


def check_as_typed(text: str, soup: BeautifulSoup, times: int) -> None:
    """Each "<", "&" and "{" of the text (outside link addresses) shows on the page."""
    shown = soup.get_text()
    outside = _ADDRESSES.sub("", inline.visible(text))
    for character in "<&{":
        assert shown.count(character) >= times * outside.count(character), (character, shown)


def check_no_template(page: str) -> None:
    assert re.search(r"\{[{%#]", page) is None, page


@SETTINGS
@given(notes_text)
# Found by hypothesis: the test's own idea of a link's address stopped at an escaped ")".
@example("[javascript:](\\) 'a{b')")
def test_notes_text_in_every_context(text: str) -> None:
    paragraph_page = paragraph(text)
    section = Section(text, SectionKind.OTHER, 1, [Item(text, False, 2), Note(text, 3)])
    section_page = render_section(section)
    entry = Question("q-1", title_of(text) or "x", text, 1, context=[text], answer=text)
    faq_page = render_question(entry, {})
    table_page = render_weeks_table(_Course([Week(1, 1, text)]))
    for page, times in [(paragraph_page, 1), (section_page, 3), (faq_page, 3), (table_page, 1)]:
        check_no_template(page)
        soup = to_html(page)
        check_markup(soup)
        if text.strip():
            check_as_typed(text.strip(), soup, times)


class _Course:
    """Just what weeks_table reads."""

    def __init__(self, weeks: list[Week]) -> None:
        self.weeks = weeks
        self.unit_word = "Week"


@SETTINGS
@given(notes_text, notes_text)
def test_whole_pages_from_notes_around_the_text(first: str, second: str) -> None:
    notes = (
        f"{first}\n# week 1: {first}\n## {second}\n- {first}\n{second}\n"
        f"## readings\n- {second} (ch 1)\n## video recordings & notes\n- {first} (4:40)\n"
        f"# Thoughts\n{first}?\n\n{second}\n\nA: {first}\n"
    )
    for page in site_pages(parse(notes)).values():
        check_no_template(page)
        check_markup(to_html(page, page=True))
