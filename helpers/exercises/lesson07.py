"""7장 평가와 예측: the judges and hints of its exercises."""

import numpy as np

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong


def confidently_wrong(wrong, worst, probabilities, labels):
    probabilities = expect.array(probabilities, "probabilities")[:100]
    labels = expect.array(labels, "labels")[:100]
    predictions = probabilities.argmax(axis=1)
    expected = np.flatnonzero(predictions != labels)
    got = expect.array(np.asarray(wrong) if isinstance(wrong, list) else wrong, "wrong")
    if got.dtype == bool:
        raise Wrong("wrong이 불리언 마스크입니다. np.flatnonzero(...)로 틀린 이미지의 번호를 뽑으세요.")
    if got.size == 100 - expected.size:
        raise Wrong("맞힌 이미지의 번호입니다. 예측과 정답이 다른 이미지를 고르세요.")
    if sorted(got.ravel().tolist()) != expected.tolist():
        raise Wrong(f"틀린 이미지가 {expected.size}장이어야 하는데 {got.size}장입니다. 처음 100장만 보세요.")
    if expected.size == 0:
        return "처음 100장을 모두 맞혔습니다."
    best = int(expected[probabilities[expected].max(axis=1).argmax()])
    index = expect.integer(worst, "worst")
    if index == int(expected[probabilities[expected, labels[expected]].argmin()]) and index != best:
        raise Wrong(
            "정답 클래스의 확률이 가장 낮은 이미지입니다. 예측한 클래스의 확률(확신도)이 가장 높은 것을 고르세요."
        )
    if index != best:
        raise Wrong("틀린 이미지 가운데 확신도(가장 큰 확률)가 가장 높은 이미지가 아닙니다.")
    return f"{index}번 이미지를 확신도 {probabilities[index].max():.4f}로 틀렸습니다. 이미지를 그려 레이블과 견주어 보세요."


def shirts(shirt, most_confused, matrix):
    from helpers.data import CLASS_NAMES_KO

    matrix = expect.array(matrix, "matrix", shape=(10, 10))
    got = expect.array(shirt, "shirt", shape=(10,))
    row = matrix[6] / matrix[6].sum()
    if not np.allclose(got, row, atol=1e-6) and np.allclose(got, matrix[:, 6] / matrix[:, 6].sum()):
        raise Wrong("6번 열(셔츠로 예측한 이미지)을 썼습니다. 실제 셔츠는 6번 행입니다.")
    if np.allclose(got, matrix[6]):
        raise Wrong("개수 그대로입니다. 행의 합으로 나누어 비율로 바꾸세요.")
    if not np.allclose(got, row, atol=1e-6):
        raise Wrong("비율이 다릅니다. shirt = matrix[6] / matrix[6].sum()")
    others = got.copy()
    others[6] = -1
    expected = int(others.argmax())
    if isinstance(most_confused, str):
        if most_confused not in CLASS_NAMES_KO:
            raise Wrong(f"{most_confused!r}은(는) 클래스 이름이 아닙니다. 클래스 번호(0~9)를 넣어도 됩니다.")
        index = CLASS_NAMES_KO.index(most_confused)
    else:
        index = expect.integer(most_confused, "most_confused")
    if index == 6:
        raise Wrong("6번 열은 셔츠를 맞힌 비율입니다. 셔츠 자신을 빼고 가장 큰 비율을 고르세요.")
    if index != expected:
        raise Wrong("셔츠가 가장 자주 잘못 예측되는 클래스가 아닙니다. 6번을 뺀 가장 큰 비율을 고르세요.")
    return f"실제 셔츠는 {CLASS_NAMES_KO[expected]}(으)로 가장 많이 잘못 예측됩니다({got[expected]:.3f})."


def confidence_split(share, accuracy_high, accuracy_low, confidence, correct):
    confidence = expect.array(confidence, "confidence")
    correct = expect.array(correct, "correct").astype(bool)
    confident = confidence >= 0.9
    value = expect.number(share, "share")
    if expect.close(value, 100 * confident.mean(), 0.05):
        raise Wrong("share를 백분율로 썼습니다. 0~1 사이의 비율로 쓰세요(출력할 때 :.1%로 바꿉니다).")
    if expect.close(value, 1 - confident.mean(), 1e-4) and not expect.close(value, confident.mean(), 1e-4):
        raise Wrong("확신도 0.9 미만의 비율입니다. 0.9 이상인 이미지의 비율을 넣으세요.")
    if not expect.close(value, confident.mean(), 1e-4):
        raise Wrong("share가 다릅니다. (confidence >= 0.9).mean()입니다.")
    high, low = expect.number(accuracy_high, "accuracy_high"), expect.number(accuracy_low, "accuracy_low")
    if expect.close(high, correct[~confident].mean(), 1e-4) and expect.close(low, correct[confident].mean(), 1e-4):
        raise Wrong("두 정확도를 바꿔 넣었습니다.")
    if not expect.close(high, correct[confident].mean(), 1e-4):
        raise Wrong("확신도 0.9 이상의 정확도가 다릅니다. correct[confident].mean()입니다.")
    if not expect.close(low, correct[~confident].mean(), 1e-4):
        raise Wrong("확신도 0.9 미만의 정확도가 다릅니다. correct[~confident].mean()입니다.")
    return f"확신도가 높은 이미지의 정확도({high:.4f})가 나머지({low:.4f})보다 높습니다."


EXERCISES = [
    Exercise(
        "자신 있게 틀린 이미지",
        (
            "예측과 정답이 다른 곳: val_predictions[:100] != data.y_val[:100], 번호는 np.flatnonzero(...).",
            "확신도는 val_probabilities[wrong].max(axis=1)이고, 그 argmax가 wrong 안의 위치입니다.",
            "worst = int(wrong[확신도.argmax()])",
        ),
        confidently_wrong,
    ),
    Exercise(
        "셔츠는 어디로 갔을까",
        (
            "실제 셔츠는 혼동 행렬의 6번 행입니다.",
            "shirt = matrix[6] / matrix[6].sum()",
            "6번을 뺀 가장 큰 값: 복사본에서 6번을 -1로 바꾼 뒤 argmax().",
        ),
        shirts,
    ),
    Exercise(
        "확신도로 걸러 내기",
        (
            "confident = confidence >= 0.9는 불리언 마스크입니다.",
            "correct[confident].mean()이 그 이미지들의 정확도입니다.",
        ),
        confidence_split,
    ),
    Exercise(
        "테스트 세트를 한 번만 쓰는 이유",
        (
            "드롭아웃 비율을 '고른' 데이터가 무엇인지 생각해 보세요.",
            "여러 설정 가운데 가장 좋은 점수에는 우연히 잘 맞은 몫이 섞입니다.",
        ),
    ),
]
