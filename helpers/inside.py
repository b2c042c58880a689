"""Where the model looks when it decides (lesson 11): Grad-CAM, a gradient saliency map and an occlusion test.

All three work on the book's `Sequential` models through public Keras 3 API. Grad-CAM needs the convolution's output
and the prediction from one forward pass: `keras.Model(model.inputs, [layer.output, model.output])` builds that
inner model (keras-io's example, which reads `model.inputs` of a model never called, fails on a `Sequential`; ours are
built with `keras.Input`, so their graph exists). Gradients are taken of the class's log-probability, log p_c =
z_c - logsumexp(z): what raises this class against the others (the original Grad-CAM uses the logit z_c alone). On the
book's model this ranks the deciding pixels better than the logit does (lesson 11 measures it).
"""

from __future__ import annotations

import numpy as np

from helpers.messages import bilingual
from helpers.precision import as_float32
from helpers.validation import check_keras_model, check_scaled_images


def last_conv_layer(model) -> str:
    """The name of the last layer whose output is still a grid (height × width × channels) before Flatten."""
    import keras

    check_keras_model(model)
    skipped = (keras.layers.MaxPooling2D, keras.layers.RandomFlip, keras.layers.Dropout)
    grids = [layer for layer in model.layers if len(layer.output.shape) == 4 and not isinstance(layer, skipped)]
    return grids[-1].name


def tapped_model(model, layer: str):
    """A model from the same layers (the same weights) that returns `layer`'s output and the prediction together.

    Lesson 11 writes it as `keras.Model(model.inputs[0], [layer.output, model.outputs[0]])`, which works on the book's
    models as loaded; a model rebuilt from its config (a float32 copy of a mixed-precision one) may keep its layers'
    `output` from another call, so here the layers are called once more on a new input."""
    import keras

    check_keras_model(model)
    image = keras.Input(shape=model.inputs[0].shape[1:])
    tensor, tapped = image, None
    for each in model.layers:
        tensor = each(tensor)
        if each.name == layer:
            tapped = tensor
    if tapped is None:
        raise ValueError(bilingual(f"층 {layer!r}이(가) 모델에 없습니다.", f"The model has no layer {layer!r}."))
    return keras.Model(image, [tapped, tensor])


def _class_scores(probabilities, classes):
    import tensorflow as tf

    picked = tf.gather(probabilities, classes, axis=1, batch_dims=1)
    return tf.math.log(picked + 1e-12)


def _predicted(model, images, classes):
    if classes is not None:
        return np.asarray(classes, dtype=np.int64).reshape(-1)
    return np.asarray(model.predict(images, verbose=0)).argmax(axis=1)


def grad_cam(model, images, classes=None, layer: str | None = None) -> np.ndarray:
    """Grad-CAM maps (N, 28, 28) in [0, 1]: which parts of the last convolution's maps raised the class's score.

    `classes`: one class per image (default: the predicted one). Coarse by design: the map has the layer's
    resolution (14×14 for the lesson model, 7×7 for the stronger one), resized to 28×28."""
    import tensorflow as tf

    images = check_scaled_images(images, "images").astype("float32")
    model = as_float32(model)  # a mixed-precision model explained in bfloat16 would depend on the CPU
    layer = layer or last_conv_layer(model)
    inner = tapped_model(model, layer)
    classes = _predicted(model, images, classes)
    x = tf.convert_to_tensor(images)
    with tf.GradientTape() as tape:
        maps, probabilities = inner(x, training=False)
        score = _class_scores(tf.cast(probabilities, "float32"), classes)
    gradients = tf.cast(tape.gradient(score, maps), "float32")
    maps = tf.cast(maps, "float32")
    weights = tf.reduce_mean(gradients, axis=(1, 2), keepdims=True)  # one weight per channel: its mean gradient
    cam = tf.nn.relu(tf.reduce_sum(weights * maps, axis=-1, keepdims=True))
    cam = tf.image.resize(cam, images.shape[1:3], method="bilinear")[..., 0].numpy()
    return _normalised(cam)


def saliency(model, images, classes=None) -> np.ndarray:
    """|∂ log p(class) / ∂ pixel|, (N, 28, 28) in [0, 1]: which single pixels the score is most sensitive to."""
    import tensorflow as tf

    images = check_scaled_images(images, "images").astype("float32")
    model = as_float32(model)
    classes = _predicted(model, images, classes)
    x = tf.convert_to_tensor(images)
    with tf.GradientTape() as tape:
        tape.watch(x)
        score = _class_scores(tf.cast(model(x, training=False), "float32"), classes)
    gradient = tape.gradient(score, x)
    return _normalised(np.abs(gradient.numpy()[..., 0]))


def occlusion(model, image, class_index=None, patch: int = 6, stride: int = 2) -> np.ndarray:
    """How much the class's probability drops when a `patch`×`patch` square is blanked (set to the background, 0),
    averaged over the positions covering each pixel: (28, 28), in probability points. Slow but model-agnostic."""
    images = check_scaled_images(image, "image").astype("float32")[:1]
    model = as_float32(model)
    class_index = int(_predicted(model, images, class_index)[0])
    base = float(np.asarray(model.predict(images, verbose=0))[0, class_index])
    side = images.shape[1]
    corners = [(r, c) for r in range(0, side - patch + 1, stride) for c in range(0, side - patch + 1, stride)]
    covered = np.repeat(images, len(corners), axis=0)
    for index, (r, c) in enumerate(corners):
        covered[index, r : r + patch, c : c + patch, :] = 0.0
    probabilities = np.asarray(model.predict(covered, batch_size=256, verbose=0))[:, class_index]
    drop, count = np.zeros((side, side)), np.zeros((side, side))
    for (r, c), p in zip(corners, probabilities, strict=True):
        drop[r : r + patch, c : c + patch] += base - p
        count[r : r + patch, c : c + patch] += 1
    return drop / np.maximum(count, 1)


def cover(images, masks) -> np.ndarray:
    """The images with the masked pixels set to the background (0): what 'covering a region' means here."""
    return np.where(np.asarray(masks)[..., None], 0.0, images).astype("float32")


def object_ranked_masks(images, heatmaps, share: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """For each image, the `share` of its object's pixels (non-zero) a heat map ranks highest, and the share it ranks
    lowest: the regions to cover when testing whether the map points at what matters."""
    images = np.asarray(images)[..., 0]
    top, bottom = np.zeros(images.shape, bool), np.zeros(images.shape, bool)
    for index, (image, heat) in enumerate(zip(images, np.asarray(heatmaps), strict=True)):
        pixels = np.flatnonzero(image > 0)
        count = max(1, int(len(pixels) * share))
        order = pixels[np.argsort(heat.ravel()[pixels], kind="stable")]
        top[index].flat[order[-count:]] = True
        bottom[index].flat[order[:count]] = True
    return top, bottom


def plot_explanations(model, images, true_labels, layer: str | None = None):
    """One row per image: the image, Grad-CAM over it, the saliency map, the occlusion map; titled with the
    prediction (and the true class when it differs)."""
    import matplotlib.pyplot as plt

    from helpers.data import CLASS_NAMES_KO
    from helpers.plots import BOOK_WIDTH_IN

    images = check_scaled_images(images, "images").astype("float32")
    model = as_float32(model)
    predicted = np.asarray(model.predict(images, verbose=0)).argmax(axis=1)
    cams, grads = grad_cam(model, images, predicted, layer), saliency(model, images, predicted)
    fig, axes = plt.subplots(len(images), 4, figsize=(BOOK_WIDTH_IN * 0.8, 1.75 * len(images)), squeeze=False)
    for row, (image, truth) in enumerate(zip(images, true_labels, strict=True)):
        name = CLASS_NAMES_KO[predicted[row]]
        verdict = name if predicted[row] == truth else f"{name} (정답 {CLASS_NAMES_KO[truth]})"
        panels = [
            (image[..., 0], "gray_r", f"예측: {verdict}"),
            (cams[row], "jet", "Grad-CAM"),
            (grads[row], "Purples", "돌출 맵"),
            (np.clip(occlusion(model, image[None], predicted[row]), 0, None), "Reds", "가림 시험"),
        ]
        wrong = predicted[row] != truth
        for column, (axis, (values, cmap, title)) in enumerate(zip(axes[row], panels, strict=True)):
            if cmap == "jet":
                axis.imshow(image[..., 0], cmap="gray_r")
                axis.imshow(values, cmap=cmap, alpha=0.45, vmin=0, vmax=1)
            else:  # the top 1 % saturate, so the ordering of the rest stays visible
                axis.imshow(values, cmap=cmap, vmin=0, vmax=max(float(np.percentile(values, 99)), 1e-12))
            if column:  # the garment's outline, so a map can be read against the object
                axis.contour(image[..., 0], levels=[0.05], colors="0.3", linewidths=0.6)
            axis.set_title(title, fontsize=8, color="tab:red" if wrong and column == 0 else "black")
            axis.axis("off")
    fig.tight_layout()
    return fig


def _normalised(maps: np.ndarray) -> np.ndarray:
    peak = maps.reshape(len(maps), -1).max(axis=1).reshape(-1, 1, 1)
    return np.divide(maps, peak, out=np.zeros_like(maps), where=peak > 0)
