"""The lessons as files: pairs in sync, executed top to bottom, readable outputs, the course's structure."""

import re
import sys
import tomllib
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from lesson_notebook import build, write  # noqa: E402  (the notebook writer: the learner's cells from lessons_py)

SOURCES = sorted((ROOT / "lessons_py").glob("[0-9]*.py"))  # _template.py is not a lesson
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
ids = [path.stem for path in SOURCES]
sys.path[:0] = [str(ROOT / "_ext"), str(ROOT / "scripts")]
import chapter_links  # noqa: E402  (the book's link rewriting: relative in lessons_py, absolute in the notebooks)

BASE_URL = chapter_links.configured_base_url(ROOT)
PAGES = chapter_links.book_pages(ROOT / "book")


def as_written(source: Path):
    """The notebook the writer makes from a lesson source: the learner's cells, links to other pages made absolute."""
    notebook, _ = build(source)
    chapter_links.rewrite_notebook(notebook, chapter_links.absolute_links, BASE_URL, PAGES)
    return notebook


def cells(notebook):
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", []))) for c in notebook.cells]


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def test_every_source_has_its_notebook_and_back():
    assert [p.stem for p in SOURCES] == [p.stem for p in NOTEBOOKS]
    assert SOURCES, "no lessons found"


def test_toc_lists_every_page_and_only_existing_ones():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    entries = re.findall(r"file:\s*book/(\S+)", toc)
    for stem in [p.stem for p in NOTEBOOKS]:
        assert stem in entries, f"book/{stem}.ipynb is not in _toc.yml"
    for entry in entries:
        assert list((ROOT / "book").glob(f"{entry}.*")), f"_toc.yml names a missing page book/{entry}"


@pytest.mark.parametrize("source", SOURCES, ids=ids)
def test_pair_is_in_sync(source):
    """The notebook is its source as a learner gets it: every cell the same, each solution cell as its starter."""
    notebook = ROOT / "book" / f"{source.stem}.ipynb"
    assert cells(as_written(source)) == cells(nbformat.read(notebook, as_version=4)), (
        f"{source.name} and {notebook.name} differ: run `make sync`, then `make execute`"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_executed_top_to_bottom_in_one_run(notebook):
    counts = [c.execution_count for c in code_cells(notebook)]
    assert counts == list(range(1, len(counts) + 1)), f"{notebook.name}: run `make execute`"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_outputs_are_readable(notebook):
    for cell in code_cells(notebook):
        for output in cell.outputs:
            assert output.output_type != "error", (
                f'{notebook.name}: an error is stored ("Run all" stops there in Colab; show an error on purpose '
                f"with `with helpers.show_error():`):\n{cell.source}"
            )
            text = "".join(
                [
                    output.get("text", ""),
                    output.get("data", {}).get("text/plain", ""),
                    output.get("evalue", ""),
                    *output.get("traceback", []),
                ]
            )
            assert "\x1b[" not in text, f"{notebook.name}: ANSI codes in an output of:\n{cell.source}"
            assert output.get("name") != "stderr", f"{notebook.name}: stderr stored: {text[:200]!r}"
            assert "Warning" not in text and "Glyph" not in text, f"{notebook.name}: {text[:200]!r}"
            if output.output_type == "execute_result":
                assert not re.match(r"<(Figure|Axes)", text), f"{notebook.name}: a figure repr; end with plt.show()"
            if output.output_type == "display_data" and "text/html" in output.get("data", {}):
                shown = re.sub(r"<[^>]+>", "", output.data["text/html"]).strip()
                assert shown, f"{notebook.name}: an empty HTML block is stored for:\n{cell.source}"


def test_nbval_strips_terminal_codes_before_comparing():
    """Keras bolds errors raised inside a layer call; stored outputs are clean, so nbval must compare clean text."""
    from nbval.plugin import get_sanitize_patterns

    patterns = get_sanitize_patterns((ROOT / "tests" / "nbval_sanitize.cfg").read_text(encoding="utf-8"))
    text = "Exception encountered.\n\n\x1b[1mCannot take the length of shape.\x1b[0m\n"
    for regex, replace in patterns:
        text = re.sub(regex, replace, text)
    assert text == "Exception encountered.\n\nCannot take the length of shape.\n"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_pairs_with_jupytext_tomls_settings(notebook):
    """Other filters in a notebook would override jupytext.toml and make `make sync` rewrite the pair; without the cell
    filter, jupytext drops the executed sources' hashes when it updates the notebook."""
    toml = tomllib.loads((ROOT / "jupytext.toml").read_text(encoding="utf-8"))
    expected = {key: toml[key] for key in ("cell_metadata_filter", "notebook_metadata_filter")}
    settings = nbformat.read(notebook, as_version=4).metadata.get("jupytext", {})
    assert settings == expected, f"{notebook.name}: metadata.jupytext is {settings}, expected {expected} (make execute)"


@pytest.mark.parametrize("source", SOURCES, ids=ids)
def test_jupytext_sync_changes_nothing_in_either_direction(source, tmp_path):
    """A fresh clone's `make sync` (or the commit hook) leaves the notebook as committed; read back as py:percent, the
    notebook is exactly the source with each solution cell turned into its starter and its published-book links made
    relative again (nothing else differs)."""
    notebook = ROOT / "book" / f"{source.stem}.ipynb"
    copy = tmp_path / notebook.name
    copy.write_bytes(notebook.read_bytes())
    write(source, copy)
    assert copy.read_bytes() == notebook.read_bytes(), f"syncing {source.name} into {notebook.name} rewrites it"
    learner, _ = build(source)
    as_text = jupytext.writes(nbformat.read(notebook, as_version=4), fmt="py:percent")
    back = chapter_links.relative_links(as_text, BASE_URL, PAGES)
    assert back == jupytext.writes(learner, fmt="py:percent"), f"{notebook.name} is not {source.name}'s learner view"
