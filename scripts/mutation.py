#!/usr/bin/env python3
"""Print the mutation score of the parser's modules from the last `mutmut run`.

Usage: python -m scripts.mutation [--survivors] [--equivalent]   (`make mutation` runs
mutmut first, then this; run both from the repository's root)

Reads mutmut's results under mutants/ for each file it mutated (``only_mutate`` in
pyproject.toml's ``[tool.mutmut]``). The score counts only mutants that can change what the
code does: a survivor listed in ``EQUIVALENT`` below (each with why no input tells it apart)
and the mutants of ``IMPORT_TIME`` functions (which no test can run) are left out, so the
score is killed / (mutants - equivalent - import-time). A timeout counts as killed: a test
noticed. Entries match by function and changed line, not by mutmut's numbering, which shifts
as the code changes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
# mutmut's exit codes (mutmut/stats.py): 1 and 3 killed, 0 survived, 36/24/152/255 timeouts.
KILLED = {1, 3, 24, -24, 36, 152, 255}
SURVIVED = {0}

# Functions run only while the module is imported (to build a table), before mutmut switches
# a mutant on: no test can run their mutants. The tests of the table's use cover them.
IMPORT_TIME = {("read/marks.py", "_mojibake"): "builds the table of garbled tick forms at import"}

_FAST_PATH = "a shortcut: skipped, the general loop below gives the same answer"
_FALSE = "only ever tested for truth, and None or '' is as false as the original"
_NEVER_READ = "the duration as written is returned, but no caller reads it"
_CODEC = "codec names ignore case"
_NEGATIVE = "any negative width means 'no leaf item'; widths are never negative"
_NONE_START = "a count from None counts from the start, as from 0"
_DASHES_FIRST = "the text opens with '---', so no newline stands at 0 to count"
_UNUSED_START = "the first value is read only when there is front matter, which sets it again"
_NO_SURROGATE = (
    "parse replaces a lone surrogate before the blocks are read, so the error handler never "
    "meets one"
)

_WHOLE_ENDS = "the whole's pattern opens with a digit and ends with one or a unit's letter"
_EDGES = "a length's neighbours are a blank or a bracket, never an X: the pattern ends at words"
_MINUTES_DIGITS = (
    "_minutes is reached only with what duration_seconds could not read: bare digits, which "
    "no strip changes"
)
_ANY_CASE = "the unit grammar reads any case"
_SPACED_OR_NOT = "the unit grammar reads '1h10min' as '1h 10min'"
_ROAM_BOX_DONE = "Roam's DONE box is read only as 'not a blank box': any other letter reads so"
_TWO_LETTERS = "the words after a tick are two letters at least, so the last two are letters too"
_BOUND_ONLY = "the start only bounds the search (its cost on a long line), not what it finds"
_NO_TICK_FIRST = "the pattern opens with a blank, and the text's first character is none"
_MIDDLE_DECIDES = (
    "a test before _middle_mark, which finds the note itself: a line ending in % either "
    "ends in a score, which the score test finds, or has none to cut"
)

# Surviving mutants that no input can tell from the original, each with why: (file, function,
# the mutated line as mutmut shows it, or "original => mutated" where that alone is ambiguous,
# reason).
EQUIVALENT: list[tuple[str, str, str, str]] = [
    (
        "read/blocks.py",
        "_properties",
        'for number, written in enumerate(text.split("\\n", ), start=1):',
        "the loop stops at the first line that is no property: the bound only saves work",
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'if end is None or text.count("\\n", None, end.start()) > FRONT_MATTER_LINES:',
        _NONE_START,
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'if end is None or text.count("\\n", 1, end.start()) > FRONT_MATTER_LINES:',
        _DASHES_FIRST,
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'return text.count("\\n", None, end.end()) + 1, "", 0',
        _NONE_START,
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'return text.count("\\n", 1, end.end()) + 1, "", 0',
        _DASHES_FIRST,
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'line = body.count("\\n", None, found.start()) + 2',
        _NONE_START,
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'return text.count("\\n", None, end.end()) + 1, found["title"].strip("\\"\'"), line',
        _NONE_START,
    ),
    (
        "read/blocks.py",
        "_front_matter",
        'return text.count("\\n", 1, end.end()) + 1, found["title"].strip("\\"\'"), line',
        _DASHES_FIRST,
    ),
    ("read/blocks.py", "read_blocks", "skipped = None", _UNUSED_START),
    ("read/blocks.py", "read_blocks", "skipped = 1", _UNUSED_START),
    ("read/blocks.py", "read_blocks", 'raw = text.encode("utf-8", )', _NO_SURROGATE),
    ("read/blocks.py", "read_blocks", 'raw = text.encode("UTF-8", "surrogatepass")', _CODEC),
    (
        "read/blocks.py",
        "read_blocks",
        'raw = text.encode("utf-8", "XXsurrogatepassXX")',
        _NO_SURROGATE,
    ),
    ("read/blocks.py", "read_blocks", 'raw = text.encode("utf-8", "SURROGATEPASS")', _NO_SURROGATE),
    (
        "read/decode.py",
        "sloppy_cp1252",
        'return raw.decode("LATIN-1").translate(_CP1252_HIGH)',
        _CODEC,
    ),
    (
        "read/decode.py",
        "decode_notes",
        'return raw.decode("UTF-16"), [Diagnostic(0, "the file is UTF-16; read as such")]',
        _CODEC,
    ),
    ("read/decode.py", "decode_notes", 'return raw.decode("UTF-8-SIG"), []', _CODEC),
    (
        "read/decode.py",
        "decode_notes",
        'line = raw.count(b"\\n", None, error.start) + 1',
        "a start of None is 0",
    ),
    (
        "read/kinds.py",
        "SectionKinds.kind",
        "known = None",
        "the cache of kinds only: computed again, the kind is the same",
    ),
    (
        "read/kinds.py",
        "SectionKinds.kind",
        "known = self.known.get(None)",
        "the cache of kinds only: computed again, the kind is the same",
    ),
    ("read/kinds.py", "SectionKinds._kind", 'first: SectionKind | None = ""', _FALSE),
    (
        "read/marks.py",
        "read_marks",
        'box = _BOX.match(body) if (body[:1] == "[") or True else None',
        "the check only saves a regex call, which fails without the [",
    ),
    (
        "read/marks.py",
        "_end_mark",
        'return body[:-4].rstrip(), body[-2] != " "',
        "the character cut too is the blank before the box, which rstrip cuts anyway",
    ),
    (
        "read/marks.py",
        "_middle_mark",
        'return f"{body[: end - 4].rstrip()} {body[start:]}", body[end - 2] != " "',
        "the character cut too is the blank before the box, which rstrip cuts anyway",
    ),
    (
        "read/marks.py",
        "_middle_mark",
        "if body.endswith(form, None, end):",
        "a start of None is 0",
    ),
    (
        "read/marks.py",
        "_middle_mark",
        "if body.endswith(form, 1, end):",
        "a mark at 0 leaves no text before it, which is passed over either way",
    ),
    (
        "read/marks.py",
        "_read_marks",
        'box, body = (" " if roam["state"] == "TODO" else "XXxXX"), body[roam.end() :]',
        _ROAM_BOX_DONE,
    ),
    (
        "read/marks.py",
        "_read_marks",
        'box, body = (" " if roam["state"] == "TODO" else "X"), body[roam.end() :]',
        _ROAM_BOX_DONE,
    ),
    ("read/marks.py", "_read_marks", "if end is None and body[-2:].isalpha():", _TWO_LETTERS),
    ("read/marks.py", "_read_marks", "worded = _TICK_AND_WORD.search(body, )", _BOUND_ONLY),
    (
        "read/marks.py",
        "_read_marks",
        "worded = _TICK_AND_WORD.search(body, max(1, len(body) - _TAIL))",
        _NO_TICK_FIRST,
    ),
    (
        "read/marks.py",
        "_read_marks",
        "and (remark := _TICK_THEN_REMARK.search(body, )) is not None",
        _BOUND_ONLY,
    ),
    (
        "read/marks.py",
        "_read_marks",
        "and (remark := _TICK_THEN_REMARK.search(body, max(1, len(body) - _TAIL))) is not None",
        _NO_TICK_FIRST,
    ),
    ("read/marks.py", "_read_marks", 'or last == "%" and last.isdigit()', _MIDDLE_DECIDES),
    ("read/marks.py", "_read_marks", 'or last != "%"', _MIDDLE_DECIDES),
    ("read/marks.py", "_read_marks", 'or last == "XX%XX"', _MIDDLE_DECIDES),
    ("read/marks.py", "_read_marks", "or _SCORE.search(body, ) is not None", _BOUND_ONLY),
    (
        "read/marks.py",
        "_read_marks",
        "or _SCORE.search(body, max(1, len(body) - _TAIL)) is not None",
        _NO_TICK_FIRST,
    ),
    (
        "read/marks.py",
        "_end_mark",
        "return body[:-5].rstrip(), True",
        "the fifth character from the end is the blank before [OK], which rstrip cuts anyway",
    ),
    ("read/durations.py", "parse_duration", "inside = text[start - 1 : -1]", _FAST_PATH),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "" or inside == "?") and "XX(XX" not in text[:start] and "[" not in text:',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "" or inside == "?") and "(" in text[:start] and "[" not in text:',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "" or inside == "?") and "(" not in text[:start] and "XX[XX" not in text:',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "" or inside == "?") and "(" not in text[:start] and "[" in text:',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "parse_duration",
        'elif "(" not in text and "XX[XX" not in text:',
        _FAST_PATH,
    ),
    ("read/durations.py", "parse_duration", 'elif "(" not in text and "[" in text:', _FAST_PATH),
    (
        "read/durations.py",
        "duration_seconds",
        'first = _UNIT_FIRST.fullmatch(text) if (text[:1] in "dsDS") or True else None',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "duration_seconds",
        'first = _UNIT_FIRST.fullmatch(text) if text[:1] in "XXdsDSXX" else None',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "find_duration",
        'whole = duration_seconds(part["whole"].strip().rstrip(None)) or _minutes(part["whole"])',
        _WHOLE_ENDS,
    ),
    (
        "read/durations.py",
        "find_duration",
        'whole = duration_seconds(part["whole"].strip().lstrip(".")) or _minutes(part["whole"])',
        _WHOLE_ENDS,
    ),
    (
        "read/durations.py",
        "find_duration",
        'whole = duration_seconds(part["whole"].strip().rstrip("XX.XX")) or '
        '_minutes(part["whole"])',
        _WHOLE_ENDS,
    ),
    (
        "read/durations.py",
        "find_duration",
        'if text[start - 1 : start] in "XX([XX" and text[end : end + 1] in ")]" and start:',
        _EDGES,
    ),
    (
        "read/durations.py",
        "find_duration",
        'if text[start - 1 : start] in "([" and text[end : end + 1] in "XX)]XX" and start:',
        _EDGES,
    ),
    ("read/durations.py", "_minutes", "digits = text.strip().rstrip(None)", _MINUTES_DIGITS),
    ("read/durations.py", "_minutes", 'digits = text.strip().lstrip(".")', _MINUTES_DIGITS),
    ("read/durations.py", "_minutes", 'digits = text.strip().rstrip("XX.XX")', _MINUTES_DIGITS),
    (
        "read/durations.py",
        "_minutes",
        "return int(digits) * 60 if (digits.isdigit()) or True else duration_seconds(digits)",
        _MINUTES_DIGITS,
    ),
    (
        "read/durations.py",
        "_minutes",
        "return int(digits) * 60 if digits.isdigit() else duration_seconds(None)",
        _MINUTES_DIGITS,
    ),
    ("read/durations.py", "_plain_units", "text = text.upper().translate(_NOT_UNITS)", _ANY_CASE),
    (
        "read/durations.py",
        "_plain_units",
        "return \" \".join(f\"{m['n']}{m['u']}\" for m in _UNIT_WORD.finditer(text)) and text",
        _SPACED_OR_NOT,
    ),
    ("read/durations.py", "parse_duration", 'if text.endswith("XX)XX"):', _FAST_PATH),
    ("read/durations.py", "parse_duration", 'start = text.find("(")', _FAST_PATH),
    ("read/durations.py", "parse_duration", 'start = text.rfind("XX(XX")', _FAST_PATH),
    ("read/durations.py", "parse_duration", 'if start > 0 and ")" not in inside:', _FAST_PATH),
    ("read/durations.py", "parse_duration", 'if start >= 1 and ")" not in inside:', _FAST_PATH),
    ("read/durations.py", "parse_duration", 'if start >= 0 and "XX)XX" not in inside:', _FAST_PATH),
    ("read/durations.py", "parse_duration", 'if start >= 0 and ")" in inside:', _FAST_PATH),
    ("read/durations.py", "parse_duration", "seconds = None", _FAST_PATH),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "" and inside == "?") and "(" not in text[:start] and "[" not in text:',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "XXXX" or inside == "?") and "(" not in text[:start] and "[" not in text:',
        _FAST_PATH,
    ),
    (
        "read/durations.py",
        "parse_duration",
        'if (inside == "" or inside == "XX?XX") and "(" not in text[:start] and "[" not in text:',
        _FAST_PATH,
    ),
    ("read/durations.py", "parse_duration", 'return text, None, "XXXX"', _NEVER_READ),
    ("read/durations.py", "parse_duration", "written = None", _NEVER_READ),
    (
        "read/notes.py",
        "_width",
        'return len(indent.expandtabs(TAB_SIZE)) if ("\\t" in indent) or True else len(indent)',
        "expandtabs leaves an indent without tabs as it is",
    ),
    (
        "read/notes.py",
        "_Reader.item",
        'width = len(indent) if ("\\t" not in indent) and False else _width(indent)',
        "_width gives len(indent) for an indent without tabs",
    ),
    ("read/notes.py", "_Reader.__init__", 'self.section: Section | None = ""', _FALSE),
    ("read/notes.py", "_Reader.__init__", "self.in_thoughts = None", _FALSE),
    ("read/notes.py", "_Reader.__init__", "self.seen_week = None", _FALSE),
    ("read/notes.py", "_Reader.__init__", "self.intro_open = None", _FALSE),
    *(
        (
            "read/notes.py",
            "_Reader.__init__",
            f"self.leaf_width = {value}",
            "open_section resets it before any line is read as an item or a note",
        )
        for value in ("None", "+1", "-2")
    ),
    ("read/notes.py", "_Reader.nest", "self.leaf_width = -2", _NEGATIVE),
    ("read/notes.py", "_Reader.close_items", "self.leaf_width = -2", _NEGATIVE),
    (
        "read/notes.py",
        "_Reader.nest",
        "if width >= self.leaf_width:",
        "at the leaf's own width its record is closed at once, and closing the last entry"
        " changes nothing",
    ),
    (
        "read/notes.py",
        "_Reader.close_item",
        "if index == len(entries) + 1:",
        "the last entry has nothing under it: no tasks, no children, so closing it changes nothing",
    ),
    (
        "read/notes.py",
        "_Reader.item_text",
        'return _read_marks(listed["text"], None)[0]  # type: ignore[index]',
        "the box only sets the state, and only the text is used",
    ),
    (
        "read/notes.py",
        "_Reader.open_section",
        "kind = self.kinds.kind(title) if (title) or True else SectionKind.OTHER",
        "an empty title has no keyword: kind other either way",
    ),
    *(
        ("read/notes.py", function, "self.intro_open = False => self.intro_open = None", _FALSE)
        for function in (
            "_Reader.open_section",
            "_Reader.heading",
            "_Reader.odd_heading",
            "_Reader.start_thoughts",
        )
    ),
    (
        "read/notes.py",
        "_Reader.start_thoughts",
        "self.intro_open = True",
        "only a week heading ends the Thoughts, and it closes the intro",
    ),
    (
        "read/notes.py",
        "_Reader.start_thoughts",
        'self.week = self.section = ""',
        "only a week heading ends the Thoughts, and it sets both",
    ),
    ("read/notes.py", "_Reader.start_week", "self.in_thoughts = self.intro_open = None", _FALSE),
    ("read/notes.py", "_Reader.start_week", 'self.section = ""', _FALSE),
    *(
        (
            "read/notes.py",
            "_Reader.start_week",
            f"existing.date = heading_date(label, {title})",
            "the label is never empty here, and with a label the title is not read",
        )
        for title in ("None", '"XXXX"')
    ),
    (
        "read/notes.py",
        "_Reader.week_heading",
        "first = int(digits) if len(digits) <= 6 else MAX_WEEK + 2",
        "any number above MAX_WEEK is refused the same way",
    ),
    (
        "read/thoughts.py",
        "asks",
        'prose = _NOT_PROSE.sub("XX XX", text)',
        "what replaces a link or code span only needs to hold no question mark",
    ),
    (
        "read/thoughts.py",
        "title_of",
        'cut = cut.rsplit(None, 1)[0] if " " in cut else cut[:room]',
        "the text was flattened to single spaces, where both split alike",
    ),
    (
        "read/thoughts.py",
        "question_id",
        'digest = hashlib.sha1(normal.encode("UTF-8")).hexdigest()[:ID_HASH_LENGTH]',
        _CODEC,
    ),
    *(
        ("read/thoughts.py", function, line, "set again (start) before it is read")
        for function, line in (
            ("_QuestionReader.__init__", "self.in_answer = None"),
            ("_QuestionReader.__init__", "self.in_answer = True"),
            ("_QuestionReader.read", "self.current, self.in_answer = None, True"),
        )
    ),
    (
        "read/thoughts.py",
        "blocks",
        'current: _Block | None = ""  # the block the next line continues, if not blank',
        "read only after a line that is not blank, and every such line sets it",
    ),
    *(
        (
            "read/thoughts.py",
            "blocks",
            line,
            "read only with current set, and current is None here",
        )
        for line in (
            "blank = None  # the line before was blank (or there was none)",
            "blank = False  # the line before was blank (or there was none)",
            "current, blank = None, False",
        )
    ),
    ("read/thoughts.py", "blocks", "blank = False => blank = None", _FALSE),
    (
        "read/thoughts.py",
        "asked_at_end",
        'found = _ASKED.fullmatch(end, end.rfind("(")) if (end.endswith(")")) or True else None',
        "the check only saves a regex call, which fails without the closing )",
    ),
    (
        "render/exports.py",
        "_numbered",
        "group = None",
        "'' and None both differ from a group's name",
    ),
    (
        "render/exports.py",
        "as_json",
        'return json.dumps(as_records(entries), ensure_ascii=None, indent=2) + "\\n"',
        "None is as false as False",
    ),
    *(
        (
            "derive/readings.py",
            "reading_list",
            f"key = {key} if reference else {title}",
            "a tag that only keeps reference keys apart from title keys; still different",
        )
        for key, title in (
            ('("XXreferenceXX", reference.name)', '("title", normalise(title))'),
            ('("REFERENCE", reference.name)', '("title", normalise(title))'),
            ('("reference", reference.name)', '("XXtitleXX", normalise(title))'),
            ('("reference", reference.name)', '("TITLE", normalise(title))'),
        )
    ),
]


@dataclass
class Score:
    path: str
    killed: int = 0
    survivors: list[tuple[str, str]] = field(default_factory=list)
    equivalent: list[tuple[str, str]] = field(default_factory=list)
    import_time: int = 0
    other: int = 0

    @property
    def counted(self) -> int:
        """The mutants that can change what the code does."""
        return self.killed + len(self.survivors) + self.other

    @property
    def percent(self) -> float:
        return 100 * self.killed / self.counted if self.counted else 100.0


def function_of(key: str) -> str:
    """``course_notes.read.notes.xǁ_Readerǁheading__mutmut_3`` to ``_Reader.heading``."""
    name = re.sub(r"__mutmut_\d+$", "", key).rpartition(".")[2]
    if name.startswith("x\u01c1"):
        return name[2:].replace("\u01c1", ".")
    return name.removeprefix("x_")


def changes(diff: str) -> tuple[str, str]:
    """The lines a mutant removes and those it adds, each stripped and joined by " / "."""
    lines = diff.splitlines()[2:]

    def joined(sign: str) -> str:
        return " / ".join(line[1:].strip() for line in lines if line.startswith(sign))

    return joined("-"), joined("+")


def score(path: str) -> Score:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    meta = json.loads((MUTANTS / f"{path}.meta").read_text("utf-8"))
    result = Score(path)
    # Keyed by the module's path in the package ("read/notes.py"), as EQUIVALENT names it.
    name = Path(path).relative_to("src/course_notes").as_posix()
    reasons = {(f, fn, line): why for f, fn, line, why in EQUIVALENT}
    for key, code in meta["exit_code_by_key"].items():
        function = function_of(key)
        if code in KILLED:
            result.killed += 1
        elif (name, function) in IMPORT_TIME:
            result.import_time += 1
        elif code in SURVIVED:
            removed, change = changes(get_diff_for_mutant(key, path=path))
            why = reasons.get((name, function, change))
            why = reasons.get((name, function, f"{removed} => {change}"), why)
            if why is not None:
                result.equivalent.append((f"{function}: {change}", why))
            else:
                result.survivors.append((key, f"{function}: {change}"))
        else:
            # Not run, no test reaches it, or suspicious: not killed.
            result.other += 1
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list each survivor's change")
    parser.add_argument("--equivalent", action="store_true", help="list the equivalent ones")
    args = parser.parse_args()
    metas = sorted(MUTANTS.glob("src/**/*.py.meta"))
    if not metas:
        print("no results under mutants/: run `make mutation`")
        return 1
    scores = [score(str(meta.relative_to(MUTANTS))[: -len(".meta")]) for meta in metas]
    print("file                   mutants  killed  survived  equivalent  import-time  score")
    for s in scores:
        total = s.counted + len(s.equivalent) + s.import_time
        survived = len(s.survivors) + len(s.equivalent)
        print(
            f"{Path(s.path).relative_to('src/course_notes').as_posix():<22} {total:>7} "
            f"{s.killed:>7} {survived:>9} "
            f"{len(s.equivalent):>11} {s.import_time:>12}  {s.percent:.1f}%"
            + (f" ({s.other} not run, no test or suspicious)" if s.other else "")
        )
    print("score: killed / (mutants - equivalent - import-time)")
    for s in scores:
        if args.equivalent:
            for change, why in s.equivalent:
                print(f"equivalent  {change}\n    {why}")
        if args.survivors:
            for key, change in s.survivors:
                print(f"survived  {key}\n    {change}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
