#!/usr/bin/python3
"""Issue 16, part 4: an escalated alarm shows its ESCALATED banner on every station of the care group,
through the real station binary on a real 3-node NATS JetStream cluster.

Station A (unit ICU1) escalates unacknowledged alarms after 3 s ([alarms.escalation]); stations B (ICU2,
with its own beds) and C (a pure viewer) watch ICU1 and keep the default tiers (20 s and 60 s), so a banner
there within those 20 s can only be A's escalation. D (ICU4) watches nothing of ICU1: no banner there.
The banner is the state file's alarms.escalated (what Station's alarm bar shows). Then another station
acknowledges A's alarm (a command on the wire): A de-escalates and the banner goes at B and C too.

usage: test_cluster_escalation.py VIGIL"""
import json
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "gateway"))
from natscluster import NatsCluster, nats_publish  # noqa: E402
from vigiltest import Station, check, finish  # noqa: E402

vigil = sys.argv[1]
cluster = NatsCluster()
stations = []


def conds(s, bed, code):
    return [x for x in (s or {}).get("alarms", {}).get("conditions", []) if x.get("bed") == bed and
            x.get("code") == code and x.get("state") == "active"]


def banner(s):
    return bool((s or {}).get("alarms", {}).get("escalated"))


try:
    if not cluster.start(timeout=40):
        print("FAIL - the 3-node cluster did not become ready")
        sys.exit(1)
    servers = ", ".join(f'"{u}"' for u in cluster.urls())

    def station(name, ward, beds, watch, scenarios=(), extra=""):
        d = os.path.join(cluster.dir, name)
        os.makedirs(d, exist_ok=True)
        cfg = os.path.join(d, "station.toml")
        src = ""
        if beds:
            sc = ", ".join(f'"{s}"' for s in scenarios)
            src = f'[[source]]\nid = "sim"\ntype = "simulator"\nbeds = {beds}\nscenarios = [{sc}]\n'
        w = ", ".join(f'"{x}"' for x in watch)
        with open(cfg, "w") as f:
            f.write(f'[station]\nname = "{name}"\nward = "{ward}"\n{src}{extra}'
                    f'[cluster]\nservers = [{servers}]\nhospital = "General"\nwatch = [{w}]\n')
        s = Station(vigil, ["--config", cfg], workdir=d)
        stations.append(s)
        return s

    esc = '[alarms.escalation]\nhigh = ["0:local", "3:escalated"]\nmedium = ["0:local", "3:escalated"]\n'
    b = station("B", "ICU2", 2, ["ICU1"])
    c = station("C", "ICU3", 0, ["ICU1"])
    d = station("D", "ICU4", 0, ["ICU2"])
    for s in (b, c):
        s.state(timeout=20, predicate=lambda x: x.get("cluster", {}).get("connected"))
    a = station("A", "ICU1", 2, [], ["1:sensor_off@3+300"], extra=esc)

    sa = a.state(timeout=30, predicate=lambda x: conds(x, "SIM^01", "sensor_off"))
    t_alarm = time.time()
    cond_a = (conds(sa, "SIM^01", "sensor_off") or [{}])[0]
    check("A: sensor-off alarm on bed 1", bool(cond_a), sa.get("alarms", {}).get("conditions") if sa else None)
    sa = a.state(timeout=15, predicate=banner)
    check("A: escalated after 3 s (its own banner)", banner(sa) and conds(sa, "SIM^01", "sensor_off")[0]["escalated"])
    for name, s in (("B", b), ("C", c)):
        st = s.state(timeout=10, predicate=banner)
        here_ = conds(st, "ICU1/SIM^01", "sensor_off")
        check(f"{name}: the ESCALATED banner shows A's escalation "
              f"({time.time() - t_alarm:.1f} s after the alarm showed at A)", banner(st), here_)
        check(f"{name}: not by its own tiers (its own escalation tier of the condition is 0)",
              len(here_) == 1 and here_[0]["escalation_tier"] == 0 and not here_[0]["escalated"], here_)
        check(f"{name}: within 20 s of the alarm (its own tier would come at 20 s)",
              time.time() - t_alarm < 20)
    sd = d.state(timeout=3)
    check("D (not in ICU1's care group): no banner", not banner(sd))

    # Acknowledged from another station (E): A de-escalates, every viewer's banner goes.
    cmd = json.dumps({"op": "acknowledge", "station": "A", "alarm": cond_a.get("id", "?"), "bed": "SIM^01",
                      "user": "nurse.e", "from": "E", "seconds": 0})
    check("E's acknowledgement was published", nats_publish(cluster.urls()[2], "hospital.General.ICU1.SIM^01.cmd", cmd))
    for name, s in (("A", a), ("B", b), ("C", c)):
        st = s.state(timeout=10, predicate=lambda x: not banner(x))
        check(f"{name}: banner gone after the acknowledgement", st is not None and not banner(st))
    check("the escalation test ran within 20 s of the alarm (no viewer tier involved)", time.time() - t_alarm < 20,
          f"{time.time() - t_alarm:.1f} s")
finally:
    for s in stations:
        s.stop()
    cluster.stop()
finish()
