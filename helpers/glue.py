"""Numbers for the book's prose, taken from the executed cells (myst-nb glue)."""

from __future__ import annotations

import numbers


def glue(name: str, value) -> None:
    """Record `value` under `name` for `{glue:text}` in the book; does nothing where myst-nb is absent (Colab).

    NumPy scalars become plain Python numbers: a NumPy 2 repr (`np.float64(0.91)`) breaks glue's formatting.
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = int(value)
    elif isinstance(value, numbers.Real):
        value = float(value)
    elif not isinstance(value, str):
        raise TypeError(f"glue() takes a number or a string, got {type(value).__name__}")
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        return
    myst_glue(name, value, display=False)
