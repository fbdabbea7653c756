from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from course_notes.adapters.cli.main import main
from course_notes.adapters.cli.new_site import TEMPLATES, template
from course_notes.read.notes import parse

from conftest import ROOT, build_project, heading_text, read_html
from installed import Installed, outside_env, run, run_workflow

# Another course than the sample, written as a student would: a title line, the known
# section headings, ticks of both kinds, a placeholder, readings and Thoughts.
ALGORITHMS = """\
# COMP3121 Algorithms & Data Structures — Term 1

# week 1: greedy algorithms
## lecture slides
- 1a: interval scheduling 🗸
- 1b: huffman codes 🗸
## lecture attendance, videos and notes
- Monday 🗸
- Wednesday
## video recordings & notes:
  - activity selection (12:30) 🗸
  - exchange arguments (18:05) 🗸
  - huffman coding (20:00)
## readings
- [x] Algorithm Design (ch 4.1, 4.8)
- CLRS (16.3)

# week 2: divide and conquer
## exercises
- [x] merge sort by hand
- [ ] counting inversions
- closest pair of points
## video recordings & notes:
  - master theorem (25:10)
  - karatsuba (?)
## readings
- Algorithm Design (ch 5.3)

# week 3: dynamic programming
## exercises
-

# Thoughts
why does the exchange argument prove greedy is optimal?

A: it turns any optimal solution into the greedy one, step by step, without making it worse.

is the master theorem on the exam?
"""

# This repository's manual: a student's site shows their course, not these.
MANUAL_PAGES = ("notes-format", "macros", "customising", "benchmarks", "references")


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not in this repository, whose mkdocs.yml would give the new sites its references.
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def init(tmp_path: Path, notes_text: str, name: str = "algorithms.md") -> Path:
    """Write the notes into a repository's folder and init the site there; return mkdocs.yml."""
    repository = tmp_path / "repo"
    (repository / "notes").mkdir(parents=True)
    notes = repository / "notes" / name
    notes.write_text(notes_text, encoding="utf-8")
    assert main(["init", str(repository), "--notes", str(notes)]) == 0
    return repository / "mkdocs.yml"


def page_texts(site: Path) -> dict[str, str]:
    """Every page's visible text (title and body), by path."""
    return {
        str(page.relative_to(site)): BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(
            " "
        )
        for page in site.rglob("*.html")
    }


@pytest.fixture(scope="module")
def algorithms_site(tmp_path_factory: pytest.TempPathFactory, installed: Installed) -> Path:
    """The site `course-notes init` makes for the algorithms notes, built strict.

    Both steps run the installed wheel's own commands, outside this repository, as a student
    who ran `pip install course-notes` would: no source tree on the path.
    """
    repository = tmp_path_factory.mktemp("init") / "repo"
    (repository / "notes").mkdir(parents=True)
    notes = repository / "notes" / "algorithms.md"
    notes.write_text(ALGORITHMS, encoding="utf-8")
    run(
        [installed.bin / "course-notes", "init", repository, "--notes", notes],
        cwd=repository.parent,
        env=installed.env(),
    )
    return installed.mkdocs_build(repository)


def test_init_writes_the_site_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = init(tmp_path, ALGORITHMS)
    folder = config.parent
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert written == sorted([*TEMPLATES.values(), "notes/algorithms.md"])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "wrote mkdocs.yml, docs/index.md, .github/workflows/pages.yml, .gitignore, "
        f"requirements.txt, README.md in {folder}"
    )
    assert out[-1] == f"next: cd {folder} && course-notes serve"
    # The notes are in the site's folder, which GitHub builds from: nothing to warn about.
    assert not any(line.startswith("note:") and "is outside" in line for line in out)
    site = yaml_load(config.read_text("utf-8"), get_yaml_loader())
    assert site["site_name"] == "COMP3121 Algorithms &amp; Data Structures — Term 1"
    assert site["plugins"][1] == {"course-notes": {"notes": "notes/algorithms.md"}}
    assert "/site/" in (folder / ".gitignore").read_text("utf-8").split()
    assert "/.cache/" in (folder / ".gitignore").read_text("utf-8").split()
    readme = (folder / "README.md").read_text("utf-8")
    assert readme.startswith("# COMP3121 Algorithms &amp; Data Structures — Term 1\n")
    assert "[`notes/algorithms.md`](notes/algorithms.md)" in readme
    assert "course-notes==" in (folder / "requirements.txt").read_text("utf-8")


def test_init_site_builds_with_badges_bars_and_ticks(algorithms_site: Path) -> None:
    week = read_html(algorithms_site, "week-1")
    badges = [" ".join(b.get_text(" ", strip=True).split()) for b in week.select(".cn-badge")]
    assert badges == [
        "Slides 2/2",
        "Attendance 1/2",
        "Videos 2/3",
        "Readings 1/2",
        "Week 6/9",
    ]
    assert week.select_one(".cn-badge")["class"] == ["cn-badge", "cn-badge--complete"]
    boxes = week.select("li.task-list-item input[type=checkbox]")
    assert (len(boxes), sum(box.has_attr("checked") for box in boxes)) == (9, 6)
    assert week.select_one(".progress.cn-progress .progress-bar")["style"] == "width:67%"
    assert week.title.get_text() == (
        "Week 1: greedy algorithms - COMP3121 Algorithms & Data Structures — Term 1"
    )


def test_init_home_page_is_the_live_course_summary(algorithms_site: Path) -> None:
    home = read_html(algorithms_site, "")
    assert home.title.get_text() == "COMP3121 Algorithms & Data Structures — Term 1"
    article = home.select_one("article")
    assert heading_text(article.h1) == "COMP3121 Algorithms & Data Structures — Term 1"
    text = " ".join(article.get_text(" ").split())
    assert "7/15 done (47%) across 3 weeks." in text
    assert "30m 35s watched, 45m 10s left, of 1h 15m 45s of known length (1 video has" in text
    assert "0/2 readings done, 2/4 book sections read" in text
    assert "2 entries in the FAQ : 1 open, 1 answered." in text
    links = {a["href"] for a in article.select("a[href]")}
    assert {"week-1/", "week-2/", "week-3/", "readings/", "faq/"} <= links
    # No link to this repository's manual.
    assert not any(page in href for href in links for page in MANUAL_PAGES)


def test_init_site_has_no_raw_syntax_and_none_of_the_manual(algorithms_site: Path) -> None:
    texts = page_texts(algorithms_site)
    assert {"week-1/index.html", "readings/index.html", "faq/index.html"} <= set(texts)
    for page, text in texts.items():
        for raw in ("[=", "{:", ":material-", "{{", "{%"):
            assert raw not in text, (page, raw)
    for page in MANUAL_PAGES:
        assert not (algorithms_site / page).exists(), page
        assert all(f"/{page}/" not in path for path in texts), page


def test_init_site_starts_with_no_topics(algorithms_site: Path) -> None:
    """Topics are a site's own words: a new site has none, so no badges and no index."""
    article = read_html(algorithms_site, "faq").select_one("article")
    assert article.select(".cn-topic, .cn-faq-topics") == []
    assert "No topic" not in article.get_text()


def test_course_title_is_the_first_heading_before_any_week() -> None:
    assert parse("# COMP3121 Algorithms\n# week 1\n").title == "COMP3121 Algorithms"
    # The line is still accounted for: the title's own line, shown on the General page.
    assert parse("# COMP3121 Algorithms\n").title_line == 1
    assert parse("# week 1: intro\n# COMP3121\n").title == ""
    assert parse("## lectures\n# COMP3121\n").title == ""
    assert parse("# Thoughts\n# COMP3121\n").title == ""
    assert parse("# week\n").title == ""


def test_without_a_title_the_site_is_named_after_the_file(tmp_path: Path) -> None:
    config = init(tmp_path, "# week 1\n## exercises\n- one\n", name="algorithms-notes.md")
    assert load(config.read_text("utf-8"))["site_name"] == "Algorithms notes"


def test_a_hostile_title_shows_as_written(tmp_path: Path) -> None:
    title = '<script>alert(1)</script> {{ 6 * 7 }} "quoted" [x](javascript:alert(2)){: onclick=y}'
    site = build_project(init(tmp_path, f"# {title}\n# week 1\n## exercises\n- one 🗸\n"))
    home = read_html(site, "")
    assert home.title.get_text() == title
    assert heading_text(home.select_one("article h1")) == title
    assert home.select_one(".md-header__topic").get_text(" ", strip=True) == title
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "<script>alert" not in html, page
        soup = BeautifulSoup(html, "html.parser")
        assert soup.title.get_text().endswith(title), page
        assert soup.select_one(".md-header__topic").get_text(" ", strip=True) == title, page
    # What init writes: the notes' own lines are the plugin's to show (the General page).
    assert not [script for script in home.select("script") if "alert" in script.get_text()]
    assert not home.select("[onclick]")
    assert not home.select('a[href^="javascript:"]')


def test_init_never_overwrites_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(ALGORITHMS, encoding="utf-8")
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path), "--notes", str(notes)]) == 1
    assert capsys.readouterr().err == (
        f"course-notes: {tmp_path / 'README.md'} already exists; init never overwrites a "
        "file: choose a new folder, or move the file away\n"
    )
    # Nothing written, not even the files that did not exist.
    assert (tmp_path / "README.md").read_text("utf-8") == "mine\n"
    assert not (tmp_path / "mkdocs.yml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "notes.md"]


def test_init_takes_the_files_from_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "notes.md").write_text(ALGORITHMS, encoding="utf-8")
    (tmp_path / "course" / "refs.yml").write_text("CLRS:\n  year: 2009\n", encoding="utf-8")
    (tmp_path / "course" / "topics.yml").write_text("Greedy: [greedy]\n", encoding="utf-8")
    (tmp_path / "course" / "mkdocs.yml").write_text(
        "site_name: old\nplugins:\n  - course-notes:\n      notes: notes.md\n"
        "      references: refs.yml\n      topics: topics.yml\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path / "course")
    assert main(["init", "../new"]) == 0
    config = yaml_load((tmp_path / "new" / "mkdocs.yml").read_text("utf-8"), get_yaml_loader())
    assert config["plugins"][1] == {
        "course-notes": {
            "notes": "../course/notes.md",
            "references": "../course/refs.yml",
            "topics": "../course/topics.yml",
        }
    }
    out = capsys.readouterr().out
    for name in ("notes.md", "refs.yml", "topics.yml"):
        assert f"note: {name} is outside ../new: GitHub builds the site from its" in out
    build_project(tmp_path / "new" / "mkdocs.yml")


def test_init_without_notes_says_how_to_give_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "site"]) == 1
    assert capsys.readouterr().err == (
        "course-notes: no mkdocs.yml here to name the notes file; give the site's config "
        "with -f/--config-file FILE, or the notes file with --notes FILE\n"
    )
    assert not (tmp_path / "site").exists()


# --- The template and this repository's own site must not drift apart. ---


def load(text: str) -> dict:
    return yaml_load(text, get_yaml_loader())


def test_template_config_looks_like_this_sites() -> None:
    ours = load((ROOT / "mkdocs.yml").read_text("utf-8"))
    new = load(template("mkdocs.yml").replace("$site_name", "x").replace("$plugin_options", ""))
    for key in ("font", "palette", "features"):
        assert new["theme"][key] == ours["theme"][key], key
    assert new["theme"]["font"] is False
    assert new["markdown_extensions"] == ours["markdown_extensions"]
    assert [next(iter(p)) if isinstance(p, dict) else p for p in new["plugins"]] == [
        "search",
        "course-notes",
        "macros",
    ]
    # The site_url default, without this repository's hooks/site_url.py.
    assert "hooks" not in new and new["site_url"] == ours["site_url"]


def workflow(text: str) -> dict:
    return yaml.safe_load(text)


def steps(job: dict) -> dict[str, dict]:
    return {step["name"]: step for step in job["steps"]}


def test_template_workflow_agrees_with_this_repositorys() -> None:
    ours = workflow((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    new = workflow(template("github/workflows/pages.yml"))

    def actions(flow: dict) -> dict[str, str]:
        found = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
        return dict(use.split("@") for use in found)

    # Every action this repository's workflow uses, the template uses at the same version.
    assert actions(new).items() >= actions(ours).items()
    for key in (True, "concurrency", "env"):  # YAML 1.1 reads the key `on` as True
        assert new[key] == ours[key], key
    build, our_build = steps(new["jobs"]["build"]), steps(our_build_job := ours["jobs"]["build"])
    assert build["Build"]["run"] == our_build["Build"]["run"]
    assert build["Upload the site"] == our_build["Upload the site"]
    python, our_python = build["Set up Python"]["with"], our_build["Set up Python"]["with"]
    assert python["python-version"] == our_python["python-version"]
    assert new["jobs"]["build"]["runs-on"] == our_build_job["runs-on"]
    # The repository's deploy job also runs configure-pages (it reads Pages' settings, which
    # needs the deploy job's permission); the template runs it in a job of its own.
    deploy, our_deploy = steps(new["jobs"]["deploy"]), steps(ours["jobs"]["deploy"])
    assert deploy["Deploy to GitHub Pages"] == our_deploy["Deploy to GitHub Pages"]
    assert build["Check out"] == our_build["Check out"]
    assert new["jobs"]["build"]["permissions"] == our_build_job["permissions"]
    assert new["jobs"]["deploy"]["permissions"] == ours["jobs"]["deploy"]["permissions"]
    assert new["jobs"]["deploy"]["environment"] == ours["jobs"]["deploy"]["environment"]


def test_template_workflow_asks_for_the_least_it_needs() -> None:
    flow = workflow(template("github/workflows/pages.yml"))
    assert flow["permissions"] == {}
    # The build job, which runs notes-driven code, may only read the repository; pages: read
    # goes to a job of its own, where configure-pages asks GitHub for the site's address.
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert flow["jobs"]["configure"]["permissions"] == {"pages": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build = steps(flow["jobs"]["build"])
    # The whole history: the burn-up chart counts the notes at every commit.
    assert build["Check out"]["with"] == {"persist-credentials": False, "fetch-depth": 0}
    assert build["Install course-notes and what it needs"]["run"] == (
        "python -m pip install -r requirements.txt"
    )
    # site_url from GitHub Pages itself: no hook needed in the new site.
    configure = flow["jobs"]["configure"]
    assert configure["outputs"] == {"base_url": "${{ steps.pages.outputs.base_url }}"}
    assert steps(configure)["Configure Pages"]["id"] == "pages"
    assert flow["jobs"]["build"]["needs"] == "configure"
    assert build["Build"]["env"] == {"SITE_URL": "${{ needs.configure.outputs.base_url }}"}


def test_an_untitled_notes_md_names_the_site_after_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "comp3121-algorithms"
    folder.mkdir()
    notes = folder / "notes.md"
    notes.write_text("# week 1\n## exercises\n- one\n", encoding="utf-8")
    assert main(["init", str(folder), "--notes", str(notes)]) == 0
    assert load((folder / "mkdocs.yml").read_text("utf-8"))["site_name"] == "Comp3121 algorithms"


class _Installed:
    """A stand-in for the installed distribution's metadata (PEP 610's direct_url.json)."""

    version = "0.3.1"

    def __init__(self, direct: dict[str, object] | None) -> None:
        self.direct = direct

    def read_text(self, name: str) -> str | None:
        import json

        return json.dumps(self.direct) if name == "direct_url.json" and self.direct else None


@pytest.mark.parametrize(
    ("direct", "line", "publishable"),
    [
        # From a package index: this release and those after it that keep its features.
        (None, "course-notes>=0.3.1,<0.4", True),
        (
            {
                "url": "https://github.com/ana/course-notes",
                "vcs_info": {"vcs": "git", "commit_id": "4f2a9c1"},
            },
            "course-notes @ git+https://github.com/ana/course-notes@4f2a9c1",
            True,
        ),
        ({"url": "file:///home/ana/course-notes", "dir_info": {"editable": True}}, None, False),
        ({"url": "file:///tmp/dist/course_notes-0.3.1-py3-none-any.whl"}, None, False),
    ],
)
def test_the_new_sites_requirement_says_where_course_notes_came_from(
    monkeypatch: pytest.MonkeyPatch,
    direct: dict[str, object] | None,
    line: str | None,
    publishable: bool,
) -> None:
    from importlib import metadata

    from course_notes.adapters.cli import new_site

    monkeypatch.setattr(metadata, "distribution", lambda name: _Installed(direct))
    comment, requirement, can = new_site.requirement()
    assert can is publishable
    assert requirement == (line or "course-notes==0.3.1")
    assert ("GitHub cannot reach" in comment) is not publishable


def test_a_local_install_is_said_in_the_output_and_the_new_readme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import metadata

    direct = {"url": "file:///home/ana/course-notes", "dir_info": {"editable": True}}
    monkeypatch.setattr(metadata, "distribution", lambda name: _Installed(direct))
    init(tmp_path, ALGORITHMS)
    out = capsys.readouterr().out
    assert "note: requirements.txt names course-notes as it is installed here" in out
    readme = (tmp_path / "repo" / "README.md").read_text("utf-8")
    assert "**Before you push:** `requirements.txt` names course-notes" in readme


def test_compatible_ranges() -> None:
    from course_notes.adapters.cli.new_site import compatible

    assert compatible("1.4.2") == ">=1.4.2,<2"
    assert compatible("0.1.0") == ">=0.1.0,<0.2"
    assert compatible("2.0.0rc1") == ">=2.0.0rc1,<3"
    # A build between tags: no local label in an ordered comparison (pip refuses it).
    assert compatible("0.1.dev3+g1a2b3c4") == ">=0.1.dev3,<0.2"


# --- the new site's own Pages workflow, run from the files init wrote ----------------------

# Where a git install says it came from; git reaches it through a local copy (insteadOf), as
# the runner reaches GitHub.
GIT_HOST = "https://github.com/ana/course-notes"


def _snapshot(target: Path) -> str:
    """The tracked files (as in the working tree) committed in a new repository; its commit."""
    from installed import clean_copy

    clean_copy(target)
    who = ["-c", "user.name=Ana", "-c", "user.email=ana@example.org"]
    for command in (["init", "-q"], ["add", "-A"], [*who, "commit", "-q", "-m", "snapshot"]):
        run(["git", *command], cwd=target, env=outside_env())
    return run(["git", "rev-parse", "HEAD"], cwd=target, env=outside_env()).strip()


@pytest.mark.parametrize("source", ["package index", "git URL"])
def test_the_new_sites_workflow_installs_course_notes_and_builds_it(
    source: str, installed: Installed, tmp_path: Path
) -> None:
    import shutil

    if source == "package index":
        # A package index of one release: the wheel where pip finds it, beside the usual ones.
        index = tmp_path / "index"
        index.mkdir()
        shutil.copy(installed.wheel, index)
        reach = {"PIP_FIND_LINKS": f"{os.environ.get('PIP_FIND_LINKS', '')} {index}".strip()}
        spec = "course-notes"
    else:
        commit = _snapshot(tmp_path / "course-notes")
        reach = {
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": f"url.{(tmp_path / 'course-notes').as_uri()}.insteadOf",
            "GIT_CONFIG_VALUE_0": GIT_HOST,
        }
        spec = f"course-notes @ git+{GIT_HOST}@{commit}"
    repository = tmp_path / "repo"
    (repository / "notes").mkdir(parents=True)
    notes = repository / "notes" / "algorithms.md"
    notes.write_text(ALGORITHMS, encoding="utf-8")
    python = installed.bin / "python"
    try:
        # The student's machine: course-notes as pip installs it from that source.
        pip = [python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall"]
        run([*pip, spec], cwd=tmp_path, env=installed.env(**reach))
        said = run(
            [installed.bin / "course-notes", "init", repository, "--notes", notes],
            cwd=tmp_path,
            env=installed.env(),
        )
        # GitHub's runner: a python without course-notes, the workflow's own steps.
        installed.uninstall()
        [site] = run_workflow(
            installed,
            repository,
            repository / ".github" / "workflows" / "pages.yml",
            {"needs.configure.outputs.base_url": "https://ana.github.io/algorithms"},
            **reach,
        )
        came_from = run(
            [
                python,
                "-c",
                "import importlib.metadata as m; "
                "print(m.distribution('course-notes').read_text('direct_url.json'))",
            ],
            cwd=tmp_path,
            env=installed.env(),
        )
    finally:
        installed.reinstall()
    assert "before you push" not in said
    requirement = (repository / "requirements.txt").read_text("utf-8").splitlines()[-1]
    if source == "package index":
        assert re.fullmatch(
            r"course-notes>=[0-9][^,+]*,<0\.\d+|course-notes>=[^,+]+,<\d+", requirement
        )
        assert came_from.strip() == "None"
    else:
        assert requirement == spec
        assert f'"commit_id": "{spec.rsplit("@", 1)[1]}"' in came_from
    week = read_html(site, "week-1")
    assert week.select(".cn-badge")
    canonical = week.select_one("link[rel=canonical]")
    assert canonical is not None
    assert canonical["href"] == "https://ana.github.io/algorithms/week-1/"
