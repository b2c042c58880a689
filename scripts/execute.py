"""Run lessons top to bottom in a fresh kernel and store the outputs in book/*.ipynb.

    python scripts/execute.py [book/05_build_model.ipynb ...]   # default: every notebook in _toc.yml order

Each notebook is first rebuilt from its lessons_py/*.py source (the file instructors edit), then executed
with the working directory set to book/, as Jupyter Book, nbval and Colab see it. `make execute` sets
COURSE_MODE=full so the stored outputs are what learners get.
"""

from __future__ import annotations

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


def toc_notebooks() -> list[Path]:
    entries = re.findall(r"file:\s*(book/\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [ROOT / f"{entry}.ipynb" for entry in entries if (ROOT / f"{entry}.ipynb").exists()
            or (SOURCES / f"{Path(entry).name}.py").exists()]


def merge_streams(outputs: list) -> list:
    """One block per run of stdout (or stderr) lines, as a reader expects, not one per Keras epoch line."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
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


def execute(path: Path) -> float:
    source = SOURCES / f"{path.stem}.py"
    notebook = jupytext.read(source) if source.exists() else nbformat.read(path, as_version=4)
    notebook.metadata["kernelspec"] = KERNEL
    notebook.metadata.setdefault("language_info", {"name": "python"})
    start = time.perf_counter()
    NotebookClient(notebook, timeout=None, kernel_name="python3", resources={"metadata": {"path": str(BOOK)}}).execute()
    clean_outputs(notebook)
    jupytext.write(notebook, path, fmt="ipynb")
    jupytext.write(notebook, source, fmt="py:percent")  # keeps the pair's metadata in step
    return time.perf_counter() - start


def main(arguments: list[str]) -> int:
    paths = [Path(a).resolve() for a in arguments] or toc_notebooks()
    for path in paths:
        print(f"executing {path.relative_to(ROOT)} ...", flush=True)
        print(f"  done in {execute(path):.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
