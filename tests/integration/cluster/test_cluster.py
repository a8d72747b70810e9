#!/usr/bin/python3
"""Issue 16, parts 1 and 2, through the real station binary on a real 3-node NATS JetStream cluster.

Station A (ward ICU1) ingests a simulated ward and publishes it; stations B (ICU2, with its own simulated
beds) and C (ICU3, a pure viewer) watch ICU1. Checked at both viewers: A's beds appear marked remote with
their owner (source "cluster:A"), with numerics and waveform samples; A's alarm conditions are active there
with their lifecycle. Then one NATS server is killed with SIGKILL under load while A's scenarios keep
raising and ending alarms: every alarm event A generated reaches every viewer exactly once (zero lost,
zero duplicated), and A's queue of unsent events drains to zero.

usage: test_cluster.py VIGIL"""
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "gateway"))
from natscluster import NatsCluster  # noqa: E402
from vigiltest import Station, check, finish  # noqa: E402

vigil = sys.argv[1]
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
    # Scenario times are seconds after A's simulator starts: a lead-off that starts and ends before the
    # server loss, then a sensor-off, another lead-off and a desaturation after it.
    a = station("A", "ICU1", 4, [], ["2:lead_off@8+4", "4:sensor_off@18+3", "3:lead_off@24+3",
                                     "1:desaturation@4+300=75"])
    b = station("B", "ICU2", 2, ["ICU1"])
    c = station("C", "ICU3", 0, ["ICU1"])

    def remote_ok(s):
        bed = next((x for x in s.get("beds", []) if x["key"] == "ICU1/SIM^01"), None)
        return bed and bed["source"] == "cluster:A" and "hr" in bed["numerics"] and \
            bed["waves"].get("ecg_ii", {}).get("samples_received", 0) > 0

    def conds(s, bed_prefix=""):
        return [x for x in (s or {}).get("alarms", {}).get("conditions", []) if x.get("bed", "").startswith(bed_prefix)
                and x.get("bed")]

    def ended_lead_off(s):
        return [x for x in conds(s, "ICU1/SIM^02") if x["code"] == "lead_off" and x["state"] != "active"]

    for name, s in (("B", b), ("C", c)):
        st = s.state(timeout=40, predicate=remote_ok)
        check(f"{name} shows A's bed ICU1/SIM^01 marked remote (source cluster:A) with numerics and ECG samples",
              bool(st and remote_ok(st)), (st or {}).get("cluster"))
        owners = {x["key"]: x["source"] for x in (st or {}).get("beds", [])}
        check(f"{name} shows all 4 of A's beds", all(owners.get(f"ICU1/SIM^0{i}") == "cluster:A" for i in range(1, 5)),
              owners)
        if name == "B":
            check("B keeps its own simulated beds, not marked remote",
                  owners.get("SIM^01") == "sim" and owners.get("SIM^02") == "sim", owners)
        st = s.state(timeout=30, predicate=ended_lead_off)
        check(f"A's lead-off on SIM^02 started and ended at {name}, as one condition", len(ended_lead_off(st)) == 1,
              [(x["bed"], x["code"], x["state"]) for x in conds(st)])

    # Part 2: SIGKILL one server of three while A's scenarios go on.
    victim = cluster.nodes[0]["name"]
    cluster.kill9(victim)
    print(f"killed {victim} with SIGKILL")

    def a_done(s):
        cs = {(x["bed"], x["code"], x["state"]) for x in conds(s)}
        return ("SIM^04", "sensor_off", "inactive") in cs and ("SIM^03", "lead_off", "inactive") in cs and \
            ("SIM^01", "spo2_low", "active") in cs

    def settled(s):
        cl = (s or {}).get("cluster", {})
        return a_done(s) and cl.get("connected") and cl.get("alarm_events_pending", 1) == 0

    sa = a.state(timeout=60, predicate=settled)
    published = int((sa or {}).get("cluster", {}).get("alarm_events_published", -1))
    check("A raised and ended its alarms after the loss, reconnected, and has no alarm event left unsent",
          settled(sa), [(x["bed"], x["code"], x["state"]) for x in conds(sa)])
    at_a = sorted(("ICU1/" + x["bed"], x["code"]) for x in conds(sa))
    cl_a = [x for x in (sa or {}).get("alarms", {}).get("conditions", []) if x.get("code") == "cluster_unreachable"]
    check("A: no 'cluster unreachable' condition for a failover between servers", not cl_a, cl_a)
    for name, s in (("B", b), ("C", c)):
        st = s.state(timeout=20, predicate=lambda x: x.get("cluster", {}).get("alarm_events_applied", 0) >= published)
        cl = (st or {}).get("cluster", {})
        check(f"{name}: every one of A's {published} alarm events arrived (zero lost)",
              cl.get("alarm_events_applied") == published, cl.get("alarm_events_applied"))
        check(f"{name}: no alarm event applied twice (zero duplicated)", cl.get("alarm_events_duplicate") == 0,
              cl.get("alarm_events_duplicate"))
        # The conditions A raised, as they came from A (a viewer may add its own judgement of what it
        # received, e.g. a waveform gap when a failover cost it a data batch: data is not stored).
        here_ = sorted((x["bed"], x["code"]) for x in conds(st, "ICU1/") if x.get("source") == "cluster:A")
        check(f"{name}: its alarm history of A's beds is A's, each condition once", here_ == at_a, (here_, at_a))
        spo2 = [x for x in conds(st, "ICU1/SIM^01") if x["code"] == "spo2_low" and x["state"] == "active"]
        check(f"{name}: A's SpO2 low alarm (raised after the loss) is active here", len(spo2) == 1, spo2)
        bed2 = next((x for x in st.get("beds", []) if x["key"] == "ICU1/SIM^02"), {})
        check(f"{name}: A's data kept flowing after the loss", bed2.get("source") == "cluster:A" and
              not bed2.get("no_data", True), bed2.get("last_data"))
        cl_up = [x for x in st.get("alarms", {}).get("conditions", []) if x.get("code") == "cluster_unreachable"]
        check(f"{name}: no 'cluster unreachable' condition while 2 of 3 servers live", not cl_up, cl_up)
finally:
    for s in stations:
        s.stop()
    cluster.stop()
finish()
