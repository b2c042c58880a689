"""The built book in a real browser: Debian's headless Chromium driven by Selenium, served from localhost."""

import re
from pathlib import Path

import pytest
from conftest import needs_browser

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.stem for p in (ROOT / "book").glob("*.ipynb"))
PAGES = ["intro", "glossary", *LESSONS]
SCREENSHOTS = ROOT / "_build" / "screenshots"

pytestmark = needs_browser


def load(browser, url):
    browser.get(url)
    browser.execute_async_script(
        "const done = arguments[0];"
        "if (document.readyState === 'complete') done(); else window.addEventListener('load', () => done());"
    )


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors_and_every_image_loads(browser, site, name):
    load(browser, f"{site}/book/{name}.html")
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    # This machine has no internet: MathJax from its CDN cannot load here (it does for readers online).
    errors = [e for e in errors if not (e.startswith("https://") and "Failed to load resource" in e)]
    assert errors == [], errors
    broken = browser.execute_script(
        "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);"
    )
    assert broken == []
    assert re.search("[가-힣]", browser.find_element("tag name", "main").text)


def test_hangul_is_drawn_with_real_glyphs(browser, site):
    """Draw a Hangul syllable and an unassigned code point: with no Korean font both come out as the same box."""
    load(browser, f"{site}/book/intro.html")
    same = browser.execute_script(
        """
        const font = getComputedStyle(document.querySelector('main')).fontFamily;
        function pixels(text) {
          const canvas = document.createElement('canvas'); canvas.width = 64; canvas.height = 64;
          const context = canvas.getContext('2d');
          context.font = '48px ' + font; context.fillText(text, 4, 52);
          return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
        }
        return pixels('합') === pixels('\\u0378');
        """
    )
    assert same is False


@pytest.mark.parametrize("term, expected", [("합성곱", "02_conv_layer"), ("풀링", "03_pooling_layer")])
def test_search_finds_the_lessons(browser, site, term, expected):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{site}/search.html?q={term}")
    WebDriverWait(browser, 30).until(
        lambda d: (
            d.find_elements("css selector", "#search-results li")
            or "didn't match" in d.find_element("id", "search-results").text
        )
    )
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "#search-results li a")]
    assert any(expected in link for link in links), links


def test_colab_links_point_at_existing_notebooks(browser, site):
    for name in LESSONS:
        load(browser, f"{site}/book/{name}.html")
        links = [a.get_attribute("href") for a in browser.find_elements("css selector", "a[href*='colab.research']")]
        assert links, f"{name}: no Colab button"
        for link in links:
            path = link.split("/blob/", 1)[1].split("/", 1)[1]  # after the release tag
            assert (ROOT / path).is_file(), link


@pytest.mark.parametrize("name", ["05_build_model", "06_compile_and_train"])
def test_screenshot(browser, site, name):
    load(browser, f"{site}/book/{name}.html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    assert browser.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
