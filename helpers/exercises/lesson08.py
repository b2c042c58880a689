"""8장 필터와 특성 맵 시각화: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect, models
from helpers.exercises.core import Exercise, Wrong

EXTRACTOR_SHAPES = [(28, 28, 32), (14, 14, 32), (14, 14, 64), (7, 7, 64)]


def bag_maps(bag_index, bag_top5, labels, maps):
    labels = expect.array(labels, "labels")
    index = expect.integer(bag_index, "bag_index")
    first = int(np.flatnonzero(labels == 8)[0])
    if index != first:
        raise Wrong("검증 세트에서 처음 나오는 가방(클래스 8)이 아닙니다. np.flatnonzero(data.y_val == 8)[0]입니다.")
    maps = expect.array(maps, "bag_maps")
    if maps.shape != (1, 14, 14, 64):
        raise Wrong(
            f"bag_maps의 모양이 {maps.shape}입니다. conv2_extractor로 한 장짜리 배치를 예측하면 (1, 14, 14, 64)입니다."
        )
    strength = maps.mean(axis=(0, 1, 2))
    expected = np.argsort(strength)[::-1][:5]
    got = expect.array(np.asarray(bag_top5) if isinstance(bag_top5, list) else bag_top5, "bag_top5").ravel()
    if got.size == 5 and np.array_equal(np.sort(got), np.sort(np.argsort(strength)[:5])):
        raise Wrong("가장 약하게 반응한 다섯 개입니다. np.argsort()의 결과를 [::-1]로 뒤집으세요.")
    if got.size != 5 or not np.array_equal(got, expected):
        raise Wrong(
            "가장 세게 반응한 특성 맵 다섯 개가 아닙니다(큰 순서로). maps.mean(axis=(0, 1, 2))로 세기를 재세요."
        )


def extractor(extractor):
    extractor = models.model(extractor, "extractor")
    shapes = [tuple(output.shape)[1:] for output in extractor.outputs]
    if len(shapes) != 4:
        raise Wrong(
            f"출력이 {len(shapes)}개입니다. outputs에 conv1, pool1, conv2, pool2의 출력 네 개를 리스트로 주세요."
        )
    if shapes != EXTRACTOR_SHAPES:
        raise Wrong(f"출력 모양이 {shapes}입니다. conv1, pool1, conv2, pool2 순서여야 합니다.")
    return "합성곱 층은 채널 수를, 풀링 층은 가로세로를 바꿉니다."


def glorot(a, inside):
    bound = expect.number(a, "a")
    expected = np.sqrt(6 / (3136 + 100))
    if expect.close(bound, np.sqrt(6 / 3136), 1e-4) or expect.close(bound, np.sqrt(6 / 100), 1e-4):
        raise Wrong("fan_in과 fan_out 가운데 하나만 썼습니다. a = √(6 / (fan_in + fan_out))입니다.")
    if expect.close(bound, 0.1421, 1e-3):
        raise Wrong("conv1의 한계입니다. hidden의 fan_in = 3136, fan_out = 100으로 계산하세요.")
    if not expect.close(bound, expected, 1e-4):
        raise Wrong("한계가 다릅니다. a = √(6 / (3136 + 100))입니다.")
    if not expect.boolean(inside, "inside"):
        raise Wrong("훈련하지 않은 hidden의 가중치는 모두 [−a, a] 안에 있습니다. np.abs(kernel) <= a를 확인하세요.")
    return f"a = {bound:.4f}로 conv1의 0.142보다 훨씬 작습니다."


def correlations(corr, most_changed, untrained, trained):
    untrained, trained = models.model(untrained, "untrained"), models.model(trained, "model")
    names = ("conv1", "conv2", "hidden")
    if not isinstance(corr, dict):
        raise Wrong(f"corr은(는) 층 이름을 키로 하는 딕셔너리여야 하는데 {expect.kind(corr)}을(를) 받았습니다.")
    if sorted(corr) != sorted(names):
        raise Wrong(f"corr의 키는 {', '.join(names)}여야 합니다. 받은 키: {', '.join(map(str, corr))}")
    expected = {}
    for name in names:
        before = untrained.get_layer(name).get_weights()[0].ravel()
        after = trained.get_layer(name).get_weights()[0].ravel()
        expected[name] = float(np.corrcoef(before, after)[0, 1])
        value = expect.number(corr[name], f"corr['{name}']")
        if not expect.close(value, expected[name], 1e-3):
            raise Wrong(f"{name}의 상관 계수가 다릅니다. np.corrcoef(before, after)[0, 1]입니다.")
    lowest = min(names, key=expected.get)
    if most_changed not in names:
        raise Wrong(f"most_changed는 {', '.join(names)} 가운데 하나의 이름(문자열)이어야 합니다.")
    if most_changed != lowest:
        raise Wrong("상관 계수가 가장 작은 층이 훈련으로 가장 많이 바뀐 층입니다.")
    return f"{lowest}의 가중치가 출발점에서 가장 멀리 움직였습니다(상관 계수 {expected[lowest]:.3f})."


EXERCISES = [
    Exercise(
        "가방의 특성 맵",
        (
            "bag_index = int(np.flatnonzero(data.y_val == 8)[0]), 한 장짜리 배치는 data.x_val[i:i + 1].",
            "strength = maps.mean(axis=(0, 1, 2))는 특성 맵마다 값 하나입니다.",
            "np.argsort(strength)[::-1][:5]가 큰 순서의 다섯 번호입니다.",
        ),
        bag_maps,
    ),
    Exercise(
        "출력이 여러 개인 특성 추출기",
        ("outputs=[model.get_layer(name).output for name in names]", "keras.Model(inputs=model.inputs, outputs=...)"),
        extractor,
    ),
    Exercise(
        "밀집층의 글로럿 한계",
        (
            "a = np.sqrt(6 / (fan_in + fan_out))",
            "kernel = keras.ops.convert_to_numpy(untrained.get_layer('hidden').kernel)",
            "inside = bool(np.all(np.abs(kernel) <= a))",
        ),
        glorot,
    ),
    Exercise(
        "훈련 전과 훈련 후의 가중치",
        (
            "np.corrcoef(before, after)[0, 1]이 두 배열의 상관 계수입니다.",
            "corr = {name: ... for name in ('conv1', 'conv2', 'hidden')}",
            "most_changed = min(corr, key=corr.get)",
        ),
        correlations,
    ),
]
