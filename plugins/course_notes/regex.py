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
