# %% [markdown]
# # 11. 모델은 어디를 볼까: 설명 그림과 내 이미지
#
# 7장에서는 모델이 얼마나 맞히는지 재었고, 8장에서는 필터와 특성 맵을 들여다봤습니다. 이 장에서는 한 걸음 더
# 들어가 "모델이 이 이미지를 셔츠라고 판단할 때 **어디를** 근거로 삼았는가"를 묻습니다. 답하는 방법은 여럿이고,
# 방법마다 알려 주는 것과 알려 주지 못하는 것이 다릅니다. 세 가지를 직접 계산해 보고, 그 답이 얼마나 믿을 만한지도
# 숫자로 확인합니다. 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - Grad-CAM이 마지막 합성곱 층의 특성 맵과 그레이디언트로 "어디를 봤는지"를 계산하는 과정을 설명할 수 있습니다.
# - `Sequential` 모델에서 중간 층의 출력과 예측을 함께 내는 모델을 Keras의 공개 API로 만들 수 있습니다.
# - Grad-CAM, 돌출 맵, 가림 시험을 맞힌 예측과 틀린 예측에 적용하고 결과를 해석할 수 있습니다.
# - 이런 그림이 말해 주는 것과 말해 주지 못하는 것을 구별할 수 있습니다.
# - 직접 찍은 사진이나 그린 그림을 패션 MNIST와 같은 방법으로 모델 입력으로 바꾸고, 모델이 어디서 틀리는지(분포 이동) 설명할 수
#   있습니다.

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
from helpers import inside

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

# %% [markdown]
# ## 준비: 모델과 테스트 세트
#
# 8장처럼 6장의 모델을 `helpers.lesson_model()`로 불러옵니다. 다시 훈련하지 않습니다. 테스트 세트는 4장과 같은
# 방법으로 스케일을 조정한 것입니다.

# %% tags=["nbval-ignore-output"]
run = helpers.lesson_model()
model = run.model
data = helpers.load_splits()
x_test, y_test = data.x_test, data.y_test

probabilities = model.predict(x_test, verbose=0)
predicted = probabilities.argmax(axis=1)
print(f"테스트 정확도: {np.mean(predicted == y_test):.4f}")

# %% [markdown]
# ## Grad-CAM: 마지막 특성 맵에 그레이디언트로 가중치 주기
#
# 모델의 마지막 합성곱 층 `conv2`는 14×14 크기의 특성 맵 64장을 냅니다. 8장에서 봤듯이 특성 맵 한 장은 "이
# 위치에 이 필터가 찾는 무늬가 얼마나 있는가"를 나타냅니다. **Grad-CAM**(gradient-weighted class activation
# mapping)은 이 64장을 한 장으로 합치되, 클래스 점수를 올리는 데 기여한 맵에 큰 가중치를 줍니다.
#
# 1. 클래스 $c$의 점수 $y^c$를 특성 맵 $A^k$의 각 위치로 미분한 그레이디언트를 구합니다.
# 2. 맵마다 그레이디언트의 평균을 그 맵의 가중치로 씁니다: $\alpha_k = \frac{1}{14 \cdot 14}\sum_{i,j}
#    \frac{\partial y^c}{\partial A^k_{ij}}$.
# 3. 가중치를 곱해 더하고 음수는 버립니다: $L^c = \mathrm{ReLU}\left(\sum_k \alpha_k A^k\right)$.
#
# 결과는 14×14 지도이고, 입력 이미지 크기(28×28)로 늘려서 겹쳐 그립니다. 점수 $y^c$로는 클래스의 로그 확률
# $\log p_c$를 씁니다. 로그 확률은 그 클래스의 점수가 **다른 클래스보다** 얼마나 높은지를 재므로, 셔츠와 티셔츠처럼
# 비슷한 클래스를 가르는 곳을 찾는 데 알맞습니다(원래 논문은 소프트맥스 앞의 점수를 씁니다). 모델이 아주 확신할
# 때는(확률이 거의 1) 로그 확률이 거의 변하지 않아서 지도가 몇 칸에만 남기도 합니다.
#
# 계산하려면 한 번의 순전파에서 `conv2`의 출력과 모델의 예측을 **함께** 얻어야 합니다. 함수형 API로 입력은
# 같고 출력이 두 개인 모델을 만들면 됩니다. 이 책의 모델은 `keras.Input`으로 시작하는 `Sequential` 모델이라서
# `model.inputs`와 각 층의 `output`이 이미 계산 그래프로 연결되어 있습니다(입력 없이 만든 `Sequential` 모델에서는
# 이 방법이 실패합니다. 5장에서 `keras.Input`을 쓴 까닭 중 하나입니다).

# %% tags=["nbval-ignore-output"]
# model.output은 이 모델을 다른 모델의 층으로 호출했을 때의 출력이라 여기서는 없습니다. outputs[0]을 씁니다.
inner = keras.Model(model.inputs[0], [model.get_layer("conv2").output, model.outputs[0]])

first_shirt = np.flatnonzero(y_test == list(helpers.CLASS_NAMES_KO).index("셔츠"))[0]
image = x_test[first_shirt : first_shirt + 1]  # 테스트 세트의 첫 셔츠
with tf.GradientTape() as tape:
    maps, output = inner(image, training=False)
    class_index = int(keras.ops.argmax(output[0]))
    score = keras.ops.log(output[0, class_index])
gradients = tape.gradient(score, maps)  # maps와 같은 모양: (1, 14, 14, 64)

weights = keras.ops.mean(gradients, axis=(1, 2))  # 맵마다 하나: (1, 64)
cam = keras.ops.relu(keras.ops.sum(maps * weights[:, None, None, :], axis=-1))  # (1, 14, 14)
cam = keras.ops.convert_to_numpy(cam[0])

print("특성 맵:", maps.shape, "그레이디언트:", gradients.shape, "Grad-CAM:", cam.shape)
print("예측:", helpers.class_name(class_index), "/ 정답:", helpers.class_name(y_test[first_shirt]))

# %% mystnb={"image": {"alt": "테스트 세트의 첫 셔츠 이미지, 그 Grad-CAM 14×14 지도, 둘을 겹친 그림. 지도는 깃 둘레의 몇 칸이 가장 밝고, 소매와 몸통 가장자리에도 밝은 칸이 흩어져 있습니다."}}
fig, axes = plt.subplots(1, 3, figsize=(7.5, 2.8))
axes[0].imshow(image[0, :, :, 0], cmap="gray_r")
axes[0].set_title("입력 이미지")
axes[1].imshow(cam, cmap="jet")
axes[1].set_title("Grad-CAM 14×14")
axes[2].imshow(image[0, :, :, 0], cmap="gray_r")
axes[2].imshow(cam, cmap="jet", alpha=0.45, extent=(-0.5, 27.5, 27.5, -0.5))
axes[2].set_title("겹쳐 그리기")
for axis in axes:
    axis.axis("off")
plt.tight_layout()
plt.show()

# %% [markdown]
# 이 계산은 `helpers.inside.grad_cam()`에 그대로 들어 있습니다. 이 함수는 지도를 28×28로 늘리고 0~1 사이로
# 맞춰 여러 이미지를 한꺼번에 처리합니다.
#
# ## 두 가지 다른 방법: 돌출 맵과 가림 시험
#
# - **돌출 맵**(saliency map)은 점수를 입력 픽셀로 직접 미분한 그레이디언트의 크기입니다. "이 픽셀을 조금
#   바꾸면 점수가 얼마나 변하는가"를 28×28 해상도로 알려 줍니다. 계산은 빠르지만 그림에 잡음이 많습니다.
# - **가림 시험**(occlusion)은 이미지의 한 부분을 배경(0)으로 가리고 확률이 얼마나 떨어지는지 잽니다. 6×6 크기의
#   사각형을 2픽셀씩 옮겨 가며 144번 예측합니다. 미분이 필요 없어서 어떤 모델에나 쓸 수 있지만 느리고, 사각형
#   크기와 무엇으로 가리는지에 따라 결과가 달라집니다.
#
# ## 맞힌 예측과 틀린 예측
#
# 7장의 혼동 행렬에서는 셔츠, 티셔츠/탑, 스웨터, 코트 같은 상의끼리 가장 많이 헷갈렸습니다. 테스트 세트에서 차례로
# 찾은 첫 이미지들을 씁니다(결과를 보고 고르지 않았습니다): 셔츠를 맞힌 것, 셔츠를 티셔츠/탑으로 틀린 것, 코트를
# 맞힌 것, 코트를 스웨터로 틀린 것.

# %% tags=["nbval-ignore-output"]
names = list(helpers.CLASS_NAMES_KO)
cases = [("셔츠", "셔츠"), ("셔츠", "티셔츠/탑"), ("코트", "코트"), ("코트", "스웨터")]
chosen = []
for truth, guess in cases:
    found = np.flatnonzero((y_test == names.index(truth)) & (predicted == names.index(guess)))
    if len(found):
        chosen.append(found[0])
        print(f"정답 {truth}, 예측 {guess}: 테스트 이미지 {found[0]}번")
    else:
        print(f"정답 {truth}, 예측 {guess}: 이 모델에는 그런 이미지가 없습니다")

# %% mystnb={"image": {"alt": "네 줄의 그림. 줄마다 테스트 이미지와 그 Grad-CAM, 돌출 맵, 가림 시험 지도가 있습니다. 첫째 줄은 맞힌 셔츠로 Grad-CAM이 깃을 가리킵니다. 둘째 줄은 티셔츠/탑으로 틀린 셔츠로, Grad-CAM은 어깨와 깃 둘레를, 가림 시험은 아랫단을 가리킵니다. 셋째 줄은 맞힌 코트로 Grad-CAM은 왼쪽 앞섶을, 가림 시험은 가운데 여밈을 가리킵니다. 넷째 줄은 스웨터로 틀린 코트로 두 지도 모두 목 둘레를 가리킵니다. 돌출 맵은 세 방법 가운데 가장 흩어져 있습니다."}}
fig = inside.plot_explanations(model, x_test[chosen], y_test[chosen])
plt.show()

# %% [markdown]
# 그림을 읽을 때는 다음을 눈여겨보세요.
#
# - Grad-CAM은 14×14를 늘린 것이라 뭉툭합니다. "옷의 윗부분" 정도는 알려 주지만 "단추 세 번째"처럼 세밀한
#   위치는 알려 주지 못합니다.
# - 돌출 맵은 픽셀 단위로 세밀하지만 흩어져 있습니다. 옷의 경계선처럼 값이 급하게 바뀌는 곳에서 크게 나오는
#   경향이 있어서, "중요한 곳"이라기보다 "민감한 곳"으로 읽어야 합니다.
# - 가림 시험은 실제로 가렸을 때 확률이 얼마나 떨어지는지를 보여 주므로 해석이 가장 직접적입니다. 다만 한 번에
#   한 부분만 가리므로 여러 부분이 함께 작용하는 경우는 알려 주지 못합니다.
# - 틀린 예측에서도 지도가 옷 위를 가리킨다는 것은 모델이 배경이 아니라 옷을 보고 틀렸다는 뜻입니다. 무엇을
#   잘못 보았는지(깃이 없다고 본 것인지)까지는 이 그림만으로 알 수 없습니다.
#
# ## 이 지도는 얼마나 믿을 만할까
#
# 지도가 정말로 판단의 근거를 가리킨다면, 지도가 가장 높게 매긴 부분을 가렸을 때 가장 낮게 매긴 부분을 가렸을
# 때보다 점수가 더 많이 떨어져야 합니다. 테스트 세트의 첫 200장에서 옷에 해당하는 픽셀(0이 아닌 픽셀)의 5분의
# 1을 각각 가려 보고, 로그 확률이 더 떨어진 쪽을 셉니다. 지도 대신 무작위로 순위를 매기면 이 비율은 0.5 근처가
# 됩니다.

# %% tags=["nbval-ignore-output"]
sample = x_test[:200]
sample_predicted = predicted[:200]
rows = np.arange(len(sample))


def log_probability(images):
    chosen_class = model.predict(images, verbose=0)[rows, sample_predicted]
    return np.log(chosen_class.astype("float64") + 1e-30)


rng = np.random.default_rng(0)
heatmaps = {
    "Grad-CAM": inside.grad_cam(model, sample, sample_predicted),
    "돌출 맵": inside.saliency(model, sample, sample_predicted),
    "무작위 순위": rng.random(sample.shape[:3]),
}
for name, heat in heatmaps.items():
    top, bottom = inside.object_ranked_masks(sample, heat)
    covered_top, covered_bottom = inside.cover(sample, top), inside.cover(sample, bottom)
    hurts_more = log_probability(covered_top) < log_probability(covered_bottom)
    print(f"{name}: 높게 매긴 곳을 가렸을 때 더 떨어진 비율 {hurts_more.mean():.4f}")

# %% [markdown]
# 무작위 순위보다 높다면 지도가 판단의 근거와 관련이 있다는 뜻이지만, 1에서 멀다면 "지도가 가리키는 곳 = 모델이
# 본 곳"이라고 단정할 수는 없다는 뜻이기도 합니다. 설명 그림은 가설을 세우는 도구이지 증명이 아닙니다.
#
# ## 더 강한 모델에서는
#
# 10장의 모델은 합성곱 블록이 세 개라서 마지막 특성 맵이 7×7입니다. Grad-CAM의 해상도는 더 거칠어집니다.
# 층 이름은 `helpers.inside.last_conv_layer()`가 찾아 줍니다(배치 정규화 뒤의 ReLU 층 `relu3`).

# %% mystnb={"image": {"alt": "10장의 더 강한 모델로 같은 네 이미지를 설명한 그림. 이 모델은 둘째 줄의 셔츠를 맞히고 넷째 줄의 코트를 스웨터로 틀립니다. 7×7 지도를 늘린 Grad-CAM은 6장의 모델보다 큰 덩어리이고, 몇 줄에서는 이미지 구석의 배경을 가리킵니다. 가림 시험은 옷의 윗부분과 가운데를 가리킵니다."}}
# 10장에서 훈련해 둔 모델이 있으면 그 모델을, 없으면 이 책을 만들 때 훈련한 모델을 씁니다
strong_run = helpers.find_run(helpers.STRONG_RECIPE, data=data) or helpers.book_model("strong")
strong = strong_run.model
print("마지막 합성곱 블록의 층:", inside.last_conv_layer(strong))
fig = inside.plot_explanations(strong, x_test[chosen], y_test[chosen])
plt.show()

# %% [markdown]
# 같은 이미지라도 모델이 다르면 지도가 다릅니다. 이 모델의 Grad-CAM은 7×7 지도의 한 칸이 4×4 픽셀을 덮을 만큼 거칠고,
# 몇몇 이미지에서는 옷이 아닌 구석의 배경에 값을 줍니다. 그렇다고 모델이 배경을 보고 판단했다고 단정할 수는 없습니다.
# 가림 시험에서는 그 구석을 가려도 확률이 거의 떨어지지 않기 때문입니다. 한 가지 지도만 믿지 말고 여러 방법을 견주어
# 보라는 앞의 결론이 여기서도 맞습니다.

# %% [markdown]
# ## 내 이미지로 시험하기
#
# 이제 여러분이 그린 그림이나 휴대폰으로 찍은 사진을 모델에 넣어 봅시다. 그대로 넣으면 안 됩니다. 패션 MNIST의
# 이미지는 상품을 찍은 사진을 정해진 방법으로 바꾼 것이고, 모델은 그렇게 만든 이미지만 봤기 때문입니다. 패션 MNIST를
# 만든 사람들은 상품 이미지에서 물체만 잘라 내고, 긴 변이 28픽셀이 되도록 줄이고, 가운데에 놓고, 흑백으로 바꾸고,
# 밝기를 뒤집었습니다(배경 0, 물체가 밝음).
# `helpers.prepare_own_image()`가 같은 단계를 밟습니다.
#
# 1. 투명한 부분은 흰색으로 채우고 흑백으로 바꿉니다.
# 2. 배경(이미지 가장자리의 밝기)이 밝으면 밝기를 뒤집어 물체가 밝고 배경이 0이 되게 합니다.
# 3. 물체가 있는 영역만 잘라 내고, 짧은 변 양쪽에 0을 덧붙여 정사각형으로 만듭니다.
# 4. 28×28로 줄입니다. 물체의 긴 변이 이미지를 가득 채웁니다.
#
# 이 단계와 상수는 `helpers/own_image_spec.json` 한 파일에만 적혀 있고, 이 책의 [직접 그려 보기](draw.md) 페이지도
# 같은 파일을 읽어서 브라우저 안에서 똑같이 계산합니다.
#
# 이 책과 함께 배포하는 예시 그림 네 장으로 먼저 해 봅니다. 펜으로 그린 티셔츠, 고르지 않은 조명에서 찍은 바지,
# 색이 있는 탁자 위의 운동화, 배경이 투명한 PNG 가방입니다(이 책을 위해 코드로 그린 그림입니다). Colab에서는 아래
# 셀의 `UPLOAD`를 `True`로 바꾸면 파일 선택 단추가 나타나고, 로컬 Jupyter에서는 `my_images`에 파일 경로를 넣으면
# 됩니다.

# %%
UPLOAD = False  # Colab에서 True로 바꾸면 내 파일을 올릴 수 있습니다

if UPLOAD:
    from google.colab import files

    my_images = list(files.upload().values())  # 파일 이름 → 내용(bytes)
else:
    my_images = helpers.own_image.sample_images()  # 또는 ["my_photo.jpg"]처럼 경로를 적습니다
print(len(my_images), "장")

# %% mystnb={"image": {"alt": "예시 그림 한 장(펜으로 그린 티셔츠)이 모델 입력이 되기까지의 여섯 단계를 한 줄로 보여 주는 그림: 원본, 흑백, 밝기를 뒤집어 물체가 밝아진 이미지, 물체만 잘라 낸 이미지, 정사각형으로 채운 이미지, 28×28 입력."}}
fig = helpers.plot_own_image_steps(my_images[-1])
plt.show()

# %% [markdown]
# 네 장 모두 모델에 넣고, 7장처럼 예측한 클래스와 확률을 봅니다.

# %% tags=["nbval-ignore-output"]
inputs = np.concatenate([helpers.prepare_own_image(source) for source in my_images])
own_probabilities = model.predict(inputs, verbose=0)
for source, p in zip(my_images, own_probabilities):
    name = getattr(source, "name", "올린 파일")
    print(f"{name}: {helpers.class_name(p.argmax())} ({p.max():.4f})")

# %% mystnb={"image": {"alt": "네 예시 그림을 28×28로 바꾼 입력과 각각에 대한 모델의 열 가지 클래스 확률 막대그래프. 이미지마다 가장 긴 막대가 모델의 예측입니다."}}
fig, axes = plt.subplots(
    len(inputs), 2, figsize=(7.5, 1.6 * len(inputs)), gridspec_kw={"width_ratios": [1, 3]}
)
for row, (own, p) in enumerate(zip(inputs, own_probabilities)):
    axes[row, 0].imshow(own[:, :, 0], cmap="gray_r")
    axes[row, 0].axis("off")
    axes[row, 1].barh(helpers.CLASS_NAMES_KO, p, color="tab:blue")
    axes[row, 1].set_xlim(0, 1)
    axes[row, 1].invert_yaxis()
    axes[row, 1].tick_params(labelsize=7)
plt.tight_layout()
plt.show()

# %% [markdown]
# 맞힌 것도 있고 틀린 것도 있을 것입니다. 테스트 세트에서 열에 아홉을 맞히는 모델이 왜 내 이미지에서는 자주 틀릴까요? 모델은
# 훈련 세트와 **같은 방식으로 만든** 이미지에서만 그 정확도를 냅니다. 훈련 세트와 다른 분포의 입력을 만나면 성능이
# 떨어지는 것을 **분포 이동**(domain shift)이라고 합니다. 내 이미지가 패션 MNIST와 다른 점은 많습니다.
#
# - 패션 MNIST는 쇼핑몰에서 상품만 찍은 사진이라 물체가 정면에서, 주름 없이, 고른 배경 위에 놓여 있습니다. 사람이 입은 옷,
#   비스듬히 찍은 사진, 무늬가 있는 배경은 훈련 세트에 없습니다.
# - 밝기가 고르지 않으면 배경의 일부가 물체로 잘려 들어가고, 그림자가 옷의 일부처럼 보입니다.
# - 펜으로 그린 그림은 선만 있고 옷감의 밝기 변화가 없습니다. 모델이 배운 질감과 다릅니다.
# - 28×28로 줄이면 단추나 옷깃 같은 세부는 사라집니다.
#
# 나아지게 하는 방법도 있습니다. 단색 배경에서 물체만 가득 차게 찍으면 입력이 훈련 세트에 가까워집니다. 모델 쪽에서는
# 10장의 데이터 증강으로 위치·크기·회전의 차이에 덜 민감하게 만들 수 있고, 직접 찍은 사진을 조금 모아 레이블을 붙여 추가로
# 훈련(미세 조정)하면 가장 확실합니다. 더 큰 이미지를 다루려면 `keras.applications`의 사전 훈련된 모델로 전이 학습을
# 하는 것이 보통입니다([더 읽을거리](further_reading.md)).
#
# 이미지가 아닌 파일이나 아무것도 그려지지 않은 이미지를 넣으면 무엇이 잘못되었는지 한국어 문장으로 알려 줍니다.

# %%
with helpers.show_error():
    helpers.prepare_own_image(b"this is not an image")
with helpers.show_error():
    helpers.prepare_own_image(np.full((100, 100), 255, dtype=np.uint8))  # 빈 흰 종이

# %% [markdown]
# ## 정리
#
# - Grad-CAM은 마지막 합성곱 층의 특성 맵을 클래스 점수의 그레이디언트 평균으로 가중합해 "어디를 봤는지"를
#   특성 맵의 해상도로 보여 줍니다.
# - `Sequential` 모델이라도 `keras.Input`으로 시작했다면 `keras.Model(model.inputs, [층.output, model.outputs[0]])`로
#   중간 출력과 예측을 함께 내는 모델을 만들 수 있습니다.
# - 돌출 맵은 픽셀 단위의 민감도, 가림 시험은 실제로 가렸을 때의 변화를 보여 줍니다.
# - 어떤 방법도 "왜"를 직접 말해 주지 않습니다. 가려 보기 같은 시험으로 지도가 얼마나 믿을 만한지 확인해야
#   합니다.
# - 내 이미지는 패션 MNIST를 만든 방법대로 바꿔야 모델에 넣을 수 있고(`helpers.prepare_own_image()`), 그래도 훈련
#   세트와 분포가 다르면 정확도가 떨어집니다(분포 이동).

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(11)

# %% [markdown]
# ### 연습 1. 첫 합성곱 층의 Grad-CAM
#
# 앞에서 고른 네 이미지(`x_test[chosen]`)의 Grad-CAM을 마지막 합성곱 층 `conv2` 대신 첫 합성곱 층 `conv1`에서 계산해
# `cam_conv1`에 넣으세요. `conv2`의 지도와 무엇이 다른가요?
#
# <details><summary>풀이</summary>
#
# `conv1`의 특성 맵은 28×28이라 지도가 더 세밀하지만, 첫 층의 필터는 경계선처럼 단순한 무늬에 반응하므로 어느
# 클래스인지와는 관계가 약합니다. 지도는 옷의 경계선을 따라 흩어지고, 셔츠와 티셔츠를 가르는 곳을 짚지 못합니다.
# Grad-CAM이 보통 마지막 합성곱 층에서 계산하는 이유입니다: 해상도는 거칠어도 클래스에 가까운 특성을 봅니다.
#
# </details>

# %% tags=["solution"]
cam_conv1 = inside.grad_cam(model, x_test[chosen], layer="conv1")  # 답: conv1에서 계산한 Grad-CAM
q[1].check(cam_conv1, model=model, images=x_test[chosen])

# %% [markdown]
# ### 연습 2. 더 큰 사각형으로 가리기
#
# 앞에서 Grad-CAM을 단계별로 계산한 첫 셔츠(`image`)로 가림 시험을 다시 하되, 6×6 대신 10×10 사각형으로 가려
# `drop_big`에 넣고, 확률이 가장 많이 떨어진 위치(행, 열)를 `peak`에 넣으세요.
#
# <details><summary>풀이</summary>
#
# `inside.occlusion(model, image, patch=10)`입니다. 사각형이 크면 한 번에 더 넓은 부분이 사라지므로 확률이 더 크게
# 떨어지고, 지도는 더 뭉툭해집니다. 가림 시험의 결과는 사각형 크기와 가리는 값에 달려 있다는 뜻입니다.
#
# </details>

# %% tags=["solution"]
drop_big = inside.occlusion(model, image, patch=10)  # 답: 10×10으로 가린 가림 시험
peak = np.unravel_index(drop_big.argmax(), drop_big.shape)  # 답: 가장 많이 떨어진 위치
q[2].check(drop_big, peak, model=model, image=image)

# %% [markdown]
# ### 연습 3. 확신할수록 빈 지도
#
# 모델이 거의 확신하는 이미지(확률 0.9999 이상)에서는 Grad-CAM 지도가 몇 칸에만 남곤 합니다. 점수로 로그 확률을 쓸 때
# 왜 그런지 설명해 보세요. 생각해 보는 문제이므로 답을 정한 뒤 접힌 풀이나 `q[3].solution()`과 견주어 보세요.
#
# <details><summary>풀이</summary>
#
# 로그 확률은 $\log p_c = z_c - \log \sum_j e^{z_j}$이고, 이것을 $z_c$로 미분하면 $1 - p_c$입니다. $p_c$가
# 1에 가까우면 이 값이 0에 가까우므로, 특성 맵을 조금 바꾸어도 로그 확률은 거의 변하지 않습니다. 그레이디언트가
# 거의 0이 되면 맵마다의 가중치 $\alpha_k$도 거의 0이 되고, ReLU를 지나면 몇 칸만 남습니다. 지도가 비었다고 모델이
# 아무 데도 보지 않은 것이 아니라, 이미 충분히 확신해서 "더 올릴 곳"이 없다는 뜻입니다. 이럴 때는 소프트맥스 앞의
# 점수 $z_c$를 쓰거나 가림 시험으로 확인합니다.
#
# </details>

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [10. 더 강한 모델 만들기](10_stronger_model.ipynb) · 다음: [직접 그려 보기](draw.md)
