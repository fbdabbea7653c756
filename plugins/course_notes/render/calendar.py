"""The course's calendar to subscribe to (RFC 5545): an event per week and per due item.

Pure, written with the ``icalendar`` library. Each event's UID depends only on the
calendar's name and on what the event stands for (a week's number; a due item's week and
text), never on the build: a subscribed calendar updates its events instead of adding them
again after every build.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter

from ..i18n import ENGLISH, Language
from ..model import DueItem, Schedule
from ..model.inline import visible

PRODUCT = "-//course-notes//course-notes calendar//EN"
DAY = datetime.timedelta(days=1)


def uid(name: str, *parts: object) -> str:
    """A UID that stays the same for the same calendar name and parts."""
    key = "\x00".join([name, *map(str, parts)])
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@course-notes"


def _text(text: str) -> str:
    # Control characters as their pictures: a calendar app shows nothing for them, or fails.
    return visible(" ".join(text.split()))


def done_word(done: bool, lang: Language = ENGLISH) -> str:
    """The done state as the titles give it."""
    return lang.pgettext("calendar", "done") if done else lang.pgettext("calendar", "not done")


def due_title(entry: DueItem, lang: Language = ENGLISH) -> str:
    """``Due: lab 2 due Fri (Week 3) — not done``."""
    item = _text(entry.item.text)
    state = done_word(entry.item.done, lang)
    if entry.week is None:
        return lang.gettext("Due: {item} \u2014 {state}", item=item, state=state)
    return lang.gettext(
        "Due: {item} ({week}) \u2014 {state}", item=item, week=entry.week.label, state=state
    )


def calendar(
    placed: Schedule,
    name: str,
    today: datetime.date,
    course: str = "",
    lang: Language = ENGLISH,
) -> str:
    """The calendar as iCalendar text: one all-day event per week, one event per due item.

    A due item with a time is an event at that time (floating: the reader's own time zone);
    one with only a day is an all-day event. ``today`` stamps the events (DTSTAMP). The
    events' UIDs are made of the calendar's ``name`` and the ``course``'s title: two courses'
    calendars subscribed side by side never share an event.
    """
    # Imported here, not with the module: 33 ms, and only a course with dates has a calendar.
    import icalendar

    name_key = f"{name}\x00{course}" if course else name
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _text(name))
    stamp = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.timezone.utc)
    for dated in placed.weeks:
        week = dated.week
        event = icalendar.Event()
        event.add("uid", uid(name_key, "week", week.number))
        event.add("dtstamp", stamp)
        event.add("dtstart", dated.start)
        event.add("dtend", dated.end + DAY)
        event.add(
            "summary",
            lang.gettext(
                "{week} \u2014 {progress} done", week=_text(week.name), progress=week.progress
            ),
        )
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    seen: Counter[tuple[int, str]] = Counter()
    for entry in placed.due:
        number = entry.week.number if entry.week is not None else 0
        key = (number, " ".join(entry.item.text.split()))
        seen[key] += 1
        event = icalendar.Event()
        event.add("uid", uid(name_key, "due", *key, seen[key]))
        event.add("dtstamp", stamp)
        if entry.timed:
            event.add("dtstart", entry.due)
        else:
            event.add("dtstart", entry.due.date())
            event.add("dtend", entry.due.date() + DAY)
        event.add("summary", due_title(entry, lang))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
