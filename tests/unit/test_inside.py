"""Grad-CAM, saliency and occlusion on the book's shipped lesson model: properties, not pixels."""

import numpy as np
import pytest

from helpers import inside


@pytest.fixture(scope="module")
def model():
    import helpers

    return helpers.book_model("cnn").model


@pytest.fixture(scope="module")
def test_images(splits):
    return splits.x_test[:200], splits.y_test[:200]  # the first 200 test images: a fixed set, not picked by result


def test_grad_cam_points_at_what_the_decision_depends_on(model, test_images):
    """Covering the fifth of an object's pixels that Grad-CAM ranks highest lowers the predicted class's
    log-probability (the score Grad-CAM differentiates) more than covering the fifth it ranks lowest, for most images.

    Measured on the book's model: about two images in three (a random ranking gives one in two, an inverted map
    one in three), which is what lesson 11 tells the reader; the bound sits between chance and that."""
    images, _ = test_images
    predicted = model.predict(images, verbose=0).argmax(axis=1)
    top, bottom = inside.object_ranked_masks(images, inside.grad_cam(model, images, predicted))
    rows = np.arange(len(images))

    def log_probability(x):
        return np.log(model.predict(x, verbose=0)[rows, predicted].astype("float64") + 1e-30)

    assert np.mean(log_probability(inside.cover(images, top)) < log_probability(inside.cover(images, bottom))) > 0.55


def test_maps_have_the_image_shape_and_range(model, test_images):
    images = test_images[0][:4]
    for maps in (inside.grad_cam(model, images), inside.saliency(model, images)):
        assert maps.shape == (4, 28, 28)
        assert maps.min() >= 0 and np.allclose(maps.max(axis=(1, 2)), 1)
    drop = inside.occlusion(model, images[:1])
    assert drop.shape == (28, 28) and np.isfinite(drop).all()


def test_grad_cam_works_on_the_stronger_sequential_model(test_images):
    import helpers

    strong = helpers.book_model("strong").model
    assert inside.last_conv_layer(strong) == "relu3"
    assert inside.grad_cam(strong, test_images[0][:2]).shape == (2, 28, 28)


def test_a_mixed_precision_model_is_explained_in_float32(test_images):
    """The run store keeps lesson 10's model in mixed_bfloat16 where the CPU computes in it: explained all the same."""
    import keras

    import helpers

    book = helpers.book_model("strong").model
    keras.mixed_precision.set_global_policy("mixed_bfloat16")
    try:
        mixed = helpers.build_strong_cnn()
    finally:
        keras.mixed_precision.set_global_policy("float32")
    mixed.set_weights(book.get_weights())
    images = test_images[0][:2]
    np.testing.assert_allclose(inside.grad_cam(mixed, images), inside.grad_cam(book, images), atol=1e-6)
    np.testing.assert_allclose(inside.saliency(mixed, images), inside.saliency(book, images), atol=1e-6)


def test_bad_images_get_a_korean_sentence(model):
    with pytest.raises(ValueError, match="모양"):
        inside.grad_cam(model, np.zeros((28, 28)))
