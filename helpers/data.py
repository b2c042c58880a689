"""Fashion-MNIST: offline loading, the class names, scaling and the train/validation split."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import shutil
import zlib
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from helpers.files import write_atomically
from helpers.messages import bilingual
from helpers.validation import (
    NUM_CLASSES,
    Check,
    check_choice,
    check_images,
    check_labels,
    check_same_length,
    check_seed,
    is_int,
    is_number,
    kind_and_range,
)

DATA_DIR_VARIABLE = "FASHION_MNIST_DIR"
DEBIAN_DATA_DIR = Path("/usr/share/datasets/fashion-mnist")
KERAS_SUBDIR = Path("datasets") / "fashion-mnist"

# SHA-256 of the *decompressed* files: Debian recompresses them, so the .gz bytes differ from upstream.
SHA256 = {
    "train-images-idx3-ubyte.gz": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte.gz": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "t10k-images-idx3-ubyte.gz": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte.gz": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
}
FILES = tuple(SHA256)

CLASS_NAMES_KO = ("티셔츠/탑", "바지", "스웨터", "드레스", "코트", "샌들", "셔츠", "스니커즈", "가방", "앵클 부츠")
CLASS_NAMES_EN = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)

VALIDATION_FRACTION = 0.2
SPLIT_SEED = 42

_verified: dict[tuple[str, int, int], None] = {}


class DataNotFoundError(FileNotFoundError):
    """No copy of Fashion-MNIST anywhere this machine can reach."""


class CorruptDataError(ValueError):
    """A Fashion-MNIST file is truncated or its content is not the published one."""


def keras_cache_dir() -> Path:
    """The folder Keras' `fashion_mnist.load_data()` reads before it tries to download.

    Mirrors Keras: `$KERAS_HOME`, else `~/.keras` (`/tmp/.keras` when home or it is not writable).
    """
    if "KERAS_HOME" in os.environ:
        home = os.environ["KERAS_HOME"]
    else:
        user_home = os.path.expanduser("~")
        home = os.path.join(user_home if os.access(user_home, os.W_OK) else "/tmp", ".keras")
    with contextlib.suppress(OSError):  # an unwritable home is handled just below
        os.makedirs(home, exist_ok=True)
    if not os.access(home, os.W_OK):
        home = os.path.join("/tmp", ".keras")
    return Path(home) / KERAS_SUBDIR


def _source_dirs() -> list[Path]:
    dirs = []
    if os.environ.get(DATA_DIR_VARIABLE):
        dirs.append(Path(os.environ[DATA_DIR_VARIABLE]))
    dirs.append(DEBIAN_DATA_DIR)
    return dirs


def _how_to_get_data() -> str:
    return bilingual(
        "패션 MNIST 파일을 찾지 못했습니다. 다음 중 하나로 해결하세요:\n"
        "  1) Debian/Ubuntu 패키지 설치: sudo apt-get install dataset-fashion-mnist\n"
        f"  2) 네 개의 .gz 파일이 있는 폴더를 환경 변수 {DATA_DIR_VARIABLE} 로 지정\n"
        "  3) 인터넷에 연결된 곳(예: Colab)에서 실행하면 Keras가 내려받습니다.",
        "Fashion-MNIST was not found. Fix it one of three ways: 1) install the Debian package "
        f"dataset-fashion-mnist, 2) point {DATA_DIR_VARIABLE} at a folder holding the four .gz files, "
        "3) run online (e.g. Colab) and Keras downloads them.",
    )


def verify_file(path: Path) -> None:
    """Check one .gz file against the published content; raise `CorruptDataError` naming it."""
    path = Path(path)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _verified:
        return
    try:
        with gzip.open(path, "rb") as stream:
            digest = hashlib.file_digest(stream, "sha256")
    except (OSError, EOFError, zlib.error) as error:
        raise CorruptDataError(_corrupt_message(path, f"gzip: {error}")) from None
    if digest.hexdigest() != SHA256[path.name]:
        raise CorruptDataError(_corrupt_message(path, "SHA-256 mismatch"))
    _verified[key] = None


def _corrupt_message(path: Path, reason: str) -> str:
    return bilingual(
        f"데이터 파일이 손상되었거나 잘렸습니다: {path} ({reason}).\n"
        f"이 파일을 지우고 다시 실행하세요. 원본이 손상되었다면 "
        f"'sudo apt-get install --reinstall dataset-fashion-mnist'로 다시 설치하세요.",
        f"The data file {path} is corrupt or truncated ({reason}). Delete it and run again; "
        "if the source copy is damaged, reinstall the Debian package dataset-fashion-mnist.",
    )


def ensure_keras_cache() -> Path:
    """Put the four files where Keras looks, so `keras.datasets.fashion_mnist.load_data()` works offline.

    Files already in the cache are kept (Keras may have downloaded them online); each copy is verified.
    Returns the cache folder. Raises `DataNotFoundError` when a file is in no source folder.
    """
    cache = keras_cache_dir()
    missing = [name for name in FILES if not (cache / name).is_file()]
    if missing:
        sources = [d for d in _source_dirs() if all((d / name).is_file() for name in missing)]
        if not sources:
            raise DataNotFoundError(_how_to_get_data())
        cache.mkdir(parents=True, exist_ok=True)
        for name in missing:
            verify_file(sources[0] / name)
            # several processes filling an empty cache at once each put a whole copy in place (all are identical)
            write_atomically(cache / name, partial(shutil.copyfile, sources[0] / name), elsewhere="KERAS_HOME")
    for name in FILES:
        verify_file(cache / name)
    return cache


def load_fashion_mnist():
    """`((x_train, y_train), (x_test, y_test))`, exactly as `keras.datasets.fashion_mnist.load_data()`.

    Offline it first fills Keras' cache from `$FASHION_MNIST_DIR` or the Debian package; online with no
    local copy, Keras downloads as usual and the result is verified.
    """
    from keras.datasets import fashion_mnist

    try:
        ensure_keras_cache()
    except DataNotFoundError:
        try:
            result = fashion_mnist.load_data()
        except Exception:  # no network: urllib/Keras errors say nothing useful to a learner
            raise DataNotFoundError(_how_to_get_data()) from None
        ensure_keras_cache()
        return result
    return fashion_mnist.load_data()


def scale_images(images) -> np.ndarray:
    """uint8 (N, 28, 28[, 1]) images to float32 in [0, 1] with a channel axis: (N, 28, 28, 1).

    float32 is what Keras computes in anyway; float64 (the seeds' `/ 255.0`) doubles the memory.
    """
    images = check_images(images, "images", dtype="uint8")
    return (images.reshape(-1, 28, 28, 1) / np.float32(255.0)).astype(np.float32, copy=False)


check_fraction = Check(
    kind_and_range(
        is_number,
        lambda v: 0 < v < 1,
        "{name}은(는) 0보다 크고 1보다 작은 비율이어야 합니다(예: 0.2).",
        "{name} must be a fraction between 0 and 1 (exclusive), such as 0.2.",
    ),
    float,
)


def split_train_val(images, labels, val_fraction: float = VALIDATION_FRACTION, seed: int = SPLIT_SEED):
    """The seeds' split: `train_test_split(..., test_size=0.2, random_state=42)` → x_train, x_val, y_train, y_val."""
    from sklearn.model_selection import train_test_split

    images = check_images(images, "images")
    labels = check_labels(labels, "labels")
    check_same_length(images, labels)
    val_fraction = check_fraction(val_fraction, "val_fraction")
    return train_test_split(images, labels, test_size=val_fraction, random_state=check_seed(seed))


@dataclass(frozen=True)
class DataSplits:
    """Scaled images (float32, N×28×28×1) and integer labels for the three sets."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(getattr(self, 'x_' + name)):,}" for name in ("train", "val", "test"))
        return f"DataSplits({sizes})"


def load_splits() -> DataSplits:
    """Lesson 4 in one call: load, scale, and split 48,000 / 12,000, plus the 10,000 test images.

    Splits the uint8 images before scaling them, the reverse of lesson 4's order with the same result: the split
    then copies 1-byte pixels instead of 4-byte ones, and the float32 arrays are made once, at their final size.
    """
    (train_images, train_labels), (test_images, test_labels) = load_fashion_mnist()
    x_train, x_val, y_train, y_val = split_train_val(train_images, train_labels)
    return DataSplits(
        scale_images(x_train), y_train, scale_images(x_val), y_val, scale_images(test_images), test_labels
    )


check_class_index = Check(
    kind_and_range(
        is_int,
        lambda v: 0 <= v < NUM_CLASSES,
        "클래스 번호는 0~{last}의 정수여야 합니다.",
        "A class index must be an integer in 0..{last}.",
    ),
    int,
)


def class_name(label, lang: str = "ko") -> str:
    """The name of one class index, in Korean (`'ko'`) or English (`'en'`)."""
    names = {"ko": CLASS_NAMES_KO, "en": CLASS_NAMES_EN}
    check_choice(lang, tuple(names), "lang")
    return names[lang][check_class_index(label)]
