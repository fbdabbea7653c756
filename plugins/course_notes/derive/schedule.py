"""Place a course in the calendar, and say what is on, overdue, behind and next at a moment.

Pure: the day that counts as today is always given. The panel's script in the browser
(``assets/course-notes.js``) applies the same rules to the same dates, so a page shows the
same whether this ran at build time or the reader's browser did.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator, Sequence

from ..model import (
    Course,
    DatedWeek,
    DueItem,
    Group,
    HistoryPoint,
    Item,
    Now,
    Projection,
    Schedule,
    Section,
    Week,
    WrittenDate,
)
from ..read import dates

WEEK = datetime.timedelta(days=7)
DAY = datetime.timedelta(days=1)
NEXT_DUE = 3
"""How many of the next items due the panel lists."""
PACE_DAYS = 14
"""The pace of the projection is measured over this many days back."""
MIN_PACE_DAYS = 7
"""A history younger than this gives no pace: a day or two says little about a term."""
HORIZON_DAYS = 10 * 366
"""A pace that needs longer than this to finish finishes not at all, as far as a term goes."""


def schedule(
    course: Course, term_start: datetime.date | None, today: datetime.date
) -> Schedule | None:
    """The course's weeks and dated items in the calendar; None when nothing gives a date.

    Week N starts ``term_start`` + 7·(N−1) days unless its heading gives a day. Without
    ``term_start`` the dated headings place the others, 7 days a week apart; a day written
    without a year is read in the year that puts it nearest where the week is expected
    (``today`` when nothing else says).
    """
    if not course.weeks or (term_start is None and all(w.date is None for w in course.weeks)):
        return None
    starts = _starts(course.weeks, term_start, today)
    weeks = [
        DatedWeek(week, start, start + len(week.numbers) * WEEK - DAY)
        for week in course.weeks
        if (start := starts.get(week.number)) is not None
    ]
    if not weeks:
        return None
    placed = Schedule(weeks)
    due: list[DueItem] = []
    for dated in weeks:
        for item, written in _dated(dated.week.sections):
            day = dates.resolve(written, dated.start, dated.start)
            if day is not None:
                due.append(DueItem(item, dated.week, dates.moment(written, day)))
    anchor = term_start or placed.start
    for item, written in _dated(course.general):
        day = dates.resolve(written, None, anchor)
        if day is not None:
            due.append(DueItem(item, None, dates.moment(written, day)))
    due.sort(key=lambda entry: entry.due)
    placed.due = due
    return placed


def _dated(sections: Sequence[Section]) -> Iterator[tuple[Item | Group, WrittenDate]]:
    """The tasks and the lines over tasks that give a due date, with it, in the notes' order."""
    for section in sections:
        for entry in section.entries:
            if isinstance(entry, (Item, Group)) and entry.due is not None:
                yield entry, entry.due


def _starts(
    weeks: Sequence[Week], term_start: datetime.date | None, today: datetime.date
) -> dict[int, datetime.date]:
    starts: dict[int, datetime.date] = {}
    anchor = today
    for week in weeks:
        expected = term_start + (week.number - 1) * WEEK if term_start else None
        start = expected
        if week.date is not None:
            start = dates.resolve(week.date, expected, expected or anchor) or expected
        if start is not None:
            starts[week.number] = anchor = start
    if term_start is None:
        # The weeks without a date of their own, counted from the nearest dated week.
        dated = [week for week in weeks if week.number in starts]
        for week in weeks:
            if week.number not in starts and dated:
                near = min(dated, key=lambda other: abs(other.number - week.number))
                starts[week.number] = starts[near.number] + (week.number - near.number) * WEEK
    return starts


def now(placed: Schedule, moment: datetime.datetime) -> Now:
    """What is on at ``moment``: the week, its items left, overdue, behind and next due."""
    today = moment.date()
    current = next((w for w in placed.weeks if w.start <= today <= w.end), None)
    undone = [item for item in current.week.items if not item.done] if current else []
    waiting = placed.undone_due
    return Now(
        moment=moment,
        current=current,
        undone=undone,
        overdue=[due for due in waiting if due.due < moment],
        behind=[w for w in placed.weeks if w.end < today and w.behind],
        next_due=[due for due in waiting if due.due >= moment][:NEXT_DUE],
        before_term=today < placed.start,
        after_term=today > placed.end,
    )


def start_of(day: datetime.date) -> datetime.datetime:
    """The first moment of a day: what the site built that day shows as "now"."""
    return datetime.datetime.combine(day, datetime.time())


def projection(
    points: Sequence[HistoryPoint], placed: Schedule, today: datetime.date
) -> Projection | None:
    """Where the pace of the last ``PACE_DAYS`` days leads; None with under a week of history."""
    # What was known on that day: a build told to take an earlier day as today ignores later
    # commits.
    points = [point for point in points if point.when <= today]
    if len(points) < 2 or points[0].when >= today:
        return None
    last = points[-1]
    since = today - PACE_DAYS * DAY
    first = points[0]
    # The pace over the last 14 days, or since the history began when that is later.
    before = [point for point in points if point.when <= since]
    origin = before[-1] if before else first
    days = min(PACE_DAYS, (today - max(origin.when, since)).days)
    if days < MIN_PACE_DAYS:
        return None
    done = max(last.done - origin.done, 0)
    left = last.total - last.done
    end = placed.end
    finish = None
    if left == 0:
        finish = last.when
    elif done and (needed := math.ceil(left * days / done)) <= HORIZON_DAYS:
        # Further out than that, "you would not finish" says it: 260,000 items left at one
        # a fortnight would be past the year 9999, which no calendar holds.
        finish = today + needed * DAY
    weeks_left = math.ceil(((end - today).days + 1) / 7)
    per_week = math.ceil(left / weeks_left) if left and weeks_left > 0 else 0
    return Projection(days=days, done=done, left=left, finish=finish, end=end, per_week=per_week)
