"""Derive, once, everything a course becomes: pages, downloads, nav, assets, readings, questions.

The one place that decides which files a notes file makes and what they are called: the MkDocs
plugin and the command line only hand a ``Site`` to their host (MkDocs' files, a folder).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import assets, questions, readings, render, render_faq
from .markup import html_text
from .model import Course, QuestionList, ReadingList, Reference, References, Topic

# The home page's path: MkDocs serves docs/index.md at the site's root.
HOME = "index.md"


@dataclass(frozen=True)
class Page:
    """A generated page: its path in the docs folder, its title as written, its Markdown."""

    path: str
    title: str
    markdown: str
    week: bool = False
    """True for a week's page: the nav lists those under *Weeks*."""


@dataclass
class Site:
    """What a course becomes, derived once: the adapters serve or write it as it is."""

    course: Course
    references: References = field(default_factory=References)
    reading_list: ReadingList = field(default_factory=ReadingList)
    questions: QuestionList = field(default_factory=QuestionList)
    pages: list[Page] = field(default_factory=list)
    """In nav order: the weeks, then readings, general and FAQ when the notes have them."""
    downloads: dict[str, str] = field(default_factory=dict)
    """Files served byte for byte (the FAQ's lists), by path."""
    assets: dict[str, str] = field(default_factory=dict)
    """Static files the pages need (the stylesheet), by path."""
    home: Page | None = None
    """A home page (title, intro, progress, weeks) for a site whose docs have none."""

    @property
    def page_paths(self) -> set[str]:
        """The docs paths of the generated pages."""
        return {page.path for page in self.pages}

    def files(self, home: bool = True) -> dict[str, str]:
        """Every file by path: pages (the home page too, if ``home``), downloads and assets."""
        pages = [self.home, *self.pages] if home and self.home else self.pages
        return {
            **{page.path: page.markdown for page in pages},
            **self.downloads,
            **self.assets,
        }

    def nav(self, home: str | None = None, others: Sequence[str] = ()) -> list[Any]:
        """MkDocs' nav: the home page, *Weeks*, the other generated pages, then ``others``.

        Titles are escaped for HTML: themes write nav titles into the page as they are.
        """
        nav: list[Any] = [home] if home else []
        weeks = [{html_text(page.title): page.path} for page in self.pages if page.week]
        if weeks:
            nav.append({"Weeks": weeks})
        nav += [{html_text(page.title): page.path} for page in self.pages if not page.week]
        nav += sorted(path for path in others if path not in self.page_paths and path != home)
        return nav


def build_site(
    course: Course, references: References | None = None, topics: Sequence[Topic] = ()
) -> Site:
    """Derive the site of a course: each piece made once, in the order pages need them."""
    known = references or References()
    reading_list = readings.reading_list(course, known)
    # The Thoughts are read here and nowhere else: the FAQ page, its downloads and the
    # macros' `questions` all use this one list.
    faq = questions.read_questions(course.thoughts, topics)
    cited = _citations(reading_list)
    pages = [
        Page(render.page_path(week), week.name, render.render_week(week, cited), week=True)
        for week in course.weeks
    ]
    if readings.has_readings(course):
        pages.append(Page("readings.md", "Readings", render.render_readings(reading_list)))
    if course.general:
        pages.append(Page("general.md", "General", render.render_general(course.general, cited)))
    downloads: dict[str, str] = {}
    if course.thoughts_line:
        pages.append(Page("faq.md", "FAQ", render_faq.render_faq(faq)))
        markdown, text = render_faq.FAQ_DOWNLOADS
        downloads = {markdown: questions.as_markdown(faq.open), text: questions.as_text(faq.open)}
    links = [(page.title, page.path) for page in pages if not page.week]
    home = Page(HOME, course.title or render.UNTITLED, render.render_home(course, links))
    return Site(
        course=course,
        home=home,
        references=known,
        reading_list=reading_list,
        questions=faq,
        pages=pages,
        downloads=downloads,
        assets={assets.STYLESHEET: assets.stylesheet()},
    )


def _citations(reading_list: ReadingList) -> dict[int, Reference]:
    # Each reading line's reference, by its line number, as the reading list matched it:
    # the week pages cite without looking the title up again.
    return {
        assignment.reading.line: reading.reference
        for reading in reading_list
        if reading.reference is not None
        for assignment in reading.assignments
    }
