# %% [markdown]
# # 10. 부록: 더 강한 모델
#
# 6장의 모델은 간단한 구조로 검증 세트에서 원본 노트와 비슷한 정확도를 냈습니다. 이 부록에서는 같은 뼈대를 유지하면서
# 널리 쓰이는 기법 몇 가지를 더해 정확도를 끌어올려 봅니다. 기법마다 **무엇을 바꾸는지, 왜 도움이 되는지**를 먼저 설명하고,
# 마지막에 두 모델을 같은 기준(파라미터 수, 에포크, 훈련 시간, 검증·테스트 정확도, 클래스별 정확도)으로 나란히 비교합니다.
# 결과는 기대만큼 극적이지 않을 수 있는데, 그 이유를 진단하는 것도 이 장의 중요한 내용입니다.
# 처음 보는 용어는 [용어집](glossary.md)에 있습니다.
#
# ## 이 장의 목표
#
# - **배치 정규화**가 층의 출력을 어떻게 바꾸고 왜 훈련을 빠르고 안정적으로 만드는지 이해합니다.
# - 학습률을 훈련 내내 고정하지 않고 코사인 곡선을 따라 줄이는 **학습률 스케줄**을 씁니다.
# - **데이터 증강**이 무엇이고 어떤 변환이 패션 이미지에 맞는지 판단합니다.
# - 개선한 모델을 6장의 모델과 같은 데이터, 같은 기준으로 비교하고 어떤 클래스가 좋아졌는지 확인합니다.

# %% tags=["remove-cell"]
# Colab에서 열었다면 이 과정의 helpers 패키지를 설치합니다. 저장소 안에서는 아무 일도 하지 않습니다.
import importlib.util, pathlib, subprocess, sys

if importlib.util.find_spec("helpers") is None:
    if pathlib.Path("../helpers/__init__.py").exists():
        sys.path.insert(0, "..")
    else:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                        "git+https://github.com/cnn-course-ko/fashion-mnist-cnn"], check=True)

# %%
import helpers
import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from helpers import plots

# %% [markdown]
# ## 데이터와 6장의 모델
#
# 데이터는 4장과 똑같이 나눕니다. 비교의 기준이 될 6장의 모델은 `helpers.train_or_load()`로 불러옵니다.

# %%
data = helpers.load_splits()
mode = helpers.get_run_mode()
print(data)

# %% tags=["nbval-ignore-output"]
baseline = helpers.train_or_load()
print("6장의 모델을 불러왔나요?", baseline.loaded)

# %% [markdown]
# ## 바꾸는 것 1. 배치 정규화
#
# 신경망의 층은 앞 층의 출력을 입력으로 받습니다. 그런데 훈련하는 동안 앞 층의 가중치가 계속 바뀌므로, 뒤 층이 받는
# 값의 분포(평균과 크기)도 계속 흔들립니다. 뒤 층은 움직이는 과녁을 맞히는 셈이라 학습률을 크게 잡기 어렵습니다.
#
# **배치 정규화**(batch normalization)는 합성곱 층의 출력을 채널마다 배치 안에서 평균 0, 분산 1로 맞춘 다음, 학습되는
# 두 값 $\gamma$(크기)와 $\beta$(이동)로 다시 조정합니다.
#
# $$
# \hat z = \frac{z - \mu_\text{배치}}{\sqrt{\sigma^2_\text{배치} + \epsilon}}, \qquad y = \gamma \hat z + \beta
# $$
#
# 분포가 일정하게 유지되므로 더 큰 학습률로 빠르게 훈련할 수 있고, 배치마다 평균과 분산이 조금씩 달라지는 것이 약한
# 잡음 역할을 해서 과대적합도 약간 줄여 줍니다. 예측할 때는 배치 통계 대신 훈련하며 모아 둔 이동 평균을 씁니다.
#
# 작은 예로 확인해 봅시다. 평균이 5이고 크기가 제각각인 값을 `BatchNormalization` 층에 훈련 모드로 넣으면 채널마다
# 평균 0, 표준편차 1에 가까운 값이 나옵니다($\gamma = 1, \beta = 0$으로 시작하기 때문입니다).

# %%
values = np.array([[1.0, 10.0], [3.0, 30.0], [5.0, 50.0], [11.0, 110.0]], dtype="float32")  # 샘플 4개, 채널 2개
normalized = keras.layers.BatchNormalization()(values, training=True).numpy()

print("정규화 전 채널별 평균:", values.mean(axis=0), " 표준편차:", values.std(axis=0).round(2))
print("정규화 후 채널별 평균:", normalized.mean(axis=0).round(3), " 표준편차:", normalized.std(axis=0).round(3))
assert np.allclose(normalized.mean(axis=0), 0, atol=1e-5)

# %% [markdown]
# 배치 정규화의 $\beta$가 합성곱 층의 절편과 같은 일을 하므로, 배치 정규화 바로 앞의 합성곱 층에는
# `use_bias=False`를 줍니다. 활성화 함수(렐루)는 정규화한 **뒤에** 적용합니다.
#
# ## 바꾸는 것 2. 드롭아웃 두 번
#
# 6장의 모델은 은닉층 뒤에만 드롭아웃을 두었습니다. 이번에는 평탄화한 3,136개의 특성에도 드롭아웃을 적용해서,
# 은닉층이 특정 위치의 특성 몇 개에 기대지 못하게 합니다. 배치 정규화도 규제 효과가 있으므로 비율은 0.4에서 0.3으로 조금
# 낮춥니다.
#
# ## 바꾸는 것 3. 코사인 학습률 스케줄
#
# 아담의 학습률 0.001은 좋은 출발점이지만, 훈련 초반에는 더 큰 걸음으로 빨리 내려가고 끝에서는 작은 걸음으로 바닥을
# 섬세하게 찾는 편이 낫습니다. **코사인 감쇠**(cosine decay)는 학습률을 처음 값 $\eta_0$에서 시작해 코사인 곡선의 반주기를
# 따라 0까지 줄입니다. 전체 업데이트 횟수를 $T$라고 하면 $t$번째 업데이트의 학습률은 다음과 같습니다.
#
# $$
# \eta_t = \eta_0 \cdot \frac{1}{2}\left(1 + \cos\frac{\pi t}{T}\right)
# $$
#
# 배치 정규화 덕분에 처음 학습률을 6장의 두 배인 0.002로 잡아도 안정적으로 훈련됩니다. 케라스의
# `keras.optimizers.schedules.CosineDecay`가 이 공식을 구현합니다. 에포크 8번, 배치 크기 64로 훈련할 때의 곡선을 그려 봅시다.

# %%
epochs, batch_size, initial_rate = 8, 64, 2e-3
steps_per_epoch = int(np.ceil(48000 / batch_size))
schedule = keras.optimizers.schedules.CosineDecay(initial_rate, decay_steps=steps_per_epoch * epochs)

steps = np.arange(0, steps_per_epoch * epochs + 1, steps_per_epoch)
rates = np.array([float(schedule(step)) for step in steps])
print("에포크가 시작할 때의 학습률:", rates.round(5))
assert np.isclose(rates[0], initial_rate) and np.isclose(rates[-1], 0.0, atol=1e-9)

# %%
fig, axis = plt.subplots(figsize=(6, 3))
axis.plot(steps / steps_per_epoch, rates, marker="o")
axis.set_xlabel("에포크")
axis.set_ylabel("학습률")
axis.set_title("코사인 학습률 스케줄")
axis.grid(True)
plt.show()

# %% [markdown]
# 학습률이 훈련 끝에 정해진 방식으로 0이 되므로, 이번에는 조기 종료로 일찍 멈추지 않고 정해 둔 에포크를 모두
# 훈련합니다(`patience`를 에포크 수만큼 줍니다). 체크포인트는 그대로 검증 손실이 가장 낮은 모델을 남깁니다.
#
# ## 바꾸는 것 4(선택). 데이터 증강
#
# **데이터 증강**(data augmentation)은 훈련할 때마다 이미지를 조금씩 바꿔서 보여 주는 방법입니다. 모델은 같은 옷을
# 조금씩 다른 모습으로 보게 되므로 특정 픽셀 위치를 외우기 어려워집니다. 어떤 변환을 쓸지는 데이터에 따라 다릅니다.
# 좌우를 뒤집은 셔츠는 여전히 셔츠이므로 좌우 뒤집기는 안전하지만, 위아래를 뒤집은 앵클 부츠는 현실에 없는 이미지입니다.
# `keras.layers.RandomFlip("horizontal")` 층은 훈련할 때만 이미지를 무작위로 좌우로 뒤집고, 예측할 때는 그대로 통과시킵니다.

# %%
keras.utils.set_random_seed(1)
flip = keras.layers.RandomFlip("horizontal")
samples = data.x_train[:8]
flipped = np.concatenate([flip(samples, training=True).numpy() for _ in range(2)])
assert np.array_equal(flip(samples, training=False).numpy(), samples)  # 예측할 때는 그대로

plots.plot_samples(np.concatenate([samples, flipped]), np.tile(data.y_train[:8], 3), count=24, columns=8)
plt.show()

# %% [markdown]
# 첫 줄이 원래 이미지이고, 아래 두 줄은 같은 이미지를 무작위로 뒤집은 것입니다. 증강은 효과가 있지만 대가가 있습니다.
# 매번 다른 이미지를 보므로 같은 정확도에 이르기까지 에포크가 더 필요합니다. 2코어 CPU에서 15분 안에 훈련을 끝내는 것이
# 이 부록의 조건이므로 최종 모델에는 넣지 않고 연습 문제로 남깁니다(`helpers.build_strong_cnn(augment=True)`).
#
# ## 더 강한 모델 만들기
#
# 바꾼 것을 모두 모으면 다음과 같습니다. 이 구조는 `helpers.build_strong_cnn()`에 담아 두었습니다.

# %%
strong_model = helpers.build_strong_cnn()
helpers.print_summary(strong_model)

# %%
kinds = [layer.__class__.__name__ for layer in strong_model.layers]
assert kinds.count("BatchNormalization") == 2 and kinds.count("Dropout") == 2
assert strong_model.get_layer("pool2").output.shape == (None, 7, 7, 64)  # 6장의 모델과 같은 특성 맵 모양

# %% [markdown]
# 파라미터 수는 6장의 모델보다 조금 많습니다. 은닉층은 뉴런 128개로 넓혔고, 배치 정규화 층은 채널마다 학습되는 $\gamma,
# \beta$와 학습되지 않는 이동 평균·이동 분산을 4개씩 가집니다. 합성곱 층은 절편이 없어진 만큼 조금 작아졌습니다.
#
# ## 훈련하기
#
# 훈련 방법은 `helpers.Recipe`로 적습니다. 어떤 모델을 어떤 하이퍼파라미터로 훈련하는지가 한곳에 모이고,
# `helpers.train_or_load()`는 이 레시피와 실행 모드가 같으면 저장된 모델을 다시 불러옵니다. 레시피가 조금이라도 바뀌면
# 다른 폴더에 새로 훈련합니다.

# %%
recipe = helpers.Recipe(builder="strong", epochs=epochs, batch_size=batch_size,
                        learning_rate=initial_rate, cosine_decay=True, patience=epochs)
print(recipe)

# %% tags=["remove-input", "nbval-ignore-output"]
helpers.glue("strong_epochs", recipe.epochs_for(mode))

# %% tags=["nbval-ignore-output"]
strong = helpers.train_or_load(recipe)

# %% [markdown]
# 학습률이 줄어드는 후반부에도 검증 손실이 계속 내려가는지, 훈련 정확도와 검증 정확도가 얼마나 벌어지는지 살펴보세요.

# %% tags=["nbval-ignore-output"]
plots.plot_history(strong.history)
plt.show()

# %% [markdown]
# ## 두 모델 비교하기
#
# 이제 두 모델을 검증 세트와 테스트 세트에서 평가합니다. 7장에서 말했듯이 테스트 세트는 모델을 고르는 데 쓰지 않고,
# 여기서 마지막에 한 번 보고만 합니다.

# %% tags=["nbval-ignore-output"]
rows = {}
for name, run in [("6장의 모델", baseline), ("더 강한 모델", strong)]:
    val = helpers.evaluate_model(run.model, data.x_val, data.y_val)
    test = helpers.evaluate_model(run.model, data.x_test, data.y_test)
    rows[name] = {
        "파라미터 수": run.model.count_params(),
        "에포크": run.epochs_run,
        "훈련 시간(분)": round(run.seconds / 60, 1),
        "검증 정확도": round(val["accuracy"], 4),
        "테스트 정확도": round(test["accuracy"], 4),
    }
comparison = pd.DataFrame(rows).T
comparison

# %% tags=["remove-input", "nbval-ignore-output"]
helpers.glue("strong_test_accuracy", rows["더 강한 모델"]["테스트 정확도"])
helpers.glue("strong_val_accuracy", rows["더 강한 모델"]["검증 정확도"])
helpers.glue("strong_minutes", rows["더 강한 모델"]["훈련 시간(분)"])
helpers.glue("baseline_test_accuracy", rows["6장의 모델"]["테스트 정확도"])
helpers.glue("test_gain_points", 100 * (rows["더 강한 모델"]["테스트 정확도"] - rows["6장의 모델"]["테스트 정확도"]))
helpers.glue("baseline_test_errors", round(len(data.y_test) * (1 - rows["6장의 모델"]["테스트 정확도"])))
helpers.glue("strong_test_errors", round(len(data.y_test) * (1 - rows["더 강한 모델"]["테스트 정확도"])))
helpers.glue("baseline_train_accuracy", baseline.history["accuracy"][baseline.best_epoch - 1])
helpers.glue("strong_train_accuracy", strong.history["accuracy"][strong.best_epoch - 1])

# %% [markdown]
# 이 책을 만들 때(전체 모드, 2코어 CPU) 더 강한 모델은 {glue:text}`strong_minutes:.1f`분 동안 훈련해 테스트 정확도
# {glue:text}`strong_test_accuracy:.2%`를 얻었습니다. 6장의 모델({glue:text}`baseline_test_accuracy:.2%`)보다
# {glue:text}`test_gain_points:.2f`%p 차이가 납니다. 테스트 이미지 10,000장 가운데 틀린 이미지로 세면
# {glue:text}`baseline_test_errors`장과 {glue:text}`strong_test_errors`장입니다.
#
# ## 차이가 작다면: 훈련 정확도로 진단하기
#
# 기법을 여러 개 더했는데 차이가 작다면, 먼저 모델이 **훈련 세트조차 충분히 맞히고 있는지** 확인합니다. 가장 좋은
# 에포크에서의 훈련 정확도는 6장의 모델이 {glue:text}`baseline_train_accuracy:.4f`, 더 강한 모델이
# {glue:text}`strong_train_accuracy:.4f`였습니다. 더 강한 모델의 훈련 정확도가 6장의 모델보다 낮다면, 이 모델은
# 과대적합이 아니라 **과소적합** 상태입니다. 드롭아웃 두 번과 배치 정규화가 주는 규제는 강한데, 2코어 CPU에서 15분 안에
# 끝내려고 정한 {glue:text}`strong_epochs` 에포크로는 그 규제를 이겨 낼 만큼 오래 훈련하지 못한 것입니다. 검증 손실이
# 마지막 에포크까지 내려가고 있었다면 같은 진단을 뒷받침합니다. 처방은 과소적합의 처방과 같습니다. 더 오래 훈련하거나
# (Colab의 GPU라면 몇 분이면 됩니다, 연습 2), 드롭아웃 비율을 낮추거나, 층을 넓힙니다(연습 3).
# 정규화 기법은 "더하면 좋아지는 것"이 아니라, 과대적합을 줄이는 대신 더 긴 훈련을 요구하는 거래라는 점을 기억하세요.
#
# 클래스별 정확도도 확인해 봅시다.

# %% tags=["nbval-ignore-output"]
per_class = {}
for name, run in [("6장의 모델", baseline), ("더 강한 모델", strong)]:
    matrix = helpers.confusion(data.y_test, helpers.predict_labels(run.model, data.x_test))
    per_class[name] = helpers.per_class_accuracy(matrix).round(3)
per_class = pd.DataFrame(per_class, index=helpers.CLASS_NAMES_KO)
per_class["차이"] = (per_class["더 강한 모델"] - per_class["6장의 모델"]).round(3)
per_class.sort_values("차이", ascending=False)

# %% [markdown]
# 표는 차이가 큰 클래스부터 정렬했습니다. 전체 정확도가 비슷해도 클래스별로는 좋아진 클래스와 나빠진 클래스가 함께
# 있을 수 있습니다. 이미 거의 완벽한 바지, 가방, 샌들은 움직일 여지가 별로 없고, 변화는 주로 서로 헷갈리는 상의들
# (셔츠, 티셔츠/탑, 스웨터, 코트)에서 일어납니다. 두 모델 모두 셔츠가 가장 어려운 클래스입니다. 28×28 흑백 이미지만으로는
# 단추나 옷깃 같은 단서가 너무 작기 때문입니다. 모델을 바꿀 때는 이렇게 전체 점수와 함께 클래스별 변화를 보아야 합니다.
#
# ## 정리
#
# - 배치 정규화는 층의 출력을 채널마다 평균 0, 분산 1로 맞춘 뒤 학습되는 $\gamma, \beta$로 조정합니다. 분포가 안정되어
#   더 큰 학습률로 빠르게 훈련할 수 있습니다. 바로 앞 합성곱 층의 절편은 필요 없습니다.
# - 코사인 학습률 스케줄은 큰 학습률로 시작해 훈련 끝에 0으로 줄여, 후반에 검증 손실을 한 번 더 낮춥니다.
# - 데이터 증강은 훈련 이미지를 무작위로 바꿔 과대적합을 줄이지만 더 많은 에포크가 필요합니다. 변환은 데이터에 맞게 고릅니다.
# - 레시피(`helpers.Recipe`)에 훈련 방법을 모아 두면 비교가 공정해지고, 같은 레시피는 다시 훈련하지 않고 불러옵니다.
# - 모델을 바꾼 효과는 같은 데이터, 같은 기준의 표로 비교하고, 클래스별로 어디가 바뀌었는지 확인합니다.
# - 규제를 더했는데 나아지지 않으면 훈련 정확도부터 봅니다. 훈련 정확도가 오히려 낮다면 과소적합이므로 더 오래 훈련합니다.
#
# ## 연습 문제
#
# :::{admonition} 연습 1. 배치 정규화의 파라미터
# `bn1` 층의 파라미터는 몇 개이고, 그중 학습되는 것은 몇 개일까요? 코드로 확인해 보세요.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# `bn1`은 채널 32개마다 $\gamma, \beta$(학습됨)와 이동 평균, 이동 분산(학습되지 않음)을 가집니다. 모두 $4 \times 32 = 128$개이고,
# 학습되는 것은 64개입니다.
#
# ```python
# bn1 = strong_model.get_layer("bn1")
# print(bn1.count_params())                                   # 128
# print(sum(np.prod(w.shape) for w in bn1.trainable_weights))  # 64
# ```
# :::
#
# :::{admonition} 연습 2. 증강을 더한 레시피
# `helpers.Recipe(builder="strong", model={"augment": True}, epochs=15, batch_size=64, learning_rate=2e-3,
# cosine_decay=True, patience=15)`로 훈련해 보세요. 에포크당 시간과 최종 테스트 정확도는 어떻게 달라지나요?
# GPU가 있는 Colab이라면 몇 분이면 끝납니다.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 증강 층이 매 배치 이미지를 바꾸므로 에포크당 시간이 조금 늘고, 같은 에포크 수에서는 훈련 정확도가 낮게 나옵니다.
# 에포크를 늘려 주면 검증·테스트 정확도가 증강 없는 모델과 비슷하거나 조금 더 높아지는 경우가 많습니다. 훈련 세트와
# 검증 세트의 정확도 차이(과대적합의 정도)가 줄어드는 것도 확인해 보세요.
#
# ```python
# augmented = helpers.train_or_load(helpers.Recipe(
#     builder="strong", model={"augment": True}, epochs=15, batch_size=64,
#     learning_rate=2e-3, cosine_decay=True, patience=15))
# print(helpers.evaluate_model(augmented.model, data.x_test, data.y_test))
# ```
# :::
#
# :::{admonition} 연습 3. 무엇이 가장 도움이 되었을까
# 배치 정규화, 코사인 스케줄, 넓은 은닉층 가운데 하나씩만 빼고 훈련해서(ablation) 검증 정확도를 비교하려면 레시피를
# 어떻게 바꾸면 될까요? 테스트 세트가 아니라 검증 세트로 비교해야 하는 이유도 생각해 보세요.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 코사인 스케줄은 `cosine_decay=False`(그리고 `learning_rate=1e-3`), 은닉층은 `model={"dense_units": 100}`로 바꿉니다.
# 배치 정규화를 빼려면 `builder="cnn"`으로 6장의 구조를 쓰되 같은 스케줄과 배치 크기를 줍니다. 각 레시피는 서로 다른
# 폴더에 저장되므로 여러 번 실행해도 섞이지 않습니다. 여러 설정 가운데 하나를 **고르는** 일이므로 검증 세트로 비교해야
# 하고, 테스트 세트는 고른 뒤 마지막에 한 번만 씁니다(7장).
#
# ```python
# variants = {
#     "스케줄 없음": helpers.Recipe(builder="strong", epochs=8, batch_size=64, patience=8),
#     "은닉층 100": helpers.Recipe(builder="strong", model={"dense_units": 100}, epochs=8, batch_size=64,
#                               learning_rate=2e-3, cosine_decay=True, patience=8),
#     "배치 정규화 없음": helpers.Recipe(builder="cnn", epochs=8, batch_size=64,
#                                 learning_rate=2e-3, cosine_decay=True, patience=8),
# }
# for name, variant in variants.items():
#     run = helpers.train_or_load(variant)
#     print(name, helpers.evaluate_model(run.model, data.x_val, data.y_val)["accuracy"])
# ```
# :::
#
# 이전: [9. 흔한 실수와 오류 메시지](09_common_mistakes.ipynb) · 다음: [용어집](glossary.md)
