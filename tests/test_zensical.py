"""The site built with Zensical: the generated pages as under MkDocs, hostile notes inert, reload.

Real builds: ``course-notes build --engine zensical`` of a copy of the project into tmp_path,
read back as HTML and compared with the MkDocs build of the same notes (``seed_site``).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from course_notes.adapters.cli import main as cli
from course_notes.adapters.zensical import config as zensical_config
from course_notes.adapters.zensical import engine as zensical_engine
from course_notes.io.config import Tagged, TagKeepingLoader, resolve
from course_notes.io.load import load_site

import hostile_notes
from conftest import REFERENCES, SEED, copy_project, read_html
from support.siteserver import fetch, free_port, wait_for
from test_hostile import (
    ACTIVE_TAGS,
    Pages,
    html_pages,
    script_signature,
    url_scheme_is_bad,
)


def _zensical_or_skip() -> None:
    if find_spec("zensical") is None:
        message = "Zensical is not installed (pip install '.[zensical]', Python 3.11+)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set: the Zensical tests must run, but {message}")
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _zensical() -> None:
    _zensical_or_skip()


def zensical_build(config: Path, *more: str) -> Path:
    """Build the project with Zensical, strict; return the site folder."""
    site = config.parent / "site"
    arguments = ["build", "--engine", "zensical", "-f", str(config), "--strict", *more]
    assert cli.main(arguments) == 0
    return site


@pytest.fixture(scope="session")
def zensical_seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _zensical_or_skip()
    return zensical_build(copy_project(tmp_path_factory.mktemp("zensical-seed")))


# What the two engines write differently in a generated page's article, and why; everything
# else (every element, class, attribute and piece of text) must be the same.
ENGINE_DIFFERENCES = {
    "a#__skip": "Zensical's theme starts the article with the skip link's target, an empty "
    '<a id="__skip">; Material puts the skip link before the article',
    "link hrefs": "relative links are written from different bases (MkDocs: questions.txt, "
    "Zensical: ../faq/questions.txt); compared as the address they lead to",
    "faq/questions.md": "MkDocs serves the FAQ's questions.md as written; Zensical renders every "
    ".md file of docs/ as a page, so there it is a page that shows the list (faq/questions/)",
}
# The download's page under Zensical, and the file it stands for under MkDocs.
DOWNLOAD_PAGE = ("/faq/questions/", "/faq/questions.md")
# Attributes with no meaning of their own: Material's icons' inline SVG paths are the same
# icons, and they are compared through the icon's place and classes.
SKIPPED_ATTRIBUTES = {"d"}


def outline(article: Tag, url: str) -> list[tuple[object, ...]]:
    """Every element and piece of text of an article, in order, links as absolute paths."""
    for skip in article.select("a#__skip"):
        skip.decompose()
    found: list[tuple[object, ...]] = []
    for node in article.descendants:
        if isinstance(node, NavigableString):
            text = " ".join(node.split())
            if text:
                found.append(("text", text))
            continue
        if not isinstance(node, Tag):
            continue
        attributes = []
        for name, value in sorted(node.attrs.items()):
            if name in SKIPPED_ATTRIBUTES:
                continue
            shown = " ".join(value) if isinstance(value, list) else value
            if name == "href":
                shown = urljoin(url, shown)
                shown = DOWNLOAD_PAGE[1] if shown == DOWNLOAD_PAGE[0] else shown
            attributes.append((name, shown))
        found.append((node.name, tuple(attributes)))
    return found


def generated_pages() -> list[str]:
    """The URL paths of the seed's generated pages: every week, readings and the FAQ."""
    site = load_site(resolve(None, SEED, REFERENCES), os.environ)
    return ["/" + page.path.removesuffix(".md") + "/" for page in site.pages]


def test_the_seed_makes_weeks_readings_and_faq() -> None:
    pages = generated_pages()
    assert {"/readings/", "/faq/"} <= set(pages)
    assert sum(1 for page in pages if page.startswith("/week-")) == 6


@pytest.mark.parametrize("url", generated_pages())
def test_every_generated_page_is_the_same_under_both_engines(
    url: str, seed_site: Path, zensical_seed_site: Path
) -> None:
    """Text and structure of the article: badges, counts, bars, tasks and their states, links."""
    mkdocs_article = read_html(seed_site, url.strip("/")).select_one("article")
    zensical_article = read_html(zensical_seed_site, url.strip("/")).select_one("article")
    assert mkdocs_article is not None and zensical_article is not None
    mkdocs_outline = outline(mkdocs_article, url)
    assert outline(zensical_article, url) == mkdocs_outline
    # What the comparison covered: the week pages' badges, bars and ticked tasks are there.
    if url.startswith("/week-"):
        kinds = Counter(name for name, *_ in mkdocs_outline)
        assert kinds["input"] > 0 and kinds["svg"] > 0
        elements = [entry for entry in mkdocs_outline if entry[0] != "text"]
        assert any(("role", "progressbar") in attributes for _, attributes in elements)


def test_the_differences_listed_are_the_ones_found(
    seed_site: Path, zensical_seed_site: Path
) -> None:
    faq = read_html(zensical_seed_site, "faq")
    assert faq.select("article a#__skip")
    assert not read_html(seed_site, "faq").select("article a#__skip")
    hrefs = {a.get_text(strip=True): a["href"] for a in faq.select("article a.md-button")}
    assert hrefs == {"questions.md": "../faq/questions/", "questions.txt": "../faq/questions.txt"}
    assert (seed_site / "faq" / "questions.md").is_file()
    assert set(ENGINE_DIFFERENCES) == {"a#__skip", "link hrefs", "faq/questions.md"}


def test_the_downloads_under_zensical(seed_site: Path, zensical_seed_site: Path) -> None:
    text = (seed_site / "faq" / "questions.txt").read_text("utf-8")
    assert (zensical_seed_site / "faq" / "questions.txt").read_text("utf-8") == text
    # questions.md, shown as written on a page of its own, to copy.
    written = (seed_site / "faq" / "questions.md").read_text("utf-8")
    shown = read_html(zensical_seed_site, "faq/questions").select_one("article pre")
    assert shown is not None
    assert shown.get_text() == written


def test_the_home_page_figures_under_zensical(seed_site: Path, zensical_seed_site: Path) -> None:
    def figures(site: Path) -> list[str]:
        article = read_html(site, ".").select_one("article")
        assert article is not None
        return re.findall(r"\d+/\d+ done \(\d+%\)|\d+h \d+m \d+s", article.get_text(" "))

    assert "27/73 done (37%)" in figures(seed_site)
    assert figures(zensical_seed_site) == figures(seed_site)
    table = read_html(zensical_seed_site, ".").select("article table a")
    assert [a["href"] for a in table][:2] == ["week-1/", "week-2/"]


def test_one_tab_title_under_zensical(seed_site: Path, zensical_seed_site: Path) -> None:
    def titles(site: Path) -> list[str]:
        return [read_html(site, url).title.get_text() for url in (".", "week-1")]  # type: ignore[union-attr]

    # Zensical's own template would title the home page "Course - Course".
    assert titles(zensical_seed_site) == titles(seed_site)
    assert titles(seed_site) == [
        "Deep Learning course notes",
        "Week 1 - Deep Learning course notes",
    ]


def test_the_site_s_own_overrides_are_kept_under_zensical(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides").mkdir()
    (tmp_path / "notes.md").write_bytes(SEED.read_bytes())
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Own\ntheme: {name: material, custom_dir: overrides}\n"
        "plugins:\n  - course-notes: {notes: notes.md}\n",
        encoding="utf-8",
    )
    (tmp_path / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block footer %}<p id="mine">own footer</p>{% endblock %}\n',
        encoding="utf-8",
    )
    site = zensical_build(tmp_path / "mkdocs.yml")
    for url in (".", "week-1"):
        assert read_html(site, url).select_one("p#mine") is not None
    titles = [read_html(site, url).title.get_text() for url in (".", "week-1")]  # type: ignore[union-attr]
    # The generated home page's front matter names it, as under MkDocs.
    assert titles == ["Course notes - Own", "Week 1 - Own"]


def test_the_nav_and_stylesheets_under_zensical(seed_site: Path, zensical_seed_site: Path) -> None:
    def nav(site: Path) -> list[str]:
        page = read_html(site, "week-1")
        links = page.select("nav.md-nav--primary a.md-nav__link")
        return [a.get_text(" ", strip=True) for a in links]

    assert nav(zensical_seed_site) == nav(seed_site)
    assert nav(seed_site)[:2] == ["Deep Learning course notes", "Week 1"]
    page = read_html(zensical_seed_site, "week-1")
    sheets = [str(link["href"]) for link in page.select("link[rel=stylesheet]")]
    # The plugin's stylesheet first, the site's own after it, so that the site's wins.
    assert sheets[-2:] == ["../assets/course-notes.css", "../stylesheets/site.css"]
    # No request to another host.
    sources = sheets + [str(script["src"]) for script in page.select("script[src]")]
    assert [src for src in sources if src.startswith(("http:", "https:", "//"))] == []


# Hostile notes under Zensical: the checks of test_hostile.py on a Zensical build.


@pytest.fixture(scope="module")
def zensical_hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile notes' site built with Zensical, a secret in the environment: (site, canary)."""
    root = tmp_path_factory.mktemp("zensical-hostile")
    canary = root / "canary"
    canary.mkdir()
    config = copy_project(root, hostile_notes.hostile_notes(canary))
    (root / "seeds" / "references.yml").write_text(
        hostile_notes.hostile_references(canary), encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as env:
        env.setenv(hostile_notes.SECRET_NAME, hostile_notes.SECRET)
        return zensical_build(config), canary


def test_no_jinja_in_the_notes_runs_under_zensical(zensical_hostile: tuple[Path, Path]) -> None:
    site, canary = zensical_hostile
    assert sorted(path.name for path in canary.iterdir()) == []
    printed = {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".md", ".txt"}
        for text in [path.read_text("utf-8")]
        if hostile_notes.ID_OUTPUT in text or hostile_notes.SECRET in text
    }
    assert printed == set()
    # Shown, not run: every canary command is on some page as text.
    shown = " ".join(soup.get_text() for soup in html_pages(site).values())
    notes = (site.parent / "seeds" / "notes.md").read_text("utf-8")
    commands = set(re.findall(r"touch '[^']*'", notes))
    assert len(commands) > 50
    assert sorted(command for command in commands if command not in shown) == []


def test_no_script_or_active_markup_from_the_notes_under_zensical(
    zensical_hostile: tuple[Path, Path], zensical_seed_site: Path
) -> None:
    pages: Pages = html_pages(zensical_hostile[0])
    theme = {
        page: Counter(map(signature, soup.find_all("script")))
        for page, soup in html_pages(zensical_seed_site).items()
    }
    assert len(set(map(frozenset, (counts.items() for counts in theme.values())))) == 1
    scripts_of_every_page = next(iter(theme.values()))
    extra = {}
    found = []
    for page, soup in pages.items():
        scripts = Counter(map(signature, soup.find_all("script")))
        if scripts != scripts_of_every_page:
            extra[page] = scripts - scripts_of_every_page
        for element in soup.find_all(True):
            if element.name in ACTIVE_TAGS - {"script"}:
                found.append(f"{page}: <{element.name}>")
            for name, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else value or ""
                if name.lower().startswith("on") or url_scheme_is_bad(text):
                    found.append(f"{page}: <{element.name} {name}={text!r}>")
        found += [f"{page}: {element}"[:120] for element in soup.select("article img, iframe")]
    assert extra == {}
    assert found == []
    article = pages["week-1/index.html"].select_one("article")
    assert article is not None
    for payload in ("<img src=x onerror=alert(1)>", "<script>alert(13)</script>"):
        assert payload in article.get_text()
    # The sanitiser ran: the heading "__config" lost the id the theme's script reads.
    assert [e.name for e in pages["week-2/index.html"].select("#__config")] == ["script"]


def signature(script: Tag) -> tuple[str, ...]:
    """A theme script as any page has it: Zensical writes "./assets/" on the home page."""
    return tuple(part.replace('"./', '"') for part in script_signature(script))


# Serving: a tick saved in the notes shows on the served page.

START_TIMEOUT = 90.0
RELOAD_TIMEOUT = 30.0


@contextmanager
def serving(config: Path) -> Iterator[str]:
    """Run `course-notes serve --engine zensical` on a free port; yield its URL; stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = config.parent / "serve.log"
    command = [
        sys.executable,
        "-m",
        "course_notes",
        "serve",
        "--engine",
        "zensical",
    ]
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*command, "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "SITE_URL": url},
        )
        try:
            wait_for(
                lambda: fetch(url) is not None or server.poll() is not None, START_TIMEOUT, url
            )
            assert server.poll() is None, log_path.read_text()
            yield url
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    # Zensical stopped with it: nothing serves the site any more.
    assert fetch(url) is None


def badge(url: str, page: str, label: str) -> str | None:
    html = fetch(url + page)
    if html is None:
        return None
    badges = BeautifulSoup(html, "html.parser").select(".cn-badge")
    return next((b.get_text(" ", strip=True) for b in badges if label in b.get_text()), None)


def done(url: str) -> str | None:
    html = fetch(url)
    found = re.search(r"\d+/\d+ done", html or "")
    return found.group() if found else None


def test_serve_with_zensical_shows_a_saved_tick(tmp_path: Path, seed_text: str) -> None:
    config = copy_project(tmp_path)
    with serving(config) as url:
        # Zensical answers while its first build is still writing the site.
        wait_for(lambda: badge(url, "week-2/", "Videos") is not None, START_TIMEOUT, "week 2")
        assert badge(url, "week-2/", "Videos") == "Videos 6/7"
        wait_for(lambda: done(url) is not None, START_TIMEOUT, "the home page")
        assert done(url) == "27/73 done"
        ticked = seed_text.replace("  - pytorch (52:49) \n", "  - pytorch (52:49) 🗸\n")
        assert ticked != seed_text
        (tmp_path / "seeds" / "notes.md").write_text(ticked, encoding="utf-8", newline="")
        wait_for(lambda: badge(url, "week-2/", "Videos") == "Videos 7/7", RELOAD_TIMEOUT, "7/7")
        # The home page's figures come from the macros, read again from the saved notes.
        wait_for(lambda: done(url) == "28/73 done", RELOAD_TIMEOUT, "28/73 done")


# The config written for Zensical.


def written_config(path: Path) -> dict[str, Any]:
    """The config written for Zensical, its tags kept."""
    text = path.read_text("utf-8")
    return yaml.load(text, TagKeepingLoader)  # noqa: S506 (a SafeLoader keeping tags)


def written_extensions(path: Path) -> dict[str, Any]:
    """The Markdown extensions of the config written for Zensical, and their options."""
    return dict(
        next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        for entry in written_config(path)["markdown_extensions"]
    )


def test_a_site_that_lists_nothing_gets_what_the_pages_need(tmp_path: Path) -> None:
    """A mkdocs.yml with no extensions, no macros, no nav: the pages still build as intended."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "notes.md").write_bytes(SEED.read_bytes())
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Bare\nplugins:\n  - course-notes\n", encoding="utf-8")
    site = zensical_build(config)
    week = read_html(site, "week-1")
    assert week.select(".cn-badges .cn-badge")
    assert week.select("li.task-list-item input[type=checkbox][checked]")
    assert all(box.get("aria-label") == "Done" for box in week.select("article input"))
    assert week.select("article span.twemoji svg")
    # No docs/index.md: the generated home page, as under MkDocs, its links to every week.
    home = read_html(site, ".").select_one("article")
    assert home is not None
    assert "27/73" in home.get_text(" ")
    assert {"week-1/", "week-6/", "faq/"} <= {a["href"] for a in home.select("a[href]")}
    written = yaml.load(  # noqa: S506 (the module's own loader, a SafeLoader that keeps tags)
        (tmp_path / zensical_engine.CONFIG_NAME).read_text("utf-8"), TagKeepingLoader
    )
    names = [
        next(iter(entry)) if isinstance(entry, dict) else entry
        for entry in written["markdown_extensions"]
    ]
    assert "zensical.extensions.macros" not in names
    assert names[-1] == zensical_config.PAGES_EXTENSION


def test_the_config_keeps_tags_and_what_the_site_sets(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (tmp_path / "notes.md").write_bytes(SEED.read_bytes())
    (tmp_path / "base.yml").write_text("site_name: Base\nextra_css: [own.css]\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\n"
        "site_url: !ENV [SITE_URL, 'http://127.0.0.1:8000/']\n"
        "theme: {name: material, custom_dir: overrides}\n"
        "plugins:\n  - course-notes:\n      zensical_overrides: false\n"
        "  - macros:\n      render_by_default: false\n      force_render_paths: own/*\n"
        "markdown_extensions:\n"
        "  - pymdownx.tasklist: {custom_checkbox: false}\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    project = zensical_engine.project(tmp_path / "mkdocs.yml")
    project.prepare()
    written = written_config(project.zensical_config)
    assert written["site_name"] == "Base"
    assert written["site_url"] == Tagged("!ENV", ["SITE_URL", "http://127.0.0.1:8000/"])
    # custom_dir left out (zensical_overrides: false): the overrides folder holds only the
    # template that gives the home page one title.
    assert written["theme"] == {
        "name": "material",
        "custom_dir": ".course-notes/zensical/overrides",
    }
    overrides = tmp_path / ".course-notes/zensical/overrides"
    assert [p.name for p in overrides.iterdir()] == ["main.html"]
    assert written["docs_dir"] == ".course-notes/zensical/docs"
    assert written["extra_css"] == ["assets/course-notes.css", "own.css"]
    assert written["nav"][0] == "index.md"
    assert written["nav"][1]["Weeks"][0] == {"Week 1": "week-1.md"}
    assert written["nav"][-1] == "about.md"
    extensions = written_extensions(project.zensical_config)
    # The site's own option kept; what it leaves unset, added.
    assert extensions["pymdownx.tasklist"] == {"custom_checkbox": False}
    emoji = extensions["pymdownx.emoji"]
    assert emoji["emoji_index"].tag.endswith("python/name:material.extensions.emoji.twemoji")
    assert emoji["emoji_generator"].tag.endswith("python/name:material.extensions.emoji.to_svg")
    macros = extensions["zensical.extensions.macros"]
    assert macros["modules"] == ["course_notes.macros_env"]
    assert macros["render_by_default"] is False
    paths = macros["force_render_paths"].splitlines()
    assert paths[0] == "own/*" and "!/week-1.md" in paths and "!/faq/questions.md" in paths
    assert extensions[zensical_config.PAGES_EXTENSION]["pages"][0] == "week-1.md"
    # The merged docs: the site's pages, the generated ones, the stylesheet.
    docs = sorted(p.relative_to(project.docs).as_posix() for p in project.docs.rglob("*.*"))
    assert {"index.md", "about.md", "week-1.md", "faq.md", "assets/course-notes.css"} <= set(docs)


def test_the_build_folder_is_written_again_only_where_it_changed(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    own = tmp_path / "own.png"
    own.write_bytes(b"png")
    files: dict[str, str | Path] = {"a.md": "A", "img/own.png": own}
    assert sorted(zensical_engine.sync_folder(tmp_path, "out", files)) == ["a.md", "img/own.png"]
    assert zensical_engine.sync_folder(tmp_path, "out", files) == []
    assert zensical_engine.sync_folder(tmp_path, "out", {"a.md": "B"}) == ["a.md", "img/own.png"]
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == ["a.md"]


def test_a_hand_written_page_at_a_generated_path_stops_the_build(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    (tmp_path / "docs" / "week-1.md").write_text("# Mine\n", encoding="utf-8")
    assert cli.main(["build", "--engine", "zensical", "-f", str(config)]) == 1


def test_build_with_mkdocs_is_mkdocs_build(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    out = tmp_path / "elsewhere"
    assert cli.main(["build", "-f", str(config), "--site-dir", str(out), "--strict"]) == 0
    assert "Videos 6/7" in (out / "week-2" / "index.html").read_text("utf-8").replace("\n", " ")
    assert not (tmp_path / ".course-notes").exists()


def test_without_a_config_the_command_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build", "--engine", "zensical"]) == 1
    assert capsys.readouterr().err == (
        "course-notes: no mkdocs.yml here; give the site's config with -f FILE\n"
    )
