#!/usr/bin/env python3
"""Independent ground truth for tst_wfdb.cpp.

Decodes the raw bytes of the shared WFDB .dat files with nothing but the format definitions
(format 212: two 12-bit two's-complement samples in 3 bytes, low byte of sample 0, then a byte whose
low nibble is the high nibble of sample 0 and whose high nibble is the high nibble of sample 1, then the
low byte of sample 1). It knows the frame layout only from the literal constants below, not from
any header parser. Run once: python3 ground_truth.py ../../../../shared/data/wfdb
"""
import sys, os

def dec212(data, n):
    out = []
    for i in range(n):
        b = (i // 2) * 3
        if i % 2 == 0:
            v = data[b] | ((data[b + 1] & 0x0F) << 8)
        else:
            v = data[b + 2] | ((data[b + 1] & 0xF0) << 4)
        if v >= 2048:
            v -= 4096
        out.append(v)
    return out

def show(d, name, layout, frames):
    """layout: list of (signal name, samples per frame)."""
    data = open(os.path.join(d, name + ".dat"), "rb").read()
    per_frame = sum(spf for _, spf in layout)
    flat = dec212(data, frames * per_frame)
    print(f"{name}: {len(data)} bytes, {frames} frames x {per_frame} samples")
    col = 0
    for sig, spf in layout:
        s = []
        for f in range(frames):
            base = f * per_frame + col
            s.extend(flat[base:base + spf])
        col += spf
        cks = sum(s) & 0xFFFF
        cks = cks - 65536 if cks >= 32768 else cks
        print(f"  {sig}: n={len(s)} checksum={cks} first8={s[:8]} last4={s[-4:]}")
        print(f"    s[1000..1003]={s[1000:1004]} s[1004..1007]={s[1004:1008]} s[{len(s)//2}]={s[len(s)//2]}")
        bad = [i for i, v in enumerate(s) if v == -2048]
        print(f"    invalid(-2048) count={len(bad)} first indices={bad[:3]}")

d = sys.argv[1]
show(d, "100", [("MLII", 1), ("V5", 1)], 650000)
show(d, "v102s", [("II", 1), ("V", 1), ("PLETH", 1), ("RESP", 1)], 75000)
show(d, "03700181", [("MCL1", 4), ("ABP", 1), ("RESP(raw, skew 4 not applied)", 1)], 75000)
