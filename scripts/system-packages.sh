#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the course needs, only those missing:
#   python3-venv (to build .venv), graphviz (`dot`, behind plot_model), dataset-fashion-mnist (offline data);
#   with --browser also chromium, chromium-driver and fonts-nanum (the browser tests of the built book, the PDF)
#   and poppler-utils (pdftotext, to read the PDF back in its test).
# As root it runs apt-get; with passwordless sudo it uses sudo; otherwise it stops and names the command.
set -euo pipefail

PYTHON=${PYTHON:-python3}
needed=()
"$PYTHON" -c "import venv, ensurepip" 2>/dev/null || needed+=(python3-venv)
command -v dot >/dev/null 2>&1 || needed+=(graphviz)
data_dir=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  if [ ! -f "$data_dir/$name.gz" ]; then needed+=(dataset-fashion-mnist); break; fi
done
if [ "${1:-}" = "--browser" ]; then
  [ -x /usr/bin/chromium ] || needed+=(chromium)
  [ -x /usr/bin/chromedriver ] || needed+=(chromium-driver)
  [ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || needed+=(fonts-nanum)
  command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
fi
[ ${#needed[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y ${needed[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run=(bash -c "$command")
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo bash -c "$command")
else
  echo "필요한 시스템 패키지가 없습니다: ${needed[*]}" >&2
  echo "Missing system packages: ${needed[*]}. Install them, then run make again:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y ${needed[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${needed[*]}"
if ! DEBIAN_FRONTEND=noninteractive "${run[@]}"; then
  echo "시스템 패키지를 설치하지 못했습니다: ${needed[*]} (위의 apt-get 메시지를 보세요)." >&2
  echo "Could not install system packages: ${needed[*]} (see apt-get's message above)." >&2
  echo "Fix the package source or network, then run: sudo $command" >&2
  exit 1
fi
