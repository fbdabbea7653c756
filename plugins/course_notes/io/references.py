"""Reading the references file (YAML) from disk into known references."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .. import regex
from ..model import Diagnostic, Reference, References
from ..read import yaml_nodes
from ..read.yaml_nodes import quoted
from .user_files import YAML_LIMIT, MissingFileError, UserFileError, read_user_file

FIELDS = ("title", "authors", "year", "venue", "url", "aliases")
_URL = regex.compile(r"https?://\S+")


class ReferencesFileError(UserFileError):
    """The references file cannot be read or is not YAML; the message names file and line."""


def read_references(path: Path, label: str | None = None, *, required: bool = True) -> References:
    """Load a references file; a missing file is no references unless ``required``."""
    label = label or str(path)
    try:
        raw = read_user_file(path, "references file", label, limit=YAML_LIMIT)
    except MissingFileError as error:
        if not required:
            return References()
        raise ReferencesFileError(str(error)) from None
    except UserFileError as error:
        raise ReferencesFileError(str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ReferencesFileError(f"{label}:{line}: not UTF-8 text") from None
    return parse_references(text, label)


def parse_references(text: str, label: str = "references.yml") -> References:
    """YAML text to references; odd entries are skipped with a diagnostic, bad YAML raises."""
    try:
        # Nodes (rather than yaml.safe_load) keep every entry's line number, and only the
        # text an entry needs is ever read (see yaml_nodes).
        return _References(label).read(yaml_nodes.compose(text))
    except yaml_nodes.YamlProblem as error:
        raise ReferencesFileError(f"{label}:{error.line}: {error.problem}") from None


class _References:
    """Walks the composed YAML nodes, collecting references and diagnostics."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.references = References()

    def info(self, node: yaml.Node, message: str) -> None:
        self.references.diagnostics.append(Diagnostic(yaml_nodes.line(node), message))

    def read(self, root: yaml.Node | None) -> References:
        if root is None:
            return self.references
        if not isinstance(root, yaml.MappingNode):
            raise ReferencesFileError(
                f"{self.label}:{yaml_nodes.line(root)}: expected reading titles, each followed "
                "by a colon and the reference's fields (see docs/references.md)"
            )
        for name_node, fields_node in root.value:
            reference = self.entry(name_node, fields_node)
            if reference is None:
                continue
            for name, owner in self.references.add(reference):
                self.info(
                    name_node,
                    f"{quoted(name)} already names the reference at line {owner.line}; "
                    "this reference does not take it",
                )
        return self.references

    def entry(self, name_node: yaml.Node, fields_node: yaml.Node) -> Reference | None:
        name = (yaml_nodes.text(name_node) or "").strip()
        if not name:
            self.info(name_node, "a reference must be named by a reading's title; skipped")
            return None
        if not isinstance(fields_node, yaml.MappingNode):
            self.info(name_node, f"{quoted(name)} has no fields (title, authors, ...); skipped")
            return None
        fields: dict[str, Any] = {}
        for key_node, value_node in fields_node.value:
            key = yaml_nodes.text(key_node)
            if key not in FIELDS:
                # Only a key written as text is quoted, and only so much of it.
                what = f"unknown field {quoted(key)}" if key is not None else "unknown field"
                self.info(key_node, f"{what} (known: {', '.join(FIELDS)}); ignored")
                continue
            value = self.field(key, value_node, key_node)
            if value is not None:
                fields[key] = value
        return Reference(
            name=name,
            title=fields.get("title", name),
            authors=fields.get("authors", ""),
            year=fields.get("year", ""),
            venue=fields.get("venue", ""),
            url=fields.get("url", ""),
            aliases=fields.get("aliases", ()),
            line=yaml_nodes.line(name_node),
        )

    def field(self, key: str, value: yaml.Node, node: yaml.Node) -> Any:
        """A field's value, or None (with a diagnostic) when it cannot be used."""
        if key == "aliases":
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            aliases = [yaml_nodes.text(item) for item in items]
            if all(isinstance(alias, str) for alias in aliases):
                return tuple(a.strip() for a in aliases if a and a.strip())
            self.info(node, "aliases must be a title or a list of titles; ignored")
            return None
        # YAML reads `year: 2016` as a number; every field but aliases is text.
        text = yaml_nodes.text(value)
        if text is None:
            self.info(node, f"{key} must be text; ignored")
            return None
        text = " ".join(text.split())
        if key == "url" and not _URL.fullmatch(text):
            self.info(node, f"url {quoted(text)} is not an http or https address; ignored")
            return None
        return text or None
