# %% [markdown]
# # 10. 부록: 더 강한 모델
#
# 6장의 모델은 간단한 구조로 검증 세트에서 원본 노트와 비슷한 정확도를 냈습니다. 이 부록에서는 같은 뼈대를 유지하면서
# 널리 쓰이는 기법 몇 가지를 더해 정확도를 끌어올려 봅니다. 목표는 **2코어 CPU에서 15분 안에 훈련해 테스트 정확도 93%를
# 넘기는 것**입니다. 기법마다 **무엇을 바꾸는지, 왜 도움이 되는지**를 먼저 설명하고, 마지막에 두 모델을 같은
# 기준(파라미터 수, 에포크, 훈련 시간, 검증·테스트 정확도, 클래스별 정확도)으로 나란히 비교합니다.
# 처음 보는 용어는 [용어집](glossary.md)에 있습니다.
#
# ## 이 장의 목표
#
# - **배치 정규화**가 층의 출력을 어떻게 바꾸고 왜 훈련을 빠르고 안정적으로 만드는지 이해합니다.
# - 합성곱 블록을 하나 더 쌓으면 필터는 늘어도 파라미터는 오히려 줄어드는 이유를 계산해 봅니다.
# - 학습률을 훈련 내내 고정하지 않고 코사인 곡선을 따라 줄이는 **학습률 스케줄**을 씁니다.
# - **데이터 증강**이 무엇이고 어떤 변환이 패션 이미지에 맞는지 판단합니다.
# - 개선한 모델을 6장의 모델과 같은 데이터, 같은 기준으로 비교하고 어떤 클래스가 좋아졌는지 확인합니다.

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
import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import helpers
from helpers import plots

# %% [markdown]
# ## 데이터와 6장의 모델
#
# 데이터는 4장과 똑같이 나눕니다. 비교의 기준이 될 6장의 모델은 `helpers.train_or_load()`로 불러옵니다. 저장된
# 모델이 없으면 6장과 같은 설정으로 여기서 훈련합니다. 이 책의 10장은 6·7장과 다른 컴퓨터에서 실행했기 때문에, 아래 표의
# 6장 모델 숫자는 6·7장에 나온 숫자와 조금 다릅니다. 같은 시드라도 CPU가 다르면 결과가 조금 달라진다는 6장의 설명 그대로입니다.

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
# 6장의 모델은 은닉층 뒤에만 드롭아웃을 두었습니다. 이번에는 평탄화한 특성에도 드롭아웃을 적용해서,
# 은닉층이 특정 위치의 특성 몇 개에 기대지 못하게 합니다. 배치 정규화도 규제 효과가 있으므로 비율은 0.4에서 0.3으로 조금
# 낮춥니다.
#
# ## 바꾸는 것 3. 합성곱 블록 하나 더
#
# 6장의 모델은 합성곱-풀링 블록 두 개를 지나 7×7×64 특성 맵을 만들고, 이것을 3,136개의 값으로 펼쳐 밀집층에 넣었습니다.
# 여기에 필터 128개짜리 합성곱 층과 풀링 층을 하나 더 쌓습니다. 층이 깊어질수록 뉴런 하나가 보는 원래 이미지의 영역이
# 넓어집니다. `conv1`의 뉴런은 3×3 픽셀을, 풀링 한 번을 거친 `conv2`의 뉴런은 8×8 픽셀을 보고, 풀링을 두 번 거친
# `conv3`의 뉴런은 18×18 픽셀, 즉 이미지의 대부분을 봅니다. 그래서 소매, 옷깃, 밑창처럼 큰 부분을 알아보는 필터를 배울 수
# 있습니다. 풀링을 한 번 더 하면 7×7이 3×3이 됩니다(홀수라서 마지막 한 줄은 버려집니다).
#
# 필터가 늘었는데 파라미터 수는 어떻게 될까요? 5장에서 세어 보았듯이 6장의 모델은 파라미터의 94%가
# `Flatten` 뒤의 밀집층에 있었습니다. 3,136개의 입력 하나하나가 뉴런 100개와 연결되기 때문입니다.
# 블록을 하나 더 쌓으면 펼친 값이 3×3×128 = 1,152개로 줄어들어, 뉴런을 128개로 늘려도 밀집층이 작아집니다.
#
# ## 바꾸는 것 4. 코사인 학습률 스케줄과 큰 배치
#
# 아담의 학습률 0.001은 좋은 출발점이지만, 훈련 초반에는 더 큰 걸음으로 빨리 내려가고 끝에서는 작은 걸음으로 바닥을
# 섬세하게 찾는 편이 낫습니다. **코사인 감쇠**(cosine decay)는 학습률을 처음 값 $\eta_0$에서 시작해 코사인 곡선의 반주기를
# 따라 0까지 줄입니다. 전체 업데이트 횟수를 $T$라고 하면 $t$번째 업데이트의 학습률은 다음과 같습니다.
#
# $$
# \eta_t = \eta_0 \cdot \frac{1}{2}\left(1 + \cos\frac{\pi t}{T}\right)
# $$
#
# 배치 크기도 32에서 128로 키웁니다. 한 번의 업데이트가 128장의 평균 그레이디언트를 쓰므로 방향이 더 정확하고, CPU는
# 큰 배치를 한꺼번에 계산할 때 이미지 한 장당 시간이 짧습니다. 대신 에포크마다 업데이트 횟수가 4분의 1로 줄어드므로
# 처음 학습률을 6장의 세 배인 0.003으로 잡습니다. 배치 정규화 덕분에 이렇게 큰 학습률에서도 안정적으로 훈련됩니다.
# 케라스의 `keras.optimizers.schedules.CosineDecay`가 이 공식을 구현합니다. 에포크 28번, 배치 크기 128로 훈련할 때의
# 곡선을 그려 봅시다.

# %%
epochs, batch_size, initial_rate = 28, 128, 3e-3
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
# ## 바꾸는 것 5. 데이터 증강
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
# 매번 다른 이미지를 보므로 같은 정확도에 이르기까지 에포크가 더 필요합니다. 그래서 6장의 모델보다 훨씬 긴
# {glue:text}`strong_epochs` 에포크를 훈련하고, 조기 종료 대신 코사인 스케줄이 끝날 때까지 갑니다. 2코어 CPU에서
# 15분 안에 끝내려면 에포크 하나가 빨라야 하는데, 큰 배치와 다음에 볼 혼합 정밀도가 그 역할을 합니다.
#
# ## 바꾸는 것 6. 혼합 정밀도
#
# 지금까지 모든 계산은 32비트 부동소수점 수(`float32`)로 했습니다. 유효 숫자가 7자리쯤 되는 형식입니다. 그런데 신경망의
# 곱셈과 덧셈은 그만큼 정밀하지 않아도 결과가 거의 같습니다. **bfloat16**은 `float32`와 같은 범위(아주 큰 수와 아주
# 작은 수)를 표현하면서 유효 숫자를 3자리쯤으로 줄인 16비트 형식입니다. 수 하나의 크기가 절반이라 메모리에서 옮기는
# 양이 줄고, 이 형식을 직접 계산하는 하드웨어에서는 곱셈도 빨라집니다.
#
# **혼합 정밀도**(mixed precision)는 층의 계산은 bfloat16으로 하되, 가중치와 그 업데이트는 `float32`로 유지합니다.
# 학습률을 곱한 작은 업데이트가 유효 숫자 3자리에 묻혀 사라지지 않게 하기 위해서입니다. 출력층의 소프트맥스도
# `float32`로 계산합니다(`helpers`의 모델이 그렇게 만들어져 있습니다). 케라스에서는 층을 만들 때의 **dtype 정책**
# `"mixed_bfloat16"`이 이것을 정합니다.
#
# 다만 빨라지는 것은 bfloat16을 직접 계산하는 하드웨어에서뿐입니다. AVX-512 BF16이나 AMX 명령을 가진 CPU는
# 텐서플로의 oneDNN 커널로 빨라지지만, 그렇지 않은 CPU에서는 bfloat16을 흉내 내느라 오히려 몇 배 느려집니다.
# 그래서 레시피에 `precision="auto"`를 주면 `helpers.resolve_precision()`이 CPU의 기능을 확인해서 고릅니다.
# 이 책을 만든 CPU에서 두 정밀도로 잰 훈련 속도는 README의 벤치마크에 있습니다.

# %% tags=["nbval-ignore-output"]
print("이 컴퓨터에서 고른 정밀도:", helpers.resolve_precision("auto"))

# %% [markdown]
# 여러분의 컴퓨터에서 `float32`가 나왔다면 CPU가 bfloat16을 직접 계산하지 못하는 것이고, 훈련은 `float32`로 합니다.
# 그러면 같은 레시피가 15분보다 오래 걸릴 수 있습니다. 환경 변수 `COURSE_PRECISION`으로 어느 한쪽을 강제할 수도 있습니다.
#
# ## 더 강한 모델 만들기
#
# 바꾼 것을 모두 모으면 다음과 같습니다. 이 구조는 `helpers.build_strong_cnn()`에 담아 두었습니다. 맨 앞의 `flip` 층은
# 훈련할 때만 이미지를 뒤집으므로 출력 모양을 바꾸지 않습니다.

# %%
strong_model = helpers.build_strong_cnn()
helpers.print_summary(strong_model)

# %%
kinds = [layer.__class__.__name__ for layer in strong_model.layers]
assert kinds.count("BatchNormalization") == 3 and kinds.count("Dropout") == 2 and kinds[0] == "RandomFlip"
assert strong_model.get_layer("pool2").output.shape == (None, 7, 7, 64)  # 여기까지는 6장의 모델과 같은 모양
assert strong_model.get_layer("flatten").output.shape == (None, 3 * 3 * 128)

dense_params = {name: m.get_layer("hidden").count_params() for name, m in
                [("6장의 모델", helpers.build_cnn()), ("더 강한 모델", strong_model)]}
print("은닉층(밀집층)의 파라미터 수:", dense_params)

# %% tags=["remove-input"]
helpers.glue("strong_params", strong_model.count_params())
helpers.glue("baseline_params", helpers.build_cnn().count_params())
helpers.glue("baseline_dense_params", dense_params["6장의 모델"])
helpers.glue("strong_dense_params", dense_params["더 강한 모델"])
helpers.glue("conv3_params", strong_model.get_layer("conv3").count_params())
helpers.glue("flatten_size", strong_model.get_layer("flatten").output.shape[-1])

# %% [markdown]
# 전체 파라미터 수는 {glue:text}`strong_params:,`개로 6장의 모델({glue:text}`baseline_params:,`개)보다 적습니다.
# 은닉층은 뉴런 128개로 넓혔지만 입력이 {glue:text}`flatten_size:,`개로 줄어 밀집층의 파라미터가
# {glue:text}`baseline_dense_params:,`개에서 {glue:text}`strong_dense_params:,`개로 절반 아래가 되었고, 그 대신 `conv3`이
# $3 \times 3 \times 64 \times 128$, 즉 {glue:text}`conv3_params:,`개를 가져갑니다. 배치 정규화 층은 채널마다 학습되는 $\gamma, \beta$와 학습되지 않는 이동 평균·이동 분산을 4개씩 가지고,
# 합성곱 층은 절편이 없어진 만큼 조금 작아졌습니다. 파라미터가 적다고 약한 모델이 아니라는 것, 어디에 파라미터를 쓰느냐가
# 중요하다는 것을 보여 주는 예입니다.
#
# ## 훈련하기
#
# 훈련 방법은 `helpers.Recipe`로 적습니다. 어떤 모델을 어떤 하이퍼파라미터로 훈련하는지가 한곳에 모이고,
# `helpers.train_or_load()`는 이 레시피와 실행 모드가 같으면 저장된 모델을 다시 불러옵니다. 레시피가 조금이라도 바뀌면
# 다른 폴더에 새로 훈련합니다. `patience`를 에포크 수와 같게 주어 조기 종료는 일어나지 않지만, 훈련이 끝나면
# 검증 손실이 가장 낮았던 에포크의 가중치로 되돌립니다(6장의 `restore_best_weights`).

# %%
recipe = helpers.Recipe(builder="strong", epochs=epochs, batch_size=batch_size, learning_rate=initial_rate,
                        cosine_decay=True, patience=epochs, precision="auto")
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
        "최고 에포크": run.best_epoch,
        "훈련 시간(분)": round(run.seconds / 60, 1),
        "검증 정확도": round(val["accuracy"], 4),
        "테스트 정확도": round(test["accuracy"], 4),
    }
comparison = pd.DataFrame.from_dict(rows, orient="index")  # 한 모델이 한 행, 열마다 제 자료형(정수는 정수로)
comparison

# %% tags=["remove-input", "nbval-ignore-output"]
helpers.glue("strong_test_accuracy", rows["더 강한 모델"]["테스트 정확도"])
helpers.glue("strong_val_accuracy", rows["더 강한 모델"]["검증 정확도"])
helpers.glue("strong_minutes", rows["더 강한 모델"]["훈련 시간(분)"])
helpers.glue("baseline_test_accuracy", rows["6장의 모델"]["테스트 정확도"])
helpers.glue("test_gain_points", 100 * (rows["더 강한 모델"]["테스트 정확도"] - rows["6장의 모델"]["테스트 정확도"]))
helpers.glue("baseline_test_errors", round(len(data.y_test) * (1 - rows["6장의 모델"]["테스트 정확도"])))
helpers.glue("strong_test_errors", round(len(data.y_test) * (1 - rows["더 강한 모델"]["테스트 정확도"])))
helpers.glue("baseline_val_accuracy", rows["6장의 모델"]["검증 정확도"])
helpers.glue("strong_best_epoch", strong.best_epoch)
helpers.glue("baseline_train_accuracy", baseline.history["accuracy"][baseline.best_epoch - 1])
helpers.glue("strong_train_accuracy", strong.history["accuracy"][strong.best_epoch - 1])
helpers.glue("baseline_gap_points", 100 * (baseline.history["accuracy"][baseline.best_epoch - 1]
                                           - baseline.history["val_accuracy"][baseline.best_epoch - 1]))
helpers.glue("strong_gap_points", 100 * (strong.history["accuracy"][strong.best_epoch - 1]
                                         - strong.history["val_accuracy"][strong.best_epoch - 1]))

# %% [markdown]
# 이 책을 만들 때(전체 모드, 2코어 CPU) 더 강한 모델은 {glue:text}`strong_minutes:.1f`분 동안 훈련해 테스트 정확도
# {glue:text}`strong_test_accuracy:.2%`를 얻었습니다. 6장의 모델({glue:text}`baseline_test_accuracy:.2%`)보다
# {glue:text}`test_gain_points:.2f`%p 차이가 납니다. 테스트 이미지 10,000장 가운데 틀린 이미지로 세면
# {glue:text}`baseline_test_errors`장과 {glue:text}`strong_test_errors`장입니다.
#
# 훈련 시간은 같은 기계에서도 달라집니다. 위의 훈련 기록에서 에포크마다 걸린 시간을 보세요. 계산은 매번 같은데도
# 어떤 에포크가 다른 에포크의 두 배쯤 걸렸다면, 기계를 함께 쓰는 다른 작업이 그동안 CPU를 나눠 쓴 것입니다. 이 책을
# 만들면서 같은 노트북을 여러 번 실행했을 때 훈련 기록(손실과 정확도)은 마지막 자리까지 같았지만 훈련 시간은 실행마다
# 몇 분씩 달랐습니다. 시간을 잴 때는 한 번의 측정을 그대로 믿지 말고 여러 번 재거나, 에포크마다의 시간을 함께 보세요.
#
# ## 훈련 정확도와 나란히 보기
#
# 검증 정확도만 보면 모델이 왜 좋아졌는지 알 수 없습니다. 가장 좋은 에포크에서의 훈련 정확도를 함께 보면 모델이
# 과대적합인지 과소적합인지 짐작할 수 있습니다(6장의 학습 곡선). 6장의 모델은 훈련 정확도
# {glue:text}`baseline_train_accuracy:.4f`, 검증 정확도 {glue:text}`baseline_val_accuracy:.4f`이고, 더 강한 모델은
# {glue:text}`strong_best_epoch`번째 에포크에서 훈련 정확도 {glue:text}`strong_train_accuracy:.4f`, 검증 정확도
# {glue:text}`strong_val_accuracy:.4f`입니다. 훈련 정확도에서 검증 정확도를 뺀 차이는 각각
# {glue:text}`baseline_gap_points:.1f`%p와 {glue:text}`strong_gap_points:.1f`%p입니다.
#
# 이 숫자를 읽을 때 주의할 점이 있습니다. 케라스가 보여 주는 훈련 정확도는 드롭아웃이 뉴런을 끄고 증강이 이미지를
# 뒤집는 **훈련 모드**에서 잰 값이고, 검증 정확도는 둘 다 꺼진 상태에서 잰 값입니다. 그래서 규제가 강한 모델일수록 훈련
# 정확도가 실제보다 낮게 보이고, 차이가 작거나 음수여도 과대적합이 없다는 뜻은 아닙니다. 두 모델을 비교할 때는 차이 자체보다
# **훈련 정확도와 검증 정확도가 함께 올랐는지**를 봅니다. 더 깊은 구조는 훈련 세트를 더 잘 맞힐 표현력을 주고, 배치
# 정규화·드롭아웃·증강은 그 표현력이 훈련 세트를 외우는 데 쓰이지 않게 막습니다. 둘 중 하나만 있으면 과소적합이나
# 과대적합 한쪽으로 기울기 쉽습니다. 규제를 더했는데 검증 정확도가 오르지 않고 훈련 정확도가 오히려 떨어졌다면
# 과소적합이므로 더 오래 훈련하거나 규제를 줄입니다.
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
# - 합성곱 블록을 더 쌓으면 뉴런이 보는 영역이 넓어지고, 펼친 특성이 줄어 밀집층의 파라미터는 오히려 줄어듭니다.
# - 코사인 학습률 스케줄은 큰 학습률로 시작해 훈련 끝에 0으로 줄입니다. 큰 배치는 CPU에서 이미지 한 장당 시간을 줄이고,
#   줄어든 업데이트 횟수는 큰 학습률로 보충합니다.
# - 데이터 증강은 훈련 이미지를 무작위로 바꿔 과대적합을 줄이지만 더 많은 에포크가 필요합니다. 변환은 데이터에 맞게 고릅니다.
# - 혼합 정밀도는 계산을 bfloat16으로, 가중치를 `float32`로 해서 그 형식을 직접 계산하는 하드웨어에서 훈련을 빠르게 합니다.
# - 레시피(`helpers.Recipe`)에 훈련 방법을 모아 두면 비교가 공정해지고, 같은 레시피는 다시 훈련하지 않고 불러옵니다.
# - 모델을 바꾼 효과는 같은 데이터, 같은 기준의 표로 비교하고, 클래스별로 어디가 바뀌었는지 확인합니다.
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
# :::{admonition} 연습 2. 예측할 때도 뒤집어 보기
# 좌우 뒤집기로 훈련한 모델이라면, 예측할 때 원래 이미지와 뒤집은 이미지의 확률을 평균해서 고를 수도 있습니다
# (테스트 시간 증강, test-time augmentation). 테스트 세트에서 이렇게 예측한 정확도를 구해 표의 값과 비교해 보세요.
# 이미지 배열의 축은 (샘플, 높이, 너비, 채널)입니다.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 너비 축(세 번째 축)을 거꾸로 읽으면 좌우가 뒤집힙니다. 두 예측의 평균은 한 장을 두 번 본 셈이라 보통 조금 더 정확하지만,
# 예측 시간이 두 배가 됩니다. 모델을 고르는 데 쓰지 않고 테스트 세트로 한 번 확인만 하는 것은 7장의 원칙 그대로입니다.
#
# ```python
# original = helpers.predict_proba(strong.model, data.x_test)
# mirrored = helpers.predict_proba(strong.model, data.x_test[:, :, ::-1])
# averaged = ((original + mirrored) / 2).argmax(axis=1)
# print("테스트 시간 증강:", np.mean(averaged == data.y_test))
# ```
# :::
#
# :::{admonition} 연습 3. 무엇이 가장 도움이 되었을까
# 세 번째 합성곱 블록, 데이터 증강, 코사인 스케줄 가운데 하나씩만 빼고 훈련해서(ablation) 검증 정확도를 비교하려면
# 레시피를 어떻게 바꾸면 될까요? 테스트 세트가 아니라 검증 세트로 비교해야 하는 이유도 생각해 보세요.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 블록은 `model={"filters": (32, 64)}`, 증강은 `model={"augment": False}`, 스케줄은 `cosine_decay=False`와
# `learning_rate=1e-3`으로 뺍니다. 각 레시피는 서로 다른 폴더에 저장되므로 여러 번 실행해도 섞이지 않습니다.
# 하나에 이 장의 모델만큼 시간이 걸리니, GPU가 있는 Colab에서 해 보는 것도 좋습니다. 여러 설정 가운데 하나를
# **고르는** 일이므로 검증 세트로 비교해야 하고, 테스트 세트는 고른 뒤 마지막에 한 번만 씁니다(7장).
#
# ```python
# settings = dict(builder="strong", epochs=28, batch_size=128, learning_rate=3e-3, cosine_decay=True,
#                 patience=28, precision="auto")
# variants = {
#     "블록 두 개": helpers.Recipe(**{**settings, "model": {"filters": (32, 64)}}),
#     "증강 없음": helpers.Recipe(**{**settings, "model": {"augment": False}}),
#     "스케줄 없음": helpers.Recipe(**{**settings, "cosine_decay": False, "learning_rate": 1e-3}),
# }
# for name, variant in variants.items():
#     run = helpers.train_or_load(variant)
#     print(name, helpers.evaluate_model(run.model, data.x_val, data.y_val)["accuracy"])
# ```
# :::
#
# 이전: [9. 흔한 실수와 오류 메시지](09_common_mistakes.ipynb) · 다음: [용어집](glossary.md)
