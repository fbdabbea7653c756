"""What the plugin hands to mkdocs-macros: the course as variables, macros and filters.

Notes text reaches pages through these variables, so it is safe by default: every string
a page can get from them is a ``NotesText``, which a template prints (``{{ week.title }}``)
as Markdown that shows the text as typed. ``.raw`` gives the text as written, unescaped.

What the macros return is marked for the sanitiser (``sanitize.marked_block``): the page's
HTML between the marks is cleaned with the allow-list of the pages the plugin generates,
the "now" panel's and the chart's with the generated home page's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from ...derive.site import Site
from ...model import Progress, paths
from ...model.text import format_duration
from ...render import chart as render_chart
from ...render import escape as markup
from ...render import now as render_now
from ...render import pages as render
from ...render import sanitize


class MacrosPlugin(Protocol):
    """The part of mkdocs-macros' plugin that other plugins call."""

    def register_variables(self, items: dict[str, Any]) -> None: ...
    def register_macros(self, items: dict[str, Callable[..., Any]]) -> None: ...
    def register_filters(self, items: dict[str, Callable[..., Any]]) -> None: ...


@functools.total_ordering
class NotesText:
    """Text from the notes as a page gets it: printed, it shows as typed, never as markup.

    Not a ``str``: Jinja prints it (and its filters read it) through ``str()``, which gives
    ``markup.markdown_inert`` Markdown. It compares, sorts, measures, slices and tests like the text
    as written, and ``raw`` is that text: unsafe in a page, where HTML in it would run.
    """

    __slots__ = ("raw",)

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def __str__(self) -> str:
        return markup.markdown_inert(self.raw)

    def __repr__(self) -> str:
        return repr(str(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __len__(self) -> int:
        return len(self.raw)

    def __bool__(self) -> bool:
        return bool(self.raw)

    def __eq__(self, other: object) -> bool:
        return self.raw == raw(other)

    def __lt__(self, other: object) -> bool:
        return self.raw < raw(other)

    def __hash__(self) -> int:
        return hash(self.raw)

    def __contains__(self, part: object) -> bool:
        return raw(part) in self.raw

    def __getitem__(self, key: int | slice) -> NotesText:
        # A slice of the text, escaped as a whole: never a cut escape.
        return NotesText(self.raw[key])

    def __iter__(self) -> Iterator[NotesText]:
        return (NotesText(character) for character in self.raw)

    def __add__(self, other: object) -> NotesText:
        return NotesText(self.raw + str(raw(other)))

    def __radd__(self, other: object) -> NotesText:
        return NotesText(str(raw(other)) + self.raw)

    def __getattr__(self, name: str) -> Any:
        # The str methods (upper, startswith, split...), their text results kept safe.
        return _safe(getattr(self.raw, name))


class View:
    """A model object as a page gets it: its text as ``NotesText``, numbers as they are."""

    __slots__ = ("_target",)

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        return _safe(getattr(self._target, name))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raw_kwargs = {key: raw(value) for key, value in kwargs.items()}
        return _safe(self._target(*map(raw, args), **raw_kwargs))

    def __str__(self) -> str:
        # The model's short descriptions (mkdocs-macros logs str() of every variable).
        return markup.markdown_inert(str(self._target))

    def __repr__(self) -> str:
        return f"View({self})"

    def __iter__(self) -> Iterator[Any]:
        return map(_safe, self._target)

    def __len__(self) -> int:
        return len(self._target)

    def __bool__(self) -> bool:
        return bool(self._target)

    def __getitem__(self, key: Any) -> Any:
        return _safe(self._target[raw(key)])

    def __contains__(self, item: object) -> bool:
        return raw(item) in self._target

    def __eq__(self, other: object) -> bool:
        return bool(self._target == raw(other))

    def __lt__(self, other: object) -> bool:
        return bool(self._target < raw(other))

    def __hash__(self) -> int:
        return hash(self._target)


# Values that hold no notes text: handed over as they are.
_PLAIN = (bool, int, float, type(None), Progress)


def _safe(value: Any) -> Any:
    """A value as pages get it: text as NotesText, containers and objects as views."""
    if isinstance(value, _PLAIN) or isinstance(value, (NotesText, View)):
        return value
    if isinstance(value, str):
        return NotesText(value)
    if isinstance(value, (list, tuple)):
        return [_safe(item) for item in value]
    if isinstance(value, dict):
        return {key: _safe(item) for key, item in value.items()}
    return View(value)


def raw(value: Any) -> Any:
    """What a view or a NotesText stands for; anything else as it is."""
    if isinstance(value, NotesText):
        return value.raw
    if isinstance(value, View):
        return value._target
    return value


def variables(site: Site) -> dict[str, Any]:
    """The variables a page can use: ``course``, ``reading_list`` and ``questions``."""
    return {
        "course": _safe(site.course),
        "reading_list": _safe(site.reading_list),
        "questions": _safe(site.questions),
    }


def macro_functions(site: Site) -> dict[str, Callable[..., str]]:
    """The macros a page can call; each returns Markdown, marked for the sanitiser."""

    def weeks_table(base: str = "") -> str:
        """A table of the weeks with progress bars and links (and "behind" badges)."""
        badges = (
            {
                d.week.number: render_now.behind_badge(d, site.today, site.language)
                for d in site.schedule.weeks
            }
            if site.schedule is not None and site.today is not None
            else {}
        )
        table = render.weeks_table(site.course, str(raw(base)), badges, site.language)
        return sanitize.marked_block(table)

    def now_panel(base: str = "", level: int = 2) -> str:
        """The "now" panel under a heading; nothing when the course has no dates."""
        if site.schedule is None or site.now is None:
            return ""
        panel = render_now.now_panel(
            site.schedule, site.now, str(raw(base)), int(level), site.language
        )
        return sanitize.marked_block(panel, sanitize.HOME)

    def burnup(level: int = 2) -> str:
        """The burn-up chart and projection; nothing without dates or git history."""
        if site.burnup is None or site.schedule is None or site.today is None:
            return ""
        chart = render_chart.burnup(
            site.burnup, site.schedule, site.today, int(level), site.language
        )
        return sanitize.marked_block(chart, sanitize.HOME)

    def calendar_link(base: str = "") -> str:
        """The calendar's link and how to subscribe; nothing when the course has no dates."""
        if paths.CALENDAR not in site.downloads:
            return ""
        link = render_now.calendar_link(paths.CALENDAR, str(raw(base)), site.language)
        # Marked inside a span: a mark that starts a line is an HTML block to Markdown.
        return f"<span>{sanitize.marked_inline(link)}</span>"

    def progress_bar(done: int | Progress, total: int | None = None, label: str = "") -> str:
        """A progress bar for ``progress_bar(course.progress)`` or ``progress_bar(3, 7)``."""
        progress = done if isinstance(done, Progress) else Progress(done, total or 0)
        bar = render.progress_bar(progress, str(raw(label)) or None, site.language)
        return _marked_span(bar)

    def badge(label: str, done: int | Progress, total: int | None = None) -> str:
        """A progress badge like the ones on the week pages."""
        progress = done if isinstance(done, Progress) else Progress(done, total or 0)
        return _marked_span(render.badge(str(raw(label)), progress, site.language))

    def readings(base: str = "") -> str:
        """The course reading list as a task list, as on the Readings page."""
        listed = render.reading_list_markdown(site.reading_list, str(raw(base)), site.language)
        return sanitize.marked_block(listed)

    def course_intro() -> str:
        """The course's title line and intro as the notes give them (none: empty)."""
        course = site.course
        title = f"# {render.heading(course.title)}" if course.title else ""
        intro = "\n\n".join(part for part in (title, render.course_intro(course.intro)) if part)
        return sanitize.marked_block(intro)

    return {
        "course_intro": course_intro,
        "weeks_table": weeks_table,
        "now_panel": now_panel,
        "burnup": burnup,
        "calendar_link": calendar_link,
        "progress_bar": progress_bar,
        "progress_badge": badge,
        "readings": readings,
    }


def _marked_span(html: str) -> str:
    """A span the renderer made, its content marked for the sanitiser.

    Marked inside: a mark is an HTML comment, and one at the start of a line would end the
    paragraph the span is written in (``sanitize.marked_inline``). The opening tag is the
    renderer's own, its values HTML-escaped (``html.escape``, ``markup.html_attribute``).
    """
    opening, _, rest = html.partition(">")
    content = rest.removesuffix("</span>")
    return f"{opening}>{sanitize.marked_inline(content)}</span>"


def filters() -> dict[str, Callable[..., str]]:
    """Filters a page can use: ``{{ seconds | duration }}``."""
    return {"duration": format_duration}


def register(plugin: MacrosPlugin, site: Site) -> None:
    """Hand the course's variables, macros and filters to mkdocs-macros."""
    plugin.register_variables(variables(site))
    plugin.register_macros(macro_functions(site))
    plugin.register_filters(filters())
