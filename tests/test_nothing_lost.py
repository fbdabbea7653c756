"""Nothing lost: the text of every line of the notes is on some page of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import build_project, copy_project, line_texts, missing_texts, site_texts
from notes_strategies import notes_like


def test_every_seed_line_is_on_some_page(seed_site: Path, seed_text: str) -> None:
    pages = site_texts(seed_site)
    assert missing_texts(seed_text, pages) == []
    # The check looks at real text: 168 of the seed's lines carry some.
    assert sum(1 for line in seed_text.splitlines() if line_texts(line)) == 168


def test_the_check_sees_a_dropped_line(seed_site: Path, seed_text: str) -> None:
    pages = site_texts(seed_site)
    notes = seed_text + "- a line the site never had\n"
    assert missing_texts(notes, pages) == [
        (len(seed_text.split("\n")), "a line the site never had")
    ]


@pytest.mark.parametrize(
    ("line", "texts"),
    [
        ("  - Probability (16.57) ðŸ—¸", ["probability"]),
        ("- adam () 🗸", ["adam"]),
        ("- [x] Deep   Learning (ch 1, 3)", ["deep learning (ch 1, 3)"]),
        ("# week 3: computer vision", ["week 3", "computer vision"]),
        ("## video recordings & notes:", ["video recordings & notes"]),
        ("-----", []),
        ("# Thoughts", []),
        ("- ()", []),
        ("   ", []),
    ],
)
def test_line_texts(line: str, texts: list[str]) -> None:
    assert line_texts(line) == texts


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(notes=notes_like())
def test_every_generated_line_is_on_some_page(
    notes: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = build_project(copy_project(tmp_path_factory.mktemp("generated"), notes))
    assert missing_texts(notes, site_texts(site)) == []
