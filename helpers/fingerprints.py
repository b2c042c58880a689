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


def architecture_sha256(model) -> str:
    """The model's layers and their settings (`get_config()`), whatever number format it computes in."""
    config = without_dtypes(model.get_config())
    return hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()


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
