"""Notes kept with org-mode's habits (``* Week 1``, ``** DONE Lecture 1``), read as Markdown.

Each org line becomes the Markdown line that says the same, one for one, so that every
line number stays the file's: a headline with sub-headlines is a heading of its level, a
headline with a keyword (``TODO``, ``DONE``…) or none below it is a task, ``#+TITLE:`` is
the title, a ``DEADLINE:`` is its task's due date, and org's settings are markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import regex

# Hand-written: no Markdown parser reads org, and the few forms a student's notes use are
# these; Pandoc or orgparse would add a dependency for them.
_HEADLINE = regex.compile(
    r"(?P<stars>\*{1,8})[ \t]+(?:(?P<keyword>TODO|DONE|NEXT|WAITING|WAIT|HOLD|STARTED|DOING|"
    r"CANCELLED|CANCELED|CANCEL)[ \t]+)?(?:\[#[A-Ca-c]\][ \t]+)?(?P<text>.*?)"
    r"(?:[ \t]+:[\w@:]+:)?[ \t]*$"
)
_SETTING = regex.compile(r"#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*)$")
_PLANNING = regex.compile(
    r"[ \t]*(?:(?:DEADLINE|SCHEDULED|CLOSED):[ \t]*[<\[][^>\]]*[>\]][ \t]*)+$"
)
_DEADLINE = regex.compile(r"DEADLINE:[ \t]*<(?P<date>\d{4}-\d{2}-\d{2})")
_BOXES = {"DONE": "[x]", "CANCELLED": "[-]", "CANCELED": "[-]", "CANCEL": "[-]"}
_STARTED = ("STARTED", "DOING", "NEXT")


@dataclass
class Org:
    """What the rewriting found: the title's line and the lines that are org's markup."""

    title_line: int = 0
    markup: set[int] = field(default_factory=set)


def looks_like_org(lines: list[str]) -> bool:
    """True when the file writes org-mode: a setting line, or two headlines of two stars."""
    deep = 0
    for line in lines[:2000]:
        if line.startswith("#+") and _SETTING.match(line):
            return True
        if line.startswith("**") and _HEADLINE.match(line):
            deep += 1
            if deep >= 2:
                return True
    return False


def org_as_markdown(lines: list[str]) -> Org:
    """Rewrite, in place, each org line as the Markdown line that says the same."""
    org = Org()
    levels = [len(found["stars"]) if (found := _HEADLINE.match(line)) else 0 for line in lines]
    headings: list[int] = []
    last_task = -1
    for index, line in enumerate(lines):
        number = index + 1
        setting = _SETTING.match(line) if line.startswith("#+") else None
        if setting is not None:
            if setting["key"].upper() == "TITLE" and not org.title_line:
                lines[index] = f"# {setting['value']}"
                org.title_line = number
            else:
                lines[index] = ""
                org.markup.add(number)
            continue
        level = levels[index]
        if not level:
            if _PLANNING.fullmatch(line):
                deadline = _DEADLINE.search(line)
                if deadline and last_task >= 0:
                    lines[last_task] += f" (due {deadline['date']})"
                lines[index] = ""
                org.markup.add(number)
            continue
        found = _HEADLINE.match(line)
        assert found is not None  # levels says so
        keyword, text = found["keyword"], found["text"]
        below = next((lvl for lvl in levels[index + 1 :] if lvl), 0)
        while headings and headings[-1] >= level:
            headings.pop()
        if level == 1 or below > level:
            # A headline over others, or a top one: a heading. A unit's own keyword
            # ("* DONE Week 1") is its state, not a task's.
            lines[index] = f"{'#' * min(level, 6)} {text}"
            headings.append(level)
            last_task = -1
            continue
        depth = max(0, level - (headings[-1] if headings else 0) - 1)
        box = (
            (_BOXES.get(keyword, "[/]" if keyword in _STARTED else "[ ]") + " ") if keyword else ""
        )
        lines[index] = f"{'  ' * depth}- {box}{text}"
        last_task = index
    return org
