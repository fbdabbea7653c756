"""The one error the package raises for what a user must fix, always a single line."""

from __future__ import annotations


class CourseNotesError(Exception):
    """A problem with the user's files or folders; the message names the file, line and fix.

    The adapters turn it into their host's one-line error (MkDocs' ``PluginError``, the
    command line's ``course-notes: ...`` and exit status 1); nothing catches anything finer.
    """
