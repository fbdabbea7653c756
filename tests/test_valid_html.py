"""The built pages are valid HTML: the W3C checker (vnu) finds no error in our markup.

vnu.jar comes from the npm package ``vnu-jar`` (``make vnu`` installs the pinned version into
.vnu/, and ``make test`` does so first) and runs on the machine's Java. One run of the checker
(one JVM, about 5 s) reads every page of the seed's site, every page of a site built from
awkward notes, our two stylesheets and a canary page that must fail. Material's own templates
have errors that are not ours to fix: MATERIAL_ERRORS names each, with where it comes from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from test_forgiving_site import NOTES as FORGIVING_NOTES

from conftest import ROOT, build_project, copy_project

VNU_JAR = ROOT / ".vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
Report = dict[str, Any]  # one message of vnu's JSON output


@dataclass(frozen=True)
class KnownError:
    """An error in Material's markup: vnu's message, and what the flagged markup shows."""

    message: str
    markup: str
    why: str

    def matches(self, report: Report) -> bool:
        return report["message"] == self.message and self.markup in flagged(report)


MATERIAL_ERRORS = [
    KnownError(
        message=(
            "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
            "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
            "“search”, “tel”, “text”, “time”, “url”, or “week”."
        ),
        markup='<input class="md-toggle" data-md-toggle=',
        why="Material's base.html puts autocomplete=off on the hidden checkboxes that open "
        "its drawer and its search (#__drawer, #__search), so that Firefox does not bring "
        "them back checked on going back; HTML allows the attribute on text-like inputs only.",
    ),
    KnownError(
        message=(
            "Bad value “” for attribute “tabindex” on element “label”: "
            "The empty string is not a valid integer."
        ),
        markup='<label class="md-nav__link" for="__nav_',
        why='Material\'s partials/nav-item.html writes tabindex="{{ tabindex }}", which is '
        "empty on the label of a nav section under the navigation.sections feature.",
    ),
]

# What pymdownx.progressbar made of a bar on its own line, inside a page like ours: the
# checker must see its stray </p> (and MATERIAL_ERRORS must not hide it).
CANARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Canary</title></head><body>
<p>
<div class="progress progress-60plus cn-progress"><div class="progress-bar" style="width:68.00%">
<p class="progress-label">19/28 done (68%)</p></div></div>
</p>
</body></html>
"""
CANARY_ERROR = "No “p” element in scope but a “p” end tag seen."

# Notes that make every kind of generated page and the markup the seed does not: a General
# page, text that looks like HTML, repeated headings and weeks, a week with nothing listed,
# a note line, FAQ entries with context, an answer, topics and a repeated title; math of
# every kind latex2mathml writes, bare addresses, merged readings with parts, and the
# Thoughts as students write them (groups, items, asked entries).
AWKWARD_NOTES = """\
before the first week </p> <div>
## lecture slides
- general slide "quoted" <b>bold</b> ✓
# week 1: <i>Intro</i> & "quotes" 🚀
## lecture slides
- 1a </div></p> <!-- x ✓
- 1b `<code>` {: #dup } ✓
## lecture slides
- the same heading twice
## readings
- Deep Learning (ch 1, 3.10) ✓
- Deep Learning (ch 1)
- <em>a book</em>
- CLRS (ch 4.1, 4.3-4.5), pp. 898–925 https://example.org/clrs
- CLRS chapter 15.4 (LCS)
## video recordings & notes:
- a (1:00) ✓
- b (?)
## something else
a note line with <span>
- other item ✓
- math $\\nabla_W L$, $\\sqrt[3]{x}$, $\\hat{x} \\mathbb{R}^n$, $\\left\\| x \\right\\|$ ✓
- more $\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$ $\\text{if } x$ $\\boxed{x}$
- and $\\color{red}{x}$ $\\overbrace{a+b}^{c}$ $\\binom{n}{k}$ $\\phantom{x}$ x \\; y
- display $$\\sum_{i=1}^n \\frac{a_i}{b} \\quad \\int_0^1 f$$ and https://example.org/a_b?q=1.
# week 1
## exercises
- a repeated week
# week 2: Transformers
## exercises
# Thoughts
what is a transformer? <b>really</b>

context about transformers and GPU hardware.

A: an answer with <i>tags</i> and "quotes"

what is a transformer? <b>really</b>

-----
no question mark here

## For the TA <b>
- why $x^2$ and https://example.org/?q=1 ?
  Asked: 3 Mar
1. and this? (asked)
2. or this?
A: yes

### an empty group
"""


def flagged(report: Report) -> str:
    """The markup vnu points at: its extract's highlighted part."""
    extract = report.get("extract", "")
    start = report.get("hiliteStart", 0)
    return extract[start : start + report.get("hiliteLength", len(extract))]


def vnu_command() -> list[str]:
    """How to run vnu here; in CI a missing checker is a failure, elsewhere a skip."""
    java = shutil.which("java")
    missing = [
        what
        for what, there in (
            (f"{VNU_JAR.relative_to(ROOT)} (make vnu)", VNU_JAR.exists()),
            ("java (apt-get install default-jre-headless; .ci/run does)", java),
        )
        if not there
    ]
    if missing:
        message = "the HTML checker is missing: " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(f"CI is set: the HTML check must run, but {message}")
        pytest.skip(message)
    # The JIT's first tier only, with the bigger stack its frames need for the schema's
    # deep recursion: the seed's 15 pages in 3 s rather than 17 s here, the same report.
    return [
        str(java),
        "-Xss16m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-jar",
        str(VNU_JAR),
    ]


def run_vnu(command: list[str], files: list[Path]) -> dict[Path, list[Report]]:
    """Check every file in one run of vnu; its errors by file (only files that have some)."""
    result = subprocess.run(
        [
            *command,
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            "--errors-only",
            # Language detection only ever warns (a lang attribute that seems wrong), and
            # takes most of the run's time.
            "--no-langdetect",
            "--also-check-css",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    errors: dict[Path, list[Report]] = {}
    for report in json.loads(result.stdout)["messages"]:
        # Errors, and the checker's own trouble reading a file ("non-document-error").
        if report["type"] != "info":
            path = Path(unquote(urlsplit(report.get("url", "")).path))
            errors.setdefault(path, []).append(report)
    return errors


def ours(reports: list[Report]) -> list[str]:
    """The errors Material's markup does not explain, one line each."""
    return [
        f"line {report.get('lastLine')}: {report['message']} "
        f"in {' '.join(report.get('extract', '').split())!r}"
        for report in reports
        if not any(known.matches(report) for known in MATERIAL_ERRORS)
    ]


@dataclass
class Checked:
    """The files vnu read, by what they are, and its errors by file."""

    seed: list[Path]
    awkward: list[Path]
    forgiving: list[Path]
    canary: Path
    errors: dict[Path, list[Report]]

    def ours(self, pages: list[Path]) -> list[str]:
        """Our errors in these files, each as ``file line N: message in 'markup'``."""
        return [f"{page} {line}" for page in pages for line in ours(self.errors.get(page, []))]


def html_pages(site: Path) -> list[Path]:
    return sorted(page.resolve() for page in site.rglob("*.html"))


@pytest.fixture(scope="module")
def checked(seed_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Checked:
    command = vnu_command()  # before the builds: a skip need not wait for them
    folder = tmp_path_factory.mktemp("valid-html")
    awkward = build_project(copy_project(folder, AWKWARD_NOTES))
    # Notes written another way, in a site with no home page of its own: the generated home
    # page, nested lists, groups, notes and sub-headings.
    forgiving = folder / "forgiving"
    (forgiving / "docs").mkdir(parents=True)
    (forgiving / "notes.md").write_text(FORGIVING_NOTES, encoding="utf-8")
    (forgiving / "mkdocs.yml").write_text(
        "site_name: A\ntheme: {name: material}\nplugins:\n  - course-notes\n", encoding="utf-8"
    )
    forgiving_pages = html_pages(build_project(forgiving / "mkdocs.yml"))
    canary = folder / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    stylesheets = [seed_site / "assets" / "course-notes.css", seed_site / "stylesheets/site.css"]
    seed, awkward_pages = html_pages(seed_site), html_pages(awkward)
    sheets = [sheet.resolve() for sheet in stylesheets]
    files = [*seed, *awkward_pages, *forgiving_pages, *sheets, canary]
    errors = run_vnu(command, files)
    return Checked(seed, awkward_pages, forgiving_pages, canary.resolve(), errors)


def test_the_checker_finds_a_block_inside_a_paragraph(checked: Checked) -> None:
    """The canary: the old progress bar's markup fails, and is not taken for Material's."""
    assert [report["message"] for report in checked.errors[checked.canary]] == [CANARY_ERROR]
    assert len(checked.ours([checked.canary])) == 1


def test_seed_site_pages_have_no_errors_of_ours(seed_site: Path, checked: Checked) -> None:
    root = seed_site.resolve()
    names = {page.relative_to(root).as_posix() for page in checked.seed}
    generated = {"index.html", "readings/index.html", "faq/index.html"}
    weeks = {f"week-{number}/index.html" for number in range(1, 7)}
    assert generated | weeks <= names
    errors = checked.ours(checked.seed)
    assert not errors, "\n".join(errors)


def test_material_errors_are_still_there(checked: Checked) -> None:
    """Each known error still happens: one that Material fixed is dropped from the list."""
    reports = [report for page in checked.seed for report in checked.errors.get(page, [])]
    for known in MATERIAL_ERRORS:
        assert any(known.matches(report) for report in reports), known.why


def test_our_stylesheets_are_valid_css(seed_site: Path, checked: Checked) -> None:
    root = seed_site.resolve()
    sheets = [root / "assets" / "course-notes.css", root / "stylesheets" / "site.css"]
    assert {str(sheet): checked.errors.get(sheet, []) for sheet in sheets} == {
        str(sheet): [] for sheet in sheets
    }


def test_pages_from_awkward_notes_have_no_errors_of_ours(checked: Checked) -> None:
    names = {page.parent.name for page in checked.awkward}
    assert {"general", "week-1", "week-2", "readings", "faq"} <= names
    errors = checked.ours(checked.awkward)
    assert not errors, "\n".join(errors)


def test_pages_from_notes_written_another_way_have_no_errors_of_ours(checked: Checked) -> None:
    names = {page.parent.name for page in checked.forgiving}
    assert {"week-1", "week-2", "week-3", "readings"} <= names
    # The generated home page is among them.
    assert "site" in names
    errors = checked.ours(checked.forgiving)
    assert not errors, "\n".join(errors)
