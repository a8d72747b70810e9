#!/usr/bin/python3
"""Alarm propagation across the cluster (issue 16): from a gateway's IHE PCD-04 alarm start sent to
station A's listener to the condition being active at station B, which watches A's unit through a real
3-node NATS JetStream cluster (R3 alarm stream). Baseline in the same run: the same PCD-04 to the
condition being active at A itself. Target: p99 across the cluster < 500 ms (Mindray: 2 s monitor to
central).

    /usr/bin/python3 tests/bench/cluster/bench_cluster_latency.py build/bin/vigil [--alarms N]"""
import argparse
import calendar
import os
import socket
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "integration", "cluster"))
sys.path.insert(0, os.path.join(here, "..", "..", "integration", "gateway"))
from natscluster import NatsCluster, free_port  # noqa: E402
from vigiltest import Station, frame, read_frames, msa  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("vigil")
ap.add_argument("--alarms", type=int, default=40)
ap.add_argument("--gap", type=float, default=0.25, help="seconds between alarm starts")
args = ap.parse_args()


def pcd04(control_id, alarm_id, bed, phase, state, hr):
    ts = time.strftime("%Y%m%d%H%M%S", time.gmtime())
    return (f"MSH|^~\\&|GW|F|VIGIL|ICU|{ts}+0000||ORU^R40^ORU_R40|{control_id}|P|2.6|||AL|NE||8859/1|||"
            "IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.4.4^ISO\r"
            f"PID|||P{bed}^^^HOSP^PI||Test^Patient\r"
            f"PV1||I|ICU^1^{bed}\r"
            f"OBR|1||{alarm_id}|196616^MDC_EVT_ALARM^MDC|||{ts}+0000\r"
            f"OBX|1|ST|196648^MDC_EVT_HI^MDC|1.0.0.1|HR high||||||F|||{ts}+0000\r"
            f"OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.0.0.2|{hr}|264864^MDC_DIM_BEAT_PER_MIN^MDC|50-120||||F\r"
            f"OBX|3|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.3|{phase}||||||F\r"
            f"OBX|4|ST|68482^MDC_ATTR_ALARM_STATE^MDC|1.0.0.4|{state}||||||F\r"
            "OBX|5|ST|68484^MDC_ATTR_ALARM_PRIORITY^MDC|1.0.0.6|PH||||||F\r"
            "OBX|6|ST|68485^MDC_ATTR_ALERT_TYPE^MDC|1.0.0.7|SP||||||F\r").encode()


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] if v else float("nan")


def iso_ms(s):
    return calendar.timegm(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S")) * 1000 + int(s[20:23])


cluster = NatsCluster()
stations = []
try:
    if not cluster.start(timeout=40):
        sys.exit("cluster did not become ready")
    servers = ", ".join(f'"{u}"' for u in cluster.urls())
    port = free_port()
    cfgs = {
        "A": f'[station]\nname = "A"\nward = "ICU1"\n[[source]]\nid = "gw"\ntype = "mllp"\n'
             f'listen = "mllp://127.0.0.1:{port}"\n[cluster]\nservers = [{servers}]\nhospital = "General"\n',
        "B": f'[station]\nname = "B"\nward = "ICU2"\n[cluster]\nservers = [{servers}]\nhospital = "General"\n'
             'watch = ["ICU1"]\n',
    }
    st = {}
    for n, text in cfgs.items():
        d = os.path.join(cluster.dir, n)
        os.makedirs(d)
        with open(os.path.join(d, "station.toml"), "w") as f:
            f.write(text)
        st[n] = Station(args.vigil, ["--config", os.path.join(d, "station.toml")], workdir=d)
        stations.append(st[n])
    for n in st:
        s = st[n].state(timeout=30, predicate=lambda x: x.get("cluster", {}).get("connected"))
        if not s:
            sys.exit(f"station {n} did not connect")
    time.sleep(2)
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sent = {}
    for i in range(args.alarms):
        aid = f"L{i}"
        bed = 1 + i  # one bed per alarm: a new alarm on a bed that just had one may continue it
        sent[aid] = time.time() * 1000
        sock.sendall(frame(pcd04(f"S{i}", aid, bed, "start", "active", 150)))
        acks = read_frames(sock, 1)
        if not acks or msa(acks[0])[0] not in ("AA", "CA"):
            print("no ACK for", aid, acks)
        time.sleep(args.gap / 2)
        sock.sendall(frame(pcd04(f"E{i}", aid, bed, "end", "inactive", 80)))
        read_frames(sock, 1)
        time.sleep(args.gap / 2)
    sock.close()
    time.sleep(3)
    sa = st["A"].state()
    sb = st["B"].state(timeout=10, predicate=lambda x: len(x.get("cluster", {}).get("arrivals", [])) >= args.alarms)
    local, remote = [], []
    for c in sa.get("alarms", {}).get("conditions", []):
        if c.get("gateway_alarm_id") in sent:
            local.append(iso_ms(c["start"]) - sent[c["gateway_alarm_id"]])
    for a in sb.get("cluster", {}).get("arrivals", []):
        if a.get("gw") in sent:
            remote.append(a["active"] - sent[a["gw"]])
    print(f"alarms sent {len(sent)}; active at A {len(local)}; active at B {len(remote)}")
    lp50, lp99, rp50, rp99 = pct(local, .5), pct(local, .99), pct(remote, .5), pct(remote, .99)
    print(f"PCD-04 -> active at A (baseline): p50 {lp50:.0f} ms  p99 {lp99:.0f} ms")
    print(f"PCD-04 -> active at B (cluster):  p50 {rp50:.0f} ms  p99 {rp99:.0f} ms  "
          f"(ratio to baseline p50 {rp50 / max(lp50, 1):.2f}, p99 {rp99 / max(lp99, 1):.2f})")
    ok = len(remote) == len(sent) and rp99 < 500
    print("target p99 < 500 ms and every alarm arrived:", "MET" if ok else "NOT MET")
    sys.exit(0 if ok else 1)
finally:
    for s in stations:
        s.stop()
    cluster.stop()
