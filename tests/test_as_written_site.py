"""Thoughts, readings, links and math as students write them: real strict builds, HTML read back."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from course_notes.render.faq import MAILTO_LIMIT

from conftest import build_project, copy_project, plugin_options, read_html

NOTES = r"""# COMP3121 Algorithms — Term 1
## admin
- course page https://example.org/comp3121
# week 1
## readings
- CLRS (ch 4.1, 4.3-4.5)
- He et al., Deep Residual Learning https://arxiv.org/abs/1512.03385
## exercises
- derive $\nabla_W L$ by hand
# week 2
## readings
- CLRS (ch 30), pp. 898–925
- CLRS chapter 15.4 (LCS)
- [ResNet paper](https://arxiv.org/abs/1512.03385)
# Thoughts
Why is $\|x-y\|^2$ never negative?
A: it is a sum of squares; see https://example.org/norms.

- does the exchange argument always work?
- how is Huffman optimal?
  Asked: 3 Mar

## Questions for TA
1. when is the exam?
2. is there a cheat sheet? (asked)
"""


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = copy_project(tmp_path_factory.mktemp("as-written"), NOTES)
    text = config.read_text("utf-8").replace("      topics: seeds/topics.yml\n", "")
    config.write_text(text, "utf-8")
    return build_project(plugin_options(config, lecturer_email="lecturer@example.org"))


@pytest.fixture(scope="module")
def faq(site: Path) -> BeautifulSoup:
    return read_html(site, "faq")


def test_each_list_item_is_an_entry_and_headings_are_groups(faq: BeautifulSoup) -> None:
    article = faq.select_one("article")
    headings = [(h.name, words(h.get_text()).rstrip(" ¶")) for h in article.select("h2, h3")]
    assert headings[1:] == [
        ("h2", "Does the exchange argument always work?"),
        ("h2", "How is Huffman optimal?"),
        ("h2", "Questions for TA"),
        ("h3", "When is the exam?"),
        ("h3", "Is there a cheat sheet?"),
    ]
    assert article.select_one("h2#group-questions-for-ta") is not None
    # No bullet or number in front of the titles, and each short entry's text shown once.
    for block in article.select("div.cn-question"):
        title = words(block.select_one("h2, h3").get_text()).rstrip(" ¶")
        body = words(block.get_text(" ")).casefold()
        assert not re.match(r"[-*+]|\d+[.)]", title)
        if "?" in title and "norm" not in body:
            assert body.count(title.casefold().rstrip("?")) == 1, title


def test_answered_asked_and_open_badges(faq: BeautifulSoup) -> None:
    badges = [words(b.get_text(" ")) for b in faq.select("div.cn-question .cn-badge")]
    assert badges == ["Answered", "Open", "Asked 3 Mar", "Open", "Asked"]
    counts = words(faq.select_one("p.cn-faq-counts").get_text(" "))
    assert "5 entries, 2 open, 2 asked, 1 answered" in counts


def test_no_topics_configured_means_no_topic_badges_or_index(faq: BeautifulSoup) -> None:
    article = faq.select_one("article")
    assert article.select(".cn-topic") == []
    assert article.select(".cn-faq-topics") == []
    assert "No topic" not in article.get_text()


def test_email_link_sends_the_open_questions_to_the_lecturer(
    site: Path, faq: BeautifulSoup
) -> None:
    (link,) = faq.select("article a.cn-email")
    assert words(link.get_text(" ")) == "Email the open questions"
    href = urlsplit(link["href"])
    assert (href.scheme, unquote(href.path)) == ("mailto", "lecturer@example.org")
    fields = parse_qs(href.query)
    assert fields["subject"] == ["Questions: COMP3121 Algorithms — Term 1"]
    # The body is the plain-text list, the same as questions.txt, with CRLF line ends.
    text = (site / "faq" / "questions.txt").read_text("utf-8")
    assert fields["body"] == [text.replace("\n", "\r\n")]
    assert text == (
        "1. does the exchange argument always work?\n\nQuestions for TA\n\n2. when is the exam?\n"
    )
    assert len(link["href"]) <= MAILTO_LIMIT


def test_a_list_too_long_for_a_link_offers_the_copy_button(tmp_path: Path) -> None:
    long = "# Thoughts\n" + "".join(
        f"- question number {n} about a long topic?\n" for n in range(80)
    )
    site = build_project(copy_project(tmp_path, long))
    share = read_html(site, "faq").select_one("article .cn-faq-share")
    assert share.select("a.cn-email") == []
    assert "too long for an email link" in words(share.get_text(" "))
    assert share.select("pre code")


def test_math_is_mathml_with_its_backslashes(site: Path, faq: BeautifulSoup) -> None:
    heading = faq.select_one("article h2 .cn-math math")
    assert heading is not None and heading["display"] == "inline"
    # \| became the double bar, not a lost backslash and a single "|".
    assert "\u2016" in heading.get_text()
    assert "$" not in words(faq.select_one("article h2").get_text())
    week = read_html(site, "week-1").select_one("article")
    assert [m.get_text() for m in week.select(".cn-math math")] == ["\u2207WL"]
    # Nothing is loaded for it: no script or stylesheet beyond the seed's.
    html = (site / "faq" / "index.html").read_text("utf-8")
    assert "katex" not in html.lower() and "mathjax" not in html.lower()


def test_bare_addresses_are_links_everywhere(site: Path, faq: BeautifulSoup) -> None:
    answer = faq.select_one("article .cn-answer")
    assert [a["href"] for a in answer.select("a")] == ["https://example.org/norms"]
    general = read_html(site, "general").select_one("article")
    assert [a["href"] for a in general.select("li a")] == ["https://example.org/comp3121"]


def test_readings_merge_by_what_they_are(site: Path) -> None:
    items = read_html(site, "readings").select("article > ul.task-list > li")
    assert len(items) == 2
    clrs, resnet = items
    parts = [words(li.get_text(" ")).split(" · ")[0] for li in clrs.select("ul li")]
    assert parts == [
        "Section 4.1",
        "Sections 4.3–4.5",
        "Section 15.4",
        "Chapter 30",
        "Pages 898–925",
    ]
    weeks = [a.get_text() for a in resnet.find_all("a") if a["href"].startswith("../week-")]
    assert weeks == ["Week 1", "Week 2"]
    assert resnet.select_one('a[href="https://arxiv.org/abs/1512.03385"]') is not None
