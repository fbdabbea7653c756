"""The release workflow's own build and check steps, run here as the workflow runs them."""

from __future__ import annotations

import os
import re
import sys
import zipfile
from pathlib import Path

import yaml

from conftest import ROOT
from installed import clean_copy, run

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _steps(job: str) -> dict[str, dict[str, object]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {step["name"]: step for step in workflow["jobs"][job]["steps"]}


def test_the_release_builds_and_checks_the_distributions(tmp_path: Path) -> None:
    steps = _steps("build")
    checkout = clean_copy(tmp_path / "checkout")
    # The test environment's tools (the lock's build, twine and check-wheel-contents) come
    # first on PATH, as the workflow's install step puts them there.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for name in ("Build the sdist and the wheel", "Check the distributions"):
        for line in str(steps[name]["run"]).strip().splitlines():
            run(["bash", "-c", line], checkout, env)
    dist = sorted(path.name for path in (checkout / "dist").iterdir())
    # One sdist, one wheel ("…-py3-none-any.whl" sorts before "….tar.gz").
    assert [name.rsplit(".", 1)[-1] for name in dist] == ["whl", "gz"]
    wheel = zipfile.ZipFile(checkout / "dist" / dist[0])
    names = wheel.namelist()
    assert "course_notes/templates/github/workflows/pages.yml" in names
    assert "course_notes/assets/course-notes.css" in names
    assert not any(name.startswith(("tests/", "seeds/", "docs/")) for name in names)


def test_the_release_publishes_with_trusted_publishing_and_least_privilege() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    assert build["permissions"] == {"contents": "read"}
    # Only the upload may mint a token, and only in the "pypi" environment; no secret is read.
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")
    upload = _steps("publish")["Upload to PyPI"]
    assert str(upload["uses"]).startswith("pypa/gh-action-pypi-publish@")
    assert len(str(upload["uses"]).split("@")[1]) == 40  # pinned to a commit


def _pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text("utf-8"), re.MULTILINE)
    return {name.lower(): version for name, version in found}


def test_the_site_lock_is_the_full_locks_versions_of_the_plugins_dependencies() -> None:
    site, full = _pins(ROOT / "requirements-site.txt"), _pins(ROOT / "requirements-lock.txt")
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions"} <= site.keys()
    # What the site builds with is what CI tested: every site pin is the full lock's.
    assert {name: full.get(name) for name in site} == site
    # Without the test tools.
    assert "pytest" not in site and "playwright" not in site
