"""What users install: the wheel, the Pages workflow's own steps, a new project of their own.

Every test here uses the ``installed`` venv (conftest.py): the wheel built from the tracked
files and installed outside this repository, as GitHub's runner or a user gets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course_notes.read.notes import parse

from conftest import ROOT, SEED, read_html
from installed import (
    PACKAGE_SOURCE,
    Installed,
    clean_copy,
    fresh_project,
    run_workflow,
    tracked_files,
    wheel_files,
)

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_every_tracked_package_file_is_in_the_wheel(installed: Installed) -> None:
    # Modules and data alike: a data file needs a package-data pattern, a module folder an
    # __init__.py; either forgotten, the editable install works and the wheel does not.
    tracked = {
        path.removeprefix(PACKAGE_SOURCE)
        for path in tracked_files()
        if path.startswith(PACKAGE_SOURCE)
    }
    assert {"adapters/mkdocs/plugin.py", "render/mathml.py", "assets/course-notes.css"} <= tracked
    assert tracked - wheel_files(installed.wheel) == set()


def test_the_pages_workflow_publishes_the_site_from_a_fresh_clone(
    installed: Installed, tmp_path: Path
) -> None:
    checkout = clean_copy(tmp_path / "checkout")
    # The runner's python has no course-notes until the workflow installs it.
    installed.uninstall()
    try:
        [site] = run_workflow(installed, checkout, WORKFLOW)
        package = installed.package_file(checkout)
    finally:
        installed.reinstall()
    assert package.is_relative_to(installed.venv), package
    week = read_html(site, "week-1")
    badges = [" ".join(badge.get_text(" ").split()) for badge in week.select(".cn-badge")]
    assert "Videos 14/14" in badges
    # GITHUB_REPOSITORY reached hooks/site_url.py: the site's address is the Pages one.
    canonical = week.select_one("link[rel=canonical]")["href"]
    assert canonical == "https://owner.github.io/repo/week-1/"


# --- a new project of the user's own, the plugin its only configuration --------------------

RAW = ("[=", "{:", ":material-")


def page_text(soup: BeautifulSoup) -> str:
    for tag in soup.select("script, style"):
        tag.decompose()
    return soup.get_text(" ")


def raw_syntax(site: Path) -> dict[str, list[str]]:
    """The Markdown syntax left as text on each page of a site (none when all rendered)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        text = page_text(BeautifulSoup(page.read_text("utf-8"), "html.parser"))
        raw = [syntax for syntax in RAW if syntax in text]
        if raw:
            found[page.relative_to(site).as_posix()] = raw
    return found


def generated_pages(site: Path) -> list[str]:
    """The folders of the site's pages other than the home and 404 pages."""
    return sorted(page.parent.name for page in site.glob("*/index.html"))


def article(site: Path, page: str) -> str:
    """A page's content as HTML, without the permalink signs only this repository adds."""
    content = read_html(site, page).select_one("article")
    for link in content.select("a.headerlink"):
        link.decompose()
    return str(content)


def test_a_new_material_project_shows_the_same_pages_as_this_one(
    installed: Installed, seed_site: Path, tmp_path: Path
) -> None:
    project = fresh_project(tmp_path / "course")
    # The term this repository's mkdocs.yml sets: the same "behind" badges on both sites.
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("- course-notes:\n", "- course-notes:\n    term_start: 2026-11-09\n"), "utf-8"
    )
    site = installed.mkdocs_build(project)
    assert raw_syntax(site) == {}
    pages = generated_pages(site)
    assert {"week-1", "week-5", "readings", "faq"} <= set(pages)
    for page in pages:
        assert article(site, page) == article(seed_site, page), page


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_under_another_theme_the_pages_read_correctly_as_text(
    installed: Installed, tmp_path: Path, theme: str
) -> None:
    project = fresh_project(tmp_path / "course", theme)
    site = installed.mkdocs_build(project)
    assert raw_syntax(site) == {}
    main = read_html(site, "week-1").select_one("[role=main]")
    text = " ".join(page_text(main).split())
    for shown in ("Slides 3/3", "Exercises 0/5", "Week 19/28", "19/28 done (68%)"):
        assert shown in text
    [week] = [week for week in parse(SEED.read_text("utf-8")).weeks if week.number == 1]
    expected = [
        (" ".join(item.text.split()), item.done)
        for section in week.sections
        for item in section.items
    ]
    shown_items = [
        (" ".join(page_text(li).split()), li.select_one("input[type=checkbox]").has_attr("checked"))
        for li in main.select("li.task-list-item")
    ]
    assert [done for _, done in shown_items] == [done for _, done in expected]
    for (shown, _), (written, _) in zip(shown_items, expected, strict=True):
        assert written in shown
