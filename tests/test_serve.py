"""Live reload for real: `mkdocs serve` on a free port, a tick saved, the page updated."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project
from support.siteserver import fetch, free_port, wait_for

# Bounds, not timings: generous so that a loaded CI machine is not a failure.
START_TIMEOUT = 90.0
RELOAD_TIMEOUT = 30.0


@contextmanager
def serving(config: Path) -> Iterator[str]:
    """Run `mkdocs serve` for a project; yield its URL; always stop the server."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = config.parent / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
        )
        try:
            wait_for(
                lambda: fetch(url) is not None or server.poll() is not None, START_TIMEOUT, url
            )
            assert server.poll() is None, log_path.read_text()
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def videos_badge(url: str) -> str | None:
    page = fetch(url + "week-2/")
    if page is None:
        return None
    badges = BeautifulSoup(page, "html.parser").select(".cn-badge")
    return next((b.get_text(" ", strip=True) for b in badges if "Videos" in b.get_text()), None)


def save_in_place(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def save_by_rename(path: Path, text: str) -> None:
    # What many editors do: write a new file beside it, then rename it over the old one.
    spare = path.with_name(path.name + ".swp")
    spare.write_text(text, encoding="utf-8", newline="")
    os.replace(spare, path)


@pytest.mark.parametrize(
    ("where", "save"),
    [("seeds/notes.md", save_in_place), ("../elsewhere/notes.md", save_by_rename)],
    ids=["notes-in-project-saved-in-place", "notes-outside-project-saved-by-rename"],
)
def test_ticking_an_item_updates_the_served_page(
    tmp_path: Path, seed_text: str, where: str, save: Callable[[Path, str], None]
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    config = copy_project(project)
    notes = (project / where).resolve()
    if where != "seeds/notes.md":
        notes.parent.mkdir()
        (project / "seeds" / "notes.md").rename(notes)
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("notes: seeds/notes.md", f"notes: {where}"), "utf-8")
    with serving(config) as url:
        assert videos_badge(url) == "Videos 6/7"
        ticked = seed_text.replace("  - pytorch (52:49) \n", "  - pytorch (52:49) 🗸\n")
        assert ticked != seed_text
        save(notes, ticked)
        wait_for(lambda: videos_badge(url) == "Videos 7/7", RELOAD_TIMEOUT, "Videos 7/7")
