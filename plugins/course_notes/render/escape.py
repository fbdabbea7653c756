"""Notes text escaped for where it goes, shown as typed: one escaper per output context.

- ``markdown_inline``: a line of Markdown (a heading, a list item, a table cell), cut if huge;
- ``markdown_blocks`` and ``markdown_paragraphs``: longer text as Markdown blocks or
  paragraphs, split so that Python-Markdown stays linear;
- ``markdown_inert``: Markdown that only shows characters, whatever a template cuts or joins
  (the macros' values);
- ``html_text``: HTML text that no Markdown reads (titles, nav, a ``<pre>``);
- ``html_attribute``: an attribute of raw HTML inside Markdown.

Notes are untrusted. The tokeniser (``model.inline``) picks out the inline constructs the site
supports: code spans, links and ``<https://...>`` autolinks to http, https, mailto or
relative addresses, bare ``https://...`` addresses (as pymdownx.magiclink finds them),
``$...$`` and ``$$...$$`` math (written as MathML, see ``mathml``), and backslash escapes.
Everything else is written so that
Python-Markdown (with this site's extensions) can only show it as text: no raw HTML, no
entities of the writer's, no attribute lists, no link or reference syntax, no emoji shortcodes
(pymdownx.emoji fetches those from a CDN), and never ``{{``, ``{%`` or ``{#``, so no template
engine can find anything to run either. Emphasis (``*``, ``_``) is left to Markdown: whatever
it makes of them, it makes ``<em>`` and ``<strong>`` only. Where Python-Markdown disagrees with
this tokeniser about what is a code span or a link, only the looks can change.

Python-Markdown's inline processor rebuilds a block's whole text for every construct it
matches, so one block with n constructs costs it O(n * length). Text is therefore cut into
pieces with at most ``BUDGET`` constructs each, and callers put each piece in a block of its
own (or show the first and the whole text elsewhere). Measured with a notes file whose week 1
holds one such line, real ``mkdocs build`` (2.7 s with an ordinary line): a 160 KB line of
``{`` took 225 s before and takes 6.7 s; ``[a](b) `` 700,000 times (4.9 MB) did not finish in
300 s before and takes 31 s. Render + ``markdown`` of that week page alone, 80,000 ``{``:
58.6 s before, 2.0 s after.

Pure: no MkDocs, no Markdown import.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .. import regex
from ..model.inline import Token, Tokens, visible
from . import mathml

# Constructs Python-Markdown may match in one block: it copies the block's text once per
# construct, so a block costs their number times its length. Measured per escaped brace in
# one list item: 27 us with 2,500 in it, 32 us with 5,000, 59 us with 10,000, 127 us with
# 40,000 (and 70 s for a 160 KB line of "{" in one block, before).
BUDGET = 5_000
# A plain-text piece carries at most this many, so that pieces pack into blocks evenly.
_PIECE = 32
CUT_MARK = "\u2026"

# What plain text must not carry as it is, and why:
#   \ ` [      escapes, code spans and link, image, reference, TOC, abbreviation,
#              progress-bar and task syntax all start with one of these;
#   {          Jinja's {{ {% {#, and attr_list's {...} ("}" alone opens nothing);
#   |          a table row: two lines of a Thoughts paragraph could make a table;
#   <          raw HTML, autolinks, comments; before a blank it is never a tag, so stays;
#   &          before "#" or a letter or digit: a character reference ("&amp;" shows as typed);
#   :          before a word character: an emoji shortcode, which pymdownx fetches from a CDN;
#   $          math, to a site that renders it: the notes' math is MathML already;
#   !          at the end, before a link: an image;
#   * _        left for emphasis, but counted: Python-Markdown matches them too.
_COMMON = r"[\\`\[{|$]|<(?![ \t])|&(?=[#A-Za-z0-9])|:(?=[\w+\-])|!$|[*_]"
_PLAIN = regex.compile(_COMMON)
# In a link's text "]" would end it; in <code> "*" and "_" must not make emphasis.
_CLOSED = regex.compile(_COMMON + r"|\]")
_REFERENCES = {"<": "&lt;", "&": "&amp;", ":": "&#58;", "$": "&#36;"}
# Anything tokens or escaping may concern; text without any is returned as it is.
_ANY = regex.compile(r"[\\`\[\]{|<&:!*_$]")

Piece = tuple[str, int]
"""Markdown and the number of constructs Python-Markdown matches in it."""


class _Writer:
    """Markdown pieces for one text: each construct as the site shows it, the rest inert."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[Piece] = []

    def write(self, tokens: Tokens, link_text: bool) -> list[Piece]:
        found, position, index = tokens.found, 0, 0
        for link in tokens.links:
            while index < len(found) and found[index].start < link.start:
                position = self._token(found[index], position, link_text)
                index += 1
            inner = []
            while index < len(found) and found[index].start < link.end:
                if link.text_start <= found[index].start < link.text_end:
                    inner.append(found[index])
                index += 1
            self._text(self.text[position : link.start], link_text)
            self._link(link, inner, link_text)
            position = link.end
        for token in found[index:]:
            position = self._token(token, position, link_text)
        self._text(self.text[position:], link_text)
        return self.pieces

    def _token(self, token: Token, position: int, link_text: bool) -> int:
        self._text(self.text[position : token.start], link_text)
        if token.kind == "escape":
            character = self.text[token.start + 1]
            if character == "{":
                self._text("{", link_text)
            else:
                self.pieces.append(("\\" + character, 1))
        elif token.kind == "math":
            html = mathml.to_mathml(token.url, display=token.title == "display")
            if html is None:
                # LaTeX it cannot convert: shown as written, dollars and all.
                self._text(self.text[token.start : token.end], link_text)
            else:
                # Each tag is a construct to Python-Markdown.
                self.pieces.append((html, html.count("<")))
        else:
            self._code(self.text[token.text_start : token.text_end])
        return token.end

    def _text(self, text: str, link_text: bool, code: bool = False) -> None:
        if not text:
            return
        pattern = _CLOSED if link_text or code else _PLAIN
        out: list[str] = []
        spent = last = 0
        for match in pattern.finditer(text):
            character = match.group()
            out.append(text[last : match.start()])
            last = match.end()
            spent += 1
            if character in "*_" and not code:
                out.append(character)  # for Markdown's emphasis
            elif character == "{":
                # "\{" costs Markdown half what "&#123;" does, but before "%" or "#" it
                # would still spell "{%" or "{#"; at the end, what follows is unknown.
                following = text[last : last + 1]
                out.append("\\{" if following and following not in "%#" else "&#123;")
            elif character in _REFERENCES:
                out.append(_REFERENCES[character])
            else:
                out.append("\\" + character)
            if spent == _PIECE:
                self.pieces.append(("".join(out), spent))
                out, spent = [], 0
        out.append(text[last:])
        self.pieces.append(("".join(out), spent))

    def _code(self, code: str) -> None:
        # HTML <code> with its text escaped like any other, never a backtick span: were
        # Markdown to read the span differently, its text would still be inert. In groups
        # of at most BUDGET constructs, each group a <code> of its own.
        start = len(self.pieces)
        self._text(code.strip(), link_text=False, code=True)
        groups: list[Piece] = []
        for markdown, cost in self.pieces[start:]:
            if groups and groups[-1][1] + cost <= BUDGET - 2:
                groups[-1] = (groups[-1][0] + markdown, groups[-1][1] + cost)
            else:
                groups.append((markdown, cost))
        self.pieces[start:] = [(f"<code>{markdown}</code>", cost + 2) for markdown, cost in groups]
        if not groups:
            self.pieces.append(("<code></code>", 2))

    def _link(self, link: Token, inner: list[Token], link_text: bool) -> None:
        start = len(self.pieces)
        if link_text:
            # No link inside a link: this one is text.
            self._link_as_text(link, inner, link_text)
            return
        position = link.text_start
        for token in inner:
            position = self._token(token, position, True)
        # A bare address is its own text: shown as typed, "*" and "_" in it no emphasis.
        self._text(self.text[position : link.text_end], True, code=link.bare)
        words = self.pieces[start:]
        cost = 1 + sum(cost for _, cost in words)
        if cost > BUDGET:
            del self.pieces[start:]
            self._link_as_text(link, inner, link_text)
            return
        text = "".join(markdown for markdown, _ in words)
        self.pieces[start:] = [(f"[{text}]({link.url}{link.title})", cost)]

    def _link_as_text(self, link: Token, inner: list[Token], link_text: bool) -> None:
        position = link.start
        for token in inner:
            position = self._token(token, position, link_text)
        self._text(self.text[position : link.end], link_text)


def pieces(text: str, *, link_text: bool = False) -> list[Piece]:
    """Notes text as Markdown pieces that show it as typed, links and code kept."""
    text = visible(text)
    if _ANY.search(text) is None:
        return [(text, 0)] if text else []
    return _Writer(text).write(Tokens(text), link_text)


def markdown_blocks(text: str, *, link_text: bool = False, budget: int = BUDGET) -> list[str]:
    """The Markdown of some notes text, in parts of at most ``budget`` constructs each."""
    parts: list[str] = []
    current: list[str] = []
    spent = 0
    for markdown, cost in pieces(text, link_text=link_text):
        if current and spent + cost > budget:
            parts.append("".join(current))
            current, spent = [], 0
        current.append(markdown)
        spent += cost
    if current:
        parts.append("".join(current))
    return parts


# What would start a block at a line's start: heading, quote, list, table, admonition,
# fence, or a line of -, =, * or _ (a setext underline or a rule under the line before).
_BLOCK_START = regex.compile(
    r"^(#|>|[-+*=](?:\s|$)|\d+[.)](?:\s|$)|\||:::|\?\?\?|!!!|```|~~~|[-=*_][-=*_ \t]*$)"
)


def line_start(markdown: str) -> str:
    """A line of Markdown that starts no block: a first character that would is a reference."""
    markdown = markdown.strip(" \t")
    # A character reference rather than a backslash: Markdown has no backslash escape
    # for "=" or "?", and "\\???" would show its backslash.
    return f"&#{ord(markdown[0])};{markdown[1:]}" if _BLOCK_START.match(markdown) else markdown


def markdown_paragraphs(lines: Iterable[str], budget: int = BUDGET) -> list[list[str]]:
    """Lines of notes text as Markdown paragraphs, each a list of lines starting no block.

    Consecutive lines share a paragraph until it holds ``budget`` constructs; a line with
    more goes on in a new paragraph. Blank lines are left out.
    """
    result: list[list[str]] = []
    current: list[str] = []
    line: list[str] = []
    spent = 0

    def end_line() -> None:
        written = line_start("".join(line)) if line else ""
        if written:
            current.append(written)
        line.clear()

    for text in lines:
        for markdown, cost in pieces(text.strip()):
            if spent + cost > budget and (current or line):
                end_line()
                if current:
                    result.append(current)
                current = []
                spent = 0
            line.append(markdown)
            spent += cost
        end_line()
    if current:
        result.append(current)
    return result


def markdown_inline(text: str, *, link_text: bool = False) -> str:
    """Notes text as inline Markdown: shown as typed, links and code kept, cut if huge.

    Past ``BUDGET`` constructs the text is cut with an ellipsis: a caller that shows it
    where it cannot be split (a heading, a badge, a table cell) shows it whole elsewhere.
    """
    parts = markdown_blocks(text, link_text=link_text)
    if not parts:
        return ""
    return parts[0] + CUT_MARK if len(parts) > 1 else parts[0]


def fits(text: str) -> bool:
    """True when the text is shown whole by ``inline``."""
    return len(markdown_blocks(text)) <= 1


def html_text(text: str, *, lines: bool = False) -> str:
    """Notes text for HTML that no Markdown reads (page titles, nav, a raw ``<pre>`` block).

    With ``lines``, line ends stay line ends (for a ``<pre>``) rather than symbols.
    """
    shown = "\n".join(map(visible, text.split("\n"))) if lines else visible(text)
    # Braces too: a template engine could read "{{" in a title; "&#123;" shows as "{".
    escaped = html.escape(shown, quote=not lines)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


# Every ASCII character that starts something in Markdown, its extensions or a template:
# as a character reference it can only show itself, wherever a template cuts or joins it.
_NOT_INERT = regex.compile(r"[&*_`\\\[\]{}|<>:~!$]")


def markdown_inert(text: str) -> str:
    """Notes text as Markdown that only shows characters, even when cut or joined.

    For values a page template interpolates (mkdocs-macros): Markdown in them shows as
    typed rather than rendered, so that no slice or join of them can make markup.
    """
    shown = "\n".join(map(visible, text.split("\n"))) if "\n" in text else visible(text)
    return _NOT_INERT.sub(lambda match: f"&#{ord(match.group())};", shown)


def html_attribute(text: str) -> str:
    """Notes text for an attribute of raw HTML in Markdown (``title="..."``).

    Inert as well as HTML-escaped: Markdown's code, escape, link and image patterns run before
    its raw-HTML one and would read ``![](`` inside the attribute.
    """
    return markdown_inert(text.replace("\n", " ")).replace('"', "&#34;").replace("'", "&#39;")
