from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_project


def test_serve_rebuilds_reuse_the_compiled_templates(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path)
    # What `mkdocs serve` does on every save: load the configuration anew and build.
    first = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    cache = first.hooks["hooks/fast_reload.py"].CACHE
    build(first)
    compiled = len(cache.store)
    assert compiled > 10 and cache.hits == 0
    second = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    assert second.hooks["hooks/fast_reload.py"].CACHE is cache
    build(second)
    assert cache.hits >= compiled
    assert len(cache.store) == compiled
