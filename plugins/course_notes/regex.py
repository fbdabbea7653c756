"""Compile each of the package's regular expressions on its first use, not on import.

The reader, the readings and the renderer hold about 160 module-level expressions; compiled
on import they cost 58 ms of every build and every command, while the sample notes use 34 of
them and a course's notes rarely more than half (measured: 105 after all 40 corpus files).
The standard library compiles eagerly and offers nothing lazy, so this is written here.

After its first use a pattern's methods are the compiled pattern's own bound methods, stored
on the instance, so a match costs what it costs on a compiled pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

# The methods a compiled pattern offers for matching; each is replaced on first use.
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class LazyPattern:
    """A regular expression compiled when first used; its source as ``pattern`` before then."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, compiled now if not yet."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only for what the instance lacks: before the first use every method (match,
        # search...), which compiling then puts on the instance; flags, groups, groupindex.
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re's own name
    """A pattern as ``re.compile`` gives, compiled on its first use."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def one_of(words: Iterable[str]) -> str:
    """Return a pattern matching any of the words, their shared starts written once.

    Python's re tries an alternation's branches one by one at each position; written as a
    tree ("re(?:ad|cord)" for "read" and "record") it tries each letter once. For the 257
    begun and done words the reader looks for, one search cost 1.5 us an item against 2.4 us
    for a loop of ``startswith`` (timeit, the synthetic notes' items). re has no such
    builder, and a third-party trie package is more than these twenty lines.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    """Write one node of the tree: its branches, optional where a word ends there."""
    branches = [re.escape(char) + _branches(rest) for char, rest in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
