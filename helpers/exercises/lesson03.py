"""3장 풀링 층: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong

MAX = np.array([[8, 5], [4, 9]])
MEAN = np.array([[3.25, 2.0], [3.0, 5.75]])


def by_hand(max_pooled, avg_pooled):
    got_max = expect.array(max_pooled, "max_pooled", shape=(2, 2), squeeze=True)
    got_mean = expect.array(avg_pooled, "avg_pooled", shape=(2, 2), squeeze=True)
    if np.allclose(got_max, MEAN) and np.allclose(got_mean, MAX):
        raise Wrong("최대 풀링과 평균 풀링의 결과를 바꿔 넣었습니다.")
    if not np.allclose(got_max, MAX):
        raise Wrong("최대 풀링의 결과가 다릅니다. 2×2 영역 네 개로 나누고 각 영역에서 가장 큰 값을 고르세요.")
    if np.allclose(got_mean, MEAN.astype(int)) or np.allclose(got_mean, np.floor(MEAN)):
        raise Wrong("평균 풀링의 결과가 정수로 잘렸습니다. 입력을 float32로 바꾸었나요?")
    if not np.allclose(got_mean, MEAN):
        raise Wrong("평균 풀링의 결과가 다릅니다. 각 2×2 영역의 합을 4로 나누세요.")


def overlapping(shape_a, params_a, shape_b):
    a = expect.shape(shape_a, "shape_a")
    if a == (14, 14, 32):
        raise Wrong("(가)는 pool_size=3, strides=2라 ⌊(28 − 3)/2⌋ + 1입니다. 2×2 풀링과 다릅니다.")
    if a != (13, 13, 32):
        raise Wrong(f"(가)의 출력 모양 {a}이(가) 다릅니다. 채널 수는 풀링으로 바뀌지 않습니다.")
    if expect.integer(params_a, "params_a") != 0:
        raise Wrong("(가)의 파라미터 수가 다릅니다. 풀링 층에는 학습할 가중치가 없습니다.")
    b = expect.shape(shape_b, "shape_b")
    if b == (4, 4, 64):
        raise Wrong("(나)는 세임 패딩의 결과입니다. 밸리드 패딩에서는 마지막 행과 열이 버려집니다.")
    if b != (3, 3, 64):
        raise Wrong(f"(나)의 출력 모양 {b}이(가) 다릅니다. ⌊(7 − 2)/2⌋ + 1을 계산해 보세요.")


def strided(shape, params):
    got = expect.shape(shape, "shape")
    if got != (14, 14, 32):
        raise Wrong(f"출력 모양 {got}이(가) 다릅니다. 세임 패딩에 스트라이드 2이면 ⌈28/2⌉ = 14입니다.")
    count = expect.integer(params, "params")
    if count == 0:
        raise Wrong("합성곱 층은 풀링 층과 달리 학습하는 가중치가 있습니다.")
    if count == 3 * 3 * 32 * 32:
        raise Wrong("출력 모양은 맞지만 파라미터 수가 32개 적습니다. 편향을 필터마다 한 번씩 더했나요?")
    if count != 9248:
        raise Wrong("파라미터 수가 다릅니다. (3 × 3 × 32 + 1) × 32를 계산해 보세요.")
    return "모양은 풀링과 같지만 파라미터 9,248개를 더 학습합니다."


EXERCISES = [
    Exercise(
        "손으로 풀링하기",
        (
            "4×4를 겹치지 않는 2×2 영역 네 개로 나눕니다.",
            "Keras의 풀링 층은 (배치, 높이, 너비, 채널) 배열을 받습니다: x.reshape(1, 4, 4, 1).astype('float32').",
            "층의 결과는 keras.ops.convert_to_numpy(...)[0, :, :, 0]으로 2×2 배열이 됩니다.",
        ),
        by_hand,
    ),
    Exercise(
        "겹치는 풀링과 홀수 크기",
        ("풀링의 출력 크기도 ⌊(입력 − 창 크기)/스트라이드⌋ + 1입니다.", "MaxPooling2D(2)의 스트라이드는 2입니다."),
        overlapping,
    ),
    Exercise(
        "풀링 대신 스트라이드 2 합성곱",
        ("입력은 (28, 28, 32)입니다.", "layer(keras.Input(shape=(28, 28, 32))).shape와 layer.count_params()."),
        strided,
    ),
]
