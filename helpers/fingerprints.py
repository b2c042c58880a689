"""SHA-256 fingerprints that say whether two things are the same: weights, architectures, data, files.

A trained model's identity in the book is the hash of its weights; the run store keys a run by the hashes of the
data it trained on and of the architecture it built, so a changed model or data never loads a stale run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np


def weights_sha256(model) -> str:
    """Every weight of the model (BN statistics included), in order, with its shape and dtype; optimizer excluded."""
    digest = hashlib.sha256()
    for variable in model.weights:
        values = np.ascontiguousarray(np.asarray(variable))
        digest.update(f"{values.shape}{values.dtype}".encode())
        digest.update(values.tobytes())
    return digest.hexdigest()


def without_dtypes(value):
    """A Keras config less its dtype policies: mixed_bfloat16 or float32 is a number format, not the architecture."""
    if isinstance(value, dict):
        return {key: without_dtypes(item) for key, item in value.items() if key != "dtype"}
    if isinstance(value, list):
        return [without_dtypes(item) for item in value]
    return value


# The config keys that decide what a layer computes and that every supported Keras writes the same way. A whole
# `get_config()` is no fingerprint: each Keras release adds keys (3.15: `quantization_config`, `renorm*`, initializers'
# `input_axes`), so a hash of it differs per version for the same model. Seeds, initializers and dtype policies are left
# out: they decide where training starts or the number format, not which weights fit.
SETTINGS = (
    "units",
    "filters",
    "kernel_size",
    "strides",
    "padding",
    "dilation_rate",
    "groups",
    "pool_size",
    "data_format",
    "activation",
    "use_bias",
    "rate",
    "noise_shape",
    "axis",
    "epsilon",
    "momentum",
    "center",
    "scale",
    "mode",
    "max_value",
    "negative_slope",
    "threshold",
)


def _plain(value):
    """Tuples as lists, anything else JSON cannot write as its str: the form manifest.json stores."""
    return json.loads(json.dumps(value, default=str))


def architecture(model) -> dict:
    """The model's structure: its input shapes, then per layer in order its class, name, computing settings and
    weights (path, shape, dtype). The same on every supported Keras, and in float32 or mixed precision."""
    layers = []
    for layer in model.layers:
        config = layer.get_config()
        layers.append(
            {
                "class": layer.__class__.__name__,
                "name": layer.name,
                "settings": _plain({key: config[key] for key in SETTINGS if key in config}),
                "weights": [[weight.path, list(weight.shape), str(weight.dtype)] for weight in layer.weights],
            }
        )
    return {"inputs": _plain([list(tensor.shape) for tensor in model.inputs]), "layers": layers}


def architecture_sha256(model) -> str:
    """The hash of `architecture(model)`: equal for the same structure whatever the Keras release or number format."""
    return hashlib.sha256(json.dumps(architecture(model), sort_keys=True).encode()).hexdigest()


def layer_label(layer: dict) -> str:
    """A layer as a reader names it: `Conv2D(32)`, `Dense(100)`, `Dropout(0.4)`, `Flatten`."""
    settings = layer["settings"]
    for key in ("filters", "units", "rate", "pool_size"):
        if key in settings:
            value = settings[key]
            shown = "×".join(map(str, value)) if isinstance(value, list) else value
            return f"{layer['class']}({shown})"
    return layer["class"]


def _weight_label(weight: list) -> str:
    path, shape, dtype = weight
    return f"{path.rsplit('/', 1)[-1]} {tuple(shape)} {dtype}"


def architecture_differences(found: dict, expected: dict) -> list[tuple[str, str]]:
    """What differs between two `architecture()` results, first difference first, as (Korean, English) sentences:
    'the model is X where the book's weights are for Y'."""
    differences = []
    if found["inputs"] != expected["inputs"]:
        differences.append(
            (
                f"입력: 모델은 {found['inputs']}인데 이 책의 가중치는 {expected['inputs']}용입니다",
                f"input: the model takes {found['inputs']}, the book's weights are for {expected['inputs']}",
            )
        )
    if len(found["layers"]) != len(expected["layers"]):
        differences.append(
            (
                f"층 수: 모델은 {len(found['layers'])}개인데 이 책의 가중치는 {len(expected['layers'])}개 층용입니다",
                f"layer count: the model has {len(found['layers'])}, the book's weights are for "
                f"{len(expected['layers'])}",
            )
        )
    for number, (mine, theirs) in enumerate(zip(found["layers"], expected["layers"], strict=False), start=1):
        where_ko, where_en = f"{number}번째 층", f"layer {number}"
        if layer_label(mine) != layer_label(theirs):
            differences.append(
                (
                    f"{where_ko}: 모델은 {layer_label(mine)}인데 이 책의 가중치는 {layer_label(theirs)}용입니다",
                    f"{where_en}: the model has {layer_label(mine)}, the book's weights are for {layer_label(theirs)}",
                )
            )
            continue
        for key in sorted(set(mine["settings"]) | set(theirs["settings"])):
            ours, book = mine["settings"].get(key), theirs["settings"].get(key)
            if ours != book:
                differences.append(
                    (
                        f"{where_ko} {mine['name']}: {key} 값이 모델은 {ours}인데 이 책의 가중치는 {book}용입니다",
                        f"{where_en} {mine['name']}: {key} is {ours} in the model, {book} for the book's weights",
                    )
                )
        if mine["weights"] != theirs["weights"]:
            ours = ", ".join(_weight_label(weight) for weight in mine["weights"]) or "없음"
            book = ", ".join(_weight_label(weight) for weight in theirs["weights"]) or "없음"
            differences.append(
                (
                    f"{where_ko} {mine['name']}: 가중치가 모델은 {ours}인데 이 책의 가중치는 {book}입니다",
                    f"{where_en} {mine['name']}: weights {ours} in the model, {book} in the book's file",
                )
            )
    return differences


def data_sha256(*arrays) -> str:
    """The arrays' contents, shapes and dtypes, in the order given."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array)
        digest.update(f"{array.shape}{array.dtype}".encode())
        digest.update(memoryview(array).cast("B"))
    return digest.hexdigest()


def file_sha256(path) -> str:
    with Path(path).open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
