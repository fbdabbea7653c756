"""The package's public API: every name in ``__all__`` is there, and is what it says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import course_notes

from conftest import SEED, copy_project


def test_every_public_name_resolves_to_its_module_s_object() -> None:
    assert course_notes.__all__ == sorted(course_notes._NAMES)
    for name in course_notes.__all__:
        value = getattr(course_notes, name)
        assert value.__module__.startswith("course_notes."), name
        assert value.__doc__, f"{name} has no docstring"


def test_the_docstring_s_example_runs(tmp_path: Path) -> None:
    copy_project(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os\nfrom course_notes import load_site, resolve\n"
            "site = load_site(resolve(None), os.environ)\n"
            "print(site.course.progress, len(site.course.weeks))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "COURSE_NOTES_TODAY": "2026-11-25"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "27/73 6\n", "")


def test_parse_and_build_site_give_the_seed_s_pages() -> None:
    site = course_notes.build_site(course_notes.parse(SEED.read_text("utf-8")))
    assert isinstance(site, course_notes.Site)
    assert str(site.course.progress) == "27/73"
    assert [page.title for page in site.pages][:2] == ["Week 1", "Week 2"]


def test_importing_the_package_imports_none_of_its_stages() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, course_notes\n"
            "print(sorted(m for m in sys.modules if m.startswith('course_notes.')))",
        ],
        capture_output=True,
        text=True,
    )
    assert done.stdout == "[]\n", done.stderr
    assert "load_site" in dir(course_notes)
