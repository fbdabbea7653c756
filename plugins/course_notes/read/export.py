"""Notes an exporter escaped (Evernote, Apple Notes, web clippers) read as the lists they are.

Some exporters turn every line into a paragraph: bullets escaped so no parser takes them for
bullets (``\\* attended ✔<br>``), a hard break ``<br>`` ending each line, ``&nbsp;`` for
blanks and backslashes before every other mark (``\\(office hrs\\)``, ``3\\-1``). Where a file
shows that form on three lines or more, its lines are rewritten in place, one for one, as
what the student typed. Hand-written, as ``org`` and ``todotxt`` are: CommonMark reads the
escapes as the exporter meant them, literal text, which is not what the student wrote.
"""

from __future__ import annotations

from .. import regex

_ESCAPED_BULLET = regex.compile(r"(?P<indent>(?:[ \t]|&nbsp;)*)\\(?P<bullet>[*+-])(?=[ \t])")
_BREAKS = ("<br>", "<br/>", "<br />")
_ESCAPE = regex.compile(r"\\(?P<mark>[\\`*_{}\[\]()#+\-.!|~<>])")
# The fewest lines showing the form before a file is taken for an export.
_LEAST = 3


def looks_escaped(lines: list[str]) -> str:
    """What an exporter did to the file: "escaped" when three lines or more are escaped
    bullets ("\\* attended"), "broken" when three end with a hard break ``<br>`` and none
    is, "" otherwise."""
    bullets = breaks = 0
    for line in lines:
        if "\\" in line and _ESCAPED_BULLET.match(line):
            bullets += 1
            if bullets >= _LEAST:
                return "escaped"
        if "<br" in line and line.rstrip(" \t").lower().endswith(_BREAKS):
            breaks += 1
    return "broken" if breaks >= _LEAST else ""


def _cut_break(line: str) -> str:
    """The line without the hard break ``<br>`` ending it (string tests: a regex searching
    for "[ \t]*<br" took seconds on a line of 40,000 blanks)."""
    bare = line.rstrip(" \t")
    if not bare.lower().endswith(_BREAKS):
        return line
    return bare[: bare.lower().rfind("<br")].rstrip(" \t")


def unescape_export(lines: list[str], escaped: bool) -> None:
    """Rewrite the lines in place as typed: breaks and ``&nbsp;`` cut, and where the bullets
    were escaped, the marks too. A file that only ends lines with ``<br>`` keeps its
    backslashes: its LaTeX ("$\\{x\\}$") is the student's own."""
    for number, line in enumerate(lines):
        if "&nbsp;" in line:
            line = line.replace("&nbsp;", " ")
            if not line.strip():
                line = ""
        line = _cut_break(line)
        bullet = _ESCAPED_BULLET.match(line) if escaped else None
        if bullet is not None:
            line = f"{bullet['indent']}{bullet['bullet']}{line[bullet.end() :]}"
        if escaped and "\\" in line:
            line = _ESCAPE.sub(r"\g<mark>", line)
        lines[number] = line


# Workflowy's plain-text export marks a completed item so: "- [COMPLETE] הרצאה".
_COMPLETE = regex.compile(r"(?P<bullet>[ \t]*[-*][ \t]+)\[COMPLETE\][ \t]*")
_ROOT = regex.compile(r"[-*+][ \t]+(?P<title>\S.*)")


def outline_export(lines: list[str]) -> bool:
    """Rewrite an outliner's export in place (Workflowy, Dynalist): its "[COMPLETE]" marks
    as ticked boxes, and a root bullet holding the whole course ("- Contracts A - Dr Levy"
    over everything indented under it) as the course's title, its children one level up.
    True when the file was one."""
    completed = sum(1 for line in lines if "[COMPLETE]" in line)
    if completed >= _LEAST:
        for number, line in enumerate(lines):
            if "[COMPLETE]" in line:
                lines[number] = _COMPLETE.sub(r"\g<bullet>[x] ", line, count=1)
    filled = [number for number, line in enumerate(lines) if line.strip()]
    if len(filled) < 5:
        return completed >= _LEAST
    root = _ROOT.fullmatch(lines[filled[0]])
    rest = [lines[number] for number in filled[1:]]
    if root is None or any(line[:1] not in " \t" for line in rest):
        return completed >= _LEAST
    step = min(len(line) - len(line.lstrip(" \t")) for line in rest)
    lines[filled[0]] = f"# {root['title']}"
    for number in filled[1:]:
        lines[number] = lines[number][step:]
    return True
