"""How long training took, told honestly: every epoch's time, reported as a median with the machine (lesson 6)."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name (Linux's /proc/cpuinfo; elsewhere what the platform module knows)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_name() -> str:
    """The CPU model and core count, e.g. 'AMD EPYC, 2코어': a time means little without it."""
    return f"{cpu_model()}, {os.cpu_count()}코어"


def _callback_base():
    import keras

    return keras.callbacks.Callback


class EpochTimer(_callback_base()):
    """A Keras callback that keeps each epoch's wall-clock seconds in `.seconds` (one number per epoch)."""

    def __init__(self):
        super().__init__()
        self.seconds: list[float] = []
        self._start = None

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self._start)
