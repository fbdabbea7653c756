"""Build times of pathological notes: long lines, repeated headings, many weeks.

Each input is built with `mkdocs build --strict` in a fresh process (as run.py does), at
full size and at a quarter of it: the ratio of the two times says how the cost grows (about
4 when it is linear, 16 when it is quadratic). A build that takes longer than the time
limit is stopped and reported as such. Run: .venv/bin/python -m benchmarks.bench_pathological
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.run import ENV, plugin_project


def long_braces(size: int) -> str:
    """One item line of ``size`` opening braces."""
    return "# week 1\n## exercises\n- " + "{" * size + "\n"


def many_links(count: int) -> str:
    """One item line of ``[a](b) `` written ``count`` times."""
    return "# week 1\n## exercises\n- " + "[a](b) " * count + "\n"


def duplicate_headings(count: int) -> str:
    """One week with ``count`` sections all headed ``## exercises``, one item each."""
    return "# week 1\n" + "## exercises\n- item\n" * count


def many_weeks(count: int) -> str:
    """``count`` week headings, one item each (past week 999 they are lines of week 999)."""
    return "".join(f"# week {number}\n## exercises\n- item\n" for number in range(1, count + 1))


def blanks_in_new_forms(size: int) -> str:
    """Runs of ``size`` blanks inside a heading, a table row with a done column, a line
    ending with ``<br>``, an item with a non-ASCII sign and a reading after its author."""
    blanks = " " * size
    return (
        "## Week 1\n- a\n\n# a" + blanks + "x\n"
        "## Week 2\n| a | b | Done |\n|---|---|---|\n| a" + blanks + "b | x | \u2714 |\n\n"
        "## Week 3\n- a<br>\n- b<br>\n- c<br>\n<br" + blanks + "x\n\n"
        "## Week 4\n- a" + blanks + "b \u00b7 x\n### Readings\n- Smith, Abc" + blanks + "b x\n"
    )


def many_surnames(count: int) -> str:
    """One readings section of ``count`` works, each opening with another surname."""
    lines = "".join(f"- Xy{number}zabcd, title words ch 2\n" for number in range(count))
    return "# week 1\n## readings\n" + lines


# (name, notes maker, full size, what the size counts)
CASES: list[tuple[str, Callable[[int], str], int, str]] = [
    ("one line of `{`", long_braces, 160_000, "characters"),
    # Scaled down from the 700,000 (a 4.9 MB line): see docs/benchmarks.md.
    ("`[a](b) ` repeated on one line", many_links, 70_000, "links"),
    ("`## exercises` repeated in one week", duplicate_headings, 20_000, "headings"),
    ("weeks, one item each", many_weeks, 999, "weeks"),
    ("week headings past the last week", many_weeks, 100_000, "week headings"),
    # Each took 1.6 to 5 s at 40,000 blanks before the review of 2026-12-07.
    (
        "blanks inside a heading, a table row, a <br> line, a reading",
        blanks_in_new_forms,
        40_000,
        "blanks",
    ),
    # 11 s at 3,000 before the same review (every surname compared with every other).
    ("works each by another surname", many_surnames, 3_000, "works"),
]


def build_seconds(notes: str, work: Path, limit: float) -> float | None:
    """Wall time of one strict build of these notes, or None past ``limit`` seconds."""
    config = plugin_project(work, notes)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config)]
    start = time.perf_counter()
    try:
        subprocess.run(command, check=True, env=ENV, timeout=limit, capture_output=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as error:
        raise SystemExit(f"the build failed:\n{error.stderr.decode()}") from None
    return time.perf_counter() - start


def _seconds(value: float | None, limit: float) -> str:
    return f"{value:.1f} s" if value is not None else f"over {limit:.0f} s"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--limit", type=float, default=300, help="seconds before a build stops")
    options.add_argument("--only", help="run only the cases whose name contains this")
    arguments = options.parse_args()
    print("| Notes | Size | Notes size | Build | Quarter size | Ratio |")
    print("| :--- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="course-notes-bench-") as folder:
        for number, (name, make, size, unit) in enumerate(CASES):
            if arguments.only and arguments.only not in name:
                continue
            times = []
            for part, count in enumerate((size // 4, size)):
                notes = make(count)
                work = Path(folder) / f"{number}-{part}"
                times.append(build_seconds(notes, work, arguments.limit))
            quarter, full = times
            ratio = f"{full / quarter:.1f}" if full and quarter else "–"
            print(
                f"| {name} | {size:,} {unit} | {len(notes.encode()) / 1000:,.0f} KB "
                f"| **{_seconds(full, arguments.limit)}** | {_seconds(quarter, arguments.limit)} "
                f"| {ratio} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
