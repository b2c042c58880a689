# %% [markdown]
# # 12. 새 장의 제목
#
# 이 장에서 무엇을 왜 배우는지 두세 문장으로 소개합니다. 앞 장과 어떻게 이어지는지도 말해 줍니다.
# 낯선 용어는 [용어집](glossary.md)에서 찾아볼 수 있습니다.
#
# ## 이 장의 목표
#
# - 이 장을 마치면 할 수 있는 일을 동사로 씁니다.
# - 목표는 서너 개면 충분합니다.

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

import numpy as np

# %% [markdown]
# ## 첫 번째 절
#
# 본문은 짧은 절로 나누고, 절마다 설명 → 코드 → 결과 해석의 순서로 씁니다.

# %%
images = np.zeros((2, 28, 28, 1), dtype="float32")
print(images.shape, helpers.class_name(9))

# %% [markdown]
# ## 정리
#
# - 이 장에서 배운 것을 한 줄씩 정리합니다.

# %% [markdown]
# ## 연습 문제
#
# `____` 자리에 답을 쓰고 셀을 실행하면 `check()`가 맞았는지 알려 줍니다. 힌트는 `q[N].hint()`, 풀이는
# `q[N].solution()`이나 접힌 풀이로 봅니다.

# %%
from helpers.exercises import ____  # 답을 쓸 자리

q = helpers.exercises.lesson(11)

# %% [markdown]
# ### 연습 1. 글로 답하는 문제
#
# 질문을 씁니다. 생각해 보는 문제에는 코드 셀이 없습니다. `helpers/exercises/lesson11.py`에 `judge` 없이
# 제목과 힌트만 적고, 모범 답안은 아래 `<details>`에 씁니다(`q[1].solution()`이 그대로 보여 줍니다).
#
# <details><summary>풀이</summary>
#
# 풀이를 씁니다.
#
# </details>
#
# ### 연습 2. 코드로 답하는 문제
#
# 질문을 씁니다. 답을 넣을 변수의 이름(`total`)을 질문에 밝힙니다.
#
# <details><summary>풀이</summary>
#
# 풀이를 글로 씁니다. 풀이 코드는 `make sync`가 아래 `solution` 셀에서 가져와 이 자리에 덧붙입니다.
#
# </details>

# %% tags=["solution"]
total = images.sum()  # 답: 모든 픽셀값의 합
q[2].check(total)

# %%
q.progress()

# %% [markdown] tags=["remove-cell"]
# 이전: [11. 모델은 어디를 볼까: 설명 그림과 내 이미지](11_what_the_model_sees.ipynb) · 다음: [직접 그려 보기](draw.md)
