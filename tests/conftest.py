import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import pytest


@pytest.fixture(scope="session")
def splits():
    import helpers

    return helpers.load_splits()


@pytest.fixture(scope="session")
def quick_run(splits, tmp_path_factory):
    """One real quick-mode training shared by the tests that need a trained model."""
    import helpers

    os.environ["COURSE_MODEL_DIR"] = str(tmp_path_factory.mktemp("models"))
    try:
        return helpers.train_or_load(mode="quick", data=splits, verbose=0)
    finally:
        del os.environ["COURSE_MODEL_DIR"]


@pytest.fixture(scope="session")
def html(tmp_path_factory):
    """The book built as `make book` builds it (warnings are errors), once per test session."""
    root = Path(__file__).resolve().parents[1]
    out = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(root), "-W", "--keep-going", "--builder", "html", "--path-output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return out / "_build" / "html"
