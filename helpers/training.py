"""Compiling, callbacks, run modes, seeding, and training once for every later lesson (lesson 6)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from helpers.messages import bilingual
from helpers.validation import check_labels, check_same_length, check_scaled_images

MODE_VARIABLE = "COURSE_MODE"
MODEL_DIR_VARIABLE = "COURSE_MODEL_DIR"
DEFAULT_SEED = 42
PATIENCE = 2


@dataclass(frozen=True)
class RunMode:
    """How much training a run does. `full` is what learners and the book get; `quick` keeps CI to seconds."""

    name: str
    epochs: int
    train_limit: int | None = None  # None: all 48,000 training images
    val_limit: int | None = None

    def take(self, images, labels, part: str = "train"):
        """The first `train_limit`/`val_limit` examples (all of them in full mode); shapes stay (n, 28, 28, 1)."""
        if part not in ("train", "val"):
            raise ValueError(bilingual(f"part 는 'train' 또는 'val' 이어야 합니다. 받은 값: {part!r}",
                                       f"part must be 'train' or 'val', got {part!r}."))
        limit = self.train_limit if part == "train" else self.val_limit
        return (images, labels) if limit is None else (images[:limit], labels[:limit])


MODES = {
    "full": RunMode("full", epochs=20),
    "quick": RunMode("quick", epochs=2, train_limit=4000, val_limit=2000),
}


def get_run_mode(name: str | None = None) -> RunMode:
    """The mode named, or `$COURSE_MODE`, or `full`."""
    name = name if name is not None else os.environ.get(MODE_VARIABLE, "full")
    if name not in MODES:
        raise ValueError(
            bilingual(
                f"알 수 없는 실행 모드입니다: {name!r}. {MODE_VARIABLE} 는 {' 또는 '.join(MODES)} 중 하나여야 합니다.",
                f"Unknown run mode {name!r}: {MODE_VARIABLE} must be one of {', '.join(MODES)}.",
            )
        )
    return MODES[name]


def seed_everything(seed: int = DEFAULT_SEED) -> None:
    """Python, NumPy and TensorFlow seeds plus deterministic TF ops: the same seed gives the same history."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()  # set_random_seed alone leaves ops free to reorder sums


def compile_model(model, learning_rate: float = 1e-3):
    """Adam + sparse categorical cross-entropy (integer labels) + accuracy, as in lesson 6."""
    import keras

    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def check_checkpoint_path(path) -> Path:
    path = Path(path)
    if path.suffix != ".keras":
        raise ValueError(
            bilingual(
                f"체크포인트 파일 이름은 .keras 로 끝나야 합니다(Keras 3 형식). 받은 이름: {path.name!r}",
                f"A checkpoint file name must end in .keras (the Keras 3 format), got {path.name!r}.",
            )
        )
    return path


def make_callbacks(checkpoint_path, patience: int = PATIENCE) -> list:
    """Keep the best model on disk and stop once validation loss has not improved for `patience` epochs."""
    import keras

    checkpoint_path = check_checkpoint_path(checkpoint_path)
    return [
        keras.callbacks.ModelCheckpoint(str(checkpoint_path), save_best_only=True),
        keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True),
    ]


def project_root(start: Path | None = None) -> Path:
    """The folder holding `_toc.yml` above the working directory (notebooks run in book/), else the cwd."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "_toc.yml").is_file():
            return folder
    return start


def model_dir() -> Path:
    """Where trained models are kept: `$COURSE_MODEL_DIR`, else `models/` in the project (git-ignored)."""
    return Path(os.environ.get(MODEL_DIR_VARIABLE) or project_root() / "models")


def run_directory(config: dict | None = None, mode: RunMode | None = None, seed: int = DEFAULT_SEED) -> Path:
    """A folder per mode and configuration, so a changed model never loads a stale one."""
    mode = mode or get_run_mode()
    key = json.dumps({"config": config or {}, "mode": asdict(mode), "seed": seed}, sort_keys=True)
    folder = model_dir() / f"{mode.name}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise PermissionError(
            bilingual(
                f"모델 폴더에 쓸 수 없습니다: {folder} ({error.strerror}). "
                f"쓰기 가능한 폴더를 환경 변수 {MODEL_DIR_VARIABLE} 로 지정하세요.",
                f"Cannot write to the model folder {folder} ({error.strerror}); "
                f"set {MODEL_DIR_VARIABLE} to a writable folder.",
            )
        ) from None
    return folder


@dataclass
class TrainingRun:
    """A trained model and what its training did."""

    model: object
    history: dict = field(repr=False)
    seconds: float
    loaded: bool  # True when this came from the cache instead of training now
    folder: Path | None = None

    @property
    def epochs_run(self) -> int:
        return len(self.history["loss"])

    @property
    def best_epoch(self) -> int:
        """1-based epoch with the lowest validation loss: the weights EarlyStopping restored."""
        return int(np.argmin(self.history["val_loss"])) + 1


def save_run(folder: Path, model, history: dict, seconds: float) -> None:
    """Model and history side by side; written under temporary names first so a crash never leaves half a file."""
    folder = Path(folder)
    history = {key: [float(v) for v in values] for key, values in history.items()}
    model.save(folder / "model.partial.keras")
    (folder / "history.partial.json").write_text(json.dumps({"history": history, "seconds": seconds}))
    (folder / "model.partial.keras").replace(folder / "model.keras")
    (folder / "history.partial.json").replace(folder / "history.json")


def load_run(folder: Path) -> TrainingRun | None:
    import keras

    folder = Path(folder)
    if not ((folder / "model.keras").is_file() and (folder / "history.json").is_file()):
        return None
    record = json.loads((folder / "history.json").read_text())
    model = keras.models.load_model(folder / "model.keras", safe_mode=True)
    return TrainingRun(model, record["history"], record["seconds"], loaded=True, folder=folder)


def fit(model, x_train, y_train, x_val, y_val, epochs: int, checkpoint_path, verbose: int = 2):
    """`model.fit` with the lesson's callbacks; returns the history dict and the seconds it took."""
    x_train = check_scaled_images(x_train, "x_train")
    y_train = check_labels(y_train, "y_train")
    check_same_length(x_train, y_train)
    x_val = check_scaled_images(x_val, "x_val")
    y_val = check_labels(y_val, "y_val")
    check_same_length(x_val, y_val)
    start = time.perf_counter()
    history = model.fit(
        x_train,
        y_train,
        epochs=epochs,
        validation_data=(x_val, y_val),
        callbacks=make_callbacks(checkpoint_path),
        verbose=verbose,
    )
    return history.history, time.perf_counter() - start


def train_or_load(config: dict | None = None, mode: RunMode | str | None = None, data=None,
                  seed: int = DEFAULT_SEED, verbose: int = 2, retrain: bool = False) -> TrainingRun:
    """The lesson-6 model, trained once per mode and configuration and loaded from `models/` afterwards.

    `config` holds `build_cnn` arguments; `data` is a `DataSplits` (loaded when None).
    """
    from helpers.data import load_splits
    from helpers.model import build_cnn

    mode = get_run_mode(mode) if not isinstance(mode, RunMode) else mode
    config = dict(config or {})
    folder = run_directory(config, mode, seed)
    if not retrain:
        cached = load_run(folder)
        if cached is not None:
            return cached
    data = data if data is not None else load_splits()
    x_train, y_train = mode.take(data.x_train, data.y_train, "train")
    x_val, y_val = mode.take(data.x_val, data.y_val, "val")
    seed_everything(seed)
    model = compile_model(build_cnn(**config))
    history, seconds = fit(model, x_train, y_train, x_val, y_val, mode.epochs,
                           folder / "best-cnn-model.keras", verbose=verbose)
    save_run(folder, model, history, seconds)
    return TrainingRun(model, history, seconds, loaded=False, folder=folder)
