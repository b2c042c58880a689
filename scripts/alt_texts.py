"""Every figure's alt text, readable. jupytext writes the Korean of `mystnb={"image": {"alt": ...}}` in the `# %%`
lines of lessons_py/*.py as \\uXXXX escapes (its JSON is ASCII-only); this prints them as a screen reader reads them.

    python scripts/alt_texts.py [lessons_py/NN_name.py ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]


def alt_texts(source: Path):
    """(line of the cell's header, first line of its code, alt text) for each cell of `source` that has one."""
    notebook = jupytext.read(source)
    text = source.read_text(encoding="utf-8").split("\n")
    headers = [number for number, line in enumerate(text, 1) if line.startswith("# %%")]
    for header, cell in zip(headers, notebook.cells, strict=True):
        alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt")
        if alt:
            yield header, cell.source.split("\n", 1)[0], alt


def main(arguments: list[str]) -> int:
    sources = [Path(a) for a in arguments] or sorted((ROOT / "lessons_py").glob("[0-9]*.py"))
    for source in sources:
        for line, code, alt in alt_texts(source):
            print(f"{source.name}:{line}  {code}\n    {alt}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
