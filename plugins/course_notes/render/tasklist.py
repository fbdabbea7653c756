"""Accessible names for the check marks ``pymdownx.tasklist`` puts on the generated pages."""

from __future__ import annotations

# pymdownx.tasklist (custom_checkbox) renders every `- [x]` / `- [ ]` as this exact markup:
#   <label class="task-list-control"><input type="checkbox" disabled checked/><span ...
# The label wraps no text, so the checkbox has no accessible name (axe "label", Lighthouse
# accessibility). The extension has no option for one, so the plugin adds it to its own
# pages' HTML. Each box answers one question, "Done?", and the item's text follows it, so a
# screen reader says "Done, checkbox, checked, basic neuroanatomy" or "... not checked ...".
UNLABELLED = '<input type="checkbox" disabled'
DONE_LABEL = "Done"


def label_checkboxes(html: str) -> str:
    """Give every read-only task-list checkbox the accessible name "Done"."""
    return html.replace(UNLABELLED, f'<input type="checkbox" aria-label="{DONE_LABEL}" disabled')
