# %% [markdown]
# # 2. 합성곱 층
#
# 1장에서는 필터 하나로 합성곱을 직접 계산해 보았습니다. 실제 합성곱 신경망의 **합성곱 층**(Keras의
# `keras.layers.Conv2D`)은 이 계산을 여러 필터로 한꺼번에 하고, 필터가 이미지 위를 어떻게 움직일지 정하는
# 몇 가지 설정을 가지고 있습니다. 이 장에서는 그 설정인 커널 크기, 패딩, 스트라이드가 출력의 크기를 어떻게
# 바꾸는지, 그리고 합성곱 층의 파라미터가 몇 개인지를 손으로 계산하고 코드로 확인합니다. 용어가 헷갈리면
# [용어집](glossary.md)을 참고하세요.
#
# ## 이 장의 목표
#
# - 필터(커널), 커널 크기, 특성 맵의 관계를 설명하고, 입력 채널이 여러 개일 때 합성곱이 어떻게 계산되는지 이해합니다.
# - 밸리드 패딩과 세임 패딩, 스트라이드가 출력 크기에 주는 영향을 설명할 수 있습니다.
# - 출력 크기 공식 $\lfloor (n + 2p - k)/s \rfloor + 1$로 특성 맵의 크기를 미리 계산할 수 있습니다.
# - 합성곱 층의 파라미터 수(320개, 18,496개)를 직접 세고, `Conv2D`의 출력 모양을 코드로 확인합니다.
# - 합성곱 층을 쌓을수록 출력 한 칸이 보는 입력의 영역(수용 영역)이 어떻게 넓어지는지 계산할 수 있습니다.

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
# ## 필터와 커널 크기
#
# `Conv2D`를 만들 때 꼭 정해야 하는 두 값은 **필터 개수**(`filters`)와 **커널 크기**(`kernel_size`)입니다.
# Keras를 비롯한 많은 자료에서 필터를 **커널**(kernel)이라고도 부르는데, 둘은 같은 것입니다. 이 책에서는
# 필터라고 부르고, 필터의 가로세로 크기만 커널 크기라고 부릅니다. `kernel_size=3`은 `(3, 3)`의 줄임말입니다.
#
# 이 책의 첫 번째 합성곱 층은 3×3 필터 32개를 씁니다. 층을 만들고 입력 모양을 알려 주면(`build`) 가중치가
# 생기는데, 그 모양을 보면 층의 구조를 그대로 읽을 수 있습니다.

# %%
conv = keras.layers.Conv2D(filters=32, kernel_size=3)
conv.build((None, 28, 28, 1))  # (배치, 높이, 너비, 채널): 배치 크기는 아직 모르므로 None

print("커널 크기:", conv.kernel_size)
print("필터 가중치 모양:", conv.kernel.shape)
print("절편 모양:", conv.bias.shape)

# %% [markdown]
# 필터 가중치의 모양 `(3, 3, 1, 32)`는 **필터 높이, 필터 너비, 입력 채널 수, 필터 개수** 순서입니다. 절편은 필터마다
# 하나씩, 모두 32개입니다. 필터 개수와 커널 크기처럼 훈련 전에 사람이 정하는 값을 **하이퍼파라미터**라고 하고,
# 필터 안의 숫자들처럼 훈련으로 학습되는 값을 **파라미터**라고 합니다.
#
# ## 입력 채널이 여러 개일 때
#
# 흑백 이미지는 채널이 1개지만, 컬러 이미지는 빨강·초록·파랑 3개이고, 첫 번째 합성곱 층이 만든 출력은 채널이
# 32개입니다. 이때 필터는 **입력의 모든 채널을 한꺼번에 덮습니다.** 채널이 $C$개인 입력에 쓰는 3×3 필터는 사실
# $3 \times 3 \times C$ 크기의 상자이고, 위치 $(i, j)$의 출력은 이 상자 안의 곱을 **모든 채널에 걸쳐** 더한
# 숫자 하나입니다.
#
# $$
# y_{i,j} = \sum_{u}\sum_{v}\sum_{c} x_{i+u,\, j+v,\, c} \; w_{u,v,c} + b
# $$
#
# 채널이 3개인 5×5 입력에 필터 하나를 적용하는 예를 NumPy로 직접 계산해 보겠습니다. 값을 작은 정수로 두면
# 결과를 눈으로 확인하기 쉽습니다.

# %% mystnb={"image": {"alt": "입력 28×28×3을 파랑·초록·빨강 세 장의 겹친 판으로, 그 안에 놓인 3×3×3 필터를 주황 상자로 그린 그림. 필터의 깊이는 입력 채널 수와 같고, 필터 한 개는 28×28×1 특성 맵 한 장을 만듭니다. 오른쪽에 필터가 32개면 특성 맵 32장, 28×28×32가 된다고 적혀 있습니다."}}
fig = helpers.concepts.multichannel_convolution()
plt.show()

# %% [markdown]
# *그림 2-1. 채널이 여러 개인 입력의 합성곱. 필터는 입력의 채널 수만큼 깊고, 한 위치에서 3×3×3
# = 27개의 곱을 모두 더해(절편도 더해) 특성 맵의 한 칸을 만듭니다. 출력 채널 수는 필터 개수입니다.*

# %%
rng = np.random.default_rng(0)
x = rng.integers(0, 5, size=(5, 5, 3))   # (높이, 너비, 채널)
w = rng.integers(-2, 3, size=(3, 3, 3))  # 필터 하나: 3×3이지만 깊이가 입력 채널 수와 같은 3
bias = 1
print("입력 모양:", x.shape, "/ 필터 모양:", w.shape)

# 왼쪽 위 위치: 3×3×3 = 27개의 곱을 모두 더하고 절편을 더합니다
print("출력 (0, 0):", np.sum(x[0:3, 0:3, :] * w) + bias)

# %% [markdown]
# 같은 계산을 모든 위치에서 하면 3×3 특성 맵 하나가 나옵니다. 입력 채널이 3개여도 필터가 하나이면 출력 채널은
# 하나라는 점에 주목하세요.

# %%
def conv2d_multichannel(x, w, bias):
    """밸리드 합성곱: 필터가 입력의 모든 채널을 덮으므로 위치마다 숫자 하나가 나옵니다."""
    kh, kw, _ = w.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1), dtype=x.dtype)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i:i + kh, j:j + kw, :] * w) + bias
    return out


by_hand = conv2d_multichannel(x, w, bias)
print(by_hand)

# %% [markdown]
# Keras의 `Conv2D`에 같은 필터와 절편을 넣으면 같은 결과가 나오는지 확인합니다. 필터 가중치는
# `(3, 3, 3, 1)`(입력 채널 3개, 필터 1개), 입력은 배치 축을 붙인 `(1, 5, 5, 3)`입니다.

# %%
layer = keras.layers.Conv2D(1, kernel_size=3)
layer.build((None, 5, 5, 3))
layer.set_weights([w[..., np.newaxis].astype("float32"), np.array([bias], dtype="float32")])

keras_output = keras.ops.convert_to_numpy(layer(x[np.newaxis].astype("float32")))
print("Keras 출력의 모양:", keras_output.shape)
print("NumPy와 같은 결과:", np.allclose(keras_output[0, :, :, 0], by_hand))

# %% [markdown]
# ## 특성 맵: 필터 하나에 특성 맵 하나
#
# 필터마다 특성 맵이 한 장씩 나오고, 이 특성 맵들이 채널 방향으로 쌓여 층의 출력이 됩니다. 그래서 **출력의 채널
# 수는 입력의 채널 수와 상관없이 필터 개수와 같습니다.** 첫 번째 층(필터 32개)은 흑백 이미지 한 장을 32장의 특성
# 맵으로 바꾸고, 두 번째 층(필터 64개)은 32장의 특성 맵을 받아 64장의 특성 맵을 만듭니다. 아래에서
# `keras.Input`에 층을 연결하면 실제 데이터 없이도 출력 모양을 알 수 있습니다(맨 앞의 `None`은 배치 크기입니다).

# %%
first = keras.layers.Conv2D(32, kernel_size=3, padding="same")(keras.Input(shape=(28, 28, 1)))
second = keras.layers.Conv2D(64, kernel_size=3, padding="same")(keras.Input(shape=(14, 14, 32)))
print("첫 번째 층 출력:", first.shape)
print("두 번째 층 출력:", second.shape)

# %% [markdown]
# 두 번째 층의 입력이 28×28이 아니라 14×14인 까닭은 두 층 사이에 크기를 절반으로 줄이는 풀링 층이 있기
# 때문입니다. 풀링은 3장에서 배웁니다. 그 전에, 위 코드의 `padding="same"`이 무엇인지 알아봅시다.
#
# ## 밸리드 패딩: 출력이 줄어듭니다
#
# 1장처럼 필터가 입력 안에 완전히 들어가는 위치에서만 계산하는 방식을 **밸리드 패딩**(`padding="valid"`, Keras의
# 기본값)이라고 합니다. 가장자리에 아무것도 덧붙이지 않는다는 뜻입니다. 크기 $n$인 입력에 크기 $k$인 필터를 놓을
# 수 있는 위치는 $n - k + 1$곳이므로 28×28 입력은 3×3 필터를 지나 26×26이 됩니다.
#
# 밸리드 패딩에는 두 가지 단점이 있습니다. 첫째, 층을 지날 때마다 특성 맵이 작아집니다(28 → 26 → 24 → …).
# 둘째, 가장자리 픽셀은 계산에 덜 쓰입니다. 6×6 입력에서 각 픽셀이 3×3 필터의 창에 몇 번 들어가는지 세어 보면,
# 가운데 픽셀은 9번이지만 모서리 픽셀은 단 1번입니다.

# %%
n, k = 6, 3
counts = np.zeros((n, n), dtype=int)
for i in range(n - k + 1):
    for j in range(n - k + 1):
        counts[i:i + k, j:j + k] += 1  # 이 위치의 창에 들어가는 픽셀마다 1씩 셉니다
print(counts)

# %% [markdown]
# ## 세임 패딩: 가장자리에 0을 두릅니다
#
# 입력의 가장자리에 0을 덧붙이는 것을 **패딩**(padding)이라고 합니다. 3×3 필터라면 사방에 한 줄씩($p = 1$) 0을
# 두르면 필터의 중심이 원래 입력의 모든 픽셀 위에 놓일 수 있으므로, 출력 크기가 입력과 같아집니다. 이것이
# **세임 패딩**(`padding="same"`)입니다. 스트라이드가 1이면 홀수 크기 $k$의 필터는 $p = (k - 1)/2$만큼 패딩해서
# 크기를 유지합니다(3×3이면 1, 5×5면 2).

# %%
small = np.arange(1, 17).reshape(4, 4)
padded = np.pad(small, 1)  # 사방에 0을 한 줄씩 덧붙입니다
print(padded)

# %% [markdown]
# 스트라이드가 1이면 세임 패딩은 "사방에 0을 한 줄씩 두른 뒤 밸리드 합성곱"과 정확히 같습니다. 실제 패션 MNIST
# 이미지에 1장의 세로 경계선 필터를 적용해서 확인해 보겠습니다. 이 장에서 여러 번 쓸 두 가지 계산을 함수로 만들어
# 둡니다. `conv_numpy`는 1장의 NumPy 계산(밸리드 합성곱)을 `stride`칸씩 건너뛰며 하고, `conv_keras`는 필터 하나를
# 넣은 `Conv2D` 층으로 같은 이미지를 계산합니다.

# %%
def conv_numpy(x, w, stride=1):
    """밸리드 합성곱(1장의 계산): 필터가 들어가는 위치를 stride칸씩 건너뛰며 곱해서 더합니다."""
    windows = np.lib.stride_tricks.sliding_window_view(x, w.shape)[::stride, ::stride]
    return (windows * w).sum(axis=(2, 3))


def conv_keras(image, w, **options):
    """필터 w 하나를 넣은 Conv2D 층(절편 없음)으로 흑백 이미지 한 장을 계산합니다."""
    layer = keras.layers.Conv2D(1, kernel_size=w.shape, use_bias=False, **options)
    layer.build((None, *image.shape, 1))
    layer.set_weights([w.reshape(*w.shape, 1, 1)])
    return keras.ops.convert_to_numpy(layer(image[np.newaxis, :, :, np.newaxis]))[0, :, :, 0]


(x_train, y_train), (x_test, y_test) = helpers.load_fashion_mnist()
image = x_train[26].astype("float32")  # 1장에서 쓴 줄무늬 티셔츠
vertical_edge = np.array([[1, 0, -1]] * 3, dtype="float32")  # 1장의 세로 경계선 필터

same_map = conv_keras(image, vertical_edge, padding="same")
numpy_map = conv_numpy(np.pad(image, 1), vertical_edge)  # 0을 두른 30×30 이미지에 밸리드 합성곱
print("Keras 세임 패딩:", same_map.shape, "/ 0을 두르고 밸리드:", numpy_map.shape)
print("두 결과가 같습니다:", np.allclose(same_map, numpy_map))

# %% [markdown]
# 세임 패딩을 쓰면 층을 여러 개 쌓아도 크기가 줄지 않으므로, 크기를 줄이는 일은 풀링 층에 맡기고 합성곱 층은
# 특성을 뽑는 일에만 집중하게 할 수 있습니다. 이 책의 모델도 모든 합성곱 층에 세임 패딩을 씁니다. 패션 MNIST는
# 배경의 픽셀값이 0이므로, 덧붙인 0은 배경이 조금 더 이어진 것과 같아 특히 자연스럽습니다.
#
# ## 스트라이드: 필터가 한 번에 움직이는 칸 수
#
# 지금까지 필터는 한 칸씩 움직였습니다. 필터가 한 번에 움직이는 칸 수를 **스트라이드**(stride)라고 하고,
# Keras에서는 `strides`로 정합니다. 스트라이드가 2이면 필터가 두 칸씩 건너뛰므로 출력의 가로세로가 대략 절반이
# 됩니다. 5×5 입력에서 3×3 필터의 왼쪽 위 모서리가 놓이는 위치를 세어 보면 차이가 분명합니다.

# %% mystnb={"image": {"alt": "5×5 입력에 3×3 필터를 세 가지로 적용한 그림. 첫째는 패딩 없이 스트라이드 1로 출력이 3×3, 둘째는 가장자리에 0을 한 줄씩 덧붙인 세임 패딩으로 출력이 5×5, 셋째는 세임 패딩에 스트라이드 2로 출력이 3×3입니다. 주황 사각형은 첫 위치, 파란 사각형은 스트라이드만큼 옮긴 다음 위치입니다."}}
fig = helpers.concepts.padding_and_stride()
plt.show()

# %% [markdown]
# *그림 2-2. 패딩과 스트라이드. 패딩은 가장자리에 0을 덧붙여 출력 크기를 지키고, 스트라이드는 필터가
# 한 번에 옮겨 가는 칸 수입니다. 스트라이드 2면 출력의 가로세로가 절반쯤으로 줄어듭니다.*

# %%
for stride in (1, 2):
    starts = list(range(0, 5 - 3 + 1, stride))
    print(f"스트라이드 {stride}: 시작 위치 {starts} → 출력 {len(starts)}×{len(starts)}")

# %% [markdown]
# 스트라이드 2의 출력은 스트라이드 1의 출력에서 한 칸씩 건너뛰며 고른 것과 같습니다. 출력 위치가 4분의 1로 줄어
# 계산도 그만큼 줄고, 건너뛴 위치의 **출력**은 아예 계산하지 않습니다. 입력 픽셀이 빠지는 것은 아닙니다. 3×3 필터를
# 두 칸씩 옮기면 이웃한 창이 한 칸씩 겹치므로, 창과 창 사이에서 계산에 쓰이지 않는 픽셀은 없습니다. 스트라이드가
# 커널 크기보다 클 때(예: 3×3 필터에 스트라이드 4)에야 창 사이의 입력 픽셀을 건너뜁니다.

# %%
strided_map = conv_keras(image, vertical_edge, strides=2)  # 밸리드 패딩, 스트라이드 2
valid_map = conv_numpy(image, vertical_edge)  # 밸리드 패딩, 스트라이드 1: 26×26
print("스트라이드 2:", strided_map.shape, "/ 스트라이드 1:", valid_map.shape)
print("스트라이드 2 = 스트라이드 1 결과를 한 칸씩 건너뛰기:", np.allclose(strided_map, valid_map[::2, ::2]))

# %% [markdown]
# ## 출력 크기 공식
#
# 입력 크기 $n$, 커널 크기 $k$, 패딩 $p$(한쪽에 덧붙이는 줄 수), 스트라이드 $s$일 때 출력 크기 $o$는 다음과
# 같습니다.
#
# $$
# o = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1
# $$
#
# 패딩까지 포함한 입력 크기는 $n + 2p$이고, 첫 번째 창이 그중 $k$칸을 차지합니다. 남은 $n + 2p - k$칸 동안
# 필터는 $s$칸씩 $\lfloor (n + 2p - k)/s \rfloor$번 더 움직일 수 있고, 첫 위치를 더하면(+1) 출력 크기가 됩니다.
# $\lfloor \cdot \rfloor$는 내림으로, 마지막에 필터가 다 들어가지 않는 자투리는 버린다는 뜻입니다. 높이와 너비는
# 따로 계산하므로 정사각형이 아닌 입력에도 그대로 쓸 수 있습니다.
#
# | 입력 $n$ | 커널 $k$ | 패딩 $p$ | 스트라이드 $s$ | 계산 | 출력 $o$ |
# | --- | --- | --- | --- | --- | --- |
# | 28 | 3 | 0 (밸리드) | 1 | $\lfloor 25/1 \rfloor + 1$ | 26 |
# | 28 | 3 | 1 (세임) | 1 | $\lfloor 27/1 \rfloor + 1$ | 28 |
# | 28 | 3 | 0 (밸리드) | 2 | $\lfloor 25/2 \rfloor + 1 = 12 + 1$ | 13 |
# | 28 | 3 | 1 (세임) | 2 | $\lfloor 27/2 \rfloor + 1 = 13 + 1$ | 14 |
# | 28 | 5 | 0 (밸리드) | 1 | $\lfloor 23/1 \rfloor + 1$ | 24 |
# | 28 | 5 | 2 (세임) | 1 | $\lfloor 27/1 \rfloor + 1$ | 28 |
# | 14 | 3 | 0 (밸리드) | 2 | $\lfloor 11/2 \rfloor + 1 = 5 + 1$ | 6 |
#
# 공식을 함수로 만들고, 표의 모든 경우를 Keras의 `Conv2D`와 비교해 봅시다. 출력 크기만 따지면 밸리드 패딩은
# $p = 0$, 홀수 커널의 세임 패딩은 $p = (k - 1)/2$에 해당합니다.

# %%
def conv_output_size(n, k, p, s):
    """합성곱 층의 출력 크기: floor((n + 2p - k) / s) + 1"""
    return (n + 2 * p - k) // s + 1


cases = [  # (입력 크기, 커널 크기, 패딩, 스트라이드)
    (28, 3, "valid", 1),
    (28, 3, "same", 1),
    (28, 3, "valid", 2),
    (28, 3, "same", 2),
    (28, 5, "valid", 1),
    (28, 5, "same", 1),
    (14, 3, "valid", 2),
]
for n, k, padding, s in cases:
    p = 0 if padding == "valid" else (k - 1) // 2
    layer = keras.layers.Conv2D(8, kernel_size=k, strides=s, padding=padding)
    output = layer(keras.Input(shape=(n, n, 1)))
    expected = conv_output_size(n, k, p, s)
    print(f"n={n:2d}, k={k}, {padding:5s}, s={s} → 공식 {expected:2d}, Keras {output.shape}")

# %% [markdown]
# ## 세임 패딩을 정확히 말하면
#
# 표의 스트라이드 2인 세임 패딩(28 → 14)도 공식과 Keras가 맞았습니다. 하지만 $p = (k - 1)/2$가 맞는 것은
# **출력 크기**까지입니다. Keras(TensorFlow)의 세임 패딩은 "출력 크기가 $o = \lceil n/s \rceil$(올림)이 되도록
# 필요한 만큼만 0을 덧붙인다"는 규칙입니다. 필요한 패딩은 모두 $P = \max\big((o - 1)s + k - n,\ 0\big)$줄이고,
# 이것을 위와 아래(왼쪽과 오른쪽)에 반씩 나누되, 홀수이면 남는 한 줄을 아래쪽(오른쪽)에 붙입니다.
#
# - $n = 28$, $k = 3$, $s = 1$: $o = 28$, $P = 27 + 3 - 28 = 2$ → 위 1줄, 아래 1줄. $p = 1$과 완전히 같습니다.
# - $n = 28$, $k = 3$, $s = 2$: $o = 14$, $P = 13 \times 2 + 3 - 28 = 1$ → **위 0줄, 아래 1줄**. 한쪽에만 붙습니다.

# %%
def same_padding(n, k, s):
    """Keras(TensorFlow) 세임 패딩이 (위, 아래)에 덧붙이는 0의 줄 수"""
    o = -(-n // s)  # ceil(n / s)
    total = max((o - 1) * s + k - n, 0)
    return total // 2, total - total // 2


for n, k, s in [(28, 3, 1), (28, 3, 2), (28, 4, 1)]:
    print(f"n={n}, k={k}, s={s} → (위, 아래) = {same_padding(n, k, s)}")

# %% [markdown]
# 스트라이드 2에서 사방에 한 줄씩 두르면($p = 1$) 첫 번째 창이 이미지 바깥의 0 한 줄에서 시작하지만, Keras의 첫
# 번째 창은 이미지의 첫 행과 첫 열에서 시작합니다. 크기는 둘 다 14×14이지만 창의 위치가 한 칸씩 어긋나므로
# **값이 다릅니다.** 티셔츠 이미지로 확인해 봅시다.

# %%
keras_same = conv_keras(image, vertical_edge, strides=2, padding="same")
symmetric = conv_numpy(np.pad(image, 1), vertical_edge, stride=2)  # 사방에 1줄씩
# (위, 아래), (왼쪽, 오른쪽)에 붙일 줄 수: 위·왼쪽 0줄, 아래·오른쪽 1줄
tf_style = conv_numpy(np.pad(image, ((0, 1), (0, 1))), vertical_edge, stride=2)
print("모양:", keras_same.shape, symmetric.shape, tf_style.shape)
print("사방에 1줄씩 두른 결과와 같은가:", np.allclose(keras_same, symmetric))
print("아래·오른쪽에만 1줄 붙인 결과와 같은가:", np.allclose(keras_same, tf_style))

# %% [markdown]
# 그래서 패딩을 직접 정하는 라이브러리에서 사방에 한 줄씩 패딩하도록 만든 스트라이드 2 층(예: PyTorch의
# `padding=1`)은 가중치가 같아도 Keras의 `padding="same"` 층과 출력이 다릅니다. 짝수 커널은 스트라이드가 1이어도
# 필요한 패딩 $k - 1$이 홀수라서 위 출력의 4×4처럼 아래쪽에 한 줄을 더 붙입니다. 합성곱 층에 보통 홀수 커널을
# 쓰는 까닭 중 하나는, 홀수 커널에는 가운데 칸이 있어 출력 한 칸이 입력의 한 픽셀을 중심으로 대칭인 영역을
# 보기 때문입니다.
#
# ## 파라미터 수 세기
#
# 합성곱 층의 파라미터는 필터의 가중치와 절편뿐입니다. 필터 하나의 가중치는 $k_h \times k_w \times C_{\text{in}}$개
# (커널 높이 × 커널 너비 × 입력 채널 수)이고, 필터가 $F$개이며 필터마다 절편이 하나씩 있으므로
#
# $$
# \text{파라미터 수} = k_h \times k_w \times C_{\text{in}} \times F + F
# $$
#
# 입니다. 이 책의 두 합성곱 층에 적용해 보면 다음과 같습니다.
#
# - 첫 번째 층: 흑백 입력(채널 1), 3×3 필터 32개 → $3 \times 3 \times 1 \times 32 + 32 = 288 + 32 = 320$
# - 두 번째 층: 첫 번째 층의 특성 맵(채널 32), 3×3 필터 64개 →
#   $3 \times 3 \times 32 \times 64 + 64 = 18{,}432 + 64 = 18{,}496$
#
# 두 번째 층의 필터 하나는 3×3×32 = 288개의 가중치를 가진 상자라는 점이 핵심입니다. 입력 채널 수를 빠뜨리고
# $3 \times 3 \times 64 + 64 = 640$으로 세는 실수를 많이 합니다.

# %%
def conv_params(kernel_size, in_channels, filters):
    """합성곱 층의 파라미터 수: 필터 가중치 + 필터마다 절편 하나"""
    return kernel_size * kernel_size * in_channels * filters + filters


conv1 = keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same")
conv1(keras.Input(shape=(28, 28, 1)))
conv2 = keras.layers.Conv2D(64, kernel_size=3, activation="relu", padding="same")
conv2(keras.Input(shape=(14, 14, 32)))

print(f"첫 번째 층: 공식 {conv_params(3, 1, 32):,}, Keras {conv1.count_params():,}")
print(f"두 번째 층: 공식 {conv_params(3, 32, 64):,}, Keras {conv2.count_params():,}")
assert conv1.count_params() == conv_params(3, 1, 32) == 320
assert conv2.count_params() == conv_params(3, 32, 64) == 18_496  # 입력 채널 32를 빠뜨리면 640

# %% [markdown]
# 공식에 입력 크기, 패딩, 스트라이드가 없다는 점도 눈여겨보세요. 같은 필터를 모든 위치에서 함께 쓰기 때문에
# 이 값들은 출력 크기만 바꿀 뿐 파라미터 수에는 영향이 없습니다.

# %%
settings = [((28, 28, 1), "same", 1), ((28, 28, 1), "valid", 2), ((100, 60, 1), "valid", 1)]
for shape, padding, strides in settings:
    layer = keras.layers.Conv2D(32, kernel_size=3, padding=padding, strides=strides)
    output = layer(keras.Input(shape=shape))
    print(f"입력 {shape}, {padding}, 스트라이드 {strides} → 출력 {output.shape}, "
          f"파라미터 {layer.count_params()}")

# %% [markdown]
# 비교를 위해, 두 번째 층과 같은 일(14×14×32 입력 → 14×14×64 출력)을 밀집층으로 한다면 입력 6,272개와 출력
# 12,544개를 모두 연결해야 합니다. 합성곱 층보다 4,000배 이상 많은 파라미터가 필요합니다.

# %%
inputs, outputs = 14 * 14 * 32, 14 * 14 * 64
dense_params = inputs * outputs + outputs
print(f"같은 크기를 잇는 밀집층: {dense_params:,}개")
print(f"합성곱 층: {conv_params(3, 32, 64):,}개")
print(f"밀집층이 약 {dense_params / conv_params(3, 32, 64):,.0f}배 많습니다")

# %% [markdown]
# ## 층을 쌓으면 더 넓게 봅니다: 수용 영역
#
# 출력의 한 칸을 계산하는 데 쓰이는 입력의 영역을 그 칸의 **수용 영역**(receptive field)이라고 합니다. 3×3 합성곱
# 층 하나의 출력은 입력의 3×3 영역을 봅니다. 그 위에 3×3 합성곱 층을 하나 더 쌓으면, 두 번째 층의 출력 한 칸은
# 첫 번째 층 출력의 3×3 칸을 보고 그 칸들이 저마다 입력의 3×3 영역을 보므로, 입력에서는 사방으로 한 칸씩 더
# 넓은 5×5 영역을 봅니다. 스트라이드 1인 $k \times k$ 합성곱 층을 $L$개 쌓으면 수용 영역은
# $1 + L(k - 1)$칸이 됩니다(3×3 필터라면 3, 5, 7, …).
#
# 직접 세어 봅시다. 9×9 이미지 81장을 만들되, 이미지마다 서로 다른 픽셀 하나만 1이고 나머지는 0이게 합니다. 이 이미지들을
# 모든 가중치가 1인 3×3 합성곱 층에 거듭 통과시킨 뒤, 출력의 한가운데 칸이 0이 아닌 이미지를 고르면 그 이미지들의
# 1인 픽셀이 곧 가운데 칸의 수용 영역입니다(가중치가 모두 양수라 값이 서로 지워지는 일이 없습니다).

# %% mystnb={"image": {"alt": "세 개의 격자. 7×7 입력에서 가운데 5×5가 주황으로 칠해져 있고, 첫 특성 맵 5×5에서 가운데 3×3이, 두 번째 특성 맵 3×3에서 가운데 한 칸이 칠해져 있습니다. 두 번째 특성 맵의 한 칸이 입력의 5×5 영역에 달려 있다는 뜻입니다."}}
fig = helpers.concepts.receptive_field()
plt.show()

# %% [markdown]
# *그림 2-3. 3×3 합성곱을 두 번 쌓으면 두 번째 특성 맵의 한 칸은 입력의 5×5 영역을 봅니다.
# 층을 하나 더 쌓을 때마다 수용 영역의 한 변이 2씩 늘어납니다.*

# %%
n = 9
impulses = np.eye(n * n, dtype="float32").reshape(n * n, n, n, 1)  # 이미지 i는 i번째 픽셀만 1

maps = impulses
for depth in (1, 2, 3):
    layer = keras.layers.Conv2D(1, kernel_size=3, padding="same", use_bias=False,
                                kernel_initializer="ones")  # 모든 가중치가 1
    maps = layer(maps)
    centre = keras.ops.convert_to_numpy(maps)[:, n // 2, n // 2, 0]  # 이미지마다 가운데 칸의 값
    seen = (centre > 0).reshape(n, n)  # 가운데 칸에 영향을 준 픽셀
    height, width = seen.any(axis=1).sum(), seen.any(axis=0).sum()
    print(f"합성곱 층 {depth}개: 가운데 칸의 수용 영역 {height}×{width}")
    if depth == 2:
        print(seen.astype(int))

# %% [markdown]
# 층마다 수용 영역이 사방으로 한 칸씩 넓어졌습니다. 첫 번째 층이 찾은 작은 경계선들을 두 번째 층이 조합해 더 넓은
# 영역의 모서리나 무늬를 찾을 수 있는 것은 이 때문입니다. 이 책의 모델은 합성곱 층 사이에 풀링 층을 두어 수용
# 영역을 더 빨리 넓히는데, 그 계산은 3장에서 합니다.
#
# ## 활성화 함수와 합쳐진 합성곱 층
#
# `Conv2D(..., activation="relu")`처럼 **활성화 함수**를 지정하면, 합성곱과 절편 덧셈을 마친 특성 맵의 모든
# 칸에 렐루($\max(0, z)$)를 적용합니다. 활성화 함수가 없으면 합성곱 층을 아무리 쌓아도 결국 하나의 선형 연산과
# 같아지므로, 비선형 활성화 함수가 있어야 층을 쌓는 의미가 생깁니다. 렐루를 거친 특성 맵에는 음수가 없습니다.
#
# 이 책의 첫 번째 합성곱 층을 그대로 만들어 실제 이미지 네 장에 적용해 보겠습니다. 모델에 넣는 이미지는
# `helpers.scale_images`로 0~1 사이로 스케일 조정하고 채널 축을 붙인 `(개수, 28, 28, 1)` 모양입니다(4장에서
# 자세히 다룹니다). 필터의 초깃값이 무작위이므로 결과가 매번 같도록 시드를 고정합니다.

# %%
keras.utils.set_random_seed(0)
first_layer = keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same")

images = helpers.scale_images(x_train[:4])
print("입력 모양:", images.shape)
feature_maps = keras.ops.convert_to_numpy(first_layer(images))
print("특성 맵 모양:", feature_maps.shape)
print("음수인 칸:", int(np.sum(feature_maps < 0)))

# %% [markdown]
# 이미지 한 장이 28×28 특성 맵 32장이 되었습니다. 첫 번째 이미지의 특성 맵 중 아홉 장을 그려 보면, 아직 훈련하지 않은
# 무작위 필터인데도 어떤 필터는 경계선에, 어떤 필터는 밝은 면에 반응하는 등 서로 다른 모습을 보입니다. 훈련을
# 거치면 이 필터들이 옷을 구분하는 데 쓸모 있는 특성을 찾도록 바뀝니다.

# %% mystnb={"image": {"alt": "2행 5열 격자. 첫 칸은 훈련 세트의 첫 번째 이미지이고, 나머지 아홉 칸은 아직 훈련하지 않은 합성곱 층의 필터 1~9가 그 이미지에서 만든 28×28 특성 맵이다(노랄수록 큰 값). 무작위 필터인데도 어떤 특성 맵은 윤곽을, 어떤 특성 맵은 밝은 면을 강조한다."}}
fig, axes = plt.subplots(2, 5, figsize=(7.5, 3.5))
axes[0, 0].imshow(images[0, :, :, 0], cmap="gray_r")
axes[0, 0].set_title(helpers.class_name(y_train[0]), fontsize=10)
for number, axis in enumerate(axes.flat[1:]):
    axis.imshow(feature_maps[0, :, :, number], cmap="viridis")
    axis.set_title(f"필터 {number + 1}", fontsize=10)
for axis in axes.flat:
    axis.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 정리
#
# - 합성곱 층(`Conv2D`)의 주요 하이퍼파라미터는 필터 개수, 커널 크기, 패딩, 스트라이드입니다. 필터와 커널은 같은
#   말입니다.
# - 필터는 입력의 모든 채널을 덮습니다. 필터 가중치의 모양은 (커널 높이, 커널 너비, 입력 채널 수, 필터 개수)이고,
#   출력 채널 수는 필터 개수와 같습니다.
# - 밸리드 패딩은 출력이 $n - k + 1$로 줄고, 세임 패딩은 0을 둘러 크기를 유지합니다. 스트라이드 2는 크기를 약
#   절반으로 줄입니다.
# - 출력 크기는 $\lfloor (n + 2p - k)/s \rfloor + 1$입니다. 예: 28, 3×3, 밸리드, 스트라이드 2 → 13.
# - Keras의 세임 패딩은 출력 크기가 $\lceil n/s \rceil$이 되도록 0을 붙이고, 남는 한 줄은 아래쪽과 오른쪽에
#   붙입니다. 그래서 스트라이드 2에서는 크기는 $p = (k - 1)/2$일 때와 같아도 값은 다릅니다.
# - 파라미터 수는 $k_h \times k_w \times C_{\text{in}} \times F + F$로, 이 책의 두 층은 320개와 18,496개입니다.
#   입력 크기, 패딩, 스트라이드는 파라미터 수와 무관합니다.
# - 스트라이드 1인 3×3 합성곱 층을 쌓을 때마다 수용 영역은 3×3, 5×5, 7×7로 넓어집니다.

# %% [markdown]
# ## 연습 문제
#
# 1장처럼 `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(2)

# %% [markdown]
# ### 연습 1. 출력 크기 계산하기
#
# 32×32 입력에 5×5 필터를 쓸 때 다음 네 경우의 출력 크기(가로세로 한 변)를 공식으로 계산해 `sizes`에 순서대로 넣고,
# Keras로도 확인해 보세요.
#
# - (가) 밸리드, 스트라이드 1
# - (나) 세임, 스트라이드 1
# - (다) 밸리드, 스트라이드 2
# - (라) 세임, 스트라이드 2
#
# <details><summary>풀이</summary>
#
# 5×5 필터의 세임 패딩은 크기만 따지면 $p = 2$입니다.
#
# - (가) $\lfloor (32 - 5)/1 \rfloor + 1 = 28$
# - (나) $\lfloor (32 + 4 - 5)/1 \rfloor + 1 = 32$
# - (다) $\lfloor 27/2 \rfloor + 1 = 13 + 1 = 14$
# - (라) $\lfloor 31/2 \rfloor + 1 = 15 + 1 = 16$ ($\lceil 32/2 \rceil = 16$과 같습니다)
#
# </details>

# %% tags=["solution"]
sizes = [28, 32, 14, 16]  # 답: (가), (나), (다), (라)의 출력 크기
q[1].check(sizes)

# %% tags=["solution"]
# 답: Keras로 확인해 봅니다
for padding, strides in [("valid", 1), ("same", 1), ("valid", 2), ("same", 2)]:
    layer = keras.layers.Conv2D(8, kernel_size=5, padding=padding, strides=strides)
    print(padding, strides, layer(keras.Input(shape=(32, 32, 1))).shape)

# %% [markdown]
# ### 연습 2. 파라미터 수 세기
#
# - (가) 32×32 컬러 이미지(채널 3개)에 5×5 필터 16개짜리 합성곱 층을 쓰면 파라미터는 몇 개일까요?
# - (나) 이 책의 두 번째 층을 `strides=2, padding="valid"`로 바꾸면(입력 14×14×32) 출력 모양과 파라미터 수는
#   어떻게 될까요?
#
# 층을 만들어 Keras로 답을 구해도 됩니다. 출력 모양은 `(높이, 너비, 채널)` 튜플로 씁니다(Keras가 보여 주는 `None`은
# 있어도 됩니다).
#
# <details><summary>풀이</summary>
#
# - (가) $5 \times 5 \times 3 \times 16 + 16 = 1{,}216$개입니다.
# - (나) 출력 크기는 $\lfloor (14 - 3)/2 \rfloor + 1 = 6$이므로 `(None, 6, 6, 64)`이고, 파라미터 수는 스트라이드와
#   패딩에 영향을 받지 않으므로 그대로 18,496개입니다.
#
# </details>

# %% tags=["solution"]
colour_layer = keras.layers.Conv2D(16, kernel_size=5)  # 답: (가)의 층
colour_layer(keras.Input(shape=(32, 32, 3)))  # 답: 입력으로 호출해 가중치를 만듭니다
strided_layer = keras.layers.Conv2D(64, kernel_size=3, strides=2, padding="valid")  # 답: (나)의 층
params_a = colour_layer.count_params()  # 답: (가)의 파라미터 수
shape_b = strided_layer(keras.Input(shape=(14, 14, 32))).shape  # 답: (나)의 출력 모양
params_b = strided_layer.count_params()  # 답: (나)의 파라미터 수
q[2].check(params_a, shape_b, params_b)

# %% [markdown]
# ### 연습 3. 1×1 합성곱
#
# 커널 크기가 1인 합성곱 층 `Conv2D(16, kernel_size=1)`을 14×14×32 특성 맵에 적용하면 출력 모양과 파라미터 수는
# 어떻게 될까요? 이런 층은 무슨 일을 할까요?
#
# <details><summary>풀이</summary>
#
# 1×1 필터는 이웃 픽셀을 보지 않으므로 가로세로 크기는 그대로 14×14이고, 출력 채널은 필터 개수인 16입니다.
# 파라미터는 $1 \times 1 \times 32 \times 16 + 16 = 528$개입니다. 위치마다 32개 채널의 값을 섞어 16개로 줄이는,
# 즉 **채널 방향으로만 작동하는 밀집층**과 같습니다. 큰 모델에서 계산량을 줄이려고 채널 수를 줄일 때 자주 씁니다.
#
# </details>

# %% tags=["solution"]
pointwise = keras.layers.Conv2D(16, kernel_size=1)  # 답: 1×1 합성곱 층
shape = pointwise(keras.Input(shape=(14, 14, 32))).shape  # 답: 출력 모양
params = pointwise.count_params()  # 답: 파라미터 수
q[3].check(shape, params)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [1. 합성곱 신경망이란](01_what_is_cnn.ipynb) · 다음: [3. 풀링 층](03_pooling_layer.ipynb)
