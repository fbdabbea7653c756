"""A line over tasks keeps its own tick and due date (issue 24)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from course_notes.adapters.cli.main import main
from course_notes.derive.schedule import schedule
from course_notes.model import Group, Item
from course_notes.read.notes import parse

from conftest import site_pages

NOTES = """# Course

## Week 1 (3 Mar 2026)

### Assignments
- [x] Assignment 1 (due 12 Mar)
  - [x] part a
  - [ ] part b
- Assignment 2 (due 20 Mar)
  - [x] part a
  - [ ] part b
- Assignment 3 (due 27 Mar)
  - [x] part a
"""


def test_a_group_keeps_its_tick_and_due_date() -> None:
    entries = parse(NOTES).weeks[0].sections[0].entries
    groups = [entry for entry in entries if isinstance(entry, Group)]
    assert [(g.text, g.done, g.due.day if g.due else None) for g in groups] == [
        ("Assignment 1 (due 12 Mar)", True, 12),
        ("Assignment 2 (due 20 Mar)", False, 20),
        # Every task under it done: the line is done too.
        ("Assignment 3 (due 27 Mar)", True, 27),
    ]
    # Still counted by the tasks under them, not themselves.
    assert sum(isinstance(entry, Item) for entry in entries) == 5


def test_the_calendar_and_status_list_a_groups_due_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    placed = schedule(parse(NOTES), datetime.date(2026, 3, 3), datetime.date(2026, 3, 10))
    assert placed is not None
    assert [(due.item.text, due.item.done) for due in placed.due] == [
        ("Assignment 1 (due 12 Mar)", True),
        ("Assignment 2 (due 20 Mar)", False),
        ("Assignment 3 (due 27 Mar)", True),
    ]
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    monkeypatch.setenv("COURSE_NOTES_TODAY", "2026-03-10")
    # Away from this repository, whose mkdocs.yml would give the seed's term start.
    monkeypatch.chdir(tmp_path)
    assert main(["status", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert "Next due:\n  Fri 20 Mar  Week 1: Assignment 2 (due 20 Mar)\n" in out
    assert main(["export", "--notes", str(notes), str(tmp_path / "out")]) == 0
    calendar = (tmp_path / "out" / "calendar.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Due: Assignment 2 (due 20 Mar) (Week 1) — not done" in calendar
    assert "SUMMARY:Due: Assignment 1 (due 12 Mar) (Week 1) — done" in calendar


def test_the_page_says_a_group_is_done_without_a_box() -> None:
    page = site_pages(parse(NOTES))["week-1.md"]
    assert '- Assignment 1 (due 12 Mar) <span class="cn-group-done">(done)</span>' in page
    assert "- Assignment 2 (due 20 Mar)\n" in page
