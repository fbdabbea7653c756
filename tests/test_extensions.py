"""The plugin adds the Markdown extensions its pages need, and keeps the site's own settings."""

from __future__ import annotations

from pathlib import Path

import yaml
from material.extensions import emoji

from course_notes.adapters.core.extensions import MARKDOWN_EXTENSIONS, add_missing

from conftest import build_project, read_html
from installed import fresh_project


def test_a_site_without_extensions_gets_every_one_with_its_options() -> None:
    names = ["toc", "tables", "fenced_code"]  # what MkDocs lists for a site that lists none
    configs: dict[str, dict] = {}
    added = add_missing(names, configs)
    assert added == [name for name in MARKDOWN_EXTENSIONS if name != "tables"]
    assert names == ["toc", "tables", "fenced_code", *added]
    assert configs["pymdownx.tasklist"] == {"custom_checkbox": True}
    assert configs["pymdownx.emoji"] == {
        "emoji_index": emoji.twemoji,
        "emoji_generator": emoji.to_svg,
    }


def test_the_sites_own_extensions_and_options_are_kept() -> None:
    names = ["toc", "markdown.extensions.attr_list", "pymdownx.tasklist", "pymdownx.emoji"]
    configs = {
        "toc": {"permalink": True},
        "pymdownx.tasklist": {"custom_checkbox": False, "clickable_checkbox": True},
    }
    add_missing(names, configs)
    # Listed once, under the site's own name, and in the site's own order first.
    assert names[:4] == [
        "toc",
        "markdown.extensions.attr_list",
        "pymdownx.tasklist",
        "pymdownx.emoji",
    ]
    assert "attr_list" not in names
    assert len(names) == len(set(names))
    assert configs["toc"] == {"permalink": True}
    assert configs["pymdownx.tasklist"] == {"custom_checkbox": False, "clickable_checkbox": True}
    # An option the site leaves unset is the one the pages need: Material's icons.
    assert configs["pymdownx.emoji"]["emoji_index"] is emoji.twemoji


def test_a_site_that_sets_an_option_keeps_it_and_the_pages_still_render(tmp_path: Path) -> None:
    project = fresh_project(tmp_path / "course")
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config["markdown_extensions"] = [
        {"toc": {"permalink": True}},
        {"pymdownx.tasklist": {"custom_checkbox": False}},
    ]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    week = read_html(build_project(project / "mkdocs.yml"), "week-1")
    # The site's settings: permalinks on, plain checkboxes (no custom indicator).
    assert week.select("h2 a.headerlink")
    assert week.select("li.task-list-item input[type=checkbox]")
    assert not week.select(".task-list-indicator")
    # The plugin's: badges with their icons, the bar, no raw syntax.
    badges = week.select(".cn-badges .cn-badge")
    assert len(badges) == 6 and all(badge.select_one("svg") for badge in badges)
    text = week.select_one("article").get_text(" ")
    assert "19/28 done (68%)" in text
    assert not any(raw in text for raw in ("[=", "{:", ":material-"))
