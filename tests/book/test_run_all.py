""" "Run all" reaches the last cell of every lesson where no cell tag is honoured (Colab, a plain Jupyter kernel).

Every notebook runs top to bottom in quick mode with all its cell tags stripped and `allow_errors=False`, in a scratch
folder, as a notebook opened alone runs. Errors shown on purpose go through `helpers.show_error()`, which prints them
and goes on; if a demonstrated error no longer happens (a new Keras), the notice it prints fails the test.
"""

import os
import time
from pathlib import Path

import jupytext
import nbformat
import pytest

from helpers.demo_errors import NO_ERROR

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "lessons_py").glob("[0-9]*.py"))
NOTEBOOKS = [ROOT / "book" / f"{source.stem}.ipynb" for source in SOURCES]
TIMEOUT = 600  # seconds per cell: lesson 10's quick training on a busy 2-core machine stays far below


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_no_cell_relies_on_a_tag_to_fail(source):
    for cell in jupytext.read(source).cells:
        tags = cell.metadata.get("tags", [])
        assert not any("raises-exception" in tag for tag in tags), (
            f'{source.name}: a cell tagged {tags} stops "Run all" in Colab; wrap the failing line in '
            f"`with helpers.show_error():`\n{cell.source[:300]}"
        )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """One folder for the run (lesson 6 stores the model lessons 7, 8 and 10 load) and a kernel that imports this
    checkout's helpers in quick mode."""
    folder = tmp_path_factory.mktemp("run-all")
    saved = {name: os.environ.get(name) for name in ("COURSE_MODE", "COURSE_MODEL_DIR", "PYTHONPATH")}
    os.environ.update(
        COURSE_MODE="quick",
        COURSE_MODEL_DIR=str(folder / "models"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), saved["PYTHONPATH"]])),
    )
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_run_all_reaches_the_last_cell_with_every_tag_ignored(path, scratch):
    from nbclient import NotebookClient

    notebook = jupytext.read(ROOT / "lessons_py" / f"{path.stem}.py")  # the source as it is now
    for cell in notebook.cells:
        cell.metadata.pop("tags", None)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    start = time.perf_counter()
    NotebookClient(
        notebook, timeout=TIMEOUT, kernel_name="python3", allow_errors=False, resources={"metadata": {"path": scratch}}
    ).execute()
    seconds = time.perf_counter() - start
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), f"{path.name}: not every code cell ran"
    for cell in code:
        for output in cell.outputs:
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            assert NO_ERROR not in text, f"{path.name}: the error this cell shows did not happen:\n{cell.source}"
    nbformat.write(notebook, scratch / path.name)  # left for a look when the test is run by hand
    print(f"{path.name}: {len(code)} code cells in {seconds:.1f} s")
