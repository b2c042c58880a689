"""Run modes and recipes (helpers.recipes), compiling, callbacks and seeds (helpers.training); the store itself:
test_runstore.py. Bad arguments to each of them: test_bad_inputs.py."""

import os
import stat
from pathlib import Path

import keras
import numpy as np
import pytest

import helpers
from helpers import recipes, runstore
from helpers.fingerprints import weights_sha256

TINY = helpers.RunMode("tiny", epochs=3, train_limit=1000, val_limit=500)


def test_run_modes(monkeypatch):
    monkeypatch.delenv("COURSE_MODE", raising=False)
    assert helpers.get_run_mode().name == "full" and helpers.get_run_mode().epochs == 20
    monkeypatch.setenv("COURSE_MODE", "quick")
    quick = helpers.get_run_mode()
    assert quick.name == "quick" and quick.train_limit < 48000
    x, y = quick.take(np.zeros((48000, 28, 28, 1), np.float32), np.zeros(48000, np.int64))
    assert x.shape[1:] == (28, 28, 1) and len(x) == len(y) == quick.train_limit


def test_callbacks_are_the_lessons():
    checkpoint, early = helpers.make_callbacks("best-cnn-model.keras")
    assert isinstance(checkpoint, keras.callbacks.ModelCheckpoint) and checkpoint.save_best_only
    assert str(checkpoint.final_path) == "best-cnn-model.keras"
    assert early.patience == 2 and early.restore_best_weights and early.monitor == "val_loss"


def test_compile_uses_adam_sparse_loss_and_accuracy():
    model = helpers.compile_model(helpers.build_cnn())
    assert model.optimizer.__class__.__name__ == "Adam"
    assert model.loss == "sparse_categorical_crossentropy"
    schedule = keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=10)
    assert helpers.compile_model(helpers.build_cnn(), schedule).optimizer.learning_rate is not None


@pytest.mark.slow
def test_the_checkpoint_holds_the_best_epoch_and_leaves_no_temporary_file(splits, tmp_path):
    checkpoint = tmp_path / "best-cnn-model.keras"
    model = helpers.compile_model(helpers.build_cnn(filters=(4,), dense_units=8))
    history = model.fit(
        splits.x_train[:256],
        splits.y_train[:256],
        epochs=3,
        validation_data=(splits.x_val[:128], splits.y_val[:128]),
        callbacks=helpers.make_callbacks(checkpoint, patience=3),
        verbose=0,
    )
    assert [path.name for path in tmp_path.iterdir()] == [checkpoint.name]
    best = keras.models.load_model(checkpoint)
    loss = best.evaluate(splits.x_val[:128], splits.y_val[:128], verbose=0)[0]
    assert loss == pytest.approx(min(history.history["val_loss"]), abs=1e-5)


@pytest.mark.slow
def test_quick_training_clearly_beats_chance_and_is_reused(quick_run, splits, monkeypatch):
    assert not quick_run.loaded and quick_run.trainer == "runstore"
    assert quick_run.epochs_run >= 1 and 1 <= quick_run.best_epoch <= quick_run.epochs_run
    assert len(quick_run.epoch_seconds) == quick_run.epochs_run and quick_run.seconds > 0
    scores = helpers.evaluate_model(quick_run.model, splits.x_val[:2000], splits.y_val[:2000])
    assert scores["accuracy"] > 0.5  # chance is 0.1

    # A second call with the same mode, recipe and data loads instead of training.
    monkeypatch.setenv("COURSE_MODEL_DIR", str(quick_run.folder.parent))
    again = helpers.train_or_load(mode="quick", data=splits, verbose=0)
    assert again.loaded and again.history == quick_run.history
    assert weights_sha256(again.model) == weights_sha256(quick_run.model)
    probe = splits.x_val[:5]
    assert np.array_equal(again.model.predict(probe, verbose=0), quick_run.model.predict(probe, verbose=0))


def unwritable_folder(tmp_path) -> Path:
    if os.geteuid() == 0:  # root writes through permissions (CI runs as root); sysfs refuses new folders to anyone
        return Path("/sys/course-models")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    return locked / "models"


def a_file(tmp_path) -> Path:
    blocker = tmp_path / "models"
    blocker.write_text("not a folder")
    return blocker


@pytest.mark.parametrize("folder", [unwritable_folder, a_file], ids=["unwritable", "a-file"])
@pytest.mark.parametrize("call", [helpers.train_or_load, runstore.run_directory], ids=["train", "folder"])
def test_a_model_folder_that_cannot_be_written_is_a_clear_error(folder, call, splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(folder(tmp_path)))
    with pytest.raises(PermissionError, match="COURSE_MODEL_DIR"):
        call(None, TINY, data=splits)


def test_model_folder_defaults_to_the_projects_models(monkeypatch):
    monkeypatch.delenv("COURSE_MODEL_DIR", raising=False)
    assert recipes.model_dir() == recipes.project_root() / "models"
    monkeypatch.setenv("COURSE_MODEL_DIR", "~/course-models")
    assert recipes.model_dir() == Path.home() / "course-models"


@pytest.mark.slow
@pytest.mark.parametrize(
    "recipe",
    [helpers.Recipe(), helpers.Recipe(builder="strong", precision="mixed_bfloat16")],
    ids=["lesson-float32", "appendix-bfloat16"],
)
def test_same_seed_gives_identical_histories(recipe, splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    first = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0, retrain=True)
    second = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0, retrain=True)
    assert first.history == second.history and weights_sha256(first.model) == weights_sha256(second.model)


def test_recipe_numbers_become_plain_python_numbers():
    recipe = helpers.Recipe(epochs=np.int64(3), batch_size=np.int32(64), learning_rate=np.float32(0.5))
    assert recipe.key()["epochs"] == 3 and type(recipe.key()["batch_size"]) is int  # plain numbers: the key is JSON
    assert recipe.learning_rate == 0.5


def test_recipe_epochs_are_capped_by_the_mode():
    quick, full = helpers.get_run_mode("quick"), helpers.get_run_mode("full")
    assert helpers.Recipe(epochs=12).epochs_for(quick) == quick.epochs
    assert helpers.Recipe(epochs=12).epochs_for(full) == 12
    assert helpers.Recipe(epochs=full.epochs + 15).epochs_for(full) == full.epochs + 15  # full mode caps nothing
    assert helpers.Recipe().epochs_for(full) == full.epochs


@pytest.mark.slow
def test_strong_recipe_trains_with_a_cosine_schedule(splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    recipe = helpers.Recipe(builder="strong", epochs=2, batch_size=64, cosine_decay=True)
    run = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0)
    assert run.epochs_run == 2 and run.history["loss"][-1] < run.history["loss"][0]
    assert float(run.model.optimizer.learning_rate) < 1e-3  # decayed along the cosine


def test_seeded_start_is_lesson_8s_untrained_model():
    """Lesson 8 compares the trained model with `set_random_seed(42); build_cnn()`: the store starts from there."""
    keras.utils.set_random_seed(42)
    untrained = helpers.build_cnn()
    helpers.seed_everything(42)
    assert weights_sha256(helpers.Recipe().build()) == weights_sha256(untrained)
