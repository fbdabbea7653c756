"""A planner pasted from a spreadsheet: tab-separated rows under a header naming the unit.

``Unit<TAB>Topic<TAB>Activity<TAB>Due<TAB>Done`` over rows such as ``Unit 1<TAB>Fluids<TAB>
Lecture 1.1 (52 min)<TAB><TAB>✓``: each row is a task of the unit its first cell names (or
of the row above's, where that cell is empty), done when its done cell holds a tick or a
yes, due when its due cell holds a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import regex
from .durations import duration_seconds

# Hand-written: the rows are not Markdown (no pipes), so no parser reads them as a table;
# a spreadsheet pastes its cells with tabs between them.

_DONE_HEADER = regex.compile(
    r"(?:done|status|complete[d]?|finished|check|erledigt|fertig|hecho|hecha|terminado|fait|"
    r"fatto|feito|klaar|gedaan|ok|\u2713|\u2714|\u2705|x|\?|"
    # Seen or read: "Vista", "Watched", "Gelesen".
    r"watched|seen|viewed|vist[oa]|gesehen|geschaut|vu|vue|gezien|visto\?|read|gelesen|"
    r"le[íi]d[oa]|lu|letto|lido|"
    # A status in other languages: Spanish, Italian, French, Dutch, Czech, Turkish, Korean,
    # Chinese, Japanese.
    r"estado|stato|[ée]tat|statut|staat|stav|durum|\uc0c1\ud0dc|\u72b6\u6001|\u72b6\u614b)[ \t?]*$",
    re.I,
)
_DUE_HEADER = regex.compile(
    r"(?:due|due date|deadline|f[äa]llig|abgabe|entrega|plazo|rendu|[ée]ch[ée]ance|scadenza|"
    r"prazo|deadline|inleveren|term[íi]n|\ub9c8\uac10|\u622a\u6b62|\u7de0\u5207)[ \t]*$",
    re.I,
)
_TITLE_HEADER = regex.compile(
    r"(?:topic|title|theme|subject|thema|titel|tema|t[íi]tulo|sujet|th[èe]me|argomento|titolo|"
    r"assunto|onderwerp)s?[ \t]*$",
    re.I,
)
# A done cell: a tick, a yes, a done word, in the languages the reader knows.
_TICKED = regex.compile(
    r"[ \t]*(?:\u2713|\u2714|\u2705|\u2611|x|y|yes|ja|s[ií]|oui|sim|done|ok|erledigt|hecho|"
    r"fait|fatto|feito|klaar|1|true|\u2714\ufe0f|\u2705\ufe0f)[ \t!.]*$",
    re.I,
)
_DATE_WORDS = regex.compile(r"[ \t]*(?:due|by|bis|until|avant|entro|para|hasta|voor)\b", re.I)


@dataclass(frozen=True)
class Row:
    """One task row: its unit cell (when it names one), its text and whether it is done."""

    unit: str
    title: str
    text: str
    done: bool
    sign: str = ""
    """A done cell that is no tick ("🟡", "❌", "fazendo"), read as the line's own mark."""


@dataclass
class Planner:
    """The rows of every planner in a file, by line, and their header lines."""

    rows: dict[int, Row] = field(default_factory=dict)
    headers: set[int] = field(default_factory=set)
    columns: list[str] = field(default_factory=list)
    """The header a table's rows were read by (``table_tasks``): the next table may go on."""


def find_planners(lines: list[str], is_unit: Callable[[str], bool], skip: set[int]) -> Planner:
    """Read each block of tab-separated rows whose header has a column named by a unit's word.

    ``is_unit(cell)`` says whether a header cell is a unit's word (``Unit``, ``Woche``).
    """
    planner = Planner()
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if "\t" not in line or number in skip:
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < 3:
            continue
        unit_column = next((i for i, cell in enumerate(cells) if is_unit(cell)), None)
        if unit_column is None:
            continue
        done_column = _column(cells, _DONE_HEADER, unit_column)
        due_column = _column(cells, _DUE_HEADER, unit_column)
        title_column = _column(cells, _TITLE_HEADER, unit_column)
        header, rows = number, {}
        while number < len(lines) and "\t" in lines[number] and lines[number].strip():
            number += 1
            row = [cell.strip() for cell in lines[number - 1].split("\t")]
            row += [""] * (len(cells) - len(row))

            def cell(column: int | None, row: list[str] = row) -> str:
                return row[column] if column is not None and column < len(row) else ""

            kept = (unit_column, done_column, due_column, title_column)
            words = [text for i, text in enumerate(row) if i not in kept and text]
            due = cell(due_column)
            if due:
                words.append(due if _DATE_WORDS.match(due) else f"due {due}")
            rows[number] = Row(
                cell(unit_column),
                cell(title_column),
                " ".join(words),
                bool(_TICKED.fullmatch(cell(done_column))),
            )
        if rows:
            planner.headers.add(header)
            planner.rows.update(rows)
    return planner


def _column(cells: list[str], header: re.Pattern[str], unit_column: int) -> int | None:
    for index, cell in enumerate(cells):
        if index != unit_column and cell and header.fullmatch(cell):
            return index
    return None


_RULE_ROW = regex.compile(r"[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$")
_LENGTH_HEADER = regex.compile(
    r"(?:length|duration|runtime|dauer|l[äa]nge|dur[ée]e|duraci[óo]n|durata|dura[çc][ãa]o|"
    r"duur|l[äa]ngd|czas|s[üu]re|min|mins|minutes)[ \t.:]*$",
    re.I,
)


def _timed(header: list[str], index: int) -> bool:
    """Whether a column's header names a length ("length", "Dauer", "min")."""
    return index < len(header) and _LENGTH_HEADER.fullmatch(header[index]) is not None


_SIGN_CELL = regex.compile(r"[ \t]*(?:[^\w\s]\ufe0f?|[\U0001f000-\U0001faff]\ufe0f?|[xX])?[ \t]*$")
_SIGN_TICK = regex.compile(r"[ \t]*(?:[\u2713\u2714\u2705\u2611]\ufe0f?|[xX])[ \t]*$")
_PAGES_HEADER = regex.compile(r"(?:pages?|pp|seiten|p[áa]ginas?|pagine|blz)\.?[ \t]*$", re.I)


# A unit's cell: its number, after its word at most ("3", "Week 3", "W1"), not a date's day.
_UNIT_CELL = regex.compile(r"(?:[^\W\d_]{1,12}\.?[ \t]*)?\d{1,3}(?![\d/.:-])")


def _pipe_cells(line: str) -> list[str]:
    # Cut in Python, not by a regex: a lazy match before "\|?[ \t]*$" took seconds on a
    # row of 40,000 blanks.
    cells = line.strip(" \t")
    cells = cells[1:] if cells[:1] == "|" else cells
    cells = cells[:-1] if cells[-1:] == "|" and cells[-2:-1] != "\\" else cells
    return [cell.strip() for cell in _split_pipes(cells)]


def _split_pipes(cells: str) -> list[str]:
    """A row's cells, split at each "|" that no backslash escapes."""
    parts, start = [], 0
    for index, char in enumerate(cells):
        if char == "|" and (index == 0 or cells[index - 1] != "\\"):
            parts.append(cells[start:index])
            start = index + 1
    parts.append(cells[start:])
    return parts


def table_tasks(
    lines: list[str],
    first: int,
    last: int,
    is_unit: Callable[[str], bool],
    before: list[str] | None = None,
) -> Planner:
    """The rows of a Markdown table (lines ``first`` to ``last``, 1-based) as tasks, when a
    column says what is done: a header such as "Done" or "✓", or cells that are ticks,
    crosses or blank and nothing else. A table without one (a schedule pasted from the
    course's page) is no list of tasks: an empty Planner. Nor is a planner naming a unit in
    its header (``is_unit(cell)``)."""
    planner = Planner()
    if last - first < 2 or not _RULE_ROW.fullmatch(lines[first]):
        return planner
    header = _pipe_cells(lines[first - 1])
    body = [(number, _pipe_cells(lines[number - 1])) for number in range(first + 2, last + 1)]
    if any(
        is_unit(cell)
        # "| Module | Length | Status |" over "| Blood transfusion (LearnPro) | …", "| Clase |
        # Duración | Vista |" over "| 23/09 Transporte | …": the word heads names or dates,
        # no unit's numbers.
        and all(_UNIT_CELL.match(row[index]) for _, row in body if index < len(row) and row[index])
        for index, cell in enumerate(header)
    ):
        # A planner by unit ("| Week | Lecture | Lab | Done |"): its cells are the tasks of
        # the unit each row names, which a row read as one task would lose.
        return planner
    done_column = _column(header, _DONE_HEADER, -1)
    carried = False
    if (
        done_column is None
        and before
        and len(before) == len(header)
        and _column(before, _DONE_HEADER, -1) is not None
    ):
        # "| Extra problems ch. 8 | Homework | In progress |" over a rule row, just after a
        # table of tasks with as many columns: that table split in two when pasted, its
        # header row a task like the rest.
        body = [(first, header), *body]
        header, carried = before, True
        done_column = _column(header, _DONE_HEADER, -1)
    if done_column is None:
        for index in range(len(header)):
            cells = [row[index] if index < len(row) else "" for _, row in body]
            # Signs only, blank cells aside, a tick among them ("| ✔ |", "| ✗ |"), or any
            # signs under a column with no name ("| | video |"); numbers and words ("1",
            # "yes") say done only under a header that says so.
            if all(_SIGN_CELL.fullmatch(cell) for cell in cells) and (
                any(_SIGN_TICK.fullmatch(cell) for cell in cells)
                or (not header[index] and any(cell.strip() for cell in cells))
            ):
                done_column = index
                break
    if done_column is None:
        return planner
    due_column = _column(header, _DUE_HEADER, done_column)
    for number, row in body:
        words, pages, length = [], "", ""
        for index, cell in enumerate(row):
            if index in (done_column, due_column) or not cell:
                continue
            if index < len(header) and _PAGES_HEADER.fullmatch(header[index]):
                pages = f", pp. {cell}"
            elif (
                not length
                and (_timed(header, index) or any(char.isalpha() for char in cell))
                and duration_seconds(cell) is not None
            ):
                # "52 min", or "1:12:40" under "length": where a video's length is read,
                # last in brackets. "4.10" or "10:30" under "Section" or "Time" is none.
                length = f" ({cell})"
            else:
                words.append(cell)
        due = row[due_column] if due_column is not None and due_column < len(row) else ""
        if due:
            words.append(due if _DATE_WORDS.match(due) else f"due {due}")
        if words:
            done = row[done_column].strip() if done_column < len(row) else ""
            text = " \u00b7 ".join(words) + pages + length
            ticked = bool(_TICKED.fullmatch(done))
            sign = done if done and not ticked else ""
            planner.rows[number] = Row("", "", text, ticked, sign)
    if planner.rows:
        planner.headers.update((first + 1,) if carried else (first, first + 1))
        planner.columns = header
    return planner
