"""Run modes and recipes: everything besides the data that decides a trained model (lessons 6 and 10).

A leaf of the package: it imports only messages, validation and precision, never Keras or TensorFlow, so every other
module (training, the run store, the book's models) can import it. A recipe's precision is checked by name here and
resolved (`auto` → float32 or mixed_bfloat16, which may ask TensorFlow for GPUs) only when a model is built or keyed.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass, field
from pathlib import Path

from helpers.messages import input_error
from helpers.precision import build_with_precision, check_precision_name, resolve_precision
from helpers.validation import (
    check_bool,
    check_choice,
    check_dict,
    check_environment_value,
    check_non_negative_int,
    check_positive_int,
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
        check_precision_name(self.precision)  # the name only: `auto` is resolved when a model is built or keyed
        checked = {
            "epochs": None if self.epochs is None else check_positive_int(self.epochs, "epochs"),
            "batch_size": check_positive_int(self.batch_size, "batch_size"),
            "learning_rate": _check_recipe_rate(self.learning_rate),
            "cosine_decay": check_bool(self.cosine_decay, "cosine_decay"),
            "patience": check_non_negative_int(self.patience, "patience"),
        }
        for name, value in checked.items():  # NumPy scalars become plain numbers: the key is JSON
            object.__setattr__(self, name, value)

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
    """A finite number > 0: a recipe names no schedule (`cosine_decay` chooses one), so no Keras is needed to check."""
    is_number = isinstance(rate, numbers.Real) and not isinstance(rate, bool)
    if not (is_number and math.isfinite(rate) and rate > 0):
        raise input_error(
            ValueError if is_number else TypeError,
            "Recipe의 learning_rate는 0보다 큰 유한한 수여야 합니다"
            "(예: 1e-3, 코사인 감쇠는 cosine_decay=True로 켭니다).",
            "A Recipe's learning_rate must be a finite number > 0, such as 1e-3 (cosine decay: cosine_decay=True).",
            repr(rate),
        )
    return float(rate)


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
