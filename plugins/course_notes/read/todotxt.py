"""todo.txt files read as the to-do list they stand for: a task a line, its unit from a tag.

A todo.txt line is a task: ``x`` and dates first when done, ``(A)`` a priority, ``+project``,
``@context`` and ``key:value`` tags anywhere. Nothing in the CommonMark tree says which unit
a task belongs to; the file says it in a tag whose value is a number on many lines
(``wk:3``, ``week:3``, ``+wk3``). Hand-written, as ``org`` is: no Markdown parser knows the
format. The lines are rewritten in place, one for one, as Markdown the reader knows: a task
naming its unit (``- [x] wk 3: watch lec05 (47m)``, a card of ``layout.cards``), a question
behind its sign (``❓ can we use vectors? -> raw arrays only``), or a task of no unit.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import regex
from .layout import is_unit_word

_TASK = regex.compile(
    r"(?P<done>x[ \t]+)?(?:\((?P<priority>[A-Z])\)[ \t]+)?"
    r"(?:\d{4}-\d\d-\d\d[ \t]+){0,2}(?P<text>\S.*)$"
)
_TAG = regex.compile(
    r"(?<!\S)(?:(?P<sign>[+@])(?P<name>[^\s+@][^\s]*)"
    r"|(?P<key>[A-Za-z][\w-]{0,15}):(?P<value>[^\s:/][^\s]*))(?=\s|$)"
)
_UNIT_TAG = regex.compile(r"(?P<word>[A-Za-z][A-Za-z-]{0,15}?)[-_]?(?P<number>\d{1,3})")
# Contexts that mark a question for office hours or the lecturer: "@oh", "@ask".
_ASKING = frozenset("oh ask asks q qs question questions office officehours prof ta".split())
_SAMPLE = 50
"""Lines looked at to tell a todo.txt file: its first tasks show the form."""


def _is_task(line: str) -> bool:
    return (
        line[:1] not in "-*+#>|\t "
        and _TAG.search(line) is not None
        and (line[:2] == "x " or line[:1] == "(" or line[:1].isdigit() or line[:1].isalpha())
    )


def looks_like_todo(lines: list[str]) -> bool:
    """True when the file's first tasks are todo.txt lines, each with its tags."""
    seen = tasks = 0
    for line in lines:
        if not line.strip() or line[:1] == "#":
            continue
        seen += 1
        tasks += _is_task(line)
        if seen >= _SAMPLE:
            break
    return seen >= 5 and tasks * 5 >= seen * 4 and any(line[:2] == "x " for line in lines)


def _unit_key(lines: list[str]) -> str | None:
    """The tag naming each task's unit: the one with a number on most lines, two numbers
    or more ("wk" in "wk:3"; "wk" in "+wk3")."""
    values: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for line in lines:
        for tag in _TAG.finditer(line):
            if tag["key"] and tag["value"].isdigit():
                key = tag["key"].lower()
            elif tag["name"] and (named := _UNIT_TAG.fullmatch(tag["name"])) is not None:
                key = f"{tag['sign']}{named['word'].lower()}"
            else:
                continue
            if key in {"due", "t", "rec", "len", "pri", "id"}:
                continue
            counts[key] += 1
            values.setdefault(key, set()).add(tag["value"] or tag["name"])
    # A unit's word first ("wk:1" over "+hw1" on the same lines), then the most lines.
    ranked = sorted(counts, key=lambda key: (not is_unit_word(key.lstrip("+@")), -counts[key], key))
    return next((key for key in ranked if len(values[key]) >= 2), None)


def todo_as_markdown(lines: list[str]) -> tuple[set[int], str | None]:
    """Rewrite a todo.txt file's lines, in place, as Markdown; the lines that are questions,
    and the tag that names each task's unit (None: no tag does).

    The first comment is the title (``# CSCI 2270``); other comments are notes.
    """
    key = _unit_key(lines)
    asked: set[int] = set()
    titled = False
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if line[:1] == "#":
            if not titled:
                titled = True
                continue
            lines[index] = line.lstrip("#").strip()
            continue
        task = _TASK.match(line.strip())
        if task is None:
            continue
        unit = ""
        due = length = ""
        contexts: set[str] = set()
        kept: list[str] = []
        last = 0
        text = task["text"]
        for tag in _TAG.finditer(text):
            kept.append(text[last : tag.start()])
            last = tag.end()
            if tag["key"]:
                name, value = tag["key"].lower(), tag["value"]
                if name == key and value.isdigit():
                    unit = f"{name} {value}"
                elif name == "due":
                    due = value
                elif name == "len":
                    length = value
            else:
                name = tag["name"]
                named = _UNIT_TAG.fullmatch(name)
                if named is not None and f"{tag['sign']}{named['word'].lower()}" == key:
                    unit = f"{named['word']} {named['number']}"
                elif tag["sign"] == "@":
                    contexts.add(name.lower())
        kept.append(text[last:])
        said = re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()
        if length:
            said += f" ({length})"
        if due:
            said += f" due {due}"
        if not unit and ("?" in said or contexts & _ASKING):
            # A question for office hours: one of the questions, its answer after "->".
            lines[index] = f"\u2753 {said}"
            asked.add(index + 1)
            continue
        box = "[x]" if task["done"] else "[ ]"
        lines[index] = f"- {box} {unit}: {said}" if unit else f"- {box} {said}"
    return asked, key
