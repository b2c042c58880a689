"""`make pdf` (scripts/pdf.py): the whole book printed by Chromium, built once here with the session's browser (no
network) and read back with poppler's pdftotext and pdfimages."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import load, needs_browser

ROOT = Path(__file__).resolve().parents[2]
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
FILES = [TOC["root"], *(chapter["file"] for part in TOC["parts"] for chapter in part["chapters"])]
PAPER_PX = round((8.27 - 2 * 0.6) * 96)  # the printed column: A4 less scripts/pdf.py's margins, in CSS pixels

pytestmark = [
    needs_browser,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed (make installs it)"),
]

# What the printed page held: every line of code and output, the solutions, the figures, the math, and whether
# any code or output box is wider than the paper's column (it would be cut).
PRINTED_JS = """
const article = document.querySelector('article.bd-article');
return {
  lines: [...article.querySelectorAll('pre')].flatMap(pre => pre.textContent.split('\\n')),
  details: [...article.querySelectorAll('details')].map(details => {
    const body = details.cloneNode(true);  // its longest stretch of text within one block and between formulas
    body.querySelector('summary')?.remove();  // (typeset math prints as glyphs, not as its TeX source)
    body.querySelectorAll('.math, mjx-container').forEach(math => math.replaceWith('\\u0000'));
    body.querySelectorAll('p, li, pre, td, th').forEach(block => block.append('\\u0000'));
    const stretches = body.textContent.split('\\u0000').sort((a, b) => b.trim().length - a.trim().length);
    return {open: details.open, text: stretches[0]};
  }),
  figures: [...new Set([...article.querySelectorAll('img')].map(i => i.src).filter(s => s.includes('/_images/')))],
  math: article.querySelectorAll('.math').length,
  untypeset: [...article.querySelectorAll('.math')].filter(m => !m.querySelector('mjx-container')).length,
  cut: [...article.querySelectorAll('pre')].filter(pre => pre.scrollWidth > pre.clientWidth + 1)
    .map(pre => pre.textContent.slice(0, 80)),
};
"""


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def tail(text: str) -> str:
    """The end of a line or paragraph: what a box too narrow cuts off. (Compared alone, since text split across two
    pages may come out of pdftotext in another order.)"""
    return compact(text)[-16:]


def chapter_title(path: str) -> str:
    """The first `# ` heading of a page's source, as the table of contents shows it."""
    source = ROOT / path
    if (notebook := source.with_suffix(".ipynb")).is_file():
        text = "\n".join("".join(cell["source"]) for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"])
    else:
        text = source.with_suffix(".md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.MULTILINE)[1].strip().replace("`", "")


@pytest.fixture(scope="module")
def printed(offline, html, tmp_path_factory):
    """The PDF (also copied into the session's HTML site), its text and images, and what its page held."""
    import pdf

    work = tmp_path_factory.mktemp("pdf")
    target = pdf.make_pdf(work / "book.pdf", work=work, site=html, driver=offline)
    page = offline.execute_script(PRINTED_JS)
    offline.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    offline.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PAPER_PX, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        page["cut"] = offline.execute_script(PRINTED_JS)["cut"]
    finally:
        offline.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        offline.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # Both reading orders: the page's layout (default; it may move a Hangul fallback-font run within a line) and
    # drawing order (-raw; it may put a box's continuation on the next page after the text drawn before it).
    text = "\n".join(
        subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True).stdout
        for mode in ([], ["-raw"])
    )
    text = re.sub(r"^\s*\d+ / \d+\s*$", "", text, flags=re.MULTILINE)  # the page numbers in the footer
    images = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True).stdout
    return {"path": target, "text": text, "images": images.splitlines()[2:], "page": page}


def test_the_pdf_is_written_and_has_pages(printed):
    info = subprocess.run(["pdfinfo", str(printed["path"])], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info)[1]) >= 50
    assert "A4" in info


def test_every_chapter_title_is_real_hangul_text(printed):
    text = compact(printed["text"])
    missing = [chapter_title(path) for path in FILES if compact(chapter_title(path)) not in text]
    assert missing == []


def test_every_figure_is_in(printed):
    figures = [row for row in printed["images"] if row.split()[2] == "image" and int(row.split()[3]) >= 100]
    assert len(printed["page"]["figures"]) >= 20
    assert len(figures) >= len(printed["page"]["figures"])


def test_math_is_typeset_before_printing(printed):
    assert printed["page"]["math"] >= 100
    assert printed["page"]["untypeset"] == 0
    assert not re.search(r"\\\(|\\\[|\$\$", printed["text"])


def test_solutions_are_printed_open(printed):
    """Every <details> (a written solution, a code cell hidden with hide-cell) is open and its text in the PDF."""
    details = printed["page"]["details"]
    assert details, "no solution in <details> (CONTRIBUTING.md: 연습 문제)"
    text = compact(printed["text"])
    assert [d["text"][-60:] for d in details if not d["open"] or tail(d["text"]) not in text] == []


def test_code_and_error_lines_wrap_instead_of_being_cut(printed):
    assert printed["page"]["cut"] == [], "boxes wider than the paper's column"
    text = compact(printed["text"])
    long_lines = [line for line in printed["page"]["lines"] if len(line.strip()) > 60 and re.search(r"\w", tail(line))]
    assert len(long_lines) >= 20
    assert [line for line in long_lines if tail(line) not in text] == []


def test_the_intro_links_the_pdf(printed, offline, site):
    load(offline, f"{site}/book/intro.html")
    response = offline.execute_async_script(
        "const done = arguments[0];"
        "const link = [...document.querySelectorAll('article a')].find(a => a.href.endsWith('.pdf'));"
        "if (!link) return done(null);"
        "fetch(link.href).then(r => r.arrayBuffer().then(b => done("
        "  {type: r.headers.get('content-type'), size: b.byteLength, href: link.href})));"
    )
    assert response, "no link to the PDF on the intro page"
    assert response["type"] == "application/pdf"
    assert response["size"] == printed["path"].stat().st_size
