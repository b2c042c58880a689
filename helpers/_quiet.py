"""Import TensorFlow without its start-up notes on stderr (they would land in notebook outputs)."""

from __future__ import annotations

import os
import re
import sys
import tempfile

# Written by C++ at import, before TF_CPP_MIN_LOG_LEVEL is read: oneDNN's "custom operations are on" and
# absl's note that comes before it. Anything else TensorFlow writes still gets through.
START_UP_NOTES = re.compile(r"oneDNN custom operations are on|All log messages before absl::InitializeLog")


def without_start_up_notes(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not START_UP_NOTES.search(line))


def import_tensorflow_quietly() -> None:
    if "tensorflow" in sys.modules:
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            import tensorflow  # noqa: F401
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            caught.seek(0)
            rest = without_start_up_notes(caught.read().decode("utf-8", errors="replace"))
            if rest:
                sys.stderr.write(rest)
                sys.stderr.flush()
