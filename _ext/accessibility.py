"""What a screen reader needs from the HTML the book writes itself (axe-core checks the result in tests/book).

- A collapsed code cell's toggle is named by its visible text ("코드 셀 펼치기"), not by myst-nb's English
  aria-label, which hid that text from speech (axe: label-content-name-mismatch).
- A pandas table's empty corner cells are data cells, not headers that name nothing (axe: empty-table-header).
- axe-core, which tests/book/test_accessibility.py runs over the built pages, is fetched into the cache with the book's
  other browser libraries (not served), so the tests run offline after the first build.
- English lines of an output (the English half of the book's bilingual error messages, Keras' own messages) are
  marked `lang="en"`, so a screen reader reads them in English on a Korean page.
"""

from __future__ import annotations

import re
from html import escape

import vendor
from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

HANGUL = re.compile("[가-힣]")
ENGLISH = re.compile(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}")  # two English words at least: a passage, not an identifier
TAG = re.compile(r"<[^>]+>")
PRE = re.compile(r"(<pre[^>]*>)(.*)(</pre>)", re.DOTALL)
EMPTY_HEADER = re.compile(r"<th>\s*</th>")


class EmptyCornerCells(SphinxPostTransform):
    """`<th></th>` in an HTML output (pandas writes one above its index) becomes `<td></td>`."""

    default_priority = 300  # after myst-nb picks each output's format (4) and hides cells (199)
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for raw in self.document.findall(nodes.raw):
            if "html" in raw.get("format", "").split() and "<th" in raw.astext():
                html = EMPTY_HEADER.sub("<td></td>", raw.astext())
                raw.children = [nodes.Text(html)]


def visit_hidden_cell(self, node) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hidden_cell(self, node) -> None:
    self.body.append("</details>\n")


def is_english(line_html: str) -> bool:
    text = TAG.sub("", line_html)
    return bool(ENGLISH.search(text)) and not HANGUL.search(text)


def mark_english_lines(highlighted: str) -> str:
    """Pygments' HTML closes every span at the end of a line, so each line can be wrapped on its own."""
    match = PRE.search(highlighted)
    if not match:
        return highlighted
    lines = match[2].split("\n")
    marked = [f'<span lang="en">{line}</span>' if is_english(line) else line for line in lines]
    return highlighted[: match.start(2)] + "\n".join(marked) + highlighted[match.end(2) :]


def visit_literal_block(self, node) -> None:
    """Sphinx's own visitor; for an output block, its English lines marked afterwards."""
    classes = node.get("classes", [])
    if "output" not in classes or not ({"traceback", "stream"} & set(classes)):
        return type(self).visit_literal_block(self, node)
    start = len(self.body)
    try:
        type(self).visit_literal_block(self, node)
    except nodes.SkipNode:
        self.body[start:] = [mark_english_lines(part) for part in self.body[start:]]
        raise


def depart_literal_block(self, node) -> None:
    type(self).depart_literal_block(self, node)


def fetch_checker(app, config) -> None:
    try:
        vendor.unpacked("axe-core")
    except vendor.VendorError as error:  # the book itself does not need it: the tests say so when they run
        logger.info(str(error))


def setup(app):
    app.connect("config-inited", fetch_checker)
    app.add_post_transform(EmptyCornerCells)
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_hidden_cell))
    app.add_node(nodes.literal_block, override=True, html=(visit_literal_block, depart_literal_block))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
