"""A class can serve the course from BinderHub or its own JupyterHub: repo2docker's binder/ files build a working
environment. The image build itself needs Docker; here the same files build a fresh venv and postBuild runs in it."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"


def test_binder_brings_graphviz_the_data_and_korean_fonts_and_the_lock():
    apt = BINDER.joinpath("apt.txt").read_text(encoding="utf-8").split()
    assert {"graphviz", "dataset-fashion-mnist"} <= set(apt) and any(name.startswith("fonts-") for name in apt)
    assert BINDER.joinpath("requirements.txt").read_text(encoding="utf-8").count("-r ../requirements.lock") == 1
    assert os.access(BINDER / "postBuild", os.X_OK), "repo2docker runs postBuild only when it is executable"


def registry_reachable() -> bool:
    """Whether PyPI answers; the offline run (`unshare -n … make test`) has no network: uv then uses its cache."""
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
    except OSError:
        return False
    return True


@pytest.mark.slow
def test_postbuild_in_a_fresh_environment_from_the_same_files(tmp_path):
    """requirements.txt (the lock) into a new venv, then postBuild at a copy of the repository's root, as repo2docker
    does; a notebook's kernel there finds the course distribution and loads Fashion-MNIST offline."""
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    repository = tmp_path / "repository"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in tracked)):
        if name.startswith(("binder/", "helpers/")) or name in ("pyproject.toml", "README.md", "requirements.lock"):
            (repository / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repository / name)
    venv, home = tmp_path / "venv", tmp_path / "home"
    home.mkdir()
    offline = [] if registry_reachable() else ["--offline"]  # uv reads no pip.conf: without PyPI, its own cache
    subprocess.run([uv, "venv", "--quiet", "--seed", *offline, "--python", sys.executable, str(venv)], check=True)
    install = [uv, "pip", "install", "--quiet", *offline, "--python", str(venv / "bin" / "python")]
    subprocess.run([*install, "-r", str(repository / "binder" / "requirements.txt")], check=True, timeout=1800)
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("KERAS_", "COURSE_"))}
    environment.update(HOME=str(home), PATH=f"{venv / 'bin'}{os.pathsep}{environment['PATH']}")
    environment.pop("PYTHONPATH", None)
    # The fresh HOME hides this machine's own pip configuration (its package indexes), which postBuild's pip needs
    # to fetch its build backend offline; a Binder image brings its own
    configs = [Path.home() / ".config" / "pip" / "pip.conf", Path.home() / ".pip" / "pip.conf"]
    user_config = next((config for config in configs if config.is_file()), None)
    if user_config:
        environment.setdefault("PIP_CONFIG_FILE", str(user_config))
    subprocess.run([str(repository / "binder" / "postBuild")], cwd=repository, env=environment, check=True, timeout=600)
    probe = (
        "import importlib.metadata, helpers, keras; "
        "print(importlib.metadata.version('fashion-cnn-course'), helpers.__file__); "
        "(x, y), _ = keras.datasets.fashion_mnist.load_data(); print(x.shape)"
    )
    notebook_folder = tmp_path / "anywhere"
    notebook_folder.mkdir()
    python = str(venv / "bin" / "python")
    out = subprocess.run([python, "-c", probe], cwd=notebook_folder, env=environment, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    version_line, shape_line = out.stdout.strip().splitlines()[-2:]
    assert version_line.startswith("1.") and str(repository / "helpers") in version_line  # editable: edits show
    assert shape_line == "(60000, 28, 28)"
    assert (home / ".keras" / "datasets" / "fashion-mnist" / "train-images-idx3-ubyte.gz").is_file()
