"""Draw the sample pictures of "your own image" (helpers/samples/*.png), made for this book (CC BY-SA 4.0, as its text).

    python scripts/make_own_image_samples.py

Four pictures a learner might bring: a T-shirt drawn with a dark pen on white paper, trousers on a light grey
background photographed slightly unevenly, a sneaker in colour on a warm table colour, and a bag on a transparent
background (a PNG with an alpha channel). Drawn with Pillow from shapes, so the repository holds the code that made
them; the files are deterministic (a fixed seed for the photo-like noise).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "helpers" / "samples"


def tshirt_drawing() -> Image.Image:
    image = Image.new("RGB", (300, 300), "white")
    draw = ImageDraw.Draw(image)
    outline = [(95, 60), (130, 50), (150, 70), (170, 50), (205, 60), (260, 105), (230, 140), (210, 125), (210, 250),
               (90, 250), (90, 125), (70, 140), (40, 105), (95, 60)]  # fmt: skip
    draw.polygon(outline, fill=(70, 70, 80))
    draw.line(outline, fill=(20, 20, 30), width=6, joint="curve")
    return image


def trousers_photo(rng: np.random.Generator) -> Image.Image:
    height, width = 360, 240
    ramp = np.linspace(205, 230, width)[None, :] + np.linspace(-8, 8, height)[:, None]  # uneven light
    image = Image.fromarray(np.clip(ramp + rng.normal(0, 3, (height, width)), 0, 255).astype(np.uint8)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.polygon([(70, 40), (170, 40), (185, 320), (135, 320), (120, 120), (105, 320), (55, 320)], fill=(40, 50, 90))
    draw.rectangle((70, 40, 170, 55), fill=(30, 35, 70))
    return image.filter(ImageFilter.GaussianBlur(1.2))


def sneaker_photo(rng: np.random.Generator) -> Image.Image:
    height, width = 220, 340
    table = np.stack(
        [np.full((height, width), 236.0), np.full((height, width), 222.0), np.full((height, width), 200.0)]
    )
    noisy = np.clip(table.transpose(1, 2, 0) + rng.normal(0, 2.5, (height, width, 3)), 0, 255).astype(np.uint8)
    image = Image.fromarray(noisy)
    draw = ImageDraw.Draw(image)
    draw.polygon([(40, 150), (60, 90), (130, 80), (200, 120), (290, 135), (300, 165), (40, 170)], fill=(200, 40, 40))
    draw.rectangle((38, 165, 302, 182), fill=(245, 245, 245), outline=(120, 120, 120), width=2)  # the white sole
    for x in range(90, 170, 18):  # laces
        draw.line([(x, 92), (x + 12, 112)], fill=(250, 250, 250), width=4)
    return image.filter(ImageFilter.GaussianBlur(0.8))


def bag_transparent() -> Image.Image:
    image = Image.new("RGBA", (260, 260), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.arc((85, 30, 175, 120), 180, 360, fill=(90, 60, 30, 255), width=10)  # the handle
    draw.rounded_rectangle((45, 75, 215, 225), radius=18, fill=(140, 95, 50, 255))
    draw.rectangle((45, 120, 215, 132), fill=(110, 70, 35, 255))
    return image


def main() -> None:
    rng = np.random.default_rng(2026)
    OUT.mkdir(exist_ok=True)
    samples = {
        "tshirt_drawing.png": tshirt_drawing(),
        "trousers_photo.png": trousers_photo(rng),
        "sneaker_photo.png": sneaker_photo(rng),
        "bag_transparent.png": bag_transparent(),
    }
    for name, image in samples.items():
        image.save(OUT / name, optimize=True)
        print(f"{OUT.relative_to(OUT.parents[1]) / name}: {image.size[0]}x{image.size[1]} {image.mode}")


if __name__ == "__main__":
    main()
