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

from ..i18n import ENGLISH, Language
from ..model import DatedWeek, DueItem, Group, Item, Now, Schedule, Week, paths
from . import escape as markup

# Items of the current week the panel lists; the rest are a link away, on the week's page.
MAX_UNDONE = 10


def day(when: datetime.date, lang: Language = ENGLISH) -> str:
    """``Fri 14 Mar 2027``."""
    return lang.day(when)


def short_day(when: datetime.date, lang: Language = ENGLISH) -> str:
    """``Fri 14 Mar``."""
    return lang.short_day(when)


def due_when(entry: DueItem, lang: Language = ENGLISH) -> str:
    """``Fri 14 Mar``, or ``Fri 14 Mar, 23:59`` when the notes give a time."""
    shown = short_day(entry.due.date(), lang)
    if not entry.timed:
        return shown
    return lang.gettext("{day}, {time}", day=shown, time=entry.due.strftime("%H:%M"))


def iso(when: datetime.date | datetime.datetime) -> str:
    """``2027-03-14``, or ``2027-03-14T23:59`` for a moment: what the script compares."""
    if isinstance(when, datetime.datetime):
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.isoformat()


def _hidden(shown: bool) -> str:
    return "" if shown else " hidden"


def _week_link(week: Week | None, base: str, lang: Language) -> str:
    if week is None:
        return markup.markdown_inline(lang.pgettext("page", "General"))
    return f"[{week.label}]({base}{paths.week_page(week)})"


def _week_name_link(week: Week, base: str) -> str:
    return f"[{markup.markdown_inline(week.name, link_text=True)}]({base}{paths.week_page(week)})"


def _item(item: Item | Group) -> str:
    return markup.markdown_inline(" ".join(item.text.split()))


def _due_line(entry: DueItem, show: str, shown: bool, base: str, lang: Language) -> str:
    when = f'<time datetime="{iso(entry.due)}">{due_when(entry, lang)}</time>'
    line = lang.gettext(
        "{week}: {item} · due {when}",
        week=_week_link(entry.week, base, lang),
        item=_item(entry.item),
        when=when,
    )
    return (
        f'<li data-cn-show="{show}" data-cn-due="{iso(entry.due)}"{_hidden(shown)} '
        f'markdown="span">{line}</li>'
    )


def _group(name: str, lines: Sequence[str], any_shown: bool, none: str, listed: bool = True) -> str:
    parts = [f'<div class="cn-now-group" data-cn-group="{name}" markdown="1">']
    if lines:
        parts += ['<ul markdown="1">', *lines, "</ul>"] if listed else lines
    parts.append(f'<p class="cn-now-none" data-cn-show="none"{_hidden(not any_shown)}>{none}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _week_block(dated: DatedWeek, shown: bool, base: str, lang: Language) -> str:
    week = dated.week
    undone = [item for item in week.items if not item.done]
    lines = [
        f'<div class="cn-now-week" data-cn-show="week" data-cn-start="{dated.start}" '
        f'data-cn-end="{dated.end}"{_hidden(shown)} markdown="1">',
        '<p markdown="span">'
        + lang.gettext(
            "{week}, {start} \u2013 {end} · {progress} done",
            week="<strong>" + _week_name_link(week, base) + "</strong>",
            start=short_day(dated.start, lang),
            end=short_day(dated.end, lang),
            progress=week.progress,
        )
        + "</p>",
    ]
    if undone:
        lines.append('<ul markdown="1">')
        lines += [f'<li markdown="span">{_item(item)}</li>' for item in undone[:MAX_UNDONE]]
        lines.append("</ul>")
        if len(undone) > MAX_UNDONE:
            more = len(undone) - MAX_UNDONE
            text = lang.ngettext(
                "and {count} more on [the week's page]({page})",
                "and {count} more on [the week's page]({page})",
                more,
                page=base + paths.week_page(week),
            )
            lines.append(f'<p markdown="span">{text}</p>')
    else:
        lines.append("<p>" + lang.gettext("Everything of this week is done.") + "</p>")
    lines.append("</div>")
    return "\n".join(lines)


def _today_attributes(lang: Language) -> str:
    # What the script needs to write today's date in this language, translated here: it
    # fills the sentence's {date} with the pattern's letters and never writes words itself.
    parts = lang.date_parts()
    values = {
        "data-cn-today-text": lang.gettext("Today: {date}."),
        "data-cn-date-pattern": parts["pattern"],
        "data-cn-day-names": parts["days"],
        "data-cn-month-names": parts["months"],
    }
    return "".join(f' {name}="{html.escape(value)}"' for name, value in values.items())


def now_panel(
    placed: Schedule, state: Now, base: str = "", level: int = 2, lang: Language = ENGLISH
) -> str:
    """The "now" panel in ``state`` (the build day's), ready to be redone by the script."""
    today = state.moment.date()
    hashes = "#" * level
    sub = "#" * (level + 1)
    first, last = placed.weeks[0], placed.weeks[-1]
    as_of = lang.gettext(
        "As of {day}, the day this site was built: with JavaScript on, this part of the "
        "page follows today's date.",
        day=day(today, lang),
    )
    starts = lang.gettext(
        "The term starts on {day} with {week}.",
        day=day(placed.start, lang),
        week=_week_link(first.week, base, lang),
    )
    ended = lang.gettext(
        "The term ended on {day} with {week}.",
        day=day(placed.end, lang),
        week=_week_link(last.week, base, lang),
    )
    blocks = [
        f"{hashes} " + lang.gettext("Now"),
        f'<div class="cn-now" data-cn-built="{today}" markdown="1">',
        f'<p class="cn-now-today" data-cn-today{_today_attributes(lang)}>{as_of}</p>',
        f'<p data-cn-show="before" data-cn-start="{placed.start}"'
        f'{_hidden(state.before_term)} markdown="span">{starts}</p>',
        f'<p data-cn-show="after" data-cn-end="{placed.end}"{_hidden(state.after_term)} '
        f'markdown="span">{ended}</p>',
        _group(
            "week",
            [_week_block(dated, dated is state.current, base, lang) for dated in placed.weeks],
            state.current is not None,
            lang.gettext("No week of the course is on today."),
            listed=False,
        ),
        f"{sub} " + lang.gettext("Overdue"),
        _group(
            "overdue",
            [
                _due_line(entry, "overdue", entry in state.overdue, base, lang)
                for entry in placed.undone_due
            ],
            bool(state.overdue),
            lang.gettext("Nothing overdue."),
        ),
        f"{sub} " + lang.gettext("Behind"),
        _group(
            "behind",
            [
                _behind_line(dated, dated in state.behind, base, lang)
                for dated in _behind_candidates(placed)
            ],
            bool(state.behind),
            lang.gettext("No week that is over has anything left to do."),
        ),
        f"{sub} " + lang.gettext("Next due"),
        _group(
            "next",
            [
                _due_line(entry, "next", entry in state.next_due, base, lang)
                for entry in placed.undone_due
            ],
            bool(state.next_due),
            lang.gettext("Nothing else has a due date."),
        ),
        "</div>",
    ]
    return "\n\n".join(blocks)


def _behind_candidates(placed: Schedule) -> list[DatedWeek]:
    return [dated for dated in placed.weeks if dated.behind]


def _behind_line(dated: DatedWeek, shown: bool, base: str, lang: Language) -> str:
    progress = dated.week.progress
    text = lang.ngettext(
        "{week}: {left} of {count} not done (the week ended on {end})",
        "{week}: {left} of {count} not done (the week ended on {end})",
        progress.total,
        week=_week_name_link(dated.week, base),
        left=progress.left,
        end=short_day(dated.end, lang),
    )
    return (
        f'<li data-cn-show="behind" data-cn-end="{dated.end}"{_hidden(shown)} markdown="span">'
        f"{text}</li>"
    )


def behind_badge(dated: DatedWeek, today: datetime.date, lang: Language = ENGLISH) -> str:
    """A badge that says "Behind" once the week is over with items not done; hidden till then."""
    progress = dated.week.progress
    shown = dated.end < today and progress.left > 0
    title = lang.ngettext(
        "Behind: {left} of {count} not done, and the week ended on {end}",
        "Behind: {left} of {count} not done, and the week ended on {end}",
        progress.total,
        left=progress.left,
        end=day(dated.end, lang),
    )
    return (
        f'<span class="cn-badge cn-badge--behind" data-cn-show="behind" '
        f'data-cn-end="{dated.end}" title="{html.escape(title)}"{_hidden(shown)}>'
        ":material-alert-circle-outline: " + html.escape(lang.gettext("Behind")) + "</span>"
    )


def calendar_link(path: str, base: str = "", lang: Language = ENGLISH) -> str:
    """The calendar's link, and how to subscribe to it in the usual calendar apps."""
    link = lang.gettext("Subscribe to the calendar")
    how = lang.gettext(
        "a week a day-long event, each due item on its day, done or not in its title. "
        "Copy the link's address, then in Google Calendar choose *Other calendars → From URL*; "
        "in Apple Calendar *File → New Calendar Subscription*; in Outlook *Add calendar → "
        "Subscribe from web*. Your calendar fetches it again from time to time, so it follows "
        "the site as you tick items off."
    )
    return f"[:material-calendar-month: {link}]({base}{path}){{ .cn-calendar }}: {how}"
