"""A real 3-node nats-server cluster with JetStream on free loopback ports, for the cluster tests.

Config files and JetStream stores live in a temp dir; stop() ends exactly the servers started here."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

NATS_SERVER = shutil.which("nats-server") or "/usr/bin/nats-server"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NatsCluster:
    def __init__(self, size=3, workdir=None, tls=None, extra=""):
        """tls: dict(ca=, cert=, key=) for client TLS with verified client certificates; extra: more config
        text for every node (accounts, authorization)."""
        self.dir = workdir or tempfile.mkdtemp(prefix="vigil-nats-")
        self.nodes = []
        for i in range(size):
            self.nodes.append(dict(name=f"n{i + 1}", port=free_port(), route=free_port(), http=free_port()))
        for n in self.nodes:
            routes = ", ".join(f"nats-route://127.0.0.1:{m['route']}" for m in self.nodes if m is not n)
            tls_block = ""
            if tls:
                tls_block = (f'tls {{\n  cert_file: "{tls["cert"]}"\n  key_file: "{tls["key"]}"\n'
                             f'  ca_file: "{tls["ca"]}"\n  verify_and_map: {str(tls.get("map", False)).lower()}\n'
                             f'  verify: true\n  timeout: 3\n}}\n')
            n["conf"] = os.path.join(self.dir, n["name"] + ".conf")
            n["log"] = os.path.join(self.dir, n["name"] + ".log")
            with open(n["conf"], "w") as f:
                f.write(f"""server_name: {n['name']}
listen: 127.0.0.1:{n['port']}
http: 127.0.0.1:{n['http']}
{tls_block}
jetstream {{
  store_dir: "{os.path.join(self.dir, n['name'])}"
  max_memory_store: 64MB
  max_file_store: 1GB
}}
cluster {{
  name: vigil
  listen: 127.0.0.1:{n['route']}
  routes: [{routes}]
}}
{extra}
""")
        self.procs = {}
        self.tls = tls

    def urls(self):
        scheme = "tls" if self.tls else "nats"
        return [f"{scheme}://127.0.0.1:{n['port']}" for n in self.nodes]

    def start_node(self, n):
        self.procs[n["name"]] = subprocess.Popen([NATS_SERVER, "-c", n["conf"], "-l", n["log"]],
                                                 stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def start(self, timeout=30):
        for n in self.nodes:
            self.start_node(n)
        return self.wait_ready(timeout)

    def wait_ready(self, timeout=30):
        """True when every running node reports JetStream healthy (meta leader elected)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            ok = True
            for n in self.nodes:
                p = self.procs.get(n["name"])
                if p is None or p.poll() is not None:
                    continue
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{n['http']}/healthz", timeout=1) as r:
                        ok = ok and json.load(r).get("status") == "ok"
                except Exception:
                    ok = False
            if ok:
                return True
            time.sleep(0.3)
        return False

    def varz(self, n):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{n['http']}/varz", timeout=2) as r:
                return json.load(r)
        except Exception:
            return {}

    def jsz(self, n):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{n['http']}/jsz?accounts=true&streams=true&config=true", timeout=2) as r:
                return json.load(r)
        except Exception:
            return {}

    def kill9(self, name):
        p = self.procs.get(name)
        if p and p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()

    def stop(self):
        for p in self.procs.values():
            if p.poll() is None:
                p.terminate()
        for p in self.procs.values():
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if not os.environ.get("VIGIL_KEEP_TEST_DIRS"):
            shutil.rmtree(self.dir, ignore_errors=True)


def nats_publish(url, subject, payload, user=None, password=None):
    """Publishes one message on a plain subject with the NATS text protocol (no client library needed):
    what another station's link sends, e.g. a command. Returns True when the server answered the PING after
    it (so the message was processed)."""
    host, port = url.split("://", 1)[1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5) as s:
        f = s.makefile("rb")
        f.readline()  # INFO
        connect = {"verbose": False, "pedantic": False, "name": "vigil-test"}
        if user:
            connect.update(user=user, **{"pass": password})
        data = payload if isinstance(payload, bytes) else payload.encode()
        s.sendall(b"CONNECT " + json.dumps(connect).encode() + b"\r\n" +
                  f"PUB {subject} {len(data)}\r\n".encode() + data + b"\r\nPING\r\n")
        line = f.readline()
        return line.startswith(b"PONG")


if __name__ == "__main__":
    # "serve": start a cluster, print "READY url,url,url DIR", stop it when stdin closes (for C++ tests).
    import sys
    c = NatsCluster()
    try:
        if not c.start(timeout=40):
            print("FAILED", flush=True)
            sys.exit(1)
        print("READY " + ",".join(c.urls()) + " " + c.dir, flush=True)
        sys.stdin.read()
    finally:
        c.stop()
