"""Notes text never runs or scripts: no template syntax in any page, safe links, inert text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils import meta

from course_notes.adapters.core import macros
from course_notes.derive.site import Site, build_site
from course_notes.model import inline
from course_notes.read.notes import parse
from course_notes.render import escape as markup
from course_notes.render.pages import render_week

from conftest import build_project, copy_project, read_html, site_pages

# A command whose output would prove it ran: "CANARY-42" appears only if the shell did it.
RUN = "{{ cycler.__init__.__globals__.os.popen('echo CANARY-$((6*7))').read() }}"
RAN = "CANARY-42"
# Outside code, Markdown reads "__init__" as strong emphasis: this part shows as typed.
RUN_TAIL = "popen('echo CANARY-$((6*7))').read() }}"
# Lines the enabled Markdown extensions would read as markup (definitions, a table of
# contents, attributes, admonitions, tables, raw HTML): each must show as written.
MARKERS = (
    "[r]: javascript:alert(1)",
    "a [r] reference",
    "*[ABBR]: Abbreviation",
    "[TOC]",
    "{: onclick=alert(1) }",
    "<script>alert(1)</script>",
    '[=50% "half"]',
    "!!! note",
    "??? note",
    ":smile: :material-check:",
    "| a | b |",
    "<div markdown>x</div>",
)
LINE_BREAKS = ("\u2028", "\u2029", "\u0085")
BAD_LINKS = [
    "[go](javascript:alert(document.domain))",
    "[go](JaVaScRiPt:alert(1))",
    "[go](java&#115;cript:alert(1))",
    "[go](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[go](vbscript:msgbox(1))",
    "[go](  javascript:alert(1))",
    "[go](<javascript:alert(1)>)",
]
# The same payloads in every field the notes have; each line is shown as written.
HOSTILE = "\n".join(
    [
        "## before the weeks `<img src=x onerror=alert(1)>` " + RUN,
        "- general `" + RUN + "`",
        f"# week 1: intro](javascript:alert(1))[x <img src=x onerror=alert(1)> {RUN}",
        "## Notes\u2028--- pasted from a PDF",
        f"- `{RUN}`",
        "- `<img src=x onerror=alert(1)>`",
        "- ``a`<img src=x onerror=alert(2)>`",
        *(f"- {link} after" for link in BAD_LINKS),
        *MARKERS,
        "ABBR",
        f"## readings{LINE_BREAKS[1]}... {RUN}",
        f"- [x](javascript:alert(1)) (ch 1) {RUN}",
        "## video recordings & notes",
        f"- <img src=x onerror=alert(3)> {RUN} (4:40)",
        "# week 2: {{ 6*7 }} {% if 1 %}x{% endif %} {# c #}",
        f"## {LINE_BREAKS[2]}...{LINE_BREAKS[0]}---",
        "- [ok](https://example.org/?a=1&b=2) and [rel](week-1.md) and <https://e.org/>",
        "# Thoughts",
        f"why `{RUN}` <img src=x onerror=alert(4)>?",
        "",
        f"[x](javascript:alert(5)) {RUN}",
        "",
        f"A: <img src=x onerror=alert(6)> {RUN}",
        "",
    ]
)


def jinja(text: str) -> list[str]:
    return re.findall(r"\{[{%#]", text)


def test_no_template_syntax_in_any_generated_page(seed_text: str) -> None:
    for notes in (seed_text, HOSTILE):
        course = parse(notes)
        pages = site_pages(course)
        assert len(pages) >= 3
        for path, page in pages.items():
            assert jinja(page) == [], path


@pytest.mark.parametrize("separator", LINE_BREAKS)
@pytest.mark.parametrize("marker", ["---", "..."])
def test_front_matter_holds_whatever_the_titles_hold(separator: str, marker: str) -> None:
    course = parse(f"# week 1: a{separator}{marker} b\n## c{separator}{marker} d\n- e\n")
    page = render_week(course.weeks[0])
    # What MkDocs reads: the whole front matter, as it was meant.
    body, data = meta.get_data(page)
    assert data["render_macros"] is False
    # Titles are kept as written; YAML reads U+0085 (NEL) back as a space.
    name = course.weeks[0].name.replace("\x85", " ")
    assert data["title"] == name
    assert data["description"].startswith(name)
    assert body.startswith("# Week 1: a")
    assert yaml.safe_load(page.split("---\n", 2)[1]) == data


def test_the_pasted_pdf_heading_runs_nothing(tmp_path: Path) -> None:
    # The repro: U+2028 then "---" in a heading, a template in a code span.
    notes = f"# week 1\n## Notes\u2028--- pasted from a PDF\n- `{RUN}`\n"
    site = build_project(copy_project(tmp_path, notes))
    article = read_html(site, "week-1").select_one("article")
    assert RAN not in article.get_text()
    assert RUN in article.select_one("code").get_text()
    assert "render_macros" not in article.get_text()


PLUGINS = """plugins:
  - search
  - course-notes:
      notes: seeds/notes.md
      references: seeds/references.yml
      topics: seeds/topics.yml
      # The first day of week 1: the home page says which week it is and what is due.
      term_start: 2026-11-09
      # overrides/ holds a copy of Material's search partial; Zensical's own has what it adds.
      zensical_overrides: false
  - macros:
      on_error_fail: true
"""


def test_generated_pages_are_never_given_to_macros(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the front matter says (here: nothing) and wherever macros is listed (here:
    # first), the plugin marks its pages as not to be rendered before macros sees them.
    from dataclasses import replace

    from course_notes.io import load as notes_file

    made = notes_file.build_site
    template = '{{ "CAN" ~ "ARY" }}'

    def without_front_matter(*args: object, **kwargs: object) -> Site:
        site = made(*args, **kwargs)  # type: ignore[arg-type]
        site.pages = [
            replace(page, markdown=meta.get_data(page.markdown)[0] + template)
            for page in site.pages
        ]
        return site

    monkeypatch.setattr(notes_file, "build_site", without_front_matter)
    config = copy_project(tmp_path, "# week 1\n- a\n")
    text = config.read_text("utf-8")
    assert PLUGINS in text
    lines = PLUGINS.splitlines(keepends=True)
    macros = lines.index("  - macros:\n")
    swapped = lines[:2] + lines[macros:] + lines[2:macros]
    config.write_text(text.replace(PLUGINS, "".join(swapped)), "utf-8")
    site = build_project(config)
    article = read_html(site, "week-1").select_one("article").get_text()
    assert template in article
    assert "CANARY" not in article


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(copy_project(tmp_path_factory.mktemp("hostile"), HOSTILE))


def pages_of(site: Path) -> dict[str, BeautifulSoup]:
    return {
        str(path.parent.relative_to(site)): BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for path in site.rglob("index.html")
    }


def test_no_script_and_no_live_link_from_hostile_notes(hostile_site: Path) -> None:
    for name, soup in pages_of(hostile_site).items():
        article = soup.select_one("article")
        assert article is not None, name
        assert article.find(["script", "img", "iframe", "object", "embed", "abbr"]) is None, name
        for element in article.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (name, element)
        for link in soup.find_all(href=True):
            href = link["href"].strip().lower()
            assert not href.startswith(("javascript:", "vbscript:", "data:")), (name, link)
        text = article.get_text()
        assert RAN not in text
        assert "uid=" not in text


def test_hostile_notes_show_as_written(hostile_site: Path) -> None:
    week = read_html(hostile_site, "week-1").select_one("article")
    text = week.get_text()
    for line in [
        "<img src=x onerror=alert(1)>",
        "``a<img src=x onerror=alert(2)>",
        *BAD_LINKS,
        *MARKERS,
    ]:
        assert line in text, line
    assert RUN in text
    # Nothing turned "[r]" into a link, "ABBR" into an <abbr> or "[TOC]" into a table.
    assert week.select("div.toc, table, .admonition, details, div[markdown]") == []
    assert len(week.select(".progress")) == 1  # the week's own bar
    assert all(icon.find_parent(class_="cn-badge") for icon in week.select(".twemoji"))
    week_2 = read_html(hostile_site, "week-2").select_one("article")
    assert week_2.select_one("h1").get_text().rstrip("¶") == parse(HOSTILE).weeks[1].name
    assert "{{ 6*7 }} {% if 1 %}x{% endif %} {# c #}" in parse(HOSTILE).weeks[1].name
    links = {a.get_text(): a["href"] for a in week_2.select("li a")}
    assert links == {
        "ok": "https://example.org/?a=1&b=2",
        "rel": "../week-1/",
        "https://e.org/": "https://e.org/",
    }
    faq = read_html(hostile_site, "faq").select_one("article").get_text()
    assert f"why {RUN} <img src=x onerror=alert(4)>?" in faq
    assert f"[x](javascript:alert(5)) {{{{ cycler.init.globals.os.{RUN_TAIL}" in faq
    assert f"<img src=x onerror=alert(6)> {{{{ cycler.init.globals.os.{RUN_TAIL}" in faq


def test_the_home_page_week_link_stays_the_week_page(hostile_site: Path) -> None:
    home = read_html(hostile_site, "")
    links = [(a.get_text(), a["href"]) for a in home.select("article table a")]
    assert [href for _, href in links] == ["week-1/", "week-2/"]
    assert links[0][0].startswith("Week 1: intro](javascript:alert(1))[x <img src=x onerror")
    assert links[0][0].endswith(RUN_TAIL)
    nav = [a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert not [href for href in nav if "javascript" in href]


def test_refused_links_are_reported_with_their_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    notes = (
        "# week 1\n## a\n"
        + "".join(f"- {link}\n" for link in BAD_LINKS)
        + "- [ok](https://e.org)\n"
    )
    build_project(copy_project(tmp_path, notes))
    lines = [
        r.getMessage().removeprefix("course_notes: ")
        for r in caplog.records
        if "course_notes" in r.name and "address is shown as text" in r.getMessage()
    ]
    schemes = ["javascript", "JaVaScRiPt", "javascript", "data", "vbscript", "javascript"]
    schemes.append("javascript")
    assert lines == [
        f"seeds/notes.md:{number}: a link to a '{scheme}:' address is shown as text; "
        "links go to http, https, mailto or relative addresses only"
        for number, scheme in enumerate(schemes, start=3)
    ]
    assert {r.levelname for r in caplog.records} <= {"INFO", "DEBUG"}


def test_link_addresses() -> None:
    assert inline.link_address("https://x.org/a b?c=1&d={2}") == (
        "https://x.org/a%20b?c=1&amp;d=%7B2%7D",
        "https",
    )
    assert inline.link_address("week-2.md#part") == ("week-2.md#part", "")
    assert inline.link_address("mailto:a@b.org") == ("mailto:a@b.org", "mailto")
    for refused in ["javascript:x", " JAVASCRIPT:x", "java&#115;cript:x", "jav\tascript:x"]:
        assert inline.link_address(refused)[0] is None, refused
    assert inline.link_address("java&#x09;script:x") == (None, "javascript")
    assert inline.link_address("data:text/html,x") == (None, "data")


# --- mkdocs-macros: hand-written pages get notes text escaped. ---

MACROS_PAGE = """# Custom

{% for week in course.weeks %}
- [{{ week.name }}]({{ week.slug }}.md): {{ week.title }} / {{ week.title | upper }}
  / {{ week.title[:12] }} / {{ week.title ~ "!" }} / {{ week.progress.left }} left
{% for section in week.sections %}
    - {{ section.heading }} {{ section.label }}:
      {% for item in section.items %}{{ item.text }} {% endfor %}
{% endfor %}
{% endfor %}

{% for entry in questions.open %}
- [{{ entry.title }}](faq.md#{{ entry.id }}) {{ entry.text }} {{ entry.context | join(" ") }}
{% endfor %}

{% for reading in reading_list.readings if not reading.done %}
- {{ reading.citation or reading.title }}
  (week {{ reading.weeks | map(attribute="number") | join(", ") }})
{% endfor %}

Topics: {{ questions.topics | map(attribute="name") | join(", ") }}.
"""
IMG = "<img src=x onerror=alert(1)>"


def test_a_hand_written_page_gets_notes_text_escaped(tmp_path: Path) -> None:
    notes = (
        f"# week 1: {IMG}\n## {IMG}\n- {IMG} `{{{{ x }}}}`\n## readings\n- {IMG} (ch 2)\n"
        f"# Thoughts\nwhy {IMG}?\n\nmore {IMG} [a](javascript:alert(1))\n"
    )
    config = copy_project(tmp_path, notes)
    (tmp_path / "docs" / "custom.md").write_text(MACROS_PAGE, "utf-8")
    site = build_project(config)
    article = read_html(site, "custom").select_one("article")
    assert article.find(["img", "script"]) is None
    assert not [e for e in article.find_all(True) if any(a.startswith("on") for a in e.attrs)]
    text = article.get_text()
    assert f"{parse(notes).weeks[0].name}: {IMG} / {IMG.upper()}" in text
    assert f"/ {IMG[:12]} / {IMG}! /" in text
    assert f"{IMG} `{{{{ x }}}}`" in text
    assert f"why {IMG}?" in text
    assert "[a](javascript:alert(1))" in text
    assert [a["href"] for a in article.select("li a")][:1] == ["../week-1/"]


def test_the_raw_text_stays_reachable_by_name() -> None:
    course = parse(f"# week 1: {IMG}\n- a\n")
    week = next(iter(macros.variables(build_site(course))["course"].weeks))
    assert week.title == IMG
    assert week.title.raw == IMG
    assert str(week.title) == markup.markdown_inert(IMG)
    assert "<" not in str(week.name) and ">" not in str(week.name)
    assert str(week.title[:4]) == "&#60;img"
    assert len(week.title) == len(IMG)


def test_inert_text_makes_no_markup_however_cut_or_joined() -> None:
    pieces = [markup.markdown_inert(text) for text in (IMG, "[a](javascript:x)", "`{{ x }}`", "\\")]
    joined = "".join(pieces)
    for start in range(len(joined)):
        for end in (start + 5, start + 17, len(joined)):
            part = joined[start:end] + joined
            assert "<" not in part and ">" not in part and "[" not in part
            assert jinja(part) == []
