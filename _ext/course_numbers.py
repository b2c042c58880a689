"""The intro's headline numbers, from the one source they belong to: the shipped models' manifest.

`make execute` exports the book's trained models with `helpers/trained/manifest.json` (their history, epoch times and
float32 evaluation). This extension turns it into MyST substitutions such as `{{ cnn_val_accuracy }}` for `.md` pages;
the lessons print the same numbers from their own cells. Accuracies are written as the lessons print them (0.9146, four
decimals); differences between accuracies in percentage points (%p). A missing manifest fails the build instead of
showing stale numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.errors import ConfigError

MANIFEST = Path(__file__).resolve().parents[1] / "helpers" / "trained" / "manifest.json"


def near_best(entry: dict) -> list[float]:
    """Validation accuracy of the best epoch and of the epochs just before and after it (as far as the run went):
    what the reported model would score had early stopping picked a neighbouring epoch."""
    history = entry["history"]["val_accuracy"]
    best = entry["best_epoch"] - 1  # epochs are counted from 1
    return history[max(best - 1, 0) : best + 2]


def numbers(manifest: dict) -> dict[str, str]:
    values = {}
    for name, entry in manifest.items():
        scores = entry["evaluation"]
        neighbours = near_best(entry)
        values.update(
            {
                f"{name}_parameters": f"{entry['parameters']:,}",
                f"{name}_epochs": str(entry["epochs_run"]),
                f"{name}_best_epoch": str(entry["best_epoch"]),
                f"{name}_median_epoch_seconds": f"{entry['median_epoch_seconds']:.1f}",
                f"{name}_training_minutes": f"{sum(entry['epoch_seconds']) / 60:.1f}",
                f"{name}_val_accuracy": f"{scores['val_accuracy']:.4f}",
                f"{name}_test_accuracy": f"{scores['test_accuracy']:.4f}",
                f"{name}_val_near_best": f"{min(neighbours):.4f}~{max(neighbours):.4f}",
                f"{name}_val_near_best_spread": f"{100 * (max(neighbours) - min(neighbours)):.2f}",
            }
        )
    machine = next(iter(manifest.values()))["machine"]
    values["run_machine"] = f"{machine['cpu']}, {machine['cores']}코어"
    return values


def add_numbers(app, config) -> None:
    if not MANIFEST.is_file():
        raise ConfigError(f"{MANIFEST} is missing: run `make execute` (it trains and exports the book's models)")
    config.myst_substitutions = {**config.myst_substitutions, **numbers(json.loads(MANIFEST.read_text("utf-8")))}


def setup(app):
    app.connect("config-inited", add_numbers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
