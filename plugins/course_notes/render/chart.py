"""The burn-up chart: items done and listed over time as an inline SVG, a table, a projection."""

from __future__ import annotations

import datetime
import html
from collections.abc import Sequence

from ..i18n import ENGLISH, Language
from ..model import Burnup, HistoryPoint, Schedule
from .now import day, short_day

# The chart's drawing area, in SVG user units.
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36
# The least room between two week labels, in user units: "W12" in the labels' 15-unit font.
LABEL_GAP = 34


def burnup(
    chart: Burnup,
    placed: Schedule,
    today: datetime.date,
    level: int = 2,
    lang: Language = ENGLISH,
) -> str:
    """The burn-up chart: an inline SVG made now, a table of its data, and the projection."""
    points = chart.points
    hashes = "#" * level
    blocks = [
        f"{hashes} " + lang.gettext("Progress over time"),
        _svg(points, chart, placed, today, lang),
    ]
    if chart.projection is not None:
        sentence = html.escape(projection_sentence(chart, today, lang))
        blocks.append(f'<p class="cn-projection">{sentence}</p>')
    rows = "\n".join(
        f"<tr><td>{point.when}</td><td>{point.done}</td><td>{point.total}</td></tr>"
        for point in points
    )
    words = {
        key: html.escape(text)
        for key, text in {
            "summary": lang.gettext("The chart as a table"),
            "caption": lang.gettext("Items done and listed, at each change of the notes"),
            "date": lang.pgettext("column", "Date"),
            "done": lang.pgettext("column", "Done"),
            "listed": lang.pgettext("column", "Listed"),
        }.items()
    }
    blocks.append(
        f'<details class="cn-burnup-data">\n<summary>{words["summary"]}</summary>\n'
        f"<table>\n<caption>{words['caption']}</caption>\n"
        f'<thead><tr><th scope="col">{words["date"]}</th><th scope="col">{words["done"]}</th>'
        f'<th scope="col">{words["listed"]}</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n'
        "</table>\n</details>"
    )
    return "\n\n".join(blocks)


def projection_sentence(chart: Burnup, today: datetime.date, lang: Language = ENGLISH) -> str:
    """The projection in words: when the pace finishes, or what pace would finish on time."""
    ahead = chart.projection
    if ahead is None:
        return ""
    if ahead.left == 0:
        return lang.gettext("Everything is done.")
    if today > ahead.end:
        return lang.ngettext(
            "The term ended on {end} with {count} item left.",
            "The term ended on {end} with {count} items left.",
            ahead.left,
            end=day(ahead.end, lang),
        )
    # Whole sentences per case: a translation cannot be put together from pieces.
    pace = lang.ngettext(
        "At your pace of the last {count} day ({done} done)",
        "At your pace of the last {count} days ({done} done)",
        ahead.days,
        done=ahead.done,
    )
    if ahead.on_time and ahead.finish is not None:
        return lang.gettext(
            "{pace}, you finish on {finish}.", pace=pace, finish=day(ahead.finish, lang)
        )
    needed = lang.ngettext(
        "{count} item a week would finish on time.",
        "{count} items a week would finish on time.",
        ahead.per_week,
    )
    if ahead.finish is not None:
        return lang.gettext(
            "{pace}, you would finish on {finish}, after the last week ends on {end}: {needed}",
            pace=pace,
            finish=day(ahead.finish, lang),
            end=day(ahead.end, lang),
            needed=needed,
        )
    return lang.gettext(
        "{pace}, you would not finish, after the last week ends on {end}: {needed}",
        pace=pace,
        end=day(ahead.end, lang),
        needed=needed,
    )


def _svg(
    points: Sequence[HistoryPoint],
    chart: Burnup,
    placed: Schedule,
    today: datetime.date,
    lang: Language,
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
        '<title id="cn-burnup-title">'
        + html.escape(
            lang.gettext(
                "Items done over time: {done} of {total} on {day}",
                done=points[-1].done,
                total=points[-1].total,
                day=day(points[-1].when, lang),
            )
        )
        + "</title>",
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
                + html.escape(lang.gettext("W{number}", number=dated.week.number))
                + "</text>"
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
        f"{html.escape(short_day(today, lang))}</text>",
        "</svg>",
    ]
    keys = {
        "done": html.escape(lang.pgettext("chart", "done")),
        "listed": html.escape(lang.pgettext("chart", "listed")),
        "ahead": html.escape(lang.gettext("at the pace of the last days")),
    }
    legend = (
        '<figcaption class="cn-burnup-legend">'
        f'<span class="cn-key cn-key--done">{keys["done"]}</span> '
        f'<span class="cn-key cn-key--total">{keys["listed"]}</span>'
        + (
            f' <span class="cn-key cn-key--ahead">{keys["ahead"]}</span>'
            if ahead is not None and ahead.finish is not None and ahead.left
            else ""
        )
        + "</figcaption>"
    )
    return '<figure class="cn-burnup-figure">\n' + "\n".join(parts) + f"\n{legend}\n</figure>"
