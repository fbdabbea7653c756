"""The course in time as data: dated weeks, due items, what is on now, progress over time."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .course import Group, Item, Week


@dataclass(frozen=True)
class DatedWeek:
    """A week placed in the calendar: its first and last day (a ``Weeks 3-4`` spans two)."""

    week: Week
    start: datetime.date
    end: datetime.date

    @property
    def behind(self) -> int:
        """Items of the week not done yet (behind once the week is over)."""
        return self.week.progress.left


@dataclass(frozen=True)
class DueItem:
    """An item whose due date is placed in the calendar, with the week it belongs to."""

    item: Item | Group
    """A task, or a line over tasks (``Assignment 1 (due 12 Mar)`` over its parts)."""
    week: Week | None
    due: datetime.datetime
    """When it is due: at its written time, else at 23:59 of its day."""

    @property
    def timed(self) -> bool:
        """True when the notes give a time of day, not only a day."""
        return self.item.due is not None and self.item.due.time is not None


@dataclass(frozen=True)
class Now:
    """Where a reader stands in the term at one moment: what is on, overdue, behind, next."""

    moment: datetime.datetime
    current: DatedWeek | None
    undone: list[Item]
    """The current week's items not done yet."""
    overdue: list[DueItem]
    behind: list[DatedWeek]
    """Weeks over with items not done, in week order."""
    next_due: list[DueItem]
    before_term: bool
    after_term: bool


@dataclass
class Schedule:
    """The course in the calendar: each week's days and each dated item, as of no day."""

    weeks: list[DatedWeek] = field(default_factory=list)
    due: list[DueItem] = field(default_factory=list)
    """Every item with a due date that could be placed, earliest first."""

    @property
    def start(self) -> datetime.date:
        """The first day of the first week."""
        return min(dated.start for dated in self.weeks)

    @property
    def end(self) -> datetime.date:
        """The last day of the last week."""
        return max(dated.end for dated in self.weeks)

    @property
    def undone_due(self) -> list[DueItem]:
        """The dated items not done yet, earliest first."""
        return [due for due in self.due if not due.item.done]

    def of(self, week: Week) -> DatedWeek | None:
        """The days of one week."""
        return next((dated for dated in self.weeks if dated.week is week), None)


@dataclass(frozen=True)
class HistoryPoint:
    """The notes as one commit left them: when, and how many items were done of how many."""

    when: datetime.date
    done: int
    total: int


@dataclass(frozen=True)
class Projection:
    """Where the pace of the last days leads: the day the course would be finished."""

    days: int
    """How many days back the pace is measured over (14, fewer for a younger history)."""
    done: int
    """Items done in those days."""
    left: int
    finish: datetime.date | None
    """The day the last item would be done at that pace; None when the pace is nil."""
    end: datetime.date
    """The last day of the last week."""
    per_week: int
    """Items a week that would finish by ``end`` (0 when nothing is left or the term is over)."""

    @property
    def on_time(self) -> bool:
        """True when the pace finishes by the last day of the last week."""
        return self.finish is not None and self.finish <= self.end


@dataclass
class Burnup:
    """Progress over time from the notes' history, and where its pace leads."""

    points: list[HistoryPoint]
    projection: Projection | None = None
