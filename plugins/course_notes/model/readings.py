"""The reading list as data: works, their parts (chapters, pages), references, weeks."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .course import Diagnostic, Progress, Reading, Week
from .text import normalise


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
