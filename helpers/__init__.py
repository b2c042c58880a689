"""The course's pipeline: each function here was first written out in a lesson.

| lesson | functions |
| --- | --- |
| 04 데이터 준비 | `load_fashion_mnist`, `scale_images`, `split_train_val`, `load_splits`, `CLASS_NAMES_KO`, |
|  | `plots.plot_samples` |
| 05 모델 만들기 | `build_cnn`, `plots.plot_model_diagram` |
| 06 컴파일과 훈련 | `seed_everything`, `compile_model`, `make_callbacks`, `EpochTimer`, `machine_name`, |
|  | `save_trained`, `plots.plot_history` |
| 07 평가와 예측 | `lesson_model`, `evaluate_model`, `predict_labels`, `confusion`, `per_class_accuracy`, |
|  | `plots.plot_prediction`, `plots.plot_confusion`, `plots.plot_mistakes` |
| 09 흔한 실수와 오류 메시지 | `show_error` (an error shown on purpose; Run all goes on) |
| 10 더 강한 모델 | `build_strong_cnn`, `Recipe`, `STRONG_RECIPE`, `train_or_load`, `book_model`, `resolve_precision` |
| 11 모델은 어디를 볼까 | `inside.grad_cam`, `inside.saliency`, `inside.occlusion`, `prepare_own_image`, |
|  | `plot_own_image_steps` |
| 1-6, 10 (concept figures) | `concepts` (a filter's step and animation, padding and stride, channels, pooling, ...) |

Each module has one job; imports run one way, from the leaves at the bottom of this table to the modules above them
(tests/unit/test_imports.py imports each one first, alone):

| module | job |
| --- | --- |
| `book_models` | the book's shipped models, and lesson 6's model for lessons 7, 8 and 10 |
| `runstore` | `train_or_load`, `find_run`, `save_trained`, `TrainingRun`: a folder per trained model, verified |
| `resumable`, `backups` | one epoch per `fit` call: a resumed run ends bit for bit as an uninterrupted one; backups |
| `runkey`, `runlock`, `runfiles` | a run's key and folder; one process per run (filelock); reading files back, damage |
| `record` | which of the book's models a notebook used, for its execution record (`make execute`) |
| `training` | `seed_everything`, `pick_strategy`, `compile_model`, `make_callbacks` |
| `data`, `model`, `evaluation`, `plots`, `timing` | the lessons' pipeline |
| `concepts`, `inside`, `own_image` | concept figures; where the model looks; your own image (one spec with the web) |
| `demo_errors`, `quick_mode` | errors shown on purpose; CI's quick mode (only under `COURSE_MODE=quick`) |
| `files` | every file helpers writes: atomic (temporary name, fsync, rename), a full disk said clearly |
| `recipes` | `RunMode`, `Recipe`, `BOOK_RECIPES`, the seed, `model_dir`: no Keras, no TensorFlow |
| `messages`, `validation`, `precision`, `fingerprints` | bilingual errors, input checks, number formats, SHA-256 |
"""

import os

# Before TensorFlow is first imported: keeps its C++ log lines (start-up notes, a harmless tf.data
# "NodeDef mentions attribute" error) out of notebook outputs. Python exceptions still raise.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# oneDNN: TensorFlow's fast CPU kernels, and the only ones that compute in bfloat16 (lesson 10). TensorFlow turns
# them on by itself only on some CPUs; on for every CPU, the choice does not depend on the machine.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")

from helpers._quiet import import_tensorflow_quietly

import_tensorflow_quietly()

# plots registers the Korean font on import: every lesson's figures can draw Hangul after `import helpers`
from helpers import concepts, inside, plots
from helpers.book_models import book_model, lesson_model
from helpers.data import (
    CLASS_NAMES_EN,
    CLASS_NAMES_KO,
    DataSplits,
    class_name,
    ensure_keras_cache,
    load_fashion_mnist,
    load_splits,
    scale_images,
    split_train_val,
)
from helpers.demo_errors import show_error
from helpers.evaluation import confusion, evaluate_model, per_class_accuracy, predict_labels, predict_proba
from helpers.model import build_cnn, build_strong_cnn
from helpers.own_image import OwnImageError, plot_own_image_steps, prepare_own_image
from helpers.precision import resolve_precision
from helpers.recipes import BOOK_RECIPES, STRONG_RECIPE, Recipe, RunMode, get_run_mode
from helpers.runstore import TrainingRun, find_run, save_trained, train_or_load
from helpers.timing import EpochTimer, machine_name
from helpers.training import compile_model, make_callbacks, pick_strategy, seed_everything

if os.environ.get("COURSE_MODE", "").strip() == "quick":  # the tests' quick runs; learners never set it
    from helpers import quick_mode

    quick_mode.install(get_run_mode("quick"))

__all__ = [
    "BOOK_RECIPES",
    "CLASS_NAMES_EN",
    "CLASS_NAMES_KO",
    "STRONG_RECIPE",
    "DataSplits",
    "EpochTimer",
    "OwnImageError",
    "Recipe",
    "RunMode",
    "TrainingRun",
    "book_model",
    "build_cnn",
    "build_strong_cnn",
    "class_name",
    "compile_model",
    "concepts",
    "confusion",
    "ensure_keras_cache",
    "evaluate_model",
    "find_run",
    "get_run_mode",
    "inside",
    "lesson_model",
    "load_fashion_mnist",
    "load_splits",
    "machine_name",
    "make_callbacks",
    "per_class_accuracy",
    "pick_strategy",
    "plot_own_image_steps",
    "plots",
    "predict_labels",
    "predict_proba",
    "prepare_own_image",
    "resolve_precision",
    "save_trained",
    "scale_images",
    "seed_everything",
    "show_error",
    "split_train_val",
    "train_or_load",
]
