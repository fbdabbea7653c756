"""What the plugin hands to mkdocs-macros: the course as variables, macros and filters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from . import render
from .model import Course, Progress, Topic, format_duration
from .questions import read_questions
from .readings import ReadingList


class MacrosPlugin(Protocol):
    """The part of mkdocs-macros' plugin that other plugins call."""

    def register_variables(self, items: dict[str, Any]) -> None: ...
    def register_macros(self, items: dict[str, Callable[..., Any]]) -> None: ...
    def register_filters(self, items: dict[str, Callable[..., Any]]) -> None: ...


def variables(
    course: Course, reading_list: ReadingList | None = None, topics: Sequence[Topic] = ()
) -> dict[str, Any]:
    """The variables a page can use: ``course``, ``reading_list`` and ``questions``."""
    return {
        "course": course,
        "reading_list": reading_list or ReadingList(),
        "questions": read_questions(course.thoughts, topics),
    }


def macro_functions(
    course: Course, reading_list: ReadingList | None = None
) -> dict[str, Callable[..., str]]:
    """The macros a page can call; each returns Markdown."""

    def weeks_table(base: str = "") -> str:
        """A table of the weeks with progress bars and links."""
        return render.weeks_table(course, base)

    def progress_bar(done: int | Progress, total: int | None = None, label: str = "") -> str:
        """A progress bar for ``progress_bar(course.progress)`` or ``progress_bar(3, 7)``."""
        progress = done if isinstance(done, Progress) else Progress(done, total or 0)
        return render.progress_bar(progress, label or None)

    def badge(label: str, done: int | Progress, total: int | None = None) -> str:
        """A progress badge like the ones on the week pages."""
        progress = done if isinstance(done, Progress) else Progress(done, total or 0)
        return render.badge(label, progress)

    def readings(base: str = "") -> str:
        """The course reading list as a task list, as on the Readings page."""
        return render.reading_list_markdown(reading_list or ReadingList(), base)

    return {
        "weeks_table": weeks_table,
        "progress_bar": progress_bar,
        "progress_badge": badge,
        "readings": readings,
    }


def filters() -> dict[str, Callable[..., str]]:
    """Filters a page can use: ``{{ seconds | duration }}``."""
    return {"duration": format_duration}


def register(
    plugin: MacrosPlugin,
    course: Course,
    reading_list: ReadingList | None = None,
    topics: Sequence[Topic] = (),
) -> None:
    """Hand the course's variables, macros and filters to mkdocs-macros."""
    plugin.register_variables(variables(course, reading_list, topics))
    plugin.register_macros(macro_functions(course, reading_list))
    plugin.register_filters(filters())
