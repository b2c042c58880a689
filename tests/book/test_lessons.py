"""The lessons as a reader meets them in Colab and Jupyter: plain Markdown, collapsed solutions, one set of terms,
working links, the release the install cell installs, and the previous/next lines."""

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

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

MYST_ONLY = {
    "{glue": "a glue role (prints the role, not the number, outside the book)",
    ":::": "a MyST directive fence",
    "{admonition}": "an admonition directive",
    "{ref}": "a ref role",
    "{doc}": "a doc role",
    "{numref}": "a numref role",
    "```{": "a MyST directive",
}
# One form per term (CONTRIBUTING.md, glossary.md): the variants on the left are not used in lesson prose.
REJECTED_TERMS = {
    r"케라스|텐서플로|넘파이": "Keras, TensorFlow, NumPy",
    r"특징": "특성",
    r"기울기": "그레이디언트",
    r"표준편차": "표준 편차",
    r"목록": "리스트",
    r"이 과정": "이 책",
    r"부록": "한 걸음 더 (10장은 부록이 아닙니다)",
    r"엣지 필터|에지 필터|윤곽선 필터|경계 검출기|경계선 탐지기": "경계선 필터",
}
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


def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_markdown_has_no_myst_only_syntax(path):
    for number, cell in enumerate(markdown_cells(notebook(path)), start=1):
        for marker, what in MYST_ONLY.items():
            assert marker not in cell.source, f"{path.name}, markdown cell {number}: {what} ({marker!r})"
        assert not re.search(r"^\(\w[\w-]*\)=\s*$", cell.source, flags=re.M), f"{path.name}: a MyST label"
        assert not re.search(r"^: ", cell.source, flags=re.M), f"{path.name}, cell {number}: a definition list"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_terms_are_the_glossarys(path):
    nb = notebook(path)
    texts = [prose(cell.source) for cell in markdown_cells(nb)] + [comments(cell.source) for cell in code_cells(nb)]
    for pattern, preferred in REJECTED_TERMS.items():
        for text in texts:
            found = re.search(pattern, text)
            assert not found, (
                f"{path.name}: '{found.group()}' → use {preferred}: …{text[found.start() - 30 : found.end() + 30]}…"
            )


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
    assert 'find_spec("helpers")' in first_code.source, f"{source.name}: the first code cell is not the install cell"
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
    assert last.source.strip() == " · ".join(expected), f"{path.name}: expected the line\n{' · '.join(expected)}"


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
        target = link.split("#", 1)[0]
        assert (BOOK / target).is_file(), f"{path.name}: the link {link!r} leads nowhere next to the notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_rendered_text_solutions_are_collapsed(rendered, path):
    nb = notebook(path)
    written = sum(cell.source.count("<details>") for cell in markdown_cells(nb))
    assert rendered[path.name].details == written, f"{path.name}: a <details> block did not survive rendering"
