# %% [markdown]
# # 5. 모델 만들기
#
# 4장에서 데이터를 (N, 28, 28, 1) 모양의 `float32` 배열로 준비했습니다. 이번 장에서는 그 이미지를 받아 열 가지
# 옷 종류의 확률을 내놓는 **합성곱 신경망**(CNN)을 만듭니다. 원본 노트의 모델을 그대로 따르되, 층을 하나 쌓을
# 때마다 출력 모양과 파라미터 개수를 직접 계산해서 Keras가 보여 주는 값과 맞춰 봅니다. 모델 요약의 숫자가
# 어디서 나오는지 설명할 수 있으면, 나중에 자기 모델을 설계할 때도 크기를 미리 가늠할 수 있습니다.
# 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - `keras.Input`과 `keras.Sequential`로 층을 하나씩 쌓아 모델을 만듭니다.
# - 층을 지날 때마다 특성 맵의 모양이 어떻게 바뀌는지 따라갑니다.
# - 층별 파라미터 개수를 공식으로 계산하고 `model.summary()`의 모델 요약과 맞춰 봅니다.
# - 드롭아웃이 훈련할 때와 예측할 때 어떻게 다르게 동작하는지 확인합니다.
# - 모델 구조를 그림으로 그리고, 다음 장들에서 쓸 `helpers.build_cnn()`이 같은 모델임을 확인합니다.
# - 훈련하기 전의 모델에 이미지를 넣어 소프트맥스 출력이 무엇을 뜻하는지 살펴봅니다.

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

import keras
import matplotlib.pyplot as plt
import numpy as np

# %% [markdown]
# 데이터는 4장의 끝에서 본 `helpers.load_splits()` 한 줄로 준비합니다. 원본 노트의 `load_data()`, `reshape`,
# `/ 255.0`, `train_test_split`을 한 번에 하는 함수입니다. 이 장의 끝에서 검증 세트의 이미지 몇 장을 모델에
# 넣어 봅니다.

# %%
splits = helpers.load_splits()
print(splits)

# %% [markdown]
# ## 설계도 한눈에 보기
#
# 만들 모델의 구조는 다음과 같습니다. 오른쪽은 이미지 한 장이 각 층을 지난 뒤의 모양(높이, 너비, 채널)입니다.
#
# ```text
# 입력                              (28, 28, 1)
# Conv2D(32, 3×3, 렐루, same)   →   (28, 28, 32)
# MaxPooling2D(2)               →   (14, 14, 32)
# Conv2D(64, 3×3, 렐루, same)   →   (14, 14, 64)
# MaxPooling2D(2)               →   (7, 7, 64)
# Flatten                       →   (3136,)
# Dense(100, 렐루)              →   (100,)
# Dropout(0.4)                  →   (100,)
# Dense(10, 소프트맥스)          →   (10,)
# ```
#
# 앞쪽 절반은 **특성을 뽑는 부분**입니다. 합성곱 층과 풀링 층을 한 쌍씩 두 번 쌓는데, 풀링 층을 지날 때마다
# 가로세로는 절반이 되고 합성곱 층의 필터 개수는 두 배가 됩니다. 위치 정보는 점점 거칠어지는 대신, 더 많은
# 종류의 특성(처음에는 경계선과 질감, 나중에는 소매나 밑창 같은 부분)을 담게 됩니다.
# 뒤쪽 절반은 **분류하는 부분**입니다. 특성 맵을 한 줄로 펼친 다음 밀집층 두 개로 클래스를 고릅니다.
#
# 이제 이 설계도를 한 층씩 코드로 옮깁니다.

# %% mystnb={"image": {"alt": "이 책의 모델을 왼쪽에서 오른쪽으로 상자들로 그린 그림. 입력 28×28×1, 합성곱 28×28×32, 풀링 14×14×32, 합성곱 14×14×64, 풀링 7×7×64의 상자가 차례로 작아지고 깊어지며, 그 뒤에 평탄화 3136, 밀집 100, 밀집 10이 막대로 이어집니다."}}
fig = helpers.concepts.model_volumes(helpers.build_cnn())
plt.show()

# %% [markdown]
# *그림 5-1. 층을 지날 때마다 달라지는 출력의 모양. 합성곱 층은 채널(깊이)을 늘리고, 풀링 층은
# 가로세로를 절반으로 줄입니다. 모양은 Keras가 계산한 값을 그대로 적었습니다.*

# %% [markdown]
# ## 입력 정하기: `keras.Input`
#
# `keras.Sequential`은 층을 쌓은 순서대로 데이터를 흘려보내는 모델입니다. 원본 노트처럼 빈 모델을 만들고
# `add()`로 층을 하나씩 더합니다. 맨 먼저 `keras.Input`으로 **이미지 한 장의 모양**을 알려 줍니다. 배치 크기(한 번에
# 넣는 이미지 수)는 훈련할 때마다 달라질 수 있으므로 모양에 넣지 않습니다.

# %%
model = keras.Sequential(name="fashion_cnn_steps")
model.add(keras.Input(shape=(28, 28, 1)))

# %% [markdown]
# 입력 모양을 미리 알려 주면, 층을 추가하는 즉시 Keras가 가중치를 만들고 출력 모양을 계산합니다. 그래서 층을
# 하나 쌓을 때마다 `model.output_shape`로 모양을 확인할 수 있습니다.
#
# 두 원본 노트는 입력 모양을 첫 번째 합성곱 층의 인수로 주었는데, 저마다 문제가 있습니다.
#
# - 첫 번째 원본 노트의 `input_shape=(28, 28, 1)`은 Keras 2 방식입니다. Keras 3에서도 동작은 하지만 층에
#   `input_shape`를 넘기지 말고 `Input(shape)` 객체를 모델의 첫 층으로 쓰라는 경고가 나옵니다.
# - 두 번째 원본 노트(8-2)의 `input_size=`는 아예 없는 인수라서 오류가 납니다. 오류 메시지를 출력해 봅시다
#   (오류 메시지를 읽는 법은 9장에서 자세히 봅니다).

# %%
try:
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", input_size=(28, 28, 1))
except ValueError as error:
    print("ValueError:", error)

# %% [markdown]
# ## 첫 번째 합성곱 층
#
# 첫 번째 합성곱 층은 3×3 필터 32개를 씁니다(필터를 **커널**이라고도 부르지만 이 책에서는 필터라고 합니다).
# 인수 하나하나의 뜻은 다음과 같습니다.
#
# - `32`: 필터 개수입니다. 필터 하나가 특성 맵 하나를 만들므로 출력 채널이 32개가 됩니다.
# - `kernel_size=3`: 커널 크기 3×3입니다. `(3, 3)`이라고 써도 같습니다.
# - `activation="relu"`: 활성화 함수로 렐루 $\max(0, z)$를 씁니다.
# - `padding="same"`: 세임 패딩으로 가장자리에 0을 덧대어 출력의 가로세로를 입력과 같은 28×28로 유지합니다.
#
# 층마다 `name`도 붙였습니다. 이름은 생략해도 되지만, 붙여 두면 모델 요약을 읽기 쉽고
# `model.get_layer("conv1")`처럼 층을 이름으로 꺼낼 수 있습니다.

# %%
model.add(keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same", name="conv1"))
print(model.output_shape)

# %% [markdown]
# 맨 앞의 `None`은 배치 축입니다. 아직 정해지지 않았다는 뜻으로, 이미지를 몇 장 넣든 받아들입니다.
#
# 이 층의 **파라미터**(학습되는 값)를 세어 봅시다. 필터 하나는 입력의 모든 채널을 덮으므로 모양이
# 3×3×1이고, 필터마다 **절편**이 하나씩 있습니다. 따라서 합성곱 층의 파라미터 수는
#
# $$
# (\text{커널 높이} \times \text{커널 너비} \times \text{입력 채널 수} + 1) \times \text{필터 개수}
# $$
#
# 입니다. 첫 번째 층은 $(3 \times 3 \times 1 + 1) \times 32 = 320$개입니다. Keras가 만든 **가중치**
# 배열의 모양에서도 같은 숫자를 읽을 수 있습니다. 가중치는 (커널 높이, 커널 너비, 입력 채널 수, 필터 개수)
# 순서로 저장됩니다.

# %%
conv1 = model.get_layer("conv1")
print("가중치:", conv1.kernel.shape, " 절편:", conv1.bias.shape)

assert conv1.count_params() == (3 * 3 * 1 + 1) * 32 == 320

# %% [markdown]
# 아직 훈련하지 않았지만 가중치에는 벌써 값이 들어 있습니다. 첫 번째 필터의 3×3 가중치와 절편을 찍어 봅시다.
# Keras의 가중치는 변수(텐서)이므로 `keras.ops.convert_to_numpy()`로 NumPy 배열로 바꿔서 봅니다.

# %% tags=["nbval-ignore-output"]
kernel = keras.ops.convert_to_numpy(conv1.kernel)
bias = keras.ops.convert_to_numpy(conv1.bias)
print(kernel[:, :, 0, 0].round(3))  # 첫 번째 필터, 입력 채널 0
print("절편(처음 5개):", bias[:5])
print("초기화 방법:", type(conv1.kernel_initializer).__name__)

limit = np.sqrt(6 / (3 * 3 * 1 + 3 * 3 * 32))  # 글로럿 균등 분포의 한계(8장)
print(f"가중치 288개의 범위: {kernel.min():.3f} ~ {kernel.max():.3f} (한계 ±{limit:.3f})")

# %% [markdown]
# 가중치는 작은 무작위 값이고 절편은 모두 0입니다. 가중치를 모두 같은 값(예를 들어 0)으로 시작하면 필터 32개가
# 똑같이 계산하고 똑같이 업데이트되어 끝까지 같은 필터로 남습니다. 무작위로 시작해야 필터마다 다른 특성을 배울
# 수 있습니다. 무작위 값의 크기도 중요합니다. Keras의 `Conv2D`와 `Dense`는 따로 정하지 않으면
# **글로럿 초기화**(Glorot initialization, 정확히는 `GlorotUniform`)를 씁니다. 층의 입력 개수와 출력 개수로 정한
# 구간 안에서 가중치를 고르게 뽑는데, 입력이 많은 층일수록 구간을 좁혀서 층을 여러 개 지나도 값이 너무
# 커지거나 0으로 사라지지 않게 합니다. 구간의 공식과 훈련 뒤의 가중치 분포는 8장에서 봅니다.
#
# 이 320개가 이미지의 크기와 상관이 없다는 것도 흥미로운 점입니다. 같은 필터가 이미지의 모든 위치를 훑기
# 때문입니다(가중치 공유). 만약 28×28×1 입력과 28×28×32 출력을 밀집층처럼 모두 연결한다면 가중치만
# $784 \times 25088 \approx 2{,}000$만 개가 필요합니다.

# %%
dense_equivalent = (28 * 28 * 1) * (28 * 28 * 32)
print(f"모두 연결했을 때의 가중치: {dense_equivalent:,}개")
print(f"합성곱 층의 가중치:       {3 * 3 * 1 * 32:,}개")

# %% [markdown]
# ## 최대 풀링 층
#
# `MaxPooling2D(2)`는 2×2 영역마다 가장 큰 값 하나만 남기는 최대 풀링입니다. 풀링 크기만 주면 스트라이드도
# 같은 값(2)이 되므로 영역이 겹치지 않고, 가로세로가 정확히 절반이 됩니다. 채널 수는 그대로입니다.
# 최댓값을 고르기만 하므로 학습할 파라미터는 없습니다.

# %%
model.add(keras.layers.MaxPooling2D(2, name="pool1"))
print(model.output_shape, " 파라미터:", model.get_layer("pool1").count_params())

# %% [markdown]
# ## 두 번째 합성곱 층과 풀링 층
#
# 두 번째 합성곱 층은 필터를 64개로 늘립니다. 이번에는 입력 채널이 32개이므로 필터 하나의 모양이 3×3×32입니다.
# 필터 하나가 앞 층이 만든 특성 맵 32장을 한꺼번에 보고, 그 조합으로 새로운 특성을 찾습니다.
#
# 파라미터 수는 $(3 \times 3 \times 32 + 1) \times 64 = 18{,}496$개입니다.

# %%
model.add(keras.layers.Conv2D(64, kernel_size=3, activation="relu", padding="same", name="conv2"))
print(model.output_shape, model.get_layer("conv2").kernel.shape)

assert model.get_layer("conv2").count_params() == (3 * 3 * 32 + 1) * 64 == 18496

# %% [markdown]
# 다시 최대 풀링으로 14×14를 7×7로 줄입니다.

# %%
model.add(keras.layers.MaxPooling2D(2, name="pool2"))
print(model.output_shape)

# %% [markdown]
# ## 평탄화
#
# 밀집층은 1차원 벡터를 입력으로 받습니다. `Flatten` 층은 7×7×64 특성 맵을 길이
# $7 \times 7 \times 64 = 3136$인 벡터로 펼칩니다(**평탄화**). 값의 순서만 바꿀 뿐 계산은 하지 않으므로
# 파라미터가 없습니다. 배치 축은 펼치지 않고 그대로 둡니다.

# %%
model.add(keras.layers.Flatten(name="flatten"))
print(model.output_shape)

assert model.output_shape == (None, 7 * 7 * 64)  # 배치 축은 그대로, 나머지 세 축만 곱해집니다

# %% [markdown]
# ## 은닉층과 드롭아웃
#
# 펼친 특성을 100개의 뉴런을 가진 밀집층(**은닉층**)에 연결합니다. 밀집층은 모든 입력이 모든 뉴런에 연결되므로
# 파라미터 수는
#
# $$
# \text{입력 크기} \times \text{뉴런 수} + \text{뉴런 수}(\text{절편})
# $$
#
# 이고, $3136 \times 100 + 100 = 313{,}700$개입니다. 뒤에서 보겠지만 이 층 하나가 전체 파라미터의 94%를
# 차지합니다.

# %%
model.add(keras.layers.Dense(100, activation="relu", name="hidden"))
print(model.output_shape)

assert model.get_layer("hidden").count_params() == 3136 * 100 + 100 == 313700

# %% [markdown]
# 은닉층 뒤에는 **드롭아웃**을 둡니다. `Dropout(0.4)`는 훈련할 때 은닉층 출력 100개를 **하나하나 따로
# 0.4의 확률로** 0으로 만듭니다. 뉴런마다 동전을 따로 던지는 셈이라, 꺼지는 개수는 매번 다르고 평균이 40개일 뿐
# 정확히 40개는 아닙니다. 특정 뉴런 몇 개에 기대지 못하게 해서 **과대적합**을 줄이는 방법입니다. 살아남은 값은
# $1 / (1 - 0.4) \approx 1.67$배로 키워서 출력의 평균 크기를 유지합니다. 예측할 때는 아무것도 끄지 않습니다.
# 드롭아웃 비율은 사람이 정하는 **하이퍼파라미터**이고, 학습되는 파라미터는 없습니다.
#
# 드롭아웃 층 하나를 따로 만들어 1로 채운 값 100개를 넣어 확인해 봅시다. 층을 함수처럼 부를 때 `training=True`를
# 주면 훈련할 때처럼 동작합니다. 결과는 텐서이므로 `keras.ops.convert_to_numpy()`로 NumPy 배열로 바꿔 셉니다.

# %%
keras.utils.set_random_seed(0)  # 실행할 때마다 같은 결과가 나오도록 난수를 고정합니다
dropout_demo = keras.layers.Dropout(0.4)
ones = np.ones((1, 100), dtype="float32")

for call in range(1, 6):
    out = keras.ops.convert_to_numpy(dropout_demo(ones, training=True))
    print(f"{call}번째 호출: 0이 된 값 {(out == 0).sum()}개, 남은 값 {np.unique(out[out > 0])}")

many = keras.ops.convert_to_numpy(dropout_demo(np.ones((1000, 100), "float32"), training=True))
print(f"값 100,000개 가운데 0이 된 비율: {(many == 0).mean():.4f}, 평균: {many.mean():.4f}")

out = keras.ops.convert_to_numpy(dropout_demo(ones, training=False))
print("training=False일 때 나오는 값:", np.unique(out))

# %% [markdown]
# 0이 되는 개수는 호출할 때마다 다릅니다. 100개가 저마다 0.4의 확률로 꺼지므로 평균은 40개이지만, 한 번의
# 호출에서는 표준 편차 $\sqrt{100 \times 0.4 \times 0.6} \approx 4.9$개 정도는 흔히 벗어납니다. 값을 많이 모으면
# 0이 된 비율이 0.4에 가까워집니다. 남은 값은 모두 $1/0.6 \approx 1.667$이라서 평균은 여전히 1 근처입니다.
# `training=False`(기본값)로 부르면 입력이 그대로 나옵니다.
#
# 두 번째 원본 노트는 여기서 `Dropout(0,4)`라고 썼습니다. 소수점 대신 쉼표를 쓴 것인데, 파이썬에서 쉼표는
# 인수를 나누므로 이것은 `Dropout(rate=0, noise_shape=4)`, 즉 "비율 0으로 드롭아웃하라"는 뜻이 됩니다.
# 층이 만들어졌다면 드롭아웃이 전혀 없는 모델이 되었을 것이고, 드롭아웃 층은 파라미터가 0개라 모델 요약을 봐도
# 차이가 보이지 않으니 알아채기 어려운 실수입니다. 다행히 Keras 3는 `noise_shape`에는 정수의 묶음(튜플이나
# 리스트)이 와야 한다며 바로 오류를 냅니다.

# %%
try:
    keras.layers.Dropout(0,4)
except ValueError as error:
    print("ValueError:", error)

# %% [markdown]
# 올바르게 `Dropout(0.4)`로 쓰고, 비율이 제대로 들어갔는지 `rate` 속성으로 확인합니다.

# %%
model.add(keras.layers.Dropout(0.4, name="dropout"))
print(model.output_shape, "비율:", model.get_layer("dropout").rate)

# %% [markdown]
# ## 출력층
#
# 마지막 **출력층**은 클래스 수만큼 뉴런 10개를 두고, 활성화 함수로 **소프트맥스**를 씁니다. 소프트맥스는
# 뉴런 10개의 출력 $z_1, \dots, z_{10}$을
#
# $$
# p_i = \frac{e^{z_i}}{\sum_{j=1}^{10} e^{z_j}}
# $$
#
# 로 바꿉니다. 모든 $p_i$가 0과 1 사이이고 합이 1이므로 각 클래스의 확률로 읽을 수 있습니다. 값이 큰 쪽이
# 지수 함수 때문에 더 크게 부풀려집니다. 세 개짜리 작은 예로 확인해 봅시다.

# %%
z = np.array([2.0, 1.0, 0.1])
p = np.exp(z) / np.exp(z).sum()
print(p.round(3), "합:", p.sum().round(6))

# %% [markdown]
# 출력층의 파라미터는 $100 \times 10 + 10 = 1{,}010$개입니다. 이것으로 모델이 완성됩니다.

# %%
model.add(keras.layers.Dense(10, activation="softmax", name="output"))
print(model.output_shape)

assert model.get_layer("output").count_params() == 100 * 10 + 10 == 1010

# %% [markdown]
# ## 모델 요약: `model.summary()`
#
# 원본 노트처럼 `model.summary()`로 모델 전체를 표 하나로 요약해 봅시다.

# %%
model.summary()

# %% [markdown]
# 표의 한 줄이 층 하나입니다. `Layer (type)` 열은 층의 이름과 종류, `Output Shape` 열은 그 층의 출력 모양(맨
# 앞의 `None`은 배치 축), `Param #` 열은 파라미터 수입니다. 표 아래의 `Total params`는 전체 파라미터 수이고,
# 그 가운데 훈련으로 바뀌는 것이 `Trainable params`, 바뀌지 않는 것이 `Non-trainable params`입니다. 이 모델은
# 파라미터를 모두 훈련하므로 뒤의 것이 0입니다.
#
# `Param #` 열은 지금까지 계산한 값과 같습니다. 한곳에 모아 공식으로 다시 계산해 봅시다.
#
# | 층 | 공식 | 파라미터 수 |
# | --- | --- | ---: |
# | conv1 | $(3 \times 3 \times 1 + 1) \times 32$ | 320 |
# | conv2 | $(3 \times 3 \times 32 + 1) \times 64$ | 18,496 |
# | hidden | $3136 \times 100 + 100$ | 313,700 |
# | output | $100 \times 10 + 10$ | 1,010 |
# | 풀링, 평탄화, 드롭아웃 | 학습할 값 없음 | 0 |
# | **합계** | | **333,526** |

# %%
def conv_params(kernel, in_channels, filters):
    """합성곱 층: (k × k × 입력 채널 수 + 1) × 필터 개수."""
    return (kernel * kernel * in_channels + 1) * filters


def dense_params(inputs, units):
    """밀집층: 입력 크기 × 뉴런 수 + 뉴런 수(절편)."""
    return inputs * units + units


expected = {
    "conv1": conv_params(3, 1, 32),
    "conv2": conv_params(3, 32, 64),
    "hidden": dense_params(7 * 7 * 64, 100),
    "output": dense_params(100, 10),
}
total = model.count_params()
for name, count in expected.items():
    from_keras = model.get_layer(name).count_params()
    print(f"{name:>6}: 공식 {count:>7,}  Keras {from_keras:>7,}  ({count / total:5.1%})")
print(f"  합계: 공식 {sum(expected.values()):>7,}  Keras {total:>7,}")

assert sum(expected.values()) == total == 333526

# %% [markdown]
# 은닉층 하나가 94.1%를 차지하고, 두 합성곱 층을 합쳐도 5.6%에 불과합니다. 평탄화한 벡터가 3136개나 되기 때문입니다.
# 풀링 층이 가로세로를 줄여 주지 않았다면 이 숫자는 훨씬 컸을 것입니다(연습 2).
#
# 모델 요약 아래의 `1.27 MB`는 파라미터를 `float32`(4바이트)로 저장할 때의 크기입니다. 다만 여기서 MB는
# $1024^2$바이트 단위(MiB)입니다.

# %%
param_bytes = model.count_params() * 4
print(f"{param_bytes:,}바이트 = {param_bytes / 1024**2:.2f} MiB = {param_bytes / 1e6:.2f} MB")

# %% [markdown]
# ## 파라미터 수와 계산량은 다릅니다
#
# 합성곱 층은 파라미터는 적지만 같은 필터를 모든 위치에 적용하므로 **곱셈은 많이** 합니다. 이미지 한 장에 대해
# 각 층이 하는 곱셈 수는 (출력 위치 수) × (출력 채널 수) × (필터 하나의 크기)로 셀 수 있습니다.

# %%
multiplications = {
    "conv1": 28 * 28 * 32 * (3 * 3 * 1),
    "conv2": 14 * 14 * 64 * (3 * 3 * 32),
    "hidden": 3136 * 100,
    "output": 100 * 10,
}
total_multiplications = sum(multiplications.values())
for name, count in multiplications.items():
    print(f"{name:>6}: {count:>9,}번  ({count / total_multiplications:5.1%})")

# %% [markdown]
# 파라미터로는 5.5%뿐인 conv2가 곱셈의 87%를 차지합니다. 훈련 시간의 대부분은 합성곱 층에서 쓰이고,
# 모델 파일의 크기는 대부분 밀집층 때문이라는 뜻입니다. GPU로 합성곱 신경망을 훨씬 빠르게 훈련할 수 있는 것도
# GPU가 이 많은 곱셈을 한꺼번에 처리하기 때문입니다.

# %% [markdown]
# ## 모델 그림 그리기
#
# 원본 노트는 `keras.utils.plot_model(m)` 한 줄로 모델을 그림으로 그렸습니다. 층마다 입력과 출력의 모양까지
# 보려면 `keras.utils.plot_model(model, show_shapes=True)`처럼 씁니다. 이 함수는 pydot 패키지와 Graphviz
# 프로그램이 있어야 그림을 그리는데(Colab에는 둘 다 있습니다), 없으면 주피터에서 안내문만 출력하고 그림 없이
# 넘어갑니다. 이 책에서는 같은 호출을 하되 그럴 때 분명한 오류를 내는 `helpers.plots.plot_model_diagram()`을
# 씁니다. 그림은 `model.png` 파일로도 저장됩니다.

# %% mystnb={"image": {"alt": "이 장의 모델을 층마다 상자 하나로 위에서 아래로 이은 도표. 입력 (28, 28, 1)에서 시작해 합성곱 층 conv1, 풀링 층 pool1, 합성곱 층 conv2, 풀링 층 pool2, 평탄화 층 flatten, 은닉층 hidden, 드롭아웃 층 dropout, 출력층 output으로 이어지고, 상자마다 입력과 출력의 모양이 적혀 있다. 모양은 (28, 28, 32), (14, 14, 32), (14, 14, 64), (7, 7, 64)를 거쳐 3136, 100, 10으로 바뀐다."}}
helpers.plots.plot_model_diagram(model, "model.png")

# %% [markdown]
# ## 같은 모델을 한 줄로: `helpers.build_cnn()`
#
# 지금까지 쌓은 모델을 `helpers.build_cnn()` 함수에 담아 두었습니다. 필터 개수, 커널 크기, 은닉층 뉴런 수,
# 드롭아웃 비율을 인수로 바꿀 수 있고, 기본값은 이 장의 모델입니다. 6장부터는 이 함수로 모델을 만듭니다.
# 층마다 이름과 출력 모양, 그리고 파라미터 수가 같은지 확인해 봅시다.

# %%
cnn = helpers.build_cnn()

for ours, theirs in zip(model.layers, cnn.layers):
    print(f"{ours.name:>8} {ours.output.shape!s:<20} {theirs.name:>8} {theirs.output.shape!s}")
print("파라미터 수:", model.count_params(), cnn.count_params())

# %% [markdown]
# 구조는 같지만 가중치는 다릅니다. 두 모델 모두 가중치를 무작위로 초기화했기 때문입니다. 모델의 "같음"은 구조가
# 같다는 뜻이고, 훈련이 끝난 뒤의 결과가 같으려면 난수 시드까지 고정해야 합니다(6장).
#
# `Sequential`은 층이 한 줄로 이어질 때 쓰는 가장 간단한 방법입니다. Keras에는 층을 **함수처럼 호출해서** 잇는
# **함수형 API**(functional API)도 있습니다. `keras.Input`이 돌려준 입력을 첫 층에 넣어 출력을 받고, 그 출력을
# 다음 층에 넣는 식으로 이어 간 다음, 처음의 입력과 마지막 출력을 `keras.Model(inputs, outputs)`에 주면 모델이
# 됩니다. 입력이 여러 개이거나 중간에 갈라지는 모델도 이 방법으로 만들 수 있고, 8장에서는 이 방법으로 중간 층의
# 출력을 꺼냅니다. 이 장의 모델을 함수형 API로 다시 만드는 것은 연습 4에서 해 봅니다.

# %% [markdown]
# ## 훈련하기 전의 모델에 이미지 넣어 보기
#
# 아직 훈련하지 않았지만 모델은 이미 이미지를 받아 확률을 낼 수 있습니다. 검증 세트의 처음 5장을 넣어 봅시다.
# 출력을 재현할 수 있도록 `keras.utils.set_random_seed(0)`로 시드를 고정한 뒤 모델을 새로 만듭니다.

# %%
keras.utils.set_random_seed(0)
untrained = helpers.build_cnn()

images = splits.x_val[:5]
probabilities = untrained.predict(images, verbose=0)

print("입력:", images.shape, " 출력:", probabilities.shape)
print("행마다 확률의 합:", probabilities.sum(axis=1).round(4))

# %% [markdown]
# 이미지 5장에 대해 10개씩, 합이 1인 확률이 나왔습니다. 각 확률을 찍어 봅시다.
# (이 값은 컴퓨터에 따라 마지막 자릿수가 조금 다를 수 있습니다.)

# %% tags=["nbval-ignore-output"]
print(probabilities.round(3))
print("예측한 클래스:", [helpers.class_name(i) for i in probabilities.argmax(axis=1)])
print("실제 클래스:  ", [helpers.class_name(i) for i in splits.y_val[:5]])

# %% [markdown]
# 확률이 모두 0.1 근처입니다. 가중치가 작은 난수이므로 출력층의 $z_i$도 모두 0에 가깝고, 소프트맥스는 거의 균등한
# 확률 $1/10$을 냅니다. 가장 높은 확률을 고른 "예측"은 우연일 뿐입니다.
#
# 이 관찰은 6장에서 쓸모가 있습니다. 모든 클래스에 0.1을 주는 모델의 손실(크로스 엔트로피)은
# $-\ln 0.1 = \ln 10 \approx 2.303$입니다. 그래서 훈련을 시작할 때의 손실이 2.3 근처가 아니라면 데이터나 모델
# 어딘가가 잘못되었을 가능성이 큽니다.

# %%
print(f"균등한 확률일 때의 손실: {-np.log(0.1):.3f}")

# %% [markdown]
# 마지막으로 모델 안의 드롭아웃이 예측할 때는 꺼져 있는지 확인합니다. 모델을 함수처럼 부를 때
# `training=False`(기본값이며 `predict`도 이렇게 동작합니다)로 두 번 부르면 결과가 똑같고, `training=True`로
# 부르면 드롭아웃이 무작위로 뉴런을 꺼서 결과가 달라집니다.

# %%
first = keras.ops.convert_to_numpy(untrained(images, training=False))
second = keras.ops.convert_to_numpy(untrained(images, training=False))
with_dropout = keras.ops.convert_to_numpy(untrained(images, training=True))

print("예측 모드 두 번의 결과가 같은가:", np.array_equal(first, second))
print("훈련 모드와 결과가 같은가:", np.array_equal(first, with_dropout))

# %% [markdown]
# ## 정리
#
# - `keras.Sequential`에 먼저 `keras.Input(shape=(28, 28, 1))`을 넣고 층을 쌓습니다. 층에 `input_shape=`를
#   주는 Keras 2 방식은 경고가 나오고, `input_size=`는 없는 인수라 오류가 납니다.
# - 모양은 (28, 28, 1) → (28, 28, 32) → (14, 14, 32) → (14, 14, 64) → (7, 7, 64) → 3136 → 100 → 10으로
#   바뀝니다. 세임 패딩은 가로세로를 유지하고, 최대 풀링은 절반으로 줄입니다.
# - 합성곱 층의 파라미터는 $(k \times k \times C_\text{in} + 1) \times C_\text{out}$, 밀집층은
#   $\text{입력} \times \text{뉴런} + \text{뉴런}$입니다. `model.summary()`가 층별 파라미터 수와 합계 333,526개를
#   보여 주고, 그 가운데 94%가 은닉층에 있지만 곱셈은 대부분 합성곱 층에서 일어납니다.
# - 가중치는 글로럿 초기화로 작은 무작위 값에서, 절편은 0에서 출발합니다.
# - `Dropout(0.4)`는 훈련할 때 뉴런 하나하나를 0.4의 확률로 끄고 남은 값을 $1/0.6$배로 키웁니다. 예측할 때는
#   아무것도 끄지 않습니다. `Dropout(0,4)`는 비율 0이라는 전혀 다른 뜻입니다.
# - 훈련 전 모델의 소프트맥스 출력은 합이 1이고 거의 균등(약 0.1)하므로, 첫 손실은 $\ln 10 \approx 2.3$ 근처여야 합니다.
# - 층을 쌓는 코드 전체는 `helpers.build_cnn()`이 대신하고, 다음 장부터는 이 함수로 모델을 만듭니다. 원본 노트의
#   `keras.utils.plot_model()`은 그림을 그리지 못할 때 분명히 알려 주는 `helpers.plots.plot_model_diagram()`으로
#   대신합니다.
# - 같은 모델을 함수형 API(`keras.Input` → 층 호출 → `keras.Model`)로도 만들 수 있습니다(연습 4, 8장).

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 모델을 답으로 내면 `check()`가 층의
# 구성과 출력 모양, 파라미터 수를 봅니다. 힌트는 `q[N].hint()`, 풀이는 `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(5)

# %% [markdown]
# ### 연습 1. 커널 크기 바꾸기
#
# 두 합성곱 층의 커널 크기를 5×5로 바꾸면 층별 파라미터 수와 전체 파라미터 수는 어떻게 될까요? 먼저 공식으로
# 계산하고 `helpers.build_cnn(kernel_size=5)`로 만든 모델 `model5`로 확인해 보세요. 출력 모양은 바뀔까요?
#
# <details><summary>풀이</summary>
#
# conv1은 $(5 \times 5 \times 1 + 1) \times 32 = 832$, conv2는
# $(5 \times 5 \times 32 + 1) \times 64 = 51{,}264$개가 됩니다. 세임 패딩이라 출력 모양은 그대로이므로
# 은닉층(313,700)과 출력층(1,010)은 변하지 않고, 합계는 366,806개입니다.
#
# </details>

# %% tags=["solution"]
model5 = helpers.build_cnn(kernel_size=5)  # 답: 커널 크기가 5인 모델
for name in ["conv1", "conv2", "hidden", "output"]:  # 답: 층마다 파라미터 수와 출력 모양을 출력합니다
    layer = model5.get_layer(name)
    print(f"{name:>6}: {layer.count_params():>7,}  출력 모양 {layer.output.shape}")
q[1].check(model5)

# %% [markdown]
# ### 연습 2. 풀링 층이 없다면
#
# 두 `MaxPooling2D` 층을 모두 뺀 모델 `no_pool`을 만들면 `Flatten`의 출력 길이와 은닉층의 파라미터 수는 얼마가
# 될까요?
#
# <details><summary>풀이</summary>
#
# 세임 패딩이라 특성 맵이 끝까지 28×28×64로 남으므로 평탄화한 길이는 $28 \times 28 \times 64 = 50{,}176$이고,
# 은닉층의 파라미터는 $50176 \times 100 + 100 = 5{,}017{,}700$개로 지금의 16배입니다. 풀링 층은 파라미터가
# 없지만 뒤쪽 층의 크기를 크게 줄여 줍니다.
#
# </details>

# %% tags=["solution"]
no_pool = keras.Sequential([  # 답: 풀링 층 두 개를 뺀 모델
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(32, 3, activation="relu", padding="same"),
    keras.layers.Conv2D(64, 3, activation="relu", padding="same"),
    keras.layers.Flatten(),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dropout(0.4),
    keras.layers.Dense(10, activation="softmax"),
])
print("Flatten의 출력:", no_pool.layers[2].output.shape)  # 답: Flatten의 출력 모양
print(f"은닉층의 파라미터: {no_pool.layers[3].count_params():,}개")  # 답: 은닉층의 파라미터 수
q[2].check(no_pool)

# %% [markdown]
# ### 연습 3. 컬러 이미지를 받는 모델
#
# 32×32 크기의 컬러(RGB) 이미지를 받도록 `helpers.build_cnn(input_shape=(32, 32, 3))`으로 바꾸면, 어느 층의
# 파라미터 수가 바뀔까요? 전체 파라미터 수를 계산한 뒤 모델 `color`로 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# 입력 채널이 3개이므로 conv1은 $(3 \times 3 \times 3 + 1) \times 32 = 896$개가 됩니다. conv2의 입력은 여전히
# 채널 32개라 18,496개로 같습니다. 두 번의 풀링 뒤 특성 맵은 8×8×64이므로 평탄화 길이는 4096이고, 은닉층은
# $4096 \times 100 + 100 = 409{,}700$개입니다. 출력층 1,010개를 더하면 합계는 430,102개입니다.
#
# </details>

# %% tags=["solution"]
color = helpers.build_cnn(input_shape=(32, 32, 3))  # 답: 컬러 이미지를 받는 모델
for name in ["conv1", "conv2", "hidden", "output"]:  # 답: 층마다 파라미터 수를 출력합니다
    print(f"{name:>6}: {color.get_layer(name).count_params():>7,}")
q[3].check(color)

# %% [markdown]
# ### 연습 4. 함수형 API로 같은 모델 만들기
#
# 함수형 API에서는 층을 만든 뒤 바로 입력을 넣어 호출합니다. 예를 들어 첫 두 층은 이렇게 씁니다.
#
# ```python
# inputs = keras.Input(shape=(28, 28, 1))
# x = keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same")(inputs)
# x = keras.layers.MaxPooling2D(2)(x)
# ```
#
# 나머지 층도 같은 방식으로 이어 붙이고 `keras.Model(inputs=inputs, outputs=outputs)`로 모델 `functional`을
# 만드세요. 파라미터 수가 이 장의 모델과 같은지, `summary()`의 표가 어떻게 다른지 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# 파라미터는 똑같이 333,526개입니다. 모델 요약에는 함수형 모델의 첫 줄로 입력층(`InputLayer`)이 함께 나옵니다.
# `Sequential`도 안에서는 이런 함수형 모델을 만들어 쓰므로 두 모델은 같은 계산을 합니다.
#
# </details>

# %% tags=["solution"]
inputs = keras.Input(shape=(28, 28, 1))
x = keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same")(inputs)
x = keras.layers.MaxPooling2D(2)(x)
x = keras.layers.Conv2D(64, kernel_size=3, activation="relu", padding="same")(x)  # 답: 나머지 층을 이어 붙입니다
x = keras.layers.MaxPooling2D(2)(x)  # 답
x = keras.layers.Flatten()(x)  # 답
x = keras.layers.Dense(100, activation="relu")(x)  # 답
x = keras.layers.Dropout(0.4)(x)  # 답
outputs = keras.layers.Dense(10, activation="softmax")(x)  # 답: 출력층
functional = keras.Model(inputs=inputs, outputs=outputs, name="fashion_cnn_functional")  # 답
q[4].check(functional)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [4. 데이터 준비](04_data.ipynb) · 다음: [6. 컴파일과 훈련](06_compile_and_train.ipynb)
