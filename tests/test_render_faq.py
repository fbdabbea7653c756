from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from course_notes.derive.questions import read_questions
from course_notes.derive.site import build_site
from course_notes.model import Topic
from course_notes.read.notes import parse
from course_notes.render.faq import render_faq
from course_notes.render.pages import (
    heading,
    inline,
    paragraph,
)

from conftest import page_titles, site_pages


def faq_of(thoughts: str, topics: list[Topic] | None = None):
    return read_questions(parse("# Thoughts\n" + thoughts).thoughts, topics or [])


def test_braces_never_reach_attr_list() -> None:
    assert inline("{: .x} {{ y }}") == r"\{: .x} \{\{ y }}"
    # Not even in a code span: no "{{" anywhere in a generated page (a template engine
    # that read the page would run it).
    assert inline("`{{ kept }}`") == r"<code>\{\{ kept }}</code>"


def test_paragraph_lines_never_start_a_block() -> None:
    # The first character as a character reference: Markdown has no backslash escape
    # for "=" or "~", so "\\==" would show its backslash.
    for line, escaped in [
        ("--", "&#45;-"),
        ("==", "&#61;="),
        ("***", "&#42;**"),
        ("___", "&#95;__"),
        ("```python", r"\`\`\`python"),
        ("~~~", "&#126;~~"),
    ]:
        assert paragraph(line) == escaped
        html = markdown.markdown(f"a line before\n{escaped}", extensions=["pymdownx.superfences"])
        soup = BeautifulSoup(html, "html.parser")
        assert [p.get_text() for p in soup.find_all(True)] == [f"a line before\n{line}"]
    assert paragraph("_emphasis_ stays") == "_emphasis_ stays"


def test_heading_keeps_a_closing_hash() -> None:
    assert heading("what about C#") == "what about C\\#"
    assert heading("two\nlines") == "two lines"


def test_faq_page_front_matter_and_anchors() -> None:
    page = render_faq(faq_of("why a?\n\ncontext\n", [Topic("Letters", ("a",))]))
    assert page.startswith("---\ntitle: FAQ\ndescription: 'Questions for the lecturer: ")
    assert "render_macros: false" in page
    entry = faq_of("why a?\n").entries[0]
    # "{ #id }" rather than "{#id}", which a template engine reads as a comment.
    assert f"## Why a? {{ #{entry.id} }}" in page
    assert "{#" not in page
    assert '??? quote cn-context "Context (1 paragraph)"\n\n    context' in page
    assert "[Letters](#topic-letters){ .cn-topic }" in page


def test_empty_thoughts_page_says_so() -> None:
    course = parse("# week 1\n- a\n# Thoughts\n\n")
    pages = site_pages(course)
    assert "none yet" in pages["faq.md"]
    assert page_titles(course)["faq.md"] == "FAQ"
    assert build_site(course).downloads == {"faq/questions.md": "", "faq/questions.txt": ""}


def test_no_thoughts_no_faq() -> None:
    course = parse("# week 1\n- a\n")
    assert "faq.md" not in site_pages(course)
    assert build_site(course).downloads == {}


def test_copy_block_holds_the_text_as_typed() -> None:
    page = render_faq(faq_of("why ```` {{ this }} <b>?\n"))
    # HTML, so the text is escaped rather than fenced: a fence would keep "{{" as it is.
    assert (
        '<div class="copy highlight"><pre><span></span><code>'
        "1. why ```` &#123;&#123; this &#125;&#125; &lt;b&gt;?\n</code></pre></div>"
    ) in page
