# make serve: browse the site locally; make test: the whole test suite.
# make serve-zensical / make build-zensical: the same site served or built with Zensical.
# make audit: Lighthouse scores of the built site; make screenshot: the README's picture.
# make bench: the benchmarks (about 20 minutes, most of it pathological notes; see
# docs/benchmarks.md).
# make vnu: the W3C HTML checker the tests run (make test installs it first).
# make mutation: mutation testing of the parser against its fast tests (about half an hour;
# not part of make test; see README).
# All create .venv on first use and install the pinned dependencies into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.7+ prints an end-of-life banner on every build unless this is set.
export NO_MKDOCS_2_WARNING := 1

# Kept out of docs/ so the published site does not carry it.
SCREENSHOT := .github/screenshot-week.png

# The Nu Html Checker for tests/test_valid_html.py: vnu.jar from the npm registry, run by the
# machine's Java (.ci/run installs Debian's default-jre-headless where there is none).
# --ignore-scripts: the package's postinstall would download a Java runtime from GitHub.
VNU_VERSION := 26.9.27
VNU := .vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: serve build serve-zensical build-zensical test lint audit screenshot bench clean vnu \
	mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-zensical: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[zensical]"
	touch $(VENV)/.installed $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $(VENV)/.installed-zensical $@

$(VENV)/.installed-mutation: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,mutation]"
	touch $(VENV)/.installed $(VENV)/.installed-zensical $(VENV)/.installed-test $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

# The site's pages and a config for Zensical go to .course-notes/ (see docs/customising.md).
serve-zensical: $(VENV)/.installed-zensical
	$(BIN)/course-notes serve --engine zensical --dev-addr 127.0.0.1:8000

build-zensical: $(VENV)/.installed-zensical
	$(BIN)/course-notes build --engine zensical --strict

# zizmor: the Pages workflow's permissions, pinning and credentials. --offline: no network
# and no GitHub token are used; findings above "low" fail (config: .github/zizmor.yml).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/zizmor --quiet --offline --min-severity medium --config .github/zizmor.yml .github/workflows \
		plugins/course_notes/templates/github/workflows/pages.yml

# Two workers (pytest-xdist), as the machines it runs on have two cores. Work stealing keeps
# both busy to the end: 200 s here against 221 s with the installed-wheel tests kept on one
# worker (loadgroup), though each worker then builds the wheel (session fixtures are per worker).
test: lint $(VNU)
	$(BIN)/python -m pytest -n 2 --dist worksteal

vnu: $(VNU)

$(VNU): Makefile
	npm install --prefix .vnu --ignore-scripts --no-audit --no-fund --save-exact vnu-jar@$(VNU_VERSION)
	touch $@

# Needs /usr/bin/chromium and npm; installs Lighthouse into .audit/ (not part of make test).
audit: $(VENV)/.installed
	$(BIN)/python -m scripts.audit

# The browser tests' harness takes the README's screenshot of a week page (light theme).
screenshot: $(VENV)/.installed-test
	SCREENSHOT=$(SCREENSHOT) $(BIN)/python -m pytest -q tests/test_browser.py -k screenshot

bench: $(VENV)/.installed-zensical
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.bench_engines
	$(BIN)/python -m benchmarks.bench_readings
	$(BIN)/python -m benchmarks.bench_questions
	$(BIN)/python -m benchmarks.bench_history
	$(BIN)/python -m benchmarks.bench_pathological

# mutmut wants a src/ layout: src links to plugins (both git-ignored, as is mutants/, where
# it works). A fresh run each time, so the figures are the code's and tests' of now; the
# configuration (files, tests, isolation) is [tool.mutmut] in pyproject.toml. Two workers:
# the machines this runs on have two CPUs. mutmut's progress goes to mutants/run.log.
MUTATION_JOBS ?= 2

mutation: $(VENV)/.installed-mutation
	test -L src || ln -s plugins src
	rm -rf mutants
	mkdir mutants
	@start=$$(date +%s); \
	$(BIN)/mutmut run --max-children $(MUTATION_JOBS) > mutants/run.log 2>&1 \
		|| { tr '\r' '\n' < mutants/run.log | grep -av '^. [A-Z][a-z ]*$$' | tail -40; \
		echo "(a failing test stops mutmut: run the [tool.mutmut] tests in mutants/ to see it)"; \
		exit 1; }; \
	echo "mutmut run: $$(( $$(date +%s) - start )) s with $(MUTATION_JOBS) workers"
	$(BIN)/python -m scripts.mutation

clean:
	rm -rf site .pytest_cache .hypothesis .audit .vnu .course-notes .course-notes-zensical.yml .cache \
		mutants
