"""The Thoughts as data: questions for the lecturer, their status, groups and topics."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from .course import SourceLine
from .text import slugify


class QuestionStatus(str, enum.Enum):
    """Where an entry of the Thoughts stands; the value is its word in exports."""

    OPEN = "open"
    ASKED = "asked"
    """Asked (an ``Asked:`` line or ``(asked)``) and not answered yet."""
    ANSWERED = "answered"


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
    asked_in_text: bool = False
    """True when the text itself ends by saying so, ``(asked 12 Mar)``: lists say it once."""

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


@dataclass(frozen=True, slots=True)
class Remark(SourceLine):
    """A remark among the questions, all in brackets, that asks nothing: ``(office hours Tue
    1-2pm)`` under the heading. Shown where it stands, never an entry."""


@dataclass
class QuestionList:
    """The entries of the Thoughts in file order, with the topics they can have."""

    entries: list[Question] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    headings: list[SourceLine] = field(default_factory=list)
    """The Thoughts' headings (the groups) as written, with their lines, entries or none, and
    their remarks (``Remark``)."""

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
