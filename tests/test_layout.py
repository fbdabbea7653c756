"""The package's layout: stages in the order data flows, no import against the flow."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from scripts import layout  # noqa: E402


def test_no_import_runs_against_the_flow() -> None:
    assert layout.problems() == []


def test_the_check_prints_each_stage_and_its_modules() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scripts.layout"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    stages = [line for line in done.stdout.splitlines() if not line.startswith(" ")]
    assert stages == ["model/", "read/", "render/", "derive/", "io/", "adapters/"]
    assert "  notes.py " in done.stdout and "  load.py " in done.stdout


@pytest.mark.parametrize(
    ("where", "line", "why"),
    [
        ("render/bad.py", "from ..derive import site", "render imports derive.site"),
        ("read/bad.py", "from ..render.escape import html_text", "read imports render.escape"),
        ("model/bad.py", "from ..io import load", "model imports io.load"),
        ("derive/bad.py", "from ..adapters.core import macros", "derive imports adapters"),
        ("io/bad.py", "from course_notes.adapters.mkdocs import plugin", "io imports adapters"),
        (
            "adapters/zensical/bad.py",
            "from ..mkdocs import plugin",
            "imports another adapter's adapters.mkdocs.plugin",
        ),
    ],
)
def test_an_import_against_the_flow_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where: str, line: str, why: str
) -> None:
    package = tmp_path / "course_notes"
    for path in layout.PACKAGE.rglob("*.py"):
        copy = package / path.relative_to(layout.PACKAGE)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(path.read_text("utf-8"), "utf-8")
    bad = package / where
    bad.write_text(f'"""A module against the flow."""\n\n{line}\n', "utf-8")
    monkeypatch.setattr(layout, "PACKAGE", package)
    found = layout.problems()
    assert len(found) == 1 and why in found[0], found
    assert f"course_notes/{where}:3: " in found[0]
