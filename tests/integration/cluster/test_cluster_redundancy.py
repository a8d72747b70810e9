#!/usr/bin/python3
"""Issue 16, part 3: a redundant pair (active/standby) for one unit, decided by a lease in the cluster's
JetStream key-value bucket, on a real 3-node NATS cluster; one NATS server, then the active station are
killed with SIGKILL.

Stations A and B both ingest unit ICU1 ([cluster] redundant = true, lease_ms = 3000); A starts first and
takes the lease, B is standby; C watches ICU1. Before the kill: A publishes, B publishes nothing; a
sensor-off on bed 1 is acknowledged by a command another station sends (on the wire, as a station's link
does), so it is acknowledged at A, at the standby B and at C; a lead-off on bed 4 starts and ends.
Then one NATS server is killed with SIGKILL: the pair stays as it is. Then A is killed with SIGKILL. B
gets the lease when A's last renewal ages out: measured (kill -> B active, from B's own clock:
"role_since"), and at C (kill -> first data of the bed from B). Alarms that start while
nobody is active (B's scenarios only: A is dead by then) reach C once B is active, the short one with its
end. At C afterwards: the acknowledged sensor-off is the same condition, still acknowledged (not raised
again), bed 4's lead-off is there once (not published again), and no event was applied twice.

usage: test_cluster_redundancy.py VIGIL [--runs N] [--kill-leader]
  --runs N: repeat N times (fresh cluster each), print the takeover figures;
  --kill-leader: kill the lease bucket's leading server instead and only report whether the pair changed
  hands (its re-election takes about as long as a 3 s lease; docs/SCALE.md)."""
import json
import os
import signal
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "gateway"))
from natscluster import NatsCluster, nats_publish  # noqa: E402
from vigiltest import Station, check, finish  # noqa: E402

vigil = sys.argv[1]
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1
K = 22  # seconds after B starts when A is killed
figures = []
kill_leader = "--kill-leader" in sys.argv  # measure: kill the lease bucket's leader instead (no takeover step)
swaps = []


def conds(s, bed=None, code=None, source_prefix=None):
    out = []
    for x in (s or {}).get("alarms", {}).get("conditions", []):
        if not x.get("bed"):
            continue
        if bed and x["bed"] != bed:
            continue
        if code and x["code"] != code:
            continue
        if source_prefix and not x.get("source", "").startswith(source_prefix):
            continue
        out.append(x)
    return out


def lease_leader(cluster):
    """The server leading the lease bucket's stream (KV_VIGIL_LEASES), from any server's /jsz."""
    for n in cluster.nodes:
        for acc in cluster.jsz(n).get("account_details", []):
            for st in acc.get("stream_detail", []):
                if st.get("name") == "KV_VIGIL_LEASES":
                    return st.get("cluster", {}).get("leader")
    return None


def cl(s):
    return (s or {}).get("cluster", {})


def run_once(run):
    cluster = NatsCluster()
    stations = []
    try:
        if not cluster.start(timeout=40):
            check("the 3-node cluster became ready", False)
            return
        servers = ", ".join(f'"{u}"' for u in cluster.urls())

        def station(name, ward, watch=(), scenarios=None, redundant=False):
            d = os.path.join(cluster.dir, name)
            os.makedirs(d, exist_ok=True)
            cfg = os.path.join(d, "station.toml")
            src = ""
            if scenarios is not None:
                sc = ", ".join(f'"{x}"' for x in scenarios)
                src = f'[[source]]\nid = "sim"\ntype = "simulator"\nbeds = 4\nscenarios = [{sc}]\n'
            w = ", ".join(f'"{x}"' for x in watch)
            red = "redundant = true\nlease_ms = 3000\n" if redundant else ""
            with open(cfg, "w") as f:
                f.write(f'[station]\nname = "{name}"\nward = "{ward}"\n{src}'
                        f'[cluster]\nservers = [{servers}]\nhospital = "General"\nwatch = [{w}]\n{red}')
            s = Station(vigil, ["--config", cfg], workdir=d)
            stations.append(s)
            return s

        common = ["1:sensor_off@3+600", "4:lead_off@5+3"]
        a = station("A", "ICU1", scenarios=common, redundant=True)
        sa = a.state(timeout=30, predicate=lambda s: cl(s).get("role") == "active")
        check("A (started first) holds the lease: active", cl(sa).get("role") == "active", cl(sa))
        # B's own scenarios include what happens while A is dead: a lead-off on bed 2 that lasts, and a
        # sensor-off on bed 3 that starts 0.2 s after the kill and ends 1.2 s later, before B can take over
        # (the lease ages out at the earliest 2.25 s after the kill).
        b = station("B", "ICU1", scenarios=common + [f"2:lead_off@{K + 1}+40", f"3:sensor_off@{K - 0.3}+1.2"],
                    redundant=True)
        t_b = time.time()
        c = station("C", "ICU3", watch=["ICU1"])

        sb = b.state(timeout=20, predicate=lambda s: cl(s).get("role") == "standby" and cl(s).get("connected"))
        check("B is standby, and knows A is active", cl(sb).get("role") == "standby" and
              cl(sb).get("lease_holder") == "A", cl(sb))

        def alarm_at_a(s):
            x = conds(s, "SIM^01", "sensor_off")
            return x and x[0]["state"] == "active"
        sa = a.state(timeout=20, predicate=alarm_at_a)
        alarm_id = conds(sa, "SIM^01", "sensor_off")[0]["id"] if alarm_at_a(sa) else ""
        check("A: sensor-off alarm on bed 1", bool(alarm_id), conds(sa, "SIM^01"))
        sc = c.state(timeout=20, predicate=lambda s: conds(s, "ICU1/SIM^01", "sensor_off"))
        check("C: A's sensor-off alarm on bed 1 arrived", len(conds(sc, "ICU1/SIM^01", "sensor_off")) == 1,
              conds(sc, "ICU1/SIM^01"))
        # Acknowledged from another station of the care group (D): the command goes to the pair.
        cmd = json.dumps({"op": "acknowledge", "station": "ICU1", "alarm": f"A:{alarm_id}", "bed": "SIM^01",
                          "user": "nurse.d", "from": "D", "seconds": 0})
        check("D's acknowledgement was published", nats_publish(cluster.urls()[1],
                                                               "hospital.General.ICU1.SIM^01.cmd", cmd))

        def acked(bed, s):
            x = [y for y in conds(s, bed, "sensor_off") if y["state"] == "active"]
            return bool(x) and x[0]["acknowledged"]
        for name, s, bed in (("A", a, "SIM^01"), ("B", b, "SIM^01"), ("C", c, "ICU1/SIM^01")):
            st = s.state(timeout=15, predicate=lambda x, bed=bed: acked(bed, x))
            check(f"{name}: the sensor-off on bed 1 is acknowledged (by nurse.d at D)", acked(bed, st),
                  conds(st, bed, "sensor_off"))

        def lead4_done(s):
            return any(x["state"] != "active" for x in conds(s, "ICU1/SIM^04", "lead_off"))
        sc = c.state(timeout=20, predicate=lead4_done)
        check("C: bed 4's lead-off started and ended (from A)", lead4_done(sc), conds(sc, "ICU1/SIM^04"))
        # B started a moment after A: its own bed 4 lead-off comes that much later.
        sb = b.state(timeout=10, predicate=lambda s: cl(s).get("partner_bound", 0) >= 2)
        check("B (standby) published no data and no alarm event", cl(sb).get("data_messages") == 0 and
              cl(sb).get("alarm_events_published") == 0, cl(sb))
        check("B bound A's conditions to its own (bed 1 sensor-off, bed 4 lead-off)",
              cl(sb).get("partner_bound", 0) >= 2, cl(sb))
        bed1 = next((x for x in sc.get("beds", []) if x["key"] == "ICU1/SIM^01"), {})
        check("C shows bed 1 from A", bed1.get("source") == "cluster:A", bed1.get("source"))

        # First one NATS server of three (kill -9): the pair must not change hands over a failover. Not the
        # leader of the lease bucket: its re-election takes about as long as a 3 s lease (docs/SCALE.md).
        leader = lease_leader(cluster)
        victim = next(n["name"] for n in cluster.nodes if n["name"] != leader)
        if kill_leader and leader:
            victim = leader
        print(f"lease bucket leader: {leader}")
        cluster.kill9(victim)
        t_server = time.time()
        print(f"killed NATS server {victim} with SIGKILL at B+{t_server - t_b:.1f} s")
        time.sleep(max(0.0, t_b + K - 3 - time.time()))
        sa, sb = a.state(timeout=3), b.state(timeout=3)
        if kill_leader:
            print(f"lease leader killed: A role {cl(sa).get('role')} (became active {cl(sa).get('takeovers')} "
                  f"times), B role {cl(sb).get('role')} (took over {cl(sb).get('takeovers')} times)")
            swaps.append(cl(sb).get("takeovers", 0) > 0 or cl(sa).get("takeovers", 0) > 1)
            return
        check(f"after losing server {victim} for {time.time() - t_server:.1f} s (lease 3 s): A still active, "
              "B still standby, no takeover", cl(sa).get("role") == "active" and cl(sb).get("role") == "standby"
              and cl(sb).get("takeovers") == 0 and cl(sa).get("takeovers") == 1, (cl(sa), cl(sb)))

        # Then the active station.
        wait = t_b + K - 0.5 - time.time()
        if wait > 0:
            time.sleep(wait)
        t_kill = time.time()
        a.proc.send_signal(signal.SIGKILL)
        a.proc.wait()
        print(f"killed A (active) with SIGKILL at B+{t_kill - t_b:.1f} s")

        sb = b.state(timeout=20, predicate=lambda s: cl(s).get("role") == "active")
        takeover_ms = cl(sb).get("role_since", 0) - t_kill * 1000
        check("B took over (active)", cl(sb).get("role") == "active" and cl(sb).get("takeovers") == 1, cl(sb))
        check(f"takeover within 2-6 s of the kill (lease 3 s, renewed every 0.75 s): {takeover_ms:.0f} ms", 2000 <= takeover_ms <= 6000)

        def from_b(s):
            bed = next((x for x in (s or {}).get("beds", []) if x["key"] == "ICU1/SIM^01"), {})
            return bed.get("source") == "cluster:B"
        sc = c.state(timeout=15, predicate=from_b)
        seen_ms = (time.time() - t_kill) * 1000  # the state file is written once a second: +0..1 s
        check(f"C shows bed 1 from B now (seen {seen_ms:.0f} ms after the kill)", from_b(sc))

        def settled(s):
            return [x for x in conds(s, "ICU1/SIM^02", "lead_off") if x["state"] == "active"] and \
                [x for x in conds(s, "ICU1/SIM^03", "sensor_off") if x["state"] != "active"]
        sc = c.state(timeout=15, predicate=settled)
        first = conds(sc, "ICU1/SIM^01", "sensor_off")
        check("C: the sensor-off on bed 1 is still one condition, active and acknowledged (not raised again)",
              len(first) == 1 and first[0]["state"] == "active" and first[0]["acknowledged"], first)
        lead2 = conds(sc, "ICU1/SIM^02", "lead_off")
        check("C: the lead-off that started while nobody was active arrived from B, active",
              len(lead2) == 1 and lead2[0]["state"] == "active" and lead2[0]["source"] == "cluster:B", lead2)
        sens3 = conds(sc, "ICU1/SIM^03", "sensor_off")
        check("C: the sensor-off that started and ended while nobody was active arrived, ended",
              len(sens3) == 1 and sens3[0]["state"] != "active", sens3)
        lead4 = conds(sc, "ICU1/SIM^04", "lead_off")
        check("C: bed 4's lead-off is there once (B did not publish it again)", len(lead4) == 1, lead4)
        check("C: no alarm event applied twice", cl(sc).get("alarm_events_duplicate") == 0, cl(sc))
        sb = b.state(timeout=5, predicate=lambda s: cl(s).get("data_messages", 0) > 0)
        check("B publishes the unit's data now", cl(sb).get("data_messages", 0) > 0, cl(sb))
        figures.append((takeover_ms, seen_ms))
    finally:
        for s in stations:
            s.stop()
        cluster.stop()


for r in range(runs):
    run_once(r)
if swaps:
    print(f"lease leader killed in {len(swaps)} runs: the pair changed hands or the active one stepped down "
          f"and back in {sum(swaps)}")
if figures:
    t = sorted(f[0] for f in figures)
    v = sorted(f[1] for f in figures)
    print(f"takeover (kill -9 of the active -> standby active, lease 3000 ms): runs {len(t)}, "
          f"min {t[0]:.0f} ms, median {t[len(t) // 2]:.0f} ms, max {t[-1]:.0f} ms; "
          f"viewer shows the new owner: median {v[len(v) // 2]:.0f} ms, max {v[-1]:.0f} ms "
          f"(state file written once a second)")
finish()
