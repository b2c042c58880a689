"""`make`'s system-package step: clear words when a package is missing and cannot be installed.

Commands are stood in for by small scripts on PATH (`id`, `sudo`, `apt-get`), so the real system is untouched.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs the script in a subprocess

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "system-packages.sh"


def shim(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def run(tmp_path: Path, uid: int, apt_exit: int = 0, extra=()):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim(bin_dir, "id", f"echo {uid}")
    shim(bin_dir, "sudo", "exit 1")  # no passwordless sudo
    shim(bin_dir, "apt-get", f'echo "apt-get $*" >> {tmp_path}/apt.log; exit {apt_exit}')
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "PYTHON": sys.executable,
        "FASHION_MNIST_DIR": str(tmp_path / "no-data"),
    }
    return subprocess.run(["bash", str(SCRIPT), *extra], env=env, capture_output=True, text=True, timeout=60)


def test_nothing_missing_does_nothing(tmp_path):
    result = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHON": sys.executable}
    )
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_without_root_or_sudo_it_names_the_exact_command(tmp_path):
    result = run(tmp_path, uid=1000)
    assert result.returncode == 1
    assert "dataset-fashion-mnist" in result.stderr
    assert "sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist" in result.stderr
    assert "필요한 시스템 패키지가 없습니다" in result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_as_root_a_failed_install_says_so(tmp_path):
    result = run(tmp_path, uid=0, apt_exit=100)
    assert result.returncode == 1
    assert "시스템 패키지를 설치하지 못했습니다" in result.stderr and "Could not install" in result.stderr
    assert "apt-get update" in (tmp_path / "apt.log").read_text()


def test_as_root_it_installs_what_is_missing(tmp_path):
    result = run(tmp_path, uid=0)
    assert result.returncode == 0
    log = (tmp_path / "apt.log").read_text()
    assert "apt-get install -y dataset-fashion-mnist" in log and "graphviz" not in log
