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
| 09 흔한 실수와 오류 메시지 | `show_error` (오류를 보여 주고 다음 셀로) |
| 10 더 강한 모델 | `build_strong_cnn`, `Recipe`, `STRONG_RECIPE`, `train_or_load`, `book_model`, `resolve_precision` |

The run store behind `train_or_load`, `save_trained` and `find_run` is `helpers.runstore`; the book's shipped models
are `helpers.book_models`.
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
from helpers import plots
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
from helpers.precision import resolve_precision
from helpers.timing import EpochTimer, machine_name
from helpers.training import (
    BOOK_RECIPES,
    STRONG_RECIPE,
    Recipe,
    RunMode,
    TrainingRun,
    compile_model,
    find_run,
    get_run_mode,
    make_callbacks,
    pick_strategy,
    save_trained,
    seed_everything,
    train_or_load,
)

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
    "Recipe",
    "RunMode",
    "TrainingRun",
    "book_model",
    "build_cnn",
    "build_strong_cnn",
    "class_name",
    "compile_model",
    "confusion",
    "ensure_keras_cache",
    "evaluate_model",
    "find_run",
    "get_run_mode",
    "lesson_model",
    "load_fashion_mnist",
    "load_splits",
    "machine_name",
    "make_callbacks",
    "per_class_accuracy",
    "pick_strategy",
    "plots",
    "predict_labels",
    "predict_proba",
    "resolve_precision",
    "save_trained",
    "scale_images",
    "seed_everything",
    "show_error",
    "split_train_val",
    "train_or_load",
]
