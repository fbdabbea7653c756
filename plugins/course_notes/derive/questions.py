"""The question list of a course: the Thoughts' entries, each under the topics its words name."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import QuestionList, SourceLine, Topic
from ..read.thoughts import read_entries
from ..read.topics import MAX_KEYWORD_TOKENS, TOKEN


# Topics are matched by a word index, not a regex: one alternation of every keyword cost
# O(K²) per word for keywords that share their start ("x z", "x x z", ...: 30-44 s for a
# 1 MB topic map and one 8 KB entry). A keyword and an entry are read as tokens (a run of
# word characters, or one other non-blank character: "k-means" is k, -, means), each with
# whether a blank stands before it; a keyword matches where the same tokens stand the same
# way, found by looking its tokens up in the entry's n-grams: linear in the entry and the map.
@dataclass(frozen=True)
class _Keyword:
    """A keyword as tokens: casefolded, blank-before flags (the first's unused), a * ending."""

    tokens: tuple[str, ...]
    spaced: tuple[bool, ...]
    star: bool

    @classmethod
    def read(cls, keyword: str) -> _Keyword | None:
        """A topic map's keyword (``neural net*``), or None for one with no words."""
        stem = keyword.strip()
        star = stem.endswith("*")
        found = list(TOKEN.finditer(stem.rstrip("*")))
        if not found or len(found) > MAX_KEYWORD_TOKENS:
            return None
        spaced = tuple(
            index > 0 and found[index - 1].end() < match.start()
            for index, match in enumerate(found)
        )
        return cls(tuple(match.group().casefold() for match in found), spaced, star)


class _Entry:
    """An entry's text as tokens, with the n-grams of the lengths the keywords need."""

    def __init__(self, text: str) -> None:
        found = list(TOKEN.finditer(text))
        self.tokens = [match.group().casefold() for match in found]
        self.spaced = [
            index > 0 and found[index - 1].end() < match.start()
            for index, match in enumerate(found)
        ]
        words = [match.group()[0].isalnum() or match.group()[0] == "_" for match in found]
        # A token glued to a word before or after it: "#x" in "a#x" is no keyword "#x".
        self.glued_before = [
            index > 0 and not self.spaced[index] and words[index - 1] for index in range(len(found))
        ]
        self.glued_after = [
            index + 1 < len(found) and not self.spaced[index + 1] and words[index + 1]
            for index in range(len(found))
        ]
        self._grams: dict[int, set[tuple[object, ...]]] = {}
        self._following: dict[int, dict[tuple[object, ...], list[tuple[bool, str]]]] = {}

    def _key(self, start: int, length: int) -> tuple[object, ...]:
        end = start + length
        return (
            self.glued_before[start],
            tuple(self.tokens[start:end]),
            tuple(self.spaced[start + 1 : end]),
        )

    def has(self, keyword: _Keyword) -> bool:
        """Whether the keyword stands in the text as whole tokens."""
        if keyword.star:
            return self._has_start(keyword)
        length = len(keyword.tokens)
        grams = self._grams.get(length)
        if grams is None:
            grams = self._grams[length] = {
                self._key(start, length) + (self.glued_after[start + length - 1],)
                for start in range(len(self.tokens) - length + 1)
            }
        return (False, keyword.tokens, keyword.spaced[1:], False) in grams

    def _has_start(self, keyword: _Keyword) -> bool:
        # The tokens before the last as an n-gram, then the last as the start of the token
        # that follows it, found by bisection in the sorted followers of that n-gram.
        length = len(keyword.tokens) - 1
        following = self._following.get(length)
        if following is None:
            following = self._following[length] = {}
            for start in range(len(self.tokens) - length):
                # A lone word's start may stand anywhere but glued to a word before it.
                key = self._key(start, length) if length else (self.glued_before[start], (), ())
                following.setdefault(key, []).append(
                    (self.spaced[start + length] if length else False, self.tokens[start + length])
                )
            for followers in following.values():
                followers.sort()
        key = (False, keyword.tokens[:-1], keyword.spaced[1:-1])
        followers = following.get(key, [])
        spaced = keyword.spaced[-1] if length else False
        index = bisect.bisect_left(followers, (spaced, keyword.tokens[-1]))
        return (
            index < len(followers)
            and followers[index][0] == spaced
            and followers[index][1].startswith(keyword.tokens[-1])
        )


def _topics_of(entry: _Entry, topics: Sequence[tuple[str, list[_Keyword]]]) -> list[str]:
    return [name for name, keywords in topics if any(entry.has(k) for k in keywords)]


def read_questions(thoughts: Iterable[SourceLine], topics: Sequence[Topic] = ()) -> QuestionList:
    """The entries of the Thoughts, in file order, each with its group, context, answer, topics."""
    entries, headings = read_entries(thoughts)
    keywords = [
        (topic.name, [k for word in topic.keywords if (k := _Keyword.read(word)) is not None])
        for topic in topics
    ]
    for entry in entries:
        text = _Entry("\n\n".join([entry.text, *entry.context]))
        entry.topics = _topics_of(text, keywords)
    return QuestionList(entries, list(topics), headings)
