"""The exercises answer back, tested as learntools tests its problems: every checker passes its reference answer,
fails typical wrong answers with their own sentence, and answers every wrong kind of input in Korean, never with a
traceback. Real Keras models and real arrays throughout."""

import dataclasses
import functools
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest

import helpers
import helpers.exercises as exercises
from helpers.exercises import ____
from helpers.exercises.core import CORRECT, NOT_ANSWERED, UNANSWERED, WRONG

ROOT = Path(__file__).resolve().parents[2]
HANGUL = re.compile(r"[가-힣]")


def keras():
    import keras

    return keras


def sequential(*layers, shape=(28, 28, 1)):
    k = keras()
    return k.Sequential([k.Input(shape=shape), *layers])


def book_layers_without_pooling():
    k = keras().layers
    return [
        k.Conv2D(32, 3, activation="relu", padding="same"),
        k.Conv2D(64, 3, activation="relu", padding="same"),
        k.Flatten(),
        k.Dense(100, activation="relu"),
        k.Dropout(0.4),
        k.Dense(10, activation="softmax"),
    ]


def functional_book_model():
    k = keras()
    inputs = k.Input(shape=(28, 28, 1))
    x = inputs
    for layer in [
        k.layers.Conv2D(32, 3, activation="relu", padding="same"),
        k.layers.MaxPooling2D(2),
        k.layers.Conv2D(64, 3, activation="relu", padding="same"),
        k.layers.MaxPooling2D(2),
        k.layers.Flatten(),
        k.layers.Dense(100, activation="relu"),
        k.layers.Dropout(0.4),
    ]:
        x = layer(x)
    return k.Model(inputs, k.layers.Dense(10, activation="softmax")(x))


def edge_learner(kernel, train=True):
    """Lesson 1's one-filter model with the given kernel, after one real fit() step when `train`."""
    k = keras()
    model = sequential(k.layers.Conv2D(1, kernel_size=(2, 1), use_bias=False))
    if train:
        model.compile(optimizer=k.optimizers.SGD(learning_rate=0.0), loss="mse")
        model.fit(np.zeros((1, 28, 28, 1), "float32"), np.zeros((1, 27, 28, 1), "float32"), epochs=1, verbose=0)
    model.layers[0].set_weights([np.array(kernel, "float32").reshape(2, 1, 1, 1)])
    return model


def lesson9_model(rate=0.5, loss="sparse_categorical_crossentropy", train=True):
    k = keras().layers
    model = sequential(
        k.Conv2D(32, kernel_size=3, activation="relu", padding="same"),
        k.MaxPooling2D(2),
        k.Flatten(),
        k.Dense(100, activation="relu"),
        k.Dropout(rate),
        k.Dense(10, activation="softmax"),
    )
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    if train:
        rng = np.random.default_rng(0)
        labels = rng.integers(0, 10, 8)
        if loss == "categorical_crossentropy":
            labels = keras().utils.to_categorical(labels, 10)
        model.fit(rng.random((8, 28, 28, 1), dtype="float32"), labels, epochs=1, verbose=0)
    return model


def count_shared(x_a, x_b):
    seen = {image.tobytes() for image in x_a}
    return sum(image.tobytes() in seen for image in x_b)


def count_unique_shared(x_a, x_b):
    return len({image.tobytes() for image in x_a} & {image.tobytes() for image in x_b})


# Lesson 7 and 8 context: a small "validation set" with a known answer
RNG = np.random.default_rng(7)
PROBS = RNG.dirichlet(np.ones(10) * 0.3, size=120)
LABELS = PROBS.argmax(axis=1).copy()
LABELS[[3, 17, 42]] = (LABELS[[3, 17, 42]] + 1) % 10  # three mistakes among the first 100
WRONG_100 = np.array([3, 17, 42])
WORST = int(WRONG_100[PROBS[WRONG_100].max(axis=1).argmax()])
MATRIX = np.array([[50 if i == j else (3 * i + j) % 7 for j in range(10)] for i in range(10)])
SHIRT = MATRIX[6] / MATRIX[6].sum()
MOST_CONFUSED = max((j for j in range(10) if j != 6), key=lambda j: SHIRT[j])
CONFIDENCE = RNG.random(500)
CORRECT_MASK = RNG.random(500) < 0.8
MAPS = RNG.random((1, 14, 14, 64)).astype("float32")
TOP5 = np.argsort(MAPS.mean(axis=(0, 1, 2)))[::-1][:5]
BAG_LABELS = np.array([3, 1, 8, 8, 2])


def lesson8_models():
    untrained = helpers.build_cnn()
    trained = helpers.build_cnn()
    trained.set_weights(untrained.get_weights())
    rng = np.random.default_rng(1)
    for name, scale in (("conv1", 0.01), ("conv2", 0.05), ("hidden", 0.2)):
        kernel, bias = trained.get_layer(name).get_weights()
        trained.get_layer(name).set_weights([kernel + scale * rng.standard_normal(kernel.shape), bias])
    corr = {}
    for name in ("conv1", "conv2", "hidden"):
        before = untrained.get_layer(name).get_weights()[0].ravel()
        after = trained.get_layer(name).get_weights()[0].ravel()
        corr[name] = float(np.corrcoef(before, after)[0, 1])
    return untrained, trained, corr


def recipes(**changes):
    budget = dataclasses.replace(helpers.STRONG_RECIPE, epochs=2)
    variants = {
        "기준": budget,
        "증강 없음": dataclasses.replace(budget, model={"augment": False}),
        "스케줄 없음": dataclasses.replace(budget, cosine_decay=False),
        "블록 두 개": dataclasses.replace(budget, model={"filters": (32, 64)}),
    }
    variants.update(changes)
    return variants


def lesson4_means():
    data = helpers.load_splits()
    return np.stack([data.x_train[data.y_train == k].mean(axis=0) for k in range(10)])


def lesson8_extractor():
    model = helpers.build_cnn()
    names = ["conv1", "pool1", "conv2", "pool2"]
    return keras().Model(model.inputs, [model.get_layer(name).output for name in names])


# (lesson, exercise): a function returning (reference (args, kwargs), [(wrong args, kwargs, expected feedback)])
CASES = {
    (1, 1): lambda: (
        ((np.array([[2, -10], [-1, 5]]),), {}),
        [
            ((np.zeros((4, 4)),), {}, "밸리드 방식은 가장자리를 채우지 않으므로"),
            ((np.array([[-2, 10], [1, -5]]),), {}, "부호가 모두 반대"),
        ],
    ),
    (1, 2): lambda: (
        ((9633856, 1792), {}),
        [
            ((9633856, 1728), {}, "편향 64개가 빠졌습니다"),
            ((9633856, 640), {}, "채널 3개를 모두 덮는다"),
            ((9633792, 1792), {}, "편향 64개가 빠졌습니다"),
        ],
    ),
    (1, 3): lambda: blur_case(),
    (1, 4): lambda: (
        ((edge_learner([1, -1]),), {}),
        [
            ((edge_learner([1, -1], train=False),), {}, "compile()하지 않았습니다"),
            ((edge_learner([-1, 1]),), {}, "부호가 반대"),
            ((edge_learner([0.5, 0.2]),), {}, "0.05보다 멉니다"),
            ((sequential(keras().layers.Conv2D(1, 3)),), {}, "층의 설정이 다릅니다"),
        ],
    ),
    (2, 1): lambda: (
        (([28, 32, 14, 16],), {}),
        [(([28, 32, 13, 16],), {}, "1을 더해야"), (([28, 32, 14, 15],), {}, "⌈32/2⌉"), (([28, 32],), {}, "4개")],
    ),
    (2, 2): lambda: (
        ((1216, (None, 6, 6, 64), 18496), {}),
        [
            ((1200, (6, 6, 64), 18496), {}, "16개 적습니다"),
            ((1216, (7, 7, 64), 18496), {}, "⌊(14 − 3)/2⌋ + 1 = 6"),
            ((1216, (6, 6, 64), 4672), {}, "스트라이드와 패딩에 상관없습니다"),
        ],
    ),
    (2, 3): lambda: (
        (((None, 14, 14, 16), 528), {}),
        [(((14, 14, 16), 512), {}, "편향을 필터마다"), (((14, 14, 32), 528), {}, "채널만 필터 수로")],
    ),
    (3, 1): lambda: (
        ((np.array([[8.0, 5], [4, 9]]), np.array([[3.25, 2.0], [3.0, 5.75]]).reshape(1, 2, 2, 1)), {}),
        [
            ((np.array([[3.25, 2.0], [3.0, 5.75]]), np.array([[8.0, 5], [4, 9]])), {}, "바꿔 넣었습니다"),
            ((np.array([[8, 5], [4, 9]]), np.array([[3, 2], [3, 5]])), {}, "정수로 잘렸습니다"),
        ],
    ),
    (3, 2): lambda: (
        (((None, 13, 13, 32), 0, (None, 3, 3, 64)), {}),
        [
            (((14, 14, 32), 0, (3, 3, 64)), {}, "2×2 풀링과 다릅니다"),
            (((13, 13, 32), 0, (4, 4, 64)), {}, "세임 패딩의 결과"),
            (((13, 13, 32), 9, (3, 3, 64)), {}, "학습할 가중치가 없습니다"),
        ],
    ),
    (3, 3): lambda: (
        (((14, 14, 32), 9248), {}),
        [(((14, 14, 32), 9216), {}, "32개 적습니다"), (((14, 14, 32), 0), {}, "풀링 층과 달리")],
    ),
    (4, 1): lambda: (
        ((np.full(10, 1200),), {}),
        [
            ((np.full(10, 4800),), {}, "훈련 세트의 개수"),
            ((np.array([1190, 1210] * 5),), {}, "stratify"),
            ((np.zeros(12000, int),), {}, "np.bincount"),
        ],
    ),
    (4, 2): lambda: (
        (((50000, 32, 32, 3), 614.4, 1228.8), {}),
        [
            (((50000, 32, 32, 3), 585.9375, 1171.875), {}, "MiB"),
            (((50000, 32, 32), 614.4, 1228.8), {}, "채널 축"),
            (((50000, 32, 32, 3), 614.4, 614.4), {}, "8바이트"),
        ],
    ),
    (4, 3): lambda: mean_case(),
    (5, 1): lambda: (
        ((helpers.build_cnn(kernel_size=5),), {}),
        [((helpers.build_cnn(),), {}, "커널 크기를 5로"), ((functional_book_model().layers[1],), {}, "층 하나")],
    ),
    (5, 2): lambda: (
        ((sequential(*book_layers_without_pooling()),), {}),
        [
            ((helpers.build_cnn(),), {}, "MaxPooling2D 층이 아직 남아"),
            ((sequential(*book_layers_without_pooling()[:-1]),), {}, "층 구성이 문제와 다릅니다"),
        ],
    ),
    (5, 3): lambda: (
        ((helpers.build_cnn(input_shape=(32, 32, 3)),), {}),
        [((helpers.build_cnn(),), {}, "(32, 32, 3)이어야")],
    ),
    (5, 4): lambda: (
        ((functional_book_model(),), {}),
        [((helpers.build_cnn(),), {}, "Sequential 모델입니다"), ((keras().Sequential,), {}, "클래스")],
    ),
    (6, 1): lambda: (
        (((7, 5), (4, 3)), {}),
        [(((7, 7), (4, 4)), {}, "멈춘 에포크가 아니라"), (((4, 3), (4, 3)), {}, "기다린 횟수가 다시 0")],
    ),
    (6, 2): lambda: (
        ((np.eye(10)[np.arange(4000) % 10], "categorical_crossentropy"), {}),
        [
            ((np.eye(10)[np.arange(4000) % 10], "sparse_categorical_crossentropy"), {}, "sparse_가 붙지 않은"),
            ((np.arange(4000) % 10, "categorical_crossentropy"), {}, "아직 정수 레이블"),
        ],
    ),
    (6, 3): lambda: (((0.45, 0.9), {}), [((0.9, 0.45), {}, "바꿔 넣지 않았는지")]),
    (6, 4): lambda: logits_case(),
    (7, 1): lambda: (
        ((WRONG_100, WORST), {"probabilities": PROBS, "labels": LABELS}),
        [
            ((WRONG_100, 3 if WORST != 3 else 17), {"probabilities": PROBS, "labels": LABELS}, "확신도"),
            ((LABELS[:100] != PROBS[:100].argmax(1), WORST), {"probabilities": PROBS, "labels": LABELS}, "불리언"),
        ],
    ),
    (7, 2): lambda: (
        ((SHIRT, MOST_CONFUSED), {"matrix": MATRIX}),
        [
            ((SHIRT, 6), {"matrix": MATRIX}, "셔츠 자신을 빼고"),
            ((MATRIX[6].astype(float), MOST_CONFUSED), {"matrix": MATRIX}, "행의 합으로 나누어"),
            ((SHIRT, helpers.class_name(MOST_CONFUSED)), {"matrix": MATRIX}, None),
        ],
    ),
    (7, 3): lambda: confidence_case(),
    (8, 1): lambda: (
        ((2, TOP5), {"labels": BAG_LABELS, "maps": MAPS}),
        [
            ((2, np.argsort(MAPS.mean(axis=(0, 1, 2)))[:5]), {"labels": BAG_LABELS, "maps": MAPS}, "[::-1]"),
            ((3, TOP5), {"labels": BAG_LABELS, "maps": MAPS}, "처음 나오는 가방"),
        ],
    ),
    (8, 2): lambda: (
        ((lesson8_extractor(),), {}),
        [((helpers.build_cnn(),), {}, "출력이 1개입니다")],
    ),
    (8, 3): lambda: (
        ((math.sqrt(6 / 3236), True), {}),
        [
            ((math.sqrt(6 / 3136), True), {}, "하나만 썼습니다"),
            ((0.1421, True), {}, "conv1의 한계"),
            ((math.sqrt(6 / 3236), np.False_), {}, "[−a, a] 안에"),
        ],
    ),
    (8, 4): lambda: lesson8_case(),
    (9, 1): lambda: (
        ((lesson9_model(),), {}),
        [
            ((lesson9_model(train=False),), {}, "아직 훈련되지 않았습니다"),
            ((lesson9_model(rate=0.4),), {}, "Dropout(0.5)"),
            ((helpers.build_cnn(),), {}, "층 구성이 문제와 다릅니다"),
        ],
    ),
    (9, 2): lambda: (
        ((count_shared,), {}),
        [
            ((count_unique_shared,), {}, "두 번 세야"),
            ((lambda x_a, x_b: None,), {}, "None"),
            ((lambda x_a, x_b: len(x_a[0]),), {}, "시험용 배열에서 28장"),
            ((lambda x_a: 0,), {}, "오류가 났습니다"),
        ],
    ),
    (9, 3): lambda: (
        ((np.zeros((1, 28, 28, 1), "float32"), np.full((1, 10), 0.1)), {}),
        [
            ((np.zeros((28, 28), "float32"), np.full((1, 10), 0.1)), {}, "배치 축과 채널 축"),
            ((np.zeros((1, 28, 28), "float32"), np.full((1, 10), 0.1)), {}, "채널 축이 없습니다"),
            ((np.full((1, 28, 28, 1), 255.0), np.full((1, 10), 0.1)), {}, "0~255"),
        ],
    ),
    (10, 1): lambda: (
        ((128, 64), {}),
        [((64, 64), {}, "이동 평균과 이동 분산도"), ((128, 128), {}, "학습되지 않습니다")],
    ),
    (10, 2): lambda: tta_case(),
    (10, 3): lambda: (
        ((recipes(),), {}),
        [
            (
                (
                    recipes(
                        **{
                            "블록 두 개": dataclasses.replace(
                                helpers.STRONG_RECIPE, epochs=2, cosine_decay=False, model={"filters": (32, 64)}
                            )
                        }
                    ),
                ),
                {},
                "하나만 바꿔야",
            ),
            ((list(recipes().values()),), {}, "딕셔너리"),
        ],
    ),
    (11, 1): lambda: grad_cam_case(),
    (11, 2): lambda: occlusion_case(),
}


@functools.cache
def book_cnn():
    return helpers.book_model("cnn").model


def grad_cam_case():
    model, images = book_cnn(), helpers.load_splits().x_test[4:6]  # confident ones give all-zero conv1 maps
    given = {"model": model, "images": images}
    cam = helpers.inside.grad_cam(model, images, layer="conv1")
    return ((cam,), given), [
        ((helpers.inside.grad_cam(model, images),), given, "layer='conv1'"),
        ((cam[::-1],), given, "conv1의 Grad-CAM과 다릅니다"),
        ((cam[:, :14, :14],), given, "(2, 28, 28)"),
    ]


def occlusion_case():
    model, image = book_cnn(), helpers.load_splits().x_test[4:5]
    given = {"model": model, "image": image}
    drop = helpers.inside.occlusion(model, image, patch=10)
    peak = np.unravel_index(drop.argmax(), drop.shape)
    wrong_peak = np.unravel_index(drop.argmin(), drop.shape)
    return ((drop, peak), given), [
        ((helpers.inside.occlusion(model, image), peak), given, "patch=10"),
        ((drop, wrong_peak), given, "가장 많이 떨어진 곳이 아닙니다"),
    ]


def blur_case():
    image = helpers.load_fashion_mnist()[0][0][26].astype(np.int32)
    from helpers.exercises.lesson01 import valid_correlation

    blurred = valid_correlation(image, np.full((3, 3), 1 / 9))
    return ((blurred, image), {}), [((9 * blurred, image), {}, "9배"), ((image, image), {}, "26×26")]


def mean_case():
    means = lesson4_means()
    return ((means,), {}), [((means * 255,), {}, "0~255"), ((means[::-1],), {}, "순서"), ((means[0],), {}, "한 장뿐")]


def logits_case():
    z = np.array([2.0, 1.0, 0.1])
    p = np.exp(z) / np.exp(z).sum()
    return ((p, -np.log(p[0])), {}), [((np.exp(z), 1.0), {}, "그 합으로 나누어야"), ((p, np.log(p[0])), {}, "부호")]


def confidence_case():
    high = CONFIDENCE >= 0.9
    given = {"confidence": CONFIDENCE, "correct": CORRECT_MASK}
    right = (high.mean(), CORRECT_MASK[high].mean(), CORRECT_MASK[~high].mean())
    return (right, given), [
        ((100 * right[0], right[1], right[2]), given, "백분율"),
        ((right[0], right[2], right[1]), given, "바꿔 넣었습니다"),
    ]


def lesson8_case():
    untrained, trained, corr = lesson8_models()
    given = {"untrained": untrained, "trained": trained}
    lowest = min(corr, key=corr.get)
    other = next(name for name in corr if name != lowest)
    return ((corr, lowest), given), [
        ((corr, other), given, "가장 많이 바뀐 층"),
        (({**corr, "conv1": 0.5}, lowest), given, "conv1의 상관 계수"),
        (([0.1, 0.2, 0.3], lowest), given, "딕셔너리"),
    ]


def tta_case():
    rng = np.random.default_rng(3)
    labels = rng.integers(0, 10, 200)
    original = rng.dirichlet(np.ones(10), 200)
    mirrored = rng.dirichlet(np.ones(10), 200)
    plain = np.mean(original.argmax(1) == labels)
    averaged = np.mean((original + mirrored).argmax(1) == labels)
    use = bool(averaged > plain)
    return ((original, mirrored, use), {"labels": labels}), [
        ((original, mirrored, not use), {"labels": labels}, "다시 고르세요"),
        ((original, original, use), {"labels": labels}, "두 확률이 같습니다"),
        ((original[:, :5], mirrored, use), {"labels": labels}, "(200, 10)"),
        ((original, mirrored, use), {"labels": np.zeros(10000, int)}, "검증 세트"),
    ]


@functools.cache
def case(key):
    """One exercise's reference and mistakes, made once (models and arrays are only read by the checkers)."""
    return CASES[key]()


def all_exercises():
    return [(number, exercise) for number in exercises.LESSON_NUMBERS for exercise in exercises.fresh(number)]


CHECKABLE = [(number, e.number) for number, e in all_exercises() if e.checkable]


def test_at_least_thirty_exercises_are_checked():
    assert len(CHECKABLE) >= 30, f"{len(CHECKABLE)} exercises have check()"


def test_every_checkable_exercise_has_its_test_cases():
    assert sorted(CASES) == sorted(CHECKABLE), set(CASES) ^ set(CHECKABLE)


@pytest.mark.parametrize("key", sorted(CASES), ids=[f"{lesson}-{number}" for lesson, number in sorted(CASES)])
def test_checker_passes_the_reference_and_fails_typical_mistakes(key):
    lesson, number = key
    exercise = exercises.fresh(lesson)[number]
    (args, kwargs), mistakes = case(key)
    passed = exercise.outcome(*args, **kwargs)
    assert passed.status == CORRECT, f"{exercise.name}: the reference answer fails: {passed.message}"
    assert passed.message.startswith("정답입니다.")
    for wrong_args, wrong_kwargs, expected in mistakes:
        result = exercise.outcome(*wrong_args, **wrong_kwargs)
        if expected is None:  # an accepted other form of the right answer
            assert result.status == CORRECT, result.message
            continue
        assert result.status == WRONG, f"{exercise.name}: a wrong answer passes ({expected})"
        assert expected in result.message, f"{exercise.name}: expected '{expected}' in: {result.message}"


BAD_INPUTS = {
    "None": None,
    "string": "모르겠어요",
    "NaN": float("nan"),
    "list": [1, 2, 3],
    "nested list": [[1, 2], [3, 4]],
    "object": object(),
    "dict": {"a": 1},
    "bool": True,
}


@pytest.mark.parametrize("key", sorted(CASES), ids=[f"{lesson}-{number}" for lesson, number in sorted(CASES)])
@pytest.mark.parametrize("bad", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_every_wrong_kind_of_answer_gets_a_korean_sentence(key, bad):
    """Each answer in turn replaced by a wrong kind of value (the rest right): a Korean sentence, no exception."""
    lesson, number = key
    exercise = exercises.fresh(lesson)[number]
    (args, kwargs), _ = case(key)
    for position in range(len(args)):
        if isinstance(args[position], bool | np.bool_) and bad == "bool":
            continue  # True is a right kind of answer there
        answers = list(args)
        answers[position] = BAD_INPUTS[bad]
        result = exercise.outcome(*answers, **kwargs)
        assert result.status == WRONG, f"{exercise.name}: {bad} as answer {position + 1} passes"
        assert HANGUL.search(result.message), result.message
        assert "Traceback" not in result.message


@pytest.mark.parametrize("blank", [____, ...], ids=["____", "..."])
@pytest.mark.parametrize("key", sorted(CASES), ids=[f"{lesson}-{number}" for lesson, number in sorted(CASES)])
def test_an_unwritten_answer_is_not_answered_yet_rather_than_wrong(key, blank):
    lesson, number = key
    exercise = exercises.fresh(lesson)[number]
    (args, kwargs), _ = case(key)
    answers = [blank, *args[1:]]
    result = exercise.outcome(*answers, **kwargs)
    assert result.status == UNANSWERED and result.message == NOT_ANSWERED


def test_a_blank_inside_a_tuple_is_not_answered_yet():
    assert exercises.fresh(6)[1].outcome((7, ____), (4, 3)).status == UNANSWERED


def test_wrong_number_of_answers_is_a_sentence():
    result = exercises.fresh(2)[3].outcome((14, 14, 16))
    assert result.status == WRONG and "check(shape, params)" in result.message


def test_check_prints_feedback_and_progress_counts_the_last_check(capsys):
    q = exercises.fresh(2)
    q[3].check((14, 14, 16), 512)
    assert capsys.readouterr().out.startswith("틀렸습니다. 출력 모양은 맞지만 파라미터 수가 16개 적습니다.")
    q[3].check((14, 14, 16), 528)
    q[1].check(____)
    assert "아직 답을 쓰지 않았습니다" in capsys.readouterr().out
    q.progress()
    assert capsys.readouterr().out.strip() == "이 장의 연습 문제 3개 중 1개를 맞혔습니다. 남은 문제: 1번, 2번."


def test_progress_names_the_thinking_questions(capsys):
    exercises.fresh(7).progress()
    out = capsys.readouterr().out
    assert out.startswith("이 장의 연습 문제 3개 중 0개를 맞혔습니다.") and "생각해 보는 문제(4번)" in out


def test_lesson_binds_once_per_kernel():
    assert exercises.lesson(3) is exercises.lesson(3)
    with pytest.raises(ValueError, match="1장부터 11장까지"):
        exercises.lesson(12)


def test_hints_come_in_stages(capsys):
    q = exercises.fresh(1)
    q[1].hint()
    first = capsys.readouterr().out
    q[1].hint(2)
    second = capsys.readouterr().out
    assert first.startswith("힌트 1/3:") and "q[1].hint(2)" in first and second.startswith("힌트 2/3:")
    q[1].hint(9)
    assert "1번부터 3번까지" in capsys.readouterr().out


def test_solution_prints_the_reference_code_and_the_model_answer(capsys):
    q = exercises.fresh(1)
    q[1].solution()
    out = capsys.readouterr().out
    assert "answer = convolve2d(x, w)" in out and "# 답" not in out and "출력 크기는" in out
    exercises.fresh(7)[4].solution()
    assert "검증 세트" in capsys.readouterr().out


def test_a_thinking_question_has_no_check_but_says_so(capsys):
    exercises.fresh(7)[4].check("안 됩니다")
    assert "생각해 보는 문제" in capsys.readouterr().out


def test_number_rejects_infinity_and_arrays():
    from helpers.exercises import expect
    from helpers.exercises.core import Wrong

    with pytest.raises(Wrong, match="무한대"):
        expect.number(float("inf"))
    with pytest.raises(Wrong, match="숫자 하나"):
        expect.number(np.zeros(3))
    assert expect.number(np.float32(2.5)) == 2.5


sys.path.insert(0, str(ROOT / "scripts"))
