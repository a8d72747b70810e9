"""A hospital EHR's Device Observation Consumer for the tests: an asyncio MLLP server that stores every
message it gets (one JSON line each: control id, the answer it gave, the message parsed with python-hl7)
and can be told to misbehave: --nak N answers AE to the first N messages, --drop N closes the connection
without an answer on the first N (counted after the NAKs). Prints "listening PORT" once ready.

  /usr/bin/python3 ehr_receiver.py --port 0 --out received.jsonl [--nak 2] [--drop 1]
"""
import argparse
import asyncio
import json
import sys
import time

import hl7

VT, FS, CR = b"\x0b", b"\x1c", b"\x0d"


def ack(msg, code):
    msh = msg.segment("MSH")
    ts = time.strftime("%Y%m%d%H%M%S", time.gmtime())
    return (f"MSH|^~\\&|EHR||{msh[3]}|{msh[4]}|{ts}||ACK^R01^ACK|A{msh[10]}|P|2.6\r"
            f"MSA|{code}|{msh[10]}\r").encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--nak", type=int, default=0)
    ap.add_argument("--drop", type=int, default=0)
    a = ap.parse_args()
    state = {"nak": a.nak, "drop": a.drop}
    out = open(a.out, "a", buffering=1, encoding="utf-8")

    async def handle(reader, writer):
        buf = b""
        while True:
            data = await reader.read(65536)
            if not data:
                break
            buf += data
            while VT in buf and FS + CR in buf:
                start = buf.index(VT)
                end = buf.index(FS + CR, start)
                raw = buf[start + 1:end].decode("utf-8")
                buf = buf[end + 2:]
                msg = hl7.parse(raw)
                if state["nak"] > 0:
                    state["nak"] -= 1
                    answer = "AE"
                elif state["drop"] > 0:
                    state["drop"] -= 1
                    answer = "drop"
                else:
                    answer = "AA"
                obx = []
                for seg in msg:
                    if str(seg[0]) == "OBX":
                        obx.append({"code": str(seg[3][0][0]), "refid": str(seg[3][0][1]), "value": str(seg[5]),
                                    "unit": str(seg[6][0][1]), "status": str(seg[11]), "time": str(seg[14]),
                                    "user": str(seg[16]) if len(seg) > 16 else ""})
                nte = [str(seg[3]) for seg in msg if str(seg[0]) == "NTE"]
                pid = msg.segment("PID")
                out.write(json.dumps({"control_id": str(msg.segment("MSH")[10]), "answer": answer,
                                      "type": str(msg.segment("MSH")[9]), "mrn": str(pid[3][0][0]),
                                      "name": str(pid[5]), "bed": str(msg.segment("PV1")[3]),
                                      "obx": obx, "nte": nte}, ensure_ascii=False) + "\n")
                if answer == "drop":
                    writer.close()
                    return
                writer.write(VT + ack(msg, answer) + FS + CR)
                await writer.drain()
        writer.close()

    async def run():
        server = await asyncio.start_server(handle, "127.0.0.1", a.port)
        print(f"listening {server.sockets[0].getsockname()[1]}", flush=True)
        async with server:
            await server.serve_forever()

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
