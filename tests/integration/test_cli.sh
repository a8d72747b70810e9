#!/usr/bin/env bash
# The vigil binary's command line and headless mode, as a support engineer would use them.
set -u
vigil="$1"; src="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "ok   - $what"; passes=$((passes+1)); else echo "FAIL - $what"; fails=$((fails+1)); fi
}
expect_fail() { # description, expected text in stderr, command...
  local what="$1" text="$2"; shift 2
  local out rc
  out=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -ne 0 ] && grep -qF -- "$text" <<<"$out"; then echo "ok   - $what"; passes=$((passes+1)); else
    echo "FAIL - $what (rc=$rc, stderr: $out)"; fails=$((fails+1)); fi
}

check "--help lists every option" bash -c "'$vigil' --help | grep -q -- --state-file && '$vigil' --help | grep -q -- --demo-beds && '$vigil' --help | grep -q -- --self-test"
expect_fail "unknown option exits non-zero" "frobnicate" "$vigil" --frobnicate
expect_fail "bad --demo-beds exits non-zero" "--demo-beds" "$vigil" --headless --no-archive --demo-beds 0
expect_fail "bad --demo-beds text" "got 'many'" "$vigil" --headless --demo-beds many
expect_fail "missing config file" "cannot read the station file" "$vigil" --headless --config "$tmp/nope.toml"
printf '[display]\nmax_fps = 1000\n' > "$tmp/bad.toml"
expect_fail "bad config names file, line and key" "bad.toml:2: [display] max_fps" "$vigil" --headless --config "$tmp/bad.toml"
check "embedded default passes --check-config" "$vigil" --check-config
check "--check-config warns of alert-manager tiers without an [alert_manager]" bash -c "'$vigil' --check-config | grep -q 'warning: \[alarms.escalation\] high: the 40 s tier escalates to the alert manager'"
check "no such warning when an alert manager is configured" bash -c "! '$vigil' --check-config --alert-manager mllp://127.0.0.1:1 | grep -q warning"
check "shipped example passes --check-config" bash -c "cd '$src' && '$vigil' --config resources/station.example.toml --check-config >/dev/null"
check "--print-default-config is a valid station file" bash -c "'$vigil' --print-default-config > '$tmp/d.toml' && '$vigil' --config '$tmp/d.toml' --check-config >/dev/null"

# What identifies one write of a state file: its inode (each atomic replace is a new file) and the
# snapshot's own time.
stamp() {
  /usr/bin/python3 -c 'import json, os, sys; p = sys.argv[1]; print(os.stat(p).st_ino, json.load(open(p))["generated"])' "$1" 2>/dev/null
}

# Headless with a state file: the snapshot is replaced atomically about once a second.
"$vigil" --headless --no-archive --demo-beds 3 --state-file "$tmp/state.json" --quit-after 5 >/dev/null 2>"$tmp/err" &
pid=$!
sleep 2.5
check "state file exists while running" test -s "$tmp/state.json"
m1=$(stamp "$tmp/state.json")
sleep 1.3
m2=$(stamp "$tmp/state.json")
check "state file is replaced about once a second (was '$m1', then '$m2')" test -n "$m1" -a -n "$m2" -a "$m1" != "$m2"
wait $pid; rc=$?
check "headless run exits 0 after --quit-after" test $rc -eq 0
check "state file is valid JSON with 3 live beds" /usr/bin/python3 - "$tmp/state.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["format"] == "vigil-state" and s["version"] == 1, s.get("format")
beds = s["beds"]
assert len(beds) == 3, len(beds)
for b in beds:
    assert not b["no_data"], b["key"]
    assert b["patient"]["name"], b
    assert b["waves"]["ecg_ii"]["sample_rate"] == 500
    assert b["waves"]["ecg_ii"]["samples_received"] > 1000
    assert b["numerics"]["spo2"]["unit"] == "%"
assert s["sources"][0]["state"] in ("connected", "stopped")
PY
check "no temporary files left behind" bash -c "[ \$(ls '$tmp' | grep -c state) -eq 1 ]"

# SIGTERM (systemd stopping the service): the loop ends cleanly, exit code 0, and the state file gets
# its last write after the signal.
"$vigil" --headless --no-archive --demo-beds 2 --state-file "$tmp/term.json" >/dev/null 2>"$tmp/term.err" &
pid=$!
( sleep 20; kill -KILL $pid 2>/dev/null ) & watchdog=$!
sleep 2.5
signalled=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
kill -TERM $pid
wait $pid; rc=$?
kill $watchdog 2>/dev/null; wait $watchdog 2>/dev/null
check "SIGTERM ends a headless station with exit code 0 (got $rc)" test $rc -eq 0
check "SIGTERM: the state file's last write comes after the signal" /usr/bin/python3 - "$tmp/term.json" "$signalled" <<'PY'
import json, sys
generated = json.load(open(sys.argv[1]))["generated"]
assert generated >= sys.argv[2], (generated, sys.argv[2])
PY
check "SIGTERM: nothing on stderr but the usual" bash -c "! grep -qi 'runtime error\|segmentation\|abort' '$tmp/term.err'"

# `vigil dicom view`: a real DICOM waveform file opens in the viewer (offscreen here), its patient,
# kind and acquisition time named, every channel of the file a lane (all 12 leads of the rhythm group, also
# those the station has no place for); a file that is not DICOM is refused with the reader's reason.
shared="${VIGIL_SHARED_DATA:-$src/../shared/data}"
if [ -f "$shared/dicom/waveform_ecg.dcm" ]; then
  TZ=UTC QT_QPA_PLATFORM=offscreen "$vigil" dicom view "$shared/dicom/waveform_ecg.dcm" --quit-after 3 >"$tmp/view.out" 2>"$tmp/view.err"; rc=$?
  check "dicom view opens a real 12-lead file and exits 0 (got $rc)" test $rc -eq 0
  check "dicom view names patient, kind and acquisition" grep -q "642341 .* 12-lead ECG, acquired 2013-01-25 10:59:19 .* 24 channels" "$tmp/view.out"
  check "dicom view shows all 12 leads of the rhythm group" grep -q "channel 12: Lead V6 (group 1 RHYTHM, mV, 1000 Hz, 10000 samples)" "$tmp/view.out"
  check "dicom view shows the median beats group too" grep -q "channel 24: Lead V6 (group 2 " "$tmp/view.out"
fi
printf 'not dicom' > "$tmp/bad.dcm"
expect_fail "dicom view refuses a file that is not DICOM" "vigil dicom view:" env QT_QPA_PLATFORM=offscreen "$vigil" dicom view "$tmp/bad.dcm" --quit-after 3

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
