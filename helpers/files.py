"""Writing a file so that a reader sees the old file or the whole new one, never half of one, even after a crash.

Every file helpers writes goes through `write_atomically`: written under a temporary name that no other process or
call uses, synced to disk, renamed over its target (a rename within one folder is atomic), the folder synced. A full
disk is a clear `StoreDiskFullError`, with the half-written file removed and the old file left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import uuid
from pathlib import Path

from helpers.fingerprints import file_sha256
from helpers.messages import bilingual

TEMPORARY_PATTERN = ".*.tmp.*"  # what a killed writer leaves behind: never read, removed by `remove_temporaries`


class StoreDiskFullError(OSError):
    """The disk filled up while writing; the half-written file has been removed, what was there before is kept."""


def temporary_path(path: Path) -> Path:
    """A name beside `path` that only this call uses, ending as `path` does (Keras checks the suffix)."""
    return path.with_name(f".{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp.{path.name}")


def write_atomically(path, write, elsewhere: str | None = None) -> bool:
    """`write(temporary_path)`, sync, rename over `path`. False when `write` chose to write nothing.

    `elsewhere`: the environment variable that points at another folder, named in the disk-full message."""
    path = Path(path)
    temporary = temporary_path(path)
    try:
        write(temporary)
        if not temporary.exists():
            return False
        with temporary.open("rb") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError) and (
            error.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(error)
        ):
            raise disk_full_error(path.parent, elsewhere) from None
        raise
    with contextlib.suppress(OSError):  # some file systems cannot sync a folder; the rename is atomic all the same
        descriptor = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    return True


def disk_full_error(folder: Path, elsewhere: str | None) -> StoreDiskFullError:
    if elsewhere:
        how_ko, how_en = (
            f"공간을 비우거나 {elsewhere}로 다른 폴더를 지정한 뒤",
            f"Free some space or point {elsewhere} at another folder",
        )
    else:
        how_ko, how_en = "공간을 비운 뒤", "Free some space"
    error = StoreDiskFullError(
        bilingual(
            f"디스크에 빈 공간이 없어서 {folder}에 저장하지 못했습니다. 반쯤 쓴 파일은 지웠고, 전에 온전하게 저장한 "
            f"파일은 그대로 있습니다. {how_ko} 다시 실행하세요.",
            f"The disk is full: could not save in {folder}. The half-written file was removed and the files saved "
            f"before are kept. {how_en}, then run again.",
        )
    )
    error.errno = errno.ENOSPC
    return error


def write_json(path: Path, content: dict, elsewhere: str | None = None) -> None:
    text = json.dumps(content, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"), elsewhere)


def weights_writer(model):
    """A `write` that puts `model.save_weights`' HDF5 file in place, its bytes made in memory first.

    HDF5 left with a failed write (a full disk) crashes the interpreter at exit; made in memory, a full disk is a
    plain OSError from Python's write. Keras builds the file with `H5IOStore`, which takes a BytesIO; where that
    internal API is missing, the public `save_weights` writes the file itself.
    """
    try:
        from keras.src.saving.saving_lib import H5IOStore, _save_state
    except ImportError:
        return lambda target: model.save_weights(str(target))
    buffer = io.BytesIO()
    store = H5IOStore(buffer, mode="w")
    try:
        _save_state(model, weights_store=store, assets_store=None, inner_path="", visited_saveables=set())
    finally:
        store.close()
    return lambda target: target.write_bytes(buffer.getvalue())


def file_record(path: Path) -> dict:
    """What a manifest keeps of a file to know it again: its size and SHA-256."""
    return {"size": path.stat().st_size, "sha256": file_sha256(path)}


def remove_temporaries(folder: Path) -> None:
    """Temporary files in `folder` and its subfolders, left by killed writers (call it while no writer is alive)."""
    for path in folder.rglob(TEMPORARY_PATTERN):
        with contextlib.suppress(OSError):
            path.unlink()
