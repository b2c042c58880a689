# %% [markdown]
# # 8. 필터와 특성 맵 시각화
#
# 7장까지 합성곱 신경망을 만들고, 훈련하고, 평가했습니다. 정확도는 꽤 높지만 모델이 **무엇을** 배웠는지는 아직
# 보지 못했습니다. 이 장에서는 모델 안을 들여다봅니다. 합성곱 층이 학습한 **필터**를 그림으로 그리고, 그 필터가
# 이미지 한 장에서 만들어 내는 **특성 맵**을 층마다 살펴봅니다. 마지막으로 똑같은 그림을 훈련하지 않은 모델로도
# 그려서, 훈련이 가중치를 어떻게 바꾸었는지 비교합니다. 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - 합성곱 층의 가중치와 절편을 꺼내 모양을 확인하고, 가중치의 분포를 히스토그램으로 그립니다.
# - 첫 번째 합성곱 층의 필터 32개를 3×3 이미지로 그려 어떤 패턴을 찾는지 읽어 봅니다.
# - 함수형 API로 중간 층의 출력을 돌려주는 모델을 만들어 두 합성곱 층의 특성 맵을 시각화합니다.
# - 층이 깊어질수록 특성 맵의 값 하나가 보는 입력의 범위, 즉 수용 영역이 넓어지는 것을 계산해 봅니다.
# - 훈련하지 않은 모델과 비교하여 훈련이 바꾼 것을 확인하고, 글로럿 균등 초기화가 무엇인지 이해합니다.

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
# ## 훈련한 모델과 데이터 불러오기
#
# 이 장의 내용을 처음 소개한 책은 훈련을 마친 모델 파일을 `wget` 명령으로 인터넷에서 내려받아 씁니다. 이 책에서는
# `helpers.lesson_model()`이 그 일을 합니다. 6장에서 훈련해 `helpers.save_trained()`로 저장한 모델이 이 컴퓨터에
# 있으면 그 모델을 불러오고, 없으면 이 책을 만들 때 6장의 코드로 훈련해 `helpers` 패키지에 함께 넣어 둔 모델을
# 불러옵니다. 어느 쪽이든 다시 훈련하지 않으며, 어느 모델을 불러왔는지 한 문장으로 알려 줍니다. 돌려받은 값의
# `.model`이 모델입니다.
#
# 특성 맵을 그릴 이미지가 필요하므로 4장과 같은 방법으로 나눈 데이터도 불러옵니다.

# %% tags=["nbval-ignore-output"]
run = helpers.lesson_model()
model = run.model

# %%
data = helpers.load_splits()
print(data)

for layer in model.layers:
    print(f"{layer.name:<8} {type(layer).__name__}")

# %% [markdown]
# 층 이름은 5장에서 `build_cnn()`이 붙인 것입니다. 이 이름 덕분에 `model.layers[0]`처럼 순서를 세지 않고
# `model.get_layer("conv1")`로 원하는 층을 꺼낼 수 있습니다. 층을 하나 더 끼워 넣어도 이름은 바뀌지 않으므로 번호보다
# 안전합니다.
#
# ## 합성곱 층의 가중치 꺼내기
#
# 합성곱 층에는 학습되는 값이 두 가지 있습니다. 필터의 **가중치**는 `kernel` 속성에, 필터마다 하나씩 더하는
# **절편**은 `bias` 속성에 들어 있습니다. Keras에서는 필터를 커널(kernel)이라고도 부르는데, 둘은 같은 것이고 이
# 책에서는 필터라고 부릅니다.

# %%
conv1 = model.get_layer("conv1")
conv2 = model.get_layer("conv2")

print("conv1 가중치:", conv1.kernel.shape, " 절편:", conv1.bias.shape)
print("conv2 가중치:", conv2.kernel.shape, " 절편:", conv2.bias.shape)

assert conv1.kernel.shape == (3, 3, 1, 32)
assert conv2.kernel.shape == (3, 3, 32, 64)

# %% [markdown]
# 가중치 배열의 네 축은 순서대로 (커널 높이, 커널 너비, 입력 채널 수, 필터 개수)입니다.
#
# - `conv1`의 `(3, 3, 1, 32)`: 흑백 이미지는 채널이 1개이므로 필터 하나는 3×3×1 = 9개의 가중치를 가집니다. 이런
#   필터가 32개 있습니다.
# - `conv2`의 `(3, 3, 32, 64)`: `conv2`의 입력은 `conv1`이 만든 32개의 특성 맵(풀링으로 14×14가 된 것)입니다. 그래서
#   필터 하나는 3×3 크기를 32장 겹친 3×3×32 = 288개의 가중치를 가지고, 이런 필터가 64개 있습니다.
#
# 가중치와 절편의 개수를 더하면 5장의 모델 요약에 나온 파라미터 수와 같아야 합니다.
# $3 \times 3 \times 1 \times 32 + 32 = 320$, $3 \times 3 \times 32 \times 64 + 64 = 18{,}496$입니다.

# %%
assert conv1.count_params() == 3 * 3 * 1 * 32 + 32 == 320
assert conv2.count_params() == 3 * 3 * 32 * 64 + 64 == 18_496
print(conv1.count_params(), conv2.count_params())

# %% [markdown]
# `conv1.kernel`은 Keras 변수(`Variable`)입니다. 5장에서 텐서를 바꿀 때처럼 `keras.ops.convert_to_numpy()`에
# 넘기면 NumPy 배열로 바뀌어 평균이나 표준 편차를 계산하거나 그림으로 그릴 수 있습니다. 다른 코드에서 자주 보는
# `conv1.kernel.numpy()`도 같은 일을 하지만, `keras.ops.convert_to_numpy()`는 Keras가 어떤 백엔드(TensorFlow, JAX,
# PyTorch) 위에서 돌든 똑같이 동작하므로 이 책은 이쪽을 씁니다. `conv1.weights`는 `[kernel, bias]` 두 변수를 담은 리스트라서
# `conv1.weights[0]`으로 꺼내도 같습니다.
#
# ## 가중치 분포 보기
#
# 먼저 가중치와 절편의 평균과 표준 편차를 봅니다. 같은 계산을 여러 번 하므로 작은 함수로 만들어 둡니다.

# %%
def describe(name, values):
    """값 배열의 개수, 평균, 표준 편차를 한 줄로 출력합니다."""
    values = np.asarray(values)
    print(f"{name:<11} 개수 {values.size:>6}  평균 {values.mean():+.4f}  표준 편차 {values.std():.4f}")


# %% tags=["nbval-ignore-output"]
for layer in (conv1, conv2):
    describe(f"{layer.name} 가중치", keras.ops.convert_to_numpy(layer.kernel))
    describe(f"{layer.name} 절편", keras.ops.convert_to_numpy(layer.bias))

# %% [markdown]
# 숫자 네 개로는 분포의 모양을 알 수 없으므로 히스토그램을 그립니다. 뒤에서 훈련하지 않은 모델과 겹쳐 그릴 것이므로,
# 함수는 `{"이름": 모델}` 딕셔너리를 받아 모델마다 다른 색으로 그리게 만듭니다. 층마다 그림 한 칸을 쓰고, 같은 칸의
# 모델들은 같은 구간(`bins`)을 공유해야 막대의 높이를 공정하게 비교할 수 있습니다.

# %%
def plot_weight_histograms(models, layer_names=("conv1", "conv2"), bins=50):
    """층마다 한 칸씩, 모델마다 다른 색으로 가중치 히스토그램을 겹쳐 그립니다."""
    fig, axes = plt.subplots(1, len(layer_names), figsize=(7.5, 3.2))
    for axis, layer_name in zip(axes, layer_names):
        weights = {label: keras.ops.convert_to_numpy(m.get_layer(layer_name).kernel).ravel()
                   for label, m in models.items()}
        edges = np.histogram_bin_edges(np.concatenate(list(weights.values())), bins=bins)  # 공통 구간
        for label, values in weights.items():
            axis.hist(values, bins=edges, alpha=0.6, label=label)
        axis.set_title(f"{layer_name} 가중치 분포")
        axis.set_xlabel("가중치 값")
        axis.set_ylabel("개수")
    fig.tight_layout()
    # 범례는 두 칸 위에 한 번만: 막대를 가리지 않게
    fig.legend(*axes[0].get_legend_handles_labels(), loc="lower center", bbox_to_anchor=(0.5, 1.0),
               ncol=len(models))
    return fig


# %% mystnb={"image": {"alt": "훈련한 모델의 conv1과 conv2 가중치 분포를 두 칸에 그린 히스토그램. 가로축은 가중치 값, 세로축은 개수다. 가중치가 18,432개인 conv2는 0 근처가 가장 많고 양쪽으로 매끈하게 줄어든다. 288개뿐인 conv1은 막대가 울퉁불퉁하고 0에서 멀리 떨어진 큰 값이 몇 개 있다. 두 층 모두 양수와 음수가 섞여 있다."}} tags=["nbval-ignore-output"]
plot_weight_histograms({"훈련한 모델": model})
plt.show()

# %% [markdown]
# `conv2`의 가중치는 18,432개라서 히스토그램이 매끈하고, 0 근처에 가장 많으며 양쪽으로 갈수록 줄어듭니다.
# `conv1`은 가중치가 288개뿐이라 막대가 울퉁불퉁하고, 몇 개는 0에서 멀리 떨어진 큰 값을 가집니다. 두 층 모두
# 양수와 음수가 함께 있다는 점이 중요합니다. 양수 가중치는 "이 위치가 밝으면 출력을 키운다", 음수 가중치는 "이 위치가
# 밝으면 출력을 줄인다"는 뜻이므로, 한 필터 안에 둘이 섞여 있어야 밝기의 **차이**, 즉 경계선이나 무늬에 반응할 수 있습니다.
#
# 출력 하나를 계산할 때 `conv1`은 입력 9개를, `conv2`는 288개를 가중치와 곱해 더합니다. 더하는 항이 많은 층일수록
# 가중치 하나하나는 작아야 합이 적당한 크기로 유지됩니다. `conv2`의 표준 편차가 `conv1`보다 작은 것도 그래서입니다.
# 이 관계는 뒤에서 초기화를 다룰 때 식으로 다시 만납니다.
#
# ## 첫 번째 층의 필터 그리기
#
# `conv1`의 필터는 3×3 크기의 숫자 배열이므로 그대로 3×3 이미지로 그릴 수 있습니다. 필터 `i`는
# `kernel[:, :, 0, i]`입니다(입력 채널은 0번 하나뿐입니다). 가중치에는 부호가 있으므로 0을 흰색, 양수를 빨간색,
# 음수를 파란색으로 칠하는 색상표(`RdBu_r`)를 씁니다. 그리고 모든 필터를 같은 범위 $[-0.5, 0.5]$로 칠합니다. 필터마다
# 범위가 다르면 색의 진하기를 서로 비교할 수 없기 때문입니다. 이 범위를 벗어나는 값은 가장 진한 색으로 칠해집니다.
# 범위를 가장 큰 절댓값에 맞추면 그 몇 개 때문에 나머지 필터가 모두 흐려지므로, 대부분의 가중치가 들어가는 고정된
# 범위를 쓰는 편이 보기 좋습니다. 범위를 벗어나는 가중치가 몇 개인지는 그림 아래에서 세어 봅니다.
#
# 필터 번호는 왼쪽 위에서 시작해 행 순서로 매기고, 칸마다 위에 적어 둡니다. 첫 줄이 0~7번, 둘째 줄이 8~15번입니다.
# 함수가 `figure` 인자를 받게 하면, 뒤에서 그림 하나를 위아래로 나누어 두 모델의 필터를 함께 그릴 수 있습니다.

# %%
def plot_filters(kernel, title, figure=None, limit=0.5):
    """(3, 3, 1, 32) 가중치를 4×8 격자의 3×3 이미지 32장으로 그립니다."""
    figure = figure or plt.figure(figsize=(6.5, 3.6), layout="constrained")
    axes = figure.subplots(4, 8)
    for i, axis in enumerate(axes.flat):
        # 대칭 범위라야 0이 언제나 흰색입니다
        image = axis.imshow(kernel[:, :, 0, i], cmap="RdBu_r", vmin=-limit, vmax=limit)
        axis.set_title(str(i), fontsize=8, pad=2)  # 필터 번호: 본문의 "12번 필터"를 찾을 수 있게
        axis.axis("off")
    figure.colorbar(image, ax=axes, shrink=0.8)
    figure.suptitle(title)
    return figure


# %% mystnb={"image": {"alt": "훈련한 모델의 conv1 필터 32개를 4행 8열의 3×3 칸으로 그린 그림. 오른쪽 색 막대의 범위는 −0.5~0.5이고 양수는 빨강, 음수는 파랑, 0은 흰색이다. 한쪽은 빨갛고 반대쪽은 파란 경계선 필터 모양과, 진한 칸이 있는 필터를 찾아볼 수 있다."}} tags=["nbval-ignore-output"]
plot_filters(keras.ops.convert_to_numpy(conv1.kernel), "훈련한 모델의 conv1 필터 32개")
plt.show()

# %% tags=["nbval-ignore-output"]
outside = int((np.abs(keras.ops.convert_to_numpy(conv1.kernel)) > 0.5).sum())
print(f"색 범위 [-0.5, 0.5]를 벗어나 가장 진한 색으로 칠해진 가중치: {outside}개 / 288개")

# %% [markdown]
# 필터를 읽을 때는 "이 필터는 입력의 어떤 3×3 조각에서 가장 큰 값을 낼까?"라고 물어보면 됩니다. 합성곱은 조각과 필터를
# 칸마다 곱해서 더하므로, 빨간 칸은 밝고 파란 칸은 어두운 조각에서 출력이 가장 커집니다. 여기서 '밝다'는 픽셀값이
# 크다, 즉 옷이 있는 곳이라는 뜻입니다. 1장에서 말했듯이 이 책의 그림은 값이 큰 곳을 어둡게 그리므로 헷갈리지
# 마세요.
#
# - 한쪽이 빨갛고 반대쪽이 파란 필터는 **경계선 필터**입니다(1장). 위가 빨갛고 아래가 파랗다면 "위는 밝고 아래는 어두운"
#   가로 경계선에 반응합니다. 방향이 다른 경계선(세로, 대각선)을 찾는 필터도 있는지 찾아보세요.
# - 전체가 대부분 한 색인 필터는 밝기 자체(옷이 있는 곳인지 배경인지)에 반응합니다.
# - 뚜렷한 규칙이 보이지 않는 필터도 있습니다. 3×3은 아주 작아서 사람 눈에 의미 있는 모양이 아니어도 다음 층에서 다른
#   필터와 조합되어 쓰일 수 있습니다.
#
# 이미지가 28×28로 작고 필터가 3×3이라, 첫 번째 층이 배울 수 있는 것은 이처럼 **저수준 특성**(경계선, 밝기 변화)입니다.
# 더 복잡한 모양은 다음 층들이 이 특성들을 조합해서 만듭니다.
#
# ## 함수형 API로 중간 층의 출력 꺼내기
#
# 이제 필터가 실제 이미지에서 무엇을 만들어 내는지, 즉 특성 맵을 봅시다. 문제는 `model.predict()`가 마지막
# 출력층의 확률만 돌려준다는 점입니다. 중간 층의 출력을 얻으려면 **입력은 같지만 출력이 `conv1`인 모델**이 필요합니다.
#
# 5장에서 본 **함수형 API**(functional API)로 이런 모델을 만들 수 있습니다. 함수형 API는 입력과 출력을
# `keras.Model(inputs, outputs)`에 주어 모델을 만드는 방법입니다. `build_cnn()`은 `keras.Input`으로 시작하는
# `Sequential` 모델이므로, 만들어지는 순간 입력부터 출력까지 층들이 연결된 그래프가 정해집니다. 이 그래프에서
#
# - `model.inputs`는 모델의 입력 텐서를 담은 리스트이고,
# - `model.get_layer("conv1").output`은 `conv1` 층이 내놓는 출력 텐서입니다.
#
# 둘 다 실제 숫자가 아닌 '모양만 있는' 기호 텐서입니다. `keras.Model(inputs=..., outputs=...)`에 이 둘을 주면 Keras는
# 입력에서 그 출력까지 가는 길에 있는 층들(여기서는 `conv1` 하나)만 골라 새 모델을 만듭니다.

# %%
print("입력 텐서의 모양     :", model.inputs[0].shape)
print("conv1 출력 텐서의 모양:", model.get_layer("conv1").output.shape)

conv1_extractor = keras.Model(inputs=model.inputs, outputs=model.get_layer("conv1").output)

print("새 모델의 출력 모양:", conv1_extractor.output_shape)
# 새 모델은 층을 복사하지 않고 원래 모델의 층(과 가중치)을 그대로 함께 씁니다
print("원래 모델의 conv1과 같은 층 객체인가:", conv1_extractor.get_layer("conv1") is conv1)

# %% [markdown]
# 모양의 `None`은 배치 크기가 아직 정해지지 않았다는 뜻입니다. 새 모델 `conv1_extractor`는 훈련할 필요가 없습니다.
# 원래 모델과 **같은 층 객체**를 공유하므로 훈련한 가중치가 이미 들어 있습니다. 이처럼 중간 출력을 꺼내는 모델을 흔히
# 특성 추출기(feature extractor)라고 부릅니다.
#
# `keras.Input` 없이 층만 나열한 `Sequential` 모델은 입력 모양을 모르기 때문에, 데이터로 한 번 호출되기 전까지는 입력
# 텐서가 없습니다. 그런 모델에서 `model.inputs`를 쓰면 어떻게 되는지 봅시다. 6장에서처럼 이 셀은 **일부러 오류를
# 내고**, `helpers.show_error()`가 오류의 종류와 설명을 출력한 뒤 다음 셀로 넘어갑니다.

# %%
no_input = keras.Sequential(
    [keras.layers.Conv2D(32, 3, activation="relu", padding="same")], name="no_input"
)
with helpers.show_error():
    no_input.inputs

# %% [markdown]
# 출력된 `AttributeError: Sequential model 'no_input' has no defined inputs yet.`은 이 모델에 아직 입력이
# 정해지지 않았다는 뜻입니다. 이 책의 모델처럼 `keras.Input`으로 시작하면 이런 문제가 없습니다.
#
# ## 특성 맵을 그릴 이미지 고르기
#
# 검증 세트에서 **앵클 부츠**(클래스 9) 가운데 첫 번째 이미지를 고릅니다. 무작위로 고르지 않고 레이블로 찾으므로 언제
# 실행해도 같은 이미지가 나옵니다.

# %%
boot_index = int(np.flatnonzero(data.y_val == 9)[0])  # 검증 세트에서 처음 나오는 앵클 부츠
boot = data.x_val[boot_index:boot_index + 1]           # [i:i+1]: 배치 축을 남긴 한 장짜리 배치

boot_name = helpers.class_name(int(data.y_val[boot_index]))
print(f"검증 세트 {boot_index}번 이미지: {boot_name}, 모양 {boot.shape}")

# %% mystnb={"image": {"alt": "특성 맵을 그릴 이미지: 검증 세트에서 처음 나오는 앵클 부츠 한 장(28×28)."}}
plt.figure(figsize=(2.5, 2.5))
plt.imshow(boot[0, :, :, 0], cmap="gray_r")
plt.title("특성 맵을 그릴 이미지")
plt.axis("off")
plt.show()

# %% [markdown]
# 7장에서처럼 `predict()`에는 `[i:i+1]`로 배치 축을 남긴 한 장짜리 배치를 넣습니다. `conv1`은 세임 패딩을 쓰므로
# 특성 맵의 가로세로는 입력과 같은 28×28이고, 필터가 32개이므로 특성 맵도 32장입니다.

# %%
conv1_maps = conv1_extractor.predict(boot, verbose=0)
print(conv1_maps.shape)

# %% [markdown]
# 특성 맵의 값 하나를 직접 계산해서 확인해 봅시다. 2장에서 본 대로, 출력 위치 `(r, c)`의 값은 입력에서 그 위치를
# 가운데로 하는 3×3 조각과 필터를 칸마다 곱해 더하고 절편을 더한 뒤 렐루를 적용한 것입니다. 이미지 가운데 위치에서
# 가장 세게 반응한 필터를 골라 계산합니다(렐루가 0으로 만든 값이면 확인하는 의미가 적으니까요).
#
# $$\text{특성 맵}[r, c, k] = \max\Big(0,\ \sum_{i=0}^{2}\sum_{j=0}^{2} \text{패딩한 입력}[r+i, c+j] \cdot w[i, j, k] + b_k\Big)$$
#
# 세임 패딩은 가장자리에 0을 한 줄씩 덧붙이므로 `np.pad(image, 1)`로 흉내 낼 수 있습니다.

# %% tags=["nbval-ignore-output"]
image = boot[0, :, :, 0]
padded = np.pad(image, 1)        # 세임 패딩: 상하좌우에 0을 한 줄씩
kernel = keras.ops.convert_to_numpy(conv1.kernel)
bias = keras.ops.convert_to_numpy(conv1.bias)

r, c = 14, 14                              # 이미지 가운데
k = int(conv1_maps[0, r, c].argmax())      # 이 위치에서 가장 세게 반응한 필터
patch = padded[r:r + 3, c:c + 3]           # 출력 (r, c)를 만드는 입력 조각
total = float(np.sum(patch * kernel[:, :, 0, k]) + bias[k])
by_hand = max(0.0, total)                  # 렐루

print(f"{k}번 필터, 렐루 전의 합: {total:.6f}")
print(f"손으로 계산한 값 : {by_hand:.6f}")
print(f"Keras가 계산한 값: {conv1_maps[0, r, c, k]:.6f}")
assert np.isclose(by_hand, conv1_maps[0, r, c, k], atol=1e-5)

# %% [markdown]
# 두 값이 같습니다(`assert`도 통과했습니다). 특성 맵은 결국 "각 위치의 3×3 조각이 필터와 얼마나 닮았는가"를 적어 둔
# 지도입니다.
#
# ## 첫 번째 합성곱 층의 특성 맵
#
# 특성 맵을 격자로 그리는 함수를 만듭니다. 렐루를 거친 값은 0 이상이므로 모든 특성 맵을 **같은 범위**
# `[0, 가장 큰 값]`으로 칠합니다. 그래야 반응이 약한 특성 맵은 어둡게, 강한 특성 맵은 밝게 보여서 특성 맵끼리 비교할 수
# 있습니다. 특성 맵마다 따로 범위를 정하면 거의 0인 특성 맵도 밝게 보여 오해하기 쉽습니다.

# %%
def plot_feature_maps(maps, title, columns=8, figure=None):
    """(1, 높이, 너비, 개수) 특성 맵을 columns열 격자로, 모두 같은 색 범위로 그립니다."""
    maps = maps[0]                                   # 배치 축 제거
    count = maps.shape[-1]
    rows = -(-count // columns)                      # 올림 나눗셈
    cell = 7 / columns                               # 그림 너비 7인치를 열 수로 나눈 칸 크기
    figure = figure or plt.figure(figsize=(7, rows * cell + 0.4), layout="constrained")
    axes = figure.subplots(rows, columns, squeeze=False)
    for i, axis in enumerate(axes.flat):
        axis.axis("off")
        if i < count:  # 번호는 왼쪽 위부터 행 순서: 0, 1, 2, ...
            axis.imshow(maps[:, :, i], cmap="viridis", vmin=0, vmax=maps.max())
    figure.suptitle(title)
    return figure


# %% mystnb={"image": {"alt": "앵클 부츠 이미지에 대한 훈련한 모델의 conv1 특성 맵 32장(각 28×28)을 격자로 그린 그림. 밝을수록 필터가 강하게 반응한 곳이다. 많은 특성 맵에 부츠의 윤곽이 보이는데 필터마다 밝아지는 경계선의 방향이 다르다. 부츠 전체가 밝은 맵, 배경이 밝은 맵, 거의 어두운 맵도 있다."}} tags=["nbval-ignore-output"]
plot_feature_maps(conv1_maps, "훈련한 모델: conv1 특성 맵 32장 (28×28)")
plt.show()

# %% [markdown]
# 밝을수록 필터가 강하게 반응한 위치입니다. 필터 그림과 함께 보면 다음을 읽을 수 있습니다.
#
# - 많은 특성 맵에서 부츠의 **경계선**이 보입니다. 경계선 필터는 부츠의 위쪽이나 밑창처럼 그 방향의 경계선이
#   있는 곳에서만 밝아집니다. 같은 부츠라도 필터마다 밝아지는 경계선이 다릅니다.
# - 부츠 **전체**가 밝은 특성 맵은 밝기 자체에 반응하는 필터가 만든 것이고, 반대로 부츠가 어둡고 배경 쪽이 밝은
#   특성 맵은 "어두운 곳"에 반응하는 필터가 만든 것입니다.
# - 거의 새까만 특성 맵이 있다면, 이 이미지에는 그 필터가 찾는 패턴이 없거나 합이 음수가 되어 렐루가 모두 0으로 만든
#   것입니다. 다른 이미지에서는 반응할 수도 있습니다. 모두 0인 특성 맵이 몇 장인지는 아래 코드가 세어 줍니다.
#
# 첫 번째 층의 특성 맵은 아직 입력 이미지와 많이 닮았습니다. 각 값이 입력의 3×3 조각, 즉 아주 좁은 영역만 보고
# 계산되기 때문입니다.

# %% tags=["nbval-ignore-output"]
print("한 번도 반응하지 않은(모두 0인) conv1 특성 맵:", int((conv1_maps.max(axis=(0, 1, 2)) == 0).sum()), "/ 32")

# %% [markdown]
# ## 두 번째 합성곱 층의 특성 맵
#
# 같은 방법으로 `conv2`의 출력을 꺼냅니다. `conv2`의 입력은 `conv1`의 특성 맵을 최대 풀링으로 절반으로 줄인 14×14×32
# 배열이므로, 세임 패딩을 쓴 `conv2`의 특성 맵은 14×14 크기이고 64장입니다. 추출기는 입력에서 `conv2`까지 가는 길에
# 있는 층을 모두 포함합니다. 입력을 나타내는 `image`와 `conv1`, `pool1`, `conv2`입니다.

# %%
conv2_extractor = keras.Model(inputs=model.inputs, outputs=model.get_layer("conv2").output)
print([layer.name for layer in conv2_extractor.layers])
print("출력 모양:", conv2_extractor.output_shape)

# %% mystnb={"image": {"alt": "같은 앵클 부츠에 대한 훈련한 모델의 conv2 특성 맵 64장(각 14×14)을 격자로 그린 그림. 해상도가 낮아 첫 번째 층의 특성 맵보다 읽기 어렵고, 밑창이나 발목 같은 부츠의 일부에서만 밝아지는 맵이 많다."}} tags=["nbval-ignore-output"]
conv2_maps = conv2_extractor.predict(boot, verbose=0)
plot_feature_maps(conv2_maps, "훈련한 모델: conv2 특성 맵 64장 (14×14)")
plt.show()

# %% [markdown]
# 두 번째 층의 특성 맵은 읽기가 훨씬 어렵습니다. 그것이 정상입니다.
#
# 특성 맵의 값 하나를 계산하는 데 쓰인 입력 이미지의 영역을 그 값의 **수용 영역**(receptive field)이라고 합니다.
# `conv1`의 값 하나는 입력의 3×3 조각을 봅니다. `pool1`은 이웃한 두 칸을 하나로 묶으므로 그 값 하나는 4×4 픽셀을 보고,
# `conv2`의 3×3 필터는 2픽셀 간격으로 놓인 `pool1`의 세 칸을 보므로 $4 + 2 \times 2 = 8$, 즉 8×8 픽셀을 봅니다
# (가장자리에서는 패딩 때문에 실제 이미지가 그보다 작게 들어갑니다).
#
# - `conv2`의 값은 이렇게 더 넓은 영역을 보고, 게다가 필터 하나가 `conv1`의 특성 맵 32장을 **한꺼번에** 조합합니다.
#   그래서 "여기에 가로 경계선이 있다" 같은 단순한 특성보다 "밑창과 뒤꿈치가 만나는 모서리" 같은 더 **추상적인 특성**을
#   나타낼 수 있습니다.
# - 부츠의 일부분(예: 윗부분, 밑창, 앞코)에서만 밝아지는 특성 맵을 찾아보세요. 층이 깊어질수록 특성 맵은 입력
#   이미지의 모양을 덜 닮고, 분류에 쓸모 있는 정보를 더 많이 담게 됩니다.
# - 깊은 층의 필터는 더 특수한 패턴을 찾으므로 이미지 한 장에서는 일부만 강하게 반응합니다. 앵클 부츠가 아닌 다른
#   옷에서는 다른 특성 맵들이 밝아집니다(연습 1).

# %% tags=["nbval-ignore-output"]
print("한 번도 반응하지 않은(모두 0인) conv2 특성 맵:", int((conv2_maps.max(axis=(0, 1, 2)) == 0).sum()), "/ 64")

# %% [markdown]
# ## 훈련하지 않은 모델과 비교하기
#
# 지금까지 본 패턴은 정말 훈련이 만든 것일까요? 비교 대상이 있어야 알 수 있습니다. 같은 구조로 모델을 새로 만들되
# 훈련은 하지 않습니다. 훈련하지 않은 모델의 가중치는 만들어지는 순간 무작위로 정해지므로, 6장과 똑같이 시드를 먼저
# 고정합니다.

# %%
helpers.seed_everything(42)
untrained = helpers.build_cnn()

untrained_conv1 = untrained.get_layer("conv1")
untrained_conv2 = untrained.get_layer("conv2")

# %% [markdown]
# `keras.Input`으로 시작하는 모델은 만들 때 입력 모양을 알기 때문에 컴파일이나 훈련 없이도 가중치가 바로 만들어집니다.
#
# 6장에서는 `helpers.seed_everything(42)`로 시드를 고정한 바로 다음에 `helpers.build_cnn()`으로 모델을 만들고, 그
# 모델을 `model.fit()`으로 훈련했습니다. 이 책에 함께 들어 있는 모델도 6장의 그 코드로 훈련한 것입니다. 같은 시드로
# 같은 구조를 만들면 초기 가중치도 똑같으므로, 이 `untrained` 모델의 가중치는 훈련한 모델이 **출발한 가중치와
# 똑같습니다**. 시드를 다시 고정하고 한 번 더 만들어 확인해 봅시다.

# %%
def same_weights(first, second):
    """두 모델의 가중치 배열이 모두 똑같은지."""
    return all(np.array_equal(a, b) for a, b in zip(first.get_weights(), second.get_weights()))


helpers.seed_everything(42)
again = helpers.build_cnn()
unseeded = helpers.build_cnn()  # 시드를 다시 고정하지 않고 만든 모델

print("시드 42를 고정하고 만든 두 모델의 가중치가 같은가:", same_weights(untrained, again))
print("시드를 다시 고정하지 않고 만든 모델과도 같은가:", same_weights(untrained, unseeded))

# %% [markdown]
# 그러므로 아래의 비교는 서로 다른 두 모델이 아니라 한 모델의 훈련 전과 훈련 후를 비교하는 셈입니다.
#
# ### 처음 가중치는 어떻게 정해질까: 글로럿 균등 초기화
#
# `Conv2D`와 `Dense` 층은 따로 지정하지 않으면 가중치를 **글로럿 균등 초기화**(Glorot uniform, `"glorot_uniform"`)로,
# 절편을 0으로 초기화합니다. 글로럿 균등 초기화는 가중치를 구간 $[-a, a]$에서 **균등 분포**로 뽑습니다. 구간 안의 모든
# 값이 똑같은 확률로 나오므로 히스토그램이 평평한 상자 모양이 됩니다. 한계 $a$는 다음과 같습니다.
#
# $$a = \sqrt{\frac{6}{\text{fan}_\text{in} + \text{fan}_\text{out}}}$$
#
# $\text{fan}_\text{in}$은 출력 하나를 계산할 때 더하는 입력의 개수, $\text{fan}_\text{out}$은 입력 하나가 영향을 주는 출력의
# 개수입니다. 합성곱 층에서는 $\text{fan}_\text{in} = \text{커널 높이} \times \text{커널 너비} \times \text{입력 채널 수}$,
# $\text{fan}_\text{out} = \text{커널 높이} \times \text{커널 너비} \times \text{필터 개수}$입니다.
#
# - `conv1`: $\text{fan}_\text{in} = 3 \times 3 \times 1 = 9$, $\text{fan}_\text{out} = 3 \times 3 \times 32 = 288$이므로
#   $a = \sqrt{6/297} \approx 0.142$
# - `conv2`: $\text{fan}_\text{in} = 3 \times 3 \times 32 = 288$, $\text{fan}_\text{out} = 3 \times 3 \times 64 = 576$이므로
#   $a = \sqrt{6/864} \approx 0.083$
#
# 입력이 많은 층일수록 $a$가 작아지는 것이 핵심입니다. 출력은 입력과 가중치를 곱해 더한 값이므로, 더하는 항이 많은데
# 가중치까지 크면 층을 지날 때마다 값이 점점 커지고, 반대로 너무 작으면 점점 0으로 사라집니다. 글로럿 초기화는
# 층을 지나도 값(과 역전파되는 그레이디언트)의 크기가 비슷하게 유지되도록 가중치의 크기를 맞춥니다. 균등 분포
# $[-a, a]$의 분산은 $a^2/3$이므로 표준 편차는 $a/\sqrt{3}$입니다.

# %%
def glorot_limit(kernel_shape):
    """합성곱 가중치 (높이, 너비, 입력 채널, 필터 개수)의 글로럿 균등 분포 한계 a."""
    height, width, in_channels, filters = kernel_shape
    fan_in = height * width * in_channels
    fan_out = height * width * filters
    return np.sqrt(6 / (fan_in + fan_out))


for layer in (untrained_conv1, untrained_conv2):
    limit = glorot_limit(layer.kernel.shape)
    weights = keras.ops.convert_to_numpy(layer.kernel)
    inside = bool(np.all(np.abs(weights) <= limit))
    zero_bias = bool(np.all(keras.ops.convert_to_numpy(layer.bias) == 0))
    print(f"{layer.name}: 한계 a = {limit:.4f}, 기대하는 표준 편차 a/√3 = {limit / np.sqrt(3):.4f}")
    print(f"       가중치가 모두 [-a, a] 안에 있는가: {inside}, 절편이 모두 0인가: {zero_bias}")

# %% [markdown]
# 두 층 모두 가중치가 $[-a, a]$ 안에 있고 절편은 모두 0입니다. 실제로 뽑힌 가중치의 평균과 표준 편차도
# 봅시다. 평균은 0에, 표준 편차는 위에서 계산한 $a/\sqrt{3}$에 가까워야 합니다.

# %% tags=["nbval-ignore-output"]
for layer in (untrained_conv1, untrained_conv2):
    describe(f"{layer.name} 가중치", keras.ops.convert_to_numpy(layer.kernel))

# %% [markdown]
# ### 가중치 분포 비교
#
# 앞에서 만든 `plot_weight_histograms()`에 두 모델을 함께 넘기면 같은 칸에 겹쳐 그려집니다.

# %% mystnb={"image": {"alt": "훈련하지 않은 모델과 훈련한 모델의 conv1, conv2 가중치 히스토그램을 같은 칸에 겹쳐 그린 그림. 가로축은 가중치 값, 세로축은 개수다. 훈련하지 않은 모델은 좁은 구간 안에서 평평한 상자 모양이고 구간의 한계에서 뚝 끊긴다. 훈련한 모델은 그 상자에서 출발해 한계 밖으로 퍼져 나간 모양이다."}} tags=["nbval-ignore-output"]
plot_weight_histograms({"훈련하지 않은 모델": untrained, "훈련한 모델": model})
plt.show()

# %% [markdown]
# 훈련하지 않은 모델의 히스토그램은 $[-a, a]$ 안에서 평평하고, 한계에서 뚝 끊깁니다. 글로럿 균등 분포 그대로입니다.
# 훈련한 모델은 바로 이 상자에서 출발해 **옵티마이저가 손실을 줄이는 방향으로 가중치를 조금씩 옮긴 결과**입니다.
# 가중치가 상자의 한계 밖으로 얼마나 퍼져 나갔는지, 상자 모양이 얼마나 허물어졌는지 보세요. 많이 움직인 가중치일수록
# 필터에 뚜렷한 패턴을 만듭니다. 훈련 전보다 표준 편차가 얼마나 커졌는지는 앞에서 출력한 두 결과를 비교하면 됩니다.
#
# ### 필터 비교
#
# 두 모델의 `conv1` 필터를 그림 하나에 위아래로 그립니다. `figure.subfigures(2, 1)`로 그림을 위아래로 나누어 각
# 부분에 `plot_filters()`를 한 번씩 부릅니다. 양쪽 모두 같은 색 범위 $[-0.5, 0.5]$로 칠하므로 색의 진하기를 그대로
# 비교할 수 있습니다.

# %% mystnb={"image": {"alt": "위에는 훈련하지 않은 모델, 아래에는 훈련한 모델의 conv1 필터 32개를 같은 색 범위(−0.5~0.5, 양수 빨강, 음수 파랑, 0 흰색)로 그린 그림. 훈련하지 않은 필터는 옅은 색의 무작위 잡음이고, 훈련한 필터에는 더 진한 칸과 한쪽은 빨갛고 반대쪽은 파란 경계선 모양이 있다."}} tags=["nbval-ignore-output"]
fig = plt.figure(figsize=(6.5, 7), layout="constrained")
top, bottom = fig.subfigures(2, 1)
plot_filters(keras.ops.convert_to_numpy(untrained_conv1.kernel), "훈련하지 않은 모델의 conv1 필터", figure=top)
plot_filters(keras.ops.convert_to_numpy(conv1.kernel), "훈련한 모델의 conv1 필터", figure=bottom)
plt.show()

# %% [markdown]
# 훈련하지 않은 필터는 9개의 칸이 서로 아무 관계 없이 칠해진 무작위 잡음이고, 색도 옅습니다. 모든 값이 $\pm 0.142$
# 안에 있기 때문입니다. 훈련한 필터에서는 색이 더 진한 칸과, 한쪽은 빨갛고 반대쪽은 파란 경계선 필터의 모양을 찾아보세요.
# 이런 구조가 바로 훈련으로 얻은 것입니다. 3×3 필터는 작아서 무작위 필터와 훈련한 필터의 차이가 생각보다 작아 보일 수
# 있는데, 이 차이는 특성 맵에서 더 분명하게 드러납니다.
#
# ### 특성 맵 비교
#
# 훈련하지 않은 모델에도 같은 방법으로 특성 추출기를 만들고, 같은 부츠 이미지의 특성 맵을 훈련한 모델의 것과 위아래로
# 그립니다. 이번에는 `outputs`에 두 층의 출력을 리스트로 주어 추출기 하나로 두 층의 특성 맵을 한 번에 꺼냅니다.
# 출력이 리스트이면 `predict()`도 배열의 리스트를 돌려줍니다. 그림은 한 줄에 16장씩 그려 너무 길어지지 않게 합니다.

# %%
untrained_extractor = keras.Model(inputs=untrained.inputs,
                                  outputs=[untrained_conv1.output, untrained_conv2.output])

untrained_conv1_maps, untrained_conv2_maps = untrained_extractor.predict(boot, verbose=0)
print(untrained_conv1_maps.shape, untrained_conv2_maps.shape)

# %% mystnb={"image": {"alt": "앵클 부츠 이미지의 conv1 특성 맵 32장을 16열씩, 위 두 줄은 훈련하지 않은 모델, 아래 두 줄은 훈련한 모델로 그린 그림. 훈련하지 않은 모델의 특성 맵도 부츠 모양을 흐릿하게 보여 주지만, 훈련한 모델에서는 특정 방향의 경계선만, 밑창만, 또는 배경만 밝은 특성 맵처럼 필터마다 역할이 나뉘어 있다."}} tags=["nbval-ignore-output"]
fig = plt.figure(figsize=(7, 2.3), layout="constrained")  # 16열이면 한 칸이 7/16인치
top, bottom = fig.subfigures(2, 1)
plot_feature_maps(untrained_conv1_maps, "훈련하지 않은 모델: conv1 특성 맵", columns=16, figure=top)
plot_feature_maps(conv1_maps, "훈련한 모델: conv1 특성 맵", columns=16, figure=bottom)
plt.show()

# %% [markdown]
# 위아래 두 그림은 각자 자기 특성 맵의 가장 큰 값에 맞춰 칠했으므로, 밝기의 절대적인 크기가 아니라 **모양**을
# 비교하세요.
#
# 첫 번째 층에서는 훈련하지 않은 모델의 특성 맵도 부츠 모양을 꽤 잘 보여 줍니다. 놀랄 일은 아닙니다. 무작위 3×3
# 필터도 이웃한 픽셀 9개를 섞어 더하므로, 가중치의 합이 양수인 필터는 이미지를 흐릿하게 복사하고 나머지는 우연히 어느
# 방향의 밝기 변화에 약하게 반응합니다. 그래서 부츠 전체가 흐릿하게 밝은 특성 맵과 희미한 경계선이 대부분입니다.
# 훈련한 모델의 특성 맵에서는 특정 방향의 경계선만 밝은 특성 맵, 밑창에만 강하게 반응하는 특성 맵, 부츠가 아니라
# 배경이 밝은 특성 맵처럼 필터마다 맡은 역할이 나뉘어 있는지 찾아보세요.

# %% mystnb={"image": {"alt": "앵클 부츠 이미지의 conv2 특성 맵 64장을 16열씩, 위는 훈련하지 않은 모델, 아래는 훈련한 모델로 그린 그림. 훈련하지 않은 모델의 특성 맵은 부츠의 흐릿한 실루엣이거나 거의 어둡고, 훈련한 모델의 특성 맵은 밑창의 가로선이나 발목의 비스듬한 경계선처럼 부츠의 특정 부분에서만 밝아진다."}} tags=["nbval-ignore-output"]
fig = plt.figure(figsize=(7, 4.1), layout="constrained")
top, bottom = fig.subfigures(2, 1)
plot_feature_maps(untrained_conv2_maps, "훈련하지 않은 모델: conv2 특성 맵", columns=16, figure=top)
plot_feature_maps(conv2_maps, "훈련한 모델: conv2 특성 맵", columns=16, figure=bottom)
plt.show()

# %% [markdown]
# 두 번째 층에서는 차이가 더 커집니다. 훈련하지 않은 모델의 `conv2` 특성 맵은 무작위 필터를 두 번 거친 결과라서
# 부츠의 흐릿한 실루엣이거나 거의 어둡습니다. 흐리게 만드는 일을 두 번 했으니 첫 번째 층보다 더 뭉개졌을 뿐, 새로운
# 정보는 없습니다. 훈련한 모델에서는 밑창의 가로선이나 발목의 비스듬한 경계선처럼 부츠의 **특정 부분**에서만 밝아지는 특성
# 맵이 늘어납니다. 필터마다 "이런 부분이 여기에 있다"는 정보를 골라 담도록 역할이 나뉜 것입니다. 층이 깊어질수록
# "무작위 필터로도 우연히 생기는 것"과 "훈련으로 배운 것"의 차이가 커집니다.
#
# [직접 그려 보기](draw.md) 페이지에서는 여러분이 그리는 동안 두 합성곱 층의 특성 맵 32개와 64개가 어떻게 바뀌는지
# 볼 수 있습니다. 모델이 판단할 때 이미지의 어디를 보는지는 11장에서 Grad-CAM으로 살펴봅니다.
#
# ## 정리
#
# - `helpers.lesson_model()`은 6장에서 훈련한 모델(없으면 이 책을 만들 때 훈련한 모델)을 다시 훈련하지 않고 불러옵니다.
# - 합성곱 층의 가중치는 `layer.kernel`, 절편은 `layer.bias`에 있습니다. 가중치의 모양은 (커널 높이, 커널 너비, 입력
#   채널 수, 필터 개수)로, `conv1`은 `(3, 3, 1, 32)`, `conv2`는 `(3, 3, 32, 64)`입니다.
# - 첫 번째 층의 필터를 3×3 이미지로 그리면 한쪽은 양수, 반대쪽은 음수인 경계선 필터 같은 저수준 특성을 볼 수 있습니다.
# - 함수형 API의 `keras.Model(inputs=model.inputs, outputs=model.get_layer("conv1").output)`은 원래 모델의 층과
#   가중치를 공유하며 중간 층의 출력을 돌려주는 특성 추출기입니다. `keras.Input`으로 시작한 모델이라 `model.inputs`를
#   쓸 수 있습니다.
# - 첫 번째 층의 특성 맵은 입력 이미지를 닮은 경계선과 밝기 지도이고, 두 번째 층의 특성 맵은 8×8 픽셀의 수용 영역을 보는
#   더 추상적인 특성입니다. 이미지 한 장에서는 거의 또는 전혀 반응하지 않는 특성 맵도 있습니다.
# - 훈련하지 않은 가중치는 글로럿 균등 분포, 즉 $a = \sqrt{6/(\text{fan}_\text{in} + \text{fan}_\text{out})}$일 때
#   $[-a, a]$에서 평평한 분포를 따르고 절편은 0입니다. 같은 시드로 만든 모델은 가중치가 같으므로 훈련 전과 훈련 후를
#   비교할 수 있고, 그 차이는 깊은 층일수록 특성 맵에서 더 크게 드러납니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(8)

# %% [markdown]
# ### 연습 1. 가방의 특성 맵
#
# 검증 세트에서 처음 나오는 **가방**(클래스 8) 이미지의 번호를 `bag_index`에 넣고, 훈련한 모델의 `conv2` 특성 맵
# `bag_maps`를 구하세요. 그리고 특성 맵마다 평균값을 '반응 세기'로 보고, 가방에서 가장 세게 반응한 `conv2` 특성 맵
# 다섯 개의 번호를 큰 순서로 `bag_top5`에 넣으세요. 그다음 셀에서 특성 맵을 그리고 부츠의 다섯 개와 비교해 봅니다.
#
# <details><summary>풀이</summary>
#
# 부츠와 똑같이 레이블로 인덱스를 찾고, `[i:i+1]`로 배치 축을 남깁니다. 추출기 `conv2_extractor`는 그대로 다시
# 씁니다. `maps.mean(axis=(0, 1, 2))`는 배치, 높이, 너비 축을 평균해 특성 맵마다 값 하나를 남기고, `np.argsort()`를
# 뒤집으면 큰 순서의 번호가 됩니다. 두 출력에 함께 있는 번호는 옷의 가장자리처럼 여러 클래스에 공통인 특성에, 한쪽에만
# 있는 번호는 손잡이나 밑창처럼 그 클래스다운 특성에 반응한 필터일 가능성이 큽니다. 정확한 번호는 훈련에 따라 다릅니다.
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
bag_index = int(np.flatnonzero(data.y_val == 8)[0])  # 답: 검증 세트에서 처음 나오는 가방의 번호
bag = data.x_val[bag_index:bag_index + 1]  # 답: 배치 축을 남긴 한 장짜리 배치
bag_maps = conv2_extractor.predict(bag, verbose=0)  # 답: 가방의 conv2 특성 맵
bag_top5 = np.argsort(bag_maps.mean(axis=(0, 1, 2)))[::-1][:5]  # 답: 가장 세게 반응한 특성 맵 다섯 개
q[1].check(bag_index, bag_top5, labels=data.y_val, maps=bag_maps)

# %% tags=["solution", "nbval-ignore-output"]
# 답: 가방의 특성 맵을 그리고 부츠와 비교해 봅니다
plot_feature_maps(bag_maps, f"가방(검증 세트 {bag_index}번)의 conv2 특성 맵")
plt.show()

for name, maps in (("부츠", conv2_maps), ("가방", bag_maps)):
    strength = maps.mean(axis=(0, 1, 2))               # 특성 맵마다 평균 반응
    print(name, "가장 세게 반응한 특성 맵:", np.argsort(strength)[::-1][:5])

# %% [markdown]
# ### 연습 2. 출력이 여러 개인 특성 추출기
#
# 훈련하지 않은 모델에서 본 것처럼 `keras.Model`의 `outputs`에는 리스트를 줄 수 있습니다. 훈련한 모델에서 입력 하나를
# 받아 `conv1`, `pool1`, `conv2`, `pool2`의 출력 네 개를 한 번에 돌려주는 추출기 `extractor`를 만들고, 부츠 이미지에
# 대한 네 출력의 모양을 확인하세요. 각 모양이 왜 그렇게 되는지 설명해 보세요.
#
# <details><summary>풀이</summary>
#
# 앞에서 본 것처럼 출력이 리스트이면 `predict()`도 배열의 리스트를 돌려줍니다. 세임 패딩인 합성곱 층은 가로세로를 유지하고 채널 수를
# 필터 개수로 바꾸며, 최대 풀링은 채널 수를 유지하고 가로세로를 절반으로 줄입니다. 그래서
# 28×28×32 → 14×14×32 → 14×14×64 → 7×7×64가 됩니다.
#
# </details>

# %% tags=["solution"]
names = ["conv1", "pool1", "conv2", "pool2"]
extractor = keras.Model(inputs=model.inputs,  # 답: 출력이 네 개인 추출기
                        outputs=[model.get_layer(name).output for name in names])
outputs = extractor.predict(boot, verbose=0)  # 답: 부츠 이미지에 대한 네 출력
for name, output in zip(names, outputs):  # 답: 네 출력의 모양을 출력합니다
    print(f"{name:<6} {output.shape}")
q[2].check(extractor)

# %% [markdown]
# ### 연습 3. 밀집층의 글로럿 한계
#
# 밀집층 `hidden`의 가중치 모양은 `(3136, 100)`입니다. 밀집층에서는 $\text{fan}_\text{in}$이 입력 개수(3136),
# $\text{fan}_\text{out}$이 뉴런 개수(100)입니다. 글로럿 균등 분포의 한계 $a$를 계산하고, 훈련하지 않은 모델 `untrained`의
# `hidden` 가중치가 모두 $[-a, a]$ 안에 있는지(`inside`) 확인하세요. `conv1`의 한계보다 큰가요, 작은가요? 왜 그럴까요?
#
# <details><summary>풀이</summary>
#
# $a = \sqrt{6/(3136 + 100)} \approx 0.043$으로 `conv1`의 0.142보다 훨씬 작습니다. 뉴런 하나가 3,136개의 입력을 모두
# 더하므로, 합이 지나치게 커지지 않도록 가중치 하나하나를 작게 시작하는 것입니다. `3136`은 `pool2`의 출력
# 7×7×64를 평탄화한 길이입니다.
#
# </details>

# %% tags=["solution"]
hidden_kernel = keras.ops.convert_to_numpy(untrained.get_layer("hidden").kernel)
fan_in, fan_out = hidden_kernel.shape
a = np.sqrt(6 / (fan_in + fan_out))  # 답: 글로럿 균등 분포의 한계
inside = bool(np.all(np.abs(hidden_kernel) <= a))  # 답: 모든 가중치가 [-a, a] 안에 있는가
q[3].check(a, inside)

# %% [markdown]
# ### 연습 4. 훈련 전과 훈련 후의 가중치
#
# `untrained`는 훈련한 모델의 출발점과 같은 가중치를 가집니다. `conv1`, `conv2`, `hidden` 층마다 훈련 전 가중치와
# 훈련 후 가중치의 상관 계수를 계산해 딕셔너리 `corr`에 넣고, 훈련으로 가장 많이 바뀐 층의 이름을 `most_changed`에
# 넣으세요. 그다음 셀에서 `conv1`의 가중치 288개를 훈련 전 값(가로축)과 훈련 후 값(세로축)으로 산점도를 그려 봅니다.
# 점들이 대각선 $y = x$에서 얼마나 벗어나 있나요?
#
# <details><summary>풀이</summary>
#
# 대각선 위에 있는 점은 훈련으로 거의 변하지 않은 가중치이고, 대각선에서 멀리 떨어진 점은 훈련이 크게 바꾼
# 가중치입니다. 훈련이 가중치를 많이 옮길수록 점들이 대각선에서 멀어지고 상관 계수가 작아지며, 짧게 훈련한 모델일수록
# 상관 계수가 1에 가깝습니다.
#
# 출력된 세 값을 읽어 봅시다. 이 책의 모델에서는 `conv1`, `conv2`, `hidden` 순서로, 곧 출력에 가까운 층일수록 상관
# 계수가 작게 나옵니다. 세 층 모두 1보다 한참 작으므로 훈련이 출발점을 크게 바꾸었지만, `conv1`의 필터는 처음 모양을
# 가장 많이 간직합니다. 연습 3에서 본 것처럼 `hidden`은 가중치가 작은 범위($\pm 0.043$)에서 출발하므로 같은 크기만큼
# 움직여도 처음 값에 비해 큰 변화가 되고, 뉴런 하나가 3,136개의 입력을 받아 클래스를 가르는 일을 직접 떠맡습니다.
# `conv1`은 가중치가 288개뿐이고 한계가 넓게($\pm 0.142$) 시작해서, 경계선처럼 단순한 특성을 찾는 데 적은 변화로도
# 충분합니다. 여러분의 출력에서 순서가 다르다면, 훈련한 에포크 수와 시드가 어떻게 다른지 보세요.
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
corr = {}  # 답: 층 이름 → 훈련 전후 가중치의 상관 계수
for name in ("conv1", "conv2", "hidden"):  # 답: 층마다 상관 계수를 계산합니다
    before = keras.ops.convert_to_numpy(untrained.get_layer(name).kernel).ravel()
    after = keras.ops.convert_to_numpy(model.get_layer(name).kernel).ravel()
    corr[name] = float(np.corrcoef(before, after)[0, 1])
    print(f"{name:<6} 상관 계수 {corr[name]:.3f}")
most_changed = min(corr, key=corr.get)  # 답: 상관 계수가 가장 작은 층
q[4].check(corr, most_changed, untrained=untrained, trained=model)

# %% tags=["solution", "nbval-ignore-output"]
# 답: conv1의 가중치를 훈련 전과 후로 산점도에 그려 봅니다
before = keras.ops.convert_to_numpy(untrained.get_layer("conv1").kernel).ravel()
after = keras.ops.convert_to_numpy(model.get_layer("conv1").kernel).ravel()
plt.figure(figsize=(4, 4))
plt.scatter(before, after, s=8)
plt.axline((0, 0), slope=1, color="gray", linestyle="--")  # y = x: 변하지 않은 가중치
plt.xlabel("훈련 전 가중치")
plt.ylabel("훈련 후 가중치")
plt.title("conv1 가중치: 훈련 전과 후")
plt.show()

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [7. 평가와 예측](07_evaluate_and_predict.ipynb) · 다음: [9. 흔한 실수와 오류 메시지](09_common_mistakes.ipynb)
