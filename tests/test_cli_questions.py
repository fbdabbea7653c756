from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from course_notes.adapters.cli.main import main

from conftest import SEED


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_json_is_every_entry_in_file_order(capsys: pytest.CaptureFixture[str]) -> None:
    records = json.loads(run(capsys, "questions", "--notes", str(SEED), "--format", "json"))
    assert len(records) == 19
    assert list(records[0]) == [
        "id",
        "title",
        "text",
        "context",
        "answer",
        "status",
        "topics",
        "group",
        "asked",
    ]
    assert records[0]["title"] == (
        "Why do we not need to know standard deviation in derivations least squares?"
    )
    assert [len(r["context"]) for r in records if r["context"]] == [2, 2, 1]
    assert {r["status"] for r in records} == {"open"}
    assert records[-1]["topics"] == ["Computer vision", "The textbook"]
    assert len({r["id"] for r in records}) == 19


def test_csv_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run(capsys, "questions", "--notes", str(SEED), "--format", "csv"))
        )
    )
    assert len(rows) == 19
    assert rows[5]["context"].startswith("I don't think i've seen")
    assert "\n\nRecently for CV" in rows[5]["context"]
    assert rows[5]["topics"] == "Transformers; Computer vision; NLP; Ensembles"


def test_text_and_markdown_with_open_match_the_site_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = run(capsys, "questions", "--notes", str(SEED), "--open", "--format", "text")
    markdown = run(capsys, "questions", "--notes", str(SEED), "--open")  # markdown is the default
    assert text.startswith("1. why do we not need")
    assert "\n6. how do you decide what model" in text
    assert "\n19. the book indicates" in text
    assert "\n   use DL at work yet" in text
    assert "\n    use DL at work yet" in markdown
    assert main(["export", str(tmp_path), "--notes", str(SEED)]) == 0
    assert (tmp_path / "faq" / "questions.txt").read_text("utf-8") == text
    assert (tmp_path / "faq" / "questions.md").read_text("utf-8") == markdown


def test_open_leaves_out_answered_entries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Thoughts\nwhy a?\n\nA: because.\n\nwhy b?\n", encoding="utf-8")
    assert run(capsys, "questions", "--notes", str(notes), "--format", "text") == (
        "1. why a?\n\n   Answer: because.\n\n2. why b?\n"
    )
    assert run(capsys, "questions", "--notes", str(notes), "--open") == "1. why b?\n"


def test_export_writes_the_faq_page_and_files(tmp_path: Path) -> None:
    assert main(["export", str(tmp_path), "--notes", str(SEED)]) == 0
    page = (tmp_path / "faq.md").read_text("utf-8")
    assert page.startswith("---\ntitle: FAQ\n")
    assert "render_macros: false" in page
    # The page's links resolve in the exported folder too.
    assert "(faq/questions.md)" in page and "(faq/questions.txt)" in page
    assert not (tmp_path / "thoughts.md").exists()


def test_own_topics_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    topics = tmp_path / "topics.yml"
    topics.write_text("Physics: [entropy, hook*]\n", encoding="utf-8")
    records = json.loads(
        run(capsys, "questions", "--notes", str(SEED), "--format", "json", "--topics", str(topics))
    )
    assert [r["topics"] for r in records[:3]] == [[], ["Physics"], ["Physics"]]


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["questions", "--notes", str(tmp_path / "missing.md")]) == 1
    assert capsys.readouterr().err.strip().endswith("missing.md': No such file or directory")
    topics = tmp_path / "topics.yml"
    topics.write_text("- a list\n", encoding="utf-8")
    assert main(["questions", "--notes", str(SEED), "--topics", str(topics)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "topics file" in err and "expected topic names" in err


CORPUS = Path(__file__).parent / "corpus"


def test_open_text_of_a_file_with_answers_lists_each_open_question_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # algorithms.md: five entries, two answered (one by an "A:" under its question, one by
    # an "A:" after a bullet list); the three open ones, once each, no bullets.
    notes = str(CORPUS / "algorithms.md")
    assert run(capsys, "questions", "--notes", notes, "--open", "--format", "text") == (
        "1. Is $T(n) = 2T(n/2) + n\\log n$ covered by the master theorem?\n\n"
        "2. does the exchange argument always work for greedy?\n\n"
        "3. how is Huffman optimal if ties are broken arbitrarily?\n"
    )


def test_open_leaves_out_asked_entries_and_unanswered_keeps_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Thoughts\n## TA\n- why a?\n  Asked: 3 Mar\n- why b?\n- why c?\n  A: yes\n",
        encoding="utf-8",
    )
    assert run(capsys, "questions", "--notes", str(notes), "--open", "--format", "text") == (
        "TA\n\n1. why b?\n"
    )
    unanswered = run(capsys, "questions", "--notes", str(notes), "--unanswered", "--format", "json")
    assert [(r["title"], r["status"], r["asked"], r["group"]) for r in json.loads(unanswered)] == [
        ("Why a?", "asked", "3 Mar", "TA"),
        ("Why b?", "open", "", "TA"),
    ]
    with pytest.raises(SystemExit):
        main(["questions", "--notes", str(notes), "--open", "--unanswered"])


def test_no_questions_says_why_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Course\n## Week 1\n- [ ] a\n", encoding="utf-8")
    assert main(["questions", "--notes", str(notes), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "[]"
    assert err.startswith(f"course-notes: no questions in {notes}: list them under a heading")
    assert err.count("\n") == 1


def test_all_answered_says_so_for_open_and_unanswered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Week 1\n- [ ] a\n## Questions\n- why? A: because\n", encoding="utf-8")
    assert main(["questions", "--notes", str(notes), "--open"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        "course-notes: no open questions: all 1 have an answer or are marked asked\n",
    )
    assert main(["questions", "--notes", str(notes), "--unanswered"]) == 0
    assert (
        capsys.readouterr().err == "course-notes: no unanswered questions: all 1 have an answer\n"
    )
    assert main(["questions", "--notes", str(notes)]) == 0
    assert capsys.readouterr().err == ""
