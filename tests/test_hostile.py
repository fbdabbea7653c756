"""Hostile notes, built for real: nothing in them runs at build time or in the browser.

One strict build of ``hostile_notes.py``'s notes and references (``hostile_site``): every
field carries Jinja that would create a canary file, print ``id`` or the environment, and
the script and link payloads of issue 9. The seed's build is the reference for what the
theme itself puts on every page (its scripts), so that only what came from the notes counts.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from course_notes.render import mathml

import hostile_notes
from conftest import HostileSite, build_project, copy_project, plugin_options

# Elements that run script or load another document, whatever their attributes.
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# What a browser strips from a URL before reading its scheme (the WHATWG URL parser):
# C0 controls and spaces around it, tabs and newlines anywhere in it.
_URL_EDGES = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")


class Pages(dict[str, BeautifulSoup]):
    """Parsed pages by their path in the site; shown by their paths in a failure report."""

    def __repr__(self) -> str:
        return f"<{len(self)} pages: {', '.join(self)}>"


def html_pages(site: Path) -> Pages:
    """Every HTML file of a built site, parsed, by its path in the site."""
    return Pages(
        (page.relative_to(site).as_posix(), BeautifulSoup(page.read_text("utf-8"), "html.parser"))
        for page in sorted(site.rglob("*.html"))
    )


@pytest.fixture(scope="module")
def hostile_pages(hostile_site: HostileSite) -> Pages:
    return html_pages(hostile_site.site)


@pytest.fixture(scope="module")
def seed_pages(seed_site: Path) -> Pages:
    return html_pages(seed_site)


def url_scheme_is_bad(value: str) -> bool:
    """Whether a browser reads this attribute value as a javascript:, vbscript: or data: URL."""
    url = _TAB_OR_NEWLINE.sub("", value.strip(_URL_EDGES)).lower()
    return url.startswith(BAD_SCHEMES)


# A path from a page to the site's root, alone or before "assets/", in quotes: ".",
# "..", "../..", "/", "/repo/", "../assets/...": what differs between pages' theme scripts.
_ROOT_PATH = re.compile(r'"(?:(?:\.\./)*\.\.|\.|/(?:[\w.-]+/)*|(?:\.\./)*)(?="|assets/)')


def script_signature(script: Tag) -> tuple[str, ...]:
    """A script as the theme writes it on any page: the paths to the site's root taken out."""
    attributes = sorted(
        _ROOT_PATH.sub('"', f'{name}="{value}"') for name, value in script.attrs.items()
    )
    return (*attributes, _ROOT_PATH.sub('"', script.get_text()))


def theme_scripts(pages: Pages) -> Counter[tuple[str, ...]]:
    """The scripts every page of the seed's site has: the theme's own."""
    signatures = {
        page: Counter(script_signature(script) for script in soup.find_all("script"))
        for page, soup in pages.items()
    }
    first = next(iter(signatures.values()))
    assert first and all(found == first for found in signatures.values()), signatures
    return first


def test_no_jinja_in_the_notes_runs_at_build_time(hostile_site: HostileSite) -> None:
    # The canary file of each field and form: none may exist.
    assert sorted(path.name for path in hostile_site.canary.iterdir()) == []
    files = [path for path in hostile_site.site.rglob("*") if path.is_file()]
    printed = {
        path.relative_to(hostile_site.site).as_posix()
        for path in files
        if path.suffix in {".html", ".json", ".xml", ".md", ".txt", ".ics"}
        for text in [path.read_text("utf-8")]
        if hostile_notes.ID_OUTPUT in text or hostile_notes.SECRET in text
    }
    assert printed == set()


def test_the_jinja_of_every_field_shows_as_written(
    hostile_site: HostileSite, hostile_pages: Pages
) -> None:
    """Each canary command is on some page as text: shown, not run, not lost."""
    shown = " ".join(soup.get_text() for soup in hostile_pages.values())
    notes = (hostile_site.site.parent / "seeds" / "notes.md").read_text("utf-8")
    references = yaml.safe_load(
        (hostile_site.site.parent / "seeds" / "references.yml").read_text("utf-8")
    )
    written = [notes, *map(str, references.items())]
    commands = {command for text in written for command in re.findall(r"touch '[^']*'", text)}
    assert len(commands) > 100
    assert sorted(command for command in commands if command not in shown) == []


def test_no_script_came_from_the_notes(hostile_pages: Pages, seed_pages: Pages) -> None:
    theme = theme_scripts(seed_pages)
    extra = {}
    for page, soup in hostile_pages.items():
        found = Counter(script_signature(script) for script in soup.find_all("script"))
        if found != theme:
            extra[page] = found - theme
    assert extra == {}
    assert len(hostile_pages) > len(seed_pages)


def test_no_active_element_event_handler_or_script_url_on_any_page(
    hostile_pages: Pages, seed_pages: Pages
) -> None:
    def findings(pages: Pages) -> list[str]:
        found = []
        for page, soup in pages.items():
            for element in soup.find_all(True):
                if element.name in ACTIVE_TAGS - {"script"}:
                    found.append(f"{page}: <{element.name}>")
                if element.name == "meta" and element.get("http-equiv"):
                    found.append(f"{page}: <meta http-equiv>")
                for name, value in element.attrs.items():
                    text = " ".join(value) if isinstance(value, list) else value or ""
                    if name.lower().startswith("on") or url_scheme_is_bad(text):
                        found.append(f"{page}: <{element.name} {name}={text!r}>")
        return found

    assert findings(seed_pages) == []
    assert findings(hostile_pages) == []


def test_no_image_or_frame_from_the_notes_in_any_article(
    hostile_pages: Pages,
) -> None:
    # Notes text never becomes an image (a request, an onerror) or an embedded document.
    found = {
        page: [str(element)[:120] for element in soup.select("article img, article iframe")]
        for page, soup in hostile_pages.items()
    }
    assert {page: elements for page, elements in found.items() if elements} == {}


def test_the_payloads_show_as_typed_on_the_week_page(
    hostile_pages: Pages,
) -> None:
    article = hostile_pages["week-1/index.html"].select_one("article")
    assert article is not None
    text = article.get_text()
    for payload in ("<img src=x onerror=alert(1)>", "<script>alert(13)</script>"):
        assert payload in text


def test_a_reserved_theme_id_from_a_heading_is_renamed(
    hostile_pages: Pages,
) -> None:
    """A section "__config" keeps its heading, not the id the theme's script reads."""
    soup = hostile_pages["week-2/index.html"]
    assert [element.name for element in soup.select("#__config")] == ["script"]
    [heading] = [h2 for h2 in soup.select("article h2") if h2.get_text() == "__config¶"]
    # Its permalink and its entry in the table of contents lead to it.
    assert heading["id"] == "cn__config"
    assert heading.select_one("a.headerlink")["href"] == "#cn__config"
    assert soup.select('nav a[href="#cn__config"]')


@pytest.mark.parametrize(
    ("value", "bad"),
    [
        ("javascript:alert(1)", True),
        (" JaVaScRiPt:alert(1)", True),
        ("java\tscript:alert(1)", True),
        ("\x01data:text/html,x", True),
        ("vbscript:x", True),
        ("java    script:alert(1)", False),  # a relative URL: the space stays in it
        ("../week-1/", False),
        ("https://example.org/javascript:", False),
    ],
)
def test_url_scheme_is_bad_reads_urls_as_a_browser_does(value: str, bad: bool) -> None:
    assert url_scheme_is_bad(value) is bad


def test_the_lecturer_email_stays_in_its_mailto_link(hostile_pages: Pages, tmp_path: Path) -> None:
    """The configured address is written into the link encoded: no tag, quote or brace leaves it."""
    # The hostile list is too long for a link: the page offers the copy button instead.
    faq = hostile_pages["faq/index.html"].select_one("article")
    assert faq is not None and faq.select("a.cn-email") == []
    assert "too long for an email link" in faq.get_text()
    config = copy_project(tmp_path, "# Thoughts\nwhy?\n")
    site = build_project(plugin_options(config, lecturer_email=hostile_notes.LECTURER_EMAIL))
    links = html_pages(site)["faq/index.html"].select("article a.cn-email")
    assert len(links) == 1
    href = links[0]["href"]
    assert href.startswith("mailto:lecturer@example.org%3Fcc%3Dx%22%3E%3Cscript%3E")
    assert not re.search(r"[<>\"{}\s]", href)
    # One body only: the address's own "&body=" is encoded, not a second field.
    assert href.count("&body=") == 1


def test_math_and_addresses_from_the_notes_are_text_or_mathml(hostile_pages: Pages) -> None:
    faq = hostile_pages["faq/index.html"].select_one("article")
    assert faq is not None
    # \text{<img ...>} and \href{javascript:...} became MathML without an image or a link...
    assert faq.select("math") and not faq.select("math img, math a, math [href]")
    assert "<img src=x onerror=alert(26)>" in faq.get_text()
    # ...and a quote in a bare address ended the address, not the attribute.
    for link in faq.select('a[href^="https://example.org/"]'):
        assert set(link.attrs) <= {"href", "title", "class"}
    groups = [h2.get_text().removesuffix("¶") for h2 in faq.select("h2[id^=group-]")]
    assert len(groups) == 1 and groups[0].startswith("a group ")
    assert [b.get_text(" ").split()[0] for b in faq.select("h3 ~ p .cn-badge")][:3] == [
        "Answered",
        "Asked",
        "Asked",
    ]


def test_due_items_and_dated_weeks_reach_the_panel_and_calendar_as_text(
    hostile_site: HostileSite, hostile_pages: Pages
) -> None:
    """The hostile due items are in the "now" panel and calendar.ics as text, never markup."""
    import icalendar

    canary = hostile_site.canary
    panel = hostile_pages["index.html"].select_one("article .cn-now")
    assert panel is not None
    for field in ("due-item", "dated-week-item", "dated-week-title", "iso-week-title"):
        command = f"touch '{canary / field}-code'"
        assert command in panel.get_text(), field
    # Only the panel's own elements: no tag from the notes got in.
    tags = {tag.name for tag in panel.find_all(True)}
    # (The payloads' math is MathML, from mathml's allow-list, as everywhere else.)
    allowed = {"div", "p", "ul", "li", "a", "strong", "code", "em", "time", "h3", "span"}
    assert tags <= allowed | mathml.TAGS
    calendar = icalendar.Calendar.from_ical((hostile_site.site / "calendar.ics").read_bytes())
    summaries = " ".join(str(event["summary"]) for event in calendar.walk("VEVENT"))
    for field in ("due-item", "dated-week-item", "dated-week-title", "iso-week-title"):
        assert f"touch '{canary / field}-code'" in summaries, field
    assert "<img src=x onerror=alert(1)>" in summaries  # as text, as typed
