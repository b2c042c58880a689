"""The concept figures teach what Keras computes: their numbers are checked against real Keras layers and callbacks."""

import re

import numpy as np
import pytest

from helpers import concepts


def _keras_layer_output(layer, image):
    x = np.asarray(image, dtype="float32")[None, :, :, None]
    return np.asarray(layer(x))[0, :, :, 0]


def test_the_convolution_figure_computes_what_conv2d_computes():
    import keras

    conv = keras.layers.Conv2D(1, 3, padding="valid", use_bias=False)
    conv.build((None, 6, 6, 1))
    conv.set_weights([concepts.EDGE_FILTER.astype("float32")[:, :, None, None]])
    expected = _keras_layer_output(conv, concepts.TOY_IMAGE)
    np.testing.assert_allclose(concepts.correlate_valid(concepts.TOY_IMAGE, concepts.EDGE_FILTER), expected)


@pytest.mark.parametrize(("padding", "stride", "side"), [("valid", 1, 3), ("same", 1, 5), ("same", 2, 3)])
def test_padding_and_stride_titles_give_keras_output_sizes(padding, stride, side):
    import keras

    conv = keras.layers.Conv2D(1, 3, strides=stride, padding=padding)
    assert conv.compute_output_shape((None, 5, 5, 1))[1:3] == (side, side)
    fig = concepts.padding_and_stride()
    titles = [axis.get_title() for axis in fig.axes]
    assert any(f"({padding}), 스트라이드 {stride}\n출력 {side}×{side}" in title for title in titles)


def test_the_pooling_figure_keeps_what_max_pooling_keeps():
    import keras

    values = np.array([[1, 3, 2, 0], [4, 6, 1, 2], [0, 2, 5, 7], [1, 1, 3, 8]])
    expected = _keras_layer_output(keras.layers.MaxPooling2D(2), values)
    np.testing.assert_array_equal(concepts.max_pool(values), expected)
    printed = [text.get_text() for text in concepts.pooling_windows().axes[1].texts]
    assert printed == [f"{value:g}" for value in expected.ravel()]


def test_the_model_figure_labels_every_shape_keras_computes():
    import helpers

    model = helpers.build_cnn()
    labels = " ".join(text.get_text() for text in concepts.model_volumes(model).axes[0].texts)
    for layer in model.layers:
        if layer.__class__.__name__ != "Dropout":
            assert "×".join(map(str, layer.output.shape[1:])) in labels, layer.name


@pytest.mark.parametrize(
    "val_loss",
    [[0.33, 0.29, 0.26, 0.25, 0.24, 0.236, 0.25, 0.237], [0.5, 0.4, 0.41, 0.39, 0.4, 0.42], [0.3, 0.2, 0.1]],
)
def test_the_callback_timeline_stops_where_keras_early_stopping_stops(val_loss):
    import keras

    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    stopper = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=False)
    stopper.set_model(model)
    model.stop_training = False  # what fit() sets before the first epoch
    stopper.on_train_begin()
    stopped = None
    for epoch, loss in enumerate(val_loss):
        stopper.on_epoch_end(epoch, {"val_loss": loss})
        if model.stop_training:
            stopped = epoch + 1
            break
    _, what = concepts.callback_timeline(val_loss, patience=2)
    assert what["stopped_at"] == stopped
    assert what["restored"] == int(np.argmin(val_loss[: stopped or len(val_loss)])) + 1


def test_the_animation_plays_every_position_with_korean_controls():
    html = concepts.convolution_animation().data
    frames = re.findall(r"frames\[(\d+)\]", html)
    assert len(set(frames)) == 16  # a 4×4 output: one frame per position
    assert 'aria-label="재생"' in html and 'aria-label="장면 선택"' in html
    assert not re.search(r'aria-label="(Play|Pause|First frame)"', html)


def test_the_augmentation_gallery_shows_what_each_keras_layer_does(splits):
    images = splits.x_train[:3]
    fig = concepts.augmentation_gallery(images)
    shown = [axis.images[0].get_array() for axis in fig.axes]
    assert [axis.get_title() for axis in fig.axes[:5]] == ["원본", *concepts.AUGMENTATIONS]
    np.testing.assert_array_equal(shown[0], images[0, :, :, 0])  # the first column is the untouched image
    for column in range(1, 5):  # every layer changed at least one of the three images
        assert any(not np.array_equal(shown[row * 5 + column], images[row, :, :, 0]) for row in range(3))
