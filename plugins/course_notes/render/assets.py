"""Static files the generated pages need, shipped inside the package."""

from __future__ import annotations

from importlib import resources

from ..model import paths


def stylesheet() -> str:
    """The CSS for badges, progress bars and durations on the generated pages."""
    return resources.files("course_notes").joinpath(paths.STYLESHEET).read_text("utf-8")


def script() -> str:
    """The script that shows the "now" panel and the behind badges for the reader's own day."""
    return resources.files("course_notes").joinpath(paths.SCRIPT).read_text("utf-8")
