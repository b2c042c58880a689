# %% [markdown]
# # 6. 컴파일과 훈련
#
# 4장에서 데이터를 준비했고 5장에서 모델의 구조를 만들었습니다. 하지만 방금 만든 모델의 가중치는 무작위로
# 정해진 값일 뿐이라서, 지금 상태로는 티셔츠와 앵클 부츠를 구별하지 못합니다. 이 장에서는 모델에게 **무엇을 기준으로,
# 어떤 방법으로 배울지** 알려 주고(컴파일), 실제로 데이터를 보여 주며 가중치를 고쳐 나갑니다(훈련).
#
# 훈련을 무작정 오래 하면 모델이 훈련 세트만 외우는 과대적합에 빠집니다. 그래서 두 가지 **콜백**을 함께 씁니다.
# 가장 좋았던 모델을 파일로 남겨 두는 **체크포인트**와, 더 나아지지 않으면 훈련을 멈추는 **조기 종료**입니다.
# 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - `compile()`의 세 인자인 옵티마이저, 손실 함수, 지표가 각각 무슨 역할을 하는지 설명할 수 있습니다.
# - 정수 레이블에 `sparse_categorical_crossentropy`를 쓰는 이유를 원-핫 인코딩과 비교해 이해합니다.
# - 로짓이 무엇이고 `from_logits=True`가 언제 필요한지 압니다.
# - 아담(Adam) 옵티마이저가 파라미터마다 한 번에 움직이는 양을 조절하는 원리를 직관적으로 이해합니다.
# - `ModelCheckpoint`와 `EarlyStopping` 콜백으로 최적의 모델을 저장하고 훈련을 알맞은 때에 멈춥니다.
# - 학습 곡선을 읽고, 저장한 모델을 다시 불러와 같은 성능이 나오는지 확인합니다.

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

# %% [markdown]
# ## 데이터 준비
#
# 4장에서 한 일, 즉 패션 MNIST를 불러와 0~1로 스케일 조정하고 훈련 세트와 검증 세트로 나누는 과정을
# `helpers.load_splits()` 한 줄로 다시 실행합니다. 테스트 세트는 이 장에서 쓰지 않고 7장 마지막까지 아껴 둡니다.
# 훈련 세트와 검증 세트는 원본 노트처럼 짧은 이름으로 꺼내 둡니다.

# %%
data = helpers.load_splits()
x_train, y_train = data.x_train, data.y_train
x_val, y_val = data.x_val, data.y_val

print("훈련 이미지:", x_train.shape, " 검증 이미지:", x_val.shape)

# %% [markdown]
# ## 컴파일이란: 무엇을 줄이고, 어떻게 줄이고, 무엇을 지켜볼까
#
# Keras 모델의 `compile()` 메서드는 훈련 방법을 정합니다. 인자는 세 가지입니다.
#
# | 인자 | 정하는 것 | 이 책의 값 |
# | --- | --- | --- |
# | `loss` | 훈련이 **줄여야 할** 값, 즉 손실 함수 | `"sparse_categorical_crossentropy"` |
# | `optimizer` | 손실을 **어떻게** 줄일지, 즉 가중치를 고치는 방법 | `"adam"` |
# | `metrics` | 훈련 중에 사람이 **지켜볼** 값 | `["accuracy"]` |
#
# 손실과 지표의 차이가 중요합니다. 정확도는 사람이 이해하기 쉽지만 예측이 조금 바뀌어도 맞힘과 틀림이 뒤집히기 전까지는
# 값이 변하지 않는 계단 모양이라, 가중치를 어느 쪽으로 고쳐야 할지 알려 주지 못합니다. 그래서 모델은 매끄럽게 변하는
# **손실**을 줄이도록 훈련하고, 우리는 그 결과를 **정확도**로 확인합니다.
#
# ## 손실 함수: 크로스 엔트로피와 희소(sparse) 레이블
#
# 출력층의 소프트맥스는 열 개 클래스의 확률을 냅니다. 정답 클래스를 $y$, 모델이 그 클래스에 준 확률을 $p_y$라고 하면
# [크로스 엔트로피](glossary.md) 손실은 다음과 같습니다.
#
# $$L = -\log p_y$$
#
# 정답에 확률 1을 주면 $-\log 1 = 0$으로 손실이 없고, 확률이 0.7이면 $-\log 0.7 \approx 0.357$, 0.1이면
# $-\log 0.1 \approx 2.303$입니다. 정답에 낮은 확률을 줄수록 손실이 가파르게 커지므로, 자신 있게 틀리는 예측이
# 가장 큰 벌을 받습니다. 훈련 세트 전체의 손실은 이 값의 평균입니다.
#
# 레이블을 나타내는 방법은 두 가지입니다. 패션 MNIST의 레이블은 `9`(앵클 부츠)처럼 **정수 하나**입니다. 이를
# `[0, 0, 0, 0, 0, 0, 0, 0, 0, 1]`처럼 정답 자리만 1인 길이 10의 벡터로 바꾸는 것이 **원-핫 인코딩**입니다.
#
# - 원-핫 레이블에는 `categorical_crossentropy`를 씁니다.
# - 정수 레이블에는 `sparse_categorical_crossentropy`를 씁니다. 여기서 '희소(sparse)'는 0이 대부분인 원-핫
#   벡터를 만들지 않고 정답 번호만 들고 있다는 뜻입니다.
#
# 두 손실은 **같은 값**을 계산합니다. 원-핫 벡터와 확률의 곱을 더하면 결국 정답 자리의 확률 하나만 남기 때문입니다.
# 직접 확인해 봅시다.

# %%
probabilities = np.array([[0.1, 0.7, 0.2]], dtype="float32")  # 세 클래스짜리 작은 예
sparse_label = np.array([1])                                 # 정답은 1번 클래스
one_hot_label = keras.utils.to_categorical(sparse_label, num_classes=3)

sparse_loss = float(keras.losses.SparseCategoricalCrossentropy()(sparse_label, probabilities))
one_hot_loss = float(keras.losses.CategoricalCrossentropy()(one_hot_label, probabilities))

print("원-핫 레이블:", one_hot_label)
print(f"-log(0.7)          = {-np.log(0.7):.4f}")
print(f"sparse 손실        = {sparse_loss:.4f}")
print(f"categorical 손실   = {one_hot_loss:.4f}")

# %% [markdown]
# 값이 같으니 레이블 모양에 맞는 쪽을 고르면 됩니다. 우리의 레이블은 1차원 정수 배열이므로
# `sparse_categorical_crossentropy`가 맞습니다. 원-핫 변환을 하지 않아도 되니 메모리도 덜 듭니다. 레이블
# 48,000개를 정수로 두면 48,000개의 값이지만, 원-핫으로 바꾸면 480,000개의 값이 됩니다.

# %%
print("레이블 배열의 모양:", data.y_train.shape, " 앞 10개:", data.y_train[:10])

# %% [markdown]
# 반대로 정수 레이블에 `categorical_crossentropy`를 쓰면 레이블 모양 `(N,)`과 출력 모양 `(N, 10)`이 맞지 않아
# ``Arguments `target` and `output` must have the same rank (ndim).``로 시작하는 `ValueError`가 납니다. 손실 함수
# 이름의 `sparse`는 레이블 모양과 짝을 맞춘다고 기억해 두세요.
#
# ### 로짓과 `from_logits`
#
# 소프트맥스를 적용하기 **전**의 출력층 값을 [로짓](glossary.md)(logit)이라고 합니다. 로짓은 음수일 수도 있고
# 합이 1이라는 보장도 없는 보통의 실수이며, 소프트맥스가 이를 합이 1인 확률로 바꿉니다. 이 책의 모델은 출력층에
# `activation="softmax"`가 있으므로 확률을 내고, 손실 함수도 확률을 받는다고 가정합니다(기본값 `from_logits=False`).
#
# 다른 책이나 코드에서는 출력층에 소프트맥스를 두지 않고 로짓을 그대로 내는 모델도 자주 봅니다. 그럴 때는 손실 함수에
# `from_logits=True`를 알려 주면, 손실 함수가 안에서 소프트맥스까지 함께 계산합니다. 두 방법의 손실이 같은지
# 확인해 봅시다.

# %%
logits = np.array([[1.0, 3.0, 0.5]], dtype="float32")             # 소프트맥스 전의 출력층 값
softmax_probabilities = keras.ops.convert_to_numpy(keras.ops.softmax(logits))

on_probabilities = keras.losses.SparseCategoricalCrossentropy()(sparse_label, softmax_probabilities)
on_logits = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(sparse_label, logits)
logits_as_probabilities = keras.losses.SparseCategoricalCrossentropy()(sparse_label, logits)

print("소프트맥스 확률:", np.round(softmax_probabilities, 4))
print(f"확률에 기본 손실          : {float(on_probabilities):.4f}")
print(f"로짓에 from_logits=True   : {float(on_logits):.4f}")
print(f"로짓에 from_logits를 빠뜨림: {float(logits_as_probabilities):.4f}")

# %% [markdown]
# 앞의 두 값은 같습니다. 셋째 줄은 로짓을 확률인 것처럼 넘긴 경우로, **오류 없이** 엉뚱한 손실이 나옵니다. 그러니
# 출력층에 소프트맥스가 있는지 없는지에 맞춰 `from_logits`를 정해야 합니다. 출력층에 소프트맥스가 있는데
# `from_logits=True`를 주는 것도 틀린 조합입니다. 소프트맥스를 두 번 적용하게 되기 때문입니다.
#
# ## 옵티마이저: 아담(Adam)
#
# 옵티마이저는 손실의 그레이디언트 $g$를 보고 가중치를 고칩니다. 가장 단순한 경사 하강법은 학습률 $\eta$만큼
# 그레이디언트의 반대 방향으로 움직입니다.
#
# $$w \leftarrow w - \eta \, g$$
#
# 이 방식은 그레이디언트의 크기가 파라미터마다 크게 다르면 곤란합니다. 그레이디언트가 큰 파라미터는 너무 멀리 튀고,
# 작은 파라미터는 거의 움직이지 않습니다. **아담**(Adam)은 두 가지 이동 평균으로 이를 해결합니다.
#
# - $m$: 그레이디언트의 이동 평균입니다. 최근 그레이디언트들이 가리키는 방향을 기억하므로, 배치마다 흔들리는
#   그레이디언트를 부드럽게 만들어 줍니다(모멘텀). 기본값 $\beta_1 = 0.9$이면 대략 최근 10번을 평균합니다.
# - $v$: 그레이디언트 **제곱**의 이동 평균입니다. 그 파라미터의 그레이디언트가 보통 얼마나 큰지를 기억합니다.
#   기본값 $\beta_2 = 0.999$이면 대략 최근 1,000번을 평균합니다.
#
# 그리고 $m$을 $\sqrt{v}$로 나눈 만큼 움직입니다($\hat m, \hat v$는 0에서 시작한 탓에 초반에 0 쪽으로 치우친 값을
# 바로잡은 것입니다).
#
# $$w \leftarrow w - \eta \, \frac{\hat m}{\sqrt{\hat v} + \epsilon}$$
#
# 먼저 같은 그레이디언트가 계속 들어오는 가장 단순한 경우를 봅시다. 크기가 서로 만 배 차이 나는 세 파라미터에
# Keras의 기본값인 $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$를 씁니다.

# %%
def adam_steps(gradients, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """그레이디언트가 차례로 들어올 때 아담이 매번 움직이는 양(부호 포함)."""
    m = v = 0.0
    steps = []
    for t, gradient in enumerate(gradients, start=1):
        m = beta_1 * m + (1 - beta_1) * gradient
        v = beta_2 * v + (1 - beta_2) * gradient**2
        m_hat = m / (1 - beta_1**t)        # 0에서 시작한 치우침 보정
        v_hat = v / (1 - beta_2**t)
        steps.append(learning_rate * m_hat / (np.sqrt(v_hat) + epsilon))
    return np.array(steps)


for gradient in [0.01, 1.0, 100.0]:
    sgd = 0.001 * gradient
    adam = ", ".join(f"{step:.6f}" for step in adam_steps([gradient] * 3))
    print(f"그레이디언트 {gradient:>6}: 경사 하강법 한 걸음 {sgd:.6f} | 아담 세 걸음 {adam}")

# %% [markdown]
# 경사 하강법의 걸음은 그레이디언트에 비례해 0.00001부터 0.1까지 만 배 차이가 나지만, 아담의 걸음은 모두 약
# 0.001입니다. 그레이디언트가 일정하면 $\hat m$과 $\sqrt{\hat v}$가 둘 다 그 그레이디언트와 같아져서 나눈 값이 1이
# 되기 때문입니다. 그래서 아담은 그레이디언트의 크기(단위)에 휘둘리지 않습니다.
#
# 하지만 실제 훈련의 그레이디언트는 일정하지 않습니다. 배치마다 다른 이미지를 보므로 그레이디언트에 잡음이 섞이고,
# 부호가 자주 뒤집힙니다. 아담의 진짜 장점은 여기서 드러납니다. 세 가지 그레이디언트를 1,000번씩 넣어 봅시다.
#
# - 매번 1인 그레이디언트
# - +1과 −1이 번갈아 오는 그레이디언트(평균 0: 가야 할 방향이 없습니다)
# - 평균 1에 표준 편차 3인 잡음을 더한 그레이디언트(가야 할 방향은 있지만 셋에 하나꼴로 부호가 뒤집힙니다)
#
# 걸음마다 움직인 양의 절댓값을 모두 더한 것을 '걸은 거리', 부호까지 더해서 실제로 나아간 양을 '이동한 거리'라고
# 부르겠습니다.

# %%
rng = np.random.default_rng(42)
count = 1000
cases = {
    "매번 1": np.ones(count),
    "+1과 -1을 번갈아": np.tile([1.0, -1.0], count // 2),
    "1 + 잡음(표준 편차 3)": 1.0 + 3.0 * rng.standard_normal(count),
}
for name, gradients in cases.items():
    sgd = 0.001 * gradients              # 경사 하강법: 학습률 × 그레이디언트
    adam = adam_steps(gradients)
    print(f"{name} (음수 비율 {np.mean(gradients < 0):.0%})")
    print(f"  경사 하강법: 걸은 거리 {np.abs(sgd).sum():.3f}, 이동한 거리 {sgd.sum():.3f}")
    print(f"  아담       : 걸은 거리 {np.abs(adam).sum():.3f}, 이동한 거리 {adam.sum():.3f},"
          f" 마지막 걸음 {adam[-1]:+.6f}")

# %% [markdown]
# 그레이디언트가 매번 1이면 두 방법이 똑같습니다. 차이는 나머지 두 경우에서 납니다.
#
# - **부호가 번갈아 바뀌면** 경사 하강법은 매번 학습률만큼 앞뒤로 오가며 제자리걸음을 합니다. 아담은 $m$이 +1과
#   −1을 평균해 0 가까이로 줄어드는 반면, $v$는 제곱의 평균이라 부호와 상관없이 1로 남습니다. 그래서
#   $\hat m / \sqrt{\hat v}$가 작아지고, 아담의 걸음은 학습률의 몇 % 수준으로 줄어듭니다. 갈 방향이 없는 파라미터는
#   거의 움직이지 않는 것입니다.
# - **잡음이 섞이면** 경사 하강법은 잡음까지 그대로 따라가서 걸은 거리가 이동한 거리의 두 배를 훌쩍 넘습니다. 아담은 $m$이
#   잡음을 평균해 지우고, $v$에는 잡음의 크기까지 들어갑니다. 그래서 걸음이 대략 학습률에 '그레이디언트의 평균 ÷
#   그레이디언트 제곱의 평균의 제곱근'을 곱한 크기, 여기서는 $1/\sqrt{1 + 3^2} \approx 0.32$배로 작아집니다. 한 번에
#   움직이는 양은 줄었지만 걸은 거리와 이동한 거리가 거의 같습니다. 거의 모든 걸음이 올바른 방향이라는 뜻입니다.
#
# 정리하면 아담의 한 걸음은 **그레이디언트의 방향이 일관될수록 학습률 $\eta$에 가깝고, 흔들릴수록 작아집니다**.
# 파라미터마다 이 조절이 따로 일어나므로 학습률 하나로 수많은 파라미터를 함께 훈련해도 대체로 잘 작동하고,
# Keras의 기본 학습률 0.001이 많은 문제에서 좋은 출발점이 됩니다. `optimizer="adam"`이라고 문자열로 쓰면 이 기본
# 설정의 `keras.optimizers.Adam()`이 만들어집니다. 학습률을 바꾸고 싶다면
# `optimizer=keras.optimizers.Adam(learning_rate=0.0005)`처럼 객체를 직접 넘깁니다. 학습률처럼 사람이 정해 주는
# 값을 하이퍼파라미터라고 합니다.
#
# ## 모델 만들고 컴파일하기
#
# 이제 모델을 만듭니다. 그 **바로 앞에서** 난수 시드를 고정합니다. 가중치의 초깃값은 모델을 만드는 순간 무작위로
# 정해지고, 훈련 중에도 배치 순서 섞기와 드롭아웃이 난수를 씁니다. `helpers.seed_everything(42)`는 Python, NumPy,
# TensorFlow의 시드를 모두 42로 맞추고 TensorFlow 연산의 순서까지 고정합니다. 그래서 같은 컴퓨터에서는 몇 번을
# 실행해도 같은 훈련 기록이 나옵니다. 시드를 모델을 만든 **뒤에** 고정하면 초기 가중치는 이미 제멋대로 정해진
# 뒤라서 소용이 없습니다.
#
# 다만 CPU 종류가 다른 컴퓨터에서는 부동소수점 덧셈의 순서가 달라서 첫 에포크부터 넷째 자리쯤에서 숫자가 조금씩
# 어긋나고, 그 차이가 쌓여 조기 종료가 다른 에포크에서 일어나면 검증 정확도가 소수 둘째 자리에서 달라지기도 합니다.
# 여러분의 결과가 이 책과 조금 다르더라도 정상입니다. 모델의 성능은 한 번의 실행이 아니라 이 정도의 폭으로 보아야 합니다.

# %%
helpers.seed_everything(42)   # 모델을 만들기 전에: 초기 가중치부터 재현되도록
model = helpers.build_cnn()

# %% [markdown]
# 원본 노트는 `metrics='accuracy'`처럼 지표를 문자열 하나로 넘겼습니다. Keras 3에서 그대로 실행하면 어떻게 되는지
# 봅시다. 이 셀은 **일부러 오류를 냅니다**. 오류가 나는 줄을 `with helpers.show_error():` 안에 두면, Keras가 낸
# 오류의 종류와 설명만 출력하고 노트북은 다음 셀로 계속 실행됩니다. 오류 메시지를 읽는 법은 9장에서 자세히 다룹니다.

# %%
with helpers.show_error():
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics="accuracy")

# %% [markdown]
# 출력된 ``Expected `metrics` argument to be a list, tuple, or dict.``는 `metrics`에 리스트, 튜플, 딕셔너리
# 가운데 하나를 기대했는데, ``Received instead: metrics=accuracy of type <class 'str'>``, 즉 문자열을 받았다는
# 뜻입니다. 지표는 여러 개를 함께 지켜볼 수 있으므로 하나뿐이어도 `["accuracy"]`처럼 **리스트**로 넘깁니다.

# %%
model.compile(
    optimizer="adam",                         # 학습률 0.001의 아담
    loss="sparse_categorical_crossentropy",   # 레이블이 정수이므로 sparse
    metrics=["accuracy"],                     # 문자열이 아니라 리스트
)

print("옵티마이저:", type(model.optimizer).__name__)
print("학습률:", round(float(model.optimizer.learning_rate), 6))
print(f"훈련할 파라미터: {model.count_params():,}개")

# %% [markdown]
# 파라미터 333,526개는 5장에서 센 그대로입니다. 이 값들이 이제 손실을 줄이는 방향으로 조금씩 바뀔 것입니다.
#
# ## 콜백: 체크포인트와 조기 종료
#
# **콜백**은 `fit()`이 훈련하는 도중 정해진 때(여기서는 에포크가 끝날 때마다) Keras가 대신 불러 주는 객체입니다.
# 두 가지를 씁니다. 둘 다 기본으로 **검증 손실**(`val_loss`)을 지켜봅니다.
#
# **체크포인트**(`ModelCheckpoint`)는 모델을 파일로 저장합니다. `save_best_only=True`이면 검증 손실이 지금까지
# 가장 낮을 때만 저장하므로, 훈련이 끝나면 파일에는 **가장 좋았던 에포크의 모델**이 남습니다. Keras 3의 모델 파일은
# 확장자가 `.keras`여야 합니다. 첫 번째 원본 노트의 `'best_cnn_model.h'`를 넘기면 다음 오류가 납니다. 두 번째 원본
# 노트(8-2)의 `'best-cnn-model.h5'`는 예전 HDF5 형식이라 오류 없이 받아들여지지만, 저장할 때마다 낡은 형식이라는 로그
# 메시지를 남기므로 권장하지 않습니다(9장의 실수 7).
#
# ```text
# ValueError: The filepath provided must end in `.keras` (Keras model format). Received: filepath=best_cnn_model.h
# ```
#
# **조기 종료**(`EarlyStopping`)는 검증 손실이 더는 나아지지 않으면 훈련을 멈춥니다.
#
# - `patience=2`: 검증 손실이 **두 에포크 연속** 최고 기록을 넘지 못하면 멈춥니다. 한 번 나빠졌다고 바로 멈추면
#   우연한 흔들림에 속을 수 있으므로 조금 기다려 주는 것입니다.
# - `restore_best_weights=True`: 훈련이 끝날 때 모델의 가중치를 **검증 손실이 가장 낮았던 에포크**의 것으로
#   되돌립니다. 이것이 없으면 모델에는 마지막 에포크의 가중치, 즉 이미 나빠지기 시작한 가중치가 남습니다. 원본 노트의
#   첫 번째 코드는 이 인자를 빠뜨렸고, 두 번째 코드는 `patience`를 `patiece`로 잘못 써서 다음 오류가 납니다.
#
# ```text
# TypeError: EarlyStopping.__init__() got an unexpected keyword argument 'patiece'
# ```
#
# 조기 종료가 언제 멈추는지 작은 예로 따라가 봅시다. 검증 손실이 아래처럼 나왔다고 합시다.

# %%
def when_early_stopping_stops(val_losses, patience=2):
    """EarlyStopping과 같은 규칙: (멈춘 에포크, 되돌릴 최고 에포크), 둘 다 1부터 셉니다."""
    best_loss, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best_loss:
            best_loss, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1                 # 최고 기록을 못 넘은 에포크가 이어진 수
            if wait >= patience:
                return epoch, best_epoch
    return len(val_losses), best_epoch


example = [0.42, 0.33, 0.30, 0.31, 0.32, 0.28]
stopped, best = when_early_stopping_stops(example, patience=2)
print(f"{stopped} 에포크에서 멈추고 {best} 에포크의 가중치로 되돌립니다.")

# %% [markdown]
# 3 에포크의 0.30이 최고 기록이고, 4와 5 에포크가 연속으로 이를 넘지 못했으므로 5 에포크에서 멈춥니다. 6 에포크에
# 0.28로 더 좋아질 수도 있었지만 조기 종료는 미래를 모릅니다. `patience`를 키우면 이런 늦은 개선을 기다려 줄 수 있지만
# 그만큼 훈련이 길어집니다. `patience`도 하이퍼파라미터입니다.
#
# 이제 실제 콜백을 만듭니다. 체크포인트 파일 `best-cnn-model.keras`는 원본 노트처럼 노트북이 있는 폴더에 저장됩니다.
# 세 번째 콜백 `helpers.EpochTimer()`는 에포크마다 걸린 시간을 기록해 두는 작은 콜백입니다.

# %%
checkpoint_cb = keras.callbacks.ModelCheckpoint("best-cnn-model.keras", save_best_only=True)
early_stopping_cb = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
timer = helpers.EpochTimer()

print("지켜볼 값:", checkpoint_cb.monitor, "/", early_stopping_cb.monitor)

# %% [markdown]
# ## 훈련하기
#
# `fit()`에 훈련 데이터, 최대 에포크 수, 검증 세트, 콜백을 넘깁니다. 한 **에포크**는 훈련 세트 전체를 한 번 훑는
# 것이고, Keras는 기본으로 32장씩 묶은 **배치**마다 가중치를 한 번 고칩니다. 훈련 이미지가 48,000장이면 한 에포크에
# $48000 / 32 = 1500$번 가중치를 고치는 셈입니다. 에포크가 끝날 때마다 검증 세트로 손실과 정확도를 재고, 이 값을 보고
# 콜백이 저장하거나 멈출지를 정합니다.
#
# `verbose=2`는 에포크마다 한 줄씩만 출력합니다. 기본값의 진행 막대는 노트북 출력을 매우 길게 만듭니다.
# 전체 데이터로 훈련하면 컴퓨터에 따라 시간이 꽤 걸립니다.

# %% tags=["nbval-ignore-output"]
history = model.fit(
    x_train,
    y_train,
    epochs=20,                              # 최대 에포크 수: 조기 종료가 더 일찍 멈출 수 있습니다
    validation_data=(x_val, y_val),
    callbacks=[checkpoint_cb, early_stopping_cb, timer],
    verbose=2,
)

# %% [markdown]
# 각 줄의 `accuracy`와 `loss`는 그 에포크 동안의 훈련 세트 성능이고, `val_accuracy`와 `val_loss`는 에포크가 끝난
# 뒤 잰 검증 세트 성능입니다. 훈련 세트 값은 드롭아웃이 켜진 채 에포크 내내 바뀌는 가중치로 잰 평균이라서, 검증 세트
# 값보다 낮게 나오기도 합니다.
#
# 훈련한 모델과 훈련 기록을 `helpers.save_trained()`로 저장해 둡니다. 7장, 8장, 10장이 모델을 다시 훈련하지 않고
# 이 모델을 불러다 쓰게 하기 위해서입니다.

# %%
run = helpers.save_trained(model, history, data=data, epoch_seconds=timer.seconds)

# %% [markdown]
# 10장에서는 `helpers.train_or_load()`라는 함수로 훈련합니다. 안에서는 이 장처럼 `fit()`으로 훈련하지만, 에포크마다
# 배치를 섞는 순서와 드롭아웃의 난수를 (시드, 에포크 번호)로 정하고 에포크마다 훈련 상태를 저장해서, 훈련이 도중에
# 끊겨도 끊긴 곳부터 똑같이 이어 갈 수 있습니다. 그래서 두 방법 모두 같은 컴퓨터에서 같은 시드로는 언제나 같은 모델을
# 만들지만, 난수를 쓰는 방식이 달라서 두 방법끼리는 숫자가 조금 다릅니다.
#
# ## 학습 곡선 읽기
#
# `fit()`이 돌려준 `history.history`는 에포크별 값을 담은 딕셔너리입니다.

# %% mystnb={"image": {"alt": "에포크별 검증 손실 꺾은선 그래프. 검증 손실이 가장 낮아진 에포크마다 파란 삼각형(체크포인트 저장)이 있고, 마지막 저장 뒤로 개선이 없던 에포크 구간이 주황으로 칠해져 있으며, 훈련이 멈춘 에포크에 주황 점선과 어느 에포크의 가중치로 되돌렸는지가 적혀 있습니다."}} tags=["nbval-ignore-output"]
fig, timeline = helpers.concepts.callback_timeline(history.history["val_loss"], patience=2)
plt.show()
print("체크포인트를 저장한 에포크:", timeline["saves"])

# %% [markdown]
# *그림 6-1. 이 장의 훈련에서 두 콜백이 한 일.
# `ModelCheckpoint(save_best_only=True)`는 검증 손실이 가장 낮아질 때마다
# 저장하고, `EarlyStopping(patience=2,
# restore_best_weights=True)`은 두 에포크 연속으로 나아지지 않으면 멈춘 뒤 가장 좋았던
# 에포크의 가중치로 되돌립니다.*

# %%
print(list(history.history))

# %% [markdown]
# 원본 노트처럼 pandas 데이터프레임으로 바꾸어 한 번에 그려 봅시다. 열 이름이 곧 범례가 됩니다.

# %% mystnb={"image": {"alt": "훈련 기록을 데이터프레임으로 그린 선 그래프. 가로축은 epoch(0부터 센 행 번호), 세로축은 값이고, 범례는 열 이름 그대로 accuracy, loss, val_accuracy, val_loss다. 정확도 두 곡선은 위쪽에서 천천히 오르고, 손실 두 곡선은 아래쪽에서 내려간다."}}
pd.DataFrame(history.history).plot(figsize=(7, 4), grid=True, xlabel="epoch")
plt.show()

# %% [markdown]
# 데이터프레임의 행 번호는 0부터 시작하므로 가로축의 0이 첫 번째 에포크입니다. 이 책에서는 앞으로
# `helpers.plots.plot_history()`로 같은 그림을 그립니다. 곡선 이름을 한글로 붙이고, 에포크를 1부터 세고, 세로축을
# 0부터 시작합니다.

# %% mystnb={"image": {"alt": "훈련 기록 그래프. 가로축은 에포크(1부터), 세로축은 0부터 시작하는 값이고, 훈련 정확도, 검증 정확도, 훈련 손실, 검증 손실 네 곡선이 있다. 두 정확도는 0.8~0.9 위에서 천천히 오른다. 훈련 손실은 끝까지 꾸준히 내려가지만 검증 손실은 중반부터 평평해져 나중에는 훈련 손실보다 위에 머문다. 두 손실이 벌어지는 곳이 과대적합이 시작되는 곳이다."}}
helpers.plots.plot_history(history)
plt.show()

# %% [markdown]
# 그림을 읽는 요령은 이렇습니다.
#
# - **훈련 손실**은 에포크가 지날수록 거의 꾸준히 내려갑니다. 모델이 훈련 세트에 점점 더 잘 맞춰지기 때문입니다.
# - **검증 손실**은 처음에는 함께 내려가다가 어느 순간 평평해지거나 다시 올라갑니다. 훈련 손실은 계속 내려가는데 검증
#   손실이 올라가기 시작한다면, 모델이 훈련 세트의 우연한 특성까지 외우는 **과대적합**이 시작되었다는 뜻입니다.
# - 두 곡선이 모두 높은 채로 머문다면 모델이 아직 충분히 배우지 못한 **과소적합**입니다.
#
# 드롭아웃은 두 곡선의 간격이 벌어지는 것을 늦춰 주고, 조기 종료는 검증 손실이 바닥을 찍은 곳 근처에서 훈련을
# 멈춰 줍니다. 몇 번째 에포크가 가장 좋았고 훈련이 왜 멈췄는지 기록에서 직접 확인해 봅시다.

# %% tags=["nbval-ignore-output"]
val_losses = history.history["val_loss"]
epochs_run = len(history.history["loss"])
best_epoch = int(np.argmin(val_losses)) + 1   # argmin은 0부터 세므로 1을 더합니다
patience = early_stopping_cb.patience
max_epochs = history.params["epochs"]          # fit()에 준 최대 에포크 수

print(f"실행한 에포크: {epochs_run} / 최대 {max_epochs}")
print(f"검증 손실이 가장 낮은 에포크: {best_epoch}"
      f" (검증 손실 {val_losses[best_epoch - 1]:.4f},"
      f" 검증 정확도 {history.history['val_accuracy'][best_epoch - 1]:.4f})")
if epochs_run < max_epochs:
    print(f"조기 종료: 최고 에포크 {best_epoch} + patience {patience}"
          f" = {best_epoch + patience}, 실행한 에포크 {epochs_run}")
else:
    print("최대 에포크 수까지 모두 훈련했습니다(조기 종료 조건에 걸리지 않았습니다).")

# %% [markdown]
# 조기 종료로 멈췄다면 실행한 에포크 수는 언제나 '최고 에포크 + `patience`'입니다. 최고 기록이 나온 뒤 두 에포크를 더
# 기다렸다가 멈추기 때문입니다. 최고 에포크 뒤에 훈련한 에포크의 가중치는 `restore_best_weights=True` 덕분에 버려지고,
# 모델은 최고 에포크의 가중치로 돌아와 있습니다. 최대 에포크 수까지 다 돌았더라도 `restore_best_weights=True`는
# 훈련이 끝날 때 최고 에포크의 가중치로 되돌립니다.
#
# 훈련에 걸린 시간은 에포크마다 꽤 흔들립니다. 그래서 합계 하나보다 에포크 시간의 중앙값을 에포크 수, 잰 컴퓨터와
# 함께 보는 것이 정직합니다. 여러분의 컴퓨터(Colab이라면 그때 배정된 기계)에서는 다른 값이 나옵니다.

# %% tags=["nbval-ignore-output"]
print(f"에포크 {len(timer.seconds)}번, 에포크 시간의 중앙값 {np.median(timer.seconds):.1f}초"
      f" ({helpers.machine_name()})")

# %% [markdown]
# ## 저장한 모델 다시 불러오기
#
# 체크포인트 파일이 정말 최고 에포크의 모델인지 확인해 봅시다. `keras.models.load_model()`로 파일을 불러와 검증
# 세트에서 평가하고, 메모리에 있는 모델(최고 에포크로 되돌린 모델)의 점수와 비교합니다. `.keras` 파일에는 구조와
# 가중치뿐 아니라 컴파일 설정도 들어 있으므로, 불러온 모델을 다시 컴파일하지 않고 바로 `evaluate()`할 수 있습니다.

# %% tags=["nbval-ignore-output"]
best_model = keras.models.load_model("best-cnn-model.keras")

restored = model.evaluate(x_val, y_val, verbose=0, return_dict=True)
from_file = best_model.evaluate(x_val, y_val, verbose=0, return_dict=True)

print(f"되돌린 모델    : 검증 정확도 {restored['accuracy']:.4f}, 검증 손실 {restored['loss']:.4f}")
print(f"체크포인트 파일: 검증 정확도 {from_file['accuracy']:.4f}, 검증 손실 {from_file['loss']:.4f}")
print(f"기록의 {best_epoch} 에포크 : 검증 정확도 {history.history['val_accuracy'][best_epoch - 1]:.4f},"
      f" 검증 손실 {val_losses[best_epoch - 1]:.4f}")

# %% [markdown]
# 세 줄의 값이 같습니다. 체크포인트 파일, 최고 에포크로 되돌린 모델, 훈련 기록의 최고 에포크가 모두 같은 가중치를
# 가리킵니다. 그러니 훈련을 마친 뒤에는 어느 쪽을 써도 됩니다. 훈련이 도중에 끊겼다면 체크포인트 파일이 그때까지의
# 최고 모델을 지켜 줍니다.
#
# ## 정리
#
# - `compile()`은 줄일 값(손실), 줄이는 방법(옵티마이저), 지켜볼 값(지표)을 정합니다. 지표는
#   `metrics=["accuracy"]`처럼 리스트로 넘깁니다.
# - 레이블이 정수이면 `sparse_categorical_crossentropy`, 원-핫이면 `categorical_crossentropy`를 씁니다.
#   두 손실은 같은 값 $-\log p_y$를 계산합니다.
# - 로짓은 소프트맥스 전의 출력층 값입니다. 출력층에 소프트맥스가 없는 모델은 손실 함수에 `from_logits=True`를 줍니다.
# - 아담은 그레이디언트의 이동 평균을 그레이디언트 크기로 나누어 움직입니다. 방향이 일관된 파라미터는 학습률만큼,
#   그레이디언트가 흔들리는 파라미터는 그보다 작게 움직입니다. 기본 학습률 0.001이 좋은 출발점입니다.
# - `ModelCheckpoint(..., save_best_only=True)`는 검증 손실이 가장 낮은 모델을 `.keras` 파일로 남기고,
#   `EarlyStopping(patience=2, restore_best_weights=True)`는 두 에포크 연속 나아지지 않으면 멈춘 뒤 최고 가중치로
#   되돌립니다.
# - 재현하려면 모델을 만들기 **전에** 시드를 고정합니다. 훈련한 모델은 `helpers.save_trained()`로 저장해 7장에서
#   다시 씁니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(6)

# %% [markdown]
# ### 연습 1. 조기 종료 따라가기
#
# 검증 손실이 에포크마다 `[0.45, 0.36, 0.33, 0.34, 0.32, 0.33, 0.35]`로 나왔습니다. `patience=2`일 때 몇 번째
# 에포크에서 멈추고, 몇 번째 에포크의 가중치로 되돌아갈까요? `patience=1`이라면 어떻게 달라질까요? 답은
# `(멈추는 에포크, 되돌아가는 에포크)`로 씁니다.
#
# <details><summary>풀이</summary>
#
# `patience=2`: 3 에포크(0.33) 뒤 4 에포크가 나빠졌지만 5 에포크에서 0.32로 최고 기록을 깼으므로 기다림이 다시
# 0이 됩니다. 6, 7 에포크가 연속으로 0.32를 넘지 못하므로 **7 에포크에서 멈추고 5 에포크의 가중치**로 되돌아갑니다.
#
# `patience=1`: 4 에포크가 0.33을 넘지 못하자마자 멈춥니다. **4 에포크에서 멈추고 3 에포크**로 되돌아가므로,
# 5 에포크의 더 좋은 모델을 놓칩니다. `patience`가 너무 작으면 일시적인 흔들림에 속습니다. 풀이 코드는 이 장의
# `when_early_stopping_stops()`로 같은 답을 확인합니다.
#
# </details>

# %% tags=["solution"]
patience_2 = (7, 5)  # 답: patience=2일 때 (멈추는 에포크, 되돌아가는 에포크)
patience_1 = (4, 3)  # 답: patience=1일 때
q[1].check(patience_2, patience_1)

# %% tags=["solution"]
# 답: 이 장의 when_early_stopping_stops()로 확인해 봅니다
losses = [0.45, 0.36, 0.33, 0.34, 0.32, 0.33, 0.35]
for patience_value in [2, 1]:
    stopped, best = when_early_stopping_stops(losses, patience=patience_value)
    print(f"patience={patience_value}: {stopped} 에포크에서 멈추고 {best} 에포크로 되돌아갑니다.")

# %% [markdown]
# ### 연습 2. 원-핫 레이블로 훈련하기
#
# 레이블을 `keras.utils.to_categorical()`로 원-핫 인코딩하면 `compile()`의 무엇을 바꿔야 할까요? 훈련 이미지
# 4,000장의 레이블을 원-핫으로 바꾸어 모양을 확인하고, 알맞은 손실 함수의 이름을 `loss`에 넣으세요. 그다음 셀에서
# 훈련 이미지 4,000장과 검증 이미지 2,000장으로 **1 에포크만** 훈련해, 같은 조건에서 정수 레이블로 훈련한 결과와
# 비교해 봅니다.
#
# <details><summary>풀이</summary>
#
# 원-핫 레이블의 모양은 `(N, 10)`이므로 손실 함수를 `categorical_crossentropy`로 바꿔야 합니다. 옵티마이저와 지표는
# 그대로 둡니다. 두 손실은 같은 값을 계산하므로, 같은 시드로 훈련하면 정수 레이블로 훈련한 것과 (부동소수점 오차
# 안에서) 같은 기록이 나옵니다. 풀이 코드가 출력하는 두 줄의 검증 손실이 소수 넷째 자리까지 같게 나옵니다.
#
# </details>

# %% tags=["solution"]
y_small_one_hot = keras.utils.to_categorical(data.y_train[:4000], num_classes=10)  # 답: 원-핫 레이블
y_val_one_hot = keras.utils.to_categorical(data.y_val[:2000], num_classes=10)  # 답: 검증 세트도 원-핫으로
loss = "categorical_crossentropy"  # 답: 원-핫 레이블에 맞는 손실 함수의 이름
q[2].check(y_small_one_hot, loss)

# %% tags=["solution"]
# 답: 두 가지 레이블로 1 에포크씩 훈련해 검증 손실을 비교합니다
for loss_name, train_labels, val_labels in [
    ("sparse_categorical_crossentropy", data.y_train[:4000], data.y_val[:2000]),
    ("categorical_crossentropy", y_small_one_hot, y_val_one_hot),
]:
    helpers.seed_everything(42)
    small_model = helpers.build_cnn()
    small_model.compile(optimizer="adam", loss=loss_name, metrics=["accuracy"])
    small_history = small_model.fit(data.x_train[:4000], train_labels, epochs=1,
                                    validation_data=(data.x_val[:2000], val_labels), verbose=0)
    print(f"{loss_name:<32} 검증 손실 {small_history.history['val_loss'][0]:.4f}")

# %% [markdown]
# ### 연습 3. 학습률 바꿔 보기
#
# 아담의 학습률을 기본값의 10분의 1인 `0.0001`로 바꾸어, 훈련 이미지 4,000장과 검증 이미지 2,000장으로 **2 에포크**
# 훈련해 보세요. 학습률을 받아 2 에포크 뒤의 검증 손실을 돌려주는 함수 `small_val_loss`를 완성하고, 기본 학습률
# `0.001`과 검증 손실을 비교하면 어떤가요?
#
# <details><summary>풀이</summary>
#
# 학습률을 바꾸려면 문자열 `"adam"` 대신 `keras.optimizers.Adam` 객체를 넘깁니다. 아담의 한 걸음은 대략 학습률
# 이하이므로, 학습률이 10분의 1이면 같은 2 에포크 동안 가중치가 훨씬 덜 움직이고 손실도 덜 내려갑니다. 그래서
# 학습률 0.0001 쪽의 검증 손실이 더 높게 나옵니다(`check()`가 두 값을 함께 보여 줍니다). 학습률을 낮추면 그만큼
# 더 많은 에포크가 필요합니다.
#
# </details>

# %% tags=["solution", "nbval-ignore-output"]
def small_val_loss(learning_rate):  # 답: 훈련 이미지 4,000장으로 2 에포크 훈련한 뒤의 검증 손실
    """훈련 이미지 4,000장, 2 에포크 뒤의 검증 손실."""
    helpers.seed_everything(42)
    small_model = helpers.build_cnn()
    small_model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                        loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    small_history = small_model.fit(data.x_train[:4000], data.y_train[:4000], epochs=2,
                                    validation_data=(data.x_val[:2000], data.y_val[:2000]),
                                    verbose=0)
    return small_history.history["val_loss"][-1]


val_loss_default = small_val_loss(0.001)  # 답: 기본 학습률의 검증 손실
val_loss_small = small_val_loss(0.0001)  # 답: 학습률 0.0001의 검증 손실
q[3].check(val_loss_default, val_loss_small)

# %% [markdown]
# ### 연습 4. 로짓에서 손실 계산하기
#
# 세 클래스 모델의 로짓이 `[2.0, 1.0, 0.1]`이고 정답은 0번 클래스입니다. NumPy만으로 소프트맥스 확률과 크로스
# 엔트로피 손실을 계산하고, `keras.losses.SparseCategoricalCrossentropy(from_logits=True)`의 값과 비교하세요.
# 소프트맥스는 $p_i = e^{z_i} / \sum_j e^{z_j}$입니다.
#
# <details><summary>풀이</summary>
#
# 로짓을 지수 함수에 넣고 그 합으로 나누면 확률이 되고, 정답 자리 확률의 $-\log$가 손실입니다. Keras의
# `from_logits=True` 손실과 같은 값이 나옵니다.
#
# </details>

# %% tags=["solution"]
exercise_logits = np.array([2.0, 1.0, 0.1])
exercise_probabilities = np.exp(exercise_logits) / np.exp(exercise_logits).sum()  # 답: 소프트맥스 확률
by_hand = -np.log(exercise_probabilities[0])  # 답: 정답(0번) 자리 확률의 크로스 엔트로피
by_keras = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(
    np.array([0]), exercise_logits[None].astype("float32"))
print(f"Keras가 계산한 손실: {float(by_keras):.4f}")
q[4].check(exercise_probabilities, by_hand)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [5. 모델 만들기](05_build_model.ipynb) · 다음: [7. 평가와 예측](07_evaluate_and_predict.ipynb)
