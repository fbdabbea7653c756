"""The course as the notes describe it: weeks, sections, items, with progress derived."""

from __future__ import annotations

import datetime
import enum
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .text import capitalise_first, normalise, slugify


class ProgressState(str, enum.Enum):
    """How far along some progress is; the value names its CSS modifier (``cn-badge--none``)."""

    EMPTY = "empty"
    NONE = "none"
    PARTIAL = "partial"
    COMPLETE = "complete"


class QuestionStatus(str, enum.Enum):
    """Where an entry of the Thoughts stands; the value is its word in exports."""

    OPEN = "open"
    ASKED = "asked"
    """Asked (an ``Asked:`` line or ``(asked)``) and not answered yet."""
    ANSWERED = "answered"


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
    def complete(self) -> bool:
        """True when there is something to do and all of it is done."""
        return self.total > 0 and self.done == self.total

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


@dataclass(slots=True)
class Video(Item):
    """A video recording; ``duration`` is in seconds, None when unknown."""

    duration: int | None = None


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
    """A list line whose nested lines are the tasks: shown as their heading, not counted."""


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
    def placeholders(self) -> int:
        """How many ``-`` or ``- ()`` lines stand for things not announced yet."""
        return len(self.placeholder_lines)

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

    @property
    def left(self) -> int:
        """Known seconds not watched yet."""
        return self.total - self.watched

    def __add__(self, other: VideoTime) -> VideoTime:
        return VideoTime(
            self.watched + other.watched,
            self.total + other.total,
            self.unknown + other.unknown,
        )

    @classmethod
    def of(cls, videos: Iterable[Video]) -> VideoTime:
        """Add up the durations of some videos."""
        watched = total = unknown = 0
        for video in videos:
            if video.duration is None:
                unknown += 1
            else:
                total += video.duration
                watched += video.duration if video.done else 0
        return cls(watched, total, unknown)


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
    month_day: tuple[int, int] | None = None
    """The date label as (month, day) when it is a date, such as ``(3, 10)``; else None."""
    date: WrittenDate | None = None
    """The day the week starts, as its heading writes it (``(Mar 17)``, ``— 2027-03-17``)."""

    def __post_init__(self) -> None:
        if not self.numbers:
            self.numbers = (self.number,)

    @property
    def name(self) -> str:
        """``Week 3: computer vision``, ``Weeks 3–4 (Mar 10)``, ``Week 1``: the title as written."""
        first, last = self.numbers[0], self.numbers[-1]
        name = f"Week {first}" if first == last else f"Weeks {first}\u2013{last}"
        if self.date_label:
            name += f" ({self.date_label})"
        return f"{name}: {self.title}" if self.title else name

    @property
    def slug(self) -> str:
        """The page's path stem, ``week-3``."""
        return f"week-{self.number}"

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
        add up when their headings read the same.
        """
        tallies: dict[str, Progress] = {}
        for section in self.sections:
            label = section.label
            tallies[label] = tallies.get(label, Progress(0, 0)) + section.progress
        return list(tallies.items())

    def sections_of(self, kind: SectionKind) -> list[Section]:
        """The week's sections of one kind."""
        return [section for section in self.sections if section.kind is kind]


@dataclass(frozen=True)
class Topic:
    """A topic of the FAQ and the words that put an entry under it."""

    name: str
    keywords: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The topic's anchor on the FAQ page, ``topic-computer-vision``."""
        # A name with no Latin letters or digits (say, in Chinese) gets a short hash instead.
        words = slugify(self.name) or hashlib.sha1(self.name.encode("utf-8")).hexdigest()[:6]
        return f"topic-{words}"


@dataclass
class Question:
    """One entry of the Thoughts: a question (or a note) for the lecturer."""

    id: str
    title: str
    text: str
    line: int
    asks: bool = True
    context: list[str] = field(default_factory=list)
    answer: str | None = None
    topics: list[str] = field(default_factory=list)
    group: str = ""
    """The heading above it in the Thoughts, as written; empty before any heading."""
    asked: str | None = None
    """When it was asked, as written (``12 Mar``), empty if no date was given; None: not yet."""
    title_only: bool = False
    """True when the text is just the title (pages show it once)."""

    @property
    def status(self) -> QuestionStatus:
        """Answered once an answer follows it; else asked once marked so; else open."""
        if self.answer is not None:
            return QuestionStatus.ANSWERED
        return QuestionStatus.OPEN if self.asked is None else QuestionStatus.ASKED

    @property
    def is_open(self) -> bool:
        """True while the entry is neither answered nor asked: still to send."""
        return self.status is QuestionStatus.OPEN


@dataclass
class QuestionList:
    """The entries of the Thoughts in file order, with the topics they can have."""

    entries: list[Question] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    headings: list[SourceLine] = field(default_factory=list)
    """The Thoughts' headings (the groups) as written, with their lines, entries or none."""

    @property
    def open(self) -> list[Question]:
        """Entries neither answered nor asked yet: the ones to send."""
        return [entry for entry in self.entries if entry.is_open]

    @property
    def asked(self) -> list[Question]:
        """Entries asked and not answered yet."""
        return [entry for entry in self.entries if entry.status is QuestionStatus.ASKED]

    @property
    def unanswered(self) -> list[Question]:
        """Entries without an answer, asked or not."""
        return [entry for entry in self.entries if entry.answer is None]

    @property
    def answered(self) -> list[Question]:
        """Entries with an answer."""
        return [entry for entry in self.entries if entry.answer is not None]

    @property
    def groups(self) -> list[str]:
        """The headings the entries sit under, once each in file order (none: no headings)."""
        return list(dict.fromkeys(entry.group for entry in self.entries if entry.group))

    def in_order(self) -> list[Question | SourceLine]:
        """Headings and entries together, in file order."""
        return sorted([*self.headings, *self.entries], key=lambda part: _line_of(part))

    @property
    def asking(self) -> list[Question]:
        """Entries that ask a question (have a question mark)."""
        return [entry for entry in self.entries if entry.asks]

    def on(self, topic: Topic) -> list[Question]:
        """Entries under a topic."""
        return [entry for entry in self.entries if topic.name in entry.topics]

    @property
    def without_topic(self) -> list[Question]:
        """Entries under no topic."""
        return [entry for entry in self.entries if not entry.topics]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.entries)

    def __str__(self) -> str:
        # Short, for the same reason as Course.__str__.
        return f"QuestionList({len(self.entries)} entries, {len(self.open)} open)"


def _line_of(part: Question | SourceLine) -> int:
    return part.line if isinstance(part, Question) else part.number


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A line of the notes as written, with its 1-based number."""

    number: int
    text: str


@dataclass(frozen=True)
class Diagnostic:
    """Something odd but buildable the parser met, at a line (0: the whole file)."""

    line: int
    message: str


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

    def __str__(self) -> str:
        # Short, as mkdocs-macros writes str() of every variable into a debug message on
        # every build: the full repr of a big course is megabytes.
        return f"Course({len(self.weeks)} weeks, {self.progress} done)"

    def accounted_lines(self) -> list[tuple[int, str]]:
        """Every line the course holds, as (line number, role); blanks and separators hold none."""
        lines: list[tuple[int, str]] = []
        if self.title_line:
            lines.append((self.title_line, "course title"))
        lines += [(note.line, "intro") for note in self.intro]
        for week in self.weeks:
            lines += [(week.line, "week heading")]
            lines += [(line, "week heading") for line in week.joined_at]
        for section in self.general + [s for week in self.weeks for s in week.sections]:
            if section.title:
                lines.append((section.line, "section heading"))
            lines += [(line, "placeholder") for line in section.placeholder_lines]
            lines += [(entry.line, _ROLES[type(entry)]) for entry in section.entries]
        if self.thoughts_line:
            lines.append((self.thoughts_line, "thoughts heading"))
        lines += [(line, "thoughts heading") for line in self.thoughts_joined_at]
        lines += [(line.number, "thoughts") for line in self.thoughts]
        return lines


_ROLES: dict[type, str] = {
    Item: "item",
    Video: "item",
    Reading: "item",
    Note: "note",
    Group: "group",
    Subheading: "subheading",
}


@dataclass(frozen=True, order=True)
class SectionNumber:
    """A chapter (``3``) or section (``3.10``) of a book, ordered part by part as numbers."""

    parts: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> SectionNumber:
        """``"3.10"`` to (3, 10)."""
        return cls(tuple(int(part) for part in text.split(".")))

    @property
    def name(self) -> str:
        """``Chapter 3`` or ``Section 3.10``."""
        return f"{'Chapter' if len(self.parts) == 1 else 'Section'} {self}"

    def __str__(self) -> str:
        return ".".join(str(part) for part in self.parts)


class PartKind(str, enum.Enum):
    """What a part of a work is; the value is its word in exports."""

    CHAPTER = "chapter"
    SECTION = "section"
    PAGE = "page"


_PART_NAMES = {
    PartKind.CHAPTER: ("Chapter", "Chapters"),
    PartKind.SECTION: ("Section", "Sections"),
    PartKind.PAGE: ("Page", "Pages"),
}


@dataclass(frozen=True)
class Part:
    """A part of a work that a reading sets: a chapter, a section, pages, or a range of them.

    Parts are equal when they cover the same numbers (``chapter 3`` and ``§3`` are one), and
    order as numbers, chapters and sections first, then pages; a range sorts by its start.
    """

    kind: PartKind = field(compare=False)
    first: SectionNumber
    last: SectionNumber | None = None
    """A range's end (``4.5`` in ``4.3-4.5``); None for one number."""
    pages: bool = False

    @property
    def key(self) -> tuple[bool, SectionNumber, SectionNumber]:
        """What parts are compared and sorted by."""
        return (self.pages, self.first, self.last or self.first)

    def __lt__(self, other: Part) -> bool:
        return self.key < other.key

    @property
    def numbers(self) -> str:
        """``3.10``, ``4.3–4.5``, ``898–925``."""
        return f"{self.first}\u2013{self.last}" if self.last else str(self.first)

    @property
    def name(self) -> str:
        """``Chapter 3``, ``Sections 4.3–4.5``, ``Pages 898–925``."""
        one, many = _PART_NAMES[self.kind]
        return f"{many if self.last else one} {self.numbers}"

    def __str__(self) -> str:
        """``3.10``, ``4.3–4.5``, ``p. 12``, ``pp. 898–925``."""
        if self.pages:
            return f"pp. {self.numbers}" if self.last else f"p. {self.numbers}"
        return self.numbers


@dataclass(frozen=True)
class Reference:
    """A known work: how the notes may name it, and its citation and link."""

    name: str
    title: str
    authors: str = ""
    year: str = ""
    venue: str = ""
    url: str = ""
    aliases: tuple[str, ...] = ()
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every title the notes may use for this work."""
        return (self.name, *self.aliases)

    @property
    def citation(self) -> str:
        """``Kingma & Ba (2015), Adam: A Method for Stochastic Optimization``."""
        lead = f"{self.authors} ({self.year})" if self.authors and self.year else self.authors
        title = self.title if self.authors or not self.year else f"{self.title} ({self.year})"
        return ", ".join(part for part in (lead, title, self.venue) if part)


@dataclass
class References:
    """Known references by normalised name, with what was odd in their file."""

    by_name: dict[str, Reference] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, reference: Reference) -> list[tuple[str, Reference]]:
        """Index a reference under its names; return the names another reference already has."""
        taken = []
        for name in reference.names:
            owner = self.by_name.setdefault(normalise(name), reference)
            if owner is not reference:
                taken.append((name, owner))
        return taken

    def find(self, title: str) -> Reference | None:
        """The reference a reading's title names, if any."""
        return self.by_name.get(normalise(title))

    def __len__(self) -> int:
        return len({id(reference) for reference in self.by_name.values()})


@dataclass(frozen=True)
class Assignment:
    """One line of a readings section: a reading as one week (or the General page) sets it."""

    reading: Reading
    week: Week | None
    sections: tuple[Part, ...]
    """The parts of the work the line sets, as written after its title."""
    title: str = ""
    """The line's title, less its parts."""

    @property
    def done(self) -> bool:
        """Ticked in the notes."""
        return self.reading.done


class _Assigned:
    """Something one or more weeks set: a reading or one of its book sections."""

    assignments: list[Assignment]

    @property
    def weeks(self) -> list[Week]:
        """The weeks that set it, in number order."""
        return _weeks(self.assignments)

    @property
    def general(self) -> bool:
        """Set before the first week, on the General page."""
        return any(assignment.week is None for assignment in self.assignments)


def _weeks(assignments: Iterable[Assignment]) -> list[Week]:
    weeks = {a.week.number: a.week for a in assignments if a.week is not None}
    return [weeks[number] for number in sorted(weeks)]


@dataclass
class BookSection(_Assigned):
    """A part of a reading (chapter, section, pages, or a range), with the lines that set it."""

    part: Part
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Read once a line that lists it is ticked."""
        return any(assignment.done for assignment in self.assignments)


@dataclass
class CourseReading(_Assigned):
    """One distinct reading of the course, however many weeks set it."""

    title: str
    reference: Reference | None = None
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def sections(self) -> list[BookSection]:
        """Every part set (chapters, sections, ranges, pages), once each, in numeric order."""
        by_part: dict[Part, BookSection] = {}
        for assignment in self.assignments:
            for part in assignment.sections:
                by_part.setdefault(part, BookSection(part)).assignments.append(assignment)
        return [by_part[part] for part in sorted(by_part)]

    @property
    def done(self) -> bool:
        """Every section read, or (with no sections) ticked in some week."""
        sections = self.sections
        if sections:
            return all(section.done for section in sections)
        return any(assignment.done for assignment in self.assignments)

    @property
    def section_progress(self) -> Progress:
        """Sections read of sections set (0/0 for a reading without sections)."""
        sections = self.sections
        return Progress(sum(section.done for section in sections), len(sections))

    @property
    def citation(self) -> str | None:
        """The full citation, when the reading is a known reference."""
        return self.reference.citation if self.reference else None

    @property
    def url(self) -> str | None:
        """The reference's link, when it has one."""
        return (self.reference.url or None) if self.reference else None


@dataclass
class ReadingList:
    """Every distinct reading, in the order the notes first set them."""

    readings: list[CourseReading] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        """Readings done of distinct readings."""
        return Progress(sum(reading.done for reading in self.readings), len(self.readings))

    @property
    def section_progress(self) -> Progress:
        """Book sections read of book sections set, over every reading."""
        return Progress.of(reading.section_progress for reading in self.readings)

    def __iter__(self) -> Iterator[CourseReading]:
        return iter(self.readings)

    def __len__(self) -> int:
        return len(self.readings)

    def __str__(self) -> str:
        # mkdocs-macros puts str() of every variable into a debug message on every build,
        # debugging on or not: the full repr of a 52-week list took over half a second.
        return f"ReadingList({len(self.readings)} readings, {self.progress} done)"


@dataclass(frozen=True)
class DatedWeek:
    """A week placed in the calendar: its first and last day (a ``Weeks 3-4`` spans two)."""

    week: Week
    start: datetime.date
    end: datetime.date

    @property
    def behind(self) -> int:
        """Items of the week not done yet (behind once the week is over)."""
        return self.week.progress.left


@dataclass(frozen=True)
class DueItem:
    """An item whose due date is placed in the calendar, with the week it belongs to."""

    item: Item
    week: Week | None
    due: datetime.datetime
    """When it is due: at its written time, else at 23:59 of its day."""

    @property
    def timed(self) -> bool:
        """True when the notes give a time of day, not only a day."""
        return self.item.due is not None and self.item.due.time is not None


@dataclass(frozen=True)
class Now:
    """Where a reader stands in the term at one moment: what is on, overdue, behind, next."""

    moment: datetime.datetime
    current: DatedWeek | None
    undone: list[Item]
    """The current week's items not done yet."""
    overdue: list[DueItem]
    behind: list[DatedWeek]
    """Weeks over with items not done, in week order."""
    next_due: list[DueItem]
    before_term: bool
    after_term: bool


@dataclass
class Schedule:
    """The course in the calendar: each week's days and each dated item, as of no day."""

    weeks: list[DatedWeek] = field(default_factory=list)
    due: list[DueItem] = field(default_factory=list)
    """Every item with a due date that could be placed, earliest first."""

    @property
    def start(self) -> datetime.date:
        """The first day of the first week."""
        return min(dated.start for dated in self.weeks)

    @property
    def end(self) -> datetime.date:
        """The last day of the last week."""
        return max(dated.end for dated in self.weeks)

    @property
    def undone_due(self) -> list[DueItem]:
        """The dated items not done yet, earliest first."""
        return [due for due in self.due if not due.item.done]

    def of(self, week: Week) -> DatedWeek | None:
        """The days of one week."""
        return next((dated for dated in self.weeks if dated.week is week), None)


@dataclass(frozen=True)
class HistoryPoint:
    """The notes as one commit left them: when, and how many items were done of how many."""

    when: datetime.date
    done: int
    total: int


@dataclass(frozen=True)
class Projection:
    """Where the pace of the last days leads: the day the course would be finished."""

    days: int
    """How many days back the pace is measured over (14, fewer for a younger history)."""
    done: int
    """Items done in those days."""
    left: int
    finish: datetime.date | None
    """The day the last item would be done at that pace; None when the pace is nil."""
    end: datetime.date
    """The last day of the last week."""
    per_week: int
    """Items a week that would finish by ``end`` (0 when nothing is left or the term is over)."""

    @property
    def on_time(self) -> bool:
        """True when the pace finishes by the last day of the last week."""
        return self.finish is not None and self.finish <= self.end


@dataclass
class Burnup:
    """Progress over time from the notes' history, and where its pace leads."""

    points: list[HistoryPoint]
    projection: Projection | None = None
