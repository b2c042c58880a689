import gzip
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import helpers
from helpers import data

SOURCE = Path(os.environ.get("FASHION_MNIST_DIR") or data.DEBIAN_DATA_DIR)


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    """A fresh interpreter: Keras reads KERAS_HOME once, at import."""
    full_env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=full_env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_seed_call_works_offline_from_an_empty_keras_cache(tmp_path):
    # The seeds' own call, with an empty cache; http(s) proxies point nowhere so a download would fail fast.
    result = run_python(
        """
        import helpers, keras
        helpers.ensure_keras_cache()
        (x, y), (xt, yt) = keras.datasets.fashion_mnist.load_data()
        print(x.shape, y.shape, xt.shape, yt.shape, x.dtype)
        """,
        {
            "KERAS_HOME": str(tmp_path / "keras"),
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "HTTP_PROXY": "http://127.0.0.1:9",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "(60000, 28, 28) (60000,) (10000, 28, 28) (10000,) uint8" in result.stdout
    assert sorted(p.name for p in (tmp_path / "keras" / "datasets" / "fashion-mnist").iterdir()) == sorted(data.FILES)


def test_load_fashion_mnist_matches_keras_layout(splits):
    (x_train, y_train), (x_test, y_test) = helpers.load_fashion_mnist()
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60000,) and set(np.unique(y_train)) == set(range(10))
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    assert np.bincount(y_test).tolist() == [1000] * 10


@pytest.mark.slow
def test_missing_data_lists_the_three_ways_to_get_it(tmp_path):
    # Hide the Debian copy by pointing the module at an empty folder; an unreachable proxy stands in for no network.
    code = f"""
    import helpers.data as d, pathlib
    d.DEBIAN_DATA_DIR = pathlib.Path({str(tmp_path / "empty")!r})
    d.load_fashion_mnist()
    """
    result = run_python(
        code,
        {
            "KERAS_HOME": str(tmp_path / "keras"),
            "FASHION_MNIST_DIR": "",
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "HTTP_PROXY": "http://127.0.0.1:9",
        },
    )
    assert result.returncode != 0
    error = result.stderr.split("Traceback")[-1]
    assert "DataNotFoundError" in error
    for hint in ("dataset-fashion-mnist", "FASHION_MNIST_DIR", "Colab"):
        assert hint in error
    assert not list((tmp_path / "keras" / "datasets" / "fashion-mnist").glob("*.gz"))


@pytest.mark.parametrize("damage", ["truncate", "corrupt"])
def test_damaged_file_is_named_with_the_fix(tmp_path, damage):
    name = "train-labels-idx1-ubyte.gz"
    raw = (SOURCE / name).read_bytes()
    broken = tmp_path / name
    if damage == "truncate":
        broken.write_bytes(raw[: len(raw) // 2])
    else:
        content = bytearray(gzip.decompress(raw))
        content[100] ^= 0xFF
        broken.write_bytes(gzip.compress(bytes(content)))
    with pytest.raises(data.CorruptDataError) as caught:
        data.verify_file(broken)
    message = str(caught.value)
    assert str(broken) in message and "손상" in message and "reinstall" in message


def test_corrupt_cache_file_is_caught_before_keras_reads_it(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    cache = data.keras_cache_dir()
    cache.mkdir(parents=True)
    for name in data.FILES:
        (cache / name).write_bytes((SOURCE / name).read_bytes())
    (cache / data.FILES[0]).write_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(data.CorruptDataError, match="train-images"):
        data.ensure_keras_cache()


def test_class_names():
    assert helpers.CLASS_NAMES_KO[0] == "티셔츠/탑" and helpers.CLASS_NAMES_KO[9] == "앵클 부츠"
    assert len(set(helpers.CLASS_NAMES_KO)) == len(set(helpers.CLASS_NAMES_EN)) == 10
    assert helpers.class_name(np.int64(7)) == "스니커즈"
    assert helpers.class_name(1, lang="en") == "Trouser"


def test_scale_images_gives_float32_in_unit_range_with_channel_axis():
    raw = np.array([[[0] * 28] * 28, [[255] * 28] * 28], dtype=np.uint8)
    scaled = helpers.scale_images(raw)
    assert scaled.shape == (2, 28, 28, 1) and scaled.dtype == np.float32
    assert scaled.min() == 0.0 and scaled.max() == 1.0


def test_split_is_the_seeds_80_20(splits):
    assert (len(splits.x_train), len(splits.x_val), len(splits.x_test)) == (48000, 12000, 10000)
    assert splits.x_train.dtype == np.float32 and splits.x_train.shape[1:] == (28, 28, 1)
    # random_state=42 as in the seeds: the same first labels every time
    (x, y), _ = helpers.load_fashion_mnist()
    _, _, y_train, y_val = helpers.split_train_val(x, y)
    assert np.array_equal(y_train, splits.y_train) and np.array_equal(y_val, splits.y_val)


def test_load_splits_matches_lesson_4_done_by_hand():
    """load_splits() splits before scaling to save memory; the arrays must equal lesson 4's scale-then-split."""
    (images, labels), (test_images, test_labels) = helpers.load_fashion_mnist()
    x_train, x_val, y_train, y_val = helpers.split_train_val(helpers.scale_images(images), labels)
    splits = helpers.load_splits()
    for mine, expected in [
        (splits.x_train, x_train),
        (splits.x_val, x_val),
        (splits.y_train, y_train),
        (splits.y_val, y_val),
        (splits.x_test, helpers.scale_images(test_images)),
        (splits.y_test, test_labels),
    ]:
        assert mine.dtype == expected.dtype and np.array_equal(mine, expected)
    assert splits.x_train.shape == (48000, 28, 28, 1) and splits.x_train.dtype == np.float32
