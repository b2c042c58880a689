"""Every lesson run with its solutions filled in (lessons_py as the instructor wrote it, quick mode): every check()
must pass, so a lesson edit that breaks an exercise fails here. Slow: `make exercises` (pytest -m slow)."""

import json
import os
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

import helpers.exercises as exercises

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from lesson_notebook import lesson_number, lesson_sources  # noqa: E402

REPORT = "import json, helpers.exercises\nprint('EXERCISES ' + json.dumps(helpers.exercises.report()))"


@pytest.mark.slow
@pytest.mark.parametrize("source", lesson_sources(), ids=[p.stem for p in lesson_sources()])
def test_every_check_passes_with_the_solutions(source, tmp_path):
    os.environ.setdefault("COURSE_MODE", "quick")
    notebook = jupytext.read(source)
    notebook.cells.append(nbformat.v4.new_code_cell(REPORT))
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        notebook, timeout=1200, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "book")}}
    ).execute()
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
