from __future__ import annotations

import pytest

from course_notes.model import Course, Note, Progress, Section, SectionKind, Video, Week
from course_notes.read.decode import decode_notes, repair, sloppy_cp1252
from course_notes.read.durations import clock_seconds, duration_seconds, parse_duration
from course_notes.read.marks import read_marks
from course_notes.read.notes import heading_title, parse

from conftest import accounted_lines


def test_seed_week_1_figures(seed_text: str) -> None:
    week = week_of(parse(seed_text), 1)
    assert week is not None
    assert [(s.label, str(s.progress)) for s in week.sections] == [
        ("Slides", "3/3"),
        ("Attendance", "2/2"),
        ("Exercises", "0/5"),
        ("Videos", "14/14"),
        ("Readings", "0/4"),
    ]
    time = week.video_time
    assert (time.total, time.watched, time.unknown) == (8444, 8444, 1)


def test_seed_week_2_videos(seed_text: str) -> None:
    week = week_of(parse(seed_text), 2)
    assert week is not None
    assert next(s for s in week.sections if s.kind is SectionKind.VIDEOS).progress == Progress(6, 7)


def test_seed_course_total(seed_text: str) -> None:
    course = parse(seed_text)
    assert course.progress == Progress(27, 73)
    assert course.progress.percent == 37
    # Titles as written (issue 12): no longer re-cased to "Week 3: Computer Vision".
    assert [w.name for w in course.weeks] == [
        "Week 1",
        "Week 2",
        "Week 3: computer vision",
        "Week 4: NLP",
        "Week 5: Reinforcement Learning",
        "Week 6: Unsupervised Learning",
    ]
    assert course.thoughts_line == 150
    assert course.diagnostics == []


def test_seed_placeholders_are_not_items(seed_text: str) -> None:
    week = week_of(parse(seed_text), 3)
    assert week is not None
    exercises = next(s for s in week.sections if s.kind is SectionKind.EXERCISES)
    videos = next(s for s in week.sections if s.kind is SectionKind.VIDEOS)
    assert (exercises.progress.total, len(exercises.placeholder_lines)) == (0, 1)
    assert (videos.progress.total, len(videos.placeholder_lines)) == (0, 5)


def test_week_headings_case_and_titles() -> None:
    course = parse("# WEEK 2: computer vision\n- a\n# Week 10\n- b\n# week 9 - NLP\n- c\n")
    # The title is kept exactly as written (issue 12): "computer vision" was re-cased before.
    assert [(w.number, w.name) for w in course.weeks] == [
        (2, "Week 2: computer vision"),
        (9, "Week 9: NLP"),
        (10, "Week 10"),
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("## lecture slides", SectionKind.SLIDES),
        ("## Lecture Attendance, Videos and Notes", SectionKind.ATTENDANCE),
        ("## EXERCISES:", SectionKind.EXERCISES),
        ("## video recordings & notes:", SectionKind.VIDEOS),
        ("## video recordings & notes", SectionKind.VIDEOS),
        ("## Readings", SectionKind.READINGS),
        ("## projects", SectionKind.OTHER),
    ],
)
def test_known_sections(heading: str, kind: SectionKind) -> None:
    week = parse(f"# week 1\n{heading}\n- x\n").weeks[0]
    assert week.sections[0].kind is kind
    assert week.sections[0].progress == Progress(0, 1)


def test_unknown_section_is_kept_with_its_heading() -> None:
    section = parse("# week 1\n## projects:\n- build a GAN ✓\n").weeks[0].sections[0]
    assert (section.label, section.heading) == ("Projects", "Projects")
    assert section.progress == Progress(1, 1)


@pytest.mark.parametrize(
    "mark",
    [
        "🗸",
        "✓",
        "✔",
        "☑",
        "✅",
        "✔\ufe0f",
        "✅\ufe0f",
        "☑\ufe0f",
        "ðŸ—¸",
        "âœ“",
        "âœ”",
        "â˜‘",
        "âœ…",
    ],
)
def test_every_check_mark_means_done(mark: str) -> None:
    text, done = read_marks(f"read chapter 2 {mark}  ")
    assert (text, done) == ("read chapter 2", True)


def test_mojibake_mark_repaired_by_ftfy_when_not_a_known_form() -> None:
    # Latin-1 reading of the tick: C1 control characters instead of cp1252 punctuation.
    text, done = read_marks("video " + "✓".encode().decode("latin-1"))
    assert (text, done) == ("video", True)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("  [x] read ch 2 \t", ("read ch 2", True)),
        ("[X]b", ("b", True)),
        ("[ ] later", ("later", False)),
        ("[ ] started ✓", ("started", True)),
        ("no mark", ("no mark", None)),
        ("X-ray ✓", ("X-ray", True)),
        ("\t✓ X-ray", ("X-ray", True)),
        ("[y] not a box", ("[y] not a box", None)),
        # Only blanks and tabs are trimmed: a no-break space is the text's.
        ("\u00a0lab \u2713", ("\u00a0lab", True)),
        ("\u2713\u00a0lab", ("\u00a0lab", True)),
        ("\u00a0intro \u2713 read", ("\u00a0intro", True)),
        ("\u00a0slides \u2713 went ok", ("\u00a0slides \u2014 went ok", True)),
        # Roam's box counts where no box stands before it.
        ("{{[[DONE]]}} a", ("a", True)),
        ("{{TODO}} a", ("a", False)),
        ("[x] {{[[TODO]]}} a", ("{{[[TODO]]}} a", True)),
        # A tick and the word it means, ending the line; only the last tick when two end it.
        ("Hunt (2012), intro \u2713 read", ("Hunt (2012), intro", True)),
        ("lab \u2713 read \u2713", ("lab \u2713 read", True)),
        # A tick, then a remark of five words at most.
        (
            "slides to Dr W by Weds \u2713 went ok and on time",
            ("slides to Dr W by Weds \u2014 went ok and on time", True),
        ),
        (
            "slides to Dr W by Weds \u2713 went ok and on time today",
            ("slides to Dr W by Weds \u2713 went ok and on time today", None),
        ),
        # A score after the tick, a word after it too.
        ("quiz 3 \u2713 8/10", ("quiz 3 8/10", True)),
        ("quiz \u2713 8/10 yay!", ("quiz 8/10 yay!", True)),
        ("caf\u00e9 \u2713 8/10 yay!", ("caf\u00e9 8/10 yay!", True)),
        ("caf\u00e9 \u2713 85%", ("caf\u00e9 85%", True)),
        # A box ticked in words, after a blank; not glued to a word.
        ("wyk\u0142ad nagranie 1:12:30 [OK]", ("wyk\u0142ad nagranie 1:12:30", True)),
        ("nagranie 1:12:30 [ok]", ("nagranie 1:12:30", True)),
        ("nagranie x[OK]", ("nagranie x[OK]", None)),
        ("nagranie\t[OK]", ("nagranie", True)),
        # "[x" with no "]" is no box before a note.
        ("lab [xb - note", ("lab [xb - note", None)),
        ("lab [x] - note", ("lab - note", True)),
        ("lab [xb - see [a]", ("lab [xb - see [a]", None)),
        ("lab [x] - see [a]", ("lab - see [a]", True)),
    ],
)
def test_read_marks(text: str, read: tuple[str, bool | None]) -> None:
    # (the rest, True for done, False for an open box, None for no mark at all)
    assert read_marks(text) == read


def test_no_mark_is_not_done() -> None:
    assert read_marks("naïve bayes") == ("naïve bayes", None)


def test_boxes() -> None:
    items = parse("# week 1\n## exercises\n- [x] one\n- [X] two\n- [ ] three\n- [ ] four ✓\n")
    section = items.weeks[0].sections[0]
    assert [(i.text, i.done) for i in section.items] == [
        ("one", True),
        ("two", True),
        ("three", False),
        ("four", True),
    ]


def test_items_indented_with_spaces_or_tabs() -> None:
    # A list indented as a whole is still the section's own list.
    course = parse("# week 1\n## exercises\n    - a\n    - b\n## readings\n\t- c\n\t- d\n")
    assert [i.text for i in course.weeks[0].items] == ["a", "b", "c", "d"]


def test_items_indented_under_another_belong_to_it() -> None:
    # Before issue 12 "b" and "c" were two more items; now they nest under "a", and with
    # no tick or box among them they are notes on it.
    course = parse("# week 1\n## exercises\n- a\n    - b\n\t- c\n")
    section = course.weeks[0].sections[0]
    assert [i.text for i in section.items] == ["a"]
    assert [(n.text, n.depth) for n in notes_of(section)] == [("b", 1), ("c", 1)]


@pytest.mark.parametrize(
    ("line", "title", "seconds"),
    [
        ("intro (4:40)", "intro", 280),
        ("long one (1:02:03)", "long one", 3723),
        ("Probability (16.57)", "Probability", 1017),
        ("mystery (?)", "mystery", None),
        ("adam ()", "adam", None),
        ("no parens", "no parens", None),
        ("GANs (part 2)", "GANs (part 2)", None),
    ],
)
def test_durations(line: str, title: str, seconds: int | None) -> None:
    assert parse_duration(line) == (title, seconds)


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("4:40", 280),
        ("1h 5m", 3900),
        ("1h05", 3900),
        ("1H 5M", 3900),
        ("58 min", 3480),
        ("58m", 3480),
        ("1 hr 45 min", 6300),
        ("2 hours", 7200),
        ("5m30s", 330),
        ("5m30", 330),
        ("90s", 90),
        ("1h", 3600),
        ("1h 10m 5s", 4205),
        ("0s", 0),
    ],
)
def test_duration_units(written: str, seconds: int) -> None:
    assert duration_seconds(written) == seconds


@pytest.mark.parametrize(
    "written", ["", "?", "part 2", "ch 1", "1", "5 pages", "1m 2h", "1h 1h", "30 1h", "1h 5m x"]
)
def test_not_a_duration(written: str) -> None:
    assert duration_seconds(written) is None


def test_videos_carry_durations() -> None:
    course = parse("# week 1\n## video recordings & notes:\n  - a (1:00) ✓\n  - b (?)\n")
    videos = course.weeks[0].videos
    assert all(isinstance(v, Video) for v in videos)
    assert [(v.text, v.duration, v.done) for v in videos] == [("a", 60, True), ("b", None, False)]


def test_placeholders_and_separators() -> None:
    course = parse("# week 1\n## exercises\n-\n- ()\n- \n------\n# week 2\n")
    section = course.weeks[0].sections[0]
    assert (section.progress.total, len(section.placeholder_lines)) == (0, 3)
    assert course.diagnostics == []


def test_blank_lines_do_not_split_a_week() -> None:
    course = parse("# week 1\n## exercises\n- a\n\n\n- b\n\n## readings\n\n- c\n")
    assert [str(s.progress) for s in course.weeks[0].sections] == ["0/2", "0/1"]


def test_bom_and_crlf() -> None:
    text, diagnostics = decode_notes("# week 1\r\n## exercises\r\n- a ✓\r\n".encode("utf-8-sig"))
    assert diagnostics == []
    course = parse(text)
    assert course.progress == Progress(1, 1)
    assert course.weeks[0].items[0].text == "a"


def test_cp1252_bytes_are_read_with_a_diagnostic() -> None:
    text, diagnostics = decode_notes("# week 1\n- caf\xe9\n".encode("cp1252"))
    assert "café" in text
    assert [d.line for d in diagnostics] == [2]


def test_stray_lines_are_kept_with_their_line_numbers() -> None:
    course = parse("# week 1\n## exercises\n- a\njust a remark\n")
    section = course.weeks[0].sections[0]
    assert [(n.text, n.line) for n in notes_of(section)] == [("just a remark", 4)]
    # A line of text in a section is a note there (issue 12), placed, so no diagnostic.
    assert course.diagnostics == []


def test_thoughts_are_kept_verbatim() -> None:
    course = parse("# week 1\n- a\n# Thoughts\nwhy?\n\n## not a section\n---\n")
    assert [line.text for line in course.thoughts] == ["why?", "", "## not a section", "---", ""]
    assert course.weeks[0].progress.total == 1


def test_section_before_first_week_goes_to_general() -> None:
    course = parse("## readings\n- a book\n# week 1\n- b\n")
    assert [s.label for s in course.general] == ["Readings"]
    assert course.progress == Progress(0, 2)
    assert course.diagnostics[0].line == 1


def test_repeated_week_joins_the_first() -> None:
    course = parse("# week 1\n## slides\n- a\n# week 2\n- b\n# week 1\n## exercises\n- c\n")
    assert [w.number for w in course.weeks] == [1, 2]
    assert [s.heading for s in course.weeks[0].sections] == ["Slides", "Exercises"]
    assert any("week 1 appears again" in d.message for d in course.diagnostics)


def test_week_without_number_keeps_its_own_lines() -> None:
    # Issue 23: items after a heading that is no unit belong to that heading, never to the
    # section above it (they were counted in week 1's exercises).
    course = parse("# week 1\n## exercises\n- a\n# week of revision\n- b\n")
    assert [i.text for i in course.weeks[0].sections[0].items] == ["a"]
    assert [(s.title, [i.text for i in s.items]) for s in course.general] == [
        ("week of revision", ["b"])
    ]


def test_repair_fixes_mojibake_and_nothing_else() -> None:
    assert repair("cafÃ© au lait") == "café au lait"
    # What ftfy.fix_text would also "fix", and the student typed on purpose:
    for typed in ("“Attention” is all you need", "fish &amp; chips", "ﬁne", "ＡＢＣ"):
        assert repair(typed) == typed


def test_garbled_titles_and_notes_are_repaired() -> None:
    course = parse("# week 1: rÃ©seaux\n## lectures de cafÃ©\nnote Ã  voir\n- Ã©tÃ© ✓\n")
    week = course.weeks[0]
    assert week.title == "réseaux"
    assert week.sections[0].title == "lectures de café"
    assert [(e.text, getattr(e, "done", None)) for e in week.sections[0].entries] == [
        ("note à voir", None),
        ("été", True),
    ]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("C#", "C#"),
        ("C# ##", "C#"),
        ("notes  \t", "notes"),
        ("#", "#"),
        ("###", "###"),
        ("a\t#", "a"),
    ],
)
def test_heading_title(written: str, title: str) -> None:
    assert heading_title(written) == title


@pytest.mark.parametrize(
    ("clock", "seconds"),
    [("4:40", 280), ("16.57", 1017), ("1:02:03", 3723), ("0:00", 0), ("٣:٢٠", 200)],
)
def test_clock_seconds(clock: str, seconds: int) -> None:
    assert clock_seconds(clock) == seconds


@pytest.mark.parametrize("text", ["4:4", "123:45", "1:2:3:45", "a:bc", "4:4²", "", ":", "4:40 "])
def test_not_a_clock(text: str) -> None:
    assert clock_seconds(text) is None


def test_utf16_and_sloppy_cp1252() -> None:
    text, diagnostics = decode_notes("# week 1\n- naïve ✓\n".encode("utf-16"))
    assert text == "# week 1\n- naïve ✓\n"
    assert [d.line for d in diagnostics] == [0]
    # The five bytes cp1252 leaves undefined stand for themselves instead of failing.
    assert sloppy_cp1252(b"\x80\x81\x8d\x93\xe9") == "€\x81\x8d“é"


def test_every_line_is_accounted_for_in_the_seed(seed_text: str) -> None:
    course = parse(seed_text)
    accounted = dict(accounted_lines(course))
    assert len(accounted) == len(accounted_lines(course))
    lines = seed_text.split("\n")
    unaccounted = [n for n in range(1, len(lines) + 1) if n not in accounted]
    assert all(not lines[n - 1].strip() or set(lines[n - 1].strip()) == {"-"} for n in unaccounted)
    roles = sorted(set(accounted.values()))
    assert roles == [
        "item",
        "placeholder",
        "section heading",
        "thoughts",
        "thoughts heading",
        "week heading",
    ]
    assert list(accounted.values()).count("placeholder") == 24


def test_repeated_week_and_thoughts_headings_are_kept() -> None:
    course = parse("# week 2: a\n- x\n# Thoughts\nwhy\n# week 2: b\n- y\n# thoughts:\nhow\n")
    week = course.weeks[0]
    assert (week.line, week.joined_at, week.title) == (1, [5], "a / b")
    assert (course.thoughts_line, course.thoughts_joined_at) == (3, [7])
    assert [line.text for line in course.thoughts] == ["why", "how", ""]


def test_no_weeks_is_said_once() -> None:
    assert [d.message for d in parse("").diagnostics] == [
        "the file is empty, so the site has no week pages"
    ]
    assert [d.line for d in parse("# Thoughts\nwhy?\n").diagnostics] == [0]


def week_of(course: Course, number: int) -> Week:
    """The course's week with that number."""
    return next(week for week in course.weeks if week.number == number)


def notes_of(section: Section) -> list[Note]:
    """The section's lines that are not tasks: notes, groups and sub-headings."""
    return [entry for entry in section.entries if isinstance(entry, Note)]
