"""Every public function refuses bad input clearly (issue 12 §5): a ValueError or TypeError raised by helpers itself,
Korean first and English after, naming what was expected and what came."""

import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers import plots, recipes

HELPERS = Path(helpers.__file__).resolve().parent
HANGUL = re.compile("[가-힣]")
DETACHED_PARTICLE = re.compile(r" (은\(는\)|이\(가\)|을\(를\)|의|은|는|이|가|을|를|로|으로|이어야|여야)(?=[\s.,(])")

IMAGES = np.full((4, 28, 28, 1), 0.5, np.float32)
LABELS = np.array([0, 1, 2, 3])
RAW = np.zeros((4, 28, 28), np.uint8)
PROBABILITIES = np.full(10, 0.1)


def with_value(array, index, value):
    changed = array.copy()
    changed.flat[index] = value
    return changed


def splits_with(**changes):
    arrays = {
        "x_train": np.repeat(IMAGES, 4, axis=0),
        "y_train": np.tile(LABELS, 4),
        "x_val": IMAGES,
        "y_val": LABELS,
        "x_test": IMAGES,
        "y_test": LABELS,
    }
    return helpers.DataSplits(**{**arrays, **changes})


NAN_SPLITS = splits_with(x_train=with_value(np.repeat(IMAGES, 4, axis=0), 100, np.nan))
INF_SPLITS = splits_with(x_val=with_value(IMAGES, 7, np.inf))
UNEQUAL = {"loss": [1.0, 0.9], "accuracy": [0.5, 0.6], "val_loss": [1.0], "val_accuracy": [0.5]}


@dataclass
class Case:
    call: object  # called with the context: a compiled model, a folder
    error: type
    words: tuple  # what was expected and what came, in both parts; a pair gives the Korean and the English form
    env: dict = field(default_factory=dict)


CASES = {
    # data
    "scale_images-not-an-array": Case(lambda c: helpers.scale_images("pixels"), TypeError, ("NumPy", "str")),
    "scale_images-shape": Case(
        lambda c: helpers.scale_images(np.zeros((5, 32, 32), np.uint8)), ValueError, ("(N, 28, 28)", "(5, 32, 32)")
    ),
    "scale_images-one-image": Case(
        lambda c: helpers.scale_images(np.zeros((28, 28), np.uint8)), ValueError, ("(N, 28, 28)", ("배치", "x[0:1]"))
    ),
    "scale_images-3-channels": Case(
        lambda c: helpers.scale_images(np.zeros((5, 28, 28, 3), np.uint8)), ValueError, ("(5, 28, 28, 3)",)
    ),
    "scale_images-dtype": Case(
        lambda c: helpers.scale_images(RAW / 255),
        TypeError,
        ("uint8", "float64", ("images의 dtype은 uint8이어야 합니다(아직 스케일 조정하지 않은 원본)", "images must")),
    ),
    "split-fraction-20": Case(lambda c: helpers.split_train_val(RAW, LABELS, 20), ValueError, ("val_fraction", "20")),
    "split-fraction-nan": Case(
        lambda c: helpers.split_train_val(RAW, LABELS, float("nan")), ValueError, ("val_fraction", "nan")
    ),
    "split-seed-negative": Case(lambda c: helpers.split_train_val(RAW, LABELS, seed=-1), ValueError, ("seed", "-1")),
    "split-one-hot-labels": Case(
        lambda c: helpers.split_train_val(RAW, np.zeros((4, 10), np.int64)),
        ValueError,
        (("원-핫", "one-hot"), "(4, 10)"),
    ),
    "split-label-10": Case(
        lambda c: helpers.split_train_val(RAW, np.array([0, 1, 2, 10])), ValueError, (("0~9", "0..9"), "0~10")
    ),
    "split-float-labels": Case(
        lambda c: helpers.split_train_val(RAW, LABELS.astype(float)), TypeError, (("정수", "integers"), "float64")
    ),
    "split-label-count": Case(
        lambda c: helpers.split_train_val(RAW, LABELS[:3]), ValueError, (("레이블 수", "labels"), "4, 3")
    ),
    "split-nan-images": Case(
        lambda c: helpers.split_train_val(with_value(RAW / 255, 3, np.nan), LABELS), ValueError, ("images", "NaN")
    ),
    "class_name-10": Case(lambda c: helpers.class_name(10), ValueError, (("0~9", "0..9"), "10")),
    "class_name-float": Case(lambda c: helpers.class_name(1.0), TypeError, ("1.0",)),
    "class_name-lang": Case(lambda c: helpers.class_name(1, lang="fr"), ValueError, ("'ko'", "'fr'")),
    # model
    "build_cnn-dropout-4": Case(lambda c: helpers.build_cnn(dropout=4), ValueError, ("dropout", "4")),  # Dropout(0,4)
    "build_cnn-dropout-1": Case(lambda c: helpers.build_cnn(dropout=1.0), ValueError, ("dropout", "1.0")),
    "build_cnn-filters-0": Case(lambda c: helpers.build_cnn(filters=(32, 0)), ValueError, ("filters", "(32, 0)")),
    "build_cnn-filters-empty": Case(lambda c: helpers.build_cnn(filters=()), ValueError, ("filters", "()")),
    "build_cnn-kernel-0": Case(lambda c: helpers.build_cnn(kernel_size=0), ValueError, ("kernel_size", "0")),
    "build_cnn-units-float": Case(lambda c: helpers.build_cnn(dense_units=2.5), TypeError, ("dense_units", "2.5")),
    "build_cnn-input-shape": Case(
        lambda c: helpers.build_cnn(input_shape=(28, 28)), ValueError, ("input_shape", "(28, 28)")
    ),
    "build_cnn-classes-negative": Case(lambda c: helpers.build_cnn(num_classes=-1), ValueError, ("num_classes", "-1")),
    "build_strong-dropout": Case(lambda c: helpers.build_strong_cnn(dropout=0.5 * 3), ValueError, ("dropout", "1.5")),
    "build_strong-augment": Case(lambda c: helpers.build_strong_cnn(augment="yes"), TypeError, ("augment", "'yes'")),
    "build_strong-input-shape": Case(
        lambda c: helpers.build_strong_cnn(input_shape=(28, 28, 0)), ValueError, ("input_shape", "(28, 28, 0)")
    ),
    # compiling, callbacks, seeds, modes
    "compile-rate-negative": Case(
        lambda c: helpers.compile_model(c["model"], learning_rate=-1), ValueError, ("learning_rate", "-1")
    ),
    "compile-rate-zero": Case(lambda c: helpers.compile_model(c["model"], 0), ValueError, ("learning_rate", "0")),
    "compile-rate-inf": Case(
        lambda c: helpers.compile_model(c["model"], float("inf")), ValueError, ("learning_rate", "inf")
    ),
    "compile-rate-nan": Case(
        lambda c: helpers.compile_model(c["model"], float("nan")), ValueError, ("learning_rate", "nan")
    ),
    "compile-rate-text": Case(
        lambda c: helpers.compile_model(c["model"], "1e-3"), TypeError, ("learning_rate", "'1e-3'")
    ),
    "compile-not-a-model": Case(lambda c: helpers.compile_model("model"), TypeError, ("Keras", "str")),
    "make_callbacks-none": Case(lambda c: helpers.make_callbacks(None), TypeError, ("checkpoint_path", "None")),
    "make_callbacks-suffix": Case(  # the seeds' typo
        lambda c: helpers.make_callbacks("best_cnn_model.h"), ValueError, (".keras", "'best_cnn_model.h'")
    ),
    "make_callbacks-h5": Case(
        lambda c: helpers.make_callbacks("best-cnn-model.h5"), ValueError, (".keras", "'best-cnn-model.h5'")
    ),
    "make_callbacks-no-suffix": Case(lambda c: helpers.make_callbacks("model"), ValueError, (".keras", "'model'")),
    "make_callbacks-patience": Case(
        lambda c: helpers.make_callbacks("best.keras", patience=-1), ValueError, ("patience", "-1")
    ),
    "seed-text": Case(lambda c: helpers.seed_everything("a"), TypeError, ("seed", "'a'")),
    "seed-negative": Case(lambda c: helpers.seed_everything(-1), ValueError, ("seed", "-1")),
    "seed-float": Case(lambda c: helpers.seed_everything(1.5), TypeError, ("seed", "1.5")),
    "seed-bool": Case(lambda c: helpers.seed_everything(True), TypeError, ("seed", "True")),
    "mode-unknown": Case(lambda c: helpers.get_run_mode("fast"), ValueError, ("'fast'", "'full'")),
    "mode-env-unknown": Case(
        lambda c: helpers.get_run_mode(), ValueError, ("COURSE_MODE", "'fast'", "full"), {"COURSE_MODE": "fast"}
    ),
    "mode-env-empty": Case(
        lambda c: helpers.get_run_mode(), ValueError, ("COURSE_MODE", "''", "unset"), {"COURSE_MODE": ""}
    ),
    "mode-env-blank": Case(
        lambda c: helpers.get_run_mode(), ValueError, ("COURSE_MODE", "'  '", "unset"), {"COURSE_MODE": "  "}
    ),
    "model-dir-env-blank": Case(
        lambda c: recipes.model_dir(), ValueError, ("COURSE_MODEL_DIR", "' '"), {"COURSE_MODEL_DIR": " "}
    ),
    "take-part": Case(
        lambda c: helpers.get_run_mode("quick").take(IMAGES, LABELS, "test"), ValueError, ("part", "'test'")
    ),
    # recipes: checked when made, before any data loads
    "recipe-epochs-0": Case(lambda c: helpers.Recipe(epochs=0), ValueError, ("epochs", "0")),
    "recipe-epochs-negative": Case(lambda c: helpers.Recipe(epochs=-3), ValueError, ("epochs", "-3")),
    "recipe-epochs-float": Case(lambda c: helpers.Recipe(epochs=2.5), TypeError, ("epochs", "2.5")),
    "recipe-batch-0": Case(lambda c: helpers.Recipe(batch_size=0), ValueError, ("batch_size", "0")),
    "recipe-rate-0": Case(lambda c: helpers.Recipe(learning_rate=0), ValueError, ("learning_rate", "0")),
    "recipe-rate-negative": Case(
        lambda c: helpers.Recipe(learning_rate=-1e-3), ValueError, ("learning_rate", "-0.001")
    ),
    "recipe-rate-nan": Case(lambda c: helpers.Recipe(learning_rate=float("nan")), ValueError, ("learning_rate", "nan")),
    "recipe-rate-text": Case(lambda c: helpers.Recipe(learning_rate="0.001"), TypeError, ("learning_rate", "'0.001'")),
    "recipe-patience-negative": Case(lambda c: helpers.Recipe(patience=-1), ValueError, ("patience", "-1")),
    "recipe-builder": Case(lambda c: helpers.Recipe(builder="resnet"), ValueError, ("builder", "'resnet'")),
    "recipe-model-list": Case(lambda c: helpers.Recipe(model=[("dense_units", 50)]), TypeError, ("model", "list")),
    "recipe-cosine-text": Case(lambda c: helpers.Recipe(cosine_decay="yes"), TypeError, ("cosine_decay", "'yes'")),
    "recipe-precision": Case(
        lambda c: helpers.Recipe(precision="float16"),
        ValueError,
        ("mixed_bfloat16", "'float16'", ("알 수 없는 정밀도", "Unknown precision 'float16'")),
    ),
    # the run store
    "train-recipe-text": Case(lambda c: helpers.train_or_load("cnn"), TypeError, ("recipe", "str")),
    "train-mode-unknown": Case(lambda c: helpers.train_or_load(mode="fast"), ValueError, ("'fast'", "'quick'")),
    "train-seed-negative": Case(lambda c: helpers.train_or_load(seed=-1), ValueError, ("seed", "-1")),
    "train-data-text": Case(lambda c: helpers.train_or_load(data="splits"), TypeError, ("DataSplits", "str")),
    "train-raw-images": Case(
        lambda c: helpers.train_or_load(data=splits_with(x_train=np.repeat(IMAGES * 255, 4, axis=0).astype(np.uint8))),
        TypeError,
        ("x_train", "scale_images", "uint8"),
    ),
    "train-no-channel-axis": Case(
        lambda c: helpers.train_or_load(data=splits_with(x_val=IMAGES[..., 0])),
        ValueError,
        (("채널", "channel"), "x_val", "(4, 28, 28)"),
    ),
    "train-times-255": Case(
        lambda c: helpers.train_or_load(data=splits_with(x_train=np.repeat(IMAGES, 4, axis=0) * 255)),
        ValueError,
        ("x_train", "255", "127.5~127.5"),
    ),
    "train-nan-images": Case(lambda c: helpers.train_or_load(data=NAN_SPLITS), ValueError, ("x_train", "NaN")),
    "train-inf-images": Case(lambda c: helpers.train_or_load(data=INF_SPLITS), ValueError, ("x_val", "inf")),
    "train-verbose": Case(lambda c: helpers.train_or_load(verbose=5), ValueError, ("verbose", "5")),
    "train-retrain-text": Case(lambda c: helpers.train_or_load(retrain="yes"), TypeError, ("retrain", "'yes'")),
    "train-lock-timeout": Case(lambda c: helpers.train_or_load(lock_timeout=-1), ValueError, ("lock_timeout", "-1")),
    "train-callbacks": Case(
        lambda c: helpers.train_or_load(extra_callbacks=print), TypeError, ("extra_callbacks", "print")
    ),
    "train-strategy": Case(lambda c: helpers.train_or_load(strategy="gpu"), TypeError, ("strategy", "str")),
    "find-seed-text": Case(lambda c: helpers.find_run(seed="a"), TypeError, ("seed", "'a'")),
    "save-not-a-model": Case(lambda c: helpers.save_trained("model", UNEQUAL), TypeError, ("Keras", "str")),
    "save-unequal-history": Case(lambda c: helpers.save_trained(c["model"], UNEQUAL), ValueError, ("history", "2")),
    "save-nan-history": Case(
        lambda c: helpers.save_trained(c["model"], {"loss": [np.nan], "val_loss": [1.0]}), ValueError, ("loss", "NaN")
    ),
    "save-seconds-length": Case(
        lambda c: helpers.save_trained(c["model"], {"loss": [1.0, 0.9], "val_loss": [1.0, 0.8]}, epoch_seconds=[3.0]),
        ValueError,
        ("epoch_seconds", "[3.0]"),
    ),
    # evaluation
    "evaluate-nan-images": Case(
        lambda c: helpers.evaluate_model(c["model"], with_value(IMAGES, 5, np.nan), LABELS),
        ValueError,
        ("images", "NaN"),
    ),
    "evaluate-uncompiled": Case(
        lambda c: helpers.evaluate_model(helpers.build_cnn(filters=(2,), dense_units=2), IMAGES, LABELS),
        ValueError,
        ("compile_model", "'fashion_cnn'"),
    ),
    "predict-inf-images": Case(
        lambda c: helpers.predict_proba(c["model"], with_value(IMAGES, 0, -np.inf)), ValueError, ("images", "inf")
    ),
    "predict_proba-one-image": Case(
        lambda c: helpers.predict_proba(c["model"], IMAGES[0]), ValueError, (("배치", "For one image"), "(28, 28, 1)")
    ),
    "predict-one-image": Case(
        lambda c: helpers.predict_labels(c["model"], IMAGES[0]), ValueError, ("x[0:1]", "(28, 28, 1)")
    ),
    "confusion-lengths": Case(
        lambda c: helpers.confusion(LABELS, LABELS[:3]), ValueError, ("4, 3", ("레이블 수", "labels"))
    ),
    "per-class-3x3": Case(lambda c: helpers.per_class_accuracy(np.eye(3)), ValueError, ("(10, 10)", "(3, 3)")),
    "per-class-10x9": Case(lambda c: helpers.per_class_accuracy(np.ones((10, 9))), ValueError, ("(10, 10)", "(10, 9)")),
    "per-class-negative": Case(
        lambda c: helpers.per_class_accuracy(with_value(np.eye(10, dtype=int), 3, -2)), ValueError, ("matrix", "-2")
    ),
    "per-class-nan": Case(
        lambda c: helpers.per_class_accuracy(with_value(np.eye(10), 3, np.nan)), ValueError, ("NaN",)
    ),
    # figures
    "plot_samples-count-0": Case(lambda c: plots.plot_samples(IMAGES, LABELS, count=0), ValueError, ("count", "0")),
    "plot_samples-count-negative": Case(
        lambda c: plots.plot_samples(IMAGES, LABELS, count=-3), ValueError, ("count", "-3")
    ),
    "plot_samples-columns-0": Case(
        lambda c: plots.plot_samples(IMAGES, LABELS, columns=0), ValueError, ("columns", "0")
    ),
    "plot_samples-nan": Case(
        lambda c: plots.plot_samples(with_value(IMAGES, 9, np.nan), LABELS), ValueError, ("images", "NaN")
    ),
    "plot_history-unequal": Case(lambda c: plots.plot_history(UNEQUAL), ValueError, ("history", "'val_loss': 1")),
    "plot_history-list": Case(lambda c: plots.plot_history([0.1, 0.2]), TypeError, ("History", "list")),
    "plot_history-no-loss": Case(
        lambda c: plots.plot_history({"accuracy": [0.5]}), ValueError, ("loss", "['accuracy']")
    ),
    "plot_history-inf": Case(lambda c: plots.plot_history({"loss": [np.inf, 1.0]}), ValueError, ("loss", "inf")),
    "plot_confusion-3x3": Case(lambda c: plots.plot_confusion(np.zeros((3, 3))), ValueError, ("(10, 10)", "(3, 3)")),
    "plot_confusion-negative": Case(
        lambda c: plots.plot_confusion(with_value(np.eye(10, dtype=int), 0, -1)), ValueError, ("matrix", "-1")
    ),
    "plot_confusion-normalize": Case(
        lambda c: plots.plot_confusion(np.eye(10), normalize="yes"), TypeError, ("normalize", "'yes'")
    ),
    "plot_mistakes-count-0": Case(
        lambda c: plots.plot_mistakes(IMAGES, LABELS, LABELS[::-1], count=0), ValueError, ("count", "0")
    ),
    "plot_prediction-nan-image": Case(
        lambda c: plots.plot_prediction(with_value(IMAGES[0], 1, np.nan), PROBABILITIES), ValueError, ("image", "NaN")
    ),
    "plot_prediction-not-a-distribution": Case(
        lambda c: plots.plot_prediction(IMAGES[0], np.ones(10)), ValueError, (("확률", "probability"), "1, 10~10")
    ),
    "plot_prediction-nan-probabilities": Case(
        lambda c: plots.plot_prediction(IMAGES[0], with_value(PROBABILITIES, 2, np.nan)),
        ValueError,
        ("probabilities", "NaN"),
    ),
    "plot_model-missing-folder": Case(
        lambda c: plots.plot_model_diagram(c["model"], c["folder"] / "missing" / "model.png"),
        ValueError,
        ("to_file", "missing"),
    ),
    "plot_model-suffix": Case(
        lambda c: plots.plot_model_diagram(c["model"], c["folder"] / "model.jpg"), ValueError, (".png", "'model.jpg'")
    ),
    "plot_model-not-a-model": Case(lambda c: plots.plot_model_diagram("model"), TypeError, ("Keras", "str")),
    "plot_model-dpi-0": Case(
        lambda c: plots.plot_model_diagram(c["model"], c["folder"] / "m.png", dpi=0), ValueError, ("dpi", "0")
    ),
}


@pytest.fixture(scope="module")
def model():
    return helpers.compile_model(helpers.build_cnn(filters=(2,), dense_units=2))


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_refused_clearly(name, model, tmp_path, monkeypatch):
    case = CASES[name]
    models = tmp_path / "models"
    monkeypatch.setenv("COURSE_MODEL_DIR", str(models))  # nothing may be stored, and never in the repository
    for variable, value in case.env.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises((ValueError, TypeError)) as caught:
        case.call({"model": model, "folder": tmp_path})
    assert isinstance(caught.value, case.error), repr(caught.value)
    raised_at = Path(traceback.extract_tb(caught.tb)[-1].filename).resolve()
    assert raised_at.is_relative_to(HELPERS), f"raised in {raised_at}, not by helpers"
    korean, english = str(caught.value).split("\n", 1)
    assert HANGUL.search(korean) and not HANGUL.search(english) and re.search("[A-Za-z]{3}", english)
    # "images의 dtype은", not "images 의 dtype 은" ("이 책" is the word "this", not a particle)
    assert not DETACHED_PARTICLE.search(korean.replace(" 이 책", " 책")), korean
    for word in case.words:
        korean_word, english_word = word if isinstance(word, tuple) else (word, word)
        assert korean_word in korean and english_word in english, (word, str(caught.value))
    assert not list(models.glob("**/*")), "refused, yet something was stored"
