"""Training under tf.distribute: MirroredStrategy over two logical CPU devices, as it would run over two GPUs."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

import helpers

SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    import helpers, tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
    mirrored = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    tiny = helpers.RunMode("tiny", epochs=2, train_limit=1024, val_limit=512)
    data = helpers.load_splits()
    run = helpers.train_or_load(mode=tiny, data=data, verbose=0, strategy=mirrored)
    single = helpers.train_or_load(mode=helpers.RunMode("tiny1", 2, 1024, 512), data=data, verbose=0)
    probe = data.x_val[:8]
    print(json.dumps({
        "replicas": mirrored.num_replicas_in_sync,
        "default": helpers.pick_strategy().__class__.__name__,
        "shape": list(run.model.predict(probe, verbose=0).shape),
        "single_shape": list(single.model.predict(probe, verbose=0).shape),
        "params": [run.model.count_params(), single.model.count_params()],
        "accuracy": run.history["val_accuracy"][-1],
        "loss": run.history["loss"],
    }))
    """
)


@pytest.mark.slow
def test_mirrored_strategy_over_two_cpus_trains(tmp_path):
    env = {**os.environ, "COURSE_MODEL_DIR": str(tmp_path), "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["replicas"] == 2
    assert report["default"] != "MirroredStrategy"  # no GPUs here: one device, the default strategy
    assert report["shape"] == report["single_shape"] == [8, 10]
    assert report["params"] == [333_526, 333_526]
    assert report["loss"][-1] < report["loss"][0] and report["accuracy"] > 0.3


def test_pick_strategy_on_this_machine():
    import tensorflow as tf

    gpus = len(tf.config.list_logical_devices("GPU"))
    assert helpers.pick_strategy().num_replicas_in_sync == (gpus if gpus > 1 else 1)
