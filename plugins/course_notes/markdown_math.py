"""``markdown_extensions: [course_notes.markdown_math]``: math in your own pages (public name)."""

from __future__ import annotations

from .adapters.mkdocs.markdown_math import MathExtension, makeExtension

__all__ = ["MathExtension", "makeExtension"]
