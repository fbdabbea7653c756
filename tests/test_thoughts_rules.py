"""The Thoughts as students write them: one rule per row, a snippet and the entries it gives.

Each entry is written as (group, title, status, asked, context, answer); the text of an
entry is checked where the row is about it.
"""

from __future__ import annotations

import pytest

from course_notes.derive.questions import read_questions
from course_notes.read.notes import parse
from course_notes.render.exports import as_json, as_markdown, as_text

Entry = tuple[str, str, str, str | None, list[str], str | None]


def entries_of(thoughts: str):
    return read_questions(parse("# Thoughts\n" + thoughts).thoughts).entries


def described(thoughts: str) -> list[Entry]:
    return [
        (e.group, e.title, e.status.value, e.asked, e.context, e.answer)
        for e in entries_of(thoughts)
    ]


SPEC: list[tuple[str, str, list[Entry]]] = [
    (
        "bullets without blank lines are one entry each",
        "- does the exchange argument work?\n- how is Huffman optimal?\n- when heapq?\n",
        [
            ("", "Does the exchange argument work?", "open", None, [], None),
            ("", "How is Huffman optimal?", "open", None, [], None),
            ("", "When heapq?", "open", None, [], None),
        ],
    ),
    (
        "an answer paragraph after a list answers its last item only",
        "- does a work?\n- does b work?\n\nA: b does.\n",
        [
            ("", "Does a work?", "open", None, [], None),
            ("", "Does b work?", "answered", None, [], "b does."),
        ],
    ),
    (
        "numbered items, with dots or parentheses, are entries without their numbers",
        "1. Why a?\n2. In b, why?\n3) and c?\n",
        [
            ("", "Why a?", "open", None, [], None),
            ("", "In b, why?", "open", None, [], None),
            ("", "And c?", "open", None, [], None),
        ],
    ),
    (
        "an arrow after the question and a word more on it answers it",
        "- clearance totale o renale? quale si usa -> totale, salvo se chiede renale\n",
        [
            (
                "",
                "Clearance totale o renale?",
                "answered",
                None,
                [],
                "totale, salvo se chiede renale",
            )
        ],
    ),
    (
        "*, + and blank lines between items change nothing",
        "* why a?\n\n+ why b?\n",
        [("", "Why a?", "open", None, [], None), ("", "Why b?", "open", None, [], None)],
    ),
    (
        "an item needs no question mark",
        "- a note to self\n",
        [("", "A note to self", "open", None, [], None)],
    ),
    (
        "a line of an item's own goes on with it (indented or not)",
        "- why is it\n  so slow?\n- and this\nlazy line?\n",
        [
            ("", "Why is it so slow?", "open", None, [], None),
            ("", "And this lazy line?", "open", None, [], None),
        ],
    ),
    (
        "an answer on the next line, no blank line",
        "Why is case 3 needed?\nA: It guarantees the root dominates.\n",
        [("", "Why is case 3 needed?", "answered", None, [], "It guarantees the root dominates.")],
    ),
    (
        "an answer indented under a list item",
        "- why a?\n  A: because.\n- why b?\n",
        [
            ("", "Why a?", "answered", None, [], "because."),
            ("", "Why b?", "open", None, [], None),
        ],
    ),
    (
        "an answer right under a list item, not indented",
        "- why a?\nA: because.\n",
        [("", "Why a?", "answered", None, [], "because.")],
    ),
    (
        "an answer indented after a blank line, still under its item",
        "- why a?\n\n  Answer: because.\n\n- why b?\n",
        [
            ("", "Why a?", "answered", None, [], "because."),
            ("", "Why b?", "open", None, [], None),
        ],
    ),
    (
        "Answer:, **A:**, **Answer:**, **A**: and any case",
        "why a?\nAnswer: 1\n\nwhy b?\n**A:** 2\n\nwhy c?\n**Answer:** 3\n\nwhy d?\n**A**: 4\n\n"
        "why e?\na: 5\n\nwhy f?\nANSWER : 6\n",
        [
            ("", "Why a?", "answered", None, [], "1"),
            ("", "Why b?", "answered", None, [], "2"),
            ("", "Why c?", "answered", None, [], "3"),
            ("", "Why d?", "answered", None, [], "4"),
            ("", "Why e?", "answered", None, [], "5"),
            ("", "Why f?", "answered", None, [], "6"),
        ],
    ),
    (
        "an answer as its own paragraph, continued by the lines under it",
        "why a?\n\nA: first line\nsecond line\n\nmore of it\n\nwhy b?\n",
        [
            ("", "Why a?", "answered", None, [], "first line\nsecond line\n\nmore of it"),
            ("", "Why b?", "open", None, [], None),
        ],
    ),
    (
        "a heading groups the entries after it and is no entry",
        "why a?\n\n## Questions for TA\n\n1. why b?\n2. why c?\n\n### Exam\nwhy d?\n",
        [
            ("", "Why a?", "open", None, [], None),
            ("Questions for TA", "Why b?", "open", None, [], None),
            ("Questions for TA", "Why c?", "open", None, [], None),
            ("Exam", "Why d?", "open", None, [], None),
        ],
    ),
    (
        "a heading at the week level, not a week, groups too; its closing hashes go",
        "# Admin ##\nwhen is the exam?\n",
        [("Admin", "When is the exam?", "open", None, [], None)],
    ),
    (
        "a separator ends an entry but not its group",
        "## G\nwhy a?\n---\nnot a question\n",
        [("G", "Why a?", "open", None, [], None), ("G", "Not a question", "open", None, [], None)],
    ),
    (
        "a paragraph right after a heading starts an entry, question mark or not",
        "why a?\n\n## Later\nsome note\n\nits context\n",
        [
            ("", "Why a?", "open", None, [], None),
            ("Later", "Some note", "open", None, ["its context"], None),
        ],
    ),
    (
        "a misc heading after the questions holds the student's own lines, no entries",
        "- why a?\n\n## misc\n- lab group: me, Dev?\n- buy a calculator\n",
        [("", "Why a?", "open", None, [], None)],
    ),
    (
        "an Asked: line with a date marks the entry asked",
        "why a?\nAsked: 12 Mar\n\nwhy b?\n\nAsked:\n\n- why c?\n  asked: in the tutorial\n",
        [
            ("", "Why a?", "asked", "12 Mar", [], None),
            ("", "Why b?", "asked", "", [], None),
            ("", "Why c?", "asked", "in the tutorial", [], None),
        ],
    ),
    (
        "(asked) at an entry's end marks it asked, with or without a date",
        "why a? (asked)\n\n- why b? (Asked 3 Mar)\n",
        [("", "Why a?", "asked", "", [], None), ("", "Why b?", "asked", "3 Mar", [], None)],
    ),
    (
        "an answer wins over asked",
        "why a?\nAsked: 1 Mar\nA: yes\n",
        [("", "Why a?", "answered", "1 Mar", [], "yes")],
    ),
    (
        "Q: before a question is no part of its title",
        "Q: is BatchNorm still used?\nA: mostly LayerNorm.\n\n**Q:** why b?\n",
        [
            ("", "Is BatchNorm still used?", "answered", None, [], "mostly LayerNorm."),
            ("", "Why b?", "open", None, [], None),
        ],
    ),
    (
        "a line saying when it was asked answers after its colon, and only then",
        "1. Why a?\n\t- asked in office hrs 1/21: the ratio makes it a brake\n"
        "2. Why b?\n\t- asked in office hrs 1/28: no answer yet\n"
        "3. Why c?\n\t- emailed 2/10, no reply yet\n",
        [
            (
                "",
                "Why a?",
                "answered",
                None,
                [],
                "asked in office hrs 1/21: the ratio makes it a brake",
            ),
            ("", "Why b?", "open", None, ["asked in office hrs 1/28: no answer yet"], None),
            ("", "Why c?", "open", None, ["emailed 2/10, no reply yet"], None),
        ],
    ),
    (
        "an arrow then an answer's word is one answer's mark; with nothing after it, none",
        "- Est-ce au programme ? \u2192 réponse : non, juste l'énoncé\n"
        "- Pourquoi intervertir ?\n  \u2192 réponse : convergence uniforme\n"
        "- Les vidéos sont-elles au programme ? \u2192 réponse :\n",
        [
            ("", "Est-ce au programme ?", "answered", None, [], "non, juste l'énoncé"),
            ("", "Pourquoi intervertir ?", "answered", None, [], "convergence uniforme"),
            ("", "Les vidéos sont-elles au programme ?", "open", None, [], None),
        ],
    ),
    (
        "a quote right under a question is its answer, the quote's sign no part of it",
        "- will we get a pKa table or do we memorize\n> short table given\n"
        "- is the hydroboration on midterm 2?\n> forgot to ask, do it Tue\n",
        [
            (
                "",
                "Will we get a pKa table or do we memorize",
                "answered",
                None,
                [],
                "short table given",
            ),
            (
                "",
                "Is the hydroboration on midterm 2?",
                "open",
                None,
                ["forgot to ask, do it Tue"],
                None,
            ),
        ],
    ),
    (
        "a table of questions and answers: each row an entry, its answer cell its answer",
        "| Question | Answer |\n| --- | --- |\n| Can it be another film? | Yes, email me |\n"
        "| Is one film enough? |  |\n",
        [
            ("", "Can it be another film?", "answered", None, [], "Yes, email me"),
            ("", "Is one film enough?", "open", None, [], None),
        ],
    ),
    (
        "free text keeps the paragraph rules: context, and an entry before any other",
        "a note first\n\nwith context\n\nthen why?\n\nits context\n",
        [
            ("", "A note first", "open", None, ["with context"], None),
            ("", "Then why?", "open", None, ["its context"], None),
        ],
    ),
]


@pytest.mark.parametrize(
    ("thoughts", "expected"), [row[1:] for row in SPEC], ids=[r[0] for r in SPEC]
)
def test_rule(thoughts: str, expected: list[Entry]) -> None:
    assert described(thoughts) == expected


def test_the_bullet_or_number_is_not_in_the_text() -> None:
    # (A line under a question that asks is its answer since issue 23; this one goes on.)
    texts = [e.text for e in entries_of("- why a?\n12. why b\n  and more of b?\n")]
    assert texts == ["why a?", "why b\nand more of b?"]


def test_a_short_entry_is_its_title_a_longer_one_is_not() -> None:
    short, long, labelled, cut = entries_of(
        "why a?\n\nwhy b? It is long.\n\nQ: why c?\n\n" + "why " * 40 + "?\n"
    )
    assert (short.title_only, long.title_only, labelled.title_only) == (True, False, True)
    assert cut.title.endswith("\u2026") and not cut.title_only


def test_answer_and_asked_lines_with_nothing_before_them_are_entries_as_written() -> None:
    entries = entries_of("**Answer:** first\n---\nAsked: 2 Mar\n")
    assert [(e.text, e.status.value) for e in entries] == [
        ("**Answer:** first", "open"),
        ("Asked: 2 Mar", "open"),
    ]


ALGORITHMS_THOUGHTS = """\
- does the exchange argument always work for greedy?
- how is Huffman optimal if ties are broken arbitrarily?
- when should I use `heapq` vs `sorted()` in Python for assignments?

A: (from tutor) heapq when you need repeated min extraction.
"""


def test_open_text_lists_each_unanswered_question_once_without_bullets() -> None:
    entries = [e for e in entries_of(ALGORITHMS_THOUGHTS) if e.is_open]
    assert as_text(entries) == (
        "1. does the exchange argument always work for greedy?\n\n"
        "2. how is Huffman optimal if ties are broken arbitrarily?\n"
    )


GROUPED = "why a?\n\n## For the TA\n- why b?\n- why c?\n  Asked: 1 Mar\n"


def test_groups_are_headings_in_the_exports_and_numbers_run_on() -> None:
    entries = entries_of(GROUPED)
    assert as_text(entries) == (
        "1. why a?\n\nFor the TA\n\n2. why b?\n\n3. why c?\n\n   Asked: 1 Mar\n"
    )
    assert as_markdown(entries) == (
        "1. why a?\n\n## For the TA\n\n2. why b?\n\n3. why c?\n\n    Asked: 1 Mar\n"
    )


def test_json_has_group_and_asked() -> None:
    import json

    records = json.loads(as_json(entries_of(GROUPED)))
    assert [(r["group"], r["asked"], r["status"]) for r in records] == [
        ("", "", "open"),
        ("For the TA", "", "open"),
        ("For the TA", "1 Mar", "asked"),
    ]


def test_open_unanswered_and_asked_lists() -> None:
    faq = read_questions(parse("# Thoughts\n" + GROUPED + "why d?\nA: yes\n").thoughts)
    assert [e.title for e in faq.open] == ["Why a?", "Why b?"]
    assert [e.title for e in faq.asked] == ["Why c?"]
    assert [e.title for e in faq.unanswered] == ["Why a?", "Why b?", "Why c?"]
    assert [e.title for e in faq.answered] == ["Why d?"]
    assert faq.groups == ["For the TA"]


def test_three_lines_with_no_blank_between_each_a_question_are_three_entries() -> None:
    # Phone notes: three lines are enough, trailing blanks or not after their marks.
    assert [e.title for e in entries_of("why a?  \nhow b?  \nwhen c?  \n")] == [
        "Why a?",
        "How b?",
        "When c?",
    ]


def test_a_title_runs_past_an_abbreviation_in_brackets_and_a_dot_before_a_number() -> None:
    assert [
        e.title
        for e in entries_of(
            "- Does it hold (e.g. for n > 2) in general? More.\n"
            "- Does the bound hold for all. 5 of us think not? More.\n"
        )
    ] == [
        "Does it hold (e.g. for n > 2) in general?",
        "Does the bound hold for all. 5 of us think not?",
    ]


def test_asked_at_the_end_and_an_answer_after_a_no_reply_s_colon() -> None:
    # "(asked …)" with blanks after it; "asked …: the answer" answers after its colon, a
    # colon before it ("TA:") being the line's label.
    assert described(
        "- Q: why is it a brake? (asked 12 Mar)   \n"
        "- why per capita?\n    - TA: asked in office hrs 1/21: the ratio makes it a brake\n"
        "- why not total?\n    - TA: asked in office hrs, no reply yet\n"
    ) == [
        ("", "Why is it a brake?", "asked", "12 Mar", [], None),
        (
            "",
            "Why per capita?",
            "answered",
            None,
            [],
            "asked in office hrs 1/21: the ratio makes it a brake",
        ),
        ("", "Why not total?", "open", None, ["TA: asked in office hrs, no reply yet"], None),
    ]


def test_a_scratch_heading_after_the_questions_holds_no_questions() -> None:
    text = (
        "## Questions pour la prof\n\n- Le compte-rendu peut se rendre en binôme ?\n"
        "- Barème du partiel : les TD comptent pour combien ?\n\n## Brouillon\n\n"
        "partiel le 15/11 amphi B\ndemander à Inès ses notes\n"
    )
    assert [e.title for e in read_questions(parse(text).thoughts).entries] == [
        "Le compte-rendu peut se rendre en binôme ?",
        "Barème du partiel : les TD comptent pour combien ?",
    ]
