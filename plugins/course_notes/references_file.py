"""Reading the references file (YAML) from disk into known references."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .model import Diagnostic
from .readings import Reference, References

FIELDS = ("title", "authors", "year", "venue", "url", "aliases")
_URL = re.compile(r"https?://\S+")


class ReferencesFileError(Exception):
    """The references file cannot be read or is not YAML; the message names file and line."""


def read_references(path: Path, label: str | None = None, *, required: bool = True) -> References:
    """Load a references file; a missing file is no references unless ``required``."""
    label = label or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if not required:
            return References()
        raise ReferencesFileError(
            f"cannot read references file '{label}': No such file or directory"
        ) from None
    except IsADirectoryError:
        raise ReferencesFileError(f"references file '{label}' is a folder, not a file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ReferencesFileError(f"cannot read references file '{label}': {reason}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ReferencesFileError(f"{label}:{line}: not UTF-8 text") from None
    return parse_references(text, label)


def parse_references(text: str, label: str = "references.yml") -> References:
    """YAML text to references; odd entries are skipped with a diagnostic, bad YAML raises."""
    loader = None
    try:
        # Composing nodes first (rather than yaml.safe_load) keeps every entry's line number.
        loader = yaml.SafeLoader(text)
        return _References(loader, label).read(loader.get_single_node())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise ReferencesFileError(f"{label}:{line}: not valid YAML: {error.problem}") from None
    except yaml.reader.ReaderError as error:
        # A control character: PyYAML gives its position in the text, not a line.
        line = text.count("\n", 0, error.position) + 1
        raise ReferencesFileError(
            f"{label}:{line}: not valid YAML: character #x{error.character:04x} is not allowed"
        ) from None
    except yaml.YAMLError as error:
        raise ReferencesFileError(f"{label}: not valid YAML: {error}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _References:
    """Walks the composed YAML nodes, collecting references and diagnostics."""

    def __init__(self, loader: yaml.SafeLoader, label: str) -> None:
        self.loader = loader
        self.label = label
        self.references = References()

    def info(self, node: yaml.Node, message: str) -> None:
        self.references.diagnostics.append(Diagnostic(_line(node), message))

    def value(self, node: yaml.Node) -> Any:
        return self.loader.construct_object(node, deep=True)

    def read(self, root: yaml.Node | None) -> References:
        if root is None:
            return self.references
        if not isinstance(root, yaml.MappingNode):
            raise ReferencesFileError(
                f"{self.label}:{_line(root)}: expected reading titles, each followed by a "
                "colon and the reference's fields (see docs/references.md)"
            )
        for name_node, fields_node in root.value:
            reference = self.entry(name_node, fields_node)
            if reference is None:
                continue
            for name, owner in self.references.add(reference):
                self.info(
                    name_node,
                    f"'{name}' already names the reference at line {owner.line}; "
                    "this reference does not take it",
                )
        return self.references

    def entry(self, name_node: yaml.Node, fields_node: yaml.Node) -> Reference | None:
        name = self.value(name_node)
        if not isinstance(name, (str, int, float)) or not str(name).strip():
            self.info(name_node, "a reference must be named by a reading's title; skipped")
            return None
        name = str(name).strip()
        if not isinstance(fields_node, yaml.MappingNode):
            self.info(name_node, f"'{name}' has no fields (title, authors, ...); skipped")
            return None
        fields: dict[str, Any] = {}
        for key_node, value_node in fields_node.value:
            key = self.value(key_node)
            if key not in FIELDS:
                self.info(key_node, f"unknown field '{key}' (known: {', '.join(FIELDS)}); ignored")
                continue
            value = self.field(key, self.value(value_node), key_node)
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
            line=_line(name_node),
        )

    def field(self, key: str, value: Any, node: yaml.Node) -> Any:
        """A field's value, or None (with a diagnostic) when it cannot be used."""
        if key == "aliases":
            aliases = [value] if isinstance(value, str) else value
            if isinstance(aliases, list) and all(isinstance(a, str) for a in aliases):
                return tuple(alias.strip() for alias in aliases if alias.strip())
            self.info(node, "aliases must be a title or a list of titles; ignored")
            return None
        # YAML reads `year: 2016` as a number; every field but aliases is text.
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.info(node, f"{key} must be text; ignored")
            return None
        text = " ".join(str(value).split())
        if key == "url" and not _URL.fullmatch(text):
            self.info(node, f"url '{text}' is not an http or https address; ignored")
            return None
        return text or None
