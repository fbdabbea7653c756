"""An item's state in words and signs beyond ticks and boxes: DONE, TODO, struck, [/], [-]."""

from __future__ import annotations

import enum
import re

from .. import regex


class State(enum.Enum):
    """What an item's words say about it, beyond a tick or a box."""

    DONE = "done"
    OPEN = "open"
    STARTED = "started"
    CANCELLED = "cancelled"


# Obsidian Tasks' fields: a sign, then a date (recurrence: words). Read, not shown raw.
TASK_FIELD = regex.compile(
    r"[ \t]*(?P<sign>\U0001f4c5|\u23f3|\U0001f6eb|\u2705|\u2795|\u274c)\ufe0f?[ \t]*"
    r"(?P<date>\d{4}-\d{2}-\d{2})"
)
RECURRENCE = regex.compile(
    r"[ \t]*\U0001f501\ufe0f?[ \t]*(?P<rule>every\b[^\U0001f4c5\u23f3\U0001f6eb\u2705]*)"
)
_FIELD_SIGNS = (
    "\U0001f4c5",
    "\u23f3",
    "\U0001f6eb",
    "\u2705",
    "\u2795",
    "\u274c",
    "\U0001f501",
    "\u23eb",
    "\U0001f53c",
    "\U0001f53d",
    "\u23ec",
    "\U0001f53a",
)
PRIORITY = regex.compile(r"[ \t]*[\u23eb\U0001f53c\U0001f53d\u23ec\U0001f53a]\ufe0f?")

# Done, in the languages the reader knows, as a word of its own at the start or the end, or
# "(done)" anywhere; "DONE" in capitals anywhere.
DONE_WORDS = (
    # "completed", "finished", not "complete": "complete the worksheet" is a task to do.
    r"done|completed|finished|attended|besucht|assist[ée]|asist[ií]|bijgewoond|frequentato|erledigt|(?<![\w])erl(?=\.)|fertig|"
    r"hecho|terminado|fait|termin[ée]|fatto|feito|conclu[ií]do|klaar|gedaan|afgerond|klart?|"
    r"f[äa]rdigt?|"
    # Greek and Arabic: "έγινε", "τελείωσα", "منتهي".
    r"έγινε|εγινε|τελείωσα|τελειωσα|ολοκληρώθηκε|منتهي|انتهيت|"
    # Vietnamese: done, watched, read, handed in.
    r"xong|đã xem|đã đọc|đã làm|đã nộp|"
    # Hindi in Latin letters: "ho gaya", "kar liya", "dekh liya", "padh liya".
    r"ho ga?ya|kar li?ya|dekh li?ya|padh li?ya|"
    # Finnish, Ukrainian, Romanian, Tagalog, Hebrew.
    r"tehty|luettu|katsottu|зроблено|виконано|прочитано|переглянуто|gata|f[ăa]cut|"
    r"terminat|tapos na|natapos|בוצע|הושלם|קראתי|"
    # Malay, Danish, Thai, Persian.
    # Swahili, Hindi (Devanagari), Czech.
    r"nimemaliza|imekamilika|imekamilka|nimesoma|nimeangalia|हो गया|हो गई|पूरा|hotovo|"
    r"siap|selesai|afleveret|læst|เสร็จแล้ว|เสร็จ|ทำแล้ว|انجام شد|تمام شد|دیدم|خواندم|"
    # Chinese: done, watched, read.
    r"完成|已完成|已看|看完|做完|已做|已读|读完|済み|済|"
    r"gjort|ferdig|f[æa]rdig|"
    # Polish, Czech, Turkish, Hungarian, Finnish, Korean.
    r"zrobione|zrobiony|zrobiona|gotowe|zaliczone|hotovo|splněno|splneno|tamam|tamamlandı|"
    r"bitti|kész|kesz|valmis|완료|sudah|selesai|сделано|готово|выполнено"
)
# Read or watched, in the same languages: done for a reading or a video ("(lu)", "gelesen").
SEEN_WORDS = (
    r"watched|seen|gesehen|geschaut|vist[oaie]s?|vu|vue|guardat[oa]|assistido|gekeken|read it|lu|"
    r"gelesen|"
    r"gelezen|letto|le[íi]do|lido|went|obejrzane|przeczytane|zhlédnuto|přečteno|izlendi|"
    r"okundu|다 ?봄|다 ?읽음|시청함|시청 ?완료|просмотрено|прочитано|посмотрел[аи]?|"
    r"прочитал[аи]?|megnézve|elolvasva|sudah dibaca|sudah ditonton"
)
# A done word said not to hold: "pas lu", "not done", "noch nicht erledigt".
_NEGATED = regex.compile(
    r"(?:\bpas(?: encore)?|\bnot(?: yet)?|\bnicht|\bnoch nicht|\bno|\bnon|\bniet|\bnog niet|"
    r"\bn[ãa]o|\bainda n[ãa]o|\btodav[íi]a no|\bancora non)[ \t]+"
    rf"(?:{DONE_WORDS}|{SEEN_WORDS}|read|regard[ée]|gemacht|submitted|handed in|abgegeben|"
    # "(not started)": not begun either, no begun word.
    r"entregad[oa]|rendu|consegnat[oa]|ingeleverd|started|begun|angefangen|begonnen|"
    r"empezad[oa]|commenc[ée]e?|iniziat[oa]|come[çc]ad[oa])\b"
    # Two words at most after it, then the end or a sign: "not done yet", "pas lu (trop long)";
    # "slow down and not read off the page" is advice, no state.
    r"(?=(?:[ \t]+[^\W\d_]+){0,2}[ \t]*(?:$|[^\w\s]))"
    # Chinese, the negation in the word: "没看完" (not watched to the end), "没做", "未完成".
    r"|没看完|没看|没做完?|未完成|还没[看做读]"
    # Japanese: "未" after an item, not yet.
    r"|(?<=[ \t])未(?=[ \t]*$)",
    re.I,
)
# Begun: "– half gekeken", "(watched ~half, finish!!)", "regardé la moitié"; not in a
# question ("only the 2nd half is relevant?").
_HALF = regex.compile(
    # "half-life", "half lives": a quantity of pharmacology and physics, not a state.
    # "the 2nd half", "the other half": a part of something, no state.
    r"\b(?<!\dnd )(?<!\dst )(?<!\drd )(?<!\dth )(?<!first )(?<!second )(?<!other )(?<!last )"
    r"(?:half(?:way|-way|(?![ \t-]li(?:fe|ves)\b))|"
    r"la moiti[ée]|à moiti[ée]|zur h[äa]lfte|halb|a la mitad|la mitad|"
    r"a met[àa]|met[àa]|metade|pela metade|a medias|a medio|do po[łl]owy|w trakcie|nap[ůu]l|"
    r"yar[ıi]s[ıi]nda|yar[ıi]m|반쯤|절반|途中|一半|f[ée]lig|setengah|наполовину|половин\w*)"
    r"(?![^\W\d_])(?![^?]*\?[ \t]*$)",
    re.I,
)
# A done word after a dash, a remark after it: "— fait le 16 au soir".
# "ok" only there: "— ok (el de Burdiel)" is done, "bullet pts ok" a remark.
# "– done", "– ok", and after a dash at the end "– read", "– watched": a status, not a task.
_DONE_DASH = regex.compile(
    rf"[ \t]+[\-\u2013\u2014][ \t]*(?:{DONE_WORDS}|ok|(?:{SEEN_WORDS}|read)(?=[ \t.!]*$))\b"
    # After a gap of blanks, as a column of states: "(12:40)  ok", "(22 min)  watched twice,
    # still confused", "Week 2 Quiz   DONE 8/10".
    # The gap from its start only: from each of its blanks, a run of thousands took seconds.
    rf"|(?<![ \t])(?:[ \t]{{2,}}|\t)(?:{DONE_WORDS}|ok|{SEEN_WORDS})\b(?![^ \t,;.!:)])",
    re.I,
)
# "read" alone ending a line is its state, but for what says it is still to do ("to read").
_READ_END = regex.compile(
    r"(?<!\bto)(?<!\bmust)(?<!\bneed)(?<!\bplease)(?<!\bwill)(?<!\bshould)"
    # "10 min read": how long it takes, no state.
    r"(?<!\bmin)(?<!\bmins)(?<!\bminute)(?<!\bminutes)(?<!\bh)(?<!\bhr)(?<!\bhour)(?<!\bhours)"
    r"[ \t]+read[ \t.!]*$",
    re.I,
)
_DONE_START = regex.compile(rf"(?:{DONE_WORDS})\b[ \t]*[:\-\u2013\u2014!.]*[ \t]+", re.I)
_DONE_END = regex.compile(
    rf"[ \t]*(?:[-\u2013\u2014,;:|]+[ \t]*)?[(\[]?(?:(?i:{DONE_WORDS}|{SEEN_WORDS})|"
    # "Benevolo cap. 8 OK": in capitals, ending the line; "looks ok" says nothing.
    r"(?<=[ \t(\[])OK)"
    r"[)\]]?[ \t!.]*$",
)
# From the bracket: blanks before it, matched too, made a run of thousands quadratic (the
# cut strips them).
_DONE_PAREN = regex.compile(rf"\((?:{DONE_WORDS}|{SEEN_WORDS}|read)\b[^()]{{0,30}}\)", re.I)
_DONE_CAPS = regex.compile(
    r"(?<![\w-])(?:DONE|(?i:submitted|handed in|abgegeben|entregad[oa]|rendu|consegnat[oa]|"
    r"ingeleverd))(?![\w-])[ \t!.:]*(?:[-\u2013\u2014][ \t]+)?"
)
_TODO = regex.compile(
    r"\[(?i:todo|to do)\][ \t]*|#(?i:todo)\b[ \t]*"
    r"|(?<![\w-])(?:TODO|TO ?DO|ToDo|LATER|WAITING|WAIT)(?![\w-])"
    r"[ \t!.:]*(?:[-\u2013\u2014][ \t]+)?"
)
# Still to do, said after a dash or a comma at the end: "Doyle, cap. 2 - pendiente",
# "Übungsblatt 3 – offen", "TD 4, à faire".
_OPEN_END = regex.compile(
    r"[ \t]*[-\u2013\u2014,;:|]+[ \t]*[(\[]?(?:pending|pendiente|pendent[ei]|por hacer|falta|"
    r"offen|ausstehend|[àa] faire|en attente|da fare|a fazer|to ?do|not yet|noch nicht|"
    r"todav[íi]a no|belum)[)\]]?[ \t!.]*$"
    # After a blank only, the words that say nothing else: "tutorial Q1-Q4 belum" (Malay,
    # not yet), "essay pending"; not "to do", which ends "things to do".
    # In brackets, the words that say it is left: "Torrente cap. 20 (da fare)".
    r"|[ \t]*[(\[](?:da fare|to ?do|[àa] faire|por hacer|a fazer|pending|pendiente|offen|"
    r"not yet|not done|nog doen|belum)[)\]][ \t!.]*$"
    # A remark in brackets may follow: "hadir kuliah belum (demam, ada MC)".
    r"|[ \t]+[(\[]?(?:belum|pending|pendiente|pendente|ausstehend)[)\]]?[ \t!.]*"
    r"(?P<remark>\([^()\n]{0,40}\))?[ \t]*$",
    re.I,
)
# Watched or read up to a point: "nur bis zu den Rotationen geschaut", "read up to 4.3",
# "visto hasta el min 20": begun, not done.
_PARTIAL = regex.compile(
    r"\b(?:nur bis|bis zu[mr]?|bis|only up to|up to|only to|until|hasta|jusqu['\u2019]|"
    r"fino a|fino al|at[ée]|tot)\b[^?]{1,60}?\b"
    rf"(?:{SEEN_WORDS}|read|gelesen|geschaut|angeschaut)\b"
    rf"|\b(?:{SEEN_WORDS}|read)[ \t]+(?:only[ \t]+)?(?:up to|until|bis|hasta|jusqu['\u2019]|"
    r"fino a|at[ée])\b",
    re.I,
)
# "2 of 3 done", "3 von 5 erledigt", "60% done": a part of the whole begun; "3 of 3 done",
# "100% done" all of it.
# Not "3/5": "due 1/24 done" is a date.
_COUNT_DONE = regex.compile(
    r"\b(?P<part>\d{1,3})[ \t]*(?:(?:of|von|de|sur|di)[ \t]*(?P<whole>\d{1,3})|%)[ \t]+"
    rf"(?:{DONE_WORDS})\b",
    re.I,
)
# Missed or skipped, said after a dash, a comma or in brackets ("Seminar 3 — missed (sick)"):
# not done, and a task as written.
_MISSED = regex.compile(
    r"(?:^|[ \t(,;:\-\u2013\u2014])(?:missed|skipped|verpasst|vers[äa]umt|perd[ií]|perdida|"
    r"rat[ée]e?|manqu[ée]e?|saltat[oa]|pers[oa]|gemist|overgeslagen|결석|欠席|缺席|"
    r"gidemedim|gelmedim|nieobecn[ya]|nie by[łl]em|nie by[łl]am|chyb[ěe]l[ao]?)(?![\w-])",
    re.I,
)
# Logseq's and org-mode's markers of a task begun.
_NOW = regex.compile(r"(?:NOW|DOING|IN-PROGRESS|STARTED)(?![\w-])[ \t:]*")
# Not done: a cross or an empty box sign ("❌", "☐", "⬜️").
CROSS_SIGNS = "\u2717\u2718\u274c"
EMPTY_BOX_SIGNS = "\u2610\u2b1c\u25a1"
_OPEN_SIGNS = regex.compile(rf"(?:^|[ \t])[{CROSS_SIGNS}{EMPTY_BOX_SIGNS}](?:\ufe0f)?(?=[ \t]|$)")
# Started: a half sign or word, at the start or the end.
STARTED_SIGNS = "\u23f3\U0001f7e1\u25d0\U0001f504"
# Begun, in the languages the reader knows.
STARTED_WORDS = (
    r"half(?:way)?(?:[ \t]+(?:done|watched|read))?|"
    r"started|in progress|wip|ongoing|angefangen|begonnen|empezado|commenc[ée]|iniziato|"
    r"em andamento|en curso|en cours|in corso|in bearbeitung|"
    # Doing it: "doing", "fazendo", "haciendo", "bezig", "påbörjad", "halvklar".
    # Not English "doing": "what I am doing" ends many a sentence.
    r"fazendo|haciendo|bezig|p[åa]b[öo]rjad|halvklar|(?<![\w-])aa?dha(?: dekha| padha| kiya)?|"
    r"kesken|в процесі|[îi]n lucru|ginagawa|בתהליך|separuh|halvt|halvvejs|ครึ่ง|نصفه|"
    r"nusu(?: tu)?|आधा देखा|आधा पढ़ा|आधा|rozečteno|rozectěno|nap[ůu]l|"
    r"\uc9c4\ud589 ?\uc911|"
    r"come[cç]ado"
)
_STARTED_END = regex.compile(
    rf"[ \t]*(?:[-\u2013\u2014,;:|(]+[ \t]*)?(?:{STARTED_WORDS}|~)\)?[ \t!.]*$",
    re.I,
)
_STARTED_START = regex.compile(r"~[ \t]+")
# Begun, said in brackets with a remark: "(commencé, arrêté à 9')", "(started, 20 min in)".
_STARTED_PAREN = regex.compile(
    r"\((?:started|begun|commenc[ée]|en cours|angefangen|begonnen|empezad[oa]|iniciad[oa]|"
    r"iniziat[oa]|in corso|come[çc]ad[oa]|em andamento)\b[^()]*\)",
    re.I,
)
_CANCELLED = regex.compile(
    # In brackets, bold or italics too: "(cancelled)", "**annulé**"; "didn't happen/cancelled".
    r"(?:^|[ \t(\-\u2013\u2014/])[(*_]{0,3}"
    r"(?:cancel+ed|CANCEL+ED|called off|entf[äa]llt|f[äa]llt aus|"
    r"se suspende|suspended|suspendu|removed from|dropped from|gestrichen|inst[äa]lld|avlyst|"
    r"aflyst|"
    # "la canceló el profe", "o prof cancelou": said as what was done to it.
    r"abgesagt|ausgefallen|cancelad[oa]s?|cancel[óo]|cancelou|suspendid[oa]|annul[ée]e?s?|"
    r"annullat[oa]|vervallen|"
    r"vervalt|geannuleerd|iptal|İPTAL|zrušeno|zruseno|odwołane|odwolane|휴강|休講|停课|"
    r"dibatalkan|batal|отменена|отменено|отменён|отмена|elmarad|elmaradt|"
    # Vietnamese, with its marks ("Huy" is a name); Finnish, Ukrainian, Romanian, Tagalog,
    # Hebrew, Thai, Persian.
    r"hủy|huỷ|bị hủy|bị huỷ|được nghỉ|nghỉ học|"
    r"peruttu|peruutettu|скасовано|скасована|anulat[ăa]?|kanselado|walang klase|בוטל|בוטלה|"
    r"งดเรียน|ยกเลิก|لغو شد|تشکیل نشد|odpadl[oa]?|zrušen[oa]?|\ucde8\uc18c|"
    # Greek and Arabic: "ακυρώθηκε (απεργία)", "أُلغيت المحاضرة".
    r"ακυρ[ώω]θηκε|ακυρ[ώω]νεται|ακ[ύυ]ρωση|[أا]\u064f?لغيت|[أا]\u064f?لغي|ملغا[ةه]|ملغى|إلغاء)"
    r"[)*_]{0,3}"
    r"(?=[ \t!.,)]|$)",
    re.I,
)
# Told to skip: "skip it", "saltarla", "überspringen", "à sauter", "pular", "overslaan".
_SKIP = regex.compile(
    r"\b(?:skip|skipped|not needed|saltar\w*|salt[ao]|überspring\w*|[àa] sauter|sauter|pular|"
    r"overslaan|hoppa över|omitir|omesso|omessa|entfällt|"
    # "~~3.3 Weighted mean~~ -- taken off Canvas, not covered this sem": dropped.
    r"not covered|taken off|no longer (?:required|needed|covered))\b",
    re.I,
)
_NONE_THIS_WEEK = regex.compile(
    r"[ \t]*[-\u2013\u2014:(]?[ \t]*(?i:no|none|kein[e]?|pas de|sin|nessun[oa]?|geen)\b"
)
_STRUCK = regex.compile(r"~~(?P<text>.+)~~[ \t]*(?P<rest>.*)$")


def _signed(text: str) -> bool:
    for sign in _FIELD_SIGNS:
        if sign in text:
            return True
    return False


# Obsidian Kanban's date on a card: "@{2025-03-16}", its due date.
KANBAN_DATE = regex.compile(r"[ \t]*@\{(?P<date>\d{4}-\d{2}-\d{2})\}")


# Obsidian Dataview's inline fields: "[status:: done]", "(due:: 2025-03-04)", or one at the
# end bare, "status:: done". Only the keys below are read; any other stays as written.
_DATAVIEW_KEYS = (
    r"status|state|due|deadline|length|duration|len|runtime|done|completed|completion|"
    r"f[äa]llig|frist|abgabe|estado|statut|[ée]ch[ée]ance|rendu|scadenza|consegna|prazo|entrega"
)
DATAVIEW = regex.compile(
    rf"[ \t]*[\[(](?P<key>(?i:{_DATAVIEW_KEYS}))[ \t]*::[ \t]*(?P<value>[^\[\]()]*?)[ \t]*[\])]"
    rf"|[ \t]+(?P<bare>(?i:{_DATAVIEW_KEYS}))[ \t]*::[ \t]*(?P<rest>[^\[\]()]*?)[ \t]*$"
)
# A Dataview status as the state it says.
_STATUS = {
    **dict.fromkeys(
        "done complete completed finished read watched yes ok erledigt fait hecho fatto feito "
        "klaar".split(),
        "done",
    ),
    **dict.fromkeys(
        "todo to-do open pending no planned not-started notstarted offen à-faire a-faire "
        "pendiente da-fare a-fazer zu-tun abierto abierta ouvert aperto aberto outstanding".split(),
        "open",
    ),
    **dict.fromkeys(
        "wip half started doing in-progress inprogress ongoing partial reading watching "
        "begonnen".split(),
        "started",
    ),
    **dict.fromkeys(
        "cancelled canceled dropped removed entfällt cancelado annulé".split(), "cancelled"
    ),
    **dict.fromkeys("skipped missed skip verpasst".split(), "missed"),
}
_FIELD_NAMES = {
    "status": "status",
    "state": "status",
    "estado": "status",
    "statut": "status",
    "due": "due",
    "deadline": "due",
    "fällig": "due",
    "fallig": "due",
    "frist": "due",
    "échéance": "due",
    "echeance": "due",
    "scadenza": "due",
    "prazo": "due",
    "entrega": "due",
    "abgabe": "due",
    "rendu": "due",
    "consegna": "due",
    "length": "length",
    "duration": "length",
    "len": "length",
    "runtime": "length",
    "done": "done",
    "completed": "done",
    "completion": "done",
}


def status_state(fields: dict[str, str]) -> str | None:
    """What a Dataview ``status::`` field says: done, open, started, cancelled or missed."""
    status = fields.get("status")
    if not status or not status.strip():
        return None
    value = status.strip().lower()
    known = _STATUS.get(value.replace(" ", "-")) or _STATUS.get(value.split()[0])
    if known is not None:
        return known  # "fait ✅": its first word
    if value[:2] in ("à ", "a "):
        return "open"  # "à écouter", "à lire": still to do
    # "en cours", "in Bearbeitung": the words an item's state is said in.
    said = read_state(f"item {status.strip()}")[1]
    return said.value if said is not None else None


def _dataview(text: str) -> tuple[str, dict[str, str]]:
    """Cut Dataview's inline fields the reader knows; a length goes back in brackets, where
    the durations' grammar reads it ("Lec 1 recording (1h 48m)")."""
    fields: dict[str, str] = {}
    length = ""
    for found in DATAVIEW.finditer(text):
        key = (found["key"] or found["bare"] or "").lower()
        value = (found["value"] if found["key"] else found["rest"]) or ""
        name = _FIELD_NAMES.get(key, key)
        if name == "length":
            length = value
        elif name == "done" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            fields.setdefault("done", value.strip())
        elif name == "done":
            fields.setdefault(
                "status", "done" if value.strip().lower() in ("true", "yes") else value
            )
        else:
            fields.setdefault(name, value.strip())
    text = DATAVIEW.sub("", text).strip(" \t")
    if length:
        text = f"{text} ({length})"
    return text, fields


def read_fields(text: str) -> tuple[str, dict[str, str]]:
    """Cut Obsidian Tasks' fields (``📅 2027-02-03``, ``✅ …``, ``🔁 every week``), Obsidian
    Kanban's date (``@{2025-03-16}``, due) and Dataview's (``[status:: done]``, ``[due::
    2025-03-04]``, ``[length:: 42m]``)."""
    if "::" in text:
        rest, known = _dataview(text)
        if known or rest != text:
            rest, fields = read_fields(rest)
            return rest, {**known, **fields}
    if "@{" in text:
        card = KANBAN_DATE.search(text)
        if card is not None:
            rest, fields = read_fields(text[: card.start()] + text[card.end() :])
            fields.setdefault("due", card["date"])
            return rest.strip(" \t"), fields
    if text.isascii() or not _signed(text):
        return text, {}
    fields: dict[str, str] = {}
    names = {
        "\U0001f4c5": "due",
        "\u23f3": "scheduled",
        "\U0001f6eb": "start",
        "\u2705": "done",
        "\u2795": "created",
        "\u274c": "cancelled",
    }
    for found in TASK_FIELD.finditer(text):
        fields.setdefault(names[found["sign"]], found["date"])
    if fields:
        text = TASK_FIELD.sub("", text)
    text = PRIORITY.sub("", text)
    found = RECURRENCE.search(text)
    if found:
        fields["recurrence"] = found["rule"].strip()
        text = text[: found.start()] + text[found.end() :]
    return text.strip(" \t"), fields


# Substrings one of which every rule below needs: most items have none. Looked for with
# "in" on the lower-cased text, 4 us an item, where one case-blind regex of the same words
# took 44 us (measured with timeit on the 10 MB synthetic notes' items).
_HINTS = (
    # A class that did not take place (_NO_CLASS).
    "no class",
    "class cancel",
    "class was cancel",
    "no hubo clase",
    "no hay clase",
    "sin clase",
    "sem aula",
    "teve aula",
    "houve aula",
    "pas de cours",
    "keine vorlesung",
    "keine sitzung",
    "keine übung",
    "keine uebung",
    "keine veranstaltung",
    "niente lezione",
    "nessuna lezione",
    "lezione annullata",
    "geen college",
    "geen les",
    "nimemaliza",
    "imekamil",
    "nimesoma",
    "nimeangalia",
    "nusu",
    "हो ग",
    "पूरा",
    "आधा",
    "hotovo",
    "rozečt",
    "napůl",
    "napul",
    "odpadl",
    "zrušen",
    "\uc9c4\ud589",
    "\ucde8\uc18c",
    "dibatal",
    "siap",
    "selesai",
    "afleveret",
    "læst",
    "เสร็จ",
    "ทำแล้ว",
    "انجام",
    "تمام",
    "دیدم",
    "خواندم",
    "separuh",
    "halv",
    "ครึ่ง",
    "نصفه",
    "งดเรียน",
    "ยกเลิก",
    "لغو",
    "تشکیل",
    "tehty",
    "luettu",
    "katsottu",
    "kesken",
    "peru",
    "зроблено",
    "виконано",
    "прочитано",
    "переглянуто",
    "процесі",
    "скасов",
    "gata",
    "făcut",
    "facut",
    "terminat",
    "lucru",
    "anulat",
    "tapos",
    "ginagawa",
    "kanselado",
    "walang klase",
    "בוצע",
    "הושלם",
    "קראתי",
    "בתהליך",
    "בוטל",
    "ho ga",
    "liya",
    "li ya",
    "adha",
    "aadha",
    "xong",
    "đã ",
    "hủy",
    "huỷ",
    "nghỉ",
    "erl.",
    "fazendo",
    "haciendo",
    "bezig",
    "påbörj",
    "pabörj",
    "halvklar",
    "έγινε",
    "εγινε",
    "τελει",
    "ολοκλ",
    "منتهي",
    "انتهيت",
    "ακυρ",
    "ακύρ",
    "لغي",
    "ملغ",
    "إلغاء",
    "~",
    "[/]",
    "[-]",
    "done",
    "attend",
    "besucht",
    "assist",
    "asist",
    "bijgewoond",
    "frequentato",
    "went",
    "missed",
    "skipped",
    "verpasst",
    "versäumt",
    "versaumt",
    "perdi",
    "perdí",
    "raté",
    "rate",
    "manqu",
    "saltat",
    "perso",
    "persa",
    "gemist",
    "overgeslagen",
    "erledigt",
    "fertig",
    "hecho",
    "terminado",
    "fait",
    "termin",
    "fatto",
    "feito",
    "conclu",
    "klaar",
    "gedaan",
    "完成",
    "已完成",
    "已看",
    "看完",
    "做完",
    "已做",
    "已读",
    "读完",
    "没看完",
    "没看",
    "没做",
    "未完成",
    "还没",
    "済",
    "未",
    "afgerond",
    "- read",
    " read",
    "\u2013 read",
    "\u2014 read",
    "vervalt",
    "geannuleerd",
    "watched",
    "gelesen",
    "gelezen",
    "letto",
    "leído",
    "leido",
    "lido",
    "gekeken",
    "geschaut",
    "assistido",
    "(read",
    "gesehen",
    "vist",
    "guardat",
    "read it",
    "todo",
    "pend",
    "complet",
    "belum",
    "offen",
    "ausstehend",
    "faire",
    "attente",
    "da fare",
    "a fazer",
    "falta",
    "not yet",
    "noch nicht",
    "todav",
    "doing",
    "to do",
    "cancel",
    "entf",
    "abgesagt",
    "ausgefallen",
    "suspend",
    "called off",
    "removed from",
    "dropped from",
    "gestrichen",
    "fallt aus",
    "fällt aus",
    "inställd",
    "installd",
    "avlyst",
    "aflyst",
    "klar",
    "färdig",
    "fardig",
    "ferdig",
    "færdig",
    "gjort",
    "annul",
    "submitted",
    "handed in",
    "abgegeben",
    "entregad",
    "rendu",
    "consegnat",
    "ingeleverd",
    "vervallen",
    "half",
    "andamento",
    "en curso",
    "in corso",
    "bearbeitung",
    "up to",
    "until",
    "bis ",
    "hasta",
    "jusqu",
    "fino a",
    "moiti",
    "hälfte",
    "halfte",
    "halb",
    "mitad",
    "medias",
    "medio",
    "metà",
    "meta",
    "metade",
    "started",
    # Polish, Czech, Turkish, Hungarian, Finnish, Korean, Japanese, Chinese (see above).
    "zrob",
    "gotow",
    "zalicz",
    "hotov",
    "splněn",
    "splnen",
    "tamam",
    "bitti",
    "kész",
    "kesz",
    "valmis",
    "완료",
    "obejrz",
    "przeczyt",
    "zhlédn",
    "přečt",
    "izlendi",
    "okundu",
    "다 봄",
    "다봄",
    "읽음",
    "시청",
    "iptal",
    "i̇ptal",
    "zrušen",
    "zrusen",
    "odwoł",
    "odwol",
    "휴강",
    "休講",
    "停课",
    "결석",
    "欠席",
    "缺席",
    "gidemedim",
    "gelmedim",
    "nieobecn",
    "nie by",
    "chyb",
    "połow",
    "polow",
    "w trakcie",
    "napůl",
    "napul",
    "yarı",
    "yari",
    "반쯤",
    "절반",
    "途中",
    "一半",
    "sudah",
    "selesai",
    "сделано",
    "готово",
    "выполнено",
    "просмотр",
    "прочита",
    "посмотр",
    "megnézve",
    "elolvasva",
    "batal",
    "отмен",
    "elmarad",
    "félig",
    "felig",
    "setengah",
    "наполовину",
    "половин",
    "progress",
    "ongoing",
    "angefangen",
    "begonnen",
    "empezado",
    "commenc",
    "en cours",
    "begun",
    "in corso",
    "iniciad",
    "iniziato",
    "comecado",
    "come\u00e7ado",
    "\u2717",
    "\u2718",
    "\u274c",
    "\u2610",
    "\u2b1c",
    "\u25a1",
    "\u23f3",
    "\U0001f7e1",
    "\u25d0",
    "\U0001f504",
)


# Short hints as whole words: as substrings "lu" and "now" are in half of all words.
_SHORT_HINTS = r"\b(?:lu|vu|vue|now|wip|wait|later|seen|ok)\b"
# The hints that are words, as a word's start: "done" in "done!" and in "doneee"; and
# phrases of words ("handed in", "no hubo clase"), in the same tree: as an alternation of
# their own they cost 3% of a big file's read.
_HINT_WORDS = {
    hint
    for hint in _HINTS
    if len(hint) > 1
    and hint[:1].isalpha()
    and hint.replace(" ", "").isalpha()
    and hint.isascii()
    or (hint.isalpha() and len(hint) > 1)
}
# The rest, signs and phrases ("[/]", "handed in", "✓"), looked for anywhere.
_HINT_PHRASES = tuple(hint for hint in _HINTS if hint not in _HINT_WORDS and hint.isascii())
# Phrases outside ASCII ("w trakcie", "다 봄", "✓"): looked for only in text outside ASCII,
# most items' text is not (the 40 phrases of eleven more languages cost 11% of the read).
_HINT_PHRASES_WIDE = tuple(
    hint for hint in _HINTS if hint not in _HINT_WORDS and not hint.isascii()
)
# All of the ASCII hints in one search of the lowered text, the words as a tree: 4.4 us an
# item against 6.0 for a loop of "in" over the phrases and of startswith over each word's
# hints (timeit, the 10 MB synthetic notes' items).
_HINTED = regex.compile(
    "|".join(re.escape(hint) for hint in _HINT_PHRASES)
    + rf"|(?<![^\W\d_]){regex.one_of(_HINT_WORDS)}|{_SHORT_HINTS}"
)


def _hinted(text: str) -> bool:
    low = text.lower()
    if _HINTED.search(low) is not None:
        return True
    if not low.isascii():
        for hint in _HINT_PHRASES_WIDE:
            if hint in low:
                return True
    return False


_TAIL = 120
"""How far from its end a line's state word is looked for: the words that end a line
("— done", "(half watched)") are short, and a search of the whole line was quadratic in a
run of blanks inside it (5,000 blanks: 17 s; 10,000 tabs: 88 s)."""


def _end_start(pattern: re.Pattern[str], text: str) -> int:
    """Where ``pattern``, anchored at the end, starts in the text's tail; -1 if nowhere."""
    offset = max(0, len(text) - _TAIL)
    found = pattern.search(text, offset)
    return found.start() if found is not None else -1


def read_state(text: str) -> tuple[str, State | None]:
    """Cut the words or signs that give an item's state: (the rest, its state or None)."""
    if not _hinted(text):
        return text, None
    called_off = _CANCELLED.search(text) or (
        _NO_CLASS.search(text) if _NO_CLASS_HINT.search(text) else None
    )
    if called_off is not None and (
        not text.rstrip().endswith("?") or called_off.group().strip(" \t-~").isupper()
    ):
        # "~~monitoria~~ cancelada": struck because called off, not because done; "02/10 —
        # no hubo clase (huelga)": a class that did not take place; "~~TD 3~~ ANNULÉ (grève),
        # rattrapage le 24 ?": said in capitals, whatever is asked after it.
        return text, State.CANCELLED
    if "~~" in text:
        struck = _STRUCK.match(text)
        if struck is not None and "~~" not in struck["text"]:
            rest = struck["rest"]
            if _SKIP.search(rest) or _NONE_THIS_WEEK.match(rest):
                # "~~traccia 1.16~~ la prof ha detto di saltarla": struck because dropped;
                # "~~PSets~~ no pset this week": struck because there is none.
                return text, State.CANCELLED
            body = struck["text"].strip()
            return (f"{body} {rest}".strip() if rest else body), State.DONE
    if text[:2] in ("[/", "[~") and text[2:3] == "]":
        # "[/]", or "[~]" as some write begun.
        return text[3:].lstrip(" \t"), State.STARTED
    if text[:2] == "[-" and text[2:3] == "]":
        return text[3:].lstrip(" \t"), State.CANCELLED
    if _NEGATED.search(text):
        return text, State.OPEN
    found = _HALF.search(text)
    if found:
        # "half gekeken", "regardé la moitié": begun, whatever word follows; said last after
        # a dash ("manuale cap. 4 - a metà"), it is cut like any other state.
        before = text[: found.start()].rstrip(" \t(")
        if before[-1:] in "-\u2013\u2014," and not text[found.end() :].strip(" \t)!."):
            return before.rstrip(" \t-\u2013\u2014,"), State.STARTED
        return text, State.STARTED
    if _STARTED_PAREN.search(text):
        return text, State.STARTED
    found = _NOW.match(text) or _STARTED_START.match(text)
    if found:
        # "~ Körperaxiome ... geschaut": the sign in front says begun, before any word.
        return text[found.end() :], State.STARTED
    if _PARTIAL.search(text):
        return text, State.STARTED
    counted = _COUNT_DONE.search(text)
    if counted is not None:
        # "draft maybe 60% done": a share of a hundred.
        part, whole = int(counted["part"]), int(counted["whole"] or 100)
        return text, State.DONE if part >= whole > 0 else State.STARTED
    found = _DONE_PAREN.search(text)
    if found:
        return _cut(text, found), State.DONE
    found = _DONE_CAPS.search(text)
    if found:
        return _cut(text, found), State.DONE
    found = _DONE_DASH.search(text)
    if found:
        # The remark after the word is kept: "Seminar 5 — attended, we presented!".
        after = text[found.end() :].lstrip(" \t,;:.!")
        before = text[: found.start()].rstrip()
        return (f"{before} \u2014 {after}" if after else before), State.DONE
    found = _DONE_START.match(text)
    if found and found.end() < len(text):
        return text[found.end() :], State.DONE
    start = _end_start(_DONE_END, text)
    if start > 0:
        return text[:start].rstrip(), State.DONE
    start = _end_start(_READ_END, text)
    if start > 0:
        # "Rachels ch. 9-10 (the two Kant chapters) read": the reading, read.
        return text[:start].rstrip(), State.DONE
    found = _TODO.search(text)
    if found:
        return _cut(text, found), State.OPEN
    start = _end_start(_OPEN_END, text)
    if start > 0:
        remark = _OPEN_END.search(text, start)["remark"]  # type: ignore[index]
        return (
            f"{text[:start].rstrip()} {remark}" if remark else text[:start].rstrip()
        ), State.OPEN
    if text[:1] in STARTED_SIGNS or text.rstrip()[-1:] in STARTED_SIGNS:
        return text.strip(STARTED_SIGNS + " \t\ufe0f"), State.STARTED
    found = _NOW.match(text)
    if found:
        return text[found.end() :], State.STARTED
    found = _STARTED_START.match(text)
    if found:
        return text[found.end() :], State.STARTED
    start = _end_start(_STARTED_END, text)
    if start > 0:
        return text[:start].rstrip(), State.STARTED
    found = _OPEN_SIGNS.search(text)
    if found:
        return _cut(text, found), State.OPEN
    if _MISSED.search(text) and not text.rstrip().endswith("?"):
        return text, State.OPEN
    return text, None


# A class that did not take place, said of the whole unit: "NÃO TEVE AULA", "no class".
_NO_CLASS = regex.compile(
    r"\b(?:no class(?:es)?(?: today| this week)?$|class (?:was )?cancel+ed|"
    r"n[ãa]o (?:teve|houve|ter[áa]|haver[áa]) aula|sem aula|no hubo clase|no hay clase|sin clase|"
    r"keine (?:vorlesung|sitzung|übung|uebung|veranstaltung)|pas de cours|"
    r"niente lezione|nessuna lezione|lezione annullata|geen college|geen les)\b",
    re.I,
)


# The words one of which every _NO_CLASS phrase holds: one quick search before the long one.
_NO_CLASS_HINT = regex.compile(
    r"(?i:class|clase|aula|cours|lezione|college|les\b|vorlesung|sitzung|bung|veranstaltung)"
)


def says_no_class(text: str) -> bool:
    """True when a unit's title or line says the class did not happen ("NÃO TEVE AULA")."""
    return bool(_NO_CLASS.search(text)) or says_cancelled(text)


def says_cancelled(text: str) -> bool:
    """True when a line says it was called off ("~~VL 8~~ entfällt"), ticked or not."""
    return _hinted(text) and bool(_CANCELLED.search(text)) and not text.rstrip().endswith("?")


def _cut(text: str, found: re.Match[str]) -> str:
    before, after = text[: found.start()].rstrip(" \t-\u2013\u2014:"), text[found.end() :].lstrip()
    return f"{before} {after}" if before and after else before or after


# A legend's entry: a short sign, "=" or ":", what it means ("✓ = read/done", "x = not read",
# "~ = skimmed only, go back"), several to a line, set apart by two blanks or a comma.
# A legend's sign: a short mark, or a word in square brackets ("[skimmed]", "[ ]").
_SIGN = r"(?:\[[^\]\n=]{1,12}\]|\([^\s()=]{1,8}(?: [^\s()=]{1,8})?\)|[^\s=:,;|]{1,4})"
_LEGEND_ENTRY = regex.compile(
    # After the line's start, two blanks, a comma, or the colon of "key: ◦ = to do, …".
    rf"(?:^|[ \t]{{2,}}|[,;|:][ \t]*|\t|[ \t](?=\[))(?P<sign>{_SIGN})[ \t]*[=:][ \t]*"
    r"(?P<meaning>[^=]+?)"
    # Up to the next sign, the end, or a sentence's end ("x = didn't happen. the rest …").
    rf"(?=[ \t]{{2,}}{_SIGN}[ \t]*[=:]|[,;|.]?[ \t]*{_SIGN}[ \t]*[=:]|[.)]?$|\.[ \t])"
)
# What a legend's words say that an item's words never do: "x = not yet", "~ = skimmed".
_LEGEND_NOT = regex.compile(
    r"\b(?:not|no|nicht|kein|nie|pas|non|niet|nog niet|n[ãa]o|todav[íi]a no|ancora)\b", re.I
)
_LEGEND_STARTED = regex.compile(
    r"\b(?:skim\w*|partly|partially|begun|started|in progress|halfway|half done)\b", re.I
)
_LEGEND_NOT_STARTED = regex.compile(r"\bnot (?:yet )?(?:started|begun)\b", re.I)
_LEGEND_DONE = regex.compile(r"\b(?:got through|enough for|counts as done|all of it)\b", re.I)


# A legend introduced by its name, signs and words set apart by two blanks: "key: • task
# × done  > migrated  – note  o event" (a bullet journal's signifiers).
_KEY_LINE = regex.compile(
    r"[ \t]*(?i:key|legend|legende|légende|clave|leyenda|signs|symbols|signifiers)"
    # "key for readings:": what the signs are for.
    r"(?:[ \t]+(?i:for|to|of|für|zu|de|para|pour|per)[ \t]+[^\W\d_]+)?[ \t]*:[ \t]*"
    r"(?P<rest>.+)$"
)
_KEY_ENTRY = regex.compile(
    # A sign, or a letter or sign in brackets: "(R) read properly   (S) skimmed".
    r"(?P<sign>[^\s\w]{1,2}|[a-zA-Z]|\([^\s()]{1,2}\)|\[[^\s\[\]]{1,2}\])[ \t]+"
    r"(?P<meaning>[^\W\d_][^\n]*?)[ \t]*$"
)
_LEGEND_NOTE = regex.compile(r"\b(?i:note|notes|event|events|info|comment|notiz|nota|termin)\b")
_LEGEND_TASK = regex.compile(r"\b(?i:task|todo|to do|open|migrated|moved|postponed|aufgabe)\b")


def _legend_only(meaning: str) -> bool:
    """Whether a legend's words say begun or done as only legends do ("skimmed only",
    "got through it, enough for seminar")."""
    return bool(
        _LEGEND_STARTED.search(meaning) and not _LEGEND_NOT_STARTED.search(meaning)
    ) or bool(_LEGEND_DONE.search(meaning) and not _LEGEND_NOT.search(meaning))


def _meaning(meaning: str) -> State | None | bool:
    """What a legend's words make of its sign: a state, None for a note, False for none.

    The state words are an item's ("read/done", "not read", "half", "entfällt"), read by
    ``read_state``; only what legends alone say is looked for here."""
    if _LEGEND_STARTED.search(meaning) and not _LEGEND_NOT_STARTED.search(meaning):
        return State.STARTED
    if _LEGEND_DONE.search(meaning) and not _LEGEND_NOT.search(meaning):
        # "[skimmed] = got through it, enough for seminar": the student's own bar for done.
        return State.DONE
    # After an item's words, as on a task's line: a word alone is no item's state.
    said = read_state(f"item {meaning}")[1]
    if said is not None:
        return said
    first = meaning.split(maxsplit=1)
    if len(first) == 2:
        # "read properly", "done (all of it)": the state word first, a remark after it.
        said = read_state(f"item {first[0]}")[1]
        if said is not None:
            return said
    if _LEGEND_NOT.search(meaning) or _STATUS.get(meaning.split()[0].casefold()) == "open":
        # "- = offen", "o = pending": a status word for open, as no item's words say it.
        return State.OPEN
    if _LEGEND_NOTE.search(meaning):
        return None
    if _LEGEND_TASK.search(meaning):
        return State.OPEN
    return False


def read_legend(lines: list[str]) -> dict[str, State | None]:
    """The marks a file's own legend explains, above its first unit: "✓ = read/done    ~ =
    skimmed only    x = not read" gives ✓ done, ~ started and x not done. Two entries on a
    line at least, so that "a = b" in a note is no legend; signs whose meaning says no
    state ("* = KEY case") are left out."""
    legend: dict[str, State | None] = {}
    for line in lines:
        if len(line) > 200:
            continue
        keyed = _KEY_LINE.match(line)
        if keyed is not None and "=" not in line:
            parts = [
                _KEY_ENTRY.fullmatch(p.strip()) for p in re.split(r"[ \t]{2,}|,|/", keyed["rest"])
            ]
            found = [(p["sign"], p["meaning"]) for p in parts if p is not None]
            if len(found) >= 2:
                for sign, meaning in found:
                    said = _meaning(meaning)
                    if said is not False:
                        legend[sign] = said  # type: ignore[assignment]
            continue
        if line.count("=") + line.count(":") < 2:
            continue
        if keyed is not None:
            line = keyed["rest"]  # "key:  * = done    o = still to do": the signs after it
        entries = list(_LEGEND_ENTRY.finditer(line.strip()))
        if len(entries) < 2:
            continue
        for entry in entries:
            sign, meaning = entry["sign"], entry["meaning"]
            if sign.isalnum() and len(sign) > 1:
                continue  # a word ("note: …"), not a mark
            if sign[:1] == "[" and len(sign) <= 3:
                continue  # "[ ]", "[x]", "[~]": the reader's own boxes, read as boxes
            said = _meaning(meaning)
            if sign[:1] in "([" and len(sign) > 3 and not _legend_only(meaning):
                # "(skimmed) = read headnote + key paras only": a word that says its own
                # state means it, whatever an item's words after it say; "(read) = done"
                # says it by them; "[skimmed] = got through it" by a legend's own words.
                own = _meaning(sign[1:-1])
                said = own if own is not False else said
            if said is not False and said is not None:
                legend[sign] = said
    return legend
