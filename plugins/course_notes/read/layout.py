"""Find the structure a notes file shows: its unit, where each starts, its questions."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from .. import regex
from .blocks import RULE, Blocks, Heading
from .dates import leading_date
from .marks import CHECK_MARKS
from .parts import LETTER
from .planner import Row, find_planners, table_tasks

# A unit's label: any word (any script, any case), an optional dot, then its number: "Week
# 3", "Wk.4", "W1", "Module 2", "Lec 5", "Woche 3", "Semana 2". The number ends at a
# non-word character, so "W12A" or "week 3rd" is no unit. Chinese and Japanese write the
# number inside: "第3週". Korean, Japanese and Chinese also write it first, the word joined
# after it ("1주차", "3週目", "2회차"); other languages write an ordinal first ("1. Woche",
# "2nd week", "3e semaine", "1. Hafta"), whose word must then be a unit's (see match_unit).
UNIT = regex.compile(
    # "Keep 15/01/2568": a day of a date, no unit's number.
    # "Wiki ya 3" (Swahili), "Week no. 3", "Woche Nr. 3", "Week #3": a short word or sign
    # joining the word to its number.
    rf"(?P<word>{LETTER}{{1,20}}?)\.?"
    r"(?:[ \t]+(?i:ya|la|no\.|nr\.|n[º°]\.?)[ \t]*|[ \t]*#[ \t]*|[ \t]*)"
    rf"(?P<number>\d{{1,9}})"
    r"(?![\w.,:]\d|[^\W\d_]|\d|[/.-]\d{1,2}[/.-]\d)"
    r"|第(?P<cjk>\d{1,9})(?P<cjkword>[週周回課講章])"
    r"|(?P<pre>\d{1,3})(?:(?P<suffix>주차|주|강|회차|회|차시|週目|週|周|回目|回|課|講|章)"
    r"(?![^\W\d_])"
    r"|(?:\.|st|nd|rd|th|er|e|ème|eme|º|ª|°)[ \t]*(?P<preword>[^\W\d_]{2,20})(?![^\W\d_]))"
)


# Words that name a unit of a course: one heading with one of these is a unit already;
# any other word needs two headings (two numbers) to be one.
def fold(word: str) -> str:
    """A word lower-cased without its accents: "Tydzień", "tydzien" and "Sesión" as written
    either way (Hangul recomposed, so "주차" stays itself)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare)


UNIT_WORDS = frozenset(
    "w wk wks week weeks module modules mod lecture lectures lec lect topic topics unit units "
    "session sessions class lesson lessons chapter part day block sprint seminar tutorial "
    "woche wochen vorlesung vl einheit kapitel thema sitzung semana sesión sesion clase tema "
    "unidad módulo modulo semaine séance seance cours leçon lecon chapitre settimana lezione "
    "modulo unità aula tópico topico sessão sessao lição licao bijeenkomst college les "
    "hoofdstuk vecka veckor uke uge föreläsning forelesning forelæsning lektion modul "
    # Polish, Czech, Slovak, Turkish, Hungarian, Finnish, Romanian, Greek and Russian.
    "tydzień tydzien tyg tydz wykład wyklad zajęcia zajecia týden tyden přednáška prednaska "
    "lekce téma tema hafta ders ünite unite konu hét het előadás eloadas viikko "
    "luento kerta säptămâna saptamana săptămâna curs seminar εβδομάδα διάλεξη неделя "
    "лекция тема занятие семинар модуль тиждень лекція заняття семінар "
    # Hebrew, Tagalog, Vietnamese, Arabic.
    "שבוע שיעור הרצאה linggo aralin tuần buổi أسبوع الأسبوع محاضرة المحاضرة "
    # Malay and Indonesian, Thai, Persian.
    "minggu pekan kuliah สัปดาห์ สัปดาห์ที่ هفته جلسه wiki यूनिट इकाई "
    # The words Korean, Japanese and Chinese join after a number ("1주차", "3週目").
    "주차 주 강 회차 회 차시 週目 週 周 回目 回 課 講 章".split()
)
UNIT_WORDS = frozenset(fold(word) for word in UNIT_WORDS)

# Abbreviations read as the word they shorten, in the names of pages.
UNIT_NAMES = {
    "w": "Week",
    "wk": "Week",
    "wks": "Week",
    "lec": "Lecture",
    "lect": "Lecture",
    "mod": "Module",
    "vl": "Vorlesung",
}

# A heading or label that starts the questions: a word for questions or thoughts in English,
# German, Spanish, French, Italian, Portuguese or Dutch, or a lone "?" / "❓".
_QUESTION_WORDS = (
    r"questions?|thoughts?|queries|query|things\s+to\s+(?:ask|clarify)|to\s+ask|q\s*&\s*a|"
    r"q['\u2019]?s|q(?=\s+(?:for|to)\b)|"
    r"faq|fragen|frage|preguntas?|dudas|domande|domanda|dubbi|perguntas?|d[uú]vidas?|vragen|"
    r"fr[åa]gor|fr[åa]ga|sp[øo]rsm[åa]l|sp[øo]rgsm[åa]l|"
    r"gedanken|pensamientos|pens[ée]es|pensieri|pensamentos|gedachten|"
    r"\w*質問\w*|\w*问题\w*|\w*问老师\w*|疑问|"
    # Turkish, Polish, Czech, Hungarian, Finnish, Korean.
    r"sorular|sorularım|soru|pytania|pytanie|ot[áa]zky|ot[áa]zka|dotazy|k[ée]rd[ée]sek|"
    r"kysymykset|kysymyksi[äa]|\w*질문|вопросы|вопрос|pertanyaan|"
    # Vietnamese, Hindi as written in Latin letters (Hinglish), Greek, Arabic.
    r"c[âa]u h[ỏo]i|poochna|puchna|poochne|puchne|sawa+l|ερωτήσεις|ερωτησεις|أسئلة|اسئلة|"
    r"питання|запитання|kysymyksi[äa]|[îi]ntreb[ăa]ri|tanong|mga tanong|שאלות|"
    r"soalan|pertanyaan|sp[øo]rgsm[åa]l|ถามอาจารย์|คำถาม|سوال|سؤالات|سوالات|maswali|swali|"
    r"dotazy|पूछना|प्रश्न|"
    r"(?:stuff|things|what)\s+to\s+ask"
)
# The words end where no letter follows: "\b" finds no end after Thai's "ถามอาจารย์", whose
# last sign is no letter to Python.
_QUESTION_WORD = regex.compile(rf"(?<![^\W\d_])(?:{_QUESTION_WORDS})(?!{LETTER})", re.I)
_QUESTIONS = regex.compile(
    # "Blockers / questions for mentor": another short word first, joined to the questions.
    rf"[\W_]*(?:[^\W\d_]{{2,20}}[ \t]*[/&+][ \t]*)?"
    r"(?:open\s+|offene\s+|my\s+|meine\s+|hocaya\s+|hocama\s+)?"
    # "Forum questions", "Office hours Qs", "TA questions": where or whom they are for.
    r"(?:(?:forum|oh|office[ -]hours?|ta|tutor|prof|professor|lecturer|teacher|instructor|"
    r"mentor|sprechstunde|tutorium|tutoría|tutoria)\s+)?"
    rf"(?:{_QUESTION_WORDS})(?!{LETTER})[^\n]{{0,60}}$"
    # "❓ Office hours Qs": a question sign first names them, whatever the words.
    rf"|[ \t]*[\u2753\u2754][\ufe0f]?[^\n]{{0,60}}$"
    # "? for Prof.", "?s for the TA": a question mark first, then whom they are for.
    rf"|[ \t]*\?s?[ \t]+(?:for|to|an|para|pour|per|f[üu]r)\b[^\n]{{0,50}}$",
    re.I,
)
# A stem every questions label holds, in the languages above, or a question mark.
_STEM = regex.compile(
    r"\?|\u2753|\u2754|quest|thought|quer|ask|clarif|q\s*&|q['\u2019]?s\b|q\s+(?:for|to)\b|faq|"
    r"frag|pregunt|"
    r"duda|domand|dubbi|pergunt|d[uú]vid|vragen|gedank|gedacht|pensa|pens[ée]|fr[åa]g|sp[øo]r|"
    r"soru|pytani|ot[áa]z|dotaz|k[ée]rd|kysym|질문|问|質問|вопрос|pertanya|"
    r"h[ỏo]i|pooch|puch|sawa|ερωτ|سئل|питан|ntreb|tanong|שאל|soalan|ถาม|คำถาม|سوال|maswali|swali|पूछ|प्रश्न"
)
_LONE_QUESTION = regex.compile(r"[ \t]*(?:\?+|\u2753\ufe0f?|\u2754)[ \t]*:?[ \t]*$")

# A label line: a few words alone on a line, ending with ":" or all in bold.
_LABEL = regex.compile(
    r"[ \t]{0,3}(?:\*\*(?P<bold>[^*\n]{1,60}?)\*\*[ \t]*:?|__(?P<under>[^_\n]{1,60}?)__[ \t]*:?"
    r"|(?P<plain>[^\s\-*+>#|\d][^\n:]{0,50}?)[ \t]*:"
    # "【動画】": a label in lenticular brackets.
    r"|\u3010(?P<lenticular>[^\u3011\n]{1,30})\u3011)[ \t]*$"
)
_ITEM = regex.compile(r"[ \t]*(?:(?:[-*+\u2022\u25aa\u25e6\u2013]|\d{1,9}[.)])(?:[ \t]|$)|\u30fb)")


def match_unit(title: str) -> re.Match[str] | None:
    """The unit's word and number a title opens with, read by ``unit_parts``, else None."""
    found = UNIT.match(title)
    if found is not None and found["preword"] and _family(found["preword"]) not in UNIT_WORDS:
        return None  # "1. Einleitung": a numbered heading, no unit
    return found


def unit_parts(found: re.Match[str]) -> tuple[str, str, str]:
    """A unit's (word, number, form) as ``match_unit`` found it; the form writes the label
    the student's way round: ``{word} {number}``, ``{number}{word}`` (``1주차``),
    or ``第{number}{word}`` (``第3週``); "1. Woche" is named "Woche 1", as nav lists read."""
    if found["cjk"]:
        return found["cjkword"], found["cjk"], "\u7b2c{number}{word}"
    if found["suffix"]:
        return found["suffix"], found["pre"], "{number}{word}"
    if found["preword"]:
        return found["preword"], found["pre"], "{word} {number}"
    word = found["word"]
    if len(word) == 1 and found.end("word") == found.start("number") and not is_unit_word(word):
        return word, found["number"], "{word}{number}"  # "L1", as written: no "L 1"
    return word, found["number"], "{word} {number}"


def label_text(line: str) -> str | None:
    """The words of a label line (``Readings:``, ``**Videos**``), else None."""
    found = _LABEL.fullmatch(line)
    if found is None:
        return None
    words = found["bold"] or found["under"] or found["plain"] or found["lenticular"] or ""
    return words.strip(" \t:")


def names_questions(title: str) -> bool:
    """True when a heading or label names the questions (or thoughts) for the lecturer."""
    return bool(_QUESTIONS.match(title) or _LONE_QUESTION.fullmatch(title))


@dataclass(frozen=True)
class Unit:
    """Where a unit starts: its numbers, its date label, its title and the word it uses."""

    line: int
    numbers: tuple[int, ...]
    title: str
    label: str
    word: str
    form: str = "{word} {number}"
    """How the label is written round its number (see ``unit_parts``)."""


@dataclass
class Layout:
    """How the file is laid out, and how that was found (for ``check``)."""

    units: dict[int, Unit] = field(default_factory=dict)
    level: int = 0
    """The headings' level of the units, 0 when they are label lines."""
    word: str = "Week"
    """The unit's word as pages name it (``Module``)."""
    form: str = "{word} {number}"
    """How the units write their word round the number (see ``unit_parts``)."""
    word_given: bool = False
    """True when the student wrote the word ("Week 3", "Woche 3"); False for "W3", "Wk 3",
    dated headings and no units: then the site names the units in its own language."""
    rows: dict[int, Row] = field(default_factory=dict)
    """A pasted planner's task rows, by line (see planner.py)."""
    headers: set[int] = field(default_factory=set)
    """The planners' header lines."""
    dated: bool = False
    """Whether the units are headings opening with a date, numbered in order."""
    questions: set[int] = field(default_factory=set)
    """Lines of the headings or labels that start the questions."""
    asked: set[int] = field(default_factory=set)
    """Questions written in their unit behind a question sign ("❓ why is X a no in asthma?"),
    each a question of the list with the answer lines under it, the unit going on after."""
    cards: dict[int, Unit] = field(default_factory=dict)
    """List items that open with their unit ("- [ ] W6: DOM intro video"), by line: a board
    or a to-do list kept by status, each task naming its unit (see ``_card_units``)."""
    outline: bool = False
    """Whether the units are an outline's outermost bullets (``- [[Session 3]]``)."""
    how: list[str] = field(default_factory=list)


def is_unit_word(word: str) -> bool:
    """True when a word names a course's unit in a language the reader knows."""
    return _family(word) in UNIT_WORDS


def _family(word: str) -> str:
    word = fold(word).rstrip(".")
    if word in ("w", "wk", "wks", "week", "weeks"):
        return "week"
    if word in ("lec", "lect", "lecture", "lectures"):
        return "lecture"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


_RANGE = regex.compile(
    r"(?P<before>[ \t]*)[-\u2013\u2014/](?P<after>[ \t]*)(?P<last>\d{1,6})(?!\w)"
)
_DATE_LABEL = regex.compile(
    r"[ \t]*(?:\((?P<label>[^()]*)\)|\uff08(?P<wide>[^\uff08\uff09]*)\uff09)"
)
# One separator between the number and the title; a dot only before a blank (".NET").
# One separator, or a run of them ("--", "//", ":-"), between a unit's number and its title.
_SEPARATOR = regex.compile(
    r"[ \t]*(?:[:\-\u2013\u2014\u00b7|\u2022,/=>~\uff1a]{1,3}|\.(?=[ \t]|$))?[ \t]*"
)
MAX_UNIT = 999


# Signs before a unit's word ("🎵 Week 1", "**W1**", "📅 Woche 2"): not part of it.
_LEAD = regex.compile(r"[^\w\u7b2c]*")
# The emphasis right before the word: "**", "__", "*", "_".
_EMPHASIS = regex.compile(r"(?:\*\*|__|\*|_)$")


# Numbers written as words after a unit's word: "WEEK ONE", "Week Two", "Woche drei".
_NUMBER_WORDS = {
    word: number
    for words in (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty",
        "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
        "uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
        "un deux trois quatre cinq six sept huit neuf dix onze douze",
        "uno due tre quattro cinque sei sette otto nove dieci undici dodici",
        "um dois três quatro cinco seis sete oito nove dez onze doze",
    )
    for number, word in enumerate(words.split(), start=1)
}
_SPELLED = regex.compile(
    r"(?P<word>[^\W\d_]{1,20}\.?[ \t]+)(?P<number>[^\W\d_]{2,9})(?![^\W\d_])", re.I
)


# Ordinals written as words before a unit's word: "Second week", "Zweite Woche", "Segunda
# semana", "Deuxième semaine", "Terza settimana" (accents folded; each gender, and German's
# endings, written out).
_ORDINAL_WORDS = {
    word + ending: number
    for words, endings in (
        (
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth",
            ("",),
        ),
        ("erst zweit dritt viert funft sechst siebt acht neunt zehnt elft zwolft", "e er en es"),
        ("primer segund tercer cuart quint sext septim octav noven decim", ("a", "o", "")),
        ("prim second terz quart quint sest settim ottav non decim", ("a", "o")),
        ("primeir segund terceir quart quint sext setim oitav non decim", ("a", "o")),
        (
            "premiere deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme "
            "neuvieme dixieme",
            ("",),
        ),
    )
    for number, word in enumerate(words.split(), start=1)
    for ending in (endings.split() if isinstance(endings, str) else endings)
}
_ORDINAL_FIRST = regex.compile(
    r"(?P<number>[^\W\d_]{4,12})[ \t]+(?P<word>[^\W\d_]{2,20})(?![^\W\d_])"
)


def with_digits(title: str) -> str:
    """A title whose unit number is written as a word, with the number in digits."""
    found = _SPELLED.match(title)
    if found is not None:
        number = _NUMBER_WORDS.get(found["number"].lower())
        if number is not None and _family(found["word"].strip().rstrip(".")) in UNIT_WORDS:
            return f"{found['word']}{number}{title[found.end() :]}"
    ordinal = _ORDINAL_FIRST.match(title)
    if ordinal is not None:
        number = _ORDINAL_WORDS.get(fold(ordinal["number"]))
        if number is not None and _family(ordinal["word"]) in UNIT_WORDS:
            # "Second week": as "2. week", an ordinal first, is read.
            return f"{number}. {ordinal['word']}{title[ordinal.end() :]}"
    return title


def _unit_family(word: str, form: str) -> str:
    """The family a unit's word belongs to; "第3週" apart from "3週" and "週 3"."""
    return "\u7b2c" + word if form.startswith("\u7b2c") else _family(word)


def _shortens(word: str, family: str) -> bool:
    """Whether a word is the family's word cut short ("Sem." and "S" of "Semaine")."""
    short = fold(word).rstrip(".")
    return 0 < len(short) < len(family) and family.startswith(short)


def read_unit(title: str, line: int, family: str | None = None, inner: bool = False) -> Unit | None:
    """The unit a heading or label names (``Module 2 – Cells``), else None; with ``inner``
    (headings), the family's word may follow a prefix (``CVS Wk 2 – ECG``)."""
    lead = _LEAD.match(title).group()  # type: ignore[union-attr]
    title = with_digits(title[len(lead) :])
    # "**Week One: Plato**": the emphasis that opened the heading closes it, no title's.
    emphasis = _EMPHASIS.search(lead)
    if emphasis is not None and title.rstrip(" \t").endswith(emphasis.group()):
        title = title.rstrip(" \t")[: -len(emphasis.group())]
    found = match_unit(title)
    if found is None:
        after = _inner_unit(title, None) if family is not None and inner else None
        if after is None or _family(after["word"]) != family:
            return None
        found = after
        word, digits, form = found["word"], found["number"], "{word} {number}"
    else:
        word, digits, form = unit_parts(found)
    if family is not None and _unit_family(word, form) != family and not _shortens(word, family):
        after = _inner_unit(title, _family(word)) if inner else None
        if after is None or _family(after["word"]) != family:
            return None
        found, word, digits, form = after, after["word"], after["number"], "{word} {number}"
    if len(digits) > 6 or int(digits) > MAX_UNIT:
        return None
    first = last = int(digits)
    rest = title[found.end() :]
    if found.groupdict().get("preword"):
        # "1. Week 1 — The Reformation": a numbered list's number, then the unit's own.
        again = re.match(rf"[ \t]+0*{first}(?!\d)", rest)
        if again is not None:
            rest = rest[again.end() :]
    span = _RANGE.match(rest)
    if span and len(span["last"]) <= 6:
        plural = word.lower().endswith("s") and len(word) > 2
        spaced = span["before"] or span["after"]
        if first < int(span["last"]) <= MAX_UNIT and (plural or not spaced):
            last = int(span["last"])
            rest = rest[span.end() :]
    label = ""
    dated = _DATE_LABEL.match(rest)
    if dated:
        label = (dated["label"] or dated["wide"] or "").strip()
        rest = rest[dated.end() :]
    rest = rest[_SEPARATOR.match(rest).end() :]  # type: ignore[union-attr]
    return Unit(line, tuple(range(first, last + 1)), rest.strip(" \t"), label, word, form)


def _display(words: Counter[str]) -> str:
    """The word pages use for the unit: the longest form the student wrote most."""
    word = max(words, key=lambda w: (len(w.rstrip(".")) > 2, words[w], len(w)))
    word = word.rstrip(".")
    named = UNIT_NAMES.get(word.lower())
    if named:
        return named
    if word.lower().endswith("s") and fold(word)[:-1] in UNIT_WORDS:
        word = word[:-1]
    if word.isupper() and len(word) <= 3:
        return word  # "CM 3", "TD 2", "HC 7": initials stay as written
    if word.isupper():
        word = word.lower()
    return word[:1].upper() + word[1:]


# A weekday before a number is a date's ("Fri 17 Jan"), never a unit's word.
_WEEKDAY_WORDS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday mo di mi do fr sa so montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag lun mar mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo".split()
)


def _candidates(
    entries: list[tuple[int, int, str]],
) -> dict[tuple[int, str], list[tuple[int, str, str]]]:
    """Unit-like titles by level and word family: (level, family) -> [(line, word, number)]."""
    groups: dict[tuple[int, str], list[tuple[int, str, str]]] = {}
    for line, level, title in entries:
        title = title[_LEAD.match(title).end() :]  # type: ignore[union-attr]
        title = with_digits(title)
        found = match_unit(title)
        if found is None:
            inner = _inner_unit(title, None)
            if inner is not None:
                groups.setdefault((level, _family(inner["word"])), []).append(
                    (line, inner["word"], inner["number"])
                )
            continue
        word, number, form = unit_parts(found)
        if form == "{word} {number}" and word.lower().rstrip(".") in _WEEKDAY_WORDS:
            continue  # "Fri 17 Jan": a day of the month, a date's
        key = (level, _unit_family(word, form))
        groups.setdefault(key, []).append((line, word, number))
        inner = _inner_unit(title, key[1])
        if inner is not None:
            # "CVS Wk 2 – ECG", "Block 3 – Cardio week 1": a unit's word after a prefix.
            groups.setdefault((level, _family(inner["word"])), []).append(
                (line, inner["word"], inner["number"])
            )
    return groups


# A unit's word and number inside a title's first words ("CVS Wk 2", "Cardio week 1").
_INNER_UNIT = regex.compile(
    r"(?<![^\W\d_])(?P<word>[^\W\d_]{1,20}?)\.?[ \t]*(?P<number>\d{1,3})(?![\w.,:]\d|[^\W\d_]|\d)"
)


def _inner_unit(title: str, family: str | None) -> re.Match[str] | None:
    """The first unit word + number after the title's start, of another family than the start's."""
    for found in _INNER_UNIT.finditer(title, 1, min(len(title), 40)):
        word = found["word"]
        if found.start() and _family(word) != family and _family(word) in UNIT_WORDS:
            return found
    return None


# Unit words by how surely they are a course's unit: weeks first, then teaching units, then
# words that group them.
_RANKS = (
    frozenset("week woche semana semaine settimana vecka uke uge".split()),
    frozenset(
        "module mod lecture topic unit session class lesson seminar tutorial day vorlesung vl "
        "einheit thema sitzung sesión sesion clase tema unidad módulo modulo séance seance "
        "cours leçon lecon lezione unità aula tópico topico sessão sessao lição licao "
        "bijeenkomst college les föreläsning forelesning forelæsning lektion modul".split()
    ),
    frozenset("part chapter block sprint kapitel chapitre hoofdstuk".split()),
)


_RANKS = tuple(frozenset(fold(word) for word in words) for words in _RANKS)


def _rank(family: str) -> int:
    return next((rank for rank, words in enumerate(_RANKS) if family in words), len(_RANKS))


def _repeats(family: str, members: list[tuple[int, str, str]]) -> bool:
    """True when a family of titles is a unit: a unit's word, or another word of two letters
    or more with two numbers at least ("Sprint 1", "Sprint 2"; not "A0" twice)."""
    if family in UNIT_WORDS or family.startswith("\u7b2c"):
        return True
    numbers = {int(number) for _, _, number in members if number.isdigit()}
    if len(family) == 1 and family != "q":
        # "L1 — Intro & OLS", "L2 — …": a letter alone is a unit's word when it counts on,
        # four numbers in a row at least ("A0" twice, "Q1"–"Q3" a quiz's, are none).
        return len(numbers) >= 4 and max(numbers) - min(numbers) + 1 <= len(numbers) + 1
    return len(family) >= 2 and len(numbers) >= 2


def _choose(
    groups: dict[tuple[int, str], list[tuple[int, str, str]]],
) -> tuple[int, str] | None:
    """The group that is the unit: repeating, outermost unless a deeper one is far larger."""
    good = {key: members for key, members in groups.items() if _repeats(key[1], members)}
    if not good:
        return None
    # Per level, the biggest family (a known unit word first at equal size).
    best: dict[int, tuple[int, str]] = {}
    for key, members in good.items():
        held = best.get(key[0])
        if held is None or (len(members), key[1] in UNIT_WORDS) > (
            len(good[held]),
            held[1] in UNIT_WORDS,
        ):
            best[key[0]] = key
    levels = sorted(best)
    chosen = best[levels[0]]
    for level in levels[1:]:
        inner = best[level]
        # Weeks holding lectures, or parts holding weeks: the word decides (a week is the
        # unit a course's calendar runs by), then the outer level; words it does not know
        # give way to a deeper family three times as long.
        if _rank(inner[1]) < _rank(chosen[1]) or (
            _rank(inner[1]) == _rank(chosen[1]) == len(_RANKS)
            and len(good[inner]) > 3 * len(good[chosen])
        ):
            chosen = inner
    return chosen


def find_layout(
    lines: list[str],
    blocks: Blocks,
    units: str = "",
    questions: tuple[str, ...] = (),
    fresh: Collection[int] = (),
) -> Layout:
    """Find the unit and the questions' start from the headings, else from label lines.

    ``units`` (from ``units:`` in mkdocs.yml) names the unit's word and wins over the
    inference; ``questions`` are more words whose headings or labels start the questions;
    ``fresh`` are lines that start anew as if after a blank one (a chat's messages).
    """
    layout = Layout()
    headings = blocks.headings
    wanted = _family(units) if units else None
    entries = [(h.line, h.level, h.title) for h in headings.values()]
    groups = _candidates(entries)
    if wanted:
        groups = {key: members for key, members in groups.items() if key[1] == wanted}
    chosen = _choose(groups)
    if chosen is not None:
        level, family = chosen
        layout.level = level
        for heading in headings.values():
            if heading.level == level:
                unit = read_unit(heading.title, heading.line, family, inner=True)
                if unit is not None:
                    layout.units[heading.line] = unit
        _units_in_gaps(headings, layout, level)
        _more_units_as_lines(lines, blocks, layout, family)
    else:
        dated = {line: unit for line, h in headings.items() if (unit := _dated(h, wanted))}
        levels = Counter(headings[line].level for line in dated)
        level = levels.most_common(1)[0][0] if levels else 0
        dated = {line: unit for line, unit in dated.items() if headings[line].level == level}
        # One heading opening with a date is a heading; two or more, or one with a unit's
        # word ("Week of 15 Jan"), are the course's units, numbered in order.
        if len(dated) > 1 or any(unit.word for unit in dated.values()):
            layout.level, layout.dated = level, True
            # The same dates written as lines of their own, before the student took to
            # headings ("Mon 13 Jan — Lecture 1" over "### Fri 17 Jan — Lecture 2").
            dated.update(_dated_lines(lines, blocks, set(headings)))
            dated = dict(sorted(dated.items()))
            for number, unit in enumerate(dated.values(), start=1):
                layout.units[unit.line] = Unit(
                    unit.line, (number,), unit.title, unit.label, unit.word
                )
        else:
            _label_units(lines, blocks, layout, wanted, fresh)
            if not layout.units:
                _card_units(lines, blocks, layout, wanted)
            if not layout.units and not layout.cards and not wanted:
                # Class days as lines of their own, no heading and no unit's word: "Tue 14
                # Jan – Intro" over its tasks, two at least, numbered in order.
                days = _dated_lines(lines, blocks, set(headings))
                if len(days) > 1:
                    layout.dated = True
                    for number, unit in enumerate(days.values(), start=1):
                        layout.units[unit.line] = Unit(
                            unit.line, (number,), unit.title, unit.label, unit.word
                        )
    _planner_units(lines, blocks, layout, wanted)
    _table_rows(lines, blocks, layout)
    named = layout.units or layout.cards
    if named:
        written = Counter(unit.word or "Week" for unit in named.values())
        layout.word = _display(written)
        layout.form = Counter(unit.form for unit in named.values()).most_common(1)[0][0]
        if all(unit.word == "Week" for unit in named.values()) and not chosen:
            layout.word = "Week"
        layout.word_given = (
            bool(units)
            or layout.word != "Week"
            or any(unit.word.lower().rstrip(".") in {"week", "weeks"} for unit in named.values())
        )
    extra = tuple(word.lower() for word in questions)
    ordered = sorted(headings)
    last_unit = max(layout.units, default=0)
    for place, heading in enumerate(headings[line] for line in ordered):
        if heading.line in layout.units:
            continue
        if _asks(heading.title, extra):
            layout.questions.add(heading.line)
        elif (
            heading.level <= (layout.level or heading.level)
            and heading.line > last_unit
            and not _PRACTICE.search(heading.title)
        ):
            # After the units, at their level: a list that asks is the lecturer's questions
            # (not a unit's review questions, nor "Practice problems").
            end = ordered[place + 1] if place + 1 < len(ordered) else len(lines) + 1
            if _lists_questions(lines[heading.underline or heading.line : end - 1]):
                layout.questions.add(heading.line)
    in_units = bool(layout.units)
    # "?? …" asks wherever units are named, at the start of lines too ("W3: hw2 done").
    named = bool(layout.units or layout.cards)
    twice: list[int] = []
    for number, line in enumerate(lines, start=1):
        if number in headings or number in blocks.verbatim or number in blocks.underlines:
            continue
        if number <= blocks.front_matter or not line:
            continue
        if len(line) > 80:
            # Too long for a label: only a question asked in its unit, after its label.
            if in_units and (
                ("?" in line and ":" in line and _label_asks(line, extra))
                or _asked_then_answered(line, lines, number)
            ):
                layout.asked.add(number)
            elif in_units and line[:1] in "\u2753\u2754" and line.rstrip().endswith("?"):
                layout.asked.add(number)  # "❓ When a secondary dominant resolves … ?"
            elif named and _asked_with_marks(line):
                layout.asked.add(number)
            continue
        if extra:
            low = line.lower()
            if (
                not _STEM.search(low)
                and not any(word in low for word in extra)
                and low[:2] != "q:"
                and low[:3] != "q :"
            ):
                continue
        elif not _STEM.search(low := line.lower()) and low[:2] != "q:" and low[:3] != "q :":
            # One search rules out most lines: every label below holds one of these stems
            # (the loop below cost 1.4 s of a 10 MB file's 4.5 s without it); "q:" opening
            # a line is tested apart, as a word's start in the pattern doubled its cost.
            continue
        if _LONE_QUESTION.fullmatch(line) or (
            (text := label_text(line)) is not None and _asks(text, extra)
        ):
            layout.questions.add(number)
        elif _heads_questions(line, lines, number) and _asks(line.strip(" \t-*+?:"), extra):
            layout.questions.add(number)
        elif named and _asked_with_marks(line):
            layout.asked.add(number)
        elif in_units and line[:1] in "\u2753\u2754":
            if _asked_with_sign(line, lines, number):
                layout.asked.add(number)
            elif _asks(line.strip(), extra):
                layout.questions.add(number)
        elif in_units and (
            ("?" in line and _label_asks(line, extra)) or _asked_then_answered(line, lines, number)
        ):
            layout.asked.add(number)
        elif (
            in_units and (said := _ASKED_LABEL.match(line)) and len(line[said.end() :].split()) >= 2
        ):
            # "ถามอาจารย์: persona ต้องทำกี่อัน": a label asking, in a script that writes
            # no question mark, over what it asks.
            layout.asked.add(number)
        elif in_units and "#" in line and _ASK_TAG.search(line) and not _LIST_LABEL.match(line):
            # "is the 120 units a hard number? #ask", "Q for TA: … #ask-TA": a question
            # tagged as one where it came up.
            layout.asked.add(number)
        elif in_units and "??" in line and _asks_twice(line):
            twice.append(number)
    if not layout.questions:
        _labelled_question_lists(lines, blocks, layout)
    if not layout.questions and not layout.asked:
        # Questions marked twice where they came up, in notes with no other questions: the
        # questions for the lecturer ("…κι όχι το Na+??"). Beside a list or "Q:" lines,
        # they are the student's own puzzles, kept in their units.
        layout.asked.update(twice)
    return layout


# A tag marking a question: "#ask", "#ask-TA", "#question", "#frage", "#duda".
_ASK_TAG = regex.compile(
    r"(?<![\w#])#(?:ask|asks|question|questions|q|frage|fragen|pregunta|duda|dudas|domanda|"
    r"vraag|question-prof|ask[-_]\w{1,12})(?![\w-])",
    re.I,
)
# A line that only tags (a tag list, a label): "tags:: #ask".
_LIST_LABEL = regex.compile(r"[ \t]*(?:tags?|labels?)[ \t]*::?", re.I)
# "why does K+ set the resting potential and not Na+??": a question marked twice.
_TWICE = regex.compile(r"[ \t]*(?:[-*+\u2022][ \t]+)?(?P<words>[^\W\d_][^?\n]*?\S)[ \t]*\?\?")


def _asked_with_marks(line: str) -> bool:
    """A line opening with "??" as another's with "❓": "?? master thm case 3 - is the
    regularity condition needed on exam", three words at least after it."""
    return line[:3] in ("?? ", "??\t") and len(line[3:].split()) >= 3


def _asks_twice(line: str) -> bool:
    """A line in a unit asking with a doubled question mark, three words at least before
    it, and no box or tick: a question for the lecturer, asked where it came up."""
    found = _TWICE.match(line)
    if found is None or len(found["words"].split()) < 3:
        return False
    if any(mark in line for mark in CHECK_MARKS):
        return False
    return "[" not in line[: found.start("words")]


# A question's end in any script: "?", Arabic "؟", full-width "？".
_ASKS_AT_END = regex.compile(r".*[?\u061f\uff1f][ \t)\]*_]*$")
# Markdown's bullets, a numbered list's, and those pasted from a page or a notes app ("•",
# "◦", "▪", "–"): a list's lines however it was written.
_BULLET = regex.compile(
    r"(?P<indent>[ \t]*)(?:[-*+\u2022\u25e6\u25aa\u2013]|\d{1,3}[.)])[ \t]+(?P<text>\S.*)"
)


# Lists of questions that are no one's to ask: a review's, a practice set's, a quiz's.
_PRACTICE = regex.compile(
    r"\b(?:practice|review|revision|problems?|exercises?|quiz|quizzes|exams?|midterm|final|"
    r"self[- ]?test|discussion|study|prompts?|worksheet|flashcards?)\b",
    re.I,
)


def _labelled_question_lists(lines: list[str], blocks: Blocks, layout: Layout) -> None:
    """A short line of its own over a list that asks ("Câu hỏi cho thầy" over "1. GDP có
    tính …?"): the questions' label, whatever its words."""
    # After a blank line, or a rule ("---") setting the questions apart.
    last_unit = max(layout.units, default=0)
    ruled = {number + 1 for number, line in enumerate(lines, start=1) if RULE.fullmatch(line)}
    for number, stripped in _lines_of_their_own(
        lines, blocks, 60, set(blocks.headings), fresh=ruled
    ):
        if number <= last_unit or number >= len(lines):
            continue
        if _DIGIT.search(stripped) or _PRACTICE.search(stripped):
            continue
        if not _BULLET.match(lines[number]) or len(stripped.split()) > 6:
            continue
        end = number
        while end < len(lines) and end - number < 400:
            line = lines[end]
            if line.strip() and line[:1] not in " \t" and not _BULLET.match(line):
                break
            end += 1
        if _lists_questions(lines[number:end]):
            layout.questions.add(number)
            return


def _lists_questions(lines: list[str]) -> bool:
    """Whether the list under a heading is of questions: two thirds of its outermost
    entries, two at least, end with a question mark ("## أسئلة للدكتور", "## Dúvidas"),
    whatever words the heading uses."""
    first = next((line for line in lines if line.strip()), "")
    if not _BULLET.match(first):
        return False  # a heading over prose, as a title over the course's details
    entries: list[tuple[int, str]] = []
    for line in lines[:400]:  # a heading's list is read so far at most: bounded time
        bullet = _BULLET.match(line)
        if bullet is not None:
            entries.append((len(bullet["indent"].expandtabs(4)), bullet["text"]))
    if not entries:
        return False
    outer = min(indent for indent, _ in entries)
    texts = [text for indent, text in entries if indent == outer]
    asking = sum(1 for text in texts if _ASKS_AT_END.match(text[:500]))
    return asking >= 2 and 3 * asking >= 2 * len(texts)


# A label that is a word for asking alone, its colon, then the question: "ถามอาจารย์: …".
_ASKED_LABEL = regex.compile(
    rf"[ \t]*(?:{_QUESTION_WORDS})(?!{LETTER})[ \t]*[:\uff1a][ \t]+(?=\S)", re.I
)
# The letter that labels a question: question, Frage, pregunta/pergunta, domanda, vraag.
_QUESTION_LETTERS = frozenset("Q F P D V".split())
# A label of a few words before a colon, then what it says: "dúvida p/ monitor: …".
# Quoted or in bold: "> **Frage:** Ist f ∈ O(g) …?".
_LABEL_ASKS = regex.compile(
    r"(?:[ \t]*>)*[ \t]*(?:\*\*|__)?"
    r"(?P<label>[^\W\d_][^:*_\n]{0,30}?)[ \t]*(?:\*\*|__)?:(?:\*\*|__)?[ \t]+\S"
)


def _label_asks(line: str, extra: tuple[str, ...]) -> bool:
    """A question asked in its unit after a label naming it one ("dúvida p/ monitor: a
    temperatura muda a densidade?")."""
    said = _LABEL_ASKS.match(line)
    if said is None or "?" not in line[said.end() :]:
        return False
    # "Q: Is Dowty's list exhaustive?", "F: …?", "P: …?": a question's letter as its label;
    # "Sir se poochna: …?": a word for asking anywhere in a label of four words at most.
    label = said["label"].strip()
    return (
        label in _QUESTION_LETTERS
        or label == "q"  # "q: why does u sub need the du?": phone notes write it small
        or _asks(label, extra)
        or (len(label.split()) <= 4 and _QUESTION_WORD.search(label) is not None)
    )


# "q: is webassign due 11:59 or midnight" over "a: 11:59pm, it locks": a question and its
# answer by their letters, with or without a question mark.
_Q_LABEL = regex.compile(r"(?i:q)[ \t]*:[ \t]+\S")
_A_LABEL = regex.compile(r"[ \t]*(?i:a)[ \t]*:[ \t]+\S")


def _asked_then_answered(line: str, lines: list[str], number: int) -> bool:
    """A line after a "q:" over one after an "a:" or in a run of them: asked in its unit."""
    if _Q_LABEL.match(line) is None:
        return False
    following = lines[number] if number < len(lines) else ""
    before = lines[number - 2] if number > 1 else ""
    return (
        _A_LABEL.match(following) is not None
        or _Q_LABEL.match(following) is not None
        or _Q_LABEL.match(before) is not None
    )


_LIST_START = regex.compile(r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]")


def _asked_with_sign(line: str, lines: list[str], number: int) -> bool:
    """A question behind its sign ("❓ why is X?", "❓ask Dr Kim is it 4 or 5"), not a label
    over a list of them ("❓ Office hours Qs"): it asks, or says too much for a label."""
    following = lines[number] if number < len(lines) else ""
    if _LIST_START.match(following):
        return False
    text = line.lstrip("\u2753\u2754\ufe0f \t").rstrip(" \t:")
    if text.endswith("?"):
        return True
    # "❓ Office hours questions for Prof Kim": a label naming them, in a few words.
    words = len(text.split())
    return words >= 5 and not (words <= 7 and names_questions(text))


_DIGIT = regex.compile(r"\d")


# A remark in brackets ending a label: "Questions for tutor (Dr Ashworth)".
ASIDE_AT_END = regex.compile(r"[ \t]*\([^()]*\)[ \t]*$")


def _heads_questions(line: str, lines: list[str], number: int) -> bool:
    """A short line without digits over the questions: "Questions??", "- Questions" over
    bullets nested under it (an outliner's), "Fragen"."""
    # "Questions for tutor (Dr Ashworth)": the words before a remark in brackets.
    words = [
        word
        for word in ASIDE_AT_END.sub("", line).strip(" \t-*+?:").split()
        # "ถามอาจารย์": a word with a vowel sign in it is a word all the same.
        if all(char.isalnum() or unicodedata.category(char)[0] == "M" for char in word)
    ]
    # "QUESTIONS FOR THE DISCUSSION FORUM": six words at most.
    if not words or len(words) > 6 or _DIGIT.search(line) or line[:1] in " \t":
        return False
    if len(line.partition(":")[2].split()) >= 2:
        # "> **Frage:** Ist f ∈ O(g) …?": a label and what it asks, no heading over others.
        return False
    if line[:1] in "-*+":
        after = lines[number] if number < len(lines) else ""
        return after[:1] in " \t" and after.strip()[:1] in "-*+"
    before = (lines[number - 2] if number > 1 else "").strip()
    # After a blank line, or a rule ("---", "==== Keep 3/3 ====") that sets them apart.
    return not before or (before[:3] in _RULE_STARTS and before[-3:] in _RULE_STARTS)


def _asks(title: str, extra: tuple[str, ...]) -> bool:
    if names_questions(title):
        return True
    words = title.lower()
    return any(re.search(rf"\b{re.escape(word)}\b", words) for word in extra)


# A unit's word and a word that joins it to a date: "Week of", "Semana del", "Woche vom".
_DATED_WORD = regex.compile(
    r"(?P<word>[^\W\d_]{1,20})\.?[ \t]+(?:(?:of|beginning|starting|commencing|from|du|vom|ab|"
    r"del|de|dal|della|van|da|do)[ \t]+)?",
    re.I,
)


def _dated(heading: Heading, wanted: str | None) -> Unit | None:
    """The unit a heading opening with a date names (``15 Jan — Fluids``, ``Week of 15 Jan``)."""
    title = heading.title[_LEAD.match(heading.title).end() :]  # type: ignore[union-attr]
    word = ""
    named = _DATED_WORD.match(title)
    if named and _family(named["word"]) in UNIT_WORDS:
        word, title = named["word"], title[named.end() :]
    if wanted and _family(word or "week") != wanted:
        return None
    return _dated_unit(heading.line, title, word)


_LABEL_LEAD = regex.compile("[^\\w\u7b2c(\\[{<\"'\u2018\u201c*_~=#-]*")
_BOLD_LABEL = regex.compile(r"^(?P<mark>\*\*?|__?)(?P<inner>[^*_\n]{1,40}?)(?P=mark)")


_RULE_STARTS = ("===", "---", "***", "___", "~~~", "###")


def _lines_of_their_own(
    lines: list[str],
    blocks: Blocks,
    longest: int,
    skip: Collection[int] = (),
    fresh: Collection[int] = (),
) -> Iterator[tuple[int, str]]:
    """Each short line after a blank one, at the margin, and no list item, code or front
    matter, as (number, its text stripped): where a unit may stand as a label."""
    previous_blank = True
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if (
            (previous_blank or number in fresh)
            and number not in skip
            and number not in blocks.verbatim
            and number > blocks.front_matter
            and len(stripped) <= longest
            and line[:1] not in " \t"
            and (not _ITEM.match(line) or _ordinal_unit(stripped))
        ):
            yield number, stripped
        # A rule, or a line framed by one ("==== Keep 15/01/2568 ===="), sets the next
        # line apart as a blank line does.
        previous_blank = (
            stripped[:3] in _RULE_STARTS and stripped.rstrip(" \t")[-3:] in _RULE_STARTS
        )


def _ordinal_unit(text: str) -> bool:
    """True for "1. Hafta", "2. týden – Svaly": a unit's ordinal first, which Markdown would
    read as a numbered list's item."""
    found = match_unit(text)
    return found is not None and bool(found["preword"])


def _dated_unit(line: int, title: str, word: str = "") -> Unit | None:
    """The unit a title opening with a date names (``15 Jan — Fluids``), numbered later."""
    found = leading_date(title)
    if found is None:
        return None
    label, rest = found
    rest = rest[_SEPARATOR.match(rest).end() :]  # type: ignore[union-attr]
    return Unit(line, (), rest.strip(" \t"), label, word)


def _dated_lines(lines: list[str], blocks: Blocks, headings: set[int]) -> dict[int, Unit]:
    """Lines of their own that open with a date (not "(no class Mon 20 Jan)"): units too."""
    found = {}
    for number, stripped in _lines_of_their_own(lines, blocks, 80, headings):
        unit = _dated_unit(number, stripped) if stripped[:1] not in "([" else None
        if unit is not None:
            found[number] = unit
    return found


def _table_rows(lines: list[str], blocks: Blocks, layout: Layout) -> None:
    """Tasks from Markdown tables with a column saying what is done (see ``table_tasks``)."""
    before: list[str] = []
    ended = 0
    for first, table in sorted(blocks.verbatim_starts.items()):
        if not table:
            continue
        last = first
        while last + 1 in blocks.verbatim and last + 1 not in blocks.verbatim_starts:
            last += 1
        # A table a few lines after one of tasks, no heading between, may go on with it.
        near = first - ended <= 6 and not any(ended < n < first for n in blocks.headings)
        found = table_tasks(lines, first, last, is_unit_word, before if near else None)
        layout.rows.update(found.rows)
        layout.headers.update(found.headers)
        before, ended = found.columns, last


def _planner_units(lines: list[str], blocks: Blocks, layout: Layout, wanted: str | None) -> None:
    """Units and tasks from planners pasted with tabs (``Unit 1<TAB>Fluids<TAB>...``)."""
    if not any("\t" in line for line in lines):
        return
    family = {_family(unit.word) for unit in layout.units.values()}

    def is_unit(cell: str) -> bool:
        word = _family(cell)
        return (word in UNIT_WORDS and not family) or word in family or word == wanted

    planner = find_planners(lines, is_unit, blocks.verbatim)
    layout.rows, layout.headers = planner.rows, planner.headers
    for line, row in planner.rows.items():
        layout.units.pop(line, None)
        unit = read_unit(row.unit, line) if row.unit else None
        if unit is not None:
            layout.units[line] = Unit(line, unit.numbers, row.title or unit.title, "", unit.word)


def _label_units(
    lines: list[str],
    blocks: Blocks,
    layout: Layout,
    wanted: str | None,
    fresh: Collection[int] = (),
) -> None:
    """Units as label lines (``W1``, ``Wk 3 flex week``), in a file without unit headings."""
    entries: list[tuple[int, int, str]] = []
    # Up to 100 characters: "Tydzień 2 - Płaski dowolny układ sił, redukcja, warunki
    # równowagi" is 67; the word and number first, repeating, keep prose out.
    for number, stripped in _lines_of_their_own(lines, blocks, 100, fresh=fresh):
        # "*Clase 1* – presentación": the unit's label in bold, its title after.
        stripped = _BOLD_LABEL.sub(r"\g<inner>", stripped)
        # "🎵 Lesson 1: Review", "▸ Aula 4": signs before the word; not a bracket or a quote,
        # which open a remark ("(Week 3 was cancelled)").
        stripped = stripped[_LABEL_LEAD.match(stripped).end() :]  # type: ignore[union-attr]
        # "--- wk3: e/m ---", "== Week 2 ==", "**W1**": the words inside the decoration.
        bare = with_digits(stripped.strip("*_=~#-\u2013\u2014 \t").rstrip(":").strip())
        unit = match_unit(bare)
        if unit is None:
            # "Placement week 3 (ICU)", "Clinical Week 2": a word or two before the unit's.
            inner = _inner_unit(bare, None)
            before = bare[: inner.start()] if inner is not None else ""
            if inner is not None and len(before.split()) <= 2 and before.replace(" ", "").isalpha():
                bare = bare[inner.start() :]
                unit = match_unit(bare)
        if unit is not None and not re.search("[\u2713\u2714\u2705\u2611\\[]", bare):
            entries.append((number, 0, bare))
    found = _label_groups(entries, wanted)
    if found is None:
        # An outliner's file (Logseq, Workflowy, a nested list): the units are the outermost
        # bullets that repeat a word and a number, each with bullets under it.
        entries = _outline_units(lines, blocks)
        found = _label_groups(entries, wanted)
        if found is None:
            return
        layout.outline = True
    for number, _, title in entries:
        unit = read_unit(title, number, found)
        if unit is not None:
            layout.units[number] = unit
    _units_in_order(lines, blocks, layout, found)


def _units_in_order(lines: list[str], blocks: Blocks, layout: Layout, family: str) -> None:
    """Unit lines with no blank line above them ("woensdag 15 november 2023 13:40" over
    "Hoorcollege 3 - Regering", a OneNote page's stamp): taken where their number is missing
    between the units before and after them, so a sentence opening "Week 3 was…" elsewhere
    is not."""
    found = sorted(layout.units.items())
    if len(found) < 2:
        return
    for number, line in enumerate(lines, start=1):
        outer = _OUTER_BULLET.match(line) if layout.outline else None
        if (
            number in layout.units
            or number in blocks.verbatim
            or number <= blocks.front_matter
            or not line[:1].strip()
            or len(line) > 100
            or (_ITEM.match(line) and not _ordinal_unit(line.strip()) and outer is None)
        ):
            continue
        # An outline's bullet with nothing under it: "- Week 6 — spring break" between
        # "- Week 5" and "- Week 7", each with bullets under them.
        text = outer["text"].replace("[[", "").replace("]]", "") if outer else line
        bare = with_digits(text.strip().strip("*_=~#-\u2013\u2014 \t").rstrip(":").strip())
        if match_unit(bare) is None:
            continue
        unit = read_unit(bare, number, family)
        other = unit is None and outer is None
        if other:
            # Another word for the one number missing between two units: "यूनिट 4 – Radiation"
            # between "Unit 3 – Convection" and "Unit 5 – Heat exchangers".
            unit = read_unit(bare, number)
        if unit is None or len(unit.numbers) != 1:
            continue
        before = [u for at, u in found if at < number]
        after = [u for at, u in found if at > number]
        last = before[-1].numbers[-1] if before else 0
        following = after[0].numbers[0] if after else MAX_UNIT + 1
        if other and not (before and after and last + 1 == unit.numbers[0] == following - 1):
            continue
        if last < unit.numbers[0] < following and (before or after):
            if outer is not None and not (before and after):
                continue  # an outline's leaf bullet is a unit only between two ("Module 3 quiz")
            if not after and unit.numbers[0] != last + 1:
                continue  # after the last unit only the next number
            if not before and unit.numbers[0] != following - 1:
                continue
            layout.units[number] = unit


def _units_in_gaps(headings: dict[int, Heading], layout: Layout, level: int) -> None:
    """A heading at the units' level naming, with another word, the number missing between
    its neighbours: a unit ("## HC 7" between "## College 6" and "## College 8")."""
    for heading in headings.values():
        if heading.level != level or heading.line in layout.units:
            continue
        unit = read_unit(heading.title, heading.line)
        if unit is None or unit.numbers != (unit.numbers[0],):
            continue
        before = [u for line, u in layout.units.items() if line < heading.line]
        after = [u for line, u in layout.units.items() if line > heading.line]
        if not before or not after:
            continue  # only between two units: "## Partiel 3" after the last is no unit
        last = max(before, key=lambda u: u.line).numbers[-1]
        following = min(after, key=lambda u: u.line).numbers[0]
        if last < unit.numbers[0] < following:
            layout.units[heading.line] = unit


def _more_units_as_lines(lines: list[str], blocks: Blocks, layout: Layout, family: str) -> None:
    """Units the headings' word names on lines of their own, after a blank line ("▸ Aula 4 –
    Antibióticos" under "## Aula 3": a Notion toggle), with numbers no heading took."""
    taken = {number for unit in layout.units.values() for number in unit.numbers}
    for number, stripped in _lines_of_their_own(lines, blocks, 80, blocks.headings):
        bare = stripped[_LEAD.match(stripped).end() :]  # type: ignore[union-attr]
        unit = read_unit(bare.strip("*_=~ \t").rstrip(":"), number, family)
        if unit is not None and not taken & set(unit.numbers):
            layout.units[number] = unit
            taken.update(unit.numbers)


def _label_groups(entries: list[tuple[int, int, str]], wanted: str | None) -> str | None:
    """The unit word's family the label lines repeat most, if they repeat one."""
    groups = _candidates(entries)
    if wanted:
        groups = {key: members for key, members in groups.items() if key[1] == wanted}
    good = {key: members for key, members in groups.items() if len(members) >= 2}
    good = {key: members for key, members in good.items() if _repeats(key[1], members)}
    if not good:
        return None
    return max(good, key=lambda key: (len(good[key]), key[1] in UNIT_WORDS))[1]


# A list item at the margin, its box and a strike-through left out: where a card's unit is.
_CARD = regex.compile(r"[-*+][ \t]+(?:\[[ xX/-]\][ \t]+)?(?:~~)?(?P<text>\S.*)")
# After a card's unit, a colon or a dash before its task: "W6: DOM intro", "Week 6 – quiz".
# After a card's unit: "W6: …", "W6 – …", "W6 · …" (Obsidian's Kanban), "W6 | …".
_CARD_SEPARATOR = regex.compile(
    r"[ \t]*(?:\([^()]*\)[ \t]*)?(?::|[ \t][-\u2013\u2014\u00b7\u2022|])[ \t]"
)


def _card_units(lines: list[str], blocks: Blocks, layout: Layout, wanted: str | None) -> None:
    """Units named at the start of list items ("- [ ] W6: DOM intro video", "- [x] Week 1 –
    quiz"): an Obsidian Kanban board or a to-do list kept by status, not by unit. Four such
    items at least, in one word's family with two numbers or more."""
    entries: list[tuple[int, int, str]] = []
    plain: list[tuple[int, int, str]] = []
    loose: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines, start=1):
        if number in blocks.verbatim or number <= blocks.front_matter or number in blocks.headings:
            continue
        if line[:1] in "-*+":
            card = _CARD.match(line)
            if card is None:
                continue
            text = card["text"]
        elif line[:1].isalnum():
            # "W3: hw2 done", "W3: lec 5 rec 1:12:30 x": terse lines, each naming its unit.
            text = line.rstrip()
        else:
            continue
        named = match_unit(text)
        if named is not None and _CARD_SEPARATOR.match(text, named.end()):
            (entries if line[:1] in "-*+" else plain).append((number, 0, text))
        elif (
            named is not None
            and line[:1] not in "-*+"
            and text[named.end() : named.end() + 1] == " "
        ):
            loose.append((number, 0, text))  # "W4 sorting ch 7 CLRS": no colon after it
    if len(entries) < 4:
        # Plain lines name their units so when each unit is named on two lines or more: a
        # unit named once on a line of its own ("Week 3: Optics") heads the lines under it.
        numbers = Counter(found[2][: match_unit(found[2]).end()].casefold() for found in plain)  # type: ignore[union-attr]
        if len(plain) < 8 or len(plain) < 2 * len(numbers):
            return
        entries = plain
    family = _label_groups(entries, wanted)
    if family is None:
        return
    if entries is plain:
        # Among lines that each name their unit, one without the colon names it too.
        entries = sorted(entries + loose)
    for number, _, text in entries:
        unit = read_unit(text, number, family)
        if unit is not None:
            layout.cards[number] = unit


_OUTER_BULLET = regex.compile(r"[-*+\u2022][ \t]+(?P<text>.+)")


def _outline_units(lines: list[str], blocks: Blocks) -> list[tuple[int, int, str]]:
    """Outermost bullets naming a unit ("- Module 3: Trees", "- [[Module 4]]"), with children."""
    entries: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines, start=1):
        bullet = _OUTER_BULLET.match(line)
        if bullet is None or number in blocks.verbatim or number <= blocks.front_matter:
            continue
        following = next((later for later in lines[number : number + 3] if later.strip()), "")
        if not following or following[:1] not in " \t":
            continue  # no bullets under it: a task, not a unit
        bare = bullet["text"].replace("[[", "").replace("]]", "").strip().rstrip(":").strip()
        if len(bare) <= 60 and match_unit(bare) is not None:
            entries.append((number, 0, bare))
        elif "[[" in bullet["text"]:
            # "- [[Sep 3rd, 2024]] [[Studio Week 1]] kickoff": a journal's day linking the
            # unit's page, its word after a prefix or not; the words after it its title.
            for link in _LINK.finditer(bullet["text"]):
                named = match_unit(link["page"]) or _inner_unit(link["page"], None)
                if named is not None:
                    title = bullet["text"][link.end() :].strip(" \t:\u2013\u2014-")
                    unit = link["page"][named.start() :]
                    entries.append((number, 0, f"{unit} \u2013 {title}" if title else unit))
                    break
    return entries


_LINK = regex.compile(r"\[\[(?P<page>[^\[\]|#\n]{1,80})(?:[|#][^\[\]\n]*)?\]\]")
