"""What a judge may ask of a Keras model, through the public API only (Keras 3.8–3.15)."""

from __future__ import annotations

from helpers.exercises.core import Wrong
from helpers.exercises.expect import _none_or_text, kind


def model(value, what: str = "모델"):
    """A built Keras model: a layer alone, a class, a function or an unbuilt model gets its own sentence."""
    import keras

    _none_or_text(value, what)
    if isinstance(value, type):
        raise Wrong(f"{what} 자리에 클래스 {value.__name__}가 들어 있습니다. 괄호를 붙여 모델을 만드세요.")
    if isinstance(value, keras.layers.Layer) and not isinstance(value, keras.Model):
        raise Wrong(f"{what}이(가) 층 하나({type(value).__name__})입니다. 층을 모은 모델을 넣으세요.")
    if not isinstance(value, keras.Model):
        raise Wrong(f"{what}은(는) Keras 모델이어야 하는데 {kind(value)}을(를) 받았습니다.")
    try:
        value.outputs  # noqa: B018  (an unbuilt Sequential has none)
    except (AttributeError, ValueError) as error:
        raise Wrong(f"{what}이(가) 아직 만들어지지 않았습니다. keras.Input(shape=...)으로 시작하세요.") from error
    if not value.outputs:
        raise Wrong(f"{what}이(가) 아직 만들어지지 않았습니다. keras.Input(shape=...)으로 시작하세요.")
    return value


def layers(value) -> list:
    """The model's layers without its InputLayer (functional models list it, Sequential ones do not)."""
    return [layer for layer in value.layers if type(layer).__name__ != "InputLayer"]


def kinds(value) -> list[str]:
    return [type(layer).__name__ for layer in layers(value)]


def expect_kinds(value, expected: list[str], what: str = "모델") -> None:
    got = kinds(value)
    if got != expected:
        raise Wrong(f"{what}의 층 구성이 문제와 다릅니다. 기대한 층: {', '.join(expected)} / 받은 층: {', '.join(got)}")


def output_shape(layer) -> tuple:
    return tuple(layer.output.shape)[1:]


def training_steps(value) -> int:
    """How many updates `fit()` made (0 before compile or fit)."""
    optimizer = getattr(value, "optimizer", None)
    return 0 if optimizer is None else int(optimizer.iterations)


def expect_trained(value, what: str = "모델") -> None:
    if getattr(value, "optimizer", None) is None:
        raise Wrong(f"{what}을(를) 아직 compile()하지 않았습니다. compile()한 뒤 fit()으로 훈련하세요.")
    if training_steps(value) == 0:
        raise Wrong(f"{what}이(가) 아직 훈련되지 않았습니다. fit()을 실행한 모델을 넣으세요.")
