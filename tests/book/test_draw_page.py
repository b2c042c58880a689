"""The "직접 그려 보기" page in a real browser (headless Chromium, every host but loopback blocked): the book's models
run in the page through onnxruntime-web and give Keras' answers; drawing, a finger on a phone, photos and bad input.
"""

import time
from pathlib import Path

import numpy as np
import pytest
from conftest import PHONE, load, needs_browser, wait, window
from PIL import Image, ImageDraw
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select

from helpers import book_models
from helpers.own_image import prepare_own_image, sample_images

pytestmark = needs_browser
SAMPLES = (0, 5, 9, 14, 19)  # positions in the page's list: classes 0, 2, 4, 7, 9
PAGE_STATE = "return window.drawPage && {ready: drawPage.ready, n: drawPage.predictions, idle: drawPage.idle()}"


def url(site):
    return f"{site}/book/draw.html"


def open_page(browser, site):
    load(browser, url(site))
    wait(browser, 30).until(lambda d: (d.execute_script(PAGE_STATE) or {}).get("ready"))


def settled(browser, before: int, timeout=20):
    """Wait until the page made a prediction after `before` and has nothing left to run."""
    wait(browser, timeout, poll=0.02).until(
        lambda d: (state := d.execute_script(PAGE_STATE))["n"] > before and state["idle"]
    )


def predictions(browser) -> int:
    return browser.execute_script(PAGE_STATE)["n"]


def shown(browser) -> dict:
    return browser.execute_script(
        "const r = document.getElementById('draw-result');"
        "return {top: Number(r.dataset.classIndex), p: Number(r.dataset.probability), text: r.textContent,"
        " bars: [...document.querySelectorAll('#draw-bars li')].map(li => Number(li.dataset.probability)),"
        " status: document.getElementById('draw-status').textContent,"
        " problem: document.getElementById('draw-problem').textContent, model: drawPage.lastModel};"
    )


def choose_model(browser, name):
    before = predictions(browser)
    radio = browser.find_element("css selector", f"input[name='draw-model'][value='{name}']")
    if not radio.is_selected():
        radio.click()
        settled(browser, before)


def inked_maps(browser) -> dict:
    """How many feature-map canvases of each layer have anything drawn on them."""
    return browser.execute_script(
        "const inked = id => [...document.getElementById(id).children].filter(c => {"
        "  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        "  for (let i = 0; i < d.length; i += 4) if (d[i + 3] && d[i] < 250) return true; return false; }).length;"
        "return {first: inked('draw-maps1'), second: inked('draw-maps2'),"
        " counts: [document.getElementById('draw-maps1').children.length,"
        "          document.getElementById('draw-maps2').children.length]};"
    )


@pytest.fixture(scope="module")
def page(offline, site):
    open_page(offline, site)
    return offline


@pytest.fixture(scope="module")
def keras_models():
    return {name: book_models.book_model(name).model for name in ("cnn", "strong")}


def test_page_starts_with_a_prediction_and_both_layers_feature_maps(page):
    state = shown(page)
    assert 0 <= state["top"] <= 9 and len(state["bars"]) == 10
    assert sum(state["bars"]) == pytest.approx(1.0, abs=1e-5)
    assert inked_maps(page)["counts"] == [32, 64]
    assert page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)"
                               ".filter(u => !u.startsWith(location.origin))") == []  # fmt: skip


@pytest.mark.parametrize("name", ["cnn", "strong"])
def test_picked_test_images_show_keras_top_class_and_probability(page, keras_models, splits, name):
    choose_model(page, name)
    select = Select(page.find_element("id", "draw-sample"))
    for position in SAMPLES:
        select.select_by_index(0)  # "— 고르세요 —": picking the image shown already would change nothing
        before = predictions(page)
        select.select_by_index(position + 1)
        settled(page, before)
        index = page.execute_script("return drawPage.samples[arguments[0]].index", position)
        expected = keras_models[name].predict(splits.x_test[index : index + 1], verbose=0)[0]
        state = shown(page)
        assert state["model"] == name
        assert state["top"] == int(expected.argmax()), f"test image {index}"
        assert abs(state["p"] - float(expected.max())) <= 1e-4
        np.testing.assert_allclose(state["bars"], expected, atol=1e-4)
        assert f"{float(state['text'].split('확률 ')[1].rstrip(')')):.4f}" == f"{expected.max():.4f}"
        assert "모델의 예측" in state["status"]  # read out by screen readers (aria-live)


def draw_strokes(browser):
    canvas = browser.find_element("id", "draw-canvas")
    chain = ActionChains(browser, duration=10)
    chain.move_to_element_with_offset(canvas, -60, -90).click_and_hold()
    for dx, dy in [(0, 30)] * 6:
        chain.move_by_offset(dx, dy)
    chain.release().move_to_element_with_offset(canvas, 60, -90).click_and_hold()
    for dx, dy in [(0, 30)] * 6:
        chain.move_by_offset(dx, dy)
    chain.release().move_to_element_with_offset(canvas, -60, -90).click_and_hold().move_by_offset(120, 0).release()
    chain.perform()


def test_strokes_drawn_with_a_pointer_give_a_prediction_and_feature_maps(page):
    page.find_element("id", "draw-clear").click()
    assert "비어 있습니다" in shown(page)["status"]
    assert inked_maps(page)["first"] == 0
    before = predictions(page)
    draw_strokes(page)
    settled(page, before)
    assert predictions(page) - before >= 2, "the prediction follows the pen while drawing, not only at the end"
    state = shown(page)
    assert 0 <= state["top"] <= 9 and sum(state["bars"]) == pytest.approx(1.0, abs=1e-5)
    maps = inked_maps(page)
    assert maps["first"] > 16 and maps["second"] > 16
    assert page.execute_script("return drawPage.source") == "canvas"


def test_phone_width_with_a_finger_draws_and_never_scrolls_sideways(offline, site):
    browser = offline
    with window(browser, PHONE):
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
        try:
            open_page(browser, site)
            clear = browser.find_element("id", "draw-clear")
            browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", clear)
            clear.click()
            box = browser.execute_script(
                "const c = document.getElementById('draw-canvas');"
                "c.scrollIntoView({block: 'center', behavior: 'instant'});"
                "const r = c.getBoundingClientRect(); return [r.left, r.top, r.width, r.height];"
            )
            left, top, width, height = box
            assert left >= 0 and left + width <= 400
            before = predictions(browser)
            path = [(left + width * 0.3, top + height * (0.2 + 0.1 * k)) for k in range(7)]
            path += [(left + width * (0.3 + 0.06 * k), top + height * 0.8) for k in range(7)]
            for kind, (x, y) in zip(["touchStart"] + ["touchMove"] * (len(path) - 1), path, strict=True):
                browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}]})
            browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
            settled(browser, before)
            assert browser.execute_script("return drawPage.source") == "canvas"
            inked = browser.execute_script(
                "const c = document.getElementById('draw-canvas');"
                "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                "let n = 0; for (let i = 0; i < d.length; i += 4) n += d[i] < 128; return n;"
            )
            assert inked > 500, "the finger drew on the canvas"
            assert browser.execute_script("return scrollX") == 0
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
        finally:
            browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def open_file(browser, path: Path):
    before = predictions(browser)
    browser.execute_script("document.getElementById('draw-problem').textContent = ''")
    browser.find_element("id", "draw-file").send_keys(str(path))
    return before


def test_page_prepares_photos_exactly_as_python_does(page, tmp_path):
    drawn = Image.new("RGB", (333, 210), (250, 248, 240))
    ImageDraw.Draw(drawn).polygon([(40, 30), (290, 60), (250, 190), (80, 170)], fill=(30, 60, 120))
    drawn.save(tmp_path / "generated.png")
    big = Image.new("RGB", (1500, 900), "white")  # over the working size: the shrinking step runs
    ImageDraw.Draw(big).ellipse((300, 100, 1100, 800), fill=(90, 20, 20))
    big.save(tmp_path / "big.png")
    for path in [*sample_images(), tmp_path / "generated.png", tmp_path / "big.png"]:
        before = open_file(page, path)
        settled(page, before)
        got = np.array(page.execute_script("return Array.from(drawPage.lastInput)"), np.float32).reshape(28, 28)
        expected = prepare_own_image(path)[0, :, :, 0]
        np.testing.assert_allclose(got, expected, atol=1e-5, err_msg=path.name)
        assert page.execute_script("return drawPage.source") == "photo"


def problem_after(browser, path: Path) -> str:
    open_file(browser, path)
    wait(browser, 20).until(lambda d: d.find_element("id", "draw-problem").text.strip())
    return browser.find_element("id", "draw-problem").text


def test_bad_files_get_a_korean_sentence_and_the_page_keeps_working(page, tmp_path):
    (tmp_path / "notes.txt").write_text("이미지가 아닙니다", encoding="utf-8")
    assert "이미지 파일이 아닙니다" in problem_after(page, tmp_path / "notes.txt")
    Image.new("L", (10_000, 5_000), 255).save(tmp_path / "huge.png")
    start = time.perf_counter()
    assert "너무 큽니다" in problem_after(page, tmp_path / "huge.png")
    assert time.perf_counter() - start < 10
    Image.new("RGB", (200, 200), "white").save(tmp_path / "blank.png")
    assert "물체가 보이지 않습니다" in problem_after(page, tmp_path / "blank.png")
    before = predictions(page)
    Select(page.find_element("id", "draw-sample")).select_by_index(1)
    settled(page, before)  # not frozen
    assert shown(page)["problem"] == ""


def test_every_control_is_labelled_in_korean_and_reachable_by_keyboard(page):
    controls = page.execute_script(
        "return [...document.querySelectorAll('#draw-app input, #draw-app select, #draw-app button')].map(c => ({"
        " id: c.id || c.value, label: (c.labels && c.labels[0] ? c.labels[0].textContent : '') +"
        "  (c.getAttribute('aria-label') || '') + (c.tagName === 'BUTTON' ? c.textContent : ''),"
        " tabbable: c.tabIndex >= 0 && !c.disabled}));"
    )
    assert len(controls) >= 5
    for control in controls:
        assert any("가" <= ch <= "힣" for ch in control["label"]), control
        assert control["tabbable"], control
    assert page.find_element("id", "draw-status").get_attribute("aria-live") == "polite"


def test_without_webassembly_the_page_says_so_in_korean(offline, site):
    """Last in this module: it leaves the page without its runtime."""
    script = offline.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "delete window.WebAssembly;"})[
        "identifier"
    ]
    try:
        load(offline, url(site))
        wait(offline, 10).until(lambda d: d.find_element("id", "draw-problem").text)
        assert "WebAssembly" in offline.find_element("id", "draw-problem").text
        assert offline.find_element("id", "draw-clear").get_attribute("disabled")
    finally:
        offline.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
