#!/usr/bin/python3
"""Alarm scenarios through the running station (issue 8): the real vigil binary, headless with a state
file, fed by the real vigil-gateway-sim over MLLP or by python3-hl7's mllp_send.

  test_alarm_scenarios.py VIGIL GATEWAY_SIM SCENARIO [SECONDS]

SCENARIO is one of: duplicate, outage, listener, no_alert_manager. SECONDS shortens the long ones
(no_alert_manager runs 300 s by default, as the issue asks)."""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "gateway"))
from vigiltest import *  # noqa

vigil, sim, scenario = sys.argv[1], sys.argv[2], sys.argv[3]
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else None


class GatewaySim:
    """vigil-gateway-sim listening on a loopback port (plaintext), started and stopped here."""

    def __init__(self, port, beds, scenarios=("none",), extra=()):
        self.log = tempfile.NamedTemporaryFile(prefix="gwsim-", suffix=".log", delete=False)
        args = [sim, "--listen", f"mllp://127.0.0.1:{port}", "--beds", str(beds)]
        for s in scenarios:
            args += ["--scenario", s]
        self.proc = subprocess.Popen(args + list(extra), stdout=self.log, stderr=subprocess.STDOUT)
        check(f"gateway simulator listens on {port}", wait_port(port))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def conditions(state):
    return (state or {}).get("alarms", {}).get("conditions", [])


def live(state):
    return [c for c in conditions(state) if c["state"] != "inactive"]


def beds_with_data(state, n):
    return state and sum(1 for b in state.get("beds", []) if not b["no_data"]) >= n


# ---------------------------------------------------------------------------------------------------------
if scenario == "duplicate":
    # Bed 1 desaturates to 85 %: below the bedside monitor's limit (88, sent as OBX-7 and in its PCD-04
    # report) and the station's default (90). One condition, the device's; the limits shown are the device's.
    port = free_port()
    gw = GatewaySim(port, 2, ["1:desaturation@3+300=85", "2:tachycardia@3+300=125"])
    st = Station(vigil, ["--gateway", f"mllp://127.0.0.1:{port}"])
    try:
        state = st.state(timeout=60, predicate=lambda s: any(
            c.get("parameter") == "spo2" and c["state"] == "active" for c in conditions(s)))
        time.sleep(20)  # the station's own delay (10 s) long past: a duplicate would be there by now
        state = st.state()
        spo2 = [c for c in live(state) if c.get("parameter") == "spo2"]
        check("one SpO2 condition for the desaturation, not two", len(spo2) == 1, spo2)
        check("it is the bedside device's (gateway) condition", spo2 and spo2[0]["origin"] == "gateway", spo2)
        check("its limit is the device's 88", spo2 and spo2[0]["limit"] == 88, spo2)
        check("text in the station's words", spo2 and spo2[0]["text"] == "SpO2 low", spo2)
        bed1 = next((b for b in state["alarms"]["beds"] if b["key"].endswith("Bed 01")), None)
        check("bed 1: SpO2 and HR limits are the device's (read-only)",
              bed1 and {"spo2", "hr"} <= set(bed1["device_limits"]), bed1)
        check("bed 1: SpO2 low limit shown is 88, not the station's 90",
              bed1 and bed1["limits"]["spo2"][0] == 88, bed1)
        # HR 125: above the station's 120, below the device's 130: the device governs, so no alarm at all.
        hr = [c for c in live(state) if c.get("parameter") == "hr"]
        check("HR 125 raises nothing: the device's limit 130 governs, not the station's 120", hr == [], hr)
        bar = state["alarm_bar"]
        check("the alarm bar shows the condition with bed and numbers",
              bar["condition"] == "SpO2 low" and bar["where"].endswith("Bed 01") and "< 88" in bar["values"], bar)
        tile = st.bed(state, bed1["key"])
        check("the violating numeric carries its priority on the tile",
              tile["numerics"]["spo2"].get("alarm_priority") == 3, tile["numerics"].get("spo2"))
        check("patient category carried through the gateway (PID-7)", tile["category"] == "adult", tile)
    finally:
        st.stop()
        gw.kill()

# ---------------------------------------------------------------------------------------------------------
elif scenario == "outage":
    # 16 beds through the gateway; the gateway dies for 60 s and comes back. At most one condition per bed
    # plus the link (17), and nothing raised for the outage's own gap after recovery.
    outage = seconds or 60
    port = free_port()
    gw = GatewaySim(port, 16)
    st = Station(vigil, ["--gateway", f"mllp://127.0.0.1:{port}"])
    try:
        state = st.state(timeout=60, predicate=lambda s: beds_with_data(s, 16))
        check("16 beds live through the gateway", beds_with_data(state, 16))
        time.sleep(25)  # every numeric refreshed at least once more; nothing should be raised in steady state
        before = {c["id"] for c in conditions(st.state())}
        check("steady state: no condition", len(live(st.state())) == 0, live(st.state()))
        gw.kill()
        time.sleep(outage)
        during = st.state()
        new = [c for c in conditions(during) if c["id"] not in before]
        check(f"a {outage:.0f} s outage of 16 beds: at most 17 conditions ({len(new)})", len(new) <= 17,
              [(c["code"], c["bed"]) for c in new])
        link = [c for c in live(during) if c["code"] == "link_down"]
        check("one link-down condition", len(link) == 1, link)
        check("it names the beds it leaves unwatched", link and "16 beds" in link[0]["text"], link)
        check("it is the station's, not a bed's", link and link[0]["bed"] == "", link)
        check("every bed shows NO DATA", all(b["no_data"] for b in during["beds"]))
        gw = GatewaySim(port, 16)
        state = st.state(timeout=90, predicate=lambda s: beds_with_data(s, 16) and not any(
            c["code"] == "link_down" for c in live(s)))
        recovered = time.time()
        check("recovered: 16 beds live, link condition over", beds_with_data(state, 16))
        time.sleep(30)
        after = st.state()
        seen = before | {c["id"] for c in new}
        late = [c for c in conditions(after) if c["id"] not in seen]
        check("nothing raised after recovery for the outage's own gap", late == [],
              [(c["code"], c["bed"], c["text"]) for c in late])
        check("nothing still signalling after recovery", live(after) == [],
              [(c["code"], c["bed"], c["state"]) for c in live(after)])
    finally:
        st.stop()
        gw.kill()

# ---------------------------------------------------------------------------------------------------------
elif scenario == "listener":
    # A gateway that connects, sends one message and disconnects (python3-hl7's mllp_send) is not a link
    # failure: the station listens, the link is down only after data_timeout_s without anything.
    port = free_port()
    st = Station(vigil, ["--listen", f"mllp://127.0.0.1:{port}"])
    try:
        check("station listens", wait_port(port))
        for i in range(8):
            msg = numerics_message(f"M{i}", "ICU^1^7", 70 + i, enhanced=False)
            with tempfile.NamedTemporaryFile(suffix=".hl7", delete=False) as f:
                f.write(msg.replace(b"\r", b"\r\n"))
            out = subprocess.run(["mllp_send", "--file", f.name, "--loose", "-p", str(port), "127.0.0.1"],
                                 capture_output=True, timeout=15)
            os.unlink(f.name)
            check(f"message {i} acknowledged", b"MSA|AA" in out.stdout.replace(b"\r", b"\n") or
                  b"MSA|CA" in out.stdout.replace(b"\r", b"\n"), out.stdout[:200])
            time.sleep(2)
        state = st.state()
        links = [c for c in conditions(state) if c["code"] == "link_down"]
        check("no link condition while a sender comes and goes", links == [], links)
        check("the bed got its HR", st.bed(state, "ICU^1^7")["numerics"]["hr"]["value"] == 77)
    finally:
        st.stop()

# ---------------------------------------------------------------------------------------------------------
elif scenario == "no_alert_manager":
    # The default demo (embedded simulator, no [alert_manager]) for 5 minutes: alarms escalate locally,
    # but nothing is sent to, and no condition speaks of, an alert manager that does not exist.
    duration = seconds or 300
    st = Station(vigil, [])
    try:
        end = time.time() + duration
        worst = []
        escalated = 0
        while time.time() < end:
            state = st.state()
            for c in conditions(state):
                if ("alert" in c["text"].lower() and "manager" in c["text"].lower()) or \
                        c["code"] == "alert_manager_failed" or c["sent_to_alert_manager"] or \
                        c["delivery"] not in ("", None):
                    worst.append((c["code"], c["text"], c["delivery"]))
                escalated += 1 if c["escalated"] else 0
            time.sleep(5)
        state = st.state()
        check(f"{duration:.0f} s of the demo: no alert-manager condition or delivery", worst == [], worst[:5])
        check("the demo raised alarms meanwhile", len(conditions(state)) > 0)
        nested = [c for c in conditions(state) if c["text"].count(":") > 2]
        check("no nested condition texts", nested == [], nested)
        station_wide = [c for c in conditions(state) if c["bed"] == "" and c["code"] not in ("link_down", "archive_failed")]
        check("no unexplained station-wide condition", station_wide == [], station_wide)
    finally:
        st.stop()
else:
    print(f"unknown scenario {scenario}")
    sys.exit(2)

finish()
