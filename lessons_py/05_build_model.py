# %% [markdown]
# # 5. 모델 만들기
#
# 4장에서 데이터를 (N, 28, 28, 1) 모양의 `float32` 배열로 준비했습니다. 이번 장에서는 그 이미지를 받아 열 가지
# 옷 종류의 확률을 내놓는 **합성곱 신경망**(CNN)을 만듭니다. 원본 노트의 모델을 그대로 따르되, 층을 하나 쌓을
# 때마다 출력 모양과 파라미터 개수를 직접 계산해서 Keras가 보여 주는 값과 맞춰 봅니다. 모델 요약표의 숫자가
# 어디서 나오는지 설명할 수 있으면, 나중에 자기 모델을 설계할 때도 크기를 미리 가늠할 수 있습니다.
#
# ## 이 장의 목표
#
# - `keras.Input`과 `keras.Sequential`로 층을 하나씩 쌓아 모델을 만듭니다.
# - 층을 지날 때마다 특성 맵의 모양이 어떻게 바뀌는지 따라갑니다.
# - 층별 파라미터 개수를 공식으로 계산하고 모델 요약과 맞춰 봅니다.
# - 모델 구조를 그림으로 그리고, 다음 장들에서 쓸 `helpers.build_cnn()`이 같은 모델임을 확인합니다.
# - 훈련하기 전의 모델에 이미지를 넣어 소프트맥스 출력이 무엇을 뜻하는지 살펴봅니다.

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
import numpy as np

import helpers
from helpers import plots

# %% [markdown]
# 데이터는 4장에서 만든 `helpers.load_splits()` 한 줄로 준비합니다. 이 장의 끝에서 검증 세트의 이미지 몇 장을
# 모델에 넣어 봅니다.

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
# 종류의 특성(처음에는 가장자리와 질감, 나중에는 소매나 밑창 같은 부분)을 담게 됩니다.
# 뒤쪽 절반은 **분류하는 부분**입니다. 특성 맵을 한 줄로 펼친 다음 밀집층 두 개로 클래스를 고릅니다.
#
# 이제 이 설계도를 한 층씩 코드로 옮깁니다.

# %% [markdown]
# ## 입력 정하기: `keras.Input`
#
# `keras.Sequential`은 층을 쌓은 순서대로 데이터를 흘려보내는 모델입니다. 빈 모델을 만들고 먼저
# `keras.Input`으로 **이미지 한 장의 모양**을 알려 줍니다. 배치 크기(한 번에 넣는 이미지 수)는 훈련할 때마다
# 달라질 수 있으므로 모양에 넣지 않습니다.

# %%
model = keras.Sequential(name="fashion_cnn_steps")
model.add(keras.Input(shape=(28, 28, 1)))

# %% [markdown]
# 입력 모양을 미리 알려 주면, 층을 추가하는 즉시 Keras가 가중치를 만들고 출력 모양을 계산합니다. 그래서 층을
# 하나 쌓을 때마다 `model.output_shape`로 모양을 확인할 수 있습니다.
#
# 원본 노트는 입력 모양을 첫 번째 합성곱 층의 인수로 주었습니다. 여기에는 두 가지 문제가 있습니다.
#
# - `input_shape=(28, 28, 1)`은 Keras 2 방식입니다. Keras 3에서도 동작은 하지만 "층에 `input_shape`를 넘기지 말고
#   `Input` 객체를 쓰라"는 경고가 나옵니다. 입력은 층의 성질이 아니라 모델의 성질이기 때문입니다.
# - 두 번째 원본 노트의 `input_size=`는 아예 없는 인수라서 오류가 납니다.

# %%
try:
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same", input_size=(28, 28, 1))
except ValueError as error:
    print("ValueError:", error)

# %% [markdown]
# ## 첫 번째 합성곱 층
#
# 첫 번째 합성곱 층은 3×3 필터 32개를 씁니다(필터를 **커널**이라고도 부르지만 이 책에서는 필터라고 합니다.
# 용어는 [용어집](glossary.md)에 모아 두었습니다). 인수 하나하나의 뜻은 다음과 같습니다.
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
# 배열의 모양에서도 같은 숫자를 읽을 수 있습니다.

# %%
conv1 = model.get_layer("conv1")
print("가중치:", conv1.kernel.shape, " 절편:", conv1.bias.shape)

assert conv1.kernel.shape == (3, 3, 1, 32)
assert conv1.count_params() == (3 * 3 * 1 + 1) * 32 == 320

# %% [markdown]
# 흥미로운 점은 이 320개가 이미지의 크기와 상관이 없다는 것입니다. 같은 필터가 이미지의 모든 위치를 훑기
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
print(model.output_shape)

assert model.output_shape == (None, 14, 14, 32)
assert model.get_layer("pool1").count_params() == 0

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

assert model.get_layer("conv2").kernel.shape == (3, 3, 32, 64)
assert model.get_layer("conv2").count_params() == (3 * 3 * 32 + 1) * 64 == 18496

# %% [markdown]
# 다시 최대 풀링으로 14×14를 7×7로 줄입니다.

# %%
model.add(keras.layers.MaxPooling2D(2, name="pool2"))
print(model.output_shape)

assert model.output_shape == (None, 7, 7, 64)

# %% [markdown]
# ## 평탄화
#
# 밀집층은 1차원 벡터를 입력으로 받습니다. `Flatten` 층은 7×7×64 특성 맵을 길이
# $7 \times 7 \times 64 = 3136$인 벡터로 펼칩니다(**평탄화**). 값의 순서만 바꿀 뿐 계산은 하지 않으므로
# 파라미터가 없습니다. 배치 축은 펼치지 않고 그대로 둡니다.

# %%
model.add(keras.layers.Flatten(name="flatten"))
print(model.output_shape)

assert model.output_shape == (None, 7 * 7 * 64) == (None, 3136)

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
# 은닉층 뒤에는 **드롭아웃**을 둡니다. `Dropout(0.4)`는 훈련할 때마다 은닉층 출력 100개 가운데 무작위로 40%를
# 0으로 만듭니다. 특정 뉴런 몇 개에 기대지 못하게 해서 **과대적합**을 줄이는 방법입니다. 살아남은 값은
# $1 / (1 - 0.4)$배로 키워서 출력의 평균 크기를 유지합니다. 예측할 때는 아무것도 끄지 않습니다.
# 드롭아웃 비율은 사람이 정하는 **하이퍼파라미터**이고, 학습되는 파라미터는 없습니다.
#
# 두 번째 원본 노트는 여기서 `Dropout(0,4)`라고 썼습니다. 소수점 대신 쉼표를 쓴 것인데, 파이썬에서 쉼표는
# 인수를 나누므로 이것은 `Dropout(rate=0, noise_shape=4)`, 즉 "비율 0으로 드롭아웃하라"는 뜻이 됩니다.
# 층이 만들어졌다면 드롭아웃이 전혀 없는 모델이 되었을 것이고, 드롭아웃 층은 파라미터가 0개라 모델 요약을 봐도
# 차이가 보이지 않으니 알아채기 어려운 실수입니다. 다행히 Keras 3는 `noise_shape`가 튜플이 아니라며 바로 오류를 냅니다.

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

assert model.get_layer("dropout").rate == 0.4

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

assert model.output_shape == (None, 10)
assert model.get_layer("output").count_params() == 100 * 10 + 10 == 1010

# %% [markdown]
# ## 모델 요약
#
# 원본 노트는 `model.summary()`로 요약표를 출력했습니다. 주피터에서는 이 함수가 색깔 코드가 섞인 표를 그려서
# 노트북에 저장하면 깨지므로, 같은 표를 글자로만 출력하는 `helpers.print_summary()`를 씁니다.

# %%
helpers.print_summary(model)

# %% [markdown]
# 표의 `Param #` 열은 지금까지 계산한 값과 같습니다. 한곳에 모아 공식으로 다시 계산해 봅시다.
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
    return (kernel * kernel * in_channels + 1) * filters


def dense_params(inputs, units):
    return inputs * units + units


expected = {
    "conv1": conv_params(3, 1, 32),
    "conv2": conv_params(3, 32, 64),
    "hidden": dense_params(7 * 7 * 64, 100),
    "output": dense_params(100, 10),
}
for name, count in expected.items():
    assert model.get_layer(name).count_params() == count
    print(f"{name:>6}: {count:>7,}  ({count / model.count_params():5.1%})")

assert sum(expected.values()) == model.count_params() == 333526
print(f" 합계: {model.count_params():,}")

# %% tags=["remove-input"]
helpers.glue("total_params", model.count_params())

# %% [markdown]
# 은닉층 하나가 94.1%를 차지하고, 두 합성곱 층을 합쳐도 5.6%에 불과합니다. 평탄화한 벡터가 3136개나 되기 때문입니다.
# 풀링 층이 가로세로를 줄여 주지 않았다면 이 숫자는 훨씬 컸을 것입니다(연습 2).
#
# 요약표 아래의 `1.27 MB`는 파라미터를 `float32`(4바이트)로 저장할 때의 크기입니다. 다만 여기서 MB는
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
total = sum(multiplications.values())
for name, count in multiplications.items():
    print(f"{name:>6}: {count:>9,}번  ({count / total:5.1%})")

# %% [markdown]
# 파라미터로는 5.5%뿐인 conv2가 곱셈의 87%를 차지합니다. 훈련 시간의 대부분은 합성곱 층에서 쓰이고,
# 모델 파일의 크기는 대부분 밀집층 때문이라는 뜻입니다. GPU로 합성곱 신경망을 훨씬 빠르게 훈련할 수 있는 것도
# GPU가 이 많은 곱셈을 한꺼번에 처리하기 때문입니다.

# %% [markdown]
# ## 모델 그림 그리기
#
# 원본 노트는 `keras.utils.plot_model(m)`로 모델을 그림으로 그렸습니다. 이 함수는 Graphviz 프로그램이 없으면
# 주피터에서 안내문만 출력하고 조용히 아무것도 그리지 않습니다. `plots.plot_model_diagram()`은 그럴 때 분명한
# 오류를 내고, 층마다 입력과 출력 모양도 함께 그립니다(`show_shapes=True`). 그림은 `model.png`로도 저장됩니다.

# %%
plots.plot_model_diagram(model, "model.png")

# %% [markdown]
# ## 같은 모델을 한 줄로: `helpers.build_cnn()`
#
# 지금까지 쌓은 모델을 `helpers.build_cnn()` 함수에 담아 두었습니다. 필터 개수, 커널 크기, 은닉층 뉴런 수,
# 드롭아웃 비율을 인수로 바꿀 수 있고, 기본값은 이 장의 모델입니다. 6장과 7장에서는 이 함수로 모델을 만듭니다.
# 파라미터 수와 층마다의 출력 모양이 같은지 확인해 봅시다.

# %%
cnn = helpers.build_cnn()

for ours, theirs in zip(model.layers, cnn.layers):
    print(f"{ours.name:>8} {ours.output.shape!s:<20} {theirs.name:>8} {theirs.output.shape!s}")

assert cnn.count_params() == model.count_params() == 333526
assert [layer.output.shape for layer in cnn.layers] == [layer.output.shape for layer in model.layers]
assert [layer.name for layer in cnn.layers] == [layer.name for layer in model.layers]

# %% [markdown]
# 구조는 같지만 가중치는 다릅니다. 두 모델 모두 가중치를 무작위로 초기화했기 때문입니다. 모델의 "같음"은 구조가
# 같다는 뜻이고, 훈련이 끝난 뒤의 결과가 같으려면 난수 시드까지 고정해야 합니다(6장).

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

assert probabilities.shape == (5, 10)
assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)

# %% [markdown]
# 이미지 5장에 대해 10개씩, 합이 1인 확률이 나왔습니다. 각 확률을 찍어 보면 모두 0.1 근처입니다.
# (이 값은 컴퓨터에 따라 마지막 자릿수가 조금 다를 수 있습니다.)

# %% tags=["nbval-ignore-output"]
print(probabilities.round(3))
print("예측한 클래스:", [helpers.class_name(i) for i in probabilities.argmax(axis=1)])
print("실제 클래스:  ", [helpers.class_name(i) for i in splits.y_val[:5]])

# %% [markdown]
# 가중치가 0 근처의 작은 난수이므로 출력층의 $z_i$도 모두 0에 가깝고, 소프트맥스는 거의 균등한 확률
# $1/10$을 냅니다. 가장 높은 확률을 고른 "예측"은 우연일 뿐입니다.
#
# 이 관찰은 6장에서 쓸모가 있습니다. 모든 클래스에 0.1을 주는 모델의 손실(크로스 엔트로피)은
# $-\ln 0.1 = \ln 10 \approx 2.303$입니다. 그래서 훈련을 시작할 때의 손실이 2.3 근처가 아니라면 데이터나 모델
# 어딘가가 잘못되었을 가능성이 큽니다.

# %%
print(f"균등한 확률일 때의 손실: {-np.log(0.1):.3f}")

# %% [markdown]
# 마지막으로 드롭아웃이 예측할 때는 꺼져 있는지 확인합니다. 모델을 함수처럼 부를 때 `training=False`(기본값이며
# `predict`도 이렇게 동작합니다)로 두 번 부르면 결과가 똑같고, `training=True`로 부르면 드롭아웃이 무작위로
# 뉴런을 꺼서 결과가 달라집니다.

# %%
first = untrained(images, training=False).numpy()
second = untrained(images, training=False).numpy()
with_dropout = untrained(images, training=True).numpy()

print("예측 모드 두 번의 결과가 같은가:", np.array_equal(first, second))
print("훈련 모드와 결과가 같은가:", np.array_equal(first, with_dropout))

# %% [markdown]
# ## 정리
#
# - `keras.Sequential`에 먼저 `keras.Input(shape=(28, 28, 1))`을 넣고 층을 쌓습니다. 층에 `input_shape=`를
#   주는 Keras 2 방식은 경고가 나오고, `input_size=`는 없는 인수라 오류가 납니다.
# - 모양은 (28, 28, 1) → (28, 28, 32) → (14, 14, 32) → (14, 14, 64) → (7, 7, 64) → 3136 → 100 → 10으로 바뀝니다.
#   세임 패딩은 가로세로를 유지하고, 최대 풀링은 절반으로 줄입니다.
# - 합성곱 층의 파라미터는 $(k \times k \times C_\text{in} + 1) \times C_\text{out}$, 밀집층은
#   $\text{입력} \times \text{뉴런} + \text{뉴런}$입니다. 합계 333,526개 가운데 94%가 은닉층에 있지만,
#   곱셈은 대부분 합성곱 층에서 일어납니다.
# - 드롭아웃 비율은 `Dropout(0.4)`처럼 소수점으로 씁니다. `Dropout(0,4)`는 비율 0이라는 전혀 다른 뜻입니다.
# - 훈련 전 모델의 소프트맥스 출력은 합이 1이고 거의 균등(약 0.1)하므로, 첫 손실은 $\ln 10 \approx 2.3$ 근처여야 합니다.
# - `helpers.build_cnn()`은 이 장의 모델을 한 줄로 만들며, 다음 장들에서 씁니다.
#
# ## 연습 문제
#
# :::{admonition} 연습 1. 커널 크기 바꾸기
# 두 합성곱 층의 커널 크기를 5×5로 바꾸면 층별 파라미터 수와 전체 파라미터 수는 어떻게 될까요? 먼저 공식으로
# 계산하고 `helpers.build_cnn(kernel_size=5)`로 확인해 보세요. 출력 모양은 바뀔까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# conv1은 $(5 \times 5 \times 1 + 1) \times 32 = 832$, conv2는 $(5 \times 5 \times 32 + 1) \times 64 = 51{,}264$개가
# 됩니다. 세임 패딩이라 출력 모양은 그대로이므로 은닉층(313,700)과 출력층(1,010)은 변하지 않고, 합계는
# 366,806개입니다.
#
# ```python
# model5 = helpers.build_cnn(kernel_size=5)
# for name in ["conv1", "conv2", "hidden", "output"]:
#     print(name, model5.get_layer(name).count_params())  # 832, 51264, 313700, 1010
# print(model5.count_params())  # 366806
# ```
# :::
#
# :::{admonition} 연습 2. 풀링 층이 없다면
# 두 `MaxPooling2D` 층을 모두 빼면 `Flatten`의 출력 길이와 은닉층의 파라미터 수는 얼마가 될까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 세임 패딩이라 특성 맵이 끝까지 28×28×64로 남으므로 평탄화한 길이는 $28 \times 28 \times 64 = 50{,}176$이고,
# 은닉층의 파라미터는 $50176 \times 100 + 100 = 5{,}017{,}700$개로 지금의 16배입니다. 풀링 층은 파라미터가
# 없지만 뒤쪽 층의 크기를 크게 줄여 줍니다.
#
# ```python
# no_pool = keras.Sequential([
#     keras.Input(shape=(28, 28, 1)),
#     keras.layers.Conv2D(32, 3, activation="relu", padding="same"),
#     keras.layers.Conv2D(64, 3, activation="relu", padding="same"),
#     keras.layers.Flatten(),
#     keras.layers.Dense(100, activation="relu"),
#     keras.layers.Dropout(0.4),
#     keras.layers.Dense(10, activation="softmax"),
# ])
# print(no_pool.layers[2].output.shape)      # (None, 50176)
# print(no_pool.layers[3].count_params())    # 5017700
# ```
# :::
#
# :::{admonition} 연습 3. 컬러 이미지를 받는 모델
# 32×32 크기의 컬러(RGB) 이미지를 받도록 `input_shape=(32, 32, 3)`으로 바꾸면, 어느 층의 파라미터 수가 바뀔까요?
# 전체 파라미터 수를 계산해 보세요.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 입력 채널이 3개이므로 conv1은 $(3 \times 3 \times 3 + 1) \times 32 = 896$개가 됩니다. conv2의 입력은 여전히 채널 32개라
# 18,496개로 같습니다. 두 번의 풀링 뒤 특성 맵은 8×8×64이므로 평탄화 길이는 4096이고, 은닉층은
# $4096 \times 100 + 100 = 409{,}700$개입니다. 출력층 1,010개를 더하면 합계는 430,102개입니다.
#
# ```python
# color = helpers.build_cnn(input_shape=(32, 32, 3))
# print(color.get_layer("conv1").count_params())   # 896
# print(color.get_layer("flatten").output.shape)   # (None, 4096)
# print(color.count_params())                      # 430102
# ```
# :::
#
# 이전: [4. 데이터 준비](04_data.ipynb) · 다음: [6. 컴파일과 훈련](06_compile_and_train.ipynb)
