"""Fenced code and tables in the notes: shown as code and as a table, never as tasks."""

from __future__ import annotations

from bs4 import BeautifulSoup

from course_notes.model import Item, Verbatim
from course_notes.read.notes import parse

from conftest import PageRenderer, accounted_lines, site_pages

TABLE = """# Course

## Week 1

### Labs
- [x] lab 1

| Day | Room | Time |
| :--- | :---: | ---: |
| Mon | A1 | 9:00 |
| Wed | **B2** | 11:00 | overflow |
| Fri | a \\| b |

- [ ] lab 2
"""

CODE = """# Course

## Week 1

### Exercises
- [ ] sheet 1

```python
x = 1
if x < 2 and "<b>" != "&":
    print(x)

- [ ] not a task: inside the code
```
"""


def _week_html(notes: str, render_page: PageRenderer) -> BeautifulSoup:
    pages = site_pages(parse(notes))
    page = next(text for name, text in pages.items() if name.endswith("week-1.md"))
    return BeautifulSoup(render_page.html(page), "html.parser")


def test_a_table_is_one_entry_and_no_task() -> None:
    course = parse(TABLE)
    entries = course.weeks[0].sections[0].entries
    assert [type(entry) for entry in entries] == [Item, Verbatim, Item]
    table = entries[1]
    assert isinstance(table, Verbatim) and table.table
    assert (table.line, table.last) == (8, 12)
    assert course.weeks[0].progress.total == 2


def test_a_table_shows_as_a_table_with_every_cell(render_page: PageRenderer) -> None:
    html = _week_html(TABLE, render_page)
    table = html.find("table")
    assert table is not None
    rows = [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
    # The cell past the header's is kept: the header gets an empty cell for it.
    assert rows == [
        ["Day", "Room", "Time", ""],
        ["Mon", "A1", "9:00", ""],
        ["Wed", "B2", "11:00", "overflow"],
        ["Fri", "a | b", "", ""],
    ]
    assert table.find("strong").get_text() == "B2"
    aligns = [cell.get("style") or cell.get("align") for cell in table.find("tr").find_all("th")]
    assert aligns[:3] == ["text-align: left;", "text-align: center;", "text-align: right;"]
    assert len(html.find_all("li")) == 2


def test_fenced_code_shows_as_code_with_its_indents(render_page: PageRenderer) -> None:
    course = parse(CODE)
    entries = course.weeks[0].sections[0].entries
    assert [type(entry) for entry in entries] == [Item, Verbatim]
    assert course.weeks[0].progress.total == 1
    code = _week_html(CODE, render_page).find("pre")
    assert code is not None
    assert code.get_text() == (
        'x = 1\nif x < 2 and "<b>" != "&":\n    print(x)\n\n- [ ] not a task: inside the code'
    )


def test_code_and_tables_in_the_intro_and_every_line_accounted() -> None:
    notes = "# Course\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n" + CODE.split("\n", 2)[2]
    course = parse(notes)
    assert isinstance(course.intro[0], Verbatim) and course.intro[0].table
    accounted = {number for number, _ in accounted_lines(course)}
    for number, line in enumerate(notes.split("\n"), start=1):
        assert number in accounted or not line.strip(), line


def test_markup_in_code_and_cells_shows_as_text(render_page: PageRenderer) -> None:
    notes = (
        "# Course\n\n## Week 1\n\n"
        "| <script>alert(1)</script> | {{ config }} |\n| --- | --- |\n"
        '| <img src=x onerror="alert(1)"> | [x](javascript:alert(1)) |\n\n'
        "```\n</code></pre><script>alert(2)</script>\n{% raw %}\n```\n"
    )
    html = _week_html(notes, render_page)
    assert html.find("script") is None and html.find("img") is None
    assert all(not link.get("href", "").startswith("javascript") for link in html.find_all("a"))
    assert "<script>alert(1)</script>" in html.find("th").get_text()
    assert html.find("pre").get_text() == "</code></pre><script>alert(2)</script>\n{% raw %}"
