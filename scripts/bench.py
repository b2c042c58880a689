"""`make bench`: the seed notes' data path against the helpers path, plus book and nbval timings.

Prints a table and writes it as markdown to _build/benchmark.md. Numbers depend on the machine; the
ratios are what the targets are about (helpers ≥ 1.3× the seed-style training throughput at the same
accuracy; data-preparation memory halved; book build < 90 s, no-change rebuild < 20 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# "The same accuracy": validation accuracies after the same seeded training within one percentage point.
ACCURACY_TOLERANCE = 0.01
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

PREP = {
    # the seeds: `reshape(-1, 28, 28, 1) / 255.0` gives float64, then the split copies it
    "seed": """
import numpy as np
from sklearn.model_selection import train_test_split
x = x_raw.reshape(-1, 28, 28, 1) / 255.0
x_train, x_val, y_train, y_val = train_test_split(x, y_raw, test_size=0.2, random_state=42)
""",
    # helpers.load_splits(): split the uint8 images, then scale each part once; the model is built with
    # the precision helpers picks for this machine (bfloat16 where the CPU computes in it)
    "helpers": """
import helpers
x_train, x_val, y_train, y_val = helpers.split_train_val(x_raw, y_raw)
x_train, x_val = helpers.scale_images(x_train), helpers.scale_images(x_val)
""",
}


def prep_peak_mb(path: str) -> float:
    """Peak memory allocated while preparing the data, in a fresh interpreter (tracemalloc sees NumPy)."""
    code = f"""
import json, tracemalloc, helpers
(x_raw, y_raw), _ = helpers.load_fashion_mnist()
tracemalloc.start()
{PREP[path]}
print(json.dumps(tracemalloc.get_traced_memory()[1] / 1e6))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def forward_flops(model) -> int:
    """Multiply-adds of one image's forward pass, ×2 for FLOPs, from the layers' shapes."""
    total = 0
    for layer in model.layers:
        kind = layer.__class__.__name__
        if kind == "Conv2D":
            _, h, w, out_channels = layer.output.shape
            kh, kw, in_channels, _ = layer.kernel.shape
            total += 2 * h * w * out_channels * kh * kw * in_channels
        elif kind == "Dense":
            total += 2 * layer.kernel.shape[0] * layer.kernel.shape[1]
    return total


def prepared(path: str, x_raw, y_raw):
    namespace = {"x_raw": x_raw, "y_raw": y_raw}
    exec(PREP[path], namespace)
    return namespace["x_train"], namespace["x_val"], namespace["y_train"], namespace["y_val"]


def training_throughput(images: int, epochs: int, repeats: int) -> dict:
    """Median images/s over `repeats` timed fits per path, the paths taking turns so that drift in the machine's
    speed (warm-up, other load) falls on both alike; both models are seeded the same way."""
    import statistics

    import helpers
    from helpers.precision import resolve_precision

    (x_raw, y_raw), _ = helpers.load_fashion_mnist()
    data = {path: prepared(path, x_raw, y_raw) for path in PREP}
    precision = {"seed": "float32", "helpers": resolve_precision("auto")}
    for path in PREP:  # the first fit of each kind in a process runs slow; keep it untimed
        warm_up = helpers.compile_model(helpers.Recipe(precision=precision[path]).build())
        warm_up.fit(data[path][0][:4096], data[path][2][:4096], batch_size=32, epochs=1, verbose=0)
    speeds = {path: [] for path in PREP}
    accuracy = {}
    for _ in range(repeats):
        for path, (x_train, x_val, y_train, y_val) in data.items():
            helpers.seed_everything(42)
            model = helpers.compile_model(helpers.Recipe(precision=precision[path]).build())
            model.fit(x_train[:1024], y_train[:1024], batch_size=32, epochs=1, verbose=0)  # build and trace first
            start = time.perf_counter()
            model.fit(x_train[:images], y_train[:images], batch_size=32, epochs=epochs, verbose=0)
            speeds[path].append(images * epochs / (time.perf_counter() - start))
            accuracy[path] = float(model.evaluate(x_val, y_val, verbose=0, return_dict=True)["accuracy"])
    flops = 3 * forward_flops(model)  # a training step: forward plus a backward pass of about twice the cost
    results = {"train_flops_per_image": flops}
    for path, (x_train, *_) in data.items():
        rate = statistics.median(speeds[path])
        results[path] = {
            "images_per_s": rate,
            "val_accuracy": accuracy[path],
            "dtype": str(x_train.dtype),
            "precision": precision[path],
            "gflops_per_s": flops * rate / 1e9,
            "runs": [round(v) for v in speeds[path]],
        }
    return results


def verdict(met: bool) -> str:
    return "달성" if met else "미달"


def cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=20000, help="training images per timed epoch")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3, help="timed fits per path, taking turns")
    parser.add_argument("--skip-nbval", action="store_true", help="leave out the nbval pass (minutes)")
    args = parser.parse_args()

    rows = []
    memory = {path: prep_peak_mb(path) for path in PREP}
    rows.append(
        (
            "데이터 준비 최대 메모리 (MB)",
            f"{memory['seed']:.0f}",
            f"{memory['helpers']:.0f}",
            f"{memory['seed'] / memory['helpers']:.2f}× 적음 (목표 ≥ 2×, "
            f"{verdict(memory['seed'] / memory['helpers'] >= 2)})",
        )
    )
    speed = training_throughput(args.images, args.epochs, args.repeats)
    seed, ours = speed["seed"], speed["helpers"]
    ratio = ours["images_per_s"] / seed["images_per_s"]
    accuracy_gap = ours["val_accuracy"] - seed["val_accuracy"]
    rows.append(
        (
            "입력 배열 / 연산 정밀도",
            f"{seed['dtype']} / {seed['precision']}",
            f"{ours['dtype']} / {ours['precision']}",
            "",
        )
    )
    rows.append(
        (
            "훈련 처리량 (이미지/초, 배치 32)",
            f"{seed['images_per_s']:.0f}",
            f"{ours['images_per_s']:.0f}",
            f"{ratio:.2f}× (목표 ≥ 1.3×, {verdict(ratio >= 1.3)})",
        )
    )
    rows.append(
        (
            "검증 정확도 (같은 훈련 후)",
            f"{seed['val_accuracy']:.4f}",
            f"{ours['val_accuracy']:.4f}",
            f"{accuracy_gap:+.4f} (같은 정확도: 차이 ≤ {ACCURACY_TOLERANCE}, "
            f"{verdict(abs(accuracy_gap) <= ACCURACY_TOLERANCE)})",
        )
    )
    rows.append(
        (
            "각 측정 (이미지/초)",
            " / ".join(map(str, seed["runs"])),
            " / ".join(map(str, ours["runs"])),
            "중앙값을 위에 씀",
        )
    )
    rows.append(("달성 GFLOP/s", f"{seed['gflops_per_s']:.2f}", f"{ours['gflops_per_s']:.2f}", ""))
    rows.append(("훈련 FLOPs / 이미지", "", f"{speed['train_flops_per_image'] / 1e6:.1f} M", ""))

    jupyter_book = str(Path(sys.executable).with_name("jupyter-book"))
    build = [jupyter_book, "build", ".", "-W", "--keep-going", "--builder", "html"]
    shutil.rmtree(ROOT / "_build" / "html", ignore_errors=True)
    shutil.rmtree(ROOT / "_build" / ".doctrees", ignore_errors=True)
    first, again = timed(build), timed(build)
    rows.append(("make book (저장된 출력으로, 처음부터)", "", f"{first:.1f} s", f"목표 < 90 s, {verdict(first < 90)}"))
    rows.append(("make book (바뀐 것 없이 다시)", "", f"{again:.1f} s", f"목표 < 20 s, {verdict(again < 20)}"))
    if not args.skip_nbval:
        nbval = [sys.executable, "-m", "pytest", "-q", "--nbval", "--nbval-current-env", "book"]
        env_mode = os.environ.get("COURSE_MODE")
        os.environ["COURSE_MODE"] = "quick"
        rows.append(("nbval (빠른 모드, 모든 노트북)", "", f"{timed(nbval):.0f} s", ""))
        if env_mode is None:
            del os.environ["COURSE_MODE"]

    import tensorflow as tf

    from helpers.precision import cpu_flags

    machine = (
        f"{cpu_name()}, {os.cpu_count()} CPU, Python {platform.python_version()}, TensorFlow {tf.__version__}, "
        f"TF_ENABLE_ONEDNN_OPTS={os.environ.get('TF_ENABLE_ONEDNN_OPTS', '')}, "
        f"AVX-512 BF16 {'있음' if 'avx512_bf16' in cpu_flags() else '없음'}"
    )
    header = ("항목", "원본 노트 방식", "helpers 방식", "비율 / 목표")
    lines = [
        f"벤치마크 ({time.strftime('%Y-%m-%d')}, {machine})",
        "",
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "benchmark.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
