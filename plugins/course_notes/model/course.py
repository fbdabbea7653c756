"""The course as the notes describe it: weeks, sections, items, with progress derived."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .text import capitalise_first, slugify


class ProgressState(str, enum.Enum):
    """How far along some progress is; the value names its CSS modifier (``cn-badge--none``)."""

    EMPTY = "empty"
    NONE = "none"
    PARTIAL = "partial"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Progress:
    """How many of a number of things are done."""

    done: int
    total: int

    @property
    def left(self) -> int:
        """Things not done yet."""
        return self.total - self.done

    @property
    def percent(self) -> int:
        """Share done, rounded to a whole percent (0 when there is nothing to do)."""
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def state(self) -> ProgressState:
        """How far along: nothing to do, not started, in progress or all done."""
        if self.total == 0:
            return ProgressState.EMPTY
        if self.done == 0:
            return ProgressState.NONE
        return ProgressState.COMPLETE if self.done == self.total else ProgressState.PARTIAL

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total)

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"

    @classmethod
    def of(cls, parts: Iterable[Progress]) -> Progress:
        """Sum several progresses."""
        total = cls(0, 0)
        for part in parts:
            total = total + part
        return total


class SectionKind(enum.Enum):
    """The kinds of section the notes know, with their badge labels."""

    SLIDES = "Slides"
    ATTENDANCE = "Attendance"
    EXERCISES = "Exercises"
    VIDEOS = "Videos"
    READINGS = "Readings"
    OTHER = "Other"

    @classmethod
    def named(cls, name: str) -> SectionKind:
        """The kind called ``name`` (``videos``, ``Videos``); ValueError naming the choices."""
        for kind in cls:
            if name.strip().lower() in (kind.name.lower(), kind.value.lower()):
                return kind
        choices = ", ".join(kind.value.lower() for kind in cls)
        raise ValueError(f"unknown section kind {name!r}; one of: {choices}")


@dataclass(frozen=True)
class WrittenDate:
    """A date as the notes write it: a day (``14 Mar``, ``2027-03-14``) or a weekday alone.

    ``year`` is 0 when the text gives none (the term's year is meant); ``weekday`` (0 for
    Monday) is set only for a weekday alone (``Fri``), the day of the week it is written in.
    """

    text: str
    year: int = 0
    month: int = 0
    day: int = 0
    weekday: int | None = None
    time: tuple[int, int] | None = None
    """(hour, minute) when a time is written (``11:59pm``: (23, 59))."""


@dataclass(slots=True)
class Item:
    """One list line that is a task: counted, done when it carries a tick or ``[x]``.

    ``depth`` is how deep the line is nested (0 for a section's own list): a task of depth
    d + 1 belongs to the nearest entry above it of depth d, a ``Group``.
    """

    text: str
    done: bool
    line: int
    depth: int = 0
    due: WrittenDate | None = field(default=None, kw_only=True)
    """The date the text gives after ``due`` (``due Fri 11:59pm``); the text keeps it too."""
    started: bool = field(default=False, kw_only=True)
    """Begun but not done (``[/]``, ``half``, ``⏳``): shown as started, counted as not done."""
    fields: tuple[tuple[str, str], ...] = field(default=(), kw_only=True)
    """Obsidian Tasks' fields as read (``("scheduled", "2027-02-03")``, ``("recurrence", …)``)."""


@dataclass(slots=True)
class Video(Item):
    """A video recording; ``duration`` is in seconds, None when unknown."""

    duration: int | None = None
    watched: int | None = field(default=None, kw_only=True)
    """Seconds seen of a video begun but not done (``stopped at 12:30``), else None."""


@dataclass(slots=True)
class Reading(Item):
    """Something to read, as the week lists it."""


@dataclass(slots=True)
class Note:
    """A line shown as written and not counted: a remark in a section, or on an item.

    Depth 0 is a section's own note; a note of depth d + 1 is about the nearest entry above
    it of depth d (a nested list line under a task, or an indented line under an item).
    """

    text: str
    line: int
    depth: int = 0


@dataclass(slots=True)
class Group(Note):
    """A list line whose nested lines are the tasks: shown as their heading, not counted.

    It keeps what the line said of itself: its due date (the calendar and ``status`` list
    it) and its own tick; it is done when ticked or when every task under it is.
    """

    due: WrittenDate | None = field(default=None, kw_only=True)
    ticked: bool = field(default=False, kw_only=True)
    done: bool = field(default=False, kw_only=True)


@dataclass(slots=True)
class Cancelled(Note):
    """A task the notes call off (``[-]``, ``cancelled``): shown struck through, not counted."""


@dataclass(slots=True)
class Verbatim(Note):
    """A fenced code block or a table, shown as one: ``lines`` as written, the first at ``line``.

    ``text`` is its first line (the fence or the header row), for a one-line summary.
    """

    lines: list[str] = field(default_factory=list)
    table: bool = False

    @property
    def last(self) -> int:
        """The line number of its last line."""
        return self.line + max(len(self.lines), 1) - 1


@dataclass(slots=True)
class Subheading(Note):
    """A heading deeper than the section headings: shown in its section, not a new one."""

    level: int = 3


@dataclass
class Section:
    """A ``##`` heading and the lines under it, in the notes' order."""

    title: str
    kind: SectionKind
    line: int
    entries: list[Item | Note] = field(default_factory=list)
    """Tasks, notes, groups and sub-headings in the notes' order (``depth`` gives nesting)."""
    placeholder_lines: list[int] = field(default_factory=list)
    level: int = 2
    """How many ``#`` its heading has in the notes: a ``Subheading`` has more."""

    @property
    def items(self) -> list[Item]:
        """The section's tasks (nested ones included), without notes, groups or sub-headings."""
        return [entry for entry in self.entries if isinstance(entry, Item)]

    @property
    def label(self) -> str:
        """The short name for badges: ``Videos`` for a known kind, else the heading."""
        if self.kind is not SectionKind.OTHER:
            return self.kind.value
        return self.heading

    @property
    def heading(self) -> str:
        """The heading as written, first letter capitalised, trailing colon dropped."""
        return capitalise_first(self.title.strip().rstrip(":").strip()) or "Notes"

    @property
    def progress(self) -> Progress:
        """Tasks done of tasks listed (a group's nested tasks count; the group does not)."""
        # One pass, no list: pages ask every section for this several times.
        done = total = 0
        for entry in self.entries:
            if isinstance(entry, Item):
                total += 1
                done += entry.done
        return Progress(done, total)

    @property
    def videos(self) -> list[Video]:
        """The section's videos (items of a videos section)."""
        return [item for item in self.items if isinstance(item, Video)]


@dataclass(frozen=True)
class VideoTime:
    """Known video time watched and in all, and how many videos have no duration."""

    watched: int
    total: int
    unknown: int
    partly: int = 0
    """Seconds seen of videos begun but not done: counted in neither ``watched`` nor ``left``."""

    @property
    def left(self) -> int:
        """Known seconds not seen yet (the seen part of a begun video is not left)."""
        return self.total - self.watched - self.partly

    def __add__(self, other: VideoTime) -> VideoTime:
        return VideoTime(
            self.watched + other.watched,
            self.total + other.total,
            self.unknown + other.unknown,
            self.partly + other.partly,
        )

    @classmethod
    def of(cls, videos: Iterable[Video]) -> VideoTime:
        """Add up the durations of some videos."""
        watched = total = unknown = partly = 0
        for video in videos:
            if video.duration is None:
                unknown += 1
            else:
                total += video.duration
                if video.done:
                    watched += video.duration
                elif video.watched:
                    partly += video.watched
        return cls(watched, total, unknown, partly)


@dataclass
class Week:
    """``# Week N`` (or ``Weeks N-M``): the sections of one week of the course."""

    number: int
    line: int
    title: str = ""
    """The words after the number and one separator, exactly as written."""
    sections: list[Section] = field(default_factory=list)
    joined_at: list[int] = field(default_factory=list)
    """Lines of later headings of the same week, whose sections joined this week."""
    numbers: tuple[int, ...] = ()
    """Every week number the heading covers: ``(3, 4)`` for ``Weeks 3-4``, else ``(N,)``."""
    date_label: str = ""
    """What a parenthesis right after the number held, ``Mar 10`` in ``Week 3 (Mar 10)``."""
    date: WrittenDate | None = None
    """The day the week starts, as its heading writes it (``(Mar 17)``, ``— 2027-03-17``)."""
    word: str = "Week"
    """What the notes call a unit (``Module``, ``Lecture``, ``Woche``): pages use their word."""
    form: str = "{word} {number}"
    """How the notes write the word round the number: ``{number}{word}`` for ``3주차``,
    ``第{number}{word}`` for ``第3週``."""

    def __post_init__(self) -> None:
        if not self.numbers:
            self.numbers = (self.number,)

    @property
    def name(self) -> str:
        """``Week 3: computer vision``, ``Weeks 3–4 (Mar 10)``, ``Week 1``: the title as written."""
        first, last = self.numbers[0], self.numbers[-1]
        name = self.form.format(
            word=self.word, number=first if first == last else f"{first}\u2013{last}"
        )
        if self.word == "Week" and first != last:
            name = f"Weeks {first}\u2013{last}"
        if self.date_label:
            name += f" ({self.date_label})"
        return f"{name}: {self.title}" if self.title else name

    @property
    def label(self) -> str:
        """``Week 3``, ``Woche 3``, ``3주차``: the word and the number, as links and lists name
        a week."""
        return self.form.format(word=self.word, number=self.number)

    @property
    def slug(self) -> str:
        """The page's path stem, ``week-3`` (``module-3``, ``woche-3``: the notes' word)."""
        return f"{slugify(self.word) or 'week'}-{self.number}"

    @property
    def items(self) -> list[Item]:
        """Every item of the week, in the notes' order."""
        return [item for section in self.sections for item in section.items]

    @property
    def progress(self) -> Progress:
        """Items done of items listed, over every section."""
        return Progress.of(section.progress for section in self.sections)

    @property
    def videos(self) -> list[Video]:
        """Every video of the week."""
        return [video for section in self.sections for video in section.videos]

    @property
    def video_time(self) -> VideoTime:
        """Video time watched and in all."""
        return VideoTime.of(self.videos)

    @property
    def readings(self) -> list[Reading]:
        """Every reading of the week."""
        return [item for item in self.items if isinstance(item, Reading)]

    @property
    def progress_by_label(self) -> list[tuple[str, Progress]]:
        """Progress per badge label, in first-seen order: sections of one kind add up.

        ``## Readings`` and ``## Reading`` make one *Readings* badge; sections of kind other
        add up when their headings read the same. A label with nothing to count (a section of
        notes only) has none: "Notes 0/0" would say nothing.
        """
        tallies: dict[str, Progress] = {}
        for section in self.sections:
            label = section.label
            tallies[label] = tallies.get(label, Progress(0, 0)) + section.progress
        return [(label, progress) for label, progress in tallies.items() if progress.total]


# Plurals that are not the word and an "s", for the unit words the reader knows.
_PLURALS = {
    "woche": "Wochen",
    "vorlesung": "Vorlesungen",
    "einheit": "Einheiten",
    "sitzung": "Sitzungen",
    "lezione": "Lezioni",
    "settimana": "Settimane",
    "unidad": "Unidades",
    "sesión": "Sesiones",
    "clase": "Clases",
    "lição": "Lições",
    "sessão": "Sessões",
    "unità": "Unità",
    "cours": "Cours",
    "college": "Colleges",
    "les": "Lessen",
}


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A line of the notes as written, with its 1-based number."""

    number: int
    text: str


@dataclass(frozen=True)
class Message:
    """A sentence for a person, written in English, that a catalog may say in another language.

    ``template`` is the catalog's message id; its ``{names}`` are filled from ``values``, a
    value that is a ``Message`` itself said in the same language. The reader is pure and
    knows no language, so it keeps the sentence's parts; whoever shows it chooses the words
    (``course-notes check`` follows ``LANG``; the build's log and the JSON stay English).
    """

    template: str
    values: tuple[tuple[str, str | int | Message], ...] = ()

    def text(self, gettext: Callable[[str], str] | None = None) -> str:
        """The sentence in the language of ``gettext`` (English without one)."""
        template = self.template if gettext is None else gettext(self.template)
        if not self.values:
            return template
        return template.format_map(
            {
                name: value.text(gettext) if isinstance(value, Message) else value
                for name, value in self.values
            }
        )

    def __str__(self) -> str:
        return self.text()


def say(template: str, **values: str | int | Message) -> Message:
    """Mark a sentence for the catalogs, its ``{names}`` filled from ``values`` when said."""
    return Message(template, tuple(values.items()))


@dataclass(frozen=True)
class Diagnostic:
    """Something odd but buildable the parser met, at a line (0: the whole file)."""

    line: int
    what: Message | str

    @property
    def message(self) -> str:
        """What was met, in English: the build's log line and the JSON record."""
        return str(self.what)

    def text(self, gettext: Callable[[str], str] | None = None) -> str:
        """What was met, in the language of ``gettext``."""
        return self.what.text(gettext) if isinstance(self.what, Message) else self.what


@dataclass
class Course:
    """Everything the notes file says."""

    weeks: list[Week] = field(default_factory=list)
    general: list[Section] = field(default_factory=list)
    title: str = ""
    """The heading above the first week that is not a week (``COMP3121 Algorithms``)."""
    title_line: int = 0
    intro: list[Note] = field(default_factory=list)
    """The lines between the title and the first section or week."""
    thoughts: list[SourceLine] = field(default_factory=list)
    thoughts_line: int = 0
    thoughts_joined_at: list[int] = field(default_factory=list)
    asked_at: list[int] = field(default_factory=list)
    """Lines of questions asked in their units behind a sign ("❓ why is X?"), each read with
    the questions (its answer lines under it too)."""
    unit_word: str = "Week"
    """What the notes call a unit, as pages name it (``Module``)."""
    unit_form: str = "{word} {number}"
    """How the notes write the unit's word round its number (see ``Week.form``)."""
    unit_word_given: bool = True
    """False when the notes write no word of their own for a unit (``W3``, dated headings):
    a site in another language then names the units in its words (``Woche``)."""
    units_word: str = ""
    """The units' word in the plural when the site's language gave the word (``Wochen``)."""
    markup_lines: list[int] = field(default_factory=list)
    """Lines that only mark structure up: a setext heading's underline and further lines,
    the front matter (its ``title:`` is the title's line)."""
    continued_lines: list[int] = field(default_factory=list)
    """Lines that end the list item above them: a line broken where a PDF or a web page
    wrapped it ("inheri-" over "tance"); their words are in that item's text."""
    how: list[Message] = field(default_factory=list)
    """How the reader found the structure, a sentence each (``check`` opens with them)."""
    may_hold_math: bool = True
    """False when the notes hold no ``$``, which every formula starts with: then no page
    can hold math, nor a formula its page's budget leaves as written."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        """Items done of items listed, over the whole course."""
        return Progress.of(week.progress for week in self.weeks) + Progress.of(
            section.progress for section in self.general
        )

    @property
    def videos(self) -> list[Video]:
        """Every video of the course."""
        return [video for week in self.weeks for video in week.videos]

    @property
    def video_time(self) -> VideoTime:
        """Video time watched and in all, over the whole course."""
        return VideoTime.of(self.videos)

    @property
    def units_name(self) -> str:
        """The units' word in the plural, as the nav's section names them (``Modules``)."""
        word = self.unit_word
        if self.units_word:
            return self.units_word
        plural = _PLURALS.get(word.lower())
        if plural:
            return plural
        return word if word.endswith("s") else f"{word}s"

    def __str__(self) -> str:
        # Short, as mkdocs-macros writes str() of every variable into a debug message on
        # every build: the full repr of a big course is megabytes.
        return f"Course({len(self.weeks)} weeks, {self.progress} done)"
