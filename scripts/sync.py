"""`make sync`: lessons_py/*.py → book/*.ipynb (the learner's cells, outputs kept) and helpers/exercises/solutions.json.

    python scripts/sync.py            # write what changed
    python scripts/sync.py --check    # write nothing; exit 1 and name the files that are out of date

One direction only: lessons_py holds the solutions, the notebooks the learner's starters (scripts/lesson_notebook.py),
so syncing a notebook back into its source would lose the solutions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lesson_notebook import ROOT, SOLUTIONS, lesson_sources, solutions_text, write


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail if a file is out of date")
    options = parser.parse_args(arguments)
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for source in lesson_sources():
            notebook = ROOT / "book" / f"{source.stem}.ipynb"
            copy = Path(scratch) / notebook.name
            if notebook.exists():
                copy.write_bytes(notebook.read_bytes())
            write(source, copy)
            if not notebook.exists() or copy.read_bytes() != notebook.read_bytes():
                stale.append(notebook)
                if not options.check:
                    notebook.write_bytes(copy.read_bytes())
    text = solutions_text(lesson_sources())
    if not SOLUTIONS.exists() or SOLUTIONS.read_text(encoding="utf-8") != text:
        stale.append(SOLUTIONS)
        if not options.check:
            SOLUTIONS.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if options.check else 'updated'}: {path.relative_to(ROOT)}")
    return 1 if options.check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
