import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

needs_browser = pytest.mark.skipif(
    not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)),
    reason="Debian's chromium and chromium-driver are not installed (make installs them)",
)


def pytest_collection_modifyitems(config, items):
    """Slow tests run only when selected by name (`-m slow`, as `make exercises` does)."""
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow (make exercises)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def splits():
    import helpers

    return helpers.load_splits()


@pytest.fixture(scope="session")
def quick_run(splits, tmp_path_factory):
    """One real quick-mode training shared by the tests that need a trained model."""
    import helpers

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSE_MODEL_DIR", str(tmp_path_factory.mktemp("models")))
        return helpers.train_or_load(mode="quick", data=splits, verbose=0)


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty run store for one test (`COURSE_MODEL_DIR`)."""
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path / "models"))
    return tmp_path / "models"


@pytest.fixture(scope="session")
def crash_at():
    """A Keras callback class that stands in for a crash or a closed laptop at the start of 0-based epoch `at`;
    `epochs` lists the epochs that began."""
    import keras

    class CrashAt(keras.callbacks.Callback):
        def __init__(self, at=None):
            super().__init__()
            self.at, self.epochs = at, []

        def on_epoch_begin(self, epoch, logs=None):
            if epoch == self.at:
                raise KeyboardInterrupt
            self.epochs.append(epoch)

    return CrashAt


def build_book(out: Path, builder: str = "html") -> Path:
    """The book built as `make book` builds it (warnings are errors) into `out`; returns the output folder."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "-W", "--keep-going", "--builder", builder, "--path-output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return out / "_build" / builder


@pytest.fixture(scope="session")
def html(tmp_path_factory):
    """One HTML build per test session, shared by every test that reads or browses the book."""
    return build_book(tmp_path_factory.mktemp("book"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(html):
    """The built book served on loopback, as a reader's browser gets it."""
    handler = functools.partial(QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """One headless Chromium for the whole session (Selenium, Debian's chromium and chromedriver)."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed (make installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


# Browsing helpers shared by test_browser.py, test_figures.py and test_pdf.py

sys.path.insert(0, str(ROOT / "scripts"))
from pdf import READY  # noqa: E402  (what printing waits for: images, MathJax's typesetting and fonts)

DESKTOP, PHONE = (1400, 1000), (400, 900)
# The first matching pattern decides: loopback passes, every other host is blocked (Chromium's CDP, URLPattern syntax)
LOOPBACK_ONLY = [
    {"urlPattern": "http://127.0.0.1:*/*", "block": False},
    {"urlPattern": "*://*:*/*", "block": True},
]


def load(browser, url):
    """Open `url` and wait until the reader sees the finished page: loaded, math typeset, fonts and images in."""
    browser.get(url)
    browser.execute_async_script(
        "const done = arguments[0];"
        "if (document.readyState === 'complete') done(); else window.addEventListener('load', () => done());"
    )
    assert browser.execute_async_script(READY) is True


def assert_every_shown_error_happened(name: str, cells) -> None:
    """No code cell printed `helpers.show_error()`'s notice that the error it shows on purpose did not happen."""
    from helpers.demo_errors import NO_ERROR

    for cell in cells:
        if cell.cell_type == "code":
            shown = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in cell.outputs)
            assert NO_ERROR not in shown, f"{name}: the error this cell shows did not happen:\n{cell.source}"


def wait(driver, seconds: float, poll: float = 0.05):
    """Selenium's `WebDriverWait`, looking every `poll` seconds: its default 0.5 s is most of a short wait's time."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=poll)


@contextlib.contextmanager
def window(browser, size):
    """The browser at `size` (width, height) for a while, then back at the desktop size every test expects."""
    browser.set_window_size(*size)
    try:
        yield browser
    finally:
        browser.set_window_size(*DESKTOP)


@pytest.fixture(scope="session")
def offline(browser):
    """The session's Chromium with every request to a host other than loopback blocked: a reader without internet."""
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urlPatterns": LOOPBACK_ONLY})
    yield browser
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urlPatterns": []})
