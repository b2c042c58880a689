"""Every exercise is complete where an instructor writes it and safe where a learner meets it: a checker (or a model
answer), staged hints and a solution for each '### 연습 N.'; starters, never solutions, in the notebooks."""

import re
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

import helpers.exercises as exercises
from helpers.exercises.core import NOT_ANSWERED

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from lesson_notebook import (  # noqa: E402
    MARKER,
    SOLUTION_TAG,
    SOLUTIONS,
    LessonError,
    build,
    exercise_headings,
    lesson_number,
    lesson_sources,
    solutions_text,
    starter,
)

SOURCES = lesson_sources()
ids = [p.stem for p in SOURCES]
CHECK = re.compile(r"\bq\[(\d+)\]\.check\(")


def headings(source):
    found = []
    for cell in jupytext.read(source).cells:
        if cell.cell_type == "markdown":
            found += exercise_headings(cell.source)
    return found


def solution_cells(source):
    return [c for c in jupytext.read(source).cells if SOLUTION_TAG in c.metadata.get("tags", [])]


@pytest.mark.parametrize("source", SOURCES, ids=ids)
def test_every_exercise_has_a_checker_or_model_answer_hints_and_a_solution(source):
    number = lesson_number(source)
    bound = exercises.fresh(number)
    written = headings(source)
    assert [n for n, _, _ in written] == list(range(1, len(written) + 1)), f"{source.name}: exercises out of order"
    assert len(bound) == len(written), (
        f"{source.name} has {len(written)} exercises, helpers/exercises/lesson{number:02d}.py defines {len(bound)}"
    )
    checked = {int(n) for cell in solution_cells(source) for n in CHECK.findall(cell.source)}
    stored = exercises.core.solutions().get(str(number), {})
    for (n, title, answer), exercise in zip(written, bound, strict=True):
        name = f"{source.name} '연습 {n}. {title}'"
        assert exercise.title == title, f"{name}: helpers names it '{exercise.title}'"
        assert len(exercise.hints) >= 2, f"{name}: write at least two staged hints"
        assert answer, f"{name}: no <details><summary>풀이</summary> model answer"
        if exercise.checkable:
            assert n in checked, f"{name}: has a checker but no solution cell calling q[{n}].check(...)"
            assert stored.get(str(n), {}).get("code"), f"{name}: no reference code for solution() (make sync)"
        else:
            assert n not in checked, f"{name}: a solution cell calls q[{n}].check() but the exercise has no checker"
        assert stored.get(str(n), {}).get("answer") == answer, f"{name}: solutions.json is stale (make sync)"


def test_solutions_json_is_up_to_date():
    assert SOLUTIONS.read_text(encoding="utf-8") == solutions_text(SOURCES), "run `make sync`"


@pytest.mark.parametrize("source", SOURCES, ids=ids)
def test_a_lesson_binds_its_exercises_and_ends_with_the_progress_line(source):
    code = [c.source for c in jupytext.read(source).cells if c.cell_type == "code"]
    number = lesson_number(source)
    assert any(f"q = helpers.exercises.lesson({number})" in cell for cell in code), f"{source.name}: no binding line"
    assert code[-1].strip() == "q.progress()", f"{source.name}: the last code cell must be `q.progress()`"


@pytest.mark.parametrize("source", SOURCES, ids=ids)
def test_the_notebook_shows_starters_not_solutions(source):
    notebook = nbformat.read(ROOT / "book" / f"{source.stem}.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        assert SOLUTION_TAG not in cell.metadata.get("tags", []), f"{source.name}: a solution cell in the notebook"
        assert not any(MARKER.search(line) for line in cell.source.splitlines()), (
            f"{source.name}: an answer marker reached the notebook:\n{cell.source}"
        )
        if CHECK.search(cell.source) and cell.get("outputs"):
            shown = "".join(o.get("text", "") for o in cell.outputs)
            stale = f"{source.name}: a check's stored output is not 'not answered' (make execute):\n{shown}"
            assert NOT_ANSWERED in shown, stale


@pytest.mark.parametrize("source", SOURCES, ids=ids)
def test_each_starter_blanks_its_answer_and_keeps_its_check(source):
    learner, _ = build(source)
    starters = [c for c in learner.cells if c.cell_type == "code" and (CHECK.search(c.source) or "____" in c.source)]
    for cell in solution_cells(source):
        if CHECK.search(cell.source):
            made = starter(cell.source)
            assert "____" in made and CHECK.search(made), f"{source.name}: starter without blank or check:\n{made}"
            assert any(s.source == made for s in starters)


def test_starter_rules():
    code = (
        "x = np.arange(3)\n"
        "answer = x.sum()  # 답: 합계\n"
        "low, high = x.min(), x.max()  # 답\n"
        "def f(a):  # 답\n"
        '    """Docstring."""\n'
        "    return a + 1\n"
        "for i in range(2):  # 답: 출력\n"
        "    print(i)\n"
        "q[1].check(answer)"
    )
    assert starter(code) == (
        "x = np.arange(3)\nanswer = ____  # 합계\nlow, high = ____, ____\n"
        'def f(a):\n    """Docstring."""\n    return ____\n'
        "# ____: 출력\nq[1].check(answer)"
    )
    assert starter("# 답: 그려 봅니다\nplt.plot([1])\nplt.show()") == "# 그려 봅니다"


def test_a_solution_cell_without_a_marker_or_with_a_misplaced_one_is_refused():
    with pytest.raises(LessonError, match="without a '# 답' marker"):
        starter("answer = 1\nq[1].check(answer)", "x.py, cell 3")
    with pytest.raises(LessonError, match="first line of a statement"):
        starter("answer = f(\n    1,  # 답\n)", "x.py, cell 3")
