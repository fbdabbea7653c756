"""A real build with term_start and a fixed today: the "now" panel, behind badges, calendar.ics."""

from __future__ import annotations

import datetime
from pathlib import Path

import icalendar
import pytest
from bs4 import Tag

from course_notes.adapters.cli.main import main

from conftest import build_project, copy_project, git, read_html

# The repository's mkdocs.yml sets term_start: 2026-11-09 (a Monday); the tests' today
# (conftest.TODAY) is Wed 25 Nov 2026, in week 3.
NOTES = """\
# Week 1: Intro
## exercises
- lab 1 due Fri ✓
- lab 2 due Fri 11:59pm
# Week 2 (Nov 16)
## exercises
- quiz (due: 18/11)
- essay due 2026-11-30
# Week 3: Vision
## exercises
- lab 3 due Wed 9am
- lab 4 due Thu
- project due 10 Dec
- reading
# Week 4
## exercises
- lab 5 due 2 Dec
"""


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(copy_project(tmp_path_factory.mktemp("dated"), NOTES))


def shown(element: Tag) -> bool:
    """Not hidden by its own or an ancestor's ``hidden`` attribute, as a browser shows it."""
    return not any(node.has_attr("hidden") for node in [element, *element.parents])


def texts(panel: Tag, selector: str) -> list[str]:
    return [" ".join(e.get_text(" ").split()) for e in panel.select(selector) if shown(e)]


def panel(site: Path) -> Tag:
    found = read_html(site, "").select_one("article .cn-now")
    assert found is not None
    return found


def test_the_panel_shows_the_state_on_the_build_day(dated_site: Path) -> None:
    now = panel(dated_site)
    assert now["data-cn-built"] == "2026-11-25"
    assert "As of Wed 25 Nov 2026, the day this site was built" in now.get_text()
    # The current week, with its items not done and a link to its page.
    [week] = [block for block in now.select(".cn-now-week") if shown(block)]
    assert week.select_one("a")["href"] == "week-3/"
    assert "Week 3: Vision, Mon 23 Nov – Sun 29 Nov · 0/4 done" in " ".join(week.get_text().split())
    assert texts(week, "li") == [
        "lab 3 due Wed 9am",
        "lab 4 due Thu",
        "project due 10 Dec",
        "reading",
    ]
    overdue = now.select_one('[data-cn-group="overdue"]')
    assert texts(overdue, "li") == [
        "Week 1 : lab 2 due Fri 11:59pm · due Fri 13 Nov, 23:59",
        "Week 2 : quiz (due: 18/11) · due Wed 18 Nov",
    ]
    behind = now.select_one('[data-cn-group="behind"]')
    assert texts(behind, "li") == [
        "Week 1: Intro : 1 of 2 not done (the week ended on Sun 15 Nov)",
        "Week 2 (Nov 16) : 2 of 2 not done (the week ended on Sun 22 Nov)",
    ]
    upcoming = now.select_one('[data-cn-group="next"]')
    assert texts(upcoming, "li") == [
        "Week 3 : lab 3 due Wed 9am · due Wed 25 Nov, 09:00",
        "Week 3 : lab 4 due Thu · due Thu 26 Nov",
        "Week 2 : essay due 2026-11-30 · due Mon 30 Nov",
    ]
    # Every candidate is on the page for the script, with its dates; the done item is not.
    assert [li["data-cn-due"] for li in upcoming.select("li")] == [
        "2026-11-13T23:59",
        "2026-11-18T23:59",
        "2026-11-25T09:00",
        "2026-11-26T23:59",
        "2026-11-30T23:59",
        "2026-12-02T23:59",
        "2026-12-10T23:59",
    ]
    links = {a["href"] for a in now.select("li a")}
    assert links == {"week-1/", "week-2/", "week-3/", "week-4/"}
    # Nothing to say "none" where something is listed.
    assert texts(now, ".cn-now-none") == []


def test_behind_badges_on_the_week_pages_and_the_weeks_table(dated_site: Path) -> None:
    for number, behind in [(1, True), (2, True), (3, False), (4, False)]:
        badge = read_html(dated_site, f"week-{number}").select_one(".cn-badges .cn-badge--behind")
        assert badge is not None
        assert shown(badge) is behind, number
        # Readable without colour: a word and an icon, and the figures in its title.
        assert badge.get_text(strip=True) == "Behind"
        assert badge.select_one("svg") is not None
    badge = read_html(dated_site, "week-1").select_one(".cn-badge--behind")
    assert badge["title"] == "Behind: 1 of 2 not done, and the week ended on Sun 15 Nov 2026"
    assert badge["data-cn-end"] == "2026-11-15"
    table = read_html(dated_site, "").select_one("article table")
    rows = [row for row in table.select("tbody tr")]
    assert [shown(row.select_one(".cn-badge--behind")) for row in rows] == [
        True,
        True,
        False,
        False,
    ]


def events(site: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_every_week_and_due_item(dated_site: Path) -> None:
    found = events(dated_site)
    summaries = sorted(str(event["summary"]) for event in found.values())
    assert summaries == sorted(
        [
            "Week 1: Intro — 1/2 done",
            "Week 2 (Nov 16) — 0/2 done",
            "Week 3: Vision — 0/4 done",
            "Week 4 — 0/1 done",
            "Due: lab 1 due Fri (Week 1) — done",
            "Due: lab 2 due Fri 11:59pm (Week 1) — not done",
            "Due: quiz (due: 18/11) (Week 2) — not done",
            "Due: essay due 2026-11-30 (Week 2) — not done",
            "Due: lab 3 due Wed 9am (Week 3) — not done",
            "Due: lab 4 due Thu (Week 3) — not done",
            "Due: project due 10 Dec (Week 3) — not done",
            "Due: lab 5 due 2 Dec (Week 4) — not done",
        ]
    )
    by_summary = {str(event["summary"]): event for event in found.values()}
    week = by_summary["Week 2 (Nov 16) — 0/2 done"]
    assert week.decoded("dtstart") == datetime.date(2026, 11, 16)
    assert week.decoded("dtend") == datetime.date(2026, 11, 23)  # all day, end exclusive
    timed = by_summary["Due: lab 3 due Wed 9am (Week 3) — not done"]
    assert timed.decoded("dtstart") == datetime.datetime(2026, 11, 25, 9, 0)
    day = by_summary["Due: quiz (due: 18/11) (Week 2) — not done"]
    assert day.decoded("dtstart") == datetime.date(2026, 11, 18)
    # The home page links to it, and says how to subscribe.
    home = read_html(dated_site, "").select_one("article")
    link = home.select_one("a.cn-calendar")
    assert link["href"] == "calendar.ics"
    assert "Google Calendar" in link.parent.get_text() and "Outlook" in link.parent.get_text()


def test_calendar_uids_are_stable_across_builds(dated_site: Path, tmp_path: Path) -> None:
    # The next build: an item ticked off, a line added above the others.
    notes = NOTES.replace("- lab 2 due Fri 11:59pm", "- lab 2 due Fri 11:59pm ✓")
    notes = notes.replace("# Week 1: Intro\n", "# Week 1: Intro\nsome words\n")
    again = events(build_project(copy_project(tmp_path, notes)))
    before = events(dated_site)
    assert again.keys() == before.keys()
    assert len(before) == 12
    changed = [uid for uid in before if before[uid]["summary"] != again[uid]["summary"]]
    assert sorted(str(again[uid]["summary"]) for uid in changed) == [
        "Due: lab 2 due Fri 11:59pm (Week 1) — done",
        "Week 1: Intro — 2/2 done",
    ]


def test_the_script_is_on_every_page(dated_site: Path) -> None:
    script = (dated_site / "assets" / "course-notes.js").read_text("utf-8")
    assert "document$" in script
    # It toggles `hidden` and writes one line of its own: nothing that parses or runs text.
    for unsafe in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "eval(", "Function("):
        assert unsafe not in script
    for page in ("", "week-1"):
        sources = [tag.get("src") for tag in read_html(dated_site, page).select("script")]
        assert any(src and src.endswith("assets/course-notes.js") for src in sources), page


def test_no_dates_no_panel_no_calendar(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = copy_project(tmp_path, "# Week 1\n## exercises\n- lab due Fri\n")
    text = config.read_text("utf-8")
    config.write_text(text.replace("      term_start: 2026-11-09\n", ""), "utf-8")
    site = build_project(config)
    assert not (site / "calendar.ics").exists()
    assert not (site / "assets" / "course-notes.js").exists()
    home = read_html(site, "").select_one("article")
    assert home.select(".cn-now, .cn-calendar, .cn-burnup") == []
    assert "Now" not in [h.get_text(strip=True).rstrip("¶") for h in home.select("h2")]
    assert read_html(site, "week-1").select(".cn-badge--behind") == []


def test_outside_git_no_chart_and_one_info_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    site = build_project(copy_project(tmp_path, NOTES))
    assert read_html(site, "").select(".cn-burnup") == []
    lines = [r.getMessage() for r in caplog.records if "progress chart" in r.getMessage()]
    assert lines == [
        "course_notes: seeds/notes.md: the notes file is in no git repository, "
        "so there is no progress chart"
    ]


def test_in_git_the_burnup_chart_its_table_and_projection(tmp_path: Path) -> None:
    config = copy_project(tmp_path, NOTES.replace("✓", ""))
    notes = tmp_path / "seeds" / "notes.md"
    git(tmp_path, "init", "-q", "-b", "main", when="2026-11-09T09:00:00")
    git(tmp_path, "add", "seeds/notes.md", when="2026-11-09T09:00:00")
    git(tmp_path, "commit", "-q", "-m", "start", when="2026-11-09T09:00:00")
    notes.write_text(NOTES, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "lab 1", when="2026-11-12T20:00:00")
    notes.write_text(NOTES.replace("- reading", "- reading ✓"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "reading", when="2026-11-20T20:00:00")
    site = build_project(config)
    home = read_html(site, "").select_one("article")
    svg = home.select_one("figure svg.cn-burnup")
    assert svg is not None and svg["role"] == "img"
    assert svg.select_one("title").get_text() == "Items done over time: 2 of 9 on Fri 20 Nov 2026"
    rows = [
        [td.get_text() for td in row.select("td")]
        for row in home.select(".cn-burnup-data tbody tr")
    ]
    assert rows == [["2026-11-09", "0", "9"], ["2026-11-12", "1", "9"], ["2026-11-20", "2", "9"]]
    # 2 done in the 14 days before 25 Nov (since the first commit, 16 days ago); 7 left over
    # the 12 days to Sun 6 Dec, 2 weeks.
    sentence = home.select_one(".cn-projection").get_text()
    assert sentence.startswith("At your pace of the last 14 days (2 done), you would finish on")
    assert "4 items a week would finish on time" in sentence
    # The counts are cached beside mkdocs.yml, per blob.
    assert (tmp_path / ".cache" / "course-notes" / "history.json").is_file()


def test_status_prints_the_same_summary(
    dated_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = dated_site.parent / "mkdocs.yml"
    assert main(["status", "-f", str(config)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[:4] == [
        "Today: Wed 25 Nov 2026",
        "This week: Week 3: Vision (Mon 23 Nov - Sun 29 Nov), 0/4 done",
        "  [ ] lab 3 due Wed 9am",
        "  [ ] lab 4 due Thu",
    ]
    assert "Overdue: 2\n  Fri 13 Nov, 23:59  Week 1: lab 2 due Fri 11:59pm\n" in out
    assert "Behind: 2\n" in out
    assert "Next due:\n  Wed 25 Nov, 09:00  Week 3: lab 3 due Wed 9am\n" in out


def test_status_with_another_today_and_a_bad_one(
    dated_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = str(dated_site.parent / "mkdocs.yml")
    monkeypatch.setenv("COURSE_NOTES_TODAY", "2026-11-01")
    assert main(["status", "-f", config]) == 0
    out = capsys.readouterr().out
    assert "The term starts on Mon 9 Nov 2026." in out and "Behind: nothing" in out
    monkeypatch.setenv("COURSE_NOTES_TODAY", "25/11/2026")
    assert main(["status", "-f", config]) == 1
    err = capsys.readouterr().err
    assert err == "course-notes: COURSE_NOTES_TODAY='25/11/2026' is not a day as YYYY-MM-DD\n"


def test_a_bad_term_start_stops_the_build_with_its_reason(tmp_path: Path) -> None:
    from conftest import build_errors

    config = copy_project(tmp_path, NOTES)
    text = config.read_text("utf-8")
    config.write_text(text.replace("term_start: 2026-11-09", "term_start: next monday"), "utf-8")
    errors = build_errors(config)
    assert any("term_start" in line and "YYYY-MM-DD" in line for line in errors), errors


def test_check_names_the_line_of_an_unread_due_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Week 1\n## exercises\n- lab due Fri\n- essay (due: next week)\n", "utf-8")
    assert main(["check", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert "notes.md:4: due date `due: next week` not read" in out


def test_two_courses_calendars_named_alike_share_no_event() -> None:
    from course_notes.derive.schedule import schedule
    from course_notes.read.notes import parse
    from course_notes.render.calendar import calendar

    def uids(title: str) -> set[str]:
        course = parse(f"# {title}\n## Week 1\n- [ ] lab 1 (due Fri)\n")
        placed = schedule(course, datetime.date(2027, 3, 1), datetime.date(2027, 3, 2))
        assert placed is not None
        text = calendar(placed, "Notes", datetime.date(2027, 3, 2), course.title)
        return {line for line in text.splitlines() if line.startswith("UID:")}

    first, second = uids("Algorithms"), uids("Statistics")
    assert len(first) == 2 and len(second) == 2
    assert not first & second
    # The same course gives the same UIDs build after build: a calendar app updates them.
    assert uids("Algorithms") == first


def test_the_chart_labels_weeks_without_overlap_when_history_starts_long_before() -> None:
    import re

    from course_notes.model import Burnup, DatedWeek, HistoryPoint, Schedule, Week
    from course_notes.render.chart import LABEL_GAP, burnup

    start = datetime.date(2027, 3, 1)
    weeks = [
        DatedWeek(
            Week(n, n),
            start + datetime.timedelta(weeks=n - 1),
            start + datetime.timedelta(weeks=n, days=-1),
        )
        for n in range(1, 13)
    ]
    points = [
        HistoryPoint(datetime.date(2026, 9, 1), 0, 10),
        HistoryPoint(datetime.date(2027, 4, 1), 5, 40),
    ]
    html = burnup(Burnup(points), Schedule(weeks), datetime.date(2027, 4, 2))
    labels = [
        (float(x), name)
        for x, name in re.findall(
            r'<text class="cn-label" x="([\d.]+)" y="[\d.]+">(W\d+)</text>', html
        )
    ]
    assert labels[0][1] == "W1" and 2 <= len(labels) < 12
    assert all(b[0] - a[0] >= LABEL_GAP for a, b in zip(labels, labels[1:], strict=False))
    # Every week keeps its grid line.
    assert html.count('class="cn-grid"') == 12
