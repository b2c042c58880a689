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
# - 아담(Adam) 옵티마이저가 학습률을 파라미터마다 조절하는 원리를 직관적으로 이해합니다.
# - `ModelCheckpoint`와 `EarlyStopping` 콜백으로 최적의 모델을 저장하고 훈련을 알맞은 때에 멈춥니다.
# - 학습 곡선을 읽고, 저장한 모델을 다시 불러와 같은 성능이 나오는지 확인합니다.

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
import time

import keras
import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers import plots

# %% [markdown]
# ## 데이터 준비
#
# 4장에서 한 일, 즉 패션 MNIST를 불러와 0~1로 스케일 조정하고 훈련 세트와 검증 세트로 나누는 과정을
# `helpers.load_splits()` 한 줄로 다시 실행합니다. 테스트 세트는 이 장에서 쓰지 않고 7장 마지막까지 아껴 둡니다.

# %%
data = helpers.load_splits()
print(data)

# 합성곱 층은 (높이, 너비, 채널) 모양의 이미지를 기대하므로 채널 축까지 확인합니다
assert data.x_train.shape == (48000, 28, 28, 1)
assert data.x_val.shape == (12000, 28, 28, 1)
assert data.y_train.shape == (48000,)

# %% [markdown]
# ## 실행 모드: 책과 자동 검사
#
# 합성곱 신경망을 48,000장으로 여러 에포크 훈련하려면 CPU에서 몇 분에서 수십 분이 걸립니다. 여러분이 읽는 이 책의 출력은
# **전체 모드**(`full`)로 만든 것입니다. 모든 훈련 이미지로 최대 20 에포크를 훈련합니다. 반면 책의 코드가 여전히
# 잘 돌아가는지 확인하는 자동 검사(CI)는 **빠른 모드**(`quick`)로 실행합니다. 4,000장으로 2 에포크만 훈련하므로
# 정확도는 낮지만 몇 초면 끝납니다.
#
# 어느 모드인지는 환경 변수 `COURSE_MODE`로 정하고, `helpers.get_run_mode()`가 그 값을 읽어 옵니다.
# 따로 정하지 않으면 전체 모드입니다. `mode.take()`는 빠른 모드일 때만 데이터 앞부분을 잘라 내고, 전체 모드에서는
# 데이터를 그대로 돌려줍니다.

# %% tags=["nbval-ignore-output"]
mode = helpers.get_run_mode()
x_fit, y_fit = mode.take(data.x_train, data.y_train, "train")
x_val, y_val = mode.take(data.x_val, data.y_val, "val")

print(mode)
print("훈련에 쓸 이미지:", x_fit.shape, " 검증에 쓸 이미지:", x_val.shape)

# %%
# 어느 모드든 이미지 한 장의 모양과 이미지·레이블의 짝은 그대로여야 합니다
assert x_fit.shape[1:] == (28, 28, 1) and len(x_fit) == len(y_fit)
assert x_val.shape[1:] == (28, 28, 1) and len(x_val) == len(y_val)

# %% [markdown]
# ## 컴파일이란: 무엇을 줄이고, 어떻게 줄이고, 무엇을 지켜볼까
#
# 케라스 모델의 `compile()` 메서드는 훈련 방법을 정합니다. 인자는 세 가지입니다.
#
# | 인자 | 정하는 것 | 이 과정의 값 |
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
# 크로스 엔트로피 손실은 다음과 같습니다.
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
assert np.isclose(sparse_loss, one_hot_loss)

# %% [markdown]
# 값이 같으니 레이블 모양에 맞는 쪽을 고르면 됩니다. `y_train`은 `(48000,)` 모양의 정수 배열이므로
# `sparse_categorical_crossentropy`가 맞습니다. 원-핫 변환을 하지 않아도 되니 메모리도 덜 듭니다. 레이블
# 48,000개를 정수로 두면 48,000개의 값이지만, 원-핫으로 바꾸면 480,000개의 값이 됩니다.
#
# 반대로 정수 레이블에 `categorical_crossentropy`를 쓰면 레이블 모양 `(N,)`과 출력 모양 `(N, 10)`이 맞지 않아
# 오류가 납니다. 손실 함수 이름의 `sparse`는 레이블 모양과 짝을 맞춘다고 기억해 두세요.

# %%
assert data.y_train.ndim == 1                # 원-핫이라면 (48000, 10) 이었을 것
print("레이블 앞 10개:", data.y_train[:10])

# %% [markdown]
# ## 옵티마이저: 아담(Adam)
#
# 옵티마이저는 손실의 기울기(그레이디언트) $g$를 보고 가중치를 고칩니다. 가장 단순한 경사 하강법은 학습률 $\eta$만큼
# 기울기 반대 방향으로 움직입니다.
#
# $$w \leftarrow w - \eta \, g$$
#
# 이 방식은 기울기의 크기가 파라미터마다 크게 다르면 곤란합니다. 기울기가 큰 파라미터는 너무 멀리 튀고, 작은 파라미터는
# 거의 움직이지 않습니다. **아담(Adam)**은 두 가지 이동 평균으로 이를 해결합니다.
#
# - $m$: 기울기의 이동 평균입니다. 최근 기울기들이 가리키는 방향을 기억하므로, 배치마다 흔들리는 기울기를 부드럽게
#   만들어 줍니다(모멘텀).
# - $v$: 기울기 **제곱**의 이동 평균입니다. 그 파라미터의 기울기가 보통 얼마나 큰지를 기억합니다.
#
# 그리고 $m$을 $\sqrt{v}$로 나눈 만큼 움직입니다($\hat m, \hat v$는 초반에 0 쪽으로 치우친 값을 바로잡은 것입니다).
#
# $$w \leftarrow w - \eta \, \frac{\hat m}{\sqrt{\hat v} + \epsilon}$$
#
# 기울기를 기울기의 크기로 나누었으므로, 한 걸음의 크기는 대략 학습률 $\eta$ 정도로 일정해집니다. 기울기 크기가 서로 만 배
# 차이 나는 세 파라미터로 확인해 봅시다. 케라스의 기본값인 $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$를
# 씁니다.

# %%
def adam_step_sizes(gradient, steps=3, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """같은 기울기가 steps 번 이어질 때 아담이 매번 움직이는 거리."""
    m = v = 0.0
    sizes = []
    for t in range(1, steps + 1):
        m = beta_1 * m + (1 - beta_1) * gradient
        v = beta_2 * v + (1 - beta_2) * gradient**2
        m_hat = m / (1 - beta_1**t)        # 0에서 시작한 치우침 보정
        v_hat = v / (1 - beta_2**t)
        sizes.append(learning_rate * m_hat / (np.sqrt(v_hat) + epsilon))
    return sizes


for gradient in [0.01, 1.0, 100.0]:
    sgd = 0.001 * gradient
    adam = ", ".join(f"{s:.6f}" for s in adam_step_sizes(gradient))
    print(f"기울기 {gradient:>6}: 경사 하강법 한 걸음 {sgd:.6f} | 아담 세 걸음 {adam}")

# %% [markdown]
# 경사 하강법의 걸음은 기울기에 비례해 0.00001부터 0.1까지 만 배 차이가 나지만, 아담의 걸음은 모두 약 0.001입니다.
# 그래서 아담은 학습률을 세심하게 고르지 않아도 대체로 잘 작동하고, 케라스의 기본 학습률 0.001이 많은 문제에서 좋은
# 출발점이 됩니다. `optimizer="adam"`이라고 문자열로 쓰면 이 기본 설정의 `keras.optimizers.Adam()`이 만들어집니다.
# 학습률을 바꾸고 싶다면 `optimizer=keras.optimizers.Adam(learning_rate=0.0005)`처럼 객체를 직접 넘깁니다.
# 학습률처럼 사람이 정해 주는 값을 하이퍼파라미터라고 합니다.
#
# ## 모델 만들고 컴파일하기
#
# 이제 모델을 만듭니다. 그 **바로 앞에서** 난수 시드를 고정합니다. 가중치의 초깃값은 모델을 만드는 순간 무작위로
# 정해지고, 훈련 중에도 배치 순서 섞기와 드롭아웃이 난수를 씁니다. `helpers.seed_everything(42)`는 파이썬, 넘파이,
# 텐서플로의 시드를 모두 42로 맞추고 텐서플로 연산의 순서까지 고정합니다. 그래서 같은 컴퓨터에서는 몇 번을 실행해도
# 같은 훈련 기록이 나옵니다. 시드를 모델을 만든 **뒤에** 고정하면 초기 가중치는 이미 제멋대로 정해진 뒤라서 소용이
# 없습니다.
#
# 다만 CPU 종류가 다른 컴퓨터에서는 부동소수점 덧셈의 순서가 달라서 첫 에포크부터 넷째 자리쯤에서 숫자가 조금씩
# 어긋나고, 그 차이가 쌓여 조기 종료가 다른 에포크에서 일어나면 검증 정확도가 소수 둘째 자리에서 달라지기도 합니다.
# 여러분의 결과가 이 책과 조금 다르더라도 정상입니다. 모델의 성능은 한 번의 실행이 아니라 이 정도의 폭으로 보아야 합니다.
#
# 원본 노트의 `metrics='accuracy'`처럼 리스트가 아닌 문자열을 넘기면 케라스 3에서는
# `ValueError: Expected metrics argument to be a list, tuple, or dict`가 납니다. 지표는 여러 개를 볼 수 있으므로
# `["accuracy"]`처럼 **리스트**로 넘겨야 합니다.

# %%
helpers.seed_everything(42)   # 모델을 만들기 전에: 초기 가중치부터 재현되도록
model = helpers.build_cnn()
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
# **콜백**은 `fit()`이 훈련하는 도중 정해진 때(여기서는 에포크가 끝날 때마다) 케라스가 대신 불러 주는 객체입니다.
# 두 가지를 씁니다. 둘 다 기본으로 **검증 손실**(`val_loss`)을 지켜봅니다.
#
# **`ModelCheckpoint`(체크포인트)**는 모델을 파일로 저장합니다. `save_best_only=True`이면 검증 손실이 지금까지 가장
# 낮을 때만 저장하므로, 훈련이 끝나면 파일에는 **가장 좋았던 에포크의 모델**이 남습니다. 케라스 3의 모델 파일은
# 확장자가 `.keras`여야 합니다. 원본 노트의 `'best_cnn_model.h'`는 `ValueError`를 일으키고, `'.h5'`는 예전
# HDF5 형식이라 권장하지 않습니다.
#
# **`EarlyStopping`(조기 종료)**은 검증 손실이 더는 나아지지 않으면 훈련을 멈춥니다.
#
# - `patience=2`: 검증 손실이 **두 에포크 연속** 최고 기록을 넘지 못하면 멈춥니다. 한 번 나빠졌다고 바로 멈추면
#   우연한 흔들림에 속을 수 있으므로 조금 기다려 주는 것입니다.
# - `restore_best_weights=True`: 훈련이 끝날 때 모델의 가중치를 **검증 손실이 가장 낮았던 에포크**의 것으로
#   되돌립니다. 이것이 없으면 모델에는 마지막 에포크의 가중치, 즉 이미 나빠지기 시작한 가중치가 남습니다. 원본 노트의
#   첫 번째 코드는 이 인자를 빠뜨렸고, 두 번째 코드의 `patiece=2`는 오타라서 `TypeError`가 납니다.
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
# 이제 실제 콜백을 만듭니다. 체크포인트 파일은 `helpers.training.run_directory(mode=mode)`가 정해 주는 폴더에
# 저장합니다. 실행 모드마다 다른 폴더이므로, 빠른 모드로 훈련한 모델이 전체 모드의 모델을 덮어쓰지 않습니다.

# %%
folder = helpers.training.run_directory(mode=mode)
checkpoint_path = folder / "best-cnn-model.keras"

checkpoint_cb = keras.callbacks.ModelCheckpoint(checkpoint_path, save_best_only=True)
early_stopping_cb = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)

print("체크포인트 파일:", checkpoint_path.name)
print("지켜볼 값:", checkpoint_cb.monitor, "/", early_stopping_cb.monitor)

# %% [markdown]
# ## 훈련하기
#
# `fit()`에 훈련 데이터, 최대 에포크 수, 검증 데이터, 콜백을 넘깁니다. 한 **에포크**는 훈련 세트 전체를 한 번 훑는
# 것이고, 케라스는 기본으로 32장씩 묶은 **배치**마다 가중치를 한 번 고칩니다. 전체 모드라면 한 에포크에
# $48000 / 32 = 1500$번 가중치를 고치는 셈입니다. 에포크가 끝날 때마다 검증 세트로 손실과 정확도를 재고, 이 값을 보고
# 콜백이 저장하거나 멈출지를 정합니다.
#
# `verbose=2`는 에포크마다 한 줄씩만 출력합니다. 기본값의 진행 막대는 노트북 출력을 매우 길게 만듭니다.
# 훈련 시간도 `time.perf_counter()`로 잽니다.

# %% tags=["nbval-ignore-output"]
start = time.perf_counter()
history = model.fit(
    x_fit,
    y_fit,
    epochs=mode.epochs,                     # 최대 에포크 수: 조기 종료가 더 일찍 멈출 수 있습니다
    validation_data=(x_val, y_val),
    callbacks=[checkpoint_cb, early_stopping_cb],
    verbose=2,
)
seconds = time.perf_counter() - start

# %% [markdown]
# 각 줄의 `accuracy`와 `loss`는 그 에포크 동안의 훈련 세트 성능이고, `val_accuracy`와 `val_loss`는 에포크가 끝난
# 뒤 잰 검증 세트 성능입니다. 훈련 세트 값은 드롭아웃이 켜진 채 에포크 내내 바뀌는 가중치로 잰 평균이라서, 검증 세트
# 값보다 낮게 나오기도 합니다.
#
# 훈련이 끝나면 모델과 훈련 기록을 같은 폴더에 저장해 둡니다. 7장은 `helpers.train_or_load()`로 이 폴더를 먼저
# 살펴보고, 저장된 모델이 있으면 **다시 훈련하지 않고 불러옵니다**. `train_or_load()`는 저장된 모델이 없을 때에만
# 이 장과 똑같은 순서(시드 42, `build_cnn()`, 같은 컴파일과 콜백)로 훈련하므로, 어느 쪽이든 같은 모델을 얻습니다.

# %%
helpers.training.save_run(folder, model, history.history, seconds)
for name in ["best-cnn-model.keras", "model.keras", "history.json"]:
    print(f"{name:<22} 있음: {(folder / name).is_file()}")

# %% [markdown]
# `best-cnn-model.keras`는 체크포인트 콜백이 저장한 파일이고, `model.keras`와 `history.json`은 방금 저장한 모델과
# 훈련 기록입니다.
#
# ## 학습 곡선 읽기
#
# `fit()`이 돌려준 `history.history`는 에포크별 값을 담은 딕셔너리입니다. 네 곡선을 한 그림에 그려 봅시다.

# %%
print(list(history.history))

# %% tags=["nbval-ignore-output"]
plots.plot_history(history)
plt.show()

# %% [markdown]
# 그림을 읽는 요령은 이렇습니다.
#
# - **훈련 손실**은 에포크가 지날수록 거의 꾸준히 내려갑니다. 모델이 훈련 세트에 점점 더 잘 맞춰지기 때문입니다.
# - **검증 손실**은 처음에는 함께 내려가다가 어느 순간 평평해지거나 다시 올라갑니다. 훈련 손실은 계속 내려가는데 검증
#   손실이 올라가기 시작한다면, 모델이 훈련 세트의 우연한 특징까지 외우는 **과대적합**이 시작되었다는 뜻입니다.
# - 두 곡선이 모두 높은 채로 머문다면 모델이 아직 충분히 배우지 못한 **과소적합**입니다. 빠른 모드의 2 에포크가
#   그런 경우입니다.
#
# 이 모델은 드롭아웃 덕분에 두 곡선의 간격이 크게 벌어지지 않습니다. 조기 종료는 검증 손실이 바닥을 찍은 곳 근처에서
# 훈련을 멈춰 줍니다. 몇 번째 에포크가 가장 좋았고 훈련이 왜 멈췄는지 기록에서 직접 확인해 봅시다.

# %% tags=["nbval-ignore-output"]
val_losses = history.history["val_loss"]
epochs_run = len(history.history["loss"])
best_epoch = int(np.argmin(val_losses)) + 1   # argmin은 0부터 세므로 1을 더합니다

print(f"실행한 에포크: {epochs_run} / 최대 {mode.epochs}")
print(f"검증 손실이 가장 낮은 에포크: {best_epoch} (val_loss {val_losses[best_epoch - 1]:.4f})")
if epochs_run < mode.epochs:
    print(f"{best_epoch} 에포크 뒤로 {early_stopping_cb.patience} 에포크 연속 나아지지 않아 조기 종료했습니다.")
else:
    print("최대 에포크 수까지 모두 훈련했습니다(조기 종료 조건에 걸리지 않았습니다).")
print(f"훈련 시간: {seconds:.1f}초 (에포크당 약 {seconds / epochs_run:.1f}초)")

# %% tags=["remove-input", "nbval-ignore-output"]
# 책의 본문에 들어갈 숫자: 이 실행의 결과에서 가져옵니다
helpers.glue("epochs_run", epochs_run)
helpers.glue("best_epoch", best_epoch)
helpers.glue("best_val_loss", val_losses[best_epoch - 1])
helpers.glue("best_val_accuracy", history.history["val_accuracy"][best_epoch - 1])
helpers.glue("train_minutes", seconds / 60)
helpers.glue("seconds_per_epoch", seconds / epochs_run)

# %% [markdown]
# 이 책을 만들 때(전체 모드) 훈련은 {glue:text}`epochs_run` 에포크에서 멈췄고, 검증 손실이 가장 낮은 에포크는
# {glue:text}`best_epoch` 에포크였습니다(검증 손실 {glue:text}`best_val_loss:.4f`, 검증 정확도
# {glue:text}`best_val_accuracy:.2%`). 2코어 CPU에서 훈련에 약 {glue:text}`train_minutes:.1f`분, 에포크당
# {glue:text}`seconds_per_epoch:.0f`초가 걸렸습니다. 여러분의 컴퓨터에서는 시간이 다를 수 있습니다.

# %%
# EarlyStopping이 기억한 최고 에포크(0부터 셈)와 기록에서 찾은 것이 같아야 합니다
assert early_stopping_cb.best_epoch + 1 == best_epoch
if epochs_run < mode.epochs:   # 조기 종료했다면 최고 에포크 뒤로 정확히 patience 에포크를 더 돌았습니다
    assert epochs_run == best_epoch + early_stopping_cb.patience

# %% [markdown]
# 조기 종료로 멈췄다면 실행한 에포크 수는 언제나 '최고 에포크 + `patience`'입니다. 최고 기록이 나온 뒤 두 에포크를 더
# 기다렸다가 멈추기 때문입니다. 최고 에포크 뒤에 훈련한 두 에포크의 가중치는 `restore_best_weights=True` 덕분에 버려지고,
# 모델은 최고 에포크의 가중치로 돌아와 있습니다.
#
# ## 저장한 모델 다시 불러오기
#
# 체크포인트 파일이 정말 최고 에포크의 모델인지 확인해 봅시다. `keras.models.load_model()`로 파일을 불러와 검증
# 세트에서 평가하고, 메모리에 있는 모델(최고 에포크로 되돌린 모델)의 점수와 비교합니다. `.keras` 파일에는 구조와
# 가중치뿐 아니라 컴파일 설정도 들어 있으므로, 불러온 모델을 다시 컴파일하지 않고 바로 `evaluate()`할 수 있습니다.

# %% tags=["nbval-ignore-output"]
assert checkpoint_path.is_file()
best_model = keras.models.load_model(checkpoint_path)

restored = model.evaluate(x_val, y_val, verbose=0, return_dict=True)
from_file = best_model.evaluate(x_val, y_val, verbose=0, return_dict=True)

print(f"되돌린 모델   : 검증 정확도 {restored['accuracy']:.4f}, 검증 손실 {restored['loss']:.4f}")
print(f"체크포인트 파일: 검증 정확도 {from_file['accuracy']:.4f}, 검증 손실 {from_file['loss']:.4f}")
print(f"기록의 {best_epoch} 에포크: 검증 정확도 {history.history['val_accuracy'][best_epoch - 1]:.4f}")

# %%
# 세 값은 모두 같은 가중치로 같은 검증 세트를 잰 것입니다
assert np.isclose(restored["accuracy"], from_file["accuracy"])
assert np.isclose(restored["loss"], from_file["loss"], rtol=1e-4)
assert np.isclose(restored["accuracy"], history.history["val_accuracy"][best_epoch - 1])

# %% [markdown]
# 세 값이 일치합니다. 체크포인트 파일, 최고 에포크로 되돌린 모델, 훈련 기록의 최고 에포크가 모두 같은 모델을 가리킵니다.
# 그러니 훈련을 마친 뒤에는 어느 쪽을 써도 됩니다. 훈련이 도중에 끊겼다면 체크포인트 파일이 그때까지의 최고 모델을
# 지켜 줍니다.
#
# ## 정리
#
# - `compile()`은 줄일 값(손실), 줄이는 방법(옵티마이저), 지켜볼 값(지표)을 정합니다. 지표는
#   `metrics=["accuracy"]`처럼 리스트로 넘깁니다.
# - 레이블이 정수이면 `sparse_categorical_crossentropy`, 원-핫이면 `categorical_crossentropy`를 씁니다.
#   두 손실은 같은 값 $-\log p_y$를 계산합니다.
# - 아담은 기울기의 이동 평균을 기울기 크기로 나누어, 파라미터마다 알맞은 보폭으로 움직입니다. 기본 학습률 0.001이
#   좋은 출발점입니다.
# - `ModelCheckpoint(..., save_best_only=True)`는 검증 손실이 가장 낮은 모델을 `.keras` 파일로 남기고,
#   `EarlyStopping(patience=2, restore_best_weights=True)`는 두 에포크 연속 나아지지 않으면 멈춘 뒤 최고 가중치로
#   되돌립니다.
# - 재현하려면 모델을 만들기 **전에** 시드를 고정합니다. 훈련한 모델은 `save_run()`으로 저장해 7장에서 다시 씁니다.
#
# ## 연습 문제
#
# :::{admonition} 연습 1. 조기 종료 따라가기
# 검증 손실이 에포크마다 `[0.45, 0.36, 0.33, 0.34, 0.32, 0.33, 0.35]`로 나왔습니다. `patience=2`일 때 몇 번째
# 에포크에서 멈추고, 몇 번째 에포크의 가중치로 되돌아갈까요? `patience=1`이라면 어떻게 달라질까요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# `patience=2`: 3 에포크(0.33) 뒤 4 에포크가 나빠졌지만 5 에포크에서 0.32로 최고 기록을 깼으므로 기다림이 다시
# 0이 됩니다. 6, 7 에포크가 연속으로 0.32를 넘지 못하므로 **7 에포크에서 멈추고 5 에포크의 가중치**로 되돌아갑니다.
#
# `patience=1`: 4 에포크가 0.33을 넘지 못하자마자 멈춥니다. **4 에포크에서 멈추고 3 에포크**로 되돌아가므로,
# 5 에포크의 더 좋은 모델을 놓칩니다. `patience`가 너무 작으면 일시적인 흔들림에 속습니다.
#
# ```python
# losses = [0.45, 0.36, 0.33, 0.34, 0.32, 0.33, 0.35]
# print(when_early_stopping_stops(losses, patience=2))  # (7, 5)
# print(when_early_stopping_stops(losses, patience=1))  # (4, 3)
# ```
# :::
#
# :::{admonition} 연습 2. 원-핫 레이블로 훈련하기
# 레이블을 `keras.utils.to_categorical()`로 원-핫 인코딩하면 `compile()`의 무엇을 바꿔야 할까요? 레이블의 모양을
# 확인하고, 빠른 모드 크기의 데이터(`x_fit`, `y_fit`)로 한 에포크 훈련해 보세요.
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 원-핫 레이블의 모양은 `(N, 10)`이므로 손실 함수를 `categorical_crossentropy`로 바꿔야 합니다. 옵티마이저와 지표는
# 그대로 둡니다. 계산하는 손실 값이 같으므로, 같은 시드로 훈련하면 정수 레이블로 훈련한 것과 (부동소수점 오차 안에서) 같은 기록이 나옵니다.
#
# ```python
# y_fit_one_hot = keras.utils.to_categorical(y_fit, num_classes=10)
# y_val_one_hot = keras.utils.to_categorical(y_val, num_classes=10)
# print(y_fit.shape, "→", y_fit_one_hot.shape)
#
# helpers.seed_everything(42)
# one_hot_model = helpers.build_cnn()
# one_hot_model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
# one_hot_model.fit(x_fit[:4000], y_fit_one_hot[:4000], epochs=1,
#                   validation_data=(x_val[:2000], y_val_one_hot[:2000]), verbose=2)
# ```
# :::
#
# :::{admonition} 연습 3. 학습률 바꿔 보기
# 아담의 학습률을 기본값의 10분의 1인 `0.0001`로 바꾸어, 훈련 이미지 4,000장과 검증 이미지 2,000장으로 2 에포크
# 훈련해 보세요. 기본 학습률로 같은 조건에서 훈련한 결과와 검증 손실을 비교하면 어떤가요?
# :::
#
# :::{admonition} 풀이
# :class: dropdown
# 학습률을 바꾸려면 문자열 `"adam"` 대신 `keras.optimizers.Adam` 객체를 넘깁니다. 학습률이 10분의 1이면 한 걸음이
# 그만큼 작아지므로, 같은 2 에포크 동안 손실이 덜 내려갑니다. 보통 검증 손실이 기본 학습률보다 높게 나옵니다.
# 학습률을 낮추면 더 많은 에포크가 필요합니다.
#
# ```python
# def quick_val_loss(learning_rate):
#     helpers.seed_everything(42)
#     m = helpers.build_cnn()
#     m.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
#               loss="sparse_categorical_crossentropy", metrics=["accuracy"])
#     h = m.fit(data.x_train[:4000], data.y_train[:4000], epochs=2,
#               validation_data=(data.x_val[:2000], data.y_val[:2000]), verbose=0)
#     return h.history["val_loss"][-1]
#
# for lr in [0.001, 0.0001]:
#     print(f"학습률 {lr}: 2 에포크 뒤 검증 손실 {quick_val_loss(lr):.4f}")
# ```
# :::
#
# 이전: [5. 모델 만들기](05_build_model.ipynb) · 다음: [7. 평가와 예측](07_evaluate_and_predict.ipynb)
