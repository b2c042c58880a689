"""The tested TensorFlow/Keras range: one sentence for a learner outside it, the same range wherever it is stated."""

import re
import tomllib
from pathlib import Path

import keras
import tensorflow as tf

from helpers import versions

ROOT = Path(__file__).resolve().parents[2]


def test_colab_and_the_lock_are_inside_the_tested_range(capsys):
    assert versions.untested({"TensorFlow": "2.19.1", "Keras": "3.10.0"}) == {}
    versions.say_if_untested()  # this environment: the lock
    assert versions.untested() == {}, f"TensorFlow {tf.__version__} / Keras {keras.__version__} outside TESTED"
    assert capsys.readouterr().out == ""


def test_outside_the_range_one_korean_sentence_and_the_lesson_goes_on(capsys):
    versions.say_if_untested({"TensorFlow": "2.17.0", "Keras": "3.16.0"})
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.endswith("다.\n") and "다. " not in out, out  # one sentence
    assert "TensorFlow 2.17.0, Keras 3.16.0" in out and "Keras 3.8~3.15" in out and "그대로 진행합니다" in out


def test_a_nightly_build_counts_by_its_release():
    assert versions.minor("2.22.0-dev20260101") == (2, 22)
    assert versions.untested({"TensorFlow": "2.22.0-dev20260101", "Keras": "3.15.1"}) == {
        "TensorFlow": "2.22.0-dev20260101"
    }


def test_requirements_pyproject_and_readme_state_the_tested_range():
    (tf_low, tf_high), (keras_low, keras_high) = versions.TESTED["TensorFlow"], versions.TESTED["Keras"]
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for name in ("tensorflow-cpu", "tensorflow"):
        assert re.search(
            rf"^{name}>={tf_low[0]}\.{tf_low[1]}(\.\d+)?,<{tf_high[0]}\.{tf_high[1] + 1};", requirements, re.M
        )
    assert re.search(
        rf"^keras>={keras_low[0]}\.{keras_low[1]},<{keras_high[0]}\.{keras_high[1] + 1}$", requirements, re.M
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert f"keras>={keras_low[0]}.{keras_low[1]}" in project["dependencies"]
    python_low, python_high = versions.PYTHON
    assert project["requires-python"] == f">={python_low[0]}.{python_low[1]}"
    for minor in range(python_low[1], python_high[1] + 1):
        assert f"Programming Language :: Python :: 3.{minor}" in project["classifiers"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = (
        f"TensorFlow {versions.shown(versions.TESTED['TensorFlow'])}, Keras {versions.shown(versions.TESTED['Keras'])}"
    )
    assert stated in readme, f"README.md must state the tested range: {stated}"
