"""Your own image: a photo or a drawing turned into the model's input the way Fashion-MNIST was made.

Fashion-MNIST's authors trimmed each product photo to the object, fitted its longest side into 28 pixels, centred it
and inverted it (a bright object on a black background). `prepare_own_image` does the same to any picture; the steps
and their constants live once, in `own_image_spec.json`, which the book's "직접 그려 보기" page reads as well, so the
browser prepares a drawing exactly as Python does (a test feeds the same image through both).
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from helpers.messages import bilingual

SPEC_FILE = Path(__file__).resolve().parent / "own_image_spec.json"
SPEC = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
SAMPLES_DIR = Path(__file__).resolve().parent / "samples"


class OwnImageError(ValueError):
    """The picture cannot become a model input: not an image, too large, or nothing on it."""


@dataclass(frozen=True)
class Steps:
    """Each intermediate picture, for `plot_own_image_steps`; `model_input` is what the model gets."""

    original: np.ndarray  # RGB, 0–255, after the transparent parts went white
    gray: np.ndarray  # 0–1, light = 1
    object_bright: np.ndarray  # 0–1, the object bright on a black background
    cropped: np.ndarray
    square: np.ndarray
    model_input: np.ndarray  # (1, 28, 28, 1) float32


def _refuse(korean: str, english: str) -> OwnImageError:
    return OwnImageError(bilingual(korean, english))


def _too_large(width: int, height: int) -> OwnImageError:
    megapixels = width * height / 1e6
    limit = SPEC["max_megapixels"]
    return _refuse(
        f"이미지가 너무 큽니다({width}×{height}, {megapixels:.1f}메가픽셀). {limit}메가픽셀 이하로 줄여서 다시 여세요.",
        f"The image is too large ({width}x{height}, {megapixels:.1f} megapixels); shrink it to {limit} megapixels or "
        "less and open it again.",
    )


def _open(source):
    """A PIL image from a path, bytes or a PIL image; its size checked before its pixels are decoded."""
    from PIL import Image, UnidentifiedImageError

    if isinstance(source, Image.Image):
        image = source
    else:
        if isinstance(source, (bytes, bytearray)):
            stream, name, name_en = io.BytesIO(source), "받은 바이트", "the given bytes"
        elif isinstance(source, (str, Path)):
            path = Path(source)
            if not path.is_file():
                raise _refuse(f"이미지 파일이 없습니다: {path}", f"No such image file: {path}")
            stream, name, name_en = path, str(path), str(path)
        else:
            raise _refuse(
                f"이미지는 파일 경로, 바이트, PIL 이미지, NumPy 배열 중 하나로 주세요. "
                f"받은 것: {type(source).__name__}",
                f"Give the image as a path, bytes, a PIL image or a NumPy array; got {type(source).__name__}.",
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(stream)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _refuse(
                f"이미지가 너무 큽니다({name}). {SPEC['max_megapixels']}메가픽셀 이하로 줄여서 다시 여세요.",
                f"The image is too large ({name_en}); shrink it to {SPEC['max_megapixels']} megapixels or less.",
            ) from None
        except UnidentifiedImageError:
            raise _refuse(
                f"이미지 파일이 아닙니다({name}). PNG나 JPEG 같은 이미지 파일을 주세요.",
                f"Not an image file ({name_en}); give a PNG, JPEG or another image file.",
            ) from None
    if image.width * image.height > SPEC["max_megapixels"] * 1e6:
        raise _too_large(image.width, image.height)
    return image


def _rgb_on_white(source) -> np.ndarray:
    """The picture as an RGB float array (0–255), transparent parts composited on white."""
    from PIL import ImageOps

    if isinstance(source, np.ndarray):
        array = np.asarray(source)
        if array.ndim == 4 and array.shape[0] == 1:
            array = array[0]
        if array.ndim == 3 and array.shape[-1] == 1:
            array = array[..., 0]
        if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[-1] not in (3, 4)) or 0 in array.shape:
            raise _refuse(
                "배열은 (높이, 너비), (높이, 너비, 3) 또는 (높이, 너비, 4) 모양이어야 합니다. "
                f"받은 모양: {array.shape}",
                f"An array must be (height, width), (height, width, 3) or (height, width, 4); got {array.shape}.",
            )
        if array.shape[0] * array.shape[1] > SPEC["max_megapixels"] * 1e6:
            raise _too_large(array.shape[1], array.shape[0])
        if not np.issubdtype(array.dtype, np.number) or not np.isfinite(array).all():
            raise _refuse("배열에는 유한한 숫자만 있어야 합니다.", "The array must hold finite numbers only.")
        pixels = array.astype(np.float64)
        if array.dtype != np.uint8:  # floats are taken as 0–1, as helpers.scale_images makes them
            pixels = np.clip(pixels, 0.0, 1.0) * 255.0
        if pixels.ndim == 2:
            pixels = np.repeat(pixels[..., None], 3, axis=-1)
    else:
        image = _open(source)
        try:
            image = ImageOps.exif_transpose(image)  # a phone's portrait photo stands upright
            image = image.convert("RGBA")  # decodes the pixels; palette and grey images become RGBA too
        except (OSError, SyntaxError, ValueError) as error:  # a truncated or damaged file
            raise _refuse(
                f"이미지 파일이 손상되어 읽을 수 없습니다({error.__class__.__name__}).",
                f"The image file is damaged and cannot be read ({error.__class__.__name__}).",
            ) from None
        pixels = np.asarray(image, dtype=np.float64)
    if pixels.shape[-1] == 4:
        alpha = pixels[..., 3:] / 255.0
        pixels = pixels[..., :3] * alpha + 255.0 * (1.0 - alpha)
    return pixels


def box_weights(source: int, target: int) -> np.ndarray:
    """(target, source) averaging weights: output pixel i averages the source interval [i·s/t, (i+1)·s/t)."""
    scale = source / target
    starts, ends = np.arange(target) * scale, (np.arange(target) + 1) * scale
    left = np.arange(source)
    overlap = np.minimum(ends[:, None], left[None, :] + 1) - np.maximum(starts[:, None], left[None, :])
    return np.clip(overlap, 0.0, None) / scale


def box_resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Area-average resampling, written out so that the browser page computes the very same numbers."""
    return box_weights(image.shape[0], height) @ image @ box_weights(image.shape[1], width).T


def _border_median(image: np.ndarray) -> float:
    if min(image.shape) <= 2:
        return float(np.median(image))
    ring = np.concatenate([image[0], image[-1], image[1:-1, 0], image[1:-1, -1]])
    return float(np.median(ring))


def own_image_steps(source) -> Steps:
    """Every step of `prepare_own_image`, for showing; the steps are those of own_image_spec.json."""
    rgb = _rgb_on_white(source)
    gray = rgb @ np.asarray(SPEC["gray_weights"]) / 255.0
    longest = max(gray.shape)
    if longest > SPEC["work_size"]:
        ratio = SPEC["work_size"] / longest
        height, width = (max(1, int(np.floor(side * ratio + 0.5))) for side in gray.shape)  # half up, as JS rounds
        gray = box_resize(gray, height, width)
    background = _border_median(gray)
    if background > SPEC["light_background_above"]:
        gray_object, background = 1.0 - gray, 1.0 - background
    else:
        gray_object = gray
    peak = float(gray_object.max())
    if peak - background < SPEC["min_contrast"]:
        raise _refuse(
            "이미지에 물체가 보이지 않습니다(빈 이미지이거나 한 가지 색뿐입니다). 물체가 보이는 이미지를 주세요.",
            "Nothing stands out in the image (it is empty or one colour); give an image with an object on it.",
        )
    bright = np.clip((gray_object - background) / (peak - background), 0.0, 1.0)
    rows, cols = np.nonzero(bright > SPEC["object_threshold"])
    cropped = bright[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    height, width = cropped.shape
    side = max(height, width)
    top, left = (side - height) // 2, (side - width) // 2
    square = np.zeros((side, side))
    square[top : top + height, left : left + width] = cropped
    size = SPEC["size"]
    model_input = box_resize(square, size, size).astype(np.float32).reshape(1, size, size, 1)
    return Steps(rgb.astype(np.uint8), gray, bright, cropped, square, model_input)


def prepare_own_image(source) -> np.ndarray:
    """A photo or drawing (path, bytes, PIL image or array) as the model's input: (1, 28, 28, 1) float32 in [0, 1].

    Grayscale, a light background inverted, cropped to the object, padded square and resized so the object fills
    28 pixels, centred: how Fashion-MNIST's images were made. A file that is no image, an empty picture or one over
    40 megapixels raises OwnImageError with a Korean sentence (then English).
    """
    return own_image_steps(source).model_input


def plot_own_image_steps(source):
    """One row of figures: the picture, grayscale, object bright on black, cropped, padded square, the 28×28 input."""
    import matplotlib.pyplot as plt

    steps = own_image_steps(source)
    panels = [
        ("원래 이미지", steps.original, None),
        ("흑백", steps.gray, "gray"),
        ("물체 1, 배경 0", steps.object_bright, "gray_r"),
        ("물체만 잘라 냄", steps.cropped, "gray_r"),
        ("정사각형으로", steps.square, "gray_r"),
        ("28×28 입력", steps.model_input[0, :, :, 0], "gray_r"),
    ]
    figure, axes = plt.subplots(1, len(panels), figsize=(2.0 * len(panels), 2.4))
    for axis, (title, image, cmap) in zip(axes, panels, strict=True):
        axis.imshow(image, cmap=cmap, vmin=None if cmap is None else 0, vmax=None if cmap is None else 1)
        axis.set_title(title, fontsize=10)
        axis.set_xticks([])
        axis.set_yticks([])  # the frame stays: it shows the padded square's extent
    figure.tight_layout()
    return figure


def sample_images() -> list[Path]:
    """The drawings made for this book (scripts/make_own_image_samples.py), under the book's licence."""
    return sorted(SAMPLES_DIR.glob("*.png"))
