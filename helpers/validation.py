"""Every input check of helpers' public functions: fail early, in words a learner can act on.

Each check raises `ValueError` or `TypeError` built by `messages.input_error`: what was expected, then what came,
Korean first. NaN and infinity are refused wherever numbers are read (a `min`/`max` comparison alone lets NaN through).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

from helpers.messages import bilingual, input_error

IMAGE_SIDE = 28
NUM_CLASSES = 10


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _check_numeric(array: np.ndarray, name: str) -> None:
    """Integers or floats: not strings, objects or booleans."""
    if not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
        raise input_error(
            TypeError,
            f"{name}은(는) 숫자 배열이어야 합니다.",
            f"{name} must be numeric.",
            str(array.dtype),
            ("dtype", "dtype"),
        )


def _as_array(value, name: str) -> np.ndarray:
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "numpy"):  # a tf.Tensor
        return np.asarray(value.numpy())
    if isinstance(value, (list, tuple)):
        return np.asarray(value)
    raise input_error(
        TypeError,
        f"{name}은(는) NumPy 배열이어야 합니다.",
        f"{name} must be a NumPy array.",
        type(value).__name__,
        ("타입", "type"),
    )


def _check_finite(values: np.ndarray, name: str) -> None:
    """min and max propagate NaN and show ±inf, so two reductions find any non-finite value."""
    if values.size and np.issubdtype(values.dtype, np.floating):
        low, high = float(values.min()), float(values.max())
        if not (math.isfinite(low) and math.isfinite(high)):
            bad = "NaN" if math.isnan(low) or math.isnan(high) else "inf"
            raise input_error(
                ValueError,
                f"{name}에는 유한한 수만 있어야 합니다(NaN이나 무한대는 안 됩니다).",
                f"{name} must hold finite numbers only (no NaN or infinity).",
                bad,
            )


def check_images(images, name: str = "images", dtype: str | None = None) -> np.ndarray:
    """A batch of 28×28 grey images: (N, 28, 28) or (N, 28, 28, 1), N ≥ 1, finite numbers; optionally one dtype."""
    images = _as_array(images, name)
    shape_ok = (
        images.ndim in (3, 4)
        and images.shape[1:3] == (IMAGE_SIDE, IMAGE_SIDE)
        and (images.ndim == 3 or images.shape[3] == 1)
        and images.shape[0] > 0
    )
    if not shape_ok:
        hint_ko = hint_en = ""
        if images.shape in ((IMAGE_SIDE, IMAGE_SIDE), (IMAGE_SIDE, IMAGE_SIDE, 1)):
            hint_ko = " 이미지 한 장이라면 x[None]이나 x[0:1]처럼 배치 축을 붙이세요."
            hint_en = " For one image use x[0:1]."
        raise input_error(
            ValueError,
            f"{name}은(는) (N, 28, 28) 또는 (N, 28, 28, 1) 모양이어야 합니다.{hint_ko}",
            f"{name} must have shape (N, 28, 28) or (N, 28, 28, 1).{hint_en}",
            str(images.shape),
            ("모양", "shape"),
        )
    _check_numeric(images, name)
    if dtype is not None and images.dtype != np.dtype(dtype):
        raise input_error(
            TypeError,
            f"{name}의 dtype은 {dtype}이어야 합니다(아직 스케일 조정하지 않은 원본).",
            f"{name} must have dtype {dtype} (raw, not yet scaled).",
            str(images.dtype),
            ("dtype", "dtype"),
        )
    _check_finite(images, name)
    return images


def check_scaled_images(images, name: str = "images") -> np.ndarray:
    """Model input: finite floats in [0, 1] with the channel axis, (N, 28, 28, 1)."""
    images = check_images(images, name)
    if images.ndim != 4:
        raise input_error(
            ValueError,
            f"{name}에 채널 축이 없습니다. (N, 28, 28, 1) 모양이어야 합니다. "
            "helpers.scale_images를 쓰거나 reshape(-1, 28, 28, 1) 하세요.",
            f"{name} lacks the channel axis: expected (N, 28, 28, 1); use helpers.scale_images or "
            "reshape(-1, 28, 28, 1).",
            str(images.shape),
            ("모양", "shape"),
        )
    if not np.issubdtype(images.dtype, np.floating):
        raise input_error(
            TypeError,
            f"{name}은(는) 0~1로 스케일 조정한 실수 배열이어야 합니다(helpers.scale_images 사용).",
            f"{name} must be floats scaled to [0, 1] (use helpers.scale_images).",
            str(images.dtype),
            ("dtype", "dtype"),
        )
    low, high = float(images.min()), float(images.max())
    if low < 0.0 or high > 1.0:
        raise input_error(
            ValueError,
            f"{name}의 값은 0~1이어야 합니다(255로 나누었나요?).",
            f"{name} values must lie in [0, 1] (did you divide by 255?).",
            f"{low:g}~{high:g}",
            ("범위", "range"),
        )
    return images


def check_labels(labels, name: str = "labels", num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Sparse integer labels, one per image, in 0..num_classes-1 (not one-hot)."""
    labels = _as_array(labels, name)
    if labels.ndim == 2 and labels.shape[1] == num_classes:
        raise input_error(
            ValueError,
            f"{name}이(가) 원-핫 인코딩입니다. 이 책의 손실 함수 sparse_categorical_crossentropy는 정수 레이블 (N,)을 "
            "받습니다: labels.argmax(axis=1)",
            f"{name} is one-hot; sparse_categorical_crossentropy expects integer labels (N,): "
            "use labels.argmax(axis=1).",
            str(labels.shape),
            ("모양", "shape"),
        )
    if labels.ndim != 1 or labels.shape[0] == 0:
        raise input_error(
            ValueError,
            f"{name}은(는) (N,) 모양의 1차원 정수 배열이어야 합니다(N ≥ 1).",
            f"{name} must be a 1-D integer array of shape (N,), N ≥ 1.",
            str(labels.shape),
            ("모양", "shape"),
        )
    if not np.issubdtype(labels.dtype, np.integer):
        raise input_error(
            TypeError,
            f"{name}은(는) 정수 배열이어야 합니다.",
            f"{name} must be integers.",
            str(labels.dtype),
            ("dtype", "dtype"),
        )
    low, high = int(labels.min()), int(labels.max())
    if low < 0 or high >= num_classes:
        raise input_error(
            ValueError,
            f"{name}의 값은 0~{num_classes - 1}이어야 합니다.",
            f"{name} must lie in 0..{num_classes - 1}.",
            f"{low}~{high}",
            ("범위", "range"),
        )
    return labels


def check_same_length(images, labels) -> None:
    if len(images) != len(labels):
        raise input_error(
            ValueError,
            "이미지 수와 레이블 수가 같아야 합니다.",
            "There must be as many labels as images.",
            f"{len(images)}, {len(labels)}",
            ("이미지 수, 레이블 수", "image and label counts"),
        )


def check_probabilities(probabilities, name: str = "probabilities", num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Softmax output: (N, num_classes), each row a distribution."""
    probabilities = _as_array(probabilities, name)
    if probabilities.ndim != 2 or probabilities.shape[1] != num_classes:
        raise input_error(
            ValueError,
            f"{name}은(는) (N, {num_classes}) 모양이어야 합니다.",
            f"{name} must have shape (N, {num_classes}).",
            str(probabilities.shape),
            ("모양", "shape"),
        )
    _check_finite(probabilities.astype(np.float64, copy=False), name)
    sums = probabilities.sum(axis=1)
    if not np.allclose(sums, 1.0, atol=1e-3) or probabilities.min() < 0:
        raise input_error(
            ValueError,
            f"{name}의 각 행은 합이 1인 확률이어야 합니다(softmax 출력).",
            f"Each row of {name} must be a probability distribution summing to 1 (softmax output).",
            f"{float(probabilities.min()):g}, {float(sums.min()):g}~{float(sums.max()):g}",
            ("최솟값, 행의 합", "minimum, row sums"),
        )
    return probabilities


def _check_number(value, name: str, is_kind, within, korean: str, english: str):
    """`value` if it is of the right kind (`is_kind`) and range (`within`); else TypeError or ValueError naming both."""
    if not is_kind(value) or not within(value):
        raise input_error(
            ValueError if is_kind(value) else TypeError,
            f"{name}은(는) {korean}",
            f"{name} must be {english}",
            repr(value),
        )
    return value


def check_positive_int(value, name: str) -> int:
    return int(_check_number(value, name, _is_int, lambda v: v >= 1, "1 이상의 정수여야 합니다.", "an integer ≥ 1."))


def check_non_negative_int(value, name: str) -> int:
    return int(_check_number(value, name, _is_int, lambda v: v >= 0, "0 이상의 정수여야 합니다.", "an integer ≥ 0."))


def check_seed(seed) -> int:
    """A seed is a non-negative int: NumPy, TensorFlow and Python's random all accept those and nothing else."""
    return check_non_negative_int(seed, "seed")


def check_learning_rate(rate, name: str = "learning_rate"):
    """A finite number > 0, or a Keras learning-rate schedule (which starts from such a number)."""
    import keras

    if isinstance(rate, keras.optimizers.schedules.LearningRateSchedule):
        return rate
    return float(
        _check_number(
            rate,
            name,
            _is_number,
            lambda v: math.isfinite(v) and v > 0,
            "0보다 큰 유한한 수(예: 1e-3)나 Keras 학습률 스케줄이어야 합니다.",
            "a finite number > 0 (such as 1e-3) or a Keras learning-rate schedule.",
        )
    )


def check_fraction(value, name: str) -> float:
    """A share strictly between 0 and 1, such as the validation fraction 0.2."""
    korean, english = (
        "0보다 크고 1보다 작은 비율이어야 합니다(예: 0.2).",
        "a fraction between 0 and 1 (exclusive), such as 0.2.",
    )
    return float(_check_number(value, name, _is_number, lambda v: 0.0 < v < 1.0, korean, english))


def check_rate(value, name: str = "dropout") -> float:
    """A dropout rate in [0, 1): 1 would drop everything."""
    korean, english = "0 이상 1 미만의 비율이어야 합니다(예: 0.4).", "a rate in [0, 1) such as 0.4."
    return float(_check_number(value, name, _is_number, lambda v: 0.0 <= v < 1.0, korean, english))


def check_bool(value, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise input_error(
            TypeError, f"{name}은(는) True나 False여야 합니다.", f"{name} must be True or False.", repr(value)
        )
    return bool(value)


def check_choice(value, choices, name: str):
    """One of a few names (a builder, a run mode, a language)."""
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(choice) for choice in choices)
        raise input_error(
            ValueError if isinstance(value, str) else TypeError,
            f"{name}은(는) {listed} 중 하나여야 합니다.",
            f"{name} must be one of {listed}.",
            repr(value),
        )
    return value


def check_dict(value, name: str) -> dict:
    if not isinstance(value, dict):
        raise input_error(
            TypeError,
            f"{name}은(는) 딕셔너리여야 합니다(예: {{'dense_units': 50}}).",
            f"{name} must be a dict, such as {{'dense_units': 50}}.",
            type(value).__name__,
            ("타입", "type"),
        )
    return value


def check_int_tuple(value, name: str, length: int | None = None) -> tuple[int, ...]:
    """A non-empty tuple (or list) of positive ints, of `length` items when given: filters, input_shape."""
    items = tuple(value) if isinstance(value, (list, tuple)) else None
    if not items or (length is not None and len(items) != length) or not all(_is_int(i) and i > 0 for i in items):
        korean = f"양의 정수 {length}개로 된 튜플" if length else "양의 정수로 된, 비어 있지 않은 튜플"
        english = f"a tuple of {length} positive integers" if length else "a non-empty tuple of positive integers"
        example = "(28, 28, 1)" if length == 3 else "(32, 64)"
        raise input_error(
            ValueError if isinstance(value, (list, tuple)) else TypeError,
            f"{name}은(는) {korean}이어야 합니다(예: {example}).",
            f"{name} must be {english}, such as {example}.",
            repr(value),
        )
    return tuple(int(i) for i in items)


def check_keras_model(model, name: str = "model", compiled: bool = False):
    """A Keras model; with `compiled`, one that has a loss to evaluate (Keras' own error names no fix)."""
    import keras

    if not isinstance(model, keras.Model):
        raise input_error(
            TypeError,
            f"{name}은(는) Keras 모델이어야 합니다(예: helpers.build_cnn()).",
            f"{name} must be a Keras model (such as helpers.build_cnn()).",
            type(model).__name__,
            ("타입", "type"),
        )
    if compiled and not model.compiled:
        raise input_error(
            ValueError,
            f"{name}은(는) 컴파일된 모델이어야 합니다. 먼저 helpers.compile_model({name})을 실행하세요.",
            f"{name} must be compiled; run helpers.compile_model({name}) first.",
            repr(model.name),
            ("컴파일하지 않은 모델", "uncompiled model"),
        )
    return model


def check_callbacks(callbacks, name: str = "extra_callbacks") -> list:
    """A list (or tuple) of Keras callbacks."""
    import keras

    items = list(callbacks) if isinstance(callbacks, (list, tuple)) else None
    if items is None or not all(isinstance(item, keras.callbacks.Callback) for item in items):
        raise input_error(
            TypeError,
            f"{name}은(는) Keras 콜백의 리스트여야 합니다(예: [keras.callbacks.TerminateOnNaN()]).",
            f"{name} must be a list of Keras callbacks, such as [keras.callbacks.TerminateOnNaN()].",
            repr(callbacks),
        )
    return items


def check_strategy(strategy):
    """None (helpers picks one) or a `tf.distribute` strategy."""
    import tensorflow as tf

    if strategy is not None and not isinstance(strategy, tf.distribute.Strategy):
        raise input_error(
            TypeError,
            "strategy는 None이나 tf.distribute 전략이어야 합니다(예: tf.distribute.MirroredStrategy()).",
            "strategy must be None or a tf.distribute strategy, such as tf.distribute.MirroredStrategy().",
            type(strategy).__name__,
            ("타입", "type"),
        )
    return strategy


def check_class_index(label) -> int:
    if not _is_int(label) or not 0 <= label < NUM_CLASSES:
        raise input_error(
            ValueError if _is_int(label) else TypeError,
            f"클래스 번호는 0~{NUM_CLASSES - 1}의 정수여야 합니다.",
            f"A class index must be an integer in 0..{NUM_CLASSES - 1}.",
            repr(label),
        )
    return int(label)


def check_confusion_matrix(matrix, name: str = "matrix") -> np.ndarray:
    """Counts of a 10-class confusion matrix: (10, 10), finite and non-negative."""
    matrix = _as_array(matrix, name)
    if matrix.shape != (NUM_CLASSES, NUM_CLASSES):
        raise input_error(
            ValueError,
            f"{name}은(는) ({NUM_CLASSES}, {NUM_CLASSES}) 모양의 혼동 행렬이어야 합니다"
            "(행: 실제 클래스, 열: 예측한 클래스).",
            f"{name} must be a ({NUM_CLASSES}, {NUM_CLASSES}) confusion matrix "
            "(rows: true, columns: predicted classes).",
            str(matrix.shape),
            ("모양", "shape"),
        )
    _check_numeric(matrix, name)
    _check_finite(matrix, name)
    if matrix.min() < 0:
        raise input_error(
            ValueError,
            f"{name}은(는) 개수를 세는 혼동 행렬이므로 값이 0 이상이어야 합니다.",
            f"{name} holds the counts of a confusion matrix, which must be ≥ 0.",
            f"{matrix.min()}",
            ("최솟값", "minimum"),
        )
    return matrix


def check_history(history, required: tuple[str, ...] = ("loss",)) -> dict[str, list[float]]:
    """`model.fit`'s History or its dict: every curve the same non-zero length, finite numbers."""
    history = getattr(history, "history", history)
    if not isinstance(history, dict):
        raise input_error(
            TypeError,
            "history는 model.fit()이 돌려준 History나 그 .history 딕셔너리여야 합니다.",
            "history must be the History returned by model.fit() or its .history dict.",
            type(history).__name__,
            ("타입", "type"),
        )
    missing = [key for key in required if key not in history]
    if missing:
        raise input_error(
            ValueError,
            f"history에 {', '.join(required)} 기록이 있어야 합니다.",
            f"history must hold {', '.join(required)}.",
            repr(sorted(history)),
            ("키", "keys"),
        )
    lengths = {key: len(v) if isinstance(v, (list, tuple, np.ndarray)) else -1 for key, v in history.items()}
    if len(set(lengths.values())) != 1 or min(lengths.values()) < 1:
        raise input_error(
            ValueError,
            "history의 모든 기록은 에포크마다 값이 하나씩 있는, 길이가 같은(1 이상) 리스트여야 합니다.",
            "Every curve in history must be a list with one value per epoch, all of the same length ≥ 1.",
            repr(lengths),
            ("길이", "lengths"),
        )
    values = {key: np.asarray(items, dtype=np.float64) for key, items in history.items()}
    for key, array in values.items():
        _check_finite(array, f"history[{key!r}]")
    return {key: [float(v) for v in array] for key, array in values.items()}


def check_epoch_seconds(seconds, epochs: int) -> list[float]:
    """One wall-clock time (s ≥ 0) per epoch trained, or None when they were not measured."""
    if seconds is None:
        return []
    items = list(seconds) if isinstance(seconds, (list, tuple, np.ndarray)) else None
    if items is None or len(items) != epochs or not all(_is_number(s) and math.isfinite(s) and s >= 0 for s in items):
        raise input_error(
            ValueError if items is not None else TypeError,
            f"epoch_seconds는 에포크마다 하나씩, 0 이상의 초 {epochs}개로 된 리스트여야 합니다(모르면 None).",
            f"epoch_seconds must be a list of {epochs} times in seconds ≥ 0, one per epoch (None if unknown).",
            repr(seconds),
        )
    return [float(s) for s in items]


def check_output_file(path, suffix: str, name: str = "to_file") -> Path:
    """A file to write: the right suffix, in a folder that exists (Keras would fail deep inside pydot)."""
    if not isinstance(path, (str, os.PathLike)):
        raise input_error(
            TypeError,
            f"{name}은(는) 파일 경로(문자열이나 Path)여야 합니다.",
            f"{name} must be a file path (str or Path).",
            repr(path),
        )
    path = Path(path)
    if path.suffix != suffix:
        raise input_error(
            ValueError,
            f"{name}의 파일 이름은 {suffix}로 끝나야 합니다.",
            f"The file name in {name} must end in {suffix}.",
            repr(path.name),
            ("이름", "name"),
        )
    if not path.parent.is_dir():
        raise input_error(
            ValueError,
            f"{name}을(를) 저장할 폴더가 있어야 합니다. 먼저 폴더를 만드세요: "
            f"Path({str(path.parent)!r}).mkdir(parents=True).",
            f"The folder for {name} must exist; create it first with Path({str(path.parent)!r}).mkdir(parents=True).",
            str(path.parent),
            ("폴더", "folder"),
        )
    return path


def check_checkpoint_path(path) -> Path:
    """A checkpoint file for ModelCheckpoint: Keras 3 writes `.keras` files only."""
    if not isinstance(path, (str, os.PathLike)):
        raise input_error(
            TypeError,
            "checkpoint_path는 .keras로 끝나는 파일 경로여야 합니다(예: 'best-cnn-model.keras').",
            "checkpoint_path must be a file path ending in .keras, such as 'best-cnn-model.keras'.",
            repr(path),
        )
    path = Path(path)
    if path.suffix != ".keras":
        raise input_error(
            ValueError,
            "체크포인트 파일 이름은 .keras로 끝나야 합니다(Keras 3 형식).",
            "A checkpoint file name must end in .keras (the Keras 3 format).",
            repr(path.name),
            ("이름", "name"),
        )
    return path


def check_environment_value(variable: str) -> str | None:
    """The variable's value, or None when unset. Set but blank is a mistake (a folder named ' ', a mode '')."""
    value = os.environ.get(variable)
    if value is not None and not value.strip():
        raise input_error(
            ValueError,
            f"환경 변수 {variable}이(가) 비어 있습니다. 값을 넣거나 변수를 지우세요(unset {variable}).",
            f"The environment variable {variable} is blank; give it a value or unset it.",
            repr(value),
        )
    return value


def check_verbose(verbose) -> int:
    if not _is_int(verbose) or verbose not in (0, 1, 2):
        raise input_error(
            ValueError if _is_int(verbose) else TypeError,
            "verbose는 0(출력 없음), 1, 2(에포크마다 한 줄) 중 하나여야 합니다.",
            "verbose must be 0 (silent), 1 or 2 (a line per epoch).",
            repr(verbose),
        )
    return int(verbose)


def check_timeout(seconds, name: str = "lock_timeout") -> float:
    if not _is_number(seconds) or math.isnan(seconds) or seconds < 0:
        raise input_error(
            ValueError if _is_number(seconds) else TypeError,
            f"{name}은(는) 0 이상의 시간(초)이어야 합니다.",
            f"{name} must be a number of seconds ≥ 0.",
            repr(seconds),
        )
    return float(seconds)


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
