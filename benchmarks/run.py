"""course-notes benchmarks: parse throughput, build cost against hand-written pages,
live-reload latency and the peak memory of a big build. Run with `make bench`.

Everything runs on synthetic notes generated here (see synthetic.py) or on a copy of
the seed, in temporary folders; the project itself is never written to. The report is
printed as Markdown and also written to benchmarks/last-run.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
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
from course_notes.io.config import course_files
from course_notes.io.export import export
from course_notes.read.notes import parse
from course_notes.render import sanitize
from tests.support.siteserver import fetch, free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "notes.md"
# Bytecode is written and reused, as for a user: pip compiles an installed package's modules
# when it installs them. Some shells set PYTHONDONTWRITEBYTECODE (this machine's does); the
# plugin's modules, read from the source tree, were then compiled anew by every timed build,
# 40-50 ms of it, against none for MkDocs' own, compiled in site-packages.
ENV = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}
MB = 1_000_000

# Run in the plugin project once, before timing: keeps what mkdocs-macros made of each
# page that uses it (index.md), the nav and the stylesheets the plugin set, so that the
# hand-written twin gets exactly the same pages, nav and CSS.
CAPTURE_HOOK = """
import json
from pathlib import Path
from mkdocs.plugins import event_priority

OUT = Path(__file__).parent / "captured.json"
pages = {}

@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    if not page.file.generated_by:
        pages[page.file.src_uri] = markdown
    return markdown

def on_post_build(config):
    features = list(config.theme["features"]) if "features" in config.theme else []
    OUT.write_text(json.dumps({
        "pages": pages, "nav": config.nav, "extra_css": config.extra_css, "features": features,
    }))
"""


def machine() -> str:
    """nproc, CPU model and Python version, for the report."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        model = found.group(1).strip() if found else model
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


# --- Parse throughput ---------------------------------------------------------------


def bench_parse(sizes: list[int], report: list[str]) -> None:
    report += [
        "## Parse throughput",
        "",
        "Synthetic notes shaped like the seed (52 weeks at most, the five known sections,",
        "ticks in every form including the garbled one, durations, placeholders, non-ASCII",
        "words, a tenth of the file in Thoughts). Best of several runs, wall clock and CPU.",
        "",
        "| Size | Lines | Items | Parse (wall) | Parse (CPU) | Throughput | Time per MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        text = synthetic.notes(size)
        size_bytes = len(text.encode("utf-8"))
        runs = max(3, min(30, 3 * MB // max(size_bytes, 1)))
        wall, cpu = [], []
        for _ in range(runs):
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            course = parse(text)
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start_wall)
        best_wall, best_cpu = min(wall), min(cpu)
        per_mb = best_wall / size_bytes * MB * 1000
        report.append(
            f"| {_size(size_bytes)} | {text.count(chr(10)):,} | {course.progress.total:,} "
            f"| {best_wall * 1000:.1f} ms | {best_cpu * 1000:.1f} ms "
            f"| {size_bytes / best_wall / MB:.1f} MB/s | {per_mb:.0f} ms |"
        )
        print(report[-1], flush=True)
    report.append("")


# The MkDocs modules the plugin's module imports itself; what importing the plugin costs
# beyond them is the plugin's own share of every `mkdocs build` and `mkdocs serve` start.
MKDOCS_MODULES = (
    "mkdocs.config.defaults, mkdocs.exceptions, mkdocs.plugins, mkdocs.structure.files, "
    "mkdocs.structure.pages, mkdocs.structure.toc"
)
IMPORT_CHILD = f"""
import time
import {MKDOCS_MODULES}
start = time.perf_counter()
import course_notes.adapters.mkdocs.plugin
print(time.perf_counter() - start)
"""


def bench_import(runs: int, report: list[str]) -> None:
    """What importing the plugin costs beyond the MkDocs modules it uses, in fresh processes."""
    # One dropped run: it writes the bytecode the others read, as pip does at install.
    subprocess.run([sys.executable, "-c", IMPORT_CHILD], env=ENV, check=True, capture_output=True)
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", IMPORT_CHILD],
                env=ENV,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(runs)
    ]
    report += [
        "## Importing the plugin",
        "",
        "`import course_notes.adapters.mkdocs.plugin` in a fresh process after the MkDocs",
        "modules it imports, bytecode compiled; the calendar library, the live-reload server",
        "and Material's emoji index load when first used, the package's regular expressions",
        "when first matched.",
        "",
        "| Runs | Median | Fastest |",
        "| ---: | ---: | ---: |",
        f"| {runs} | **{statistics.median(times) * 1000:.0f} ms** | {min(times) * 1000:.0f} ms |",
        "",
    ]
    print("\n".join(report[-3:]), flush=True)


CHECK_READ_CHILD = """
import sys
from pathlib import Path
from course_notes.io.notes import read_course
read_course(Path(sys.argv[1]))
"""


def _cpu_of(command: list[str]) -> float:
    """CPU time (user + system) of a command run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=ENV, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def bench_check(size: int, runs: int, work: Path, report: list[str]) -> None:
    """`course-notes check` against reading the same notes alone, in alternating processes."""
    notes = work / "check-notes.md"
    notes.write_text(synthetic.notes(size), encoding="utf-8")
    check = [sys.executable, "-m", "course_notes", "check", "--notes", str(notes)]
    read = [sys.executable, "-c", CHECK_READ_CHILD, str(notes)]
    pairs = [(_cpu_of(check), _cpu_of(read)) for _ in range(runs)]
    checked = statistics.median(pair[0] for pair in pairs)
    alone = statistics.median(pair[1] for pair in pairs)
    report += [
        "## `course-notes check` against reading the notes",
        "",
        f"CPU time of `course-notes check` on {_size(notes.stat().st_size)} of synthetic notes",
        "and of a process that only reads them (`read_course`), alternating; medians.",
        "",
        "| Check | Reading alone | Ratio | Pairs |",
        "| ---: | ---: | ---: | ---: |",
        f"| {checked:.2f} s | {alone:.2f} s | **{checked / alone:.2f}** | {runs} |",
        "",
    ]
    print("\n".join(report[-3:]), flush=True)


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size / 1000:.0f} KB"


# --- Build: plugin against the same pages written by hand ----------------------------


# What a build of the site reads besides the notes.
SITE_FOLDERS = ("docs", "hooks", "overrides")
REFERENCES = Path("seeds") / "references.yml"
TOPICS = Path("seeds") / "topics.yml"


def plugin_project(folder: Path, notes: str) -> Path:
    """A copy of the project (mkdocs.yml, docs/, hooks/, overrides/, references) with notes."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    _copy_site_folders(ROOT, folder)
    (folder / "seeds").mkdir()
    for named in (REFERENCES, TOPICS):
        if (ROOT / named).is_file():
            shutil.copy(ROOT / named, folder / named)
    (folder / "seeds" / "notes.md").write_text(notes, encoding="utf-8", newline="")
    return folder / "mkdocs.yml"


def _copy_site_folders(source: Path, target: Path) -> None:
    for name in SITE_FOLDERS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)


def without_plugin(config_text: str) -> str:
    """mkdocs.yml with the course-notes entry (and its options) taken out of `plugins:`."""
    lines = config_text.splitlines()
    out: list[str] = []
    skipping_deeper_than: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skipping_deeper_than is not None:
            if line.strip() and indent > skipping_deeper_than:
                continue
            skipping_deeper_than = None
        if re.match(r"\s*- course-notes\b", line):
            skipping_deeper_than = indent
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def hand_written_twin(plugin_config: Path, folder: Path) -> Path:
    """The same site without the plugin: exported pages, static home page, same nav."""
    project = plugin_config.parent
    captured = json.loads((project / "captured.json").read_text())
    _copy_site_folders(project, folder)
    # Everything the plugin generates, the FAQ's download files included: without the
    # plugin, MkDocs makes a page of faq/questions.md, one small page more by hand. The
    # settings are the plugin's own, read from its mkdocs.yml (term start and all), so the
    # twin has the same Behind badges, calendar and script as the plugin's site.
    files = course_files(plugin_config)
    if files is None:
        raise SystemExit(f"{plugin_config}: no course-notes entry")
    # docs/ holds the hand-written pages copied above.
    export(files, folder / "docs", os.environ, force=True)
    # Pages that used macros get what mkdocs-macros made of them, as plain Markdown.
    for src_uri, markdown in captured["pages"].items():
        source = (project / "docs" / src_uri).read_text(encoding="utf-8")
        front = re.match(r"---\n(.*?\n)---\n", source, re.S)
        if ("{{" in source or "{%" in source) and "render_macros: false" not in source:
            # Already rendered: mkdocs-macros has nothing left to do on the static page.
            head = "---\n" + (front.group(1) if front else "") + "render_macros: false\n---\n"
            (folder / "docs" / src_uri).write_text(head + markdown, encoding="utf-8")
    text = without_plugin(plugin_config.read_text(encoding="utf-8"))
    if re.search(r"^nav:", text, re.M):
        raise SystemExit("mkdocs.yml sets nav: teach hand_written_twin to merge it")
    # The stylesheets as the plugin left them (its own added to the site's), below.
    text = re.sub(r"^extra_css:\n(?:[ \t]+-.*\n)*", "", text, flags=re.M)
    text += f"nav: {json.dumps(captured['nav'])}\nextra_css: {json.dumps(captured['extra_css'])}\n"
    # The theme features the plugin turned on (navigation.prune for a long course).
    for feature in captured["features"]:
        if feature not in text:
            if not re.search(r"^  features:\n", text, re.M):
                raise SystemExit("mkdocs.yml has no theme features: teach hand_written_twin")
            text = re.sub(
                r"^  features:\n", f"  features:\n    - {feature}\n", text, count=1, flags=re.M
            )
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder / "mkdocs.yml"


def capture(plugin_config: Path) -> None:
    project = plugin_config.parent
    hook = project / "capture_hook.py"
    hook.write_text(CAPTURE_HOOK, encoding="utf-8")
    text = plugin_config.read_text(encoding="utf-8")
    if re.search(r"^hooks:", text, re.M):
        text = re.sub(r"^hooks:\n", "hooks:\n  - capture_hook.py\n", text, count=1, flags=re.M)
    else:
        text += "\nhooks:\n  - capture_hook.py\n"
    config = project / "mkdocs-capture.yml"
    config.write_text(text, encoding="utf-8")
    mkdocs_build(config, project / "site-capture")


def mkdocs_build(config: Path, site: Path) -> tuple[float, float]:
    """Wall and CPU time of one `mkdocs build --strict` in a fresh process, as a user runs it."""
    command = ["mkdocs", "build", "-q", "--strict", "-f", str(config), "-d", str(site)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", *command], check=True, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def same_html(site_a: Path, site_b: Path, page: str) -> bool:
    """The page's article alike in both sites, but for the plugin's work after Markdown."""

    def article(site: Path) -> str:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        found = re.search(r"<article.*?</article>", html, re.S)
        # The plugin names each check mark (aria-label) on its pages after Markdown has
        # run, and sanitises their HTML; the pages by hand have no such step. The plugin's
        # build does that work too; the same sanitiser puts both sides in one form here.
        return sanitize.clean(re.sub(r' aria-label="[^"]*"', "", found.group(0) if found else ""))

    return article(site_a) == article(site_b)


def bench_build(name: str, notes: str, runs: int, work: Path, report: list[str]) -> float:
    with_plugin = plugin_project(work / name / "plugin", notes)
    capture(with_plugin)
    by_hand = hand_written_twin(with_plugin, work / name / "hand")
    walls: dict[str, list[float]] = {"plugin": [], "hand": []}
    cpus: dict[str, list[float]] = {"plugin": [], "hand": []}
    for run in range(runs + 1):  # the first pair warms the disk cache and is dropped
        for kind, config in (("plugin", with_plugin), ("hand", by_hand)):
            wall, cpu = mkdocs_build(config, config.parent / "site")
            if run:
                walls[kind].append(wall)
                cpus[kind].append(cpu)
    for page in ("", "week-1"):
        if not same_html(with_plugin.parent / "site", by_hand.parent / "site", page):
            raise SystemExit(f"{name}: the two sites differ; the comparison would be unfair")
    plugin, hand = statistics.median(walls["plugin"]), statistics.median(walls["hand"])
    plugin_cpu, hand_cpu = statistics.median(cpus["plugin"]), statistics.median(cpus["hand"])
    course = parse(notes)
    report.append(
        f"| {name}: {len(notes.encode()) / 1000:,.0f} KB, {len(course.weeks)} weeks, "
        f"{course.progress.total:,} items | {plugin:.2f} s | {hand:.2f} s "
        f"| **{plugin / hand:.3f}** | {plugin_cpu:.2f} s | {hand_cpu:.2f} s "
        f"| {plugin_cpu / hand_cpu:.3f} | {runs} + {runs} |"
    )
    print(report[-1], flush=True)
    return plugin / hand


# --- Live reload --------------------------------------------------------------------


def _week_2_label(text: str) -> str:
    """The week-2 page's progress label for these notes: what the served page must show."""
    progress = parse(text).weeks[1].progress
    return f"{progress.done}/{progress.total} done ({progress.percent}%)"


def _ticked(text: str) -> str:
    """The notes with one more item of week 2 ticked: the first open one a box ticks."""
    week = text.index("\n# week 2")
    before = _week_2_label(text)
    for line in re.compile(r"^- (?!\[)", re.M).finditer(text, week):
        ticked = text[: line.start()] + "- [x] " + text[line.end() :]
        if _week_2_label(ticked) != before:
            return ticked
    raise SystemExit("no open item in week 2 to tick")


def reload_latencies(notes_text: str, dirty: bool, saves: int, work: Path) -> list[float]:
    """Seconds from each save (one item ticked, then unticked) to the updated week-2 page."""
    texts = (notes_text, _ticked(notes_text))
    labels = [_week_2_label(text) for text in texts]
    config = plugin_project(work, notes_text)
    notes = config.parent / "seeds" / "notes.md"
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    flags = ["--dirty"] if dirty else []
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "-f", str(config)]
        + ["-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**ENV, "SITE_URL": url},
    )
    latencies = []
    pauses = random.Random(6)
    try:
        wait_for(lambda: labels[0] in (fetch(url + "week-2/") or ""), 180, "mkdocs serve")
        for save in range(saves):
            text, label = texts[(save + 1) % 2], labels[(save + 1) % 2]
            # A random pause: MkDocs polls every 0.5 s, and a fixed pause locks each save
            # to the same point between two polls.
            time.sleep(pauses.uniform(1.0, 1.5))
            start = time.perf_counter()
            notes.write_text(text, encoding="utf-8", newline="")
            wait_for(
                lambda shown=label: shown in (fetch(url + "week-2/") or ""),
                60,
                "the updated page",
                poll=0.02,
            )
            latencies.append(time.perf_counter() - start)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return latencies


def bench_reload(saves: int, work: Path, report: list[str]) -> None:
    report += [
        "## From saving the notes to the updated page",
        "",
        "`mkdocs serve` on a free 127.0.0.1 port with a copy of this project; an item of week 2",
        "ticked and unticked in turn, 1 to 1.5 s apart (at random, so that saves fall anywhere",
        "between two of MkDocs' polls of the files), the page fetched every 20 ms until its",
        "progress shows the new count. `--dirty` is what `course-notes serve` runs: only the",
        "pages a save changes are built again.",
        "",
        "| Notes | Serve | Saves | Median | Fastest | Slowest |",
        "| :--- | :--- | ---: | ---: | ---: | ---: |",
    ]
    courses = {
        "seed": SEED.read_text(encoding="utf-8"),
        "52 weeks": synthetic.notes_with_items(10_000),
    }
    for name, text in courses.items():
        for dirty in (False, True):
            folder = work / f"serve-{name.replace(' ', '-')}-{'dirty' if dirty else 'plain'}"
            latencies = reload_latencies(text, dirty, saves, folder)
            report.append(
                f"| {name} | `mkdocs serve{' --dirty' if dirty else ''}` | {saves} "
                f"| **{statistics.median(latencies):.2f} s** | {min(latencies):.2f} s "
                f"| {max(latencies):.2f} s |"
            )
            print(report[-1], flush=True)
    report.append("")


# --- Peak memory of a big build ------------------------------------------------------

MEMORY_CHILD = """
import logging, resource, sys, time
logging.basicConfig(level=logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_memory(size: int, work: Path, report: list[str]) -> None:
    notes = synthetic.notes(size)
    config = plugin_project(work / "memory", notes)
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(config), str(config.parent / "site")],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"the big build failed:\n{result.stderr}")
    seconds, max_rss_kb = result.stdout.split()
    course = parse(notes)
    report += [
        "## Peak memory of a big build",
        "",
        "A `mkdocs build --strict` in a child process; its peak resident memory from",
        "`resource.getrusage` (`ru_maxrss`).",
        "",
        "| Notes | Build time | Peak memory |",
        "| :--- | ---: | ---: |",
        f"| {_size(len(notes.encode()))}, {len(course.weeks)} weeks, "
        f"{course.progress.total:,} items | {float(seconds):.1f} s "
        f"| **{int(max_rss_kb) / 1024:.0f} MB** |",
        "",
    ]
    print("\n".join(report[-3:]), flush=True)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=11, help="timed builds of each kind")
    options.add_argument("--quick", action="store_true", help="fewer sizes and runs")
    arguments = options.parse_args()
    runs = 5 if arguments.quick else max(5, arguments.runs)
    sizes = [1_000, 10_000, 100_000, 1 * MB, 10 * MB]
    report = [f"Measured {date.today().isoformat()} on {machine()}.", ""]
    with tempfile.TemporaryDirectory(prefix="course-notes-bench-") as folder:
        work = Path(folder)
        bench_parse(sizes[:4] if arguments.quick else sizes, report)
        bench_import(runs, report)
        bench_check(1 * MB if arguments.quick else 10 * MB, 3, work, report)
        report += [
            "## Build with the plugin against the same pages by hand",
            "",
            "Median wall time of `mkdocs build --strict` in a fresh process, the two kinds",
            "alternating, after one dropped pair; CPU time (user + system) beside it.",
            "",
            "| Notes | Plugin | By hand | Ratio | Plugin CPU | By hand CPU | CPU ratio | Runs |",
            "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        bench_build("seed", SEED.read_text(encoding="utf-8"), runs, work, report)
        bench_build("52 weeks", synthetic.notes_with_items(10_000), runs, work, report)
        report.append("")
        bench_reload(6 if arguments.quick else 16, work, report)
        bench_memory(1 * MB if arguments.quick else 10 * MB, work, report)
    text = "\n".join(report)
    (Path(__file__).parent / "last-run.md").write_text(text, encoding="utf-8")
    print("\n" + text)


if __name__ == "__main__":
    main()
