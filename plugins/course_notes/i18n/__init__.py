"""The site's words and dates in the course's language: gettext catalogs and Babel's CLDR data.

Every sentence the package writes into a page, a download, the calendar or the command line
goes through a ``Language``: ``gettext`` and ``ngettext`` from the catalog of the language
asked for (``locale/<code>/LC_MESSAGES/course-notes.mo``, compiled from the ``.po`` beside
it by ``make catalogs``), dates and weekdays from Babel's CLDR data for the same language.
A language with no catalog is English throughout (words and dates alike: an English
sentence around an Arabic date reads worse than either), and says which catalog it missed;
its text direction stays its own, so a right-to-left site still lays out right to left.
"""

from __future__ import annotations

import datetime
import functools
import gettext as gettext_module
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "course-notes"
LOCALES = Path(__file__).parent / "locale"
SOURCE = "en"
"""The language the messages are written in: its catalog maps each to itself."""

# English dates as the site has always written them ("Fri 14 Mar 2027"): CLDR's "en" is
# American ("Fri, Mar 14, 2027"), which reads oddly next to the day-first ISO dates of notes.
_ENGLISH = {"day": "EEE d MMM y", "short_day": "EEE d MMM"}
_DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# The CLDR skeletons of the other languages: a weekday, a day, a short month (and a year).
_SKELETONS = {"day": "yMMMEd", "short_day": "MMMEd"}


def shipped() -> tuple[str, ...]:
    """The languages with a compiled catalog in the package, ``en`` first."""
    found = sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE, *(code for code in found if code != SOURCE))


def _candidates(code: str) -> list[str]:
    # "pt-BR" asks for pt_BR, then pt; "zh-hant-tw" for zh_Hant_TW, zh_Hant, zh.
    parts = _normal(code.strip()).split("_")
    return ["_".join(parts[:size]) for size in range(len(parts), 0, -1) if parts[0]]


def _normal(code: str) -> str:
    # CLDR's case: language lower, script title, region upper (Babel's parse wants it so).
    parts = code.replace("-", "_").split("_")
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        fixed.append(part.title() if len(part) == 4 else part.upper())
    return "_".join(fixed)


@functools.cache
def _catalog(code: str) -> gettext_module.NullTranslations | None:
    path = LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return gettext_module.GNUTranslations(handle)


@functools.cache
def _babel_locale(code: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(_normal(code))
    except (ValueError, UnknownLocaleError):
        return None


@dataclass(frozen=True)
class Language:
    """One language's words, plurals, dates and text direction."""

    asked: str = SOURCE
    """The code the site asked for (``de``, ``pt-BR``, ``ar``)."""
    code: str = SOURCE
    """The catalog used: ``asked``'s, its base language's, or English when neither ships."""
    direction: str = "ltr"
    """``rtl`` for a right-to-left language (Arabic, Hebrew), whatever catalog it falls back to."""
    missing: bool = False
    """True when the language asked for has no catalog: the site is in English."""
    _translations: gettext_module.NullTranslations = field(
        default_factory=gettext_module.NullTranslations, repr=False, compare=False
    )

    def gettext(self, message: str, **values: object) -> str:
        """``message`` in this language, ``{name}`` placeholders filled from ``values``."""
        text = self._translations.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """The form for ``count`` (``{count}`` is filled in), by the language's plural rules."""
        text = self._translations.ngettext(singular, plural, count)
        return text.format(count=count, **values)

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """``message`` as ``context`` means it (``done`` of a badge, not of a verb)."""
        text = self._translations.pgettext(context, message)
        return text.format(**values) if values else text

    def number(self, value: int) -> str:
        """``2,000`` in English, ``2.000`` in German: a whole number as the language groups it."""
        locale = _babel_locale(self.code) if self.code != SOURCE else None
        if locale is None:
            return f"{value:,}"
        from babel import numbers

        return numbers.format_decimal(value, locale=locale)

    def day(self, when: datetime.date) -> str:
        """``Fri 14 Mar 2027``, ``Fr., 14. März 2027``: a weekday, a day, a month and a year."""
        return self._date(when, "day")

    def short_day(self, when: datetime.date) -> str:
        """``Fri 14 Mar``, ``Fr., 14. März``."""
        return self._date(when, "short_day")

    def _date(self, when: datetime.date, form: str) -> str:
        locale = _babel_locale(self.code) if self.code != SOURCE else None
        if locale is None:
            # English without Babel: importing babel.dates costs a build that needs no
            # other language about 20 ms, and these two forms are all English needs.
            day = f"{_DAYS[when.weekday()]} {when.day} {_MONTHS[when.month - 1]}"
            return f"{day} {when.year}" if form == "day" else day
        from babel import dates

        return dates.format_skeleton(_SKELETONS[form], when, locale=locale)

    def date_parts(self) -> dict[str, str]:
        """What the page's script needs to write a date itself, as data attributes.

        The pattern of ``day`` (CLDR's letters: ``EEE``, ``d``, ``MMM``, ``y``) and the
        abbreviated weekday (Sunday first, as JavaScript counts) and month names.
        """
        locale = _babel_locale(self.code) if self.code != SOURCE else None
        if locale is None:
            locale = _babel_locale(SOURCE)
            pattern = _ENGLISH["day"]
        else:
            pattern = locale.datetime_skeletons[_SKELETONS["day"]].pattern
        days = locale.days["format"]["abbreviated"]
        months = locale.months["format"]["abbreviated"]
        return {
            "pattern": pattern,
            # Babel counts weekdays from Monday (0); JavaScript's getDay() from Sunday.
            "days": "|".join(days[(index + 6) % 7] for index in range(7)),
            "months": "|".join(months[index] for index in range(1, 13)),
        }


# Languages written right to left, by ISO 639 code (Material mirrors its layout for these).
RIGHT_TO_LEFT = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"}
)


@functools.cache
def language(code: str | None = None) -> Language:
    """The ``Language`` for a code (``de``, ``pt-BR``; None or empty: English)."""
    asked = (code or SOURCE).strip() or SOURCE
    candidates = _candidates(asked) or [SOURCE]
    direction = "rtl" if candidates[-1] in RIGHT_TO_LEFT else "ltr"
    for candidate in candidates:
        catalog = _catalog(candidate)
        if catalog is not None:
            return Language(asked, candidate, direction, False, catalog)
    english = _catalog(SOURCE) or gettext_module.NullTranslations()
    return Language(asked, SOURCE, direction, candidates[-1] != SOURCE, english)


ENGLISH = language(SOURCE)
"""The messages as written: the default of every renderer."""


def from_environ(environ: Mapping[str, str]) -> Language:
    """The command line's language: ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, when shipped.

    English unless the first of them that is set names a language with a catalog (``C``
    and ``POSIX`` are English); never a fallback message, as a terminal's locale is not a
    choice made for course-notes.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            code = value.split(".")[0].split("@")[0]
            if code in {"C", "POSIX"}:
                return ENGLISH
            found = language(code)
            return found if not found.missing else ENGLISH
    return ENGLISH
