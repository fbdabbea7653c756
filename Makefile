# make serve: browse the site locally; make test: the whole test suite.
# make serve-zensical / make build-zensical: the same site served or built with Zensical.
# make audit: Lighthouse scores of the built site; make screenshot: the README's picture.
# make bench: the benchmarks (about 20 minutes, most of it pathological notes; see
# docs/benchmarks.md).
# make catalogs: the translation catalogs brought up to the code and compiled (after changing
# a message or a .po file; make test checks that nothing is missing, stale or uncompiled).
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
	mutation lock test-lowest catalogs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# This repository's own site and tests run on the exact versions of requirements-lock.txt,
# every file checked against its hash; pyproject.toml gives the ranges a user's pip picks
# from. `make lock` writes the lock again from pyproject.toml (after changing a range).
LOCK := requirements-lock.txt
SITE_LOCK := requirements-site.txt

$(VENV)/.installed-locked: $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.installed-locked
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# The lock holds the zensical and test extras too: one install makes all three.
$(VENV)/.installed-zensical $(VENV)/.installed-test: $(VENV)/.installed
	touch $(VENV)/.installed-zensical $(VENV)/.installed-test

$(VENV)/.installed-mutation: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet mutmut==3.8.1
	touch $@

# pip-compile (pip-tools) resolves pyproject.toml's ranges with the test and zensical extras
# and hashes every file; the project itself (the test extra names course-notes[zensical]) and
# this machine's index settings are left out of the lock.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links \
		--extra test --extra zensical --output-file $(LOCK) pyproject.toml
	$(BIN)/python scripts/lock_clean.py $(LOCK)
	# The site's own Pages build needs only the plugin's dependencies, at the versions above.
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --constraint $(LOCK) --output-file $(SITE_LOCK) pyproject.toml

# The oldest versions pyproject.toml allows (requirements-lowest.txt), in a venv of their own,
# against the tests that build and render: does the plugin still work there? .ci/run runs it.
LOWEST_VENV := .venv-lowest
# What builds and renders (no browser, no installed wheel, no Zensical): 40 s on two cores.
LOWEST_TESTS := tests/test_parse.py tests/test_render.py tests/test_site.py tests/test_build.py \
	tests/test_macros_env.py tests/test_now.py tests/test_faq.py tests/test_cli_check.py \
	tests/test_sanitize.py tests/test_escape.py tests/test_forgiving_site.py tests/test_hostile.py \
	tests/test_links.py tests/test_extensions.py tests/test_mathml.py tests/test_verbatim.py \
	tests/test_local_links.py tests/test_quiet_courses.py tests/test_publish.py \
	tests/test_properties.py tests/test_escape_properties.py
test-lowest: | $(BIN)/python
	test -x $(LOWEST_VENV)/bin/python || $(PYTHON) -m venv $(LOWEST_VENV)
	$(LOWEST_VENV)/bin/python -m pip install --quiet -c requirements-lowest.txt -e . \
		pytest==9.2.0 pytest-xdist==3.8.0 hypothesis==6.170.15 beautifulsoup4==4.15.0 html5lib==1.1
	$(LOWEST_VENV)/bin/python -m pip check
	$(LOWEST_VENV)/bin/python -m pytest -n 2 -q -p no:cacheprovider $(LOWEST_TESTS)

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

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

# The messages the code asks for (i18n/locale/course-notes.pot), each language's .po brought
# up to them (new messages empty, gone ones dropped), then compiled to the .mo the package
# reads. A new language: `$(BIN)/python -m scripts.catalogs init CODE`, translate, make catalogs.
catalogs: $(VENV)/.installed
	$(BIN)/python -m scripts.catalogs extract
	$(BIN)/python -m scripts.catalogs update
	$(BIN)/python -m scripts.catalogs compile
	$(BIN)/python -m scripts.catalogs check

clean:
	rm -rf site .pytest_cache .hypothesis .audit .vnu .course-notes .course-notes-zensical.yml .cache \
		mutants $(LOWEST_VENV)
