"""11장 모델은 어디를 볼까: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong


def conv1_cam(cam_conv1, *, model, images):
    from helpers import inside

    got = expect.array(cam_conv1, "cam_conv1", shape=(len(images), 28, 28))
    if np.allclose(got, inside.grad_cam(model, images)):
        raise Wrong("기본값(마지막 합성곱 층 conv2)으로 계산한 지도입니다. layer='conv1'을 넘기세요.")
    expected = inside.grad_cam(model, images, layer="conv1")
    if not np.allclose(got, expected, atol=1e-4):
        raise Wrong("conv1의 Grad-CAM과 다릅니다. inside.grad_cam(model, images, layer='conv1')로 계산하세요.")
    return "conv1의 지도는 28×28 해상도라 더 세밀하지만, 경계선처럼 단순한 무늬에 반응하는 층이라 클래스를 덜 가립니다."


def bigger_patch(drop_big, peak, *, model, image):
    from helpers import inside

    got = expect.array(drop_big, "drop_big", shape=(28, 28))
    if np.allclose(got, inside.occlusion(model, image)):
        raise Wrong("기본 크기(6×6)로 가린 결과입니다. patch=10을 넘기세요.")
    expected = inside.occlusion(model, image, patch=10)
    if not np.allclose(got, expected, atol=1e-5):
        raise Wrong("10×10으로 가린 결과와 다릅니다. inside.occlusion(model, image, patch=10)으로 계산하세요.")
    row, col = expect.integers(peak, 2, "peak")
    if got[row, col] < got.max() - 1e-9:
        raise Wrong(
            f"({row}, {col})은(는) 확률이 가장 많이 떨어진 곳이 아닙니다. np.unravel_index(drop_big.argmax(), "
            "drop_big.shape)를 쓰세요."
        )
    return f"10×10으로 가리면 확률이 최대 {got.max():.4f} 떨어집니다. 가리는 사각형이 클수록 지도는 뭉툭해집니다."


EXERCISES = [
    Exercise(
        "첫 합성곱 층의 Grad-CAM",
        (
            "inside.grad_cam()은 layer로 층 이름을 받습니다.",
            "cam_conv1 = inside.grad_cam(model, x_test[chosen], layer='conv1')",
        ),
        conv1_cam,
    ),
    Exercise(
        "더 큰 사각형으로 가리기",
        (
            "inside.occlusion()은 patch로 사각형의 한 변을 받습니다.",
            "가장 큰 값의 위치: np.unravel_index(drop_big.argmax(), drop_big.shape)",
        ),
        bigger_patch,
    ),
    Exercise(
        "확신할수록 빈 지도",
        (
            "로그 확률 log p = z_c − log Σ exp(z_j)를 z_c로 미분해 보세요.",
            "p가 1에 가까우면 1 − p는 0에 가깝습니다.",
        ),
    ),
]
