"""helpers.show_error(): the real Keras error, as `%xmode Minimal` shows it, and the notebook goes on."""

import numpy as np
import pytest
from IPython.core.ultratb import AutoFormattedTB

import helpers
from helpers.demo_errors import NO_ERROR, minimal_text


def ipython_minimal(error: BaseException) -> str:
    """What IPython prints for `error` under `%xmode Minimal`, colour codes left as the error carries them."""
    formatter = AutoFormattedTB(mode="Minimal", theme_name="nocolor")
    return "".join(formatter.structured_traceback(type(error), error, error.__traceback__))


def raised_by(action) -> BaseException:
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def test_a_keras_error_is_printed_as_xmode_minimal_prints_it_and_swallowed(capsys):
    import keras

    with helpers.show_error():
        # A rate outside [0, 1) raises on every Keras in range; the seeds' Dropout(0, 4) raises only from Keras 3.13
        keras.layers.Dropout(1.5)
    after = "the next line runs"
    printed = capsys.readouterr().out
    expected = ipython_minimal(raised_by(lambda: keras.layers.Dropout(1.5)))
    assert printed == expected
    assert printed.startswith("ValueError: Invalid value received for argument `rate`.")
    assert after


def test_an_error_raised_in_a_layer_call_is_shown_without_terminal_codes(capsys):
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.MaxPooling2D(2)])
    one_image = np.zeros((28, 28, 1), "float32")  # no batch axis: lesson 7's mistake
    with helpers.show_error():
        model.predict(one_image, verbose=0)
    printed = capsys.readouterr().out
    error = raised_by(lambda: model.predict(one_image, verbose=0))
    assert "\x1b[" in str(error), "Keras no longer bolds layer-call errors: this test lost its point"
    assert "\x1b[" not in printed
    assert printed == minimal_text(error) + "\n"
    assert printed.startswith("ValueError: Exception encountered when calling MaxPooling2D.call().")
    assert "Negative dimension size caused by subtracting 2 from 1" in printed


def test_the_type_name_and_notes_follow_ipython(capsys):
    import keras

    error = raised_by(lambda: keras.callbacks.EarlyStopping(patiece=2))
    error.add_note("노트 한 줄")
    assert minimal_text(error) + "\n" == ipython_minimal(error)
    assert minimal_text(error).startswith("TypeError: EarlyStopping.__init__() got an unexpected keyword argument")


def test_a_block_without_an_error_says_so_in_korean_and_goes_on(capsys):
    import keras

    with helpers.show_error():
        layer = keras.layers.Dropout(0.4)  # the corrected line raises nothing
    assert capsys.readouterr().out == NO_ERROR + "\n"
    assert layer.rate == 0.4
    assert "오류 없이" in NO_ERROR and NO_ERROR.count(".") == 1  # one Korean sentence


def test_an_interrupt_still_stops_the_notebook():
    with pytest.raises(KeyboardInterrupt), helpers.show_error():
        raise KeyboardInterrupt
