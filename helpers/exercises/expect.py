"""Turn a learner's answer into the kind a judge needs, or raise `Wrong` with a sentence saying what came instead."""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

from helpers.exercises.core import Unanswered, Wrong, is_blank


def kind(value) -> str:
    """The answer's kind in words, for the sentences below."""
    if value is None:
        return "None"
    if isinstance(value, str):
        return f"문자열 {value!r}"
    if isinstance(value, bool):
        return f"참/거짓 값 {value}"
    if isinstance(value, list):
        return "리스트"
    if isinstance(value, tuple):
        return "튜플"
    if isinstance(value, dict):
        return "딕셔너리"
    if callable(value) and not hasattr(value, "layers"):
        return "함수"
    return type(value).__name__


def _none_or_text(value, what: str) -> None:
    if is_blank(value):
        raise Unanswered
    if value is None:
        raise Wrong(
            f"{what}이(가) None입니다. 값을 돌려주지 않는 함수(print 등)의 결과를 넣었거나 return을 빠뜨리지 않았나요?"
        )
    if isinstance(value, str):
        raise Wrong(f"{what}이(가) {kind(value)}입니다. 따옴표 없이 계산한 값을 넣으세요.")


def number(value, what: str = "답") -> float:
    """A finite real number (Python, NumPy scalar or a one-element array)."""
    _none_or_text(value, what)
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(()).item()
    elif hasattr(value, "shape") and hasattr(value, "dtype") and not isinstance(value, np.generic):
        array = np.asarray(value)
        if array.size != 1:
            raise Wrong(f"{what}은(는) 숫자 하나여야 하는데 모양이 {array.shape}인 배열입니다.")
        value = array.reshape(()).item()
    if isinstance(value, bool) or not isinstance(value, Real | np.number):
        raise Wrong(f"{what}은(는) 숫자여야 하는데 {kind(value)}을(를) 받았습니다.")
    value = float(value)
    if math.isnan(value):
        raise Wrong(f"{what}이(가) NaN(숫자가 아님)입니다. 0을 0으로 나누었거나 빈 배열의 평균을 내지 않았나요?")
    if math.isinf(value):
        raise Wrong(f"{what}이(가) 무한대입니다. 0으로 나누지 않았는지 보세요.")
    return value


def integer(value, what: str = "답") -> int:
    result = number(value, what)
    if not result.is_integer():
        raise Wrong(f"{what}은(는) 정수여야 하는데 {result}입니다. 개수나 크기는 정수로 나옵니다.")
    return int(result)


def integers(value, count: int, what: str = "답") -> list[int]:
    """A list or tuple of `count` integers (several numbers written by hand)."""
    _none_or_text(value, what)
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, list | tuple):
        raise Wrong(f"{what}은(는) 숫자 {count}개를 담은 리스트여야 하는데 {kind(value)}을(를) 받았습니다.")
    if len(value) != count:
        raise Wrong(f"{what}에는 숫자가 {count}개 있어야 하는데 {len(value)}개입니다.")
    return [integer(item, f"{what}의 {index}번째 값") for index, item in enumerate(value, start=1)]


def boolean(value, what: str = "답") -> bool:
    _none_or_text(value, what)
    if isinstance(value, np.bool_):
        value = bool(value)
    if not isinstance(value, bool):
        raise Wrong(f"{what}은(는) True나 False여야 하는데 {kind(value)}을(를) 받았습니다.")
    return value


def array(value, what: str = "답", shape: tuple | None = None, squeeze: bool = False) -> np.ndarray:
    """A NumPy array (a Keras or TensorFlow tensor is converted); a list is refused with a sentence."""
    _none_or_text(value, what)
    if isinstance(value, list | tuple):
        raise Wrong(f"{what}이(가) {kind(value)}입니다. NumPy 배열이 필요합니다: np.array(...)로 감싸 주세요.")
    if not isinstance(value, np.ndarray):
        if not (hasattr(value, "shape") and hasattr(value, "dtype")):
            raise Wrong(f"{what}은(는) NumPy 배열이어야 하는데 {kind(value)}을(를) 받았습니다.")
        import keras

        try:
            value = keras.ops.convert_to_numpy(value)
        except Exception as error:
            raise Wrong(
                f"{what}을(를) 배열로 바꿀 수 없습니다({type(value).__name__}). predict()의 결과를 넣으세요."
            ) from error
    if value.dtype == object or not (np.issubdtype(value.dtype, np.number) or value.dtype == bool):
        raise Wrong(f"{what}은(는) 숫자 배열이어야 하는데 자료형이 {value.dtype}입니다.")
    if squeeze:
        value = value.squeeze()
    if shape is not None and value.shape != tuple(shape):
        raise Wrong(f"{what}의 모양이 {value.shape}입니다. {size_words(shape)}이어야 합니다.")
    if np.issubdtype(value.dtype, np.floating) and np.isnan(value).any():
        raise Wrong(f"{what}에 NaN(숫자가 아님)이 {int(np.isnan(value).sum())}개 있습니다.")
    return value


def size_words(shape) -> str:
    shape = tuple(shape)
    return "×".join(str(n) for n in shape) if len(shape) == 2 else str(shape)


def shape(value, what: str = "모양") -> tuple[int, ...]:
    """An output shape: a tuple of ints; a leading None (the batch axis Keras prints) is dropped."""
    _none_or_text(value, what)
    if hasattr(value, "as_list"):  # TensorShape
        value = value.as_list()
    if not isinstance(value, list | tuple):
        raise Wrong(f"{what}은(는) (14, 14, 16)처럼 정수를 담은 튜플이어야 하는데 {kind(value)}을(를) 받았습니다.")
    items = list(value)
    if items and items[0] is None:
        items = items[1:]
    return tuple(integer(item, f"{what}의 값") for item in items)


def close(value: float, expected: float, tolerance: float) -> bool:
    return abs(value - expected) <= tolerance
