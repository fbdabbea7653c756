"""LaTeX math (``$...$``, ``$$...$$``) to MathML at build time: nothing to load, no script.

Pure: no MkDocs, no Markdown.

Browsers draw MathML themselves (Chromium since 109, Firefox, Safari), so a page with math
asks no other host for anything and needs no JavaScript to be read; a page without math
carries nothing extra. latex2mathml (pure Python) does the conversion. Its output is not
trusted: ``\\text{<b>}`` comes back as raw HTML and ``\\href{javascript:...}`` as an
attribute, so the result is parsed and written again from an allow-list of MathML elements
and attributes, every character of text as a character reference (no Markdown, template or
HTML can be read in it). Anything else, or LaTeX it cannot convert, shows as written.

The same rules find math in the notes (``markup``) and in hand-written pages (the
``course_notes.markdown_math`` Markdown extension): ``$`` opens when a non-blank follows it and
closes at the next ``$`` with a non-blank before it and no digit after it, so
``$5 and $10`` is no math; ``$$`` opens display math, closed by the next ``$$``; ``\\$``
is a dollar.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .. import regex

# Formulas longer than this show as written: latex2mathml's time grows with the input, and
# no formula in a course's notes comes near it.
MAX_LATEX = 2_000
# What one formula may become, and how much LaTeX one page converts. latex2mathml takes
# 40-75 µs per character of LaTeX (measured: 0.15 s for 2,000), and its output can be 20
# times its input ("a'" is about 20 tags): 250 formulas of "a'a'a'..." built in 37-69 s
# into an 8.8 MB page. A page's math past these shows as written, and the site says so.
MAX_MATHML = 20_000
PAGE_LATEX = 20_000
NAMESPACE = "{http://www.w3.org/1998/Math/MathML}"
# MathML Core's presentation elements, what latex2mathml writes for the LaTeX in notes.
TAGS = frozenset(
    {
        "math",
        "menclose",
        "merror",
        "mfrac",
        "mi",
        "mmultiscripts",
        "mn",
        "mo",
        "mover",
        "mpadded",
        "mphantom",
        "mprescripts",
        "mroot",
        "mrow",
        "ms",
        "mspace",
        "msqrt",
        "mstyle",
        "msub",
        "msubsup",
        "msup",
        "mtable",
        "mtd",
        "mtext",
        "mtr",
        "munder",
        "munderover",
        "none",
    }
)
# Attributes of those elements that only change how the math is drawn.
ATTRIBUTES = frozenset(
    {
        "accent",
        "accentunder",
        "columnalign",
        "depth",
        "display",
        "displaystyle",
        "fence",
        "form",
        "height",
        "largeop",
        "linethickness",
        "lspace",
        "mathvariant",
        "maxsize",
        "minsize",
        "movablelimits",
        "notation",
        "rspace",
        "scriptlevel",
        "separator",
        "stretchy",
        "symmetric",
        "voffset",
        "width",
    }
)
# What a value or a piece of text may hold as it is; anything else is a character reference.
_PLAIN = regex.compile(r"[^A-Za-z0-9 .\-]")
CLASS = "cn-math"


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def _write(element: ElementTree.Element, out: list[str]) -> bool:
    tag = element.tag.removeprefix(NAMESPACE) if isinstance(element.tag, str) else ""
    if tag not in TAGS:
        return False
    attributes = "".join(
        f' {name}="{_PLAIN.sub(_reference, value)}"'
        for name, value in element.attrib.items()
        if name in ATTRIBUTES
    )
    out.append(f"<{tag}{attributes}>")
    if element.text:
        out.append(_PLAIN.sub(_reference, element.text))
    for child in element:
        if not _write(child, out):
            return False
        if child.tail:
            out.append(_PLAIN.sub(_reference, child.tail))
    out.append(f"</{tag}>")
    return True


@dataclass
class Budget:
    """What is left of one page's math, and what it had to show as written."""

    latex: int = PAGE_LATEX
    """Characters of LaTeX the page may still convert."""
    refused: int = 0
    """Formulas shown as written because the page's LaTeX ran past ``PAGE_LATEX``."""
    too_big: int = 0
    """Formulas shown as written because their MathML ran past ``MAX_MATHML``."""

    @property
    def cut(self) -> bool:
        """Whether any formula on the page shows as written for its size."""
        return bool(self.refused or self.too_big)


# The page being written, if one is: render's functions reach the math through markup's
# tokeniser, several calls down, and a budget passed by hand through all of them would be
# in every signature for one number.
_PAGE: ContextVar[Budget | None] = ContextVar("course_notes_math_page", default=None)


@contextmanager
def page_budget() -> Iterator[Budget]:
    """Count the math written inside the block as one page's: past its budget, as written."""
    budget = Budget()
    token = _PAGE.set(budget)
    try:
        yield budget
    finally:
        _PAGE.reset(token)


def to_mathml(latex: str, display: bool = False, budget: Budget | None = None) -> str | None:
    """A formula as MathML in a ``<span class="cn-math">``, or None if it cannot be shown.

    The span keeps Markdown from taking ``<math>`` (a block-level tag to it) at the start of
    a line for a block of raw HTML. ``budget`` (else the page's, in ``page_budget``) is
    charged the formula's length; past it, or past ``MAX_MATHML`` written, None.
    """
    budget = budget if budget is not None else _PAGE.get()
    if budget is not None:
        if len(latex) > budget.latex:
            budget.refused += 1
            return None
        budget.latex -= len(latex)
    written = _converted(latex, display)
    if written is not None and len(written) > MAX_MATHML:
        if budget is not None:
            budget.too_big += 1
        return None
    return written


# A formula costs latex2mathml about 1-2 ms; notes repeat theirs (the same $O(n)$ on many
# lines), and a page built again on save meets them all again.
@functools.lru_cache(maxsize=4096)
def _converted(latex: str, display: bool) -> str | None:
    if not latex.strip() or len(latex) > MAX_LATEX:
        return None
    from latex2mathml.converter import convert  # 0.03 s to import: only for notes with math

    try:
        converted = convert(latex, display="block" if display else "inline")
        root = ElementTree.fromstring(converted)
    except Exception:  # noqa: BLE001 - latex2mathml raises many kinds on LaTeX it cannot read
        return None
    out: list[str] = []
    if not _write(root, out):
        return None
    return f'<span class="{CLASS}">{"".join(out)}</span>'
