"""10장 더 강한 모델 만들기: the judges and hints of its exercises."""

import dataclasses

import numpy as np

from helpers.exercises import expect
from helpers.exercises.core import Exercise, Wrong


def batch_norm(total, trainable):
    count, learned = expect.integer(total, "total"), expect.integer(trainable, "trainable")
    if count == 64:
        raise Wrong("학습되는 γ, β만 셌습니다. 이동 평균과 이동 분산도 파라미터로 셉니다(채널마다 4개).")
    if count != 128:
        raise Wrong("전체 파라미터 수가 다릅니다. 채널 32개마다 γ, β, 이동 평균, 이동 분산입니다.")
    if learned == 128:
        raise Wrong("이동 평균과 이동 분산은 학습되지 않습니다. trainable_weights만 세세요.")
    if learned != 64:
        raise Wrong("학습되는 파라미터 수가 다릅니다. 채널마다 γ와 β 두 개입니다.")


def test_time_augmentation(original, mirrored, use_tta, labels):
    labels = expect.array(labels, "labels")
    if labels.size == 10000:
        raise Wrong("테스트 세트의 레이블입니다. 쓸지 말지 '고르는' 일은 검증 세트(data.x_val, data.y_val)로 합니다.")
    first = expect.array(original, "original")
    second = expect.array(mirrored, "mirrored")
    for name, value in (("original", first), ("mirrored", second)):
        if value.shape != (labels.size, 10):
            raise Wrong(
                f"{name}의 모양이 {value.shape}입니다. 검증 이미지마다 확률 10개, ({labels.size}, 10)이어야 합니다."
            )
    if np.allclose(first, second):
        raise Wrong("두 확률이 같습니다. 너비 축(세 번째 축)을 거꾸로 읽은 이미지, x[:, :, ::-1]로 예측하세요.")
    plain = float(np.mean(first.argmax(axis=1) == labels))
    averaged = float(np.mean((first + second).argmax(axis=1) == labels))
    better = averaged > plain
    if expect.boolean(use_tta, "use_tta") != better:
        raise Wrong(
            f"검증 정확도는 원래 이미지만 {plain:.4f}, 테스트 시간 증강 {averaged:.4f}입니다. use_tta를 다시 고르세요."
        )
    return f"검증 정확도: 원래 이미지만 {plain:.4f}, 테스트 시간 증강 {averaged:.4f}."


def one_at_a_time(variants):
    from helpers.recipes import Recipe

    if not isinstance(variants, dict):
        raise Wrong(f"variants는 이름을 키로, 레시피를 값으로 하는 딕셔너리여야 하는데 {expect.kind(variants)}입니다.")
    if len(variants) != 4:
        raise Wrong(f"레시피가 {len(variants)}개입니다. 기준 레시피 하나와 하나씩 뺀 레시피 셋, 모두 4개입니다.")
    recipes = list(variants.values())
    if not all(isinstance(recipe, Recipe) for recipe in recipes):
        raise Wrong("variants의 값은 helpers.Recipe여야 합니다. dataclasses.replace(budget, ...)로 만드세요.")
    base, *others = recipes
    changed = []
    for recipe in others:
        fields = [f.name for f in dataclasses.fields(Recipe) if getattr(recipe, f.name) != getattr(base, f.name)]
        if fields == ["model"]:
            fields = sorted(set(recipe.model.items()) ^ set(base.model.items()))
            fields = sorted({key for key, _ in fields})
        if len(fields) != 1:
            raise Wrong(
                f"첫 레시피와 {len(fields)}곳이 다른 레시피가 있습니다. 한 번에 하나만 바꿔야 차이를 그 하나의 효과로 읽습니다."
            )
        changed.append(fields[0])
    if sorted(changed) != ["augment", "cosine_decay", "filters"]:
        raise Wrong(
            f"바꾼 것이 {', '.join(changed)}입니다. 블록(filters), 증강(augment), 스케줄(cosine_decay)을 하나씩 빼세요."
        )
    return "레시피마다 한 가지만 다릅니다."


EXERCISES = [
    Exercise(
        "배치 정규화의 파라미터",
        (
            "bn1.count_params()가 전체 파라미터 수입니다.",
            "학습되는 것은 sum(int(np.prod(w.shape)) for w in bn1.trainable_weights)입니다.",
        ),
        batch_norm,
    ),
    Exercise(
        "예측할 때도 뒤집어 보기",
        (
            "좌우 뒤집기는 너비 축을 거꾸로: data.x_val[:, :, ::-1].",
            "original과 mirrored는 helpers.predict_proba(strong32, ...)의 결과입니다.",
            "use_tta는 검증 정확도가 더 높은 쪽이면 True입니다.",
        ),
        test_time_augmentation,
    ),
    Exercise(
        "무엇이 가장 도움이 되었을까",
        (
            "dataclasses.replace(budget, cosine_decay=False)처럼 값 하나만 바꾼 복사본을 만듭니다.",
            "블록은 model={'filters': (32, 64)}, 증강은 model={'augment': False}로 뺍니다.",
            "짧게 훈련하면 배치 정규화의 이동 평균이 처음 값 쪽에 머뭅니다.",
        ),
        one_at_a_time,
    ),
]
