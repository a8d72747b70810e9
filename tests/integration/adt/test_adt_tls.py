"""The `--adt` dial-out (docs/ADT.md): the station dials the hospital's interface engine, which sends ADT
over the connection the station opened and reads the ACKs. The engine here is a Python MLLP peer (plain
socket, then TLS with mutual authentication from a CA made with openssl, then a server whose certificate
comes from another CA, which the station must refuse). ACKs are parsed with python-hl7; the census is
checked in the state file."""
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, sys.argv[2])
import vigiltest as vt  # noqa: E402
from vigiltest import check  # noqa: E402

import hl7  # noqa: E402

vigil = sys.argv[1]
work = tempfile.mkdtemp(prefix="vigil-adt-tls-")


def sh(*args):
    subprocess.run(args, cwd=work, check=True, capture_output=True)


def make_ca(name):
    sh("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f"{name}.key")
    sh("openssl", "req", "-x509", "-new", "-key", f"{name}.key", "-days", "30", "-subj", f"/CN={name}", "-out", f"{name}.pem")


def make_cert(name, ca):
    sh("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f"{name}.key")
    sh("openssl", "req", "-new", "-key", f"{name}.key", "-subj", f"/CN={name}", "-out", f"{name}.csr")
    with open(os.path.join(work, f"{name}.ext"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n")
    sh("openssl", "x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key", "-CAcreateserial",
       "-days", "30", "-extfile", f"{name}.ext", "-out", f"{name}.pem")


P = lambda n: os.path.join(work, n)  # noqa: E731
make_ca("ca")
make_ca("rogue")
make_cert("station", "ca")
make_cert("his", "ca")
make_cert("impostor", "rogue")

beds = ["ICU^1^A", "ICU^2^A", "ICU^3^A"]
station_file = P("station.toml")
with open(station_file, "w") as f:
    f.write('[station]\nname = "ADT dial-out"\nward = "ICU"\n\n')
    for i, b in enumerate(beds, 1):
        f.write(f'[[bed]]\nkey = "{b}"\nlabel = "{i}A"\n\n')


def a01(cid, mrn, family, bed):
    ts = time.strftime("%Y%m%d%H%M%S", time.gmtime())
    return ("\r".join([f"MSH|^~\\&|HIS|HOSP|VIGIL|ICU|{ts}||ADT^A01^ADT_A01|{cid}|P|2.5|||||||UNICODE UTF-8",
                       f"EVN|A01|{ts}", f"PID|1||{mrn}^^^HOSP^MR||{family}^Test||19700101|F",
                       f"PV1|1|I|{bed}"]) + "\r").encode("utf-8")


def read_frame(conn, timeout=10.0):
    conn.settimeout(timeout)
    buf = b""
    try:
        while b"\x1c\r" not in buf:
            chunk = conn.recv(4096)
            if not chunk:
                break
            buf += chunk
    except (socket.timeout, ssl.SSLError, OSError):
        pass
    if b"\x1c\r" not in buf:
        return None
    return hl7.parse(buf[buf.index(b"\x0b") + 1:buf.index(b"\x1c")].decode("utf-8").replace("\n", "\r"))


def stays(st):
    return (st or {}).get("census", {}).get("stays", {})


def engine(port, context=None):
    """The interface engine: waits for the station to dial in (TLS when context is given)."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(1)
    srv.settimeout(20)
    return srv


def accept(srv, context=None):
    conn, _ = srv.accept()
    if context:
        conn = context.wrap_socket(conn, server_side=True)
    return conn


# --- plain MLLP dial-out -----------------------------------------------------------------------------
plain_port, tls_port, rogue_port = vt.free_port(), vt.free_port(), vt.free_port()
srv = engine(plain_port)
station = vt.Station(vigil, ["--config", station_file, "--adt", f"mllp://127.0.0.1:{plain_port}"],
                     workdir=work)
try:
    conn = accept(srv)
    check("the station dialled the interface engine", conn is not None)
    conn.sendall(vt.frame(a01("D1", "MRN1", "Plain", "ICU^1^A")))
    ack = read_frame(conn)
    check("A01 over the dial-out link answered AA", ack is not None and str(ack.segment("MSA")[1]) == "AA"
          and str(ack.segment("MSA")[2]) == "D1", str(ack))
    st = station.state(predicate=lambda s: "ICU^1^A" in stays(s))
    check("dial-out admission in the census", stays(st).get("ICU^1^A", {}).get("mrn") == "MRN1", str(stays(st)))
    conn.close()
finally:
    station.stop()
    srv.close()

# --- TLS with mutual authentication, and an impostor -------------------------------------------------
good = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
good.load_cert_chain(P("his.pem"), P("his.key"))
good.load_verify_locations(P("ca.pem"))
good.verify_mode = ssl.CERT_REQUIRED  # the station must show its certificate
rogue = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
rogue.load_cert_chain(P("impostor.pem"), P("impostor.key"))

srv = engine(tls_port)
srv_rogue = engine(rogue_port)
station = vt.Station(vigil, ["--config", station_file,
                             "--adt", f"mllps://127.0.0.1:{tls_port}", "--adt", f"mllps://127.0.0.1:{rogue_port}",
                             "--tls-ca", P("ca.pem"), "--tls-cert", P("station.pem"), "--tls-key", P("station.key")],
                     workdir=work)
try:
    conn = accept(srv, good)
    peer = conn.getpeercert()
    cn = dict(x[0] for x in peer["subject"]).get("commonName") if peer else None
    check("TLS: the station authenticated with its certificate", cn == "station", str(peer))
    conn.sendall(vt.frame(a01("T1", "MRN2", "Secure", "ICU^2^A")))
    ack = read_frame(conn)
    check("A01 over TLS answered AA", ack is not None and str(ack.segment("MSA")[1]) == "AA", str(ack))
    st = station.state(predicate=lambda s: "ICU^2^A" in stays(s))
    check("TLS admission in the census", stays(st).get("ICU^2^A", {}).get("mrn") == "MRN2", str(stays(st)))

    # The impostor (a certificate from another CA): the station refuses the handshake, nothing is admitted.
    refused = False
    try:
        bad = accept(srv_rogue, rogue)
        bad.sendall(vt.frame(a01("R1", "MRN3", "Impostor", "ICU^3^A")))
        refused = read_frame(bad, timeout=4) is None
        bad.close()
    except (ssl.SSLError, OSError, socket.timeout):
        refused = True
    check("server certificate from another CA refused (no ACK)", refused)
    time.sleep(1.0)
    st = station.state()
    check("nothing admitted from the impostor", "ICU^3^A" not in stays(st), str(stays(st)))
    check("refusal logged with the reason", "ADT feed certificate refused" in station.log_text(),
          station.log_text()[-600:])
    conn.close()
finally:
    station.stop()
    srv.close()
    srv_rogue.close()
vt.finish()
