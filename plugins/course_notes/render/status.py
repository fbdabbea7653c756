"""Where the reader is in the term as plain text, for the terminal (``course-notes status``)."""

from __future__ import annotations

from ..i18n import ENGLISH, Language
from ..model import Burnup, DueItem, Now, Schedule
from ..model.inline import visible
from .chart import projection_sentence
from .now import MAX_UNDONE, day, due_when, short_day


def status(
    state: Now, placed: Schedule, chart: Burnup | None = None, lang: Language = ENGLISH
) -> str:
    """The "now" summary as plain text for a terminal."""
    today = state.moment.date()
    lines = [lang.gettext("Today: {date}", date=day(today, lang))]
    if state.before_term:
        lines.append(lang.gettext("The term starts on {day}.", day=day(placed.start, lang)))
    if state.after_term:
        lines.append(lang.gettext("The term ended on {day}.", day=day(placed.end, lang)))
    if state.current is not None:
        week = state.current.week
        lines.append(
            lang.gettext(
                "This week: {week} ({start} - {end}), {progress} done",
                week=visible(week.name),
                start=short_day(state.current.start, lang),
                end=short_day(state.current.end, lang),
                progress=week.progress,
            )
        )
        lines += _at_most(
            [f"  [ ] {_plain(item.text)}" for item in state.undone[: MAX_UNDONE + 1]],
            len(state.undone),
            lang,
        )
    elif not (state.before_term or state.after_term):
        lines.append(lang.gettext("No week of the course is on today."))
    lines.append(_heading(lang.gettext("Overdue:"), len(state.overdue), lang))
    lines += _at_most(
        [f"  {_due_plain(entry, lang)}" for entry in state.overdue[: MAX_UNDONE + 1]],
        len(state.overdue),
        lang,
    )
    lines.append(_heading(lang.gettext("Behind:"), len(state.behind), lang))
    lines += [
        "  "
        + lang.ngettext(
            "{week}: {left} of {count} not done",
            "{week}: {left} of {count} not done",
            d.week.progress.total,
            week=visible(d.week.name),
            left=d.week.progress.left,
        )
        for d in state.behind
    ]
    next_due = lang.gettext("Next due:")
    nothing = lang.gettext("nothing")
    lines.append(next_due if state.next_due else f"{next_due} {nothing}")
    lines += [f"  {_due_plain(entry, lang)}" for entry in state.next_due]
    if chart is not None and chart.projection is not None:
        lines.append(projection_sentence(chart, today, lang))
    return "\n".join(lines) + "\n"


def _heading(label: str, count: int, lang: Language) -> str:
    nothing = lang.gettext("nothing")
    return f"{label} {count or nothing}"


def _at_most(lines: list[str], count: int, lang: Language) -> list[str]:
    # As the panel does: a terminal of 260,000 lines helps no one (4.6 s to print them).
    if count <= MAX_UNDONE:
        return lines
    more = count - MAX_UNDONE
    return [*lines[:MAX_UNDONE], "  " + lang.ngettext("and {count} more", "and {count} more", more)]


def _plain(text: str) -> str:
    return visible(" ".join(text.split()))


def _due_plain(entry: DueItem, lang: Language) -> str:
    if entry.week is not None:
        where = entry.week.label
    else:
        where = lang.pgettext("page", "General")
    return f"{due_when(entry, lang)}  {where}: {_plain(entry.item.text)}"
