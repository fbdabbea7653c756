"""The notes format, rule by rule: snippets of notes and the outline each must give.

Read like CommonMark's spec examples: the notes on the left, what the parser makes of
them on the right, as a compact outline (see ``outline``). Each rule of issue 12 has its
examples; the corpus files and their hand-worked figures are in test_corpus.py.
"""

from __future__ import annotations

import textwrap

import pytest

from course_notes.model import Course, Group, Item, Section, SectionKind, Subheading, Video
from course_notes.parse import decode_notes, parse


def outline(course: Course) -> str:
    """The course as an outline, one line per thing the parser found.

    ``title``/``intro`` lines, then ``general`` and each ``week NUMBERS "title" (date)``;
    under them each section as ``kind done/total "heading"``, and under that its entries,
    indented two more per depth: ``[x] task``, ``[ ] video 280s`` (``?s`` unknown),
    ``group ...``, ``note ...``, ``### sub-heading``. Then ``thoughts N`` (lines) and
    ``! LINE message`` for each diagnostic (its first clause).
    """
    lines = [f"title {course.title}"] if course.title else []
    lines += [f"intro {note.text}" for note in course.intro]
    if course.general:
        lines.append("general")
        lines += [line for section in course.general for line in _section(section)]
    for week in course.weeks:
        head = "week " + ",".join(map(str, week.numbers))
        head += f' "{week.title}"' if week.title else ""
        head += f" ({week.date_label})" if week.date_label else ""
        lines.append(head)
        lines += [line for section in week.sections for line in _section(section)]
    if course.thoughts_line:
        lines.append(f"thoughts {len(course.thoughts)}")
    # The message up to its ";": what the hint after it says is asserted in test_corpus.py.
    lines += [f"! {d.line} {d.message.split(';')[0]}" for d in course.diagnostics]
    return "\n".join(lines)


def _section(section: Section) -> list[str]:
    head = f'  {section.kind.name.lower()} {section.progress} "{section.title}"'
    if section.placeholders:
        head += f" +{section.placeholders} placeholder"
    lines = [head]
    for entry in section.entries:
        pad = "    " + "  " * entry.depth
        if isinstance(entry, Item):
            line = f"{pad}[{'x' if entry.done else ' '}] {entry.text}"
            if isinstance(entry, Video):
                line += f" {'?' if entry.duration is None else entry.duration}s"
        elif isinstance(entry, Group):
            line = f"{pad}group {entry.text}"
        elif isinstance(entry, Subheading):
            line = f"{pad}{'#' * entry.level} {entry.text}"
        else:
            line = f"{pad}note {entry.text}"
        lines.append(line)
    return lines


def example(notes: str, expected: str, id: str) -> object:
    return pytest.param(textwrap.dedent(notes), textwrap.dedent(expected).strip(), id=id)


SPEC = [
    # --- Course title and intro ---------------------------------------------------------
    example(
        """\
        # COMP3121 Algorithms — Term 1
        Lecturer: course convenor, Mon/Wed 2pm

        Ed forum for questions.
        # Week 1
        - a
        """,
        """
        title COMP3121 Algorithms — Term 1
        intro Lecturer: course convenor, Mon/Wed 2pm
        intro Ed forum for questions.
        week 1
          other 0/1 ""
            [ ] a
        """,
        id="title-and-intro",
    ),
    example(
        """\
        # COMP3121 Algorithms
        ## Week 1 - Intro
        ### Videos
        - lecture 1 (1:02:03) ✓
        """,
        """
        title COMP3121 Algorithms
        week 1 "Intro"
          videos 1/1 "Videos"
            [x] lecture 1 3723s
        """,
        id="title-above-weeks-at-level-2",
    ),
    example(
        # Sections before the first week stay on the General page; the intro ends there.
        """\
        # COMP3121
        Lecturer: X
        ## admin
        - [x] join the forum
        remember the password
        # Week 1
        """,
        """
        title COMP3121
        intro Lecturer: X
        general
          other 1/1 "admin"
            [x] join the forum
            note remember the password
        week 1
        ! 3 section before the first week
        ! 3 heading `## admin` matched no section kind
        """,
        id="title-then-general-section",
    ),
    example(
        # An item right after the title starts the General page: items are always tasks.
        """\
        # COMP3121
        - buy the book
        # Week 1
        """,
        """
        title COMP3121
        general
          other 0/1 ""
            [ ] buy the book
        week 1
        ! 2 section before the first week
        """,
        id="title-then-item",
    ),
    example(
        # No heading above the first week: a line there is no title (as before issue 12).
        """\
        STAT 201 - Intro to Statistical Inference
        # Week 1
        """,
        """
        general
          other 0/0 ""
            note STAT 201 - Intro to Statistical Inference
        week 1
        ! 1 section before the first week
        """,
        id="no-title-heading",
    ),
    example(
        # Only the first such heading is the title; a second one is a General section.
        """\
        # COMP3121
        # Admin
        - enrol
        # Week 1
        """,
        """
        title COMP3121
        general
          other 0/1 "Admin"
            [ ] enrol
        week 1
        ! 2 section before the first week
        ! 2 heading `# Admin` matched no section kind
        """,
        id="second-heading-above-weeks",
    ),
    # --- Weeks ---------------------------------------------------------------------------
    example(
        """\
        # W1
        # w 2
        # Wk 3
        # WK4: Trees
        # wk. 5
        # WEEK 6 – Graphs
        # week 7 — flexibility week (no lectures)
        # Week 8. DP
        # Week 9: .NET and C#
        """,
        """
        week 1
        week 2
        week 3
        week 4 "Trees"
        week 5
        week 6 "Graphs"
        week 7 "flexibility week (no lectures)"
        week 8 "DP"
        week 9 ".NET and C#"
        """,
        id="week-forms",
    ),
    example(
        # Titles are kept exactly as written: no re-casing, one separator taken.
        """\
        # week 2: computer vision - due Fri
        # Week 3 -- notes
        """,
        """
        week 2 "computer vision - due Fri"
        week 3 "- notes"
        """,
        id="titles-as-written",
    ),
    example(
        """\
        # Weeks 3–4: Graphs
        # Week 5-6
        # Week 7/8 - Flows
        # Weeks 9 - 10
        # W11/12
        """,
        """
        week 3,4 "Graphs"
        week 5,6
        week 7,8 "Flows"
        week 9,10
        week 11,12
        """,
        id="week-ranges",
    ),
    example(
        # Blanks around the dash make a range only after "Weeks"; a range must go up.
        """\
        # Week 2 - 10 problems
        # Week 6-4
        """,
        """
        week 2 "10 problems"
        week 6 "4"
        """,
        id="not-ranges",
    ),
    example(
        """\
        # Week 3 (Mar 10)
        # Week 4 (17 March): Graphs
        # Weeks 5–6 (2025-03-24) - Flows
        # Week 7 (no lectures)
        """,
        """
        week 3 (Mar 10)
        week 4 "Graphs" (17 March)
        week 5,6 "Flows" (2025-03-24)
        week 7 (no lectures)
        """,
        id="date-labels",
    ),
    example(
        # "W12A", "Weekly": no week. Shown where they stand, and reported.
        """\
        # Week 1
        - a
        # W12A
        # Weekly plan
        """,
        """
        week 1
          other 0/1 ""
            [ ] a
            note # W12A
            note # Weekly plan
        ! 3 heading `# W12A` is neither a week (`# Week N`) nor a section (`## Videos`)
        ! 4 heading `# Weekly plan` is neither a week (`# Week N`) nor a section (`## Videos`)
        """,
        id="no-week",
    ),
    example(
        """\
        # Week 1
        # week two
        # Week 1000
        """,
        """
        week 1
          other 0/0 ""
            note # week two
            note # Week 1000
        ! 2 week heading without a number
        ! 3 week 1000 is above 999
        """,
        id="week-without-number-or-too-big",
    ),
    example(
        # The first week heading's level is the week level; one deeper are sections, deeper
        # still sub-headings; above the week level, a heading is reported.
        """\
        # COMP3121
        ## Week 1
        ### Videos
        - a (4:40) ✓
        #### part 2
        - b
        # Part B
        ## Week 2
        ### Week 2 recap
        - c
        """,
        """
        title COMP3121
        week 1
          videos 1/2 "Videos"
            [x] a 280s
            #### part 2
            [ ] b ?s
            note # Part B
        week 2
          other 0/1 "Week 2 recap"
            [ ] c
        ! 7 heading `# Part B` is neither a week (`## Week N`) nor a section (`### Videos`)
        ! 9 heading `### Week 2 recap` matched no section kind
        """,
        id="levels",
    ),
    example(
        # Thoughts at any level up to the week level; deeper, "Thoughts" is a section.
        """\
        # Course
        ## Week 1
        ### Thoughts
        - x
        ## Thoughts
        ### Questions for TA
        why?
        ## Week 2
        """,
        """
        title Course
        week 1
          other 0/1 "Thoughts"
            [ ] x
        week 2
        thoughts 2
        ! 3 heading `### Thoughts` matched no section kind
        """,
        id="thoughts-level",
    ),
    example(
        """\
        # Week 1: a
        - x
        # Week 2
        # Weeks 1-2: b
        - y
        """,
        """
        week 1 "a / b"
          other 0/1 ""
            [ ] x
          other 0/1 ""
            [ ] y
        week 2
        ! 4 week 1 appears again (first at line 1)
        """,
        id="repeated-week",
    ),
    # --- Section kinds ----------------------------------------------------------------
    example(
        """\
        # Week 1
        ## Lectures
        ## lecture attendance, videos and notes
        ## Tutorials attended
        ## Homework
        ## Problem sets
        ## Labs
        ## Quizzes
        ## assignment
        ## Lecture recordings
        ## Watch
        ## Reading
        ## Papers
        ## Textbook
        ## Vids
        """,
        """
        week 1
          slides 0/0 "Lectures"
          attendance 0/0 "lecture attendance, videos and notes"
          attendance 0/0 "Tutorials attended"
          exercises 0/0 "Homework"
          exercises 0/0 "Problem sets"
          exercises 0/0 "Labs"
          exercises 0/0 "Quizzes"
          exercises 0/0 "assignment"
          videos 0/0 "Lecture recordings"
          videos 0/0 "Watch"
          readings 0/0 "Reading"
          readings 0/0 "Papers"
          readings 0/0 "Textbook"
          other 0/0 "Vids"
        ! 15 heading `## Vids` matched no section kind
        """,
        id="section-kinds",
    ),
    # --- Items -------------------------------------------------------------------------
    example(
        """\
        # Week 1
        ## Exercises
        - dash
        * star
        + plus
        1. PS5 Q1 — knapsack
        2) PS5 Q2
        1.5 hours is no item
        -no item either
        """,
        """
        week 1
          exercises 0/5 "Exercises"
            [ ] dash
            [ ] star
            [ ] plus
            [ ] PS5 Q1 — knapsack
            [ ] PS5 Q2
            note 1.5 hours is no item
            note -no item either
        """,
        id="list-markers",
    ),
    example(
        """\
        # Week 1
        ## Labs
        - ✓ started
        - [x] boxed
        - [X] boxed too
        - ends ticked ✔️
        - ends boxed [x]
        - lab 1 ✓ — took ages
        - lab 2 ✓ - quick
        - Quiz 1 ✓ (scored 8/10)
        - PS1 Q2 [x] (asked on forum)
        - [ ] open box
        - extension [ ] (optional)
        - HW2 Q3 ✗ (skipped)
        - a ✓ in the middle of a sentence
        - [ ] box then tick ✓
        """,
        """
        week 1
          exercises 10/14 "Labs"
            [x] started
            [x] boxed
            [x] boxed too
            [x] ends ticked
            [x] ends boxed
            [x] lab 1 — took ages
            [x] lab 2 - quick
            [x] Quiz 1 (scored 8/10)
            [x] PS1 Q2 (asked on forum)
            [ ] open box
            [ ] extension (optional)
            [ ] HW2 Q3 ✗ (skipped)
            [ ] a ✓ in the middle of a sentence
            [x] box then tick
        """,
        id="check-marks",
    ),
    example(
        # Every written form of a tick, the garbled ones of a file read as cp1252 included.
        """\
        # Week 1
        ## Slides
        - a 🗸
        - b ✓
        - c ✔
        - d ☑
        - e ✅
        - f ðŸ—¸
        - g âœ“
        - âœ” h
        - i â˜‘ (again)
        """,
        """
        week 1
          slides 9/9 "Slides"
            [x] a
            [x] b
            [x] c
            [x] d
            [x] e
            [x] f
            [x] g
            [x] h
            [x] i (again)
        """,
        id="tick-forms",
    ),
    example(
        """\
        # Week 1
        ## Exercises
        -
        - ()
        - [ ]
        ---
        """,
        """
        week 1
          exercises 0/0 "Exercises" +3 placeholder
        """,
        id="placeholders",
    ),
    # --- Nesting -----------------------------------------------------------------------
    example(
        # A tick or box among the nested items: they are the tasks, the parent their group.
        """\
        # Week 1
        ## Assignments
        - [x] A1: set up conda env
        - [ ] A1: kNN
          - [x] compute_distances_two_loops
          - [ ] compute_distances_no_loops (vectorise!!)
          - write-up
        - [ ] A1: SVM
        """,
        """
        week 1
          exercises 2/5 "Assignments"
            [x] A1: set up conda env
            group A1: kNN
              [x] compute_distances_two_loops
              [ ] compute_distances_no_loops (vectorise!!)
              [ ] write-up
            [ ] A1: SVM
        """,
        id="nested-tasks",
    ),
    example(
        # No tick or box among them: the nested lines are notes on the parent, one task.
        """\
        # Week 1
        ## Lecture slides
        - L3: merge sort ✓
        - L4: master theorem ✓
          - case 3 regularity condition — re-read this
          - see CLRS 4.5
            more on the next line
        - L5
        """,
        """
        week 1
          slides 2/3 "Lecture slides"
            [x] L3: merge sort
            [x] L4: master theorem
              note case 3 regularity condition — re-read this
              note see CLRS 4.5
                note more on the next line
            [ ] L5
        """,
        id="nested-notes",
    ),
    example(
        # Groups inside groups; a nested list without a parent is the section's own list.
        """\
        # Week 1
        ## Exercises
            - PS1
                - Q1
                    - a ✓
                    - b
                - Q2 ✓
        ## Readings
        \t- ch 1
        \t- ch 2
        """,
        """
        week 1
          exercises 2/3 "Exercises"
            group PS1
              group Q1
                [x] a
                [ ] b
              [x] Q2
          readings 0/2 "Readings"
            [ ] ch 1
            [ ] ch 2
        """,
        id="nested-deeper",
    ),
    example(
        # Nested videos are the tasks: each counts its time; the group counts none.
        """\
        # Week 1
        ## Videos
        - Lecture 1 (1:50:00)
          - part 1 (55:00) ✓
          - part 2 (55:00)
        """,
        """
        week 1
          videos 1/2 "Videos"
            group Lecture 1 (1:50:00)
              [x] part 1 3300s
              [ ] part 2 3300s
        """,
        id="nested-videos",
    ),
    # --- Durations ---------------------------------------------------------------------
    example(
        """\
        # Week 1
        ## Video recordings
        - a (4:40)
        - b [1:02:03]
        - c (16.57)
        - d (1h 5m)
        - e (1h05)
        - f (58 min)
        - g [58m]
        - h (1 hr 45 min)
        - i (5m30s)
        - j (90s)
        - k (1h)
        - (12:30) l in front
        - m (part 1) (4:40)
        - [n](https://example.org/watch?v=1) (2:00)
        - o (?)
        - p ()
        - q (part 2)
        - r
        """,
        """
        week 1
          videos 0/18 "Video recordings"
            [ ] a 280s
            [ ] b 3723s
            [ ] c 1017s
            [ ] d 3900s
            [ ] e 3900s
            [ ] f 3480s
            [ ] g 3480s
            [ ] h 6300s
            [ ] i 330s
            [ ] j 90s
            [ ] k 3600s
            [ ] l in front 750s
            [ ] m (part 1) 280s
            [ ] [n](https://example.org/watch?v=1) 120s
            [ ] o ?s
            [ ] p ?s
            [ ] q (part 2) ?s
            [ ] r ?s
        """,
        id="durations",
    ),
    # --- Notes and sub-headings ------------------------------------------------------
    example(
        """\
        # Week 5: midterm
        (no lectures this week)
        ## Exercises
        Tutor said to start early.
        - PS5
        ### Extra
        - optional one
        """,
        """
        week 5 "midterm"
          other 0/0 ""
            note (no lectures this week)
          exercises 0/2 "Exercises"
            note Tutor said to start early.
            [ ] PS5
            ### Extra
            [ ] optional one
        """,
        id="notes-and-sub-headings",
    ),
]


@pytest.mark.parametrize(("notes", "expected"), SPEC)
def test_spec(notes: str, expected: str) -> None:
    assert outline(parse(notes)) == expected


@pytest.mark.parametrize(("notes", "expected"), SPEC)
def test_spec_loses_no_line(notes: str, expected: str) -> None:
    # Each line is in the model once, or is blank or a --- separator.
    accounted = [number for number, _ in parse(notes).accounted_lines()]
    assert len(accounted) == len(set(accounted))
    lines = notes.split("\n")
    for number, line in enumerate(lines, start=1):
        assert number in accounted or not line.strip() or set(line.strip()) == {"-"}, line


def test_sections_option_adds_and_overrides_words() -> None:
    notes = "# Week 1\n## Vids\n- a (4:40)\n## Lectures\n- b (1:00)\n"
    assert [s.kind for s in parse(notes).weeks[0].sections] == [
        SectionKind.OTHER,
        SectionKind.SLIDES,
    ]
    course = parse(notes, sections={"vids": SectionKind.VIDEOS, "Lectures": SectionKind.VIDEOS})
    assert [s.kind for s in course.weeks[0].sections] == [SectionKind.VIDEOS] * 2
    assert course.video_time.total == 340
    assert course.diagnostics == []


def test_sections_option_whole_heading_beats_the_table() -> None:
    # A word list that is the whole heading decides, even over the attendance rule.
    notes = "# Week 1\n## lecture attendance, videos and notes\n- a (4:40)\n"
    words = {"lecture attendance videos and notes": SectionKind.VIDEOS}
    assert parse(notes, sections=words).weeks[0].sections[0].kind is SectionKind.VIDEOS


def test_section_kind_by_name() -> None:
    assert SectionKind.named("videos") is SectionKind.VIDEOS
    assert SectionKind.named(" Readings ") is SectionKind.READINGS
    with pytest.raises(ValueError, match="unknown section kind 'vids'; one of: slides"):
        SectionKind.named("vids")


def test_week_date_label_as_month_and_day() -> None:
    course = parse(
        "# Week 1 (Mar 10)\n# Week 2 (10th March)\n# Week 3 (Sept. 2)\n# Week 4 (Feb 30)\n"
        "# Week 5 (2025-12-01)\n# Week 6 (no lectures)\n# Week 7\n"
    )
    assert [w.month_day for w in course.weeks] == [(3, 10), (3, 10), (9, 2), None, (12, 1)] + [
        None,
        None,
    ]


def test_week_names() -> None:
    course = parse(
        "# week 3: computer vision\n# Weeks 4–5 (Mar 10): graphs\n# W6 (Mar 24)\n# Week 7\n"
    )
    assert [w.name for w in course.weeks] == [
        "Week 3: computer vision",
        "Weeks 4–5 (Mar 10): graphs",
        "Week 6 (Mar 24)",
        "Week 7",
    ]
    assert [w.slug for w in course.weeks] == ["week-3", "week-4", "week-6", "week-7"]


def test_a_range_counts_as_each_of_its_weeks() -> None:
    course = parse("# Weeks 3-4\n- a\n# Week 4\n- b\n")
    assert [w.numbers for w in course.weeks] == [(3, 4)]
    assert [d.message for d in course.diagnostics] == [
        "week 4 appears again (first at line 1); its sections join the first"
    ]


def test_progress_counts_tasks_not_groups_or_notes() -> None:
    course = parse(
        "# Week 1\n## Videos\n- L1 (10:00) ✓\n  - re-watch the end\n- L2\n"
        "  - part 1 (5:00) ✓\n  - part 2 (5:00)\n  - part 3 (?)\n"
    )
    week = course.weeks[0]
    assert week.progress.done == 2 and week.progress.total == 4
    time = week.video_time
    assert (time.total, time.watched, time.unknown) == (1200, 900, 1)
    assert course.progress == week.progress


def test_bom_with_a_byte_that_is_not_utf8() -> None:
    # The bug from issue 12: the BOM, read as cp1252, hid the first heading.
    text, diagnostics = decode_notes(b"\xef\xbb\xbf# Week 1\n- caf\xe9\n")
    assert text == "# Week 1\n- café\n"
    assert [d.line for d in diagnostics] == [2]
    course = parse(text)
    assert [w.number for w in course.weeks] == [1]
    assert [i.text for i in course.weeks[0].items] == ["café"]


def test_parse_leaves_the_garbage_collector_alone() -> None:
    import gc

    gc.disable()
    try:
        parse("# Week 1\n- a\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
    parse("# Week 1\n- a\n")
    assert gc.isenabled()
