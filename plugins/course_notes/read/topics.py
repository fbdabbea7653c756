"""A topic map (YAML text) read: each topic's name and the keywords that put an entry under it."""

from __future__ import annotations

import yaml

from .. import regex
from ..errors import CourseNotesError
from ..model import Topic
from . import yaml_nodes
from .yaml_nodes import quoted

TOKEN = regex.compile(r"\w+|[^\w\s]")
MAX_KEYWORD_TOKENS = 12
"""A keyword is a term ("gradient descent", "C++"): the n-grams looked up are at most this
long, so the index of an entry costs at most this many lookups per token."""


class TopicsError(CourseNotesError):
    """The topic map cannot be used; the message says where and why."""


def parse_topics(text: str, source: str = "topics") -> list[Topic]:
    """A topic map from YAML: each topic name maps to a list of keywords."""
    try:
        # Nodes, not yaml.safe_load: only the text a topic needs is read (see yaml_nodes),
        # and no message quotes more than a short line of the file.
        root = yaml_nodes.compose(text)
        return _topics(root, source) if root is not None else []
    except yaml_nodes.YamlProblem as error:
        raise TopicsError(f"{source}:{error.line}: {error.problem}") from None


def _topics(root: yaml.Node, source: str) -> list[Topic]:
    if not isinstance(root, yaml.MappingNode):
        raise TopicsError(
            f"{source}:{yaml_nodes.line(root)}: expected topic names, each with a list of keywords"
        )
    topics = []
    for name_node, keywords_node in root.value:
        where = f"{source}:{yaml_nodes.line(name_node)}"
        name = yaml_nodes.text(name_node)
        if name is None or not name.strip():
            raise TopicsError(f"{where}: a topic name must be text")
        keywords = _keywords(keywords_node)
        if keywords is None:
            raise TopicsError(f"{where}: topic {quoted(name)} needs a list of keywords")
        items = keywords_node.value if isinstance(keywords_node, yaml.SequenceNode) else []
        for item in items or [keywords_node]:
            word = yaml_nodes.text(item) or ""
            if len(TOKEN.findall(word)) > MAX_KEYWORD_TOKENS:
                raise TopicsError(
                    f"{source}:{yaml_nodes.line(item)}: keyword {quoted(word[:40])} of topic "
                    f"{quoted(name)} is longer than {MAX_KEYWORD_TOKENS} words and signs "
                    "(k-means is three); a keyword is a term, such as `gradient descent`"
                )
        topic = Topic(name.strip(), keywords)
        twin = next((other for other in topics if other.slug == topic.slug), None)
        if twin is not None:
            raise TopicsError(
                f"{where}: topics {quoted(twin.name)} and {quoted(topic.name)} are too alike "
                f"(both would be #{topic.slug}); rename one"
            )
        topics.append(topic)
    return topics


def _keywords(node: yaml.Node) -> tuple[str, ...] | None:
    """A topic's keywords: one, a list, or none (left empty); None if they are not text."""
    if isinstance(node, yaml.ScalarNode) and node.tag == yaml_nodes.NULL:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    keywords = [yaml_nodes.text(item) for item in items]
    if not all(isinstance(keyword, str) for keyword in keywords):
        return None
    return tuple(keyword for keyword in keywords if keyword is not None)
