"""The course reading list: readings merged by what they are, their parts in order, references.

A reading's line is a work's title followed by the parts it sets (``ch 4.1, 4.3-4.5``,
``pp. 898–925``, ``§3.2``). Lines are the same work when their titles match once case,
punctuation and spacing are ignored, when they link the same address or DOI, or when the
references file names them as one work; never because their titles merely share words, and
never by title alone when they link different addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import regex
from ..model import (
    Assignment,
    Course,
    CourseReading,
    Part,
    PartKind,
    Reading,
    ReadingList,
    Reference,
    References,
    SectionKind,
    SectionNumber,
    Week,
)
from ..model.inline import link_targets
from ..model.text import normalise
from ..read.parts import CHAPTER_WORDS, UPPER

# A law manual's lessons are its chapters: "Lasarte t. II, lecciones 2 y 3".
_CHAPTER = rf"{CHAPTER_WORDS}|lecci[óo]n(?:es)?|lessons?|le[çc]ons?|lezion[ei]"
# The parts before the chapters: "Goffman intro", "Weber, Einleitung".
_INTRO = (
    r"intro|introduction|einleitung|introducci[óo]n|introduzione|introdu[çc][ãa]o|inledning|"
    r"inleiding|preface|vorwort|pr[óo]logo|pr[ée]face"
)
# A code's articles are its sections: "arts. 1088-1093 CC", "§§ 433 ff. BGB".
_SECTION = (
    r"sections?|secs?|abschnitt|abschn|secci[óo]n|secc|sezione|sec[çc][ãa]o|arts?|artt|"
    r"art[íi]culos?|articles?|artikel|articoli|artigos?"
)
# An atlas's plates too: "Netter tab. 270–285".
_PAGE = r"pages?|pgs?|pp|p|seiten?|s|p[áa]gs?|p[áa]ginas?|pagine|blz|str|tab|plates?|σελ|стр|с|ص"
_WORD = rf"(?:(?:{_CHAPTER}|{_SECTION}|{_PAGE})\b|§{{1,2}})\.?[ \t]*"
_NUMBER = r"[0-9]{1,4}(?:\.[0-9]{1,4})*"
# A range: "4.3-4.5", "1–40", "5.1 to 5.4".
_TO = r"(?:[ \t]*(?:-{1,2}|[\u2012-\u2015])[ \t]*|[ \t]+to[ \t]+)"
_ITEM = rf"(?:(?P<word>{_WORD}))?(?P<first>{_NUMBER})(?:{_TO}(?P<last>{_NUMBER}))?"
_PART_ITEM = regex.compile(_ITEM, re.I)
# "ch 1 + 2.1", "bab 6 dan bab 8": "and" in the languages students write parts in.
_AND = r"[ \t]*(?:,|;|&|\+|\b(?:and|y|und|et|e|dan|og|och|en|i|és|ve)\b)[ \t]*"
_ANY_ITEM = rf"(?:{_WORD})?{_NUMBER}(?:{_TO}{_NUMBER})?"
# Inside parentheses the numbers may stand alone: "(6.3, 5.2.2)".
_LIST = regex.compile(rf"[ \t]*{_ANY_ITEM}(?:{_AND}{_ANY_ITEM})*[ \t]*", re.I)
# After a title, parts are read from the end, one item at a time, each found in a short
# window before the last: a line of thousands of "ch 1, " stays linear (one regex over the
# rest of the line per item took 9 s for 2,000 of them). They need a word first:
# "Sedgewick ch 5", "Wasserman, pp. 1–40", "§3.2" ("MIT 6.006 notes" sets no parts).
_ITEM_AT_END = regex.compile(
    rf"(?<![\w.§])(?P<word>{_WORD})?{_NUMBER}(?:{_TO}{_NUMBER})?[ \t]*$", re.I
)
_AND_AT_END = regex.compile(rf"{_AND}$", re.I)
_WINDOW = 64
_BEFORE_PARTS = " \t,;:\u2013\u2014-("
# "(2017)" after a title is a year, not chapter 2017.
_YEAR = regex.compile(r"\s*[0-9]{4}\s*")
_TITLE_END = " \t,;:\u2013\u2014-"
_SECTION_WORD = regex.compile(rf"(?:{_SECTION})\b|§", re.I)
_PAGE_WORD = regex.compile(rf"(?:{_PAGE})\b", re.I)
_DOI = regex.compile(r"\b10\.[0-9]{4,9}/[^\s\"<>]+")
# At most this many groups of parts after a title ("(ch 30), pp. 898–925" has two).
_MOST_GROUPS = 4


def _parts(written: str) -> list[Part]:
    """The parts of a list such as ``ch 2 and 3; §4.1, pp. 5-9``: a word holds until the next."""
    parts = []
    pages = section = False
    for found in _PART_ITEM.finditer(written):
        word = found["word"]
        if word is not None:
            pages = _PAGE_WORD.match(word) is not None
            section = _SECTION_WORD.match(word) is not None
        first = SectionNumber.parse(found["first"])
        last = SectionNumber.parse(found["last"]) if found["last"] else None
        if last is not None and not first < last:
            first, last = (last, first) if last < first else (first, None)
        if pages:
            kind = PartKind.PAGE
        elif section or len(first.parts) > 1:
            kind = PartKind.SECTION
        else:
            kind = PartKind.CHAPTER
        parts.append(Part(kind, first, last, pages))
    return parts


def _trailing_parens(text: str) -> tuple[str, str] | None:
    """``(title, inside)`` when the text ends with ``(...)`` holding no parenthesis."""
    if not text.endswith(")"):
        return None
    start = text.rfind("(")
    inside = text[start + 1 : -1]
    if start < 0 or ")" in inside:
        return None
    return text[:start].rstrip(" \t"), inside


def _trailing_parts(text: str) -> tuple[str, str] | None:
    """``(title, parts)`` when the text ends with parts after a word (``ch 4.1, 4.3``)."""
    position = len(text)
    start = leftmost = None
    while True:
        item = _ITEM_AT_END.search(text, max(0, position - _WINDOW), position)
        if item is None:
            break
        leftmost = item
        if item["word"] is not None:
            start = item.start()
        joined = _AND_AT_END.search(text, max(0, item.start() - _WINDOW), item.start())
        if joined is None:
            break
        position = joined.start()
    if start is None and leftmost is not None and _NAMED_SECTION.search(text, 0, leftmost.end()):
        # "Griffiths 2.1–2.2", "Taylor 5.1": sections by their dotted numbers after a name.
        start = leftmost.start()
    if start is None or (start and text[start - 1] not in _BEFORE_PARTS and text[start] != "§"):
        return None
    return text[:start].rstrip(_TITLE_END), text[start:]


# A name, then a section's dotted number (a range at most) where the text ends.
_NAMED_SECTION = regex.compile(
    r"(?<![^ \t])[A-Z][^\W\d_][\w'\u2019\-]*[ \t,]+\d{1,2}\.\d{1,2}(?:\.\d{1,2})?"
    r"(?:[ \t]*[-\u2013][ \t]*\d{1,2}(?:\.\d{1,2}){0,2})?[ \t]*$"
)
# A chapter written number first: "맨큐 2장", "教科書1章", "第3章", "Serway 24. bölüm".
_NUMBER_FIRST = regex.compile(
    r"(?<!\d)(?:\u7b2c[ \t]?)?(?P<first>\d{1,4}(?:\.\d{1,4})*)"
    r"(?:[ \t]*[-~\u301c\u2013][ \t]*(?P<last>\d{1,4}))?"
    r"(?:[ \t]?(?:\uc7a5|\u7ae0|\uc808|\u7bc0)|\.?[ \t]+(?i:b[öo]l[üu]m|fejezet|kapitola|luku))"
    r"(?![^\W\d_])"
)


def _number_first(text: str) -> tuple[str, list[Part]] | None:
    """A title and the chapter written number first after it, else None."""
    if text.isascii() and "." not in text:
        return None
    found = _NUMBER_FIRST.search(text)
    if found is None:
        return None
    title = text[: found.start()].rstrip(_TITLE_END)
    if not title.strip():
        return None
    first = SectionNumber.parse(found["first"])
    last = SectionNumber.parse(found["last"]) if found["last"] else None
    if last is not None and not first < last:
        last = None
    kind = PartKind.SECTION if len(first.parts) > 1 else PartKind.CHAPTER
    return title, [Part(kind, first, last, False)]


def split_sections(text: str) -> tuple[str, list[Part]]:
    """A reading's title and the parts written after it; text with no parts is all title.

    ``CLRS (ch 4.1, 4.3-4.5)``, ``CLRS (ch 30), pp. 898–925``, ``CLRS chapter 15.4 (LCS)``,
    ``Deep Learning, ch. 4.3``, ``Bishop §3.2``: parts in parentheses or after the title,
    where a note in parentheses after them (``(LCS)``) is set aside with them.
    """
    text = text.strip()
    bare = _BARE_PARTS.fullmatch(text)
    if bare is not None:
        # "ch 4", "read 7.1", "4.1–4.3", "ch 37 diuretics": parts of a book the line does
        # not name, no title of its own; but "arts. 1088-1093 CC": a code's initials after
        # its articles name it.
        named = _CODE_AFTER.fullmatch(bare["topic"] or "")
        return (named["code"] if named else ""), _parts(bare["parts"])
    numbered = _number_first(text)
    if numbered is not None:
        return numbered
    rest, parts = text, []
    for _ in range(_MOST_GROUPS):
        enclosed = _trailing_parens(rest)
        if enclosed and enclosed[0].strip(_TITLE_END):
            title, inside = enclosed
            if not _YEAR.fullmatch(inside) and _LIST.fullmatch(inside):
                parts[:0] = _parts(inside)
                rest = title.rstrip(_TITLE_END)
                continue
            trailing = _trailing_parts(title)
            if not parts and trailing and trailing[0]:
                # A note on the parts before it: "chapter 15.4 (LCS)".
                parts[:0] = _parts(trailing[1])
                rest = trailing[0]
                continue
        trailing = _trailing_parts(rest)
        if trailing and trailing[0]:
            parts[:0] = _parts(trailing[1])
            rest = trailing[0]
            continue
        break
    title = rest.strip().rstrip(_TITLE_END)
    if not parts:
        return _middle_parts(text) or (text, [])
    if not title:
        return text, []
    middle = _middle_parts(title) if _AND_AT_END.search(title[-_WINDOW:]) else None
    if middle is not None:
        # "IPCC AR6 WG1, Ch. 7, Box 7.1 and section 7.5": parts, a remark, "and" more parts;
        # "Smith ch 3 then Jones ch 4" names two works, as written.
        title, parts = middle[0], middle[1] + parts
    return title, list(dict.fromkeys(parts))


# Parts between a title and a remark on them: "Guyton cap. 38 Ventilación pulmonar", "read
# Mankiw ch 2 thinking like an economist", "Hampton, The ECG Made Easy ch 1–3 ½". Their word
# is needed: "Vol. 2 Part 3" sets none.
_MIDDLE_PARTS = regex.compile(
    rf"(?<=[ \t,;:(\u2013\u2014-])(?P<parts>{_WORD}{_NUMBER}(?:{_TO}{_NUMBER})?"
    rf"(?:{_AND}{_ANY_ITEM})*)(?=[ \t,;:()\u2013\u2014-]|$)",
    re.I,
)


def _middle_parts(text: str) -> tuple[str, list[Part]] | None:
    """A title, and the parts after it that a remark follows, else None.

    The remark is no part of the title ("sorting ch 7 CLRS" is CLRS's, its initials after
    the parts naming it); a second group of parts in it says the line is a list, not one
    work's parts, and it stays as written.
    """
    found = _MIDDLE_PARTS.search(text)
    if found is None:
        return None
    head = text[: found.start()].strip().rstrip(_TITLE_END)
    tail = text[found.end() :]
    if not _WORDS.search(head) or _MIDDLE_PARTS.search(tail):
        return None
    code = _CODE_AFTER.fullmatch(tail)
    title = code["code"] if code is not None and head.islower() else head
    return title, list(dict.fromkeys(_parts(found["parts"])))


def has_readings(course: Course) -> bool:
    """True when the notes have a readings section anywhere, even an empty one."""
    sections = [*course.general, *(s for week in course.weeks for s in week.sections)]
    return any(section.kind is SectionKind.READINGS for section in sections)


def _course_readings(course: Course) -> Iterator[tuple[Week | None, Reading]]:
    for section in course.general:
        for item in section.items:
            if isinstance(item, Reading):
                yield None, item
    for week in course.weeks:
        for reading in week.readings:
            yield week, reading


def address_key(url: str) -> str:
    """An address as readings compare it: scheme, ``www.``, final ``/`` and ``#...`` aside."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


# A note a vault links: "[[Hobsbawm - Il secolo breve]]", "[[Kandel#ch 4|Kandel]]".
_WIKILINK = regex.compile(r"\[\[(?P<target>[^\[\]|#\n]{1,200})(?:[#|][^\[\]\n]{0,200})?\]\]")


_CITATION_BRACKET = regex.compile(r"\[[^\[\]\n]{0,400}@[^\[\]\n]{0,400}\]")
# A key after "[", a blank or ";" ("[@a; @b, p. 3]"), not an address's "me@host".
_CITE_KEY = regex.compile(r"(?<=[\[\s;])-?@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*?)[.,;:]?(?=[\s,;\]]|$)")


def addresses(text: str) -> set[str]:
    """The keys of the addresses, DOIs and vault notes a reading's text links or names."""
    keys = {f"url:{address_key(url)}" for url in link_targets(text) if "://" in url}
    keys |= {f"doi:{doi.rstrip('.,;)').lower()}" for doi in _DOI.findall(text)}
    if "@" in text:
        # Pandoc's "[@levin1995, ch. 3]": a citation key names one work of the bibliography;
        # only inside brackets ("ask @TA" is no key).
        for bracket in _CITATION_BRACKET.findall(text):
            keys |= {f"cite:{key.casefold()}" for key in _CITE_KEY.findall(bracket)}
    opening = _WIKILINK.match(text.lstrip(" \t*_"))
    if opening is not None:
        # Obsidian, Logseq and Roam name a work by its note: one note, one work. Only the
        # note the line opens with: "(see [[Neuro lecture 3]])" is no work's.
        keys.add(f"note:{normalise(opening['target'])}")
    return keys


@dataclass
class _Line:
    week: Week | None
    reading: Reading
    text: str  # the reading's text less the signs before it ("📖 K&P ch 15": "K&P ch 15")
    title: str
    parts: list[Part]
    reference: Reference | None
    addresses: set[str]


class _Works:
    """Lines joined into works (union-find), keeping each work's addresses and references."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.addresses: list[set[str]] = [set() for _ in range(count)]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, one: int, other: int) -> None:
        first, second = sorted((self.find(one), self.find(other)))
        if first != second:
            self.parent[second] = first
            self.addresses[first] |= self.addresses[second]

    def may_join(self, one: int, other: int) -> bool:
        # Two works that each link an address of their own are two works, whatever titles
        # they share ("[notes](a)" and "[notes](b)"): had they one address, they were joined.
        mine, theirs = self.addresses[self.find(one)], self.addresses[self.find(other)]
        return not (mine and theirs) or bool(mine & theirs)


def _reference_addresses(known: References) -> dict[str, Reference]:
    by_address: dict[str, Reference] = {}
    for reference in dict.fromkeys(known.by_name.values()):
        if reference.url:
            for key in addresses(reference.url):
                by_address.setdefault(key, reference)
    return by_address


# A line that names a work by its author, then parts or an edition: "Smith", "Smith 9e ch
# 10", "Varian cap. 6 - demanda", "Clayden ch. 14 Stereochemistry", "re-read Clayden".
# "re-read Clayden", "lire le chap. 2": a verb of reading before what is read.
_READ_VERB = (
    r"(?:re-?read|read|skim|review|finish|lesen|nochmal|wiederholen|leer|releer|repasar|lire|"
    r"relire|revoir|leggere|rileggere|riletto|ripreso|rivedere|ler|reler|revisar|lezen)[ \t]+"
)
# Parts alone, after a verb of reading, before a topic at most: a part's word or a section's
# dotted number first ("ch 4", "§2", "7.1"), not a bare number ("1984 by Orwell").
_BARE_PARTS = regex.compile(
    rf"(?:{_READ_VERB})?(?P<parts>(?:{_WORD}{_NUMBER}|[0-9]{{1,2}}\.[0-9]{{1,3}}(?:\.[0-9]{{1,3}})*)"
    rf"(?:{_TO}{_NUMBER})?(?:{_AND}{_ANY_ITEM})*)(?P<topic>[ \t,:\u2013\u2014-]+[^\W\d_][^()\n]*)?"
    # A remark in brackets after them: "arts. 1156-1181 CC (pago, imputación, dación)".
    r"(?:[ \t]*\([^()\n]*\))?",
    re.I,
)
# A code or statute by its initials after the articles: "CC", "BGB", "StGB", "CCyC".
_CODE_AFTER = regex.compile(
    r"[ \t,:\u2013\u2014-]*(?P<code>[A-Z][A-Za-z]{0,4}[A-Z])(?:[ \t]+\(.*\))?[ \t]*"
)


_BY_NAME = regex.compile(
    rf"(?:{_READ_VERB})?"
    r"(?P<name>[^\W\d_][\w'\-]{2,}(?:[ \t]*(?:&|and|y|und|et|e|/)[ \t]*[^\W\d_][\w'\-]{2,})?)"
    # "Meffert et al., Kap. 4": the others of a team go unnamed.
    r"(?:[ \t]+et[ \t]+al\.?)?"
    r"(?![\w'\-])[ \t]*,?[ \t]*"
    # Not a year: "Wasserman (2004)" may be another of his books.
    rf"(?:$|\(?\d(?![\d]{{3}})|(?:{_CHAPTER}|{_SECTION}|{_PAGE}|{_INTRO})\b\.?|§|\((?!\d{{4}})"
    r"|(?:h|ch|kap|cap|hfst|hs|p|pp|s)\.?[ \t]*\d)",
    re.I,
)
_FIRST_WORD = regex.compile(r"[^\W\d_][\w'\-]{2,}")
# "Read:", "Leer", "Lectura:" before a title: no part of it.
_VERB_LABEL = regex.compile(
    rf"(?:(?:read|reading|lesen|lektüre|leer|lectura|lire|lecture|leggere|lettura|ler|leitura|"
    rf"lezen)[ \t]*:[ \t]*|{_READ_VERB})?",
    re.I,
)
# An author in brackets after a title: "*Python for Data Analysis* (McKinney)".
_BY_AFTER = regex.compile(r"[*_][ \t]*\((?P<name>[A-Z][\w'\u2019\-]{2,}(?: & [A-Z][\w'\-]+)?)\)")
_VERB = regex.compile(_READ_VERB, re.I)
_READING_LABEL = regex.compile(
    r"(?:(?:read|reading|lesen|lektüre|leer|lectura|lire|lecture|leggere|lettura|ler|leitura|"
    r"lezen)[ \t]*:[ \t]*)?",
    re.I,
)
# "Halperín Donghi, cap. 6": a two-word name, a comma, then parts.
_NAME_PART = regex.compile(
    rf"(?P<name>[A-Z][\w'\u2019\-]{{2,}} [A-Z][\w'\u2019\-]{{2,}}),[ \t]*"
    rf"(?:{_CHAPTER}|{_SECTION}|{_PAGE})\b\.?[ \t]*\d",
    re.I,
)
# "Halperín Donghi": an author's name alone, two words at most.
_NAME_ALONE = regex.compile(r"(?P<name>[A-Z][\w'\u2019\-]{2,}(?: [A-Z][\w'\u2019\-]{2,})?)[ \t.]*")
_PARTS_ONLY = regex.compile(
    rf"(?:{_READ_VERB})?"
    rf"(?:{_CHAPTER}|{_SECTION}|{_PAGE})\.?[ \t]*\d[\d.,;:&\- \t\u2013pPsS.]*(?:[ \t]*\([^()]*\))?",
    re.I,
)


_INITIALS = regex.compile(
    r"(?P<initials>[A-Z](?:[ \t]*[&.][ \t]*)?[A-Z](?:[ \t]*[&.]?[ \t]*[A-Z]){0,2})\.?(?![\w'])"
)
_AUTHORS = regex.compile(r"[A-Z][\w'\-]+(?:[ \t]*(?:,|&|and|y|und|et|e)[ \t]*[A-Z][\w'\-]+)*")


def _initials(title: str) -> str:
    """The initials of the names a title opens with: "Harlow & Meyer, ..." -> "hm"."""
    found = _AUTHORS.match(title)
    if found is None:
        return ""
    names = re.findall(r"[A-Z][\w'\-]+", found.group())
    return "".join(name[0] for name in names).casefold() if len(names) > 1 else ""


# A citation: its authors before the first comma, then maybe a first name, then the title
# (in *italics* or not): "Galeano, Eduardo. *Las venas abiertas de América Latina*",
# "Galeano, *Las venas abiertas…*, segunda parte", "Halperín Donghi, Historia contemporánea".
_CITED = regex.compile(
    r"(?P<authors>[A-Z][\w'\u2019\-]+(?: (?:de |van |von |da |del |di )?[A-Z][\w'\u2019\-]+){0,2})"
    r"(?:,|[ \t]+[\u2013\u2014-])[ \t]+(?:[A-Z][\w.\- ]{0,25}?\.[ \t]+)?[*_\"\u201c\u00ab]*"
    r"(?P<title>[^*_\"\u201d\u00bb]+)"
)
_TITLE_WORD = regex.compile(r"[^\W\d_]{3,}")
_BEFORE_NUMBER = regex.compile(r"[^0-9]*")
# First words that many titles share: they name no work alone.
_GENERIC_TITLE_WORDS = frozenset(
    "introduction introducción introduzione introdução einführung principles principios "
    "principes foundations fundamentals grundlagen elements handbook essentials lectures "
    "readings selected collected advanced".split()
)


def _join_by_cited_title(lines: list[_Line], works: _Works) -> None:
    """Join lines that cite one work by its authors and its title's first two words, however
    much of the rest each line gives ("…", a part, the publisher)."""
    # Hand-written: no parser reads the citation styles students paste (APA, Chicago, a
    # short form), and the first two words of a title are what a short form keeps.
    owners: dict[tuple[str, str], int] = {}
    for index, line in enumerate(lines):
        found = _CITED.match(line.text.strip(" \t*_"))
        if found is None:
            continue
        # The title's words before a number: "CE, Ass., 27 octobre 1995, *Commune de
        # Morsang*" and "CE, Ass., 26 octobre 2001, *Ternon*" are two decisions of one court,
        # its date no title's words.
        words = _TITLE_WORD.findall(_BEFORE_NUMBER.match(found["title"]).group())[:2]  # type: ignore[union-attr]
        if len(words) < 2 and not (words and len(words[0]) >= 8):
            # One word names a work when it is long ("Självmordet"), not "Intro".
            continue
        if len(words[0]) >= 8 and words[0].casefold() not in _GENERIC_TITLE_WORDS:
            # "Durkheim – *Självmordet*, utdrag" and "Durkheim, Självmordet (utdrag)": a long
            # first word is the work, whatever follows it.
            words = words[:1]
        key = (found["authors"].casefold(), " ".join(words).casefold())
        if key in owners:
            if works.may_join(index, owners[key]):
                works.join(index, owners[key])
        else:
            owners[key] = index


# "Baddeley & Hitch (1974)", "re-read Baddeley & Hitch (1974) for the essay", "Simons and
# Chabris, 1999": authors and a year, as an author-date citation names one work.
_AUTHOR_YEAR = regex.compile(
    rf"(?:{_READ_VERB})?(?P<authors>[A-Z][\w'\u2019\-]+(?:[ \t]*(?:,|&|and|y|und|et|e)[ \t]*"
    r"[A-Z][\w'\u2019\-]+){0,3}(?: et al\.?)?),?[ \t]*\(?(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\b"
)
# A title in quotes or italics: 'Artigo: "A jornada do consumidor digital" (Revista HSM)',
# "Marx & Engels – *Kommunistiska manifestet*".
_QUOTED = regex.compile(
    r"[\"\u201c\u00ab\u201e](?P<title>[^\"\u201c\u201d\u00ab\u00bb\u201e]{8,})[\"\u201d\u00bb\u201c]"
    r"|(?<![*\w])[*_](?P<italic>[^*_\n]{8,}?)[*_](?![*\w])"
    # A book's title in Japanese, Chinese or Korean brackets: "『統計学入門』", "《机器学习》".
    r"|[\u300e\u300a\u300c](?P<book>[^\u300f\u300b\u300d\n]{2,40})[\u300f\u300b\u300d]"
)


# Authors, a comma, a title: "Chaisson & McMillan, Astronomy Today".
_AUTHORS_TITLE = regex.compile(
    r"[A-Z][\w'\u2019\-]+(?:[ \t]*(?:&|and|,)[ \t]*[A-Z][\w'\u2019\-]+){0,3},[ \t]+"
    r"(?P<title>[^\W\d_][^,;()]*)"
)


def _join_by_key(lines: list[_Line], works: _Works) -> None:
    """Join lines citing one work by its authors and year, or by one quoted title."""
    # Hand-written, as _join_by_cited_title: author-date keys and quoted titles are the two
    # short forms students repeat a work by.
    owners: dict[str, int] = {}
    plain: list[tuple[int, str]] = []
    by_title: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = line.text.strip(" \t*_")
        keys = []
        cited = _AUTHOR_YEAR.match(text)
        if cited is not None:
            keys.append(f"{normalise(cited['authors'])} {cited['year']}")
        quoted = _QUOTED.search(line.text)
        if quoted is not None and quoted["book"]:
            # Short and unspaced, yet a whole title: the brackets say so.
            keys.append("\u201c" + normalise(quoted["book"]))
            quoted = None
        title = (quoted["title"] or quoted["italic"]) if quoted is not None else None
        words = _TITLE_WORD.findall(title) if title else []
        if title and (len(words) >= 2 or (words and len(words[0]) >= 8)):
            keys.append("\u201c" + normalise(title))
            main = title.split(":")[0]
            if main != title and len(_TITLE_WORD.findall(main)) >= 2:
                # "*Film Art: An Introduction*" is the "Film Art" of "Film Art ch. 4".
                keys.append("\u201c" + normalise(main))
        elif quoted is None and len(_TITLE_WORD.findall(line.title)) >= 2:
            # "Kommunistiska manifestet" alone: the title another line quotes or italicises.
            bare_title = line.title.strip(" \t*_")
            bare_title = bare_title[_VERB_LABEL.match(bare_title).end() :]  # type: ignore[union-attr]
            keys.append("\u201c" + normalise(bare_title))
            plain.append((index, keys[-1]))
            cited = _AUTHORS_TITLE.fullmatch(bare_title)
            if cited is not None and len(_TITLE_WORD.findall(cited["title"])) >= 2:
                # "Chaisson & McMillan, Astronomy Today": the title after its authors is
                # the "Astronomy Today" of another line (but "Fischer, Lineare Algebra" is
                # no "Bosch, Lineare Algebra").
                title = cited["title"].rstrip(" \t.")
                by_title.setdefault("\u201c" + normalise(title), []).append(index)
        for key in keys:
            if key in owners:
                if works.may_join(index, owners[key]):
                    works.join(index, owners[key])
            else:
                owners[key] = index
    for index, key in plain:
        authored = {works.find(other) for other in by_title.get(key, ()) if other != index}
        if len(authored) == 1 and works.may_join(index, other := authored.pop()):
            works.join(index, other)


def _join_by_author(lines: list[_Line], works: _Works) -> None:
    """Join a line that names a work by its author alone ("Smith ch 10", "H&M ch 5") to the
    one work whose title starts with that name ("Smith on Torts", "Harlow & Meyer, ...")."""
    # Hand-written: a student cites one textbook four ways; a reference manager is the
    # tool for anything finer, and references.yml (aliases) covers what this cannot.
    starts: dict[str, set[int]] = {}
    bare: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        text = line.text.strip(" \t*_")
        verb = _VERB.match(text)
        initials = _INITIALS.match(text, verb.end() if verb else 0)
        if (
            initials is not None
            and "&" in initials.group()
            or (initials is not None and initials.end() == len(text))
        ):
            bare.append((index, "&" + re.sub(r"[^A-Za-z]", "", initials["initials"]).casefold()))
            continue
        named = _BY_NAME.match(text) or _NAME_ALONE.fullmatch(text) or _NAME_PART.match(text)
        if named is not None and named["name"][:1].isupper():
            # Its first name, as a title's first word is keyed: "Kroeber-Riel/Gröppel-Klein".
            first_name = _FIRST_WORD.match(named["name"])
            key = first_name.group() if first_name else named["name"].split()[0]
            bare.append((index, key.casefold()))
            if _initials(named["name"]):
                # "Aldwell & Schachter" alone: what "A&S ch. 1" joins.
                starts.setdefault("&" + _initials(named["name"]), set()).add(index)
            continue
        if _PARTS_ONLY.fullmatch(text):
            # "ch 8", "read ch 10", "pp. 130–151": the course's own book, named nowhere.
            bare.append((index, ""))
            continue
        title = line.title.strip(" \t*_\"'\u201e\u201c[")
        title = title[_VERB_LABEL.match(title).end() :]  # type: ignore[union-attr]
        by = _BY_AFTER.search(title)
        if by is not None:
            # "*Python for Data Analysis* (McKinney)": the author named after the title.
            starts.setdefault(by["name"].split()[0].casefold(), set()).add(index)
        first = _FIRST_WORD.match(title)
        # A work with a title beyond its author's name: "Wasserman (2004)" has none, and
        # may be another of his books.
        if first is not None and _FIRST_WORD.search(title, first.end()):
            starts.setdefault(first.group().casefold(), set()).add(index)
            if _initials(title):
                starts.setdefault("&" + _initials(title), set()).add(index)
    alone: dict[str, int] = {}
    for index, name in bare:
        if name and name not in starts:
            # "Meffert et al., Kap. 1 …" and "Meffert et al., Kap. 4 …", the book named by
            # its author only, never by its title: one work.
            first = alone.setdefault(name, index)
            if first != index and works.may_join(index, first):
                works.join(index, first)
            continue
        owners = {works.find(other) for other in starts.get(name, ())}
        before = [other for other in starts.get(name, ()) if other < index]
        if len(owners) > 1 and before:
            # Two books by one author: "Fontana, cap. 2" goes on with the one named last.
            owners = {works.find(max(before))}
        if len(owners) == 1:
            other = min(other for other in starts[name] if works.find(other) in owners)
            if works.may_join(index, other):
                works.join(index, other)
            continue
        # No other work by that name: lines that name it alone are one work.
        for other, same in bare:
            if same == name and other != index and works.may_join(index, other):
                works.join(index, other)
                break


# An author's surname opening a line, after a verb of reading and the particles of a name:
# "Kant Groundwork sec 2", "Van der Pot, Handboek", "de la Motte, cap. su Wagner", "West's".
_SURNAME = regex.compile(
    rf"(?i:{_READ_VERB})?(?P<name>(?:(?i:van|von|der|den|de|la|le|da|del|di|du|dos|das|ten|ter)"
    # Letters only: "Xy0zabcd" is a code, and one a digit apart from it no typo of it.
    r"[ \t]+){0,3}[^\W\d_](?:[^\W\d_]|['\u2019\-])*?"
    r"(?P<others>[ \t]*(?:&|\band\b|\bund\b|\bet\b|\by\b)"
    r"[ \t]*[A-Z][\w\u2019'\-]+)?)(?:['\u2019]s)?(?![\w'\u2019\-])"
)
# First words that name no author: articles, and the words of parts.
_NOT_SURNAME = regex.compile(
    rf"(?:the|an?|les?|la|der|die|das|el|los|il|lo|{_CHAPTER}|{_SECTION}|{_PAGE}|{_INTRO})",
    re.I,
)
# Where a title's words end: a dash, a bracket, a semicolon or a number after the name.
_TITLE_STOP = regex.compile(r"[\u2013\u2014(;|\[0-9]| - ")
# The words of parts, which a line that gives no title may hold: "Leyko t.1", "Fontana cap. 4",
# "t. II, lección"; as words of their own (unbounded, "s" was cut from "Torts").
_PART_WORD = regex.compile(
    rf"(?<![^\W\d_])(?:{_CHAPTER}|{_SECTION}|{_PAGE}|{_INTRO}|t|vol|tome|tomo|band|bd|part|"
    r"parte|teil|livre|book|libro|ed)(?![^\W\d_])\.?",
    re.I,
)
_CHAPTER_CUT = regex.compile(rf"(?<![^\W\d_])(?:{_CHAPTER}|{_SECTION}|{_PAGE})(?![^\W\d_])", re.I)
# A volume's number in capitals: "t. II", "vol. IV".
# A section's dotted number: "Griffiths 2.1–2.2".
_DOTTED = regex.compile(r"(?<![\w.])\d{1,2}\.\d{1,2}(?![\w.])")
_ROMAN = regex.compile(r"(?<![^\W\d_])[IVXL]{1,6}(?![^\W\d_])")
_WORDS = regex.compile(r"[^\W\d_]{2,}")
_LONG_WORD = regex.compile(r"[^\W\d_]{4,}")
_OPENING = " \t,:\u2013\u2014-\"'\u201c\u00ab*_"
_INITIALS_AFTER = regex.compile(rf"^(?:[{UPPER}]\.[ \t]*)+,?")
# "Hodgkin & Huxley (1952) …": a year after the names sets them apart from the title.
_ANY_YEAR = regex.compile(r"\b(?:1[5-9]|20)\d\d\b")
_YEAR_AFTER = regex.compile(r"^\(?(?:1[5-9]|20)\d\d[a-z]?\)?[.,:]?")


def _close(one: str, other: str) -> bool:
    """Whether two surnames are one, a letter apart at most when long ("Schectman")."""
    if one == other:
        return True
    if min(len(one), len(other)) < 6 or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        return sum(a != b for a, b in zip(one, other, strict=True)) <= 1
    short, long = sorted((one, other), key=len)
    return any(long[:cut] + long[cut + 1 :] == short for cut in range(len(long)))


def _deletions(name: str) -> set[str]:
    """The name, and the name less one letter when long enough to be told apart so."""
    if len(name) < 6:
        return {name}
    return {name} | {name[:cut] + name[cut + 1 :] for cut in range(len(name))}


def _same_title(one: tuple[list[str], bool], other: tuple[list[str], bool]) -> bool:
    """Whether two titles' first words name one work: "Groundwork" is "Groundwork of the
    Metaphysics"; "Women and Gender in Early Modern Europe" is no "Early Modern Europe", and
    "Introduction to the DOM" no "Introduction to HTML"."""
    (short, alone), (long, long_alone) = sorted((one, other), key=lambda title: len(title[0]))
    if short != long[: len(short)]:
        return False
    # One word names a work when it is a whole title ("Smith, Torts" is "Smith on Torts"),
    # and no word many titles share.
    alone = alone or (long_alone and len(long) == 1)
    return len(short) > 1 or (alone and len(short[0]) >= 5 and short[0] not in _GENERIC_TITLE_WORDS)


def _join_by_surname(lines: list[_Line], works: _Works) -> None:
    """Join lines that open with one surname and one title's first words ("Kant,
    Groundwork of the Metaphysics of Morals" and "Kant Groundwork sec 2"), and a line that
    gives the surname and parts alone ("Leyko t.1", "Van der Pot") to that author's one work."""
    # Hand-written, as _join_by_author: the looser forms students repeat a book by, which
    # that pass's exact shapes miss.
    titled: dict[str, list[tuple[int, tuple[list[str], bool], bool]]] = {}
    bare: list[tuple[int, str, str, bool]] = []
    for index, line in enumerate(lines):
        text = line.text.strip(" \t*_")
        found = _SURNAME.match(text)
        if found is None or _NOT_SURNAME.fullmatch(found["name"]):
            continue
        name = found["name"]
        last = name.split()[-1]
        cased = last[:1].lower() != last[:1].upper()
        if (cased and not last[:1].isupper()) or (len(last) < 3 and not last.isupper()):
            continue
        after = text[found.end() :]
        rest = after.lstrip(_OPENING)
        # "Misiak J., Mechanika": the initials after a surname are no title.
        initials = _INITIALS_AFTER.match(rest) or _YEAR_AFTER.match(rest)
        rest = rest[initials.end() :].lstrip(_OPENING) if initials else rest
        # "Kant, Groundwork", "Misiak J. Mechanika", "West's", "Smith (2004)": the name is
        # set apart from a title; "Deep Learning" is a title throughout.
        apart = bool(initials) or after[:1] != " " or after.lstrip(" ")[:1] in _OPENING
        stop = _TITLE_STOP.search(rest)
        segment = rest[: stop.start() if stop else None]
        # "de la Motte, cap. su Wagner": what follows a chapter's word is the chapter's
        # subject, no title.
        cut = _CHAPTER_CUT.search(segment)
        segment = segment[: cut.start()] if cut else segment
        # "Lasarte t. II, lección 1": the words of parts name no title.
        words = [word.casefold() for word in _LONG_WORD.findall(_PART_WORD.sub("", segment))]
        if words and (apart or not found["others"]):
            alone = len(_WORDS.findall(_PART_WORD.sub("", segment))) == 1
            titled.setdefault(name.casefold(), []).append((index, (words[:2], alone), apart))
        elif found["others"] or not _WORDS.search(_ROMAN.sub("", _PART_WORD.sub("", segment))):
            # "re-read Hodgkin & Huxley for the final": two authors named together, no
            # title set apart, are their one work. "Wasserman (2004)" is the one of 2004.
            year = _YEAR_AFTER.match(after.lstrip(_OPENING))
            parted = _PART_WORD.search(after) is not None or _DOTTED.search(after) is not None
            bare.append(
                (index, name.casefold(), year.group().strip("().,:") if year else "", parted)
            )
    # Surnames a letter apart found by their one-letter deletions, not by comparing every
    # pair: 3,000 lines of authors took 11 s so.
    nearby: dict[str, set[str]] = {}
    for name in {*titled, *(key for _, key, _, _ in bare)}:
        for variant in _deletions(name):
            nearby.setdefault(variant, set()).add(name)

    def close_names(key: str) -> set[str]:
        found = {name for variant in _deletions(key) for name in nearby.get(variant, ())}
        return {name for name in found if name in titled and _close(name, key)}

    for key, entries in titled.items():
        others = [entry for name in sorted(close_names(key)) for entry in titled[name]]
        for index, words, apart in entries:
            for other, other_words, other_apart in others:
                if other < index and (apart or other_apart) and _same_title(words, other_words):
                    if works.may_join(index, other):
                        works.join(index, other)
                    break
    alone: dict[tuple[str, str], int] = {}
    for index, key, year, parted in bare:
        owners = {
            works.find(other)
            for name in close_names(key)
            for other, *_ in titled[name]
            if year in lines[other].text or not _ANY_YEAR.search(lines[other].text)
        }
        if len(owners) == 1:
            owner = owners.pop()
            if works.may_join(index, owner):
                works.join(index, owner)
        elif not owners and parted:
            # "Lasarte t. II, lección 1" and "Lasarte t. III, lección 5", the author named
            # with parts only, never with a title: the author's one work, its volumes parts;
            # "Griffths 5.1" a letter apart is his too.
            same = next(
                (first for (name, at), first in alone.items() if at == year and _close(name, key)),
                None,
            )
            first = alone.setdefault((key, year), index if same is None else same)
            if first != index and works.may_join(index, first):
                works.join(index, first)


# A chapter named by its number alone, no work before it: "ch 4 pharmacokinetics",
# "Cap. 18 Regulación nerviosa", "H5 afmaken (blz 150-178)".
_BARE_CHAPTER = regex.compile(
    rf"[ \t]*(?:{_READ_VERB})?(?i:ch|chs|chap|chaps|chapters?|kap|kapitel|cap|capp|cap[ií]tulos?|"
    r"capitolo|chapitre|hoofdstuk|hfst|h|tema|bab|luku)\.?[ \t]*\d"
    # Sections by number alone, a range or a list: "4.1–4.3", "read 3.2, 3.4".
    r"|[ \t]*(?i:re-?read|read|skim)?[ \t]*\d{1,2}\.\d{1,2}"
    r"(?:[ \t]*[-\u2013,][ \t]*\d{1,2}\.\d{1,2})"
    # "read 7.1", "read 11.2 series": one section, a verb of reading before it.
    rf"|[ \t]*(?i:{_READ_VERB})\d{{1,2}}\.\d{{1,2}}(?![\d.,:/])"
)
# A book named by its author alone: "read Mankiw", "Kandel".
_AUTHOR_ONLY = regex.compile(rf"(?i:{_READ_VERB})?[A-Z][\w'\u2019\-]{{2,}}[ \t.]*")


def _join_bare_chapters(lines: list[_Line], works: _Works) -> None:
    """Chapters named by number alone are the course's book's: the work that most lines
    give chapters of, two lines at least ("Lehne ch 1-2", "Lehne ch 5" make "ch 37
    diuretics" Lehne's). With no such book, the one book named by its author alone ("read
    Mankiw"); with none either, the chapters are of one book the notes never name, one work.
    Two books as likely: which one is not said, and they stay as written."""
    bare = {index for index, line in enumerate(lines) if _BARE_CHAPTER.match(line.text)}
    if not bare:
        return
    chaptered: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.parts and index not in bare:
            root = works.find(index)
            chaptered[root] = chaptered.get(root, 0) + 1
    ranked = sorted(chaptered.items(), key=lambda pair: (-pair[1], pair[0]))
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        book = ranked[0][0]
    else:
        # No book most lines give chapters of: the one named by its author alone ("read
        # Mankiw"), or else the chapters are of one book the notes never name ("ch 4", "ch
        # 5"): not a work each. Two books by author alone: which one is not said.
        named = {
            works.find(index)
            for index, line in enumerate(lines)
            if index not in bare and _AUTHOR_ONLY.fullmatch(line.text.strip(" \t*_"))
        }
        if len(named) > 1 or (not named and ranked and ranked[0][1] >= 2):
            # Two books as likely: which one is not said. The parts are of one book the
            # notes do not name, a work of their own, not one each.
            book = min(bare)
        else:
            book = named.pop() if named else min(bare)
    for index in sorted(bare):
        if works.may_join(index, book):
            works.join(index, book)


# A word on how far it is read, after the title: "Mankiw bab 4 (belum)", "Kandel (done)".
_STATE_NOTE = regex.compile(r"[ \t]*\((?:[^\W\d_A-Z][^\W\d_]{1,14}|to do|not yet)\)[ \t]*$")


# Signs and emoji before a title: "📚 ISLR", "→ Kandel".
_SIGNS_BEFORE = regex.compile(
    r"^(?:[\u2190-\u2bff\u2600-\u27bf\ufe0f\u200d]|[\U0001f000-\U0001faff])+[ \t]*"
)


def _title_key(title: str) -> str:
    """The key a title matches others by: "read lab manual" is the "lab manual" of another line."""
    # "📚 ISLR": a sign before the title is no part of it.
    title = _SIGNS_BEFORE.sub("", title).strip(" \t*_")
    title = title[_VERB_LABEL.match(title).end() :]  # type: ignore[union-attr]
    return normalise(_STATE_NOTE.sub("", title) or title)


def reading_list(course: Course, references: References | None = None) -> ReadingList:
    """Merge the course's readings: one entry per work, however many lines and weeks set it."""
    known = references or References()
    by_address = _reference_addresses(known)
    lines = []
    for week, reading in _course_readings(course):
        # "📖 K&P ch 15", "Lectura: Hobsbawm, E., …": the sign or the label says it is a
        # reading; the title and the joins read the words after it.
        text = _SIGNS_BEFORE.sub("", reading.text)
        text = text[_READING_LABEL.match(text).end() :]  # type: ignore[union-attr]
        title, parts = split_sections(text)
        keys = addresses(text)
        reference = known.find(title) or next(
            (by_address[key] for key in sorted(keys) if key in by_address), None
        )
        lines.append(_Line(week, reading, text, title, parts, reference, keys))
    works = _Works(len(lines))
    owners: dict[str, int] = {}
    for index, line in enumerate(lines):
        works.addresses[index] = set(line.addresses)
        strong = set(line.addresses)
        if line.reference is not None:
            strong.add(f"reference:{line.reference.name}")
        for key in sorted(strong):
            if key in owners:
                works.join(index, owners[key])
            else:
                owners[key] = index
    by_title: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if not line.title:
            continue  # parts of a book not named: _join_bare_chapters says whose
        same = by_title.setdefault(_title_key(line.title), [])
        for other in same:
            if works.may_join(index, other):
                works.join(index, other)
                break
        same.append(index)
    _join_by_cited_title(lines, works)
    _join_by_key(lines, works)
    _join_by_author(lines, works)
    _join_by_surname(lines, works)
    _join_bare_chapters(lines, works)
    entries: dict[int, CourseReading] = {}
    for index, line in enumerate(lines):
        entry = entries.setdefault(works.find(index), CourseReading(line.title))
        # "ch 4" set before "Lehne ch 5": the work is named where a line names it.
        entry.title = entry.title or line.title
        entry.reference = entry.reference or line.reference
        entry.assignments.append(Assignment(line.reading, line.week, tuple(line.parts), line.title))
    return ReadingList(list(entries.values()))
