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

import helpers

# %% [markdown]
# ## 필터와 커널 크기
#
# `Conv2D`를 만들 때 꼭 정해야 하는 두 값은 **필터 개수**(`filters`)와 **커널 크기**(`kernel_size`)입니다.
# Keras를 비롯한 많은 자료에서 필터를 **커널**(kernel)이라고도 부르는데, 둘은 같은 것입니다. 이 책에서는
# 필터라고 부르고, 필터의 가로세로 크기만 커널 크기라고 부릅니다. `kernel_size=3`은 `(3, 3)`의 줄임말입니다.
#
# 이 과정의 첫 번째 합성곱 층은 3×3 필터 32개를 씁니다. 층을 만들고 입력 모양을 알려 주면(`build`) 가중치가
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
# 흑백 사진은 채널이 1개지만, 컬러 사진은 빨강·초록·파랑 3개이고, 첫 번째 합성곱 층이 만든 출력은 채널이
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
assert keras_output.shape == (1, 3, 3, 1)
print("NumPy와 같은 결과:", np.allclose(keras_output[0, :, :, 0], by_hand))

# %% [markdown]
# ## 특성 맵: 필터 하나에 특성 맵 하나
#
# 필터마다 특성 맵이 한 장씩 나오고, 이 특성 맵들이 채널 방향으로 쌓여 층의 출력이 됩니다. 그래서 **출력의 채널
# 수는 입력의 채널 수와 상관없이 필터 개수와 같습니다.** 첫 번째 층(필터 32개)은 흑백 사진 한 장을 32장의 특성
# 맵으로 바꾸고, 두 번째 층(필터 64개)은 32장의 특성 맵을 받아 64장의 특성 맵을 만듭니다. 아래에서
# `keras.Input`에 층을 연결하면 실제 데이터 없이도 출력 모양을 알 수 있습니다(맨 앞의 `None`은 배치 크기입니다).

# %%
first = keras.layers.Conv2D(32, kernel_size=3, padding="same")(keras.Input(shape=(28, 28, 1)))
second = keras.layers.Conv2D(64, kernel_size=3, padding="same")(keras.Input(shape=(14, 14, 32)))
print("첫 번째 층 출력:", first.shape)
print("두 번째 층 출력:", second.shape)
assert first.shape == (None, 28, 28, 32)
assert second.shape == (None, 14, 14, 64)

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
# ## 세임 패딩: 0으로 테두리를 두릅니다
#
# 입력의 가장자리에 0을 덧붙이는 것을 **패딩**(padding)이라고 합니다. 3×3 필터라면 사방에 한 줄씩($p = 1$) 0을
# 두르면 필터의 중심이 원래 입력의 모든 픽셀 위에 놓일 수 있으므로, 출력 크기가 입력과 같아집니다. 이것이
# **세임 패딩**(`padding="same"`)입니다. 홀수 크기 $k$의 필터는 $p = (k - 1)/2$만큼 패딩하면 크기가 유지됩니다
# (3×3이면 1, 5×5면 2).

# %%
small = np.arange(1, 17).reshape(4, 4)
padded = np.pad(small, 1)  # 사방에 0을 한 줄씩 덧붙입니다
assert padded.shape == (6, 6)
print(padded)

# %% [markdown]
# 세임 패딩은 "0으로 패딩한 뒤 밸리드 합성곱"과 정확히 같습니다. 실제 패션 MNIST 사진에 1장의 세로 경계선
# 필터를 적용해서 확인해 보겠습니다. Keras의 `padding="same"` 결과는 28×28이고, NumPy로 0을 두른 30×30 사진에
# 밸리드 합성곱을 한 결과와 같습니다.

# %%
(x_train, y_train), (x_test, y_test) = helpers.load_fashion_mnist()
image = x_train[26].astype("float32")  # 1장에서 쓴 줄무늬 티셔츠
vertical_edge = np.array([[1, 0, -1]] * 3, dtype="float32")

same_conv = keras.layers.Conv2D(1, kernel_size=3, padding="same", use_bias=False)
same_conv.build((None, 28, 28, 1))
same_conv.set_weights([vertical_edge.reshape(3, 3, 1, 1)])
same_map = keras.ops.convert_to_numpy(same_conv(image.reshape(1, 28, 28, 1)))[0, :, :, 0]
assert same_map.shape == (28, 28)

windows = np.lib.stride_tricks.sliding_window_view(np.pad(image, 1), (3, 3))
numpy_map = (windows * vertical_edge).sum(axis=(2, 3))
assert numpy_map.shape == (28, 28)
print("세임 패딩 = 0으로 패딩 + 밸리드 합성곱:", np.allclose(same_map, numpy_map))

# %% [markdown]
# 세임 패딩을 쓰면 층을 여러 개 쌓아도 크기가 줄지 않으므로, 크기를 줄이는 일은 풀링 층에 맡기고 합성곱 층은
# 특징을 뽑는 일에만 집중하게 할 수 있습니다. 이 과정의 모델도 모든 합성곱 층에 세임 패딩을 씁니다. 덧붙인 0은
# 배경과 같은 값이라 패션 MNIST처럼 배경이 검은 사진에서는 특히 자연스럽습니다.
#
# ## 스트라이드: 필터가 한 번에 움직이는 칸 수
#
# 지금까지 필터는 한 칸씩 움직였습니다. 필터가 한 번에 움직이는 칸 수를 **스트라이드**(stride)라고 하고,
# Keras에서는 `strides`로 정합니다. 스트라이드가 2이면 필터가 두 칸씩 건너뛰므로 출력의 가로세로가 대략 절반이
# 됩니다. 5×5 입력에서 3×3 필터의 왼쪽 위 모서리가 놓이는 위치를 세어 보면 차이가 분명합니다.

# %%
for stride in (1, 2):
    starts = list(range(0, 5 - 3 + 1, stride))
    print(f"스트라이드 {stride}: 시작 위치 {starts} → 출력 {len(starts)}×{len(starts)}")

# %% [markdown]
# 스트라이드 2의 출력은 스트라이드 1의 출력에서 한 칸씩 건너뛰며 고른 것과 같습니다. 계산은 4분의 1로 줄지만,
# 건너뛴 위치의 정보는 버려집니다.

# %%
strided = keras.layers.Conv2D(1, kernel_size=3, strides=2, use_bias=False)
strided.build((None, 28, 28, 1))
strided.set_weights([vertical_edge.reshape(3, 3, 1, 1)])
strided_map = keras.ops.convert_to_numpy(strided(image.reshape(1, 28, 28, 1)))[0, :, :, 0]
assert strided_map.shape == (13, 13)

valid_map = numpy_map[1:-1, 1:-1]  # 세임 패딩 결과에서 테두리를 빼면 밸리드 합성곱 결과(26×26)입니다
assert valid_map.shape == (26, 26)
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
# 공식을 함수로 만들고, 표의 모든 경우를 Keras의 `Conv2D`와 비교해 봅시다. 밸리드 패딩은 $p = 0$, 세임 패딩은
# $p = (k - 1)/2$에 해당합니다.

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
    expected = conv_output_size(n, k, p, s)
    layer = keras.layers.Conv2D(8, kernel_size=k, strides=s, padding=padding)
    output = layer(keras.Input(shape=(n, n, 1)))
    assert output.shape == (None, expected, expected, 8), (n, k, padding, s, output.shape)
    print(f"n={n:2d}, k={k}, {padding:5s}, s={s} → 공식 {expected:2d}, Keras {output.shape}")

# %% [markdown]
# :::{note}
# Keras의 세임 패딩은 정확히 말하면 "출력 크기가 $\lceil n/s \rceil$(올림)이 되도록 필요한 만큼 0을
# 덧붙인다"는 규칙입니다. 스트라이드가 1이면 출력 크기가 입력과 같고, 스트라이드가 2이면 28 → 14처럼 정확히
# 절반(홀수면 올림)이 됩니다. 홀수 커널에서는 위 공식의 $p = (k - 1)/2$와 결과가 같습니다. 짝수 커널(예: 4×4)에서는
# 필요한 패딩이 홀수 줄이라 한쪽에 한 줄 더 덧붙이게 되므로, 합성곱 층에는 보통 홀수 커널을 씁니다.
# :::
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
# 입니다. 이 과정의 두 합성곱 층에 적용해 보면 다음과 같습니다.
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
assert conv2.count_params() == conv_params(3, 32, 64) == 18_496

# %% [markdown]
# 공식에 입력 크기, 패딩, 스트라이드가 없다는 점도 눈여겨보세요. 같은 필터를 모든 위치에서 함께 쓰기 때문에
# 이 값들은 출력 크기만 바꿀 뿐 파라미터 수에는 영향이 없습니다.

# %%
for shape, padding, strides in [((28, 28, 1), "same", 1), ((28, 28, 1), "valid", 2), ((100, 60, 1), "valid", 1)]:
    layer = keras.layers.Conv2D(32, kernel_size=3, padding=padding, strides=strides)
    output = layer(keras.Input(shape=shape))
    assert layer.count_params() == 320
    print(f"입력 {shape}, {padding}, 스트라이드 {strides} → 출력 {output.shape}, 파라미터 {layer.count_params()}")

# %% [markdown]
# 비교를 위해, 두 번째 층과 같은 일(14×14×32 입력 → 14×14×64 출력)을 밀집층으로 한다면 입력 6,272개와 출력
# 12,544개를 모두 연결해야 합니다. 합성곱 층보다 4,000배 이상 많은 파라미터가 필요합니다.

# %%
inputs, outputs = 14 * 14 * 32, 14 * 14 * 64
print(f"같은 크기를 잇는 밀집층: {inputs * outputs + outputs:,}개")
print(f"합성곱 층: {conv_params(3, 32, 64):,}개")

# %% [markdown]
# ## 활성화 함수와 합쳐진 합성곱 층
#
# `Conv2D(..., activation="relu")`처럼 **활성화 함수**를 지정하면, 합성곱과 절편 덧셈을 마친 특성 맵의 모든
# 칸에 렐루($\max(0, z)$)를 적용합니다. 활성화 함수가 없으면 합성곱 층을 아무리 쌓아도 결국 하나의 선형 연산과
# 같아지므로, 비선형 활성화 함수가 있어야 층을 쌓는 의미가 생깁니다. 렐루를 거친 특성 맵에는 음수가 없습니다.
#
# 이 과정의 첫 번째 합성곱 층을 그대로 만들어 실제 사진 네 장에 적용해 보겠습니다. 모델에 넣는 사진은
# `helpers.scale_images`로 0~1 사이로 스케일 조정하고 채널 축을 붙인 `(개수, 28, 28, 1)` 모양입니다(4장에서
# 자세히 다룹니다). 필터의 초깃값이 무작위이므로 결과가 매번 같도록 시드를 고정합니다.

# %%
keras.utils.set_random_seed(0)
first_layer = keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same")

images = helpers.scale_images(x_train[:4])
assert images.shape == (4, 28, 28, 1)
feature_maps = keras.ops.convert_to_numpy(first_layer(images))
assert feature_maps.shape == (4, 28, 28, 32)
print("특성 맵 모양:", feature_maps.shape)
print("음수인 칸:", int(np.sum(feature_maps < 0)))

# %% [markdown]
# 사진 한 장이 28×28 특성 맵 32장이 되었습니다. 첫 번째 사진(앵클 부츠)의 특성 맵 중 여덟 장을 그려 보면, 아직
# 훈련하지 않은 무작위 필터인데도 어떤 필터는 윤곽에, 어떤 필터는 밝은 면에 반응하는 등 서로 다른 모습을
# 보입니다. 훈련을 거치면 이 필터들이 옷을 구분하는 데 쓸모 있는 특징을 찾도록 바뀝니다.

# %%
fig, axes = plt.subplots(1, 9, figsize=(13, 1.9))
axes[0].imshow(images[0, :, :, 0], cmap="gray_r")
axes[0].set_title(helpers.class_name(y_train[0]))
for number, axis in enumerate(axes[1:]):
    axis.imshow(feature_maps[0, :, :, number], cmap="viridis")
    axis.set_title(f"필터 {number + 1}")
for axis in axes:
    axis.axis("off")
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
# - 파라미터 수는 $k_h \times k_w \times C_{\text{in}} \times F + F$로, 이 과정의 두 층은 320개와 18,496개입니다.
#   입력 크기, 패딩, 스트라이드는 파라미터 수와 무관합니다.
#
# ## 연습 문제
#
# :::{admonition} 연습 1. 출력 크기 계산하기
# 32×32 입력에 5×5 필터를 쓸 때 다음 네 경우의 출력 크기를 공식으로 계산하고, Keras로 확인해 보세요.
# (가) 밸리드, 스트라이드 1 (나) 세임, 스트라이드 1 (다) 밸리드, 스트라이드 2 (라) 세임, 스트라이드 2
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 5×5 필터의 세임 패딩은 $p = 2$입니다.
#
# - (가) $\lfloor (32 - 5)/1 \rfloor + 1 = 28$
# - (나) $\lfloor (32 + 4 - 5)/1 \rfloor + 1 = 32$
# - (다) $\lfloor 27/2 \rfloor + 1 = 13 + 1 = 14$
# - (라) $\lfloor 31/2 \rfloor + 1 = 15 + 1 = 16$ ($\lceil 32/2 \rceil = 16$과 같습니다)
#
# ```python
# for padding, strides in [("valid", 1), ("same", 1), ("valid", 2), ("same", 2)]:
#     layer = keras.layers.Conv2D(8, kernel_size=5, padding=padding, strides=strides)
#     print(padding, strides, layer(keras.Input(shape=(32, 32, 1))).shape)
# # valid 1 (None, 28, 28, 8)
# # same 1 (None, 32, 32, 8)
# # valid 2 (None, 14, 14, 8)
# # same 2 (None, 16, 16, 8)
# ```
# :::
#
# :::{admonition} 연습 2. 파라미터 수 세기
# (가) 32×32 컬러 사진(채널 3개)에 5×5 필터 16개짜리 합성곱 층을 쓰면 파라미터는 몇 개일까요?
# (나) 이 과정의 두 번째 층을 `strides=2, padding="valid"`로 바꾸면(입력 14×14×32) 출력 모양과 파라미터 수는
# 어떻게 될까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# (가) $5 \times 5 \times 3 \times 16 + 16 = 1{,}216$개입니다.
# (나) 출력 크기는 $\lfloor (14 - 3)/2 \rfloor + 1 = 6$이므로 `(None, 6, 6, 64)`이고, 파라미터 수는 스트라이드와
# 패딩에 영향을 받지 않으므로 그대로 18,496개입니다.
#
# ```python
# a = keras.layers.Conv2D(16, kernel_size=5)
# a(keras.Input(shape=(32, 32, 3)))
# print(a.count_params())  # 1216
#
# b = keras.layers.Conv2D(64, kernel_size=3, strides=2, padding="valid")
# print(b(keras.Input(shape=(14, 14, 32))).shape, b.count_params())  # (None, 6, 6, 64) 18496
# ```
# :::
#
# :::{admonition} 연습 3. 1×1 합성곱
# 커널 크기가 1인 합성곱 층 `Conv2D(16, kernel_size=1)`을 14×14×32 특성 맵에 적용하면 출력 모양과 파라미터 수는
# 어떻게 될까요? 이런 층은 무슨 일을 할까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 1×1 필터는 이웃 픽셀을 보지 않으므로 가로세로 크기는 그대로 14×14이고, 출력 채널은 필터 개수인 16입니다.
# 파라미터는 $1 \times 1 \times 32 \times 16 + 16 = 528$개입니다. 위치마다 32개 채널의 값을 섞어 16개로 줄이는,
# 즉 **채널 방향으로만 작동하는 밀집층**과 같습니다. 큰 모델에서 계산량을 줄이려고 채널 수를 줄일 때 자주 씁니다.
#
# ```python
# layer = keras.layers.Conv2D(16, kernel_size=1)
# print(layer(keras.Input(shape=(14, 14, 32))).shape, layer.count_params())  # (None, 14, 14, 16) 528
# ```
# :::
#
# 이전: [1. 합성곱 신경망이란](01_what_is_cnn.ipynb) · 다음: [3. 풀링 층](03_pooling_layer.ipynb)
