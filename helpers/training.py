"""Lesson 6's training calls: seeding, the distribution strategy, compiling and the callbacks.

The run modes and recipes are `helpers.recipes`; the run store that trains and keeps models is `helpers.runstore`.
"""

from __future__ import annotations

from pathlib import Path

from helpers.files import write_atomically
from helpers.recipes import DEFAULT_SEED, PATIENCE
from helpers.validation import (
    check_checkpoint_path,
    check_keras_model,
    check_learning_rate,
    check_non_negative_int,
    check_seed,
)


def seed_everything(seed: int = DEFAULT_SEED) -> None:
    """Python, NumPy and TensorFlow seeds plus deterministic TF ops: the same seed gives the same history."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(check_seed(seed))
    tf.config.experimental.enable_op_determinism()  # set_random_seed alone leaves ops free to reorder sums


def pick_strategy():
    """`MirroredStrategy` over all GPUs when there are several (one model copy per GPU, gradients summed),
    otherwise TensorFlow's default strategy (one device: CPU, a single GPU, or what Colab gives)."""
    import tensorflow as tf

    gpus = tf.config.list_logical_devices("GPU")
    return tf.distribute.MirroredStrategy() if len(gpus) > 1 else tf.distribute.get_strategy()


def compile_model(model, learning_rate=1e-3):
    """Adam + sparse categorical cross-entropy (integer labels) + accuracy, as in lesson 6.

    `learning_rate` is a number or a Keras learning-rate schedule."""
    import keras

    check_keras_model(model)
    learning_rate = check_learning_rate(learning_rate)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def _atomic_checkpoint_class():
    import keras

    class AtomicModelCheckpoint(keras.callbacks.ModelCheckpoint):
        """ModelCheckpoint whose file is written by `helpers.files.write_atomically`: a crash mid-save never leaves
        a half-written best model."""

        def __init__(self, filepath, **kwargs):
            self.final_path = Path(filepath)
            super().__init__(str(self.final_path), **kwargs)

        def on_epoch_end(self, epoch, logs=None):
            def save(temporary):  # Keras saves (or, when the epoch is not the best, does not) under this name
                self.filepath = str(temporary)
                try:
                    keras.callbacks.ModelCheckpoint.on_epoch_end(self, epoch, logs)
                finally:
                    self.filepath = str(self.final_path)

            write_atomically(self.final_path, save)

    return AtomicModelCheckpoint


def make_callbacks(checkpoint_path, patience: int = PATIENCE) -> list:
    """Keep the best model on disk and stop once validation loss has not improved for `patience` epochs."""
    import keras

    checkpoint_path = check_checkpoint_path(checkpoint_path)
    patience = check_non_negative_int(patience, "patience")
    return [
        _atomic_checkpoint_class()(checkpoint_path, save_best_only=True),
        keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True),
    ]


__all__ = ["compile_model", "make_callbacks", "pick_strategy", "seed_everything"]
