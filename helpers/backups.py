"""A training's backup, written after every epoch: what lets an interrupted run resume exactly where it stopped.

`<run folder>/backup/` keeps the last two epochs, each as `eNNNN.weights.h5` (the weights and the optimizer's state
after epoch NNNN, `model.save_weights`' file) and `eNNNN.state.json`, a sealed sidecar with what the weights do not
hold: every epoch's history and seconds, the state of Keras' `EarlyStopping`, and the size and SHA-256 of the weights
files it names. The state is written after its weights, so it is the commit: a kill at any point leaves the previous
backup whole, and when the newest backup is damaged the one before it resumes the run.

Keras' `BackupAndRestore` does not serve here: it overwrites its one backup in place (a kill mid-save loses it), keeps
no history, and restores at the start of each `fit`, while exact resume trains one epoch per `fit` call
(`helpers.resumable`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from helpers import files
from helpers.recipes import MODEL_DIR_VARIABLE
from helpers.runfiles import RunDamagedError, checked_history, load_weights, read_json, seal, set_aside, verify_file
from helpers.runkey import STORE_FORMAT, RunKey

KEEP_STATES = 2  # when the newest backup is damaged, the one before it still resumes


def early_stopping(patience: int, saved: dict | None = None, epoch: int = 0):
    """Keras' `EarlyStopping` on val_loss, as lesson 6 uses it, for the caller to drive one epoch at a time;
    `saved` is its `stopping_state` after `epoch` epochs."""
    import keras

    stopper = keras.callbacks.EarlyStopping(patience=patience)
    stopper.on_train_begin()
    if saved is not None:
        stopper.best, stopper.wait = float(saved["best"]), int(saved["wait"])
        stopper.best_epoch = int(saved["best_epoch"]) - 1
        stopper.stopped_epoch = epoch - 1 if saved["stopped"] else 0  # Keras never stops after its first epoch
    return stopper


def stopping_state(stopper) -> dict:
    """What `EarlyStopping` keeps in memory, its epochs counted from 1."""
    return {
        "patience": stopper.patience,
        "best": stopper.best,
        "best_epoch": stopper.best_epoch + 1,
        "wait": stopper.wait,
        "stopped": stopper.stopped_epoch > 0,
    }


@dataclass
class Progress:
    """What a training has done so far; saved after every epoch."""

    epoch: int = 0  # epochs finished
    history: dict = field(default_factory=dict)
    epoch_seconds: list = field(default_factory=list)
    stopper: object = None  # keras.callbacks.EarlyStopping
    files: dict = field(default_factory=dict)  # "current", "best": {"name", "size", "sha256"}

    @property
    def stopped(self) -> bool:
        return self.stopper.stopped_epoch > 0

    @property
    def best_epoch(self) -> int:
        """1-based epoch with the lowest validation loss so far."""
        return self.stopper.best_epoch + 1


def _state_path(backup: Path, epoch: int) -> Path:
    return backup / f"e{epoch:04d}.state.json"


def write_backup(backup: Path, model, progress: Progress, key: RunKey) -> None:
    """The epoch's weights and optimizer, then the state naming them: the state is the commit."""
    backup.mkdir(exist_ok=True)
    name = f"e{progress.epoch:04d}.weights.h5"
    files.write_atomically(backup / name, files.weights_writer(model), MODEL_DIR_VARIABLE)
    current = {"name": name, **files.file_record(backup / name)}
    best = current if progress.best_epoch == progress.epoch else progress.files["best"]
    progress.files = {"current": current, "best": best}
    state = {
        "format": STORE_FORMAT,
        "key_sha256": key.digest,
        "epoch": progress.epoch,
        "history": progress.history,
        "epoch_seconds": progress.epoch_seconds,
        "early_stopping": stopping_state(progress.stopper),
        "files": progress.files,
    }
    files.write_json(_state_path(backup, progress.epoch), seal(state), MODEL_DIR_VARIABLE)
    _prune(backup)


def _prune(backup: Path) -> None:
    """Keep the last KEEP_STATES states and the weights they name; older ones are superseded."""
    states = sorted(backup.glob("e*.state.json"), reverse=True)
    keep = {path.name for path in states[:KEEP_STATES]}
    for path in states[:KEEP_STATES]:
        with contextlib.suppress(RunDamagedError, KeyError, TypeError):
            keep.update(record["name"] for record in read_json(path)["files"].values())
    for path in backup.glob("e*.*"):
        if path.name not in keep:
            path.unlink()


def _read_state(path: Path, key: RunKey) -> Progress:
    state = read_json(path, sealed=True)
    if state.get("format") != STORE_FORMAT or state.get("key_sha256") != key.digest:
        raise RunDamagedError(path, "다른 실행의 파일", "belongs to another run")
    history, seconds = checked_history(state, path)
    try:
        epoch, saved = int(state["epoch"]), state["early_stopping"]
        stopper = early_stopping(key.recipe.patience, saved, epoch)
        named = {role: dict(state["files"][role]) for role in ("current", "best")}
        consistent = saved["patience"] == key.recipe.patience and 1 <= saved["best_epoch"] <= epoch
    except (KeyError, TypeError, ValueError):
        raise RunDamagedError(path, "상태가 불완전함", "incomplete state") from None
    if not consistent or epoch != len(history["loss"]):
        raise RunDamagedError(path, "상태가 앞뒤가 맞지 않음", "inconsistent state")
    for record in named.values():
        verify_file(path.parent / str(record.get("name")), record)
    return Progress(epoch, history, seconds, stopper, named)


def resume(folder: Path, key: RunKey, model_factory):
    """(model, progress) from the newest backup that verifies and loads; damaged ones are moved aside.

    Progress is fresh, and the model `model_factory()`'s, when no backup is usable."""
    backup = folder / "backup"
    states = sorted(backup.glob("e*.state.json"), reverse=True)
    for index, path in enumerate(states):
        model = model_factory()
        try:
            progress = _read_state(path, key)
            load_weights(model, backup / progress.files["current"]["name"])
            return model, progress
        except RunDamagedError as damage:
            damaged = {*backup.glob(f"e{path.name[1:5]}.*"), *([damage.path] if damage.path.parent == backup else [])}
            older = len(states) - index - 1
            set_aside(
                folder,
                sorted(damaged),
                damage,
                "그 이전 에포크의 백업에서 이어서 훈련합니다." if older else "처음부터 다시 훈련합니다.",
                "Resuming from the backup of an earlier epoch." if older else "Training again from the start.",
            )
    return model_factory(), Progress(stopper=early_stopping(key.recipe.patience))
