"""Input checks shared by every public function: fail early, in words a learner can act on."""

from __future__ import annotations

import numpy as np

from helpers.messages import bilingual

IMAGE_SIDE = 28
NUM_CLASSES = 10


def _as_array(value, name: str) -> np.ndarray:
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "numpy"):  # a tf.Tensor
        return np.asarray(value.numpy())
    if isinstance(value, (list, tuple)):
        return np.asarray(value)
    raise TypeError(
        bilingual(
            f"{name} 은(는) NumPy 배열이어야 합니다. 받은 타입: {type(value).__name__}",
            f"{name} must be a NumPy array, got {type(value).__name__}.",
        )
    )


def check_images(images, name: str = "images", dtype: str | None = None) -> np.ndarray:
    """A batch of 28×28 grey images: (N, 28, 28) or (N, 28, 28, 1), N ≥ 1, numeric; optionally one dtype."""
    images = _as_array(images, name)
    shape_ok = (
        images.ndim in (3, 4)
        and images.shape[1:3] == (IMAGE_SIDE, IMAGE_SIDE)
        and (images.ndim == 3 or images.shape[3] == 1)
        and images.shape[0] > 0
    )
    if not shape_ok:
        hint = ""
        if images.shape == (IMAGE_SIDE, IMAGE_SIDE) or images.shape == (IMAGE_SIDE, IMAGE_SIDE, 1):
            hint = " 이미지 한 장이라면 x[None] 또는 x[0:1] 처럼 배치 축을 붙이세요. / For one image: x[0:1]."
        raise ValueError(
            bilingual(
                f"{name} 은(는) (N, 28, 28) 또는 (N, 28, 28, 1) 모양이어야 합니다. 받은 모양: {images.shape}",
                f"{name} must have shape (N, 28, 28) or (N, 28, 28, 1), got {images.shape}.",
            )
            + hint
        )
    if not (np.issubdtype(images.dtype, np.integer) or np.issubdtype(images.dtype, np.floating)):
        raise TypeError(
            bilingual(
                f"{name} 은(는) 숫자 배열이어야 합니다. 받은 dtype: {images.dtype}",
                f"{name} must be numeric, got dtype {images.dtype}.",
            )
        )
    if dtype is not None and images.dtype != np.dtype(dtype):
        raise TypeError(
            bilingual(
                f"{name} 의 dtype 은 {dtype} 이어야 합니다(아직 스케일하지 않은 원본). 받은 dtype: {images.dtype}",
                f"{name} must have dtype {dtype} (raw, not yet scaled), got {images.dtype}.",
            )
        )
    return images


def check_scaled_images(images, name: str = "images") -> np.ndarray:
    """Model input: float32 in [0, 1] with the channel axis, (N, 28, 28, 1)."""
    images = check_images(images, name)
    if images.ndim != 4:
        raise ValueError(
            bilingual(
                f"{name} 에 채널 축이 없습니다: (N, 28, 28, 1) 이어야 하는데 {images.shape} 입니다. "
                "helpers.scale_images 를 쓰거나 reshape(-1, 28, 28, 1) 하세요.",
                f"{name} lacks the channel axis: expected (N, 28, 28, 1), got {images.shape}; "
                "use helpers.scale_images or reshape(-1, 28, 28, 1).",
            )
        )
    if not np.issubdtype(images.dtype, np.floating):
        raise TypeError(
            bilingual(
                f"{name} 은(는) 0~1로 스케일한 실수 배열이어야 합니다. "
                f"받은 dtype: {images.dtype} (helpers.scale_images 사용)",
                f"{name} must be floats scaled to [0, 1], got dtype {images.dtype} (use helpers.scale_images).",
            )
        )
    low, high = float(images.min()), float(images.max())
    if low < 0.0 or high > 1.0:
        raise ValueError(
            bilingual(
                f"{name} 의 값은 0~1 이어야 합니다. 받은 범위: {low:g}~{high:g} (255로 나누었나요?)",
                f"{name} values must lie in [0, 1], got {low:g}..{high:g} (did you divide by 255?).",
            )
        )
    return images


def check_labels(labels, name: str = "labels", num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Sparse integer labels, one per image, in 0..num_classes-1 (not one-hot)."""
    labels = _as_array(labels, name)
    if labels.ndim == 2 and labels.shape[1] == num_classes:
        raise ValueError(
            bilingual(
                f"{name} 가 원-핫 인코딩 (N, {num_classes}) 입니다. 이 과정의 손실 함수 "
                "sparse_categorical_crossentropy 는 정수 레이블 (N,) 을 받습니다: labels.argmax(axis=1)",
                f"{name} is one-hot (N, {num_classes}); sparse_categorical_crossentropy expects integer "
                "labels (N,): use labels.argmax(axis=1).",
            )
        )
    if labels.ndim != 1 or labels.shape[0] == 0:
        raise ValueError(
            bilingual(
                f"{name} 은(는) (N,) 모양의 1차원 정수 배열이어야 합니다. 받은 모양: {labels.shape}",
                f"{name} must be a 1-D integer array of shape (N,), got {labels.shape}.",
            )
        )
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(
            bilingual(
                f"{name} 은(는) 정수 배열이어야 합니다. 받은 dtype: {labels.dtype}",
                f"{name} must be integers, got dtype {labels.dtype}.",
            )
        )
    low, high = int(labels.min()), int(labels.max())
    if low < 0 or high >= num_classes:
        raise ValueError(
            bilingual(
                f"{name} 의 값은 0~{num_classes - 1} 이어야 합니다. 받은 범위: {low}~{high}",
                f"{name} must lie in 0..{num_classes - 1}, got {low}..{high}.",
            )
        )
    return labels


def check_same_length(images: np.ndarray, labels: np.ndarray) -> None:
    if len(images) != len(labels):
        raise ValueError(
            bilingual(
                f"이미지 수({len(images)})와 레이블 수({len(labels)})가 다릅니다.",
                f"Got {len(images)} images but {len(labels)} labels.",
            )
        )


def check_probabilities(probabilities, name: str = "probabilities", num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Softmax output: (N, num_classes), each row a distribution."""
    probabilities = _as_array(probabilities, name)
    if probabilities.ndim != 2 or probabilities.shape[1] != num_classes:
        raise ValueError(
            bilingual(
                f"{name} 은(는) (N, {num_classes}) 모양이어야 합니다. 받은 모양: {probabilities.shape}",
                f"{name} must have shape (N, {num_classes}), got {probabilities.shape}.",
            )
        )
    if not np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-3) or probabilities.min() < 0:
        raise ValueError(
            bilingual(
                f"{name} 의 각 행은 합이 1인 확률이어야 합니다(softmax 출력).",
                f"Each row of {name} must be a probability distribution summing to 1 (softmax output).",
            )
        )
    return probabilities


def check_positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(
            bilingual(
                f"{name} 은(는) 1 이상의 정수여야 합니다. 받은 값: {value!r}",
                f"{name} must be a positive integer, got {value!r}.",
            )
        )
    return int(value)
