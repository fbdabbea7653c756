"""Hostile notes and references for the safety tests: code and script payloads in every field.

Every field gets the same payloads: Jinja that touches a canary file named after the field
(so a failure says where it got through), Jinja that prints ``id`` and the environment, and
the script and link payloads of issue 9, each numbered so that an alert names its payload.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# PyYAML reads each of these as a line break, so a heading with one followed by "---" or
# "..." (what a copy from a PDF gives) ended the front matter early (issue 9).
LINE_SEPARATORS = {"u2028": "\u2028", "u2029": "\u2029", "u0085": "\x85"}
DOCUMENT_MARKERS = {"dashes": "---", "dots": "..."}

# Each tried a way past the escaping of notes text or of links (issue 9).
SCRIPT_PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "`<img src=x onerror=alert(2)>`",
    "``a`<img src=x onerror=alert(3)>`",
    "[x](javascript:alert(document.domain))",
    "[y](JaVaScRiPt:alert(4))",
    "[z](java&#115;cript:alert(5))",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)",
    "[v](vbscript:msgbox(7))",
    "[s](  javascript:alert(8) 't')",
    "[u](<javascript:alert(9)>)",
    "[w](java\tscript:alert(10))",
    "<javascript:alert(11)>",
    "<svg onload=alert(12)>",
    "<script>alert(13)</script>",
    '<a href="javascript:alert(14)">a</a>',
    "<details open ontoggle=alert(15)>",
    "x{: onclick=alert(16) }",
    "<iframe src=javascript:alert(17)>",
    "![i](x){: onerror=alert(18) }",
    "[r] and [q][r] and [p]",
    "&lt;img src=x onerror=alert(19)&gt;",
)
# Reference definitions: Markdown takes such a line for the target of [r] anywhere on the page.
REFERENCE_DEFINITIONS = (
    "[r]: javascript:alert(20)",
    "[p]: data:text/html,<script>alert(21)</script>",
)
SCRIPTS = " ".join(SCRIPT_PAYLOADS)
# Math that latex2mathml turns into raw HTML or a link, and addresses that try to leave
# their link: each must show as text or as harmless MathML.
MATH_AND_ADDRESS_PAYLOADS = (
    "$\\text{<img src=x onerror=alert(26)>}$",
    "$\\href{javascript:alert(27)}{x}$",
    "$$\\text{<script>alert(28)</script>} {{ 7 }}$$",
    'https://example.org/"onmouseover="alert(29)"',
    "https://example.org/{{7*7}}/{%20x%20%}",
)
# The plugin's lecturer_email option: config, trusted, but written into a mailto: link.
LECTURER_EMAIL = 'lecturer@example.org?cc=x"><script>alert(30)</script>{{ 7 * 7 }}&body=x'

# What the Jinja payloads would print: the output of `id`, and a variable set for the build.
ID_OUTPUT = "uid="
SECRET_NAME = "COURSE_NOTES_HOSTILE_SECRET"
SECRET = "s3cr3t-7f1c2a-never-published"


def touch(canary: Path, name: str) -> str:
    """A Jinja expression that creates the file ``canary/name`` when it is rendered."""
    return f"cycler.__init__.__globals__.os.popen(\"touch '{canary / name}'\").read()"


def jinja(canary: Path, field: str, *, code_only: bool = False) -> str:
    """Jinja in the forms that were tried, each touching ``canary/field-form`` if it runs.

    ``code_only`` keeps to code spans, whose text reaches the page as written: on a page
    that mkdocs-macros does render, the backslash-escaped forms outside code spans make a
    template syntax error and stop the whole build, which would hide which field failed.
    """
    forms = [
        f"`{{{{ {touch(canary, f'{field}-code')} }}}}`",
        f"``{{{{ {touch(canary, f'{field}-code2')} }}}}``",
        f"`{{% set _ = {touch(canary, f'{field}-code-statement')} %}}`",
        "`{{ cycler.__init__.__globals__.os.popen('id').read() }}`",
        "`{{ cycler.__init__.__globals__.os.environ }}`",
        "`{# a comment #}`",
    ]
    if not code_only:
        forms += [
            f"{{{{ {touch(canary, f'{field}-expression')} }}}}",
            f"{{% set _ = {touch(canary, f'{field}-statement')} %}}",
            "{#- a comment -#}",
        ]
    return " ".join(forms)


def payloads(canary: Path, field: str, *, code_only: bool = False) -> str:
    """Everything hostile for one field: the Jinja forms, the script, math and link payloads."""
    extra = " ".join(MATH_AND_ADDRESS_PAYLOADS)
    return f"{jinja(canary, field, code_only=code_only)} {SCRIPTS} {extra}"


def separator_weeks(canary: Path, first: int) -> list[str]:
    """One week per separator and marker with it in a section heading, one with it in the title."""
    lines: list[str] = []
    number = first
    for separator_name, separator in LINE_SEPARATORS.items():
        for marker_name, marker in DOCUMENT_MARKERS.items():
            field = f"{separator_name}-{marker_name}"
            lines += [
                f"# week {number}: pasted",
                f"## Notes{separator}{marker} pasted from a PDF",
                f"- `{{{{ {touch(canary, f'{field}-heading')} }}}}`",
                f"- {payloads(canary, f'{field}-heading-item', code_only=True)}",
                f"# week {number + 1}: Notes{separator}{marker} pasted from a PDF",
                "## exercises",
                f"- `{{{{ {touch(canary, f'{field}-title')} }}}}`",
            ]
            number += 2
    return lines


def hostile_notes(canary: Path) -> str:
    """A notes file with the payloads in every field: titles, headings, items, Thoughts."""
    lines = [
        f"## before the first week {payloads(canary, 'general-heading')}",
        f"- a general item {payloads(canary, 'general-item')}",
        f"a general line of its own {payloads(canary, 'general-note')}",
        "# week 1: intro](javascript:alert(1))[x",
        "## exercises",
        f"- an exercise {payloads(canary, 'item')}",
        f"- [x] a done exercise {payloads(canary, 'done-item')} ✓",
        # Due dates: the item reaches the home page's "now" panel and calendar.ics.
        f"- a due exercise {payloads(canary, 'due-item')} due Fri 11:59pm",
        f"- an unread due date (due: {payloads(canary, 'due-unread')})",
        f"a line of its own {payloads(canary, 'note')}",
        *REFERENCE_DEFINITIONS,
        "*[HTML]: <img src=x onerror=alert(22)>",
        "[TOC]",
        "## video recordings & notes:",
        f"  - a video {payloads(canary, 'video')} (4:40) ✓",
        f"  - another video {payloads(canary, 'video-unknown')} (?)",
        "## readings",
        "- Hostile Reading (ch 1, 2.3)",
        "- hostile alias",
        "- Hostile Reading Two",
        f"- Keyed {jinja(canary, 'reference-key')}",
        f"- a reading {payloads(canary, 'reading')} (ch 4)",
        f"# week 2: {payloads(canary, 'week-title')}",
        f"## {payloads(canary, 'section-heading')}",
        "- an item",
        # toc makes the id "__config", the id of the element Material reads its settings from.
        "## __config",
        "- an item",
        "-" * 20,
        # Dated headings: the label and title reach the panel, the badges and calendar.ics.
        f"# week 40 (Nov 30) {payloads(canary, 'dated-week-title')}",
        f"- a dated week's item {payloads(canary, 'dated-week-item')} due Mon",
        f"# week 41 — 2026-12-07 {payloads(canary, 'iso-week-title')}",
        "- an item",
        *separator_weeks(canary, 3),
        "# Thoughts",
        f"why {payloads(canary, 'question')}?",
        "",
        f"some context {payloads(canary, 'context')}",
        "",
        f"A: the answer {payloads(canary, 'answer')}",
        "",
        f"more of the answer {payloads(canary, 'answer-more')}",
        "",
        *REFERENCE_DEFINITIONS,
        "---",
        f"a paragraph after a separator {payloads(canary, 'loose')}",
        "",
        f"`{{{{ {touch(canary, 'thoughts-title')} }}}}` why?",
        # The Thoughts as students write them: groups, items, answers and asked dates.
        f"## a group {payloads(canary, 'group')}",
        f"- an item entry {payloads(canary, 'item-entry')}?",
        f"  **Answer:** {payloads(canary, 'item-answer')}",
        f"1. a numbered entry {payloads(canary, 'numbered-entry')}?",
        f"   Asked: {payloads(canary, 'asked-date')}",
        f"a question asked already {payloads(canary, 'asked-end')}?"
        " (asked {{ 7 * 7 }} <b>x</b> {% x %})",
    ]
    return "\n".join(lines) + "\n"


def hostile_references(canary: Path) -> str:
    """A references file whose every field carries the payloads."""
    references = {
        "Hostile Reading": {
            "title": f"Hostile Reading {payloads(canary, 'reference-title')}",
            "authors": payloads(canary, "reference-authors"),
            "year": f"2016 {jinja(canary, 'reference-year')}",
            "venue": payloads(canary, "reference-venue"),
            "url": 'https://example.org/a"onmouseover="alert(23)"x=)](javascript:alert(24))',
            "aliases": [f"hostile alias {jinja(canary, 'reference-alias')}", "hostile alias"],
        },
        "Hostile Reading Two": {"title": "Two", "url": "javascript:alert(25)"},
        f"Keyed {jinja(canary, 'reference-key')}": {"url": "https://example.org/keyed"},
    }
    return yaml.safe_dump(references, allow_unicode=True, sort_keys=False)
