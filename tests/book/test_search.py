"""Korean search in the built book (issue 11, item 6): the `ko` search language of _ext/korean_search.py, its
Python and JavaScript stemmers, and the glossary's terms searched through the book's own search page in Chromium."""

import re
import sys
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from conftest import wait

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "_ext"))
import korean_search  # noqa: E402  (the book's extension lives in _ext/, which Sphinx puts on its path)

TERMS = korean_search.glossary_terms((ROOT / "book" / "glossary.md").read_text(encoding="utf-8"))
RULES = korean_search.rules(korean_search.protected_words(TERMS))

# (surface form, stem): particles and endings go, nouns that merely end in a particle-like syllable stay whole.
STEMS = [
    ("합성곱을", "합성곱"),
    ("합성곱은", "합성곱"),
    ("합성곱이라는", "합성곱"),
    ("합성곱에서는", "합성곱"),
    ("패딩이", "패딩"),
    ("패딩과", "패딩"),
    ("필터들이", "필터"),
    ("필터로", "필터"),
    ("스트라이드란", "스트라이드"),
    ("옵티마이저로는", "옵티마이저"),
    ("에포크마다", "에포크"),
    ("클래스별", "클래스"),
    ("평탄화합니다", "평탄화"),
    ("과대적합된", "과대적합"),
    ("과대적합이므로", "과대적합"),
    ("드롭아웃의", "드롭아웃"),
    ("층을", "층"),
    ("층의", "층"),
    ("맵에서", "맵"),
    ("원인을", "원인"),  # 원 is a glossary word, but 인 is cut only when two syllables stay
    ("정확도", "정확도"),
    ("정확도를", "정확도"),
    ("정밀도에서", "정밀도"),
    ("평가", "평가"),
    ("평가는", "평가"),
    ("속도", "속도"),
    ("속도가", "속도"),
    ("결과", "결과"),
    ("결과와", "결과"),
    ("높이", "높이"),
    ("높이를", "높이"),
    ("크기", "크기"),
    ("크기가", "크기"),
    ("데이터", "데이터"),
    ("데이터가", "데이터"),
    ("필터", "필터"),
    ("배치", "배치"),
    ("손실값", "손실값"),
    ("Conv2D를", "conv2d"),
    ("Conv2D", "conv2d"),
    ("padding", "pad"),
    ("ReLU는", "relu"),
]

# What may follow a word in Korean text, the test's own list (independent of the stemmer's): particles, the copula
# and 하다/되다/시키다 forms, possibly chained (합성곱에서는, 패딩이라는).
FOLLOWERS = (  # noqa: SIM905 (word lists read better as text)
    "이 가 은 는 을 를 의 에 에서 에게 께 한테 으로 로 으로서 로서 으로써 로써 와 과 하고 이랑 랑 도 만 까지 부터 "
    "처럼 보다 마다 이나 나 이든 든 이라도 라도 조차 마저 뿐 밖에 만큼 끼리 씩 들 별 대로 이야 "
    "이다 입니다 이며 이고 이면 이라 이라는 라는 이라고 라고 이라면 라면 이란 란 인 인지 인데 이므로 이지만 이니까 "
    "였다 이었다 였습니다 이었습니다 이었다면 였다면 이에요 예요 이죠 임 임을 "
    "하다 한다 합니다 하는 한 할 함 하여 해 해서 하면 하지 하기 하며 하므로 하도록 하려면 하려는 하려고 해야 해도 "
    "했다 했고 했습니다 했으므로 했다면 했더니 하는지 할지 할수록 하거나 하세요 하되 하라 "
    "되다 된다 됩니다 되는 된 될 되고 되어 돼 되면 되지 되기 되며 되었다 됐다 되었습니다 됐습니다 되었는지 "
    "시키다 시킨다 시킵니다 시키는 시킨 시킬 시키고 시켜"
).split()
FOLLOWED = "(?:" + "|".join(sorted(FOLLOWERS, key=len, reverse=True)) + ")*"


def word_pattern(word: str) -> re.Pattern:
    """`word` as a whole word, optionally followed by particles or endings."""
    return re.compile(rf"(?<!\w){re.escape(word)}{FOLLOWED}(?!\w)", re.IGNORECASE)


def pages_containing(term: str, texts: dict[str, str]) -> set[str]:
    patterns = [word_pattern(word) for word in term.split()]
    return {page for page, text in texts.items() if all(p.search(text) for p in patterns)}


def test_glossary_has_its_terms():
    assert len(TERMS) >= 20, TERMS
    assert {"합성곱", "합성곱 신경망", "원-핫 인코딩", "정확도"} <= set(TERMS)


def test_python_stemmer():
    found = {surface: korean_search.stem(surface, RULES) for surface, _ in STEMS}
    assert found == dict(STEMS)


@pytest.fixture(scope="module")
def texts(browser, site, html):
    """Each page's own text (its article: the theme's navigation and previous/next links are not the page's)."""
    pages = sorted(path.relative_to(html).with_suffix("").as_posix() for path in (html / "book").glob("*.html"))
    found = {}
    for page in pages:
        browser.get(f"{site}/{page}.html")
        found[page] = browser.execute_script(
            "const article = document.querySelector('article.bd-article').cloneNode(true);"
            "article.querySelectorAll('script, style').forEach((element) => element.remove());"
            "return article.textContent;"
        )
    return found


def test_browser_stemmer_is_the_python_stemmer(browser, site, texts):
    """The stemmer the built search page runs gives the Python stems, for the table and every word of the book."""
    words = sorted({word for text in texts.values() for word in re.findall(r"\w+", text)} | {s for s, _ in STEMS})
    browser.get(f"{site}/search.html")
    rules, stems = browser.execute_script(
        "const stemmer = new Stemmer();"
        "return [KoreanSearchRules, arguments[0].map((word) => stemmer.stemWord(word.toLowerCase()))];",
        words,
    )
    assert rules == RULES
    python = [korean_search.stem(word, RULES) for word in words]
    assert {w: (js, py) for w, js, py in zip(words, stems, python, strict=True) if js != py} == {}
    assert len(words) > 1000


def search(browser, site, query: str) -> set[str]:
    """The pages the book's search page lists for `query`, once it says the search has finished."""
    if urlparse(browser.current_url).path.endswith("/search.html") and browser.execute_script(
        "return typeof Search !== 'undefined' && Search.hasIndex()"
    ):
        # The page and its index are loaded: search again as the page's own form does, without reloading the index
        browser.execute_script(
            "document.getElementById('search-results').replaceChildren(); Search.performSearch(arguments[0]);", query
        )
    else:
        browser.get(f"{site}/search.html?q={quote(query)}")
    wait(browser, 30, poll=0.02).until(
        lambda d: d.execute_script("return document.querySelector('#search-results .search-summary')?.innerText")
    )
    links = browser.find_elements("css selector", "#search-results li a")
    return {urlparse(link.get_attribute("href")).path.strip("/").removesuffix(".html") for link in links}


def test_glossary_terms_are_found(browser, site, texts):
    expected_total = found_total = right_total = 0
    report = []
    for term in TERMS:
        expected, found = pages_containing(term, texts), search(browser, site, term)
        right = expected & found
        expected_total, found_total, right_total = (
            expected_total + len(expected),
            found_total + len(found),
            right_total + len(right),
        )
        if expected != found:
            report.append(f"{term}: missed {sorted(expected - found)}, wrongly found {sorted(found - expected)}")
    recall, precision = right_total / expected_total, right_total / found_total
    summary = (
        f"Korean search over {len(TERMS)} glossary terms: recall {recall:.3f} ({right_total}/{expected_total}), "
        f"precision {precision:.3f} ({right_total}/{found_total})"
    )
    print("\n" + summary, *report, sep="\n")
    assert recall >= 0.95 and precision >= 0.95, "\n".join([summary, *report])
