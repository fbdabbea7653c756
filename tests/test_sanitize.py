"""The allow-list sanitiser of the generated pages: what it removes, and what it must not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from course_notes.render import sanitize

from conftest import build_project, copy_project, read_html

ICON = (
    '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<path d="M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z"/></svg></span>'
)
BAR = (
    '<span class="progress cn-progress cn-progress--partial" role="progressbar" '
    'aria-valuemin="0" aria-valuemax="100" aria-valuenow="68" aria-label="19/28 done (68%)">'
    '<span class="progress-bar" style="width:68%"></span>'
    '<span class="progress-label">19/28 done (68%)</span></span>'
)
CHECKBOX = (
    '<label class="task-list-control"><input type="checkbox" aria-label="Done" disabled checked/>'
    '<span class="task-list-indicator"></span></label>'
)


def dom(html: str) -> str:
    """The tree a browser builds from the HTML (html5lib: the WHATWG parsing algorithm),
    written out one way (attributes sorted, entities decoded)."""
    return BeautifulSoup(html, "html5lib").decode()


@pytest.mark.parametrize(
    "html",
    [
        ICON,
        BAR,
        CHECKBOX,
        '<h2 id="exercises">Exercises<a class="headerlink" href="#exercises" '
        'title="Permanent link">&para;</a></h2>',
        '<a href="../week-1/">Week 1</a> <a href="faq/questions.md">list</a>',
        '<a href="https://example.org/?q=1&amp;x=2" title="t">x</a> '
        '<a href="mailto:tutor@example.org">mail</a>',
        "<p>set up <em>python</em>, <strong>torch</strong> and <code>pip</code></p>",
        '<details class="quote cn-context"><summary>Context (1 paragraph)</summary>'
        "<p>text</p></details>",
        '<div class="copy highlight"><pre><span></span><code>1. why?\n</code></pre></div>',
        '<h3 id="deeper">Deeper</h3><h6 id="six">Six</h6>',
        '<table><thead><tr><th style="text-align: left;">Week</th></tr></thead>'
        '<tbody><tr><td style="text-align: right;">1/2</td></tr></tbody></table>',
    ],
)
def test_what_the_pages_are_made_of_passes_unchanged(html: str) -> None:
    assert dom(sanitize.clean(html)) == dom(html)


# What a script needs, and what is left of it.
SCRIPTS = [
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ("<p>a<style>p{}</style>b</p>", "<p>ab</p>"),
    ('<p>x<img src=x onerror="alert(1)">y</p>', "<p>xy</p>"),
    ('<span onmouseover="alert(1)" class="a">s</span>', '<span class="a">s</span>'),
    (
        '<svg onload="alert(1)" viewBox="0 0 1 1"><path d="M0"/></svg>',
        '<svg viewBox="0 0 1 1"><path d="M0"></path></svg>',
    ),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="java&#115;cript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="  java\tscript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
    (
        '<a href="https://x.org/" target="_blank" rel="opener">x</a>',
        '<a href="https://x.org/">x</a>',
    ),
    ("<iframe src=https://x.org/></iframe><p>t</p>", "<p>t</p>"),
    (
        '<table><tr><td style="color:red" onclick="x()">cell</td></tr></table>',
        "<table><tr><td>cell</td></tr></table>",
    ),
    ('<td style="text-align: right;background:url(https://x.org/)">c</td>', "c"),
    ('<div style="width:1%;background:url(https://x.org/)">x</div>', "<div>x</div>"),
    ('<p style="width:5%">x</p>', "<p>x</p>"),
    ('<input type="text" value="x">', "<input>"),
    ('<h2 id="__config">__config</h2>', "<h2>__config</h2>"),
    ("<p>a<!-- comment -->b</p>", "<p>ab</p>"),
]


@pytest.mark.parametrize(("html", "kept"), SCRIPTS)
def test_what_a_script_needs_is_removed(html: str, kept: str) -> None:
    assert dom(sanitize.clean(html)) == dom(kept)


@pytest.fixture
def sanitised(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Each page's HTML before and after the sanitiser, as a build calls it."""
    pages: list[tuple[str, str]] = []
    clean = sanitize.clean

    def spy(html: str) -> str:
        pages.append((html, clean(html)))
        return pages[-1][1]

    monkeypatch.setattr(sanitize, "clean", spy)
    return pages


# Inline Markdown in items and notes, a general section and an answer: what the seed lacks.
MORE = """\
## before the course
- set up *python*, **pytorch** and `pip install torch` from \
[the site](https://pytorch.org/get-started/?os=linux&pkg=pip "Get started") ✓
- mail <https://example.org/course> or [the tutor](mailto:tutor@example.org)
- [x] read the [outline](notes-format.md) and the :material-check: icon
a note line of its own, with _underscores_
## video recordings & notes:
- welcome (2:03) ✓
- intro ()
## readings
- Deep Learning (ch 2)
"""
ANSWER = (
    "what is hook's law?\n",
    "what is hook's law?\n\nA: *F = kx*, see [Hooke](https://en.wikipedia.org/wiki/Hooke%27s_law)"
    " and `k`.\n\nmore of the answer.\n",
)


@pytest.mark.parametrize(("notes", "pages"), [("seed", 8), ("more", 9)])
def test_sanitising_the_generated_pages_changes_nothing_a_browser_sees(
    build_site: Callable[..., Path],
    sanitised: list[tuple[str, str]],
    seed_text: str,
    notes: str,
    pages: int,
) -> None:
    """The generated pages pass whole: 6 weeks, readings and FAQ (and General with more)."""
    site = build_site(seed_text if notes == "seed" else MORE + seed_text.replace(*ANSWER))
    assert len(sanitised) == pages
    changed = [html for html, cleaned in sanitised if dom(cleaned) != dom(html)]
    assert changed == []
    # Hand-written pages are the user's: the home page keeps its table, which no generated
    # page has and the allow-list would drop.
    assert read_html(site, "").select("article table")
    week = read_html(site, "week-1")
    assert week.select("article .cn-badge .twemoji svg path")
    assert week.select_one("article .progress-bar")["style"] == "width:68%"


# What render_now puts on the generated home page, as Markdown makes it HTML.
PANEL = (
    '<div class="cn-now" data-cn-built="2026-11-25">'
    '<p class="cn-now-today" data-cn-today>As of Wed 25 Nov 2026</p>'
    '<p data-cn-show="before" data-cn-start="2026-11-09" hidden>The term starts</p>'
    '<p data-cn-show="after" data-cn-end="2026-12-06" hidden>The term ended</p>'
    '<div class="cn-now-group" data-cn-group="week">'
    '<div class="cn-now-week" data-cn-show="week" data-cn-start="2026-11-23" '
    'data-cn-end="2026-11-29"><p><strong><a href="week-3/">Week 3</a></strong></p></div>'
    '<p class="cn-now-none" data-cn-show="none" hidden>No week</p></div>'
    '<div class="cn-now-group" data-cn-group="overdue"><ul>'
    '<li data-cn-show="overdue" data-cn-due="2026-11-13T23:59"><a href="week-1/">Week 1</a>: '
    'lab · due <time datetime="2026-11-13T23:59">Fri 13 Nov, 23:59</time></li>'
    '<li data-cn-show="next" data-cn-due="2026-12-02T23:59" hidden>lab 5</li>'
    '<li data-cn-show="behind" data-cn-end="2026-11-15">Week 1</li></ul></div></div>'
)
CHART = (
    '<figure class="cn-burnup-figure"><svg class="cn-burnup" viewBox="0 0 640 260" role="img" '
    'aria-labelledby="cn-burnup-title" xmlns="http://www.w3.org/2000/svg">'
    '<title id="cn-burnup-title">Items done over time</title>'
    '<line class="cn-axis" x1="44" y1="224" x2="624" y2="224"/>'
    '<text class="cn-label" x="44.0" y="240">W1</text>'
    '<text class="cn-label" x="38" y="20" text-anchor="end">9</text>'
    '<path class="cn-done" d="M44,224H92.9V200H300"/></svg>'
    '<figcaption class="cn-burnup-legend"><span class="cn-key cn-key--done">done</span>'
    "</figcaption></figure>"
    '<p class="cn-projection">At your pace</p>'
    '<details class="cn-burnup-data"><summary>The chart as a table</summary><table>'
    "<caption>Items done</caption>"
    '<thead><tr><th scope="col">Date</th></tr></thead>'
    "<tbody><tr><td>2026-11-09</td></tr></tbody></table></details>"
)


@pytest.mark.parametrize("html", [PANEL, CHART], ids=["panel", "chart"])
def test_the_home_page_list_keeps_the_panel_and_the_chart(html: str) -> None:
    assert dom(sanitize.clean_home(html)) == dom(html)
    # The week pages' list has none of it: what the generated home page lost (issue 21).
    assert dom(sanitize.clean(html)) != dom(html)


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<p data-cn-show="now" data-cn-end="x" onclick="a()">p</p>', '<p data-cn-end="x">p</p>'),
        ('<div data-cn-group="x" data-cn-other="1">d</div>', "<div>d</div>"),
        (
            '<svg role="presentation" aria-labelledby="x" onload="a()" style="x:1"></svg>',
            "<svg></svg>",
        ),
        (
            '<svg><title id="__config">t</title><text onclick="a()" fill="red">w</text></svg>',
            "<svg><title>t</title><text>w</text></svg>",
        ),
        (
            '<svg><line style="stroke:url(https://x.org/)" x1="1"/></svg>',
            '<svg><line x1="1"/></svg>',
        ),
        (
            '<time datetime="2026-11-13" onmouseover="a()">Fri</time>',
            '<time datetime="2026-11-13">Fri</time>',
        ),
        (
            '<figure style="position:fixed"><svg><a href="javascript:a()">x</a></svg></figure>',
            "<figure><svg><a>x</a></svg></figure>",
        ),
        ('<svg><foreignObject><img src=x onerror="a()"></foreignObject></svg>', "<svg></svg>"),
        ('<th scope="row" style="color:red">x</th>', "x"),
    ],
)
def test_the_home_page_list_removes_what_a_script_needs(html: str, kept: str) -> None:
    assert dom(sanitize.clean_home(html)) == dom(kept)


@pytest.mark.parametrize(
    ("html", "kept"), test_what_a_script_needs_is_removed.pytestmark[0].args[1]
)
def test_the_home_page_list_removes_what_the_pages_list_removes(html: str, kept: str) -> None:
    assert dom(sanitize.clean_home(html)) == dom(kept)


MINE = '<p style="color: red" data-mine="1">mine</p>'
HOLE = '<b onclick="a()">x</b><a href="javascript:a()">y</a>'


def test_only_what_the_macros_returned_is_cleaned() -> None:
    page = MINE + sanitize.marked_inline(HOLE) + MINE
    assert sanitize.clean_marked(page) == MINE + "x<a>y</a>" + MINE
    assert sanitize.clean_marked(MINE) == MINE


def test_each_part_has_its_own_allow_list() -> None:
    panel = '<p data-cn-show="before" data-cn-start="2026-11-09" hidden>starts</p>'
    home = sanitize.clean_marked(sanitize.marked_inline(panel, sanitize.HOME))
    page = sanitize.clean_marked(sanitize.marked_inline(panel))
    assert dom(home) == dom(panel)
    assert dom(page) == dom("<p>starts</p>")


def test_a_part_runs_from_its_first_mark_to_its_last() -> None:
    marked = sanitize.marked_inline(HOLE)
    start, end = marked.split(HOLE)
    # An end mark swallowed: the rest of the page is cleaned.
    assert sanitize.clean_marked(MINE + start + HOLE + MINE) == MINE + "x<a>y</a><p>mine</p>"
    # A start mark swallowed: the page up to the end mark is.
    assert sanitize.clean_marked(MINE + HOLE + end + MINE) == "<p>mine</p>x<a>y</a>" + MINE
    # The same output twice, and what is between.
    twice = sanitize.clean_marked(marked + MINE + marked + MINE)
    assert twice == "x<a>y</a><p>mine</p>x<a>y</a>" + MINE
    # An end mark moved past the next part's start: the two are one.
    other = sanitize.marked_inline(HOLE)
    other_start, other_end = other.split(HOLE)
    moved = start + HOLE + other_start + HOLE + end + MINE + other_end + MINE
    assert sanitize.clean_marked(moved) == "x<a>y</a>x<a>y</a><p>mine</p>" + MINE


def test_a_mark_from_the_notes_ends_nothing() -> None:
    """Marks without the process's own number, as notes text could hold, are comments."""
    marked = sanitize.marked_inline(HOLE + "<!--/course-notes 0 0123456789abcdef-->" + HOLE)
    assert sanitize.clean_marked(marked) == "x<a>y</a>x<a>y</a>"


def test_a_heading_id_of_the_theme_is_renamed_with_its_links() -> None:
    html = (
        '<h1 id="__config">__config<a class="headerlink" href="#__config">¶</a></h1>'
        '<h2 id="cn__search">taken</h2><h2 id="__search">s</h2><p id="__keep">p</p>'
        '<a href="#__search">to s</a><h3 id="fine">f</h3>'
    )
    renamed, ids = sanitize.safe_heading_ids(html)
    assert ids == {"__config": "cn__config", "__search": "cn__search_1"}
    assert renamed == (
        '<h1 id="cn__config">__config<a class="headerlink" href="#cn__config">¶</a></h1>'
        '<h2 id="cn__search">taken</h2><h2 id="cn__search_1">s</h2><p id="__keep">p</p>'
        '<a href="#cn__search_1">to s</a><h3 id="fine">f</h3>'
    )
    assert sanitize.safe_heading_ids('<h2 id="fine">f</h2>') == ('<h2 id="fine">f</h2>', {})


@pytest.fixture
def generated_home(tmp_path: Path) -> Path:
    """The dated notes of test_now.py in git, on a site with no page of its own: its config."""
    from test_now import NOTES

    from conftest import git

    config = copy_project(tmp_path, NOTES.replace("✓", ""))
    for page in (tmp_path / "docs").glob("*.md"):
        page.unlink()
    git(tmp_path, "init", "-q", "-b", "main", when="2026-11-09T09:00:00")
    git(tmp_path, "add", "seeds/notes.md", when="2026-11-09T09:00:00")
    git(tmp_path, "commit", "-q", "-m", "start", when="2026-11-09T09:00:00")
    (tmp_path / "seeds" / "notes.md").write_text(NOTES, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "lab 1", when="2026-11-12T20:00:00")
    return config


def shown(element: Tag) -> bool:
    """Not hidden by its own or an ancestor's ``hidden``, as a browser shows it."""
    return not any(node.has_attr("hidden") for node in [element, *element.parents])


def check_home(article: Tag) -> None:
    """The panel says where the build's day (Wed 25 Nov) is, once; the chart has its lines."""
    states = article.select(".cn-now > p[data-cn-show], .cn-now-week")
    assert [" ".join(s.get_text().split())[:20] for s in states if shown(s)] == [
        "Week 3: Vision, Mon "
    ]
    overdue = article.select('[data-cn-group="overdue"] li')
    assert len([li for li in overdue if shown(li)]) == 2
    assert not shown(article.select_one('[data-cn-group="overdue"] .cn-now-none'))
    chart = article.select_one("figure svg.cn-burnup")
    assert chart is not None and len(chart.select("line")) == 2 + 4 + 1
    assert chart.select_one("path.cn-done")["d"].startswith("M")


def test_the_generated_home_page_passes_its_list_whole(
    generated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: list[str] = []
    clean_home = sanitize.clean_home

    def spy(html: str) -> str:
        pages.append(html)
        return clean_home(html)

    monkeypatch.setattr(sanitize, "clean_home", spy)
    site = build_project(generated_home)
    [html] = pages
    assert dom(clean_home(html)) == dom(html)
    article = read_html(site, "").select_one("article")
    assert article is not None
    check_home(article)


def test_under_zensical_the_generated_home_page_keeps_its_panel_and_chart(
    generated_home: Path,
) -> None:
    from importlib.util import find_spec

    from course_notes.adapters.cli import main as cli

    if find_spec("zensical") is None:
        pytest.skip("Zensical is not installed (pip install '.[zensical]', Python 3.11+)")
    assert cli.main(["build", "--engine", "zensical", "-f", str(generated_home), "--strict"]) == 0
    article = read_html(generated_home.parent / "site", "").select_one("article")
    assert article is not None
    check_home(article)


def test_cleaning_never_unescapes_a_quote() -> None:
    """A quote the renderer escaped stays escaped where a template may print it."""
    said = sanitize.marked_inline('<span class="a" title="q&quot;x">say &quot;hi&quot;</span>')
    cleaned = sanitize.clean_marked(said)
    assert dom(cleaned) == dom('<span class="a" title="q&quot;x">say "hi"</span>')
    assert cleaned == '<span class="a" title="q&quot;x">say &#34;hi&#34;</span>'
    # Printed into a script's string: the notes' quote does not end it.
    script = BeautifulSoup(sanitize.clean_marked(f'<script>s = "{said}";</script>'), "html5lib")
    assert "say &#34;hi&#34;" in script.script.string
    # Printed into an attribute: text only, in the attribute.
    div = BeautifulSoup(sanitize.clean_marked(f'<div title="{said}">x</div>'), "html5lib")
    assert div.div.attrs == {"title": 'say "hi"'}
