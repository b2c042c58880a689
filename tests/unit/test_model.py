import pytest

import helpers


def test_seed_model_has_333526_parameters_and_the_seed_shapes():
    model = helpers.build_cnn()
    assert model.count_params() == 333_526
    shapes = [tuple(layer.output.shape[1:]) for layer in model.layers]
    assert shapes == [(28, 28, 32), (14, 14, 32), (14, 14, 64), (7, 7, 64), (3136,), (100,), (100,), (10,)]
    assert [layer.count_params() for layer in model.layers] == [320, 0, 18_496, 0, 0, 313_700, 0, 1_010]
    assert model.layers[-1].activation.__name__ == "softmax"


def test_build_cnn_parameters_change_the_network():
    model = helpers.build_cnn(filters=(8,), kernel_size=5, dense_units=16, dropout=0.0, num_classes=3)
    assert tuple(model.layers[-1].output.shape) == (None, 3)
    assert model.get_layer("conv1").kernel.shape == (5, 5, 1, 8)
    # one conv block: 28→14, so the dense layer sees 14·14·8 inputs
    assert model.get_layer("hidden").kernel.shape == (14 * 14 * 8, 16)


def test_strong_cnn_adds_a_block_batch_normalization_and_augmentation():
    model = helpers.build_strong_cnn()
    kinds = [layer.__class__.__name__ for layer in model.layers]
    assert kinds.count("BatchNormalization") == 3 and kinds[0] == "RandomFlip"
    assert tuple(model.get_layer("pool2").output.shape) == (None, 7, 7, 64)  # the lesson model's shape so far
    assert tuple(model.get_layer("pool3").output.shape) == (None, 3, 3, 128)
    assert tuple(model.layers[-1].output.shape) == (None, 10)
    assert model.count_params() == 242_218  # fewer than the lesson model: Flatten gives 1,152 values, not 3,136
    assert model.get_layer("conv1").bias is None  # batch normalization's beta replaces it
    plain = helpers.build_strong_cnn(filters=(32, 64), augment=False)
    assert "RandomFlip" not in [layer.__class__.__name__ for layer in plain.layers]


@pytest.mark.slow
def test_a_lesson_start_writes_nothing_to_stderr():
    """What a notebook's first cells do, in a fresh interpreter without the Makefile's settings: no TF log lines."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS")}
    code = (
        "import helpers, numpy as np\n"
        "model = helpers.compile_model(helpers.build_cnn())\n"
        "model.fit(np.zeros((8, 28, 28, 1), 'float32'), np.zeros(8, 'int64'), epochs=1, verbose=0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stderr == "", result.stderr[-2000:]
