"""The course model to Markdown pages: pure functions, the same for the site and export."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

import yaml

from .. import regex
from ..i18n import ENGLISH, Language
from ..model import (
    Cancelled,
    Course,
    CourseReading,
    Group,
    Item,
    Note,
    Progress,
    ProgressState,
    Reading,
    ReadingList,
    Reference,
    Section,
    SectionKind,
    Subheading,
    Verbatim,
    Video,
    VideoTime,
    Week,
    paths,
)
from ..model.inline import link_address
from ..model.text import format_clock, format_duration
from . import escape as markup

STATE_ICONS = {
    ProgressState.COMPLETE: ":material-check-circle:",
    ProgressState.PARTIAL: ":material-circle-half-full:",
    ProgressState.NONE: ":material-circle-outline:",
    ProgressState.EMPTY: ":material-minus-circle-outline:",
}


def state_word(state: ProgressState, lang: Language = ENGLISH) -> str:
    """How far along, in words, for screen readers: ``all done``, ``not started``."""
    words = {
        ProgressState.COMPLETE: lang.pgettext("progress", "all done"),
        ProgressState.PARTIAL: lang.pgettext("progress", "in progress"),
        ProgressState.NONE: lang.pgettext("progress", "not started"),
        ProgressState.EMPTY: lang.pgettext("progress", "nothing listed"),
    }
    return words[state]


def nothing_listed(lang: Language = ENGLISH) -> str:
    """Where a section, a week or the reading list has nothing to do yet."""
    return '<p class="cn-empty">' + html.escape(lang.gettext("Nothing listed yet.")) + "</p>"


# The badge labels of the section kinds (``SectionKind``'s values), as the catalogs say them.
def kind_label(label: str, lang: Language = ENGLISH) -> str:
    """A badge label in the site's language when it is a section kind's (``Videos``)."""
    labels = {
        SectionKind.SLIDES.value: lang.pgettext("badge", "Slides"),
        SectionKind.ATTENDANCE.value: lang.pgettext("badge", "Attendance"),
        SectionKind.EXERCISES.value: lang.pgettext("badge", "Exercises"),
        SectionKind.VIDEOS.value: lang.pgettext("badge", "Videos"),
        SectionKind.READINGS.value: lang.pgettext("badge", "Readings"),
        SectionKind.OTHER.value: lang.pgettext("badge", "Other"),
    }
    return labels.get(label, label)


def task_box(done: bool) -> str:
    """The task-list box of an item: ``[x]`` done, ``[ ]`` not."""
    return "[x]" if done else "[ ]"


def badge_row(badges: Iterable[str]) -> str:
    """Badges as one Markdown paragraph (so their icon shortcodes render), styled as a row."""
    return "\n".join(badges) + "\n{: .cn-badges }"


def inline(text: str) -> str:
    """User text as inline Markdown: shown as typed, links and code kept (cut if huge)."""
    return markup.markdown_inline(text)


def paragraph(text: str) -> str:
    """User text as a paragraph of its own, never read as a heading, list or quote.

    Text with more constructs than Markdown reads quickly in one block goes on in further
    paragraphs (see ``markup.BUDGET``).
    """
    return "\n\n".join("\n".join(lines) for lines in markup.markdown_paragraphs([text]))


def heading(text: str) -> str:
    """User text for a heading line: as ``inline``, a trailing ``#`` kept as text."""
    text = inline(" ".join(text.split()))
    # Python-Markdown drops closing hashes of a heading ("C#" would lose its "#").
    return text[:-1] + "\\#" if text.endswith("#") else text


def _heading_block(level: int, text: str) -> str:
    # A heading too long for one block is cut; the whole text follows as a paragraph.
    line = f"{'#' * level} {heading(text)}"
    return line if markup.fits(" ".join(text.split())) else f"{line}\n\n{paragraph(text)}"


def front_matter(**fields: str | bool) -> str:
    """YAML front matter written by a YAML emitter, so no value can end it early."""
    # Themes put the title and description into the HTML unescaped (<title>, the header,
    # a meta attribute): escaped here, a "<b>" in a week title shows as typed. The emitter
    # quotes and escapes what YAML would read otherwise (U+2028 and friends, "---"), and
    # with no line width a value stays on its key's line.
    values = {
        key: markup.html_text(value) if isinstance(value, str) else value
        for key, value in fields.items()
    }
    dumped = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=float("inf"))
    return f"---\n{dumped}---\n"


def badge(label: str, progress: Progress, lang: Language = ENGLISH) -> str:
    """A progress badge: icon, label and figures, with the state in words for screen readers."""
    state = progress.state
    title = lang.gettext(
        "{label}: {done} of {total} done, {state}",
        label=label,
        done=progress.done,
        total=progress.total,
        state=state_word(state, lang),
    )
    return (
        f'<span class="cn-badge cn-badge--{state.value}" '
        f'title="{markup.html_attribute(title)}">{STATE_ICONS[state]} {inline(label)} '
        f"{progress}</span>"
    )


def progress_bar(progress: Progress, label: str | None = None, lang: Language = ENGLISH) -> str:
    """A progress bar for some progress, its figures as its label and its accessible value."""
    text = html.escape(label or done_percent(progress, lang))
    width = min(max(progress.percent, 0), 100)
    # Hand-written, not pymdownx.progressbar: that extension puts a <div> inside the <p> of
    # its paragraph, which HTML does not allow (vnu: a stray </p> on every page with a bar),
    # and it needs the extension in the site's config. Spans are allowed in a paragraph, a
    # table cell or a list item alike, so the bar is valid wherever a page or a macro puts
    # it; the stylesheet shows them as blocks. The class names are pymdownx's (.progress,
    # .progress-bar, .progress-label): the look is the same, pixel for pixel.
    state = progress.state.value
    return (
        f'<span class="progress cn-progress cn-progress--{state}" role="progressbar" '
        f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{width}" aria-label="{text}">'
        f'<span class="progress-bar" style="width:{width}%"></span>'
        f'<span class="progress-label">{text}</span></span>'
    )


def done_percent(progress: Progress, lang: Language = ENGLISH) -> str:
    """``3/7 done (43%)``."""
    return lang.gettext("{progress} done ({percent}%)", progress=progress, percent=progress.percent)


def video_time(time: VideoTime, lang: Language = ENGLISH) -> str:
    """``2h 20m 44s watched of 2h 20m 44s (1 unknown)``."""
    line = lang.gettext(
        "{watched} watched of {total}",
        watched=format_duration(time.watched),
        total=format_duration(time.total),
    )
    if time.partly:
        # The seen part of videos begun: time the student has spent, not yet a done video.
        line += lang.gettext(", {partly} more of videos begun", partly=format_duration(time.partly))
    if time.unknown:
        line += lang.ngettext(" ({count} unknown)", " ({count} unknown)", time.unknown)
    return line


def videos_line(time: VideoTime, lang: Language = ENGLISH) -> str:
    """The video time of a week or the course as a paragraph: ``Videos: … watched of …``."""
    text = lang.gettext("Videos: {time}", time=video_time(time, lang))
    return f'<p class="cn-video-time">{text}</p>'


def citation_link(reference: Reference) -> str:
    """A reference's citation, linked to its url when it has one (http, https or relative)."""
    text = markup.markdown_inline(reference.citation, link_text=True)
    url = link_address(reference.url)[0] if reference.url else None
    return f"[{text}]({url})" if url else text


def reading_text(reading: Reading, reference: Reference | None, lang: Language = ENGLISH) -> str:
    """A reading as a week lists it: its citation when known, then the words as written."""
    if reference is None:
        return inline(reading.text)
    # The words as written stay on the page: nothing the user wrote is lost.
    written = markup.html_attribute(lang.gettext("As written in the notes"))
    return (
        f"{citation_link(reference)} "
        f'<span class="cn-written" title="{written}">{inline(reading.text)}</span>'
    )


def _item_line(item: Item, cited: Mapping[int, Reference], indent: str, lang: Language) -> str:
    box = task_box(item.done)
    if isinstance(item, Reading) and markup.fits(item.text):
        parts = [reading_text(item, cited.get(item.line), lang)]
    else:
        # A huge line goes on in further paragraphs of the same item.
        parts = [" ".join(lines) for lines in markup.markdown_paragraphs([item.text])] or [""]
    text = f"\n\n{indent}    ".join(parts)
    if item.started and not item.done:
        text += ' <span class="cn-started">' + lang.gettext("(started)") + "</span>"
    if isinstance(item, Video):
        if item.duration is None:
            unknown = lang.gettext("duration unknown")
            text += f' <span class="cn-duration cn-duration--unknown">{unknown}</span>'
        else:
            text += f' <span class="cn-duration">{format_clock(item.duration)}</span>'
    if len(parts) > 1:
        # Markdown would take the next item's line into the last paragraph.
        text += "\n"
    return f"{indent}- {box} {text}"


def _note_line(note: Note, indent: str, lang: Language) -> str:
    # A note on an item (a nested line with no tick under it) or a group of nested tasks:
    # a list entry with no box, so it is shown where it was written and never counted.
    parts = [" ".join(lines) for lines in markup.markdown_paragraphs([note.text])] or [""]
    if isinstance(note, Cancelled):
        # Called off ("[-]", "cancelled"): struck through, and said in words too.
        parts = [f"<del>{part}</del>" for part in parts]
        parts[-1] += ' <span class="cn-cancelled">' + lang.gettext("(cancelled)") + "</span>"
    elif isinstance(note, Group) and note.ticked:
        # Not a box (the tasks under it are what is counted), but its tick said in words.
        parts[-1] += ' <span class="cn-group-done">' + lang.gettext("(done)") + "</span>"

    line = f"{indent}- " + f"\n\n{indent}    ".join(parts)
    return line + "\n" if len(parts) > 1 else line


def _list_lines(
    entries: Sequence[Item | Note], cited: Mapping[int, Reference], lang: Language
) -> str:
    """A run of list entries as one Markdown list, nested as the notes nest them."""
    lines: list[str] = []
    depth = -1
    for entry in entries:
        # Never deeper than one below the entry above: Markdown could not nest it.
        depth = min(entry.depth, depth + 1)
        indent = "    " * depth
        if isinstance(entry, Item):
            lines.append(_item_line(entry, cited, indent, lang))
        else:
            lines.append(_note_line(entry, indent, lang))
    return "\n".join(lines)


def subheading_level(section: Section, subheading: Subheading) -> int:
    """The page level of a heading within a section: one deeper than the section's per ``#``."""
    return min(6, max(3, 2 + subheading.level - section.level))


def render_section(
    section: Section,
    level: int = 2,
    cited: Mapping[int, Reference] | None = None,
    lang: Language = ENGLISH,
) -> str:
    """One section: heading, video time for videos, then its entries in the notes' order.

    Items are a task list nested as written; notes on an item and groups of nested tasks are
    entries without a box; the section's own notes are paragraphs and its sub-headings are
    headings. ``cited`` gives the reference of each reading line (by line number) the site
    knows.
    """
    known = cited or {}
    blocks = [_heading_block(level, section.heading)]
    if section.kind is SectionKind.VIDEOS and section.videos:
        blocks.append(
            f'<p class="cn-video-time">{video_time(VideoTime.of(section.videos), lang)}</p>'
        )
    if not section.entries:
        blocks.append(nothing_listed(lang))
    run: list[Item | Note] = []
    for entry in section.entries:
        if isinstance(entry, Item) or (entry.depth and run):
            run.append(entry)
            continue
        if run:
            blocks.append(_list_lines(run, known, lang))
            run = []
        if isinstance(entry, Subheading):
            blocks.append(_heading_block(subheading_level(section, entry), entry.text))
        elif isinstance(entry, Verbatim):
            blocks.append(verbatim(entry))
        elif type(entry) is not Note:
            run.append(entry)  # a group: its nested tasks follow
        else:
            blocks.append(paragraph(entry.text))
    if run:
        blocks.append(_list_lines(run, known, lang))
    return "\n\n".join(blocks)


# Badges per paragraph of the row. Python-Markdown copies a paragraph's whole text at each
# icon and tag it finds in it, so one paragraph of n badges costs n² (a week of 20,000
# sections spent 11 of its 28 s there); a week with more sections gets more paragraphs.
BADGES_PER_ROW = 50


def badges(week: Week, extra: Sequence[str] = (), lang: Language = ENGLISH) -> str:
    """The row of badges: one per section, then the week's total, then ``extra`` (behind)."""
    row = [
        badge(kind_label(label, lang), progress, lang) for label, progress in week.progress_by_label
    ]
    row.append(badge(week.word, week.progress, lang))
    row += extra
    # A Markdown paragraph, not a raw <p>, so the icon shortcodes in it are rendered.
    rows = range(0, len(row), BADGES_PER_ROW)
    return "\n\n".join(badge_row(row[start : start + BADGES_PER_ROW]) for start in rows)


def describe(week: Week, lang: Language = ENGLISH) -> str:
    """A one-sentence summary of a week, for the page's meta description."""
    parts = ", ".join(
        f"{kind_label(label, lang)} {progress}" for label, progress in week.progress_by_label
    )
    summary = f"{week.name}: {done_percent(week.progress, lang)}"
    return f"{summary}. {parts}." if parts else f"{summary}."


def render_week(
    week: Week,
    cited: Mapping[int, Reference] | None = None,
    extra_badges: Sequence[str] = (),
    lang: Language = ENGLISH,
) -> str:
    """The page of one week; ``extra_badges`` (the "behind" badge) end its badge row."""
    blocks = [
        front_matter(title=week.name, description=describe(week, lang), render_macros=False),
        _heading_block(1, week.name),
        badges(week, extra_badges, lang),
        progress_bar(week.progress, lang=lang),
    ]
    if week.videos:
        blocks.append(videos_line(week.video_time, lang))
    blocks.extend(render_section(section, cited=cited, lang=lang) for section in week.sections)
    if not week.sections:
        blocks.append(nothing_listed(lang))
    return "\n\n".join(blocks) + "\n"


def general_title(lang: Language = ENGLISH) -> str:
    """The name of the page of what comes before the first week."""
    return lang.pgettext("page", "General")


def render_general(
    sections: Iterable[Section],
    cited: Mapping[int, Reference] | None = None,
    lang: Language = ENGLISH,
) -> str:
    """The page for sections written before the first week."""
    body = "\n\n".join(render_section(section, cited=cited, lang=lang) for section in sections)
    title = general_title(lang)
    head = front_matter(
        title=title,
        description=lang.gettext("Notes written before the first week."),
        render_macros=False,
    )
    return f"{head}\n# {markup.markdown_inline(title)}\n\n{body}\n"


# A table's cell borders: pipes not escaped with a backslash.
_CELL_BORDER = regex.compile(r"(?<!\\)\|")
_FENCE = regex.compile(r"[ \t]*(`{3,}|~{3,})")


def verbatim(block: Verbatim) -> str:
    """A table as a table and fenced code as code, each character shown as written."""
    if not block.table:
        return _code_block(block.lines)
    rows = [_cells(line) for line in block.lines]
    header, delimiter, body = rows[0], rows[1] if len(rows) > 1 else [], rows[2:]
    # Markdown drops the cells past the header's: the header gets as many as the widest row.
    width = max(len(row) for row in rows)
    aligns = [_align(cell) for cell in delimiter] + ["---"] * width
    lines = [_row(header, width), "| " + " | ".join(aligns[:width]) + " |"]
    return "\n".join(lines + [_row(row, width) for row in body])


def _cells(line: str) -> list[str]:
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return [cell.strip() for cell in _CELL_BORDER.split(text)]


def _align(cell: str) -> str:
    left, right = cell.startswith(":"), cell.endswith(":")
    return (":" if left else "") + "---" + (":" if right else "")


def _row(cells: list[str], width: int) -> str:
    shown = [markup.markdown_inline(cell) for cell in cells] + [""] * (width - len(cells))
    return "| " + " | ".join(shown) + " |"


def _code_block(lines: list[str]) -> str:
    # Raw HTML that no Markdown reads: the code's characters as typed, fences dropped.
    fence = _FENCE.match(lines[0])
    body = lines[1:] if fence else lines
    if fence and body and body[-1].strip().startswith(fence.group(1)):
        body = body[:-1]
    indent = len(fence.group(0)) - len(fence.group(1)) if fence else 0
    body = [line[min(indent, len(line) - len(line.lstrip(" "))) :] for line in body]
    code = markup.html_text("\n".join(body), lines=True)
    return f'<pre class="cn-verbatim"><code>{code}</code></pre>'


def course_intro(intro: Sequence[Note]) -> str:
    """The lines between the course's title and its first week, as paragraphs."""
    return "\n\n".join(
        verbatim(note) if isinstance(note, Verbatim) else paragraph(note.text) for note in intro
    )


def untitled(lang: Language = ENGLISH) -> str:
    """The home page's title when the notes have no title line."""
    return lang.gettext("Course notes")


def render_home(
    course: Course,
    links: Sequence[tuple[str, str]] = (),
    marks: Mapping[int, str] | None = None,
    panels: Sequence[str] = (),
    lang: Language = ENGLISH,
) -> str:
    """A home page for a site without one: title, intro, progress, weeks, then ``links``.

    ``links`` are (text, page) pairs of the other generated pages (readings, FAQ); ``marks``
    the weeks' "behind" badges, as for ``weeks_table``; ``panels`` Markdown blocks shown
    under the progress bar (the "now" panel, the calendar, the burn-up chart).
    """
    title = course.title or untitled(lang)
    progress = course.progress
    summary = lang.ngettext(
        "{done} across {count} week.",
        "{done} across {count} weeks.",
        len(course.weeks),
        done=done_percent(progress, lang),
    )
    blocks = [
        front_matter(title=title, description=f"{title}: {summary}", render_macros=False),
        _heading_block(1, title),
    ]
    if course.intro:
        blocks.append(course_intro(course.intro))
    blocks += [f"**{summary}**", progress_bar(progress, lang=lang), *panels]
    if course.weeks:
        blocks += [
            f"## {markup.markdown_inline(course.units_name)}",
            weeks_table(course, marks=marks, lang=lang),
        ]
    if course.videos:
        blocks.append(videos_line(course.video_time, lang))
    if links:
        blocks.append(" · ".join(f"[{text}]({path})" for text, path in links))
    return "\n\n".join(blocks) + "\n"


def no_weeks(lang: Language = ENGLISH) -> str:
    """What the weeks table says when the notes have no weeks."""
    return lang.gettext(
        "No weeks found in the notes yet: `course-notes check` says how the file was read, "
        "and which line in `mkdocs.yml` names your units."
    )


def weeks_table(
    course: Course,
    base: str = "",
    marks: Mapping[int, str] | None = None,
    lang: Language = ENGLISH,
) -> str:
    """A Markdown table of the weeks with their progress bars and links.

    ``marks`` gives HTML to show after a week's name (its "behind" badge), by week number.
    In a ``cn-weeks`` block: on a phone the stylesheet shows each row as a card, so that no
    column (the video time last) is off the screen.
    """
    if not course.weeks:
        # A table of no rows would show as a lone header: say what to do instead.
        return no_weeks(lang)
    videos = any(week.videos for week in course.weeks)
    columns = [
        markup.markdown_inline(course.unit_word),
        markup.markdown_inline(lang.pgettext("column", "Done")),
        markup.markdown_inline(lang.pgettext("column", "Progress")),
    ]
    if videos:
        columns.append(markup.markdown_inline(lang.pgettext("column", "Videos")))
    rows = [
        "| " + " | ".join(columns) + " |",
        "| :--- | ---: | :--- | :--- |" if videos else "| :--- | ---: | :--- |",
    ]
    for week in course.weeks:
        name = markup.markdown_inline(week.name, link_text=True)
        bar = progress_bar(week.progress, lang=lang)
        mark = f" {marks[week.number]}" if marks and week.number in marks else ""
        row = f"| [{name}]({base}{paths.week_page(week)}){mark} | {week.progress} | {bar} |"
        if videos:
            row += f" {video_time(week.video_time, lang) if week.videos else '–'} |"
        rows.append(row)
    table = "\n".join(rows)
    return f'<div class="cn-weeks" markdown>\n\n{table}\n\n</div>'


def _week_links(weeks: list[Week], general: bool, base: str, lang: Language) -> str:
    links = [f"[{general_title(lang)}]({base}{paths.GENERAL})"] if general else []
    links += [f"[{week.label}]({base}{paths.week_page(week)})" for week in weeks]
    return ", ".join(links)


def _reading_name(reading: CourseReading, lang: Language = ENGLISH) -> str:
    if reading.reference:
        return citation_link(reading.reference)
    if not reading.title:
        # "ch 4", "read 7.1": parts of the course's book, which the notes never name.
        unnamed = lang.gettext("The course book (not named in the notes)")
        return f"*{markup.markdown_inert(unnamed)}*"
    return inline(reading.title)


def reading_list_markdown(
    reading_list: ReadingList, base: str = "", lang: Language = ENGLISH
) -> str:
    """The reading list as a task list: each reading with its weeks, then its sections."""
    if not reading_list.readings:
        return nothing_listed(lang)
    lines = []
    for reading in reading_list:
        line = f"- {task_box(reading.done)} {_reading_name(reading, lang)}"
        line += f" · {_week_links(reading.weeks, reading.general, base, lang)}"
        if reading.sections:
            progress = reading.section_progress
            line += " · " + lang.ngettext(
                "{progress} section read",
                "{progress} sections read",
                progress.total,
                progress=progress,
            )
        lines.append(line)
        for section in reading.sections:
            box = task_box(section.done)
            weeks = _week_links(section.weeks, section.general, base, lang)
            lines.append(f"    - {box} {section.part.name} · {weeks}")
    return "\n".join(lines)


def readings_done(reading_list: ReadingList, lang: Language = ENGLISH) -> str:
    """``0/10 readings done``."""
    progress = reading_list.progress
    return lang.ngettext(
        "{progress} reading done", "{progress} readings done", progress.total, progress=progress
    )


def readings_summary(reading_list: ReadingList, lang: Language = ENGLISH) -> str:
    """``0/10 readings done, 0/16 book sections read.``"""
    summary = readings_done(reading_list, lang)
    sections = reading_list.section_progress
    if sections.total:
        summary += lang.ngettext(
            ", {progress} book section read",
            ", {progress} book sections read",
            sections.total,
            progress=sections,
        )
    return summary + "."


def readings_title(lang: Language = ENGLISH) -> str:
    """The name of the reading list's page."""
    return lang.pgettext("page", "Readings")


def render_readings(reading_list: ReadingList, lang: Language = ENGLISH) -> str:
    """The course reading list page: progress at the top, then every distinct reading."""
    title = readings_title(lang)
    row = [badge(lang.pgettext("badge", "Readings"), reading_list.progress, lang)]
    if reading_list.section_progress.total:
        row.append(
            badge(lang.pgettext("badge", "Book sections"), reading_list.section_progress, lang)
        )
    percent = reading_list.progress.percent
    blocks = [
        front_matter(
            title=title,
            description=lang.gettext(
                "The course reading list: {summary}",
                summary=readings_summary(reading_list, lang),
            ),
            render_macros=False,
        ),
        f"# {markup.markdown_inline(title)}",
        badge_row(row),
        progress_bar(
            reading_list.progress, f"{readings_done(reading_list, lang)} ({percent}%)", lang
        ),
        reading_list_markdown(reading_list, lang=lang),
    ]
    return "\n\n".join(blocks) + "\n"
