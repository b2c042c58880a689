"""A run's key in the run store, and the folder it names: `<model_dir>/<mode>-<builder>-<12 hex>/`.

The key is the recipe (its `auto` precision resolved), the run mode, the seed, and the fingerprints of the arrays the
run trains on and of the architecture the recipe builds: changed data or model code never loads a stale run.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from helpers.fingerprints import architecture_sha256, data_sha256
from helpers.messages import bilingual, input_error
from helpers.recipes import DEFAULT_SEED, MODEL_DIR_VARIABLE, Recipe, RunMode, model_dir, resolve_mode
from helpers.validation import check_labels, check_same_length, check_scaled_images, check_seed

STORE_FORMAT = 1


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


def check_recipe(recipe) -> Recipe:
    """A `Recipe`, or None: lesson 6's."""
    if recipe is None or isinstance(recipe, Recipe):
        return Recipe() if recipe is None else recipe
    korean = "recipe는 helpers.Recipe(...)여야 합니다(기본값은 None: 6장의 레시피)."
    english = "recipe must be a helpers.Recipe(...) (None: lesson 6's recipe)."
    raise input_error(TypeError, korean, english, type(recipe).__name__, ("타입", "type"))


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
    recipe, mode, seed = check_recipe(recipe), resolve_mode(mode), check_seed(seed)
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


def run_directory(recipe: Recipe | None = None, mode=None, seed: int = DEFAULT_SEED, data=None) -> Path:
    """The run store's folder for this recipe, mode, seed and data (loaded when None), created if missing."""
    key, _ = run_key(recipe, mode, data, seed)
    folder = run_folder(key)
    folder.mkdir(exist_ok=True)
    return folder
