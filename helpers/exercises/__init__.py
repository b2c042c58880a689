"""Checked exercises for every lesson: `q = helpers.exercises.lesson(2)`, then `q[1].check(answer)`, `q[1].hint()`,
`q[1].solution()` and, at the end of the lesson, `q.progress()`.

Judges and hints live in `lessonNN.py`; reference code and model answers are written once in `lessons_py/NN_*.py`
and stored in `solutions.json` by `scripts/sync.py` (installed with the package, so `solution()` works in Colab).
"""

import re
from importlib import import_module, resources

from helpers.exercises.core import Exercise, Lesson, Result, Wrong, ____

__all__ = ["Exercise", "Lesson", "Result", "Wrong", "____", "lesson", "report"]

# One module per lesson with exercises: helpers/exercises/lessonNN.py
LESSON_NUMBERS = tuple(
    sorted(
        int(match.group(1))
        for entry in resources.files(__name__).iterdir()
        if (match := re.fullmatch(r"lesson(\d\d)\.py", entry.name))
    )
)
_bound: dict[int, Lesson] = {}


def lesson(number: int) -> Lesson:
    """The exercises of lesson `number`, bound once per kernel so that `progress()` counts every check."""
    if isinstance(number, bool) or number not in LESSON_NUMBERS:
        first, last = LESSON_NUMBERS[0], LESSON_NUMBERS[-1]
        raise ValueError(
            f"연습 문제가 있는 장은 {first}장부터 {last}장까지입니다. 받은 값: {number!r}\n"
            f"Lessons with exercises are {first} to {last}. Got {number!r}."
        )
    if number not in _bound:
        _bound[number] = Lesson(number, import_module(f"helpers.exercises.lesson{number:02d}").EXERCISES)
    return _bound[number]


def fresh(number: int) -> Lesson:
    """A new, unbound copy of a lesson's exercises (tests)."""
    import copy

    return Lesson(number, copy.deepcopy(import_module(f"helpers.exercises.lesson{number:02d}").EXERCISES))


def report() -> dict:
    """Every lesson bound in this kernel and its summary (the solutions run reads it)."""
    return {number: bound.summary() for number, bound in _bound.items()}
