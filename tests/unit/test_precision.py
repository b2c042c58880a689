import keras
import numpy as np
import pytest

import helpers
from helpers import precision
from helpers._quiet import without_start_up_notes

BF16_CPU = {"fpu", "avx512f", "avx512_vnni", "avx512_bf16"}


def test_auto_picks_bfloat16_only_where_the_cpu_computes_in_it(monkeypatch):
    monkeypatch.delenv("COURSE_PRECISION", raising=False)
    monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "1")
    assert precision.resolve_precision("auto", flags=BF16_CPU) == "mixed_bfloat16"
    assert precision.resolve_precision("auto", flags={"fpu", "avx2"}) == "float32"
    assert precision.resolve_precision("auto", flags=set()) == "float32"  # no /proc/cpuinfo
    monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "0")  # bfloat16 without oneDNN is several times slower
    assert precision.resolve_precision("auto", flags=BF16_CPU) == "float32"


def test_named_precision_and_the_environment_override_auto(monkeypatch):
    monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "1")
    monkeypatch.setenv("COURSE_PRECISION", "float32")
    assert precision.resolve_precision("auto", flags=BF16_CPU) == "float32"
    assert precision.resolve_precision("mixed_bfloat16", flags=set()) == "mixed_bfloat16"


def test_cpu_flags_reads_the_flags_line(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx512_bf16 sse\n")
    assert precision.cpu_flags(cpuinfo) == {"fpu", "avx512_bf16", "sse"}
    assert precision.cpu_flags(tmp_path / "missing") == set()


def test_mixed_model_keeps_float32_weights_and_a_float32_softmax():
    model = precision.build_with_precision(helpers.build_strong_cnn, "mixed_bfloat16")
    assert keras.mixed_precision.global_policy().name == "float32"  # restored after building
    assert model.get_layer("conv1").dtype_policy.name == "mixed_bfloat16"
    assert model.get_layer("conv1").kernel.dtype == "float32"
    assert model.get_layer("output").dtype_policy.name == "float32"
    probabilities = model.predict(np.zeros((2, 28, 28, 1), "float32"), verbose=0)
    assert probabilities.dtype == np.float32 and np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)


def test_precision_is_part_of_the_cache_key(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    plain = helpers.runstore.run_directory(helpers.Recipe(precision="float32"), helpers.get_run_mode("quick"))
    mixed = helpers.runstore.run_directory(helpers.Recipe(precision="mixed_bfloat16"), helpers.get_run_mode("quick"))
    assert plain != mixed


@pytest.mark.slow
def test_mixed_precision_recipe_trains_and_reloads_with_its_policy(splits, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_DIR", str(tmp_path))
    recipe = helpers.Recipe(builder="strong", epochs=2, batch_size=64, precision="mixed_bfloat16")
    run = helpers.train_or_load(recipe, mode="quick", data=splits, verbose=0)
    assert run.history["loss"][-1] < run.history["loss"][0]
    again = helpers.train_or_load(recipe, mode="quick", data=splits, verbose=0)
    assert again.loaded and again.model.get_layer("conv2").dtype_policy.name == "mixed_bfloat16"


def test_start_up_notes_are_dropped_and_nothing_else():
    text = (
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
        "I0000 00:00:1.0 123 port.cc:153] oneDNN custom operations are on. You may see ...\n"
        "E0000 something else went wrong\n"
    )
    assert without_start_up_notes(text) == "E0000 something else went wrong\n"
