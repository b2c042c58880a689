# %% [markdown]
# # 4. 데이터 준비
#
# 지금까지는 합성곱 층과 풀링 층이 무엇을 하는지 작은 배열로 살펴보았습니다. 이제부터는 실제 데이터로
# 분류기를 만듭니다. 그 첫걸음은 모델이 아니라 **데이터**입니다. 원본 노트(8-2)에서는 데이터 준비가 세 줄로 끝납니다.
#
# ```python
# (train_input, train_target), (test_input, test_target) = keras.datasets.fashion_mnist.load_data()
# train_scaled = train_input.reshape(-1, 28, 28, 1) / 255.0
# train_sclaed, val_scaled, train_target, val_target = train_test_split(
#     train_scaled, train_target, test_size=0.2, random_state=42)
# ```
#
# (셋째 줄에는 작은 오타가 하나 숨어 있는데, 결과를 크게 바꿉니다. 무엇인지는 이 장의 뒷부분에서 봅니다.)
# 짧지만 한 줄 한 줄에 이유가 있습니다. 이 장에서는 세 줄을 하나씩 풀어 보면서 배열의 모양과 자료형이
# 어떻게 바뀌는지, 왜 그렇게 바꾸는지를 코드로 확인합니다. 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - 패션 MNIST를 불러오고 배열의 모양, 자료형, 값의 범위를 확인합니다.
# - 열 가지 클래스의 이름과 클래스별 이미지 개수를 살펴봅니다.
# - 흑백 이미지에도 채널 축을 붙여 4차원 배열로 만드는 이유를 이해합니다.
# - 픽셀값을 `float32`로 0~1 사이에 맞추는 스케일 조정을 하고, 왜 `float32`인지 설명할 수 있습니다.
# - 훈련 이미지 60,000장을 훈련 세트 48,000장과 검증 세트 12,000장으로 나눕니다.
# - 원본 노트의 세 줄이 다음 장부터 쓸 `helpers` 함수의 무엇과 같은지 압니다.

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
import pandas as pd
from sklearn.model_selection import train_test_split

# %% [markdown]
# ## 데이터 불러오기
#
# 패션 MNIST는 옷, 신발, 가방을 찍은 28×28 픽셀 흑백 이미지 70,000장입니다. 60,000장은 훈련용, 10,000장은
# 테스트용으로 미리 나뉘어 있습니다. Keras는 이 데이터를 `keras.datasets.fashion_mnist.load_data()` 한 줄로
# 불러옵니다. 이 함수는 먼저 내 컴퓨터의 Keras 캐시 폴더(보통 `~/.keras/datasets/fashion-mnist`)를 살펴보고,
# 파일이 없을 때만 인터넷에서 내려받습니다.
#
# 이 책을 인터넷이 없는 곳에서 실행할 수도 있으므로, `helpers.load_fashion_mnist()`가 먼저 Debian 패키지
# `dataset-fashion-mnist`의 파일을 검사해서 그 캐시 폴더에 복사해 둡니다. 그다음에는 원본 노트의 호출이
# 그대로 동작합니다. Colab처럼 인터넷이 되는 곳에서는 Keras가 평소처럼 내려받습니다.

# %%
(x_train_all, y_train_all), (x_test, y_test) = helpers.load_fashion_mnist()

# 캐시가 채워졌으니 원본 노트의 호출도 인터넷 없이 동작합니다.
(train_input, train_target), (test_input, test_target) = keras.datasets.fashion_mnist.load_data()

ours = [x_train_all, y_train_all, x_test, y_test]
keras_own = [train_input, train_target, test_input, test_target]
print("두 방법으로 불러온 배열 네 쌍이 모두 같은가:", all(map(np.array_equal, ours, keras_own)))

# %% [markdown]
# 두 함수는 똑같은 배열을 돌려주므로 이제 한쪽만 쓰면 됩니다. 원본 노트의 변수는 지웁니다.
# 이미지 배열은 변수 이름을 `x`, 정답(레이블) 배열은 `y`로 시작하게 짓겠습니다.

# %%
del train_input, train_target, test_input, test_target, ours, keras_own

# %% [markdown]
# ## 모양과 자료형
#
# 데이터를 불러왔으면 가장 먼저 **모양**(shape)과 **자료형**(dtype)을 확인하는 습관을 들이세요. 신경망 코드에서
# 만나는 오류는 배열의 모양이 예상과 다를 때 생기는 경우가 아주 많습니다(9장).

# %%
print("훈련 이미지:", x_train_all.shape, x_train_all.dtype)
print("훈련 레이블:", y_train_all.shape, y_train_all.dtype)
print("테스트 이미지:", x_test.shape, x_test.dtype)
print("테스트 레이블:", y_test.shape, y_test.dtype)
print("픽셀값 범위:", x_train_all.min(), "~", x_train_all.max())

# %% [markdown]
# 이미지 배열은 (이미지 개수, 높이, 너비) 모양의 3차원 배열입니다. 자료형 `uint8`은 부호 없는 8비트 정수로,
# 0부터 255까지 256가지 값만 담을 수 있어 픽셀 하나에 1바이트면 됩니다. 0은 배경, 255는 가장 밝은 부분입니다.
#
# 첫 번째 이미지 한가운데의 6×8 픽셀을 숫자로 찍어 보면, 이미지도 결국 숫자 배열이라는 것이 실감 납니다.
# 왼쪽의 0 근처 값은 배경이고, 오른쪽의 200 안팎의 값은 물건(여기서는 신발)입니다.

# %%
print(x_train_all[0, 8:14, 10:18])

# %% [markdown]
# 레이블은 0부터 9까지의 정수 하나입니다. 이미지 한 장에 정수 하나가 대응하므로 레이블 배열은 1차원입니다.
# 이처럼 정답을 클래스 번호 하나로 적은 레이블을 **희소 레이블**(sparse label)이라고 합니다. 정답 위치만 1이고
# 나머지가 0인 길이 10의 벡터로 적는 **원-핫 인코딩**과 대비되는 말입니다(6장에서 손실 함수를 고를 때 다시 나옵니다).

# %%
print("처음 10개 레이블:", y_train_all[:10])

# %% [markdown]
# ## 열 가지 클래스
#
# 레이블 번호가 무엇을 뜻하는지는 데이터셋 문서에 정해져 있습니다. `helpers.CLASS_NAMES_KO`와
# `helpers.CLASS_NAMES_EN`에 한국어와 영어 이름을 번호 순서대로 담아 두었습니다. pandas로 표를 만들어 봅시다.

# %%
classes = pd.DataFrame({"한국어": helpers.CLASS_NAMES_KO, "영어": helpers.CLASS_NAMES_EN})
classes.index.name = "레이블"
classes

# %% [markdown]
# 번호 하나의 이름만 필요할 때는 `helpers.class_name()`을 씁니다. 첫 번째 훈련 이미지의 레이블은 9였으니
# 앵클 부츠입니다.

# %%
label = y_train_all[0]
print(label, "→", helpers.class_name(label), "/", helpers.class_name(label, lang="en"))

# %% [markdown]
# ## 클래스 분포
#
# 클래스마다 이미지가 몇 장씩 있는지도 확인해야 합니다. `np.bincount`는 0, 1, 2, … 각 정수가 배열에 몇 번
# 나오는지 세어 줍니다.

# %%
print("훈련:", np.bincount(y_train_all))
print("테스트:", np.bincount(y_test))

# %% [markdown]
# 훈련 이미지는 클래스마다 정확히 6,000장, 테스트 이미지는 1,000장씩입니다. 이렇게 **균형 잡힌** 데이터에서는
# **정확도**(accuracy), 즉 맞힌 이미지의 비율이 좋은 성능 지표가 됩니다. 아무렇게나 찍으면 정확도가
# $1/10$, 즉 0.1000이므로 이 값이 넘어야 할 최소 기준입니다.
#
# 만약 한 클래스가 전체의 90%를 차지한다면 어떨까요? 모든 이미지를 그 클래스라고 답하는 모델도 정확도 0.9000을
# 얻습니다. 그래서 불균형한 데이터에서는 정확도만 보면 안 되고, 7장에서 볼 혼동 행렬처럼 클래스별 성적을
# 따로 봐야 합니다. 클래스별 개수를 앞의 표에 열로 붙여 두겠습니다.

# %%
classes["훈련"] = np.bincount(y_train_all)
classes["테스트"] = np.bincount(y_test)
classes

# %% [markdown]
# ## 이미지 살펴보기
#
# 숫자만 보지 말고 이미지를 직접 봅시다. 클래스마다 훈련 세트에서 처음 나오는 이미지를 한 장씩 골라
# `helpers.plots.plot_samples`로 그립니다. 이 함수는 이미지를 한국어 클래스 이름과 함께 격자로 그립니다.

# %% mystnb={"image": {"alt": "열 가지 클래스에서 훈련 세트에 처음 나오는 이미지를 한 장씩 2행 5열로 그린 그림. 각 이미지 위에 클래스 이름(티셔츠/탑, 바지, 스웨터, 드레스, 코트, 샌들, 셔츠, 스니커즈, 가방, 앵클 부츠)이 있다. 티셔츠/탑, 스웨터, 코트, 셔츠는 윤곽이 서로 비슷하고, 특히 스웨터, 코트, 셔츠는 모두 긴소매 윗옷이다."}}
first_of_each = [int(np.flatnonzero(y_train_all == k)[0]) for k in range(10)]  # 클래스마다 첫 이미지
helpers.plots.plot_samples(x_train_all[first_of_each], y_train_all[first_of_each], columns=5)
plt.show()

# %% [markdown]
# 티셔츠/탑, 스웨터, 코트, 셔츠는 28×28 픽셀에서 생김새가 서로 꽤 비슷합니다. 특히 스웨터, 코트, 셔츠는 모두
# 긴소매 윗옷입니다. 모델도 이 클래스들을 가장 많이 헷갈릴 것이라고 미리 짐작할 수 있습니다. 7장에서 혼동
# 행렬로 이 짐작을 확인합니다.

# %% [markdown]
# ## 채널 축을 붙여 4차원으로
#
# 원본 노트의 두 번째 줄은 `reshape(-1, 28, 28, 1)`로 이미지 배열에 축을 하나 더 붙입니다. Keras의 `Conv2D`는
# 입력을 언제나 **(배치, 높이, 너비, 채널)** 모양의 4차원 배열로 받기 때문입니다.
#
# - **채널**은 픽셀 하나가 가진 값의 개수입니다. 컬러 이미지는 빨강, 초록, 파랑 세 값이 있어 채널이 3이고,
#   흑백 이미지는 밝기 하나뿐이라 채널이 1입니다.
# - 합성곱 층의 필터는 입력의 모든 채널을 한꺼번에 덮습니다. 커널 크기가 3×3이면 필터 하나의 모양은
#   $3 \times 3 \times (\text{입력 채널 수})$입니다. 그래서 채널이 1개뿐이어도 "채널이 1개"라고 명시해야
#   층이 필터 모양을 정할 수 있습니다.
# - 합성곱 층의 출력인 특성 맵도 같은 모양입니다. 필터 32개를 쓰면 (배치, 높이, 너비, 32)가 되고, 이것이
#   다음 합성곱 층의 입력이 됩니다. 첫 층의 입력도 같은 규칙을 따르게 하려는 것입니다.
#
# `-1`은 "나머지 차원에 맞게 알아서 계산하라"는 뜻입니다. 전체 원소 수 $60000 \times 28 \times 28$을
# $28 \times 28 \times 1$로 나누면 60,000이 나옵니다.

# %%
x_4d = x_train_all.reshape(-1, 28, 28, 1)
print(x_train_all.shape, "→", x_4d.shape)
assert x_4d.shape == (60000, 28, 28, 1)  # 채널 축이 맨 끝에 붙습니다

# reshape는 같은 메모리를 다른 모양으로 볼 뿐이라 복사가 일어나지 않습니다.
print("원래 배열과 메모리를 함께 쓰는가:", np.shares_memory(x_4d, x_train_all))
# 끝에 새 축을 붙이는 다른 방법입니다.
print("x[..., np.newaxis]와 같은가:", np.array_equal(x_4d, x_train_all[..., np.newaxis]))

# %% [markdown]
# ## 스케일 조정: 0~1 사이의 `float32`로
#
# 다음은 255로 나누어 픽셀값을 0~1 사이로 맞추는 **스케일 조정**입니다. 신경망의 가중치는 처음에 0 근처의 작은
# 값으로 초기화됩니다(5장). 입력이 0~255처럼 크면 층의 출력도 그만큼 커져서, 훈련 초반의 손실과 그레이디언트가
# 지나치게 커지고 학습이 불안정해집니다. 가중치 세 개짜리 작은 예로 확인해 봅시다.

# %%
w = np.array([0.05, -0.03, 0.08])
pixels = np.array([200, 180, 255])

print("원래 픽셀값으로:", round(w @ pixels, 4))
print("255로 나눈 값으로:", round(w @ (pixels / 255), 4))

# %% [markdown]
# 같은 가중치인데 입력의 범위 때문에 출력이 255배 차이 납니다. 모든 입력을 0~1로 맞추면 가중치를 조금 바꿀 때
# 출력도 적당히 바뀌어 학습이 매끄럽습니다. 255로 나누는 방법은 간단하고, 배경인 0이 그대로 0으로 남는다는
# 장점도 있습니다. 이 책의 모델처럼 처음부터 훈련하는 모델에는 이것으로 충분합니다. 다만 다른 데이터로 미리 훈련한
# 모델(예: `keras.applications`의 ImageNet 모델)을 가져다 쓸 때는 그 모델이 훈련할 때 쓴 전처리를 그대로 따라야
# 합니다. 모델마다 있는 `preprocess_input` 함수가 그 일을 합니다(평균을 빼거나 -1~1로 맞추는 등 모델마다 다릅니다).
#
# 이제 **자료형**을 봅시다. 원본 노트처럼 `uint8` 배열을 파이썬 실수 `255.0`으로 나누면 결과는 `float64`입니다.
# 정수형인 `uint8`에는 0.5 같은 값을 담을 수 없으니 실수형이 필요한데, NumPy가 이때 고르는 기본 실수형이
# `float64`이기 때문입니다. 그런데 Keras는 기본으로 `float32`로 계산합니다.

# %%
print("uint8 / 255.0 →", (x_train_all[:1] / 255.0).dtype)
print("Keras가 계산하는 자료형:", keras.config.floatx())

# %% [markdown]
# `float64`는 원소 하나에 8바이트로 `float32`의 두 배를 쓰지만, Keras가 훈련할 때 어차피 `float32`로 바꾸므로 얻는
# 것이 없습니다. 그래서 이 책에서는 먼저 `float32`로 바꾼 뒤 255로 나눕니다. `float32` 배열을 파이썬 실수 `255.0`으로
# 나누면 결과도 `float32`입니다. 파이썬의 `int`나 `float` 값은 배열의 자료형을 바꾸지 않기 때문입니다.
#
# <details><summary>더 알아보기: 자료형별 메모리와 NumPy 2의 스칼라 규칙</summary>
#
# **메모리.** 훈련 이미지 60,000장의 픽셀값은 $60000 \times 28 \times 28 = 47{,}040{,}000$개입니다. 원소 하나의
# 바이트 수(`itemsize`)를 곱하면 `uint8`은 47.04 MB, `float32`는 188.16 MB, `float64`는 376.32 MB입니다(여기서
# 1 MB는 $10^6$바이트).
#
# **스칼라 규칙(NEP 50).** 파이썬의 `int`와 `float`가 배열의 자료형을 따르는 것은 NumPy 1.x와 2에서 같습니다.
# NumPy 2에서 바뀐 것은 `np.float64(255.0)`처럼 **NumPy의 스칼라**를 다루는 규칙입니다. NumPy 1.x는 스칼라의 값을
# 보고 자료형을 정했기 때문에 `float32` 배열을 `np.float64(255.0)`으로 나누어도 `float32`가 나왔지만, NumPy 2는
# 스칼라의 자료형을 그대로 따르므로 `float64`가 나옵니다.
#
# ```python
# few = x_4d[:2]
# few / 255.0                                # float64 (NumPy 1.x와 2 모두)
# few.astype("float32") / 255.0              # float32 (NumPy 1.x와 2 모두)
# few.astype("float32") / np.float64(255.0)  # NumPy 2는 float64, 1.x는 float32
# few / np.float32(255.0)                    # float32 (NumPy 1.x와 2 모두)
# ```
#
# 설치된 NumPy에서 확인하려면 새 코드 셀에 위 줄들을 붙이고 끝에 `.dtype`을 붙여 실행해 보세요.
#
# </details>
#
# 원본 노트의 순서를 따라 `float32`로 바꾼 다음 255로 나눕니다. 메모리 사용량도 출력해 봅니다.

# %%
x_scaled = x_4d.astype("float32") / 255.0

print(x_scaled.shape, x_scaled.dtype)
print("최솟값:", x_scaled.min(), "최댓값:", x_scaled.max())
print(f"{x_scaled.nbytes / 1e6:.2f} MB")
print(f"평균 픽셀값: {x_scaled.mean():.4f}, 값이 정확히 0인 픽셀의 비율: {(x_scaled == 0).mean():.1%}")

# %% [markdown]
# 픽셀의 절반가량이 정확히 0인 배경이고, 평균 픽셀값은 0.29 정도입니다. 테스트 이미지도 **똑같은 방법**으로
# 바꿔야 합니다. 테스트 세트의 최댓값이 아니라 언제나 같은 상수 255로 나누어야 두 세트의 픽셀값이 같은 의미를
# 가집니다.
#
# 지금까지의 두 단계, 즉 원본 노트의 `reshape(-1, 28, 28, 1) / 255.0`은 `helpers.scale_images()`에 담아 두었습니다.
# 결과가 `float32`라는 점만 다릅니다. 우리가 만든 배열과 같은지 확인하고 테스트 이미지에 적용합니다.

# %%
print("helpers.scale_images의 결과와 같은가:", np.array_equal(helpers.scale_images(x_train_all), x_scaled))

x_test_scaled = helpers.scale_images(x_test)
print(x_test_scaled.shape, x_test_scaled.dtype)

# %% [markdown]
# ## 훈련 세트와 검증 세트 나누기
#
# 테스트 세트는 모든 작업이 끝난 뒤 **한 번만** 최종 성능을 재는 데 씁니다. 훈련 중에 몇 에포크까지 훈련할지,
# 드롭아웃 비율을 얼마로 할지 같은 결정을 테스트 세트를 보면서 내리면, 모델이 테스트 세트에 맞춰져 최종 점수가
# 실제보다 좋게 나옵니다. 그래서 훈련 이미지의 일부를 떼어 **검증 세트**로 씁니다. 6장에서는 검증 세트의 손실을
# 보고 가장 좋은 모델을 저장하고(체크포인트) 훈련을 멈춥니다(조기 종료).
#
# 원본 노트처럼 scikit-learn의 `train_test_split`으로 20%를 검증 세트로 떼어 냅니다. 이 함수는 나누기 전에
# 데이터를 무작위로 섞습니다. `random_state=42`로 섞는 순서를 고정하면 언제 실행해도 같은 이미지가 검증
# 세트에 들어가므로, 다음 장들의 결과를 서로 비교할 수 있습니다.

# %%
x_train, x_val, y_train, y_val = train_test_split(
    x_scaled, y_train_all, test_size=0.2, random_state=42)

print("훈련 세트:", x_train.shape, y_train.shape)
print("검증 세트:", x_val.shape, y_val.shape)

# 나눈 직후에 이미지와 레이블의 개수를 확인해 두면 변수 이름을 잘못 쓴 실수를 바로 잡습니다.
assert len(x_train) == len(y_train) == 48000
assert len(x_val) == len(y_val) == 12000

# %% [markdown]
# $60000 \times 0.2 = 12000$장이 검증 세트, 나머지 48,000장이 훈련 세트입니다. 섞을 때 이미지와 레이블은 같은
# 순서로 함께 섞이므로 짝이 어긋나지 않습니다.
#
# 원본 노트의 이 줄에는 오타가 하나 있습니다. 나눈 결과를 `train_sclaed`(l과 a가 뒤바뀜)에 저장하고, 훈련할
# 때는 `train_scaled`를 씁니다. 그러면 `train_scaled`에는 나누기 전의 60,000장이 그대로 남고 레이블
# `train_target`만 48,000개로 바뀝니다. Keras는 이미지와 레이블의 개수가 다르다며 `fit()`에서 오류를 냅니다.
# 개수가 우연히 맞았다면 오류 없이 검증 이미지까지 훈련에 써 버렸을 것입니다. 이렇게 평가에 쓸 데이터가 훈련에
# 새어 들어가는 것을 **데이터 누수**라고 하며, 9장에서 자세히 봅니다. 나눈 결과를 담은 변수로 훈련해야 하고, 위의
# `assert`처럼 개수를 바로 확인하면 이런 실수를 일찍 잡을 수 있습니다.
#
# 무작위로 섞어 나눴으므로 검증 세트의 클래스별 개수는 정확히 1,200장씩은 아니지만 거의 고릅니다.

# %%
print("훈련 세트:", np.bincount(y_train))
print("검증 세트:", np.bincount(y_val))

# %% [markdown]
# ## 한 번에: `helpers.load_splits()`
#
# 원본 노트의 세 줄은 `helpers`의 함수 하나씩에 대응합니다. 다음 장부터는 오른쪽 열의 함수를 씁니다.
#
# | 원본 노트 | 이 책의 `helpers` |
# | --- | --- |
# | `keras.datasets.fashion_mnist.load_data()` | `helpers.load_fashion_mnist()` |
# | `x.reshape(-1, 28, 28, 1) / 255.0` | `helpers.scale_images(x)` (결과는 `float32`) |
# | `train_test_split(x, y, test_size=0.2, random_state=42)` | `helpers.split_train_val(x, y)` |
# | 위의 모든 단계와 테스트 세트의 스케일 조정 | `helpers.load_splits()` |
#
# `helpers.split_train_val()`은 같은 인수로 `train_test_split`을 부르고, `helpers.load_splits()`는 이 장에서 한
# 일을 모두 한 번에 해서 여섯 배열을 돌려줍니다. 우리가 직접 만든 배열과 똑같은지 확인해 봅시다.

# %%
x_train_2, x_val_2, y_train_2, y_val_2 = helpers.split_train_val(x_scaled, y_train_all)
same_split = all(
    np.array_equal(a, b)
    for a, b in [(x_train_2, x_train), (x_val_2, x_val), (y_train_2, y_train), (y_val_2, y_val)]
)
print("split_train_val과 train_test_split의 결과가 같은가:", same_split)
del x_train_2, x_val_2, y_train_2, y_val_2

splits = helpers.load_splits()
print(splits)
ours = [x_train, y_train, x_val, y_val, x_test_scaled, y_test]
theirs = [splits.x_train, splits.y_train, splits.x_val, splits.y_val, splits.x_test, splits.y_test]
print("load_splits의 여섯 배열이 직접 만든 것과 같은가:", all(map(np.array_equal, ours, theirs)))

# %% [markdown]
# 검증 세트의 처음 몇 장도 그려 봅니다. 5장에서는 이 가운데 처음 5장을 훈련하기 전의 모델에 넣어 봅니다.

# %% mystnb={"image": {"alt": "검증 세트의 처음 12장을 2행 6열로 그리고 각 이미지 위에 클래스 이름을 붙인 그림. 여러 클래스가 고루 섞여 있다."}}
helpers.plots.plot_samples(splits.x_val, splits.y_val, count=12, columns=6)
plt.show()

# %% [markdown]
# ## 정리
#
# - 패션 MNIST는 28×28 흑백 이미지이고, 훈련 60,000장과 테스트 10,000장이 `uint8`(0~255)로 들어 있습니다.
#   `helpers.load_fashion_mnist()`는 Keras 캐시를 채운 뒤 `keras.datasets.fashion_mnist.load_data()`와
#   똑같은 배열을 돌려줍니다.
# - 열 가지 클래스가 정확히 같은 개수씩 들어 있어 정확도가 좋은 지표이고, 무작위로 찍으면 정확도는 0.1000입니다.
# - `Conv2D`는 (배치, 높이, 너비, 채널) 입력을 받으므로 흑백 이미지에도 채널 축을 붙여 (N, 28, 28, 1)로 만듭니다.
# - 255로 나누어 0~1로 스케일을 조정하되, Keras가 계산하는 `float32`로 만들어 `float64`의 절반인 188 MB만 씁니다.
#   원본 노트의 `uint8 / 255.0`은 `float64`가 됩니다. 미리 훈련한 모델을 쓸 때는 그 모델의 전처리를 따릅니다.
# - `train_test_split(test_size=0.2, random_state=42)`로 훈련 세트 48,000장과 검증 세트 12,000장을 만들고,
#   나눈 결과를 담은 변수로 훈련합니다. 다음 장부터는 `helpers.load_splits()` 한 줄로 이 모든 일을 합니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(4)

# %% [markdown]
# ### 연습 1. 층화 분할
#
# `train_test_split`에 `stratify=y_train_all`을 더하면 클래스 비율을 유지하며 나눕니다. 이렇게 나누면 검증 세트의
# 클래스별 개수는 어떻게 될까요? 개수만 세면 되므로 레이블만 나누고, 검증 세트의 클래스별 개수를 `val_counts`에
# 넣어 확인해 보세요.
#
# <details><summary>풀이</summary>
#
# 훈련 이미지는 클래스마다 6,000장이므로, 20%씩 떼면 검증 세트에는 클래스마다 정확히 1,200장, 훈련 세트에는
# 4,800장씩 들어갑니다. 이 데이터처럼 균형이 잘 잡혀 있으면 층화 분할을 하지 않아도 큰 차이는 없지만,
# 클래스 크기가 들쭉날쭉한 데이터에서는 작은 클래스가 검증 세트에서 빠지지 않도록 층화 분할을 쓰는 것이 좋습니다.
#
# </details>

# %% tags=["solution"]
y_train_strat, y_val_strat = train_test_split(  # 답: 레이블만 층화 분할합니다
    y_train_all, test_size=0.2, random_state=42, stratify=y_train_all)
val_counts = np.bincount(y_val_strat)  # 답: 검증 세트의 클래스별 개수
q[1].check(val_counts)

# %% [markdown]
# ### 연습 2. 컬러 이미지의 메모리
#
# 32×32 픽셀 컬러(RGB) 이미지 50,000장을 이 장처럼 4차원 배열로 만들면 모양은 무엇일까요?
# `float32`와 `float64`로 스케일을 조정하면 각각 몇 MB가 필요할까요(1 MB = 1,000,000바이트)?
#
# <details><summary>풀이</summary>
#
# 채널이 3개이므로 모양은 (50000, 32, 32, 3)이고, 원소는
# $50000 \times 32 \times 32 \times 3 = 153{,}600{,}000$개입니다. `float32`는 원소당 4바이트라 614.4 MB,
# `float64`는 8바이트라 1,228.8 MB입니다.
#
# </details>

# %% tags=["solution"]
color_shape = (50000, 32, 32, 3)  # 답: 4차원 배열의 모양
mb_float32 = np.prod(color_shape) * np.dtype("float32").itemsize / 1e6  # 답: float32일 때의 MB
mb_float64 = np.prod(color_shape) * np.dtype("float64").itemsize / 1e6  # 답: float64일 때의 MB
q[2].check(color_shape, mb_float32, mb_float64)

# %% [markdown]
# ### 연습 3. 클래스별 평균 이미지
#
# 클래스마다 훈련 이미지(`x_train`, `y_train`)의 평균을 내어 10장의 "평균 이미지"를 `means`에 모으고, 그다음 셀에서
# 그려 보세요. 어떤 클래스들이 서로 비슷해 보이나요?
#
# <details><summary>풀이</summary>
#
# 평균 이미지를 모아 `helpers.plots.plot_samples`에 그대로 넘기면 됩니다. 스웨터, 코트, 셔츠의 평균 이미지는 긴소매
# 모양이 거의 같고, 소매만 짧을 뿐 티셔츠/탑도 몸통 모양이 비슷합니다. 신발 세 종류(샌들, 스니커즈, 앵클 부츠)도
# 서로 닮았습니다. 모델이 헷갈릴 만한 클래스들입니다. 반대로 바지와 가방은 모양이 뚜렷하게 다릅니다.
#
# </details>

# %% tags=["solution"]
means = np.stack([x_train[y_train == k].mean(axis=0) for k in range(10)])  # 답: (10, 28, 28, 1)
q[3].check(means)

# %% tags=["solution"]
# 답: 평균 이미지 10장을 그려 봅니다
helpers.plots.plot_samples(means, np.arange(10), count=10, columns=5)
plt.show()

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [3. 풀링 층](03_pooling_layer.ipynb) · 다음: [5. 모델 만들기](05_build_model.ipynb)
