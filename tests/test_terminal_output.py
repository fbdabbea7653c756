"""What the commands print reaches a terminal: no control character of the notes gets there.

Issue 21: an escape sequence in the notes (a window title, a cleared screen, a CSI in its
one-byte form) was printed as it is by ``questions``, ``readings``, ``status`` and
``export``. Every command now prints through one filter: C0 (but tab and line feed), DEL
and C1 are shown escaped or as their pictures, JSON stays JSON with the same data, and the
files written keep the notes' text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from course_notes.adapters.cli.main import main

from conftest import TODAY
from notes_strategies import terminal_notes

CONFIG = """site_name: Course
plugins:
  - course-notes:
      notes: notes.md
      term_start: 2026-11-09
"""
"""Week 1 is 9-15 Nov 2026; the tests' today (25 Nov) is in week 3."""

# What a terminal acts on: C0 but tab and line feed, DEL, C1.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = {
    "title and clear": "\x1b]0;T\x07\x1b[2J",
    "one-byte CSI": "\u009b31m",
    "one-byte OSC": "\u009d0;T\u009c",
}
ALL = "".join(ESCAPES.values())
COMMANDS = [
    ("questions", "markdown"),
    ("questions", "text"),
    ("questions", "csv"),
    ("questions", "json"),
    ("readings", "markdown"),
    ("readings", "csv"),
    ("readings", "json"),
    ("status", None),
    ("check", "text"),
    ("check", "json"),
]


def notes_with(escape: str) -> str:
    """The escape in a week title, an item, a reading and the Thoughts."""
    return (
        f"# Week 1: title {escape}\n"
        "## Slides\n"
        f"- item {escape} due Nov 27\n"
        "## Readings\n"
        f"- reading {escape}\n"
        "# Week 3\n"
        f"- now {escape}\n"
        "# Thoughts\n"
        "- why \x1b[2J?\n"
        f"- and {escape}?\n"
    )


def shown(text: str, *, raw: bool = False) -> re.Pattern[str]:
    """The text as it may show: each control escaped (``\\x1b``, ``\\u009b``) or as its
    picture (U+241B), or as it is with ``raw``; any other character maybe backslashed."""
    parts = []
    for char in text:
        code = ord(char)
        if CONTROLS.fullmatch(char):
            forms = [f"\\x{code:02x}", f"\\u{code:04x}"]
            forms += [chr(0x2400 + code)] if code < 0x20 else ["\u2421"] if code == 0x7F else []
            forms += [char] if raw else []
            parts.append("(?:" + "|".join(map(re.escape, forms)) + ")")
        else:
            parts.append(r"\\?" + re.escape(char))
    return re.compile("".join(parts))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("escape", [*ESCAPES.values(), ALL], ids=[*ESCAPES, "all"])
def test_no_command_prints_a_control_character_of_the_notes(
    capsys: pytest.CaptureFixture[str], site: Path, escape: str
) -> None:
    (site / "notes.md").write_text(notes_with(escape), encoding="utf-8")
    printed = {}
    for command, form in COMMANDS:
        status, out, err = run(capsys, command, *(["--format", form] if form else []))
        assert (status, err) == (0, ""), (command, form)
        assert CONTROLS.search(out) is None, (command, form, out)
        printed[command, form] = out
    # Shown, not dropped: each output holds the escape in a form that can be read.
    for (command, form), out in printed.items():
        if form != "json":
            assert shown(escape).search(out), (command, form, out)
    # JSON is still JSON, with the notes' own characters in its strings.
    entries = json.loads(printed["questions", "json"])
    assert [entry["text"] for entry in entries] == ["why \x1b[2J?", f"and {escape}?"]
    [reading] = json.loads(printed["readings", "json"])
    assert reading["title"] == f"reading {escape}"
    record = json.loads(printed["check", "json"])
    assert record["weeks"][0]["title"] == f"title {escape}"
    # CSV still reads back as CSV: one row per entry, with the escaped text.
    rows = list(csv.DictReader(io.StringIO(printed["questions", "csv"])))
    assert len(rows) == 2 and shown(escape).fullmatch(rows[1]["text"].removeprefix("and ")[:-1])
    # What status says: this week's item, week 1 behind, the item due.
    status = printed["status", None]
    assert shown(f"  [ ] now {escape}\n").search(status)
    assert shown(f"  Week 1: title {escape}: 2 of 2 not done\n").search(status)
    assert shown(f"  Fri 27 Nov  Week 1: item {escape} due Nov 27\n").search(status)


def test_the_real_command_writes_no_control_character_to_its_stdout(tmp_path: Path) -> None:
    # A real process, with bytes on its stdout: no escape, in UTF-8 or in the C locale's ASCII.
    (tmp_path / "notes.md").write_text(notes_with(ALL), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for command in (["status"], ["questions", "--format", "text"], ["check"]):
        done = subprocess.run(
            [sys.executable, "-m", "course_notes", *command],
            cwd=tmp_path,
            capture_output=True,
            timeout=60,
            env={**os.environ, "COURSE_NOTES_TODAY": TODAY, "PYTHONIOENCODING": "utf-8"},
        )
        assert (done.returncode, done.stderr) == (0, b""), command
        assert re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", done.stdout) is None


@pytest.mark.parametrize("command", [["status"], ["readings"]])
def test_an_ascii_file_with_an_escape_prints_on_a_cp1252_stdout(
    tmp_path: Path, command: list[str]
) -> None:
    # Windows writes a redirected stdout in the locale's code page (cp1252): as the command
    # does with `course-notes status > now.txt`. The notes are ASCII; `check` and
    # `questions` show the same ESC as `\x1b` there and succeed.
    notes = "# Week 3\n- plain \x1b[2J\n## Readings\n- a book \x1b[2J\n"
    (tmp_path / "notes.md").write_text(notes, encoding="ascii")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "course_notes", *command],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        env={**os.environ, "COURSE_NOTES_TODAY": TODAY, "PYTHONIOENCODING": "cp1252"},
    )
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    assert b"\x1b" not in done.stdout and b"[2J" in done.stdout


def test_export_prints_file_names_escaped_and_writes_the_notes_text(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    (site / "notes.md").write_text(notes_with(ALL), encoding="utf-8")
    # A folder whose name holds escapes, and a file the last export wrote whose name does.
    folder = site / f"out{ESCAPES['title and clear']}"
    status, out, err = run(capsys, "export", str(folder))
    assert (status, err) == (0, "")
    assert CONTROLS.search(out) is None
    assert out == f"wrote 10 files to {site}/out\\x1b]0;T\\x07\\x1b[2J\n"
    stale = f"old{ALL}.md"
    with (folder / ".course-notes-export").open("a", encoding="utf-8") as manifest:
        manifest.write(stale + "\n")
    (folder / stale).write_text("x", encoding="utf-8")
    status, out, err = run(capsys, "export", str(folder))
    assert (status, err) == (0, "")
    assert CONTROLS.search(out) is None
    assert out.endswith(
        "; removed 1 it no longer makes: old\\x1b]0;T\\x07\\x1b[2J\\x9b31m\\x9d0;T\\x9c.md\n"
    )
    assert not (folder / stale).exists()
    # The pages keep the notes' text: each control as written or as its picture.
    week = (folder / "week-1.md").read_text("utf-8")
    assert shown(f"\n- [ ] item {ALL} due Nov 27\n", raw=True).search(week), week
    assert shown(f"\n# Week 1: title {ALL}\n", raw=True).search(week), week
    # The FAQ's downloads are the lecturer's lists, byte for byte as the notes have them.
    for download in ("faq/questions.txt", "faq/questions.md"):
        assert (folder / download).read_text("utf-8") == f"1. why \x1b[2J?\n\n2. and {ALL}?\n"


# Notes made of the format's lines with control characters, long digit runs and odd dates.
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(notes=terminal_notes())
@pytest.mark.parametrize("command", ["status", "check", "questions", "readings"])
def test_any_notes_print_no_control_and_at_most_one_line_of_error(
    capsys: pytest.CaptureFixture[str], site: Path, command: str, notes: str
) -> None:
    (site / "notes.md").write_text(notes, encoding="utf-8", newline="")
    capsys.readouterr()
    status = main([command])
    out, err = capsys.readouterr()
    assert status in (0, 1)
    assert "Traceback" not in err and "please report this" not in err, err
    assert err.count("\n") <= 1 and (err == "" or err.endswith("\n")), err
    assert CONTROLS.search(out) is None, out
    assert CONTROLS.search(err) is None, err
    assert "\u2028" not in out + err and "\u2029" not in out + err
