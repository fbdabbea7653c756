"""A course platform's list pasted as text: each item's status on the line under it.

Coursera's, edX's and Moodle's sidebars put what is done on a line of its own under the
item (``Video: Cost function • 7 min`` over ``Completed``), and a due date the same way
(``Due Oct 12, 11:59 PM PDT``). Where a file shows that form three times or more, the line
under is joined, in place, to the item's line (``… • 7 min — Completed``) and left blank,
so the item carries its state as a student writing one line would. Line numbers are kept:
the status stays on the file's line count, only moved up one. Hand-written: no parser knows
these pastes, and CommonMark reads the two lines as one paragraph, the state lost in it.
"""

from __future__ import annotations

from .. import regex
from .layout import match_unit
from .states import read_state

# The fewest status lines before a file is taken for such a paste.
_LEAST = 3
# A status line is short: "Completed", "Not started", "In progress", "Erledigt".
_MOST_WORDS = 3
_MOST_CHARS = 24
# "Due Oct 12, 11:59 PM PDT", "Due: 3 Nov": the item's due date on the line under it.
_DUE_LINE = regex.compile(r"(?i:due)\b[ \t]*:?[ \t]*\S")


def _is_status(stripped: str) -> bool:
    """A line that is only a state: "Completed", "Started", "Not started"."""
    if len(stripped) > _MOST_CHARS or len(stripped.split()) > _MOST_WORDS:
        return False
    if any(char.isdigit() for char in stripped) or stripped[:1] in "#>-*+|[(":
        return False
    rest, state = read_state(f"x \u2014 {stripped}")
    return state is not None and (rest.strip() == "x" or rest.endswith(stripped))


def join_status_lines(lines: list[str]) -> bool:
    """Join each status or due line to the item line above it, in place; True when the
    file is such a paste (three status lines or more, each right under a line of text)."""
    under = 0
    for number, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if stripped and lines[number - 1].strip() and _is_status(stripped):
            under += 1
            if under >= _LEAST:
                break
    else:
        return False
    target: int | None = None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            target = None
            continue
        if (
            target is not None
            and line[:1] not in " \t"
            and (_is_status(stripped) or _DUE_LINE.match(stripped))
        ):
            lines[target] = f"{lines[target].rstrip()} \u2014 {stripped}"
            lines[number] = ""
            continue
        # An item's line: text at the margin, no bullet, quote or heading, and no unit's
        # label ("Module 2 — Regression" over its first item).
        plain = line[:1] not in " \t#>-*+|" and match_unit(stripped) is None
        target = number if plain else None
    return True
