"""Print the package's stages and their modules; fail on an import that runs against the flow.

Run it as ``python -m scripts.layout`` (``make test`` runs it through tests/test_layout.py).

Data flows model → read → derive → render → the adapters, and each stage is a folder of
``plugins/course_notes/``. Who may import whom follows from who calls whom:

- ``model`` holds the course as data and the pure text helpers every stage shares (the inline
  structure of a line, slugs, the names of pages): it imports nothing of the package;
- ``read`` turns text into the model: it imports ``model`` only;
- ``render`` turns model data into text: it imports ``model`` only, and never derives;
- ``derive`` builds the ``Site`` once, reading with ``read`` and rendering with ``render``;
- ``io`` reads and writes the user's files and loads a ``Site``: it may use all of the above;
- ``adapters`` hand a ``Site`` to a host; ``adapters/core`` is what they share, and no adapter
  imports another's module (but the command line, which runs either engine), nor does
  anything below import an adapter.

``errors`` (the one error type), ``i18n`` (the words and dates of the site's language) and
``regex`` (patterns compiled on first use) sit beside them and any stage may import them; the public
names at the package's top (``__init__``, ``markdown_math``, ``macros_env``, ``__main__``)
may import anything.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "course_notes"
STAGES = ("model", "read", "render", "derive", "io", "adapters")
MAY_IMPORT = {
    "model": {"model"},
    "read": {"model", "read"},
    "render": {"model", "render"},
    "derive": {"model", "read", "render", "derive"},
    "io": {"model", "read", "render", "derive", "io"},
    "adapters": set(STAGES),
}
SHARED = {"errors", "i18n", "regex"}


def stage_of(module: str) -> str:
    """The stage of a module named by its path in the package (``read.notes``): its folder."""
    return module.split(".")[0]


def module_name(path: Path) -> str:
    """``read/notes.py`` as ``read.notes``; a package's ``__init__`` as the package."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """The package modules a file imports, as (line, module path in the package)."""
    tree = ast.parse(path.read_text("utf-8"))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.startswith("course_notes"):
                module = node.module.removeprefix("course_notes").lstrip(".")
            else:
                continue
            for alias in node.names:
                # `from . import x` and `from .read import notes` name modules in their names.
                candidate = f"{module}.{alias.name}" if module else alias.name
                is_module = (PACKAGE / candidate.replace(".", "/")).with_suffix(".py").exists()
                is_package = (PACKAGE / candidate.replace(".", "/")).is_dir()
                found.append((node.lineno, candidate if is_module or is_package else module))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("course_notes."):
                    found.append((node.lineno, alias.name.removeprefix("course_notes.")))
    return found


def problems() -> list[str]:
    """Every import that runs against the flow, as ``path:line: why``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        stage = stage_of(module)
        if stage not in MAY_IMPORT:
            continue  # the public names at the top, and errors
        for line, imported in imports(path):
            target = stage_of(imported)
            where = f"{path.relative_to(PACKAGE.parent.parent)}:{line}"
            if target in SHARED or target == "":
                continue
            if target not in MAY_IMPORT[stage]:
                found.append(f"{where}: {stage} imports {imported} ({target}), against the flow")
            elif stage == "adapters" and _adapter(module) not in ("cli", _adapter(imported)):
                if _adapter(imported) not in ("", "core") and _adapter(module) != "":
                    found.append(f"{where}: {module} imports another adapter's {imported}")
    return found


def _adapter(module: str) -> str:
    # adapters.mkdocs.plugin -> "mkdocs"; adapters.core.x -> "core"; adapters.x -> "".
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "adapters":
        return ""
    return parts[1] if (PACKAGE / "adapters" / parts[1]).is_dir() else ""


def tree() -> str:
    """Each stage with its modules, in the order data flows."""
    lines = []
    for stage in STAGES:
        lines.append(f"{stage}/")
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            name = path.relative_to(PACKAGE / stage).as_posix()
            doc = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
            lines.append(f"  {name:<24} {doc.splitlines()[0] if doc else ''}")
    return "\n".join(lines)


def main() -> int:
    """Print the stages; print each import against the flow and exit 1 if there is one."""
    print(tree())
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
