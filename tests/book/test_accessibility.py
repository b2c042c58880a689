"""The book as a reader with a screen reader, a keyboard or low vision meets it (issue 22).

- Every figure a lesson draws carries Korean alt text in its cell metadata (`mystnb.image.alt`, kept in lessons_py/),
  and the built page's `<img alt>` says it; never a file name or a hash.
- axe-core (npm, vendored and hash-checked by _ext/vendor.py, run in the session's Chromium with the network blocked)
  finds no serious or critical violation on any page of the TOC at 1400 px and at 400 px. Every violation is written to
  _build/accessibility/axe.txt, per page, width and rule.
- The menu, search and a collapsed solution work with Tab, Enter and Space alone.
- Every page is `lang="ko"`; English lines of outputs (the bilingual error messages) are marked `lang="en"`.
"""

import itertools
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DESKTOP, PHONE, load, needs_browser, wait, window
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "_ext"))
import vendor  # noqa: E402
from accessibility import is_english  # noqa: E402

REPORT = ROOT / "_build" / "accessibility" / "axe.txt"
HANGUL = re.compile("[가-힣]")
# What a figure's alt text must not be: a path, a file name, a hash (myst-nb's default alt is the image's path)
NOT_A_DESCRIPTION = re.compile(r"_images/|\.(png|jpe?g|svg|gif)\b|\b[0-9a-f]{12,}\b", re.IGNORECASE)
MIN_ALT_CHARS = 15  # "그림" or a title alone says nothing of what to notice
SERIOUS = ("serious", "critical")
# Moderate or minor axe findings that are not the book's to fix, with the reason (none today)
NOT_OURS: dict[str, str] = {}


def toc_pages(entries):
    """The files of TOC entries (`book/01_what_is_cnn`), their sections included, in order."""
    for entry in entries:
        if "file" in entry:
            yield str(Path(entry["file"]).with_suffix(""))
        yield from toc_pages(entry.get("sections", []))


TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [chapter for part in TOC.get("parts", []) for chapter in part.get("chapters", [])] + TOC.get("chapters", [])
PAGES = list(dict.fromkeys([str(Path(TOC["root"]).with_suffix("")), *toc_pages(CHAPTERS)]))
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


def figure_cells(notebook: Path):
    """(cell number, cell) for every code cell of `notebook` whose stored outputs include an image."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells):
        if cell["cell_type"] == "code" and any(
            mime.startswith("image/") for output in cell.get("outputs", []) for mime in output.get("data", {})
        ):
            yield number, cell


def alt_problem(alt) -> str | None:
    if not alt or not alt.strip():
        return "no alt text"
    if NOT_A_DESCRIPTION.search(alt):
        return f"a file name or hash, not a description: {alt[:60]!r}"
    if not HANGUL.search(alt) or len(alt) < MIN_ALT_CHARS:
        return f"not a Korean description of what the figure shows: {alt!r}"
    return None


def test_the_book_has_figures_to_describe():
    """Guards the tests below against passing on notebooks that lost their outputs."""
    assert sum(1 for notebook in NOTEBOOKS for _ in figure_cells(notebook)) >= 25


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_figure_cell_has_korean_alt_text(notebook):
    """In the cell's metadata (lessons_py/ holds it in the `# %%` line: `mystnb={"image": {"alt": "…"}}`)."""
    problems = {}
    for number, cell in figure_cells(notebook):
        alt = cell["metadata"].get("mystnb", {}).get("image", {}).get("alt")
        if problem := alt_problem(alt):
            problems[f"cell {number}: {''.join(cell['source'])[:50]!r}"] = problem
    assert problems == {}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_alt_text_travels_with_the_image_output(notebook):
    """nbconvert's HTML (and nbviewer) reads `alt` from the output's metadata; scripts/execute.py copies it there."""
    stale = []
    for number, cell in figure_cells(notebook):
        alt = cell["metadata"].get("mystnb", {}).get("image", {}).get("alt")
        for output in cell["outputs"]:
            for mime in output.get("data", {}):
                if mime in ("image/png", "image/jpeg") and output.get("metadata", {}).get(mime, {}).get("alt") != alt:
                    stale.append(number)
    assert stale == [], f"{notebook.name}: cells {stale} changed their alt text since they ran (make execute)"


@pytest.fixture(scope="module")
def pages_html(html):
    from bs4 import BeautifulSoup

    def parsed(name):
        return BeautifulSoup((html / f"{name}.html").read_text(encoding="utf-8"), "html.parser")

    return {name: parsed(name) for name in PAGES}


@pytest.mark.parametrize("name", PAGES)
def test_every_image_on_the_page_says_what_it_shows(pages_html, name):
    images = pages_html[name].select("article img")
    problems = {image.get("src", "")[-40:]: alt_problem(image.get("alt")) for image in images}
    assert {src: problem for src, problem in problems.items() if problem} == {}


@pytest.mark.parametrize("name", PAGES)
def test_pages_are_korean_and_english_output_lines_are_marked(pages_html, name):
    page = pages_html[name]
    assert page.html.get("lang") == "ko"
    english = page.select('article [lang="en"]')
    assert [span.get_text()[:60] for span in english if HANGUL.search(span.get_text())] == []
    marked = {span.get_text() for span in english}
    unmarked = [
        line
        for pre in page.select("article .output.traceback pre, article .output.stream pre")
        for line in pre.get_text().split("\n")
        if is_english(line) and line not in marked
    ]
    assert unmarked == []


def test_bilingual_error_messages_have_their_english_half_marked(pages_html):
    """Lesson 9 shows the helpers' own errors: Korean first, English after; the English line is `lang="en"`."""
    page = pages_html["book/09_common_mistakes"]
    pairs = 0
    for pre in page.select("article .output.traceback pre, article .output.stream pre"):  # show_error prints them
        lines = pre.get_text().split("\n")
        marked = {span.get_text() for span in pre.select('[lang="en"]')}
        for korean, english in itertools.pairwise(lines):
            if HANGUL.search(korean) and is_english(english):
                assert english in marked
                pairs += 1
    assert pairs >= 3


# axe-core in the browser


@pytest.fixture(scope="module")
def axe_script():
    try:
        return (vendor.unpacked("axe-core") / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    except vendor.VendorError as error:
        pytest.fail(str(error))


def test_only_axe_min_js_is_kept_from_the_checked_tarball(axe_script):
    folder = vendor.unpacked("axe-core") / "axe-core"
    assert sorted(path.name for path in folder.rglob("*") if path.is_file()) == ["axe.min.js"]
    assert "axe.version" in axe_script or "4.14.1" in axe_script


AXE_RUN = """
const done = arguments[0];
axe.run(document, {resultTypes: ['violations']}).then(
  result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' — '
      + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300))}))),
  error => done(String(error)));
"""


@pytest.fixture(scope="module")
def axe_results(offline, site, axe_script):
    """{(page, width): [violation, …]} for every page of the TOC at 1400 px and at 400 px; also written to REPORT."""
    results = {}
    for size in (DESKTOP, PHONE):
        with window(offline, size):
            for name in PAGES:
                load(offline, f"{site}/{name}.html")
                offline.execute_script(axe_script)
                offline.set_script_timeout(60)
                violations = offline.execute_async_script(AXE_RUN)
                assert isinstance(violations, list), f"axe failed on {name}: {violations}"
                results[name, size[0]] = violations
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"axe-core {vendor.PACKAGES['axe-core'].version}: {len(PAGES)} pages at {DESKTOP[0]} and {PHONE[0]} px"]
    for (name, width), violations in results.items():
        for v in violations:
            lines.append(f"{name} {width}px {v['impact']} {v['id']} ({len(v['nodes'])}): {v['help']}")
            lines += [f"    {node}" for node in v["nodes"][:5]]
    totals = {}
    for violations in results.values():
        for v in violations:
            totals[v["impact"], v["id"]] = totals.get((v["impact"], v["id"]), 0) + len(v["nodes"])
    lines += [f"total {impact} {rule}: {count}" for (impact, rule), count in sorted(totals.items())] or [
        "no violations"
    ]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return results


@needs_browser
@pytest.mark.parametrize("width", [DESKTOP[0], PHONE[0]])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation(axe_results, name, width):
    serious = {v["id"]: v["nodes"][:3] for v in axe_results[name, width] if v["impact"] in SERIOUS}
    assert serious == {}, f"see {REPORT}"


@needs_browser
def test_axe_finds_no_moderate_or_minor_violation_that_is_ours_to_fix(axe_results):
    found = {
        f"{name} {width}px {v['id']}": v["nodes"][:2]
        for (name, width), violations in axe_results.items()
        for v in violations
        if v["impact"] not in SERIOUS and v["id"] not in NOT_OURS
    }
    assert found == {}, f"see {REPORT}"


@needs_browser
def test_axe_would_notice_a_violation(offline, site, axe_script):
    """Guards the tests above: the same run on a page with a low-contrast paragraph and an unnamed image fails."""
    load(offline, f"{site}/{PAGES[0]}.html")
    offline.execute_script(
        "const p = document.createElement('p'); p.textContent = '대비가 낮은 글'; p.style.color = '#00d7ff';"
        "p.style.background = '#f3f4f5'; document.querySelector('article').prepend(p);"
        "const img = document.createElement('img'); img.src = '../_static/x.png';"
        "document.querySelector('article').prepend(img);"
    )
    offline.execute_script(axe_script)
    rules = {v["id"] for v in offline.execute_async_script(AXE_RUN) if v["impact"] in SERIOUS}
    assert {"color-contrast", "image-alt"} <= rules


# Keyboard alone


def press(browser, key, times=1):
    for _ in range(times):
        browser.switch_to.active_element.send_keys(key)


def tab_until(browser, matches: str, limit=400) -> bool:
    """Press Tab until the focused element matches the CSS selector (or `limit` presses)."""
    for _ in range(limit):
        press(browser, Keys.TAB)
        if browser.execute_script("return document.activeElement.matches(arguments[0])", matches):
            return True
    return False


LESSON_WITH_SOLUTION = "01_what_is_cnn"


@needs_browser
def test_a_lesson_can_be_read_by_keyboard_alone(offline, site):
    """Tab reaches the chapter menu and the search button; Enter opens search; Space opens a collapsed solution."""
    browser = offline
    with window(browser, DESKTOP):
        load(browser, f"{site}/book/{LESSON_WITH_SOLUTION}.html")
        browser.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
        assert tab_until(browser, ".bd-sidebar-primary nav.bd-docs-nav a.reference"), "no chapter link by Tab"
        assert tab_until(browser, ".bd-sidebar-primary nav.bd-docs-nav a[href*='02_conv_layer']")
        press(browser, Keys.ENTER)
        wait(browser, 10).until(lambda d: "02_conv_layer" in d.current_url)

        load(browser, f"{site}/book/{LESSON_WITH_SOLUTION}.html")
        browser.execute_script("document.activeElement.blur()")
        assert tab_until(browser, "button.search-button-field"), "the search button is not reachable by Tab"
        press(browser, Keys.ENTER)
        wait(browser, 5).until(lambda d: d.execute_script("return document.activeElement.matches('input[name=q]')"))
        browser.switch_to.active_element.send_keys("풀링", Keys.ENTER)
        wait(browser, 30).until(
            lambda d: d.find_elements("css selector", "#search-results li a[href*='03_pooling_layer']")
        )

        load(browser, f"{site}/book/{LESSON_WITH_SOLUTION}.html")
        browser.execute_script("document.activeElement.blur()")
        solution = "article details summary"  # a collapsed answer (풀이) or code cell
        assert tab_until(browser, solution), "no collapsed code cell reachable by Tab"
        assert browser.execute_script("return document.activeElement.parentElement.open") is False
        press(browser, Keys.SPACE)
        assert browser.execute_script("return document.activeElement.parentElement.open") is True
        shown = browser.execute_script(  # what the opened answer holds is on screen now
            "const d = document.activeElement.parentElement; const s = d.querySelector('summary');"
            "return d.getBoundingClientRect().height - s.getBoundingClientRect().height"
        )
        assert shown > 0


@needs_browser
def test_the_phone_menu_opens_by_keyboard(offline, site):
    browser = offline
    with window(browser, PHONE):
        load(browser, f"{site}/book/{LESSON_WITH_SOLUTION}.html")
        browser.execute_script("document.activeElement.blur()")
        assert tab_until(browser, "button.primary-toggle", limit=30), "the menu button is not reachable by Tab"
        press(browser, Keys.ENTER)
        wait(browser, 5, poll=0.1).until(  # the opened menu takes the focus
            lambda d: d.execute_script("return !!document.activeElement.closest('.bd-sidebar-primary')")
        )
        assert tab_until(browser, ".bd-sidebar-primary nav.bd-docs-nav a[href*='02_conv_layer']", limit=60)
        link = browser.switch_to.active_element
        assert link.is_displayed() and link.rect["x"] >= 0
        press(browser, Keys.ENTER)
        wait(browser, 10).until(lambda d: "02_conv_layer" in d.current_url)
