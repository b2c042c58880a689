"""Compiling, callbacks, run modes, seeding and recipes (lesson 6); the run store itself is `helpers.runstore`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from helpers.messages import input_error
from helpers.precision import build_with_precision, resolve_precision
from helpers.validation import (
    check_bool,
    check_checkpoint_path,
    check_choice,
    check_dict,
    check_environment_value,
    check_keras_model,
    check_learning_rate,
    check_non_negative_int,
    check_positive_int,
    check_seed,
)

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
        check_choice(part, ("train", "val"), "part")
        limit = self.train_limit if part == "train" else self.val_limit
        return (images, labels) if limit is None else (images[:limit], labels[:limit])


MODES = {
    "full": RunMode("full", epochs=20),
    "quick": RunMode("quick", epochs=2, train_limit=4000, val_limit=2000, max_epochs=2),
}


def get_run_mode(name: str | None = None) -> RunMode:
    """The mode named, or `$COURSE_MODE`, or `full`. A blank or unknown name is an error, not a silent default."""
    if name is None:
        name = check_environment_value(MODE_VARIABLE) or "full"
        if name not in MODES:
            raise input_error(
                ValueError,
                f"환경 변수 {MODE_VARIABLE}는 {', '.join(MODES)} 중 하나여야 합니다.",
                f"The environment variable {MODE_VARIABLE} must be one of {', '.join(MODES)}.",
                repr(name),
            )
    return MODES[check_choice(name, tuple(MODES), "mode")]


def resolve_mode(mode) -> RunMode:
    """A `RunMode` as given, or the mode a name (or None: `$COURSE_MODE`) stands for."""
    return mode if isinstance(mode, RunMode) else get_run_mode(mode)


def seed_everything(seed: int = DEFAULT_SEED) -> None:
    """Python, NumPy and TensorFlow seeds plus deterministic TF ops: the same seed gives the same history."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(check_seed(seed))
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

    check_keras_model(model)
    learning_rate = check_learning_rate(learning_rate)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


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
    patience = check_non_negative_int(patience, "patience")
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
    value = check_environment_value(MODEL_DIR_VARIABLE)
    return Path(value).expanduser() if value else project_root() / "models"


BUILDERS = {"cnn": "build_cnn", "strong": "build_strong_cnn"}


@dataclass(frozen=True)
class Recipe:
    """Everything besides the data and the run mode that decides a trained model; part of its key in the run store.

    Every field is checked when the recipe is made, before any data loads."""

    builder: str = "cnn"  # "cnn": the lessons' model (build_cnn); "strong": lesson 10's (build_strong_cnn)
    model: dict = field(default_factory=dict)  # the builder's arguments
    epochs: int | None = None  # None: the run mode's epochs; a mode's max_epochs caps it (quick stays quick)
    batch_size: int = 32
    learning_rate: float = 1e-3
    cosine_decay: bool = False  # lower the learning rate along a cosine to 0 over the planned epochs
    patience: int = PATIENCE
    precision: str = "float32"  # or "mixed_bfloat16", or "auto": bfloat16 where the CPU computes in it (lesson 10)

    def __post_init__(self):
        check_choice(self.builder, tuple(BUILDERS), "builder")
        check_dict(self.model, "model")
        checked = {
            "epochs": None if self.epochs is None else check_positive_int(self.epochs, "epochs"),
            "batch_size": check_positive_int(self.batch_size, "batch_size"),
            "learning_rate": _check_recipe_rate(self.learning_rate),
            "cosine_decay": check_bool(self.cosine_decay, "cosine_decay"),
            "patience": check_non_negative_int(self.patience, "patience"),
        }
        for name, value in checked.items():  # NumPy scalars become plain numbers: the key is JSON
            object.__setattr__(self, name, value)
        resolve_precision(self.precision)  # an unknown name fails here, not after loading the data

    def build(self):
        from helpers import model

        return build_with_precision(lambda: getattr(model, BUILDERS[self.builder])(**self.model), self.precision)

    def key(self) -> dict:
        """The recipe as part of a run's key, with `auto` replaced by the precision this machine gets."""
        return {**asdict(self), "precision": resolve_precision(self.precision)}

    def epochs_for(self, mode: RunMode) -> int:
        epochs = mode.epochs if self.epochs is None else self.epochs
        return epochs if mode.max_epochs is None else min(epochs, mode.max_epochs)


def _check_recipe_rate(rate) -> float:
    """A recipe's rate is a number (a schedule is chosen with `cosine_decay`)."""
    checked = check_learning_rate(rate)
    if not isinstance(checked, float):
        raise input_error(
            TypeError,
            "Recipe의 learning_rate는 숫자여야 합니다(코사인 감쇠는 cosine_decay=True로 켭니다).",
            "A Recipe's learning_rate must be a number (turn on cosine decay with cosine_decay=True).",
            type(rate).__name__,
            ("타입", "type"),
        )
    return checked


# The two models the book trains and ships (helpers/book_models.py), by the names its execution record uses.
BOOK_RECIPES = {
    "cnn": Recipe(),
    "strong": Recipe(
        builder="strong",
        epochs=28,
        batch_size=128,
        learning_rate=3e-3,
        cosine_decay=True,
        patience=28,  # no early stop: the schedule runs to its end, then the best epoch's weights are kept
        precision="auto",
    ),
}
STRONG_RECIPE = BOOK_RECIPES["strong"]


def run_directory(recipe: Recipe | None = None, mode=None, seed: int = DEFAULT_SEED, data=None) -> Path:
    """The run store's folder for this recipe, mode, seed and data (loaded when None), created if missing."""
    from helpers import runstore

    key, _ = runstore.run_key(recipe, mode, data, seed)
    folder = runstore.run_folder(key)
    folder.mkdir(exist_ok=True)
    return folder


# The store's public names, also importable from here (lesson code and helpers.book_models use this module).
from helpers.runstore import TrainingRun, find_run, save_trained, train_or_load  # noqa: E402

__all__ = [
    "BOOK_RECIPES",
    "DEFAULT_SEED",
    "MODES",
    "PATIENCE",
    "STRONG_RECIPE",
    "Recipe",
    "RunMode",
    "TrainingRun",
    "compile_model",
    "find_run",
    "get_run_mode",
    "make_callbacks",
    "model_dir",
    "pick_strategy",
    "resolve_mode",
    "run_directory",
    "save_trained",
    "seed_everything",
    "train_or_load",
]
