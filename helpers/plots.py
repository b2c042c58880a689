"""Figures of the course. Importing this module sets a Korean font once, so class names never render as boxes."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager

from helpers.data import CLASS_NAMES_KO
from helpers.messages import bilingual
from helpers.validation import (
    FINITE,
    NUM_CLASSES,
    Rule,
    apply_rules,
    check_bool,
    check_confusion_matrix,
    check_history,
    check_images,
    check_keras_model,
    check_labels,
    check_positive_int,
    check_same_length,
)

KOREAN_FONT = "NanumGothic"
# The book's text column shows images at most 772 px wide; the inline backend draws at 100 dpi, so a figure up to
# 7.5 inches wide is never scaled down and 8-point text stays about 11 px on screen (CONTRIBUTING.md: figures).
BOOK_WIDTH_IN = 7.5
RIGHT_COLOUR = "tab:blue"
WRONG_COLOUR = "tab:red"


def use_korean_font() -> str:
    """Register NanumGothic from koreanize-matplotlib's package data and make it the default font.

    The font files are used directly: importing koreanize_matplotlib itself pulls in the deprecated distutils.
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")
    fonts = sorted(Path(spec.submodule_search_locations[0], "fonts").glob("NanumGothic*.ttf")) if spec else []
    if not fonts:
        raise RuntimeError(
            bilingual(
                "한글 글꼴(NanumGothic)을 찾지 못했습니다: pip install koreanize-matplotlib",
                "The Korean font NanumGothic was not found: pip install koreanize-matplotlib",
            )
        )
    for path in fonts:
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams["font.family"] = KOREAN_FONT
    matplotlib.rcParams["axes.unicode_minus"] = False  # NanumGothic has no U+2212 minus sign
    return KOREAN_FONT


use_korean_font()


def _grey(image: np.ndarray) -> np.ndarray:
    return image.reshape(image.shape[0], image.shape[1])


def plot_samples(images, labels, count: int = 10, columns: int = 10):
    """The first `count` images with their Korean class names."""
    images = check_images(images, "images")
    labels = check_labels(labels, "labels")
    check_same_length(images, labels)
    count = min(check_positive_int(count, "count"), len(images))
    columns = check_positive_int(columns, "columns")
    rows = -(-count // columns)
    cell = min(BOOK_WIDTH_IN, columns * 1.1) / columns
    fig, axes = plt.subplots(rows, columns, figsize=(cell * columns, rows * (cell + 0.3)), squeeze=False)
    for index, axis in enumerate(axes.flat):
        axis.axis("off")
        if index < count:
            axis.imshow(_grey(images[index]), cmap="gray_r")
            axis.set_title(CLASS_NAMES_KO[labels[index]], fontsize=9)
    fig.tight_layout()
    return fig


HISTORY_LABELS = {
    "loss": "훈련 손실",
    "accuracy": "훈련 정확도",
    "val_loss": "검증 손실",
    "val_accuracy": "검증 정확도",
}


def plot_history(history):
    """The seeds' plot: every curve of `history` (a dict or a Keras `History`) with a grid, y from 0 up to the data."""
    import pandas as pd

    history = check_history(history)
    frame = pd.DataFrame(history).rename(columns=HISTORY_LABELS)
    frame.index = np.arange(1, len(frame) + 1)
    axis = frame.plot(figsize=(BOOK_WIDTH_IN, 4.5), marker="o")
    axis.grid(True)
    axis.set_ylim(bottom=0)  # the top follows the data: a first epoch's loss can be above 1
    axis.set_xlabel("에포크")
    axis.set_xticks(frame.index)
    return axis.figure


def check_graphviz() -> None:
    """plot_model needs pydot and Graphviz's `dot`; inside Jupyter Keras would only print and draw nothing."""
    if importlib.util.find_spec("pydot") is None:
        raise RuntimeError(
            bilingual(
                "모델 그림을 그리려면 pydot이 필요합니다: pip install pydot",
                "plot_model needs pydot: pip install pydot",
            )
        )
    if shutil.which("dot") is None:
        raise RuntimeError(
            bilingual(
                "모델 그림을 그리려면 Graphviz의 dot 프로그램이 필요합니다: sudo apt-get install graphviz "
                "(Colab 에는 이미 있습니다)",
                "plot_model needs Graphviz's dot program: sudo apt-get install graphviz (Colab has it).",
            )
        )


def check_output_file(path, suffix: str, name: str = "to_file") -> Path:
    """A file to write: the right suffix, in a folder that exists (Keras would fail deep inside pydot)."""
    rules = (
        Rule(
            lambda p: isinstance(p, (str, os.PathLike)),
            "{name}은(는) 파일 경로(문자열이나 Path)여야 합니다.",
            "{name} must be a file path (str or Path).",
            TypeError,
        ),
        Rule(
            lambda p: Path(p).suffix == suffix,
            "{name}의 파일 이름은 {suffix}로 끝나야 합니다.",
            "The file name in {name} must end in {suffix}.",
            got=lambda p: (repr(Path(p).name), ("이름", "name")),
        ),
        Rule(
            lambda p: Path(p).parent.is_dir(),
            "{name}을(를) 저장할 폴더가 있어야 합니다. 먼저 폴더를 만드세요: Path({got!r}).mkdir(parents=True).",
            "The folder for {name} must exist; create it first with Path({got!r}).mkdir(parents=True).",
            got=lambda p: (str(Path(p).parent), ("폴더", "folder")),
        ),
    )
    return Path(apply_rules(path, rules, name=name, suffix=suffix))


def plot_model_diagram(model, to_file="model.png", dpi: int = 72):
    """`keras.utils.plot_model(show_shapes=True)` that fails loudly instead of silently drawing nothing."""
    import keras

    check_keras_model(model)
    to_file = check_output_file(to_file, ".png")
    dpi = check_positive_int(dpi, "dpi")
    check_graphviz()
    image = keras.utils.plot_model(model, to_file=str(to_file), show_shapes=True, show_layer_names=True, dpi=dpi)
    if image is None or not to_file.is_file():
        raise RuntimeError(
            bilingual(f"모델 그림을 만들지 못했습니다: {to_file}", f"plot_model wrote no file: {to_file}")
        )
    # what tests/book/test_figures.py reads from the stored output (scripts/figure_text_size.py: matplotlib figures)
    image.metadata = {**image.metadata, "min_font_pt": _smallest_point_size(model), "dpi": dpi}
    return image


def _smallest_point_size(model) -> float:
    """The smallest `point-size` in the Graphviz labels Keras writes for `model` (Graphviz's default is 14)."""
    import keras

    dot = keras.utils.model_to_dot(model, show_shapes=True, show_layer_names=True).to_string()
    return min([14.0, *map(float, re.findall(r'point-size="([\d.]+)"', dot))])


def _probability_bars(axis, probabilities: np.ndarray, true_label: int | None) -> None:
    predicted = int(probabilities.argmax())
    colours = ["lightgray"] * len(probabilities)
    colours[predicted] = RIGHT_COLOUR if true_label in (None, predicted) else WRONG_COLOUR
    if true_label is not None and true_label != predicted:
        colours[true_label] = RIGHT_COLOUR
    axis.barh(np.arange(len(probabilities)), probabilities, color=colours)
    axis.set_yticks(np.arange(len(probabilities)), CLASS_NAMES_KO)
    axis.invert_yaxis()
    axis.set_xlim(0, 1)
    axis.set_xlabel("확률")


PROBABILITY_ROW = Rule(
    lambda a: a.ndim == 2 and a.shape[1] == NUM_CLASSES,
    "{name}은(는) (N, {classes}) 모양이어야 합니다.",
    "{name} must have shape (N, {classes}).",
    got="shape",
)
DISTRIBUTION = Rule(
    lambda a: np.allclose(a.sum(axis=1), 1.0, atol=1e-3) and a.min() >= 0,
    "{name}의 각 행은 합이 1인 확률이어야 합니다(softmax 출력).",
    "Each row of {name} must be a probability distribution summing to 1 (softmax output).",
    got=lambda a: (
        f"{a.min():g}, {a.sum(axis=1).min():g}~{a.sum(axis=1).max():g}",
        ("최솟값, 행의 합", "minimum, row sums"),
    ),
)


def plot_prediction(image, probabilities, true_label: int | None = None):
    """One image beside its ten class probabilities; a wrong guess is red, the true class blue."""
    image = check_images(np.asarray(image)[None] if np.ndim(image) in (2, 3) else image, "image")[0]
    probabilities = apply_rules(np.asarray(probabilities).reshape(1, -1), (PROBABILITY_ROW,), name="probabilities")
    probabilities = apply_rules(probabilities.astype(np.float64), (FINITE, DISTRIBUTION), name="probabilities")[0]
    if true_label is not None:
        true_label = int(check_labels(np.array([true_label]), "true_label")[0])
    predicted = int(probabilities.argmax())
    fig, (left, right) = plt.subplots(1, 2, figsize=(BOOK_WIDTH_IN, 3.2), gridspec_kw={"width_ratios": [1, 1.6]})
    left.imshow(_grey(image), cmap="gray_r")
    left.axis("off")
    title = f"예측: {CLASS_NAMES_KO[predicted]} ({probabilities[predicted]:.0%})"
    if true_label is not None:
        title += f"\n정답: {CLASS_NAMES_KO[true_label]}"
    left.set_title(title, color=RIGHT_COLOUR if true_label in (None, predicted) else WRONG_COLOUR)
    _probability_bars(right, probabilities, true_label)
    fig.tight_layout()
    return fig


def plot_confusion(matrix, normalize: bool = True):
    """The confusion matrix with Korean class names; rows are true classes, columns predictions."""
    matrix = check_confusion_matrix(matrix)
    normalize = check_bool(normalize, "normalize")
    shown = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1) if normalize else matrix
    fig, axis = plt.subplots(figsize=(BOOK_WIDTH_IN, 6.5))
    image = axis.imshow(shown, cmap="Blues")
    ticks = np.arange(len(CLASS_NAMES_KO))
    axis.set_xticks(ticks, CLASS_NAMES_KO, rotation=45, ha="right")
    axis.set_yticks(ticks, CLASS_NAMES_KO)
    axis.set_xlabel("예측한 클래스")
    axis.set_ylabel("실제 클래스")
    threshold = shown.max() / 2
    for row in ticks:
        for column in ticks:
            text = f"{shown[row, column]:.2f}" if normalize else str(matrix[row, column])
            axis.text(
                column,
                row,
                text,
                ha="center",
                va="center",
                fontsize=8,
                color="white" if shown[row, column] > threshold else "black",
            )
    fig.colorbar(image, ax=axis, fraction=0.046)
    fig.tight_layout()
    return fig


def plot_mistakes(images, true_labels, predicted_labels, count: int = 12, columns: int = 6):
    """A gallery of misclassified images: title 'predicted (true)'."""
    images = check_images(images, "images")
    true_labels = check_labels(true_labels, "true_labels")
    predicted_labels = check_labels(predicted_labels, "predicted_labels")
    check_same_length(images, true_labels)
    check_same_length(images, predicted_labels)
    count, columns = check_positive_int(count, "count"), check_positive_int(columns, "columns")
    wrong = np.flatnonzero(true_labels != predicted_labels)[:count]
    rows = max(1, -(-len(wrong) // columns))
    cell = min(BOOK_WIDTH_IN, columns * 1.6) / columns
    fig, axes = plt.subplots(rows, columns, figsize=(cell * columns, rows * (cell + 0.45)), squeeze=False)
    for axis in axes.flat:
        axis.axis("off")
    for axis, index in zip(axes.flat, wrong, strict=False):
        axis.imshow(_grey(images[index]), cmap="gray_r")
        axis.set_title(
            f"{CLASS_NAMES_KO[predicted_labels[index]]}\n(정답 {CLASS_NAMES_KO[true_labels[index]]})",
            fontsize=8,
            color=WRONG_COLOUR,
        )
    fig.tight_layout()
    return fig
