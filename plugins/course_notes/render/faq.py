"""The FAQ page: the Thoughts' entries as Markdown, with topics, answers and the list to send."""

from __future__ import annotations

import hashlib
import posixpath
import re
from urllib.parse import quote

from ..i18n import ENGLISH, Language
from ..model import ProgressState, Question, QuestionList, QuestionStatus, Topic, paths
from ..model.inline import visible
from ..model.questions import Remark
from ..model.text import slugify
from . import escape as markup
from . import exports
from .pages import badge_row, front_matter, heading, inline, paragraph

STATUS_BADGES = {
    QuestionStatus.OPEN: (ProgressState.NONE, ":material-help-circle-outline:"),
    QuestionStatus.ASKED: (ProgressState.PARTIAL, ":material-email-check-outline:"),
    QuestionStatus.ANSWERED: (ProgressState.COMPLETE, ":material-check-circle:"),
}


def status_word(status: QuestionStatus, lang: Language = ENGLISH) -> str:
    """A question's status as its badge says it: ``Open``, ``Asked``, ``Answered``."""
    words = {
        QuestionStatus.OPEN: lang.pgettext("question", "Open"),
        QuestionStatus.ASKED: lang.pgettext("question", "Asked"),
        QuestionStatus.ANSWERED: lang.pgettext("question", "Answered"),
    }
    return words[status]


# The longest mailto: link offered, in characters once encoded. RFC 6068 sets no limit, but
# what hands the link to a mail program does: Internet Explorer and the Windows shell stop at
# 2,083 (INTERNET_MAX_URL_LENGTH, Microsoft KB 208427), and Chrome was seen to drop mailto:
# links past about 2,000 (Stack Overflow, "Effective maximum mailto: body lengths"). A longer
# list is offered to copy instead.
MAILTO_LIMIT = 2_000


def _lines_as_paragraph(text: str, indent: str = "") -> str:
    # Line by line, so that no line of the writer's starts a block inside the paragraph.
    paragraphs = markup.markdown_paragraphs(text.split("\n"))
    return f"\n\n{indent}".join(indent + f"\n{indent}".join(lines) for lines in paragraphs)


def _paragraphs(text: str, indent: str = "") -> str:
    parts = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(_lines_as_paragraph(part, indent) for part in parts if part.strip())


def describe_questions(faq: QuestionList, lang: Language = ENGLISH) -> str:
    """``19 entries, 19 open, 0 answered`` (and ``, 2 asked`` when some are)."""
    if not faq:
        return lang.gettext("no entries yet")
    parts = [
        lang.ngettext("{count} entry", "{count} entries", len(faq)),
        lang.ngettext("{count} open", "{count} open", len(faq.open)),
    ]
    if faq.asked:
        parts.append(lang.ngettext("{count} asked", "{count} asked", len(faq.asked)))
    parts.append(lang.ngettext("{count} answered", "{count} answered", len(faq.answered)))
    return lang.gettext(", ").join(parts)


def _link_text(text: str) -> str:
    return markup.markdown_inline(" ".join(text.split()), link_text=True)


NO_TOPIC = "topic--none"  # "--" never comes out of a topic's own slug


def _topic_groups(faq: QuestionList, lang: Language) -> list[tuple[str, str, list[Question]]]:
    groups = [(topic.name, topic.slug, faq.on(topic)) for topic in faq.topics]
    groups.append((lang.gettext("No topic"), NO_TOPIC, faq.without_topic))
    return [group for group in groups if group[2]]


def _topic_index(faq: QuestionList, lang: Language) -> str:
    # A row of topics at the top, each linking to its list of entries below; the lists
    # sit in a closed block, which Material opens when a link leads into it.
    groups = _topic_groups(faq, lang)
    row = "\n".join(
        f"[{_link_text(name)} {len(entries)}](#{slug}){{ .cn-topic }}"
        for name, slug, entries in groups
    )
    lists = []
    for name, slug, entries in groups:
        links = "\n".join(f"    - [{_link_text(e.title)}](#{e.id})" for e in entries)
        lists.append(f"    **{inline(name)}** ({len(entries)})\n    {{: #{slug} }}\n\n{links}")
    by_topic = _admonition_title(lang.gettext("Questions by topic"))
    return (
        markup.markdown_inline(lang.gettext("Topics:")) + f"\n{row}\n"
        "{: .cn-badges .cn-faq-topics }\n\n"
        f'??? abstract cn-faq-topics "{by_topic}"\n\n' + "\n\n".join(lists)
    )


def _admonition_title(text: str) -> str:
    # An admonition's quoted title: a catalog's text, never the notes', with no quote in it.
    return markup.markdown_inline(text).replace('"', "&quot;")


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068): every character that could end or change it encoded.

    The address comes from the site's config, trusted, but is encoded all the same: no quote,
    bracket or brace in it can leave the link or spell a template tag.
    """
    to = quote(address.strip(), safe="@,+")
    # Line ends as CRLF, as RFC 6068 asks of a body.
    lines = quote(body.replace("\n", "\r\n"), safe="")
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={lines}"


def email_subject(course_title: str, lang: Language = ENGLISH) -> str:
    """``Questions: COMP3121 Algorithms``, or ``Questions for the lecturer`` with no title."""
    title = " ".join(visible(course_title).split())
    if title:
        return lang.gettext("Questions: {title}", title=title)
    return lang.gettext("Questions for the lecturer")


def _email(faq: QuestionList, course_title: str, lecturer_email: str, lang: Language) -> str:
    body = exports.as_text(faq.open, lang)
    link = mailto(lecturer_email, email_subject(course_title, lang), body)
    if len(link) > MAILTO_LIMIT:
        return markup.markdown_inline(
            lang.gettext(
                "The list is too long for an email link (over {limit} characters, what mail "
                "programs take): copy it below and paste it into an email.",
                limit=lang.number(MAILTO_LIMIT),
            )
        )
    # "&" as "&amp;": Markdown keeps a link's address as written, entities included.
    text = markup.markdown_inline(lang.gettext("Email the open questions"), link_text=True)
    return (
        f"[:material-email-outline: {text}]({link.replace('&', '&amp;')}){{ .md-button .cn-email }}"
    )


def _share(
    faq: QuestionList,
    course_title: str = "",
    lecturer_email: str = "",
    lang: Language = ENGLISH,
) -> str:
    # Raw HTML, the writer's text escaped, rather than a fenced block: a fence keeps its text
    # as written, "{{" included, and the page must hold none. The markup is what
    # pymdownx.superfences writes for ``` { .text .copy }, so Material adds its copy button.
    text = markup.html_text(exports.as_text(faq.open, lang).rstrip("\n"), lines=True)
    icons = (":material-language-markdown:", ":material-file-document-outline:")
    buttons = " ".join(
        f"[{icon} {posixpath.basename(path)}]({path}){{ .md-button }}"
        for icon, path in zip(icons, paths.FAQ_DOWNLOADS, strict=True)
    )
    email = f"{_email(faq, course_title, lecturer_email, lang)}\n\n" if faq.open else ""
    share = lang.ngettext(
        "Share the {count} open entry with the lecturer:",
        "Share the {count} open entries with the lecturer:",
        len(faq.open),
    )
    summary = markup.html_text(lang.gettext("The plain-text list, to copy"))
    return (
        '<div class="cn-faq-share" markdown>\n\n'
        f"{markup.markdown_inline(share)} {buttons}\n\n{email}"
        f'<details class="note">\n<summary>{summary}</summary>\n'
        f'<div class="copy highlight"><pre><span></span><code>{text}\n</code></pre></div>\n'
        "</details>\n\n</div>"
    )


def _status_badge(entry: Question, lang: Language) -> str:
    state, icon = STATUS_BADGES[entry.status]
    word = markup.markdown_inline(status_word(entry.status, lang))
    status = status_word(entry.status, lang)
    if entry.status is QuestionStatus.ASKED and entry.asked:
        # The date as written: escaped for the attribute and for the badge's Markdown.
        status += f" {entry.asked}"
        word += f" {inline(' '.join(entry.asked.split()))}"
    title = markup.html_attribute(lang.gettext("Status: {status}", status=status))
    return f'<span class="cn-badge cn-badge--{state.value}" title="{title}">{icon} {word}</span>'


def render_question(
    entry: Question, topics: dict[str, Topic], level: int = 2, lang: Language = ENGLISH
) -> str:
    """One entry: heading (its id as anchor), badges, text, context and answer."""
    badges = [_status_badge(entry, lang)]
    for name in entry.topics:
        slug = topics[name].slug if name in topics else NO_TOPIC
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
        title = _admonition_title(
            lang.ngettext(
                "Context ({count} paragraph)", "Context ({count} paragraphs)", len(entry.context)
            )
        )
        body = "\n\n".join(_paragraphs(part, "    ") for part in entry.context)
        blocks.append(f'??? quote cn-context "{title}"\n\n{body}')
    if entry.answer is not None:
        empty = markup.markdown_inline(lang.gettext("(no text)"))
        body = _paragraphs(entry.answer, "    ") or f"    {empty}"
        answer = _admonition_title(lang.gettext("Answer"))
        blocks.append(f'!!! success cn-answer "{answer}"\n\n{body}')
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


def _entries(faq: QuestionList, lang: Language) -> list[str]:
    # Entries before any heading at level 2; each group a level-2 heading, its entries under
    # (a heading with none still shows: nothing written is lost).
    by_name = {topic.name: topic for topic in faq.topics}
    taken: set[str] = set()
    blocks: list[str] = []
    for part in faq.in_order():
        if isinstance(part, Question):
            blocks.append(render_question(part, by_name, 3 if part.group else 2, lang))
        elif isinstance(part, Remark):
            blocks.append(paragraph(part.text))
        else:
            blocks.append(f"## {heading(part.text)} {{ #{group_anchor(part.text, taken)} }}")
    return blocks


def faq_title(lang: Language = ENGLISH) -> str:
    """The name of the questions' page."""
    return lang.pgettext("page", "FAQ")


def render_faq(
    faq: QuestionList,
    course_title: str = "",
    lecturer_email: str = "",
    lang: Language = ENGLISH,
) -> str:
    """The FAQ page: counts, sharing, the index by topic, then every entry of the Thoughts.

    The email link's subject names the course; ``lecturer_email`` is its address.
    """
    title = faq_title(lang)
    head = front_matter(
        title=title,
        description=lang.gettext(
            "Questions for the lecturer: {summary}.", summary=describe_questions(faq, lang)
        ),
        render_macros=False,
    )
    blocks = [head, f"# {markup.markdown_inline(title)}"]
    if not faq:
        blocks.append(
            lang.gettext(
                "Questions for the lecturer go under a heading or line that names them in the "
                "notes (`## Questions`, `Thoughts:`, `❓`); none yet."
            )
        )
        return "\n\n".join(blocks + _entries(faq, lang)) + "\n"
    asking = len(faq.asking)
    counts = f"**{markup.markdown_inline(describe_questions(faq, lang))}**"
    if asking == len(faq):
        asks = lang.gettext("all ask a question")
    else:
        asks = lang.ngettext("{count} asks a question", "{count} ask a question", asking)
    # The course's name in the text, not only in the site's header: a printed FAQ (which
    # has no header) still says which course it asks about.
    if course_title.strip():
        sentence = lang.gettext(
            "Questions for the lecturer on {course}, from the notes: {counts} ({asks}).",
            course="*" + inline(course_title) + "*",
            counts=counts,
            asks=markup.markdown_inline(asks),
        )
    else:
        sentence = lang.gettext(
            "Questions for the lecturer, from the notes: {counts} ({asks}).",
            counts=counts,
            asks=markup.markdown_inline(asks),
        )
    blocks.append(sentence + "\n{: .cn-faq-counts }")
    blocks.append(_share(faq, course_title, lecturer_email, lang))
    if faq.topics:
        # No topics configured: no badges, and no index of them ("No topic 19").
        blocks.append(_topic_index(faq, lang))
    blocks += _entries(faq, lang)
    return "\n\n".join(blocks) + "\n"
