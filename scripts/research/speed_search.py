"""Which configuration trains lesson 6's model fastest on this machine, keeping the seeds' recipe and determinism?

    python scripts/research/speed_search.py [--images 12000] [--repeats 3]       # throughput of every configuration
    python scripts/research/speed_search.py --accuracy baseline,mixed_bfloat16   # full lesson-6 runs of the chosen ones

The recipe is fixed (batch 32, Adam 0.001, patience 2, seed 42); what varies is how TensorFlow computes it: oneDNN
kernels on or off, intra-op threads, the input pipeline (NumPy arrays or a prefetching tf.data pipeline), mixed
bfloat16 precision, and XLA compilation (which Keras turns off under op determinism, so it is measured without it
and its run-to-run determinism is checked instead). Every measurement runs in a fresh process (oneDNN and threads
are fixed at TensorFlow's start), the configurations take turns (so the machine's drifting speed falls on all of them
alike), and the median of the repeats is reported. Each run also prints the SHA-256 of its final weights: equal
hashes across repeats mean the configuration is deterministic on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONFIGS = {
    "baseline": {},  # what helpers does today: oneDNN on, float32, op determinism, NumPy arrays, default threads
    "onednn_off": {"onednn": "0"},
    "threads_1": {"intra_threads": 1},
    "threads_2": {"intra_threads": 2, "inter_threads": 1},
    "tf_data_prefetch": {"pipeline": "tf.data"},
    "mixed_bfloat16": {"precision": "mixed_bfloat16"},
    "xla_no_determinism": {"xla": True, "determinism": False},
    "no_determinism": {"determinism": False},
}

WORKER = r"""
import json, os, sys, time
settings = json.loads(sys.argv[1]); images = int(sys.argv[2]); epochs = int(sys.argv[3])
os.environ["TF_ENABLE_ONEDNN_OPTS"] = settings.get("onednn", "1")
import tensorflow as tf
if "intra_threads" in settings:
    tf.config.threading.set_intra_op_parallelism_threads(settings["intra_threads"])
if "inter_threads" in settings:
    tf.config.threading.set_inter_op_parallelism_threads(settings["inter_threads"])
import keras, helpers
from helpers.fingerprints import weights_sha256
from helpers.precision import build_with_precision

data = helpers.load_splits()
x, y = data.x_train[:images], data.y_train[:images]
if settings.get("determinism", True):
    helpers.seed_everything(42)
else:
    keras.utils.set_random_seed(42)
model = build_with_precision(helpers.build_cnn, settings.get("precision", "float32"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"],
              jit_compile=bool(settings.get("xla", False)))
if settings.get("pipeline") == "tf.data":
    def batches(xs, ys):
        dataset = tf.data.Dataset.from_tensor_slices((xs, ys)).shuffle(len(xs), seed=42)
        return dataset.batch(32).prefetch(tf.data.AUTOTUNE)
    model.fit(batches(x[:1024], y[:1024]), epochs=1, verbose=0)  # build and trace before timing
    start = time.perf_counter()
    model.fit(batches(x, y), epochs=epochs, verbose=0)
else:
    model.fit(x[:1024], y[:1024], batch_size=32, epochs=1, verbose=0)
    start = time.perf_counter()
    model.fit(x, y, batch_size=32, epochs=epochs, verbose=0)
seconds = time.perf_counter() - start
accuracy = model.evaluate(data.x_val, data.y_val, verbose=0, return_dict=True)["accuracy"]
print(json.dumps({"images_per_s": images * epochs / seconds, "val_accuracy": float(accuracy),
                  "weights": weights_sha256(model)[:16]}))
"""

FULL_RUN = r"""
import json, os, sys, time
settings = json.loads(sys.argv[1])
os.environ["TF_ENABLE_ONEDNN_OPTS"] = settings.get("onednn", "1")
import keras, helpers
from helpers.precision import build_with_precision
data = helpers.load_splits()
helpers.seed_everything(42)
model = build_with_precision(helpers.build_cnn, settings.get("precision", "float32"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
stop = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
start = time.perf_counter()
history = model.fit(data.x_train, data.y_train, epochs=20, validation_data=(data.x_val, data.y_val),
                    callbacks=[stop], verbose=0)
seconds = time.perf_counter() - start
scores = helpers.evaluate_model(helpers.precision.as_float32(model), data.x_val, data.y_val)
print(json.dumps({"seconds": seconds, "epochs": len(history.history["loss"]), "val_accuracy": scores["accuracy"]}))
"""


def run_worker(code: str, *arguments: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def throughput(names: list[str], images: int, epochs: int, repeats: int) -> dict[str, list[dict]]:
    runs = {name: [] for name in names}
    for repeat in range(repeats):
        for name in names:
            runs[name].append(run_worker(WORKER, json.dumps(CONFIGS[name]), str(images), str(epochs)))
            print(f"  repeat {repeat + 1} {name}: {runs[name][-1]}", flush=True)
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=12000)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--accuracy", help="comma-separated configurations to train fully (lesson 6's 20 epochs)")
    args = parser.parse_args()
    if args.accuracy:
        for name in args.accuracy.split(","):
            print(name, run_worker(FULL_RUN, json.dumps(CONFIGS[name])), flush=True)
        return 0
    names = args.configs.split(",")
    runs = throughput(names, args.images, args.epochs, args.repeats)
    base = statistics.median(r["images_per_s"] for r in runs["baseline"]) if "baseline" in runs else None
    print(f"\n| configuration | images/s (median of {args.repeats}) | × baseline | val acc | deterministic |")
    print("| --- | --- | --- | --- | --- |")
    for name in names:
        rate = statistics.median(r["images_per_s"] for r in runs[name])
        same = len({r["weights"] for r in runs[name]}) == 1
        ratio = f"{rate / base:.2f}" if base else ""
        accuracy = statistics.median(r["val_accuracy"] for r in runs[name])
        print(f"| {name} | {rate:.0f} | {ratio} | {accuracy:.4f} | {'yes' if same else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
