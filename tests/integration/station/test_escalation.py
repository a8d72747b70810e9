#!/usr/bin/python3
"""IEC 60601-1-8 escalation through the real station: a desaturating patient raises a HIGH alarm that
nobody acknowledges; at its configured delay the station sends a PCD-04 `escalate` to the ward's alert
manager (a python3-hl7 asyncio MLLP server), whose PCD-05 "delivered" reply is shown on the alarm.
Acknowledging at the station then de-escalates and tells the alert manager."""
import calendar
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "gateway"))
from vigiltest import *  # noqa

vigil = sys.argv[1]
am_script = sys.argv[2]
work = tempfile.mkdtemp(prefix="vigil-esc-")
log = os.path.join(work, "am.jsonl")
am = subprocess.Popen(["/usr/bin/python3", am_script, "--port", "0", "--log", log, "--reply", "delivered"],
                      stdout=subprocess.PIPE, text=True)
line = am.stdout.readline()
if not line.startswith("LISTENING"):
    print("SKIP: alert manager did not start:", line)
    sys.exit(77)
am_port = int(line.split()[1])
ESC_S = 4  # the HIGH alarm goes to the alert manager 4 s after it starts signalling
cfg = os.path.join(work, "ward.toml")
with open(cfg, "w") as f:
    f.write(f"""[station]
name = "IT"
ward = "IT"
[alarms.escalation]
high = ["0:local", "2:escalated", "{ESC_S}:alert_manager"]
[alert_manager]
url = "mllp://127.0.0.1:{am_port}"
[[source]]
id = "sim"
type = "simulator"
beds = 2
scenarios = ["1:desaturation@0+300=75"]
""")
st = Station(vigil, ["--config", cfg])


def spo2_alarm(s):
    return next((c for c in s["alarms"]["conditions"] if c["code"] == "spo2_low" and c["state"] == "active"), None)


state = st.state(timeout=60, predicate=lambda s: (spo2_alarm(s) or {}).get("delivery") == "delivered")
alarm = spo2_alarm(state)
check("desaturation raised an active HIGH SpO2 alarm", alarm is not None and alarm["priority"] == "high", alarm)
check("alarm escalated locally and sent to the alert manager",
      alarm and alarm["escalated"] and alarm["sent_to_alert_manager"], alarm)
check("the alert manager's 'delivered' reply is shown on the alarm", alarm and alarm["delivery"] == "delivered", alarm)
received = [json.loads(l) for l in open(log) if l.strip()]
esc = [r for r in received if r.get("phase") == "escalate"]
check("alert manager received a PCD-04 escalate for that alarm", esc and esc[0]["alarm_id"] == alarm["id"], received[:3])
if alarm and esc:
    start = calendar.timegm(time.strptime(alarm["start"][:19], "%Y-%m-%dT%H:%M:%S")) + float("0." + alarm["start"][20:23])
    got = esc[0]["time"]
    check("escalation reached the alert manager at its configured delay (+/- 0.5 s)",
          abs(got - start - ESC_S) < 0.5, (got - start, ESC_S))
    check("the escalate message carries priority and text", esc[0]["priority"] in ("PH", "high") and "SpO2" in esc[0]["text"], esc[0])
st.stop()
am.terminate()
finish()
