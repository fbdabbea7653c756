"""The reading list as a user sees it: real strict builds, HTML read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import SEED_BOOK_SECTIONS, build_errors, build_project, copy_project, read_html


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def own_text(item: Tag) -> str:
    """A list item's text without its nested list."""
    return " ".join(
        text_of(child) if isinstance(child, Tag) else " ".join(child.split())
        for child in item.children
        if not (isinstance(child, Tag) and child.name == "ul")
    ).strip()


def readings_page(site: Path) -> BeautifulSoup:
    return read_html(site, "readings")


def top_items(page: BeautifulSoup) -> list[Tag]:
    return page.select("article > ul.task-list > li")


def test_seed_readings_page_lists_each_reading_once(seed_site: Path) -> None:
    items = top_items(readings_page(seed_site))
    assert len(items) == 10
    adam = [li for li in items if "Adam" in own_text(li)]
    assert len(adam) == 1
    link = adam[0].find("a")
    assert text_of(link) == "Kingma & Ba (2015), Adam: A Method for Stochastic Optimization"
    assert link["href"] == "https://arxiv.org/abs/1412.6980"
    weeks = [(text_of(a), a["href"]) for a in adam[0].find_all("a")[1:]]
    assert weeks == [("Week 2", "../week-2/"), ("Week 3", "../week-3/")]


def test_seed_book_once_with_its_16_sections_in_order(seed_site: Path) -> None:
    items = top_items(readings_page(seed_site))
    books = [li for li in items if "Goodfellow" in own_text(li)]
    assert len(books) == 1
    book = books[0]
    assert own_text(book).endswith("Week 1 , Week 2 , Week 3 · 0/16 sections read")
    assert book.find("a")["href"] == "https://www.deeplearningbook.org/"
    sections = book.select("ul.task-list > li")
    expected = [("Chapter " if "." not in n else "Section ") + n for n in SEED_BOOK_SECTIONS]
    assert [text_of(li).split(" · ")[0] for li in sections] == expected
    by_name = {text_of(li).split(" · ")[0]: text_of(li).split(" · ")[1] for li in sections}
    assert by_name["Section 5.2.2"] == "Week 2 , Week 3"
    assert by_name["Section 3.13"] == "Week 3"
    assert by_name["Chapter 1"] == "Week 1"
    assert not any(li.select_one("input").has_attr("checked") for li in sections)


def test_seed_readings_progress_at_the_top(seed_site: Path) -> None:
    page = readings_page(seed_site)
    badges = [text_of(b) for b in page.select("article .cn-badges .cn-badge")]
    assert badges == ["Readings 0/10", "Book sections 0/16"]
    assert text_of(page.select_one(".cn-progress .progress-label")) == "0/10 readings done (0%)"
    description = page.select_one('meta[name="description"]')["content"]
    assert description == ("The course reading list: 0/10 readings done, 0/16 book sections read.")


def test_unknown_readings_show_as_written(seed_site: Path) -> None:
    texts = [own_text(li) for li in top_items(readings_page(seed_site))]
    assert "Barkinok's Rational Functions · Week 2" in texts
    assert "optimising gradient descent · Week 3" in texts


def test_readings_follow_the_weeks_in_the_nav(seed_site: Path) -> None:
    links = read_html(seed_site, "").select("nav.md-nav--primary a.md-nav__link")
    titles = [text_of(a) for a in links]
    assert titles[titles.index("Week 6: Unsupervised Learning") + 1] == "Readings"


def test_week_page_shows_citation_then_words_as_written(seed_site: Path) -> None:
    items = read_html(seed_site, "week-2").select("#readings ~ ul li")
    first = items[0]
    assert first.find("a")["href"] == "https://arxiv.org/abs/1412.6980"
    assert text_of(first.find("a")) == (
        "Kingma & Ba (2015), Adam: A Method for Stochastic Optimization"
    )
    assert text_of(first.select_one(".cn-written")) == "adam - a method for stochastic optimisation"
    assert [text_of(li) for li in items[2:5]] == [
        "Barkinok's Rational Functions",
        "learning to tell two spirals apart",
        "ruder.io",
    ]
    badges = [text_of(b) for b in read_html(seed_site, "week-2").select(".cn-badge")]
    assert "Readings 0/6" in badges


def test_home_page_reads_the_reading_list_variable(seed_site: Path) -> None:
    article = read_html(seed_site, "").select_one("article")
    paragraph = article.select_one("h2#readings + p")
    assert " ".join(paragraph.get_text().split()) == (
        "0/10 readings done, 0/16 book sections read: see the reading list."
    )
    assert paragraph.select_one('a[href="readings/"]') is not None


def test_ticks_reach_the_reading_list(build_site) -> None:
    notes = (
        "# week 1\n## readings\n- Deep Learning (ch 1, 3.10) ✓\n- adam - a method for "
        "stochastic optimisation ✓\n- <b>raw</b> {{ jinja }}\n"
        "# week 2\n## readings\n- deep learning (3.9, 3.10)\n- Adam: A Method for Stochastic "
        "Optimization\n"
    )
    page = readings_page(build_site(notes))
    badges = [text_of(b) for b in page.select("article .cn-badges .cn-badge")]
    assert badges == ["Readings 1/3", "Book sections 2/3"]
    book, adam, raw = top_items(page)
    sections = book.select("ul.task-list > li")
    assert [(text_of(li), li.select_one("input").has_attr("checked")) for li in sections] == [
        ("Chapter 1 · Week 1", True),
        ("Section 3.9 · Week 2", False),
        ("Section 3.10 · Week 1 , Week 2", True),
    ]
    assert not book.select_one("input").has_attr("checked")
    assert adam.select_one("input").has_attr("checked")
    assert own_text(adam).endswith("Week 1 , Week 2")
    assert own_text(raw) == "<b>raw</b> {{ jinja }} · Week 1"
    assert raw.find("b") is None


def test_malformed_references_stop_the_build_with_one_line(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "seeds" / "references.yml").write_text(
        "Deep Learning:\n  authors: Goodfellow\n    year: 2016\n", encoding="utf-8"
    )
    assert build_errors(config) == [
        "seeds/references.yml:3: not valid YAML: mapping values are not allowed here"
    ]


def test_named_references_file_must_exist(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "seeds" / "references.yml").unlink()
    [error] = build_errors(config)
    assert error.startswith("cannot read references file 'seeds/references.yml': No such file")


def test_without_the_option_a_missing_file_is_no_references(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"\n +references: .*", "", text), encoding="utf-8")
    (tmp_path / "seeds" / "references.yml").unlink()
    site = build_project(config)
    first = top_items(readings_page(site))[0]
    assert own_text(first) == "Deep Learning · Week 1 , Week 2 , Week 3 · 0/16 sections read"
    assert first.find("a")["href"] == "../week-1/"
    week_1 = read_html(site, "week-1").select("#readings ~ ul li")
    assert text_of(week_1[0]) == "Deep Learning (ch 1, 3, 3.10, 4.3, 5.2, 6.5.2, 7.11, 7.12)"
    assert week_1[0].find("a") is None


def test_unusable_reference_is_info_and_the_strict_build_passes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    config = copy_project(tmp_path)
    with (tmp_path / "seeds" / "references.yml").open("a", encoding="utf-8") as references:
        references.write("ruder.io:\n  url: ruder.io\n")
    lines = (tmp_path / "seeds" / "references.yml").read_text(encoding="utf-8").count("\n")
    site = build_project(config)
    assert f"seeds/references.yml:{lines}: url 'ruder.io' is not an http" in caplog.text
    assert [r for r in caplog.records if r.levelname not in ("INFO", "DEBUG")] == []
    texts = [own_text(li) for li in top_items(readings_page(site))]
    assert "ruder.io · Week 2" in texts


def test_a_user_page_renders_the_reading_list(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "docs" / "sub").mkdir()
    (tmp_path / "docs" / "sub" / "mine.md").write_text(
        "# Mine\n\n"
        "<p id='figures'>{{ reading_list.progress }} {{ reading_list.section_progress }} "
        "{{ reading_list.readings | length }}</p>\n\n"
        "{{ readings('../') }}\n\n"
        "## Unread\n\n"
        "{% for reading in reading_list.readings if not reading.done %}\n"
        "- {{ reading.citation or reading.title }} "
        '(week {{ reading.weeks | map(attribute="number") | join(", ") }})\n'
        "{% endfor %}\n",
        encoding="utf-8",
    )
    page = read_html(build_project(config), "sub/mine")
    assert text_of(page.select_one("#figures")) == "0/10 0/16 10"
    listed = page.select("article > ul.task-list > li")
    assert len(listed) == 10
    assert [a["href"] for a in listed[4].find_all("a")] == [
        "https://arxiv.org/abs/1412.6980",
        "../../week-2/",
        "../../week-3/",
    ]
    unread = [text_of(li) for li in page.select("h2#unread + ul > li")]
    assert unread[4] == "Kingma & Ba (2015), Adam: A Method for Stochastic Optimization (week 2, 3)"
    assert unread[-1] == "optimising gradient descent (week 3)"
