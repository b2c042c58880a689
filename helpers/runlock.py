"""One process at a time per run: the lock a process holds while it checks, trains or saves a run.

`<model_dir>/.locks/<run folder name>.lock`, held with `filelock` (flock on Linux and macOS, file locking on Windows):
the system drops it when its holder dies, even by SIGKILL, so a crashed kernel never blocks the next one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import filelock

from helpers.messages import bilingual


class RunLockTimeout(TimeoutError):
    """Another process held a run's lock for longer than the caller would wait."""


@contextlib.contextmanager
def run_lock(folder: Path, timeout: float, waiting_message: bool = True):
    """Hold the run's lock. Yields True, or False when `timeout` passed first and `waiting_message` is False."""
    lock = filelock.FileLock(folder.parent / ".locks" / f"{folder.name}.lock")
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        if waiting_message:
            print(
                bilingual(
                    f"다른 프로세스(다른 커널)가 같은 훈련을 진행하고 있어서 끝나기를 기다립니다: {folder.name}",
                    f"Another process (another kernel) is working on the same run; waiting for it: {folder.name}",
                ),
                flush=True,
            )
        try:
            lock.acquire(timeout=timeout, poll_interval=0.2)
        except filelock.Timeout:
            if not waiting_message:
                yield False
                return
            raise RunLockTimeout(
                bilingual(
                    f"{timeout:g}초를 기다렸지만 다른 프로세스가 아직 {folder}를 쓰고 있습니다. 그 프로세스가 "
                    "끝난 뒤 다시 실행하거나, lock_timeout을 늘리세요.",
                    f"Waited {timeout:g} s but another process is still using {folder}; run again once it "
                    "has finished, or raise lock_timeout.",
                )
            ) from None
    try:
        yield True
    finally:
        lock.release()
