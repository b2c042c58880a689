"""Links between the book's pages that work where the notebook is read.

Instructors write relative links in lessons_py/*.py (`[용어집](glossary.md)`, `[6장](06_compile_and_train.ipynb)`).
A notebook opened alone (Colab, a download) has no neighbours, so when book/*.ipynb is written from its source
(`scripts/execute.py`, `make sync`), `absolute_links` points those links at the published book (`html.baseurl` in
_config.yml). When Sphinx reads a notebook, this extension turns them back (`relative_links`) before MyST parses it:
the built book links page to page, offline and per version, and MyST still checks that every target exists.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

BOOK_FOLDER = "book"  # where the pages live, in the repository and in the built site
PAGE_SUFFIXES = (".md", ".ipynb")
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")  # an inline Markdown link's target


def book_pages(book_dir: Path) -> dict[str, str]:
    """Page name (file name without suffix) → file name, for the book's Markdown pages and notebooks."""
    return {path.stem: path.name for path in sorted(Path(book_dir).iterdir()) if path.suffix in PAGE_SUFFIXES}


def page_url(base_url: str, page: str) -> str:
    """The published page: `<base>book/<page>.html` (`page` as written, percent-encoding kept)."""
    return f"{base_url.rstrip('/')}/{BOOK_FOLDER}/{page}.html"


def _split(target: str) -> tuple[str, str]:
    path, hash_, fragment = target.partition("#")
    return path, hash_ + fragment


def absolute_links(markdown: str, base_url: str, pages: dict[str, str]) -> str:
    """Relative links to book pages (`glossary.md`, `06_x.ipynb#section`) → the published book's URLs."""

    def rewrite(match: re.Match) -> str:
        path, fragment = _split(match["target"])
        name = unquote(path)
        if "/" in path or ":" in path or Path(name).stem not in pages or pages[Path(name).stem] != name:
            return match.group()
        return f"]({page_url(base_url, path.rsplit('.', 1)[0])}{fragment})"

    return LINK.sub(rewrite, markdown) if base_url else markdown


def relative_links(markdown: str, base_url: str, pages: dict[str, str]) -> str:
    """The published book's URLs of existing pages → relative links, the exact inverse of `absolute_links`."""
    prefix = page_url(base_url, "")[: -len(".html")]

    def rewrite(match: re.Match) -> str:
        path, fragment = _split(match["target"])
        page = path[len(prefix) : -len(".html")]
        if not (path.startswith(prefix) and path.endswith(".html")) or "/" in page or unquote(page) not in pages:
            return match.group()
        return f"]({page}{Path(pages[unquote(page)]).suffix}{fragment})"

    return LINK.sub(rewrite, markdown) if base_url else markdown


def rewrite_notebook(notebook, rewrite, base_url: str, pages: dict[str, str]) -> bool:
    """Apply `absolute_links` or `relative_links` to every Markdown cell; True when something changed."""
    changed = False
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            new = rewrite(cell.source, base_url, pages)
            changed |= new != cell.source
            cell.source = new
    return changed


def configured_base_url(root: Path) -> str:
    """`html.baseurl` from the project's _config.yml ('' when unset)."""
    import yaml

    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    return (config.get("html") or {}).get("baseurl") or ""


def _relative_in_book(app, docname: str, source: list[str]) -> None:
    """Sphinx `source-read`: a notebook's published-book links become relative before MyST reads them."""
    import nbformat

    path = Path(app.env.doc2path(docname))
    base_url = app.config.html_baseurl
    if path.suffix != ".ipynb" or not base_url:
        return
    notebook = nbformat.reads(source[0], as_version=4)
    if rewrite_notebook(notebook, relative_links, base_url, book_pages(path.parent)):
        source[0] = nbformat.writes(notebook)


def setup(app):
    app.connect("source-read", _relative_in_book)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
