"""The ``course-notes`` command: the same pages as the site, without MkDocs running."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import assets, render
from .notes_file import NotesFileError, read_course

DEFAULT_NOTES = Path("seeds/notes.md")


def export(notes: Path, folder: Path) -> list[Path]:
    """Write every generated page (and the stylesheet they use) into a folder."""
    course = read_course(notes)
    written = []
    files = {**render.render_pages(course), assets.STYLESHEET: assets.stylesheet()}
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


def _export(arguments: argparse.Namespace) -> int:
    written = export(arguments.notes, arguments.folder)
    print(f"wrote {len(written)} files to {arguments.folder}")
    return 0


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
    exporter.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; errors are one line on stderr and exit status 1."""
    arguments = build_parser().parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except NotesFileError as error:
        print(f"course-notes: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"course-notes: {error.filename}: {error.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
