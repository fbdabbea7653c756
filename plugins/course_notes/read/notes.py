"""Notes text to the course model: pure, never raises, keeps line numbers.

The file's structure is found first (``blocks``: a CommonMark parser's headings, code and
tables; ``layout``: which headings or label lines are the units, and where the questions
start); then the lines are read once, in order, against it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from .. import regex
from ..model import (
    Cancelled,
    Course,
    Diagnostic,
    Group,
    Item,
    Message,
    Note,
    Reading,
    Section,
    SectionKind,
    SourceLine,
    Subheading,
    Verbatim,
    Video,
    Week,
    say,
)
from ..model.inline import refused_links
from .blocks import Blocks, Heading, heading_title, read_blocks
from .board import board_as_cards, lane_cards, looks_like_board
from .callouts import Callouts, unquote_callouts
from .dates import (
    FIRST_YEAR,
    LAST_YEAR,
    STAMP,
    heading_date,
    may_say_due,
    read_date,
    read_due,
    year_refused,
)
from .decode import repair
from .durations import find_duration
from .export import looks_escaped, outline_export, unescape_export
from .kinds import SECTION_KEYWORDS, SECTION_SIGNS, SectionKinds
from .layout import (
    ASIDE_AT_END,
    Layout,
    Unit,
    find_layout,
    is_unit_word,
    label_text,
    match_unit,
    names_questions,
)
from .marks import BOX_SIGNS, CHECK_MARKS, _read_marks
from .org import looks_like_org, org_as_markdown
from .parts import BOOK_CHAPTER_WORDS, UPPER
from .planner import Row
from .sidebar import join_status_lines
from .states import (
    CROSS_SIGNS,
    EMPTY_BOX_SIGNS,
    STARTED_SIGNS,
    State,
    read_fields,
    read_legend,
    read_state,
    says_cancelled,
    says_no_class,
    status_state,
)
from .thoughts import asks, opens_as_question
from .todotxt import looks_like_todo, todo_as_markdown

# A separator or an item, in one match: most lines are one of the two. Bullets are
# Markdown's, or pasted from a page or a PDF ("•", "▪", "◦", "–").
_LIST_LINE = regex.compile(
    # A rule: "---", "* * *", "- - -", "___" (a scene break in an export).
    r"(?P<indent>[ \t]*)(?:(?P<separator>-{3,}|(?:\*[ \t]*){3,}|(?:-[ \t]+){2,}-|_{3,})[ \t]*$"
    # An outline's letters and small roman numerals too: "a)", "b)", "i.", "iv." (Google
    # Docs and Word write nested lists so).
    # Google Docs pastes its levels as "●", "○" and "■" at the margin.
    r"|(?:[-*+\u2022\u25aa\u25e6\u2013\u30fb\u25cf\u25cb\u25a0]|\d{1,9}[.)]|[a-z]\)"
    r"|(?:i{1,3}|iv|vi{0,3}|ix|x)\.(?=[ \t]))"
    # Japanese writes no blank after its "・": "・シラバス ✓".
    r"(?:[ \t]+(?:\[(?P<box>[ xX])\][ \t]*)?|(?=$)|(?<=\u30fb)(?=\S))"
    r"(?P<text>.*)$)"
)


_DOCS_LEVELS = {"\u25cb": "  ", "\u25a0": "    "}


def _outline_indent(line: str, indent: str) -> str:
    """An outline's "a)" as written one level under "1.", its "i." two: Google Docs and Word
    write them at the margin, the letters and numerals saying the level."""
    return indent + (
        "\t\t" if line[len(indent)] in "ivx" and line[len(indent) + 1] != ")" else "\t"
    )


# A box sign opening a line: ☐ open, ☑ and ☒ ticked.
_BOX_SIGN = regex.compile(rf"(?P<indent>[ \t]*)(?P<sign>[{''.join(BOX_SIGNS)}])\ufe0f?[ \t]+(?=\S)")


# A task box with no bullet before it: "[x] Varian cap. 5".
_BOX_LINE = regex.compile(r"(?P<indent>[ \t]*)\[(?P<box>[ xX/~-])\][ \t]+(?P<text>\S.*)$")

MAX_WEEK = 999

__all__ = ["heading_title", "parse"]

_VIDEOS, _READINGS, _OTHER = SectionKind.VIDEOS, SectionKind.READINGS, SectionKind.OTHER

# Tabs indent to the next multiple of four columns, as in Markdown.
TAB_SIZE = 4

# A line that says there is nothing (yet): no task, in any language the reader knows.
_PLACEHOLDER = regex.compile(
    r"[(\[]?(?:nothing|none|n/?a|tba|tbc|tbd|nil|nichts|keine?|nada|ninguno|rien|aucun|"
    r"niente|nessuno|nenhum|geen|niets|-+|\u2014|\u2013|\.\.\.|\u2026|\?+|entf[äa]llt|"
    r"a definir|[àa] d[ée]finir|por definir|da definire|noch offen|por confirmar|a confirmar|"
    r"[àa] confirmer|da confermare|"
    r"to be (?:announced|confirmed|decided)|"
    r"(?:no|keine?|kein|sin|pas de|nessun[ao]?|sem|geen)[ \t]+[^\W\d_][^()\n]{0,50})"
    r"(?:[ \t]+(?:yet|this week|here|posted|so far|for now|listed))*[ \t]*[!.]*[)\]]?[ \t]*"
    r"(?:\(.*\))?",
    re.I,
)

# An item is a video, wherever it stands, when it says so and gives a length. Searched in
# the lowered text, not with re.I: case-blind, the alternation has no literal to skip ahead
# by, 10.7 us a search against 4.1 (timeit, the synthetic notes' items that hold a hint).
_VIDEO_WORD = regex.compile(
    r"\b(?:vids?|videos?|vid[ée]os?|recordings?|recorded|rec|reg|inspelad|inspelning|opptak|screencasts?|podcasts?|listen(?:ing)?|tracks?|"
    r"watch|clip|aufzeichnung|v[íi]deos?|grabaci[óo]n|enregistrement|registrazione|"
    r"grava[çc][ãa]o|opname|echo|echo360|panopto|youtube|yt|zoom|documentar\w*|document\w*al|"
    r"doku\w*|film|replays?|rediffusion|ascolt[oi]|"
    # A lecture's recording by the platform's name or a word for watching it again.
    r"web[ -]?lectures?|webcolleges?|kennisclips?|terugkijken|re-?watch\w*|mediasite|kaltura|"
    # Greek, Russian, Ukrainian, Arabic, Korean, Vietnamese (a video, a recording, a film).
    r"βίντεο|βιντεο|видео\w*|видеозапись|відео\w*|запис\w*|фільм\w*|фильм\w*|"
    r"فيديو|الفيديو|تسجيل|영상|동영상|강의영상|ghi hình|הקלטה|הקלטת|סרטון|tallenne\w*|"
    r"înregistr\w*|inregistr\w*|rakaman|optagelse\w*|ویدیو|فیلم"
    r")\b"
    # Japanese and Chinese, inside a word: "講義動画", "讲座视频".
    r"|動画|録画|视频|录像|คลิป|วิดีโอ"
    # German compounds: "Kurzvideo", "Ersatzvideo", "Vorlesungsaufzeichnung": the word's end
    # after other letters. Written "\w+(?:video...)" it backtracked through every word of a
    # line, 70 us a line; as an ending, one pass.
    r"|\B(?:video|videos|aufzeichnung|aufzeichnungen|podcast|tallenne|tallenteet)\b"
    # A video's word first in a compound: "videoaula", "videoclase", "videolezione".
    r"|\bv[íi]deo[^\W\d_]{2,}"
    r"|[\U0001f3a7\U0001f4fa\U0001f3ac\u25b6\U0001f3a5]",
)
# What every video word holds, looked for with "in" first: the regex alone cost 11 us an item.
_VIDEO_HINTS = (
    "vid",
    "v\u00edd",
    "rec",
    "screencast",
    "podcast",
    "listen",
    "track",
    "watch",
    "clip",
    "aufzeichnung",
    "grabaci",
    "registr",
    "rakaman",
    "optagelse",
    "ویدیو",
    "فیلم",
    "คลิป",
    "วิดีโอ",
    "inspel",
    "opptak",
    "reg",
    "grava",
    "opname",
    "echo",
    "panopto",
    "replay",
    "動画",
    "録画",
    "视频",
    "录像",
    "rediff",
    "ascolt",
    "web",
    "kennisclip",
    "terugkijk",
    "mediasite",
    "kaltura",
    "youtube",
    "yt",
    "zoom",
    "document",
    "doku",
    "film",
    "βίντεο",
    "βιντεο",
    "영상",
    "ghi hình",
    "відео",
    "запис",
    "фільм",
    "הקלט",
    "סרטון",
    "tallenne",
    "фильм",
    "видео",
    "فيديو",
    "تسجيل",
    "\U0001f3a7",
    "\U0001f4fa",
    "\U0001f3ac",
    "\u25b6",
    "\U0001f3a5",
)


# A length in brackets as a player shows it, "6.1 Project intro (6:30)": a video's, in a
# section whose words say nothing.
_CLOCKED = regex.compile(r"\((?:\d{1,2}:)?\d{1,2}:\d\d\)")


def _says_video(body: str) -> bool:
    low = body.lower()
    for hint in _VIDEO_HINTS_ASCII:
        if hint in low:
            return _VIDEO_WORD.search(low) is not None
    if not low.isascii():
        # The hints in other scripts only where the text has some: most items are ASCII.
        for hint in _VIDEO_HINTS_WIDE:
            if hint in low:
                return _VIDEO_WORD.search(low) is not None
    return False


_VIDEO_HINTS_ASCII = tuple(hint for hint in _VIDEO_HINTS if hint.isascii())
_VIDEO_HINTS_WIDE = tuple(hint for hint in _VIDEO_HINTS if not hint.isascii())


# A title set apart, in quotes or in italics: "‘The Tyranny of a Construct’", "*Medieval Europe*".
_TITLED = regex.compile(
    '[\u2018\u201c"][^\u2018\u2019\u201c\u201d"]{8,}[\u2019\u201d"]|(?<!\\*)\\*[^*\\s][^*]{3,}\\*(?!\\*)|'
    "(?<![\\w])_[^_\\s][^_]{3,}_(?![\\w])"
)
# A year as a citation gives it: "(1974)", "(ed., 1991)", "142 (1994)".
_YEAR_CITED = regex.compile(r"\((?:eds?\.?,?[ \t]*)?(?:1[5-9]|20)\d\d[a-z]?\)")
_CAPITAL_CHAPTER = (
    r"Chapters?|Chaps?|Chs?|Kapitel|Kap|Cap[ií]tulos?|Capitolo|Capp?|Chapitres?|Hoofdstuk|Bab"
)
# A line that cites a work: an author and a year, chapters or pages, a DOI.
_CITATION = regex.compile(
    # "p. 4" in small letters ("P1" is an exam), "S. 45" (Seite) in capitals; a chapter's
    # word capitalised too ("Kap. 7", "Ch 3"), its common forms written out: the whole list
    # blind to case made every item's search 60% slower.
    rf"\(\d{{4}}[a-z]?\)|\b(?:{BOOK_CHAPTER_WORDS}|pp?|S|{_CAPITAL_CHAPTER})\.?[ \t]*\d|"
    r"\bdoi:|doi\.org/|"
    # A law book's section after its authors: "Medicus/Lorenz § 1 Rn. 1–30", "Looschelders
    # § 21"; not a code's ("BGB § 280"), in capitals, nor a section alone ("aus § 280 I").
    r"^[A-Z][^\W\d_]*[a-z\u00df-\u00ff][\w/'\u2019-]*(?:[ \t]+[A-Z][\w/'\u2019-]+)?"
    r"[ \t]+§§?[ \t]*\d|"
    # A Pandoc citation: "[@dowty1991]", "[see @levin1995, ch. 3]".
    r"\[[^\]\n]{0,40}?-?@[A-Za-z0-9_][\w:.#$%&+?<>~/-]*|"
    # "Smith 2004", "Brown et al. (1999)": a name and a year; but "Mon 0730-2000" and "Sat
    # 1900-0730" are a shift's hours, a clock range no year.
    r"\b[A-Z][a-z]+,?[ \t]+(?:et al\.?,?[ \t]+)?\(?(?:1[5-9]|20)\d\d\)?(?![-\u2013]?\d)|"
    r"\b[A-Z][\w'-]+ v\.? [A-Z]|"
    # "Favoreu, Droit constitutionnel", "Carré de Malberg, Contribution à ...": an author,
    # a comma, a title.
    r"^[A-Z][\w'\u2019-]+(?: [a-z]{1,3})?(?: [A-Z][\w'\u2019-]+)?, [A-Z\"\u00ab\u201c*_]|"
    # "Яковенко Н. Нарис історії …", "Kowalski J. Historia …": a surname, initials, a title.
    rf"^[{UPPER}][\w'\u2019-]+ [{UPPER}]\.(?: ?[{UPPER}]\.)? [{UPPER}\"\u00ab\u201c*_]|"
    # "Fuente: Manifiesto de los Persas", "Reading: …": a source to read, by its label.
    r"^(?i:fuente|source|quelle|fonte|bron|lectura|reading|lekt[üu]re|lettura|leitura)[ \t]*:|"
    r"\b(?i:article|artikel|art[íi]culo|articolo|artigo|extrait|excerpt|chapter|kapitel|"
    r"chapitre|cap[ií]tulo|capitolo)\b",
)
# The verbs of reading that open a task: "read", "leer", "lezen"…
_READ_VERBS = (
    "read|re-read|reread|skim|lesen|leer|lire|leggere|ler|lezen|läsa|læs|les|baca|czytać|przeczytać"
)
# "read 7.1", "read 11.2 series": a section of the course's book, named by its number.
_READ_SECTION = regex.compile(
    rf"(?i:{_READ_VERBS})[ \t:]+"
    r"\d{1,2}\.\d{1,2}(?:[-\u2013]\d{1,2}(?:\.\d{1,2})?)?(?![\d.,:/])"
)
# A line that is a note on the item above: an arrow, or a tab between words (a pasted table).
_NOTE_LINE = regex.compile(r"[ \t]*(?:\u21b3|\u2192|->|=>|>)")
_TAB_ROW = regex.compile(r"\S\t+\S")
# A plain line with a state: a tick, a box, DONE/TODO words; counted to tell whether the
# file lists its tasks as plain lines.
_MARKED = regex.compile(
    "[\u2713\u2714\u2705\u2611\U0001f5f8\u2717\u2718\u274c]|\\[[ xX/-]\\]|\\b(?:DONE|TODO)\\b|"
    r"[(\[](?:done|erledigt|hecho|fait|fatto|feito)[)\]]|\[(?:todo|to do)\]|~~|"
    r"[ \t][-\u2013\u2014][ \t]*(?i:done|todo|erledigt|fait|read|watched|seen)[ \t!.]*$"
    r"|[ \t](?:済|未)[ \t]*$"
    # An empty box or a sign of a task begun, opening the line: "⬜️ drug cards", "🔄 quiz 5".
    f"|^[{EMPTY_BOX_SIGNS}{STARTED_SIGNS}]"
)
_LONG_PROSE = 16
_TOC = regex.compile(
    r"[ \t]*(?:\[toc\]|\[\[_?toc_?\]\]|\{\{toc\}\}|\$\{toc\}|<!--[ \t]*toc[ \t]*-->)[ \t]*", re.I
)
# A line defining something: a sign between two terms ("possesso ≠ detenzione").
_GLOSS = regex.compile(r"[ \t](?:=|\u2260|\u2248|\u21d2)[ \t]|\u2260")
# A reply after an arrow on the line of a question asked by its sign.
_REPLY_ARROW = regex.compile(r"[ \t]+(?:->|\u2192|=>|\u21d2)[ \t]+(?=\S)")
# An answer under a question asked in its unit: "→ she said about 5", "A: yes".
# A quote's markers and the blank after them: "> ", "> > ".
_QUOTED = regex.compile(r"[ \t]*(?:>[ \t]?)+")
_ANSWER_UNDER = regex.compile(r"[ \t]*(?:\u2192|->|=>|\u21b3|(?i:a|answer|antwort|resp)[ \t]*:)")
# A plain line opening with its state, done or not: "✅ quiz 1", "⬜️ drug cards", "🔄 quiz 5".
_LEAD_STATE = regex.compile(
    # "☒": Word's and OneNote's ticked box, with the ticks.
    f"(?P<done>[{''.join(CHECK_MARKS)}\u2612])|[{CROSS_SIGNS}{EMPTY_BOX_SIGNS}{STARTED_SIGNS}]"
)
# A task that says to read, in any section: "leggere *Oktoberfest*, cap. 1–2".
_LOWER_WORD = regex.compile(r"(?<![\w'\-])[^\W\d_A-Z][^\W\d_]*(?![\w'\-])")
_READ_FIRST = regex.compile(rf"(?i:{_READ_VERBS})\b[ \t:]")
# A line indented under a label that opens with a tick or a cross: "  ✔ Giddens kap 1".
# A short title: up to three words, capitalised, no digits or closing punctuation but an
# abbreviation's dot ("Guest talk rec.").
_TITLE_WORDS = regex.compile(r"[^\W\d_][^\W\d_'\-]*(?:[ \t]+[^\W\d_][^\W\d_'\-]*){0,2}\.?")
# A line that opens with its box or its state word: "[x] manual ch 1", "DONE report 2".
_BOXED_NEXT = regex.compile(
    r"[ \t]*(?:\[[ xX/~-]\][ \t]|[\u2610\u2611\u2612]\ufe0f?[ \t]|(?:DONE|TODO)\b)"
)
# "✔ Red Bull (HBS)" under "Cases": a tick opening the line.
_TICK_NEXT = regex.compile(r"[\u2713\u2714\u2705\U0001f5f8][\ufe0e\ufe0f]?[ \t]")
# "ok", "yes" and their kin after an attendance label: there.
_YES_WORDS = frozenset(
    "ok okay yes y ja oui sí si sim yep present presente présent anwesend aanwezig evet "
    "tak ano igen kyllä ya hadir да".split()
)
_FIRST_WORD = regex.compile(r"[^\W\d_]+")
# A label and what it says on one line: "Yoklama: (tamam)".
_LABEL_SAYS = regex.compile(r"(?P<label>[^\W\d_]{2,20})[ \t]*:[ \t]+\S")
_TICKED_UNDER = regex.compile(
    "(?P<indent>[ \t]+)[\u2713\u2714\u2705\u2611\u2717\u2718\u274cx][\ufe0f]?[ \t]"
)
# An item that heads notes, not a task: "Prac notes", "🗒️ Notizen".
_NOTES_HEAD = regex.compile(
    r"\b(?:notes?|notizen|apuntes|notas|remarques|appunti|aantekeningen)\b|[\U0001f5d2\U0001f4dd]",
    re.I,
)
# What someone said: a name or a role, then a colon ("Priya: use C1V1", "TA: ...").
_SAYS = regex.compile(r"[A-Z][a-z.]{1,15}(?: [A-Z][a-z.]{1,15})?[ \t]*:[ \t]")
# A remark by its first word, at any depth: "nota: 7,5", "obs: ...", "feedback: ...".
_REMARK_LABEL = regex.compile(
    r"(?i:feedback|note|nb|tip|hint|comment|remark|anmerkung|hinweis|nota|comentario|remarque|rq|"
    r"opmerking|obs|observa[çc][ãa]o|osservazione)[ \t]*:[ \t]"
    # A warning to oneself: "attention aux o(x^n) !!!", "careful with signs".
    r"|(?i:attention|achtung|careful|warning|ojo|cuidado|attenzione|aten[çc][ãa]o|let op|"
    r"ne pas|don'?t|do not|remember|rappel|merke|nicht vergessen|no olvidar|lembrar|ricorda)\b"
    # A property ("Tutor:: Dr. Hollis", Logseq's, Roam's and Dataview's) or a tagged thought
    # ("#idea could be my essay angle").
    r"|[^\W\d_][\w \t]{0,20}::|#(?i:idea|note|thought|insight|tip|remark|reminder)\b"
    # Someone's word: "prof dice che è argomento da 30 e lode", "Dr K said skip 4.3".
    r"|(?:[^\W\d_][\w.]*[ \t]+){1,2}(?i:says|said|dice|ha detto|sagt|meint|meinte|dit|a dit|"
    r"dijo|diz|disse|zegt|zei)\b"
)
# A plain line that is a remark, not a task: in brackets, or about the writer.
_REMARK = regex.compile(
    # "-- spring break --": a divider between weeks, set off with dashes.
    r"-{2,}[ \t]|={2,}[ \t]|"
    r"[(\[{]|(?:i|i'm|im|i've|ive|my|we|we're|note|nb|n\.b\.|remember|reminder|ask|also|btw|"
    r"ps|p\.s\.|ich|mein|wir|yo|mi|je|mon|io|eu|ik|mijn)\b",
    re.I,
)


def _shown(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _width(indent: str) -> int:
    return len(indent.expandtabs(TAB_SIZE)) if "\t" in indent else len(indent)


class _OpenItem:
    """A list item that lines under it may still join, until a line as shallow closes it."""

    __slots__ = ("width", "index", "has_tasks", "children", "kind")

    def __init__(self, width: int, index: int) -> None:
        self.width = width
        self.index = index
        self.kind: SectionKind | None = None
        """The kind its words give the lines under it ("- videos" in an outline), if any."""
        self.has_tasks = False
        """A ticked or boxed line is under it: it is their group, not a task."""
        self.children: list[int] = []
        """The indexes of the items right under it."""


class _Reader:
    """Walks the lines once, keeping where it is (unit, section, open list, questions)."""

    def __init__(
        self, lines: list[str], blocks: Blocks, layout: Layout, kinds: SectionKinds
    ) -> None:
        self.course = Course(
            unit_word=layout.word, unit_form=layout.form, unit_word_given=layout.word_given
        )
        self.layout = layout
        self.blocks = blocks
        # With no unit headings (label lines, or none), "#" is the level of the title.
        self.level = layout.level or 1
        self.section_level = _section_level(blocks, layout)
        self.kinds = kinds
        self.week: Week | None = None
        self.section: Section | None = None
        self.in_thoughts = False
        self.thoughts_level = 0
        self.thoughts_bullet = -1
        """The questions' bullet's depth when a bullet heads them (Logseq), else -1."""
        self.thoughts_underline = 0
        self.seen_week = False
        self.intro_open = False
        self.weeks: dict[int, Week] = {}
        self.open_items: list[_OpenItem] = []
        # Most lists are flat: while the last entry is an item with nothing under it and
        # no other item is open, it has no record, only its indent width here (else -1).
        self.leaf_width = -1
        self.lines = lines
        self.plain_tasks = _plain_tasks(lines, blocks, layout)
        self.states_lead = self.plain_tasks and _states_lead(lines, layout)
        """Plain tasks open with their state, done and not done alike ("✅ quiz 1", "⬜️ drug
        cards"): a line opening with none is a note ("half life = 50% drop")."""
        self.states_needed = self.states_lead
        """Plain lines are tasks only where they say their state (a chat's too: ``parse``)."""
        self.legend = read_legend(lines[: min(layout.units, default=40)])
        """The marks the file's own legend explains ("✓ = read  ~ = skimmed  x = not read")."""
        self.end_signs = {
            sign: state
            for sign, state in self.legend.items()
            if sign[:1] in "[(" and len(sign) > 3 and state is not None
        }
        """The legend's words in brackets, which end an item: "MacCulloch, ch. 1 [read]",
        "Crompton, R. (2008) Class and Stratification, ch. 2. (read)"."""
        self.repeated_labels = _repeated_labels(lines) if len(layout.units) > 1 else set()
        """Short lines over a list that head lists in two units or more ("강의")."""
        self.labelled = False
        """The open section came from a label line in a unit (``Required Reading``)."""
        self.label_indented = False
        """Lines were indented under the label: a plain line at the margin ends its section."""
        self.ruled_off = 0
        """The rule after the last unit, until a line after it is placed on the General page."""
        self.column: Section | None = None
        """On a board of cards (``layout.cards``), the General page's section of the column
        being read (``## Backlog``): its cards go to their units, its other lines stay."""
        self.continued: set[int] = set()
        """Lines read as the end of the list item above them (``_go_on``)."""
        self.read_lines: dict[tuple[str, str | None], _ReadItem] = {}
        """Items read already, by their text and box: notes repeat lines ("- slides",
        "- a"), and reading one costs a dozen searches (260,000 alike took 2.7 s, 0.9 s so)."""
        self.videos_read: dict[str, bool] = {}
        self.boxed: set[int] = set()
        self.stated: set[int] = set()
        self.begun: set[int] = set()
        """Lines whose words say they are begun ("DOING Read: …")."""
        self.thoughts_end: dict[int, int] = {}
        """A question callout in a unit: its last line, where the unit goes on."""
        self.resume: tuple[int, Week | None, Section | None] = (0, None, None)
        self.strike_cancels = False
        self.strike_done = False
        """A strike is the file's tick: most marked lines are struck, ticked ones few."""
        """Done is ticked throughout (see ``_ticks_mark_done``): a strike is no tick."""
        self.struck_off: list[int] = []
        self.called_off: Week | None = None
        """The unit whose title or a line in it says its class did not happen: what is
        struck through in it was called off, not done ("~~presença~~")."""
        self.nest_until = 0
        """The last line of a question callout whose title is the question: its lines are
        read nested under it, as its answer."""
        self.callout_titles: dict[int, str] = {}
        self.callout_ends: dict[int, int] = {}
        """Question callouts' titles and last lines, by their first (``Callouts``)."""
        self.asking = False
        self.asked_quoted = False
        self.asked_width = 0
        """How far the question asked in its unit is indented: deeper lines answer it."""
        """The line before was a question asked in its unit (``layout.asked``) or its answer."""
        self.asked_first = False
        """The questions' line is the first question asked in a unit, no heading of theirs."""
        """Lines of items written with a task box (``[ ]``, ``[x]``, ``[/]``) or Tasks' fields."""

    def info(self, line: int, message: Message) -> None:
        self.course.diagnostics.append(Diagnostic(line, message))

    def open_section(self, title: str, line: int, level: int = 0, label: bool = False) -> Section:
        self.close_items()
        self.intro_open = False
        kind = self.kinds.kind(title) if title else _OTHER
        section = Section(title=title, kind=kind, line=line, level=level or self.section_level)
        if self.week is None and self.ruled_off:
            self.info(
                self.ruled_off,
                say(
                    "a rule after the last {unit}: the lines after it are on the General page",
                    unit=self.course.unit_word.lower(),
                ),
            )
            self.ruled_off = 0
        if self.week is None:
            if not self.course.general and not self.seen_week:
                if self.course.weeks:
                    before = say("section before the first unit; shown on the General page")
                else:
                    before = say(
                        "section before the first {unit}; shown on the General page",
                        unit=self.course.unit_word.lower(),
                    )
                self.info(line, before)
            self.course.general.append(section)
            self.column = section
        else:
            self.week.sections.append(section)
        if title and kind is _OTHER and not label:
            written = f"{'#' * section.level} {_shown(title)}"
            self.info(
                line,
                say(
                    "heading `{heading}` matched no section kind; add it under `sections:`",
                    heading=written,
                ),
            )
        self.section = section
        self.labelled = label and self.week is not None
        self.label_indented = False
        return section

    def current_section(self, line: int) -> Section:
        # Items or stray lines with no section heading above them get a section of their own.
        return self.section or self.open_section("", line)

    def callout_question(self, number: int) -> bool:
        """Read a question callout whose title asks as a question, the callout's lines its
        answer, nested under it ("> [!question] Why does gauge vs absolute matter?" over
        "> A: …"); False for a title that names the questions or asks nothing."""
        title = self.callout_titles.get(number, "")
        if not title or names_questions(title) or not (asks(title) or opens_as_question(title)):
            return False
        self.course.thoughts.append(SourceLine(number, f"- {title}"))
        self.nest_until = self.callout_ends[number]
        return True

    def read_thoughts(self, numbered: Iterator[tuple[int, str]]) -> None:
        """Take the lines of the questions as they are, up to a heading that ends them."""
        # A loop of its own: a tenth of a big file, read with no test for items.
        thoughts = self.course.thoughts
        units, headings, questions = self.layout.units, self.blocks.headings, self.layout.questions
        for number, line in numbered:
            if number in units:
                self.in_thoughts = False
                self.start_week(units[number])
                return
            if number in self.callout_titles and self.callout_question(number):
                continue  # "> [!question] … si può usare l'induzione forte?" among them
            if self.thoughts_bullet >= 0 and line.strip():
                depth = len(line) - len(line.lstrip())
                if depth <= self.thoughts_bullet and _LIST_LINE.match(line):
                    # "- random: TI-36X needs batteries" beside "- ## Office hours Qs".
                    self.in_thoughts = False
                    listed = _LIST_LINE.match(line)
                    indent, separator, box, said = listed.groups()  # type: ignore[union-attr]
                    self.item(number, indent, separator, box, said)
                    return
            heading = headings.get(number)
            # A "#" heading above the questions' own ends them; other headings group them,
            # and every other line is theirs as written (a "---" under a question is the
            # separator the questions' rules know, not a setext underline).
            if heading is not None and not heading.underline:
                if number in questions and heading.level <= self.thoughts_level:
                    self.start_thoughts(number, heading.level)
                    continue
                if heading.level < self.thoughts_level and number not in questions:
                    self.in_thoughts = False
                    self.heading(heading)
                    return
            until, week, section = self.resume
            if until and number > until:
                # The end of a question callout in a unit: the unit goes on.
                self.in_thoughts, self.week, self.section = False, week, section
                listed = _LIST_LINE.match(line)
                if number in self.blocks.verbatim:
                    self.verbatim(number, line)
                elif listed is not None:
                    indent, separator, box, said = listed.groups()
                    if line[len(indent) : len(indent) + 1].islower():
                        indent = _outline_indent(line, indent)
                    self.item(number, indent, separator, box, said)
                else:
                    self.other(number, line)
                return
            if number == self.thoughts_underline:
                continue  # the "===" under the questions' own heading, no question
            if number <= self.nest_until and line.strip():
                line = f"    {line}"
            thoughts.append(SourceLine(number, "" if line.isspace() else line))

    def other(self, number: int, line: str) -> None:
        """A line that is no list item and no heading: blank, label, task or note."""
        if not line or line.isspace():
            return
        if self.labelled:
            if line[:1] in " \t":
                self.label_indented = True
            elif self.label_indented:
                # "Lecturas:" over indented lines, then "Vídeo: La sociedad (12:45)" at the
                # margin: the indented lines were the label's, this one is the unit's again.
                self.close_items()
                self.section = None
                self.labelled = self.label_indented = False
        if not self.seen_week and not self.course.title and _TOC.fullmatch(line):
            # "[toc]" above the title: the editor's table of contents, shown as written with
            # the course's intro; the title is still the heading after it.
            self.course.intro.append(Note(repair(line.strip()), number))
            return
        if line.lstrip()[:2] == "%%" and line.rstrip()[-2:] == "%%" and len(line.strip()) > 4:
            # "%% repasar TODO el tema 3 %%": an Obsidian comment, whatever words it holds.
            self.note(number, line)
            return
        sign = _BOX_SIGN.match(line)
        if sign is not None:
            # "☐ Quiz 4", "☑ Lecture 4a": OneNote's and Word's boxes, as "[ ]" and "[x]".
            line = f"{sign['indent']}[{BOX_SIGNS[sign['sign']]}] {line[sign.end() :]}"
        boxed = _BOX_LINE.match(line) if "[" in line[:8] else None
        if boxed is not None:
            box = boxed["box"]
            if box in "/~-":
                # "[~]" is begun, as "[/]" (the marks read "[/]" and "[-]" in the text).
                shown = "/" if box == "~" else box
                self.item(number, boxed["indent"], None, None, f"[{shown}] {boxed['text']}")
            else:
                self.item(number, boxed["indent"], None, box, boxed["text"])
            return
        stripped = line.strip()
        if len(stripped) <= 64:
            title = label_text(line)
            if title is not None and len(title.split()) <= 6:
                kind = self.kinds.kind(title)
                if kind is not _OTHER or self.week is not None:
                    self.open_section(repair(title), number, label=True)
                    return
        if (
            self.week is not None
            and len(stripped) <= 40
            # "GUEST TALK (recorded, on Canvas)": the words before a remark in brackets.
            and len(ASIDE_AT_END.sub("", stripped).split()) <= 4
            and number < len(self.lines)
            # "  Cases" over "  ✓ Carlill v Carbolic": indented as its lines, in every unit.
            and (line[:1] not in " \t" or stripped.casefold() in self.repeated_labels)
            and not _MARKED.search(stripped)
            and (
                (
                    _LIST_LINE.match(self.lines[number])
                    # A bare "-" under it is a placeholder, no list: "read ch 11" over "-".
                    and len(self.lines[number].strip()) > 1
                    and (
                        self.kinds.kind(stripped) is not _OTHER
                        or self.lines[number][:1] in " \t"
                        or stripped.casefold() in self.repeated_labels
                        # "Section", "Due this week" among labels that name kinds: a unit
                        # pasted from a course page, each group under a short title.
                        or (
                            self.labelled
                            and stripped[:1].isupper()
                            and _TITLE_WORDS.fullmatch(stripped) is not None
                        )
                    )
                )
                or _TICKED_UNDER.match(self.lines[number])
                or _BOXED_NEXT.match(self.lines[number])
                # "Cases" over "✔ Red Bull (HBS)"; "registrazione 1:29:55" over "✓ Frampton"
                # is a task, its length no label's.
                or (_TICK_NEXT.match(self.lines[number]) and not _DIGIT.search(stripped))
                # "Video" over "đã xem – Ghi hình buổi 3": the file's own label, over lists
                # in its other units, whatever this one's first line looks like.
                or stripped.casefold() in self.repeated_labels
            )
        ):
            # "Lecture recordings", "Essential reading" over a list, "Övrigt" over lines
            # ticked and indented under it, "prelab reading" over "[x] …" or "DONE …"
            # lines: a label without a colon.
            self.open_section(repair(stripped), number, label=True)
            return
        said = _LABEL_SAYS.match(line) if self.week is not None and ":" in line else None
        if said is not None and self.kinds.kind(said["label"]) is SectionKind.ATTENDANCE:
            # "Yoklama: (tamam)", "Attendance: ✓", "Anwesenheit: gefehlt": the unit's
            # attendance as one task, its state in the words after the label; "Presença:
            # ok", "Attendance: yes" tick it.
            answer = _FIRST_WORD.match(line, said.end() - 1)
            yes = answer is not None and answer.group().casefold() in _YES_WORDS
            self.item(number, "", None, "x" if yes else None, stripped)
            return
        ticked = _TICKED_UNDER.match(line) if self.week is not None else None
        if ticked is not None:
            # "  ✔ F1 Introduktion (1:28:40)": a task written without its bullet, indented
            # under its label.
            if stripped[:1] == "x":
                # "  x närvaro" among "  ✔ …": an x ticks it, as in a box.
                self.item(number, ticked["indent"], None, "x", stripped[1:].lstrip())
            else:
                self.item(number, ticked["indent"], None, None, stripped)
            return
        under_label = line[:1] in " \t" and self.labelled and not self.open_items
        if (
            self.week is not None
            and not self.plain_tasks
            and (line[:1] not in " \t" or under_label)
            and (
                _MARKED.search(stripped)
                # Indented under its label, a line saying its state or its due date.
                or (
                    under_label
                    and (
                        read_state(stripped)[1] is not None
                        or ("due" in stripped.lower() and read_due(stripped)[0] is not None)
                    )
                )
                # "Formative essay: … — submit by Fri 15 Nov (not started)": a line among
                # the list's items that says both its state and its due date.
                or (
                    may_say_due(stripped)
                    and read_state(stripped)[1] is not None
                    and read_due(stripped)[0] is not None
                )
            )
            and not stripped.endswith((":", "?"))
        ):
            # A line with a tick or a [done] among bullets: a task written without its bullet;
            # indented under its label ("Due:" over "  Response paper 1 — submitted ✓", or
            # "  Response paper 4 — due Nov 8") too: a task as written, among boxed ones too.
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            self.item(number, indent, None, None, stripped)
            if under_label:
                self.stated.add(number)
            return
        if (
            self.plain_tasks
            and self.week is not None
            and (
                line[:1] not in " \t"
                # "Lecturas:" over "  Villares y Bahamonde, cap. 1 - hecho": indented under
                # its label, a line saying its state as the file's tasks do.
                or (under_label and (_MARKED.search(stripped) or _said_at_an_end(stripped)))
            )
            and not _REMARK.match(stripped)
            and not _TAB_ROW.search(stripped)
            and not _NOTE_LINE.match(line)
            # A long line is prose, but one ending with the legend's word for a state
            # ("Williams, R. (1958) ‘Culture is ordinary’, in … pp. 3–18. (read)").
            and (len(stripped.split()) <= _LONG_PROSE or self.end_sign(stripped)[1] is not None)
            and not stripped.endswith((":", "?"))
            and not STAMP.fullmatch(stripped)
            # "possesso ≠ detenzione!!", "capacità giuridica = dalla nascita": what was
            # learnt, saying no state, is no task.
            and (not _GLOSS.search(stripped) or read_state(stripped)[1] is not None)
            and (
                not self.states_needed
                or _LEAD_STATE.match(stripped) is not None
                or _MARKED.search(stripped) is not None
                or read_state(stripped)[1] is not None
                or self.end_sign(stripped)[1] is not None
            )
        ):
            self.item(number, "", None, None, stripped)
            return
        self.note(number, line)

    def note(self, number: int, line: str) -> None:
        """A line of text: the course's intro, a note in its section or on the item above."""
        text = repair(line.strip())
        if self.intro_open:
            self.course.intro.append(Note(text, number))
            return
        section = self.current_section(number)
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        width = _width(indent)
        if _NOTE_LINE.match(line) and (self.leaf_width >= 0 or self.open_items):
            # "↳ took ages", "→ see lab manual": about the item above, however indented.
            width = (self.leaf_width if self.leaf_width >= 0 else self.open_items[-1].width) + 1
        depth = self.nest(width)
        if (
            self.week is not None
            and not depth
            and len(section.entries) < 3
            and len(self.week.sections) < 2
            and says_no_class(text)
        ):
            # Said among the unit's first lines ("NÃO TEVE AULA - faltou reagente").
            self.called_off = self.week
        section.entries.append(Note(text, number, depth))

    def verbatim(self, number: int, line: str) -> None:
        """A line of fenced code or of a table: the block goes on, or one starts here."""
        text = repair(line)
        starts = self.blocks.verbatim_starts
        if number in starts:
            block = Verbatim(text.strip(), number, lines=[text], table=starts[number])
            if self.intro_open:
                self.course.intro.append(block)
            else:
                section = self.current_section(number)
                self.nest(0)
                section.entries.append(block)
            return
        entries = self.course.intro if self.intro_open else self.current_section(number).entries
        last = entries[-1] if entries else None
        if isinstance(last, Verbatim) and last.last == number - 1:
            last.lines.append(text)
        else:
            self.note(number, line)

    def nest(self, width: int) -> int:
        """Close the open items at ``width`` or deeper; the depth of a line there."""
        if self.leaf_width >= 0:
            if width > self.leaf_width:
                # A line under the last item: the item is open, and needs its record now.
                index = len(self.section.entries) - 1  # type: ignore[union-attr]
                self.open_items.append(_OpenItem(self.leaf_width, index))
            self.leaf_width = -1
        open_items = self.open_items
        while open_items and open_items[-1].width >= width:
            self.close_item(open_items.pop())
        return len(open_items)

    def close_item(self, item: _OpenItem) -> None:
        """Decide what a finished list item is, now that the lines under it are known."""
        entries = self.section.entries  # type: ignore[union-attr]
        if item.index == len(entries) - 1:
            return
        entry = entries[item.index]
        if item.has_tasks:
            # A ticked or boxed line under it: the nested lines are the tasks, it their group.
            if isinstance(entry, Item):
                # Its own tick and due date stay with it: done when ticked or when every
                # task under it is (all below it in the list are under it, as it closes).
                under = [e for e in entries[item.index + 1 :] if isinstance(e, Item)]
                done = entry.done or bool(under) and all(task.done for task in under)
                entries[item.index] = Group(
                    self.item_text(entry.line),
                    entry.line,
                    entry.depth,
                    due=entry.due,
                    ticked=entry.done,
                    done=done,
                )
            if self.open_items:
                self.open_items[-1].has_tasks = True
            return
        # Nothing under it is ticked or boxed: the nested lines are notes on it. Only the
        # items right under it are left to turn: those deeper turned when their own item
        # closed (had any of them had tasks, this item would have too).
        for position in item.children:
            entry = entries[position]
            if isinstance(entry, Item):
                entries[position] = Note(self.item_text(entry.line), entry.line, entry.depth)
        entry = entries[item.index]
        if isinstance(entry, Item) and not entry.done and _NOTES_HEAD.search(entry.text):
            # "🗒️ Prac notes" over lines of notes (a Notion toggle): their heading, no task.
            entries[item.index] = Note(entry.text, entry.line, entry.depth)

    def sounds_video(self, body: str) -> bool:
        """True when an item's words say it is a video and it gives a length (read once)."""
        known = self.videos_read.get(body)
        if known is None:
            known = _says_video(body) and _has_length(body)
            if len(self.videos_read) < _MEMO:
                self.videos_read[body] = known
        return known

    def worded_exercise(self, before: str) -> bool:
        """True when a word in lower case before a citation names exercises: "textbook
        problems ch 4 #1-6", "latihan bab 3"; not "Problems of Philosophy, ch. 2" (a title),
        nor "hw: read ch 4" (a reading all the same)."""
        if _READ_FIRST.search(before) or not before.strip():
            return False
        return any(
            self.kinds.kind(word) is SectionKind.EXERCISES for word in _LOWER_WORD.findall(before)
        )

    def cell_kind(self, body: str) -> SectionKind:
        """The kind a table row's own cell names: "Extra problems ch. 8 · Homework · …" is
        an exercise, "Mankiw ch. 8 · Reading" a reading (the row's cells joined by "·")."""
        for cell in body.split(" \u00b7 ")[1:]:
            if len(cell.split()) <= 2:
                kind = self.kinds.kind(cell)
                if kind is not _OTHER:
                    return kind
        return _OTHER

    def parent_kind(self, entries: list[Item | Note]) -> SectionKind:
        """The kind the item above gives its nested lines: "- videos" over a list of them."""
        parent = self.open_items[-2] if len(self.open_items) > 1 else None
        if parent is None:
            return _OTHER
        if parent.kind is None:
            text = entries[parent.index].text
            parent.kind = (
                self.kinds.kind(text) if len(text) <= 30 and len(text.split()) <= 3 else _OTHER
            )
        return parent.kind

    def item_text(self, number: int) -> str:
        """An item line's text as written, less its marks (a video's duration kept)."""
        # Read again from the line, rare enough: kept for every item, it slowed them all.
        listed = _LIST_LINE.match(self.lines[number - 1])
        if listed is None or listed["text"] is None:
            return repair(self.lines[number - 1].strip())
        return _read_marks(listed["text"], listed["box"])[0]

    def close_items(self) -> None:
        self.leaf_width = -1
        while self.open_items:
            self.close_item(self.open_items.pop())

    def heading(self, heading: Heading) -> None:
        """A heading that is no unit and no questions: the title, a section, or a sub-heading."""
        number, level, title = heading.line, heading.level, repair(heading.title)
        if not title:
            # "#" alone: an empty heading, shown as written.
            self.note(number, self.lines[number - 1])
            return
        odd = self.not_a_unit(title)
        if self.layout.cards and self.week is not None:
            # A board's column ("## Doing"): its own section, whatever card came last.
            self.close_items()
            self.week = None
        if level <= self.level:
            if not self.seen_week:
                if not odd and not (
                    self.course.title or self.course.general or self.course.thoughts_line
                ):
                    # Above the first unit, the first such heading names the course.
                    self.course.title = title
                    self.course.title_line = number
                    self.intro_open = True
                    return
                if odd:
                    self.info(number, say("{why}; its lines are on the General page", why=odd))
                self.week = None
                self.open_section(title, number, level, label=bool(odd))
                return
            # Not a unit, at a unit's level or above: its lines are its own, not the unit's.
            self.close_items()
            self.week = None
            word = self.course.unit_word
            written, form = f"{'#' * level} {_shown(title)}", f"{'#' * self.level} {word} N"
            why = odd or say(
                "heading `{heading}` is not a {unit} (`{form}`)",
                heading=written,
                unit=word.lower(),
                form=form,
            )
            self.info(number, say("{why}; its lines are on the General page", why=why))
            self.open_section(title, number, level, label=True)
            return
        if level <= self.section_level:
            self.open_section(title, number, level)
            return
        # Deeper still: a sub-heading within the section, shown there.
        section = self.current_section(number)
        self.close_items()
        self.intro_open = False
        section.entries.append(Subheading(title, number, 0, level))

    def card(self, unit: Unit, number: int) -> None:
        """Go to the unit a card names, into the section of the column it stands in."""
        week = self.weeks.get(unit.numbers[0])
        if week is None:
            week = Week(
                number=unit.numbers[0],
                line=number,
                numbers=unit.numbers,
                word=self.course.unit_word,
                form=self.course.unit_form,
            )
            for week_number in unit.numbers:
                self.weeks[week_number] = week
            self.course.weeks.append(week)
        self.close_items()
        self.seen_week = True
        self.week = week
        title = self.column.title if self.column is not None else ""
        section = next((s for s in week.sections if s.title == title), None)
        if section is None:
            self.open_section(title, number, label=True)
        else:
            self.section = section
        # The column names the section, no label over lines: a line indented under a card
        # is a note on it ("watched about half"), not a task stated under a label.
        self.labelled = False

    def leave_cards(self) -> None:
        """A card naming no unit: back to its column's section on the General page."""
        self.close_items()
        self.week = None
        self.section = self.column

    def end_sign(self, text: str) -> tuple[str, str | None]:
        """An item ending with a sign of the legend's in brackets ("Roper, ch. 4 [skimmed]"
        where "[skimmed] = got through it"): its text and the box the sign stands for."""
        for sign, state in self.end_signs.items():
            if text.endswith(sign) and text[: -len(sign)][-1:] in (" ", "\t"):
                return _boxed(state, text[: -len(sign)].rstrip(" \t"))
        return text, None

    def by_legend(self, number: int, line: str) -> bool:
        """A line opening with a sign the file's legend explains ("x Stevenson v McLean" where
        "x = not read", "– the myth" where "– note"): read as it says; False for others."""
        stripped = line.strip()
        sign, _, rest = stripped.partition(" ")
        if sign not in self.legend or not rest.strip():
            return False
        state = self.legend[sign]
        indent = line[: len(line) - len(line.lstrip())]
        text = rest.strip()
        if state is None:
            self.note(number, f"{indent}{text}")
        elif state is State.OPEN and read_state(text)[1] is not None:
            # "- Problem seti 1 (tamam)" where "- = offen": its own words say more.
            self.item(number, indent, None, None, text)
        else:
            text, box = _boxed(state, text)
            self.item(number, indent, None, box, text)
        return True

    def after_units(self, number: int) -> None:
        """A rule after the last unit written on a line of its own: what follows it goes to
        the General page."""
        self.close_items()
        self.week = None
        self.section = None
        self.labelled = False
        self.ruled_off = number  # said where a line after it goes to the General page

    def outside_units(self, number: int, text: str) -> None:
        """An outline's outermost bullet that is no unit: a section of the General page."""
        self.close_items()
        self.week = None
        title = repair(text.replace("[[", "").replace("]]", "").strip())
        self.info(
            number,
            say(
                "`{title}` is not a {unit}; its lines are on the General page",
                title=_shown(title),
                unit=self.course.unit_word.lower(),
            ),
        )
        self.open_section(title, number, label=True)

    def not_a_unit(self, title: str) -> Message | None:
        """Why a heading that looks like a unit is none (no number, too big), else None."""
        word = self.course.unit_word
        found = _UNIT_WORD.match(title)
        if found is None or not _same_word(found["word"], word):
            return None
        digits = found["digits"]
        if not digits:
            return say("{unit} heading without a number", unit=word.lower())
        shown = digits if len(digits) <= 12 else digits[:12] + "..."
        return say(
            "{unit} {number} is above {most}", unit=word.lower(), number=shown, most=MAX_WEEK
        )

    def asked(self, number: int, line: str) -> None:
        """A question in its unit behind a sign ("❓ why is X?"): one of the questions."""
        thoughts = self.course.thoughts
        # "> **Frage:** Ist f ∈ O(g) …?": asked in a quote, its answer quoted under it.
        quoted = _QUOTED.match(line)
        self.asked_quoted = quoted is not None
        if quoted is not None:
            line = line[quoted.end() :]
        # Behind its sign ("❓ why …?") or its label ("dúvida p/ monitor: a temperatura …?").
        text = line.lstrip("\u2753\u2754\ufe0f \t")
        if text[:2] == "??":
            text = text[2:].lstrip(" \t")  # "?? is the regularity condition needed": its sign
        elif line.lstrip(" \t")[:1] not in "\u2753\u2754" and "??" not in line:
            text = text.partition(":")[2].lstrip(" \t*_") or text
        listed = _LIST_LINE.match(text)
        if listed is not None and listed["text"] and listed["box"] is None:
            text = listed["text"]  # "- why X??": the bullet is the entry's own
        # A list item: an entry of its own, asking or not ("ask if skip lists are on it").
        replied = _REPLY_ARROW.search(text)
        if replied is not None and not text[: replied.start()].rstrip().endswith("?"):
            # "?? can the cheat sheet be typed -> no, handwritten only": asked by its sign,
            # its reply after the arrow, on the line's own number as an answer under it.
            thoughts.append(SourceLine(number, f"- {text[: replied.start()]}"))
            arrow = replied.group().strip()
            thoughts.append(SourceLine(number, f"  {arrow} {text[replied.end() :]}"))
        else:
            thoughts.append(SourceLine(number, f"- {text}"))
        self.asking = True
        self.asked_width = _width(line[: len(line) - len(line.lstrip())])
        self.course.asked_at.append(number)
        if not self.course.thoughts_line:
            self.course.thoughts_line = number
            self.asked_first = True

    def start_thoughts(self, number: int, level: int) -> None:
        self.close_items()
        self.resume = (self.thoughts_end.get(number, 0), self.week, self.section)
        self.in_thoughts = True
        self.thoughts_level = level
        heading = self.blocks.headings.get(number)
        self.thoughts_underline = heading.underline if heading is not None else 0
        start = self.lines[number - 1]
        # "- ## Office hours Qs" (Logseq): a bullet heading the questions under it; the next
        # bullet at its depth or shallower ends them.
        self.thoughts_bullet = (
            len(start) - len(start.lstrip()) if start.lstrip()[:2] in ("- ", "* ") else -1
        )
        self.intro_open = False
        self.week = self.section = None
        if self.course.thoughts_line and not self.asked_first:
            self.info(number, say("a second questions heading; its lines join the first"))
            self.course.thoughts_joined_at.append(number)
        else:
            # The list's own heading, after questions asked in their units.
            self.course.thoughts_line = number
            self.asked_first = False

    def start_week(self, unit: Unit) -> None:
        number, numbers = unit.line, unit.numbers
        self.close_items()
        self.in_thoughts = self.intro_open = False
        self.seen_week = True
        self.section = None
        title, label = repair(unit.title), repair(unit.label)
        again = next((n for n in numbers if n in self.weeks), None)
        if again is not None:
            existing = self.weeks[again]
            self.info(
                number,
                say(
                    "{unit} {number} appears again (first at line {first}); its sections join "
                    "the first",
                    unit=existing.word.lower(),
                    number=again,
                    first=existing.line,
                ),
            )
            self.week = existing
            existing.joined_at.append(number)
            # A second title or date is kept too: nothing the student wrote is dropped.
            if label and label != existing.date_label:
                if existing.date_label:
                    title = f"({label}) {title}".rstrip()
                else:
                    existing.date_label = label
                    existing.date = heading_date(label, "")
            if title and title != existing.title:
                existing.title = f"{existing.title} / {title}" if existing.title else title
            return
        written = heading_date(label, title)
        refused = year_refused(label or title[:10])
        if written is None and refused is not None:
            self.info(
                number,
                say(
                    "the date's year {year} is outside {first}-{last}; the {unit} is not placed "
                    "in the calendar (write the term's real date)",
                    year=refused,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                    unit=self.course.unit_word.lower(),
                ),
            )
        self.week = Week(
            number=numbers[0],
            line=number,
            title=title,
            numbers=numbers,
            date_label=label,
            date=written,
            word=self.course.unit_word,
            form=self.course.unit_form,
        )
        for week_number in numbers:
            self.weeks[week_number] = self.week
        if says_no_class(title):
            self.called_off = self.week
        self.course.weeks.append(self.week)

    def item(
        self,
        number: int,
        indent: str,
        separator: str | None,
        box: str | None,
        text: str,
    ) -> None:
        """A list line (``-``, ``*``, ``+``, ``1.``, ``1)``, ``•``), or a ``---`` separator."""
        # The hot path of a big file: kept to few calls on purpose.
        if separator is not None:
            return
        if box is None and text[:1] in BOX_SIGNS and (sign := _BOX_SIGN.match(text)) is not None:
            # "-   ☒ CM (présente)": Word's box after the bullet, as "- [x] CM".
            box, text = BOX_SIGNS[sign["sign"]], text[sign.end() :]
        if self.end_signs and box is None and text[-1:] in "])":
            text, box = self.end_sign(text)
        section = self.section or self.current_section(number)
        read = self.read_lines.get((text, box))
        if read is None:
            read = _read_item(text, box)
            if len(self.read_lines) < _MEMO:
                self.read_lines[(text, box)] = read
        body, state, fields, worded, started, placeholder = read
        if (
            self.called_off is not None
            and self.called_off is self.week
            and "~~" in text
            # "*riscado = feito*": where a strike is the file's tick, a struck line in a
            # class called off was done all the same (read at home).
            and not self.strike_done
        ):
            worded, state = State.CANCELLED, None
        elif (
            self.strike_cancels
            and state is True
            and box is None
            and "~~" in text
            and not any(mark in text for mark in CHECK_MARKS)
        ):
            # "~~αμφ. Πε~~" where every done line is ticked: struck off, not done.
            worded, state = State.CANCELLED, None
            self.struck_off.append(number)
        if placeholder:
            section.placeholder_lines.append(number)
            return
        entries = section.entries
        width = len(indent) if "\t" not in indent else _width(indent)
        if width == self.leaf_width:
            # Most items: next to one with nothing under it, which stays as it is.
            depth = 0
        else:
            depth = self.nest(width)
            if depth:
                parent = self.open_items[-1]
                if state is not None and (
                    box is not None
                    or (
                        entries[parent.index].line not in self.boxed
                        # "halfway. dense af" under "DOING Read: Frampton": a note on a task
                        # whose own words say it is begun.
                        and entries[parent.index].line not in self.begun
                        # "подивилась десь половину" (watched about half), "got half way,
                        # stopped at the branches bit" under a video with its length: how far
                        # it was watched, no task of its own.
                        and not (
                            worded is State.STARTED
                            and _opens_begun(body)
                            and not _has_length(body)
                            and isinstance(entries[parent.index], Video)
                            and entries[parent.index].duration is not None  # type: ignore[attr-defined]
                        )
                    )
                ):
                    # Not for a tick or words alone under a boxed task: "submitted
                    # 11:48pm" under "[x] Response paper 1", "make heap ✓" under "[~] PA2"
                    # are notes on it, its box its only state.
                    parent.has_tasks = True
                parent.children.append(len(entries))
                self.open_items.append(_OpenItem(width, len(entries)))
            else:
                self.leaf_width = width
        if worded is State.CANCELLED:
            entries.append(Cancelled(repair(body), number, depth))
            return
        if (
            state is None
            and worded is None
            and (
                _REMARK_LABEL.match(body)
                or (depth and _SAYS.match(body))
                # "%% repasar el tema 3 %%": an Obsidian comment, hidden where it is read.
                or (body[:2] == "%%" and body[-2:] == "%%" and len(body) > 4)
                # "(la profe dice que Tortella es lo mínimo)": an aside, all in brackets.
                or (
                    body[:1] == "("
                    and body[-1:] == ")"
                    and body.count(")") == 1
                    and len(body.split()) >= 3
                )
            )
        ):
            # "Priya: cite Robinson" under a task: someone's advice, a note on it.
            entries.append(Note(repair(body), number, depth))
            return
        due = None
        if "due" in fields:
            due = read_date(fields["due"])
        elif may_say_due(body):
            due, problem = read_due(body)
            if problem:
                self.info(number, problem)
        kept = tuple(fields.items())
        if box is not None or fields or text[:1] == "[" or text[:2] == "{{" or "::" in text:
            # "{{": Roam's "{{[[TODO]]}}", read as a box; "::", Dataview's "[status:: done]".
            self.boxed.add(number)
        elif worded is not None:
            # Words saying the state ("Seminar 3 — missed"): a task as written, even among
            # boxes.
            self.stated.add(number)
            if worded is State.STARTED:
                self.begun.add(number)
        kind = section.kind
        if depth and kind is _OTHER:
            kind = self.parent_kind(entries)
        if kind is _OTHER and self.week is not None:
            # In a unit, an item's own label or a row's own cell may name its kind; on the
            # General page "textbook: Wasserman, All of Statistics" stays a line about the
            # course, as it was.
            kind = _label_kind(body, self.kinds)
            if kind is _OTHER and " \u00b7 " in body:
                kind = self.cell_kind(body)
        done = state is True
        if (
            kind is _VIDEOS
            or (kind is not _READINGS and self.sounds_video(body))
            or (kind is _OTHER and "(" in body and _CLOCKED.search(body) is not None)
        ):
            title, seconds, seen = find_duration(body)
            seen = None if done else seen
            entries.append(
                Video(
                    title,
                    done,
                    number,
                    depth,
                    seconds,
                    due=due,
                    started=started or seen is not None,
                    fields=kept,
                    watched=seen,
                )
            )
        elif (
            kind is _READINGS
            or (
                kind is _OTHER
                and (cited := _CITATION.search(body)) is not None
                and not _says_video(body)
                and not _signed_other(body)
                and not self.worded_exercise(body[: cited.start()])
            )
            or (
                (verb := _READ_FIRST.match(body)) is not None
                and (
                    (kind is _OTHER and _names_a_work(body[verb.end() :]))
                    or _CITATION.search(body)
                    or _READ_SECTION.match(body)
                )
            )
            # "E. A. R. Brown, ‘The Tyranny of a Construct’, *AHR* 79 (1974)" under a seminar:
            # a work cited with its title set apart and its year, in any section.
            or (_TITLED.search(body) and _YEAR_CITED.search(body) and not _says_video(body))
        ):
            entries.append(
                Reading(body, done, number, depth, due=due, started=started, fields=kept)
            )
        else:
            entries.append(Item(body, done, number, depth, due=due, started=started, fields=kept))


def _opens_begun(text: str) -> bool:
    """Whether a line says begun in its first three words ("got half way, stopped at …")."""
    words = text.split()
    return len(words) <= 3 or read_state(" ".join(words[:3]))[1] is State.STARTED


def _names_a_work(text: str) -> bool:
    """Whether what is to be read names a work: "Trust O2 prescribing policy", "the AJP
    paper", "the pin factory bit from Adam Smith"; not "syllabus" or "my notes", a course's
    own papers in a word or two."""
    return any(char.isupper() or char.isdigit() for char in text) or len(text.split()) >= 3


def _boxed(state: State, text: str) -> tuple[str, str | None]:
    """An item's text and box as a legend's state gives them: begun and called off as the
    marks "[/]" and "[-]" the reader knows in the text, done and not done as a box."""
    if state is State.STARTED:
        return f"[/] {text}", None
    if state is State.CANCELLED:
        return f"[-] {text}", None
    return text, "x" if state is State.DONE else " "


def _signed_other(body: str) -> bool:
    """True when an item opens with another kind's sign: "✏️ Workbook p. 3–6" is an exercise,
    its pages no citation."""
    kind = SECTION_SIGNS.get(body[:1])
    return kind is not None and kind is not _READINGS


_UNIT_WORD = regex.compile(r"(?P<word>[^\W\d_]+)\.?[ \t]*(?P<digits>\d*)(?!\w)")


def _same_word(written: str, word: str) -> bool:
    """True when a heading's word is the unit's (``wk`` and ``Week``, ``Lec`` and ``Lecture``)."""
    written, word = written.lower(), word.lower()
    return (
        written == word
        or (written.endswith("s") and written[:-1] == word)
        or (word == "week" and written in ("w", "wk", "wks"))
    )


# "exam timetable TBA": what will come, not a task yet; "rdg tbd", a word and then nothing.
_NOT_YET = regex.compile(r"\bTB[ACD]\b[ \t.!)]*$|^[^\W\d_]+[ \t:]+(?i:tb[acd])[ \t.!]*$")
# Numbers and operators only: "3 x" is a product there, not a tick.
_ARITHMETIC = regex.compile(r"[\d\s.,+\-*/xX()=]+")
# A lone x after a line's words, before a length or not: its tick ("Hunt pp1-32 x").
_TRAILING_X = regex.compile(
    # Lower case only: "Part X" is part ten.
    # After a word or a closing bracket: "skiena ch 4 sorting (war stories are fun) x".
    r"(?<=[^\W_]|[)\]])[ \t]+x"
    r"(?=[ \t]*$|[ \t]+\(?(?:\d{1,2}:)?\d{1,2}(?::\d\d|[ \t]?m(?:in)?)\)?[ \t]*$)"
)
# "Lecture 20: — TBA —", "Lecture recording: TBA": a label, then nothing yet.
_LABELLED = regex.compile(
    r"[^\W\d_][\w.]*(?:[ \t]+[^\W\d_][\w.]*){0,2}[ \t]*\d{0,3}(?::|[ \t]+[\-\u2013\u2014])[ \t]+"
)


_LABEL_ENDS = (":", "-", "\u2013", "\u2014")


def _placeholder(body: str) -> bool:
    """True when an item says there is nothing (yet), alone or after its label."""
    # String tests first: "tb" and a label's colon or dash are in few items, and the two
    # searches they guard cost 3.1 of the 3.9 us this took an item (timeit, synthetic notes).
    if _PLACEHOLDER.fullmatch(body) or ("tb" in body.lower() and _NOT_YET.search(body)):
        return True
    if not any(sign in body for sign in _LABEL_ENDS):
        return False
    label = _LABELLED.match(body)
    rest = body[label.end() :].strip(" \t-\u2013\u2014") if label else ""
    return bool(rest) and bool(_PLACEHOLDER.fullmatch(rest))


# Hours of work, not of watching: "Placement shift Mon 3/3 (8h)", "Praktikum (6 Std.)".
_WORK_HOURS = regex.compile(
    r"\b(?i:shifts?|placement|clinicals?|practicum|rotation|on[ -]call|schicht|dienst|praktikum|"
    r"stage|guardia|planth?[ãa]o|tirocinio|volunteering)\b"
)


def _watch_length(body: str) -> bool:
    """A length a video could have: not the hours of a shift or a placement."""
    return _has_length(body) and not _WORK_HOURS.search(body)


def _has_length(body: str) -> bool:
    # Every length has a digit: one search rules out most lines before the duration grammar.
    return _DIGIT.search(body) is not None and find_duration(body)[1] is not None


_DIGIT = regex.compile(r"\d")
_MEMO = 1 << 16
_ReadItem = tuple[str, "bool | None", dict[str, str], "State | None", bool, bool]


def _read_item(text: str, box: str | None) -> _ReadItem:
    """An item line's text read: (its text less marks, done or not or None, Tasks' fields,
    the state its words give, started, a placeholder)."""
    body, state = _read_marks(text, box)
    # A string test first: the regex on every item ending in a digit cost 4% of the read.
    if state is None and (body.endswith(" x") or " x " in body):
        crossed = _TRAILING_X.search(body)
        if crossed is not None and not _ARITHMETIC.fullmatch(body):
            # "Hunt pp1-32 x", "lec6 engels x 38m": an x after the words ticks the line.
            body, state = body[: crossed.start()] + body[crossed.end() :], True
    fields: dict[str, str] = {}
    if not body.isascii() or "@{" in body or "::" in body:
        body, fields = read_fields(body)
        if "done" in fields:
            state = True
    started = False
    # Words say the state only where no tick did: "A2 started ✓" is done, as written.
    body, worded = read_state(body) if state is not True else (body, None)
    if state is True and says_cancelled(body):
        # "[x] ~~VL 8~~ entfällt": ticked off because called off.
        worded, state = State.CANCELLED, None
    if worded is not None:
        if worded is State.DONE:
            # An empty box the student left empty stays so: "[ ] 23/10 absent (certificate
            # handed in)" says what was handed in, not that the line is done.
            state = True if state is None else state
        elif worded is State.OPEN:
            state = bool(state)
        elif worded is State.STARTED:
            started, state = state is not True, state is True
    said = status_state(fields) if "status" in fields else None
    if said is not None:
        # Dataview's "[status:: wip]": the student's own word for the state wins.
        fields.pop("status")
        if said == "done":
            state, started = True, False
        elif said == "cancelled":
            worded, state = State.CANCELLED, None
        elif said == "started":
            state, started = False, True
        else:
            state, started = False, False
    placeholder = not body or body == "()" or (len(body) < 60 and _placeholder(body))
    return body, state, fields, worded, started, placeholder


def _settle_named_videos(course: Course) -> None:
    """A line named as the file's videos are, with a length, is a video wherever it stands.

    "lec10 new imperialism 44m" after the weeks whose "vids:" held "lec1 intro 42m": the
    file shows what its lectures are called; the word alone says nothing elsewhere.
    """
    named: Counter[str] = Counter()
    for week in course.weeks:
        for section in week.sections:
            if section.kind is _VIDEOS:
                for video in section.videos:
                    first = _FIRST_LETTERS.match(video.text)
                    if first is not None:
                        named[first.group().lower()] += 1
    words = {word for word, count in named.items() if count >= 2}
    if not words:
        return
    for week in course.weeks:
        # A unit with its own videos section says where its videos are, but for sections
        # whose words say nothing ("### Thu 1/16" among days: "L8 … — 57:40" after a lab).
        own = any(section.kind is _VIDEOS for section in week.sections)
        for section in week.sections:
            if section.kind is _READINGS or (own and section.kind is not _OTHER):
                continue
            for index, entry in enumerate(section.entries):
                if type(entry) is not Item:
                    continue
                first = _FIRST_LETTERS.match(entry.text)
                if first is not None and first.group().lower() in words and _has_length(entry.text):
                    section.entries[index] = _as_video(entry)


# A video's name: its first word ("lec" of "lec10", "recording"), or a letter before its
# number ("v" of "v3 solow steady state").
_FIRST_LETTERS = regex.compile(r"[^\W\d_](?=\d)|[^\W\d_]{2,}")


# An item's label naming its kind: a word or three, then a colon ("Practice Quiz: …").
_KIND_LABEL = regex.compile(r"(?P<label>[^\W\d_]+(?:[ \t][^\W\d_]+){0,2}):[ \t]")
# A line's label: "Lecture:" in 'Lecture: "Suez, 1956" – Lecture recording 46:05'.
_LABEL_PREFIX = regex.compile(r"(?P<label>[^\W\d_][^\W\d_ ]{1,19}):[ \t]")


def _settle_labelled_notes(course: Course) -> None:
    """A plain line labelled as the file's tasks are, with a length, is a video too.

    'Lecture: "Suez" – Lecture recording 46:05' with no tick, in a file where two or more
    such lines are tasks because they carry a tick: the file's form, unticked.
    """
    labels: Counter[str] = Counter()
    for week in course.weeks:
        for section in week.sections:
            for entry in section.entries:
                if isinstance(entry, Item) and entry.depth == 0:
                    found = _LABEL_PREFIX.match(entry.text)
                    if found is not None:
                        labels[found["label"].lower()] += 1
    known = {label for label, count in labels.items() if count >= 2}
    if not known:
        return
    for week in course.weeks:
        for section in week.sections:
            for index, entry in enumerate(section.entries):
                if type(entry) is not Note or entry.depth:
                    continue
                found = _LABEL_PREFIX.match(entry.text)
                if found is None or found["label"].lower() not in known:
                    continue
                if not _has_length(entry.text):
                    continue
                body, state, fields, _, started, _ = _read_item(entry.text, None)
                item = Item(
                    body,
                    state is True,
                    entry.line,
                    0,
                    started=started,
                    fields=tuple(fields.items()),
                )
                section.entries[index] = _as_video(item)


_BOLD_ONLY = regex.compile(r"\*\*[^*\n]+\*\*")


def _settle_empty_groups(course: Course) -> None:
    """A bullet all in bold that heads tasks elsewhere is a group where it heads none: a
    Notion toggle exported empty ("- **Videos**" with nothing under it this week), no task.
    """
    sections = [section for week in course.weeks for section in week.sections]
    groups = {
        entry.text.casefold()
        for section in sections
        for entry in section.entries
        if type(entry) is Group and _BOLD_ONLY.fullmatch(entry.text)
    }
    if not groups:
        return
    for section in sections:
        for index, entry in enumerate(section.entries):
            if (
                type(entry) is Item
                and not entry.done
                and entry.text.casefold() in groups
                and not entry.fields
            ):
                section.entries[index] = Note(entry.text, entry.line, entry.depth)


def _settle_kinds(course: Course, kinds: SectionKinds) -> None:
    """Give a section the kind its entries show where its words say none or another.

    Most lines with a length: videos; most lines citing a work (author and year, chapters,
    pages): readings ("Lectures" in a French course is its readings). A section too short
    to say ("### 강의" with one line) takes the kind its title's sections settled on in the
    other units.
    """
    settled: dict[str, list[SectionKind]] = {}
    unsure: list[Section] = []
    for week in course.weeks:
        for section in week.sections:
            if section.kind not in (_OTHER, SectionKind.SLIDES):
                continue
            items = [entry for entry in section.entries if type(entry) is Item]
            videos = [entry for entry in section.entries if type(entry) is Video]
            # "DFS, BFS 1시간 8분" read as a citation: a length says video all the same.
            timed = [
                entry
                for entry in section.entries
                if type(entry) is Reading and _watch_length(entry.text)
            ]
            if len(items) + len(videos) + len(timed) < 2:
                if section.title and section.kind is _OTHER:
                    unsure.append(section)
                continue
            if _mostly(section.entries, lambda entry: _label_kind(entry.text, kinds) is not _OTHER):
                # "Video: …", "Reading: …", "Practice Quiz: …": each entry names its own
                # kind, as a platform's list does; the section has none of its own.
                continue
            unsure_before = len(unsure)
            unsure.append(section)
            if not videos and _mostly(items, lambda item: _CITATION.search(item.text) is not None):
                _settle(section, _READINGS)
            elif _mostly(
                [*items, *videos, *timed],
                lambda item: type(item) is Video or _watch_length(item.text),
            ):
                _settle(section, _VIDEOS)
            else:
                continue
            del unsure[unsure_before:]
            settled.setdefault(_normalise_title(section.title), []).append(section.kind)
    for section in unsure:
        kinds = settled.get(_normalise_title(section.title), [])
        # Twice at least, and always the same: one unit's odd list says nothing of the rest.
        if len(kinds) >= 2 and len(set(kinds)) == 1 and section.title:
            # "Lectures" settled as videos in the other modules, by their lengths: so here
            # too, where one line of two gives its length.
            _settle(section, kinds[0])


def _label_kind(text: str, kinds: SectionKinds) -> SectionKind:
    """The kind an item's own label names: "Video: Cost function • 7 min" a video,
    "Reading: Lab notes • 10 min" a reading, "Practice Quiz: …" an exercise."""
    found = _KIND_LABEL.match(text) if ":" in text[:24] else None
    return kinds.kind(found["label"]) if found is not None else _OTHER


def _normalise_title(title: str) -> str:
    return " ".join(title.casefold().split()).strip(" \t:")


def _settle(section: Section, kind: SectionKind) -> None:
    """Make the section of the kind its entries showed, its items read as such."""
    section.kind = kind
    if kind is _READINGS:
        _turn(section, _as_reading)
        return
    # "Exercise set 2" among lengths: a task, no video of unknown length.
    section.entries = [
        _as_video(entry)
        if type(entry) in (Item, Reading)
        and (_watch_length(entry.text) or (type(entry) is Item and _says_video(entry.text)))
        else entry
        for entry in section.entries
    ]


def _as_reading(item: Item) -> Reading:
    return Reading(
        item.text,
        item.done,
        item.line,
        item.depth,
        due=item.due,
        started=item.started,
        fields=item.fields,
    )


# A name, then a section's dotted number or a page: "Taylor 5.4", "Taylor 5.5–5.6".
_NAMED_PART = regex.compile(
    r"(?P<name>[A-Z][^\W\d_][\w'\u2019\-]{2,})[ \t,]+(?:\d{1,2}\.\d{1,2}|p{1,2}\.?[ \t]*\d)"
)
_NAME_FIRST = regex.compile(r"(?P<name>[A-Z][^\W\d_][\w'\u2019\-]{2,})(?![\w'\u2019\-])")


def _settle_named_readings(course: Course) -> None:
    """Read "Taylor 5.4" as a reading where a reading of the course opens with that name and
    cites a part ("Taylor ch 5.1–5.2"): the same book, its sections by number alone."""
    # The lines that may be such first, most files have none: the readings, many in a big
    # file, are searched only for the names these lines give (60 ms of 3 MB otherwise).
    named: dict[str, list[tuple[Section, int]]] = {}
    for week in course.weeks:
        for section in week.sections:
            if section.kind is not _OTHER:
                continue
            for index, entry in enumerate(section.entries):
                if type(entry) is Item and (found := _NAMED_PART.match(entry.text)) is not None:
                    named.setdefault(found["name"], []).append((section, index))
    if not named:
        return
    for week in course.weeks:
        for section in week.sections:
            for entry in section.entries:
                if type(entry) is not Reading:
                    continue
                first = _NAME_FIRST.match(_READ_FIRST.sub("", entry.text, count=1))
                if first is None or first["name"] not in named or not _CITATION.search(entry.text):
                    continue
                for owner, index in named.pop(first["name"]):
                    owner.entries[index] = _as_reading(owner.entries[index])
                if not named:
                    return


def _mostly(items: list[Item], test: Callable[[Item], bool]) -> bool:
    """True when three in five items pass the test; stops as soon as they cannot."""
    # Stopping early: on the 10 MB notes a full count over every slides section cost a
    # second (65,000 duration searches).
    need = -(-len(items) * 3 // 5)
    misses_allowed = len(items) - need
    have = missed = 0
    for item in items:
        if test(item):
            have += 1
            if have >= need:
                return True
        else:
            missed += 1
            if missed > misses_allowed:
                return False
    return have >= need


def _settle_boxes(course: Course, marked: set[int], stated: set[int]) -> None:
    """In a unit whose tasks carry boxes, a bullet without one is a note.

    Obsidian and its likes write tasks as ``- [ ]`` and remarks as plain bullets
    ("- prova dia 25/04"); a list with no boxes at all keeps every line a task (the sample's
    plain bullets are its open tasks).
    """
    for week in course.weeks:
        for section in week.sections:
            _settle_groups(section, marked)
        items = [
            entry
            for section in week.sections
            for entry in section.entries
            if isinstance(entry, Item)
        ]
        plain = [item for item in items if item.line not in marked and not item.done]
        boxed = sum(1 for item in items if item.line in marked)
        if len(items) < 4 or not plain:
            continue
        if boxed * 5 < len(items) * 4:
            # Tasks whose words say so (a state, a due date) count as boxed ones here.
            told = sum(1 for item in items if item.line in marked or item.line in stated)
            _settle_unboxed_sections(week, marked, stated, told)
            continue
        for section in week.sections:
            # Nested ones stay tasks: "- write-up" under boxed sub-tasks is one of them; so
            # do sessions named like a unit ("Seminar 7", "Lab 3"): a class to attend.
            section.entries = [
                Note(entry.text, entry.line, entry.depth)
                if isinstance(entry, Item)
                and not entry.depth
                and entry.line not in marked
                and entry.line not in stated
                and not entry.done
                and not _names_session(entry.text)
                else entry
                for entry in section.entries
            ]


def _settle_groups(section: Section, marked: set[int]) -> None:
    """A boxed line whose nested bullets have no box, state or tick is a task with notes
    under it ("- [x] Graded quiz 1" over "- 9/10, missed one"), not their group."""
    entries = section.entries
    for index, entry in enumerate(entries):
        if not isinstance(entry, Group) or entry.line not in marked:
            continue
        under = []
        for other in entries[index + 1 :]:
            if other.depth <= entry.depth:
                break
            under.append(other)
        if any(isinstance(other, Group) for other in under):
            continue
        tasks = [other for other in under if isinstance(other, Item)]
        # A word of state in them ("9/10, missed the albedo one") is a remark's here.
        if not tasks or any(task.line in marked or task.done for task in tasks):
            continue
        for position in range(index + 1, index + 1 + len(under)):
            other = entries[position]
            if isinstance(other, Item):
                entries[position] = Note(other.text, other.line, other.depth)
        item = Item(entry.text, entry.ticked, entry.line, entry.depth, due=entry.due)
        entries[index] = _as_video(item) if section.kind is _VIDEOS else item


def _settle_unboxed_sections(week: Week, marked: set[int], stated: set[int], boxed: int) -> None:
    """In a unit whose other sections' tasks carry boxes, a titled section of kind other
    with none at all is a list of notes ("**Vocaboli**" over "- die Wohnung – l'appartamento")."""
    for section in week.sections:
        if section.kind is not _OTHER or not section.title:
            continue
        entries = [entry for entry in section.entries if isinstance(entry, Item)]
        if not entries or any(
            entry.line in marked or entry.line in stated or entry.done for entry in entries
        ):
            continue
        if boxed * 5 < (sum(1 for _ in week.items) - len(entries)) * 4 or boxed < 3:
            continue
        section.entries = [
            Note(entry.text, entry.line, entry.depth) if isinstance(entry, Item) else entry
            for entry in section.entries
        ]


def _names_session(text: str) -> bool:
    """True when a line opens with a class and its number (``Seminar 7``, ``Lab 3``)."""
    found = match_unit(text)
    if found is None or not found["word"]:
        return False
    word = found["word"].lower()
    return is_unit_word(word) or word in SECTION_KEYWORDS


def _as_video(item: Item) -> Video:
    title, seconds, seen = find_duration(item.text)
    seen = None if item.done else seen
    return Video(
        title,
        item.done,
        item.line,
        item.depth,
        seconds,
        due=item.due,
        started=item.started or seen is not None,
        fields=item.fields,
        watched=seen,
    )


def _turn(section: Section, make: Callable[[Item], Item]) -> None:
    section.entries = [make(entry) if type(entry) is Item else entry for entry in section.entries]


def _section_level(blocks: Blocks, layout: Layout) -> int:
    """The level of the section headings: the shallowest heading deeper than the units'."""
    if not layout.units or not layout.level:
        return (layout.level or 1) + 1
    first = min(layout.units)
    deeper = [
        heading.level
        for heading in blocks.headings.values()
        if heading.line > first
        and heading.level > layout.level
        and heading.line not in layout.questions
    ]
    return min(deeper) if deeper else layout.level + 1


# A line that may go on the list item above: a hyphen, comma, word that needs the next or
# open bracket at the item's end, or a tick at the next line's end.
_UNFINISHED_ENDS = frozenset("-\u00ad,;(&")
_TICK_ENDS = frozenset("\u2713\u2714\u2705\u2611\ufe0f]")


def _may_go_on(text: str, following: str) -> bool:
    """A first look, in string operations only (the hot path: every list line)."""
    if not following or following[:1] in " \t" or _LABEL_SAYS.match(following):
        # "absen: ✓" under an item: a label and its state, no line the item wrapped onto.
        return False
    return (
        text[-1:] in _UNFINISHED_ENDS
        or following.rstrip()[-1:] in _TICK_ENDS
        or text.count("(") > text.count(")")
        or (" " in text and text[text.rfind(" ") + 1 :].lower() in _DANGLING_WORDS)
    )


# An item's end that closes it: a tick or a state mark; the next line is then its own.
_CLOSED = regex.compile(
    r"(?:[\u2713\u2714\u2705\u2611\U0001f5f8\u2717\u2718\u274c]\ufe0f?|\[[ xX/-]\]|\bDONE|\bTODO)"
    r"[ \t]*$"
)
_MAX_GONE_ON = 4
# A line ending on a word that needs the next one: "Art in", "The Mirror of the".
_DANGLING_WORDS = frozenset(
    "in of the and to for on a an with from by at as its their der die das und von im de del "
    "la le les et du des y e di da".split()
)


def _go_on(reader: _Reader, number: int, text: str, special: set[int]) -> str:
    """A list item's text with the lines that go on it (a paste that broke a line where a
    PDF or a web page wrapped it), those lines taken as read.

    CommonMark reads any plain line after an item as its lazy continuation; notes use plain
    lines after items for labels, remarks and tasks too, so only a line the item plainly has
    not finished goes on: after a word broken with a hyphen ("inheri-" / "tance"), an open
    bracket, a trailing comma or a word that needs the next ("Art in"); or a line that ends
    on the tick the item above lacks (in notes with bullets).
    """
    lines = reader.lines
    for following in range(number, min(number + _MAX_GONE_ON, len(lines))):
        line = lines[following]
        if (
            not line.strip()
            or line[:1] in " \t"
            or following + 1 in special
            or _LIST_LINE.match(line)
            or _BOX_LINE.match(line)
            or _NOTE_LINE.match(line)
            or label_text(line) is not None
            or _CLOSED.search(text)
            or _MARKED.search(text)
        ):
            break
        rest = line.strip()
        broken = re.search(r"[^\W\d_][-\u00ad]$", text) and rest[:1].islower()
        open_bracket = text.count("(") > text.count(")")
        dangling = text.rstrip()[-1:] in ",;(&" or (
            " " in text and text[text.rfind(" ") + 1 :].lower() in _DANGLING_WORDS
        )
        # "…Art in Its" over "Historical Context, ch. 2 ✓": the tick of the item above.
        ticked = _CLOSED.search(rest) is not None and not reader.plain_tasks
        if not (broken or open_bracket or dangling or ticked):
            break
        text = text[:-1] + rest if broken else f"{text.rstrip()} {rest}"
        reader.continued.add(following + 1)
        special.add(following + 1)
    return text


def _plain_tasks(lines: list[str], blocks: Blocks, layout: Layout) -> bool:
    """True when the units list their tasks as plain lines, not as list items."""
    if not layout.units:
        return False
    first = min(layout.units)
    marked = listed = 0
    for number in range(first, len(lines) + 1):
        line = lines[number - 1]
        if not line or number in blocks.headings or number in blocks.verbatim:
            continue
        if _LIST_LINE.match(line):
            listed += 1
        elif line[:1] not in " \t" and (_MARKED.search(line) or _said_at_an_end(line)):
            marked += 1
        if listed > 3 * max(marked, 1) + 20:
            return False
    return marked >= 3 and marked * 3 >= listed


def _said_at_an_end(line: str) -> bool:
    """Whether a state word opens or ends the line ("curs 1 - gata", "luento ti tehty"), cut
    off as a mark is: not one said inside a sentence ("only covered half of it")."""
    written = line.rstrip()
    rest, state = read_state(written)
    return state is not None and rest != written


def _states_lead(lines: list[str], layout: Layout) -> bool:
    """True when plain tasks open with their state, a sign for done and one for not done.

    A student who writes "⬜️ drug cards" for what is left marks every task; lines under
    them with no sign ("SLUDGE = cholinergic toxicity") are what they learnt, not tasks.
    Two of each at least: one "❌" is a slip as often as a habit.
    """
    done = other = 0
    for line in lines[min(layout.units) :]:
        found = _LEAD_STATE.match(line)
        if found is not None:
            if found["done"]:
                done += 1
            else:
                other += 1
            if done >= 2 and other >= 2:
                return True
    return False


def _refused_links(lines: list[str], reader: _Reader) -> None:
    # Pages show a link to any other scheme than http, https, mailto or a relative address
    # as text (render uses the same tokeniser): say so, and where, whatever field it is in.
    for number, line in enumerate(lines, start=1):
        if "](" not in line:
            continue
        for scheme in refused_links(line):
            shown = scheme if len(scheme) <= 20 else scheme[:20] + "..."
            reader.info(
                number,
                say(
                    "a link to a '{scheme}:' address is shown as text; links go to http, "
                    "https, mailto or relative addresses only",
                    scheme=shown,
                ),
            )


def parse(
    text: str,
    sections: Mapping[str, SectionKind] | None = None,
    units: str = "",
    questions: tuple[str, ...] = (),
) -> Course:
    """Read notes text into a course; odd lines are kept and noted in ``diagnostics``.

    ``sections`` maps heading words to section kinds, added to ``SECTION_KEYWORDS`` (a
    word already there gets the kind given here); ``units`` names the unit's word
    (``Module``) and ``questions`` more words that start the questions, where the file alone
    does not say. Pure: no global state is touched, the garbage collector's included
    (tuning like that belongs to the adapters).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (a str built in code, never a file decoded here): one "?"
            # for each, as the Markdown parser takes no such text (it raised).
            text = text.encode("utf-8", "replace").decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    org = None
    if "*" in text[:2] or "\n*" in text or "#+" in text[:200]:
        if looks_like_org(lines):
            org = org_as_markdown(lines)
            text = "\n".join(lines)
    todo: set[int] = set()
    todo_tag: str | None = None
    is_todo = (" +" in text or " @" in text) and looks_like_todo(lines)
    if is_todo:
        todo, todo_tag = todo_as_markdown(lines)
        text = "\n".join(lines)
    outline = ("[COMPLETE]" in text or text.lstrip()[:2] in ("- ", "* ")) and outline_export(lines)
    if outline:
        text = "\n".join(lines)
    board = "\n#" in text and looks_like_board(lines, _unit_end)
    if board:
        board_as_cards(lines, _unit_end, names_questions)
        text = "\n".join(lines)
    elif "\n#" in text and "] " in text and lane_cards(lines, _unit_end):
        text = "\n".join(lines)
    escaped = looks_escaped(lines) if "\\" in text or "<br" in text else ""
    if escaped:
        unescape_export(lines, escaped == "escaped")
        text = "\n".join(lines)
    if "\\\n" in text:
        # "Monday, January 13, 2025\": a hard line break as pandoc writes one (OneNote and
        # Word exports), markup that ends the line; no part of its words.
        fence = ""
        for number, line in enumerate(lines):
            opened = line.lstrip(" ")[:3]
            if opened in ("```", "~~~"):
                # Inside fenced code a backslash is the code's own ("ls -la \\").
                fence = "" if fence == opened else fence or opened
            elif not fence and line.endswith("\\") and not line.endswith("\\\\"):
                lines[number] = line[:-1].rstrip(" \t")
        text = "\n".join(lines)
    messages: set[int] = set()
    if " - " in text[:2000] or "] " in text[:2000]:
        messages = _unchat(lines)
        if messages:
            text = "\n".join(lines)
    if "\nCompleted" in text or "\nStarted" in text or "\nDue " in text or "\nDone\n" in text:
        # A platform's sidebar pasted ("Video: Cost function • 7 min" over "Completed"); a
        # string test first, as a read of every short line costs 2% of a big file's read.
        if join_status_lines(lines):
            text = "\n".join(lines)
    blocks = read_blocks(text)
    callouts = unquote_callouts(lines) if ">" in text else None
    layout = find_layout(lines, blocks, units, questions, messages)
    layout.asked |= todo
    # Built per call (a few hundred words, microseconds): no table kept between files.
    kinds = SectionKinds(sections)
    reader = _Reader(lines, blocks, layout, kinds)
    if messages:
        # A chat's messages are tasks only where they say their state ("slide topik 3
        # belum", "rakaman siap"): the rest is the student talking ("puasa hari ke-2").
        reader.states_needed = True
    if callouts is not None:
        _callout_questions(callouts, layout, reader)
    if blocks.front_title:
        reader.course.title = repair(blocks.front_title)
        reader.course.title_line = blocks.front_title_line

    special = set(blocks.headings) | set(layout.units) | layout.questions | blocks.verbatim
    special |= layout.asked
    special |= blocks.underlines | set(layout.rows) | layout.headers
    special.update(range(1, blocks.front_matter + 1))
    _plain_title(lines, blocks, layout, reader)
    if reader.course.title_line:
        special.add(reader.course.title_line)
    plus_done = _plus_means_done(lines, text)
    # "+" ending three lines or more: the file ticks with it ("Семінар 1 +").
    plus_last = " +\n" in text and sum(1 for line in lines if line.rstrip().endswith(" +")) >= 3
    reader.strike_cancels = _ticks_mark_done(lines, text)
    reader.strike_done = _strikes_mark_done(lines, text)
    lettered = _letters_mark(lines) if layout.units else False
    # Units on lines of their own (no headings): a rule after the last one ends it, as no
    # heading can ("wk10" … "---" then "todo": the student's own lists, no unit's).
    last_unit = max(layout.units) if layout.units else 0
    rule_ends = bool(layout.units) and not any(line in blocks.headings for line in layout.units)
    legend = reader.legend
    list_line, item, other = _LIST_LINE.match, reader.item, reader.other
    units_at, headings, questions_at = layout.units, blocks.headings, layout.questions
    numbered = enumerate(lines, start=1)
    for number, line in numbered:
        if number in special:
            # A heading, a unit or a table ends the answer of a question asked in its unit.
            reader.asking = False
            if number <= blocks.front_matter or number in blocks.underlines:
                continue
            if number in reader.continued:
                continue
            if number in units_at:
                reader.start_week(units_at[number])
                if number in layout.rows:
                    _planner_row(reader, number, layout.rows[number])
            elif number in layout.rows:
                _planner_row(reader, number, layout.rows[number])
            elif number in layout.headers:
                continue
            elif number in questions_at:
                heading = headings.get(number)
                reader.start_thoughts(number, heading.level if heading else 7)
                reader.callout_question(number)
                reader.read_thoughts(numbered)
            elif number in layout.asked:
                reader.asked(number, line)
            elif number in headings:
                reader.heading(headings[number])
            elif number == reader.course.title_line and reader.course.title:
                continue
            else:
                # Fenced code and tables: shown as written, never tasks.
                reader.verbatim(number, line)
            continue
        if reader.asking:
            quoted = _QUOTED.match(line) if reader.asked_quoted else None
            if quoted is not None and _ANSWER_UNDER.match(line, quoted.end()):
                # "> → Ja, sagt Lena": the quoted answer under a quoted question.
                reader.course.thoughts.append(SourceLine(number, line[quoted.end() :]))
                continue
            if _ANSWER_UNDER.match(line) or (
                # "\t\t- Hannah: target, ±15%" under "\t- is it a hard number? #ask":
                # indented under the question, its reply.
                line.strip() and _width(line[: len(line) - len(line.lstrip())]) > reader.asked_width
            ):
                # "→ she said about 5": the answer to the question above, as written.
                reader.course.thoughts.append(SourceLine(number, line))
                continue
            reader.asking = False
        if lettered and line[:2] in _LETTER_STARTS:
            # "x Locke, Essay …" / "o Hume, Treatise …": the file's own done and open marks.
            item(number, "", None, " " if line[0] in "oO" else "x", line[2:].lstrip())
            continue
        if legend and reader.week is not None and reader.by_legend(number, line):
            continue
        # Items first: they are most of the lines, and no item is blank or a heading.
        listed = list_line(line)
        if listed is not None:
            indent, separator, box, said = listed.groups()
            if separator is not None and rule_ends and number > last_unit and not indent:
                if reader.week is not None:
                    reader.after_units(number)
                continue
            if plus_last and box is None and said and said.rstrip().endswith(" +"):
                # "1)<TAB>Лекція – була +": a plus ending the line, the file's tick.
                box, said = "x", said.rstrip()[:-1].rstrip()
            if plus_done and box is None and line[len(indent) : len(indent) + 1] == "+":
                box = "x"
            elif plus_done and box is None and said and line[len(indent) : len(indent) + 1] == "-":
                # "- open" beside "+ done": a task not done, unless its words say more
                # ("- Problem seti 1 (tamam)").
                box = " " if read_state(said)[1] is None else None

            bullet = line[len(indent) : len(indent) + 1]
            if bullet.islower():
                indent = _outline_indent(line, indent)
            elif bullet in _DOCS_LEVELS and not indent:
                # "○" under "●" (Google Docs, pasted): one level down, "■" two.
                indent = _DOCS_LEVELS[bullet]
            if said and number < len(lines) and _may_go_on(said, lines[number]):
                said = _go_on(reader, number, said, special)
            if layout.cards and not indent:
                card = layout.cards.get(number)
                if card is not None:
                    reader.card(card, number)
                    said = _card_text(said, card.title)
                elif reader.week is not None:
                    reader.leave_cards()
            if (
                layout.outline
                and not indent
                and reader.week is not None
                and said
                and lines[number : number + 1] != [""]
                and lines[number : number + 1][0][:1] in (" ", "\t")
            ):
                # "- [[Final essay]]" over its own bullets after "- [[Session 8]]": an
                # outermost bullet that is no unit and heads lines ends the unit; they go
                # to the General page. One with nothing under it is the unit's task.
                reader.outside_units(number, said)
                continue
            item(number, indent, separator, box, said)
            continue
        if layout.cards and line[:1].isalnum():
            card = layout.cards.get(number)
            if card is not None:
                # "W3: hw2 done": a terse line naming its unit, a task of that unit.
                reader.card(card, number)
                item(number, "", None, None, _card_text(line.strip(), card.title))
                continue
        other(number, line)
    reader.close_items()
    course = reader.course
    if layout.cards:
        # Cards name their units in any order ("W6" in the backlog above "W1" in Done).
        course.weeks.sort(key=lambda week: week.number)
        # A column whose cards all went to their units is shown in each of them.
        course.general = [
            section
            for section in course.general
            if section.entries
            or section.placeholder_lines
            or section.line not in blocks.headings
            or not any(s.title == section.title for week in course.weeks for s in week.sections)
        ]
    course.continued_lines = sorted(reader.continued)
    _settle_kinds(course, kinds)
    _settle_named_videos(course)
    _settle_named_readings(course)
    _settle_labelled_notes(course)
    _settle_empty_groups(course)
    _settle_boxes(course, reader.boxed, reader.stated)
    taken = {line.number for line in course.thoughts}
    course.markup_lines = sorted(
        (
            blocks.underlines
            | set(range(1, blocks.front_matter + 1))
            | layout.headers
            | (callouts.markup if callouts is not None else set())
            | (org.markup if org is not None else set())
        )
        - {blocks.front_title_line}
        - taken
    )
    _refused_links(lines, reader)
    course.weeks.sort(key=lambda week: week.number)
    course.how = _how(course, blocks, layout, lines)
    if is_todo:
        course.how.insert(
            0,
            say(
                "todo.txt: a task a line, its unit from its `{tag}` tag",
                tag=todo_tag + ("N" if todo_tag[0] in "+@" else ":"),
            )
            if todo_tag
            else say("todo.txt: a task a line; no tag names a unit"),
        )
    if outline:
        course.how.insert(
            0, say("an outline's export: its root bullet is the course, its marks boxes")
        )
    if board:
        course.how.insert(
            0, say("a board: its lists name the cards' state, each card a task of its unit")
        )
    if escaped:
        course.how.insert(
            0, say("an export: its escaped bullets (`\\*`), `<br>` and `&nbsp;` read as typed")
        )
    if lettered:
        course.how.append(
            say("ticks: lines open with `x` (done) or `o` (not done), so each is a task")
        )
    if reader.struck_off:
        course.how.append(
            say(
                "ticks: done is ticked, so a line struck through and not ticked was called "
                "off (line {line})",
                line=reader.struck_off[0],
            )
        )
    if plus_done:
        course.how.append(
            say("ticks: lists mix `+` and `-` bullets, so a `+` item is done and a `-` one is not")
        )
    course.may_hold_math = "$" in text
    if not course.weeks:
        if not text.strip():
            reader.info(0, say("the file is empty, so the site has no week pages"))
        else:
            reader.info(
                0,
                say(
                    "no units (`## Week N`, `Module N`, `W1`...) found, so the site has no "
                    "week pages; name your unit's word with `units:` in mkdocs.yml"
                ),
            )
    return course


def _callout_questions(callouts: Callouts, layout: Layout, reader: _Reader) -> None:
    """A question callout starts the questions; in a unit, they end with it."""
    reader.callout_titles, reader.callout_ends = callouts.titles, callouts.ends
    for start in sorted(callouts.questions):
        before = [line for line in layout.questions if line < start]
        units = [line for line in layout.units if line < start]
        ended = (
            bool(before and units)
            and max(before) in callouts.ends
            and callouts.ends[max(before)] < start
        )
        if before and (not units or max(before) > max(units)) and not ended:
            continue  # among the questions already: a group of them
        layout.questions.add(start)
        if units:
            reader.thoughts_end[start] = callouts.ends[start]


def _planner_row(reader: _Reader, number: int, row: Row) -> None:
    """A planner's row: a task of its unit, ticked as its done cell says; a table in a list
    item's rows are nested under it ("- Clases grabadas" over its table)."""
    line = reader.lines[number - 1]
    bare = line.lstrip(" \t")
    # A pipe table's row indented in a list item; a tab planner's rows open with tabs.
    indent = line[: len(line) - len(bare)] if bare[:1] == "|" else ""
    if row.sign and not any(char.isalnum() for char in row.sign):
        # "🟡", "❌": a sign the file's legend or the reader's marks say the state of.
        reader.item(number, indent, None, None, f"{row.sign} {row.text}")
    elif row.sign:
        # "fazendo", "não vi": a state in words, said last as on a line of its own.
        reader.item(number, indent, None, None, f"{row.text} \u2013 {row.sign}")
    elif row.text:
        reader.item(number, indent, None, "x" if row.done else " ", row.text)


_KEYED = regex.compile(r"[ \t]*[^\W\d_]+[ \t]*:[ \t]")


def _plain_title(lines: list[str], blocks: Blocks, layout: Layout, reader: _Reader) -> None:
    """A file without a heading before its units: its first line names the course when it
    stands alone."""
    if reader.course.title or not (layout.units or layout.cards):
        return
    for number, line in enumerate(lines, start=1):
        if number <= blocks.front_matter or not line.strip():
            continue
        if (
            number in layout.units
            or number in layout.cards
            or number in layout.questions
            or number in blocks.headings
        ):
            return
        if _LIST_LINE.match(line) or "\t" in line.strip():
            return
        if _TOC.fullmatch(line):
            # "[toc]" (Typora), "[[_TOC_]]" (GitLab): the editor's table of contents, never
            # the course's name; shown as written, a note.
            continue
        # The first line, short, with no mark or colon at its end: the course's name
        # ("ECON 101", "BIOL 230 Genetics Lab"), lines about the course after it or not.
        # "course: deep learning" (a word and a colon) is a label, not a name.
        if (
            # "The Cold War, 1945–1991: Superpowers, Ideology and the Wider World" (70).
            len(line.strip()) <= 90
            and not line.rstrip().endswith(".")
            and not _MARKED.search(line)
            and not line.rstrip().endswith(":")
            and not _KEYED.match(line)
        ):
            reader.course.title = repair(line.strip().strip("*_#").strip())
            reader.course.title_line = number
        return


_BULLET_STARTS = frozenset("-*+\u2022\u25aa\u25e6\u2013\u25cf\u25cb\u25a0\u30fb>|#")


def _repeated_labels(lines: list[str]) -> set[str]:
    """Short lines without digits over a list, written twice or more: the sections a file
    repeats in each unit ("강의", "Reading list"), whatever its language calls them."""
    seen: Counter[str] = Counter()
    for number, line in enumerate(lines[:-1], start=1):
        # String tests first: most lines are items or long, and need no regex.
        if not line or len(line) > 40 or line[:1] in _BULLET_STARTS or line[:4].isspace():
            continue
        if _DIGIT.search(line):
            continue
        following = lines[number]
        if _LIST_LINE.match(line) or not (
            _LIST_LINE.match(following)
            or _BOXED_NEXT.match(following)
            or _TICK_NEXT.match(following.lstrip())
            or _TICKED_UNDER.match(following)
        ):
            continue
        seen[line.strip().casefold()] += 1
    return {label for label, count in seen.items() if count > 1 and len(label.split()) <= 4}


def _card_text(said: str, rest: str) -> str:
    """A card's text less its unit ("W6: DOM intro video" is "DOM intro video" on week 6's
    page), a strike-through kept whole ("~~W5: live Q&A~~ cancelled")."""
    if said.startswith("~~") and "~~" in said[2:]:
        return said
    return rest or said


_LETTER_STARTS = frozenset(("x ", "X ", "o ", "O "))


def _letters_mark(lines: list[str]) -> bool:
    """True when lines at the margin open with "x " and with "o ", four times or more and
    both at least once: a plain-text file's own done and open marks."""
    done = open_ = 0
    for line in lines:
        start = line[:2]
        if start in _LETTER_STARTS and line[2:3].strip():
            if start[0] in "xX":
                done += 1
            else:
                open_ += 1
    return done >= 1 and open_ >= 1 and done + open_ >= 4


_PLUS_OR_MINUS = regex.compile(r"(?P<indent>[ \t]*)(?P<bullet>[-+])[ \t]+\S")


# A chat export's line: "5/3/24, 10:14 - Vale: …" (WhatsApp on Android), "[05/03/2024,
# 10:14:02] Vale: …" (on an iPhone); the date, the time and the sender are the app's.
_CHAT_LINE = regex.compile(
    r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]\d{1,2}:\d\d(?:[ \t\u202f]?[APap]\.?[ \t]?[Mm]\.?)?"
    r"[ \t]-[ \t]"
    r"|\[\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?[ \t]\d{1,2}:\d\d(?::\d\d)?"
    r"(?:[ \t\u202f]?[APap][Mm])?\][ \t])"
    r"[^:\n]{1,40}:[ \t]?"
)


def _unchat(lines: list[str]) -> set[int]:
    """A chat with oneself exported as text (WhatsApp's "notes to self"): each message's
    date, time and sender cut, in place, so its lines read as notes; the messages' first
    lines, which start anew as after a blank line. Three messages at least, a third of the
    file's lines or more; else nothing is touched."""
    opening = [line for line in lines[:20] if line.strip()][:3]
    if not any(_CHAT_LINE.match(line) for line in opening):
        # An export opens with its messages (after the app's own notice, perhaps).
        return set()
    starts = [_CHAT_LINE.match(line) for line in lines]
    found = sum(1 for start in starts if start is not None)
    written = sum(1 for line in lines if line.strip())
    if found < 3 or found * 3 < written:
        return set()
    for number, start in enumerate(starts):
        if start is not None:
            message = lines[number][start.end() :]
            if _CHAT_NOTICE.fullmatch(message):
                # "<Media omitted>", "This message was deleted": the app's, not the student's.
                message = ""
            elif (bold := _CHAT_BOLD.fullmatch(message)) is not None:
                # WhatsApp's *bold* is Markdown's **bold**: "*Soalan utk pensyarah*".
                message = f"**{bold['text']}**{bold['rest']}"
            lines[number] = message
    return {number for number, start in enumerate(starts, start=1) if start is not None}


# What the chat app writes in a message's place: a file left out, a message deleted, the
# note on encryption that opens the chat; in the languages of the students so far.
_CHAT_NOTICE = regex.compile(
    r"[\u200e\u200f]?(?:<(?:Media omitted|Multimedia omitido|M[ée]dias? omis|Media omessi|"
    r"Mídia oculta|Medien ausgeschlossen|Media weggelaten)>|<attached: [^<>\n]*>|"
    r"(?:image|video|audio|sticker|GIF|document) omitted|"
    r"This message was deleted|You deleted this message|Se elimin[óo] este mensaje|"
    r"Eliminaste este mensaje|Ce message a [ée]t[ée] supprim[ée]|Diese Nachricht wurde gel[öo]scht|"
    r"Questo messaggio [èe] stato eliminato|Essa mensagem foi apagada|Mesej ini telah dipadam|"
    r"\u200e?Messages and calls are end-to-end encrypted\..*|"
    r"\u200e?Los mensajes y las llamadas est[áa]n cifrados de extremo a extremo.*)[ \t]*",
    re.I,
)
# A message all in one pair of WhatsApp's bold stars, a sign or two after it perhaps.
_CHAT_BOLD = regex.compile(r"\*(?P<text>[^*\s][^*\n]*?)\*(?P<rest>[ \t]*[^\w\s*]{0,8}[ \t]*)")


# The most lines struck through, for every ten ticked, where a strike means called off.
_STRUCK_PER_TEN_TICKS = 1


def _ticks_mark_done(lines: list[str], text: str) -> bool:
    """True when the file ticks what is done (ten ticks at least) and strikes through a line
    or two beside them: a strike there is a line called off, not another tick."""
    if "~~" not in text:
        return False
    struck, ticked = _struck_and_ticked(lines)
    return ticked >= 10 and struck * 10 <= ticked * _STRUCK_PER_TEN_TICKS


def _struck_and_ticked(lines: list[str]) -> tuple[int, int]:
    """How many lines strike something through, and how many tick or box it done."""
    struck = sum(1 for line in lines if "~~" in line)
    ticked = sum(
        1 for line in lines if "[x]" in line or "[X]" in line or any(m in line for m in CHECK_MARKS)
    )
    return struck, ticked


def _strikes_mark_done(lines: list[str], text: str) -> bool:
    """True when the file strikes through what is done: five struck lines at least, and
    more than it ticks."""
    if "~~" not in text:
        return False
    struck, ticked = _struck_and_ticked(lines)
    return struck >= 5 and struck > ticked


def _unit_end(title: str) -> int:
    """Where the unit's word and number a title opens with end ("Wk 7" of "Wk 7 – med math
    quiz"), -1 when it opens with none."""
    found = match_unit(title)
    return found.end() if found is not None else -1


def _plus_means_done(lines: list[str], text: str) -> bool:
    """True when "+" and "-" bullets stand side by side in two lists or more: "+ Ders kaydı"
    over "- Elektrik alan" says done and not done, as a student's own marks."""
    if "\n+ " not in text and not text.startswith("+ "):
        return False
    mixed = 0
    runs: dict[str, set[str]] = {}
    for line in lines:
        found = _PLUS_OR_MINUS.match(line)
        if found is not None:
            runs.setdefault(found["indent"], set()).add(found["bullet"])
            continue
        if line[:1] not in " \t" and line.strip():
            # A line at the margin that is no item ends the lists above it.
            mixed += sum(1 for bullets in runs.values() if len(bullets) == 2)
            runs.clear()
    mixed += sum(1 for bullets in runs.values() if len(bullets) == 2)
    return mixed >= 2


def _how(course: Course, blocks: Blocks, layout: Layout, lines: list[str]) -> list[Message]:
    """How the structure was found, a sentence each, for ``check`` to open with."""
    how: list[Message] = []
    if layout.units:
        first, last = min(layout.units), max(layout.units)
        label = course.unit_form.format(word=course.unit_word, number="N")
        written = lines[first - 1].strip()
        form = (
            say(
                "`{written}` headings opening with a date, numbered in order",
                written=_shown(written, 24),
            )
            if layout.dated and layout.level
            else say(
                "`{written}` lines opening with a date, numbered in order",
                written=_shown(written, 24),
            )
            if layout.dated
            else say("`{written}` headings", written="#" * layout.level + " " + label)
            if layout.level
            else say("`{written}` lines", written=_shown(written, 20))
        )
        values = {"form": form, "count": len(course.weeks), "first": first, "last": last}
        how.append(
            say("units: {form}, {count} of them, line {first} to {last}", **values)
            if course.unit_word == "Week"
            else say(
                "units: {form}, {count} of them, line {first} to {last} (called {word})",
                word=course.unit_word,
                **values,
            )
        )
    elif layout.cards and lines[min(layout.cards) - 1][:1].isalnum():
        first, last = min(layout.cards), max(layout.cards)
        how.append(
            say(
                "units: named at the start of lines (`{written}`), {lines} of them, line "
                "{first} to {last}, {count} {units}",
                written=_shown(lines[first - 1].strip(), 24),
                lines=len(layout.cards),
                first=first,
                last=last,
                count=len(course.weeks),
                units=course.units_name.lower(),
            )
        )
    elif layout.cards:
        first, last = min(layout.cards), max(layout.cards)
        written = lines[first - 1].strip()
        how.append(
            say(
                "units: named at the start of list items (`{written}`), {cards} of them, line "
                "{first} to {last}, {count} {units}; each column's heading is a section in each",
                written=_shown(written, 24),
                cards=len(layout.cards),
                first=first,
                last=last,
                count=len(course.weeks),
                units=course.units_name.lower(),
            )
        )
    else:
        how.append(say("units: none found"))
    if layout.rows:
        how.append(
            say(
                "planner: tab-separated rows under line {line}, {count} of them, each a task "
                "of its unit",
                line=min(layout.headers),
                count=len(layout.rows),
            )
        )
    if course.title:
        how.append(
            say("title: {title} (front matter)", title=_shown(course.title))
            if blocks.front_title
            else say(
                "title: {title} (line {line})", title=_shown(course.title), line=course.title_line
            )
        )
    if course.thoughts_line:
        how.append(
            say(
                "questions: `{written}`, line {line}",
                written=_shown(lines[course.thoughts_line - 1].strip(), 40),
                line=course.thoughts_line,
            )
        )
    else:
        how.append(say("questions: none found"))
    if blocks.front_matter:
        how.append(say("front matter: lines 1 to {last}, not shown", last=blocks.front_matter))
    return how
