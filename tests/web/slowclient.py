#!/usr/bin/env python3
"""slowclient.py - clients that misbehave, for resdex serve's limits
(tests/web/limits.sh). Every mode gives up after its SECONDS: nothing here
waits for ever.

  slowclient.py partial HOST PORT SECONDS
      Send the start of a request (its line and one header, never the blank
      line that ends them), then wait. Prints "closed after S" when the
      server closes the connection, "open after S" when SECONDS pass first.
  slowclient.py trickle HOST PORT SECONDS INTERVAL
      A POST announcing a body of 100000 bytes, then one byte of it every
      INTERVAL seconds (a client that is never idle for long). Prints
      "closed after S, N bytes sent" or "open after S, N bytes sent".
  slowclient.py hold HOST PORT COUNT SECONDS
      Open COUNT connections, each with the start of a request, print
      "ready" once all are open, and hold them SECONDS (or until killed).
"""
import socket
import sys
import time

PARTIAL = b"GET /api/stats HTTP/1.1\r\nHost: slow\r\n"


def closed(sock):
    """True when the server has closed the connection (EOF or reset)."""
    try:
        return sock.recv(4096) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (BlockingIOError, socket.timeout):
        return False


def partial(host, port, seconds):
    s = socket.create_connection((host, port), timeout=5)
    start = time.monotonic()
    s.sendall(PARTIAL)
    s.settimeout(0.1)
    while time.monotonic() - start < seconds:
        if closed(s):
            print("closed after %.1f" % (time.monotonic() - start))
            return 0
    print("open after %.1f" % (time.monotonic() - start))
    return 1


def trickle(host, port, seconds, interval):
    s = socket.create_connection((host, port), timeout=5)
    start = time.monotonic()
    s.sendall(b"POST /api/similar HTTP/1.1\r\nHost: slow\r\nContent-Type: text/plain\r\n"
              b"Content-Length: 100000\r\n\r\n")
    sent = 0
    s.settimeout(interval)
    while time.monotonic() - start < seconds:
        try:
            s.sendall(b"a")
            sent += 1
        except (ConnectionResetError, BrokenPipeError):
            print("closed after %.1f, %d bytes sent" % (time.monotonic() - start, sent))
            return 0
        if closed(s):
            print("closed after %.1f, %d bytes sent" % (time.monotonic() - start, sent))
            return 0
    print("open after %.1f, %d bytes sent" % (time.monotonic() - start, sent))
    return 1


def hold(host, port, count, seconds):
    socks = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(PARTIAL)
        socks.append(s)
    print("ready", flush=True)
    time.sleep(seconds)
    return 0


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "partial" and len(argv) == 5:
        return partial(argv[2], int(argv[3]), float(argv[4]))
    if mode == "trickle" and len(argv) == 6:
        return trickle(argv[2], int(argv[3]), float(argv[4]), float(argv[5]))
    if mode == "hold" and len(argv) == 6:
        return hold(argv[2], int(argv[3]), int(argv[4]), float(argv[5]))
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
