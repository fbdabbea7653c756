from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from course_notes.adapters.cli.main import main

from conftest import REFERENCES, ROOT, SEED, SEED_BOOK_SECTIONS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_readings_json_is_one_object_per_reading(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys,
        "readings",
        "--notes",
        str(SEED),
        "--format",
        "json",
        "--references",
        str(REFERENCES),
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
        capsys, "readings", "--notes", str(SEED), "--format", "csv", "--references", str(REFERENCES)
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0
    assert len(rows) == 10
    assert rows[0]["sections"] == ", ".join(SEED_BOOK_SECTIONS)
    assert rows[0]["weeks"] == "1, 2, 3"
    adam = next(r for r in rows if r["url"] == "https://arxiv.org/abs/1412.6980")
    assert (adam["weeks"], adam["done"]) == ("2, 3", "no")


def test_readings_markdown_by_default_from_the_sites_config(
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
    status, out, err = run(capsys, "readings", "--notes", str(SEED), "--format", "json")
    assert (status, err) == (0, "")
    assert all(r["citation"] is None for r in json.loads(out))


def test_malformed_references_is_one_stderr_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    references = tmp_path / "refs.yml"
    references.write_text("a:\n  title: [unclosed\n", encoding="utf-8")
    status, out, err = run(
        capsys, "readings", "--notes", str(SEED), "--references", str(references)
    )
    assert status == 1
    assert out == ""
    problem = "expected ',' or ']', but got '<stream end>'"
    assert err == f"course-notes: {references}:3: not valid YAML: {problem}\n"


def test_missing_named_references_is_one_stderr_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(
        capsys, "readings", "--notes", str(SEED), "--references", str(tmp_path / "no.yml")
    )
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
    # Home, 6 weeks, readings, FAQ, faq/questions.md, faq/questions.txt, the stylesheet, and
    # as ./mkdocs.yml sets term_start, calendar.ics and the script.
    assert out == f"wrote 14 files to {folder}\n"
    assert (folder / "index.md").read_text(encoding="utf-8").startswith("---\ntitle: Course")
    readings = (folder / "readings.md").read_text(encoding="utf-8")
    assert readings.startswith("---\ntitle: Readings\n")
    assert "render_macros: false" in readings
    assert "[Kingma & Ba (2015), Adam: A Method for Stochastic Optimization]" in readings
    week_2 = (folder / "week-2.md").read_text(encoding="utf-8")
    assert "(https://arxiv.org/abs/1412.6980)" in week_2


# --- One CLI that reads the site's config (-f, default ./mkdocs.yml); --notes overrides it. ---

OTHER_NOTES = "# week 1\n## readings\n- The Art of Computer Programming\n# Thoughts\nis P = NP?\n"


def site(folder: Path, options: str = "notes: course/other.md") -> Path:
    """A site whose mkdocs.yml names another course's notes."""
    (folder / "course").mkdir(parents=True, exist_ok=True)
    (folder / "course" / "other.md").write_text(OTHER_NOTES, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Other\nplugins:\n  - search\n  - course-notes:\n      {options}\n",
        encoding="utf-8",
    )
    return config


def test_questions_open_lists_the_notes_the_config_names(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    site(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "questions", "--open") == (0, "1. is P = NP?\n", "")


def test_config_file_paths_are_relative_to_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = site(tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    for flag in ("-f", "--config-file"):
        status, out, _ = run(capsys, "readings", flag, str(config), "--format", "json")
        assert status == 0
        assert [r["title"] for r in json.loads(out)] == ["The Art of Computer Programming"]


def test_config_reads_as_mkdocs_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # !ENV as MkDocs reads it, and a tag a plain YAML reader refuses; a dict of plugins.
    site(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  course-notes:\n    notes: !ENV [COURSE_NOTES, missing.md]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COURSE_NOTES", "course/other.md")
    assert run(capsys, "questions") == (0, "1. is P = NP?\n", "")


def test_notes_flag_overrides_the_config_and_keeps_its_references(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copy(REFERENCES, tmp_path / "refs.yml")
    config = site(tmp_path, "notes: course/other.md\n      references: refs.yml")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "readings", "--notes", str(SEED), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert len(data) == 10
    assert any(r["url"] == "https://arxiv.org/abs/1412.6980" for r in data)
    # --references overrides the config's references in turn, -f or not.
    empty = tmp_path / "none.yml"
    empty.write_text("", encoding="utf-8")
    for flags in ([], ["-f", str(config)]):
        status, out, _ = run(
            capsys, "readings", *flags, "--notes", str(SEED), "--references", str(empty)
        )
        assert status == 0 and "Kingma" not in out


def test_without_config_or_notes_one_line_says_how_to_give_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["export", "out"], ["readings"], ["questions"], ["init", "new"]):
        assert run(capsys, *command) == (
            1,
            "",
            "course-notes: no mkdocs.yml here to name the notes file; give the site's config "
            "with -f/--config-file FILE, or the notes file with --notes FILE\n",
        )
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [search]\n", encoding="utf-8")
    assert run(capsys, "questions") == (
        1,
        "",
        "course-notes: mkdocs.yml has no course-notes plugin under `plugins:` to name the "
        "notes file; add one (- course-notes: {notes: FILE}), or give --notes FILE\n",
    )
    status, _, err = run(capsys, "questions", "-f", "missing.yml")
    assert (status, err) == (
        1,
        "course-notes: cannot read config file 'missing.yml': No such file or directory\n",
    )
    assert not (tmp_path / "out").exists() and not (tmp_path / "new").exists()


def test_a_broken_config_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - course-notes:\n      notes: [a\n", "utf-8")
    assert run(capsys, "questions") == (
        1,
        "",
        "course-notes: mkdocs.yml:5: not valid YAML: expected ',' or ']', but got '<stream end>'\n",
    )
    config.write_text("site_name: x\nplugins:\n  - course-notes:\n      notes: 3\n", "utf-8")
    assert run(capsys, "questions") == (
        1,
        "",
        "course-notes: mkdocs.yml: course-notes option 'notes': "
        "Expected type: <class 'str'> but received: <class 'int'>\n",
    )


# --- export DIR: a complete, clean folder ---


def exported(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_export_removes_what_it_no_longer_makes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    assert run(capsys, "export", str(folder), "--notes", str(SEED))[0] == 0
    seed_files = exported(folder)
    assert ".course-notes-export" in seed_files and "week-6.md" in seed_files
    (folder / "mine.md").write_text("my own page\n", encoding="utf-8")
    notes = tmp_path / "other.md"
    notes.write_text("# week 1\n## exercises\n- one\n", encoding="utf-8")
    status, out, _ = run(capsys, "export", str(folder), "--notes", str(notes))
    assert status == 0
    assert out == (
        f"wrote 5 files to {folder}; removed 9 it no longer makes: faq.md, faq/questions.md, "
        "faq/questions.txt, readings.md, week-2.md, week-3.md, week-4.md, week-5.md, week-6.md\n"
    )
    # ./mkdocs.yml sets term_start: the course is placed in time, as a build places it.
    assert exported(folder) == [
        ".course-notes-export",
        "assets/course-notes.css",
        "assets/course-notes.js",
        "calendar.ics",
        "index.md",
        "mine.md",  # not the export's: left alone
        "week-1.md",
    ]
    # The FAQ's folder went with its files.
    assert not (folder / "faq").exists()
    manifest = (folder / ".course-notes-export").read_text("utf-8").splitlines()
    assert sorted(line for line in manifest if not line.startswith("#")) == [
        "assets/course-notes.css",
        "assets/course-notes.js",
        "calendar.ics",
        "index.md",
        "week-1.md",
    ]


def test_export_refuses_a_folder_it_did_not_write_unless_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.md").write_text("# Home\n", encoding="utf-8")
    assert run(capsys, "export", str(folder), "--notes", str(SEED)) == (
        1,
        "",
        f"course-notes: {folder} is not empty and course-notes export did not write it (no "
        ".course-notes-export file there); export into a new or empty folder, or add --force "
        "to write into it\n",
    )
    assert exported(folder) == ["index.md"]
    status, out, _ = run(capsys, "export", str(folder), "--notes", str(SEED), "--force")
    assert (status, out) == (0, f"wrote 13 files to {folder}\n")
    assert "index.md" in exported(folder) and "week-1.md" in exported(folder)
    # The folder's own home page is left as it was: no generated one over it.
    assert (folder / "index.md").read_text(encoding="utf-8") == "# Home\n"
    # Written by an export now: the next one needs no --force.
    assert run(capsys, "export", str(folder), "--notes", str(SEED))[0] == 0
    # An empty folder is as good as a new one.
    (tmp_path / "empty").mkdir()
    assert run(capsys, "export", str(tmp_path / "empty"), "--notes", str(SEED))[0] == 0


def test_export_never_removes_files_outside_its_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    assert run(capsys, "export", str(folder), "--notes", str(SEED))[0] == 0
    precious = tmp_path / "precious.md"
    precious.write_text("keep me\n", encoding="utf-8")
    with (folder / ".course-notes-export").open("a", encoding="utf-8") as manifest:
        manifest.write(f"../precious.md\n{precious}\n")
    assert run(capsys, "export", str(folder), "--notes", str(SEED))[0] == 0
    assert precious.read_text("utf-8") == "keep me\n"


def test_export_takes_the_files_from_the_config(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / "notes.md")
    shutil.copy(REFERENCES, tmp_path / "refs.yml")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - course-notes:\n      notes: seeds/notes.md\n"
        "      references: refs.yml\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "export", "cited")[0] == 0
    assert "Kingma" in (tmp_path / "cited" / "readings.md").read_text(encoding="utf-8")
