"""The run store: a folder per trained model, resumed exactly after any interruption, verified before use.

A run's key is its recipe, run mode and seed plus the fingerprints of the arrays it trains on and of the architecture
the recipe builds, so changed data or model code never loads a stale run. `<model_dir>/<mode>-<builder>-<12 hex>/`:

    recipe.json       what was trained: the key (recipe, mode, seed, data and architecture fingerprints), the trainer,
                      the Keras and TensorFlow versions, when
    model.weights.h5  the final weights only: the model is rebuilt from the recipe, nothing is unpickled
    history.json      every epoch's loss and metrics, and its seconds
    manifest.json     size and SHA-256 of the three files above and of the weights; written last: a run is finished
                      exactly when its manifest verifies
    backup/           while training: eNNNN.weights.h5 (weights and optimizer after epoch NNNN) and eNNNN.state.json
                      (history, seconds, early-stopping state, the files' sizes and hashes); the last two epochs kept

`<model_dir>/.locks/<folder name>.lock` is `flock`ed while a process checks, trains or saves that run; the kernel drops
the lock when its holder dies, even by SIGKILL. Every file is written under a unique temporary name, synced, then
renamed over its target, so a reader sees a whole file or none; a damaged file is moved aside, never loaded.

Training goes one epoch per `model.fit` call: the epoch's order comes from `default_rng([seed, epoch])` and every
random layer's seed state is reset from (seed, epoch) first, so a run resumed from its backup ends bit for bit where
an uninterrupted one does. Early stopping follows Keras' `EarlyStopping(patience, restore_best_weights=True)` rule,
with its state in the backup.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import math
import os
import random
import shutil
import signal
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from helpers.fingerprints import architecture_sha256, data_sha256, file_sha256, weights_sha256
from helpers.messages import bilingual, input_error
from helpers.record import note_run
from helpers.training import (
    DEFAULT_SEED,
    MODEL_DIR_VARIABLE,
    Recipe,
    RunMode,
    compile_model,
    model_dir,
    pick_strategy,
    resolve_mode,
    seed_everything,
)
from helpers.validation import (
    check_bool,
    check_callbacks,
    check_epoch_seconds,
    check_finite_weights,
    check_history,
    check_keras_model,
    check_labels,
    check_same_length,
    check_scaled_images,
    check_seed,
    check_strategy,
    check_timeout,
    check_verbose,
)

try:
    import fcntl
except ImportError:  # Windows: no flock; runs are then not protected against a second kernel
    fcntl = None

STORE_FORMAT = 1
LOCK_TIMEOUT = 3 * 3600.0  # a full-mode training on a slow laptop, with room to spare
FIND_LOCK_TIMEOUT = 10.0  # find_run waits this long for another process's load or save, not for its training
KEEP_STATES = 2  # backups of the last two epochs: when the newest is damaged, the one before it still resumes
FAULT_VARIABLE = "COURSE_STORE_FAULT"  # tests only: names a point where the process kills itself (see _fault_point)
FINAL_FILES = ("recipe.json", "model.weights.h5", "history.json")


class RunDamagedError(Exception):
    """A file of a run is incomplete, does not parse, or does not match its recorded size or hash."""

    def __init__(self, path: Path, korean: str, english: str):
        super().__init__(f"{path}: {english}")
        self.path, self.korean, self.english = Path(path), korean, english


class StoreDiskFullError(OSError):
    """The disk filled up while the store was writing; what was half-written has been removed."""


class RunLockTimeout(TimeoutError):
    """Another process held a run's lock for longer than the caller would wait."""


class TrainingDivergedError(ValueError):
    """The loss or the weights became NaN or infinite: nothing of that training is stored."""


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


# --- the key -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingData:
    """The arrays a run trains on: the data after the run mode's `take`."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


@dataclass(frozen=True)
class RunKey:
    recipe: Recipe
    mode: RunMode
    seed: int
    data_sha256: str
    architecture_sha256: str

    def as_dict(self) -> dict:
        """The key as JSON gives it back (tuples become lists), so a stored copy compares equal."""
        key = {
            "format": STORE_FORMAT,
            "recipe": self.recipe.key(),
            "mode": asdict(self.mode),
            "seed": self.seed,
            "data_sha256": self.data_sha256,
            "architecture_sha256": self.architecture_sha256,
        }
        return json.loads(json.dumps(key, sort_keys=True))

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.as_dict(), sort_keys=True).encode()).hexdigest()

    @property
    def folder_name(self) -> str:
        return f"{self.mode.name}-{self.recipe.builder}-{self.digest[:12]}"


def _check_recipe(recipe) -> Recipe:
    if recipe is None:
        return Recipe()
    if not isinstance(recipe, Recipe):
        raise input_error(
            TypeError,
            "recipe는 helpers.Recipe(...)여야 합니다(기본값은 None: 6장의 레시피).",
            "recipe must be a helpers.Recipe(...) (None: lesson 6's recipe).",
            type(recipe).__name__,
            ("타입", "type"),
        )
    return recipe


def training_data(mode: RunMode, data) -> TrainingData:
    """The mode's share of `data` (a `DataSplits`, loaded when None), checked: finite floats in [0, 1], int labels."""
    from helpers.data import load_splits

    data = load_splits() if data is None else data
    if not all(hasattr(data, name) for name in ("x_train", "y_train", "x_val", "y_val")):
        raise input_error(
            TypeError,
            "data는 helpers.load_splits()가 돌려주는 DataSplits여야 합니다(None이면 불러옵니다).",
            "data must be the DataSplits helpers.load_splits() returns (None loads it).",
            type(data).__name__,
            ("타입", "type"),
        )
    x_train, y_train = mode.take(data.x_train, data.y_train, "train")
    x_val, y_val = mode.take(data.x_val, data.y_val, "val")
    x_train, x_val = check_scaled_images(x_train, "x_train"), check_scaled_images(x_val, "x_val")
    y_train, y_val = check_labels(y_train, "y_train"), check_labels(y_val, "y_val")
    check_same_length(x_train, y_train)
    check_same_length(x_val, y_val)
    return TrainingData(x_train, y_train, x_val, y_val)


def _fingerprint_architecture(recipe: Recipe) -> str:
    """Building draws layer seeds from Python's `random`; the learner's random state is left as it was."""
    python_state, numpy_state = random.getstate(), np.random.get_state()
    try:
        return architecture_sha256(recipe.build())
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)


def run_key(recipe=None, mode=None, data=None, seed=DEFAULT_SEED) -> tuple[RunKey, TrainingData]:
    """Check every argument (before anything heavy), then the run's key and the arrays it trains on."""
    recipe, mode, seed = _check_recipe(recipe), resolve_mode(mode), check_seed(seed)
    arrays = training_data(mode, data)
    digest = data_sha256(arrays.x_train, arrays.y_train, arrays.x_val, arrays.y_val)
    return RunKey(recipe, mode, seed, digest, _fingerprint_architecture(recipe)), arrays


def run_folder(key: RunKey, create: bool = True) -> Path:
    """The run's folder in `model_dir()`; with `create`, the model folder and its lock folder are made and tested."""
    root = model_dir()
    folder = root / key.folder_name
    if create:
        try:
            (root / ".locks").mkdir(parents=True, exist_ok=True)
            probe = root / ".locks" / f".write-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            probe.write_text("")
            probe.unlink()
        except OSError as error:
            raise PermissionError(
                bilingual(
                    f"모델 폴더에 쓸 수 없습니다: {root} ({error.strerror}). "
                    f"쓰기 가능한 폴더를 환경 변수 {MODEL_DIR_VARIABLE}로 지정하세요.",
                    f"Cannot write to the model folder {root} ({error.strerror}); "
                    f"set {MODEL_DIR_VARIABLE} to a writable folder.",
                )
            ) from None
    return folder


# --- files ---------------------------------------------------------------------------------------------------------


def _fault_point(name: str) -> None:
    """Test hook: with `COURSE_STORE_FAULT=<name>` the process SIGKILLs itself here, as a power cut would stop it.

    Names: `write-<file name>` (a file written under its temporary name, not yet renamed), `backup-state-<epoch>`
    (an epoch's weights saved, its state not yet), `final-before-manifest`, `final-before-cleanup`. Unset: nothing.
    """
    if os.environ.get(FAULT_VARIABLE) == name:
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)


def _is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and (
        error.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(error)
    )


def _close_h5_files(path: Path) -> None:
    """Keras leaves its HDF5 file open when a write fails; HDF5 would then crash flushing it at interpreter exit."""
    if "h5py" not in sys.modules:
        return
    import h5py

    for file_id in h5py.h5f.get_obj_ids(types=h5py.h5f.OBJ_FILE):
        if os.fsdecode(file_id.name) == str(path):
            with contextlib.suppress(Exception):
                while file_id.valid:
                    h5py.h5i.dec_ref(file_id)


def _discard(path: Path) -> None:
    """Remove a temporary file whose writing failed: emptied first, so a full disk has room for HDF5's last flush."""
    with contextlib.suppress(OSError):
        os.truncate(path, 0)
    _close_h5_files(path)
    with contextlib.suppress(OSError):
        path.unlink()


def _disk_full_error(folder: Path) -> StoreDiskFullError:
    error = StoreDiskFullError(
        bilingual(
            f"디스크에 빈 공간이 없어서 {folder}에 저장하지 못했습니다. 반쯤 쓴 파일은 지웠고, 마지막으로 "
            f"온전하게 저장한 백업은 그대로 있습니다. 공간을 비우거나 {MODEL_DIR_VARIABLE}로 다른 폴더를 지정한 뒤 "
            "다시 실행하세요.",
            f"The disk is full: could not save in {folder}. The half-written file was removed and the last complete "
            f"backup is kept. Free some space or point {MODEL_DIR_VARIABLE} at another folder, then run again.",
        )
    )
    error.errno = errno.ENOSPC
    return error


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot sync a directory; the rename is still atomic
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _file_record(path: Path) -> dict:
    return {"size": path.stat().st_size, "sha256": file_sha256(path)}


def _write_file(path: Path, write) -> dict:
    """`write(temporary_path)`, sync, then rename over `path`: a reader sees the old file or the whole new one.

    Returns the file's size and SHA-256. On a full disk the temporary file is removed and `StoreDiskFullError` says so.
    """
    temporary = path.with_name(f".{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp.{path.name}")
    try:
        write(temporary)
        _fault_point(f"write-{path.name}")
        with temporary.open("rb") as stream:
            os.fsync(stream.fileno())
        record = _file_record(temporary)
        os.replace(temporary, path)
        _fsync_folder(path.parent)
        return record
    except BaseException as error:
        _discard(temporary)
        if _is_disk_full(error):
            raise _disk_full_error(path.parent) from None
        raise


def _weights_file(model):
    """A writer of `model.save_weights`' file whose HDF5 bytes are made in memory, then written by Python.

    HDF5 left with a failed write (a full disk) crashes the interpreter at exit; made in memory, a full disk is
    a plain OSError. Keras builds the file with `H5IOStore`, which takes a BytesIO; where that internal API is
    missing, the public `save_weights` writes the file itself.
    """
    try:
        from keras.src.saving.saving_lib import H5IOStore, _save_state
    except ImportError:
        return lambda target: model.save_weights(target)
    buffer = io.BytesIO()
    store = H5IOStore(buffer, mode="w")
    try:
        _save_state(model, weights_store=store, assets_store=None, inner_path="", visited_saveables=set())
    finally:
        store.close()
    return lambda target: target.write_bytes(buffer.getvalue())


def _write_json(path: Path, content: dict) -> dict:
    text = json.dumps(content, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return _write_file(path, lambda target: target.write_text(text, encoding="utf-8"))


def _sealed(content: dict) -> dict:
    """The content with a checksum of itself: a file that parses but was cut or edited is still caught."""
    body = json.dumps(content, sort_keys=True)
    return {**content, "check": hashlib.sha256(body.encode()).hexdigest()}


def _read_json(path: Path, sealed: bool = False) -> dict:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunDamagedError(path, "파일이 없음", "missing") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise RunDamagedError(path, "JSON으로 읽을 수 없음", f"unreadable JSON: {error.__class__.__name__}") from None
    if not isinstance(content, dict):
        raise RunDamagedError(path, "JSON 객체가 아님", "not a JSON object")
    if sealed:
        check = content.pop("check", None)
        if check != hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest():
            raise RunDamagedError(path, "검사값이 맞지 않음", "checksum mismatch")
    return content


def _verify_file(path: Path, record) -> None:
    if not isinstance(record, dict):
        raise RunDamagedError(path, "크기와 해시의 기록이 없음", "no record of its size and hash")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RunDamagedError(path, "파일이 없음", "missing") from None
    if size != record.get("size"):
        raise RunDamagedError(
            path, f"{record.get('size')}바이트여야 하는데 {size}바이트", f"{size} bytes instead of {record.get('size')}"
        )
    if file_sha256(path) != record.get("sha256"):
        raise RunDamagedError(path, "SHA-256이 기록과 다름", "SHA-256 mismatch")


def _checked_history(content: dict, path: Path) -> tuple[dict, list]:
    try:
        history = check_history(content.get("history"), required=("loss", "val_loss"))
        seconds = check_epoch_seconds(content.get("epoch_seconds") or None, len(history["loss"]))  # []: not timed
    except (TypeError, ValueError):
        raise RunDamagedError(path, "훈련 기록이 올바르지 않음", "invalid history") from None
    return history, seconds


def _load_weights(model, path: Path) -> None:
    try:
        model.load_weights(path)
    except Exception as error:  # h5py and Keras raise many kinds for a file they cannot read
        raise RunDamagedError(
            path, "가중치를 불러올 수 없음", f"weights do not load: {error.__class__.__name__}"
        ) from None


def _clean_temporaries(folder: Path) -> None:
    """Temporary files left by a killed writer (the caller holds the run's lock, so no writer is alive)."""
    for pattern in (".*.tmp.*", "backup/.*.tmp.*"):
        for path in folder.glob(pattern):
            with contextlib.suppress(OSError):
                path.unlink()


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")


def _set_aside(folder: Path, paths: list[Path], damage: RunDamagedError, next_ko: str, next_en: str) -> Path:
    """Move damaged files into `<folder>.damaged-<UTC time>/` (kept for a look, never loaded) and say so."""
    target = folder.with_name(f"{folder.name}.damaged-{_utc_stamp()}")
    for path in paths:
        if path.exists():
            destination = target / path.relative_to(folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
    print(
        bilingual(
            f"저장된 훈련 결과가 손상되었습니다: {damage.path.name}({damage.korean}). "
            f"손상된 파일을 {target}로 옮겼습니다. {next_ko}",
            f"A stored training file is damaged: {damage.path.name} ({damage.english}). "
            f"Moved the damaged files to {target}. {next_en}",
        ),
        flush=True,
    )
    return target


# --- the lock ------------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _run_lock(folder: Path, timeout: float, waiting_message: bool = True):
    """Hold the run's flock. Yields True, or False when `timeout` passed first and `waiting_message` is False."""
    if fcntl is None:
        yield True
        return
    path = folder.parent / ".locks" / f"{folder.name}.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        if not _acquire(descriptor, 0.0):
            if waiting_message:
                print(
                    bilingual(
                        f"다른 프로세스(다른 커널)가 같은 훈련을 진행하고 있어서 끝나기를 기다립니다: {folder.name}",
                        f"Another process (another kernel) is working on the same run; waiting for it: {folder.name}",
                    ),
                    flush=True,
                )
            if not _acquire(descriptor, timeout):
                if not waiting_message:
                    yield False
                    return
                raise RunLockTimeout(
                    bilingual(
                        f"{timeout:g}초를 기다렸지만 다른 프로세스가 아직 {folder}를 쓰고 있습니다. 그 프로세스가 "
                        "끝난 뒤 다시 실행하거나, lock_timeout을 늘리세요.",
                        f"Waited {timeout:g} s but another process is still using {folder}; run again once it "
                        "has finished, or raise lock_timeout.",
                    )
                )
        yield True
    finally:
        os.close(descriptor)  # closing releases the flock


def _acquire(descriptor: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)


# --- models --------------------------------------------------------------------------------------------------------


def _learning_rate(recipe: Recipe, steps_per_epoch: int, epochs: int):
    if not recipe.cosine_decay:
        return recipe.learning_rate
    import keras

    return keras.optimizers.schedules.CosineDecay(recipe.learning_rate, decay_steps=steps_per_epoch * epochs)


def _training_model(key: RunKey, train_size: int, strategy):
    """The recipe's model as the seed makes it, compiled as lesson 6 compiles it, its optimizer built: a backup's
    optimizer state can only be loaded into an optimizer that exists, and a fresh run builds it the same way."""
    recipe = key.recipe
    rate = _learning_rate(recipe, math.ceil(train_size / recipe.batch_size), recipe.epochs_for(key.mode))
    seed_everything(key.seed)
    with (strategy or pick_strategy()).scope():  # variables live where the strategy places them
        model = compile_model(recipe.build(), learning_rate=rate)
        model.optimizer.build(model.trainable_variables)
    return model


def _loaded_model(key: RunKey, path: Path, train_size: int, strategy):
    """The recipe's model with the stored weights, then compiled (an unbuilt optimizer has nothing to load)."""
    recipe = key.recipe
    with (strategy or pick_strategy()).scope():
        model = recipe.build()
        _load_weights(model, path)
        epochs = recipe.epochs_for(key.mode)
        compile_model(model, _learning_rate(recipe, math.ceil(train_size / recipe.batch_size), epochs))
    return model


def _save_final_weights(model, recipe: Recipe, path: Path) -> dict:
    """The model's weights without optimizer state, from a fresh build of the recipe (any strategy, any optimizer)."""
    plain = recipe.build()
    plain.set_weights(model.get_weights())
    return _write_file(path, _weights_file(plain))


def _seed_states(model) -> list:
    """Random layers' seed-generator states (dropout, RandomFlip): variables of the model, not among its weights."""
    weights = {id(variable) for variable in model.weights}
    return [v for v in model.variables if id(v) not in weights and v.name == "seed_generator_state"]


def _reset_seed_states(model, seed: int, epoch: int) -> None:
    """Each epoch's dropout and flips depend on (seed, epoch) only, not on how many epochs this process ran."""
    for index, variable in enumerate(_seed_states(model)):
        start = int(np.random.default_rng([seed, epoch, index]).integers(1, 2**31 - 1))
        variable.assign(np.array([start, 0], dtype=variable.dtype))


# --- early stopping ------------------------------------------------------------------------------------------------


@dataclass
class EarlyStopping:
    """Keras' `EarlyStopping(patience=..., restore_best_weights=True)` on val_loss, with state that can be saved."""

    patience: int
    best: float | None = None
    best_epoch: int = 0  # 1-based; 0 before the first epoch
    wait: int = 0
    stopped: bool = False

    def update(self, epoch: int, val_loss: float) -> None:
        """Keras' rule for 0-based `epoch`: better means strictly lower; stop once `wait` reaches patience."""
        self.wait += 1
        if self.best is None or val_loss < self.best:
            self.best, self.best_epoch, self.wait = val_loss, epoch + 1, 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped = True


# --- backups -------------------------------------------------------------------------------------------------------


@dataclass
class Progress:
    """What a training has done so far; saved after every epoch."""

    epoch: int = 0  # epochs finished
    history: dict = field(default_factory=dict)
    epoch_seconds: list = field(default_factory=list)
    stopper: EarlyStopping | None = None
    files: dict = field(default_factory=dict)  # "current", "best": {"name", "size", "sha256"}


def _state_path(backup: Path, epoch: int) -> Path:
    return backup / f"e{epoch:04d}.state.json"


def _write_backup(backup: Path, model, progress: Progress, key: RunKey) -> None:
    """The epoch's weights and optimizer, then the state naming them: the state is the commit."""
    backup.mkdir(exist_ok=True)
    name = f"e{progress.epoch:04d}.weights.h5"
    current = {"name": name, **_write_file(backup / name, _weights_file(model))}
    best = current if progress.stopper.best_epoch == progress.epoch else progress.files["best"]
    progress.files = {"current": current, "best": best}
    _fault_point(f"backup-state-{progress.epoch}")
    state = {
        "format": STORE_FORMAT,
        "key_sha256": key.digest,
        "epoch": progress.epoch,
        "history": progress.history,
        "epoch_seconds": progress.epoch_seconds,
        "early_stopping": asdict(progress.stopper),
        "files": progress.files,
    }
    _write_json(_state_path(backup, progress.epoch), _sealed(state))
    _prune_backup(backup)


def _prune_backup(backup: Path) -> None:
    """Keep the last KEEP_STATES states and the weights they name; older ones are superseded."""
    states = sorted(backup.glob("e*.state.json"), reverse=True)
    keep = {path.name for path in states[:KEEP_STATES]}
    for path in states[:KEEP_STATES]:
        with contextlib.suppress(RunDamagedError, KeyError, TypeError):
            keep.update(record["name"] for record in _read_json(path)["files"].values())
    for path in backup.glob("e*.*"):
        if path.name not in keep:
            path.unlink()


def _read_state(path: Path, key: RunKey, patience: int) -> Progress:
    state = _read_json(path, sealed=True)
    if state.get("format") != STORE_FORMAT or state.get("key_sha256") != key.digest:
        raise RunDamagedError(path, "다른 실행의 파일", "belongs to another run")
    history, seconds = _checked_history(state, path)
    try:
        stopper = EarlyStopping(**state["early_stopping"])
        files = {role: dict(state["files"][role]) for role in ("current", "best")}
        epoch = int(state["epoch"])
    except (KeyError, TypeError, ValueError):
        raise RunDamagedError(path, "상태가 불완전함", "incomplete state") from None
    if epoch != len(history["loss"]) or stopper.patience != patience or not 1 <= stopper.best_epoch <= epoch:
        raise RunDamagedError(path, "상태가 앞뒤가 맞지 않음", "inconsistent state")
    for record in files.values():
        _verify_file(path.parent / str(record.get("name")), record)
    return Progress(epoch, history, seconds, stopper, files)


def _resume(folder: Path, key: RunKey, model_factory):
    """The model and progress from the newest backup that verifies and loads; damaged ones are moved aside.

    Returns (model, progress); progress is fresh when no backup is usable.
    """
    backup = folder / "backup"
    patience = key.recipe.patience
    states = sorted(backup.glob("e*.state.json"), reverse=True)
    for index, path in enumerate(states):
        model = model_factory()
        try:
            progress = _read_state(path, key, patience)
            _load_weights(model, backup / progress.files["current"]["name"])
            return model, progress
        except RunDamagedError as damage:
            epoch = path.name[1:5]
            damaged = [p for p in backup.glob(f"e{epoch}.*")] + ([damage.path] if damage.path.parent == backup else [])
            older = len(states) - index - 1
            _set_aside(
                folder,
                sorted(set(damaged)),
                damage,
                "그 이전 에포크의 백업에서 이어서 훈련합니다." if older else "처음부터 다시 훈련합니다.",
                "Resuming from the backup of an earlier epoch." if older else "Training again from the start.",
            )
    return model_factory(), Progress(stopper=EarlyStopping(patience))


# --- finished runs -------------------------------------------------------------------------------------------------


def _load_finished(folder: Path, key: RunKey, train_size: int, strategy):
    """The finished run in `folder`, verified file by file and weight by weight; None when there is none.

    A damaged one is moved aside (the backup stays, so training resumes from it when there is one)."""
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        return None
    try:
        manifest = _read_json(manifest_path, sealed=True)
        if manifest.get("format") != STORE_FORMAT or manifest.get("key_sha256") != key.digest:
            raise RunDamagedError(manifest_path, "다른 실행의 파일", "belongs to another run")
        for name in FINAL_FILES:
            _verify_file(folder / name, manifest.get("files", {}).get(name))
        described = _read_json(folder / "recipe.json")
        if described.get("key") != key.as_dict():
            raise RunDamagedError(folder / "recipe.json", "다른 실행을 설명함", "describes another run")
        history, seconds = _checked_history(_read_json(folder / "history.json"), folder / "history.json")
        model = _loaded_model(key, folder / "model.weights.h5", train_size, strategy)
        if weights_sha256(model) != manifest.get("weights_sha256"):
            raise RunDamagedError(
                folder / "model.weights.h5", "가중치가 기록과 다름", "weights differ from the recorded ones"
            )
    except RunDamagedError as damage:
        has_backup = any((folder / "backup").glob("e*.state.json"))
        _set_aside(
            folder,
            [folder / name for name in (*FINAL_FILES, "manifest.json")],
            damage,
            "마지막으로 온전한 백업에서 이어서 훈련합니다." if has_backup else "처음부터 다시 훈련합니다.",
            "Resuming from the last good backup." if has_backup else "Training again from the start.",
        )
        return None
    return TrainingRun(model, history, seconds, True, folder, key.recipe, str(described.get("trainer", "")))


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
        "model.weights.h5": _save_final_weights(model, key.recipe, folder / "model.weights.h5"),
        "history.json": _write_json(folder / "history.json", {"history": history, "epoch_seconds": seconds}),
    }
    _fault_point("final-before-manifest")
    manifest = {
        "format": STORE_FORMAT,
        "key_sha256": key.digest,
        "files": records,
        "weights_sha256": weights_sha256(model),
    }
    _write_json(folder / "manifest.json", _sealed(manifest))
    check = key.recipe.build()
    check.load_weights(folder / "model.weights.h5")
    if weights_sha256(check) != manifest["weights_sha256"]:
        raise OSError(f"{folder / 'model.weights.h5'}: the weights read back differ from those written")
    _fault_point("final-before-cleanup")
    shutil.rmtree(folder / "backup", ignore_errors=True)


def _version(module: str) -> str:
    try:
        return sys.modules[module].__version__ if module in sys.modules else __import__(module).__version__
    except ImportError:
        return "?"


def _unfinish(folder: Path) -> None:
    """Retraining: the old result stops counting as finished before anything new is written."""
    with contextlib.suppress(FileNotFoundError):
        (folder / "manifest.json").unlink()
    shutil.rmtree(folder / "backup", ignore_errors=True)


# --- training ------------------------------------------------------------------------------------------------------


def _epoch_line(epoch: int, epochs: int, seconds: float, logs: dict) -> str:
    """Keras' verbose=2 line in Korean, training values first, each list led by the loss."""
    ordered = sorted(logs, key=lambda name: (name.startswith("val_"), name.removeprefix("val_") != "loss", name))
    metrics = " - ".join(f"{name}: {logs[name]:.4f}" for name in ordered)
    return f"에포크 {epoch}/{epochs} - {seconds:.1f}초 - {metrics}"


def _check_diverged(logs: dict, epoch: int, recipe: Recipe) -> None:
    bad = [name for name, value in logs.items() if not math.isfinite(value)]
    if bad or not {"loss", "val_loss"} <= set(logs):
        raise TrainingDivergedError(
            bilingual(
                f"에포크 {epoch}에서 {', '.join(bad) or 'loss'}이(가) NaN이나 무한대가 되었습니다: "
                "훈련이 발산했습니다. "
                f"학습률({recipe.learning_rate:g})을 낮추고 입력이 0~1로 스케일 조정되었는지 확인하세요. "
                "이 훈련은 저장하지 않습니다.",
                f"At epoch {epoch}, {', '.join(bad) or 'loss'} became NaN or infinite: training diverged. Lower the "
                f"learning rate ({recipe.learning_rate:g}) and check that the inputs are scaled to [0, 1]. "
                "Nothing of this training is stored.",
            )
        )


def _announce_resume(progress: Progress, epochs: int) -> None:
    if progress.epoch == 0:
        return
    if progress.stopper.stopped or progress.epoch >= epochs:
        text = (
            f"훈련은 에포크 {progress.epoch}에서 끝났지만 저장하기 전에 중단되었습니다. 백업에서 저장을 마칩니다.",
            f"Training ended at epoch {progress.epoch} but was interrupted before saving; finishing from the backup.",
        )
    else:
        text = (
            f"중단된 훈련을 에포크 {progress.epoch + 1}부터 이어서 합니다"
            f"(에포크 {progress.epoch}까지는 백업에서 불러옴).",
            f"Resuming the interrupted training at epoch {progress.epoch + 1} "
            f"(epochs 1-{progress.epoch} loaded from the backup).",
        )
    print(bilingual(*text), flush=True)


def _train(folder: Path, key: RunKey, arrays: TrainingData, verbose: int, extra_callbacks, strategy):
    recipe, seed = key.recipe, key.seed
    epochs = recipe.epochs_for(key.mode)
    backup = folder / "backup"
    model, progress = _resume(folder, key, lambda: _training_model(key, len(arrays.x_train), strategy))
    _announce_resume(progress, epochs)
    while progress.epoch < epochs and not progress.stopper.stopped:
        epoch = progress.epoch
        order = np.random.default_rng([seed, epoch]).permutation(len(arrays.x_train))
        _reset_seed_states(model, seed, epoch)
        began = time.perf_counter()
        result = model.fit(
            arrays.x_train[order],
            arrays.y_train[order],
            batch_size=recipe.batch_size,
            epochs=epoch + 1,
            initial_epoch=epoch,
            shuffle=False,
            validation_data=(arrays.x_val, arrays.y_val),
            callbacks=extra_callbacks,
            verbose=0,
        )
        seconds = time.perf_counter() - began
        logs = {name: float(values[-1]) for name, values in result.history.items() if values}
        _check_diverged(logs, epoch + 1, recipe)
        for name, value in logs.items():
            progress.history.setdefault(name, []).append(value)
        progress.epoch_seconds.append(seconds)
        progress.epoch = epoch + 1
        progress.stopper.update(epoch, logs["val_loss"])
        _write_backup(backup, model, progress, key)
        if verbose:
            print(_epoch_line(epoch + 1, epochs, seconds, logs), flush=True)
    stopper = progress.stopper
    _load_weights(model, backup / progress.files["best"]["name"])  # Keras' restore_best_weights
    if verbose and stopper.stopped:
        print(
            bilingual(
                f"조기 종료: 에포크 {progress.epoch}에서 멈추고, 검증 손실이 가장 낮았던 에포크 {stopper.best_epoch}의 "
                "가중치로 되돌렸습니다.",
                f"Early stopping at epoch {progress.epoch}; restored the weights of epoch {stopper.best_epoch}, "
                "the lowest validation loss.",
            ),
            flush=True,
        )
    return model, progress


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
    with _run_lock(folder, lock_timeout):
        _clean_temporaries(folder)
        if retrain:
            _unfinish(folder)
        else:
            finished = _load_finished(folder, key, len(arrays.x_train), strategy)
            if finished is not None:
                shutil.rmtree(folder / "backup", ignore_errors=True)  # left by a kill after the final save
                return note_run(finished)
        folder.mkdir(exist_ok=True)
        model, progress = _train(folder, key, arrays, verbose, extra_callbacks, strategy)
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
    with _run_lock(folder, lock_timeout, waiting_message=False) as locked:
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
    with _run_lock(folder, lock_timeout):
        _clean_temporaries(folder)
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
