"""The course model to Markdown pages: pure functions, the same for the site and export."""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence

from . import questions, readings
from .model import (
    Course,
    Item,
    Note,
    Progress,
    Question,
    QuestionList,
    Reading,
    Section,
    SectionKind,
    Topic,
    Video,
    VideoTime,
    Week,
    format_duration,
)
from .readings import CourseReading, ReadingList, Reference, References

STATE_ICONS = {
    "complete": ":material-check-circle:",
    "partial": ":material-circle-half-full:",
    "none": ":material-circle-outline:",
    "empty": ":material-minus-circle-outline:",
}
STATE_WORDS = {
    "complete": "all done",
    "partial": "in progress",
    "none": "not started",
    "empty": "nothing listed",
}

# Code spans keep their text as written; autolinks stay links. A span opens and closes
# with whole runs of equal length, as in Markdown; matching partial runs backtracked for
# seconds on a line of a few thousand backticks.
_KEEP = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)|<https?://[^\s<>]+>")
# Python-Markdown looks for the end of a link from every "[": on a line of thousands of
# them that takes seconds. Past this many, they are escaped and shown as plain brackets.
MAX_LINK_BRACKETS = 64
# What inline() may change or keep whole; text with none of them is returned as it is.
_ESCAPED_OR_KEPT = re.compile(r"[<`\[{}]")
# What would start a block at a line's start: heading, quote, list, table, admonition,
# fence, or a line of -, =, * or _ (a setext underline or a rule under the line before).
_BLOCK_START = re.compile(
    r"^(#|>|[-+*=](?:\s|$)|\d+[.)](?:\s|$)|\||:::|\?\?\?|!!!|```|~~~|[-=*_][-=*_ \t]*$)"
)


# Control characters as their visible Unicode pictures (U+2400 block): Python-Markdown
# deletes STX and ETX, and browsers show the others as nothing at all.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {0x7F: 0x2421}
# The YAML reader refuses these even inside quotes; JSON leaves them unescaped.
_YAML_UNSAFE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")


def visible(text: str) -> str:
    """Text with control characters shown as symbols (NUL as ␀), nothing else changed."""
    return text.translate(_CONTROL_PICTURES) if not text.isprintable() else text


def inline(text: str) -> str:
    """User text as inline Markdown: raw HTML shown literally, links and emphasis kept."""
    text = visible(text)
    # Most text has nothing to escape or keep: a week page of a big file has thousands.
    if _ESCAPED_OR_KEPT.search(text) is None:
        return text
    out: list[str] = []
    position = 0
    many_brackets = text.count("[") > MAX_LINK_BRACKETS
    for kept in _KEEP.finditer(text):
        out.append(_escape_html(text[position : kept.start()], many_brackets))
        out.append(kept.group(0))
        position = kept.end()
    out.append(_escape_html(text[position:], many_brackets))
    return "".join(out)


def _escape_html(text: str, brackets: bool = False) -> str:
    # Only "<" opens raw HTML. "&" is left alone so that links with query strings
    # keep working (Python-Markdown escapes it in the output itself). Braces are
    # backslash-escaped so attr_list never reads "{: .x}" or "{{ x }}" as attributes
    # (Python-Markdown unescapes them, in link addresses too).
    text = text.replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")
    return text.replace("[", "\\[") if brackets else text


def paragraph(text: str) -> str:
    """User text as a paragraph of its own, never read as a heading, list or quote."""
    text = inline(text.strip())
    # A character reference rather than a backslash: Markdown has no backslash escape
    # for "=" or "?", and "\\???" would show its backslash.
    return f"&#{ord(text[0])};{text[1:]}" if _BLOCK_START.match(text) else text


def heading(text: str) -> str:
    """User text for a heading line: as ``inline``, a trailing ``#`` kept as text."""
    text = inline(" ".join(text.split()))
    # Python-Markdown drops closing hashes of a heading ("C#" would lose its "#").
    return text[:-1] + "\\#" if text.endswith("#") else text


def front_matter(**fields: str | bool) -> str:
    """YAML front matter; values are JSON strings, which YAML reads as they are."""
    lines = [f"{key}: {_yaml_value(value)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _yaml_value(value: str | bool) -> str:
    if isinstance(value, str):
        # Themes put the title and description into the HTML unescaped (<title>, the
        # header, a meta attribute): escaped here, a "<b>" in a week title shows as typed.
        value = html.escape(visible(value))
    # Not ensure_ascii: YAML reads a JSON \ud83d\ude80 pair as two lone surrogates,
    # fails, and the page loses its front matter (an emoji in a week title did that).
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def badge(label: str, progress: Progress) -> str:
    """A progress badge: icon, label and figures, with the state in words for screen readers."""
    state = progress.state
    return (
        f'<span class="cn-badge cn-badge--{state}" '
        f'title="{html.escape(label)}: {progress.done} of {progress.total} done, '
        f'{STATE_WORDS[state]}">{STATE_ICONS[state]} {inline(label)} {progress}</span>'
    )


def progress_bar(progress: Progress, label: str | None = None) -> str:
    """A ``pymdownx.progressbar`` bar for some progress."""
    text = label or f"{progress} done ({progress.percent}%)"
    return f'[={progress.percent}% "{text}"]{{: .cn-progress .cn-progress--{progress.state} }}'


def video_time(time: VideoTime) -> str:
    """``2h 20m 44s watched of 2h 20m 44s (1 unknown)``."""
    line = f"{format_duration(time.watched)} watched of {format_duration(time.total)}"
    if time.unknown:
        line += f" ({time.unknown} unknown)"
    return line


def citation_link(reference: Reference) -> str:
    """A reference's citation, linked to its url when it has one."""
    # Brackets in the citation would end the link text early.
    text = inline(reference.citation).replace("[", "\\[").replace("]", "\\]")
    if not reference.url:
        return text
    return f"[{text}]({reference.url.replace('(', '%28').replace(')', '%29')})"


def reading_text(reading: Reading, references: References) -> str:
    """A reading as a week lists it: its citation when known, then the words as written."""
    reference = references.find(readings.split_sections(reading.text)[0])
    if reference is None:
        return inline(reading.text)
    # The words as written stay on the page: nothing the user wrote is lost.
    return (
        f"{citation_link(reference)} "
        f'<span class="cn-written" title="As written in the notes">{inline(reading.text)}</span>'
    )


def _item_line(item: Item, references: References) -> str:
    box = "[x]" if item.done else "[ ]"
    text = reading_text(item, references) if isinstance(item, Reading) else inline(item.text)
    if isinstance(item, Video):
        if item.duration is None:
            text += ' <span class="cn-duration cn-duration--unknown">duration unknown</span>'
        else:
            text += f' <span class="cn-duration">{_clock(item.duration)}</span>'
    return f"- {box} {text}"


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def render_section(section: Section, level: int = 2, references: References | None = None) -> str:
    """One section: heading, video time for videos, then its items as a task list."""
    known = references or References()
    blocks = [f"{'#' * level} {heading(section.heading)}"]
    if section.kind is SectionKind.VIDEOS and section.videos:
        blocks.append(f'<p class="cn-video-time">{video_time(VideoTime.of(section.videos))}</p>')
    if not section.items:
        blocks.append('<p class="cn-empty">Nothing listed yet.</p>')
    run: list[str] = []
    for entry in section.entries:
        if isinstance(entry, Note):
            if run:
                blocks.append("\n".join(run))
                run = []
            blocks.append(paragraph(entry.text))
        else:
            run.append(_item_line(entry, known))
    if run:
        blocks.append("\n".join(run))
    return "\n\n".join(blocks)


# Badges per paragraph of the row. Python-Markdown copies a paragraph's whole text at each
# icon and tag it finds in it, so one paragraph of n badges costs n² (a week of 20,000
# sections spent 11 of its 28 s there); a week with more sections gets more paragraphs.
BADGES_PER_ROW = 50


def badges(week: Week) -> str:
    """The row of badges: one per section, then the week's total."""
    row = [badge(section.label, section.progress) for section in week.sections]
    row.append(badge("Week", week.progress))
    # A Markdown paragraph, not a raw <p>, so the icon shortcodes in it are rendered.
    return "\n\n".join(
        "\n".join(row[start : start + BADGES_PER_ROW]) + "\n{: .cn-badges }"
        for start in range(0, len(row), BADGES_PER_ROW)
    )


def describe(week: Week) -> str:
    """A one-sentence summary of a week, for the page's meta description."""
    parts = ", ".join(f"{section.label} {section.progress}" for section in week.sections)
    summary = f"{week.name}: {week.progress} done ({week.progress.percent}%)"
    return f"{summary}. {parts}." if parts else f"{summary}."


def render_week(week: Week, references: References | None = None) -> str:
    """The page of one week."""
    blocks = [
        front_matter(title=week.name, description=describe(week), render_macros=False),
        f"# {heading(week.name)}",
        badges(week),
        progress_bar(week.progress),
    ]
    if week.videos:
        blocks.append(f'<p class="cn-video-time">Videos: {video_time(week.video_time)}</p>')
    blocks.extend(render_section(section, references=references) for section in week.sections)
    if not week.sections:
        blocks.append('<p class="cn-empty">Nothing listed yet.</p>')
    return "\n\n".join(blocks) + "\n"


def render_general(sections: Iterable[Section], references: References | None = None) -> str:
    """The page for sections written before the first week."""
    body = "\n\n".join(render_section(section, references=references) for section in sections)
    head = front_matter(
        title="General",
        description="Notes written before the first week.",
        render_macros=False,
    )
    return f"{head}\n# General\n\n{body}\n"


FAQ_DOWNLOADS = ("faq/questions.md", "faq/questions.txt")
STATUS_BADGES = {
    "open": ("none", ":material-help-circle-outline:", "Open"),
    "answered": ("complete", ":material-check-circle:", "Answered"),
}


def _count(count: int, singular: str, plural: str = "") -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _lines_as_paragraph(text: str, indent: str = "") -> str:
    # Line by line, so that no line of the writer's starts a block inside the paragraph.
    return "\n".join(indent + paragraph(line) for line in text.split("\n") if line.strip())


def _paragraphs(text: str, indent: str = "") -> str:
    parts = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(_lines_as_paragraph(part, indent) for part in parts if part.strip())


def describe_questions(faq: QuestionList) -> str:
    """``19 entries, 19 open, 0 answered``."""
    if not faq:
        return "no entries yet"
    entries = _count(len(faq), "entry", "entries")
    return f"{entries}, {len(faq.open)} open, {len(faq.answered)} answered"


def _link_text(text: str) -> str:
    return heading(text).replace("[", "\\[").replace("]", "\\]")


NO_TOPIC = ("No topic", "topic--none")  # "--" never comes out of a topic's own slug


def _topic_groups(faq: QuestionList) -> list[tuple[str, str, list[Question]]]:
    groups = [(topic.name, topic.slug, faq.on(topic)) for topic in faq.topics]
    groups.append((*NO_TOPIC, faq.without_topic))
    return [group for group in groups if group[2]]


def _topic_index(faq: QuestionList) -> str:
    # A row of topics at the top, each linking to its list of entries below; the lists
    # sit in a closed block, which Material opens when a link leads into it.
    groups = _topic_groups(faq)
    row = "\n".join(
        f"[{_link_text(name)} {len(entries)}](#{slug}){{ .cn-topic }}"
        for name, slug, entries in groups
    )
    lists = []
    for name, slug, entries in groups:
        links = "\n".join(f"    - [{_link_text(e.title)}](#{e.id})" for e in entries)
        lists.append(f"    **{inline(name)}** ({len(entries)})\n    {{: #{slug} }}\n\n{links}")
    return (
        f"Topics:\n{row}\n{{: .cn-badges .cn-faq-topics }}\n\n"
        '??? abstract cn-faq-topics "Questions by topic"\n\n' + "\n\n".join(lists)
    )


def _share(faq: QuestionList) -> str:
    text = questions.as_text(faq.open)
    # A fence longer than any run of backticks in the text, so none of it can close it.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    block = "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n"))
    icons = (":material-language-markdown:", ":material-file-document-outline:")
    buttons = " ".join(
        f"[{icon} {posixpath.basename(path)}]({path}){{ .md-button }}"
        for icon, path in zip(icons, FAQ_DOWNLOADS, strict=True)
    )
    return (
        '<div class="cn-faq-share" markdown>\n\n'
        f"Share the {_count(len(faq.open), 'open entry', 'open entries')} "
        f"with the lecturer: {buttons}\n\n"
        '??? note "The plain-text list, to copy"\n\n'
        f"    {fence} {{ .text .copy }}\n{block}\n    {fence}\n\n"
        "</div>"
    )


def _status_badge(entry: Question) -> str:
    state, icon, word = STATUS_BADGES[entry.status]
    return (
        f'<span class="cn-badge cn-badge--{state}" title="Status: {entry.status}">'
        f"{icon} {word}</span>"
    )


def render_question(entry: Question, topics: dict[str, Topic]) -> str:
    """One entry: heading (its id as anchor), badges, text, context and answer."""
    badges = [_status_badge(entry)]
    for name in entry.topics:
        slug = topics[name].slug if name in topics else NO_TOPIC[1]
        badges.append(f"[{_link_text(name)}](#{slug}){{ .cn-topic }}")
    blocks = [
        f"## {heading(entry.title)} {{#{entry.id}}}",
        "\n".join(badges) + "\n{: .cn-badges }",
        _lines_as_paragraph(entry.text),
    ]
    if entry.context:
        count = _count(len(entry.context), "paragraph")
        body = "\n\n".join(_paragraphs(part, "    ") for part in entry.context)
        blocks.append(f'??? quote cn-context "Context ({count})"\n\n{body}')
    if entry.answer is not None:
        body = _paragraphs(entry.answer, "    ") or "    (no text)"
        blocks.append(f'!!! success cn-answer "Answer"\n\n{body}')
    inner = "\n\n".join(blocks)
    return f'<div class="cn-question" markdown>\n\n{inner}\n\n</div>'


def render_faq(faq: QuestionList) -> str:
    """The FAQ page: counts, sharing, the index by topic, then every entry of the Thoughts."""
    head = front_matter(
        title="FAQ",
        description=f"Questions for the lecturer: {describe_questions(faq)}.",
        render_macros=False,
    )
    blocks = [head, "# FAQ"]
    if not faq:
        blocks.append("Questions for the lecturer go under `# Thoughts` in the notes; none yet.")
        return "\n\n".join(blocks) + "\n"
    asking = len(faq.asking)
    blocks.append(
        "Questions for the lecturer, from the Thoughts in the notes: "
        f"**{describe_questions(faq)}** ({'all' if asking == len(faq) else asking} "
        "ask a question).\n{: .cn-faq-counts }"
    )
    blocks += [_share(faq), _topic_index(faq)]
    by_name = {topic.name: topic for topic in faq.topics}
    blocks += [render_question(entry, by_name) for entry in faq]
    return "\n\n".join(blocks) + "\n"


def render_downloads(course: Course, topics: Sequence[Topic] = ()) -> dict[str, str]:
    """Files the FAQ links to, served as they are: the open questions as Markdown and text."""
    if not course.thoughts_line:
        return {}
    open_entries = questions.read_questions(course.thoughts, topics).open
    markdown, text = FAQ_DOWNLOADS
    return {markdown: questions.as_markdown(open_entries), text: questions.as_text(open_entries)}


def weeks_table(course: Course, base: str = "") -> str:
    """A Markdown table of the weeks with their progress bars and links."""
    rows = [
        "| Week | Done | Progress | Videos |",
        "| :--- | ---: | :--- | :--- |",
    ]
    for week in course.weeks:
        name = inline(week.name).replace("|", "\\|")
        bar = progress_bar(week.progress)
        time = video_time(week.video_time) if week.videos else "–"
        rows.append(f"| [{name}]({base}{week.slug}.md) | {week.progress} | {bar} | {time} |")
    return "\n".join(rows)


def _week_links(weeks: list[Week], general: bool, base: str) -> str:
    links = [f"[General]({base}general.md)"] if general else []
    links += [f"[Week {week.number}]({base}{page_path(week)})" for week in weeks]
    return ", ".join(links)


def _reading_name(reading: CourseReading) -> str:
    return citation_link(reading.reference) if reading.reference else inline(reading.title)


def reading_list_markdown(reading_list: ReadingList, base: str = "") -> str:
    """The reading list as a task list: each reading with its weeks, then its sections."""
    if not reading_list.readings:
        return '<p class="cn-empty">Nothing listed yet.</p>'
    lines = []
    for reading in reading_list:
        line = f"- {'[x]' if reading.done else '[ ]'} {_reading_name(reading)}"
        line += f" · {_week_links(reading.weeks, reading.general, base)}"
        if reading.sections:
            line += f" · {reading.section_progress} sections read"
        lines.append(line)
        for section in reading.sections:
            box = "[x]" if section.done else "[ ]"
            weeks = _week_links(section.weeks, section.general, base)
            lines.append(f"    - {box} {section.number.name} · {weeks}")
    return "\n".join(lines)


def readings_summary(reading_list: ReadingList) -> str:
    """``0/10 readings done, 0/16 book sections read.``"""
    summary = f"{reading_list.progress} readings done"
    if reading_list.section_progress.total:
        summary += f", {reading_list.section_progress} book sections read"
    return summary + "."


def render_readings(reading_list: ReadingList) -> str:
    """The course reading list page: progress at the top, then every distinct reading."""
    row = [badge("Readings", reading_list.progress)]
    if reading_list.section_progress.total:
        row.append(badge("Book sections", reading_list.section_progress))
    blocks = [
        front_matter(
            title="Readings",
            description=f"The course reading list: {readings_summary(reading_list)}",
            render_macros=False,
        ),
        "# Readings",
        "\n".join(row) + "\n{: .cn-badges }",
        progress_bar(
            reading_list.progress,
            f"{reading_list.progress} readings done ({reading_list.progress.percent}%)",
        ),
        reading_list_markdown(reading_list),
    ]
    return "\n\n".join(blocks) + "\n"


def page_path(week: Week) -> str:
    """Where a week's page lives in the docs: ``week-3.md``."""
    return f"{week.slug}.md"


def render_pages(
    course: Course,
    references: References | None = None,
    topics: Sequence[Topic] = (),
    *,
    reading_list: ReadingList | None = None,
) -> dict[str, str]:
    """Every generated page of the site, by its path in the docs folder, in nav order.

    ``reading_list``, when the caller has it already, saves making it again.
    """
    pages = {page_path(week): render_week(week, references) for week in course.weeks}
    if readings.has_readings(course):
        known = reading_list or readings.reading_list(course, references)
        pages["readings.md"] = render_readings(known)
    if course.general:
        pages["general.md"] = render_general(course.general, references)
    if course.thoughts_line:
        pages["faq.md"] = render_faq(questions.read_questions(course.thoughts, topics))
    return pages


def page_titles(course: Course) -> dict[str, str]:
    """The nav title of every generated page, by its path."""
    titles = {page_path(week): week.name for week in course.weeks}
    if readings.has_readings(course):
        titles["readings.md"] = "Readings"
    if course.general:
        titles["general.md"] = "General"
    if course.thoughts_line:
        titles["faq.md"] = "FAQ"
    return titles
