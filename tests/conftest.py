import os

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
