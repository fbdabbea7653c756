"""The ``course-notes`` command: the site's pages and lists without MkDocs, and new sites."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from ...errors import CourseNotesError, unexpected
from ...i18n import from_environ
from ...io.config import CourseSettings, resolve
from ...io.export import MANIFEST, export
from ...io.load import TODAY, load_site
from ...model.text import printable, printable_json
from ...render import exports, outline
from ...render import status as render_status
from ..core import serving
from ..zensical import engine as zensical_engine
from . import new_site

ENGINES = ("mkdocs", "zensical")


def course_files(arguments: argparse.Namespace) -> CourseSettings:
    """The files to read: those the config names, or the flags where given."""
    return resolve(
        arguments.config_file,
        arguments.notes,
        getattr(arguments, "references", None),
        getattr(arguments, "topics", None),
    )


def _export(arguments: argparse.Namespace) -> int:
    files = course_files(arguments)
    folder = arguments.folder
    exported = export(files, folder, os.environ, force=arguments.force)
    removed = exported.removed
    gone = f"; removed {len(removed)} it no longer makes: {', '.join(removed)}" if removed else ""
    _print(f"wrote {len(exported.written)} files to {folder}{gone}\n")
    return 0


def _readings(arguments: argparse.Namespace) -> int:
    site = load_site(course_files(arguments), os.environ, history=False)
    _print(exports.readings_as(site.reading_list, arguments.format), arguments.format)
    return 0


def question_list(files: CourseSettings, form: str, which: str = "all") -> tuple[str, str]:
    """The Thoughts' entries (all, ``open`` or ``unanswered`` ones) in one of the list formats,
    and, when there are none, the line that says why (else ``""``)."""
    faq = load_site(files, os.environ, history=False).questions
    chosen = {"open": faq.open, "unanswered": faq.unanswered}.get(which, faq.entries)
    why = ""
    if not faq.entries:
        why = (
            f"no questions in {files.label(files.notes)}: list them under a heading or line "
            "that names them (## Questions, Thoughts:, ❓), or add your word under "
            "questions: in mkdocs.yml"
        )
    elif not chosen:
        why = f"no {which} questions: all {len(faq.entries)} have an answer" + (
            " or are marked asked" if which == "open" else ""
        )
    return exports.formatted(chosen, form, from_environ(os.environ)), why


def _questions(arguments: argparse.Namespace) -> int:
    which = "open" if arguments.open else "unanswered" if arguments.unanswered else "all"
    text, why = question_list(course_files(arguments), arguments.format, which)
    _print(text, arguments.format)
    if why:
        # On stderr: the list on stdout stays what a script or a pipe expects (empty, [] ...).
        print(f"course-notes: {printable(why)}", file=sys.stderr)
    return 0


def _check(arguments: argparse.Namespace) -> int:
    files = course_files(arguments)
    site = load_site(files, os.environ, history=False, pages=False)
    if arguments.format == "json":
        _print(outline.as_json(outline.record(site.course)) + "\n", "json")
    else:
        label = files.label(files.notes)
        _print(outline.outline(site.course, site.questions, label, from_environ(os.environ)))
    return 1 if arguments.strict and site.course.diagnostics else 0


def status_text(files: CourseSettings, environ: dict[str, str] | os._Environ[str]) -> str:
    """The "now" summary of the home page, as text: the week, overdue, behind, next due."""
    site = load_site(files, environ)
    if site.schedule is None or site.now is None:
        return (
            "No dates: set term_start (the first day of week 1) under the course-notes "
            "plugin in mkdocs.yml, or put dates in the week headings (# Week 3 (Mar 10)).\n"
        )
    return render_status.status(site.now, site.schedule, site.burnup, from_environ(environ))


def _status(arguments: argparse.Namespace) -> int:
    _print(status_text(course_files(arguments), os.environ))
    return 0


def _init(arguments: argparse.Namespace) -> int:
    files = course_files(arguments)
    folder = arguments.folder
    # Every file read now, so that one the new site could not build with is said here.
    course = load_site(files, os.environ, history=False).course
    references = files.references_file
    options = new_site.SiteFiles(
        notes=new_site.relative(files.notes, folder),
        references=new_site.relative(references, folder) if references else None,
        topics=new_site.relative(files.topics, folder) if files.topics else None,
    )
    written = new_site.write_site(folder, new_site.site_files(course, files.notes, options, folder))
    _print(f"wrote {', '.join(written)} in {folder}\n")
    for path in (files.notes, references, files.topics):
        if path is not None and new_site.outside(folder, path):
            _print(
                f"note: {path} is outside {folder}: GitHub builds the site from its "
                "repository, so move the file in (and its path in mkdocs.yml) to publish\n"
            )
    if not new_site.requirement()[2]:
        _print(f"note: {new_site.LOCAL_INSTALL}\n")
    _print(f"next: cd {folder} && course-notes serve\n")
    return 0


def _build(arguments: argparse.Namespace) -> int:
    if arguments.engine == "zensical":
        return zensical_engine.build(arguments.config_file, arguments.site_dir, arguments.strict)
    site_dir = ["--site-dir", str(arguments.site_dir)] if arguments.site_dir else []
    return _mkdocs("build", arguments, *site_dir, *(["--strict"] if arguments.strict else []))


def _serve(arguments: argparse.Namespace) -> int:
    if arguments.engine == "zensical":
        return zensical_engine.serve(arguments.config_file, arguments.dev_addr)
    address = ["--dev-addr", arguments.dev_addr] if arguments.dev_addr else []
    config = ["-f", str(arguments.config_file)] if arguments.config_file else []
    # A child this command owns: however the command is stopped, the server stops with it.
    # Dirty: a save builds again only the pages it changes (the plugin says which).
    return serving.run("mkdocs", ["serve", "--dirty", *config, *address])


def _mkdocs(command: str, arguments: argparse.Namespace, *options: str) -> int:
    config = ["-f", str(arguments.config_file)] if arguments.config_file else []
    try:
        return subprocess.call([sys.executable, "-m", "mkdocs", command, *config, *options])
    except KeyboardInterrupt:
        # Ctrl-C stops `mkdocs serve` too (the same process group); no traceback here.
        return 0


def _site_options() -> argparse.ArgumentParser:
    """-f and --notes, the same on every command."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the site's MkDocs config, whose course-notes entry names the notes, references "
        "and topics files (default: ./mkdocs.yml)",
    )
    options.add_argument(
        "--notes",
        type=Path,
        default=None,
        metavar="FILE",
        help="the notes file, instead of the one the config file names",
    )
    return options


def _topics_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--topics",
        type=Path,
        default=None,
        metavar="FILE",
        help="a YAML topic map for the FAQ, instead of the config's (default: no topics)",
    )


def _references_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--references",
        type=Path,
        default=None,
        metavar="FILE",
        help="the references file, instead of the config's",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per job."""
    parser = argparse.ArgumentParser(
        prog="course-notes",
        description="Turn a plain-text course-notes file into Markdown pages. Every command "
        "reads the notes file (and references and topics) from the course-notes entry of "
        "./mkdocs.yml, or of the config -f names; --notes names one instead.",
    )
    site = [_site_options()]
    commands = parser.add_subparsers(dest="command", required=True)
    exporter = commands.add_parser(
        "export", parents=site, help="write the generated pages to a folder, as Markdown"
    )
    exporter.add_argument(
        "folder", type=Path, metavar="DIR", help="where to write the pages (made if missing)"
    )
    exporter.add_argument(
        "--force",
        action="store_true",
        help=f"write into a folder that is not empty though no export made it (no {MANIFEST})",
    )
    _references_option(exporter)
    _topics_option(exporter)
    exporter.set_defaults(run=_export)
    lister = commands.add_parser(
        "readings",
        parents=site,
        help="print the course reading list, each reading once with its weeks",
    )
    lister.add_argument(
        "--format",
        choices=exports.READING_FORMATS,
        default="markdown",
        help="output format (default: %(default)s)",
    )
    _references_option(lister)
    lister.set_defaults(run=_readings)
    asker = commands.add_parser(
        "questions",
        parents=site,
        help="print the questions for the lecturer from the notes' Thoughts",
    )
    asker.add_argument(
        "--format",
        choices=exports.FORMATS,
        default="markdown",
        help="markdown or text (numbered lists), csv or json (every field); default %(default)s",
    )
    which = asker.add_mutually_exclusive_group()
    which.add_argument(
        "--open",
        action="store_true",
        help="only the entries still to send: no answer, not marked asked",
    )
    which.add_argument(
        "--unanswered",
        action="store_true",
        help="the entries with no answer yet, asked or not",
    )
    _topics_option(asker)
    asker.set_defaults(run=_questions)
    checker = commands.add_parser(
        "check",
        parents=site,
        help="print how the notes file was read (weeks, sections, tasks, odd lines), "
        "without building a site",
    )
    checker.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: an outline to hold against the file; json: the figures, for tools "
        "(default: %(default)s)",
    )
    checker.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when some line could not be placed",
    )
    checker.set_defaults(run=_check)
    teller = commands.add_parser(
        "status",
        parents=site,
        help="print where you are in the term: this week, overdue, behind, next due",
        description="Where you are in the term, as the home page's panel says it: the week "
        "on today and its items left, what is overdue and behind, the next three due. "
        f"Today is the clock's, or {TODAY}=YYYY-MM-DD.",
    )
    teller.set_defaults(run=_status)
    starter = commands.add_parser(
        "init",
        parents=site,
        help="write a new site for a notes file: mkdocs.yml, home page, Pages workflow",
    )
    starter.add_argument(
        "folder", type=Path, metavar="DIR", help="the new site's folder (made if missing)"
    )
    _references_option(starter)
    _topics_option(starter)
    starter.set_defaults(run=_init)
    _engine_commands(commands)
    return parser


def _engine_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    engine = argparse.ArgumentParser(add_help=False)
    engine.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the site's MkDocs config (default: ./mkdocs.yml)",
    )
    engine.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="mkdocs runs mkdocs itself; zensical writes the site's pages and a config for "
        "Zensical into .course-notes/ and runs Zensical (default: %(default)s)",
    )
    builder = commands.add_parser(
        "build", parents=[engine], help="build the site, as `mkdocs build` or with Zensical"
    )
    builder.add_argument(
        "--site-dir", type=Path, default=None, metavar="DIR", help="where to write the site"
    )
    builder.add_argument("--strict", action="store_true", help="fail on warnings")
    builder.set_defaults(run=_build)
    server = commands.add_parser(
        "serve",
        parents=[engine],
        help="serve the site and rebuild it when the notes or docs/ change",
    )
    server.add_argument(
        "-a",
        "--dev-addr",
        default=None,
        metavar="IP:PORT",
        help="the address to serve on (default: the engine's, 127.0.0.1:8000 or localhost:8000)",
    )
    server.set_defaults(run=_serve)


def _print(text: str, form: str = "text") -> None:
    """Write to standard output through the one printable filter (JSON stays JSON)."""
    sys.stdout.write(printable_json(text) if form == "json" else printable(text, lines=True))


def _error(message: str) -> int:
    print(f"course-notes: {printable(message)}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; errors are one line on stderr and exit status 1."""
    arguments = build_parser().parse_args(argv)
    # A character the terminal's encoding lacks (a ␛, 中文 on a cp1252 console, as Windows
    # redirects output) is written as \u241b rather than ending the command.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return int(arguments.run(arguments))
    except CourseNotesError as error:
        return _error(str(error))
    except OSError as error:
        return _error(f"{error.filename}: {error.strerror}")
    except Exception as error:  # noqa: BLE001 - no input may show a user a traceback
        where = getattr(arguments, "notes", None) or arguments.config_file or "mkdocs.yml"
        return _error(unexpected(error, str(where)))


if __name__ == "__main__":
    sys.exit(main())
