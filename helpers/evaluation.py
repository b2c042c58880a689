"""Scores, predictions and the confusion matrix (lesson 7)."""

from __future__ import annotations

import numpy as np

from helpers.validation import NUM_CLASSES, check_labels, check_same_length, check_scaled_images


def evaluate_model(model, images, labels) -> dict[str, float]:
    """`model.evaluate` as a dict of plain floats, e.g. `{'loss': 0.25, 'accuracy': 0.915}`."""
    images = check_scaled_images(images, "images")
    labels = check_labels(labels, "labels")
    check_same_length(images, labels)
    scores = model.evaluate(images, labels, verbose=0, return_dict=True)
    return {name: float(value) for name, value in scores.items()}


def predict_proba(model, images) -> np.ndarray:
    """Softmax probabilities, shape (N, 10); each row sums to 1."""
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
    matrix = np.asarray(matrix)
    return matrix.diagonal() / np.maximum(matrix.sum(axis=1), 1)
