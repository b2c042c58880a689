""" "Run all" reaches the last cell of every lesson where no cell tag is honoured (Colab, a plain Jupyter kernel).

Two runs prove it, both in `make test`: `make exercises` (tests/book/test_exercise_solutions.py) runs every lesson with
its solutions, all tags stripped and no error allowed; nbval runs the learner's notebooks (the starters) and stops at
any error unless a tag allows it. The tests here make sure that no tag does: no cell relies on a tag to fail or to be
skipped, so nbval's run is the run Colab makes. Errors shown on purpose go through `helpers.show_error()`, which prints
them and goes on.
"""

from pathlib import Path

import jupytext
import pytest
from conftest import assert_every_shown_error_happened

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "lessons_py").glob("[0-9]*.py"))
NOTEBOOKS = [ROOT / "book" / f"{source.stem}.ipynb" for source in SOURCES]
# Tags with which a cell may fail or be left out in nbval or Jupyter Book, but not in Colab
RUN_CHANGING = ("raises-exception", "skip-execution", "nbval-skip")


@pytest.mark.parametrize("path", SOURCES + NOTEBOOKS, ids=[f"{p.stem}{p.suffix}" for p in SOURCES + NOTEBOOKS])
def test_no_cell_relies_on_a_tag_to_fail_or_be_skipped(path):
    for cell in jupytext.read(path).cells:  # a lesson's .py or its notebook
        tags = cell.metadata.get("tags", [])
        assert not any(marker in tag for tag in tags for marker in RUN_CHANGING), (
            f'{path.name}: a cell tagged {tags} runs differently in Colab ("Run all" stops there or runs it); wrap a '
            f"failing line in `with helpers.show_error():`\n{cell.source[:300]}"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_error_shown_on_purpose_happened_in_the_stored_run(path):
    assert_every_shown_error_happened(path.name, jupytext.read(path).cells)
