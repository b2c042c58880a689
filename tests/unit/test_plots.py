import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import helpers
from helpers import plots


def draw_without_warnings(fig):
    """Rendering is where a missing glyph shows up, as a UserWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    plt.close(fig)


def texts_of(fig):
    return [t.get_text() for ax in fig.axes for t in [ax.title, *ax.get_yticklabels(), *ax.get_xticklabels()]]


def test_korean_font_is_the_default():
    assert matplotlib.rcParams["font.family"] == ["NanumGothic"]


# Run in a fresh interpreter set up as a Jupyter kernel is (the inline backend, an IPython shell): what `import
# helpers` may change is the default font, and nothing else of matplotlib or IPython.
IMPORT_CHANGES = """
import json, os
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
import matplotlib, matplotlib.artist, matplotlib.axes, matplotlib.backend_bases, matplotlib.figure, matplotlib.text
import matplotlib.pyplot as plt
import matplotlib_inline.backend_inline  # registers the inline PNG formatter with the shell, as in a kernel
classes = [matplotlib.text.Text, matplotlib.figure.Figure, matplotlib.axes.Axes, matplotlib.artist.Artist,
           matplotlib.backend_bases.FigureCanvasBase]

def state():
    return {
        "methods": {f"{c.__name__}.{k}": v for c in classes for k, v in vars(c).items()},
        "formatters": {mime: dict(f.type_printers) for mime, f in shell.display_formatter.formatters.items()},
        "events": {event: list(callbacks) for event, callbacks in shell.events.callbacks.items()},
        "rc": dict(matplotlib.rcParams),
    }

before = state()
import helpers
after = state()
changed = sorted(f"{part}: {key}" for part in before for key in set(before[part]) | set(after[part])
                 if before[part].get(key) is not after[part].get(key) and before[part].get(key) != after[part].get(key))
fig, axis = plt.subplots()
axis.set_title("제목")
data, metadata = shell.display_formatter.format(fig)
print(json.dumps({"changed": changed, "png": "image/png" in data, "metadata": metadata}))
"""


def test_import_helpers_changes_nothing_of_matplotlib_or_ipython_but_the_font():
    """No patched method, no replaced formatter, no IPython event: figures show as IPython and matplotlib make them."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(helpers.__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_CHANGES], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.splitlines()[-1])
    assert found == {
        "changed": ["rc: axes.unicode_minus", "rc: font.family"],
        "png": True,
        "metadata": {},
    }


def test_sample_grid_draws_korean_names(splits):
    fig = plots.plot_samples(splits.x_train, splits.y_train, count=10)
    names = [helpers.CLASS_NAMES_KO[label] for label in splits.y_train[:10]]
    assert [ax.get_title() for ax in fig.axes[:10]] == names
    draw_without_warnings(fig)


@pytest.mark.slow
def test_history_plot(quick_run):
    fig = plots.plot_history(quick_run.history)
    axis = fig.axes[0]
    bottom, top = axis.get_ylim()
    highest = max(max(values) for values in quick_run.history.values())
    assert bottom == 0.0 and top >= highest, "the axis starts at 0 and clips no point (a first loss can exceed 1)"
    assert {line.get_label() for line in axis.get_lines()} == {"훈련 손실", "훈련 정확도", "검증 손실", "검증 정확도"}
    draw_without_warnings(fig)


@pytest.mark.slow
def test_prediction_plot_colours_wrong_guesses_red(quick_run, splits):
    probabilities = helpers.predict_proba(quick_run.model, splits.x_test[:1])[0]
    predicted = int(probabilities.argmax())
    wrong_label = (predicted + 1) % 10
    fig = plots.plot_prediction(splits.x_test[0], probabilities, true_label=wrong_label)
    bars = fig.axes[1].patches
    assert matplotlib.colors.same_color(bars[predicted].get_facecolor(), plots.WRONG_COLOUR)
    assert matplotlib.colors.same_color(bars[wrong_label].get_facecolor(), plots.RIGHT_COLOUR)
    assert "앵클 부츠" in texts_of(fig)
    draw_without_warnings(fig)


@pytest.mark.slow
def test_confusion_plot(quick_run, splits):
    matrix = helpers.confusion(splits.y_test[:200], helpers.predict_labels(quick_run.model, splits.x_test[:200]))
    fig = plots.plot_confusion(matrix)
    assert fig.axes[0].get_ylabel() == "실제 클래스"
    draw_without_warnings(fig)


def test_mistake_gallery(splits):
    predicted = (splits.y_test[:30] + 1) % 10
    fig = plots.plot_mistakes(splits.x_test[:30], splits.y_test[:30], predicted, count=6)
    assert sum(bool(ax.get_title()) for ax in fig.axes) == 6
    draw_without_warnings(fig)


def test_plot_model_writes_a_png(tmp_path):
    target = tmp_path / "model.png"
    image = plots.plot_model_diagram(helpers.build_cnn(), target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image is not None


def test_plot_model_without_graphviz_fails_loudly(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` on an empty PATH
    with pytest.raises(RuntimeError, match="graphviz"):
        plots.plot_model_diagram(helpers.build_cnn(), tmp_path / "model.png")
    assert not (tmp_path / "model.png").exists()


def test_plot_model_without_pydot_fails_loudly(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pydot", None)  # import pydot now raises ImportError
    real_find_spec = plots.importlib.util.find_spec
    monkeypatch.setattr(
        plots.importlib.util, "find_spec", lambda name, *a: None if name == "pydot" else real_find_spec(name, *a)
    )
    with pytest.raises(RuntimeError, match="pip install pydot"):
        plots.plot_model_diagram(helpers.build_cnn(), tmp_path / "model.png")
