#!/usr/bin/python3
"""Issue 16, parts 1 and 2, through the real station binary on a real 3-node NATS JetStream cluster.

Station A (ward ICU1) ingests a simulated ward and publishes it; stations B (ICU2, with its own simulated
beds) and C (ICU3, a pure viewer) watch ICU1. Checked at both viewers: A's beds appear marked remote with
their owner (source "cluster:A"), with numerics and waveform samples; A's alarm conditions are active there
with their lifecycle. Then one NATS server is killed with SIGKILL under load while A's scenarios keep
raising and ending alarms: every alarm event A generated reaches every viewer exactly once (zero lost,
zero duplicated), and A's queue of unsent events drains to zero.

usage: test_cluster.py VIGIL [SECONDS_AFTER_KILL]"""
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "gateway"))
from natscluster import NatsCluster  # noqa: E402
from vigiltest import Station, check, finish  # noqa: E402

vigil = sys.argv[1]
after_kill = float(sys.argv[2]) if len(sys.argv) > 2 else 14
cluster = NatsCluster()
stations = []
try:
    if not cluster.start(timeout=40):
        print("FAIL - the 3-node cluster did not become ready")
        sys.exit(1)
    servers = ", ".join(f'"{u}"' for u in cluster.urls())

    def station(name, ward, beds, watch, scenarios=()):
        cfg = os.path.join(cluster.dir, f"{name}.toml")
        src = ""
        if beds:
            sc = ", ".join(f'"{s}"' for s in scenarios)
            src = f'[[source]]\nid = "sim"\ntype = "simulator"\nbeds = {beds}\nscenarios = [{sc}]\n'
        w = ", ".join(f'"{x}"' for x in watch)
        with open(cfg, "w") as f:
            f.write(f'[station]\nname = "{name}"\nward = "{ward}"\n{src}'
                    f'[cluster]\nservers = [{servers}]\nhospital = "General"\nwatch = [{w}]\n')
        s = Station(vigil, ["--config", cfg], workdir=os.path.join(cluster.dir, name))
        stations.append(s)
        return s

    for n in ("A", "B", "C"):
        os.makedirs(os.path.join(cluster.dir, n), exist_ok=True)
    # Scenario times are seconds after A starts: alarms before, during and after the server loss.
    a = station("A", "ICU1", 4, [], ["1:desaturation@6+300=75", "2:lead_off@14+4", "3:tachycardia@18+6=160",
                                     "4:sensor_off@22+3", "2:bradycardia@26+5=35"])
    b = station("B", "ICU2", 2, ["ICU1"])
    c = station("C", "ICU3", 0, ["ICU1"])

    def remote_ok(s):
        bed = next((x for x in s.get("beds", []) if x["key"] == "ICU1/SIM^01"), None)
        return bed and bed["source"] == "cluster:A" and "hr" in bed["numerics"] and \
            bed["waves"].get("ecg_ii", {}).get("samples_received", 0) > 0

    def spo2_remote(s):
        return next((x for x in (s or {}).get("alarms", {}).get("conditions", [])
                     if x.get("bed") == "ICU1/SIM^01" and x.get("code") == "spo2_low" and x.get("state") == "active"),
                    None)

    for name, s in (("B", b), ("C", c)):
        st = s.state(timeout=30, predicate=remote_ok)
        check(f"{name} shows A's bed ICU1/SIM^01 marked remote (source cluster:A) with numerics and ECG samples",
              bool(st and remote_ok(st)), (st or {}).get("cluster"))
        owners = {x["key"]: x["source"] for x in (st or {}).get("beds", [])}
        check(f"{name} shows all 4 of A's beds", all(owners.get(f"ICU1/SIM^0{i}") == "cluster:A" for i in range(1, 5)),
              owners)
        if name == "B":
            check("B keeps its own simulated beds, not marked remote",
                  owners.get("SIM^01") == "sim" and owners.get("SIM^02") == "sim", owners)
        st = s.state(timeout=20, predicate=spo2_remote)
        check(f"A's SpO2 low alarm is active at {name}", spo2_remote(st) is not None,
              [x.get("code") for x in (st or {}).get("alarms", {}).get("conditions", [])])

    # Part 2: SIGKILL one server of three under load, about when the lead-off starts.
    time.sleep(max(0.0, 13 - (time.time() - os.path.getmtime(os.path.join(cluster.dir, "A.toml")))))
    victim = cluster.nodes[0]["name"]
    cluster.kill9(victim)
    print(f"killed {victim} with SIGKILL")
    time.sleep(after_kill)

    def settled(s):
        cl = (s or {}).get("cluster", {})
        return cl.get("connected") and cl.get("alarm_events_pending", 1) == 0

    sa = a.state(timeout=20, predicate=settled)
    published = int((sa or {}).get("cluster", {}).get("alarm_events_published", -1))
    check("A reconnected and has no alarm event left unsent", settled(sa), (sa or {}).get("cluster"))
    check("A generated alarm events before, during and after the loss (>= 8)", published >= 8, published)
    for name, s in (("B", b), ("C", c)):
        st = s.state(timeout=20, predicate=lambda x: x.get("cluster", {}).get("alarm_events_applied", 0) >= published)
        cl = (st or {}).get("cluster", {})
        check(f"{name}: every one of A's {published} alarm events arrived (zero lost)",
              cl.get("alarm_events_applied") == published, cl.get("alarm_events_applied"))
        check(f"{name}: no alarm event applied twice (zero duplicated)", cl.get("alarm_events_duplicate") == 0,
              cl.get("alarm_events_duplicate"))
        bed2 = next((x for x in st.get("beds", []) if x["key"] == "ICU1/SIM^02"), {})
        check(f"{name}: A's data kept flowing after the loss", bed2.get("source") == "cluster:A" and
              not bed2.get("no_data", True), bed2.get("last_data"))
        codes = {x.get("code") for x in st.get("alarms", {}).get("conditions", []) if x.get("bed", "").startswith("ICU1/")}
        check(f"{name}: the alarms raised during the loss are in its history", {"lead_off", "hr_high"} <= codes, codes)
        cl_up = [x for x in st.get("alarms", {}).get("conditions", []) if x.get("code") == "cluster_unreachable"
                 and x.get("state") == "active"]
        check(f"{name}: no 'cluster unreachable' condition while 2 of 3 servers live", not cl_up, cl_up)
finally:
    for s in stations:
        s.stop()
    cluster.stop()
finish()
