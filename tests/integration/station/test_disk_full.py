#!/usr/bin/python3
"""A full disk under the real station: the archive hits a file size limit (RLIMIT_FSIZE, as a full
partition would); the station raises the archive technical alarm and says why, and the live display keeps
going (samples keep arriving in the beds, numerics stay current)."""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "gateway"))
from vigiltest import *  # noqa

vigil = sys.argv[1]
work = tempfile.mkdtemp(prefix="vigil-full-")
state_path = os.path.join(work, "state.json")
archive = os.path.join(work, "archive.sqlite")
LIMIT = 600 * 1024  # bytes: a few seconds of a 4-bed ward's archive


def limit():
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


proc = subprocess.Popen([vigil, "--headless", "--demo-beds", "4", "--archive", archive, "--state-file", state_path],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit)


def read():
    try:
        with open(state_path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


deadline = time.time() + 90
state = None
while time.time() < deadline:
    state = read()
    if state and state.get("archive_problem"):
        break
    time.sleep(0.5)
check("the archive reports the full disk", state and state.get("archive_problem"), state and state.get("archive_problem"))
alarm = [c for c in (state or {}).get("alarms", {}).get("conditions", []) if c["code"] == "archive_failed"]
check("it is a technical alarm at the station", alarm and alarm[0]["kind"] == "technical" and alarm[0]["state"] == "active", alarm)
before = {b["key"]: b["waves"]["ecg_ii"]["samples_received"] for b in state["beds"]} if state else {}
time.sleep(3)
after = read()
check("the station is still running", proc.poll() is None)
grew = after and all(b["waves"]["ecg_ii"]["samples_received"] > before.get(b["key"], 0) + 1000 for b in after["beds"])
check("live waves keep arriving in every bed", grew, after and [(b["key"], b["waves"]["ecg_ii"]["samples_received"]) for b in after["beds"]])
check("numerics stay current", after and all(not b["numerics"]["spo2"]["stale"] for b in after["beds"]))
proc.terminate()  # SIGTERM: even with the archive failing, the station stops cleanly
try:
    rc = proc.wait(30)
except subprocess.TimeoutExpired:
    proc.kill()
    rc = proc.wait()
check("SIGTERM ends it with exit code 0", rc == 0, rc)
finish()
