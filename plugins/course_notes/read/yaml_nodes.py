"""Untrusted YAML text to a tree of nodes: depth-bounded, nothing expanded, problems in one line.

The references and topics files are small maps of text. Their readers walk the composed
nodes and read the text of the scalars they expect; nothing is constructed. Aliases are
refused: with ``yaml.safe_load`` a 370-byte alias "bomb" used as a key took 5.5 GB and
48 s, the time it took to print the key it expands to in a message.
"""

from __future__ import annotations

import yaml

# A references file is 4 levels deep: the file's map, an entry's fields, a list of aliases,
# an alias. PyYAML composes nodes recursively: 300 nested brackets ended in RecursionError.
MAX_DEPTH = 20
# What a message quotes of the user's text: a key can be the whole file.
QUOTE_LENGTH = 80

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class YamlProblem(ValueError):
    """The text cannot be read as YAML; ``line`` is where (from 1), ``problem`` what."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"{line}: {problem}")
        self.line = line
        self.problem = problem


class _Checks:
    """Composing from a parser's events, refusing aliases and nodes nested past MAX_DEPTH."""

    depth = 0

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.anchors: dict[str, yaml.Node] = {}

    get_single_node = yaml.composer.Composer.get_single_node
    compose_document = yaml.composer.Composer.compose_document
    compose_scalar_node = yaml.composer.Composer.compose_scalar_node
    compose_sequence_node = yaml.composer.Composer.compose_sequence_node
    compose_mapping_node = yaml.composer.Composer.compose_mapping_node

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        """Compose one node, one level deeper."""
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            # An alias's node carries its anchor's line, so every message about it would
            # point elsewhere; and the files these readers take have no use for one.
            raise YamlProblem(
                event.start_mark.line + 1,
                f"YAML aliases such as {quoted('*' + event.anchor)} are not supported here; "
                "write the value out",
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise YamlProblem(
                    event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep"
                )
            node = yaml.composer.Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self.depth -= 1
        if node.tag not in self.yaml_constructors:  # type: ignore[attr-defined]
            # Checked here as nothing is constructed: `!!python/object/apply:os.system`
            # must not pass for a list of keywords.
            raise YamlProblem(
                line(node),
                f"not valid YAML: could not determine a constructor for the tag {quoted(node.tag)}",
            )
        return node  # type: ignore[no-any-return]


# libyaml's parser (C) reads the events, PyYAML's composer (Python) builds the nodes from
# them, so that every node passes the checks above: libyaml's own composer would build the
# whole tree in C, aliases and depth unchecked. The C parser is about 60 times faster than
# the pure-Python one (a 1 MB topics file of short keywords: 0.11 s of events against 7 s),
# which is what the YAML_LIMIT of the files' readers was bounding.
class _Loader(_Checks, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's events, composed and checked here."""


class _PythonLoader(_Checks, yaml.SafeLoader):
    """PyYAML's own parser, whose messages name the character at fault."""


def compose(text: str) -> yaml.Node | None:
    """The document's root node (None when empty); raise YamlProblem if it is not YAML."""
    try:
        return _compose(text, _Loader)
    except YamlProblem:
        if _Loader is _PythonLoader:
            raise
    # Text that is not YAML is read again by PyYAML's parser for its clearer message
    # ("found character '\t' that cannot start any token", where libyaml names none).
    return _compose(text, _PythonLoader)


def _compose(text: str, kind: type[_Loader]) -> yaml.Node | None:
    loader = None
    try:
        # The reader checks the whole text for control characters as it is made.
        loader = kind(text)
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(
            mark.line + 1 if mark else 1,
            f"not valid YAML: {one_line(str(error.problem or error.context))}",
        ) from None
    except yaml.reader.ReaderError as error:
        # A control character: PyYAML gives its position in the text, not a line.
        raise YamlProblem(
            text.count("\n", 0, error.position) + 1,
            f"not valid YAML: character #x{error.character:04x} is not allowed",
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"not valid YAML: {one_line(str(error))}") from None
    except RecursionError:
        # Not reached through MAX_DEPTH; kept for a caller that is itself deep in the stack.
        where = loader.get_mark().line + 1 if loader is not None else 1
        raise YamlProblem(where, "not valid YAML: nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def line(node: yaml.Node) -> int:
    """The line a node starts on, from 1."""
    return node.start_mark.line + 1  # type: ignore[no-any-return]


def text(node: yaml.Node) -> str | None:
    """A scalar written as text or a number, as written; None for anything else."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    if node.tag == STR or node.tag in NUMBERS:
        # A number's digits as written: converting then printing a long one is refused
        # by Python (4,300 digits), and `2016.50` would lose its zero.
        return node.value  # type: ignore[no-any-return]
    # A bool, null, date or binary.
    return None


def one_line(text: str) -> str:
    """Text with every run of whitespace (line breaks too) as one space."""
    return " ".join(text.split())


def quoted(text: str) -> str:
    """Text of the user's to quote in a message: on one line, cut at QUOTE_LENGTH characters.

    Characters a terminal would act on (escape sequences, direction overrides) are shown
    as Python writes them in a string, ``\\x1b``.
    """
    flat = "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
        for c in one_line(text[: QUOTE_LENGTH * 4])
    )
    if len(flat) > QUOTE_LENGTH:
        flat = flat[: QUOTE_LENGTH - 1] + "\u2026"
    return f"'{flat}'"
