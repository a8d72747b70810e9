#!/usr/bin/env bash
# Screenshots of the station in the given languages, to look at (docs/TRANSLATIONS.md): the ward, a bed, its
# review and the print preview of its event list, driven by keys under a private Xvfb (xdotool), with an
# archive in a temp dir (the review and the reports need one).
#
#   tests/ui/i18n-shots.sh OUTDIR [LANG...]      default languages: fr es
#
# Writes OUTDIR/i18n-{ward,bed,review,preview}-LANG.png. Not a ctest: a person looks at the pictures
# (tst_i18n_window checks the elision of the main buttons automatically).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: i18n-shots.sh OUTDIR [LANG...]}"
shift
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(fr es)
bin="${VIGIL_BIN:-$root/build/bin/vigil}"
mkdir -p "$out"
work="$(mktemp -d)"
xvfb_pid=""
vigil_pid=""
cleanup() {
  [ -n "$vigil_pid" ] && kill "$vigil_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# A free display number: the first without a lock file.
d=90
while [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
sleep 1

shot() { import -window root "$out/$1"; echo "$out/$1"; }
key() { xdotool key --clearmodifiers "$@"; }

for lang in "${langs[@]}"; do
  rm -f "$work/archive.db"*
  "$bin" --language "$lang" --archive "$work/archive.db" --window-size 1920x1080 >"$work/vigil-$lang.log" 2>&1 &
  vigil_pid=$!
  sleep 14 # the demo's beds start and raise their first alarms
  xdotool search --sync --onlyvisible --pid "$vigil_pid" | head -1 | xargs -r xdotool windowactivate --sync 2>/dev/null || true
  shot "i18n-ward-$lang.png"
  key Return # the focused bed
  sleep 2
  shot "i18n-bed-$lang.png"
  key r # its review
  sleep 4
  shot "i18n-review-$lang.png"
  key Escape
  sleep 1
  key ctrl+p Down Down Down Return # Print menu: the event list
  sleep 6
  shot "i18n-preview-$lang.png"
  kill "$vigil_pid"
  wait "$vigil_pid" 2>/dev/null || true
  vigil_pid=""
done
