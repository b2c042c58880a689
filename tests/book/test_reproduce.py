"""`make execute` stores what a rerun gives: scripts/execute.py --check reruns a lesson and compares."""

import copy
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("execute", ROOT / "scripts" / "execute.py")
execute = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute)

TRAINING = ROOT / "book" / "06_compile_and_train.ipynb"


def first_output(notebook, contains):
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if contains in output.get("text", ""):
                return output
    raise AssertionError(f"no stored output contains {contains!r}")


def test_a_changed_result_is_reported():
    stored = nbformat.read(TRAINING, as_version=4)
    fresh = copy.deepcopy(stored)
    output = first_output(fresh, "val_accuracy: ")
    output["text"] = output["text"].replace("val_accuracy: 0.", "val_accuracy: 1.", 1)
    found = execute.differences(stored, fresh)
    assert len(found) == 1 and "text differs" in found[0]


def test_a_source_with_other_cells_is_reported_not_paired_silently():
    stored = nbformat.read(TRAINING, as_version=4)
    fresh = copy.deepcopy(stored)
    fresh.cells.append(nbformat.v4.new_code_cell("print('new')"))
    found = execute.differences(stored, fresh)
    assert len(found) == 1 and "code cells stored" in found[0]


def test_only_wall_clock_times_may_change():
    stored = nbformat.read(TRAINING, as_version=4)
    fresh = copy.deepcopy(stored)
    log = first_output(fresh, "ms/step")
    log["text"] = log["text"].replace("s - ", "7s - ").replace("ms/step", "1ms/step")
    summary = first_output(fresh, "에포크 시간의 중앙값")
    summary["text"] = summary["text"].replace("초", "1초")
    assert execute.differences(stored, fresh) == []


def test_rerunning_a_lesson_reproduces_its_stored_outputs():
    """Lesson 3 trains nothing, so the whole rerun fits in the unit suite; `make reproduce` checks them all."""
    env = dict(os.environ, COURSE_MODE="full", TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(
        [sys.executable, "scripts/execute.py", "--check", "book/03_pooling_layer.ipynb"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reproduced" in result.stdout
