"""Patterns compiled on first use, and the libraries a build may not need, loaded late."""

from __future__ import annotations

import re
import subprocess
import sys

from course_notes import regex


def test_a_pattern_compiles_on_first_use_and_matches_as_re_does() -> None:
    lazy = regex.compile(r"(?P<word>w\w+)", re.I)
    assert lazy.pattern == r"(?P<word>w\w+)"
    assert lazy._compiled is None  # type: ignore[attr-defined]
    eager = re.compile(r"(?P<word>w\w+)", re.I)
    text = "Week 3, wk 4 and WORDS"

    def same(found: object) -> object:
        return found.span() if isinstance(found, re.Match) else found

    for method in ("match", "search", "fullmatch", "findall", "split"):
        assert same(getattr(lazy, method)(text)) == same(getattr(eager, method)(text)), method
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("x", text) == eager.sub("x", text)
    assert lazy.subn("x", text, count=1) == eager.subn("x", text, count=1)
    assert lazy.match(text, pos=8).group() == "wk" and lazy.search(text, 11).group() == "WORDS"
    assert lazy.groupindex == eager.groupindex and lazy.flags == eager.flags


def test_a_bound_method_taken_before_first_use_still_matches() -> None:
    lazy = regex.compile(r"\d+")
    find = lazy.findall
    assert find("1 and 22") == ["1", "22"]
    assert find("333") == ["333"]
    assert lazy.findall("4") == ["4"]


def test_importing_the_plugin_leaves_what_a_build_may_not_use_unloaded() -> None:
    code = (
        "import sys, course_notes.adapters.mkdocs.plugin\n"
        "print([m for m in ('icalendar', 'mkdocs.livereload', 'material.extensions.emoji')"
        " if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_one_of_matches_exactly_the_words_given() -> None:
    words = ["read", "record", "re", "a.b", "fertig", "erledigt", "가", "[/]"]
    pattern = re.compile(regex.one_of(words))
    for word in words:
        assert pattern.fullmatch(word), word
    for other in ["rec", "axb", "reads", "r", "", "fert", "[x]", "erledig"]:
        assert pattern.fullmatch(other) is None, other
    # Shared starts are written once: "re" opens one branch for all three words.
    assert regex.one_of(["read", "record", "re"]).count("re") == 1
