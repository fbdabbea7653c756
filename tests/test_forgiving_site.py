"""Notes written the way students write them, built strict: each rule read back from the HTML."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from course_notes.io.notes import read_course
from course_notes.render.pages import video_time

from conftest import build_project, heading_text, read_html

CORPUS = Path(__file__).parent / "corpus"

NOTES = """\
# COMP3121 Algorithms — Term 1
Lecturer: Dr Smith, Mon 2pm. *Bring* a pen.

## Week 1: Greedy (no lectures)
### Lectures
- L1 ✓
    - re-read this
- L2
### Homework
Due Friday, all three.
1. PS5 Q1 — knapsack ✓
2) PS5 Q2
### Assignments
- A1: kNN
    - [x] part a
    - part b ✓ — took ages
    - [ ] part c
- ✓ A2 started
### Reading
- CLRS ch 16
### Readings
- Kleinberg ch 4 ✓
### Extras
- intro (1h 5m) ✓
- proofs [12:30]
- extra (58 min)
- mystery
### Misc thoughts
just a note here
#### Deeper
- [x] bonus
## Wk 2 — due Fri
### Quizzes
- Quiz 1 ✓ (scored 8/10)
## Weeks 3–4: Graphs
### Labs
- lab 1 ✓ — took ages
"""


def _site(tmp_path: Path, notes: str, extra: str = "") -> Path:
    """A site of its own, with no docs/index.md: the plugin gives it a home page."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            """\
            site_name: Algorithms
            theme: {name: material}
            plugins:
              - course-notes:
                  notes: notes.md
            """
        )
        + extra,
        encoding="utf-8",
    )
    return build_project(config)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    extra = "      sections: {extras: videos}\n"
    # The option sits under the plugin's other options.
    folder = tmp_path_factory.mktemp("forgiving")
    return _site(folder, NOTES, extra)


def _badges(page: BeautifulSoup) -> list[str]:
    return [
        " ".join(b.get_text().split())
        for b in page.select("article .cn-badge:not(.cn-badge--behind)")
    ]


def _boxes(page: BeautifulSoup) -> list[bool]:
    return [box.has_attr("checked") for box in page.select("article input[type=checkbox]")]


def _section(page: BeautifulSoup, title: str) -> list[Tag]:
    """The elements between a section's h2 and the next h2."""
    heading = next(h for h in page.select("article h2") if heading_text(h) == title)
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    return elements


def test_the_course_title_and_intro_are_the_home_page(site: Path) -> None:
    home = read_html(site, "")
    article = home.select_one("article")
    assert heading_text(article.h1) == "COMP3121 Algorithms — Term 1"
    intro = article.select_one("h1 + p")
    assert intro.get_text() == "Lecturer: Dr Smith, Mon 2pm. Bring a pen."
    assert intro.em.get_text() == "Bring"
    assert "#" not in article.get_text().replace("¶", "")
    # The home page links the weeks, with their progress.
    assert [a.get_text() for a in article.select("table a")] == [
        "Week 1: Greedy (no lectures)",
        "Week 2: due Fri",
        "Weeks 3–4: Graphs",
    ]
    # The title is no section: no General page.
    assert not (site / "general").exists()


def test_weeks_at_level_two_with_ranges_and_titles_as_written(site: Path) -> None:
    nav = read_html(site, "week-1").select(".md-nav--primary .md-nav__link")
    titles = [" ".join(link.get_text().split()) for link in nav]
    assert "Week 1: Greedy (no lectures)" in titles
    assert "Week 2: due Fri" in titles
    assert "Weeks 3–4: Graphs" in titles
    # One page for a range, under its first number.
    assert (site / "week-3" / "index.html").exists()
    assert not (site / "week-4").exists()


def test_sections_of_one_kind_make_one_badge(site: Path) -> None:
    week = read_html(site, "week-1")
    assert _badges(week) == [
        "Slides 1/2",
        "Exercises 4/6",  # Homework 1/2 and Assignments' tasks 3/4
        "Readings 1/2",  # "Reading" and "Readings"
        "Videos 1/4",  # "Extras", by the sections: option
        "Misc thoughts 1/1",
        "Week 8/15",
    ]
    # Readings under "## Reading" are on the reading list, their chapters parsed off (issue 13).
    readings = " ".join(read_html(site, "readings").select_one("article").get_text().split())
    assert "CLRS · Week 1" in readings and "Chapter 16 · Week 1" in readings
    assert "Kleinberg · Week 1" in readings and "Chapter 4 · Week 1" in readings


def test_numbered_lines_and_ticks_anywhere_are_tasks(site: Path) -> None:
    week = read_html(site, "week-1")
    homework = _section(week, "Homework")
    assert [e.name for e in homework] == ["p", "ul"]
    assert homework[0].get_text() == "Due Friday, all three."
    items = [" ".join(li.get_text().split()) for li in homework[1].select("li")]
    assert items == ["PS5 Q1 — knapsack", "PS5 Q2"]
    assert [box.has_attr("checked") for box in homework[1].select("input")] == [True, False]
    assert _badges(read_html(site, "week-2")) == ["Exercises 1/1", "Week 1/1"]
    assert "Quiz 1 (scored 8/10)" in read_html(site, "week-2").select_one("article li").get_text()
    lab = read_html(site, "week-3").select_one("article li")
    assert lab.input.has_attr("checked") and "lab 1 — took ages" in lab.get_text()


def test_nested_tasks_belong_to_their_group_and_notes_to_their_item(site: Path) -> None:
    week = read_html(site, "week-1")
    slides = _section(week, "Lectures")[0]
    first = slides.find("li", recursive=False)
    assert first.input.has_attr("checked")
    note = first.select_one("ul > li")
    assert note.get_text(strip=True) == "re-read this" and note.input is None
    assignments = _section(week, "Assignments")[0]
    group, a2 = assignments.find_all("li", recursive=False)
    # The group has no box of its own; its three tasks do.
    assert group.find("input", recursive=False) is None
    assert group.contents[0].strip() == "A1: kNN"
    assert [box.has_attr("checked") for box in group.select("ul input")] == [True, True, False]
    assert a2.input.has_attr("checked") and "A2 started" in a2.get_text()
    # Every counted task, and nothing else, has a box.
    assert len(_boxes(week)) == 15 and sum(_boxes(week)) == 8


def test_durations_in_any_form_are_kept_apart_from_the_title(site: Path) -> None:
    videos = _section(read_html(site, "week-1"), "Extras")
    time = videos[0].get_text()
    # 1:05:00 + 12:30 + 58:00 known, 1:05:00 watched, one unknown.
    assert time == "1h 5m 0s watched of 2h 15m 30s (1 unknown)"
    rows = [" ".join(li.get_text().split()) for li in videos[1].select("li")]
    assert rows == [
        "intro 1:05:00",
        "proofs 12:30",
        "extra 58:00",
        "mystery duration unknown",
    ]


def test_a_section_of_notes_says_nothing_is_missing(site: Path) -> None:
    week = read_html(site, "week-1")
    misc = _section(week, "Misc thoughts")
    assert misc[0].get_text() == "just a note here"
    assert misc[1].name == "h3" and heading_text(misc[1]) == "Deeper"
    assert "Nothing listed yet" not in week.select_one("article").get_text()


def test_odd_headings_are_reported_with_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        _site(tmp_path, "# Week 1\n## Extras\n- a (4:40)\n")
    assert (
        "notes.md:2: heading `## Extras` matched no section kind; add it under `sections:`"
        in caplog.text
    )


# The files scored by hand-counted figures (test_corpus_figures.py) are not built here: the
# Notion export links attachments that are not in its folder, which strict MkDocs refuses.
@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in CORPUS.glob("*.md") if not p.with_suffix(".expected.json").exists()),
)
def test_corpus_builds_strict_with_its_counts_and_nav(tmp_path: Path, name: str) -> None:
    # The figures of each file are worked out by hand in test_corpus.py; here the built
    # pages must show the same.
    course = read_course(CORPUS / name)
    notes = (CORPUS / name).read_bytes()
    (tmp_path / "docs").mkdir()
    (tmp_path / "notes.md").write_bytes(notes)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Course\ntheme: {name: material}\nplugins:\n  - course-notes\n",
        encoding="utf-8",
    )
    site = build_project(tmp_path / "mkdocs.yml")
    home = read_html(site, "")
    assert [a.get_text() for a in home.select("article table a")] == [
        week.name for week in course.weeks
    ]
    for week in course.weeks:
        page = read_html(site, week.slug)
        assert _badges(page)[-1] == f"Week {week.progress}"
        assert _boxes(page).count(True) == week.progress.done
        assert len(_boxes(page)) == week.progress.total
        if week.videos:
            time = page.select_one("article .cn-video-time").get_text()
            assert time == f"Videos: {video_time(week.video_time)}"


def test_a_home_page_of_the_sites_own_is_kept_and_told_of_the_intro(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# My home\n", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        site = _site(tmp_path, "# Algorithms\nIntro line.\n# Week 1\n- a\n")
    assert heading_text(read_html(site, "").h1) == "My home"
    assert (
        "notes.md:1: the course's title and intro show on the home page through "
        "`{{ course_intro() }}` (and `{{ course.title }}`), which index.md does not use"
    ) in caplog.text


def test_a_section_kind_the_option_does_not_know_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Week 1\n## Extras\n- a\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: A\nplugins:\n  - course-notes:\n      sections: {extras: movies}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "course_notes", "readings", "-f", "mkdocs.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("course-notes: mkdocs.yml: course-notes option 'sections':")
    assert "movies" in result.stderr and "videos" in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_generated_home_page_has_the_now_panel_and_calendar(tmp_path: Path) -> None:
    # Today is COURSE_NOTES_TODAY=2026-11-25 for every test build (conftest): week 3.
    site = _site(tmp_path, NOTES, "      term_start: 2026-11-09\n")
    home = read_html(site, "")
    assert home.select_one("article .cn-now") is not None
    assert home.select_one("article a.cn-calendar")["href"] == "calendar.ics"
    assert (site / "calendar.ics").is_file()
    # Weeks 1 and 2 are over, with work left in week 1: behind, in words too.
    assert "Behind" in home.select_one("article table").get_text()
