"""A board exported as Markdown (Trello, GitHub Projects) read as the to-do list it is.

A board's lists are headings that name a status (``## To Do``, ``## Doing``, ``## Done``),
its cards the headings under them, each naming its unit (``### Week 7: Care plan #2``), their
details the bullets under each card (``- Labels: [Quiz]``, ``- Due: Mar 25``). The units are
spread over the lists, out of order, so no heading level repeats as units do. Where a file
shows that form, its lines are rewritten in place, one for one, as the cards ``layout`` reads
(``- [ ] Week 7: Care plan #2 · Care Plan, Graded · due Mar 26``), boxed by its list's
status (``[x]`` done, ``[/]`` doing, ``[ ]`` to do), its details notes under it.
Hand-written, as ``todotxt`` is: no Markdown parser knows what a list's name says of the
cards under it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import regex
from .blocks import heading_title
from .states import DONE_WORDS, STARTED_WORDS

_HEADING_START = regex.compile(r"#{1,6}[ \t]+")


def _heading(line: str) -> tuple[int, str] | None:
    """A "#" heading's level and title, its closing hashes cut; None for any other line."""
    # Cut in Python, not by one regex: a lazy title before "[ \t#]*$" took seconds on a
    # heading of 40,000 blanks.
    if line[:1] != "#":
        return None
    start = _HEADING_START.match(line)
    if start is None:
        return None
    return start.group().count("#"), heading_title(line[start.end() :])


# A list's name: what is done, begun or still to do, in the words a line says it in, and a
# list's own words beside them ("Doing", "Finished").
_DONE = regex.compile(rf"(?:{DONE_WORDS}|finished|complete[d]?)\W*", re.I)
_DOING = regex.compile(rf"(?:doing|{STARTED_WORDS}|in arbeit|p[åa]g[åa]ende|đang làm)\W*", re.I)
_TO_DO = regex.compile(
    r"(?:to ?do|backlog|next|up next|planned|offen|pendiente|por hacer|[àa] faire|da fare|"
    r"a fazer|te doen|att g[öo]ra|cần làm)\W*",
    re.I,
)
_DETAIL = regex.compile(
    r"[ \t]*[-*+][ \t]+(?P<label>labels?|due|f[äa]llig|vence)[ \t]*:[ \t]*", re.I
)
_BULLET = regex.compile(r"[-*+][ \t]+")
_CARD_BOX = regex.compile(r"(?P<bullet>[-*+][ \t]+)\[(?P<box>[ xX/])\][ \t]+")
_FEWEST_CARDS = 3


def _box(title: str) -> str | None:
    """The box a list's cards get from its name, None when the name says no status."""
    if _DONE.fullmatch(title):
        return "[x]"
    if _DOING.fullmatch(title):
        return "[/]"
    if _TO_DO.fullmatch(title):
        return "[ ]"
    return None


_WORD_START = regex.compile(r"(?<![\w])(?=[^\W\d_])")


def _unit_inside(title: str, unit_end: Callable[[str], int]) -> str:
    """The card's title with the unit it names after other words first ("wk 6 – SPRING
    BREAK 🌴 no clinical"), or "" when it names none."""
    for start in _WORD_START.finditer(title, 1):
        rest = title[start.start() :]
        end = unit_end(rest)
        if end > 0:
            before = title[: start.start()].rstrip(" \t-\u2013\u2014:")
            after = rest[end:].strip(" \t-\u2013\u2014:")
            return f"{rest[:end]} \u2013 {' '.join(part for part in (before, after) if part)}"
    return ""


def looks_like_board(lines: list[str], unit_end: Callable[[str], int]) -> bool:
    """Whether two lists or more are headings naming a status, with three cards at least
    under them that name a unit."""
    lists = cards = 0
    level = 0
    for line in lines:
        heading = _heading(line)
        if heading is None:
            continue
        depth, title = heading
        if _box(title) is not None:
            lists, level = lists + 1, depth
        elif level and depth == level + 1 and unit_end(title.strip("~ \t")) >= 0:
            cards += 1
    return lists >= 2 and cards >= _FEWEST_CARDS


def lane_cards(lines: list[str], unit_end: Callable[[str], int]) -> int:
    """Tick each card of a board kept as lists (Obsidian's Kanban: "## Done" over "- [ ] W4 ·
    Gauss's law") in a lane of done. The number of lanes that name a status (two at least,
    or nothing is changed)."""
    lanes = [
        number
        for number, line in enumerate(lines)
        if (heading := _heading(line)) is not None and _box(heading[1])
    ]
    if len(lanes) < 2:
        return 0
    box: str | None = None
    for number, line in enumerate(lines):
        heading = _heading(line)
        if heading is not None:
            box = _box(heading[1])
            continue
        card = _CARD_BOX.match(line)
        # Only a lane of done says more than the card's own box: one in "Doing" is not
        # done either way.
        if card is None or box != "[x]" or card["box"] != " ":
            continue
        if unit_end(line[card.end() :].lstrip("~ \t")) < 0:
            continue
        lines[number] = f"{card['bullet']}[x]{line[card.end('box') + 1 :]}"
    return len(lanes)


def board_as_cards(
    lines: list[str], unit_end: Callable[[str], int], asks_for: Callable[[str], bool]
) -> None:
    """Rewrite a board's cards in place as list items boxed by their list's status."""
    box: str | None = None
    level = 0
    card = -1  # the line of the card whose details are being read, -1 outside one
    asking = False  # in a card of questions
    for number, line in enumerate(lines):
        heading = _heading(line)
        if heading is not None:
            depth, title = heading
            status = _box(title)
            card, asking = -1, False
            if status is not None:
                box, level = status, depth
            elif box is not None and depth == level + 1 and unit_end(title.strip("~ \t")) >= 0:
                lines[number] = f"- {box} {title}"
                card = number
            elif (
                box is not None and depth == level + 1 and (named := _unit_inside(title, unit_end))
            ):
                # "SPRING BREAK - wk 6 🌴 no clinical": the unit named later in the card.
                lines[number] = f"- {box} {named}"
                card = number
            elif box is not None and depth == level + 1 and not asks_for(title):
                # "Buy new scrubs": a card of no unit, a line as written, its details
                # under it; a card of questions stays their heading.
                lines[number] = title
                card = number
            elif box is not None and depth == level + 1:
                asking = True
            elif depth <= level:
                box = None  # a heading as high as the lists ends them
            continue
        if asking and (detail := _DETAIL.match(line)) is not None:
            # "- Labels: [Questions]" on a card of questions: a remark on it, no question.
            lines[number] = f"({line.strip().lstrip('-*+').strip()})"
            continue
        if card < 0 or not line.strip():
            continue
        detail = _DETAIL.match(line)
        if detail is not None:
            said = line[detail.end() :].strip()
            if detail["label"].lower().startswith("label"):
                said = ", ".join(part.strip("[] ") for part in said.split("]") if part.strip())
            else:
                said = f"due {said}"
            if said:
                lines[card] = f"{lines[card]} \u00b7 {said}"
        if line[:1] not in " \t":
            # A detail or a note under its card, no task of its own ("- watched about
            # half" says how far the card is): indented text, its bullet dropped.
            bullet = _BULLET.match(line)
            lines[number] = f"    {line[bullet.end() :] if bullet else line}"
