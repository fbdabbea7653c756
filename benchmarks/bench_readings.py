"""Time the reading list on the seed and on a large made-up course.

Run: .venv/bin/python -m benchmarks.bench_readings
"""

from __future__ import annotations

import timeit
from pathlib import Path

from course_notes.derive import readings
from course_notes.io.references import read_references
from course_notes.read.notes import parse
from course_notes.render import pages as render

ROOT = Path(__file__).resolve().parent.parent


def large_notes(weeks: int = 52, per_week: int = 40) -> str:
    """Many weeks, each setting many readings; a third repeat earlier titles, some with sections."""
    lines = []
    for week in range(1, weeks + 1):
        lines += [f"# week {week}", "## readings"]
        for n in range(per_week):
            if n % 3 == 0:
                lines.append(f"- Deep Learning (ch {week % 20}, {n % 9}.{week % 13}, {n}.1.{week})")
            elif n % 3 == 1:
                lines.append(f"- paper number {n} ✓")
            else:
                lines.append(f"- Paper {week}-{n}: a title with some words")
    return "\n".join(lines) + "\n"


def bench(name: str, text: str, repeat: int) -> None:
    references = read_references(ROOT / "seeds" / "references.yml")
    course = parse(text)
    count = sum(len(week.readings) for week in course.weeks)

    def run() -> None:
        render.render_readings(readings.reading_list(course, references))

    best = min(timeit.repeat(run, number=1, repeat=repeat))
    listed = readings.reading_list(course, references)
    sections = listed.section_progress.total
    print(
        f"{name}: {count} reading lines -> {len(listed)} readings, {sections} sections; "
        f"list + page in {best * 1000:.2f} ms (best of {repeat})"
    )


if __name__ == "__main__":
    bench("seed", (ROOT / "seeds" / "notes.md").read_text("utf-8"), 50)
    bench("52 weeks x 40", large_notes(), 5)
