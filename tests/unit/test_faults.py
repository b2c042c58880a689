"""Fault injection for the run store and the data cache: kills at chosen points, damaged files, parallel processes and
a full disk. Each case must end with nothing lost and no manual repair: the same weights, bit for bit, and the same
history as a run that never met the fault (issue 12). README's fault table lists these tests."""

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import filelock
import pytest

import helpers
from helpers import data, runstore
from helpers.fingerprints import weights_sha256

pytestmark = pytest.mark.slow  # every test here trains or starts processes

ROOT = Path(__file__).resolve().parents[2]

TINY = helpers.RunMode("tiny", epochs=3, train_limit=1000, val_limit=500)
SMALL = helpers.Recipe(model={"filters": [4], "dense_units": 8})  # where the point is the store, not the model

# Patches the store's one atomic-write helper to SIGKILL the process, as a power cut would stop it, at a file: just
# before it is written ("before"), written under its temporary name but not renamed ("during"), or just after.
KILL_AT = textwrap.dedent(
    """
    def kill_at(when, name):
        import os, signal, sys
        from pathlib import Path
        from helpers import files

        write_atomically = files.write_atomically

        def die():
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)

        def killing(path, write, *args, **kwargs):
            if Path(path).name != name:
                return write_atomically(path, write, *args, **kwargs)
            if when == "before":
                die()
            if when == "during":
                return write_atomically(path, lambda temporary: (write(temporary), die()), *args, **kwargs)
            write_atomically(path, write, *args, **kwargs)
            die()

        files.write_atomically = killing
    """
)

# A training in a fresh interpreter, as a second kernel or a rerun after a crash would do it. Prints one JSON line.
DRIVER = KILL_AT + textwrap.dedent(
    """
    import json, os, signal, sys, time
    from pathlib import Path
    import helpers, keras
    from helpers.fingerprints import weights_sha256

    args = json.loads(sys.argv[1])
    mode, recipe = helpers.RunMode(**args["mode"]), helpers.Recipe(**args["recipe"])
    data = helpers.load_splits()
    if args.get("kill_at"):
        kill_at(*args["kill_at"])

    class KillMidEpoch(keras.callbacks.Callback):  # SIGKILL in the middle of 0-based epoch `at`
        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch
        def on_train_batch_end(self, batch, logs=None):
            if self.epoch == args["kill_in_epoch"] and batch == 10:
                os.kill(os.getpid(), signal.SIGKILL)

    callbacks = [KillMidEpoch()] if args.get("kill_in_epoch") is not None else []
    if args.get("barrier"):  # start together with the other processes
        Path(args["barrier"], f"{os.getpid()}.ready").touch()
        while len(list(Path(args["barrier"]).glob("*.ready"))) < args["parties"]:
            time.sleep(0.02)
    run = helpers.train_or_load(recipe, mode=mode, data=data, verbose=0, extra_callbacks=callbacks)
    print(json.dumps({"sha": weights_sha256(run.model), "history": run.history, "loaded": run.loaded}))
    """
)


def as_args(recipe=SMALL, mode=TINY, **more) -> str:
    return json.dumps({"recipe": dataclasses.asdict(recipe), "mode": dataclasses.asdict(mode), **more})


def python_env(models, **more) -> dict:
    """The store in `models`, and the helpers of this checkout even where another one is installed in the venv."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "COURSE_MODEL_DIR": str(models), "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": path, **more}


def start(script, argument, env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(script), argument], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out, err


def result_of(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    path = tmp_path_factory.mktemp("driver") / "driver.py"
    path.write_text(DRIVER)
    return path


def reference(recipe, splits, folder):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSE_MODEL_DIR", str(folder))
        run = helpers.train_or_load(recipe, mode=TINY, data=splits, verbose=0)
    return weights_sha256(run.model), run.history


@pytest.fixture(scope="module")
def lesson_reference(splits, tmp_path_factory):
    """Lesson 6's model (the real build_cnn) on TINY, never interrupted."""
    return reference(helpers.Recipe(), splits, tmp_path_factory.mktemp("lesson-reference"))


@pytest.fixture(scope="module")
def small_reference(splits, tmp_path_factory):
    return reference(SMALL, splits, tmp_path_factory.mktemp("small-reference"))


def assert_bilingual_notice(text: str, korean: str, english: str) -> None:
    assert korean in text and english in text and text.index(korean) < text.index(english), text


# --- kill -9 at chosen points ----------------------------------------------------------------------------------------

KILLS = [
    {"kill_in_epoch": 1},  # mid-epoch 2: backup of epoch 1 only
    {"kill_at": ["during", "e0002.weights.h5"]},  # mid-backup: weights under a temporary name
    {"kill_at": ["before", "e0003.state.json"]},  # epoch 3's weights saved, its state not
    {"kill_at": ["before", "manifest.json"]},  # final files written, not yet committed
    {"kill_at": ["after", "manifest.json"]},  # committed, backup not yet removed
]


def test_sigkill_at_every_point_resumes_to_the_same_weights(driver, lesson_reference, splits, tmp_path, monkeypatch):
    """One training killed five times in a row with SIGKILL, each rerun resuming where the last stopped."""
    models = tmp_path / "models"
    recipe = helpers.Recipe()
    monkeypatch.setenv("COURSE_MODEL_DIR", str(models))
    for index, args in enumerate(KILLS):
        code, out, err = finish(start(driver, as_args(recipe, **args), python_env(models)))
        assert code == -9, (args, err[-2000:])
        if index < 4:  # nothing finished yet, and nothing half-written may pass for a finished run
            assert helpers.find_run(recipe, mode=TINY, data=splits) is None
        if index > 0:
            assert "이어서" in out or "저장을 마칩니다" in out, out
    code, out, err = finish(start(driver, as_args(recipe), python_env(models)))
    assert code == 0, err[-2000:]
    result = result_of(out)
    assert result["loaded"]  # the kill after the commit left a finished run
    assert (result["sha"], result["history"]) == lesson_reference
    assert not list(models.glob("*/backup")) and not list(models.rglob("*.tmp.*"))


# --- damaged files ---------------------------------------------------------------------------------------------------


def damage(path, how):
    if how == "truncate":
        path.write_bytes(path.read_bytes()[:96])  # what a kill during the first backup used to leave
    elif how == "flip":
        content = bytearray(path.read_bytes())
        content[len(content) // 2] ^= 0xFF
        path.write_bytes(bytes(content))
    elif how == "garbage":
        path.write_bytes(b"\x00\x01 not what was written")
    elif how == "edit":
        content = json.loads(path.read_text())
        content["history"]["loss"][0] += 0.25  # still valid JSON, no longer what was recorded
        path.write_text(json.dumps(content))
    elif how == "missing":
        path.unlink()


FINISHED_DAMAGE = [
    ("model.weights.h5", "truncate"),
    ("model.weights.h5", "flip"),
    ("model.weights.h5", "missing"),
    ("history.json", "garbage"),
    ("history.json", "edit"),
    ("recipe.json", "garbage"),
    ("manifest.json", "garbage"),
    ("manifest.json", "truncate"),
]


@pytest.mark.parametrize("name, how", FINISHED_DAMAGE, ids=[f"{n}-{h}" for n, h in FINISHED_DAMAGE])
def test_a_damaged_finished_run_is_moved_aside_and_trained_again(name, how, small_reference, splits, store, capsys):
    first = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    damage(first.folder / name, how)
    run = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    out = capsys.readouterr().out
    assert not run.loaded and (weights_sha256(run.model), run.history) == small_reference
    assert_bilingual_notice(out, f"손상되었습니다: {name}", f"damaged: {name}")
    assert "처음부터 다시 훈련합니다" in out and "Training again from the start" in out
    aside = list(store.glob(f"{first.folder.name}.damaged-*"))
    assert len(aside) == 1 and (how == "missing" or (aside[0] / name).is_file())
    assert helpers.find_run(SMALL, mode=TINY, data=splits).loaded


def test_find_run_moves_a_damaged_run_aside_and_finds_nothing(splits, store, capsys):
    first = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    damage(first.folder / "model.weights.h5", "flip")
    assert helpers.find_run(SMALL, mode=TINY, data=splits) is None
    assert_bilingual_notice(capsys.readouterr().out, "손상되었습니다: model.weights.h5", "damaged: model.weights.h5")
    assert not (first.folder / "manifest.json").exists()


BACKUP_DAMAGE = {
    "newest-weights-truncated": ([("e0002.weights.h5", "truncate")], "이전 에포크의 백업에서"),
    "newest-state-garbage": ([("e0002.state.json", "garbage")], "이전 에포크의 백업에서"),
    "newest-state-edited": ([("e0002.state.json", "edit")], "이전 에포크의 백업에서"),
    "every-backup-damaged": ([("e0002.weights.h5", "flip"), ("e0001.weights.h5", "truncate")], "처음부터"),
    "finished-files-damaged-backup-good": ([("../manifest.json", "garbage")], "마지막으로 온전한 백업에서"),
}


@pytest.mark.parametrize("case", BACKUP_DAMAGE)
def test_a_damaged_backup_falls_back_to_the_last_good_one(case, small_reference, splits, store, crash_at, capsys):
    with pytest.raises(KeyboardInterrupt):
        helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0, extra_callbacks=[crash_at(2)])
    backup = next(store.glob("tiny-cnn-*")) / "backup"
    for name, how in BACKUP_DAMAGE[case][0]:
        damage(backup / name, how)
    run = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    out = capsys.readouterr().out
    assert (weights_sha256(run.model), run.history) == small_reference
    assert_bilingual_notice(out, "손상되었습니다", "damaged")
    assert BACKUP_DAMAGE[case][1] in out


def test_leftovers_of_a_killed_writer_are_ignored(small_reference, splits, store, crash_at):
    """A 96-byte weights file no state names and a temporary file: what a kill mid-write leaves, never loaded."""
    with pytest.raises(KeyboardInterrupt):
        helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0, extra_callbacks=[crash_at(2)])
    backup = next(store.glob("tiny-cnn-*")) / "backup"
    (backup / "e0003.weights.h5").write_bytes(b"\x89HDF\r\n\x1a\n" + bytes(88))
    (backup / ".123-abcdef01.tmp.e0003.state.json").write_text('{"epoch": 3')
    run = helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    assert (weights_sha256(run.model), run.history) == small_reference
    assert not list(run.folder.rglob("*.tmp.*"))


# --- parallel processes ----------------------------------------------------------------------------------------------


def test_two_processes_with_the_same_run_train_it_once(driver, small_reference, tmp_path):
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    env = python_env(tmp_path / "models")
    processes = [start(driver, as_args(barrier=str(barrier), parties=2), env) for _ in range(2)]
    finished = [finish(process) for process in processes]
    for code, _, err in finished:
        assert code == 0, err[-2000:]
    results = [result_of(out) for _, out, _ in finished]
    assert sorted(result["loaded"] for result in results) == [False, True]
    for result in results:
        assert (result["sha"], result["history"]) == small_reference
    waited = next(out for (_, out, _), result in zip(finished, results, strict=True) if result["loaded"])
    assert_bilingual_notice(waited, "끝나기를 기다립니다", "waiting for it")


def hold_lock(store, splits):
    folder = runstore.run_directory(SMALL, TINY, 42, splits)
    lock = filelock.FileLock(store / ".locks" / f"{folder.name}.lock")
    lock.acquire()
    return lock


def test_a_lock_held_too_long_is_a_clear_error(splits, store, capsys):
    helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0)
    lock = hold_lock(store, splits)
    try:
        with pytest.raises(runstore.RunLockTimeout) as caught:
            helpers.train_or_load(SMALL, mode=TINY, data=splits, verbose=0, lock_timeout=0.3)
        assert helpers.find_run(SMALL, mode=TINY, data=splits, lock_timeout=0.1) is None  # busy: nothing to give
    finally:
        lock.release()
    assert_bilingual_notice(str(caught.value), "0.3초를 기다렸지만", "Waited 0.3 s")
    assert_bilingual_notice(capsys.readouterr().out, "끝나기를 기다립니다", "waiting for it")
    assert helpers.find_run(SMALL, mode=TINY, data=splits).loaded  # the lock's holder is gone: found again


CACHE_FILLER = textwrap.dedent(
    """
    import os, sys, time, types
    from pathlib import Path
    # helpers.data without the package's __init__, which imports TensorFlow: four starts in a second, not thirty
    package = types.ModuleType("helpers")
    package.__path__ = [sys.argv[2]]
    sys.modules["helpers"] = package
    from helpers import data
    barrier = Path(sys.argv[1])
    (barrier / f"{os.getpid()}.ready").touch()
    while len(list(barrier.glob("*.ready"))) < 4:
        time.sleep(0.02)
    print(data.ensure_keras_cache())
    """
)


@pytest.mark.parametrize("round", range(3))  # a collision needs the four to overlap: three chances to show one
def test_four_processes_fill_an_empty_keras_cache_at_once(round, tmp_path):
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(CACHE_FILLER)
    env = {**os.environ, "KERAS_HOME": str(tmp_path / "keras"), "TF_CPP_MIN_LOG_LEVEL": "3"}
    command = [sys.executable, str(script), str(barrier), str(Path(data.__file__).parent)]
    processes = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]
    cache = tmp_path / "keras" / "datasets" / "fashion-mnist"
    assert sorted(path.name for path in cache.iterdir()) == sorted(data.FILES)  # no partial files left
    for name in data.FILES:
        data.verify_file(cache / name)


# --- a full disk -----------------------------------------------------------------------------------------------------

DISK_DRIVER = KILL_AT + textwrap.dedent(
    """
    import json, os, subprocess, sys
    from pathlib import Path
    import helpers
    from helpers import runstore
    from helpers.fingerprints import weights_sha256

    disk, phase = Path(sys.argv[1]), sys.argv[2]
    args = json.loads(sys.argv[3])
    mode, recipe = helpers.RunMode(**args["mode"]), helpers.Recipe(**args["recipe"])
    data = helpers.load_splits()

    def files():
        return sorted(str(p.relative_to(disk)) for p in disk.rglob("*") if p.is_file())

    def attempt():
        try:
            run = helpers.train_or_load(recipe, mode=mode, data=data, verbose=0)
        except runstore.StoreDiskFullError as error:
            found = helpers.find_run(recipe, mode=mode, data=data)
            return {"disk_full": str(error), "errno": error.errno, "files": files(), "found": found is not None}
        return {"sha": weights_sha256(run.model), "history": run.history, "loaded": run.loaded}

    if phase == "first-backup":  # 48 KiB: not even the first backup fits
        print(json.dumps(attempt()), flush=True)
        subprocess.run(["mount", "-o", "remount,size=400k", str(disk)], check=True)
        kill_at("before", "manifest.json")  # now train, and die before the commit
        attempt()
    else:  # the disk fills up before the final save: a backup complete, no room for the result
        filler = disk / "filler"
        with filler.open("wb", buffering=0) as stream:
            try:
                while True:
                    stream.write(bytes(4096))
            except OSError:
                pass
        print(json.dumps(attempt()), flush=True)
        filler.unlink()
        print(json.dumps(attempt()), flush=True)
    """
)


def can_mount_tmpfs() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs root and unshare for a tmpfs in a private mount namespace")
def test_a_full_disk_is_a_clear_error_that_loses_nothing(small_reference, tmp_path):
    """A real full disk: a 48 KiB tmpfs in a private mount namespace, then one that fills before the final save."""
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "disk_driver.py"
    script.write_text(DISK_DRIVER)
    run = f"{sys.executable} {script} {disk}"
    shell = (
        f"mount -t tmpfs -o size=48k tmpfs {disk} && "
        f"{run} first-backup '{as_args()}'; echo \"first exit $?\"; "
        f"{run} before-final '{as_args()}'; echo \"second exit $?\""
    )
    env = python_env(disk)
    result = subprocess.run(["unshare", "-m", "sh", "-c", shell], env=env, capture_output=True, text=True, timeout=600)
    lines = result.stdout.strip().splitlines()
    assert "first exit 137" in lines and "second exit 0" in lines, result.stdout + result.stderr[-3000:]
    assert "Segmentation fault" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-3000:]
    reports = [json.loads(line) for line in lines if line.startswith("{")]
    full_at_backup, full_at_final, finished = reports
    for report in (full_at_backup, full_at_final):
        assert report["errno"] == 28 and not report["found"]  # nothing that a later call could load
        assert_bilingual_notice(report["disk_full"], "디스크에 빈 공간이 없어서", "The disk is full")
        assert str(disk) in report["disk_full"]
        assert not [name for name in report["files"] if ".tmp." in name or name.endswith("manifest.json")]
    assert [name for name in full_at_backup["files"] if not name.startswith(".locks/")] == []
    assert any(name.endswith("backup/e0003.state.json") for name in full_at_final["files"])  # the backup survived
    assert not finished["loaded"] and (finished["sha"], finished["history"]) == small_reference
