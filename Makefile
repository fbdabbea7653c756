# make serve: browse the site locally; make test: the whole test suite.
# make audit: Lighthouse scores of the built site; make screenshot: the README's picture.
# make bench: the benchmarks (about 20 minutes, most of it pathological notes; see docs/benchmarks.md).
# All create .venv on first use and install the pinned dependencies into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.7+ prints an end-of-life banner on every build unless this is set.
export NO_MKDOCS_2_WARNING := 1

# Kept out of docs/ so the published site does not carry it.
SCREENSHOT := .github/screenshot-week.png

.PHONY: serve build test lint audit screenshot bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

# Needs /usr/bin/chromium and npm; installs Lighthouse into .audit/ (not part of make test).
audit: $(VENV)/.installed
	$(BIN)/python scripts/audit

# The browser tests' harness takes the README's screenshot of a week page (light theme).
screenshot: $(VENV)/.installed-test
	SCREENSHOT=$(SCREENSHOT) $(BIN)/python -m pytest -q tests/test_browser.py -k screenshot

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/bench_readings.py
	$(BIN)/python benchmarks/bench_questions.py
	$(BIN)/python benchmarks/bench_pathological.py

clean:
	rm -rf site .pytest_cache .hypothesis .audit
