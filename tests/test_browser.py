"""What a user does with the published site, in a real Chromium driven by Playwright.

The site is the seed's, built for and served under a GitHub project-page subpath
(``http://127.0.0.1:PORT/repo/``, see ``pages_site``). Every test fails on a console error,
an uncaught page error, or any request to a host other than 127.0.0.1.
"""

from __future__ import annotations

import datetime
import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Request,
    expect,
    sync_playwright,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from course_notes import language
from course_notes.derive.questions import read_questions
from course_notes.io.notes import read_topics
from course_notes.model import QuestionList
from course_notes.read.notes import parse

from conftest import TOPICS, HostileSite, build_project, copy_project
from installed import fresh_project
from support.siteserver import serve

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
# Schemes that never leave the page: inline icons, object URLs.
LOCAL_SCHEMES = {"data", "blob", "about"}
# axe-core's run on a page it was injected into, as axe-playwright-python runs it.
AXE_RUN = 'axe.run(document, {"resultTypes": ["violations"]})'
# Any address but the local server's and those schemes.
OUTSIDE = re.compile(r"^(?!(?:https?|wss?)://127\.0\.0\.1(?:[:/]|$))(?!(?:data|blob|about):)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium; never a downloaded one. In CI its absence is a failure, not a skip."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set: the browser tests must run, but {message}")
        pytest.skip(f"browser tests skipped outside CI: {message}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site_url(pages_site: tuple[Path, str]) -> str:
    return pages_site[1]


class Problems(list[str]):
    """What went wrong in a page that a user would not see; the test fails if any."""

    def __init__(self) -> None:
        super().__init__()
        self.missing_pages: set[str] = set()

    def console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # The browser logs the 404 status of a page a test opens on purpose.
        if message.location.get("url") in self.missing_pages and "404" in message.text:
            return
        self.append(f"console: {message.text} ({message.location.get('url')})")


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, problems: Problems) -> Iterator[Page]:
    """A fresh light-scheme page that records every problem a user would not see."""
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")

    def outside(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme not in LOCAL_SCHEMES and parts.hostname != "127.0.0.1"

    def record(request: Request) -> None:
        # Also sees what the route cannot stop, such as requests made by workers.
        if outside(request.url):
            problems.append(f"request to another host: {request.url}")

    # Only requests to another host come to Python, to be stopped: the driver matches the
    # pattern.
    context.route(OUTSIDE, lambda route: route.abort())
    context.on("request", record)
    tab = context.new_page()
    tab.on("console", problems.console)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    yield tab
    context.close()
    assert problems == []


def brightness(colour: str) -> int:
    """The sum of a CSS ``rgb(r, g, b)`` colour's channels, 0 to 765."""
    return sum(int(channel) for channel in re.findall(r"\d+", colour)[:3])


def heading(page: Page) -> str:
    """The page's h1 as a user reads it (without the permalink sign)."""
    return page.locator("article h1").inner_text().removesuffix("¶").strip()


def test_home_page_then_the_nav_to_a_week(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page).to_have_title("Deep Learning course notes")
    expect(page.locator("article")).to_contain_text("27/73 done (37%)")
    expect(page.locator("article table a")).to_have_count(6)
    nav = page.get_by_role("navigation", name="Navigation")
    nav.get_by_role("link", name="Week 3: computer vision", exact=True).click()
    expect(page).to_have_url(site_url + "week-3/")
    assert heading(page) == "Week 3: computer vision"  # as written (issue 12)
    nav.get_by_role("link", name="Week 1", exact=True).click()
    expect(page).to_have_url(site_url + "week-1/")
    assert heading(page) == "Week 1"


def test_week_page_shows_badges_and_ticked_items(page: Page, site_url: str) -> None:
    page.goto(site_url + "week-1/")
    badges = page.locator(".cn-badges .cn-badge")
    expect(badges).to_have_count(7)
    texts = [" ".join(text.split()) for text in badges.all_inner_texts()]
    assert texts == [
        "Slides 3/3",
        "Attendance 2/2",
        "Exercises 0/5",
        "Videos 14/14",
        "Readings 0/4",
        "Week 19/28",
        "Behind",  # week 1 ended with items left (term_start in mkdocs.yml)
    ]
    for badge in badges.all():
        expect(badge).to_be_visible()
    # The check marks by their accessible name, as a screen reader finds them.
    expect(page.get_by_role("checkbox", name="Done")).to_have_count(28)
    expect(page.get_by_role("checkbox", name="Done", checked=True)).to_have_count(19)
    # What the eye sees is the mark Material draws before each (transparent) box, as the
    # ::before of an empty span: a tick icon in green for done, a grey circle otherwise.
    mark = """el => {
        const style = getComputedStyle(el, '::before');
        return [style.width, style.backgroundColor, style.maskImage.slice(0, 30)];
    }"""
    ticked = page.locator("li:has(input:checked) .task-list-indicator").first
    untick = page.locator("li:has(input:not(:checked)) .task-list-indicator").first
    ticked_width, ticked_colour, ticked_icon = ticked.evaluate(mark)
    open_width, open_colour, open_icon = untick.evaluate(mark)
    assert float(ticked_width.removesuffix("px")) > 10
    assert ticked_width == open_width
    assert ticked_colour == "rgb(0, 230, 118)"
    assert (open_colour, open_icon) != (ticked_colour, ticked_icon)
    item = page.locator("li.task-list-item", has_text="basic neuroanatomy")
    expect(item).to_be_visible()
    expect(item.get_by_role("checkbox")).to_be_checked()
    bar = page.locator("article .cn-progress .progress-bar").first
    assert bar.evaluate("el => el.style.width") == "68%"
    expect(page.locator("article .cn-progress").first).to_contain_text("19/28 done (68%)")
    # A screen reader finds the bar by its role, with its figures as its name and its value.
    progressbar = page.get_by_role("progressbar", name="19/28 done (68%)")
    expect(progressbar).to_be_visible()
    expect(progressbar).to_have_attribute("aria-valuenow", "68")


def test_dark_mode_toggle(page: Page, site_url: str) -> None:
    page.goto(site_url + "week-1/")
    body = page.locator("body")
    background = "() => getComputedStyle(document.body).backgroundColor"
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = page.evaluate(background)
    page.get_by_title("Switch to dark mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    dark = page.evaluate(background)
    assert brightness(dark) < 200 < 600 < brightness(light), (dark, light)
    # The choice is remembered on the next page.
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Week 2").click()
    expect(page).to_have_url(site_url + "week-2/")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator(".cn-badge").first).to_be_visible()
    page.get_by_title("Switch to light mode").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_search_for_perceptron_reaches_week_1(page: Page, site_url: str) -> None:
    page.goto(site_url + "notes-format/")
    # Typed key by key, as a user does: Material searches on keyboard input.
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("perceptron", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("Week 1")
    # A section of week 1 where the word occurs; search.highlight carries it in ?h=.
    section = results.first.locator("a[href*='week-1/?h=perceptron#']").first
    expect(section).to_be_visible()
    section.click()
    expect(page).to_have_url(re.compile(re.escape(site_url + "week-1/?h=perceptron#")))
    assert heading(page) == "Week 1"
    # The page opens at that section, with the word marked.
    expect(page.locator("#" + urlsplit(page.url).fragment)).to_be_in_viewport()
    marks = page.locator("article mark", has_text=re.compile("^perceptron", re.IGNORECASE))
    expect(marks.first).to_be_visible()


def test_a_week_section_permalink_lands_on_its_heading(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}week-1/#exercises")
    assert heading_in_view(page, "exercises") == "Exercises"


def heading_in_view(page: Page, anchor: str) -> str:
    """Check the heading with that id is in view below the fixed header; give its text."""
    target = page.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    heading_box = target.bounding_box()
    header_box = page.locator(".md-header").bounding_box()
    assert heading_box is not None and header_box is not None
    assert header_box["height"] <= heading_box["y"] < VIEWPORT["height"] / 2, heading_box
    assert page.evaluate("scrollY") > 0
    return target.inner_text().removesuffix("¶").strip()


@pytest.fixture(scope="module")
def seed_questions(seed_text: str) -> QuestionList:
    return read_questions(parse(seed_text).thoughts, read_topics(TOPICS))


def test_a_faq_permalink_lands_on_that_question(
    page: Page, site_url: str, seed_questions: QuestionList
) -> None:
    question = next(q for q in seed_questions if q.title.startswith("How do you optimise"))
    page.goto(f"{site_url}faq/#{question.id}")
    assert heading_in_view(page, question.id) == "How do you optimise the weights in your ensemble?"
    # The permalink sign next to the question links to this very address.
    link = page.locator(f"#{question.id} a.headerlink")
    assert link.get_attribute("href") == f"#{question.id}"
    assert page.url == f"{site_url}faq/#{question.id}"


@pytest.mark.parametrize("path", ["week-1/", "faq/"])
def test_printing_shows_the_content_without_navigation(
    page: Page, site_url: str, path: str
) -> None:
    page.goto(site_url + path)
    expect(page.get_by_role("navigation")).not_to_have_count(0)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_have_count(0)
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.get_by_role("search")).to_have_count(0)
    expect(page.locator("article h1")).to_be_visible()


def test_printing_the_faq_gives_every_question_and_its_context(
    page: Page, site_url: str, seed_questions: QuestionList
) -> None:
    page.goto(site_url + "faq/")
    context = page.locator(".cn-context p", has_text="I used to have an rtx2060")
    expect(context).to_be_hidden()  # on screen the context waits behind "Context (...)"
    page.emulate_media(media="print")
    questions = page.locator("article .cn-question h2")
    expect(questions).to_have_count(len(seed_questions))
    for question in questions.all():
        expect(question).to_be_visible()
    expect(context).to_be_visible()
    # The on-screen tools (sharing buttons, topic index) stay off the paper.
    expect(page.locator(".cn-faq-share")).to_be_hidden()
    expect(page.locator(".md-typeset a.headerlink").first).to_be_hidden()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_the_faq_text_list_copies_to_the_clipboard(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "faq/")
    page.locator(".cn-faq-share summary").click()
    button = page.locator(".cn-faq-share button.md-code__button[data-md-type=copy]")
    expect(button).to_have_count(1)
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("1. why do we not need to know standard deviation")
    assert "19. the book indicates that modern computer vision models" in copied


def _site_pages(site: Path, base: str) -> list[str]:
    """Every page the build wrote, as URLs (from the site folder, not a fixed list)."""
    folders = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [base if folder == "." else f"{base}{folder}/" for folder in folders]


# The longest checks go in two halves of the pages (every other page): the two test
# workers take one each, 20 s apiece against 41 s for the whole on one worker.
HALVES = pytest.mark.parametrize("half", [0, 1], ids=["odd pages", "even pages"])


@HALVES
def test_no_accessibility_violations_on_any_page(
    page: Page, problems: Problems, pages_site: tuple[Path, str], half: int
) -> None:
    """Axe finds nothing on any page, in the light scheme and the dark."""
    site, base = pages_site
    missing = base + "no/such/page/"
    problems.missing_pages.add(missing)
    every = [*_site_pages(site, base), missing]
    assert len(every) > 10
    urls = every[half::2]
    axe = Axe()
    violations = {}
    body = page.locator("body")
    for url in urls:
        # One load per page for both schemes, switched with the header's toggle as a
        # reader does (Material remembers the choice, so pages start in either): half the
        # loads of a test per scheme, and axe injected once a page.
        page.goto(url)
        page.evaluate(axe.axe_script)
        for _ in range(2):
            scheme = body.get_attribute("data-md-color-scheme")
            results = AxeResults(page.evaluate(AXE_RUN))
            if results.violations_count:
                violations[f"{url} ({scheme})"] = results.generate_report()
            _switch_scheme(page)
    assert violations == {}, "\n".join(violations.values())


# Every text node's font size, but for scripts' and styles' own text.
TEXT_SIZES = """() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const sizes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!node.textContent.trim() || element.closest("script, style")) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        sizes.push([size, element.tagName.toLowerCase() + "." + element.className,
                    node.textContent.trim().slice(0, 40)]);
    }
    return sizes;
}"""


PHONE = {"width": 390, "height": 844}
SIDEWAYS = """() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"""
# Each cell of the weeks table: its left and right edges, and its scrolling box's widths.
CELLS = """cells => cells.map(cell => {
    const box = cell.getBoundingClientRect();
    const wrap = cell.closest(".md-typeset__scrollwrap") || cell.closest("table");
    return [box.left, box.right, wrap.scrollWidth, wrap.clientWidth];
})"""


def _switch_scheme(page: Page) -> None:
    """Switch to the other scheme with the header's toggle, as a reader does."""
    body = page.locator("body")
    scheme = body.get_attribute("data-md-color-scheme")
    page.get_by_title(f"Switch to {'light' if scheme == 'slate' else 'dark'} mode").click()
    expect(body).to_have_attribute(
        "data-md-color-scheme", "default" if scheme == "slate" else "slate"
    )
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")


def test_on_a_phone_every_page_is_legible_and_fits_the_screen(
    page: Page, pages_site: tuple[Path, str]
) -> None:
    """No text under 12px at a phone's width (Lighthouse's legible font sizes), hidden or
    not; at 390 px no page is wider than the screen, in either scheme, and the weeks table
    is all on it."""
    # One load a page for the three checks (three tests before, 19 s against 7 s).
    site, base = pages_site
    small, wide = {}, {}
    for url in _site_pages(site, base):
        page.set_viewport_size({"width": 412, "height": 823})
        page.goto(url)
        sizes = page.evaluate(TEXT_SIZES)
        assert len(sizes) > 50, url
        small[url] = [entry for entry in sizes if entry[0] < 12]
        page.set_viewport_size(PHONE)
        for _ in range(2):
            scroll_width, client_width = page.evaluate(SIDEWAYS)
            if scroll_width > client_width:
                wide[url] = (scroll_width, client_width)
            _switch_scheme(page)
    assert {url: entries for url, entries in small.items() if entries} == {}
    assert wide == {}
    page.goto(base)
    for _ in range(2):
        # Material puts a table in a box that scrolls sideways: the weeks table never needs
        # it, and its last column, the video time, is on the screen in every row.
        cells = page.locator("article .cn-weeks td").all()
        assert len(cells) == 6 * 4
        edges = page.locator("article .cn-weeks td").evaluate_all(CELLS)
        assert [cell for cell in edges if cell[0] < 0 or cell[1] > PHONE["width"]] == []
        assert [cell for cell in edges if cell[2] > cell[3]] == []
        video = page.locator("article .cn-weeks tr", has_text="Week 1").locator("td").last
        expect(video).to_be_visible()
        expect(video).to_contain_text("2h 20m 44s watched")
        _switch_scheme(page)


# What a reader without Material sees: the size of each inline icon against its text's, and
# whether each task's tick box sits on a line of its item's own text.
ICON_SIZES = """icons => icons.map(icon => [
    icon.getBoundingClientRect().height, parseFloat(getComputedStyle(icon).fontSize)])"""
TICK_BESIDE_TEXT = """items => items.map(item => {
    const box = item.querySelector("input[type=checkbox]").getBoundingClientRect();
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT, node =>
        node.textContent.trim() && !node.parentElement.closest("label")
            ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP);
    const range = document.createRange();
    range.selectNodeContents(walker.nextNode());
    const line = range.getClientRects()[0];
    return box.bottom > line.top && box.top < line.bottom;
})"""


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_under_another_theme_icons_and_ticks_sit_in_the_text(
    page: Page, tmp_path: Path, theme: str
) -> None:
    """Without Material's CSS, icons are the text's size and each tick is beside its item."""
    # highlightjs: both themes fetch highlight.js from a CDN unless told not to.
    project = fresh_project(tmp_path / "course", theme, highlightjs=False)
    site = build_project(project / "mkdocs.yml")
    with serve(site) as url:
        for path in ("week-1/", "faq/"):
            page.goto(url + path)
            icons = page.eval_on_selector_all(".twemoji svg", ICON_SIZES)
            assert icons, path
            assert [size for size in icons if not 0 < size[0] <= 1.5 * size[1]] == [], path
        page.goto(url + "week-1/")
        ticks = page.eval_on_selector_all("li.task-list-item", TICK_BESIDE_TEXT)
        assert len(ticks) == 28
        assert all(ticks), ticks
        # Left before the server stops: the theme's search worker may still be fetching its
        # index, which would fail as the server goes (seen on a loaded machine).
        page.goto("about:blank")


def test_week_page_screenshot(page: Page, site_url: str, tmp_path: Path) -> None:
    """The README's picture of a week page; ``make screenshot`` sets SCREENSHOT to keep it."""
    target = Path(os.environ.get("SCREENSHOT") or tmp_path / "week.png")
    page.goto(site_url + "week-1/")
    expect(page.locator(".cn-badges")).to_be_visible()
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(target))
    header = target.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (VIEWPORT["width"], VIEWPORT["height"])


# Clicks a link by script, which reaches links in closed blocks too (the FAQ's topics). A
# link within the site runs its click handlers and then stays put: the page it leads to is
# loaded on its own, and not following saves a page load per link. Any other link (a script
# URL, if one got through) is followed.
CLICK = """(link, follow) => {
    if (!follow) window.addEventListener("click", event => event.preventDefault(), {once: true});
    link.click();
}"""


@HALVES
def test_no_dialog_opens_on_any_page_or_link_of_the_hostile_build(
    page: Page, problems: Problems, hostile_site: HostileSite, half: int
) -> None:
    """Every page of the hostile notes' site loads, and every link in its article is
    clicked (but those to other hosts), without one alert, confirm or prompt."""
    dialogs: list[str] = []

    def opened(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type} {dialog.message!r} on {page.url}")
        dialog.dismiss()

    page.on("dialog", opened)
    site, base = hostile_site.site, hostile_site.url
    every = _site_pages(site, base)
    pages = every[half::2]
    clicked = 0
    for url in pages:
        page.goto(url)
        # As the browser resolves them: a.href is the address a click follows.
        links = page.locator("article a[href]")
        for index, href in enumerate(links.evaluate_all("links => links.map(a => a.href)")):
            scheme = urlsplit(href).scheme
            # The page fixture fails on any request to another host; mailto opens a mailer.
            if scheme == "mailto" or (scheme in {"http", "https"} and not href.startswith(base)):
                continue
            if page.url.split("#")[0] != url:
                page.goto(url)
            link = links.nth(index)
            if scheme in {"http", "https"}:
                link.evaluate(CLICK, False)
            else:
                try:
                    with page.expect_event("framenavigated", timeout=500):
                        link.evaluate(CLICK, True)
                    page.wait_for_load_state()
                except PlaywrightTimeoutError:
                    pass  # it did not navigate (a script URL runs in place)
            clicked += 1
    assert dialogs == []
    # The links between the site's pages and to its headings, at least, were clicked.
    assert len(every) > 20 and clicked > 50, (len(pages), clicked)


@pytest.fixture(scope="module")
def dated_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dated notes of test_now.py, built on the tests' today (Wed 25 Nov 2026) and served."""
    from test_now import NOTES

    from conftest import copy_project

    root = tmp_path_factory.mktemp("dated-browser")
    site = build_project(copy_project(root, NOTES))
    with serve(site) as url:
        yield url


def shown_texts(page: Page, selector: str) -> list[str]:
    return [
        " ".join(text.split()) for text in page.locator(f"{selector}:visible").all_inner_texts()
    ]


def test_the_now_panel_follows_the_readers_clock_without_a_rebuild(
    page: Page, dated_site_url: str
) -> None:
    """Built on 25 November; opened on 1 and on 28 November, the panel says each day's state."""
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 1, 10, 0))
    page.goto(dated_site_url)
    panel = page.locator(".cn-now")
    expect(panel.locator("[data-cn-today]")).to_have_text("Today: Sun 1 Nov 2026.")
    expect(panel.locator('[data-cn-show="before"]')).to_be_visible()
    assert shown_texts(page, ".cn-now-week") == []
    expect(panel.get_by_text("No week of the course is on today.")).to_be_visible()
    expect(panel.get_by_text("Nothing overdue.")).to_be_visible()
    assert shown_texts(page, '[data-cn-group="next"] li') == [
        "Week 1: lab 2 due Fri 11:59pm · due Fri 13 Nov, 23:59",
        "Week 2: quiz (due: 18/11) · due Wed 18 Nov",
        "Week 3: lab 3 due Wed 9am · due Wed 25 Nov, 09:00",
    ]
    # Before the term, no week page says "behind" either.
    page.goto(dated_site_url + "week-1/")
    expect(page.locator(".cn-badge--behind")).to_be_hidden()

    page.clock.set_fixed_time(datetime.datetime(2026, 11, 28, 12, 0))
    page.goto(dated_site_url)
    expect(panel.locator("[data-cn-today]")).to_have_text("Today: Sat 28 Nov 2026.")
    assert shown_texts(page, ".cn-now-week > p") == [
        "Week 3: Vision, Mon 23 Nov – Sun 29 Nov · 0/4 done"
    ]
    assert shown_texts(page, '[data-cn-group="overdue"] li') == [
        "Week 1: lab 2 due Fri 11:59pm · due Fri 13 Nov, 23:59",
        "Week 2: quiz (due: 18/11) · due Wed 18 Nov",
        "Week 3: lab 3 due Wed 9am · due Wed 25 Nov, 09:00",
        "Week 3: lab 4 due Thu · due Thu 26 Nov",
    ]
    assert shown_texts(page, '[data-cn-group="behind"] li') == [
        "Week 1: Intro: 1 of 2 not done (the week ended on Sun 15 Nov)",
        "Week 2 (Nov 16): 2 of 2 not done (the week ended on Sun 22 Nov)",
    ]
    assert shown_texts(page, '[data-cn-group="next"] li') == [
        "Week 2: essay due 2026-11-30 · due Mon 30 Nov",
        "Week 4: lab 5 due 2 Dec · due Wed 2 Dec",
        "Week 3: project due 10 Dec · due Thu 10 Dec",
    ]
    page.goto(dated_site_url + "week-1/")
    expect(page.locator(".cn-badge--behind")).to_be_visible()
    expect(page.locator(".cn-badge--behind")).to_have_text("Behind")


def test_without_javascript_the_panel_says_it_is_the_build_days(
    browser: Browser, dated_site_url: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    page = context.new_page()
    page.goto(dated_site_url)
    expect(page.locator("[data-cn-today]")).to_contain_text(
        "As of Wed 25 Nov 2026, the day this site was built"
    )
    assert shown_texts(page, ".cn-now-week > p") == [
        "Week 3: Vision, Mon 23 Nov – Sun 29 Nov · 0/4 done"
    ]
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_dated_home_page_has_no_accessibility_violation(
    page: Page, dated_site_url: str, scheme: str
) -> None:
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 28, 12, 0))
    page.emulate_media(color_scheme=scheme)
    for path in ("", "week-1/"):
        page.goto(dated_site_url + path)
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()


def test_the_panel_follows_the_clock_after_an_instant_navigation(
    page: Page, tmp_path: Path
) -> None:
    """With Material's instant navigation the script is not loaded again: document$ runs it."""
    from test_now import NOTES

    from conftest import copy_project

    config = copy_project(tmp_path, NOTES)
    text = config.read_text("utf-8")
    config.write_text(text.replace("  features:\n", "  features:\n    - navigation.instant\n"))
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 28, 12, 0))
    # Material navigates instantly only within its site_url: built for the address served.
    with serve(tmp_path / "site") as url, pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", url)
        build_project(config)
        page.goto(url + "week-2/")
        page.evaluate("window.stillHere = true")
        page.get_by_role("navigation", name="Navigation").get_by_role("link").first.click()
        expect(page).to_have_url(url)
        expect(page.locator("[data-cn-today]")).to_have_text("Today: Sat 28 Nov 2026.")
        assert page.evaluate("window.stillHere") is True  # no page load: an instant one
        assert shown_texts(page, ".cn-now-week > p") == [
            "Week 3: Vision, Mon 23 Nov – Sun 29 Nov · 0/4 done"
        ]
        page.goto("about:blank")  # before the server stops, as above


@pytest.fixture(scope="module")
def generated_home_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dated notes of test_now.py, in git, on a site whose docs/ has no page of its own.

    The plugin's home page has the "now" panel and the burn-up chart; built on the tests'
    today (Wed 25 Nov 2026) with the repository's mkdocs.yml (term_start: 2026-11-09).
    """
    from test_now import NOTES

    from conftest import copy_project, git

    root = tmp_path_factory.mktemp("generated-home")
    config = copy_project(root, NOTES.replace("✓", ""))
    # No page of the site's own (its stylesheet stays): the home page is the plugin's.
    for page in (root / "docs").glob("*.md"):
        page.unlink()
    notes = root / "seeds" / "notes.md"
    git(root, "init", "-q", "-b", "main", when="2026-11-09T09:00:00")
    git(root, "add", "seeds/notes.md", when="2026-11-09T09:00:00")
    git(root, "commit", "-q", "-m", "start", when="2026-11-09T09:00:00")
    notes.write_text(NOTES, encoding="utf-8")
    git(root, "commit", "-q", "-am", "lab 1", when="2026-11-12T20:00:00")
    site = build_project(config)
    with serve(site) as url:
        yield url


# Where the panel says where the term is: before it, a week of it, after it.
TERM_STATES = ":is(.cn-now > p[data-cn-show], .cn-now-week > p)"


def test_the_generated_home_page_follows_the_clock_and_draws_the_chart(
    page: Page, generated_home_url: str
) -> None:
    """Opened on 1, 28 November and 20 December: one state each day, what is overdue, lines."""
    panel = page.locator(".cn-now")
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 1, 10, 0))
    page.goto(generated_home_url)
    expect(panel.locator("[data-cn-today]")).to_have_text("Today: Sun 1 Nov 2026.")
    assert shown_texts(page, TERM_STATES) == ["The term starts on Mon 9 Nov 2026 with Week 1."]
    expect(panel.get_by_text("Nothing overdue.")).to_be_visible()

    page.clock.set_fixed_time(datetime.datetime(2026, 11, 28, 12, 0))
    page.goto(generated_home_url)
    expect(panel.locator("[data-cn-today]")).to_have_text("Today: Sat 28 Nov 2026.")
    assert shown_texts(page, TERM_STATES) == ["Week 3: Vision, Mon 23 Nov – Sun 29 Nov · 0/4 done"]
    assert shown_texts(page, '[data-cn-group="overdue"] li')[:2] == [
        "Week 1: lab 2 due Fri 11:59pm · due Fri 13 Nov, 23:59",
        "Week 2: quiz (due: 18/11) · due Wed 18 Nov",
    ]
    expect(panel.get_by_text("Nothing overdue.")).to_be_hidden()
    # The chart: its axes, a line a week and today's, and the two steps, drawn.
    chart = page.locator("article svg.cn-burnup")
    expect(chart).to_be_visible()
    expect(chart.locator("line")).to_have_count(2 + 4 + 1)
    for line in chart.locator("line, path").all():
        box = line.bounding_box()
        assert box is not None and box["width"] + box["height"] > 0
    expect(chart.locator("path.cn-done")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.clock.set_fixed_time(datetime.datetime(2026, 12, 20, 12, 0))
    page.goto(generated_home_url)
    assert shown_texts(page, TERM_STATES) == ["The term ended on Sun 6 Dec 2026 with Week 4."]


# The translated site: German's long words fit, Arabic lays out right to left, and the
# script writes today's date in the site's language.

# Hidden badges ("behind" before a week ends) have no box and are left out.
BADGES = """badges => {
    const boxes = badges.map(badge => badge.getBoundingClientRect()).filter(box => box.width);
    const article = document.querySelector("article").getBoundingClientRect();
    const outside = boxes.filter(
        box => box.left < article.left - 1 || box.right > article.right + 1);
    const apart = (a, b) => a.right - 1 <= b.left || b.right - 1 <= a.left
        || a.bottom - 1 <= b.top || b.bottom - 1 <= a.top;
    let overlaps = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => { overlaps += apart(a, b) ? 0 : 1; }));
    return [boxes.length, outside.length, overlaps];
}"""
CELLS_ON_SCREEN = """cells => cells.filter(cell => {
    const box = cell.getBoundingClientRect();
    return box.left < 0 || box.right > window.innerWidth;
}).length"""


def _site(tmp_path_factory: pytest.TempPathFactory, code: str, notes: str | None = None) -> Path:
    root = tmp_path_factory.mktemp(f"site-{code}")
    config = copy_project(root, notes)
    text = config.read_text("utf-8")
    config.write_text(text.replace("  name: material\n", f"  name: material\n  language: {code}\n"))
    return build_project(config)


@pytest.fixture(scope="module")
def german_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed in German, the longest of the shipped languages, served."""
    with serve(_site(tmp_path_factory, "de")) as url:
        yield url


@pytest.fixture(scope="module")
def arabic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed with Material in Arabic: right to left, the plugin's words in English."""
    with serve(_site(tmp_path_factory, "ar")) as url:
        yield url


def _fits(page: Page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(url)
    scroll_width, client_width = page.evaluate(SIDEWAYS)
    assert scroll_width <= client_width, (url, width)
    count, outside, overlaps = page.locator("article .cn-badge").evaluate_all(BADGES)
    assert (outside, overlaps) == (0, 0), (url, width, count)


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_german_badges_and_weeks_table_fit_at_both_widths(
    page: Page, german_url: str, width: int, tmp_path: Path
) -> None:
    for path in ("", "week-1/", "week-2/", "readings/", "faq/"):
        _fits(page, german_url + path, width)
    page.goto(german_url)
    cells = page.locator("article .cn-weeks td")
    assert cells.count() > 0
    assert cells.evaluate_all(CELLS_ON_SCREEN) == 0
    german = language("de")
    expect(page.locator("article .cn-weeks th").nth(1)).to_have_text(
        german.pgettext("column", "Done")
    )
    page.goto(german_url + "week-2/")
    expect(page.locator("article .cn-badge").first).to_contain_text(
        german.pgettext("badge", "Slides")
    )
    page.screenshot(path=str(tmp_path / f"week-2-de-{width}.png"), full_page=True)


def test_right_to_left_pages_mirror_and_nothing_overlaps_on_a_phone(
    page: Page, arabic_url: str
) -> None:
    page.goto(arabic_url)
    # Material sets the direction on the body.
    expect(page.locator("body")).to_have_attribute("dir", "rtl")
    for path in ("", "week-1/", "week-2/", "faq/"):
        _fits(page, arabic_url + path, PHONE["width"])
    # Mirrored: the first badge of a row starts at the article's right edge.
    page.goto(arabic_url + "week-2/")
    first = page.locator("article .cn-badge").first.bounding_box()
    article = page.locator("article").bounding_box()
    assert first is not None and article is not None
    assert first["x"] + first["width"] > article["x"] + article["width"] / 2


@pytest.fixture(scope="module")
def dated_german_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dated notes of test_now.py in German, served for the module's life: a server
    stopped while the page's search worker still loads its German index is a page error."""
    from test_now import NOTES

    with serve(_site(tmp_path_factory, "de", NOTES)) as url:
        yield url


def test_the_script_writes_today_in_the_site_s_language(page: Page, dated_german_url: str) -> None:
    german = language("de")
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 1, 10, 0))
    page.goto(dated_german_url)
    today = german.gettext("Today: {date}.", date=german.day(datetime.date(2026, 11, 1)))
    expect(page.locator(".cn-now [data-cn-today]")).to_have_text(today)
    expect(page.get_by_text(german.gettext("Nothing overdue."))).to_be_visible()


@pytest.mark.parametrize("served", ["german_url", "arabic_url"])
def test_translated_pages_have_no_accessibility_violation(
    page: Page, request: pytest.FixtureRequest, served: str
) -> None:
    """Axe finds nothing on the German pages, nor on the right-to-left ones."""
    url = request.getfixturevalue(served)
    axe = Axe()
    violations = {}
    for path in ("", "week-2/", "readings/", "faq/"):
        page.goto(url + path)
        page.evaluate(axe.axe_script)
        results = AxeResults(page.evaluate(AXE_RUN))
        if results.violations_count:
            violations[path] = results.generate_report()
    assert violations == {}, "\n".join(violations.values())
