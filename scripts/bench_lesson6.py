"""Lesson 6's training, as its cells run it (for `make bench` and `scripts/research/speed_search.py`).

    python scripts/bench_lesson6.py EPOCHS CHECKPOINT.keras

The same calls as book/06_compile_and_train.ipynb: `helpers.load_splits()`, `helpers.seed_everything(42)`,
`helpers.build_cnn()`, `compile(optimizer="adam", …, metrics=["accuracy"])`, `fit(..., verbose=2)` with the seeds'
`ModelCheckpoint` and `EarlyStopping(patience=2, restore_best_weights=True)`; only the epochs come from the
command line.
"""

import sys

import keras

import helpers

epochs = int(sys.argv[1])
checkpoint = sys.argv[2]

data = helpers.load_splits()
helpers.seed_everything(42)
model = helpers.build_cnn()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
checkpoint_cb = keras.callbacks.ModelCheckpoint(checkpoint, save_best_only=True)
early_stopping_cb = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
history = model.fit(
    data.x_train,
    data.y_train,
    epochs=epochs,
    validation_data=(data.x_val, data.y_val),
    callbacks=[checkpoint_cb, early_stopping_cb],
    verbose=2,
)
