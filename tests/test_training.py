import os
import stat

import numpy as np
import pytest

import helpers
from helpers import training


def test_run_modes(monkeypatch):
    monkeypatch.delenv("COURSE_MODE", raising=False)
    assert helpers.get_run_mode().name == "full" and helpers.get_run_mode().epochs == 20
    monkeypatch.setenv("COURSE_MODE", "quick")
    quick = helpers.get_run_mode()
    assert quick.name == "quick" and quick.train_limit < 48000
    x, y = quick.take(np.zeros((48000, 28, 28, 1), np.float32), np.zeros(48000, np.int64))
    assert x.shape[1:] == (28, 28, 1) and len(x) == len(y) == quick.train_limit


def test_unknown_mode_names_the_valid_ones(monkeypatch):
    monkeypatch.setenv("COURSE_MODE", "fast")
    with pytest.raises(ValueError) as caught:
        helpers.get_run_mode()
    assert "'fast'" in str(caught.value) and "full" in str(caught.value) and "quick" in str(caught.value)


@pytest.mark.parametrize("name", ["best_cnn_model.h", "best-cnn-model.h5", "model"])
def test_checkpoint_must_end_in_keras(name):
    with pytest.raises(ValueError, match=r"\.keras"):
        helpers.make_callbacks(name)


def test_callbacks_are_the_lessons():
    checkpoint, early = helpers.make_callbacks("best-cnn-model.keras")
    assert checkpoint.save_best_only and checkpoint.filepath == "best-cnn-model.keras"
    assert early.patience == 2 and early.restore_best_weights and early.monitor == "val_loss"


def test_compile_uses_adam_sparse_loss_and_accuracy():
    model = helpers.compile_model(helpers.build_cnn())
    assert model.optimizer.__class__.__name__ == "Adam"
    assert model.loss == "sparse_categorical_crossentropy"


def test_quick_training_clearly_beats_chance_and_is_reused(quick_run, splits, tmp_path, monkeypatch):
    assert not quick_run.loaded
    assert quick_run.epochs_run >= 1 and 1 <= quick_run.best_epoch <= quick_run.epochs_run
    scores = helpers.evaluate_model(quick_run.model, splits.x_val[:2000], splits.y_val[:2000])
    assert scores["accuracy"] > 0.5  # chance is 0.1

    # A second call with the same mode and configuration loads instead of training.
    monkeypatch.setenv("COURSE_MODEL_DIR", str(quick_run.folder.parent))
    again = helpers.train_or_load(mode="quick", data=splits, verbose=0)
    assert again.loaded and again.history == quick_run.history
    probe = splits.x_val[:5]
    assert np.allclose(again.model.predict(probe, verbose=0), quick_run.model.predict(probe, verbose=0), atol=1e-6)


def test_different_configuration_gets_its_own_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    quick = helpers.get_run_mode("quick")
    assert training.run_directory({}, quick) != training.run_directory({"dense_units": 50}, quick)
    assert training.run_directory({}, quick) != training.run_directory({}, helpers.get_run_mode("full"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_model_folder_is_a_clear_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("COURSE_MODEL_DIR", str(locked / "models"))
    with pytest.raises(PermissionError, match="COURSE_MODEL_DIR"):
        training.run_directory({}, helpers.get_run_mode("quick"))


def test_model_folder_that_is_a_file_is_a_clear_error(tmp_path, monkeypatch):
    blocker = tmp_path / "models"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COURSE_MODEL_DIR", str(blocker))
    with pytest.raises(PermissionError, match="COURSE_MODEL_DIR"):
        training.run_directory({}, helpers.get_run_mode("quick"))


def test_fit_rejects_unscaled_or_flat_images(splits, tmp_path):
    model = helpers.compile_model(helpers.build_cnn())
    raw = (splits.x_train[:8] * 255).astype(np.uint8)
    with pytest.raises(TypeError, match="scale_images"):
        training.fit(model, raw, splits.y_train[:8], splits.x_val[:8], splits.y_val[:8], 1, tmp_path / "m.keras")
    with pytest.raises(ValueError, match="채널"):
        training.fit(model, splits.x_train[:8, :, :, 0], splits.y_train[:8], splits.x_val[:8], splits.y_val[:8],
                     1, tmp_path / "m.keras")
    with pytest.raises(ValueError, match="255"):
        training.fit(model, splits.x_train[:8] * 255, splits.y_train[:8], splits.x_val[:8], splits.y_val[:8],
                     1, tmp_path / "m.keras")
