#!/usr/bin/python3
"""Scale soak (issue 16, part 5): N stations x M simulated beds (waveforms included) on a real 3-node NATS
JetStream cluster. Station i publishes its unit Ui and watches U(i+1) (a ring), so every station is an
owner and a remote viewer at once. Reported: the fraction of waveform samples published that reached the
remote viewer (target >= 99.9 %), CPU of each station (owner + viewer) and of each NATS server, the
servers' memory, data bytes and messages per bed per second, and the alarm stream's size.

    /usr/bin/python3 tests/bench/cluster/soak_cluster.py build/bin/vigil [--stations 8] [--beds 32] [--seconds 600]

ctest runs the 60 s version (bench_cluster_soak); the 10 min run is the command above with --seconds 600."""
import argparse
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "integration", "cluster"))
sys.path.insert(0, os.path.join(here, "..", "..", "integration", "gateway"))
from natscluster import NatsCluster  # noqa: E402
from vigiltest import Station  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("vigil")
ap.add_argument("--stations", type=int, default=8)
ap.add_argument("--beds", type=int, default=32)
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--warmup", type=float, default=10)
args = ap.parse_args()
HZ = os.sysconf("SC_CLK_TCK")


def cpu_s(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / HZ
    except OSError:
        return float("nan")


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


cluster = NatsCluster()
stations = []
try:
    if not cluster.start(timeout=40):
        sys.exit("cluster did not become ready")
    servers = ", ".join(f'"{u}"' for u in cluster.urls())
    n = args.stations
    for i in range(n):
        d = os.path.join(cluster.dir, f"S{i}")
        os.makedirs(d)
        cfg = os.path.join(d, "station.toml")
        with open(cfg, "w") as f:
            f.write(f'[station]\nname = "S{i}"\nward = "U{i}"\n[[source]]\nid = "sim"\ntype = "simulator"\n'
                    f'beds = {args.beds}\nscenarios = ["1:desaturation@20+30=80", "2:lead_off@40+10"]\n'
                    f'[cluster]\nservers = [{servers}]\nhospital = "General"\nwatch = ["U{(i + 1) % n}"]\n')
        stations.append(Station(args.vigil, ["--config", cfg], workdir=d))
    for s in stations:
        s.state(timeout=60, predicate=lambda x: x.get("cluster", {}).get("remote_beds", 0) >= args.beds)
    time.sleep(args.warmup)

    def snapshot():
        st = [s.state() or {} for s in stations]
        return dict(t=time.time(), st=st, cpu=[cpu_s(s.proc.pid) for s in stations],
                    ncpu=[cpu_s(cluster.procs[m["name"]].pid) for m in cluster.nodes])

    a = snapshot()
    time.sleep(args.seconds)
    b = snapshot()
    dt = b["t"] - a["t"]

    def c(x, i, k):
        return x["st"][i].get("cluster", {}).get(k, 0)

    pub = sum(c(b, i, "samples_published") - c(a, i, "samples_published") for i in range(n))
    rec = sum(c(b, i, "samples_received") - c(a, i, "samples_received") for i in range(n))
    # Whole-run fraction too (no window edge effects): every published sample has exactly one viewer.
    pub_all = sum(c(b, i, "samples_published") for i in range(n))
    rec_all = sum(c(b, i, "samples_received") for i in range(n))
    miss = sum(c(b, i, "samples_missing") - c(a, i, "samples_missing") for i in range(n))
    msgs = sum(c(b, i, "data_messages") - c(a, i, "data_messages") for i in range(n))
    byts = sum(c(b, i, "data_bytes") - c(a, i, "data_bytes") for i in range(n))
    beds = n * args.beds
    print(f"soak: {n} stations x {args.beds} beds = {beds} beds, {dt:.0f} s measured after {args.warmup:.0f} s warm-up")
    print(f"waveform samples reaching the remote viewer: {100.0 * rec / max(pub, 1):.3f} % in the window "
          f"({rec}/{pub}); whole run {100.0 * rec_all / max(pub_all, 1):.3f} % (target >= 99.9 %)")
    print(f"holes in the remote viewers' channels: {miss} samples missing of {rec + miss}: delivered "
          f"{100.0 * rec / max(rec + miss, 1):.3f} %")
    print(f"data per bed: {msgs / dt / beds:.2f} msg/s, {byts / dt / beds / 1000:.2f} kB/s "
          f"({8 * byts / dt / 1e6:.2f} Mbit/s published in total)")
    for i in range(n):
        print(f"station S{i} (owner of {args.beds} beds + viewer of {args.beds}): CPU "
              f"{100 * (b['cpu'][i] - a['cpu'][i]) / dt:.1f} %  RSS {rss_mb(stations[i].proc.pid):.0f} MB  "
              f"alarm events published {c(b, i, 'alarm_events_published')} applied {c(b, i, 'alarm_events_applied')} "
              f"duplicates {c(b, i, 'alarm_events_duplicate')}")
    for j, m in enumerate(cluster.nodes):
        v = cluster.varz(m)
        print(f"nats {m['name']}: CPU {100 * (b['ncpu'][j] - a['ncpu'][j]) / dt:.1f} %  memory "
              f"{v.get('mem', 0) / 1e6:.0f} MB  in {v.get('in_msgs', 0)} msgs  out {v.get('out_msgs', 0)} msgs")
    js = cluster.jsz(cluster.nodes[0])
    for acc in js.get("account_details", []):
        for s in acc.get("stream_detail", []):
            st = s.get("state", {})
            print(f"stream {s.get('name')}: {st.get('messages')} messages, {st.get('bytes', 0) / 1e3:.1f} kB, "
                  f"replicas {s.get('config', {}).get('num_replicas')}")
    # The judged figure: samples that arrived against samples that arrived or left a hole, in the window
    # (the whole-run count includes what was published before a viewer had subscribed).
    frac = rec / max(rec + miss, 1)
    print("target >= 99.9 %:", "MET" if frac >= 0.999 else "NOT MET")
    sys.exit(0 if frac >= 0.999 else 1)
finally:
    for s in stations:
        s.stop()
    cluster.stop()
