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
# Colab에서 열었다면 이 책의 helpers 패키지를 설치합니다. 저장소 안에서는 저장소의 helpers를 씁니다.
import importlib.metadata
import pathlib
import subprocess
import sys

try:
    importlib.metadata.version("fashion-cnn-course")  # 이 책의 패키지가 설치되어 있는지(이름만 같은 모듈이 아니라)
except importlib.metadata.PackageNotFoundError:
    if pathlib.Path("../helpers/__init__.py").exists():
        sys.path.insert(0, "..")
    else:
        repository = "git+https://github.com/cnn-course-ko/fashion-mnist-cnn@v1.2.0"
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", repository], check=True)

import helpers.versions

helpers.versions.say_if_untested()  # 이 책이 시험한 TensorFlow·Keras 버전이 아니면 한 문장으로 알립니다

# %%
import helpers

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

# %% [markdown]
# ## 데이터와 훈련한 모델 불러오기
#
# 데이터는 4장과 같은 방법으로 나눕니다. 훈련 세트 48,000장, 검증 세트 12,000장, 테스트 세트 10,000장입니다.

# %%
data = helpers.load_splits()
print(data)

# %% [markdown]
# 모델은 다시 훈련하지 않습니다. `helpers.lesson_model()`은 6장에서 여러분이 훈련해 `save_trained()`로 저장한
# 모델이 있으면 그 모델을 불러오고, 없으면(예를 들어 Colab에서 이 장부터 열었다면) 이 책을 만들 때 6장에서 훈련한
# 모델을 불러옵니다. 어느 쪽인지는 한 문장으로 출력합니다. 8장과 10장도 같은 방법으로 6장의 모델을 쓰므로, 어느
# 장에서도 모델이 몰래 다시 훈련되는 일은 없습니다.
#
# 돌려받은 값의 `.model`이 모델이고, `.history`에는 6장의 훈련 기록이 들어 있습니다. 모델은 6장과 같은 설정으로
# 이미 컴파일되어 있으므로 바로 평가할 수 있습니다.

# %% tags=["nbval-ignore-output"]
run = helpers.lesson_model()
model = run.model

print(f"훈련한 에포크: {run.epochs_run}, 검증 손실이 가장 낮았던 에포크: {run.best_epoch}")

# %% [markdown]
# ## 검증 세트로 평가하기: `evaluate()`
#
# `evaluate()`는 주어진 데이터 전체에 대해 컴파일할 때 정한 손실과 지표를 계산합니다. `return_dict=True`를 주면
# 결과를 `{'accuracy': ..., 'loss': ...}` 딕셔너리로 돌려주어 이름으로 꺼내 쓸 수 있습니다.

# %% tags=["nbval-ignore-output"]
val_scores = model.evaluate(data.x_val, data.y_val, verbose=0, return_dict=True)

print(f"검증 정확도 {val_scores['accuracy']:.4f}, 검증 손실 {val_scores['loss']:.4f}")

# %% [markdown]
# 원본 노트는 같은 구조의 모델을 한 번 훈련해 검증 정확도 0.9154, 손실 0.2511을 얻었습니다. 위 출력도 그 근처이겠지만
# 똑같지는 않을 것입니다. 같은 구조라도 실행마다 결과가 조금씩 다르기 때문입니다.
#
# - **시드**: 초기 가중치, 배치를 섞는 순서, 드롭아웃이 모두 난수로 정해집니다. 시드가 다르면 다른 모델이 나옵니다.
# - **CPU 종류**: 같은 시드라도 CPU가 다르면 부동소수점 덧셈의 순서가 달라 작은 차이가 생기고, 에포크를 거듭하며
#   커집니다.
# - **어느 에포크의 가중치인지**: 원본 노트의 첫 번째 코드는 `restore_best_weights=True` 없이 훈련해서 **마지막
#   에포크**의 가중치로 평가했습니다. 이 책의 모델은 검증 손실이 가장 낮았던 에포크의 가중치입니다.
#
# 그래서 모델의 성능은 소수 둘째 자리쯤의 폭을 두고 보아야 합니다. 한 번의 실행으로 얻은 0.9154나 위의 숫자는 그
# 폭 안의 한 점입니다.
#
# 정확도는 검증 이미지 가운데 맞힌 비율이라 바로 이해됩니다. 손실은 어떻게 읽을까요? 6장에서 보았듯이 손실은 정답
# 클래스에 준 확률 $p_y$에 대한 $-\log p_y$의 평균입니다. 따라서 $e^{-L}$은 정답에 준 확률의 (기하) 평균이라고 볼
# 수 있습니다.

# %% tags=["nbval-ignore-output"]
print(f"정답에 준 확률의 기하 평균: e^(-{val_scores['loss']:.4f}) = {np.exp(-val_scores['loss']):.3f}")

# %% [markdown]
# 이 값은 보통 정확도보다 꽤 낮게 나옵니다. 위의 두 출력을 비교해 보세요. 까닭은 로그에 있습니다. 정답에 0.01처럼
# 아주 낮은 확률을 준 이미지는 $-\log 0.01 \approx 4.6$이라는 큰 손실을 더하므로, 자신 있게 틀린 소수의 이미지가
# 평균을 크게 끌어내립니다. 정확도는 맞았는지만 보지만, 손실은 얼마나 확신하며 맞혔고 얼마나 심하게 틀렸는지까지
# 반영합니다.
#
# ## 이미지 한 장 예측하기: `predict()`
#
# Keras 모델은 언제나 이미지 **묶음**(배치)을 입력으로 받습니다. 입력의 첫 번째 축이 배치 축입니다. 그래서 한 장만
# 예측할 때도 모양이 `(1, 28, 28, 1)`인 '한 장짜리 배치'를 만들어야 합니다. 인덱스 `[0]`은 축 하나를 없애지만,
# 슬라이스 `[0:1]`은 길이 1인 축을 남깁니다.

# %%
print("data.x_val[0]   의 모양:", data.x_val[0].shape)
print("data.x_val[0:1] 의 모양:", data.x_val[0:1].shape)

# %% [markdown]
# 배치 축이 없는 `data.x_val[0]`을 그대로 넣으면 어떻게 될까요? 6장에서처럼 이 셀은 **일부러 오류를 내고**,
# `helpers.show_error()`가 Keras의 오류 종류와 설명을 출력한 뒤 다음 셀로 넘어갑니다.

# %% tags=["nbval-ignore-output"]
with helpers.show_error():
    model.predict(data.x_val[0], verbose=0)

# %% [markdown]
# 오류는 `MaxPooling2D` 층에서 났습니다. 마지막 부분의 `Negative dimension size caused by subtracting 2 from 1`은
# 크기가 1인 축에서 2×2 풀링의 2를 빼려다 음수가 되었다는 뜻이고, 그 아래 `inputs=tf.Tensor(shape=(28, 28, 1, 32), ...)`가
# 풀링 층이 받은 입력의 모양입니다. 무슨 일이 있었는지 거꾸로 따라가 봅시다.
#
# 1. Keras는 `(28, 28, 1)`의 첫 축 28을 **배치 크기**로 읽었습니다. 이미지 한 장이 '28장'이 된 것입니다.
# 2. 모델은 이미지마다 `(28, 28, 1)`을 기대하는데 축이 하나 모자라므로, Keras가 끝에 채널 축을 붙여 입력을
#    `(28, 28, 1, 1)`로 만들었습니다. 높이 28, **너비 1**, 채널 1인 가는 이미지 28장입니다.
# 3. 첫 합성곱 층은 세임 패딩이라 크기를 유지하고 필터 32개를 적용해 `(28, 28, 1, 32)`를 냈습니다.
# 4. 풀링 층은 너비 1에서 2×2 창을 만들 수 없어 오류를 냈습니다.
#
# 메시지는 '배치 축이 없다'고 말해 주지 않고, 엉뚱한 층에서 엉뚱한 숫자를 탓합니다. 오류 메시지에서 예상하지 못한
# 모양을 보면 배치 축부터 의심하세요. 한 장을 예측할 때는 처음부터 `[0:1]`이나 `x[None]`으로 배치 축을 붙이는
# 습관을 들이면 이런 오류를 만나지 않습니다.
#
# 원본 노트의 코드는 `preds = model.predict(val_scaled[0:1])`였습니다. 이 책의 이름으로 쓰면 다음과 같습니다.
# 확률을 그대로 출력하면 `3.2e-09`처럼 지수 표기가 섞여 읽기 어려우므로 소수 셋째 자리에서 반올림합니다.

# %% tags=["nbval-ignore-output"]
preds = model.predict(data.x_val[0:1], verbose=0)
print(preds.shape)
print(np.round(preds, 3))

# %% [markdown]
# 모양이 `(1, 10)`입니다. 한 장짜리 배치이므로 이미지 1장 × 클래스 10개입니다. 열 개의 숫자는 순서대로
# 0번(티셔츠/탑)부터 9번(앵클 부츠)까지 각 클래스의 확률이고, 소프트맥스 출력이므로 모두 더하면 1입니다.
# 원본 노트처럼 막대그래프로 그려 봅시다. 가로축에 클래스 이름을 붙입니다.

# %% mystnb={"image": {"alt": "검증 세트 첫 이미지에 대한 예측 확률의 막대그래프. 가로축은 열 가지 클래스 이름, 세로축은 확률(0~1)이다. 가방 막대 하나만 1 가까이 솟아 있고 나머지 클래스는 거의 0이다."}}
plt.figure(figsize=(7, 3))
plt.bar(range(10), preds[0])
plt.xticks(range(10), helpers.CLASS_NAMES_KO, rotation=45)
plt.xlabel("클래스")
plt.ylabel("확률")
plt.show()

# %% [markdown]
# 모델의 답은 확률이 가장 큰 클래스이고, 그 번호는 `argmax()`로 찾습니다. 번호를 사람이 읽을 수 있는 이름으로 바꿀
# 때는 `helpers.class_name()`을 씁니다.

# %% tags=["nbval-ignore-output"]
predicted = int(preds[0].argmax())
print("예측:", helpers.class_name(predicted))
print("정답:", helpers.class_name(int(data.y_val[0])))

# %% [markdown]
# 이 책에서는 앞으로 `helpers.plots.plot_prediction()`으로 같은 그림을 그립니다. 이미지를 옆에 함께 보여 주고,
# 막대를 한글 클래스 이름과 함께 가로로 그립니다. 막대가 하나만 길게 뻗어 있으면 모델이 확신하는 것이고, 막대 몇 개가
# 비슷하게 길면 여러 클래스 사이에서 망설이는 것입니다. 예측이 틀리면 제목과 예측 막대가 빨간색, 정답 막대가
# 파란색으로 표시됩니다.

# %% mystnb={"image": {"alt": "왼쪽은 검증 세트 첫 이미지인 가방, 오른쪽은 열 가지 클래스의 확률을 가로 막대로 그린 그래프(가로축은 확률 0~1). 제목은 예측과 정답이 모두 가방이라고 알려 주고, 가방 막대 하나만 끝까지 뻗어 있어 모델이 확신하고 맞혔음을 보여 준다."}}
helpers.plots.plot_prediction(data.x_val[0], preds[0], true_label=data.y_val[0])
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

print(val_probabilities.shape, val_predictions.shape)

# %% [markdown]
# 예측과 정답이 같은 비율을 직접 계산하면 `evaluate()`의 정확도와 같아야 합니다. Keras는 지표를 32비트 실수
# (`float32`)로 계산하므로 여기서도 `float32`로 평균을 냅니다. 64비트로 계산하면 반올림이 갈리는 자리에 있는 값이 넷째
# 자리에서 하나 달라 보일 수 있습니다.

# %% tags=["nbval-ignore-output"]
val_accuracy = np.mean(val_predictions == data.y_val, dtype="float32")
print(f"직접 계산한 정확도  : {val_accuracy:.4f}")
print(f"evaluate()의 정확도 : {val_scores['accuracy']:.4f}")

# %% [markdown]
# ## 혼동 행렬: 무엇을 무엇과 헷갈릴까
#
# 정확도는 전체 중 몇 장을 틀리는지는 알려 주지만, **어떤** 옷을 틀리는지는 알려 주지 않습니다. **혼동 행렬**은 이를
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
print("행의 합이 클래스별 이미지 수와 같은가?", bool((matrix.sum(axis=1) == val_counts).all()))

# %% [markdown]
# `helpers.plots.plot_confusion()`은 각 행을 그 행의 합으로 나누어 비율로 보여 줍니다. 그러면 대각선의 값이 곧 그
# 클래스의 정확도가 되고, 한 행의 대각선 밖 값들은 그 클래스가 어느 클래스로 잘못 분류되었는지의 비율이 됩니다.

# %% mystnb={"image": {"alt": "검증 세트의 혼동 행렬을 행마다 비율로 칠한 10×10 격자. 세로축은 실제 클래스, 가로축은 예측한 클래스이고, 칸마다 비율이 숫자로 적혀 있으며 진할수록 높다. 대각선 칸이 대부분 진하지만 셔츠 행은 대각선이 가장 옅고 티셔츠/탑, 스웨터, 코트 칸에 비율이 흩어져 있어, 셔츠를 다른 상의로 자주 착각한다는 것이 보인다."}} tags=["nbval-ignore-output"]
helpers.plots.plot_confusion(matrix)
plt.show()

# %% [markdown]
# 그림을 읽는 요령은 이렇습니다. 대각선 칸이 진할수록 그 클래스를 잘 맞힌 것입니다. 어떤 행의 대각선 칸이 다른 행보다
# 옅고 같은 행의 다른 칸이 진하다면, 그 클래스를 진한 칸의 클래스로 자주 착각한다는 뜻입니다.
#
# 혼동 행렬은 대칭이 아닙니다. '셔츠를 티셔츠/탑으로' 틀린 수와 '티셔츠/탑을 셔츠로' 틀린 수는 다를 수 있습니다.
# 가장 많이 틀린 (실제, 예측) 쌍을 숫자로 뽑아 봅시다.

# %% tags=["nbval-ignore-output"]
errors = matrix.copy()
np.fill_diagonal(errors, 0)                      # 맞힌 것은 빼고 틀린 것만
worst = np.argsort(errors, axis=None)[::-1][:5]  # 평탄화한 인덱스, 큰 순서
for true_label, predicted_label in zip(*np.unravel_index(worst, errors.shape)):
    true_name = helpers.class_name(int(true_label))
    predicted_name = helpers.class_name(int(predicted_label))
    print(f"실제 {true_name:<6} → 예측 {predicted_name:<6} {errors[true_label, predicted_label]:>4}장")

# %% [markdown]
# ## 클래스별 정확도
#
# 혼동 행렬의 대각선을 행의 합으로 나누면 클래스별 정확도가 됩니다. 실제로 그 클래스인 이미지 가운데 맞힌 비율이며,
# 재현율(recall)이라고도 부릅니다. `helpers.per_class_accuracy()`가 이 계산을 합니다. 표로 만들어 정확도가 낮은
# 순서로 정렬하면 모델의 약점이 맨 위에 옵니다.

# %% tags=["nbval-ignore-output"]
per_class = helpers.per_class_accuracy(matrix)
# 행마다 가장 많이 틀린 열: 하나도 틀리지 않은 클래스는 '-'
most_confused = [helpers.class_name(int(j)) if row.any() else "-"
                 for j, row in zip(errors.argmax(axis=1), errors)]

table = pd.DataFrame(
    {
        "클래스": helpers.CLASS_NAMES_KO,
        "검증 이미지 수": matrix.sum(axis=1),
        "맞힌 수": matrix.diagonal(),
        "정확도": per_class.round(4),
        "가장 많이 헷갈린 클래스": most_confused,
    }
).rename_axis("번호").sort_values("정확도")
table

# %% tags=["nbval-ignore-output"]
lowest = np.argsort(per_class)[:3]
highest = np.argsort(per_class)[::-1][:3]
print("정확도가 가장 낮은 세 클래스:",
      ", ".join(f"{helpers.class_name(int(i))} {per_class[i]:.4f}" for i in lowest))
print("정확도가 가장 높은 세 클래스:",
      ", ".join(f"{helpers.class_name(int(i))} {per_class[i]:.4f}" for i in highest))

# %% [markdown]
# 전체 정확도는 하나의 숫자지만 클래스마다 사정이 크게 다릅니다. 위 출력에서 가장 낮은 클래스와 가장 높은 클래스의
# 정확도를 비교해 보세요. 패션 MNIST로 훈련한 모델에서는 대개 셔츠가 가장 낮고, 셔츠와 서로 헷갈리는 티셔츠/탑,
# 스웨터, 코트 같은 상의가 그 뒤에 옵니다. 넷 모두 몸통과 소매가 있는 상의이고, 28×28 흑백 이미지에서는 단추나 옷깃,
# 소재 같은 차이가 거의 보이지 않기 때문입니다. 반대로 바지, 가방, 샌들, 스니커즈, 앵클 부츠처럼 모양이 독특한
# 클래스는 훨씬 높은 정확도로 맞힙니다. 표의 '가장 많이 헷갈린 클래스' 열에서 약한 클래스들이 서로를 헷갈리는지도 확인해
# 보세요. 모델을 개선하고 싶다면 전체 정확도보다 표의 윗줄, 즉 약한 클래스를 구별하는 능력을 높이는 데 집중해야 합니다.
#
# ## 틀린 이미지 살펴보기
#
# 숫자만으로는 모델이 **왜** 틀렸는지 알 수 없습니다. 틀린 이미지를 직접 봅시다. 각 그림의 제목은 모델의 예측이고,
# 괄호 안이 정답입니다.

# %% mystnb={"image": {"alt": "모델이 틀린 검증 이미지 12장을 격자로 그린 그림. 각 이미지의 제목은 모델의 예측이고 괄호 안이 정답이다. 셔츠, 티셔츠/탑, 스웨터, 코트처럼 비슷한 상의끼리 틀린 경우가 많고, 사람이 보아도 헷갈리는 이미지가 섞여 있다."}} tags=["nbval-ignore-output"]
helpers.plots.plot_mistakes(data.x_val, data.y_val, val_predictions, count=12)
plt.show()

# %% [markdown]
# 틀린 이미지를 보면 몇 가지 유형이 보입니다.
#
# - **사람도 헷갈리는 이미지**: 단추가 보이지 않는 셔츠는 티셔츠나 스웨터와 구별하기 어렵습니다. 28×28 해상도에서는
#   옷깃이나 지퍼 같은 작은 단서가 몇 픽셀에 불과합니다.
# - **애매한 정답**: 패션 MNIST의 레이블은 상품 분류에서 가져온 것이라, 같은 모양의 옷이 어떤 때는 '셔츠', 어떤 때는
#   '티셔츠/탑'으로 붙어 있기도 합니다. 이런 이미지는 어떤 모델도 완벽히 맞히기 어렵습니다.
# - **모델의 진짜 실수**: 모양이 분명한데도 틀렸다면 모델이 아직 그 특성을 충분히 배우지 못한 것입니다. 이런 실수는
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
# 위 출력에서 틀린 이미지의 평균 확신도가 맞힌 이미지보다 낮습니다. 모델은 틀릴 때 대체로 '망설이며' 틀립니다. 실제
# 서비스라면 이 성질을 활용할 수 있습니다. 확신도가 낮은 이미지만 사람이 다시 확인하게 하면, 적은 노력으로 많은
# 오류를 잡을 수 있습니다. 다만 높은 확신으로 틀리는 이미지도 있으므로 확률을 정답의 보증으로 여겨서는 안 됩니다.
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

print(f"테스트 정확도 {test_scores['accuracy']:.4f}, 테스트 손실 {test_scores['loss']:.4f}")
print(f"(검증 세트: 정확도 {val_scores['accuracy']:.4f}, 손실 {val_scores['loss']:.4f})")

# %% [markdown]
# 테스트 정확도가 검증 정확도와 비슷하면, 검증 세트로 내린 결정들이 검증 세트에만 맞춰진 것이 아니라는 뜻입니다.
# 테스트 점수가 검증 점수보다 약간 낮은 것은 흔하고 자연스러운 일입니다. 위의 테스트 점수가 이 모델에 대해 보고할
# 최종 성능입니다. 만약 이 결과를 보고 모델을 고치고 싶어진다면, 고친 모델의 최종 평가에는 새로운 테스트 데이터가
# 필요합니다.
#
# 이 책의 모델을 직접 써 보고 싶다면 [직접 그려 보기](draw.md) 페이지에서 옷이나 신발을 그리거나 휴대폰으로 찍은 사진을 열어 보세요.
# 이 장의 모델이 브라우저 안에서 바로 예측합니다. 직접 찍은 사진이나 그린 그림을 파이썬에서 모델에 넣는 방법은 11장에서 다룹니다.
#
# ## 정리
#
# - `model.evaluate(x, y, verbose=0, return_dict=True)`는 손실과 정확도를 딕셔너리로 돌려줍니다. 손실 $L$에서
#   $e^{-L}$은 정답에 준 확률의 평균적인 크기입니다.
# - `predict()`는 언제나 배치를 받으므로, 한 장을 예측할 때도 `x[0:1]`처럼 배치 축을 남깁니다. 출력은 합이 1인
#   확률이고, `argmax()`로 클래스 번호를 얻습니다.
# - 혼동 행렬의 $i$행 $j$열은 실제 $i$를 $j$로 예측한 수입니다. 패션 MNIST에서는 셔츠, 티셔츠/탑, 스웨터, 코트
#   같은 상의끼리 가장 많이 헷갈립니다.
# - 클래스별 정확도와 틀린 이미지를 보면 전체 정확도가 감추는 약점이 드러나고, 모델은 틀릴 때 대체로 덜 확신합니다.
# - 테스트 세트는 모든 결정을 마친 뒤 마지막에 한 번만 써서 최종 성능을 보고합니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 모델의 예측은 훈련마다 조금씩 다르므로
# `check()`는 여러분의 `val_probabilities`와 혼동 행렬로 정답을 계산해 견줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(7)

# %% [markdown]
# ### 연습 1. 자신 있게 틀린 이미지
#
# 검증 세트의 처음 100장 가운데 모델이 틀린 이미지의 번호(인덱스)를 모두 찾아 `wrong`에 넣고, 그중 모델이 가장
# **자신 있게** 틀린 이미지, 곧 예측한 클래스의 확률(확신도)이 가장 높은 이미지의 번호를 `worst`에 넣으세요. 그다음
# 셀에서 그 이미지를 그려 예측과 정답을 견주어 봅니다. 사람이 보기에도 헷갈리는 이미지인가요, 아니면 레이블이
# 의심스러운가요? 이미 계산한 `val_probabilities`와 `val_predictions`를 쓰면 다시 예측할 필요가 없습니다.
#
# <details><summary>풀이</summary>
#
# `val_predictions[:100] != data.y_val[:100]`은 틀린 곳이 `True`인 불리언 마스크이고, `np.flatnonzero()`가 그
# 번호를 뽑습니다. 틀린 이미지들의 확신도는 `val_probabilities[wrong].max(axis=1)`이고, 그 `argmax()`는 `wrong`
# 안에서의 위치이므로 `wrong[...]`으로 원래 번호를 꺼냅니다.
#
# 자신 있게 틀린 이미지는 대개 둘 중 하나입니다. 셔츠와 티셔츠/탑, 코트와 스웨터처럼 사람이 봐도 28×28 픽셀로는
# 가리기 어려운 이미지이거나, 레이블이 잘못 붙은 것으로 보이는 이미지입니다. 확신도가 높다고 맞는 것은 아니므로,
# 확신도만 믿고 예측을 쓰면 이런 이미지를 놓칩니다(연습 3).
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
wrong = np.flatnonzero(val_predictions[:100] != data.y_val[:100])  # 답: 처음 100장 가운데 틀린 이미지의 번호
worst = int(wrong[val_probabilities[wrong].max(axis=1).argmax()])  # 답: 그 가운데 확신도가 가장 높은 번호
q[1].check(wrong, worst, probabilities=val_probabilities, labels=data.y_val)

# %% tags=["solution", "nbval-ignore-output"]
# 답: 그 이미지를 그려 예측과 정답을 견주어 봅니다
guess, truth = int(val_predictions[worst]), int(data.y_val[worst])
plt.figure(figsize=(2.5, 2.5))
plt.imshow(data.x_val[worst, :, :, 0], cmap="gray_r")
plt.title(f"예측 {helpers.class_name(guess)} ({val_probabilities[worst, guess]:.2f})\n정답 {helpers.class_name(truth)}")
plt.axis("off")
plt.show()

# %% [markdown]
# ### 연습 2. 셔츠는 어디로 갔을까
#
# 혼동 행렬의 셔츠 행(6번)을 이용해, 실제 셔츠 이미지가 각 클래스로 예측된 비율 `shirt`를 구하세요. 그리고 셔츠를
# 가장 자주 어떤 클래스로 잘못 예측하는지 그 클래스의 번호(또는 이름)를 `most_confused`에 넣으세요. 그 클래스가
# 셔츠와 헷갈리는 이유를 4장의 평균 이미지와 견주어 생각해 보세요. 비율을 모두 더하면 얼마가 되어야 할까요?
#
# <details><summary>풀이</summary>
#
# 6번 행을 그 행의 합으로 나누면 실제 셔츠가 각 클래스로 예측된 비율이 됩니다. 그중 6번 열이 셔츠의 클래스별
# 정확도이고, 한 행의 비율을 모두 더하면 1이 되어야 합니다. 셔츠 자신(6번)을 뺀 가장 큰 비율이 가장 자주 헷갈리는
# 클래스입니다. 대개 티셔츠/탑이나 코트, 스웨터처럼 몸통과 소매의 모양이 셔츠와 거의 같은 윗옷입니다. 4장의 평균
# 이미지에서도 이 클래스들은 모양이 거의 겹쳤습니다. 28×28 흑백 이미지에서는 단추나 깃 같은 작은 차이만 남기
# 때문입니다.
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
shirt = matrix[6] / matrix[6].sum()  # 답: 실제 셔츠가 각 클래스로 예측된 비율
most_confused = max((j for j in range(10) if j != 6), key=lambda j: shirt[j])  # 답: 셔츠 다음으로 큰 비율의 클래스
for j in np.argsort(shirt)[::-1]:  # 답: 비율이 높은 순서로 출력합니다
    if shirt[j] > 0:
        print(f"{helpers.class_name(int(j)):<6} {shirt[j]:.3f}")
q[2].check(shirt, most_confused, matrix=matrix)

# %% [markdown]
# ### 연습 3. 확신도로 걸러 내기
#
# 확신도(가장 큰 확률)가 0.9 이상인 검증 이미지만 모으면 전체의 몇 %가 남고(`share`, 0~1의 비율), 그 이미지들의
# 정확도(`accuracy_high`)는 얼마일까요? 나머지 이미지의 정확도(`accuracy_low`)와 비교해 보세요.
#
# <details><summary>풀이</summary>
#
# 불리언 마스크로 나누어 각각 정확도를 계산합니다. 6장의 모델이라면 대부분의 이미지가 0.9 이상에 들고, 그 정확도는
# 전체 정확도보다 높으며 나머지 이미지의 정확도는 훨씬 낮게 나옵니다(`check()`가 두 정확도를 보여 줍니다). 확신도가
# 낮은 이미지만 사람이 검토하는 전략이 효과적인 이유입니다.
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
confident = confidence >= 0.9  # 답: 확신도가 0.9 이상인 이미지의 불리언 마스크
share = confident.mean()  # 답: 그런 이미지의 비율
accuracy_high = correct[confident].mean()  # 답: 확신도 0.9 이상의 정확도
accuracy_low = correct[~confident].mean()  # 답: 나머지 이미지의 정확도
q[3].check(share, accuracy_high, accuracy_low, confidence=confidence, correct=correct)

# %% [markdown]
# ### 연습 4. 테스트 세트를 한 번만 쓰는 이유
#
# 친구가 테스트 정확도를 보고 드롭아웃 비율을 0.4에서 0.3으로 바꾸어 다시 훈련했더니 테스트 정확도가 0.3%p 올랐다고
# 합니다. 이 '오른 테스트 정확도'를 최종 성능으로 보고해도 될까요? 생각해 보는 문제이므로 답을 정한 뒤 접힌 풀이나
# `q[4].solution()`과 견주어 보세요.
#
# <details><summary>풀이</summary>
#
# 안 됩니다. 테스트 점수를 보고 드롭아웃 비율을 골랐으므로 테스트 세트가 모델 선택에 쓰였습니다. 여러 설정 가운데
# 테스트 점수가 가장 좋은 것을 고르면, 그 점수에는 이 특정한 테스트 이미지 10,000장에 우연히 잘 맞은 몫이 섞입니다.
# 0.3%p 정도의 차이는 그런 우연으로도 충분히 생길 수 있습니다. 하이퍼파라미터는 **검증 세트**로 비교해서 고르고,
# 테스트 세트는 고른 모델을 마지막에 한 번 평가하는 데만 써야 합니다.
#
# </details>

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [6. 컴파일과 훈련](06_compile_and_train.ipynb) · 다음: [8. 필터와 특성 맵 시각화](08_filters_and_feature_maps.ipynb)
