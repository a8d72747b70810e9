#!/usr/bin/env bash
# The vigil binary's command line and headless mode, as a support engineer would use them.
set -u
vigil="$1"; src="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
checks=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  checks=$((checks+1))
  if "$@"; then echo "ok   - $what"; else echo "FAIL - $what"; fails=$((fails+1)); fi
}
expect_fail() { # description, expected text in stderr, command...
  local what="$1" text="$2"; shift 2
  local out rc
  checks=$((checks+1))
  out=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -ne 0 ] && grep -qF -- "$text" <<<"$out"; then echo "ok   - $what"; else
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

# Headless with a state file: the snapshot is replaced atomically about once a second.
"$vigil" --headless --no-archive --demo-beds 3 --state-file "$tmp/state.json" --quit-after 4 >/dev/null 2>"$tmp/err" &
pid=$!
sleep 2.5
check "state file exists while running" test -s "$tmp/state.json"
# Modification time 1.2 s apart: the snapshot was rewritten in between (it is written every second).
m1=$(stat -c '%.9Y' "$tmp/state.json" 2>/dev/null)
sleep 1.2
m2=$(stat -c '%.9Y' "$tmp/state.json" 2>/dev/null)
check "state file is replaced within 1.2 s ($m1 -> $m2)" \
  /usr/bin/python3 -c 'import sys; sys.exit(not float(sys.argv[2]) > float(sys.argv[1]))' "${m1:-0}" "${m2:-0}"
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

echo "$(( checks - fails )) of $checks passed, $fails failed"
[ $fails -eq 0 ]
