"""Shared helpers for the gateway integration tests: run the real vigil binary, talk MLLP, read state."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

VT, FS, CR = b"\x0b", b"\x1c", b"\x0d"
failures = []
passes = 0


def check(what, cond, detail=""):
    global passes
    if cond:
        passes += 1
        print(f"ok   - {what}")
    else:
        failures.append(what)
        print(f"FAIL - {what} {detail}")


def finish():
    print(f"{passes} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def frame(msg: bytes) -> bytes:
    return VT + msg + FS + CR


def read_frames(sock, count, timeout=5.0):
    """Reads `count` MLLP frames (ACKs) from a socket."""
    sock.settimeout(timeout)
    buf, out = b"", []
    deadline = time.time() + timeout
    while len(out) < count and time.time() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        if not chunk:
            break
        buf += chunk
        while VT in buf and FS + CR in buf:
            start = buf.index(VT)
            end = buf.index(FS + CR, start)
            out.append(buf[start + 1:end])
            buf = buf[end + 2:]
    return out


def msa(ack: bytes):
    for seg in ack.replace(b"\n", b"\r").split(b"\r"):
        if seg.startswith(b"MSA"):
            f = seg.split(b"|")
            return f[1].decode(), (f[2].decode() if len(f) > 2 else "")
    return None, None


def err_text(ack: bytes):
    for seg in ack.replace(b"\n", b"\r").split(b"\r"):
        if seg.startswith(b"ERR"):
            return seg.decode(errors="replace")
    return ""


class Station:
    """The real station binary, headless, with a state file."""

    def __init__(self, vigil, args, workdir=None):
        self.dir = workdir or tempfile.mkdtemp(prefix="vigil-it-")
        self.state_path = os.path.join(self.dir, "state.json")
        self.log_path = os.path.join(self.dir, "station.log")
        self.log = open(self.log_path, "w")
        if "--archive" not in args:
            args = args + ["--no-archive"]
        self.proc = subprocess.Popen([vigil, "--headless", "--state-file", self.state_path] + args,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def state(self, timeout=10.0, predicate=None):
        """Waits for a state snapshot (optionally one satisfying predicate) and returns it."""
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                with open(self.state_path) as f:
                    last = json.load(f)
                if predicate is None or predicate(last):
                    return last
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        return last

    def bed(self, state, key):
        for b in (state or {}).get("beds", []):
            if b["key"] == key:
                return b
        return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        return self.proc.returncode

    def log_text(self):
        with open(self.log_path) as f:
            return f.read()


def wait_port(port, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def numerics_message(control_id, bed, hr, patient_id="P1", name="Test^Patient", enhanced=True):
    """A minimal IHE PCD-01 numerics message for bed 'UNIT^ROOM^BED' with an HR value."""
    ts = time.strftime("%Y%m%d%H%M%S", time.gmtime())
    if enhanced:
        msh = (f"MSH|^~\\&|TESTGW||VIGIL||{ts}+0000||ORU^R01^ORU_R01|{control_id}|P|2.6|||AL|NE||8859/1|||"
               "IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO\r")
    else:
        msh = f"MSH|^~\\&|TESTGW||VIGIL||{ts}+0000||ORU^R01^ORU_R01|{control_id}|P|2.6\r"
    body = (f"PID|||{patient_id}^^^HOSP^PI||{name}\r"
            f"PV1||I|{bed}\r"
            f"OBR|1|||182777000^monitoring of patient^SNOMED-CT|||{ts}+0000\r"
            f"OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|{hr}|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||{ts}+0000\r")
    return (msh + body).encode()
