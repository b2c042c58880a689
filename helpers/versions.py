"""The TensorFlow and Keras versions this course is tested on, and the one sentence a learner outside them reads.

`make test-compat` runs every lesson on the lowest and the newest of each (and on Colab's), so these bounds are
the range that CI proves; README.md and pyproject.toml state the same (a test keeps them equal).
"""

from __future__ import annotations

import re

# (lowest, highest) minor release tested; the lowest exact versions are scripts/compat.py's LOWEST.
TESTED = {"TensorFlow": ((2, 18), (2, 21)), "Keras": ((3, 8), (3, 15))}
PYTHON = ((3, 11), (3, 12))


def minor(version: str) -> tuple[int, int]:
    """'2.19.1' or '2.22.0-dev20260101' -> (2, 19) / (2, 22)."""
    found = re.match(r"(\d+)\.(\d+)", version)
    if not found:
        raise ValueError(f"not a version: {version!r}")
    return int(found[1]), int(found[2])


def shown(bounds: tuple[tuple[int, int], tuple[int, int]]) -> str:
    (low_major, low_minor), (high_major, high_minor) = bounds
    return f"{low_major}.{low_minor}~{high_major}.{high_minor}"


def untested(installed: dict[str, str] | None = None) -> dict[str, str]:
    """The installed TensorFlow and Keras whose minor release lies outside TESTED, by name."""
    if installed is None:
        import keras
        import tensorflow as tf

        installed = {"TensorFlow": tf.__version__, "Keras": keras.__version__}
    return {
        name: version for name, version in installed.items() if not TESTED[name][0] <= minor(version) <= TESTED[name][1]
    }


def say_if_untested(installed: dict[str, str] | None = None) -> None:
    """One Korean sentence when TensorFlow or Keras is outside the tested range (the lessons go on regardless)."""
    outside = untested(installed)
    if outside:
        found = ", ".join(f"{name} {version}" for name, version in outside.items())
        tested = ", ".join(f"{name} {shown(bounds)}" for name, bounds in TESTED.items())
        print(
            f"이 책은 {tested}에서 시험했으므로 지금 설치된 {found}에서는 실행 결과나 오류 메시지가 책과 다를 수 "
            "있지만, 그대로 진행합니다."
        )
