"""Every lesson run with its solutions filled in (lessons_py as the instructor wrote it, quick mode), the way Colab or
a plain Jupyter kernel runs "Run all": every cell tag stripped, no error allowed. Every check() must pass, so a lesson
edit that breaks an exercise fails here, and every cell must run, so an error shown on purpose that stops the run (or
no longer happens: `helpers.show_error()` then prints NO_ERROR) fails here too. Slow: `make exercises` (pytest -m slow).
The learner's version (the starters) runs in nbval, which honours no tag that skips a cell or allows an error
(tests/book/test_run_all.py).

The lessons run in a folder and a model cache of their own, so that `make test` can run this beside nbval (which runs
the same lessons in book/ with the project's cache) without the two writing the same files."""

import json
import os
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from conftest import assert_every_shown_error_happened
from nbclient import NotebookClient

import helpers.exercises as exercises

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from lesson_notebook import lesson_number, lesson_sources  # noqa: E402

REPORT = "import json, helpers.exercises\nprint('EXERCISES ' + json.dumps(helpers.exercises.report()))"


@pytest.fixture(scope="module")
def own_model_cache(tmp_path_factory):
    """One cache for the module: lesson 7 and later find the model lesson 6 trained here, as in a learner's run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSE_MODE", os.environ.get("COURSE_MODE", "quick"))
        patch.setenv("COURSE_MODEL_DIR", str(tmp_path_factory.mktemp("models")))
        yield


@pytest.mark.slow
@pytest.mark.parametrize("source", lesson_sources(), ids=[p.stem for p in lesson_sources()])
def test_every_check_passes_with_the_solutions(source, tmp_path, own_model_cache):
    notebook = jupytext.read(source)
    for cell in notebook.cells:
        cell.metadata.pop("tags", None)  # Colab and Jupyter honour none
    notebook.cells.append(nbformat.v4.new_code_cell(REPORT))
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        notebook,
        timeout=1200,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), f"{source.name}: not every code cell ran"
    assert_every_shown_error_happened(source.name, code)
    printed = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
    report = json.loads(printed.split("EXERCISES ", 1)[1])[str(lesson_number(source))]
    expected = [e.number for e in exercises.fresh(lesson_number(source)) if e.checkable]
    failed = {n: report["status"].get(str(n), "not checked") for n in expected if n not in report["passed"]}
    messages = {
        n: "".join(
            o.get("text", "")
            for cell in notebook.cells
            if f"q[{n}].check(" in cell.source
            for o in cell.get("outputs", [])
        )
        for n in failed
    }
    assert not failed, f"{source.name}: checks that fail with the solutions: {failed}\n{messages}"
