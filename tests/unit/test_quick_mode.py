"""The tests' quick mode lives in helpers: lesson 6's plain `model.fit(...)` trains on the quick share, and says so
nowhere in the lesson."""

import numpy as np

import helpers
from helpers.quick_mode import install, limited_fit
from helpers.recipes import RunMode


class BatchCounter:
    """How many training batches and validation examples a fit saw (a real Keras callback)."""

    def __init__(self):
        import keras

        outer = self

        class Counter(keras.callbacks.Callback):
            def on_train_batch_end(self, batch, logs=None):
                outer.batches += 1

            def on_test_batch_end(self, batch, logs=None):
                outer.val_batches += 1

        self.batches = self.val_batches = 0
        self.callback = Counter()


def test_fit_takes_the_modes_share_of_examples_and_epochs():
    import keras

    mode = RunMode("quick", epochs=2, train_limit=64, val_limit=32, max_epochs=1)
    helpers.seed_everything(0)
    model = helpers.compile_model(helpers.build_cnn())
    x = np.random.default_rng(0).random((256, 28, 28, 1), dtype=np.float32)
    y = np.arange(256) % 10
    counter = BatchCounter()
    quick_fit = limited_fit(keras.Model.fit, mode)
    history = quick_fit(
        model, x, y, batch_size=32, epochs=5, validation_data=(x, y), callbacks=[counter.callback], verbose=0
    )
    assert len(history.history["loss"]) == 1  # max_epochs
    assert counter.batches == 64 // 32  # train_limit
    assert counter.val_batches == 32 // 32  # val_limit
    assert history.params["epochs"] == 1

    small = quick_fit(model, x[:64], y[:64], batch_size=32, epochs=3, verbose=0)  # already small: as written
    assert len(small.history["loss"]) == 3


def test_full_mode_wraps_nothing():
    import keras

    before = keras.Model.fit
    assert install(helpers.get_run_mode("full")) is False
    assert keras.Model.fit is before
