"""Check marks and task boxes: where an item says it is done, however an editor garbled it."""

from __future__ import annotations

import re

from .. import regex
from .decode import _MOJIBAKE_HINT, _fix_encoding, sloppy_cp1252

# "👍" too: a thumbs-up ending a task on a phone ("lez lun 👍").
CHECK_MARKS = ("\U0001f5f8", "\u2713", "\u2714", "\u2611", "\u2705", "\U0001f44d")
# Word's, OneNote's and Google Keep's boxes, as the box each stands for: "☐" open, "☑" and
# "☒" ticked.
BOX_SIGNS = {"\u2610": " ", "\u2611": "x", "\u2612": "x"}


VARIATION_SELECTOR = "\ufe0f"


def _mojibake(mark: str) -> set[str]:
    """The forms a mark takes when its UTF-8 bytes are read back as cp1252 or Latin-1."""
    raw = mark.encode("utf-8")
    return {sloppy_cp1252(raw), raw.decode("latin-1")}


# Every written form of a check mark, longest first so a mark with its variation
# selector is cut whole. Matching these known forms directly keeps ftfy off the hot
# path: it only runs on the rare non-ASCII line that still looks broken.
_MARK_FORMS: tuple[str, ...] = tuple(
    sorted(
        {
            form
            for mark in CHECK_MARKS
            # "✔︎": Apple Notes writes the text-style selector (U+FE0E) after a tick.
            for variant in (mark, mark + VARIATION_SELECTOR, mark + "\ufe0e")
            for form in (variant, *_mojibake(variant))
        },
        key=len,
        reverse=True,
    )
)


_MARKS_BY_LAST: dict[str, list[str]] = {}


for _form in _MARK_FORMS:
    _MARKS_BY_LAST.setdefault(_form[-1], []).append(_form)


_MARK_FIRSTS = frozenset(form[0] for form in _MARK_FORMS)


# The last character of every mark and box: a line with none of them has no mark inside.
_MARK_END = regex.compile("[" + re.escape("".join(_MARKS_BY_LAST)) + r"\]]")


# Where a note after a mark may start: a parenthesis that closes the text, a dash, ">>".
# A score ("✓ 8/10", "✓ 85%") ends a ticked line as a note would.
_NOTE_START = regex.compile(
    r"\(|[\u2013\u2014]|-(?=[ \t]|$)|>>"
    r"|\d{1,3}[ \t]*(?:/[ \t]*\d{1,3}|%)(?:[ \t]+[^\s\d]\S*)?[ \t!]*$"
)
_SCORE = regex.compile(r"\d[ \t]*(?:/[ \t]*\d{1,3}|%)(?:[ \t]+[^\s\d]\S*)?[ \t!]*$")


_BOX = regex.compile(r"\[(?P<mark>[ xX])\][ \t]*")


_BOX_ENDS = ("[ ", "[x", "[X")


_BLANKS = (" ", "\t")


def read_marks(text: str) -> tuple[str, bool | None]:
    """Cut an item's check marks and boxes: (the rest, True done / False ``[ ]`` / None).

    A tick (in any form, mojibake included) or a box counts at the start of the text, at
    its end, or at the end before a trailing note in parentheses or after a dash
    (``lab 1 ✓ — took ages``). Any tick or ``[x]`` means done. The text comes back with
    other mojibake repaired too.
    """
    body = text.strip(" \t")
    box = _BOX.match(body) if body[:1] == "[" else None
    if box:
        return _read_marks(body[box.end() :], box["mark"])
    return _read_marks(body, None)


# A tick with the word it means after it, ending the line: "✓ read", "✔ watched".
_TICK_AND_WORD = regex.compile(
    r"[ \t]+[\u2713\u2714\u2705\u2611\U0001f5f8]\ufe0f?[ \t]+"
    r"(?:read|done|watched|seen|listened|gelesen|gesehen|lu|vu|letto|visto|le[íi]do|lido|"
    r"signed off|signed|completed?|passed|attended|submitted)[ \t.!]*$",
    re.I,
)


# Roam's boxes: "{{[[TODO]]}}" and "{{[[DONE]]}}" (also "{{TODO}}"), read as "[ ]" and "[x]".
_ROAM_BOX = regex.compile(r"\{\{(?:\[\[)?(?P<state>TODO|DONE)(?:\]\])?\}\}[ \t]*")


_TICK_INSIDE = regex.compile("[\u2713\u2714\u2705\u2611\U0001f5f8]")
# A tick between the text and a short remark, no dash or bracket between: "✓ went ok!!".
_TICK_THEN_REMARK = regex.compile(
    "[ \t][\u2713\u2714\u2705\u2611\U0001f5f8][\ufe0e\ufe0f]?[ \t]+"
    # Its first word two letters or more: "✓ X (retry)" crosses the tick out.
    "(?P<after>[^\\W\\d_]{2}[^\u2713\u2714\u2705\u2611\U0001f5f8\n]{0,38})$"
)


# How far from the end the marks that end a line are looked for: each pattern ends with
# "$" after a few words, and searched over a whole line a run of blanks inside it made the
# search quadratic (20,000 blanks: 2 s; so, 0.02 s).
_TAIL = 160


def _read_marks(body: str, box: str | None) -> tuple[str, bool | None]:
    # The hot path of a big file: the common cases first, each ruled out in a step or two.
    # The body has no blank in front; the box in front, if any, was cut already.
    if box is None and body[:2] == "{{":
        roam = _ROAM_BOX.match(body)
        if roam is not None:
            box, body = (" " if roam["state"] == "TODO" else "x"), body[roam.end() :]
    # Every blank, a no-break space too: one after "✓ (scored 8/10)" hid the tick.
    body = body.rstrip()
    state = None if box is None else box != " "
    if body[:1] in _MARK_FIRSTS:
        for form in _MARK_FORMS:
            if body.startswith(form):
                state = True
                body = body[len(form) :].lstrip(" \t")
                break
    end = None
    last = body[-1:]
    forms = _MARKS_BY_LAST.get(last)
    if forms:
        for form in forms:
            if body.endswith(form):
                body, end = body[: -len(form)].rstrip(), True
                break
    elif last == "]":
        body, end = _end_mark(body)
    if not body.isascii():
        # Known forms, garbled ones included, are cut before any repair: ftfy is slow per
        # call, and the body left is then plain text that needs none.
        if _MOJIBAKE_HINT.search(body):
            body = _fix_encoding(body)
            if end is None:
                body, end = _end_mark(body)
        if end is None and body[-1:].isalpha():
            # "… (2012), intro ✓ read": the tick and the word it stands for.
            worded = _TICK_AND_WORD.search(body, max(0, len(body) - _TAIL))
            if worded is not None:
                body, end = body[: worded.start()].rstrip(), True
        if (
            end is None
            and _TICK_INSIDE.search(body) is not None
            and (remark := _TICK_THEN_REMARK.search(body, max(0, len(body) - _TAIL))) is not None
        ):
            # "slides to Dr W by Weds 16 Oct ✓ went ok!!": a tick, then a few words on it.
            if len(remark["after"].split()) <= 5:
                body, end = f"{body[: remark.start()].rstrip()} \u2014 {remark['after']}", True
        # A note after a mark ends the text with ")" or follows a dash: looked for first,
        # as four "in" cost less than one scan with a character class (about 70
        # instructions a character, measured with callgrind).
        if (
            end is None
            and (
                last == ")"
                or last == "%"
                or last.isdigit()
                or _SCORE.search(body, max(0, len(body) - _TAIL)) is not None
                or "-" in body
                or "\u2013" in body
                or "\u2014" in body
                # "✓ >> watched at 1.5x": the remark a student marks with ">>".
                or ">>" in body
            )
            and _MARK_END.search(body)
        ):
            body, end = _middle_mark(body)
    elif end is None and "]" in body:
        # Only a box can stand in an ASCII line: every tick is outside ASCII.
        body, end = _middle_mark(body)
    if end is not None:
        state = end or bool(state)
    return body, state


def _end_mark(body: str) -> tuple[str, bool | None]:
    """A mark at the very end of the text: (the text before it, its state), else (text, None)."""
    last = body[-1:]
    if last in _MARKS_BY_LAST:
        for form in _MARKS_BY_LAST[last]:
            if body.endswith(form):
                return body[: -len(form)].rstrip(), True
    elif last == "]" and body[-3:-1] in _BOX_ENDS and body[-4:-3] in ("", *_BLANKS):
        return body[:-3].rstrip(), body[-2] != " "
    elif last == "]" and body[-4:].lower() == "[ok]" and body[-5:-4] in _BLANKS:
        # "wykład nagranie 1:12:30 [OK]": a box ticked in words.
        return body[:-4].rstrip(), True
    elif last.isspace():
        # A blank other than space or tab after the mark (U+00A0, say).
        return _end_mark(body.rstrip())
    return body, None


def _middle_mark(body: str) -> tuple[str, bool | None]:
    """A mark just before a trailing note: the text without it, and its state."""
    # From the last possible start of a note backwards; a mark elsewhere is the item's text.
    # Nothing is sliced or scanned to the end per candidate: a line of thousands of "("
    # or dashes stays linear.
    closed = body.endswith(")")
    for found in reversed(list(_NOTE_START.finditer(body))):
        start = end = found.start()
        if body[start] == "(" and not closed:
            continue
        while end and body[end - 1] in " \t":
            end -= 1
        last = body[end - 1 : end]
        forms = _MARKS_BY_LAST.get(last)
        if forms:
            for form in forms:
                if body.endswith(form, 0, end):
                    before = body[: end - len(form)].rstrip()
                    if before:
                        return f"{before} {body[start:]}", True
        elif last == "]" and body[end - 3 : end - 1] in _BOX_ENDS:
            if body[end - 4 : end - 3] in _BLANKS:
                return f"{body[: end - 3].rstrip()} {body[start:]}", body[end - 2] != " "
    return body, None


def _cut(text: str, start: int, end: int) -> str:
    """The text without text[start:end], the blanks around it made one."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return f"{before} {after}" if before and after else before or after
