"""Drop from a pip-compile lock what only this checkout has: the project's own path.

Usage: python scripts/lock_clean.py requirements-lock.txt (`make lock` runs it). The test
extra names course-notes[zensical], so pip-compile locks the project itself as
``course-notes @ file:///...``, unhashed, a path no other checkout has; the Makefile installs
the project after the lock, editable, with --no-deps.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_SELF = re.compile(
    r"# WARNING: pip install will require the following package to be hashed\.\n"
    r"# Consider using a hashable URL[^\n]*\n"
    r"course-notes @ file://[^\n]*\n(?:    #[^\n]*\n)*"
)


def main() -> None:
    """Rewrite the lock named on the command line without the project's own entry."""
    path = Path(sys.argv[1])
    text = path.read_text(encoding="utf-8")
    cleaned = _SELF.sub("", text)
    if "course-notes @" in cleaned:
        raise SystemExit(f"{path}: the project's own entry is still there; update this script")
    path.write_text(cleaned, encoding="utf-8")


if __name__ == "__main__":
    main()
