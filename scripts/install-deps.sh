#!/usr/bin/env bash
# Installs the Debian 12 packages Vigil needs to build, run and test — only those missing.
# Uses sudo when not root. Safe to run repeatedly (it is a no-op once everything is present).
set -euo pipefail

PKGS=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # Qt 6.4 (Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-charts-dev qt6-multimedia-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools
  qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-layouts
  qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtquick-shapes qml6-module-qtcharts qml6-module-qttest qml6-module-qtmultimedia
  qml6-module-qt-labs-platform
  libgl-dev libgl1-mesa-dri libglx-mesa0 libegl-mesa0
  # station file (TOML 1.0, header-only)
  libtomlplusplus-dev
  # storage, crypto, DICOM
  libsqlite3-dev sqlite3 libssl-dev openssl libdcmtk-dev dcmtk dicom3tools
  # headless display and looking at what we build
  xvfb xauth x11-utils imagemagick poppler-utils fonts-dejavu-core
  # real peers and baselines for tests and benchmarks
  python3-hl7 python3-pydicom python3-numpy flac zstd gzip
  # printing: a real CUPS queue that writes PDFs, and the CUPS client library
  cups cups-client cups-bsd printer-driver-cups-pdf libcups2-dev
  clang-14 libfuzzer-14-dev
  # users and audit: Argon2id and TOTP, with their reference command-line tools; QR codes for enrolment
  libargon2-dev argon2 liboath-dev oathtool libqrencode-dev
  # many stations: NATS JetStream client and a real cluster for tests
  libnats-dev nats-server
  # install on a nurse-station PC: on-screen keyboard, translations, package checks
  qt6-virtualkeyboard-dev qml6-module-qtquick-virtualkeyboard qt6-translations-l10n lintian
  # bench_waveforms: X DAMAGE screen-update meter (issue 17)
  python3-xlib
  # the keyboard's input-method plugin (QT_IM_MODULE=qtvirtualkeyboard) and its QML's Qt.labs.folderlistmodel
  # (Debian pulls in neither); desktop-file-validate for the package test
  qt6-virtualkeyboard-plugin qml6-module-qt-labs-folderlistmodel desktop-file-utils
  # ./test.sh --all: clang-tidy stage (run-clang-tidy-14 comes with it)
  clang-tidy-14
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} Debian packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: missing packages (${missing[*]}) and not root, no sudo" >&2; exit 1
  fi
fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
