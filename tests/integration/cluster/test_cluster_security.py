#!/usr/bin/python3
"""Issue 16, part 6: TLS with client certificates and per-station permissions on a real 3-node cluster.

openssl makes a CA, the servers' certificate and one client certificate per station. The servers require
a client certificate and map its subject to a NATS user (verify_and_map) whose permissions allow
publishing only its own unit's subjects. Station A (unit ICU1) publishes and B watches ICU1: B shows A's
beds. Station "Rogue" holds a valid certificate whose user may publish only ICU9, but its station file
says ICU1: the servers refuse its publications (permissions violation in its log), B never shows a bed or
alarm of Rogue, and Rogue's alarm events stay unsent. A station without a client certificate cannot
connect at all.

usage: test_cluster_security.py VIGIL"""
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "gateway"))
from natscluster import NatsCluster  # noqa: E402
from vigiltest import Station, check, finish  # noqa: E402

vigil = sys.argv[1]
import tempfile  # noqa: E402

pki = tempfile.mkdtemp(prefix="vigil-pki-")


def run(*args):
    subprocess.run(["openssl", *args], check=True, cwd=pki, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Vigil Test CA",
    "-keyout", "ca.key", "-out", "ca.pem")


def issue(name, cn, server=False):
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={cn}", "-keyout", f"{name}.key", "-out", f"{name}.csr")
    ext = os.path.join(pki, f"{name}.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n" if server
                else "extendedKeyUsage=clientAuth\n")
    run("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", ext, "-out", f"{name}.pem")


issue("server", "nats.test", server=True)
for n in ("a", "b", "rogue"):
    issue(n, f"station-{n}")

JS = ('"$JS.API.STREAM.INFO.VIGIL_ALARMS", "$JS.API.STREAM.CREATE.VIGIL_ALARMS", '
      '"$JS.API.CONSUMER.CREATE.VIGIL_ALARMS", "$JS.API.CONSUMER.CREATE.VIGIL_ALARMS.>", '
      '"$JS.API.CONSUMER.DELETE.VIGIL_ALARMS.>", "$JS.API.CONSUMER.INFO.VIGIL_ALARMS.>", "$JS.FC.>", "$JS.ACK.>"')


def user(cn, own_unit, watched):
    sub = ", ".join([f'"hospital.General.{own_unit}.*.cmd"', '"_INBOX.>"'] +
                    [f'"hospital.General.{u}.*.data"' for u in watched])
    pub = ", ".join([f'"hospital.General.{own_unit}.>"', '"_INBOX.>"'] +
                    [f'"hospital.General.{u}.*.cmd"' for u in watched]) + ", " + JS
    return f'{{ user: "CN={cn}", permissions: {{ publish: {{ allow: [{pub}] }}, subscribe: {{ allow: [{sub}] }} }} }}'


authz = ("authorization {\n  users = [\n    " + ",\n    ".join([
    user("station-a", "ICU1", []), user("station-b", "ICU2", ["ICU1"]), user("station-rogue", "ICU9", [])]) +
    "\n  ]\n}\n")
cluster = NatsCluster(tls=dict(ca=os.path.join(pki, "ca.pem"), cert=os.path.join(pki, "server.pem"),
                               key=os.path.join(pki, "server.key"), map=True), extra=authz)
stations = []
try:
    if not cluster.start(timeout=40):
        print("FAIL - the TLS cluster did not become ready")
        sys.exit(1)
    servers = ", ".join(f'"{u}"' for u in cluster.urls())

    def station(name, cert, ward, beds, watch, scenarios=()):
        d = os.path.join(cluster.dir, name)
        os.makedirs(d, exist_ok=True)
        src = ""
        if beds:
            sc = ", ".join(f'"{s}"' for s in scenarios)
            src = f'[[source]]\nid = "sim"\ntype = "simulator"\nbeds = {beds}\nscenarios = [{sc}]\n'
        tls = (f'tls_ca = "{pki}/ca.pem"\ntls_cert = "{pki}/{cert}.pem"\ntls_key = "{pki}/{cert}.key"\n'
               if cert else f'tls_ca = "{pki}/ca.pem"\n')
        w = ", ".join(f'"{x}"' for x in watch)
        with open(os.path.join(d, "station.toml"), "w") as f:
            f.write(f'[station]\nname = "{name}"\nward = "{ward}"\n{src}[cluster]\nservers = [{servers}]\n'
                    f'hospital = "General"\nwatch = [{w}]\n{tls}')
        s = Station(vigil, ["--config", os.path.join(d, "station.toml")], workdir=d)
        stations.append(s)
        return s

    a = station("A", "a", "ICU1", 2, [], ["2:lead_off@4+3"])
    rogue = station("Rogue", "rogue", "ICU1", 2, [], ["1:lead_off@4+3"])
    b = station("B", "b", "ICU2", 0, ["ICU1"])
    anon = station("Anon", None, "ICU7", 1, [])

    def sees_a(s):
        return any(x["key"] == "ICU1/SIM^01" and x["source"] == "cluster:A" for x in s.get("beds", [])) and \
            any(x.get("bed") == "ICU1/SIM^02" and x.get("code") == "lead_off" and x.get("state") != "active"
                for x in s.get("alarms", {}).get("conditions", []))

    st = b.state(timeout=45, predicate=sees_a)
    check("over TLS with client certificates, B shows A's beds and A's lead-off alarm", bool(st and sees_a(st)),
          (st or {}).get("cluster"))
    sr = rogue.state(timeout=20, predicate=lambda x: x.get("cluster", {}).get("alarm_events_published", 0) >= 2)
    time.sleep(3)
    st = b.state()
    rogue_beds = [x["key"] for x in st.get("beds", []) if x["source"] == "cluster:Rogue"]
    check("B shows no bed of the rogue station", not rogue_beds, rogue_beds)
    rogue_alarms = [x for x in st.get("alarms", {}).get("conditions", []) if x.get("bed") == "ICU1/SIM^01"]
    check("B shows no alarm of the rogue station", not rogue_alarms, rogue_alarms)
    sr = rogue.state()
    clr = sr.get("cluster", {})
    check("the rogue station is connected (its certificate is valid)", clr.get("connected") is True, clr)
    check("the rogue station's alarm events were refused by the stream (still unsent)",
          clr.get("alarm_events_published", 0) >= 2 and clr.get("alarm_events_pending", 0) >= 1, clr)
    check("the servers told the rogue station it may not publish there",
          "ermission" in rogue.log_text(), rogue.log_text()[-600:])
    sn = anon.state()
    check("a station without a client certificate never connects", sn and not sn.get("cluster", {}).get("connected"),
          (sn or {}).get("cluster"))
    cu = [x for x in (sn or {}).get("alarms", {}).get("conditions", []) if x.get("code") == "cluster_unreachable"
          and x.get("state") == "active"]
    check("... and says so (technical condition 'cluster unreachable')", len(cu) == 1, cu)
finally:
    for s in stations:
        s.stop()
    cluster.stop()
    import shutil
    shutil.rmtree(pki, ignore_errors=True)
finish()
