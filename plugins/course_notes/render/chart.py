"""The burn-up chart: items done and listed over time as an inline SVG, a table, a projection."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..model import Burnup, HistoryPoint, Schedule
from .now import day, plural, short_day

# The chart's drawing area, in SVG user units.
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36
# The least room between two week labels, in user units: "W12" in the labels' 15-unit font.
LABEL_GAP = 34


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
    labelled = -float(LABEL_GAP)
    for dated in placed.weeks:
        position = x(dated.start)
        parts.append(
            f'<line class="cn-grid" x1="{position}" y1="{TOP}" x2="{position}" '
            f'y2="{TOP + inner_h}"/>'
        )
        if position - labelled >= LABEL_GAP:
            # Weeks close together (history from months before term) are labelled every so
            # often, never over each other: "W1W2W3" helped no one.
            parts.append(
                f'<text class="cn-label" x="{position}" y="{HEIGHT - BOTTOM + 16}">'
                f"W{dated.week.number}</text>"
            )
            labelled = position
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
