"""1장 합성곱 신경망이란: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect, models
from helpers.exercises.core import Exercise, Wrong


def valid_correlation(x, w):
    """What the lesson's convolve2d computes (valid, no flip)."""
    windows = np.lib.stride_tricks.sliding_window_view(np.asarray(x, dtype=float), w.shape)
    return np.einsum("ijkl,kl->ij", windows, w)


def by_hand(answer):
    got = expect.array(answer, "answer")
    if got.shape == (4, 4):
        raise Wrong("출력이 4×4입니다. 밸리드 방식은 가장자리를 채우지 않으므로 4 − 3 + 1 = 2, 2×2여야 합니다.")
    got = expect.array(answer, "answer", shape=(2, 2))
    expected = np.array([[2, -10], [-1, 5]])
    if np.allclose(got, -expected):
        raise Wrong("부호가 모두 반대입니다. 가운데 픽셀의 4배를 빼고 이웃을 더합니다.")
    wrong = [f"({i}, {j})" for i in range(2) for j in range(2) if not np.isclose(got[i, j], expected[i, j])]
    if wrong:
        raise Wrong(f"{', '.join(wrong)} 자리의 값이 다릅니다. 그 자리에서 3×3 영역과 필터를 곱해 더해 보세요.")


def parameters(dense_params, conv_params):
    dense, conv = expect.integer(dense_params, "dense_params"), expect.integer(conv_params, "conv_params")
    if dense == 224 * 224 * 3 * 64:
        raise Wrong("밀집층의 가중치는 맞지만 편향 64개가 빠졌습니다. 뉴런마다 편향이 하나씩 있습니다.")
    if dense != 224 * 224 * 3 * 64 + 64:
        raise Wrong("밀집층의 파라미터 수가 다릅니다. 입력 길이 224×224×3에 뉴런 수를 곱하고 편향을 더하세요.")
    if conv == 3 * 3 * 64 + 64:
        raise Wrong("합성곱 층의 필터가 채널 3개를 모두 덮는다는 점이 빠졌습니다. 필터 하나는 3×3×3개입니다.")
    if conv == 3 * 3 * 3 * 64:
        raise Wrong("합성곱 층의 가중치는 맞지만 편향 64개가 빠졌습니다. 편향은 필터마다 하나입니다.")
    if conv != 3 * 3 * 3 * 64 + 64:
        raise Wrong("합성곱 층의 파라미터 수가 다릅니다. (3 × 3 × 3 + 1) × 64를 계산해 보세요.")
    return f"밀집층이 합성곱 층보다 약 {dense / conv:,.0f}배 많습니다."


def blur(blurred, image):
    image = expect.array(image, "image", shape=(28, 28))
    got = expect.array(blurred, "blurred")
    expected = valid_correlation(image, np.full((3, 3), 1 / 9))
    if got.shape != expected.shape:
        raise Wrong(f"특성 맵의 모양이 {got.shape}입니다. 28×28에 3×3 필터를 밸리드 방식으로 쓰면 26×26입니다.")
    if np.allclose(got, 9 * expected, atol=1e-6):
        raise Wrong("값이 정확히 9배입니다. 필터를 1이 아니라 1/9로 채웠나요?")
    if not np.allclose(got, expected, atol=1e-6):
        raise Wrong("특성 맵의 값이 평균 필터의 결과와 다릅니다. 필터는 np.full((3, 3), 1 / 9)입니다.")


def learned_filter(learner):
    learner = models.model(learner, "learner")
    convs = [layer for layer in models.layers(learner) if type(layer).__name__ == "Conv2D"]
    if len(convs) != 1 or len(models.layers(learner)) != 1:
        raise Wrong(f"Conv2D 층 하나만 있는 모델이어야 합니다. 받은 층: {', '.join(models.kinds(learner))}")
    config = convs[0].get_config()
    if tuple(config["kernel_size"]) != (2, 1) or config["filters"] != 1 or config["use_bias"]:
        raise Wrong("층의 설정이 다릅니다. Conv2D(1, kernel_size=(2, 1), use_bias=False)로 만드세요.")
    models.expect_trained(learner, "learner")
    kernel = convs[0].get_weights()[0].ravel()
    if np.allclose(kernel, [-1, 1], atol=0.05):
        raise Wrong("필터가 [-1, 1]로 부호가 반대입니다. 정답 특성 맵을 '위 칸 − 아래 칸'으로 만들었는지 보세요.")
    if not np.allclose(kernel, [1, -1], atol=0.05):
        raise Wrong(
            f"학습한 필터 {np.round(kernel, 3)}가 정답 [1, -1]에서 0.05보다 멉니다. "
            "이미지를 255로 나누었는지, 학습률 0.5로 200 에포크 훈련했는지 보세요."
        )
    return f"학습한 필터 {np.round(kernel, 3)}가 정답 [1, -1]과 0.05 안에서 같습니다."


EXERCISES = [
    Exercise(
        "손으로 합성곱 계산하기",
        (
            "밸리드 방식의 출력 크기는 (입력 크기 − 필터 크기 + 1)입니다.",
            "이 필터는 가운데 픽셀의 4배를 빼고 상하좌우 이웃 넷을 더합니다.",
            "answer = convolve2d(x, w)처럼 이 장의 함수로 계산한 배열을 넣으세요.",
        ),
        by_hand,
    ),
    Exercise(
        "컬러 이미지에서 파라미터 세기",
        (
            "밀집층: 입력 길이 × 뉴런 수 + 편향(뉴런마다 하나).",
            "합성곱 층: (필터 높이 × 너비 × 입력 채널 + 1) × 필터 수.",
            "층을 keras.Input으로 호출한 뒤 layer.count_params()로 셀 수 있습니다.",
        ),
        parameters,
    ),
    Exercise(
        "흐리게 만드는 필터",
        ("모든 값이 1/9인 3×3 배열은 np.full((3, 3), 1 / 9)입니다.", "blurred = convolve2d(image, blur)"),
        blur,
    ),
    Exercise(
        "경사 하강법으로 경계선 필터 찾아내기",
        (
            "정답 특성 맵은 convolve2d(image / 255, np.array([[1.0], [-1.0]]))이고 모양은 (27, 28)입니다.",
            "Conv2D에는 (배치, 높이, 너비, 채널) 모양이 필요합니다: reshape(1, 28, 28, 1)과 reshape(1, 27, 28, 1).",
            "compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss='mse') 뒤 fit(..., epochs=200).",
        ),
        learned_filter,
    ),
]
