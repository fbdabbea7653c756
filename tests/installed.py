"""The package as users get it: a wheel built from the tracked files, installed in a venv.

An editable install (what ``make`` does) reads the source tree, so it hides a file the wheel
leaves out; these helpers build the wheel the way ``pip install .`` does on a fresh clone and
install it into a venv outside this repository, with nothing of the source tree on its path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from conftest import REFERENCES, ROOT, SEED, TOPICS

PACKAGE = "course_notes"
PACKAGE_SOURCE = "plugins/course_notes/"


def tracked_files(root: Path = ROOT) -> list[str]:
    """The files git tracks in root: what a fresh clone (and so CI) has."""
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [path for path in listing.split("\0") if path]


def clean_copy(target: Path, root: Path = ROOT) -> Path:
    """Copy the tracked files as they are in the working tree (uncommitted edits included)."""
    # Not `git clone`: that tests the last commit, while a test run checks the work in
    # progress. A new file not yet added to git is left out, as a clone would leave it out.
    for path in tracked_files(root):
        source = root / path
        if source.is_file():
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / path)
    return target


def run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    """Run a command; on failure raise with its whole output. Return its output."""
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, args))} (in {cwd}) exited {result.returncode}:\n{result.stdout}"
        )
    return result.stdout


def outside_env(bin_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment without this repository on any path; bin_dir first on PATH."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
    }
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    # Material 9.7+ prints an end-of-life banner on every build unless this is set.
    env["NO_MKDOCS_2_WARNING"] = "1"
    return {**env, **extra}


def build_wheel(source: Path, dist: Path) -> Path:
    """Build the wheel as ``pip install .`` does (in an isolated build environment)."""
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, "."],
        cwd=source,
        env=outside_env(),
    )
    [wheel] = dist.glob("course_notes-*.whl")
    return wheel


def wheel_files(wheel: Path) -> set[str]:
    """The package's files in a wheel, relative to the package (``assets/course-notes.css``)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    return {name.removeprefix(f"{PACKAGE}/") for name in names if name.startswith(f"{PACKAGE}/")}


@dataclass(frozen=True)
class Installed:
    """A venv with the wheel installed, and the wheel itself."""

    venv: Path
    wheel: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a shell in which the venv's python and mkdocs come first."""
        return outside_env(self.bin, **extra)

    def package_file(self, cwd: Path) -> Path:
        """Where ``import course_notes`` finds the package when run in cwd."""
        output = run(
            [self.bin / "python", "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
            cwd=cwd,
            env=self.env(),
        )
        return Path(output.strip().splitlines()[-1])

    def uninstall(self) -> None:
        """Remove the package (its dependencies stay)."""
        self.pip("uninstall", "--yes", "course-notes")

    def reinstall(self) -> None:
        """Put the wheel back as it was installed, whatever was installed since."""
        self.pip("install", "--no-deps", "--force-reinstall", self.wheel)

    def pip(self, *args: str | Path) -> str:
        """Run the venv's pip quietly."""
        return run([self.bin / "python", "-m", "pip", "--quiet", *args], self.venv, self.env())

    def mkdocs_build(self, project: Path) -> Path:
        """``mkdocs build --strict`` of the project with the installed package; the site."""
        run([self.bin / "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=self.env())
        return project / "site"


def install(wheel: Path, venv: Path) -> Installed:
    """Make a venv and install the wheel with its pinned dependencies."""
    run([sys.executable, "-m", "venv", venv], cwd=venv.parent, env=outside_env())
    installed = Installed(venv, wheel)
    installed.pip("install", wheel)
    return installed


def fresh_project(target: Path, theme: str = "material", **theme_options: object) -> Path:
    """A new MkDocs project: the plugin its only configuration, the seed files where it looks."""
    config = {
        "site_name": "My course",
        "theme": {"name": theme, **theme_options},
        # Topics are the site's own (issue 13): this one names the seed's, so that its FAQ
        # can be compared with this repository's.
        "plugins": ["search", {"course-notes": {"topics": "topics.yml"}}],
    }
    (target / "docs").mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# My course\n", encoding="utf-8")
    # Where the plugin looks when its options name no files: beside mkdocs.yml.
    shutil.copy(SEED, target / "notes.md")
    shutil.copy(REFERENCES, target / "references.yml")
    shutil.copy(TOPICS, target / "topics.yml")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


# What GitHub's runner sets for every step and the build reads.
GITHUB = {"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_REPOSITORY": "owner/repo"}
# `vars.*` of a repository that has set no variables: every one is empty.
REPOSITORY_VARIABLES: dict[str, str] = {}
# What each action a workflow uses stands for here. A new action fails the test until it is
# described: the test must not skip a step the real workflow runs.
ACTIONS = {
    "actions/checkout": "the folder given, as checked out",
    "actions/setup-python": "the venv's python, first on PATH",
    "actions/configure-pages": "nothing the build reads; its output is given to expand()",
    "actions/upload-pages-artifact": "its `path`, checked to be the built site",
    "actions/deploy-pages": "nothing: it publishes the uploaded site",
}
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def expand(value: object, outputs: Mapping[str, str]) -> str:
    """A workflow value with its ``${{ }}`` expressions evaluated as GitHub does: ``vars.NAME``
    from the repository's variables, other jobs' outputs from ``outputs``."""

    def evaluate(match: re.Match[str]) -> str:
        name = re.fullmatch(r"vars\.(\w+)", match.group(1))
        if name is not None:
            return REPOSITORY_VARIABLES.get(name.group(1), "")
        if match.group(1) in outputs:
            return outputs[match.group(1)]
        raise AssertionError(f"teach installed.py ${{{{ {match.group(1)} }}}}")

    return _EXPRESSION.sub(evaluate, str(value))


def run_workflow(
    installed: Installed,
    checkout: Path,
    workflow_file: Path,
    outputs: Mapping[str, str] | None = None,
    **extra: str,
) -> list[Path]:
    """Run every job's `run:` steps as the runner would, in file order; return the uploads.

    ``extra`` is environment the runner would not set, standing in for what it reaches
    (a package index, a git host).
    """
    workflow: dict[str, Any] = yaml.safe_load(workflow_file.read_text("utf-8"))
    uploads = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                action = step["uses"].split("@")[0]
                assert action in ACTIONS, f"teach installed.py what {action} does"
                if action == "actions/upload-pages-artifact":
                    uploads.append(checkout / step["with"]["path"])
                continue
            shell = step.get("shell", job.get("defaults", {}).get("run", {}).get("shell", "bash"))
            assert shell == "bash", f"teach installed.py to run a {shell} step"
            env = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
            env = GITHUB | {name: expand(value, outputs or {}) for name, value in env.items()}
            # The runner's own command line for a bash step.
            command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
            cwd = checkout / step.get("working-directory", ".")
            run(command, cwd=cwd, env=installed.env(**env, **extra))
    return uploads
