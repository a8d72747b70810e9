#!/usr/bin/env bash
# Shared by run.sh and test.sh: install missing Debian packages, configure and build (Release).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VIGIL_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release ${VIGIL_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)" ${VIGIL_BUILD_TARGETS:+--target $VIGIL_BUILD_TARGETS}
