"""Weeks with many sections and a FAQ with many questions: shown and indexed whole.

Two things keep their builds from growing with the square of the headings: the badge row
comes in paragraphs of a few dozen badges, and the plugin leaves a big page's table of
contents out of sight while the search plugin indexes it (``CourseNotesPlugin._hide_toc``).
The speed itself is measured by ``make bench`` (benchmarks/bench_pathological.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_notes.adapters.mkdocs import plugin
from course_notes.render import pages as render

from conftest import build_project, copy_project, read_html

# Sections past the threshold, some headed alike, and a FAQ with as many questions.
MANY = plugin.MANY_HEADINGS + 20
NOTES = (
    "# week 1: many sections\n"
    + "".join(f"## {'exercises' if n % 3 else f'part {n}'}\n- item {n}\n" for n in range(MANY))
    + "# week 2\n## exercises\n- one\n# Thoughts\n"
    + "".join(f"question {n}?\n\n" for n in range(MANY))
)


@pytest.fixture(scope="module")
def many_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(copy_project(tmp_path_factory.mktemp("many"), NOTES))


def test_every_section_has_its_badge_in_rows_of_a_few_dozen(many_site: Path) -> None:
    rows = read_html(many_site, "week-1").select("article p.cn-badges")
    badges = [
        " ".join(badge.get_text().split())
        for row in rows
        for badge in row.select(".cn-badge:not(.cn-badge--behind)")
    ]
    # One badge per kind: the exercises sections share one; each "part N" has its own.
    parts = [f"Part {n} 0/1" for n in range(0, MANY, 3)]
    exercises = f"Exercises 0/{MANY - len(parts)}"
    assert badges == [parts[0], exercises, *parts[1:], f"Week 0/{MANY}"]
    # With the repository's term_start, the row ends in the week's "behind" badge too.
    assert len(rows) == -(-(len(badges) + 1) // render.BADGES_PER_ROW) > 1
    assert all(len(row.select(".cn-badge")) <= render.BADGES_PER_ROW for row in rows)


def search_index(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def toc_links(site: Path, page: str) -> list[tuple[str, str]]:
    """The page's table of contents in the sidebar: (text, anchor) of each entry."""
    toc = read_html(site, page).select('.md-sidebar--secondary a[href^="#"]')
    return [(" ".join(link.get_text().split()), str(link["href"])) for link in toc]


def test_a_page_with_many_headings_gets_the_same_search_index_and_toc(
    many_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = search_index(many_site)
    week = [entry for entry in index if entry["location"].startswith("week-1/")]
    assert len(week) == MANY + 1  # the page's title, then every section
    assert week[2]["location"] == "week-1/#exercises"
    assert week[3]["location"] == "week-1/#exercises_1"
    faq = [entry for entry in index if entry["location"].startswith("faq/")]
    assert len(faq) > MANY
    week_toc, faq_toc = toc_links(many_site, "week-1"), toc_links(many_site, "faq")
    assert len(week_toc) == len(faq_toc) == MANY

    # The same notes with the table of contents left in place throughout.
    monkeypatch.setattr(plugin, "MANY_HEADINGS", 10**9)
    plain = build_project(copy_project(tmp_path, NOTES))
    assert search_index(plain) == index
    assert (toc_links(plain, "week-1"), toc_links(plain, "faq")) == (week_toc, faq_toc)
