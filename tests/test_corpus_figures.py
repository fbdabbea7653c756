"""Notes written blind by other students, scored against the figures they counted by hand.

Each ``tests/corpus/**/NAME.md`` with a ``NAME.expected.json`` beside it gives one test per
figure, as ``../shared/tools/corpus_score.py`` scores them through the command line: the
title, the number of units, each unit's (total, done), the video time known and watched, the
number of questions and of answered ones, and the number of distinct reading works. The
shared corpus (``tests/corpus/*.md``) was copied unchanged; ``fresh/`` and ``fresh2/`` were
written for this reader by helpers who never saw its code, each with a ``.counting.md``
saying how they counted.

A figure the reader does not get yet is listed in ``MISSES`` with why; such a test is an
expected failure that must fail (strict), so a fix shows up as a test to move.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from course_notes.adapters.cli.main import main

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = sorted(CORPUS.rglob("*.expected.json"))

# Figures the reader does not get yet: an expected failure each, strict, so that a fix shows
# as a test to move. The first measure of each blind round, before any change for it, is in
# issue 23's closing note; these are what is left.
STILL_MISSED: set[tuple[str, str]] = {
    ("fresh/history_pasted.md", "unit 4"),
    ("fresh/messy_lab.md", "unit 10"),
    ("fresh/messy_lab.md", "video known"),
    ("fresh/mooc_obsidian.md", "reading works"),
    ("fresh/spanish_course.md", "unit 8"),
    ("fresh10/ml_bootcamp_logseq.md", "unit 8"),
    ("fresh10/ml_bootcamp_logseq.md", "video known"),
    ("fresh10/psycho_semaines_fr.md", "reading works"),
    ("fresh10/psycho_semaines_fr.md", "unit 3"),
    ("fresh10/psycho_semaines_fr.md", "unit 4"),
    ("fresh11/cs_intl_student_zh.md", "video known"),
    ("fresh11/stats_dated_days.md", "questions"),
    ("fresh11/stats_dated_days.md", "reading works"),
    ("fresh11/stats_dated_days.md", "video known"),
    ("fresh11/stats_dated_days.md", "video watched"),
    ("fresh12/bootcamp_days.md", "video known"),
    ("fresh12/med_blocks_anki.md", "answered"),
    ("fresh12/med_blocks_anki.md", "reading works"),
    ("fresh13/chem_lab_tables.md", "unit 1"),
    ("fresh13/chem_lab_tables.md", "unit 10"),
    ("fresh13/chem_lab_tables.md", "unit 2"),
    ("fresh13/chem_lab_tables.md", "unit 3"),
    ("fresh13/chem_lab_tables.md", "unit 4"),
    ("fresh13/chem_lab_tables.md", "unit 5"),
    ("fresh13/chem_lab_tables.md", "unit 6"),
    ("fresh13/chem_lab_tables.md", "unit 7"),
    ("fresh13/chem_lab_tables.md", "unit 8"),
    ("fresh13/chem_lab_tables.md", "unit 9"),
    ("fresh13/chem_lab_tables.md", "units"),
    ("fresh13/nihon_bungaku_ja.md", "reading works"),
    ("fresh13/nursing_rotations.md", "answered"),
    ("fresh13/philosophy_prose_weeks.md", "reading works"),
    ("fresh13/philosophy_prose_weeks.md", "unit 4"),
    ("fresh13/philosophy_prose_weeks.md", "unit 9"),
    ("fresh14/kanban_webdev.md", "reading works"),
    ("fresh14/korean_econ_apple_notes.md", "answered"),
    ("fresh14/polish_mechanics.md", "answered"),
    ("fresh14/polish_mechanics.md", "reading works"),
    ("fresh14/polish_mechanics.md", "unit 10"),
    ("fresh14/polish_mechanics.md", "unit 5"),
    ("fresh14/polish_mechanics.md", "video known"),
    ("fresh14/roam_history_of_science.md", "answered"),
    ("fresh14/roam_history_of_science.md", "reading works"),
    ("fresh14/roam_history_of_science.md", "unit 8"),
    ("fresh15/chinese_ml_wechat.md", "reading works"),
    ("fresh15/chinese_ml_wechat.md", "unit 5"),
    ("fresh15/czech_anatomy.md", "unit 2"),
    ("fresh15/japanese_stats_lectures.md", "unit 12"),
    ("fresh15/japanese_stats_lectures.md", "unit 7"),
    ("fresh16/indonesian_economics.md", "reading works"),
    ("fresh16/indonesian_economics.md", "unit 12"),
    ("fresh16/plain_txt_philosophy.md", "answered"),
    ("fresh16/plain_txt_philosophy.md", "reading works"),
    ("fresh17/brazilian_law_gdocs.md", "reading works"),
    ("fresh17/mba_onenote_paste.md", "reading works"),
    ("fresh17/mba_onenote_paste.md", "video known"),
    ("fresh17/nursing_apple_notes.md", "reading works"),
    ("fresh18/contract_law_reading_list.md", "reading works"),
    ("fresh18/econ_phone_notes.md", "reading works"),
    ("fresh18/medschool_block_notes.md", "reading works"),
    ("fresh18/music_theory_emoji.md", "reading works"),
    ("fresh19/cs_mooc_vscode.md", "unit 5"),
    ("fresh19/engineering_thermo_logseq.md", "answered"),
    ("fresh19/engineering_thermo_logseq.md", "reading works"),
    ("fresh19/engineering_thermo_logseq.md", "unit 3"),
    ("fresh19/engineering_thermo_logseq.md", "unit 6"),
    ("fresh19/french_droit_typora.md", "reading works"),
    ("fresh19/history_seminar_word.md", "reading works"),
    ("fresh19/history_seminar_word.md", "unit 5"),
    ("fresh19/history_seminar_word.md", "unit 9"),
    ("fresh19/psych_stats_onenote.md", "questions"),
    ("fresh19/psych_stats_onenote.md", "reading works"),
    ("fresh2/cs_logseq.md", "unit 6"),
    ("fresh2/dutch_stats.md", "unit 8"),
    ("fresh2/french_droit.md", "reading works"),
    ("fresh2/french_droit.md", "unit 2"),
    ("fresh2/french_droit.md", "unit 9"),
    ("fresh2/italian_arch.md", "video known"),
    ("fresh2/music_theory.md", "answered"),
    ("fresh2/nursing_modules.md", "reading works"),
    ("fresh20/art_history_bullet_journal.md", "answered"),
    ("fresh20/art_history_bullet_journal.md", "reading works"),
    ("fresh20/art_history_bullet_journal.md", "video known"),
    ("fresh20/art_history_bullet_journal.md", "video watched"),
    ("fresh20/german_bwl_plaintext.md", "answered"),
    ("fresh20/ml_course_github_readme.md", "reading works"),
    ("fresh20/nursing_anatomy_notion.md", "answered"),
    ("fresh20/nursing_anatomy_notion.md", "reading works"),
    ("fresh20/nursing_anatomy_notion.md", "video known"),
    ("fresh20/physics_lab_obsidian_daily.md", "answered"),
    ("fresh20/physics_lab_obsidian_daily.md", "questions"),
    ("fresh20/physics_lab_obsidian_daily.md", "unit 1"),
    ("fresh20/physics_lab_obsidian_daily.md", "unit 2"),
    ("fresh20/physics_lab_obsidian_daily.md", "unit 3"),
    ("fresh20/physics_lab_obsidian_daily.md", "unit 4"),
    ("fresh20/physics_lab_obsidian_daily.md", "unit 5"),
    ("fresh20/physics_lab_obsidian_daily.md", "unit 7"),
    ("fresh20/physics_lab_obsidian_daily.md", "units"),
    ("fresh20/spanish_derecho_whatsapp.md", "answered"),
    ("fresh20/spanish_derecho_whatsapp.md", "questions"),
    ("fresh20/spanish_derecho_whatsapp.md", "reading works"),
    ("fresh20/spanish_derecho_whatsapp.md", "unit 10"),
    ("fresh20/spanish_derecho_whatsapp.md", "unit 11"),
    ("fresh20/spanish_derecho_whatsapp.md", "unit 4"),
    ("fresh20/spanish_derecho_whatsapp.md", "unit 5"),
    ("fresh20/spanish_derecho_whatsapp.md", "unit 7"),
    ("fresh20/spanish_derecho_whatsapp.md", "unit 8"),
    ("fresh20/spanish_derecho_whatsapp.md", "video watched"),
    ("fresh21/coursera_ml_modules.md", "reading works"),
    ("fresh21/economie_notion_fr.md", "questions"),
    ("fresh21/laboratorio_quimica_pt.md", "reading works"),
    ("fresh21/mech_eng_obsidian.md", "reading works"),
    ("fresh21/mech_eng_obsidian.md", "unit 10"),
    ("fresh21/mech_eng_obsidian.md", "unit 3"),
    ("fresh21/mech_eng_obsidian.md", "unit 5"),
    ("fresh21/mech_eng_obsidian.md", "unit 9"),
    ("fresh22/cs_todo_txt.md", "reading works"),
    ("fresh22/cs_todo_txt.md", "video known"),
    ("fresh22/medicina_obsidian_es.md", "reading works"),
    ("fresh22/medieval_history_lectures.md", "answered"),
    ("fresh22/medieval_history_lectures.md", "reading works"),
    ("fresh22/psych_google_keep_nl.md", "reading works"),
    ("fresh23/accounting_evernote_export.md", "answered"),
    ("fresh23/accounting_evernote_export.md", "unit 3"),
    ("fresh23/astro_edx_sequences.md", "unit 3"),
    ("fresh23/fysiologia_kreikka_el.md", "unit 1"),
    ("fresh23/linguistics_zettlr_pandoc.md", "answered"),
    ("fresh23/linguistics_zettlr_pandoc.md", "questions"),
    ("fresh23/vecka_joplin_sv.md", "video known"),
    ("fresh23/vecka_joplin_sv.md", "video watched"),
    ("fresh24/architecture_studio_logseq.md", "questions"),
    ("fresh24/architecture_studio_logseq.md", "reading works"),
    ("fresh24/architecture_studio_logseq.md", "unit 4"),
    ("fresh24/architecture_studio_logseq.md", "unit 5"),
    ("fresh24/french_medecine_ue_anki.md", "reading works"),
    ("fresh24/hindi_english_dsa_notes.md", "unit 4"),
    ("fresh24/nursing_clinical_rotations_trello.md", "unit 6"),
    ("fresh24/vietnamese_kinh_te_onenote.md", "reading works"),
    ("fresh25/data_science_jupyter_md.md", "reading works"),
    ("fresh25/finnish_engineering_markor.md", "unit 6"),
    ("fresh25/hebrew_law_workflowy.md", "answered"),
    ("fresh25/hebrew_law_workflowy.md", "reading works"),
    ("fresh25/hebrew_law_workflowy.md", "unit 8"),
    ("fresh25/romanian_medicine_simplenote.md", "reading works"),
    ("fresh25/romanian_medicine_simplenote.md", "unit 9"),
    ("fresh25/romanian_medicine_simplenote.md", "video known"),
    ("fresh25/tagalog_english_nursing_keep.md", "questions"),
    ("fresh25/tagalog_english_nursing_keep.md", "unit 7"),
    ("fresh25/tagalog_english_nursing_keep.md", "video watched"),
    ("fresh25/ukrainian_history_docx_paste.md", "reading works"),
    ("fresh25/ukrainian_history_docx_paste.md", "unit 8"),
    ("fresh26/danish_biology_standard_notes.md", "reading works"),
    ("fresh26/danish_biology_standard_notes.md", "unit 1"),
    ("fresh26/english_literature_scrivener_export.md", "questions"),
    ("fresh26/english_literature_scrivener_export.md", "reading works"),
    ("fresh26/english_literature_scrivener_export.md", "unit 2"),
    ("fresh26/malay_accounting_whatsapp_self_chat.md", "answered"),
    ("fresh26/malay_accounting_whatsapp_self_chat.md", "unit 2"),
    ("fresh26/persian_civil_eng_notion.md", "answered"),
    ("fresh26/physics_obsidian_canvas_md.md", "questions"),
    ("fresh26/physics_obsidian_canvas_md.md", "unit 1"),
    ("fresh26/thai_marketing_line_notes.md", "answered"),
    ("fresh26/thai_marketing_line_notes.md", "reading works"),
    ("fresh27/czech_law_plaintext.md", "reading works"),
    ("fresh27/czech_law_plaintext.md", "unit 1"),
    ("fresh27/czech_law_plaintext.md", "unit 4"),
    ("fresh27/czech_law_plaintext.md", "unit 7"),
    ("fresh27/czech_law_plaintext.md", "unit 9"),
    ("fresh27/indian_engineering_onenote_hinglish.md", "unit 2"),
    ("fresh27/indian_engineering_onenote_hinglish.md", "unit 4"),
    ("fresh27/korean_english_mba_notion_db.md", "reading works"),
    ("fresh27/korean_english_mba_notion_db.md", "video known"),
    ("fresh27/music_composition_dynalist.md", "answered"),
    ("fresh27/music_composition_dynalist.md", "questions"),
    ("fresh27/music_composition_dynalist.md", "reading works"),
    ("fresh27/music_composition_dynalist.md", "unit 3"),
    ("fresh27/music_composition_dynalist.md", "video watched"),
    ("fresh27/swahili_public_health_gdocs.md", "reading works"),
    ("fresh27/swahili_public_health_gdocs.md", "unit 3"),
    ("fresh28/calc_phone_terse.md", "reading works"),
    ("fresh28/calc_phone_terse.md", "unit 7"),
    ("fresh28/contract_law_readings.md", "reading works"),
    ("fresh28/contract_law_readings.md", "unit 6"),
    ("fresh29/diritto_lezioni_it.md", "reading works"),
    ("fresh29/diritto_lezioni_it.md", "unit 10"),
    ("fresh29/diritto_lezioni_it.md", "unit 11"),
    ("fresh29/diritto_lezioni_it.md", "unit 6"),
    ("fresh29/history_numbered_weeks.md", "reading works"),
    ("fresh29/maths_semaine_fr.md", "reading works"),
    ("fresh3/engineering_quick.md", "unit 3"),
    ("fresh3/engineering_quick.md", "unit 8"),
    ("fresh3/med_german.md", "reading works"),
    ("fresh3/philosophy_topics.md", "unit 7"),
    ("fresh3/philosophy_topics.md", "video known"),
    ("fresh3/spanish_history.md", "reading works"),
    ("fresh30/derecho_temas_es.md", "unit 4"),
    ("fresh30/derecho_temas_es.md", "video known"),
    ("fresh30/maschinenbau_kw_de.md", "reading works"),
    ("fresh30/nursing_apple_checklists.md", "reading works"),
    ("fresh31/anatomy_obsidian_callouts.md", "video known"),
    ("fresh31/anatomy_obsidian_callouts.md", "video watched"),
    ("fresh31/econometrics_plain_numbered.md", "reading works"),
    ("fresh31/econometrics_plain_numbered.md", "unit 5"),
    ("fresh31/film_studies_notion_db.md", "unit 2"),
    ("fresh31/quimica_pt_keep.md", "unit 3"),
    ("fresh31/sociology_word_paste.md", "reading works"),
    ("fresh31/sociology_word_paste.md", "unit 3"),
    ("fresh31/sociology_word_paste.md", "unit 5"),
    ("fresh31/sociology_word_paste.md", "unit 8"),
    ("fresh32/philosophy_gdocs.md", "questions"),
    ("fresh33/eco_cm_td.md", "reading works"),
    ("fresh33/eco_cm_td.md", "unit 3"),
    ("fresh33/history_dates.md", "reading works"),
    ("fresh33/history_dates.md", "video known"),
    ("fresh33/ingenieria_clases.md", "unit 8"),
    ("fresh33/jura_woche.md", "reading works"),
    ("fresh33/nursing_notion.md", "reading works"),
    ("fresh33/nursing_notion.md", "video known"),
    ("fresh33/nursing_notion.md", "video watched"),
    ("fresh34/direito_aulas.md", "answered"),
    ("fresh34/direito_aulas.md", "reading works"),
    ("fresh34/histoire_dataview.md", "unit 4"),
    ("fresh34/psychologie_onenote.md", "unit 4"),
    ("fresh35/architettura_keep.md", "reading works"),
    ("fresh35/architettura_keep.md", "unit 8"),
    ("fresh35/bio_obsidian_weeks.md", "reading works"),
    ("fresh35/chimie_td.md", "reading works"),
    ("fresh35/chimie_td.md", "unit 3"),
    ("fresh35/law_moot_notes.md", "reading works"),
    ("fresh35/statistik_vl.md", "video known"),
    ("fresh36/bwl_marketing.md", "reading works"),
    ("fresh36/bwl_marketing.md", "unit 4"),
    ("fresh36/derecho_penal.md", "reading works"),
    ("fresh36/derecho_penal.md", "unit 7"),
    ("fresh36/ingegneria_fisica2.md", "unit 3"),
    ("fresh36/ingegneria_fisica2.md", "video known"),
    ("fresh36/ingegneria_fisica2.md", "video watched"),
    ("fresh36/lettres_modernes.md", "reading works"),
    ("fresh36/lettres_modernes.md", "video known"),
    ("fresh4/french_maths.md", "reading works"),
    ("fresh4/french_maths.md", "unit 6"),
    ("fresh4/french_maths.md", "unit 7"),
    ("fresh4/french_maths.md", "video known"),
    ("fresh4/law_plain.md", "unit 10"),
    ("fresh4/law_plain.md", "unit 5"),
    ("fresh6/nursing_adult_health2.md", "reading works"),
    ("fresh7/sociologi_a.md", "unit 8"),
    ("fresh8/art_history_pasted.md", "reading works"),
    ("fresh8/art_history_pasted.md", "unit 8"),
    ("fresh8/climate_mooc_obsidian.md", "reading works"),
    ("fresh9/history_terse_phone.md", "reading works"),
    ("fresh9/neuro_modules_setext.md", "reading works"),
    ("fresh9/neuro_modules_setext.md", "unit 3"),
    ("fresh9/orgchem_obsidian.md", "reading works"),
}
# (file, figure): why a figure is not read, where the reason is known and kept.
MISSES: dict[tuple[str, str], str] = {}


def _run(*argv: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(list(argv))
    return json.loads(out.getvalue())


def _figures(notes: Path) -> dict[str, object]:
    """What the command line reports, as corpus_score.py reads it."""
    check = _run("check", "--notes", str(notes), "--format", "json")
    questions = _run("questions", "--notes", str(notes), "--format", "json")
    readings = _run("readings", "--notes", str(notes), "--format", "json")
    figures: dict[str, object] = {
        "title": (check.get("title") or "").strip().lower(),
        "units": len(check["weeks"]),
        "video known": check["video_seconds"]["known"],
        "video watched": check["video_seconds"]["watched"],
        "questions": len(questions),
        "answered": sum(1 for question in questions if question.get("answer")),
        "reading works": len(readings),
    }
    for index, week in enumerate(check["weeks"], start=1):
        figures[f"unit {index}"] = (week["total"], week["done"])
    return figures


def _expected(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    weeks = data.get("weeks", [])
    figures: dict[str, object] = {
        "title": (data.get("title") or "").strip().lower(),
        "units": len(weeks),
        "video known": sum(week.get("video_seconds", 0) for week in weeks),
        "video watched": sum(week.get("video_seconds_done", 0) for week in weeks),
        "questions": len(data.get("questions", [])),
        "answered": sum(1 for question in data.get("questions", []) if question.get("answered")),
        "reading works": data.get("reading_works", 0),
    }
    for index, week in enumerate(weeks, start=1):
        figures[f"unit {index}"] = (week["total"], week["done"])
    return figures


def _cases() -> list[object]:
    cases = []
    for path in EXPECTED:
        notes = path.with_name(path.name.removesuffix(".expected.json") + ".md")
        for figure in _expected(path):
            marks = []
            why = MISSES.get((notes.name, figure))
            if (str(notes.relative_to(CORPUS)), figure) in STILL_MISSED:
                why = "not read as counted by hand yet"
            if why:
                marks.append(pytest.mark.xfail(reason=why, strict=True))
            name = f"{notes.relative_to(CORPUS)}:{figure}"
            cases.append(pytest.param(notes, figure, marks=marks, id=name))
    return cases


_SEEN: dict[Path, dict[str, object]] = {}


def _figures_of(notes: Path) -> dict[str, object]:
    if notes not in _SEEN:
        _SEEN[notes] = _figures(notes)
    return _SEEN[notes]


@pytest.mark.parametrize(("notes", "figure"), _cases())
def test_figure(notes: Path, figure: str) -> None:
    want = _expected(notes.with_name(notes.name.removesuffix(".md") + ".expected.json"))[figure]
    have = _figures_of(notes).get(figure)
    if figure == "title":
        # As corpus_score.py: the first twelve characters of either found in the other.
        assert isinstance(have, str) and isinstance(want, str)
        assert bool(have) == bool(want)
        assert not want or want[:12] in have or have[:12] in want
    elif figure.startswith("video"):
        assert isinstance(have, int) and abs(have - int(want)) <= 2  # type: ignore[call-overload]
    else:
        assert have == want


def _score(paths: list[Path]) -> float:
    have = total = 0
    for path in paths:
        notes = path.with_name(path.name.removesuffix(".expected.json") + ".md")
        expected, figures = _expected(path), _figures_of(notes)
        for figure, want in expected.items():
            total += 1
            got = figures.get(figure)
            if figure == "title":
                have += bool(got) == bool(want) and (
                    not want or str(want)[:12] in str(got) or str(got)[:12] in str(want)
                )
            elif figure.startswith("video"):
                have += isinstance(got, int) and abs(got - int(want)) <= 2  # type: ignore[call-overload]
            else:
                have += got == want
    return have / total


@pytest.mark.parametrize(
    ("folder", "floor"),
    # The shared corpus: the bar. The blind rounds: what they score now, as floors
    # (the goal there is 90%).
    [
        (".", 0.95),
        ("fresh", 0.9),
        ("fresh2", 0.85),
        ("fresh3", 0.8),
        ("fresh4", 0.8),
        ("fresh5", 0.9),
        ("fresh6", 0.8),
        ("fresh7", 0.9),
        ("fresh8", 0.85),
        ("fresh9", 0.85),
        ("fresh10", 0.85),
        ("fresh11", 0.85),
        ("fresh12", 0.85),
        ("fresh13", 0.7),
        ("fresh14", 0.75),
        ("fresh15", 0.85),
        ("fresh16", 0.85),
        ("fresh17", 0.85),
        ("fresh18", 0.85),
        ("fresh19", 0.8),
        ("fresh20", 0.45),
        ("fresh21", 0.83),
        ("fresh22", 0.9),
        ("fresh23", 0.85),
        ("fresh24", 0.88),
        ("fresh25", 0.84),
        ("fresh26", 0.8),
        ("fresh27", 0.78),
        ("fresh28", 0.93),
        ("fresh29", 0.9),
        ("fresh30", 0.9),
        ("fresh31", 0.85),
        ("fresh32", 0.95),
        ("fresh33", 0.88),
        ("fresh34", 0.9),
        ("fresh35", 0.85),
        ("fresh36", 0.85),
    ],
)
def test_each_set_scores_at_least(folder: str, floor: float) -> None:
    paths = [path for path in EXPECTED if path.parent == (CORPUS / folder).resolve()]
    assert paths
    assert _score(paths) >= floor
