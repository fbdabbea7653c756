"""The FAQ page: the Thoughts' entries as Markdown, with topics, answers and the list to send."""

from __future__ import annotations

import posixpath
import re

from . import markup, questions
from .model import ProgressState, Question, QuestionList, QuestionStatus, Topic
from .render import badge_row, front_matter, heading, inline

FAQ_DOWNLOADS = ("faq/questions.md", "faq/questions.txt")
STATUS_BADGES = {
    QuestionStatus.OPEN: (ProgressState.NONE, ":material-help-circle-outline:", "Open"),
    QuestionStatus.ANSWERED: (ProgressState.COMPLETE, ":material-check-circle:", "Answered"),
}


def _count(count: int, singular: str, plural: str = "") -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _lines_as_paragraph(text: str, indent: str = "") -> str:
    # Line by line, so that no line of the writer's starts a block inside the paragraph.
    paragraphs = markup.paragraphs(text.split("\n"))
    return f"\n\n{indent}".join(indent + f"\n{indent}".join(lines) for lines in paragraphs)


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
    return markup.inline(" ".join(text.split()), link_text=True)


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
    # Raw HTML, the writer's text escaped, rather than a fenced block: a fence keeps its text
    # as written, "{{" included, and the page must hold none. The markup is what
    # pymdownx.superfences writes for ``` { .text .copy }, so Material adds its copy button.
    text = markup.html_text(questions.as_text(faq.open).rstrip("\n"), lines=True)
    icons = (":material-language-markdown:", ":material-file-document-outline:")
    buttons = " ".join(
        f"[{icon} {posixpath.basename(path)}]({path}){{ .md-button }}"
        for icon, path in zip(icons, FAQ_DOWNLOADS, strict=True)
    )
    return (
        '<div class="cn-faq-share" markdown>\n\n'
        f"Share the {_count(len(faq.open), 'open entry', 'open entries')} "
        f"with the lecturer: {buttons}\n\n"
        '<details class="note">\n<summary>The plain-text list, to copy</summary>\n'
        f'<div class="copy highlight"><pre><span></span><code>{text}\n</code></pre></div>\n'
        "</details>\n\n</div>"
    )


def _status_badge(entry: Question) -> str:
    state, icon, word = STATUS_BADGES[entry.status]
    return (
        f'<span class="cn-badge cn-badge--{state.value}" title="Status: {entry.status.value}">'
        f"{icon} {word}</span>"
    )


def render_question(entry: Question, topics: dict[str, Topic]) -> str:
    """One entry: heading (its id as anchor), badges, text, context and answer."""
    badges = [_status_badge(entry)]
    for name in entry.topics:
        slug = topics[name].slug if name in topics else NO_TOPIC[1]
        badges.append(f"[{_link_text(name)}](#{slug}){{ .cn-topic }}")
    blocks = [
        # "{ #id }", not "{#id}": a template engine reads "{#" as a comment.
        f"## {heading(entry.title)} {{ #{entry.id} }}",
        badge_row(badges),
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
