"""Figures stay legible in the book: the smallest text of every stored figure, as the 1400 px layout shows it.

`make execute` makes every figure a notebook stores carry `{"min_font_pt", "dpi"}`: scripts/figure_text_size.py for
matplotlib's figures, helpers.plots.plot_model_diagram for Graphviz's text in the model diagram. On the page that text
is `min_font_pt / 72 * dpi` pixels of the PNG, scaled by the displayed width over the PNG's own width, which the
browser reports.
"""

import base64
import hashlib
import json
import struct
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from conftest import DESKTOP, load, needs_browser, window
from figure_text_size import figure_png

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(p.stem for p in (ROOT / "book").glob("*.ipynb"))
MIN_PX = 9.0  # the smallest text a reader can still read comfortably on the page (issue 11)
COLUMN_PX = 772  # the widest an image is shown at 1400 px; wider ones are scaled down
MIN_FONT_PT = 8  # CONTRIBUTING.md: figures


def stored_figures(name):
    """(sha256 of the PNG, its image/png metadata) for every figure stored in book/<name>.ipynb."""
    notebook = json.loads((ROOT / "book" / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                png = base64.b64decode(output["data"]["image/png"])
                yield hashlib.sha256(png).hexdigest(), output.get("metadata", {}).get("image/png", {})


def png_width(png: bytes) -> int:
    return struct.unpack(">I", png[16:20])[0]


@pytest.fixture(scope="module")
def displayed(offline, site):
    """For each lesson: {PNG file stem (myst-nb names it by the sha256 of its bytes): (natural, displayed width)}."""
    seen = {}
    with window(offline, DESKTOP):
        for name in LESSONS:
            load(offline, f"{site}/book/{name}.html")
            seen[name] = offline.execute_script(
                "return Object.fromEntries([...document.querySelectorAll('.cell_output img')].map(image => ["
                "  image.src.split('/').pop().split('.')[0],"
                "  [image.naturalWidth, image.getBoundingClientRect().width]]));"
            )
    return seen


@needs_browser
@pytest.mark.parametrize("name", LESSONS)
def test_every_figure_text_is_at_least_9_px_on_the_page(displayed, name):
    figures = [(digest, meta) for digest, meta in stored_figures(name) if digest in displayed[name]]
    problems = []
    for digest, meta in figures:
        if "min_font_pt" not in meta or "dpi" not in meta:
            problems.append(f"{digest[:12]}: no text-size metadata; run the notebook again (make execute)")
            continue
        if meta["min_font_pt"] is None:
            continue  # a figure without any text
        natural, shown = displayed[name][digest]
        pixels = meta["min_font_pt"] / 72 * meta["dpi"] * shown / natural
        if pixels < MIN_PX:
            problems.append(f"{digest[:12]}: {meta['min_font_pt']} pt at {meta['dpi']} dpi, shown {shown}/{natural}")
            problems[-1] += f" → {pixels:.1f} px"
    assert problems == []


def test_plot_history_keeps_every_point_in_view():
    """A first epoch's loss above 1 stays on the plot; 0 stays at the bottom."""
    from helpers import plots

    history = {"loss": [1.8, 0.7, 0.4], "accuracy": [0.45, 0.75, 0.86], "val_loss": [1.1, 0.6, 0.5]}
    fig = plots.plot_history(history)
    bottom, top = fig.axes[0].get_ylim()
    assert bottom == 0 and top >= 1.8
    plt.close(fig)


def figures_of_helpers(splits):
    from helpers import plots

    images, labels = splits.x_test[:40], splits.y_test[:40]
    wrong = (labels + 1) % 10
    probabilities = np.full(10, 0.05)
    probabilities[3] = 0.55
    matrix = np.histogram2d(labels, wrong, bins=10, range=[[0, 10], [0, 10]])[0].astype(int)
    return {
        "plot_samples": plots.plot_samples(images, labels, count=10),
        "plot_samples (20, 10 per row)": plots.plot_samples(images, labels, count=20, columns=10),
        "plot_history": plots.plot_history({"loss": [0.6, 0.4], "val_loss": [0.5, 0.45]}),
        "plot_prediction": plots.plot_prediction(images[0], probabilities, true_label=int(labels[0])),
        "plot_confusion": plots.plot_confusion(matrix),
        "plot_mistakes": plots.plot_mistakes(images, labels, wrong, count=12),
    }


def test_helpers_figures_fit_the_column_with_legible_text(splits):
    """What helpers.plots draws is never scaled down on the page, and its smallest text is at least 8 pt."""
    too_small = {}
    for name, fig in figures_of_helpers(splits).items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a missing Hangul glyph warns while drawing
            png, meta = figure_png(fig)
        width = png_width(base64.b64decode(png))
        if width > COLUMN_PX or meta["min_font_pt"] < MIN_FONT_PT:
            too_small[name] = (width, meta["min_font_pt"])
        plt.close(fig)
    assert too_small == {}


def test_model_diagram_carries_graphviz_text_size(tmp_path):
    import keras

    from helpers import plots

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)])
    image = plots.plot_model_diagram(model, tmp_path / "model.png", dpi=72)
    _, meta = image._repr_png_()  # what the notebook stores
    assert meta["min_font_pt"] == 14 and meta["dpi"] == 72  # Keras labels its layers in 14 and 16 point
    assert png_width(image.data) > 0


def test_figures_shown_in_a_notebook_carry_their_text_size(tmp_path, monkeypatch):
    """In a kernel started as `make execute` starts it: plt.show(), a figure returned by a cell, and after
    `%matplotlib inline` registers its own formatter again."""
    import execute
    import nbformat

    cells = [
        "import matplotlib.pyplot as plt\nfrom helpers import plots\n"
        "print([name for name in ('sys', 'figure_text_size') if name in globals()])",
        "fig, axis = plt.subplots(figsize=(4, 3))\naxis.plot([1, 3, 2])\naxis.set_title('제목', fontsize=9)\n"
        "plt.show()",
        "plots.plot_history({'loss': [0.9, 0.5]})",
        "%matplotlib inline\nfig, axis = plt.subplots()\naxis.axis('off')\naxis.text(0.5, 0.5, '글자', fontsize=12)\n"
        "plt.show()",
    ]
    path = tmp_path / "figures.ipynb"  # no lessons_py/figures.py: run() keeps these cells
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells]), path)
    # the kernel runs in book/: it should import this checkout's helpers, not an installed copy
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    notebook = execute.run(path)
    shown = [
        [
            output.get("metadata", {}).get("image/png")
            for output in cell.outputs
            if "image/png" in output.get("data", {})
        ]
        for cell in notebook.cells[1:]
    ]
    assert shown[0] == [{"min_font_pt": 9.0, "dpi": 100.0}]  # the tick labels are 10 pt
    assert shown[1] and all(meta == {"min_font_pt": 10.0, "dpi": 100.0} for meta in shown[1])
    assert shown[2] == [{"min_font_pt": 12.0, "dpi": 100.0}]  # the hidden axis' tick labels are not counted
    first = notebook.cells[0]
    assert first.execution_count == 1 and first.outputs[0]["text"] == "[]\n"  # the set-up left nothing in the kernel
