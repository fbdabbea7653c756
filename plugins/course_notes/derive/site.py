"""Derive, once, everything a course becomes: pages, downloads, nav, assets, readings, questions.

The one place that decides which files a notes file makes and what they are called: the MkDocs
plugin and the command line only hand a ``Site`` to their host (MkDocs' files, a folder).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..i18n import ENGLISH, Language
from ..model import (
    Burnup,
    Course,
    Diagnostic,
    HistoryPoint,
    Now,
    QuestionList,
    ReadingList,
    Reference,
    References,
    Schedule,
    Topic,
    Week,
    paths,
)
from ..render import assets, exports, mathml
from ..render import calendar as ics
from ..render import chart as render_chart
from ..render import faq as render_faq
from ..render import now as render_now
from ..render import pages as render
from . import questions, readings, schedule


@dataclass(frozen=True)
class Term:
    """What places the course in time: the first day of week 1, if set, and today's date."""

    start: datetime.date | None
    today: datetime.date
    history: Sequence[HistoryPoint] | None = None
    """The notes' history from git, oldest first; None when there is none to read."""
    name: str = "Course"
    """The calendar's name (the site's)."""


@dataclass(frozen=True)
class Page:
    """A generated page: its path in the docs folder, its title as written, its Markdown."""

    path: str
    title: str
    markdown: str
    week: bool = False
    """True for a week's page: the nav lists those under *Weeks*."""


@dataclass(frozen=True)
class WeekRender:
    """A week page as rendered, and what it was rendered from."""

    week: Week
    cited: dict[int, Reference]
    extra: tuple[str, ...]
    markdown: str
    cut: tuple[Diagnostic, ...]
    language: Language = ENGLISH


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
    """Static files the pages need (the stylesheet; the script when the course has dates)."""
    schedule: Schedule | None = None
    """The course in the calendar, when ``term_start`` or a dated heading places it."""
    today: datetime.date | None = None
    """The day the build takes as today: the panel's state without JavaScript."""
    burnup: Burnup | None = None
    """Progress over time, when the notes have a git history and the course has dates."""
    now: Now | None = None
    """What is on at the start of ``today``: the week, overdue, behind, next due."""
    home: Page | None = None
    """A home page (title, intro, progress, weeks) for a site whose docs have none."""
    language: Language = ENGLISH
    """The language the pages are written in (``theme.language`` or the plugin's option)."""
    week_renders: dict[str, WeekRender] = field(default_factory=dict, repr=False, compare=False)
    """Each week page's Markdown with what it was made from: a build given this site as
    ``previous`` renders again only the weeks whose inputs changed."""

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


def build_site(
    course: Course,
    references: References | None = None,
    topics: Sequence[Topic] = (),
    term: Term | None = None,
    *,
    lecturer_email: str = "",
    previous: Site | None = None,
    pages: bool = True,
    language: Language = ENGLISH,
) -> Site:
    """Derive the site of a course: each piece made once, in the order pages need them.

    With a ``term`` whose start or a dated heading places the course in the calendar, the
    site also gets the calendar, the "behind" badges, the script and the burn-up data.
    ``lecturer_email`` is where the FAQ's email link writes to (the plugin's option).
    ``previous``, the site of an earlier build of the same course (while serving), lends
    the week pages whose inputs have not changed. Without ``pages`` (``check``), the site
    holds the course and its questions only, unless the notes may hold math: rendering
    the pages is what finds a formula their budget cuts, which ``check`` reports.
    ``language`` writes every page, download and the calendar in its words and dates; where
    the notes name no unit word of their own (``W3``), the units get the language's word.
    """
    lang = language
    localise(course, lang)
    if not pages and not course.may_hold_math:
        # Rendering every page was two fifths of `check` on 10 MB of notes (1.7x reading).
        faq = questions.read_questions(course.thoughts, topics)
        return Site(
            course=course, references=references or References(), questions=faq, language=lang
        )
    known = references or References()
    placed = schedule.schedule(course, term.start, term.today) if term else None
    state = schedule.now(placed, schedule.start_of(term.today)) if placed and term else None
    behind: dict[int, str] = {}
    if placed is not None and term is not None:
        behind = {
            dated.week.number: render_now.behind_badge(dated, term.today, lang)
            for dated in placed.weeks
        }
    reading_list = readings.reading_list(course, known)
    # The Thoughts are read here and nowhere else: the FAQ page, its downloads and the
    # macros' `questions` all use this one list.
    faq = questions.read_questions(course.thoughts, topics)
    cited = _citations(reading_list)
    cut: list[Diagnostic] = []
    renders = {}
    pages = []
    for week in course.weeks:
        path = paths.week_page(week)
        extra = _extra(behind.get(week.number))
        made = previous.week_renders.get(path) if previous is not None else None
        # Served, a save re-renders only the weeks it changed: an equal week, cited and
        # badged alike, gives the same page (comparing costs a fiftieth of rendering).
        if made is None or (made.week, made.extra, made.cited, made.language) != (
            week,
            extra,
            cited,
            lang,
        ):
            own: list[Diagnostic] = []
            markdown = _budgeted(
                functools.partial(render.render_week, week, cited, extra, lang), week.line, own
            )
            made = WeekRender(week, cited, extra, markdown, tuple(own), lang)
        cut.extend(made.cut)
        renders[path] = made
        pages.append(Page(path, week.name, made.markdown, week=True))
    if readings.has_readings(course):
        markdown = _budgeted(lambda: render.render_readings(reading_list, lang), 0, cut)
        pages.append(Page(paths.READINGS, render.readings_title(lang), markdown))
    if course.general:
        markdown = _budgeted(lambda: render.render_general(course.general, cited, lang), 0, cut)
        pages.append(Page(paths.GENERAL, render.general_title(lang), markdown))
    downloads: dict[str, str] = {}
    if course.thoughts_line:
        faq_page = _budgeted(
            lambda: render_faq.render_faq(faq, course.title, lecturer_email, lang),
            course.thoughts_line,
            cut,
        )
        pages.append(Page(paths.FAQ, render_faq.faq_title(lang), faq_page))
        markdown, text = paths.FAQ_DOWNLOADS
        downloads = {
            markdown: exports.as_markdown(faq.open, lang),
            text: exports.as_text(faq.open, lang),
        }
    site_assets = {paths.STYLESHEET: assets.stylesheet()}
    chart = None
    panels: list[str] = []
    if placed is not None and term is not None and state is not None:
        downloads[paths.CALENDAR] = ics.calendar(placed, term.name, term.today, course.title, lang)
        site_assets[paths.SCRIPT] = assets.script()
        chart = _burnup(course, placed, term)
        # The generated home page gets what the macros give a home page of one's own.
        panels = [
            render_now.now_panel(placed, state, lang=lang),
            render_now.calendar_link(paths.CALENDAR, lang=lang),
            render_chart.burnup(chart, placed, term.today, lang=lang) if chart else "",
        ]
    links = [(page.title, page.path) for page in pages if not page.week]
    home_page = _budgeted(
        lambda: render.render_home(
            course, links, behind, [panel for panel in panels if panel], lang
        ),
        course.title_line,
        cut,
    )
    home = Page(paths.HOME, course.title or render.untitled(lang), home_page)
    if cut:
        # Said with the reading's own diagnostics: `check` and the build show them all.
        course.diagnostics.extend(cut)
    return Site(
        course=course,
        home=home,
        references=known,
        reading_list=reading_list,
        questions=faq,
        pages=pages,
        downloads=downloads,
        assets=site_assets,
        schedule=placed,
        today=term.today if term else None,
        burnup=chart,
        now=state,
        week_renders=renders,
        language=lang,
    )


def localise(course: Course, lang: Language) -> None:
    """Name the units in ``lang``'s word where the notes give none of their own (``W3``).

    The student's own word (``Module``, ``Woche``, ``Week``) always wins: it is what the
    notes say. Done once per course read, before any page or name is made from it.
    """
    if course.unit_word_given or lang.code == ENGLISH.code:
        return
    word = lang.pgettext("unit", "Week")
    course.unit_word, course.unit_form = word, "{word} {number}"
    course.units_word = lang.pgettext("unit", "Weeks")
    for week in course.weeks:
        week.word, week.form = word, course.unit_form


def _budgeted(render_page: Callable[[], str], line: int, cut: list[Diagnostic]) -> str:
    """A page rendered with its own math budget; a diagnostic when math showed as written."""
    with mathml.page_budget() as budget:
        markdown = render_page()
    if budget.cut:
        cut.append(
            Diagnostic(
                line,
                f"{budget.refused + budget.too_big} formulas on this page show as written: a "
                f"page converts at most {mathml.PAGE_LATEX:,} characters of LaTeX, a formula "
                f"becomes at most {mathml.MAX_MATHML:,} of MathML (split the page or the "
                "formula)",
            )
        )
    return markdown


def _extra(badge: str | None) -> tuple[str, ...]:
    return (badge,) if badge else ()


def _burnup(course: Course, placed: Schedule, term: Term) -> Burnup | None:
    # The history's points, and the notes as they are now when that differs from the last
    # commit (edited, not committed yet).
    if term.history is None or not term.history:
        return None
    points = [point for point in term.history if point.when <= term.today]
    if not points:
        return None
    progress = course.progress
    last = points[-1]
    if (last.done, last.total) != (progress.done, progress.total):
        points.append(HistoryPoint(max(term.today, last.when), progress.done, progress.total))
    return Burnup(points, schedule.projection(points, placed, term.today))


def _citations(reading_list: ReadingList) -> dict[int, Reference]:
    # Each reading line's reference, by its line number, as the reading list matched it:
    # the week pages cite without looking the title up again.
    return {
        assignment.reading.line: reading.reference
        for reading in reading_list
        if reading.reference is not None
        for assignment in reading.assignments
    }
