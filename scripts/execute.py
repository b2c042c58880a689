"""Run lessons top to bottom in a fresh kernel and store the outputs in book/*.ipynb.

    python scripts/execute.py [book/05_build_model.ipynb ...]   # default: every notebook in _toc.yml order
    python scripts/execute.py --check [...]   # run them again and compare with the stored outputs; writes nothing

Each notebook is first rebuilt from its lessons_py/*.py source (the file instructors edit), then executed
with the working directory set to book/, as Jupyter Book, nbval and Colab see it. `make execute` sets
COURSE_MODE=full so the stored outputs are what learners get.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
SOURCES = ROOT / "lessons_py"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Wall-clock times are the only thing a rerun on the same machine may change; --check masks them.
TIMINGS = [re.compile(r"\d+s - \d+m?s/step"), re.compile(r"\d+(\.\d+)?\s*초")]
TIMED_GLUE = re.compile(r"(minutes|seconds|per_epoch)$")


def toc_notebooks() -> list[Path]:
    entries = re.findall(r"file:\s*(book/\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [
        ROOT / f"{entry}.ipynb"
        for entry in entries
        if (ROOT / f"{entry}.ipynb").exists() or (SOURCES / f"{Path(entry).name}.py").exists()
    ]


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
    """Readers see outputs as stored: no terminal colour codes, in streams or in tracebacks."""
    for cell in notebook.cells:
        if "outputs" in cell:
            cell["outputs"] = merge_streams(cell["outputs"])
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = ANSI.sub("", output["text"])
            if "traceback" in output:
                output["traceback"] = [ANSI.sub("", line) for line in output["traceback"]]
                output["evalue"] = ANSI.sub("", output["evalue"])


def run(path: Path):
    """The notebook built from its source, executed in a fresh kernel from book/, outputs cleaned."""
    source = SOURCES / f"{path.stem}.py"
    notebook = jupytext.read(source) if source.exists() else nbformat.read(path, as_version=4)
    notebook.metadata["kernelspec"] = KERNEL
    notebook.metadata.setdefault("language_info", {"name": "python"})
    NotebookClient(notebook, timeout=None, kernel_name="python3", resources={"metadata": {"path": str(BOOK)}}).execute()
    clean_outputs(notebook)
    return notebook


def execute(path: Path) -> None:
    notebook = run(path)
    jupytext.write(notebook, path, fmt="ipynb")
    jupytext.write(notebook, SOURCES / f"{path.stem}.py", fmt="py:percent")  # keeps the pair's metadata in step


def comparable(output) -> dict:
    """An output as a rerun should reproduce it: every field but wall-clock times."""
    name = output.get("metadata", {}).get("scrapbook", {}).get("name", "")
    if TIMED_GLUE.search(name):
        return {"glue": name}
    fields = {}
    for key in ("output_type", "name", "text", "ename", "evalue"):
        if key in output:
            fields[key] = output[key]
    fields.update(output.get("data", {}))
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
        return [
            f"{len(stored_cells)} code cells stored, {len(fresh_cells)} in the source now (make sync, make execute)"
        ]
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


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--check",
        action="store_true",
        help="rerun and compare with the stored outputs (timings masked) instead of storing",
    )
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(arguments)
    paths = [p.resolve() for p in args.notebooks] or toc_notebooks()
    failed = 0
    for path in paths:
        print(f"{'checking' if args.check else 'executing'} {path.relative_to(ROOT)} ...", flush=True)
        start = time.perf_counter()
        if not args.check:
            execute(path)
            print(f"  done in {time.perf_counter() - start:.0f} s", flush=True)
            continue
        found = differences(nbformat.read(path, as_version=4), run(path))
        failed += bool(found)
        verdict = "reproduced" if not found else f"{len(found)} cell(s) differ"
        print(f"  {verdict} in {time.perf_counter() - start:.0f} s", flush=True)
        for line in found:
            print(f"    {line}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
