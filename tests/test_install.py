"""What users install: the wheel and the Pages workflow's own steps.

Every test here uses the ``installed`` venv (conftest.py): the wheel built from the tracked
files and installed outside this repository, as GitHub's runner or a user gets it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT, read_html
from installed import (
    PACKAGE_SOURCE,
    Installed,
    clean_copy,
    run,
    tracked_files,
    wheel_files,
)

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
# What GitHub's runner sets for every step and the build reads.
GITHUB = {"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_REPOSITORY": "owner/repo"}
# `vars.*` of a repository that has set no variables: every one is empty.
REPOSITORY_VARIABLES: dict[str, str] = {}
# What each action the workflow uses stands for here. A new action fails the test until it
# is described: the test must not skip a step the real workflow runs.
ACTIONS = {
    "actions/checkout": "the clean copy of the tracked files",
    "actions/setup-python": "the venv's python, first on PATH",
    "actions/configure-pages": "nothing the build reads",
    "actions/upload-pages-artifact": "its `path`, checked to be the built site",
    "actions/deploy-pages": "nothing: it publishes the uploaded site",
}
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def test_every_tracked_package_file_is_in_the_wheel(installed: Installed) -> None:
    tracked = {
        path.removeprefix(PACKAGE_SOURCE)
        for path in tracked_files()
        if path.startswith(PACKAGE_SOURCE) and not path.endswith(".py")
    }
    assert "assets/course-notes.css" in tracked
    assert tracked - wheel_files(installed.wheel) == set()


def expand(value: object) -> str:
    """A workflow value with its ``${{ vars.NAME }}`` expressions evaluated as GitHub does."""

    def evaluate(match: re.Match[str]) -> str:
        name = re.fullmatch(r"vars\.(\w+)", match.group(1))
        if name is None:
            raise AssertionError(f"{WORKFLOW.name}: teach this test ${{{{ {match.group(1)} }}}}")
        return REPOSITORY_VARIABLES.get(name.group(1), "")

    return _EXPRESSION.sub(evaluate, str(value))


def run_workflow(installed: Installed, checkout: Path) -> list[Path]:
    """Run every job's `run:` steps as the runner would, in file order; return the uploads."""
    workflow: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    uploads = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                action = step["uses"].split("@")[0]
                assert action in ACTIONS, f"teach test_install.py what {action} does"
                if action == "actions/upload-pages-artifact":
                    uploads.append(checkout / step["with"]["path"])
                continue
            shell = step.get("shell", job.get("defaults", {}).get("run", {}).get("shell", "bash"))
            assert shell == "bash", f"teach test_install.py to run a {shell} step"
            env = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
            env = GITHUB | {name: expand(value) for name, value in env.items()}
            # The runner's own command line for a bash step.
            command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
            cwd = checkout / step.get("working-directory", ".")
            run(command, cwd=cwd, env=installed.env(**env))
    return uploads


def test_the_pages_workflow_publishes_the_site_from_a_fresh_clone(
    installed: Installed, tmp_path: Path
) -> None:
    checkout = clean_copy(tmp_path / "checkout")
    # The runner's python has no course-notes until the workflow installs it.
    installed.uninstall()
    try:
        [site] = run_workflow(installed, checkout)
        package = installed.package_file(checkout)
    finally:
        installed.reinstall()
    assert package.is_relative_to(installed.venv), package
    week = read_html(site, "week-1")
    badges = [" ".join(badge.get_text(" ").split()) for badge in week.select(".cn-badge")]
    assert "Videos 14/14" in badges
    # GITHUB_REPOSITORY reached hooks/site_url.py: the site's address is the Pages one.
    canonical = week.select_one("link[rel=canonical]")["href"]
    assert canonical == "https://owner.github.io/repo/week-1/"
