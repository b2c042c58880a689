"""The still of the "직접 그려 보기" page that the PDF shows in its place (book/images/draw_still.png).

    python scripts/draw_page_still.py [_build/html]

Serves a built book on loopback, opens the page in Debian's headless Chromium, picks a test image and photographs the
page's working area: the drawing canvas, the 28x28 input and the ten probabilities. Run it after `make book` when the
page or the models change, and commit the picture.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "book" / "images" / "draw_still.png"
SAMPLE = 18  # the page's list position of an ankle boot


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(arguments: list[str]) -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import Select, WebDriverWait

    site = Path(arguments[0]) if arguments else ROOT / "_build" / "html"
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1200", "--hide-scrollbars"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/book/draw.html")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return window.drawPage && drawPage.ready"))
        count = driver.execute_script("return drawPage.predictions")
        Select(driver.find_element("id", "draw-sample")).select_by_index(SAMPLE + 1)
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script("return drawPage.predictions > arguments[0] && drawPage.idle()", count)
        )
        area = driver.find_element("css selector", "#draw-app .draw-row")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", area)
        TARGET.write_bytes(area.screenshot_as_png)
    finally:
        driver.quit()
        server.shutdown()
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
