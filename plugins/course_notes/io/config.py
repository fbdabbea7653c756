"""A site's mkdocs.yml read as MkDocs reads it, and the course settings of its plugin entry."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import CourseNotesError
from ..model import SectionKind
from .user_files import YAML_LIMIT, UserFileError, read_user_file

if TYPE_CHECKING:
    from .options import CourseNotesConfig

PLUGIN = "course-notes"
# The names `mkdocs` itself looks for when no -f is given, in its order.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class SiteConfigError(CourseNotesError):
    """The config file cannot be read or names no notes; the message says how to give them."""


@dataclass(frozen=True)
class CourseSettings:
    """The notes file and, when there are any, the references and topics files."""

    notes: Path
    references: Path | None = None
    references_required: bool = True
    """False for the plugin's default references file, which is read only if it exists."""
    topics: Path | None = None
    root: Path | None = None
    """The folder of the mkdocs.yml that named the files: messages name them relative to it."""
    term_start: datetime.date | None = None
    """The first day of week 1 (the ``term_start`` option), when the config gives one."""
    sections: Mapping[str, SectionKind] = field(default_factory=dict)
    """The config's ``sections:``: heading words to kinds, on top of the built-in keywords."""
    units: str = ""
    """The config's ``units:``: the unit's word, where the notes alone do not say."""
    questions: tuple[str, ...] = ()
    """The config's ``questions:``: more words that start the questions."""
    lecturer_email: str = ""
    """The plugin's ``lecturer_email``: the FAQ's email link goes to it."""
    site_name: str = "Course"
    """The site's ``site_name``: the calendar's name."""
    docs: Path | None = None
    """The site's docs folder, where the pages are made: relative links are read from it."""
    language: str = ""
    """The pages' language: the plugin's ``language``, else ``theme.language`` (unset: English)."""

    def label(self, path: Path) -> str:
        """How messages name a file: relative to the config's folder, as mkdocs.yml gives it."""
        if self.root is not None and path.is_relative_to(self.root):
            return str(path.relative_to(self.root))
        return str(path)

    @property
    def references_file(self) -> Path | None:
        """The references file to read: the one named, or the default one if it exists."""
        if self.references is None:
            return None
        if self.references_required or self.references.is_file():
            return self.references
        return None


def find_config(config_file: Path | None) -> Path | None:
    """The config file named, or ./mkdocs.yml (or .yaml) if there is one, as `mkdocs` does."""
    if config_file is not None:
        return config_file
    return next((Path(name) for name in CONFIG_NAMES if Path(name).is_file()), None)


def plugin_options(config_file: Path) -> dict[str, Any] | None:
    """The course-notes entry's options in a config file, or None if it lists no such plugin."""
    return _plugin_options(read_config(config_file), config_file)


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag kept as written (``!ENV``, ``!!python/name:``), for a copy."""

    tag: str
    value: Any


class TagKeepingLoader(yaml.SafeLoader):
    """YAML with every tag kept as written: a config read to be written again for Zensical."""


def _keep_tag(loader: TagKeepingLoader, suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


TagKeepingLoader.add_multi_constructor("!", _keep_tag)
TagKeepingLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)


def read_config(path: Path, *, keep_tags: bool = False) -> dict[str, Any]:
    """A mkdocs.yml's settings as MkDocs reads them, its INHERIT merged in as MkDocs merges it.

    The one reader of mkdocs.yml, for the commands, the macros module and the Zensical
    engine. ``!ENV`` is read as MkDocs reads it, and ``!!python/`` values (Material's emoji
    functions) are left out: nothing here needs them, and importing them costs time and
    runs code. With ``keep_tags`` every tag is kept as written instead (:class:`Tagged`),
    for a config that is written out again. An INHERIT loop is one line, not a recursion.
    """
    return _read_chain(path, keep_tags, ())


def _read_chain(path: Path, keep_tags: bool, children: tuple[Path, ...]) -> dict[str, Any]:
    # A regular file of a bounded size: a named pipe or /dev/zero named by INHERIT is one line.
    try:
        source = read_user_file(path, "config file", limit=YAML_LIMIT)
    except UserFileError as error:
        raise SiteConfigError(str(error)) from None
    config = _parse(source, path, keep_tags)
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str):
        chain = (*children, path)
        inherited = path.parent / parent
        if inherited.resolve() in {child.resolve() for child in chain}:
            start = chain[0].parent
            names = " -> ".join(_shown(child, start) for child in (*chain, inherited))
            raise SiteConfigError(
                f"INHERIT loop: {names}; remove the INHERIT line of one of these files"
            )
        config = _merged(_read_chain(inherited, keep_tags, chain), config)
    return config


def _parse(source: bytes, path: Path, keep_tags: bool) -> dict[str, Any]:
    if keep_tags:
        loader: type[yaml.SafeLoader] = TagKeepingLoader
    else:
        # MkDocs' own tags (`!ENV`, `!relative`) on the safe loader; `!!python/` values
        # are nothing the notes need (importing Material's emoji index took 0.05 s), and
        # other `!!python/` tags run code.
        from mkdocs.utils.yaml import get_yaml_loader

        loader = get_yaml_loader(yaml.SafeLoader)
        loader.add_multi_constructor("tag:yaml.org,2002:python/", _unused)
    try:
        config = yaml.load(source, loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        raise SiteConfigError(_yaml_problem(path, error)) from None
    if not isinstance(config, dict):
        raise SiteConfigError(f"{path}: not a MkDocs config (expected `key: value` lines)")
    return config


def _shown(path: Path, start: Path) -> str:
    # A config file as the loop's message names it: from the folder of the first one.
    try:
        return Path(os.path.relpath(path, start)).as_posix()
    except ValueError:  # another drive, on Windows
        return path.as_posix()


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    # MkDocs' rule: maps merge key by key, anything else the child gives replaces.
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def _plugin_options(config: dict[str, Any], config_file: Path) -> dict[str, Any] | None:
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        # As MkDocs reads the list: a name alone, or a map of one name to its options.
        entries = [(entry, {}) if isinstance(entry, str) else _single(entry) for entry in plugins]
    else:
        raise SiteConfigError(f"{config_file}: `plugins:` should be a list of plugins")
    for name, options in entries:
        if isinstance(name, str) and name.removeprefix("/") == PLUGIN:
            if options is not None and not isinstance(options, dict):
                raise SiteConfigError(f"{config_file}: the {PLUGIN} plugin's options are no map")
            return dict(options or {})
    return None


def _unused(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


def _single(entry: object) -> tuple[object, object]:
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.items()))
    return None, None


def _yaml_problem(config_file: Path, error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        return f"{config_file}{line}: not valid YAML: {error.problem or error.context}"
    return f"{config_file}: not valid YAML: {' '.join(str(error).split())}"


def course_files(config_file: Path) -> CourseSettings | None:
    """The files the config's course-notes entry names, relative to it; None without one."""
    settings = read_config(config_file)
    options = _plugin_options(settings, config_file)
    if options is None:
        return None
    # `enabled:` is MkDocs' switch for any plugin, not one of the plugin's own options.
    from .options import CourseNotesConfig

    options.pop("enabled", None)
    # The plugin's own config class: the same defaults and checks as a build.
    config = CourseNotesConfig(config_file_path=str(config_file))
    config.load_dict(options)
    errors, _warnings = config.validate()
    if errors:
        key, problem = errors[0]
        raise SiteConfigError(f"{config_file}: {PLUGIN} option '{key}': {problem}")
    name = settings.get("site_name")
    docs = settings.get("docs_dir", "docs")
    theme = settings.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return files_of(
        config,
        config_file.parent,
        name if isinstance(name, str) else "Course",
        config_file.parent / docs if isinstance(docs, str) else None,
        language if isinstance(language, str) else "",
    )


def files_of(
    config: CourseNotesConfig,
    root: Path,
    site_name: str = "Course",
    docs: Path | None = None,
    theme_language: str = "",
) -> CourseSettings:
    """The files and options a validated config gives, paths relative to its mkdocs.yml."""
    from .options import DEFAULT_REFERENCES

    return CourseSettings(
        notes=root / config.notes,
        references=root / (config.references or DEFAULT_REFERENCES),
        references_required=config.references is not None,
        topics=root / config.topics if config.topics else None,
        root=root,
        term_start=config.term_start,
        sections={words: SectionKind.named(kind) for words, kind in config.sections.items()},
        units=config.units,
        questions=tuple(config.questions),
        lecturer_email=config.lecturer_email,
        site_name=site_name,
        docs=docs,
        language=config.language or theme_language,
    )


def resolve(
    config_file: Path | None,
    notes: Path | None = None,
    references: Path | None = None,
    topics: Path | None = None,
) -> CourseSettings:
    """The files a command reads: the config's course-notes entry's, each overridden if given.

    ``config_file`` None means ./mkdocs.yml, if there is one. Raise SiteConfigError when
    neither the config nor ``notes`` names a notes file.
    """
    config = find_config(config_file)
    files = course_files(config) if config is not None else None
    if files is None:
        if notes is None and config is None:
            raise SiteConfigError(
                "no mkdocs.yml here to name the notes file; give the site's config with "
                "-f/--config-file FILE, or the notes file with --notes FILE"
            )
        if notes is None:
            raise SiteConfigError(
                f"{config} has no course-notes plugin under `plugins:` to name the notes "
                "file; add one (- course-notes: {notes: FILE}), or give --notes FILE"
            )
        files = CourseSettings(notes=notes, references=None, topics=None)
    elif notes is not None:
        files = replace(files, notes=notes)
    if references is not None:
        files = replace(files, references=references, references_required=True)
    if topics is not None:
        files = replace(files, topics=topics)
    return files
