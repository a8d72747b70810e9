#!/usr/bin/python3
"""A ward alert manager / paging gateway for tests (the IHE PCD ACM Alert Manager actor), written with
python3-hl7's asyncio MLLP server. Run it with Debian's /usr/bin/python3, the interpreter that imports
python3-hl7.

It receives the station's PCD-04 escalations (ORU^R40), records each message as one JSON line, answers
with an ACK and then, for an `escalate`, with PCD-05 dissemination status messages as a paging system
would ("Delivered", then "Read" or "Accepted"). The station's ACKs of those are recorded too.

    alert_manager.py --port 0 --reply accepted --log am.jsonl [--tls-cert C --tls-key K --tls-ca CA]

Prints "LISTENING <port>" on stdout once it accepts connections. Stops on SIGTERM or SIGINT.
"""
import argparse
import asyncio
import json
import signal
import ssl
import sys
import time

import hl7
import hl7.mllp

REPLIES = {
    "delivered": ["Delivered"],
    "read": ["Delivered", "Read"],
    "accepted": ["Delivered", "Accepted"],
    "rejected": ["Delivered", "Rejected"],
    "undeliverable": ["Undeliverable"],
    "none": [],
}

ESCAPES = {"F": "|", "S": "^", "T": "&", "R": "~", "E": "\\"}


def unescape(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            end = text.find("\\", i + 1)
            if end > i:
                code = text[i + 1:end]
                if code in ESCAPES:
                    out.append(ESCAPES[code])
                elif code.startswith("X") and len(code) % 2 == 1:
                    out.append(bytes.fromhex(code[1:]).decode("utf-8", "replace"))
                else:
                    out.append(text[i:end + 1])
                i = end + 1
                continue
        out.append(text[i])
        i += 1
    return "".join(out)


class Raw:
    """Field access by HL7 numbers on the raw text (python3-hl7's MSH numbering differs from HL7's)."""

    def __init__(self, text):
        self.segments = [s.split("|") for s in text.replace("\r\n", "\r").replace("\n", "\r").split("\r") if s]

    def field(self, seg, n, component=None, index=0):
        found = [s for s in self.segments if s[0] == seg]
        if len(found) <= index:
            return ""
        s = found[index]
        k = n - 1 if seg == "MSH" else n  # MSH-1 is the separator itself
        value = s[k] if k < len(s) else ""
        if component is not None:
            parts = value.split("^")
            value = parts[component - 1] if component <= len(parts) else ""
        return value

    def facets(self):
        """OBX rows by the last level of OBX-4: {'1': (code, refid, value, range), ...}."""
        out = {}
        for s in self.segments:
            if s[0] != "OBX" or len(s) < 5:
                continue
            sub = s[4]
            if sub in ("", "1.0.0.0"):
                continue
            code = s[3].split("^") + ["", ""]
            out[sub.rsplit(".", 1)[-1]] = (code[0], code[1], unescape(s[5]) if len(s) > 5 else "",
                                           s[7] if len(s) > 7 else "")
        return out


def now_dtm():
    return time.strftime("%Y%m%d%H%M%S", time.gmtime()) + "+0000"


class AlertManager:
    def __init__(self, args):
        self.args = args
        self.log = open(args.log, "a", buffering=1) if args.log else None
        self.seq = 0

    def record(self, entry):
        entry["time"] = time.time()
        line = json.dumps(entry, sort_keys=True)
        if self.log:
            self.log.write(line + "\n")
        if self.args.verbose:
            print(line, flush=True)

    def next_id(self):
        self.seq += 1
        return f"PYAM{int(time.time())}-{self.seq}"

    def pcd05(self, raw, status):
        """One PCD-05 status for the alarm of `raw` in the form asked for on the command line."""
        form = self.args.form
        ts = now_dtm()
        kind = "ORA^R41^ORA_R41" if form == "ora" else "ORU^R41^ORU_R41"
        seg = [f"MSH|^~\\&|PYAM|WARD|{raw.field('MSH', 3)}|{raw.field('MSH', 4)}|{ts}||{kind}|{self.next_id()}|P|2.6"
               "|||AL|NE||UNICODE UTF-8|||IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.4.4^ISO"]
        if form == "ora":
            # Matched by the station through MSA-2, the MSH-10 of its PCD-04.
            seg.append(f"MSA|AA|{raw.field('MSH', 10)}")
            seg.append(f"PRT|||{status}")
            return "\r".join(seg) + "\r"
        for s in raw.segments:
            if s[0] in ("PID", "PV1"):
                seg.append("|".join(s))
        seg.append(f"OBR|1||{raw.field('OBR', 3)}|196616^MDC_EVT_ALARM^MDC|||{ts}")
        if form == "obx":
            seg.append(f"OBX|1|CWE|DISSEM_STATUS^Alert dissemination status^L|1.0.0.9|{status.upper()}^{status}^L"
                       f"||||||F|||{ts}")
        else:
            seg.append(f"PRT|||{status}")  # docs/STANDARDS-NOTES.md §3
        return "\r".join(seg) + "\r"

    def describe(self, raw, writer):
        f = raw.facets()
        entry = {
            "type": raw.field("MSH", 9),
            "control_id": raw.field("MSH", 10),
            "alarm_id": unescape(raw.field("OBR", 3)),
            "bed": raw.field("PV1", 3),
            "patient": raw.field("PID", 3, 1),
            "event": f.get("1", ("", "", "", ""))[1] or f.get("1", ("", "", "", ""))[0],
            "text": f.get("1", ("", "", "", ""))[2],
            "value": f.get("2", ("", "", "", ""))[2],
            "limits": f.get("2", ("", "", "", ""))[3],
            "phase": f.get("3", ("", "", "", ""))[2],
            "state": f.get("4", ("", "", "", ""))[2],
            "inactivation": f.get("5", ("", "", "", ""))[2],
            "priority": f.get("6", ("", "", "", ""))[2],
            "kind": f.get("7", ("", "", "", ""))[2],
        }
        sslobj = writer.get_extra_info("ssl_object")
        if sslobj is not None:
            cert = sslobj.getpeercert() or {}
            entry["peer_cn"] = next((v for rdn in cert.get("subject", ()) for k, v in rdn if k == "commonName"), "")
        return entry

    async def serve(self, reader, writer):
        peer = writer.get_extra_info("peername")
        try:
            while True:
                try:
                    message = await reader.readmessage()
                except asyncio.IncompleteReadError:
                    break
                raw = Raw(str(message))
                mtype = raw.field("MSH", 9)
                if mtype.startswith("ACK"):
                    self.record({"type": mtype, "ack_code": raw.field("MSA", 1), "ack_of": raw.field("MSA", 2),
                                 "error": unescape(raw.field("ERR", 8))})
                    continue
                entry = self.describe(raw, writer)
                if self.args.raw:
                    entry["raw"] = str(message)
                ack = self.args.ack.upper()
                entry["ack_sent"] = ack
                self.record(entry)
                if ack != "NONE":
                    writer.writemessage(message.create_ack(ack, message_id=self.next_id(), application="PYAM"))
                    await writer.drain()
                if entry["phase"] != "escalate":
                    continue
                for status in REPLIES[self.args.reply]:
                    await asyncio.sleep(self.args.reply_delay)
                    writer.writeblock(self.pcd05(raw, status).encode("utf-8"))
                    await writer.drain()
        except (ConnectionError, ssl.SSLError) as e:
            self.record({"type": "connection_error", "peer": str(peer), "error": str(e)})
        finally:
            writer.close()


async def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0: any free port (printed)")
    p.add_argument("--reply", choices=sorted(REPLIES), default="delivered",
                   help="PCD-05 statuses sent after an escalate (accepted: Delivered then Accepted)")
    p.add_argument("--form", choices=["prt", "obx", "ora"], default="prt",
                   help="where the status goes: PRT-3, an OBX row, or an ORA^R41 quoting our MSH-10 in MSA-2")
    p.add_argument("--ack", choices=["ca", "aa", "ae", "ar", "none"], default="ca",
                   help="ACK code for the station's messages (none: never ACK)")
    p.add_argument("--reply-delay", type=float, default=0.1, help="seconds before each PCD-05")
    p.add_argument("--log", help="append one JSON line per received message")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--tls-ca", help="CA of the station's client certificate (mutual TLS)")
    p.add_argument("--raw", action="store_true", help="also log each message as received")
    p.add_argument("--verbose", action="store_true", help="also print the log lines on stdout")
    args = p.parse_args()

    context = None
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(args.tls_cert, args.tls_key)
        if args.tls_ca:
            context.load_verify_locations(args.tls_ca)
            context.verify_mode = ssl.CERT_REQUIRED

    manager = AlertManager(args)
    server = await hl7.mllp.start_hl7_server(manager.serve, args.host, args.port, ssl=context,
                                             encoding="utf-8", encoding_errors="replace")
    port = server.sockets[0].getsockname()[1]
    print(f"LISTENING {port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
