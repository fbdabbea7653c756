"""The one error the package raises for what a user must fix, always a single line."""

from __future__ import annotations


class CourseNotesError(Exception):
    """A problem with the user's files or folders; the message names the file, line and fix.

    The adapters turn it into their host's one-line error (MkDocs' ``PluginError``, the
    command line's ``course-notes: ...`` and exit status 1); nothing catches anything finer.
    """


# What a message quotes of an exception's own text: it may hold the user's whole line.
_DETAIL_LENGTH = 120


def unexpected(error: BaseException, where: str) -> str:
    """One line for an exception no rule foresaw: where, its type, and "please report this".

    ``where`` names the file (and the line, where known) being read. The adapters use it
    so that no input ever shows a user a traceback.
    """
    detail = " ".join(str(error).split())
    detail = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in detail)
    if len(detail) > _DETAIL_LENGTH:
        detail = detail[: _DETAIL_LENGTH - 1] + "\u2026"
    kind = type(error).__name__
    return (
        f"{where}: course-notes stopped on something it did not expect ({kind}"
        f"{': ' + detail if detail else ''}); please report this, with the file if you can"
    )
