# %% [markdown]
# # 10. 더 강한 모델 만들기
#
# 6장의 모델은 간단한 구조로 원본 노트와 비슷한 정확도를 냈습니다. '한 걸음 더'의 마지막인 이 장에서는 같은 뼈대를
# 유지하면서 널리 쓰이는 기법 몇 가지를 더해 정확도를 끌어올려 봅니다. **테스트 정확도 0.9300 이상을 목표로** 하고,
# 이루었는지는 이 장의 끝에서 코드가 출력하는 판정으로 확인합니다. 훈련에 걸린 시간도 목표로 어림하지 않고, 여러분의
# 컴퓨터에서 잰 에포크 수와 에포크 시간의 중앙값을 코드가 출력합니다. 기법마다 **무엇을 바꾸는지, 왜 도움이 되는지**를
# 먼저 설명하고, 마지막에 두 모델을 같은 기준(파라미터 수, 에포크, 에포크 시간, 검증·테스트 정확도, 클래스별
# 정확도)으로 나란히 비교합니다. 처음 보는 용어는 [용어집](glossary.md)에 있습니다.
#
# ## 이 장의 목표
#
# - **배치 정규화**가 층의 출력을 어떻게 바꾸는지 계산해 보고, 훈련을 돕는 이유에 대한 설명들을 알아봅니다.
# - 합성곱 블록을 하나 더 쌓으면 필터는 늘어도 파라미터는 오히려 줄어드는 이유를 계산해 봅니다.
# - 학습률을 훈련 내내 고정하지 않고 코사인 곡선을 따라 줄이는 **학습률 스케줄**을 씁니다.
# - **데이터 증강**이 무엇이고 어떤 변환이 패션 이미지에 맞는지 판단합니다.
# - 개선한 모델을 6장의 모델과 같은 데이터, 같은 기준으로 비교하고, 훈련 정확도와 검증 정확도의 차이를 읽는 법을
#   익힙니다.

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
import dataclasses

import helpers

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import tensorflow as tf

# %% [markdown]
# ## 데이터와 6장의 모델
#
# 데이터는 4장과 똑같이 나눕니다. 비교의 기준이 될 6장의 모델은 8장에서처럼 `helpers.lesson_model()`로 불러옵니다.
# 6장에서 훈련해 저장한 모델이 이 컴퓨터에 있으면 그 모델을, 없으면 이 책을 만들 때 6장의 코드로 훈련한 모델을
# 불러오고, 어느 쪽인지 한 문장으로 알려 줍니다.

# %%
data = helpers.load_splits()
print(data)

# %% tags=["nbval-ignore-output"]
baseline = helpers.lesson_model()

# %% [markdown]
# ## 바꾸는 것 1. 배치 정규화
#
# **배치 정규화**(batch normalization)는 층의 출력을 채널마다 평균 0, 분산 1로 맞춘 다음, 학습되는 두 값
# $\gamma$(크기)와 $\beta$(이동)로 다시 조정합니다.
#
# $$
# \hat z = \frac{z - \mu_\text{배치}}{\sqrt{\sigma^2_\text{배치} + \epsilon}}, \qquad y = \gamma \hat z + \beta
# $$
#
# 합성곱 층 뒤에서는 채널 하나의 평균 $\mu_\text{배치}$와 분산 $\sigma^2_\text{배치}$를 **배치 × 높이 × 너비**에 걸친
# 모든 값으로 구합니다. 예를 들어 배치 128장의 28×28 특성 맵이라면 채널마다 $128 \times 28 \times 28 = 100{,}352$개의
# 값으로 평균과 분산을 하나씩 구합니다. 한 채널은 같은 필터가 모든 위치에서 만든 값이므로(1장의 가중치 공유), 위치와
# 상관없이 같은 방식으로 정규화하는 것입니다. 예측할 때는 배치 통계 대신 훈련하며 모아 둔 이동 평균과 이동 분산을
# 씁니다. 업데이트마다 그 배치의 평균과 분산을 조금씩(Keras의 기본값으로 1%씩) 섞어 만든 값입니다.
#
# 왜 도움이 될까요? 배치 정규화를 처음 제안한 논문(Ioffe와 Szegedy, 2015)은 앞 층의 가중치가 바뀔 때마다 뒤 층이 받는
# 값의 분포가 흔들리는 현상(내부 공변량 변화, internal covariate shift)을 줄여 주기 때문이라고 설명했습니다. 하지만 이
# 설명은 논란이 있습니다. Santurkar 등(2018, "How Does Batch Normalization Help Optimization?")은 분포의 흔들림이 그대로
# 있어도 배치 정규화가 훈련을 돕는다는 것을 보이고, 손실 함수의 표면을 매끄럽게 해서 그레이디언트가 더 믿을 만해지기
# 때문이라고 설명했습니다. 어느 설명이든 실제로 관찰되는 효과는 같습니다. 더 큰 학습률로 빠르고 안정적으로 훈련할 수
# 있고, 배치마다 평균과 분산이 조금씩 달라지는 것이 약한 잡음 역할을 해서 과대적합도 약간 줄여 줍니다.
#
# 작은 예로 확인해 봅시다. 배치 4장, 3×3 크기, 채널 2개인 특성 맵을 만듭니다. 채널 0에는 1부터 9까지 고르게 놓인
# 값 36개(평균 5)를, 채널 1에는 그 열 배(평균 50)를 넣습니다. 이것을 `BatchNormalization` 층에 훈련 모드로 넣고,
# 배치·높이·너비 축(`axis=(0, 1, 2)`)으로 채널마다 평균과 표준 편차를 잽니다. 층은 $\gamma = 1, \beta = 0$으로
# 시작하므로 정규화한 값이 그대로 나옵니다.

# %%
channel0 = np.linspace(1, 9, 36).reshape(4, 3, 3)                          # 평균 5
values = np.stack([channel0, 10 * channel0], axis=-1).astype("float32")  # (배치, 높이, 너비, 채널)
batch_norm = keras.layers.BatchNormalization()
normalized = keras.ops.convert_to_numpy(batch_norm(values, training=True))

axes = (0, 1, 2)  # 배치, 높이, 너비: 채널마다 이 세 축에 걸친 36개 값으로 평균과 분산을 구합니다
print("정규화 전 채널별 평균:", values.mean(axis=axes).round(2), " 표준 편차:", values.std(axis=axes).round(2))
print("정규화 후 채널별 평균:", normalized.mean(axis=axes).round(4) + 0.0,  # + 0.0: -0.0을 0.0으로
      " 표준 편차:", normalized.std(axis=axes).round(4))

by_hand = (values - values.mean(axis=axes)) / np.sqrt(values.var(axis=axes) + batch_norm.epsilon)
print("배치 × 높이 × 너비로 직접 정규화한 값과 같은가:", np.allclose(normalized, by_hand, atol=1e-5))

# %% [markdown]
# 정규화하기 전에는 평균이 5와 50, 표준 편차가 약 2.4와 약 24로 두 채널이 크게 달랐지만, 정규화한 뒤에는 두 채널
# 모두 평균 0, 표준 편차 1입니다. 채널 0의 표준 편차가 1보다 아주 조금 작은 것은 분모에 더한 작은 값
# $\epsilon$(`batch_norm.epsilon`, 0.001) 때문입니다. 분산이 작은 채널일수록 그 영향이 보입니다. 마지막 줄은 Keras가
# 채널마다 배치 × 높이 × 너비에 걸쳐 평균과 분산을 구한다는 것을 확인해 줍니다.
#
# 배치 정규화의 $\beta$가 합성곱 층의 절편과 같은 일을 하므로, 배치 정규화 바로 앞의 합성곱 층에는
# `use_bias=False`를 줍니다. 활성화 함수(렐루)는 정규화한 **뒤에** 적용합니다.
#
# ## 바꾸는 것 2. 드롭아웃 두 번
#
# 6장의 모델은 은닉층 뒤에만 드롭아웃을 두었습니다. 이번에는 평탄화한 특성에도 드롭아웃을 적용해서, 은닉층이 특정
# 위치의 특성 몇 개에 기대지 못하게 합니다. 배치 정규화도 규제 효과가 있으므로 비율은 0.4에서 0.3으로 조금 낮춥니다.
#
# ## 바꾸는 것 3. 합성곱 블록 하나 더
#
# 6장의 모델은 합성곱-풀링 블록 두 개를 지나 7×7×64 특성 맵을 만들고, 이것을 3,136개의 값으로 펼쳐 밀집층에
# 넣었습니다. 여기에 필터 128개짜리 합성곱 층과 풀링 층을 하나 더 쌓습니다. 층이 깊어질수록 뉴런 하나의 **수용 영역**,
# 즉 그 뉴런이 보는 원래 이미지의 영역이 넓어집니다. 8장에서 계산했듯이 `conv1`의 뉴런은 3×3 픽셀을, 풀링 한 번을 거친
# `conv2`의 뉴런은 8×8 픽셀을 봅니다. 같은 방법으로 세면 `pool2`의 값 하나는 10×10 픽셀을 보고, `conv3`의 3×3 필터는
# 4픽셀 간격으로 놓인 `pool2`의 세 칸을 보므로 $10 + 2 \times 4 = 18$, 즉 18×18 픽셀을 봅니다. 28×28 이미지 넓이의
# 41%로, 이미지의 절반 가까이입니다. 그래서 소매, 옷깃, 밑창처럼 큰 부분을 알아보는 필터를 배울 수 있습니다. 풀링을 한
# 번 더 하면 7×7이 3×3이 됩니다(홀수라서 마지막 한 줄은 버려집니다).
#
# 필터가 늘었는데 파라미터 수는 어떻게 될까요? 5장에서 세어 보았듯이 6장의 모델은 파라미터의 94%가 `Flatten` 뒤의
# 밀집층에 있었습니다. 3,136개의 입력 하나하나가 뉴런 100개와 연결되기 때문입니다. 블록을 하나 더 쌓으면 펼친 값이
# 3×3×128 = 1,152개로 줄어들어, 뉴런을 128개로 늘려도 밀집층이 작아집니다. 뒤에서 모델을 만든 다음 직접 세어 봅니다.
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
#
# 이 장의 훈련 설정은 `helpers.STRONG_RECIPE`에 모아 두었습니다(뒤의 '훈련하기'에서 전체를 봅니다). 여기서는 에포크
# 수, 배치 크기, 처음 학습률을 꺼내 Keras의 `keras.optimizers.schedules.CosineDecay`로 곡선을 그려 봅니다.

# %%
recipe = helpers.STRONG_RECIPE
epochs, batch_size, initial_rate = recipe.epochs, recipe.batch_size, recipe.learning_rate
print(f"에포크 {epochs}번, 배치 크기 {batch_size}, 처음 학습률 {initial_rate}")

steps_per_epoch = int(np.ceil(48000 / batch_size))  # 훈련 이미지 48,000장
total_steps = steps_per_epoch * epochs
schedule = keras.optimizers.schedules.CosineDecay(initial_rate, decay_steps=total_steps)

steps = np.arange(0, total_steps + 1, steps_per_epoch)  # 에포크가 끝나는 지점마다
rates = np.array([float(schedule(step)) for step in steps])
print(f"처음: {rates[0]:.4f}, {epochs // 2} 에포크 뒤: {rates[epochs // 2]:.4f}, 끝: {rates[-1]:.4f}")

# %% mystnb={"image": {"alt": "코사인 학습률 스케줄의 선 그래프. 가로축은 에포크, 세로축은 학습률이고 에포크가 끝날 때마다 점을 찍었다. 학습률은 처음 값에서 시작해 처음에는 천천히, 중간에는 빠르게, 끝에서는 다시 천천히 줄어 마지막 에포크에 0이 된다."}}
fig, axis = plt.subplots(figsize=(6, 3))
axis.plot(steps / steps_per_epoch, rates, marker="o")
axis.set_xlabel("에포크")
axis.set_ylabel("학습률")
axis.set_title("코사인 학습률 스케줄")
axis.grid(True)
plt.show()

# %% [markdown]
# 학습률이 훈련 끝에 정해진 방식으로 0이 되므로, 이번에는 조기 종료로 일찍 멈추지 않고 정해 둔 에포크를 모두
# 훈련합니다(`patience`를 에포크 수만큼 줍니다). 훈련이 끝나면 검증 손실이 가장 낮았던 에포크의 가중치를 남깁니다.
#
# ## 바꾸는 것 5. 데이터 증강
#
# **데이터 증강**(data augmentation)은 훈련할 때마다 이미지를 조금씩 바꿔서 보여 주는 방법입니다. 모델은 같은 옷을
# 조금씩 다른 모습으로 보게 되므로 특정 픽셀 위치를 외우기 어려워집니다. 어떤 변환을 쓸지는 데이터에 따라 다릅니다.
# 좌우를 뒤집은 셔츠는 여전히 셔츠이므로 좌우 뒤집기는 안전하지만, 위아래를 뒤집은 앵클 부츠는 현실에 없는 이미지입니다.
# `keras.layers.RandomFlip("horizontal")` 층은 훈련할 때만 이미지를 무작위로 좌우로 뒤집고, 예측할 때는 그대로 통과시킵니다.

# %% mystnb={"image": {"alt": "다섯 열, 세 줄의 이미지 표. 첫 열은 원본 훈련 이미지 세 장(운동화, 드레스, 샌들)이고, 다음 열부터 좌우 뒤집기, ±10% 평행 이동, ±18° 회전, ±10% 확대·축소를 적용한 모습입니다. 옷의 종류는 그대로 알아볼 수 있습니다."}}
fig = helpers.concepts.augmentation_gallery(data.x_train[:3])
plt.show()

# %% [markdown]
# *그림 10-1. Keras의 데이터 증강 층이 같은 이미지를 바꾸는 모습. 이 층들은 훈련할 때만
# 작동하고, 평가와 예측 때는 이미지를 그대로 통과시킵니다.*

# %% mystnb={"image": {"alt": "훈련 이미지 8장을 세 줄로 그린 그림. 첫 줄은 원래 이미지이고, 아래 두 줄은 같은 이미지를 RandomFlip으로 두 번 무작위로 뒤집은 결과다. 이미지마다 절반쯤의 확률로 좌우가 바뀌어 있고, 클래스 이름은 그대로다."}}
keras.utils.set_random_seed(1)
flip = keras.layers.RandomFlip("horizontal")
samples = data.x_train[:8]
flipped = [keras.ops.convert_to_numpy(flip(samples, training=True)) for _ in range(2)]  # 두 번 무작위로
unchanged = keras.ops.convert_to_numpy(flip(samples, training=False))
print("예측 모드(training=False)에서는 그대로인가:", np.array_equal(unchanged, samples))

shown = np.concatenate([samples, *flipped])
helpers.plots.plot_samples(shown, np.tile(data.y_train[:8], 3), count=24, columns=8)
plt.show()

# %% [markdown]
# 첫 줄이 원래 이미지이고, 아래 두 줄은 같은 이미지를 두 번 무작위로 뒤집어 본 것입니다. 이미지마다 절반의 확률로
# 좌우가 바뀝니다. 증강은 효과가 있지만 대가가 있습니다.
# 매번 다른 이미지를 보므로 같은 정확도에 이르기까지 에포크가 더 필요합니다. 그래서 6장의 모델(최대 20 에포크, 조기
# 종료)보다 긴 28 에포크를 훈련하고, 조기 종료 대신 코사인 스케줄이 끝날 때까지 갑니다. 그만큼 에포크 하나가 빨라야
# 하는데, 큰 배치와 다음에 볼 혼합 정밀도가 그 역할을 합니다.
#
# ## 바꾸는 것 6. 혼합 정밀도
#
# 지금까지 모든 계산은 32비트 부동소수점 수(`float32`)로 했습니다. 유효 숫자(가수)가 24비트, 10진수로 7자리쯤 되는
# 형식입니다. 그런데 신경망의 곱셈과 덧셈은 그만큼 정밀하지 않아도 결과가 거의 같습니다. **bfloat16**은 `float32`와
# 같은 8비트 지수로 같은 범위(아주 큰 수와 아주 작은 수)를 표현하면서, 유효 숫자를 8비트, 10진수로 2~3자리쯤으로 줄인
# 16비트 형식입니다. 수 몇 개를 bfloat16으로 바꿨다가 되돌려 보면 얼마나 거칠어지는지 보입니다.

# %%
numbers = np.array([1 / 3, 1.001, 123.4], dtype="float32")
as_bfloat16 = keras.ops.cast(keras.ops.cast(numbers, "bfloat16"), "float32")
for original, rounded in zip(numbers, keras.ops.convert_to_numpy(as_bfloat16)):
    print(f"float32 {original:<10.7g} → bfloat16 {rounded:.7g}")

# %% [markdown]
# $1/3$은 세 자리 정도만 맞고, 1.001은 1이 되어 0.001이 사라집니다. 수 하나의 크기가 절반이라 메모리에서 옮기는 양이
# 줄고, 이 형식을 직접 계산하는 하드웨어에서는 곱셈도 빨라집니다.
#
# **혼합 정밀도**(mixed precision)는 층의 계산은 bfloat16으로 하되, 가중치와 그 업데이트는 `float32`로 유지합니다.
# 위의 1.001처럼, 학습률을 곱한 작은 업데이트가 bfloat16의 2~3자리에 묻혀 사라지지 않게 하기 위해서입니다. 출력층의
# 소프트맥스도 `float32`로 계산합니다(`helpers`의 모델이 그렇게 만들어져 있습니다). Keras에서는 층을 만들 때의
# **dtype 정책** `"mixed_bfloat16"`이 이것을 정합니다.
#
# 다만 빨라지는 것은 bfloat16을 직접 계산하는 하드웨어에서뿐입니다. AVX-512 BF16이나 AMX 명령을 가진 CPU는
# TensorFlow의 oneDNN 커널로 빨라지지만, 그렇지 않은 CPU에서는 bfloat16을 흉내 내느라 오히려 몇 배 느려집니다.
# 그래서 레시피에 `precision="auto"`를 주면 `helpers.precision.resolve_precision()`이 CPU의 기능을 확인해서
# 고릅니다. 이 책을 만든 CPU에서 두 정밀도로 잰 훈련 속도는 저장소 README의 벤치마크에 있습니다.
#
# GPU가 있으면 `"auto"`는 `float32`를 고릅니다. bfloat16을 빠르게 계산하는 GPU는 비교적 최근 것(NVIDIA A100, L4
# 같은 Ampere 세대 이후)뿐이고, Colab의 무료 GPU인 T4에는 bfloat16을 계산하는 장치가 없기 때문입니다. T4가 빠르게
# 계산하는 16비트 형식은 **float16**이고, Keras에서는 dtype 정책 `"mixed_float16"`이 그것을 씁니다. 층의 계산은
# float16으로 하고 가중치는 `float32`로 두는 것은 같지만, float16은 지수가 5비트라 표현할 수 있는 범위가 좁아서 아주
# 작은 그레이디언트가 0이 되어 버릴 수 있습니다. 그래서 `"mixed_float16"` 정책으로 만든 모델을 컴파일하면 Keras가
# 옵티마이저를 `LossScaleOptimizer`로 감싸, 손실에 큰 수를 곱해 그레이디언트를 계산한 뒤 다시 나누는 **손실 스케일링**을
# 자동으로 합니다. 이 책의 레시피는 `float32`와 `"mixed_bfloat16"`만 고르므로, T4에서 float16을 써 보려면
# `keras.mixed_precision.set_global_policy("mixed_float16")`을 부른 뒤 모델을 직접 만들어 훈련해야 합니다.
#
# Colab에서 GPU를 켜려면 메뉴의 **런타임 → 런타임 유형 변경**에서 하드웨어 가속기로 GPU(예: T4 GPU)를 고르고
# 저장합니다. 런타임이 새로 시작되므로 노트북을 처음부터 다시 실행하세요. TensorFlow가 GPU를 보는지는 아래 셀의 첫
# 줄이 알려 줍니다. 빈 리스트 `[]`이면 GPU 없이 CPU로 계산합니다.

# %% tags=["nbval-ignore-output"]
print("TensorFlow가 보는 GPU:", tf.config.list_physical_devices("GPU"))
print("이 컴퓨터에서 고른 정밀도:", helpers.precision.resolve_precision("auto"))

# %% [markdown]
# 여러분의 컴퓨터에서 `float32`가 나왔다면 CPU가 bfloat16을 직접 계산하지 못하는 것이고, 훈련은 `float32`로 합니다.
# 그러면 같은 레시피가 더 오래 걸릴 수 있습니다. 환경 변수 `COURSE_PRECISION`으로 어느 한쪽을 강제할 수도 있습니다.
# 정밀도와 상관없이, 이 장에서 두 모델을 평가하는 `helpers.evaluate_model()`은 언제나 `float32`로 계산합니다. 그래야
# 평가 결과가 컴퓨터의 CPU에 따라 달라지지 않습니다.
#
# ## 더 강한 모델 만들기
#
# 바꾼 것을 모두 모은 모델을 Keras 코드로 그대로 적으면 다음과 같습니다. 맨 앞의 `flip` 층은 훈련할 때만 이미지를
# 뒤집으므로 출력 모양을 바꾸지 않습니다. 같은 구조를 `helpers.build_strong_cnn()`에도 담아 두었으므로, 두 모델의 층
# 종류·설정·가중치 모양이 같은지 구조 지문으로 확인합니다.

# %%
def build_strong_model():
    """바꾸는 것 1~6을 모두 모은 모델입니다."""
    layers = [
        keras.Input(shape=(28, 28, 1), name="image"),
        keras.layers.RandomFlip("horizontal", name="flip"),  # 5. 훈련할 때만 좌우로 뒤집기
    ]
    for index, filters in enumerate((32, 64, 128), start=1):  # 3. 합성곱 블록 세 개
        layers += [
            keras.layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{index}"),
            keras.layers.BatchNormalization(name=f"bn{index}"),  # 1. 배치 정규화가 절편을 대신합니다
            keras.layers.ReLU(name=f"relu{index}"),
            keras.layers.MaxPooling2D(2, name=f"pool{index}"),
        ]
    layers += [
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dropout(0.3, name="dropout1"),  # 2. 드롭아웃 두 번
        keras.layers.Dense(128, activation="relu", name="hidden"),
        keras.layers.Dropout(0.3, name="dropout2"),
        # 6. 혼합 정밀도에서도 소프트맥스는 float32로 계산합니다
        keras.layers.Dense(10, activation="softmax", dtype="float32", name="output"),
    ]
    return keras.Sequential(layers, name="fashion_cnn_strong")


strong_model = build_strong_model()
fingerprint = helpers.fingerprints.architecture_sha256
print("helpers.build_strong_cnn()과 구조가 같습니다:",
      fingerprint(strong_model) == fingerprint(helpers.build_strong_cnn()))
strong_model.summary()

# %% [markdown]
# 두 모델의 파라미터 수를 층별로 비교해 봅시다.

# %%
baseline_model = helpers.build_cnn()
print(f"전체 파라미터 수: 6장의 모델 {baseline_model.count_params():,}개, "
      f"더 강한 모델 {strong_model.count_params():,}개")
print("더 강한 모델의 Flatten 출력 길이:", strong_model.get_layer("flatten").output.shape[-1])
for name, m in [("6장의 모델", baseline_model), ("더 강한 모델", strong_model)]:
    print(f"{name}의 은닉층 파라미터 수: {m.get_layer('hidden').count_params():,}개")
print(f"conv3의 파라미터 수: {strong_model.get_layer('conv3').count_params():,}개")

assert strong_model.count_params() == 242_218 and baseline_model.count_params() == 333_526
assert strong_model.get_layer("conv3").count_params() == 3 * 3 * 64 * 128 == 73_728

# %% [markdown]
# 전체 파라미터 수는 242,218개로 6장의 모델(333,526개)보다 적습니다. 은닉층은 뉴런 128개로 넓혔지만 입력이 1,152개로
# 줄어 밀집층의 파라미터가 313,700개에서 147,584개로 절반 아래가 되었고, 그 대신 `conv3`이
# $3 \times 3 \times 64 \times 128 = 73{,}728$개를 가져갑니다(절편이 없으므로 더하는 항도 없습니다). 배치 정규화 층은
# 채널마다 4개씩(학습되는 $\gamma, \beta$와 학습되지 않는 이동 평균·이동 분산) 가집니다. 파라미터가 적다고 약한 모델이
# 아니라는 것, 어디에 파라미터를 쓰느냐가 중요하다는 것을 보여 주는 예입니다.
#
# ## 훈련하기
#
# 훈련도 Keras 코드 그대로입니다. 6장과 다른 점은 모두 앞에서 설명한 바꾸는 것입니다.
#
# - 정밀도 정책(바꾸는 것 6)은 층을 **만들기 전에** 정합니다. 층은 만들어질 때의 정책을 계속 씁니다. 모델을 만든 뒤에는
#   정책을 `float32`로 되돌려서, 이 장에서 나중에 만드는 모델에 영향을 주지 않게 합니다.
# - 옵티마이저는 아담에 코사인 감쇠 스케줄(바꾸는 것 4)을 학습률로 줍니다. 배치 크기는 128입니다.
# - 학습률이 정해진 방식으로 0까지 줄어드므로 조기 종료 없이 28 에포크를 모두 훈련하고, 6장의 `ModelCheckpoint`로
#   검증 손실이 가장 낮았던 에포크의 가중치를 저장해 두었다가 훈련이 끝나면 그 가중치를 불러옵니다.
#
# 훈련한 모델은 6장처럼 `helpers.save_trained()`로 모델 캐시에 저장합니다. 어떤 설정으로 훈련했는지는 레시피
# `helpers.STRONG_RECIPE`(위에서 꺼낸 `recipe`)로 적어 두고, 이 레시피가 캐시의 이름표가 됩니다. 다음에 이 장을 열면
# `helpers.find_run(recipe)`가 저장해 둔 모델을 찾아 다시 훈련하지 않습니다.

# %%
print(recipe)


def train_strong_model():
    """28 에포크를 훈련하고, 검증 손실이 가장 낮았던 에포크의 가중치를 남겨 모델 캐시에 저장합니다."""
    helpers.seed_everything()
    keras.mixed_precision.set_global_policy(helpers.resolve_precision(recipe.precision))
    model = build_strong_model()
    keras.mixed_precision.set_global_policy("float32")

    schedule = keras.optimizers.schedules.CosineDecay(initial_rate, decay_steps=total_steps)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=schedule),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    checkpoint = keras.callbacks.ModelCheckpoint(
        "best-strong-model.weights.h5", save_best_only=True, save_weights_only=True
    )
    timer = helpers.EpochTimer()
    history = model.fit(
        data.x_train,
        data.y_train,
        batch_size=batch_size,
        epochs=epochs,
        validation_data=(data.x_val, data.y_val),
        callbacks=[checkpoint, timer],
        verbose=2,
    )
    model.load_weights("best-strong-model.weights.h5")  # 검증 손실이 가장 낮았던 에포크
    return helpers.save_trained(model, history, recipe, data=data, epoch_seconds=timer.seconds)

# %% [markdown]
# 2코어 CPU에서는 이 훈련이 꽤 오래 걸립니다(이 책을 만들 때 걸린 시간은 아래에 출력합니다). 기다리기 어렵다면 아래
# 셀의 첫 줄을 `USE_BOOK_MODEL = True`로 바꾸세요. 훈련하는 대신 이 책을 만들 때 이 코드로 훈련한 모델을 불러옵니다.

# %% tags=["nbval-ignore-output"]
USE_BOOK_MODEL = False  # True로 바꾸면 긴 훈련 대신 이 책을 만들 때 훈련한 모델을 불러옵니다

strong = helpers.book_model("strong") if USE_BOOK_MODEL else helpers.find_run(recipe, data=data)
if strong is None:  # 이 컴퓨터에서 아직 훈련한 적이 없으면
    strong = train_strong_model()

# %% [markdown]
# 학습률이 줄어드는 후반부에도 검증 손실이 계속 내려가는지, 훈련 정확도와 검증 정확도가 얼마나 벌어지는지 살펴보세요.

# %% mystnb={"image": {"alt": "더 강한 모델의 훈련 기록 그래프. 가로축은 에포크(1~28), 세로축은 0부터 1까지의 값이고, 훈련 정확도, 검증 정확도, 훈련 손실, 검증 손실 네 곡선이 있다. 처음 몇 에포크에 손실이 크게 떨어진 뒤, 학습률이 줄어드는 후반부에 검증 손실은 0.2 근처에서 평평하고 훈련 손실은 계속 내려간다. 검증 정확도는 0.93 근처에 머물고 훈련 정확도와의 간격은 조금씩 벌어진다."}} tags=["nbval-ignore-output"]
helpers.plots.plot_history(strong.history)
plt.show()

# %% [markdown]
# 훈련에 걸린 시간도 봅시다. 에포크 하나의 계산은 매번 같지만, 걸리는 시간은 같은 기계에서도 흔들립니다. 기계를 함께
# 쓰는 다른 작업이 CPU를 나눠 쓰면 그 에포크만 느려지기 때문입니다. 그래서 한 번의 측정을 그대로 믿지 않고
# 에포크마다의 시간을 모아 **중앙값**으로 말하고, 가장 빠른 에포크와 가장 느린 에포크도 함께 봅니다. 시간은 잰
# 기계와 함께 말해야 뜻이 있으므로 `helpers.machine_name()`으로 CPU 이름과 코어 수도 출력합니다.

# %% tags=["nbval-ignore-output"]
def print_timing(name, run):
    """에포크 수, 에포크 시간의 중앙값(가장 빠른·느린 에포크와 함께), 잰 기계를 출력합니다."""
    if not run.epoch_seconds:
        print(f"{name}: 에포크 시간 기록이 없습니다.")
        return
    seconds = np.array(run.epoch_seconds)
    machine = "이 책을 만든 컴퓨터" if run.trainer == "book" else helpers.machine_name()
    print(f"{name}: {run.epochs_run} 에포크, 에포크 시간 중앙값 {np.median(seconds):.1f}초 "
          f"(가장 빠른 에포크 {seconds.min():.1f}초, 가장 느린 에포크 {seconds.max():.1f}초, "
          f"합계 {seconds.sum() / 60:.1f}분), {machine}")


print_timing("6장의 모델", baseline)
print_timing("더 강한 모델", strong)

# %% [markdown]
# 더 강한 모델은 에포크가 더 많으므로, 에포크 하나의 속도는 합계보다 에포크 시간의 중앙값으로 비교하는 편이
# 공정합니다. 첫 에포크는 계산 그래프를 만드느라 조금 더 걸리기도 하지만, 가장 느린 에포크가 중앙값보다 훨씬 길다면
# 그동안 다른 작업이 CPU를 나눠 썼을 가능성이 큽니다. 다른 기계에서 같은 훈련이 얼마나 걸릴지도 한 번 잰 합계보다
# '에포크 수 × 중앙값'으로 어림하는 편이 낫습니다. 그리고 그 값은 언제나 출력된 기계에서의 값입니다.
#
# ## 두 모델 비교하기
#
# 이제 두 모델을 검증 세트와 테스트 세트에서 평가합니다. 7장에서 말했듯이 테스트 세트는 모델을 고르는 데 쓰지 않고,
# 여기서 마지막에 한 번 보고만 합니다. `helpers.evaluate_model()`은 두 모델 모두 `float32`로 계산합니다.

# %% tags=["nbval-ignore-output"]
models = {"6장의 모델": baseline, "더 강한 모델": strong}
scores = {}
for name, run in models.items():
    val = helpers.evaluate_model(run.model, data.x_val, data.y_val)["accuracy"]
    test = helpers.evaluate_model(run.model, data.x_test, data.y_test)["accuracy"]
    scores[name] = {"val": val, "test": test}
    print(f"{name}: 검증 정확도 {val:.4f}, 테스트 정확도 {test:.4f}")

strong_test = scores["더 강한 모델"]["test"]
verdict = "이루었습니다" if strong_test >= 0.93 else "이루지 못했습니다"
print(f"목표(테스트 정확도 0.9300 이상)를 {verdict}: {strong_test:.4f}")

# %% [markdown]
# 같은 숫자를 표 하나로 모읍니다. 개수를 세는 열(파라미터 수, 에포크, 틀린 테스트 이미지)은 정수로 둡니다.

# %% tags=["nbval-ignore-output"]
rows = {}
for name, run in models.items():
    median_seconds = float(np.median(run.epoch_seconds)) if run.epoch_seconds else None
    rows[name] = {
        "파라미터 수": run.model.count_params(),
        "에포크": run.epochs_run,
        "최고 에포크": run.best_epoch,
        "에포크 시간 중앙값(초)": None if median_seconds is None else round(median_seconds, 1),
        "검증 정확도": round(scores[name]["val"], 4),
        "테스트 정확도": round(scores[name]["test"], 4),
        "틀린 테스트 이미지": round(len(data.y_test) * (1 - scores[name]["test"])),
    }
comparison = pd.DataFrame.from_dict(rows, orient="index")
comparison

# %% [markdown]
# 정확도의 차이는 틀린 테스트 이미지의 수로 보면 실감이 납니다. 10,000장 가운데 몇 장을 더 맞혔는지 보세요. 다만 한
# 번의 훈련으로 얻은 숫자라는 점을 기억하세요. 6장에서 말했듯이 같은 레시피라도 컴퓨터가 다르면 검증 정확도가 소수
# 둘째 자리에서 달라지기도 합니다.
#
# ## 훈련 정확도와 나란히 보기
#
# 검증 정확도만 보면 모델이 왜 좋아졌는지 알 수 없습니다. 훈련 정확도를 함께 보면 모델이 과대적합 쪽인지 과소적합
# 쪽인지 짐작할 수 있습니다(6장의 학습 곡선). 두 모델에서 마지막 에포크의 훈련 정확도, 검증 손실이 가장 낮았던
# 에포크(남겨 둔 가중치)의 검증 정확도, 그리고 그 차이를 출력합니다.

# %% tags=["nbval-ignore-output"]
gaps = {}
for name, run in models.items():
    train_last = run.history["accuracy"][-1]
    val_best = run.history["val_accuracy"][run.best_epoch - 1]
    gaps[name] = train_last - val_best
    print(f"{name}: 마지막 에포크({run.epochs_run})의 훈련 정확도 {train_last:.4f}, "
          f"최고 에포크({run.best_epoch})의 검증 정확도 {val_best:.4f}, 차이 {100 * gaps[name]:+.1f}%p")
print("차이가 더 큰 모델:", max(gaps, key=gaps.get))

# %% [markdown]
# 위 출력에서 더 강한 모델의 '최고 에포크의 검증 정확도'가 비교 표의 검증 정확도와 넷째 자리에서 다를 수
# 있습니다. 같은 가중치인데도 그런 것은 잰 방법이 다르기 때문입니다. 훈련 기록(`run.history`)의 값은 `fit()`이 에포크가
# 끝날 때 훈련하던 정밀도 그대로(이 책의 컴퓨터에서는 bfloat16) 잰 것이고, 표의 값은 `helpers.evaluate_model()`이
# 같은 가중치를 `float32`로 다시 잰 것입니다. 정밀도가 거친 계산에서는 확률이 아주 비슷한 몇 장의 예측이 뒤집힐 수
# 있고, 검증 이미지 12,000장에서는 한 장이 0.0001쯤입니다. 모델끼리 비교할 때는 표의 `float32` 값을 씁니다.
#
# 훈련 정확도와 검증 정확도의 차이를 읽을 때는 두 가지를 알아야 합니다.
#
# 1. **언제 멈췄는가.** 6장의 모델은 검증 손실이 나아지지 않으면 조기 종료로 멈추므로, 차이가 크게 벌어지기 전에
#    훈련이 끝납니다. 더 강한 모델은 조기 종료 없이 정해진 에포크를 모두 훈련하고, 마지막 에포크들에서는 학습률이 0에
#    가까워 훈련 세트에 더 꼼꼼히 맞춰집니다. 더 깊은 모델을 이렇게 끝까지 훈련하면 훈련 정확도가 더 올라가므로, 규제를
#    더 했더라도 차이는 더 클 수 있습니다.
# 2. **어떻게 쟀는가.** Keras가 기록하는 훈련 정확도는 에포크 동안 바뀌는 가중치로 잰 배치들의 평균이고, 드롭아웃이
#    뉴런을 끄고 증강이 이미지를 뒤집는 **훈련 모드**에서 잰 값입니다. 검증 정확도는 에포크가 끝난 뒤 둘 다 꺼진
#    **예측 모드**에서 잽니다. 그래서 기록된 훈련 정확도는 모델이 훈련 세트를 실제로 맞히는 비율보다 낮게 나오기 쉽고,
#    규제가 강한 모델일수록 더 그렇습니다. 이 효과는 차이를 **줄이는** 쪽으로 작용하므로, 차이가 작거나 음수여도
#    과대적합이 없다는 뜻은 아닙니다.
#
# 두 번째 효과가 얼마나 되는지 직접 재 봅시다. 훈련 세트의 처음 10,000장(두 모델이 모두 훈련에 쓴 이미지)을 남겨 둔
# 가중치로, 검증 세트와 똑같이 예측 모드에서 평가합니다.

# %% tags=["nbval-ignore-output"]
seen_images, seen_labels = data.x_train[:10_000], data.y_train[:10_000]
for name, run in models.items():
    train_eval = helpers.evaluate_model(run.model, seen_images, seen_labels)["accuracy"]
    val = scores[name]["val"]
    print(f"{name}: 예측 모드의 훈련 정확도 {train_eval:.4f}, 검증 정확도 {val:.4f}, "
          f"차이 {100 * (train_eval - val):+.1f}%p")

# %% [markdown]
# 이번에는 훈련 정확도와 검증 정확도를 같은 가중치로, 같은 예측 모드에서 쟀으므로 이 차이가 두 모델의 과대적합을 더
# 공정하게 보여 줍니다. 위에서 기록으로 잰 차이와 견주어 보세요.
#
# 그러므로 두 모델을 비교할 때는 차이의 크기 하나로 어느 쪽이 나은지 판단하지 않습니다. 기준은 검증 정확도이고, 차이는
# 그 검증 정확도가 어떻게 나왔는지 설명하는 보조 지표입니다. 차이가 커지는데 검증 정확도가 제자리라면 과대적합 쪽으로
# 기운 것이니 규제를 늘리거나 덜 훈련하고, 훈련 정확도와 검증 정확도가 모두 낮다면 과소적합 쪽이니 더 오래 훈련하거나
# 규제를 줄입니다. 더 깊은 구조는 훈련 세트를 더 잘 맞힐 표현력을 주고, 배치 정규화·드롭아웃·증강은 그 표현력이
# 훈련 세트를 외우는 데만 쓰이지 않게 막습니다.
#
# 클래스별 정확도도 확인해 봅시다.

# %% tags=["nbval-ignore-output"]
per_class = {}
for name, run in models.items():
    model32 = helpers.precision.as_float32(run.model)  # evaluate_model()처럼 float32로 예측합니다
    matrix = helpers.confusion(data.y_test, helpers.predict_labels(model32, data.x_test))
    per_class[name] = helpers.per_class_accuracy(matrix).round(4)
per_class = pd.DataFrame(per_class, index=helpers.CLASS_NAMES_KO)
per_class["차이"] = (per_class["더 강한 모델"] - per_class["6장의 모델"]).round(4)

for name in models:
    print(f"{name}에서 정확도가 가장 낮은 클래스: {per_class[name].idxmin()} ({per_class[name].min():.4f})")
per_class.sort_values("차이", ascending=False)

# %% [markdown]
# 표는 차이가 큰 클래스부터 정렬했습니다. 전체 정확도가 올라도 모든 클래스가 좋아지는 것은 아니므로 `차이` 열에
# 음수가 있는지 보세요. 이미 거의 다 맞히는 클래스는 움직일 여지가 작고, 7장의 혼동 행렬에서 서로 헷갈리던 상의들
# (셔츠, 티셔츠/탑, 스웨터, 코트)은 움직일 여지가 큽니다. 28×28 흑백 이미지에서는 단추나 옷깃 같은 단서가 아주 작기
# 때문에, 정확도가 가장 낮은 클래스는 보통 이 상의들 가운데서 나옵니다. 모델을 바꿀 때는 이렇게 전체 점수와 함께
# 클래스별 변화를 보아야 합니다.
#
# ## 정리
#
# - 배치 정규화는 합성곱 층의 출력을 채널마다, 배치 × 높이 × 너비에 걸친 평균과 분산으로 평균 0, 분산 1로 맞춘 뒤 학습되는
#   $\gamma, \beta$로 조정합니다. 더 큰 학습률로 안정적으로 훈련할 수 있습니다. 그 이유로 처음 제시된 '내부 공변량
#   변화를 줄인다'는 설명은 논란이 있고, 손실 표면을 매끄럽게 한다는 설명(Santurkar 등, 2018)도 있습니다. 바로 앞 합성곱
#   층의 절편은 필요 없습니다.
# - 합성곱 블록을 더 쌓으면 뉴런의 수용 영역이 넓어지고, 펼친 특성이 줄어 밀집층의 파라미터는 오히려 줄어듭니다.
# - 코사인 학습률 스케줄은 큰 학습률로 시작해 훈련 끝에 0으로 줄입니다. 큰 배치는 CPU에서 이미지 한 장당 시간을 줄이고,
#   줄어든 업데이트 횟수는 큰 학습률로 보충합니다.
# - 데이터 증강은 훈련 이미지를 무작위로 바꿔 과대적합을 줄이지만 더 많은 에포크가 필요합니다. 변환은 데이터에 맞게 고릅니다.
# - 혼합 정밀도는 계산을 bfloat16(유효 숫자 10진수 2~3자리)으로, 가중치를 `float32`로 해서 그 형식을 직접 계산하는
#   하드웨어에서 훈련을 빠르게 합니다. 평가는 `float32`로 합니다.
# - 레시피(`helpers.Recipe`)에 훈련 방법을 모아 두면 비교가 공정해지고, 같은 레시피는 다시 훈련하지 않고 불러옵니다.
# - 모델을 바꾼 효과는 같은 데이터, 같은 기준의 표로 비교하고, 훈련 시간은 에포크 시간의 중앙값과 기계로 말합니다.
#   훈련 정확도와 검증 정확도의 차이는 언제 멈췄는지와 어떻게 쟀는지를 함께 보고 읽습니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(10)

# %% [markdown]
# ### 연습 1. 배치 정규화의 파라미터
#
# `bn1` 층의 파라미터는 몇 개(`total`)이고, 그중 학습되는 것은 몇 개(`trainable`)일까요? 코드로 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# `bn1`은 채널 32개마다 $\gamma, \beta$(학습됨)와 이동 평균, 이동 분산(학습되지 않음)을 가집니다. 모두
# $4 \times 32 = 128$개이고, 학습되는 것은 64개입니다.
#
# </details>

# %% tags=["solution"]
bn1 = strong_model.get_layer("bn1")
total = bn1.count_params()  # 답: 전체 파라미터 수
trainable = sum(int(np.prod(w.shape)) for w in bn1.trainable_weights)  # 답: 학습되는 파라미터 수
q[1].check(total, trainable)

# %% [markdown]
# ### 연습 2. 예측할 때도 뒤집어 보기
#
# 좌우 뒤집기로 훈련한 모델이라면, 예측할 때 원래 이미지와 뒤집은 이미지의 확률을 평균해서 고를 수도 있습니다
# (테스트 시간 증강, test-time augmentation). 이 방식을 **쓸지 말지 고르는** 일이므로 7장의 원칙대로 검증 세트로
# 비교합니다. 더 강한 모델로 검증 이미지의 확률을 원래 이미지(`original`)와 뒤집은 이미지(`mirrored`)로 구하고,
# 테스트 시간 증강의 검증 정확도가 더 높으면 `use_tta = True`로 고르세요. 그다음 셀에서 고른 방식으로 테스트 세트를
# 한 번만 평가합니다. 이미지 배열의 축은 (샘플, 높이, 너비, 채널)입니다.
#
# <details><summary>풀이</summary>
#
# 너비 축(세 번째 축)을 거꾸로 읽으면 좌우가 뒤집힙니다. 두 예측의 평균은 한 장을 두 번 본 셈이라 조금 더 정확할 때가
# 많지만, 예측 시간이 두 배가 되고 늘 좋아지는 것도 아닙니다. 두 정확도를 같은 예측에서 계산해야 공정하게 비교할 수
# 있습니다. 테스트 세트로 두 방식을 비교해 더 좋은 쪽을 고르면 테스트 세트가 모델 선택에 쓰이므로, 고르는 일은 검증
# 세트로 하고 테스트 세트는 고른 방식으로 마지막에 한 번만 평가합니다(7장).
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
strong32 = helpers.precision.as_float32(strong.model)  # 표의 정확도처럼 float32로 예측합니다
original = helpers.predict_proba(strong32, data.x_val)  # 답: 검증 이미지의 확률
mirrored = helpers.predict_proba(strong32, data.x_val[:, :, ::-1])  # 답: 너비 축을 거꾸로 읽은 검증 이미지의 확률
val_plain = np.mean(original.argmax(axis=1) == data.y_val)  # 답: 원래 이미지만의 검증 정확도
val_tta = np.mean(((original + mirrored) / 2).argmax(axis=1) == data.y_val)  # 답: 테스트 시간 증강의 검증 정확도
use_tta = bool(val_tta > val_plain)  # 답: 테스트 시간 증강을 쓸지
q[2].check(original, mirrored, use_tta, labels=data.y_val)

# %% tags=["solution", "nbval-ignore-output"]
# 답: 고른 방식으로 테스트 세트를 한 번만 평가합니다
test_probabilities = helpers.predict_proba(strong32, data.x_test)
if use_tta:
    test_probabilities = (test_probabilities + helpers.predict_proba(strong32, data.x_test[:, :, ::-1])) / 2
print(f"고른 방식({'테스트 시간 증강' if use_tta else '원래 이미지만'})의 테스트 정확도: "
      f"{np.mean(test_probabilities.argmax(axis=1) == data.y_test):.4f}")

# %% [markdown]
# ### 연습 3. 무엇이 가장 도움이 되었을까
#
# 세 번째 합성곱 블록, 데이터 증강, 코사인 스케줄 가운데 **하나씩만** 빼고 훈련해서(ablation) 검증 정확도를 비교해
# 보세요. 한 번에 하나만 바꿔야 차이를 그 하나의 효과로 읽을 수 있습니다. 전체 레시피로 네 번 훈련하면 너무 오래
# 걸리므로, 모두 작은 예산(훈련 이미지 6,000장, 2 에포크, 검증 이미지 2,000장)으로 훈련하고 같은 예산으로 훈련한
# 레시피 그대로의 모델과 비교합니다. 먼저 레시피 네 개를 딕셔너리 `variants`에 만들어 `check()`로 '하나씩만'
# 바꾸었는지 확인하고, 그다음 셀에서 훈련합니다. 테스트 세트가 아니라 검증 세트로 비교해야 하는 이유도 생각해 보세요.
#
# 힌트: 이렇게 짧게 훈련하면 예측 모드의 검증 정확도가 이상하게 낮게 나올 수 있습니다. 배치 정규화가 예측할 때 무엇을
# 쓰는지 떠올려 보세요.
#
# <details><summary>풀이</summary>
#
# `dataclasses.replace(recipe, ...)`는 레시피의 값 하나만 바꾼 복사본을 만듭니다. 블록은 `model={"filters": (32, 64)}`,
# 증강은 `model={"augment": False}`, 스케줄은 `cosine_decay=False`(학습률 0.003 고정)로 뺍니다. 각 레시피는 모델
# 캐시의 서로 다른 폴더에 저장되므로 여러 번 실행해도 섞이지 않습니다.
#
# 힌트의 답은 이동 평균입니다. 배치 정규화는 예측할 때 훈련하며 모아 둔 이동 평균과 이동 분산을 쓰는데, Keras는
# 업데이트마다 새 배치의 통계를 1%씩만 섞습니다(`momentum=0.99`). 6,000장을 배치 128로 2 에포크 훈련하면 업데이트가
# 94번뿐이라, 이동 평균과 이동 분산은 아직 처음 값(0과 1) 쪽에 크게 치우쳐 있습니다. 그래서 풀이는 훈련을 마친 뒤
# 훈련 이미지 1,000장으로 각 배치 정규화 층의 입력을 계산하고, 이 장의 첫 예처럼 배치 × 높이 × 너비에 걸친 평균과 분산을
# 직접 구해 이동 평균과 이동 분산 자리에 넣습니다.
#
# 출력은 이렇게 읽습니다. 첫째, '이동 평균 그대로' 열은 네 모델 모두 찍는 수준(클래스 10개이므로 0.1) 가까이에서
# 들쭉날쭉합니다. 모델이 나빠서가 아니라 예측에 쓰는 통계가 틀렸기 때문이므로, 이 열로는 아무것도 비교하지 않습니다.
# 둘째, '통계를 다시 잰 뒤' 열이 실제로 비교할 값입니다. 네 값의 차이는 대개 1~3%p 안팎인데, 검증 이미지 2,000장에서는
# 한 장이 0.05%p이므로 1%p 안팎의 차이는 우연일 수 있습니다. 블록을 하나 뺀 모델처럼 다른 셋보다 뚜렷하게(몇 %p)
# 낮은 값만 그 요소가 짧은 훈련에서도 도움이 된다는 신호로 읽습니다. 셋째, 증강이나 스케줄을 뺀 모델이 오히려 조금
# 높게 나와도 이상하지 않습니다. 증강은 에포크가 많아야 효과를 내므로 짧은 훈련에서는 도움이 되지 않는 것처럼 보일
# 수 있고, 코사인 스케줄도 2 에포크 동안 학습률을 0까지 내리는 전혀 다른 일정이 됩니다. 확실한 결론을 내리려면 전체
# 예산으로, 시드를 바꿔 여러 번 훈련해 봐야 합니다(GPU가 있는 Colab에서 해 보세요). 여러 설정 가운데 하나를
# **고르는** 일이므로 검증 세트로 비교해야 하고, 테스트 세트는 고른 뒤 마지막에 한 번만 씁니다(7장).
#
# </details>

# %% tags=["solution"]
small = dataclasses.replace(data, x_train=data.x_train[:6000], y_train=data.y_train[:6000],
                            x_val=data.x_val[:2000], y_val=data.y_val[:2000])
budget = dataclasses.replace(recipe, epochs=2)  # 레시피 그대로, 작은 예산(2 에포크)으로
variants = {  # 답: 기준 레시피 하나와, 하나씩 뺀 레시피 셋
    "레시피 그대로": budget,
    "증강 없음": dataclasses.replace(budget, model={"augment": False}),
    "스케줄 없음": dataclasses.replace(budget, cosine_decay=False),
    "블록 두 개": dataclasses.replace(budget, model={"filters": (32, 64)}),
}
q[3].check(variants)

# %% tags=["solution", "nbval-ignore-output"]
# 답: 네 레시피로 훈련하고, 배치 정규화의 통계를 다시 재기 전과 후의 검증 정확도를 비교합니다
def recalibrate_batch_norm(model, images):
    """배치 정규화 층의 이동 평균과 이동 분산을 images에서 잰 평균과 분산(배치 × 높이 × 너비)으로 바꿉니다."""
    for layer in model.layers:  # 앞 층부터: 뒤 층의 입력은 앞 층의 새 통계로 계산됩니다
        if isinstance(layer, keras.layers.BatchNormalization):
            inputs = keras.ops.convert_to_numpy(keras.Model(model.inputs[0], layer.input)(images))
            inputs = inputs.astype("float32")
            layer.moving_mean.assign(inputs.mean(axis=(0, 1, 2)))
            layer.moving_variance.assign(inputs.var(axis=(0, 1, 2)))


total_seconds = 0.0
for name, variant in variants.items():
    run = helpers.train_or_load(variant, data=small, verbose=0)
    total_seconds += run.seconds
    stale = helpers.evaluate_model(run.model, small.x_val, small.y_val)["accuracy"]
    recalibrate_batch_norm(run.model, small.x_train[:1000])
    fresh = helpers.evaluate_model(run.model, small.x_val, small.y_val)["accuracy"]
    print(f"{name:<8} 검증 정확도: 이동 평균 그대로 {stale:.4f}, 통계를 다시 잰 뒤 {fresh:.4f}")
print(f"네 번의 훈련에 걸린 시간: {total_seconds:.1f}초 ({helpers.machine_name()})")

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [9. 흔한 실수와 오류 메시지](09_common_mistakes.ipynb) · 다음: [11. 모델은 어디를 볼까: 설명 그림과 내 이미지](11_what_the_model_sees.ipynb)
