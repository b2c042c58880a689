"""The smallest text of every figure a notebook stores, recorded while scripts/execute.py runs it (`make execute`).

Each figure's PNG output gets the metadata {"min_font_pt", "dpi"}: the smallest text matplotlib drew, in points, and
the figure's dpi, so tests/book/test_figures.py can tell how large that text is on the book's page. Only the kernels
scripts/execute.py starts load this (`KERNEL_ARGUMENTS`); a learner's kernel shows figures through IPython's own
formatter. `helpers.plots.plot_model_diagram` gives its image the same metadata itself (Graphviz's text sizes).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.text import Text

HERE = str(Path(__file__).resolve().parent)
# ipykernel runs this in a new kernel before the notebook's first cell, in the user's namespace; it leaves no name there
KERNEL_ARGUMENTS = [
    f"--IPKernelApp.exec_lines=import sys; sys.path.insert(0, {HERE!r}); import figure_text_size; "
    f"sys.path.remove({HERE!r}); figure_text_size.register(); del sys, figure_text_size"
]


@contextlib.contextmanager
def recording_font_sizes():
    """The sizes of the texts matplotlib draws meanwhile (a hidden axis draws no tick labels, so they do not count)."""
    sizes: list[float] = []
    draw = Text.draw

    def recording_draw(text, renderer):
        if text.get_visible() and text.get_text().strip():
            sizes.append(float(text.get_fontsize()))
        return draw(text, renderer)

    Text.draw = recording_draw
    try:
        yield sizes
    finally:
        Text.draw = draw


def figure_png(fig: Figure):
    """The PNG the inline backend shows for `fig`, with metadata {"min_font_pt", "dpi"} (None: nothing to show)."""
    from IPython.core.pylabtools import print_figure

    try:
        from matplotlib_inline.config import InlineBackend

        options = dict(InlineBackend.instance().print_figure_kwargs)
    except ImportError:
        options = {"bbox_inches": "tight"}
    with recording_font_sizes() as sizes:
        png = print_figure(fig, "png", base64=True, **options)
    if png is None:
        return None
    return png, {"min_font_pt": min(sizes, default=None), "dpi": float(fig.dpi)}


def _install(*_) -> None:
    from IPython import get_ipython

    get_ipython().display_formatter.formatters["image/png"].for_type(Figure, figure_png)


def register() -> None:
    """In this IPython kernel, show every Figure through `figure_png`, for plt.show() and a cell's returned figure."""
    import matplotlib_inline.backend_inline  # noqa: F401  (registers its own PNG formatter: first, so that ours wins)
    from IPython import get_ipython

    _install()
    get_ipython().events.register("pre_run_cell", _install)  # `%matplotlib inline` would register the inline one again
