from __future__ import annotations

from course_notes.model import Progress
from course_notes.parse import parse
from course_notes.render import (
    badge,
    inline,
    paragraph,
    progress_bar,
    render_pages,
    render_week,
    video_time,
)


def test_inline_escapes_html_but_keeps_markdown() -> None:
    assert inline("<b>bold</b> *em* [link](https://x.org/?a=1&b=2)") == (
        "&lt;b>bold&lt;/b> *em* [link](https://x.org/?a=1&b=2)"
    )
    assert inline("`<code>` and <https://example.org>") == "`<code>` and <https://example.org>"


def test_paragraph_never_starts_a_block() -> None:
    assert paragraph("# not a heading") == "\\# not a heading"
    assert paragraph("> not a quote") == "\\> not a quote"
    assert paragraph("1. not a list") == "\\1. not a list"


def test_badge_carries_state_in_text_and_class() -> None:
    html = badge("Videos", Progress(14, 14))
    assert 'class="cn-badge cn-badge--complete"' in html
    assert "Videos 14/14" in html
    assert "14 of 14 done, all done" in html


def test_progress_bar_is_pymdownx_syntax() -> None:
    assert progress_bar(Progress(27, 73)) == (
        '[=37% "27/73 done (37%)"]{: .cn-progress .cn-progress--partial }'
    )


def test_seed_week_1_page(seed_text: str) -> None:
    week = parse(seed_text).weeks[0]
    page = render_week(week)
    assert page.startswith('---\ntitle: "Week 1"\n')
    assert "render_macros: false" in page
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
    assert list(render_pages(parse(seed_text))) == [
        "week-1.md",
        "week-2.md",
        "week-3.md",
        "week-4.md",
        "week-5.md",
        "week-6.md",
        "readings.md",
        "thoughts.md",
    ]


def test_jinja_and_html_in_items_stay_text() -> None:
    page = render_week(
        parse("# week 1\n## exercises\n- {{ boom }} {% if %} <script>x</script>\n").weeks[0]
    )
    assert "{{ boom }} {% if %} &lt;script>x&lt;/script>" in page
