"""The define_env module: the course's variables, macros and filters for either macros engine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from course_notes.adapters.core import macros, macros_env
from course_notes.adapters.core.macros import NotesText
from course_notes.io.config import resolve

from conftest import build_project, copy_project, read_html


class Env:
    """What define_env uses of a macros environment, as Zensical's and mkdocs-macros' have it."""

    def __init__(self, conf: Any, project_dir: Path) -> None:
        self.conf = conf
        self.project_dir = str(project_dir)
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Any] = {}
        self.filters: dict[str, Any] = {}

    def macro(self, function: Any, name: str = "") -> Any:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Any, name: str = "") -> Any:
        self.filters[name or function.__name__] = function
        return function


def test_define_env_hands_over_the_course_of_the_config_named(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    env = Env({"root_dir": str(tmp_path), "site_name": "Notes"}, tmp_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(macros_env.CONFIG_VARIABLE, str(config))
        macros_env.define_env(env)
    # What the plugin hands mkdocs-macros, no more, no less.
    files = resolve(config)
    site = macros_env.current_site(files)
    assert set(env.variables) == set(macros.variables(site)) >= {"course", "questions"}
    assert set(env.macros) == set(macros.macro_functions(site)) >= {"weeks_table", "readings"}
    assert set(env.filters) == set(macros.filters()) == {"duration"}
    assert str(env.variables["course"].progress) == "27/73"
    assert isinstance(env.variables["course"].weeks[0].name, NotesText)


def test_define_env_reads_the_notes_again_only_when_they_change(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    files = resolve(config)
    first = macros_env.current_site(files)
    assert macros_env.current_site(files) is first
    notes = tmp_path / "seeds" / "notes.md"
    text = notes.read_text("utf-8")
    notes.write_text(text.replace("  - pytorch (52:49) \n", "  - pytorch (52:49) 🗸\n"), "utf-8")
    os.utime(notes, ns=(1, 1))
    again = macros_env.current_site(files)
    assert again is not first
    assert str(again.course.progress) == "28/73"


def test_listed_for_mkdocs_macros_beside_the_plugin_it_does_no_harm(tmp_path: Path) -> None:
    """mkdocs-macros loads it (and would refuse a name given twice); the plugin's figures stay."""
    config = copy_project(tmp_path)
    text = config.read_text("utf-8")
    listed = text.replace(
        "      on_error_fail: true\n",
        "      on_error_fail: true\n      modules: [course_notes.macros_env]\n",
    )
    assert listed != text
    config.write_text(listed, encoding="utf-8")
    home = read_html(build_project(config), ".").select_one("article")
    assert home is not None
    assert "27/73 done (37%)" in home.get_text(" ")


class Exited(Exception):
    """What os._exit raises here, so that the test process goes on."""


@pytest.mark.parametrize("problem", ["missing notes", "unexpected"])
def test_under_zensical_a_problem_is_one_line_and_exit_status_1(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    problem: str,
) -> None:
    """Zensical prints a traceback for any exception, SystemExit too: define_env exits itself."""
    config = copy_project(tmp_path)
    if problem == "missing notes":
        (tmp_path / "seeds" / "notes.md").unlink()
    else:
        from course_notes.io import load as notes_file

        def boom(*args: Any, **kwargs: Any) -> None:
            raise OverflowError("Python int too large to convert to C int")

        monkeypatch.setattr(notes_file, "read_course", boom)
    monkeypatch.setattr(macros_env, "_last", [])
    monkeypatch.setenv(macros_env.CONFIG_VARIABLE, str(config))

    def exit_now(status: int) -> None:
        raise Exited(status)

    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(Exited) as exited:
        macros_env.define_env(Env({"site_name": "Notes"}, tmp_path))
    assert exited.value.args == (1,)
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("course-notes: ")
    if problem == "missing notes":
        assert "seeds/notes.md" in line
    else:
        assert line == (
            "course-notes: seeds/notes.md: course-notes stopped on something it did not expect "
            "(OverflowError: Python int too large to convert to C int); please report this, "
            "with the file if you can"
        )
