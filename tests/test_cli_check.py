"""``course-notes check``: how a notes file was read, as text for a person and JSON for tools."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course_notes.adapters.cli.main import main
from course_notes.io.config import resolve
from course_notes.io.load import load_site
from course_notes.model import paths
from course_notes.read.notes import parse

import hostile_notes
from conftest import ROOT, SEED, PageRenderer, copy_project
from notes_strategies import (
    forgiving_items,
    forgiving_notes,
    items,
    notes_like,
    phrases,
    section_headings,
    week_headings,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def check_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, "check", "--format", "json", *argv)
    assert (status, err) == (0, "")
    return json.loads(out)


def test_the_seed_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = check_json(capsys, "--notes", str(SEED))
    assert (data["title"], data["done"], data["total"]) == ("", 27, 73)
    # Known 3:51:06, watched 2:58:17; "limitations of perceptrons (?)" and "adam ()" unknown.
    assert data["video_seconds"] == {
        "known": 13866,
        "watched": 10697,
        "partly_watched": 0,
        "unknown_videos": 2,
    }
    assert data["diagnostics"] == []
    assert [(w["numbers"], w["page"], w["done"], w["total"]) for w in data["weeks"]] == [
        ([1], "week-1/", 19, 28),
        ([2], "week-2/", 8, 25),
        ([3], "week-3/", 0, 7),
        ([4], "week-4/", 0, 6),
        ([5], "week-5/", 0, 4),
        ([6], "week-6/", 0, 3),
    ]
    assert data["weeks"][2]["title"] == "computer vision"
    assert data["weeks"][0]["sections"] == [
        {"title": "lecture slides", "kind": "slides", "done": 3, "total": 3},
        {
            "title": "lecture attendance, videos and notes",
            "kind": "attendance",
            "done": 2,
            "total": 2,
        },
        {"title": "exercises", "kind": "exercises", "done": 0, "total": 5},
        {"title": "video recordings & notes:", "kind": "videos", "done": 14, "total": 14},
        {"title": "readings", "kind": "readings", "done": 0, "total": 4},
    ]
    # Exactly the contract's keys, nothing more.
    assert list(data) == [
        "title",
        "unit_word",
        "read_as",
        "done",
        "total",
        "video_seconds",
        "weeks",
        "diagnostics",
    ]
    assert list(data["weeks"][0]) == [
        "word",
        "numbers",
        "title",
        "date_label",
        "page",
        "done",
        "total",
        "video_seconds",
        "due",
        "sections",
    ]
    assert data["weeks"][0]["video_seconds"] == {
        "known": 8444,
        "watched": 8444,
        "partly_watched": 0,
    }


def test_the_seed_as_text_from_the_sites_config(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    status, out, err = run(capsys, "check")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "(no course title)",
        "27/73 done; videos 2h 58m 17s watched of 3h 51m 6s known, 2 of unknown length",
        "",
    ]
    # Week 1: 19/28, its videos 14/14 and 8444 s (2h 20m 44s) known.
    assert 2 * 3600 + 20 * 60 + 44 == 8444
    assert lines[3:7] == [
        "How it was read:",
        "  units: `# Week N` headings, 6 of them, line 1 to 132",
        "  questions: `# Thoughts`, line 150",
        "",
    ]
    assert lines[7:10] == [
        "  1  Week 1  [19/28]  page week-1/",
        "       videos 2h 20m 44s watched of 2h 20m 44s known, 1 of unknown length",
        "  2    ## lecture slides  [slides 3/3]",
    ]
    assert " 16    ## video recordings & notes:  [videos 14/14]" in lines
    assert " 17      [x] basic neuroanatomy  (4:40)" in lines
    assert " 21      [x] limitations of perceptrons and multi-layer perceptrons  " in out
    assert "150  Questions  [19 FAQ entries, 19 open]" in lines
    assert lines[-1] == "Every line was placed."


def test_strict_fails_only_when_a_line_was_not_placed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "check", "--notes", str(SEED), "--strict")[0] == 0
    notes = tmp_path / "odd.md"
    notes.write_text("# Week 1\n## Slides\n- a ✓\n## Extras\n- b\n", encoding="utf-8")
    odd = str(notes)
    status, out, err = run(capsys, "check", "--notes", odd)
    assert (status, err) == (0, "")
    assert out.endswith(
        "Lines the parser could not place (1):\n"
        f"  {odd}:4: heading `## Extras` matched no section kind; add it under `sections:`\n"
    )
    status, strict_out, err = run(capsys, "check", "--notes", odd, "--strict")
    assert (status, strict_out, err) == (1, out, "")
    status, out, err = run(capsys, "check", "--notes", odd, "--strict", "--format", "json")
    assert (status, err) == (1, "")
    assert json.loads(out)["diagnostics"] == [
        {
            "line": 4,
            "message": "heading `## Extras` matched no section kind; add it under `sections:`",
        }
    ]


def test_config_file_names_the_notes_relative_to_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "notes").mkdir(parents=True)
    (site / "notes" / "ml.md").write_text(
        "# Week 1\n## Extras\n- intro ✓\n## videos\n- more (1:00)\n", encoding="utf-8"
    )
    (site / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - course-notes:\n      notes: notes/ml.md\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", "-f", "site/mkdocs.yml", "--strict")
    assert (status, err) == (1, "")
    # Named as mkdocs.yml names it, as the build's INFO line does.
    assert out.endswith(
        "  notes/ml.md:2: heading `## Extras` matched no section kind; add it under `sections:`\n"
    )
    assert "3      [x] intro\n" in out
    assert "5      [ ] more  (1:00)\n" in out
    data = check_json(capsys, "--config-file", "site/mkdocs.yml")
    assert data["video_seconds"] == {
        "known": 60,
        "watched": 0,
        "partly_watched": 0,
        "unknown_videos": 0,
    }
    # --notes wins over the config's.
    assert check_json(capsys, "-f", "site/mkdocs.yml", "--notes", str(SEED))["total"] == 73


def test_the_configs_sections_option_gives_headings_their_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.md").write_text("# Week 1\n## Extras\n- intro (4:40) ✓\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - course-notes:\n      sections:\n        extras: videos\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", "--strict")
    assert (status, err) == (0, "")
    assert "2    ## Extras  [videos 1/1]\n3      [x] intro  (4:40)\n" in out
    assert out.endswith("Every line was placed.\n")
    data = check_json(capsys)
    assert data["weeks"][0]["sections"] == [
        {"title": "Extras", "kind": "videos", "done": 1, "total": 1}
    ]
    assert data["video_seconds"] == {
        "known": 280,
        "watched": 280,
        "partly_watched": 0,
        "unknown_videos": 0,
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--notes", "missing.md"], "course-notes: cannot read notes file 'missing.md': "),
        (["-f", "nowhere.yml"], "course-notes: cannot read config file 'nowhere.yml': "),
        ([], "course-notes: no mkdocs.yml here to name the notes file; "),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for form in ("text", "json"):
        status, out, err = run(capsys, "check", "--format", form, *argv)
        assert (status, out) == (1, "")
        assert err.startswith(message)
        assert err.count("\n") == 1


def test_a_binary_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"# Week 1\n\x00\x01")
    status, out, err = run(capsys, "check", "--notes", str(notes))
    assert (status, out) == (1, "")
    assert err == (
        f"course-notes: {notes}:2: a NUL byte; this is a binary file, not a text notes file\n"
    )


CORPUS = Path(__file__).parent / "corpus"


def model_figures(name: str) -> list[tuple[Any, ...]]:
    """Per week as the parser reads it: numbers, title, date label, (kind, done/total)s."""
    course = parse((CORPUS / name).read_text(encoding="utf-8"))
    return [
        (
            week.numbers,
            week.title,
            week.date_label,
            [(section.kind.name.lower(), str(section.progress)) for section in week.sections],
        )
        for week in course.weeks
    ]


# Totals of the corpus files, worked out by hand in test_corpus.py: (done, total, known,
# watched, unknown videos, diagnostics' lines).
CORPUS_TOTALS = {
    "algorithms.md": (25, 74, 73983, 40666, 1, [4, 4]),
    "cv.md": (16, 34, 25951, 16572, 0, []),
    "statistics.md": (14, 30, 1670, 1670, 0, [2]),
    "data-structures.md": (14, 27, 9141, 5925, 2, []),
    "machine-learning.md": (17, 25, 12570, 8670, 0, []),
}


def test_every_corpus_file_has_totals() -> None:
    # Files with hand-counted expectations (NAME.expected.json) are scored figure by figure
    # in test_corpus_figures.py.
    unscored = [p.name for p in CORPUS.glob("*.md") if not p.with_suffix(".expected.json").exists()]
    assert sorted(CORPUS_TOTALS) == sorted(unscored)


@pytest.mark.parametrize("name", sorted(CORPUS_TOTALS))
def test_corpus(capsys: pytest.CaptureFixture[str], name: str) -> None:
    data = check_json(capsys, "--notes", str(CORPUS / name))
    time = data["video_seconds"]
    assert (
        data["done"],
        data["total"],
        time["known"],
        time["watched"],
        time["unknown_videos"],
        [d["line"] for d in data["diagnostics"]],
    ) == CORPUS_TOTALS[name]
    # Each week as the parser reads it (test_corpus.py has those figures worked by hand).
    shown = [
        (
            tuple(week["numbers"]),
            week["title"],
            week["date_label"],
            [(s["kind"], f"{s['done']}/{s['total']}") for s in week["sections"]],
        )
        for week in data["weeks"]
    ]
    assert shown == model_figures(name)
    assert [week["page"] for week in data["weeks"]] == [
        f"week-{week['numbers'][0]}/" for week in data["weeks"]
    ]
    status, out, err = run(capsys, "check", "--notes", str(CORPUS / name), "--strict")
    assert (status, err) == (1 if CORPUS_TOTALS[name][-1] else 0, "")
    assert out.startswith(f"{data['title'] or '(no course title)'}\n{data['done']}/{data['total']}")


def task_boxes(html: str) -> tuple[int, int]:
    """(checked, all) task boxes in a page's content."""
    boxes = BeautifulSoup(html, "html.parser").select('input[type="checkbox"]')
    return sum(box.has_attr("checked") for box in boxes), len(boxes)


@st.composite
def weeks_of_tasks(draw: st.DrawFn) -> str:
    """Notes sure to have weeks, sections and tasks, nested ones among them."""
    lines = [draw(st.sampled_from(["", "# COMP3121 Algorithms"]))]
    task_lines = st.lists(
        st.one_of(forgiving_items(), items(), phrases.map(lambda phrase: "   " + phrase)),
        max_size=8,
    )
    # Tasks above the first week: the General page.
    lines += draw(st.just([]) | task_lines)
    for _ in range(draw(st.integers(1, 3))):
        lines.append(draw(week_headings()))
        for _ in range(draw(st.integers(0, 3))):
            lines.append(draw(section_headings()))
            lines += draw(task_lines)
    return "\n".join(lines) + "\n"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(notes=st.one_of(weeks_of_tasks(), weeks_of_tasks(), forgiving_notes(), notes_like()))
def test_the_counts_are_the_boxes_the_pages_show(notes: str, render_page: PageRenderer) -> None:
    # The figures `check` gives are the task boxes the week pages and the General page show,
    # week by week: each page rendered in-process through the site's Markdown and sanitiser.
    with tempfile.TemporaryDirectory() as folder:
        config = copy_project(Path(folder), notes)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["check", "-f", str(config), "--format", "json"])
        assert status == 0
        data = json.loads(out.getvalue())
        site = load_site(resolve(config), os.environ, history=False)
    pages = {paths.url(page.path): page.markdown for page in site.pages}
    done = total = 0
    for week in data["weeks"]:
        shown = task_boxes(render_page.html(pages[week["page"]]))
        assert shown == (week["done"], week["total"]), week
        done, total = done + shown[0], total + shown[1]
    if "general/" in pages:
        general = task_boxes(render_page.html(pages["general/"]))
        done, total = done + general[0], total + general[1]
    assert (done, total) == (data["done"], data["total"])


def test_the_documented_example_is_what_check_prints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = (ROOT / "docs" / "customising.md").read_text(encoding="utf-8")
    part = doc[doc.index("## Check how the notes were read") :]
    blocks = re.findall(r"```(markdown|text|json)\n(.*?)```", part, re.S)
    notes, outline, record = (text for _, text in blocks[:3])
    (tmp_path / "notes.md").write_text(notes, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "--notes", "notes.md") == (0, outline, "")
    assert check_json(capsys, "--notes", "notes.md") == json.loads(record)


def test_hostile_notes_print_as_inert_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    canary = tmp_path / "canary"
    canary.mkdir()
    notes = tmp_path / "notes.md"
    # The issue-9 payloads in every field, and terminal escapes: a title for the window, a
    # cleared screen, hidden text, the line above erased, a CSI in its one-byte form.
    escapes = "\x1b]0;owned\x07 \x1b[2J \x1b[8m hidden \x1b[1A\x1b[2K\x9b31m"
    notes.write_text(
        hostile_notes.hostile_notes(canary) + f"\n# Week 90: {escapes}\n## slides\n- {escapes}\n",
        encoding="utf-8",
    )
    for form in ("text", "json"):
        status, out, err = run(capsys, "check", "--notes", str(notes), "--format", form)
        assert (status, err) == (0, "")
        assert list(canary.iterdir()) == []
        assert re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out) is None
    # Shown escaped, in the JSON as in the text.
    assert (
        "\\u001b]0;owned\\u0007 \\u001b[2J \\u001b[8m hidden \\u001b[1A\\u001b[2K\\u009b31m" in out
    )
    outline = run(capsys, "check", "--notes", str(notes))[1]
    assert (
        "Week 90: \\x1b]0;owned\\x07 \\x1b[2J \\x1b[8m hidden \\x1b[1A\\x1b[2K\\x9b31m" in outline
    )


ALL_NOTES = sorted(CORPUS.rglob("*.md"))


@pytest.mark.parametrize("notes", ALL_NOTES[:: max(1, len(ALL_NOTES) // 12)], ids=lambda p: p.name)
def test_check_without_pages_says_what_the_whole_site_says(notes: Path) -> None:
    from course_notes.render import outline

    files = resolve(None, notes, None, None)
    whole = load_site(files, os.environ, history=False)
    light = load_site(files, os.environ, history=False, pages=False)
    label = files.label(files.notes)
    assert outline.outline(light.course, light.questions, label) == outline.outline(
        whole.course, whole.questions, label
    )
    # The pages are made only where a formula could be cut: notes with a dollar sign.
    assert bool(light.pages) is light.course.may_hold_math
