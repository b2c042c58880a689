"""Exercises that answer back: `check()` judges an answer, `hint(n)` gives the n-th hint, `solution()` the reference.

A judge is a plain function of the learner's answers. It returns a short note (or None) when the answer is right and
raises `Wrong("한국어 문장")` when it is not; `expect` turns wrong kinds of answer (None, a string, NaN, a list for an
array) into such sentences. Whatever else a judge raises is reported in one Korean sentence, never as a traceback.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


class Blank:
    """The starter's `____`: the place where the learner writes the answer."""

    def __repr__(self) -> str:
        return "____"


____ = Blank()


class Wrong(Exception):
    """A wrong answer; the message is what the learner reads."""


class Unanswered(Exception):
    """A `____` or `...` is still in the answer."""


CORRECT, WRONG, UNANSWERED = "correct", "wrong", "unanswered"
NOT_ANSWERED = "아직 답을 쓰지 않았습니다. ____ 자리에 답을 쓰고 이 셀을 다시 실행하세요."


def is_blank(value) -> bool:
    if value is ____ or value is Ellipsis:
        return True
    if isinstance(value, list | tuple):
        return any(is_blank(item) for item in value)
    if isinstance(value, Mapping):
        return any(is_blank(item) for item in value.values())
    return False


@dataclass(frozen=True)
class Result:
    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == CORRECT


@dataclass
class Exercise:
    """One exercise of a lesson. `judge` is None for a thinking question (a model answer, no check)."""

    title: str
    hints: tuple[str, ...]
    judge: Callable | None = None
    lesson: int = 0
    number: int = 0
    _record: Callable[[int, str], None] | None = field(default=None, repr=False)

    @property
    def checkable(self) -> bool:
        return self.judge is not None

    @property
    def name(self) -> str:
        return f"{self.lesson}장 연습 {self.number}"

    def outcome(self, *answers, **given) -> Result:
        """The verdict without printing (the tests use it)."""
        if self.judge is None:
            return Result(UNANSWERED, "생각해 보는 문제라 확인할 답이 없습니다. 풀이와 견주어 보세요: .solution()")
        if is_blank(answers) or is_blank(given):
            return Result(UNANSWERED, NOT_ANSWERED)
        try:
            inspect.signature(self.judge).bind(*answers, **given)
        except TypeError:
            expected = ", ".join(inspect.signature(self.judge).parameters)
            return Result(WRONG, f"check()에 넘긴 답의 개수나 이름이 다릅니다. check({expected}) 순서로 넘기세요.")
        try:
            note = self.judge(*answers, **given)
        except Unanswered:
            return Result(UNANSWERED, NOT_ANSWERED)
        except Wrong as wrong:
            return Result(WRONG, str(wrong))
        except Exception as error:  # a learner's answer can be anything: a sentence, never a traceback
            return Result(WRONG, unexpected(error))
        return Result(CORRECT, "정답입니다." + (f" {note}" if note else ""))

    def check(self, *answers, **given) -> None:
        result = self.outcome(*answers, **given)
        if self._record is not None and self.judge is not None:
            self._record(self.number, result.status)
        if result.status == WRONG:
            print(f"틀렸습니다. {result.message}\n힌트: q[{self.number}].hint()")
        elif result.status == UNANSWERED and self.judge is not None:
            print(f"{result.message}\n힌트: q[{self.number}].hint(), 풀이: q[{self.number}].solution()")
        else:
            print(result.message)

    def hint(self, n: int = 1) -> None:
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(self.hints):
            print(
                f"힌트는 1번부터 {len(self.hints)}번까지 있습니다. 예: q[{self.number}].hint({min(2, len(self.hints))})"
            )
            return
        more = f" (다음 힌트: q[{self.number}].hint({n + 1}))" if n < len(self.hints) else ""
        print(f"힌트 {n}/{len(self.hints)}: {self.hints[n - 1]}{more}")

    def solution(self) -> None:
        entry = solutions().get(str(self.lesson), {}).get(str(self.number))
        if entry is None:
            print(f"{self.name}의 풀이가 패키지에 없습니다. 책의 접힌 풀이를 보세요.")
            return
        if entry.get("code"):
            print(f"풀이 코드:\n\n{entry['code']}\n")
        if entry.get("answer"):
            print(f"풀이:\n\n{entry['answer']}")


def unexpected(error: Exception) -> str:
    return (
        f"답을 확인하다가 예상하지 못한 값을 만났습니다({type(error).__name__}: {error}). "
        "답의 종류(숫자, 배열, 모델)가 문제에서 말한 것과 같은지 보세요."
    )


@cache
def solutions() -> dict:
    """The reference code and model answers, written once in lessons_py and stored by scripts/sync.py."""
    return json.loads(resources.files("helpers.exercises").joinpath("solutions.json").read_text(encoding="utf-8"))


class Lesson(Sequence):
    """A lesson's exercises, numbered from 1 as in the book: `q[2].check(answer)`, then `q.progress()`."""

    def __init__(self, number: int, exercises: Sequence[Exercise]):
        self.number = number
        self._exercises = list(exercises)
        self.status: dict[int, str] = {}
        for index, exercise in enumerate(self._exercises, start=1):
            exercise.lesson, exercise.number, exercise._record = number, index, self._remember

    def _remember(self, number: int, status: str) -> None:
        self.status[number] = status

    def __getitem__(self, number):
        if isinstance(number, slice) or not isinstance(number, int):
            raise IndexError(f"연습 문제 번호는 1부터 {len(self)}까지의 정수입니다. 받은 값: {number!r}")
        if not 1 <= number <= len(self._exercises):
            raise IndexError(f"{self.number}장의 연습 문제는 1번부터 {len(self)}번까지 있습니다. 받은 번호: {number}")
        return self._exercises[number - 1]

    def __len__(self) -> int:
        return len(self._exercises)

    def __iter__(self):
        return iter(self._exercises)

    def summary(self) -> dict:
        checkable = [e.number for e in self if e.checkable]
        return {
            "checkable": checkable,
            "thinking": [e.number for e in self if not e.checkable],
            "passed": [n for n in checkable if self.status.get(n) == CORRECT],
            "status": dict(self.status),
        }

    def progress(self) -> None:
        summary = self.summary()
        total, passed = len(summary["checkable"]), len(summary["passed"])
        line = f"이 장의 연습 문제 {total}개 중 {passed}개를 맞혔습니다."
        left = [n for n in summary["checkable"] if n not in summary["passed"]]
        if left:
            line += " 남은 문제: " + ", ".join(f"{n}번" for n in left) + "."
        if summary["thinking"]:
            line += (
                " 생각해 보는 문제(" + ", ".join(f"{n}번" for n in summary["thinking"]) + ")는 풀이와 견주어 보세요."
            )
        print(line)
