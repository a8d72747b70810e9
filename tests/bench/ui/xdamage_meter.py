#!/usr/bin/python3
"""Screen-update meter for bench_waveforms: sums the X DAMAGE area of the whole screen (the root window
and everything drawn into its children, as a VNC server or remote-desktop host sees it) until a line
arrives on stdin, then prints "XDAMAGE <seconds> <pixels> <rectangles>" and exits.

Raw rectangles are reported per drawing request (ShmPutImage of a backing store flush, or the Present/
copy of a GL frame); overlapping reports in the same request are rare, so the sum is the area the X
server was told changed."""
import os
import select
import sys
import time

from Xlib import display
from Xlib.ext import damage


def main():
    d = display.Display()
    if not d.has_extension("DAMAGE"):
        print("XDAMAGE unavailable", flush=True)
        return 1
    d.damage_query_version()
    root = d.screen().root
    root.damage_create(damage.DamageReportRawRectangles)
    d.sync()
    print("READY", flush=True)
    pixels = 0
    rects = 0
    start = time.monotonic()
    xfd = d.fileno()
    while True:
        while d.pending_events():
            ev = d.next_event()
            if ev.type == d.extension_event.DamageNotify:
                a = ev.area
                pixels += a.width * a.height
                rects += 1
        r, _, _ = select.select([xfd, sys.stdin], [], [], 0.5)
        if sys.stdin in r:
            break
    elapsed = time.monotonic() - start
    print(f"XDAMAGE {elapsed:.3f} {pixels} {rects}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
