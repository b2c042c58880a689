"""The lesson's network: two conv-pool blocks, then a small dense classifier (lesson 5)."""

from __future__ import annotations

from helpers.messages import bilingual
from helpers.validation import check_positive_int


def build_cnn(
    filters: tuple[int, ...] = (32, 64),
    kernel_size: int = 3,
    dense_units: int = 100,
    dropout: float = 0.4,
    input_shape: tuple[int, int, int] = (28, 28, 1),
    num_classes: int = 10,
    name: str = "fashion_cnn",
):
    """Conv2D(32)→MaxPooling2D→Conv2D(64)→MaxPooling2D→Flatten→Dense(100)→Dropout(0.4)→Dense(10).

    With the defaults this is the seeds' model: 333,526 parameters.
    """
    import keras

    filters = tuple(check_positive_int(f, "filters[i]") for f in _as_tuple(filters, "filters"))
    kernel_size = check_positive_int(kernel_size, "kernel_size")
    dense_units = check_positive_int(dense_units, "dense_units")
    num_classes = check_positive_int(num_classes, "num_classes")
    _check_rate(dropout)
    input_shape = _as_tuple(input_shape, "input_shape")
    if len(input_shape) != 3 or not all(isinstance(d, int) and d > 0 for d in input_shape):
        raise ValueError(
            bilingual(
                f"input_shape 은 (높이, 너비, 채널) 세 정수여야 합니다(예: (28, 28, 1)). 받은 값: {input_shape!r}",
                f"input_shape must be three positive ints (height, width, channels), got {input_shape!r}.",
            )
        )

    layers = [keras.Input(shape=input_shape, name="image")]
    for index, count in enumerate(filters, start=1):
        layers.append(
            keras.layers.Conv2D(count, kernel_size=kernel_size, activation="relu", padding="same", name=f"conv{index}")
        )
        layers.append(keras.layers.MaxPooling2D(2, name=f"pool{index}"))
    layers += [
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(dense_units, activation="relu", name="hidden"),
        keras.layers.Dropout(dropout, name="dropout"),
        _output_layer(num_classes),
    ]
    return keras.Sequential(layers, name=name)


def _output_layer(num_classes: int):
    """Softmax in float32 even under mixed precision (lesson 10): bfloat16's ~3 significant digits are too few
    for probabilities near 1 and the loss taken from them."""
    import keras

    return keras.layers.Dense(num_classes, activation="softmax", dtype="float32", name="output")


def _as_tuple(value, name: str) -> tuple:
    if isinstance(value, (list, tuple)) and len(value) > 0:
        return tuple(value)
    raise ValueError(
        bilingual(
            f"{name} 은(는) 비어 있지 않은 튜플이어야 합니다. 받은 값: {value!r}",
            f"{name} must be a non-empty tuple, got {value!r}.",
        )
    )


def summary_text(model) -> str:
    """`model.summary()` as plain text: in Jupyter Keras draws a coloured rich table whose escape codes
    would be stored in the notebook."""
    lines: list[str] = []
    try:  # inside Jupyter, rich also displays an empty HTML block even when its text is captured
        from IPython.utils.capture import capture_output
    except ImportError:
        model.summary(print_fn=lambda line, **_: lines.append(line))
    else:
        with capture_output():
            model.summary(print_fn=lambda line, **_: lines.append(line))
    return "".join(lines).rstrip("\n")


def print_summary(model) -> None:
    print(summary_text(model))


def build_strong_cnn(
    filters: tuple[int, ...] = (32, 64, 128),
    dense_units: int = 128,
    dropout: float = 0.3,
    augment: bool = True,
    input_shape: tuple[int, int, int] = (28, 28, 1),
    num_classes: int = 10,
    name: str = "fashion_cnn_strong",
):
    """The appendix's network: the lesson's conv-pool blocks plus a third (128 filters), batch normalization after
    each convolution, dropout before and after the hidden layer, and a random horizontal flip in front (active
    only in training; a mirrored shirt is still a shirt). With the defaults: 242,218 parameters.
    """
    import keras

    filters = tuple(check_positive_int(f, "filters[i]") for f in _as_tuple(filters, "filters"))
    dense_units = check_positive_int(dense_units, "dense_units")
    num_classes = check_positive_int(num_classes, "num_classes")
    _check_rate(dropout)
    layers = [keras.Input(shape=input_shape, name="image")]
    if augment:
        layers.append(keras.layers.RandomFlip("horizontal", name="flip"))
    for index, count in enumerate(filters, start=1):
        layers += [
            keras.layers.Conv2D(count, 3, padding="same", use_bias=False, name=f"conv{index}"),  # BN adds the shift
            keras.layers.BatchNormalization(name=f"bn{index}"),
            keras.layers.ReLU(name=f"relu{index}"),
            keras.layers.MaxPooling2D(2, name=f"pool{index}"),
        ]
    layers += [
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dropout(dropout, name="dropout1"),
        keras.layers.Dense(dense_units, activation="relu", name="hidden"),
        keras.layers.Dropout(dropout, name="dropout2"),
        _output_layer(num_classes),
    ]
    return keras.Sequential(layers, name=name)


def _check_rate(dropout) -> None:
    if isinstance(dropout, bool) or not isinstance(dropout, (int, float)) or not 0.0 <= dropout < 1.0:
        raise ValueError(
            bilingual(
                f"dropout 은 0 이상 1 미만의 비율이어야 합니다(예: 0.4). 받은 값: {dropout!r}",
                f"dropout must be a rate in [0, 1) such as 0.4, got {dropout!r}.",
            )
        )
