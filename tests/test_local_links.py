"""Relative links in the notes: linked when the docs folder has the file, else shown as written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from course_notes.io.config import CourseSettings
from course_notes.io.links import MAX_LOOKUPS, local_path, unlink_missing
from course_notes.io.load import load_site
from course_notes.model.inline import unlinked
from course_notes.read.notes import parse

from conftest import read_html


@pytest.mark.parametrize(
    ("address", "path"),
    [
        ("files/L1%20Intro.pdf", "files/L1 Intro.pdf"),
        ("./files/a.pdf#page=2", "files/a.pdf"),
        ("notes/../b.pdf?download=1", "b.pdf"),
        ("../outside.pdf", "../outside.pdf"),
        ("week-2.md", "week-2.md"),
        ("https://example.org/a.pdf", None),
        ("mailto:prof@example.org", None),
        ("#part", None),
        ("/absolute.pdf", None),
        ("//host/x.pdf", None),
        ("", None),
    ],
)
def test_the_file_a_link_names(address: str, path: str | None) -> None:
    assert local_path(address) == path


def test_unlinked_escapes_only_the_named_links() -> None:
    text = "[a](x.pdf) and [b](y.pdf) and https://example.org/x.pdf"
    assert (
        unlinked(text, {"x.pdf"}) == "\\[a\\](x.pdf) and [b](y.pdf) and https://example.org/x.pdf"
    )
    assert unlinked(text, set()) == text


NOTES = """# Course

See [outline](files/outline.pdf) and [missing](files/gone.pdf).

## Week 1

### Slides
- [x] [L1](files/L1%20Intro.pdf) and [next week](week-2.md)
- [ ] [secret](../secret.txt), [site](https://example.org/a.pdf), [part](#slides)

| File | Link |
| --- | --- |
| sheet | [sheet 1](files/sheet1.pdf) |

## Week 2

### Slides
- [ ] [L2](files/L2.pdf)

## Questions
- why is [this](files/q.pdf) here?
"""


def _settings(tmp_path: Path) -> CourseSettings:
    docs = tmp_path / "docs"
    (docs / "files").mkdir(parents=True)
    for name in ("outline.pdf", "L1 Intro.pdf"):
        (docs / "files" / name).write_text("pdf", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the site", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    return CourseSettings(notes, root=tmp_path, docs=docs)


def test_links_to_missing_files_are_text_and_each_is_named(tmp_path: Path) -> None:
    course = load_site(_settings(tmp_path), {}, history=False).course
    assert course.intro[0].text == (
        "See [outline](files/outline.pdf) and \\[missing\\](files/gone.pdf)."
    )
    first, second = course.weeks[0].sections[0].items
    assert first.text == "[L1](files/L1%20Intro.pdf) and [next week](week-2.md)"
    # Outside the docs folder is never linked, even where a file is.
    assert second.text.startswith("\\[secret\\](../secret.txt), [site](https://")
    assert second.text.endswith("[part](#slides)")
    assert course.weeks[1].sections[0].items[0].text == "\\[L2\\](files/L2.pdf)"
    assert "\\[this\\](files/q.pdf)" in course.thoughts[0].text
    assert course.weeks[0].sections[0].entries[2].lines[2] == (
        "| sheet | \\[sheet 1\\](files/sheet1.pdf) |"
    )
    named = [(d.line, d.message.split("'")[1]) for d in course.diagnostics]
    assert named == [
        (3, "files/gone.pdf"),
        (9, "../secret.txt"),
        (13, "files/sheet1.pdf"),
        (18, "files/L2.pdf"),
        (21, "files/q.pdf"),
    ]
    assert course.diagnostics[0].message.endswith(
        "put the file at docs/files/gone.pdf, or link a full https:// address"
    )


def test_without_a_docs_folder_links_stay_as_written(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    course = load_site(CourseSettings(notes), {}, history=False).course
    assert course.weeks[1].sections[0].items[0].text == "[L2](files/L2.pdf)"
    assert course.diagnostics == []


def test_lookups_are_bounded(tmp_path: Path) -> None:
    lines = "".join(f"- [ ] [f{n}](f{n}.pdf)\n" for n in range(MAX_LOOKUPS + 5))
    course = parse("# Week 1\n" + lines)
    (tmp_path / "f1.pdf").write_text("x", encoding="utf-8")
    (tmp_path / f"f{MAX_LOOKUPS + 2}.pdf").write_text("x", encoding="utf-8")
    unlink_missing(course, tmp_path, "docs")
    items = course.weeks[0].items
    assert items[1].text == "[f1](f1.pdf)"
    # Past the bound, a file that is there is shown as written too.
    assert items[MAX_LOOKUPS + 2].text.startswith("\\[")


def test_a_notion_export_builds_strict_with_its_attachments_as_text(
    build_site: Callable[..., Path],
) -> None:
    notes = (
        "# Marine Ecology\n\n## Week 1 — Intro\n\n### Lecture\n"
        "- [x] [L1 Intro.pdf](BIOL2140%20Marine%20Ecology%2068a1f0/L1%20Intro.pdf)\n"
    )
    site = build_site(notes)
    shown = read_html(site, "week-1").select_one("article li").get_text()
    assert "[L1 Intro.pdf](BIOL2140%20Marine%20Ecology%2068a1f0/L1%20Intro.pdf)" in shown
    # build_site builds strict: a warning for the link would have stopped it.
    assert read_html(site, "week-1").select_one("article li a") is None
