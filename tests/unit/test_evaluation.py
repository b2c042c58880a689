import numpy as np
import pytest

import helpers


@pytest.mark.slow
def test_evaluate_returns_plain_floats(quick_run, splits):
    scores = helpers.evaluate_model(quick_run.model, splits.x_val[:500], splits.y_val[:500])
    assert set(scores) == {"loss", "accuracy"}
    assert all(type(value) is float for value in scores.values())
    assert 0.0 <= scores["accuracy"] <= 1.0


@pytest.mark.slow
def test_predictions_are_distributions_and_labels(quick_run, splits):
    probabilities = helpers.predict_proba(quick_run.model, splits.x_test[:50])
    assert probabilities.shape == (50, 10)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    labels = helpers.predict_labels(quick_run.model, splits.x_test[:50])
    assert np.array_equal(labels, probabilities.argmax(axis=1))


@pytest.mark.slow
def test_confusion_matrix_counts_every_test_image(quick_run, splits):
    predicted = helpers.predict_labels(quick_run.model, splits.x_test)
    matrix = helpers.confusion(splits.y_test, predicted)
    assert matrix.shape == (10, 10) and matrix.sum() == 10000
    assert matrix.sum(axis=1).tolist() == [1000] * 10
    accuracy = helpers.per_class_accuracy(matrix)
    assert np.isclose(matrix.trace() / 10000, accuracy.mean())
