"""`make bench`'s browser rows: the "직접 그려 보기" page in headless Chromium, served from loopback.

    python scripts/bench_browser.py [BUILT_HTML]

- cold load: a fresh browser profile (empty cache) opens the page; milliseconds from navigation to the first
  prediction on screen (the page predicts its first test image by itself), median of several fresh browsers;
- drawing: strokes sent as real mouse events; per prediction, the median of preparing the canvas (the shared spec) and
  of running the model with drawing the 32 + 64 feature maps, for each model;
- bytes: what the cold load transferred (Python's server sends files uncompressed), and the same files gzip'ed as
  GitHub Pages sends text types (HTML, CSS, JS, JSON; WebAssembly too, as far as its CDN compresses it — both totals are
  given, since the ONNX files go as application/octet-stream, uncompressed).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
TEXT_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt")
RESOURCES = "return performance.getEntriesByType('resource').map(e => [e.name, e.transferSize, e.encodedBodySize])"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(html: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def chromium(profile: Path, size=(1400, 1000)):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={size[0]},{size[1]}", f"--user-data-dir={profile}"):  # fmt: skip
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_ready(driver, timeout=60):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.02).until(
        lambda d: d.execute_script("return window.drawPage && drawPage.ready && drawPage.idle()")
    )


def cold_load(site: str, scratch: Path, index: int) -> tuple[float, list]:
    driver = chromium(scratch / f"profile-{index}")
    try:
        driver.get(f"{site}/book/draw.html")
        wait_ready(driver)
        first = driver.execute_script("return drawPage.firstPredictionMs")
        navigation = driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];return [n.name, n.transferSize, n.encodedBodySize]"
        )
        return first, [navigation, *driver.execute_script(RESOURCES)]
    finally:
        driver.quit()


def stroke(driver, name: str) -> tuple[float, float, int]:
    """Clear, pick the model, draw a zigzag with the mouse; median ms to prepare and to run + draw the maps."""
    driver.find_element("css selector", f"input[name='draw-model'][value='{name}']").click()
    wait_ready(driver)
    driver.find_element("id", "draw-clear").click()
    box = driver.execute_script(
        "const c = document.getElementById('draw-canvas'); c.scrollIntoView({block: 'center', behavior: 'instant'});"
        "const r = c.getBoundingClientRect(); drawPage.times = []; drawPage.prepareTimes = [];"
        "return [r.left, r.top, r.width, r.height];"
    )
    left, top, width, height = box
    points = [(left + width * (0.2 + 0.6 * k / 80), top + height * (0.3 + 0.4 * (k % 10) / 10)) for k in range(81)]
    send = functools.partial(driver.execute_cdp_cmd, "Input.dispatchMouseEvent")
    send({"type": "mousePressed", "x": points[0][0], "y": points[0][1], "button": "left", "clickCount": 1})
    for x, y in points[1:]:
        send({"type": "mouseMoved", "x": x, "y": y, "button": "left", "buttons": 1})
        driver.execute_async_script("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))")
    send({"type": "mouseReleased", "x": points[-1][0], "y": points[-1][1], "button": "left", "clickCount": 1})
    wait_ready(driver)
    prepare, run = driver.execute_script("return [drawPage.prepareTimes, drawPage.times]")
    return statistics.median(prepare), statistics.median(run), len(run)


def transferred(entries: list, html: Path) -> tuple[int, int, int]:
    """Bytes over the wire here, and gzip'ed as GitHub Pages would: text only, and text plus WebAssembly."""
    raw = text_gzip = with_wasm = 0
    for url, transfer, body in entries:
        raw += transfer or body
        path = html / urlparse(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        data = path.read_bytes() if path.is_file() else b""
        packed = len(gzip.compress(data, compresslevel=6)) if data else body
        text_gzip += packed if path.suffix in TEXT_TYPES else len(data) or body
        with_wasm += packed if path.suffix in (*TEXT_TYPES, ".wasm") else len(data) or body
    return raw, text_gzip, with_wasm


def browser_rows(html: Path, repeats: int = 3) -> list[tuple[str, str, str, str]]:
    site, server = serve(html)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-browser-") as scratch:
            loads = [cold_load(site, Path(scratch), i) for i in range(repeats)]
            first = statistics.median(ms for ms, _ in loads)
            raw, text_gzip, with_wasm = transferred(loads[0][1], html)
            driver = chromium(Path(scratch) / "profile-draw")
            try:
                driver.get(f"{site}/book/draw.html")
                wait_ready(driver)
                drawing = {name: stroke(driver, name) for name in ("cnn", "strong")}
            finally:
                driver.quit()
    finally:
        server.shutdown()
    mb = 1e6
    rows = [
        (
            "직접 그려 보기: 첫 예측까지 (빈 캐시)",
            "",
            f"{first / 1000:.2f} s",
            f"새 브라우저 {repeats}회 중앙값, 목표 ≤ 2 s",
        ),
    ]
    for name, (prepare, run, count) in drawing.items():
        rows.append(
            (
                f"직접 그려 보기: 그리는 동안 예측 한 번 ({name})",
                "",
                f"{prepare + run:.1f} ms",
                f"입력 준비 {prepare:.1f} ms + 모델과 특성 맵 {run:.1f} ms, {count}회 중앙값, 목표 ≤ 30 ms",
            )
        )
    rows.append(
        (
            "직접 그려 보기: 페이지가 받는 바이트",
            "",
            f"{raw / mb:.1f} MB",
            f"압축 없이; GitHub Pages의 gzip으로 텍스트만 {text_gzip / mb:.1f} MB, wasm까지 {with_wasm / mb:.1f} MB, "
            "목표 ≤ 5 MB",
        )
    )
    return rows


def main(arguments: list[str]) -> int:
    html = Path(arguments[0]) if arguments else ROOT / "_build" / "html"
    for row in browser_rows(html):
        print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
