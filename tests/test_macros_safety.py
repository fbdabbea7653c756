"""What the macros put on a hand-written page is sanitised, and its headings take no theme id.

The escaping of notes text (markup.py) is the first wall; these tests open a hole in it on
purpose (``open_hole``: every renderer the macros call adds a script, an on* handler, a
``javascript:`` link and a style to its output) and check that the second wall, the
allow-list, keeps all of it off the page under MkDocs (the plugin, and mkdocs-macros alone)
and under Zensical, while the macros' own output and the author's own HTML stay as they
were. Then the notes' title ``# __config``, and an unexpected exception while reading the
notes: one line, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from course_notes.adapters.core import macros_env
from course_notes.adapters.zensical import engine as zensical_engine
from course_notes.io import load as notes_file
from course_notes.io.config import resolve
from course_notes.model import Progress
from course_notes.render import chart as render_chart
from course_notes.render import now as render_now
from course_notes.render import pages as render

from conftest import build_errors, build_project, read_html

TESTS = Path(__file__).resolve().parent

# Dated weeks (the mkdocs.yml below sets term_start: 2026-11-09; the tests' today is Wed 25
# Nov 2026), a title Material's script would read its settings from, and a link with "$".
NOTES = """\
# __config

See [the notes](https://example.org/$a\\$b) and *the outline*.

# Week 1: Intro
## exercises
- lab 1 due Fri
- lab 2 due Fri 11:59pm
## readings
- Deep Learning (ch 2)
# Week 2
## exercises
- quiz due Wed
"""
CONFIG = """\
site_name: Safety
theme:
  name: material
  font: false
plugins:
  - search
  - course-notes:
      notes: notes.md
      term_start: 2026-11-09
  - macros:
      on_error_fail: true
markdown_extensions:
  - toc:
      permalink: true
"""
# A page that calls every macro, prints the title in a heading of its own, and has HTML of
# its author's, which is theirs to keep.
PAGE = """\
{{ course_intro() }}

## {{ course.title }} in brief

<span class="mine" style="color: rebeccapurple" data-mine="kept">the author's own</span>

{{ progress_bar(course.progress) }}

Week 1: {{ progress_badge("Week 1", course.weeks[0].progress) }}

{{ now_panel() }}

{{ calendar_link() }}

## Weeks

{{ weeks_table() }}

{{ burnup() }}

## Readings

{{ readings() }}
"""
# What a hole in the escaping would let through, each part of it a different way to run
# script or cover the page.
PAYLOAD = (
    '<script>document.title = "owned"</script>'
    '<img src="hole.png" onerror="alert(1)">'
    '<a href="javascript:alert(2)" onclick="alert(3)">hole link</a>'
    '<b style="position: fixed; inset: 0">hole cover</b>'
)


def _block(render_markdown: Callable[..., str]) -> Callable[..., str]:
    """Add the payload as a block after the renderer's blocks."""
    return lambda *args, **kwargs: f"{render_markdown(*args, **kwargs)}\n\n{PAYLOAD}\n"


def _inline(render_markdown: Callable[..., str]) -> Callable[..., str]:
    """Add the payload after the renderer's inline Markdown."""
    return lambda *args, **kwargs: render_markdown(*args, **kwargs) + PAYLOAD


def _in_span(render_html: Callable[..., str]) -> Callable[..., str]:
    """Add the payload inside the span the renderer returns."""

    def holed(*args: Any, **kwargs: Any) -> str:
        return render_html(*args, **kwargs).removesuffix("</span>") + PAYLOAD + "</span>"

    return holed


# Every renderer the macros call, and where its output takes the payload.
HOLES: list[tuple[Any, str, Callable[[Callable[..., str]], Callable[..., str]]]] = [
    (render, "course_intro", _block),
    (render, "weeks_table", _block),
    (render, "reading_list_markdown", _block),
    (render_now, "now_panel", _block),
    (render_chart, "burnup", _block),
    (render_now, "calendar_link", _inline),
    (render, "progress_bar", _in_span),
    (render, "badge", _in_span),
]


def open_hole(set_attribute: Callable[[Any, str, Any], None] = setattr) -> None:
    """Make every renderer the macros call add PAYLOAD to what it returns."""
    for module, name, hole in HOLES:
        set_attribute(module, name, hole(getattr(module, name)))


def run_first_in_new_interpreters(folder: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Have every Python started from now on run ``code`` first (as its sitecustomize)."""
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    path = [str(folder), os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(part for part in path if part))


def git(folder: Path, *arguments: str) -> None:
    """Run git in folder as one author on one day, with no config of the machine's."""
    when = "2026-11-10T09:00:00"
    people = {
        f"GIT_{who}_{what}": value
        for who in ("AUTHOR", "COMMITTER")
        for what, value in (("NAME", "S"), ("EMAIL", "s@example.org"), ("DATE", when))
    }
    subprocess.run(
        ["git", "-C", str(folder), *arguments],
        check=True,
        capture_output=True,
        env={**people, "HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )


def project(root: Path, page: str = PAGE) -> Path:
    """The small site: its config, the notes in a git history (for the chart), one page."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    notes = root / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "notes.md")
    git(root, "commit", "-q", "-m", "notes")
    notes.write_text(NOTES.replace("- lab 1 due Fri", "- lab 1 due Fri ✓"), encoding="utf-8")
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def mkdocs_home(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    """The page built by MkDocs with the plugin, through the hole."""
    with pytest.MonkeyPatch.context() as patch:
        open_hole(patch.setattr)
        site = build_project(project(tmp_path_factory.mktemp("mkdocs")))
    return read_html(site, "")


def _zensical_or_skip() -> None:
    """Skip without Zensical, but fail in CI."""
    if find_spec("zensical") is None:
        message = "Zensical is not installed (pip install '.[zensical]', Python 3.11+)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set: the Zensical tests must run, but {message}")
        pytest.skip(message)


@pytest.fixture(scope="module")
def zensical_home(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    """The page built by ``course-notes build --engine zensical``, through the hole."""
    _zensical_or_skip()
    from course_notes.adapters.cli import main as cli

    root = tmp_path_factory.mktemp("zensical")
    config = project(root / "site")
    with pytest.MonkeyPatch.context() as patch:
        # Zensical runs in this process: the hole is opened here, after the generated pages
        # are written (they are the plugin's, not the macros').
        prepare = zensical_engine.Project.prepare

        def prepare_then_open(self: zensical_engine.Project) -> list[str]:
            written = prepare(self)
            open_hole(patch.setattr)
            return written

        patch.setattr(zensical_engine.Project, "prepare", prepare_then_open)
        assert cli.main(["build", "--engine", "zensical", "-f", str(config), "--strict"]) == 0
    return read_html(root / "site" / "site", "")


@pytest.fixture(params=["mkdocs", "zensical"])
def home(request: pytest.FixtureRequest) -> BeautifulSoup:
    """The page as each engine built it."""
    return request.getfixturevalue(f"{request.param}_home")


def article(page: BeautifulSoup) -> Tag:
    """The page's article: what the page's Markdown became."""
    found = page.select_one("article")
    assert found is not None
    return found


def test_nothing_that_runs_from_the_hole_reaches_the_page(home: BeautifulSoup) -> None:
    content = article(home)
    # The hole was open: its text is on the page, as text.
    assert content.get_text().count("hole link") >= len(HOLES)
    assert content.select("script, img, b") == []
    handlers = [(tag.name, name) for tag in content.find_all(True) for name in tag.attrs]
    assert [pair for pair in handlers if pair[1].startswith("on")] == []
    assert [a["href"] for a in content.select("a[href^='javascript:' i]")] == []
    styles = {tag["style"] for tag in content.select("[style]:not(.mine)")}
    assert {style.split(":")[0] for style in styles} == {"width", "text-align"}


def test_the_macros_output_and_the_authors_html_are_kept(home: BeautifulSoup) -> None:
    content = article(home)
    # The author's own HTML, outside the macros' output, as they wrote it.
    mine = content.select_one("span.mine")
    assert mine is not None
    assert (mine["style"], mine["data-mine"]) == ("color: rebeccapurple", "kept")
    # The intro and its link (the "$" in its address no math).
    intro = content.select_one("a[href^='https://example.org/']")
    assert intro is not None and intro.get_text() == "the notes"
    assert intro["href"] == "https://example.org/%24a%24b"
    # The bar and the badge, with their figures.
    bar = content.select_one("span.cn-progress[role=progressbar]")
    assert bar is not None and bar["aria-valuenow"] == "25"
    assert bar.select_one(".progress-bar")["style"] == "width:25%"
    badge = content.select_one("span.cn-badge")
    assert badge is not None and " ".join(badge.get_text().split()).startswith("Week 1 1/3")
    # The "now" panel with what the script reads: dates, states, hidden candidates. The
    # build's day (25 Nov) is after the term (2 weeks from 9 Nov): it says so, and no more.
    panel = content.select_one(".cn-now")
    assert panel is not None and panel["data-cn-built"] == "2026-11-25"
    terms = panel.select("p[data-cn-show=before], p[data-cn-show=after]")
    assert [(p["data-cn-show"], p.has_attr("hidden")) for p in terms] == [
        ("before", True),
        ("after", False),
    ]
    overdue = panel.select('[data-cn-group="overdue"] li[data-cn-due]')
    assert [(li["data-cn-due"], li.has_attr("hidden")) for li in overdue] == [
        ("2026-11-13T23:59", False),
        ("2026-11-18T23:59", False),
    ]
    # The calendar's link, the weeks table and its links, the chart's drawing, the readings.
    assert content.select_one("a.cn-calendar")["href"].endswith("calendar.ics")
    assert len(content.select(".cn-weeks tbody tr")) == 2
    chart = content.select_one("svg.cn-burnup")
    assert chart is not None and len(chart.select("line")) >= 4
    assert chart.select("path.cn-done, path.cn-total")
    # The readings as a task list, each check mark named as on the plugin's pages.
    boxes = content.select("li.task-list-item input[type=checkbox]")
    assert boxes and [box.get("aria-label") for box in boxes] == ["Done"] * len(boxes)


def test_a_title_heading_takes_no_id_of_the_theme(home: BeautifulSoup) -> None:
    """``# __config`` in the notes: a heading with a safe id, Material's settings found."""
    assert [element.name for element in home.select('[id="__config"]')] == ["script"]
    content = article(home)
    title = content.select_one("h1")
    assert title is not None and title.get_text().removesuffix("¶") == "__config"
    assert not title["id"].startswith("__")
    assert title.select_one("a.headerlink")["href"] == f"#{title['id']}"
    # The same title through a variable, in the page's own heading, and in the table of
    # contents the theme shows beside the page.
    [heading] = [h for h in content.select("h2") if "in brief" in h.get_text()]
    assert heading["id"] == "cn__config-in-brief"
    assert home.select(f'nav a[href="#{heading["id"]}"]')
    assert not [
        h["id"] for h in content.select("[id]") if h["id"].startswith("__") and h["id"] != "__skip"
    ]


def macros_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str) -> Path:
    """A site whose mkdocs-macros loads ``course_notes.macros_env``, the plugin in another.

    Returns the site's config; the course's is ``tmp_path/course/mkdocs.yml``.
    """
    from mkdocs_macros.plugin import MacrosPlugin

    # mkdocs-macros keeps what other plugins registered in dicts of its class, for the
    # whole process: an earlier build's plugin handed it a "course" of its own.
    for name in ("_add_variables", "_add_macros", "_add_filters"):
        monkeypatch.setattr(MacrosPlugin, name, {})
    monkeypatch.setattr(macros_env, "_last", [])
    monkeypatch.setenv(macros_env.CONFIG_VARIABLE, str(project(tmp_path / "course")))
    site = tmp_path / "pages"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text(page, encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: Pages\ntheme:\n  name: material\n  font: false\nplugins:\n  - macros:\n"
        "      modules: [course_notes.macros_env]\nmarkdown_extensions:\n"
        "  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return site / "mkdocs.yml"


def test_under_mkdocs_macros_alone_the_output_is_sanitised_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs-macros alone: define_env has the pages' Markdown clean what the macros return."""
    page = '{{ course_intro() }}\n\n<span class="mine" style="color: red">mine</span>\n\n'
    config = macros_alone(tmp_path, monkeypatch, page + "{{ progress_bar(course.progress) }}\n")
    open_hole(monkeypatch.setattr)
    page = read_html(build_project(config), "")
    content = article(page)
    assert content.get_text().count("hole link") == 2
    assert content.select("script, img, b, [onclick], [onerror]") == []
    assert content.select_one("span.mine")["style"] == "color: red"
    assert content.select_one("h1")["id"] == "cn__config"
    assert [element.name for element in page.select('[id="__config"]')] == ["script"]


def test_each_macro_marks_its_output_for_the_sanitiser(tmp_path: Path) -> None:
    """No macro of macros.py returns text the sanitiser does not see (nothing may be empty)."""
    from course_notes.adapters.core import macros
    from course_notes.render import sanitize

    files = resolve(project(tmp_path))
    site = macros_env.current_site(files)
    calls: dict[str, tuple[Any, ...]] = {
        "progress_bar": (Progress(1, 2),),
        "progress_badge": ("Week", Progress(1, 2)),
    }
    functions = macros.macro_functions(site)
    for name, function in functions.items():
        output = function(*calls.get(name, ()))
        assert output, name
        assert sanitize.clean_marked(output) != output, name


def boom(*args: Any, **kwargs: Any) -> None:
    """Fail as no rule foresaw: what reading the notes raises in these tests."""
    raise OverflowError("Python int too large to convert to C int")


def boom_in(argument: str) -> str:
    """Code for a sitecustomize: boom when reading the notes, in a Python run with argument."""
    return f"""\
import sys
if {argument!r} in sys.orig_argv:
    sys.path.insert(0, {str(TESTS)!r})
    import course_notes.io.load
    from test_macros_safety import boom
    course_notes.io.load.read_course = boom
"""


def _one_line(output: str) -> str:
    """The one line that says what stopped the build; no traceback anywhere."""
    assert "Traceback" not in output
    [line] = [line for line in output.splitlines() if "please report this" in line]
    assert "OverflowError" in line and "notes.md" in line
    return line


def test_an_unexpected_error_stops_mkdocs_build_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = project(tmp_path / "site")
    run_first_in_new_interpreters(tmp_path / "python", monkeypatch, boom_in("mkdocs"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    line = _one_line(result.stdout + result.stderr)
    assert line.startswith("ERROR")
    assert "notes.md: course-notes stopped on something it did not expect (OverflowError" in line


def test_an_unexpected_error_under_mkdocs_macros_alone_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = macros_alone(tmp_path, monkeypatch, "{{ course_intro() }}\n")
    monkeypatch.setattr(notes_file, "read_course", boom)
    [line] = build_errors(config)
    _one_line(line)


def test_an_unexpected_error_stops_zensical_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Reading the notes fails as no rule foresaw, before Zensical starts."""
    _zensical_or_skip()
    from course_notes.adapters.cli import main as cli

    config = project(tmp_path / "site")
    monkeypatch.setattr(notes_file, "read_course", boom)
    assert cli.main(["build", "--engine", "zensical", "-f", str(config)]) == 1
    out, err = capfd.readouterr()
    line = _one_line(out + err)
    assert line.startswith("course-notes: notes.md: course-notes stopped on something")
