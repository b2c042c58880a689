"""6장 컴파일과 훈련: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong


def early_stopping(patience_2, patience_1):
    stop2, best2 = expect.integers(patience_2, 2, "patience_2")
    stop1, best1 = expect.integers(patience_1, 2, "patience_1")
    if best2 == stop2 or best1 == stop1:
        raise Wrong("되돌아가는 에포크는 멈춘 에포크가 아니라 그때까지 검증 손실이 가장 낮았던 에포크입니다.")
    if (stop2, best2) == (4, 3):
        raise Wrong("patience=2: 5 에포크가 0.32로 최고 기록을 깨면 기다린 횟수가 다시 0이 됩니다.")
    if (stop2, best2) != (7, 5):
        raise Wrong("patience=2의 답이 다릅니다. 에포크마다 '최고 기록을 깼는가, 몇 번째 기다리는가'를 적어 보세요.")
    if (stop1, best1) != (4, 3):
        raise Wrong("patience=2는 맞지만 patience=1이 다릅니다. 한 번이라도 나빠지면 바로 멈춥니다.")
    return "patience가 너무 작으면 5 에포크의 더 좋은 모델을 놓칩니다."


def one_hot(y_small_one_hot, loss):
    labels = expect.array(y_small_one_hot, "y_small_one_hot")
    if labels.ndim == 1:
        raise Wrong(f"레이블의 모양이 {labels.shape}로 아직 정수 레이블입니다. keras.utils.to_categorical로 바꾸세요.")
    if labels.shape != (4000, 10) or not np.all(labels.sum(axis=1) == 1):
        raise Wrong(f"레이블의 모양이 {labels.shape}입니다. 이미지 4,000장의 원-핫 레이블은 (4000, 10)입니다.")
    name = loss if isinstance(loss, str) else type(loss).__name__
    if name in ("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"):
        raise Wrong("원-핫 레이블에는 sparse_가 붙지 않은 손실을 씁니다. sparse_는 정수 레이블용입니다.")
    if name not in ("categorical_crossentropy", "CategoricalCrossentropy"):
        raise Wrong(f"손실 {loss!r}은(는) 원-핫 레이블에 맞지 않습니다. 원-핫 레이블용 크로스 엔트로피를 고르세요.")


def learning_rate(val_loss_default, val_loss_small):
    default = expect.number(val_loss_default, "val_loss_default")
    small = expect.number(val_loss_small, "val_loss_small")
    if not (0 < default < 5 and 0 < small < 5):
        raise Wrong("검증 손실이 0과 5 사이가 아닙니다. history.history['val_loss'][-1]을 넣었나요?")
    if small <= default:
        raise Wrong("학습률 0.0001의 검증 손실이 더 낮게 나왔습니다. 두 값을 바꿔 넣지 않았는지 보세요.")
    return f"학습률이 작으면 같은 2 에포크 동안 손실이 덜 내려갑니다({default:.4f} < {small:.4f})."


def logits(probabilities, loss):
    z = np.array([2.0, 1.0, 0.1])
    expected = np.exp(z) / np.exp(z).sum()
    got = expect.array(probabilities, "probabilities", shape=(3,))
    if not np.isclose(got.sum(), 1, atol=1e-4):
        raise Wrong(f"확률의 합이 {got.sum():.4f}입니다. 지수 값을 그 합으로 나누어야 합이 1이 됩니다.")
    if not np.allclose(got, expected, atol=1e-4):
        raise Wrong("확률이 다릅니다. p_i = e^{z_i} / Σ_j e^{z_j}입니다.")
    value = expect.number(loss, "loss")
    if np.isclose(value, np.log(expected[0]), atol=1e-3):
        raise Wrong("손실의 부호가 반대입니다. 정답 확률의 −log를 취하세요.")
    if not np.isclose(value, -np.log(expected[0]), atol=1e-3):
        raise Wrong("손실이 다릅니다. 정답(0번) 자리 확률의 −log입니다.")
    return f"손실 {value:.4f}이(가) Keras의 from_logits=True 손실과 같습니다."


EXERCISES = [
    Exercise(
        "조기 종료 따라가기",
        (
            "에포크마다 그때까지의 최저 검증 손실과 기다린 횟수를 표로 적어 보세요.",
            "기다린 횟수가 patience에 닿는 에포크에서 멈추고, 최저 손실의 에포크로 되돌아갑니다.",
            "답은 (멈추는 에포크, 되돌아가는 에포크)의 튜플입니다. 이 장의 when_early_stopping_stops()로도 확인할 수 있습니다.",
        ),
        early_stopping,
    ),
    Exercise(
        "원-핫 레이블로 훈련하기",
        (
            "keras.utils.to_categorical(data.y_train[:4000], num_classes=10)",
            "원-핫 레이블에 맞는 손실은 'categorical_crossentropy'입니다.",
        ),
        one_hot,
    ),
    Exercise(
        "학습률 바꿔 보기",
        (
            "optimizer=keras.optimizers.Adam(learning_rate=0.0001)",
            "history.history['val_loss'][-1]이 마지막 에포크의 검증 손실입니다.",
        ),
        learning_rate,
    ),
    Exercise(
        "로짓에서 손실 계산하기",
        ("np.exp(logits) / np.exp(logits).sum()", "손실 = -np.log(확률[정답])"),
        logits,
    ),
]
