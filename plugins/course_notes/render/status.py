"""Where the reader is in the term as plain text, for the terminal (``course-notes status``)."""

from __future__ import annotations

from ..model import Burnup, DueItem, Now, Schedule
from ..model.inline import visible
from .chart import projection_sentence
from .now import MAX_UNDONE, day, due_when, short_day


def status(state: Now, placed: Schedule, chart: Burnup | None = None) -> str:
    """The "now" summary as plain text for a terminal."""
    today = state.moment.date()
    lines = [f"Today: {day(today)}"]
    if state.before_term:
        lines.append(f"The term starts on {day(placed.start)}.")
    if state.after_term:
        lines.append(f"The term ended on {day(placed.end)}.")
    if state.current is not None:
        week = state.current.week
        lines.append(
            f"This week: {visible(week.name)} "
            f"({short_day(state.current.start)} - {short_day(state.current.end)}), "
            f"{week.progress} done"
        )
        lines += _at_most(
            [f"  [ ] {_plain(item.text)}" for item in state.undone[: MAX_UNDONE + 1]],
            len(state.undone),
        )
    elif not (state.before_term or state.after_term):
        lines.append("No week of the course is on today.")
    lines.append(f"Overdue: {len(state.overdue) or 'nothing'}")
    lines += _at_most(
        [f"  {_due_plain(entry)}" for entry in state.overdue[: MAX_UNDONE + 1]], len(state.overdue)
    )
    lines.append(f"Behind: {len(state.behind) or 'nothing'}")
    lines += [
        f"  {visible(d.week.name)}: {d.week.progress.left} of {d.week.progress.total} not done"
        for d in state.behind
    ]
    lines.append("Next due:" if state.next_due else "Next due: nothing")
    lines += [f"  {_due_plain(entry)}" for entry in state.next_due]
    if chart is not None and chart.projection is not None:
        lines.append(projection_sentence(chart, today))
    return "\n".join(lines) + "\n"


def _at_most(lines: list[str], count: int) -> list[str]:
    # As the panel does: a terminal of 260,000 lines helps no one (4.6 s to print them).
    if count <= MAX_UNDONE:
        return lines
    return [*lines[:MAX_UNDONE], f"  and {count - MAX_UNDONE} more"]


def _plain(text: str) -> str:
    return visible(" ".join(text.split()))


def _due_plain(entry: DueItem) -> str:
    where = f"{entry.week.word} {entry.week.number}" if entry.week is not None else "General"
    return f"{due_when(entry)}  {where}: {_plain(entry.item.text)}"
