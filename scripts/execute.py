"""Run lessons top to bottom in a fresh kernel and store the outputs in book/*.ipynb, with a record of the run.

    python scripts/execute.py                 # every notebook in _toc.yml order, one run, from an empty model cache;
                                              # then the trained models are exported into helpers/trained/
    python scripts/execute.py book/05_x.ipynb # re-execute some notebooks (with the usual model cache)
    python scripts/execute.py --check [...]   # run them again and compare with the stored outputs; writes nothing
    python scripts/execute.py --sync [...]    # only take the cells from lessons_py (make sync); executes nothing

Each notebook first takes its cells from its lessons_py/*.py source (the file instructors edit; cell ids, stored
metadata and outputs are kept), then runs with the working directory book/, as Jupyter Book, nbval and Colab see it.
Its metadata gets `execution_record` (run id, date, machine, library versions, the book's models it used) and every
code cell the SHA-256 of the source it ran, so the tests can tell when a cell changed after it was executed.
`make execute` sets COURSE_MODE=full so the stored outputs are what learners get.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import platform
import re
import sys
import tempfile
import time
import tomllib
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from figure_text_size import KERNEL_ARGUMENTS as RECORD_FIGURE_TEXT_SIZES
from lesson_notebook import write as write_learner_notebook
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
SOURCES = ROOT / "lessons_py"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Wall-clock times are the only thing a rerun on the same machine may change; --check masks them.
TIMINGS = [re.compile(r"\d+s - \d+m?s/step"), re.compile(r"\d+(\.\d+)?\s*초")]
SOURCE_HASH_KEY = "executed_source_sha256"
RECORD_KEY = "execution_record"


def toc_notebooks() -> list[Path]:
    entries = re.findall(r"file:\s*(book/\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [
        ROOT / f"{entry}.ipynb"
        for entry in entries
        if (ROOT / f"{entry}.ipynb").exists() or (SOURCES / f"{Path(entry).name}.py").exists()
    ]


def pair_settings() -> dict:
    """jupytext.toml's filters, which the notebook must carry too: jupytext takes the cell filter from the .ipynb when
    it updates one, and without it drops the metadata the .py does not hold (the executed sources' hashes)."""
    config = tomllib.loads((ROOT / "jupytext.toml").read_text(encoding="utf-8"))
    return {key: config[key] for key in ("cell_metadata_filter", "notebook_metadata_filter")}


def take_cells_from_source(path: Path, target: Path) -> None:
    """lessons_py/*.py → `target` (the notebook or a copy), keeping cell ids, notebook metadata and stored outputs:
    the learner's cells (each exercise's starter, not its solution) with links that lead to the published book
    (scripts/lesson_notebook.py)."""
    source = SOURCES / f"{path.stem}.py"
    if source.exists():
        write_learner_notebook(source, target)


def is_install_cell(cell) -> bool:
    """The Colab cell: its release tag changes with every version, so its hash is not recorded."""
    return cell.cell_type == "code" and 'importlib.metadata.version("fashion-cnn-course")' in cell.source


def source_sha256(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def merge_streams(outputs: list) -> list:
    """One block per run of stdout (or stderr) lines, as a reader expects, not one per Keras epoch line."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def clean_outputs(notebook) -> None:
    """Readers see outputs as stored: no terminal colour codes in streams, tracebacks or plain-text displays
    (`model.summary()` in Jupyter shows rich's HTML table, and its plain-text twin carries colour codes)."""
    for cell in notebook.cells:
        if "outputs" in cell:
            cell["outputs"] = merge_streams(cell["outputs"])
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = ANSI.sub("", output["text"])
            if "text/plain" in output.get("data", {}):
                output["data"]["text/plain"] = ANSI.sub("", output["data"]["text/plain"])
            if "traceback" in output:
                output["traceback"] = [ANSI.sub("", line) for line in output["traceback"]]
                output["evalue"] = ANSI.sub("", output["evalue"])


IMAGE_TYPES = ("image/png", "image/jpeg")


def carry_alt_text(cell) -> None:
    """A figure's alt text (cell metadata `mystnb.image.alt`, what the book uses) also goes into its output's metadata,
    where nbconvert's HTML (and so nbviewer) looks for `alt`."""
    alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt")
    for output in cell.get("outputs", []):
        for mime in IMAGE_TYPES:
            if alt and mime in output.get("data", {}):
                output.setdefault("metadata", {}).setdefault(mime, {})["alt"] = alt


def mark_cells(notebook) -> None:
    """Each code cell records the source it ran and carries its figure's alt text into the output; solution cells
    start collapsed in JupyterLab too."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        carry_alt_text(cell)
        cell.metadata.pop("execution", None)  # nbclient's timestamps: churn, not information
        if not is_install_cell(cell):
            cell.metadata[SOURCE_HASH_KEY] = source_sha256(cell.source)
        if "hide-cell" in cell.metadata.get("tags", []):
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}


def library_versions() -> dict[str, str]:
    def version(*names: str) -> str:
        for name in names:
            try:
                return importlib.metadata.version(name)
            except importlib.metadata.PackageNotFoundError:
                continue
        return "not installed"

    return {
        "python": platform.python_version(),
        "tensorflow": version("tensorflow-cpu", "tensorflow"),
        "keras": version("keras"),
        "numpy": version("numpy"),
    }


def machine() -> dict:
    from helpers.timing import cpu_model

    return {"cpu": cpu_model(), "cores": os.cpu_count(), "system": f"{platform.system()} {platform.machine()}"}


@contextmanager
def environment(**values: str):
    """Variables the kernel inherits (it is started by this process)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(path: Path, target: Path | None = None):
    """`path`'s notebook (or `target`, a copy of it) with its cells taken from the source, executed in a fresh
    kernel from book/ whose figures record their smallest text (scripts/figure_text_size.py), outputs cleaned, cells
    marked."""
    target = target or path
    take_cells_from_source(path, target)
    notebook = nbformat.read(target, as_version=4)
    notebook.metadata["kernelspec"] = KERNEL
    notebook.metadata.setdefault("language_info", {"name": "python"})
    notebook.metadata["jupytext"] = pair_settings()
    client = NotebookClient(
        notebook,
        timeout=None,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(BOOK)}},
        extra_arguments=RECORD_FIGURE_TEXT_SIZES,
    )
    client.execute()
    clean_outputs(notebook)
    mark_cells(notebook)
    return notebook


def execute(path: Path, run_id: str, record_file: Path) -> dict:
    """Execute one notebook, store it with its execution record, and return that record."""
    from helpers.record import RECORD_VARIABLE, read_record

    record_file.unlink(missing_ok=True)
    start = time.perf_counter()
    with environment(**{RECORD_VARIABLE: str(record_file)}):
        notebook = run(path)
    record = {
        "run_id": run_id,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": machine(),
        "versions": library_versions(),
        "models": read_record(record_file).get("models", {}),
        "seconds": round(time.perf_counter() - start, 1),
    }
    notebook.metadata[RECORD_KEY] = record
    nbformat.write(notebook, path)
    return record


def comparable(output) -> dict:
    """An output as a rerun should reproduce it: every field but wall-clock times."""
    fields = {}
    for key in ("output_type", "name", "text", "ename", "evalue"):
        if key in output:
            fields[key] = output[key]
    fields.update({key: value for key, value in output.get("data", {}).items() if key != "image/png"})
    for key, value in fields.items():
        if isinstance(value, str):
            for pattern in TIMINGS:
                value = pattern.sub("<time>", value)
            fields[key] = value
    return fields


def differences(stored, fresh) -> list[str]:
    """Code cells whose outputs differ, as 'cell N: first differing field'."""
    stored_cells = [c for c in stored.cells if c.cell_type == "code"]
    fresh_cells = [c for c in fresh.cells if c.cell_type == "code"]
    if len(stored_cells) != len(fresh_cells):  # the source changed since the outputs were stored: cells don't pair
        return [f"{len(stored_cells)} code cells stored, {len(fresh_cells)} in the source now (make execute)"]
    found = []
    for number, (old, new) in enumerate(zip(stored_cells, fresh_cells, strict=True), start=1):
        old_outputs, new_outputs = [comparable(o) for o in old.outputs], [comparable(o) for o in new.outputs]
        if old_outputs == new_outputs:
            continue
        if len(old_outputs) != len(new_outputs):
            found.append(f"code cell {number}: {len(old_outputs)} outputs stored, {len(new_outputs)} now")
            continue
        for old_output, new_output in zip(old_outputs, new_outputs, strict=True):
            keys = [k for k in sorted(set(old_output) | set(new_output)) if old_output.get(k) != new_output.get(k)]
            if keys:
                sample = str(new_output.get(keys[0], ""))[:120].replace("\n", " | ")
                found.append(f"code cell {number}: {keys[0]} differs (now: {sample})")
                break
    return found


def check(paths: list[Path]) -> int:
    failed = 0
    for path in paths:
        print(f"checking {path.relative_to(ROOT)} ...", flush=True)
        start = time.perf_counter()
        stored = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / path.name  # run() takes the cells from the source: never into the stored file
            nbformat.write(stored, copy)
            fresh = run(path, copy)
        found = differences(stored, fresh)
        failed += bool(found)
        verdict = "reproduced" if not found else f"{len(found)} cell(s) differ"
        print(f"  {verdict} in {time.perf_counter() - start:.0f} s", flush=True)
        for line in found:
            print(f"    {line}", flush=True)
    return 1 if failed else 0


def execute_all(paths: list[Path], whole_book: bool) -> int:
    """One run: every notebook in order; for the whole book from an empty model cache, then the models exported."""
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%MZ}-{uuid.uuid4().hex[:6]}"
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="course-run-") as scratch:
        scratch = Path(scratch)
        models = {"COURSE_MODEL_DIR": str(scratch / "models")} if whole_book else {}
        records = {}
        with environment(**models):
            for path in paths:
                print(f"executing {path.relative_to(ROOT)} ...", flush=True)
                records[path] = execute(path, run_id, scratch / "record.json")
                print(f"  done in {records[path]['seconds']:.0f} s", flush=True)
            if whole_book:
                from export_models import export

                export(run_id, machine(), records)
    minutes = (time.perf_counter() - start) / 60
    print(f"run {run_id}: {len(paths)} notebook(s) in {minutes:.1f} min on {machine()['cpu']} ({os.cpu_count()} cores)")
    return 0


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--check", action="store_true", help="rerun and compare with the stored outputs (timings masked); write nothing"
    )
    parser.add_argument(
        "--sync", action="store_true", help="only write the notebooks from lessons_py (scripts/sync.py, make sync)"
    )
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(arguments)
    paths = [p.resolve() for p in args.notebooks] or toc_notebooks()
    if args.sync:
        from sync import main as sync

        return sync([])
    if args.check:
        return check(paths)
    return execute_all(paths, whole_book=not args.notebooks)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
