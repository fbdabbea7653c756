"""Publishing: the Pages workflow, site_url, and the site working under a project-page subpath."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import ProxyHandler, build_opener

import material
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_errors, copy_project, read_html

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
PINNED = re.compile(r"^actions/[a-z-]+@v\d+\.\d+\.\d+$")


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("site_url_hook", ROOT / "hooks" / "site_url.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_workflow_builds_strict_and_deploys_with_official_actions() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    # YAML 1.1 reads the key `on` as True.
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step["uses"] for job in (build, deploy) for step in job["steps"] if "uses" in step]
    assert [use.split("@")[0] for use in uses] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-pages-artifact",
        "actions/configure-pages",
        "actions/deploy-pages",
    ]
    assert all(PINNED.match(use) for use in uses), uses
    setup = next(step for step in build["steps"] if "setup-python" in step.get("uses", ""))
    assert setup["with"]["cache"] == "pip"
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert "mkdocs build --strict --site-dir site" in runs
    upload = next(step for step in build["steps"] if "upload-pages" in step.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_only_the_deploy_job_may_publish() -> None:
    # The build runs what the notes drive (Markdown, hooks, macros): it may read the
    # repository and nothing else, and keeps no token in .git/config for later steps.
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    checkout = next(step for step in build["steps"] if "checkout" in step.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False
    # The deploy job runs GitHub's actions only: no checkout, no command of the project's.
    assert all(step["uses"].startswith("actions/") for step in deploy["steps"])


@pytest.mark.parametrize(
    ("repository", "url"),
    [
        ("alice/dl-notes", "https://alice.github.io/dl-notes/"),
        ("Alice/DL-Notes", "https://alice.github.io/DL-Notes/"),
        ("alice/alice.github.io", "https://alice.github.io/"),
        ("Alice/alice.github.io", "https://alice.github.io/"),
    ],
)
def test_pages_url(repository: str, url: str) -> None:
    assert load_hook().pages_url(repository) == url


def test_pages_url_refuses_a_malformed_repository() -> None:
    with pytest.raises(ValueError, match="owner/repo"):
        load_hook().pages_url("just-a-name")


@pytest.mark.parametrize(
    ("env", "canonical"),
    [
        ({"GITHUB_REPOSITORY": "alice/dl-notes"}, "https://alice.github.io/dl-notes/week-1/"),
        (
            {"GITHUB_REPOSITORY": "alice/dl-notes", "SITE_URL": ""},
            "https://alice.github.io/dl-notes/week-1/",
        ),
        (
            {"GITHUB_REPOSITORY": "alice/dl-notes", "SITE_URL": "https://notes.example.org/dl/"},
            "https://notes.example.org/dl/week-1/",
        ),
        ({}, "http://127.0.0.1:8000/week-1/"),
    ],
)
def test_site_url_comes_from_the_environment(
    build_site, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], canonical: str
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    site = build_site()
    assert read_html(site, "week-1").select_one("link[rel=canonical]")["href"] == canonical
    assert f"<loc>{canonical}</loc>" in (site / "sitemap.xml").read_text("utf-8")


def test_a_malformed_github_repository_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("GITHUB_REPOSITORY", "no-slash")
    [error] = build_errors(copy_project(tmp_path))
    assert error.startswith(
        "hooks/site_url.py: GITHUB_REPOSITORY should be owner/repo, not 'no-slash'"
    )


def _without_leading_comment(template: str) -> str:
    return re.sub(r"^\{#-.*?-#\}\n", "", template, count=1, flags=re.DOTALL)


def test_search_override_is_materials_partial_plus_a_dialog_name() -> None:
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text("utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(
        "utf-8"
    )
    name = " aria-label=\"{{ lang.t('search') }}\""
    assert name in ours
    # Fails after a Material upgrade changes the partial: copy it again and re-add the name.
    assert _without_leading_comment(ours).replace(name, "", 1) == _without_leading_comment(theirs)


def test_search_dialog_has_a_name(seed_site: Path) -> None:
    dialog = read_html(seed_site, "").select_one("[role=dialog].md-search")
    assert dialog["aria-label"] == "Search"


def test_every_page_has_its_own_description(seed_site: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    site_description = re.search(r"^site_description: (.+)$", config, re.MULTILINE).group(1)
    descriptions: dict[str, str] = {}
    for page in sorted(seed_site.rglob("index.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        meta = soup.select_one("meta[name=description]")
        assert meta is not None, page
        descriptions[str(page.relative_to(seed_site))] = meta["content"]
    assert descriptions["week-1/index.html"] == (
        "Week 1: 19/28 done (68%). Slides 3/3, Attendance 2/2, Exercises 0/5, "
        "Videos 14/14, Readings 0/4."
    )
    assert site_description not in descriptions.values()
    assert len(set(descriptions.values())) == len(descriptions), descriptions


def test_week_checkboxes_have_a_name(seed_site: Path) -> None:
    boxes = read_html(seed_site, "week-1").select("li.task-list-item input[type=checkbox]")
    assert len(boxes) == 28
    assert {box.get("aria-label") for box in boxes} == {"Done"}


# --- the site under a GitHub project-page subpath -------------------------------------------

# Fetch 127.0.0.1 directly, whatever proxy the environment names.
_opener = build_opener(ProxyHandler({}))
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Crawl:
    """What a crawl of one site found."""

    base: str
    status: dict[str, int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)
    fragments: list[tuple[str, str, str]] = field(default_factory=list)
    queue: deque[tuple[str, str]] = field(default_factory=deque)

    def add(self, url: str, source: str) -> None:
        """Queue a link found in ``source``; links to other hosts are left alone."""
        url = urljoin(source, url)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(self.base).netloc:
            return
        page, fragment = urldefrag(url)
        if not page.startswith(self.base):
            self.broken.append(f"{source}: {url} is outside {self.base}")
            return
        if fragment:
            self.fragments.append((page, fragment, source))
        self.queue.append((page, source))

    def run(self) -> None:
        while self.queue:
            url, source = self.queue.popleft()
            if url in self.status:
                continue
            status, kind, body = _fetch(url)
            self.status[url] = status
            if status != 200:
                self.broken.append(f"{source}: {url} answered {status}")
                continue
            self.read(url, kind, body)

    def read(self, url: str, kind: str, body: bytes) -> None:
        """Queue what a fetched resource links to or loads."""
        if kind == "text/html":
            soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
            self.ids[url] = {tag["id"] for tag in soup.select("[id]")}
            for tag in soup.select("[href], [src]"):
                link = tag.get("href") or tag.get("src")
                if tag.name != "a" and re.match(r"(https?:)?//", link):
                    if urlsplit(urljoin(url, link)).netloc != urlsplit(self.base).netloc:
                        self.broken.append(f"{url}: loads {link} from another host")
                self.add(link, url)
            config = soup.select_one("script#__config")
            if config is not None:
                # Material's search: the worker script and the index it loads from `base`.
                settings = json.loads(config.get_text())
                self.add(settings["search"], url)
                self.add(settings["base"].rstrip("/") + "/search/search_index.json", url)
        elif kind == "text/css":
            for link in _CSS_URL.findall(body.decode("utf-8")):
                if not link.startswith("data:"):
                    self.add(link, url)
        elif url.endswith("search/search_index.json"):
            for entry in json.loads(body)["docs"]:
                self.add(entry["location"], self.base)
        elif url.endswith("sitemap.xml"):
            for loc in re.findall(r"<loc>([^<]+)</loc>", body.decode("utf-8")):
                self.add(loc, url)

    def missing_fragments(self) -> list[str]:
        return [
            f"{source}: {page}#{fragment} has no element with that id"
            for page, fragment, source in self.fragments
            if page in self.ids and fragment not in self.ids[page]
        ]


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with _opener.open(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_every_link_and_asset_resolves_under_a_subpath(pages_site: tuple[Path, str]) -> None:
    site, base = pages_site
    assert urlsplit(base).path == "/repo/"
    crawl = Crawl(base)
    for start in ("", "sitemap.xml"):
        crawl.add(start, base)
    crawl.run()
    assert crawl.broken == []
    assert crawl.missing_fragments() == []
    # Every page the build wrote was reached, and the search index's every entry resolved.
    folders = [page.parent.relative_to(site).as_posix() for page in site.rglob("index.html")]
    pages = {base if folder == "." else f"{base}{folder}/" for folder in folders}
    assert len(pages) > 10
    assert pages <= set(crawl.status), pages - set(crawl.status)
    assert base + "search/search_index.json" in crawl.status
    assert any(url.endswith(".css") for url in crawl.status)
    assert any(url.endswith(".js") for url in crawl.status)


def test_404_page_and_its_assets_resolve_under_a_subpath(pages_site: tuple[Path, str]) -> None:
    _, base = pages_site
    missing = base + "no/such/page/"
    status, kind, body = _fetch(missing)
    # The server answers like GitHub Pages: status 404 with the site's 404.html.
    assert (status, kind) == (404, "text/html")
    assert "404 - Not found" in body.decode("utf-8")
    crawl = Crawl(base)
    crawl.read(missing, kind, body)
    loaded = [url for url, _ in crawl.queue if not url.endswith("/")]
    assert any(url.endswith(".css") for url in loaded) and any(
        url.endswith(".js") for url in loaded
    )
    crawl.run()
    assert crawl.broken == []
    assert crawl.missing_fragments() == []
