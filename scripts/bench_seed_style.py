"""The seed notes' training code, corrected only where Keras 3 raises (for `make bench`).

Changes from the notes, each one a line that raises on Keras 3: `input_size=` → `input_shape=`, `Dropout(0,4)` →
`Dropout(0.4)`, `metrics='accuracy'` → `['accuracy']`, `patiece=` → `patience=`, `train_sclaed` → `train_scaled`.
Everything else is as written: float64 images, Keras' default progress bar, the `.h5` checkpoint. Epochs come from
the command line so that both paths of the benchmark train the same number of epochs.
"""

import sys

from sklearn.model_selection import train_test_split
from tensorflow import keras

epochs = int(sys.argv[1])
checkpoint = sys.argv[2]

(train_input, train_target), (test_input, test_target) = keras.datasets.fashion_mnist.load_data()

train_scaled = train_input.reshape(-1, 28, 28, 1) / 255.0
train_scaled, val_scaled, train_target, val_target = train_test_split(
    train_scaled, train_target, test_size=0.2, random_state=42
)

model = keras.Sequential()
model.add(keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same", input_shape=(28, 28, 1)))
model.add(keras.layers.MaxPooling2D(2))
model.add(keras.layers.Conv2D(64, kernel_size=3, activation="relu", padding="same"))
model.add(keras.layers.MaxPooling2D(2))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(100, activation="relu"))
model.add(keras.layers.Dropout(0.4))
model.add(keras.layers.Dense(10, activation="softmax"))

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
checkpoint_cb = keras.callbacks.ModelCheckpoint(checkpoint, save_best_only=True)
early_stopping_cb = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
history = model.fit(
    train_scaled,
    train_target,
    epochs=epochs,
    validation_data=(val_scaled, val_target),
    callbacks=[checkpoint_cb, early_stopping_cb],
)
