"""LaTeX to MathML: what is converted, what is refused, and what is math at all."""

from __future__ import annotations

import re

import pytest

from course_notes.model.inline import math_at
from course_notes.render import escape as markup
from course_notes.render.mathml import to_mathml


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("$x$", (3, "x", False)),
        ("$$\\sum_i x_i$$ after", (14, "\\sum_i x_i", True)),
        ("$\\|x-y\\|^2$", (11, "\\|x-y\\|^2", False)),
        ("$5 and $10", None),  # the closing $ has a digit after it
        ("$ x$", None),  # a blank after the opening $
        ("$x $", None),  # a blank before the closing $
        ("$x", None),
        ("$$", None),
        ("$$ $$", None),
        ("$a\nb$", None),  # inline math stays on its line
    ],
)
def test_math_at(text: str, found: tuple[int, str, bool] | None) -> None:
    assert math_at(text, 0) == found


def test_an_escaped_dollar_opens_nothing() -> None:
    assert math_at("\\$x$", 1) is None
    assert markup.markdown_inline("costs \\$5 and $x$").startswith("costs \\\\&#36;5 and <span")


def test_backslashes_survive_as_the_double_bar() -> None:
    html = to_mathml("\\|x-y\\|^2")
    assert html is not None
    assert html.startswith('<span class="cn-math"><math display="inline">')
    assert html.count("&#8214;") == 2  # ‖, not a lost backslash and a "|"


def test_the_output_is_written_again_from_the_allow_list() -> None:
    # latex2mathml copies \text{...} as raw HTML and \href{...} into an attribute.
    assert to_mathml("\\text{<b>x</b>}") is None
    html = to_mathml("\\href{javascript:alert(1)}{x}")
    assert html is not None and "href" not in html and "javascript" not in html
    # No character Markdown or a template could read: text and values as references.
    braces = to_mathml("\\{\\{ x \\}\\} * a_b [c] | d")
    assert braces is not None and not re.search(r"[{}*_\\[\]`|$]", braces)


def test_what_cannot_be_converted_is_refused() -> None:
    assert to_mathml("") is None
    assert to_mathml("\\frac{") is None
    assert to_mathml("x" * 2_001) is None
    assert markup.markdown_inline("$\\frac{$") == "&#36;\\\\frac\\{&#36;"


def test_display_math() -> None:
    html = to_mathml("\\frac{a}{b}", display=True)
    assert html is not None and '<math display="block">' in html
