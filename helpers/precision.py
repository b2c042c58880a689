"""Number formats for training (lesson 10): float32 throughout, or bfloat16 arithmetic with float32 weights.

bfloat16 keeps float32's range with fewer digits. Keras' `mixed_bfloat16` policy computes layers in it and keeps
the weights (and their updates) in float32. It pays only where the hardware computes in bfloat16: CPUs with
AVX-512 BF16 or AMX through TensorFlow's oneDNN kernels (without them it is several times slower), or recent GPUs.
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers.messages import bilingual

PRECISION_VARIABLE = "COURSE_PRECISION"
PRECISIONS = ("float32", "mixed_bfloat16")
BFLOAT16_CPU_FLAGS = {"avx512_bf16", "amx_bf16"}


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> set[str]:
    """The CPU's feature flags (Linux); empty where /proc/cpuinfo is missing (macOS, Windows)."""
    try:
        text = cpuinfo.read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def onednn_enabled() -> bool:
    """helpers turns oneDNN on unless `TF_ENABLE_ONEDNN_OPTS=0` was set before TensorFlow started."""
    return os.environ.get("TF_ENABLE_ONEDNN_OPTS", "1") != "0"


def check_precision_name(name: str | None) -> str | None:
    """`auto` (or None, the same), or a precision Keras knows: the name only, nothing is imported or looked up."""
    if name not in (None, "auto", *PRECISIONS):
        raise ValueError(
            bilingual(
                f"알 수 없는 정밀도입니다: {name!r}. auto, {', '.join(PRECISIONS)} 중 하나여야 합니다.",
                f"Unknown precision {name!r}; use auto or one of {', '.join(PRECISIONS)}.",
            )
        )
    return name


def resolve_precision(name: str | None = None, flags: set[str] | None = None) -> str:
    """`float32` or `mixed_bfloat16`. For `auto` (or None), `$COURSE_PRECISION` decides if set; otherwise
    bfloat16 only on a CPU that computes in it with oneDNN on; on a GPU or any other CPU, float32."""
    if name in (None, "auto"):
        name = os.environ.get(PRECISION_VARIABLE) or "auto"
    if check_precision_name(name) in PRECISIONS:
        return name
    flags = cpu_flags() if flags is None else flags
    fast_bfloat16 = bool(flags & BFLOAT16_CPU_FLAGS) and onednn_enabled() and not _has_gpu()
    return "mixed_bfloat16" if fast_bfloat16 else "float32"


def _has_gpu() -> bool:
    import tensorflow as tf

    return bool(tf.config.list_physical_devices("GPU"))


def build_with_precision(build, precision: str):
    """`build()` with Keras' global dtype policy set to `precision` while the layers are made, then restored:
    each layer keeps the policy it was made with (also when saved and loaded)."""
    import keras

    previous = keras.mixed_precision.global_policy()
    keras.mixed_precision.set_global_policy(resolve_precision(precision))
    try:
        return build()
    finally:
        keras.mixed_precision.set_global_policy(previous)


def as_float32(model):
    """The same model computing in float32: evaluation that must not depend on a CPU's bfloat16 (lesson 10).

    Returns `model` itself when it already computes in float32; otherwise a copy rebuilt from its config without the
    layers' dtype policies, holding the same weights (which are float32 under mixed precision anyway).
    """
    import keras

    from helpers.fingerprints import without_dtypes

    if all(layer.dtype_policy.compute_dtype == "float32" for layer in model.layers):
        return model
    copy = model.__class__.from_config(without_dtypes(model.get_config()))
    copy.set_weights(model.get_weights())
    if model.compiled:
        copy.compile(loss=model.loss, metrics=["accuracy"], optimizer=keras.optimizers.Adam())
    return copy
