"""Bare addresses in notes text become links, as pymdownx.magiclink would make them."""

from __future__ import annotations

import re

import pytest

from course_notes.derive.questions import read_questions
from course_notes.read.notes import parse
from course_notes.render import escape as markup
from course_notes.render.exports import as_markdown

LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*(?:\([^)\s]*\))?[^)\s]*)\)")


@pytest.mark.parametrize(
    ("text", "links"),
    [
        (
            "see https://example.org/page.",
            [("https://example.org/page", "https://example.org/page")],
        ),
        ("(https://example.org/a)", [("https://example.org/a", "https://example.org/a")]),
        (
            "https://en.wikipedia.org/wiki/A_(b), then",
            [("https://en.wikipedia.org/wiki/A\\_(b)", "https://en.wikipedia.org/wiki/A_%28b%29")],
        ),
        ("http://a.org?q=1&r=2!", [("http://a.org?q=1&amp;r=2", "http://a.org?q=1&amp;r=2")]),
        # Not bare: in code, already a link's address, a lone scheme, another scheme.
        ("`https://example.org`", []),
        ("[x](https://example.org)", [("x", "https://example.org")]),
        ("https:// alone", []),
        ("ftp://example.org and javascript://x", []),
    ],
)
def test_bare_addresses_become_links(text: str, links: list[tuple[str, str]]) -> None:
    assert LINK.findall(markup.markdown_inline(text)) == links


def test_inside_a_link_text_an_address_is_text() -> None:
    # Weeks table names and the FAQ's topic index are links already: no link in a link.
    assert markup.markdown_inline("see https://example.org/a_b", link_text=True) == (
        "see https://example.org/a_b"
    )


def test_the_markdown_list_of_questions_links_bare_addresses() -> None:
    faq = read_questions(parse("# Thoughts\nis https://example.org/a?b=1 right?\n").thoughts)
    assert as_markdown(faq.entries) == "1. is <https://example.org/a?b=1> right?\n"
