from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course_notes.derive.questions import read_questions
from course_notes.derive.site import build_site
from course_notes.io.notes import read_topics
from course_notes.read.notes import parse
from course_notes.render.exports import as_markdown, as_text

from conftest import ROOT, TOPICS, build_errors, build_project, copy_project, read_html


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_faq(seed_text: str):
    return read_questions(parse(seed_text).thoughts, read_topics(TOPICS))


@pytest.fixture(scope="module")
def faq_page(seed_site: Path) -> BeautifulSoup:
    return read_html(seed_site, "faq")


def test_faq_is_in_the_nav_after_the_weeks(seed_site: Path) -> None:
    links = read_html(seed_site, "").select("nav.md-nav--primary a.md-nav__link")
    titles = [words(a.get_text(" ")) for a in links]
    assert "FAQ" in titles
    assert titles.index("FAQ") > titles.index("Week 6: Unsupervised Learning")
    assert not (seed_site / "thoughts").exists()


def test_intro_counts_and_description(faq_page: BeautifulSoup) -> None:
    intro = words(faq_page.select_one("article p.cn-faq-counts").get_text(" "))
    assert "19 entries, 19 open, 0 answered (18 ask a question)" in intro
    assert faq_page.select_one('meta[name="description"]')["content"] == (
        "Questions for the lecturer: 19 entries, 19 open, 0 answered."
    )
    assert faq_page.title.get_text().startswith("FAQ")


def test_every_entry_is_a_heading_anchored_by_its_id(faq_page: BeautifulSoup, seed_faq) -> None:
    blocks = faq_page.select("article div.cn-question")
    assert [block.select_one("h2")["id"] for block in blocks] == [e.id for e in seed_faq]
    assert [words(block.select_one("h2").get_text(" ")).rstrip(" ¶") for block in blocks] == [
        e.title for e in seed_faq
    ]
    # The anchors are in the table of contents too.
    toc = [a["href"] for a in faq_page.select(".md-sidebar--secondary a.md-nav__link")]
    assert toc == [f"#{e.id}" for e in seed_faq]


def test_every_thoughts_paragraph_is_on_the_page(
    faq_page: BeautifulSoup, seed_faq, seed_text: str
) -> None:
    blocks = faq_page.select("article div.cn-question")
    seen = 0
    for entry, block in zip(seed_faq, blocks, strict=True):
        context = block.select_one("details.cn-context")
        body = words(block.get_text(" "))
        # A short entry is its title, shown once: compared without case.
        assert words(entry.text).casefold() in body.casefold()
        shown = [words(p.get_text(" ")) for p in block.select(":scope > p:not(.cn-badges)")]
        assert (words(entry.text) in shown) != entry.title_only
        for part in entry.context:
            assert words(part) in words(context.get_text(" "))
            seen += 1
        seen += 1
    # Every paragraph under # Thoughts, counted from the file itself.
    thoughts = seed_text.split("# Thoughts\n", 1)[1].replace("------\n", "\n")
    assert seen == len([p for p in thoughts.split("\n\n") if p.strip()]) == 24


def test_context_is_a_closed_details_block(faq_page: BeautifulSoup, seed_faq) -> None:
    block = faq_page.find(id=seed_faq.entries[5].id).find_parent("div", class_="cn-question")
    details = block.select("details.cn-context")
    assert len(details) == 1
    assert not details[0].has_attr("open")
    assert words(details[0].summary.get_text()) == "Context (2 paragraphs)"
    paragraphs = [words(p.get_text()) for p in details[0].select("p")]
    assert paragraphs[0].startswith("I don't think i've seen a high scoring solution")
    assert paragraphs[1].startswith("Recently for CV i use models in the TIMM library.")
    alone = faq_page.find(id=seed_faq.entries[-1].id).find_parent("div", class_="cn-question")
    assert alone.select("details") == []


def test_status_and_topic_badges(faq_page: BeautifulSoup, seed_faq) -> None:
    block = faq_page.find(id=seed_faq.entries[5].id).find_parent("div", class_="cn-question")
    badges = block.select(".cn-badges > *")
    assert [words(b.get_text(" ")) for b in badges] == [
        "Open",
        "Transformers",
        "Computer vision",
        "NLP",
        "Ensembles",
    ]
    assert badges[0]["class"] == ["cn-badge", "cn-badge--none"]
    assert [b["href"] for b in badges[1:]] == [
        "#topic-transformers",
        "#topic-computer-vision",
        "#topic-nlp",
        "#topic-ensembles",
    ]


def test_topic_index_lists_every_entry_and_every_anchor_resolves(
    faq_page: BeautifulSoup, seed_faq
) -> None:
    row = faq_page.select("article p.cn-faq-topics a.cn-topic")
    assert [words(a.get_text()) for a in row] == [
        "Transformers 6",
        "Computer vision 6",
        "NLP 4",
        "Hardware 1",
        "Ensembles 4",
        "Hyperparameters 1",
        "The textbook 3",
        "No topic 7",
    ]
    index = faq_page.select_one("article details.cn-faq-topics")
    linked = {a["href"][1:] for a in index.select("li a")}
    assert linked == {e.id for e in seed_faq}
    for link in faq_page.select('article a[href^="#"]'):
        assert faq_page.find(id=link["href"][1:]) is not None, link["href"]


def resolve(page_dir: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(page_dir, href))


def test_question_files_are_served_as_written_and_linked(
    seed_site: Path, faq_page: BeautifulSoup, seed_faq
) -> None:
    markdown = (seed_site / "faq" / "questions.md").read_text("utf-8")
    text = (seed_site / "faq" / "questions.txt").read_text("utf-8")
    assert markdown == as_markdown(seed_faq.open)
    assert text == as_text(seed_faq.open)
    assert text.startswith("1. why do we not need to know standard deviation")
    assert "\n19. the book indicates" in text
    assert "\n   I don't think i've seen a high scoring solution" in text
    # Served as a file, not turned into a page.
    assert not (seed_site / "faq" / "questions").exists()
    hrefs = [a["href"] for a in faq_page.select("article .cn-faq-share a.md-button")]
    assert hrefs == ["questions.md", "questions.txt"]
    for href in hrefs:
        assert (seed_site / resolve("faq", href)).is_file()


def test_plain_text_list_is_in_a_copyable_code_block(
    seed_site: Path, faq_page: BeautifulSoup
) -> None:
    code = faq_page.select("article .cn-faq-share pre code")
    assert len(code) == 1
    assert code[0].get_text() == (seed_site / "faq" / "questions.txt").read_text("utf-8")
    # Material puts its copy button on every code block when content.code.copy is on.
    assert "content.code.copy" in (ROOT / "mkdocs.yml").read_text()


def print_rules(css: str) -> dict[str, str]:
    """The rules inside every @media print block: selector -> declarations."""
    rules: dict[str, str] = {}
    for start in (m.end() for m in re.finditer(r"@media print\s*\{", css)):
        depth, position = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(css[position], 0)
            position += 1
        body = re.sub(r"/\*.*?\*/", "", css[start : position - 1], flags=re.S)
        for selectors, declarations in re.findall(r"([^{}]+)\{([^{}]*)\}", body):
            for selector in selectors.split(","):
                rules[" ".join(selector.split())] = " ".join(declarations.split())
    return rules


def test_print_stylesheet_is_served_and_hides_the_navigation(
    seed_site: Path, faq_page: BeautifulSoup
) -> None:
    # The stylesheet the FAQ page really loads; tests/test_browser.py prints the page itself
    # (test_printing_the_faq_gives_every_question_and_its_context).
    sheets = [link["href"] for link in faq_page.select('link[rel="stylesheet"]')]
    assert "../assets/course-notes.css" in sheets
    rules = print_rules((seed_site / "assets" / "course-notes.css").read_text("utf-8"))
    for hidden in [".md-header", ".md-tabs", ".md-search", ".md-sidebar", ".md-footer"]:
        assert rules[hidden] == "display: none !important;", hidden
    assert rules[".cn-faq-share"] == rules[".cn-faq-topics"] == "display: none !important;"
    assert rules[".md-typeset details:not([open]) > :not(summary)"] == "display: block;"
    assert "content-visibility: visible" in rules[".md-typeset details::details-content"]
    assert rules[".md-typeset .cn-question"] == "break-inside: avoid;"
    assert 'content: " (" attr(href) ")"' in rules['.md-typeset a[href^="http"]::after']
    # The FAQ's own markup carries the classes those rules name.
    assert faq_page.select(".md-header") and faq_page.select(".md-sidebar")
    assert len(faq_page.select("div.cn-question")) == 19


def test_home_page_shows_question_counts(seed_site: Path) -> None:
    article = read_html(seed_site, "").select_one("article")
    assert "19 entries in the FAQ : 19 open, 0 answered." in words(article.get_text(" "))
    assert article.find("a", string="FAQ")["href"] == "faq/"


THOUGHTS = """# week 1
## exercises
- a
# Thoughts
why <b>bold</b> and <script>alert(1)</script> {{ undefined_thing }} {% if x %}?
{: .injected }

#not a heading, and `code <i>`
--
```

A: the answer has *emphasis* and {{ more }}

[a link](https://example.org/?q=1) with no question

## a group <b>heading</b> {{ x }} {: .injected }

how about C#?
"""

ODD_TOPICS = "Markup: [bold, script]\nLanguages: ['C#', heading]\n"


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Thoughts full of HTML, Jinja and Markdown block syntax, with an answer and own topics."""
    folder = tmp_path_factory.mktemp("odd")
    config = copy_project(folder, THOUGHTS)
    text = config.read_text("utf-8")
    config.write_text(text.replace("topics: seeds/topics.yml", "topics: topics.yml"))
    (folder / "topics.yml").write_text(ODD_TOPICS, encoding="utf-8")
    return build_project(config)


def test_html_and_jinja_in_thoughts_show_literally(odd_site: Path) -> None:
    article = read_html(odd_site, "faq").select_one("article")
    text = article.get_text()
    assert "why <b>bold</b> and <script>alert(1)</script> {{ undefined_thing }} {% if x %}?" in text
    assert "{: .injected }" in text
    assert "#not a heading, and " in text
    assert article.select_one("div.cn-question code").get_text() == "code <i>"
    assert "\n--\n```" in text
    assert article.find("b") is None and article.find("script") is None
    assert article.select(".injected") == []
    # A heading in the Thoughts is a group: a heading of its own, the entries under it.
    assert [h.get_text().rstrip("¶") for h in article.select("h1, h2, h3")] == [
        "FAQ",
        "Why <b>bold</b> and <script>alert(1)</script> {{ undefined_thing }} {% if x %}?",
        "a group <b>heading</b> {{ x }} {: .injected }",
        "How about C#?",
    ]
    assert [h.name for h in article.select("h2, h3")] == ["h2", "h2", "h3"]


def test_answers_topics_and_counts_on_a_crafted_page(odd_site: Path) -> None:
    soup = read_html(odd_site, "faq")
    intro = words(soup.select_one("p.cn-faq-counts").get_text(" "))
    assert "2 entries, 1 open, 1 answered (all ask a question)" in intro
    first, second = soup.select("div.cn-question")
    answer = first.select_one(".admonition.success")
    assert words(answer.get_text(" ")).startswith("Answer the answer has emphasis and {{ more }}")
    assert answer.select_one("em").get_text() == "emphasis"
    assert "with no question" in words(answer.get_text(" "))
    assert words(first.select_one(".cn-badge").get_text(" ")) == "Answered"
    assert [a.get_text() for a in first.select("a.cn-topic")] == ["Markup", "Languages"]
    assert words(second.select_one("h3").get_text()).rstrip(" ¶") == "How about C#?"
    assert [a.get_text() for a in second.select("a.cn-topic")] == ["Languages"]
    text = (odd_site / "faq" / "questions.txt").read_text("utf-8")
    assert text == "a group <b>heading</b> {{ x }} {: .injected }\n\n1. how about C#?\n"


def test_no_thoughts_no_faq(build_site) -> None:
    site = build_site("# week 1\n## exercises\n- a\n")
    assert not (site / "faq").exists()
    home = words(read_html(site, "").select_one("article").get_text(" "))
    assert "Questions for the lecturer" not in home


def test_bad_topics_file_is_one_clear_error(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    text = config.read_text("utf-8")
    config.write_text(text.replace("topics: seeds/topics.yml", "topics: topics.yml"))
    (tmp_path / "topics.yml").write_text("Vision: [cv\nHardware: [gpu]\n", encoding="utf-8")
    [error] = build_errors(config)
    assert re.match(r"topics file .*topics\.yml:2: ", error)


def test_hand_written_question_file_is_refused(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "docs" / "faq").mkdir()
    (tmp_path / "docs" / "faq" / "questions.txt").write_text("mine\n")
    [error] = build_errors(config)
    assert error.startswith("docs/faq/questions.txt already exists")


def test_macros_questions_variable_gives_the_documented_values(seed_text: str) -> None:
    import jinja2

    from course_notes.adapters.core.macros import variables

    env = jinja2.Environment()
    values = variables(build_site(parse(seed_text), topics=read_topics(TOPICS)))
    docs = (ROOT / "docs" / "macros.md").read_text("utf-8")
    documented = {
        "{{ questions | length }}": "19",
        "{{ questions.open | length }}, {{ questions.answered | length }}": "19, 0",
        "{{ questions.asking | length }}": "18",
        "{{ questions.without_topic | length }}": "7",
        '{{ questions.topics | map(attribute="name") | join(", ") }}': (
            "Transformers, Computer vision, NLP, Hardware, Ensembles, Hyperparameters, The textbook"
        ),
    }
    for expression, value in documented.items():
        assert env.from_string(expression).render(values) == value, expression
        for part in re.findall(r"\{\{.*?\}\}", expression):
            assert f"`{part}`" in docs, part
