"""`mkdocs serve --dirty`: a tick rebuilds the pages that show it, and nothing is lost.

MkDocs builds again only the pages whose files changed; the plugin tells it which of its
pages changed (and which of the site's own may show the course through the macros), and
keeps Material's search index whole across such builds.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from course_notes.model import Week
from course_notes.render import pages

from conftest import SEED, read_html

UNTICKED, TICKED = "  - pytorch (52:49) \n", "  - pytorch (52:49) 🗸\n"


def project(folder: Path) -> Path:
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text(
        "# Home\n\n{{ course.progress.done }} done.\n", encoding="utf-8"
    )
    (folder / "docs" / "about.md").write_text("# About\n\nNo macros here.\n", encoding="utf-8")
    (folder / "docs" / "syntax.md").write_text(
        "---\nrender_macros: false\n---\n\n# Syntax\n\n`{{ course.title }}` shows as written.\n",
        encoding="utf-8",
    )
    (folder / "notes.md").write_bytes(SEED.read_bytes())
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Dirty\ntheme: {name: material}\n"
        "plugins:\n  - search\n  - course-notes: {notes: notes.md}\n  - macros\n",
        encoding="utf-8",
    )
    return config


@contextmanager
def dirty_server(config: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], set[str]]]:
    """Builds as `mkdocs serve --dirty` runs them, each returning the pages it rendered."""
    site = config.parent / "site"
    rendered: list[str] = []
    render = Page.render

    def counted(page: Page, *args: object, **options: object) -> None:
        rendered.append(page.file.src_uri)
        render(page, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Page, "render", counted)
    render_week = pages.render_week

    def counted_week(week: Week, *args: object) -> str:
        rendered.append(f"render_week {week.number}")
        return render_week(week, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "render_week", counted_week)
    first = load_config(str(config), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=True)

    def rebuild() -> set[str]:
        rendered.clear()
        built = load_config(str(config), site_dir=str(site))
        build(built, serve_url="http://127.0.0.1:8000/", dirty=True)
        return set(rendered)

    try:
        yield rebuild
    finally:
        first.plugins.on_shutdown()


def search_locations(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return [entry["location"] for entry in index["docs"]]


def videos_badge(site: Path) -> str:
    badges = read_html(site, "week-2").select(".cn-badge")
    return next(b.get_text(" ", strip=True) for b in badges if "Videos" in b.get_text())


def test_a_tick_rebuilds_its_week_and_the_pages_that_count_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = project(tmp_path)
    notes = tmp_path / "notes.md"
    text = notes.read_text("utf-8")
    assert UNTICKED in text
    site = tmp_path / "site"
    with dirty_server(config, monkeypatch) as rebuild:
        everything = rebuild()
        assert {"index.md", "about.md", "week-1.md", "week-2.md", "faq.md"} <= everything
        assert {"render_week 1", "render_week 2"} <= everything
        whole_index = sorted(search_locations(site))
        assert videos_badge(site) == "Videos 6/7"
        done = read_html(site, ".").select_one("article").get_text()  # type: ignore[union-attr]

        notes.write_text(text.replace(UNTICKED, TICKED), encoding="utf-8")
        # Week 2 shows the tick, derived and rendered again; the home page counts it
        # through the macros. Not the other weeks, not a page of the site's own without
        # macros or with them turned off.
        assert rebuild() == {"render_week 2", "week-2.md", "index.md"}
        assert videos_badge(site) == "Videos 7/7"
        assert read_html(site, ".").select_one("article").get_text() != done  # type: ignore[union-attr]
        # The search index still holds every page, each section once.
        assert sorted(search_locations(site)) == whole_index

        # Saved again unchanged: nothing to build.
        notes.write_text(text.replace(UNTICKED, TICKED), encoding="utf-8")
        assert rebuild() == set()
        assert sorted(search_locations(site)) == whole_index

        # A new week changes every page's nav: all built again.
        notes.write_text(text + "\n# Week 9\n## exercises\n- [ ] new\n", encoding="utf-8")
        again = rebuild()
        assert {"week-1.md", "week-9.md", "about.md", "syntax.md", "index.md"} <= again
        assert "week-9/" in {location.split("#")[0] for location in search_locations(site)}


def test_an_edit_to_mkdocs_yml_builds_every_page_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = project(tmp_path)
    with dirty_server(config, monkeypatch) as rebuild:
        rebuild()
        assert rebuild() == set()
        config.write_text(config.read_text("utf-8").replace("Dirty", "Renamed"), "utf-8")
        again = rebuild()
    assert {"week-1.md", "week-2.md", "about.md", "index.md"} <= again
    title = read_html(tmp_path / "site", "week-1").title
    assert title is not None and title.get_text().endswith("Renamed")


def test_a_dirty_serve_does_not_warn_at_each_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = project(tmp_path)
    with dirty_server(config, monkeypatch) as rebuild:
        rebuild()
        rebuild()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_the_server_s_end_gives_back_mkdocs_own_dirty_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = project(tmp_path)
    with dirty_server(config, monkeypatch) as rebuild:
        rebuild()
    # MkDocs keeps the plugin for the whole process; once the server stops, a dirty build
    # (`mkdocs build --dirty`) gets MkDocs' own warning, which only `serve` made pointless.
    caplog.clear()
    build(load_config(str(config), site_dir=str(tmp_path / "site")), dirty=True)
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(message.startswith("A 'dirty' build is being performed") for message in warned)
    assert videos_badge(tmp_path / "site") == "Videos 6/7"


def test_serve_rebuilds_reuse_the_compiled_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = project(tmp_path)
    with dirty_server(config, monkeypatch) as rebuild:
        rebuild()
        plugin = load_config(str(config)).plugins["course-notes"]
        cache = plugin.templates  # type: ignore[attr-defined]
        compiled = len(cache.store)
        assert compiled > 10 and cache.hits == 0
        rebuild()
        # The second build compiled nothing: each template it used came from the first.
        assert cache.hits > 10 and len(cache.store) == compiled
