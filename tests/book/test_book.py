"""Build the whole book as `make book` does (warnings are errors) and check what a reader will see."""

from html.parser import HTMLParser
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(p.stem for p in (ROOT / "book").glob("*.ipynb"))


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources, self.links = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.sources.append(attrs["src"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def page(html, name):
    parser = Images()
    text = (html / "book" / f"{name}.html").read_text(encoding="utf-8")
    parser.feed(text)
    return text, parser


def pngs_on(html, name):
    _, parser = page(html, name)
    found = []
    for source in parser.sources:
        target = (html / "book" / source).resolve()
        if source.endswith(".png"):
            assert target.is_file() and target.stat().st_size > 0, f"{name}: broken image {source}"
            found.append(target)
    return found


def test_index_and_language(html):
    assert (html / "index.html").is_file()
    text, _ = page(html, "intro")
    assert '<html lang="ko"' in text


def test_every_lesson_page_is_built(html):
    for name in LESSONS:
        assert (html / "book" / f"{name}.html").is_file(), name


def test_model_diagram_is_on_lesson_5(html):
    assert len(pngs_on(html, "05_build_model")) >= 1


def test_history_plot_is_on_lesson_6(html):
    assert len(pngs_on(html, "06_compile_and_train")) >= 1


def test_every_figure_of_every_lesson_is_built(html):
    for name in LESSONS:
        cells = nbformat.read(ROOT / "book" / f"{name}.ipynb", as_version=4).cells
        stored = sum("image/png" in output.get("data", {}) for cell in cells for output in cell.get("outputs", []))
        assert len(pngs_on(html, name)) >= stored, f"{name}: {stored} figures stored, fewer shown"


def test_colab_button_opens_the_lesson_notebook(html):
    repository = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    repo, tag = repository["url"].removeprefix("https://github.com/"), repository["branch"]
    for name in LESSONS:
        _, parser = page(html, name)
        colab = [link for link in parser.links if "colab.research.google.com" in link]
        assert colab == [f"https://colab.research.google.com/github/{repo}/blob/{tag}/book/{name}.ipynb"], colab
