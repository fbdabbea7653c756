"""build_site: every page, download, asset and nav entry of a course, derived once."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_notes.adapters.cli.main import main
from course_notes.adapters.core import placement
from course_notes.derive import questions
from course_notes.derive.site import build_site
from course_notes.read.notes import parse

from conftest import build_project, copy_project, git

SEED_PAGES = [f"week-{n}.md" for n in range(1, 7)] + ["readings.md", "faq.md"]


def test_the_seed_site_lists_its_pages_downloads_and_assets_once(seed_text: str) -> None:
    site = build_site(parse(seed_text))
    assert [page.path for page in site.pages] == SEED_PAGES
    assert [page.title for page in site.pages][-2:] == ["Readings", "FAQ"]
    assert list(site.downloads) == ["faq/questions.md", "faq/questions.txt"]
    assert list(site.assets) == ["assets/course-notes.css"]
    assert set(site.files()) == {"index.md", *SEED_PAGES, *site.downloads, *site.assets}
    assert set(site.files(home=False)) == set(SEED_PAGES) | set(site.downloads) | set(site.assets)


def test_the_nav_puts_the_weeks_together_then_the_other_pages(seed_text: str) -> None:
    site = build_site(
        parse("# week 2: Graphs\n- x\n# week 1: <i>\n## readings\n- r\n# Thoughts\nq?\n")
    )
    nav = placement.nav(site, "index.md", ["index.md", "about.md", "week-1.md"])
    assert nav == [
        "index.md",
        {"Weeks": [{"Week 1: &lt;i&gt;": "week-1.md"}, {"Week 2: Graphs": "week-2.md"}]},
        {"Readings": "readings.md"},
        {"FAQ": "faq.md"},
        "about.md",
    ]


def test_a_course_without_thoughts_or_readings_has_only_week_pages() -> None:
    site = build_site(parse("# week 1\n## exercises\n- a\n"))
    assert [page.path for page in site.pages] == ["week-1.md"]
    assert site.downloads == {}


def test_a_build_reads_the_thoughts_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    read = questions.read_questions

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(questions, "read_questions", counted)
    site = build_project(copy_project(tmp_path))
    assert (site / "faq" / "index.html").is_file()
    # The FAQ page, its two downloads, the home page's macros: one reading of the Thoughts.
    assert len(calls) == 1


def served_files(config_file: Path) -> dict[str, bytes]:
    """What the plugin hands MkDocs for a config: every generated file, by path, as bytes."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    served = {}
    for file in files:
        if file.generated_by is not None and file.generated_by.startswith("course-notes"):
            served[file.src_uri] = file.content_bytes
    return served


def test_export_writes_exactly_the_files_the_plugin_serves(tmp_path: Path) -> None:
    # A dated course (term_start in this repository's mkdocs.yml): export once wrote no
    # calendar, no script and no panel, while the build had all three.
    (tmp_path / "project").mkdir()
    config = copy_project(tmp_path / "project")
    (config.parent / "docs" / "index.md").unlink()  # the generated home page, with the panel
    # In git, with a history: the home page has the burn-up chart too.
    project = config.parent
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "seeds/notes.md")
    git(project, "commit", "-q", "-m", "start", when="2026-11-10T09:00:00")
    notes = project / "seeds" / "notes.md"
    notes.write_text(notes.read_text("utf-8") + "- one more\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "more", when="2026-11-20T09:00:00")
    assert main(["export", str(tmp_path / "out"), "-f", str(config)]) == 0
    written = {
        path.relative_to(tmp_path / "out").as_posix(): path.read_bytes()
        for path in (tmp_path / "out").rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }
    served = served_files(config)
    assert {"calendar.ics", "assets/course-notes.js", "index.md"} <= set(written)
    assert set(written) == set(served)
    for path, content in written.items():
        assert content == served[path], path
    assert b'class="cn-now"' in written["index.md"]
    assert b"Progress over time" in written["index.md"]
