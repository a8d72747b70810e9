#!/usr/bin/env bash
# Installs what is missing, builds in Release, and starts the station on its embedded demo ward.
# Extra arguments go to vigil (e.g. ./run.sh --demo-beds 32, ./run.sh --config my-ward.toml).
# With no display (no $DISPLAY / $WAYLAND_DISPLAY) it runs headless and writes run/state.json.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
VIGIL_BUILD_TARGETS="vigil" "$root/scripts/build.sh"
bin="${VIGIL_BUILD_DIR:-$root/build}/bin/vigil"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" = "" ]; then
  mkdir -p "$root/run"
  echo "run.sh: no display; running headless, state in run/state.json (Ctrl-C to stop)"
  exec "$bin" --headless --state-file "$root/run/state.json" "$@"
fi
exec "$bin" "$@"
