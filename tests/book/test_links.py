"""Links between pages work where the notebook is: relative in lessons_py and in the built book, the published book's
URLs in book/*.ipynb (a notebook opened alone in Colab or downloaded has no neighbours)."""

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
sys.path.insert(0, str(ROOT / "_ext"))
import chapter_links  # noqa: E402

BASE = chapter_links.configured_base_url(ROOT)
PAGES = chapter_links.book_pages(BOOK)
SOURCES = sorted((ROOT / "lessons_py").glob("[0-9]*.py"))
NOTEBOOKS = [BOOK / f"{source.stem}.ipynb" for source in SOURCES]
PUBLISHED = re.compile(re.escape(BASE.rstrip("/")) + r"/book/[^)\s#]+")
RELATIVE_PAGE = re.compile(r"\]\(([^)\s:/#]+\.(?:md|ipynb))(#[^)\s]*)?\)")


def test_the_base_url_is_the_published_book():
    assert BASE.startswith("https://") and BASE.endswith("/"), f"_config.yml html.baseurl: {BASE!r}"


@pytest.mark.parametrize(
    ("relative", "absolute"),
    [
        ("[용어집](glossary.md)", f"[용어집]({BASE}book/glossary.html)"),
        ("[6장](06_compile_and_train.ipynb#콜백)", f"[6장]({BASE}book/06_compile_and_train.html#콜백)"),
        (
            "[소개](intro.md) · [10장](10_stronger_model.ipynb)",
            f"[소개]({BASE}book/intro.html) · [10장]({BASE}book/10_stronger_model.html)",
        ),
    ],
)
def test_page_links_become_published_urls_and_back(relative, absolute):
    assert chapter_links.absolute_links(relative, BASE, PAGES) == absolute
    assert chapter_links.relative_links(absolute, BASE, PAGES) == relative


def test_percent_encoded_hangul_page_names_round_trip():
    pages = {**PAGES, "11_새_장": "11_새_장.ipynb"}
    relative = "[새 장](11_%EC%83%88_%EC%9E%A5.ipynb)"
    absolute = chapter_links.absolute_links(relative, BASE, pages)
    assert absolute == f"[새 장]({BASE}book/11_%EC%83%88_%EC%9E%A5.html)"
    assert chapter_links.relative_links(absolute, BASE, pages) == relative


@pytest.mark.parametrize(
    "text",
    [
        "[Keras](https://keras.io/api/)",  # another site
        "[그림](images/favicon.png)",  # not a page
        "[없는 장](99_missing.ipynb)",  # no such page: left for the link tests to report
        "[용어집](glossary.ipynb)",  # a page name with the wrong suffix
        "[위](#이-장의-목표)",  # an anchor on the same page
        f"[다른 책]({BASE}other/glossary.html)",  # the published site, but not a book page
    ],
)
def test_other_links_are_left_alone(text):
    assert chapter_links.absolute_links(text, BASE, PAGES) == text
    assert chapter_links.relative_links(text, BASE, PAGES) == text


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_lesson_sources_link_other_pages_relatively(source):
    found = PUBLISHED.search(source.read_text(encoding="utf-8"))
    assert not found, f"{source.name}: write [..](glossary.md)-style links; the notebook writer publishes them: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_link_other_pages_through_the_published_book(path):
    markdown = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
    text = "\n".join(markdown)
    relative = RELATIVE_PAGE.findall(text)
    assert not relative, f"{path.name}: relative page links {relative} lead nowhere in Colab (make sync)"
    published = PUBLISHED.findall(text)
    assert published, f"{path.name}: no link to another page of the book (the glossary at least)"
    for url in published:
        back = chapter_links.relative_links(f"]({url})", BASE, PAGES)
        assert back != f"]({url})", f"{path.name}: {url} is no page of this book"


def test_the_book_build_reads_notebooks_with_relative_links():
    """The Sphinx hook, on a notebook as stored: MyST then sees exactly the lesson source's links."""
    path = BOOK / "06_compile_and_train.ipynb"
    app = SimpleNamespace(
        env=SimpleNamespace(doc2path=lambda docname: BOOK / f"{docname.split('/')[-1]}.ipynb"),
        config=SimpleNamespace(html_baseurl=BASE),
    )
    source = [path.read_text(encoding="utf-8")]
    chapter_links._relative_in_book(app, "book/06_compile_and_train", source)
    markdown = "\n".join(c.source for c in nbformat.reads(source[0], as_version=4).cells if c.cell_type == "markdown")
    assert "](glossary.md)" in markdown and "](05_build_model.ipynb)" in markdown
    assert not PUBLISHED.search(markdown)


def test_the_built_book_links_its_pages_relatively(html):
    page = (html / "book" / "06_compile_and_train.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a [^>]*href="([^"]+)"', page)
    assert any(href.startswith("glossary.html") for href in hrefs), "no relative link to the glossary"
    assert not [href for href in hrefs if PUBLISHED.match(href)], "a link leaves the built book for the published one"
