"""How the reader finds a file's structure (issue 23), rule by rule, as spec tables.

Each row is a small input and what the reader makes of it: the unit and its word, a task's
state, a video's length, a section's kind, the questions. The corpus tests
(test_corpus_figures.py) hold the same rules against whole files written blind.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from course_notes.derive.questions import read_questions
from course_notes.derive.readings import reading_list
from course_notes.model import Cancelled, Note, Reading, SectionKind, Video, VideoTime
from course_notes.read.blocks import read_blocks
from course_notes.read.durations import find_duration
from course_notes.read.kinds import SectionKinds
from course_notes.read.notes import parse
from course_notes.read.states import State, read_fields, read_state

from conftest import PageRenderer, site_pages


def units(text: str) -> list[tuple[str, tuple[int, ...], str]]:
    """Each unit as (its name's word, its numbers, its title)."""
    return [(week.word, week.numbers, week.title) for week in parse(text).weeks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# Course\n## Module 1 – Cells\n- a\n## Module 2 – Signals\n- b\n",
            [("Module", (1,), "Cells"), ("Module", (2,), "Signals")],
            id="module-headings",
        ),
        pytest.param(
            "PHYS 2310\n\nWEEK 1 -- intro\n[x] a\n\n--- wk2: e/m ---\nDONE b\n\n"
            "W3 // Hall effect\n[ ] c\n",
            [("Week", (1,), "intro"), ("Week", (2,), "e/m"), ("Week", (3,), "Hall effect")],
            id="label-lines-decorated-and-runs-of-separators",
        ),
        pytest.param(
            "## Part I\n### Lecture 1 — Coulomb\n- a\n### Lecture 2\n- b\n## Part II\n"
            "### Lecture 3\n- c\n",
            [("Lecture", (1,), "Coulomb"), ("Lecture", (2,), ""), ("Lecture", (3,), "")],
            id="parts-group-lectures",
        ),
        pytest.param(
            "# Week 1\n## Lecture 1\n- a\n## Lecture 2\n- b\n# Week 2\n## Lecture 3\n",
            [("Week", (1,), ""), ("Week", (2,), "")],
            id="weeks-hold-lectures",
        ),
        pytest.param(
            "# Part 1\n## Week 1\n- a\n## Week 2\n- b\n# Part 2\n## Week 3\n- c\n",
            [("Week", (1,), ""), ("Week", (2,), ""), ("Week", (3,), "")],
            id="parts-hold-weeks",
        ),
        pytest.param(
            "comp3231 OS\n\nW1\nslides ✓\n\nW2 flex wk\nnothing!!\n",
            [("Week", (1,), ""), ("Week", (2,), "flex wk")],
            id="label-lines",
        ),
        pytest.param(
            "Titel\n=====\n\nWoche 1 – Mengen\n----------------\n- a\n\nWoche 2\n-------\n- b\n",
            [("Woche", (1,), "Mengen"), ("Woche", (2,), "")],
            id="setext-german",
        ),
        pytest.param(
            "## 🎵 Week 1 — Intervals\n- a\n## 🎵 Week 2 — Scales\n- b\n",
            [("Week", (1,), "Intervals"), ("Week", (2,), "Scales")],
            id="emoji-before-the-word",
        ),
        pytest.param(
            "- ## Week 1 - Recursion\n  - DONE a\n- ## Week 2 - Sorting\n  - TODO b\n",
            [("Week", (1,), "Recursion"), ("Week", (2,), "Sorting")],
            id="outliner-bullets",
        ),
        pytest.param(
            "## Sprint 1\n- a\n## Sprint 2\n- b\n",
            [("Sprint", (1,), ""), ("Sprint", (2,), "")],
            id="any-word-twice",
        ),
        pytest.param("## A0\n- a\n## A0\n- b\n", [], id="one-letter-same-number-no-unit"),
        pytest.param(
            "## Lecture 1 · Roots\n- a\n## Lec 5 – Cool jazz\n- b\n",
            [("Lecture", (1,), "Roots"), ("Lecture", (5,), "Cool jazz")],
            id="abbreviated-word-joins",
        ),
        pytest.param(
            "## 第1週 導入\n- a\n## 第2週\n- b\n",
            [("週", (1,), "導入"), ("週", (2,), "")],
            id="cjk",
        ),
        pytest.param(
            "## Week of 15 Jan — Fluids\n- a\n## Week of 22 Jan — Statics\n- b\n",
            [("Week", (1,), "Fluids"), ("Week", (2,), "Statics")],
            id="week-of-a-date",
        ),
        pytest.param(
            "## 3 March: Optics\n- a\n## 10 March\n- b\n",
            [("Week", (1,), "Optics"), ("Week", (2,), "")],
            id="dated-headings",
        ),
        pytest.param("## 3 March: Optics\n- a\n## Notes\n", [], id="one-date-is-a-heading"),
        # Number first: Korean, Japanese and Chinese join the word after the number; other
        # languages write an ordinal, which Markdown alone would take for a numbered list.
        pytest.param(
            "거시경제학\n\n1주차\n◦ a ✔︎\n\n2주차 (3/11)\n◦ b\n",
            [("주차", (1,), ""), ("주차", (2,), "")],
            id="korean-number-first-label-lines",
        ),
        pytest.param(
            "## 3週目 回帰\n- a\n## 4週目\n- b\n",
            [("週目", (3,), "回帰"), ("週目", (4,), "")],
            id="japanese-number-first-headings",
        ),
        pytest.param(
            "Fizik II\n\n1. Hafta\nVideolar:\n- a\n\n2. Hafta\n- b\n",
            [("Hafta", (1,), ""), ("Hafta", (2,), "")],
            id="turkish-ordinal-lines-that-look-like-a-numbered-list",
        ),
        pytest.param(
            "### 1. týden – Kosti\n- a\n### 2. týden – Svaly\n- b\n",
            [("Týden", (1,), "Kosti"), ("Týden", (2,), "Svaly")],
            id="czech-ordinal-headings",
        ),
        pytest.param(
            "## 1. Einleitung\n- a\n## 2. Grundlagen\n- b\n",
            [],
            id="numbered-headings-naming-no-unit",
        ),
        pytest.param(
            "MECH\n\nTydzień 1 - Statyka\n * a\n\nTydz. 2 - Belki\n * b\n\n"
            "tydzien 3 - Kratownice płaskie, metoda węzłów i metoda Rittera, przykłady\n * c\n",
            [
                ("Tydzień", (1,), "Statyka"),
                ("Tydzień", (2,), "Belki"),
                ("Tydzień", (3,), "Kratownice płaskie, metoda węzłów i metoda Rittera, przykłady"),
            ],
            id="a-word-shortened-and-without-its-accents-long-titles",
        ),
        pytest.param(
            "Staatsrecht\n\nHoorcollege 1 - Inleiding\n- a\n\nwoensdag 15 november 2023 13:40\n"
            "Hoorcollege 2 - Grondwet\n- b\n\nHoorcollege 3\n- c\n",
            [
                ("Hoorcollege", (1,), "Inleiding"),
                ("Hoorcollege", (2,), "Grondwet"),
                ("Hoorcollege", (3,), ""),
            ],
            id="a-unit-line-under-a-onenote-stamp-fills-its-gap",
        ),
        pytest.param(
            "HMT\n\nUnit 3 – Convection\n- a\n\nयूनिट 4 – Radiation\n- b\n\nUnit 5 – Exchangers\n"
            "- c\n\nLab 7 – Fins\n- d\n",
            [
                ("Unit", (3,), "Convection"),
                ("Unit", (4,), "Radiation"),
                ("Unit", (5,), "Exchangers"),
            ],
            id="another-word-for-the-one-number-missing-between-two-units",
        ),
        pytest.param(
            "HMT\n\nUnit 3 – Convection\n- a\n\nLab 5 – Fins\n- b\n\nUnit 6 – Exchangers\n- c\n",
            [("Unit", (3,), "Convection"), ("Unit", (6,), "Exchangers")],
            id="another-word-in-a-wider-gap-is-no-unit",
        ),
        pytest.param(
            "MUS 1120\n\n\U0001f3b5 Lesson 1: Review\n\u2705 slides\n\n"
            "\U0001f3b5 Lesson 2: Tonicization\n\u2b1c slides\n\n(Lesson 3 was cancelled)\n",
            [("Lesson", (1,), "Review"), ("Lesson", (2,), "Tonicization")],
            id="label-lines-behind-a-sign-not-a-bracket",
        ),
        pytest.param(
            "# Seminar\n## **Week One: Plato**\n- a\n## **Second week – Meno**\n- b\n"
            "## **Week Three – Descartes**\n- c\n",
            [("Week", (1,), "Plato"), ("Week", (2,), "Meno"), ("Week", (3,), "Descartes")],
            id="numbers-and-ordinals-in-words-bold-headings",
        ),
        pytest.param(
            "# Kurs\n## Erste Woche\n- a\n## Zweite Woche: Mengen\n- b\n## Segunda semana\n- c\n",
            [("Woche", (1,), ""), ("Woche", (2,), "Mengen")],
            id="ordinals-in-german-the-other-family-no-unit",
        ),
        pytest.param(
            "HIST 2207\n\nTue 14 Jan – Intro\n• seminar ✓\n\nTue 21 Jan – 1857\n• seminar ✓\n",
            [("Week", (1,), "Intro"), ("Week", (2,), "1857")],
            id="class-days-as-lines-of-their-own-no-headings",
        ),
        pytest.param(
            "**Macro 2**\n\n**CM 1 -- Intro**\n\n-   ☒ CM\n\n**CM 2 -- Biens**\n\n-   ☐ CM\n",
            [("CM", (1,), "Intro"), ("CM", (2,), "Biens")],
            id="initials-as-the-unit-s-word-stay-as-written",
        ),
    ],
)
def test_the_unit(text: str, expected: list[tuple[str, tuple[int, ...], str]]) -> None:
    assert units(text) == expected


def test_the_units_option_names_the_word() -> None:
    text = "## Topic 1\n- a\n## Topic 2\n- b\n### Session 1\n### Session 2\n"
    assert [week.word for week in parse(text).weeks] == ["Topic", "Topic"]
    assert [week.word for week in parse(text, units="Session").weeks] == ["Session", "Session"]


def test_a_heading_that_is_no_unit_keeps_its_lines() -> None:
    course = parse("# Week 1\n## exercises\n- a\n# Exam prep\n- b\n")
    assert [item.text for item in course.weeks[0].items] == ["a"]
    assert [(s.title, [i.text for i in s.items]) for s in course.general] == [("Exam prep", ["b"])]


def test_title_from_front_matter_and_it_is_not_shown() -> None:
    course = parse("---\ntitle: Data Vis\ntags: [a]\n---\n## Module 1\n- a\n")
    assert course.title == "Data Vis"
    assert course.markup_lines == [1, 3, 4]
    assert course.title_line == 2
    assert course.intro == []


def test_a_fence_left_open_swallows_nothing() -> None:
    assert [week.number for week in parse("# Week 1\n```\ncode\n# Week 2\n- a\n").weeks] == [
        1,
        2,
    ]
    blocks = read_blocks("# Week 1\n```\ncode\n```\n# Week 2\n")
    assert blocks.verbatim == {2, 3, 4}


def test_html_blocks_swallow_no_heading() -> None:
    text = "# Week 1\n<div markdown>x</div>\n# Week 2\n<aside>\n# Week 3\n"
    assert [week.number for week in parse(text).weeks] == [1, 2, 3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L11 slides (done)", ("L11 slides", State.DONE)),
        ("Tutorial 4 prep DONE", ("Tutorial 4 prep", State.DONE)),
        ("~~L5 slides~~", ("L5 slides", State.DONE)),
        ("lab 3 ✓ – done", ("lab 3 ✓", State.DONE)),
        ("Favoreu p. 1-30 (lu)", ("Favoreu p. 1-30", State.DONE)),
        ("dissert — fait le 16 au soir", ("dissert — le 16 au soir", State.DONE)),
        ("Seminar 5 — attended, we presented!", ("Seminar 5 — we presented!", State.DONE)),
        ("Library workshop — went", ("Library workshop", State.DONE)),
        ("Seminar 3 — missed (sick)", ("Seminar 3 — missed (sick)", State.OPEN)),
        ("Lecture recording (50 min) #todo", ("Lecture recording (50 min)", State.OPEN)),
        ("manuale cap. 4 - a metà", ("manuale cap. 4", State.STARTED)),
        ("missed the point?", ("missed the point?", None)),
        # A negated done word over a sentence is advice, no state.
        (
            "went ok!! said to slow down and not read off the page",
            ("went ok!! said to slow down and not read off the page", None),
        ),
        ("Kapitel 3 noch nicht gelesen", ("Kapitel 3 noch nicht gelesen", State.OPEN)),
        # A state after a gap of blanks, as a column, a remark after it or not.
        (
            "Principles of analytic graphics (12:40)  ok",
            ("Principles of analytic graphics (12:40)", State.DONE),
        ),
        (
            "Multivariable regression  (22 min)  watched twice, still confused",
            ("Multivariable regression  (22 min) — twice, still confused", State.DONE),
        ),
        ("looks ok", ("looks ok", None)),
        # "OK" in capitals ending the line.
        ("Benevolo cap. 8 OK", ("Benevolo cap. 8", State.DONE)),
        # "vista" in Italian and Spanish, for a video seen.
        ("videolez lun registrata 1h20 vista", ("videolez lun registrata 1h20", State.DONE)),
        # A part of the whole done is begun; all of it, done.
        (
            "review classmates' drafts - 2 of 3 done",
            ("review classmates' drafts - 2 of 3 done", State.STARTED),
        ),
        (
            "review classmates' drafts - 3 of 3 done",
            ("review classmates' drafts - 3 of 3 done", State.DONE),
        ),
        ("resp paper 1 due fri 1/24 done", ("resp paper 1 due fri 1/24", State.DONE)),
        ("MOOT MEMO — draft maybe 60% done", ("MOOT MEMO — draft maybe 60% done", State.STARTED)),
        ("essay 100% done", ("essay 100% done", State.DONE)),
        # A class that did not take place; called off in capitals whatever is asked after.
        ("02/10 — no hubo clase (huelga)", ("02/10 — no hubo clase (huelga)", State.CANCELLED)),
        (
            "TD 3 : ~~Richelieu~~ ANNULÉ (grève), rattrapage le 24 ?",
            ("TD 3 : ~~Richelieu~~ ANNULÉ (grève), rattrapage le 24 ?", State.CANCELLED),
        ),
        ("is the class cancelled?", ("is the class cancelled?", None)),
        (
            "Tarea 5 — la canceló el profe, se junta con la 6",
            ("Tarea 5 — la canceló el profe, se junta con la 6", State.CANCELLED),
        ),
        (
            "VL 12 — nur bis zu den Rotationen geschaut",
            ("VL 12 — nur bis zu den Rotationen geschaut", State.STARTED),
        ),
        ("ch. 4 read up to 4.3", ("ch. 4 read up to 4.3", State.STARTED)),
        ("Vídeo 6 (11:22) a medias", ("Vídeo 6 (11:22) a medias", State.STARTED)),
        ("Elegir libro — ok (el de Burdiel)", ("Elegir libro — (el de Burdiel)", State.DONE)),
        ("bullet pts ok", ("bullet pts ok", None)),
        (
            "~~Seminario~~ → se suspende por la huelga",
            ("~~Seminario~~ → se suspende por la huelga", State.CANCELLED),
        ),
        (
            "8.3 ~~Bayes~~ removed from the course",
            ("8.3 ~~Bayes~~ removed from the course", State.CANCELLED),
        ),
        ("Source analysis ✓ submitted Thurs", ("Source analysis ✓ Thurs", State.DONE)),
        ("quiz 3 - 8/10 [done]", ("quiz 3 - 8/10", State.DONE)),
        ("erledigt: Blatt 2", ("Blatt 2", State.DONE)),
        ("TODO email prof", ("email prof", State.OPEN)),
        ("rec [todo]", ("rec", State.OPEN)),
        ("quiz ✗", ("quiz", State.OPEN)),
        ("Carré — pas lu, trop long", ("Carré — pas lu, trop long", State.OPEN)),
        ("[/] task", ("task", State.STARTED)),
        (
            "~ Körperaxiome – bis Min. 30 geschaut",
            ("Körperaxiome – bis Min. 30 geschaut", State.STARTED),
        ),
        ("opname HC 4 – half gekeken", ("opname HC 4 – half gekeken", State.STARTED)),
        ("NOW mergesort walkthrough", ("mergesort walkthrough", State.STARTED)),
        ("vid sched 22:10 half", ("vid sched 22:10 half", State.STARTED)),
        ("[-] dropped", ("dropped", State.CANCELLED)),
        ("lab 3 CANCELLED", ("lab 3 CANCELLED", State.CANCELLED)),
        ("~~monitoria~~ cancelada, greve", ("~~monitoria~~ cancelada, greve", State.CANCELLED)),
        ("VL Do (entfällt)", ("VL Do (entfällt)", State.CANCELLED)),
        ("is it done?", ("is it done?", None)),
        ("only the 2nd half is relevant?", ("only the 2nd half is relevant?", None)),
        ("solution sheet", ("solution sheet", None)),
        ("10 min read", ("10 min read", None)),
        ("맨큐 3장 (완료)", ("맨큐 3장", State.DONE)),
        ("맨큐 4장 (미완)", ("맨큐 4장 (미완)", None)),
        ("lista 1 zad. 1-6 zrobione", ("lista 1 zad. 1-6", State.DONE)),
        ("rekaman kelas (sudah)", ("rekaman kelas", State.DONE)),
        ("Problem seti 1 (tamam)", ("Problem seti 1", State.DONE)),
        (
            "Sürekli yük 25 dk (yarısında kaldım)",
            ("Sürekli yük 25 dk (yarısında kaldım)", State.STARTED),
        ),
        ("4/24 수업 휴강", ("4/24 수업 휴강", State.CANCELLED)),
        ("3/27 결석 (병결)", ("3/27 결석 (병결)", State.OPEN)),
        ("Doyle, W., cap. 2 - pendiente", ("Doyle, W., cap. 2", State.OPEN)),
        ("tutorial Q1-Q4 belum", ("tutorial Q1-Q4", State.OPEN)),
        ("hadir kuliah belum (demam, ada MC)", ("hadir kuliah (demam, ada MC)", State.OPEN)),
        ("things to do", ("things to do", None)),
        (
            "only really need the 2nd half, Na+/K+ pump",
            ("only really need the 2nd half, Na+/K+ pump", None),
        ),
        ("the other half of the lecture", ("the other half of the lecture", None)),
        ("Essay (not started)", ("Essay (not started)", State.OPEN)),
        ("Blatt 4 noch nicht angefangen", ("Blatt 4 noch nicht angefangen", State.OPEN)),
        ("Übungsblatt 3 \u2013 offen", ("Übungsblatt 3", State.OPEN)),
        ("TD 4, à faire", ("TD 4", State.OPEN)),
        ("the questions still open", ("the questions still open", None)),
        ("pendiente revisar el mapa", ("pendiente revisar el mapa", None)),
    ],
)
def test_a_state_in_words_and_signs(text: str, expected: tuple[str, State | None]) -> None:
    assert read_state(text) == expected


def test_obsidian_tasks_fields_are_read_not_shown() -> None:
    assert read_fields("plot 📅 2027-02-03 ✅ 2027-02-01 🔁 every week ⏫") == (
        "plot",
        {"due": "2027-02-03", "done": "2027-02-01", "recurrence": "every week"},
    )
    course = parse("## Module 1\n- [ ] plot 📅 2027-02-03\n- [ ] map ✅ 2027-02-01\n")
    plot, map_ = course.weeks[0].items
    assert (plot.text, plot.done, plot.due is not None) == ("plot", False, True)
    assert (map_.text, map_.done) == ("map", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vid intro 7:32", ("vid intro", 452, None)),
        ("intro — 12:45", ("intro", 765, None)),
        ("lecture 45m", ("lecture", 2700, None)),
        ("part 12m30s", ("part", 750, None)),
        ("track (6'30\")", ("track", 390, None)),
        ("vídeo 14'30", ("vídeo", 870, None)),
        ("1h 10min talk", ("talk", 4200, None)),
        ("clip 45 Min.", ("clip", 2700, None)),
        ("reg. 1h22", ("reg.", 4920, None)),
        ("cours à 9h30", ("cours à 9h30", None, None)),
        # A time of day after a date is no length; a catalogue's number is no date.
        ("Blatt 3 – Abgabe **10.05., 12:00**", ("Blatt 3 – Abgabe **10.05., 12:00**", None, None)),
        ("Sheet 3 due 10/05, 12:00", ("Sheet 3 due 10/05, 12:00", None, None)),
        ("chorale BWV 26/6 1:10", ("chorale BWV 26/6", 70, None)),
        # A clock with the hour's word after it: hours and minutes.
        ("VL-Aufzeichnung (1:32 Std.)", ("VL-Aufzeichnung", 5520, None)),
        # "approx" is a length, roughly; a count of a whole is none.
        (
            "watch old office hours recording (approx 45 mins)",
            ("watch old office hours recording", 2700, None),
        ),
        ("review 3 submissions - 2 of 3 done", ("review 3 submissions - 2 of 3 done", None, None)),
        ("watched 20 of 45 min", ("watched 20 of 45 min", 2700, 1200)),
        ("visto 20 de 45 min", ("visto 20 de 45 min", 2700, 1200)),
        (
            "L9 recording (1:47:12) — stopped at 1:02:00",
            ("L9 recording — stopped at 1:02:00", 6432, 3720),
        ),
        ("vídeo 24:15 Limite (parei no 12min)", ("vídeo Limite (parei no 12min)", 1455, 720)),
        ("due 11:59pm", ("due 11:59pm", None, None)),
        ("lab at 9:00", ("lab at 9:00", None, None)),
        ("Lecture Mon 9:00", ("Lecture Mon 9:00", None, None)),
        ("10 min read", ("10 min read", None, None)),
        ("estimated 4h", ("estimated 4h", None, None)),
        ("quiz1 8/10", ("quiz1 8/10", None, None)),
        ("Aufzeichnung (1 Std. 31 Min.)", ("Aufzeichnung", 5460, None)),
        ("Aufzeichnung VL 7 – ca. 1 Std. 25", ("Aufzeichnung VL 7", 5100, None)),
        ("Ersatzvideo (ca. 25 Min.)", ("Ersatzvideo", 1500, None)),
        ("TA demo, ~11 min", ("TA demo", 660, None)),
        ("grabación 1 hora 5 minutos", ("grabación", 3900, None)),
        ("grabación (1 h 29') → pendiente", ("grabación → pendiente", 5340, None)),
        ("meet ca. 14:00", ("meet ca. 14:00", None, None)),
        ("~3h of work left", ("~3h of work left", None, None)),
        ("Excel (ca. 1 Std. Aufwand)", ("Excel (ca. 1 Std. Aufwand)", None, None)),
        (
            "Lecture 16 — 1:09:30 >> only first 20 min",
            ("Lecture 16 — >> only first 20 min", 4170, None),
        ),
        (
            "Aufzeichnung 1:29:12 bis 45:00 geschaut",
            ("Aufzeichnung bis 45:00 geschaut", 5352, 2700),
        ),
        ("L4 (53:02) — Vorlesung bis 14:00", ("L4 — Vorlesung bis 14:00", 3182, None)),
        # "fr" opens a weekday, not every word: "front" is no Friday.
        ("lec13 total war, home front 46m", ("lec13 total war, home front", 2760, None)),
        # "at" is a word before a time, not the start of "attention".
        ("attention span talk 45 min", ("attention span talk", 2700, None)),
        ("until 45 min", ("until 45 min", None, None)),
        ("OT 영상 24분 ✔", ("OT 영상 ✔", 1440, None)),
        ("강의 1시간 12분", ("강의", 4320, None)),
        ("回帰 12分30秒", ("回帰", 750, None)),
        ("Ders kaydı 1 sa 10 dk", ("Ders kaydı", 4200, None)),
        ("rekaman kelas 1 jam 10 menit", ("rekaman kelas", 4200, None)),
        ("Alkánok (45 perc)", ("Alkánok", 2700, None)),
        ("Лекция 1 ч 5 мин", ("Лекция", 3900, None)),
        # "1분기": the first quarter of a year, no length.
        ("1분기 GDP", ("1분기 GDP", None, None)),
    ],
)
def test_a_length_anywhere_in_a_video_line(
    text: str, expected: tuple[str, int | None, int | None]
) -> None:
    assert find_duration(text) == expected


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("🎧 Listening", SectionKind.VIDEOS),
        ("📖", SectionKind.READINGS),
        ("Lecturas", SectionKind.READINGS),
        ("Übungsblatt", SectionKind.EXERCISES),
        ("Vídeos", SectionKind.VIDEOS),
        ("Clases", SectionKind.ATTENDANCE),
        ("Lektüre", SectionKind.READINGS),
        ("🧪 Lab", SectionKind.EXERCISES),
        ("Documentales", SectionKind.VIDEOS),
        ("Opgaven", SectionKind.EXERCISES),
        ("Miscellany", SectionKind.OTHER),
        ("vids", SectionKind.VIDEOS),
        ("demo vid", SectionKind.VIDEOS),
        ("read", SectionKind.READINGS),
        ("pre-lab reading", SectionKind.READINGS),
        ("prelab reading", SectionKind.READINGS),
        ("prelab", SectionKind.EXERCISES),
        ("Lectures (Panopto)", SectionKind.VIDEOS),
        # The classes as recorded, whatever the class's word.
        ("Clases grabadas", SectionKind.VIDEOS),
        ("Lezioni registrate", SectionKind.VIDEOS),
        ("Vorlesungsaufzeichnungen", SectionKind.VIDEOS),
        ("Clases", SectionKind.ATTENDANCE),
        ("Lectures", SectionKind.SLIDES),
        ("읽을거리", SectionKind.READINGS),
        ("과제/실습", SectionKind.EXERCISES),
        ("출석", SectionKind.ATTENDANCE),
        ("参考文献", SectionKind.READINGS),
        ("小テスト", SectionKind.EXERCISES),
        ("ćwiczenia", SectionKind.EXERCISES),
        ("Četba", SectionKind.READINGS),
        ("Yoklama", SectionKind.ATTENDANCE),
        ("Kennisclips", SectionKind.VIDEOS),
        ("Házi feladat", SectionKind.EXERCISES),
        ("bacaan", SectionKind.READINGS),
        ("Литература", SectionKind.READINGS),
    ],
)
def test_a_sections_kind_in_seven_languages_and_signs(heading: str, kind: SectionKind) -> None:
    assert SectionKinds().kind(heading) is kind


def test_a_sections_kind_from_its_entries() -> None:
    text = (
        "# Week 1\n## Lectures\n- Mill (1863) Utilitarianism, ch. 2\n- Bentham (1789) ch. 1\n"
        "## Stuff\n- intro (12:00)\n- part two (14:30)\n- quiz\n"
    )
    lectures, stuff = parse(text).weeks[0].sections
    assert lectures.kind is SectionKind.READINGS
    assert all(isinstance(item, Reading) for item in lectures.items)
    assert stuff.kind is SectionKind.VIDEOS
    # "quiz" among lengths is a task of its own, no video of unknown length.
    assert [video.duration for video in stuff.videos] == [720, 870]
    assert [type(entry).__name__ for entry in stuff.items] == ["Video", "Video", "Item"]


def test_labels_make_sections_and_plain_lines_tasks_where_the_file_says_so() -> None:
    text = (
        "Genetics Lab\n\nW1\nReadings:\nlab manual ch 2 DONE\n**Videos**\nvid PCR 9m ✓\n"
        "im group C\n(Priya: show units)\nGroup\tBench\nA\t1-4\n\nW2\nslides ✓\nlab TODO\n"
    )
    course = parse(text)
    assert course.title == "Genetics Lab"
    first, second = course.weeks
    assert [(s.title, s.kind, str(s.progress)) for s in first.sections] == [
        ("Readings", SectionKind.READINGS, "1/1"),
        ("Videos", SectionKind.VIDEOS, "1/1"),
    ]
    assert str(second.progress) == "1/2"


def test_cancelled_and_started_tasks() -> None:
    course = parse("## Module 1\n- [x] a\n- [/] b\n- [-] c\n- d (entfällt)\n")
    entries = course.weeks[0].sections[0].entries
    assert str(course.weeks[0].progress) == "1/2"
    assert [type(entry).__name__ for entry in entries] == ["Item", "Item", "Cancelled", "Cancelled"]
    assert entries[1].started  # type: ignore[union-attr]
    assert isinstance(entries[2], Cancelled)


def test_an_unboxed_bullet_among_boxed_tasks_is_a_note() -> None:
    text = "### Aula 1\n- [x] a\n- [ ] b\n- [x] c\n- [ ] d\n- prova dia 25/04\n  - [ ] e\n  - f\n"
    week = parse(text).weeks[0]
    assert [item.text for item in week.items] == ["a", "b", "c", "d", "e", "f"]


def test_among_boxed_tasks_a_bullet_stating_its_state_or_naming_a_class_is_a_task() -> None:
    text = (
        "## Session 3\n- [x] a\n- [x] b\n- [ ] c\n- [x] d\n- Seminar 3 — missed (sick)\n"
        "- Seminar 4\n- #idea an essay angle?\n- Tutor:: Dr Hollis\n- prof says skip 4.3\n"
    )
    week = parse(text).weeks[0]
    assert [(item.text, item.done) for item in week.items][4:] == [
        ("Seminar 3 — missed (sick)", False),
        ("Seminar 4", False),
    ]


@pytest.mark.parametrize(
    ("text", "questions", "answered"),
    [
        pytest.param(
            "# Week 1\n## ❓ Questions for Dr Tan\n- closed book?\n    - Yes, one A4 page\n"
            "- R or Excel?\n    - asked in the forum, no reply yet\n",
            2,
            1,
            id="bullets-under-questions",
        ),
        pytest.param(
            "## Vorlesung 1\n- [x] Folien\n\n> **Frage:** Ist f ∈ O(g) dasselbe wie Θ(g)?\n"
            "> → Ja, sagt Lena.\n\n## Vorlesung 2\n- [ ] Folien\n",
            1,
            1,
            id="a-quoted-question-behind-a-bold-label-and-its-quoted-answer",
        ),
        pytest.param(
            "## Settimana 1\n- [x] lezione\n\n## Domande per il professore\n\n"
            "> [!question] Si può usare l'induzione forte?\n> **Risposta:** sì, basta dirlo\n\n"
            "> [!question] All'orale servono tutte le dimostrazioni?\n\n"
            "- chiedere anche se la prova vale come parziale\n",
            3,
            1,
            id="question-callouts-among-the-questions-each-one-its-lines-its-answer",
        ),
        pytest.param(
            "W1\nslides ✓\n\n?\nhow does fork work\n-> returns 0 in the child\n"
            "is asst1 in pairs??\ndifference mutex vs semaphore\n",
            3,
            1,
            id="phone-lines",
        ),
        pytest.param(
            "## Week 1\n- a\n## Questions\n- [x] Formula sheet? → yes, both\n- [ ] ROC?\n",
            2,
            1,
            id="arrow-on-the-line",
        ),
        pytest.param(
            "## Woche 1\n- a\n## Fragen an den Dozenten\n- Kap. 3 relevant?\n  Antwort: ja\n",
            1,
            1,
            id="german",
        ),
        pytest.param(
            "## Semana 1\n- a\nDudas:\n\n¿Entra el tema 2?\n\nRespuesta: sí\n",
            1,
            1,
            id="spanish-label",
        ),
        pytest.param(
            "# Week 1\n- a\n\nThoughts:\n\nWhy X?\n→ because\n\n"
            "Should I do Y or is that too easy\n",
            2,
            1,
            id="asking-without-its-mark",
        ),
        pytest.param(
            "## Clase 1\n- a\n## Dudas\n1. ¿Bibliografía?\n   R: Sí, dos obras.\n"
            "2. ¿Entra África? R: solo lo general\n3. ¿Otro libro?\n   → preguntar en tutoría\n"
            "4. ¿Cuántas palabras?\n   Entre 1500 y 2000.\n",
            4,
            3,
            id="spanish-r-and-lines-under",
        ),
        pytest.param(
            "## Day 1\n- a\n## Questions / blockers\n- [x] kernel keeps dying → fixed: dtype=\n"
            "- [ ] Is the certificate worth anything?\n",
            2,
            1,
            id="ticked-blockers",
        ),
        pytest.param(
            "## Woche 1\n- a\n## 想问老师的\n1. 为什么？\n   答：因为。\n2. 怎么选？\n"
            "   答：（群里问了，还没人回）\n\n---\n期末：6月中旬\n",
            2,
            1,
            id="chinese-full-width-colon-no-answer-yet-and-a-remark-under-a-rule",
        ),
        pytest.param(
            "1. Hafta\n- a\nHocaya sorular:\n- Neden y?\n  Cevap: simetri.\n\n2. Hafta\n- b\n",
            1,
            1,
            id="turkish-label-inside-a-unit",
        ),
        pytest.param(
            "## Лекция 1\n- a\n## Лекция 2\n- b\n## Вопросы к преподавателю\n- Зачем?\n"
            "> Ответ: затем.\n- Почему?\n",
            2,
            1,
            id="russian",
        ),
        pytest.param(
            "## Week 1\n- a\n## Stuff to ask in office hours\n1. Is X on it?\n→ yes\n",
            1,
            1,
            id="stuff-to-ask",
        ),
        pytest.param(
            "Module 1\n--------\n  [x] a\n\n=========\nQUESTIONS FOR THE FORUM\n=========\n"
            "- Why x?\n    answer (TA): because\n- Is y on it?\n",
            2,
            1,
            id="a-banner-of-rules",
        ),
        pytest.param(
            "## Week 1\n- a\n\nQuestions\n=========\n- Why x?\n  -> because\n",
            1,
            1,
            id="setext-underline-no-question",
        ),
        pytest.param(
            "## Week 1\n- a\n\nQuestions for Dr W\n1.\tCan we use the telegram?\n"
            "\u2013\tYes \u2013 but flag it.\n2.\tHow much historiography?\n"
            "3.\tWould she look at a plan?\n\u2013\tYes, by Fri 13 Dec\n\n- buy highlighters\n"
            "- moot sign-up closes 15 Nov!!\n",
            3,
            2,
            id="word-export-dash-replies-under-numbered-questions",
        ),
        pytest.param(
            "## Week 1\n- a\n## Questions\n1. Can I use the LBS database? \u2013 she said yes\n"
            "2. Is sem 3 marked?\n",
            2,
            1,
            id="an-en-dash-after-the-question-mark",
        ),
        pytest.param(
            "## Week 1\n- a\n\u2753 When a secondary dominant resolves deceptively, does it "
            "still count as tonicizing?\n   \U0001f4ac it tonicizes the expected target\n"
            "\u2753 Can a V/V appear in a cadential 6/4?\n",
            2,
            1,
            id="a-long-question-behind-its-sign-asked-in-its-unit",
        ),
        pytest.param(
            "calc\n\nwk1\nlec vid 14:20 \u2713\nq: is webassign due 11:59 or midnight\n"
            "a: 11:59pm, it locks\nps1 due fri\n\nwk2\nread 7.2\n"
            "q: does the nth term test ever prove convergence?\n"
            "q: whats the diff between a sequence converging and the series converging\n"
            "q: a label, then words\n\nwk3\nps3\nq: not asked, no answer\n",
            4,
            1,
            id="phone-notes-q-and-a-letters-small-with-or-without-a-question-mark",
        ),
    ],
)
def test_the_questions(text: str, questions: int, answered: int) -> None:
    from course_notes.read.thoughts import read_entries

    entries, _groups = read_entries(parse(text).thoughts)
    assert (len(entries), sum(1 for entry in entries if entry.answer)) == (questions, answered)


def test_an_item_behind_another_kinds_sign_is_no_reading_for_its_pages() -> None:
    course = parse(
        "## Lesson 1\n\u2705 \u270f\ufe0f Workbook p. 3\u20136 (due Jan 16)\n"
        "\u2705 \U0001f4d6 K&P ch 15\n\u2b1c Kostka & Payne ch 16\n"
    )
    entries = [entry for section in course.weeks[0].sections for entry in section.entries]
    assert [type(entry).__name__ for entry in entries] == ["Item", "Reading", "Reading"]


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        # A shift's hours are no author's year.
        (["Shift Mon 0730-2000", "Shift Sat 1900-0730", "Smith 2004"], "IIR"),
        # A task that opens with a verb of reading is a reading, cited or not.
        (["read Trust O2 prescribing policy", "skim the AJP paper"], "RR"),
        # Exercises on a chapter are exercises; a title's capitalised word is no exercise.
        (["textbook problems ch 4 #1-6", "Problems of Philosophy, ch. 2"], "IR"),
        # "Taylor 5.4" is Taylor's, where another line cites Taylor's parts.
        (["Taylor ch 5.1–5.2", "Taylor 5.4", "Stewart 5.4"], "RRI"),
        # A chapter's word in capitals cites all the same; "P1", an exam, is no page.
        (["Cormen et al., Kap. 7", "Skript Kap. 2.1–2.3", "estudar pra P1 (prova 18/10)"], "RRI"),
        # A course's own papers in a word or two name no work.
        (["read syllabus", "read my notes", "read the pin factory bit"], "IIR"),
        # A law book's section after its authors; a code's, or a section alone, is none.
        (["Medicus/Lorenz § 1 Rn. 1–30", "BGB § 280 lesen", "Fall 1: aus § 280 I"], "RII"),
        # Word's box after the bullet.
        (["☒ CM (présente)", "☐ relire le poly"], "II"),
    ],
)
def test_what_a_line_in_a_unit_reads_as(lines: list[str], kinds: str) -> None:
    course = parse("## Week 1\n" + "".join(f"- [ ] {line}\n" for line in lines))
    entries = [entry for section in course.weeks[0].sections for entry in section.entries]
    assert "".join(type(entry).__name__[0] for entry in entries) == kinds


def test_a_thumbs_up_ticks_a_line() -> None:
    week = parse("Sett. 1\n- lez lun 👍\n- lez gio\n\nSett. 2\n- lez lun 👍\n").weeks[0]
    assert [item.done for item in week.items] == [True, False]


def test_a_labels_indented_lines_are_tasks_as_plain_lines_are_its_section_ends_after() -> None:
    course = parse(
        "Historia\n\nSemana 1 - Antiguo Régimen\n\nClase presencial - hecho\nLecturas:\n"
        "  Villares y Bahamonde, cap. 1 - hecho\n  Doyle, W., cap. 2 - pendiente\n"
        "     (la profe dice que es la otra mirada)\n"
        "Vídeo: La sociedad estamental (12:45) - hecho\nForo: 1 mensaje - hecho\n\n"
        "Semana 2 - Ilustración\n\nClase presencial - pendiente\n"
    )
    week = course.weeks[0]
    shown = [
        (section.title, section.kind.name.lower(), [(e.text, e.done) for e in section.items])
        for section in week.sections
    ]
    assert shown == [
        ("", "other", [("Clase presencial", True)]),
        (
            "Lecturas",
            "readings",
            [("Villares y Bahamonde, cap. 1", True), ("Doyle, W., cap. 2", False)],
        ),
        ("", "other", [("Vídeo: La sociedad estamental", True), ("Foro: 1 mensaje", True)]),
    ]
    assert isinstance(week.sections[2].items[0], Video)  # out of the readings: a video


def test_a_plain_line_among_items_saying_its_state_and_its_due_date_is_a_task() -> None:
    course = parse(
        "## Seminar 4\nCases\n- Olley v Marlborough (done)\n\n"
        "Formative essay: Discuss. \u2014 submit by Fri 15 Nov (not started)\n"
        "Essay topics are free (not started)\n"
    )
    items = course.weeks[0].items
    assert [(item.text[:15], item.done, bool(item.due)) for item in items] == [
        ("Olley v Marlbor", True, False),
        ("Formative essay", False, True),
    ]


def test_a_rule_after_the_last_unit_on_a_line_of_its_own_ends_it() -> None:
    text = (
        "calc\n\nwk1\nps1 due fri \u2713\n\nwk2\nps2 \u2713\nread 7.3 \u2713\n\n---\ntodo\n"
        "- ask jess for her notes\n- buy graph paper\n"
    )
    course = parse(text)
    assert [len(week.items) for week in course.weeks] == [1, 2]
    assert [entry.text for section in course.general for entry in section.entries] == [
        "todo",
        "ask jess for her notes",
        "buy graph paper",
    ]
    assert [(d.line, str(d.message)) for d in course.diagnostics] == [
        (10, "a rule after the last week: the lines after it are on the General page")
    ]
    # Under headings, a rule is the unit's own: its lines stay in it.
    headed = parse("## Week 1\n- a\n## Week 2\n- b\n\n---\n- c\n")
    assert [len(week.items) for week in headed.weeks] == [1, 2]
    # A rule between label units, or one with nothing after it, ends nothing and says nothing.
    between = parse("calc\n\nwk1\nps1 \u2713\n---\nwk2\nps2 \u2713\nps3 \u2713\n---\n")
    assert [len(week.items) for week in between.weeks] == [1, 2] and not between.diagnostics


def test_check_says_how_the_file_was_read() -> None:
    course = parse("---\ntitle: T\n---\n## Module 1\n- a\n## Module 2\n## Questions\n- why?\n")
    assert [str(sentence) for sentence in course.how] == [
        "units: `## Module N` headings, 2 of them, line 4 to 6 (called Module)",
        "title: T (front matter)",
        "questions: `## Questions`, line 7",
        "front matter: lines 1 to 3, not shown",
    ]


def test_a_video_in_any_section_says_so_and_gives_a_length() -> None:
    course = parse("## Lecture 1\n- recording 52:10 ✓\n- problem set 3 (due 14/3)\n")
    recording, problems = course.weeks[0].items
    assert isinstance(recording, Video) and recording.duration == 3130 and recording.done
    assert not isinstance(problems, Video)


def test_a_planner_pasted_with_tabs_gives_units_and_tasks() -> None:
    text = (
        "NURS 2104 Adult Health\n\n"
        "Unit\tTopic\tActivity\tDue\tDone\n"
        "Unit 1\tFluids\tLecture 1.1 recording (52 min)\t\t✓\n"
        "\t\tWorksheet\tdue 3/3\ty\n"
        "\t\tTBA\t\t\n"
        "Unit 2\tHeart\tRead Lewis ch. 35\tFri 14th\t\n"
        "\n## Unit 3: Neuro\n- [x] Tutorial 5\n"
    )
    course = parse(text)
    assert course.title == "NURS 2104 Adult Health"
    assert [(week.numbers, week.title) for week in course.weeks] == [
        ((1,), "Fluids"),
        ((2,), "Heart"),
        ((3,), "Neuro"),
    ]
    first, second = course.weeks[0].items, course.weeks[1].items
    assert [(item.text, item.done) for item in first] == [
        ("Lecture 1.1 recording", True),
        ("Worksheet due 3/3", True),
    ]
    assert [(item.text, item.done, item.due is not None) for item in second] == [
        ("Read Lewis ch. 35 due Fri 14th", False, True)
    ]
    assert course.markup_lines == [3]
    assert any(str(sentence).startswith("planner:") for sentence in course.how)


def test_obsidian_callouts_hold_tasks_and_questions() -> None:
    text = (
        "## Woche 4\n> [!todo] Nacharbeiten\n> - [ ] Beweis aufschreiben\n\n"
        "> [!info] Raum\n> E.104\n### Vorlesung\n- [x] VL 7\n- [x] ~~VL 8~~ entfällt\n"
        "> [!question] Frage\n> - Zählt Blatt 0?\n>   → Nein\n- [ ] VL 9\n"
    )
    from course_notes.read.thoughts import read_entries

    course = parse(text)
    week = course.weeks[0]
    assert [
        (section.heading, [item.text for item in section.items]) for section in week.sections
    ] == [
        ("Nacharbeiten", ["Beweis aufschreiben"]),
        ("Vorlesung", ["VL 7", "VL 9"]),
    ]
    assert str(week.progress) == "1/3"
    entries, _groups = read_entries(course.thoughts)
    assert [(entry.title, entry.answer) for entry in entries] == [("Zählt Blatt 0?", "Nein")]


def test_org_mode_headlines_are_units_sections_and_tasks() -> None:
    text = (
        "#+TITLE: MATH 2210\n#+STARTUP: overview\n* Questions\n** DONE Is JNF examinable?\n"
        "   - yes, up to 4x4\n** TODO Proof of Cayley-Hamilton?\n"
        "* DONE Week 1: Vector spaces\n** DONE Lecture 1 (video 52:14)\n** Problems\n"
        "*** TODO Problem Sheet 1\n    DEADLINE: <2024-10-11 Fri 16:00>\n"
        "*** CANCELLED Workshop 1 -- strike\n"
    )
    from course_notes.read.thoughts import read_entries

    course = parse(text)
    assert course.title == "MATH 2210"
    (week,) = course.weeks
    assert (week.numbers, week.title, str(week.progress)) == ((1,), "Vector spaces", "1/2")
    assert [section.title for section in week.sections] == ["", "Problems"]
    sheet = week.sections[1].items[0]
    assert (sheet.text, sheet.due is not None) == ("Problem Sheet 1 (due 2024-10-11)", True)
    assert week.video_time.total == 3134
    entries, _groups = read_entries(course.thoughts)
    assert [(entry.title, entry.answer) for entry in entries] == [
        ("Is JNF examinable?", "yes, up to 4x4"),
        ("Proof of Cayley-Hamilton?", None),
    ]
    assert course.markup_lines == [2, 11]


def test_labels_over_lines_ticked_under_them_and_a_list_of_words_to_learn() -> None:
    (vecka,) = parse(
        "### Vecka 1 – Intro\nFöreläsningar\n  ✔ F1 Intro (inspelad, 1:28:40)\n"
        "Övrigt\n  x anmäla sig\n  - boka handledning – klar\n"
    ).weeks
    (lezione,) = parse(
        "## Lezione 1\n- [x] Kursbuch pag. 8\n- [x] traccia 1.02 (1:48)\n- [x] es. 1–4\n"
        "**Vocaboli**\n- die Wohnung – l'appartamento\n- umziehen – traslocare\n"
        "**Compiti**\n- [x] leggere *Oktoberfest*, cap. 1–2\n"
    ).weeks
    assert [(s.title, str(s.progress)) for s in vecka.sections] == [
        ("Föreläsningar", "1/1"),
        ("Övrigt", "2/2"),
    ]
    assert vecka.video_time.total == 5320
    assert str(lezione.progress) == "4/4"
    assert [type(entry).__name__ for entry in lezione.sections[1].entries] == ["Note", "Note"]
    assert isinstance(lezione.sections[2].entries[0], Reading)


def test_the_part_seen_of_a_begun_video_is_counted_apart(render_page: PageRenderer) -> None:
    notes = (
        "# Course\n\n## Week 1\n\n### Videos\n"
        "- [ ] L1 (1:30:00) stopped at 1:02:00\n"
        "- [x] L2 (10:00) stopped at 5:00\n"
        "- [ ] L3 (20:00)\n"
    )
    week = parse(notes).weeks[0]
    first, second, third = week.videos
    assert (first.watched, first.started, first.done) == (3720, True, False)
    # Ticked: watched whole, wherever the line says it stopped.
    assert (second.watched, second.done) == (None, True)
    assert (third.watched, third.started) == (None, False)
    assert week.video_time == VideoTime(watched=600, total=7200, unknown=0, partly=3720)
    assert week.video_time.left == 7200 - 600 - 3720
    page = next(text for name, text in site_pages(parse(notes)).items() if "week-1" in name)
    shown = BeautifulSoup(render_page.html(page), "html.parser").get_text(" ")
    assert "10m 0s watched of 2h 0m 0s, 1h 2m 0s more of videos begun" in shown


def test_a_line_a_paste_broke_goes_on_the_item_above() -> None:
    notes = (
        "## Week 1\n"
        "Lectures (Panopto)\n"
        "• Lecture 2: Giotto and the Trecento inheri-\n"
        "tance — 1:03:55 ✓ >> watched at 1.5x\n"
        "Required Reading\n"
        "• Vasari, Lives (trans. Bondanella,\n"
        "Oxford), pp. 47–52 ✓\n"
        "• Harbison, The Mirror of the Artist in\n"
        "Its Historical Context, ch. 2\n"
        "• Hartt, ch. 5\n"
    )
    course = parse(notes)
    lectures, readings = course.weeks[0].sections
    (video,) = lectures.videos
    assert (video.text, video.duration, video.done) == (
        "Lecture 2: Giotto and the Trecento inheritance — >> watched at 1.5x",
        3835,
        True,
    )
    assert [(item.text, item.done) for item in readings.items] == [
        ("Vasari, Lives (trans. Bondanella, Oxford), pp. 47–52", True),
        ("Harbison, The Mirror of the Artist in Its Historical Context, ch. 2", False),
        ("Hartt, ch. 5", False),
    ]
    assert course.continued_lines == [4, 7, 9]


def test_a_plain_line_after_a_finished_item_stays_its_own() -> None:
    course = parse("# week 1\n## exercises\n- [x] a, b\nc and d\n- [ ] e (1\n- f\n")
    entries = course.weeks[0].sections[0].entries
    assert [(type(e).__name__, e.text) for e in entries][:2] == [
        ("Item", "a, b"),
        ("Note", "c and d"),
    ]
    # The next line is a list item of its own: nothing goes on the item above.
    assert [e.text for e in entries][2:] == ["e (1", "f"]
    assert course.continued_lines == []


def test_labels_without_colons_over_boxes_and_state_words() -> None:
    notes = (
        "## Week 2: circuits\nprelab reading\n[x] manual expt 3\n[ ] Taylor ch 4\n"
        "lab 30/1\n[x] attended\nreport\nDONE report 1\nTODO report 2\n"
    )
    week = parse(notes).weeks[0]
    assert [(s.title, s.kind, str(s.progress)) for s in week.sections] == [
        ("prelab reading", SectionKind.READINGS, "1/2"),
        ("lab 30/1", SectionKind.EXERCISES, "1/1"),
        ("report", SectionKind.OTHER, "1/2"),
    ]


def test_pasted_titles_among_labels_are_labels() -> None:
    notes = (
        "## Week 3\nRequired Reading\n• Hartt, ch. 6 ✓\nSection\n• Section 3 ✓\n"
        "Due this week\n• Essay ✓\n"
    )
    week = parse(notes).weeks[0]
    assert [s.title for s in week.sections] == ["Required Reading", "Section", "Due this week"]


def test_a_boxed_task_over_plain_bullets_is_a_task_with_notes() -> None:
    notes = (
        "## Module 1\n### Assessments\n- [x] Knowledge check 1\n- [x] Graded quiz 1\n"
        "\t- 9/10, missed the albedo one\n- [ ] Quiz 2\n  - [x] part a\n  - [ ] part b\n"
        "- [ ] Sheet 3\n  - nicht abgegeben, egal\n- [ ] x\n"
    )
    entries = parse(notes).weeks[0].sections[0].entries
    assert [(type(e).__name__, e.text) for e in entries] == [
        ("Item", "Knowledge check 1"),
        ("Item", "Graded quiz 1"),
        ("Note", "9/10, missed the albedo one"),
        ("Group", "Quiz 2"),
        ("Item", "part a"),
        ("Item", "part b"),
        ("Item", "Sheet 3"),
        # "nicht abgegeben": not handed in, no done word.
        ("Note", "nicht abgegeben, egal"),
        ("Item", "x"),
    ]


def test_a_begun_box_and_a_remark_after_the_tick() -> None:
    notes = "## Week 1\n### Lektüre\n- [~] Meffert Kap. 2\n[~] Kotler ch 3\n- Bruhn ✓ >> ok\n"
    items = parse(notes).weeks[0].items
    assert [(i.text, i.done, i.started) for i in items] == [
        ("Meffert Kap. 2", False, True),
        ("Kotler ch 3", False, True),
        ("Bruhn >> ok", True, False),
    ]


def test_a_remark_in_brackets_under_the_questions_is_no_question() -> None:
    notes = (
        "## Week 1\n- a\n## Fragen an Prof. Hellwig\n(Sprechstunde Di 13–14 Uhr)\n\n"
        "1. Ist Kap. 7 relevant?\n   → nur 7.1–7.3\n2. Probeklausur?\n"
    )
    faq = read_questions(parse(notes).thoughts)
    assert [entry.title for entry in faq.entries] == ["Ist Kap. 7 relevant?", "Probeklausur?"]
    assert [(type(part).__name__, part.text) for part in faq.headings] == [
        ("Remark", "(Sprechstunde Di 13–14 Uhr)")
    ]


def test_phone_notes_ticked_with_x_and_lectures_named_as_their_videos() -> None:
    notes = (
        "HIST 1120\n\nwk1 intro\nvids:\nlec1 intro 42m ✓\nlec2 french rev 51m x\n"
        "lec9 extra 10m\nrdg:\nHunt pp1-32 x\nPart X\ndisc ✓\n\nwk2 empire\n"
        "lec3 napoleon 47m x\nlec4 haiti 1:05:20\ndisc ✓\nrdg tbd\n-- spring break --\n\n"
        "## ❓ Office hours Qs\n- why?\n"
    )
    course = parse(notes)
    first, second = course.weeks
    assert [(s.title, s.kind) for s in first.sections] == [
        ("vids", SectionKind.VIDEOS),
        ("rdg", SectionKind.READINGS),
    ]
    assert [(i.text, i.done) for i in first.items] == [
        ("lec1 intro", True),
        ("lec2 french rev", True),
        ("lec9 extra", False),
        ("Hunt pp1-32", True),
        # Part ten: an upper-case X is no tick.
        ("Part X", False),
        ("disc", True),
    ]
    # No "vids:" in week 2, but its lectures are named as week 1's videos were.
    assert [(v.text, v.duration, v.done) for v in second.videos] == [
        ("lec3 napoleon", 2820, True),
        ("lec4 haiti", 3920, False),
    ]
    # "rdg tbd" is nothing yet; the divider is a note.
    assert second.progress.total == 3
    assert [n.text for s in second.sections for n in s.entries if type(n) is Note] == [
        "-- spring break --"
    ]
    assert course.thoughts_line == 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Every Tasks field by its sign, cut from the text, which comes back trimmed.
        (
            "quiz ⏳ 2027-02-03 🛫 2027-02-01 ➕ 2027-01-20 ❌ 2027-02-05\t",
            (
                "quiz",
                {
                    "scheduled": "2027-02-03",
                    "start": "2027-02-01",
                    "created": "2027-01-20",
                    "cancelled": "2027-02-05",
                },
            ),
        ),
        ("lab 📅 2027-03-01", ("lab", {"due": "2027-03-01"})),
        ("café (yum)", ("café (yum)", {})),
    ],
)
def test_tasks_fields_by_their_signs(text: str, expected: tuple[str, dict[str, str]]) -> None:
    assert read_fields(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[/]Lecture 3", ("Lecture 3", State.STARTED)),
        ("[/] \tLecture 3", ("Lecture 3", State.STARTED)),
        ("[-]Seminar 2", ("Seminar 2", State.CANCELLED)),
        ("[-] \tSeminar 2", ("Seminar 2", State.CANCELLED)),
        # Only a whole box: "[-x" and "a]" are text.
        ("[-x] b", ("[-x] b", None)),
        ("~~VL 8~~ heute nachgeholt", ("VL 8 heute nachgeholt", State.DONE)),
        ("~~VL 8~~", ("VL 8", State.DONE)),
        ("manuale cap. 4 - a metà", ("manuale cap. 4", State.STARTED)),
        ("manuale cap. 4 (a metà)", ("manuale cap. 4 (a metà)", State.STARTED)),
        ("manuale cap. 4 - a metà!", ("manuale cap. 4", State.STARTED)),
        ("seminar cancelled?", ("seminar cancelled?", None)),
    ],
)
def test_states_said_by_boxes_strikes_and_halves(
    text: str, expected: tuple[str, State | None]
) -> None:
    assert read_state(text) == expected


# --- round 10: an outliner's units, a unit word cut short, an outline's letters -------------


def test_an_outliners_units_are_its_outermost_bullets_naming_a_unit() -> None:
    text = (
        "title:: ML\n\n- cohort 7, online\n\t- instructor: Dr. R\n"
        "- Module 1: Workflow\n  collapsed:: true\n\t- DONE 1.1 Welcome (06:10)\n\t- TODO Lab 1\n"
        "- [[Module 2]] Trees\n\t- DONE read ch. 8\n"
        # An outermost bullet with nothing under it is a task, not a unit.
        "- Module 3 quiz\n"
    )
    assert units(text) == [("Module", (1,), "Workflow"), ("Module", (2,), "Trees")]
    course = parse(text)
    assert [(w.progress.total, w.progress.done) for w in course.weeks] == [(2, 1), (2, 1)]


def test_the_units_word_cut_short_is_the_same_unit() -> None:
    text = "## Semaine 1 — Intro\n- a\n## Sem. 2 — Perception\n- b\n## S3 - Langage\n- c\n"
    # Named as the file names most of them.
    assert units(text) == [
        ("Semaine", (1,), "Intro"),
        ("Semaine", (2,), "Perception"),
        ("Semaine", (3,), "Langage"),
    ]
    # Another word is not cut short from it.
    assert len(units("## Semaine 1\n- a\n## Semaine 2\n- b\n## Partiel 3\n- c\n")) == 2


def test_an_outlines_letters_and_numerals_are_its_levels() -> None:
    text = (
        "## Lecture 7 – Moment-area\nFeb 26 — thm 1 and thm 2\n"
        "1. Recording\na) rec 47:55 — watched up to ~30:00\n"
        "2. Reading\na) Hibbeler 8.4–8.5 [x]\n   i. skip 8.6, not on exam\n"
        "## Lecture 8 – Conjugate beam\n1.1 HW\na) PS8 Q1–Q4 ✅\nb) lab memo (done)\n"
    )
    seven, eight = parse(text).weeks
    # "a)" under "1." is its task, "i." under "a)" a note on it; the numbered lines group.
    assert (seven.progress.total, seven.progress.done) == (2, 1)
    assert seven.video_time.total == 47 * 60 + 55
    assert (eight.progress.total, eight.progress.done) == (2, 2)
    [section] = [s for s in eight.sections if s.items]
    assert section.kind is SectionKind.EXERCISES


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ('capsule "Paradigme de Posner" 8 min 30 ✔', 8 * 60 + 30),
        ("vidéo du gorille 1 min 22 ✔ mdr", 82),
        ("interview de Kahneman (sous-titrée) 34' — à faire", 34 * 60),
        # "Mo..." starts a weekday's name only as the name: "Moodle" is none.
        ("replay CM4 sur Moodle 1h40", 100 * 60),
        ("rec 47:55 — watched up to ~30:00", 47 * 60 + 55),
        # After a weekday a clock with seconds is a length; after "at", a time all the same.
        ("Vorlesungsaufzeichnung Di 1:24:10 nochmal", 1 * 3600 + 24 * 60 + 10),
        ("lecture Di 14:00", None),
        ("rec 1:51:45 - watched up to 1:10:00", 1 * 3600 + 51 * 60 + 45),
        ("Aufzeichnung Di 1:31:05   (bis ca. 50 min geschaut)", 1 * 3600 + 31 * 60 + 5),
        ("Video: Cost function \u2022 7 min", 7 * 60),
        ("lecture Tuesday 14:00", None),
        ("cours lundi 9h30", None),
        ("25 min 3 exercises", 25 * 60),
        ("relatório 2 — entrega 25/09 — entregue 23h58 kkkk", None),  # a time of day
        ("presença (cheguei 20 min atrasada mas ela deixou assinar)", None),  # how late
        ("attendance (20 min late)", None),
        ("reg. 1h22", 82 * 60),
        ("preparar seminário – em andamento", None),
        ("weblecture HC5 (1,5 uur) op 2x snelheid gekeken", 5400),
        ("weblecture HC6 nog kijken!! (1u 45m)", 6300),
        ("rec 1.5 hrs", 5400),
        ("lab 2.5 h of work left", None),
        ("v 1.5", None),
        ("βίντεο Ιωάννου μεταφορά ουσιών 38' ✓", 38 * 60),
        ("βίντεο ΑΝΣ συμπαθ/παρασυμπ 1h10'", 70 * 60),
        ("تسجيل المحاضرة (٤٥ دقيقة)", 45 * 60),
        ("تسجيل المحاضرة ٣٨:٢٠", 38 * 60 + 20),
        ("فيديو شرح من الدكتور 25 دقيقة", 25 * 60),
        ("föreläsningsinspelning 1 tim 10 min", 70 * 60),
        ("فیلم جلسه ۴ (۱ ساعت و ۵ دقیقه)", 65 * 60),
        ("video (1 hour and 5 minutes)", 65 * 60),
    ],
)
def test_lengths_in_more_forms_and_what_is_no_length(text: str, seconds: int | None) -> None:
    assert find_duration(text)[1] == seconds


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Ascolti", SectionKind.VIDEOS),
        ("Écoutes", SectionKind.VIDEOS),
        ("Presenze", SectionKind.ATTENDANCE),
        ("HW", SectionKind.EXERCISES),
    ],
)
def test_round_ten_section_words(heading: str, kind: SectionKind) -> None:
    assert SectionKinds(None).kind(heading) is kind


def test_an_empty_box_stays_open_whatever_its_words_say() -> None:
    [week] = parse(
        "## Lezione 3\n- [ ] 23/10 assente (certificato consegnato in segreteria)\n"
        "- Lab 2 handed in\n"
    ).weeks
    assert [item.done for item in week.items] == [False, True]


# --- round 11: toggles, a unit in a gap, class days, Dutch and Chinese words ----------------


def test_units_on_lines_of_their_own_after_the_headings_ones() -> None:
    text = (
        "## Aula 1 – Intro\n- [x] a\n\n## Aula 2 – PK\n- [ ] b\n\n"
        "▸ Aula 3 – Receptores\n- [x] c\n\n▸ Aula 4 – Antibióticos\n- [ ] d\n"
        # A number a heading took is no second unit.
        "\nAula 2 revisited\n- [ ] e\n"
    )
    assert [(n, t) for _, n, t in units(text)] == [
        ((1,), "Intro"),
        ((2,), "PK"),
        ((3,), "Receptores"),
        ((4,), "Antibióticos"),
    ]


def test_a_heading_naming_the_missing_number_with_another_word_is_a_unit() -> None:
    text = "## College 6\n- a\n## HC 7: Rechtspraak\n- b\n## College 8\n- c\n## Tentamen 12\n- d\n"
    assert [n for _, n, _ in units(text)] == [(6,), (7,), (8,)]


def test_class_days_are_units_whether_lines_or_headings() -> None:
    text = (
        "STAT 2040\n\nMon 13 Jan — Lecture 1: regression\n[x] slides\n\n"
        "Wed 15 Jan (lab) — R basics\n[ ] lab 1\n\n(no class Mon 20 Jan, MLK day)\n\n"
        "### Fri 17 Jan — Lecture 2: inference\n- a ✓\n### Wed 22 Jan (lab)\n- b\n"
    )
    course = parse(text)
    # A weekday and a day of the month are a date, not "Fri" units 17 and 22.
    assert [week.date_label for week in course.weeks] == [
        "Mon 13 Jan",
        "Wed 15 Jan",
        "Fri 17 Jan",
        "Wed 22 Jan",
    ]
    assert [(w.progress.total, w.progress.done) for w in course.weeks] == [
        (1, 1),
        (1, 0),
        (1, 1),
        (1, 0),
    ]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("opdracht 1, inleveren vóór 3 maart - afgerond", State.DONE),
        ("presentatie in duo's vervalt (zei Sanne)", State.CANCELLED),
        ("lecture recording 3 (analysis of algorithms) 已看", State.DONE),
        ("lab02 recursion on linked lists 完成", State.DONE),
        ("lecture recording 4 (recursion 递归) 没看完", State.OPEN),
        ("preparar seminário – apresentar dia 16/09 – em andamento", State.STARTED),
        ("TP 2 en curso", State.STARTED),
        ("relazione in corso", State.STARTED),
    ],
)
def test_states_in_more_languages(text: str, state: State) -> None:
    assert read_state(text)[1] is state


def test_struck_lines_in_a_unit_that_says_its_class_did_not_happen_are_called_off() -> None:
    text = (
        "## Prática 4\n- [x] presença\n\n## Prática 5 - Estequiometria\n18/09\n"
        "NÃO TEVE AULA - faltou reagente\n- ~~presença~~\n- ~~pré-lab roteiro 5~~ (li)\n\n"
        "## Prática 6\n- ~~relatório 4~~ entregue\n"
    )
    course = parse(text)
    assert [(w.progress.done, w.progress.total) for w in course.weeks] == [(1, 1), (0, 0), (1, 1)]
    assert all(
        isinstance(e, (Cancelled, Note)) for s in course.weeks[1].sections for e in s.entries
    )


def test_a_question_asked_in_its_unit_after_a_label_naming_it_one() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "## Prática 3\n- [x] presença\n"
        "dúvida p/ monitor: a temperatura da água muda tanto assim a densidade? precisa corrigir?\n"
        "- [ ] relatório 2\n\n## Prática 4\n- [x] presença\nobs: trazer jaleco\n\n"
        "## dúvidas\n- o relatório precisa ter fluxograma?\n"
    )
    course = parse(text)
    entries, _groups = read_entries(course.thoughts)
    assert [e.title for e in entries] == [
        "A temperatura da água muda tanto assim a densidade?",
        "O relatório precisa ter fluxograma?",
    ]
    assert [[i.text for i in w.items] for w in course.weeks] == [
        ["presença", "relatório 2"],
        ["presença"],
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("HC 4 1u05 ✓", 65 * 60), ("Abdul Bari: complexity (45分钟) 已看", 45 * 60)],
)
def test_dutch_and_chinese_lengths(text: str, seconds: int) -> None:
    assert find_duration(text)[1] == seconds


# --- round 12: a prefix before the unit, OneNote boxes and stamps, ticks with words ---------


def test_a_units_word_after_a_prefix_in_its_heading() -> None:
    text = (
        "## Block 3 – Cardio week 1: heart as a pump\n- a\n## CVS Wk 2 – ECG\n- b\n"
        "## Resp Wk 3 – mechanics\n- c\n"
    )
    assert [(n, t) for _, n, t in units(text)] == [
        ((1,), "heart as a pump"),
        ((2,), "ECG"),
        ((3,), "mechanics"),
    ]
    # Only in headings: a plain line naming units in passing is no unit.
    text = "PLANNER (units 1-4)\n\n## Unit 5: Neuro\n- a\n## Unit 6 - Renal\n- b\n"
    assert [n for _, n, _ in units(text)] == [(5,), (6,)]


def test_onenote_boxes_stamps_and_bullets() -> None:
    text = (
        "**Week 1 – GDP**\nMonday, 17 February 2025\t8:05 PM\n\nLectures\n"
        "\u2611 Lecture 1a (42 min)\n\u2610 1b – 39:15\nQuiz\n\u2610 Quiz 1 closes Sun 11:59pm\n\n"
        "**Week 2 – Labour**\nLectures\n\u2611 Lecture 2a (45 min)\n\n"
        "**Things to ask in consult**\nWednesday, 5 March 2025\t1:10 PM\n\n"
        "\u2022\tWhy is LM flat? ans: the RBA sets i\n\u2022\tCan we bring a calculator?\n"
    )
    course = parse(text)
    week = course.weeks[0]
    assert (week.progress.total, week.progress.done) == (3, 1)
    faq = read_questions(course.thoughts)
    # The page's date and time under the title is no question.
    assert sorted(entry.title for entry in faq.entries) == [
        "Can we bring a calculator?",
        "Why is LM flat?",
    ]
    assert [entry.answer is not None for entry in faq.entries] == [True, False]


@pytest.mark.parametrize(
    ("line", "done"),
    [
        ("- Darwin, J., *Unfinished Empire* (2012), intro ✓ read", True),
        ("- Draper, N., *The Price of Emancipation* (2010) – read", True),
        ("- read Draper, N., *The Price of Emancipation*", False),
    ],
)
def test_a_tick_or_a_dash_with_the_word_it_means(line: str, done: bool) -> None:
    [week] = parse(f"## Seminar 1\n{line}\n").weeks
    assert [item.done for item in week.items] == [done]


def test_plain_lines_labelled_as_the_files_tasks_are_tasks_too() -> None:
    text = "".join(
        f'### Seminar {n}\nLecture: "Topic {n}" – Lecture recording 4{n}:00{tick}\n\n'
        "Core reading\n- a ✓ read\n"
        for n, tick in ((1, " ✓"), (2, " – watched"), (3, ""))
    )
    weeks = parse(text).weeks
    assert [(w.progress.total, w.progress.done) for w in weeks] == [(2, 2), (2, 2), (2, 1)]
    assert weeks[2].video_time.total == 43 * 60


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("## Questions for mentor\n- flex won't shrink?? mentor: set min-width: 0\n", True),
        ("## Blockers / questions\n- express says EADDRINUSE mentor: kill the old node\n", True),
        ("Q for tutor\n- why is S3 volume overload?? → rapid early filling\n", True),
    ],
)
def test_who_answered_and_questions_named_in_passing(text: str, answered: bool) -> None:
    faq = read_questions(parse("## Week 1\n- a\n\n" + text).thoughts)
    assert [entry.answer is not None for entry in faq.entries] == [answered]


# --- round 13: numbers in words, Japanese notes, "read" alone, a tick and its word ----------


def test_a_units_number_written_as_a_word() -> None:
    text = "WEEK ONE – Intro\n- a\n\nWeek Two: Utilitarianism\n- b\n\nweek three - Kant\n- c\n"
    assert [(n, t) for _, n, t in units(text)] == [
        ((1,), "Intro"),
        ((2,), "Utilitarianism"),
        ((3,), "Kant"),
    ]
    # Only after a unit's word: "Chapter One" is, "Part of one" is not a unit's number.
    assert units("## Woche drei\n- a\n## Woche vier\n- b\n")[1][1] == (4,)


def test_japanese_notes() -> None:
    text = (
        "## 第1回 ガイダンス\n- [x] 出席\n\n## 第2回 漱石\n出席 済\n講義動画 1時間10分 済\n"
        "リアペ③ 未\n\n【読む】\n・夏目漱石『こころ』上 済\n"
        "・小森陽一「こころを生成する心臓」 未\n\n"
        "## 先生への質問\n1. 休講分の補講はありますか → なし\n2. 班発表の持ち時間は何分?\n"
    )
    course = parse(text)
    second = course.weeks[1]
    assert (second.progress.total, second.progress.done) == (5, 3)
    assert second.video_time.total == 70 * 60
    assert [s.kind for s in second.sections if s.title == "読む"] == [SectionKind.READINGS]
    faq = read_questions(course.thoughts)
    assert [entry.answer is not None for entry in faq.entries] == [True, False]


@pytest.mark.parametrize(
    ("line", "done"),
    [
        ("- Rachels ch. 9-10 (the two Kant chapters) read", True),
        ("- Singer, Famine, Affluence and Morality - need to read", False),
        ("- vital signs + NEWS2 ✔ signed off", True),
        ("- IV cannula site care ☐ needs resign", False),
    ],
)
def test_read_alone_and_a_tick_with_its_word(line: str, done: bool) -> None:
    [week] = parse(f"## Week 1\n{line}\n").weeks
    assert [item.done for item in week.items] == [done]


def test_a_units_label_round_its_number_is_kept_on_pages() -> None:
    course = parse("## 3주차 – 트리\n- [x] a\n## 4주차\n- b\n## 第5周：聚类\n- c\n")
    assert [week.label for week in course.weeks] == ["3주차", "4주차"]
    chinese = parse("## 第1周：线性回归\n- a\n## 第2周\n- b\n")
    assert [week.name for week in chinese.weeks] == ["第1周: 线性回归", "第2周"]
    assert "`## 第N周` headings" in str(chinese.how[0])


def test_bare_labels_repeated_in_each_unit_are_sections() -> None:
    text = (
        "경제학\n\n1주차\n강의\n◦ 1강 영상 24분 ✔︎\n◦ 보충 17:40\n읽기\n◦ 맨큐 1장 ✔︎\n\n"
        "2주차\n강의\n◦ 2강 영상 51분\n◦ 3강 12분\n읽기\n◦ 맨큐 2장 (완료)\n"
    )
    course = parse(text)
    assert [[(s.title, s.kind) for s in week.sections] for week in course.weeks] == [
        [("강의", SectionKind.VIDEOS), ("읽기", SectionKind.READINGS)],
    ] * 2
    assert [(week.progress.done, week.progress.total) for week in course.weeks] == [(2, 3), (1, 3)]


def test_japanese_bullets_without_a_blank_and_bare_labels() -> None:
    course = parse(
        "統計学\n\n第1回\n出席 ✓\n資料\n・シラバス ✓\n・スライド\n\n第2回\n資料\n・表 ✓\n"
    )
    week = course.weeks[0]
    assert [(s.title, [e.text for e in s.entries]) for s in week.sections] == [
        ("", ["出席"]),
        ("資料", ["シラバス", "スライド"]),
    ]


def test_a_plus_among_minus_bullets_is_done_and_check_says_so() -> None:
    text = "1. Hafta\nVideolar:\n+ a 48 dk\n- b 12 dk\n\n2. Hafta\nVideolar:\n+ c\n- d\n"
    course = parse(text)
    assert [(w.progress.done, w.progress.total) for w in course.weeks] == [(1, 2), (1, 2)]
    assert any("`+` item is done" in str(line) for line in course.how)
    # One list mixing them is not enough: "+" may be a second bullet style.
    once = parse("## Week 1\n- a\n+ b\n## Week 2\n- c\n")
    assert once.progress.done == 0


def test_x_and_o_opening_plain_lines_are_done_and_open_tasks() -> None:
    text = "PHIL\n\nWEEK 1\n-----\nx Locke pp. 1-20\no Hume pp. 3-9\n\nWEEK 2\n-----\n"
    text += "X Parfit ch. 10\no Williams\n"
    course = parse(text)
    assert [(w.progress.done, w.progress.total) for w in course.weeks] == [(1, 2), (1, 2)]
    assert course.weeks[0].items[0].text == "Locke pp. 1-20"


def test_plain_tasks_opening_with_their_state_leave_unmarked_lines_notes() -> None:
    """Signs for done and for not done, each at the start: a line with neither is a note."""
    text = (
        "PHARM\n\nModule 1 - intro\n✅ lecture video 48 min\n⬜️ quiz 1\n"
        "half life = time for level to drop 50%\nreg. 2 fatto\n\n"
        "Module 2 snow day - cancelled\nnothing due\n\n"
        "Module 3\n✅ slides\n🔄 quiz 3 started\nSLUDGE = cholinergic toxicity\n"
    )
    course = parse(text)
    assert [[(i.text, i.done, i.started) for i in week.items] for week in course.weeks] == [
        [("lecture video", True, False), ("quiz 1", False, False), ("reg. 2", True, False)],
        [],
        [("slides", True, False), ("quiz 3 started", False, True)],
    ]
    notes = [e.text for s in course.weeks[0].sections for e in s.entries if isinstance(e, Note)]
    assert notes == ["half life = time for level to drop 50%"]
    # Without a sign for "not done", an unmarked plain line is a task still to do.
    course = parse("PHARM\n\nModule 1\n✅ a\n✅ b\nc\n\nModule 2\n✅ d\ne\n")
    assert [w.progress.total for w in course.weeks] == [3, 2]


def test_a_question_asked_in_its_unit_behind_a_sign_joins_the_questions() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "Module 1 - intro\n✅ quiz 1\n❓ask Dr Kim is it 4 or 5 half lives on the test\n"
        "→ she said about 5\nnb after the answer, a note of the unit\n\n"
        "Module 2\n✅ slides\n❓ why is propranolol a no in asthma?\n✅ drug cards\n\n"
        "❓ Office hours Qs\n- can we use the app?\n"
    )
    course = parse(text)
    entries, _groups = read_entries(course.thoughts)
    assert [(e.text, e.answer) for e in entries] == [
        ("ask Dr Kim is it 4 or 5 half lives on the test", "she said about 5"),
        ("why is propranolol a no in asthma?", None),
        ("can we use the app?", None),
    ]
    # The unit goes on after each: its tasks and notes stay its own.
    assert [[i.text for i in week.items] for week in course.weeks] == [
        ["quiz 1"],
        ["slides", "drug cards"],
    ]
    assert course.asked_at == [3, 9] and course.thoughts_line == 12
    assert course.diagnostics == []


def test_a_key_of_bracketed_signs_and_due_lines_indented_under_their_label() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "PHIL 247\n\nkey for readings:  (R) read properly   (S) skimmed   (–) not read\n\n"
        "Session 1 (Sep 21) — technology\nReadings:\n  (R) Heidegger, The Question\n"
        "  (S) Mitcham, ch. 1\n  (–) Verbeek, ch. 1\nDue:\n"
        "  Response paper 1 — due Wed 9/27 — submitted ✓\n  essay proposal — due Fri Nov 10\n"
        "Notes:\n  - Noble: search results aren't neutral\n\nSession 2 (Sep 28)\ntba\n\n"
        "Questions for Reyes\n1. Is the saving power art?\n   → yes-ish\n2. Could I get an "
        "extension?\n\nessay ideas: CI + Vallor? ask about this in OH\n"
    )
    course = parse(text)
    week = course.weeks[0]
    assert [(i.text, i.done, i.started, i.due is not None) for i in week.items] == [
        ("Heidegger, The Question", True, False, False),
        ("Mitcham, ch. 1", False, True, False),
        ("Verbeek, ch. 1", False, False, False),
        ("Response paper 1 — due Wed 9/27 — submitted", True, False, True),
        ("essay proposal — due Fri Nov 10", False, False, True),
    ]
    # A labelled line after a numbered list of questions is the student's own, no entry.
    entries, _groups = read_entries(course.thoughts)
    assert [e.text for e in entries] == ["Is the saving power art?", "Could I get an extension?"]


def test_a_question_callout_titled_with_its_question_and_a_misc_heading_after() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "## Lecture 1\n- [x] slides\n> [!question] Why does gauge vs absolute matter?\n"
        "> A: the tables are all absolute\n\n## Lecture 2\n- [ ] slides\n"
        "> [!question] Which sign convention do we use on exams?\n"
        "> update (L5): either, as long as you state it\n- [x] rec 58:40\n\n"
        "## Stuff to ask at OH\n- is there a practice midterm anywhere\n\n"
        "## misc\n- lab group: me, Dev, Hannah\n"
    )
    course = parse(text)
    entries, _groups = read_entries(course.thoughts)
    assert [(e.text, e.answer) for e in entries] == [
        ("Why does gauge vs absolute matter?", "the tables are all absolute"),
        (
            "Which sign convention do we use on exams?",
            "update (L5): either, as long as you state it",
        ),
        ("is there a practice midterm anywhere", None),
    ]
    # Each callout ends its questions: the unit goes on after it.
    assert [[i.text for i in week.items] for week in course.weeks] == [
        ["slides"],
        ["slides", "rec"],
    ]


def test_a_onenote_export_with_hard_breaks_and_ballot_boxes() -> None:
    text = (
        "STAT 2100\n\n# Week 1 -- Data\n\nMonday, January 13, 2025\\\n9:58 AM\n\n"
        "**Lecture videos**\n\u2612 1.1 What is statistics? (14:22)\n"
        "\u2612 1.2 Studies (18:05)\\\nstratified = split into groups\n"
        "~~1.3 Weighted mean~~ -- taken off Canvas, not covered this sem\n"
        "\u2610 Recitation recording (48 min)\n\n# Week 2 -- Graphs\n\u2610 HW 2 due 1/26\n"
    )
    course = parse(text)
    first = course.weeks[0]
    assert [(i.text, i.done) for i in first.items] == [
        ("1.1 What is statistics?", True),
        ("1.2 Studies", True),
        ("Recitation recording", False),
    ]
    assert first.video_time.total == 14 * 60 + 22 + 18 * 60 + 5 + 48 * 60


def test_a_google_keep_checklist_of_questions() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "Week 1 IP\n\u2610 H2 lezen\n\u2610 weblecture HC2 terugkijken (1:38:12)\n"
        "\u2611 H1 lezen\n\nWeek 2\n\u2611 HC3\n\n"
        "vragen voor Marieke (wg docent) \u2753\n\u2610 Moeten we alle designs kennen?\n"
        "\u2611 is stof uit de weblectures ook tentamenstof -> ja alles uit de HC's\n"
    )
    course = parse(text)
    assert course.weeks[0].video_time.total == 3600 + 38 * 60 + 12
    entries, _groups = read_entries(course.thoughts)
    assert [(e.text, e.answer) for e in entries] == [
        ("Moeten we alle designs kennen?", None),
        ("is stof uit de weblectures ook tentamenstof", "ja alles uit de HC's"),
    ]


def test_a_todo_txt_file_gives_each_task_to_the_unit_its_tag_names() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "# CSCI 2270 Data Structures\n# tags: wk:N = week of sem, @oh office hrs q's\n"
        "x 2025-08-26 2025-08-25 watch lec01 intro len:38m +CSCI2270 @vid wk:1\n"
        "x 2025-08-28 2025-08-25 zybooks 1.1-1.8 +CSCI2270 @hw wk:1 due:2025-08-31\n"
        "x 2025-08-28 2025-08-27 can we use std::vector in HW1? +CSCI2270 @oh -> raw arrays\n"
        "(B) 2025-09-15 watch lec08 queues len:44m +CSCI2270 @vid wk:2 -- stopped at 25min\n"
        "2025-09-15 read Weiss 3.5 +CSCI2270 @read wk:2\n"
        "x 2025-10-03 2025-09-29 ask if skip lists are on the final +CSCI2270 @oh\n"
        "x 2025-09-05 2025-09-01 rewatch lec01 len:20m +CSCI2270 @vid wk:1\n"
        "renew parking permit\n"
    )
    course = parse(text)
    assert course.title == "CSCI 2270 Data Structures"
    assert [(w.label, w.progress.done, w.progress.total) for w in course.weeks] == [
        ("Week 1", 3, 3),
        ("Week 2", 0, 2),
    ]
    first = course.weeks[0]
    assert first.video_time.total == (38 + 20) * 60
    assert (
        first.items[1].due is not None and first.items[1].text == "zybooks 1.1-1.8 due 2025-08-31"
    )
    entries, _groups = read_entries(course.thoughts)
    assert [(e.text, e.answer) for e in entries] == [
        ("can we use std::vector in HW1?", "raw arrays"),
        ("ask if skip lists are on the final", None),
    ]
    assert str(course.how[0]) == "todo.txt: a task a line, its unit from its `wk:` tag"
    # A file that only mentions a tag now and then is no todo.txt.
    assert (
        not parse("# Notes\n\n## Week 1\n- [x] lab due:2025-01-01 +x\n")
        .how[0]
        .template.startswith("todo.txt")
    )


def test_an_editors_toc_marker_an_obsidian_comment_and_loose_notes_after_questions() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "[toc]\n\n# Analysis I\n\n## Woche 1\n- [x] Blatt 1\n"
        "%% repasar TODO el tema 3 %%\n- %% a comment under a bullet %%\n\n"
        "## Woche 2\n- [ ] Blatt 2\n\n## Fragen\n- ¿Entra el eje eléctrico?\n\n"
        "notas sueltas:\n- el aula 2.3 no tiene enchufes?\n"
    )
    course = parse(text)
    assert course.title == "Analysis I"
    assert [note.text for note in course.intro] == ["[toc]"]
    assert [[i.text for i in w.items] for w in course.weeks] == [["Blatt 1"], ["Blatt 2"]]
    entries, _groups = read_entries(course.thoughts)
    assert [e.text for e in entries] == ["¿Entra el eje eléctrico?"]


def test_a_label_with_its_state_is_the_units_attendance() -> None:
    text = "Pertemuan 1\nvideo:\n- a (sudah)\nabsen: ✓\n\nPertemuan 2\nabsen: (belum)\n"
    course = parse(text)
    items = [[(item.text, item.done) for item in week.items] for week in course.weeks]
    assert items == [[("a", True), ("absen:", True)], [("absen", False)]]


def test_roam_boxes_and_words_under_a_boxed_task() -> None:
    text = (
        "- [[Session 1]]\n    - {{[[DONE]]}} Response paper\n        - submitted 11:48pm\n"
        "    - {{[[TODO]]}} Galileo, Letter\n        - got halfway\n- [[Session 2]]\n"
        "    - {{[[TODO]]}} c\n- [[Final essay]]\n    - {{[[TODO]]}} proposal\n"
    )
    course = parse(text)
    week = course.weeks[0]
    assert [(item.text, item.done) for item in week.items] == [
        ("Response paper", True),
        ("Galileo, Letter", False),
    ]
    assert [(item.text, item.done) for item in course.weeks[1].items] == [("c", False)]
    assert [s.title for s in course.general] == ["Final essay"]
    assert any("`Final essay` is not a session" in d.message for d in course.diagnostics)


def test_cards_naming_their_unit_on_a_board() -> None:
    text = (
        "---\nkanban-plugin: basic\ncourse: Web Dev\n---\n\n## Backlog\n\n"
        "- [ ] W2: DOM video (16:05)\n- [ ] Week 2 – quiz @{2025-03-16}\n\n## Done\n\n"
        "**Complete**\n- [x] W1: Welcome video (4:30)\n- [x] Week 1 – quiz\n"
        "- [x] W2: Box model\n\t- a note\n"
    )
    course = parse(text)
    assert course.title == "Web Dev"
    assert [(w.label, w.progress.done, w.progress.total) for w in course.weeks] == [
        ("Week 1", 2, 2),
        ("Week 2", 1, 3),
    ]
    assert [s.title for s in course.weeks[1].sections] == ["Backlog", "Done"]
    quiz = course.weeks[1].sections[0].entries[1]
    assert (quiz.text, quiz.due is not None) == ("quiz", True)
    assert [s.title for s in course.general] == ["Done"]  # its "**Complete**" line stays
    assert "named at the start of list items" in str(course.how[0])


def test_google_docs_bullets_pasted_as_plain_text() -> None:
    text = (
        "DIREITO\n\nAULA 01 – Conceito\nPresença: ok (assinei a lista)\nDoutrina\n"
        "●\tSilva, Curso, cap. 1 – feito\n○\tsentido sociológico → CAI NA P1!!!\n"
        "●\tLassalle, O que é uma Constituição? – não feito\n\n"
        "AULA 02 – Poder\nPresença: faltei\nDoutrina\n●\tLenza, cap. 4 – feito\n"
    )
    course = parse(text)
    first = course.weeks[0]
    assert [(item.text, item.done) for item in first.items] == [
        ("Presença: ok (assinei a lista)", True),
        ("Silva, Curso, cap. 1", True),
        ("Lassalle, O que é uma Constituição? – não feito", False),
    ]
    assert first.sections[1].kind is SectionKind.READINGS
    assert [(i.text, i.done) for i in course.weeks[1].items][0] == ("Presença: faltei", False)


def test_hours_of_a_shift_are_no_video() -> None:
    text = (
        "## Week 3\n- [x] Lecture recording 3 (58 min)\n- [x] Placement shift Mon 3/3 (8h)\n"
        "- [x] Placement shift Wed 5/3 (8h)\n- [x] Lecture 3b (12:30)\n"
    )
    assert parse(text).video_time.total == 58 * 60 + 12 * 60 + 30


def test_a_sign_settles_what_lectures_means() -> None:
    assert SectionKinds().kind("📚 Lectures") is SectionKind.READINGS
    assert SectionKinds().kind("Lectures") is SectionKind.SLIDES


def test_onenote_pages_labels_over_ticks_and_stamps() -> None:
    text = (
        "MKTG 610\n\nSession 1 — Intro\nWednesday, January 15, 2025\t5:47 PM\n\nCases\n"
        "✔ Red Bull (HBS)\n- Harley-Davidson (HBS) – skimmed\n"
        "GUEST TALK (recorded, on Canvas)\n[x] Head of Insights, Mondelez – 52 min\n\n"
        "Session 2 - Pricing\nWednesday, February 12, 2025  6:01 PM\n\nPre-reading\n"
        "DONE - K&K ch 16\nTODO - pricing analysis\n"
    )
    course = parse(text)
    assert [
        [(s.title, s.progress.done, s.progress.total) for s in w.sections] for w in course.weeks
    ] == [
        [("", 0, 0), ("Cases", 1, 2), ("GUEST TALK (recorded, on Canvas)", 1, 1)],
        [("", 0, 0), ("Pre-reading", 1, 2)],
    ]
    assert course.weeks[0].sections[2].kind is SectionKind.VIDEOS
    assert [item.text for item in course.weeks[1].items] == ["K&K ch 16", "pricing analysis"]


def test_dataview_fields_are_read_not_shown() -> None:
    text = (
        "## Lecture 01 — Intro\n### watch\n- Lec 1 recording [length:: 1h 48m] [status:: done]\n"
        "### read\n- CLRS ch 4.1–4.5 status:: done\n- Kleinberg 4.1 [status:: wip]\n"
        "\t- skipped the proof\n- Bellman 1954 [status:: cancelled]\n### problems\n"
        "- [ ] PS1 [due:: 2025-02-28]\n"
    )
    week = parse(text).weeks[0]
    assert [(item.text, item.done, item.started) for item in week.items] == [
        ("Lec 1 recording", True, False),
        ("CLRS ch 4.1–4.5", True, False),
        ("Kleinberg 4.1", False, True),
        ("PS1", False, False),
    ]
    assert week.video_time.total == 6480
    assert week.items[-1].due is not None
    assert any(isinstance(entry, Cancelled) for entry in week.sections[1].entries)


def test_questions_with_dataview_answers_remarks_and_callouts_in_a_unit() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "## Week 1\n- a\n## Questions\n> for Haldane or Thu tutor (Kev)\n"
        "- [x] Is case 3 examinable? [answer:: yes, state it]\n- [ ] Why Dijkstra?\n\n"
        "#todo ask Mia if study group is still Wed\n"
    )
    entries, _groups = read_entries(parse(text).thoughts)
    assert [(e.title, e.answer) for e in entries] == [
        ("Is case 3 examinable?", "yes, state it"),
        ("Why Dijkstra?", None),
    ]
    callouts = (
        "## Lezione 1\n- a\n\n> [!question] Domanda\n> Anderson o Gellner?\n"
        "> **R:** tutti e due\n\n"
        "> [!question]\n> Il recupero conta?\n\n## Lezione 2\n- b\n"
    )
    entries, _groups = read_entries(parse(callouts).thoughts)
    assert [e.answer is not None for e in entries] == [True, False]


def test_the_files_own_legend_says_what_its_marks_mean() -> None:
    text = (
        "CONTRACT LAW\n\n✓ = read/done    ~ = skimmed only, go back    x = not read    * = KEY\n\n"
        "Week 1: Offer\n  Textbook\n  ✓ McK ch 3\n  Cases\n  ✓ Carlill v Carbolic [1893]*\n"
        "  ~ Harvey v Facey [1893]\n  x Stevenson v McLean (1880)\n\n"
        "Week 2: Consideration\n  Textbook\n  x McK ch 5\n  Cases\n  ✓ Currie v Misa (1875)\n"
    )
    course = parse(text)
    first = course.weeks[0]
    assert [s.title for s in first.sections] == ["Textbook", "Cases"]
    assert [(i.text, i.done, i.started) for i in first.items] == [
        ("McK ch 3", True, False),
        ("Carlill v Carbolic [1893]*", True, False),
        ("Harvey v Facey [1893]", False, True),
        ("Stevenson v McLean (1880)", False, False),
    ]


def test_a_note_in_a_legend_like_line_is_no_legend() -> None:
    from course_notes.read.states import read_legend

    assert read_legend(["prof = the guy w the bowtie", "a = b and c = d", "note: x = 3"]) == {}
    assert read_legend(["key: [x] = done, [ ] = not yet, [~] = started/half"]) == {}
    # The words an item's line would say its state with, in any language the reader knows.
    assert read_legend(["+ = erledigt   ~ = angefangen   x = entfällt   ? = nicht gelesen"]) == {
        "+": State.DONE,
        "~": State.STARTED,
        "x": State.CANCELLED,
        "?": State.OPEN,
    }


def test_after_numbered_questions_a_to_do_is_no_question() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "Week 1: Offer\n  ✓ a\n\n=====\nQuestions for tutor (Dr Ashworth)\n"
        "1. Does Roffey survive?\n   A: still good law\n2. Is the essay marked by her?\n\n"
        "- buy more highlighters\n- moot sign-up closes 15 Nov!!\n\n"
        "todo\nstudy grp sun 8pm? ask maya\n"
    )
    entries, _groups = read_entries(parse(text).thoughts)
    assert [e.title for e in entries] == ["Does Roffey survive?", "Is the essay marked by her?"]


def test_videos_named_by_a_letter_and_number_and_lengths_that_are_not() -> None:
    text = (
        "econ mooc\n\nwk 1 gdp\nv1 why macro 6:41 ✓\nv2 measuring gdp 12:10 ✓\nv3 real 9:55 ✓\n"
        "quiz 1 ✓\n\nwk 2 growth\nv1 rule of 70 5:50 ✓\nv2 solow 14:40\nquiz 4 due 10/6\n"
        "peer assignment\nopenstax ch 7\nsolow paper\n"
    )
    course = parse(text)
    assert [w.video_time.total for w in course.weeks] == [1726, 1230]
    assert find_duration("L7 Hemodynamics — 44:12   stopped ~20 min in")[1:] == (2652, 1200)
    assert find_duration("CBL case 2: 67M w/ progressive dyspnea")[1] is None
    assert find_duration("OSCE practice: 2:30 slot — missed it")[1] is None


def test_word_exports_title_and_a_tick_before_a_short_remark() -> None:
    text = (
        "The Cold War, 1945–1991: Superpowers, Ideology and the Wider World\r\n\r\n"
        "Week 1 – Introduction\r\nSeminar attended ✓\r\n"
        "Presentation on the Truman Doctrine – slides by Weds 16 Oct ✓ went ok!!\r\n\r\n"
        "Week 2 – Origins\r\nSeminar attended\r\n"
    )
    course = parse(text)
    assert course.title.startswith("The Cold War, 1945–1991")
    items = course.weeks[0].items
    assert [(i.text, i.done) for i in items][1] == (
        "Presentation on the Truman Doctrine – slides by Weds 16 Oct — went ok!!",
        True,
    )


def test_questions_for_a_channel_a_bullet_heading_them_and_what_follows() -> None:
    from course_notes.read.thoughts import read_entries

    forum = (
        "## Module 1\n- a\n## Forum questions (to ask / post)\n\n- Why is BuildHeap O(n)?\n"
        "  - answered in the thread: sum of heights is O(n)\n- is the Analysis video needed\n\n"
        "misc / later:\n- after this: Princeton Algs on coursera?\n- add cert to linkedin\n"
    )
    entries, _groups = read_entries(parse(forum).thoughts)
    assert [e.answer is not None for e in entries] == [True, False]
    logseq = (
        "- ## Week 1 - Intro\n\t- TODO L1 (20 min)\n- ## Office hours Qs\n  collapsed:: false\n"
        "\t- Why is dV only valid for quasi-equilibrium?\n\t\t- answered OH: no uniform P\n"
        "\t- Steam tables: interpolate twice??\n- random: TI-36X needs new batteries!!\n"
    )
    course = parse(logseq)
    entries, _groups = read_entries(course.thoughts)
    assert [e.answer is not None for e in entries] == [True, False]
    assert any("TI-36X" in item.text for s in course.general for item in s.items)


def test_struck_with_none_this_week_is_called_off() -> None:
    assert read_state("~~PSets~~ no pset this week bc midterm grading")[1] is State.CANCELLED
    assert read_state("~~Lecture 3 recording~~")[1] is State.DONE


def test_a_bullet_journals_key_and_its_questions() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "# ARTH 231\n\nkey: • task  × done  > migrated  – note  o event\n\n"
        "## Week 1 — Giotto\no Tue 14 Jan – lecture 1\n× Vasari, Life of Giotto\n"
        "  – the perfect O anecdote\n> flashcards: Arena Chapel\n– buy a sketchbook\n\n"
        "## ? for Prof. Lindqvist (office hrs Wed 2–3)\n? Did Botticelli burn his paintings?\n"
        "  – no real evidence\n? slide test – exact dates?\n"
    )
    course = parse(text)
    assert [(i.text, i.done) for i in course.weeks[0].items] == [
        ("Vasari, Life of Giotto", True),
        ("flashcards: Arena Chapel", False),
    ]
    entries, _groups = read_entries(course.thoughts)
    assert [e.answer is not None for e in entries] == [True, False]


def test_a_chat_with_oneself_exported_as_text() -> None:
    text = (
        "4/3/24, 21:03 - Vale: *DERECHO CIVIL II*\n"
        "5/3/24, 10:14 - Vale: *Clase 1* – presentación\n✅ fui\n✅ leer arts. 724 a 730\n"
        "7/3/24, 9:51 - Vale: *Clase 2* - Elementos\n✅ asistencia\n- Alterini, cap. 3\n"
    )
    course = parse(text)
    assert [(w.label, w.title, w.progress.done, w.progress.total) for w in course.weeks] == [
        ("Clase 1", "presentación", 2, 2),
        ("Clase 2", "Elementos", 1, 2),
    ]
    # A line that only looks like one message is left as written.
    assert parse("5/3/24, 10:14 - Vale: hola\n## Week 1\n- a\n").weeks[0].label == "Week 1"


def test_a_chats_app_notices_bold_and_talk_are_no_tasks() -> None:
    text = (
        "[26/2/24, 10:28 PM] Aisyah: \u200eMessages and calls are end-to-end encrypted. No one "
        "outside of this chat can read them.\n"
        "[26/2/24, 10:31 PM] Aisyah: *Perakaunan Kewangan II (FAR270)*\n"
        "[26/2/24, 10:32 PM] Aisyah: Minggu 1 - Pengenalan\n"
        "[26/2/24, 10:33 PM] Aisyah: hadir kuliah - siap\n"
        "[26/2/24, 10:33 PM] Aisyah: slide topik 1 siap\n"
        "[26/2/24, 10:35 PM] Aisyah: tutorial Q1-Q4 belum\n"
        "[26/2/24, 10:40 PM] Aisyah: <Media omitted>\n"
        "[26/2/24, 10:41 PM] Aisyah: puasa hari ke-2, ngantuk gila\n"
        "[4/3/24, 9:14 PM] Aisyah: Minggu 2 \u2013 MFRS 116\n"
        "[4/3/24, 9:15 PM] Aisyah: hadir kuliah belum (demam, ada MC)\n"
        "[4/3/24, 9:16 PM] Aisyah: This message was deleted\n"
    )
    course = parse(text)
    assert course.title == "Perakaunan Kewangan II (FAR270)"
    shown = [[(item.text, item.done) for item in week.items] for week in course.weeks]
    assert shown == [
        [("hadir kuliah", True), ("slide topik 1", True), ("tutorial Q1-Q4", False)],
        [("hadir kuliah (demam, ada MC)", False)],
    ]
    notes = [e.text for week in course.weeks for s in week.sections for e in s.entries]
    assert "puasa hari ke-2, ngantuk gila" in notes  # the student talking: kept, no task
    assert not any("omitted" in n or "deleted" in n for n in notes)


def test_terse_lines_each_naming_their_unit_and_questions_behind_two_marks() -> None:
    text = (
        "cs240 algorithms\nx = done\nW1: lec 1 x\nW1: syllabus quiz x\nW1: sec 1\n"
        "W2: lec 3 x\nW2: lec 4 rec 1:05:40 x\n"
        "?? big-O vs big-Theta on exam, need proofs from the def? -> yes, find c and n0\n"
        "W3: hw2 done\nW3: skiena ch 4 sorting (war stories are fun) x\n"
        "W3 CLRS ch 4.1-4.5 master thm\n"
        "?? can the cheat sheet be typed -> no, handwritten only\n"
        "?? is the regularity condition needed on exam\n"
        "W2: practice probs 3-1 x\nrecurrence tree > master thm for weird ones\n"
    )
    course = parse(text)
    assert course.title == "cs240 algorithms"
    assert [(w.number, w.title, w.progress.done, w.progress.total) for w in course.weeks] == [
        (1, "", 2, 3),
        (2, "", 3, 3),
        (3, "", 2, 3),
    ]
    assert str(course.how[0]).startswith("units: named at the start of lines (`W1: lec 1 x`)")
    from course_notes.read.thoughts import read_entries

    entries, _groups = read_entries(course.thoughts)
    assert [(e.text, e.answer) for e in entries] == [
        ("big-O vs big-Theta on exam, need proofs from the def?", "yes, find c and n0"),
        ("can the cheat sheet be typed", "no, handwritten only"),
        ("is the regularity condition needed on exam", None),
    ]
    # A unit named once on a line of its own heads the lines under it: no card.
    headed = parse("calc\n\nWeek 1: Limits\nps1 \u2713\n\nWeek 2: Derivatives\nps2 \u2713\n")
    assert [w.title for w in headed.weeks] == ["Limits", "Derivatives"]


def test_a_legend_of_words_in_parentheses_ends_plain_lines_long_as_citations() -> None:
    from course_notes.read.states import read_legend

    text = (
        "SOCI2040\n\nMy key: (read) = done   (half) = started/skimmed   (not yet) = not started\n"
        "\n\nSeminar 1 – Culture\nCore reading:\nWilliams, R. (1958) ‘Culture is ordinary’, in "
        "Gable, R. (ed.) (1989) Resources of Hope. London: Verso, pp. 3–18. (read)\n"
        "Further reading:\nStorey, J. (2018) Cultural Theory. London: Routledge. (not yet)\n"
        "\nSeminar 2 – Class\nCore reading:\nCrompton, R. (2008) Class. Polity, ch. 2. (half)\n"
        "Further reading:\nWeber, M. (1978) Economy and Society. (not yet)\n"
    )
    course = parse(text)
    assert [(i.line, i.done, i.started) for w in course.weeks for i in w.items] == [
        (8, True, False),
        (10, False, False),
        (14, False, True),
        (16, False, False),
    ]
    # A word that says its own state means it, whatever an item's words after it say; a
    # legend's own words for done ("got through it") say otherwise.
    assert read_legend(
        ["Key: (done) = read properly, (skimmed) = read headnote + key paras only"]
    ) == {"(done)": State.DONE, "(skimmed)": State.STARTED}
    # A legend's word for what is still to do, as no item's words say it.
    assert read_legend(["Legende: + = erledigt, - = offen, ~ = angefangen / halb"]) == {
        "+": State.DONE,
        "-": State.OPEN,
        "~": State.STARTED,
    }
    assert read_legend(["[read] = done   [skimmed] = got through it, enough for seminar"]) == {
        "[read]": State.DONE,
        "[skimmed]": State.DONE,
    }


def test_a_legend_of_words_in_brackets_ending_the_items_and_weeks_as_a_numbered_list() -> None:
    text = (
        "HIST 214\n\nMarks: [read] = read properly, [skimmed] = got through it, enough for "
        "seminar, [ ] = not yet. [x] for lectures.\n\n"
        "1. Week 1 \u2014 The Reformation\n   a) Lecture [x]\n"
        "   b) MacCulloch (2003), ch. 1 [read]\n   c) Cameron (2012), introduction [skimmed]\n"
        "   d) Roper (2016), ch. 4 [ ]\n\n"
        "2. Week 2 \u2014 Luther\n   a) Lecture [x]\n   b) Gordon, [read] and [skimmed] twice\n"
    )
    course = parse(text)
    assert [(w.label, w.title) for w in course.weeks] == [
        ("Week 1", "The Reformation"),
        ("Week 2", "Luther"),
    ]
    assert [(i.text, i.done) for i in course.weeks[0].items] == [
        ("Lecture", True),
        ("MacCulloch (2003), ch. 1", True),
        ("Cameron (2012), introduction", True),
        ("Roper (2016), ch. 4", False),
    ]
    # A sign inside the text is the text's: only the one ending the item says its state.
    assert [(i.text, i.done) for i in course.weeks[1].items][1] == (
        "Gordon, [read] and [skimmed] twice",
        False,
    )


def test_a_plain_line_defining_something_is_no_task_unless_it_says_its_state() -> None:
    text = (
        "DIRITTO PRIVATO\n\nLEZIONE 1 - Fonti\npresenza (fatto)\nslide lezione 1 (fatto)\n"
        "Torrente cap. 1 (da fare)\npossesso \u2260 detenzione!! animus possidendi\n"
        "capacità giuridica = dalla nascita\n\nLEZIONE 2 - Persone\npresenza (fatto)\n"
        "dilution C1V1 = C2V2 worksheet (fatto)\nesercitazione 1\n"
    )
    course = parse(text)
    assert [[(i.text, i.done) for i in week.items] for week in course.weeks] == [
        [("presenza", True), ("slide lezione 1", True), ("Torrente cap. 1", False)],
        [("presenza", True), ("dilution C1V1 = C2V2 worksheet", True), ("esercitazione 1", False)],
    ]


def test_a_bold_toggle_exported_empty_is_no_task_where_it_heads_tasks_elsewhere() -> None:
    text = (
        "# Week 1\n- **Readings**\n    - [x] Eysenck ch. 1\n- **Videos**\n- **Seminar prep**\n"
        "    - nothing this week\n- **Essay plan**\n"
        "# Week 2\n- **Videos**\n    - [ ] Ames room demo (3m 45s)\n- **Seminar prep**\n"
        "    - [x] Bring 2 illusions\n"
    )
    course = parse(text)
    assert [[(i.text, i.done) for i in week.items] for week in course.weeks] == [
        [("Eysenck ch. 1", True), ("**Essay plan**", False)],
        [("Ames room demo", False), ("Bring 2 illusions", True)],
    ]


def test_apple_notes_placement_weeks_a_key_in_a_sentence_and_an_ask_list_of_circles() -> None:
    text = (
        "NURS2204 Clinical Practice 2\n"
        "(key bc the export kills the tick circles: \u25e6 = still to do, \u2022 = done, "
        "x = didn't happen/cancelled. anything in brackets after is just me)\n\n"
        "Placement week 1 (Ward 7B \u2013 resp)\n\u2022 Shift Mon 0730-2000\n"
        "\u25e6 read Trust O2 policy\nx Shift Wed \u2013 ward shut for noro\n\n"
        "Placement week 2 (ICU)\n\u2022 ICU orientation\n\n"
        "ask CE\n\u2022 can sim day hrs count toward the 37.5?\n"
        "   Tom: yes, log on PARE, max 1 day\n"
        "\u2022 how do I make up the 2 sick shifts \u2013 nights ok?\n"
        "   (asked, he's checking with the ward manager)\n"
        "\u25e6 can I go to the ICU follow-up clinic for a day\n"
    )
    course = parse(text)
    assert [(w.number, w.progress.done, w.progress.total) for w in course.weeks] == [
        (1, 1, 2),
        (2, 1, 1),
    ]
    from course_notes.read.thoughts import read_entries

    entries, _groups = read_entries(course.thoughts)
    assert [e.answer is not None for e in entries] == [True, False, False]


def test_a_platforms_sidebar_pasted_each_status_on_the_line_under_its_item() -> None:
    text = (
        "Applied ML\n\nModule 1 \u2014 Welcome\nVideo: Welcome to the course \u2022 4 min\n"
        "Completed\nReading: Syllabus and grading \u2022 10 min\nCompleted\n"
        "Practice Quiz: ML vocabulary \u2022 5 questions\nCompleted\n"
        "Discussion Prompt: Introduce yourself \u2022 10 min\n>> skipped\n\n"
        "Module 2 \u2014 Regression\nVideo: Cost function \u2022 7 min\nStarted\n"
        "Graded Assignment: Regression quiz \u2022 10 questions\nDue Oct 12, 11:59 PM PDT\n"
        "Completed\nVideo: Feature scaling \u2022 6 min\n"
    )
    course = parse(text)
    first, second = course.weeks
    assert [(type(i).__name__, i.text, i.done) for i in first.items] == [
        ("Video", "Video: Welcome to the course", True),
        ("Reading", "Reading: Syllabus and grading \u2022 10 min", True),
        ("Item", "Practice Quiz: ML vocabulary \u2022 5 questions", True),
        ("Item", "Discussion Prompt: Introduce yourself \u2022 10 min", False),
    ]
    assert [(i.done, i.started, bool(i.due)) for i in second.items] == [
        (False, True, False),
        (True, False, True),
        (False, False, False),
    ]
    assert (first.video_time.total, second.video_time.total) == (240, 780)
    # Three status lines at least, each right under a line of text: else nothing is joined.
    assert parse("## Week 1\nquiz\nCompleted\n").weeks[0].items == []


def test_a_table_of_tasks_split_in_two_and_each_rows_own_kind() -> None:
    text = (
        "## Week 7 \u2014 Taxation\n\n| Task | Type | Status |\n| :---- | :---- | :---- |\n"
        "| Lecture 13 slides | Lecture | Done |\n| Mankiw ch. 8 | Reading | In progress |\n\n"
        "(added these after section, table got split when I pasted)\n\n"
        "| Extra problems ch. 8 (from Marcus) | Homework | In progress |\n"
        "| :---- | :---- | :---- |\n| Aplia HW 5 (due 10/19) | Homework | Done |\n\n"
        "## Week 8 \u2014 Externalities\n\n| Film | Year | Rating |\n| --- | --- | --- |\n"
        "| Stalker | 1979 | 5 |\n"
    )
    course = parse(text)
    week = course.weeks[0]
    assert [(type(i).__name__, i.text.split(" \u00b7 ")[0], i.done) for i in week.items] == [
        ("Item", "Lecture 13 slides", True),
        ("Reading", "Mankiw ch. 8", False),
        ("Item", "Extra problems ch. 8 (from Marcus)", False),
        ("Item", "Aplia HW 5 (due 10/19)", True),
    ]
    # A table under another heading, with no done column, goes on with none.
    assert course.weeks[1].items == []


def test_lectures_named_by_a_letter_counting_on_and_a_key_of_bullets() -> None:
    text = (
        "ECON 4210\n\nkey:  * = done    o = still to do    ~ = started, not finished\n\n"
        "L1 \u2014 Intro & OLS review\n* slides L1\no W ch 2\n\n"
        "L2 \u2014 Multiple regression\n* slides L2\n~ PS1\n\nL3 \u2014 Inference\n* slides L3\n\n"
        "L4 \u2014 Dummies\no slides L4\n"
    )
    course = parse(text)
    assert [(w.label, w.progress.done, w.progress.total) for w in course.weeks] == [
        ("L1", 1, 2),
        ("L2", 1, 2),
        ("L3", 1, 1),
        ("L4", 0, 1),
    ]
    assert course.weeks[1].items[1].started
    from course_notes.read.states import read_legend

    # "not started" is no begun sign, though it names starting.
    assert read_legend(["key:  * = done    o = not started    ~ = started"]) == {
        "*": State.DONE,
        "o": State.OPEN,
        "~": State.STARTED,
    }
    # A letter with numbers that do not count on is no unit's word: "A0" twice, "Q1"-"Q4".
    quiz = parse("Quiz\n\nQ1 \u2014 a\n- x\n\nQ2 \u2014 b\n- y\n\nQ3 \u2014 c\n\nQ4 \u2014 d\n")
    assert quiz.weeks == []


def test_a_video_word_first_in_a_compound() -> None:
    course = parse("## Semana 4\n- [x] entalpia (videoaula 22min)\n- [ ] videoclase 2 (14:10)\n")
    assert [(type(i).__name__, getattr(i, "duration", None)) for i in course.weeks[0].items] == [
        ("Video", 22 * 60),
        ("Video", 14 * 60 + 10),
    ]


def test_an_outlines_unit_with_nothing_under_it_between_two_others() -> None:
    text = (
        "# A&P II\n\n- Week 5 — Lymphatic system\n    - [x] Lec 5A\n"
        "- Week 6 — spring break\n    \n- Week 7 — Respiratory system\n    - [ ] Lec 7A\n"
    )
    assert [(w.label, w.title, w.progress.total) for w in parse(text).weeks] == [
        ("Week 5", "Lymphatic system", 1),
        ("Week 6", "spring break", 0),
        ("Week 7", "Respiratory system", 1),
    ]


def test_what_a_review_of_the_new_rules_found() -> None:
    from course_notes.read.thoughts import read_entries

    # A heading ends the answer of a question asked in its unit.
    course = parse("## Week 1\n❓ why is the sky blue here?\n## Week 2\n→ see lab manual\n")
    assert [e.answer for e in read_entries(course.thoughts)[0]] == [None]
    # Decimal hours only with an hour's word, whole: "4.2 ore deposits" is no length.
    assert find_duration("- read 4.2 ore deposits")[1] is None
    assert find_duration("- 5.5 u-substitution practice")[1] is None
    # Bold is no title set apart: a past paper with its year is no reading; nor a film to
    # watch with its year.
    course = parse(
        "# Week 1\n## Exam prep\n- [ ] **Midterm** practice (past paper 2023)\n"
        '- [ ] watch "The Social Dilemma" (2020)\n'
    )
    assert not any(isinstance(e, Reading) for e in course.weeks[0].items)
    # "❓" before a few words naming the questions is their label, a blank line after it.
    course = parse("# Week 1\n- a\n❓ Office hours questions for Prof Kim\n\n- can we?\n")
    assert [e.text for e in read_entries(course.thoughts)[0]] == ["can we?"]
    # A state word after a long run of blanks is still read (the search looks at the tail).
    course = parse("## Week 1\nDue:\n  essay" + " " * 5000 + "draft — done\n## Week 2\n- b\n")
    assert course.weeks[0].items[0].done
    # And in brackets, or after a gap, blanks and tabs by thousands before it (each was
    # seconds, the run searched from each of its blanks).
    course = parse("## Week 1\n- essay" + " \t" * 5000 + "(done)\n- b" + " \t" * 5000 + "ok\n")
    assert [item.done for item in course.weeks[0].items] == [True, True]
    # A backslash ending a line of fenced code is the code's.
    course = parse("# T\n```\nls -la \\\n```\n# Week 1\n- a\n")
    assert course.intro[0].lines[1] == "ls -la \\"


def test_a_list_of_questions_under_any_heading_and_a_list_of_the_students_own() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "## الأسبوع 1\n- [x] حضور\n\n## أسئلة للدكتور\n\n- لماذا يكون منحنى الطلب شبه عمودي؟\n"
        "    - الجواب: لأن الطلب عديم المرونة\n- هل يدخل الفصل 6 في الامتحان؟\n"
        "- هل يمكن تسليم الورقة بخط اليد؟\n\nملاحظات عامة:\n- مجموعة الواتساب فيها ملخصات\n"
    )
    entries, _groups = read_entries(parse(text).thoughts)
    assert [bool(entry.answer) for entry in entries] == [True, False, False]
    # A heading over prose whose list asks is no list of questions: the course's title.
    text = "# PHYS 2310\nspring 2024\n- why?\n- how?\n\nWEEK 1\n- [x] a\n\nWEEK 2\n- b\n"
    assert parse(text).title == "PHYS 2310"


def test_questions_marked_twice_in_their_units_when_the_notes_list_none() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "Εβδομάδα 1 Κύτταρο\nαμφ. Τρ ✓\nγιατί το Κ+ καθορίζει το δυναμικό κι όχι το Na+??\n"
        "  -> γιατί η μεμβράνη είναι πιο διαπερατή στο Κ+\n\nΕβδομάδα 2\nαμφ. Τρ ✓\n"
        "τετανική σύσπαση: γιατί δεν κουράζεται ο μυς αμέσως??\n"
    )
    course = parse(text)
    entries, _groups = read_entries(course.thoughts)
    assert [bool(entry.answer) for entry in entries] == [True, False]
    assert [week.progress.total for week in course.weeks] == [1, 1]
    # With a list of questions, a puzzle marked twice in a unit stays the student's own.
    text += "\n## Questions\n- Is it on the exam?\n"
    assert len(read_entries(parse(text).thoughts)[0]) == 1


def test_a_line_struck_through_where_done_is_ticked_was_called_off() -> None:
    ticked = "".join(f"διαφάνειες {n} ✓\n" for n in range(10))
    course = parse(
        f"Εβδομάδα 1\n{ticked}~~αμφ. Πε~~\nαμφ. Πε ακυρώθηκε (απεργία)\n\nΕβδομάδα 2\nαμφ. Τρ\n"
    )
    assert (course.weeks[0].progress.total, course.weeks[0].progress.done) == (10, 10)
    assert any("struck through" in how.text() for how in course.how)
    # Where nothing is ticked, a strike is the student's tick.
    course = parse("## Week 1\n- ~~read ch 1~~\n- read ch 2\n")
    assert (course.weeks[0].progress.total, course.weeks[0].progress.done) == (2, 1)


@pytest.mark.parametrize(
    "line",
    ["- ~~CM du 15/10~~ **annulé** (prof malade)", "- حضور أُلغيت المحاضرة", "- αμφ. ακυρώθηκε"],
)
def test_called_off_in_bold_greek_and_arabic(line: str) -> None:
    [entry] = parse(f"## Week 1\n{line}\n").weeks[0].sections[0].entries
    assert isinstance(entry, Cancelled)


def test_a_book_and_its_chapter_in_a_unit_with_no_headings_is_a_reading() -> None:
    course = parse("Εβδομάδα 1\nGuyton κεφ. 4 ✓\nβίντεο 38' ✓\n\nΕβδομάδα 2\nGuyton κεφ 5 ✓\n")
    readings = [entry for week in course.weeks for entry in week.readings]
    assert [reading.text for reading in readings] == ["Guyton κεφ. 4", "Guyton κεφ 5"]


def test_an_export_that_escaped_its_bullets_reads_as_typed() -> None:
    text = (
        "# Accounting\n\n**Week 1 – Review**\n\n**Lecture**<br>\n\\* attended ✔<br>\n"
        "\\* slides L1 ✔<br>\n\\* recording (54:10) ✗ \\- only half\n\n"
        "**Week 2 – Accruals**\n\n**Homework**<br>\n\\* BE 3\\-8 ✔<br>\n"
        "&nbsp;&nbsp;&nbsp;&nbsp;got 18/20\n"
    )
    course = parse(text)
    one, two = course.weeks
    assert [(item.text[:10], item.done) for item in one.items] == [
        ("attended", True),
        ("slides L1", True),
        ("recording ", False),
    ]
    assert one.video_time.total == 54 * 60 + 10
    assert [item.text for item in two.items] == ["BE 3-8"]
    assert any("export" in how.text() for how in course.how)
    # Lines the student wrote with a backslash stay as written in a file that is no export.
    assert parse("## Week 1\n- [ ] ls \\- la\n").weeks[0].items[0].text == "ls \\- la"


def test_a_table_in_a_list_item_its_rows_under_it_seen_as_its_done_column() -> None:
    text = (
        "## Tema 2\n\n- [x] Silverthorn cap. 5\n- Clases grabadas\n    \n"
        "    | Clase | Duración | Vista |\n    | --- | --- | --- |\n"
        "    | 23/09 Transporte | 55:10 | Yes |\n    | 30/09 Potencial de acción | 1:02:30 | No |\n"
        "    | 02/10 — no hubo clase (huelga) | — | — |\n\n## Tema 3\n- [ ] Guyton cap. 6\n"
    )
    week = parse(text).weeks[0]
    assert [(item.line, item.done) for item in week.items] == [(3, True), (8, True), (9, False)]
    assert (week.video_time.total, week.video_time.watched) == (3310 + 3750, 3310)


def test_a_video_s_line_under_it_saying_how_far_it_was_watched_is_a_note() -> None:
    text = (
        "WEEK 1 - Start\n\nvideos\n * Using git & github (11m20s)\n"
        "     got half way, stopped at the branches bit. finish before week 2!!\n"
        " * Welcome (3:12) - watched\n\nWEEK 2 - More\n\nvideos\n * Joins [9:30]\n"
    )
    week = parse(text).weeks[0]
    assert [(item.line, item.done) for item in week.items] == [(4, False), (6, True)]


def test_where_a_strike_is_the_file_s_tick_a_class_called_off_keeps_its_struck_lines_done() -> None:
    text = (
        "*riscado = feito*\n\n## Aula 1\n* ~~Presença~~\n* ~~Lenza, cap. 1~~\n* Moraes, cap. 1\n"
        "## Aula 2\n* ~~Presença~~\n* ~~Lenza, cap. 4~~\n\n"
        "## Aula 3\n\nAula do dia 05/09 **CANCELADA** → reposição sábado\n\n"
        "* ~~Lenza, cap. 14~~\n* ~~Moraes, cap. 3~~\n* STF – ADPF 132\n"
    )
    week = parse(text).weeks[2]
    assert [(item.line, item.done) for item in week.items] == [(15, True), (16, True), (17, False)]


def test_dataview_status_words_in_any_language_and_due_keys() -> None:
    text = (
        "## Semaine 1\n- CM 1 [statut:: fait ✅]\n- Lecture : Crouzet, ch. 3 [statut:: en cours]\n"
        "- Podcast « La Fronde » [durée:: 55min] (statut:: à écouter)\n"
        "- **Commentaire de document** [rendu:: 2024-10-17] [statut:: en cours]\n"
    )
    items = parse(text).weeks[0].items
    assert [(item.done, item.started) for item in items] == [
        (True, False),
        (False, True),
        (False, False),
        (False, True),
    ]
    assert items[3].due is not None and items[3].due.text == "2024-10-17"


def test_a_table_headed_by_a_unit_s_word_over_names_is_a_table_of_tasks() -> None:
    text = (
        "## Week 4 – Medicines\n- [x] Lecture\n\nE-learning this week\n\n"
        "| Module | Length | Status |\n| --- | --- | --- |\n"
        "| Blood transfusion (LearnPro) | 45 min | Done |\n"
        "| Sepsis awareness | 30 min | In progress |\n"
        "| Safeguarding adults level 2 | 1 hr 20 min | Not started |\n"
    )
    items = parse(text).weeks[0].items
    assert [(item.done, item.started) for item in items] == [
        (True, False),
        (True, False),
        (False, True),
        (False, False),
    ]


def test_a_tables_rows_are_tasks_when_a_column_says_what_is_done() -> None:
    text = (
        "## Week 1\n### Reading\n\n| Reading | Pages | Done |\n|---|---|---|\n"
        "| Kieso ch. 3 | 88-130 | ✔ |\n| Kieso ch. 4 (skim) | 160-190 |  |\n\n"
        "## Week 2\n\n| Day | Room |\n|---|---|\n| Mon | B12 |\n"
    )
    one, two = parse(text).weeks
    assert [(item.text, item.done) for item in one.items] == [
        ("Kieso ch. 3, pp. 88-130", True),
        ("Kieso ch. 4 (skim), pp. 160-190", False),
    ]
    assert one.sections[0].kind is SectionKind.READINGS
    # A table without a done column (a timetable) holds no tasks.
    assert two.items == []
    # A planner naming the unit in its header is read by unit, not a row a task.
    planner = "| Week | Lecture | Done |\n|---|---|---|\n| 1 | Ch 14 | ✓ |\n"
    assert parse(f"## Week 1\n- a\n## Week 2\n{planner}").weeks[1].items == []


def test_q_and_a_lines_in_their_units_are_questions() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "## Session 1\n- [x] a\n\nQ: Is Dowty's list meant to be exhaustive?\n"
        "A: No, it's a cluster concept.\n\n## Session 2\n- [ ] b\n\n"
        "Q: Do we lose points at 1.5 pages?\n\nTo look up later: Burzio reversed ??\n"
    )
    entries, _groups = read_entries(parse(text).thoughts)
    assert [(entry.title[:12], bool(entry.answer)) for entry in entries] == [
        ("Is Dowty's l", True),
        ("Do we lose p", False),
    ]


def test_a_tables_state_column_of_signs_or_words() -> None:
    text = (
        "**Legend:** ✅ done · 🟡 started · ⬜ todo · ❌ cancelled\n\n## Week 1\n**Videos**\n\n"
        "| | video | length | notes |\n|---|---|---|---|\n| ✅ | Lec 1 | 1:12:40 | |\n"
        "| 🟡 | Lec 2 | 20:33 | stopped ~12 min in |\n| ⬜ | Lec 3 | | not posted |\n"
        "| ❌ | ~~Lec 4~~ | | cancelled, prof sick |\n\n## Week 2\n\n"
        "| o que | status |\n|---|---|\n| presença | ok |\n| relatório 3 | fazendo |\n"
    )
    one, two = parse(text).weeks
    videos = [entry for entry in one.sections[0].entries if isinstance(entry, Video)]
    assert [(video.done, video.started, video.duration) for video in videos] == [
        (True, False, 4360),
        (False, True, 1233),
        (False, False, None),
    ]
    assert [(item.text, item.done, item.started) for item in two.items] == [
        ("presença", True, False),
        ("relatório 3", False, True),
    ]


@pytest.mark.parametrize(
    "heading", ["Videoaulas", "Videolezioni", "Vorlesungsvideos", "Podcast", "Lecture videos"]
)
def test_a_video_word_in_a_compound_or_short_names_videos(heading: str) -> None:
    assert SectionKinds().kind(heading) is SectionKind.VIDEOS
    # "Rec" is a recitation as often as a recording: no kind from it alone.
    assert SectionKinds().kind("Rec") is not SectionKind.VIDEOS


def test_a_short_section_takes_the_kind_its_title_settled_on_in_other_units() -> None:
    text = (
        "## 8주차\n### 강의\n- [x] 트리 50분\n- [x] 힙 40분\n"
        "## 9주차\n### 강의\n- [x] 그래프 표현 55분\n- [ ] DFS, BFS 1시간 8분\n"
        "## 10주차\n### 강의\n- ~~해싱 1~~ 휴강\n- [x] 해싱 2 – 충돌 처리 44분\n"
    )
    _eight, nine, ten = parse(text).weeks
    assert nine.video_time.total == (55 + 68) * 60
    assert ten.video_time.total == 44 * 60
    assert ten.sections[0].kind is SectionKind.VIDEOS


def test_plus_and_minus_bullets_with_words_and_erl() -> None:
    text = (
        "Legende: + = erledigt   - = offen\n\nVorlesung 1 - Intro\n"
        "+ anwesend\n- Handout\nFolien:\n  + VL01.pdf\nLektüre:\n  Wöhe Kap. 2.4 ..... erl.\n"
        "Podcast:\n  - Folge 4 Rechtsformen (52:30)\n\nVorlesung 2 - Markt\n+ anwesend\n"
        "- Problem seti 1 (tamam)\n- Übungsblatt 2\n"
    )
    one, two = parse(text).weeks
    assert (one.progress.total, one.progress.done) == (5, 3)
    assert one.video_time.total == 52 * 60 + 30
    assert (two.progress.total, two.progress.done) == (3, 2)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Ghi hình buổi 1 – 1 giờ 5 phút", 3900),
        ("Crash Course #2 GDP (11 phút) đã xem", 660),
        ("HC 7 terugkijken 1u ✓", 3600),
    ],
)
def test_vietnamese_and_dutch_lengths(text: str, seconds: int) -> None:
    assert find_duration(text)[1] == seconds


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Điểm danh – xong", State.DONE),
        ("Buổi 5 nghỉ học (lễ)", State.CANCELLED),
        ("sir ke slides (L1.pdf) - ho gaya", State.DONE),
        ("Kadane's algorithm (31:47) - aadha dekha", State.STARTED),
        ("Wöhe Kap. 2.4 ..... erl.", State.DONE),
        ("relatório 3 – fazendo", State.STARTED),
    ],
)
def test_states_in_vietnamese_hinglish_and_abbreviated(text: str, state: State) -> None:
    assert read_state(text)[1] is state


def test_a_short_line_over_a_list_that_asks_names_the_questions() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "**Tuần 1 – Tổng quan**\n☑ Điểm danh\n\n**Tuần 2 – GDP**\n☑ Slide chương 2\n\n---\n"
        "Câu hỏi cho thầy\n1. GDP có tính nông sản tự tiêu không ạ?\n   → Thầy: có\n"
        "2. Thi giữa kỳ có được mang máy tính không ạ?\n3. Mô hình Solow có trong đề không\n\n"
        "nhớ in slide chương 5!!\n"
    )
    entries, _groups = read_entries(parse(text).thoughts)
    assert [bool(entry.answer) for entry in entries] == [True, False, False]


def test_a_question_asked_after_a_label_with_its_verb_last() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "## Lecture 1\n- class attend - done\n\n"
        "Sir se poochna: doubly linked list bhi syllabus mein hai kya?\n\n## Lecture 2\n- a\n"
    )
    assert len(read_entries(parse(text).thoughts)[0]) == 1


def test_a_board_exported_with_its_lists_and_cards_as_headings() -> None:
    text = (
        "# NURS 241\n\n## To Do\n\n### Week 2: Care plan\n- Labels: [Graded]\n- Due: Mar 26\n"
        "\n### Questions for CI\n- Labels: [Questions]\n- [ ] Can we push IV meds yet?\n"
        "  - A: only after check-off\n\n## Doing\n\n### Week 2 – ATI video: Blood (24:10)\n"
        "- watched about half\n\n## Done\n\n### Wk 1 – Orientation\n- Labels: [Clinical]\n\n"
        "### Week 1: HIPAA modules\n- Due: Jan 19\n\n### SPRING BREAK - wk 3 no clinical\n\n"
        "### Buy new scrubs\n- Labels: [Personal]\n"
    )
    course = parse(text)
    assert [week.number for week in course.weeks] == [1, 2, 3]
    one, two, _three = course.weeks
    assert (one.progress.total, one.progress.done) == (2, 2)
    assert (two.progress.total, two.progress.done) == (2, 0)
    assert two.video_time.total == 24 * 60 + 10
    assert any(item.due is not None for item in two.items)
    from course_notes.read.thoughts import read_entries

    entries, _groups = read_entries(course.thoughts)
    assert [(entry.title, bool(entry.answer)) for entry in entries] == [
        ("Can we push IV meds yet?", True)
    ]
    assert any("board" in how.text() for how in course.how)


def test_a_journal_of_days_linking_the_units_page_and_questions_tagged_ask() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "title:: ARCH 302\n\n- [[Sep 3rd, 2024]] [[Studio Week 1]] kickoff + site\n"
        "\t- DONE Studio intro\n\t- TODO upload photo survey\n"
        "- [[Sep 5th, 2024]] [[Studio Week 1]]\n\t- is 120 units a hard number? #ask\n"
        "\t\t- Hannah: target, ±15% is fine\n- [[Sep 10th, 2024]] [[Studio Week 2]] site\n"
        "\t- DOING Read: Frampton\n\t\t- halfway. dense af\n\t- DONE figure-ground\n"
    )
    course = parse(text)
    assert [(week.number, week.title) for week in course.weeks] == [
        (1, "kickoff + site"),
        (2, "site"),
    ]
    assert [(w.progress.total, w.progress.done) for w in course.weeks] == [(2, 1), (2, 1)]
    entries, _groups = read_entries(course.thoughts)
    assert [bool(entry.answer) for entry in entries] == [True]


def test_an_outliners_export_with_its_root_bullet_and_complete_marks() -> None:
    text = (
        '- דיני חוזים א\' - ד"ר מיכל לוי\n  "הרצאה: יום ב\' 10-12"\n'
        "  - שבוע 1 - מבוא\n    - [COMPLETE] הרצאה\n    - [COMPLETE] תרגול\n    - קריאה\n"
        "      - [COMPLETE] ג' שלו, דיני חוזים, פרק 2\n"
        "  - שבוע 2 - הצעה וקיבול\n    - [COMPLETE] הקלטה של ההרצאה (1:31:40)\n    - תרגול\n"
    )
    course = parse(text)
    assert course.title == "דיני חוזים א' - ד\"ר מיכל לוי"
    assert [(w.number, w.progress.done, w.progress.total) for w in course.weeks] == [
        (1, 3, 3),
        (2, 1, 2),
    ]
    assert course.weeks[1].video_time.total == 5500
    assert any("outline" in how.text() for how in course.how)


def test_plain_lines_ending_with_a_state_word_and_a_plus_for_a_tick() -> None:
    text = (
        "Săptămâna 1 - Cardio\ncurs 1 - gata\nLP 1: ECG normal - făcut\nGuyton cap. 11 - în lucru\n"
        "Guyton cap. 12\n\nSăptămâna 2 - Circulație\ncurs 2 - gata\n"
        "curs 2 înregistrat pe Teams (50 min) - gata\n"
    )
    one, two = parse(text).weeks
    assert (one.progress.total, one.progress.done) == (4, 2)
    assert two.video_time.total == 50 * 60
    text = (
        "Тиждень 1. Козацтво\n1)\tЛекція +\n2)\tСемінар +\n"
        "3)\tЯковенко Н. Нарис історії України, с. 9–48 +\n"
        "4)\tВідеолекція «Руїна» – 38 хв\n\t•\tподивилась десь половину\n\n"
        "Тиждень 2. Унія\n1)\tЛекція\n2)\tЯковенко Н. Нарис…, с. 150–190 +\n"
    )
    course = parse(text)
    one, two = course.weeks
    assert (one.progress.total, one.progress.done) == (4, 3)
    assert one.video_time.total == 38 * 60
    assert (two.progress.total, two.progress.done) == (2, 1)
    assert len(reading_list(course).readings) == 1


@pytest.mark.parametrize(
    ("text", "front"),
    [
        pytest.param("title:: COMP2521\nalias:: ds\n\n# Week 1\n", (2, "COMP2521", 1), id="logseq"),
        pytest.param(
            "alias:: ds\ntitle:: COMP2521\n# Week 1\n", (2, "COMP2521", 2), id="title-2nd"
        ),
        pytest.param("title:: \n# Week 1\n", (1, "", 0), id="empty-title-property"),
        pytest.param("---\ntitle: 'Stats 2'\nterm: 3\n---\n# W\n", (4, "Stats 2", 2), id="yaml"),
        pytest.param("---\ncourse: Web Dev\n---\n# W\n", (3, "Web Dev", 2), id="course-key"),
        pytest.param("---\ntags: [a]\n---\n# W\n", (3, "", 0), id="no-title"),
        pytest.param("---\nhello world\n---\n# W\n", (0, "", 0), id="a-rule-no-yaml"),
        pytest.param("---\ntitle: X\n# W\n- a\n", (0, "", 0), id="never-closed"),
        pytest.param("---\n\n---\n# W\n", (0, "", 0), id="empty"),
        pytest.param(
            "---\n" + "k: v\n" * 199 + "---\n# W\n", (201, "", 0), id="longest-front-matter"
        ),
        pytest.param("---\n" + "k: v\n" * 201 + "---\n# W\n", (0, "", 0), id="too-long"),
        pytest.param("# W\ntitle:: X\n", (0, "", 0), id="properties-only-at-the-top"),
    ],
)
def test_front_matter_and_page_properties(text: str, front: tuple[int, str, int]) -> None:
    blocks = read_blocks(text)
    assert (blocks.front_matter, blocks.front_title, blocks.front_title_line) == front
    # The heading after it keeps its line in the file.
    heading_line = text.split("\n").index(next(x for x in text.split("\n") if x[:1] == "#")) + 1
    assert heading_line in blocks.headings


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        pytest.param("Week 1\n======\n- a\n", {1: (1, "Week 1", 2)}, id="setext-1"),
        pytest.param("Week 2\n---\n- a\n", {1: (2, "Week 2", 2)}, id="setext-2"),
        pytest.param("read ch 11\n-\n", {}, id="a-lone-dash-is-no-underline"),
        pytest.param("a\n--\n", {}, id="two-dashes"),
        pytest.param("task one\ntask two\n---\n", {}, id="two-lines-over-a-rule"),
        pytest.param("=====\nQUESTIONS\n=====\n- why?\n", {2: (1, "QUESTIONS", 3)}, id="a-banner"),
        pytest.param("# Week 1 #\n", {1: (1, "Week 1", 0)}, id="closing-hashes"),
        pytest.param("# C#\n", {1: (1, "C#", 0)}, id="a-hash-in-a-word"),
        pytest.param("- ## Week 1\n  - a\n", {1: (2, "Week 1", 0)}, id="an-outliners-heading"),
        pytest.param("> # Week 1\n", {}, id="in-a-quote"),
        pytest.param("<div>\n\n# Week 1\n", {3: (1, "Week 1", 0)}, id="after-html"),
        pytest.param(
            "```\n# Week 1\n- a\n# Week 2\n",
            {2: (1, "Week 1", 0), 4: (1, "Week 2", 0)},
            id="a-fence-never-closed",
        ),
        pytest.param("```\n# x\n```\n# Week 1\n", {4: (1, "Week 1", 0)}, id="a-closed-fence"),
    ],
)
def test_headings_as_the_blocks_show_them(
    text: str, headings: dict[int, tuple[int, str, int]]
) -> None:
    blocks = read_blocks(text)
    assert {
        line: (heading.level, heading.title, heading.underline)
        for line, heading in blocks.headings.items()
    } == headings
    for _level, _title, underline in headings.values():
        if underline:
            assert underline in blocks.underlines


def test_code_at_the_top_is_verbatim_in_a_list_item_not_and_tables_in_both() -> None:
    # A fence in a list item is the item's lines; a table there is a table (a Notion
    # toggle's), its rows the item's tasks when a column says what is done.
    text = (
        "# W\n```py\nx = 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "- item\n  ```\n  code\n  ```\n- other\n  | c | d |\n  |---|---|\n"
    )
    blocks = read_blocks(text)
    assert sorted(blocks.verbatim) == [2, 3, 4, 6, 7, 8, 15, 16]
    assert blocks.verbatim_starts == {2: False, 6: True, 15: True}
    # A fence left open at the end of the file is read as text.
    blocks = read_blocks("# W\n- a\n```\nx\n")
    assert blocks.verbatim == set()
    # One closed on the last line is code.
    assert read_blocks("# W\n```\nx\n```").verbatim == {2, 3, 4}


def test_an_obsidian_kanban_board_its_done_lane_ticks_its_cards() -> None:
    text = (
        "---\nkanban-plugin: basic\n---\n\n## Backlog\n\n- [ ] W2 · Ampère's law set\n"
        "- [ ] W3 · Lecture 6 recording (53 min)\n\n## This week\n\n- [ ] W2 · Gauss's law set\n\n"
        "## Done\n\n- [x] W1 · Coulomb problem set\n- [ ] W1 · Lecture 1 recording (50 min)\n"
    )
    weeks = parse(text).weeks
    assert [(w.number, w.progress.done, w.progress.total) for w in weeks] == [
        (1, 2, 2),
        (2, 0, 2),
        (3, 0, 1),
    ]


def test_thai_units_lengths_and_questions_without_a_question_mark() -> None:
    from course_notes.read.thoughts import read_entries

    text = (
        "📌 หลักการตลาด (MKT1101)\n\n==== Keep 15/01/2568 ====\n"
        "สัปดาห์ที่ 1 แนะนำรายวิชา\n- เข้าเรียน ✅\n- คลิปแนะนำวิชา (15 นาที) เสร็จแล้ว\n"
        "ถามอาจารย์: persona ต้องทำกี่อัน → อ.ตอบในคลาสว่า 2-3 อันพอ\n\n"
        "==== Keep 22/01/2568 ====\nสัปดาห์ที่ 2 ส่วนประสม\n- เข้าเรียน ✅\n"
        "- คลิปเลคเชอร์ (1 ชม. 5 นาที) ยังไม่ได้ทำ\n"
    )
    course = parse(text)
    assert [(w.number, w.title) for w in course.weeks] == [(1, "แนะนำรายวิชา"), (2, "ส่วนประสม")]
    assert [w.video_time.total for w in course.weeks] == [900, 3900]
    assert [(w.progress.done, w.progress.total) for w in course.weeks] == [(2, 2), (1, 2)]
    assert len(read_entries(course.thoughts)[0]) == 1


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("hadir kuliah - siap", State.DONE),
        ("Øvelse 2 - afleveret", State.DONE),
        ("สไลด์บทที่ 2 เสร็จแล้ว", State.DONE),
        ("rakaman kuliah separuh", State.STARTED),
        ("Kuliah 4 dibatalkan", State.CANCELLED),
        ("problem set", None),
    ],
)
def test_states_in_malay_danish_and_thai(text: str, state: State | None) -> None:
    assert read_state(text)[1] is state


def test_a_scene_break_is_no_task() -> None:
    text = "Week One: Beginnings\n\n- a [done]\n\n* * *\n\nWeek Two: Hardy\n\n- b\n\n- - -\n"
    assert [w.progress.total for w in parse(text).weeks] == [1, 1]


def test_the_reviews_misreadings_of_ordinary_english_notes() -> None:
    # "+"/"-" bullets with a rule after a list: no crash.
    assert len(parse("## Week 1\n+ a\n- b\n---\n## Week 2\n+ c\n- d\n").weeks) == 2
    # Prose with a state word inside a sentence is no task.
    text = (
        "## Week 1\n- [x] slides\n\nLecture was about cells, only covered half of it.\n"
        "The prof said the quiz is not done in class.\nLab partner is Sam.\n"
    )
    assert parse(text).weeks[0].progress.total == 1
    # A section number or a time of day in a table is no video's length.
    text = "## Week 1\n| Reading | Section | Done |\n|---|---|---|\n| Read Kieso | 4.10 | ✔ |\n"
    [item] = parse(text).weeks[0].items
    assert not isinstance(item, Video)
    # Practice questions are the unit's, not the lecturer's.
    text = (
        "## Week 1\n- [x] a\n## Week 2\n- [ ] b\n\nPractice problems\n"
        "- What are the stages of mitosis?\n- How does ATP synthase work?\n"
    )
    assert parse(text).thoughts == []
    # A file that ends lines with <br> keeps its backslashes.
    text = "## Week 1\n- a<br>\n- b<br>\n- c<br>\n- $\\{x \\mid x>0\\}$\n"
    assert parse(text).weeks[0].items[-1].text == "$\\{x \\mid x>0\\}$"
    # #askscience is a forum, no question tag.
    assert parse("## Week 1\n- read r/#askscience thread\n").thoughts == []


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Learn Perl.", None),
        ("what I am doing", None),
        ("Read about Eid al-Adha", None),
        ("meet Huy ~3pm", None),
    ],
)
def test_english_words_that_only_look_like_states(text: str, state: State | None) -> None:
    assert read_state(text)[1] is state


@pytest.mark.parametrize("text", ["Lecture with 2 Tim and Ana", "video (2 t)", "notes (2 tim)"])
def test_an_hours_short_word_is_a_length_only_with_minutes(text: str) -> None:
    assert find_duration(text)[1] is None


def test_a_lone_surrogate_in_text_built_in_code_is_read_not_raised() -> None:
    course = parse("## Week 1\n- a \ud800 b\n## Week 2\n- c\n")
    assert [week.progress.total for week in course.weeks] == [1, 1]
    assert course.weeks[0].items[0].text == "a ? b"


def test_front_matter_after_a_blank_line_and_a_title_opening_with_x() -> None:
    blocks = read_blocks("---\n\ntitle: Xanthe's course\n---\n# Week 1\n")
    assert (blocks.front_title, blocks.front_title_line) == ("Xanthe's course", 3)


def test_a_units_word_joined_to_its_number_by_a_short_word() -> None:
    text = (
        "## Wiki ya 1 – Utangulizi\n- Lecture 1 – nimemaliza\n- Video (dakika 12) – bado\n"
        "## Wiki ya 2 – Measures\n- Lecture 2 – imekamilika\n"
    )
    weeks = parse(text).weeks
    assert [(w.number, w.title, w.progress.done, w.progress.total) for w in weeks] == [
        (1, "Utangulizi", 1, 2),
        (2, "Measures", 1, 1),
    ]
    assert weeks[0].video_time.total == 12 * 60
    # "Kenya 3" is no "Ken ya 3".
    assert [w.word for w in parse("## Kenya 3\n- a\n## Kenya 4\n- b\n").weeks] == ["Kenya", "Kenya"]


def test_a_notion_database_table_with_a_status_column_in_korean() -> None:
    text = (
        "## 1주차\n| 과제 | 상태 | 마감 |\n|---|---|---|\n| 케이스 읽기 | 완료 | |\n"
        "| 강의 영상 (40분) | 진행 중 | |\n| 과제 1 | 시작 전 | 9/12 |\n"
        "## 2주차\n| 과제 | 상태 | 마감 |\n|---|---|---|\n| 특강 | 취소 | |\n"
    )
    one, two = parse(text).weeks
    assert (one.progress.done, one.progress.total) == (1, 3)
    assert one.video_time.total == 40 * 60
    assert any(item.due is not None for item in one.items)
    assert two.progress.total == 0


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("přednáška 3 – hotovo", State.DONE),
        ("seminář 4 – odpadlo", State.CANCELLED),
        ("Nováček, Občanské právo, kap. 2 – rozečteno", State.STARTED),
        ("NPTEL lecture 3 (35:12) – हो गया", State.DONE),
        ("NPTEL lecture 4 (41:02) – आधा देखा", State.STARTED),
        ("Video ya John Snow (dakika 12) – nimemaliza", State.DONE),
    ],
)
def test_states_in_czech_hindi_and_swahili(text: str, state: State) -> None:
    assert read_state(text)[1] is state


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A length in brackets, its brackets cut with it, its remarks kept.
        ("vid (ca. 25 Min.) recap", ("vid recap", 1500, None)),
        ("vid [ca. 12 min] x", ("vid x", 720, None)),
        ("vid ca. 25 Min. recap", ("vid recap", 1500, None)),
        ("ca. 25 Min. Vorlesung", ("Vorlesung", 1500, None)),
        ("vid (ca. 25 Min. recap", ("vid (recap", 1500, None)),
        ("vid ( 12 min )", ("vid", 720, None)),
        ("vid (watched, 12 min)", ("vid (watched)", 720, None)),
        ("vid (12 min, watched)", ("vid (watched)", 720, None)),
        # Decimal hours, Korean, units with tabs in them.
        ("rec 1.5\th", ("rec", 5400, None)),
        ("강의 1\t시간 8\t분", ("강의", 4080, None)),
        ("rec 1\th 2\tmin", ("rec", 3720, None)),
        ("reg 1h22'30", ("reg", 4950, None)),
        # What is skipped does not stop the search: the length after it still counts.
        ("est. 10 min to read, rec 12:30", ("est. 10 min to read, rec", 750, None)),
        ("at 9:00 then rec 12:30", ("at 9:00 then rec", 750, None)),
        ("stopped at 5:00, rec 12:30", ("stopped at 5:00, rec", 750, 300)),
        ("aula 14h30 rec 1h22", ("aula 14h30 rec", 4920, None)),
        ("aula 12h30", ("aula 12h30", None, None)),
        ("aula 5h30", ("aula 5h30", None, None)),
        ("aula 4h30", ("aula", 16200, None)),
        # ">>" opens the student's remark: lengths after the first are the remark's.
        ("vid 12:30 >> first 20 min >> ok", ("vid >> first 20 min >> ok", 750, None)),
        (">> rec 12:00", (">> rec", 720, None)),
        ("x>> 12:00", ("x>> 12:00", None, None)),
        # Part of a whole, the whole with or without its unit.
        ("watched 20 of 45", ("watched 20 of 45", 2700, 1200)),
        # Where it was left: inside the video, not at its start or its end.
        ("rec 10:00 stopped at 0:01", ("rec stopped at 0:01", 600, 1)),
        ("rec 10:00 stopped at 0:00", ("rec stopped at 0:00", 600, None)),
        ("rec 10:00 paused at 10:00", ("rec paused at 10:00", 600, None)),
    ],
)
def test_a_videos_title_length_and_where_it_was_left(
    text: str, found: tuple[str, int | None, int | None]
) -> None:
    assert find_duration(text) == found


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("saa 1 na dakika 30", 5400),
        ("Saa 2", 7200),
        ("dakika 45", 2700),
        ("saa 1", 3600),
        ("saa", None),
    ],
)
def test_swahili_hours_and_minutes_words_first(text: str, seconds: int | None) -> None:
    from course_notes.read.durations import duration_seconds

    assert duration_seconds(text) == seconds
