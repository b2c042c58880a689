"""CI's quick mode, out of the lessons' sight: with `COURSE_MODE=quick`, `keras.Model.fit` trains on the mode's share.

Lesson 6 calls `model.fit(x_train, y_train, epochs=20, validation_data=(x_val, y_val), ...)` as a learner writes it.
When the tests run every notebook with `COURSE_MODE=quick`, `import helpers` wraps `fit` so that it takes the first
`train_limit` training and `val_limit` validation examples and at most `max_epochs` epochs: the same share the run
store keys quick runs on (`RunMode.take`), so `save_trained` stores what was trained. A fit on no more than
`train_limit` examples is already small and runs as written. In full mode (learners, the book's stored outputs)
nothing is wrapped.
"""

from __future__ import annotations

import functools
import inspect

WRAPPED = "_course_quick_mode"


def _first(values, limit):
    """The first `limit` rows of an array; anything else (a dataset, a generator, None) as it is."""
    if limit is None or not hasattr(values, "shape") or not hasattr(values, "__getitem__"):
        return values
    return values[:limit]


def _larger(values, limit) -> bool:
    return limit is not None and hasattr(values, "shape") and len(values) > limit


def limited_fit(fit, mode):
    """`fit` on at most the mode's training and validation examples and epochs."""
    signature = inspect.signature(fit)

    @functools.wraps(fit)
    def quick_fit(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        arguments = bound.arguments
        if not _larger(arguments.get("x"), mode.train_limit):
            return fit(*args, **kwargs)  # already small (an exercise, lesson 1's one image for 200 epochs): as written
        for name in ("x", "y", "sample_weight"):
            if name in arguments:
                arguments[name] = _first(arguments[name], mode.train_limit)
        if isinstance(arguments.get("validation_data"), tuple):
            arguments["validation_data"] = tuple(_first(part, mode.val_limit) for part in arguments["validation_data"])
        if mode.max_epochs is not None:
            arguments["epochs"] = min(arguments.get("epochs", 1), mode.max_epochs)
        return fit(*bound.args, **bound.kwargs)

    setattr(quick_fit, WRAPPED, True)
    return quick_fit


def install(mode) -> bool:
    """Wrap `keras.Model.fit` for `mode` when it limits anything (quick); True when wrapped (once per process)."""
    if mode.train_limit is None and mode.val_limit is None and mode.max_epochs is None:
        return False
    import keras

    if not getattr(keras.Model.fit, WRAPPED, False):
        keras.Model.fit = limited_fit(keras.Model.fit, mode)
    return True
