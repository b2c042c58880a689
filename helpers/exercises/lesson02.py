"""2장 합성곱 층: the judges and hints of its exercises."""

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong


def output_sizes(sizes):
    a, b, c, d = expect.integers(sizes, 4, "sizes")
    if a != 28:
        raise Wrong("(가)가 다릅니다. 밸리드, 스트라이드 1이면 32 − 5 + 1입니다.")
    if b != 32:
        raise Wrong("(나)가 다릅니다. 세임 패딩에 스트라이드 1이면 출력이 입력과 같은 크기입니다.")
    if c == 13:
        raise Wrong("(다)가 1 작습니다. ⌊(32 − 5)/2⌋에 1을 더해야 합니다.")
    if c != 14:
        raise Wrong("(다)가 다릅니다. ⌊(32 − 5)/2⌋ + 1을 계산해 보세요.")
    if d != 16:
        raise Wrong("(라)가 다릅니다. 세임 패딩에 스트라이드 2이면 ⌈32/2⌉입니다.")


def parameters(params_a, shape_b, params_b):
    a = expect.integer(params_a, "params_a")
    if a == 5 * 5 * 3 * 16:
        raise Wrong("(가)의 가중치는 맞지만 파라미터 수가 16개 적습니다. 편향을 필터마다 하나씩 더했나요?")
    if a == 5 * 5 * 16 + 16:
        raise Wrong("(가)에서 입력 채널 3개가 빠졌습니다. 필터 하나는 5×5×3개의 가중치를 가집니다.")
    if a != 1216:
        raise Wrong("(가)가 다릅니다. (5 × 5 × 3 + 1) × 16을 계산해 보세요.")
    shape = expect.shape(shape_b, "shape_b")
    if shape == (7, 7, 64):
        raise Wrong("(나)의 출력 모양이 다릅니다. 밸리드 패딩에 스트라이드 2이면 ⌊(14 − 3)/2⌋ + 1 = 6입니다.")
    if shape != (6, 6, 64):
        raise Wrong(f"(나)의 출력 모양 {shape}이(가) 다릅니다. 높이와 너비는 ⌊(14 − 3)/2⌋ + 1, 채널은 필터 수입니다.")
    if expect.integer(params_b, "params_b") != 18496:
        raise Wrong("(나)의 출력 모양은 맞지만 파라미터 수가 다릅니다. 파라미터 수는 스트라이드와 패딩에 상관없습니다.")


def pointwise(shape, params):
    got = expect.shape(shape, "shape")
    if got != (14, 14, 16):
        raise Wrong(f"출력 모양 {got}이(가) 다릅니다. 1×1 필터는 가로세로를 바꾸지 않고 채널만 필터 수로 바꿉니다.")
    count = expect.integer(params, "params")
    if count == 32 * 16:
        raise Wrong("출력 모양은 맞지만 파라미터 수가 16개 적습니다. 편향을 필터마다 하나씩 더했나요?")
    if count != 528:
        raise Wrong("파라미터 수가 다릅니다. 필터 하나는 1 × 1 × 32개의 가중치와 편향 하나입니다.")
    return "위치마다 채널 32개를 섞어 16개로 만드는, 채널 방향의 밀집층입니다."


EXERCISES = [
    Exercise(
        "출력 크기 계산하기",
        (
            "출력 크기 = ⌊(입력 + 2 × 패딩 − 필터) / 스트라이드⌋ + 1.",
            "세임 패딩이면 출력 크기는 ⌈입력 / 스트라이드⌉입니다.",
            "Keras로는 layer(keras.Input(shape=(32, 32, 1))).shape를 보면 됩니다.",
        ),
        output_sizes,
    ),
    Exercise(
        "파라미터 수 세기",
        (
            "합성곱 층의 파라미터 = (필터 높이 × 너비 × 입력 채널 + 1) × 필터 수.",
            "스트라이드와 패딩은 출력 모양만 바꾸고 파라미터 수는 바꾸지 않습니다.",
        ),
        parameters,
    ),
    Exercise(
        "1×1 합성곱",
        ("1×1 필터는 이웃을 보지 않으므로 가로세로 크기가 그대로입니다.", "파라미터 = (1 × 1 × 32 + 1) × 16."),
        pointwise,
    ),
]
