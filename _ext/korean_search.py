"""Korean-aware search for the built book (Sphinx has no `ko` search language and falls back to English).

Korean writes particles and endings onto the word (합성곱을, 합성곱은, 패딩이라는), so English indexing stores each
form as its own word and a search for "합성곱" misses most pages. The `ko` language registered here strips them, the
same way at index time (Python, `stem`) and at query time (JavaScript, emitted into language_data.js), from one
definition: the Python constants below, embedded into the JavaScript as JSON. Words without Hangul keep Sphinx's
English behaviour (Porter stemmer), so `Conv2D` and `padding` are found as before.
"""

import json
import re
import unicodedata
from pathlib import Path

import snowballstemmer
from sphinx.search.en import SearchEnglish, js_porter_stemmer

# Particles (조사) and the plural/"per" suffixes 들/별: stripped repeatedly from the end (에서는 = 에서 + 는), and
# allowed after a one-syllable protected noun (층을 → 층). Chosen from what follows the glossary's terms in the book.
PARTICLES = (  # noqa: SIM905 (word lists read better as text)
    "이 가 은 는 을 를 의 에 에서 에게 으로 로 으로서 로서 으로써 로써 와 과 하고 도 만 까지 부터 처럼 보다 마다 "
    "이나 나 이든 든 이라도 라도 뿐 만큼 끼리 씩 들 별"
).split()
# Copula and 하다/되다/시키다 endings (패딩이라는, 평탄화합니다, 과대적합된): stripped only when two syllables
# stay, since one-syllable nouns plus these often make other words (원 + 인 = 원인).
ENDINGS = (  # noqa: SIM905 (word lists read better as text)
    "이다 입니다 이며 이고 이면 이라 이라는 라는 이라고 라고 이라면 라면 이란 란 인 인지 인데 이므로 이지만 "
    "였다 이었다 였습니다 이었습니다 이에요 예요 이죠 "
    "하다 한다 합니다 하는 한 할 함 하여 해 해서 하면 하지 하기 하며 하므로 하도록 하려면 하려는 하려고 해야 해도 했다 "
    "했습니다 하는지 할지 하거나 하세요 "
    "되다 된다 됩니다 되는 된 될 되고 되어 돼 되면 되지 되기 되며 되었다 됐다 되었습니다 됐습니다 "
    "시키다 시킨다 시킵니다 시키는 시킨 시킬 시키고 시켜"
).split()
# A word is cut only if at least this many characters stay (평가, 속도, 결과, 높이 stay whole), unless what stays
# is a protected noun.
MIN_STEM = 2
# Nouns never cut: longer ones that end in a particle-like syllable (정확도 is not 정확 + 도) and one-syllable ones
# that take particles. The glossary's terms and their words are added at build time.
CURATED = (  # noqa: SIM905 (word lists read better as text)
    "정확도 정밀도 해상도 유사도 중요도 복잡도 신뢰도 민감도 자유도 최대한 최소한 파이프라인 온라인 오프라인 "
    "층 맵 값 칸 축 열 행 점 수 곱 합 식 색 옷"
).split()

GLOSSARY_HEADING = re.compile(r"^###\s+(.+?)\s+\(", re.MULTILINE)
WORD = re.compile(r"\w+")  # Sphinx's own splitter (SearchLanguage._word_re); searchtools.js splits the same way
HANGUL = re.compile("[가-힣]")
PORTER = snowballstemmer.stemmer("porter")  # what SearchEnglish uses


def glossary_terms(text: str) -> list[str]:
    """The Korean terms of the glossary: each entry is a heading `### 한국어 용어 (English term)`."""
    return GLOSSARY_HEADING.findall(text)


def protected_words(terms: list[str]) -> list[str]:
    """The curated nouns and every Hangul word of the glossary's terms, sorted (the build embeds them)."""
    words = {word for term in terms for word in WORD.findall(term) if HANGUL.search(word)}
    return sorted(words | set(CURATED))


def rules(protected: list[str]) -> dict:
    """The one definition both stemmers use: suffixes longest first (하는 before 는), each with whether it is a
    particle, and the protected nouns."""
    suffixes = [[suffix, True] for suffix in PARTICLES] + [[suffix, False] for suffix in ENDINGS]
    return {
        "suffixes": sorted(suffixes, key=lambda pair: -len(pair[0])),
        "min_stem": MIN_STEM,
        "protected": protected,
    }


def strip_korean(word: str, rules: dict) -> str:
    """Strip particles and endings from the end of `word` until none applies or a protected noun is left."""
    protected = set(rules["protected"])
    while word not in protected:
        for suffix, particle in rules["suffixes"]:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and (len(stem) >= rules["min_stem"] or (particle and stem in protected)):
                word = stem
                break
        else:
            return word
    return word


def stem(word: str, rules: dict) -> str:
    """The index-time stemmer; `Stemmer.stemWord` in JS_STEMMER is the same at query time."""
    word = unicodedata.normalize("NFC", word.lower())
    if HANGUL.search(word):
        word = strip_korean(word, rules)
    if HANGUL.search(word) or len(word) < 3:  # the JS Porter stemmer leaves words under three letters alone
        return word
    return PORTER.stemWord(word)


# searchtools.js calls `new Stemmer().stemWord(word)` on each lower-cased query word. Sphinx's Porter stemmer is
# wrapped in a function so that its `Stemmer` becomes the English fallback.
JS_STEMMER = """
const KoreanSearchRules = %(rules)s;
const EnglishStemmer = (() => {
%(porter)s
  return Stemmer;
})();

var Stemmer = function() {
  const english = new EnglishStemmer();
  const rules = KoreanSearchRules;
  const protectedWords = new Set(rules.protected);
  const hangul = /[가-힣]/;
  const cut = (word) => rules.suffixes.find(([suffix, particle]) => {
    const stem = word.slice(0, word.length - suffix.length);
    return word.endsWith(suffix) && (stem.length >= rules.min_stem || (particle && protectedWords.has(stem)));
  });
  const stripKorean = (word) => {
    while (!protectedWords.has(word)) {
      const found = cut(word);
      if (found === undefined) return word;
      word = word.slice(0, word.length - found[0].length);
    }
    return word;
  };
  this.stemWord = (word) => {
    word = word.toLowerCase().normalize("NFC");
    if (hangul.test(word)) word = stripKorean(word);
    return hangul.test(word) ? word : english.stemWord(word);
  };
};

// searchtools.js keeps a page that matches only the query's words longer than two characters, a rule made for
// English; Korean words are mostly one or two syllables (특성 맵, 데이터 증강), so every word must match, as the
// search page says. language_data.js loads after searchtools.js.
if (typeof Search !== "undefined") {
  const searchTerms = Search.performTermsSearch;
  Search.performTermsSearch = (terms, excluded) => {
    const results = searchTerms(terms, excluded);
    if (terms.size < 2) return results;
    const pagesWith = (term) => new Set(searchTerms(new Set([term]), excluded).map((result) => result[0]));
    const pagesPerTerm = [...terms].map(pagesWith);
    return results.filter((result) => pagesPerTerm.every((pages) => pages.has(result[0])));
  };
}
"""


def js_stemmer(rules: dict) -> str:
    return JS_STEMMER % {"rules": json.dumps(rules, ensure_ascii=False), "porter": js_porter_stemmer}


class SearchKorean(SearchEnglish):
    lang = "ko"
    language_name = "Korean"

    def init(self, options: dict) -> None:
        super().init(options)
        self.rules = options.get("korean_rules") or rules(protected_words([]))
        self.js_stemmer_code = js_stemmer(self.rules)

    def stem(self, word: str) -> str:
        return stem(word, self.rules)


def configure(app, config) -> None:
    """Build the rules from the glossary and hand them to the search language."""
    glossary = Path(app.srcdir, config.korean_search_glossary)
    terms = glossary_terms(glossary.read_text(encoding="utf-8")) if glossary.is_file() else []
    config.korean_search_rules = rules(protected_words(terms))  # 'env': changed rules re-read and re-index every page
    config.html_search_options = {**config.html_search_options, "korean_rules": config.korean_search_rules}


def setup(app):
    app.add_config_value("korean_search_glossary", "book/glossary.md", "env")
    app.add_config_value("korean_search_rules", {}, "env")
    app.add_search_language(SearchKorean)
    app.connect("config-inited", configure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
