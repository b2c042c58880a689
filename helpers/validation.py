"""Every input check of helpers' public functions: fail early, in words a learner can act on.

A check is a table of rules, each a predicate and what it asks for in Korean and in English. `apply_rules` raises the
first rule that fails through `messages.input_error` (what was expected, then what came, Korean first). Rules run in
order, so each may rely on those before it (a dtype before a minimum). NaN and infinity are refused wherever numbers
are read (a `min`/`max` comparison alone lets NaN through). A check that only one module needs is built there, from
these parts.
"""

from __future__ import annotations

import importlib
import math
import operator
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from helpers.messages import bilingual, input_error

NUM_CLASSES = 10

# How an error names what came ("받은 모양: (5, 32, 32)" / "Got shape (5, 32, 32).") and that part's label
DESCRIBE = {
    "value": lambda value: (repr(value), ("값", "")),
    "type": lambda value: (type(value).__name__, ("타입", "type")),
    "shape": lambda array: (str(array.shape), ("모양", "shape")),
    "dtype": lambda array: (str(array.dtype), ("dtype", "dtype")),
    "range": lambda array: (
        f"{array.min():g}~{array.max():g}" if array.dtype.kind == "f" else f"{array.min()}~{array.max()}",
        ("범위", "range"),
    ),
}


class Rule(NamedTuple):
    """What a value must be. The messages are str.format templates: the check's words (`{name}`...), `{got}` (what
    came, as `got` describes it: a key of DESCRIBE or a function like them), `{classes}` and `{last}`."""

    passes: Callable[[Any], Any]
    korean: str
    english: str
    error: type[Exception] = ValueError
    got: str | Callable[[Any], tuple[str, tuple[str, str]]] = "value"


def apply_rules(value, rules, **words):
    """`value` when every rule passes; else the first failing rule's error."""
    for rule in rules:
        if not rule.passes(value):
            got, label = DESCRIBE[rule.got](value) if isinstance(rule.got, str) else rule.got(value)
            words.update(got=got, classes=NUM_CLASSES, last=NUM_CLASSES - 1)
            raise input_error(rule.error, rule.korean.format(**words), rule.english.format(**words), got, label)
    return value


def kind_and_range(is_kind, within, korean: str, english: str) -> tuple[Rule, Rule]:
    """One message, two mistakes: TypeError for the wrong kind of value, ValueError for the right kind out of range."""
    return Rule(is_kind, korean, english, TypeError), Rule(within, korean, english)


@dataclass(frozen=True)
class Check:
    """A check: its rules, what the value becomes once they pass (an int, a Path), the name its messages use unless the
    caller gives one; with `array`, the value is first made a NumPy array (a list or a tf.Tensor may come)."""

    rules: tuple[Rule, ...]
    result: Callable[[Any], Any] = lambda value: value
    name: str | None = None
    array: bool = False

    def __call__(self, value, name: str | None = None):
        name = name or self.name
        return self.result(apply_rules(as_array(value, name) if self.array else value, self.rules, name=name))


def as_array(value, name: str) -> np.ndarray:
    value = apply_rules(value, (ARRAY,), name=name)
    return np.asarray(value.numpy() if hasattr(value, "numpy") else value)


def is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _is_finite(array: np.ndarray) -> bool:
    """min and max propagate NaN and show ±inf, so two reductions find any non-finite value."""
    if not (array.size and np.issubdtype(array.dtype, np.floating)):
        return True
    return math.isfinite(float(array.min())) and math.isfinite(float(array.max()))


def _class(module: str, name: str) -> type:
    """A Keras or TensorFlow class, imported when a check first needs it, not with this module."""
    return operator.attrgetter(name)(importlib.import_module(module))


def _curve_lengths(history: dict) -> dict[str, int]:
    return {key: len(v) if isinstance(v, (list, tuple, np.ndarray)) else -1 for key, v in history.items()}


# fmt: off
# The table: a rule in two or three lines (ruff would give each field a line of its own).
ARRAY = Rule(lambda value: isinstance(value, (np.ndarray, list, tuple)) or hasattr(value, "numpy"),  # or a tf.Tensor
             "{name}은(는) NumPy 배열이어야 합니다.", "{name} must be a NumPy array.", TypeError, "type")
NUMERIC = Rule(lambda a: np.issubdtype(a.dtype, np.integer) or np.issubdtype(a.dtype, np.floating),  # not bool, text
               "{name}은(는) 숫자 배열이어야 합니다.", "{name} must be numeric.", TypeError, "dtype")
FINITE = Rule(_is_finite, "{name}에는 유한한 수만 있어야 합니다(NaN이나 무한대는 안 됩니다).",
              "{name} must hold finite numbers only (no NaN or infinity).",
              got=lambda array: ("NaN" if np.isnan(array).any() else "inf", ("값", "")))
IMAGE_SHAPE = ("{name}은(는) (N, 28, 28) 또는 (N, 28, 28, 1) 모양이어야 합니다.",
               "{name} must have shape (N, 28, 28) or (N, 28, 28, 1).")
IMAGES = (
    Rule(lambda a: a.shape not in ((28, 28), (28, 28, 1)),  # one image: say how to make it a batch
         IMAGE_SHAPE[0] + " 이미지 한 장이라면 x[None]이나 x[0:1]처럼 배치 축을 붙이세요.",
         IMAGE_SHAPE[1] + " For one image use x[0:1].", got="shape"),
    Rule(lambda a: a.ndim in (3, 4) and a.shape[1:3] == (28, 28) and a.shape[3:] in ((), (1,)) and len(a) > 0,
         *IMAGE_SHAPE, got="shape"),
    NUMERIC,
)
SCALED_IMAGES = (
    Rule(lambda a: a.ndim == 4,
         "{name}에 채널 축이 없습니다. (N, 28, 28, 1) 모양이어야 합니다. "
         "helpers.scale_images를 쓰거나 reshape(-1, 28, 28, 1) 하세요.",
         "{name} lacks the channel axis: expected (N, 28, 28, 1); use helpers.scale_images or reshape(-1, 28, 28, 1).",
         got="shape"),
    Rule(lambda a: np.issubdtype(a.dtype, np.floating),
         "{name}은(는) 0~1로 스케일 조정한 실수 배열이어야 합니다(helpers.scale_images 사용).",
         "{name} must be floats scaled to [0, 1] (use helpers.scale_images).", TypeError, "dtype"),
    Rule(lambda a: a.min() >= 0 and a.max() <= 1, "{name}의 값은 0~1이어야 합니다(255로 나누었나요?).",
         "{name} values must lie in [0, 1] (did you divide by 255?).", got="range"),
)
LABELS = (
    Rule(lambda a: not (a.ndim == 2 and a.shape[1] == NUM_CLASSES),
         "{name}이(가) 원-핫 인코딩입니다. 이 책의 손실 함수 sparse_categorical_crossentropy는 정수 레이블 (N,)을 "
         "받습니다: labels.argmax(axis=1)",
         "{name} is one-hot; sparse_categorical_crossentropy expects integer labels (N,): use labels.argmax(axis=1).",
         got="shape"),
    Rule(lambda a: a.ndim == 1 and len(a) > 0, "{name}은(는) (N,) 모양의 1차원 정수 배열이어야 합니다(N ≥ 1).",
         "{name} must be a 1-D integer array of shape (N,), N ≥ 1.", got="shape"),
    Rule(lambda a: np.issubdtype(a.dtype, np.integer), "{name}은(는) 정수 배열이어야 합니다.",
         "{name} must be integers.", TypeError, "dtype"),
    Rule(lambda a: a.min() >= 0 and a.max() < NUM_CLASSES, "{name}의 값은 0~{last}이어야 합니다.",
         "{name} must lie in 0..{last}.", got="range"),
)
SAME_LENGTH = Rule(lambda pair: len(pair[0]) == len(pair[1]),
                   "이미지 수와 레이블 수가 같아야 합니다.", "There must be as many labels as images.",
                   got=lambda pair: (f"{len(pair[0])}, {len(pair[1])}",
                                     ("이미지 수, 레이블 수", "image and label counts")))
CONFUSION_MATRIX = (
    Rule(lambda a: a.shape == (NUM_CLASSES, NUM_CLASSES),
         "{name}은(는) ({classes}, {classes}) 모양의 혼동 행렬이어야 합니다"
         "(행: 실제 클래스, 열: 예측한 클래스).",
         "{name} must be a ({classes}, {classes}) confusion matrix (rows: true, columns: predicted classes).",
         got="shape"),
    NUMERIC,
    FINITE,
    Rule(lambda a: a.min() >= 0, "{name}은(는) 개수를 세는 혼동 행렬이므로 값이 0 이상이어야 합니다.",
         "{name} holds the counts of a confusion matrix, which must be ≥ 0.",
         got=lambda a: (f"{a.min()}", ("최솟값", "minimum"))),
)
POSITIVE_INT = kind_and_range(is_int, lambda v: v >= 1,
                              "{name}은(는) 1 이상의 정수여야 합니다.", "{name} must be an integer ≥ 1.")
NON_NEGATIVE_INT = kind_and_range(is_int, lambda v: v >= 0,
                                  "{name}은(는) 0 이상의 정수여야 합니다.", "{name} must be an integer ≥ 0.")
LEARNING_RATE = kind_and_range(is_number, lambda v: math.isfinite(v) and v > 0,
                               "{name}은(는) 0보다 큰 유한한 수(예: 1e-3)나 Keras 학습률 스케줄이어야 합니다.",
                               "{name} must be a finite number > 0 (such as 1e-3) or a Keras learning-rate schedule.")
TIMEOUT = kind_and_range(is_number, lambda v: not math.isnan(v) and v >= 0,
                         "{name}은(는) 0 이상의 시간(초)이어야 합니다.", "{name} must be a number of seconds ≥ 0.")
VERBOSE = kind_and_range(is_int, lambda v: v in (0, 1, 2),
                         "verbose는 0(출력 없음), 1, 2(에포크마다 한 줄) 중 하나여야 합니다.",
                         "verbose must be 0 (silent), 1 or 2 (a line per epoch).")
BOOL = Rule(lambda v: isinstance(v, (bool, np.bool_)),
            "{name}은(는) True나 False여야 합니다.", "{name} must be True or False.", TypeError)
DICT = Rule(lambda v: isinstance(v, dict), "{name}은(는) 딕셔너리여야 합니다(예: {{'dense_units': 50}}).",
            "{name} must be a dict, such as {{'dense_units': 50}}.", TypeError, "type")
KERAS_MODEL = Rule(lambda model: isinstance(model, _class("keras", "Model")),
                   "{name}은(는) Keras 모델이어야 합니다(예: helpers.build_cnn()).",
                   "{name} must be a Keras model (such as helpers.build_cnn()).", TypeError, "type")
COMPILED = Rule(lambda model: model.compiled,
                "{name}은(는) 컴파일된 모델이어야 합니다. 먼저 helpers.compile_model({name})을 실행하세요.",
                "{name} must be compiled; run helpers.compile_model({name}) first.",
                got=lambda model: (repr(model.name), ("컴파일하지 않은 모델", "uncompiled model")))
CALLBACKS = Rule(lambda items: isinstance(items, (list, tuple))
                 and all(isinstance(item, _class("keras", "callbacks.Callback")) for item in items),
                 "{name}은(는) Keras 콜백의 리스트여야 합니다(예: [keras.callbacks.TerminateOnNaN()]).",
                 "{name} must be a list of Keras callbacks, such as [keras.callbacks.TerminateOnNaN()].", TypeError)
STRATEGY = Rule(lambda strategy: strategy is None or isinstance(strategy, _class("tensorflow", "distribute.Strategy")),
                "strategy는 None이나 tf.distribute 전략이어야 합니다(예: tf.distribute.MirroredStrategy()).",
                "strategy must be None or a tf.distribute strategy, such as tf.distribute.MirroredStrategy().",
                TypeError, "type")
HISTORY = Rule(lambda history: isinstance(history, dict),
               "history는 model.fit()이 돌려준 History나 그 .history 딕셔너리여야 합니다.",
               "history must be the History returned by model.fit() or its .history dict.", TypeError, "type")
CURVES = Rule(lambda history: len(set(_curve_lengths(history).values())) == 1
              and min(_curve_lengths(history).values()) > 0,
              "history의 모든 기록은 에포크마다 값이 하나씩 있는, 길이가 같은(1 이상) 리스트여야 합니다.",
              "Every curve in history must be a list with one value per epoch, all of the same length ≥ 1.",
              got=lambda history: (repr(_curve_lengths(history)), ("길이", "lengths")))
CHECKPOINT_PATH = (
    Rule(lambda path: isinstance(path, (str, os.PathLike)),
         "checkpoint_path는 .keras로 끝나는 파일 경로여야 합니다(예: 'best-cnn-model.keras').",
         "checkpoint_path must be a file path ending in .keras, such as 'best-cnn-model.keras'.", TypeError),
    Rule(lambda path: Path(path).suffix == ".keras", "체크포인트 파일 이름은 .keras로 끝나야 합니다(Keras 3 형식).",
         "A checkpoint file name must end in .keras (the Keras 3 format).",
         got=lambda path: (repr(Path(path).name), ("이름", "name"))),
)
NOT_BLANK = Rule(lambda value: value is None or bool(value.strip()),
                 "환경 변수 {variable}이(가) 비어 있습니다. 값을 넣거나 변수를 지우세요(unset {variable}).",
                 "The environment variable {variable} is blank; give it a value or unset it.")
# fmt: on

# The checks that need nothing but the value
check_labels = Check(LABELS, name="labels", array=True)  # sparse integer labels in 0..9, one per image (not one-hot)
check_confusion_matrix = Check(CONFUSION_MATRIX, name="matrix", array=True)  # counts, (10, 10), finite, ≥ 0
check_positive_int = Check(POSITIVE_INT, int)
check_non_negative_int = Check(NON_NEGATIVE_INT, int)
check_seed = Check(NON_NEGATIVE_INT, int, "seed")  # NumPy, TensorFlow and Python's random all take these, no others
check_timeout = Check(TIMEOUT, float, "lock_timeout")
check_verbose = Check(VERBOSE, int)
check_bool = Check((BOOL,), bool)
check_dict = Check((DICT,))
check_callbacks = Check((CALLBACKS,), list, "extra_callbacks")  # a list or tuple of Keras callbacks
check_strategy = Check((STRATEGY,))  # None: helpers picks one
check_checkpoint_path = Check(CHECKPOINT_PATH, Path)  # for ModelCheckpoint: Keras 3 writes .keras files only


def check_images(images, name: str = "images", dtype: str | None = None) -> np.ndarray:
    """A batch of 28×28 grey images: (N, 28, 28) or (N, 28, 28, 1), N ≥ 1, finite numbers; optionally one dtype."""
    raw = Rule(
        lambda a: dtype is None or a.dtype == np.dtype(dtype),
        "{name}의 dtype은 {dtype}이어야 합니다(아직 스케일 조정하지 않은 원본).",
        "{name} must have dtype {dtype} (raw, not yet scaled).",
        TypeError,
        "dtype",
    )
    return apply_rules(as_array(images, name), (*IMAGES, raw, FINITE), name=name, dtype=dtype)


def check_scaled_images(images, name: str = "images") -> np.ndarray:
    """Model input: finite floats in [0, 1] with the channel axis, (N, 28, 28, 1)."""
    return apply_rules(check_images(images, name), SCALED_IMAGES, name=name)


def check_same_length(images, labels) -> None:
    apply_rules((images, labels), (SAME_LENGTH,))


def check_learning_rate(rate, name: str = "learning_rate"):
    """A finite number > 0, or a Keras learning-rate schedule (which starts from such a number)."""
    if isinstance(rate, _class("keras", "optimizers.schedules.LearningRateSchedule")):
        return rate
    return float(apply_rules(rate, LEARNING_RATE, name=name))


def check_keras_model(model, name: str = "model", compiled: bool = False):
    """A Keras model; with `compiled`, one that has a loss to evaluate (Keras' own error names no fix)."""
    return apply_rules(model, (KERAS_MODEL, COMPILED) if compiled else (KERAS_MODEL,), name=name)


def check_environment_value(variable: str) -> str | None:
    """The variable's value, or None when unset. Set but blank is a mistake (a folder named ' ', a mode '')."""
    return apply_rules(os.environ.get(variable), (NOT_BLANK,), variable=variable)


def check_choice(value, choices, name: str):
    """One of a few names (a builder, a run mode, a language)."""
    rules = kind_and_range(
        lambda v: isinstance(v, str),
        lambda v: v in choices,
        "{name}은(는) {listed} 중 하나여야 합니다.",
        "{name} must be one of {listed}.",
    )
    return apply_rules(value, rules, name=name, listed=", ".join(repr(choice) for choice in choices))


def check_history(history, required: tuple[str, ...] = ("loss",)) -> dict[str, list[float]]:
    """`model.fit`'s History or its dict: every curve the same non-zero length, finite numbers."""
    has_required = Rule(
        lambda h: all(key in h for key in required),
        "history에 {required} 기록이 있어야 합니다.",
        "history must hold {required}.",
        got=lambda h: (repr(sorted(h)), ("키", "keys")),
    )
    history = apply_rules(
        getattr(history, "history", history), (HISTORY, has_required, CURVES), required=", ".join(required)
    )
    curves = {key: np.asarray(items, dtype=np.float64) for key, items in history.items()}
    for key, curve in curves.items():
        apply_rules(curve, (FINITE,), name=f"history[{key!r}]")
    return {key: [float(v) for v in curve] for key, curve in curves.items()}


def check_epoch_seconds(seconds, epochs: int) -> list[float]:
    """One wall-clock time (s ≥ 0) per epoch trained, or None when they were not measured."""
    if seconds is None:
        return []
    rules = kind_and_range(
        lambda s: isinstance(s, (list, tuple, np.ndarray)),
        lambda s: len(s) == epochs and all(is_number(x) and math.isfinite(x) and x >= 0 for x in s),
        "epoch_seconds는 에포크마다 하나씩, 0 이상의 초 {epochs}개로 된 리스트여야 합니다(모르면 None).",
        "epoch_seconds must be a list of {epochs} times in seconds ≥ 0, one per epoch (None if unknown).",
    )
    return [float(s) for s in apply_rules(seconds, rules, epochs=epochs)]


def check_finite_weights(model, what: str) -> None:
    """NaN or infinite weights: training diverged, or a model was damaged; such a model must not be stored."""
    bad = [variable.path for variable in model.weights if not np.isfinite(np.asarray(variable)).all()]
    if bad:
        raise ValueError(
            bilingual(
                f"{what}: 가중치에 NaN이나 무한대가 있습니다({', '.join(bad[:3])}). 훈련이 발산했습니다. "
                "학습률을 낮추고 입력이 0~1로 스케일 조정되었는지 확인하세요. 이 모델은 저장하지 않습니다.",
                f"{what}: weights hold NaN or infinity ({', '.join(bad[:3])}); training diverged. Lower the "
                "learning rate and check that the inputs are scaled to [0, 1]. This model is not stored.",
            )
        )
