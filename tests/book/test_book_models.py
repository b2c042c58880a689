"""The trained models that ship with helpers: verified on load, and the accuracies the book prints are theirs.

Evaluation runs in float32 on any CPU, so these checks hold on machines other than the one that built the book."""

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers import book_models
from helpers.fingerprints import file_sha256, weights_sha256

ROOT = Path(__file__).resolve().parents[2]


def manifest() -> dict:
    return json.loads(book_models.MANIFEST.read_text(encoding="utf-8"))


def printed(notebook: str) -> str:
    nb = nbformat.read(ROOT / "book" / f"{notebook}.ipynb", as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


def printed_accuracy(text: str, label: str) -> float:
    found = re.findall(rf"^{re.escape(label)}\s*([01]\.\d{{4}})", text, flags=re.M)
    assert len(found) == 1, f"expected one printed line starting {label!r}, found {len(found)}"
    return float(found[0])


@pytest.mark.parametrize("name", ["cnn", "strong"])
def test_shipped_file_matches_its_manifest_entry(name):
    entry = manifest()[name]
    path = book_models.TRAINED_DIR / entry["file"]
    assert file_sha256(path) == entry["file_sha256"], f"{path.name} differs from manifest.json: run `make execute`"


@pytest.mark.parametrize("name", ["cnn", "strong"])
def test_book_model_loads_in_float32_with_the_recorded_weights(name):
    run = book_models.book_model(name)
    assert all(layer.dtype_policy.compute_dtype == "float32" for layer in run.model.layers)
    assert weights_sha256(run.model) == manifest()[name]["weights_sha256"]
    assert run.model.count_params() == manifest()[name]["parameters"]


@pytest.fixture(scope="module")
def shipped_scores(splits):
    scores = {}
    for name in ("cnn", "strong"):
        model = book_models.book_model(name).model
        scores[name] = {
            part: helpers.evaluate_model(model, getattr(splits, f"x_{part}"), getattr(splits, f"y_{part}"))["accuracy"]
            for part in ("val", "test")
        }
    return scores


def test_lesson_7_prints_the_shipped_lesson_models_accuracies(shipped_scores):
    text = printed("07_evaluate_and_predict")
    assert printed_accuracy(text, "검증 정확도") == pytest.approx(shipped_scores["cnn"]["val"], abs=5e-4)
    assert printed_accuracy(text, "테스트 정확도") == pytest.approx(shipped_scores["cnn"]["test"], abs=5e-4)


@pytest.mark.parametrize("name, label", [("cnn", "6장의 모델:"), ("strong", "더 강한 모델:")])
def test_lesson_10_table_is_the_shipped_models(shipped_scores, name, label):
    text = printed("10_stronger_model")
    line = re.search(rf"^{label} 검증 정확도 ([01]\.\d{{4}}), 테스트 정확도 ([01]\.\d{{4}})", text, flags=re.M)
    assert line, f"lesson 10 prints no line '{label} 검증 정확도 …, 테스트 정확도 …'"
    assert float(line[1]) == pytest.approx(shipped_scores[name]["val"], abs=5e-4)
    assert float(line[2]) == pytest.approx(shipped_scores[name]["test"], abs=5e-4)


@pytest.mark.parametrize("name", ["cnn", "strong"])
def test_the_manifest_quotes_the_shipped_models_accuracies(shipped_scores, name):
    quoted = manifest()[name]["evaluation"]
    assert quoted["val_accuracy"] == pytest.approx(shipped_scores[name]["val"], abs=5e-4)
    assert quoted["test_accuracy"] == pytest.approx(shipped_scores[name]["test"], abs=5e-4)


def test_a_damaged_shipped_file_is_refused_with_a_clear_error(tmp_path, monkeypatch):
    copy = tmp_path / "trained"
    shutil.copytree(book_models.TRAINED_DIR, copy)
    target = copy / manifest()["cnn"]["file"]
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    monkeypatch.setattr(book_models, "TRAINED_DIR", copy)
    monkeypatch.setattr(book_models, "MANIFEST", copy / "manifest.json")
    with pytest.raises(book_models.BookModelError, match="손상"):
        book_models.book_model("cnn")


def test_lesson_model_uses_the_learners_own_model_when_cached(splits, tmp_path, monkeypatch, capsys):
    """Full mode, empty cache → the book's model; after lesson 6 saved one → the learner's."""
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    first = book_models.lesson_model(mode="full", data=splits)
    assert first.trainer == "book" and "이 책을 만들 때" in capsys.readouterr().out
    helpers.seed_everything(42)
    model = helpers.compile_model(helpers.build_cnn())
    history = model.fit(splits.x_train[:256], splits.y_train[:256], epochs=1, verbose=0,
                        validation_data=(splits.x_val[:128], splits.y_val[:128])).history  # fmt: skip
    helpers.save_trained(model, history, mode="full", data=splits, epoch_seconds=[1.0])
    own = book_models.lesson_model(mode="full", data=splits)
    assert "6장에서 훈련해 저장한" in capsys.readouterr().out
    assert weights_sha256(own.model) == weights_sha256(model)
