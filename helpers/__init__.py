"""The course's pipeline: each function here was first written out in a lesson.

| lesson | functions |
| --- | --- |
| 04 데이터 준비 | `load_fashion_mnist`, `scale_images`, `split_train_val`, `load_splits`, `CLASS_NAMES_KO`, `plots.plot_samples` |
| 05 모델 만들기 | `build_cnn`, `print_summary`, `plots.plot_model_diagram` |
| 06 컴파일과 훈련 | `compile_model`, `make_callbacks`, `train_or_load`, `plots.plot_history` |
| 07 평가와 예측 | `evaluate_model`, `predict_labels`, `confusion`, `plots.plot_prediction`, `plots.plot_confusion` |
| 10 부록: 더 강한 모델 | `build_strong_cnn`, `Recipe` |
"""

import os

# Before TensorFlow is first imported: keeps its C++ log lines (start-up notes, a harmless tf.data
# "NodeDef mentions attribute" error) out of notebook outputs. Python exceptions still raise.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# oneDNN turns itself on only for CPUs with AVX-512 VNNI, and then logs a start-up line no log level hides.
# Off, every CPU takes the same kind of kernels, and the lesson model trained faster on such a CPU (2-core AMD
# EPYC: 2,198 vs 1,823 images/s). Exact numbers still match only on the same CPU type. Set it to 1 to compare.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

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
from helpers.glue import glue
from helpers.evaluation import confusion, evaluate_model, per_class_accuracy, predict_labels, predict_proba
from helpers.model import build_cnn, build_strong_cnn, print_summary, summary_text
from helpers.training import (
    Recipe,
    RunMode,
    compile_model,
    get_run_mode,
    make_callbacks,
    pick_strategy,
    seed_everything,
    train_or_load,
)

__all__ = [
    "CLASS_NAMES_EN",
    "CLASS_NAMES_KO",
    "DataSplits",
    "Recipe",
    "RunMode",
    "build_cnn",
    "build_strong_cnn",
    "class_name",
    "compile_model",
    "confusion",
    "ensure_keras_cache",
    "evaluate_model",
    "get_run_mode",
    "glue",
    "load_fashion_mnist",
    "load_splits",
    "make_callbacks",
    "per_class_accuracy",
    "pick_strategy",
    "predict_labels",
    "print_summary",
    "predict_proba",
    "scale_images",
    "seed_everything",
    "split_train_val",
    "summary_text",
    "train_or_load",
]
