"""helpers.files, the one way helpers writes a file: whole or not at all, and a full disk said clearly (issue 16).
A real full disk, with training: test_faults.py::test_a_full_disk_is_a_clear_error_that_loses_nothing (needs root)."""

import errno
import hashlib

import pytest

from helpers import files
from helpers.fingerprints import file_sha256


def test_a_file_is_replaced_whole_and_recorded(tmp_path):
    target = tmp_path / "state.json"
    target.write_text("old")
    assert files.write_atomically(target, lambda temporary: temporary.write_text("new"))
    assert target.read_text() == "new" and [path.name for path in tmp_path.iterdir()] == ["state.json"]
    assert files.file_record(target) == {"size": 3, "sha256": hashlib.sha256(b"new").hexdigest()}
    assert file_sha256(target) == hashlib.sha256(b"new").hexdigest()


def test_a_writer_that_writes_nothing_changes_nothing(tmp_path):
    """ModelCheckpoint(save_best_only=True) writes nothing after an epoch that is not the best."""
    assert not files.write_atomically(tmp_path / "best.keras", lambda temporary: None)
    assert not list(tmp_path.iterdir())


def half_then(error):
    def write(temporary):
        temporary.write_bytes(b"half a file")
        raise error

    return write


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "model.weights.h5"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        files.write_atomically(target, half_then(KeyboardInterrupt()))
    assert target.read_bytes() == b"old" and [path.name for path in tmp_path.iterdir()] == ["model.weights.h5"]


@pytest.mark.parametrize("elsewhere", ["COURSE_MODEL_DIR", None])
def test_a_full_disk_is_a_clear_error_in_both_languages(elsewhere, tmp_path):
    full = half_then(OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(files.StoreDiskFullError) as caught:
        files.write_atomically(tmp_path / "a.json", full, elsewhere)
    korean, english = str(caught.value).split("\n")
    assert korean.startswith("디스크에 빈 공간이 없어서") and english.startswith("The disk is full")
    assert str(tmp_path) in korean and str(tmp_path) in english and caught.value.errno == errno.ENOSPC
    assert (f"{elsewhere}로" in korean and elsewhere in english) if elsewhere else "공간을 비운 뒤" in korean
    assert not list(tmp_path.iterdir())


def test_temporaries_of_killed_writers_are_removed_and_nothing_else(tmp_path):
    (tmp_path / "backup").mkdir()
    left = [tmp_path / ".123-abcdef01.tmp.history.json", tmp_path / "backup" / ".9-00000000.tmp.e0001.weights.h5"]
    kept = [tmp_path / "history.json", tmp_path / "backup" / "e0001.weights.h5"]
    for path in left + kept:
        path.write_text("x")
    files.remove_temporaries(tmp_path)
    assert sorted(path for path in tmp_path.rglob("*") if path.is_file()) == sorted(kept)
