"""The book's trained models, shipped with `helpers` (as the original book ships its `best-cnn-model` file).

`make execute` trains the lesson model (lesson 6) and the stronger model (lesson 10) once, from an empty cache, and
exports their weights here with a manifest: the files' SHA-256, the architecture's fingerprint, the history and the
float32 evaluation that the book's pages quote. Lessons 7, 8 and 10 then use the learner's own lesson-6 model when it is
in the cache and the book's otherwise, saying which; nothing retrains silently.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from helpers.fingerprints import (
    architecture,
    architecture_differences,
    architecture_sha256,
    file_sha256,
    weights_sha256,
)
from helpers.messages import bilingual
from helpers.recipes import BOOK_RECIPES, Recipe, resolve_mode
from helpers.record import note_run
from helpers.runstore import TrainingRun, find_run, train_or_load

TRAINED_DIR = Path(__file__).resolve().parent / "trained"
MANIFEST = TRAINED_DIR / "manifest.json"


class BookModelError(RuntimeError):
    """A shipped weights file is missing, damaged, or does not fit the architecture helpers builds."""


def read_manifest() -> dict:
    if not MANIFEST.is_file():
        raise BookModelError(
            bilingual(
                f"이 책의 훈련된 모델을 설명하는 파일이 없습니다: {MANIFEST}. `make execute`가 만듭니다.",
                f"The book's trained-model manifest is missing: {MANIFEST}. `make execute` creates it.",
            )
        )
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def build_float32(recipe: Recipe):
    """The recipe's architecture, computing in float32 whatever precision the recipe trains in."""
    return replace(recipe, precision="float32").build()


def check_fits(model, entry: dict, file_name: str) -> None:
    """Refuse weights whose architecture (layer order and kinds, settings, weight names, shapes, dtypes) differs from
    the model's, saying what differs and what to do. Keras' own config keys, which change per release, do not count."""
    if architecture_sha256(model) == entry["architecture_sha256"]:
        return
    expected = entry.get("architecture")  # manifests before 1.2 hold only the hash
    differences = architecture_differences(architecture(model), expected) if expected else []
    korean = "; ".join(ko for ko, _ in differences[:2]) or "구조의 지문이 다릅니다"
    english = "; ".join(en for _, en in differences[:2]) or "the architecture fingerprints differ"
    raise BookModelError(
        bilingual(
            f"{file_name}의 가중치를 이 모델에 불러올 수 없습니다. {korean}. 이 책의 모델은 helpers.build_cnn()과 "
            "helpers.build_strong_cnn()을 기본값으로 만든 모델입니다. 설치 셀로 이 책의 helpers를 다시 설치하거나, "
            "6장처럼 모델을 직접 훈련하세요.",
            f"{file_name} does not fit this model: {english}. The book's models are helpers.build_cnn() and "
            "helpers.build_strong_cnn() with their defaults; reinstall the book's helpers (the install cell) or train "
            "the model yourself as in lesson 6.",
        )
    )


def book_model(name: str) -> TrainingRun:
    """The book's shipped model `name` ('cnn' or 'strong'), built in float32, its file and architecture verified."""
    import keras

    if name not in BOOK_RECIPES:
        raise ValueError(
            bilingual(
                f"이 책의 모델 이름은 {', '.join(BOOK_RECIPES)} 중 하나입니다. 받은 이름: {name!r}",
                f"The book's models are {', '.join(BOOK_RECIPES)}; got {name!r}.",
            )
        )
    entry = read_manifest()[name]
    recipe = BOOK_RECIPES[name]
    path = TRAINED_DIR / entry["file"]
    if not path.is_file() or file_sha256(path) != entry["file_sha256"]:
        raise BookModelError(
            bilingual(
                f"이 책의 모델 파일이 없거나 손상되었습니다: {path}. helpers 패키지를 다시 설치하세요.",
                f"The book's model file is missing or damaged: {path}; reinstall the package.",
            )
        )
    model = build_float32(recipe)
    check_fits(model, entry, path.name)
    model.load_weights(path)
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"], optimizer=keras.optimizers.Adam())
    if weights_sha256(model) != entry["weights_sha256"]:
        raise BookModelError(
            bilingual(
                f"{path.name}의 가중치가 manifest.json에 적힌 것과 다릅니다.",
                f"{path.name}: the weights differ from manifest.json.",
            )
        )
    run = TrainingRun(
        model=model,
        history=entry["history"],
        epoch_seconds=entry["epoch_seconds"],
        loaded=True,
        folder=None,
        recipe=recipe,
        trainer="book",
    )
    return note_run(run)


def lesson_model(mode=None, data=None) -> TrainingRun:
    """Lesson 6's model for lessons 7, 8 and 10: the learner's own when cached, else the book's; says which.

    In quick mode (CI) with nothing cached, a small model is trained in seconds instead: the book's model is full-size.
    """
    mode = resolve_mode(mode)
    recipe = BOOK_RECIPES["cnn"]
    own = find_run(recipe, mode=mode, data=data)
    if own is not None:
        if own.trainer == "model.fit":  # lesson 6's own training, stored by save_trained
            print("6장에서 훈련해 저장한 모델을 불러왔습니다.")
        else:
            print("앞에서 6장과 같은 설정으로 훈련해 둔 모델을 불러왔습니다.")
        return own
    if mode.name == "full":
        print("이 컴퓨터에는 6장에서 훈련한 모델이 없어서, 이 책을 만들 때 6장에서 훈련한 모델을 불러왔습니다.")
        return book_model("cnn")
    print("6장에서 훈련한 모델이 없어서 작은 모델을 지금 훈련합니다.")
    return train_or_load(recipe, mode=mode, data=data, verbose=0)
