# %% [markdown]
# # 7. 평가와 예측
#
# 6장에서 훈련한 합성곱 신경망이 실제로 얼마나 잘하는지 따져 볼 차례입니다. 점수 하나만 보고 끝내지 않습니다.
# 이미지 한 장에 대한 예측 확률을 들여다보고, **혼동 행렬**로 어떤 옷을 어떤 옷과 헷갈리는지 찾고, 틀린 이미지를 직접
# 눈으로 확인합니다. 모델이 무엇을 잘하고 무엇을 못하는지 알아야 다음에 무엇을 고칠지 정할 수 있기 때문입니다.
# 마지막으로 지금까지 아껴 둔 테스트 세트로 최종 성능을 한 번만 잽니다. 낯선 용어는 [용어집](glossary.md)에서
# 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - `evaluate()`로 검증 세트의 손실과 정확도를 재고, 손실 값이 뜻하는 바를 해석합니다.
# - `predict()`에 이미지 한 장을 넣을 때 배치 축을 유지해야 하는 이유를 이해하고, 소프트맥스 확률을 클래스 이름으로
#   바꿉니다.
# - 혼동 행렬과 클래스별 정확도로 모델이 헷갈리는 클래스를 찾습니다.
# - 틀린 예측을 직접 살펴보고 그 원인을 생각해 봅니다.
# - 테스트 세트를 마지막에 한 번만 쓰는 이유를 이해합니다.

# %% tags=["remove-cell"]
# Colab에서 열었다면 이 과정의 helpers 패키지를 설치합니다. 저장소 안에서는 아무 일도 하지 않습니다.
import importlib.util
import pathlib
import subprocess
import sys

if importlib.util.find_spec("helpers") is None:
    if pathlib.Path("../helpers/__init__.py").exists():
        sys.path.insert(0, "..")
    else:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                        "git+https://github.com/cnn-course-ko/fashion-mnist-cnn"], check=True)

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import helpers
from helpers import plots

# %% [markdown]
# ## 데이터와 훈련한 모델 불러오기
#
# 데이터는 4장과 같은 방법으로 나눕니다. 훈련 세트 48,000장, 검증 세트 12,000장, 테스트 세트 10,000장입니다.

# %%
data = helpers.load_splits()
print(data)
assert data.x_val.shape == (12000, 28, 28, 1)
assert data.x_test.shape == (10000, 28, 28, 1)

# %% [markdown]
# 모델은 다시 훈련하지 않습니다. 6장은 훈련을 마친 모델과 훈련 기록을 `save_run()`으로 `models/` 아래 폴더에
# 저장했습니다. `helpers.train_or_load()`는 지금 실행 모드에 해당하는 그 폴더를 찾아 **저장된 모델을 불러옵니다**.
# 6장을 건너뛰어 저장된 모델이 없을 때에만 6장과 똑같은 순서(시드 42, `build_cnn()`, 같은 컴파일과 콜백)로 훈련하고
# 저장합니다. 어느 쪽이든 6장에서 만든 것과 같은 모델을 얻습니다. 돌려받은 값의 `.model`이 모델이고, `.history`에는
# 훈련 기록이 들어 있습니다.

# %% tags=["nbval-ignore-output"]
run = helpers.train_or_load()
model = run.model

print("저장된 모델을 불러왔나요?", run.loaded)
print(f"훈련한 에포크: {run.epochs_run}, 검증 손실이 가장 낮았던 에포크: {run.best_epoch}")

# %% [markdown]
# ## 검증 세트로 평가하기: `evaluate()`
#
# `evaluate()`는 주어진 데이터 전체에 대해 컴파일할 때 정한 손실과 지표를 계산합니다. `return_dict=True`를 주면
# 결과를 `{'accuracy': ..., 'loss': ...}` 딕셔너리로 돌려주어 이름으로 꺼내 쓸 수 있습니다. 저장된 `.keras` 파일에는
# 컴파일 설정까지 들어 있으므로 불러온 모델을 다시 컴파일할 필요가 없습니다.

# %% tags=["nbval-ignore-output"]
val_scores = model.evaluate(data.x_val, data.y_val, verbose=0, return_dict=True)

print(f"이 과정의 모델: 검증 정확도 {val_scores['accuracy']:.4f}, 검증 손실 {val_scores['loss']:.4f}")
print("원본 노트의 값: 검증 정확도 0.9154, 검증 손실 0.2511")

# %% tags=["remove-input", "nbval-ignore-output"]
helpers.glue("val_accuracy", val_scores["accuracy"])
helpers.glue("val_loss", val_scores["loss"])
helpers.glue("val_errors_per_100", 100 * (1 - val_scores["accuracy"]))
helpers.glue("mean_probability", np.exp(-val_scores["loss"]))

# %% [markdown]
# 원본 노트는 같은 구조의 모델로 검증 정확도 0.9154, 손실 0.2511을 얻었습니다. 전체 모드로 훈련한 이 과정의 모델은
# 검증 정확도 {glue:text}`val_accuracy:.4f`, 손실 {glue:text}`val_loss:.4f`로 비슷한 수준이지만 값이 똑같지는 않습니다. 초기 가중치를 정하는 시드가 다르고, 원본 노트는
# `restore_best_weights=True`를 쓰지 않아 **마지막 에포크**의 가중치로 평가했기 때문입니다. 이 과정의 모델은 검증
# 손실이 가장 낮았던 에포크의 가중치입니다. 빠른 모드로 실행했다면 4,000장으로 2 에포크만 훈련했으므로 정확도가 눈에 띄게
# 낮습니다.
#
# 정확도는 12,000장 중 맞힌 비율이라 바로 이해됩니다. 손실은 어떻게 읽을까요? 6장에서 보았듯이 손실은 정답 클래스에 준
# 확률 $p_y$에 대한 $-\log p_y$의 평균입니다. 따라서 $e^{-L}$은 정답에 준 확률의 (기하) 평균이라고 볼 수 있습니다.
# 이 모델의 손실 {glue:text}`val_loss:.3f`에 대입하면 $e^{-L} \approx$ {glue:text}`mean_probability:.2f`이므로,
# 모델은 정답에 평균적으로 약 {glue:text}`mean_probability:.0%`의 확률을 줍니다. 정확도({glue:text}`val_accuracy:.1%`)보다
# 낮은 까닭은 로그 때문입니다. 정답에 0.01처럼 아주 낮은 확률을 준 이미지는 $-\log 0.01 \approx 4.6$이라는 큰 손실을
# 더하므로, 자신 있게 틀린 소수의 이미지가 평균을 크게 끌어내립니다. 정확도는 맞았는지만 보지만, 손실은 얼마나
# 확신하며 맞혔고 얼마나 심하게 틀렸는지까지 반영합니다.

# %% tags=["nbval-ignore-output"]
print(f"정답에 준 확률의 기하 평균: e^(-{val_scores['loss']:.4f}) = {np.exp(-val_scores['loss']):.3f}")

# %% [markdown]
# ## 이미지 한 장 예측하기: `predict()`
#
# 케라스 모델은 언제나 이미지 **묶음(배치)**을 입력으로 받습니다. 입력의 첫 번째 축이 배치 축입니다. 그래서 한 장만
# 예측할 때도 모양이 `(1, 28, 28, 1)`인 '한 장짜리 배치'를 만들어야 합니다. 인덱스 `[0]`은 축 하나를 없애지만,
# 슬라이스 `[0:1]`은 길이 1인 축을 남깁니다.

# %%
print("data.x_val[0]   의 모양:", data.x_val[0].shape)
print("data.x_val[0:1] 의 모양:", data.x_val[0:1].shape)
assert data.x_val[0:1].shape == (1, 28, 28, 1)

# %% [markdown]
# `data.x_val[0]`을 그대로 넣으면 케라스는 첫 축의 28을 배치 크기로 착각합니다. 그러면 `(28, 1)` 크기의 '이미지' 28장으로
# 잘못 읽다가, 크기가 모자란 특성 맵을 풀링하려는 순간 알아보기 어려운 `ValueError`를 냅니다. 오류 메시지가 원인을
# 짚어 주지 않으므로, 한 장을 예측할 때는 처음부터 `[0:1]`이나 `x[None]`으로 배치 축을 붙이는 습관을 들이세요.

# %%
try:
    model.predict(data.x_val[0], verbose=0)
except ValueError as error:
    print("배치 축 없이 넣으면:", type(error).__name__)

# %% [markdown]
# 원본 노트의 코드는 `preds = model.predict(val_scaled[0:1])`였습니다. 이 과정의 이름으로 쓰면 다음과 같습니다.
# 확률을 그대로 출력하면 `3.2e-09`처럼 지수 표기가 섞여 읽기 어려우므로 소수 셋째 자리에서 반올림합니다.

# %% tags=["nbval-ignore-output"]
preds = model.predict(data.x_val[0:1], verbose=0)
print(np.round(preds, 3))

# %%
# 한 장짜리 배치이므로 (1, 10): 이미지 1장 × 클래스 10개
print(preds.shape)
assert preds.shape == (1, 10)
assert np.isclose(preds.sum(), 1.0, atol=1e-5)   # 소프트맥스 출력은 합이 1인 확률

# %% [markdown]
# 열 개의 숫자는 순서대로 0번(티셔츠/탑)부터 9번(앵클 부츠)까지 각 클래스의 확률입니다. 소프트맥스 출력이므로 모두
# 더하면 1입니다. 모델의 답은 확률이 가장 큰 클래스이고, 그 번호는 `argmax()`로 찾습니다. 번호를 사람이 읽을 수 있는
# 이름으로 바꿀 때는 `helpers.class_name()`을 씁니다.

# %% tags=["nbval-ignore-output"]
for index, probability in enumerate(preds[0]):
    print(f"{index} {helpers.class_name(index):<6} {probability:.3f}")

predicted = int(preds[0].argmax())
print("\n예측:", helpers.class_name(predicted))

# %%
print("정답:", helpers.class_name(int(data.y_val[0])))

# %% [markdown]
# 그림으로 보면 한눈에 들어옵니다. 막대가 하나만 길게 뻗어 있으면 모델이 확신하는 것이고, 막대 몇 개가 비슷하게 길면
# 여러 클래스 사이에서 망설이는 것입니다. 예측이 틀리면 제목과 예측 막대가 빨간색, 정답 막대가 파란색으로 표시됩니다.

# %% tags=["nbval-ignore-output"]
plots.plot_prediction(data.x_val[0], preds[0], true_label=data.y_val[0])
plt.show()

# %% [markdown]
# ## 검증 세트 전체 예측하기
#
# 이제 12,000장 모두를 한꺼번에 예측합니다. `predict()`는 내부에서 32장씩 배치로 나누어 계산하고, 결과를 이어 붙여
# `(12000, 10)` 확률 배열을 돌려줍니다. 각 행의 `argmax()`가 예측 클래스입니다. `helpers.predict_labels()`도 같은
# 일을 합니다.

# %%
val_probabilities = model.predict(data.x_val, verbose=0)
val_predictions = val_probabilities.argmax(axis=1)   # 행마다 확률이 가장 큰 클래스

assert val_probabilities.shape == (12000, 10)
assert val_predictions.shape == data.y_val.shape

# %% [markdown]
# 예측과 정답이 같은 비율을 직접 계산하면 `evaluate()`의 정확도와 같아야 합니다.

# %% tags=["nbval-ignore-output"]
val_accuracy = np.mean(val_predictions == data.y_val)
print(f"직접 계산한 정확도: {val_accuracy:.4f}  evaluate()의 정확도: {val_scores['accuracy']:.4f}")
assert np.isclose(val_accuracy, val_scores["accuracy"])

# %% [markdown]
# ## 혼동 행렬: 무엇을 무엇과 헷갈릴까
#
# 정확도 {glue:text}`val_accuracy:.1%`는 100장 중 {glue:text}`val_errors_per_100:.0f`장쯤 틀린다는 뜻이지만, **어떤** 옷을 틀리는지는 알려 주지 않습니다. **혼동 행렬**은 이를
# 표로 보여 줍니다. $i$행 $j$열의 값은 '실제 클래스가 $i$인데 $j$로 예측한 이미지 수'입니다. 대각선($i = j$)은 맞힌
# 것이고, 대각선 밖은 모두 틀린 것입니다. 한 행을 모두 더하면 그 클래스의 검증 이미지 수가 됩니다.
#
# 먼저 검증 세트에 클래스마다 몇 장씩 들어 있는지 봅시다. 세트를 무작위로 나누었으므로 정확히 1,200장씩은 아니지만
# 거의 고르게 들어 있습니다. 클래스가 고르게 섞여 있으니 정확도 하나로도 전체 성능을 가늠할 수 있습니다.

# %%
val_counts = np.bincount(data.y_val, minlength=10)
print(dict(zip(helpers.CLASS_NAMES_KO, val_counts.tolist())))

# %%
matrix = helpers.confusion(data.y_val, val_predictions)

assert matrix.shape == (10, 10)
assert (matrix.sum(axis=1) == val_counts).all()   # 각 행의 합 = 그 클래스의 실제 이미지 수

# %% [markdown]
# `plots.plot_confusion()`은 각 행을 그 행의 합으로 나누어 비율로 보여 줍니다. 그러면 대각선의 값이 곧 그 클래스의
# 정확도가 되고, 한 행의 대각선 밖 값들은 그 클래스가 어느 클래스로 잘못 분류되었는지의 비율이 됩니다.

# %% tags=["nbval-ignore-output"]
plots.plot_confusion(matrix)
plt.show()

# %% [markdown]
# 잘 훈련된 모델의 혼동 행렬에서는 대개 다음이 보입니다.
#
# - **바지, 가방, 샌들, 스니커즈, 앵클 부츠**는 대각선 값이 1에 가깝습니다. 모양이 독특해서 다른 클래스와 헷갈릴 일이
#   적습니다. 신발 세 종류끼리 조금 헷갈리는 정도입니다.
# - **셔츠**의 행이 가장 어둡지 않습니다. 셔츠는 **티셔츠/탑**, **스웨터**, **코트**로 자주 잘못 분류됩니다. 넷 모두
#   몸통과 소매가 있는 상의이고, 28×28 흑백 이미지에서는 단추나 옷깃, 소재 같은 차이가 거의 보이지 않습니다.
# - **스웨터와 코트**도 서로 자주 헷갈립니다. 둘 다 긴소매 상의라 윤곽이 비슷합니다.
#
# 혼동 행렬은 대칭이 아닙니다. '셔츠를 티셔츠로' 틀린 수와 '티셔츠를 셔츠로' 틀린 수는 다를 수 있습니다. 가장 많이
# 틀린 (실제, 예측) 쌍을 숫자로 뽑아 봅시다.

# %% tags=["nbval-ignore-output"]
errors = matrix.copy()
np.fill_diagonal(errors, 0)                      # 맞힌 것은 빼고 틀린 것만
worst = np.argsort(errors, axis=None)[::-1][:5]  # 평탄화한 인덱스, 큰 순서
for true_label, predicted_label in zip(*np.unravel_index(worst, errors.shape)):
    print(f"실제 {helpers.class_name(int(true_label)):<6} → 예측 {helpers.class_name(int(predicted_label)):<6}"
          f" {errors[true_label, predicted_label]:>4}장")

# %% [markdown]
# ## 클래스별 정확도
#
# 혼동 행렬의 대각선을 행의 합으로 나누면 클래스별 정확도가 됩니다. 실제로 그 클래스인 이미지 가운데 맞힌 비율이며,
# 재현율(recall)이라고도 부릅니다. `helpers.per_class_accuracy()`가 이 계산을 합니다. 표로 만들어 정확도가 낮은
# 순서로 정렬하면 모델의 약점이 맨 위에 옵니다.

# %% tags=["nbval-ignore-output"]
per_class = helpers.per_class_accuracy(matrix)
# 행마다 가장 많이 틀린 열: 하나도 틀리지 않은 클래스는 '-'
most_confused = [helpers.class_name(int(j)) if row.any() else "-" for j, row in zip(errors.argmax(axis=1), errors)]

table = pd.DataFrame(
    {
        "클래스": helpers.CLASS_NAMES_KO,
        "검증 이미지 수": matrix.sum(axis=1),
        "맞힌 수": matrix.diagonal(),
        "정확도": per_class.round(3),
        "가장 많이 헷갈린 클래스": most_confused,
    }
).rename_axis("번호").sort_values("정확도")
table

# %% [markdown]
# 전체 정확도가 {glue:text}`val_accuracy:.1%`여도 클래스마다 사정이 크게 다릅니다. 보통 셔츠가 가장 낮고, 그다음이 스웨터, 코트, 티셔츠/탑처럼
# 서로 헷갈리는 상의들입니다. 바지나 가방처럼 거의 완벽한 클래스와 비교하면 차이가 분명합니다. 모델을 개선하고 싶다면
# 전체 정확도보다 이 표의 윗줄, 즉 상의들을 구별하는 능력을 높이는 데 집중해야 한다는 것을 알 수 있습니다.
#
# ## 틀린 이미지 살펴보기
#
# 숫자만으로는 모델이 **왜** 틀렸는지 알 수 없습니다. 틀린 이미지를 직접 봅시다. 각 그림의 제목은 모델의 예측이고,
# 괄호 안이 정답입니다.

# %% tags=["nbval-ignore-output"]
plots.plot_mistakes(data.x_val, data.y_val, val_predictions, count=12)
plt.show()

# %% [markdown]
# 틀린 이미지를 보면 몇 가지 유형이 보입니다.
#
# - **사람도 헷갈리는 이미지**: 단추가 보이지 않는 셔츠는 티셔츠나 스웨터와 구별하기 어렵습니다. 28×28 해상도에서는
#   옷깃이나 지퍼 같은 작은 단서가 몇 픽셀에 불과합니다.
# - **애매한 정답**: 패션 MNIST의 레이블은 상품 분류에서 가져온 것이라, 같은 모양의 옷이 어떤 때는 '셔츠', 어떤 때는
#   '티셔츠/탑'으로 붙어 있기도 합니다. 이런 이미지는 어떤 모델도 완벽히 맞히기 어렵습니다.
# - **모델의 진짜 실수**: 모양이 분명한데도 틀렸다면 모델이 아직 그 특징을 충분히 배우지 못한 것입니다. 이런 실수는
#   더 많은 데이터, 데이터 증강, 더 깊은 모델로 줄일 수 있습니다.
#
# 모델이 틀릴 때 얼마나 확신했는지도 살펴볼 만합니다. 각 이미지에서 가장 큰 확률을 **확신도**로 보고, 맞힌 이미지와
# 틀린 이미지의 평균 확신도를 비교합니다.

# %% tags=["nbval-ignore-output"]
confidence = val_probabilities.max(axis=1)
correct = val_predictions == data.y_val

print(f"맞힌 이미지 {correct.sum():>5}장의 평균 확신도: {confidence[correct].mean():.3f}")
print(f"틀린 이미지 {(~correct).sum():>5}장의 평균 확신도: {confidence[~correct].mean():.3f}")

# %% [markdown]
# 틀린 이미지의 확신도가 눈에 띄게 낮습니다. 모델은 틀릴 때 대체로 '망설이며' 틀립니다. 실제 서비스라면 이 성질을
# 활용할 수 있습니다. 확신도가 낮은 이미지만 사람이 다시 확인하게 하면, 적은 노력으로 많은 오류를 잡을 수 있습니다.
# 다만 높은 확신으로 틀리는 이미지도 있으므로 확률을 정답의 보증으로 여겨서는 안 됩니다.
#
# ## 테스트 세트: 마지막에 딱 한 번
#
# 지금까지 모델을 고르고 살펴보는 데 검증 세트를 썼습니다. 조기 종료는 검증 손실을 보고 멈출 때를 정했고, 우리는
# 검증 세트의 혼동 행렬을 보며 약점을 찾았습니다. 그러는 사이 검증 세트의 정보가 조금씩 모델 선택에 스며들었으므로,
# 검증 점수는 조금 낙관적일 수 있습니다.
#
# **테스트 세트**는 이런 결정에 한 번도 쓰지 않은 데이터입니다. 그래서 처음 보는 이미지에 대한 성능을 정직하게 추정해
# 줍니다. 테스트 점수를 보고 하이퍼파라미터를 바꾸고 다시 테스트하기를 되풀이하면, 테스트 세트도 결국 검증 세트처럼
# 모델 선택에 쓰인 셈이 되어 정직한 추정치를 잃습니다. 그래서 테스트 세트는 모든 결정을 마친 뒤 **마지막에 한 번만**
# 씁니다.

# %% tags=["nbval-ignore-output"]
test_scores = model.evaluate(data.x_test, data.y_test, verbose=0, return_dict=True)

print(f"검증 세트  : 정확도 {val_scores['accuracy']:.4f}, 손실 {val_scores['loss']:.4f}")
print(f"테스트 세트: 정확도 {test_scores['accuracy']:.4f}, 손실 {test_scores['loss']:.4f}")

# %% tags=["remove-input", "nbval-ignore-output"]
helpers.glue("test_accuracy", test_scores["accuracy"])
helpers.glue("test_loss", test_scores["loss"])

# %% [markdown]
# 이 책의 모델은 테스트 세트에서 정확도 {glue:text}`test_accuracy:.4f`, 손실 {glue:text}`test_loss:.4f`를 얻었습니다.
# 테스트 정확도가 검증 정확도와 비슷하면, 검증 세트로 내린 결정들이 검증 세트에만 맞춰진 것이 아니라는 뜻입니다.
# 테스트 점수가 검증 점수보다 약간 낮은 것은 흔하고 자연스러운 일입니다. 이 테스트 점수가 이 모델에 대해 보고할 최종
# 성능입니다. 만약 이 결과를 보고 모델을 고치고 싶어진다면, 고친 모델의 최종 평가에는 새로운 테스트 데이터가 필요합니다.
#
# ## 정리
#
# - `model.evaluate(x, y, verbose=0, return_dict=True)`는 손실과 정확도를 딕셔너리로 돌려줍니다. 손실 $L$에서
#   $e^{-L}$은 정답에 준 확률의 평균적인 크기입니다.
# - `predict()`는 언제나 배치를 받으므로, 한 장을 예측할 때도 `x[0:1]`처럼 배치 축을 남깁니다. 출력은 합이 1인
#   확률이고, `argmax()`로 클래스 번호를 얻습니다.
# - 혼동 행렬의 $i$행 $j$열은 실제 $i$를 $j$로 예측한 수입니다. 이 모델은 셔츠를 티셔츠/탑, 스웨터, 코트와
#   가장 많이 헷갈립니다.
# - 클래스별 정확도와 틀린 이미지를 보면 전체 정확도가 감추는 약점이 드러나고, 모델은 틀릴 때 대체로 덜 확신합니다.
# - 테스트 세트는 모든 결정을 마친 뒤 마지막에 한 번만 써서 최종 성능을 보고합니다.
#
# ## 연습 문제
#
# :::{admonition} 연습 1. 처음 열 장의 예측
# 검증 세트의 처음 열 장에 대해 예측한 클래스 이름, 정답 이름, 예측 확률을 한 줄씩 출력하고, 틀린 줄에는 표시를
# 붙이세요. 이미 계산한 `val_probabilities`와 `val_predictions`를 쓰면 다시 예측할 필요가 없습니다.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 확률 배열에서 예측한 클래스의 확률을 꺼내려면 `val_probabilities[i, val_predictions[i]]`처럼 행과 열을 함께
# 인덱싱합니다. 이는 `val_probabilities[i].max()`와 같습니다.
#
# ```python
# for i in range(10):
#     guess, truth = int(val_predictions[i]), int(data.y_val[i])
#     mark = "" if guess == truth else "  ← 틀림"
#     print(f"{i}: 예측 {helpers.class_name(guess)} ({val_probabilities[i, guess]:.2f}), "
#           f"정답 {helpers.class_name(truth)}{mark}")
# ```
# :::
#
# :::{admonition} 연습 2. 셔츠는 어디로 갔을까
# 혼동 행렬의 셔츠 행(6번)을 이용해, 실제 셔츠 이미지가 어떤 클래스로 예측되었는지 비율이 높은 순서로 출력하세요.
# 비율을 모두 더하면 얼마가 되어야 할까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 6번 행을 그 행의 합으로 나누면 실제 셔츠가 각 클래스로 예측된 비율이 됩니다. 그중 6번 열이 셔츠의 클래스별
# 정확도입니다. 한 행의 비율을 모두 더하면 1이 되어야 합니다.
#
# ```python
# shirt = matrix[6] / matrix[6].sum()
# for j in np.argsort(shirt)[::-1]:
#     if shirt[j] > 0:
#         print(f"{helpers.class_name(int(j)):<6} {shirt[j]:.3f}")
# print("합계:", round(float(shirt.sum()), 6))
# ```
# :::
#
# :::{admonition} 연습 3. 확신도로 걸러 내기
# 확신도(가장 큰 확률)가 0.9 이상인 검증 이미지만 모으면 전체의 몇 %가 남고, 그 이미지들의 정확도는 얼마일까요?
# 나머지 이미지의 정확도와 비교해 보세요.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 불리언 마스크로 나누어 각각 정확도를 계산합니다. 전체 모드로 훈련한 모델이라면 대부분의 이미지가 0.9 이상에 들고,
# 그 정확도는 전체 정확도보다 높으며 나머지 이미지의 정확도는 훨씬 낮게 나옵니다. 확신도가 낮은 이미지만 사람이 검토하는
# 전략이 효과적인 이유입니다.
#
# ```python
# confident = confidence >= 0.9
# print(f"확신도 0.9 이상: 전체의 {confident.mean():.1%}, 정확도 {correct[confident].mean():.4f}")
# print(f"확신도 0.9 미만: 전체의 {(~confident).mean():.1%}, 정확도 {correct[~confident].mean():.4f}")
# ```
# :::
#
# :::{admonition} 연습 4. 테스트 세트를 한 번만 쓰는 이유
# 친구가 테스트 정확도를 보고 드롭아웃 비율을 0.4에서 0.3으로 바꾸어 다시 훈련했더니 테스트 정확도가 0.3%p 올랐다고
# 합니다. 이 '오른 테스트 정확도'를 최종 성능으로 보고해도 될까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 안 됩니다. 테스트 점수를 보고 드롭아웃 비율을 골랐으므로 테스트 세트가 모델 선택에 쓰였습니다. 여러 설정 가운데
# 테스트 점수가 가장 좋은 것을 고르면, 그 점수에는 이 특정한 테스트 이미지 10,000장에 우연히 잘 맞은 몫이 섞입니다.
# 0.3%p 정도의 차이는 그런 우연으로도 충분히 생길 수 있습니다. 하이퍼파라미터는 **검증 세트**로 비교해서 고르고,
# 테스트 세트는 고른 모델을 마지막에 한 번 평가하는 데만 써야 합니다.
# :::
#
# 이전: [6. 컴파일과 훈련](06_compile_and_train.ipynb) · 다음: [8. 필터와 특성 맵 시각화](08_filters_and_feature_maps.ipynb)
