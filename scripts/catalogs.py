"""Extract, start, update, compile and check the site's translation catalogs (Babel).

Usage: python -m scripts.catalogs COMMAND   (`make catalogs` runs extract, update, compile)

  extract      write i18n/locale/course-notes.pot from the package's gettext calls
  init LANG    start LANG's catalog (locale/LANG/LC_MESSAGES/course-notes.po) from the template
  update       bring every catalog up to the template: new messages added, gone ones dropped
  compile      write each catalog's .mo beside its .po (the wheel ships both)
  check        fail, naming each, on a message the template lacks or a catalog leaves
               untranslated, a stale or fuzzy entry, placeholders that differ, or a .mo
               that is not the compiled .po

The ``.po`` files are the sources: translators edit them; ``.mo`` files are compiled from
them and committed, so an install from git needs no build step (``check`` keeps them equal).
"""

from __future__ import annotations

import datetime
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "plugins" / "course_notes"
LOCALES = PACKAGE / "i18n" / "locale"
DOMAIN = "course-notes"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
SOURCE = "en"
# The package's own calls: Language.gettext, .ngettext and .pgettext (context first), and
# model.say, which marks the reader's sentences (said in a language only where shown).
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "say": None}
# A fixed date keeps the files the same from one run to the next (git shows real changes).
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
HEADER = """\
# {language} messages of course-notes: the words the site, its downloads and the
# calendar use. Edit the msgstr lines, then run `make catalogs` (see docs/customising.md).
# Keep each {{placeholder}} and the Markdown (`code`, *emphasis*, [text](link)) as it is."""
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def catalogs() -> list[Path]:
    """Every language's ``.po`` file, by language code."""
    return sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _new(**fields: object) -> Catalog:
    # The project's header fields, the same in the template and every catalog.
    return Catalog(
        project="course-notes",
        version="",
        copyright_holder="the course-notes authors",
        msgid_bugs_address="",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
        **fields,
    )


def extracted() -> Catalog:
    """The messages the package's code asks for, as a template."""
    template = _new()
    method_map = [("**.py", "python")]
    for filename, _line, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        del filename
        template.add(message, None, auto_comments=comments, context=context)
    return template


def _write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, sort_output=True, omit_header=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """The ``.mo`` bytes of a catalog (fuzzy entries left out, as gettext would)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def extract() -> None:
    """Write the template from the code."""
    template = extracted()
    _write(template, TEMPLATE)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} messages")


def init(code: str) -> None:
    """Start a language's catalog from the template, with its plural rules from CLDR."""
    path = LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        sys.exit(f"{path} exists; `update` brings it up to the template")
    template = _read(TEMPLATE)
    catalog = _new(locale=code, domain=DOMAIN)
    catalog.header_comment = HEADER.format(language=catalog.locale.english_name)
    catalog.last_translator = "course-notes authors"
    catalog.language_team = catalog.locale.english_name
    catalog.update(template)
    _write(catalog, path)
    print(f"{path}: {len(catalog)} messages to translate")


def update() -> None:
    """Bring each catalog up to the template; messages gone from the code are dropped."""
    template = _read(TEMPLATE)
    for path in catalogs():
        catalog = _read(path, path.parent.parent.name)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if path.parent.parent.name == SOURCE:
            # The messages are written in English: a new one is its own translation (an
            # entry edited here changes the English wording without touching the code).
            for message in catalog:
                if message.id and not any(_strings(message)):
                    message.string = message.id
        _write(catalog, path)


def compile_all() -> None:
    """Write each catalog's ``.mo`` beside it."""
    for path in catalogs():
        path.with_suffix(".mo").write_bytes(compiled(_read(path, path.parent.parent.name)))


def _strings(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


def problems() -> list[str]:
    """What is wrong with the catalogs, a line each (none: all is well)."""
    found: list[str] = []
    fresh = extracted()
    template = _read(TEMPLATE)
    wanted = {(message.context, _ids(message)[0]) for message in fresh if message.id}
    have = {(message.context, _ids(message)[0]) for message in template if message.id}
    found += [f"{TEMPLATE.name}: lacks {key[1]!r} (run make catalogs)" for key in wanted - have]
    found += [f"{TEMPLATE.name}: stale {key[1]!r} (run make catalogs)" for key in have - wanted]
    for path in catalogs():
        code = path.parent.parent.name
        name = f"{code}/{path.name}"
        catalog = _read(path, code)
        listed = {(message.context, _ids(message)[0]) for message in catalog if message.id}
        found += [f"{name}: lacks {key[1]!r}" for key in wanted - listed]
        found += [f"{name}: stale entry {key[1]!r}" for key in listed - wanted]
        found += [f"{name}: obsolete entry {key!r}" for key in catalog.obsolete]
        for message in catalog:
            if not message.id:
                continue
            ids, strings = _ids(message), _strings(message)
            if message.fuzzy:
                found.append(f"{name}: fuzzy {ids[0]!r}")
            if any(not string for string in strings):
                found.append(f"{name}: untranslated {ids[0]!r}")
                continue
            expected = set(PLACEHOLDER.findall(" ".join(ids)))
            for string in strings:
                if set(PLACEHOLDER.findall(string)) != expected:
                    found.append(f"{name}: placeholders of {ids[0]!r} differ in {string!r}")
        mo = path.with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != compiled(catalog):
            found.append(f"{name}: {mo.name} is not the compiled catalog (run make catalogs)")
    return found


def main(argv: list[str]) -> int:
    """Run one command; 1 when ``check`` finds a problem."""
    command = argv[0] if argv else "check"
    if command == "extract":
        extract()
    elif command == "init" and len(argv) == 2:
        init(argv[1])
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        print(f"{len(catalogs())} catalogs, {len(found)} problems")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
