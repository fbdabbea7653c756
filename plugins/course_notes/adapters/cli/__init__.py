"""The ``course-notes`` command line."""
