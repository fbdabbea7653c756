"""The generated files a host adds beside the site's own docs, and the nav: one rule for all."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...derive.site import Site
from ...errors import CourseNotesError
from ...render.escape import html_text


class CollisionError(CourseNotesError):
    """A file of the site's own docs has the path of a generated page or download."""


@dataclass(frozen=True)
class Placement:
    """The generated files a host serves, by path: pages, downloads, assets."""

    pages: dict[str, str] = field(default_factory=dict)
    """Pages to render: the weeks, readings, general and FAQ, and the home page if placed."""
    downloads: dict[str, str] = field(default_factory=dict)
    """Files served as written (the FAQ's lists, the calendar)."""
    assets: dict[str, str] = field(default_factory=dict)
    """The stylesheet and script, less those the site's own docs provide."""
    home: bool = False
    """Whether the generated home page is among ``pages`` (the docs have none of their own)."""


def place(site: Site, own: Collection[str], notes: str) -> Placement:
    """The files to add to a docs folder holding ``own``; CollisionError if one is taken.

    A page or download of the site's own with a generated one's path stops the build: which
    one the reader would get is no choice to make silently. The home page and the assets
    are the exceptions: a site's own ``index.md`` or edited stylesheet wins.
    """
    pages = {page.path: page.markdown for page in site.pages}
    for path in [*pages, *site.downloads]:
        if path in own:
            raise CollisionError(
                f"docs/{path} already exists and the notes file {notes} generates a file at "
                f"the same path; rename or remove docs/{path}"
            )
    home = site.home is not None and site.home.path not in own
    if home and site.home is not None:
        pages = {site.home.path: site.home.markdown, **pages}
    assets = {path: text for path, text in site.assets.items() if path not in own}
    return Placement(pages, dict(site.downloads), assets, home)


# Past this many weeks the nav groups them by ten ("Weeks 11–20"): a long flat list is hard
# to find a week in, and Material writes the whole nav into every page, so that with every
# week in it the pages' nav grew as weeks squared (11% of a build at 200 weeks, 40% at
# 1,000). Grouped, with Material's navigation.prune, a page carries its own group only.
GROUP_ABOVE = 30
GROUP_SIZE = 10


def _grouped(site: Site, weeks: list[Any]) -> list[Any]:
    """The weeks' nav entries in sections of ten, each named by its first and last week."""
    numbers = [week.number for week in site.course.weeks]
    name = html_text(site.course.units_name)
    groups = []
    for start in range(0, len(weeks), GROUP_SIZE):
        last = numbers[min(start + GROUP_SIZE, len(numbers)) - 1]
        groups.append({f"{name} {numbers[start]}\u2013{last}": weeks[start : start + GROUP_SIZE]})
    return groups


def nav(site: Site, home: str | None = None, others: Sequence[str] = ()) -> list[Any]:
    """The nav, as mkdocs.yml writes it: the home page, *Weeks*, the other generated pages, then
    ``others`` (the site's own pages, by path). More than ``GROUP_ABOVE`` weeks are grouped
    by ten within *Weeks*.

    Titles are escaped for HTML: themes write nav titles into the page as they are.
    """
    listed: list[Any] = [home] if home else []
    weeks: list[Any] = [{html_text(page.title): page.path} for page in site.pages if page.week]
    if len(weeks) > GROUP_ABOVE:
        weeks = _grouped(site, weeks)
    if weeks:
        listed.append({html_text(site.course.units_name): weeks})
    listed += [{html_text(page.title): page.path} for page in site.pages if not page.week]
    listed += sorted(path for path in others if path not in site.page_paths and path != home)
    return listed
