"""The lesson's network: two conv-pool blocks, then a small dense classifier (lesson 5)."""

from __future__ import annotations

from helpers.validation import Check, apply_rules, check_bool, check_positive_int, is_int, is_number, kind_and_range

check_rate = Check(
    kind_and_range(
        is_number,
        lambda v: 0 <= v < 1,  # 1 would drop everything
        "{name}은(는) 0 이상 1 미만의 비율이어야 합니다(예: 0.4).",
        "{name} must be a rate in [0, 1) such as 0.4.",
    ),
    float,
    "dropout",
)


def check_int_tuple(value, name: str, length: int | None = None) -> tuple[int, ...]:
    """A non-empty tuple (or list) of positive ints, of `length` items when given: filters, input_shape."""
    rules = kind_and_range(
        lambda v: isinstance(v, (list, tuple)),
        lambda v: len(v) > 0 and (length is None or len(v) == length) and all(is_int(i) and i > 0 for i in v),
        "{name}은(는) {korean}이어야 합니다(예: {example}).",
        "{name} must be {english}, such as {example}.",
    )
    words = {
        "korean": f"양의 정수 {length}개로 된 튜플" if length else "양의 정수로 된, 비어 있지 않은 튜플",
        "english": f"a tuple of {length} positive integers" if length else "a non-empty tuple of positive integers",
        "example": "(28, 28, 1)" if length == 3 else "(32, 64)",
    }
    return tuple(int(i) for i in apply_rules(value, rules, name=name, **words))


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

    filters = check_int_tuple(filters, "filters")
    kernel_size = check_positive_int(kernel_size, "kernel_size")
    dense_units = check_positive_int(dense_units, "dense_units")
    num_classes = check_positive_int(num_classes, "num_classes")
    dropout = check_rate(dropout, "dropout")
    input_shape = check_int_tuple(input_shape, "input_shape", length=3)  # (height, width, channels)

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


def build_strong_cnn(
    filters: tuple[int, ...] = (32, 64, 128),
    dense_units: int = 128,
    dropout: float = 0.3,
    augment: bool = True,
    input_shape: tuple[int, int, int] = (28, 28, 1),
    num_classes: int = 10,
    name: str = "fashion_cnn_strong",
):
    """Lesson 10's stronger network: the lesson's conv-pool blocks plus a third (128 filters), batch normalization after
    each convolution, dropout before and after the hidden layer, and a random horizontal flip in front (active
    only in training; a mirrored shirt is still a shirt). With the defaults: 242,218 parameters.
    """
    import keras

    filters = check_int_tuple(filters, "filters")
    dense_units = check_positive_int(dense_units, "dense_units")
    num_classes = check_positive_int(num_classes, "num_classes")
    dropout = check_rate(dropout, "dropout")
    augment = check_bool(augment, "augment")
    input_shape = check_int_tuple(input_shape, "input_shape", length=3)
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
