#!/usr/bin/python3
"""The station against real HL7 peers: python3-hl7's mllp_send (station listens) and an asyncio MLLP
gateway written with python3-hl7 (station dials out), including a gateway restart in the middle."""
import asyncio
import glob
import os
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from vigiltest import *  # noqa

vigil, data = sys.argv[1], sys.argv[2]
hl7dir = os.path.join(data, "hl7")
if not os.path.isdir(hl7dir):
    print(f"SKIP: {hl7dir} absent")
    sys.exit(77)

# --- 1. mllp_send of every shared message to the station's listener --------------------------------
port = free_port()
st = Station(vigil, ["--listen", f"mllp://127.0.0.1:{port}"])
check("station listens", wait_port(port))
acks = {}
for path in sorted(glob.glob(os.path.join(hl7dir, "*.hl7"))):
    out = subprocess.run(["mllp_send", "--file", path, "--loose", "-p", str(port), "127.0.0.1"],
                         capture_output=True, timeout=30)
    acks[os.path.basename(path)] = out.stdout.replace(b"\r", b"\n").decode(errors="replace")
for name, text in acks.items():
    code = next((l.split("|")[1] for l in text.splitlines() if l.startswith("MSA")), None)
    # Messages asking for enhanced mode (MSH-15 AL) get a commit ACK; the others an original-mode AA.
    check(f"{name}: accepted ({code})", code in ("CA", "AA"), text[:200])
check("Philips PCD-01 (MSH-15 AL) gets a commit ACK CA",
      "MSA|CA" in acks["pcd01_ihe_tf2_E.1.1_physio_monitor.hl7"])
check("t5 fixture (no MSH-15) gets an original-mode AA",
      "MSA|AA" in acks["pcd01_pulseox_nist_style_t5_testfixture.hl7"])

state = st.state(predicate=lambda s: len(s.get("beds", [])) >= 4)
or1 = st.bed(state, "HO Surgery^OR^1")
check("Philips monitor bed from PV1-3 with its patient", or1 and or1["patient"]["name"] == "Hon, Albert", or1)
check("HR 80 (MDC_ECG_CARD_BEAT_RATE alias) and SpO2 99 decoded",
      or1 and or1["numerics"]["hr"]["value"] == 80 and or1["numerics"]["spo2"]["value"] == 99)
check("numerics measured in 2015 are shown stale, not current", or1 and or1["numerics"]["hr"]["stale"] is True)
solar = st.bed(state, "COLWELL^^SOLAR")
check("episodic NIBP in UCUM mm[Hg]: 111/60 (80)",
      solar and [solar["numerics"][k]["value"] for k in ("nibp_sys", "nibp_dia", "nibp_mean")] == [111, 60, 80], solar)
wave = st.bed(state, "ICU^2^23")
check("waveform ORU: ECG I, II and pleth channels", wave and {"ecg_i", "ecg_ii", "pleth"} <= set(wave["waves"]), wave)
state = st.state(predicate=lambda s: any(c["bed"] == "CU1^^Bed001" for c in s["alarms"]["conditions"]))
draeger = [c for c in state["alarms"]["conditions"] if c["bed"] == "CU1^^Bed001"]
check("Draeger PCD-04 'CO2 Sensor unplugged' is an active low-priority alarm with its text",
      len(draeger) == 1 and draeger[0]["priority"] == "low" and draeger[0]["state"] == "active"
      and "CO2 Sensor unplugged" in draeger[0]["text"] and draeger[0]["origin"] == "gateway", draeger)
check("the bed's tile state carries the alarm", st.bed(state, "CU1^^Bed001")["alarm"]["priority"] == 1)

# --- 2. malformed, unsupported and oversized input over a raw socket: errors, connection stays up ---
s = socket.create_connection(("127.0.0.1", port))
s.sendall(frame(b"this is not HL7 at all"))
s.sendall(frame(b"MSH|^~\\&|X||VIGIL||20260101||ADT^A01^ADT_A01|ADT1|P|2.6\rPID|||1\r"))
s.sendall(b"\x00\x01garbage before a frame" + frame(numerics_message("OK1", "W^1^A", 72)))
s.sendall(frame(b"MSH|^~\\&|X||VIGIL||20260101||ORU^R01^ORU_R01|NOBED|P|2.6\rOBR|1\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|70\r"))
replies = read_frames(s, 4)
codes = [msa(r)[0] for r in replies]
check("non-HL7 frame answered AR with an ERR saying why", len(replies) >= 1 and codes[0] in ("AE", "AR") and "MSH" in err_text(replies[0]), replies[:1])
check("unsupported ADT^A01 answered AR with ERR", len(codes) >= 2 and codes[1] == "AR" and err_text(replies[1]), replies[1:2])
check("garbage before a frame skipped, next message accepted (CA)", len(codes) >= 3 and codes[2] == "CA" and msa(replies[2])[1] == "OK1", codes)
check("ORU without PV1-3 answered AE naming PV1", len(codes) >= 4 and codes[3] == "AE" and "PV1" in err_text(replies[3]), replies[3:4])
s.sendall(frame(numerics_message("OK2", "W^1^A", 75)))
check("connection still up after bad input", [msa(r) for r in read_frames(s, 1)] == [("CA", "OK2")])
s.close()
state = st.state(predicate=lambda s: (st.bed(s, "W^1^A") or {}).get("numerics", {}).get("hr", {}).get("value") == 75)
check("HR from the raw-socket messages reached the bed", st.bed(state, "W^1^A") is not None)
src = state["sources"][0]
check("source counts the refused messages as errors", src["errors"] >= 3, src)
check("station survived everything", st.proc.poll() is None)
st.stop()

# --- 3. oversized frame with a small max_frame_bytes, and a station file listing its beds ----------
port = free_port()
cfg = os.path.join(st.dir, "ward.toml")
with open(cfg, "w") as f:
    f.write(f'[station]\nname = "IT"\nward = "IT"\n[[bed]]\nkey = "W^1^A"\nlabel = "1A"\n'
            f'[[source]]\nid = "gw"\ntype = "mllp"\nlisten = "mllp://127.0.0.1:{port}"\nmax_frame_bytes = 4096\n')
st = Station(vigil, ["--config", cfg])
check("station with a station file listens", wait_port(port))
s = socket.create_connection(("127.0.0.1", port))
s.sendall(VT + b"MSH|" + b"X" * 20000 + FS + CR)
s.sendall(frame(numerics_message("AFTER", "W^1^A", 66)))
s.sendall(frame(numerics_message("OTHER", "W^9^Z", 99)))
replies = read_frames(s, 2)
check("oversized frame dropped, the next message still ACKed", [msa(r)[1] for r in replies][:1] == ["AFTER"], replies)
check("message for an unlisted bed is acknowledged", len(replies) == 2 and msa(replies[1]) == ("CA", "OTHER"), replies)
s.close()
state = st.state(predicate=lambda s: s.get("unknown_bed_messages", 0) >= 1)
check("unlisted bed counted, never shown", state and state["unknown_bed_messages"] == 1 and len(state["beds"]) == 1, state and state["beds"])
check("listed bed got its HR", st.bed(state, "W^1^A")["numerics"]["hr"]["value"] == 66)
check("oversized frame counted as an error", state["sources"][0]["errors"] >= 1 and "larger than" in state["sources"][0]["last_error"], state["sources"][0])
st.stop()

# --- 4. station dials a python3-hl7 asyncio gateway that restarts in the middle ---------------------
import hl7.mllp  # noqa: E402

N = 40
acked = set()
sent_once = threading.Event()


async def gateway(port, first, last, close_after=None):
    """Serves one station connection: sends messages first..last, one at a time, waiting for each ACK."""
    done = asyncio.Event()

    async def client(reader, writer):
        for i in range(first, last + 1):
            if close_after is not None and i == close_after:
                writer.close()  # the gateway drops mid-stream
                done.set()
                return
            writer.writemessage(hl7.parse(numerics_message(f"G{i}", f"W^R{i}^A", 40 + i).decode().replace("\r", "\r")))
            await writer.drain()
            ack = await asyncio.wait_for(reader.readmessage(), 10)
            if str(ack.segment("MSA")[1]) == "CA":
                acked.add(i)
        done.set()

    server = await hl7.mllp.start_hl7_server(client, "127.0.0.1", port)
    try:
        await asyncio.wait_for(done.wait(), 60)
    finally:
        server.close()
        await server.wait_closed()


gw_port = free_port()
st = Station(vigil, ["--gateway", f"mllp://127.0.0.1:{gw_port}"])
asyncio.run(gateway(gw_port, 1, N, close_after=N // 2))  # first life: drops after N/2 - 1 messages
time.sleep(0.5)
first_life = set(acked)
asyncio.run(gateway(gw_port, max(first_life) + 1, N))  # comes back; the station reconnects by itself
check("gateway saw ACKs before the drop", len(first_life) == N // 2 - 1, first_life)
check("station reconnected and every message was ACKed", acked == set(range(1, N + 1)), sorted(set(range(1, N + 1)) - acked))
state = st.state(predicate=lambda s: len(s.get("beds", [])) >= len(acked) and s["sources"][0]["messages"] >= N)
missing = [i for i in sorted(acked) if (st.bed(state, f"W^R{i}^A") or {}).get("numerics", {}).get("hr", {}).get("value") != 40 + i]
check("no message the gateway saw acknowledged is missing", not missing, missing)
src = state["sources"][0]
check("dial-out source reports its reconnects", src["errors"] >= 1 and src["messages"] == N, src)
st.stop()
finish()
