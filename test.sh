#!/usr/bin/env bash
# The project's test command: installs what is missing, builds everything (warnings are errors), and runs
# every test through ctest. Tests that need the real window start their own Xvfb (xvfb-run).
# Long fuzz, soak and benchmark runs are separate (docs/PERFORMANCE.md); short versions run here.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
build="${VIGIL_BUILD_DIR:-$root/build}"
start=$(date +%s)
VIGIL_CMAKE_ARGS="-DVIGIL_WERROR=ON ${VIGIL_CMAKE_ARGS:-}" "$root/scripts/build.sh"
echo "test.sh: build done in $(( $(date +%s) - start )) s"
ctest --test-dir "$build" --output-on-failure -j2 --timeout 900 "$@"
echo "test.sh: total $(( $(date +%s) - start )) s"
