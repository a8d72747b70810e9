#!/usr/bin/python3
"""A small RFC 5425 receiver for tst_syslog: TLS on a free loopback port (printed on the first line of
stdout), every received byte appended to the file given, until stdin closes or 60 s pass."""
import os
import select
import socket
import ssl
import sys
import threading
import time

cert, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(4)
print(srv.getsockname()[1], flush=True)


def serve(conn):
    try:
        tls = ctx.wrap_socket(conn, server_side=True)
        while True:
            data = tls.recv(65536)
            if not data:
                break
            with open(out, "ab") as f:
                f.write(data)
    except (ssl.SSLError, OSError):
        pass


def accept_loop():
    while True:
        try:
            conn, _ = srv.accept()
        except OSError:
            return
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


threading.Thread(target=accept_loop, daemon=True).start()
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([sys.stdin], [], [], 0.5)
    if r and not os.read(sys.stdin.fileno(), 1024):
        break
srv.close()
