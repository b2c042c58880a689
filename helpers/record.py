"""Which of the book's trained models a notebook used, for its execution record (`make execute`).

`scripts/execute.py` points `COURSE_EXECUTION_RECORD` at a file per notebook; whenever a lesson trains, stores or loads
one of the book's named models, its weights' SHA-256 is noted there. Outside `make execute` this does nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from helpers.fingerprints import weights_sha256
from helpers.recipes import BOOK_RECIPES

RECORD_VARIABLE = "COURSE_EXECUTION_RECORD"


def note_model(name: str, model) -> None:
    """Record `name → weights hash` for the notebook being executed (a later note of the same name replaces it)."""
    path = os.environ.get(RECORD_VARIABLE)
    if not path:
        return
    path = Path(path)
    record = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    record.setdefault("models", {})[name] = weights_sha256(model)
    path.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")


def note_run(run):
    """Note a run's weights when it is one of the book's models (`BOOK_RECIPES`); other recipes are exercises."""
    if run is not None:
        name = next((name for name, recipe in BOOK_RECIPES.items() if recipe == run.recipe), None)
        if name is not None:
            note_model(name, run.model)
    return run


def read_record(path) -> dict:
    path = Path(path)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
