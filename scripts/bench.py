"""`make bench`: what learners and instructors wait for, measured on this machine.

    python scripts/bench.py [--sections training,lessons,execute,test,book,browser] [--epochs 3] [--repeats 3]

- training: the seed notes' training script (corrected only where Keras 3 raises; scripts/bench_seed_style.py) against
  lesson 6's training (scripts/bench_lesson6.py), end to end in fresh processes, the same epochs, taking turns; the
  time each needs to reach the same validation accuracy, and how much output each prints.
- lessons: lessons 7, 8 and 10 executed standalone from an empty model cache in full mode, as a Colab learner runs them
  (lesson 10 trains the stronger model, so it runs once).
- execute: the whole `make execute`, from the execution records it wrote into the notebooks (re-running it takes an
  hour; the records are that run's own clock).
- test: `make test` on a fresh clone of this repository, with its set-up (a new .venv from the lock, with pip's cache
  warm) and again without it.
- book: `make book` from scratch and again with nothing changed, in that clone.
- browser: the "직접 그려 보기" page in headless Chromium on a fresh build of the book (scripts/bench_browser.py): time
  to the first prediction on a cold load, milliseconds per prediction while drawing, bytes the page transfers.

Each row says how many runs its median comes from. The table is printed and written to _build/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
EPOCH_LINE = re.compile(r"(\d+)s(?: | - )\d+m?s/step.*val_accuracy: ([0-9.]+)")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def machine_line() -> str:
    from execute import library_versions

    from helpers.timing import cpu_model

    versions = library_versions()
    return (
        f"{cpu_model()}, {os.cpu_count()} CPU, Python {versions['python']}, TensorFlow {versions['tensorflow']}, "
        f"Keras {versions['keras']}, TF_ENABLE_ONEDNN_OPTS={os.environ.get('TF_ENABLE_ONEDNN_OPTS', '1')}"
    )


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds, result.stdout + result.stderr


def training_run(script: str, epochs: int) -> dict:
    """One end-to-end run: wall time, per-epoch seconds and validation accuracy, bytes printed."""
    with tempfile.TemporaryDirectory() as scratch:
        checkpoint = str(Path(scratch) / ("best-cnn-model.h5" if "seed" in script else "best-cnn-model.keras"))
        wall, output = timed([sys.executable, str(SCRIPTS / script), str(epochs), checkpoint], cwd=ROOT)
    segments = re.split(r"[\r\n]", ANSI.sub("", output))  # the progress bar redraws its line with \r
    found = [EPOCH_LINE.search(segment) for segment in segments if "val_accuracy" in segment]
    epochs_seen = [(int(match[1]), float(match[2])) for match in found if match]
    if len(epochs_seen) != epochs:
        raise SystemExit(f"{script}: expected {epochs} epoch lines, found {len(epochs_seen)}:\n{output[-1500:]}")
    return {"wall": wall, "epochs": epochs_seen, "output_bytes": len(output.encode())}


def time_to(run: dict, target: float) -> float | None:
    """Seconds from the process start to the end of the first epoch at or above `target` validation accuracy."""
    start_up = run["wall"] - sum(seconds for seconds, _ in run["epochs"])
    elapsed = start_up
    for seconds, accuracy in run["epochs"]:
        elapsed += seconds
        if accuracy >= target:
            return elapsed
    return None


def training(epochs: int, repeats: int) -> list[tuple[str, str, str, str]]:
    scripts = {"seed": "bench_seed_style.py", "lesson": "bench_lesson6.py"}
    runs = {name: [] for name in scripts}
    for _ in range(repeats):
        for name, script in scripts.items():
            runs[name].append(training_run(script, epochs))
    target = min(max(a for _, a in run["epochs"]) for name in runs for run in runs[name])
    rows = []

    def median(values):
        return statistics.median(values)

    def both(measure, fmt):
        return tuple(fmt.format(median([measure(run) for run in runs[name]])) for name in scripts)

    seed, lesson = both(lambda run: run["wall"], "{:.0f} s")
    ratio = median([r["wall"] for r in runs["seed"]]) / median([r["wall"] for r in runs["lesson"]])
    rows.append(
        (f"훈련 {epochs} 에포크, 처음부터 끝까지 (중앙값, {repeats}회씩 번갈아)", seed, lesson, f"{ratio:.2f}×")
    )
    seed, lesson = both(lambda run: median([s for s, _ in run["epochs"]]), "{:.0f} s")
    rows.append(("에포크 시간 (중앙값)", seed, lesson, ""))
    reach = {name: [time_to(run, target) for run in runs[name]] for name in scripts}
    seed, lesson = (f"{median(reach[name]):.0f} s" for name in scripts)
    rows.append((f"검증 정확도 {target:.4f}에 이를 때까지", seed, lesson, "둘 다 이른 정확도 중 낮은 쪽"))
    seed, lesson = both(lambda run: run["epochs"][-1][1], "{:.4f}")
    rows.append((f"{epochs} 에포크 뒤 검증 정확도 (중앙값)", seed, lesson, ""))
    seed, lesson = both(lambda run: run["output_bytes"] / 1000, "{:.0f} KB")
    rows.append(("출력한 글자 양", seed, lesson, ""))
    return rows


def notebook_run(name: str) -> float:
    """Seconds to execute one lesson in full mode from an empty model cache, in a fresh kernel, as `make execute`
    runs it but into a scratch copy: nothing stored is written."""
    from execute import environment, run

    path = ROOT / "book" / f"{name}.ipynb"
    with tempfile.TemporaryDirectory() as scratch, environment(COURSE_MODEL_DIR=scratch, COURSE_MODE="full"):
        copy = Path(scratch) / path.name
        shutil.copy(path, copy)
        start = time.perf_counter()
        run(path, copy)
        return time.perf_counter() - start


def lessons(repeats: int) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, times in (("07_evaluate_and_predict", repeats), ("08_filters_and_feature_maps", repeats)):
        runs = [notebook_run(name) for _ in range(times)]
        rows.append(
            (f"{name[:2]}장만 실행, 빈 모델 캐시 ({times}회 중앙값)", "", f"{statistics.median(runs):.0f} s", "")
        )
    lesson10 = notebook_run("10_stronger_model")
    rows.append(("10장만 실행, 빈 모델 캐시 (더 강한 모델을 훈련, 1회)", "", f"{lesson10 / 60:.1f} min", ""))
    return rows


def execute_record() -> list[tuple[str, str, str, str]]:
    import nbformat
    from execute import toc_notebooks

    records = [nbformat.read(path, as_version=4).metadata.get("execution_record", {}) for path in toc_notebooks()]
    if not all(records) or len({r["run_id"] for r in records}) != 1:
        return [("make execute", "", "한 번의 실행 기록이 없음", "make execute 후 다시 재세요")]
    total = sum(r["seconds"] for r in records)
    return [
        (f"make execute (실행 {records[0]['run_id']}의 기록)", "", f"{total / 60:.1f} min", "노트북 실행 시간의 합")
    ]


def fresh_clone_rows() -> list[tuple[str, str, str, str]]:
    with tempfile.TemporaryDirectory(prefix="bench-clone-") as scratch:
        clone = Path(scratch) / "course"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        with_setup, _ = timed(["make", "test"], cwd=clone)
        without_setup, _ = timed(["make", "test"], cwd=clone)
        shutil.rmtree(clone / "_build", ignore_errors=True)
        cold, _ = timed(["make", "book"], cwd=clone)
        warm, _ = timed(["make", "book"], cwd=clone)
    return [
        ("make test, 새 클론 (.venv 설치 포함, pip 캐시 있음)", "", f"{with_setup / 60:.1f} min", "목표 < 10 min"),
        ("make test, 새 클론 (설치 제외)", "", f"{without_setup / 60:.1f} min", "목표 < 10 min"),
        ("make book, 처음부터", "", f"{cold:.0f} s", ""),
        ("make book, 바뀐 것 없이 다시", "", f"{warm:.0f} s", ""),
    ]


def browser(repeats: int) -> list[tuple[str, str, str, str]]:
    from bench_browser import browser_rows

    with tempfile.TemporaryDirectory(prefix="bench-book-") as scratch:
        timed([str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--path-output", scratch], ROOT)
        return browser_rows(Path(scratch) / "_build" / "html", repeats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sections", default="training,lessons,execute,test,book,browser")
    parser.add_argument("--epochs", type=int, default=3, help="epochs of each training run (both paths)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sections = set(args.sections.split(","))
    rows = []
    if "training" in sections:
        rows += training(args.epochs, args.repeats)
    if "lessons" in sections:
        rows += lessons(args.repeats)
    if "execute" in sections:
        rows += execute_record()
    if sections & {"test", "book"}:
        rows += fresh_clone_rows()
    if "browser" in sections:
        rows += browser(args.repeats)
    header = f"측정: {time.strftime('%Y-%m-%d')}, {machine_line()}, {platform.system()}"
    table = [header, "", "| 항목 | 원본 노트 방식 | 이 책 | 비율 / 메모 |", "| --- | --- | --- | --- |"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    text = "\n".join(table) + "\n"
    print(text)
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "benchmark.md").write_text(text, encoding="utf-8")
    (ROOT / "_build" / "benchmark.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(SCRIPTS))  # execute.py's helpers: the machine line, the notebooks' order
    sys.exit(main())
