#!/usr/bin/python3
"""Crash safety of the real station: a gateway streams numerics to `vigil --headless --archive A`, and the
station is killed with SIGKILL at random moments, 20 times. After every kill the archive passes
`vigil archive verify` (SQLite integrity_check, chunk checksums), and at the end every message the gateway
saw acknowledged is in the archive with its exact value and time."""
import csv
import glob
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "gateway"))
from vigiltest import *  # noqa

vigil = sys.argv[1]
kills = int(sys.argv[2]) if len(sys.argv) > 2 else 20
work = tempfile.mkdtemp(prefix="vigil-kill-")
archive = os.path.join(work, "archive.sqlite")
rng = random.Random(20261122)
BEDS = 4
T0 = (int(time.time()) - 3600) * 1000  # one hour ago: each message k is measured at T0 + k s
acked = {}  # k -> (bed, time_ms, hr)
k = 0


def message(k):
    bed = f"K^^B{k % BEDS}"
    t = T0 + k * 1000
    ts = time.strftime("%Y%m%d%H%M%S", time.gmtime(t / 1000))
    hr = 30 + k % 170
    body = (f"MSH|^~\\&|KILLGW||VIGIL||{ts}+0000||ORU^R01^ORU_R01|K{k}|P|2.6|||AL|NE\r"
            f"PID|||KP{k % BEDS}^^^H^PI||Kill^Test\r"
            f"PV1||I|{bed}\r"
            f"OBR|1|||182777000^monitoring of patient^SNOMED-CT|||{ts}+0000\r"
            f"OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|{hr}|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||{ts}+0000\r")
    return body.encode(), (bed, t, hr)


verify_ok = 0
for round_ in range(kills):
    port = free_port()
    proc = subprocess.Popen([vigil, "--headless", "--archive", archive, "--listen", f"mllp://127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_port(port, 15):
        check(f"round {round_}: station listens", False)
        proc.kill()
        break
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(0.05)
    deadline = time.time() + rng.uniform(0.3, 1.5)
    inflight, buf = {}, b""
    try:
        while time.time() < deadline:
            while len(inflight) < 16:  # under load: 16 messages in flight
                msg, meta = message(k)
                s.sendall(frame(msg))
                inflight[f"K{k}"] = (k, meta)
                k += 1
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                break
            buf += chunk
            while FS + CR in buf:
                end = buf.index(FS + CR)
                code, cid = msa(buf[buf.index(VT) + 1:end])
                buf = buf[end + 2:]
                if code == "CA" and cid in inflight:
                    kk, meta = inflight.pop(cid)
                    acked[kk] = meta  # the gateway saw this acknowledged: it must survive the kill
    except OSError:
        pass
    proc.send_signal(signal.SIGKILL)  # at a random moment, with messages in flight
    proc.wait()
    s.close()
    v = subprocess.run([vigil, "archive", "verify", "--archive", archive], capture_output=True, text=True, timeout=120)
    if v.returncode == 0:
        verify_ok += 1
    else:
        print(v.stdout[-500:], v.stderr[-500:])
check(f"archive passed verify (integrity_check, checksums) after each of {kills} SIGKILLs", verify_ok == kills,
      f"{verify_ok}/{kills}")
check("the gateway saw many messages acknowledged", len(acked) > 50 * kills / 10, len(acked))

found = {}
for b in range(BEDS):
    out = os.path.join(work, f"bed{b}.csv")
    e = subprocess.run([vigil, "archive", "export", "--archive", archive, "--bed", f"K^^B{b}", "--from",
                        str(T0 - 1000), "--to", str(T0 + (k + 10) * 1000), "--format", "csv", "--out", out],
                       capture_output=True, text=True, timeout=120)
    check(f"export of bed {b} succeeds", e.returncode == 0, e.stderr[-300:])
    f = os.path.join(work, f"bed{b}_numerics.csv")
    if os.path.exists(f):
        with open(f) as fh:
            for row in csv.reader(fh):
                if row and row[0] != "time_utc" and len(row) >= 3 and row[2]:
                    found[(f"K^^B{b}", int(row[1]))] = float(row[2])
missing = [kk for kk, (bed, t, hr) in acked.items() if found.get((bed, t)) != hr]
check("every message the gateway saw acknowledged is in the archive, exact value and time", not missing,
      f"{len(missing)} missing of {len(acked)}, e.g. {missing[:5]}")
finish()
