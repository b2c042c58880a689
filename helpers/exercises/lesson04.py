"""4장 데이터 준비: the judges and hints of its exercises."""

from functools import cache

import numpy as np

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong


def stratified(val_counts):
    counts = expect.array(np.asarray(val_counts) if isinstance(val_counts, list) else val_counts, "val_counts")
    if counts.ndim == 1 and counts.size > 10:
        raise Wrong(f"레이블 {counts.size}개가 그대로 들어 있습니다. np.bincount(...)로 클래스별 개수를 세세요.")
    if counts.shape != (10,):
        raise Wrong(f"val_counts의 모양이 {counts.shape}입니다. 클래스 10개의 개수, 모양 (10,)이어야 합니다.")
    if counts.sum() == 48000:
        raise Wrong("훈련 세트의 개수입니다. 검증 세트(두 번째로 돌려받는 레이블)의 개수를 세세요.")
    if counts.sum() != 12000:
        raise Wrong(f"개수의 합이 {int(counts.sum())}입니다. 60,000장의 20%인 12,000장이어야 합니다.")
    if not np.all(counts == 1200):
        raise Wrong("합은 12,000장이지만 클래스마다 개수가 다릅니다. stratify=y_train_all을 빠뜨렸나요?")
    return "클래스마다 정확히 1,200장입니다."


def memory(shape, mb_float32, mb_float64):
    got = expect.shape(shape, "shape")
    if got == (50000, 32, 32):
        raise Wrong("채널 축이 빠졌습니다. 컬러 이미지는 채널이 3개입니다.")
    if got != (50000, 32, 32, 3):
        raise Wrong(f"모양 {got}이(가) 다릅니다. (샘플, 높이, 너비, 채널) 순서입니다.")
    single, double = expect.number(mb_float32, "mb_float32"), expect.number(mb_float64, "mb_float64")
    elements = 50000 * 32 * 32 * 3
    if expect.close(single, elements * 4 / 2**20, 0.1):
        raise Wrong("1 MB를 1,048,576바이트(MiB)로 계산했습니다. 이 문제의 MB는 1,000,000바이트입니다.")
    if expect.close(single, elements * 4, 1):
        raise Wrong("바이트 수입니다. 1,000,000으로 나누어 MB로 바꾸세요.")
    if expect.close(single, elements / 1e6, 0.1):
        raise Wrong("원소 수를 MB로 옮겼습니다. float32는 원소당 4바이트입니다.")
    if not expect.close(single, elements * 4 / 1e6, 0.1):
        raise Wrong("float32의 크기가 다릅니다. 원소 수 × 4바이트를 1,000,000으로 나누세요.")
    if not expect.close(double, elements * 8 / 1e6, 0.1):
        raise Wrong("float32는 맞지만 float64가 다릅니다. float64는 원소당 8바이트입니다.")


@cache
def class_means() -> np.ndarray:
    """Each class's mean over all 60,000 training images, scaled to 0~1."""
    from helpers.data import load_fashion_mnist

    (images, labels), _ = load_fashion_mnist()
    return np.stack([images[labels == k].mean(axis=0) / 255.0 for k in range(10)])[..., None]


def mean_images(means):
    got = expect.array(means, "means")
    if got.shape in ((28, 28, 1), (28, 28)):
        raise Wrong("평균 이미지가 한 장뿐입니다. 클래스 10개마다 한 장씩, np.stack([...])으로 모으세요.")
    if got.shape == (10, 28, 28):
        got = got[..., None]
    if got.shape != (10, 28, 28, 1):
        raise Wrong(f"means의 모양이 {got.shape}입니다. (10, 28, 28, 1)이어야 합니다.")
    if got.max() > 1.5:
        raise Wrong("값이 0~255입니다. 255로 나눈 x_train으로 평균을 내세요.")
    difference = np.abs(got - class_means()).max()
    if difference > 0.03:
        order = [int(np.abs(got[k] - class_means()).mean(axis=(1, 2, 3)).argmin()) for k in range(10)]
        if order != list(range(10)):
            raise Wrong("평균 이미지의 순서가 클래스 번호(0~9)와 다릅니다. means[k]가 클래스 k의 평균이어야 합니다.")
        raise Wrong("평균 이미지가 클래스의 평균과 다릅니다. x_train[y_train == k].mean(axis=0)을 쓰세요.")
    return "평균 이미지가 클래스마다 0.03 안에서 맞습니다. 어떤 클래스끼리 닮았는지 그림으로 보세요."


EXERCISES = [
    Exercise(
        "층화 분할",
        (
            "train_test_split(y_train_all, test_size=0.2, random_state=42, stratify=y_train_all).",
            "np.bincount(y_val_strat)가 클래스별 개수입니다.",
        ),
        stratified,
    ),
    Exercise(
        "컬러 이미지의 메모리",
        ("원소 수 = 50,000 × 32 × 32 × 3.", "float32는 4바이트, float64는 8바이트이고 1 MB는 1,000,000바이트입니다."),
        memory,
    ),
    Exercise(
        "클래스별 평균 이미지",
        (
            "x_train[y_train == k].mean(axis=0)이 클래스 k의 평균 이미지입니다.",
            "np.stack([... for k in range(10)])으로 10장을 모으세요.",
        ),
        mean_images,
    ),
]
