"""The files a site's mkdocs.yml gives the course-notes plugin, found as the plugin finds them."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import CourseNotesError
from ..model import SectionKind

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
    lecturer_email: str = ""
    """The plugin's ``lecturer_email``: the FAQ's email link goes to it."""
    site_name: str = "Course"
    """The site's ``site_name``: the calendar's name."""

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
    return _plugin_options(_read(config_file), config_file)


def _read(config_file: Path) -> dict[str, Any]:
    """The config file's top-level settings, read as MkDocs reads them (INHERIT, ``!ENV``)."""
    # MkDocs' own YAML loading: `!ENV` and INHERIT read as a build reads them. Not
    # load_config: it loads every plugin, theme and hook (0.47 s of CPU for this
    # repository's site, against 0.2 s for this and the plugin's options below) and fails
    # on parts of the site the notes do not need. Imported here, not at the top: a command
    # given --notes and no config does not pay for MkDocs' modules.
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    # On the safe loader: the Markdown extensions' `!!python/name:` objects are nothing the
    # notes need (importing Material's emoji index took 0.05 s), and other `!!python/` tags
    # run code.
    loader = get_yaml_loader(yaml.SafeLoader)
    loader.add_multi_constructor("tag:yaml.org,2002:python/", _unused)
    try:
        with config_file.open("rb") as source:
            config = yaml_load(source, loader)
    except IsADirectoryError:
        raise SiteConfigError(f"config file '{config_file}' is a folder, not a file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise SiteConfigError(f"cannot read config file '{config_file}': {reason}") from None
    except ConfigurationError as error:
        raise SiteConfigError(_yaml_problem(config_file, error)) from None
    if not isinstance(config, dict):
        raise SiteConfigError(f"{config_file}: not a MkDocs config (expected `key: value` lines)")
    return config


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


def _yaml_problem(config_file: Path, error: Exception) -> str:
    # MkDocs wraps PyYAML's error, whose message spans several lines, in its own words.
    cause = error.__context__
    if isinstance(cause, yaml.MarkedYAMLError):
        mark = cause.problem_mark or cause.context_mark
        line = f":{mark.line + 1}" if mark else ""
        return f"{config_file}{line}: not valid YAML: {cause.problem or cause.context}"
    return f"{config_file}: {' '.join(str(error).split())}"


def course_files(config_file: Path) -> CourseSettings | None:
    """The files the config's course-notes entry names, relative to it; None without one."""
    settings = _read(config_file)
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
    return files_of(config, config_file.parent, name if isinstance(name, str) else "Course")


def files_of(config: CourseNotesConfig, root: Path, site_name: str = "Course") -> CourseSettings:
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
        lecturer_email=config.lecturer_email,
        site_name=site_name,
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
