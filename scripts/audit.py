#!/usr/bin/env python3
"""Score the built site with Lighthouse: build, serve on 127.0.0.1, audit, print the scores.

Usage: python -m scripts.audit [--runs N]   (or `make audit`)

Lighthouse 12.2.3 is installed with `npm i -E` into .audit/ (git ignores it) and drives
Debian's Chromium (CHROME_PATH=/usr/bin/chromium). Each page is audited N times (default 3)
and the median of every category is printed, as Lighthouse's own docs advise for scores
that vary from run to run. The exit status is 1 when a page misses the targets:
performance >= 95 and 100 for accessibility, best practices and SEO.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / ".audit"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE = AUDIT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The pages the issue names: home, a week page, the readings and the FAQ.
PAGES = ["", "week-1/", "readings/", "faq/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def ensure_venv() -> None:
    """Run under the project's .venv, where mkdocs and the plugin are installed."""
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        venv_python = ROOT / ".venv" / "bin" / "python"
        if not venv_python.exists():
            sys.exit("audit: mkdocs is not installed; run `make audit`, which makes .venv")
        os.execv(venv_python, [str(venv_python), __file__, *sys.argv[1:]])


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse into .audit/ unless that exact version is there."""
    package = AUDIT / "node_modules" / "lighthouse" / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == LIGHTHOUSE_VERSION:
        return
    AUDIT.mkdir(exist_ok=True)
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {AUDIT.relative_to(ROOT)}/")
    subprocess.run(
        ["npm", "i", "-E", f"lighthouse@{LIGHTHOUSE_VERSION}", "--no-audit", "--no-fund"],
        cwd=AUDIT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def build(site: Path, site_url: str) -> None:
    """A strict build of the project, for the address it is served at."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def lighthouse(url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run of one page; the JSON report is kept in .audit/reports/."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ],
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
        check=True,
    )
    return json.loads(report.read_text("utf-8"))


def failing_audits(result: dict[str, object]) -> list[str]:
    """The weighted audits that cost points, for the categories under 100."""
    lines = []
    for name, category in result["categories"].items():
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue", "")
                lines.append(f"    {name}: {ref['id']} {audit['score']:.2f} {shown}".rstrip())
    return lines


def main() -> int:
    """Build, serve, audit the named pages and print the median scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    arguments = parser.parse_args()
    ensure_venv()
    if not CHROMIUM.exists():
        sys.exit(f"audit: {CHROMIUM} is missing: apt-get install chromium")
    ensure_lighthouse()

    from tests.support.siteserver import serve  # run as `python -m scripts.audit` from the root

    site = AUDIT / "site"
    reports = AUDIT / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    missed = False
    with serve(site) as base:
        build(site, base)
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, median of {arguments.runs} run(s), {base}")
        print(f"{'page':<12}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for page in PAGES:
            if not (site / page / "index.html").exists():
                print(f"{page or '/':<12}  skipped: the site has no {page} page yet")
                continue
            runs = []
            for run in range(arguments.runs):
                name = (page.strip("/") or "home") + f"-{run + 1}.json"
                runs.append(lighthouse(base + page, reports / name))
            scores = {
                name: round(statistics.median(r["categories"][name]["score"] for r in runs) * 100)
                for name in CATEGORIES
            }
            print(f"{page or '/':<12}" + "".join(f"{scores[name]:>16}" for name in CATEGORIES))
            if any(scores[name] < TARGETS[name] for name in CATEGORIES):
                missed = True
                print("\n".join(failing_audits(runs[-1])))
    if missed:
        print("audit: below target (performance >= 95, the others 100)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
