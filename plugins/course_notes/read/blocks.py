"""The notes' blocks by a CommonMark parser: headings (setext too), code, tables, front matter."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import pyromark

from .. import regex

# pyromark is pulldown-cmark (Rust): 7.8 MB/s on the 10 MB synthetic notes of `make bench`,
# events and ranges included, against markdown-it-py's 1.2 MB/s (0.8-1.2 with its inline
# rules off) on the same text; reading must stay above 2 MB/s. Only the blocks are used:
# list items, ticks and durations are read line by line (reader.py), which no parser does.
_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH

_LEVELS = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}

# Front matter: "---" on the first line, YAML-looking lines, "---" or "..." closing it. Found
# here, not by the parser's metadata option, which also takes a "---" ... "---" run between
# weeks in the middle of a file for metadata.
_FRONT_END = regex.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FRONT_TITLE = regex.compile(r"^title[ \t]*:[ \t]*(?P<title>\S.*?)[ \t]*$", re.M | re.I)
# Without a title, the course a property names: "course: Front-End Web Development".
_FRONT_COURSE = regex.compile(
    r"^(?:course|course[ _-]?name|course[ _-]?title)[ \t]*:[ \t]*(?P<title>[^\s\[{].*?)[ \t]*$",
    re.M | re.I,
)
FRONT_MATTER_LINES = 200
_HTML_START = regex.compile(r"^(?P<indent> {0,3})<", re.M)
_FENCE = regex.compile(r" {0,3}(?:`{3,}|~{3,})")
# A rule of one sign, three at least: a thematic break, a setext underline, a banner's frame.
RULE = regex.compile(r"[ \t]*(?:={3,}|-{3,}|\*{3,}|#{3,}|~{3,}|_{3,})[ \t]*")


@dataclass(frozen=True)
class Heading:
    """A heading as CommonMark reads it: its level, text, and the line underlining it."""

    line: int
    level: int
    title: str
    underline: int = 0
    """The ``===``/``---`` line of a setext heading (0 for ``#`` headings)."""


@dataclass
class Blocks:
    """Where the blocks are, by 1-based line number."""

    headings: dict[int, Heading] = field(default_factory=dict)
    verbatim: set[int] = field(default_factory=set)
    """Lines of fenced code and tables: notes shown as written, never tasks."""
    verbatim_starts: dict[int, bool] = field(default_factory=dict)
    """The first line of each fenced code block or table: True for a table."""
    front_matter: int = 0
    """How many lines the front matter takes from the top (0: none)."""
    front_title: str = ""
    front_title_line: int = 0
    underlines: set[int] = field(default_factory=set)


# Logseq's page properties, "title:: COMP2521", on the first lines.
_PROPERTY = regex.compile(r"[\w\-]+::[ \t].*|[\w\-]+::$")


def _properties(text: str) -> tuple[int, str, int]:
    """Logseq's page properties at the top: their number of lines, ``title::`` and its line."""
    count, title, line = 0, "", 0
    for number, written in enumerate(text.split("\n", FRONT_MATTER_LINES), start=1):
        if not _PROPERTY.fullmatch(written):
            break
        count = number
        if written.lower().startswith("title::") and written[7:].strip():
            # An empty "title::" names nothing: the line stays front matter, not a title.
            title, line = written[7:].strip(), number
    return count, title, line


def _front_matter(text: str) -> tuple[int, str, int]:
    """The number of lines of front matter at the top of the text, its ``title:`` and line."""
    if not text.startswith("---\n"):
        return _properties(text)
    end = _FRONT_END.search(text, 4)
    if end is None or text.count("\n", 0, end.start()) > FRONT_MATTER_LINES:
        return 0, "", 0
    body = text[4 : end.start()]
    lines = [line for line in body.split("\n") if line.strip()]
    # YAML-looking: every line a key, a list entry or an indented value.
    if not lines or not all(
        re.match(r"[\w\-\"' ]+:(?:[ \t]|$)|[ \t]*-[ \t]|[ \t]+\S", line) for line in lines
    ):
        return 0, "", 0
    found = _FRONT_TITLE.search(body) or _FRONT_COURSE.search(body)
    if found is None:
        return text.count("\n", 0, end.end()) + 1, "", 0
    line = body.count("\n", 0, found.start()) + 2
    return text.count("\n", 0, end.end()) + 1, found["title"].strip("\"'"), line


def read_blocks(text: str) -> Blocks:
    """The blocks of notes text (``\\n`` line ends), each by the lines it spans."""
    blocks = Blocks()
    blocks.front_matter, blocks.front_title, blocks.front_title_line = _front_matter(text)
    skipped = 0
    if blocks.front_matter:
        # The parser sees blank lines in its place: offsets and line numbers stay the file's.
        skipped = len("\n".join(text.split("\n", blocks.front_matter)[: blocks.front_matter]))
        text = "\n" * blocks.front_matter + text[skipped + 1 :]
    written = text.split("\n")
    # An HTML block runs to the next blank line, headings and all: in notes a pasted "<div>"
    # or Notion's "<aside>" is text (pages show it as text), so the parser sees none. The
    # "<" becomes "\\", one byte for one: offsets stay the file's.
    text = _HTML_START.sub(r"\g<indent>\\", text)
    raw = text.encode("utf-8", "surrogatepass")
    # The parser's ranges are UTF-8 byte offsets: the line of an offset by bisection.
    starts = [0]
    position = raw.find(b"\n")
    while position >= 0:
        starts.append(position + 1)
        position = raw.find(b"\n", position + 1)

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset)

    lines = text.split("\n")
    for _ in range(8):
        unclosed = _read_events(blocks, text, written, line_of)
        if not unclosed:
            break
        # A fence never closed takes every line after it, weeks and all: a typo in notes,
        # not code. Read again with that fence as text (same bytes, so offsets hold).
        line = lines[unclosed - 1]
        lines[unclosed - 1] = line.replace("`", "'").replace("~", "-")
        text = "\n".join(lines)
        blocks.headings.clear()
        blocks.verbatim.clear()
        blocks.verbatim_starts.clear()
        blocks.underlines.clear()
    return blocks


def _read_events(blocks: Blocks, text: str, lines: list[str], line_of: Callable[[int], int]) -> int:
    """Note the blocks the parser finds; the line of a fence that never closes, else 0.

    ``lines`` are the lines as written, for the headings' titles.
    """
    depth = 0  # block quotes and lists around the event
    quotes = 0  # block quotes alone: a heading in a list item (an outliner's) still counts
    unclosed = 0
    last_line = len(lines)
    for event, span in pyromark.events_with_range(text, options=_OPTIONS):
        if type(event) is not dict:
            continue
        start = event.get("Start")
        if start is not None:
            if type(start) is dict:
                if "Heading" in start and quotes == 0:
                    first, last = line_of(span["start"]), line_of(max(span["end"] - 1, 0))
                    level = _LEVELS[start["Heading"]["level"]]
                    _heading(blocks, lines, first, last, level)
                elif "CodeBlock" in start and "Fenced" in start["CodeBlock"] and depth == 0:
                    # Only at the top: a fence in a list item is read as that item's lines.
                    first, last = line_of(span["start"]), line_of(max(span["end"] - 1, 0))
                    closing = lines[last - 1] if last > first else ""
                    if last >= last_line - 1 and not _FENCE.match(closing):
                        unclosed = unclosed or first
                    _verbatim(blocks, first, last)
                elif "Table" in start and quotes == 0:
                    # At the top or in a list item (a Notion toggle's table of recordings).
                    first, last = line_of(span["start"]), line_of(max(span["end"] - 1, 0))
                    _verbatim(blocks, first, last, table=True)
                elif "List" in start or "BlockQuote" in start:
                    depth += 1
                    quotes += "BlockQuote" in start
            elif start == "Item":
                depth += 1
            continue
        end = event.get("End")
        if end is not None and (
            end == "Item" or (type(end) is dict and ("List" in end or "BlockQuote" in end))
        ):
            depth -= 1
            quotes -= type(end) is dict and "BlockQuote" in end
    return unclosed


def _heading(blocks: Blocks, lines: list[str], first: int, last: int, level: int) -> None:
    text = lines[first - 1]
    bare = text.lstrip(" \t")
    if bare[:1] == "#" or (bare[:1] in "-*+" and bare[1:].lstrip(" \t")[:1] == "#"):
        blocks.headings[first] = Heading(first, level, _atx_title(text))
        return
    # Setext: the text lines, then the underline.
    underline = last
    while underline > first and not lines[underline - 1].strip():
        underline -= 1
    # Only one line of text over a rule of three or more: in notes, "read ch 11" over a lone
    # "-" is a line and an empty item, and lines of tasks over "---" are tasks and a
    # separator, whatever CommonMark makes of them.
    if underline == first + 2 and RULE.fullmatch(lines[first - 1]):
        # A banner: "=====", "QUESTIONS FOR THE FORUM", "=====". CommonMark reads the top
        # rule as the heading's first line of text; in notes it frames the one line under it.
        blocks.headings[first + 1] = Heading(first + 1, level, lines[first].strip(), underline)
        blocks.underlines.update((first, underline))
        return
    if underline != first + 1 or len(lines[underline - 1].strip()) < 3:
        return
    title = " ".join(line.strip() for line in lines[first - 1 : underline - 1])
    blocks.headings[first] = Heading(first, level, title, underline)
    blocks.underlines.add(underline)
    for number in range(first + 1, underline):
        blocks.underlines.add(number)


def heading_title(text: str) -> str:
    """A heading's text without blanks around it or a closing ``##`` run (``C#`` stays)."""
    title = text.strip(" \t")
    bare = title.rstrip("#")
    if bare != title and bare.endswith((" ", "\t")):
        return bare.rstrip(" \t")
    return title


def _atx_title(line: str) -> str:
    """A ``#`` heading's text without its hashes, blanks, or a closing ``##`` run."""
    # In an outliner's bullet ("- ## Week 1") the heading follows the bullet.
    bare = line.lstrip(" \t")
    if bare[:1] in "-*+" and bare[1:2] in (" ", "\t"):
        bare = bare[2:].lstrip(" \t")
    return heading_title(bare.lstrip("#"))


def _verbatim(blocks: Blocks, first: int, last: int, *, table: bool = False) -> None:
    blocks.verbatim.update(range(first, last + 1))
    blocks.verbatim_starts[first] = table
