"""The outline and record of ``course-notes check``, from notes text to what it prints."""

from __future__ import annotations

import json
from textwrap import dedent

from course_notes.derive.site import Site, build_site
from course_notes.model import paths
from course_notes.read.notes import parse
from course_notes.render import outline as outlines
from course_notes.render.outline import as_json, printable


def record(site: Site) -> dict:
    """What `check --format json` prints for a site's course."""
    return outlines.record(site.course)


def outline(site: Site, source: str = "notes.md") -> str:
    """What `check` prints for a site's course and questions."""
    return outlines.outline(site.course, site.questions, source)


def site_of(text: str) -> Site:
    return build_site(parse(dedent(text)))


CRAFTED = """\
    # COMP9444 Neural Networks
    Lecturer: Alex

    # Weeks 3-4 (Mar 10): Graphs
    ## Extras
    - BFS (12:00) ✓
    ## Videos
    - DFS (1h 5m) ✓
    - Dijkstra (?)
    -
    - Prim (10:00)
    ## homework
    1. PS1
       - [x] Q1
       - [ ] Q2
    2. PS2 ✓
       re-read this
    ### Extra
    - bonus
    # Week 1
    ## Slides
    - L1 [x]
    # Thoughts
    Why is the sky blue?
    """


def test_record_is_the_contract() -> None:
    assert record(site_of(CRAFTED)) == {
        "title": "COMP9444 Neural Networks",
        "unit_word": "Week",
        "read_as": [
            "units: `# Week N` headings, 2 of them, line 4 to 20",
            "title: COMP9444 Neural Networks (line 1)",
            "questions: `# Thoughts`, line 23",
        ],
        # Week 1: 1/1; weeks 3-4: BFS 1/1 (kind other), videos 1/3, homework Q1 Q2 PS2 bonus 2/4.
        "done": 5,
        "total": 9,
        # Known: BFS 720 s + DFS 3900 s + Prim 600 s, BFS and DFS watched; Dijkstra unknown.
        # BFS under "## Extras" is a video by its player's length in brackets (issue 23).
        "video_seconds": {
            "known": 5220,
            "watched": 4620,
            "partly_watched": 0,
            "unknown_videos": 1,
        },
        "weeks": [
            {
                "word": "Week",
                "numbers": [1],
                "title": "",
                "date_label": "",
                "page": "week-1/",
                "done": 1,
                "total": 1,
                "video_seconds": {"known": 0, "watched": 0, "partly_watched": 0},
                "due": 0,
                "sections": [{"title": "Slides", "kind": "slides", "done": 1, "total": 1}],
            },
            {
                "word": "Week",
                "numbers": [3, 4],
                "title": "Graphs",
                "date_label": "Mar 10",
                "page": "week-3/",
                "done": 4,
                "total": 8,
                "video_seconds": {"known": 5220, "watched": 4620, "partly_watched": 0},
                "due": 0,
                "sections": [
                    {"title": "Extras", "kind": "other", "done": 1, "total": 1},
                    {"title": "Videos", "kind": "videos", "done": 1, "total": 3},
                    {"title": "homework", "kind": "exercises", "done": 2, "total": 4},
                ],
            },
        ],
        "diagnostics": [
            {
                "line": 5,
                "message": "heading `## Extras` matched no section kind; add it under `sections:`",
            }
        ],
    }


def test_outline_shows_every_line_as_read() -> None:
    assert outline(site_of(CRAFTED), "notes.md") == dedent(
        """\
        COMP9444 Neural Networks
        5/9 done; videos 1h 17m 0s watched of 1h 27m 0s known, 1 of unknown length

        How it was read:
          units: `# Week N` headings, 2 of them, line 4 to 20
          title: COMP9444 Neural Networks (line 1)
          questions: `# Thoughts`, line 23

         1  course title: COMP9444 Neural Networks
         2    note: Lecturer: Alex

        20  Week 1  [1/1]  page week-1/
        21    ## Slides  [slides 1/1]
        22      [x] L1

         4  Weeks 3–4 (Mar 10): Graphs  [4/8]  page week-3/
              videos 1h 17m 0s watched of 1h 27m 0s known, 1 of unknown length
         5    ## Extras  [other 1/1]
         6      [x] BFS  (12:00)
         7    ## Videos  [videos 1/3]
         8      [x] DFS  (1:05:00)
         9      [ ] Dijkstra  (duration unknown)
        10      -  (placeholder, not counted)
        11      [ ] Prim  (10:00)
        12    ## homework  [exercises 2/4]
        13      PS1  (group of the tasks under it, not counted)
        14        [x] Q1
        15        [ ] Q2
        16      [x] PS2
        17        note: re-read this
        18      ### Extra
        19      [ ] bonus

        23  Questions  [1 FAQ entry, 1 open]

        Lines the parser could not place (1):
          notes.md:5: heading `## Extras` matched no section kind; add it under `sections:`
        """
    )


def test_a_clean_file_says_every_line_was_placed() -> None:
    text = outline(site_of("# Week 2: Trees\n## readings\n- CLRS ✓\n"))
    assert text == dedent(
        """\
        (no course title)
        1/1 done

        How it was read:
          units: `# Week N` headings, 1 of them, line 1 to 1
          questions: none found

        1  Week 2: Trees  [1/1]  page week-2/
        2    ## readings  [readings 1/1]
        3      [x] CLRS

        Every line was placed.
        """
    )


def test_lines_before_the_first_week_are_the_general_page() -> None:
    text = outline(site_of("- join the forum ✓\n# Week 1\n"), "n.md")
    assert text == dedent(
        """\
        (no course title)
        1/1 done

        How it was read:
          units: `# Week N` headings, 1 of them, line 2 to 2
          questions: none found

           General page  [1/1]
             (no heading)  [other 1/1]
        1      [x] join the forum

        2  Week 1  [0/0]  page week-1/

        Lines the parser could not place (1):
          n.md:1: section before the first week; shown on the General page
        """
    )
    # The General page's tasks count in the totals, not in any week.
    data = record(site_of("- join the forum ✓\n# Week 1\n"))
    assert (data["done"], data["total"], data["weeks"][0]["total"]) == (1, 1, 0)


def test_a_repeated_week_joins_the_first() -> None:
    text = outline(site_of("# Week 1\n## slides\n- a\n# Week 1\n## slides\n- b ✓\n"))
    assert "4    (the same week again: its sections join this one)\n" in text
    data = record(site_of("# Week 1\n## slides\n- a\n# Week 1\n## slides\n- b ✓\n"))
    assert [(w["numbers"], w["done"], w["total"]) for w in data["weeks"]] == [([1], 1, 2)]
    assert data["diagnostics"] == [
        {
            "line": 4,
            "message": "week 1 appears again (first at line 1); its sections join the first",
        }
    ]


def test_a_whole_file_diagnostic_has_no_line_number() -> None:
    site = site_of("just some text\n")
    assert record(site)["weeks"] == []
    assert outline(site, "notes.md").endswith(
        "Lines the parser could not place (2):\n"
        "  notes.md:1: section before the first week; shown on the General page\n"
        "  notes.md: no units (`## Week N`, `Module N`, `W1`...) found, so the site has no week "
        "pages; name your unit's word with `units:` in mkdocs.yml\n"
    )
    assert record(site)["diagnostics"][-1]["line"] == 0


def test_empty_notes() -> None:
    site = site_of("")
    assert record(site) == {
        "title": "",
        "unit_word": "Week",
        "read_as": ["units: none found", "questions: none found"],
        "done": 0,
        "total": 0,
        "video_seconds": {
            "known": 0,
            "watched": 0,
            "partly_watched": 0,
            "unknown_videos": 0,
        },
        "weeks": [],
        "diagnostics": [{"line": 0, "message": "the file is empty, so the site has no week pages"}],
    }
    assert outline(site, "x.md") == (
        "(no course title)\n0/0 done\n\nHow it was read:\n  units: none found\n"
        "  questions: none found\n"
        "  To name your units (say they are `## Topic 1` headings), add to mkdocs.yml:\n"
        "    plugins:\n      - course-notes:\n          units: Topic\n\n"
        "Nothing read: no weeks, sections or tasks.\n\n"
        "Lines the parser could not place (1):\n"
        "  x.md: the file is empty, so the site has no week pages\n"
    )


def test_the_page_is_the_sites_own() -> None:
    site = site_of("# Week 7\n# Week 3\n")
    assert [week["page"] for week in record(site)["weeks"]] == ["week-3/", "week-7/"]
    assert [page.path for page in site.pages if page.week] == ["week-3.md", "week-7.md"]


def test_page_url_is_mkdocs_directory_url() -> None:
    assert paths.url("week-12.md") == "week-12/"
    assert paths.url("index.md") == ""
    assert paths.url("faq/index.md") == "faq/"


def test_control_characters_never_reach_the_terminal() -> None:
    assert printable("a\x1b]0;owned\x07b\tc\u2028d\x9be") == "a\\x1b]0;owned\\x07b c\\u2028d\\x9be"
    text = outline(site_of("# Week 1: \x1b[2J\n## slides\n- \x1b[31mred\n"))
    assert "\x1b" not in text
    assert "Week 1: \\x1b[2J" in text
    assert "[ ] \\x1b[31mred" in text


def test_json_keeps_letters_and_escapes_every_control() -> None:
    data = {"title": "café 中文 \x1b[2J \x9b31m \x7f \u2028 \n"}
    text = as_json(data)
    assert json.loads(text) == data
    assert "café 中文" in text
    assert "\\u001b[2J \\u009b31m \\u007f \\u2028 \\n" in text


def test_a_second_thoughts_heading_joins_the_first() -> None:
    text = outline(site_of("# Week 1\n# Thoughts\nwhy?\n# Thoughts\nhow?\n"), "n.md")
    assert (
        "\n2  Questions  [2 FAQ entries, 2 open]\n"
        "4    (questions again: their lines join the first)\n" in text
    )
