"""Training that resumes exactly: a run continued from its backup ends bit for bit where an uninterrupted one does.

Keras' `fit(epochs=N)` shuffles with TensorFlow's random state, which a new process cannot recreate mid-run. So
training goes one epoch per `model.fit` call: the epoch's order comes from `default_rng([seed, epoch])`, every random
layer's seed state (dropout, RandomFlip) is reset from (seed, epoch) first, and after the epoch the backup is written
(`helpers.backups`). Keras' `EarlyStopping` decides when to stop; the best epoch's weights are restored from the backup.
"""

from __future__ import annotations

import math
import time

import numpy as np

from helpers.backups import Progress, resume, write_backup
from helpers.messages import bilingual
from helpers.recipes import Recipe
from helpers.runfiles import load_weights
from helpers.runkey import RunKey, TrainingData
from helpers.training import compile_model, pick_strategy, seed_everything


class TrainingDivergedError(ValueError):
    """The loss or the weights became NaN or infinite: nothing of that training is stored."""


def learning_rate(recipe: Recipe, train_size: int, epochs: int):
    """The recipe's rate, or a cosine decay to 0 over the planned epochs' steps."""
    if not recipe.cosine_decay:
        return recipe.learning_rate
    import keras

    steps = math.ceil(train_size / recipe.batch_size) * epochs
    return keras.optimizers.schedules.CosineDecay(recipe.learning_rate, decay_steps=steps)


def _training_model(key: RunKey, train_size: int, strategy):
    """The recipe's model as the seed makes it, compiled as lesson 6 compiles it, its optimizer built: a backup's
    optimizer state can only be loaded into an optimizer that exists, and a fresh run builds it the same way."""
    recipe = key.recipe
    seed_everything(key.seed)
    with (strategy or pick_strategy()).scope():  # variables live where the strategy places them
        model = compile_model(recipe.build(), learning_rate(recipe, train_size, recipe.epochs_for(key.mode)))
        model.optimizer.build(model.trainable_variables)
    return model


def _reset_seed_states(model, seed: int, epoch: int) -> None:
    """Each epoch's dropout and flips depend on (seed, epoch) only, not on how many epochs this process ran.

    The seed-generator states are variables of the model but not among its weights."""
    weights = {id(variable) for variable in model.weights}
    states = [v for v in model.variables if id(v) not in weights and v.name == "seed_generator_state"]
    for index, variable in enumerate(states):
        start = int(np.random.default_rng([seed, epoch, index]).integers(1, 2**31 - 1))
        variable.assign(np.array([start, 0], dtype=variable.dtype))


def _epoch_line(epoch: int, epochs: int, seconds: float, logs: dict) -> str:
    """Keras' verbose=2 line in Korean, training values first, each list led by the loss."""
    ordered = sorted(logs, key=lambda name: (name.startswith("val_"), name.removeprefix("val_") != "loss", name))
    metrics = " - ".join(f"{name}: {logs[name]:.4f}" for name in ordered)
    return f"에포크 {epoch}/{epochs} - {seconds:.1f}초 - {metrics}"


def _check_diverged(logs: dict, epoch: int, recipe: Recipe) -> None:
    bad = [name for name, value in logs.items() if not math.isfinite(value)]
    if bad or not {"loss", "val_loss"} <= set(logs):
        raise TrainingDivergedError(
            bilingual(
                f"에포크 {epoch}에서 {', '.join(bad) or 'loss'}이(가) NaN이나 무한대가 되었습니다: "
                "훈련이 발산했습니다. "
                f"학습률({recipe.learning_rate:g})을 낮추고 입력이 0~1로 스케일 조정되었는지 확인하세요. "
                "이 훈련은 저장하지 않습니다.",
                f"At epoch {epoch}, {', '.join(bad) or 'loss'} became NaN or infinite: training diverged. Lower the "
                f"learning rate ({recipe.learning_rate:g}) and check that the inputs are scaled to [0, 1]. "
                "Nothing of this training is stored.",
            )
        )


def _announce_resume(progress: Progress, epochs: int) -> None:
    if progress.epoch == 0:
        return
    if progress.stopped or progress.epoch >= epochs:
        text = (
            f"훈련은 에포크 {progress.epoch}에서 끝났지만 저장하기 전에 중단되었습니다. 백업에서 저장을 마칩니다.",
            f"Training ended at epoch {progress.epoch} but was interrupted before saving; finishing from the backup.",
        )
    else:
        text = (
            f"중단된 훈련을 에포크 {progress.epoch + 1}부터 이어서 합니다"
            f"(에포크 {progress.epoch}까지는 백업에서 불러옴).",
            f"Resuming the interrupted training at epoch {progress.epoch + 1} "
            f"(epochs 1-{progress.epoch} loaded from the backup).",
        )
    print(bilingual(*text), flush=True)


def train(folder, key: RunKey, arrays: TrainingData, verbose: int, extra_callbacks, strategy):
    """Train the key's run in `folder`, from its backup when there is one; (model with the best weights, progress)."""
    recipe, seed = key.recipe, key.seed
    epochs = recipe.epochs_for(key.mode)
    backup = folder / "backup"
    model, progress = resume(folder, key, lambda: _training_model(key, len(arrays.x_train), strategy))
    progress.stopper.set_model(model)  # Keras' EarlyStopping says "stop" through model.stop_training
    _announce_resume(progress, epochs)
    while progress.epoch < epochs and not progress.stopped:
        epoch = progress.epoch
        order = np.random.default_rng([seed, epoch]).permutation(len(arrays.x_train))
        _reset_seed_states(model, seed, epoch)
        began = time.perf_counter()
        result = model.fit(
            arrays.x_train[order],
            arrays.y_train[order],
            batch_size=recipe.batch_size,
            epochs=epoch + 1,
            initial_epoch=epoch,
            shuffle=False,
            validation_data=(arrays.x_val, arrays.y_val),
            callbacks=extra_callbacks,
            verbose=0,
        )
        seconds = time.perf_counter() - began
        logs = {name: float(values[-1]) for name, values in result.history.items() if values}
        _check_diverged(logs, epoch + 1, recipe)
        for name, value in logs.items():
            progress.history.setdefault(name, []).append(value)
        progress.epoch_seconds.append(seconds)
        progress.epoch = epoch + 1
        progress.stopper.on_epoch_end(epoch, logs)
        write_backup(backup, model, progress, key)
        if verbose:
            print(_epoch_line(epoch + 1, epochs, seconds, logs), flush=True)
    load_weights(model, backup / progress.files["best"]["name"])  # Keras' restore_best_weights
    if verbose and progress.stopped:
        print(
            bilingual(
                f"조기 종료: 에포크 {progress.epoch}에서 멈추고, 검증 손실이 가장 낮았던 "
                f"에포크 {progress.best_epoch}의 가중치로 되돌렸습니다.",
                f"Early stopping at epoch {progress.epoch}; restored the weights of epoch {progress.best_epoch}, "
                "the lowest validation loss.",
            ),
            flush=True,
        )
    return model, progress
