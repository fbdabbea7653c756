"""The Markdown extensions the generated pages are written for, added to a site that lacks them."""

from __future__ import annotations

from typing import Any

# Every construct render.py writes, and the extension that turns it into HTML. Without one
# of them the page still builds, strict, but shows the construct as raw text. Edit this
# table when render.py starts or stops writing a construct.
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    # `{: .cn-badges }` after the badge row, `{ .cn-topic }` links, `{#id}` after headings.
    "attr_list": {},
    # <div class="cn-question" markdown>: Markdown inside the FAQ's HTML blocks.
    "md_in_html": {},
    # `!!! success cn-answer "Answer"` on the FAQ.
    "admonition": {},
    # `??? quote cn-context "Context (2 paragraphs)"` and the FAQ's other closed blocks.
    "pymdownx.details": {},
    # The fenced plain-text list nested inside a `???` block (fenced_code only sees fences
    # at the top level).
    "pymdownx.superfences": {},
    # `- [x] 1a`: the items and their ticks (Material styles the custom checkbox).
    "pymdownx.tasklist": {"custom_checkbox": True},
    # `:material-check-circle:` in the badges: Material's icons, inlined as SVG (no request).
    "pymdownx.emoji": {},  # options from _emoji(): its module loads the icon index, 19 ms
    # The macros' weeks table. MkDocs always adds it; listed so the table is complete.
    "tables": {},
}

_PREFIX = "markdown.extensions."


def add_missing(extensions: list[str], configs: dict[str, dict[str, Any]]) -> list[str]:
    """Add each needed extension the site lacks and the options it leaves unset; return the added.

    ``extensions`` and ``configs`` are MkDocs' ``markdown_extensions`` and ``mdx_configs``,
    changed in place. An option the site sets itself is kept as it is.
    """
    listed = {name.removeprefix(_PREFIX): name for name in extensions}
    added = []
    for name, options in MARKDOWN_EXTENSIONS.items():
        options = _emoji() if name == "pymdownx.emoji" else options
        if name not in listed:
            extensions.append(name)
            added.append(name)
            if options:
                configs[name] = dict(options)
        elif options:
            own = listed[name]
            configs[own] = {**options, **configs.get(own, {})}
    return added


def _emoji() -> dict[str, Any]:
    """Material's icons, inlined as SVG, for ``pymdownx.emoji``."""
    from material.extensions import emoji

    return {"emoji_index": emoji.twemoji, "emoji_generator": emoji.to_svg}
