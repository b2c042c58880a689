import os
import stat
from pathlib import Path

import keras
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
    assert isinstance(checkpoint, keras.callbacks.ModelCheckpoint) and checkpoint.save_best_only
    assert str(checkpoint.final_path) == "best-cnn-model.keras"
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
    default = training.run_directory(helpers.Recipe(), quick)
    assert default == training.run_directory(None, quick)
    assert default != training.run_directory(helpers.Recipe(model={"dense_units": 50}), quick)
    assert default != training.run_directory(helpers.Recipe(batch_size=64), quick)
    assert default != training.run_directory(helpers.Recipe(), helpers.get_run_mode("full"))


def test_unwritable_model_folder_is_a_clear_error(tmp_path, monkeypatch):
    if os.geteuid() == 0:  # root writes through permissions (CI runs as root); sysfs refuses new folders to anyone
        target = Path("/sys/course-models")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        target = locked / "models"
    monkeypatch.setenv("COURSE_MODEL_DIR", str(target))
    with pytest.raises(PermissionError, match="COURSE_MODEL_DIR"):
        training.run_directory(None, helpers.get_run_mode("quick"))


def test_model_folder_that_is_a_file_is_a_clear_error(tmp_path, monkeypatch):
    blocker = tmp_path / "models"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COURSE_MODEL_DIR", str(blocker))
    with pytest.raises(PermissionError, match="COURSE_MODEL_DIR"):
        training.run_directory(None, helpers.get_run_mode("quick"))


def test_fit_rejects_unscaled_or_flat_images(splits, tmp_path):
    model = helpers.compile_model(helpers.build_cnn())
    raw = (splits.x_train[:8] * 255).astype(np.uint8)
    with pytest.raises(TypeError, match="scale_images"):
        training.fit(model, raw, splits.y_train[:8], splits.x_val[:8], splits.y_val[:8], 1, tmp_path / "m.keras")
    with pytest.raises(ValueError, match="채널"):
        training.fit(
            model,
            splits.x_train[:8, :, :, 0],
            splits.y_train[:8],
            splits.x_val[:8],
            splits.y_val[:8],
            1,
            tmp_path / "m.keras",
        )
    with pytest.raises(ValueError, match="255"):
        training.fit(
            model,
            splits.x_train[:8] * 255,
            splits.y_train[:8],
            splits.x_val[:8],
            splits.y_val[:8],
            1,
            tmp_path / "m.keras",
        )


TINY = training.RunMode("tiny", epochs=3, train_limit=1000, val_limit=500)


@pytest.mark.parametrize(
    "recipe",
    [helpers.Recipe(), helpers.Recipe(builder="strong", precision="mixed_bfloat16")],
    ids=["lesson-float32", "appendix-bfloat16"],
)
def test_same_seed_gives_identical_histories(recipe, splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    first = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0, retrain=True)
    second = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0, retrain=True)
    assert first.history == second.history


class Interrupt(keras.callbacks.Callback):
    """Stands in for a crash or a closed laptop at the start of epoch `at` (0-based)."""

    def __init__(self, at=None):
        super().__init__()
        self.at, self.epochs = at, []

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.at:
            raise KeyboardInterrupt
        self.epochs.append(epoch)


def test_interrupted_training_resumes_at_that_epoch(splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    crash = Interrupt(at=2)
    with pytest.raises(KeyboardInterrupt):
        helpers.train_or_load(mode=TINY, data=splits, verbose=0, extra_callbacks=[crash])
    assert crash.epochs == [0, 1]
    folder = training.run_directory(None, TINY)
    best = folder / "best-model.keras"
    assert best.is_file() and not list(folder.glob("*.partial.*"))
    keras.models.load_model(best, safe_mode=True)  # complete and loadable after the crash

    watch = Interrupt()
    run = helpers.train_or_load(mode=TINY, data=splits, verbose=0, extra_callbacks=[watch])
    assert watch.epochs == [2] and not run.loaded
    assert not (folder / "backup").exists()  # removed once training finished


def test_recipe_rejects_unknown_builder():
    with pytest.raises(ValueError, match="builder"):
        helpers.Recipe(builder="resnet")


def test_recipe_epochs_are_capped_by_the_mode():
    quick, full = helpers.get_run_mode("quick"), helpers.get_run_mode("full")
    assert helpers.Recipe(epochs=12).epochs_for(quick) == quick.epochs
    assert helpers.Recipe(epochs=12).epochs_for(full) == 12
    assert helpers.Recipe(epochs=full.epochs + 15).epochs_for(full) == full.epochs + 15  # full mode caps nothing
    assert helpers.Recipe().epochs_for(full) == full.epochs


def test_strong_recipe_trains_with_a_cosine_schedule(splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    recipe = helpers.Recipe(builder="strong", epochs=2, batch_size=64, cosine_decay=True)
    run = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0)
    assert run.epochs_run == 2 and run.history["loss"][-1] < run.history["loss"][0]
    assert float(run.model.optimizer.learning_rate) < 1e-3  # decayed along the cosine
