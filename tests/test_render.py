from __future__ import annotations

import re

import yaml

from course_notes.adapters.core import macros
from course_notes.derive.readings import reading_list
from course_notes.derive.site import build_site
from course_notes.io.references import parse_references, read_references
from course_notes.model import Progress, Reference
from course_notes.read.notes import parse
from course_notes.render.pages import (
    badge,
    citation_link,
    inline,
    paragraph,
    progress_bar,
    render_readings,
    render_week,
    video_time,
)

from conftest import REFERENCES, page_titles, site_pages


def test_inline_escapes_html_but_keeps_markdown() -> None:
    # "&" in an address as "&amp;", which the browser reads back as "&".
    assert inline("<b>bold</b> *em* [link](https://x.org/?a=1&b=2)") == (
        "&lt;b>bold&lt;/b> *em* [link](https://x.org/?a=1&amp;b=2)"
    )
    # Code spans as HTML <code> with their text escaped: were Markdown to disagree about
    # where a span ends, the text would still be inert.
    assert inline("`<code>` and <https://example.org>") == (
        "<code>&lt;code></code> and [https://example.org](https://example.org)"
    )


def test_paragraph_never_starts_a_block() -> None:
    assert paragraph("# not a heading") == "&#35; not a heading"
    assert paragraph("> not a quote") == "&#62; not a quote"
    assert paragraph("1. not a list") == "&#49;. not a list"
    assert paragraph("??? not a details block") == "&#63;?? not a details block"


def test_badge_carries_state_in_text_and_class() -> None:
    html = badge("Videos", Progress(14, 14))
    assert 'class="cn-badge cn-badge--complete"' in html
    assert "Videos 14/14" in html
    assert "14 of 14 done, all done" in html


def test_progress_bar_is_inline_html_with_its_value() -> None:
    bar = progress_bar(Progress(27, 73))
    # Spans only: a <div> inside the paragraph Markdown wraps it in is invalid HTML.
    assert "<div" not in bar
    assert bar.startswith('<span class="progress cn-progress cn-progress--partial"')
    assert 'role="progressbar"' in bar
    assert 'aria-valuenow="37" aria-label="27/73 done (37%)"' in bar
    assert '<span class="progress-bar" style="width:37%"></span>' in bar
    assert '<span class="progress-label">27/73 done (37%)</span>' in bar


def test_progress_bar_escapes_its_label_and_keeps_the_fill_in_range() -> None:
    bar = progress_bar(Progress(9, 7), 'say "<b>"')
    assert 'aria-label="say &quot;&lt;b&gt;&quot;"' in bar
    assert "<b>" not in bar
    assert 'style="width:100%"' in bar
    assert 'style="width:0%"' in progress_bar(Progress(0, 0))


def test_seed_week_1_page(seed_text: str) -> None:
    week = parse(seed_text).weeks[0]
    page = render_week(week)
    assert yaml.safe_load(page.split("---\n")[1]) == {
        "title": "Week 1",
        "description": "Week 1: 19/28 done (68%). Slides 3/3, Attendance 2/2, "
        "Exercises 0/5, Videos 14/14, Readings 0/4.",
        "render_macros": False,
    }
    assert "2h 20m 44s watched of 2h 20m 44s (1 unknown)" in page
    assert "- [x] basic neuroanatomy" in page
    assert "- [ ] perceptrons" in page
    assert "Exercises 0/5" in page


def test_video_time_line() -> None:
    assert video_time(parse("# week 1\n## video recordings & notes\n- a (1:00)\n").video_time) == (
        "0s watched of 1m 0s"
    )


def test_placeholder_only_section_says_nothing_listed() -> None:
    page = render_week(parse("# week 3\n## exercises\n- \n- ()\n").weeks[0])
    assert "Nothing listed yet." in page


def test_pages_for_the_seed(seed_text: str) -> None:
    assert list(site_pages(parse(seed_text))) == [
        "week-1.md",
        "week-2.md",
        "week-3.md",
        "week-4.md",
        "week-5.md",
        "week-6.md",
        "readings.md",
        "faq.md",
    ]


def test_jinja_and_html_in_items_stay_text() -> None:
    page = render_week(
        parse("# week 1\n## exercises\n- {{ boom }} {% if %} <script>x</script>\n").weeks[0]
    )
    # Opening braces are escaped so that neither attr_list nor a template engine can take
    # them ("{%" as a character reference: "\\{%" would still spell it); Markdown shows them
    # as typed. A "}" alone opens nothing.
    assert r"\{\{ boom }} &#123;% if %} &lt;script>x&lt;/script>" in page
    assert "{{" not in page and "{%" not in page


def test_seed_nav_titles_put_readings_after_the_weeks(seed_text: str) -> None:
    titles = list(page_titles(parse(seed_text)).items())
    assert titles[5:] == [
        ("week-6.md", "Week 6: Unsupervised Learning"),
        ("readings.md", "Readings"),
        ("faq.md", "FAQ"),
    ]


def test_readings_page_only_when_the_notes_have_readings() -> None:
    assert "readings.md" not in site_pages(parse("# week 1\n## exercises\n- a\n"))
    empty = site_pages(parse("# week 1\n## readings\n-\n"))["readings.md"]
    assert "Nothing listed yet." in empty
    assert "Readings 0/0" in empty


def test_seed_readings_page_front_matter(seed_text: str) -> None:
    page = render_readings(reading_list(parse(seed_text), read_references(REFERENCES)))
    assert page.startswith(
        "---\ntitle: Readings\n"
        "description: 'The course reading list: 0/10 readings done, 0/16 book sections read.'\n"
        "render_macros: false\n---\n"
    )


def test_week_page_reading_with_and_without_reference() -> None:
    week = parse("# week 2\n## readings\n- adam - a method for stochastic optimisation ✓\n")
    plain = render_week(week.weeks[0])
    assert "- [x] adam - a method for stochastic optimisation\n" in plain
    cited = site_pages(week, read_references(REFERENCES))["week-2.md"]
    assert (
        "- [x] [Kingma & Ba (2015), Adam: A Method for Stochastic Optimization]"
        "(https://arxiv.org/abs/1412.6980) "
        '<span class="cn-written" title="As written in the notes">'
        "adam - a method for stochastic optimisation</span>\n"
    ) in cited


def test_citation_text_cannot_break_its_link() -> None:
    reference = Reference("k", "A [draft] <i>", "X", url="https://e.org/a_(b)")
    assert citation_link(reference) == "[X, A \\[draft\\] &lt;i>](https://e.org/a_%28b%29)"
    assert citation_link(Reference("k", "T")) == "T"


def unmarked(markdown: str) -> str:
    """A macro's Markdown without the marks that have its HTML cleaned on the page."""
    return re.sub(r"<!--/?course-notes [^>]*-->(\n\n)?", "", markdown).strip("\n")


def test_macros_hand_over_the_reading_list(seed_text: str) -> None:
    course = parse(seed_text)
    readings = reading_list(course, parse_references("Deep Learning:\n  authors: G\n"))
    site = build_site(course, parse_references("Deep Learning:\n  authors: G\n"))
    assert macros.raw(macros.variables(site)["reading_list"]) is site.reading_list
    assert site.reading_list.readings[0].reference == readings.readings[0].reference
    listed = unmarked(macros.macro_functions(site)["readings"]("../"))
    assert listed.startswith("- [ ] G, Deep Learning · [Week 1](../week-1.md), ")
    assert unmarked(macros.macro_functions(build_site(parse("# week 1\n")))["readings"]()) == (
        '<p class="cn-empty">Nothing listed yet.</p>'
    )


NESTING = [
    # (notes of one section, the section's Markdown below its heading)
    ("- a ✓\n    - re-read this\n- b\n", "- [x] a\n    - re-read this\n- [ ] b"),
    (
        "- A1\n    - [x] part a\n    - [ ] part b\n- A2 ✓\n",
        "- A1\n    - [x] part a\n    - [ ] part b\n- [x] A2",
    ),
    ("Due Friday.\n1. q1 ✓\n2) q2\n", "Due Friday.\n\n- [x] q1\n- [ ] q2"),
    ("just a note\n", "just a note"),
    ("- [x] a\n### Deeper\n- b\n", "- [x] a\n\n### Deeper\n\n- [ ] b"),
    ("- [x] a\n#### Two deeper\n", "- [x] a\n\n#### Two deeper"),
    (
        "- top\n    - mid\n        - [x] leaf\n",
        "- top\n    - mid\n        - [x] leaf",
    ),
]


def test_nested_entries_render_as_nested_lists() -> None:
    for notes, expected in NESTING:
        week = parse(f"# week 1\n## exercises\n{notes}").weeks[0]
        page = render_week(week)
        body = page.split("## Exercises\n\n", 1)[1].rstrip("\n")
        assert body == expected, notes


def test_a_section_with_notes_only_lists_nothing_missing() -> None:
    page = render_week(parse("# week 1\n## exercises\nnone this week\n## videos\n").weeks[0])
    assert page.count("Nothing listed yet.") == 1  # the empty videos section only
    assert page.index("none this week") < page.index("## Videos")


def test_sections_of_one_kind_share_a_badge() -> None:
    week = parse("# week 1\n## Reading\n- a ✓\n## Readings\n- b\n## Misc\n- c\n").weeks[0]
    assert week.progress_by_label == [
        ("Readings", Progress(1, 2)),
        ("Misc", Progress(0, 1)),
    ]
    assert render_week(week).count("Readings 1/2</span>") == 1


def test_the_home_page_has_the_title_intro_and_weeks() -> None:
    notes = "# Intro to C#\nLecturer: *Dr* X\n## Week 2: Graphs\n### Labs\n- a ✓\n"
    site = build_site(parse(notes))
    assert site.home is not None and site.home.path == "index.md"
    home = site.home.markdown
    assert "\n# Intro to C\\#\n" in home  # the trailing "#" kept, no heading closed early
    assert "\nLecturer: *Dr* X\n" in home
    assert "[Week 2: Graphs](week-2.md)" in home
    assert "**1/1 done (100%) across 1 week.**" in home
    # No General page for a title and intro alone.
    assert [page.path for page in site.pages] == ["week-2.md"]
    intro = unmarked(macros.macro_functions(site)["course_intro"]())
    assert intro == "# Intro to C\\#\n\nLecturer: *Dr* X"
