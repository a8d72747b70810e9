#!/bin/sh
# The live display's frame rate while DICOM export + C-STORE run (issue 13's performance note): the real
# station window (bench_waveforms, software path, N beds) measured alternately alone and while
# bench_dicom exports 10 min x 4-lead General ECG objects from an archive and C-STOREs them to a local
# storescp in a loop, ROUNDS times each; prints each run's fps and the ratio loaded/alone of the medians.
# bench_dicom runs in its own process (the station runs the same export and DcmSCU code on worker threads):
# what it measures is the CPU competition on this machine, not GUI-thread blocking (the station never
# exports or sends on the GUI thread).
#   tests/bench/dicom/fps_during_send.sh [BUILD_DIR] [BEDS] [SECONDS] [ROUNDS]
set -eu
B=${1:-build}
BEDS=${2:-16}
SECS=${3:-6}
ROUNDS=${4:-2}
fps() {
    xvfb-run -a -s "-screen 0 1920x1080x24" "$B/bin/bench_waveforms" --beds "$BEDS" --seconds "$SECS" \
        --modes software 2>/dev/null | awk -v b="$BEDS" '$1 == b && $2 == "software" { print $3 }'
}
alone=""
loaded=""
i=0
while [ "$i" -lt "$ROUNDS" ]; do
    a=$(fps)
    stop=$(mktemp -u)
    (while [ ! -e "$stop" ]; do "$B/bin/bench_dicom" --objects 8 --rounds 3 >/dev/null 2>&1; done) &
    loop=$!
    sleep 3 # past bench_dicom's archive build: export and C-STORE from here on
    l=$(fps)
    touch "$stop"
    wait "$loop" # the loop ends after its current bench_dicom
    rm -f "$stop"
    echo "round $((i + 1)): alone $a fps, during export+send $l fps"
    alone="$alone $a"
    loaded="$loaded $l"
    i=$((i + 1))
done
med() { echo "$@" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ma=$(med $alone)
ml=$(med $loaded)
echo "median: alone $ma fps, during export+send $ml fps, ratio $(echo "$ml $ma" | awk '{ printf "%.2f", $1 / $2 }')"
