"""Files the user names: special files, huge files and hostile YAML stop with one line, fast.

Each case runs the real commands in a child process (`course-notes export` and `mkdocs
build`), with a memory ceiling and a timeout so that a regression fails the test instead of
the machine; the child's peak memory and time are measured and bounded.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_notes.io.notes import NotesFileError, read_course, read_topics
from course_notes.io.references import ReferencesFileError, parse_references, read_references
from course_notes.io.user_files import (
    NOTES_LIMIT,
    YAML_LIMIT,
    MissingFileError,
    UserFileError,
    read_user_file,
)
from course_notes.read import yaml_nodes
from course_notes.read.topics import TopicsError, parse_topics

from conftest import SEED, TOPICS, copy_project

# Safety bounds against hangs and blow-ups, not speed targets: the refused cases take a
# fraction of a second and tens of MB. A child past the ceiling fails with MemoryError.
MAX_SECONDS = 20
MAX_MB = 200
CEILING = 2 * 1024**3  # bytes of address space a child may map


@dataclass
class Run:
    status: int | str
    stderr: str
    seconds: float
    peak_mb: float


# Run in a small Python of its own: a child's peak memory counts the pages of the process
# it was forked from, and forked from pytest (200 MB into the suite) it said 213 MB for a
# command that takes 33. This one measures its one child, which it forks at ~10 MB.
MEASURE = """
import json, resource, subprocess, sys, time
ceiling, seconds, *argv = sys.argv[1:]
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (int(ceiling), int(ceiling)))
started = time.monotonic()
try:
    status = subprocess.run(argv, preexec_fn=limit, stdout=subprocess.DEVNULL,
                            timeout=float(seconds)).returncode
except subprocess.TimeoutExpired:
    status = "timeout"
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([status, time.monotonic() - started, usage.ru_maxrss / 1024]))
"""


def run_measured(argv: list[str], cwd: Path) -> Run:
    """Run a command in a child; its exit status, stderr, wall time and peak memory."""
    # A hang (a named pipe opened for reading) is killed, and the test fails on time.
    measure = [sys.executable, "-c", MEASURE, str(CEILING), str(MAX_SECONDS * 3), *argv]
    result = subprocess.run(
        measure,
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=MAX_SECONDS * 6,
        check=True,
    )
    status, seconds, peak_mb = json.loads(result.stdout)
    return Run(status, result.stderr.decode("utf-8", "replace"), seconds, peak_mb)


def export(tmp_path: Path, option: str, path: Path) -> Run:
    """`course-notes export` of the seed with one file option pointing at path."""
    notes = path if option == "notes" else SEED
    argv = [sys.executable, "-m", "course_notes", "export", str(tmp_path / "out")]
    argv += ["--notes", str(notes)]
    if option != "notes":
        argv += [f"--{option}", str(path)]
    return run_measured(argv, tmp_path)


def mkdocs_build(tmp_path: Path, option: str, path: Path) -> Run:
    """A real `mkdocs build --strict` of the project with one plugin option set to path."""
    project = tmp_path / "project"
    project.mkdir()
    config = copy_project(project)
    text = config.read_text("utf-8")
    setting = f"{option}: {json.dumps(str(path))}"
    if option == "notes":
        text = text.replace("notes: seeds/notes.md", setting)
    else:
        text = text.replace("  - course-notes:\n", f"  - course-notes:\n      {setting}\n")
    if option in ("references", "topics"):
        text = text.replace(f"      {option}: seeds/{option}.yml\n", "")
    config.write_text(text, "utf-8")
    argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
    return run_measured(argv, project)


def assert_one_line(run: Run, tool: str, message: str) -> None:
    """The run failed with exactly this message as its one error line, within the bounds."""
    assert "Traceback" not in run.stderr
    if tool == "export":
        assert run.stderr == f"course-notes: {message}\n"
    else:
        errors = [line for line in run.stderr.splitlines() if "ERROR" in line]
        assert errors == [f"ERROR   -  {message}"]
    assert run.status == 1
    assert run.seconds < MAX_SECONDS, f"took {run.seconds:.1f} s"
    assert run.peak_mb < MAX_MB, f"peaked at {run.peak_mb:.0f} MB"


RUNNERS: dict[str, Callable[[Path, str, Path], Run]] = {"export": export, "mkdocs": mkdocs_build}


# --- Files that are not regular files, or too big: refused before they are read. ---


@pytest.fixture
def named_pipe(tmp_path: Path) -> Path:
    path = tmp_path / "notes-pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    # AF_UNIX paths are limited to about 100 bytes; pytest's tmp_path can be longer.
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    path = folder / f"course-notes-test-{os.getpid()}.sock"
    path.unlink(missing_ok=True)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        yield path
    path.unlink()


def sparse_file(path: Path, size: int) -> Path:
    """A file of size bytes that takes no disk space."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


WHAT = {"notes": "notes file", "references": "references file", "topics": "topics file"}


@pytest.mark.parametrize("tool", ["export", "mkdocs"])
@pytest.mark.parametrize("option", ["notes", "references", "topics"])
def test_a_named_pipe_is_refused_without_waiting(
    tool: str, option: str, named_pipe: Path, tmp_path: Path
) -> None:
    run = RUNNERS[tool](tmp_path, option, named_pipe)
    assert_one_line(run, tool, f"{WHAT[option]} '{named_pipe}' is a named pipe, not a file")


@pytest.mark.parametrize(
    ("tool", "option", "device"),
    [
        ("export", "notes", "/dev/zero"),
        ("export", "notes", "/dev/urandom"),
        ("export", "references", "/dev/zero"),
        ("export", "topics", "/dev/urandom"),
        ("mkdocs", "notes", "/dev/zero"),
        ("mkdocs", "references", "/dev/urandom"),
    ],
)
def test_a_device_is_refused_before_it_is_read(
    tool: str, option: str, device: str, tmp_path: Path
) -> None:
    run = RUNNERS[tool](tmp_path, option, Path(device))
    assert_one_line(run, tool, f"{WHAT[option]} '{device}' is a device, not a file")


@pytest.mark.parametrize("tool", ["export", "mkdocs"])
def test_a_socket_is_refused(tool: str, unix_socket: Path, tmp_path: Path) -> None:
    run = RUNNERS[tool](tmp_path, "topics", unix_socket)
    assert_one_line(run, tool, f"topics file '{unix_socket}' is a socket, not a file")


# A folder as notes file stopping `mkdocs build` is in test_bad_input.
@pytest.mark.parametrize("option", ["notes", "references", "topics"])
def test_a_folder_is_refused(option: str, tmp_path: Path) -> None:
    tool = "export"
    folder = tmp_path / "a folder"
    folder.mkdir()
    run = RUNNERS[tool](tmp_path, option, folder)
    assert_one_line(run, tool, f"{WHAT[option]} '{folder}' is a folder, not a file")


@pytest.mark.parametrize(
    ("tool", "option", "limit", "words"),
    [
        ("export", "notes", NOTES_LIMIT, "50 MB, the limit for a notes file"),
        ("export", "references", YAML_LIMIT, "1 MB, the limit for a references file"),
        ("export", "topics", YAML_LIMIT, "1 MB, the limit for a topics file"),
        ("mkdocs", "notes", NOTES_LIMIT, "50 MB, the limit for a notes file"),
        ("mkdocs", "topics", YAML_LIMIT, "1 MB, the limit for a topics file"),
    ],
)
def test_a_file_over_the_limit_is_refused_unread(
    tool: str, option: str, limit: int, words: str, tmp_path: Path
) -> None:
    path = sparse_file(tmp_path / "huge", limit + 1)
    run = RUNNERS[tool](tmp_path, option, path)
    assert_one_line(run, tool, f"{WHAT[option]} '{path}' is larger than {words}")


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(b"x" * 1000)
    assert read_user_file(path, "notes file", limit=1000) == b"x" * 1000
    path.write_bytes(b"x" * 1001)
    with pytest.raises(UserFileError, match=r"notes\.md' is larger than"):
        read_user_file(path, "notes file", limit=1000)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_longer_than_its_size_says_is_cut_at_the_limit() -> None:
    # /proc files say they are empty and hold more: like a file that grows while read.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(UserFileError, match="is larger than"):
        read_user_file(status, "notes file", limit=100)


def test_a_pipe_swapped_in_after_the_check_does_not_hang(
    named_pipe: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file was regular when looked at, and a named pipe when opened.
    regular = os.stat(SEED)
    real_stat = os.stat
    monkeypatch.setattr(
        os,
        "stat",
        lambda path, *a, **k: regular if Path(path) == named_pipe else real_stat(path, *a, **k),
    )
    outcome: list[str] = []

    def read() -> None:
        try:
            read_course(named_pipe)
        except NotesFileError as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=MAX_SECONDS)
    assert outcome == [f"notes file '{named_pipe}' is a named pipe, not a file"]


def test_missing_files_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yml"
    with pytest.raises(MissingFileError):
        read_user_file(missing, "topics file", limit=YAML_LIMIT)
    with pytest.raises(NotesFileError, match=r"^cannot read topics file '.*nowhere\.yml': No such"):
        read_topics(missing)
    assert len(read_references(missing, required=False)) == 0


# --- Hostile YAML: one line with the file and line, in bounded time and memory. ---


def alias_bomb(key_line: str) -> str:
    """Nine levels of nine aliases each (9**9 strings), then a key that names the last."""
    lines = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"  {name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n" + key_line


REFERENCES_BOMB = "Bomb:\n" + alias_bomb("Other:\n  ? *i\n  : x\n")
TOPICS_BOMB = "Bomb:\n" + alias_bomb("? *i\n: [x]\n")
NESTED = "Deep Learning:\n  title: " + "[" * 300 + "]" * 300 + "\n"


@pytest.mark.parametrize("tool", ["export", "mkdocs"])
@pytest.mark.parametrize(
    ("option", "text", "problem"),
    [
        ("references", REFERENCES_BOMB, "3: YAML aliases such as '*a' are not supported here"),
        ("topics", TOPICS_BOMB, "3: YAML aliases such as '*a' are not supported here"),
        ("references", NESTED, "2: nested more than 20 levels deep"),
        ("topics", "Transformers: " + "[" * 300 + "]" * 300, "1: nested more than 20 levels deep"),
    ],
)
def test_hostile_yaml_is_one_line(
    tool: str, option: str, text: str, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{option}.yml"
    path.write_text(text, "utf-8")
    assert len(text.encode()) < 700
    run = RUNNERS[tool](tmp_path, option, path)
    message = f"{path}:{problem}"
    if problem.startswith("3: YAML aliases"):
        message += "; write the value out"
    if option == "topics":
        message = f"topics file {message}"
    assert_one_line(run, tool, message)


def test_nesting_deeper_than_the_stack_is_one_line() -> None:
    for text in ["a: " + "[" * 100_000, "a:\n  title: " + "{a: " * 100_000, "- " * 100_000]:
        with pytest.raises(ReferencesFileError, match=r"^r\.yml:\d+: nested more than 20 levels"):
            parse_references(text, "r.yml")
        with pytest.raises(TopicsError, match=r"^r\.yml:\d+: nested more than 20 levels"):
            parse_topics(text, "r.yml")


def test_an_alias_is_refused_at_its_own_line() -> None:
    text = "a: &x\n  title: y\nb:\n  title: z\n  aliases: *x\n"
    with pytest.raises(ReferencesFileError) as caught:
        parse_references(text, "r.yml")
    assert str(caught.value) == (
        "r.yml:5: YAML aliases such as '*x' are not supported here; write the value out"
    )
    # An anchor alone expands nothing, and is kept as plain YAML.
    assert parse_references("a: &x\n  title: y\n", "r.yml").find("a") is not None


def test_what_a_message_quotes_is_one_short_line() -> None:
    # Keys over 1,024 characters are written as explicit keys, `? key`.
    references = parse_references(
        "a:\n"
        f"  ? {'k' * 5000}\n"
        "  : 1\n"
        '  "two\\nlines \\e[31mred\\u202e": 1\n'
        "  ? [a, list, as, a, key]\n"
        "  : 1\n"
        f"  url: {'x' * 5000}\n"
        f"? {'t' * 5000}\n",
        "r.yml",
    )
    known = "(known: title, authors, year, venue, url, aliases)"
    assert [(d.line, d.message) for d in references.diagnostics] == [
        (2, f"unknown field '{'k' * 79}…' {known}; ignored"),
        (4, f"unknown field 'two lines \\x1b[31mred\\u202e' {known}; ignored"),
        (5, f"unknown field {known}; ignored"),
        (7, f"url '{'x' * 79}…' is not an http or https address; ignored"),
        (8, f"'{'t' * 79}…' has no fields (title, authors, ...); skipped"),
    ]
    with pytest.raises(TopicsError) as caught:
        parse_topics(f"? {'n' * 5000}\n: {{a: b}}\n", "t.yml")
    assert str(caught.value) == f"t.yml:1: topic '{'n' * 79}…' needs a list of keywords"
    with pytest.raises(TopicsError, match=r"^t\.yml:2: a topic name must be text$"):
        parse_topics("A: [a]\n? [x, y]\n: [z]\n", "t.yml")


def test_numbers_too_long_for_python_stay_text() -> None:
    # Python refuses to convert more than 4,300 digits; the digits are kept as written.
    digits = "1" * 5000
    references = parse_references(f"a:\n  year: {digits}\n  title: 0x{'f' * 5000}\n", "r.yml")
    reference = references.find("a")
    assert reference is not None and (reference.year, reference.title) == (
        digits,
        f"0x{'f' * 5000}",
    )
    assert references.diagnostics == []
    assert parse_topics(f"Big: [{digits}]\n", "t.yml")[0].keywords == (digits,)


def test_a_python_tag_still_stops_the_build_as_bad_yaml() -> None:
    with pytest.raises(ReferencesFileError) as caught:
        parse_references("a:\n  url: !!python/name:os.system x\n", "r.yml")
    assert str(caught.value).startswith(
        "r.yml:2: not valid YAML: could not determine a constructor"
    )
    with pytest.raises(TopicsError, match=r"^t\.yml:1: not valid YAML: could not determine"):
        parse_topics("A: !!python/object/apply:os.system [id]\n", "t.yml")


def test_quoting_is_bounded_for_any_text() -> None:
    assert yaml_nodes.quoted("") == "''"
    assert yaml_nodes.quoted(" \n".join(["w"] * 10_000)).endswith("…'")
    assert len(yaml_nodes.quoted("x" * 10**6)) == yaml_nodes.QUOTE_LENGTH + 2


def test_a_topic_map_loses_nothing_silently() -> None:
    # yaml.safe_load kept the last of two equal names; now the second is an error.
    with pytest.raises(TopicsError, match=r"^t\.yml:2: topics 'A' and 'A' are too alike"):
        parse_topics("A: [a]\nA: [b]\n", "t.yml")
    assert parse_topics("A:\nB: b\nC: [1, 2.5, c]\n", "t.yml")[2].keywords == ("1", "2.5", "c")


def test_the_seed_topics_load_and_none_are_shipped() -> None:
    topics = read_topics(TOPICS)
    assert len(topics) > 3 and all(topic.keywords for topic in topics)
    assert read_topics() == []


YAML_PIECES = st.sampled_from(
    ["a", "b: ", "- ", "? ", ": ", "&x ", "*x", "!!str ", "!!python/name:os.system ", "[", "]"]
    + ["{", "}", ",", '"', "'", "\n", "\n  ", "\t", "#", "\\e", "\u2028", "\x85", "1" * 5000]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_any_topics_text_loads_or_fails_with_one_line(text: str) -> None:
    try:
        topics = parse_topics(text, "t.yml")
    except TopicsError as error:
        assert re.match(r"t\.yml:\d+: ", str(error)) and "\n" not in str(error)
        assert len(str(error)) < 300
    else:
        assert all(topic.name and topic.name == topic.name.strip() for topic in topics)
    try:
        references = parse_references(text, "r.yml")
    except ReferencesFileError as error:
        assert re.match(r"r\.yml:\d+: ", str(error)) and "\n" not in str(error)
        assert len(str(error)) < 300
    else:
        assert all("\n" not in d.message and len(d.message) < 300 for d in references.diagnostics)
