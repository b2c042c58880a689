"""The run store: a folder per trained model, resumed exactly after any interruption, verified before use.

`<model_dir>/<mode>-<builder>-<12 hex>/` is named by the run's key (`helpers.runkey`: recipe, run mode, seed and the
fingerprints of the data and of the architecture), so changed data or model code never loads a stale run:

    recipe.json       what was trained: the key, the trainer, the Keras and TensorFlow versions, when
    model.weights.h5  the final weights only: the model is rebuilt from the recipe, nothing is unpickled
    history.json      every epoch's loss and metrics, and its seconds
    manifest.json     size and SHA-256 of the three files above and of the weights; written last: a run is finished
                      exactly when its manifest verifies
    backup/           while training: the last two epochs' weights and sidecar states (`helpers.backups`)

While a process checks, trains or saves a run it holds the run's lock (`helpers.runlock`); every file is written by
`helpers.files.write_atomically`, so a reader sees a whole file or none; a damaged file is moved aside, never loaded
(`helpers.runfiles`). Training itself, one epoch per `fit` call so that a resumed run ends bit for bit where an
uninterrupted one does, is `helpers.resumable`, with its backup in `helpers.backups`.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from helpers import files
from helpers.files import StoreDiskFullError
from helpers.fingerprints import architecture_sha256, weights_sha256
from helpers.messages import input_error
from helpers.recipes import DEFAULT_SEED, MODEL_DIR_VARIABLE, Recipe, RunMode
from helpers.record import note_run
from helpers.resumable import TrainingDivergedError, learning_rate, train
from helpers.runfiles import RunDamagedError, checked_history, load_weights, read_json, seal, set_aside, verify_file
from helpers.runkey import STORE_FORMAT, RunKey, run_directory, run_folder, run_key
from helpers.runlock import RunLockTimeout, run_lock
from helpers.training import compile_model, pick_strategy
from helpers.validation import (
    check_bool,
    check_callbacks,
    check_epoch_seconds,
    check_finite_weights,
    check_history,
    check_keras_model,
    check_strategy,
    check_timeout,
    check_verbose,
)

LOCK_TIMEOUT = 3 * 3600.0  # a full-mode training on a slow laptop, with room to spare
FIND_LOCK_TIMEOUT = 10.0  # find_run waits this long for another process's load or save, not for its training
FINAL_FILES = ("recipe.json", "model.weights.h5", "history.json")


@dataclass
class TrainingRun:
    """A trained model and what its training did."""

    model: object
    history: dict = field(repr=False)  # every epoch's loss and metrics, from the first epoch
    epoch_seconds: list = field(repr=False)  # wall-clock seconds per epoch (empty when not measured)
    loaded: bool  # True when this came from the store instead of training now
    folder: Path | None
    recipe: Recipe
    trainer: str  # "runstore" (train_or_load), "model.fit" (lesson 6 via save_trained), ...

    @property
    def seconds(self) -> float:
        return float(sum(self.epoch_seconds))

    @property
    def epochs_run(self) -> int:
        return len(self.history["loss"])

    @property
    def best_epoch(self) -> int:
        """1-based epoch with the lowest validation loss: the weights early stopping restored."""
        return int(np.argmin(self.history["val_loss"])) + 1


# --- finished runs -------------------------------------------------------------------------------------------------


def _loaded_model(key: RunKey, path: Path, train_size: int, strategy):
    """The recipe's model with the stored weights, then compiled (an unbuilt optimizer has nothing to load)."""
    recipe = key.recipe
    with (strategy or pick_strategy()).scope():
        model = recipe.build()
        load_weights(model, path)
        compile_model(model, learning_rate(recipe, train_size, recipe.epochs_for(key.mode)))
    return model


def _load_finished(folder: Path, key: RunKey, train_size: int, strategy):
    """The finished run in `folder`, verified file by file and weight by weight; None when there is none.

    A damaged one is moved aside (the backup stays, so training resumes from it when there is one)."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        return None
    try:
        manifest = read_json(manifest_path, sealed=True)
        if manifest.get("format") != STORE_FORMAT or manifest.get("key_sha256") != key.digest:
            raise RunDamagedError(manifest_path, "다른 실행의 파일", "belongs to another run")
        for name in FINAL_FILES:
            verify_file(folder / name, manifest.get("files", {}).get(name))
        described = read_json(folder / "recipe.json")
        if described.get("key") != key.as_dict():
            raise RunDamagedError(folder / "recipe.json", "다른 실행을 설명함", "describes another run")
        history, seconds = checked_history(read_json(folder / "history.json"), folder / "history.json")
        model = _loaded_model(key, folder / "model.weights.h5", train_size, strategy)
        if weights_sha256(model) != manifest.get("weights_sha256"):
            raise RunDamagedError(
                folder / "model.weights.h5", "가중치가 기록과 다름", "weights differ from the recorded ones"
            )
    except RunDamagedError as damage:
        has_backup = any((folder / "backup").glob("e*.state.json"))
        set_aside(
            folder,
            [folder / name for name in (*FINAL_FILES, "manifest.json")],
            damage,
            "마지막으로 온전한 백업에서 이어서 훈련합니다." if has_backup else "처음부터 다시 훈련합니다.",
            "Resuming from the last good backup." if has_backup else "Training again from the start.",
        )
        return None
    return TrainingRun(model, history, seconds, True, folder, key.recipe, str(described.get("trainer", "")))


def _write_json(path: Path, content: dict) -> dict:
    files.write_json(path, content, MODEL_DIR_VARIABLE)
    return files.file_record(path)


def _write_weights(path: Path, model, recipe: Recipe) -> dict:
    """The weights without optimizer state, from a fresh build of the recipe (any strategy, any optimizer)."""
    plain = recipe.build()
    plain.set_weights(model.get_weights())
    files.write_atomically(path, files.weights_writer(plain), MODEL_DIR_VARIABLE)
    return files.file_record(path)


def _store_finished(folder: Path, model, key: RunKey, history: dict, seconds: list, trainer: str) -> None:
    """Write the final files, then the manifest (the commit), verify them by loading, and only then drop the backup."""
    check_finite_weights(model, "훈련한 모델 / the trained model")
    folder.mkdir(exist_ok=True)
    described = {
        "key": key.as_dict(),
        "key_sha256": key.digest,
        "trainer": trainer,
        "keras": _version("keras"),
        "tensorflow": _version("tensorflow"),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    records = {
        "recipe.json": _write_json(folder / "recipe.json", described),
        "model.weights.h5": _write_weights(folder / "model.weights.h5", model, key.recipe),
        "history.json": _write_json(folder / "history.json", {"history": history, "epoch_seconds": seconds}),
    }
    manifest = {"format": STORE_FORMAT, "key_sha256": key.digest, "files": records}
    manifest["weights_sha256"] = weights_sha256(model)
    _write_json(folder / "manifest.json", seal(manifest))
    check = key.recipe.build()
    check.load_weights(folder / "model.weights.h5")
    if weights_sha256(check) != manifest["weights_sha256"]:
        raise OSError(f"{folder / 'model.weights.h5'}: the weights read back differ from those written")
    shutil.rmtree(folder / "backup", ignore_errors=True)


def _version(module: str) -> str:
    try:
        return sys.modules[module].__version__ if module in sys.modules else __import__(module).__version__
    except ImportError:
        return "?"


# --- the public calls ----------------------------------------------------------------------------------------------


def train_or_load(
    recipe: Recipe | None = None,
    mode: RunMode | str | None = None,
    data=None,
    seed: int = DEFAULT_SEED,
    verbose: int = 2,
    retrain: bool = False,
    extra_callbacks=(),
    strategy=None,
    lock_timeout: float = LOCK_TIMEOUT,
) -> TrainingRun:
    """The model a `Recipe` describes (default: lesson 6's), trained once and loaded from the store afterwards.

    `data` is a `DataSplits` (loaded when None); `strategy` a `tf.distribute` strategy (default: `pick_strategy()`);
    `verbose` 0 prints nothing, 1 or 2 a line per epoch (no progress bars: notebooks keep their outputs).
    An interrupted training resumes from its last backup and ends exactly as an uninterrupted one would, with the
    history of every epoch. `retrain=True` trains again from the start. Another process training the same run is
    waited for (up to `lock_timeout` seconds), then its result is loaded.
    """
    verbose, retrain = check_verbose(verbose), check_bool(retrain, "retrain")
    lock_timeout = check_timeout(lock_timeout)
    extra_callbacks, strategy = check_callbacks(extra_callbacks), check_strategy(strategy)
    key, arrays = run_key(recipe, mode, data, seed)
    folder = run_folder(key)
    with run_lock(folder, lock_timeout):
        files.remove_temporaries(folder)  # what killed writers left: no writer is alive while we hold the lock
        if retrain:  # the old result stops counting as finished before anything new is written
            with contextlib.suppress(FileNotFoundError):
                (folder / "manifest.json").unlink()
            shutil.rmtree(folder / "backup", ignore_errors=True)
        else:
            finished = _load_finished(folder, key, len(arrays.x_train), strategy)
            if finished is not None:
                shutil.rmtree(folder / "backup", ignore_errors=True)  # left by a kill after the final save
                return note_run(finished)
        folder.mkdir(exist_ok=True)
        model, progress = train(folder, key, arrays, verbose, extra_callbacks, strategy)
        _store_finished(folder, model, key, progress.history, progress.epoch_seconds, "runstore")
    return note_run(TrainingRun(model, progress.history, progress.epoch_seconds, False, folder, key.recipe, "runstore"))


def find_run(
    recipe: Recipe | None = None,
    mode: RunMode | str | None = None,
    data=None,
    seed: int = DEFAULT_SEED,
    lock_timeout: float = FIND_LOCK_TIMEOUT,
) -> TrainingRun | None:
    """The finished, verified run of this recipe, mode, data and seed, or None. Never trains.

    Prints only when it moves a damaged run aside. While another process trains this run (holding its lock for
    longer than `lock_timeout` seconds) there is no finished run yet: None.
    """
    lock_timeout = check_timeout(lock_timeout)
    key, arrays = run_key(recipe, mode, data, seed)
    folder = run_folder(key, create=False)
    if not (folder / "manifest.json").exists():
        return None
    run_folder(key)  # the lock folder
    with run_lock(folder, lock_timeout, waiting_message=False) as locked:
        if not locked:
            return None
        return note_run(_load_finished(folder, key, len(arrays.x_train), None))


def save_trained(
    model,
    history,
    recipe: Recipe | None = None,
    mode: RunMode | str | None = None,
    data=None,
    seed: int = DEFAULT_SEED,
    epoch_seconds=None,
    trainer: str = "model.fit",
    lock_timeout: float = LOCK_TIMEOUT,
) -> TrainingRun:
    """Store a model trained outside the store (lesson 6's own `model.fit`) as the finished run of its key.

    `history` is `fit`'s History or its dict (all epochs); `epoch_seconds` one time per epoch, or None. Refused: a
    model whose architecture is not the recipe's, curves of unequal lengths, more epochs than the recipe plans,
    NaN or infinite weights.
    """
    check_keras_model(model)
    history = check_history(history, required=("loss", "val_loss"))
    epochs = len(history["loss"])
    seconds = check_epoch_seconds(epoch_seconds, epochs)
    if not isinstance(trainer, str) or not trainer.strip():
        raise input_error(
            TypeError,
            "trainer는 훈련 방법의 이름(문자열)이어야 합니다.",
            "trainer must name how it was trained.",
            repr(trainer),
        )
    lock_timeout = check_timeout(lock_timeout)
    key, _ = run_key(recipe, mode, data, seed)
    _check_fits_recipe(model, key, epochs)
    check_finite_weights(model, "save_trained")
    folder = run_folder(key)
    with run_lock(folder, lock_timeout):
        files.remove_temporaries(folder)
        with contextlib.suppress(FileNotFoundError):
            (folder / "manifest.json").unlink()
        _store_finished(folder, model, key, history, seconds, trainer)
    return note_run(TrainingRun(model, history, seconds, False, folder, key.recipe, trainer))


def _policies(model) -> list[str]:
    return [layer.dtype_policy.name for layer in model.layers]


def _check_fits_recipe(model, key: RunKey, epochs: int) -> None:
    recipe = key.recipe
    if architecture_sha256(model) != key.architecture_sha256:
        raise input_error(
            ValueError,
            "model의 구조가 레시피로 만든 모델과 달라서 이 레시피의 결과로 저장할 수 없습니다. "
            "recipe.build()나 helpers.build_cnn()으로 만든 모델을 넘기세요.",
            "model's architecture differs from the recipe's, so it cannot be stored as this recipe's run; pass a "
            "model built by recipe.build() or helpers.build_cnn().",
            f"{model.name} ({model.count_params():,} parameters)",
            ("모델", "model"),
        )
    expected = _policies(recipe.build())
    if _policies(model) != expected:
        raise input_error(
            ValueError,
            f"model의 정밀도가 레시피({recipe.key()['precision']})와 다릅니다.",
            f"model's precision differs from the recipe's ({recipe.key()['precision']}).",
            ", ".join(sorted(set(_policies(model)))),
            ("정밀도", "precision"),
        )
    planned = recipe.epochs_for(key.mode)
    if epochs > planned:
        raise input_error(
            ValueError,
            f"history의 에포크 수는 레시피와 실행 모드({key.mode.name})가 정한 {planned} 이하여야 합니다.",
            f"history may hold at most the {planned} epochs the recipe and mode ({key.mode.name}) plan.",
            str(epochs),
            ("에포크 수", "epochs"),
        )


__all__ = [
    "RunDamagedError",
    "RunLockTimeout",
    "StoreDiskFullError",
    "TrainingDivergedError",
    "TrainingRun",
    "find_run",
    "run_directory",
    "save_trained",
    "train_or_load",
]
