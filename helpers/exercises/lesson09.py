"""9장 흔한 실수와 오류 메시지: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect, models
from helpers.exercises.core import Exercise, Unanswered, Wrong, is_blank

KINDS = ["Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dropout", "Dense"]


def three_mistakes(model):
    model = models.model(model, "model")
    models.expect_kinds(model, KINDS, "model")
    dropout = models.layers(model)[4]
    if not expect.close(float(dropout.get_config()["rate"]), 0.5, 1e-9):
        raise Wrong(f"드롭아웃 비율이 {dropout.get_config()['rate']}입니다. Dropout(0.5)로 쓰세요.")
    models.expect_trained(model, "model")
    compiled = model.get_compile_config() or {}
    loss = compiled.get("loss")
    if loss not in ("sparse_categorical_crossentropy", "categorical_crossentropy") and not isinstance(loss, dict):
        raise Wrong(f"손실이 {loss!r}입니다. 정수 레이블에는 sparse_categorical_crossentropy를 씁니다.")
    return "세 곳을 고친 모델이 훈련되었습니다."


def _images(seed: int, count: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(count, 28, 28), dtype=np.uint8)


def count_function(count_shared):
    if is_blank(count_shared):
        raise Unanswered
    if not callable(count_shared):
        raise Wrong(f"count_shared는 함수여야 하는데 {expect.kind(count_shared)}을(를) 받았습니다.")
    x_a = _images(0, 6)
    fresh = _images(1, 2)
    near = x_a[2].copy()
    near[14, 14] ^= 1  # one pixel differs: not the same image
    x_b = np.stack([x_a[1], fresh[0], x_a[3], x_a[3], near, fresh[1]])
    try:
        result = count_shared(x_a, x_b)
    except Exception as error:
        raise Wrong(f"count_shared(x_a, x_b)를 부르다가 오류가 났습니다: {type(error).__name__}: {error}") from error
    got = expect.integer(result, "count_shared의 결과")
    if got == 2:
        raise Wrong("같은 이미지가 x_b에 두 번 있으면 두 번 세야 합니다(x_b의 이미지 한 장마다 셉니다).")
    if got == 4:
        raise Wrong("픽셀 하나만 다른 이미지까지 같다고 셌습니다. 모든 픽셀이 같아야 같은 이미지입니다.")
    if got != 3:
        raise Wrong(f"시험용 배열에서 {got}장을 셌습니다. x_b의 이미지마다 x_a에 같은 이미지가 있는지 세세요.")
    if count_shared(x_a, x_a[:0]) != 0:
        raise Wrong("x_b가 비어 있으면 0을 돌려줘야 합니다.")
    return "시험용 배열에서 중복을 포함해 정확히 셉니다."


def one_image(image, probabilities):
    got = expect.array(image, "image")
    if got.shape == (28, 28):
        raise Wrong(
            "배치 축과 채널 축이 모두 없습니다. x_test[0:1]로 배치 축을 남기고 helpers.scale_images()를 쓰세요."
        )
    if got.shape == (1, 28, 28):
        raise Wrong("채널 축이 없습니다. helpers.scale_images()가 채널 축을 붙입니다.")
    if got.shape == (28, 28, 1):
        raise Wrong("배치 축이 없습니다. x_test[0]이 아니라 x_test[0:1]로 한 장짜리 배치를 만드세요.")
    if got.shape != (1, 28, 28, 1):
        raise Wrong(f"image의 모양이 {got.shape}입니다. (1, 28, 28, 1)이어야 합니다.")
    if got.max() > 1.0:
        raise Wrong("픽셀값이 0~255입니다. 255로 나누어 0~1로 스케일 조정하세요.")
    result = expect.array(probabilities, "probabilities")
    if result.shape != (1, 10) or not np.isclose(result.sum(), 1, atol=1e-3):
        raise Wrong(f"확률의 모양이 {result.shape}입니다. 한 장의 예측은 (1, 10)이고 합이 1입니다.")
    return "배치 축, 채널 축, 스케일 조정: 세 가지를 고쳤습니다."


EXERCISES = [
    Exercise(
        "실수 세 개 찾기",
        (
            "Dropout(0,5)의 쉼표, metrics의 리스트, 정수 레이블의 손실을 보세요.",
            "레이블 y_small은 정수 (N,) 모양입니다: sparse_categorical_crossentropy.",
            "오류를 한 번 겪은 모델은 새로 만드세요.",
        ),
        three_mistakes,
    ),
    Exercise(
        "누수 검사 함수 만들기",
        ("seen = {image.tobytes() for image in x_a}", "return sum(image.tobytes() in seen for image in x_b)"),
        count_function,
    ),
    Exercise(
        "테스트 이미지 한 장 예측하기",
        ("고칠 것은 배치 축, 채널 축, 스케일 조정입니다.", "helpers.scale_images(x_test[0:1])"),
        one_image,
    ),
]
