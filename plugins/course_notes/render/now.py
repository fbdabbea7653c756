"""Where the reader is in the term, as Markdown: the "now" panel, behind badges, the calendar link.

Pure. The panel lists every candidate (each week, each dated item not done) with its dates
in ``data-cn-*`` attributes, those that are not "now" on the build date ``hidden``; the
site's script (``assets/course-notes.js``) shows and hides the same elements by the same
rules (``schedule.now``) for the reader's own day, and never reads or writes notes text.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Sequence

from ..model import DatedWeek, DueItem, Group, Item, Now, Schedule, Week, paths
from . import escape as markup

MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAY_NAMES = "Mon Tue Wed Thu Fri Sat Sun".split()
# Items of the current week the panel lists; the rest are a link away, on the week's page.
MAX_UNDONE = 10


def plural(count: int, word: str) -> str:
    """``1 item``, ``3 items``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def day(when: datetime.date) -> str:
    """``Fri 14 Mar 2027``."""
    return f"{DAY_NAMES[when.weekday()]} {when.day} {MONTH_NAMES[when.month - 1]} {when.year}"


def short_day(when: datetime.date) -> str:
    """``Fri 14 Mar``."""
    return f"{DAY_NAMES[when.weekday()]} {when.day} {MONTH_NAMES[when.month - 1]}"


def due_when(entry: DueItem) -> str:
    """``Fri 14 Mar``, or ``Fri 14 Mar, 23:59`` when the notes give a time."""
    shown = short_day(entry.due.date())
    return f"{shown}, {entry.due:%H:%M}" if entry.timed else shown


def iso(when: datetime.date | datetime.datetime) -> str:
    """``2027-03-14``, or ``2027-03-14T23:59`` for a moment: what the script compares."""
    if isinstance(when, datetime.datetime):
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.isoformat()


def _hidden(shown: bool) -> str:
    return "" if shown else " hidden"


def _week_link(week: Week | None, base: str) -> str:
    if week is None:
        return "General"
    return f"[{week.word} {week.number}]({base}{paths.week_page(week)})"


def _week_name_link(week: Week, base: str) -> str:
    return f"[{markup.markdown_inline(week.name, link_text=True)}]({base}{paths.week_page(week)})"


def _item(item: Item | Group) -> str:
    return markup.markdown_inline(" ".join(item.text.split()))


def _due_line(entry: DueItem, show: str, shown: bool, base: str) -> str:
    return (
        f'<li data-cn-show="{show}" data-cn-due="{iso(entry.due)}"{_hidden(shown)} '
        f'markdown="span">{_week_link(entry.week, base)}: {_item(entry.item)} · due '
        f'<time datetime="{iso(entry.due)}">{due_when(entry)}</time></li>'
    )


def _group(name: str, lines: Sequence[str], any_shown: bool, none: str, listed: bool = True) -> str:
    parts = [f'<div class="cn-now-group" data-cn-group="{name}" markdown="1">']
    if lines:
        parts += ['<ul markdown="1">', *lines, "</ul>"] if listed else lines
    parts.append(f'<p class="cn-now-none" data-cn-show="none"{_hidden(not any_shown)}>{none}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _week_block(dated: DatedWeek, shown: bool, base: str) -> str:
    week = dated.week
    undone = [item for item in week.items if not item.done]
    lines = [
        f'<div class="cn-now-week" data-cn-show="week" data-cn-start="{dated.start}" '
        f'data-cn-end="{dated.end}"{_hidden(shown)} markdown="1">',
        f'<p markdown="span"><strong>{_week_name_link(week, base)}</strong>, '
        f"{short_day(dated.start)} \u2013 {short_day(dated.end)} · {week.progress} done</p>",
    ]
    if undone:
        lines.append('<ul markdown="1">')
        lines += [f'<li markdown="span">{_item(item)}</li>' for item in undone[:MAX_UNDONE]]
        lines.append("</ul>")
        if len(undone) > MAX_UNDONE:
            more = len(undone) - MAX_UNDONE
            lines.append(
                f'<p markdown="span">and {more} more on '
                f"[the week's page]({base}{paths.week_page(week)})</p>"
            )
    else:
        lines.append("<p>Everything of this week is done.</p>")
    lines.append("</div>")
    return "\n".join(lines)


def now_panel(placed: Schedule, state: Now, base: str = "", level: int = 2) -> str:
    """The "now" panel in ``state`` (the build day's), ready to be redone by the script."""
    today = state.moment.date()
    hashes = "#" * level
    sub = "#" * (level + 1)
    first, last = placed.weeks[0], placed.weeks[-1]
    blocks = [
        f"{hashes} Now",
        f'<div class="cn-now" data-cn-built="{today}" markdown="1">',
        f'<p class="cn-now-today" data-cn-today>As of {day(today)}, the day this site was '
        "built: with JavaScript on, this part of the page follows today's date.</p>",
        f'<p data-cn-show="before" data-cn-start="{placed.start}"'
        f'{_hidden(state.before_term)} markdown="span">The term starts on {day(placed.start)} '
        f"with {_week_link(first.week, base)}.</p>",
        f'<p data-cn-show="after" data-cn-end="{placed.end}"{_hidden(state.after_term)} '
        f'markdown="span">The term ended on {day(placed.end)} '
        f"with {_week_link(last.week, base)}.</p>",
        _group(
            "week",
            [_week_block(dated, dated is state.current, base) for dated in placed.weeks],
            state.current is not None,
            "No week of the course is on today.",
            listed=False,
        ),
        f"{sub} Overdue",
        _group(
            "overdue",
            [
                _due_line(entry, "overdue", entry in state.overdue, base)
                for entry in placed.undone_due
            ],
            bool(state.overdue),
            "Nothing overdue.",
        ),
        f"{sub} Behind",
        _group(
            "behind",
            [
                _behind_line(dated, dated in state.behind, base)
                for dated in _behind_candidates(placed)
            ],
            bool(state.behind),
            "No week that is over has anything left to do.",
        ),
        f"{sub} Next due",
        _group(
            "next",
            [
                _due_line(entry, "next", entry in state.next_due, base)
                for entry in placed.undone_due
            ],
            bool(state.next_due),
            "Nothing else has a due date.",
        ),
        "</div>",
    ]
    return "\n\n".join(blocks)


def _behind_candidates(placed: Schedule) -> list[DatedWeek]:
    return [dated for dated in placed.weeks if dated.behind]


def _behind_line(dated: DatedWeek, shown: bool, base: str) -> str:
    progress = dated.week.progress
    return (
        f'<li data-cn-show="behind" data-cn-end="{dated.end}"{_hidden(shown)} markdown="span">'
        f"{_week_name_link(dated.week, base)}: {progress.left} of {progress.total} not done "
        f"(the week ended on {short_day(dated.end)})</li>"
    )


def behind_badge(dated: DatedWeek, today: datetime.date) -> str:
    """A badge that says "Behind" once the week is over with items not done; hidden till then."""
    progress = dated.week.progress
    shown = dated.end < today and progress.left > 0
    title = (
        f"Behind: {progress.left} of {progress.total} not done, "
        f"and the week ended on {day(dated.end)}"
    )
    return (
        f'<span class="cn-badge cn-badge--behind" data-cn-show="behind" '
        f'data-cn-end="{dated.end}" title="{html.escape(title)}"{_hidden(shown)}>'
        ":material-alert-circle-outline: Behind</span>"
    )


def calendar_link(path: str, base: str = "") -> str:
    """The calendar's link, and how to subscribe to it in the usual calendar apps."""
    return (
        f"[:material-calendar-month: Subscribe to the calendar]({base}{path}){{ .cn-calendar }}: "
        "a week a day-long event, each due item on its day, done or not in its title. "
        "Copy the link's address, then in Google Calendar choose *Other calendars → From URL*; "
        "in Apple Calendar *File → New Calendar Subscription*; in Outlook *Add calendar → "
        "Subscribe from web*. Your calendar fetches it again from time to time, so it follows "
        "the site as you tick items off."
    )
