"""Concept figures of lessons 1-6, drawn by code: what a filter, padding, stride, channels and pooling do.

Every number a figure shows is computed here from the same small arrays the figure draws (a figure that taught a wrong
sum would fail its test); the lesson model's shapes come from `build_cnn()` itself. Images follow the book's
convention: `gray_r`, larger values darker, like ink on paper.
"""

from __future__ import annotations

import hashlib
import re

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Polygon, Rectangle

from helpers.messages import bilingual
from helpers.plots import BOOK_WIDTH_IN

WINDOW_COLOUR = "tab:orange"
OUTPUT_COLOUR = "tab:blue"
# A 6×6 "image" with a vertical edge (dark on the right) and a 3×3 vertical-edge filter: small enough to print numbers.
TOY_IMAGE = np.array([[0, 0, 1, 3, 3, 3]] * 6)
EDGE_FILTER = np.array([[-1, 0, 1]] * 3)


def correlate_valid(image: np.ndarray, kernel: np.ndarray, stride: int = 1) -> np.ndarray:
    """What Conv2D computes (cross-correlation, no padding): each output is the window's elementwise product summed."""
    k = kernel.shape[0]
    rows = (image.shape[0] - k) // stride + 1
    cols = (image.shape[1] - k) // stride + 1
    out = np.zeros((rows, cols), dtype=np.result_type(image, kernel))
    for r in range(rows):
        for c in range(cols):
            out[r, c] = np.sum(image[r * stride : r * stride + k, c * stride : c * stride + k] * kernel)
    return out


def max_pool(image: np.ndarray, size: int = 2) -> np.ndarray:
    rows, cols = image.shape[0] // size, image.shape[1] // size
    return image[: rows * size, : cols * size].reshape(rows, size, cols, size).max(axis=(1, 3))


def _grid(axis, values: np.ndarray, title: str, cmap: str = "gray_r", vmin=None, vmax=None, fontsize: int = 9):
    """A small array as a grid of cells with its numbers printed in them."""
    axis.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax)
    middle = (values.max() + values.min()) / 2
    for (row, col), value in np.ndenumerate(values):
        dark = cmap == "gray_r" and value > middle
        axis.text(
            col, row, f"{value:g}", ha="center", va="center", fontsize=fontsize, color="white" if dark else "black"
        )
    axis.set_xticks(np.arange(-0.5, values.shape[1]), minor=True)
    axis.set_yticks(np.arange(-0.5, values.shape[0]), minor=True)
    axis.grid(which="minor", color="0.6", linewidth=0.6)
    axis.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    axis.set_title(title, fontsize=10)


def _outline(axis, row: int, col: int, size: int, colour: str, width: float = 3.0):
    axis.add_patch(Rectangle((col - 0.5, row - 0.5), size, size, fill=False, edgecolor=colour, linewidth=width))


def _draw_conv_step(axes, image, kernel, output, row: int, col: int):
    for axis in axes:
        axis.clear()
    side, k, out_side = image.shape[0], kernel.shape[0], output.shape[0]
    _grid(axes[0], image, f"입력 이미지 ({side}×{side})")
    _outline(axes[0], row, col, k, WINDOW_COLOUR)
    limit = max(1, np.abs(kernel).max())
    _grid(axes[1], kernel, f"필터 ({k}×{k})", cmap="coolwarm", vmin=-2 * limit, vmax=2 * limit)
    shown = np.full(output.shape, np.nan)
    shown[: row + 1, :] = output[: row + 1, :]
    shown[row, col + 1 :] = np.nan
    scale = max(1, np.abs(output).max())
    axes[2].imshow(np.nan_to_num(np.abs(shown), nan=0), cmap="Blues", vmin=0, vmax=scale)
    for (r, c), value in np.ndenumerate(shown):
        if not np.isnan(value):
            dark = abs(value) > scale / 2
            axes[2].text(c, r, f"{value:g}", ha="center", va="center", fontsize=9, color="white" if dark else "black")
    axes[2].set_xticks(np.arange(-0.5, out_side), minor=True)
    axes[2].set_yticks(np.arange(-0.5, out_side), minor=True)
    axes[2].grid(which="minor", color="0.6", linewidth=0.6)
    axes[2].tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    axes[2].set_title(f"특성 맵 ({out_side}×{out_side})", fontsize=10)
    _outline(axes[2], row, col, 1, OUTPUT_COLOUR)
    window = image[row : row + k, col : col + k]
    terms = " + ".join(f"{a:g}×({b:g})" for a, b in zip(window.ravel(), kernel.ravel(), strict=True) if b != 0)
    axes[1].set_xlabel(f"주황 창과 필터를 칸끼리 곱해 더함(0인 칸 생략)\n{terms} = {output[row, col]:g}", fontsize=8)


def _small_arrays(image, kernel):
    image = TOY_IMAGE if image is None else np.asarray(image)
    kernel = EDGE_FILTER if kernel is None else np.asarray(kernel)
    if image.ndim != 2 or kernel.ndim != 2 or image.shape[0] > 10 or kernel.shape[0] > image.shape[0]:
        raise ValueError(
            bilingual(
                "그림으로 보여 줄 이미지와 필터는 10×10 이하의 2차원 배열이어야 하고, 필터가 이미지보다 작아야 합니다.",
                "The image and filter to draw must be 2-D arrays at most 10×10, the filter smaller than the image.",
            )
        )
    return image, kernel


def convolution_step(image=None, kernel=None, row: int = 0, col: int = 0):
    """One step of a small filter over a small image (default: a 6×6 edge and a 3×3 edge filter): the window, the
    filter, and the one output cell it writes, with the sum written out."""
    image, kernel = _small_arrays(image, kernel)
    output = correlate_valid(image, kernel)
    fig, axes = plt.subplots(1, 3, figsize=(BOOK_WIDTH_IN, 3.2))
    _draw_conv_step(axes, image, kernel, output, row, col)
    fig.tight_layout()
    return fig


ANIMATION_LABELS = {  # matplotlib's player labels its buttons in English
    "Decrease speed": "느리게",
    "First frame": "첫 장면",
    "Previous frame": "이전 장면",
    "Play backwards": "거꾸로 재생",
    "Pause": "일시 정지",
    "Play": "재생",
    "Next frame": "다음 장면",
    "Last frame": "마지막 장면",
    "Increase speed": "빠르게",
    "Repetition mode": "반복 방식",
}


def convolution_animation(image=None, kernel=None):
    """The filter sliding over every position, as a player (HTML and JavaScript) that runs in the book, Jupyter
    and Colab without a Python kernel behind it."""
    from IPython.display import HTML
    from matplotlib.animation import FuncAnimation

    image, kernel = _small_arrays(image, kernel)
    output = correlate_valid(image, kernel)
    fig, axes = plt.subplots(1, 3, figsize=(BOOK_WIDTH_IN, 3.2), dpi=72)
    positions = [(r, c) for r in range(output.shape[0]) for c in range(output.shape[1])]

    def draw(frame):
        _draw_conv_step(axes, image, kernel, output, *positions[frame])
        fig.tight_layout()

    animation = FuncAnimation(fig, draw, frames=len(positions), interval=700)
    html = animation.to_jshtml(default_mode="loop")
    plt.close(fig)
    for english, korean in ANIMATION_LABELS.items():
        html = html.replace(f'title="{english}" aria-label="{english}"', f'title="{korean}" aria-label="{korean}"')
    html = html.replace('class="anim-slider"', 'class="anim-slider" aria-label="장면 선택"')
    # matplotlib links Font Awesome from a CDN; the book's theme has it, and nothing may load from another host
    html = re.sub(
        r'<link rel="stylesheet"\s+href="https://maxcdn\.bootstrapcdn\.com/font-awesome/[^"]*"\s*>\s*', "", html
    )
    html = html.replace("<img id=", '<img alt="필터가 이미지 위를 한 칸씩 옮겨 가며 특성 맵을 채우는 장면" id=', 1)
    return HTML(_stable_element_ids(html))


def _stable_element_ids(html):
    """matplotlib names the player's elements with a random uuid; naming them by the content instead makes the
    stored output the same on every run (nbval compares it) while two different players on a page still differ."""
    (random_id,) = set(re.findall(r"_anim_img([0-9a-f]{32})", html))
    content_id = hashlib.sha256(html.replace(random_id, "").encode()).hexdigest()[:32]
    return html.replace(random_id, content_id)


def padding_and_stride():
    """The same 3×3 filter on a 5×5 image three ways: valid, same (a ring of zeros), and same with stride 2."""
    image = np.arange(1, 26).reshape(5, 5) % 4
    cases = [
        ("패딩 없음(valid), 스트라이드 1", 0, 1),
        ("세임 패딩(same), 스트라이드 1", 1, 1),
        ("세임 패딩(same), 스트라이드 2", 1, 2),
    ]
    fig, axes = plt.subplots(1, 3, figsize=(BOOK_WIDTH_IN, 3.3))
    for axis, (title, pad, stride) in zip(axes, cases, strict=True):
        padded = np.pad(image, pad)
        out = correlate_valid(padded, np.ones((3, 3)), stride)
        axis.imshow(np.where(np.pad(np.ones_like(image), pad) > 0, padded, -1), cmap="gray_r", vmin=-1, vmax=4)
        for (r, c), value in np.ndenumerate(padded):
            is_pad = not (pad <= r < pad + 5 and pad <= c < pad + 5)
            axis.text(
                c,
                r,
                "0" if is_pad else f"{value}",
                ha="center",
                va="center",
                fontsize=8,
                color="tab:gray" if is_pad else ("white" if value > 2 else "black"),
            )
        if pad:
            axis.add_patch(Rectangle((pad - 0.5, pad - 0.5), 5, 5, fill=False, edgecolor="black", linewidth=1.5))
        for index, (r, c) in enumerate([(0, 0), (0, stride)]):
            _outline(axis, r, c, 3, [WINDOW_COLOUR, OUTPUT_COLOUR][index], width=2.5 - index)
        axis.set_xticks([])
        axis.set_yticks([])
        axis.set_title(f"{title}\n출력 {out.shape[0]}×{out.shape[1]}", fontsize=9)
    fig.text(
        0.5,
        0.03,
        "주황: 첫 위치, 파랑: 다음 위치(스트라이드만큼 이동), 회색 0: 가장자리에 덧붙인 패딩",
        ha="center",
        fontsize=8,
    )
    fig.tight_layout(rect=(0, 0.07, 1, 1), h_pad=0)
    return fig


def _box(axis, x: float, y: float, width: float, height: float, depth: float, colour, label: str = "", alpha=0.85):
    """A cuboid in oblique projection: front face width×height, depth drawn up and to the right."""
    dx, dy = depth * 0.6, depth * 0.45
    front = Rectangle((x, y), width, height, facecolor=colour, edgecolor="black", alpha=alpha, linewidth=0.8)
    top = Polygon(
        [(x, y + height), (x + dx, y + height + dy), (x + width + dx, y + height + dy), (x + width, y + height)],
        facecolor=colour,
        edgecolor="black",
        alpha=alpha * 0.7,
        linewidth=0.8,
    )
    side = Polygon(
        [(x + width, y), (x + width + dx, y + dy), (x + width + dx, y + height + dy), (x + width, y + height)],
        facecolor=colour,
        edgecolor="black",
        alpha=alpha * 0.55,
        linewidth=0.8,
    )
    for patch in (side, top, front):
        axis.add_patch(patch)
    if label:
        axis.text(x + (width + dx) / 2, y - 0.35, label, ha="center", va="top", fontsize=8)


def multichannel_convolution():
    """An RGB input (3 channels) meets a 3×3×3 filter (its depth = the input's channels): one output map per filter."""
    fig, axis = plt.subplots(figsize=(BOOK_WIDTH_IN, 3.2))
    for channel, colour in enumerate(["tab:blue", "tab:green", "tab:red"]):
        _box(axis, 0.3 + channel * 0.45, 0.6 + channel * 0.34, 2.6, 2.6, 0.0, colour, alpha=0.35)
    axis.text(1.9, 0.25, "입력 28×28×3\n(채널 3개)", ha="center", va="top", fontsize=8)
    _box(axis, 1.1, 1.5, 0.8, 0.8, 1.0, WINDOW_COLOUR)
    axis.text(4.35, 2.9, "×", fontsize=16, ha="center", va="center")
    _box(axis, 4.9, 1.6, 0.9, 0.9, 1.4, WINDOW_COLOUR, "필터 3×3×3\n(깊이 = 입력 채널 수)")
    axis.text(7.05, 2.0, "=", fontsize=16, ha="center", va="center")
    _box(axis, 7.6, 0.8, 2.2, 2.2, 0.15, OUTPUT_COLOUR, "특성 맵 한 장 28×28×1\n(27칸의 곱을 모두 더함)")
    axis.text(10.4, 2.0, "필터가 32개면\n특성 맵 32장:\n28×28×32", fontsize=8, ha="left", va="center")
    axis.set_xlim(0, 12.6)
    axis.set_ylim(-0.8, 4.4)
    axis.set_aspect("equal")
    axis.axis("off")
    fig.tight_layout()
    return fig


def pooling_windows():
    """2×2 max pooling with stride 2 on a 4×4 feature map: each window keeps its largest value."""
    values = np.array([[1, 3, 2, 0], [4, 6, 1, 2], [0, 2, 5, 7], [1, 1, 3, 8]])
    pooled = max_pool(values)
    colours = ["tab:orange", "tab:blue", "tab:green", "tab:purple"]
    fig, axes = plt.subplots(1, 2, figsize=(BOOK_WIDTH_IN * 0.8, 3.2), gridspec_kw={"width_ratios": [4, 2]})
    _grid(axes[0], values, "특성 맵 (4×4)")
    _grid(axes[1], pooled, "최대 풀링 결과 (2×2)")
    for index, (r, c) in enumerate([(0, 0), (0, 2), (2, 0), (2, 2)]):
        _outline(axes[0], r, c, 2, colours[index], width=3)
        _outline(axes[1], r // 2, c // 2, 1, colours[index], width=3)
        window = values[r : r + 2, c : c + 2]
        wr, wc = np.unravel_index(window.argmax(), window.shape)
        axes[0].add_patch(plt.Circle((c + wc, r + wr), 0.32, fill=False, edgecolor=colours[index], linewidth=2))
    fig.tight_layout()
    return fig


def model_volumes(model=None):
    """The lesson model as a row of volumes, each labelled with the output shape Keras computes for that layer."""
    if model is None:
        from helpers.model import build_cnn

        model = build_cnn()
    shapes = [("입력", tuple(model.inputs[0].shape[1:]))]
    names = {"Conv2D": "합성곱", "MaxPooling2D": "풀링", "Flatten": "평탄화", "Dense": "밀집", "Dropout": "드롭아웃"}
    for layer in model.layers:
        if layer.__class__.__name__ in ("Dropout",):
            continue
        shapes.append((names.get(layer.__class__.__name__, layer.__class__.__name__), tuple(layer.output.shape[1:])))
    fig, axis = plt.subplots(figsize=(BOOK_WIDTH_IN, 3.4))
    x = 0.2
    for name, shape in shapes:
        if len(shape) == 3:
            side = 0.9 + 2.2 * shape[0] / 28
            depth = 0.15 + 0.45 * np.log2(shape[2])
            colour = {"입력": "0.7", "합성곱": OUTPUT_COLOUR, "풀링": WINDOW_COLOUR}.get(name, "0.7")
            _box(axis, x, 0.3, side * 0.45, side, depth, colour, f"{name}\n{'×'.join(map(str, shape))}")
            x += side * 0.45 + depth * 0.6 + 0.55
        else:
            height = 0.5 + 2.6 * min(1.0, np.log10(shape[0]) / np.log10(3136))
            _box(axis, x, 0.3, 0.22, height, 0.0, "tab:green", f"{name}\n{shape[0]}")
            x += 0.95
    axis.set_xlim(0, x)
    axis.set_ylim(-1.0, 4.6)
    axis.set_aspect("equal")
    axis.axis("off")
    fig.tight_layout()
    return fig


def callback_timeline(val_loss, patience: int = 2):
    """What ModelCheckpoint(save_best_only) and EarlyStopping(patience, restore_best_weights) did over a real
    validation-loss curve: saves at each new best, the patience counter, the stop and the weights restored."""
    val_loss = np.asarray(val_loss, dtype=float)
    best, wait, saves, stop = np.inf, 0, [], None
    for epoch, loss in enumerate(val_loss, start=1):
        if loss < best:
            best, wait = loss, 0
            saves.append(epoch)
        else:
            wait += 1
            if wait >= patience:
                stop = epoch
                break
    epochs = np.arange(1, len(val_loss) + 1)
    fig, axis = plt.subplots(figsize=(BOOK_WIDTH_IN, 3.6))
    axis.plot(epochs, val_loss, marker="o", color="0.4", label="검증 손실")
    axis.scatter(
        saves,
        val_loss[np.array(saves) - 1],
        s=120,
        marker="v",
        color=OUTPUT_COLOUR,
        zorder=3,
        label="ModelCheckpoint가 저장한 에포크(최저 손실 갱신)",
    )
    if stop is not None:
        axis.axvspan(
            saves[-1] + 0.5,
            stop + 0.5,
            color=WINDOW_COLOUR,
            alpha=0.15,
            label=f"참을성 {patience} 에포크 동안 개선 없음",
        )
        axis.axvline(stop, color=WINDOW_COLOUR, linestyle="--")
        axis.annotate(
            f"에포크 {stop}에서 멈추고\n에포크 {saves[-1]}의 가중치로 복원",
            (stop, val_loss[stop - 1]),
            xytext=(0, 60),
            textcoords="offset points",
            ha="right",
            fontsize=8,
            arrowprops={"arrowstyle": "-", "color": WINDOW_COLOUR},
        )
    axis.set_xlabel("에포크")
    axis.set_ylabel("검증 손실")
    axis.set_xticks(epochs)
    axis.grid(True, alpha=0.4)
    axis.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return fig, {"saves": saves, "stopped_at": stop, "restored": saves[-1] if saves else None}


def local_connections():
    """One row of pixels feeding a dense layer (every input to every output, its own weight on each line) and a
    1-D convolution (each output sees 3 neighbours, the same 3 weights everywhere)."""
    fig, axes = plt.subplots(1, 2, figsize=(BOOK_WIDTH_IN, 3.0))
    n = 7
    weight_colours = ["tab:red", "tab:green", "tab:blue"]
    for axis, title in zip(
        axes,
        [
            "밀집층: 모든 입력과 연결\n선마다 다른 가중치 (7×7 = 49개)",
            "합성곱 층: 이웃 3칸과만 연결(지역 연결)\n같은 가중치 3개를 공유 (가중치 공유)",
        ],
        strict=True,
    ):
        axis.scatter(np.arange(n), np.zeros(n), s=160, color="0.75", edgecolor="black", zorder=3)
        axis.scatter(np.arange(n), np.ones(n), s=160, color=OUTPUT_COLOUR, edgecolor="black", zorder=3)
        axis.set_title(title, fontsize=9)
        axis.text(-0.9, 0, "입력", ha="right", va="center", fontsize=8)
        axis.text(-0.9, 1, "출력", ha="right", va="center", fontsize=8)
        axis.set_xlim(-2.2, n)
        axis.set_ylim(-0.4, 1.4)
        axis.axis("off")
    for i in range(n):
        for j in range(n):
            axes[0].plot([j, i], [0, 1], color="0.55", linewidth=0.5)
    for i in range(n):
        for offset, colour in zip((-1, 0, 1), weight_colours, strict=True):
            if 0 <= i + offset < n:
                axes[1].plot([i + offset, i], [0, 1], color=colour, linewidth=1.6)
    fig.tight_layout()
    return fig


def receptive_field():
    """Two stacked 3×3 convolutions: one cell of the second map depends on a 5×5 patch of the input."""
    fig, axes = plt.subplots(1, 3, figsize=(BOOK_WIDTH_IN, 2.9))
    sizes, spans = (7, 5, 3), (5, 3, 1)
    titles = (
        "입력 7×7: 이 5×5 영역이",
        "첫 특성 맵 5×5: 이 3×3 영역을 거쳐",
        "두 번째 특성 맵 3×3: 이 한 칸을 정합니다",
    )
    for axis, size, span, title in zip(axes, sizes, spans, titles, strict=True):
        axis.imshow(np.zeros((size, size)), cmap="gray_r", vmin=0, vmax=1)
        axis.set_xticks(np.arange(-0.5, size), minor=True)
        axis.set_yticks(np.arange(-0.5, size), minor=True)
        axis.grid(which="minor", color="0.6", linewidth=0.6)
        axis.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
        start = (size - span) // 2
        axis.add_patch(Rectangle((start - 0.5, start - 0.5), span, span, facecolor=WINDOW_COLOUR, alpha=0.45))
        axis.set_title(title.replace(": ", "\n"), fontsize=9)
    fig.tight_layout()
    return fig


AUGMENTATIONS = {  # Keras preprocessing layers as lesson 10 names them; each is active only while training
    "좌우 뒤집기": ("RandomFlip", {"mode": "horizontal"}),
    "평행 이동 ±10%": ("RandomTranslation", {"height_factor": 0.1, "width_factor": 0.1}),
    "회전 ±18°": ("RandomRotation", {"factor": 0.05}),
    "확대·축소 ±10%": ("RandomZoom", {"height_factor": 0.1}),
}


def augmentation_gallery(images, seed: int = 0):
    """The same images through each augmentation layer (training mode), one column per layer."""
    import keras

    from helpers.validation import check_scaled_images

    images = check_scaled_images(images, "images").astype("float32")
    columns = {"원본": images}
    for title, (name, options) in AUGMENTATIONS.items():
        layer = getattr(keras.layers, name)(seed=seed, **options)
        columns[title] = keras.ops.convert_to_numpy(layer(images, training=True))
    fig, axes = plt.subplots(len(images), len(columns), figsize=(BOOK_WIDTH_IN, 1.5 * len(images)), squeeze=False)
    for column, (title, shown) in enumerate(columns.items()):
        for row in range(len(images)):
            axes[row, column].imshow(shown[row, :, :, 0], cmap="gray_r", vmin=0, vmax=1)
            axes[row, column].axis("off")
        axes[0, column].set_title(title, fontsize=9)
    fig.tight_layout()
    return fig
