"""The run store (helpers.runstore): keys, layout, exact resume, early stopping, runs trained outside the store."""

import dataclasses
import json
import re

import keras
import numpy as np
import pytest

import helpers
from helpers import backups, runstore
from helpers.fingerprints import data_sha256, file_sha256, weights_sha256

TINY = helpers.RunMode("tiny", epochs=3, train_limit=1000, val_limit=500)
# Where the point is the store, not the model: one small conv block trains in a fraction of a second per epoch.
SMALL = helpers.Recipe(model={"filters": [4], "dense_units": 8})


@pytest.fixture(scope="module")
def lesson_reference(splits, tmp_path_factory):
    """Lesson 6's recipe on TINY, never interrupted: what every interrupted run must end with."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSE_MODEL_DIR", str(tmp_path_factory.mktemp("reference")))
        return helpers.train_or_load(mode=TINY, data=splits, verbose=0)


@pytest.mark.slow
def test_a_run_folder_holds_a_readable_recipe_and_verified_files(lesson_reference, splits):
    folder = lesson_reference.folder
    assert folder.name.startswith("tiny-cnn-")
    assert sorted(p.name for p in folder.iterdir()) == [
        "history.json",
        "manifest.json",
        "model.weights.h5",
        "recipe.json",
    ]
    described = json.loads((folder / "recipe.json").read_text(encoding="utf-8"))
    key = described["key"]
    assert key["recipe"] == json.loads(json.dumps(helpers.Recipe().key())) and key["seed"] == 42
    assert key["mode"] == dataclasses.asdict(TINY)
    x_train, y_train = TINY.take(splits.x_train, splits.y_train, "train")
    x_val, y_val = TINY.take(splits.x_val, splits.y_val, "val")
    assert key["data_sha256"] == data_sha256(x_train, y_train, x_val, y_val)
    assert key["architecture_sha256"] and described["trainer"] == "runstore"
    assert described["keras"] == keras.__version__ and described["tensorflow"] and described["created"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, record in manifest["files"].items():
        assert record == {"size": (folder / name).stat().st_size, "sha256": file_sha256(folder / name)}
    assert manifest["weights_sha256"] == weights_sha256(lesson_reference.model)
    stored = json.loads((folder / "history.json").read_text(encoding="utf-8"))
    assert stored == {"history": lesson_reference.history, "epoch_seconds": lesson_reference.epoch_seconds}


@pytest.mark.slow
def test_a_finished_run_loads_instead_of_training(lesson_reference, splits, crash_at, monkeypatch, capsys):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(lesson_reference.folder.parent))
    watch = crash_at()
    again = helpers.train_or_load(mode=TINY, data=splits, extra_callbacks=[watch])
    found = helpers.find_run(mode=TINY, data=splits)
    assert capsys.readouterr().out == ""  # loading prints nothing
    assert watch.epochs == [] and again.loaded and found.loaded
    for run in (again, found):
        assert weights_sha256(run.model) == weights_sha256(lesson_reference.model)
        assert run.history == lesson_reference.history and run.epoch_seconds == lesson_reference.epoch_seconds
        assert run.trainer == "runstore" and run.recipe == helpers.Recipe() and run.folder == lesson_reference.folder
    assert again.epochs_run == len(again.history["val_loss"]) and again.seconds == sum(again.epoch_seconds)
    probe = splits.x_val[:5]
    assert np.array_equal(again.model.predict(probe, verbose=0), lesson_reference.model.predict(probe, verbose=0))
    assert helpers.find_run(mode=TINY, data=splits, seed=7) is None  # never trains


@pytest.mark.slow
def test_an_exception_in_a_callback_resumes_exactly(lesson_reference, splits, store, crash_at, capsys):
    for at in (1, 2):
        with pytest.raises(KeyboardInterrupt):
            helpers.train_or_load(mode=TINY, data=splits, verbose=0, extra_callbacks=[crash_at(at)])
    watch = crash_at()
    run = helpers.train_or_load(mode=TINY, data=splits, verbose=0, extra_callbacks=[watch])
    assert watch.epochs == [2] and not run.loaded
    assert weights_sha256(run.model) == weights_sha256(lesson_reference.model)
    assert run.history == lesson_reference.history and len(run.epoch_seconds) == TINY.epochs
    assert not (run.folder / "backup").exists()  # dropped once the final files were written and verified
    out = capsys.readouterr().out
    korean, english = out.index("에포크 3부터 이어서"), out.index("Resuming the interrupted training at epoch 3")
    assert korean < english


@pytest.mark.slow
def test_resume_is_exact_with_cosine_decay_bfloat16_and_random_layers(splits, tmp_path, crash_at, monkeypatch):
    """RandomFlip, dropout and batch normalization, a schedule driven by the optimizer's step, bfloat16 compute."""
    recipe = helpers.Recipe(
        builder="strong",
        model={"filters": [8, 16], "dense_units": 16},
        batch_size=64,
        cosine_decay=True,
        precision="mixed_bfloat16",
    )
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path / "straight"))
    straight = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0)
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path / "interrupted"))
    with pytest.raises(KeyboardInterrupt):
        helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0, extra_callbacks=[crash_at(2)])
    resumed = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0)
    assert weights_sha256(resumed.model) == weights_sha256(straight.model)
    assert resumed.history == straight.history
    assert resumed.model.get_layer("conv1").dtype_policy.name == "mixed_bfloat16"
    assert float(resumed.model.optimizer.learning_rate) < recipe.learning_rate  # decayed along the cosine


@pytest.mark.parametrize(
    "losses, patience",
    [
        ([0.42, 0.33, 0.30, 0.31, 0.32, 0.28], 2),  # lesson 6's example
        ([0.5, 0.5, 0.4, 0.6], 0),  # equal is no improvement
        ([0.5, 0.6, 0.7, 0.4, 0.3], 3),
        ([0.9, 0.8, 0.7], 1),  # never stops
    ],
)
def test_early_stopping_resumed_from_its_sidecar_stops_where_keras_does(losses, patience):
    """The store drives Keras' EarlyStopping one epoch per fit call and keeps its state in the backup's JSON sidecar:
    one restored from that JSON before every epoch stops, with the same best epoch, where an uninterrupted one does."""
    model, ours_model = (keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)]) for _ in range(2))
    theirs = keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True)
    theirs.set_model(model)
    model.stop_training = ours_model.stop_training = False  # as fit() sets them
    theirs.on_train_begin()
    saved = None
    for epoch, loss in enumerate(losses):
        ours = backups.early_stopping(patience, saved, epoch)
        ours.set_model(ours_model)
        ours.on_epoch_end(epoch, {"val_loss": loss})
        saved = json.loads(json.dumps(backups.stopping_state(ours)))
        theirs.on_epoch_end(epoch, {"val_loss": loss})
        assert saved["stopped"] == model.stop_training == ours_model.stop_training
        assert saved["best_epoch"] == theirs.best_epoch + 1
        if saved["stopped"]:
            break


@pytest.mark.slow
def test_an_early_stopped_run_keeps_its_best_epoch(splits, store):
    mode = helpers.RunMode("tiny8", epochs=8, train_limit=1000, val_limit=500)
    run = helpers.train_or_load(dataclasses.replace(SMALL, learning_rate=1e-2, patience=0), mode=mode, data=splits)
    assert run.epochs_run < mode.epochs and run.best_epoch < run.epochs_run  # it stopped, after a worse epoch
    scores = helpers.evaluate_model(run.model, splits.x_val[:500], splits.y_val[:500])
    assert scores["loss"] == pytest.approx(run.history["val_loss"][run.best_epoch - 1], abs=1e-6)


@pytest.mark.slow
def test_epoch_lines_are_korean_plain_text(splits, store, capsys):
    helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=2)
    lines = capsys.readouterr().out.splitlines()
    metrics = " - ".join(rf"{name}: \d\.\d{{4}}" for name in ("loss", "accuracy", "val_loss", "val_accuracy"))
    assert len(lines) == 3
    for epoch, line in enumerate(lines, start=1):
        assert re.fullmatch(rf"에포크 {epoch}/3 - \d+\.\d초 - {metrics}", line), line


@pytest.mark.slow
def test_changed_data_never_loads_a_stale_run(splits, store):
    rng = np.random.default_rng(0)
    shuffled = dataclasses.replace(splits, y_train=rng.permutation(splits.y_train))
    stale = helpers.train_or_load(SMALL, mode=TINY, data=shuffled, verbose=0)
    assert helpers.find_run(SMALL, mode=TINY, data=splits) is None
    real = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    assert not real.loaded and real.folder != stale.folder


@pytest.mark.slow
def test_changed_model_code_never_loads_a_stale_run(splits, store, monkeypatch):
    helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    assert helpers.find_run(SMALL, mode=TINY, data=splits) is not None
    defaults = list(helpers.model.build_cnn.__defaults__)
    defaults[3] = 0.3  # someone edits build_cnn's default dropout
    monkeypatch.setattr(helpers.model.build_cnn, "__defaults__", tuple(defaults))
    assert helpers.find_run(SMALL, mode=TINY, data=splits) is None


def test_every_part_of_the_key_gets_its_own_folder(splits, store):
    def folder(recipe=SMALL, mode=TINY, data=splits, seed=42):
        return runstore.run_directory(recipe, mode, seed, data)

    base = folder()
    assert base == folder() and base.is_dir()
    others = [
        folder(recipe=dataclasses.replace(SMALL, batch_size=64)),
        folder(recipe=dataclasses.replace(SMALL, precision="mixed_bfloat16")),
        folder(mode=dataclasses.replace(TINY, train_limit=900)),
        folder(seed=43),
        folder(data=dataclasses.replace(splits, x_val=splits.x_val[::-1])),
    ]
    assert len({base, *others}) == 6


@pytest.mark.slow
def test_retrain_trains_again_to_the_same_result(splits, store):
    first = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    again = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0, retrain=True)
    assert not again.loaded and weights_sha256(again.model) == weights_sha256(first.model)
    assert again.history == first.history


def lesson_6_style(recipe, splits, epochs=2):
    """What lesson 6 does: the seeds' plain model.fit (Keras shuffles)."""
    x_train, y_train = TINY.take(splits.x_train, splits.y_train, "train")
    x_val, y_val = TINY.take(splits.x_val, splits.y_val, "val")
    helpers.seed_everything(42)
    model = helpers.compile_model(recipe.build())
    history = model.fit(x_train, y_train, epochs=epochs, validation_data=(x_val, y_val), verbose=0)
    return model, history


@pytest.mark.slow
def test_a_model_trained_outside_the_store_is_stored_and_found(splits, store):
    model, history = lesson_6_style(SMALL, splits)
    saved = helpers.save_trained(model, history, SMALL, mode=TINY, data=splits, epoch_seconds=[1.5, 1.25])
    assert saved.trainer == "model.fit" and not saved.loaded and saved.seconds == 2.75
    found = helpers.find_run(SMALL, mode=TINY, data=splits)
    loaded = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    for run in (found, loaded):
        assert run.loaded and run.trainer == "model.fit" and run.epoch_seconds == [1.5, 1.25]
        assert weights_sha256(run.model) == weights_sha256(model)
        assert run.history == {k: [float(v) for v in values] for k, values in history.history.items()}


@pytest.mark.slow
def test_a_run_stored_without_its_times_loads(splits, store):
    model, history = lesson_6_style(SMALL, splits, epochs=1)
    helpers.save_trained(model, history, SMALL, mode=TINY, data=splits)
    found = helpers.find_run(SMALL, mode=TINY, data=splits)
    assert found.epoch_seconds == [] and found.seconds == 0.0 and found.epochs_run == 1


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["architecture", "precision", "nan-weights", "unequal-history", "too-many-epochs"])
def test_save_trained_refuses_what_is_not_the_recipes_run(fault, splits, store):
    model, history = lesson_6_style(SMALL, splits, epochs=1)
    history = {key: list(values) for key, values in history.history.items()}
    recipe, mode = SMALL, TINY
    if fault == "architecture":
        model = helpers.compile_model(helpers.build_cnn(filters=(4,), dense_units=9))
    elif fault == "precision":
        recipe = dataclasses.replace(SMALL, precision="mixed_bfloat16")
    elif fault == "nan-weights":
        model.get_layer("hidden").kernel.assign(np.full(model.get_layer("hidden").kernel.shape, np.nan, "float32"))
    elif fault == "unequal-history":
        history["val_loss"].append(0.5)
    else:
        mode = dataclasses.replace(TINY, epochs=1, max_epochs=1)
        history = {key: values * 2 for key, values in history.items()}
    with pytest.raises(ValueError) as caught:
        helpers.save_trained(model, history, recipe, mode=mode, data=splits)
    korean, english = str(caught.value).split("\n", 1)
    assert re.search("[가-힣]", korean) and re.search("[A-Za-z]{4}", english)
    assert helpers.find_run(recipe, mode=mode, data=splits) is None


@pytest.mark.slow
def test_a_diverging_training_stores_nothing(splits, store):
    recipe = dataclasses.replace(SMALL, learning_rate=1e38)
    with pytest.raises(runstore.TrainingDivergedError, match="NaN") as caught:
        helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0)
    assert "발산" in str(caught.value) and "diverged" in str(caught.value)
    assert helpers.find_run(recipe, mode=TINY, data=splits) is None
    assert not list(store.glob("*/manifest.json"))
