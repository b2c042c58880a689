"""The learner's notebook made from an instructor's lesson: one source of truth for every exercise's solution.

In `lessons_py/NN_*.py` an exercise's reference code is a code cell tagged `solution`, written once. A statement whose
first line ends with `# 답` (or `# 답: 설명`) is the answer: in the learner's notebook (`book/NN_*.ipynb`, what Colab
opens and the book builds from) it becomes a blank, as scikit-learn-mooc makes its `_ex_` files from `_sol_` files:

    answer = convolve2d(x, w)  # 답: 2×2 배열   →   answer = ____  # 2×2 배열
    def count_shared(x_a, x_b):  # 답           →   def count_shared(x_a, x_b):
        ...                                             \"\"\"docstring kept\"\"\"
                                                        return ____
    for name in names:  # 답                    →   # ____: 여기에 코드를 씁니다

A cell whose first line is `# 답: 설명` is all answer: the learner gets a cell holding only `# 설명` to work in.

Everything else in the cell (given data, the `q[N].check(...)` line) stays. The reference code goes into the
exercise's collapsed `<details>` answer (folded in Colab and Jupyter, folded in the book, open in the PDF), and with
the `<details>` text into `helpers/exercises/solutions.json`, which `q[N].solution()` prints after a pip install.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import jupytext
import nbformat
from jupytext.combine import combine_inputs_with_outputs

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "lessons_py"
BOOK = ROOT / "book"
SOLUTIONS = ROOT / "helpers" / "exercises" / "solutions.json"
SOLUTION_TAG = "solution"
MARKER = re.compile(r"\s*#\s*답(?::\s*(?P<note>.*))?\s*$")
WHOLE = re.compile(r"^#\s*답(?::\s*(?P<note>.*))?\s*$")  # a first line of its own: the whole cell is the answer
HEADING = re.compile(r"^### 연습 (\d+)\. (.+)$", re.M)
DETAILS = re.compile(r"<details><summary>풀이</summary>\s*(.*?)\s*</details>", re.S)
BLANK = "____"


class LessonError(ValueError):
    """A solution cell the writer cannot turn into a starter (the message names the lesson and the cell)."""


def lesson_number(source: Path) -> int:
    return int(source.stem.split("_", 1)[0])


def reference(code: str) -> str:
    """The solution as a learner reads it: the `# 답` markers taken off."""
    if WHOLE.match(code.split("\n", 1)[0]):
        code = code.split("\n", 1)[1] if "\n" in code else ""
    return "\n".join(MARKER.sub("", line) if MARKER.search(line) else line for line in code.splitlines())


def statements(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            yield node


def starter(code: str, where: str = "") -> str:
    """The learner's cell: each marked statement blanked (see the module's docstring)."""
    whole = WHOLE.match(code.split("\n", 1)[0])
    if whole:
        return f"# {whole.group('note') or '여기에 코드를 씁니다'}"
    lines = code.splitlines()
    marked = {number: MARKER.search(line) for number, line in enumerate(lines, start=1) if MARKER.search(line)}
    if not marked:
        raise LessonError(f"{where}: a solution cell without a '# 답' marker would give the learner the answer")
    tree = ast.parse(reference(code))
    found = {node.lineno: node for node in statements(tree) if node.lineno in marked}
    missing = sorted(set(marked) - set(found))
    if missing:
        raise LessonError(f"{where}: '# 답' must end the first line of a statement (line {missing[0]} of the cell)")
    for number in sorted(found, reverse=True):  # bottom up: earlier line numbers stay valid
        node, note = found[number], marked[number].group("note")
        indent = re.match(r"\s*", lines[node.lineno - 1]).group()
        comment = f"  # {note}" if note else ""
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = " = ".join(ast.get_source_segment(reference(code), target) for target in targets)
            unpacked = targets[-1].elts if isinstance(targets[-1], ast.Tuple | ast.List) else [targets[-1]]
            new = [f"{indent}{names} = {', '.join([BLANK] * len(unpacked))}{comment}"]  # `a, b = ____, ____` runs
        elif isinstance(node, ast.FunctionDef):
            body = node.body
            keep_until = body[0].end_lineno if ast.get_docstring(node) is not None else body[0].lineno - 1
            kept = [MARKER.sub("", line) for line in lines[node.lineno - 1 : keep_until]]
            body_indent = re.match(r"\s*", lines[body[0].lineno - 1]).group()
            new = [*kept, f"{body_indent}return {BLANK}{comment}"]
        else:
            new = [f"{indent}# {BLANK}: {note or '여기에 코드를 씁니다'}"]
        lines[node.lineno - 1 : node.end_lineno] = new
    text = "\n".join(lines)
    ast.parse(text)  # the starter must run as it is
    return text


def exercise_headings(markdown: str) -> list[tuple[int, str, str]]:
    """(number, title, the <details> answer) for each '### 연습 N.' in a markdown cell."""
    parts = HEADING.split(markdown)
    found = []
    for number, title, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        answer = DETAILS.search(body)
        found.append((int(number), title.strip(), answer.group(1).strip() if answer else ""))
    return found


def add_code_to_details(markdown: str, code: str) -> str:
    """The reference code at the end of the last <details> answer of the cell."""
    at = markdown.rfind("</details>")
    if at < 0:
        raise LessonError("a solution cell must follow a question whose answer is in <details><summary>풀이</summary>")
    block = f"풀이 코드:\n\n```python\n{code}\n```\n\n"
    return markdown[:at] + block + markdown[at:]


def build(source: Path):
    """(the learner's notebook, {exercise number: {title, answer, code}}) from a lessons_py file."""
    notebook = jupytext.read(source)
    exercises: dict[int, dict] = {}
    question = None  # the markdown cell of the exercise the next solution cell answers
    current = None
    learner_cells = []
    for index, cell in enumerate(notebook.cells):
        tags = list(cell.metadata.get("tags", []))
        if cell.cell_type == "markdown":
            headings = exercise_headings(cell.source)
            for number, title, answer in headings:
                exercises[number] = {"title": title, "answer": answer, "code": ""}
            if headings:
                question, current = len(learner_cells), headings[-1][0]
            learner_cells.append(cell)
            continue
        if SOLUTION_TAG not in tags:
            learner_cells.append(cell)
            continue
        where = f"{source.name}, cell {index + 1}"
        if question is None:
            raise LessonError(f"{where}: a solution cell before any '### 연습 N.' question")
        code = reference(cell.source)
        block = exercises[current]
        block["code"] = f"{block['code']}\n\n{code}".strip()
        learner_cells[question].source = add_code_to_details(learner_cells[question].source, code)
        learner = nbformat.from_dict(cell)
        learner.source = starter(cell.source, where)
        # a starter's output is the checker's "not answered" line: nbval compares it, whatever the solution prints
        learner.metadata["tags"] = [tag for tag in tags if tag not in (SOLUTION_TAG, "nbval-ignore-output")]
        if not learner.metadata["tags"]:
            del learner.metadata["tags"]
        learner_cells.append(learner)
        # the details were edited in place in learner_cells; the next solution cell appends below this one
    notebook.cells = learner_cells
    return notebook, exercises


def write(source: Path, target: Path) -> None:
    """`target` (the notebook or a copy) gets the learner's cells; stored outputs, ids and metadata are kept. Links to
    the book's other pages lead to the published book, for a notebook opened alone (Colab, a download); the book's
    build turns them back into relative links (_ext/chapter_links.py)."""
    notebook, _ = build(source)
    if target.exists():
        notebook = combine_inputs_with_outputs(notebook, nbformat.read(target, as_version=4), fmt="py:percent")
    links = chapter_links()
    links.rewrite_notebook(notebook, links.absolute_links, links.configured_base_url(ROOT), links.book_pages(BOOK))
    jupytext.write(notebook, target, fmt="ipynb")


def chapter_links():
    """The book's link rewriting, shared with its Sphinx extension (_ext/chapter_links.py)."""
    if str(ROOT / "_ext") not in sys.path:
        sys.path.insert(0, str(ROOT / "_ext"))
    import chapter_links

    return chapter_links


def all_solutions(sources: list[Path]) -> dict:
    return {str(lesson_number(source)): {str(n): entry for n, entry in build(source)[1].items()} for source in sources}


def solutions_text(sources: list[Path]) -> str:
    return json.dumps(all_solutions(sources), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def lesson_sources() -> list[Path]:
    return sorted(SOURCES.glob("[0-9]*.py"))
