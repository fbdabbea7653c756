"""Obsidian's callouts (``> [!todo] Catch up``) read as what they hold: tasks or questions."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import regex

# Hand-written: the CommonMark parser reads a callout as a block quote, and GitHub's five
# alert types are all it knows of the form; Obsidian has a dozen types and any title.
_START = regex.compile(r"[ \t]{0,3}>[ \t]?\[!(?P<type>[\w-]{1,20})\][+-]?[ \t]*(?P<title>.*)$")
_QUOTED = regex.compile(r"[ \t]{0,3}>[ \t]?")
_TASKS = frozenset("todo task tasks check checklist done success aufgaben tareas".split())
_QUESTIONS = frozenset("question questions faq help ask frage fragen pregunta".split())


@dataclass
class Callouts:
    """The callouts whose lines are read as tasks or questions, by their first line."""

    questions: set[int] = field(default_factory=set)
    """Callouts of questions: each starts the questions (or a group of them)."""
    markup: set[int] = field(default_factory=set)
    """First lines with no title: the callout's mark alone."""
    ends: dict[int, int] = field(default_factory=dict)
    """Each question callout's last line, by its first."""
    titles: dict[int, str] = field(default_factory=dict)
    """Each question callout's title, by its first line: a question itself, when it asks."""


def unquote_callouts(lines: list[str]) -> Callouts:
    """Rewrite, in place, each task or question callout's lines without their ``>``.

    The first line becomes a label (``**Catch up**``) over a task callout's lines and a
    heading of a group of questions over a question callout's; other callouts (info, note,
    tip…) stay quoted, shown as notes.
    """
    found = Callouts()
    number = 0
    while number < len(lines):
        start = _START.match(lines[number]) if ">" in lines[number][:4] else None
        number += 1
        if start is None:
            continue
        kind = start["type"].lower()
        if kind not in _TASKS and kind not in _QUESTIONS:
            continue
        title = start["title"].strip()
        if kind in _QUESTIONS:
            found.questions.add(number)
            lines[number - 1] = f"### {title}" if title else ""
            if title:
                found.titles[number] = title
        else:
            lines[number - 1] = f"**{title}**" if title else ""
        if not title:
            found.markup.add(number)
        first = number
        while number < len(lines) and (quoted := _QUOTED.match(lines[number])) is not None:
            lines[number] = lines[number][quoted.end() :]
            number += 1
        if kind in _QUESTIONS:
            found.ends[first] = number
    return found
