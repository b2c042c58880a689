# Two commands for a newcomer: `make book` and `make test`. Each sets up what it lacks.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS ?= 1
export PYTHONHASHSEED := 0

.PHONY: help book pdf test lint unit slow check nbval exercises execute reproduce sync check-sync lock data system \
	system-browser venv bench clean test-compat

help:  ## this list
	@awk -F':.*## ' '/^[a-z-]+:.*## / { printf "  make %-16s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# System packages first (python3-venv may be among them); the script only checks when all are there.
system:  ## install the Debian/Ubuntu packages the course needs (graphviz, dataset-fashion-mnist, python3-venv)
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh

system-browser:  ## the same plus chromium, its driver, fonts-nanum and poppler-utils (browser tests, PDF)
	@PYTHON=$(PYTHON) bash scripts/system-packages.sh --browser

# Installed from the lock (exact versions); reinstalled only when the lock or pyproject.toml change.
$(STAMP): requirements.lock pyproject.toml | system
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

venv: $(STAMP)  ## create .venv from requirements.lock

lock: venv  ## resolve requirements.txt (ranges) into requirements.lock (exact, every platform)
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 requirements.txt -o requirements.lock

data: venv  ## put Fashion-MNIST into Keras' cache (offline)
	$(BIN)/python -m helpers

book: data  ## build the HTML book into _build/html (from the stored notebook outputs)
	$(BIN)/jupyter-book build . -W --keep-going --builder html
	@echo "Book: _build/html/index.html"

pdf: book system-browser  ## the whole book as one PDF, _build/pdf/book.pdf (also linked from the built site's intro)
	$(BIN)/python scripts/pdf.py

lint: venv  ## ruff (lint and format check) and the GitHub workflow's schema
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

unit: data  ## the fast unit tests of helpers, under a minute: no training, no subprocess (tests/unit -m "not slow")
	$(BIN)/python -m pytest tests/unit -m "not slow"

slow: data  ## the unit tests that train or start processes, with the fault-injection suite (tests/unit -m slow)
	$(BIN)/python -m pytest tests/unit -m slow

check: data system-browser  ## the notebooks, the lessons as Jupyter shows them, the built book in Chromium, the PDF (tests/book)
	$(BIN)/python -m pytest tests/book

nbval: data  ## re-execute every notebook in quick mode and compare with the stored outputs
	COURSE_MODE=quick $(BIN)/python -m pytest --nbval --nbval-current-env book

# The four long suites each keep about one core busy (measured: `make slow` 256 s wall, 279 s CPU), so `make test` runs
# them TEST_JOBS at a time, longest first; each one's output is printed whole when it ends, and a failing one stops
# none of the others. The system packages are installed before (two apt-get at once would wait on its lock).
TEST_JOBS ?= 2
test: lint system-browser  ## everything CI runs: lint, then unit, slow, check, nbval and exercises side by side
	$(MAKE) --no-print-directory --jobs=$(TEST_JOBS) --output-sync=target --keep-going slow check exercises nbval unit

# Not part of `make test`: it builds three more environments (about 1 GB) outside the repository, in $COMPAT_VENVS.
test-compat: venv  ## the lowest supported, Colab's and the newest TensorFlow/Keras: unit tests and every lesson alone
	$(BIN)/python scripts/compat.py $(COMPAT_ARGS)

sync: venv  ## lessons_py/*.py → book/*.ipynb (learner's starters, outputs kept, links to the published book); solutions.json
	$(BIN)/python scripts/sync.py

check-sync: venv  ## check that every lessons_py/*.py and book/*.ipynb pair agrees, and solutions.json too
	$(BIN)/python -m pytest -q tests/book/test_notebooks.py tests/book/test_exercises.py -k "pair or jupytext or its_notebook or solutions"

exercises: data  ## run every lesson with its solutions filled in, tags stripped as Colab runs it (quick): every check() must pass
	COURSE_MODE=quick $(BIN)/python -m pytest -q -m slow tests/book/test_exercise_solutions.py

execute: data  ## run every notebook in full mode from an empty model cache and store the outputs
	COURSE_MODE=full $(BIN)/python scripts/execute.py $(NOTEBOOKS)

reproduce: data  ## re-run notebooks in full mode and compare with the stored outputs (writes nothing)
	COURSE_MODE=full $(BIN)/python scripts/execute.py --check $(NOTEBOOKS)

bench: data  ## measure what learners and instructors wait for (prints a table)
	$(BIN)/python scripts/bench.py

clean:  ## remove the built book and the trained-model cache
	rm -rf _build models
