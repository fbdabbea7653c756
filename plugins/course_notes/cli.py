"""The ``course-notes`` command: the same pages as the site, without MkDocs running."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import assets, questions, readings, render, spreadsheet
from .notes_file import NotesFileError, read_course, read_topics
from .readings import References
from .references_file import ReferencesFileError, read_references

DEFAULT_NOTES = Path("seeds/notes.md")
DEFAULT_REFERENCES = Path("seeds/references.yml")
FORMATS = ("markdown", "csv", "json")


def load_references(path: Path | None) -> References:
    """The named references file, or the default one if it exists."""
    if path is None:
        return read_references(DEFAULT_REFERENCES, required=False)
    return read_references(path)


def export(
    notes: Path, folder: Path, references: Path | None = None, topics: Path | None = None
) -> list[Path]:
    """Write every generated page, the files they link to and their stylesheet into a folder."""
    course = read_course(notes)
    known = load_references(references)
    topic_map = read_topics(topics)
    written = []
    files = {
        **render.render_pages(course, known, topic_map),
        **render.render_downloads(course, topic_map),
        assets.STYLESHEET: assets.stylesheet(),
    }
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


def _export(arguments: argparse.Namespace) -> int:
    written = export(arguments.notes, arguments.folder, arguments.references, arguments.topics)
    print(f"wrote {len(written)} files to {arguments.folder}")
    return 0


def format_readings(reading_list: readings.ReadingList, form: str) -> str:
    """The reading list as Markdown, CSV or JSON text."""
    if form == "json":
        return json.dumps(readings.records(reading_list), indent=2, ensure_ascii=False) + "\n"
    if form == "csv":
        out = io.StringIO()
        writer = spreadsheet.Writer(out)
        writer.writerow(["title", "weeks", "done", "sections", "citation", "url"])
        for record in readings.records(reading_list):
            weeks = [str(n) for n in record["weeks"]]
            writer.writerow(
                [
                    record["title"],
                    ", ".join(["General", *weeks] if record["general"] else weeks),
                    "yes" if record["done"] else "no",
                    ", ".join(section["number"] for section in record["sections"]),
                    record["citation"] or "",
                    record["url"] or "",
                ]
            )
        return out.getvalue()
    summary = render.readings_summary(reading_list)
    return f"# Readings\n\n{summary}\n\n{render.reading_list_markdown(reading_list)}\n"


def _readings(arguments: argparse.Namespace) -> int:
    course = read_course(arguments.notes)
    reading_list = readings.reading_list(course, load_references(arguments.references))
    sys.stdout.write(format_readings(reading_list, arguments.format))
    return 0


def question_list(notes: Path, form: str, open_only: bool, topics: Path | None = None) -> str:
    """The Thoughts' entries (only the open ones if asked) in one of the list formats."""
    faq = questions.read_questions(read_course(notes).thoughts, read_topics(topics))
    return questions.formatted(faq.open if open_only else faq.entries, form)


def _questions(arguments: argparse.Namespace) -> int:
    text = question_list(arguments.notes, arguments.format, arguments.open, arguments.topics)
    sys.stdout.write(text)
    return 0


def _notes_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "notes",
        type=Path,
        nargs="?",
        default=DEFAULT_NOTES,
        metavar="NOTES",
        help="the notes file (default: %(default)s)",
    )


def _topics_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--topics",
        type=Path,
        default=None,
        help="a YAML topic map for the FAQ (default: the one shipped with course-notes)",
    )


def _references_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--references",
        type=Path,
        default=None,
        help=f"the references file (default: {DEFAULT_REFERENCES}, if it exists)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per job."""
    parser = argparse.ArgumentParser(
        prog="course-notes",
        description="Turn a plain-text course-notes file into Markdown pages.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    exporter = commands.add_parser(
        "export", help="write the generated pages to a folder, as Markdown"
    )
    exporter.add_argument("folder", type=Path, help="where to write the pages")
    exporter.add_argument(
        "--notes", type=Path, default=DEFAULT_NOTES, help="the notes file (default: %(default)s)"
    )
    _references_option(exporter)
    _topics_option(exporter)
    exporter.set_defaults(run=_export)
    lister = commands.add_parser(
        "readings", help="print the course reading list, each reading once with its weeks"
    )
    _notes_argument(lister)
    lister.add_argument(
        "--format", choices=FORMATS, default="markdown", help="output format (default: %(default)s)"
    )
    _references_option(lister)
    lister.set_defaults(run=_readings)
    asker = commands.add_parser(
        "questions", help="print the questions for the lecturer from the notes' Thoughts"
    )
    _notes_argument(asker)
    asker.add_argument(
        "--format",
        choices=questions.FORMATS,
        default="markdown",
        help="markdown or text (numbered lists), csv or json (every field); default %(default)s",
    )
    asker.add_argument(
        "--open", action="store_true", help="only the entries that have no answer yet"
    )
    _topics_option(asker)
    asker.set_defaults(run=_questions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; errors are one line on stderr and exit status 1."""
    arguments = build_parser().parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except (NotesFileError, ReferencesFileError) as error:
        print(f"course-notes: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"course-notes: {error.filename}: {error.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
