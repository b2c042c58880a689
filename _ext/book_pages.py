"""What the book's HTML pages need beyond the theme: offline MathJax, readable anchors, Korean labels, the book's CSS.

- MathJax 3 ships with the book (`vendor.py`: npm's tarball, checked against its published sha512 and cached), so
  math renders with no network and no page loads a script from another host.
- Section anchors are slugs of their titles with Hangul kept (`#합성곱-신경망이란`) instead of docutils' `#id2`; the
  GitHub-style slug (`#1-합성곱-신경망이란`) and the old id stay as extra anchors, so links already written still work.
- The theme's labels are Korean: Sphinx translation catalogs get a Korean fallback for what the theme's own
  catalogs leave in English, and two tiny templates replace components whose tooltips are hard-coded in English.
- The footer names the authors and the licences in a Korean sentence.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import vendor
from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.locale import translators
from sphinx.transforms import SphinxTransform

HERE = Path(__file__).resolve().parent

# What the theme's catalogs leave in English (sphinx: pydata-sphinx-theme's templates; booktheme: the book theme's).
LABELS_KO = {
    "sphinx": {
        "Skip to main content": "본문으로 건너뛰기",
        "Back to top": "맨 위로",
        "Version warning": "버전 경고",
        "previous page": "이전 페이지",
        "next page": "다음 페이지",
        "Search": "검색",
        "light/dark": "밝게/어둡게",
        "On this page": "이 페이지의 차례",
        "Section Navigation": "이 부분의 차례",
        "Site navigation": "사이트 탐색",
        "Breadcrumb": "현재 위치",
        "Home": "처음",
        "Link to this heading": "이 제목을 가리키는 링크",
    },
    "booktheme": {
        "Launch interactive content": "실행 환경에서 열기",
        "Launch on Colab": "Colab에서 열기",
        "Launch on Binder": "Binder에서 열기",
        "Launch on JupyterHub": "JupyterHub에서 열기",
        "logo": "로고",
        "Fullscreen mode": "전체 화면",
        "Open an issue": "이슈 열기",
        "Repository": "저장소",
        "Show source": "소스 보기",
        "Suggest edit": "수정 제안",
    },
}
# Settings whose defaults are English text shown on every page
CONFIG_KO = {
    "nb_code_prompt_show": "코드 셀 펼치기",
    "nb_code_prompt_hide": "코드 셀 접기",
    "togglebutton_hint": "눌러서 보기",
    "togglebutton_hint_hide": "눌러서 숨기기",
}
THEME_OPTIONS_KO = {
    "search_bar_text": "이 책에서 검색…",
    "toc_title": "이 페이지의 차례",
    "footer_content_items": ["extra-footer.html"],
}
LICENCES = (
    '코드는 <a href="https://opensource.org/license/mit">MIT 라이선스</a>, 글과 그림은 '
    '<a href="https://creativecommons.org/licenses/by-sa/4.0/deed.ko">CC BY-SA 4.0</a> 라이선스로 공개합니다.'
)


class KoreanLabels(gettext.NullTranslations):
    """Last in a catalog's fallback chain: answers only what every catalog before it left untranslated."""

    def __init__(self, table: dict[str, str]):
        super().__init__()
        self.table = table

    def gettext(self, message):
        return self.table.get(message, message)


def add_korean_labels(app) -> None:
    if app.config.language != "ko":
        return
    for catalog, table in LABELS_KO.items():
        translator = translators.get(("general", catalog))
        if translator is not None:
            translator.add_fallback(KoreanLabels(table))


CREDITS = (
    "두 편의 한국어 학습 노트와, 그 노트들이 따라간 박해선, 《혼자 공부하는 머신러닝+딥러닝》(한빛미디어) 8장을 "
    "바탕으로 썼습니다."
)


def footer(config) -> str:
    return f"<p>© {config.copyright} {config.author}<br/>{LICENCES}<br/>{CREDITS}</p>"


def configure(app, config) -> None:
    try:
        static = vendor.unpacked("mathjax")
    except vendor.VendorError as error:
        raise ExtensionError(str(error)) from None
    config.html_static_path = [*config.html_static_path, str(static), str(Path(app.srcdir) / "book" / "_static")]
    config.mathjax_path = "mathjax/tex-chtml.js"
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    if config.language == "ko":
        for name, value in CONFIG_KO.items():
            setattr(config, name, value)
        config.html_theme_options = {**config.html_theme_options, **THEME_OPTIONS_KO, "extra_footer": footer(config)}


SLUG_CLEAN = re.compile(r"[^\w\- ]")


def slugify(title: str) -> str:
    """MyST's and GitHub's heading slug: lower case, spaces to hyphens, punctuation dropped, Hangul kept."""
    return SLUG_CLEAN.sub("", title.strip().lower().replace(" ", "-"))


def anchor(title: str) -> str:
    """The slug without leading numbers: `2. 합성곱 층` → `합성곱-층`. An id starting with a digit is no CSS selector,
    and the theme's scrollspy (Bootstrap) looks sections up with querySelector: it would throw on every scroll."""
    return slugify(title).lstrip("0123456789-")


class ReadableSectionIds(SphinxTransform):
    """Each section's first id becomes its title's `anchor`; the GitHub-style slug (for links written as on GitHub)
    and the id docutils made (`id2`, for links already shared) stay as extra anchors."""

    default_priority = 400  # after docutils moves explicit labels onto sections (260), before the TOC is collected

    def apply(self, **kwargs) -> None:
        for section in self.document.findall(nodes.section):
            if not section["ids"] or any(self.document.nametypes.get(name) for name in section["names"]):
                continue  # an explicit label names this section: its author chose the anchor
            title = section[0].astext()
            primary = self.unique(anchor(title) or section["ids"][0], section)
            section["ids"] = [primary, *(id_ for id_ in section["ids"] if id_ != primary)]
            self.document.ids[primary] = section
            github = slugify(title)
            if github and github not in self.document.ids:
                section["ids"].insert(1, github)
                self.document.ids[github] = section

    def unique(self, base: str, section) -> str:
        slug, number = base, 0
        while slug in self.document.ids and slug not in section["ids"]:
            number += 1
            slug = f"{base}-{number}"
        return slug


def setup(app):
    app.connect("config-inited", configure)
    app.connect("builder-inited", add_korean_labels)
    app.add_transform(ReadableSectionIds)
    app.add_css_file("book.css")
    app.add_js_file("book.js", priority=600)  # after copybutton.js, which it completes
    return {"parallel_read_safe": True, "parallel_write_safe": True}
