from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from course_notes.render.tasklist import label_checkboxes


def test_every_pymdownx_checkbox_gets_the_name_done() -> None:
    # The exact markup of the pinned pymdownx.tasklist, as mkdocs.yml configures it.
    html = markdown.markdown(
        "- [x] slides 1a\n- [ ] perceptrons\n- not a task\n\n1. [X] numbered\n",
        extensions=["pymdownx.tasklist"],
        extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}},
    )
    boxes = BeautifulSoup(label_checkboxes(html), "html.parser").select("input[type=checkbox]")
    assert [(box.get("aria-label"), box.has_attr("checked")) for box in boxes] == [
        ("Done", True),
        ("Done", False),
        ("Done", True),
    ]


def test_other_html_is_unchanged() -> None:
    html = '<p><input type="checkbox"> mine</p><p>Done</p>'
    assert label_checkboxes(html) == html
