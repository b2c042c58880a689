"""`make test-compat`: the course on every TensorFlow/Keras it claims, opened the way a Colab learner opens a lesson.

    python scripts/compat.py                         # all stacks: lowest, colab, newest
    python scripts/compat.py --stack colab --lesson 07 --lesson 08
    python scripts/compat.py --skip-unit             # notebooks only

For each stack a virtual environment is built (once; rebuilt when its specs change) under $COMPAT_VENVS
(default /work/compat-venvs, outside the repository) with uv from PyPI: the stack's pins, the course package installed
from a copy of this checkout as the install cell installs it from the release tag (a wheel, not editable), and what a
notebook run needs. Then, in it:
  - the unit tests of helpers (tests/unit, less test_environment.py which checks the lock, and less `slow` tests);
  - every lesson, each copied alone into an empty folder, in a fresh HOME with an empty model cache, run top to bottom
    in that environment's kernel with every cell tag ignored (Colab honours none): quick mode where a lesson trains,
    full mode for the lessons that load the book's shipped models (FULL_MODE). Lesson 10 trains its strong model for
    minutes in full mode; it is run with the switch the lesson offers a learner (USE_BOOK_MODEL = True).
A lesson passes when it reaches its last cell with no cell raising. Outputs are not compared across versions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
VENVS = Path(os.environ.get("COMPAT_VENVS", "/work/compat-venvs"))
TENSORFLOW = "tensorflow-cpu" if platform.machine() in ("x86_64", "AMD64") else "tensorflow"
# What running a notebook needs besides the course (Colab has these); PyYAML for tests/conftest.py's imports.
RUNNER = ["ipykernel>=6.29", "nbclient>=0.10", "nbformat>=5.10", "pytest>=8", "pyyaml>=6"]
FULL_MODE = {"07", "08", "10", "11"}  # these load the book's shipped models when nothing is cached
LESSON_SWITCHES = {"10": ("USE_BOOK_MODEL = False", "USE_BOOK_MODEL = True")}
CELL_TIMEOUT = 1800


@dataclass(frozen=True)
class Stack:
    name: str
    python: str
    specs: tuple[str, ...]
    about: str


STACKS = {
    # The lowest versions the project claims (helpers/versions.py TESTED, requirements.txt, pyproject.toml).
    "lowest": Stack(
        "lowest",
        "3.11",
        (
            f"{TENSORFLOW}==2.18.1",
            "keras==3.8.0",
            "numpy==1.26.4",
            "pandas==2.2.3",
            "scikit-learn==1.5.2",
            "matplotlib==3.9.4",
            "pydot==3.0.4",
        ),
        "the lowest supported versions",
    ),
    # What Colab ships (its own TensorFlow and Keras stay when the install cell runs).
    "colab": Stack("colab", "3.12", (f"{TENSORFLOW}==2.19.*", "keras==3.10.*"), "Colab's TensorFlow and Keras"),
    # The newest releases on PyPI, no upper bound: a new Keras that breaks a lesson shows up here.
    "newest": Stack("newest", "3.12", (TENSORFLOW, "keras", "numpy", "pandas", "scikit-learn", "matplotlib"), "newest"),
}


def uv() -> str:
    found = shutil.which("uv", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if not found:
        raise SystemExit("compat: uv is needed (it is in requirements.txt; run `make venv`)")
    return found


def interpreter(version: str) -> str:
    """A python{version} on PATH (CI's setup-python), else pyenv's, else uv's own discovery."""
    candidates = [shutil.which(f"python{version}")]
    candidates += sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}"), reverse=True)
    for candidate in filter(None, candidates):
        probe = subprocess.run([str(candidate), "--version"], capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.startswith(f"Python {version}."):
            return str(candidate)
    return version


def course_source(workdir: Path) -> Path:
    """A copy of what the install cell's `pip install git+…@tag` builds: the package, its metadata, its models."""
    source = workdir / "fashion-cnn-course"
    shutil.copytree(ROOT / "helpers", source / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    return source


def build(stack: Stack, workdir: Path) -> Path:
    """The stack's venv (built when missing or its specs changed), with this checkout's course package reinstalled."""
    venv = VENVS / stack.name
    python = venv / "bin" / "python"
    wanted = hashlib.sha256(json.dumps([stack.python, stack.specs, RUNNER]).encode()).hexdigest()
    stamp = venv / ".compat-specs"
    if not python.exists() or not stamp.exists() or stamp.read_text() != wanted:
        shutil.rmtree(venv, ignore_errors=True)
        # --seed: pip in the venv, as Colab has, for the install cell
        run([uv(), "venv", "--quiet", "--seed", "--python", interpreter(stack.python), str(venv)])
        upgrade = ["--upgrade"] if stack.name == "newest" else []
        run([uv(), "pip", "install", "--quiet", "--python", str(python), *upgrade, *stack.specs, *RUNNER])
        stamp.write_text(wanted)
    source = course_source(workdir)
    # the stack's pins stay: the package only adds what it needs on top (Colab keeps its TensorFlow and Keras)
    run([uv(), "pip", "install", "--quiet", "--python", str(python), "--reinstall-package", "fashion-cnn-course",
         *stack.specs, str(source)])  # fmt: skip
    return python


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, check=True, **kwargs)


def versions(python: Path) -> str:
    script = (
        "import importlib.metadata as m, sys; "
        "print(f'Python {sys.version.split()[0]}', *(f'{n} {m.version(n)}' for n in sys.argv[1:]), sep=', ')"
    )
    names = [TENSORFLOW, "keras", "numpy", "pandas", "scikit-learn", "matplotlib", "fashion-cnn-course"]
    found = subprocess.run([str(python), "-c", script, *names], capture_output=True, text=True, check=True)
    return found.stdout.strip()


def fresh_environment(home: Path, mode: str) -> dict[str, str]:
    """A learner's first session: nothing cached, no settings of ours but the run mode."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("COURSE_", "KERAS_", "JUPYTER"))}
    env.pop("PYTHONPATH", None)
    env.pop("MPLBACKEND", None)
    env.update(HOME=str(home), COURSE_MODE=mode)  # the model cache: models/ next to the notebook, as in Colab
    return env


def unit_tests(python: Path, home: Path) -> bool:
    home.mkdir(parents=True, exist_ok=True)
    command = [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "-m", "not slow",
               "tests/unit", "--ignore", "tests/unit/test_environment.py"]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=fresh_environment(home, "quick")).returncode == 0


@dataclass
class LessonResult:
    name: str
    mode: str
    seconds: float
    cells: int
    failures: list[str]  # "code cell N: Type: message", cells that raised with no tag saying so
    on_purpose: list[str]  # the same for cells tagged raises-exception: they too stop Colab's "Run all"


RUNNER_SCRIPT = r"""
import json, sys
import nbformat
from nbclient import NotebookClient
path, report, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
nb = nbformat.read(path, as_version=4)
tags = []
for cell in nb.cells:
    tags.append(cell.metadata.get("tags", []))
    cell.metadata.pop("tags", None)  # Colab honours no tag: raises-exception or skip-execution included
NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True).execute()
failures, cells = [], 0
for index, cell in enumerate(nb.cells):
    if cell.cell_type != "code":
        continue
    cells += 1
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            message = output.evalue.splitlines()[0] if output.evalue else ""
            failures.append({"cell": cells, "tags": tags[index], "error": f"{output.ename}: {message[:200]}"})
json.dump({"cells": cells, "failures": failures}, open(report, "w"), ensure_ascii=False)
"""


def run_lesson(python: Path, notebook: Path, workdir: Path) -> LessonResult:
    number = notebook.name[:2]
    mode = "full" if number in FULL_MODE else "quick"
    folder = workdir / f"lesson-{number}"
    home = workdir / f"home-{number}"
    folder.mkdir()
    home.mkdir()
    copy = folder / notebook.name
    text = notebook.read_text(encoding="utf-8")
    if number in LESSON_SWITCHES:
        before, after = LESSON_SWITCHES[number]
        text = text.replace(before, after)
    copy.write_text(text, encoding="utf-8")
    script = workdir / "run_notebook.py"
    script.write_text(RUNNER_SCRIPT, encoding="utf-8")
    report = workdir / f"report-{number}.json"
    started = time.monotonic()
    done = subprocess.run(
        [str(python), str(script), str(copy), str(report), str(CELL_TIMEOUT)],
        cwd=folder,
        env=fresh_environment(home, mode),
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - started
    if done.returncode != 0 or not report.exists():
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        return LessonResult(notebook.stem, mode, seconds, 0, ["the run did not finish: " + " | ".join(tail)], [])
    result = json.loads(report.read_text(encoding="utf-8"))
    raised = [(f"code cell {f['cell']}: {f['error']}", "raises-exception" in f["tags"]) for f in result["failures"]]
    return LessonResult(
        notebook.stem,
        mode,
        seconds,
        result["cells"],
        [line for line, tagged in raised if not tagged],
        [line for line, tagged in raised if tagged],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stack", action="append", choices=list(STACKS), help="default: every stack")
    parser.add_argument("--lesson", action="append", help="lesson numbers (06, 07…); default: every lesson")
    parser.add_argument("--skip-unit", action="store_true", help="notebooks only")
    parser.add_argument("--skip-lessons", action="store_true", help="unit tests only")
    parser.add_argument(
        "--allow-on-purpose",
        action="store_true",
        help="report cells tagged raises-exception that raise, without failing (they still stop Colab's Run all)",
    )
    args = parser.parse_args()
    stacks = [STACKS[name] for name in (args.stack or STACKS)]
    lessons = sorted(p for p in BOOK.glob("[0-9][0-9]_*.ipynb") if not args.lesson or p.name[:2] in args.lesson)
    VENVS.mkdir(parents=True, exist_ok=True)
    started, summary, ok = time.monotonic(), [], True
    for stack in stacks:
        with tempfile.TemporaryDirectory(prefix=f"compat-{stack.name}-") as temporary:
            workdir = Path(temporary)
            python = build(stack, workdir)
            stated = versions(python)
            summary.append(f"== {stack.name} ({stack.about}): {stated}")
            print(summary[-1], flush=True)
            if not args.skip_unit:
                passed = unit_tests(python, workdir / "home-unit")
                ok &= passed
                summary.append(f"   unit tests: {'passed' if passed else 'FAILED'}")
            for notebook in [] if args.skip_lessons else lessons:
                result = run_lesson(python, notebook, workdir)
                stops = result.failures + ([] if args.allow_on_purpose else result.on_purpose)
                ok &= not stops
                verdict = "FAILED" if stops else "reached the last cell"
                line = f"   {result.name} ({result.mode}, {result.cells} code cells, {result.seconds:.0f} s): {verdict}"
                notes = [f"      {failure}" for failure in result.failures]
                notes += [f"      {failure} (tagged raises-exception: stops Run all)" for failure in result.on_purpose]
                summary += [line, *notes]
                print("\n".join(summary[-1 - len(notes) :]), flush=True)
    print("\n".join(["", *summary, f"compat: {'passed' if ok else 'FAILED'} in {time.monotonic() - started:.0f} s"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
