"""Hypothesis strategies for notes files: arbitrary text and text built from the format."""

from __future__ import annotations

from hypothesis import strategies as st

from conftest import TICK_FORMS

# Word characters that render as themselves in Markdown: no emphasis, link, code or
# emoji syntax, so a word's text can be looked for on the built page as typed.
WORD_CHARACTERS = "abcxyzABCXYZ0189éüßçø中文🚀'.,!?&<>{}%=/"
KNOWN_SECTIONS = (
    "lecture slides",
    "Lecture attendance, videos and notes",
    "EXERCISES",
    "video recordings & notes",
    "readings",
)

words = st.text(alphabet=WORD_CHARACTERS, min_size=1, max_size=8)
phrases = st.lists(words, min_size=1, max_size=5).map(" ".join)
indents = st.sampled_from(["", " ", "  ", "\t", "    "])


@st.composite
def week_headings(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(["week", "Week", "WEEK"]))
    number = draw(st.integers(1, 12) | st.integers(0, 1200))
    title = draw(st.just("") | phrases)
    between = draw(st.sampled_from([": ", " ", " - ", ":"]))
    return f"# {word} {number}{between + title if title else ''}"


@st.composite
def section_headings(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(KNOWN_SECTIONS) | phrases)
    return f"## {title}{draw(st.sampled_from(['', ':']))}"


@st.composite
def items(draw: st.DrawFn) -> str:
    box = draw(st.sampled_from(["", "", "[x] ", "[X] ", "[ ] "]))
    text = draw(phrases)
    duration = draw(
        st.sampled_from(["", "", " (?)", " ()"])
        | st.builds(lambda m, s: f" ({m}:{s:02})", st.integers(0, 99), st.integers(0, 59))
        | st.builds(
            lambda h, m, s: f" ({h}:{m:02}.{s:02})",
            st.integers(0, 9),
            st.integers(0, 59),
            st.integers(0, 59),
        )
    )
    tick = draw(st.just("") | st.sampled_from(TICK_FORMS).map(lambda form: " " + form))
    trailing = draw(st.sampled_from(["", " ", "\t"]))
    marker = draw(st.sampled_from(["-", "-", "*", "+"]))
    return f"{draw(indents)}{marker} {box}{text}{duration}{tick}{trailing}"


placeholders = st.builds(
    lambda indent, body: indent + body, indents, st.sampled_from(["-", "- ", "- ()", "-\t"])
)
separators = st.integers(3, 60).map(lambda n: "-" * n)
blanks = st.sampled_from(["", " ", "\t", "   "])
thoughts_headings = st.sampled_from(["# Thoughts", "# thoughts:", "#Thoughts"])
# Lines that fit no rule: kept as notes and shown as written.
odd_lines = phrases | phrases.map(lambda phrase: "# " + phrase) | phrases.map(lambda p: "### " + p)

format_lines = st.one_of(
    week_headings(),
    section_headings(),
    items(),
    items(),
    items(),
    placeholders,
    separators,
    blanks,
    thoughts_headings,
    odd_lines,
)


@st.composite
def notes_like(draw: st.DrawFn) -> str:
    """Notes text made of the format's pieces, with any line ends and an optional BOM."""
    lines = draw(st.lists(format_lines, max_size=40))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + end.join(lines) + draw(st.sampled_from(["", end]))


# Anything at all, and notes-like text with arbitrary lines mixed in.
any_text = st.text() | st.lists(format_lines | st.text(max_size=30), max_size=30).map("\n".join)


# The forgiving format of issue 12: course titles, week forms at two levels, numbered
# items, ticks and boxes in the middle of lines, durations in units, nested lists.
@st.composite
def forgiving_week_headings(draw: st.DrawFn) -> str:
    level = draw(st.sampled_from(["#", "##"]))
    word = draw(st.sampled_from(["Week", "week", "Wk", "W", "Weeks", "wk."]))
    first = draw(st.integers(0, 60))
    numbers = str(first)
    if draw(st.booleans()):
        dash = draw(st.sampled_from(["-", "\u2013", "/", " - "]))
        numbers += dash + str(draw(st.integers(0, 60)))
    date = draw(st.sampled_from(["", " (Mar 10)", " (no lectures)", " (31 Feb)", " ()"]))
    separator = draw(st.sampled_from(["", ": ", " - ", " \u2014 ", ". ", " "]))
    title = draw(st.just("") | phrases)
    return f"{level} {word}{draw(st.sampled_from(['', ' ']))}{numbers}{date}{separator}{title}"


@st.composite
def forgiving_items(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)", "10."]))
    tick = draw(st.sampled_from(["", "[x] ", "[ ] ", "\u2713 ", "\u00e2\u0153\u201c "]))
    text = draw(phrases)
    duration = draw(
        st.sampled_from(["", " (1h 5m)", " [12:30]", " (58 min)", " (5m30s)", " (?)", " ()"])
    )
    middle = draw(st.sampled_from(["", " \u2713", " [x]", " [ ]", " \u2714\ufe0f"]))
    note = draw(st.sampled_from(["", " (scored 8/10)", " \u2014 took ages", " - later"]))
    indent = draw(st.sampled_from(["", "", "  ", "    ", "\t", "      "]))
    return f"{indent}{marker} {tick}{text}{duration}{middle}{note}"


forgiving_lines = st.one_of(
    forgiving_week_headings(),
    section_headings(),
    section_headings().map(lambda heading: "#" + heading),
    forgiving_items(),
    forgiving_items(),
    forgiving_items(),
    items(),
    placeholders,
    blanks,
    thoughts_headings,
    thoughts_headings.map(lambda heading: "#" + heading),
    odd_lines,
    phrases.map(lambda phrase: "   " + phrase),
    phrases.map(lambda phrase: "#### " + phrase),
)


@st.composite
def forgiving_notes(draw: st.DrawFn) -> str:
    """Notes in the forgiving format, sometimes under a course title."""
    title = draw(st.sampled_from(["", "# COMP3121 Algorithms\nLecturer: X\n"]))
    return title + "\n".join(draw(st.lists(forgiving_lines, max_size=40)))


# Issue 21: what reaches a terminal. Text weighted toward control characters (C0 but tab
# and line feed, DEL, C1, the line separators), escape sequences, long runs of digits and
# dates outside any course's years, in the lines the format reads.
C0_CONTROLS = "".join(chr(code) for code in range(1, 32) if code not in (9, 10)) + "\x7f"
C1_CONTROLS = "".join(chr(code) for code in range(0x80, 0xA0))
ESCAPE_SEQUENCES = (
    "\x1b]0;T\x07",
    "\x1b[2J",
    "\x1b[8m",
    "\x1b[1A\x1b[2K",
    "\x1b]8;;https://example.org\x1b\\",
    "\x1bP+q\x1b\\",
    "\u009b31m",
    "\u009d0;T\u009c",
)
controls = st.one_of(
    st.text(alphabet=C0_CONTROLS + C1_CONTROLS + "\u2028\u2029", min_size=1, max_size=4),
    st.sampled_from(ESCAPE_SEQUENCES),
)
# Around 4,300 digits: Python's limit for turning a str into an int and back.
digit_counts = st.one_of(st.integers(1, 30), st.integers(4290, 4310), st.integers(1, 6000))
digit_runs = digit_counts.map(lambda n: "9" * n)
odd_dates = st.sampled_from(
    [
        "(9999-12-31)",
        "(0001-01-01)",
        "(0001-01-05)",
        "(9999-12-20)",
        "(Jan 1)",
        "Jan 1",
        "due Dec 31",
        "due 9999-12-31",
        "due 0001-01-01 23:59",
        "2027-02-30",
        "(2027-02-30)",
        "(31 Feb)",
        "due Fri 11:59pm",
    ]
)
terminal_text = st.lists(
    st.one_of(controls, controls, controls, digit_runs, odd_dates, words), min_size=1, max_size=5
).map(" ".join)
durations_of_digits = st.one_of(
    digit_runs.map(lambda digits: f" ({digits}:00:00)"),
    digit_runs.map(lambda digits: f" ({digits}h)"),
    digit_runs.map(lambda digits: f" ({digits}:{digits})"),
    st.just(""),
)

due_endings = st.one_of(
    st.sampled_from(["", "", " due Nov 27", " due Nov 20", " due Dec 31"]),
    odd_dates.map(lambda date: " " + date),
)
terminal_sections = st.sampled_from(["## Videos", "## Readings", "## slides", "## Exercises"])


@st.composite
def terminal_week_headings(draw: st.DrawFn) -> str:
    """Weeks 1 to 4 mostly (the term of the tests' configs), or of thousands of digits."""
    number = draw(st.sampled_from(["1", "2", "3", "3", "4"]) | digit_runs)
    date = draw(st.just("") | odd_dates.map(lambda date: " " + date))
    return f"# Week {number}{date}{draw(st.sampled_from([': ', ' ', '']))}{draw(terminal_text)}"


@st.composite
def terminal_items(draw: st.DrawFn) -> str:
    """A task with terminal text, maybe a duration of many digits, maybe a date."""
    box = draw(st.sampled_from(["", "", "[x] ", "[ ] "]))
    return f"- {box}{draw(terminal_text)}{draw(durations_of_digits)}{draw(due_endings)}"


terminal_lines = st.one_of(
    terminal_week_headings(),
    terminal_sections,
    terminal_items(),
    terminal_items(),
    thoughts_headings,
    terminal_text.map(lambda text: f"- why {text}?"),
    terminal_text,
)


@st.composite
def terminal_weeks(draw: st.DrawFn) -> list[str]:
    """A week of sections of such items, a stray line among them now and then."""
    lines = [draw(terminal_week_headings())]
    for _ in range(draw(st.integers(0, 2))):
        lines.append(draw(terminal_sections))
        lines += draw(st.lists(terminal_items() | terminal_lines, min_size=1, max_size=4))
    return lines


@st.composite
def terminal_notes(draw: st.DrawFn) -> str:
    """Notes of such weeks, stray lines and maybe Thoughts, in either line end."""
    lines = draw(st.lists(terminal_lines, max_size=3))
    for week in draw(st.lists(terminal_weeks(), min_size=1, max_size=4)):
        lines += week
    if draw(st.booleans()):
        lines.append(draw(thoughts_headings))
        lines += draw(st.lists(terminal_lines, min_size=1, max_size=5))
    end = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return end.join(lines) + end
