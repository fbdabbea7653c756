"""The inline structure of a line of notes: code spans, math, links, escapes, as Markdown reads it.

Pure, and shared: the reader finds a line's links here (for its diagnostics and the reading
list), the escaper writes each construct it finds here, so both see the same structure. No
MkDocs, no Markdown import. Found left to right in time linear in the text's length.

Math (``$...$``, ``$$...$$``): ``$`` opens when a non-blank follows it and closes at the next
``$`` with a non-blank before it and no digit after it, so ``$5 and $10`` is no math; ``$$``
opens display math, closed by the next ``$$``; ``\\$`` is a dollar. Hand-written pages
follow the same rules (``course_notes.markdown_math``).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass
from urllib.parse import quote

from .. import regex

ALLOWED_SCHEMES = ("http", "https", "mailto")
# Python-Markdown runs every later pattern over each link's text and parses each <code> tag
# as HTML: 130 us a link, 130 us a code span, against 40-60 us for them escaped as text
# (20,000 links on a line: 2.6 s of Markdown as links, 0.8 s as text). On a text with more
# links or more code spans than this, those show as written. (Emphasis costs about the
# same either way, so it always renders.)
MAX_RICH = 100
# Control characters as their visible Unicode pictures (U+2400 block): Python-Markdown
# deletes STX and ETX, and browsers show the others as nothing at all. Afterwards no text
# holds a control character, so \x00 and \x01 can stand in for code and escapes below.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {0x7F: 0x2421}

# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS; "|" from tables):
# a backslash before one of these shows the character alone, as Markdown does.
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")


def visible(text: str) -> str:
    """Text with control characters shown as symbols (NUL as ␀), nothing else changed."""
    return text.translate(_CONTROL_PICTURES) if not text.isprintable() else text


@dataclass(frozen=True, slots=True)
class Token:
    """One construct of a text: where it is, its kind, and for a link its address."""

    start: int
    end: int
    kind: str  # "escape", "code", "math" or "link"
    url: str = ""
    title: str = ""
    text_start: int = 0
    text_end: int = 0
    bare: bool = False


_INTERESTING = regex.compile(r"\\(.)|`+|\$")
_ESCAPED_IN_URL = regex.compile(r"\\([!-/:-@\[-`{-~])")
# Links and autolinks, matched on the text with code spans blanked (\x00) and backslash
# escapes blanked (\x01): a link's text holds no bracket, its address no blank and one
# level of parentheses at most. Each part stops at the next bracket, parenthesis or blank,
# so a line of thousands of them is read in one pass.
_LINK = regex.compile(
    r"""\[(?P<text>[^\[\]\n]*)\]\([ \t]*
    (?:<(?P<angle>[^<>\n\x00]*)>|(?P<bare>(?:[^\s()\x00]|\([^\s()\x00]*\))*))
    (?:[ \t]+(?P<title>"[^"\n\x00]*"|'[^'\n\x00]*'))?[ \t]*\)
    |<(?P<auto>[Hh][Tt][Tt][Pp][Ss]?://[^\s<>\x00]+)>
    |(?<![\w/@.\-])(?P<plain>[Hh][Tt][Tt][Pp][Ss]?://[^\s<>\x00\x01\[\]]+)""",
    re.X,
)
# What ends a bare address rather than belongs to it (as GitHub and magiclink read it):
# "see https://example.org." links https://example.org.
_URL_TRAILING = ".,:;!?'\"*_~"
_SCHEME = regex.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# What a browser's URL parser drops before it reads the scheme (WHATWG URL): tab and
# newline anywhere, C0 controls and space at either end.
_URL_BLANKS = regex.compile(r"[\t\n\r]")
_URL_ENDS = "".join(map(chr, range(33)))


def link_address(written: str) -> tuple[str | None, str]:
    """A link address as Markdown-safe text, or None when its scheme is refused; and the scheme.

    The address is read as a browser gets it from Markdown, backslash escapes and character
    references resolved (``java&#115;cript:`` is ``javascript:``). Allowed: http, https,
    mailto and relative addresses (``week-2.md``, ``#part``, ``/x``, ``//host/x``).
    """
    address = html.unescape(_ESCAPED_IN_URL.sub(r"\1", written))
    address = _URL_BLANKS.sub("", address).strip(_URL_ENDS)
    scheme = _SCHEME.match(address)
    name = scheme.group(1) if scheme else ""
    if name and name.lower() not in ALLOWED_SCHEMES:
        return None, name
    # Percent-encoded, nothing in it can end the link, open a code span or an escape, or
    # spell a template tag; "&" as "&amp;", which the browser reads back as "&".
    # "$" percent-encoded too: in the address the math extension of a hand-written page would
    # read "$a\$b" as a formula (MathML inside href).
    return quote(address, safe="!#%&*+,-./:;=?@_~").replace("&", "&amp;"), name


def _bare_address(found: str) -> str:
    """A bare address without the punctuation after it, and without an unmatched ``)``."""
    end = len(found)
    # Counted once: recounting per character was quadratic in a run of ")".
    opened, closed = found.count("("), found.count(")")
    while end:
        last = found[end - 1]
        if last in _URL_TRAILING:
            end -= 1
        elif last == ")" and opened < closed:
            end -= 1
            closed -= 1
        else:
            break
    return found[:end]


def _title(quoted: str) -> str:
    # Into a title attribute: every character Markdown or a template could read is a
    # character reference, which the browser shows as typed.
    inner = re.sub(r"[^\w \-.,;/?!]", lambda match: f"&#{ord(match.group())};", quoted[1:-1])
    return f' "{inner}"'


class Tokens:
    """The constructs of one text, found left to right in time linear in its length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Token] = []  # escapes and code spans, in order
        self.links: list[Token] = []  # links and autolinks, in order
        self.refused: list[str] = []  # the schemes of links shown as text
        if "\\" in text or "`" in text or "$" in text:
            self._escapes_and_code()
            code = sum(token.kind == "code" for token in self.found) <= MAX_RICH
            math = sum(token.kind == "math" for token in self.found) <= MAX_RICH
            if not (code and math):
                self.found = []
                self._escapes_and_code(code=code, math=math)
        if "[" in text or "<" in text or "://" in text:
            self._links()

    def _escapes_and_code(self, code: bool = True, math: bool = True) -> None:
        text = self.text
        # Every maximal run of backticks, by length: a run of n opens a code span that the
        # next run of exactly n closes (backslashes inside a code span are text).
        runs: dict[int, list[int]] = {}
        for run in re.finditer(r"`+", text):
            runs.setdefault(run.end() - run.start(), []).append(run.start())
        position = 0
        while match := _INTERESTING.search(text, position):
            start, end = match.span()
            escaped = match.group(1)
            if match.group() == "$":
                found = math_at(text, start) if math else None
                if found is None:
                    position = end
                    continue
                after, latex, display = found
                kind = "math" if not display else "display"
                self.found.append(Token(start, after, "math", latex, kind))
                position = after
                continue
            if escaped is not None:
                if escaped == "$":
                    position = end  # "\$" is a dollar as typed, never math
                    continue
                if escaped in ESCAPABLE:
                    self.found.append(Token(start, end, "escape"))
                    position = end
                else:
                    position = start + 1
                continue
            if not code:
                position = end
                continue
            starts = runs.get(end - start, [])
            index = bisect_left(starts, end)
            if index == len(starts):
                position = end  # never closed: the backticks are text
                continue
            closer = starts[index]
            self.found.append(Token(start, closer + end - start, "code", "", "", end, closer))
            position = closer + end - start

    def _links(self) -> None:
        masked = self.text
        if self.found:
            characters = list(masked)
            for token in self.found:
                blank = "\x01" if token.kind == "escape" else "\x00"
                characters[token.start : token.end] = blank * (token.end - token.start)
            masked = "".join(characters)
        matches = list(_LINK.finditer(masked))
        if len(matches) > MAX_RICH:
            return
        for match in matches:
            start, end = match.span()
            if match["plain"] is not None:
                end = start + len(_bare_address(match["plain"]))
                if not self.text[start:end].split("://", 1)[1].strip("/"):
                    continue  # "https://" alone: no address
                url, _ = link_address(self.text[start:end])
                token = Token(start, end, "link", url or "", "", start, end, bare=True)
                self.links.append(token)
                continue
            if match["auto"] is not None:
                url, _ = link_address(self.text[start + 1 : end - 1])
                self.links.append(Token(start, end, "link", url or "", "", start + 1, end - 1))
                continue
            part = "angle" if match["angle"] is not None else "bare"
            url, scheme = link_address(self.text[match.start(part) : match.end(part)])
            if url is None:
                self.refused.append(scheme)
                continue
            title = _title(self.text[match.start("title") : match.end("title")])
            text_start, text_end = match.span("text")
            title = title if match["title"] else ""
            self.links.append(Token(start, end, "link", url, title, text_start, text_end))


def math_at(text: str, start: int) -> tuple[int, str, bool] | None:
    """The formula at ``text[start] == "$"``: (where it ends, its LaTeX, display), or None."""
    if start and text[start - 1] == "\\":
        return None
    if text.startswith("$$", start):
        close = text.find("$$", start + 2)
        latex = text[start + 2 : close]
        if close < 0 or not latex.strip():
            return None
        return close + 2, latex, True
    close = text.find("$", start + 1)
    latex = text[start + 1 : close]
    if (
        close < 0
        or not latex
        or latex[0].isspace()
        or latex[-1].isspace()
        or latex[-1] == "\\"
        or "\n" in latex
        or text[close + 1 : close + 2].isdigit()
    ):
        return None
    return close + 1, latex, False


def link_targets(text: str) -> list[str]:
    """The addresses of the text's links, autolinks and bare addresses, as the pages link them."""
    if "](" not in text and "<" not in text and "://" not in text:
        return []
    return [html.unescape(link.url) for link in Tokens(visible(text)).links if link.url]


def unlinked(text: str, addresses: Container[str]) -> str:
    """Text with each ``[text](address)`` whose address is in ``addresses`` escaped as text.

    The link then shows as written, brackets and address, and no page links it. Addresses
    are as ``link_targets`` gives them.
    """
    if "](" not in text:
        return text
    out, position = [], 0
    for link in Tokens(visible(text)).links:
        if link.bare or text[link.start] != "[" or html.unescape(link.url) not in addresses:
            continue
        # visible() maps one character to one: the positions hold in the text as written.
        out += [text[position : link.start], "\\[", text[link.text_start : link.text_end], "\\]"]
        position = link.text_end + 1
    out.append(text[position:])
    return "".join(out)


def autolinked(text: str) -> str:
    """Text with each bare address in ``<...>``: a link in any Markdown, the rest as written."""
    if "://" not in text:
        return text
    links = [link for link in Tokens(visible(text)).links if link.bare]
    out, position = [], 0
    for link in links:
        out += [text[position : link.start], "<", text[link.start : link.end], ">"]
        position = link.end
    return "".join(out) + text[position:]


def refused_links(text: str) -> list[str]:
    """The schemes of the text's links that are shown as text (``javascript``, ``data``...)."""
    if "](" not in text:
        return []
    return Tokens(visible(text)).refused
