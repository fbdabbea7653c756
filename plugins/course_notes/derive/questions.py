"""The Thoughts to the question list: entries, groups, titles, ids, topics, and the list as text.

Pure: no file system, no MkDocs. The units are blocks: paragraphs (runs of lines between
blank lines), list items, headings, separators and answer lines. A list item is an entry; a
paragraph with a question mark starts an entry, one without is context of the entry before
it; a separator line ends the entry; a heading groups the entries after it; a line starting
``A:`` (or ``Answer:``, ``**A:**``, any case) answers the entry it follows, and an ``Asked:``
line (or ``(asked)`` at the end) marks it asked.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import yaml

from ..errors import CourseNotesError
from ..model import Question, QuestionList, SourceLine, Topic
from ..model.inline import autolinked
from ..model.text import capitalise_first, slugify
from ..read import yaml_nodes
from ..read.yaml_nodes import quoted
from ..render import spreadsheet

# The same separator as between weeks: three or more dashes alone on a line.
SEPARATOR = re.compile(r"[ \t]*-{3,}[ \t]*")
# "A:", "Answer:", "**A:**", "**A**:" in any case, at a line's start.
ANSWER = re.compile(
    r"[ \t]*(?:\*\*(?:a|answer)[ \t]*:\*\*|\*\*(?:a|answer)\*\*[ \t]*:|(?:a|answer)[ \t]*:)[ \t]*",
    re.I,
)
# "Asked:" (any case, bold or not), then the date if one is given.
ASKED = re.compile(r"[ \t]*(?:\*\*asked[ \t]*:\*\*|\*\*asked\*\*[ \t]*:|asked[ \t]*:)[ \t]*", re.I)
# "(asked)" or "(asked 12 Mar)" ending an entry's text (see asked_at_end).
_ASKED = re.compile(r"\([ \t]*asked\b[ \t:,\-]*(?P<date>[^()]*?)[ \t]*\)", re.I)
# "Q:", "Question:", "**Q:**" before the question: like a list's bullet, not its title.
QUESTION_LABEL = re.compile(
    r"(?:\*\*(?:q|question)[ \t]*:\*\*|\*\*(?:q|question)\*\*[ \t]*:|(?:q|question)[ \t]*:)[ \t]*",
    re.I,
)
# A list item: its bullet or number, then its text (a lone "-" is no item).
LIST_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")
HEADING = re.compile(r" {0,3}(?P<hashes>#{1,6})[ \t]+(?P<title>\S.*)$")
TAB_SIZE = 4
QUESTION_MARKS = ("?", "\uff1f")
# A "?" in a link address or a code span is not the writer asking anything; one that ends
# an address ("have you seen https://example.org?") is.
_NOT_PROSE = re.compile(r"(`+).+?\1|\b(?:https?|ftp)://[^\s<>)\]]*[^\s<>)\]?]", re.S)
_SENTENCE_END = re.compile(r"[.?!\uff1f\u3002](?=\s|$)")

TITLE_LENGTH = 100
ID_WORDS = 6
ID_HASH_LENGTH = 6


class TopicsError(CourseNotesError):
    """The topic map cannot be used; the message says where and why."""


@dataclass
class _Block:
    """A unit of the Thoughts: what it is, its first line, and its text less its marker."""

    kind: str  # "text", "item", "answer", "asked", "heading" or "separator"
    line: int
    lines: list[str] = field(default_factory=list)
    marker: str = ""
    """An answer's or asked line's ``A:`` or ``Asked:`` as written."""
    under: list[_Block] = field(default_factory=list)
    """For a list item: the paragraphs and answer lines indented under it."""
    indent: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _width(text: str) -> int:
    blank = text[: len(text) - len(text.lstrip(" \t"))]
    return len(blank.expandtabs(TAB_SIZE))


def blocks(thoughts: Iterable[SourceLine]) -> list[_Block]:
    """The Thoughts as blocks, in file order; a list item holds the blocks indented under it."""
    result: list[_Block] = []
    item: _Block | None = None  # the list item lines may still join
    current: _Block | None = None  # the block the next line continues, if not blank
    blank = True  # the line before was blank (or there was none)
    for source in thoughts:
        text = source.text
        if not text.strip():
            current, blank = None, True
            continue
        width = _width(text)
        inside = item is not None and width > item.indent
        if SEPARATOR.fullmatch(text) and not inside:
            result.append(_Block("separator", source.number))
            item = current = None
        elif (heading := HEADING.match(text)) and not inside:
            title = heading["title"]
            bare = title.rstrip("#")
            if bare != title and bare.endswith((" ", "\t")):
                title = bare
            result.append(_Block("heading", source.number, [title.strip(" \t")]))
            item = current = None
        elif (listed := LIST_ITEM.match(text)) and not inside:
            item = current = _Block("item", source.number, [text[listed.end() :]], indent=width)
            result.append(item)
        elif (marker := ANSWER.match(text) or ASKED.match(text)) is not None:
            kind = "answer" if ANSWER.match(text) else "asked"
            written = text[: marker.end()].strip(" \t")
            current = _Block(kind, source.number, [text[marker.end() :].rstrip(" \t")], written)
            if inside:
                item.under.append(current)  # type: ignore[union-attr]
            else:
                result.append(current)
                item = None
        elif current is not None and not blank and current.kind != "asked":
            # The line goes on with the block above it: indented or not (Markdown's laziness).
            current.lines.append(text.strip(" \t") if current.kind != "text" else text)
        elif inside:
            current = _Block("text", source.number, [text.strip(" \t")])
            item.under.append(current)  # type: ignore[union-attr]
        else:
            current = _Block("text", source.number, [text])
            result.append(current)
            item = None
        blank = False
    return result


def asks(text: str) -> bool:
    """True when the text has a question mark outside link addresses and code spans."""
    prose = _NOT_PROSE.sub(" ", text)
    return any(mark in prose for mark in QUESTION_MARKS)


def asked_at_end(text: str) -> tuple[int, str] | None:
    """Where an ``(asked)`` or ``(asked 12 Mar)`` ending the text starts, and its date."""
    # From the last "(" only: a search from every blank was quadratic in a run of blanks.
    end = text.rstrip()
    found = _ASKED.fullmatch(end, end.rfind("(")) if end.endswith(")") else None
    return (found.start(), found["date"]) if found else None


def bare_question(text: str) -> str:
    """The text less a ``Q:`` in front and an ``(asked)`` at the end: what its title is made of."""
    label = QUESTION_LABEL.match(text.lstrip(" \t"))
    bare = text.lstrip(" \t")[label.end() :] if label else text
    ending = asked_at_end(bare)
    bare = bare[: ending[0]] if ending else bare
    return bare if bare.strip() else text


def title_of(text: str) -> str:
    """The first sentence, first letter capitalised, cut at a word near 100 characters."""
    flat = " ".join(text.split())
    end = _SENTENCE_END.search(flat)
    sentence = flat[: end.end()] if end else flat
    if len(sentence) > TITLE_LENGTH:
        # Keep whole words within the limit, the ellipsis included; one huge word is cut.
        room = TITLE_LENGTH - 1
        cut = sentence[: room + 1]
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:room]
        sentence = cut.rstrip(" ,;:-") + "\u2026"
    return capitalise_first(sentence)


def question_id(text: str) -> str:
    """An anchor made from the text alone: its first words and a short hash of all of it.

    Whitespace and case are ignored, so re-wrapping a line keeps the id; a question added
    above another leaves the other's id as it was.
    """
    normal = " ".join(text.split()).casefold()
    digest = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:ID_HASH_LENGTH]
    words = slugify(text, ID_WORDS)
    return f"{words}-{digest}" if words else f"q-{digest}"


# Topics are matched by a word index, not a regex: one alternation of every keyword cost
# O(K²) per word for keywords that share their start ("x z", "x x z", ...: 30-44 s for a
# 1 MB topic map and one 8 KB entry). A keyword and an entry are read as tokens (a run of
# word characters, or one other non-blank character: "k-means" is k, -, means), each with
# whether a blank stands before it; a keyword matches where the same tokens stand the same
# way, found by looking its tokens up in the entry's n-grams: linear in the entry and the map.
_TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_KEYWORD_TOKENS = 12
"""A keyword is a term ("gradient descent", "C++"): the n-grams looked up are at most this
long, so the index of an entry costs at most this many lookups per token."""


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
        found = list(_TOKEN.finditer(stem.rstrip("*")))
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
        found = list(_TOKEN.finditer(text))
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
    reader = _QuestionReader()
    for block in blocks(thoughts):
        reader.read(block)
    entries = reader.entries
    for entry in entries:
        ending = asked_at_end(entry.text)
        if ending and entry.asked is None:
            entry.asked = ending[1]
    _unique_ids(entries)
    keywords = [
        (topic.name, [k for word in topic.keywords if (k := _Keyword.read(word)) is not None])
        for topic in topics
    ]
    for entry in entries:
        text = _Entry("\n\n".join([entry.text, *entry.context]))
        entry.topics = _topics_of(text, keywords)
    return QuestionList(entries, list(topics), reader.headings)


class _QuestionReader:
    """Applies the rules block by block, keeping the entry the next block may belong to."""

    def __init__(self) -> None:
        self.entries: list[Question] = []
        self.headings: list[SourceLine] = []
        self.current: Question | None = None
        self.in_answer = False
        self.group = ""

    def start(self, text: str, line: int) -> Question:
        title = title_of(bare_question(text))
        entry = Question(question_id(text), title, text, line, asks(text), group=self.group)
        entry.title_only = title == capitalise_first(" ".join(bare_question(text).split()))
        self.entries.append(entry)
        self.current, self.in_answer = entry, False
        return entry

    def answer(self, entry: Question, text: str) -> None:
        entry.answer = text if entry.answer is None else f"{entry.answer}\n\n{text}"
        self.in_answer = True

    def read(self, block: _Block) -> None:
        kind, text = block.kind, block.text
        if kind == "separator":
            self.current, self.in_answer = None, False
        elif kind == "heading":
            self.group = text
            self.headings.append(SourceLine(block.line, text))
            self.current, self.in_answer = None, False
        elif kind == "item":
            entry = self.start(text, block.line)
            for part in block.under:
                if part.kind == "answer":
                    self.answer(entry, part.text)
                elif part.kind == "asked":
                    entry.asked = part.text
                elif self.in_answer:
                    self.answer(entry, part.text)
                else:
                    entry.context.append(part.text)
        elif self.current is None:
            # Nothing to answer or to add to: the block is an entry of its own, as written.
            self.start(f"{block.marker} {text}".strip(" ") if block.marker else text, block.line)
        elif kind == "answer":
            self.answer(self.current, text)
        elif kind == "asked":
            self.current.asked = text
        elif asks(text):
            self.start(text, block.line)
        elif self.in_answer:
            # Once answered, paragraphs up to the next question continue the answer.
            self.answer(self.current, text)
        else:
            self.current.context.append(text)


def _unique_ids(entries: list[Question]) -> None:
    # The same text written twice gives the same id; number the repeats so anchors differ.
    seen: dict[str, int] = {}
    for entry in entries:
        count = seen.get(entry.id, 0) + 1
        seen[entry.id] = count
        if count > 1:
            entry.id = f"{entry.id}-{count}"


def parse_topics(text: str, source: str = "topics") -> list[Topic]:
    """A topic map from YAML: each topic name maps to a list of keywords."""
    try:
        # Nodes, not yaml.safe_load: only the text a topic needs is read (see yaml_nodes),
        # and no message quotes more than a short line of the file.
        root = yaml_nodes.compose(text)
        return _topics(root, source) if root is not None else []
    except yaml_nodes.YamlProblem as error:
        raise TopicsError(f"{source}:{error.line}: {error.problem}") from None


def _topics(root: yaml.Node, source: str) -> list[Topic]:
    if not isinstance(root, yaml.MappingNode):
        raise TopicsError(
            f"{source}:{yaml_nodes.line(root)}: expected topic names, each with a list of keywords"
        )
    topics = []
    for name_node, keywords_node in root.value:
        where = f"{source}:{yaml_nodes.line(name_node)}"
        name = yaml_nodes.text(name_node)
        if name is None or not name.strip():
            raise TopicsError(f"{where}: a topic name must be text")
        keywords = _keywords(keywords_node)
        if keywords is None:
            raise TopicsError(f"{where}: topic {quoted(name)} needs a list of keywords")
        items = keywords_node.value if isinstance(keywords_node, yaml.SequenceNode) else []
        for item in items or [keywords_node]:
            word = yaml_nodes.text(item) or ""
            if len(_TOKEN.findall(word)) > MAX_KEYWORD_TOKENS:
                raise TopicsError(
                    f"{source}:{yaml_nodes.line(item)}: keyword {quoted(word[:40])} of topic "
                    f"{quoted(name)} is longer than {MAX_KEYWORD_TOKENS} words and signs "
                    "(k-means is three); a keyword is a term, such as `gradient descent`"
                )
        topic = Topic(name.strip(), keywords)
        twin = next((other for other in topics if other.slug == topic.slug), None)
        if twin is not None:
            raise TopicsError(
                f"{where}: topics {quoted(twin.name)} and {quoted(topic.name)} are too alike "
                f"(both would be #{topic.slug}); rename one"
            )
        topics.append(topic)
    return topics


def _keywords(node: yaml.Node) -> tuple[str, ...] | None:
    """A topic's keywords: one, a list, or none (left empty); None if they are not text."""
    if isinstance(node, yaml.ScalarNode) and node.tag == yaml_nodes.NULL:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    keywords = [yaml_nodes.text(item) for item in items]
    if not all(isinstance(keyword, str) for keyword in keywords):
        return None
    return tuple(keyword for keyword in keywords if keyword is not None)


# The list as text, for the lecturer: Markdown, plain text, CSV and JSON.

FORMATS = ("markdown", "text", "csv", "json")


def _lines(text: str, line: Callable[[str], str] = str) -> list[str]:
    return [line(part.rstrip()) for part in text.split("\n")]


def _asked_line(entry: Question) -> str | None:
    # Said once: an "(asked)" ending the text already says it.
    if entry.asked is None or entry.answer is not None or asked_at_end(entry.text):
        return None
    return f"Asked: {entry.asked}" if entry.asked else "Asked."


def _numbered(
    entries: Sequence[Question],
    answer_label: str,
    hanging: int | None,
    head: str,
    line: Callable[[str], str] = str,
) -> str:
    parts = []
    group = ""
    for number, entry in enumerate(entries, start=1):
        if entry.group != group:
            group = entry.group
            if group:
                parts.append(head + " ".join(group.split()))
        marker = f"{number}. "
        indent = " " * (hanging if hanging is not None else len(marker))
        paragraphs = [_lines(entry.text, line), *(_lines(part, line) for part in entry.context)]
        asked = _asked_line(entry)
        if asked:
            paragraphs.append([asked])
        if entry.answer is not None:
            answer = _lines(entry.answer, line)
            answer[0] = f"{answer_label} {answer[0]}".rstrip()
            paragraphs.append(answer)
        body = "\n\n".join(
            "\n".join(indent + line if line else "" for line in p) for p in paragraphs
        )
        parts.append(marker + body[len(indent) :].lstrip(" \t"))
    return "\n\n".join(parts) + "\n" if parts else ""


def as_markdown(entries: Sequence[Question]) -> str:
    """A numbered Markdown list, each entry's context (and answer) as its own paragraphs.

    The entries' groups are ``##`` headings; the numbers run on across them.
    """
    # Four spaces keep the paragraphs inside the list item in every Markdown flavour; bare
    # addresses go in <...>, a link in every flavour (the text is otherwise as written).
    return _numbered(entries, "**Answer:**", 4, "## ", autolinked)


def as_text(entries: Sequence[Question]) -> str:
    """A numbered plain-text list, for pasting into an email or a forum post.

    Each group's heading is a line of its own above its entries; the numbers run on.
    """
    return _numbered(entries, "Answer:", None, "")


def as_records(entries: Sequence[Question]) -> list[dict[str, object]]:
    """The entries as plain values, in file order."""
    return [
        {
            "id": entry.id,
            "title": entry.title,
            "text": entry.text,
            "context": list(entry.context),
            "answer": entry.answer,
            "status": entry.status.value,
            "topics": list(entry.topics),
            "group": entry.group,
            "asked": entry.asked or "",
        }
        for entry in entries
    ]


def as_json(entries: Sequence[Question]) -> str:
    """A JSON list of objects: id, title, text, context, answer, status, topics, group, asked."""
    return json.dumps(as_records(entries), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("id", "title", "text", "context", "answer", "status", "topics", "group", "asked")


def as_csv(entries: Sequence[Question]) -> str:
    """CSV with a header row; context paragraphs are joined by a blank line, topics by ``; ``.

    A cell that a spreadsheet would take for a formula starts with ``'`` (see spreadsheet).
    """
    out = io.StringIO()
    writer = spreadsheet.Writer(out)
    writer.writerow(CSV_COLUMNS)
    for record in as_records(entries):
        record["context"] = "\n\n".join(record["context"])  # type: ignore[arg-type]
        record["answer"] = record["answer"] or ""
        record["topics"] = "; ".join(record["topics"])  # type: ignore[arg-type]
        writer.writerow([record[column] for column in CSV_COLUMNS])
    return out.getvalue()


def formatted(entries: Sequence[Question], form: str) -> str:
    """The entries in one of ``FORMATS``: markdown, text, csv or json."""
    writers = {"markdown": as_markdown, "text": as_text, "csv": as_csv, "json": as_json}
    return writers[form](entries)
