"""CSV for spreadsheets: every row the tool writes, with no cell that a spreadsheet would run."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

# OWASP's list (CSV injection): a cell starting with one of these is a formula to Excel,
# LibreOffice or Google Sheets, and `=HYPERLINK(...)` or `+cmd|...` in the notes would
# run when a lecturer opens the list.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """The text as a spreadsheet must show it: a ``'`` before a formula's first character."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class Writer:
    """The CSV writer of every CSV the tool writes: rows end in a newline, cells go through cell."""

    def __init__(self, out: TextIO) -> None:
        self._rows = csv.writer(out, lineterminator="\n")
        # With "\n" ending rows, csv leaves a carriage return in a cell unquoted, and a
        # spreadsheet starts a new row there; a row holding one is quoted whole.
        self._quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[str]) -> None:
        """Write one row."""
        cells = [cell(text) for text in row]
        writer = self._quoted if any("\r" in text for text in cells) else self._rows
        writer.writerow(cells)
