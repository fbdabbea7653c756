from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_notes.derive.readings import (
    address_key,
    addresses,
    has_readings,
    reading_list,
    split_sections,
)
from course_notes.i18n import language
from course_notes.io.references import (
    ReferencesFileError,
    parse_references,
    read_references,
)
from course_notes.model import Progress, Reference, References, SectionNumber
from course_notes.model.text import normalise
from course_notes.read.notes import parse
from course_notes.render.exports import reading_records as records
from course_notes.render.pages import reading_list_markdown, render_readings

from conftest import REFERENCES, SEED_BOOK_SECTIONS


@pytest.fixture(scope="module")
def seed_references() -> References:
    return read_references(REFERENCES)


def notes(*weeks: list[str]) -> str:
    """Notes with one readings section per week, weeks numbered from 1."""
    blocks = []
    for number, lines in enumerate(weeks, start=1):
        blocks.append(f"# week {number}\n## readings\n" + "".join(f"- {x}\n" for x in lines))
    return "".join(blocks)


# Titles


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("adam - a method for stochastic", "Adam: A Method for\tStochastic"),
        ("Deep  Learning", "deep learning"),
        ("back-propagating", "back propagating"),
        ("Hinton’s “capsules”", "hintons capsules"),
        ("[Deep Learning](https://www.deeplearningbook.org/)", "deep learning"),
    ],
)
def test_titles_match_ignoring_case_whitespace_and_punctuation(one: str, other: str) -> None:
    assert normalise(one) == normalise(other)


def test_different_titles_stay_different() -> None:
    assert normalise("Deep Learning") != normalise("Deep Learning in Neural Networks")
    assert normalise("C++ primer") != normalise("C primer")
    assert normalise("...") != normalise("")


def test_readings_merge_by_normalised_title() -> None:
    course = parse(notes(["Adam - a method ✓"], ["adam: A  METHOD", "other"]))
    entries = reading_list(course).readings
    assert [(e.title, [w.number for w in e.weeks], e.done) for e in entries] == [
        ("Adam - a method", [1, 2], True),
        ("other", [2], False),
    ]
    assert [a.reading.line for a in entries[0].assignments] == [3, 6]


# Sections


@pytest.mark.parametrize(
    ("text", "title", "sections"),
    [
        ("Deep Learning (ch 1, 3, 3.10)", "Deep Learning", ["1", "3", "3.10"]),
        ("deep learning (6.3, 5.2.2)", "deep learning", ["6.3", "5.2.2"]),
        ("deep learning (chapters 3.13, 5.5)", "deep learning", ["3.13", "5.5"]),
        ("Bishop (chapter 4)", "Bishop", ["4"]),
        ("Bishop (Ch. 2 and ch. 3; §4.1 & sections 5.1)", "Bishop", ["2", "3", "4.1", "5.1"]),
        ("Bishop (ch 2, 2, 02)", "Bishop", ["2"]),
        ("Bishop (7)", "Bishop", ["7"]),
        ("GANs (part 2)", "GANs (part 2)", []),
        ("Attention Is All You Need (2017)", "Attention Is All You Need (2017)", []),
        ("(ch 1)", "(ch 1)", []),
        ("notes (3:40)", "notes (3:40)", []),
        ("plain title", "plain title", []),
    ],
)
def test_split_sections(text: str, title: str, sections: list[str]) -> None:
    found_title, found = split_sections(text)
    assert (found_title, [str(s) for s in found]) == (title, sections)


def test_sections_order_part_by_part_as_numbers() -> None:
    numbers = [SectionNumber.parse(n) for n in ["3.13", "10", "3.10", "3", "3.9", "3.10.1", "2"]]
    assert [str(n) for n in sorted(numbers)] == ["2", "3", "3.9", "3.10", "3.10.1", "3.13", "10"]
    assert SectionNumber.parse("3").name == "Chapter 3"
    assert SectionNumber.parse("3.10").name == "Section 3.10"


def test_merged_sections_are_in_numeric_not_text_order() -> None:
    # The seed's sections sort the same as text; these do not.
    course = parse(notes(["Book (ch 10, 3.10)"], ["book (3.9, 2, 3.10.1)"]))
    (book,) = reading_list(course).readings
    assert [str(s.part) for s in book.sections] == ["2", "3.9", "3.10", "3.10.1", "10"]


def test_seed_book_is_one_reading_with_16_sections(seed_text: str) -> None:
    entries = reading_list(parse(seed_text)).readings
    books = [e for e in entries if normalise(e.title) == "deeplearning"]
    assert len(books) == 1
    book = books[0]
    assert [str(s.part) for s in book.sections] == SEED_BOOK_SECTIONS
    weeks = {str(s.part): [w.number for w in s.weeks] for s in book.sections}
    assert weeks["1"] == [1]
    assert weeks["3.13"] == [3]
    assert weeks["6.3"] == [2]
    assert weeks["5.2.2"] == weeks["5.6.1"] == weeks["8.3"] == weeks["8.5"] == [2, 3]
    assert [w.number for w in book.weeks] == [1, 2, 3]
    assert book.section_progress == Progress(0, 16)


def test_a_section_is_read_when_a_line_listing_it_is_ticked() -> None:
    course = parse(notes(["Book (1, 2) ✓"], ["book (2, 3)"]))
    (book,) = reading_list(course).readings
    assert [(str(s.part), s.done) for s in book.sections] == [
        ("1", True),
        ("2", True),
        ("3", False),
    ]
    assert not book.done
    assert book.section_progress == Progress(2, 3)
    course = parse(notes(["Book (1, 2) ✓"], ["book (2) ✓"]))
    assert reading_list(course).readings[0].done


def test_seed_reading_list_without_references(seed_text: str) -> None:
    readings = reading_list(parse(seed_text))
    assert readings.progress == Progress(0, 10)
    assert readings.section_progress == Progress(0, 16)
    adam = [e for e in readings if e.title == "adam - a method for stochastic optimisation"]
    assert [[w.number for w in e.weeks] for e in adam] == [[2, 3]]
    assert all(e.citation is None and e.url is None for e in readings)


def test_addresses_compare_without_scheme_www_final_slash_or_fragment() -> None:
    # Two readings at one address are one work; the path and the query tell works apart.
    assert address_key("https://www.example.org/TeX/?id=2#sec") == "example.org/TeX?id=2"
    assert address_key("http://example.org/paper/") == "example.org/paper"
    assert address_key("https://example.org/paper?id=3") != address_key(
        "https://example.org/paper?id=2"
    )
    assert addresses("[a](https://arxiv.org/abs/1) see doi 10.1000/ABC.") == {
        "url:arxiv.org/abs/1",
        "doi:10.1000/abc",
    }


def test_a_readings_page_only_with_a_readings_section() -> None:
    # site.py adds the Readings page when this is true: an empty section is enough.
    assert not has_readings(parse("# Week 1\n## Exercises\n- a\n## Videos\n"))
    assert has_readings(parse("# Week 1\n## Exercises\n- a\n## Readings\n"))
    assert has_readings(parse("## Papers\n- a\n# Week 1\n"))


def test_readings_before_the_first_week_are_general() -> None:
    course = parse("## readings\n- a paper ✓\n# week 1\n## readings\n- A Paper\n")
    (entry,) = reading_list(course).readings
    assert entry.general
    assert [w.number for w in entry.weeks] == [1]
    assert entry.done


# References


def test_seed_references_cite_and_link(seed_text: str, seed_references: References) -> None:
    assert seed_references.diagnostics == []
    assert len(seed_references) == 6
    readings = reading_list(parse(seed_text), seed_references)
    assert readings.progress == Progress(0, 10)
    cited = {e.title: (e.citation, e.url) for e in readings}
    assert cited["adam - a method for stochastic optimisation"] == (
        "Kingma & Ba (2015), Adam: A Method for Stochastic Optimization",
        "https://arxiv.org/abs/1412.6980",
    )
    assert cited["Deep Learning"] == (
        "Goodfellow, Bengio & Courville (2016), Deep Learning, MIT Press",
        "https://www.deeplearningbook.org/",
    )
    assert cited["Nature Deep Learning Review"] == (
        "LeCun, Bengio & Hinton (2015), Deep learning, Nature 521, 436–444",
        "https://doi.org/10.1038/nature14539",
    )
    assert cited["learning representations by backpropagation"][1] == (
        "https://doi.org/10.1038/323533a0"
    )
    assert cited["Deep Learning in Neural Networks: An Overview"][1] == (
        "https://arxiv.org/abs/1404.7828"
    )
    assert cited["an overview of gradient descent"][1] == "https://arxiv.org/abs/1609.04747"
    # Left out on purpose: shown as written.
    for title in [
        "Barkinok's Rational Functions",
        "learning to tell two spirals apart",
        "ruder.io",
        "optimising gradient descent",
    ]:
        assert cited[title] == (None, None)


def test_alias_merges_two_titles_into_one_reading() -> None:
    references = parse_references(
        "The Real Title:\n  authors: A & B\n  year: 2001\n  aliases: [nickname, other name]\n"
    )
    course = parse(notes(["nickname ✓"], ["The real title", "unrelated"], ["Other-Name"]))
    entries = reading_list(course, references).readings
    assert [(e.title, [w.number for w in e.weeks], e.done) for e in entries] == [
        ("nickname", [1, 2, 3], True),
        ("unrelated", [2], False),
    ]
    assert entries[0].citation == "A & B (2001), The Real Title"
    assert entries[0].url is None


def test_reading_with_no_reference_shows_as_written(seed_references: References) -> None:
    course = parse(notes(["Some Obscure Paper (draft)"]))
    (entry,) = reading_list(course, seed_references).readings
    assert (entry.title, entry.citation, entry.url, entry.reference) == (
        "Some Obscure Paper (draft)",
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("reference", "citation"),
    [
        (Reference("k", "T", "A", "2000", "V"), "A (2000), T, V"),
        (Reference("k", "T", "A"), "A, T"),
        (Reference("k", "T", year="2000"), "T (2000)"),
        (Reference("k", "T"), "T"),
    ],
)
def test_citation_leaves_out_missing_parts(reference: Reference, citation: str) -> None:
    assert reference.citation == citation


def test_records_are_one_object_per_reading(seed_text: str, seed_references: References) -> None:
    data = records(reading_list(parse(seed_text), seed_references))
    assert len(data) == 10
    assert set(data[0]) == {"title", "weeks", "general", "done", "sections", "citation", "url"}
    adam = next(r for r in data if r["url"] == "https://arxiv.org/abs/1412.6980")
    assert (adam["weeks"], adam["done"], adam["sections"]) == ([2, 3], False, [])
    book = data[0]
    assert [s["number"] for s in book["sections"]] == SEED_BOOK_SECTIONS
    assert book["sections"][6] == {
        "number": "5.2.2",
        "kind": "section",
        "weeks": [2, 3],
        "done": False,
    }


# The references file


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("Deep Learning:\n  authors: A\n    year: 2016\n", 3, "mapping values are not allowed"),
        ("a:\n  aliases: [one, two\nb:\n  title: x\n", 3, "expected ',' or ']'"),
        ("a:\n\ttitle: x\n", 2, "found character '\\t'"),
        ("a:\n  url: !!python/name:os.system x\n", 2, "could not determine a constructor"),
        ("- just\n- a list\n", 1, "expected reading titles"),
        ("a:\n  title: x\n  venue: \x1f\n", 3, "character #x001f is not allowed"),
    ],
)
def test_malformed_yaml_is_one_error_naming_file_and_line(
    text: str, line: int, problem: str
) -> None:
    with pytest.raises(ReferencesFileError) as caught:
        parse_references(text, "seeds/references.yml")
    message = str(caught.value)
    assert message.startswith(f"seeds/references.yml:{line}: ")
    assert problem in message
    assert "\n" not in message


def test_unusable_entries_are_skipped_with_their_lines() -> None:
    references = parse_references(
        "Good:\n"  # 1
        "  url: https://example.org/good\n"  # 2
        "  autors: typo\n"  # 3
        "Bad url:\n"  # 4
        "  url: example.org\n"  # 5
        "No fields:\n"  # 6
        "good:\n"  # 7
        "  title: The same name again\n"  # 8
        "Odd types:\n"  # 9
        "  year: [2016]\n"  # 10
        "  aliases: {a: b}\n",  # 11
        "refs.yml",
    )
    assert [(d.line, d.message.split(";")[0]) for d in references.diagnostics] == [
        (3, "unknown field 'autors' (known: title, authors, year, venue, url, aliases)"),
        (5, "url 'example.org' is not an http or https address"),
        (6, "'No fields' has no fields (title, authors, ...)"),
        (7, "'good' already names the reference at line 1"),
        (10, "year must be text"),
        (11, "aliases must be a title or a list of titles"),
    ]
    good = references.find("GOOD")
    assert good is not None and good.url == "https://example.org/good"
    bad = references.find("bad url")
    assert bad is not None and (bad.url, bad.citation) == ("", "Bad url")


def test_empty_or_missing_file_is_no_references(tmp_path: Path) -> None:
    assert len(parse_references("")) == 0
    assert len(parse_references("# only a comment\n")) == 0
    assert len(read_references(tmp_path / "none.yml", required=False)) == 0
    with pytest.raises(ReferencesFileError, match="cannot read references file '.*none.yml'"):
        read_references(tmp_path / "none.yml")


def test_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "refs.yml"
    path.write_bytes("a:\n  title: caf\xe9\n".encode("cp1252"))
    with pytest.raises(ReferencesFileError, match=r"refs\.yml:2: not UTF-8 text"):
        read_references(path)


# Any input


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1).filter(lambda t: "\n" not in t and "\r" not in t), max_size=8))
def test_every_reading_lands_in_exactly_one_entry(lines: list[str]) -> None:
    course = parse(notes(lines, lines[::-1]))
    readings = reading_list(course, parse_references("Deep Learning:\n  aliases: [x]\n"))
    listed = [a.reading for entry in readings for a in entry.assignments]
    assert sorted(id(r) for r in listed) == sorted(
        id(r) for week in course.weeks for r in week.readings
    )
    for entry in readings:
        assert [s.part for s in entry.sections] == sorted({s.part for s in entry.sections})
    render_readings(readings)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_references_text_loads_or_fails_with_one_line(text: str) -> None:
    try:
        references = parse_references(text, "r.yml")
    except ReferencesFileError as error:
        assert str(error).startswith("r.yml")
        assert "\n" not in str(error)
    else:
        assert all(d.line >= 1 for d in references.diagnostics)


# Issue 13: parts as students write them, and works merged by what they are.


@pytest.mark.parametrize(
    ("text", "title", "parts"),
    [
        ("CLRS (ch 4.1, 4.3-4.5)", "CLRS", ["Section 4.1", "Sections 4.3–4.5"]),
        ("CLRS (ch 30), pp. 898–925", "CLRS", ["Chapter 30", "Pages 898–925"]),
        ("CLRS chapter 15.4 (LCS)", "CLRS", ["Section 15.4"]),
        ("Deep Learning, ch. 4.3", "Deep Learning", ["Section 4.3"]),
        ("Wasserman, pp. 1–40", "Wasserman", ["Pages 1–40"]),
        ("Wasserman (ch 5.1–5.4)", "Wasserman", ["Sections 5.1–5.4"]),
        ("Bishop, p. 12", "Bishop", ["Page 12"]),
        ("Paper section 3", "Paper", ["Section 3"]),
        ("Bishop §3.2", "Bishop", ["Section 3.2"]),
        ("Book (ch 1–3)", "Book", ["Chapters 1–3"]),
        ("Sedgewick ch 5 (recursion)", "Sedgewick", ["Chapter 5"]),
        ("Notes (p 5, 7-9)", "Notes", ["Page 5", "Pages 7–9"]),
        ("Tufte, pp 1 to 20", "Tufte", ["Pages 1–20"]),
        ("X ch 5.4-5.1", "X", ["Sections 5.1–5.4"]),
        (
            "https://seeing-theory.brown.edu/ (chapter 1)",
            "https://seeing-theory.brown.edu/",
            ["Chapter 1"],
        ),
        # No parts: no word before bare numbers, a year, a note with no parts before it.
        ("MIT 6.006 notes (optional)", "MIT 6.006 notes (optional)", []),
        ("Hoerl & Kennard 1970", "Hoerl & Kennard 1970", []),
        ("Wasserman (2004)", "Wasserman (2004)", []),
        ("Bach 3", "Bach 3", []),
        ("Karpathy (blog)", "Karpathy (blog)", []),
        ("1984 by Orwell", "1984 by Orwell", []),
        # Sections by their dotted numbers after a name where the line ends.
        ("Stewart 7.1", "Stewart", ["Section 7.1"]),
        ("Griffiths 2.1–2.2", "Griffiths", ["Sections 2.1–2.2"]),
        # Parts between a title and a remark on them; initials after them name the book.
        ("Guyton cap. 38 Ventilación pulmonar", "Guyton", ["Chapter 38"]),
        ("Hampton, The ECG Made Easy ch 1–3 ½", "Hampton, The ECG Made Easy", ["Chapters 1–3"]),
        ("sorting ch 7 CLRS", "CLRS", ["Chapter 7"]),
        ("hibbeler ch 1 + 2.1-2.3", "hibbeler", ["Chapter 1", "Sections 2.1–2.3"]),
        ("Mankiw bab 6 dan bab 8", "Mankiw", ["Chapter 6", "Chapter 8"]),
        # Two groups of parts apart: a list, as written.
        ("Smith ch 3 then Jones ch 4", "Smith ch 3 then Jones", ["Chapter 4"]),
        # Parts, a remark, "and" more parts.
        (
            "IPCC AR6 WG1, Ch. 7, Box 7.1 and section 7.5",
            "IPCC AR6 WG1",
            ["Chapter 7", "Section 7.5"],
        ),
        ('IPCC AR6 WG1, Ch. 5 "Feedbacks" (5.1–5.2 only)', "IPCC AR6 WG1", ["Chapter 5"]),
        # Parts alone, of a book the line does not name: no title.
        ("Chapter 3", "", ["Chapter 3"]),
        ("read 7.1", "", ["Section 7.1"]),
        ("read 11.2 series", "", ["Section 11.2"]),
        ("ch 37 diuretics", "", ["Chapter 37"]),
        ("4.1–4.3", "", ["Sections 4.1–4.3"]),
        ("pp. 130–151", "", ["Pages 130–151"]),
    ],
)
def test_parts_are_parsed_off_the_title(text: str, title: str, parts: list[str]) -> None:
    found_title, found = split_sections(text)
    assert (found_title, [part.name for part in found]) == (title, parts)


def works(*weeks: list[str], references: References | None = None) -> list[tuple[str, list[int]]]:
    entries = reading_list(parse(notes(*weeks)), references).readings
    return [(e.title, [len(e.assignments)]) for e in entries]


def test_the_same_address_bare_or_in_a_link_is_one_work() -> None:
    assert works(
        ["He et al., Deep Residual Learning https://arxiv.org/abs/1512.03385"],
        [
            "[ResNet paper](https://arxiv.org/abs/1512.03385)",
            "<http://www.arxiv.org/abs/1512.03385/>",
        ],
    ) == [("He et al., Deep Residual Learning https://arxiv.org/abs/1512.03385", [3])]


def test_the_same_doi_is_one_work() -> None:
    assert works(
        ["LeCun et al. doi:10.1038/nature14539"],
        ["[the Nature review](https://doi.org/10.1038/nature14539)"],
    ) == [("LeCun et al. doi:10.1038/nature14539", [2])]


def test_the_same_title_with_different_addresses_is_two_works() -> None:
    assert works(
        ["[notes](https://a.example.org/)", "notes (ch 2)"],
        ["[notes](https://b.example.org/)"],
    ) == [("[notes](https://a.example.org/)", [2]), ("[notes](https://b.example.org/)", [1])]


def test_a_reference_address_names_the_work() -> None:
    references = parse_references(
        "Adam:\n  authors: Kingma & Ba\n  url: https://arxiv.org/abs/1412.6980\n", "r.yml"
    )
    entries = reading_list(
        parse(notes(["the adam paper https://arxiv.org/abs/1412.6980", "Adam"])), references
    ).readings
    assert [(e.reference.name if e.reference else None, len(e.assignments)) for e in entries] == [
        ("Adam", 2)
    ]


def test_works_sharing_words_stay_apart(seed_text: str, seed_references: References) -> None:
    entries = reading_list(parse(seed_text), seed_references).readings
    assert len(entries) == 10
    cited = [e.citation for e in entries if e.citation and "Deep learning" in e.citation]
    assert cited == ["LeCun, Bengio & Hinton (2015), Deep learning, Nature 521, 436–444"]
    book = [e for e in entries if e.reference and e.reference.name == "Deep Learning"]
    assert len(book) == 1 and len(book[0].sections) == 16


def test_parts_merge_in_numeric_order_ranges_kept_pages_last() -> None:
    course = parse(notes(["CLRS (ch 4.3-4.5), pp. 10-20"], ["CLRS ch 4.10, 4.3-4.5, 4"]))
    (clrs,) = reading_list(course).readings
    assert [str(s.part) for s in clrs.sections] == ["4", "4.3–4.5", "4.10", "pp. 10–20"]
    assert [[w.number for w in s.weeks] for s in clrs.sections] == [[2], [1, 2], [2], [1]]
    record = records(reading_list(course))[0]["sections"]
    assert [(r["number"], r["kind"]) for r in record] == [
        ("4", "chapter"),
        ("4.3–4.5", "section"),
        ("4.10", "section"),
        ("pp. 10–20", "page"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Book " + "ch 1, " * 4000 + "x",
        "Book" + " " * 40_000 + "x(",
        "Book (" + "1, " * 20_000 + "x)",
        "Book " + "(1) " * 20_000,
    ],
)
def test_long_reading_lines_split_in_linear_time(text: str) -> None:
    # Each took seconds (quadratic: a regex over the rest of the line from every blank or
    # item); read from the end a window at a time they take milliseconds. No timing here:
    # a wrong turn is minutes, which the suite's own time shows.
    title, _parts = split_sections(text)
    assert title


@pytest.mark.parametrize(
    ("lines", "works"),
    [
        pytest.param(
            ["Baddeley & Hitch (1974) Working memory", "re-read Baddeley & Hitch (1974) for essay"],
            1,
            id="authors-and-year",
        ),
        pytest.param(
            ["Baddeley (1974) Working memory", "Baddeley (2000) The buffer"], 2, id="years"
        ),
        pytest.param(
            [
                'Artigo: "A jornada do consumidor" (HSM)',
                'Artigo: "A jornada do consumidor" (de novo)',
            ],
            1,
            id="one-quoted-title",
        ),
        pytest.param(
            ["manuale cap. 1", "manuale capp. 6-7", "manuale cap. 4 - a metà"], 1, id="one-book"
        ),
        pytest.param(
            [
                "Panofsky, La prospettiva come forma simbolica pp. 35-70",
                "ripreso Panofsky pp. 70-90",
            ],
            1,
            id="taken-up-again",
        ),
        pytest.param(
            ["Gibson, Ecological approach ch. 8", "Galeano, Las venas abiertas"],
            2,
            id="two-authors",
        ),
        pytest.param(["read lab manual", "lab manual (done)"], 1, id="a-verb-and-a-state"),
        pytest.param(
            [
                "[[Hobsbawm - Il secolo breve]] — E. J. Hobsbawm, *Il secolo breve*, Rizzoli",
                "[[Hobsbawm - Il secolo breve]] cap. 3",
            ],
            1,
            id="one-vault-note",
        ),
        pytest.param(["[[Kandel]] ch 1", "[[Purves]] ch 1"], 2, id="two-vault-notes"),
        pytest.param(["Mankiw bab 2", "Mankiw bab 4 (belum)"], 1, id="indonesian-chapters"),
        pytest.param(
            [
                "Kant, Groundwork of the Metaphysics of Morals, section 1",
                "Kant Groundwork sec 2 up to the formula of humanity",
                'Kant, "On a Supposed Right to Lie from Philanthropy"',
            ],
            2,
            id="a-title-s-first-word",
        ),
        pytest.param(
            ["Leyko J., Mechanika ogólna t.1 Statyka (PWN)", "Leyko t.1 rozdz. 5 Tarcie"],
            1,
            id="surname-and-volume",
        ),
        pytest.param(
            ["Van der Pot, Handboek van het Nederlandse staatsrecht, hfst 11", "Van der Pot"],
            1,
            id="particles",
        ),
        pytest.param(
            [
                'Hodgkin & Huxley (1952) "A quantitative description of membrane current"',
                "re-read Hodgkin & Huxley for the final (figs 1–5 only)",
            ],
            1,
            id="two-authors-again",
        ),
        pytest.param(["Smith, Torts (9th ed)", "Smith on Torts ch 4"], 1, id="one-word-title"),
        pytest.param(
            ["[@levin1995, chs. 1–2] (read)", "[@levin1995, ch. 3]", "[@dowty1991] proto-roles"],
            2,
            id="pandoc-citation-keys",
        ),
        pytest.param(["📚 ISLR ch 2", "ISLR ch 3"], 1, id="a-sign-before"),
        pytest.param(["Kandel ch 4, ask @TA", "Purves ch 2, ask @TA"], 2, id="a-mention"),
        pytest.param(
            ["Bear ch 3 (see [[Neuro lecture 3]])", "Squire ch 1 (see [[Neuro lecture 3]])"],
            2,
            id="a-note-linked-in-passing",
        ),
        pytest.param(["Mankiw ch 4", "Kandel ch 2", "ch 7", "handout"], 4, id="no-author-alone"),
        pytest.param(
            ["Reading: Chaisson & McMillan, Astronomy Today", "Reading: Astronomy Today ch. 16"],
            1,
            id="the-title-after-its-authors",
        ),
        pytest.param(
            ["Fischer, Lineare Algebra Kap. 1", "Bosch, Lineare Algebra Kap. 2"],
            2,
            id="one-title-two-authors",
        ),
        pytest.param(
            ["Deep Learning (ch 1, 3)", "Deep Learning in Neural Networks: An Overview"],
            2,
            id="a-title-is-no-author",
        ),
        pytest.param(
            ["Wasserman, All of Statistics (2004)", "Wasserman (2006) ch 2"], 2, id="another-year"
        ),
        pytest.param(
            ["Schechtman, The Constitution of Selves", "Schectman, Constitution of Selves"],
            1,
            id="a-letter-apart",
        ),
        pytest.param(
            ["West's Respiratory Physiology", "West ch 7 (mechanics)"], 1, id="possessive"
        ),
        pytest.param(
            [
                "Wiesner-Hanks, Merry E. Early Modern Europe, 1450–1789",
                "Wiesner-Hanks, Merry E. Women and Gender in Early Modern Europe",
            ],
            2,
            id="words-shared-later",
        ),
        pytest.param(
            ['MDN – "Introduction to HTML"', 'MDN – "Introduction to the DOM"'],
            2,
            id="one-common-word",
        ),
        pytest.param(
            [
                "Jonas, The Imperative of Responsibility, ch. 1",
                'Jonas, "Technology and Responsibility: Reflections"',
            ],
            2,
            id="one-author-two-books",
        ),
        pytest.param(
            [
                "Fontana, *La época del liberalismo*, cap. 7",
                "Leer Fontana, *La crisis del Antiguo Régimen*, cap. 1",
                "Fontana cap. 4",
            ],
            2,
            id="goes-on-with-the-book-named-last",
        ),
        pytest.param(
            ['react.dev – "Thinking in React"', 'React Router docs – "Tutorial"'],
            2,
            id="a-site-is-no-author",
        ),
        pytest.param(
            [
                "de la Motte, *Manuale di armonia*, capitolo su Beethoven",
                "de la Motte, cap. su Wagner",
            ],
            1,
            id="a-chapter-s-subject-is-no-title",
        ),
        pytest.param(
            ["Read Griffiths ch. 1", "Read Griffths 5.1–5.3", "Purcell & Morin ch. 2"],
            2,
            id="sections-of-an-author-a-letter-apart",
        ),
        pytest.param(
            ["read Mankiw ch 1", "read Mankiw ch 2 thinking like an economist", "read ch 4"],
            1,
            id="parts-before-a-remark",
        ),
        pytest.param(
            [
                "CE, Ass., 27 octobre 1995, *Commune de Morsang*",
                "CE, Ass., 26 octobre 2001, *Ternon*",
            ],
            2,
            id="one-court-s-decisions-by-date",
        ),
    ],
)
def test_lines_citing_one_work_are_one_reading(lines: list[str], works: int) -> None:
    course = parse("## Week 1\n### Readings\n" + "".join(f"- {line}\n" for line in lines))
    assert len(reading_list(course).readings) == works


def test_a_chapter_named_by_number_alone_is_the_course_book_s() -> None:
    text = (
        "# Week 1\n## Readings\n- [x] Lehne ch 1-2\n- [x] ch 4 pharmacokinetics\n"
        "# Week 2\n## Readings\n- [x] Lehne ch 5\n- [ ] ch 37 diuretics\n"
        "- [x] Medication errors in nursing practice (Journal of Nursing Mgmt)\n"
    )
    titles = [work.title for work in reading_list(parse(text)).readings]
    assert titles == ["Lehne", "Medication errors in nursing practice (Journal of Nursing Mgmt)"]
    # Two books with as many chapters each: which one a bare chapter is of is not said.
    text = "# Week 1\n## Readings\n- A ch 1\n- A ch 2\n- B ch 1\n- B ch 2\n- ch 7\n"
    assert len(reading_list(parse(text)).readings) == 3
    # A book named nowhere: its chapters are one work, not a work each.
    text = "# Week 1\n## Readings\n- read ch 4 supply\n- read ch 5 elasticity\n- 4.1–4.3\n"
    assert len(reading_list(parse(text)).readings) == 1
    # The one book named by its author alone is theirs.
    text = "# Week 1\n## Readings\n- read Mankiw\n# Week 2\n## Readings\n- read ch 4\n- ch 5\n"
    assert [work.title for work in reading_list(parse(text)).readings] == ["read Mankiw"]


def test_a_work_cited_with_its_title_and_year_is_a_reading_in_any_section() -> None:
    text = (
        "# Lecture 1\n## Seminar 1 – Was there a feudal revolution?\n"
        "- E. A. R. Brown, ‘The Tyranny of a Construct’, *American Historical Review* 79 (1974) ✓\n"
        "- T. N. Bisson, ‘The “Feudal Revolution”’, *Past & Present* 142 (1994)\n"
        "- Seminar prep sheet (3 Qs on Moodle) ✓\n- Attended ✓\n"
    )
    works = reading_list(parse(text)).readings
    assert [work.title[:14] for work in works] == ["E. A. R. Brown", "T. N. Bisson, "]


def test_codes_a_digit_apart_are_no_surnames_a_letter_apart() -> None:
    lines = "".join(f"- Xy{number}zabcd, title words ch 2\n" for number in range(3))
    assert len(reading_list(parse("## Week 1\n### Readings\n" + lines)).readings) == 3


def test_a_sign_before_a_reading_is_no_part_of_its_work() -> None:
    # "📖" says it is a reading; "K&P" is "Kostka & Payne" by the initials, as without it.
    assert works(
        ["📖 Kostka & Payne ch 1–4 skim"],
        ["📖 K&P ch 15", "📖 Aldwell & Schachter, Harmony and Voice Leading, ch 20"],
        ["📖 K&P ch 16"],
    ) == [
        ("Kostka & Payne", [3]),
        ("Aldwell & Schachter, Harmony and Voice Leading", [1]),
    ]


def test_parts_of_a_book_never_named_are_one_work_with_each_part_ticked_apart() -> None:
    course = parse(notes(["ch 4", "read 4.1-4.3"], ["ch 5"]).replace("- ch 4", "- [x] ch 4"))
    (book,) = reading_list(course).readings
    assert (book.title, book.done, str(book.section_progress)) == ("", False, "1/3")
    shown = reading_list_markdown(reading_list(course))
    assert shown.startswith("- [ ] *The course book (not named in the notes)* · [Week 1]")
    assert "    - [x] Chapter 4 · [Week 1]" in shown and "    - [ ] Chapter 5 · [Week 2]" in shown
    german = reading_list_markdown(reading_list(course), lang=language("de"))
    assert "*Das Lehrbuch des Kurses (in den Notizen nicht genannt)*" in german


def test_a_manuals_volumes_and_lessons_a_codes_articles_and_courts_apart() -> None:
    assert works(
        ["Lasarte t. II, lección 1", "arts. 1088-1093 CC", "HR 27 januari 1961 (Van den Bergh)"],
        ["Lasarte t. II, lecciones 2 y 3", "arts. 1156-1181 CC (pago, imputación, dación)"],
        ["Lasarte t. III, lección 5", "HR 14 april 1989 (Harmonisatiewet)"],
    ) == [
        ("Lasarte t. II", [3]),
        ("CC", [2]),
        ("HR 27 januari 1961 (Van den Bergh)", [1]),
        ("HR 14 april 1989 (Harmonisatiewet)", [1]),
    ]
    assert [p.name for p in split_sections("Lasarte t. II, lecciones 2 y 3")[1]] == [
        "Chapter 2",
        "Chapter 3",
    ]
    # "Smith on Torts" is "Smith, Torts": the "s" of a title is no part's word.
    assert works(["Smith, Torts (9th ed), ch 1 & 2"], ["Smith on Torts ch. 7 & 9"]) == [
        ("Smith, Torts (9th ed)", [2])
    ]
