"""The Thoughts read: entries, groups, titles, ids, answers, as the student writes them.

Pure: no file system, no MkDocs. The units are blocks: paragraphs (runs of lines between
blank lines), list items, headings, separators and answer lines. A list item is an entry; a
paragraph with a question mark starts an entry, one without is context of the entry before
it; a separator line ends the entry; a heading groups the entries after it; a line starting
``A:`` (or ``Answer:``, ``**A:**``, any case) answers the entry it follows, and an ``Asked:``
line (or ``(asked)`` at the end) marks it asked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import regex
from ..model import Question, SourceLine
from ..model.questions import Remark
from ..model.text import capitalise_first, slugify
from .dates import STAMP
from .layout import names_questions
from .marks import BOX_SIGNS

# The same separator as between weeks: three or more dashes alone on a line.
SEPARATOR = regex.compile(r"[ \t]*-{3,}[ \t]*")
# "A:", "Answer:", "**A:**", "**A**:", "Answer (Dr W, 10 Mar):" in any case, in the
# languages the reader knows (Antwort, Respuesta, Réponse, Risposta, Resposta, Antwoord), or
# an arrow ("->", "→", "=>"), at a line's start.
# Who answered, as a label: "mentor: set min-width: 0", "TA: yes".
_ANSWERER = (
    r"mentor|tutor|ta|prof|professor|professora|lecturer|teacher|instructor|dozent|dozentin|"
    r"docent|profe"
)
_ANSWER_WORDS = (
    r"(?:a|answer|ans|antwort|respuesta|r[ée]ponse|risposta|resposta|antwoord|r|resp|r[ée]p|rta|"
    # Turkish, Czech, Polish, Korean, Chinese, Japanese.
    r"cevap|yan[ıi]t|odp\.?|odpov[ěe]ď|odpowied[źz]|답변?|答|回答|答え|ответ|jawab|jawaban|"
    r"v[áa]lasz|tl|tr[ảa] l[ờo]i|"
    rf"{_ANSWERER})"
)
ANSWER = regex.compile(
    rf"[ \t]*(?:\*\*{_ANSWER_WORDS}(?:[ \t]*\([^()\n]{{0,60}}\))?[ \t]*[:\uff1a]\*\*"
    rf"|\*\*{_ANSWER_WORDS}\*\*[ \t]*[:\uff1a]"
    # "答：": Chinese and Japanese write a full-width colon.
    rf"|{_ANSWER_WORDS}(?:[ \t]*\([^()\n]{{0,60}}\))?[ \t]*[:\uff1a]"
    rf"|{_ANSWER_WORDS}[ \t]+[-\u2013\u2014](?=[ \t])|a\.(?=[ \t])"
    r"|(?:->|\u2192|=>|\u21d2|\u27a1\ufe0f?)(?=[ \t]|$))[ \t]*",
    re.I,
)
ARROWS = ("->", "\u2192", "=>", "\u21d2", "\u27a1")
# An answer on the question's own line, after an arrow: "Will X be on it? → yes".
_INLINE_ANSWER = regex.compile(
    # After "?", "？" or Japanese's "か" that ends a question.
    r"(?:(?:\?|\uff1f|\u304b)[ \t)*_]*(?P<arrow>[ \t]+(?:->|\u2192|=>|\u21d2|[\u2013\u2014]"
    r"|(?i:a|r|answer|ans|antwort|respuesta|r[ée]ponse|risposta|resposta|r[ée]p\.?|resp\.?):"
    # "?? A - yes": the answer's letter and a dash.
    r"|(?i:a|answer)[ \t]+[-\u2013\u2014])"
    r"[ \t]+)"
    r"|(?P<dashes>[ \t]+--[ \t]+)"
    # "... after i close vscode mentor: old node process still running": who answered, named.
    rf"|(?P<answerer>[ \t]+(?i:{_ANSWERER})[ \t]*:[ \t]+))(?=\S)"
)
# A remark's label: "obs: …", "NB: …", "PS: …", "Hinweis: …", or a tag: "#todo ask Mia".
_NOTE_LABEL = regex.compile(
    r"(?i:obs|nb|n\.b\.|ps|p\.s\.|note|nota|remarque|anmerkung|hinweis|info)[ \t]*:[ \t]"
    r"|#(?i:todo|note|idea|reminder|remark)\b"
)
# A line opening with a label of a few words: "essay ideas: CI + Vallor?".
_LABELLED = regex.compile(r"(?P<label>[^\W\d_][^\W\d_ \t]*(?:[ \t][^\W\d_]+){0,2})[ \t]*:[ \t]")
# A to-do list of the student's under the questions: "todo" over its lines, whatever they say.
_TODO_HEAD = regex.compile(
    r"(?i:todo|to[ -]do|reminders?|misc|later|random|other|"
    # "notas sueltas:", "random notes:": notes of the student's own.
    r"(?:[^\W\d_]+[ \t]+)?(?:notes|notas|notizen|apuntes|remarques|appunti|aantekeningen)"
    r"(?:[ \t]+[^\W\d_]+)?)"
    r"(?:[ \t]*/[ \t]*[^\W\d_]+)?[ \t]*:?[ \t]*(?:\n|$)"
)
# A heading over the student's own lines after the questions: "## misc", "## To do". Not
# "Later" or "Other": a group of questions may be called so.
_ASIDE_HEADING = regex.compile(
    r"(?i:misc\.?|miscellaneous|todo|to[ -]do|reminders?|random|scratch|brouillon|sonstiges|"
    r"verschiedenes|varios|varias|varie|cose varie|diversos|divers)[ \t]*:?"
)
# A label alone on its line, a few words and a colon: "ملاحظات عامة:", "Sonstiges:".
_BARE_LABEL = regex.compile(r"[ \t]*[^\W\d_][^\W\d_ \t]*(?:[ \t][^\W\d_]+){0,3}[ \t]*:[ \t]*")
# A property of an outliner's block: "collapsed:: false", "id:: 65a…".
_PROPERTY = regex.compile(r"[ \t]*[^\W\d_][\w-]{0,30}::(?:[ \t]|$)")
# Dataview's answer field on a question: "[answer:: yes]", "(A:: no)".
_ANSWER_FIELD = regex.compile(
    r"[ \t]*[\[(](?i:answer|antwort|respuesta|r[ée]ponse|risposta|resposta|a)[ \t]*::[ \t]*"
    r"(?P<answer>[^\[\]]*?)[ \t]*[\])]"
)
# A task box before an entry: "[x] ", "[ ] ".
_BOX = regex.compile(r"\[(?P<box>[ xX])\][ \t]+")
# A paragraph all in one pair of brackets: "(office hours Tue 1-2pm, or by mail)".
_ASIDE = regex.compile(r"\([^()]*\)[ \t]*", re.S)
# An arrow anywhere on a ticked entry's line, with what follows it as the answer.
_ARROW = regex.compile(r"(?P<arrow>[ \t]+(?:->|\u2192|=>|\u21d2)[ \t]+)(?=\S)(?P<dashes>)")
# An indented line under a question that is no answer: it says there is none yet.
_NO_ANSWER = regex.compile(
    r"(?:no (?:reply|answer|response)|not (?:yet )?answered|unanswered|waiting|pending|"
    # "(asked, he's checking with the ward manager)": asked, the answer still to come.
    r"^\(asked\b|checking with|will (?:check|get back|find out|let (?:me|us) know)|"
    r"forgot to ask|(?:have|haven't|has|hasn't) not? asked|not asked yet|"
    r"asked (?:in|on|at|by)|(?-i:\bTODO\b)|keine antwort|sin respuesta|pas de r[ée]ponse|"
    # "nobody has answered yet", "noch keine Antwort", "nadie respondió", "sem resposta":
    r"no ?(?:one|body) (?:has )?(?:answered|replied)|noch keine|nadie (?:ha )?respond|"
    r"sem resposta|ningu[ée]m (?:ainda )?respond|personne n'a r[ée]pondu|nessuno ha risposto|"
    r"nessuna risposta|geen antwoord|niemand heeft|nog niet|"
    # Chinese, Japanese, Korean, Turkish, Czech, Polish: "还没人回", "まだ", "아직 답 없음".
    r"还没人?回|没人回|未回复|尚未回[复答]|未回答|まだ|아직|답 ?없|henüz|cevap yok|"
    r"bez odpov|zatím ne|brak odpowiedzi|jeszcze nie|belum dijawab|belum ada|пока нет|"
    r"нет ответа|még nincs|"
    # "→ preguntar en tutoría": still to ask, no answer.
    r"preguntar|to ask|ask (?:in|at|again|her|him|them|next)|nachfragen|demander|chiedere|"
    r"perguntar|vragen)",
    re.I,
)
# What a line says after a colon: "asked in office hrs 1/21: the ratio makes it …".
_AFTER_COLON = regex.compile(r":[ \t]+(?P<rest>\S.*)")


def _no_answer(text: str) -> bool:
    """True when a line under a question says it has no answer yet; "asked in office hrs
    1/21: the ratio makes it a per-capita brake" gives one after its colon."""
    found = _NO_ANSWER.search(text)
    if found is None:
        return False
    said = _AFTER_COLON.search(text, found.end())
    return (
        said is None or len(said["rest"].split()) < 3 or _NO_ANSWER.search(said["rest"]) is not None
    )


# "Asked:" (any case, bold or not), then the date if one is given.
ASKED = regex.compile(
    r"[ \t]*(?:\*\*asked[ \t]*:\*\*|\*\*asked\*\*[ \t]*:|asked[ \t]*:)[ \t]*", re.I
)
# "(asked)" or "(asked 12 Mar)" ending an entry's text (see asked_at_end).
_ASKED = regex.compile(r"\([ \t]*asked\b[ \t:,\-]*(?P<date>[^()]*?)[ \t]*\)", re.I)
# "Q:", "Question:", "**Q:**" before the question: like a list's bullet, not its title.
QUESTION_LABEL = regex.compile(
    r"(?:\*\*(?:q|question)[ \t]*:\*\*|\*\*(?:q|question)\*\*[ \t]*:|(?:q|question)[ \t]*:"
    r"|q\.(?=[ \t]))[ \t]*",
    re.I,
)
# A list item: its bullet or number, then its text (a lone "-" is no item).
# The reader's list markers, "•" and its kin ("•⇥Why is LM flat", pasted from OneNote) too.
LIST_ITEM = regex.compile(
    # "? Did Botticelli …": a question mark as the bullet, as a bullet journal writes them.
    # "☐ Moeten we …": a checklist's box (Google Keep's, OneNote's) as the bullet.
    r"(?P<indent>[ \t]*)(?:(?:[-*+\u2022\u25aa\u25e6\u2013\u25cf\u25cb\u25a0?\u2610\u2611\u2612]"
    r"|\d{1,9}[.)])[ \t]+"
    r"|\u30fb[ \t]*)(?=\S)"
)
_BOX_SIGNS = {sign: f"[{box}]" for sign, box in BOX_SIGNS.items()}
HEADING = regex.compile(r" {0,3}(?P<hashes>#{1,6})[ \t]+(?P<title>\S.*)$")
TAB_SIZE = 4
QUESTION_MARKS = ("?", "\uff1f")
# A "?" in a link address or a code span is not the writer asking anything; one that ends
# an address ("have you seen https://example.org?") is.
_NOT_PROSE = regex.compile(r"(`+).+?\1|\b(?:https?|ftp)://[^\s<>)\]]*[^\s<>)\]?]", re.S)
_SENTENCE_END = regex.compile(r"[.?!\uff1f\u3002](?=\s|$)")

TITLE_LENGTH = 100
ID_WORDS = 6
ID_HASH_LENGTH = 6


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
    tight: bool = False
    """A line of its own in a list of one-line questions (no blank line between them)."""
    nested: bool = False
    """A list item indented under an entry's item: its answer, unless it asks or says none."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _width(text: str) -> int:
    blank = text[: len(text) - len(text.lstrip(" \t"))]
    return len(blank.expandtabs(TAB_SIZE))


def _one_line_each(thoughts: list[SourceLine]) -> bool:
    """True when the questions are lines with no blank line between them (phone notes)."""
    written = [source for source in thoughts if source.text.strip()]
    if len(written) < 3 or any(LIST_ITEM.match(source.text) for source in written):
        return False
    first, last = written[0].number, written[-1].number
    return all(
        source.text.strip() for source in thoughts if first <= source.number <= last
    ) and any(source.text.rstrip().endswith(QUESTION_MARKS) for source in written[1:])


def blocks(thoughts: Iterable[SourceLine]) -> list[_Block]:
    """The Thoughts as blocks, in file order; a list item holds the blocks indented under it."""
    thoughts = list(thoughts)
    each_line = _one_line_each(thoughts)
    result: list[_Block] = []
    item: _Block | None = None  # the list item lines may still join
    current: _Block | None = None  # the block the next line continues, if not blank
    blank = True  # the line before was blank (or there was none)
    last = 0
    for source in thoughts:
        text = source.text
        # Lines apart in the file (questions again under a second heading, a question asked
        # in its unit): the block before ends, as at a blank line.
        gap, last = last and source.number > last + 1, source.number
        if gap:
            current, blank = None, True
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
            said = text[listed.end() :]
            sign = listed.group().strip()
            if sign in _BOX_SIGNS:
                # "☑ Telt het mee? -> nee": the box as the entry's, ticked or not.
                said = f"{_BOX_SIGNS[sign]} {said}"
            item = current = _Block(
                "item",
                source.number,
                [said],
                listed.group().strip(),
                indent=width,
            )
            result.append(item)
        elif text[:2] == "> " and item is not None and current is item and not blank:
            # "> no!! anti-Markovnikov" right under "- does Markovnikov still apply…":
            # the answer quoted under its question, as Obsidian's students write it.
            current = _Block("answer", source.number, [text.lstrip("> \t").rstrip()], ">")
            item.under.append(current)
        elif (marker := ANSWER.match(text) or ASKED.match(text)) is not None:
            kind = "answer" if ANSWER.match(text) else "asked"
            written = text[: marker.end()].strip(" \t")
            current = _Block(kind, source.number, [text[marker.end() :].rstrip(" \t")], written)
            if inside:
                item.under.append(current)  # type: ignore[union-attr]
            else:
                result.append(current)
                item = None
        elif inside and (listed := LIST_ITEM.match(text)):
            # A bullet under the entry's item: a reply written under the question.
            current = _Block("text", source.number, [text[listed.end() :]], nested=True)
            item.under.append(current)  # type: ignore[union-attr]
        elif (
            current is not None
            and not blank
            and current.kind != "asked"
            and not (each_line and not inside)
            and not (current.kind == "answer" and current.marker.startswith(ARROWS))
        ):
            # The line goes on with the block above it: indented or not (Markdown's laziness).
            current.lines.append(text.strip(" \t") if current.kind != "text" else text)
        elif inside:
            current = _Block("text", source.number, [text.strip(" \t")])
            item.under.append(current)  # type: ignore[union-attr]
        elif (
            each_line
            and not any(block.kind != "heading" for block in result)
            and not asks(text)
            and not opens_as_question(text)
        ):
            # In a list of one-line questions, a line before the first that asks nothing
            # ("ask these at OH") says what they are: it groups them.
            result.append(_Block("heading", source.number, [text.strip(" \t")]))
            item = current = None
        else:
            # After a one-line arrow answer, or in a list of one-line questions, a line is an
            # entry of its own.
            current = _Block("text", source.number, [text], tight=not blank)
            result.append(current)
            item = None
        blank = False
    return result


# A question without its mark: it opens as one ("Should I do the report on ...").
_ASKING = regex.compile(
    r"(?:should|shall|is|are|am|was|were|do|does|did|can|could|will|would|how|why|what|when|"
    r"where|who|which|may|might|must|wie|was|warum|wann|wo|wer|welche[rsnm]?|ist|sind|kann|"
    r"k[öo]nnen|muss|soll|gibt|qu[ée]|c[óo]mo|por qu[ée]|cu[áa]ndo|d[óo]nde|qui[ée]n|cu[áa]l|"
    r"hay|puedo|comment|pourquoi|quand|o[ùu]|quel(?:le)?s?|est-ce|peut-on|come|perch[ée]|"
    r"quando|dove|chi|quale|posso|quem|qual|pode|hoe|waarom|wat|wanneer|waar|welke|moet)\b",
    re.I,
)


def opens_as_question(text: str) -> bool:
    """True when the text starts the way a question does, with or without its mark."""
    return _ASKING.match(text.lstrip(" \t*_")) is not None


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


# Words a dot shortens, not ends a sentence after: "Prof. Li", "ch. 3", "e.g. this".
ABBREVIATIONS = frozenset(
    "prof dr mr mrs ms st ch chap fig figs eq eqs sec vs etc cf approx no nos vol pp p al "
    "e.g i.e z.b d.h u.a bzw vgl ca kap abb nr s sr sra dra pág cap ej p.ej ex mme mlle "
    "cit ibid jr inc ltd dept univ".split()
)


def _sentence_end(text: str) -> int:
    """Where the first sentence ends (after its mark), or 0: never at an abbreviation's dot."""
    for found in _SENTENCE_END.finditer(text):
        if text[found.start()] != ".":
            return found.end()
        word = text[: found.start()].rsplit(" ", 1)[-1].lstrip("(\"'").lower()
        after = text[found.end() :].lstrip()
        if word in ABBREVIATIONS or len(word) == 1 or after[:1].isdigit():
            continue
        return found.end()
    return 0


def title_of(text: str) -> str:
    """The first sentence, first letter capitalised, cut at a word near 100 characters."""
    flat = " ".join(text.split())
    end = _sentence_end(flat)
    sentence = flat[:end] if end else flat
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


def read_entries(thoughts: Iterable[SourceLine]) -> tuple[list[Question], list[SourceLine]]:
    """The entries of the Thoughts in file order, ids unique, and the headings that group them."""
    reader = _QuestionReader()
    read = blocks(_untabled(list(thoughts)))
    for place, block in enumerate(read):
        reader.following = read[place + 1] if place + 1 < len(read) else None
        reader.read(block)
    entries = reader.entries
    for entry in entries:
        ending = asked_at_end(entry.text)
        entry.asked_in_text = ending is not None
        if ending and entry.asked is None:
            entry.asked = ending[1]
    _unique_ids(entries)
    return entries, reader.headings


# A table of questions (Notion's databases): "| Question | Answer |" over a rule row.
# Its answer column by the answer's own words ("Answer", "Respuesta", "A"), or their plural.
_ANSWER_CELL = regex.compile(rf"(?i:{_ANSWER_WORDS}(?:s|en|es|e)?|replies|reply)")
_TABLE_RULE = regex.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _untabled(thoughts: list[SourceLine]) -> list[SourceLine]:
    """A table of questions and answers as the list a student would write: each row's
    question an entry, its answer under it ("| Can it be on another film? | Yes, if … |");
    the header and the rule row left out. Line numbers kept. Hand-written: the table is
    CommonMark's, but which column asks only its header says."""
    out: list[SourceLine] = []
    columns: tuple[int, int] | None = None
    for place, source in enumerate(thoughts):
        text = source.text
        if text.lstrip()[:1] != "|":
            columns = None
            out.append(source)
            continue
        following = thoughts[place + 1].text if place + 1 < len(thoughts) else ""
        if columns is None and _TABLE_RULE.fullmatch(following):
            header = _cells(text)
            asked = next((i for i, c in enumerate(header) if names_questions(c)), None)
            if asked is not None:
                answered = next((i for i, c in enumerate(header) if _ANSWER_CELL.fullmatch(c)), -1)
                columns = (asked, answered)
                out.append(SourceLine(source.number, ""))
                continue
        if columns is None:
            out.append(source)
            continue
        if _TABLE_RULE.fullmatch(text):
            out.append(SourceLine(source.number, ""))
            continue
        cells = _cells(text)
        asked, answered = columns
        question = cells[asked] if asked < len(cells) else ""
        answer = cells[answered] if 0 <= answered < len(cells) else ""
        if question:
            out.append(SourceLine(source.number, f"- {question}"))
            if answer:
                out.append(SourceLine(source.number, f"  \u2192 {answer}"))
    return out


class _QuestionReader:
    """Applies the rules block by block, keeping the entry the next block may belong to."""

    def __init__(self) -> None:
        self.entries: list[Question] = []
        self.headings: list[SourceLine] = []
        self.current: Question | None = None
        self.in_answer = False
        self.group = ""
        self.after_rule = False
        """True right after a ``---`` rule, before anything else."""
        self.listed = False
        """True once a question was a list item (``1. …``, ``- …``)."""
        self.numbered = False
        """True once a question was a numbered item (``1. …``)."""
        self.aside = False
        """True after a to-do head ("misc / later:") with nothing under it: what follows, up
        to a heading, is the student's own list."""
        self.following: _Block | None = None
        """The block after the one being read."""
        self.last_line = -1
        """The last line of the block read before."""
        self.just_started = False
        """Whether the block read before started an entry."""

    def start(self, text: str, line: int) -> Question:
        box = _BOX.match(text)
        ticked = False
        if box is not None:
            # "- [x] kernel keeps dying → fixed: …": a task list of questions; the box is
            # no part of the question, and a ticked one may answer without a question mark.
            ticked, text = box["box"] in "xX", text[box.end() :]
        answer = None
        field = _ANSWER_FIELD.search(text) if "::" in text else None
        if field is not None:
            # Dataview's "[answer:: yes, posted on forum]": the answer, cut from the question.
            text, answer = (text[: field.start()] + text[field.end() :]).strip(), field["answer"]
        inline = _INLINE_ANSWER.search(text) if answer is None else None
        if inline is None and ticked and answer is None:
            inline = _ARROW.search(text)
        elif inline is None and answer is None and "?" in text:
            # "clearance totale o renale? quale si usa -> risposto lez 4: totale": the arrow
            # after the question and a word more on it answers it.
            inline = _ARROW.search(text, text.index("?") + 1)
        if inline is not None:
            named = "arrow" if inline["arrow"] else "answerer" if inline["answerer"] else "dashes"
            cut = inline.start(named)
            # " -- " answers only a question before it: "why X? -- Y", "is it ok -- no".
            if named != "dashes" or asks(text[:cut]) or opens_as_question(text[:cut]):
                text, answer = text[:cut], text[inline.end() :]
        title = title_of(bare_question(text))
        entry = Question(question_id(text), title, text, line, asks(text), group=self.group)
        entry.title_only = title == capitalise_first(" ".join(bare_question(text).split()))
        self.entries.append(entry)
        self.current, self.in_answer, self.just_started = entry, False, True
        if answer is not None:
            self.answer(entry, answer)
        return entry

    def answer(self, entry: Question, text: str) -> None:
        labelled = ANSWER.match(text)
        if labelled is not None and labelled.end():
            # "→ réponse : non, juste l'énoncé": the arrow and the word both say answer.
            text = text[labelled.end() :]
            if not text.strip():
                return  # "→ réponse :" with nothing after it: none yet
        entry.answer = text if entry.answer is None else f"{entry.answer}\n\n{text}"
        self.in_answer = True

    def read(self, block: _Block) -> None:
        kind, text = block.kind, block.text
        # The block starts on the line after the one before ends: no blank line between.
        adjacent, self.last_line = block.line == self.last_line + 1, _last_line(block)
        after_entry, self.just_started = self.just_started, False
        after_rule, self.after_rule = self.after_rule, kind == "separator"
        if kind == "separator":
            self.current, self.in_answer = None, False
        elif after_rule and kind == "text" and not asks(text) and self.listed:
            # "期末：6月中旬…" under a rule after a numbered list of questions: a remark set
            # apart from them, asking nothing; shown where it stands, never an entry.
            self.headings.append(Remark(block.line, text))
        elif self.aside and kind in ("item", "text"):
            # The lines after "misc / later:": the student's own, no questions.
            self.headings.append(Remark(block.line, text))
        elif (
            kind == "text"
            and self.numbered
            and self.current is not None
            and (labelled := _LABELLED.match(text)) is not None
            and not QUESTION_LABEL.match(text)
            and not asks(labelled["label"])
        ):
            # "essay ideas: CI + Vallor? ask about this in OH" after questions numbered "1.",
            # "2.": a labelled line of the student's own, set apart; never an entry.
            self.headings.append(Remark(block.line, text))
        elif (
            kind == "text"
            and self.listed
            and _BARE_LABEL.fullmatch(text)
            and self.following is not None
            and self.following.kind == "item"
            and not asks(self.following.text)
        ):
            # "ملاحظات عامة:" over a bullet that asks nothing, after a list of questions: a
            # list of the student's own, in any language; it runs to the next heading.
            self.aside = True
            self.headings.append(Remark(block.line, text))
        elif kind == "text" and _PROPERTY.match(text):
            # "collapsed:: false": the outliner's markup, shown as written, never an entry.
            self.headings.append(Remark(block.line, text))
        elif kind == "text" and (
            (_NOTE_LABEL.match(text) and not asks(text)) or _TODO_HEAD.match(text)
        ):
            self.aside = self.aside or bool(_TODO_HEAD.match(text) and "\n" not in text)
            # "obs: monitoria quinta 18h" after the questions: a remark, asking nothing.
            self.headings.append(Remark(block.line, text))
        elif kind == "heading":
            # "## misc" after the questions: the student's own lines under it, no entries.
            self.aside = _ASIDE_HEADING.fullmatch(text) is not None
            self.group = text
            self.headings.append(SourceLine(block.line, text))
            self.current, self.in_answer = None, False
        elif (
            kind == "item"
            and adjacent
            and after_entry
            and self.numbered
            and block.marker in _DASHES
            and self.current is not None
            and self.current.answer is None
            and not asks(text)
            and not _no_answer(text)
        ):
            # "1.<TAB>Can we use X?" over "–<TAB>Yes, but flag it": a dash right under a
            # numbered question (Word's plain-text export) is its reply.
            self.answer(self.current, text)
        elif (
            kind == "item"
            and self.numbered
            and not block.marker[:1].isdigit()
            and not asks(text)
            and not opens_as_question(text)
            and not block.under
        ):
            # "- buy more highlighters" after questions numbered "1.", "2.": a to-do of the
            # student's, asking nothing; shown where it stands, never an entry.
            self.headings.append(Remark(block.line, text))
        elif kind == "item":
            self.listed = True
            self.numbered = self.numbered or block.marker[:1].isdigit()
            first, _, rest = text.partition("\n")
            if rest and asks(first) and not asks(rest) and not _no_answer(rest):
                # "1. ¿Cuántas palabras?" over "   Entre 1500 y 2000.": the line indented
                # under the question answers it.
                entry = self.start(first, block.line)
                self.answer(entry, rest)
            else:
                entry = self.start(text, block.line)
            for part in block.under:
                if (part.kind == "answer" or (part.nested and not asks(part.text))) and not (
                    _no_answer(part.text)
                ):
                    self.answer(entry, part.text)
                elif part.kind == "asked":
                    entry.asked = part.text
                elif self.in_answer:
                    self.answer(entry, part.text)
                else:
                    entry.context.append(part.text)
        elif self.current is None and (
            ((_ASIDE.fullmatch(text) or text[:1] == ">") and not asks(text))
            or STAMP.fullmatch(text)
        ):
            # "> for Haldane or Thu tutor (Kev)", quoted under the heading, asks nothing.
            # "(Sprechstunde Di 13–14 Uhr)" under the heading: a remark, no entry.
            self.headings.append(Remark(block.line, text))
        elif self.current is None:
            # Nothing to answer or to add to: the block is an entry of its own, as written.
            self.start(f"{block.marker} {text}".strip(" ") if block.marker else text, block.line)
        elif kind == "answer":
            self.answer(self.current, text)
        elif kind == "asked":
            self.current.asked = text
        elif text.startswith("(") and text.rstrip().endswith(")"):
            # "(ask re extension?? prob not)": a remark in brackets, context of the entry.
            self.current.context.append(text)
        elif asks(text) or block.tight or (self.in_answer and opens_as_question(text)):
            self.start(text, block.line)
        elif self.in_answer:
            # Once answered, paragraphs up to the next question continue the answer.
            self.answer(self.current, text)
        else:
            self.current.context.append(text)


_DASHES = ("-", "\u2013", "\u2014")


def _last_line(block: _Block) -> int:
    """The last line a block takes, the lines under a list item included."""
    last = block.line + max(len(block.lines) - 1, 0)
    for part in block.under:
        last = max(last, _last_line(part))
    return last


def _unique_ids(entries: list[Question]) -> None:
    # The same text written twice gives the same id; number the repeats so anchors differ.
    seen: dict[str, int] = {}
    for entry in entries:
        count = seen.get(entry.id, 0) + 1
        seen[entry.id] = count
        if count > 1:
            entry.id = f"{entry.id}-{count}"
