"""Time the burn-up chart's history: a notes file with 500 commits, cached and not.

Run: .venv/bin/python -m benchmarks.bench_history

The repository is made with `git fast-import` in a temporary folder: 500 commits, each
ticking one more item of the seed's notes (copied 3 times over: 18 weeks, 219 items), one
day apart. What a build adds is `read_history` (git log, and the blobs not in the cache
counted) plus the chart's Markdown; the target is under 0.5 s with the cache warm.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import tempfile
import timeit
from pathlib import Path

from course_notes.derive import schedule
from course_notes.io import history
from course_notes.read.notes import parse
from course_notes.render import chart as render_chart

ROOT = Path(__file__).resolve().parent.parent
COMMITS = 500


def notes_versions(count: int) -> list[str]:
    """``count`` versions of a notes file, each with one more item ticked than the last."""
    seed = (ROOT / "seeds" / "notes.md").read_text("utf-8").split("# Thoughts")[0]
    weeks = []
    for copy in range(3):
        weeks.append(
            re.sub(r"# week (\d+)", lambda m, copy=copy: f"# week {int(m[1]) + 6 * copy}", seed)
        )
    lines = "".join(weeks).splitlines()
    open_items = [
        n
        for n, line in enumerate(lines)
        if re.match(r"\s*- \w", line) and "\u00f0\u0178\u2014\u00b8" not in line
    ]
    versions = []
    for number in range(count):
        ticked = list(lines)
        for index in open_items[: number % (len(open_items) + 1)]:
            ticked[index] += " ✓"
        versions.append("\n".join(ticked) + f"\n\n<!-- version {number} -->\n")
    return versions


def make_repository(folder: Path, count: int) -> Path:
    """A git repository whose notes.md has ``count`` commits, one a day from 1 March 2027."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    stream = []
    start = int(datetime.datetime(2027, 3, 1, 12, tzinfo=datetime.timezone.utc).timestamp())
    for number, text in enumerate(notes_versions(count)):
        data = text.encode("utf-8")
        when = start + number * 3600 * 6
        message = f"notes {number}".encode()
        stream += [
            b"commit refs/heads/main\n",
            f"committer S <s@example.org> {when} +0000\n".encode(),
            f"data {len(message)}\n".encode() + message + b"\n",
            f"M 100644 inline notes.md\ndata {len(data)}\n".encode() + data + b"\n",
        ]
    subprocess.run(
        ["git", "-C", str(folder), "fast-import", "--quiet"], input=b"".join(stream), check=True
    )
    subprocess.run(["git", "-C", str(folder), "checkout", "-q", "main"], check=True)
    return folder / "notes.md"


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        notes = make_repository(folder / "course", COMMITS)
        cache = folder / "cache.json"
        course = parse(notes.read_text("utf-8"))
        placed = schedule.schedule(course, datetime.date(2027, 3, 1), datetime.date(2027, 4, 1))
        assert placed is not None

        def cold() -> None:
            cache.unlink(missing_ok=True)
            history.read_history(notes, cache)

        def warm() -> None:
            found = history.read_history(notes, cache)
            assert len(found.points) == COMMITS and found.counted == 0
            chart = schedule.projection(found.points, placed, datetime.date(2027, 4, 1))
            from course_notes.model import Burnup

            render_chart.burnup(Burnup(found.points, chart), placed, datetime.date(2027, 4, 1))

        history.read_history(notes, cache)
        cold_best = min(timeit.repeat(cold, number=1, repeat=3))
        warm_best = min(timeit.repeat(warm, number=1, repeat=9))
        size = len(notes.read_bytes())
        print(
            f"history of {COMMITS} commits of a {size // 1024} KB notes file: "
            f"cache cold {cold_best:.3f} s (every blob parsed), "
            f"cache warm {warm_best:.3f} s (git log + chart; best of 9)"
        )
        assert warm_best < 0.5, f"the history added {warm_best:.3f} s, over 0.5 s"


if __name__ == "__main__":
    main()
