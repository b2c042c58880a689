"""Errors shown on purpose: a lesson runs a failing line, the learner reads the real error, and "Run all" goes on.

Colab and Jupyter honour no cell tag, so a cell that raises on purpose would stop "Run all" there. Inside
`with helpers.show_error():` the error is printed as IPython's `%xmode Minimal` prints it (`ValueError: message`,
no traceback, no terminal colour codes) and the notebook continues.
"""

from __future__ import annotations

import contextlib
import re

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")  # Keras bolds the message of an error raised inside a layer call

# Printed, not raised, when the block runs without an error: a learner whose Keras no longer raises here keeps going
# ("Run all" must reach the end); the book's tests look for this sentence in every output.
NO_ERROR = (
    "오류가 나야 하는 셀인데 오류 없이 끝났습니다"
    "(코드를 바꾸었거나, 설치된 Keras가 이 책을 만든 버전과 다르게 동작하는 경우입니다)."
)


def minimal_text(error: BaseException) -> str:
    """`Type: message` and the exception's notes, one line each, as `%xmode Minimal` shows them, without colours."""
    message = str(error)
    lines = [f"{type(error).__name__}: {message}" if message else type(error).__name__]
    lines += [str(note) for note in getattr(error, "__notes__", ())]
    return ANSI.sub("", "\n".join(lines))


@contextlib.contextmanager
def show_error():
    """Run the block; print the error it raises in `%xmode Minimal` form and go on. Without an error, say so.

    Only `Exception`s are caught: an interrupt (Ctrl+C, the kernel's stop button) still stops the notebook.
    """
    try:
        yield
    except Exception as error:  # any error: showing it is the point
        print(minimal_text(error))
    else:
        print(NO_ERROR)
