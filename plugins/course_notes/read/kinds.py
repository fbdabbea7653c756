"""Section headings to kinds (videos, readings, exercises...) by the words in them."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import (
    SectionKind,
)

S = SectionKind


# The words that give a section its kind, matched case-insensitively as whole words in
# the heading (punctuation ignored):
#
#   slides      slides, slide, lecture slides, lectures
#   attendance  attendance, attended, tutorials attended
#   exercises   exercises, exercise, homework, problem sets, problem set, labs, lab,
#               tutorials, tutorial, assignments, assignment, quizzes, quiz
#   videos      videos, video, video recordings, recordings, recording,
#               lecture recordings, watch
#   readings    readings, reading, papers, paper, textbook, textbooks
#
# Where a heading names several kinds: a keyword that is the whole heading decides; else an
# attendance word anywhere decides (``lecture attendance, videos and notes`` and
# ``tutorials attended`` are about attending); else the keyword that comes first in the
# heading, the longest at the same place (``lecture recordings`` is videos, ``video
# recordings & notes`` videos, ``homework and readings`` exercises). ``lecture`` alone is
# no keyword, so ``lecture videos`` is videos. Headings with none of them are kind other.
# ``parse(text, sections=...)`` adds words or gives existing ones another kind.
SECTION_KEYWORDS: dict[str, SectionKind] = {
    "slides": S.SLIDES,
    "slide": S.SLIDES,
    "lecture slides": S.SLIDES,
    "lectures": S.SLIDES,
    "attendance": S.ATTENDANCE,
    "attended": S.ATTENDANCE,
    "tutorials attended": S.ATTENDANCE,
    "exercises": S.EXERCISES,
    "exercise": S.EXERCISES,
    "homework": S.EXERCISES,
    "problem sets": S.EXERCISES,
    "problem set": S.EXERCISES,
    "labs": S.EXERCISES,
    "lab": S.EXERCISES,
    "tutorials": S.EXERCISES,
    "tutorial": S.EXERCISES,
    "assignments": S.EXERCISES,
    "assignment": S.EXERCISES,
    "quizzes": S.EXERCISES,
    "quiz": S.EXERCISES,
    "videos": S.VIDEOS,
    "video": S.VIDEOS,
    "video recordings": S.VIDEOS,
    "recordings": S.VIDEOS,
    "recording": S.VIDEOS,
    "lecture recordings": S.VIDEOS,
    "watch": S.VIDEOS,
    "readings": S.READINGS,
    "reading": S.READINGS,
    "papers": S.READINGS,
    "paper": S.READINGS,
    "textbook": S.READINGS,
    "textbooks": S.READINGS,
}


del S


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


class SectionKinds:
    """Section headings to kinds, by the keywords of ``SECTION_KEYWORDS`` and any extra."""

    def __init__(self, extra: Mapping[str, SectionKind] | None = None) -> None:
        table: dict[tuple[str, ...], SectionKind] = {}
        for words, kind in (*SECTION_KEYWORDS.items(), *(extra or {}).items()):
            if _words(words):
                table[_words(words)] = kind
        self.whole = table
        # Longest first at each first word, so "lecture recordings" beats "lecture...".
        self.by_first: dict[str, list[tuple[tuple[str, ...], SectionKind]]] = {}
        for words, kind in sorted(table.items(), key=lambda pair: -len(pair[0])):
            self.by_first.setdefault(words[0], []).append((words, kind))
        self.known: dict[str, SectionKind] = {}

    def kind(self, title: str) -> SectionKind:
        """The kind of a section heading's text; ``SectionKind.OTHER`` when no keyword is in it."""
        known = self.known.get(title)
        if known is None:
            known = self.known[title] = self._kind(_words(title))
        return known

    def _kind(self, words: tuple[str, ...]) -> SectionKind:
        whole = self.whole.get(words)
        if whole is not None:
            return whole
        first: SectionKind | None = None
        for start, word in enumerate(words):
            for keyword, kind in self.by_first.get(word, ()):
                if words[start : start + len(keyword)] == keyword:
                    if kind is SectionKind.ATTENDANCE:
                        return kind
                    first = first or kind
                    break
        return first or SectionKind.OTHER
