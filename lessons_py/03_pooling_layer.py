# %% [markdown]
# # 3. 풀링 층
#
# 합성곱 층은 이미지 한 장을 여러 장의 특성 맵으로 바꿉니다. 세임 패딩을 쓰면 특성 맵의 가로세로 크기는 그대로인
# 채 장 수만 32장, 64장으로 늘어나므로 다뤄야 할 숫자가 빠르게 불어납니다. **풀링**(pooling)은 특성 맵의 중요한
# 정보는 남기면서 가로세로 크기를 줄이는 연산입니다. 이 장에서는 최대 풀링과 평균 풀링을 손으로 계산해 보고,
# Keras의 풀링 층이 같은 일을 하는지 확인한 뒤, 이 책의 첫 번째 블록이 왜 `(14, 14, 32)`를 출력하는지 따라가
# 봅니다. 용어는 [용어집](glossary.md)에 정리되어 있습니다.
#
# ## 이 장의 목표
#
# - 최대 풀링과 평균 풀링을 손으로, NumPy로, Keras로 계산할 수 있습니다.
# - 풀링이 특성 맵의 크기를 줄이는 이유와 최대 풀링이 작은 위치 변화에 덜 민감한 이유를 설명할 수 있습니다.
# - 풀링 층에는 학습되는 파라미터가 없다는 것을 확인합니다.
# - 풀링 층의 출력 크기를 계산하고, 합성곱-풀링 블록을 지나며 모양이 `(28, 28, 1)` → `(28, 28, 32)` →
#   `(14, 14, 32)`로 바뀌는 과정을 코드로 확인합니다.
# - 풀링 층이 뒤따르는 층의 수용 영역을 얼마나 넓히는지 계산할 수 있습니다.

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
# ## 풀링이란
#
# 풀링은 특성 맵을 작은 영역(보통 2×2)으로 나누고, 영역마다 숫자 하나만 남기는 연산입니다. 영역에서 가장 큰 값을
# 남기면 **최대 풀링**(max pooling), 평균을 남기면 **평균 풀링**(average pooling)입니다. 영역의 크기를 풀링
# 크기라고 하며, 보통 영역이 겹치지 않도록 스트라이드를 풀링 크기와 같게 둡니다. 2×2 영역을 2칸씩 옮기면
# 가로세로가 각각 절반이 되어 숫자의 개수는 4분의 1이 됩니다.
#
# 풀링을 쓰는 이유는 세 가지입니다.
#
# - **계산량과 메모리를 줄입니다.** 28×28 특성 맵 32장(25,088개의 숫자)이 14×14 특성 맵 32장(6,272개)이 됩니다.
# - **작은 위치 변화에 덜 민감해집니다.** 특성이 같은 2×2 영역 안에서 움직이고 그 영역의 최댓값으로 남아 있는 한,
#   최대 풀링의 결과는 같습니다.
# - **다음 층이 더 넓은 영역을 봅니다.** 풀링 뒤의 3×3 필터는 풀링 전 기준으로 6×6 영역을 덮으므로, 층이
#   깊어질수록 옷의 더 큰 부분을 한눈에 볼 수 있습니다. 수용 영역(2장)이 풀링으로 얼마나 넓어지는지는 이 장의
#   뒷부분에서 계산합니다.
#
# 풀링은 특성 맵(채널)마다 **따로** 적용합니다. 합성곱과 달리 채널을 섞지 않으므로 채널 수는 바뀌지 않습니다.
#
# ## 4×4 예제로 손으로 계산하기
#
# 4×4 특성 맵을 2×2 영역 네 개로 나누어 보겠습니다.

# %% mystnb={"image": {"alt": "왼쪽은 숫자가 적힌 4×4 특성 맵을 네 가지 색의 2×2 창으로 나눈 그림이고, 창마다 가장 큰 값(6, 2, 2, 8)에 같은 색의 동그라미가 있습니다. 오른쪽은 그 값들로 된 2×2 결과로, 칸마다 해당 창의 색 사각형이 있습니다."}}
fig = helpers.concepts.pooling_windows()
plt.show()

# %% [markdown]
# *그림 3-1. 2×2 최대 풀링(스트라이드 2). 겹치지 않는 창마다 가장 큰 값 하나만 남기므로
# 가로세로가 절반이 됩니다. 학습할 가중치는 없습니다.*

# %%
feature_map = np.array([[1, 3, 2, 1],
                        [4, 6, 5, 0],
                        [7, 2, 9, 8],
                        [1, 0, 3, 4]])

# %% [markdown]
# | 영역 | 값 | 최대 풀링 | 평균 풀링 |
# | --- | --- | --- | --- |
# | 왼쪽 위 | 1, 3, 4, 6 | 6 | $14/4 = 3.5$ |
# | 오른쪽 위 | 2, 1, 5, 0 | 5 | $8/4 = 2$ |
# | 왼쪽 아래 | 7, 2, 1, 0 | 7 | $10/4 = 2.5$ |
# | 오른쪽 아래 | 9, 8, 3, 4 | 9 | $24/4 = 6$ |
#
# 이 계산을 그대로 옮기면, 영역의 왼쪽 위 모서리를 `size`칸씩 옮기면서 영역마다 `reduce`(최댓값 또는 평균)를
# 적용하는 함수가 됩니다.

# %%
def pool2d(x, size, reduce):
    """겹치지 않는 size×size 영역마다 reduce(np.max 또는 np.mean)로 숫자 하나를 남깁니다."""
    out = np.zeros((x.shape[0] // size, x.shape[1] // size))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = reduce(x[i * size:(i + 1) * size, j * size:(j + 1) * size])
    return out


max_pooled = pool2d(feature_map, 2, np.max)
mean_pooled = pool2d(feature_map, 2, np.mean)
print("최대 풀링:\n", max_pooled)
print("평균 풀링:\n", mean_pooled)

# %% [markdown]
# NumPy에서는 반복문 없이 `reshape` 한 번으로도 할 수 있습니다. `(4, 4)`를 `(2, 2, 2, 2)`, 즉 (영역의 행 번호,
# 영역 안의 행, 영역의 열 번호, 영역 안의 열)로 다시 보면 "영역 안"에 해당하는 1번과 3번 축을 줄이는 것이 곧
# 풀링입니다.

# %%
blocks = feature_map.reshape(2, 2, 2, 2)
print(blocks.max(axis=(1, 3)))
print("pool2d와 같은 결과:", np.array_equal(blocks.max(axis=(1, 3)), max_pooled),
      np.array_equal(blocks.mean(axis=(1, 3)), mean_pooled))

# %% [markdown]
# ## Keras의 `MaxPooling2D`와 `AveragePooling2D`
#
# Keras의 풀링 층은 `keras.layers.MaxPooling2D`와 `keras.layers.AveragePooling2D`입니다. 첫 번째 인자
# `pool_size=2`는 `(2, 2)`의 줄임말이고, `strides`를 정하지 않으면 풀링 크기와 같게(겹치지 않게) 움직이며,
# 패딩은 기본값이 밸리드입니다. 합성곱 층처럼 `(배치, 높이, 너비, 채널)` 모양을 받으므로 같은 4×4 특성 맵을
# `(1, 4, 4, 1)`로 바꿔 넣습니다.

# %%
batch = feature_map.reshape(1, 4, 4, 1).astype("float32")

keras_max = keras.ops.convert_to_numpy(keras.layers.MaxPooling2D(pool_size=2)(batch))
keras_mean = keras.ops.convert_to_numpy(keras.layers.AveragePooling2D(pool_size=2)(batch))
print("출력 모양:", keras_max.shape)

print("MaxPooling2D:\n", keras_max[0, :, :, 0])
print("AveragePooling2D:\n", keras_mean[0, :, :, 0])
print("pool2d와 같은 결과:", np.array_equal(keras_max[0, :, :, 0], max_pooled),
      np.array_equal(keras_mean[0, :, :, 0], mean_pooled))

# %% [markdown]
# 채널이 여러 개이면 채널마다 따로 풀링하는지 확인해 보겠습니다. 두 번째 채널에는 첫 번째 채널을 10에서 뺀 값을
# 넣었습니다. 합성곱 층이었다면 두 채널이 섞였겠지만, 풀링 층의 출력은 각 채널을 따로 풀링한 결과와 같습니다.

# %%
two_channels = np.stack([feature_map, 10 - feature_map], axis=-1)[np.newaxis].astype("float32")
pooled = keras.ops.convert_to_numpy(keras.layers.MaxPooling2D(2)(two_channels))
print("입력 모양:", two_channels.shape, "→ 출력 모양:", pooled.shape)  # 채널 수 2는 그대로입니다
print("두 번째 채널:\n", pooled[0, :, :, 1])
print("두 번째 채널만 따로 풀링한 결과와 같은가:",
      np.array_equal(pooled[0, :, :, 1], pool2d(10 - feature_map, 2, np.max)))

# %% [markdown]
# ## 최대 풀링은 "이 근처에 특성이 있다"를 남깁니다
#
# 합성곱 층과 렐루를 거친 특성 맵에서 큰 값은 "여기에 이 필터가 찾는 특성이 있다"는 뜻이었습니다(1장). 최대
# 풀링은 영역 안에서 가장 강한 반응만 남기므로, 결과는 "이 2×2 영역 어딘가에 특성이 있다"가 됩니다. 영역 안에서의
# 정확한 위치는 버리는 대신, 특성이 같은 영역 안에서 움직이는 동안은 결과가 흔들리지 않습니다. 단, 움직인 뒤에도
# 그 값이 영역에서 가장 커야 합니다.
#
# 강한 반응(9) 하나만 있는 특성 맵으로 확인해 보겠습니다. 같은 영역 안에서 움직이면 최대 풀링의 결과는 그대로지만,
# 옆 영역으로 넘어가면 달라집니다. 입력이 움직여도 출력이 그대로인 성질을 **이동 불변성**(translation invariance)이라고
# 합니다. 1장의 합성곱은 입력과 함께 출력도 옮겨지는 이동 등변성을 가졌고, 최대 풀링 한 번은 이처럼 **작은** 이동에
# 대해서만 불변에 가깝습니다. 합성곱과 풀링이 여러 번 쌓이면서 더 큰 이동도 견디게 됩니다.

# %%
def single_response(row, col):
    """(row, col)에만 강한 반응 9가 있는 4×4 특성 맵"""
    x = np.zeros((4, 4), dtype=int)
    x[row, col] = 9
    return x


for row, col in [(0, 0), (1, 1), (0, 2)]:
    pooled_response = pool2d(single_response(row, col), 2, np.max).astype(int)
    print(f"반응 위치 {(row, col)} → 최대 풀링 {pooled_response.tolist()}")

# %% [markdown]
# 평균 풀링으로 같은 특성 맵을 줄이면 강한 반응 9가 주변의 0과 섞여 $9/4 = 2.25$로 약해집니다. 평균 풀링은 영역
# 전체의 분위기를 부드럽게 요약하고, 최대 풀링은 가장 두드러진 특성을 살립니다. 특성 맵에서 "특성이 있는가"가
# 중요한 합성곱 신경망의 중간 층에는 최대 풀링이 더 널리 쓰이고, 이 책의 모델도 최대 풀링을 씁니다. 평균 풀링은
# 특성 맵 전체를 평균해 채널마다 숫자 하나로 줄이는 **전역 평균 풀링**(`GlobalAveragePooling2D`)의 형태로, 최신
# 모델의 마지막 부분에서 평탄화 대신 자주 쓰입니다.

# %%
print("평균 풀링:", pool2d(single_response(0, 0), 2, np.mean).tolist())

# %% [markdown]
# ## 풀링 층에는 파라미터가 없습니다
#
# 최댓값이나 평균을 구하는 데는 학습할 것이 없습니다. 그래서 풀링 층에는 가중치도 절편도 없고, 파라미터 수는
# 입력의 크기나 채널 수와 관계없이 항상 0입니다. 풀링 크기와 스트라이드는 사람이 정하는 하이퍼파라미터일 뿐입니다.

# %%
for layer in (keras.layers.MaxPooling2D(2), keras.layers.AveragePooling2D(2)):
    layer(keras.Input(shape=(28, 28, 32)))
    print(f"{layer.__class__.__name__}: 파라미터 {layer.count_params()}개, 가중치 리스트 {layer.weights}")

# %% [markdown]
# ## 풀링 층의 출력 크기
#
# 풀링도 창을 옮기며 계산하는 연산이므로 2장의 출력 크기 공식을 그대로 씁니다. 커널 크기 $k$ 자리에 풀링 크기를,
# $s$ 자리에 스트라이드를 넣고, 밸리드 패딩이면 $p = 0$입니다.
#
# - 28×28, 2×2 풀링, 스트라이드 2: $\lfloor 26/2 \rfloor + 1 = 14$
# - 14×14, 같은 풀링: $\lfloor 12/2 \rfloor + 1 = 7$
# - 7×7, 같은 풀링: $\lfloor 5/2 \rfloor + 1 = 3$. 홀수 크기에서는 마지막 행과 열이 **버려집니다.**
#   `padding="same"`을 주면 $\lceil 7/2 \rceil = 4$가 되어 마지막 행과 열도 남습니다.
# - 28×28, 3×3 풀링, 스트라이드 2(영역이 한 칸씩 겹칩니다): $\lfloor 25/2 \rfloor + 1 = 13$
#
# 채널 수는 언제나 그대로입니다. 합성곱 층과 마찬가지로 `keras.Input`에 연결해서 확인합니다.

# %%
def pool_output_size(n, k, s):
    """밸리드 패딩(p = 0)의 출력 크기: floor((n - k) / s) + 1"""
    return (n - k) // s + 1


cases = [  # (입력 크기, 풀링 크기, 스트라이드, 패딩, 공식으로 계산한 출력 크기)
    (28, 2, 2, "valid", pool_output_size(28, 2, 2)),
    (14, 2, 2, "valid", pool_output_size(14, 2, 2)),
    (7, 2, 2, "valid", pool_output_size(7, 2, 2)),
    (7, 2, 2, "same", -(-7 // 2)),  # 세임 패딩: ceil(7 / 2)
    (28, 3, 2, "valid", pool_output_size(28, 3, 2)),
]
for n, k, s, padding, expected in cases:
    pooling = keras.layers.MaxPooling2D(pool_size=k, strides=s, padding=padding)
    output = pooling(keras.Input(shape=(n, n, 32)))
    print(f"입력 {(n, n, 32)}, 풀링 {k}×{k}, 스트라이드 {s}, {padding:5s} → 공식 {expected:2d}, "
          f"Keras {output.shape}")

# %% [markdown]
# ## 첫 번째 블록 따라가기: `(28, 28, 1)` → `(28, 28, 32)` → `(14, 14, 32)`
#
# 이제 이 책의 모델 앞부분을 쌓아 봅시다. 합성곱 층과 풀링 층을 한 쌍으로 묶어 **블록**이라고 부르겠습니다.
#
# 1. 입력은 흑백 이미지 한 장, `(28, 28, 1)`입니다.
# 2. 첫 번째 합성곱 층은 3×3 필터 32개를 세임 패딩으로 적용하므로 가로세로는 28×28 그대로이고 채널이 32가 됩니다:
#    `(28, 28, 32)`, 파라미터 320개(2장).
# 3. 2×2 최대 풀링이 가로세로를 절반으로 줄이고 채널은 그대로 둡니다: `(14, 14, 32)`, 파라미터 0개.
#
# 두 번째 블록도 같은 방식입니다. 필터 64개의 합성곱 층이 `(14, 14, 64)`를 만들고(파라미터 18,496개), 풀링이
# `(7, 7, 64)`로 줄입니다. 5장에서 이 뒤에 평탄화와 밀집층을 붙여 모델을 완성합니다. 층 이름은
# `helpers.build_cnn`과 같게 붙였습니다.

# %%
feature_extractor = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same", name="conv1"),
    keras.layers.MaxPooling2D(2, name="pool1"),
    keras.layers.Conv2D(64, kernel_size=3, activation="relu", padding="same", name="conv2"),
    keras.layers.MaxPooling2D(2, name="pool2"),
], name="feature_extractor")

for layer in feature_extractor.layers:
    shape = layer.output.shape[1:]
    print(f"{layer.name:6s} 출력 {shape!s:14s} 숫자 {np.prod(shape):6,}개  "
          f"파라미터 {layer.count_params():6,}개")
assert [layer.count_params() for layer in feature_extractor.layers] == [320, 0, 18_496, 0]  # 풀링은 0

# %% [markdown]
# 풀링 층을 지날 때마다 숫자의 개수가 4분의 1로 줄어듭니다. 두 번째 블록이 끝나면 이미지 한 장이
# $7 \times 7 \times 64 = 3{,}136$개의 숫자로 요약되는데, 이것이 5장에서 평탄화되어 밀집층으로 들어갈 입력의 크기입니다.
# 풀링이 없었다면 $28 \times 28 \times 64 = 50{,}176$개가 되어, 뒤따르는 `Dense(100)` 층 하나에만 파라미터가
# 500만 개 넘게 필요했을 것입니다(풀링이 있으면 약 31만 개).

# %%
for name, inputs in [("풀링 두 번 뒤", 7 * 7 * 64), ("풀링 없이", 28 * 28 * 64)]:
    print(f"{name}: 입력 {inputs:,}개 → Dense(100)의 파라미터 {inputs * 100 + 100:,}개")

# %% [markdown]
# Keras 모델의 `summary()` 메서드가 출력하는 모델 요약에서도 같은 모양과 파라미터 수를 확인할 수 있습니다. 모델
# 요약을 읽는 방법은 5장에서 자세히 다룹니다.

# %%
feature_extractor.summary()

# %% [markdown]
# ## 풀링이 넓혀 주는 수용 영역
#
# 2장에서 3×3 합성곱 층을 쌓을 때마다 수용 영역이 넓어지는 것을 보았습니다(3 → 5 → 7). 사이에 풀링 층이 끼면
# 훨씬 빨리 넓어집니다. 2×2 풀링을 지난 특성
# 맵에서는 이웃한 두 칸이 원래 이미지에서 2픽셀 떨어져 있으므로, 그 위의 3×3 필터가 한 칸 더 넓게 보는 것은 이미지에서
# 2픽셀 더 넓게 보는 것과 같습니다.
#
# 일반적으로 창의 크기가 $k$인 층(합성곱이든 풀링이든)은 수용 영역의 한 변을 $(k - 1) \times j$만큼 넓힙니다.
# 여기서 $j$는 그 층의 입력에서 이웃한 두 칸이 원래 이미지에서 몇 픽셀 떨어져 있는지로, 앞선 층들의 스트라이드를
# 모두 곱한 값입니다. 위의 `feature_extractor`에 적용해 봅시다.

# %%
def receptive_fields(model):
    """층마다 출력 한 칸의 수용 영역(이미지에서 보는 정사각형의 한 변)을 출력합니다."""
    size, jump = 1, 1  # jump: 이 층의 입력에서 이웃한 두 칸이 이미지에서 떨어진 픽셀 수
    for layer in model.layers:
        is_conv = isinstance(layer, keras.layers.Conv2D)
        window = layer.kernel_size[0] if is_conv else layer.pool_size[0]
        stride = layer.strides[0]
        size += (window - 1) * jump
        jump *= stride
        print(f"{layer.name:6s} 창 {window}×{window}, 스트라이드 {stride} → 수용 영역 {size}×{size}")


receptive_fields(feature_extractor)

# %% [markdown]
# 두 블록을 지난 `(7, 7, 64)`의 숫자 하나하나는 28×28 이미지의 10×10 영역을 요약합니다. 풀링 없이 3×3 합성곱 층만
# 쌓았다면 네 층을 쌓아도 9×9이므로, 풀링은 계산량을 줄이면서 수용 영역도 빠르게 넓혀 줍니다. 세임 패딩은 수용
# 영역의 크기를 바꾸지 않습니다. 가장자리 칸의 수용 영역 일부가 이미지 바깥의 0에 걸칠 뿐입니다.
#
# ## 실제 이미지에서 풀링 전과 후
#
# 마지막으로 실제 패션 MNIST 이미지의 특성 맵이 풀링으로 어떻게 바뀌는지 눈으로 확인해 보겠습니다. 1장의 줄무늬
# 티셔츠에 세로 경계선 필터와 렐루를 적용해 28×28 특성 맵을 만들고(세임 패딩), 최대 풀링과 평균 풀링으로
# 각각 줄여 봅니다. 이미지는 모델에 넣을 때처럼 `helpers.scale_images`로 0~1 사이로 스케일 조정합니다.

# %%
(x_train, y_train), (x_test, y_test) = helpers.load_fashion_mnist()
image = helpers.scale_images(x_train[26:27])  # 1장의 줄무늬 티셔츠, (1, 28, 28, 1)

edge = keras.layers.Conv2D(1, kernel_size=3, padding="same", activation="relu", use_bias=False)
edge.build((None, 28, 28, 1))
vertical_edge = np.array([[1, 0, -1]] * 3, dtype="float32")  # 1장의 세로 경계선 필터
edge.set_weights([vertical_edge.reshape(3, 3, 1, 1)])

fmap = edge(image)
max_map = keras.layers.MaxPooling2D(2)(fmap)
mean_map = keras.layers.AveragePooling2D(2)(fmap)
max_twice = keras.layers.MaxPooling2D(2)(max_map)

fmap, max_map, mean_map, max_twice = (keras.ops.convert_to_numpy(t)[0, :, :, 0]
                                      for t in (fmap, max_map, mean_map, max_twice))
print("모양:", fmap.shape, max_map.shape, mean_map.shape, max_twice.shape)
print("가장 강한 반응이 최대 풀링 뒤에도 그대로 남습니다:", max_map.max() == fmap.max() == max_twice.max())
print("평균 풀링은 가장 강한 반응을 약하게 만듭니다:", mean_map.max() < fmap.max())

# %% [markdown]
# 다섯 장을 두 줄로 그립니다. 특성 맵 네 장은 같은 색 범위를 씁니다. 렐루를 거쳤으므로 특성 맵에는 왼쪽이 더
# 밝은 경계선, 즉 왼쪽에서 오른쪽으로 가며 옷에서 배경으로 넘어가는 경계선(옷의 오른쪽 경계선과 왼쪽 소매의 안쪽
# 경계선)만 밝게 남아 있습니다(1장). 최대 풀링한 14×14 특성 맵은 해상도가 낮아졌지만
# 이 경계선들이 뚜렷하게 남아 있고, 한 번 더 풀링한 7×7에서도 경계선이 대략 어디에 있는지는 알아볼 수 있습니다.
# 평균 풀링은 같은 경계선을 더 흐리고 약하게 남깁니다.

# %% mystnb={"image": {"alt": "다섯 장을 두 줄로 그린 그림. 위 줄은 원본 이미지(28×28)와 렐루를 거친 특성 맵(28×28), 아래 줄은 그 특성 맵의 최대 풀링(14×14), 평균 풀링(14×14), 최대 풀링 두 번(7×7)이다. 특성 맵 네 장은 같은 색 범위로 칠해 밝을수록 큰 값이다. 최대 풀링은 해상도가 낮아져도 옷의 경계선이 뚜렷하게 남고 7×7에서도 경계선의 위치를 알아볼 수 있지만, 평균 풀링은 같은 경계선을 더 흐리고 약하게 남긴다."}}
panels = [(image[0, :, :, 0], "원본 (28×28)"), (fmap, "특성 맵 (28×28)"), (max_map, "최대 풀링 (14×14)"),
          (mean_map, "평균 풀링 (14×14)"), (max_twice, "최대 풀링 두 번 (7×7)")]
fig = plt.figure(figsize=(7.2, 5))
grid = fig.add_gridspec(2, 6)
slots = [grid[0, 1:3], grid[0, 3:5], grid[1, 0:2], grid[1, 2:4], grid[1, 4:6]]  # 위 두 장은 가운데로
for number, (slot, (values, title)) in enumerate(zip(slots, panels)):
    axis = fig.add_subplot(slot)
    if number == 0:  # 원본은 다른 장들처럼 흑백으로
        axis.imshow(values, cmap="gray_r")
    else:
        axis.imshow(values, cmap="magma", vmin=0, vmax=fmap.max())
    axis.set_title(title, fontsize=10)
    axis.axis("off")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 정리
#
# - 풀링은 특성 맵을 작은 영역으로 나눠 영역마다 숫자 하나를 남깁니다. 최대 풀링은 최댓값을, 평균 풀링은 평균을
#   남깁니다.
# - 보통 2×2 풀링을 스트라이드 2로 적용해 가로세로를 절반으로 줄이며, 채널마다 따로 적용하므로 채널 수는 그대로입니다.
# - 최대 풀링은 영역 안의 가장 강한 반응을 남기므로, 특성이 같은 영역 안에서 움직이는 작은 이동에는 결과가 바뀌지
#   않습니다(이동 불변성). 옆 영역으로 넘어가면 달라집니다.
# - 풀링 층에는 학습되는 파라미터가 없습니다(`count_params()`가 0).
# - 출력 크기는 합성곱과 같은 공식으로 계산합니다. 첫 번째 블록은 `(28, 28, 1)` → `(28, 28, 32)` → `(14, 14, 32)`,
#   두 번째 블록은 `(14, 14, 64)` → `(7, 7, 64)`입니다.
# - 풀링은 뒤따르는 층의 수용 영역을 빠르게 넓힙니다. 두 블록을 지난 숫자 하나는 이미지의 10×10 영역을 봅니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(3)

# %% [markdown]
# ### 연습 1. 손으로 풀링하기
#
# 아래 셀의 4×4 특성 맵 `x`에 2×2 최대 풀링과 2×2 평균 풀링을 적용한 결과를 손으로 구하고, Keras의 풀링 층으로
# 계산한 2×2 배열을 `max_pooled`와 `avg_pooled`에 넣어 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# 네 영역은 (2, 0, 8, 3), (1, 5, 0, 2), (4, 4, 0, 4), (6, 1, 7, 9)입니다. 최대 풀링은 `[[8, 5], [4, 9]]`,
# 평균 풀링은 합 13, 8, 12, 23을 4로 나눈 `[[3.25, 2.0], [3.0, 5.75]]`입니다.
#
# </details>

# %% tags=["solution"]
x = np.array([[2, 0, 1, 5],
              [8, 3, 0, 2],
              [4, 4, 6, 1],
              [0, 4, 7, 9]])
exercise_batch = x.reshape(1, 4, 4, 1).astype("float32")  # 답: 풀링 층이 받는 (배치, 높이, 너비, 채널)
max_pooled = keras.ops.convert_to_numpy(keras.layers.MaxPooling2D(2)(exercise_batch))[0, :, :, 0]  # 답
avg_pooled = keras.ops.convert_to_numpy(keras.layers.AveragePooling2D(2)(exercise_batch))[0, :, :, 0]  # 답
q[1].check(max_pooled, avg_pooled)

# %% [markdown]
# ### 연습 2. 겹치는 풀링과 홀수 크기
#
# - (가) `MaxPooling2D(pool_size=3, strides=2)`를 `(28, 28, 32)` 특성 맵에 적용하면 출력 모양과 파라미터 수는?
# - (나) 이 책의 두 번째 블록 출력 `(7, 7, 64)`에 `MaxPooling2D(2)`를 한 번 더 적용하면 출력 모양은? 이때 잃는
#   정보는 무엇일까요?
#
# <details><summary>풀이</summary>
#
# - (가) $\lfloor (28 - 3)/2 \rfloor + 1 = 13$이므로 `(None, 13, 13, 32)`이고, 파라미터는 0개입니다.
# - (나) $\lfloor (7 - 2)/2 \rfloor + 1 = 3$이므로 `(None, 3, 3, 64)`입니다. 밸리드 패딩이라 마지막(7번째) 행과
#   열은 어떤 영역에도 들어가지 않고 버려집니다. `padding="same"`을 주면 `(None, 4, 4, 64)`가 됩니다.
#
# </details>

# %% tags=["solution"]
overlapping = keras.layers.MaxPooling2D(pool_size=3, strides=2)  # 답: (가)의 층
shape_a = overlapping(keras.Input(shape=(28, 28, 32))).shape  # 답: (가)의 출력 모양
params_a = overlapping.count_params()  # 답: (가)의 파라미터 수
shape_b = keras.layers.MaxPooling2D(2)(keras.Input(shape=(7, 7, 64))).shape  # 답: (나)의 출력 모양
q[2].check(shape_a, params_a, shape_b)

# %% [markdown]
# ### 연습 3. 풀링 대신 스트라이드 2 합성곱
#
# 크기를 절반으로 줄이는 방법에는 풀링 말고도 2장에서 본 스트라이드 2 합성곱이 있습니다. 첫 번째 합성곱 층 뒤의
# `MaxPooling2D(2)`를 `Conv2D(32, kernel_size=3, strides=2, padding="same")`으로 바꾸면 출력 모양과 파라미터 수는
# 어떻게 달라질까요?
#
# <details><summary>풀이</summary>
#
# 출력 모양은 $\lceil 28/2 \rceil = 14$이므로 똑같이 `(None, 14, 14, 32)`입니다. 하지만 이 합성곱 층은
# $3 \times 3 \times 32 \times 32 + 32 = 9{,}248$개의 파라미터를 학습해야 합니다. 크기를 줄이는 방법 자체를
# 학습할 수 있다는 장점이 있지만, 최대 풀링은 파라미터 없이 크기를 줄이므로 더 가볍고 과대적합의 위험도 늘리지
# 않습니다.
#
# </details>

# %% tags=["solution"]
strided = keras.layers.Conv2D(32, kernel_size=3, strides=2, padding="same")  # 답: 풀링 대신 쓸 층
shape = strided(keras.Input(shape=(28, 28, 32))).shape  # 답: 출력 모양
params = strided.count_params()  # 답: 파라미터 수
q[3].check(shape, params)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [2. 합성곱 층](02_conv_layer.ipynb) · 다음: [4. 데이터 준비](04_data.ipynb)
