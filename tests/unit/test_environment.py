"""The installed stack is the locked one: the book's outputs were produced with exactly these versions."""

import importlib.metadata
from pathlib import Path

import pytest
from locked import all_locked_names, locked_versions
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def test_installed_versions_equal_the_lock():
    wrong = []
    for name, wanted in sorted(locked_versions().items()):
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != wanted:
            wrong.append(f"{name}: locked {wanted}, installed {installed}")
    assert not wrong, "the environment differs from requirements.lock (run `make venv`):\n" + "\n".join(wrong)


def test_every_range_in_requirements_txt_is_locked():
    """requirements.txt is the human-edited input; a package added there but not locked: `make lock` was not run."""
    locked = {name.lower().replace("_", "-") for name in all_locked_names()}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name = Requirement(line).name.lower().replace("_", "-")
            assert name in locked, f"{name} is in requirements.txt but not in requirements.lock: run `make lock`"


def test_the_lock_covers_both_tensorflow_builds():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "tensorflow-cpu==" in text and "platform_machine == 'x86_64'" in text
    assert "\ntensorflow==" in text and "platform_machine != 'x86_64'" in text


@pytest.mark.slow
def test_the_trained_models_install_with_the_package(tmp_path):
    """`pip install` from the repository (Colab's install cell) brings the book's trained models with helpers."""
    import shutil
    import subprocess
    import sys
    import zipfile

    source = tmp_path / "source"  # a copy: setuptools writes build/ and *.egg-info next to what it builds
    shutil.copytree(ROOT / "helpers", source / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v", str(source)]
    built = subprocess.run([*command, "-w", str(tmp_path)], check=True, capture_output=True, text=True, timeout=300)
    assert "is absent from the `packages`" not in built.stdout + built.stderr, "setuptools warns: pyproject packages"
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("cnn.weights.h5", "strong.weights.h5", "manifest.json"):
        assert f"helpers/trained/{name}" in names, f"the wheel lacks helpers/trained/{name} (pyproject's package-data)"
    for name in ("own_image_spec.json", "samples/tshirt_drawing.png"):  # helpers.prepare_own_image and its pictures
        assert f"helpers/{name}" in names, f"the wheel lacks helpers/{name} (pyproject's package-data)"
