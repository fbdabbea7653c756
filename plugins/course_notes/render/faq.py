"""The FAQ page: the Thoughts' entries as Markdown, with topics, answers and the list to send."""

from __future__ import annotations

import hashlib
import posixpath
import re
from urllib.parse import quote

from ..model import ProgressState, Question, QuestionList, QuestionStatus, Topic, paths
from ..model.inline import visible
from ..model.questions import Remark
from ..model.text import slugify
from . import escape as markup
from . import exports
from .pages import badge_row, front_matter, heading, inline, paragraph

STATUS_BADGES = {
    QuestionStatus.OPEN: (ProgressState.NONE, ":material-help-circle-outline:", "Open"),
    QuestionStatus.ASKED: (ProgressState.PARTIAL, ":material-email-check-outline:", "Asked"),
    QuestionStatus.ANSWERED: (ProgressState.COMPLETE, ":material-check-circle:", "Answered"),
}
# The longest mailto: link offered, in characters once encoded. RFC 6068 sets no limit, but
# what hands the link to a mail program does: Internet Explorer and the Windows shell stop at
# 2,083 (INTERNET_MAX_URL_LENGTH, Microsoft KB 208427), and Chrome was seen to drop mailto:
# links past about 2,000 (Stack Overflow, "Effective maximum mailto: body lengths"). A longer
# list is offered to copy instead.
MAILTO_LIMIT = 2_000


def _count(count: int, singular: str, plural: str = "") -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _lines_as_paragraph(text: str, indent: str = "") -> str:
    # Line by line, so that no line of the writer's starts a block inside the paragraph.
    paragraphs = markup.markdown_paragraphs(text.split("\n"))
    return f"\n\n{indent}".join(indent + f"\n{indent}".join(lines) for lines in paragraphs)


def _paragraphs(text: str, indent: str = "") -> str:
    parts = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(_lines_as_paragraph(part, indent) for part in parts if part.strip())


def describe_questions(faq: QuestionList) -> str:
    """``19 entries, 19 open, 0 answered`` (and ``, 2 asked`` when some are)."""
    if not faq:
        return "no entries yet"
    entries = _count(len(faq), "entry", "entries")
    asked = f", {len(faq.asked)} asked" if faq.asked else ""
    return f"{entries}, {len(faq.open)} open{asked}, {len(faq.answered)} answered"


def _link_text(text: str) -> str:
    return markup.markdown_inline(" ".join(text.split()), link_text=True)


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


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068): every character that could end or change it encoded.

    The address comes from the site's config, trusted, but is encoded all the same: no quote,
    bracket or brace in it can leave the link or spell a template tag.
    """
    to = quote(address.strip(), safe="@,+")
    # Line ends as CRLF, as RFC 6068 asks of a body.
    lines = quote(body.replace("\n", "\r\n"), safe="")
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={lines}"


def email_subject(course_title: str) -> str:
    """``Questions: COMP3121 Algorithms``, or ``Questions for the lecturer`` with no title."""
    title = " ".join(visible(course_title).split())
    return f"Questions: {title}" if title else "Questions for the lecturer"


def _email(faq: QuestionList, course_title: str, lecturer_email: str) -> str:
    link = mailto(lecturer_email, email_subject(course_title), exports.as_text(faq.open))
    if len(link) > MAILTO_LIMIT:
        return (
            f"The list is too long for an email link (over {MAILTO_LIMIT:,} characters, what "
            "mail programs take): copy it below and paste it into an email."
        )
    # "&" as "&amp;": Markdown keeps a link's address as written, entities included.
    return (
        f"[:material-email-outline: Email the open questions]({link.replace('&', '&amp;')})"
        "{ .md-button .cn-email }"
    )


def _share(faq: QuestionList, course_title: str = "", lecturer_email: str = "") -> str:
    # Raw HTML, the writer's text escaped, rather than a fenced block: a fence keeps its text
    # as written, "{{" included, and the page must hold none. The markup is what
    # pymdownx.superfences writes for ``` { .text .copy }, so Material adds its copy button.
    text = markup.html_text(exports.as_text(faq.open).rstrip("\n"), lines=True)
    icons = (":material-language-markdown:", ":material-file-document-outline:")
    buttons = " ".join(
        f"[{icon} {posixpath.basename(path)}]({path}){{ .md-button }}"
        for icon, path in zip(icons, paths.FAQ_DOWNLOADS, strict=True)
    )
    email = f"{_email(faq, course_title, lecturer_email)}\n\n" if faq.open else ""
    return (
        '<div class="cn-faq-share" markdown>\n\n'
        f"Share the {_count(len(faq.open), 'open entry', 'open entries')} "
        f"with the lecturer: {buttons}\n\n{email}"
        '<details class="note">\n<summary>The plain-text list, to copy</summary>\n'
        f'<div class="copy highlight"><pre><span></span><code>{text}\n</code></pre></div>\n'
        "</details>\n\n</div>"
    )


def _status_badge(entry: Question) -> str:
    state, icon, word = STATUS_BADGES[entry.status]
    status = entry.status.value
    if entry.status is QuestionStatus.ASKED and entry.asked:
        # The date as written: escaped for the attribute and for the badge's Markdown.
        status += f" {markup.html_attribute(entry.asked)}"
        word += f" {inline(' '.join(entry.asked.split()))}"
    return (
        f'<span class="cn-badge cn-badge--{state.value}" title="Status: {status}">'
        f"{icon} {word}</span>"
    )


def render_question(entry: Question, topics: dict[str, Topic], level: int = 2) -> str:
    """One entry: heading (its id as anchor), badges, text, context and answer."""
    badges = [_status_badge(entry)]
    for name in entry.topics:
        slug = topics[name].slug if name in topics else NO_TOPIC[1]
        badges.append(f"[{_link_text(name)}](#{slug}){{ .cn-topic }}")
    blocks = [
        # "{ #id }", not "{#id}": a template engine reads "{#" as a comment.
        f"{'#' * level} {heading(entry.title)} {{ #{entry.id} }}",
        badge_row(badges),
    ]
    if not entry.title_only:
        # A short entry is its title: shown once, not twice.
        blocks.append(_lines_as_paragraph(entry.text))
    if entry.context:
        count = _count(len(entry.context), "paragraph")
        body = "\n\n".join(_paragraphs(part, "    ") for part in entry.context)
        blocks.append(f'??? quote cn-context "Context ({count})"\n\n{body}')
    if entry.answer is not None:
        body = _paragraphs(entry.answer, "    ") or "    (no text)"
        blocks.append(f'!!! success cn-answer "Answer"\n\n{body}')
    inner = "\n\n".join(blocks)
    return f'<div class="cn-question" markdown>\n\n{inner}\n\n</div>'


def group_anchor(name: str, taken: set[str]) -> str:
    """A group's anchor on the FAQ page, ``group-questions-for-ta``, not one of ``taken``."""
    words = slugify(name, 8) or hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    anchor, count = f"group-{words}", 2
    while anchor in taken:
        anchor, count = f"group-{words}-{count}", count + 1
    taken.add(anchor)
    return anchor


def _entries(faq: QuestionList) -> list[str]:
    # Entries before any heading at level 2; each group a level-2 heading, its entries under
    # (a heading with none still shows: nothing written is lost).
    by_name = {topic.name: topic for topic in faq.topics}
    taken: set[str] = set()
    blocks: list[str] = []
    for part in faq.in_order():
        if isinstance(part, Question):
            blocks.append(render_question(part, by_name, 3 if part.group else 2))
        elif isinstance(part, Remark):
            blocks.append(paragraph(part.text))
        else:
            blocks.append(f"## {heading(part.text)} {{ #{group_anchor(part.text, taken)} }}")
    return blocks


def render_faq(faq: QuestionList, course_title: str = "", lecturer_email: str = "") -> str:
    """The FAQ page: counts, sharing, the index by topic, then every entry of the Thoughts.

    The email link's subject names the course; ``lecturer_email`` is its address.
    """
    head = front_matter(
        title="FAQ",
        description=f"Questions for the lecturer: {describe_questions(faq)}.",
        render_macros=False,
    )
    blocks = [head, "# FAQ"]
    if not faq:
        blocks.append(
            "Questions for the lecturer go under a heading or line that names them in the "
            "notes (`## Questions`, `Thoughts:`, `❓`); none yet."
        )
        return "\n\n".join(blocks + _entries(faq)) + "\n"
    asking = len(faq.asking)
    # The course's name in the text, not only in the site's header: a printed FAQ (which
    # has no header) still says which course it asks about.
    course = f" on *{inline(course_title)}*" if course_title.strip() else ""
    blocks.append(
        f"Questions for the lecturer{course}, from the notes: "
        f"**{describe_questions(faq)}** ({'all' if asking == len(faq) else asking} "
        "ask a question).\n{: .cn-faq-counts }"
    )
    blocks.append(_share(faq, course_title, lecturer_email))
    if faq.topics:
        # No topics configured: no badges, and no index of them ("No topic 19").
        blocks.append(_topic_index(faq))
    blocks += _entries(faq)
    return "\n\n".join(blocks) + "\n"
