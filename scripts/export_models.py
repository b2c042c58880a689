"""After `make execute`: ship the run's trained models with helpers (helpers/trained/) and check the notebooks agree.

For each of the book's models (`helpers.book_models.BOOK_RECIPES`) the run store of this run holds the finished run;
its weights are saved from a float32 build of the same architecture (no optimizer state), evaluated in float32 on the
validation and test sets, and described in manifest.json. Every notebook that recorded one of these models must have
recorded the same weights.
"""

from __future__ import annotations

import json
import os
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial.weights.h5")
        model.save_weights(partial)
        os.replace(partial, target)
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
    book_models.MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
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
