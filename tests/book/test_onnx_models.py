"""The ONNX files the book's "직접 그려 보기" page runs: the shipped models, exactly (scripts/export_models.py).

onnxruntime (Python, the same engine as onnxruntime-web) on each file against Keras on the shipped float32 weights, on
all 10,000 test images: the same predicted class and probabilities within 1e-5; the feature maps too."""

import base64
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import book_models
from helpers.fingerprints import file_sha256

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from export_models import FEATURE_LAYERS, ONNX_OUTPUTS, browser_model  # noqa: E402

ort = pytest.importorskip("onnxruntime")
NAMES = ("cnn", "strong")


def manifest() -> dict:
    return json.loads(book_models.MANIFEST.read_text(encoding="utf-8"))


def session(name):
    entry = manifest()[name]["onnx"]
    return ort.InferenceSession(str(book_models.TRAINED_DIR / entry["file"]), providers=["CPUExecutionProvider"])


@pytest.mark.parametrize("name", NAMES)
def test_onnx_file_matches_the_manifest_and_the_shipped_weights(name):
    entry = manifest()[name]
    onnx_entry = entry["onnx"]
    path = book_models.TRAINED_DIR / onnx_entry["file"]
    assert file_sha256(path) == onnx_entry["file_sha256"], f"{path.name} differs: scripts/export_models.py --browser"
    assert onnx_entry["weights_sha256"] == entry["weights_sha256"], "exported from other weights than the shipped ones"
    assert onnx_entry["feature_layers"] == list(FEATURE_LAYERS[name])
    outputs = [output.name for output in session(name).get_outputs()]
    assert outputs == [onnx_entry["outputs"][key] for key in ONNX_OUTPUTS]


@pytest.fixture(scope="module")
def keras_models():
    return {name: book_models.book_model(name).model for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_onnxruntime_agrees_with_keras_on_every_test_image(name, keras_models, splits):
    model, images = keras_models[name], splits.x_test
    assert len(images) == 10_000
    expected = model.predict(images, batch_size=1000, verbose=0)
    onnx_session = session(name)
    got = onnx_session.run([onnx_session.get_outputs()[0].name], {onnx_session.get_inputs()[0].name: images})[0]
    assert np.array_equal(got.argmax(axis=1), expected.argmax(axis=1))
    assert np.abs(got - expected).max() <= 1e-5


@pytest.mark.parametrize("name", NAMES)
def test_feature_maps_agree_with_keras(name, keras_models, splits):
    images = splits.x_test[:200]
    expected = browser_model(keras_models[name], FEATURE_LAYERS[name]).predict(images, verbose=0)
    onnx_session = session(name)
    got = onnx_session.run(None, {onnx_session.get_inputs()[0].name: images})
    assert [g.shape[1:] for g in got[1:]] == [(28, 28, 32), (14, 14, 64)]
    for ours, theirs in zip(got, expected, strict=True):
        np.testing.assert_allclose(ours, theirs, atol=1e-4 * max(1.0, float(np.abs(theirs).max())))


def test_page_samples_are_test_images_with_their_labels(splits):
    entries = [manifest()[name]["onnx"]["test_samples"] for name in NAMES]
    assert entries[0] == entries[1]
    entry = entries[0]
    path = book_models.TRAINED_DIR / entry["file"]
    assert file_sha256(path) == entry["file_sha256"]
    samples = json.loads(path.read_text(encoding="utf-8"))["samples"]
    assert sorted({s["label"] for s in samples}) == list(range(10))
    for sample in samples:
        pixels = np.frombuffer(base64.b64decode(sample["pixels"]), np.uint8).reshape(28, 28)
        np.testing.assert_allclose(pixels / 255.0, splits.x_test[sample["index"], :, :, 0], atol=0.5 / 255)
        assert sample["label"] == splits.y_test[sample["index"]]


def test_page_config_names_the_classes_as_helpers_does():
    sys.path.insert(0, str(ROOT / "_ext"))
    from browser_model import page_config

    import helpers

    config = page_config(manifest())
    assert config["class_names"] == list(helpers.CLASS_NAMES_KO)
    assert {name: model["file"] for name, model in config["models"].items()} == {n: f"{n}.onnx" for n in NAMES}
