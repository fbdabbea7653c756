from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from siteserver import serve

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "notes.md"
REFERENCES = ROOT / "seeds" / "references.yml"
# The Deep Learning book's chapters and sections the seed sets, in numeric order.
SEED_BOOK_SECTIONS = [
    "1",
    "3",
    "3.10",
    "3.13",
    "4.3",
    "5.2",
    "5.2.2",
    "5.5",
    "5.6.1",
    "6.3",
    "6.3.2",
    "6.5.2",
    "7.11",
    "7.12",
    "8.3",
    "8.5",
]


@pytest.fixture(autouse=True, scope="session")
def _quiet_material() -> None:
    import os

    os.environ["NO_MKDOCS_2_WARNING"] = "1"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


def copy_project(target: Path, notes: str | bytes | None = None) -> Path:
    """Copy the project (config, docs, hooks, overrides, references) to target with notes."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, target / folder)
    (target / "seeds").mkdir()
    shutil.copy(REFERENCES, target / "seeds" / "references.yml")
    notes_path = target / "seeds" / "notes.md"
    if notes is None:
        shutil.copy(SEED, notes_path)
    elif isinstance(notes, bytes):
        notes_path.write_bytes(notes)
    else:
        notes_path.write_text(notes, encoding="utf-8", newline="")
    return target / "mkdocs.yml"


def build_project(config_file: Path, **overrides: object) -> Path:
    """Run a real strict build of the project at config_file; return the site folder."""
    site = config_file.parent / "site"
    config = load_config(str(config_file), site_dir=str(site), strict=True, **overrides)
    build(config)
    return site


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    def run(notes: str | bytes | None = None, **overrides: object) -> Path:
        return build_project(copy_project(tmp_path, notes), **overrides)

    return run


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site, built once for every test that only reads it."""
    return build_project(copy_project(tmp_path_factory.mktemp("seed")))


@pytest.fixture(scope="session")
def pages_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The seed's site built for a GitHub project page and served like one: (folder, URL).

    The URL is ``http://127.0.0.1:PORT/repo/``: the server binds a free port first, then the
    site is built with that URL as ``site_url`` (through SITE_URL, as a user would set it).
    """
    root = tmp_path_factory.mktemp("pages")
    config = copy_project(root)
    with serve(root / "site", prefix="/repo/") as url:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SITE_URL", url)
            site = build_project(config)
        yield site, url


def read_html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text("utf-8"), "html.parser")
