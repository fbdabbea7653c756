"""A long course: past 30 weeks the nav groups them by ten, and each page carries its group."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from course_notes.adapters.core.placement import nav
from course_notes.derive.site import build_site
from course_notes.read.notes import parse

from conftest import build_project, read_html


def notes(weeks: int, word: str = "Week", first: int = 1) -> str:
    return "".join(
        f"# {word} {number}\n## exercises\n- [x] sheet {number}\n- [ ] extra {number}\n"
        for number in range(first, first + weeks)
    )


def test_thirty_weeks_stay_one_list() -> None:
    site = build_site(parse(notes(30)))
    [weeks] = [entry for entry in nav(site) if isinstance(entry, dict) and "Weeks" in entry]
    assert len(weeks["Weeks"]) == 30
    assert weeks["Weeks"][0] == {"Week 1": "week-1.md"}


def test_more_are_grouped_by_ten_named_by_their_first_and_last() -> None:
    site = build_site(parse(notes(35, "Module", first=3)))
    [modules] = [entry for entry in nav(site) if isinstance(entry, dict) and "Modules" in entry]
    groups = modules["Modules"]
    assert [next(iter(group)) for group in groups] == [
        "Modules 3\u201312",
        "Modules 13\u201322",
        "Modules 23\u201332",
        "Modules 33\u201337",
    ]
    assert groups[0]["Modules 3\u201312"][0] == {"Module 3": "module-3.md"}
    assert len(groups[-1]["Modules 33\u201337"]) == 5


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("long")
    (folder / "docs").mkdir()
    (folder / "notes.md").write_text(notes(45), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Long\ntheme: {name: material}\nplugins:\n  - course-notes\n",
        encoding="utf-8",
    )
    records: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs.plugins.course_notes")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        site = build_project(folder / "mkdocs.yml")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return site, records


def nav_links(site: Path, page: str) -> list[str]:
    links = read_html(site, page).select("nav.md-nav--primary a.md-nav__link[href]")
    return [link.get_text(" ", strip=True) for link in links]


def test_each_page_carries_its_own_group_only(long_site: tuple[Path, list[str]]) -> None:
    site, said = long_site
    on_week_12 = nav_links(site, "week-12")
    assert "Week 12" in on_week_12 and "Week 20" in on_week_12
    assert "Week 1" not in on_week_12 and "Week 45" not in on_week_12
    on_week_45 = nav_links(site, "week-45")
    assert "Week 41" in on_week_45 and "Week 12" not in on_week_45
    assert any("45 weeks, grouped by ten in the nav" in line for line in said)
