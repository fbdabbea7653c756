"""Time reading the Thoughts into FAQ entries and rendering the FAQ page, on the seed and on
a large synthetic Thoughts section. Run: .venv/bin/python -m benchmarks.bench_questions"""

from __future__ import annotations

import time
from pathlib import Path

from course_notes.derive.questions import read_questions
from course_notes.io.notes import read_topics
from course_notes.read.notes import parse
from course_notes.render.exports import as_text
from course_notes.render.faq import render_faq

SEED = Path(__file__).resolve().parent.parent / "seeds" / "notes.md"


def best_of(runs: int, job) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    topics = read_topics(SEED.parent / "topics.yml")
    seed = parse(SEED.read_text("utf-8"))
    large_text = "# Thoughts\n" + "".join(
        f"how do GPUs help transformer number {n}?\nsecond line of it\n\n"
        f"some context about CV and ensembles, item {n}\n\n" + ("---\n" if n % 50 == 0 else "")
        for n in range(5000)
    )
    large = parse(large_text)
    for name, course in [("seed (19 entries)", seed), ("synthetic (5000 entries)", large)]:
        read = best_of(5, lambda c=course: read_questions(c.thoughts, topics))
        faq = read_questions(course.thoughts, topics)
        page = best_of(5, lambda f=faq: render_faq(f))
        text = best_of(5, lambda f=faq: as_text(f.open))
        print(
            f"{name}: read {read * 1000:.1f} ms, FAQ page {page * 1000:.1f} ms, "
            f"text list {text * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
