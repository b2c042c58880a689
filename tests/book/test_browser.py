"""The built book in a real browser: Debian's headless Chromium driven by Selenium, served from localhost.

Every page of the table of contents is visited once at 1400 px and once at 400 px (a phone), with every request to a
host other than loopback blocked, as for a reader without internet; the tests below check what those visits saw.
"""

import dataclasses
import functools
import http.server
import re
import sys
import threading
from pathlib import Path

import pytest
import yaml
from conftest import DESKTOP, PHONE, QuietHandler, load, needs_browser, wait, window

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "_ext"))
from book_pages import anchor, slugify  # noqa: E402

TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
PAGES = [Path(f).name for f in [TOC["root"], *(c["file"] for part in TOC["parts"] for c in part["chapters"])]]
LESSONS = sorted(p.stem for p in (ROOT / "book").glob("*.ipynb"))
SCREENSHOTS = ROOT / "_build" / "screenshots"
SHOT_PAGES = ("05_build_model", "06_compile_and_train", "09_common_mistakes")
# Latin words the page chrome may show besides the book's titles: product, file type, shortcut, author and licence
CHROME_LATIN = {"Colab", "Binder", "Ctrl", "CNN", "MIT", "CC", "BY", "SA", "PDF", "pdf", "ipynb", "md"}

pytestmark = needs_browser

# Whether a link is really there for a finger or a mouse: on screen after scrolling to it, and not covered.
USABLE_JS = """
window.usable = link => {
  if (!link) return 'missing';
  link.scrollIntoView({block: 'center', behavior: 'instant'});
  const r = link.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return 'hidden';
  if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return 'off screen';
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit && link.contains(hit) ? 'ok' : 'covered by ' + (hit ? hit.tagName + '.' + hit.className : 'nothing');
};
window.linkTo = (container, url) => [...container.querySelectorAll('a')].find(a => a.href.split('#')[0] === url);
"""
CHAPTER_LINKS_JS = (
    USABLE_JS
    + """
const sidebar = document.querySelector('.bd-sidebar-primary');
return Object.fromEntries(arguments[0].map(url => [url, usable(linkTo(sidebar, url))]));
"""
)
PAGE_TOC_LINKS_JS = (
    USABLE_JS
    + """
const links = [...document.querySelectorAll('.bd-sidebar-secondary nav li.toc-h2 > a.nav-link')];  // deeper: folded
return Object.fromEntries(links.map(a => [a.getAttribute('href'), usable(a)]));
"""
)
# Everything the desktop tests check, measured in one pass over the page.
DESKTOP_JS = (
    USABLE_JS
    + """
const article = document.querySelector('article.bd-article');
const textOf = heading => [...heading.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
  .map(n => n.textContent).join('').trim();
const prose = article.cloneNode(true);  // the text outside code, outputs and typeset math
prose.querySelectorAll('pre, code, .cell_output, .output, mjx-container, script, style').forEach(e => e.remove());
const proseText = prose.textContent;
const around = pattern => [...proseText.matchAll(pattern)]
  .map(m => proseText.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\\s+/g, ' '));
const local = url => !url || url.startsWith(location.origin) || /^(data|blob|about):/.test(url);
const chrome = [];  // what the theme shows around the article (texts, tooltips), less the book's headings in it
const own = element => article.contains(element) || element.closest('.bd-toc-nav, .bd-docs-nav, #jb-print-docs-body');
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!own(parent) && !parent.closest('script, style, noscript') && node.textContent.trim())
    chrome.push(node.textContent.trim());
}
document.querySelectorAll('[title], [placeholder], [alt], [data-bs-original-title]').forEach(element => {
  if (own(element)) return;
  for (const name of ['title', 'placeholder', 'alt', 'data-bs-original-title'])
    if (element.getAttribute(name)) chrome.push(element.getAttribute(name));
});
const side = (selector) => {
  const link = document.querySelector(selector);
  return link && {title: link.querySelector('.prev-next-title').textContent.trim(), href: link.href};
};
const sidebar = document.querySelector('.bd-sidebar-primary');
return {
  title: textOf(article.querySelector('h1')),
  hangul: /[가-힣]/.test(article.innerText),
  broken_images: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src),
  remote: [...performance.getEntriesByType('resource').map(e => e.name),
           ...[...document.querySelectorAll('script[src], link[href]:not([rel=canonical]), img[src]')]
             .map(e => e.src || e.href)]
    .filter(url => !local(url)),
  math: article.querySelectorAll('.math').length,
  untypeset: [...article.querySelectorAll('.math')].filter(m => !m.querySelector('mjx-container'))
    .map(m => m.textContent.slice(0, 60)),
  raw_math: around(/\\\\\\(|\\\\\\[|\\$\\$/g),
  markdown: around(/\\*\\*|:::|\\{glue|`/g),
  chapters: Object.fromEntries(arguments[0].map(url => [url, usable(linkTo(sidebar, url))])),
  prev_next_areas: document.querySelectorAll('.prev-next-area').length,
  prev: side('.prev-next-area a.left-prev'),
  next: side('.prev-next-area a.right-next'),
  handwritten_prev_next: [...article.querySelectorAll('p')].map(p => p.textContent.trim())
    .filter(t => /^(이전|다음)\\s*:|·\\s*다음\\s*:/.test(t)),
  sections: [...article.querySelectorAll('section[id]')].map(section => ({
    id: section.id,
    title: textOf(section.querySelector([1, 2, 3, 4, 5, 6].map(level => ':scope > h' + level).join(', '))),
    extra_ids: [...section.querySelectorAll(':scope > span[id]')].map(span => span.id),
  })),
  page_toc: [...document.querySelectorAll('.bd-sidebar-secondary nav a.nav-link')].map(a => a.getAttribute('href')),
  colab: [...document.querySelectorAll("a[href*='colab.research']")].map(a => a.href),
  outputs: [...article.querySelectorAll('.cell_output .output')].filter(o => o.querySelector('pre')).map(o => {
    const pre = o.querySelector('pre');
    const lines = pre.textContent.trimEnd().split('\\n');
    return {kind: o.classList.contains('traceback') ? 'error' : o.classList.contains('stream') ? 'stream' : 'other',
            fits: pre.scrollWidth <= pre.clientWidth, width: pre.scrollWidth - pre.clientWidth,
            last: lines[lines.length - 1]};
  }),
  chrome,
};
"""
)
PHONE_LAYOUT_JS = """
const page = document.documentElement;
const article = document.querySelector('article.bd-article');
const paragraph = article.querySelector('p');
const wide = [...article.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > page.clientWidth + 1)
  .filter(e => !e.closest('pre, .highlight, mjx-container, .pst-scrollable-table-container, .table-wrapper'))
  .slice(0, 3).map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 50));
return {overflow: page.scrollWidth - page.clientWidth, word_break: paragraph && getComputedStyle(paragraph).wordBreak,
        wide};
"""
# The drawer is open once it sits inside the window and has stopped sliding.
DRAWER_OPEN_JS = """
const r = document.querySelector(arguments[0]).getBoundingClientRect();
const inside = r.width > 0 && r.left >= -1 && r.right <= document.documentElement.clientWidth + 1;
const key = arguments[0] + r.left;
const still = window.lastDrawer === key;
window.lastDrawer = key;
return inside && still;
"""


def url_of(site, name):
    return f"{site}/book/{name}.html"


def screenshot(browser, name, suffix):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}-{suffix}.png"))


def screenshot_detail(browser, name, width):
    """Scrolled to what the page is about: the first figure, otherwise the first output (lesson 9: an error shown)."""
    found = browser.execute_script(
        "const e = document.querySelector('.cell_output img') || document.querySelector('.cell_output');"
        "if (e) { e.scrollIntoView({block: 'start', behavior: 'instant'}); window.scrollBy(0, -80); } return !!e;"
    )
    if found:
        screenshot(browser, name, f"{width}-detail")


def open_drawer(browser, toggle, drawer):
    buttons = [b for b in browser.find_elements("css selector", toggle) if b.is_displayed()]
    if not buttons:
        return False
    buttons[0].click()
    wait(browser, 5, poll=0.1).until(lambda d: d.execute_script(DRAWER_OPEN_JS, drawer))
    return True


@pytest.fixture(scope="module")
def desktop(offline, site):
    """Each page at 1400 px: what DESKTOP_JS measured, the console's errors; screenshots of SHOT_PAGES."""
    browser, seen = offline, {}
    chapter_urls = [url_of(site, name) for name in PAGES]
    with window(browser, DESKTOP):
        browser.get_log("browser")
        for name in PAGES:
            load(browser, url_of(site, name))
            data = browser.execute_script(DESKTOP_JS, chapter_urls)
            data["errors"] = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
            if name in SHOT_PAGES:
                browser.execute_script("window.scrollTo(0, 0)")
                screenshot(browser, name, DESKTOP[0])
                screenshot_detail(browser, name, DESKTOP[0])
            seen[name] = data
    return seen


@pytest.fixture(scope="module")
def phone(offline, site):
    """Each page at 400 px: its layout, the page TOC drawer, the chapter drawer, and a tap on the next chapter."""
    browser, seen = offline, {}
    chapter_urls = [url_of(site, name) for name in PAGES]
    with window(browser, PHONE):
        for index, name in enumerate(PAGES):
            url = url_of(site, name)
            load(browser, url)
            data = browser.execute_script(PHONE_LAYOUT_JS)
            data["inner_width"] = browser.execute_script("return innerWidth")
            if name in SHOT_PAGES:
                screenshot(browser, name, PHONE[0])
                screenshot_detail(browser, name, PHONE[0])
                browser.execute_script("window.scrollTo(0, 0)")
            has_toc = open_drawer(browser, ".secondary-toggle", ".bd-sidebar-secondary")
            data["page_toc"] = browser.execute_script(PAGE_TOC_LINKS_JS) if has_toc else None
            load(browser, url)
            data["menu_opened"] = open_drawer(browser, ".primary-toggle", ".bd-sidebar-primary")
            data["chapters"] = browser.execute_script(CHAPTER_LINKS_JS, chapter_urls)
            if name in SHOT_PAGES:
                screenshot(browser, name, f"{PHONE[0]}-menu")
            following = chapter_urls[(index + 1) % len(chapter_urls)]
            link = browser.execute_script(
                USABLE_JS + "return linkTo(document.querySelector('.bd-sidebar-primary'), arguments[0]);", following
            )
            link.click()
            wait(browser, 10).until(lambda d, url=following: d.current_url.split("#")[0] == url)
            data["tap_went_to"] = browser.current_url
            seen[name] = data
    return seen


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors_and_every_image_loads(desktop, name):
    """With no network at all (loopback only): nothing fails to load, not even MathJax."""
    page = desktop[name]
    assert page["errors"] == []
    assert page["broken_images"] == []
    assert page["hangul"]


@pytest.mark.parametrize("name", PAGES)
def test_math_is_typeset_offline_and_nothing_loads_from_another_host(desktop, name):
    page = desktop[name]
    assert page["remote"] == [], "loaded from the network"
    assert page["untypeset"] == [], "MathJax left these unrendered"
    assert page["raw_math"] == [], "raw TeX delimiters in the text"


def test_the_book_has_math_to_typeset(desktop):
    """Guards the test above against passing on pages that simply have no math."""
    assert sum(desktop[name]["math"] for name in LESSONS) >= 100


@pytest.mark.parametrize("name", PAGES)
def test_no_unparsed_markdown_in_prose(desktop, name):
    """`**`, `:::`, `{glue`, backticks left in the text (outside code and outputs) are Markdown the parser did not
    understand, such as a closing `**` after `)` followed by a particle (CONTRIBUTING.md: 굵은 글씨)."""
    assert desktop[name]["markdown"] == []


@pytest.mark.parametrize("name", PAGES)
def test_navigation_is_visible_on_a_desktop(desktop, name):
    chapters = desktop[name]["chapters"]
    assert {url: state for url, state in chapters.items() if state != "ok"} == {}


@pytest.mark.parametrize("name", PAGES)
def test_menu_button_opens_every_chapter_link_on_a_phone(phone, site, name):
    page = phone[name]
    assert page["inner_width"] == PHONE[0]
    assert page["menu_opened"], "no visible menu button"
    assert {url: state for url, state in page["chapters"].items() if state != "ok"} == {}
    following = url_of(site, PAGES[(PAGES.index(name) + 1) % len(PAGES)])
    assert page["tap_went_to"].split("#")[0] == following


@pytest.mark.parametrize("name", PAGES)
def test_on_this_page_button_opens_the_page_toc_on_a_phone(phone, desktop, name):
    sections = [s for s in desktop[name]["sections"] if s["title"] != desktop[name]["title"]]
    toc = phone[name]["page_toc"]
    if not sections:
        pytest.skip("a page without sections has no page TOC")
    assert toc, "no visible 'on this page' button, or its drawer is empty"
    assert {href: state for href, state in toc.items() if state != "ok"} == {}


@pytest.mark.parametrize("name", PAGES)
def test_no_sideways_scroll_and_no_broken_korean_words_on_a_phone(phone, name):
    page = phone[name]
    assert page["overflow"] <= 0, page["wide"]
    assert page["word_break"] == "keep-all"


def test_every_error_line_of_lesson_9_is_readable_in_full(desktop):
    """Lesson 9 teaches reading an error's last line: no error or stream output may cut a line at its box's edge.
    Its 17 errors shown on purpose are printed by helpers.show_error() (streams), so "Run all" goes on in Colab."""
    outputs = [o for o in desktop["09_common_mistakes"]["outputs"] if o["kind"] in ("error", "stream")]
    assert len(outputs) >= 17
    assert [(o["last"], o["width"]) for o in outputs if not o["fits"]] == []


@pytest.mark.parametrize("name", PAGES)
def test_previous_and_next_appear_once_and_name_the_right_pages(desktop, site, name):
    page, index = desktop[name], PAGES.index(name)
    assert page["prev_next_areas"] == 1
    assert page["handwritten_prev_next"] == [], "a hand-written 이전/다음 line besides the theme's buttons"
    for side, neighbour in (("prev", index - 1), ("next", index + 1)):
        if 0 <= neighbour < len(PAGES):
            expected = PAGES[neighbour]
            assert page[side] == {"title": desktop[expected]["title"], "href": url_of(site, expected)}, side
        else:
            assert page[side] is None, side


@pytest.mark.parametrize("name", PAGES)
def test_headings_have_readable_anchors_and_keep_their_old_ones(desktop, name):
    """`#합성곱-층` (the title's slug) instead of `#id1`; `#2-합성곱-층` (GitHub's slug) and `#id1` still work."""
    for section in desktop[name]["sections"]:
        assert re.fullmatch(re.escape(anchor(section["title"])) + r"(-\d+)?", section["id"]), section
        github = re.escape(slugify(section["title"])) + r"(-\d+)?"  # a repeated title gets -1, -2 (as on GitHub)
        assert [i for i in [section["id"], *section["extra_ids"]] if re.fullmatch(github, i)], section
        if re.search("[가-힣]", section["title"]) and not re.search("[A-Za-z]", section["title"]):
            assert [i for i in section["extra_ids"] if re.fullmatch(r"id\d+", i)], f"{section}: the docutils id is gone"
    assert not [href for href in desktop[name]["page_toc"] if re.fullmatch(r"#id\d+", href)]


@pytest.mark.parametrize("name", PAGES)
def test_theme_labels_and_footer_are_korean(desktop, name):
    chrome = desktop[name]["chrome"]
    titles = " ".join([desktop[n]["title"] for n in PAGES] + [part["caption"] for part in TOC["parts"]])
    allowed = CHROME_LATIN | set(re.findall("[A-Za-z]+", titles))
    english = {word for text in chrome for word in re.findall("[A-Za-z]{2,}", text)} - allowed
    assert english == set(), sorted(english)
    footer = " ".join(chrome)
    assert "© 2026 CNN 강의 팀" in footer and "MIT" in footer and "CC BY-SA 4.0" in footer
    assert "으로 CNN" not in footer


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
    browser.get(f"{site}/search.html?q={term}")
    wait(browser, 30).until(
        lambda d: (
            d.find_elements("css selector", "#search-results li")
            or "didn't match" in d.find_element("id", "search-results").text
        )
    )
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "#search-results li a")]
    assert any(expected in link for link in links), links


def test_colab_links_point_at_existing_notebooks(desktop):
    for name in LESSONS:
        links = desktop[name]["colab"]
        assert links, f"{name}: no Colab button"
        for link in links:
            path = re.search("/blob/[^/]+/(.+)", link)[1]
            assert (ROOT / path).is_file(), link


@pytest.mark.parametrize("name", SHOT_PAGES)
@pytest.mark.parametrize("suffix", [f"{width}{part}" for width in (DESKTOP[0], PHONE[0]) for part in ("", "-detail")])
def test_screenshot(desktop, phone, name, suffix):
    """Written by the visits above, to be looked at: _build/screenshots/<page>-<width>[-detail].png (the top of the
    page; its first figure or error), and <page>-400-menu.png (the chapter menu open on a phone)."""
    for target in (SCREENSHOTS / f"{name}-{suffix}.png", SCREENSHOTS / f"{name}-{PHONE[0]}-menu.png"):
        assert target.stat().st_size > 10_000


def test_further_reading_links_every_item(html):
    """Each item of 더 읽을거리 links its source over https; papers on arXiv by their abstract page."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((html / "book" / "further_reading.html").read_text(encoding="utf-8"), "html.parser")
    items = page.select("article li")
    assert len(items) >= 10
    unlinked = [li.get_text(" ", strip=True)[:60] for li in items if not li.select("a.reference.external")]
    assert unlinked == []
    links = [a["href"] for a in page.select("article a.reference.external")]
    assert [link for link in links if not link.startswith("https://")] == []
    assert [
        link
        for link in links
        if "arxiv.org" in link and not re.fullmatch(r"https://arxiv.org/abs/\d{4}\.\d{4,5}", link)
    ] == []


def test_a_library_that_cannot_be_downloaded_says_what_to_do(tmp_path):
    import vendor

    with pytest.raises(vendor.VendorError, match="인터넷에 연결해 한 번 빌드하거나") as error:
        vendor.unpacked("mathjax", tmp_path, url="http://127.0.0.1:9/mathjax.tgz")  # nothing listens on port 9
    assert "Could not download mathjax" in str(error.value)
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []  # no partial download left to be trusted


@pytest.fixture
def npm_mirror():
    """The build's cache served on loopback, as the registry would serve its tarballs."""
    import vendor

    vendor.unpacked("mathjax")  # the build's cache: present once the book was built
    handler = functools.partial(QuietHandler, directory=str(vendor.cache_dir()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_mathjax_is_checked_against_npm_and_only_what_it_needs_is_kept(tmp_path, npm_mirror, monkeypatch):
    import vendor

    url = f"{npm_mirror}/mathjax-{vendor.PACKAGES['mathjax'].version}.tgz"
    tampered = dataclasses.replace(vendor.PACKAGES["mathjax"], integrity="sha512-" + "A" * 86 + "==")
    monkeypatch.setitem(vendor.PACKAGES, "mathjax", tampered)
    with pytest.raises(vendor.VendorError, match="sha512"):
        vendor.unpacked("mathjax", tmp_path / "tampered", url=url)
    assert [path for path in (tmp_path / "tampered").rglob("*") if path.is_file()] == []
    monkeypatch.undo()
    static = vendor.unpacked("mathjax", tmp_path / "fresh", url=url) / "mathjax"
    kept = sorted(str(path.relative_to(static)) for path in static.rglob("*") if path.is_file())
    assert "tex-chtml.js" in kept and any(name.startswith("output/chtml/fonts/woff-v2/") for name in kept)
    assert [name for name in kept if name != "tex-chtml.js" and not name.startswith(("output/", "input/tex/"))] == []
