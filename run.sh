#!/usr/bin/env bash
# Installs what is missing, builds in Release, and starts the demo: the simulated gateway
# (vigil-gateway-sim, 16 beds) serving IHE PCD-01/PCD-04 over MLLP with TLS on loopback, and the station
# dialling it with mutual TLS authentication (certificates are created in run/pki on first run).
# Extra arguments go to vigil. ./run.sh --embedded runs the in-process simulator instead, no network.
# With no display ($DISPLAY / $WAYLAND_DISPLAY unset) the station runs headless and writes run/state.json.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
VIGIL_BUILD_TARGETS="vigil vigil-gateway-sim" "$root/scripts/build.sh"
bin="${VIGIL_BUILD_DIR:-$root/build}/bin"
mkdir -p "$root/run"
args=()
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run.sh: no display; running headless, live state in run/state.json (Ctrl-C to stop)"
  args+=(--headless --state-file "$root/run/state.json")
fi
if [ "${1:-}" = "--embedded" ]; then
  shift
  exec "$bin/vigil" "${args[@]}" "$@"
fi
pki="$root/run/pki"
"$root/scripts/make-demo-pki.sh" "$pki"
port="${VIGIL_DEMO_PORT:-2576}"
"$bin/vigil-gateway-sim" --listen "mllps://127.0.0.1:$port" --tls-ca "$pki/ca.pem" \
  --tls-cert "$pki/gateway.pem" --tls-key "$pki/gateway.key" --beds 16 2>"$root/run/gateway-sim.log" &
sim=$!
trap 'kill $sim 2>/dev/null || true' EXIT INT TERM
sleep 0.5
"$bin/vigil" "${args[@]}" --gateway "mllps://127.0.0.1:$port" --tls-ca "$pki/ca.pem" \
  --tls-cert "$pki/station.pem" --tls-key "$pki/station.key" "$@"
