"""No command writes or deletes through a link, or hangs on a special file (issue 21).

Each test lays out a folder as a hostile repository would commit it, runs the command as a
user does, and checks what they see: one line on stderr naming the path, exit status 1, no
traceback; and that nothing outside the folder the command writes into changed.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course_notes.adapters.cli import main as cli
from course_notes.adapters.zensical import engine as zensical_engine
from course_notes.io.export import MANIFEST

# The line a notes file can hold that, in a .pth file of a venv, runs at every start.
PAYLOAD = 'import os;os.system("touch pwned")'
NOTES = f"# week 1: a\n## exercises\n- [x] one\n- two\n{PAYLOAD}\n"
# Long enough for an interpreter to start on a busy machine; a hang on a pipe never ends.
TIMEOUT = 60
NEVER_THROUGH = "course-notes never writes through a link or into a special file"


def snapshot(root: Path) -> dict[str, object]:
    """Every entry under root: a file's bytes, a link's target, what a folder or pipe is."""
    found: dict[str, object] = {}
    # Links are not followed: a link is recorded as its target, never read through.
    for parent, folders, files in os.walk(root):
        for name in [*folders, *files]:
            path = Path(parent, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                entry: object = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                entry = path.read_bytes()
            else:
                entry = ("folder",) if stat.S_ISDIR(mode) else ("special", stat.S_IFMT(mode))
            found[path.relative_to(root).as_posix()] = entry
    return found


def outside(entries: dict[str, object], *folders: str) -> dict[str, object]:
    """The entries that are not in (nor are) any of the folders."""
    return {
        path: entry
        for path, entry in entries.items()
        if not any(path == folder or path.startswith(f"{folder}/") for folder in folders)
    }


def run(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run `course-notes` as a user does, in its own interpreter, with a time limit."""
    return subprocess.run(
        [sys.executable, "-m", "course_notes", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one line of a command that stopped: exit status 1, no traceback, nothing more."""
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("course-notes: ")
    return lines[0]


def said(capsys: pytest.CaptureFixture[str], status: int) -> str:
    """The one line `cli.main` printed on stderr, having exited 1."""
    captured = capsys.readouterr()
    assert status == 1, captured.err
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def no_canary(root: Path) -> None:
    """Nothing the payload or the attack would make exists anywhere under root."""
    made = [path for path in root.rglob("*") if path.name in ("pwned", "zz-course.pth")]
    assert made == []


# --- export ---


@pytest.fixture
def venv_next_to_out(tmp_path: Path) -> Path:
    """A folder with a venv's site-packages beside out/, and the notes holding the payload."""
    (tmp_path / "venv" / "lib" / "python3.11" / "site-packages").mkdir(parents=True)
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "out").mkdir()
    # As an export writes it: the next export takes the folder as its own, no --force needed.
    (tmp_path / "out" / MANIFEST).write_text("week-1.md\n", encoding="utf-8")
    return tmp_path


def test_export_never_writes_a_pth_file_through_a_dangling_link(venv_next_to_out: Path) -> None:
    root = venv_next_to_out
    os.symlink("../venv/lib/python3.11/site-packages/zz-course.pth", root / "out" / "week-1.md")
    before = snapshot(root)
    line = one_line(run(root, "export", "out", "--notes", "notes.md"))
    assert line == (
        f"course-notes: 'out/week-1.md' is a symbolic link, not a file; {NEVER_THROUGH}: "
        "remove it and run again"
    )
    after = snapshot(root)
    assert outside(after, "out") == outside(before, "out")
    assert after["out/week-1.md"] == ("link", "../venv/lib/python3.11/site-packages/zz-course.pth")
    no_canary(root)
    # Done as the line says, the export writes the page, a file of its own.
    (root / "out" / "week-1.md").unlink()
    assert run(root, "export", "out", "--notes", "notes.md").returncode == 0
    page = root / "out" / "week-1.md"
    assert not page.is_symlink() and "touch pwned" in page.read_text("utf-8")
    assert outside(snapshot(root), "out") == outside(before, "out")


def test_export_never_writes_the_stylesheet_through_a_linked_folder(
    venv_next_to_out: Path,
) -> None:
    root = venv_next_to_out
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "mine.css").write_text("body {}\n", encoding="utf-8")
    os.symlink("../elsewhere", root / "out" / "assets")
    before = snapshot(root)
    line = one_line(run(root, "export", "out", "--notes", "notes.md"))
    assert line == (
        f"course-notes: 'out/assets' is a symbolic link, not a folder; {NEVER_THROUGH}: "
        "remove it and run again"
    )
    assert outside(snapshot(root), "out") == outside(before, "out")
    assert sorted(os.listdir(root / "elsewhere")) == ["mine.css"]


def test_export_never_removes_a_stale_file_through_a_linked_folder(
    venv_next_to_out: Path,
) -> None:
    """A file the last export wrote, now behind a link on the way: left where it is."""
    root = venv_next_to_out
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "questions.md").write_text("mine\n", encoding="utf-8")
    os.symlink("../elsewhere", root / "out" / "faq")
    (root / "out" / MANIFEST).write_text("week-1.md\nfaq/questions.md\n", encoding="utf-8")
    before = snapshot(root)
    assert run(root, "export", "out", "--notes", "notes.md").returncode == 0
    after = snapshot(root)
    assert outside(after, "out") == outside(before, "out")
    assert after["out/faq"] == ("link", "../elsewhere")


def test_a_named_pipe_for_the_manifest_is_one_line_not_a_hang(venv_next_to_out: Path) -> None:
    root = venv_next_to_out
    (root / "out" / MANIFEST).unlink()
    os.mkfifo(root / "out" / MANIFEST)
    before = snapshot(root)
    line = one_line(run(root, "export", "out", "--notes", "notes.md"))
    assert line.startswith(f"course-notes: 'out/{MANIFEST}' is a named pipe, not a file")
    assert snapshot(root) == before


def test_a_link_to_dev_zero_for_the_manifest_is_one_line(venv_next_to_out: Path) -> None:
    root = venv_next_to_out
    (root / "out" / MANIFEST).unlink()
    os.symlink("/dev/zero", root / "out" / MANIFEST)
    before = snapshot(root)
    line = one_line(run(root, "export", "out", "--notes", "notes.md"))
    assert line.startswith(f"course-notes: 'out/{MANIFEST}' is a symbolic link, not a file")
    assert snapshot(root) == before


def test_a_manifest_past_its_limit_is_one_line(
    venv_next_to_out: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = venv_next_to_out
    monkeypatch.chdir(root)
    (root / "out" / MANIFEST).write_bytes(b"week-1.md\n" * 200_000)
    before = snapshot(root)
    line = said(capsys, cli.main(["export", "out", "--notes", "notes.md"]))
    assert line == (
        f"course-notes: manifest 'out/{MANIFEST}' is larger than 1 MB, the limit for a manifest"
    )
    assert snapshot(root) == before


# --- init ---


@pytest.fixture
def notes_beside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the notes, the working folder (not this repository's, with its config)."""
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_never_writes_through_a_linked_github_folder(
    notes_beside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = notes_beside
    (root / "site").mkdir()
    os.symlink("../elsewhere", root / "site" / ".github")
    before = snapshot(root)
    line = said(capsys, cli.main(["init", "site", "--notes", "notes.md"]))
    assert line == (
        f"course-notes: 'site/.github' is a symbolic link, not a folder; {NEVER_THROUGH}: "
        "remove it and run again"
    )
    # Nothing written anywhere: not even the files with no link on their way.
    assert snapshot(root) == before


def test_init_counts_a_dangling_link_as_a_file_there(
    notes_beside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = notes_beside
    (root / "site" / "docs").mkdir(parents=True)
    os.symlink("../../elsewhere/index.md", root / "site" / "docs" / "index.md")
    before = snapshot(root)
    line = said(capsys, cli.main(["init", "site", "--notes", "notes.md"]))
    assert line == (
        f"course-notes: {Path('site/docs/index.md')} already exists; init never overwrites a "
        "file: choose a new folder, or move the file away"
    )
    assert snapshot(root) == before


# --- build --engine zensical ---


@pytest.fixture
def zensical() -> None:
    if find_spec("zensical") is None:
        pytest.skip("Zensical is not installed (pip install '.[zensical]', Python 3.11+)")


@pytest.fixture
def bare_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zensical: None) -> Path:
    """A site in tmp_path/site (mkdocs.yml, notes.md, docs/) and a folder beside it, victim/."""
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (site / "notes.md").write_text(NOTES, encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: Bare\nplugins:\n  - course-notes\n", encoding="utf-8"
    )
    (tmp_path / "victim").mkdir()
    (tmp_path / "victim" / "keep.md").write_text("keep me\n", encoding="utf-8")
    monkeypatch.chdir(site)
    return tmp_path


def build_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line of `course-notes build --engine zensical` stopped before Zensical runs."""
    return said(capsys, cli.main(["build", "--engine", "zensical"]))


def unsafe(path: Path, kind: str) -> str:
    return (
        f"course-notes: '{path}' is a symbolic link, not {kind}; {NEVER_THROUGH}: "
        "remove it and run again"
    )


def test_zensical_never_syncs_into_a_linked_build_folder(
    bare_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sync would make the folder hold just the site's files: victim/ would be emptied."""
    build = bare_site / "site" / ".course-notes" / "zensical"
    build.mkdir(parents=True)
    os.symlink("../../../victim", build / "docs")
    before = snapshot(bare_site)
    assert build_line(capsys) == unsafe(build / "docs", "a folder")
    assert snapshot(bare_site) == before


def test_zensical_never_syncs_through_a_linked_course_notes_folder(
    bare_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink("../victim", bare_site / "site" / ".course-notes")
    before = snapshot(bare_site)
    assert build_line(capsys) == unsafe(bare_site / "site" / ".course-notes", "a folder")
    assert snapshot(bare_site) == before


def test_zensical_never_writes_its_config_through_a_link(
    bare_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = bare_site / "site" / zensical_engine.CONFIG_NAME
    os.symlink("../victim/config.yml", config)
    before = snapshot(bare_site)
    assert build_line(capsys) == unsafe(config, "a file")
    after = snapshot(bare_site)
    assert outside(after, "site/.course-notes") == outside(before, "site/.course-notes")
    assert not (bare_site / "victim" / "config.yml").exists()


def test_zensical_never_copies_a_docs_file_through_a_link(
    bare_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = bare_site / "site" / ".course-notes" / "zensical" / "docs"
    docs.mkdir(parents=True)
    os.symlink("../../../../victim/keep.md", docs / "about.md")
    before = snapshot(bare_site)
    assert build_line(capsys) == unsafe(docs / "about.md", "a file")
    after = snapshot(bare_site)
    assert outside(after, "site/.course-notes") == outside(before, "site/.course-notes")


def test_zensical_removes_a_stray_link_itself_not_what_it_names(bare_site: Path) -> None:
    docs = bare_site / "site" / ".course-notes" / "zensical" / "docs"
    docs.mkdir(parents=True)
    os.symlink("../../../../victim", docs / "stray")
    os.symlink("../../../../victim/keep.md", docs / "stray.md")
    before = snapshot(bare_site)
    project = zensical_engine.project(Path("mkdocs.yml"))
    assert {"stray", "stray.md"} <= set(project.prepare())
    assert not os.path.lexists(docs / "stray") and not os.path.lexists(docs / "stray.md")
    assert (docs / "about.md").read_text("utf-8") == "# About\n"
    after = snapshot(bare_site)
    ours = ("site/.course-notes", f"site/{zensical_engine.CONFIG_NAME}")
    assert outside(after, *ours) == outside(before, *ours)
    # Written again unchanged, the copy of about.md is left as it is (its times copied).
    assert project.prepare() == []


def test_a_named_pipe_in_docs_is_one_line_not_a_hang(bare_site: Path) -> None:
    os.mkfifo(bare_site / "site" / "docs" / "pipe.png")
    result = run(bare_site / "site", "build", "--engine", "zensical")
    assert one_line(result) == (
        f"course-notes: docs file '{bare_site / 'site' / 'docs' / 'pipe.png'}' is a named pipe, "
        "not a file"
    )
    assert (bare_site / "victim").is_dir() and snapshot(bare_site / "victim") == {
        "keep.md": b"keep me\n"
    }


@pytest.mark.parametrize(
    ("inherits", "loop"),
    [
        ({"mkdocs.yml": "mkdocs.yml"}, "mkdocs.yml -> mkdocs.yml"),
        (
            {"mkdocs.yml": "a.yml", "a.yml": "b.yml", "b.yml": "a.yml"},
            "mkdocs.yml -> a.yml -> b.yml -> a.yml",
        ),
    ],
)
def test_an_inherit_loop_is_one_line(
    bare_site: Path, capsys: pytest.CaptureFixture[str], inherits: dict[str, str], loop: str
) -> None:
    """Not a RecursionError: the files of the loop, in the order MkDocs reads them."""
    for name, parent in inherits.items():
        (bare_site / "site" / name).write_text(f"INHERIT: {parent}\nsite_name: x\n", "utf-8")
    assert build_line(capsys) == (
        f"course-notes: INHERIT loop: {loop}; remove the INHERIT line of one of these files"
    )


def test_an_inherit_loop_of_two_files_is_named_from_the_first(
    bare_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = bare_site / "site"
    (site / "a.yml").write_text("INHERIT: b.yml\nsite_name: a\n", encoding="utf-8")
    (site / "b.yml").write_text("INHERIT: a.yml\n", encoding="utf-8")
    assert said(capsys, cli.main(["build", "--engine", "zensical", "-f", "a.yml"])) == (
        "course-notes: INHERIT loop: a.yml -> b.yml -> a.yml; remove the INHERIT line of one "
        "of these files"
    )


# Real Zensical builds (a second or two each): the sites `course-notes init` writes.

NOTHING = "# week 1: a\n## exercises\n- [x] one\n- two\n"
READINGS_AND_DATES = (
    "# Course\n\n# Week 1 (Mar 10)\n## exercises\n- [x] one\n## video recordings\n"
    "- intro (10:00)\n## readings\n- [x] CLRS (16.3)\n\n# Week 2 (Mar 17)\n## exercises\n"
    "- proof (due Mar 20)\n"
)
THOUGHTS = "# week 1\n## exercises\n- one\n\n# Thoughts\nwhy?\n\nA: because.\n\nand this?\n"


@pytest.mark.parametrize(
    ("notes", "links"),
    [
        (NOTHING, set()),
        (READINGS_AND_DATES, {"readings/"}),
        (THOUGHTS, {"faq/"}),
    ],
    ids=["no-readings-no-thoughts-no-dates", "readings-and-dates", "thoughts"],
)
def test_every_site_init_writes_builds_strict_with_zensical(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    zensical: None,
    notes: str,
    links: set[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    assert cli.main(["init", "site", "--notes", "notes.md"]) == 0
    assert cli.main(["build", "--engine", "zensical", "-f", "site/mkdocs.yml", "--strict"]) == 0
    home = BeautifulSoup(
        (tmp_path / "site" / "site" / "index.html").read_text("utf-8"), "html.parser"
    )
    article = home.select_one("article")
    assert article is not None
    hrefs = {a["href"] for a in article.select("a[href]")}
    assert hrefs & {"readings/", "faq/"} == links


def test_a_failing_strict_zensical_build_ends_in_one_line(bare_site: Path) -> None:
    (bare_site / "site" / "docs" / "about.md").write_text(
        "# About\n\nSee [the missing page](missing.md).\n", encoding="utf-8"
    )
    result = run(bare_site / "site", "build", "--engine", "zensical", "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    # Zensical's warnings come first, then one line of course-notes'.
    assert "Warning: page does not exist" in re.sub(r"\x1b\[[0-9;]*m", "", result.stderr)
    assert result.stderr.splitlines()[-1] == (
        "course-notes: Zensical did not build the site: Aborted because --strict flag is set; "
        "the warnings above say why"
    )
