#!/usr/bin/env bash
# Shared by run.sh and test.sh: install missing Debian packages, configure and build (Release).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VIGIL_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
# A compiler cache, when present, makes rebuilds and parallel work trees cheap (paths relative to the tree).
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" ${VIGIL_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)" ${VIGIL_BUILD_TARGETS:+--target $VIGIL_BUILD_TARGETS}
