"""After `make execute`: ship the run's trained models with helpers (helpers/trained/) and check the notebooks agree.

For each of the book's models (`helpers.book_models.BOOK_RECIPES`) the run store of this run holds the finished run;
its weights are saved from a float32 build of the same architecture (no optimizer state), evaluated in float32 on the
validation and test sets, and described in manifest.json. Every notebook that recorded one of these models must have
recorded the same weights.

Each model is also exported to ONNX for the book's "직접 그려 보기" page (onnxruntime-web in the reader's browser): one
graph with three outputs, the probabilities and the feature maps of the first two convolution blocks, described under
the model's "onnx" key in manifest.json; with it, test_samples.json, the test images the page offers. To export them
again from the weights already shipped, without `make execute`:

    python scripts/export_models.py --browser
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The feature maps the page shows: each block's output after its activation (the strong model's convolutions have none;
# its ReLU comes after batch normalization). 32 and 64 maps in both models.
FEATURE_LAYERS = {"cnn": ("conv1", "conv2"), "strong": ("relu1", "relu2")}
ONNX_OUTPUTS = ("probabilities", "features1", "features2")
SAMPLES_PER_CLASS = 2  # test images the page offers: the first of each class in the test set


def browser_model(model, feature_layers: tuple[str, ...]):
    """The model for inference with its feature maps as extra outputs, sharing its layers (and so its weights).

    Augmentation and dropout do nothing outside training and are left out: traced into ONNX, RandomFlip would bring
    random-number ops onnxruntime does not have.
    """
    import keras

    image = keras.Input(model.inputs[0].shape[1:], name="image")
    tensor, outputs = image, {}
    for layer in model.layers:
        if isinstance(layer, (keras.layers.RandomFlip, keras.layers.Dropout)):
            continue
        tensor = outputs[layer.name] = layer(tensor)
    browser = keras.Model(image, [tensor, *(outputs[name] for name in feature_layers)], name=f"{model.name}_browser")
    browser(keras.ops.zeros((1, *model.inputs[0].shape[1:])))  # export wants a model that has been called
    return browser


def export_onnx(name: str, model) -> dict:
    """helpers/trained/<name>.onnx from a float32 book model; its manifest entry."""
    import onnx

    from helpers import book_models
    from helpers.files import write_atomically
    from helpers.fingerprints import file_sha256, weights_sha256

    target = book_models.TRAINED_DIR / f"{name}.onnx"
    exported = browser_model(model, FEATURE_LAYERS[name])
    write_atomically(target, lambda temporary: exported.export(str(temporary), format="onnx", verbose=False))
    graph = onnx.load(str(target)).graph
    return {
        "file": target.name,
        "file_sha256": file_sha256(target),
        "weights_sha256": weights_sha256(model),
        "input": graph.input[0].name,
        "outputs": dict(zip(ONNX_OUTPUTS, (output.name for output in graph.output), strict=True)),
        "feature_layers": list(FEATURE_LAYERS[name]),
    }


def export_test_samples(data) -> dict:
    """helpers/trained/test_samples.json: a few test images (uint8, base64) with their index and true label."""
    import numpy as np

    from helpers import book_models
    from helpers.fingerprints import file_sha256

    raw = np.clip(np.rint(data.x_test[..., 0] * 255), 0, 255).astype(np.uint8)
    picked = [int(i) for label in range(10) for i in np.flatnonzero(data.y_test == label)[:SAMPLES_PER_CLASS]]
    samples = [
        {"index": i, "label": int(data.y_test[i]), "pixels": base64.b64encode(raw[i].tobytes()).decode()}
        for i in picked
    ]
    from helpers.files import write_atomically

    target = book_models.TRAINED_DIR / "test_samples.json"
    text = json.dumps({"size": 28, "samples": samples}, indent=0) + "\n"
    write_atomically(target, lambda temporary: temporary.write_text(text, encoding="utf-8"))
    return {"file": target.name, "file_sha256": file_sha256(target), "indices": picked}


def write_manifest(manifest: dict) -> None:
    from helpers import book_models
    from helpers.files import write_atomically

    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    write_atomically(book_models.MANIFEST, lambda temporary: temporary.write_text(text, encoding="utf-8"))


def export_browser(manifest: dict, data) -> dict:
    """The ONNX files and the page's test images, from the models manifest.json describes; the manifest updated."""
    from helpers import book_models

    samples = export_test_samples(data)
    for name in book_models.BOOK_RECIPES:  # the manifest's keys stay the models: the samples go with each export
        manifest[name]["onnx"] = {**export_onnx(name, book_models.book_model(name).model), "test_samples": samples}
    write_manifest(manifest)
    return manifest


def evaluation(model, data) -> dict[str, float]:
    """Loss and accuracy on the validation and test sets, the figures the book's pages quote."""
    import helpers

    scores = {}
    for part in ("val", "test"):
        result = helpers.evaluate_model(model, getattr(data, f"x_{part}"), getattr(data, f"y_{part}"))
        scores.update({f"{part}_accuracy": result["accuracy"], f"{part}_loss": result["loss"]})
    return scores


def export(run_id: str, machine: dict, records: dict) -> dict:
    import helpers
    from helpers import book_models
    from helpers.files import write_atomically
    from helpers.fingerprints import architecture, architecture_sha256, data_sha256, file_sha256, weights_sha256

    data = helpers.load_splits()
    mode = helpers.get_run_mode("full")
    manifest = {}
    book_models.TRAINED_DIR.mkdir(exist_ok=True)
    for name, recipe in book_models.BOOK_RECIPES.items():
        run = helpers.find_run(recipe, mode=mode, data=data)
        if run is None:
            raise SystemExit(f"export: no finished {name} run in this run's model cache; did its lesson train it?")
        model = book_models.build_float32(recipe)
        model.set_weights(run.model.get_weights())
        model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        target = book_models.TRAINED_DIR / f"{name}.weights.h5"
        write_atomically(target, lambda temporary, model=model: model.save_weights(str(temporary)))
        history = {key: [float(v) for v in values] for key, values in run.history.items()}
        manifest[name] = {
            "file": target.name,
            "file_sha256": file_sha256(target),
            "weights_sha256": weights_sha256(model),
            "architecture_sha256": architecture_sha256(model),
            "architecture": architecture(model),  # what book_model names when a model differs
            "parameters": int(model.count_params()),
            "recipe": recipe.key(),
            "trainer": run.trainer,
            "data_sha256": data_sha256(data.x_train, data.y_train, data.x_val, data.y_val),
            "history": history,
            "epoch_seconds": [round(s, 2) for s in run.epoch_seconds],
            "epochs_run": len(history["loss"]),
            "best_epoch": run.best_epoch,
            "median_epoch_seconds": round(statistics.median(run.epoch_seconds), 1),
            "evaluation": evaluation(model, data),
            "run_id": run_id,
            "machine": machine,
        }
    write_manifest(manifest)
    export_browser(manifest, data)
    disagree = [
        f"{path.name}: {name} {digest[:12]} != exported {manifest[name]['weights_sha256'][:12]}"
        for path, record in records.items()
        for name, digest in record["models"].items()
        if digest != manifest[name]["weights_sha256"]
    ]
    if disagree:
        raise SystemExit("export: notebooks used other weights than the exported ones:\n" + "\n".join(disagree))
    print(f"exported {', '.join(manifest)} to {book_models.TRAINED_DIR.relative_to(ROOT)}")
    return manifest


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--browser", action="store_true", help="export the ONNX files and test_samples.json from the shipped weights"
    )
    args = parser.parse_args(arguments)
    if not args.browser:
        parser.error("the full export runs inside `make execute`; here only --browser")
    import helpers
    from helpers import book_models

    manifest = export_browser(book_models.read_manifest(), helpers.load_splits())
    for name in book_models.BOOK_RECIPES:
        entry = manifest[name]["onnx"]
        print(f"{entry['file']}: sha256 {entry['file_sha256'][:16]}…, from weights {entry['weights_sha256'][:16]}…")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
