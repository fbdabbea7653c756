"""Dates in the notes: every written form, week start dates, due dates and "now"."""

from __future__ import annotations

import datetime

import pytest

from course_notes.derive import schedule
from course_notes.model import HistoryPoint, WrittenDate
from course_notes.read.dates import read_date, read_due
from course_notes.read.notes import parse

D = datetime.date
TERM = D(2027, 3, 1)  # a Monday


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("lab 1 due Fri", WrittenDate("Fri", weekday=4)),
        ("lab 1 due Friday", WrittenDate("Friday", weekday=4)),
        ("lab 1 due fri.", WrittenDate("fri.", weekday=4)),
        ("lab 1 due Fri 11:59pm", WrittenDate("Fri 11:59pm", weekday=4, time=(23, 59))),
        ("lab 1 due Thu 23:59", WrittenDate("Thu 23:59", weekday=3, time=(23, 59))),
        ("lab 1 due Mon 9am", WrittenDate("Mon 9am", weekday=0, time=(9, 0))),
        ("lab 1 due Tue 12am", WrittenDate("Tue 12am", weekday=1, time=(0, 0))),
        ("essay due 14 Mar", WrittenDate("14 Mar", month=3, day=14)),
        ("essay due 14th March", WrittenDate("14th March", month=3, day=14)),
        ("essay due Mar 14", WrittenDate("Mar 14", month=3, day=14)),
        ("essay due March 3rd", WrittenDate("March 3rd", month=3, day=3)),
        ("essay due 14 Mar 2027", WrittenDate("14 Mar 2027", 2027, 3, 14)),
        ("essay due 2027-03-14", WrittenDate("2027-03-14", 2027, 3, 14)),
        ("essay (due: 14/3)", WrittenDate("14/3", month=3, day=14)),
        ("essay (due 14/3/2027)", WrittenDate("14/3/2027", 2027, 3, 14)),
        # No month 19: the American order, month first; "3/2" stays day first.
        ("quiz 1 (due 1/19)", WrittenDate("1/19", month=1, day=19)),
        ("quiz 5 due 3/2", WrittenDate("3/2", month=2, day=3)),
        ("essay (due 14/3/27 5pm)", WrittenDate("14/3/27 5pm", 2027, 3, 14, time=(17, 0))),
        ("essay DUE: Fri 14 Mar", WrittenDate("Fri 14 Mar", month=3, day=14)),
        (
            "essay due Sun 14 Mar at 5:30pm",
            WrittenDate("Sun 14 Mar at 5:30pm", 0, 3, 14, None, (17, 30)),
        ),
        ("essay due 29 Feb", WrittenDate("29 Feb", month=2, day=29)),
        ("essay \u2014 submit by Fri 15 Nov", WrittenDate("Fri 15 Nov", month=11, day=15)),
        ("report: hand in by 3/12", WrittenDate("3/12", month=12, day=3)),
        ("project deadline: Mar 3", WrittenDate("Mar 3", month=3, day=3)),
    ],
)
def test_every_due_form(text: str, written: WrittenDate) -> None:
    assert read_due(text) == (written, None)
    # The parser keeps the item's text as written, the date in it.
    item = parse(f"# week 1\n## exercises\n- {text}\n").weeks[0].items[0]
    assert (item.text, item.due) == (text, written)


@pytest.mark.parametrize(
    "text",
    [
        "due to illness",
        "overdue Fri",
        "a due",
        "do the reading",
        "residue 14 Mar",
        "the deadline is tight",
        "submit by email",
    ],
)
def test_words_that_are_no_due_date(text: str) -> None:
    assert read_due(text) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["due 31 Feb", "due: next week", "(due: soon)", "due 14/13", "due 3pm", "due Fri 13:75"],
)
def test_an_unreadable_due_date_is_kept_and_reported_with_its_line(text: str) -> None:
    course = parse(f"# week 1\n## exercises\n- ok\n- lab {text}\n")
    item = course.weeks[0].items[1]
    assert item.text == f"lab {text}"
    assert item.due is None or text == "due Fri 13:75"
    if item.due is None:
        [diagnostic] = course.diagnostics
        assert diagnostic.line == 4
        assert "not read" in diagnostic.message and "due" in diagnostic.message


def test_heading_dates() -> None:
    course = parse(
        "# Week 1 (Mar 1)\n# Week 2 — 2027-03-08\n# Week 3 (8th March)\n# Week 4 (no lectures)\n"
        "# Week 5: 2027-03-29 review\n# Week 6: Mar 30\n"
    )
    assert [week.date for week in course.weeks] == [
        WrittenDate("Mar 1", month=3, day=1),
        WrittenDate("2027-03-08", 2027, 3, 8),
        WrittenDate("8th March", month=3, day=8),
        None,
        WrittenDate("2027-03-29", 2027, 3, 29),
        None,  # only an ISO date opens a title as the week's date
    ]
    # The title stays as written.
    assert [week.name for week in course.weeks][1] == "Week 2: 2027-03-08"


def starts(text: str, term: D | None, today: D = TERM) -> list[tuple[int, D, D]]:
    placed = schedule.schedule(parse(text), term, today)
    assert placed is not None
    return [(dated.week.number, dated.start, dated.end) for dated in placed.weeks]


def test_week_starts_from_term_start() -> None:
    assert starts("# Week 1\n# Week 2\n# Weeks 3-4\n# Week 6\n", TERM) == [
        (1, D(2027, 3, 1), D(2027, 3, 7)),
        (2, D(2027, 3, 8), D(2027, 3, 14)),
        (3, D(2027, 3, 15), D(2027, 3, 28)),
        (6, D(2027, 4, 5), D(2027, 4, 11)),
    ]


def test_a_dated_heading_wins_over_term_start_and_takes_its_year() -> None:
    # A mid-term break: week 6 starts a fortnight after week 5, as its heading says.
    text = "# Week 5\n# Week 6 (Apr 12)\n# Week 7\n"
    assert starts(text, TERM) == [
        (5, D(2027, 3, 29), D(2027, 4, 4)),
        (6, D(2027, 4, 12), D(2027, 4, 18)),
        (7, D(2027, 4, 12), D(2027, 4, 18)),  # week 7 keeps its place from term_start
    ]
    # A term over the new year: January is the next year's.
    assert starts("# Week 1\n# Week 12 (Jan 4)\n", D(2026, 10, 19))[1][1] == D(2027, 1, 4)


def test_dated_headings_without_term_start_place_the_other_weeks() -> None:
    text = "# Week 1\n# Week 2 — 2027-03-08\n# Week 3\n# Week 5 (Mar 29)\n# Week 6\n"
    assert [start for _n, start, _end in starts(text, None)] == [
        D(2027, 3, 1),
        D(2027, 3, 8),
        D(2027, 3, 15),
        D(2027, 3, 29),
        D(2027, 4, 5),
    ]


def test_without_term_start_or_dated_headings_there_is_no_schedule() -> None:
    assert schedule.schedule(parse("# Week 1\n- a due Fri\n"), None, TERM) is None
    assert schedule.schedule(parse("no weeks"), TERM, TERM) is None


def test_due_dates_in_the_calendar() -> None:
    course = parse(
        "# Week 1\n## exercises\n- a due Fri\n- b due Wed 9am\n"
        "# Week 2\n## exercises\n- c (due: 2/3)\n- d due 2027-03-20 ✓\n- e due Mon\n"
    )
    placed = schedule.schedule(course, TERM, TERM)
    assert placed is not None
    assert [(due.item.text[0], due.due, due.timed) for due in placed.due] == [
        ("c", datetime.datetime(2027, 3, 2, 23, 59), False),
        ("b", datetime.datetime(2027, 3, 3, 9, 0), True),
        ("a", datetime.datetime(2027, 3, 5, 23, 59), False),
        ("e", datetime.datetime(2027, 3, 8, 23, 59), False),  # a weekday alone: its week's
        ("d", datetime.datetime(2027, 3, 20, 23, 59), False),
    ]


def test_now_at_two_moments() -> None:
    course = parse(
        "# Week 1\n## exercises\n- a due Fri\n- b ✓\n"
        "# Week 2\n## exercises\n- c due Wed 9am\n- d\n- e due Fri\n- f due Sat\n- g due Sun\n"
    )
    placed = schedule.schedule(course, TERM, TERM)
    assert placed is not None
    early = schedule.now(placed, datetime.datetime(2027, 3, 2, 10, 0))
    assert early.current is not None and early.current.week.number == 1
    assert [item.text for item in early.undone] == ["a due Fri"]
    assert early.overdue == [] and early.behind == []
    assert [due.item.text[0] for due in early.next_due] == ["a", "c", "e"]
    later = schedule.now(placed, datetime.datetime(2027, 3, 10, 9, 30))
    assert later.current is not None and later.current.week.number == 2
    assert [due.item.text[0] for due in later.overdue] == ["a", "c"]
    assert [dated.week.number for dated in later.behind] == [1]
    assert [due.item.text[0] for due in later.next_due] == ["e", "f", "g"]
    after = schedule.now(placed, datetime.datetime(2027, 4, 1))
    assert after.after_term and after.current is None and not after.before_term
    assert schedule.now(placed, datetime.datetime(2027, 2, 1)).before_term


def test_projection() -> None:
    course = parse("# Week 1\n# Week 4\n")
    placed = schedule.schedule(course, TERM, TERM)
    assert placed is not None  # the term ends on Sun 28 Mar
    points = [
        HistoryPoint(D(2027, 3, 1), 0, 40),
        HistoryPoint(D(2027, 3, 5), 6, 40),
        HistoryPoint(D(2027, 3, 15), 20, 40),
    ]
    ahead = schedule.projection(points, placed, D(2027, 3, 15))
    assert ahead is not None
    # 20 done in the 14 days since 1 March: 20 left take 14 more days.
    assert (ahead.days, ahead.done, ahead.left, ahead.finish) == (14, 20, 20, D(2027, 3, 29))
    assert not ahead.on_time and ahead.per_week == 10  # 20 left over 2 weeks
    slow = schedule.projection(points, placed, D(2027, 3, 8))
    assert slow is not None and (slow.days, slow.done) == (7, 6)
    # Under a week of history: no pace to speak of.
    assert schedule.projection(points[:2], placed, D(2027, 3, 5)) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Mar 17", WrittenDate("Mar 17", month=3, day=17)),
        (" 17 March ", WrittenDate("17 March", month=3, day=17)),
        ("Mon 17/3", WrittenDate("Mon 17/3", month=3, day=17)),
        ("2027-03-17", WrittenDate("2027-03-17", 2027, 3, 17)),
        ("Mon", WrittenDate("Mon", weekday=0)),
        ("no lectures", None),
        ("Feb 30", None),
        ("2027-02-29", None),
    ],
)
def test_a_whole_label_as_a_date(label: str, expected: WrittenDate | None) -> None:
    assert read_date(label) == expected
