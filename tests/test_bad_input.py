"""Bad input: each case builds and shows everything, or stops with one clear line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from course_notes.adapters.cli.main import main as cli_main
from course_notes.io.notes import NotesFileError, read_course
from course_notes.model import Progress
from course_notes.read.notes import parse

from conftest import (
    build_errors,
    build_project,
    copy_project,
    missing_texts,
    read_html,
    site_pages,
    site_texts,
)


def article_text(site: Path, page: str) -> str:
    return " ".join(read_html(site, page).select_one("article").get_text(" ").split())


def week_pages(site: Path) -> list[str]:
    return sorted(path.parent.name for path in site.glob("week-*/index.html"))


def info_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The plugin's INFO messages, without the logger's "course_notes: " prefix."""
    return [
        r.getMessage().removeprefix("course_notes: ")
        for r in caplog.records
        if r.levelname == "INFO" and "course_notes" in r.name
    ]


def headings(site: Path, page: str) -> list[str]:
    soup = read_html(site, page)
    return [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h1, article h2")]


@pytest.fixture
def build_logged(
    build_site: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> Callable[..., Path]:
    caplog.set_level("INFO")

    def run(notes: str | bytes) -> Path:
        site = build_site(notes)
        levels = {r.levelname for r in caplog.records}
        assert levels <= {"INFO", "DEBUG"}, "odd input is INFO, never a warning"
        return site

    return run


# --- The file cannot be read: one line naming the path and the reason. ---


def test_folder_instead_of_file(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    notes = tmp_path / "seeds" / "notes.md"
    notes.unlink()
    notes.mkdir()
    assert build_errors(config) == [f"notes file '{notes}' is a folder, not a file"]


def _read_as(path: Path, uid: int) -> str:
    """read_course in a forked child that runs as another user; its outcome in words."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, read, report, and leave without cleanup
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            try:
                outcome = f"read {read_course(path).progress}"
            except NotesFileError as error:
                outcome = str(error)
            os.write(write_end, outcome.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        outcome = pipe.read()
    os.waitpid(pid, 0)
    return outcome


def test_unreadable_file() -> None:
    # chmod 000 stops everyone but root, and the suite runs as root in CI. As root the
    # read is done by a forked child that has dropped to the unprivileged 'nobody'
    # (the kernel, not a mock, refuses it), with a readable control first.
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)
        notes = Path(folder) / "notes.md"
        notes.write_text("# week 1\n- a ✓\n", encoding="utf-8")
        # Read once here first: the child, once 'nobody', cannot import the codecs and
        # modules that the interpreter loads lazily from root's own folders.
        assert _read_in_process(notes) == "read 1/1"
        as_root = os.geteuid() == 0
        reader = (lambda path: _read_as(path, 65534)) if as_root else _read_in_process
        assert reader(notes) == "read 1/1"
        notes.chmod(0o000)
        assert reader(notes) == f"cannot read notes file '{notes}': Permission denied"


def _read_in_process(path: Path) -> str:
    try:
        return f"read {read_course(path).progress}"
    except NotesFileError as error:
        return str(error)


def test_binary_file_stops_the_build_with_one_line(tmp_path: Path) -> None:
    config = copy_project(tmp_path, b"# week 1\n- slides\n%PDF\x00\x01\x02 binary")
    # The real command: what a user sees is one error line, no traceback.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 1
    notes = tmp_path / "seeds" / "notes.md"
    assert f"{notes}:3: a NUL byte; this is a binary file, not a text notes file" in result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if "ERROR" in line]) == 1


def test_cli_export_says_the_same_in_one_line(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"\x00")
    assert cli_main(["export", str(tmp_path / "out"), "--notes", str(notes)]) == 1
    assert capsys.readouterr().err == (
        f"course-notes: {notes}:1: a NUL byte; this is a binary file, not a text notes file\n"
    )


# --- Odd but buildable: the site shows everything, with an INFO line. ---


def test_empty_file(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    site = build_logged("")
    assert week_pages(site) == []
    assert "0/0 done (0%) across 0 weeks" in article_text(site, "")
    assert "seeds/notes.md: the file is empty, so the site has no week pages" in info_lines(caplog)


def test_only_thoughts(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    notes = "# Thoughts\nwhy does dropout help?\n\nis adam always best?\n"
    site = build_logged(notes)
    assert week_pages(site) == []
    assert missing_texts(notes, site_texts(site)) == []
    assert (
        "seeds/notes.md: no units (`## Week N`, `Module N`, `W1`...) found, so the site has no "
        "week pages; name your unit's word with `units:` in mkdocs.yml" in info_lines(caplog)
    )


def test_bytes_that_are_not_utf8(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    site = build_logged("# week 1\n## readings\n- caf\xe9 society ✓\n".encode("cp1252", "replace"))
    assert "café society" in article_text(site, "week-1")
    assert (
        "seeds/notes.md:3: bytes that are not UTF-8 on line 3; read as cp1252 there"
        in info_lines(caplog)
    )


def test_utf16_file(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    site = build_logged("# week 1: vision\n## exercises\n- conv nets ✓\n".encode("utf-16"))
    assert "Exercises 1/1" in article_text(site, "week-1")
    assert "seeds/notes.md: the file is UTF-16; read as such" in info_lines(caplog)


def test_control_characters_are_shown(build_logged) -> None:
    site = build_logged("# week 1\n## exercises\n- bell \x07 and \x02start\x03 \x1b[1m\n")
    assert "bell ␇ and ␂start␃ ␛[1m" in article_text(site, "week-1")


def test_items_before_the_first_week(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    notes = "course: deep learning\n- buy the book ✓\n## admin\n- enrol\n# week 1\n- a\n"
    site = build_logged(notes)
    general = article_text(site, "general")
    assert "course: deep learning" in general
    assert "buy the book" in general
    assert "Admin 0/1" in article_text(site, "general") or "Admin" in general
    assert parse(notes).progress == Progress(1, 3)
    assert "seeds/notes.md:1: section before the first week; shown on the General page" in (
        info_lines(caplog)
    )
    assert missing_texts(notes, site_texts(site)) == []


def test_week_heading_without_a_number(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    # Its lines are its own (issue 23): "b" is not counted in week 1's exercises.
    site = build_logged("# week 1\n## exercises\n- a\n# week of revision\n- b\n")
    assert "b" not in article_text(site, "week-1").split()
    general = article_text(site, "general")
    assert "Week of revision" in general and "b" in general
    assert week_pages(site) == ["week-1"]
    assert (
        "seeds/notes.md:4: week heading without a number; its lines are on the General page"
        in info_lines(caplog)
    )


def test_same_week_twice_is_one_page_in_file_order(
    build_logged, caplog: pytest.LogCaptureFixture
) -> None:
    notes = (
        "# week 1: intro\n## slides\n- s1 ✓\n# week 2\n- w2\n# week 01: more\n## exercises\n- e1\n"
    )
    site = build_logged(notes)
    assert week_pages(site) == ["week-1", "week-2"]
    # Titles as written since issue 12 (no re-casing).
    assert headings(site, "week-1") == ["Week 1: intro / more", "Slides", "Exercises"]
    assert (
        "seeds/notes.md:6: week 1 appears again (first at line 1); its sections join the first"
        in (info_lines(caplog))
    )


def test_weeks_out_of_order_and_with_gaps(build_logged) -> None:
    site = build_logged("# week 7\n- g\n# week 3\n- c\n# week 1\n- a\n")
    assert week_pages(site) == ["week-1", "week-3", "week-7"]
    links = [a["href"] for a in read_html(site, "").select("article table a")]
    assert links == ["week-1/", "week-3/", "week-7/"]


def test_week_numbers_above_99(build_logged, caplog: pytest.LogCaptureFixture) -> None:
    # Up to 999 a number is a week (a course may number weeks its own way); past that
    # it is a typo or a date, shown as written.
    site = build_logged("# week 100\n- a\n# week 999: last\n- b\n# week 2024\n- c\n")
    assert week_pages(site) == ["week-100", "week-999"]
    assert "Week 2024" in article_text(site, "general")
    assert (
        "seeds/notes.md:5: week 2024 is above 999; its lines are on the General page"
        in info_lines(caplog)
    )


def test_ten_thousand_character_lines(build_logged) -> None:
    words = " ".join(f"w{n}" for n in range(2000))[:10_000]
    # Lines of 10,000 "[" or "`": test_a_line_too_rich_for_one_block_shows_whole_in_parts.
    notes = f"# week 1: {words}\n## {words}\n- {words} ✓\n{words}\n# Thoughts\n{words}\n"
    site = build_logged(notes)
    assert missing_texts(notes, site_texts(site)) == []
    badge = read_html(site, "week-1").select_one(".cn-badge").get_text(" ", strip=True)
    assert badge.startswith("W0 w1 w2") and badge.endswith(" w1850 w185 1/1")


def test_a_line_too_rich_for_one_block_shows_whole_in_parts(build_logged) -> None:
    # Each "[" or "`" is a construct Markdown matches; past markup.BUDGET of them a line goes
    # on in a further paragraph of the same item (one block of 40,000 took 5 s, in blocks
    # of 5,000 under 1 s), and every character is still on the page.
    notes = f"# week 1\n## a\n- {'[' * 12_000}\n- {'`' * 12_000}\n- {'{' * 12_000} end ✓\n"
    site = build_logged(notes)
    items = read_html(site, "week-1").select("article li.task-list-item")
    assert len(items) == 3
    for item, character in zip(items, "[`{", strict=True):
        parts = [p.get_text() for p in item.select("p")]
        assert len(parts) == 3
        assert "".join(parts).strip().removesuffix(" end") == character * 12_000
    assert items[2].select_one("input").has_attr("checked")


def test_ten_megabyte_file() -> None:
    # The build of such a file is measured in benchmarks/ (time and memory); here the
    # parser and the pages, which must hold every line of it.
    block = (
        "# week {n}: topic {n}\n## video recordings & notes:\n"
        + "  - lecture part {n} (12:34) ðŸ—¸\n" * 100
        + "## exercises\n"
        + "- exercise {n}\n" * 100
        + "-------\n"
    )
    notes = "".join(block.format(n=n % 52 + 1) for n in range(1, 1920)) + "# Thoughts\nwhy?\n"
    assert len(notes.encode()) > 10_000_000
    course = parse(notes)
    assert len(course.weeks) == 52
    assert course.progress == Progress(191_900, 383_800)
    assert sum(len(week.joined_at) for week in course.weeks) == 1919 - 52
    pages = site_pages(course)
    assert pages["week-1.md"].count("- [x] lecture part 1 ") == 36 * 100


def test_notes_outside_the_project(tmp_path: Path) -> None:
    project = tmp_path / "site-project"
    project.mkdir()
    config = copy_project(project)
    outside = tmp_path / "elsewhere" / "term 1 notes.md"
    outside.parent.mkdir()
    outside.write_text("# week 1: far away\n## exercises\n- a ✓\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("notes: seeds/notes.md", "notes: ../elsewhere/term 1 notes.md"),
        encoding="utf-8",
    )
    (project / "seeds" / "notes.md").unlink()
    site = build_project(config)
    assert article_text(site, "week-1").startswith("Week 1: far away")  # as written


def test_odd_characters_at_a_line_start_show_without_backslashes(build_logged) -> None:
    site = build_logged(
        "# week 1\n## exercises\n???+ not details\n= not a heading\n| not a table\n"
    )
    text = article_text(site, "week-1")
    assert "???+ not details = not a heading | not a table" in text
    assert "\\" not in text


def test_html_in_titles_stays_text_in_the_nav_and_head(build_logged) -> None:
    site = build_logged('# week 1: <b>bold</b> "quoted"\n## <i>it</i>\n- a\n')
    soup = read_html(site, "week-1")
    assert soup.title.get_text().startswith('Week 1: <b>bold</b> "quoted"')
    assert soup.select_one('meta[name="description"]')["content"].startswith(
        'Week 1: <b>bold</b> "quoted"'
    )
    nav = soup.select_one("nav.md-nav--primary")
    assert nav.find("b") is None
    assert '<b>bold</b> "quoted"' in nav.get_text()
    assert soup.select_one("article").find("i") is None


def test_emoji_in_a_week_title_keeps_the_front_matter(build_logged) -> None:
    site = build_logged("# week 1: 🚀 rockets\n- a\n")
    soup = read_html(site, "week-1")
    assert soup.title.get_text().startswith("Week 1: 🚀 rockets")  # as written
    assert "render_macros" not in soup.select_one("article").get_text()


def test_a_trailing_hash_is_kept(build_logged) -> None:
    site = build_logged("# week 1: C#\n## C# ##\n- learn F#\n")
    assert headings(site, "week-1") == ["Week 1: C#", "C#"]
    assert "learn F#" in article_text(site, "week-1")


def test_many_odd_lines_keep_the_build_output_short(
    build_logged, caplog: pytest.LogCaptureFixture
) -> None:
    # Headings at the weeks' level that are no week: each is a section of the General page
    # (issue 23), reported.
    notes = "# week 1\n## exercises\n" + "".join(f"# odd line {n}\n" for n in range(1, 121))
    caplog.set_level("DEBUG", logger="mkdocs.plugins")
    site = build_logged(notes)
    info = info_lines(caplog)
    odd = [line for line in info if "is not a week" in line]
    assert odd[0] == (
        "seeds/notes.md:3: heading `# odd line 1` is not a week (`# Week N`); its lines are "
        "on the General page"
    )
    assert len(odd) == 50
    assert "seeds/notes.md: 70 more odd lines, listed with `mkdocs build --verbose`" in info
    debug = [r.getMessage() for r in caplog.records if r.levelname == "DEBUG"]
    assert any("seeds/notes.md:122: heading `# odd line 120`" in line for line in debug)
    assert "Odd line 120" in article_text(site, "general")


def test_macros_variables_describe_themselves_briefly() -> None:
    # mkdocs-macros writes str() of every variable into a debug message on every build
    # (debugging on or not). A big course's full repr took a second and 130 MB.
    from course_notes.adapters.core import macros
    from course_notes.derive.site import build_site

    notes = "".join(
        f"# week {n}\n## readings\n" + "".join(f"- paper {n}.{i} ✓\n" for i in range(200))
        for n in range(1, 53)
    )
    course = parse(notes + "# Thoughts\nwhy?\n")
    variables = macros.variables(build_site(course))
    assert str(variables["course"]) == "Course(52 weeks, 10400/10400 done)"
    assert str(variables["questions"]) == "QuestionList(1 entries, 1 open)"
    assert re.fullmatch(
        r"ReadingList\(\d{4,5} readings, \d+/\d+ done\)", str(variables["reading_list"])
    )
    assert all(len(str(value)) < 80 for value in variables.values())


def test_a_generated_page_keeps_one_copy_of_its_markdown(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(copy_project(tmp_path)), site_dir=str(tmp_path / "site"))
    kept = {}

    def remember(markdown: str, /, *, page, config, files) -> str:
        kept[page.file.src_uri] = page
        return markdown

    config.plugins.events["page_markdown"].append(remember)
    build(config)
    week = kept["week-1.md"]
    # The very same string, not an equal copy: the File no longer holds a second one.
    assert week.file.content_string is week.markdown
    assert week.markdown.startswith("# Week 1")
    assert week.meta["render_macros"] is False
