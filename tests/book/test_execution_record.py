"""The book ships from one recorded run: every notebook says how it was executed, and the records agree with each
other, with the locked library versions, with the sources and with the shipped trained models."""

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest
from locked import locked_versions

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [ROOT / f"{entry}.ipynb" for entry in re.findall(r"file:\s*(book/\d\S+)", (ROOT / "_toc.yml").read_text())]
MANIFEST = ROOT / "helpers" / "trained" / "manifest.json"
ids = [path.stem for path in NOTEBOOKS]
# Which lessons use which of the book's models (lesson 6 trains the lesson model, lesson 10 the stronger one).
USES = {"06_compile_and_train": {"cnn"}, "07_evaluate_and_predict": {"cnn"}, "08_filters_and_feature_maps": {"cnn"},
        "10_stronger_model": {"cnn", "strong"}, "11_what_the_model_sees": {"cnn", "strong"}}  # fmt: skip


def record(path: Path) -> dict:
    found = nbformat.read(path, as_version=4).metadata.get("execution_record")
    assert found, f"{path.name} has no execution_record: run `make execute`"
    return found


def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_notebook_records_its_run(path):
    found = record(path)
    missing = {"run_id", "date", "machine", "versions", "models"} - set(found)
    assert not missing, f"{path.name}: execution_record lacks {sorted(missing)}: run `make execute`"
    assert {"python", "tensorflow", "keras", "numpy"} <= set(found["versions"])
    assert found["machine"].get("cpu"), f"{path.name}: the record does not name the CPU"


def test_all_notebooks_ran_on_the_same_library_versions():
    versions = {path.name: json.dumps(record(path)["versions"], sort_keys=True) for path in NOTEBOOKS}
    assert len(set(versions.values())) == 1, "notebooks record different library versions: run `make execute`\n" + (
        "\n".join(f"{name}: {value}" for name, value in versions.items())
    )


def test_the_recorded_versions_are_the_locked_ones():
    locked = locked_versions()
    recorded = record(NOTEBOOKS[0])["versions"]
    tensorflow = locked.get("tensorflow-cpu") or locked.get("tensorflow")
    assert recorded["tensorflow"] == tensorflow and recorded["keras"] == locked["keras"], (
        f"the book was executed with {recorded}, requirements.lock says tensorflow {tensorflow}, keras "
        f"{locked['keras']}: run `make execute` in the locked environment (`make venv`)"
    )
    assert recorded["numpy"] == locked["numpy"], f"numpy {recorded['numpy']} recorded, {locked['numpy']} locked"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_code_cell_shows_the_source_it_ran(path):
    notebook = nbformat.read(path, as_version=4)
    for number, cell in enumerate((c for c in notebook.cells if c.cell_type == "code"), start=1):
        if 'importlib.metadata.version("fashion-cnn-course")' in cell.source:  # the Colab install cell: its tag changes
            continue
        recorded = cell.metadata.get("executed_source_sha256")
        first_line = cell.source.splitlines()[0] if cell.source else ""
        assert recorded == hashlib.sha256(cell.source.encode()).hexdigest(), (
            f"{path.name}, code cell {number} ({first_line[:60]!r}): its source changed after it was executed; "
            f"run `make execute NOTEBOOKS=book/{path.name}` (or `make execute` if it trains a model)"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebooks_used_the_shipped_models(path):
    shipped = {name: entry["weights_sha256"] for name, entry in manifest().items()}
    used = record(path)["models"]
    assert set(used) == USES.get(path.stem, set()), f"{path.name} recorded models {sorted(used)}: run `make execute`"
    for name, digest in used.items():
        assert digest == shipped[name], (
            f"{path.name}: its {name} model ({digest[:12]}) is not the shipped one ({shipped[name][:12]}): "
            "run `make execute` (the models and the notebooks must come from one run)"
        )


def test_the_shipped_models_come_from_the_books_run():
    run_ids = {record(path)["run_id"] for path in NOTEBOOKS if record(path)["models"]}
    for entry in manifest().values():
        assert entry["run_id"] in run_ids, f"helpers/trained/{entry['file']} comes from run {entry['run_id']}"
