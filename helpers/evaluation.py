"""Scores, predictions and the confusion matrix (lesson 7)."""

from __future__ import annotations

import numpy as np

from helpers.precision import as_float32
from helpers.validation import (
    NUM_CLASSES,
    check_confusion_matrix,
    check_keras_model,
    check_labels,
    check_same_length,
    check_scaled_images,
)


def evaluate_model(model, images, labels) -> dict[str, float]:
    """`model.evaluate` as a dict of plain floats, e.g. `{'loss': 0.25, 'accuracy': 0.915}`.

    Always in float32: a model trained in mixed bfloat16 (lesson 10) is evaluated through a float32 copy of itself, so
    the book's figures are the same on CPUs that compute in bfloat16 and on those that do not."""
    check_keras_model(model, compiled=True)
    images = check_scaled_images(images, "images")
    labels = check_labels(labels, "labels")
    check_same_length(images, labels)
    scores = as_float32(model).evaluate(images, labels, verbose=0, return_dict=True)
    return {name: float(value) for name, value in scores.items()}


def predict_proba(model, images) -> np.ndarray:
    """Softmax probabilities, shape (N, 10); each row sums to 1."""
    check_keras_model(model)
    images = check_scaled_images(images, "images")
    return np.asarray(model.predict(images, verbose=0))


def predict_labels(model, images) -> np.ndarray:
    """The most probable class index per image."""
    return predict_proba(model, images).argmax(axis=1)


def confusion(true_labels, predicted_labels) -> np.ndarray:
    """10×10 counts: row = true class, column = predicted class."""
    from sklearn.metrics import confusion_matrix

    true_labels = check_labels(true_labels, "true_labels")
    predicted_labels = check_labels(predicted_labels, "predicted_labels")
    check_same_length(true_labels, predicted_labels)
    return confusion_matrix(true_labels, predicted_labels, labels=np.arange(NUM_CLASSES))


def per_class_accuracy(matrix) -> np.ndarray:
    """Recall of each class from a confusion matrix: the diagonal over each row's total."""
    matrix = check_confusion_matrix(matrix)
    return matrix.diagonal() / np.maximum(matrix.sum(axis=1), 1)
