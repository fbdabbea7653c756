"""MkDocs and Zensical side by side: build and rebuild times on the seed and on 52 weeks.

Each engine through `course-notes build --engine ...` (a fresh build: no site, no Zensical
cache or build folder left from the run before) and `course-notes serve --engine ...` (from
saving the notes to the served week page showing the new count), alternating, in one run.

Run: .venv/bin/python -m benchmarks.bench_engines [--runs N] [--saves N]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks import synthetic
from benchmarks.run import ENV, SEED, machine, plugin_project
from course_notes.adapters.zensical import engine as zensical_engine
from course_notes.read.notes import parse
from tests.support.siteserver import fetch, free_port, wait_for

ENGINES = ("mkdocs", "zensical")
# What a fresh Zensical build starts without: its cache and what course-notes writes for it.
ZENSICAL_LEFTOVERS = (".cache", ".course-notes", ".course-notes-zensical.yml")


def build_once(engine: str, config: Path) -> tuple[float, float]:
    """Wall and CPU time of one fresh `course-notes build --strict` with the engine."""
    for name in ("site", *ZENSICAL_LEFTOVERS):
        path = config.parent / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    command = [sys.executable, "-m", "course_notes", "build", "--engine", engine]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [*command, "-f", str(config), "--strict"],
        check=True,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    # The engine's process is course-notes' child: its time is counted when it is waited for.
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def progress_label(text: str, week: int) -> str:
    """The week page's progress bar label for these notes: what the served page must show."""
    progress = parse(text).weeks[week - 1].progress
    return f"{progress.done}/{progress.total} done ({progress.percent}%)"


def reload_times(engine: str, config: Path, texts: tuple[str, str], saves: int) -> list[float]:
    """Seconds from each save of the notes (ticked, unticked in turn) to the updated week 2."""
    notes = config.parent / "seeds" / "notes.md"
    notes.write_text(texts[1], encoding="utf-8", newline="")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "course_notes", "serve", "--engine", engine]
    server = subprocess.Popen(
        [*command, "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**ENV, "SITE_URL": url},
    )
    labels = [progress_label(text, 2) for text in texts]
    pauses = random.Random(6)
    latencies = []
    try:
        wait_for(lambda: labels[1] in (fetch(url + "week-2/") or ""), 180, f"{engine} serve")
        for save in range(saves):
            text, label = texts[save % 2], labels[save % 2]
            # At random between two polls of the notes (MkDocs 0.5 s, course-notes 0.2 s).
            time.sleep(pauses.uniform(1.0, 1.5))
            start = time.perf_counter()
            notes.write_text(text, encoding="utf-8", newline="")
            wait_for(
                lambda shown=label: shown in (fetch(url + "week-2/") or ""),
                120,
                "the updated page",
                poll=0.02,
            )
            latencies.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return latencies


def prepare_times(config: Path, texts: tuple[str, str], runs: int) -> list[float]:
    """course-notes' share of a Zensical rebuild: the notes read, the build folder rewritten."""
    project = zensical_engine.project(config)
    notes = config.parent / "seeds" / "notes.md"
    times = []
    for run in range(runs):
        notes.write_text(texts[run % 2], encoding="utf-8", newline="")
        start = time.perf_counter()
        project.prepare()
        times.append(time.perf_counter() - start)
    return times


def toggled(text: str, line: str, ticked: str) -> tuple[str, str]:
    """The notes with one week-2 line ticked, and as they were."""
    assert line in text, line
    return text.replace(line, ticked, 1), text


def cases() -> list[tuple[str, tuple[str, str]]]:
    """The seed and the 52-week notes, each with a week-2 item to tick."""
    seed = SEED.read_text(encoding="utf-8")
    big = synthetic.notes_with_items(10_000)
    lines = big.splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.lower().startswith("# week 2"))
    item = next(line for line in lines[start:] if line.startswith("- ") and line.isascii())
    return [
        ("seed", toggled(seed, "  - pytorch (52:49) \n", "  - pytorch (52:49) 🗸\n")),
        ("52 weeks", toggled(big, item, item.rstrip("\n") + " ✓\n")),
    ]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5, help="timed builds of each engine")
    options.add_argument("--saves", type=int, default=8, help="timed saves under each server")
    arguments = options.parse_args()
    report = [
        f"Measured {date.today().isoformat()} on {machine()}.",
        "",
        "| Notes | Engine | Build | Build CPU | Rebuild |",
        "| :--- | :--- | ---: | ---: | ---: |",
    ]
    shares: list[str] = []
    with tempfile.TemporaryDirectory(prefix="course-notes-engines-") as folder:
        for name, texts in cases():
            config = plugin_project(Path(folder) / name.replace(" ", "-"), texts[1])
            course = parse(texts[1])
            builds: dict[str, list[float]] = {engine: [] for engine in ENGINES}
            cpus: dict[str, list[float]] = {engine: [] for engine in ENGINES}
            for run in range(arguments.runs + 1):  # the first round warms the disk cache
                for engine in ENGINES:
                    wall, cpu = build_once(engine, config)
                    if run:
                        builds[engine].append(wall)
                        cpus[engine].append(cpu)
            weeks = len(list((config.parent / "site").glob("week-*/index.html")))
            assert weeks == len(course.weeks), (name, weeks)
            prepared = prepare_times(config, texts, 2 * arguments.runs)
            shares.append(
                f"- {name}: {statistics.median(prepared):.2f} s "
                f"({min(prepared):.2f}–{max(prepared):.2f} s, {len(prepared)} saves)"
            )
            for engine in ENGINES:
                reloads = reload_times(engine, config, texts, arguments.saves)
                built, cpu = builds[engine], statistics.median(cpus[engine])
                report.append(
                    f"| {name} | {engine} | **{statistics.median(built):.2f} s** "
                    f"({min(built):.2f}–{max(built):.2f}) | {cpu:.2f} s "
                    f"| **{statistics.median(reloads):.2f} s** "
                    f"({min(reloads):.2f}–{max(reloads):.2f}) |"
                )
                print(report[-1], flush=True)
    report += [
        "",
        f"Medians of {arguments.runs} builds and {arguments.saves} saves of each engine, the "
        "fastest and slowest in brackets.",
        "",
        "course-notes' share of a Zensical rebuild (notes read, folder rewritten):",
    ]
    print("\n" + "\n".join(report + shares))


if __name__ == "__main__":
    main()
