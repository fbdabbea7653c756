"""The burn-up data from a real git repository: one point per commit, cached per blob."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path

import pytest

from course_notes import history
from course_notes.model import HistoryPoint

D = datetime.date


def git(folder: Path, *arguments: str, when: str = "2027-03-01T12:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Student",
        "GIT_AUTHOR_EMAIL": "student@example.org",
        "GIT_COMMITTER_NAME": "Student",
        "GIT_COMMITTER_EMAIL": "student@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(folder),
    }
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(folder: Path, notes: str, when: str, message: str = "notes") -> None:
    (folder / "notes.md").write_text(notes, encoding="utf-8")
    git(folder, "add", "notes.md")
    git(folder, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    commit(folder, "# week 1\n- a\n- b\n", "2027-03-01T09:00:00")
    commit(folder, "# week 1\n- a ✓\n- b\n", "2027-03-03T21:00:00")
    (folder / "other.txt").write_text("not the notes\n", encoding="utf-8")
    git(folder, "add", "other.txt")
    git(folder, "commit", "-q", "-m", "other file", when="2027-03-04T10:00:00")
    commit(folder, "# week 1\n- a ✓\n- b ✓\n# week 2\n- c\n", "2027-03-08T08:00:00")
    # The same text as two commits back: the same blob, counted once.
    commit(folder, "# week 1\n- a ✓\n- b\n", "2027-03-09T08:00:00", "undo")
    return folder


def test_one_point_per_commit_that_changed_the_notes(repository: Path) -> None:
    found = history.read_history(repository / "notes.md")
    assert found.reason == ""
    assert found.points == [
        HistoryPoint(D(2027, 3, 1), 0, 2),
        HistoryPoint(D(2027, 3, 3), 1, 2),
        HistoryPoint(D(2027, 3, 8), 2, 3),
        HistoryPoint(D(2027, 3, 9), 1, 2),
    ]
    assert found.counted == 3  # three distinct versions of the file


def test_counts_are_cached_per_blob(repository: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "history.json"
    first = history.read_history(repository / "notes.md", cache)
    assert first.counted == 3 and cache.is_file()
    again = history.read_history(repository / "notes.md", cache)
    assert again.points == first.points and again.counted == 0
    commit(repository, "# week 1\n- a ✓\n- b ✓\n- new\n", "2027-03-10T08:00:00")
    more = history.read_history(repository / "notes.md", cache)
    assert more.counted == 1 and more.points[-1] == HistoryPoint(D(2027, 3, 10), 2, 3)
    # Counted by another parser (another fingerprint): the cache is not trusted.
    other = history.read_history(repository / "notes.md", cache, fingerprint="sections")
    assert other.counted == 4
    # A broken cache is counted again, never an error.
    cache.write_text("{not json", encoding="utf-8")
    assert history.read_history(repository / "notes.md", cache).counted == 4
    assert json.loads(cache.read_text("utf-8"))["version"] == history.CACHE_VERSION


def test_not_a_repository_or_a_shallow_clone_gives_a_reason(
    repository: Path, tmp_path: Path
) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "notes.md").write_text("# week 1\n- a\n", encoding="utf-8")
    found = history.read_history(loose / "notes.md")
    assert found.points == [] and "no git repository" in found.reason
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow)],
        check=True,
        capture_output=True,
    )
    found = history.read_history(shallow / "notes.md")
    assert found.points == [] and "shallow clone" in found.reason
    assert "fetch-depth: 0" in found.reason


def test_a_file_never_committed_gives_a_reason(repository: Path) -> None:
    (repository / "new.md").write_text("# week 1\n", encoding="utf-8")
    found = history.read_history(repository / "new.md")
    assert found.points == [] and "no commit yet" in found.reason


def test_a_name_with_pattern_characters_is_only_that_file(tmp_path: Path) -> None:
    folder = tmp_path / "course"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    for name, text, when in [
        ("notes1.md", "# week 1\n- a\n", "2027-03-01T09:00:00"),
        ("notes[1].md", "# week 1\n- a ✓\n- b\n- c\n", "2027-03-02T09:00:00"),
        ("notes1.md", "# week 1\n- a ✓\n", "2027-03-03T09:00:00"),
    ]:
        (folder / name).write_text(text, encoding="utf-8")
        git(folder, "add", name)
        git(folder, "commit", "-q", "-m", name, when=when)
    # As a pattern, `notes[1].md` is `notes1.md`: its two versions were counted too.
    found = history.read_history(folder / "notes[1].md")
    assert found.points == [HistoryPoint(D(2027, 3, 2), 1, 3)] and found.reason == ""
    other = history.read_history(folder / "notes1.md")
    assert other.points == [HistoryPoint(D(2027, 3, 1), 0, 1), HistoryPoint(D(2027, 3, 3), 1, 1)]
