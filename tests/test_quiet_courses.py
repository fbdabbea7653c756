"""Courses with little in them: no videos, no weeks, sections of notes only (issue 24)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course_notes.adapters.cli.main import main
from course_notes.derive.questions import read_questions
from course_notes.read.notes import parse
from course_notes.render.faq import render_faq
from course_notes.render.pages import badges, no_weeks, weeks_table

from conftest import PageRenderer, build_project, read_html

NO_VIDEOS = """# Roman Law

## Week 1

### Reading
- [x] Gaius, Institutes I

### Notes
the praetor's edict, again

## Week 2

### Reading
- [ ] Gaius, Institutes II

## Questions
- is the edict annual?
"""


def test_without_videos_the_weeks_table_has_no_video_column(render_page: PageRenderer) -> None:
    html = BeautifulSoup(render_page.html(weeks_table(parse(NO_VIDEOS))), "html.parser")
    assert [th.get_text() for th in html.find_all("th")] == ["Week", "Done", "Progress"]
    assert len(html.find_all("tr")) == 3


def test_without_weeks_the_table_says_what_to_do() -> None:
    assert weeks_table(parse("just a line\n")) == no_weeks()


def test_a_section_of_notes_only_gets_no_badge() -> None:
    row = badges(parse(NO_VIDEOS).weeks[0])
    assert "Reading" in row and "Week 1/1" in row
    assert "Notes" not in row and "0/0" not in row


def test_the_faq_names_the_course_in_its_text(render_page: PageRenderer) -> None:
    course = parse(NO_VIDEOS)
    page = render_faq(read_questions(course.thoughts), course.title)
    counts = BeautifulSoup(render_page.html(page), "html.parser").select_one(".cn-faq-counts")
    assert counts is not None
    assert counts.get_text().startswith("Questions for the lecturer on Roman Law, from the notes")


def test_an_init_site_without_videos_says_nothing_of_videos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not in this repository, whose mkdocs.yml would give the new site its references.
    monkeypatch.chdir(tmp_path)
    repository = tmp_path / "repo"
    repository.mkdir()
    notes = repository / "notes.md"
    notes.write_text(NO_VIDEOS, encoding="utf-8")
    assert main(["init", str(repository), "--notes", str(notes)]) == 0
    site = build_project(repository / "mkdocs.yml")
    home = read_html(site, "").select_one("article")
    assert home is not None
    text = home.get_text(" ")
    assert "Video" not in text and "0s" not in text
    assert [th.get_text() for th in home.select(".cn-weeks th")] == ["Week", "Done", "Progress"]
