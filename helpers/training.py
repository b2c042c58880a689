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
from helpers.precision import build_with_precision, resolve_precision
from helpers.validation import check_labels, check_same_length, check_scaled_images

MODE_VARIABLE = "COURSE_MODE"
MODEL_DIR_VARIABLE = "COURSE_MODEL_DIR"
DEFAULT_SEED = 42
PATIENCE = 2


@dataclass(frozen=True)
class RunMode:
    """How much training a run does. `full` is what learners and the book get; `quick` keeps CI to seconds."""

    name: str
    epochs: int  # when a recipe names none
    train_limit: int | None = None  # None: all 48,000 training images
    val_limit: int | None = None
    max_epochs: int | None = None  # a cap on any recipe's epochs (quick stays quick); None: no cap

    def take(self, images, labels, part: str = "train"):
        """The first `train_limit`/`val_limit` examples (all of them in full mode); shapes stay (n, 28, 28, 1)."""
        if part not in ("train", "val"):
            raise ValueError(
                bilingual(
                    f"part 는 'train' 또는 'val' 이어야 합니다. 받은 값: {part!r}",
                    f"part must be 'train' or 'val', got {part!r}.",
                )
            )
        limit = self.train_limit if part == "train" else self.val_limit
        return (images, labels) if limit is None else (images[:limit], labels[:limit])


MODES = {
    "full": RunMode("full", epochs=20),
    "quick": RunMode("quick", epochs=2, train_limit=4000, val_limit=2000, max_epochs=2),
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


def pick_strategy():
    """`MirroredStrategy` over all GPUs when there are several (one model copy per GPU, gradients summed),
    otherwise TensorFlow's default strategy (one device: CPU, a single GPU, or what Colab gives)."""
    import tensorflow as tf

    gpus = tf.config.list_logical_devices("GPU")
    return tf.distribute.MirroredStrategy() if len(gpus) > 1 else tf.distribute.get_strategy()


def compile_model(model, learning_rate=1e-3):
    """Adam + sparse categorical cross-entropy (integer labels) + accuracy, as in lesson 6.

    `learning_rate` is a number or a Keras learning-rate schedule."""
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


def _atomic_checkpoint_class():
    import keras

    class AtomicModelCheckpoint(keras.callbacks.ModelCheckpoint):
        """ModelCheckpoint that writes beside the target and then renames it: a crash mid-save never leaves a
        half-written best model (a rename within one folder is atomic)."""

        def __init__(self, filepath, **kwargs):
            self.final_path = Path(filepath)
            super().__init__(str(self.final_path.with_name(self.final_path.stem + ".partial.keras")), **kwargs)

        def on_epoch_end(self, epoch, logs=None):
            super().on_epoch_end(epoch, logs)
            partial = Path(self.filepath)
            if partial.exists():
                partial.replace(self.final_path)

    return AtomicModelCheckpoint


def make_callbacks(checkpoint_path, patience: int = PATIENCE) -> list:
    """Keep the best model on disk and stop once validation loss has not improved for `patience` epochs."""
    import keras

    checkpoint_path = check_checkpoint_path(checkpoint_path)
    return [
        _atomic_checkpoint_class()(checkpoint_path, save_best_only=True),
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


@dataclass(frozen=True)
class Recipe:
    """Everything besides the data and the run mode that decides a trained model; part of its cache key."""

    builder: str = "cnn"  # "cnn": the lessons' model (build_cnn); "strong": the appendix's (build_strong_cnn)
    model: dict = field(default_factory=dict)  # the builder's arguments
    epochs: int | None = None  # None: the run mode's epochs; a mode's max_epochs caps it (quick stays quick)
    batch_size: int = 32
    learning_rate: float = 1e-3
    cosine_decay: bool = False  # lower the learning rate along a cosine to 0 over the planned epochs
    patience: int = PATIENCE
    precision: str = "float32"  # or "mixed_bfloat16", or "auto": bfloat16 where the CPU computes in it (lesson 10)

    def __post_init__(self):
        if self.builder not in BUILDERS:
            raise ValueError(
                bilingual(
                    f"알 수 없는 모델 이름입니다: {self.builder!r} ({', '.join(BUILDERS)} 중 하나)",
                    f"Unknown builder {self.builder!r}; use one of {', '.join(BUILDERS)}.",
                )
            )
        resolve_precision(self.precision)  # an unknown name fails here, not after loading the data

    def build(self):
        from helpers import model

        return build_with_precision(lambda: getattr(model, BUILDERS[self.builder])(**self.model), self.precision)

    def key(self) -> dict:
        """The recipe as its cache key, with `auto` replaced by the precision this machine gets."""
        return {**asdict(self), "precision": resolve_precision(self.precision)}

    def epochs_for(self, mode: RunMode) -> int:
        epochs = mode.epochs if self.epochs is None else self.epochs
        return epochs if mode.max_epochs is None else min(epochs, mode.max_epochs)


BUILDERS = {"cnn": "build_cnn", "strong": "build_strong_cnn"}


def run_directory(recipe: Recipe | None = None, mode: RunMode | None = None, seed: int = DEFAULT_SEED) -> Path:
    """A folder per mode and recipe, so a changed model or setting never loads a stale one."""
    mode = mode or get_run_mode()
    recipe = recipe or Recipe()
    key = json.dumps({"recipe": recipe.key(), "mode": asdict(mode), "seed": seed}, sort_keys=True)
    folder = model_dir() / f"{mode.name}-{recipe.builder}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
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


def fit(
    model,
    x_train,
    y_train,
    x_val,
    y_val,
    epochs: int,
    checkpoint_path,
    verbose: int = 2,
    backup_dir=None,
    extra_callbacks=(),
    batch_size: int = 32,
    patience: int = PATIENCE,
):
    """`model.fit` with the lesson's callbacks; returns the history dict and the seconds it took.

    With `backup_dir`, `BackupAndRestore` saves the training state every epoch, so an interrupted run
    resumes at the epoch it reached instead of starting over.
    """
    import keras

    x_train = check_scaled_images(x_train, "x_train")
    y_train = check_labels(y_train, "y_train")
    check_same_length(x_train, y_train)
    x_val = check_scaled_images(x_val, "x_val")
    y_val = check_labels(y_val, "y_val")
    check_same_length(x_val, y_val)
    callbacks = make_callbacks(checkpoint_path, patience=patience)
    if backup_dir is not None:
        callbacks.insert(0, keras.callbacks.BackupAndRestore(str(backup_dir), double_checkpoint=True))
    start = time.perf_counter()
    history = model.fit(
        x_train,
        y_train,
        epochs=epochs,
        batch_size=batch_size,
        validation_data=(x_val, y_val),
        callbacks=[*callbacks, *extra_callbacks],
        verbose=verbose,
    )
    return history.history, time.perf_counter() - start


def train_or_load(
    recipe: Recipe | None = None,
    mode: RunMode | str | None = None,
    data=None,
    seed: int = DEFAULT_SEED,
    verbose: int = 2,
    retrain: bool = False,
    extra_callbacks=(),
    strategy=None,
) -> TrainingRun:
    """The model a `Recipe` describes (default: lesson 6's), trained once per mode and recipe and loaded
    from `models/` afterwards, also in a fresh kernel.

    `data` is a `DataSplits` (loaded when None); `strategy` a `tf.distribute` strategy (default:
    `pick_strategy()`). An interrupted training resumes where it stopped (then `history` holds only the
    epochs run after the resume).
    """
    import math

    from helpers.data import load_splits

    mode = get_run_mode(mode) if not isinstance(mode, RunMode) else mode
    recipe = recipe or Recipe()
    folder = run_directory(recipe, mode, seed)
    if not retrain:
        cached = load_run(folder)
        if cached is not None:
            return cached
    data = data if data is not None else load_splits()
    x_train, y_train = mode.take(data.x_train, data.y_train, "train")
    x_val, y_val = mode.take(data.x_val, data.y_val, "val")
    epochs = recipe.epochs_for(mode)
    learning_rate = recipe.learning_rate
    if recipe.cosine_decay:
        import keras

        steps = math.ceil(len(x_train) / recipe.batch_size) * epochs
        learning_rate = keras.optimizers.schedules.CosineDecay(recipe.learning_rate, decay_steps=steps)
    seed_everything(seed)
    with (strategy or pick_strategy()).scope():  # variables live where the strategy places them
        model = compile_model(recipe.build(), learning_rate=learning_rate)
    history, seconds = fit(
        model,
        x_train,
        y_train,
        x_val,
        y_val,
        epochs,
        folder / "best-model.keras",
        verbose=verbose,
        backup_dir=folder / "backup",
        extra_callbacks=extra_callbacks,
        batch_size=recipe.batch_size,
        patience=recipe.patience,
    )
    save_run(folder, model, history, seconds)
    return TrainingRun(model, history, seconds, loaded=False, folder=folder)
