"""``modules: [course_notes.macros_env]``: the course for mkdocs-macros and Zensical."""

from __future__ import annotations

from .adapters.core.macros_env import define_env

__all__ = ["define_env"]
