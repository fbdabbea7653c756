# make serve: browse the site locally; make test: the whole test suite.
# Both create .venv on first use and install the pinned dependencies into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.7+ prints an end-of-life banner on every build unless this is set.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean

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

clean:
	rm -rf site .pytest_cache .hypothesis
