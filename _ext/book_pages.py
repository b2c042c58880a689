"""What the book's HTML pages need beyond the theme: offline MathJax, readable anchors, Korean labels, the book's CSS.

- MathJax 3 ships with the book (npm's tarball, checked against its published sha512 and cached), so math renders
  with no network and no page loads a script from another host.
- Section anchors are slugs of their titles with Hangul kept (`#합성곱-신경망이란`) instead of docutils' `#id2`; the
  GitHub-style slug (`#1-합성곱-신경망이란`) and the old id stay as extra anchors, so links already written still work.
- The theme's labels are Korean: Sphinx translation catalogs get a Korean fallback for what the theme's own
  catalogs leave in English, and two tiny templates replace components whose tooltips are hard-coded in English.
- The footer names the authors and the licences in a Korean sentence.
"""

from __future__ import annotations

import base64
import gettext
import hashlib
import os
import re
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.locale import translators
from sphinx.transforms import SphinxTransform

HERE = Path(__file__).resolve().parent

MATHJAX_VERSION = "3.2.2"
MATHJAX_URL = f"https://registry.npmjs.org/mathjax/-/mathjax-{MATHJAX_VERSION}.tgz"
# npm's `dist.integrity` for mathjax@3.2.2 (`npm view mathjax@3.2.2 dist.integrity`)
MATHJAX_SHA512 = "Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw=="
# tex-chtml.js, its fonts, and the TeX extensions its autoload fetches on first use of a macro such as \boldsymbol
MATHJAX_KEEP = ("es5/tex-chtml.js", "es5/output/chtml/fonts/woff-v2/", "es5/input/tex/extensions/")

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


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cnn-course-ko"


def sha512_integrity(path: Path) -> str:
    return base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def download(url: str, target: Path, integrity: str) -> None:
    """Fetch `url` into `target` once; a partial or tampered download never stays in the cache."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as part:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                shutil.copyfileobj(response, part)
        except (urllib.error.URLError, OSError) as error:
            Path(part.name).unlink(missing_ok=True)
            raise ExtensionError(
                f"MathJax {MATHJAX_VERSION}을(를) 내려받지 못했습니다({error}). 인터넷에 연결해 한 번 빌드하거나, "
                f"다른 컴퓨터에서 {url} 을(를) 받아 {target} 에 두세요. 한 번 받으면 오프라인에서도 빌드됩니다.\n"
                f"Could not download MathJax {MATHJAX_VERSION} ({error}). Build once with internet access, or "
                f"fetch {url} elsewhere and put it at {target}; after that the book builds offline."
            ) from error
    if sha512_integrity(Path(part.name)) != integrity:
        Path(part.name).unlink()
        raise ExtensionError(
            f"내려받은 {url} 의 sha512 가 npm 에 공개된 값과 다릅니다. 다시 빌드해 보세요.\n"
            f"The sha512 of the downloaded {url} differs from npm's published integrity; build again."
        )
    os.replace(part.name, target)


def ensure_mathjax(cache: Path, url: str = MATHJAX_URL, integrity: str = MATHJAX_SHA512) -> Path:
    """A folder holding `mathjax/tex-chtml.js` and what it loads, extracted once from the verified npm tarball."""
    static = cache / f"mathjax-{MATHJAX_VERSION}"
    if (static / "mathjax" / "tex-chtml.js").is_file():
        return static
    tarball = cache / f"mathjax-{MATHJAX_VERSION}.tgz"
    if not tarball.is_file() or sha512_integrity(tarball) != integrity:
        download(url, tarball, integrity)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix="mathjax-"))
    with tarfile.open(tarball) as archive:
        wanted = [
            member
            for member in archive.getmembers()
            if member.isfile() and member.name.removeprefix("package/").startswith(MATHJAX_KEEP)
        ]
        for member in wanted:
            member.name = "mathjax/" + member.name.removeprefix("package/es5/")
        archive.extractall(staging, members=wanted, filter="data")
    try:
        os.replace(staging, static)
    except OSError:  # another build extracted it meanwhile
        shutil.rmtree(staging, ignore_errors=True)
    return static


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
    static = ensure_mathjax(cache_dir())
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
