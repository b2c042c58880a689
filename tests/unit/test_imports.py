"""Dependencies inside helpers run one way (issue 16): any module can be imported first, and the leaf that holds the
run modes and recipes loads neither TensorFlow nor Keras, nor looks for a GPU.

Each import runs in a fresh interpreter with a bare `helpers` package (its `__init__` not run, as in test_faults'
cache filler), so that the module really is the first one imported: `helpers/__init__` would import them all first."""

import json
import os
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HELPERS = Path(__file__).resolve().parents[2] / "helpers"
MODULES = sorted(module.name for module in pkgutil.iter_modules([str(HELPERS)]) if module.name != "__main__")

pytestmark = pytest.mark.slow

# Imports one module of a bare helpers package; prints which helpers modules and which libraries it loaded.
FIRST_IMPORT = textwrap.dedent(
    """
    import importlib, json, sys, types
    package = types.ModuleType("helpers")
    package.__path__ = [sys.argv[1]]
    sys.modules["helpers"] = package
    import helpers.precision
    helpers.precision.cpu_flags = lambda *args: {"avx512_bf16"}  # a CPU where `auto` may pick bfloat16
    importlib.import_module("helpers." + sys.argv[2])
    loaded = sorted(name.split(".")[1] for name in sys.modules if name.startswith("helpers."))
    print(json.dumps({"helpers": loaded, "libraries": [n for n in ("tensorflow", "keras") if n in sys.modules]}))
    """
)


def first_import(module: str) -> subprocess.Popen:
    command = [sys.executable, "-c", FIRST_IMPORT, str(HELPERS), module]
    env = {key: value for key, value in os.environ.items() if key != "COURSE_PRECISION"}
    env["TF_ENABLE_ONEDNN_OPTS"] = "1"
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def loaded_by(process: subprocess.Popen) -> dict:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def test_every_module_imports_first_in_a_fresh_interpreter():
    processes = {module: first_import(module) for module in MODULES}  # a few seconds together, none needs TensorFlow
    for module, process in processes.items():
        assert module in loaded_by(process)["helpers"], module


def test_the_recipes_are_a_leaf_that_loads_no_tensorflow():
    """BOOK_RECIPES holds an `auto` precision: resolving it at import would ask TensorFlow for GPUs."""
    loaded = loaded_by(first_import("recipes"))
    assert loaded == {"helpers": ["messages", "precision", "recipes", "validation"], "libraries": []}


@pytest.mark.parametrize("module", ["training", "recipes", "files", "record"])
def test_training_and_the_leaves_do_not_import_the_run_store(module):
    store = {"runstore", "runkey", "runlock", "runfiles", "backups", "resumable", "book_models"}
    assert not store & set(loaded_by(first_import(module))["helpers"])
