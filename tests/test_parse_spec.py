"""The notes format, rule by rule: snippets of notes and the outline each must give.

Read like CommonMark's spec examples: the notes on the left, what the parser makes of
them on the right, as a compact outline (see ``outline``). Each rule of issue 12 has its
examples; the corpus files and their hand-worked figures are in test_corpus.py.
"""

from __future__ import annotations

import textwrap

import pytest

from course_notes.model import (
    Course,
    Group,
    Item,
    Section,
    SectionKind,
    Subheading,
    Video,
    Week,
    WrittenDate,
)
from course_notes.read.decode import decode_notes
from course_notes.read.notes import parse

from conftest import accounted_lines


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
    if section.placeholder_lines:
        head += f" +{len(section.placeholder_lines)} placeholder"
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
        # No heading above the first week: its first line, short and alone, names the course
        # (issue 23; a plain line there was a note before).
        """\
        STAT 201 - Intro to Statistical Inference
        # Week 1
        """,
        """
        title STAT 201 - Intro to Statistical Inference
        week 1
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
        # Titles are kept exactly as written: no re-casing; the separator after the number
        # taken, a run of them too ("--" is a dash typed).
        """\
        # week 2: computer vision - due Fri
        # Week 3 -- notes
        """,
        """
        week 2 "computer vision - due Fri"
        week 3 "notes"
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
        general
          other 0/0 "W12A"
          other 0/0 "Weekly plan"
        week 1
          other 0/1 ""
            [ ] a
        ! 3 heading `# W12A` is not a week (`# Week N`)
        ! 4 heading `# Weekly plan` is not a week (`# Week N`)
        """,
        id="no-week",
    ),
    example(
        """\
        # Week 1
        # week of revision
        # Week 1000
        """,
        """
        general
          other 0/0 "week of revision"
          other 0/0 "Week 1000"
        week 1
        ! 2 week heading without a number
        ! 3 week 1000 is above 999
        """,
        id="week-without-number-or-too-big",
    ),
    example(
        # A unit's number may be written as a word ("WEEK ONE", "Woche drei").
        """\
        # Week 1
        # week two
        """,
        """
        week 1
        week 2
        """,
        id="week-number-as-a-word",
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
        general
          other 0/0 "Part B"
        week 1
          videos 1/2 "Videos"
            [x] a 280s
            #### part 2
            [ ] b ?s
        week 2
          other 0/1 "Week 2 recap"
            [ ] c
        ! 7 heading `# Part B` is not a week (`## Week N`)
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
        week 2
        thoughts 3
        ! 5 a second questions heading
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
        ## Extras
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
          other 0/0 "Extras"
        ! 15 heading `## Extras` matched no section kind
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
            [ ] HW2 Q3 (skipped)
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
        # Garbled twice over (UTF-8 read as cp1252, saved, read so again), or with a wide
        # space after the tick garbled too: repaired, and the tick counts.
        """\
        # Week 1
        ## Readings
        - read ch 4 Ã¢Å“â€œ
        - read ch 3 âœ“â€ƒ
        - èª\u00adã‚€ âœ“ã€€
        """,
        """
        week 1
          readings 3/3 "Readings"
            [x] read ch 4
            [x] read ch 3
            [x] 読む
        """,
        id="tick-forms-garbled-further",
    ),
    example(
        """\
        # Week 1
        ## Exercises
        -
        - ()
        - [ ]
        - ✓ [x]
        ---
        """,
        """
        week 1
          exercises 0/0 "Exercises" +4 placeholder
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
    # --- Edges: each example below made a wrong parser visible (see `make mutation`) -----
    example(
        # Up to six digits are read (leading zeros too); above week 999 is no week.
        """\
        # Week 000001
        # Week 0000002
        # Week 1234567
        # Week 999
        """,
        """
        general
          other 0/0 "Week 0000002"
          other 0/0 "Week 1234567"
        week 1
        week 999
        ! 2 week 0000002 is above 999
        ! 3 week 1234567 is above 999
        """,
        id="week-number-limits",
    ),
    example(
        # A range goes up, ends at 999 at most and has at most six digits; blanks around its
        # dash only after "Weeks" or "Wks". A title keeps its last letter (an X is no mark).
        """\
        # Week 3-3
        # Weeks 4-000005
        # Weeks 6-0000007
        # Wks 8 - 9
        # Week 10 -11: x
        # Weeks 998-999
        # Week 12: Chapter X
        # Week 13: Part X ##
        """,
        """
        week 3 "3"
        week 4,5
        week 6 "0000007"
        week 8,9
        week 10 "11: x"
        week 12 "Chapter X"
        week 13 "Part X"
        week 998,999
        """,
        id="week-range-limits",
    ),
    example(
        # A week written again: a new date label joins the title in brackets, a repeated
        # title or label is not repeated, a first label or title is taken.
        """\
        # Week 1 (Mar 10): a
        # Week 1 (Mar 17): b
        # Week 1 (Mar 10)
        # Week 1
        # Week 2: c
        # Week 2: c
        # Week 2
        # Week 3
        # Week 3 (Mar 24): d
        # Week 4 (Mar 31)
        # Week 4 (Apr 7)
        """,
        """
        week 1 "a / (Mar 17) b" (Mar 10)
        week 2 "c"
        week 3 "d" (Mar 24)
        week 4 "(Apr 7)" (Mar 31)
        ! 2 week 1 appears again (first at line 1)
        ! 3 week 1 appears again (first at line 1)
        ! 4 week 1 appears again (first at line 1)
        ! 6 week 2 appears again (first at line 5)
        ! 7 week 2 appears again (first at line 5)
        ! 9 week 3 appears again (first at line 8)
        ! 11 week 4 appears again (first at line 10)
        """,
        id="week-written-again",
    ),
    example(
        # Headings have one to six #; a # alone or seven of them are text.
        """\
        # Week 1
        - a
        #
        ####### seven
        ###### six
        """,
        """
        week 1
          other 0/1 ""
            [ ] a
            note #
            note ####### seven
          other 0/0 "six"
        ! 5 heading `###### six` matched no section kind
        """,
        id="heading-marks",
    ),
    example(
        # Without any week heading, # is the week level still: ## sections, ### sub-headings.
        """\
        # COMP
        ## Admin
        ### Forms
        - a
        ## Thoughts
        - b
        """,
        """
        title COMP
        general
          other 0/1 "Admin"
            ### Forms
            [ ] a
        thoughts 2
        ! 2 section before the first week
        ! 2 heading `## Admin` matched no section kind
        ! 0 no units (`## Week N`, `Module N`, `W1`...) found, so the site has no week pages
        """,
        id="no-week-headings",
    ),
    example(
        # A heading after the first item is a section, not the course's title.
        """\
        - buy the book
        # COMP
        - c
        # Week 1
        """,
        """
        general
          other 0/1 ""
            [ ] buy the book
          other 0/1 "COMP"
            [ ] c
        week 1
        ! 1 section before the first week
        ! 2 heading `# COMP` matched no section kind
        """,
        id="no-title-after-an-item",
    ),
    example(
        # The intro ends at any heading: lines after a sub-heading or an odd heading are notes.
        """\
        # COMP
        ### Admin
        some note
        # Week
        more
        # Week 1
        """,
        """
        title COMP
        general
          other 0/0 ""
            ### Admin
            note some note
          other 0/0 "Week"
            note more
        week 1
        ! 2 section before the first week
        ! 4 week heading without a number
        """,
        id="intro-ends-at-a-heading",
    ),
    example(
        # A sub-heading or an odd heading first in the file opens the General page there.
        """\
        ### Deep
        - a
        """,
        """
        general
          other 0/1 ""
            ### Deep
            [ ] a
        ! 1 section before the first week
        ! 0 no units (`## Week N`, `Module N`, `W1`...) found, so the site has no week pages
        """,
        id="sub-heading-first",
    ),
    example(
        """\
        # Week
        - a
        # Week 1
        """,
        """
        general
          other 0/1 "Week"
            [ ] a
        week 1
        ! 1 week heading without a number
        ! 1 section before the first week
        """,
        id="odd-heading-first",
    ),
    example(
        # Anything but a week heading stays in the Thoughts: a second Thoughts heading right
        # after the first, another heading, a week above 999.
        """\
        # Week 1
        # Thoughts
        why?

        # Thoughts
        how?
        # Misc
        # Week 1000
        # Week 2
        """,
        """
        week 1
        week 2
        thoughts 5
        ! 5 a second questions heading
        """,
        id="thoughts-keep-headings",
    ),
    example(
        """\
        # Week 1
        ## Labs
        - café ✓ (yum)\x20\x20
        - ✓ X-ray reading
        - Part X
        - lab 3 ✓ – done
        - [x] started [ ]
        - ends open [ ]
        - read ch 2 ✓\u00a0
        - compute dp[x]
        - Quiz 2 ✓ (8/10) then redo
        - lab 4 ✓ — see (notes) later
        - [Müller](https://example.org) ✓
        - Sheet 2 ✓ X (retry)
        - Quiz 3 ✓ (scored 9/10)\u00a0
        - PS3 ✓ (mostly) but Q4 - ask tutor
        - lab 5 ✓ — redo ✓
        """,
        """
        week 1
          exercises 9/15 "Labs"
            [x] café (yum)
            [x] X-ray reading
            [ ] Part X
            [x] lab 3 – done
            [x] started
            [ ] ends open
            [x] read ch 2
            [ ] compute dp[x]
            [ ] Quiz 2 ✓ (8/10) then redo
            [x] lab 4 — see (notes) later
            [x] [Müller](https://example.org)
            [ ] Sheet 2 ✓ X (retry)
            [x] Quiz 3 (scored 9/10)
            [ ] PS3 ✓ (mostly) but Q4 - ask tutor
            [x] lab 5 ✓ — redo
        """,
        id="check-marks-edges",
    ),
    example(
        # The last (...) or [...] holding a duration wins over a (?) after it; a duration
        # alone is the whole title; a bracket without its opening one is text.
        """\
        # Week 1
        ## Videos
        - (4:40)
        - 4:40)
        - w (4:40) (?)
        - x [4:40] (?)
        - y (part 2) (?)
        - z (part 3) ()
        - u (part 4) []
        """,
        """
        week 1
          videos 0/7 "Videos"
            [ ]  280s
            [ ] ) 280s
            [ ] w (?) 280s
            [ ] x (?) 280s
            [ ] y (part 2) ?s
            [ ] z (part 3) ?s
            [ ] u (part 4) [] ?s
        """,
        id="durations-edges",
    ),
    example(
        # A group's tasks may be a level further down; a tab is four columns; readings nest.
        """\
        # Week 1
        ## Exercises
        - PS1
          - Q1
            - a ✓
            - b
          - Q2
        - c
          - d
        \t- e ✓
        ## Readings
        - ch 1
          - [x] 1.1
          - 1.2
        """,
        """
        week 1
          exercises 2/4 "Exercises"
            group PS1
              group Q1
                [x] a
                [ ] b
              [ ] Q2
            group c
              group d
                [x] e
          readings 1/2 "Readings"
            group ch 1
              [x] 1.1
              [ ] 1.2
        """,
        id="nesting-edges",
    ),
]


def month_day(week: Week) -> tuple[int, int] | None:
    """A week's heading date as (month, day), when it gives a day of a month."""
    date = week.date
    return (date.month, date.day) if date is not None and date.month else None


@pytest.mark.parametrize(("notes", "expected"), SPEC)
def test_spec(notes: str, expected: str) -> None:
    assert outline(parse(notes)) == expected


@pytest.mark.parametrize(("notes", "expected"), SPEC)
def test_spec_loses_no_line(notes: str, expected: str) -> None:
    # Each line is in the model once, or is blank or a --- separator.
    accounted = [number for number, _ in accounted_lines(parse(notes))]
    assert len(accounted) == len(set(accounted))
    lines = notes.split("\n")
    for number, line in enumerate(lines, start=1):
        assert number in accounted or not line.strip() or set(line.strip()) == {"-"}, line


def test_sections_option_adds_and_overrides_words() -> None:
    notes = "# Week 1\n## Extras\n- a (4:40)\n## Lectures\n- b (1:00)\n"
    assert [s.kind for s in parse(notes).weeks[0].sections] == [
        SectionKind.OTHER,
        SectionKind.SLIDES,
    ]
    course = parse(notes, sections={"extras": SectionKind.VIDEOS, "Lectures": SectionKind.VIDEOS})
    assert [s.kind for s in course.weeks[0].sections] == [SectionKind.VIDEOS] * 2
    assert course.video_time.total == 340
    assert course.diagnostics == []


def test_sections_option_whole_heading_beats_the_table() -> None:
    # A word list that is the whole heading decides, even over the attendance rule.
    notes = "# Week 1\n## lecture attendance, videos and notes\n- a (4:40)\n"
    words = {"lecture attendance videos and notes": SectionKind.VIDEOS}
    assert parse(notes, sections=words).weeks[0].sections[0].kind is SectionKind.VIDEOS


def test_sections_option_longest_words_win() -> None:
    # "lab" alone is exercises; "lab videos" given in sections: is longer and wins where
    # both match, though the heading is more than those words.
    notes = "# Week 1\n## Lab videos (recorded)\n- a (4:40)\n## Lab notes\n- b\n"
    course = parse(notes, sections={"lab videos": SectionKind.VIDEOS})
    assert [s.kind for s in course.weeks[0].sections] == [
        SectionKind.VIDEOS,
        SectionKind.EXERCISES,
    ]
    assert course.video_time.total == 280


def test_section_kind_by_name() -> None:
    assert SectionKind.named("videos") is SectionKind.VIDEOS
    assert SectionKind.named(" Readings ") is SectionKind.READINGS
    with pytest.raises(ValueError, match="unknown section kind 'extras'; one of: slides"):
        SectionKind.named("extras")


def test_week_date_label_as_month_and_day() -> None:
    course = parse(
        "# Week 1 (Mar 10)\n# Week 2 (10th March)\n# Week 3 (Sept. 2)\n# Week 4 (Feb 30)\n"
        "# Week 5 (2025-12-01)\n# Week 6 (no lectures)\n# Week 7\n# Week 8 (Jan 31)\n"
        "# Week 9 (Dec 31)\n# Week 10 (exam 10)\n# Week 11 (2025-13-01)\n"
        "# Week 12 (2025-00-10)\n"
    )
    assert [month_day(w) for w in course.weeks] == [(3, 10), (3, 10), (9, 2), None, (12, 1)] + [
        None,
        None,
        (1, 31),
        (12, 31),
        None,
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


# --- What the parser says, word for word -------------------------------------------------
# The outline above keeps a diagnostic's first clause; `course-notes check` and the build's
# INFO lines show all of it, the hint after the ";" included.


def messages(notes: str) -> list[str]:
    return [f"{d.line} {d.message}" for d in parse(notes).diagnostics]


def test_every_diagnostic_word_for_word() -> None:
    notes = textwrap.dedent(
        """\
        ## admin
        - enrol
        # Week
        # Week 1234
        # Week 1
        ## Extras
        - [a](javascript:alert(1))
        # Week 1
        # Thoughts
        why?
        # Thoughts
        """
    )
    assert messages(notes) == [
        "1 section before the first week; shown on the General page",
        "1 heading `## admin` matched no section kind; add it under `sections:`",
        "3 week heading without a number; its lines are on the General page",
        "4 week 1234 is above 999; its lines are on the General page",
        "6 heading `## Extras` matched no section kind; add it under `sections:`",
        "8 week 1 appears again (first at line 5); its sections join the first",
        "11 a second questions heading; its lines join the first",
        "7 a link to a 'javascript:' address is shown as text; links go to http, https, mailto"
        " or relative addresses only",
    ]
    assert messages("") == ["0 the file is empty, so the site has no week pages"]
    assert messages(" \n\t\n") == ["0 the file is empty, so the site has no week pages"]
    assert messages("- a\n")[-1] == (
        "0 no units (`## Week N`, `Module N`, `W1`...) found, so the site has no week pages; "
        "name your unit's word with `units:` in mkdocs.yml"
    )


def test_long_names_in_diagnostics_are_cut() -> None:
    # A heading, a week number or a link's scheme is quoted whole up to a limit, then cut.
    x60, z58 = "x" * 60, "z" * 58
    scheme20 = "s" * 20
    hint = "; its lines are on the General page"
    assert messages(
        f"# Week 1\n## {x60}\n## {x60}y\n# {z58}\n# {z58}z\n"
        "# Week 123456789012\n# Week 1234567890123\n"
        f"- [a]({scheme20}:b)\n- [a]({scheme20}t:b)\n"
    ) == [
        f"2 heading `## {x60}` matched no section kind; add it under `sections:`",
        f"3 heading `## {x60[:57]}...` matched no section kind; add it under `sections:`",
        f"4 heading `# {z58}` is not a week (`# Week N`){hint}",
        f"5 heading `# {z58}z` is not a week (`# Week N`){hint}",
        f"6 week 123456789012 is above 999{hint}",
        f"7 week 123456789012... is above 999{hint}",
        f"8 a link to a '{scheme20}:' address is shown as text; links go to http, https,"
        " mailto or relative addresses only",
        f"9 a link to a '{scheme20}...:' address is shown as text; links go to http, https,"
        " mailto or relative addresses only",
    ]


def test_one_byte_that_is_not_utf8_leaves_the_other_lines_utf8() -> None:
    # Issue 23: one pasted cp1252 byte made the whole file cp1252, so a UTF-8 dash in a week
    # heading came out as "â€“" and the Thoughts were garbled.
    raw = (
        "# Week 1 \u2013 Vektorr\u00e4ume\n- caf".encode()
        + b"\xe9\n"
        + "# Thoughts\n- w\u00fcrde?\n".encode()
    )
    text, diagnostics = decode_notes(raw)
    assert text == "# Week 1 \u2013 Vektorr\u00e4ume\n- caf\u00e9\n# Thoughts\n- w\u00fcrde?\n"
    assert [(d.line, d.message) for d in diagnostics] == [
        (2, "bytes that are not UTF-8 on line 2; read as cp1252 there")
    ]
    _, diagnostics = decode_notes(b"a\xe9\n" * 7)
    assert diagnostics[0].message == (
        "bytes that are not UTF-8 on lines 1, 2, 3, 4, 5, ...; read as cp1252 there"
    )


def test_how_a_file_was_decoded_is_said_with_the_line() -> None:
    # The first byte that is not UTF-8 is on line 3, after a blank first line; lines after
    # it do not move the line said.
    text, diagnostics = decode_notes(b"\n# Week 1\n- caf\xe9\n- b\n- c\n")
    assert text == "\n# Week 1\n- café\n- b\n- c\n"
    assert [(d.line, d.message) for d in diagnostics] == [
        (3, "bytes that are not UTF-8 on line 3; read as cp1252 there")
    ]
    text, diagnostics = decode_notes("# Week 1\n- naïve ✓\n".encode("utf-16"))
    assert text == "# Week 1\n- naïve ✓\n"
    assert [(d.line, d.message) for d in diagnostics] == [(0, "the file is UTF-16; read as such")]
    # A UTF-8 BOM is dropped, and so is a BOM left in the text.
    assert decode_notes("\ufeff# Week 1\n".encode()) == ("# Week 1\n", [])
    # Windows and old Mac line ends are line ends: the line numbers stay those of the file.
    course = parse("\ufeff# Week 1\r\n- a ✓\r- b\r\n## Extras\r\n")
    assert [(i.text, i.done, i.line) for i in course.weeks[0].items] == [
        ("a", True, 2),
        ("b", False, 3),
    ]
    assert [d.line for d in course.diagnostics] == [4]


def test_thoughts_lines_as_written_blank_ones_empty() -> None:
    course = parse("# Week 1\n# Thoughts\nwhy?\n \t\nhow?\n")
    assert [(line.number, line.text) for line in course.thoughts] == [
        (3, "why?"),
        (4, ""),
        (5, "how?"),
        (6, ""),
    ]


def test_due_dates_on_videos_and_readings_too() -> None:
    course = parse(
        "# Week 1\n## Videos\n- L3 (4:40) due Fri\n## Readings\n- ch 3 due 14 Mar\n"
        "## Exercises\n- PS1 due Fri\n"
    )
    week = course.weeks[0]
    assert [(i.text, i.due) for i in week.items] == [
        ("L3 due Fri", WrittenDate("Fri", weekday=4)),
        ("ch 3 due 14 Mar", WrittenDate("14 Mar", month=3, day=14)),
        ("PS1 due Fri", WrittenDate("Fri", weekday=4)),
    ]


def test_a_date_label_given_when_a_week_is_written_again() -> None:
    course = parse("# Week 3\n# Week 3 (Mar 24): d\n")
    assert course.weeks[0].date == WrittenDate("Mar 24", month=3, day=24)


def test_section_levels_as_written() -> None:
    # `check` shows each section with its heading marks; a section with no heading has the
    # level its heading would have.
    course = parse("# COMP\n# Admin\n- a\n## Week 1\n- b\n### Videos\n")
    assert [(s.title, s.level) for s in course.general] == [("Admin", 1)]
    assert [(s.title, s.level) for s in course.weeks[0].sections] == [("", 3), ("Videos", 3)]
