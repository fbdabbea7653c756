"""The notes file's history from git: items done and listed at each commit that changed it.

Called by the adapters (the plugin, the command line), never by the pure core: it runs
``git`` and keeps a cache on disk. Each version of the file is a blob, counted once and
remembered by its id in the cache, so a build reads only the blobs new since the last one.
"""

from __future__ import annotations

import datetime
import json
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .model import HistoryPoint, SectionKind
from .parse import decode_notes, parse

CACHE = Path(".cache") / "course-notes" / "history.json"
"""Where the counts are kept, relative to the site's folder (the one with mkdocs.yml)."""
# Bump when what a blob counts to can change for the same text (the parser's rules).
CACHE_VERSION = 1
_NO_BLOB = "0" * 40


def count_notes(raw: bytes, sections: Mapping[str, SectionKind] | None = None) -> tuple[int, int]:
    """Items done and listed in one version of the notes file (``sections`` as for ``parse``)."""
    text, _diagnostics = decode_notes(raw)
    progress = parse(text, sections).progress
    return progress.done, progress.total


def fingerprint(sections: Mapping[str, SectionKind] | None) -> str:
    """What the counts depend on besides the text: the ``sections:`` option, in one string."""
    return ";".join(f"{words}={kind.name}" for words, kind in sorted((sections or {}).items()))


@dataclass
class History:
    """The points read, or why there are none (one line for the build's INFO output)."""

    points: list[HistoryPoint] = field(default_factory=list)
    reason: str = ""
    counted: int = 0
    """Blobs counted on this run (not found in the cache)."""


def _git(folder: Path, *arguments: str, stdin: bytes | None = None) -> bytes:
    # Literal: the notes file's name is a name, not a pattern; as a pattern `notes[1].md`
    # also matches `notes1.md`, whose versions would be counted as the notes'.
    return subprocess.run(
        ["git", "--literal-pathspecs", "-C", str(folder), *arguments],
        input=stdin,
        capture_output=True,
        check=True,
    ).stdout


def read_history(
    notes: Path,
    cache: Path | None = None,
    count: Callable[[bytes], tuple[int, int]] = count_notes,
    fingerprint: str = "",
) -> History:
    """One point per commit that changed ``notes`` (first-parent history), oldest first.

    ``cache`` is the JSON file of counts by blob id (None: no cache); ``fingerprint`` names
    what else the counts depend on (the parser's options): a cache made with another is
    dropped.
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
            "--format=%x00%cs",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--",
            notes.name,
        )
    except subprocess.CalledProcessError:
        # A repository with no commit yet.
        return History(reason="the notes file has no commit yet, so there is no progress chart")
    commits: list[tuple[str, str]] = []
    for chunk in log.decode("utf-8", "replace").split("\x00")[1:]:
        lines = chunk.split("\n")
        blobs = [line.split()[3] for line in lines[1:] if line.startswith(":")]
        if blobs and blobs[-1] != _NO_BLOB:
            commits.append((lines[0].strip(), blobs[-1]))
    if not commits:
        return History(reason="the notes file has no commit yet, so there is no progress chart")
    known = _load(cache, fingerprint)
    wanted = sorted({blob for _when, blob in commits} - known.keys())
    if wanted:
        known.update(_count_blobs(folder, wanted, count))
        _save(cache, fingerprint, known)
    points = []
    for when, blob in commits:
        done, total = known[blob]
        points.append(HistoryPoint(datetime.date.fromisoformat(when), done, total))
    return History(points=points, counted=len(wanted))


def _count_blobs(
    folder: Path, blobs: list[str], count: Callable[[bytes], tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    # One `git cat-file --batch` for all of them: a process per blob cost about 3 ms each.
    output = _git(folder, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    counts: dict[str, tuple[int, int]] = {}
    position = 0
    for blob in blobs:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        size = int(header[2]) if len(header) == 3 else 0
        content = output[end + 1 : end + 1 + size]
        position = end + 1 + size + 1 if len(header) == 3 else end + 1
        counts[blob] = count(content)
    return counts


def _load(cache: Path | None, fingerprint: str) -> dict[str, tuple[int, int]]:
    if cache is None:
        return {}
    try:
        data = json.loads(cache.read_text("utf-8"))
        if data.get("version") != CACHE_VERSION or data.get("fingerprint") != fingerprint:
            return {}
        return {blob: (int(done), int(total)) for blob, (done, total) in data["blobs"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        # Missing or unreadable: counted again, and written anew.
        return {}


def _save(cache: Path | None, fingerprint: str, counts: dict[str, tuple[int, int]]) -> None:
    if cache is None:
        return
    data = {"version": CACHE_VERSION, "fingerprint": fingerprint, "blobs": counts}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(data, sort_keys=True), "utf-8")
    except OSError:
        pass  # a read-only checkout builds all the same, counting again next time
