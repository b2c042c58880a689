"""The lessons as a reader meets them in Colab and Jupyter: plain Markdown, collapsed solutions, one set of terms,
working links, the release the install cell installs, and the previous/next lines."""

# The terms rules (one word per concept) live in the glossary's 표기 원칙 table; TERM_RULES below enforces each of
# them over the text a reader sees: every lesson's Markdown, comments and Korean strings (from lessons_py, the
# source the notebooks are made from), the intro and the glossary outside that table.

import re
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import jupytext
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
LESSONS = sorted(p for p in (ROOT / "lessons_py").glob("[0-9]*.py"))
NOTEBOOKS = [BOOK / f"{p.stem}.ipynb" for p in LESSONS]
TEMPLATE = ROOT / "lessons_py" / "_template.py"
ids = [p.stem for p in LESSONS]
sys.path.insert(0, str(ROOT / "_ext"))
import chapter_links  # noqa: E402  (notebooks link other pages through the published book; see test_links.py)

PAGES = chapter_links.book_pages(BOOK)

MYST_ONLY = {
    "{glue": "a glue role (prints the role, not the number, outside the book)",
    ":::": "a MyST directive fence",
    "{admonition}": "an admonition directive",
    "{ref}": "a ref role",
    "{doc}": "a doc role",
    "{numref}": "a numref role",
    "```{": "a MyST directive",
}
# One word per concept: (rejected pattern, the glossary's form). Each form is a row of the glossary's 표기 원칙 table
# (test_every_term_rule_is_stated_in_the_glossary). Patterns apply to words a reader reads (see visible_texts).
REJECTED_TERMS = {
    r"케라스|텐서플로|넘파이": "Keras, TensorFlow, NumPy",
    r"특징": "특성",
    r"기울기": "그레이디언트",
    r"표준편차": "표준 편차",
    r"목록": "리스트",
    r"이 과정": "이 책",
    r"부록": "한 걸음 더",
    r"엣지 필터|에지 필터|윤곽선 필터|경계 검출기|경계선 탐지기": "경계선 필터",
    r"(?<!찍은 )사진": "이미지",  # 사진 only for a photograph someone takes ('휴대폰으로 찍은 사진')
    r"경계(?!선)|윤곽": "경계선",
    r"테두리": "가장자리",
    r"보폭": "스트라이드",  # and 걸음 for an optimizer's step
    r"요약표": "모델 요약",
    r"검증 데이터": "검증 세트",
    r"픽셀 값": "픽셀값",
    r"(밀집|은닉|입력|출력) 층": "밀집층, 은닉층, 입력층, 출력층",
    r"(합성곱|풀링|드롭아웃|평탄화|정규화)층": "합성곱 층, 풀링 층, 드롭아웃 층, 평탄화 층, 배치 정규화 층",
    r"검은 배경|배경이 검": "gray_r",
}
# Rules that need a sentence, a number or code rather than one word; the value is the glossary's form.
STRIDE_WORDS = re.compile(r"스트라이드|strides|칸씩|칸 수")  # a sentence about a stride says 스트라이드, never 걸음
ACCURACY_PERCENT = re.compile(r"정확도[^%]*?(?<![\d.])\d+(?:\.\d+)?\s?%(?!p)")  # accuracies as 0.9146, not 91.46%
# the number right after 정확도 (and its particle): 정확도 0.9146, 정확도가 0.9146, 정확도는 약 0.9146
ACCURACY_DECIMALS = re.compile(r"정확도(?:가|는|를|은|도|의)?[\s,:=]*(?:약|즉)?[\s,:=]*(0\.\d+)(?!\d|\s?%p)")
SECONDS = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.(\d+))?)\s?초(?!기|과|점|당)")  # 7.2초: one decimal
FORMATTED_SECONDS = re.compile(r"\{[^{}]*:[^{}]*?\.(\d)f\}\s?초")
# an accuracy formatted in code: the field right after the word 정확도, or a field that reads an accuracy
FORMATTED_ACCURACY = re.compile(r"(?:정확도[^{}]{0,12}\{[^{}]*|\{[^{}]*accuracy[^{}]*):[^{}]*?\.(\d)(f|%)\}(?!\s?%p)")
CODE_RULES = {
    r"\.numpy\(\)": "keras.ops.convert_to_numpy()",
    r"cmap=[\"']gray[\"']": "gray_r",
}
SHOWN_ONCE = {"gray_r": "01_what_is_cnn"}  # explained in the text of one lesson only
GLOSSARY_RULES_HEADING = "## 표기 원칙"
SOLUTION_TITLE = re.compile(r"^# ?@title 풀이 \{ ?display-mode: \"form\" ?\}")


def notebook(path):
    return nbformat.read(path, as_version=4)


def markdown_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "markdown"]


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def tags(cell):
    return cell.metadata.get("tags", [])


def prose(markdown: str) -> str:
    """Markdown without code spans, fenced code, math and link targets: the words a reader reads."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$", " ", text, flags=re.S)
    return re.sub(r"\]\([^)]*\)", "]", text)


def comments(source: str) -> str:
    return "\n".join(line.split("#", 1)[1] for line in source.splitlines() if "#" in line)


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def distribution_name() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]


def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_markdown_has_no_myst_only_syntax(path):
    for number, cell in enumerate(markdown_cells(notebook(path)), start=1):
        for marker, what in MYST_ONLY.items():
            assert marker not in cell.source, f"{path.name}, markdown cell {number}: {what} ({marker!r})"
        assert not re.search(r"^\(\w[\w-]*\)=\s*$", cell.source, flags=re.M), f"{path.name}: a MyST label"
        assert not re.search(r"^: ", cell.source, flags=re.M), f"{path.name}, cell {number}: a definition list"


def strings_with_hangul(source: str) -> list[str]:
    """The Korean string literals of code: what a cell prints or writes into a figure."""
    return [text for _, text in re.findall(r"([\"'])((?:(?!\1).)*[가-힣](?:(?!\1).)*)\1", source)]


def glossary_outside_rules() -> str:
    """The glossary without its 표기 원칙 section (which names the rejected words on purpose)."""
    text = (BOOK / "glossary.md").read_text(encoding="utf-8")
    start = text.index(GLOSSARY_RULES_HEADING)
    end = text.index("\n## ", start + 1)
    return text[:start] + text[end:]


def visible_texts(name: str) -> tuple[list[str], list[str]]:
    """(texts a reader reads, code a reader runs) of a page: a lesson from its lessons_py source, intro or glossary."""
    if name == "intro":
        return [prose((BOOK / "intro.md").read_text(encoding="utf-8"))], []
    if name == "glossary":
        return [prose(glossary_outside_rules())], []
    nb = jupytext.read(ROOT / "lessons_py" / f"{name}.py")
    words = [prose(cell.source) for cell in markdown_cells(nb)]
    code = [cell.source for cell in code_cells(nb)]
    words += [comments(source) for source in code] + ["\n\n".join(strings_with_hangul(source)) for source in code]
    return words, code


def sentences(text: str) -> list[str]:
    """Sentences, list items, table rows and headings of a text, each on one line."""
    blocks = re.split(r"\n\s*\n|\n(?=\s*(?:[-*|#]|\d+\.)\s)", text)
    return [s.strip() for block in blocks for s in re.split(r"(?<=[.!?])\s+", " ".join(block.split())) if s.strip()]


def term_violations(words: list[str], code: list[str]) -> list[str]:
    """Every breach of the glossary's 표기 원칙 in a page's visible text and code, quoted with its context."""
    found = []
    for text in words:
        for pattern, preferred in REJECTED_TERMS.items():
            found += [
                f"'{m.group()}' → {preferred}: …{text[max(m.start() - 30, 0) : m.end() + 30]}…"
                for m in re.finditer(pattern, text)
            ]
        for sentence in sentences(text):
            if "걸음" in sentence and STRIDE_WORDS.search(sentence):
                found.append(f"걸음 for a stride → 스트라이드: {sentence}")
            if match := ACCURACY_PERCENT.search(sentence):
                found.append(f"an accuracy in % → 0.xxxx (4 decimals), differences in %p: {match.group()}")
            for match in ACCURACY_DECIMALS.finditer(sentence):
                if len(match.group(1)) != 6:
                    found.append(f"accuracy {match.group(1)} → 4 decimals (0.xxxx): {sentence}")
            for match in SECONDS.finditer(sentence):
                if match.group(2) is None or len(match.group(2)) != 1:
                    found.append(f"'{match.group()}' → seconds with one decimal (7.2초): {sentence}")
    for source in code:
        for pattern, preferred in CODE_RULES.items():
            found += [f"code '{m.group()}' → {preferred}" for m in re.finditer(pattern, source)]
        for line in source.splitlines():
            for match in FORMATTED_SECONDS.finditer(line):
                if match.group(1) != "1":
                    found.append(f"seconds printed with {match.group(1)} decimals → one (7.2초): {line.strip()}")
            for match in FORMATTED_ACCURACY.finditer(line):
                if match.group(2) == "%" or match.group(1) != "4":
                    found.append(f"accuracy printed as {match.group()} → :.4f (0.xxxx): {line.strip()}")
    return found


TERM_PAGES = [*ids, "intro", "glossary"]


@pytest.mark.parametrize("name", TERM_PAGES)
def test_terms_are_the_glossarys(name):
    found = term_violations(*visible_texts(name))
    assert not found, f"{name}: {len(found)} word(s) against the glossary's 표기 원칙:\n" + "\n".join(found)


@pytest.mark.parametrize("rule", sorted(SHOWN_ONCE))
def test_a_convention_is_explained_in_one_lesson(rule):
    explained = [
        name
        for name in ids
        if any(rule in cell.source for cell in markdown_cells(jupytext.read(ROOT / "lessons_py" / f"{name}.py")))
    ]
    assert explained == [SHOWN_ONCE[rule]], f"'{rule}' is explained in {explained}; say it once, in {SHOWN_ONCE[rule]}"


def test_every_term_rule_is_stated_in_the_glossary():
    text = (BOOK / "glossary.md").read_text(encoding="utf-8")
    start = text.index(GLOSSARY_RULES_HEADING)
    table = text[start : text.index("\n## ", start + 1)]
    preferred = [*REJECTED_TERMS.values(), "0.9146", "%p", "7.2초", "convert_to_numpy", "gray_r"]
    missing = [form for form in preferred if not all(part in table for part in form.split(", "))]
    assert not missing, f"the glossary's 표기 원칙 table does not state: {missing}"


@pytest.mark.parametrize(
    "text, rule",
    [
        ("패션 MNIST 사진을 봅니다.", "이미지"),
        ("옷의 윤곽에 반응합니다.", "경계선"),
        ("필터가 두 칸씩 걸음을 옮깁니다.", "스트라이드"),
        ("검증 정확도는 91.46%입니다.", "%"),
        ("검증 정확도 0.915를 얻었습니다.", "4 decimals"),
        ("에포크마다 7초 걸렸습니다.", "one decimal"),
        ("합성곱층 두 개를 쌓습니다.", "합성곱 층"),
        ("은닉 층의 뉴런은 100개입니다.", "은닉층"),
    ],
    ids=["photo", "outline", "stride", "percent", "decimals", "seconds", "conv-spacing", "hidden-spacing"],
)
def test_the_terms_test_can_fail(text, rule):
    assert any(rule in message for message in term_violations([text], [])), f"{text!r} passed the terms test"


def test_the_terms_test_can_fail_on_code():
    code = ['print(f"검증 정확도 {acc:.2%}")', "x = tensor.numpy()", 'print(f"{t:.0f}초")']
    found = term_violations([], code)
    assert len(found) == 3, found
    assert not term_violations(["휴대폰으로 찍은 사진도 예측해 봅니다. 경계선과 가장자리, 스트라이드 2."], [])


def test_helpers_messages_use_the_glossarys_terms():
    for module in sorted((ROOT / "helpers").rglob("*.py")):
        korean = " ".join(re.findall(r"[\"'][^\"'\n]*[가-힣][^\"'\n]*[\"']", module.read_text(encoding="utf-8")))
        for pattern, preferred in REJECTED_TERMS.items():
            found = re.search(pattern, korean)
            assert not found, f"{module.relative_to(ROOT)}: '{found.group()}' → use {preferred}"


def test_helpers_messages_attach_korean_particles():
    """Korean writes a particle onto the word before it: `images의 dtype은`, not `images 의 dtype 은`."""
    spaced = re.compile(r"[A-Za-z0-9_)\]`'] (은|는|이|가|을|를|의|으로|로|에|와|과)(?=[\s,.()])")
    for module in sorted((ROOT / "helpers").rglob("*.py")):
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), start=1):
            for text in re.findall(r'"[^"]*[가-힣][^"]*"', line):
                found = spaced.search(text)
                assert not found, f"{module.relative_to(ROOT)}:{number}: a spaced particle '{found.group()}' in {text}"


@pytest.mark.parametrize("source", [*LESSONS, TEMPLATE], ids=[*ids, "template"])
def test_lesson_structure(source):
    text = source.read_text(encoding="utf-8")
    nb = jupytext.read(source)
    missing = [
        heading
        for heading in ("## 이 장의 목표", "## 정리", "## 연습 문제")
        if not re.search(f"^# {heading}$", text, re.M)
    ]
    assert not missing, f"{source.name}: missing the heading(s) {missing}"
    exercises = re.findall(r"^# ### 연습 \d+\. ", text, flags=re.M)
    assert len(exercises) >= 2, f"{source.name}: {len(exercises)} exercise(s); write at least two ('### 연습 N. 제목')"
    assert "](glossary.md)" in text, f"{source.name}: no link to the glossary ([용어집](glossary.md))"
    first_code = code_cells(nb)[0]
    assert f'importlib.metadata.version("{distribution_name()}")' in first_code.source, (
        f"{source.name}: the first code cell is not the install cell (it decides by the installed distribution)"
    )
    assert "remove-cell" in tags(first_code), f"{source.name}: the install cell needs the remove-cell tag"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_exercise_has_a_collapsed_solution(path):
    """After each '### 연습 N.' heading: a <details> solution in its cell, or a collapsed solution code cell next."""
    cells = notebook(path).cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        parts = re.split(r"^### (연습 \d+\.[^\n]*)$", cell.source, flags=re.M)
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            is_last = body is parts[-1]
            follower = cells[index + 1] if index + 1 < len(cells) else None
            code_follows = is_last and follower is not None and follower.cell_type == "code"
            has_details = "<details><summary>풀이</summary>" in body and "</details>" in body
            assert has_details or code_follows, f"{path.name}: '{title}' has no collapsed solution"
            if code_follows and "hide-cell" in tags(follower):
                assert SOLUTION_TITLE.match(follower.source), f"{path.name}: '{title}': solution cell lacks @title"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_solution_cells_carry_both_collapse_markers(path):
    for cell in code_cells(notebook(path)):
        titled, hidden = bool(SOLUTION_TITLE.match(cell.source)), "hide-cell" in tags(cell)
        assert titled == hidden, (
            f"{path.name}: a solution cell needs both the hide-cell tag (book) and a first line "
            f'`# @title 풀이 {{ display-mode: "form" }}` (Colab):\n{cell.source[:200]}'
        )
        assert not ("remove-input" in tags(cell) and titled), f"{path.name}: a solution must stay readable"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_install_cell_installs_this_release(path):
    version = pyproject_version()
    url = config()["repository"]["url"]
    install = code_cells(notebook(path))[0]
    assert f"git+{url}@v{version}" in install.source, (
        f"{path.name}: the install cell must install git+{url}@v{version} (pyproject.toml's version)"
    )


def test_every_lesson_has_the_same_install_cell():
    """One install cell, copied into every lesson and the template: fixed once, it is fixed everywhere."""
    cells = {source.name: jupytext.read(source).cells for source in [*LESSONS, TEMPLATE]}
    install = {name: next(c.source for c in nb if c.cell_type == "code") for name, nb in cells.items()}
    first = install[LESSONS[0].name]
    differ = sorted(name for name, source in install.items() if source != first)
    assert not differ, f"the install cell of {differ} differs from {LESSONS[0].name}'s"
    assert "helpers.versions.say_if_untested()" in first, "the install cell no longer says when versions are untested"


def test_colab_buttons_open_the_same_release():
    assert config()["repository"]["branch"] == f"v{pyproject_version()}", (
        "_config.yml's repository.branch (the tag Colab opens) must be v + pyproject.toml's version"
    )


def toc_pages() -> list[tuple[str, str]]:
    """(file name, title) of every page in the book's order."""
    pages = []
    for entry in re.findall(r"(?:root|file):\s*book/(\S+)", (ROOT / "_toc.yml").read_text(encoding="utf-8")):
        path = next(BOOK.glob(f"{entry}.*"))
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            text = notebook(path).cells[0].source
        pages.append((path.name, re.search(r"^# (.+)$", text, flags=re.M).group(1).strip()))
    return pages


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_previous_and_next_lines_follow_the_toc(path):
    pages = toc_pages()
    names = [name for name, _ in pages]
    position = names.index(path.name)
    expected = []
    if position > 0:
        expected.append("이전: [{1}]({0})".format(*pages[position - 1]))
    if position + 1 < len(pages):
        expected.append("다음: [{1}]({0})".format(*pages[position + 1]))
    last = notebook(path).cells[-1]
    assert last.cell_type == "markdown" and "remove-cell" in tags(last), (
        f"{path.name}: the last cell must be the previous/next line, a markdown cell tagged remove-cell"
    )
    shown = chapter_links.relative_links(last.source, chapter_links.configured_base_url(ROOT), PAGES).strip()
    assert shown == " · ".join(expected), f"{path.name}: expected the line\n{' · '.join(expected)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_code_lines_fit_a_phone_and_a_page(path):
    for cell in code_cells(notebook(path)):
        for line in cell.source.splitlines():
            assert len(line) <= 100, f"{path.name}: a code line of {len(line)} characters (≤ 100):\n{line}"


class Rendered(HTMLParser):
    """Text outside code and outputs, links, and <details> blocks of a notebook rendered by nbconvert."""

    SKIP = frozenset({"pre", "code", "script", "style", "math"})

    def __init__(self):
        super().__init__()
        self.text, self.links, self.depth, self.details = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self.depth += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "details":
            self.details += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.text.append(data)


@pytest.fixture(scope="module")
def rendered():
    """Every notebook as Jupyter renders it (nbconvert's lab template, markdown cells only: outputs are data)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_output=True)
    pages = {}
    for path in NOTEBOOKS:
        nb = notebook(path)
        nb.cells = [cell for cell in nb.cells if cell.cell_type == "markdown"]
        body, _ = exporter.from_notebook_node(nb)
        parser = Rendered()
        parser.feed(body)
        pages[path.name] = parser
    return pages


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_rendered_in_jupyter_no_markdown_is_left_raw(rendered, path):
    text = re.sub(r"\s+", " ", " ".join(rendered[path.name].text))
    for marker in ("**", "__", ":::", "{glue", "{ref}", "{doc}", "{admonition}", "`"):
        found = text.find(marker)
        assert found < 0, f"{path.name}: '{marker}' shown raw: …{text[max(0, found - 60) : found + 60]}…"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_rendered_links_resolve_in_the_book_and_next_to_the_notebook(rendered, path):
    for link in rendered[path.name].links:
        if link.startswith(("http://", "https://", "#", "mailto:")):
            continue
        assert linked_file(link).is_file(), f"{path.name}: the link {link!r} leads nowhere next to the notebook"


def linked_file(link: str) -> Path:
    """The file a relative link names; Markdown renderers percent-encode Hangul file names (11_새_장.ipynb)."""
    return BOOK / unquote(link.split("#", 1)[0])


def test_a_percent_encoded_hangul_link_names_its_file():
    assert linked_file("11_%EC%83%88_%EC%9E%A5.ipynb#%EC%A0%95%EB%A6%AC") == BOOK / "11_새_장.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_rendered_text_solutions_are_collapsed(rendered, path):
    nb = notebook(path)
    written = sum(cell.source.count("<details>") for cell in markdown_cells(nb))
    assert rendered[path.name].details == written, f"{path.name}: a <details> block did not survive rendering"
