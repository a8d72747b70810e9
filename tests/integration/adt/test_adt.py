"""The census end to end (docs/ADT.md): the real station with an ADT listener and a gateway listener;
python3-hl7's `mllp_send` sends HL7 v2.5 ADT messages written here (admit, transfer, swap, merge, cancel,
discharge, bad input); a gateway connection sends PCD-01 for a bed. Checked through ACKs (parsed with
python-hl7) and the state file: the census, pending conflicts, identity mismatch (technical condition),
unadmitted stays adopted by an admission, auto-discharge, and the census surviving a restart."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, sys.argv[2])
import vigiltest as vt  # noqa: E402
from vigiltest import check  # noqa: E402

import hl7  # noqa: E402

vigil = sys.argv[1]
if not shutil.which("mllp_send"):
    print("mllp_send (python3-hl7) missing")
    sys.exit(77)

work = tempfile.mkdtemp(prefix="vigil-adt-")
beds = [f"ICU^{i}^A" for i in range(1, 7)]
station_file = os.path.join(work, "station.toml")
with open(station_file, "w") as f:
    f.write('[station]\nname = "ADT test"\nward = "ICU"\n\n')
    for i, b in enumerate(beds, 1):
        f.write(f'[[bed]]\nkey = "{b}"\nlabel = "{i}A"\n\n')
    # Unadmitted and manual stays leave 9 s after their last data (the test's gateway stops sending).
    f.write("[adt]\nauto_discharge_h = 0.0025\n")

counter = [0]


def adt_msg(trigger, pid_segments, extra=""):
    counter[0] += 1
    cid = f"T{counter[0]}"
    ts = time.strftime("%Y%m%d%H%M%S", time.gmtime())
    msh = f"MSH|^~\\&|HIS|HOSP|VIGIL|ICU|{ts}||ADT^{trigger}^ADT_A01|{cid}|P|2.5|||||||UNICODE UTF-8"
    return cid, "\r".join([msh, f"EVN|{trigger}|{ts}"] + pid_segments + ([extra] if extra else [])) + "\r"


def pid(mrn, family, given, dob="19700101", sex="M", n=1):
    return f"PID|{n}||{mrn}^^^HOSP^MR||{family}^{given}||{dob}|{sex}"


def pv1(bed, n=1):
    return f"PV1|{n}|I|{bed}||||1234^House^Greg|||||||||||V{bed.replace('^', '')}"


def send(port, msg):
    """mllp_send from a message file; returns the parsed ACK."""
    path = os.path.join(work, f"msg{counter[0]}.hl7")
    with open(path, "wb") as f:  # mllp_send reads MLLP-framed messages from the file
        f.write(vt.frame(msg.encode("utf-8")))
    out = subprocess.run(["mllp_send", "-p", str(port), "-f", path, "127.0.0.1"], capture_output=True, timeout=20)
    text = out.stdout.decode("utf-8", errors="replace").strip()
    if not text:
        return None
    return hl7.parse(text.replace("\n", "\r"))


def code(ack):
    return str(ack.segment("MSA")[1]) if ack else None


def err(ack):
    try:
        return str(ack.segment("ERR"))
    except KeyError:
        return ""


def census(st):
    return (st or {}).get("census", {})


def stays(st):
    return census(st).get("stays", {})


adt_port, gw_port = vt.free_port(), vt.free_port()
archive = os.path.join(work, "archive.sqlite")
args = ["--config", station_file, "--archive", archive, "--adt-listen", f"mllp://127.0.0.1:{adt_port}",
        "--listen", f"mllp://127.0.0.1:{gw_port}"]
station = vt.Station(vigil, args, workdir=work)
try:
    check("ADT listener accepts", vt.wait_port(adt_port))
    st = station.state(predicate=lambda s: "census" in s)
    check("state file has a census", st is not None and "census" in st, str(st)[:200] if st else "")

    # Admit two patients, transfer one, swap them.
    cid, m = adt_msg("A01", [pid("MRN100", "Müller", "Jürgen"), pv1("ICU^1^A")])
    a = send(adt_port, m)
    check("A01 answered AA with our control id", code(a) == "AA" and str(a.segment("MSA")[2]) == cid, str(a))
    cid, m = adt_msg("A01", [pid("MRN200", "Иванова", "Анна", sex="F"), pv1("ICU^2^A")])
    check("A01 (Cyrillic name) AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: len(stays(s)) == 2)
    s1 = stays(st).get("ICU^1^A", {})
    check("bed 1 stay from ADT with name and DOB", s1.get("mrn") == "MRN100" and s1.get("name") == "Müller, Jürgen"
          and s1.get("birthDate") == "1970-01-01" and s1.get("source") == "adt" and s1.get("attending") == "House, Greg",
          str(s1))
    check("bed 2 Cyrillic name", stays(st).get("ICU^2^A", {}).get("name") == "Иванова, Анна", str(stays(st)))

    cid, m = adt_msg("A02", [pid("MRN100", "Müller", "Jürgen"), pv1("ICU^3^A")])
    transfer = m
    check("A02 transfer AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: "ICU^3^A" in stays(s))
    check("transfer moved the stay to bed 3", "ICU^3^A" in stays(st) and "ICU^1^A" not in stays(st), str(stays(st)))
    # A resend of the transfer (same control id and content) changes nothing and is AA again.
    a = send(adt_port, transfer)
    check("resent A02 answered AA again", code(a) == "AA")

    cid, m = adt_msg("A17", [pid("MRN100", "Müller", "Jürgen"), pv1("ICU^3^A"),
                             pid("MRN200", "Иванова", "Анна", n=2), pv1("ICU^2^A", n=2)])
    check("A17 swap AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: stays(s).get("ICU^2^A", {}).get("mrn") == "MRN100")
    check("swap exchanged the beds", stays(st).get("ICU^2^A", {}).get("mrn") == "MRN100"
          and stays(st).get("ICU^3^A", {}).get("mrn") == "MRN200", str(stays(st)))

    # Merge: MRN200 is merged into MRN201 (who has no stay here): the stay carries the survivor.
    cid, m = adt_msg("A40", [pid("MRN201", "Ivanova", "Anna", sex="F")], "MRG|MRN200^^^HOSP^MR")
    check("A40 merge AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: stays(s).get("ICU^3^A", {}).get("mrn") == "MRN201")
    check("merge relabelled the stay", stays(st).get("ICU^3^A", {}).get("mrn") == "MRN201", str(stays(st)))

    # Impossible events: AE with a reason, a pending conflict, nothing applied.
    cid, m = adt_msg("A03", [pid("NOBODY", "Nobody", "Known"), pv1("ICU^5^A")])
    a = send(adt_port, m)
    check("discharge of an unknown patient: AE with reason", code(a) == "AE" and "NOBODY" in err(a), str(a))
    cid, m = adt_msg("A02", [pid("MRN100", "Müller", "Jürgen"), pv1("ICU^3^A")])
    a = send(adt_port, m)
    check("transfer into an occupied bed: AE", code(a) == "AE" and "occupied" in err(a), str(a))
    st = station.state(predicate=lambda s: len(census(s).get("conflicts", [])) == 2)
    check("two pending conflicts in the state file", len(census(st).get("conflicts", [])) == 2, str(census(st)))
    check("occupied-bed transfer not applied", stays(st).get("ICU^2^A", {}).get("mrn") == "MRN100", str(stays(st)))

    # Bad input: each gets a clear ACK (and a log line).
    cid, m = adt_msg("A01", ["PID|1||||Nobody^Noid||19700101|M", pv1("ICU^5^A")])
    a = send(adt_port, m)
    check("missing PID-3: AE naming PID-3", code(a) == "AE" and "PID-3" in err(a), str(a))
    cid, m = adt_msg("A01", [pid("MRN300", "Future", "Born", dob="20990101"), pv1("ICU^5^A")])
    a = send(adt_port, m)
    check("future DOB: AE naming PID-7", code(a) == "AE" and "future" in err(a), str(a))
    cid, m = adt_msg("A01", [pid("MRN301", "Nowhere", "Bed"), pv1("ICU^77^Q")])
    a = send(adt_port, m)
    check("bed that does not exist: AE", code(a) == "AE" and "does not exist" in err(a), str(a))
    cid, m = adt_msg("A01", [pid("MRN302", "O\\T\\Brien", "Se\\S\\n"), pv1("ICU^5^A")])
    check("escaped name: AA", code(send(adt_port, m)) == "AA")
    cid, m = adt_msg("A01", [pid("MRN303", "Other", "Unit"), pv1("CARDIO^9^B")])
    a = send(adt_port, m)
    check("another unit's admit: AA, ignored", code(a) == "AA")
    st = station.state(predicate=lambda s: "ICU^5^A" in stays(s))
    check("escaped name decoded", stays(st).get("ICU^5^A", {}).get("name") == "O&Brien, Se^n", str(stays(st).get("ICU^5^A")))
    check("other unit's patient not in the census", all(v.get("mrn") != "MRN303" for v in stays(st).values()))
    log = station.log_text()
    check("log names the missing PID-3", "PID-3" in log)
    check("log names the future DOB", "in the future" in log)

    # Cancel and discharge: A11 removes bed 5's stay, A03 + A13 on bed 2.
    cid, m = adt_msg("A11", [pid("MRN302", "O\\T\\Brien", "Se\\S\\n"), pv1("ICU^5^A")])
    check("A11 cancel admit AA", code(send(adt_port, m)) == "AA")
    cid, m = adt_msg("A03", [pid("MRN100", "Müller", "Jürgen"), pv1("ICU^2^A")])
    check("A03 discharge AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: "ICU^2^A" not in stays(s) and "ICU^5^A" not in stays(s))
    check("discharged and cancelled beds are free", "ICU^2^A" not in stays(st) and "ICU^5^A" not in stays(st),
          str(stays(st)))
    cid, m = adt_msg("A13", [pid("MRN100", "Müller", "Jürgen"), pv1("ICU^2^A")])
    check("A13 cancel discharge AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: "ICU^2^A" in stays(s))
    check("cancelled discharge reopened the stay", stays(st).get("ICU^2^A", {}).get("mrn") == "MRN100", str(stays(st)))

    # Gateway vs ADT: the monitor on bed 2 names another patient -> technical condition, both kept.
    gw = socket.create_connection(("127.0.0.1", gw_port), timeout=5)
    gw.sendall(vt.frame(vt.numerics_message("G1", "ICU^2^A", 80, patient_id="GW999", name="Gate^Way")))
    vt.read_frames(gw, 1)
    st = station.state(predicate=lambda s: census(s).get("identity_mismatches"))
    mm = census(st).get("identity_mismatches", [])
    check("identity mismatch listed with both identities",
          len(mm) == 1 and mm[0]["gatewayId"] == "GW999" and mm[0]["stayMrn"] == "MRN100", str(mm))
    st = station.state(predicate=lambda s: any(c["code"] == "patient_identity_mismatch"
                                               for c in s["alarms"]["conditions"]))
    conds = [c for c in st["alarms"]["conditions"] if c["code"] == "patient_identity_mismatch"]
    check("technical condition raised on bed 2", len(conds) == 1 and conds[0].get("bed") in ("ICU^2^A", None),
          str(conds))
    check("stay not re-attributed", stays(st).get("ICU^2^A", {}).get("mrn") == "MRN100")

    # Unadmitted: data on bed 4 opens an unadmitted stay; an admission later keeps it.
    gw.sendall(vt.frame(vt.numerics_message("G2", "ICU^4^A", 70, patient_id="", name="")))
    vt.read_frames(gw, 1)
    st = station.state(predicate=lambda s: stays(s).get("ICU^4^A", {}).get("source") == "unadmitted")
    un = stays(st).get("ICU^4^A", {})
    check("data on an empty bed opened an unadmitted stay", un.get("source") == "unadmitted", str(stays(st)))
    cid, m = adt_msg("A01", [pid("MRN400", "Late", "Admit"), pv1("ICU^4^A")])
    check("admit to the unadmitted bed AA", code(send(adt_port, m)) == "AA")
    st = station.state(predicate=lambda s: stays(s).get("ICU^4^A", {}).get("mrn") == "MRN400")
    ad = stays(st).get("ICU^4^A", {})
    check("admission adopted the unadmitted stay (same stay, same start)",
          ad.get("stayId") == un.get("stayId") and ad.get("admitMs") == un.get("admitMs") and ad.get("source") == "adt",
          f"{un} -> {ad}")

    # Auto-discharge: bed 6 gets data once (unadmitted); 9 s after its last data it is discharged, while
    # ADT stays (bed 4, same age of data) stay.
    gw.sendall(vt.frame(vt.numerics_message("G3", "ICU^6^A", 75, patient_id="", name="")))
    vt.read_frames(gw, 1)
    st = station.state(predicate=lambda s: "ICU^6^A" in stays(s))
    check("bed 6 unadmitted stay opened", "ICU^6^A" in stays(st))
    gw.close()
    st = station.state(timeout=40, predicate=lambda s: "ICU^6^A" not in stays(s))
    check("auto-discharge after the configured time without data", "ICU^6^A" not in stays(st), str(stays(st)))
    check("ADT stays are not auto-discharged", "ICU^4^A" in stays(st))
    before = stays(st)
finally:
    rc = station.stop()
check("station exits cleanly", rc == 0, f"rc={rc}")

# Restart: the census and the conflicts come back; the old transfer resent is recognised.
station = vt.Station(vigil, args, workdir=work)
try:
    check("ADT listener back", vt.wait_port(adt_port))
    st = station.state(predicate=lambda s: len(stays(s)) > 0)
    check("census back after restart", {k: v["mrn"] for k, v in stays(st).items()} == {k: v["mrn"] for k, v in before.items()},
          f"{stays(st)} vs {before}")
    check("conflicts back after restart", len(census(st).get("conflicts", [])) == 3, str(census(st).get("conflicts")))
    a = send(adt_port, transfer)
    check("transfer resent after restart: AA, not applied again", code(a) == "AA")
    time.sleep(1.5)
    st = station.state()
    check("MRN100 still in bed 2", stays(st).get("ICU^2^A", {}).get("mrn") == "MRN100", str(stays(st)))
finally:
    station.stop()
vt.finish()
