from __future__ import annotations

import json
import logging
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from course_notes.derive import site as course_site
from course_notes.model import (
    Cancelled,
    Course,
    Group,
    Item,
    Note,
    Reading,
    References,
    Subheading,
    Topic,
    Verbatim,
    Video,
)

import hostile_notes
from support.siteserver import serve

if TYPE_CHECKING:
    from installed import Installed

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "notes.md"
REFERENCES = ROOT / "seeds" / "references.yml"
TOPICS = ROOT / "seeds" / "topics.yml"
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


# The day every build of the tests takes as today: in week 3 of the term this repository's
# mkdocs.yml sets (term_start: 2026-11-09), so weeks 1 and 2 are behind and items overdue.
TODAY = "2026-11-25"


# A command run in a child of this small wrapper, whose RUSAGE_CHILDREN then holds the
# command's own CPU time and peak memory (and its git's), printed as JSON with its exit
# status and output. CPU time, not the wall clock: beside the suite's other worker on two
# CPUs a 9 s run took 12 s by the clock; a run gone quadratic takes minutes either way.
MEASURE = (
    "import json, resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "seconds, peak = used.ru_utime + used.ru_stime, used.ru_maxrss * 1024\n"
    "print(json.dumps([seconds, peak, done.returncode, done.stdout, done.stderr]))\n"
)


@pytest.fixture(autouse=True, scope="session")
def _quiet_material() -> None:
    import os

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ["COURSE_NOTES_TODAY"] = TODAY


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
    shutil.copy(TOPICS, target / "seeds" / "topics.yml")
    notes_path = target / "seeds" / "notes.md"
    if notes is None:
        shutil.copy(SEED, notes_path)
    elif isinstance(notes, bytes):
        notes_path.write_bytes(notes)
    else:
        notes_path.write_text(notes, encoding="utf-8", newline="")
    return target / "mkdocs.yml"


def plugin_options(config_file: Path, **options: str) -> Path:
    """Set options of the course-notes plugin in a copied project's mkdocs.yml (JSON-quoted)."""
    text = config_file.read_text("utf-8")
    lines = "".join(f"      {name}: {json.dumps(value)}\n" for name, value in options.items())
    config_file.write_text(text.replace("  - course-notes:\n", f"  - course-notes:\n{lines}"))
    return config_file


def build_project(config_file: Path, **overrides: object) -> Path:
    """Run a real strict build of the project at config_file; return the site folder."""
    site = config_file.parent / "site"
    config = load_config(str(config_file), site_dir=str(site), strict=True, **overrides)
    build(config)
    return site


def build_errors(config_file: Path, **overrides: object) -> list[str]:
    """Build, expecting the build to stop; return the ERROR lines it logged."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            build_project(config_file, **overrides)
    finally:
        logger.removeHandler(handler)
    return [record.getMessage() for record in records]


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


# What "nothing lost" checks: the text of every line, less the format's own marks.
TICKS = ("\U0001f5f8", "\u2713", "\u2714", "\u2611", "\u2705")


def tick_forms() -> list[str]:
    """Every written form of a tick: plain, with the emoji selector, garbled (longest first)."""
    forms = set()
    for tick in TICKS:
        for variant in (tick, tick + "\ufe0f"):
            raw = variant.encode("utf-8")
            forms |= {variant, raw.decode("cp1252", "replace"), raw.decode("latin-1")}
    return sorted((form for form in forms if "\ufffd" not in form), key=len, reverse=True)


TICK_FORMS = tick_forms()
_SEPARATOR_LINE = re.compile(r"-{3,}")
_DURATION_PARENS = re.compile(r"\((?:(?:\d+[:.])?\d{1,2}[:.]\d{2}|\?|)\)$")


def normal(text: str) -> str:
    """Text compared without case or runs of whitespace."""
    return " ".join(text.casefold().split())


def line_texts(line: str) -> list[str]:
    """The text a notes line must show on some page (none for blanks, separators, markers)."""
    text = line.strip()
    if (
        not text
        or _SEPARATOR_LINE.fullmatch(text)
        or re.fullmatch(r"#\s*thoughts\s*:?", text, re.I)
        # A lone "?" or "❓" starts the questions (issue 23): a mark, like "# Thoughts".
        or re.fullmatch(r"(?:\?+|\u2753\ufe0f?|\u2754)\s*:?", text)
    ):
        return []
    heading = re.match(r"#+\s*", text)
    if heading:
        text = text[heading.end() :].rstrip(":").strip()
        if re.fullmatch(r"\?+|\u2753\ufe0f?|\u2754", text):
            return []
        week = re.fullmatch(
            r"(week\s*\d+)\s*[:\-\u2013\u2014\u00b7,|\u2022/=>~]{0,3}\s*(.*)", text, re.I
        )
        if week:
            # "week 3: vision" shows as "Week 3: Vision"; a repeated week's title joins the
            # first one's, so the number and the title are looked for apart.
            return [normal(part) for part in week.groups() if part]
        # A separator or a run of up to three after the number, as the reader takes it
        # (layout._SEPARATOR).
        unit = re.fullmatch(
            r"[^\W\d_]+\.?\s*(\d+)\s*[:\-\u2013\u2014\u00b7,|\u2022/=>~]{0,3}\s*(.*)", text
        )
        if unit:
            # Any unit's word ("Wk3", "Lec 5") shows as the page's word ("Week 3", "Lecture
            # 5"): its number and title are looked for apart.
            return [normal(part) for part in unit.groups() if part]
        return [normal(text)] if text else []
    # Blanks only: a garbled tick may end in a byte that str.strip takes for one (U+0085).
    text = re.sub(r"^[-*+](?:[ \t]+|$)", "", line.strip(" \t"))
    for end in (text, text.rstrip()):
        tick = next((form for form in TICK_FORMS if end.endswith(form)), None)
        if tick:
            text = end[: -len(tick)]
            break
    text = re.sub(r"^\[[ xX]\]\s*", "", text.strip())
    text = _DURATION_PARENS.sub("", text).strip()
    # "- ()", "- ?": placeholders, no task; the page says "Nothing listed yet." for them.
    return [normal(text)] if text and text != "()" and not re.fullmatch(r"\?+", text) else []


def missing_texts(notes: str, pages: list[str]) -> list[tuple[int, str]]:
    """The (line number, text) of every notes line whose text is on none of the pages."""
    shown = [f" {normal(page)} " for page in pages]
    missing = []
    lines = notes.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        for text in line_texts(line):
            if not any(text in page for page in shown):
                missing.append((number, text))
    return missing


def site_texts(site: Path) -> list[str]:
    """The text of the main content of every page of a built site."""
    texts = []
    for page in sorted(site.rglob("*.html")):
        article = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one("article")
        if article is not None:
            texts.append(article.get_text(" "))
    return texts


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel built from a clean copy of the tracked files, installed in a venv of its own.

    Built once per session, outside this repository (about 35 s with pip's cache warm).
    """
    from installed import build_wheel, clean_copy, install

    root = tmp_path_factory.mktemp("installed")
    wheel = build_wheel(clean_copy(root / "source"), root / "dist")
    venv = install(wheel, root / "venv")
    # Nothing of the source tree on the path: the package imported is the wheel's.
    assert venv.package_file(root).is_relative_to(venv.venv)
    return venv


def heading_text(heading: Tag) -> str:
    """A heading's text as a reader sees it, without its ``¶`` permalink."""
    return "".join(
        part.get_text() if isinstance(part, Tag) else str(part)
        for part in heading.contents
        if not (isinstance(part, Tag) and "headerlink" in (part.get("class") or []))
    )


def site_pages(
    course: Course,
    references: References | None = None,
    topics: list[Topic] | None = None,
    home: bool = False,
) -> dict[str, str]:
    """The Markdown of every page build_site makes for a course, by path, in nav order.

    With ``home``, the home page a site without its own gets comes first.
    """
    site = course_site.build_site(course, references, topics or [])
    pages = [site.home, *site.pages] if home and site.home else site.pages
    return {page.path: page.markdown for page in pages}


def page_titles(course: Course) -> dict[str, str]:
    """The title of every page build_site makes for a course, by path."""
    return {page.path: page.title for page in course_site.build_site(course).pages}


@dataclass(frozen=True)
class HostileSite:
    """The site built from hostile notes and references (see hostile_notes.py)."""

    site: Path
    url: str
    canary: Path


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileSite]:
    """The hostile notes' site, built once with a secret in the environment, and served.

    Served like ``pages_site`` (under ``/repo/`` on a free port) for the browser tests.
    """
    root = tmp_path_factory.mktemp("hostile")
    canary = root / "canary"
    canary.mkdir()
    config = copy_project(root, hostile_notes.hostile_notes(canary))
    plugin_options(config, lecturer_email=hostile_notes.LECTURER_EMAIL)
    (root / "seeds" / "references.yml").write_text(
        hostile_notes.hostile_references(canary), encoding="utf-8"
    )
    with serve(root / "site", prefix="/repo/") as url:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SITE_URL", url)
            env.setenv(hostile_notes.SECRET_NAME, hostile_notes.SECRET)
            site = build_project(config)
        yield HostileSite(site, url, canary)


_ROLES: dict[type, str] = {
    Item: "item",
    Video: "item",
    Reading: "item",
    Note: "note",
    Group: "group",
    Subheading: "subheading",
    Cancelled: "cancelled",
}


def accounted_lines(course: Course) -> list[tuple[int, str]]:
    """Every line the course holds, as (line number, role); blanks and separators hold none."""
    lines: list[tuple[int, str]] = []
    if course.title_line:
        lines.append((course.title_line, "course title"))
    for note in course.intro:
        last = note.last if isinstance(note, Verbatim) else note.line
        lines += [(line, "intro") for line in range(note.line, last + 1)]
    for week in course.weeks:
        lines += [(week.line, "week heading")]
        lines += [(line, "week heading") for line in week.joined_at]
    for section in course.general + [s for week in course.weeks for s in week.sections]:
        if section.title:
            lines.append((section.line, "section heading"))
        lines += [(line, "placeholder") for line in section.placeholder_lines]
        for entry in section.entries:
            if isinstance(entry, Verbatim):
                lines += [(line, "verbatim") for line in range(entry.line, entry.last + 1)]
            else:
                lines.append((entry.line, _ROLES[type(entry)]))
    if course.thoughts_line:
        lines.append((course.thoughts_line, "thoughts heading"))
    lines += [(line, "thoughts heading") for line in course.thoughts_joined_at]
    lines += [(line.number, "thoughts") for line in course.thoughts]
    lines += [(line, "markup") for line in course.markup_lines]
    lines += [(line, "continued") for line in course.continued_lines]
    return lines


class PageRenderer:
    """Generated Markdown to the HTML a page gets, in-process: the site's Markdown extensions
    (as this repository's mkdocs.yml lists them), then what the plugin does to a page's HTML
    (check marks labelled, the allow-list sanitiser). What a test needs of a page's content,
    without a build: a real ``mkdocs build`` costs about a second a site."""

    def __init__(self) -> None:
        import markdown
        from mkdocs.config import load_config

        config = load_config(str(ROOT / "mkdocs.yml"))
        self.md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )

    def html(self, page: str) -> str:
        """The page's content HTML, as the plugin hands it to the theme."""
        from mkdocs.utils import meta

        from course_notes.render import sanitize, tasklist

        body, _ = meta.get_data(page)
        self.md.reset()
        return sanitize.clean(tasklist.label_checkboxes(self.md.convert(body)))


@pytest.fixture(scope="session")
def render_page() -> PageRenderer:
    """The in-process harness: generated Markdown to a page's HTML."""
    return PageRenderer()


def git(folder: Path, *arguments: str, when: str = "2026-11-09T09:00:00") -> str:
    """Run git in a folder as a student with no git config of their own; its output.

    ``when`` is the author and committer date of a commit it makes.
    """
    import os
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Student",
        "GIT_AUTHOR_EMAIL": "student@example.org",
        "GIT_COMMITTER_NAME": "Student",
        "GIT_COMMITTER_EMAIL": "student@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(folder),
    }
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout
