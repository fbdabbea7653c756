from __future__ import annotations

import csv
import io
import json

import pytest

from course_notes.derive.questions import read_questions
from course_notes.io.notes import read_topics
from course_notes.model import Topic
from course_notes.read.notes import parse
from course_notes.read.thoughts import asks, question_id, title_of
from course_notes.read.topics import TopicsError, parse_topics
from course_notes.render.exports import as_csv, as_json, as_markdown, as_text

from conftest import TOPICS


def entries_of(thoughts: str, topics: list[Topic] | None = None):
    return read_questions(parse("# Thoughts\n" + thoughts).thoughts, topics or []).entries


# The rules, one by one, on crafted input.


def test_a_question_mark_starts_an_entry_and_a_paragraph_without_one_is_context() -> None:
    entries = entries_of("why a?\n\nsome context\nover two lines\n\nmore context\n\nwhy b?\n")
    assert [e.text for e in entries] == ["why a?", "why b?"]
    assert entries[0].context == ["some context\nover two lines", "more context"]
    assert entries[1].context == []


def test_a_separator_ends_the_entry() -> None:
    entries = entries_of("why a?\n---\nnot a question\n\nits context\n------\nalone\n")
    assert [(e.text, e.context, e.asks) for e in entries] == [
        ("why a?", [], True),
        ("not a question", ["its context"], False),
        ("alone", [], False),
    ]


def test_a_paragraph_before_any_entry_starts_one() -> None:
    entries = entries_of("a note first\n\nwith context\n\nthen why?\n")
    assert [(e.text, e.asks, e.context) for e in entries] == [
        ("a note first", False, ["with context"]),
        ("then why?", True, []),
    ]


def test_an_answer_paragraph_answers_the_entry_before_it() -> None:
    entries = entries_of(
        "why a?\n\ncontext\n\nA: because b.\nSecond line?\n\nmore of the answer\n\nwhy c?\n"
    )
    first, second = entries
    assert first.context == ["context"]
    assert first.answer == "because b.\nSecond line?\n\nmore of the answer"
    assert (first.status, second.status) == ("answered", "open")
    assert second.answer is None


def test_a_second_answer_paragraph_adds_to_the_first() -> None:
    (entry,) = entries_of("why a?\n\nA: one way\n\nA: another way\n")
    assert entry.answer == "one way\n\nanother way"


def test_the_last_paragraph_counts_without_a_line_end() -> None:
    entries = entries_of("why a?\n\nwhy b?")
    assert [(e.text, e.line) for e in entries] == [("why a?", 2), ("why b?", 4)]


def test_an_answer_with_no_entry_before_it_is_an_entry_of_its_own() -> None:
    entries = entries_of("A: first\n\nwhy?\n---\nA: after a separator\n")
    assert [(e.text, e.answer) for e in entries] == [
        ("A: first", None),
        ("why?", None),
        ("A: after a separator", None),
    ]


def test_only_an_answer_label_at_the_start_answers() -> None:
    entries = entries_of("why?\n\nQ and A: context\n\nthe A: is inside\n")
    assert entries[0].answer is None
    assert entries[0].context == ["Q and A: context", "the A: is inside"]


def test_text_is_kept_exactly() -> None:
    entries = entries_of("  why <b>this</b> {{ x }}?  \n\ttabbed line \n")
    assert entries[0].text == "  why <b>this</b> {{ x }}?  \n\ttabbed line "


def test_question_marks_in_links_and_code_do_not_count() -> None:
    assert not asks("see https://example.org/?q=1 for it")
    assert not asks("the `a ? b : c` operator")
    assert not asks("[a page](https://example.org/search?q=x)")
    assert asks("is https://example.org/?q=1 right?")
    assert asks("have you seen https://example.org/page?")
    assert asks("or <https://example.org/>?")
    assert asks("full-width question mark\uff1f")


def test_title_is_the_first_sentence_capitalised() -> None:
    assert title_of("it seems so. Is that right?") == "It seems so."
    assert title_of("what is\nhook's law? more") == "What is hook's law?"
    assert title_of("version 3.10 is out. ok") == "Version 3.10 is out."
    assert title_of("no end at all") == "No end at all"


def test_title_is_cut_at_a_word_near_100_characters() -> None:
    long = "word " * 30 + "end?"
    title = title_of(long)
    assert title.endswith("word\u2026")
    assert len(title) <= 100
    assert len(title) >= 95
    assert len(title_of("x" * 150)) == 100


def test_title_cut_exactly() -> None:
    # Up to 100 characters are kept whole; past that the title ends at the last whole word
    # that fits with the ellipsis, without the comma before it.
    assert title_of("y" * 100) == "Y" + "y" * 99
    assert title_of("x" * 100 + " more words") == "X" + "x" * 98 + "\u2026"
    assert title_of(
        "Could you go over how the attention weights are computed in the transformer layer,"
        " step by step, and why?"
    ) == (
        "Could you go over how the attention weights are computed in the transformer layer,"
        " step by step\u2026"
    )


def test_ids_are_made_from_the_text_not_the_position() -> None:
    before = entries_of("why a?\n\nwhy b?\n")
    after = entries_of("a new first question?\n\nwhy a?\n\ncontext added\n\nwhy b?\n")
    assert [e.id for e in after[1:]] == [e.id for e in before]
    assert after[0].id not in {e.id for e in before}
    assert before[0].id == question_id("why a?")
    assert before[0].id.startswith("why-a-")


def test_ids_ignore_wrapping_and_case_but_not_wording() -> None:
    assert question_id("why do we\nneed it?") == question_id("Why do we need   it?")
    assert question_id("why do we need it?") != question_id("why do we want it?")
    assert question_id("为什么?").startswith("q-")


def test_ids_stay_as_published() -> None:
    # Anchors people have linked to (…/faq/#why-is-the-sky-blue-8adcdb): the same text must
    # give the same id in every version; the first six words and a hash of all of them.
    assert question_id("Why is the sky blue?") == "why-is-the-sky-blue-8adcdb"
    assert (
        question_id("why do we need  batch norm at all, and when does it hurt?")
        == "why-do-we-need-batch-norm-82c046"
    )
    assert question_id("为什么?") == "q-c55e25"


def test_the_same_text_twice_gets_distinct_ids() -> None:
    first, second = entries_of("why?\n\nwhy?\n")
    assert second.id == first.id + "-2"


def test_topics_from_keywords() -> None:
    topics = [
        Topic("Hardware", ("GPU*", "vram")),
        Topic("Vision", ("computer vision", "CV")),
        Topic("Unused", ()),
    ]
    entries = entries_of(
        "which GPUs do you use?\n\nmy VRAM is small\n\nhow about computer\nvision?\n\n"
        "what about CVS or DCV?\n",
        topics,
    )
    assert [e.topics for e in entries] == [["Hardware"], ["Vision"], []]


def test_topics_any_case_in_the_context_too() -> None:
    topics = [Topic("Libraries", ("JAX",)), Topic("Vision", ("cnn",)), Topic("None", ("*",))]
    lines = parse("# Thoughts\nwhy is it slow?\n\nCNN from lab 3, in jax\n").thoughts
    questions = read_questions(lines, topics)
    assert [e.topics for e in questions.entries] == [["Libraries", "Vision"]]
    # The list keeps the topics it was read with, for the FAQ's topic sections.
    assert questions.topics == topics


def test_seed_topic_map_has_the_issue_topics() -> None:
    assert read_topics() == []
    assert [topic.name for topic in read_topics(TOPICS)] == [
        "Transformers",
        "Computer vision",
        "NLP",
        "Hardware",
        "Ensembles",
        "Hyperparameters",
        "The textbook",
    ]


def test_topic_map_errors_name_the_file_and_line() -> None:
    with pytest.raises(TopicsError, match=r"^my\.yml:2: "):
        parse_topics("a: x\n  b: y\n", "my.yml")
    with pytest.raises(TopicsError, match="expected topic names"):
        parse_topics("- a\n- b\n", "my.yml")
    with pytest.raises(TopicsError, match="'A' needs a list of keywords"):
        parse_topics("A: {x: 1}\n", "my.yml")
    with pytest.raises(TopicsError, match=r"^my\.yml:2: a topic name must be text$"):
        parse_topics("A: [a]\n~: [b]\n", "my.yml")
    # Without a file name, the message says "topics".
    with pytest.raises(TopicsError, match=r"^topics:1: expected topic names"):
        parse_topics("- a\n")
    with pytest.raises(TopicsError, match="too alike"):
        parse_topics("C++: [x]\nC: [y]\n", "my.yml")
    assert parse_topics("", "empty.yml") == []
    assert parse_topics("GPU: 3090\n") == [Topic("GPU", ("3090",))]


# The seed.

SEED_TOPICS = read_topics(TOPICS)


@pytest.fixture(scope="module")
def seed_questions(seed_text: str):
    return read_questions(parse(seed_text).thoughts, SEED_TOPICS)


def test_seed_has_19_entries_18_asking(seed_questions) -> None:
    assert len(seed_questions) == 19
    assert len(seed_questions.asking) == 18
    assert (len(seed_questions.open), len(seed_questions.answered)) == (19, 0)


def test_seed_entry_lines_and_context_counts(seed_questions) -> None:
    assert [(e.line, len(e.context)) for e in seed_questions] == [
        (151, 0),
        (153, 0),
        (155, 0),
        (158, 0),
        (160, 0),
        (162, 2),
        (174, 0),
        (177, 0),
        (179, 0),
        (184, 0),
        (188, 0),
        (190, 2),
        (206, 0),
        (213, 0),
        (217, 1),
        (224, 0),
        (227, 0),
        (229, 0),
        (233, 0),
    ]


def test_seed_model_question_has_its_two_context_paragraphs(seed_questions) -> None:
    entry = seed_questions.entries[5]
    assert entry.title == "How do you decide what model to use in a particular application?"
    assert entry.context[0].startswith("I don't think i've seen a high scoring solution")
    assert entry.context[1].startswith("Recently for CV i use models in the TIMM library.")
    # The ensemble paragraph has a question mark: an entry of its own, not context.
    assert seed_questions.entries[6].title == "A good result almost always requires an ensemble."


def test_seed_resizing_note_stands_alone(seed_questions) -> None:
    last = seed_questions.entries[-1]
    assert last.text.startswith("the book indicates that modern computer vision models")
    assert (last.asks, last.context, last.status) == (False, [], "open")
    assert last.topics == ["Computer vision", "The textbook"]
    assert last.title == (
        "The book indicates that modern computer vision models don't require resizing, "
        "however from what i\u2026"
    )
    assert seed_questions.entries[-2].context == []


def test_seed_every_thoughts_paragraph_is_kept(seed_questions, seed_text: str) -> None:
    kept = [part for e in seed_questions for part in (e.text, *e.context)]
    thoughts = seed_text.split("# Thoughts\n", 1)[1].replace("------\n", "\n")
    written = [p for p in thoughts.split("\n\n") if p.strip()]
    assert [p.strip("\n") for p in written] == kept
    assert len(kept) == 24


def test_seed_topics(seed_questions) -> None:
    by_topic = {t.name: len(seed_questions.on(t)) for t in SEED_TOPICS}
    assert by_topic == {
        "Transformers": 6,
        "Computer vision": 6,
        "NLP": 4,
        "Hardware": 1,
        "Ensembles": 4,
        "Hyperparameters": 1,
        "The textbook": 3,
    }
    assert len(seed_questions.without_topic) == 7


# The list formats.


@pytest.fixture(scope="module")
def small_list():
    return entries_of(
        "why a?\nsecond line  \n\nits context\n\nA: an answer\n\n"
        'how about "b", with, commas?\n---\na note\n',
        [Topic("Letters", ("a",))],
    )


def test_text_list_is_numbered_with_context_and_answer(small_list) -> None:
    assert as_text(small_list) == (
        "1. why a?\n"
        "   second line\n"
        "\n"
        "   its context\n"
        "\n"
        "   Answer: an answer\n"
        "\n"
        '2. how about "b", with, commas?\n'
        "\n"
        "3. a note\n"
    )


def test_markdown_list_indents_paragraphs_four_spaces(small_list) -> None:
    assert as_markdown([e for e in small_list if e.is_open]) == (
        '1. how about "b", with, commas?\n\n2. a note\n'
    )
    assert as_markdown(small_list[:1]) == (
        "1. why a?\n    second line\n\n    its context\n\n    **Answer:** an answer\n"
    )


def test_json_list_has_the_issue_fields_in_file_order(small_list) -> None:
    records = json.loads(as_json(small_list))
    assert [list(r) for r in records] == [
        ["id", "title", "text", "context", "answer", "status", "topics", "group", "asked"]
    ] * 3
    assert records[0] == {
        "id": small_list[0].id,
        "title": "Why a?",
        "text": "why a?\nsecond line  ",
        "context": ["its context"],
        "answer": "an answer",
        "status": "answered",
        "topics": ["Letters"],
        "group": "",
        "asked": "",
    }
    assert [r["status"] for r in records] == ["answered", "open", "open"]
    assert records[2]["answer"] is None


def test_json_list_as_written(small_list) -> None:
    # Two-space indents, non-ASCII as itself: the file is for people as well as programs.
    entry = entries_of("café, why?\n")
    assert as_json(entry) == (
        "[\n"
        "  {\n"
        f'    "id": "{entry[0].id}",\n'
        '    "title": "Café, why?",\n'
        '    "text": "café, why?",\n'
        '    "context": [],\n'
        '    "answer": null,\n'
        '    "status": "open",\n'
        '    "topics": [],\n'
        '    "group": "",\n'
        '    "asked": ""\n'
        "  }\n"
        "]\n"
    )


def test_answer_on_the_line_after_a_lone_a() -> None:
    entries = entries_of("why a?\n\nA:\nbecause b.\n")
    assert as_text(entries) == "1. why a?\n\n   Answer:\n   because b.\n"


def test_csv_list_reads_back(small_list) -> None:
    header = "id,title,text,context,answer,status,topics,group,asked"
    assert as_csv(small_list).splitlines()[0] == header
    rows = list(csv.DictReader(io.StringIO(as_csv(small_list))))
    assert [row["text"] for row in rows] == [
        "why a?\nsecond line  ",
        'how about "b", with, commas?',
        "a note",
    ]
    assert rows[0]["context"] == "its context"
    assert rows[0]["topics"] == "Letters"
    assert [row["answer"] for row in rows] == ["an answer", "", ""]
    assert [row["status"] for row in rows] == ["answered", "open", "open"]


def test_empty_list_is_empty_text() -> None:
    assert as_text([]) == ""
    assert json.loads(as_json([])) == []


# The seed's ids before the Thoughts were read as students write them (issue 13): the same.
SEED_IDS = [
    "why-do-we-not-need-to-842ffe",
    "what-is-hook-s-law-cb06b2",
    "what-s-the-difference-between-shannon-d66ddd",
    "what-library-do-you-use-for-986e0d",
    "it-seems-like-transfer-learning-has-6cc85e",
    "how-do-you-decide-what-model-e70ddc",
    "a-good-result-almost-always-requires-84b6eb",
    "do-you-ever-build-a-new-90652a",
    "how-do-you-optimise-the-weights-a0a25a",
    "how-do-you-fine-tune-your-94c985",
    "i-wonder-how-i-can-use-927c3f",
    "in-terms-of-hardware-what-do-c3c74f",
    "in-chapter-1-the-textbook-talks-bd09e3",
    "chapter-1-also-talks-a-lot-026f95",
    "initially-transformers-were-viewed-as-a-e0e108",
    "what-do-you-make-of-the-27b7d4",
    "at-what-point-do-you-think-391ee6",
    "i-understand-that-transformers-are-quite-1769a8",
    "the-book-indicates-that-modern-computer-8628df",
]


def test_seed_ids_are_unchanged(seed_questions) -> None:
    assert [e.id for e in seed_questions] == SEED_IDS
    assert seed_questions.groups == [] and seed_questions.headings == []


def test_asked_without_a_date_and_addresses_in_the_exports() -> None:
    # "Asked." says it once (not after an "(asked)" ending); Markdown puts every bare
    # address in <...>, in the text, the context and the answer alike.
    entries = entries_of(
        "why a?\nAsked:\n\nwhy b? (asked)\n\nwhy c, see https://example.org/c?\n\n"
        "ctx https://example.org/x\n\nA: at https://example.org/a\n"
    )
    assert as_text(entries) == (
        "1. why a?\n\n   Asked.\n\n2. why b? (asked)\n\n3. why c, see https://example.org/c?\n\n"
        "   ctx https://example.org/x\n\n   Answer: at https://example.org/a\n"
    )
    assert as_markdown(entries) == (
        "1. why a?\n\n    Asked.\n\n2. why b? (asked)\n\n"
        "3. why c, see <https://example.org/c>?\n\n    ctx <https://example.org/x>\n\n"
        "    **Answer:** at <https://example.org/a>\n"
    )


def test_an_item_holds_its_answer_and_context_indented_under_it() -> None:
    entries = entries_of("- why a?\n\n  A: because.\n\n  more of it\n- why b?\n\n  its context\n")
    assert [(e.text, e.answer, e.context) for e in entries] == [
        ("why a?", "because.\n\nmore of it", []),
        ("why b?", None, ["its context"]),
    ]


def test_an_answer_of_two_paragraphs_in_the_exports() -> None:
    # The blank line between them stays empty: no indent left on it.
    entries = entries_of("why a?\n\nA: one way\n\nA: another way\n")
    assert as_text(entries) == "1. why a?\n\n   Answer: one way\n\n   another way\n"


def test_a_title_does_not_end_at_an_abbreviation() -> None:
    # Issue 23: FAQ titles were cut at "Prof.", "ch.", "Fig.", "e.g.", "vs.", "z.B.".
    from course_notes.read.thoughts import title_of

    assert title_of("Did Prof. Li say ch. 3 is examinable? I think so.") == (
        "Did Prof. Li say ch. 3 is examinable?"
    )
    assert title_of("Is Fig. 3 wrong, e.g. the arrows vs. the text? yes") == (
        "Is Fig. 3 wrong, e.g. the arrows vs. the text?"
    )
    assert title_of("ist z.B. Kap. 3 klausurrelevant? ja") == "Ist z.B. Kap. 3 klausurrelevant?"
    assert title_of("This is one. And two.") == "This is one."
