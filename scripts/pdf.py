"""`make pdf`: the whole book as one PDF, _build/pdf/book.pdf (and a copy in the HTML site, which the intro links).

Jupyter Book's single-page HTML build, served on loopback and opened in Debian's Chromium (the browser the tests
use), with every solution opened, printed by Chromium's own `Page.printToPDF` once MathJax has typeset every formula.
Jupyter Book's PDF builder would fetch Playwright's browser, which cannot be downloaded here; no LaTeX is needed.
Hangul stays real text (the fonts are embedded), so the PDF can be searched and copied from.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
TARGET = ROOT / "_build" / "pdf" / "book.pdf"
SITE = ROOT / "_build" / "html"
BOOK_PAGE = "book.html"  # the single page, at the root of the single-page build
SITE_COPY = "_static/book.pdf"  # where the HTML site keeps it: book/intro.md links ../_static/book.pdf

# A4 with 15 mm margins; the page number at the foot of every page
PAGE = {
    "paperWidth": 8.27,
    "paperHeight": 11.69,
    **dict.fromkeys(("marginTop", "marginBottom", "marginLeft", "marginRight"), 0.6),
    "printBackground": True,
    "displayHeaderFooter": True,
    "headerTemplate": "<span></span>",
    "footerTemplate": (
        '<div style="width: 100%; text-align: center; font-size: 8px; color: #555;">'
        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
    ),
    "generateDocumentOutline": True,  # PDF bookmarks from the headings
    "generateTaggedPDF": True,
}

# Waits for what printing must not outrun: every image decoded, MathJax's typesetting and its web fonts.
READY = """
const done = arguments[0];
const images = [...document.images].map(image => {
  image.loading = 'eager';
  return image.complete ? null : new Promise(resolve => { image.onload = image.onerror = resolve; });
});
const math = window.MathJax && MathJax.startup ? MathJax.startup.promise : Promise.resolve();
Promise.all([...images, math]).then(() => document.fonts.ready).then(() => done(true), error => done(String(error)));
"""
# Solutions print open: <details> (solutions, code cells hidden with hide-input / hide-cell) and sphinx-togglebutton.
EXPAND = """
document.querySelectorAll('details').forEach(details => { details.open = true; });
document.querySelectorAll('.toggle-hidden').forEach(element => element.classList.remove('toggle-hidden'));
document.querySelectorAll('.toggle-button').forEach(button => button.classList.remove('toggle-button-hidden'));
"""


def fail(korean: str, english: str) -> None:
    sys.exit(f"{korean}\n{english}")


def build_singlehtml(work: Path) -> Path:
    """The book as one HTML page, built as `make book` builds (warnings are errors) into `work`."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(ROOT), "-W", "--keep-going", "--builder", "singlehtml"]
    result = subprocess.run([*command, "--path-output", str(work)], capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-4000:], result.stderr[-4000:], file=sys.stderr)
        fail(
            "한 페이지 HTML 빌드가 실패했습니다(위의 메시지를 보세요).",
            "The single-page HTML build failed (see above).",
        )
    html = work / "_build" / "singlehtml"
    # The page is written to book/intro.html but its links are relative to the build's root, where a copy works.
    root = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    shutil.copyfile(html / f"{root}.html", html / BOOK_PAGE)
    return html


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """`directory` on loopback: MathJax loads its fonts over HTTP, which file:// pages may not do."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium():
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        fail(
            "Debian 의 chromium 과 chromium-driver 가 필요합니다: make system-browser",
            "Debian's chromium and chromium-driver are needed: make system-browser",
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    with tempfile.TemporaryDirectory() as profile:
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def print_book(driver, url: str, target: Path) -> Path:
    """Open the single-page book at `url`, open every solution, wait for math and images, print it to `target`."""
    driver.set_page_load_timeout(120)
    driver.set_script_timeout(120)
    driver.get(f"{url}/{BOOK_PAGE}")
    driver.execute_script(EXPAND)
    ready = driver.execute_async_script(READY)
    if ready is not True:
        fail(f"페이지가 인쇄할 준비를 마치지 못했습니다: {ready}", f"The page did not get ready to print: {ready}")
    pdf = driver.execute_cdp_cmd("Page.printToPDF", PAGE)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(pdf["data"]))
    return target


def make_pdf(target: Path = TARGET, work: Path | None = None, site: Path | None = None, driver=None) -> Path:
    """Build, print, and copy into the HTML `site` when given; `driver`: a running Chromium to reuse (tests)."""
    with contextlib.ExitStack() as stack:
        work = work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="book-pdf-")))
        html = build_singlehtml(work)
        url = stack.enter_context(serve(html))
        driver = driver or stack.enter_context(chromium())
        print_book(driver, url, target)
    if site is not None:
        (site / SITE_COPY).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, site / SITE_COPY)
    return target


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET, help=f"the PDF to write (default {TARGET})")
    parser.add_argument("--site", type=Path, default=SITE, help=f"the HTML site to copy it into (default {SITE})")
    args = parser.parse_args(argv)
    site = args.site if args.site.is_dir() else None
    target = make_pdf(args.out, site=site)
    print(f"PDF: {target}" + (f" (and {site / SITE_COPY})" if site else ""))


if __name__ == "__main__":
    main()
