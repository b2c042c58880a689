# %% [markdown]
# # 9. 흔한 실수와 오류 메시지
#
# 코드를 처음 따라 치다 보면 오타 하나, 쉼표 하나 때문에 빨간 오류 메시지를 만나게 됩니다. 이 책의 바탕이 된 원본
# 노트에도 그런 실수가 여러 개 숨어 있습니다. 이 장에서는 그 실수들을 **일부러 그대로 실행해** 지금 설치된 Keras 3가
# 어떤 오류를 내는지 확인하고, 메시지를 읽어 원인을 찾고, 고친 코드를 바로 다음 셀에서 실행합니다.
#
# 실수에는 두 종류가 있습니다. 바로 오류가 나는 **시끄러운 실수**는 오히려 고마운 편입니다. 메시지가 어디를 고칠지
# 알려 주기 때문입니다. 정말 위험한 것은 오류 없이 끝까지 돌아가면서 결과만 조용히 망치는 **조용한 실수**입니다.
# 이런 실수는 `assert`와 NumPy로 직접 검사해야 잡을 수 있습니다. 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - 오류 메시지의 마지막 부분에 있는 **오류 종류**와 **설명**을 읽고 고칠 곳을 찾습니다.
# - 인자 이름의 오타가 `TypeError`를 낼 때와 `ValueError`를 낼 때가 어떻게 다른지 이해합니다.
# - 레이블 모양과 손실 함수의 짝, 채널 축과 배치 축처럼 **모양**에서 생기는 오류를 진단합니다.
# - 스케일 조정을 빠뜨리거나 검증 세트가 훈련에 섞이는 조용한 실수를 NumPy로 찾아냅니다.
# - `helpers`의 입력 검사가 어떤 실수를 미리 막아 주는지 확인합니다.

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
import contextlib
import logging
import logging.handlers
import shutil
import tempfile
import warnings
from pathlib import Path

import helpers

import keras
import numpy as np
from sklearn.model_selection import train_test_split

# %% tags=["remove-cell"]
# 이 장은 오류를 보여 주려고 모델을 여러 번 새로 만들어 훈련하므로, TensorFlow가 남기는 재추적(retracing) 경고를 끕니다.
logging.getLogger("tensorflow").setLevel(logging.ERROR)

# %% [markdown]
# ## 오류 메시지를 읽는 법
#
# 파이썬은 오류가 나면 **트레이스백**(traceback)을 출력합니다. 함수가 함수를 부른 순서를 거슬러 올라가며 보여 주므로
# Keras 안쪽까지 수십 줄이 이어지기도 합니다. 겁먹을 필요는 없습니다. 먼저 **맨 마지막 부분**을 읽으면 됩니다.
# 그곳은 `오류 종류: 설명` 형식으로 시작하고, 설명이 여러 줄이면 그 아래로 이어집니다.
#
# 이 장의 오류는 일부러 내는 것이므로, 실패하는 줄을 `with helpers.show_error():` 안에 두었습니다. 이 도구는 그
# 줄을 실행하고, 오류가 나면 트레이스백의 위쪽을 생략한 채 이 마지막 부분, 즉 Keras가 낸 오류 종류와 설명을 그대로
# 출력한 뒤 다음 셀로 넘어갑니다. 그래서 Colab이나 Jupyter에서 "모두 실행"을 해도 중간에 멈추지 않습니다. 여러분이
# 직접 코드를 고쳐 보다가 만나는 오류도 같은 모양으로 보이도록 IPython의 `%xmode Minimal` 명령을 실행해 둡니다.
# 전체 트레이스백을 다시 보고 싶으면 `%xmode Context`를 실행하세요.

# %%
# %xmode Minimal

# %% [markdown]
# 이 장에서 만날 오류 종류는 주로 두 가지입니다.
#
# | 오류 종류 | 뜻 | 흔한 원인 |
# | --- | --- | --- |
# | `TypeError` | 함수가 받을 수 없는 **종류**의 값이나 인자를 받았습니다 | 인자 이름 오타, 정수 자리에 실수 |
# | `ValueError` | 종류는 맞지만 **값**이 허용 범위 밖입니다 | 잘못된 모양(shape), 허용되지 않는 파일 이름 |
#
# 층이나 모델을 호출하다가 난 오류는 Keras가 몇 줄로 감싸서 보여 줍니다. 첫 줄
# `Exception encountered when calling …`은 오류가 난 층, 빈 줄 다음이 원래의 설명, 맨 아래
# `Arguments received by …`는 그 층이 받은 인자입니다. 이때는 가운데 줄이 설명입니다.
#
# 아래에서 오류가 나는 셀에는 실패하는 문장을 **딱 하나**만 두었습니다. 그리고 바로 다음 셀에서 고친 코드를 실행합니다.
# 여러분의 코드에서는 `helpers.show_error()`를 쓰지 마세요. 오류를 삼키므로 진짜 실수를 감춥니다. 이 장처럼 오류를
# 보여 주는 것이 목적일 때만 씁니다.
#
# 실험에는 패션 MNIST의 앞쪽 이미지 64장만 씁니다. 오류를 재현하는 데 많은 데이터는 필요 없고, 작을수록 빨리 끝납니다.

# %%
(x_raw, y_raw), _ = helpers.load_fashion_mnist()
x_small = helpers.scale_images(x_raw[:64])  # 0~1 실수, 채널 축이 붙은 (64, 28, 28, 1)
y_small = y_raw[:64]                        # 0~9 정수 레이블

print("x_raw:", x_raw.shape, x_raw.dtype)
print("x_small:", x_small.shape, x_small.dtype, " y_small:", y_small.shape, y_small.dtype)

# %% [markdown]
# ## 실수 1. 없는 인자 이름: `input_size=`
#
# 원본 노트 하나(8-2)는 첫 합성곱 층을 이렇게 만들었습니다. 입력 모양을 알려 주려던 인자의 이름이 `input_size`로
# 잘못 쓰였습니다.

# %%
with helpers.show_error():
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same",
                        input_size=(28, 28, 1))

# %% [markdown]
# 출력이 원인을 정확히 짚습니다. `Conv2D`에 넘긴 키워드 인자 가운데 알아듣지 못한 것
# (`Unrecognized keyword arguments passed to Conv2D`)이 `{'input_size': (28, 28, 1)}`이라고 합니다.
# Keras 3의 층은 모르는 이름의 인자를 조용히 무시하지 않고 이렇게 거부합니다. 오타가 그대로 묻혀 버리지 않으니
# 고마운 일입니다.
#
# 고치는 방법은 입력 모양을 층의 인자로 주지 않고 모델 맨 앞에 `keras.Input(shape=...)`을 두는 것입니다. 5장에서
# 모델을 만든 방법과 같습니다.

# %%
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same"),
])
print("출력 모양:", model.output_shape)  # 세임 패딩이라 28×28 그대로, 필터 32개

# %% [markdown]
# 다른 원본 노트가 쓴 `input_shape=(28, 28, 1)`은 이름이 맞으므로 오류는 나지 않습니다. 하지만 Keras 3에서는 더 이상
# 권장하지 않는 방식이라 경고를 냅니다. 경고가 화면에 찍히지 않도록 `warnings.catch_warnings(record=True)`로 모아서
# 메시지만 출력해 보겠습니다.

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # 같은 경고가 전에 나왔더라도 다시 기록합니다
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", input_shape=(28, 28, 1))

for warning in caught:
    print(warning.message)

# %% [markdown]
# 층에 `input_shape`를 넘기지 말고 `Input(shape)` 객체를 모델의 첫 층으로 쓰라고 권합니다. 이 책이 처음부터
# `keras.Input`을 쓰는 이유입니다.
#
# ## 실수 2. 쉼표와 점: `Dropout(0,4)`
#
# 드롭아웃 비율 0.4를 쓰려다 소수점 대신 쉼표를 찍은 코드입니다.

# %%
with helpers.show_error():
    keras.layers.Dropout(0,4)

# %% [markdown]
# 파이썬에게 `0,4`는 소수 0.4가 아니라 **인자 두 개**, 즉 `0`과 `4`입니다. `Dropout`의 첫 번째 인자는 드롭아웃 비율
# `rate`이고 두 번째 인자는 `noise_shape`이므로, 이 코드는 `Dropout(rate=0, noise_shape=4)`와 같습니다. 그래서 오류
# 메시지는 엉뚱하게도 `noise_shape`를 탓합니다(``Invalid value received for argument `noise_shape`.``).
# `noise_shape`에는 튜플이나 리스트 같은 정수의 묶음이 와야 하는데(`Expected an iterable of integers`)
# `noise_shape=4`를 받았다는 것입니다.
#
# 오류 메시지가 내가 쓰지도 않은 인자 이름을 말할 때는 **위치 인자가 어긋났는지** 의심해 보세요.
#
# 이 검사는 Keras 3.13부터 들어갔습니다. Keras 3.12 이하(Colab에 깔린 Keras가 아직 이쪽일 수
# 있습니다)에서는 위 셀이 **오류 없이** 끝납니다. 비율이 0이라 아무 일도 하지 않는 드롭아웃 층이 조용히 만들어지고, 모델은
# 드롭아웃 없이 훈련됩니다. 오류가 나는 것보다 이쪽이 더 위험합니다. 헷갈리기 쉬운 인자는 이름을 붙여 쓰는 편이 안전합니다.

# %%
dropout = keras.layers.Dropout(rate=0.4)
print("드롭아웃 비율:", dropout.rate)

# %% [markdown]
# ## 실수 3. `metrics='accuracy'`: 리스트가 아닌 문자열
#
# 두 원본 노트 모두 지표를 `metrics='accuracy'`처럼 문자열 하나로 주었습니다. 노트를 쓸 당시의 TensorFlow 2.x의
# Keras는 이것을 받아 주었지만, Keras 3에서는 오류입니다. 오류는 `fit()`이 아니라 **`compile()`을 부르는 순간**
# 납니다. 데이터가 필요 없으므로 훈련하지 않은 모델 하나로 확인합니다.

# %%
model = helpers.build_cnn()

# %%
with helpers.show_error():
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics="accuracy")

# %% [markdown]
# ``Expected `metrics` argument to be a list, tuple, or dict``, 즉 `metrics`는 리스트, 튜플, 딕셔너리 가운데 하나여야
# 하는데 `metrics=accuracy`, 타입이 `<class 'str'>`인 값을 받았다고 합니다. 지표는 여러 개를 함께 지켜볼 수 있기
# 때문에 항상 묶음으로 받습니다. 하나뿐이어도 대괄호로 감싸 리스트를 만들면 됩니다.
#
# 이 오류를 못 본 척하고 훈련을 시작하면 어떻게 될까요?

# %%
with helpers.show_error():
    model.fit(x_small, y_small, epochs=1, verbose=0)

# %% [markdown]
# 방금 `compile()`을 불렀는데도 ``You must call `compile()` before using the model.``이라고 합니다. 컴파일이 중간에
# 실패했으니 모델은 아직 컴파일되지 않은 상태입니다. 이처럼 **나중에 난 오류의 진짜 원인은 그보다 앞에서 무시한
# 오류**인 경우가 많습니다.

# %%
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
scores = model.evaluate(x_small, y_small, verbose=0, return_dict=True)
print("지켜보는 값:", sorted(scores))

# %% [markdown]
# ## 실수 4. 레이블 모양과 손실 함수의 짝
#
# 6장에서 배웠듯이 정수 레이블 `(N,)`에는 `sparse_categorical_crossentropy`를, 원-핫 인코딩한 레이블 `(N, 10)`에는
# `categorical_crossentropy`를 씁니다. 짝이 어긋나면 어떤 오류가 나는지 두 방향 모두 확인해 보겠습니다. 먼저 원-핫
# 레이블을 만듭니다.

# %%
y_one_hot = keras.utils.to_categorical(y_small, num_classes=10)
print("정수 레이블:", y_small.shape, " 원-핫 레이블:", y_one_hot.shape)
print("첫 레이블", y_small[0], "→", y_one_hot[0])

# %% [markdown]
# ### 희소 손실에 원-핫 레이블을 주면
#
# `helpers.compile_model()`은 `sparse_categorical_crossentropy`로 컴파일합니다. 여기에 원-핫 레이블을 줍니다.

# %%
model = helpers.compile_model(helpers.build_cnn())

# %%
with helpers.show_error():
    model.fit(x_small, y_one_hot, epochs=1, verbose=0)

# %% [markdown]
# 메시지의 `target`은 정답 레이블, `output`은 모델의 출력이고, `Received:` 뒤의 `32`는 배치 크기입니다. 희소 손실은
# 레이블이 출력보다 차원이 하나 적기를 기대합니다. 출력 `(32, 10)`에 대해 레이블은 `(32,)`이어야 하는데, 받은
# 레이블이 `(32, 10)`으로 출력과 차원 수가 같습니다. 설명의 첫 문장
# (``Argument `output` must have rank (ndim) `target.ndim - 1`.``)은 글자 그대로 읽으면 '출력의 차원 수가 레이블보다
# 하나 적어야 한다'는 말이 되어 오히려 헷갈립니다. 이렇게 설명이 애매할 때는 `Received:` 뒤에 나온 실제 모양을
# 비교하는 편이 빠릅니다.
#
# 레이블을 정수로 되돌리면 됩니다. 원-핫 레이블만 있다면 `argmax(axis=1)`로 정수 레이블을 되찾을 수 있습니다.
# 그런데 레이블을 고쳐서 **같은 모델**로 다시 `fit()`을 부르면 엉뚱한 오류가 납니다.

# %%
y_back = y_one_hot.argmax(axis=1)
print("원-핫에서 되찾은 레이블이 원래와 같은가:", np.array_equal(y_back, y_small))

# %%
with helpers.show_error():
    model.fit(x_small, y_back, epochs=1, verbose=0)

# %% [markdown]
# `fit()`은 훈련 한 스텝의 계산을 TensorFlow의 `tf.function`으로 감싸 그래프로 **추적**(trace)해 두고, 옵티마이저는 자기
# 변수(아담이 쓰는 이동 평균 등)를 이 첫 스텝 안에서 만듭니다. 그런데 `tf.function`은 변수를 첫 번째 호출에서만
# 만들 수 있습니다. 앞에서 실패한 `fit()`이 첫 번째 호출을 써 버렸고 손실을 계산하다 멈췄으므로, 레이블을 고친 두
# 번째 호출에서야 변수를 만들려다 이 오류
# (`Creating variables on a non-first call to a function decorated with tf.function.`)가 납니다.
# `fit()`이 중간에 실패했다면 모델을 **새로 만들어** 컴파일하세요.

# %%
model = helpers.compile_model(helpers.build_cnn())  # 실패한 fit을 겪지 않은 새 모델
model.fit(x_small, y_back, epochs=1, verbose=0)
print("훈련이 오류 없이 끝났습니다. 레이블 모양:", y_back.shape)

# %% [markdown]
# ### 범주형 손실에 정수 레이블을 주면
#
# 반대로 `categorical_crossentropy`로 컴파일하고 정수 레이블을 줍니다.

# %%
model = helpers.build_cnn()
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

# %%
with helpers.show_error():
    model.fit(x_small, y_small, epochs=1, verbose=0)

# %% [markdown]
# 이번에는 `target`과 `output`의 차원 수가 같아야 하는데(``Arguments `target` and `output` must have the same rank
# (ndim).``) 레이블은 `(32,)`, 출력은 `(32, 10)`이라고 합니다. 이 손실 함수는 원-핫 레이블을 기대하므로 레이블을
# 원-핫 인코딩하면 됩니다. 물론 손실 함수를 `sparse_...`로 바꾸는 것도 올바른 해결책입니다. **레이블의 모양을 먼저
# 확인하고, 거기에 맞는 손실 함수를 고르세요.** 이번에도 실패를 겪은 모델 대신 새 모델로 훈련합니다.

# %%
model = helpers.build_cnn()
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_small, y_one_hot, epochs=1, verbose=0)
print("훈련이 오류 없이 끝났습니다. 레이블 모양:", y_one_hot.shape)

# %% [markdown]
# | 레이블 | 모양 | 손실 함수 |
# | --- | --- | --- |
# | 정수(희소) 레이블 `9` | `(N,)` | `sparse_categorical_crossentropy` |
# | 원-핫 레이블 `[0, …, 0, 1]` | `(N, 10)` | `categorical_crossentropy` |
#
# ## 실수 5. 채널 축을 빠뜨리기
#
# `load_data()`가 주는 이미지는 `(N, 28, 28)` 모양입니다. 그런데 합성곱 층은 `(배치, 높이, 너비, 채널)`의 4차원
# 입력을 기대합니다. 흑백 이미지의 채널은 하나뿐이지만 그 축은 있어야 합니다. 2장에서처럼 합성곱 층 하나에 이미지를
# 바로 넣어 보면 무슨 일이 생기는지 알 수 있습니다.

# %%
images = x_raw[:4] / np.float32(255.0)  # 스케일 조정은 했지만 모양은 (4, 28, 28)
conv = keras.layers.Conv2D(32, kernel_size=3, padding="same", name="conv")
print("입력 모양:", images.shape)

# %%
with helpers.show_error():
    conv(images)

# %% [markdown]
# `conv` 층은 최소 4차원(`expected min_ndim=4`)을 기대하는데 3차원(`found ndim=3`) 입력 `(4, 28, 28)`을 받았다고
# 합니다. `reshape(-1, 28, 28, 1)`로 끝에 크기 1인 채널 축을 붙이면 됩니다. `-1`은 "나머지 크기에서 알아서
# 계산하라"는 뜻이라 이미지 개수를 몰라도 됩니다.

# %%
images = images.reshape(-1, 28, 28, 1)
feature_maps = conv(images)
print("입력 모양:", images.shape, " 특성 맵 모양:", tuple(feature_maps.shape))

# %% [markdown]
# ### 모델에서는: 추적한 모양에 따라 달라집니다
#
# **모델**에서는 사정이 조금 복잡합니다. `keras.Input`으로 만든 Keras 3의 모델은 입력의 차원이 딱 하나 모자라고
# 모델 입력 모양의 마지막 축이 1이면, 그 축을 끝에 스스로 붙여 줍니다. 그래서 `(64, 28, 28)`을 넣어도
# `(64, 28, 28, 1)`로 바꿔 계산합니다. 이 일을 하려면 먼저 입력의 차원 수를 세어야 합니다.
#
# 그런데 `predict()`를 거치면 이 너그러움이 통하지 않을 때가 있습니다. 원인은 TensorFlow의 `tf.function`에 있습니다.
# `predict()`는 배치 하나를 계산하는 함수를 `tf.function`으로 감싸 두고, 처음 부를 때 받은 배치의 모양으로 이 함수를
# **추적**해 그래프로 만듭니다. 나중에 모양이 다른 입력이 오면 다시 추적하는데, Keras가 이 함수를
# `reduce_retracing=True`로 만들었기 때문에 TensorFlow는 재추적할 때 지금까지 본 모양을 모두 아우르는 **느슨한 모양**을
# 씁니다. 배치 크기만 다르면 `(None, 28, 28, 1)`이 되지만, 차원 수까지 다르면 차원 수조차 모르는 모양
# (`shape=<unknown>`)이 됩니다. 차원 수를 모르니 셀 수도 없고, 그래서 오류가 납니다.
#
# 4차원 입력으로 예측한 적이 있는 모델에, 255로 나누기만 하고 `reshape`를 잊은 새 이미지를 넣어 보겠습니다.

# %%
model = helpers.build_cnn()
print("4차원 입력의 예측 모양:", model.predict(x_small, verbose=0).shape)  # 올바른 모양으로 먼저 씁니다
new_images = x_raw[:64] / 255.0  # 스케일 조정만 하고 reshape는 잊었습니다
print("새 이미지 모양:", new_images.shape)

# %%
with helpers.show_error():
    model.predict(new_images, verbose=0)

# %% [markdown]
# 오류는 `Sequential.call()`에서 났고, 가운데 줄의 설명은 `Cannot take the length of shape with unknown rank.`(차원
# 수를 모르는 모양의 길이를 잴 수 없다)입니다. 맨 아래 `Arguments received by Sequential.call()`에는 모델이 받은 입력이
# `tf.Tensor(shape=<unknown>, dtype=float32)`로 나옵니다. 방금 설명한 느슨한 모양입니다. 설명만으로는 원인을 짐작하기
# 어려우니, 이런 메시지가 `Sequential.call()`에서 나오면 **입력의 모양**부터 의심하세요. 채널 축을 붙이면 해결됩니다.

# %%
predictions = model.predict(new_images.reshape(-1, 28, 28, 1), verbose=0)
print("예측 모양:", predictions.shape)

# %% [markdown]
# 같은 `new_images`를 **새로 만든** 모델에 처음으로 넣으면, 3차원 모양 그대로 추적하므로 차원 수를 셀 수 있고
# Keras가 채널 축을 붙여 줍니다. 오류가 나지 않습니다.

# %%
fresh_model = helpers.build_cnn()
print("새 모델의 예측 모양:", fresh_model.predict(new_images, verbose=0).shape)

# %% [markdown]
# 하지만 이 모델에 이번에는 **올바른** 4차원 이미지를 넣으면, 거꾸로 올바른 입력에서 같은 오류가 납니다. 차원 수가
# 다른 입력이 들어와 느슨한 모양으로 다시 추적했기 때문입니다.

# %%
with helpers.show_error():
    fresh_model.predict(x_small, verbose=0)

# %% [markdown]
# 모델을 `fresh_model(x_small)`처럼 직접 부르면 `predict()`의 `tf.function`을 거치지 않고 실제 배열의 모양으로 바로
# 계산하므로 이 오류가 나지 않습니다. 문제는 모델이 아니라 추적에 있다는 증거입니다.

# %%
print("직접 부른 결과의 모양:", tuple(fresh_model(x_small).shape))

# %% [markdown]
# 똑같은 코드가 앞에서 무엇을 넣었느냐에 따라 되기도 하고 안 되기도 하는 셈입니다. 그러니 이 너그러움에 기대지 말고
# 언제나 `(N, 28, 28, 1)`로 넣으세요.
#
# 배치 축도 마찬가지입니다. 특히 **이미지 한 장**을 넣을 때 실수하기 쉽습니다. `x_small[0]`의 모양은 `(28, 28, 1)`로
# 차원이 하나 모자라므로, 모델은 빠진 축을 끝에 붙이고 첫 번째 축을 배치 축으로 읽습니다. 즉 `(28, 28, 1, 1)`,
# '높이 28, 너비 1짜리 이미지 28장'으로 받아들입니다. 그러면 너비 1을 2×2로 풀링할 수 없어서 풀링 층에서
# `Negative dimension size caused by subtracting 2 from 1` 오류가 나거나, 모델이 전에 무엇을 받았느냐에 따라 앞에서
# 본 `Cannot take the length of shape with unknown rank.` 오류가 납니다. 어느 쪽이든 '배치 축이 없다'는 말은 어디에도
# 없습니다. 7장에서 배웠듯이 한 장을 예측할 때도 `x[0:1]`이나 `x[None]`으로 배치 축을 남겨 `(1, 28, 28, 1)`을 만들어야
# 합니다. 이 실수는 뒤의 '`helpers`가 미리 잡아 주는 실수'에서 더 알기 쉬운 메시지로 잡아 보겠습니다.
#
# ## 실수 6. 콜백 인자 이름의 오타: `patiece=`
#
# 조기 종료 콜백을 만들며 `patience`를 `patiece`로 잘못 쓴 코드입니다.

# %%
with helpers.show_error():
    keras.callbacks.EarlyStopping(patiece=2, restore_best_weights=True)

# %% [markdown]
# 실수 1과 같은 종류의 오타인데 이번에는 `ValueError`가 아니라 `TypeError`입니다. 차이는 함수가 인자를 받는 방식에
# 있습니다. `EarlyStopping.__init__()`은 받을 인자의 이름을 하나하나 정해 두었기 때문에, 모르는 이름이 오면
# **파이썬 자체가** `got an unexpected keyword argument 'patiece'`라며 `TypeError`를 냅니다. 반면 `Conv2D`는
# `**kwargs`로 나머지 인자를 한꺼번에 받은 뒤 **Keras가** 직접 검사하므로 `ValueError`가 납니다. 어느 쪽이든 메시지에
# 잘못 쓴 이름이 그대로 나오니, 그 이름을 문서의 인자 이름과 한 글자씩 비교하면 됩니다.

# %%
early_stopping = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
print("참을성(patience):", early_stopping.patience)

# %% [markdown]
# ## 실수 7. 체크포인트 파일 이름: `.h`, `.h5`, `.keras`
#
# 한 원본 노트는 체크포인트 파일 이름을 `'best_cnn_model.h'`로, 다른 노트는 `'best-cnn-model.h5'`로 썼습니다.
# 먼저 `.h`입니다.

# %%
with helpers.show_error():
    keras.callbacks.ModelCheckpoint("best_cnn_model.h", save_best_only=True)

# %% [markdown]
# 파일 이름이 `.keras`로 끝나야 한다
# (``The filepath provided must end in `.keras` (Keras model format).``)는 뜻입니다. Keras 3에서 모델 전체를
# 저장하는 파일은 `.keras`로 끝나야 합니다. 확장자가 파일 형식을 정하기 때문입니다. 예전 TensorFlow 2.x의
# Keras는 이런 이름을 받으면 같은 이름의 **폴더**에 다른 형식(SavedModel)으로 저장했기 때문에 노트에서는 오류가
# 나지 않았습니다. 가중치만 저장하는 `save_weights_only=True`일 때는 이름이 `.weights.h5`로
# 끝나야 한다는 것도 기억해 두세요.

# %%
checkpoint = keras.callbacks.ModelCheckpoint("best-cnn-model.keras", save_best_only=True)
print("체크포인트 파일:", checkpoint.filepath)

# %% [markdown]
# `.h5`는 어떨까요? 예전 형식인 HDF5 파일로 저장하라는 뜻이라 오류 없이 동작합니다. 대신 저장할 때마다 이 형식이
# 낡았다는(`This file format is considered legacy.`) 메시지를 남깁니다. 이 메시지는 파이썬의 `warnings`가 아니라
# **로그**(`absl` 로거)로 나오므로 `warnings.catch_warnings()`로는 잡히지 않습니다. 로그 기록을 화면 대신 리스트에
# 모으는 작은 도구를 만들어 확인해 보겠습니다. 파일은 임시 폴더에 저장합니다.

# %%
@contextlib.contextmanager
def keras_log_messages():
    """with 블록 안에서 Keras가 남긴 로그 메시지를 화면 대신 리스트에 모읍니다."""
    logger = logging.getLogger("absl")
    handler = logging.handlers.BufferingHandler(capacity=100)
    messages = []
    logger.addHandler(handler)
    logger.propagate = False  # 화면(stderr)으로는 내보내지 않습니다
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        messages.extend(record.getMessage() for record in handler.buffer)


workdir = Path(tempfile.mkdtemp())  # 책 폴더에 파일을 남기지 않도록 임시 폴더에 저장합니다
model = helpers.compile_model(helpers.build_cnn())

# %%
h5_checkpoint = keras.callbacks.ModelCheckpoint(workdir / "best-cnn-model.h5", save_best_only=True)
with keras_log_messages() as messages:
    model.fit(x_small, y_small, epochs=1, validation_data=(x_small, y_small),
              callbacks=[h5_checkpoint], verbose=0)

print("저장된 파일:", [path.name for path in workdir.iterdir()])
for message in messages:
    print("로그:", message)

# %% [markdown]
# Keras는 `model.save('my_model.keras')`처럼 자체 형식을 쓰라고 권합니다. `.keras`로 바꾸면 로그 메시지가 없습니다.

# %%
keras_path = workdir / "best-cnn-model.keras"
keras_checkpoint = keras.callbacks.ModelCheckpoint(keras_path, save_best_only=True)
with keras_log_messages() as messages:
    model.fit(x_small, y_small, epochs=1, validation_data=(x_small, y_small),
              callbacks=[keras_checkpoint], verbose=0)

print("저장된 파일:", sorted(path.name for path in workdir.iterdir()))
print("로그 메시지 수:", len(messages))
shutil.rmtree(workdir)  # 연습용 파일이 남지 않도록 임시 폴더를 지웁니다

# %% [markdown]
# ## 실수 8. 스케일 조정을 빠뜨리기
#
# 지금까지는 모두 시끄러운 실수였습니다. 이제부터 볼 두 실수는 오류가 나지 않는 조용한 실수입니다.
#
# 0~255의 `uint8` 이미지를 255로 나누지 않고 그대로 넣어도 Keras는 아무 불평 없이 실수로 바꿔 계산합니다. 오류가
# 없으니 무엇이 달라지는지 직접 들여다봐야 합니다. 같은 가중치의 모델에 스케일 조정 전후의 이미지를 넣고 은닉층의
# 출력을 비교해 보겠습니다.

# %%
keras.utils.set_random_seed(0)
model = helpers.compile_model(helpers.build_cnn())
hidden = keras.Model(model.inputs, model.get_layer("hidden").output)  # 은닉층 출력까지만 계산하는 모델

raw_images = x_raw[:256].reshape(-1, 28, 28, 1)   # 0~255, 스케일 조정을 잊은 입력
scaled_images = helpers.scale_images(x_raw[:256])  # 0~1

hidden_raw = hidden.predict(raw_images, verbose=0)
hidden_scaled = hidden.predict(scaled_images, verbose=0)
print(f"은닉층 출력의 합의 비율: {hidden_raw.sum() / hidden_scaled.sum():.1f}배")
print("값 하나하나가 255배인가:", np.allclose(hidden_raw, 255 * hidden_scaled, rtol=1e-3, atol=1e-3))

# %% [markdown]
# 값 하나하나가 정확히 255배입니다. 훈련 전에는 절편이 모두 0이고, 합성곱·렐루·최대 풀링·밀집층은 모두 입력을 $c$배
# 하면 출력도 $c$배가 되는 연산이기 때문입니다($\mathrm{ReLU}(c x) = c\,\mathrm{ReLU}(x)$, $c > 0$). 출력층의
# 소프트맥스에 들어가는 값도 255배가 되면 확률이 한 클래스에 몰려, 아직 아무것도 배우지 않은 모델이 근거 없이 확신에
# 찬 예측을 합니다. 소프트맥스는 값의 **차이**에 지수적으로 반응하므로, 예를 들어 두 값의 차이가 0.02에서
# $0.02 \times 255 = 5.1$로 커지면 확률의 비는 $e^{0.02} \approx 1.02$배에서 $e^{5.1} \approx 164$배로 벌어집니다.
# 그 결과 훈련을 시작하기 전의 손실부터 크게 다릅니다.

# %% tags=["nbval-ignore-output"]
raw_loss = model.evaluate(raw_images, y_raw[:256], verbose=0, return_dict=True)["loss"]
scaled_loss = model.evaluate(scaled_images, y_raw[:256], verbose=0, return_dict=True)["loss"]
print(f"훈련 전 손실 - 스케일 조정 안 함: {raw_loss:.1f}, 스케일 조정함: {scaled_loss:.2f}")
print(f"열 개 클래스에 고르게 확률을 줄 때의 손실 -log(0.1) = {-np.log(0.1):.2f}")

# %% [markdown]
# 스케일 조정한 입력의 손실은 아무것도 모를 때의 값 $-\log 0.1 \approx 2.30$ 근처에서 출발하지만, 조정하지 않은
# 입력은 그보다 훨씬 큰 손실에서 출발합니다. 처음 몇 번의 그레이디언트가 그만큼 커서 훈련이 불안정해지고, 학습률
# 같은 하이퍼파라미터도 0~1 입력을 기준으로 정한 값이라 잘 맞지 않습니다. 오류가 나지 않으니 "이 모델은 원래 성능이
# 이 정도인가 보다" 하고 넘어가기 쉽다는 것이 이 실수의 위험입니다. 입력 범위를 `assert`로 확인하는 습관을 들이세요.

# %%
assert scaled_images.dtype == np.float32
assert scaled_images.min() >= 0.0 and scaled_images.max() <= 1.0
print("입력 범위:", scaled_images.min(), "~", scaled_images.max())

# %% [markdown]
# ## 실수 9. `train_sclaed` 오타: 검증 세트가 훈련에 섞인다
#
# 원본 노트(8-2)에는 이런 코드가 있습니다.
#
# ```python
# train_scaled = train_input.reshape(-1, 28, 28, 1) / 255.0
# train_sclaed, val_scaled, train_target, val_target = train_test_split(
#     train_scaled, train_target, test_size=0.2, random_state=42)
# ...
# history = model.fit(train_scaled, train_target, epochs=20,
#                     validation_data=(val_scaled, val_target), ...)
# ```
#
# 나눈 훈련 세트를 `train_sclaed`(철자 오타)라는 새 변수에 담았으므로 `train_scaled`는 나누기 전의 60,000장
# **그대로** 남습니다. 레이블 쪽은 철자가 맞아서 `train_target`이 나눈 뒤의 48,000개로 바뀝니다. 빠르게 확인할 수
# 있도록 앞의 1,000장으로 노트의 코드를 그대로 재현해 보겠습니다.

# %%
train_input, train_target = x_raw[:1000], y_raw[:1000]  # 60,000장 대신 1,000장으로 재현합니다

train_scaled = train_input.reshape(-1, 28, 28, 1) / 255.0
train_sclaed, val_scaled, train_target, val_target = train_test_split(
    train_scaled, train_target, test_size=0.2, random_state=42)

print("train_scaled:", train_scaled.shape, " train_target:", train_target.shape)
print("val_scaled:  ", val_scaled.shape, "   val_target:  ", val_target.shape)
model = helpers.compile_model(helpers.build_cnn())

# %%
with helpers.show_error():
    model.fit(train_scaled, train_target, epochs=1,
              validation_data=(val_scaled, val_target), verbose=0)

# %% [markdown]
# 첫 줄의 `Data cardinality is ambiguous.`는 개수(cardinality)가 맞지 않아 이미지와 레이블의 짝을 지을 수 없다는
# 뜻이고, 마지막 두 줄이 이미지는 1,000장(`'x' sizes: 1000`)인데 레이블은 800개(`'y' sizes: 800`)라고 알려 줍니다.
# 이번에는 운이 좋았습니다. 레이블 변수까지 덮어쓴 덕분에 오류가 났기 때문입니다.
#
# 운이 나쁜 경우도 쉽게 생깁니다. 주피터에서 이 오류를 보고 데이터를 불러오는 셀을 다시 실행하면 `train_target`은
# 나누기 전의 레이블로 돌아가지만, `train_scaled`는 여전히 나누기 전의 이미지입니다. 이제 개수가 맞으므로 `fit()`은
# **오류 없이** 돌아갑니다. (앞의 `fit()`은 `tf.function`을 추적하기 전, 데이터를 확인하는 단계에서 멈췄으므로 같은
# 모델로 다시 불러도 실수 4의 오류가 나지 않습니다.)

# %%
train_target = y_raw[:1000]  # 불러오는 셀을 다시 실행한 것과 같습니다
model.fit(train_scaled, train_target, epochs=1, validation_data=(val_scaled, val_target), verbose=0)
print(f"오류 없이 훈련했습니다. 훈련 이미지: {len(train_scaled)}장, 검증 이미지: {len(val_scaled)}장")

# %% [markdown]
# 겉보기에는 아무 문제가 없지만 검증 이미지가 모두 훈련 이미지 안에 들어 있습니다. 모델이 이미 본 문제로 시험을 치는
# 셈이라 검증 점수가 실제보다 좋게 나옵니다. 이렇게 평가용 데이터가 훈련에 새어 들어가는 것을
# **데이터 누수**(data leakage)라고 합니다([용어집](glossary.md)). 검증 손실로 판단하는 체크포인트와 조기 종료까지
# 잘못된 신호를 따르게 되고, 과대적합이 일어나도 알아채지 못합니다.
#
# 전체 60,000장에서 얼마나 겹치는지 훈련하지 않고 NumPy로 세어 보겠습니다. 이미지 대신 **번호**(인덱스)를 같은
# 방법으로 나누면 됩니다. `train_test_split`은 `random_state`가 같으면 배열의 길이만 보고 같은 순서로 섞으므로,
# 번호를 나눈 결과가 이미지를 나눈 결과와 정확히 일치합니다.

# %%
indices = np.arange(len(x_raw))
train_idx, val_idx = train_test_split(indices, test_size=0.2, random_state=42)

# 번호로 나눈 결과가 helpers.split_train_val로 이미지를 나눈 결과와 같은지 확인합니다
x_train, x_val, y_train, y_val = helpers.split_train_val(x_raw, y_raw)
same = np.array_equal(x_raw[val_idx], x_val) and np.array_equal(x_raw[train_idx], x_train)
print("번호로 나눈 결과와 이미지로 나눈 결과가 같은가:", same)

leaked = np.intersect1d(indices, val_idx)     # 실수: 훈련에 60,000장 전부를 씀
correct = np.intersect1d(train_idx, val_idx)  # 올바름: 나눈 48,000장만 씀
share = len(leaked) / len(val_idx)
print(f"오타가 있을 때  훈련 {len(indices):,}장 중 검증 이미지 {len(leaked):,}장 ({share:.0%})")
print(f"올바르게 나누면 훈련 {len(train_idx):,}장 중 검증 이미지 {len(correct):,}장")

# %% [markdown]
# 검증 이미지 12,000장이 **모두** 훈련에도 쓰입니다. 올바르게 나누면 겹치는 이미지는 하나도 없습니다.
#
# 이런 실수를 막는 방법은 두 가지입니다. 첫째, 데이터를 나눈 직후에 모양을 `assert`로 확인합니다. 오타가 있었다면
# 이 줄에서 바로 멈췄을 것입니다. 둘째, 같은 일을 매번 손으로 하지 말고 검증된 함수 하나로 합니다. 이 책의
# `helpers.load_splits()`가 그런 함수입니다.

# %%
train_scaled = x_raw.reshape(-1, 28, 28, 1) / np.float32(255.0)
train_scaled, val_scaled, train_target, val_target = train_test_split(
    train_scaled, y_raw, test_size=0.2, random_state=42)

assert train_scaled.shape == (48000, 28, 28, 1) and len(train_target) == 48000
assert val_scaled.shape == (12000, 28, 28, 1) and len(val_target) == 12000
print("훈련 세트:", train_scaled.shape, " 검증 세트:", val_scaled.shape)

# %% [markdown]
# ## `helpers`가 미리 잡아 주는 실수
#
# 이 책의 `helpers` 함수들은 입력을 받자마자 모양, 자료형, 값의 범위를 검사합니다. Keras 안쪽 깊은 곳에서 알아보기
# 어려운 오류가 나거나 조용히 잘못된 결과가 나오기 전에, **무엇이 잘못되었고 어떻게 고칠지** 한국어와 영어로 알려
# 줍니다. 영어 문장을 함께 두는 이유는 그대로 검색하기 좋기 때문입니다.
#
# ### 이미 스케일 조정한 이미지를 또 스케일 조정하기
#
# 스케일 조정을 두 번 하면 값이 0~1/255로 쪼그라듭니다. Keras는 이것도 조용히 받아들입니다.
# `helpers.scale_images()`는 아직 조정하지 않은 `uint8` 원본만 받습니다.

# %%
with helpers.show_error():
    helpers.scale_images(x_small)

# %%
print("원본의 자료형:", x_raw.dtype)
print("스케일 조정 결과:", helpers.scale_images(x_raw[:64]).shape)

# %% [markdown]
# ### 스케일 조정하지 않은 이미지로 평가하기
#
# 반대로 스케일 조정을 잊은 `uint8` 이미지를 평가나 예측에 넣으면 `helpers.evaluate_model()`이 멈춰 세웁니다.
# 실수 8의 `raw_images`는 채널 축까지 붙였지만 255로 나누지 않은 이미지였습니다.

# %%
model = helpers.compile_model(helpers.build_cnn())

# %%
with helpers.show_error():
    helpers.evaluate_model(model, raw_images[:64], y_small)

# %% tags=["nbval-ignore-output"]
scores = helpers.evaluate_model(model, helpers.scale_images(x_raw[:64]), y_small)
print(f"정확도 {scores['accuracy']:.4f}, 손실 {scores['loss']:.4f}")  # 훈련 전 모델이라 정확도는 낮습니다

# %% [markdown]
# ### 이미지 한 장을 배치 축 없이 예측하기
#
# 실수 5에서 본 것처럼 `x_small[0]`은 `(28, 28, 1)`이라 배치 축이 없습니다. Keras에 바로 넣으면 풀링 층에서 알아보기
# 힘든 오류가 나지만, `helpers.predict_proba()`는 입력을 보자마자 무엇을 고치면 되는지 알려 줍니다.

# %%
with helpers.show_error():
    helpers.predict_proba(model, x_small[0])

# %%
probabilities = helpers.predict_proba(model, x_small[0:1])  # 슬라이싱은 배치 축을 남깁니다
print("입력 모양:", x_small[0:1].shape, " 확률 모양:", probabilities.shape)

# %% [markdown]
# ### `.keras`가 아닌 체크포인트 이름
#
# `helpers.make_callbacks()`도 Keras와 같은 규칙을 먼저 검사하고, 받은 이름을 그대로 보여 줍니다.

# %%
with helpers.show_error():
    helpers.make_callbacks("best.h")

# %%
callbacks = helpers.make_callbacks("best-cnn-model.keras")
print([type(callback).__name__ for callback in callbacks])

# %% [markdown]
# ## 한눈에 보기
#
# | 실수 | 오류 종류 | 메시지의 핵심 | 고치는 법 |
# | --- | --- | --- | --- |
# | `Conv2D(..., input_size=(28, 28, 1))` | `ValueError` | `Unrecognized keyword arguments passed to Conv2D` | 모델 맨 앞에 `keras.Input(shape=(28, 28, 1))` |
# | `Conv2D(..., input_shape=(28, 28, 1))` | 경고만 | ``Do not pass an `input_shape`/`input_dim` argument to a layer.`` | `keras.Input(shape=...)` |
# | `Dropout(0,4)` | `ValueError`(Keras 3.13부터; 그 전에는 **오류 없음**) | ``Invalid value received for argument `noise_shape`.`` | `Dropout(0.4)` 또는 `Dropout(rate=0.4)` |
# | `compile(metrics='accuracy')` | `ValueError` (`compile` 때) | ``Expected `metrics` argument to be a list, tuple, or dict.`` | `metrics=['accuracy']` |
# | 실패한 `compile` 뒤의 `fit` | `ValueError` | ``You must call `compile()` before using the model.`` | 앞의 오류부터 고치기 |
# | 희소 손실 + 원-핫 레이블 | `ValueError` (`fit` 때) | ``Argument `output` must have rank (ndim) `target.ndim - 1`.`` | 정수 레이블(`argmax(axis=1)`) |
# | 실패한 `fit` 뒤 같은 모델로 `fit` | `ValueError` | `Creating variables on a non-first call to a function decorated with tf.function.` | 모델을 새로 만들기 |
# | 범주형 손실 + 정수 레이블 | `ValueError` (`fit` 때) | ``Arguments `target` and `output` must have the same rank (ndim).`` | 원-핫 레이블(`to_categorical`) 또는 `sparse_...` 손실 |
# | 채널 축 없이 `Conv2D`에 입력 | `ValueError` | `expected min_ndim=4, found ndim=3` | `reshape(-1, 28, 28, 1)` |
# | `predict`에 차원 수가 다른 입력 | `ValueError` | `Cannot take the length of shape with unknown rank.` | 언제나 `reshape(-1, 28, 28, 1)` |
# | 이미지 한 장을 배치 축 없이 예측 | `ValueError` | `Negative dimension size caused by subtracting 2 from 1` 또는 `Cannot take the length of shape with unknown rank.` | `x[0:1]` 또는 `x[None]` |
# | `EarlyStopping(patiece=2)` | `TypeError` | `got an unexpected keyword argument 'patiece'` | `patience=2` |
# | `ModelCheckpoint('best_cnn_model.h')` | `ValueError` | ``The filepath provided must end in `.keras` (Keras model format).`` | `'best-cnn-model.keras'` |
# | `ModelCheckpoint('best-cnn-model.h5')` | 로그 메시지만 | `This file format is considered legacy.` | `.keras` |
# | 스케일 조정을 잊음 | 오류 없음 | (손실이 크고 훈련이 불안정) | `/ 255` 또는 `helpers.scale_images`, 범위 `assert` |
# | `train_sclaed` 오타 | `ValueError` 또는 **오류 없음** | `Data cardinality is ambiguous.` / 데이터 누수 | 나눈 직후 모양 `assert`, `helpers.load_splits()` |
#
# ## 정리
#
# - 오류가 나면 트레이스백의 **마지막 부분**부터 읽습니다. 오류 종류는 무엇이 잘못되었는지(`TypeError`는 인자의
#   이름이나 종류, `ValueError`는 값이나 모양)를, 설명은 어디를 고칠지를 알려 줍니다. 층 안에서 난 오류는
#   `Exception encountered when calling …`과 `Arguments received by …` 사이의 줄이 설명입니다.
# - 인자 이름의 오타는 Keras 3에서 바로 오류가 됩니다. 메시지에 나온 이름을 문서와 한 글자씩 비교하고, 헷갈리는 인자는
#   `Dropout(rate=0.4)`처럼 이름을 붙여 씁니다.
# - 모양 오류는 짝 맞추기 문제입니다. 레이블 `(N,)`에는 `sparse_categorical_crossentropy`, `(N, 10)`에는
#   `categorical_crossentropy`를 쓰고, 이미지는 한 장이라도 `(배치, 28, 28, 1)`로 넣습니다. `predict()`는
#   `tf.function`으로 추적한 모양을 기억하므로, Keras가 빠진 축을 붙여 주는 너그러움에 기대지 않습니다.
# - 앞에서 무시한 오류가 뒤에서 엉뚱한 오류(`compile()`을 부르라는 오류, 변수를 만들 수 없다는 오류)로 나타납니다.
#   `compile()`이나 `fit()`이 실패했다면 원인을 고치고 모델을 새로 만듭니다.
# - Keras 3에서는 `metrics=['accuracy']`처럼 리스트로 쓰고, 체크포인트 파일 이름은 `.keras`로 끝냅니다.
# - 스케일 조정 누락과 데이터 누수는 오류 없이 결과만 망칩니다. 입력 범위와 데이터 모양을 `assert`로 확인하고, 검증
#   세트가 훈련 세트와 겹치지 않는지 NumPy로 세어 봅니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(9)

# %% [markdown]
# ### 연습 1. 실수 세 개 찾기
#
# 다음 코드에는 이 장에서 본 실수가 세 개 있습니다. 위에서부터 실행하면 어떤 오류가 어떤 순서로 날지 예상하고, 세 곳을
# 모두 고쳐 정수 레이블 `y_small`로 훈련이 되도록 만드세요. 아래 셀의 `____` 자리에 고친 코드를 쓰면 `check()`가 층의
# 구성, 드롭아웃 비율, 손실 함수와 훈련 여부를 봅니다.
#
# ```python
# model = keras.Sequential([
#     keras.Input(shape=(28, 28, 1)),
#     keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same"),
#     keras.layers.MaxPooling2D(2),
#     keras.layers.Flatten(),
#     keras.layers.Dense(100, activation="relu"),
#     keras.layers.Dropout(0,5),
#     keras.layers.Dense(10, activation="softmax"),
# ])
# model.compile(optimizer="adam", loss="categorical_crossentropy", metrics="accuracy")
# model.fit(x_small, y_small, epochs=1, verbose=0)
# ```
#
# <details><summary>풀이</summary>
#
# 파이썬은 위에서부터 실행하다가 첫 오류에서 멈추므로 오류는 한 번에 하나씩 나타납니다.
#
# 1. `Dropout(0,5)`: 모델을 만드는 순간 `ValueError`가 납니다(`Received: noise_shape=5`). `Dropout(0.5)`로 고칩니다.
# 2. `metrics="accuracy"`: `compile()`에서 `ValueError`가 납니다
#    (``Expected `metrics` argument to be a list, tuple, or dict.``). `metrics=["accuracy"]`로 고칩니다.
# 3. `loss="categorical_crossentropy"`: 레이블이 정수 `(N,)`이므로 `fit()`에서 `ValueError`가 납니다
#    (``Arguments `target` and `output` must have the same rank (ndim).``). 손실을
#    `sparse_categorical_crossentropy`로 바꿉니다. 손실을 그대로 두고 레이블을
#    `keras.utils.to_categorical(y_small, 10)`으로 바꿔도 됩니다.
#
# 세 번째 오류를 본 뒤에는 실수 4에서처럼 모델을 새로 만들어야 합니다. 풀이 코드는 세 곳을 고친 전체 코드입니다.
#
# </details>

# %% tags=["solution"]
model = keras.Sequential([  # 답: 세 곳을 고친 모델
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Flatten(),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dropout(0.5),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])  # 답: 고친 compile
model.fit(x_small, y_small, epochs=1, verbose=0)  # 답: 정수 레이블 y_small로 1 에포크 훈련
q[1].check(model)

# %% [markdown]
# ### 연습 2. 누수 검사 함수 만들기
#
# 이 장에서는 번호(인덱스)로 겹침을 셌습니다. 하지만 번호가 남아 있지 않은 경우도 많습니다. 두 이미지 배열을 받아
# 두 번째 배열의 이미지 가운데 첫 번째 배열에 **픽셀까지 똑같은** 이미지가 있는 것이 몇 장인지 세는 함수
# `count_shared(x_a, x_b)`를 만드세요. `check()`는 답을 아는 작은 배열로 함수를 불러 봅니다. 그다음 셀에서
# `helpers.split_train_val(x_raw, y_raw)`로 나눈 훈련 세트와 검증 세트, 그리고 나누기 전의 `x_raw`와 검증 세트에
# 적용해 보세요.
#
# 힌트: NumPy 배열의 `tobytes()`는 이미지를 파이썬 집합(`set`)에 넣을 수 있는 바이트열로 바꿉니다.
#
# <details><summary>풀이</summary>
#
# 첫 번째 배열의 이미지를 모두 바이트열로 바꿔 집합에 넣고, 두 번째 배열의 이미지가 그 집합에 있는지 셉니다. 집합에서
# 찾는 시간은 집합의 크기와 거의 상관이 없으므로 60,000장도 금방 끝납니다. 올바르게 나누면 0장, 오타처럼 나누기 전
# 배열을 훈련에 쓰면 12,000장이 나옵니다.
#
# 패션 MNIST의 훈련 이미지 60,000장에는 픽셀까지 똑같은 이미지가 없어서, 올바르게 나누면 0장이 나옵니다. 다른
# 데이터셋에서는 같은 이미지가 여러 번 들어 있는 일이 흔하므로 올바르게 나누었더라도 이런 검사가 쓸모 있습니다.
#
# </details>

# %% tags=["solution"]
def count_shared(x_a, x_b):  # 답
    """x_b의 이미지 가운데 x_a에 픽셀까지 똑같은 이미지가 있는 것의 수."""
    seen = {image.tobytes() for image in x_a}
    return sum(image.tobytes() in seen for image in x_b)


q[2].check(count_shared)

# %% tags=["solution"]
# 답: 올바르게 나눈 경우와 나누기 전 배열을 쓴 경우에 적용해 봅니다
x_train, x_val, y_train, y_val = helpers.split_train_val(x_raw, y_raw)
print("올바르게 나눈 경우:", count_shared(x_train, x_val))
print("나누기 전 배열을 훈련에 쓴 경우:", count_shared(x_raw, x_val))
print("훈련 이미지 60,000장 가운데 서로 다른 이미지:", len({image.tobytes() for image in x_raw}))

# %% [markdown]
# ### 연습 3. 테스트 이미지 한 장 예측하기
#
# `(_, _), (x_test, y_test) = helpers.load_fashion_mnist()`로 받은 `x_test[0]`은 `(28, 28)` 모양의 `uint8`
# 이미지입니다. 이 한 장을 `helpers.predict_proba(model, ...)`에 넣을 수 있도록 바꾸는 코드를 한 줄로 써서 `image`에
# 넣고, 결과 확률 `probabilities`의 모양이 `(1, 10)`인지 확인하세요. 고쳐야 할 것은 몇 가지일까요?
#
# <details><summary>풀이</summary>
#
# 세 가지입니다. 배치 축, 채널 축, 스케일 조정입니다. `x_test[0:1]`로 배치 축을 남긴 `(1, 28, 28)`을 만들면
# `helpers.scale_images()`가 채널 축을 붙이고 0~1로 스케일 조정까지 해 줍니다.
#
# </details>

# %% tags=["solution"]
(_, _), (x_test, y_test) = helpers.load_fashion_mnist()
image = helpers.scale_images(x_test[0:1])  # 답: (1, 28, 28, 1), float32, 0~1
probabilities = helpers.predict_proba(model, image)  # 답: 연습 1의 모델이 돌려준 확률
q[3].check(image, probabilities)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [8. 필터와 특성 맵 시각화](08_filters_and_feature_maps.ipynb) · 다음: [10. 더 강한 모델 만들기](10_stronger_model.ipynb)
