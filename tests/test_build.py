from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course_notes.read.notes import parse

from conftest import build_errors, build_project, copy_project, read_html


def nav_titles(site: Path, page: str = "") -> list[str]:
    soup = read_html(site, page)
    links = soup.select("nav.md-nav--primary a.md-nav__link")
    return [" ".join(a.get_text(" ", strip=True).split()) for a in links]


def test_every_item_is_on_its_week_page(seed_site: Path, seed_text: str) -> None:
    for week in parse(seed_text).weeks:
        text = read_html(seed_site, week.slug).select_one("article").get_text(" ")
        for item in week.items:
            assert item.text in text, (week.slug, item.text)


def test_week_1_badges(seed_site: Path) -> None:
    badges = read_html(seed_site, "week-1").select(".cn-badges .cn-badge")
    assert [" ".join(b.get_text(" ", strip=True).split()) for b in badges] == [
        "Slides 3/3",
        "Attendance 2/2",
        "Exercises 0/5",
        "Videos 14/14",
        "Readings 0/4",
        "Week 19/28",
        "Behind",
    ]
    assert badges[0]["class"] == ["cn-badge", "cn-badge--complete"]
    assert badges[2]["class"] == ["cn-badge", "cn-badge--none"]
    assert badges[5]["class"] == ["cn-badge", "cn-badge--partial"]


def test_week_1_ticks_and_bar(seed_site: Path) -> None:
    soup = read_html(seed_site, "week-1")
    boxes = soup.select("li.task-list-item input[type=checkbox]")
    assert sum(box.has_attr("checked") for box in boxes) == 19
    assert len(boxes) == 28
    bar = soup.select_one(".progress.cn-progress")
    assert bar["role"] == "progressbar"
    assert (bar["aria-valuenow"], bar["aria-label"]) == ("68", "19/28 done (68%)")
    assert bar.select_one(".progress-bar")["style"] == "width:68%"
    assert "2h 20m 44s watched of 2h 20m 44s (1 unknown)" in soup.get_text()


def test_week_3_placeholders(seed_site: Path) -> None:
    soup = read_html(seed_site, "week-3")
    # The week's title as written in the notes (issue 12: no re-casing).
    assert soup.title.get_text().startswith("Week 3: computer vision")
    assert len(soup.select(".cn-empty")) == 2


def test_nav_order(seed_site: Path) -> None:
    titles = nav_titles(seed_site)
    weeks = [t for t in titles if t.startswith("Week ")]
    # Titles as written (issue 12): "computer vision" was re-cased before.
    assert weeks == [
        "Week 1",
        "Week 2",
        "Week 3: computer vision",
        "Week 4: NLP",
        "Week 5: Reinforcement Learning",
        "Week 6: Unsupervised Learning",
    ]


def test_home_page_figures(seed_site: Path) -> None:
    soup = read_html(seed_site, "")
    text = " ".join(soup.select_one("article").get_text(" ").split())
    assert "27/73 done (37%)" in text
    assert (
        "2h 58m 17s watched, 52m 49s left, of 3h 51m 6s of known length (2 videos have no duration)"
        in text
    )
    table_links = [a["href"] for a in soup.select("article table a")]
    assert table_links == [f"week-{n}/" for n in range(1, 7)]


def test_no_request_to_another_host(seed_site: Path) -> None:
    # What a browser fetches on its own: scripts, stylesheets, icons, images, frames.
    for page in seed_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        fetched = [tag.get("src") for tag in soup.select("[src]")]
        fetched += [tag.get("href") for tag in soup.select("link[href]:not([rel=canonical])")]
        for url in fetched:
            assert not re.match(r"(https?:)?//", url), (page, url)


def test_html_and_jinja_in_notes_stay_text(build_site) -> None:
    notes = (
        "# week 1\n## exercises\n- <b>bold</b> {{ undefined_thing }} {% raw %} *em* ✓\n"
        "- [a link](https://example.org) and `code`\n"
    )
    site = build_site(notes)
    article = read_html(site, "week-1").select_one("article")
    assert "<b>bold</b> {{ undefined_thing }} {% raw %}" in article.get_text()
    assert article.find("b") is None
    assert article.select_one("li em").get_text() == "em"
    assert article.select_one("li a")["href"] == "https://example.org"
    assert article.select_one("li code").get_text() == "code"


def test_ten_weeks_crlf_bom_tabs_and_every_mark(build_site) -> None:
    marks = ["🗸", "✓", "✔", "☑", "✅", "✔\ufe0f", "ðŸ—¸", "âœ“", "[x]", "✅\ufe0f"]
    lines = []
    for n in range(10, 0, -1):
        mark = marks[n - 1]
        item = f"[x] task {n}" if mark == "[x]" else f"task {n} {mark}"
        lines += [f"# Week {n}: topic {n}", "## exercises", f"\t- {item}", "\t- open one", "---"]
    raw = ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
    site = build_site(raw)
    assert [t for t in nav_titles(site) if t.startswith("Week ")] == [
        f"Week {n}: topic {n}" for n in range(1, 11)
    ]
    for n in range(1, 11):
        badges = [
            b.get_text(" ", strip=True)
            for b in read_html(site, f"week-{n}").select(".cn-badge:not([hidden])")
        ]
        # The repository's term_start: weeks 1 and 2 are over by the tests' today.
        behind = ["Behind"] if n <= 2 else []
        assert badges == ["Exercises 1/2", "Week 1/2", *behind], n


def test_odd_lines_are_shown_and_logged(build_site, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    # A line of text in a section is a note there since issue 12; a heading at the weeks'
    # level that is no week starts a section of the General page (issue 23), reported.
    site = build_site("# week 1\n## exercises\n- a\n# something odd\n- b\n")
    assert "Something odd" in read_html(site, "general").select_one("article").get_text()
    assert " b" not in read_html(site, "week-1").select_one("article").get_text()
    assert "seeds/notes.md:4: heading `# something odd` is not a week" in caplog.text


def test_missing_notes_is_one_clear_error(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "seeds" / "notes.md").unlink()
    notes = tmp_path / "seeds" / "notes.md"
    assert build_errors(config) == [f"cannot read notes file '{notes}': No such file or directory"]


def test_page_collision_is_refused(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "docs" / "week-1.md").write_text("# mine\n")
    assert build_errors(config) == [
        "docs/week-1.md already exists and the notes file seeds/notes.md generates a file "
        "at the same path; rename or remove docs/week-1.md"
    ]


def test_strict_build_of_seed_logs_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    build_project(copy_project(tmp_path))
    assert [r for r in caplog.records if r.levelname != "INFO" and r.levelname != "DEBUG"] == []
