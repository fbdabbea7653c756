"""The burn-up data from a real git repository: one point per commit, cached per blob."""

from __future__ import annotations

import datetime
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from course_notes.adapters.cli.main import main
from course_notes.io import history
from course_notes.model import HistoryPoint

from conftest import MEASURE, copy_project, git

D = datetime.date


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


class Counter:
    """count_notes, counting its calls: the versions read from git, not found in the cache."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, raw: bytes) -> tuple[int, int]:
        self.calls += 1
        return history.count_notes(raw)

    def read(self, notes: Path, *cache: object, **options: str) -> history.History:
        self.calls = 0
        return history.read_history(notes, *cache, count=self, **options)  # type: ignore[misc]


def test_one_point_per_commit_that_changed_the_notes(repository: Path) -> None:
    counter = Counter()
    found = counter.read(repository / "notes.md")
    assert found.reason == ""
    assert found.points == [
        HistoryPoint(D(2027, 3, 1), 0, 2),
        HistoryPoint(D(2027, 3, 3), 1, 2),
        HistoryPoint(D(2027, 3, 8), 2, 3),
        HistoryPoint(D(2027, 3, 9), 1, 2),
    ]
    assert counter.calls == 3  # three distinct versions of the file


def test_counts_are_cached_per_blob(repository: Path, tmp_path: Path) -> None:
    where = (tmp_path, PurePosixPath("cache/history.json"))
    cache = tmp_path / "cache" / "history.json"
    counter = Counter()
    first = counter.read(repository / "notes.md", where)
    assert counter.calls == 3 and cache.is_file() and first.reason == ""
    again = counter.read(repository / "notes.md", where)
    assert again.points == first.points and counter.calls == 0
    commit(repository, "# week 1\n- a ✓\n- b ✓\n- new\n", "2027-03-10T08:00:00")
    more = counter.read(repository / "notes.md", where)
    assert counter.calls == 1 and more.points[-1] == HistoryPoint(D(2027, 3, 10), 2, 3)
    # Counted by another parser (another fingerprint): the cache is not trusted.
    counter.read(repository / "notes.md", where, fingerprint="sections")
    assert counter.calls == 4
    # A broken cache is counted again, never an error.
    cache.write_text("{not json", encoding="utf-8")
    counter.read(repository / "notes.md", where)
    assert counter.calls == 4
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


POINTS = [
    HistoryPoint(D(2027, 3, 1), 0, 2),
    HistoryPoint(D(2027, 3, 3), 1, 2),
    HistoryPoint(D(2027, 3, 8), 2, 3),
    HistoryPoint(D(2027, 3, 9), 1, 2),
]
"""The points of the ``repository`` fixture's notes."""

CONFIG = """site_name: Course
plugins:
  - course-notes:
      notes: notes.md
      term_start: 2027-03-01
"""


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under ``folder``: a file's bytes, a link's target, or its kind."""
    found: dict[str, object] = {}
    for top, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(top) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                found[str(path)] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                found[str(path)] = ("file", path.read_bytes())
            else:
                found[str(path)] = ("kind", stat.S_IFMT(mode))
    return found


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail rather than hang: a read that waits on a named pipe would wait forever."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def not_cached(found: history.History) -> list[str]:
    return [line for line in found.notes if line.startswith("the progress counts were not cached")]


def link_to_activate(folder: Path, cache: Path) -> None:
    # What a repository can commit: the cache's path, a link to the virtual environment's
    # activate script (not committed, made by the one who clones).
    activate = folder / ".venv" / "bin" / "activate"
    activate.parent.mkdir(parents=True)
    activate.write_bytes(b"# the activate script of the virtual environment\n")
    cache.symlink_to("../../.venv/bin/activate")


def link_to_dev_zero(folder: Path, cache: Path) -> None:
    cache.symlink_to("/dev/zero")


def named_pipe(folder: Path, cache: Path) -> None:
    os.mkfifo(cache)


def a_folder(folder: Path, cache: Path) -> None:
    cache.mkdir()
    (cache / "inside").write_text("kept\n", encoding="utf-8")


@pytest.mark.parametrize("make", [link_to_activate, link_to_dev_zero, named_pipe, a_folder])
def test_no_cache_is_read_or_written_through_a_link_or_a_special_file(
    repository: Path, tmp_path: Path, make: Callable[[Path, Path], None]
) -> None:
    cache = repository / history.CACHE
    cache.parent.mkdir(parents=True)
    make(repository, cache)
    before = snapshot(tmp_path)
    counter = Counter()
    with deadline(20):
        found = counter.read(repository / "notes.md", (repository, history.CACHE))
    # Counted as with no cache, the cache left as it was, and one line saying so.
    assert found.points == POINTS and counter.calls == 3
    assert snapshot(tmp_path) == before
    kind = (
        "a symbolic link"
        if cache.is_symlink()
        else "a named pipe"
        if make is named_pipe
        else "a folder"
    )
    assert not_cached(found) == [
        f"the progress counts were not cached: '{cache}' is {kind}, not a file; course-notes "
        "never writes through a link or into a special file: remove it and run again"
    ]
    assert found.reason == not_cached(found)[0]


def test_a_committed_link_to_activate_survives_status_and_a_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The report's repository: the seed project, with the cache's path committed as a link.
    course = tmp_path / "course"
    course.mkdir()
    config = copy_project(course)
    cache = course / history.CACHE
    cache.parent.mkdir(parents=True)
    link_to_activate(course, cache)
    git(course, "init", "-q", "-b", "main")
    git(course, "add", "mkdocs.yml", "seeds", ".cache")
    git(course, "commit", "-q", "-m", "course", when="2026-11-10T09:00:00")
    before = snapshot(tmp_path)
    activate = (course / ".venv" / "bin" / "activate").read_bytes()
    assert main(["status", "-f", str(config)]) == 0
    caplog.set_level("INFO")
    site = tmp_path.parent / f"{tmp_path.name}-site"
    build(load_config(str(config), site_dir=str(site), strict=True))
    assert snapshot(tmp_path) == before
    assert (course / ".venv" / "bin" / "activate").read_bytes() == activate
    lines = [r.getMessage() for r in caplog.records if "not cached" in r.getMessage()]
    assert lines == [
        f"course_notes: seeds/notes.md: the progress counts were not cached: '{cache}' is a "
        "symbolic link, not a file; course-notes never writes through a link or into a "
        "special file: remove it and run again"
    ]


def test_a_version_over_the_limit_is_left_out_in_bounded_time_and_memory(
    tmp_path: Path,
) -> None:
    # One commit of a 120 MB notes file (15 million `- [x] a` lines, 172 KB packed), then
    # one of 13 bytes. Before, every status or build read and counted the 120 MB: 30 to 62
    # s and 3.2 GB. Setup: about 0.4 s to write the file and 1 s for git add.
    folder = tmp_path / "course"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    chunk = b"- [x] a\n" * 1_000_000
    with (folder / "notes.md").open("wb") as out:
        for _ in range(15):
            out.write(chunk)
    assert (folder / "notes.md").stat().st_size == 120_000_000
    git(folder, "add", "notes.md")
    git(folder, "commit", "-q", "-m", "big", when="2027-03-02T09:00:00")
    small = "# Week 1\n- a\n"
    assert len(small.encode()) == 13
    commit(folder, small, "2027-03-03T09:00:00", "small")
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    # The command in a child of a small wrapper (conftest's MEASURE): the test's own git add
    # would count in the test's peak.
    wrapper = MEASURE
    command = [str(Path(sys.executable).with_name("course-notes")), "status", "-f", "mkdocs.yml"]
    measured = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        cwd=folder,
        env={**os.environ, "COURSE_NOTES_TODAY": "2027-03-04"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    seconds, peak, code, out, err = json.loads(measured.stdout)
    print(f"course-notes status: {seconds:.2f} s, peak {peak / 1e6:.0f} MB")
    assert (code, err) == (0, "")
    assert out.startswith("Today: Thu 4 Mar 2027\nThis week: Week 1")
    assert seconds < 5 and peak < 300_000_000
    # Only the small version counted and cached.
    cached = json.loads((folder / history.CACHE).read_text("utf-8"))["blobs"]
    assert list(cached.values()) == [[0, 1]]
    started = time.monotonic()
    found = history.read_history(folder / "notes.md")
    assert time.monotonic() - started < 5
    big = git(folder, "rev-parse", "HEAD~1").strip()
    assert found.points == [HistoryPoint(D(2027, 3, 3), 0, 1)]
    assert found.notes == [
        f"commit {big[:12]} left out of the progress chart: its version of the notes file is "
        "larger than 50 MB, the limit for a notes file"
    ]


def test_a_version_git_cannot_read_is_left_out(repository: Path) -> None:
    # A repository with an object missing (a damaged clone): the others are still points.
    third = git(repository, "rev-parse", "HEAD~1:notes.md").strip()
    (repository / ".git" / "objects" / third[:2] / third[2:]).unlink()
    found = history.read_history(repository / "notes.md")
    assert found.points == [POINTS[0], POINTS[1], POINTS[3]]
    week_2 = git(repository, "rev-parse", "HEAD~1").strip()
    assert found.notes == [
        f"commit {week_2[:12]} left out of the progress chart: git could not read its version "
        "of the notes file"
    ]


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


@pytest.mark.parametrize(
    ("when", "shown"),
    [("@253402300800 +0000", "10000-01-01"), ("@7258118400 +0000", "2200-01-01")],
)
def test_a_commit_dated_outside_the_course_years_is_left_out_with_one_line(
    repository: Path, capsys: pytest.CaptureFixture[str], when: str, shown: str
) -> None:
    # Year 10000 made datetime.date.fromisoformat raise; 2200 is past any course's dates.
    commit(repository, "# week 1\n- a ✓\n- b ✓\n", when, "far ahead")
    late = git(repository, "rev-parse", "HEAD").strip()
    assert git(repository, "log", "-1", "--format=%cs") == f"{shown}\n"
    commit(repository, "# week 1\n- a ✓\n- b ✓\n- c\n", "2027-03-10T09:00:00")
    found = history.read_history(repository / "notes.md")
    assert found.points == [*POINTS, HistoryPoint(D(2027, 3, 10), 2, 3)]
    line = (
        f"commit {late[:12]} left out of the progress chart: its date is outside the years "
        "1900 to 2199"
    )
    assert found.notes == [line] and found.reason == line
    # And the command that reads it: its summary, no traceback.
    (repository / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert main(["status", "-f", str(repository / "mkdocs.yml")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Today: ") and err == ""


BLOB = "<blob>"
"""Where the id of a blob of the fixture's notes goes in a cache below."""
OTHERS = "<others>"
"""Where the other blobs' good entries go, each followed by a comma."""


def cache_text(blobs: str, version: str = "1") -> str:
    return f'{{"version": {version}, "fingerprint": "", "blobs": {blobs}}}'


DEEP = "[" * 100_000 + "]" * 100_000


# The cache's text, and how many blobs are counted again: 1 when the entry alone is
# dropped, 3 when the whole cache is.
CORRUPT = [
    *[
        pytest.param(cache_text(f'{{{OTHERS}"{BLOB}": {value}}}'), 1, id=f"entry {value}")
        for value in [
            "[-1, 2]",
            "[0, -2]",
            "[3, 2]",
            "[0, 50000001]",
            '["0", "2"]',
            "[0.0, 2.0]",
            "[1e400, 1e400]",
            "[true, true]",
            "[0]",
            "[0, 2, 2]",
            "[]",
            "null",
            '"0 2"',
            "{}",
            "2",
        ]
    ],
    pytest.param(cache_text(f'{{{OTHERS}"{BLOB}": [Infinity, 2]}}'), 3, id="entry [Infinity, 2]"),
    pytest.param(cache_text(f'{{{OTHERS}"{BLOB}": [0, NaN]}}'), 3, id="entry [0, NaN]"),
    pytest.param(cache_text(f'{{{OTHERS}"{BLOB}": {DEEP}}}'), 3, id="entry nested 100,000 deep"),
    pytest.param(
        cache_text(f'{{{OTHERS}"{BLOB}": [0, 1{"0" * 5000}]}}'), 3, id="entry of 5,001 digits"
    ),
    pytest.param(cache_text("[]"), 3, id="blobs []"),
    pytest.param(cache_text('"blobs"'), 3, id="blobs a string"),
    *[
        pytest.param(cache_text(f'{{"{BLOB}": [0, 2]}}', version), 3, id=f"version {version}")
        for version in ["true", "1.0", "Infinity", "1e400", '"1"']
    ],
    *[
        pytest.param(text, 3, id=f"file {text[:20]!r} ({len(text):,} characters)")
        for text in [
            "[]",
            f"[{cache_text('{}')}]",
            "Infinity",
            "NaN",
            "-1",
            "1e400",
            "null",
            '"history"',
            DEEP,
            "{" * 100_000,
            "\ufeff{}",
            "",
        ]
    ],
]


@pytest.mark.parametrize(("text", "again"), CORRUPT)
def test_a_corrupt_cache_is_counted_again(repository: Path, text: str, again: int) -> None:
    where = (repository, history.CACHE)
    history.read_history(repository / "notes.md", where)
    cache = repository / history.CACHE
    blobs = json.loads(cache.read_text("utf-8"))["blobs"]
    blob = min(blobs)
    others = "".join(f'"{other}": {json.dumps(blobs[other])}, ' for other in blobs if other != blob)
    cache.write_text(text.replace(OTHERS, others).replace(BLOB, blob), encoding="utf-8")
    counter = Counter()
    found = counter.read(repository / "notes.md", where)
    assert (found.points, counter.calls, found.reason) == (POINTS, again, "")
    # Written anew, whole: the next build counts nothing.
    counter.read(repository / "notes.md", where)
    assert counter.calls == 0


def test_a_cache_over_its_limit_is_counted_again(repository: Path) -> None:
    cache = repository / history.CACHE
    cache.parent.mkdir(parents=True)
    with cache.open("w", encoding="utf-8") as out:
        out.write(cache_text('{"' + "0" * (history.CACHE_LIMIT) + '": [0, 1]}'))
    counter = Counter()
    found = counter.read(repository / "notes.md", (repository, history.CACHE))
    assert (found.points, counter.calls, found.reason) == (POINTS, 3, "")


def raising(error: BaseException) -> Callable[[bytes], tuple[int, int]]:
    def count(raw: bytes) -> tuple[int, int]:
        if b"# week 2" in raw:
            raise error
        return history.count_notes(raw)

    return count


def returning(counts: object) -> Callable[[bytes], tuple[int, int]]:
    def count(raw: bytes) -> tuple[int, int]:
        return counts if b"# week 2" in raw else history.count_notes(raw)  # type: ignore[return-value]

    return count


@pytest.mark.parametrize(
    ("count", "why"),
    [
        (
            raising(ValueError("line 3: cannot take it")),
            "could not be counted (ValueError: line 3: cannot take it)",
        ),
        (raising(RecursionError("too deep")), "could not be counted (RecursionError: too deep)"),
        (raising(KeyError("x" * 500)), "could not be counted (KeyError: 'xxxx"),
        (returning((3, 2)), "counted to (3, 2), not items done of items listed"),
        (returning(None), "counted to None, not items done of items listed"),
    ],
)
def test_a_version_that_cannot_be_counted_is_left_out_build_after_build(
    repository: Path, count: Callable[[bytes], tuple[int, int]], why: str
) -> None:
    # The third commit's version (the one with a week 2) fails; the others are points, and
    # so is every commit after it.
    commit(repository, "# week 1\n- a ✓\n- b ✓\n", "2027-03-10T09:00:00")
    third = git(repository, "rev-parse", "HEAD~2").strip()
    where = (repository, history.CACHE)
    expected = [*POINTS[:2], POINTS[3], HistoryPoint(D(2027, 3, 10), 2, 2)]
    calls: list[bytes] = []

    def counted(raw: bytes) -> tuple[int, int]:
        calls.append(raw)
        return count(raw)

    for run in range(2):
        calls.clear()
        found = history.read_history(repository / "notes.md", where, counted)
        assert found.points == expected
        # Tried again on each run, and said again: counted, it is cached like any other.
        assert len(calls) == (4 if run == 0 else 1)
        [line] = found.notes
        assert line.startswith(f"commit {third[:12]} left out of the progress chart: its version ")
        assert why in line and len(line) < 300
        assert found.reason == line
