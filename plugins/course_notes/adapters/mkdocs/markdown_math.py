"""Math in hand-written pages: ``$...$`` and ``$$...$$`` as MathML, as the notes' math is."""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor

from ...model.inline import math_at
from ...render.mathml import Budget, to_mathml


class _MathPattern(InlineProcessor):
    """``$...$`` and ``$$...$$`` in a hand-written page, as MathML."""

    budget: Budget
    """The page's math so far: a new one each page (``MathExtension.reset``)."""

    def handleMatch(  # noqa: N802 - Python-Markdown's name
        self, m: re.Match[str], data: str
    ) -> tuple[str | None, int | None, int | None]:
        found = math_at(data, m.start())
        html = to_mathml(found[1], found[2], self.budget) if found else None
        if found is None or html is None:
            return None, None, None
        return self.md.htmlStash.store(html), m.start(), found[0]


class MathExtension(Extension):
    """Math in hand-written pages: ``markdown_extensions: [course_notes.markdown_math]``.

    The generated pages need none of it: their math is MathML already, and any other ``$``
    in the notes is written as ``&#36;``, which this never sees.
    """

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """After code spans (190), before backslash escapes (180): backslashes stay LaTeX."""
        self.pattern = _MathPattern(r"\$", md)
        self.pattern.budget = Budget()
        md.inlinePatterns.register(self.pattern, "course-notes-math", 185)
        md.registerExtension(self)

    def reset(self) -> None:
        """A new page: its math has a budget of its own."""
        self.pattern.budget = Budget()


def makeExtension(**kwargs: Any) -> MathExtension:  # noqa: N802 - Python-Markdown's name
    """The extension, as Python-Markdown loads it by module name."""
    return MathExtension(**kwargs)
