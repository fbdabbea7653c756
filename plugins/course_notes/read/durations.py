"""Video lengths as students write them: ``(4:40)``, ``[1h 5m]``, ``58 min``, in seconds."""

from __future__ import annotations

import re

from .. import regex
from .marks import _cut
from .parts import LETTER
from .states import SEEN_WORDS

# A duration's candidates: the text of each (...) or [...] (not a link's [text](url)).
_BRACKETED = regex.compile(r"\((?P<paren>[^()\[\]]*)\)|\[(?P<bracket>[^()\[\]]*)\](?!\()")


# Digits bounded: no video runs 100,000 hours, and int() of a 5,000-digit run raises.
_CLOCK = regex.compile(r"(?:(\d{1,5})[:.])?(\d{1,2})[:.](\d\d)")


# A unit's word, Thai's and Arabic's vowel signs in it ("15 นาที"): no \w for Python.
_DURATION_PART = regex.compile(
    r"(?P<number>\d{1,7})(?!\d)[ \t]*"
    rf"(?P<unit>{LETTER}*)\.?[ \t,]*"
    # "1 hour and 5 minutes", "۱ ساعت و ۵ دقیقه": a word joining the parts.
    r"(?:(?:and|und|og|och|en|et|e|y|i|a|و)[ \t]+(?=\d))?"
)


# In English, German, Spanish, French, Italian, Portuguese, Dutch, Swedish, Turkish, Czech
# Polish, Hungarian, Indonesian and Russian: "1 Std. 31 Min.", "1 hora 5 minutos", "45
# minuti", "1 sa 10 dk", "2 hod", "45 perc", "1 jam 10 menit", "1 ч 5 мин".
_UNIT_SECONDS = {
    **dict.fromkeys(
        "h hr hrs hour hours std stunde stunden hora horas heure heures ora ore uur u "
        "timme timmar tim sa saat hod godz jam óra ч час часа часов "
        # Arabic, Greek, Vietnamese, Finnish, Ukrainian.
        "ساعة ساعه ساعات ώρα ώρες ωρα ωρες giờ gio tiếng t tuntia tunti год ساعت ชั่วโมง "
        "ชม".split(),
        3600,
    ),
    **dict.fromkeys(
        "m min mins minute minutes minuten minuto minutos minuti minuter dk dakika perc menit "
        "мин минут минуты минута دقيقة دقيقه دقائق λεπτά λεπτα λεπ phút phut хв хвилин "
        "хвилини minit دقیقه นาที dakika".split(),
        60,
    ),
    **dict.fromkeys(
        "s sec secs second seconds sek sekunden segundos secondes secondi sn saniye mp detik "
        "сек ثانية ثانيه ثواني δευτ giây giay".split(),
        1,
    ),
    # Chinese, Japanese and Korean: hours, minutes, seconds ("45分钟", "1小时20分钟",
    # "1時間5分", "1시간 12분").
    "小时": 3600,
    "時間": 3600,
    "시간": 3600,
    "分钟": 60,
    "分": 60,
    "분": 60,
    "秒": 1,
    "초": 1,
}


_UNIT_FIRST = regex.compile(
    r"(?:saa[ \t]+(?P<hours>\d{1,2})[ \t,]*(?:na[ \t]+)?)?(?:dakika[ \t]+(?P<minutes>\d{1,3}))?",
    re.I,
)
# Finnish and Swedish hours' short words: a length only with its minutes ("1 t 30 min").
_SHORT_HOURS = frozenset(("t", "tim"))


def parse_duration(text: str) -> tuple[str, int | None]:
    """Split a video's text into its title and its length in seconds (None if unknown).

    The duration is the last ``(...)`` or ``[...]`` anywhere in the text that holds one
    (``4:40``, ``1h 5m``, ``58 min``...); failing that, a ``(?)`` or ``()`` says unknown.
    Either is cut from the title; other parentheses stay (``GANs (part 2)``).
    """
    if text.endswith(")"):
        # Most often the last parenthesis holds the duration: no scan of the whole text.
        start = text.rfind("(")
        inside = text[start + 1 : -1]
        if start >= 0 and ")" not in inside:
            inside = inside.strip()
            seconds = duration_seconds(inside)
            if seconds is not None:
                return text[:start].rstrip(), seconds
            if (inside == "" or inside == "?") and "(" not in text[:start] and "[" not in text:
                return text[:start].rstrip(), None
    elif "(" not in text and "[" not in text:
        return text, None
    chosen = unknown = None
    seconds = None
    for found in _BRACKETED.finditer(text):
        paren = found["paren"]
        inside = (paren if paren is not None else found["bracket"]).strip()
        length = duration_seconds(inside)
        if length is not None:
            chosen, seconds = found, length
        elif inside == "?" or (not inside and paren is not None):
            unknown = found
    chosen = chosen or unknown
    if chosen is None:
        return text, None
    return _cut(text, chosen.start(), chosen.end()), seconds


def duration_seconds(text: str) -> int | None:
    """A written duration in seconds: a clock (``4:40``, ``16.57``, ``1:02:03``) or units
    (``1h 5m``, ``1h05``, ``58 min``, ``1 hr 45 min``, ``5m30s``, ``90s``); else None."""
    seconds = clock_seconds(text)
    if seconds is not None:
        return seconds
    if not text[:1].isdigit():
        # Swahili writes the unit first: "dakika 12", "saa 1 na dakika 5".
        first = _UNIT_FIRST.fullmatch(text) if text[:1] in "dsDS" else None
        if first is None or not (first["hours"] or first["minutes"]):
            return None
        return int(first["hours"] or 0) * 3600 + int(first["minutes"] or 0) * 60
    hours = _CLOCK_IN_HOURS.fullmatch(text) if ":" in text else None
    if hours is not None:
        # "(1:32 Std.)", "(1:05 h)": hours and minutes, as the word after them says.
        return int(hours["hours"]) * 3600 + int(hours["minutes"]) * 60
    decimal = _DECIMAL_HOURS.fullmatch(text)
    if decimal is not None:
        # "1,5 uur", "1.5 hrs": hours and a fraction, as the comma or the dot writes it.
        return round(float(decimal["hours"].replace(",", ".")) * 3600)
    total, position, previous = 0, 0, 0
    while position < len(text):
        part = _DURATION_PART.match(text, position)
        if part is None:
            return None
        unit = part["unit"].lower()
        if unit:
            size = _UNIT_SECONDS.get(unit)
        else:
            # A bare number only after hours (minutes: "1h05") or minutes ("5m30"), last.
            size = previous // 60 if previous in (3600, 60) else None
            if part.end() != len(text):
                return None
        if size is None or (previous and size >= previous):
            return None
        total += int(part["number"]) * size
        previous, position = size, part.end()
    if unit in _SHORT_HOURS:
        return None  # "(2 t)", "(2 tim)": an hour's short word only with minutes after it
    return total


def clock_seconds(text: str) -> int | None:
    """``4:40``, ``16.57`` or ``1:02:03`` in seconds; None if the text is no such clock."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        return None
    hours, minutes, seconds = found.groups()
    return (int(hours) * 3600 if hours else 0) + int(minutes) * 60 + int(seconds)


# A length written without brackets, anywhere in a video's line: a clock ("7:32",
# "1:02:03"), units ("45m", "12m30s", "1h 10min", "45 Min."), or minutes and seconds
# ("6'30\""), or hours and minutes ("1h22", "1h02'10"). A clock that is a time of day
# ("11:59pm", "at 9:00", "due 14:00") is none.
_DECIMAL_HOURS = regex.compile(
    r"(?P<hours>\d{1,2}[.,]\d{1,2})[ \t]?(?:h|hrs?|hours?|uur|std\.?|stunden?|horas?|heures?)",
    re.I,
)
_CLOCK_IN_HOURS = regex.compile(
    r"(?P<hours>\d{1,2}):(?P<minutes>[0-5]\d)[ \t]?"
    r"(?:h|hrs?|hours?|std\.?|stunden?|uur|horas?|heures?)",
    re.I,
)
_LOOSE = regex.compile(
    r"(?<![\w:./'])(?:"
    # "1,5 uur", "1.5 hrs": decimal hours.
    r"(?P<decimal>\d{1,2}[.,]\d{1,2}[ \t]?(?:h|hrs?|hours?|uur|std|stunden?|horas?|heures?)"
    r"(?![\w-]))|"
    # "2:30 slot": a time of day too.
    r"(?P<clock>(?:\d{1,3}:)?\d{1,2}:\d\d)(?![\w:]|[ \t]*(?:am|pm|uhr|h\b|slot|appt|appointment))"
    r"|(?P<units>\d{1,4}[ \t]?(?:h|hr|hrs|hours?|std|stunden?|horas?|heures?|uur|sa|saat|hod|"
    # "1u 45m": the Dutch hour's letter, with minutes after it.
    # "1u 45m", "1u" (Dutch): the hour's letter right after its number.
    r"godz|jam|óra|ч|час|часа|часов|ساعة|ساعات|ώρα|ώρες|giờ|год|ساعت|ชั่วโมง|"
    # "1 t 30 min" (Finnish), "1 tim 10 min" (Swedish): the hour's short word, with minutes
    # after it ("2 Tim and Ana" names a Tim).
    r"(?:tim|t)(?=[ \t]*\d{1,2}[ \t]?min)|u(?=[ \t]*\d)|(?<=\d)u(?![\w']))\.?"
    r"(?:[ \t]*\d{1,2}[ \t]?(?:m|min|mins|minutes?|minuten|minutos|minuti|dk|dakika|perc|menit|"
    r"мин|минут|минуты|دقيقة|دقائق|λεπτά|λεπ|phút|хв|minit|دقیقه|นาที)\.?"
    # "1 Std. 25": the minutes after the hours, without their unit.
    r"|[ \t]+\d{1,2}['\u2032\u2019]?(?![\d:.,'\u2032\u2019]|[ \t]*[^\W\d_]))?"
    r"(?:[ \t]*\d{1,2}[ \t]?(?:s|sec|secs)\.?)?"
    # A capital "M" alone is no minute: "67M w/ dyspnea" (a man of 67), "5M views".
    r"|\d{1,4}[ \t]?(?:(?-i:m)|min|mins|minutes?|minuten|minutos|minuti|dk|dakika|perc|menit|"
    r"мин|минут|минуты|دقيقة|دقائق|λεπτά|λεπ|phút|хв|minit|دقیقه|นาที)\.?"
    r"(?:[ \t]*\d{1,2}[ \t]?(?:s|sec|secs|seconds?|sn|detik|сек)\.?"
    # "8 min 30": the seconds after the minutes, without their unit.
    r"|[ \t]+\d{1,2}(?![\d:.,'\u2032\u2019]|[ \t]*[^\W\d_]))?"
    r"|\d{1,5}[ \t]?(?:s|sec|secs|seconds?))(?![\w'])"
    # "1h05", and the Dutch "1u10".
    # "1h10'": the minutes' prime after them.
    r"|(?P<hours>\d{1,2})[hu](?P<hminutes>\d\d)"
    r"(?:['\u2032\u2019](?P<hseconds>\d\d)|['\u2032\u2019](?![\w'\u2032\u2019]))?(?![\d'\u2032\u2019])"
    r"|(?P<primes>\d{1,3})['\u2032\u2019][ \t]?(?P<seconds>\d\d)(?:[\"\u2033\u201d]|''|(?!\d))"
    # "1時間10分", "45分", "12分30秒", "1시간 12분": Japanese, Chinese and Korean units, words
    # or no words after them; "1분기" (a quarter) is none.
    r"|(?P<cjk>(?:\d{1,2}[ \t]?(?:時間|小时|시간)(?:[ \t]?\d{1,2}[ \t]?(?:分钟?|분))?"
    r"|\d{1,3}[ \t]?(?:分钟?|분(?!기)))(?:[ \t]?\d{1,2}[ \t]?(?:秒|초))?)"
    # "34'": minutes alone, with a prime.
    r"|(?P<prime>\d{1,3})['\u2032\u2019](?![\w'\u2032\u2019])"
    r")",
    re.I,
)
# Words after which a number is a time, a point in a video or an estimate, not its length.
_AT_WORDS = (
    r"at|due|um|bis|a las|à|alle|by|@|from|von|ab|parei no|parei em|parei|stopped at|"
    r"up to|until|hasta|jusqu'[àa]|fino a|at[ée]|tot|min\.|ca\."
)
# Weekdays as written, whole: their first letters alone start other words ("Moodle 1h40").
_WEEKDAYS = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?s?|"
    r"mo|di|mi|do|fr|sa|so|(?:mon|diens|mitt|donners|frei|sams|sonn)tag|mittwoch|"
    r"lun|mar|mer|jeu|ven|sam|dim|(?:lun|mar|mercre|jeu|vendre|same|diman)di|dimanche|"
    r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|"
    r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica"
)
# "up to ~30:00": where a video was left, roughly, is no length either.
_WEEKDAY_BEFORE = regex.compile(rf"\b(?:{_WEEKDAYS})(?!\w)\.?[ \t]*$", re.I)
_TIME_OF_DAY_BEFORE = regex.compile(
    rf"(?:\b(?:{_AT_WORDS}|{_WEEKDAYS})(?!\w)\.?[ \t]*~?[ \t]*$)"
    # A date before it: "Abgabe 10.05., 12:00", "due 10/5, 12:00"; not a section's "3.2"
    # nor a catalogue's "BWV 26/6 1:10".
    r"|(?<![\d.])\d{1,2}(?:\.\d{1,2}\.(?:\d{2,4})?[ \t]*,?|/\d{1,2}(?:/\d{2,4})?[ \t]*,)"
    r"[ \t*_]*$",
    re.I,
)
# "watched 20 of 45 min", "visto 20 de 45 min", "20/45 min": the second number is the length.
_PART_OF = regex.compile(
    r"(?P<part>\d{1,4}(?::\d\d)?)[ \t]*(?:min\.?|m)?[ \t]*(?:of|de|von|sur|di)[ \t]*"
    r"(?P<whole>\d{1,4}(?::\d\d)?[ \t]*(?:h|hr|hrs|min|mins|minutes?|m)?\.?)(?![\w])",
    re.I,
)
# Where a begun video was left: "stopped at 1:02:00", "bis 45:00 geschaut", "parei em 12:30".
_LEFT_AT = regex.compile(
    r"\b(?:stopped|paused|left off|gestoppt|angehalten|arrêté|arrete|parei|pausad[oa]|"
    r"me quedé|quedé|fermato|fermata|gebleven)[ \t]+(?:at|bei|à|a|em|no|en|el|al|op)?[ \t]*"
    r"(?:~|ca\.|about|around|approx\.?)?[ \t]*"
    r"(?:min\.?[ \t]*|minute[ \t]*|minuto[ \t]*)?"
    r"|(?P<upto>\b(?:nur bis|bis|up to|until|hasta(?: el)?|jusqu['\u2019]à|fino al?|até(?: o)?))"
    r"[ \t]+(?:(?:ca\.|circa|~)[ \t]*)?(?P<minute>(?:min\.?|minut[eo])[ \t]*)?(?=[\d])",
    re.I,
)
# "bis 14:00" alone may be a time of day: "up to" is where a video was left only with a
# word for watching, or a minute mark ("up to min 20").
_SEEN = regex.compile(
    rf"\b(?:{SEEN_WORDS}|viewed|angeschaut|vista|regardé|assisti)\b",
    re.I,
)
_BARE = regex.compile(r"\d{1,4}\.?")
_POINT = regex.compile(
    r"(?P<clock>(?:\d{1,3}:)?\d{1,2}:\d\d)(?![\d:])"
    r"|(?P<minutes>\d{1,3})(?:[ \t]*(?:min|m)\b|(?![\d:.]))"
)
# Before a length in units, what makes it no video's: "min." (a list of minutes), "ca." (an
# estimate unless said roughly), or a time word ("until 45 min"); the words whole, not
# their starts, as weekdays are ("attention 45 min" is a length).
_UNITS_NOT_LENGTH = regex.compile(rf"\b(?:{_AT_WORDS})\.?[ \t]*$", re.I)
# A length that is not a video's: reading time, estimates.
# "NhMM" from this hour on is a time of day: no lecture is recorded for five hours.
_CLOCK_HOURS = 5
_NOT_VIDEO = regex.compile(
    # "(cheguei 20 min atrasada)", "20 min late": how late, no length.
    r"^[ \t]*(?:late\b|early\b|atrasad|de atraso|tarde\b|en retard|de retard|in ritardo|"
    r"zu sp[äa]t|versp[äa]t|te laat|ge[çc]\b|"
    r"read|reading|lesen|lectura|lecture\b|de lecture|to read|"
    r"(?:of )?work\b|left\b|aufwand|arbeit|de trabajo|de travail|di lavoro|de trabalho)",
    re.I,
)
_ROUGHLY = regex.compile(r"(?:ca\.|circa|approx\.?|~)[ \t]*$", re.I)
# "~11 min", "ca. 45 min" in a video's line are its length, roughly: still its length.
# "approx 45 mins" is a length, roughly, as "~45 min" is ("approx 2h of work" is work).
_ESTIMATE = regex.compile(r"(?:estimated|est\.)[ \t]*$", re.I)


# "stopped ~20 min in", "paused at about 12:00": where a video was left, after its length.
_STOPPED_BEFORE = regex.compile(
    # "(bis ca. 50 min geschaut)", "up to 20 min": how far it was watched, no length.
    r"\b(?:stopped|paused|left off|gestoppt|angehalten|parei|fermato|me qued[ée]|bis|up to|"
    r"until|hasta|fino a|jusqu['\u2019]?[àa])"
    r"(?:[ \t]+(?:at|bei|em|no|a|al|en))?[ \t]*(?:~|ca\.|about|around|approx\.?)?[ \t]*$",
    re.I,
)


def find_duration(text: str) -> tuple[str, int | None, int | None]:
    """A video's title, length in seconds and watched part (``watched 20 of 45 min``).

    Bracketed lengths win (``parse_duration``); else the last length written anywhere,
    but a time of day, a reading time or an estimate.
    """
    title, seconds = parse_duration(text)
    part = _PART_OF.search(text)
    if part is not None and (
        # A bare whole only after a word for watching: "watched 20 of 45"; "2 of 3 done"
        # counts what is done, no length.
        not _BARE.fullmatch(part["whole"].strip()) or _SEEN.search(text, 0, part.start())
    ):
        whole = duration_seconds(part["whole"].strip().rstrip(".")) or _minutes(part["whole"])
        done = duration_seconds(part["part"]) or _minutes(part["part"])
        if whole:
            return title, seconds or whole, done
    if seconds is not None:
        return title, seconds, left_at(text, seconds)
    chosen = None
    # Past ">>" is the student's remark: "— 1:09:30 >> only first 20 min" is 1:09:30 long.
    remark = text.find(">>")
    for found in _LOOSE.finditer(text, 0, remark if remark > 0 else len(text)):
        before = text[: found.start()]
        if _ESTIMATE.search(before):
            continue
        if (
            (found["clock"] or found["hours"])
            and _TIME_OF_DAY_BEFORE.search(before)
            # "Vorlesungsaufzeichnung Di 1:24:10": after a weekday alone, a clock with
            # seconds is a length ("at 1:10:00", "up to 1:10:00" stay no length).
            and not (
                found["clock"] and found["clock"].count(":") == 2 and _WEEKDAY_BEFORE.search(before)
            )
            or found["units"]
            and _UNITS_NOT_LENGTH.search(before)
            and not _ROUGHLY.search(before)
        ):
            # "at 9:00", "à 9h30", "ca. 14:00" are times of day; "ca. 25 Min." is a length,
            # roughly, and "home front 46m" one too (a weekday's letters start "front").
            continue
        if _NOT_VIDEO.match(text[found.end() :]) or _STOPPED_BEFORE.search(before):
            continue
        if found["hours"] and int(found["hours"]) >= _CLOCK_HOURS:
            # "entregue 23h58", "aula 14h30": a time of day as French and Portuguese write
            # it; "reg. 1h22" is a length.
            continue
        chosen = found
    if chosen is None:
        return title, None, None
    if chosen["decimal"]:
        length = duration_seconds(chosen["decimal"].replace(" ", "").replace("\t", ""))
    elif chosen["hours"]:
        length = int(chosen["hours"]) * 3600 + int(chosen["hminutes"]) * 60
        length += int(chosen["hseconds"] or 0)
    elif chosen["primes"]:
        length = int(chosen["primes"]) * 60 + int(chosen["seconds"])
    elif chosen["prime"]:
        length = int(chosen["prime"]) * 60
    elif chosen["cjk"]:
        length = duration_seconds(chosen["cjk"].replace(" ", "").replace("\t", ""))
    else:
        if chosen["clock"]:
            length = clock_seconds(chosen["clock"])
        else:
            written = chosen["units"].replace(" ", "").replace("\t", "")
            length = duration_seconds(_plain_units(written))
    if length is None:
        return title, None, None
    start, end = chosen.start(), chosen.end()
    rough = _ROUGHLY.search(text, 0, start)
    if rough is not None:
        # "(ca. 25 Min.)": the "ca." goes with the length it qualifies.
        start = rough.start()
    if text[start - 1 : start] in "([" and text[end : end + 1] in ")]" and start:
        start, end = start - 1, end + 1
    # "Video: Cost function • 7 min": the separator before the length goes with it.
    title = _cut(text, start, end).rstrip(" \t-\u2013\u2014,\u2022\u00b7|")
    title = title.replace("( )", "").replace(" )", ")")
    title = title.replace(",)", ")")
    # "vid (12 min, watched)": the comma that followed the length goes with it.
    title = title.replace("( ", "(").replace("(, ", "(")
    return title.strip(), length, left_at(text, length)


def left_at(text: str, length: int) -> int | None:
    """Where a video of ``length`` seconds was left, in seconds (``stopped at 1:02:00``)."""
    for found in _LEFT_AT.finditer(text):
        if found["upto"] and not found["minute"] and not _SEEN.search(text):
            continue
        point = _POINT.match(text, found.end())
        if point is None:
            continue
        if point["clock"]:
            seconds = clock_seconds(point["clock"])
        else:
            seconds = int(point["minutes"]) * 60
        if seconds is not None and 0 < seconds < length:
            return seconds
    return None


def _minutes(text: str) -> int | None:
    digits = text.strip().rstrip(".")
    return int(digits) * 60 if digits.isdigit() else duration_seconds(digits)


# Dots of abbreviations and the primes of "1 h 29'": no part of a unit's name.
_NOT_UNITS = str.maketrans("", "", ".'\u2032\u2019")
_UNIT_WORD = regex.compile(r"(?P<n>\d+)(?P<u>[^\d]*)")


def _plain_units(text: str) -> str:
    """``45Min.``, ``1h10min`` or ``1Std.25`` as the unit grammar reads them (``45min``,
    ``1h 10min``, ``1std 25``): a number and its unit, or a last bare number."""
    text = text.lower().translate(_NOT_UNITS)
    return " ".join(f"{m['n']}{m['u']}" for m in _UNIT_WORD.finditer(text)) or text
