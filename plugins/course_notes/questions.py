"""The Thoughts to the question list: entries, titles, ids, topics, and the list as text.

Pure: no file system, no MkDocs. Paragraphs (runs of lines between blank lines) are the
units. A paragraph with a question mark starts an entry; one without is context of the entry
before it; a separator line ends the entry; a paragraph starting ``A:`` answers it.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from . import spreadsheet, yaml_nodes
from .errors import CourseNotesError
from .model import Question, QuestionList, SourceLine, Topic
from .text import capitalise_first, slugify
from .yaml_nodes import quoted

# The same separator as between weeks: three or more dashes alone on a line.
SEPARATOR = re.compile(r"[ \t]*-{3,}[ \t]*")
ANSWER = re.compile(r"[ \t]*A:[ \t]*")
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
class _Paragraph:
    lines: list[SourceLine]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def line(self) -> int:
        return self.lines[0].number


_END = None  # a separator in the run of paragraphs


def paragraphs(thoughts: Iterable[SourceLine]) -> list[_Paragraph | None]:
    """Split lines into paragraphs at blank lines; a separator line becomes ``None``."""
    blocks: list[_Paragraph | None] = []
    current: list[SourceLine] = []
    for line in thoughts:
        separator = SEPARATOR.fullmatch(line.text) is not None
        if separator or not line.text.strip():
            if current:
                blocks.append(_Paragraph(current))
                current = []
            if separator:
                blocks.append(_END)
        else:
            current.append(line)
    if current:
        blocks.append(_Paragraph(current))
    return blocks


def asks(text: str) -> bool:
    """True when the text has a question mark outside link addresses and code spans."""
    prose = _NOT_PROSE.sub(" ", text)
    return any(mark in prose for mark in QUESTION_MARKS)


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


def _keyword_pattern(keyword: str) -> str:
    # Spaces match any run of whitespace; a trailing * any ending, else the word ends.
    stem = keyword.strip()
    words = stem.rstrip("*").split()
    body = r"\s+".join(re.escape(word) for word in words)
    return body + (r"\w*" if stem.endswith("*") else r"(?!\w)")


def _matcher(topic: Topic) -> re.Pattern[str] | None:
    # One pattern per topic, whole words in any case; the shared start check outside the
    # alternatives keeps the search quick.
    patterns = [_keyword_pattern(k) for k in topic.keywords if k.strip().rstrip("*")]
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.I) if patterns else None


def _topics_of(text: str, matchers: Sequence[tuple[str, re.Pattern[str] | None]]) -> list[str]:
    return [name for name, matcher in matchers if matcher is not None and matcher.search(text)]


def read_questions(thoughts: Iterable[SourceLine], topics: Sequence[Topic] = ()) -> QuestionList:
    """The entries of the Thoughts, in file order, each with its context, answer and topics."""
    entries: list[Question] = []
    current: Question | None = None
    in_answer = False
    for block in paragraphs(thoughts):
        if block is _END:
            current, in_answer = None, False
            continue
        text = block.text
        answer = ANSWER.match(block.lines[0].text)
        if current is not None and answer:
            part = text[answer.end() :]
            current.answer = part if current.answer is None else f"{current.answer}\n\n{part}"
            in_answer = True
        elif current is None or asks(text):
            current = Question(question_id(text), title_of(text), text, block.line, asks(text))
            entries.append(current)
            in_answer = False
        elif in_answer:
            # Once answered, paragraphs up to the next question continue the answer.
            current.answer = f"{current.answer}\n\n{text}"
        else:
            current.context.append(text)
    _unique_ids(entries)
    matchers = [(topic.name, _matcher(topic)) for topic in topics]
    for entry in entries:
        entry.topics = _topics_of("\n\n".join([entry.text, *entry.context]), matchers)
    return QuestionList(entries, list(topics))


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


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.split("\n")]


def _numbered(entries: Sequence[Question], answer_label: str, hanging: int | None) -> str:
    items = []
    for number, entry in enumerate(entries, start=1):
        marker = f"{number}. "
        indent = " " * (hanging if hanging is not None else len(marker))
        paragraphs = [_lines(entry.text), *(_lines(part) for part in entry.context)]
        if entry.answer is not None:
            answer = _lines(entry.answer)
            answer[0] = f"{answer_label} {answer[0]}".rstrip()
            paragraphs.append(answer)
        body = "\n\n".join(
            "\n".join(indent + line if line else "" for line in p) for p in paragraphs
        )
        items.append(marker + body[len(indent) :])
    return "\n\n".join(items) + "\n" if items else ""


def as_markdown(entries: Sequence[Question]) -> str:
    """A numbered Markdown list, each entry's context (and answer) as its own paragraphs."""
    # Four spaces keep the paragraphs inside the list item in every Markdown flavour.
    return _numbered(entries, "**Answer:**", 4)


def as_text(entries: Sequence[Question]) -> str:
    """A numbered plain-text list, for pasting into an email or a forum post."""
    return _numbered(entries, "Answer:", None)


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
        }
        for entry in entries
    ]


def as_json(entries: Sequence[Question]) -> str:
    """A JSON list of objects with id, title, text, context, answer, status and topics."""
    return json.dumps(as_records(entries), ensure_ascii=False, indent=2) + "\n"


def as_csv(entries: Sequence[Question]) -> str:
    """CSV with a header row; context paragraphs are joined by a blank line, topics by ``; ``.

    A cell that a spreadsheet would take for a formula starts with ``'`` (see spreadsheet).
    """
    out = io.StringIO()
    writer = spreadsheet.Writer(out)
    writer.writerow(["id", "title", "text", "context", "answer", "status", "topics"])
    for entry in entries:
        context = "\n\n".join(entry.context)
        answer = entry.answer or ""
        topics = "; ".join(entry.topics)
        writer.writerow(
            [entry.id, entry.title, entry.text, context, answer, entry.status.value, topics]
        )
    return out.getvalue()


def formatted(entries: Sequence[Question], form: str) -> str:
    """The entries in one of ``FORMATS``: markdown, text, csv or json."""
    writers = {"markdown": as_markdown, "text": as_text, "csv": as_csv, "json": as_json}
    return writers[form](entries)
