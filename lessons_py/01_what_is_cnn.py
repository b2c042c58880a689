# %% [markdown]
# # 1. 합성곱 신경망이란
#
# 이미지를 보고 "이건 운동화다"라고 알아보는 일은 사람에게는 쉽지만, 컴퓨터에게 이미지는 숫자가 빽빽하게 들어찬
# 격자일 뿐입니다. **합성곱 신경망**(convolutional neural network, CNN)은 이 격자에서 경계선, 무늬, 모양 같은
# 특성을 스스로 찾아내도록 설계된 신경망입니다. 이 장에서는 밀집층만으로 이미지를 다룰 때 무엇을 잃는지 살펴보고,
# 합성곱 신경망의 핵심 연산인 **합성곱**(convolution)을 실제 패션 MNIST 이미지 위에서 NumPy로 직접 계산해 봅니다.
# 처음 나오는 용어는 [용어집](glossary.md)에 영어 이름과 함께 정리해 두었습니다.
#
# ## 이 장의 목표
#
# - 이미지를 평탄화해서 밀집층에 넣으면 어떤 정보와 효율을 잃는지 설명할 수 있습니다.
# - 필터, 합성곱, 특성 맵이 무엇이고 서로 어떤 관계인지 이해합니다.
# - 합성곱을 NumPy 몇 줄로 직접 구현하고, 그 결과가 Keras의 `Conv2D`와 같다는 것을 확인합니다.
# - 경계선 필터가 실제 옷 이미지에서 만들어 내는 특성 맵을 그려 보고 해석합니다.
# - 합성곱 신경망이 어디에 쓰이는지 알아봅니다.

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
# ## 이미지는 숫자 격자입니다
#
# 패션 MNIST는 옷과 신발, 가방을 찍은 28×28 픽셀 흑백 이미지 7만 장입니다(데이터는 4장에서 자세히 다룹니다).
# 이미지 한 장은 `(28, 28)` 모양의 배열이고, 각 칸에는 0(배경)부터 255(가장 밝은 픽셀)까지의 정수가 들어
# 있습니다. 이 장에서는 줄무늬가 뚜렷한 티셔츠 한 장을 예로 씁니다. 계산 결과를 눈으로 확인하기 쉽도록 픽셀값은
# 0~255 정수 그대로 씁니다(실제 모델에 넣을 때는 4장에서 0~1 사이로 스케일 조정합니다).

# %%
(x_train, y_train), (x_test, y_test) = helpers.load_fashion_mnist()

index = 26  # 가로 줄무늬가 뚜렷해서 경계선 필터의 효과가 잘 보이는 이미지
image = x_train[index].astype(np.int32)  # 음수가 나오는 계산을 하므로 uint8에서 부호 있는 정수로 바꿉니다
print("클래스:", helpers.class_name(y_train[index]))
print("모양:", image.shape)
print("픽셀값 범위:", image.min(), "~", image.max())

# %% [markdown]
# 이미지 한가운데의 8×8 영역을 숫자 그대로 출력해 보면, 줄무늬가 밝은 줄(큰 값)과 어두운 줄(작은 값)이
# 번갈아 나타나는 숫자 패턴이라는 것을 알 수 있습니다.
#
# 이 책의 그림은 흰 종이에 인쇄한 것처럼 값이 큰(밝은) 픽셀을 어둡게 그립니다. Matplotlib의 `gray_r` 색상표가 이렇게
# 그립니다. 그래서 그림에서는 배경이 흰색이고 옷이 어둡게 보입니다. 모든 장의 이미지를 이 방식으로 보여 줍니다.

# %%
print(image[10:18, 10:18])

# %% mystnb={"image": {"alt": "훈련 세트의 가로 줄무늬 티셔츠/탑 이미지 한 장을 28×28 픽셀 격자로 그린 그림. 밝은 픽셀일수록 어둡게 칠해 흰 바탕에 어두운 잉크로 그린 것처럼 보이며, 작은 칸 784개만으로도 긴 소매가 달린 윗옷과 가로 줄무늬를 알아볼 수 있다."}}
fig, axis = plt.subplots(figsize=(3, 3))
axis.imshow(image, cmap="gray_r")  # 밝은 픽셀을 어둡게 그리는 이 책의 표시 방식입니다
axis.set_title(f"훈련 세트 {index}번: {helpers.class_name(y_train[index])}")
axis.axis("off")
plt.show()

# %% [markdown]
# ## 밀집층으로 이미지를 보면 무엇을 잃을까요
#
# 밀집층(`Dense`)은 1차원 벡터를 입력으로 받습니다. 그래서 밀집층만으로 이미지를 분류하려면 먼저 28×28 격자를
# 784개의 숫자가 한 줄로 늘어선 벡터로 펼쳐야 하는데, 이것을 **평탄화**(flatten)라고 합니다. 평탄화하면 행
# 단위로 이어 붙이므로, 이미지에서 바로 아래에 있던 픽셀이 벡터에서는 28칸이나 떨어지게 됩니다.

# %% mystnb={"image": {"alt": "두 그림. 왼쪽은 입력 7칸과 출력 7칸을 모든 쌍으로 잇는 회색 선 49개로 밀집층을 나타냅니다. 오른쪽은 출력 한 칸이 바로 아래 입력과 그 양옆, 세 칸과만 빨강·초록·파랑 선으로 이어진 합성곱 층입니다. 같은 색 선은 어느 위치에서나 같은 가중치를 뜻합니다."}}
fig = helpers.concepts.local_connections()
plt.show()

# %% [markdown]
# *그림 1-1. 밀집층은 모든 입력을 모든 출력과 잇고 선마다 다른 가중치를 씁니다. 합성곱 층은 이웃한
# 입력만 보고(지역 연결), 같은 가중치 세 개를 모든 위치에서 다시 씁니다(가중치 공유).*

# %%
flat = image.reshape(-1)
print("평탄화한 모양:", flat.shape)


def flat_index(row, col):
    """(행, 열) 위치가 평탄화된 벡터에서 몇 번째 칸이 되는지 계산합니다."""
    return row * 28 + col


print("(14, 14)의 오른쪽 이웃:", flat_index(14, 14), "→", flat_index(14, 15))
print("(14, 14)의 아래쪽 이웃:", flat_index(14, 14), "→", flat_index(15, 14))

# %% [markdown]
# 더 중요한 점은 밀집층이 입력의 **순서에 아무 의미도 두지 않는다**는 것입니다. 밀집층의 뉴런 하나는
# $y = w_1 x_1 + w_2 x_2 + \cdots + w_{784} x_{784} + b$를 계산할 뿐이므로, 784개 픽셀을 어떤 순서로 섞어서
# 넣더라도 가중치의 순서만 똑같이 섞으면 수학적으로 같은 계산이 됩니다. 아래 그림의 오른쪽은 모든 이미지에
# 똑같이 적용할 고정된 순서로 픽셀을 섞은 결과입니다. 사람 눈에는 잡음이지만, 밀집층으로만 이루어진 신경망은
# 섞인 이미지로 훈련해도 원래 이미지로 훈련할 때와 똑같이 배웁니다(가중치의 초깃값까지 같은 순서로 섞으면 훈련
# 과정 전체가 수학적으로 같습니다). 밀집층에게는 처음부터 "어느 픽셀이 어느 픽셀 옆에 있는가"라는 정보가
# 없었던 셈입니다.

# %% mystnb={"image": {"alt": "두 그림을 나란히 놓았다. 왼쪽은 원래 티셔츠 이미지이고, 오른쪽은 784개 픽셀을 고정된 순서로 섞은 이미지다. 픽셀값은 모두 그대로인데 오른쪽에서는 옷의 모양이 사라지고 흩뿌린 점들만 보인다."}}
rng = np.random.default_rng(0)
permutation = rng.permutation(784)  # 모든 이미지에 똑같이 적용할 고정된 섞는 순서
shuffled = flat[permutation].reshape(28, 28)  # 픽셀값은 그대로이고 위치만 바뀝니다

fig, axes = plt.subplots(1, 2, figsize=(6, 3))
axes[0].imshow(image, cmap="gray_r")
axes[0].set_title("원래 이미지")
axes[1].imshow(shuffled, cmap="gray_r")
axes[1].set_title("픽셀 순서를 섞은 이미지")
for axis in axes:
    axis.axis("off")
plt.show()

# %% [markdown]
# 이미지에서 의미 있는 정보는 대부분 **가까운 픽셀끼리의 관계**에 있습니다. 밝기가 갑자기 바뀌는 곳이
# 경계선이고, 경계선이 모여 모서리와 무늬가 되고, 무늬가 모여 소매나 밑창 같은 부분이 됩니다. 밀집층은 이런
# 이웃 관계를 데이터에서 처음부터 다시 배워야 합니다.
#
# 파라미터 수도 문제입니다. 784개 픽셀을 받는 밀집층에 뉴런이 100개 있으면 가중치가 $784 \times 100$개,
# 절편이 100개이므로 파라미터(학습되는 값)는 $784 \times 100 + 100 = 78{,}500$개입니다.

# %%
dense = keras.layers.Dense(100)
dense(keras.Input(shape=(784,)))  # 입력 크기를 알려 주면 가중치가 만들어집니다
print(f"밀집층 Dense(100)의 파라미터: {dense.count_params():,}")
assert dense.count_params() == 784 * 100 + 100

# %% [markdown]
# 이미지가 커지면 이 숫자는 순식간에 불어납니다. 224×224 컬러 이미지(채널 3개)는 입력이
# $224 \times 224 \times 3 = 150{,}528$개이므로, 같은 밀집층 하나에 파라미터가 1,500만 개를 넘습니다.
# 반면 같은 컬러 이미지에 3×3 필터 32개짜리 합성곱 층을 쓰면 파라미터는
# $3 \times 3 \times 3 \times 32 + 32 = 896$개뿐입니다. 필터 하나가 세 채널을 모두 덮으므로 가중치가
# $3 \times 3 \times 3 = 27$개이고, 필터마다 절편이 하나씩 있기 때문입니다. 이 숫자는 이미지 크기와 상관없이
# 그대로이고, 이미지 쪽에서는 채널 수만 영향을 줍니다. 흑백 이미지(채널 1개)라면 $3 \times 3 \times 1 \times 32 + 32 = 320$개로,
# 이것이 이 책의 첫 번째 합성곱 층입니다. 파라미터 수가 왜 이미지 크기와 상관없는지는 아래에서 합성곱을 직접
# 계산해 보면 알 수 있습니다(채널과 파라미터 수는 2장에서 자세히 셉니다).

# %%
dense_rgb = keras.layers.Dense(100)
dense_rgb(keras.Input(shape=(224 * 224 * 3,)))
print(f"224×224×3 이미지를 평탄화해 Dense(100): {dense_rgb.count_params():,}")

for size, channels in [(224, 3), (28, 3), (28, 1)]:
    conv = keras.layers.Conv2D(32, kernel_size=3)
    conv(keras.Input(shape=(size, size, channels)))
    print(f"{size}×{size}×{channels} 이미지에 Conv2D(32, 3): {conv.count_params():,}")
    assert conv.count_params() == 3 * 3 * channels * 32 + 32  # 필터 하나가 3×3×채널 수, 절편 32개

# %% [markdown]
# ## 합성곱: 작은 필터를 미끄러뜨리며 곱하고 더하기
#
# 합성곱은 **필터**(filter)라고 부르는 작은 가중치 배열(여기서는 3×3)을 이미지 위에 올려놓고, 겹친 칸끼리
# 곱해서 모두 더하는 연산입니다. 한 위치에서 계산을 마치면 필터를 한 칸 옮겨서 같은 계산을 반복합니다.
# 위치 $(i, j)$의 출력은 다음과 같습니다.
#
# $$
# y_{i,j} = \sum_{u=0}^{2} \sum_{v=0}^{2} x_{i+u,\, j+v} \; w_{u,v}
# $$
#
# 여기서 $x$는 입력 이미지, $w$는 3×3 필터입니다(실제 층에서는 여기에 절편 $b$를 하나 더합니다). 필터가 이미지
# 밖으로 나가지 않는 위치에서만 계산하면 28×28 이미지에서 출력은 $28 - 3 + 1 = 26$, 즉 26×26이 됩니다.
#
# 두 가지를 기억해 두세요.
#
# - **지역 연결**: 출력 하나는 입력 전체가 아니라 3×3 = 9개의 이웃 픽셀만 봅니다. 이웃 관계를 처음부터
#   구조로 가지고 있는 셈입니다.
# - **가중치 공유**: 모든 위치에서 **같은** 필터를 씁니다. 그래서 파라미터 수는 필터 크기에만 달려 있고 이미지
#   크기와는 무관합니다. 위치마다 다른 3×3 가중치를 두었다면 필터 하나에만 26×26 위치 × 9개 = 6,084개가
#   필요했을 것입니다.
#
# 먼저 작은 예로 손으로 계산해 보겠습니다. 왼쪽 세 열은 어둡고(0) 오른쪽 두 열은 밝은(9) 5×5 이미지에,
# "왼쪽 열에서 오른쪽 열을 빼는" 3×3 필터를 적용합니다.

# %%
tiny = np.array([[0, 0, 0, 9, 9]] * 5)
vertical_edge = np.array([[1, 0, -1],
                          [1, 0, -1],
                          [1, 0, -1]])
print(tiny)

# %% [markdown]
# 왼쪽 위 위치 $(0, 0)$에서 필터와 겹치는 3×3 영역은 모두 0이므로 출력은 0입니다. 한 칸 오른쪽인 $(0, 1)$에서는
# 영역의 각 행이 `[0, 0, 9]`이므로 한 행마다 $0 \cdot 1 + 0 \cdot 0 + 9 \cdot (-1) = -9$이고, 세 행을 더하면
# $-27$입니다. 밝기가 일정한 곳에서는 0, 밝기가 바뀌는 곳에서는 절댓값이 큰 수가 나옵니다. 이 필터는 세로로
# 뻗은 경계선을 찾는 **세로 경계선 필터**입니다. 이 계산을 NumPy로 옮기면 다음과 같습니다.

# %%
def convolve2d(x, w):
    """필터가 이미지 안에 완전히 들어가는 위치마다 '겹친 칸끼리 곱해서 모두 더하기'를 합니다."""
    kh, kw = w.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1), dtype=np.result_type(x, w))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i:i + kh, j:j + kw] * w)
    return out


print(convolve2d(tiny, vertical_edge))

# %% mystnb={"image": {"alt": "세 칸짜리 그림. 왼쪽은 숫자가 적힌 5×5 입력으로 왼쪽 세 열은 0, 오른쪽 두 열은 9이고, 주황 사각형이 왼쪽 위에서 한 칸 오른쪽으로 옮긴 3×3 창을 표시합니다. 가운데는 왼쪽 열 1, 가운데 열 0, 오른쪽 열 -1인 세로 경계선 필터, 오른쪽은 3×3 특성 맵으로 첫 줄의 두 칸(0과 -27)이 채워져 있고 방금 계산한 -27에 파란 사각형이 있습니다. 필터 아래에 곱셈과 덧셈 식이 적혀 있습니다."}}
fig = helpers.concepts.convolution_step(tiny, vertical_edge, row=0, col=1)
plt.show()

# %% [markdown]
# *그림 1-2. 필터가 한 위치에서 하는 일. 주황 창 안의 픽셀값과 필터의 값을 칸끼리 곱해 모두 더한
# 값이 특성 맵의 한 칸(파란 사각형)이 됩니다. 창 안에 세로 경계선이 있으면 값의 크기가 크고, 창 안이
# 고르면 0입니다.*

# %%
helpers.concepts.convolution_animation(tiny, vertical_edge)

# %% [markdown]
# *그림 1-3. 같은 필터가 아홉 위치를 차례로 지나가며 특성 맵을 채웁니다. 재생 단추나 슬라이더로 한
# 장면씩 볼 수 있습니다.*

# %% [markdown]
# 사실 이 계산은 수학에서 **상호 상관**(cross-correlation)이라고 부르는 연산입니다. 수학의 합성곱은 필터를
# 상하좌우로 뒤집은 뒤 같은 계산을 합니다. Keras를 비롯한 딥러닝 라이브러리는 필터를 뒤집지 않고 위 식대로
# 계산하면서도 이것을 합성곱이라고 부르고, 이 책도 그 관례를 따릅니다([용어집](glossary.md)). 필터의 값은 어차피
# 훈련으로 정해지므로, 뒤집힌 필터가 필요하면 훈련이 처음부터 뒤집힌 값을 찾아낼 뿐 차이가 없습니다. 세로 경계선
# 필터를 뒤집으면 부호만 바뀌므로, 수학의 합성곱은 위 결과와 부호가 반대입니다.

# %%
print(convolve2d(tiny, np.flip(vertical_edge)))  # 수학의 합성곱: 필터를 상하좌우로 뒤집은 뒤 계산

# %% [markdown]
# 이중 반복문은 읽기 쉽지만 느립니다. NumPy의 `sliding_window_view`는 이미지를 복사하지 않고 모든 3×3 창을
# 한꺼번에 `(26, 26, 3, 3)` 모양의 배열로 보여 줍니다. 여기에 필터를 곱하고 마지막 두 축을 더하면 반복문 없이
# 같은 결과를 얻습니다. 이번에는 실제 티셔츠 이미지에 적용하고, 두 방법의 결과가 정확히 같은지 확인합니다.

# %%
windows = np.lib.stride_tricks.sliding_window_view(image, (3, 3))
print("창의 모양:", windows.shape)

vertical_map = (windows * vertical_edge).sum(axis=(2, 3))
print("두 방법의 결과가 같습니다:", np.array_equal(vertical_map, convolve2d(image, vertical_edge)))

# %% [markdown]
# ## 필터는 특성을 찾고, 특성 맵은 그 위치를 알려 줍니다
#
# 세로 경계선 필터를 전치하면(행과 열을 바꾸면) 위쪽 행에서 아래쪽 행을 빼는 **가로 경계선 필터**가 됩니다. 한
# 필터를 이미지 전체에 적용해서 얻은 출력 배열을 **특성 맵**(feature map)이라고 합니다. 특성 맵의 각 칸은 "그
# 위치 근처에 이 필터가 찾는 특성이 얼마나 강하게 있는가"를 나타냅니다.

# %%
horizontal_edge = vertical_edge.T
print(horizontal_edge)

horizontal_map = (windows * horizontal_edge).sum(axis=(2, 3))
print("세로 경계선 특성 맵 범위:", vertical_map.min(), "~", vertical_map.max())
print("가로 경계선 특성 맵 범위:", horizontal_map.min(), "~", horizontal_map.max())

# %% [markdown]
# 세 배열을 나란히 그려 보겠습니다. 특성 맵에서 빨간색은 양수, 파란색은 음수, 흰색은 0입니다. 세로 경계선
# 필터는 "왼쪽 열 − 오른쪽 열"이므로, 왼쪽에서 오른쪽으로 가며 배경(0)에서 옷(밝음)으로 넘어가는 경계선에서는
# 음수(파랑), 옷에서 배경으로 넘어가는 경계선에서는 양수(빨강)가 됩니다.

# %% mystnb={"image": {"alt": "세 그림을 나란히 놓았다. 원본 티셔츠 이미지(28×28), 세로 경계선 특성 맵과 가로 경계선 특성 맵(각 26×26). 특성 맵은 양수를 빨강, 음수를 파랑, 0을 흰색으로 칠했다. 세로 경계선 특성 맵은 몸통과 소매의 양옆 경계선에서만 진하고, 가로 경계선 특성 맵은 가로 줄무늬와 어깨선, 소맷단에서 진하다."}}
def show_feature_maps(maps, titles):
    """원본은 흑백으로, 특성 맵은 0을 흰색에 맞춘 빨강-파랑으로 그립니다."""
    fig, axes = plt.subplots(1, len(maps), figsize=(2.4 * len(maps), 2.9))
    for axis, values, title in zip(axes, maps, titles):
        if values.shape == (28, 28):
            axis.imshow(values, cmap="gray_r")
        else:
            limit = np.abs(values).max()
            axis.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit)
        axis.set_title(title, fontsize=10)
        axis.axis("off")
    fig.tight_layout()
    return fig


show_feature_maps([image, vertical_map, horizontal_map],
                  ["원본\n(28×28)", "세로 경계선 특성 맵\n(26×26)", "가로 경계선 특성 맵\n(26×26)"])
plt.show()

# %% [markdown]
# 세로 경계선 필터는 몸통과 소매의 양옆 경계선에만 반응하고 가로 줄무늬는 거의 무시합니다. 가로 경계선 필터는
# 정반대로 줄무늬 하나하나와 어깨선, 소맷단에 강하게 반응합니다. 같은 이미지라도 **어떤 필터를 쓰느냐에 따라 전혀
# 다른 특성이 드러난다**는 것이 핵심입니다.
#
# 합성곱 층은 보통 합성곱 뒤에 활성화 함수 **렐루**(ReLU, $\max(0, z)$)를 적용해서 음수를 0으로 만듭니다.
# 그러면 특성 맵에는 "이 방향의 경계선이 있다"는 양의 신호만 남습니다. 세로 경계선 특성 맵이라면 왼쪽이 더
# 밝은 경계선, 즉 옷에서 배경으로 넘어가는 경계선(빨강)만 남고 반대 방향의 경계선(파랑)은 사라집니다. 반대 방향을
# 찾고 싶다면 부호를 뒤집은 필터가 따로 있으면 됩니다. 실제 합성곱 층이 필터를 여러 개 두는 이유 중 하나입니다.

# %%
relu_map = np.maximum(vertical_map, 0)
print("렐루 전 음수인 칸:", np.sum(vertical_map < 0), "개 → 렐루 후:", np.sum(relu_map < 0), "개")

# %% [markdown]
# ## Keras의 `Conv2D`로 같은 계산하기
#
# Keras의 합성곱 층 `keras.layers.Conv2D`는 지금까지 손으로 한 계산을 필터 여러 개로 한꺼번에 합니다. 필터 두 개
# (세로, 가로)짜리 층을 만들고, 훈련 대신 `set_weights`로 우리가 만든 필터를 직접 넣어 보겠습니다.
#
# - Keras는 이미지를 `(배치, 높이, 너비, 채널)` 모양으로 받습니다. 이미지 한 장이라도 배치 축을 붙여
#   `(1, 28, 28, 1)`로 만듭니다.
# - 층의 필터 가중치는 `(필터 높이, 필터 너비, 입력 채널 수, 필터 개수)` 모양입니다. 여기서는 `(3, 3, 1, 2)`입니다.
# - 계산을 비교하기 쉽도록 절편은 빼고(`use_bias=False`), 밸리드 패딩(`padding="valid"`, 기본값)을 씁니다.

# %%
conv = keras.layers.Conv2D(2, kernel_size=3, padding="valid", use_bias=False)
conv.build((None, 28, 28, 1))

# (3, 3) 필터 두 개를 마지막 축으로 쌓고(3, 3, 2), 입력 채널 축을 끼워 넣습니다 → (3, 3, 1, 2)
kernel = np.stack([vertical_edge, horizontal_edge], axis=-1)[:, :, np.newaxis, :]
assert kernel.shape == conv.kernel.shape == (3, 3, 1, 2)  # 모양이 다르면 set_weights가 거부합니다
conv.set_weights([kernel.astype("float32")])

batch = image.reshape(1, 28, 28, 1).astype("float32")
feature_maps = keras.ops.convert_to_numpy(conv(batch))
print("특성 맵의 모양:", feature_maps.shape)

# %% [markdown]
# 출력의 마지막 축이 필터 개수입니다. 필터 하나가 특성 맵 한 장을 만들고, 특성 맵들이 채널 방향으로 쌓입니다.
# Keras가 계산한 두 특성 맵이 NumPy로 계산한 것과 같은지 확인합니다(Keras는 32비트 실수로 계산하므로
# `np.allclose`로 비교합니다). Keras도 필터를 뒤집지 않고 상호 상관을 계산한다는 것을 여기서 확인할 수 있습니다.

# %%
print("세로 경계선:", np.allclose(feature_maps[0, :, :, 0], vertical_map))
print("가로 경계선:", np.allclose(feature_maps[0, :, :, 1], horizontal_map))

# %% [markdown]
# ## 이미지 속 물체가 움직이면
#
# 합성곱에는 또 하나의 좋은 성질이 있습니다. 옷이 이미지에서 오른쪽으로 3픽셀 옮겨지면, 특성 맵도 **똑같이
# 3칸 옮겨질 뿐** 값은 그대로입니다. 모든 위치에서 같은 필터를 쓰기 때문입니다. 입력을 옮기면 출력도 그만큼
# 옮겨지는 이 성질을 **이동 등변성**(translation equivariance)이라고 합니다. 그래서 소매의 경계선을 찾는
# 필터는 이미지의 어디에서든 소매를 찾아냅니다. 밀집층이라면 물체가 옮겨질 때마다 전혀 다른 가중치들이 그 물체를
# 보게 됩니다.

# %%
moved = np.roll(image, 3, axis=1)  # 오른쪽으로 3픽셀 이동: 오른쪽 끝 3열은 왼쪽으로 넘어오므로 비교에서 뺍니다
moved_map = convolve2d(moved, vertical_edge)
same = np.array_equal(moved_map[:, 3:], vertical_map[:, :-3])
print("이동한 이미지의 특성 맵 = 원래 특성 맵을 3칸 옮긴 것:", same)

# %% [markdown]
# ## 필터는 사람이 아니라 훈련이 정합니다
#
# 이 장에서는 경계선 필터를 사람이 직접 골랐지만, 합성곱 신경망에서는 필터의 값 하나하나가 **가중치**이고
# 훈련으로 학습됩니다. 처음에는 무작위 값에서 출발하고, 손실을 줄이는 방향으로 조금씩 바뀌면서 옷을 구분하는 데
# 쓸모 있는 필터가 됩니다. 잘 훈련된 합성곱 신경망의 첫 번째 층 필터를 들여다보면 여러 방향의 경계선이나 밝기
# 변화를 찾는 모양이 된 경우가 많습니다(8장). 아주 작은 문제에서 훈련이 필터를 찾아내는 모습은 연습 4에서 직접
# 확인할 수 있습니다.
#
# 합성곱 층을 여러 개 쌓으면 뒤쪽 층은 앞쪽 층이 만든 특성 맵 위에서 다시 합성곱을 합니다. 3×3 합성곱을 두 번
# 거친 출력 하나는 원래 이미지의 5×5 영역을 봅니다. 출력 하나가 보는 입력의 영역을 **수용 영역**(receptive field)이라고
# 하며, 2장과 3장에서 직접 세어 봅니다. 층이 깊어질수록 수용 영역이 넓어지므로 더 넓은 영역의 더 복잡한
# 특성(경계선 → 모서리와 무늬 → 칼라, 소매, 밑창 같은 부분)을 표현할 수 있습니다.
# 이렇게 특성을 뽑아내는 합성곱 층(과 3장에서 배울 풀링 층) 뒤에, 뽑아낸 특성으로 클래스를 고르는 밀집층을 붙인
# 것이 이 책에서 만들 합성곱 신경망입니다.
#
# ```text
# 입력 (28, 28, 1)
#  → [합성곱 층 → 풀링 층] → [합성곱 층 → 풀링 층]      특성 추출
#  → 평탄화 → 밀집층(은닉층) → 드롭아웃 → 밀집층(출력층)  분류
# ```
#
# ## 합성곱 신경망은 어디에 쓰일까요
#
# 1989년 얀 르쿤(Yann LeCun) 등은 우편번호 손글씨를 읽는 합성곱 신경망을 역전파로 훈련해 보였습니다. 1998년의
# LeNet-5는 은행 수표의 손글씨 숫자를 읽는 시스템에 쓰였습니다. 2012년에는 ImageNet 이미지 분류 대회에서
# AlexNet이 기존 방법을 큰 차이로 앞서면서 합성곱 신경망이 컴퓨터 비전의 표준이 되었습니다. 오늘날에는 다음과 같은 곳에 쓰입니다.
#
# - **이미지 분류**: 이미지 전체가 무엇인지 고릅니다. 이 책에서 하는 일이 바로 이것입니다.
# - **객체 탐지와 분할**: 이미지 속 물체의 위치를 상자로 찾거나(자율 주행의 보행자·차량 인식) 픽셀마다 클래스를
#   정합니다(의료 영상에서 종양 영역 표시).
# - **얼굴 인식, 문자 인식(OCR), 제품 불량 검사**처럼 카메라 영상을 다루는 거의 모든 분야
# - **이미지가 아닌 격자 데이터**: 소리를 시간-주파수 그림(스펙트로그램)으로 바꿔 음성을 인식하거나, 1차원
#   합성곱(`Conv1D`)으로 센서·시계열 데이터를 다룹니다.
#
# 최근에는 트랜스포머 기반 모델도 이미지에 널리 쓰이지만, 합성곱 신경망은 적은 데이터와 적은 계산으로도 잘
# 동작해서 여전히 많이 쓰이며, 지역 연결과 가중치 공유라는 아이디어는 대부분의 비전 모델에 녹아 있습니다.
#
# ## 정리
#
# - 이미지를 평탄화해서 밀집층에 넣으면 픽셀 사이의 이웃 관계가 사라지고, 이미지 크기에 비례해 파라미터가 크게
#   늘어납니다.
# - 합성곱은 작은 **필터**를 이미지 위에서 한 칸씩 옮기며 겹친 칸끼리 곱해 더하는 연산입니다. 28×28 이미지에
#   3×3 필터를 밸리드 방식으로 적용하면 26×26 **특성 맵**이 나옵니다. 딥러닝의 합성곱은 필터를 뒤집지 않으므로
#   수학의 이름으로는 상호 상관입니다.
# - 필터마다 찾는 특성이 다릅니다. 세로 경계선 필터는 옷의 양옆 경계선에, 가로 경계선 필터는 줄무늬에 반응했습니다.
# - 지역 연결과 가중치 공유 덕분에 합성곱 층은 파라미터가 적고(3×3 필터 32개짜리 층이 흑백 입력에서 320개, 컬러
#   입력에서 896개), 물체가 옮겨지면 특성 맵도 그만큼 옮겨질 뿐입니다(이동 등변성).
# - Keras의 `Conv2D`는 같은 계산을 여러 필터로 한꺼번에 하며, 필터 값은 훈련으로 학습됩니다.

# %% [markdown]
# ## 연습 문제
#
# 연습 문제마다 답을 쓰는 코드 셀이 있습니다. `____` 자리에 답을 쓰고 셀을 실행하면 마지막 줄의 `check()`가 맞았는지
# 알려 줍니다. 막히면 `q[1].hint()`로 힌트를(`q[1].hint(2)`는 두 번째 힌트), `q[1].solution()`으로 풀이를 봅니다.
# 접힌 풀이에도 같은 풀이가 있습니다. 장의 맨 끝에서 몇 문제를 맞혔는지 알려 줍니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(1)

# %% [markdown]
# ### 연습 1. 손으로 합성곱 계산하기
#
# 아래 셀의 4×4 입력 `x`에 3×3 필터 `w`를 밸리드 방식으로 적용하면 출력은 몇 × 몇이고, 각 값은 얼마일까요? 손으로
# 계산한 뒤 이 장의 `convolve2d`로 계산한 배열을 `answer`에 넣어 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# 출력 크기는 $4 - 3 + 1 = 2$이므로 2×2입니다. 이 필터는 가운데 픽셀의 4배를 빼고 상하좌우 이웃을 더합니다.
#
# - $(0, 0)$: 가운데 1, 이웃 2 + 0 + 3 + 1 = 6 → $6 - 4 \cdot 1 = 2$
# - $(0, 1)$: 가운데 3, 이웃 0 + 1 + 1 + 0 = 2 → $2 - 4 \cdot 3 = -10$
# - $(1, 0)$: 가운데 1, 이웃 1 + 2 + 0 + 0 = 3 → $3 - 4 \cdot 1 = -1$
# - $(1, 1)$: 가운데 0, 이웃 3 + 1 + 0 + 1 = 5 → $5 - 4 \cdot 0 = 5$
#
# </details>

# %% tags=["solution"]
x = np.array([[1, 2, 0, 1],
              [0, 1, 3, 1],
              [2, 1, 0, 0],
              [1, 0, 1, 2]])
w = np.array([[0, 1, 0],
              [1, -4, 1],
              [0, 1, 0]])
answer = convolve2d(x, w)  # 답: 손으로 계산한 값과 같은지 보세요
q[1].check(answer)

# %% [markdown]
# ### 연습 2. 컬러 이미지에서 파라미터 세기
#
# 224×224 컬러 이미지(채널 3개)을 평탄화해서 뉴런 64개인 밀집층에 넣을 때와, 같은 이미지에 3×3 필터 64개짜리
# `Conv2D`를 적용할 때 파라미터는 각각 몇 개일까요? 합성곱 층의 필터는 입력 채널 3개를 모두 덮으므로 필터 하나의
# 가중치는 $3 \times 3 \times 3$개입니다. 공식으로 계산해 두 변수에 넣고, 층을 만들어 `count_params()`로도 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# 밀집층은 $224 \times 224 \times 3 \times 64 + 64 = 9{,}633{,}856$개, 합성곱 층은
# $3 \times 3 \times 3 \times 64 + 64 = 1{,}792$개입니다. 5,000배가 넘게 차이 납니다. 풀이 코드는 공식으로 계산한
# 값을 Keras의 `count_params()`와 견줍니다.
#
# </details>

# %% tags=["solution"]
dense_params = 224 * 224 * 3 * 64 + 64  # 답: 밀집층의 파라미터 수
conv_params = (3 * 3 * 3 + 1) * 64  # 답: 합성곱 층의 파라미터 수
q[2].check(dense_params, conv_params)

# %% tags=["solution"]
# 답: 두 층을 만들어 count_params()로 확인해 봅니다
dense_64 = keras.layers.Dense(64)
dense_64(keras.Input(shape=(224 * 224 * 3,)))  # 입력으로 한 번 호출해야 가중치가 생깁니다
conv_64 = keras.layers.Conv2D(64, kernel_size=3)
conv_64(keras.Input(shape=(224, 224, 3)))
print(f"밀집층: {dense_64.count_params():,}, 합성곱 층: {conv_64.count_params():,}")

# %% [markdown]
# ### 연습 3. 흐리게 만드는 필터
#
# 모든 값이 $1/9$인 3×3 필터는 각 위치에서 주변 9개 픽셀의 평균을 냅니다. 이 필터를 이 장의 티셔츠 이미지 `image`에
# 적용해 `blurred`에 넣고, 그다음 셀에서 원본과 나란히 그려 보세요. 경계선 필터와 무엇이 다른가요?
#
# <details><summary>풀이</summary>
#
# 평균 필터는 모든 가중치가 양수라서 밝기가 바뀌는 곳을 강조하지 않고 오히려 부드럽게 뭉갭니다. 특성 맵은
# 원본과 비슷하지만 줄무늬가 흐려집니다. 필터 값의 합이 1이라서 전체 밝기는 유지되고, 경계선 필터처럼 값의 합이
# 0인 필터는 밝기가 일정한 곳에서 0을 냅니다.
#
# </details>

# %% tags=["solution"]
blur = np.full((3, 3), 1 / 9)  # 답: 모든 값이 1/9인 3×3 필터
blurred = convolve2d(image, blur)  # 답: 평균 필터의 특성 맵
q[3].check(blurred, image)

# %% tags=["solution"]
# 답: 원본과 blurred를 나란히 그려 봅니다
fig, axes = plt.subplots(1, 2, figsize=(6, 3))
axes[0].imshow(image, cmap="gray_r")
axes[0].set_title("원본 (28×28)")
axes[1].imshow(blurred, cmap="gray_r")
axes[1].set_title(f"평균 필터 특성 맵 ({blurred.shape[0]}×{blurred.shape[1]})")
for axis in axes:
    axis.axis("off")
plt.show()

# %% [markdown]
# ### 연습 4. 경사 하강법으로 경계선 필터 찾아내기
#
# 이 장에서는 경계선 필터를 사람이 골랐지만, 합성곱 신경망은 필터를 훈련으로 찾습니다. 정답 필터를 아는 작은
# 문제를 만들어, 무작위 값에서 출발한 `Conv2D` 층이 그 필터를 다시 찾아내는지 확인해 봅시다.
#
# 1. 티셔츠 이미지를 255로 나눠 0~1 사이로 만들고, 위 칸에서 아래 칸을 빼는 2×1 가로 경계선 필터 `[[1], [-1]]`를
#    `convolve2d`로 적용해 27×28 특성 맵을 만듭니다. 이 특성 맵이 정답입니다.
# 2. 커널 크기가 `(2, 1)`이고 절편이 없는 필터 하나짜리 `Conv2D` 층으로 모델 `learner`를 만들고, 출력이 정답과 얼마나
#    다른지를 평균 제곱 오차(차이를 제곱해 평균한 값, `loss="mse"`)로 잽니다.
# 3. 필터를 경사 하강법으로 고칩니다. 가중치 하나하나를 조금 늘릴 때 손실이 얼마나 변하는지를 모은 값이
#    **그레이디언트**(gradient)이고, 가중치를 그레이디언트의 반대 방향으로 조금씩 옮겨 손실을 줄이는 방법이
#    **경사 하강법**(gradient descent)입니다([용어집](glossary.md)). Keras에서는 옵티마이저
#    `keras.optimizers.SGD(learning_rate=0.5)`로 `compile`하고(`learning_rate`는 한 걸음의 크기인 학습률입니다)
#    `fit(..., epochs=200, verbose=0)`을 부르면 됩니다. 이미지 한 장이 곧 배치 하나이므로 에포크마다 한 걸음씩,
#    모두 200걸음 움직입니다(`compile`과 `fit`은 6장에서 자세히 배웁니다).
# 4. 손실이 어떻게 줄었는지와, 학습한 필터를 정답 필터와 나란히 출력해 보세요. `check()`는 훈련한 `learner`의 필터가
#    정답과 0.05 안에서 같은지 봅니다.
#
# <details><summary>풀이</summary>
#
# 손실이 거의 0까지 줄고, 무작위 값에서 출발한 필터가 정답 `[1, -1]`과 거의 같아집니다.
# 이 문제에서는 정답을 완벽하게 흉내 내는 필터가 정확히 하나뿐이므로 훈련이 그 필터를 찾아냈습니다. 실제 모델에서는
# 정답 특성 맵 대신 "옷의 클래스를 맞혔는가"라는 손실로 같은 일을 하므로, 어떤 필터가 될지는 데이터가 정합니다.
# 이미지 한 장으로 200걸음만 훈련하므로 금방 끝납니다.
#
# </details>

# %% tags=["solution"]
scaled = image / 255.0
true_kernel = np.array([[1.0], [-1.0]])  # 위 칸 − 아래 칸: 가로 경계선 필터
target = convolve2d(scaled, true_kernel)  # 답: 정답 특성 맵, 모양 (27, 28)

keras.utils.set_random_seed(0)  # 필터의 무작위 초깃값이 매번 같도록
learner = keras.Sequential([  # 답: Conv2D 층 하나짜리 모델
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(1, kernel_size=(2, 1), use_bias=False),
])
learner.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="mse")  # 답: SGD(0.5)와 mse로 compile
history = learner.fit(scaled.reshape(1, 28, 28, 1).astype("float32"),  # 답: 200 에포크 훈련
                      target.reshape(1, 27, 28, 1).astype("float32"),
                      epochs=200, verbose=0)
for step in (1, 10, 50, 100, 200):  # 답: 몇몇 걸음의 손실과 학습한 필터를 출력합니다
    print(f"{step:3d}번째 걸음의 손실: {history.history['loss'][step - 1]:.2e}")
q[4].check(learner)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [합성곱 신경망으로 패션 MNIST 분류하기](intro.md) · 다음: [2. 합성곱 층](02_conv_layer.ipynb)
