"""Where the reader is in the term, as Markdown: the "now" panel, behind badges, burn-up, status.

Pure. The panel lists every candidate (each week, each dated item not done) with its dates
in ``data-cn-*`` attributes, those that are not "now" on the build date ``hidden``; the
site's script (``assets/course-notes.js``) shows and hides the same elements by the same
rules (``schedule.now``) for the reader's own day, and never reads or writes notes text.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Sequence

from ..derive import schedule
from ..model import Burnup, DatedWeek, DueItem, HistoryPoint, Item, Now, Schedule, Week
from ..model.inline import visible
from . import escape as markup

MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DAY_NAMES = "Mon Tue Wed Thu Fri Sat Sun".split()
# Items of the current week the panel lists; the rest are a link away, on the week's page.
MAX_UNDONE = 10
SCRIPT = "assets/course-notes.js"


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
    return f"[Week {week.number}]({base}{week.slug}.md)"


def _week_name_link(week: Week, base: str) -> str:
    return f"[{markup.inline(week.name, link_text=True)}]({base}{week.slug}.md)"


def _item(item: Item) -> str:
    return markup.inline(" ".join(item.text.split()))


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
                f"[the week's page]({base}{week.slug}.md)</p>"
            )
    else:
        lines.append("<p>Everything of this week is done.</p>")
    lines.append("</div>")
    return "\n".join(lines)


def now_panel(placed: Schedule, today: datetime.date, base: str = "", level: int = 2) -> str:
    """The "now" panel as of ``today`` (the build's), ready to be redone by the script."""
    state = schedule.now(placed, schedule.start_of(today))
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


# The chart's drawing area, in SVG user units.
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36


def burnup(chart: Burnup, placed: Schedule, today: datetime.date, level: int = 2) -> str:
    """The burn-up chart: an inline SVG made now, a table of its data, and the projection."""
    points = chart.points
    hashes = "#" * level
    blocks = [f"{hashes} Progress over time", _svg(points, chart, placed, today)]
    if chart.projection is not None:
        blocks.append(f'<p class="cn-projection">{projection_sentence(chart, today)}</p>')
    rows = "\n".join(
        f"<tr><td>{point.when}</td><td>{point.done}</td><td>{point.total}</td></tr>"
        for point in points
    )
    blocks.append(
        '<details class="cn-burnup-data">\n<summary>The chart as a table</summary>\n'
        "<table>\n<caption>Items done and listed, at each change of the notes</caption>\n"
        '<thead><tr><th scope="col">Date</th><th scope="col">Done</th>'
        f'<th scope="col">Listed</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n'
        "</details>"
    )
    return "\n\n".join(blocks)


def projection_sentence(chart: Burnup, today: datetime.date) -> str:
    """The projection in words: when the pace finishes, or what pace would finish on time."""
    ahead = chart.projection
    if ahead is None:
        return ""
    if ahead.left == 0:
        return "Everything is done."
    pace = f"at your pace of the last {plural(ahead.days, 'day')} ({ahead.done} done)"
    if today > ahead.end:
        return f"The term ended on {day(ahead.end)} with {plural(ahead.left, 'item')} left."
    if ahead.on_time and ahead.finish is not None:
        return f"{pace.capitalize()}, you finish on {day(ahead.finish)}."
    ending = "you would not finish"
    if ahead.finish is not None:
        ending = f"you would finish on {day(ahead.finish)}"
    return (
        f"{pace.capitalize()}, {ending}, after the last week ends on {day(ahead.end)}: "
        f"{plural(ahead.per_week, 'item')} a week would finish on time."
    )


def _svg(
    points: Sequence[HistoryPoint], chart: Burnup, placed: Schedule, today: datetime.date
) -> str:
    first_day = min(points[0].when, placed.start)
    last_day = max(placed.end, today, points[-1].when)
    ahead = chart.projection
    if ahead is not None and ahead.finish is not None and ahead.finish > last_day:
        last_day = min(ahead.finish, placed.end + datetime.timedelta(days=7 * 8))
    span = max((last_day - first_day).days, 1)
    top = max(max(point.total for point in points), 1)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(when: datetime.date) -> float:
        return round(LEFT + inner_w * (when - first_day).days / span, 1)

    def y(value: float) -> float:
        return round(TOP + inner_h * (1 - value / top), 1)

    def steps(values: Sequence[tuple[datetime.date, int]]) -> str:
        path = [f"M{x(values[0][0])},{y(values[0][1])}"]
        for (_when, before), (when, value) in zip(values, values[1:], strict=False):
            path.append(f"H{x(when)}V{y(value)}" if value != before else f"H{x(when)}")
        path.append(f"H{x(max(today, values[-1][0]))}")
        return "".join(path)

    done = steps([(point.when, point.done) for point in points])
    total = steps([(point.when, point.total) for point in points])
    parts = [
        f'<svg class="cn-burnup" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="cn-burnup-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="cn-burnup-title">Items done over time: {points[-1].done} of '
        f"{points[-1].total} on {day(points[-1].when)}</title>",
        f'<line class="cn-axis" x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" '
        f'y2="{TOP + inner_h}"/>',
        f'<line class="cn-axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + inner_h}"/>',
    ]
    for dated in placed.weeks:
        position = x(dated.start)
        parts.append(
            f'<line class="cn-grid" x1="{position}" y1="{TOP}" x2="{position}" '
            f'y2="{TOP + inner_h}"/>'
        )
        parts.append(
            f'<text class="cn-label" x="{position}" y="{HEIGHT - BOTTOM + 16}">'
            f"W{dated.week.number}</text>"
        )
    parts += [
        f'<text class="cn-label" x="{LEFT - 6}" y="{y(top) + 4}" text-anchor="end">{top}</text>',
        f'<text class="cn-label" x="{LEFT - 6}" y="{y(0) + 4}" text-anchor="end">0</text>',
        f'<path class="cn-total" d="{total}"/>',
        f'<path class="cn-done" d="{done}"/>',
    ]
    if ahead is not None and ahead.finish is not None and ahead.left:
        finish = min(ahead.finish, last_day)
        reached = points[-1].done + (
            ahead.left * (finish - today).days / max((ahead.finish - today).days, 1)
        )
        parts.append(
            f'<path class="cn-ahead" d="M{x(today)},{y(points[-1].done)}'
            f'L{x(finish)},{y(reached)}"/>'
        )
    today_x = x(today)
    parts += [
        f'<line class="cn-today" x1="{today_x}" y1="{TOP}" x2="{today_x}" y2="{TOP + inner_h}"/>',
        f'<text class="cn-label" x="{today_x}" y="{HEIGHT - 4}" text-anchor="middle">'
        f"{short_day(today)}</text>",
        "</svg>",
    ]
    legend = (
        '<figcaption class="cn-burnup-legend"><span class="cn-key cn-key--done">done</span> '
        '<span class="cn-key cn-key--total">listed</span>'
        + (
            ' <span class="cn-key cn-key--ahead">at the pace of the last days</span>'
            if ahead is not None and ahead.finish is not None and ahead.left
            else ""
        )
        + "</figcaption>"
    )
    return '<figure class="cn-burnup-figure">\n' + "\n".join(parts) + f"\n{legend}\n</figure>"


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
    where = f"Week {entry.week.number}" if entry.week is not None else "General"
    return f"{due_when(entry)}  {where}: {_plain(entry.item.text)}"
