#!/usr/bin/python3
"""TLS on gateway links, against OpenSSL's own s_client and s_server: the good case works with mutual
authentication; a wrong CA, an expired certificate, a misnamed server and a plaintext peer are refused
and reported with the reason."""
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from vigiltest import *  # noqa

vigil = sys.argv[1]
pki = tempfile.mkdtemp(prefix="vigil-tls-")


def sh(*args):
    subprocess.run(args, cwd=pki, check=True, capture_output=True)


def make_ca(name):
    sh("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f"{name}.key")
    sh("openssl", "req", "-x509", "-new", "-key", f"{name}.key", "-days", "30", "-subj", f"/CN={name}", "-out", f"{name}.pem")


def make_cert(name, ca, san="DNS:localhost,IP:127.0.0.1", days="30"):
    sh("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f"{name}.key")
    sh("openssl", "req", "-new", "-key", f"{name}.key", "-subj", f"/CN={name}", "-out", f"{name}.csr")
    with open(os.path.join(pki, f"{name}.ext"), "w") as f:
        f.write(f"subjectAltName={san}\nextendedKeyUsage=serverAuth,clientAuth\n")
    sh("openssl", "x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key", "-CAcreateserial",
       "-days", days, "-extfile", f"{name}.ext", "-out", f"{name}.pem")


make_ca("ca")
make_ca("rogue")
make_cert("station", "ca")
make_cert("gateway", "ca")
make_cert("stranger", "rogue")
make_cert("expired", "ca", days="0")  # not after == not before: expired a second later
make_cert("misnamed", "ca", san="DNS:some-other-host")
time.sleep(1.1)
P = lambda n: os.path.join(pki, n)  # noqa: E731
station_tls = ["--tls-ca", P("ca.pem"), "--tls-cert", P("station.pem"), "--tls-key", P("station.key")]
msg = frame(numerics_message("TLS1", "T^1^A", 77))


def s_client(port, cert, stdin=msg, timeout=5):
    """s_client keeps the connection open after its input (-quiet implies -ign_eof): collect what the
    station answered within the timeout."""
    cmd = ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-cert", P(f"{cert}.pem"),
           "-key", P(f"{cert}.key"), "-CAfile", P("ca.pem"), "-quiet", "-verify_return_error"]
    try:
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout)
        return p.stdout, p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        return e.stdout or b"", (e.stderr or b"").decode(errors="replace")


# --- the station listens with TLS --------------------------------------------------------------------
port = free_port()
st = Station(vigil, ["--listen", f"mllps://127.0.0.1:{port}"] + station_tls)
check("TLS listener up", wait_port(port))
out, err = s_client(port, "gateway", stdin=msg)
check("gateway with a certificate from the ward CA is served: ACK CA over TLS", b"MSA|CA|TLS1" in out, (out, err[-300:]))
state = st.state(predicate=lambda s: st.bed(s, "T^1^A") is not None)
check("message over TLS reached its bed", st.bed(state, "T^1^A")["numerics"]["hr"]["value"] == 77)
check("TLS link shown secure", state["sources"][0]["secure"] is True)

out, err = s_client(port, "stranger")
check("gateway certificate from another CA refused (no ACK)", b"MSA" not in out)
state = st.state(predicate=lambda s: s["sources"][0]["errors"] >= 1)
check("refusal reported with the reason", "TLS" in state["sources"][0]["last_error"], state["sources"][0])

out, err = s_client(port, "expired")
state = st.state(predicate=lambda s: "expired" in s["sources"][0]["last_error"].lower())
check("expired gateway certificate refused, reason says expired", b"MSA" not in out and state and "expired" in state["sources"][0]["last_error"].lower(),
      state and state["sources"][0]["last_error"])

p = subprocess.run(["mllp_send", "-p", str(port), "127.0.0.1"], input=msg[1:-2].replace(b"\r", b"\n"), capture_output=True, timeout=15)
state = st.state(predicate=lambda s: "handshake" in s["sources"][0]["last_error"].lower())
check("plaintext peer on the TLS port refused as a failed handshake", b"MSA" not in p.stdout and state is not None
      and "handshake" in state["sources"][0]["last_error"].lower(), state and state["sources"][0]["last_error"])
check("station still running after the refusals", st.proc.poll() is None)
st.stop()


# --- the station dials out with TLS to openssl s_server ---------------------------------------------
def dial(server_cert, server_cmd=None, expect_ack=False):
    port = free_port()
    if server_cmd is None:
        server_cmd = ["openssl", "s_server", "-accept", str(port), "-cert", P(f"{server_cert}.pem"), "-key",
                      P(f"{server_cert}.key"), "-CAfile", P("ca.pem"), "-Verify", "1", "-quiet", "-naccept", "3"]
    srv = subprocess.Popen(server_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # s_server needs a moment to bind (probing its port would use up an accept). It takes three
    # connections, so the station's retries after a refused handshake meet the same refusal (with one, the
    # retry met a closed port and "connection refused" replaced the reason before a snapshot showed it).
    time.sleep(1.0)
    st = Station(vigil, ["--gateway", f"mllps://127.0.0.1:{port}"] + station_tls)
    if expect_ack:
        # Send only once the station reports the link up (the handshake may take a while on a busy machine).
        st.state(timeout=15, predicate=lambda s: s["sources"] and s["sources"][0]["state"] == "connected")
        srv.stdin.write(msg)
        srv.stdin.flush()
    state = st.state(timeout=15, predicate=lambda s: s["sources"] and (s["sources"][0]["errors"] >= 1 or
                                                                          (expect_ack and st.bed(s, "T^1^A"))))
    out = b""
    if expect_ack:
        time.sleep(0.5)
    srv.kill()
    out = srv.stdout.read() or b""
    st.stop()
    return state, out


state, out = dial("gateway", expect_ack=True)
check("station dials a TLS gateway (s_server), mutual auth, message ACKed", state and st.bed(state, "T^1^A") is not None and b"MSA|CA|TLS1" in out, (state and state["sources"], out[-200:]))
state, _ = dial("stranger")
check("gateway from another CA refused when dialling, with the reason",
      state and "certificate" in state["sources"][0]["last_error"].lower(), state and state["sources"][0]["last_error"])
state, _ = dial("expired")
check("expired gateway certificate refused when dialling",
      state and "expired" in state["sources"][0]["last_error"].lower(), state and state["sources"][0]["last_error"])
state, _ = dial("misnamed")
check("gateway whose certificate names another host refused",
      state and "host name" in state["sources"][0]["last_error"].lower(), state and state["sources"][0]["last_error"])

# A plaintext MLLP server on an mllps:// URL.
port = free_port()
plain = socket.socket()
plain.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
plain.bind(("127.0.0.1", port))
plain.listen(1)


def plaintext_gateway():
    try:
        c, _ = plain.accept()
        c.sendall(msg)
        time.sleep(2)
        c.close()
    except OSError:
        pass


threading.Thread(target=plaintext_gateway, daemon=True).start()
st = Station(vigil, ["--gateway", f"mllps://127.0.0.1:{port}"] + station_tls)
state = st.state(timeout=8, predicate=lambda s: s["sources"] and s["sources"][0]["errors"] >= 1)
check("plaintext gateway on an mllps:// URL refused (handshake), nothing accepted",
      state and "handshake" in state["sources"][0]["last_error"].lower() and not state["beds"],
      state and (state["sources"][0]["last_error"], state["beds"]))
st.stop()
plain.close()

# Bad TLS configuration is refused at start, naming the file.
p = subprocess.run([vigil, "--headless", "--gateway", "mllps://127.0.0.1:1", "--tls-ca", P("nope.pem"),
                    "--tls-cert", P("station.pem"), "--tls-key", P("station.key"), "--quit-after", "2"],
                   capture_output=True, timeout=15)
check("missing CA file: the station refuses to start and names it", p.returncode != 0 and b"nope.pem" in p.stderr, p.stderr)
finish()
