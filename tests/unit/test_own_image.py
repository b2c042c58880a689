"""Your own image (helpers.own_image): pictures drawn here with Pillow become Fashion-MNIST-like inputs, and bad ones
get a Korean sentence, not a traceback."""

import io
import re
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw

import helpers
from helpers.own_image import SPEC, OwnImageError, box_resize, own_image_steps, prepare_own_image, sample_images

HANGUL = re.compile("[가-힣]")


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def drawing(size=(200, 120), box=(60, 30, 100, 90), ink=(0, 0, 0), paper=(255, 255, 255), mode="RGB"):
    """A dark rectangle (40 wide, 60 high) on light paper, off centre."""
    image = Image.new(mode, size, paper)
    ImageDraw.Draw(image).rectangle(box, fill=ink)
    return image


def refused(source) -> str:
    with pytest.raises(OwnImageError) as caught:
        prepare_own_image(source)
    message = str(caught.value)
    korean, english = message.split("\n")
    assert HANGUL.search(korean) and not HANGUL.search(english)
    error = caught.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__), "a chained traceback"
    return message


def test_drawing_becomes_a_centred_bright_object_filling_28_pixels():
    x = prepare_own_image(drawing())
    assert x.shape == (1, 28, 28, 1) and x.dtype == np.float32
    assert x.min() >= 0.0 and x.max() <= 1.0
    image = x[0, :, :, 0]
    rows = np.nonzero(image.max(axis=1) > 0.5)[0]
    cols = np.nonzero(image.max(axis=0) > 0.5)[0]
    assert rows.min() == 0 and rows.max() == 27, "the longest side (height) fills 28 pixels"
    width = cols.max() - cols.min() + 1
    assert abs(width - 28 * 41 / 61) <= 1.5, "the aspect ratio is kept"
    assert abs((cols.min() + cols.max()) / 2 - 13.5) <= 0.5, "centred"
    assert image[:, 0].max() == 0.0 and image[:, -1].max() == 0.0, "padding is the black background"


@pytest.mark.parametrize("kind", ["path", "bytes", "pil", "uint8 array", "float array"])
def test_every_kind_of_source_gives_the_same_input(kind, tmp_path):
    image = drawing()
    source = {
        "path": tmp_path / "x.png",
        "bytes": png_bytes(image),
        "pil": image,
        "uint8 array": np.asarray(image),
        "float array": np.asarray(image, dtype=np.float32) / 255.0,
    }[kind]
    image.save(tmp_path / "x.png")
    np.testing.assert_allclose(prepare_own_image(source), prepare_own_image(image), atol=1e-6)


def test_a_dark_background_is_not_inverted():
    light = prepare_own_image(drawing())
    dark = prepare_own_image(drawing(ink=(255, 255, 255), paper=(0, 0, 0)))
    np.testing.assert_allclose(light, dark, atol=1e-6)


def test_transparent_png_is_composited_on_white():
    image = Image.new("RGBA", (120, 120), (0, 0, 0, 0))  # transparent black: as pixels, all black
    ImageDraw.Draw(image).ellipse((30, 20, 90, 100), fill=(40, 40, 40, 255))
    steps = own_image_steps(png_bytes(image))
    assert steps.original[0, 0].tolist() == [255, 255, 255]
    x = steps.model_input[0, :, :, 0]
    assert x[14, 14] > 0.9 and x[0, 0] == 0.0


def test_a_photo_background_becomes_black_and_the_object_bright():
    rng = np.random.default_rng(0)
    photo = np.clip(rng.normal(215, 4, (150, 150, 3)), 0, 255).astype(np.uint8)  # grey paper with noise
    photo[40:110, 50:100] = (150, 60, 60)  # a dull red object
    x = prepare_own_image(photo)[0, :, :, 0]
    assert x.max() == pytest.approx(1.0, abs=0.02)
    assert x[:, :3].max() < 0.05 and x[:, -3:].max() < 0.05


def test_box_resize_keeps_the_mean_and_a_constant():
    rng = np.random.default_rng(1)
    image = rng.random((97, 61))
    small = box_resize(image, 28, 28)
    assert small.mean() == pytest.approx(image.mean(), rel=1e-9)
    np.testing.assert_allclose(box_resize(np.full((5, 3), 0.25), 28, 28), 0.25)


def test_a_large_photo_is_shrunk_to_the_working_size_first():
    big = drawing(size=(3000, 2000), box=(900, 500, 1500, 1400))
    steps = own_image_steps(big)
    assert max(steps.gray.shape) == SPEC["work_size"]
    ink = steps.model_input[0, :, :, 0] > 0.5
    assert ink[:, 0].sum() == 0 and ink.any(axis=1).all(), "the object fills the height, centred"


def test_shipped_samples_become_inputs_and_the_model_takes_them():
    paths = sample_images()
    assert len(paths) >= 3
    batch = np.concatenate([prepare_own_image(path) for path in paths])
    assert batch.shape == (len(paths), 28, 28, 1)
    model = helpers.build_cnn()
    assert model.predict(batch, verbose=0).shape == (len(paths), 10)


def test_non_image_file_is_refused(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("이미지가 아닙니다", encoding="utf-8")
    assert "이미지 파일이 아닙니다" in refused(notes)
    assert "이미지 파일이 아닙니다" in refused(b"%PDF-1.7 not an image")
    assert "이미지 파일이 없습니다" in refused(tmp_path / "missing.png")


def test_truncated_image_is_refused():
    data = png_bytes(drawing())
    assert "손상" in refused(data[: len(data) // 2])


@pytest.mark.parametrize("colour", [(255, 255, 255), (0, 0, 0), (128, 90, 200)])
def test_empty_or_one_colour_image_is_refused(colour):
    assert "물체가 보이지 않습니다" in refused(Image.new("RGB", (64, 64), colour))


def test_fully_transparent_png_is_refused_as_empty():
    assert "물체가 보이지 않습니다" in refused(png_bytes(Image.new("RGBA", (64, 64), (0, 0, 0, 0))))


def test_50_megapixel_photo_is_refused_before_decoding(tmp_path):
    path = tmp_path / "huge.png"
    Image.new("L", (10_000, 5_000), 255).save(path)  # one colour: compresses to a small file
    message = refused(path)
    assert "너무 큽니다" in message and "50.0메가픽셀" in message
    assert "너무 큽니다" in refused(np.zeros((8_000, 6_000), np.uint8))


def with_size(png: bytes, width: int, height: int) -> bytes:
    """The same PNG claiming another size in its header (a decompression bomb, without the memory)."""
    assert png[12:16] == b"IHDR"
    header = struct.pack(">II", width, height) + png[24:29]
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + header) & 0xFFFFFFFF)
    return png[:16] + header + crc + png[33:]


def test_pillow_decompression_bomb_is_refused_as_too_large():
    assert "너무 큽니다" in refused(with_size(png_bytes(drawing()), 30_000, 20_000))  # 600 MP: Pillow's bomb error


def test_wrong_kinds_are_refused():
    assert "경로" in refused(12)
    assert "모양" in refused(np.zeros((4, 4, 2)))
    assert "유한한" in refused(np.full((4, 4), np.nan))
