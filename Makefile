# Two commands for a newcomer: `make book` and `make test`. Each sets up what it lacks.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS ?= 1
export PYTHONHASHSEED := 0

.PHONY: book test unit nbval execute reproduce sync check-sync data system system-browser venv clean help bench

help:
	@echo "make book     - build the HTML book into _build/html (from the stored notebook outputs)"
	@echo "make test     - unit tests, pairing check, and nbval over every notebook (COURSE_MODE=quick)"
	@echo "make sync     - sync lessons_py/*.py into book/*.ipynb (jupytext)"
	@echo "make execute  - re-run every notebook in COURSE_MODE=full and store the outputs"
	@echo "make reproduce - re-run them in COURSE_MODE=full and compare with the stored outputs (writes nothing)"

# System packages first (python3-venv may be among them); the script only checks when all are there.
system:
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh

system-browser:
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh --browser

# Reinstalled only when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml | system
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e .
	@touch $@

venv: $(STAMP)

data: venv
	$(BIN)/python -m helpers

book: data
	rm -rf _build/html/reports
	$(BIN)/jupyter-book build . -W --keep-going --builder html
	@echo "Book: _build/html/index.html"

sync: venv
	$(BIN)/jupytext --sync lessons_py/*.py

check-sync: venv
	$(BIN)/python -m pytest -q tests/test_notebooks.py

unit: data
	$(BIN)/python -m pytest -q tests

nbval: data
	COURSE_MODE=quick $(BIN)/python -m pytest -q --nbval --nbval-current-env book

test: data system-browser
	$(BIN)/python -m pytest tests
	COURSE_MODE=quick $(BIN)/python -m pytest --nbval --nbval-current-env book

execute: data
	COURSE_MODE=full $(BIN)/python scripts/execute.py $(NOTEBOOKS)

reproduce: data
	COURSE_MODE=full $(BIN)/python scripts/execute.py --check $(NOTEBOOKS)

clean:
	rm -rf _build models

bench: data
	$(BIN)/python scripts/bench.py
