"""The architecture fingerprint: equal for the same structure on every supported Keras and number format, different
(and explained) for a model that truly differs. `make test-compat` loads the shipped models on each supported Keras."""

import keras
import pytest

import helpers
from helpers import book_models
from helpers.fingerprints import SETTINGS, architecture, architecture_differences, architecture_sha256
from helpers.precision import build_with_precision


def test_number_format_is_not_architecture():
    float32 = build_with_precision(helpers.build_strong_cnn, "float32")
    bfloat16 = build_with_precision(helpers.build_strong_cnn, "mixed_bfloat16")
    assert architecture_sha256(float32) == architecture_sha256(bfloat16)


def test_only_settings_that_decide_computation_and_no_release_specific_keys():
    """Keys a Keras release added (quantization_config, renorm, input_axes…) or that set only the start of training
    (initializers, seeds) are not part of the fingerprint."""
    for layer in architecture(helpers.build_strong_cnn())["layers"]:
        assert set(layer["settings"]) <= set(SETTINGS)
        assert not {"quantization_config", "renorm", "kernel_initializer", "seed", "dtype"} & set(layer["settings"])


@pytest.mark.parametrize("name", ["cnn", "strong"])
def test_helpers_builds_the_architecture_the_shipped_weights_were_trained_with(name):
    entry = book_models.read_manifest()[name]
    model = book_models.build_float32(helpers.BOOK_RECIPES[name])
    assert architecture(model) == entry["architecture"]
    assert architecture_sha256(model) == entry["architecture_sha256"]


@pytest.mark.parametrize(
    "model, says",
    [
        (
            lambda: helpers.build_cnn(filters=(64, 64)),
            "1번째 층: 모델은 Conv2D(64)인데 이 책의 가중치는 Conv2D(32)용입니다",
        ),
        (lambda: helpers.build_cnn(kernel_size=5), "1번째 층 conv1: kernel_size 값이 모델은 [5, 5]인데"),
        (lambda: helpers.build_cnn(filters=(32, 64, 64)), "층 수: 모델은 10개인데 이 책의 가중치는 8개 층용입니다"),
        (lambda: helpers.build_cnn(input_shape=(32, 32, 1)), "입력: 모델은 [[None, 32, 32, 1]]인데"),
    ],
)
def test_a_model_that_differs_is_refused_saying_what_differs(model, says):
    with pytest.raises(book_models.BookModelError) as refused:
        book_models.check_fits(model(), book_models.read_manifest()["cnn"], "cnn.weights.h5")
    korean, english = str(refused.value).split("\n")
    assert says in korean and "직접 훈련" in korean
    assert "does not fit this model" in english


def test_a_layer_of_another_kind_is_named():
    found = architecture(helpers.build_cnn())
    other = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.AveragePooling2D(2, name="conv1")])
    differences = architecture_differences(architecture(other), found)
    assert "1번째 층: 모델은 AveragePooling2D(2×2)인데 이 책의 가중치는 Conv2D(32)용입니다" in [
        ko for ko, _ in differences
    ]
