"""5장 모델 만들기: the judges and hints of its exercises."""

from helpers.exercises import models
from helpers.exercises.core import Exercise, Wrong

BOOK_KINDS = ["Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dropout", "Dense"]


def by_kind(model, kind: str) -> list:
    return [layer for layer in models.layers(model) if type(layer).__name__ == kind]


def kernel_five(model5):
    model5 = models.model(model5, "model5")
    models.expect_kinds(model5, BOOK_KINDS, "model5")
    conv1, conv2 = by_kind(model5, "Conv2D")
    if model5.count_params() == 333526:
        raise Wrong("이 장의 모델과 파라미터 수가 같습니다. 커널 크기를 5로 바꾸었나요? build_cnn(kernel_size=5)")
    if conv1.count_params() != 832 or conv2.count_params() != 51264:
        raise Wrong("합성곱 층의 파라미터 수가 다릅니다. (5 × 5 × 입력 채널 + 1) × 필터 수입니다.")
    if model5.count_params() != 366806:
        raise Wrong(
            f"전체 파라미터 수가 {model5.count_params():,}개입니다. 합성곱 층 말고는 이 장의 모델과 같아야 합니다."
        )
    return "세임 패딩이라 출력 모양은 그대로이고, 합성곱 층의 파라미터만 늘어 모두 366,806개입니다."


def no_pooling(no_pool):
    no_pool = models.model(no_pool, "no_pool")
    if by_kind(no_pool, "MaxPooling2D"):
        raise Wrong("MaxPooling2D 층이 아직 남아 있습니다. 두 풀링 층을 모두 빼세요.")
    models.expect_kinds(no_pool, ["Conv2D", "Conv2D", "Flatten", "Dense", "Dropout", "Dense"], "no_pool")
    flatten = by_kind(no_pool, "Flatten")[0]
    hidden = by_kind(no_pool, "Dense")[0]
    if models.output_shape(flatten) != (50176,):
        raise Wrong(f"Flatten의 출력이 {models.output_shape(flatten)}입니다. 입력 (28, 28, 1)과 세임 패딩을 썼나요?")
    if hidden.count_params() != 5017700:
        raise Wrong("은닉층의 파라미터 수가 다릅니다. 은닉층은 Dense(100)입니다.")
    return "Flatten의 출력은 50,176, 은닉층의 파라미터는 5,017,700개로 지금의 16배입니다."


def colour(color):
    color = models.model(color, "color")
    models.expect_kinds(color, BOOK_KINDS, "color")
    if tuple(color.inputs[0].shape)[1:] != (32, 32, 3):
        raise Wrong(f"입력 모양이 {tuple(color.inputs[0].shape)[1:]}입니다. (32, 32, 3)이어야 합니다.")
    if color.count_params() != 430102:
        raise Wrong(f"전체 파라미터 수가 {color.count_params():,}개입니다. 필터 수와 은닉층은 이 장과 같게 두세요.")
    return "conv1(896개)과 은닉층(409,700개)이 바뀌어 모두 430,102개입니다."


def functional(model):
    import keras

    model = models.model(model, "functional")
    if isinstance(model, keras.Sequential):
        raise Wrong("Sequential 모델입니다. 함수형 API로, keras.Model(inputs=inputs, outputs=outputs)로 만드세요.")
    models.expect_kinds(model, BOOK_KINDS, "functional")
    if model.count_params() != 333526:
        raise Wrong(f"파라미터 수가 {model.count_params():,}개입니다. 층의 설정을 이 장의 모델과 같게 하세요.")
    return "파라미터 333,526개로 이 장의 모델과 같은 계산을 합니다."


EXERCISES = [
    Exercise(
        "커널 크기 바꾸기",
        ("합성곱 층의 파라미터 = (5 × 5 × 입력 채널 + 1) × 필터 수.", "model5 = helpers.build_cnn(kernel_size=5)"),
        kernel_five,
    ),
    Exercise(
        "풀링 층이 없다면",
        (
            "세임 패딩이라 풀링이 없으면 특성 맵이 끝까지 28×28입니다.",
            "이 장의 Sequential 모델에서 MaxPooling2D 두 줄만 지우세요.",
        ),
        no_pooling,
    ),
    Exercise(
        "컬러 이미지를 받는 모델",
        (
            "입력 채널이 바뀌면 conv1이, 평탄화 길이가 바뀌면 은닉층이 바뀝니다.",
            "color = helpers.build_cnn(input_shape=(32, 32, 3))",
        ),
        colour,
    ),
    Exercise(
        "함수형 API로 같은 모델 만들기",
        (
            "x = 층(x)처럼 앞 층의 출력을 다음 층에 넣어 이어 갑니다.",
            "마지막은 outputs = keras.layers.Dense(10, activation='softmax')(x), 그리고 keras.Model(inputs, outputs).",
        ),
        functional,
    ),
]
