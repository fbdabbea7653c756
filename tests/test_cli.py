from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from course_notes.cli import main

from conftest import REFERENCES, ROOT, SEED, SEED_BOOK_SECTIONS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_readings_json_is_one_object_per_reading(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "readings", str(SEED), "--format", "json", "--references", str(REFERENCES)
    )
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert len(data) == 10
    adam = [r for r in data if r["title"] == "adam - a method for stochastic optimisation"]
    assert adam == [
        {
            "title": "adam - a method for stochastic optimisation",
            "weeks": [2, 3],
            "general": False,
            "done": False,
            "sections": [],
            "citation": "Kingma & Ba (2015), Adam: A Method for Stochastic Optimization",
            "url": "https://arxiv.org/abs/1412.6980",
        }
    ]
    assert [s["number"] for s in data[0]["sections"]] == SEED_BOOK_SECTIONS
    unknown = next(r for r in data if r["title"] == "ruder.io")
    assert (unknown["citation"], unknown["url"]) == (None, None)


def test_readings_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "readings", str(SEED), "--format", "csv", "--references", str(REFERENCES)
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert len(rows) == 10
    assert rows[0]["sections"] == ", ".join(SEED_BOOK_SECTIONS)
    assert rows[0]["weeks"] == "1, 2, 3"
    adam = next(r for r in rows if r["url"] == "https://arxiv.org/abs/1412.6980")
    assert (adam["weeks"], adam["done"]) == ("2, 3", "no")


def test_readings_markdown_by_default_with_default_references(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    status, out, _ = run(capsys, "readings")
    assert status == 0
    assert out.startswith("# Readings\n\n0/10 readings done, 0/16 book sections read.\n\n- [ ] ")
    assert (
        "- [ ] [Kingma & Ba (2015), Adam: A Method for Stochastic Optimization]"
        "(https://arxiv.org/abs/1412.6980) · [Week 2](week-2.md), [Week 3](week-3.md)\n"
    ) in out
    assert "    - [ ] Section 5.2.2 · [Week 2](week-2.md), [Week 3](week-3.md)\n" in out


def test_without_a_references_file_readings_show_as_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "readings", str(SEED), "--format", "json")
    assert (status, err) == (0, "")
    assert all(r["citation"] is None for r in json.loads(out))


def test_malformed_references_is_one_stderr_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    references = tmp_path / "refs.yml"
    references.write_text("a:\n  title: [unclosed\n", encoding="utf-8")
    status, out, err = run(capsys, "readings", str(SEED), "--references", str(references))
    assert status == 1
    assert out == ""
    problem = "expected ',' or ']', but got '<stream end>'"
    assert err == f"course-notes: {references}:3: not valid YAML: {problem}\n"


def test_missing_named_references_is_one_stderr_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "readings", "--references", str(tmp_path / "no.yml"))
    assert status == 1
    assert err.count("\n") == 1
    assert "cannot read references file" in err and "No such file or directory" in err


def test_export_writes_the_readings_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    status, out, _ = run(
        capsys, "export", str(folder), "--notes", str(SEED), "--references", str(REFERENCES)
    )
    assert status == 0
    # 6 weeks, readings, FAQ, faq/questions.md, faq/questions.txt and the stylesheet.
    assert out == f"wrote 11 files to {folder}\n"
    readings = (folder / "readings.md").read_text(encoding="utf-8")
    assert readings.startswith("---\ntitle: Readings\n")
    assert "render_macros: false" in readings
    assert "[Kingma & Ba (2015), Adam: A Method for Stochastic Optimization]" in readings
    week_2 = (folder / "week-2.md").read_text(encoding="utf-8")
    assert "(https://arxiv.org/abs/1412.6980)" in week_2


def test_export_uses_the_default_references_when_present(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / "notes.md")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "export", "plain")[0] == 0
    assert "Kingma" not in (tmp_path / "plain" / "readings.md").read_text(encoding="utf-8")
    shutil.copy(REFERENCES, tmp_path / "seeds" / "references.yml")
    assert run(capsys, "export", "cited")[0] == 0
    assert "Kingma" in (tmp_path / "cited" / "readings.md").read_text(encoding="utf-8")
