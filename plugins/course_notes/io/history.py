"""The notes file's history from git: items done and listed at each commit that changed it.

Called by the adapters (the plugin, the command line), never by the pure core: it runs
``git`` and keeps a cache on disk. Each version of the file is a blob, counted once and
remembered by its id in the cache, so a build reads only the blobs new since the last one.

The repository may be anyone's: an old version of the notes can be far larger than a notes
file may be, a commit can carry any date, the cache's path can be a committed link, the cache
any JSON. Each such thing costs one line of the build's output, never the build.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import TracebackType

from ..model import HistoryPoint, SectionKind
from ..read import dates
from ..read.decode import decode_notes
from ..read.notes import parse
from .user_files import NOTES_LIMIT, UserFileError, checked_path, read_user_file, write_into

CACHE = PurePosixPath(".cache") / "course-notes" / "history.json"
"""Where the counts are kept, relative to the site's folder (the one with mkdocs.yml)."""
# Bump when what a blob counts to can change for the same text (the parser's rules).
CACHE_VERSION = 1
# About 60 bytes a blob: room for 300,000 versions of the notes.
CACHE_LIMIT = 20_000_000
_NO_BLOB = "0" * 40
# A `git cat-file` header is an object id (40 or 64 hex digits), a type and a size.
_HEADER_LIMIT = 200
# A failure's text in a note, at most: an exception's message can quote a whole line of notes.
_NOTE_CHARACTERS = 200


def count_notes(
    raw: bytes,
    sections: Mapping[str, SectionKind] | None = None,
    units: str = "",
    questions: tuple[str, ...] = (),
) -> tuple[int, int]:
    """Items done and listed in one version of the notes file (options as for ``parse``)."""
    text, _diagnostics = decode_notes(raw)
    progress = parse(text, sections, units, questions).progress
    return progress.done, progress.total


# The reader's version in the cache key: counts cached by an earlier reader are read again.
READER = "2"


def fingerprint(
    sections: Mapping[str, SectionKind] | None, units: str = "", questions: tuple[str, ...] = ()
) -> str:
    """What the counts depend on besides the text: the reader and its options, in one string."""
    parts = [f"{words}={kind.name}" for words, kind in sorted((sections or {}).items())]
    parts += [f"reader={READER}", f"units={units}", f"questions={','.join(questions)}"]
    return ";".join(parts)


@dataclass
class History:
    """The points read, and why there are none or what was left out (one line for INFO)."""

    points: list[HistoryPoint] = field(default_factory=list)
    reason: str = ""
    """Why there are no points, then the ``notes``, in one line; "" when all went well."""
    notes: list[str] = field(default_factory=list)
    """One line for each kind of commit left out of the chart, and one for a cache not
    written."""


@dataclass(frozen=True)
class _Commit:
    commit: str
    when: str
    blob: str


def _command(folder: Path, *arguments: str) -> list[str]:
    # Literal: the notes file's name is a name, not a pattern; as a pattern `notes[1].md`
    # also matches `notes1.md`, whose versions would be counted as the notes'.
    return ["git", "--literal-pathspecs", "-C", str(folder), *arguments]


def _git(folder: Path, *arguments: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(
        _command(folder, *arguments), input=stdin, capture_output=True, check=True
    ).stdout


def read_history(
    notes: Path,
    cache: tuple[Path, PurePosixPath] | None = None,
    count: Callable[[bytes], tuple[int, int]] = count_notes,
    fingerprint: str = "",
) -> History:
    """One point per commit that changed ``notes`` (first-parent history), oldest first.

    ``cache`` is a folder and the path inside it of the JSON file of counts by blob id
    (None: no cache), read as a regular file only and written never through a link.
    ``fingerprint`` names what else the counts depend on (the parser's options): a cache
    made with another is dropped.
    """
    folder = notes.resolve().parent
    try:
        shallow = _git(folder, "rev-parse", "--is-shallow-repository").strip()
    except FileNotFoundError:
        return History(reason="git is not installed, so there is no progress chart")
    except subprocess.CalledProcessError:
        return History(
            reason="the notes file is in no git repository, so there is no progress chart"
        )
    if shallow == b"true":
        return History(
            reason="the repository is a shallow clone, so there is no progress chart "
            "(check out the full history: fetch-depth: 0 in GitHub Actions)"
        )
    try:
        log = _git(
            folder,
            "log",
            "--first-parent",
            "--reverse",
            "--format=%x00%H %cs",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--",
            notes.name,
        )
    except subprocess.CalledProcessError:
        # A repository with no commit yet.
        return History(reason="the notes file has no commit yet, so there is no progress chart")
    commits = _commits(log)
    if not commits:
        return History(reason="the notes file has no commit yet, so there is no progress chart")
    left_out: dict[str, list[_Commit]] = {}
    days: dict[_Commit, datetime.date] = {}
    for each in commits:
        try:
            day = datetime.date.fromisoformat(each.when)
        except ValueError:
            # Git writes the year 10000 as it is; Python's dates end with 9999.
            day = None
        if day is not None and dates.in_calendar(day):
            days[each] = day
        else:
            # The course's own dates are bounded so, and so stays every sum of days made
            # from a point (the pace, the projection) inside Python's calendar.
            why = f"its date is outside the years {dates.FIRST_YEAR} to {dates.LAST_YEAR}"
            left_out.setdefault(why, []).append(each)
    known = _load(cache, fingerprint)
    wanted = sorted({each.blob for each in days} - known.keys())
    counted, skipped = _count_blobs(folder, wanted, count) if wanted else ({}, {})
    known.update(counted)
    for each in days:
        if each.blob in skipped:
            left_out.setdefault(skipped[each.blob], []).append(each)
    said = [_left_out_line(why, which) for why, which in left_out.items()]
    if counted and cache is not None:
        try:
            write_into(*cache, json.dumps(_record(known, fingerprint), sort_keys=True))
        except (UserFileError, OSError) as error:
            # A read-only checkout, or a link where the cache goes: the build goes on, and
            # the next one counts again. The message is ours and says what to do: kept whole.
            said.append(f"the progress counts were not cached: {_one_line(error, limit=1000)}")
    # A commit whose version was left out gives no point: a point at its date with the
    # counts of another version would be a count nobody made.
    points = [
        HistoryPoint(day, *known[each.blob]) for each, day in days.items() if each.blob in known
    ]
    if not points:
        none = "no version of the notes file in git could be counted, so there is no progress chart"
        return History(reason="; ".join([none, *said]), notes=said)
    return History(points=points, reason="; ".join(said), notes=said)


def _commits(log: bytes) -> list[_Commit]:
    commits = []
    for chunk in log.decode("utf-8", "replace").split("\x00")[1:]:
        lines = chunk.split("\n")
        blobs = [line.split()[3] for line in lines[1:] if line.startswith(":")]
        commit, _space, when = lines[0].strip().partition(" ")
        if blobs and blobs[-1] != _NO_BLOB:
            commits.append(_Commit(commit, when, blobs[-1]))
    return commits


def _left_out_line(why: str, commits: list[_Commit]) -> str:
    # One line for each reason, however many commits it leaves out: the first names them.
    first = commits[0].commit[:12]
    if len(commits) == 1:
        return f"commit {first} left out of the progress chart: {why}"
    return f"{len(commits)} commits left out of the progress chart (the first {first}): {why}"


def _count_blobs(
    folder: Path, blobs: list[str], count: Callable[[bytes], tuple[int, int]]
) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
    """The counts of the blobs that could be counted, and why each other one could not."""
    skipped: dict[str, str] = {}
    sizes = _sizes(folder, blobs)
    small = []
    for blob in blobs:
        size = sizes.get(blob)
        if size is None:
            skipped[blob] = "git could not read its version of the notes file"
        elif size > NOTES_LIMIT:
            skipped[blob] = (
                f"its version of the notes file is larger than {NOTES_LIMIT // 1_000_000} MB, "
                "the limit for a notes file"
            )
        else:
            small.append(blob)
    counts: dict[str, tuple[int, int]] = {}
    with _Blobs(folder) as contents:
        for blob in small:
            content = contents.read(blob)
            if content is None:
                skipped[blob] = "git could not read its version of the notes file"
                continue
            try:
                found = count(content)
            except Exception as error:
                # The parser is meant never to raise; should it, that version is left out
                # and said, rather than every build after its commit stopped.
                failure = _one_line(f"{type(error).__name__}: {error}")
                skipped[blob] = f"its version could not be counted ({failure})"
                continue
            if _valid(found):
                counts[blob] = (found[0], found[1])
            else:
                skipped[blob] = (
                    f"its version counted to {_one_line(found)}, not items done of items listed"
                )
    return counts, skipped


def _sizes(folder: Path, blobs: list[str]) -> dict[str, int]:
    # The sizes first, from the objects' headers, with the text left packed: read and
    # counted, one commit of a 120 MB notes file (172 KB packed) took every build 30 to
    # 62 s and 3.2 GB.
    try:
        output = _git(
            folder, "cat-file", "--batch-check", stdin="".join(f"{b}\n" for b in blobs).encode()
        )
    except (subprocess.CalledProcessError, OSError):
        return {}
    sizes = {}
    for line in output.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[2].isdigit():
            sizes[parts[0]] = int(parts[2])
    return sizes


class _Blobs:
    """One ``git cat-file --batch`` asked for one blob at a time: one blob in memory at most."""

    def __init__(self, folder: Path) -> None:
        # One process for all the blobs: a process per blob cost about 3 ms each. Git
        # flushes each answer (no --buffer), so each is read before the next is asked for.
        self.process: subprocess.Popen[bytes] | None = None
        self.folder = folder

    def __enter__(self) -> _Blobs:
        try:
            self.process = subprocess.Popen(
                _command(self.folder, "cat-file", "--batch"),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.process = None
        return self

    def read(self, blob: str) -> bytes | None:
        """The blob's bytes; None, and no more blobs, if git's answer is not one."""
        process = self.process
        if process is None or process.stdin is None or process.stdout is None:
            return None
        content = None
        try:
            process.stdin.write(f"{blob}\n".encode())
            process.stdin.flush()
            header = process.stdout.readline(_HEADER_LIMIT).split()
            # The size was checked with --batch-check: an object's size is part of its id.
            if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
                size = int(header[2])
                if size <= NOTES_LIMIT:
                    content = process.stdout.read(size)
                    if len(content) != size or process.stdout.read(1) != b"\n":
                        content = None
        except OSError:
            content = None
        if content is None:
            # Out of step with git: what it writes next answers no question of ours.
            self._stop()
        return content

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        process = self.process
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):  # git has stopped already
                process.stdin.close()
        # At the end of its input git ends at once; the wait bounds a git that does not.
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        self._stop()

    def _stop(self) -> None:
        """End git (if it has not ended) and close its pipes; no blob is read after."""
        process, self.process = self.process, None
        if process is None:
            return
        process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def _valid(counts: object) -> bool:
    # Items done and listed, as ints: a notes file of NOTES_LIMIT bytes lists fewer items.
    return (
        isinstance(counts, (tuple, list))
        and len(counts) == 2
        and all(type(number) is int for number in counts)
        and 0 <= counts[0] <= counts[1] <= NOTES_LIMIT
    )


def _one_line(thing: object, limit: int = _NOTE_CHARACTERS) -> str:
    words = " ".join(str(thing).split())
    return words if len(words) <= limit else words[: limit - 3] + "..."


def _record(counts: dict[str, tuple[int, int]], fingerprint: str) -> dict[str, object]:
    return {"version": CACHE_VERSION, "fingerprint": fingerprint, "blobs": counts}


def _load(cache: tuple[Path, PurePosixPath] | None, fingerprint: str) -> dict[str, tuple[int, int]]:
    if cache is None:
        return {}
    folder, relative = cache
    try:
        # A link, a folder, a named pipe or /dev/zero where the cache goes is no cache:
        # read as a regular file under the limit only, never through a link.
        raw = read_user_file(checked_path(folder, relative), "history cache", limit=CACHE_LIMIT)
        data = json.loads(raw, parse_constant=_no_constant)
    except (UserFileError, OSError, ValueError, RecursionError):
        # Missing, unreadable, or not JSON (nesting past Python's depth raises
        # RecursionError): counted again, and written anew.
        return {}
    if not (
        isinstance(data, dict)
        and type(data.get("version")) is int
        and data["version"] == CACHE_VERSION
        and data.get("fingerprint") == fingerprint
        and isinstance(data.get("blobs"), dict)
    ):
        return {}
    # An entry that is not two counts (1e400, -1, "3", done over total) is dropped, and its
    # blob counted again.
    return {blob: (pair[0], pair[1]) for blob, pair in data["blobs"].items() if _valid(pair)}


def _no_constant(name: str) -> object:
    # NaN and Infinity are no counts: the file is no cache of ours.
    raise ValueError(f"{name} in the history cache")
