"""The site in the course's language: catalogs, plurals, dates, the unit word, the commands."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from course_notes import Term, build_site, language, parse
from course_notes.adapters.cli.main import main
from course_notes.i18n import ENGLISH, LOCALES, from_environ
from scripts import catalogs

from conftest import PageRenderer

SHIPPED = ("de", "es", "fr", "pt", "it")
TERM = Term(datetime.date(2026, 9, 7), datetime.date(2026, 10, 20))


def test_each_shipped_language_has_its_catalog() -> None:
    for code in SHIPPED:
        assert language(code).code == code
        assert not language(code).missing
    # A region or a script falls back to the language's own catalog.
    assert language("pt-BR").code == "pt"
    assert language("de_AT").code == "de"
    assert language("en").code == "en" and not language("en").missing


def test_a_language_without_a_catalog_is_english_in_its_own_direction() -> None:
    arabic = language("ar")
    assert (arabic.code, arabic.missing, arabic.direction) == ("en", True, "rtl")
    assert language("he").direction == "rtl"
    assert language("ja").direction == "ltr" and language("ja").missing
    assert arabic.gettext("Overdue") == "Overdue"
    # English dates too: an English sentence around an Arabic date reads worse than either.
    assert arabic.day(datetime.date(2027, 3, 14)) == "Sun 14 Mar 2027"


def test_the_terminal_follows_lang_and_lc_messages_when_a_catalog_exists() -> None:
    assert from_environ({"LANG": "de_DE.UTF-8"}).code == "de"
    assert from_environ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}).code == "es"
    assert from_environ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}) is ENGLISH
    assert from_environ({"LANG": "ar_EG.UTF-8"}) is ENGLISH
    assert from_environ({}) is ENGLISH


@pytest.mark.parametrize(
    ("code", "count", "form"),
    [("de", 1, 0), ("de", 0, 1), ("de", 2, 1), ("fr", 0, 0), ("fr", 1, 0), ("fr", 2, 2)],
)
def test_plurals_follow_the_language_s_rules(code: str, count: int, form: int) -> None:
    """French says "0 entrée" and German "0 Einträge": the catalog's rule picks the form."""
    entry = _catalog(code).get("{count} entry")
    assert entry is not None
    wanted = entry.string[form].format(count=count)
    assert language(code).ngettext("{count} entry", "{count} entries", count) == wanted


def test_dates_are_written_as_the_language_writes_them() -> None:
    day = datetime.date(2027, 3, 14)
    assert ENGLISH.day(day) == "Sun 14 Mar 2027"
    assert ENGLISH.short_day(day) == "Sun 14 Mar"
    assert "März" in language("de").day(day) and "2027" in language("de").day(day)
    assert "mars" in language("fr").short_day(day)
    # What the page's script writes the date with: the browser test runs the script itself.
    parts = language("de").date_parts()
    assert parts["days"].split("|")[0] in language("de").day(day)
    assert parts["months"].split("|")[2] in language("de").day(day)


def test_the_catalogs_are_complete_current_and_compiled() -> None:
    assert catalogs.problems() == []


@pytest.fixture
def scratch_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the catalogs for ``scripts.catalogs`` to check."""
    copy = tmp_path / "locale"
    shutil.copytree(LOCALES, copy)
    monkeypatch.setattr(catalogs, "LOCALES", copy)
    monkeypatch.setattr(catalogs, "TEMPLATE", copy / catalogs.TEMPLATE.name)
    return copy


def test_the_check_fails_on_a_missing_translation(scratch_catalogs: Path) -> None:
    german = scratch_catalogs / "de" / "LC_MESSAGES" / "course-notes.po"
    text = german.read_text("utf-8")
    entry = re.search(r'msgid "Nothing overdue\."\nmsgstr "([^"]+)"', text)
    assert entry is not None
    german.write_text(text.replace(entry.group(0), entry.group(0).replace(entry.group(1), "")))
    found = catalogs.problems()
    assert "de/course-notes.po: untranslated 'Nothing overdue.'" in found
    assert any(line.startswith("de/course-notes.po: course-notes.mo is not") for line in found)


def test_the_check_fails_on_a_changed_placeholder_and_a_stale_entry(
    scratch_catalogs: Path,
) -> None:
    french = scratch_catalogs / "fr" / "LC_MESSAGES" / "course-notes.po"
    text = french.read_text("utf-8")
    entry = re.search(r'msgid "Questions: \{title\}"\n(msgstr "[^"]*\{title\}[^"]*")', text)
    assert entry is not None
    changed = entry.group(1).replace("{title}", "{titre}")
    text = text.replace(entry.group(0), entry.group(0).replace(entry.group(1), changed))
    french.write_text(text + '\nmsgid "A message no code asks for"\nmsgstr "Un message"\n')
    found = catalogs.problems()
    assert any("placeholders of 'Questions: {title}' differ" in line for line in found)
    assert "fr/course-notes.po: stale entry 'A message no code asks for'" in found


def _catalog(code: str):  # type: ignore[no-untyped-def]
    with (LOCALES / code / "LC_MESSAGES" / "course-notes.po").open("rb") as handle:
        return read_po(handle, locale=code)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z']+", text.lower())) + " "


def _english_phrases(code: str, notes: str) -> set[str]:
    """The plugin's English words that must not show on a site in ``code``: each message's
    runs of two or more words between placeholders, and its one-word labels, where the
    language says them otherwise and the notes do not hold them (nor the plural of the
    notes' own unit word, which the student's word decides)."""
    phrases = set()
    course = parse(notes)
    written = _words(notes + " " + course.units_name)
    for message in _catalog(code):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if set(ids) & set(strings):
            continue  # the language says it as English does ("FAQ", "Videos")
        # Words the translation uses as well ("in Outlook" in German) prove nothing.
        translated = set(_words(" ".join(strings)).split())
        for text in ids:
            for piece in re.split(r"\{\w*\}|\[|\]|\(|\)|`[^`]*`|\*", text):
                words = _words(piece).strip()
                if set(words.split()) <= translated:
                    continue
                if len(words.split()) >= 2 or (message.context and len(words) >= 5):
                    if f" {words} " not in written:
                        phrases.add(words)
    return phrases


def _site_text(files: dict[str, str], renderer: PageRenderer) -> str:
    """What a reader reads in the generated pages: text, tooltips, labels, the script's words."""
    texts = []
    for path, content in files.items():
        if not path.endswith(".md"):
            continue
        soup = BeautifulSoup(renderer.html(content), "html.parser")
        texts.append(soup.get_text(" "))
        for element in soup.find_all(True):
            for name in ("title", "aria-label", "data-cn-today-text"):
                if element.get(name):
                    texts.append(str(element[name]))
        texts.append(content.split("---\n", 2)[1] if content.startswith("---\n") else "")
    return _words(" ".join(texts))


@pytest.mark.parametrize("code", ["de", "es", "fr"])
def test_the_seed_in_another_language_has_no_english_word_of_the_plugin(
    code: str, seed_text: str, render_page: PageRenderer
) -> None:
    site = build_site(parse(seed_text), term=TERM, language=language(code))
    text = _site_text(site.files(), render_page)
    english = _site_text(build_site(parse(seed_text), term=TERM).files(), render_page)
    phrases = _english_phrases(code, seed_text)
    # The check can fail: the English site shows many of these phrases.
    assert len([phrase for phrase in phrases if phrase in english]) > 30
    assert sorted(phrase for phrase in phrases if f" {phrase} " in text) == []


def test_the_student_s_unit_word_wins_and_the_language_names_the_rest() -> None:
    german = language("de")
    unit, units = german.pgettext("unit", "Week"), german.pgettext("unit", "Weeks")
    abbreviated = build_site(parse("# W1\n- [x] a\n# W2\n- [ ] b\n"), language=german)
    assert [page.path for page in abbreviated.pages] == [
        f"{unit.lower()}-1.md",
        f"{unit.lower()}-2.md",
    ]
    assert abbreviated.course.units_name == units
    assert abbreviated.pages[0].title == f"{unit} 1"
    own = build_site(parse("# Week 1\n- [x] a\n# Week 2\n- [ ] b\n"), language=german)
    assert [page.title for page in own.pages] == ["Week 1", "Week 2"]
    spanish = build_site(parse("# Semana 1\n- [x] a\n# Semana 2\n- [ ] b\n"))
    assert [page.title for page in spanish.pages] == ["Semana 1", "Semana 2"]


SPANISH = """\
# Microeconomía

## Semana 1 – Introducción
- [x] Diapositivas del tema 1
- [ ] Vídeo: oferta y demanda (12:30)

## Preguntas para el profesor
- ¿Entra el tema 3 en el parcial?
    - Sí, entra todo el tema.
- ¿Hay que entregar los ejercicios impresos?
- ¿Se puede usar calculadora en el examen?
"""


def test_spanish_questions_on_a_spanish_site_give_a_spanish_faq_and_lists(
    render_page: PageRenderer,
) -> None:
    spanish = language("es")
    site = build_site(parse(SPANISH), language=spanish)
    files = site.files()
    faq = BeautifulSoup(render_page.html(files["faq.md"]), "html.parser")
    assert faq.find("h1").get_text().rstrip("¶") == spanish.pgettext("page", "FAQ")
    answer = faq.select_one(".cn-answer .admonition-title")
    assert answer is not None and answer.get_text() == spanish.gettext("Answer")
    mailto = faq.select_one("a.cn-email")
    assert mailto is not None
    subject = unquote(str(mailto["href"]).split("subject=")[1].split("&")[0])
    assert subject == spanish.gettext("Questions: {title}", title="Microeconomía")
    assert spanish.gettext("Email the open questions") in mailto.get_text()
    body = unquote(str(mailto["href"]).split("body=")[1])
    assert body == files["faq/questions.txt"].replace("\n", "\r\n")
    phrases = _english_phrases("es", SPANISH)
    for name in ("faq.md", "faq/questions.txt", "faq/questions.md"):
        shown = _words(files[name])
        assert sorted(phrase for phrase in phrases if f" {phrase} " in shown) == [], name
    assert "¿Se puede usar calculadora en el examen?" in files["faq/questions.txt"]


def test_a_missing_catalog_is_said_once_and_the_site_is_english(tmp_path: Path) -> None:
    from course_notes import CourseSettings, load_site

    notes = tmp_path / "notes.md"
    notes.write_text("# Week 1\n- [ ] a\n", "utf-8")
    said: list[str] = []
    site = load_site(CourseSettings(notes, language="ar"), {}, note=said.append, history=False)
    assert said == [
        "no catalog for the language 'ar': the course's pages are in English "
        "(docs/customising.md says how to add one)"
    ]
    assert site.language.direction == "rtl"
    assert "0/1 done (0%)" in site.files()["week-1.md"]


def test_the_question_list_on_the_command_line_follows_lang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(SPANISH, "utf-8")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["questions", "--notes", str(notes), "--format", "text"]) == 0
    spanish = capsys.readouterr().out
    assert language("es").gettext("Answer:") + " Sí, entra todo el tema." in spanish
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["questions", "--notes", str(notes), "--format", "text"]) == 0
    assert "Answer: Sí, entra todo el tema." in capsys.readouterr().out


def test_a_new_language_starts_with_every_message_to_translate(scratch_catalogs: Path) -> None:
    """The steps docs/customising.md gives: init a catalog, and the check lists what is left."""
    catalogs.init("nl")
    dutch = scratch_catalogs / "nl" / "LC_MESSAGES" / "course-notes.po"
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in dutch.read_text("utf-8")
    found = catalogs.problems()
    untranslated = [line for line in found if line.startswith("nl/course-notes.po: untranslated")]
    assert len(untranslated) == len(_catalog("de"))
    assert [line for line in found if not line.startswith("nl/")] == []


ODD_NOTES = """\
---
title: Macro 101
---
Some intro line.

## Before anything
- [ ] orphan task

## Week 1 Intro
### Videos
- [x] Welcome (5:00)
- [ ] Mystery video
### Weird stuff
- [ ] a thing due: next blursday
- ~~cancelled talk~~ cancelled
- Project
  - [ ] part a
  - [x] part b

| a | b |
|---|---|
| 1 | 2 |

## Week
- [ ] no number here

## Week 1
### Exercises
- [ ] joined exercise

## Week 2
- [x] slides

## Questions
- why?

## Questions
- how?
"""


def _fixed_parts(message: str) -> list[str]:
    # The words of a message between its placeholders, where two words or more stand together.
    return [
        part.strip(" ;:,()[]`'")
        for part in re.split(r"\{\w*\}", message)
        if len(part.strip(" ;:,()[]`'").split()) >= 2
    ]


@pytest.mark.parametrize("code", SHIPPED)
def test_check_says_how_it_read_the_notes_in_the_terminal_s_language(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The outline, how the file was read and every line not placed: none left in English."""
    notes = tmp_path / "notes.md"
    notes.write_text(ODD_NOTES, "utf-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["check", "--notes", str(notes)]) == 0
    english = capsys.readouterr().out
    monkeypatch.setenv("LANG", f"{code}.UTF-8")
    assert main(["check", "--notes", str(notes)]) == 0
    translated = capsys.readouterr().out
    said = [
        part
        for message in _catalog("en")
        for part in _fixed_parts(message.id if isinstance(message.id, str) else message.id[1])
        if part in english
    ]
    # The file provokes the outline's words, the reader's sentences and its diagnostics.
    assert len(said) >= 20
    provoked = "\n".join(said)
    for sentence in ("How it was read", "matched no section kind", "a second questions heading"):
        assert sentence in provoked
    assert [part for part in said if part in translated] == []
    # The numbers and the student's own words stay as written.
    assert "Macro 101" in translated and "orphan task" in translated
    assert "`## Before anything`" in translated and ":14:" in translated
