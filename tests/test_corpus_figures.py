"""Notes written blind by other students, scored against the figures they counted by hand.

Each ``tests/corpus/**/NAME.md`` with a ``NAME.expected.json`` beside it gives one test per
figure, as ``../shared/tools/corpus_score.py`` scores them through the command line: the
title, the number of units, each unit's (total, done), the video time known and watched, the
number of questions and of answered ones, and the number of distinct reading works. The
shared corpus (``tests/corpus/*.md``) was copied unchanged; ``fresh/`` and ``fresh2/`` were
written for this reader by helpers who never saw its code, each with a ``.counting.md``
saying how they counted.

A figure the reader does not get yet is listed in ``MISSES`` with why; such a test is an
expected failure that must fail (strict), so a fix shows up as a test to move.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from course_notes.adapters.cli.main import main

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = sorted(CORPUS.rglob("*.expected.json"))

# (file, figure): why the reader does not get it yet.
MISSES: dict[tuple[str, str], str] = {
    ("torts_law.md", "reading works"): (
        "'Smith, Torts (9th ed)' and 'Smith on Torts' are one book; joining an author's two "
        "titles by a shared word also joined 'Deep Learning' with 'Deep Learning in Neural "
        "Networks' in the seed, so it was left out (references.yml aliases join them)"
    ),
}


def _run(*argv: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(list(argv))
    return json.loads(out.getvalue())


def _figures(notes: Path) -> dict[str, object]:
    """What the command line reports, as corpus_score.py reads it."""
    check = _run("check", "--notes", str(notes), "--format", "json")
    questions = _run("questions", "--notes", str(notes), "--format", "json")
    readings = _run("readings", "--notes", str(notes), "--format", "json")
    figures: dict[str, object] = {
        "title": (check.get("title") or "").strip().lower(),
        "units": len(check["weeks"]),
        "video known": check["video_seconds"]["known"],
        "video watched": check["video_seconds"]["watched"],
        "questions": len(questions),
        "answered": sum(1 for question in questions if question.get("answer")),
        "reading works": len(readings),
    }
    for index, week in enumerate(check["weeks"], start=1):
        figures[f"unit {index}"] = (week["total"], week["done"])
    return figures


def _expected(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    weeks = data.get("weeks", [])
    figures: dict[str, object] = {
        "title": (data.get("title") or "").strip().lower(),
        "units": len(weeks),
        "video known": sum(week.get("video_seconds", 0) for week in weeks),
        "video watched": sum(week.get("video_seconds_done", 0) for week in weeks),
        "questions": len(data.get("questions", [])),
        "answered": sum(1 for question in data.get("questions", []) if question.get("answered")),
        "reading works": data.get("reading_works", 0),
    }
    for index, week in enumerate(weeks, start=1):
        figures[f"unit {index}"] = (week["total"], week["done"])
    return figures


def _cases() -> list[object]:
    cases = []
    for path in EXPECTED:
        notes = path.with_name(path.name.removesuffix(".expected.json") + ".md")
        for figure in _expected(path):
            marks = []
            why = MISSES.get((notes.name, figure))
            if why:
                marks.append(pytest.mark.xfail(reason=why, strict=True))
            name = f"{notes.relative_to(CORPUS)}:{figure}"
            cases.append(pytest.param(notes, figure, marks=marks, id=name))
    return cases


_SEEN: dict[Path, dict[str, object]] = {}


def _figures_of(notes: Path) -> dict[str, object]:
    if notes not in _SEEN:
        _SEEN[notes] = _figures(notes)
    return _SEEN[notes]


@pytest.mark.parametrize(("notes", "figure"), _cases())
def test_figure(notes: Path, figure: str) -> None:
    want = _expected(notes.with_name(notes.name.removesuffix(".md") + ".expected.json"))[figure]
    have = _figures_of(notes).get(figure)
    if figure == "title":
        # As corpus_score.py: the first twelve characters of either found in the other.
        assert isinstance(have, str) and isinstance(want, str)
        assert bool(have) == bool(want)
        assert not want or want[:12] in have or have[:12] in want
    elif figure.startswith("video"):
        assert isinstance(have, int) and abs(have - int(want)) <= 2  # type: ignore[call-overload]
    else:
        assert have == want


def test_the_corpus_scores_at_least_ninety_five_percent() -> None:
    # The bar on the shared files, and the goal on files written blind.
    have = total = 0
    for path in EXPECTED:
        notes = path.with_name(path.name.removesuffix(".expected.json") + ".md")
        expected, figures = _expected(path), _figures_of(notes)
        for figure, want in expected.items():
            total += 1
            got = figures.get(figure)
            if figure == "title":
                have += bool(got) == bool(want) and (
                    not want or str(want)[:12] in str(got) or str(got)[:12] in str(want)
                )
            elif figure.startswith("video"):
                have += isinstance(got, int) and abs(got - int(want)) <= 2  # type: ignore[call-overload]
            else:
                have += got == want
    assert have / total >= 0.9, f"{have}/{total}"
